"""Pictures and files kept in the repository beside their posts (issue 13).

tests/data/blogger-media.xml is imported against a picture host on 127.0.0.1
(tests/media_server.py; no network): each picture, the full-size original
behind a thumbnail, ``srcset`` candidates and an attachment are kept in
``posts/<YYYY>/<slug>/``, the post points at them, ``media.yaml`` records where
each came from; a server error is retried; a missing file or an HTML page in a
picture's place is reported and left as a marked link, never loaded from the
old host; a second import downloads nothing it has; ``--no-media`` and
``--media-from`` do what they say; size and time limits hold.
"""

from __future__ import annotations

import base64
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml

from blogarchive.build import build
from blogarchive.cli import main
from blogarchive.importers.media import Mirror

from blogsite import Site
from media_server import FILES, PNG, MediaServer

DATA = Path(__file__).parent / "data"


@pytest.fixture
def media_server():
    server = MediaServer()
    yield server
    if server.httpd.socket.fileno() != -1:
        server.close()


def export_for(server: MediaServer, tmp_path: Path) -> Path:
    text = (DATA / "blogger-media.xml").read_text(encoding="utf-8")
    path = tmp_path / "export.xml"
    text = text.replace("SCHEMELESS", server.origin.removeprefix("http:"))
    path.write_text(text.replace("MEDIA", server.origin), encoding="utf-8")
    return path


def run_import(capsys, export: Path, blog_dir: Path, *extra) -> tuple[int, str]:
    """The import, allowed the picture host on 127.0.0.1 (as an intranet blog's)."""
    argv = ["import", "blogger", export, "--posts-dir", blog_dir / "posts", "--local-network"]
    argv += extra
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out + err


def test_pictures_and_files_are_kept_beside_the_post(media_server, blog_dir, tmp_path, capsys):
    export = export_for(media_server, tmp_path)
    status, out = run_import(capsys, export, blog_dir)
    assert status == 0, out
    folder = blog_dir / "posts/2011/the-board"
    kept = sorted(p.name for p in folder.iterdir())
    assert (
        kept
        == [
            "board-00e9b9.png",
            "board.png",
            "chart-2x.png",
            "chart.png",
            "flaky.png",
            "hearing.webm",
            "media.yaml",
            "minutes.mp3",
            "report.pdf",
        ]
        or len([k for k in kept if k.startswith("board")]) == 2
    ), kept
    sources = yaml.safe_load((folder / "media.yaml").read_text(encoding="utf-8"))
    assert set(sources.values()) == {
        f"{media_server.origin}{path}"
        for path in FILES
        if path.startswith(("/s", "/img/chart", "/files", "/img/flaky", "/video", "/audio"))
    }
    for name, url in sources.items():
        path = url.removeprefix(media_server.origin)
        assert (folder / name).read_bytes() == FILES[path][1]
    text = (blog_dir / "posts/2011/the-board.md").read_text(encoding="utf-8")
    assert media_server.origin not in text
    assert build(blog_dir, blog_dir / "_build/html") == 0
    site = Site(blog_dir / "_build/html")
    page = site.page("posts/2011/the-board.html").select_one("article section")
    images = page.find_all("img")
    assert images and all("://" not in img["src"] for img in images)
    for img in images:
        assert (site.path("posts/2011/the-board.html").parent / img["src"]).is_file()
    assert page.select_one("figure figcaption").get_text().strip().strip("¶") == "The board, 2011"
    report = page.find("a", string="full report")
    assert "://" not in report["href"] and report["href"].endswith(".pdf")
    # The video and the sound the post played (its address protocol-relative,
    # resolved as the post's pictures are): kept, and linked (nothing plays by itself).
    assert page.find_all(["video", "audio", "iframe"]) == []
    played = page.select(".embed-placeholder a")
    assert [a.get_text() for a in played] == ["hearing.webm", "minutes.mp3"]
    for link in played:
        assert "://" not in link["href"]
        assert (site.path("posts/2011/the-board.html").parent / link["href"]).is_file()
    assert "the old blog played in the post" in played[0].find_parent("div").get_text()


