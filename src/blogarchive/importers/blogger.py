"""Blogger exports: "Back up content" (Atom, ``…/kind#post``) and Takeout's ``feed.atom``.

Only published posts become posts; drafts become drafts (or are skipped);
comments, settings, templates and pages are skipped and counted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

from lxml import etree

from .html import html_to_myst
from .records import ImportedPost, ImportError_, old_address

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "app": "http://purl.org/atom/app#",
    "blogger": "http://schemas.google.com/blogger/2018",
}
KIND_SCHEME = "http://schemas.google.com/g/2005#kind"


def parse_xml(path: Path):
    """An XML file's root, or an ImportError_ naming the line that breaks it."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else 1
        raise ImportError_(path, line, f"not well-formed XML: {exc.msg}") from exc
    except OSError as exc:
        raise ImportError_(path, 1, f"cannot read: {exc}") from exc


def _text(entry, xpath: str) -> str | None:
    found = entry.find(xpath, NS)
    return found.text if found is not None and found.text is not None else None


def _kind(entry) -> str:
    """post, comment, settings, template, page, ... for either export format."""
    takeout = _text(entry, "blogger:type")
    if takeout:
        return takeout.strip().lower()
    for category in entry.findall("atom:category", NS):
        if category.get("scheme") == KIND_SCHEME:
            return category.get("term", "").rsplit("#", 1)[-1]
    return "unknown"


def _is_draft(entry) -> bool:
    status = _text(entry, "blogger:status")
    if status:
        return status.strip().upper() != "LIVE"
    return (_text(entry, "app:control/app:draft") or "").strip().lower() == "yes"


def _published(path: Path, entry) -> dt.datetime:
    text = _text(entry, "atom:published")
    if not text:
        raise ImportError_(path, entry.sourceline, "post has no <published> date")
    try:
        when = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise ImportError_(path, entry.sourceline, f"bad <published> {text!r}: {exc}") from exc
    return when.replace(microsecond=0)


def _url(entry, blog_url: str | None) -> str | None:
    filename = _text(entry, "blogger:filename")
    if filename:  # Takeout: the path only
        return urljoin(blog_url, filename.strip()) if blog_url else filename.strip()
    for link in entry.findall("atom:link", NS):
        if link.get("rel") == "alternate" and link.get("href"):
            return link.get("href")
    return None


def read_blogger(path: Path, author: str | None = None):
    """(posts, skipped counts by kind) from a Blogger export."""
    path = Path(path)
    root = parse_xml(path)
    if root.tag != f"{{{NS['atom']}}}feed":
        raise ImportError_(path, root.sourceline, f"expected an Atom <feed>, found <{root.tag}>")
    blog_url = next(
        (
            link.get("href")
            for link in root.findall("atom:link", NS)
            if link.get("rel") == "alternate"
        ),
        None,
    )
    posts, skipped = [], Counter()
    for entry in root.findall("atom:entry", NS):
        kind = _kind(entry)
        if kind != "post":
            skipped[kind] += 1
            continue
        status = (_text(entry, "blogger:status") or "").strip().upper()
        if status in ("DELETED", "SOFT_TRASHED", "TRASHED"):
            skipped["trashed post"] += 1
            continue
        title = (_text(entry, "atom:title") or "").strip()
        if not title:
            raise ImportError_(path, entry.sourceline, "post has no <title>")
        content = entry.find("atom:content", NS)
        if content is None:
            raise ImportError_(path, entry.sourceline, f"post {title!r} has no <content>")
        names = [n.text.strip() for n in entry.findall("atom:author/atom:name", NS) if n.text]
        labels = [
            c.get("term")
            for c in entry.findall("atom:category", NS)
            if c.get("scheme") != KIND_SCHEME and c.get("term")
        ]
        url = _url(entry, blog_url)
        old_path = old_address(url)
        posts.append(
            ImportedPost(
                title=title,
                published=_published(path, entry),
                body=html_to_myst(content.text or ""),
                authors=tuple(names) or ((author,) if author else ()),
                tags=tuple(dict.fromkeys(labels)),
                draft=_is_draft(entry),
                source_url=url,
                redirects=(old_path,) if old_path and old_path.endswith(".html") else (),
            )
        )
    return posts, skipped
