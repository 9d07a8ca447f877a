"""Discovery and reading aids (issue 4), on the built HTML: rel=canonical on every
page, sitemap.xml of the public pages, robots.txt, Open Graph and JSON-LD on each
post, reading time, related posts, and pagination (a test root of 30 posts).
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import json
import re
import time
from xml.etree import ElementTree

import pytest
from test_reproducible import copy_blog, run_build

from blogsite import Site, built

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def public_pages(site) -> list[str]:
    pages = []
    for path in site.html_files():
        rel = path.relative_to(site.root).as_posix()
        if rel in ("search.html", "404.html") or re.match(r"\d{4}/", rel):
            continue
        pages.append(rel)
    return pages


def test_every_public_page_has_rel_canonical(site):
    for rel in public_pages(site):
        canonical = site.page(rel).select('link[rel="canonical"]')
        assert len(canonical) == 1, rel
        assert canonical[0]["href"] == "https://chrismillsblog.github.io/" + rel


def test_sitemap_lists_exactly_the_public_pages(site):
    root = ElementTree.parse(site.path("sitemap.xml")).getroot()
    locs = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert sorted(locs) == sorted(
        "https://chrismillsblog.github.io/" + p for p in public_pages(site)
    )
    assert len(locs) == len(set(locs))


def test_sitemap_gives_each_post_the_day_it_last_changed(site):
    """Issue 16: <lastmod> from the same dates as the feeds' <updated>."""
    root = ElementTree.parse(site.path("sitemap.xml")).getroot()
    lastmod = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in root.iter(f"{SITEMAP}url")
    }
    entries = site.feed().entries
    assert entries
    for entry in entries:
        changed = dt.datetime.fromisoformat(lastmod[entry.link])
        assert changed.utctimetuple()[:6] == entry.updated_parsed[:6], entry.link
    assert lastmod["https://chrismillsblog.github.io/blog/index.html"] is None


def test_robots_txt_points_at_the_sitemap(site):
    robots = site.path("robots.txt").read_text()
    assert "User-agent: *" in robots
    assert "Sitemap: https://chrismillsblog.github.io/sitemap.xml" in robots.splitlines()


def test_the_sites_icon_is_at_favicon_ico(site):
    """/favicon.ico answers with the site's icon (Blogger answered that
    address, and a browser asks for it where a page names no icon): it was a
    404 on every page a reader opened.  At its host's root, the site's pages
    need not name it (a browser asks /favicon.ico, tests/browser/test_csp.py)."""
    icon = site.path("favicon.ico").read_bytes()
    assert icon[:4] == b"\x00\x00\x01\x00" and b"PNG" in icon[:64]  # an ICO of a PNG
    assert site.path("_static/favicon.ico").read_bytes() == icon
    for rel in ("index.html", "posts/2010/birmingham-blues.html", "blog/tag/ofsted/index.html"):
        assert site.page(rel).select('link[rel~="icon"]') == [], rel


def test_under_a_path_each_page_names_the_sites_icon(tmp_path):
    """A site under a path (GitHub's project pages, https://<owner>.github.io/<repo>/),
    where /favicon.ico is the host's, not the site's: each page links the icon."""
    blog = copy_blog(tmp_path / "blog")
    run_build(blog, tmp_path / "html", env={"BLOG_BASEURL": "https://chrismills.github.io/blog"})
    site = Site(tmp_path / "html")
    for rel in ("index.html", "posts/2010/birmingham-blues.html", "blog/tag/ofsted/index.html"):
        [link] = site.page(rel).select('link[rel~="icon"]')
        linked = (site.path(rel).parent / link["href"]).resolve()
        assert linked.read_bytes() == site.path("favicon.ico").read_bytes(), rel


def test_each_post_has_open_graph_and_json_ld(site, post_sources):
    for rel, front in post_sources.items():
        page = site.page(rel)
        og = {m["property"]: m["content"] for m in page.select("meta[property]")}
        assert og["og:type"] == "article"
        assert og["og:title"] == front["title"]
        assert og["og:url"] == "https://chrismillsblog.github.io/" + rel
        assert og["article:published_time"].startswith(str(front["date"]))
        posting = json.loads(page.select_one('script[type="application/ld+json"]').get_text())
        assert posting["@type"] == "BlogPosting"
        assert posting["headline"] == front["title"]
        assert posting["datePublished"].startswith(str(front["date"]))
        assert posting["author"] == [{"@type": "Person", "name": "Chris Mills"}]
        assert posting["keywords"] == front["tags"]


def words(page) -> int:
    section = page.select_one("article section")
    return len(section.get_text(" ").split())


