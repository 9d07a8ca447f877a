"""Links in rendered HTML fragments: excerpts on listing pages, feed bodies;
WordPress's numbered addresses; where a kept file's old address is recorded."""

from __future__ import annotations

import posixpath
import re
from html import escape
from urllib.parse import parse_qs

import lxml.html

from .frontmatter import split_address, wordpress_id

#: A picture pasted into a post (a data: address): shown as it is, since the
#: site's policy shows data: pictures and nothing is fetched (the importers
#: keep it, the feeds too); never an SVG, which can hold script, nor a link.
PASTED = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$", re.I)
#: Where ``blog import`` records the old address of each file it kept beside a
#: post (importers/media.py), in the post's folder: the 404 page answers the
#: old blog's own ones (pages.py, ``blog/files.json``).
MEDIA_RECORD = "media.yaml"


def wordpress_number(address: str) -> int | None:
    """The number of the post or page a WordPress address names by it
    (``/?p=12``, ``/?page_id=12``; WordPress answers ``?p=`` for a page too):
    no static host serves such an address, so old-address.js finds it through
    ``blog/posts.json`` and ``blog/pages.json`` (pages.py), and the import
    report says so (importers/records.py)."""
    parts = split_address(address)
    query = parse_qs(parts.query) if parts else {}
    number = (query.get("p") or query.get("page_id") or [""])[0]
    return int(number) if number.isascii() and number.isdigit() else None  # (not "²")


def wordpress_post_number(values: dict) -> int | None:
    """The number WordPress knew a post or page by, from its front matter
    ``values``: its ``wordpress_id`` (an import's, where its address was
    another, ``/2010/07/21/<slug>/``), else the one its address gives
    (``/?p=12``).  WordPress answered ``/?p=<number>`` for every post
    whatever its address (the shortlink each page named), as old-address.js
    does for the home page."""
    if number := wordpress_id(values.get("wordpress_id")):
        return number
    return wordpress_number(str(values.get("wordpress_url") or ""))


def rebase_links(html: str, from_uri: str, to_uri: str) -> str:
    """Relative href/src in ``html``, written for page ``from_uri``, made right for ``to_uri``."""
    from_dir, to_dir = posixpath.dirname(from_uri), posixpath.dirname(to_uri)
    if from_dir == to_dir:
        return html

    def rebase(url: str) -> str:
        parts = split_address(url)
        if not parts or parts.scheme or parts.netloc or not parts.path or url.startswith("/"):
            return url
        target = posixpath.normpath(posixpath.join(from_dir, parts.path))
        path = posixpath.relpath(target, to_dir or ".")
        return (
            path
            + (f"?{parts.query}" if parts.query else "")
            + (f"#{parts.fragment}" if parts.fragment else "")
        )

    return rewrite_links(html, rebase)


def rewrite_links(html: str, change) -> str:
    """Every href/src of an HTML fragment passed through ``change(url) -> url``."""
    if not html.strip():
        return html
    out = []
    for fragment in lxml.html.fragments_fromstring(html):
        if isinstance(fragment, str):
            out.append(escape(fragment, quote=False))
            continue
        fragment.rewrite_links(change, resolve_base_href=False)
        out.append(lxml.html.tostring(fragment, encoding="unicode"))
    return "".join(out)
