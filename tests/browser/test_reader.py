"""What a reader gets, in a real browser (issue 4): clicking through the archive,
search, the light/dark toggle, the mobile layout, privacy (no request leaves the
site), accessibility (axe-core) and old Blogger addresses.

Screenshots of the home page, a post (light and dark), an archive and the
mobile view are saved in tests/artifacts/.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

from static_server import Server

KHYRA = "The Khyra Ishaq Serious Case Review"
CONTACTPOINT = "ContactPoint is dead ... on 6th August. Let's celebrate!!!"


def title_of(page) -> str:
    return page.locator("article h1").first.evaluate(
        "h => [...h.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('')"
    )


def test_navigation_by_clicking(server, page):
    page.goto(server.url("index.html"))
    page.locator("ol.post-list .post-title a", has_text=KHYRA).click()
    page.wait_for_load_state("load")
    assert title_of(page) == KHYRA
    page.locator(".post-meta a.post-tag", has_text="Birmingham").click()
    page.wait_for_load_state("load")
    assert page.locator("article h1 .archive-name").inner_text() == "Birmingham"
    assert page.locator(".post-title a").all_inner_texts() == [KHYRA, "Birmingham Blues"]
    page.locator(".blog-archives a", has_text="2010").click()
    page.wait_for_load_state("load")
    assert page.locator("article h1 .archive-name").inner_text() == "2010"
    page.locator(".archive-months a", has_text="July 2010").click()
    page.wait_for_load_state("load")
    assert page.locator("article h1 .archive-name").inner_text() == "July 2010"
    page.locator(".post-title a", has_text="Birmingham Blues").click()
    page.wait_for_load_state("load")
    assert title_of(page) == "Birmingham Blues"
    page.locator("a.older-post").click()
    page.wait_for_load_state("load")
    assert title_of(page) == "Good research from York"
    page.locator("a.newer-post").click()
    page.wait_for_load_state("load")
    assert title_of(page) == "Birmingham Blues"
    page.locator(".post-meta a.post-author").click()
    page.wait_for_load_state("load")
    assert page.locator("article h1 .archive-name").inner_text() == "Chris Mills"
    assert page.locator(".post-title a").count() == 5
    page.go_back()
    page.wait_for_load_state("load")
    page.locator(".post-meta a.post-category").click()
    page.wait_for_load_state("load")
    assert page.locator("article h1 .archive-name").inner_text() == "Inspection"


@pytest.mark.parametrize("query", ["ContactPoint", "Stasi"])
def test_search_finds_posts_with_titles_and_dates(server, page, query):
    page.goto(server.url("index.html"))
    box = page.locator("form.sidebar-search-container input[name=q]")
    box.fill(query)
    box.press("Enter")
    result = page.locator("#search-results li").filter(has_text=CONTACTPOINT)
    result.first.wait_for()
    assert result.first.locator("a").first.inner_text() == CONTACTPOINT
    marked = result.first.locator(".search-excerpt mark").all_inner_texts()
    assert marked and all(m.casefold().startswith(query.casefold()) for m in marked)
    date = result.first.locator("time.search-date")
    date.wait_for()
    assert date.inner_text() == "22 July 2010"
    assert date.get_attribute("datetime") == "2010-07-22"


def theme(page) -> str:
    return page.evaluate("document.body.dataset.theme")


def test_dark_mode_toggle_persists_across_pages(server, page, artifacts):
    page.emulate_media(color_scheme="light")
    page.goto(server.url("posts/2010/birmingham-blues.html"))
    page.screenshot(path=artifacts / "post-light.png", full_page=True)
    toggle = page.locator(".theme-toggle-content button.theme-toggle")
    for _ in range(3):
        if theme(page) == "dark":
            break
        toggle.click()
    assert theme(page) == "dark"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.screenshot(path=artifacts / "post-dark.png", full_page=True)
    page.locator(".blog-archives a", has_text="2010").click()
    page.wait_for_url("**/blog/2010/**")
    page.wait_for_load_state("load")
    assert theme(page) == "dark"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == background
    red, green, blue = map(int, re.findall(r"\d+", background)[:3])
    assert red + green + blue < 200, background  # dark, not white


def test_screenshots_of_home_and_archive(server, page, artifacts):
    page.goto(server.url("index.html"))
    page.screenshot(path=artifacts / "home.png", full_page=True)
    page.goto(server.url("blog/2010/07/"))
    page.screenshot(path=artifacts / "archive-month.png", full_page=True)
    assert page.locator(".post-title a").count() == 5


def test_mobile_layout_does_not_scroll_sideways(server, site, browser, artifacts):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        for path in site.html_files():
            rel = path.relative_to(site.root).as_posix()
            page.goto(server.url(rel))
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 375, (rel, width)
        page.goto(server.url("posts/2010/another-year-over.html"))
        page.screenshot(path=artifacts / "mobile-post.png")
        drawer = page.locator(".sidebar-drawer")
        assert drawer.bounding_box()["x"] < 0  # hidden off-screen
        page.locator("header.mobile-header label.nav-overlay-icon").click()
        page.wait_for_timeout(400)  # Furo slides the drawer in
        assert drawer.bounding_box()["x"] >= 0
        assert page.locator(".sidebar-drawer .blog-recent a").first.is_visible()
        page.screenshot(path=artifacts / "mobile-sidebar.png")
    finally:
        context.close()


def test_no_request_leaves_the_site(server, site, context):
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    for path in site.html_files():
        page.goto(server.url(path.relative_to(site.root).as_posix()))
        page.wait_for_load_state("networkidle")
    page.goto(server.url("search.html?q=Birmingham"))
    page.locator("#search-results li").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert len(requests) > len(site.html_files())
    outside = sorted({url for url in requests if not server.is_local(url)})
    assert outside == []


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "posts/2010/birmingham-blues.html",
        "blog/tag/birmingham/index.html",
        "blog/2010/07/index.html",
        "blog/index.html",
        "search.html?q=Ofsted",
        "404.html",
    ],
)
def test_no_accessibility_violations(server, page, path):
    """Axe finds nothing, of any impact: the tag and month pages had put their
    posts' titles (<h3>) straight under the page's <h1> (heading-order), a
    gap a screen reader's list of headings shows."""
    page.goto(server.url(path))
    if path.startswith("search"):
        page.locator("#search-results li").first.wait_for()
    results = Axe().run(page)
    found = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
    ]
    assert found == []


