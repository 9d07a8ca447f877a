"""An imported post with pictures loads nothing from another host (issue 13).

The old blog's pictures are served on 127.0.0.1 (tests/media_server.py) while
`blog import` keeps them; the site built from the import is served on another
port, and Chromium, opening the post, asks nothing of the picture host or any
other: every picture is the site's own copy.
"""

from __future__ import annotations

import json
from pathlib import Path

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
