"""The one seam to ABlog (issue 14): no other module imports or touches it.

ABlog reads the posts (its ``post`` directive, front-matter transform and
registry ``Blog``); this extension replaces its pages and feeds and reaches
into its registry to fold tags and name archive pages.  Every name used from
ABlog is here, checked when this module loads — an ABlog that no longer has
one fails at once with the name, never silently — and each workaround names
the upstream issue or pull request it stands in for.

- ABlog's own archive pages and feeds are disconnected (``app.disconnect``):
  they publish drafts, print names unescaped and stamp feeds with the build
  clock; archive.py, pages.py and feeds.py replace them.
- ABlog says it is unsafe for parallel reading only because the posts it reads
  stay in ``env.ablog_posts`` in the worker; :func:`merge_posts` hands them
  back (ablog PR #330), so it is declared safe.
- ABlog's templates replace Furo's ``layout.html`` unless injected after the
  theme's (ablog#108): our child theme sets ``ablog_inject_templates_after_theme``.
- ``Blog`` keeps its posts in class-level state: :func:`reset` clears it for
  each build (as ABlog's own tests do).
- The e-book (epub.py) is Sphinx's epub theme as it is: ABlog's templates
  (previous and next post, with HTML entities that are not XML) are injected
  only for the site's pages (:func:`inject_templates`).
"""

from __future__ import annotations

import datetime as dt
import string

import ablog
import ablog.blog
import ablog.post

#: What is used from ABlog: (module, name).  Checked below, at import.
USED = (
    (ablog.blog, "Blog"),
    (ablog.blog, "Post"),
    (ablog.blog, "html_builder_write_doc"),
    (ablog.blog, "revise_pending_xrefs"),
    (ablog.post, "register_posts"),
    (ablog.post, "generate_archive_pages"),
    (ablog.post, "generate_atom_feeds"),
    (ablog.post, "PostNode"),
    (ablog.post, "UpdateNode"),
    (ablog.post, "PostList"),
    (ablog.post, "date_parser"),
    (ablog.post, "CheckFrontMatter"),
    (ablog, "builder_inited"),
)
_missing = [f"{module.__name__}.{name}" for module, name in USED if not hasattr(module, name)]
if _missing or not hasattr(ablog.blog.Blog, "_dict"):
    raise ImportError(
        "blogarchive.ablog_compat: this ABlog lacks "
        + ", ".join(_missing or ["ablog.blog.Blog._dict"])
        + f" (ABlog {getattr(ablog, '__version__', '?')}); pyproject.toml pins the version "
        "the extension was written against"
    )

Blog = ablog.blog.Blog
Post = ablog.blog.Post
PostNode = ablog.post.PostNode
UpdateNode = ablog.post.UpdateNode
PostList = ablog.post.PostList
#: What a ``{postlist}``'s ``:format:`` may name (ABlog's process_postlist).
POSTLIST_FIELDS = frozenset({"date", "title", "author", "location", "language", "category", "tags"})
#: ABlog's front-matter transform; ours run just before and just after it.
FRONT_MATTER_PRIORITY = ablog.post.CheckFrontMatter.default_priority
#: ABlog's html-collect-pages handlers, replaced by ours.
REPLACED = (ablog.post.generate_archive_pages, ablog.post.generate_atom_feeds)


def reads_as_date(text: str, date_format: str) -> bool:
    """Whether ABlog reads ``text`` as a date, as it reads an ``{update}``'s
    or a ``{post}`` directive's (its format, then dateutil): one it cannot
    stops it with ValueError, or dateutil's OverflowError, a traceback."""
    try:
        dt.datetime.strptime(text, date_format)
    except ValueError:
        try:
            ablog.post.date_parser(text)
        except (ValueError, OverflowError):
            return False
    return True


def postlist_format_problem(text: str) -> str | None:
    """Why ABlog cannot show a ``{postlist}`` in ``text``'s format, or None:
    it raised KeyError on a field it does not know (``{nope}``), ValueError
    on a brace not closed, when the page was written: a traceback."""
    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]
    except ValueError as exc:
        return str(exc)
    unknown = [field for field in fields if field not in POSTLIST_FIELDS]
    if unknown:
        return f"{{{unknown[0]}}} is none of {', '.join(sorted(POSTLIST_FIELDS))}"
    return None


def inject_templates(app) -> None:
    """``builder-inited``, in place of ABlog's: its templates, for the site only."""
    from .epub import is_epub

    if not is_epub(app.builder):
        ablog.builder_inited(app)


def setup(app) -> None:
    """Load ABlog, then declare what changes: parallel reading, its pages and feeds."""
    app.setup_extension("ablog")
    app.extensions["ablog"].parallel_read_safe = True  # with merge_posts (ablog PR #330)
    for listener in list(app.events.listeners.get("html-collect-pages", [])):
        if listener.handler in REPLACED:
            app.disconnect(listener.id)
    for listener in list(app.events.listeners.get("builder-inited", [])):
        if listener.handler is ablog.builder_inited:
            app.disconnect(listener.id)
            app.connect("builder-inited", inject_templates, priority=listener.priority)
    app.connect("env-merge-info", merge_posts)


def reset(app=None) -> None:
    """A fresh registry for a build: ``Blog`` keeps posts in class-level state."""
    Blog._dict.clear()


def registry(app) -> Blog:
    """ABlog's registry of the posts read, filled once per build."""
    blog = Blog(app)
    if not getattr(blog, "_blogarchive_registered", False):
        ablog.post.register_posts(app)
        blog._blogarchive_registered = True
    return blog


def matched_posts(config) -> list[str]:
    """The docnames ABlog takes for posts (``blog_post_pattern``), found at config-inited."""
    return config.matched_blog_posts


def posts_read(env) -> dict[str, list[dict]]:
    """docname -> the post records ABlog made while reading it."""
    return getattr(env, "ablog_posts", {})


def merge_posts(app, env, docnames, other) -> None:
    """``env-merge-info``: the posts ABlog found in a parallel reader process."""
    posts = posts_read(other)
    if not hasattr(env, "ablog_posts"):
        env.ablog_posts = {}
    env.ablog_posts.update({d: posts[d] for d in docnames if d in posts})


def place_collection(blog: Blog, collection, docname: str, name: str | None = None) -> None:
    """Put an ABlog collection (a tag, a year...) at ``docname``: its links and
    references follow (ABlog derives both from a private ``_path``)."""
    collection._path = docname
    blog.references[collection.xref] = (docname, str(name or collection.name))


def render(builder, pagename: str, doctree) -> str:
    """A doctree's body as HTML for ``pagename``, cross-references resolved."""
    ablog.blog.revise_pending_xrefs(doctree, pagename)
    builder.env.resolve_references(doctree, pagename, builder)
    return ablog.blog.html_builder_write_doc(builder, pagename, doctree)
