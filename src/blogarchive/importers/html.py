"""The one HTML-to-MyST converter every importer uses (markdownify underneath).

Imported HTML is untrusted: it is cleaned by allowlist first (nh3, the Ammonia
sanitiser: no script, no event handler, no ``javascript:``/``vbscript:``/
``data:`` URL survives), and every link and image address is checked again
against the allowed schemes and percent-encoded where Markdown would read its
characters (a space, a parenthesis, ``<``) as the end of the link — never left
for MyST to fall back to raw HTML.

Old Blogger posts separate paragraphs with ``<br /><br />`` instead of
``<p>``; WordPress stores paragraphs as blank lines.  Both are turned into real
paragraphs first, then markdownify writes Markdown, escaping whatever Markdown
would otherwise interpret so the reader sees the author's characters.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

import nh3
from bs4 import BeautifulSoup, NavigableString, Tag
from markdownify import MarkdownConverter

#: Link and image schemes an import may keep; anything else (javascript:,
#: vbscript:, data:, file:, ...) is dropped.  Relative addresses are kept.
SCHEMES = {"http", "https", "mailto"}
#: Characters left as they are in an address: those URLs use for their syntax,
#: and ``%`` (already-encoded text).  The rest is percent-encoded.
URL_SAFE = ":/?#[]@!$&'*+,;=%~-._"
ATTRIBUTES = {
    **nh3.ALLOWED_ATTRIBUTES,
    "a": {"href", "title", "name"},
    "img": {"src", "alt", "title", "width", "height"},
}

BLOCKS = {
    "p", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "hr", "figure",
}  # fmt: skip
WRAPPERS = {"div", "section", "article", "center"}


# Inline characters Markdown would read as code, links, HTML or escapes.
INLINE = re.compile(r"([\\`\[\]<])")
# What Markdown reads as a block when it opens a paragraph or list item.
BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|[-+*](?=\s|$)|\d{1,9}[.)](?=\s|$)|>|=+\s*$)")


def sanitise(html: str) -> str:
    """Imported HTML with nothing active left: tags, attributes and URL schemes by allowlist."""
    return nh3.clean(
        html, attributes=ATTRIBUTES, url_schemes=SCHEMES, link_rel=None, strip_comments=False
    )


def safe_url(url: str | None) -> str | None:
    """``url`` if its scheme is allowed (or it is relative), percent-encoded where
    Markdown would misread it; else None."""
    url = (url or "").strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if not url or (scheme and scheme not in SCHEMES):
        return None
    return quote(url, safe=URL_SAFE)


class _Converter(MarkdownConverter):
    """markdownify, escaping only what Markdown would otherwise interpret."""

    def convert_a(self, el, text, parent_tags):
        href = safe_url(el.get("href"))
        if href is None:
            el.attrs.pop("href", None)
        else:
            el["href"] = href
        return super().convert_a(el, text, parent_tags)

    def convert_img(self, el, text, parent_tags):
        src = safe_url(el.get("src"))
        if src is None:
            return self.escape(el.get("alt") or "", parent_tags)
        el["src"] = src
        return super().convert_img(el, text, parent_tags)

    def escape(self, text, parent_tags):
        return super().escape(INLINE.sub(r"\\\1", text or ""), parent_tags)

    def _escape_start(self, text: str) -> str:
        stripped = text.lstrip()
        match = BLOCK_START.match(stripped)
        if not match:
            return text
        # A backslash escapes punctuation only: "1\\." not "\\1."
        at = len(match.group(0)) - 1 if stripped[0].isdigit() else 0
        return text[: len(text) - len(stripped)] + stripped[:at] + "\\" + stripped[at:]

    def convert_p(self, el, text, parent_tags):
        return super().convert_p(el, self._escape_start(text), parent_tags)

    def convert_li(self, el, text, parent_tags):
        return super().convert_li(el, self._escape_start(text or ""), parent_tags)

    def convert_span(self, el, text, parent_tags):  # Blogger wraps text in styled spans
        return text


def escape_text(text: str) -> str:
    """Plain text (a title) as Markdown that shows exactly that text."""
    return _Converter(escape_misc=False).escape(text, set())


def _is_blank(node) -> bool:
    return isinstance(node, NavigableString) and not node.strip()


def _paragraphs(soup: BeautifulSoup, container: Tag) -> list:
    """Children of ``container`` as blocks: runs of inline content split at ``<br><br>``."""
    out: list = []
    current: list = []

    def flush() -> None:
        while current and (_is_blank(current[-1]) or getattr(current[-1], "name", "") == "br"):
            current.pop()
        while current and (_is_blank(current[0]) or getattr(current[0], "name", "") == "br"):
            current.pop(0)
        if current:
            paragraph = soup.new_tag("p")
            for node in current:
                paragraph.append(node.extract() if node.parent else node)
            out.append(paragraph)
        current.clear()

    children = list(container.children)
    i = 0
    while i < len(children):
        node = children[i]
        if isinstance(node, Tag) and node.name in WRAPPERS:
            flush()
            out.extend(_paragraphs(soup, node))
        elif isinstance(node, Tag) and node.name in BLOCKS:
            flush()
            out.append(node)
        elif isinstance(node, Tag) and node.name == "br":
            j = i + 1
            while j < len(children) and _is_blank(children[j]):
                j += 1
            if j < len(children) and getattr(children[j], "name", "") == "br":
                flush()
                while j + 1 < len(children) and (
                    _is_blank(children[j + 1]) or getattr(children[j + 1], "name", "") == "br"
                ):
                    j += 1
                i = j
            else:
                current.append(node)
        elif not isinstance(node, NavigableString) or node.strip() or current:
            current.append(node)
        i += 1
    flush()
    return out


def autop(text: str) -> str:
    """WordPress's stored form (blank lines between paragraphs) as HTML paragraphs."""
    tags = "|".join(sorted(BLOCKS | WRAPPERS))
    text = re.sub(rf"(<(?:{tags})\b[^>]*>)", r"\n\n\1", text, flags=re.I)
    text = re.sub(rf"(</(?:{tags})>)", r"\1\n\n", text, flags=re.I)
    blocks = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        chunk = chunk.strip()
        if not chunk:
            continue
        if re.match(rf"<({tags})\b", chunk, re.I):
            blocks.append(chunk)
        else:
            blocks.append("<p>" + chunk.replace("\n", "<br />\n") + "</p>")
    return "\n".join(blocks)


def html_to_myst(html: str) -> str:
    """Clean MyST Markdown for an HTML post body."""
    soup = BeautifulSoup(sanitise(html), "html.parser")
    # The post's title is its only h1: body headings start at h2, without gaps.
    headings = soup.find_all(re.compile(r"^h[1-6]$"))
    levels = sorted({int(h.name[1]) for h in headings})
    for heading in headings:
        heading.name = f"h{min(6, 2 + levels.index(int(heading.name[1])))}"
    blocks = _paragraphs(soup, soup)
    body = BeautifulSoup("", "html.parser")
    for block in blocks:
        body.append(block)
    text = _Converter(heading_style="ATX", bullets="-", escape_misc=False).convert_soup(body)
    text = re.sub(r"[ \t]+\n", lambda m: "  \n" if m.group(0).startswith("  ") else "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
