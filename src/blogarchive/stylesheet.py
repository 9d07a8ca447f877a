"""One stylesheet for every page (issue 15's lighter pages).

Sphinx links every stylesheet it is given on every page: Pygments' colours
(pygments.css), Furo's furo.css and furo-extensions.css, Furo's code colours
and the site's custom.css.  Five ``<link>`` elements, about 0.4 KB of each page
(0.65 MB of a 1000-post site), and five requests on a reader's first visit.
Here they are one file, ``_static/site.css``: their rules in the order Sphinx
links them, each file's text as it is served (the site's ``html_static_path``
over the theme's static folders; pygments.css as Furo rewrites it, with its
dark colours), written before any page is (``write-started``, only when its
bytes change) so that its ``?v=`` checksum is right; each page links it alone
(``html-page-context``).  When it changes (custom.css edited, Furo upgraded),
every page is written again (``env-get-updated``), so that none names the old
checksum and a reader's browser fetches the new file.

A stylesheet that cannot be read here (an address on another host, a file
made by some other extension, one with a ``media`` of its own, one with an
``@import`` or, in a subfolder of _static, a relative ``url()``) keeps its own
link, and no later stylesheet is merged over it, so the cascade's order is
Sphinx's.  Sphinx still copies the files merged, and the themes' files no
page loads: the site's build leaves them out (:func:`drop_unloaded`); the
e-book links them as before (its pages are built by the ``epub`` builder,
without this).

Furo's base.html writes its code colours (CSS variables for the light and the
dark theme, from the Pygments styles and the theme's options) in a <style> on
every page, 0.35 KB each.  :func:`code_colours` renders the same partial once
into the stylesheet (page.html's ``theme_styles`` block is empty).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

from . import epub
from .incremental import write_if_changed
from .state import build_state

#: The one stylesheet, in _static.
SITE_CSS = "site.css"
#: Furo's code colours' place among the stylesheets (not a file of its own).
CODE_COLOURS = "furo-variables.css"
#: Attributes a stylesheet merged into one may have: any other (``media``,
#: ``title`` of an alternate...) would be lost in the merge.
_PLAIN = {"rel": "stylesheet", "type": "text/css"}
#: What a stylesheet cannot take into site.css: an @import (only at a
#: stylesheet's start), and, from a subfolder of _static, an address relative
#: to its own folder (Furo's url()s are all data: addresses).
_IMPORT = re.compile(r"@import\b", re.I)
_RELATIVE_URL = re.compile(r"""url\(\s*(?!['"]?(?:[a-z][a-z0-9+.-]*:|/|#))""", re.I)


def add_code_colours(app) -> None:
    """``builder-inited``: the code colours' place, after furo.css and
    furo-extensions.css and before the site's own stylesheet."""
    if epub.for_site(app.builder):
        app.add_css_file(CODE_COLOURS, priority=700)


def code_colours(app) -> str:
    """Furo's CSS variables (partials/_head_css_variables.html), as Furo's
    html-page-context gives them to its base.html."""
    from furo import get_pygments_style_colors
    from sphinx.highlighting import PygmentsBridge

    builder = app.builder
    # The styles Furo's own builder-inited finds (furo._get_light_style and
    # _get_dark_style), by the same public attributes.
    light = builder.highlighter.formatter_args["style"]
    dark = PygmentsBridge("html", app.config.pygments_dark_style).formatter_args["style"]
    options = builder.theme.get_options(app.config.html_theme_options)
    context = {f"theme_{name}": value for name, value in options.items()}
    on_light = {"foreground": "black", "background": "white"}  # Furo's fallbacks
    on_dark = {"foreground": "white", "background": "black"}
    context["furo_pygments"] = {
        "light": get_pygments_style_colors(light, fallbacks=on_light),
        "dark": get_pygments_style_colors(dark, fallbacks=on_dark),
    }
    html = builder.templates.render("partials/_head_css_variables.html", context)
    return re.sub(r"</?style>", "", html).strip() + "\n"


def _generated(app) -> dict[str, str]:
    """The stylesheets no folder holds as served, by their name in _static."""
    from furo import get_pygments_stylesheet

    # Furo replaces Sphinx's pygments.css with this once the build is done.
    return {"pygments.css": get_pygments_stylesheet() + "\n", CODE_COLOURS: code_colours(app)}


def _static_folders(app) -> list[Path]:
    """Where Sphinx copies _static from, the one that wins first: the site's
    html_static_path (a later entry copied over an earlier one), then the
    theme's folders (the theme over the one it inherits from)."""
    site = [Path(app.confdir, entry) for entry in reversed(app.config.html_static_path)]
    theme = [Path(folder, "static") for folder in app.builder.theme.get_theme_dirs()]
    return [folder for folder in site + theme if folder.is_dir()]


def _text(css, generated: dict[str, str], folders: list[Path]) -> str | None:
    """A stylesheet's text as the site serves it, or None if it is not one
    to merge (see the module's docstring)."""
    name = str(css.filename)
    if not name.startswith("_static/") or css.attributes != _PLAIN:
        return None
    name = name.removeprefix("_static/")
    if name in generated:
        return generated[name]
    for folder in folders:
        if (folder / name).is_file():
            try:
                text = (folder / name).read_text("utf-8")
            except UnicodeDecodeError:
                return None
            if _IMPORT.search(text) or ("/" in name and _RELATIVE_URL.search(text)):
                return None  # an @import must come first; url()s are relative to the file
            return text
    return None


class SiteCss(NamedTuple):
    """The one stylesheet: its text, the stylesheets it holds (their names as
    Sphinx links them, in order: a tuple, so that its repr, part of the
    archive pages' key, is the same in every process), and the place of the
    first among the page's links."""

    text: str
    holds: tuple
    priority: int


def site_css(app) -> SiteCss | None:
    """The stylesheets Sphinx would link, merged in their order; None if none
    can be (not the site's HTML build, or none readable)."""
    if not epub.for_site(app.builder):
        return None
    generated, folders = _generated(app), _static_folders(app)
    parts, holds, first = [], [], None
    for css in sorted(app.builder._css_files, key=lambda css: css.priority):  # as pages link them
        text = _text(css, generated, folders)
        if text is None:
            if holds:
                break  # none merged over it: the cascade keeps Sphinx's order
            continue
        first = first or css
        holds.append(css.filename)
        parts.append(f"/* {css.filename} */\n{text.rstrip()}\n")
    return SiteCss("".join(parts), tuple(holds), first.priority) if holds else None


def restyle_pages(app, env) -> list[str]:
    """``env-get-updated``: site.css made for this build; if it is not the one
    the site has, every document's page is written again, to link it by its
    new checksum (the archive's own pages follow it: incremental.py's key)."""
    merged = build_state(app.config).site_css = site_css(app)
    if merged is None:
        return []
    path = Path(app.builder.outdir, "_static", SITE_CSS)
    if path.is_file() and path.read_text("utf-8") == merged.text:
        return []
    return sorted(env.found_docs)


def write_site_css(app, builder) -> None:
    """``write-started``: ``_static/site.css`` in the output folder, written
    only when its bytes change, and linked in place of what it holds
    (:func:`link_one_stylesheet`); the code colours in a file of their own
    if site.css does not hold them."""
    if not epub.for_site(builder):
        return
    merged = build_state(app.config).site_css
    if merged is None or f"_static/{CODE_COLOURS}" not in merged.holds:
        colours = code_colours(app).encode("utf-8")
        write_if_changed(Path(builder.outdir, "_static", CODE_COLOURS), colours)  # linked alone
    if merged is not None:
        write_if_changed(Path(builder.outdir, "_static", SITE_CSS), merged.text.encode("utf-8"))
        app.add_css_file(SITE_CSS, priority=merged.priority)


def link_one_stylesheet(app, pagename, templatename, context, doctree) -> None:
    """``html-page-context``: the page links site.css instead of what it holds."""
    merged = build_state(app.config).site_css
    if merged is not None and epub.for_site(app.builder):
        context["css_files"] = [
            css for css in context["css_files"] if getattr(css, "filename", css) not in merged.holds
        ]


#: Sphinx's own scripts, for its search page and its highlighting of the words
#: searched for: the site's search is Pagefind's (search.py), so no page loads
#: them (extension.py takes them out of each page's list).
SPHINX_SEARCH_SCRIPTS = frozenset(
    f"_static/{name}" for name in ("documentation_options.js", "doctools.js", "sphinx_highlight.js")
)
#: The one file of the themes' own that a page loads without Sphinx's lists
#: of scripts and stylesheets: Furo's script (its base.html).
THEME_LOADED = frozenset({"scripts/furo.js"})


def drop_unloaded(app, exception) -> None:
    """``build-finished``, before the site is staged: the files in the site's
    ``_static`` that no page loads are not published.  Those are the
    stylesheets merged into site.css, and whatever the themes and extensions
    put there beyond what pages load: Sphinx's search scripts and basic
    theme (its stylesheet, pictures), Furo's unused stylesheets and the
    source maps that only a browser's developer tools ask for, ABlog's tag
    cloud.  0.25 MB of every site, that no reader's browser fetched.  What
    the site's own ``html_static_path`` holds (not an extension's
    folder) is published, but a stylesheet merged: an author's file there
    may be linked from a post."""
    if exception is not None or not epub.for_site(app.builder):
        return
    static = Path(app.builder.outdir, "_static")
    merged = build_state(app.config).site_css
    holds = {str(name).removeprefix("_static/") for name in merged.holds} if merged else set()
    # The site's folders, not an extension's: ABlog adds its package's own
    # (a tag cloud's stylesheet), a folder beside an __init__.py.
    site = [Path(app.confdir, entry) for entry in app.config.html_static_path]
    site = [folder for folder in site if not (folder.parent / "__init__.py").is_file()]
    loaded = {SITE_CSS, CODE_COLOURS, *THEME_LOADED} - holds
    for picture in (app.config.html_logo, app.config.html_favicon):  # copied in by name
        if picture and "://" not in str(picture):
            loaded.add(Path(picture).name)
    for listed in (*app.builder._js_files, *app.builder._css_files):
        name = str(getattr(listed, "filename", listed))
        if name in SPHINX_SEARCH_SCRIPTS:
            continue
        if name.startswith("_static/") and name.removeprefix("_static/") not in holds:
            loaded.add(name.removeprefix("_static/"))
    for path in [p for p in static.rglob("*") if p.is_file()]:
        name = path.relative_to(static).as_posix()
        own = any((folder / name).is_file() for folder in site)
        if name in holds or not (own or name in loaded):
            path.unlink()
    for folder, _, _ in sorted(os.walk(static), reverse=True):  # deepest first
        if folder != str(static) and not os.listdir(folder):
            os.rmdir(folder)  # emptied (styles/): the published site has no empty folder
