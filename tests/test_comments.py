"""Comments from the original blog, kept and shown read-only (issue 13).

tests/data/wordpress-comments.xml holds approved comments (one a reply),
spam, a pending and a trashed comment, a pingback and a hostile comment;
blogger-features.xml a comment and a reply to it.  Imported and built with the
README's build: the post shows the approved ones, threaded and dated in the
blog's timezone under "Comments from the original blog", with commenters'
links ``rel="nofollow ugc"``; lists show how many; nothing else is kept, and
no e-mail or IP address is written to the repository.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from lxml import etree

from blogarchive.build import build
from blogarchive.cli import main

from blogsite import Site, new_blog

DATA = Path(__file__).parent / "data"


def imported(tmp_path_factory, fmt: str, export: str):
    root = new_blog(tmp_path_factory.mktemp(fmt) / "blog")
    argv = ["import", fmt, str(DATA / export), "--posts-dir", str(root / "posts"), "--no-media"]
    assert main(argv) == 0
    assert build(root, root / "_build/html") == 0
    return root, Site(root / "_build/html")


@pytest.fixture(scope="module")
def wordpress(tmp_path_factory):
    return imported(tmp_path_factory, "wordpress", "wordpress-comments.xml")


@pytest.fixture(scope="module")
def blogger(tmp_path_factory):
    return imported(tmp_path_factory, "blogger", "blogger-features.xml")


def thread_of(site: Site, rel: str):
    return site.page(rel).select_one("section.comments")


def test_approved_comments_are_shown_threaded_and_dated(wordpress):
    _, site = wordpress
    section = thread_of(site, "posts/2011/working-together-again.html")
    assert section.h2.get_text() == "Comments from the original blog"
    top = section.select(":scope > ol.comment-thread > li.comment")
    assert [c.select_one(".comment-author").get_text() for c in top] == [
        "Jane Social Worker",
        "Other Blog",  # a pingback, in its place (test_an_approved_pingback_is_shown_...)
        "Sam",
    ]
    reply = top[0].select_one(":scope ol.comment-thread li.comment")
    assert reply.select_one(".comment-author").get_text() == "Chris Mills"
    assert reply.select_one(".comment-text em").get_text() == "Jane"
    # 12:00 UTC on 14 March 2011 is 12:00 in London (GMT), shown in the blog's timezone.
    when = top[0].select_one("time")
    assert when["datetime"] == "2011-03-14T12:00:00+00:00"
    assert when.get_text() == "14 March 2011 at 12:00"
    texts = [p.get_text() for p in top[0].select(":scope > .comment-text p")]
    assert texts == ["Thank you for this.", "It matches what we see."]


def test_commenters_links_are_nofollow_ugc_and_inert(wordpress):
    _, site = wordpress
    section = thread_of(site, "posts/2011/working-together-again.html")
    jane = section.select_one("a.comment-author")
    assert jane["href"] == "https://jane.example.org/" and jane["rel"] == ["nofollow", "ugc"]
    sam = section.select("li.comment")[-1]
    assert sam.select_one("a.comment-author") is None  # a javascript: address is no link
    link = sam.select_one(".comment-text a")
    assert link["href"] == "https://example.org/" and "onclick" not in link.attrs
    assert set(link["rel"]) == {"nofollow", "ugc"}
    assert section.find("script") is None and "alert(" not in section.get_text()


def test_spam_pending_and_trash_are_never_kept(wordpress):
    root, site = wordpress
    everything = b"".join(
        p.read_bytes()
        for p in [*root.joinpath("posts").rglob("*"), *site.root.rglob("*")]
        if p.is_file()
    )
    for gone in (b"CHEAP PILLS", b"never approved", b"was binned"):
        assert gone not in everything


def test_an_approved_pingback_is_shown_as_wordpress_listed_it(wordpress):
    """WordPress listed a post's approved pingbacks and trackbacks among its
    comments, "Pingback:" and the linking post's title, a link to it: the
    post keeps them so, marked apart from what its readers wrote (the
    count its listing shows is of those)."""
    _, site = wordpress
    section = thread_of(site, "posts/2011/working-together-again.html")
    (ping,) = section.select("li.comment.pingback")
    meta = ping.select_one(".comment-meta")
    assert meta.select_one(".comment-kind").get_text() == "Pingback:"
    link = meta.select_one("a.comment-author")
    assert link.get_text() == "Other Blog" and link["href"] == "https://other.example.org/post"
    assert link["rel"] == ["nofollow", "ugc"]
    assert ping.select_one(".comment-text").get_text(strip=True) == "A pingback from another blog."
    assert ping["id"] == "comment-6"
    note = section.select_one(".comments-note").get_text()
    assert note.startswith("3 comments and 1 pingback, kept from the blog as it was"), note
    readers = [li for li in section.select("li.comment") if "pingback" not in li["class"]]
    assert len(readers) == 3 and not any(li.select(".comment-kind") for li in readers)


def test_no_email_or_ip_address_is_written(wordpress, blogger):
    for root, _ in (wordpress, blogger):
        written = "".join(
            p.read_text(encoding="utf-8") for p in (root / "posts").rglob("*") if p.is_file()
        )
        assert "@" not in written  # no address at all, not even noreply@blogger.com
        for address in ("jane@example.org", "reader@example.org", "192.0.2.", "198.51.100."):
            assert address not in written


def test_lists_show_how_many_comments(wordpress):
    _, site = wordpress
    items = {
        li.select_one(".post-title").get_text(): li.select_one(".comment-count")
        for li in site.page("index.html").select("li.post-summary")
    }
    assert items["Working Together, again"].get_text() == " · 3 comments"
    assert items["No comments here"] is None
    assert thread_of(site, "posts/2011/no-comments-here.html") is None


def test_blogger_comments_and_replies(blogger):
    _, site = blogger
    section = thread_of(site, "posts/2011/workshop-reshape-notes.html")
    top = section.select(":scope > ol.comment-thread > li.comment")
    assert [c.select_one(".comment-author").get_text() for c in top] == ["A Reader"]
    reply = top[0].select_one(":scope ol.comment-thread li.comment .comment-author")
    assert reply.get_text() == "Chris Mills"
    text = top[0].select_one(":scope > .comment-text")
    assert [t.strip() for t in text.stripped_strings] == [
        "Good notes, thank you.",
        "See you next time.",
    ]


def test_a_link_to_one_comment_on_the_old_blog_still_finds_it(wordpress, blogger):
    """Blogger linked a comment as ``post.html?showComment=<time>#c<id>``,
    WordPress as ``post/#comment-<id>``: the page had only WordPress's
    anchor, and a Blogger link opened the post at its top."""
    page = blogger[1].page("posts/2011/workshop-reshape-notes.html")
    assert page.select_one("#c9001 .comment-author").get_text() == "A Reader"
    assert page.select_one("#c9002 .comment-author").get_text() == "Chris Mills"
    page = wordpress[1].page("posts/2011/working-together-again.html")
    assert page.select_one("#comment-1 .comment-author").get_text() == "Jane Social Worker"


def test_the_comments_feed_gives_the_newest_comments_at_bloggers_address(wordpress, blogger):
    """Blogger's pages offered "Post Comments (Atom)", /feeds/comments/default
    (WordPress's, /comments/feed/): both were 404s.  The feed holds the newest
    comments on the blog's posts and pages (25 at most, as Blogger's feeds), newest
    first, each linked to its place on its post's page, by its author, dated as the
    page dates it, its words as the page shows them.  (A page's comments had
    been left out: Blogger's feed held them.)"""
    base = "https://chrismillsblog.github.io/"
    for root, site in (wordpress, blogger):
        shown = []
        built = root / "_build/html"
        for path in sorted(
            [*(built / "posts").rglob("*.html"), *(built / "pages").rglob("*.html")]
        ):
            rel = path.relative_to(root / "_build/html").as_posix()
            for item in site.page(rel).select("li.comment"):
                text = item.select_one(":scope > .comment-text").get_text(" ", strip=True)
                when = item.select_one(":scope > .comment-meta time")["datetime"]
                author = item.select_one(":scope > .comment-meta .comment-author").get_text()
                shown.append((when, f"{base}{rel}#{item['id']}", author, " ".join(text.split())))
        assert shown, root
        shown.sort(key=lambda comment: dt.datetime.fromisoformat(comment[0]), reverse=True)
        feed = site.feed("feeds/comments/default")
        assert feed.feed.title == "Chris Mills' blog: comments"
        entries = [
            (
                entry.published,
                entry.link,
                entry.author,
                " ".join(BeautifulSoup(entry.content[0].value, "lxml").get_text(" ").split()),
            )
            for entry in feed.entries
        ]
        assert [e[1:] for e in entries] == [c[1:] for c in shown[:25]], root
        if site is blogger[1]:  # (its About page has a comment)
            assert any("/pages/" in link for _, link, _, _ in entries), entries
        assert [dt.datetime.fromisoformat(e[0]) for e in entries] == [
            dt.datetime.fromisoformat(c[0]) for c in shown[:25]
        ]
    page = wordpress[1].page("comments/feed/index.html")  # WordPress's address of it
    assert page.select_one('meta[http-equiv="refresh"]')["content"].endswith(
        "../../feeds/comments/default"
    )
    # ...and names it for the feed readers subscribed there, which read no
    # refresh but follow a page's feed (it had named none: no ".xml" in its name)
    named = page.select('head link[rel="alternate"][type="application/atom+xml"]')
    assert [link["href"] for link in named] == ["../../feeds/comments/default"]


def test_each_blogger_post_answers_its_own_comments_feed_at_bloggers_address(blogger, atom_schema):
    """Blogger's post pages offered "Post Comments (Atom)" and named it in
    their heads, /feeds/<the post's number>/comments/default, which feed
    readers subscribed to: a 404 here.  The import keeps each post's and
    page's id there (``blogger_id``); the site answers each published one's
    address with a feed of its own comments, as its page shows them, newest
    first (an empty feed for a post with none, as Blogger's was), and its
    page names it in its head.  (A draft's: the test after the next.)"""
    root, site = blogger
    base = "https://chrismillsblog.github.io/"
    numbered = {}
    for path in sorted([*(root / "posts").glob("*/*.md"), *(root / "pages").glob("*.md")]):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        if "blogger_id" in front:
            numbered[front["blogger_id"].rsplit("-", 1)[1]] = (path, front)
    assert {"1", "36"} <= set(numbered)  # a post with comments; the About page
    built = root / "_build/html"
    assert sorted(p.parent.parent.name for p in built.glob("feeds/*/comments/default")) == sorted(
        number for number, (_, front) in numbered.items() if not front.get("draft")
    )
    for number, (path, _front) in numbered.items():
        feed_file = built / f"feeds/{number}/comments/default"
        rel = path.relative_to(root).with_suffix(".html").as_posix()
        page = site.page(rel)
        shown = [
            (f"{base}{rel}#{item['id']}", item.select_one(".comment-author").get_text())
            for item in page.select("li.comment")
        ]
        assert atom_schema.validate(etree.parse(str(feed_file))), (number, atom_schema.error_log)
        feed = feedparser.parse(feed_file.read_bytes())
        assert feed.feed.title == f"Chris Mills' blog: comments on {page.h1.get_text().strip('¶')}"
        assert feed.feed.link == f"{base}{rel}"
        # named in the page's head, as Blogger's pages named it (feed readers find it)
        named = page.select_one(
            f'link[rel="alternate"][href="{base}feeds/{number}/comments/default"]'
        )
        assert named["type"] == "application/atom+xml" and named["title"] == feed.feed.title
        listed = sorted(feed.entries, key=lambda e: e.published_parsed, reverse=True)
        assert [e.link for e in feed.entries] == [e.link for e in listed]
        assert sorted((e.link, e.author) for e in feed.entries) == sorted(shown), number
    assert feedparser.parse((built / "feeds/1/comments/default").read_bytes()).entries
    assert feedparser.parse((built / "feeds/36/comments/default").read_bytes()).entries
    empty = [
        n for n, (path, _) in numbered.items() if not path.with_suffix(".comments.yaml").exists()
    ]
    assert empty
    for number in empty:
        feed = feedparser.parse((built / f"feeds/{number}/comments/default").read_bytes())
        assert feed.entries == [] and feed.feed.updated


def test_each_wordpress_post_answers_its_own_comments_feed_at_wordpress_address(
    wordpress, atom_schema
):
    """WordPress's post pages named a feed of their comments in their heads,
    ``<the post's address>/feed/``, which feed readers subscribed to: a 404
    here.  Each published post of WordPress's (``wordpress_url``) has its
    own feed now, beside its page, of the comments its page shows, newest
    first (empty for a post with none, as WordPress's was); its page names
    it, and its old address's ``feed/`` leads there, naming it for the
    readers that follow a page's feed."""
    root, site = wordpress
    base = "https://chrismillsblog.github.io/"
    built = root / "_build/html"
    posts = sorted((root / "posts").glob("*/*.md"))
    assert len(posts) == 2
    counts = []
    for path in posts:
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        assert front["wordpress_url"].startswith("https://comments.example.org/")
        rel = path.relative_to(root).with_suffix(".html").as_posix()
        feed_rel = rel.removesuffix(".html") + ".comments.xml"
        page = site.page(rel)
        shown = [
            (f"{base}{rel}#{item['id']}", item.select_one(".comment-author").get_text())
            for item in page.select("li.comment")
        ]
        assert atom_schema.validate(etree.parse(str(built / feed_rel))), atom_schema.error_log
        feed = feedparser.parse((built / feed_rel).read_bytes())
        assert feed.feed.title == f"Chris Mills' blog: comments on {page.h1.get_text().strip('¶')}"
        assert feed.feed.link == f"{base}{rel}"
        named = page.select_one(f'head link[rel="alternate"][href="{base}{feed_rel}"]')
        assert named["type"] == "application/atom+xml" and named["title"] == feed.feed.title
        assert sorted((e.link, e.author) for e in feed.entries) == sorted(shown)
        newest_first = sorted(feed.entries, key=lambda e: e.published_parsed, reverse=True)
        assert [e.link for e in feed.entries] == [e.link for e in newest_first]
        counts.append(len(feed.entries))
        for old in front["redirect"]:  # /2011/03/14/working-together-again/
            moved = site.page(f"{old.strip('/')}/feed/index.html")
            target = moved.select_one('meta[http-equiv="refresh"]')["content"].split("url=")[1]
            assert (built / old.strip("/") / "feed" / target).resolve() == built / feed_rel
            link = moved.select_one('head link[rel="alternate"][type="application/atom+xml"]')
            assert link["href"] == target
    # (two approved comments, a reply and a pingback, as WordPress's feed had; none)
    assert sorted(counts) == [0, 4]


def test_bloggers_feed_addresses_know_each_post_by_the_id_bloggers_feed_gave_it(blogger):
    """A feed reader knows an entry by its id: the archive's copy of Blogger's
    feed at Blogger's addresses gave each post a new one (its address here),
    and once the archive answered the blog's old address, a subscriber's
    reader showed its last 25 posts again, as new.  There, each post keeps
    the id Blogger's feed gave it (``blogger_id``, from the export); the
    site's own feeds, new, know them by their addresses here."""
    root, site = blogger
    ids = {}
    for path in sorted((root / "posts").glob("*/*.md")):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        rel = path.relative_to(root).with_suffix(".html").as_posix()
        ids[f"https://chrismillsblog.github.io/{rel}"] = front.get("blogger_id")
    for address in ("feeds/posts/default", "feeds/posts/summary", "atom.xml", "rss.xml"):
        entries = site.feed(address).entries
        assert entries, address
        assert [entry.id for entry in entries] == [ids[entry.link] for entry in entries], address
        assert all(entry.id.startswith("tag:blogger.com,1999:blog-777.post-") for entry in entries)
    for entry in site.feed("blog/atom.xml").entries:
        assert entry.id == entry.link and entry.link in ids


def test_a_drafts_comments_feed_is_not_published_and_a_number_given_twice_is_named(
    tmp_path_factory, capfd
):
    """A post made a draft takes its feed of comments off the site at the next
    build; a second page or post giving a number another has is an error at
    its ``blogger_id`` line, naming the other file (its feed would have been
    the other's), and the last good site stays."""
    root, _ = imported(tmp_path_factory, "blogger", "blogger-features.xml")
    built = root / "_build/html"
    post = root / "posts/2011/workshop-reshape-notes.md"
    assert (built / "feeds/1/comments/default").is_file()
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("---\n", "---\ndraft: true\n", 1), encoding="utf-8")
    assert build(root, built) == 0
    assert not (built / "feeds/1/comments/default").exists()
    assert (built / "feeds/36/comments/default").is_file()
    post.write_text(text, encoding="utf-8")
    other = root / "posts/2011/a-podcast-episode.md"
    lines = other.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("blogger_id:"))
    lines[at] = "blogger_id: tag:blogger.com,1999:blog-9.post-1\n"  # another blog's, of one number
    other.write_text("".join(lines), encoding="utf-8")
    capfd.readouterr()
    assert build(root, built) != 0
    said = capfd.readouterr().err
    assert f"a-podcast-episode.md:{at + 1}:" in said and "blogger_id" in said, said
    assert "workshop-reshape-notes.md" in said, said
    assert not (built / "feeds/1/comments/default").exists()  # the last good site, as it was


