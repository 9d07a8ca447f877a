"""The site's templates, served without their indentation.

Furo's templates and ours are indented for their authors; the indentation went
into every page, about 1.2 KB of each (2.3 MB of a 1000-post site, issue 15's
"lighter pages").  This loader (Sphinx's ``template_bridge``, set by the
extension) strips the spaces that begin each line of an ``.html`` template's
source before Jinja reads it.  The text the templates insert — a post's body,
its excerpt, code blocks in ``<pre>`` — is not touched, and HTML renders a line
break followed by spaces as it renders the line break alone.  The number of
lines is kept, so Jinja's errors still name the template's line.

Furo's markup draws its icons from symbols on the page (``<use
href="#svg-menu">``); the loader points each at the same symbol in the icons
file every page shares, ``_static/icons.svg``, so that a page carries no
symbols at all (partials/icons.html is empty): about 0.5 KB a page.  HTML
comments in templates (Furo's names the versions of Sphinx and Furo) are left
out too.

Furo's page.html also draws the theme toggle twice, in the mobile header and
in the article's corner (its CSS shows one or the other), and the buttons and
checkbox of a table of contents on every page, hidden where there is none (a
post without sections): about 1 KB a page.  Here (:func:`lightened_furo_page`)
the header's toggle is left out (custom.css shows the corner's on narrow
screens too), the contents controls are kept for pages with a table of
contents, and the footer's box of previous and next pages for pages that have
one; its back-to-top arrow, drawn on every page, is drawn from the icons
file too; the sidebar and the table of contents are named for screen
readers.  Each edit names the markup it expects, and a Furo whose page.html
no longer has it stops the build with an error instead of being served as is.

Not minify-html: it also rewrites inline scripts, whose bytes the
Content-Security-Policy allows by hash (csp.py), and attribute order and
quoting; only indentation was worth removing.

The templates also run in Jinja's plain environment rather than Sphinx's
sandbox: they are the site's own and Furo's, as trusted as conf.py (nothing
imported ever becomes a template), and the sandbox's check of every attribute
and call cost about 4 % of a clean build at 1000 posts.  Each template, once
compiled, is kept beside the doctrees (Jinja's ``FileSystemBytecodeCache``,
which compiles a template again when its source changed): every build, and
every process writing pages, compiled some 25 templates afresh, about 0.2 s
of a one-post edit before its page could be written.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache
from sphinx.errors import ThemeError
from sphinx.jinja2glue import BuiltinTemplateLoader

_INDENT = re.compile(r"^[ \t]+", re.M)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ICON = 'href="#svg-'
_ICON_IN_FILE = "href=\"{{ pathto('_static/icons.svg', 1) }}#svg-"

LOADER = f"{__name__}.TemplateLoader"


def dedent(source: str) -> str:
    """A template's source without the spaces and tabs that begin its lines."""
    return _INDENT.sub("", source)


def icons_from_file(source: str) -> str:
    """A template's source with its icons drawn from the shared icons file."""
    return source.replace(_ICON, _ICON_IN_FILE)


def without_comments(source: str) -> str:
    """A template's source without its HTML comments (Furo's names the versions
    of Sphinx and Furo on every page), its lines kept for Jinja's errors."""
    return _COMMENT.sub(lambda comment: "\n" * comment[0].count("\n"), source)


def as_served(source: str) -> str:
    """An HTML template's source as the loader gives it to Jinja."""
    return icons_from_file(without_comments(dedent(source)))


def _left_out(markup: str) -> str:
    return "\n" * markup.count("\n")  # its lines kept, for Jinja's errors


def _only_with_contents(markup: str) -> str:
    return "{% if not furo_hide_toc %}" + markup + "{% endif %}"


def _only_with_neighbours(markup: str) -> str:
    return "{% if next or prev %}" + markup + "{% endif %}"


def _arrow_from_file(markup: str) -> str:
    return _left_out(markup) + "<svg><use " + _ICON_IN_FILE + 'arrow-up"></use></svg>'


