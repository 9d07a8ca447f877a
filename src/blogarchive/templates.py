"""The site's templates, served without their indentation.

Furo's templates and ours are indented for their authors; the indentation went
into every page, about 1.2 KB of each (2.3 MB of a 1000-post site, issue 15's
"lighter pages").  This loader (Sphinx's ``template_bridge``, set by the
extension) strips the spaces that begin each line of an ``.html`` template's
source before Jinja reads it.  The text the templates insert — a post's body,
its excerpt, code blocks in ``<pre>`` — is not touched, and HTML renders a line
break followed by spaces as it renders the line break alone.  The number of
lines is kept, so Jinja's errors still name the template's line.

Not minify-html: it also rewrites inline scripts, whose bytes the
Content-Security-Policy allows by hash (csp.py), and attribute order and
quoting; only indentation was worth removing.
"""

from __future__ import annotations

import re

from sphinx.jinja2glue import BuiltinTemplateLoader

_INDENT = re.compile(r"^[ \t]+", re.M)

LOADER = f"{__name__}.TemplateLoader"


def dedent(source: str) -> str:
    """A template's source without the spaces and tabs that begin its lines."""
    return _INDENT.sub("", source)


class TemplateLoader(BuiltinTemplateLoader):
    """Sphinx's loader, with every HTML template's lines dedented."""

    def get_source(self, environment, template: str):
        source, filename, uptodate = super().get_source(environment, template)
        if template.endswith(".html"):
            source = dedent(source)
        return source, filename, uptodate


def use_loader(app, config) -> None:
    """``config-inited``: this loader, unless the site's conf.py names its own."""
    if not config.template_bridge:
        config.template_bridge = LOADER