def test_a_wordpress_drafts_comments_feed_and_its_old_address_are_not_published(
    tmp_path_factory,
):
    """A WordPress post made a draft takes its feed of comments, and the old
    address of it, off the site at the next build; a draft page of
    WordPress's has neither, a published one both."""
    root, _ = imported(tmp_path_factory, "wordpress", "wordpress-comments.xml")
    built = root / "_build/html"
    post = root / "posts/2011/working-together-again.md"
    feed = "posts/2011/working-together-again.comments.xml"
    old = "2011/03/14/working-together-again"  # its old address's folder
    assert (built / feed).is_file() and (built / old / "feed/index.html").is_file()
    post.write_text(post.read_text("utf-8").replace("---\n", "---\ndraft: true\n", 1), "utf-8")
    for name, draft in (("hidden", "draft: true\n"), ("shown", "")):
        page = f"---\n{draft}wordpress_url: https://comments.example.org/{name}/\n"
        page += f"redirect: /{name}/\norphan: true\n---\n\n# The {name} page\n"
        (root / f"pages/{name}.md").parent.mkdir(exist_ok=True)
        (root / f"pages/{name}.md").write_text(page, encoding="utf-8")
    assert build(root, built) == 0
    assert not (built / feed).exists() and not (built / old / "feed").exists()
    assert not (built / "pages/hidden.comments.xml").exists()
    assert not (built / "hidden/feed").exists() and not (built / "hidden").exists()
    assert (built / "pages/shown.comments.xml").is_file()
    assert (built / "shown/feed/index.html").is_file()
    assert (built / "posts/2011/no-comments-here.comments.xml").is_file()