def _named(name: str):
    """A name for an <aside> where there are two to tell apart: a page with a
    table of contents (on others Furo hides the second; a name on every page
    was 45 bytes a page, issue 15's site size)."""
    label = f'{{% if not furo_hide_toc %}}aria-label="{name}" {{% endif %}}'
    return lambda markup: markup.replace("<aside ", f"<aside {label}", 1)


#: Furo's page.html (as served: dedented): each edit's markup, how many times
#: it is there, and what it becomes.
_FURO_PAGE_EDITS = [
    (r'<div class="theme-toggle-container theme-toggle-header">\n.*?</div>', 1, _left_out),
    (r'<input type="checkbox" class="sidebar-toggle" name="__toc"[^>]*>', 1, _only_with_contents),
    (r'<label class="overlay toc-overlay" for="__toc"></label>', 1, _only_with_contents),
    (r'<label class="toc-overlay-icon [^>]*>\n.*?</label>', 2, _only_with_contents),
    # The back-to-top arrow, drawn on the page; in icons.svg as svg-arrow-up.
    (
        r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n<path d="M13 20h-2V8l-5.5 '
        r'5.5-1.42-1.42L12 4.16l7.92 7.92-1.42 1.42L13 8v12z"></path>\n</svg>',
        1,
        _arrow_from_file,
    ),
    # The sidebar and the table of contents, both an <aside>: each named, for a
    # screen reader's list of landmarks (two unnamed ones looked the same),
    # where the page has a table of contents (elsewhere Furo hides it).
    (r'<aside class="sidebar-drawer">', 1, _named("Site navigation")),
    (r'<aside class="toc-drawer[^"]*">', 1, _named("Contents")),
    # The footer's links to the previous and next page in the table of contents,
    # an empty <div> on every post (posts have their own, newer and older).
    (
        r'<div class="related-pages">\n.*?</div>\n(?=<div class="bottom-of-page">)',
        1,
        _only_with_neighbours,
    ),
]


def lightened_furo_page(source: str) -> str:
    """Furo's page.html (as served) with one theme toggle, the corner's, the
    table-of-contents controls only on a page with a table of contents, and
    the back-to-top arrow drawn from the icons file."""
    for pattern, count, edit in _FURO_PAGE_EDITS:
        source, found = re.subn(pattern, lambda m, edit=edit: edit(m[0]), source, flags=re.S)
        if found != count:
            raise ThemeError(
                f"furo/page.html: expected {count} of {pattern!r}, found {found}; "
                "Furo's page changed (blogarchive/templates.py)"
            )
    return source


class TemplateLoader(BuiltinTemplateLoader):
    """Sphinx's loader, with every HTML template's lines dedented, in a plain
    Jinja environment with what Sphinx gives its sandboxed one."""

    def init(self, builder, theme=None, dirs=None) -> None:
        super().init(builder, theme, dirs)
        sandboxed = self.environment
        extensions = list(sandboxed.extensions)
        # Compiled code depends on the environment's extensions too: they name its folder.
        kind = hashlib.sha256(repr([jinja2.__version__, *extensions]).encode()).hexdigest()
        compiled = Path(builder.doctreedir, "blogarchive-templates", kind[:16])
        compiled.mkdir(parents=True, exist_ok=True)
        self.environment = Environment(
            loader=self, extensions=extensions, bytecode_cache=FileSystemBytecodeCache(compiled)
        )
        self.environment.filters.update(sandboxed.filters)
        self.environment.tests.update(sandboxed.tests)
        self.environment.globals.update(sandboxed.globals)  # with gettext's, if installed

    def get_source(self, environment, template: str):
        source, filename, uptodate = super().get_source(environment, template)
        if template.endswith(".html"):
            source = as_served(source)
            if Path(filename).parts[-3:] == ("theme", "furo", "page.html"):
                source = lightened_furo_page(source)
        return source, filename, uptodate


def use_loader(app, config) -> None:
    """``config-inited``: this loader, unless the site's conf.py names its own."""
    if not config.template_bridge:
        config.template_bridge = LOADER
