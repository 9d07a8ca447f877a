"""Atom feeds: the whole blog and one per tag; the comments on its posts.

Replaces ABlog's feeds, which stamp ``updated`` with the build time, convert
dates with the build machine's timezone and keep only a post's last author.
Here every date comes from the posts, in the blog's timezone, so two builds of
the same posts write the same bytes.

An entry's content is the text of the post's own page, as written by this
build or kept from the last (every post's page is current by the time feeds
are written): read back, without the title, the date line and the "¶" signs,
its links made absolute.  Rendering each post's doctree a second time for the
feeds took 6 % of a clean build at 1000 posts and most of a one-post edit's
feed time; the page is also, by construction, exactly what the feed shows.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import re
import time
from html import escape
from pathlib import Path

import lxml.html
import nh3
from feedgen.feed import FeedGenerator

from .archive import BlogArchive
from .frontmatter import NOT_XML, join_address
from .incremental import generated_files, run_tasks
from .links import PASTED, rewrite_links
from .meta import post_description
from .model import COMMENTS_FEED, OLD_FEED_LENGTH, OLD_FEEDS

#: An address that names a scheme or a host (``https:``, ``//host/``): not the site's own.
ADDRESS_WITH_HOST = re.compile(r"^\s*([a-z][a-z0-9+.-]*:|[/\\]{2})", re.IGNORECASE)


def _absolute(html: str, base: str) -> str:
    """Every relative href/src in a fragment made absolute against ``base``."""
    return rewrite_links(html, lambda url: join_address(base, url))


#: What a post's page shows around its text, not part of it: the title (its
#: first h1: the entry has its own), the date line, "Last updated", "¶" links,
#: search's data.
_CHROME = (
    "(.//h1)[1]",
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' headerlink ')]",
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' post-meta ')]",
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' post-history ')]",
    ".//*[@data-pagefind-meta or @data-pagefind-filter]",
)


def page_text(page: bytes, base: str) -> str | None:
    """The text of a post's page (its ``data-pagefind-body``, _templates/page.html)
    without the chrome above, links absolute against ``base``; None if the page
    has no such part."""
    root = lxml.html.document_fromstring(page)
    found = root.xpath("//div[@data-pagefind-body]")
    if len(found) != 1:
        return None
    body = found[0]
    for element in [found for path in _CHROME for found in body.xpath(path)]:
        element.drop_tree()
    body.rewrite_links(lambda url: join_address(base, url), resolve_base_href=False)
    text = escape(body.text or "", quote=False)
    return (text + "".join(lxml.html.tostring(c, encoding="unicode") for c in body)).strip()


def inert(html: str, site: str | None) -> str:
    """An entry's HTML with nothing a feed reader would run or fetch from
    another host.  A page carries a policy that stops its scripts, frames and
    other hosts' pictures (csp.py); a feed reader has none, and a post's raw
    HTML (its author's, or an edit's) reaches the feed as it was.  Kept: the
    text, its markup and classes, links (http, https, mailto) and the site's
    own pictures (at ``site``; at relative addresses when ``site`` is None, as
    in the e-book: epub.py), pasted ones included; another host's picture is
    its alt text."""

    def own(src: str) -> bool:
        return src.startswith(site) if site else not ADDRESS_WITH_HOST.match(src)

    def allowed(tag: str, attribute: str, value: str) -> str | None:
        if value.lower().startswith("data:"):  # a pasted picture, and nothing else
            return value if tag == "img" and attribute == "src" and PASTED.match(value) else None
        if tag == "img" and attribute == "src" and not own(value):
            return None
        return value

    cleaned = nh3.clean(
        html,
        tags=nh3.ALLOWED_TAGS | {"section"},
        attributes={
            "*": {"class", "id", "lang", "title"},
            "a": {"href"},
            "img": {"src", "alt", "width", "height"},
            "ol": {"start", "reversed"},
            "td": {"colspan", "rowspan"},
            "th": {"colspan", "rowspan"},
        },
        attribute_filter=allowed,
        url_schemes={"http", "https", "mailto", "data"},  # data: pictures alone (allowed)
        link_rel=None,
        strip_comments=True,
    )
    # A picture left without its address is its alt text (nh3 writes each
    # attribute once, double-quoted and escaped).
    return PICTURE_WITHOUT_ADDRESS.sub(lambda m: m.group("alt") or "", cleaned)


#: An ``<img>`` as nh3 writes it, with no ``src``: its ``alt``, if it has one.
PICTURE_WITHOUT_ADDRESS = re.compile(r'<img(?![^>]*\ssrc=)(?:[^>]*?\salt="(?P<alt>[^"]*)")?[^>]*>')


@functools.cache
def _cleaning_code() -> bytes:
    """What makes an entry from a page: this module's code and links.py's (an
    entry kept from before a change to either is not used)."""
    from . import links

    return b"".join(Path(module).read_bytes() for module in (__file__, links.__file__))


class EntryCache:
    """Each entry's content, kept between builds beside the doctrees, named by
    the digest of what it was made from (the page's bytes, its address, the
    site's, the code that cleans it): a feed written again for one edited post
    cleans that post's page alone.  At 1000 posts, cleaning the 50 entries of
    each feed that lists an edited post again took 0.17 s of the edit's
    0.9 s in ``blog serve``.  Files, not one index: the feeds are written by
    forked workers too (``run_tasks``).  Each use refreshes a file's time;
    files no build used for a week are removed."""

    WEEK = 7 * 24 * 3600

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    @staticmethod
    def digest(*parts: bytes | str) -> str:
        digest = hashlib.sha256(_cleaning_code())
        for part in parts:
            digest.update(b"\0" + (part.encode() if isinstance(part, str) else part))
        return digest.hexdigest()

    def get(self, digest: str) -> str | None:
        path = self.folder / f"{digest}.html"
        try:
            content = path.read_text(encoding="utf-8")
            os.utime(path)
        except OSError:
            return None
        return content

    def put(self, digest: str, content: str) -> None:
        scratch = self.folder / f"{digest}.{os.getpid()}.new"
        scratch.write_text(content, encoding="utf-8")
        os.replace(scratch, self.folder / f"{digest}.html")

    def prune(self) -> None:
        old = time.time() - self.WEEK
        with os.scandir(self.folder) as found:  # not pathlib: 0.05 s a build at 1000 posts
            for entry in found:
                if entry.stat().st_mtime < old:
                    Path(entry.path).unlink(missing_ok=True)


class FeedWriter:
    """Renders each post once and writes every feed that lists it."""

    def __init__(self, archive: BlogArchive, outdir: Path, title: str, subtitle: str | None):
        self.archive = archive
        self.outdir = Path(outdir)
        self.title = title
        self.subtitle = subtitle
        self._content: dict[str, str] = {}
        self.cache = EntryCache(Path(archive.app.doctreedir) / "blogarchive-feed-entries")

    def content(self, post) -> str:
        if post.docname not in self._content:
            self._content[post.docname] = self._entry(post)
        return self._content[post.docname]

    def _entry(self, post) -> str:
        url, site = self.archive.url(post.docname), self.archive.baseurl
        page = self._page(post)
        digest = page and self.cache.digest(page, url, site)
        cached = digest and self.cache.get(digest)
        if cached is not None:
            return cached
        html = page and page_text(page, url)
        if html is None:  # a file of several posts: each rendered on its own
            page_url = self.archive.url(self.archive.all_posts_docname)
            return inert(_absolute(self.archive.full_html(post), page_url), site)
        content = inert(html, site)
        self.cache.put(digest, content)
        return content

    def _page(self, post) -> bytes | None:
        """The bytes of the post's own page; None for one of several posts in a file."""
        if post.doctree is not None:  # one of several posts in its file
            return None
        page = self.outdir / self.archive.app.builder.get_target_uri(post.docname)
        try:
            return page.read_bytes()
        except OSError:
            return None

    def task(self, docname: str, title: str, page_docname: str, posts, summaries=False, old=False):
        """What writes the feed ``docname``, or None when the one there is fresh;
        of each post's description alone with ``summaries``; with ``old``, at
        Blogger's address of its feed, each post Blogger numbered known by the
        id Blogger's feed gave it (``blogger_id``): a subscriber's reader knows
        a post by its entry's id, and given new ones it showed the last 25
        posts again, as new, once the archive answered the old address."""
        posts = posts[: self.archive.app.config.blog_feed_length or None]  # newest first
        files = generated_files(self.archive.app)
        if files.fresh(self.outdir / docname, [post.docname for post in posts]):
            return None
        return functools.partial(self.write, docname, title, page_docname, posts, summaries, old)

    def write(self, docname, title, page_docname, posts, summaries=False, old=False) -> None:
        archive = self.archive
        feed = FeedGenerator()
        feed_url = archive.file_url(docname)
        feed.id(feed_url)
        feed.title(_xml(title))
        if self.subtitle:
            feed.subtitle(_xml(self.subtitle))
        feed.link(href=archive.url(page_docname), rel="alternate")
        feed.link(href=feed_url, rel="self")
        feed.language(archive.app.config.language)
        feed.generator("blogarchive (Sphinx + ABlog)")
        newest = None
        for post in posts:
            url = archive.url(post.docname)
            entry = feed.add_entry(order="append")
            entry.id((old and archive.blogger_ids.get(post.docname)) or url)
            entry.title(_xml(post.title))
            entry.link(href=url, rel="alternate")
            for author in post.author:
                entry.author({"name": _xml(archive.label(author))})
            published = archive.aware(post.date)
            updated = archive.history.updated(post)
            entry.published(published)
            entry.updated(updated)
            newest = updated if newest is None else max(newest, updated)
            for tag in post.tags:
                label = _xml(archive.label(tag))
                entry.category(term=label, label=label)
            if summaries:
                entry.summary(_xml(post_description(archive, post)))
            else:
                entry.content(_xml(self.content(post)), type="html")
        if newest is not None:
            feed.updated(newest)
        generated_files(archive.app).write(self.outdir / docname, feed.atom_str(pretty=True))


def comments_tasks(archive: BlogArchive, outdir: Path) -> list:
    """What writes the feeds of comments that are not fresh (each file's
    time keys them): the blog's (``COMMENTS_FEED``, Blogger's address of it;
    also ``?alt=rss``), the newest comments on its posts and pages, as many
    as Blogger's feeds gave, newest first, each linked to its place on its
    post's page; and each post's or page's that Blogger numbered, at
    Blogger's address of it (``model.comments_feed``: its pages' "Post
    Comments (Atom)", which readers subscribed to), its own comments alike,
    an empty feed for one with none, as Blogger's was.  Both are at Blogger's
    addresses: a comment there is known by Blogger's id of it, where its post
    has one (:func:`_blogger_comment_id`)."""
    app = archive.app
    from . import comments

    kept = {
        post.docname: path.stat().st_mtime_ns
        for post in [*archive.posts, *archive.site_pages]  # (Blogger's held a page's too)
        if (path := comments.sidecar(app.srcdir, post.docname)).is_file()
    }
    commented = [post for post in [*archive.posts, *archive.site_pages] if post.docname in kept]
    title = app.config.blog_title
    feeds = [(COMMENTS_FEED, f"{title}: comments", app.config.root_doc, commented)]
    for post in [*archive.posts, *archive.site_pages]:
        if feed := archive.comment_feeds.get(post.docname):
            feeds.append((feed, f"{title}: comments on {post.title}", post.docname, [post]))
    tasks = []
    for feed, feed_title, page, posts in feeds:
        target = Path(outdir) / feed
        docnames = [post.docname for post in posts]
        shows = [(d, "comments", kept.get(d)) for d in docnames]
        if not generated_files(app).fresh(target, [*docnames, *shows]):
            tasks.append(
                functools.partial(_write_comments, archive, target, feed_title, page, posts)
            )
    return tasks


def _write_comments(archive: BlogArchive, target: Path, title: str, page: str, posts) -> None:
    """The feed at ``target`` (its title ``title``, the page ``page`` its
    alternate) of the newest comments on ``posts``."""
    from . import comments, sitelinks

    app, site = archive.app, archive.baseurl
    found = []
    for post in posts:
        lead = functools.partial(sitelinks.lead, app, app.builder.get_target_uri(post.docname))
        stack = comments.thread(app.srcdir, post.docname, archive.tz, lead)
        while stack:
            comment = stack.pop()
            stack += comment.replies
            found.append((comment.when, post.docname, comment.id, post, comment))
    found.sort(key=lambda item: item[:3], reverse=True)
    feed = FeedGenerator()
    address = archive.file_url(target.relative_to(app.builder.outdir).as_posix())
    feed.id(address)
    feed.title(_xml(title))
    feed.link(href=archive.url(page), rel="alternate")
    feed.link(href=address, rel="self")
    feed.language(app.config.language)
    feed.generator("blogarchive (Sphinx + ABlog)")
    newest = None
    for when, _, _, post, comment in found[:OLD_FEED_LENGTH]:
        url = archive.url(post.docname)
        address = f"{url}#comment-{comment.id}"
        entry = feed.add_entry(order="append")
        entry.id(_blogger_comment_id(archive, post, comment.id) or address)
        entry.title(_xml(f"{comment.author} on {post.title}"))
        entry.link(href=address, rel="alternate")
        entry.author({"name": _xml(comment.author)})
        entry.published(when)
        entry.updated(when)
        entry.content(_xml(inert(_absolute(comment.html, url), site)), type="html")
        newest = when if newest is None else max(newest, when)
    if newest is None:  # no comment (a feed must say when)
        dated = _dated_by(archive, posts)
        newest = archive.aware(dated.date if dated else dt.datetime(2000, 1, 1))
    feed.updated(newest)
    generated_files(app).write(target, feed.atom_str(pretty=True))


def _blogger_comment_id(archive: BlogArchive, post, number: str) -> str | None:
    """Blogger's id of comment ``number`` on a post Blogger numbered, as its
    export and its feeds of comments gave it (``tag:blogger.com,1999:blog-<the
    blog's number>.post-<the comment's>``, the form of every real export's
    comments: the import keeps the number alone): a subscriber's reader knows
    the comments by it.  None for another's."""
    post_id = archive.blogger_ids.get(post.docname)
    if not post_id or not re.fullmatch(r"[0-9]{1,40}", number):
        return None
    return f"{post_id.rsplit('.', 1)[0]}.post-{number}"


def _dated_by(archive: BlogArchive, posts):
    """The post whose date a feed of no comment on ``posts`` is dated by: the
    first of them with a date (a page has none), else the blog's newest post;
    None in a blog of no post."""
    dated = [post for post in posts if getattr(post, "date", None)] or archive.posts[:1]
    return dated[0] if dated else None


def _xml(text: str) -> str:
    """``text`` without what XML cannot hold (frontmatter.NOT_XML: an error at
    its line, but a preview goes on past errors, and the feed's writer
    stopped on a traceback)."""
    return NOT_XML.sub("", text)


def write_feeds(app):
    """``html-collect-pages`` handler: writes the feeds, yields no page."""
    from .archive import blog_archive
    from .epub import for_site

    if not for_site(app.builder) or not app.config.blog_baseurl:
        return
    archive = blog_archive(app)
    writer = FeedWriter(
        archive, app.builder.outdir, app.config.blog_title, app.config.blog_feed_subtitle
    )
    tasks = [
        writer.task(archive.feed_docname, app.config.blog_title, app.config.root_doc, archive.posts)
    ]
    for listing in archive.listings():  # each tag's, category's, author's (FEED_SETTINGS)
        if listing.feed:
            title = f"{app.config.blog_title}: {listing.title}"
            tasks.append(writer.task(listing.feed, title, listing.docname, listing.posts))
    # The old Blogger feed addresses subscribers still poll (also ?alt=rss),
    # at paths a static host serves as they are, each what Blogger's gave:
    # the newest 25 posts (its feeds' length unless asked for more; a static
    # host cannot read ?max-results=), in full but for its feed of summaries,
    # each post's description. Before, four copies of the 50-entry feed:
    # 0.7 MB at 1000 posts, the site over 1.5 x Pelican's (issue 15).
    newest, summaries = archive.posts[:OLD_FEED_LENGTH], OLD_FEEDS[0]
    title, home = app.config.blog_title, app.config.root_doc
    for address in OLD_FEEDS:
        tasks.append(writer.task(address, title, home, newest, address == summaries, old=True))
    tasks += comments_tasks(archive, app.builder.outdir)
    run_tasks(app, [task for task in tasks if task is not None])
    writer.cache.prune()
    yield from ()
