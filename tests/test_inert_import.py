"""Imports bring in no active content and lose no post (issue 11).

tests/data/blogger-hostile.xml and wordpress-hostile.xml carry ``vbscript:``,
``data:`` and ``javascript:`` links, an address with a space and an
``<img onerror>`` in it, scripts, event handlers and iframes; old addresses
that climb out of the site or name its home page; and titles whose slugs
clash (one title twice on one day, titles in other scripts, emoji).  Each is
imported and built with the README's build, and every page is read as a
browser would: no script but the site's own files, no event handler, no
unsafe URL anywhere (posts, home page, archives, feeds).
"""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from blogarchive.build import build
from blogarchive.cli import main

from blogsite import Site

DATA = Path(__file__).parent / "data"
UNSAFE_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.I)


def blog(capsys, *argv) -> tuple[int, str]:
    status = main([str(a) for a in (*argv, "--no-media")])  # no picture host in these
    out, err = capsys.readouterr()
    return status, out + err


def import_hostile(capsys, blog_dir: Path) -> tuple[int, str]:
    export = DATA / "blogger-hostile.xml"
    return blog(capsys, "import", "blogger", export, "--posts-dir", blog_dir / "posts")


def active_in(html: BeautifulSoup, where: str) -> list[str]:
    """What in ``html`` could run: inline scripts that are not the theme's switch,
    scripts from elsewhere, event handlers, unsafe URLs."""
    found = []
    for script in html.find_all("script"):
        src = script.get("src", "")
        if script.get("type") == "application/ld+json":
            continue
        if not src and "document.body.dataset.theme" not in (script.string or ""):
            found.append(f"{where}: inline script {script}")
        elif src and ("://" in src or not src.split("?")[0].endswith(".js")):
            found.append(f"{where}: script {src}")
    for tag in html.find_all(True):
        for name, value in tag.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"{where}: {tag.name} {name}")
            if name in ("href", "src", "action", "formaction") and UNSAFE_URL.match(value):
                found.append(f"{where}: {tag.name} {name}={value}")
    return found


def active_content(site: Site) -> list[str]:
    """Active content anywhere in the built site: every page, and every feed
    entry's HTML as a feed reader would show it."""
    found = []
    for path in site.html_files():
        page = site.page(str(path.relative_to(site.root)))
        found += active_in(page, path.name)
        # Furo draws its icons with inline SVG; what the posts bring is in <article>.
        for article in page.find_all("article"):
            for tag in article.find_all(["svg", "iframe", "object", "embed", "base"]):
                found.append(f"{path.name}: <{tag.name}> in the article")
    atom = "{http://www.w3.org/2005/Atom}"
    for feed in site.root.rglob("atom.xml"):
        for content in etree.parse(str(feed)).iter(f"{atom}content", f"{atom}summary"):
            found += active_in(BeautifulSoup(content.text or "", "html.parser"), feed.name)
    return found


@pytest.mark.parametrize(
    ("fmt", "export", "posts"),
    [("blogger", "blogger-hostile.xml", 14), ("wordpress", "wordpress-hostile.xml", 5)],
)
def test_imported_content_is_inert_everywhere(blog_dir, capsys, fmt, export, posts):
    status, out = blog(capsys, "import", fmt, DATA / export, "--posts-dir", blog_dir / "posts")
    assert status == 0, out
    assert build(blog_dir, blog_dir / "_build/html") == 0
    site = Site(blog_dir / "_build/html")
    assert len(list((blog_dir / "posts").glob("*/*.md"))) == posts
    assert active_content(site) == []
    sources = "".join(p.read_text() for p in (blog_dir / "posts").glob("*/*.md"))
    assert "](javascript:" not in sources and "alert(" not in sources.replace("\\", "")


def test_code_and_braces_stay_text(blog_dir, capsys):
    """Imported text that reads as MyST markup stays the text it was: a code
    block holding a fence closed its Markdown fence early and made a live
    ``{raw} html`` directive of the rest (in a figure's caption too), and
    "{doc}" before code a role (the build failed on it); an image's alt text
    closing its brackets a second image."""
    export = DATA / "wordpress-hostile.xml"
    blog(capsys, "import", "wordpress", export, "--posts-dir", blog_dir / "posts")
    assert build(blog_dir, blog_dir / "_build/html") == 0
    page = Site(blog_dir / "_build/html").page("posts/2011/markup-in-code.html")
    section = page.select_one("article section")
    assert not page.select(".from-raw") and not page.select('script[src*="tracker"]')
    blocks = [pre.get_text() for pre in section.select("pre")]
    assert len(blocks) == 2 and all("```{raw} html" in block for block in blocks)
    assert '<script src="https://tracker.example/t.js">' in blocks[0]
    assert section.select_one("figure figcaption").get_text().strip().startswith("Caption")
    text = " ".join(section.get_text().split())
    assert "See {doc}nowhere and {download}/etc/passwd." in text
    # An image's alt text that closes its brackets made a second image, from a tracker.
    [image] = [img for img in section.select("img") if "b.png" in img["src"]]
    assert image["alt"] == "b](https://tracker.example/p.gif) ![c"  # its title "t\\" kept it whole
    assert not page.select('img[src*="tracker"]')
    # A comment's hostile author, address and text: its words, nothing more.
    [comment] = page.select("section.comments .comment")
    assert comment.select_one(".comment-author").get_text() == "<script>alert(9)</script>Eve"
    assert not comment.select("img, iframe, script") and not comment.select("a[href^=javascript]")
    assert "look" in comment.get_text()