def test_a_failed_download_keeps_the_address_marked_and_reported(
    media_server, blog_dir, tmp_path, capsys
):
    export = export_for(media_server, tmp_path)
    _, out = run_import(capsys, export, blog_dir)
    assert "6 not archived" in out
    report = (blog_dir / "posts/import-report.txt").read_text(encoding="utf-8")
    assert f"not archived: {media_server.origin}/img/gone.png (HTTP 404)" in report
    assert f"not archived: {media_server.origin}/img/gone-too.png (HTTP 404)" in report
    assert f"not archived: {media_server.origin}/img/page.png (not a picture or file" in report
    assert build(blog_dir, blog_dir / "_build/html") == 0
    page = Site(blog_dir / "_build/html").page("posts/2011/lost-pictures.html")
    section = page.select_one("article section")
    assert [img["alt"] for img in section.find_all("img")] == ["The board again"]  # below
    link = section.find("a", string="A vanished photo (not archived)")
    assert link["href"] == f"{media_server.origin}/img/gone.png"
    # A picture with a title, floated beside the words (MyST's attributes after
    # it): its link too, the attributes gone with the picture.
    link = section.find("a", string="A titled photo (not archived)")
    assert link["href"] == f"{media_server.origin}/img/gone-too.png"
    assert "{" not in section.get_text()
    post = (blog_dir / "posts/2011/lost-pictures.md").read_text(encoding="utf-8")
    assert "align=" not in post
    # A lost picture in a link to its larger copy (Blogger's every picture):
    # the link, marked; where the larger copy was kept, the picture is it.
    # (The picture's link in a link had shown brackets and an address as text.)
    assert "](" not in section.get_text()
    link = section.find("a", string="A lost thumbnail (not archived)")
    assert link["href"] == f"{media_server.origin}/img/gone-large.png"
    [again] = section.select('img[alt="The board again"]')
    pages = blog_dir / "_build/html/posts/2011"
    for shown in (again["src"], again.find_parent("a")["href"]):  # the picture, its link
        assert (pages / shown).resolve().read_bytes() == PNG + b"large", shown


def test_a_second_import_downloads_nothing_it_has(media_server, blog_dir, tmp_path, capsys):
    export = export_for(media_server, tmp_path)
    run_import(capsys, export, blog_dir)
    media_server.requests.clear()
    status, out = run_import(capsys, export, blog_dir)
    assert "0 written" in out and "2 unchanged" in out
    # Only what could not be kept is asked for again.
    lost = ("gone-large", "gone-small", "gone-thumb", "gone-too", "gone", "page")
    assert sorted(set(media_server.requests)) == [f"/img/{name}.png" for name in lost]


def test_a_media_record_that_cannot_be_read_is_named_not_written_over(
    media_server, blog_dir, tmp_path, capsys
):
    """A post's media.yaml that could not be read (a merge left its markers in
    it) was read as no record: a second import fetched every file again and
    wrote the record over, and a picture of another address could take a
    kept file's name; the build answered none of the files' old addresses,
    and said nothing.  The import stops before it fetches or writes anything,
    naming the file and its line; the build fails, naming them too."""
    export = export_for(media_server, tmp_path)
    run_import(capsys, export, blog_dir)
    record = blog_dir / "posts/2011/the-board/media.yaml"
    lines = record.read_text(encoding="utf-8").splitlines(keepends=True)
    broken = "".join([*lines[:2], "<<<<<<< HEAD\n", *lines[2:], ">>>>>>> other\n"])
    record.write_text(broken, encoding="utf-8")
    posts = {p: p.read_bytes() for p in (blog_dir / "posts").rglob("*") if p.is_file()}
    media_server.requests.clear()
    status, out = run_import(capsys, export, blog_dir)
    assert status == 1 and media_server.requests == []
    assert f"blog import: {record}:3: cannot be read: a merge left its markers in it" in out
    assert out.rstrip().endswith("; nothing written")
    assert {p: p.read_bytes() for p in (blog_dir / "posts").rglob("*") if p.is_file()} == posts
    status, err = build_and_say(blog_dir, capsys)
    assert status != 0
    assert f"{record}:3: ERROR: media: cannot be read: a merge left its markers in it" in err


