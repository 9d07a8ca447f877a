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

Not minify-html: it also rewrites inline scripts, whose bytes the
Content-Security-Policy allows by hash (csp.py), and attribute order and
quoting; only indentation was worth removing.

The templates also run in Jinja's plain environment rather than Sphinx's
sandbox: they are the site's own and Furo's, as trusted as conf.py (nothing
imported ever becomes a template), and the sandbox's check of every attribute
and call cost about 4 % of a clean build at 1000 posts.
"""

from __future__ import annotations

import re

from jinja2 import Environment
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


class TemplateLoader(BuiltinTemplateLoader):
    """Sphinx's loader, with every HTML template's lines dedented, in a plain
    Jinja environment with what Sphinx gives its sandboxed one."""

    def init(self, builder, theme=None, dirs=None) -> None:
        super().init(builder, theme, dirs)
        sandboxed = self.environment
        self.environment = Environment(loader=self, extensions=list(sandboxed.extensions))
        self.environment.filters.update(sandboxed.filters)
        self.environment.tests.update(sandboxed.tests)
        self.environment.globals.update(sandboxed.globals)  # with gettext's, if installed

    def get_source(self, environment, template: str):
        source, filename, uptodate = super().get_source(environment, template)
        if template.endswith(".html"):
            source = as_served(source)
        return source, filename, uptodate


def use_loader(app, config) -> None:
    """``config-inited``: this loader, unless the site's conf.py names its own."""
    if not config.template_bridge:
        config.template_bridge = LOADER