def test_links_keep_their_text_and_safe_addresses_stay_links(blog_dir, capsys):
    blog(
        capsys, "import", "blogger", DATA / "blogger-hostile.xml", "--posts-dir", blog_dir / "posts"
    )
    assert build(blog_dir, blog_dir / "_build/html") == 0
    site = Site(blog_dir / "_build/html")
    spaced = site.page("posts/2010/spaced-href.html").select_one("article section")
    assert "A link here." in " ".join(spaced.get_text().split())
    link = spaced.select_one("a[href^='http://example.org/']")
    assert link.get_text() == "link" and " " not in link["href"] and "<" not in link["href"]
    vb = site.page("posts/2010/vbscript-link.html").select_one("article section")
    assert (
        "Read this now." in " ".join(vb.get_text().split())
        and vb.select("p:not(.post-meta) a") == []
    )
    js = site.page("posts/2010/javascript-link.html").select_one("article section").get_text()
    assert "Click here please." in " ".join(js.split()) and "](" not in js


def test_old_addresses_outside_the_site_are_not_redirected(blog_dir, capsys):
    blog(
        capsys, "import", "blogger", DATA / "blogger-hostile.xml", "--posts-dir", blog_dir / "posts"
    )
    for name in ("climbing-link.md", "home-link.md"):
        text = (blog_dir / "posts/2010" / name).read_text(encoding="utf-8")
        assert "redirect:" not in text and "blogger_url:" in text
    assert build(blog_dir, blog_dir / "_build/html") == 0
    assert not list(blog_dir.parent.rglob("escaped.html"))
    home = Site(blog_dir / "_build/html").page("index.html")
    assert home.select_one("meta[http-equiv=refresh]") is None


def test_clashing_slugs_lose_no_post(blog_dir, capsys):
    status, out = import_hostile(capsys, blog_dir)
    assert status == 0
    written = int(re.search(r"(\d+) written", out)[1])
    posts = sorted((blog_dir / "posts").glob("*/*.md"))
    assert written == len(posts) == 14
    stems = [p.stem for p in posts]
    assert len(set(stems)) == len(stems)  # the build refuses two posts with one slug
    assert {"same-title", "same-title-07-06", "same-title-07-06-2"} <= set(stems)
    assert {"russkii-zagolovok", "zhong-wen-biao-ti"} <= set(stems)
    titles = {p.read_text(encoding="utf-8").split("\n# ", 1)[1].split("\n")[0] for p in posts}
    assert {"🎉", "🎈", "עברית", "Русский заголовок", "中文标题"} <= titles
    # A second run finds every post where the first put it.
    status, out = import_hostile(capsys, blog_dir)
    assert "0 written" in out and "14 unchanged" in out
    assert build(blog_dir, blog_dir / "_build/html") == 0


def test_a_killed_import_leaves_nothing_half_written(blog_dir, capsys, monkeypatch):
    """Killed between writing a post's text and putting it in place: the scratch
    file is no post (the build ignores it) and the next import removes it."""
    real_replace = os.replace
    calls = []

    def killed(src, dst):
        calls.append(dst)
        if len(calls) == 3:
            raise KeyboardInterrupt  # as a kill would stop it, mid-import
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        main(
            [
                "import",
                "blogger",
                str(DATA / "blogger-hostile.xml"),
                "--posts-dir",
                str(blog_dir / "posts"),
                "--no-media",
            ]
        )
    monkeypatch.setattr(os, "replace", real_replace)
    scratch = list((blog_dir / "posts").glob("*/.import-*"))
    assert scratch and all(not p.name.endswith(".md") for p in scratch)
    assert len(list((blog_dir / "posts").glob("*/*.md"))) == 2  # whole, each of them
    assert build(blog_dir, blog_dir / "_build/html") == 0
    capsys.readouterr()
    status, out = import_hostile(capsys, blog_dir)
    assert status == 0 and "12 written" in out and "2 unchanged" in out
    assert list((blog_dir / "posts").glob("*/.import-*")) == []