def test_reading_time_on_posts_and_in_lists(site, post_sources):
    home = site.page("index.html")
    listed = {
        s.select_one(".post-title a")["href"]: s.select_one(".reading-time").get_text()
        for s in home.select("li.post-summary")
    }
    for rel in post_sources:
        page = site.page(rel)
        shown = page.select_one(".post-meta .reading-time").get_text()
        minutes = int(re.search(r"(\d+) min read", shown).group(1))
        assert abs(minutes - words(page) / 200) <= 1 and minutes >= 1
        assert listed[rel].strip(" ·") == f"{minutes} min read"


def test_related_posts_share_tags(site, post_sources):
    for rel, front in post_sources.items():
        related = site.page(rel).select(".related-posts li a")
        assert 0 < len(related) <= 3
        for link in related:
            other = next(f for f in post_sources.values() if f["title"] == link.get_text())
            assert set(other["tags"]) & set(front["tags"]), (rel, link.get_text())
            assert other["title"] != front["title"]


def titles(page) -> list[str]:
    return [a.get_text() for a in page.select("ol.post-list .post-title a")]


def resolve(rel: str, href: str) -> str:
    from posixpath import dirname, join, normpath

    return normpath(join(dirname(rel), href))


@pytest.mark.sphinx("html", testroot="pagination", confoverrides={"blog_posts_per_page": 10})
def test_thirty_posts_paginate_ten_a_page(app):
    site = built(app)
    newest_first = [f"Post {i}" for i in range(30, 0, -1)]
    for first, expected in [
        ("index.html", newest_first),
        ("blog/tag/every/index.html", newest_first),
        ("blog/2011/01/index.html", newest_first[2:]),  # posts 29 and 30: February
        ("blog/tag/third/index.html", [t for t in newest_first if int(t[5:]) % 3 == 0]),
    ]:
        seen, rel, pages = [], first, 0
        while rel:
            page = site.page(rel)
            pages += 1
            shown = titles(page)
            assert 0 < len(shown) <= 10, rel
            seen += shown
            position = page.select_one("nav.pager .pager-position")
            count = -(-len(expected) // 10)
            if count > 1:
                assert position.get_text() == f"Page {pages} of {count}"
            newer = page.select_one("nav.pager a.pager-newer")
            assert (newer is None) == (pages == 1), rel
            older = page.select_one("nav.pager a.pager-older")
            rel = resolve(rel, older["href"]) if older else None
        assert seen == expected, first
        assert pages == -(-len(expected) // 10)
    # A year is one page of titles, month by month, with no pager; its month
    # shows the excerpts, ten a page.
    year = site.page("blog/2011/index.html")
    assert [a.get_text() for a in year.select(".archive-titles a")] == newest_first
    months = [h.get_text() for h in year.select(".archive-month h2")]
    assert months == ["February 2011", "January 2011"]
    assert year.select_one("nav.pager") is None and not year.select(".post-excerpt")
    assert not (site.root / "blog/2011/page").exists()
    assert resolve("blog/2011/index.html", year.select(".archive-month h2 a")[1]["href"]) == (
        "blog/2011/01/index.html"
    )
    # Page 2 of the home page links back to page 1.
    page2 = site.page("page/2/index.html")
    newer = page2.select_one("nav.pager a.pager-newer")["href"]
    assert resolve("page/2/index.html", newer) == "index.html"
    assert titles(page2) == newest_first[10:20]


@pytest.mark.sphinx("html", testroot="pagination", parallel=2)
def test_workers_fork_from_frozen_objects_and_the_build_then_unfreezes(app):
    """Memory (issue 15): what the build made before forking its writers is left
    out of garbage collections, so the workers do not copy it page by page;
    after the build, collections are as usual again."""
    frozen = []
    app.connect("html-collect-pages", lambda app: frozen.append(gc.get_freeze_count()) or [], 50)
    app.build()
    assert frozen and frozen[0] > 10_000
    assert gc.get_freeze_count() == 0


def test_a_failed_build_stops_the_worker_writing_the_archive_pages():
    """The archive's pages written beside the documents (pages.py): a build
    failing before it waits for them stops the worker."""
    import multiprocessing
    from types import SimpleNamespace

    from blogarchive.incremental import start_tasks
    from blogarchive.pages import ArchivePagesJob, stop_archive_pages
    from blogarchive.state import build_state

    class Config:  # weakly referenced, as Sphinx's
        pass

    app = SimpleNamespace(config=Config())
    workers = start_tasks([functools.partial(time.sleep, 60)], 1, chunks=1)
    build_state(app.config).archive_pages = ArchivePagesJob(workers, [])
    (worker,) = multiprocessing.active_children()
    stop_archive_pages(app, RuntimeError("a warning, as an error"))
    worker.join(5)
    assert not worker.is_alive()