def test_a_feed_beside_a_post_of_a_spaced_accented_name_is_named_by_a_working_address(
    tmp_path_factory,
):
    """A post's file may be named with a space or an accent: its page's
    address is quoted (Sphinx's), and now so is its feed of comments', in the
    page's head, at its old address and in the feed itself (a space in an
    address is no address: an Atom id, a link a validator refuses)."""
    root, site = imported(tmp_path_factory, "wordpress", "wordpress-comments.xml")
    front = "---\ndate: 2011-03-20\nwordpress_url: https://comments.example.org/2011/03/20/cafe/\n"
    post = root / "posts/2011/café au lait.md"
    post.write_text(front + "redirect: [/2011/03/20/cafe/]\n---\n\n# Café\n\nWords.\n", "utf-8")
    links = "[old](/2011/03/20/cafe/feed/), [new](</posts/2011/café au lait.comments.xml>)"
    linking = root / "posts/2011/linking.md"
    linking.write_text(f"---\ndate: 2011-03-21\n---\n\n# Linking\n\nIts feed: {links}.\n", "utf-8")
    built = root / "_build/html"
    assert build(root, built) == 0
    quoted = "posts/2011/caf%C3%A9%20au%20lait.comments.xml"
    base = "https://chrismillsblog.github.io/"
    page = site.page("posts/2011/café au lait.html")
    named = [link["href"] for link in page.select('head link[rel="alternate"]')]
    assert base + quoted in named, named
    moved = site.page("2011/03/20/cafe/feed/index.html")
    assert moved.select_one('link[rel="canonical"]')["href"] == base + quoted
    href = moved.select_one('link[rel="alternate"]')["href"]
    assert href == "../../../../../" + quoted
    assert moved.select_one('meta[http-equiv="refresh"]')["content"] == f"0; url={href}"
    feed = site.feed("posts/2011/café au lait.comments.xml")
    assert feed.feed.id == base + quoted and feed.feed.links[-1].href == base + quoted
    assert (built / "posts/2011/café au lait.comments.xml").is_file()
    # a post's links to it, by its old address and by its own: to the same address
    hrefs = [a["href"] for a in site.page("posts/2011/linking.html").select("article p a")]
    assert hrefs == ["caf%C3%A9%20au%20lait.comments.xml"] * 2, hrefs