@pytest.mark.parametrize(
    "old_path,title",
    [
        ("2010/07/khyra-ishaq-serious-case-review.html", KHYRA),
        ("2010/07/contactpoint-is-dead-on-6th-august-lets.html", CONTACTPOINT),
        ("2010/07/another-year-over.html", "Another year over ...."),
        ("2010/07/birmingham-blues.html", "Birmingham Blues"),
    ],
)
def test_old_blogger_address_leads_to_the_post_at_once(server, page, old_path, title):
    page.goto(server.url(old_path))
    page.wait_for_url(re.compile(r"/posts/2010/"), timeout=3_000)
    assert title_of(page) == title


def test_unknown_address_gets_a_styled_404_with_search_and_archive(server, page):
    response = page.goto(server.url("no/such/page.html"))
    assert response.status == 404
    assert page.locator("article h1").inner_text() == "Page not found"
    assert page.locator(".sidebar-drawer").is_visible()  # Furo's layout, styled
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.sidebar-drawer')).display")
        != "inline"
    )
    page.locator("a", has_text="All posts, by month").first.click()
    page.wait_for_load_state("load")
    assert page.locator("article h1").inner_text() == "All posts"
    page.goto(server.url("deeper/still/missing/"))
    page.locator("#not-found-q").fill("Stasi")
    page.locator(".not-found-search button").click()
    page.locator("#search-results li").filter(has_text=CONTACTPOINT).first.wait_for()