def test_stale_scratch_md_from_an_older_import_is_removed(blog_dir, capsys):
    """Older versions wrote ``.import-*.md``: a killed one broke every later build."""
    (blog_dir / "posts/2010").mkdir()
    (blog_dir / "posts/2010/.import-abc123.md").write_text("---\ndate: 2010-07-0", encoding="utf-8")
    status, _ = import_hostile(capsys, blog_dir)
    assert status == 0
    assert not (blog_dir / "posts/2010/.import-abc123.md").exists()
    assert build(blog_dir, blog_dir / "_build/html") == 0


@pytest.mark.parametrize(
    "name", ["../escaped.xml", "Takeout/../../escaped.xml", "/tmp/escaped.xml", "C:escaped.xml"]
)
def test_a_zip_naming_a_file_outside_its_folder_writes_nothing(blog_dir, tmp_path, capsys, name):
    """A download (a zip, unpacked into the build folder for the import to
    read) comes from elsewhere: a member named outside the folder it unpacks
    into ("zip slip") is refused, named, before anything is written."""
    archive = tmp_path / "takeout.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr(
            "Takeout/Blogger/Blogs/B/feed.atom", (DATA / "blogger-hostile.xml").read_text()
        )
        zipped.writestr(name, "<feed/>")
    status, out = blog(capsys, "import", "blogger", archive, "--posts-dir", blog_dir / "posts")
    assert status == 1
    assert f"{archive}:1: holds {name!r}, a name outside the folder it unpacks into" in out
    escaped = [tmp_path / "escaped.xml", blog_dir / "_build/escaped.xml", Path("/tmp/escaped.xml")]
    assert not any(path.exists() for path in escaped)
    assert not (blog_dir / "_build").exists() and not list((blog_dir / "posts").rglob("*.md"))


def test_a_zip_too_big_for_the_disk_is_refused(blog_dir, tmp_path, capsys, monkeypatch):
    """A zip's members declare their sizes (and grow no bigger as they are
    read): a download that would not fit on the disk is refused, with both
    sizes, before anything is unpacked or imported."""
    archive = tmp_path / "takeout.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("Takeout/Blogger/Blogs/B/feed.atom", "<feed>" + " " * 3_000_000 + "</feed>")
    real_usage = shutil.disk_usage
    monkeypatch.setattr(  # the disk, as full as one that has 1 MB left
        shutil, "disk_usage", lambda path: real_usage(path)._replace(free=1_000_000)
    )
    status, out = blog(capsys, "import", "blogger", archive, "--posts-dir", blog_dir / "posts")
    assert status == 1
    assert f"{archive}:1: would take 3.0 MB unpacked, more than the 1.0 MB free" in out
    assert not list((blog_dir / "_build/unpacked/takeout").iterdir())
    assert not list((blog_dir / "posts").rglob("*.md"))


ENTITIES = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss [
<!ENTITY secret SYSTEM "file://{secret}">
<!ENTITY who "Chris">
]>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>T</title><link>https://example.org</link>
<wp:wxr_version>1.2</wp:wxr_version>
<item><title>Said by &who;, &amp; more</title><link>https://example.org/said/</link>
<dc:creator>admin</dc:creator>
<content:encoded>Words &secret; after the file, &who; and the rest.</content:encoded>
<wp:post_id>1</wp:post_id><wp:post_date>2010-07-01 10:00:00</wp:post_date>
<wp:post_name>said</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
</item></channel></rss>
"""


def test_an_entity_the_export_declares_is_its_name_and_loses_no_word(blog_dir, tmp_path, capsys):
    """Entities are never expanded (an external one would read a file of this
    machine into a post, an entity bomb fill the disk): an export's own, in
    a DTD, had been a node that no text read, and every word after it in
    the post was lost without a word.  Each is now its name, as written, and
    the report says so."""
    secret = tmp_path / "secret.txt"
    secret.write_text("token=ghs_0123456789abcdef\n", encoding="utf-8")
    export = tmp_path / "entities.xml"
    export.write_text(ENTITIES.format(secret=secret), encoding="utf-8")
    status, out = blog(capsys, "import", "wordpress", export, "--posts-dir", blog_dir / "posts")
    assert status == 0, out
    [post] = (blog_dir / "posts").glob("2010/*.md")
    assert "ghs_" not in post.read_text(encoding="utf-8")
    assert build(blog_dir, blog_dir / "_build/html") == 0
    page = Site(blog_dir / "_build/html").page(f"posts/2010/{post.stem}.html")
    assert page.select_one("article h1").get_text().rstrip("¶") == "Said by &who;, & more"
    text = page.select_one("article section p:not(.post-meta)").get_text()
    assert text == "Words &secret; after the file, &who; and the rest."
    report = (blog_dir / "posts/import-report.txt").read_text(encoding="utf-8")
    assert "entities the export declares (&secret;, &who;) kept as their names" in report
