"""The Sphinx extension that makes ABlog and Furo into this blog's archive
(``blogarchive.setup`` calls :func:`setup`).

ABlog reads the posts; this extension checks their front matter first, adds a
header under each post's title, builds every archive page (months included)
and the Atom feeds, and gives the templates in ``_templates/`` what they need.
"""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import urlsplit

from docutils import nodes
from docutils.utils import get_source_line
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import (
    __version__,
    ablog_compat,
    archived,
    checks,
    comments,
    confine,
    csp,
    epub,
    incremental,
    mathml,
    patches,
    privacy,
    reported,
    revisions,
    search,
    sitelinks,
    state,
    stylesheet,
    templates,
)
from .archive import blog_archive
from .feeds import write_feeds
from .history import load_history
from .model import FEED_SETTINGS, IMPORTED_MARKUP
from .pages import (
    archive_pages,
    await_archive_pages,
    root_icon,
    start_archive_pages,
    stop_archive_pages,
)
from .posts import (
    ApplyPostFrontMatter,
    CheckPostFrontMatter,
    add_post_header,
    check_blog_directives,
    screen_posts,
)
from .privacy import first_line

THEME_DIR = Path(__file__).parent / "theme"


def _start_build(app) -> None:
    """A fresh ABlog registry for each build, even in one process."""
    ablog_compat.reset(app)


#: Docutils' HTML writer's viewport tag, which Sphinx passes on in ``metatags``:
#: Furo's page has its own, so every page said it twice.
DOCUTILS_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'


def _page_context(app, pagename, templatename, context, doctree) -> None:
    if not epub.for_site(app.builder):
        return
    context["metatags"] = context.get("metatags", "").replace(DOCUTILS_VIEWPORT, "")
    context["script_files"] = [
        js
        for js in context.get("script_files", ())
        if getattr(js, "filename", js) not in stylesheet.SPHINX_SEARCH_SCRIPTS
    ]
    archive = blog_archive(app)
    context["archive"] = archive
    context["content_security_policy"] = csp.page_policy(app, pagename)
    context["post"] = post = archive.post(pagename)
    # A published post's comments, or a page's (About, Contact: the old blog's pages had them).
    shows_comments = post.published if post is not None else pagename in app.env.all_docs
    if shows_comments:
        page = app.builder.get_target_uri(pagename)
        lead = functools.partial(sitelinks.lead, app, page)
        thread = comments.thread(app.srcdir, pagename, archive.tz, lead)
        context["comments"] = thread
        context["comments_told"] = comments.told(thread)
    context["feed_url"] = archive.file_url(archive.feed_docname)
    context["blog_sidebar"] = archive.sidebar(pagename, context)
    if urlsplit(archive.baseurl).path == "/" and root_icon(app) is not None:
        # At a host's root, a browser asks for /favicon.ico, which the site
        # answers: no link to it on every page (0.1 MB at 1000 posts).
        # Under a path (GitHub's project pages), each page names it.
        context["favicon_url"] = None


def _skip_unread_folders(app, config) -> None:
    """``config-inited``: Sphinx is not to walk the folders a build never reads
    (``build.NOT_READ``: the build's own output, tests, benchmarks...), hidden
    folders (.git, a .venv's site-packages) or bytecode.  It walks every folder
    it is not told to skip, even when include_patterns names only a few (0.5 s
    of a one-post edit at 1000 posts).  A new list: Sphinx's default one is
    shared by every app in the process."""
    from .build import NOT_READ  # the folders the up-to-date check skips too

    unread = [*sorted(NOT_READ), ".*", "**/__pycache__"]
    config.exclude_patterns = [*config.exclude_patterns, *unread]


def _read_attributes(app, config) -> None:
    """``config-inited``: MyST reads attributes, before a block (``attrs_block``)
    and after a span of words (``attrs_inline``), with which the importers
    write what Markdown has no mark for: a list numbered by letters or Roman
    numerals (``{style=lower-alpha}``) or counting down (``{.reversed}``:
    :func:`_visit_enumerated_list`), underlined words (``[words]{.underline}``,
    which ``_static/imported.css`` underlines).  Without them, an imported post
    would show them as words."""
    enabled = list(config.myst_enable_extensions or ())
    wanted = [name for name in IMPORTED_MARKUP if name not in enabled]
    if wanted:
        config.myst_enable_extensions = [*enabled, *wanted]


def _visit_enumerated_list(self, node) -> None:
    """A list of the class ``reversed`` counts down from its start (HTML's
    ``reversed``): docutils has no such list, and writes only its class."""
    type(self).visit_enumerated_list(self, node)
    if "reversed" in node["classes"]:
        self.body[-1] = self.body[-1].replace("<ol ", '<ol reversed="reversed" ', 1)