def test_icons_are_drawn_from_the_shared_sprite(server, page):
    """Furo's icon drawings live in one cached file (_static/icons.svg), not on
    every page (issue 15): the menu and theme icons still draw."""
    page.set_viewport_size({"width": 500, "height": 800})  # the mobile header shows
    page.goto(server.url("posts/2010/birmingham-blues.html"))
    page.wait_for_load_state("networkidle")
    boxes = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('svg use')]
            .map(u => [u.getAttribute('href').split('#')[1],
                       u.getBBox().width * u.getBBox().height])
            .filter(([, area]) => area > 0))"""
    )
    assert boxes["svg-menu"] > 0 and boxes["svg-sun-with-moon"] > 0


@pytest.mark.parametrize("width", [500, 1400])
def test_the_one_theme_toggle_shows_and_works_on_narrow_and_wide_screens(server, page, width):
    """A page carries one theme toggle, not Furo's two (issue 15): in the
    article's corner, shown on a phone's screen as on a desktop's."""
    page.set_viewport_size({"width": width, "height": 800})
    page.emulate_media(color_scheme="light")
    page.goto(server.url("posts/2010/birmingham-blues.html"))
    toggle = page.locator("button.theme-toggle")
    assert toggle.count() == 1 and toggle.is_visible()
    for _ in range(3):
        if theme(page) == "dark":
            break
        toggle.click()
    assert theme(page) == "dark"


def test_search_works_for_a_site_under_a_folder(site, browser, tmp_path):
    """GitHub Pages serves a project's site under /<project>/: results lead there."""
    shutil.copytree(site.root, tmp_path / "project")
    served = Server(tmp_path)
    page = browser.new_page()
    try:
        page.goto(served.url("project/search.html?q=Birmingham"))
        link = page.locator("#search-results li a").first
        link.wait_for()
        assert link.get_attribute("href").startswith("/project/posts/2010/")
        link.click()
        page.wait_for_load_state("load")
        assert page.locator("article h1").first.is_visible()
        assert "/project/posts/2010/" in page.url
    finally:
        page.close()
        served.close()


