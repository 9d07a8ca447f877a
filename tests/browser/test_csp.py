"""The Content-Security-Policy holds in a real browser (issue 11).

Every page of the site works under its policy — the theme toggle, search, the
404 page's lookup of old Blogger addresses — with no violation reported; and a
script that reaches a page (inline or as an event handler) does not run.
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
    # and nothing a page (or the browser for it: the site's icon) asks for
    # is missing: /favicon.ico was a 404 on every page
    missing: list[str] = []
    page.on(
        "console",
        lambda msg: (
            missing.append(msg.location.get("url", "") + " " + msg.text)
            if msg.type == "error" and msg.text.startswith("Failed to load resource")
            else None
        ),
    )
    for path in site.html_files():
        page.goto(server.url(path.relative_to(site.root).as_posix()))
        page.wait_for_load_state("load")
        assert violations(page, console) == [], path
        assert missing == [], path
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


def test_a_script_that_reaches_a_page_does_not_run(tmp_path, browser):
    """Behind the build's check (a post's raw HTML that would run is an error
    at its line: test_hostile.py), the policy: a script and an event handler
    that reach a page anyway, written into it after the build, do not run."""
    blog = tmp_path / "blog"
    shutil.copytree(REPO / "tests/roots/test-escaping", blog)
    (blog / "posts/2021/scripted.md").write_text(
        "---\ndate: 2021-03-01\n---\n\n# Scripted\n\nText.\n", encoding="utf-8"
    )
    html = build_in_child(blog, tmp_path / "html")
    page_file = html / "posts/2021/scripted.html"
    page_file.write_text(
        page_file.read_text(encoding="utf-8").replace(
            "<p>Text.</p>",
            "<p>Text.</p><script>document.title = 'ran';</script>"
            '<img src="missing.png" alt="x" onerror="document.body.dataset.ran = 1">',
        ),
        encoding="utf-8",
    )
    server = Server(html)
    page = browser.new_page()
    try:
        console = watch(page)
        page.goto(server.url("posts/2021/scripted.html"))
        page.wait_for_load_state("load")
        page.wait_for_timeout(200)
        assert page.locator("article script").count() == 1  # it is there, and did not run
        assert page.title() != "ran"
        assert page.evaluate("document.body.dataset.ran") is None
        reported = violations(page, console)
        assert any("script-src" in v for v in reported), reported
    finally:
        page.close()
        server.close()


def test_search_runs_pagefind_in_the_page_or_in_its_worker_where_a_page_may_not(server, site, page):
    """The search page's policy lets it compile Pagefind's WebAssembly
    ('wasm-unsafe-eval'), so Pagefind's worker script is not fetched; a
    browser that does not know that allowance compiles none in a page (as
    Chromium does here, the keyword taken out of the page's policy): the
    search then runs Pagefind in its worker, and still finds the posts."""
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(server.url("search.html?q=Birmingham"))
    page.locator("#search-results li time.search-date").first.wait_for()
    assert not [url for url in asked if url.endswith("pagefind-worker.js")]

    allowance = " 'wasm-unsafe-eval'"  # as the page's attribute holds it

    def older_policy(route):
        html = route.fetch().text()
        route.fulfill(body=html.replace(allowance, ""), content_type="text/html; charset=utf-8")

    assert allowance in site.path("search.html").read_text(encoding="utf-8")
    asked.clear()
    page.route("**/search.html?q=Birmingham", older_policy)
    page.goto(server.url("search.html?q=Birmingham"))
    page.locator("#search-results li time.search-date").first.wait_for()
    assert "Birmingham Blues" in page.locator("#search-results li > a").all_inner_texts()
    assert [url for url in asked if url.endswith("pagefind-worker.js")]


def test_the_preview_reloads_under_the_policy_and_loads_nothing_elsewhere(tmp_path, browser):
    """`blog serve`'s pages carry the policy too (they had none): a post's raw
    HTML reaches no other host from the author's machine, while the reload
    script sphinx-autobuild adds, and its websocket, are allowed and work."""
    from test_serve import start_serving, stop_serving, wait_for

    from media_server import MediaServer

    elsewhere = MediaServer()  # another host: another port of this machine
    blog, server, base = start_serving(tmp_path)
    page = browser.new_page()
    try:
        post = blog / "posts/2010/birmingham-blues.md"
        post.write_text(
            post.read_text(encoding="utf-8")
            + f'\n<img src="{elsewhere.origin}/img/chart.png" alt="elsewhere">\n\n'
            + "<script>document.title = 'ran';</script>\n",
            encoding="utf-8",
        )
        url = base + "posts/2010/birmingham-blues.html"
        assert "Content-Security-Policy" in wait_for(url, "elsewhere")
        console = watch(page)
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.title() != "ran"
        reported = violations(page, console)
        assert not [v for v in reported if "connect-src" in v or "ws://" in v], reported
        post.write_text(post.read_text(encoding="utf-8") + "\nReloaded live.\n")
        page.get_by_text("Reloaded live.").wait_for(timeout=90_000)  # reloaded by itself
        assert page.title() != "ran"
        assert elsewhere.requests == []  # the picture never asked for, on either load
    finally:
        page.close()
        stop_serving(server)
        elsewhere.close()


def test_a_site_a_reader_goes_on_to_learns_nothing_of_the_page(server, page):
    """Readers of a blog about surveillance of children and families may not
    want the sites they go on to told where they came from: a followed link
    sent the site's address (Chromium's default referrer policy).  Every page
    asks for none ("no-referrer")."""
    sent: list[dict] = []

    def elsewhere(route):
        sent.append(route.request.all_headers())
        route.fulfill(body="<p>Elsewhere.</p>", content_type="text/html")

    page.route("https://www.sphinx-doc.org/**", elsewhere)
    page.goto(server.url("posts/2010/birmingham-blues.html"))
    page.locator('a[href="https://www.sphinx-doc.org/"]').first.click()
    page.wait_for_url("https://www.sphinx-doc.org/**")
    assert len(sent) == 1 and "referer" not in sent[0], sent
