"""A strict Content-Security-Policy on every page, as a ``<meta http-equiv>``.

GitHub Pages sets no headers, so the policy travels in the page.  Defence in
depth behind the importers' sanitiser (issue 11): should anything active slip
into a post, the browser still runs only the site's own script files, loads
nothing from another host, embeds no plugin and keeps ``<base>`` to the site.

The theme's one inline script (Furo's theme switch in ``base.html``) is
allowed by its hash, computed from the template itself as the site's loader
serves it (templates.py: without indentation), so the policy follows a Furo
upgrade; tests check every inline script of every page against it.

The search page alone may compile WebAssembly (``'wasm-unsafe-eval'``, which
allows no ``eval`` of script): Pagefind's, a file of the site's own, run in
the page rather than in Pagefind's worker, a 40 KB script less for the first
search (_static/search.js, which falls back to the worker in a browser that
does not know the keyword and so may compile none in a page).

Preview builds carry the policy too: a post's raw HTML must not reach another
host from the author's machine either.  ``blog serve`` (serve.py) adds to every
page it serves sphinx-autobuild's inline reload script, which opens a websocket
to the server: the preview's pages allow that script by its hash and that
socket (``blog_preview_reload``, the server's host and port).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from pathlib import Path

from .templates import as_served

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def script_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def theme_inline_scripts(theme_dirs) -> list[str]:
    """The literal inline scripts of the themes' ``base.html`` (Jinja-free ones)."""
    scripts = []
    for folder in theme_dirs:
        base = Path(folder) / "base.html"
        if base.is_file():
            template = as_served(base.read_text(encoding="utf-8"))  # as the loader serves it
            for source in INLINE_SCRIPT.findall(template):
                if "{{" not in source and "{%" not in source:
                    scripts.append(source)
    return scripts


def policy(inline_scripts: list[str], wasm: bool = False, socket: str = "") -> str:
    hashes = " ".join(sorted({script_hash(s) for s in inline_scripts}))
    compile_wasm = " 'wasm-unsafe-eval'" if wasm else ""  # the search page's Pagefind
    return "; ".join(
        [
            "default-src 'self'",
            *([f"connect-src 'self' {socket}"] if socket else []),  # blog serve's reloader
            f"script-src 'self'{compile_wasm} {hashes}".strip(),
            # Sphinx and Furo set style attributes; imported posts carry none.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",  # Furo's icons are data: SVGs in its CSS
            "font-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


@functools.lru_cache
def _theme_policy(theme_dirs: tuple[str, ...], wasm: bool, reloader: str = "") -> str:
    scripts = theme_inline_scripts(theme_dirs)
    if not reloader:
        return policy(scripts, wasm)
    from sphinx_autobuild.middleware import web_socket_script

    reload_script = INLINE_SCRIPT.findall(web_socket_script(reloader))
    return policy([*scripts, *reload_script], wasm, socket=f"ws://{reloader}")


def page_policy(app, pagename: str = "") -> str:
    """The policy ``pagename`` prints (in ``blog serve``'s preview, with its reloader)."""
    theme = getattr(app.builder, "theme", None)
    if theme is None:
        return ""
    reloader = app.config.blog_preview_reload if app.config.blog_preview else ""
    theme_dirs = tuple(map(str, theme.get_theme_dirs()))
    return _theme_policy(theme_dirs, pagename == "search", reloader)