def _visit_literal_block(self, node) -> None:
    """A code block takes the keyboard's focus (``tabindex="0"``): one wider
    than the page scrolls, and a keyboard scrolls only what has the focus
    (axe's ``scrollable-region-focusable``)."""
    start = len(self.body)
    try:
        type(self).visit_literal_block(self, node)  # (raises SkipNode once written)
    finally:
        for at in range(start, len(self.body)):
            if "<pre" in self.body[at]:
                self.body[at] = self.body[at].replace("<pre", '<pre tabindex="0"', 1)
                break


class OneIdPerTable(SphinxPostTransform):
    """Furo wraps each table in a ``div.table-wrapper`` (its
    ``WrapTableAndMathInAContainerTransform``, priority 500) and gives the
    wrapper every attribute of the table, its ids too: a table with a title
    (a list-table's caption, an imported table's) had its id twice on the
    page, which HTML forbids and which made its heading link's "#id1" name
    two places.  The id stays the table's alone."""

    formats = ("html",)
    default_priority = 501

    def run(self, **kwargs) -> None:
        for wrapper in self.document.findall(nodes.container):
            if "table-wrapper" in wrapper["classes"]:
                wrapper["ids"] = []


class ReferencesAtTheirLines(SphinxTransform):
    """MyST makes a link to a place in the page (``[x](#a-heading)``) it
    cannot find there a cross-reference to look for in other pages, with no
    line: "target not found" named the paragraph's first line.  Each such
    reference has the line it is on."""

    default_priority = 880  # after MyST's ResolveAnchorIds (879), which makes them

    def apply(self, **kwargs) -> None:
        for pending in self.document.findall(addnodes.pending_xref):
            if pending.line is None:
                pending.source = get_source_line(pending)[0]
                pending.line = first_line(pending)


class PicturesKeepTheirLines(SphinxTransform):
    """Sphinx takes a picture with no words of its own (``![](photo.jpg)``,
    an imported ``alt=""``) for one docutils left without a place, and sets
    its line to 0 (``ApplySourceWorkaround``, priority 10): "image file not
    readable" named the file and no line.  Such a picture's source is its
    address, so Sphinx leaves its line alone."""

    default_priority = 9

    def apply(self, **kwargs) -> None:
        for picture in self.document.findall(nodes.image):
            if not picture.rawsource and picture.line:
                picture.rawsource = picture.get("uri", "")


def _drop_unused_toctree(app, pagename, templatename, context, doctree) -> None:
    """``html-page-context``, before Furo's handler: no global table of contents
    when no sidebar shows it.  Furo builds its navigation tree from it on every
    page (a tenth of the writing time at 1000 posts), to be shown only by
    ``sidebar/navigation.html``, which this blog's sidebars leave out."""
    if "sidebar/navigation.html" not in (context.get("sidebars") or ()):
        context.pop("toctree", None)


