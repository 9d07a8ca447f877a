"""An imported post with pictures loads nothing from another host (issue 13).

The old blog's pictures are served on 127.0.0.1 (tests/media_server.py) while
`blog import` keeps them; the site built from the import is served on another
port, and Chromium, opening the post, asks nothing of the picture host or any
other: every picture is the site's own copy.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

from blogarchive.cli import main

from blogsite import build_in_child, new_blog
from media_server import MediaServer
from static_server import Server

REPO = Path(__file__).resolve().parents[2]


def test_an_imported_post_loads_nothing_from_another_host(tmp_path, browser, monkeypatch):
    pictures = MediaServer()
    blog = new_blog(tmp_path / "blog")
    export = tmp_path / "export.xml"
    text = (REPO / "tests/data/blogger-media.xml").read_text(encoding="utf-8")
    export.write_text(text.replace("MEDIA", pictures.origin), encoding="utf-8")
    monkeypatch.chdir(REPO)
    # The picture host is on 127.0.0.1, as an intranet blog's would be.
    main(["import", "blogger", str(export), "--posts-dir", str(blog / "posts"), "--local-network"])
    pictures.requests.clear()
    site = Server(build_in_child(blog, tmp_path / "html"))
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        for path in ("posts/2011/the-board.html", "posts/2011/lost-pictures.html", "index.html"):
            page.goto(site.url(path))
            page.wait_for_load_state("networkidle")
        page.goto(site.url("posts/2011/the-board.html"))
        page.wait_for_load_state("networkidle")
        shown = page.evaluate(
            "[...document.querySelectorAll('article img')]"
            ".map(i => i.complete && i.naturalWidth > 0)"
        )
        assert shown == [True, True, True]  # the figure's, the chart, the retried one
        elsewhere = sorted({url for url in requests if not site.is_local(url)})
        assert elsewhere == []
        assert pictures.requests == []
    finally:
        page.close()
        site.close()
        pictures.close()


def test_the_old_blogs_own_files_are_answered_at_their_old_addresses(tmp_path, browser):
    """A self-hosted WordPress blog served its uploads itself
    (``/wp-content/uploads/2010/07/report.pdf``), and other sites link to
    them; the archive keeps them beside the post, at other addresses.  Moved
    to the old blog's domain, it answers the old ones: the 404 page leads to
    the kept file (``blog/files.json`` lists them).  A file from another
    host (here "localhost", the same server by another name) is not the
    blog's to answer."""
    host = MediaServer()
    other = host.origin.replace("127.0.0.1", "localhost")
    post = (
        f'<p><img src="{host.origin}/wp-content/uploads/2010/07/photo.png" alt="A photo"></p>'
        f'<p><a href="{host.origin}/wp-content/uploads/2010/07/report.pdf">The report</a>'
        f' and <img src="{other}/img/chart.png" alt="A chart"></p>'
    )
    export = tmp_path / "export.xml"
    export.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Own</title>'
        f"<link>{host.origin}</link><item><title>The report</title>"
        f"<link>{host.origin}/2010/07/30/the-report/</link>"
        f"<content:encoded><![CDATA[{post}]]></content:encoded><wp:post_id>7</wp:post_id>"
        "<wp:post_date>2010-07-30 10:00:00</wp:post_date><wp:status>publish</wp:status>"
        "<wp:post_type>post</wp:post_type></item></channel></rss>\n",
        encoding="utf-8",
    )
    blog = new_blog(tmp_path / "blog")
    argv = ["import", "wordpress", str(export), "--posts-dir", str(blog / "posts")]
    assert main([*argv, "--local-network"]) == 0
    host.close()
    out = build_in_child(blog, tmp_path / "html")
    listed = json.loads((out / "blog/files.json").read_text(encoding="utf-8"))
    old = {entry["old"]: entry["url"] for entry in listed}
    assert sorted(old) == [
        "wp-content/uploads/2010/07/photo.png",
        "wp-content/uploads/2010/07/report.pdf",
    ]
    assert (
        out / old["wp-content/uploads/2010/07/report.pdf"]
    ).read_bytes() == b"%PDF-1.4 an upload"
    site = Server(out)
    page = browser.new_page()
    try:
        with page.expect_response(
            lambda r: r.url.endswith(old["wp-content/uploads/2010/07/photo.png"])
        ) as shown:
            page.goto(site.url("wp-content/uploads/2010/07/photo.png"))
        assert shown.value.ok and shown.value.body().endswith(b"uploaded")
    finally:
        page.close()
        site.close()


