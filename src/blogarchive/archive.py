"""The archive: every index a reader browses, built once per build from ABlog's registry.

ABlog knows posts, tags, categories, authors and years.  This adds months, an
"All posts" page grouped by year and month, directory-style addresses
(``blog/2010/07/``), and keeps drafts out of every list.  Its pages are
rendered by the templates in ``_templates/blog/``.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import posixpath
import re
from collections import Counter
from dataclasses import dataclass
from html import escape
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from docutils import nodes
from docutils.utils import new_document
from slugify import slugify
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from .ablog_compat import Post, place_collection, registry, render
from .frontmatter import redirect_problem
from .links import rebase_links
from .state import build_state

logger = logging.getLogger(__name__)

_ROOT_MARK = "\x1f"  # around an address from the site's root, in the shared sidebar
_MARKED = re.compile(f"{_ROOT_MARK}([^{_ROOT_MARK}]*){_ROOT_MARK}")

#: Where the indexes live, below ``blog_path``.
CATALOGS = (
    # (ABlog catalog attribute, folder, page title, heading before a name)
    ("tags", "tag", "Tags", "Posts tagged"),
    ("category", "category", "Categories", "Posts in"),
    ("author", "author", "Authors", "Posts by"),
)


def fold(name: str) -> str:
    """What makes two spellings one tag: case and runs of spaces do not count."""
    return " ".join(name.split()).casefold()


def _digest(text: str, length: int) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def slug(name: str) -> str:
    """A name as an ASCII folder: any script transliterated (python-slugify:
    ``עברית`` -> ``bryt``, ``Русский`` -> ``russkii``), apostrophes dropped; a
    stable hash when nothing is left (an emoji).  Folder and links then agree
    on every server, with no percent-encoding between them."""
    return slugify(name, replacements=[["'", ""], ["\u2019", ""]]) or "x" + _digest(name, 8)


def _group_by_slug(catalog) -> list[tuple[str, list]]:
    """(folder, ABlog collections) for each tag: spellings that fold together
    share a folder; different names never do (``C#``, ``C++`` and ``C`` all slug
    to ``c``): the one whose slug is its own name keeps it, the others get a
    suffix from their name, stable whatever other tags exist."""
    names: dict[str, list] = {}
    for coll in catalog:
        names.setdefault(fold(coll.name), []).append(coll)
    by_slug: dict[str, list[str]] = {}
    for name in sorted(names):
        by_slug.setdefault(slug(name), []).append(name)
    groups = []
    for folder, folded in by_slug.items():
        folded.sort(key=lambda n: (n.replace(" ", "-") != folder, n))
        for i, name in enumerate(folded):
            groups.append((folder if i == 0 else f"{folder}-{_digest(name, 6)}", names[name]))
    return sorted(groups, key=lambda group: group[0])


@dataclass(frozen=True)
class Listing:
    """One page listing posts: a tag, a category, an author, a year or a month."""

    docname: str
    kind: str  # tag, category, author, year, month
    name: str  # plain text: "Ofsted", "July 2010"
    heading: str  # plain text: "Posts tagged"
    posts: tuple[Post, ...]  # newest first
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
    posts: tuple[Post, ...]
    newer: str | None  # docname of the page before (newer posts)
    older: str | None  # docname of the page after (older posts)


def paginate(first: str, posts: tuple[Post, ...], per_page: int) -> tuple[Page, ...]:
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


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    posts: tuple[Post, ...]
    docname: str

    @property
    def name(self) -> str:
        return dt.date(self.year, self.month, 1).strftime("%B %Y")


class BlogArchive:
    """What the templates and the feed writer read: posts, indexes, addresses."""

    def __init__(self, app):
        self.app = app
        config = app.config
        self.tz = ZoneInfo(config.blog_timezone)
        self.date_format = config.post_date_format
        self.baseurl = config.blog_baseurl.rstrip("/") + "/"
        self.blog_path = config.blog_path
        self.blog = blog = registry(app)
        #: Published posts, newest first; drafts are never listed.
        self.posts: tuple[Post, ...] = tuple(p for p in blog.posts if p.published)
        self._by_docname = {p.docname: p for p in itertools.chain(blog.posts, blog.drafts)}

        self.all_posts_docname = f"{self.blog_path}/index"
        self.changes_docname = f"{self.blog_path}/changes/index"
        self.feed_docname = f"{self.blog_path}/atom.xml"
        self.catalogs: dict[str, tuple[Listing, ...]] = {}
        self.catalog_docnames: dict[str, str] = {}
        #: ABlog collection -> the name shown for it (spellings of one tag folded).
        self._names: dict[int, str] = {}
        for attr, folder, _title, heading in CATALOGS:
            self.catalog_docnames[attr] = f"{self.blog_path}/{folder}/index"
            listings = [
                self._fold(blog, attr, f"{folder}/{name}", heading, colls)
                for name, colls in _group_by_slug(blog.catalogs[attr])
            ]
            listings = [listing for listing in listings if listing.posts]
            listings.sort(key=lambda listing: (listing.name.casefold(), listing.name))
            self.catalogs[attr] = tuple(listings)

        self.years: list[Listing] = []
        self.months: list[Month] = []
        by_year = itertools.groupby(self.posts, key=lambda p: p.date.year)
        for year, year_posts in by_year:
            year_posts = tuple(year_posts)
            self.years.append(
                Listing(f"{self.blog_path}/{year}/index", "year", str(year), "Posts of", year_posts)
            )
            for month, month_posts in itertools.groupby(year_posts, key=lambda p: p.date.month):
                docname = f"{self.blog_path}/{year}/{month:02d}/index"
                self.months.append(Month(year, month, tuple(month_posts), docname))
        drafts = tuple(p for p in blog.drafts if p.docname in self._by_docname)
        #: Only ever read in a preview build (see posts.exclude_drafts).
        self.drafts = Listing(
            f"{self.blog_path}/drafts/index", "drafts", "drafts", "Preview of", drafts
        )
        self._excerpts: dict[str, str] = {}
        self._sidebars: dict[str, str] = {}
        self._sidebar: str | None = None
        self._tag_slugs: dict[str, frozenset[str]] = {}
        for coll in blog.archive:
            place_collection(blog, coll, f"{self.blog_path}/{coll.name}/index")
        #: The site's static pages (pages/), by title: linked from the sidebar.
        env = app.env
        self.site_pages = tuple(
            sorted(
                (
                    SitePage(d, env.titles[d].astext() if d in env.titles else d)
                    for d in env.found_docs
                    if d.startswith("pages/")
                ),
                key=lambda page: (page.title.casefold(), page.docname),
            )
        )
        self._check_unique_slugs()
        #: docname of each old address's redirect page -> the post it leads to
        self.redirects: dict[str, Post] = self._claim_redirects()

    def _problem(self, post: Post, field: str, message: str, *args) -> None:
        from .posts import front_matter_line

        logger.error(
            f"%s: {message}",
            field,
            *args,
            location=(post.docname, front_matter_line(self.app, post.docname, field)),
            type="blogarchive",
            subtype="unique",
        )

    def _check_unique_slugs(self) -> None:
        """Two posts may not share a slug (ABlog's labels)."""
        seen: dict[str, str] = {}
        for post in sorted(self._by_docname.values(), key=lambda p: p.docname):
            other = seen.setdefault(post.docname.rsplit("/", 1)[-1], post.docname)
            if other != post.docname:
                path = self.app.env.doc2path(other, False)
                self._problem(post, "slug", "%r is also used by %s", other.rsplit("/")[-1], path)

    def _claim_redirects(self) -> dict[str, Post]:
        """Old addresses that may have a redirect page: each must name a page that
        no source file, archive page or other old address owns (one front-matter
        line could otherwise replace the home page or another post)."""
        owned = {*self.app.env.found_docs, *self.generated_docnames(), "search", "genindex"}
        claimed: dict[str, Post] = {}
        for page in self.site_pages:  # imported static pages: one old address each
            old_path = self.app.env.metadata.get(page.docname, {}).get("redirect")
            problem = redirect_problem(old_path) if old_path else None
            if problem:
                self._problem(page, "redirect", "%s", problem)
            elif old_path and redirect_docname(old_path) in owned | set(claimed):
                self._problem(page, "redirect", "%r is a page of the site already", old_path)
            elif old_path:
                claimed[redirect_docname(old_path)] = page
        for post in sorted(self._by_docname.values(), key=lambda p: p.docname):
            for old_path in post.redirect:
                docname = redirect_docname(old_path)
                if docname in owned:
                    self._problem(post, "redirect", "%r is a page of the site already", old_path)
                elif docname in claimed:
                    other = self.app.env.doc2path(claimed[docname].docname, False)
                    self._problem(post, "redirect", "%r is also claimed by %s", old_path, other)
                elif post.published:
                    claimed[docname] = post
        return claimed

    def old_addresses(self) -> dict[str, tuple[str, str]]:
        """Old blogs' archive addresses, each leading to its counterpart here:
        docname of the redirect page -> (address here, from the root; title).

        Blogger: a label (``/search/label/<label>``), a month (``/2010/07/``,
        ``/2010_07_01_archive.html``); WordPress: ``/tag/<x>/``, ``/category/<x>/``,
        ``/feed/``.  (Blogger's feed address is a copy of the feed: feeds.py.)
        One that a page, an archive page or a post's old address owns is left out.
        """
        found: dict[str, tuple[str, str]] = {}

        def add(docname: str, target: str, title: str) -> None:
            found.setdefault(docname, (self._uri(target) if "." not in target else target, title))

        for listing in self.catalogs["tags"]:
            for spelling in listing.spellings:
                if "/" not in spelling and not spelling.startswith(".") and spelling.isprintable():
                    add(f"search/label/{spelling}", listing.docname, listing.title)
            add(f"tag/{listing.docname.split('/')[-2]}/index", listing.docname, listing.title)
        for listing in self.catalogs["category"]:
            add(f"category/{listing.docname.split('/')[-2]}/index", listing.docname, listing.title)
        for month in self.months:
            title = f"Posts of {month.name}"
            add(f"{month.year}/{month.month:02d}/index", month.docname, title)
            add(f"{month.year}_{month.month:02d}_01_archive", month.docname, title)
        add("feed/index", self.feed_docname, "Atom feed")
        owned = {*self.app.env.found_docs, *self.generated_docnames(), *self.redirects, "search"}
        return {docname: target for docname, target in found.items() if docname not in owned}

    def generated_docnames(self) -> set[str]:
        """Every page the archive itself writes (pages.py), old addresses aside."""
        names = {self.all_posts_docname, self.changes_docname, "404"}
        names.update(self.catalog_docnames.values())
        for listing in [*self.listings(), self.drafts]:
            names.update(page.docname for page in self.pages(listing.docname, listing.posts))
        names.update(page.docname for page in self.home_pages)
        return names

    def _fold(self, blog, attr, path, heading, colls) -> Listing:
        """One listing (at ``path``: ``tag/ofsted``) for ABlog collections whose
        names differ only by case or spaces.

        The name shown is the spelling most posts use (ties: the first in sort order),
        so it does not depend on which post was read first.
        """
        folder = path.split("/", 1)[0]
        docname = f"{self.blog_path}/{path}/index"
        spellings = Counter()
        posts = set()
        for coll in colls:
            place_collection(blog, coll, docname)
            published = [p for p in coll if p.published]
            spellings[" ".join(coll.name.split())] += len(published)
            posts.update(published)
        name = min(spellings, key=lambda n: (-spellings[n], n))
        for coll in colls:
            self._names[id(coll)] = name
        feed = docname[: -len("index")] + "atom.xml" if attr == "tags" else None
        ordered = tuple(sorted(posts, reverse=True))
        names = tuple(sorted({coll.name for coll in colls}))
        return Listing(docname, folder, name, heading, ordered, feed, names)

    def label(self, coll) -> str:
        """The name to show for a tag, category or author."""
        return self._names.get(id(coll), coll.name)

    # -- looking things up -------------------------------------------------
    def post(self, docname: str) -> Post | None:
        return self._by_docname.get(docname)

    def pages(self, first: str, posts: tuple[Post, ...]) -> tuple[Page, ...]:
        return paginate(first, posts, self.app.config.blog_posts_per_page)

    @property
    def home_pages(self) -> tuple[Page, ...]:
        return self.pages(self.app.config.root_doc, self.posts)

    def reading_minutes(self, post: Post) -> int:
        """Minutes to read the post at 200 words a minute, at least one."""
        return max(1, round(word_count(post) / 200))

    def comment_count(self, post: Post) -> int:
        """How many comments from the old blog the post keeps (its ``comments:`` key)."""
        try:
            return int(self.app.env.metadata.get(post.docname, {}).get("comments", 0))
        except (TypeError, ValueError):
            return 0

    def _tags_of(self, post: Post) -> frozenset[str]:
        tags = self._tag_slugs.get(post.docname)
        if tags is None:
            tags = self._tag_slugs[post.docname] = frozenset(fold(t.name) for t in post.tags)
        return tags

    def related(self, post: Post) -> list[Post]:
        """Other posts sharing the most tags with ``post`` (then the newest)."""
        mine = self._tags_of(post)
        scored = []
        for other in self.posts:
            shared = mine & self._tags_of(other)
            if other is not post and shared:
                scored.append((len(shared), other))
        scored.sort(key=lambda pair: -pair[0])  # stable: newest first among equals
        return [other for _, other in scored[: self.app.config.blog_related_posts]]

    def recent(self, count: int | None = None) -> tuple[Post, ...]:
        return self.posts[: count or self.app.config.blog_recent_posts]

    def listings(self) -> list[Listing]:
        """Every page that lists posts, months included."""
        months = [Listing(m.docname, "month", m.name, "Posts of", m.posts) for m in self.months]
        return [*itertools.chain.from_iterable(self.catalogs.values()), *self.years, *months]

    # -- history (git): history.py ------------------------------------------
    @functools.cached_property
    def history(self):
        from .history import post_history

        return post_history(self.app, self.tz)

    # -- presenting ----------------------------------------------------------
    def sidebar(self, pagename: str, context: dict) -> str:
        """The sidebar's blog sections: rendered once per build, its links then
        made relative to each folder of the site."""
        if self._sidebar is None:
            # Every link is rendered as a marked address from the site's root...
            def pathto(target: str, resource: bool = False) -> str:
                if resource and "://" in target:
                    return target
                uri = target if resource else self.app.builder.get_target_uri(target)
                return f"{_ROOT_MARK}{uri}{_ROOT_MARK}"

            shared = {**context, "pathto": pathto}
            self._sidebar = self.app.builder.templates.render("blog/sidebar.html", shared)
        folder = posixpath.dirname(self._uri(pagename))
        html = self._sidebars.get(folder)
        if html is None:
            # ...and here made relative, as from a page of this folder that is none
            # of its pages (Sphinx's own pathto says "#" for the current page).
            base = posixpath.join(folder, "_")
            html = self._sidebars[folder] = _MARKED.sub(
                lambda m: relative_uri(base, m.group(1)), self._sidebar
            )
        return html

    def post_head(self, post: Post) -> str:
        from .meta import post_head

        return post_head(self, post)

    def excerpt_html(self, post: Post, pagename: str) -> str:
        """A post's excerpt for a page listing it, rendered once per build.

        ABlog re-renders every excerpt on every page that lists it (and warns
        again each time about anything in it); here it is rendered once, relative
        to the All-posts page, and its links are re-based for each page.
        """
        html = self._excerpts.get(post.docname)
        if html is None:
            html = self._excerpts[post.docname] = self._render(post.excerpt)
        return rebase_links(html, self._uri(self.all_posts_docname), self._uri(pagename))

    def full_html(self, post: Post) -> str:
        """A post's whole text as HTML, its title left out, links relative to the
        All-posts page (ABlog's to_html, without rebuilding docutils' settings)."""
        tree = post.doctree  # a section, for a file of several posts
        if tree is None:  # one post in the file: its doctree is not kept twice
            tree = self.app.env.get_doctree(post.docname)[0]
        html = self._render(tree.children if isinstance(tree, nodes.document) else [tree])
        return re.sub("<h1>(.*?)</h1>", "", html, count=1)

    def _render(self, content) -> str:
        """Doctree nodes as HTML, as on the All-posts page (ABlog's to_html nests an
        excerpt's paragraphs in a <p>)."""
        page, builder = self.all_posts_docname, self.app.builder
        # The builder's docutils settings: new_document("") would rebuild the
        # defaults (an OptionParser of ~100 options) for every excerpt.
        doctree = new_document("", builder.docsettings)
        for node in content:
            doctree.append(node.deepcopy())
        add_permalinks, builder.add_permalinks = builder.add_permalinks, False
        try:
            return render(builder, page, doctree)
        finally:
            builder.add_permalinks = add_permalinks

    def _uri(self, docname: str) -> str:
        return self.app.builder.get_target_uri(docname)

    def format_date(self, when: dt.datetime) -> str:
        return when.strftime(self.date_format)

    def aware(self, when: dt.datetime) -> dt.datetime:
        """A post's naive date as the blog's local time, whatever the machine's TZ."""
        return when.replace(tzinfo=self.tz)

    def url(self, docname: str) -> str:
        """Absolute address of a page, ``index.html`` trimmed."""
        target = self.app.builder.get_target_uri(docname)
        if target.endswith("index.html"):
            target = target[: -len("index.html")]
        return urljoin(self.baseurl, target)

    @staticmethod
    def html_title(text: str) -> str:
        """A title as Sphinx hands it to templates: HTML, so escaped."""
        return escape(text, quote=False)


def redirect_docname(old_path: str) -> str:
    """The page an old address is served from: ``/2010/07/x.html`` -> ``2010/07/x``;
    WordPress's ``/2010/07/21/x/`` -> ``2010/07/21/x/index``."""
    docname = old_path.strip("/").removesuffix(".html")
    return docname + "/index" if old_path.endswith("/") else docname


def word_count(post: Post) -> int:
    """The words of a post's text (counted when it was read)."""
    return post.options["words"]


def blog_archive(app) -> BlogArchive:
    """The archive of the current build, made on first use in the writing phase."""
    build = build_state(app.config)
    if build.archive is None:
        build.archive = BlogArchive(app)
    return build.archive