def test_a_feed_of_no_comment_is_dated_as_a_clean_build_dates_it(tmp_path_factory):
    """A page's feed of no comment is dated by the blog's newest post (a page
    has no date; a feed must say when).  A post added since is the newest: the
    next build dates the feed by it, as a clean build does, byte for byte."""
    root, _ = imported(tmp_path_factory, "blogger", "blogger-features.xml")
    built = root / "_build/html"
    entry_id = "tag:blogger.com,1999:blog-777.page-500"
    page = f"---\nblogger_id: {entry_id}\norphan: true\n---\n\n# Contact\n\nWrite to us.\n"
    (root / "pages/contact.md").write_text(page, encoding="utf-8")
    assert build(root, built) == 0
    feed = built / "feeds/500/comments/default"
    before = feedparser.parse(feed.read_bytes())
    assert before.entries == []
    newer = root / "posts/2020/newer.md"
    newer.parent.mkdir()
    newer.write_text("---\ndate: 2020-01-02\n---\n\n# Newer\n\nWords.\n", encoding="utf-8")
    assert build(root, built) == 0
    after = feedparser.parse(feed.read_bytes()).feed
    assert after.updated.startswith("2020-01-02") and after.updated != before.feed.updated
    clean = tmp_path_factory.mktemp("clean") / "blog"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns("_build"))
    assert build(clean, clean / "_build/html") == 0
    assert feed.read_bytes() == (clean / "_build/html/feeds/500/comments/default").read_bytes()


