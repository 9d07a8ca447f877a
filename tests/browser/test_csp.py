"""The Content-Security-Policy holds in a real browser (issue 11).

Every page of the site works under its policy — the theme toggle, search, the
404 page's lookup of old Blogger addresses — with no violation reported; and a
script written into a post (raw HTML, inline or as an event handler) does not run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from blogsite import build_in_child
from static_server import Server

REPO = Path(__file__).resolve().parents[2]
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""


def watch(page) -> list[str]:
    """Collect CSP violations: the page's events and the console's reports."""
    console: list[str] = []
    page.add_init_script(WATCH)
    page.on(
        "console",
        lambda msg: console.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    return console


def violations(page, console: list[str]) -> list[str]:
    return [*page.evaluate("window.__violations"), *console]


def test_every_feature_works_under_the_policy(server, site, page):
    console = watch(page)
    for path in site.html_files():
        page.goto(server.url(path.relative_to(site.root).as_posix()))
        page.wait_for_load_state("load")
        assert violations(page, console) == [], path
    # The theme toggle (Furo's script, and its inline one by hash).
    page.goto(server.url("posts/2010/birmingham-blues.html"))
    before = page.evaluate("document.body.dataset.theme")
    page.locator(".theme-toggle-content button.theme-toggle").click()
    assert page.evaluate("document.body.dataset.theme") != before
    # Search, with the dates beside results.
    page.goto(server.url("search.html?q=Birmingham"))
    page.locator("#search-results li time.search-date").first.wait_for()
    # The 404 page takes an old Blogger address to its post.
    page.goto(server.url("2010/07/birmingham-blues.html"))
    page.wait_for_url("**/posts/2010/birmingham-blues.html", timeout=5_000)
    assert violations(page, console) == []


def test_a_script_in_a_post_does_not_run(tmp_path, browser):
    blog = tmp_path / "blog"
    shutil.copytree(REPO / "tests/roots/test-escaping", blog)
    (blog / "posts/2021/scripted.md").write_text(
        "---\ndate: 2021-03-01\n---\n\n# Scripted\n\nText.\n\n"
        "<script>document.title = 'ran';</script>\n\n"
        '<img src="missing.png" alt="x" onerror="document.body.dataset.ran = 1">\n',
        encoding="utf-8",
    )
    server = Server(build_in_child(blog, tmp_path / "html"))
    page = browser.new_page()
    try:
        console = watch(page)
        page.goto(server.url("posts/2021/scripted.html"))
        page.wait_for_load_state("load")
        page.wait_for_timeout(200)
        assert page.title() != "ran"
        assert page.evaluate("document.body.dataset.ran") is None
        reported = violations(page, console)
        assert any("script-src" in v for v in reported), reported
    finally:
        page.close()
        server.close()