def build_and_say(blog: Path, capsys) -> tuple[int, str]:
    status = build(blog, blog / "_build/html")
    out, err = capsys.readouterr()
    return status, out + err


def test_a_pasted_picture_is_kept_as_a_file(media_server, blog_dir, tmp_path, capsys):
    """A picture pasted into a post (a data: address, megabytes in the text:
    a 10 MB one took the build 15 s) is written beside the post as any other
    picture, the post pointing at it; media.yaml says where it came from; a
    second import changes nothing."""
    picture = PNG + b"pasted"
    encoded = base64.b64encode(picture).decode()
    export = export_for(media_server, tmp_path)
    pasted = (
        f"&lt;img alt='Pasted' src='data:image/png;base64,{encoded[:30]}\n{encoded[30:]}' /&gt;"
    )
    text = export.read_text(encoding="utf-8").replace("The board met today.", "Met." + pasted, 1)
    export.write_text(text, encoding="utf-8")
    status, out = run_import(capsys, export, blog_dir)
    assert status == 0, out
    folder = blog_dir / "posts/2011/the-board"
    [kept] = folder.glob("pasted-*.png")
    assert kept.read_bytes() == picture
    assert yaml.safe_load((folder / "media.yaml").read_text())[kept.name].startswith(
        "pasted into the post (image/png, sha1 "
    )
    post = (blog_dir / "posts/2011/the-board.md").read_text(encoding="utf-8")
    assert f"![Pasted](the-board/{kept.name})" in post and "base64" not in post
    assert build(blog_dir, blog_dir / "_build/html") == 0
    page = Site(blog_dir / "_build/html").page("posts/2011/the-board.html")
    assert page.select_one('img[alt="Pasted"]')["src"].endswith(f"/{kept.name}")
    status, out = run_import(capsys, export, blog_dir)
    assert "0 written" in out and "2 unchanged" in out


def test_a_link_to_bloggers_page_of_a_picture_leads_to_the_picture(
    media_server, blog_dir, tmp_path, capsys
):
    """Windows Live Writer linked a post's pictures to Blogger's page of each
    (``.../s1600-h/photo.png``, an HTML page, not the picture): the import
    asked for it, was refused ("not a picture"), and left the link on the old
    host, marked "not archived".  It leads to the picture (``s1600``), kept."""
    export = export_for(media_server, tmp_path)
    text = export.read_text(encoding="utf-8")
    export.write_text(text.replace("/s1600/board.png", "/s1600-h/board.png"), encoding="utf-8")
    status, out = run_import(capsys, export, blog_dir)
    assert status == 0, out
    assert "/s1600-h/" not in "".join(media_server.requests)
    post = (blog_dir / "posts/2011/the-board.md").read_text(encoding="utf-8")
    assert "s1600-h" not in post and "not archived" not in post.split("A flaky")[0]
    kept = [p.read_bytes() for p in (blog_dir / "posts/2011/the-board").glob("board*.png")]
    assert PNG + b"large" in kept


