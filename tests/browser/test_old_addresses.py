"""Every old address is answered, and the old blog's pages are pages here (issue 13).

One blog is imported from a Blogger Takeout export, a WordPress export and
WordPress's ``?p=N`` permalinks (tests/data), built with the README's build and
served as GitHub Pages serves it; Chromium then follows each kind of address
the old blogs had — a label, a month (both of Blogger's forms), the feed, a
page, ``?p=N`` and ``?page_id=N``, a category, a tag, WordPress's feed and dated post address —
to its counterpart here, and reaches the imported pages from the navigation.
"""

from __future__ import annotations

import os
from pathlib import Path

import feedparser
import pytest

from blogarchive.cli import main

from blogsite import build_in_child, new_blog
from static_server import Server

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests/data"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    blog = new_blog(tmp_path_factory.mktemp("old-addresses") / "blog")
    cwd = Path.cwd()
    os.chdir(REPO)
    try:
        for fmt, export in (
            ("blogger", "blogger-takeout.atom"),
            ("wordpress", "wordpress.xml"),
            ("wordpress", "wordpress-features.xml"),
        ):
            argv = ["import", fmt, str(DATA / export), "--posts-dir", str(blog / "posts")]
            main([*argv, "--no-media"])
    finally:
        os.chdir(cwd)
    served = Server(build_in_child(blog, blog / "_build/html"))
    yield served
    served.close()


def heading(page) -> str:
    return page.locator("article h1").first.inner_text().rstrip("#¶").strip()