def test_an_imported_post_of_blogger_pictures_and_code_is_accessible(tmp_path, browser):
    """Blogger wrote each picture as a link to its full size around a
    thumbnail with no alt text, and a link around nothing but such a picture
    is a link with no name to a screen reader (axe's ``link-name``); a code
    block wider than the page scrolls, and a keyboard cannot reach a region
    that scrolls unless it takes the focus (``scrollable-region-focusable``).
    Furo's sidebar and table of contents, both an ``<aside>``, had no name to
    tell them apart (``landmark-unique``).
    The imported post has no serious violation; each linked picture with no
    alt text is named by its file, the report says so, and a picture on its
    own with none stays as it was, marked decorative."""
    host = MediaServer()
    linked = (
        f'<a href="{host.origin}/s1600/board.png" imageanchor="1">'
        f'<img border="0" src="{host.origin}/s320/board.png" /></a>'
    )
    post = (
        "<h2>The meeting</h2>"
        f'<div class="separator" style="clear: both; text-align: center;">{linked}</div>'
        f"<p>The board met. <img src='{host.origin}/img/chart.png' alt=''></p>"
        "<h2>The figures</h2>"
        "<pre>referrals_by_year = " + ", ".join(str(n) for n in range(200)) + "</pre>"
    )
    export = tmp_path / "export.xml"
    text = (REPO / "tests/data/blogger-media.xml").read_text(encoding="utf-8")
    start = text.index("<entry>")
    entry = text[start : text.index("</entry>", start) + len("</entry>")]
    content = re.search(r"<content type=.html.>(.*?)</content>", entry, re.S)
    entry = entry.replace(content.group(1), html.escape(post))
    export.write_text(text[:start] + entry + "</feed>\n", encoding="utf-8")
    blog = new_blog(tmp_path / "blog")
    argv = ["import", "blogger", str(export), "--posts-dir", str(blog / "posts")]
    try:
        assert main([*argv, "--local-network"]) == 0
    finally:
        host.close()
    report = (blog / "posts/import-report.txt").read_text(encoding="utf-8")
    assert "a linked picture with no alt text is named by its title or file (1)" in report
    (post_file,) = (blog / "posts").rglob("*.md")
    post_file.with_suffix(".comments.yaml").write_text(  # a comment quoting the code
        "- id: '1'\n  author: A reader\n  date: '2011-03-02T10:00:00+00:00'\n"
        f"  html: '<p>As it was:</p><pre>{'x = 1; ' * 80}</pre>'\n",
        encoding="utf-8",
    )
    site = Server(build_in_child(blog, tmp_path / "html"))
    page = browser.new_page()
    try:
        page.set_viewport_size({"width": 800, "height": 800})
        page.goto(site.url(post_file.relative_to(blog).with_suffix(".html").as_posix()))
        results = Axe().run(page)
        serious = [
            (v["id"], [n["target"] for n in v["nodes"]][:3])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical") or v["id"].startswith("landmark")
        ]  # (its sections give it a table of contents: a second <aside>, unnamed)
        names = page.evaluate(
            "[...document.querySelectorAll('article section img')].map(i => i.alt)"
        )
        scrolled = page.evaluate(
            "[...document.querySelectorAll('article pre')]"
            ".map(pre => pre.scrollWidth > pre.clientWidth)"
        )
    finally:
        page.close()
        site.close()
    assert scrolled == [True, True]  # the post's code and the comment's, each scrolling
    assert serious == []
    assert names == ["board.png", ""]
