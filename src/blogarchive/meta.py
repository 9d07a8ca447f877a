"""What a post tells machines in its ``<head>``: Open Graph tags and a JSON-LD
``BlogPosting``.  Every value is escaped for where it lands: attributes with
``html.escape``, JSON-LD with ``<``, ``>`` and ``&`` as ``\\u`` escapes so a
title holding ``</script>`` cannot end the script element.
"""

from __future__ import annotations

import json
from html import escape

from docutils import nodes

from .archive import without_note_marks
from .model import word_count


def _first_words(nodes_, limit: int = 200) -> str:
    """The words of ``nodes_``' paragraphs (not a picture's description), at
    most ``limit`` characters, cut at a word."""
    paragraphs = (p for node in nodes_ for p in node.findall(nodes.paragraph))
    text = " ".join(" ".join(paragraph.astext() for paragraph in paragraphs).split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def post_description(archive, post) -> str:
    """The post in a sentence or two: its author's summary (front matter; an
    imported WordPress excerpt), or its excerpt's words, or (an excerpt of a
    picture alone) its first words.  Its page's description, and its entry
    in the old blog's summary feed (feeds.py)."""
    summary = archive.app.env.metadata.get(post.docname, {}).get("summary")
    if isinstance(summary, str):
        return " ".join(summary.split())
    words = _first_words(without_note_marks(post.excerpt))
    if not words and post.doctree is None:  # (one post in its file: the file's text)
        words = _first_words([archive.app.env.get_doctree(post.docname)])
    return words


def _script_safe_json(data) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def post_head(archive, post) -> str:
    """Open Graph ``<meta>`` tags and the JSON-LD script for one published post."""
    url = archive.url(post.docname)
    published = archive.aware(post.date).isoformat()
    modified = archive.history.updated(post).isoformat()
    authors = [archive.label(a) for a in post.author]
    tags = [archive.label(t) for t in post.tags]
    description = post_description(archive, post)
    properties = [
        ("og:type", "article"),
        ("og:site_name", archive.app.config.blog_title),
        ("og:title", post.title),
        ("og:url", url),
        ("og:description", description),
        ("article:published_time", published),
        ("article:modified_time", modified),
        *(("article:author", name) for name in authors),
        *(("article:tag", tag) for tag in tags),
    ]
    lines = [
        f'<meta property="{escape(prop)}" content="{escape(value)}">' for prop, value in properties
    ]
    lines.append(f'<meta name="description" content="{escape(description)}">')
    # No "description": the page's <meta name="description"> says it once (a
    # third copy of the excerpt on every post page is weight, issue 15).
    posting = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": published,
        "dateModified": modified,
        "author": [{"@type": "Person", "name": name} for name in authors],
        "keywords": tags,
        "wordCount": word_count(post),
    }
    lines.append(f'<script type="application/ld+json">\n{_script_safe_json(posting)}\n</script>')
    return "\n".join(lines)
