"""WordPress eXtended RSS (WXR): Tools → Export → All content.

Posts (``wp:post_type`` post) become posts, with categories and tags kept and
``<!--more-->`` as the excerpt break; drafts become drafts (or are skipped);
pages, attachments, menu items and the like are skipped and counted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from .blogger import parse_xml
from .html import autop, html_to_myst
from .records import ImportedPost, ImportError_, old_address

NS = {
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
MORE = "<!--more-->"
PUBLISHED = {"publish"}
DRAFTS = {"draft", "pending", "private", "future"}


def _wp(item, name: str) -> str | None:
    """``wp:<name>`` whatever WXR version's namespace the export uses."""
    for child in item:
        if isinstance(child.tag, str) and child.tag.endswith("}" + name):
            return child.text
    return None


def _date(path: Path, item) -> dt.datetime:
    local, gmt = _wp(item, "post_date"), _wp(item, "post_date_gmt")
    try:
        when = dt.datetime.strptime((local or "").strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError as exc:
        raise ImportError_(path, item.sourceline, f"bad wp:post_date {local!r}") from exc
    if gmt and not gmt.startswith("0000"):
        utc = dt.datetime.strptime(gmt.strip(), "%Y-%m-%d %H:%M:%S")
        return when.replace(tzinfo=dt.timezone(when - utc))
    return when


def read_wordpress(path: Path, author: str | None = None):
    """(posts, skipped counts by kind) from a WXR file."""
    path = Path(path)
    root = parse_xml(path)
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise ImportError_(
            path, root.sourceline, f"expected WXR <rss><channel>, found <{root.tag}>"
        )
    posts, skipped = [], Counter()
    for item in channel.findall("item"):
        kind = (_wp(item, "post_type") or "").strip()
        if kind != "post":
            skipped[kind or "unknown"] += 1
            continue
        status = (_wp(item, "status") or "").strip()
        if status not in PUBLISHED | DRAFTS:
            skipped[f"{status or 'unknown'} post"] += 1
            continue
        title = (item.findtext("title") or "").strip()
        if not title:
            raise ImportError_(path, item.sourceline, "post has no <title>")
        html = item.findtext("content:encoded", namespaces=NS)
        if html is None:
            raise ImportError_(path, item.sourceline, f"post {title!r} has no content:encoded")
        excerpt = None
        if MORE in html:
            before = html_to_myst(autop(html.split(MORE, 1)[0]))
            excerpt = len([b for b in before.split("\n\n") if b.strip()])
            html = html.replace(MORE, "\n\n")
        by_domain: dict[str, list[str]] = {"category": [], "post_tag": []}
        for category in item.findall("category"):
            if category.get("domain") in by_domain and category.text:
                by_domain[category.get("domain")].append(category.text.strip())
        creator = (item.findtext("dc:creator", namespaces=NS) or "").strip()
        link = (item.findtext("link") or "").strip() or None
        old_path = old_address(link)
        posts.append(
            ImportedPost(
                title=title,
                published=_date(path, item),
                body=html_to_myst(autop(html)),
                authors=(creator,) if creator else ((author,) if author else ()),
                tags=tuple(dict.fromkeys(by_domain["post_tag"])),
                categories=tuple(dict.fromkeys(by_domain["category"])),
                draft=status in DRAFTS,
                source_url=link,
                source_key="wordpress_url",
                redirects=(old_path,) if old_path else (),
                excerpt=excerpt,
            )
        )
    return posts, skipped
