"""The archive model on its own, without Sphinx (issue 14): plain posts and
collections in, listings, months, pages, related posts and old addresses out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from blogarchive.model import (
    ArchiveModel,
    OldIds,
    Settings,
    archive_writes,
    old_addresses,
    paginate,
)


@dataclass(eq=False)
class FakePost:
    docname: str
    title: str
    date: dt.datetime
    tags: list = field(default_factory=list)
    published: bool = True
    options: dict = field(default_factory=lambda: {"words": 450})

    def __lt__(self, other):  # ABlog's posts sort by date
        return self.date < other.date


class Collection(list):
    def __init__(self, name, posts=()):
        super().__init__(posts)
        self.name = name


def blog():
    tags = {name: Collection(name) for name in ("Ofsted", "ofsted", "C#", "C", "Munro Review")}
    posts = []
    for i, (day, names) in enumerate(
        [
            ((2010, 7, 21), ["Ofsted", "C#"]),
            ((2010, 7, 27), ["ofsted", "C"]),
            ((2011, 1, 5), ["Ofsted", "Munro Review"]),
        ]
    ):
        post = FakePost(f"posts/{day[0]}/p{i}", f"Post {i}", dt.datetime(*day))
        post.tags = [tags[n] for n in names]
        for name in names:
            tags[name].append(post)
        posts.append(post)
    draft = FakePost("posts/2011/draft", "Draft", dt.datetime(2011, 2, 1), published=False)
    posts = sorted(posts, reverse=True)
    model = ArchiveModel(
        [*posts, draft],
        [draft],
        {"tags": list(tags.values()), "category": [], "author": []},
        [],
        Settings(per_page=2, related=2, recent=2),
    )
    return model, posts


def test_posts_newest_first_and_drafts_nowhere():
    model, posts = blog()
    assert [p.title for p in model.posts] == ["Post 2", "Post 1", "Post 0"]
    assert all(p.published for listing in model.listings() for p in listing.posts)


def test_tags_fold_spellings_but_never_different_names():
    model, _ = blog()
    names = [(t.name, t.docname) for t in model.catalogs["tags"]]
    assert ("Ofsted", "blog/tag/ofsted/index") in names
    assert len([n for n, _ in names if n.casefold() == "ofsted"]) == 1
    c_pages = {d for n, d in names if n in ("C", "C#")}
    assert len(c_pages) == 2 and "blog/tag/c/index" in c_pages


def test_months_years_and_pages():
    model, _ = blog()
    assert [(m.year, m.month, len(m.posts)) for m in model.months] == [(2011, 1, 1), (2010, 7, 2)]
    assert [y.name for y in model.years] == ["2011", "2010"]
    home = model.home_pages
    assert [p.docname for p in home] == ["index", "page/2/index"]
    assert home[0].older == "page/2/index" and home[1].newer == "index"
    assert paginate("blog/tag/x/index", (), 10)[0].count == 1  # an empty list has one page


def test_pinned_posts_come_first_on_the_home_page_and_once():
    """A sticky post (its ``sticky:`` front matter) heads the first home page,
    above the newest, and is on no later page; a draft is never pinned."""
    _, posts = blog()
    draft = FakePost("posts/2011/draft", "Draft", dt.datetime(2011, 2, 1), published=False)
    model = ArchiveModel(
        [*posts, draft],
        [draft],
        {"tags": [], "category": [], "author": []},
        [],
        Settings(per_page=1),
        sticky={"posts/2010/p0", "posts/2011/draft"},
    )
    home = model.home_pages
    assert [[p.title for p in page.posts] for page in home] == [["Post 0", "Post 2"], ["Post 1"]]
    assert [p.title for p in model.pinned] == ["Post 0"]
    assert [p.title for p in model.posts] == ["Post 2", "Post 1", "Post 0"]  # listings keep dates


def test_related_posts_share_tags_newest_first():
    model, posts = blog()
    newest = posts[0]
    assert [p.title for p in model.related(newest)] == ["Post 1", "Post 0"]
    assert model.reading_minutes(newest) == 2


def test_old_addresses_lead_to_listings_and_leave_owned_pages_alone():
    model, _ = blog()
    found = old_addresses(model, owned={"2010/07/index"})
    assert found["search/label/Munro Review"] == (
        "blog/tag/munro-review/index",
        "Posts tagged Munro Review",
    )
    assert found["2010_07_01_archive"][0] == "blog/2010/07/index"
    assert found["2010/index"] == ("blog/2010/index", "Posts of 2010")  # /2010/: the year
    feed = ("blog/tag/munro-review/atom.xml", "Atom feed of Posts tagged Munro Review")
    assert found["tag/munro-review/feed/index"] == feed  # WordPress's feed of a tag
    assert "2010/07/index" not in found
    assert found["feed/index"] == ("blog/atom.xml", "Atom feed")
    for kind in ("atom", "rss2", "rss", "rdf"):  # WordPress's other formats' addresses
        assert found[f"feed/{kind}/index"] == ("blog/atom.xml", "Atom feed"), kind
    assert "blog/2011/01/index" in model.generated_docnames()


def test_each_old_posts_feed_of_comments_is_where_its_blog_had_it():
    """Blogger's numbered posts have theirs at Blogger's address; WordPress's
    beside their pages, led to from ``<the old address>/feed/`` (none from an
    address of no folder: ``/x.html/feed/`` would need a folder named as the
    page); a post of neither blog, and a draft, have none."""
    posts, draft = (
        blog()[1],
        FakePost("posts/2011/d", "D", dt.datetime(2011, 2, 1), published=False),
    )
    old = OldIds(
        {"posts/2010/p0": "tag:blogger.com,1999:blog-7.post-12"},
        frozenset({"posts/2010/p0", "posts/2010/p1", "posts/2011/d"}),
    )
    model = ArchiveModel([*posts, draft], [draft], {}, [], Settings(), old=old)
    assert model.comment_feeds == {
        "posts/2010/p0": "feeds/12/comments/default",
        "posts/2010/p1": "posts/2010/p1.comments.xml",
    }
    redirects = {"2010/07/27/p1/index": posts[1], "2010/07/p1": posts[1], "p0/index": posts[2]}
    found = old_addresses(model, owned=set(), redirects=redirects)
    assert found["2010/07/27/p1/feed/index"] == ("posts/2010/p1.comments.xml", "Comments on Post 1")
    assert not [docname for docname in found if docname.startswith(("2010/07/p1", "p0/"))]
    assert {"posts/2010/p1.comments.xml", "feeds/12/comments/default"} <= model.feed_files()


def test_each_tag_category_and_authors_old_feed_address_leads_to_its_feed_where_it_has_one():
    """WordPress gave each tag, category and author a feed (``/tag/<x>/feed/``,
    ``/category/<x>/feed/``, ``/author/<login>/feed/``); here each has its
    Atom feed (``blog_tag_feeds``, ``blog_category_feeds``, ``blog_author_feeds``),
    and each old address leads to it.  With a setting off, the listings of its
    kind have no feed, and their old feed addresses lead nowhere: the tag's had
    led to a feed no build wrote when ``blog_tag_feeds`` was off."""
    _, posts = blog()
    catalogs = {
        "tags": [Collection("Munro Review", posts)],
        "category": [Collection("Policy", posts)],
        "author": [Collection("Chris Mills", posts)],
    }
    logins = {"chris mills": {"chris"}}
    model = ArchiveModel(posts, [], catalogs, [], Settings())
    found = old_addresses(model, owned=set(), logins=logins)
    for kind, old, name, title in (
        ("tag", "munro-review", "munro-review", "Posts tagged Munro Review"),
        ("category", "policy", "policy", "Posts in Policy"),
        ("author", "chris", "chris-mills", "Posts by Chris Mills"),
        ("author", "chris-mills", "chris-mills", "Posts by Chris Mills"),
    ):
        feed = (f"blog/{kind}/{name}/atom.xml", f"Atom feed of {title}")
        assert found[f"{kind}/{old}/feed/index"] == feed
    assert [listing.feed for listing in model.listings()][:3] == [
        "blog/tag/munro-review/atom.xml",
        "blog/category/policy/atom.xml",
        "blog/author/chris-mills/atom.xml",
    ]
    folders = {"tags": "tag", "category": "category", "author": "author"}
    for off, folder in folders.items():
        feeds = frozenset(folders) - {off}
        model = ArchiveModel(posts, [], catalogs, [], Settings(feeds=feeds))
        found = old_addresses(model, owned=set(), logins=logins)
        unfed = [listing for listing in model.listings() if not listing.feed]
        assert {listing.kind for listing in unfed} == {folder, "year", "month"}
        fed = {d: target for d, (target, _) in found.items() if re.match(r"\w+/[^/]+/feed/", d)}
        assert {docname.split("/")[0] for docname in fed} == set(folders.values()) - {folder}
        assert all(target.startswith(f"blog/{d.split('/')[0]}/") for d, target in fed.items())


def test_an_authors_old_address_is_its_login_before_any_names_folder():
    """WordPress's ``/author/<x>/`` is by login: ``chris`` was Chris Mills's
    page there, though "Chris" has the folder ``chris`` here; a login is an
    address as many names' posts give it."""
    _, posts = blog()
    authors = {name: Collection(name, posts) for name in ("Chris Mills", "Chris", "Eileen")}
    model = ArchiveModel(
        posts, [], {"tags": [], "category": [], "author": [*authors.values()]}, [], Settings()
    )
    logins = {"chris mills": {"chris", "cmills"}}
    found = old_addresses(model, owned=set(), logins=logins)
    by_chris_mills = ("blog/author/chris-mills/index", "Posts by Chris Mills")
    assert found["author/chris/index"] == found["author/cmills/index"] == by_chris_mills
    assert found["author/chris-mills/index"] == by_chris_mills
    assert found["author/eileen/index"] == ("blog/author/eileen/index", "Posts by Eileen")
    assert old_addresses(model, owned=set())["author/chris/index"][0] == "blog/author/chris/index"