def test_a_comments_file_made_for_a_post_of_none_is_shown_at_the_next_build(tmp_path_factory):
    """A post read with no comments file, given one since (the author's, a
    later import's): the next build showed no comments, where a clean build
    of the same files shows them (found by tests/fuzz.py incremental)."""
    root, _ = imported(tmp_path_factory, "blogger", "blogger-features.xml")
    built = root / "_build/html"
    post = root / "posts/2011/a-podcast-episode.md"
    entry_id = yaml.safe_load(post.read_text(encoding="utf-8").split("---")[1])["blogger_id"]
    number = entry_id.rsplit("-", 1)[1]
    assert not Site(built).page("posts/2011/a-podcast-episode.html").select("li.comment")
    comment = {"id": "77", "author": "Late Reader", "date": "2011-04-01T10:00:00+00:00"}
    sidecar = post.with_name(post.stem + ".comments.yaml")
    sidecar.write_text(yaml.safe_dump([{**comment, "html": "Found it."}]), encoding="utf-8")
    assert build(root, built) == 0
    page = Site(built).page("posts/2011/a-podcast-episode.html")
    assert [a.get_text() for a in page.select("li.comment .comment-author")] == ["Late Reader"]
    feed = Site(built).feed(f"feeds/{number}/comments/default")
    assert [entry.author for entry in feed.entries] == ["Late Reader"]


