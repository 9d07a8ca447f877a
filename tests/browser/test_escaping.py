"""Markup in a post's title, tags, category and author stays text in the browser
too (issue 5): in search results and on every page, and no script runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from static_server import Server

ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-escaping"
TITLE = '<script>alert("title")</script> & "quotes" </title> \'too\''


def test_search_results_and_pages_show_markup_as_text(tmp_path, browser):
    # Built in a child process: a build forks (sphinx-sitemap's manager), and a fork
    # of this process would hold Playwright's driver pipe open.
    out = tmp_path / "html"
    env = {**os.environ, "BLOG_REPO": str(ROOT.parents[2])}
    command = [sys.executable, "-m", "blogarchive.build", str(ROOT), str(out)]
    subprocess.run(command, env=env, check=True, capture_output=True)
    server = Server(out)
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(server.url("search.html?q=inject"))
        link = page.locator("#search-results li a").first
        link.wait_for()
        assert link.inner_text() == TITLE
        page.goto(server.url("posts/2021/nasty.html"))
        assert page.title().startswith(TITLE)
        assert page.locator("article h1").first.inner_text().startswith(TITLE)
        page.goto(server.url("posts/2021/plain.html"))
        assert page.locator(".blog-recent a").first.inner_text() == TITLE
        page.goto(server.url("blog/tag/index.html"))
        assert "<script>alert('tag')</script>" in page.locator("ul.catalog").inner_text()
        assert dialogs == []
    finally:
        page.close()
        server.close()
