"""The archive model: what readers browse, computed once per build (issue 14).

Pure: no Sphinx, no git, no rendering — built from the posts and the
collections ABlog read (anything with the same attributes), so it is
unit-tested on its own (tests/test_model.py).  It knows the posts newest
first; the tags, categories and authors (spellings of one name folded into
one listing, different names never sharing a page); years and months; the
pages of every list; related posts; the old blogs' archive addresses; and
every page the archive writes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from slugify import slugify

from .frontmatter import NAME_BYTES, blogger_number

#: Where the indexes live, below ``blog_path``.
CATALOGS = (
    # (ABlog catalog attribute, folder, page title, heading before a name)
    ("tags", "tag", "Tags", "Posts tagged"),
    ("category", "category", "Categories", "Posts in"),
    ("author", "author", "Authors", "Posts by"),
)
#: Each catalog's setting (conf.py) that gives its listings Atom feeds
#: (``blog/tag/<x>/atom.xml``...), as WordPress gave each tag, category and
#: author one (``/category/<x>/feed/``); all on unless a setting says not.
FEED_SETTINGS = {
    "tags": "blog_tag_feeds",
    "category": "blog_category_feeds",
    "author": "blog_author_feeds",
}


def feed_catalogs(setting) -> frozenset[str]:
    """The catalogs whose listings have feeds, ``setting(name)`` reading each
    of :data:`FEED_SETTINGS` (the build's config, or ``blog check``'s conf.py)."""
    return frozenset(attr for attr, name in FEED_SETTINGS.items() if setting(name))


def fold(name: str) -> str:
    """What makes two spellings one tag: case and runs of spaces do not count."""
    return " ".join(name.split()).casefold()


def _digest(text: str, length: int) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


#: Slugs (file and folder names) are cut at a word within this many
#: characters: a file name holds 255 bytes, and a 300-character tag or
#: title crashed the build.  Names cut alike are told apart as any that slug
#: alike (:func:`_group_by_slug`; the importers' writer.post_paths).
SHORT = {"max_length": 80, "word_boundary": True}
APOSTROPHES = [["'", ""], ["\u2019", ""]]


def slug(name: str) -> str:
    """A name as an ASCII folder: any script transliterated (python-slugify:
    ``עברית`` -> ``bryt``, ``Русский`` -> ``russkii``), apostrophes dropped,
    cut at a word (``SHORT``); a stable hash when nothing is left (an emoji).
    Folder and links then agree on every server, with no percent-encoding
    between them."""
    return slugify(name, replacements=APOSTROPHES, **SHORT) or "x" + _digest(name, 8)


def _group_by_slug(catalog) -> list[tuple[str, list]]:
    """(folder, ABlog collections) for each tag (:func:`folders`)."""
    names: dict[str, list] = {}
    for coll in catalog:
        names.setdefault(fold(coll.name), []).append(coll)
    groups = [(folder, names[name]) for name, folder in folders(names).items()]
    return sorted(groups, key=lambda group: group[0])


def folders(names) -> dict[str, str]:
    """The folder of each tag or category of ``names`` (by its folded name):
    spellings that fold together share a folder; different names never do
    (``C#``, ``C++`` and ``C`` all slug to ``c``): the one whose slug is its
    own name keeps it, the others get a suffix from their name, stable
    whatever other tags exist.  (The importers link to a category's page so.)"""
    by_slug: dict[str, list[str]] = {}
    for name in sorted({fold(name) for name in names}):
        by_slug.setdefault(slug(name), []).append(name)
    found = {}
    for folder, folded in by_slug.items():
        folded.sort(key=lambda n: (n.replace(" ", "-") != folder, n))
        for i, name in enumerate(folded):
            found[name] = folder if i == 0 else f"{folder}-{_digest(name, 6)}"
    return found


@dataclass(frozen=True)
class Listing:
    """One page listing posts: a tag, a category, an author, a year or a month."""

    docname: str
    kind: str  # tag, category, author, year, month
    name: str  # plain text: "Ofsted", "July 2010"
    heading: str  # plain text: "Posts tagged"
    posts: tuple  # newest first
    feed: str | None = None  # docname of its Atom feed, when it has one
    spellings: tuple[str, ...] = ()  # the names posts gave it (tags folded by case)

    @property
    def title(self) -> str:
        return f"{self.heading} {self.name}" if self.heading else self.name


@dataclass(frozen=True)
class Page:
    """One page of a paginated list of posts."""

    docname: str
    number: int
    count: int
    posts: tuple
    newer: str | None  # docname of the page before (newer posts)
    older: str | None  # docname of the page after (older posts)


def paginate(first: str, posts: tuple, per_page: int) -> tuple[Page, ...]:
    """``first`` (``.../index``) shows the newest posts; ``.../page/2/`` the next, and so on."""
    base = first.removesuffix("index")
    chunks = [posts[i : i + per_page] for i in range(0, len(posts), per_page)] or [()]
    names = [first, *(f"{base}page/{n}/index" for n in range(2, len(chunks) + 1))]
    return tuple(
        Page(
            names[i],
            i + 1,
            len(chunks),
            chunk,
            names[i - 1] if i else None,
            names[i + 1] if i + 1 < len(chunks) else None,
        )
        for i, chunk in enumerate(chunks)
    )


@dataclass(frozen=True)
class SitePage:
    """A static page of the site (pages/): About, Contact, imported from the old blog."""

    docname: str
    title: str
    published: bool = True
    parent: str | None = None  # the page it is listed under (front matter's parent:), a docname
    order: int = 0  # its place among its parent's pages (order:, WordPress's menu order)
    children: tuple = ()  # the pages listed under it, in order (page_tree)


def page_tree(pages) -> tuple[SitePage, ...]:
    """The pages as the sidebar lists them: each under its parent, as its
    blog's menu listed them (WordPress's page hierarchy); by ``order``, then
    title.  A page whose parent is no page here, or that is its own
    ancestor, stands at the top (checks.py names the line)."""
    by_name = {page.docname: page for page in pages}

    def placed_under(page: SitePage) -> str | None:
        seen, parent = {page.docname}, page.parent
        while parent in by_name and parent not in seen:
            seen.add(parent)
            parent = by_name[parent].parent
        return None if parent in seen or page.parent not in by_name else page.parent

    under: dict[str | None, list[SitePage]] = {}
    for page in pages:
        under.setdefault(placed_under(page), []).append(page)

    def listed(parent: str | None) -> tuple[SitePage, ...]:
        found = sorted(
            under.get(parent, []), key=lambda p: (p.order, p.title.casefold(), p.docname)
        )
        return tuple(replace(page, children=listed(page.docname)) for page in found)

    return listed(None)


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    posts: tuple
    docname: str

    @property
    def name(self) -> str:
        return dt.date(self.year, self.month, 1).strftime("%B %Y")


@dataclass(frozen=True)
class Settings:
    """The few settings the model needs (from conf.py)."""

    blog_path: str = "blog"
    root_doc: str = "index"
    per_page: int = 10
    related: int = 3
    recent: int = 5
    sidebar_tags: int = 10
    feeds: frozenset[str] = frozenset(FEED_SETTINGS)  # the catalogs with feeds


class ArchiveModel:
    """Posts, listings, pages and addresses of the archive."""

    def __init__(
        self, posts, drafts, catalogs, years, settings, site_pages=(), sticky=(), old=None
    ):
        """``posts``/``drafts``: ABlog's posts (``published`` tells them apart);
        ``catalogs``: catalog attribute -> its collections (``name``, iterable of
        posts); ``years``: ABlog's year collections; ``settings``: Settings;
        ``site_pages``: SitePage; ``sticky``: the docnames of posts the home
        page shows first; ``old``: OldIds, what the old blogs knew them by."""
        self.settings = settings
        blog_path = settings.blog_path
        #: Published posts, newest first; drafts are never listed.
        self.posts = tuple(p for p in posts if p.published)
        #: Those the home page shows first, as their blog pinned them (WordPress's
        #: sticky posts, at the top of its front page).
        sticky = set(sticky)
        self.pinned = tuple(p for p in self.posts if p.docname in sticky)
        self._by_docname = {p.docname: p for p in itertools.chain(posts, drafts)}
        self.all_posts_docname = f"{blog_path}/index"
        self.changes_docname = f"{blog_path}/changes/index"
        self.feed_docname = f"{blog_path}/atom.xml"
        #: (ABlog collection, the docname it now lives at): for the adapter to place.
        self.placements: list[tuple[object, str]] = []
        self._names: dict[int, str] = {}  # id(collection) -> the name shown for it
        self.catalogs = {
            attr: catalog_listings(attr, catalogs, settings, self.placements, self._names)
            for attr, *_ in CATALOGS
        }
        self.catalog_docnames = {a: f"{blog_path}/{folder}/index" for a, folder, *_ in CATALOGS}
        self.years, self.months = calendar(self.posts, blog_path)
        self.placements += [(coll, f"{blog_path}/{coll.name}/index") for coll in years]
        drafts = tuple(p for p in drafts if p.docname in self._by_docname)
        #: Only ever read in a preview build (posts.screen_posts).
        self.drafts = Listing(f"{blog_path}/drafts/index", "drafts", "drafts", "Preview of", drafts)
        self.site_pages = tuple(site_pages)
        self.page_tree = page_tree(self.site_pages)  # the sidebar's
        #: Blogger's number -> the published post or page of it; its id; each feed of comments.
        old = old or OldIds()
        self.numbered = first_numbered([*reversed(self.posts), *self.site_pages], old.blogger)
        self.blogger_ids = {d: old.blogger[d] for d in self.numbered.values()}
        self.comment_feeds = old.comment_feeds([*self.posts, *self.site_pages], self.numbered)
        self._tag_slugs: dict[str, frozenset[str]] = {}
        self._by_tag: dict[str, list[int]] | None = None

    def label(self, coll) -> str:
        """The name to show for a tag, category or author."""
        return self._names.get(id(coll), coll.name)

    def post(self, docname: str):
        return self._by_docname.get(docname)

    def all_posts(self):
        """Every post read, drafts included, by docname."""
        return sorted(self._by_docname.values(), key=lambda p: p.docname)

    def listing_pages(self, listing: Listing) -> tuple[Page, ...]:
        """A listing's pages; a year is one page of titles (its months show excerpts)."""
        per_page = max(len(listing.posts), 1) if listing.kind == "year" else self.settings.per_page
        return paginate(listing.docname, listing.posts, per_page)

    @property
    def home_pages(self) -> tuple[Page, ...]:
        """The newest posts, page by page; the pinned ones first on the first
        page and not again after it, as WordPress's front page moved them."""
        pinned = set(self.pinned)
        rest = tuple(p for p in self.posts if p not in pinned)
        first, *more = paginate(self.settings.root_doc, rest, self.settings.per_page)
        return (replace(first, posts=self.pinned + first.posts), *more)

    def reading_minutes(self, post) -> int:
        """Minutes to read the post at 200 words a minute, at least one."""
        return max(1, round(word_count(post) / 200))

    def _tags_of(self, post) -> frozenset[str]:
        tags = self._tag_slugs.get(post.docname)
        if tags is None:
            tags = self._tag_slugs[post.docname] = frozenset(fold(t.name) for t in post.tags)
        return tags

    def related(self, post) -> list:
        """Other posts sharing the most tags with ``post`` (then the newest)."""
        if self._by_tag is None:  # folded tag -> positions of its posts, newest first
            self._by_tag = positions_by_tag(self.posts, self._tags_of)
        shared = Counter(i for tag in self._tags_of(post) for i in self._by_tag.get(tag, ()))
        ranked = sorted((-n, i) for i, n in shared.items() if self.posts[i] is not post)
        return [self.posts[i] for _, i in ranked[: self.settings.related]]

    def recent(self, count: int | None = None) -> tuple:
        return self.posts[: count or self.settings.recent]

    def top_tags(self) -> list[Listing]:
        return most_used(self.catalogs.get("tags") or (), self.settings.sidebar_tags)

    def listings(self) -> list[Listing]:
        """Every page that lists posts, months included."""
        months = [Listing(m.docname, "month", m.name, "Posts of", m.posts) for m in self.months]
        return [*itertools.chain.from_iterable(self.catalogs.values()), *self.years, *months]

    def feed_files(self) -> set[str]:
        """Every feed the archive writes (feeds.py), at its addresses and Blogger's."""
        names = {self.feed_docname, COMMENTS_FEED, *OLD_FEEDS, *self.comment_feeds.values()}
        return names | {listing.feed for listing in self.listings() if listing.feed}

    def written_files(self) -> set[str]:
        """Every file the archive writes that is not a page: the feeds, the lists
        the old addresses' script reads (pages.py), the site's own files at its root."""
        lists = {f"{self.settings.blog_path}/{name}.json" for name in ("posts", "pages", "files")}
        return self.feed_files() | lists | set(SITE_FILES)

    def generated_docnames(self) -> set[str]:
        """Every page the archive itself writes (pages.py), old addresses aside."""
        names = {self.all_posts_docname, self.changes_docname, "404"}
        names.update(self.catalog_docnames.values())
        for listing in [*self.listings(), self.drafts]:
            names.update(page.docname for page in self.listing_pages(listing))
        names.update(page.docname for page in self.home_pages)
        return names


def catalog_listings(attr: str, catalogs: dict, settings: Settings, placements, names):
    """A catalog's listings: each collection (``catalogs[attr]``) placed under
    the one its name folds into (``placements``: (collection, docname);
    ``names``: id(collection) -> the name shown), those of no published post
    left out, by name."""
    folder, heading = next((c[1], c[3]) for c in CATALOGS if c[0] == attr)
    listings = []
    for name, colls in _group_by_slug(catalogs.get(attr, ())):
        docname = f"{settings.blog_path}/{folder}/{name}/index"
        listing = _folded(folder, docname, heading, colls, attr in settings.feeds)
        placements.extend((coll, listing.docname) for coll in colls)
        names.update((id(coll), listing.name) for coll in colls)
        listings.append(listing)
    listings = [listing for listing in listings if listing.posts]
    return tuple(sorted(listings, key=lambda listing: (listing.name.casefold(), listing.name)))


@dataclass(frozen=True)
class OldIds:
    """What the old blogs knew the posts and pages by, from their front matter."""

    #: docname -> Blogger's id of that post or page (``tag:blogger.com,1999:blog-1.post-36``)
    blogger: dict[str, str] = field(default_factory=dict)
    #: the docnames of those that were WordPress's (``wordpress_url``)
    wordpress: frozenset[str] = frozenset()

    def comment_feeds(self, published, numbered: dict[str, str]) -> dict[str, str]:
        """docname -> its feed of comments, for each ``published`` post or page
        of the old blog's that had one: Blogger's, at Blogger's address of it
        (``numbered``: :func:`first_numbered`); WordPress's (every post's page
        named its own, ``<its address>/feed/``), beside its page here, where
        its old addresses lead (:func:`wordpress_comment_feeds`)."""
        feeds = {d: comments_feed(n) for n, d in numbered.items()}
        for item in published:
            if item.docname in self.wordpress and item.docname not in feeds:
                feeds[item.docname] = f"{item.docname}{WORDPRESS_COMMENTS_FEED}"
        return feeds


#: Where a post's feed of comments is beside its page, for one of WordPress's.
WORDPRESS_COMMENTS_FEED = ".comments.xml"


def wordpress_comment_feeds(redirects: dict, feeds: dict[str, str]) -> dict[str, tuple]:
    """WordPress's address of each post's feed of comments, ``<its address>/feed/``
    (``/2010/07/21/x/feed/``, which its page named in its head), as the
    docname of the page there -> (the feed it leads to, the post or page).
    ``redirects``: each old address's page -> the post or page it leads to;
    ``feeds``: docname -> its feed of comments (:meth:`OldIds.comment_feeds`).
    An address of no folder (``/x.html``) had its feed at none a static host
    can serve."""
    return {
        old.removesuffix("index") + "feed/index": (feeds[item.docname], item)
        for old, item in sorted(redirects.items())
        if old.endswith("/index") and feeds.get(item.docname, "").endswith(WORDPRESS_COMMENTS_FEED)
    }


def first_numbered(items, blogger_ids: dict[str, str]) -> dict[str, str]:
    """Blogger's number -> the first of ``items`` (posts, oldest first, then
    pages) whose id in ``blogger_ids`` (docname -> id) has that number: where
    two have one, the oldest (the other is a copy; checks.py names it)."""
    numbered: dict[str, str] = {}
    for item in items:
        if number := blogger_number(blogger_ids.get(item.docname)):
            numbered.setdefault(number, item.docname)
    return numbered


def _folded(folder: str, docname: str, heading: str, colls, fed: bool) -> Listing:
    """One listing (at ``docname``: ``blog/tag/ofsted/index``) for collections
    whose names differ only by case or spaces; ``fed``: with its Atom feed.

    The name shown is the spelling most posts use (ties: the first in sort order),
    so it does not depend on which post was read first.
    """
    spellings = Counter()
    posts = set()
    for coll in colls:
        published = [p for p in coll if p.published]
        spellings[" ".join(coll.name.split())] += len(published)
        posts.update(published)
    name = min(spellings, key=lambda n: (-spellings[n], n))
    feed = docname[: -len("index")] + "atom.xml" if fed else None
    # ABlog's order (Post.__lt__), by key: by __lt__, 0.05 s a build at 1000 posts.
    ordered = tuple(sorted(posts, key=lambda post: (post.date, post.title), reverse=True))
    names = tuple(sorted({coll.name for coll in colls}))
    return Listing(docname, folder, name, heading, ordered, feed, names)


def positions_by_tag(posts, tags_of) -> dict[str, list[int]]:
    """Each tag's posts, by position in ``posts``: related posts are counted from
    it, not by comparing every post with every other (a million pairs at 1000)."""
    by_tag: dict[str, list[int]] = {}
    for index, post in enumerate(posts):
        for tag in tags_of(post):
            by_tag.setdefault(tag, []).append(index)
    return by_tag


def most_used(listings, limit: int) -> list[Listing]:
    """The sidebar's tags: the ``limit`` most used, in name order.  Every page
    carries the sidebar, so it shows no list that grows with the blog (an old
    Blogger blog may have hundreds of labels); the Tags page has them all."""
    ranked = sorted(listings, key=lambda tag: (-len(tag.posts), tag.name.casefold(), tag.name))
    shown = {id(tag) for tag in ranked[:limit]}
    return [tag for tag in listings if id(tag) in shown]


def calendar(posts, blog_path: str) -> tuple[list[Listing], list[Month]]:
    """The year and month listings of ``posts`` (newest first)."""
    years, months = [], []
    for year, year_posts in itertools.groupby(posts, key=lambda p: p.date.year):
        year_posts = tuple(year_posts)
        years.append(
            Listing(f"{blog_path}/{year}/index", "year", str(year), "Posts of", year_posts)
        )
        for month, month_posts in itertools.groupby(year_posts, key=lambda p: p.date.month):
            docname = f"{blog_path}/{year}/{month:02d}/index"
            months.append(Month(year, month, tuple(month_posts), docname))
    return years, months


#: WordPress's feeds of a blog's posts in each of its formats besides ``/feed/``
#: (RSS 2, which ``/feed/rss2/`` names too): ``/feed/atom/``, ``/feed/rss/``,
#: ``/feed/rdf/``; each leads to the blog's Atom feed here.
WORDPRESS_FEEDS = ("atom", "rss2", "rss", "rdf")


def old_addresses(
    model: ArchiveModel,
    owned: set[str],
    logins: dict[str, set[str]] | None = None,
    redirects: dict | None = None,
) -> dict[str, tuple[str, str]]:
    """Old blogs' archive addresses, each leading to its counterpart here:
    docname of the redirect page -> (docname or file it leads to; title).

    Blogger: a label (``/search/label/<label>``), a year (``/2010/``), a month
    (``/2010/07/``, ``/2010_07_01_archive.html``); WordPress: the same year and
    month, ``/tag/<x>/``, ``/category/<x>/``, ``/author/<x>/`` (x the
    author's login, ``logins``: folded name -> the logins its posts give,
    ``wordpress_author``; and the name's folder here, which a post of no login
    may have had), each with its feed (``/tag/<x>/feed/``...) where its
    listing here has one, ``/feed/`` (and ``/feed/atom/``...:
    ``WORDPRESS_FEEDS``), ``/comments/feed/``, and each post's feed of
    comments (``/2010/07/21/x/feed/``; ``redirects``: each old address's
    page -> the post or page it leads to).  (Blogger's feed addresses are
    copies of the feed: feeds.py.)
    One that a page in ``owned`` has is left out.
    """
    found: dict[str, tuple[str, str]] = {}
    listed = {listing.docname: listing for listing in itertools.chain(*model.catalogs.values())}

    def add(docname: str, target: str, title: str) -> None:
        found.setdefault(docname, (target, title))

    for listing in model.catalogs["author"]:  # the old blog's own first
        for login in sorted(
            set().union(*((logins or {}).get(fold(s), ()) for s in listing.spellings))
        ):
            add(f"author/{login}/index", listing.docname, listing.title)

    for listing in model.catalogs["tags"]:
        for spelling in listing.spellings:
            if is_file_name(spelling):
                add(f"search/label/{spelling}", listing.docname, listing.title)
        add(f"tag/{listing.docname.split('/')[-2]}/index", listing.docname, listing.title)
    for listing in model.catalogs["category"]:
        add(f"category/{listing.docname.split('/')[-2]}/index", listing.docname, listing.title)
    for listing in model.catalogs["author"]:  # /author/<name>/, a guess when no login says
        add(f"author/{listing.docname.split('/')[-2]}/index", listing.docname, listing.title)
    for docname, (target, title) in list(found.items()):  # each one's /feed/, as WordPress's
        listing = listed.get(target)
        if docname.startswith(("tag/", "category/", "author/")) and listing and listing.feed:
            add(docname.removesuffix("index") + "feed/index", listing.feed, f"Atom feed of {title}")
    for year in model.years:
        add(f"{year.name}/index", year.docname, year.title)
    for month in model.months:
        title = f"Posts of {month.name}"
        add(f"{month.year}/{month.month:02d}/index", month.docname, title)
        add(f"{month.year}_{month.month:02d}_01_archive", month.docname, title)
    add("feed/index", model.feed_docname, "Atom feed")
    add("comments/feed/index", COMMENTS_FEED, "Comments feed")  # WordPress's
    for kind in WORDPRESS_FEEDS:  # /feed/atom/ and the others WordPress answered
        add(f"feed/{kind}/index", model.feed_docname, "Atom feed")
    for docname, (feed, item) in wordpress_comment_feeds(
        redirects or {}, model.comment_feeds
    ).items():
        add(docname, feed, f"Comments on {item.title}")
    return {docname: target for docname, target in found.items() if docname not in owned}


def archive_writes(docname: str, blog_path: str) -> bool:
    """Whether the archive may write a page of its own at ``docname``, whatever
    posts the blog holds (:meth:`ArchiveModel.generated_docnames` are those it
    writes for the posts it holds): the home page, 404, the search page and
    the index; below ``blog_path`` the list of all posts, the changes, the
    drafts, each index and each of its listings, each year and month; and any
    of their later pages (``.../page/2/``).  The importer leaves an old address
    of that shape to the site's own page: a WordPress page "Blog" at
    ``/blog/`` listed the posts, as ``/blog/`` does here."""
    first = re.sub(r"(?:^|/)page/\d+/index$", "/index", docname).lstrip("/")
    if first in ("index", "404", "search", "genindex"):
        return True
    folders = "|".join(folder for _attr, folder, *_ in CATALOGS)
    listing = rf"(?:(?:{folders})(?:/[^/]+)?/|changes/|drafts/|\d{{4}}/(?:\d{{2}}/)?)?index"
    return re.fullmatch(re.escape(blog_path) + "/" + listing, first) is not None


def is_file_name(name: str) -> bool:
    """Whether ``name`` can be a page's file name as it is (a Blogger label's
    old address): no folder in it, not hidden, printable, and short enough
    (``NAME_BYTES``)."""
    return (
        "/" not in name
        and not name.startswith(".")
        and name.isprintable()
        and len(name.encode("utf-8")) <= NAME_BYTES
    )


#: Files at the site's root besides its pages (pages.py; ``objects.inv``, Sphinx's).
SITE_FILES = ("robots.txt", "sitemap.xml", "CNAME", "objects.inv", "favicon.ico")
#: MyST's extensions for what the importers write and Markdown has no mark
#: for (attributes before a block, after a span of words; a definition
#: list): extension.py enables them beside the site's own.
IMPORTED_MARKUP = ("attrs_block", "attrs_inline", "deflist")
#: Blogger's address of the blog's feed of comments (its pages' "Post Comments
#: (Atom)"), which feeds.py writes: the newest comments on its posts; WordPress's
#: ``/comments/feed/`` leads to it.
COMMENTS_FEED = "feeds/comments/default"


def comments_feed(number: str) -> str:
    """Blogger's address of the feed of the comments on its post or page
    ``number`` (its pages' "Post Comments (Atom)")."""
    return f"feeds/{number}/comments/default"


#: Blogger's addresses of the blog's feed, which feeds.py writes: its feed of
#: summaries (first), the one its pages named, the two at the blog's root.
OLD_FEEDS = ("feeds/posts/summary", "feeds/posts/default", "atom.xml", "rss.xml")
#: The posts in each of them, newest first: Blogger's feeds gave 25 unless
#: asked for more (``?max-results=``, which a static host cannot read).
OLD_FEED_LENGTH = 25


def counted(number: int, what: str) -> str:
    """``number`` ``what``, plural but for one: "1 footnote", "3 comments"."""
    return f"{number} {what}{'s' if number != 1 else ''}"


def redirect_docname(old_path: str) -> str:
    """The page an old address is served from: ``/2010/07/x.html`` -> ``2010/07/x``;
    WordPress's ``/2010/07/21/x/`` -> ``2010/07/21/x/index``."""
    docname = old_path.strip("/").removesuffix(".html")
    return docname + "/index" if old_path.endswith("/") else docname


def word_count(post) -> int:
    """The words of a post's text (counted when it was read)."""
    return post.options["words"]