def test_an_edited_comments_file_rebuilds_the_post(wordpress):
    root, site = wordpress
    sidecar = root / "posts/2011/working-together-again.comments.yaml"
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace("Thank you for this.", "Thanks a lot."),
        encoding="utf-8",
    )
    assert build(root, root / "_build/html") == 0
    section = thread_of(Site(root / "_build/html"), "posts/2011/working-together-again.html")
    assert "Thanks a lot." in section.get_text()
    # and the comments feed, as a clean build writes it
    feed = Site(root / "_build/html").feed("feeds/comments/default")
    assert any("Thanks a lot." in entry.content[0].value for entry in feed.entries)


def test_every_wordpress_comment_not_kept_is_said(tmp_path, capsys):
    """A comment whose date cannot be read is refused with its line and its
    post's old address (it went unsaid); the unapproved ones and a plugin's
    own kinds are counted in the report; a comment dated in local time on an undated
    draft is kept with it (the whole draft was refused)."""
    text = (DATA / "wordpress-comments.xml").read_text(encoding="utf-8")
    for field in ("comment_date_gmt", "comment_date"):
        text = text.replace(f"<wp:{field}><![CDATA[2011-03-15 09:00:00]]>", f"<wp:{field}>soon")
    draft = """<item><title>An undated draft</title><link>https://comments.example.org/?p=9</link>
<content:encoded><![CDATA[Words not yet dated.]]></content:encoded>
<wp:status>draft</wp:status><wp:post_type>post</wp:post_type>
<wp:comment><wp:comment_id>8</wp:comment_id><wp:comment_author>Early Reader</wp:comment_author>
<wp:comment_date>2011-03-16 10:00:00</wp:comment_date>
<wp:comment_date_gmt>0000-00-00 00:00:00</wp:comment_date_gmt>
<wp:comment_content>A comment on a draft.</wp:comment_content>
<wp:comment_approved>1</wp:comment_approved></wp:comment>
<wp:comment><wp:comment_id>10</wp:comment_id><wp:comment_author>WooCommerce</wp:comment_author>
<wp:comment_date>2011-03-16 11:00:00</wp:comment_date>
<wp:comment_content>Order status changed.</wp:comment_content>
<wp:comment_approved>1</wp:comment_approved><wp:comment_type>order_note</wp:comment_type></wp:comment></item>"""
    text = text.replace("</channel>", draft + "\n</channel>")
    export = tmp_path / "export.xml"
    export.write_text(text, encoding="utf-8")
    line = text[: text.index("<wp:comment_id>7<")].rindex("<wp:comment>")
    line = text.count("\n", 0, line) + 1
    root = new_blog(tmp_path / "blog")
    argv = ["import", "wordpress", str(export), "--posts-dir", str(root / "posts"), "--no-media"]
    assert main(argv) == 1
    out, err = capsys.readouterr()
    assert f"{export}:{line}: comment with a bad date 'soon'" in err
    assert "/2011/03/14/working-together-again/" in err.splitlines()[0]
    assert "3 unapproved comment (spam, pending, trash)" in out and "1 order_note" in out
    assert "pingback" not in out  # (kept, as WordPress listed it)
    kept = (root / "posts/2011/working-together-again.comments.yaml").read_text(encoding="utf-8")
    assert "Jane Social Worker" in kept and "Sam" not in kept
    (drafted,) = (root / "posts").rglob("an-undated-draft.comments.yaml")
    assert "Early Reader" in drafted.read_text(encoding="utf-8")


