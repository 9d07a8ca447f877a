"""An imported post with pictures loads nothing from another host (issue 13).

The old blog's pictures are served on 127.0.0.1 (tests/media_server.py) while
`blog import` keeps them; the site built from the import is served on another
port, and Chromium, opening the post, asks nothing of the picture host or any
other: every picture is the site's own copy.
"""

from __future__ import annotations

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
