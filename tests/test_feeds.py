"""Atom feeds as a feed reader sees them (issue 2, section 5).

Built on a machine whose TZ is UTC+14: dates must still be London's, and the
feed's ``updated`` must be the newest post's date, not the build time.
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from blogarchive.model import OLD_FEEDS

from blogsite import SEEDS, built
from seed import read_seed

SEED = read_seed(SEEDS / "000_2ed50744c0336e87.txt")
LONDON = ZoneInfo("Europe/London")


def test_blog_feed_has_five_full_entries_newest_first(site):
    feed = site.feed()
    assert not feed.bozo, feed.get("bozo_exception")
    assert [e.title for e in feed.entries] == [p.title for p in SEED]
    for entry, seed_post in zip(feed.entries, SEED, strict=True):
        body = BeautifulSoup(entry.content[0].value, "html.parser")
        paragraphs = [p.get_text() for p in body.find_all("p") if not p.find_parent("li")]
        assert paragraphs == seed_post.paragraphs
        assert [li.get_text() for li in body.find_all("li")] == seed_post.items
        # The post's page's text (feeds.page_text), without what surrounds it there.
        assert "¶" not in body.get_text()
        assert not body.select("h1, .post-meta, [data-pagefind-meta]")
        assert [a.name for a in entry.authors] == ["Chris Mills"]


def test_feed_links_are_absolute_with_rel_self(site):
    feed = site.feed()
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert len(self_links) == 1 and self_links[0].endswith("/blog/atom.xml")
    assert self_links[0].startswith("http")
    for entry in feed.entries:
        assert entry.link.startswith("http") and entry.link.endswith(".html")
        assert entry.id == entry.link
        relative = BeautifulSoup(entry.content[0].value, "html.parser").select(
            "a[href]:not([href^='http'])"
        )
        assert not relative


def test_feed_dates_are_london_days_not_the_build_machines(site):
    feed = site.feed()
    for entry, seed_post in zip(feed.entries, SEED, strict=True):
        published = dt.datetime.fromisoformat(entry.published)
        day = dt.datetime.strptime(seed_post.day, "%A, %d %B %Y").date()
        assert published.utcoffset() == dt.timedelta(hours=1)  # BST in July
        assert published.astimezone(LONDON).date() == day
    newest = dt.datetime.fromisoformat(feed.entries[0].updated)
    assert dt.datetime.fromisoformat(feed.feed.updated) == newest
    assert newest.date() == dt.date(2010, 7, 27)


def test_the_old_summary_feed_gives_each_posts_summary_not_its_text(site):
    """Blogger's ``/feeds/posts/summary``, which subscribers may still poll,
    gave each post's first words, not its whole text: here each entry is the
    post's description (its page's ``<meta name="description">``) and its
    address; it had been a fifth copy of the full-text feed (issue 15: the
    site's weight)."""
    full, summaries = site.feed(), site.feed("feeds/posts/summary")
    assert not summaries.bozo, summaries.get("bozo_exception")
    assert [e.title for e in summaries.entries] == [e.title for e in full.entries]
    self_links = [link.href for link in summaries.feed.links if link.rel == "self"]
    assert len(self_links) == 1 and self_links[0].endswith("/feeds/posts/summary")
    for entry in summaries.entries:
        assert "content" not in entry, entry.title
        page = site.page(entry.link.split("/", 3)[3])
        assert entry.summary == page.select_one('meta[name="description"]')["content"]
        assert 0 < len(entry.summary) <= 200
    for old in ("feeds/posts/default", "atom.xml", "rss.xml"):  # the full text, as Blogger's
        feed = site.feed(old)
        assert [e.content[0].value for e in feed.entries] == [
            e.content[0].value for e in full.entries
        ], old


@pytest.mark.sphinx("html", testroot="pagination")
def test_the_old_feed_addresses_give_the_newest_25_posts_as_bloggers_did(app):
    """Blogger's feeds gave a subscriber the newest 25 posts (more only when
    asked with ``?max-results=``, which a static host cannot read); the
    blog's own feed keeps its 50. The old addresses had been four copies of
    the 50-entry feed, 0.7 MB at 1000 posts (issue 15: the site's weight)."""
    site = built(app)
    newest_first = [f"Post {i}" for i in range(30, 0, -1)]
    assert [e.title for e in site.feed().entries] == newest_first
    for old in OLD_FEEDS:
        feed = site.feed(old)
        assert not feed.bozo, (old, feed.get("bozo_exception"))
        assert [e.title for e in feed.entries] == newest_first[:25], old
        self_links = [link.href for link in feed.feed.links if link.rel == "self"]
        assert self_links == [app.config.blog_baseurl + old], old


@pytest.mark.parametrize(
    "folder, heading", [("tag", "Posts tagged"), ("category", "Posts in"), ("author", "Posts by")]
)
def test_one_feed_per_tag_category_and_author(site, folder, heading):
    """Each tag's, category's and author's page names its feed in its head
    and links to it ("Atom feed"), and the feed holds the posts the page
    lists, as WordPress gave each of them a feed (``/category/<x>/feed/``,
    which leads here); a category and an author had none."""
    index = site.page(f"blog/{folder}/")
    assert index.select("ul.catalog li")
    for li in index.select("ul.catalog li"):
        page = site.page(f"blog/{folder}/" + li.a["href"])
        name = li.a.get_text()
        head = page.select_one(f'head link[rel="alternate"][title$="{heading} {name}"]')
        rel = head["href"].split("/", 3)[3]  # drop scheme and host
        shown = page.select_one("a.archive-feed")
        assert shown.get_text() == "Atom feed"
        assert site.target(f"blog/{folder}/{li.a['href']}", shown["href"]) == rel
        feed = site.feed(rel)
        assert not feed.bozo, feed.get("bozo_exception")
        assert [link.href for link in feed.feed.links if link.rel == "self"] == [head["href"]]
        listed = [a.get_text() for a in page.select("ol.post-list .post-title a")]
        assert [e.title for e in feed.entries] == listed
        if folder == "tag":
            assert all(name in [t.term for t in e.tags] for e in feed.entries)
        if folder == "author":
            assert all(name in [a.name for a in e.authors] for e in feed.entries)


@pytest.mark.sphinx(
    "html",
    testroot="pagination",
    confoverrides={"blog_tag_feeds": False, "blog_category_feeds": False},
)
def test_a_kind_of_listing_whose_feeds_are_off_names_and_links_no_feed(app):
    """With ``blog_tag_feeds`` off, each tag's page still linked to its feed,
    named it in its head, and its old address ``/tag/<x>/feed/`` led there,
    though no feed was written.  Now a tag's and a category's pages, their
    feeds off, name none and have none; the author's, on, has its own."""
    site = built(app)
    for rel in ("blog/tag/every/index.html", "blog/category/notes/index.html"):
        page = site.page(rel)
        feeds = [link["href"] for link in page.select('head link[rel="alternate"]')]
        assert feeds == [app.config.blog_baseurl + "blog/atom.xml"], rel
        assert not page.select("a.archive-feed"), rel
        assert not site.path(rel.replace("index.html", "atom.xml")).exists()
        assert not site.path(rel.split("/", 1)[1].replace("index.html", "feed")).exists()
    assert [e.title for e in site.feed("blog/author/chris-mills/atom.xml").entries] == [
        f"Post {i}" for i in range(30, 0, -1)
    ]
    assert site.path("author/chris-mills/feed/index.html").exists()


def test_an_entry_is_its_page_text_without_title_date_line_or_signs():
    from blogarchive.feeds import page_text

    page = (
        b'<html><body><div class="x">Sidebar</div><div data-pagefind-body>'
        b'<span hidden data-pagefind-meta="title">T</span>'
        b'<section id="t"><h1>T<a class="headerlink" href="#t">\xc2\xb6</a></h1>'
        b'<p class="post-meta">1 July 2010</p><p>Text &amp; <a href="../x.html">a link</a>.</p>'
        b'<h1>An imported heading</h1><img src="../../_images/p.png" alt="p"></section>'
        b"</div></body></html>"
    )
    html = page_text(page, "https://example.org/posts/2010/t.html")
    assert html == (
        '<section id="t"><p>Text &amp; <a href="https://example.org/posts/x.html">a link</a>.</p>'
        '<h1>An imported heading</h1><img src="https://example.org/_images/p.png" alt="p">'
        "</section>"
    )


def test_an_entry_is_kept_for_its_unchanged_page_and_made_again_for_new_code(tmp_path, monkeypatch):
    """An entry is its page's text, cleaned (feeds.inert): kept between
    builds (feeds.EntryCache), a feed written again for one edited post takes
    the others' entries as they were, and makes them again once the code that
    cleans them changes (as after an upgrade)."""
    from blogarchive import feeds
    from blogarchive.build import build

    from blogsite import REPO, Site, new_blog

    monkeypatch.setenv("BLOG_REPO", str(REPO))
    blog = new_blog(tmp_path / "blog")
    (blog / "posts/2010").mkdir()
    for day, slug in ((1, "kept"), (2, "edited")):
        front = f"---\ndate: 2010-07-0{day}\nauthor: Chris Mills\ntags: Ofsted\n---\n\n"
        text = f"# The {slug} post\n\nThe words of the {slug} post.\n"
        (blog / f"posts/2010/{slug}.md").write_text(front + text, encoding="utf-8")

    def entries() -> dict[str, str]:
        assert build(blog, blog / "_build/html") == 0
        feed = Site(blog / "_build/html").feed()
        return {entry.title: entry.content[0].value for entry in feed.entries}

    assert "The words of the kept post." in entries()["The kept post"]
    kept = list((blog / "_build/html.doctrees/blogarchive-feed-entries").glob("*.html"))
    assert len(kept) == 2
    for path in kept:  # as if made by the code before
        path.write_text("<p>An entry made before.</p>", encoding="utf-8")
    edited = blog / "posts/2010/edited.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA line more.\n", encoding="utf-8")
    shown = entries()
    assert shown["The kept post"] == "<p>An entry made before.</p>"  # its page unchanged
    assert "A line more." in shown["The edited post"]
    monkeypatch.setattr(feeds, "_cleaning_code", lambda: b"the cleaning code, changed")
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAnother.\n", encoding="utf-8")
    assert "The words of the kept post." in entries()["The kept post"]
    # An entry no build used for a week goes; those in use stay.
    folder = blog / "_build/html.doctrees/blogarchive-feed-entries"
    in_use = sorted(path.name for path in folder.glob("*.html"))
    stale = folder / ("0" * 64 + ".html")
    stale.write_text("<p>An entry of a post long gone.</p>", encoding="utf-8")
    week_ago = stale.stat().st_mtime - 8 * 24 * 3600
    os.utime(stale, (week_ago, week_ago))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA third.\n", encoding="utf-8")
    entries()
    assert not stale.exists()
    assert any(path.name in in_use for path in folder.glob("*.html"))  # the kept post's