def test_new_comments_reach_a_post_the_author_edited(tmp_path, capsys):
    """A later backup of a blog still open for comments: a post the author
    edited since the import was skipped whole, and the comments it had
    gained since were lost unless ``--force`` overwrote the author's words.
    Its new comments are added; its text stays the author's."""
    root = new_blog(tmp_path / "blog")
    text = (DATA / "wordpress-comments.xml").read_text(encoding="utf-8")
    export = tmp_path / "export.xml"
    export.write_text(text, encoding="utf-8")
    argv = ["import", "wordpress", str(export), "--posts-dir", str(root / "posts"), "--no-media"]
    assert main(argv) == 0
    post = root / "posts/2011/working-together-again.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nA sentence of the author's.\n")
    later = """<wp:comment><wp:comment_id>40</wp:comment_id>
<wp:comment_author><![CDATA[Late Reader]]></wp:comment_author>
<wp:comment_date>2011-04-02 10:00:00</wp:comment_date>
<wp:comment_date_gmt>2011-04-02 09:00:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[Still true a month on.]]></wp:comment_content>
<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent>
</wp:comment>"""
    at = text.index("<wp:comment>")
    export.write_text(text[:at] + later + text[at:], encoding="utf-8")
    capsys.readouterr()
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert f"updated   {post}  (edited since import: kept; 1 new comment added)" in out
    assert "A sentence of the author's." in post.read_text(encoding="utf-8")
    assert "\ncomments: 4\n" in post.read_text(encoding="utf-8")
    assert build(root, root / "_build/html") == 0
    site = Site(root / "_build/html")
    section = thread_of(site, "posts/2011/working-together-again.html")
    authors = [a.get_text() for a in section.select(".comment-author")]
    assert authors == ["Jane Social Worker", "Chris Mills", "Other Blog", "Sam", "Late Reader"]
    assert "A sentence of the author's." in site.page("posts/2011/working-together-again.html").text
    assert main(argv) == 0  # and a third run has nothing more to add
    assert f"skipped   {post}  (edited since import; --force)" in capsys.readouterr().out