def test_search_within_a_tag(server, page):
    """The search page's Tag list (a Pagefind filter): only the posts so tagged."""
    page.goto(server.url("search.html?q=Birmingham"))
    done = page.locator('#search-results[aria-busy="false"]')  # each result shown as it comes
    done.wait_for(state="attached")
    everywhere = page.locator("#search-results li > a").all_inner_texts()
    page.locator("select[name=tag]").select_option("Ofsted")
    page.locator("#search-form button[type=submit]").click()
    page.wait_for_url(lambda url: "tag=Ofsted" in url)
    done.wait_for(state="attached")
    within = page.locator("#search-results li > a").all_inner_texts()
    assert within == ["Birmingham Blues"] and len(everywhere) > 1
    assert page.locator("select[name=tag]").input_value() == "Ofsted"


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_each_search_field_keeps_its_label_beside_it(server, page, width):
    """On a phone the search form wrapped between a label and its list: "Tag"
    ended one line and its list began the next, under "Year"'s."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(server.url("search.html"))
    for field in ("search-q", "search-year", "search-tag", "search-order"):
        label = page.locator(f"label[for={field}]").bounding_box()
        control = page.locator(f"#{field}").bounding_box()
        middle = label["y"] + label["height"] / 2
        assert control["y"] <= middle <= control["y"] + control["height"], (field, label, control)
        assert label["x"] < control["x"], field
        assert control["x"] + control["width"] <= width, field


def test_search_results_show_as_their_excerpts_come(server, page):
    """On a slow network the first result is shown while the others' excerpts
    are still on their way (Pagefind's fragments, held back here)."""
    held = []
    page.route("**/*.pf_fragment", lambda route: held.append(route))
    page.goto(server.url("search.html?q=Birmingham"))
    while len(held) < 2:
        page.wait_for_timeout(50)
    held.pop(0).continue_()  # the first result's excerpt only
    page.locator("#search-results li").first.wait_for()
    assert page.locator("#search-results li").count() == 1
    assert page.locator("#search-results").get_attribute("aria-busy") == "true"
    assert page.locator("#search-status").inner_text().endswith("found.")
    for route in held:
        route.continue_()
    page.locator('#search-results[aria-busy="false"]').wait_for(state="attached")
    assert page.locator("#search-results li").count() == len(held) + 1


@pytest.mark.parametrize("query", ["Birmingham", "children", "ContactPoint"])
def test_search_finds_the_same_posts_in_an_index_made_in_parts(
    server, parted_server, browser, query
):
    """A big blog's index is in parts (search.py), searched by the search
    page: here four parts of one or two pages; the results are the one-part
    index's, in the same order (the newest posts first)."""
    found = {}
    for name, served in [("whole", server), ("parts", parted_server)]:
        page = browser.new_page()
        page.goto(served.url(f"search.html?q={query}"))
        page.locator('#search-results[aria-busy="false"]').wait_for(state="attached")
        found[name] = page.locator("#search-results li > a").all_inner_texts()
        page.close()
    assert found["parts"] == found["whole"] and found["whole"]


def _shown(page) -> list[tuple[str, str]]:
    """Each result shown: its title and its date (none for a page)."""
    shown = []
    for item in page.locator("#search-results li").all():
        time = item.locator("time")
        day = time.get_attribute("datetime") if time.count() else ""
        shown.append((item.locator("a").first.inner_text(), day))
    return shown


def _newest_first(post_sources) -> list[str]:
    """The posts' titles, newest first, then About (undated): the search's order."""
    dated = sorted(post_sources.values(), key=lambda front: str(front["date"]), reverse=True)
    return [front["title"] for front in dated] + ["About"]


@pytest.mark.parametrize("index", ["whole", "parts"])
def test_search_lists_the_newest_posts_first_or_the_best_matches_on_asking(
    server, parted_server, page, post_sources, index
):
    """As the old blog's own search did, the results come newest first, an
    undated page (About) after the posts, in one index or in parts; the
    Order list asks for the best matches first instead: the same posts."""
    served = parted_server if index == "parts" else server
    page.goto(served.url("search.html?q=the"))
    page.locator('#search-results[aria-busy="false"]').wait_for(state="attached")
    page.locator("#search-status", has_text="found.").wait_for()
    newest = _shown(page)
    assert [title for title, _ in newest] == _newest_first(post_sources)
    days = [day for _, day in newest if day]
    assert days == sorted(days, reverse=True) and len(days) == len(post_sources)
    assert page.locator("select[name=order]").input_value() == ""
    page.locator("select[name=order]").select_option("best")
    page.locator("#search-form button[type=submit]").click()
    page.wait_for_url(lambda url: "order=best" in url)
    page.locator("#search-status", has_text="found.").wait_for()
    page.locator('#search-results[aria-busy="false"]').wait_for(state="attached")
    best = _shown(page)
    assert sorted(best) == sorted(newest)
    assert page.locator("select[name=order]").input_value() == "best"


def test_the_newest_posts_show_before_the_older_parts_are_searched(parted_server, page):
    """In a big blog's index the first part holds the newest posts: the search
    page shows what it finds there without waiting for the older parts,
    whose index chunks (held back here) it asks for only then, and says it
    is still searching; the older posts follow, in order."""
    held = []
    page.route("**/part-*/index/*.pf_index", lambda route: held.append(route))
    page.goto(parted_server.url("search.html?q=the"))
    page.locator("#search-results li").first.wait_for()
    assert _shown(page)[0][0] == KHYRA  # the newest post, alone in the first part
    status = page.locator("#search-status")
    assert status.inner_text() == "1 post found so far; searching older posts…"
    while len(held) < 3:  # the three older parts' chunks, asked for together
        page.wait_for_timeout(50)
    assert page.locator("#search-results li").count() == 1
    for route in held:
        route.continue_()
    status.filter(has_text="6 posts found.").wait_for()
    assert [title for title, _ in _shown(page)][:2] == [KHYRA, CONTACTPOINT]


SLOW_COMPILE = """
window.__compiled = 0;
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = (...args) => {
  window.__compiled += 1;
  return new Promise((done) => setTimeout(done, 300)).then(() => instantiate(...args));
};
"""


def test_pagefind_compiles_its_webassembly_once_for_every_part(parted_server, page, post_sources):
    """Each part of a big blog's index is searched by an instance of Pagefind
    of its own.  Each would compile Pagefind's WebAssembly again if it asked
    before the first had it, and the later would replace the earlier's memory
    (wrong results, now and then): the others are opened once the first has
    compiled it.  Compiling is made slow here, as on a slow phone."""
    page.add_init_script(SLOW_COMPILE)
    page.goto(parted_server.url("search.html?q=the"))
    page.locator("#search-status", has_text="found.").wait_for()
    page.locator('#search-results[aria-busy="false"]').wait_for(state="attached")
    assert page.evaluate("window.__compiled") == 1
    assert [title for title, _ in _shown(page)] == _newest_first(post_sources)


@pytest.mark.parametrize("first_part_pages", [None, "600"])
def test_the_newest_parts_holding_enough_pages_are_searched_at_once(
    parted_server, page, first_part_pages
):
    """The search page searches at once the newest parts that hold 500 pages
    or more together (each entry file's preload says how many its part
    holds; the newest part can hold a post or two), the others only once a
    page of results is shown.  Here the first part's excerpts are held back:
    meanwhile the older parts are searched only because the first part holds
    too few pages (one); told it holds 600, the page waits to ask for them."""
    if first_part_pages:

        def told(route):
            html = route.fetch().text().replace('data-pages="1"', 'data-pages="600"', 1)
            route.fulfill(body=html, content_type="text/html; charset=utf-8")

        page.route("**/search.html?q=the", told)
    held, older = [], []
    page.route("**/pagefind/fragment/*", lambda route: held.append(route))  # the first part's
    page.on(
        "request", lambda r: older.append(r.url) if re.search(r"/part-\d+/index/", r.url) else None
    )
    page.goto(parted_server.url("search.html?q=the"))
    for _ in range(100):  # the first part's excerpt asked for, and more if so
        if held and (older or first_part_pages):
            break
        page.wait_for_timeout(50)
    page.wait_for_timeout(500 if first_part_pages else 0)
    assert held and bool(older) == (first_part_pages is None), older
    for route in held:
        route.continue_()
    page.locator("#search-status", has_text="6 posts found.").wait_for()
    assert older  # asked for, once the first page needed them


def test_a_part_that_cannot_be_searched_is_said_and_the_others_still_found(parted_server, page):
    """Should one part of a big blog's index not load (its entry file gone,
    with or without the tag), the search shows what the other parts find,
    newest first, and says that some older posts could not be searched."""
    page.route("**/part-3/pagefind-entry.json*", lambda route: route.fulfill(status=404))
    page.goto(parted_server.url("search.html?q=the"))
    status = page.locator("#search-status")
    status.filter(has_text="could not be searched").wait_for()
    page.locator('#search-results[aria-busy="false"]').wait_for(state="attached")
    assert status.inner_text() == "4 posts found; some older posts could not be searched."
    titles = [title for title, _ in _shown(page)]
    assert titles == [KHYRA, CONTACTPOINT, "Another year over ....", "About"]


def test_search_asks_for_no_entry_file_but_the_ones_its_page_preloaded(parted_server, page):
    """Pagefind asks for each part's entry file with the time in its address
    unless given a tag (``metaCacheTag``): the search page gives it the tag
    its preload used, so the first search waits for no entry file (a round
    trip per part, about 0.3 s on a slow network)."""
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(parted_server.url("search.html?q=Birmingham"))
    page.locator('#search-results[aria-busy="false"]').wait_for(state="attached")
    assert page.locator("#search-results li").count() > 0
    preloaded = page.eval_on_selector_all(
        'link[rel="preload"][href*="-entry.json?"]', "links => links.map(l => l.href)"
    )
    entries = {url for url in asked if "pagefind-entry.json" in url}
    assert len(preloaded) == 4 and entries == set(preloaded)


def test_search_still_works_when_a_cache_holds_an_entry_file_from_before(server, page):
    """A reader's cache may hold a tagged entry file from before the site was
    last published, naming an index that is gone: the search asks again with
    no tag (as Pagefind does by default) and finds the posts."""
    stale = json.dumps({"version": "1.5.2", "languages": {"en": {"hash": "en_0000000000"}}})

    def entry(route):
        if "ts=" in route.request.url and route.request.url.endswith(tagged):
            route.fulfill(status=200, content_type="application/json", body=stale)
        else:
            route.continue_()

    page.goto(server.url("about.html"))
    page.goto(server.url("search.html"))
    tagged = page.eval_on_selector('link[href*="-entry.json?"]', "l => l.href.split('?')[1]")
    page.route("**/pagefind-entry.json*", entry)
    page.goto(server.url("search.html?q=Birmingham"))
    page.locator('#search-results[aria-busy="false"]').wait_for(state="attached")
    assert "Birmingham Blues" in page.locator("#search-results li > a").all_inner_texts()