def test_no_file_that_can_run_script_is_kept(media_server, blog_dir, tmp_path, capsys):
    """A picture or file whose kind can hold script (an SVG, an HTML page
    served as a download or as a picture) was kept, named by its address,
    and published on the archive's own site (``_images/photo.html``), where
    opening it ran its script.  It is never kept: the post keeps a link to
    it, marked "not archived", as for any file that could not be had."""
    export = export_for(media_server, tmp_path)
    hostile = "".join(
        f'&lt;img src="{media_server.origin}/img/{name}" alt="{name}" /&gt;'
        for name in ("drawing.svg", "photo.html", "photo.xhtml", "sketch")
    )
    hostile += f'&lt;a href="{media_server.origin}/img/drawing.svg"&gt;the drawing&lt;/a&gt;'
    hostile += f'&lt;a href="{media_server.origin}/docs/minutes.docx"&gt;minutes&lt;/a&gt;'
    text = export.read_text(encoding="utf-8").replace("The board met today.", hostile, 1)
    export.write_text(text, encoding="utf-8")
    status, out = run_import(capsys, export, blog_dir)
    assert status == 0, out
    kept = {p.name for p in (blog_dir / "posts/2011/the-board").iterdir()}
    assert "minutes.docx" in kept
    assert not [n for n in kept if n.endswith((".svg", ".html", ".xhtml")) or "sketch" in n]
    report = (blog_dir / "posts/import-report.txt").read_text(encoding="utf-8")
    for name in ("drawing.svg", "photo.html", "photo.xhtml"):
        assert f"not archived: {media_server.origin}/img/{name} (a .{name.split('.')[1]} " in report
    assert f"not archived: {media_server.origin}/img/sketch (not a picture or file" in report
    assert build(blog_dir, blog_dir / "_build/html") == 0
    site = blog_dir / "_build/html"
    copied = [*site.glob("_images/**/*"), *site.glob("_downloads/**/*")]
    assert not [p for p in copied if p.suffix in (".svg", ".html", ".xhtml")]
    assert not [p for p in site.glob("posts/**/*") if p.suffix in (".svg", ".xhtml")]
    page = Site(site).page("posts/2011/the-board.html").select_one("article section")
    assert not [
        img for img in page.find_all("img") if img["alt"].startswith(("drawing", "photo", "sketch"))
    ]
    marked = [a["href"] for a in page.find_all("a") if "(not archived)" in a.get_text()]
    assert f"{media_server.origin}/img/photo.html" in marked


def test_no_media_leaves_the_addresses(media_server, blog_dir, tmp_path, capsys):
    export = export_for(media_server, tmp_path)
    run_import(capsys, export, blog_dir, "--no-media")
    assert media_server.requests == []
    assert not (blog_dir / "posts/2011/the-board").exists()
    text = (blog_dir / "posts/2011/the-board.md").read_text(encoding="utf-8")
    assert f"{media_server.origin}/img/chart.png" in text


def test_media_from_a_folder_needs_no_network(media_server, blog_dir, tmp_path, capsys):
    export = export_for(media_server, tmp_path)
    takeout = tmp_path / "Takeout/Blogger/Albums/Pictures"
    takeout.mkdir(parents=True)
    for path, (_, body) in FILES.items():
        name = path.rsplit("/", 1)[-1]
        if not (takeout / name).exists():
            (takeout / name).write_bytes(body)
    media_server.close()  # the old host is gone
    status, out = run_import(capsys, export, blog_dir, "--media-from", tmp_path / "Takeout")
    text = (blog_dir / "posts/2011/the-board.md").read_text(encoding="utf-8")
    assert "the-board/chart.png" in text and "the-board/report.pdf" in text
    assert (blog_dir / "posts/2011/the-board/chart.png").read_bytes() == FILES["/img/chart.png"][1]


