"""The archive as the templates and feeds see it: the model (model.py), the
history (history.py), and the rendering of what many pages share.

ABlog's registry is read once per build (through ablog_compat.py) into the
pure :class:`~blogarchive.model.ArchiveModel`, whose names this object also
answers (``archive.posts``, ``archive.catalogs``, ``archive.related(post)``...);
here are only what needs Sphinx: addresses, dates in the blog's timezone,
excerpts and post bodies rendered once, the sidebar rendered once per folder.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import posixpath
import re
from html import escape
from urllib.parse import quote, urljoin
from zoneinfo import ZoneInfo

from docutils import nodes
from docutils.utils import new_document
from sphinx.util.osutil import relative_uri

from .ablog_compat import Post, place_collection, registry, render
from .frontmatter import blogger_id, page_name_problem
from .links import rebase_links
from .model import (
    CATALOGS,
    ArchiveModel,
    OldIds,
    Settings,
    SitePage,
    feed_catalogs,
    fold,
    old_addresses,
    redirect_docname,
    slug,
)
from .state import build_state

__all__ = ["CATALOGS", "BlogArchive", "blog_archive", "redirect_docname", "slug"]


_ROOT_MARK = "\x1f"  # around an address from the site's root, in the shared sidebar
_MARKED = re.compile(f"{_ROOT_MARK}([^{_ROOT_MARK}]*){_ROOT_MARK}")


def sticky_posts(env) -> set[str]:
    """The docnames of posts whose front matter says ``sticky: true`` (the
    environment keeps front matter as text)."""
    return {
        docname
        for docname, values in env.metadata.items()
        if str(values.get("sticky", "")).strip().lower() == "true"
    }


def old_ids(env) -> OldIds:
    """What the old blogs knew each post and page by: Blogger's id of it
    (``blogger_id``, where it is an id of Blogger's); whether it was
    WordPress's (``wordpress_url``)."""
    found = ((d, blogger_id(values.get("blogger_id"))) for d, values in env.metadata.items())
    return OldIds(
        {docname: entry_id for docname, entry_id in found if entry_id},
        frozenset(d for d, values in env.metadata.items() if values.get("wordpress_url")),
    )


def author_logins(env, posts) -> dict[str, set[str]]:
    """Each author's WordPress logins, by folded name, as the published
    ``posts`` give them (``wordpress_author``, in the order of ``author``;
    checked by frontmatter.py).  The environment keeps a list as MyST wrote
    it, JSON."""
    found: dict[str, set[str]] = {}
    for post in posts:
        value = env.metadata.get(post.docname, {}).get("wordpress_author")
        if not value:
            continue
        try:
            logins = json.loads(value) if value.startswith("[") else [value]
        except ValueError:
            continue
        if len(logins) == len(post.author):
            for author, login in zip(post.author, logins, strict=True):
                found.setdefault(fold(author.name), set()).add(str(login))
    return found


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
        settings = Settings(
            config.blog_path,
            config.root_doc,
            config.blog_posts_per_page,
            config.blog_related_posts,
            config.blog_recent_posts,
            config.blog_sidebar_tags,
            feed_catalogs(lambda name: getattr(config, name)),
        )
        catalogs = {attr: blog.catalogs[attr] for attr, *_ in CATALOGS}
        self.model = ArchiveModel(
            blog.posts,
            blog.drafts,
            catalogs,
            blog.archive,
            settings,
            _site_pages(app.env),
            sticky_posts(app.env),
            old_ids(app.env),
        )
        for collection, docname in self.model.placements:
            place_collection(blog, collection, docname)
        self._bodies = Bodies(app, self.model.all_posts_docname)
        self._sidebar = Sidebar(app.builder)

    def __getattr__(self, name: str):
        """The model's answers: ``posts``, ``catalogs``, ``months``, ``related``..."""
        if name == "model":
            raise AttributeError(name)
        return getattr(self.model, name)

    @functools.cached_property
    def redirects(self) -> dict:
        """docname of each old address's redirect page -> the post or page it leads to."""
        from .checks import claim_redirects

        return claim_redirects(self.app, self)[0]

    def old_addresses(self) -> dict[str, tuple[str, str]]:
        """The old blogs' archive addresses: redirect docname -> (address here from
        the site's root, quoted as Sphinx quotes a page's: a feed's too; title)."""
        owned = {*self.app.env.found_docs, *self.generated_docnames(), *self.redirects, "search"}
        logins = author_logins(self.app.env, self.posts)
        found = old_addresses(self.model, owned, logins, self.redirects)
        feeds = self.feed_files()  # (the files it leads to: all feeds)
        return {d: (quote(t) if t in feeds else self._uri(t), n) for d, (t, n) in found.items()}

    def comment_count(self, post: Post) -> int:
        """How many comments from the old blog the post keeps (its ``comments:`` key)."""
        try:
            return int(self.app.env.metadata.get(post.docname, {}).get("comments", 0))
        except (TypeError, ValueError):
            return 0

    # -- history (git): history.py ------------------------------------------
    @functools.cached_property
    def history(self):
        from .history import post_history

        return post_history(self.app, self.tz)

    # -- presenting ----------------------------------------------------------
    def sidebar(self, pagename: str, context: dict) -> str:
        """The sidebar's blog sections for ``pagename`` (see :class:`Sidebar`)."""
        return self._sidebar.html(self._uri(pagename), context)

    def post_head(self, post: Post) -> str:
        from .meta import post_head

        return post_head(self, post)

    def excerpt_html(self, post: Post, pagename: str) -> str:
        """A post's excerpt for a page listing it (see :class:`Bodies`)."""
        return self._bodies.excerpt(post, self._uri(pagename))

    def full_html(self, post: Post) -> str:
        """A post's whole text as HTML, its title left out (feeds)."""
        return self._bodies.full(post)

    def _uri(self, docname: str) -> str:
        return self.app.builder.get_target_uri(docname)

    def format_date(self, when: dt.datetime) -> str:
        return when.strftime(self.date_format)

    def aware(self, when: dt.datetime) -> dt.datetime:
        """A post's naive date as the blog's local time, whatever the machine's TZ."""
        return when.replace(tzinfo=self.tz)

    def file_url(self, rel: str) -> str:
        """Absolute address of a file the archive writes (a feed; ``rel`` as on disk),
        quoted as Sphinx quotes a page's (a post's file name may hold a space)."""
        return self.baseurl + quote(rel)

    def url(self, docname: str) -> str:
        """Absolute address of a page, ``index.html`` trimmed."""
        target = self.app.builder.get_target_uri(docname).removesuffix("index.html")
        return urljoin(self.baseurl, target)

    def revisions(self, post: Post) -> list:
        """A published post's revisions, oldest first (revisions.py)."""
        from .revisions import revisions_of

        return revisions_of(self.app.env, post.docname) if post.published else []

    @staticmethod
    def html_title(text: str) -> str:
        """A title as Sphinx hands it to templates: HTML, so escaped."""
        return escape(text, quote=False)


class Bodies:
    """Posts' excerpts and whole texts as HTML, each rendered once per build,
    as on the All-posts page (``page``), links re-based for where they show.

    ABlog re-renders every excerpt on every page that lists it (and warns again
    each time about anything in it), and nests an excerpt's paragraphs in a <p>.
    """

    def __init__(self, app, page: str):
        self.app, self.page = app, page
        self._excerpts: dict[str, str] = {}

    def excerpt(self, post: Post, page_uri: str) -> str:
        html = self._excerpts.get(post.docname)
        if html is None:
            html = self._excerpts[post.docname] = self._render(without_note_marks(post.excerpt))
        here = self.app.builder.get_target_uri(self.page)
        return rebase_links(html, here, page_uri)

    def full(self, post: Post) -> str:
        """ABlog's to_html, without rebuilding docutils' settings."""
        tree = post.doctree  # a section, for a file of several posts
        if tree is None:  # one post in the file: its doctree is not kept twice
            tree = self.app.env.get_doctree(post.docname)[0]
        html = self._render(tree.children if isinstance(tree, nodes.document) else [tree])
        return re.sub("<h1>(.*?)</h1>", "", html, count=1)

    def _render(self, content) -> str:
        builder = self.app.builder
        # The builder's docutils settings: new_document("") would rebuild the
        # defaults (an OptionParser of ~100 options) for every excerpt.
        doctree = new_document("", builder.docsettings)
        for node in content:
            doctree.append(node.deepcopy())
        add_permalinks, builder.add_permalinks = builder.add_permalinks, False
        try:
            return render(builder, self.page, doctree)
        finally:
            builder.add_permalinks = add_permalinks


def without_note_marks(content) -> list:
    """Copies of ``content`` without its footnotes' and citations' marks: where
    a post's first paragraphs show apart from it (a page listing it, its
    description), the notes they lead to are not (and on a page listing two,
    each mark's id was the other's)."""
    marks = (nodes.footnote_reference, nodes.citation_reference)
    copies = [node.deepcopy() for node in content if not isinstance(node, marks)]
    for copy in copies:
        for mark in list(copy.findall(lambda node: isinstance(node, marks))):
            mark.parent.remove(mark)
    return copies


class Sidebar:
    """The sidebar's blog sections: rendered once per build, its links then
    made relative to each folder of the site (every page shows the same lists)."""

    def __init__(self, builder):
        self.builder = builder
        self._rendered: str | None = None
        self._by_folder: dict[str, str] = {}

    def html(self, page_uri: str, context: dict) -> str:
        if self._rendered is None:
            # Every link is rendered as a marked address from the site's root...
            def pathto(target: str, resource: bool = False) -> str:
                if resource and "://" in target:
                    return target
                uri = target if resource else self.builder.get_target_uri(target)
                return f"{_ROOT_MARK}{uri}{_ROOT_MARK}"

            shared = {**context, "pathto": pathto}
            self._rendered = self.builder.templates.render("blog/sidebar.html", shared)
        folder = posixpath.dirname(page_uri)
        html = self._by_folder.get(folder)
        if html is None:
            # ...and here made relative, as from a page of this folder that is none
            # of its pages (Sphinx's own pathto says "#" for the current page).
            base = posixpath.join(folder, "_")
            html = self._by_folder[folder] = _MARKED.sub(
                lambda m: relative_uri(base, m.group(1)), self._rendered
            )
        return html


def _site_pages(env) -> tuple[SitePage, ...]:
    """The site's static pages (pages/), by title: linked from the sidebar
    (:func:`model.page_tree`), each with its parent page and its place among
    its parent's (``parent:``, ``order:``; the environment keeps front matter
    as text, checked by frontmatter.py)."""
    return tuple(
        sorted(
            (
                SitePage(
                    d,
                    env.titles[d].astext() if d in env.titles else d,
                    **page_place(env.metadata.get(d, {})),
                )
                for d in env.found_docs
                if d.startswith("pages/")
            ),
            key=lambda page: (page.title.casefold(), page.docname),
        )
    )


def page_place(front: dict) -> dict:
    """A page's ``parent`` (its docname) and ``order``, from its front matter;
    none where they are no page's name or number (checks.py names them: a
    page's front matter is not read as a post's, frontmatter.py)."""
    parent = front.get("parent")
    order = str(front.get("order") or 0)
    return {
        "parent": None if page_name_problem(parent) else f"pages/{parent}",
        "order": int(order) if re.fullmatch(r"-?\d{1,9}", order) else 0,
    }


def blog_archive(app) -> BlogArchive:
    """The archive of the current build, made on first use after reading."""
    build = build_state(app.config)
    if build.archive is None:
        build.archive = BlogArchive(app)
    return build.archive