def setup(app):
    # ABlog first, then what this extension changes of it (ablog_compat.py).
    ablog_compat.setup(app)
    app.add_config_value("blog_timezone", "Europe/London", "env", types=[str])
    app.add_config_value("blog_recent_posts", 5, "html", types=[int])
    app.add_config_value("blog_sidebar_tags", 10, "html", types=[int])
    for setting in FEED_SETTINGS.values():  # blog_tag_feeds, blog_category_feeds...
        app.add_config_value(setting, True, "html", types=[bool])
    app.add_config_value("blog_preview", False, "env", types=[bool])
    app.add_config_value("blog_preview_reload", "", "html", types=[str])  # serve.py's server
    app.add_config_value("blog_posts_per_page", 10, "html", types=[int])
    app.add_config_value("blog_related_posts", 3, "html", types=[int])
    app.add_config_value("blog_search_part_pages", 2000, "html", types=[int])
    app.add_config_value("blog_repository_url", "", "html", types=[str])
    app.add_config_value("blog_repository_branch", "main", "html", types=[str])
    app.add_config_value("blog_changes_length", 30, "html", types=[int])
    app.add_config_value("blog_links_file", archived.LINKS_FILE, "env", types=[str])
    app.add_config_value("blog_epub_file", "", "html", types=[str])
    app.add_builder(epub.BlogEpubBuilder, override=True)
    app.add_post_transform(epub.NothingFromAnotherHost)
    app.add_post_transform(OneIdPerTable)
    app.add_html_theme("blogarchive", str(THEME_DIR))
    # Math as MathML, written at build time: nothing loaded from another host.
    app.add_html_math_renderer(
        "mathml", (mathml.visit_math, None), (mathml.visit_displaymath, None)
    )
    app.connect("config-inited", mathml.use_mathml)
    app.connect("config-inited", _read_attributes)
    app.add_node(nodes.enumerated_list, override=True, html=(_visit_enumerated_list, None))
    app.add_node(nodes.literal_block, override=True, html=(_visit_literal_block, None))
    app.add_transform(CheckPostFrontMatter)
    app.add_transform(ApplyPostFrontMatter)
    app.add_transform(archived.ShowArchivedCopies)
    app.add_transform(ReferencesAtTheirLines)
    app.add_transform(PicturesKeepTheirLines)
    # After ABlog's config-inited handler, which finds the posts.
    app.add_env_collector(state.ArchiveCollector)
    app.connect("config-inited", state.start_build, priority=400)
    app.connect("config-inited", templates.use_loader)
    app.connect("config-inited", _skip_unread_folders)
    app.connect("config-inited", screen_posts, priority=600)
    app.connect("builder-inited", _start_build)
    app.connect("builder-inited", load_history)
    app.connect("builder-inited", archived.load_copies)
    app.connect("builder-inited", search.use_pagefind)
    app.connect("builder-inited", stylesheet.add_code_colours)
    app.connect("write-started", stylesheet.write_site_css)
    app.connect("builder-inited", incremental.write_documents_serially_on_two_cores)
    app.connect("env-before-read-docs", incremental.freeze_before_fork)
    app.connect("env-before-read-docs", patches.keep_no_doctree_objects)
    app.connect("env-before-read-docs", incremental.read_few_here, priority=900)
    app.connect("env-updated", incremental.parallel_again, priority=100)
    app.connect("html-collect-pages", patches.drop_doctree_pickles, priority=50)
    app.connect("write-started", incremental.freeze_before_fork)
    app.connect("build-finished", incremental.unfreeze)
    app.connect("env-get-outdated", incremental.before_reading)
    app.connect("env-get-outdated", revisions.history_changed)
    app.connect("env-get-outdated", archived.links_changed)
    app.connect("env-get-outdated", comments.new_comments_files)
    app.connect("env-get-updated", incremental.pages_to_rewrite)
    app.connect("env-get-updated", stylesheet.restyle_pages)
    app.connect("env-check-consistency", checks.check_archive)
    app.connect("doctree-read", comments.note_comments)
    app.connect("build-finished", incremental.finish_build)
    app.connect("build-finished", incremental.restamp_footers, priority=700)  # before staging
    app.connect("build-finished", stylesheet.drop_unloaded, priority=700)
    app.connect("build-finished", stop_archive_pages)
    app.connect("build-finished", search.index_site, priority=900)  # after the archive's files
    app.connect("doctree-resolved", add_post_header)
    app.connect("html-page-context", start_archive_pages, priority=100)
    app.connect("html-collect-pages", await_archive_pages, priority=90)
    app.connect("html-collect-pages", search.start_index, priority=100)
    app.connect("html-collect-pages", archive_pages)
    app.connect("html-collect-pages", write_feeds)
    app.connect("html-collect-pages", epub.epub_pages)
    app.connect("html-page-context", epub.comments_in_book)
    app.connect("html-page-context", _page_context)
    app.connect("html-page-context", _drop_unused_toctree, priority=400)
    app.connect("html-page-context", stylesheet.link_one_stylesheet)
    # A preview's pages show what the build reported about them (reported.py).
    app.connect("config-inited", reported.start_recording, priority=450)  # after start_build
    app.connect("build-finished", reported.stop_recording, priority=999)
    app.connect("html-page-context", reported.catch_while_writing, priority=1)
    app.connect("html-page-context", reported.show_on_page, priority=999)
    # Sphinx's and MyST's internals, patched in one place, checked at import.
    patches.install()
    # Posts read no file outside the repository (issue 11): see confine.py.
    app.add_directive("csv-table", confine.ConfinedCSVTable, override=True)
    app.add_directive("raw", confine.ConfinedRaw, override=True)
    app.connect("doctree-read", confine.check_assets, priority=400)
    app.connect("doctree-read", check_blog_directives, priority=400)
    # Nothing in a post runs or loads from another host (privacy.py).
    app.connect("doctree-read", privacy.check_post, priority=400)
    app.connect("build-finished", privacy.check_raw_links, priority=800)  # every page written
    # Markdown links to the archive's pages and the old addresses (sitelinks.py).
    app.connect("doctree-read", sitelinks.note_site_links, priority=400)
    app.add_post_transform(sitelinks.SiteLinks)
    app.connect("build-finished", sitelinks.check_site_links, priority=800)
    app.connect("env-get-updated", sitelinks.pages_to_rewrite)
    app.connect("config-inited", confine.check_site_folders)
    app.connect("config-inited", privacy.check_site_svgs, priority=501)  # (what it left)
    app.connect("env-get-outdated", confine.confine_documents, priority=100)
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
        "env_version": code_version(),
    }


def code_version() -> int:
    """The extension's version as Sphinx keeps it with what it read: drawn from
    the extension's code, so that a change to it (an upgrade, a new check of
    what a post may hold) has every post read again, as a clean build (CI's,
    whose cache is keyed by the code) would.  A number set by hand had to be
    raised by whoever changed what reading does, and was not."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):  # the importers' code is not read
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return int.from_bytes(digest.digest()[:6], "big")