def test_a_takeout_folder_is_read_whole(media_server, blog_dir, tmp_path, capsys):
    """Google Takeout gives a Blogger blog as a folder (once unpacked):
    ``Takeout/Blogger/Blogs/<blog>/feed.atom`` and the pictures in
    ``Takeout/Blogger/Albums/``.  Given the folder, the import read it as an
    XML file ("Is a directory"); it now reads the blog's feed.atom, its
    pictures from the albums, the old host gone.  The download itself, a zip
    in parts (the blog's feed in one, its albums in another), is read as the
    folder they unpack into (it had been refused: "unpack it")."""
    takeout = tmp_path / "Takeout/Blogger"
    (takeout / "Blogs/The Board").mkdir(parents=True)
    export_for(media_server, tmp_path).rename(takeout / "Blogs/The Board/feed.atom")
    albums = takeout / "Albums/The Board"
    albums.mkdir(parents=True)
    for path, (_, body) in FILES.items():
        (albums / path.rsplit("/", 1)[-1]).write_bytes(body)
    media_server.close()  # the old host is gone
    status, out = run_import(capsys, tmp_path / "Takeout", blog_dir)
    assert status == 0, out
    assert f"reading {takeout / 'Blogs/The Board/feed.atom'}" in out
    assert f"pictures and files from {takeout / 'Albums'}" in out
    text = (blog_dir / "posts/2011/the-board.md").read_text(encoding="utf-8")
    assert "the-board/chart.png" in text and media_server.origin not in text
    assert (blog_dir / "posts/2011/the-board/chart.png").read_bytes() == FILES["/img/chart.png"][1]
    (takeout / "Blogs/Another").mkdir()
    (takeout / "Blogs/Another/feed.atom").write_text("<feed/>", encoding="utf-8")
    status, out = run_import(capsys, tmp_path / "Takeout", blog_dir)
    assert status == 1 and "holds 2 blogs' feed.atom: give one of them" in out
    shutil.rmtree(takeout / "Blogs/Another")
    shutil.rmtree(blog_dir / "posts")
    parts = [tmp_path / f"takeout-20240101T000000Z-00{n}.zip" for n in (1, 2)]
    for part, under in zip(parts, ("Blogs", "Albums"), strict=True):
        with zipfile.ZipFile(part, "w") as zipped:
            for path in (takeout / under).rglob("*"):
                zipped.write(path, path.relative_to(tmp_path).as_posix())
    argv = ["import", "blogger", *parts, "--posts-dir", blog_dir / "posts"]
    status = main([str(arg) for arg in argv])
    out = "".join(capsys.readouterr())
    assert status == 0, out
    unpacked = blog_dir / "_build/unpacked" / parts[0].stem
    assert f"pictures and files from {unpacked / 'Takeout/Blogger/Albums'}" in out
    text = (blog_dir / "posts/2011/the-board.md").read_text(encoding="utf-8")
    assert "the-board/chart.png" in text and media_server.origin not in text
    assert (blog_dir / "posts/2011/the-board/chart.png").read_bytes() == FILES["/img/chart.png"][1]


def test_size_and_time_limits(media_server, tmp_path):
    folder = tmp_path / "post"
    small = Mirror(max_bytes=10, retries=0, local_network=True)
    [result] = small.keep([(folder, [f"{media_server.origin}/img/chart.png"])])[folder]
    assert result.name is None and "larger than" in result.error
    hasty = Mirror(timeout=0.3, retries=1, local_network=True)
    [result] = hasty.keep([(folder, [f"{media_server.origin}/img/slow.png"])])[folder]
    assert result.name is None and "network" in result.error
    assert media_server.requests.count("/img/slow.png") == 2  # retried once


def test_no_picture_is_fetched_from_this_machine_or_a_local_network(
    media_server, blog_dir, tmp_path, capsys
):
    """An export is untrusted: one naming http://169.254.169.254/... (a cloud
    machine's credentials) or a local service as a picture had the import
    fetch it and publish it.  Without --local-network no such address is asked,
    the post keeps its link, marked not archived, and the report says why."""
    export = export_for(media_server, tmp_path)
    argv = ["import", "blogger", export, "--posts-dir", blog_dir / "posts"]
    status = main([str(arg) for arg in argv])
    out = "".join(capsys.readouterr())
    assert status == 0, out
    assert media_server.requests == []
    assert not list((blog_dir / "posts/2011/the-board").glob("*.png"))
    report = (blog_dir / "posts/import-report.txt").read_text(encoding="utf-8")
    assert "on this machine or a local network (--local-network fetches it)" in report
    text = (blog_dir / "posts/2011/the-board.md").read_text(encoding="utf-8")
    assert f"{media_server.origin}/" in text  # its address kept, as a link