@pytest.mark.parametrize(
    ("old", "lands_on", "title"),
    [
        ("search/label/Munro%20Review", "blog/tag/munro-review/", "Posts tagged Munro Review"),
        # a label typed as a list, split by the import: its first label's page
        ("search/label/Laming%2C%20inquiries", "blog/tag/laming/", "Posts tagged Laming"),
        # a label's feed (the blog's feed is a file at /feeds/posts/default): its page
        (
            "feeds/posts/default/-/Munro%20Review?alt=rss",
            "blog/tag/munro-review/",
            "Posts tagged Munro Review",
        ),
        ("2010/10/", "blog/2010/10/", "Posts of October 2010"),
        ("2011/", "blog/2011/", "Posts of 2011"),
        ("2010_10_01_archive.html", "blog/2010/10/", "Posts of October 2010"),
        ("p/about.html", "pages/about-me.html", "About me"),
        ("?p=1", "posts/2012/separators.html", "Separators"),
        ("?p=2", "posts/2012/headings-out-of-order.html", "Headings out of order"),
        ("?page_id=78", "pages/contact-the-author.html", "Contact the author"),
        # by the number WordPress gave a post at a dated address: its shortlink
        ("?p=11", "posts/2011/working-together-again.html", "Working Together, again"),
        ("?p=11&feed=rss2", "posts/2011/working-together-again.comments.xml", None),
        ("?p=78", "pages/contact-the-author.html", "Contact the author"),
        # the feed of a post's or page's comments, by its number: its feed of comments
        ("?p=1&feed=rss2", "posts/2012/separators.comments.xml", None),
        ("?page_id=78&feed=rss2", "pages/contact-the-author.comments.xml", None),
        ("category/policy/", "blog/category/policy/", "Posts in Policy"),
        ("tag/bureaucracy/", "blog/tag/bureaucracy/", "Posts tagged bureaucracy"),
        # a category under its parent; a later page of a tag
        ("category/news/policy/", "blog/category/policy/", "Posts in Policy"),
        ("tag/bureaucracy/page/2/", "blog/tag/bureaucracy/", "Posts tagged bureaucracy"),
        # the feed of a category under its parent: its page, which names its
        # feed, not the list of categories (it had taken "feed" for a
        # category's name); in another format than /feed/ (which a page of
        # its own leads to the category's feed), the feed
        ("category/news/policy/feed/", "blog/category/policy/", "Posts in Policy"),
        ("category/policy/feed/atom/", "blog/category/policy/atom.xml", None),
        ("tag/bureaucracy/feed/rss2/", "blog/tag/bureaucracy/atom.xml", None),
        # an author's posts: by the name's address here, or else the list of authors
        ("author/chris-mills/", "blog/author/chris-mills/", "Posts by Chris Mills"),
        ("author/cmills/page/2/", "blog/author/", "Authors"),
        ("category/news/no-such-category/", "blog/category/", "Categories"),
        ("about/", "pages/about.html", "About"),
        (
            "2011/03/14/working-together-again/",
            "posts/2011/working-together-again.html",
            "Working Together, again",
        ),
        # under a post's address: a later page of its comments, a picture's
        # attachment page (each had stayed a 404)
        *[
            (
                f"2011/03/14/working-together-again/{under}",
                "posts/2011/working-together-again.html",
                "Working Together, again",
            )
            for under in ("comment-page-2/", "agency-chart/")
        ],
        # its comments' feed, which its page named, in any format: the post's feed of comments
        *[
            (
                f"2011/03/14/working-together-again/{under}",
                "posts/2011/working-together-again.comments.xml",
                None,
            )
            for under in ("feed/", "feed/atom/", "feed/rss2")
        ],
        # ...and for a post the archive does not have, as for its address: its day's posts
        ("2011/03/14/gone-since/feed/atom/", "blog/2011/03/", None),
        ("2010/10/munros-first-report.html", "posts/2010/munros-first-report.html", None),
        # Blogger's search box, its "Older posts" link and its archive's year links
        ("search?q=Munro", "search.html?q=Munro", "Search"),
        ("search/?q=Munro%20review", "search.html?q=Munro%20review", "Search"),
        ("search?updated-max=2010-11-15T00:00:00-08:00&max-results=7", "blog/2010/10/", None),
        (
            "search?updated-min=2011-01-01T00:00:00Z&updated-max=2012-01-01T00:00:00Z"
            "&max-results=50",
            "blog/2011/",
            None,
        ),
        ("search?updated-max=2001-01-01T00:00:00Z", "blog/", "All posts"),
        # WordPress's search and its plain archive links (and Blogger's ?m=1: no date)
        ("?s=working+together", "search.html?q=working%20together", "Search"),
        ("?tag=bureaucracy", "blog/tag/bureaucracy/", "Posts tagged bureaucracy"),
        ("?tag=no-such-tag", "blog/tag/", "Tags"),
        ("?feed=rss2", "blog/atom.xml", None),
        ("?m=201103", "blog/2011/03/", None),
        ("?m=2012", "blog/2012/", None),
        ("2011/03/14/", "blog/2011/03/", None),  # WordPress's day archive
        ("2010/10/munros-first-report.html?m=1", "posts/2010/munros-first-report.html", None),
    ],
)
def test_an_old_address_leads_to_its_counterpart(server, page, old, lands_on, title):
    page.goto(server.url(old))
    page.wait_for_url(f"**/{lands_on}*", timeout=5_000)
    page.wait_for_load_state("load")
    if title:
        assert heading(page) == title


def test_old_feed_addresses_still_give_the_feed(server, context, page):
    olds = ("feeds/posts/default", "feeds/posts/default?alt=rss", "feeds/posts/summary")
    for old in (*olds, "atom.xml", "rss.xml", "feeds/posts/summary?alt=rss"):
        response = context.request.get(server.url(old))
        assert response.ok
        feed = feedparser.parse(response.body())
        assert feed.feed.title and len(feed.entries) >= 3, old
    for wordpress in ("feed/", "feed/atom/", "feed/rss2/", "feed/rss/", "feed/rdf/"):
        page.goto(server.url(wordpress))
        page.wait_for_url("**/blog/atom.xml", timeout=5_000)
    page.goto(server.url("tag/bureaucracy/feed/"))  # WordPress's feed of a tag
    page.wait_for_url("**/blog/tag/bureaucracy/atom.xml", timeout=5_000)


def test_imported_pages_are_reached_from_the_navigation(server, page):
    page.goto(server.url("index.html"))
    page.locator(".blog-navigation a", has_text="About me").click()
    page.wait_for_load_state("load")
    assert heading(page) == "About me"
    assert page.locator("article .post-meta").count() == 0  # a page, not a post
    page.locator(".blog-navigation a", has_text="Home").click()
    page.wait_for_load_state("load")
    titles = page.locator("ol.post-list .post-title a").all_inner_texts()
    assert "About me" not in titles and "About" not in titles