def test_a_comments_feed_imported_later_files_its_comments(tmp_path, capsys):
    """A blog no one can sign in to, saved from its public feeds: its
    comments feed imported in a run of its own, after its posts, had every
    comment counted as on "no imported post" and kept none.  Each is filed
    under its post on disk, found by its old address."""
    text = (DATA / "blogger-features.xml").read_text(encoding="utf-8")
    head, _, rest = text.partition("<entry>")
    entries = ["<entry>" + e for e in rest.removesuffix("</feed>\n").split("<entry>")]
    comment = "kind#comment"
    posts, comments = tmp_path / "posts.xml", tmp_path / "comments.xml"
    posts.write_text(head + "".join(e for e in entries if comment not in e) + "</feed>\n")
    comments.write_text(head + "".join(e for e in entries if comment in e) + "</feed>\n")
    root = new_blog(tmp_path / "blog")
    for export in (posts, comments):
        argv = ["import", "blogger", str(export), "--posts-dir", str(root / "posts"), "--no-media"]
        assert main(argv) == 0
    out = capsys.readouterr().out
    assert "comment on no imported post" not in out
    notes = root / "posts/2011/workshop-reshape-notes.md"
    assert "\ncomments: 2\n" in notes.read_text(encoding="utf-8")
    assert f"updated   {notes}  (2 new comments added)" in out
    assert main(argv) == 0  # a second run of the feed: nothing new
    assert f"unchanged {notes}" in capsys.readouterr().out
    both = ["import", "blogger", str(posts), str(comments), "--posts-dir", str(root / "posts")]
    assert main([*both, "--no-media"]) == 0  # the two as one import: the same files
    assert f"unchanged {notes}" in capsys.readouterr().out
    assert build(root, root / "_build/html") == 0
    site = Site(root / "_build/html")
    section = thread_of(site, "posts/2011/workshop-reshape-notes.html")
    assert [a.get_text() for a in section.select(".comment-author")] == ["A Reader", "Chris Mills"]
    page = thread_of(site, "pages/about-this-blog.html")
    assert [a.get_text() for a in page.select(".comment-author")] == ["A page reader"]


def test_a_comments_file_that_cannot_be_read_is_left_and_said(tmp_path, capsys):
    """The comments file of an edited post, broken by hand: the import adds
    nothing to it, says so, and goes on (it had stopped on a traceback)."""
    root = new_blog(tmp_path / "blog")
    export = DATA / "wordpress-comments.xml"
    argv = ["import", "wordpress", str(export), "--posts-dir", str(root / "posts"), "--no-media"]
    assert main(argv) == 0
    post = root / "posts/2011/working-together-again.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nAn edit.\n", encoding="utf-8")
    sidecar = root / "posts/2011/working-together-again.comments.yaml"
    sidecar.write_text("- id: 1\n  html: [unclosed\n", encoding="utf-8")
    (sidecar.parent / "kept.yaml").write_bytes(sidecar.read_bytes())
    capsys.readouterr()
    assert main(argv) == 0
    why = "edited since import; working-together-again.comments.yaml cannot be read"
    assert f"skipped   {post}  ({why}: no comment added)" in capsys.readouterr().out
    assert sidecar.read_bytes() == (sidecar.parent / "kept.yaml").read_bytes()