def test_archive_writes_names_every_page_the_archive_writes_and_no_post():
    """The importer leaves these addresses to the site's own pages (whatever the
    blog's posts): the shape must hold every page the model writes."""
    model, _ = blog()
    model.settings = Settings(per_page=1)  # later pages of every list
    written = model.generated_docnames()
    assert "blog/tag/ofsted/page/2/index" in written and "page/3/index" in written
    assert [d for d in written if not archive_writes(d, "blog")] == []
    for page in ["index", "404", "search", "blog/index", "blog/2031/index", "blog/tag/x/index"]:
        assert archive_writes(page, "blog"), page
    for old in [
        "blog/2010/07/21/a-post/index",  # WordPress's /blog/%year%/%month%/%day%/%slug%/
        "2010/07/a-post",  # Blogger's
        "about/index",
        "p/about",
        "blog/a-page/index",
        "blog/tag/x/y/index",
        "archive/index",
    ]:
        assert not archive_writes(old, "blog"), old
    assert archive_writes("news/2010/index", "news") and not archive_writes("blog/index", "news")


def test_sidebar_tags_are_the_most_used():
    model, _ = blog()
    model.settings = Settings(sidebar_tags=2)
    assert [(t.name, len(t.posts)) for t in model.top_tags()] == [("C", 1), ("Ofsted", 3)]
    assert len(model.catalogs["tags"]) == 4  # the Tags page still lists every one


def test_a_tags_posts_are_in_the_order_of_the_blog_same_day_posts_by_title():
    """A tag lists its posts as the blog does (ABlog's order: newest first,
    posts of the same moment by title, the later title first)."""
    tag = Collection("Ofsted")
    when = dt.datetime(2010, 7, 21, 9)
    titles = ["Alpha", "Charlie", "Bravo"]
    posts = [FakePost(f"posts/2010/{t.lower()}", t, when) for t in titles]
    posts.append(FakePost("posts/2010/older", "Zulu", when - dt.timedelta(days=1)))
    for post in posts:
        post.tags = [tag]
        tag.append(post)
    newest_first = sorted(posts, key=lambda p: (p.date, p.title), reverse=True)
    model = ArchiveModel(
        newest_first, [], {"tags": [tag], "category": [], "author": []}, [], Settings()
    )
    (listing,) = model.catalogs["tags"]
    assert [p.title for p in listing.posts] == ["Charlie", "Bravo", "Alpha", "Zulu"]
