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

Real exports hold more than text (issue 12), and nothing is dropped without a
word: an ``<iframe>``, ``<video>`` or ``<audio>`` becomes a privacy-first
placeholder (a link naming the provider; nothing is loaded from it unless the
reader follows it); an image with a caption (a Blogger caption table, a
``<figure>``, WordPress's ``[caption]``) a MyST figure; ``<sup>``/``<sub>`` MyST
roles; the "more" break (Blogger's jump break, WordPress's ``<!--more-->``)
the excerpt's end.  Structure is made valid for a strict build: headings by
their order (never a jump of levels), no transition at either end or twice in
a row, no empty headings; relative addresses resolved against the old blog's.
Each change, and what is left as it was, is a note for the import report.
"""

from __future__ import annotations

import bisect
import contextlib
import copy
import functools
import itertools
import re
import secrets
import warnings
from dataclasses import dataclass, field
from html import escape, unescape
from html.entities import html5
from urllib.parse import quote, unquote, urljoin, urlsplit

import html5lib
import html5lib.serializer
import nh3
from bs4 import (
    BeautifulSoup,
    Comment,
    MarkupResemblesLocatorWarning,
    NavigableString,
    Tag,
    XMLParsedAsHTMLWarning,
)
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdownify import MarkdownConverter, chomp

from ..htmltokens import browser_comments, tokens
from ..links import PASTED
from ..model import IMPORTED_MARKUP
from .pasted import next_shown, word_footnotes, word_lists

#: Link and image schemes an import may keep; anything else (javascript:,
#: vbscript:, data:, file:, ...) is dropped.  Relative addresses are kept.
SCHEMES = {"http", "https", "mailto"}
#: Characters left as they are in an address: those URLs use for their syntax,
#: and ``%`` (already-encoded text).  The rest is percent-encoded.
URL_SAFE = ":/?#[]@!$&'*+,;=%~-._"
LEXER = "data-lexer"
DEFINED = "data-defined"  # a definition list MyST can write (:func:`_definition_lists`)
ALIGN = "data-align"  # a block's alignment, as :func:`_alignments` found it
SIDE, WIDTH = "data-side", "data-width"  # a picture's side and width (:func:`_pictures_placed`)
COLUMNS = "data-columns"  # a gallery's columns, as :func:`_gallery_columns` found them
#: The block editor's columns (and media and text) side by side: the
#: division of them all (``COLUMNS``) and each column's (:func:`_columns_marked`).
COLUMN = "data-column"
#: A table written as MyST's list-table, its rows, cells and caption, as
#: :func:`_list_tables` names them after the sanitiser; a cell's Markdown and
#: the header's rows, as :class:`_ListTables` reads them.
LIST_TABLE, LIST_ROW, LIST_CELL, LIST_CAPTION = "listtable", "listrow", "listcell", "listcaption"
WRITTEN, HEADER_ROWS = "data-written", "data-header-rows"
AS_LIST = "data-list-table"  # a table to write so, as :func:`_as_list_table` found
CAPTION_BELOW = "caption-below"  # a table's caption its blog showed under it (imported.css)
ATTRIBUTES = {
    **nh3.ALLOWED_ATTRIBUTES,
    **{name: {ALIGN} for name in ("p", "center")},
    "div": {ALIGN, COLUMNS, COLUMN},
    "a": {"href", "title", "name"},
    "img": {"src", "alt", "title", "width", "height", SIDE, WIDTH},
    "pre": {LEXER},  # the code's language, as :func:`_code_languages` found it
    "abbr": {"title"},  # what it stands for: shown when the reader points at it
    "acronym": {"title"},
    "ol": {"start", "type", "reversed"},  # its numbers, as :func:`_list_numbers` named them
    "figure": {COLUMNS},
}
#: The sanitiser's tags, and ``<big>`` (HTML 4's, as ``<small>`` is): :func:`_spanned`;
#: ``<tfoot>``, whose rows a browser shows last wherever they are (:func:`_tables_as_lists`).
TAGS = {*nh3.ALLOWED_TAGS, "big", "tfoot"}
#: Placeholders for what the sanitiser would drop (embeds) or cannot know (the
#: "more" break): plain words it keeps, swapped back after it has run.  Each
#: holds a number drawn when the importer starts, which no post can hold: a
#: post about this tool, holding "blogarchivekept5", had it taken for a mark.
_DRAWN = secrets.token_hex(4)
MORE = f"blogarchive{_DRAWN}morebreak"
EMBED = f"blogarchive{_DRAWN}embed"
KEPT = f"blogarchive{_DRAWN}kept"  # then the index of markup kept as it was (``kept``)
FORMULA = f"blogarchive{_DRAWN}formula"  # a LaTeX formula's (``formulas``): :func:`mark`
FOOTNOTE = f"blogarchive{_DRAWN}footnote"  # a footnote's (``footnotes``): :func:`mark`
HELD = f"blogarchive{_DRAWN}held"  # markup :func:`_line_breaks` leaves as it is
COLUMN_BREAK = f"blogarchive{_DRAWN}column"  # where a column opens, as it is written
#: The site's ``blog_path`` in a link to the archive's own page (:func:`listed_placeholder`),
#: which the importer, knowing the site, replaces (blocks.listed_here).
BLOG_PATH = f"blogarchive{_DRAWN}blogpath"


def mark(kind: str, number: int) -> str:
    """The mark ``kind`` (:data:`FORMULA`, :data:`FOOTNOTE`, :data:`HELD`) of item ``number``
    of its list, in a post's text: ended by a letter, so that a digit after
    it ("$latex x$2") is the text's, not the number's (:func:`_marks`)."""
    return f"{kind}{number}z"


def _marks(kind: str, text: str, shown, items: list) -> str:
    """``text`` with each :func:`mark` of ``kind`` as ``shown(number)``; a
    number ``items`` has no item for is the post's own words."""
    return re.sub(
        f"{kind}(\\d+)z",
        lambda m: shown(int(m[1])) if int(m[1]) < len(items) else m[0],
        text,
    )


EMBEDDING = ("iframe", "video", "audio", "embed", "object")
#: Shown as code (<tt> is made <code>): no mark, no picture in it.
CODE_TAGS = ("pre", "code", "kbd", "samp")


@dataclass
class Converted:
    """A post body as MyST, with what converting it changed or left alone."""

    text: str
    excerpt: int | None = None  # paragraphs before the "more" break
    notes: list[str] = field(default_factory=list)
    image: int | None = None  # the picture an excerpt of no paragraph shows
    #: Addresses of the pictures and files the post uses, as written in ``text``
    #: (images, the full-size picture behind a thumbnail, attachments), then
    #: ``srcset`` candidates, which the text does not show: for media.py to keep.
    media: list[str] = field(default_factory=list)


#: Links to these are attachments (files the post offers), kept with the post.
ATTACHMENT = re.compile(
    r"\.(jpe?g|png|gif|webp|svg|bmp|tiff?|pdf|docx?|xlsx?|pptx?|odt|ods|rtf|txt|csv|zip"
    r"|mp3|m4a|ogg|wav|mp4|m4v|webm|mov)$",
    re.I,
)


def _media(soup: BeautifulSoup, base_url: str | None) -> list[str]:
    """Every picture and file the post uses, absolute, in the order it uses them."""
    found: list[str] = []

    def add(value: str | None) -> None:
        if not value or value.startswith(("data:", "#")):
            return
        url = safe_url(_absolute(value, base_url))
        if url and urlsplit(url).scheme in ("http", "https") and url not in found:
            found.append(url)

    for img in soup.find_all("img"):
        pasted = pasted_picture(img.get("src"))
        if pasted and pasted not in found:  # kept as a file too (media.py)
            found.append(pasted)
        add(img.get("src"))
        link = img.find_parent("a")
        if link is not None and link.get("href"):
            add(link["href"])  # Blogger: an s320 thumbnail linked to its s1600 original
    for link in soup.find_all("a", href=True):
        if ATTACHMENT.search(urlsplit(link["href"]).path):
            add(link["href"])
    for player in soup.find_all(["video", "audio", "source"], src=True):
        if ATTACHMENT.search(urlsplit(player["src"].strip()).path):
            add(player["src"])  # a sound or video file the post played (media_placeholder)
    for img in soup.find_all(["img", "source"], srcset=True):
        for candidate in img["srcset"].split(","):
            add(candidate.strip().split(" ")[0])
    return found


def _absolute(value: str, base_url: str | None) -> str:
    """An address as the old blog's page had it: resolved against the post's
    address ``base_url``; a protocol-relative one with no such address, https.
    (The pictures and files kept, and the embeds linked, resolved alike: a
    kept file is found in the text by this address, media.rewrite.)"""
    value = value.strip()
    url = urljoin(base_url, value) if base_url else value
    return "https:" + url if url.startswith("//") else url


def with_enclosures(html: str, urls: list[str], notes: list[str]) -> str:
    """A post's HTML with its enclosures (a podcast's audio: outside the text
    in both exports) linked at its end, "Attached: episode-1.mp3", so that
    they are kept as any attachment; one the text already links or embeds
    (WordPress makes an enclosure of each audio or video file a post links)
    is not repeated, one with an unsafe address is left out."""
    for url in urls:
        if url.strip() and url.strip() in html:
            continue
        address = safe_url(url)
        if address is None or not urlsplit(address).scheme:
            notes.append(f"dropped: enclosure {url!r}, not a web address")
            continue
        name = file_name(address) or address
        html += f'\n<p>Attached: <a href="{escape(address)}">{escape(name)}</a></p>'
        notes.append(f"changed: enclosure {url!r} linked at the end")
    return html


def file_name(url: str) -> str:
    """The name of the file an address ends in, decoded ("" where it ends in none)."""
    return unquote(urlsplit(url).path.rsplit("/", 1)[-1])


def provider(url: str) -> str:
    """The host an embed comes from, for the reader: ``www.youtube.com`` -> ``youtube.com``."""
    host = urlsplit(url).hostname or "another site"
    return host.removeprefix("www.")


def embed_placeholder(kind: str, url: str, title: str = "") -> str:
    """MyST for an embed that loads nothing: a note naming the provider, and a link."""
    name = title or f"{kind} on {provider(url)}"
    return (
        "```{admonition} " + escape_text(name) + "\n:class: embed-placeholder\n\n"
        f"[Open the {kind.lower()} on {provider(url)}](<{url}>) (embedded in the old blog;"
        " nothing is loaded from there until you follow the link).\n```"
    )


#: What the old blog showed of its own posts, months, categories or tags, or
#: its search box, as WordPress made it each time a page was shown (a block's,
#: a shortcode's, a page template's: blocks.py, wordpress.py), by name: what the
#: reader is told, and the page of the archive (a path from the site's root,
#: ``{blog}`` its ``blog_path``) that lists the same (model.py, pages.py).  The
#: converter takes what :func:`listed` writes for one (:func:`_take_embeds`).
LISTED_HERE = {
    "archives": ("Archives", "All posts, by year and month", "/{blog}/"),
    "calendar": ("Calendar", "All posts, by year and month", "/{blog}/"),
    "latest-posts": ("Latest posts", "The newest posts", "/"),
    "categories": ("Categories", "Every category", "/{blog}/category/"),
    "tag-cloud": ("Tags", "Every tag", "/{blog}/tag/"),
    "search": ("Search", "Search the archive", "/search.html"),
}


def listed(name: str, kind: str = "", named: str = "", folder: str = "") -> str:
    """What stands for the list ``name`` (:data:`LISTED_HERE`) in a post's HTML,
    which the converter takes for one; the newest posts of one category, tag
    or author (``kind``: :data:`OF_ONE`) ``named``, whose page is in ``folder``,
    with this process's token: a post's own markup cannot name a page (the
    build would fail on one not there)."""
    if kind in OF_ONE and named and FOLDER.fullmatch(folder):
        shown = f' data-kind="{kind}" data-named="{escape(named)}" data-folder="{folder}"'
        return f'<iframe data-listed="{name}"{shown} data-drawn="{_DRAWN}"></iframe>'
    return f'<iframe data-listed="{name}"></iframe>'


#: The newest posts of one category, tag or author, by the folder of their
#: pages here (model.CATALOGS): the words of the link to that page.
OF_ONE = {"category": "in", "tag": "tagged", "author": "by"}
#: A category's, tag's or author's folder here (model.folders).
FOLDER = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _listed_embed(tag: Tag) -> tuple[str, str, str]:
    """The embed (:func:`_take_embeds`) a list of :func:`listed`'s stands for:
    ``("Listed", name, "")``, or for one category's (tag's, author's)
    ``("Listed", "name:kind:folder", its name)``."""
    name, kind, folder = tag["data-listed"], tag.get("data-kind"), tag.get("data-folder", "")
    if (
        tag.get("data-drawn") == _DRAWN
        and kind in OF_ONE
        and tag.get("data-named")
        and FOLDER.fullmatch(folder)
    ):
        return ("Listed", f"{name}:{kind}:{folder}", tag["data-named"])
    return ("Listed", name, "")


def listed_placeholder(name: str, kind: str = "", folder: str = "", named: str = "") -> str:
    """MyST for a list the old blog made as the page was shown (:data:`LISTED_HERE`):
    a note, as an embed's, linking to the archive's page that lists the same;
    the newest posts of one category, tag or author (``kind``) ``named``, to
    its page (in ``folder``)."""
    title, words, path = LISTED_HERE[name]
    if kind in OF_ONE and named:
        words = f"{words} {OF_ONE[kind]} {escape_text(named)}"
        path = f"/{{blog}}/{kind}/{folder}/"
    return (
        "```{admonition} " + title + "\n:class: embed-placeholder\n\n"
        f"[{words}](<{path.format(blog=BLOG_PATH)}>) (the old blog made this part of the"
        " page each time it was shown; the archive has a page of its own for it).\n```"
    )


def media_placeholder(kind: str, url: str, title: str = "") -> str:
    """MyST for a sound or video file the old blog played in the post: a
    note and a link to the file, which the import keeps beside the post
    when it can (media.py rewrites the link); nothing plays by itself."""
    name = file_name(url) or url
    what = f"{'an' if kind == 'Audio' else 'a'} {kind.lower()} file"
    return (
        "```{admonition} " + escape_text(title or kind) + "\n:class: embed-placeholder\n\n"
        f"[{escape_text(name)}](<{url}>) ({what} the old blog played in the"
        " post; follow the link to play it).\n```"
    )


def fence(*texts: str) -> str:
    """A code fence longer than any run of backticks in ``texts``: a shorter one
    in them would close it, and what follows would be read as MyST (a
    ``{raw} html`` directive, live)."""
    return "`" * max([3, *(len(run) + 1 for text in texts for run in re.findall(r"`+", text))])


def unconverted_note(source: str) -> str:
    """MyST for markup the importer could not convert, kept visible in the post."""
    inner = fence(source)
    outer = inner + "`"
    return (
        f"{outer}{{admonition}} Not converted from the old blog\n:class: import-note\n\n"
        f"{inner}text\n{source}\n{inner}\n{outer}"
    )


BLOCKS = {
    "p", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "hr", "figure",
}  # fmt: skip
WRAPPERS = {"div", "section", "article", "center"}


# Inline characters Markdown would read as code, links, HTML or escapes;
# "{", which before code is a MyST role ("{doc}`x`", "{download}`/etc/passwd`");
# "~", which MyST's strikethrough reads ("~~x~~"); and an "&" that starts a
# reference Markdown would read again ("&lt;p&gt;" as text, not "<p>").
INLINE = re.compile(r"([\\`\[\]<{~]|&(?=#?[A-Za-z0-9]+;))")
# What Markdown reads as a block when it opens a paragraph or list item (or a
# line after a hard break): a heading, a list item, a quote, a heading's
# underline; and MyST's comment ("% of children..."), block break ("+++"),
# tilde fence, target ("(name)=", any line from "(" to ")=": "(x)=(y)=") and
# table row ("| Year |"), and a table's line under its head (":---:|:---",
# which made the line of words above it, "Year | Rate", a table's head).
BLOCK_START = re.compile(
    r"^(#{1,6}(?=\s|$)|[-+*](?=\s|$)|\d{1,9}[.)](?=\s|$)|>|=+\s*$|-+\s*$"
    r"|%|\+{3}|~{3}|\(.+\)=\s*$|\||[:~](?=\s|$)|:?-+:?[ \t]*\|)"
)


#: A block after a line break: Markdown's blank line before it (a word's line
#: has none: markdownify writes a text's white space as one space).
BLOCK_AFTER = re.compile(r"[ \t]*\n[ \t]*\n")
PICTURE = f"blogarchive{_DRAWN}picture"  # a pasted picture's place while the sanitiser runs
BANG = f"blogarchive{_DRAWN}bang"  # after words ending in "!", while they are written


#: What is not text in HTML: a comment, a declaration, a tag with its
#: attributes (quoted values may hold ">"), and the text of a script or style,
#: which holds no references.  Possessive (``*+``): an unclosed tag of many
#: words had the search try every way of splitting them (minutes for 36
#: characters).
_MARKUP = re.compile(
    r"""<!--.*?-->|<[!?][^>]*>|<(?P<raw>script|style)\b.*?</(?P=raw)\s*>"""
    r"""|</?[A-Za-z][^\s/>]*+(?:\s*+(?:[^\s/>=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?|/))*+\s*+>""",
    re.S | re.I,
)
#: A named reference in an attribute's value, with its ";" if it has one.
_NAMED_REFERENCE = re.compile(r"&([A-Za-z][A-Za-z0-9]*)(;?)(?=(=?))")


#: A post that opens with an XML declaration (a page saved from a word
#: processor) is HTML still, and a post that is an address alone (a link
#: shared) is the post's text: Beautiful Soup's advice to read the one as
#: XML and to fetch the page at the other, a screenful on the terminal of
#: each import, is not for us (nor for any of the importers' parsers, which
#: read posts' HTML).
warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)


def soup_of(html: str) -> BeautifulSoup:
    """``html`` parsed (Beautiful Soup's html.parser builder), its references
    read as a browser reads them (HTML's rules for character references).
    That builder and Python's parser under it read them otherwise, and a
    post lost what its readers saw:

    - in text, it dropped the ";" of a name HTML does not have ("AT&T;",
      "&xxe;" came in as "AT&T", "&xxe"; bs4's ``handle_entityref``), and
      kept as written an old name or a number without its ";" that a
      browser reads ("&nbsp", "I &lt3 it");
    - in an attribute, it read an old name followed by a letter, a digit or
      "=", which a browser does not: a bare "&" in an address
      ("?a=1&region=uk") became "®ion=uk", and the link led nowhere.

    So each text between tags is given to it as the characters a browser
    shows (``html.unescape`` follows HTML's rules for text), and in each
    attribute an "&" that a browser reads as itself is written ``&amp;``;
    and each comment ends where a browser ends it (htmltokens.py: Python's
    parser raised on ``<![ x>``, and read ``<!-->`` on past the words after it)."""
    return BeautifulSoup(_as_browsers_read(browser_comments(html)), "html.parser")


def as_browsers_build(html: str, notes: list[str]) -> str:
    """``html`` as a browser builds it into a post's ``<div>`` (html5lib: the
    HTML standard's tree building, as ``innerHTML`` does), written out again
    for Python's parser (:func:`soup_of`), which reads that back unchanged;
    when it differs from Python's reading (:func:`_marks_left_open`).
    Read by Python's parser alone, a ``<b>`` or an ``<a>`` that a paragraph's
    end interrupts was lost after it, where a browser goes on with it in the
    next paragraph (the standard's "active formatting elements"): a bold
    passage of two paragraphs, as WordPress's paragraphs break one, came in
    bold for its first.  html5lib, not nh3 (html5ever, the same tree): nh3
    cleans as it parses, and the converter reads what the cleaning takes
    out (scripts, embeds, styles).  A post too long or of too many marks
    open for it is read as Python reads it, noted."""
    left_open = _marks_left_open(html)
    if left_open is None:
        notes.append(
            "left as is: a bold, italic or link mark left open where a block ends is not"
            " carried on into the next block, as browsers carry it (the post is longer than"
            f" {LONGEST // 1000} kB or leaves more than {MOST_OPEN} marks open at once)"
        )
    if not left_open:
        return html  # (soup_of reads its comments as a browser does)
    fragment = html5lib.parseFragment(browser_comments(html), container="div")
    return html5lib.serializer.serialize(
        fragment,
        tree="etree",
        quote_attr_values="always",
        minimize_boolean_attributes=False,
        omit_optional_tags=False,
        resolve_entities=False,
    )


#: The HTML standard's formatting elements: a browser carries one that a
#: block's end interrupts on into the next block.
FORMATTING = {
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
}  # fmt: skip
#: Past these, a post is read as Python reads it (:func:`_marks_left_open`):
#: html5lib's tree building takes time as the square of the marks left open
#: (5000 ``<b>``s before 5000 paragraphs, 3 s; twice as many, 12 s) or of
#: the blocks they interrupt (``<font><p>x</font>`` 5000 times, 85 kB, 0.9 s;
#: twice, 3.3 s), and no post its author wrote has that many open or is
#: that long.
MOST_OPEN, LONGEST = 64, 100_000
_TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")


def _marks_left_open(html: str) -> bool | None:
    """Whether a formatting element is open where a block starts or ends, as
    Python's parser reads the tags: where a browser may carry it on and
    Python's parser does not (:func:`as_browsers_build`); ``None`` where one
    is, past :data:`MOST_OPEN` or :data:`LONGEST` (a block after more than
    :data:`MOST_OPEN` marks open is taken for one: counting them all, in
    their order, takes time as their square)."""
    lowered = html.lower()
    if not any(f"<{name}" in lowered for name in FORMATTING):
        return False
    open_marks: list[str] = []
    found = too_many = False
    for _start, closed in tokens(html):
        if closed is None:
            break
        name = _TAG_NAME.match(closed[0])
        if name is None:
            continue
        name, ending = name[1].lower(), closed[0][1] == "/"
        if name in FORMATTING:
            if too_many:
                continue
            if not ending:
                open_marks.append(name)
                too_many = len(open_marks) > MOST_OPEN
            elif name in open_marks:
                del open_marks[len(open_marks) - 1 - open_marks[::-1].index(name)]
        elif open_marks and name in BLOCK_LEVEL:
            found = True
            if too_many:
                break
    if not found:
        return False
    return None if too_many or len(html) > LONGEST else True


def _as_browsers_read(html: str) -> str:
    if "&" not in html:
        return html
    parts, last = [], 0
    for markup in _MARKUP.finditer(html):
        parts.append(_text_as_shown(html[last : markup.start()]))
        tag = markup.group(0)
        is_tag = tag[1:2].isalpha() and markup.group("raw") is None
        if is_tag and _NEVER_CLOSED.match(tag):
            # a script or style of no end: all the rest is its text, to a browser
            # and to Python's parser (each later "<script>" had been looked for
            # its end to the last character, in time the square of the length)
            return "".join([*parts, html[markup.start() :]])
        parts.append(_NAMED_REFERENCE.sub(_attribute_reference, tag) if is_tag else tag)
        last = markup.end()
    parts.append(_text_as_shown(html[last:]))
    return "".join(parts)


#: A script's or style's start, read as a tag: no end of it follows (:data:`_MARKUP`).
_NEVER_CLOSED = re.compile(r"<(script|style)\b", re.I)


def _text_as_shown(text: str) -> str:
    return escape(unescape(text), quote=False) if "&" in text else text


def _attribute_reference(found: re.Match) -> str:
    """A reference in an attribute as a browser reads it: a name HTML has,
    with its ";", or an old one without it and not followed by "="; else
    the "&" as itself."""
    name, semicolon, equals = found.groups()
    if (name + ";" in html5) if semicolon else (name in html5 and not equals):
        return found.group(0)
    return "&amp;" + found.group(0)[1:]


def sanitise(html: str) -> str:
    """Imported HTML with nothing active left: tags, attributes and URL schemes by allowlist."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel=None,
        strip_comments=False,
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
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not host.isascii():  # (the name after any "user@", where the address wrote it)
        at = url.index(parts.netloc) + parts.netloc.lower().rindex(host)
        url = url[:at] + ascii_host(host) + url[at + len(host) :]
    return quote(url, safe=URL_SAFE)


def ascii_host(host: str) -> str:
    """A host's name in other letters (``bücher.de``, ``🚀-science.com``) as
    the ASCII a browser sends for it (``xn--bcher-kva.de``): percent-encoded,
    as the rest of an address is, it named no host a reader's browser looks
    up, and no link to the old blog's own pages was found as one."""
    return ".".join(
        label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii")
        for label in host.lower().split(".")
    )


class _Figures:
    """A ``<figure>`` (or WordPress's gallery block) as MyST figures, for
    :class:`_Converter`: its picture a figure directive with its caption, a
    gallery a figure for each picture, and the rest of what it holds kept."""

    def convert_figure(self, el, text, parent_tags):
        images = el.find_all("img")
        if len(images) > 1:  # a gallery (WordPress's block): a figure for each picture
            return self._gallery(el, images, parent_tags)
        image = images[0] if images else None
        caption = el.find("figcaption")
        figure = self._figure(image, caption, parent_tags)
        return text if figure is None else self._around(el, image, caption, figure, parent_tags)

    def _around(self, el, image, caption, figure: str, parent_tags) -> str:
        """The figure directive where its picture was, and whatever else the
        ``<figure>`` holds around it (a paragraph before the picture, words
        beside it in a link or paragraph): none of it dropped."""
        holder = image
        while holder.parent is not el:
            holder = holder.parent
        out = []
        for child in el.children:
            if child is caption:
                continue
            if child is not holder:
                if caption is not None and any(above is child for above in caption.parents):
                    child = copy.copy(child)  # the caption in a division: the figure's,
                    child.find("figcaption").decompose()  # not shown twice
                out.append(self.process_element(child, parent_tags))
                continue
            out.append(f"\n\n{figure}\n\n")
            rest = copy.copy(holder) if holder is not image else None
            for taken in rest.find_all(["img", "figcaption"]) if rest is not None else ():
                taken.decompose()
            if rest is not None and rest.get_text(strip=True):
                out.append(self.process_element(rest, parent_tags))
        return "\n\n" + "".join(out).strip("\n") + "\n\n"

    def _gallery(self, el, images, parent_tags) -> str:
        """Each picture of a gallery a figure, with its own caption (the
        ``<figcaption>`` of the ``<figure>`` it is in), then the gallery's; all
        in a ``gallery`` container of as many columns as the blog showed
        (``_static/imported.css`` sets them side by side, as its theme did:
        one under another, a 40-picture gallery was a page of scrolling)."""
        out, shown, pictures = [], [], 0
        for image in images:
            own = image.find_parent("figure")
            caption = own.find("figcaption") if own is not el else None
            shown.append(caption)
            figure = self._figure(image, caption, parent_tags)
            pictures += figure is not None
            out.append(figure or self.process_tag(image, parent_tags))  # its alt text
        for caption in el.find_all("figcaption"):  # the gallery's (and a gallery's in it)
            if not any(caption is taken for taken in shown):
                text = self.process_tag(caption, parent_tags).strip()
                out.append("\n\n" + _escape_start(text))
        inner = "".join(out).strip("\n")
        if pictures < 2:  # (a picture and its lazy-loading copy, which names no file)
            return f"\n\n{inner}\n\n"
        outer = fence(inner)  # longer than any fence inside
        columns = min(int(el.get(COLUMNS, "3")), pictures)
        return f"\n\n{outer}{{container}} gallery columns-{columns}\n{inner}\n{outer}\n\n"

    def _figure(self, image, caption, parent_tags) -> str | None:
        src = safe_url(image.get("src")) if image else None
        if src is None:
            return None
        caption_text = self.process_tag(caption, parent_tags) if caption else ""
        if caption:  # its words, not a block's marks ("> quote": a quotation)
            caption_text = _own_words(caption, caption_text.strip())
        side = image.get(SIDE) if image.get(SIDE) in ("left", "right") else None
        return figure_directive(
            src, image.get("alt") or "", caption_text, _page_linked(image), side
        )


class _ListTables:
    """A table :func:`_list_tables` renamed, as MyST's ``{list-table}``, for
    :class:`_Converter`: each cell's Markdown written as a list item's, so
    that it holds what a pipe table's one line cannot (lines, paragraphs,
    lists, code), and a table with no header row has none."""

    def convert_listcell(self, el, text, parent_tags):
        el[WRITTEN] = text.strip()
        return ""

    def convert_listcaption(self, el, text, parent_tags):
        el[WRITTEN] = " ".join(text.split())
        return ""

    def convert_listrow(self, el, text, parent_tags):
        return ""

    def convert_listtable(self, el, text, parent_tags):
        rows = [
            [
                written
                for cell in row.find_all(LIST_CELL, recursive=False)
                for written in [cell.get(WRITTEN, ""), *[""] * (_span(cell) - 1)]
            ]
            for row in el.find_all(LIST_ROW)
        ]
        caption = el.find(LIST_CAPTION, recursive=False)
        title = caption.get(WRITTEN, "") if caption is not None else ""
        below = el.has_attr(CAPTION_BELOW)
        return f"\n\n{list_table(rows, int(el[HEADER_ROWS]), title, below)}\n\n"


def list_table(
    rows: list[list[str]], header_rows: int, caption: str = "", below: bool = False
) -> str:
    """MyST's ``{list-table}`` of ``rows`` (each a list of its cells'
    Markdown), its first ``header_rows`` the table's header; its ``caption``
    shown under it where ``below``."""
    lines = []
    for row in rows:
        for column, written in enumerate(row):
            first, *rest = written.split("\n")
            marker = "* -" if column == 0 else "  -"
            lines.append(f"{marker} {first}" if first else marker)
            lines.extend(f"    {line}" if line.strip() else "" for line in rest)
    body = "\n".join(lines)
    # Tildes: a backtick fence's first line may hold no backtick (the caption's code)
    marks = "~" * max([3, *(len(run) + 1 for run in re.findall(r"~+", body + caption))])
    head = f"{marks}{{list-table}} {caption}".rstrip()
    options = f":header-rows: {header_rows}\n" if header_rows else ""
    options += f":class: {CAPTION_BELOW}\n" if below and caption else ""
    return f"{head}\n{options}\n{body}\n{marks}"


#: Where a mark's stars (or tildes) open and where they close, in the
#: Markdown being written (:func:`_delimited`); gone once :func:`_flanked` read them.
OPENS, CLOSES = f"blogarchive{_DRAWN}opens", f"blogarchive{_DRAWN}closes"
#: Italics closing where italics open, or bold where bold does ("<i>a</i>
#: <abbr><em>...": marks apart when they were joined, an abbreviation no
#: role can write between), written as one, as a browser shows them: the
#: stars between ("**", "****") had closed and opened, which CommonMark
#: reads otherwise.  (A star of the words is escaped: "\*".)
MARKS_MEET = re.compile(rf"(?<![*\\])(\*\*?){CLOSES}{OPENS}\1(?!\*)")


#: Line breaks (markdownify's, and their mark) at the start or the end of a
#: mark's words; in a heading or a table's cell, where a line break is a
#: space, " \ue000" (a mark in a heading opening with one had its stars
#: before a space, shown as stars: "## ** [Title]{.underline}**").
LEADING_BREAKS = re.compile(r"(?:\s*\ue000)*")
TRAILING_BREAKS = re.compile(r"(?:\s*\ue000)+\s*$|$")
EDGE_SPACE, EDGE_SPACE_END = re.compile(r"\s*"), re.compile(r"\s*$")


#: What markdown-it shows otherwise in an address written as a link of its own
#: (``<http://...>``): percent-encoded characters decoded, a punycode host in Unicode.
SHOWN_DECODED = re.compile(r"%[0-9A-Fa-f]{2}|xn--", re.I)


@contextlib.contextmanager
def _autolinks(converter, allowed: bool):
    """markdownify writes a link whose words are its address as ``<address>``
    only where ``allowed``: markdown-it shows such an address decoded
    (:data:`SHOWN_DECODED`), not as its author wrote it."""
    converter.options["autolinks"] = allowed
    try:
        yield
    finally:
        converter.options["autolinks"] = True


def _delimited(convert):
    """markdownify's conversion of an inline mark, its delimiters marked
    where they open and close (``OPENS``, ``CLOSES``)."""

    def implementation(self, el, text, parent_tags):
        if text and not text.replace("\ue000", "").strip():  # line breaks alone: no mark's
            return text  # ("<b><br></b>" had been "**" and "**" around nothing: "****", a rule)
        # A line break at either end is no mark's: the stars go on its words.  (Its
        # closing "**" on the next line closed nothing, and the page showed "**".)
        lead = LEADING_BREAKS.match(text or "").group()
        trail = TRAILING_BREAKS.search(text or "").group()
        if lead or trail:
            core = text[len(lead) : len(text) - len(trail)]
            return lead + implementation(self, el, core, parent_tags) + trail
        written = convert(self, el, text, parent_tags)
        marked = written.strip(" ")  # (markdownify moves a space at either end outside)
        if "_noformat" in parent_tags or not marked:
            return written or (" " if text and text.isspace() else "")  # ("a<b> </b>c")
        at = written.index(marked)
        return written[:at] + OPENS + marked + CLOSES + written[at + len(marked) :]

    return _spaces_outside(implementation)


def _spaces_outside(conversion):
    """``conversion`` of a mark or a link, a space other than " " at either
    end of its words (a no-break space: "<i>declară&nbsp;</i>nicio", "<a>&nbsp;
    краской</a>") written outside it, as it is: markdownify strips every
    space at the ends and puts back plain ones alone, and the words around
    ran together ("declarănicio")."""

    def conversion_with_spaces(self, el, text, parent_tags):
        lead = EDGE_SPACE.match(text or "").group()
        trail = EDGE_SPACE_END.search(text or "").group() if lead != text else ""
        if not (lead + trail).strip(" ") or not (text or "").strip():
            return conversion(self, el, text, parent_tags)
        core = text[len(lead) : len(text) - len(trail)]
        return lead + conversion(self, el, core, parent_tags) + trail

    return conversion_with_spaces


def _role_spaces_outside(conversion):
    """``conversion`` of a superscript, a subscript or an abbreviation, a
    space at either end of its words written outside it: a role's words are
    written without them ("{sup}`a`"), and "x<sup>a </sup>b" had run
    together, "x{sup}`a`b" (a no-break space kept as one)."""

    def conversion_with_spaces(self, el, text, parent_tags):
        written = conversion(self, el, text, parent_tags)
        words = el.get_text()
        if "_noformat" in parent_tags or not written.strip() or not words.strip():
            return written
        lead, trail = words[: len(words) - len(words.lstrip())], words[len(words.rstrip()) :]
        return _one_space(lead) + written.strip(" ") + _one_space(trail)

    return conversion_with_spaces


def _one_space(spaces: str) -> str:
    return "" if not spaces else "\xa0" if "\xa0" in spaces else " "


def _not_pictures(text: str) -> str:
    """The Markdown with the "!" ending words (marked by ``BANG``; never
    code's, where "vec![1]" is the code) escaped right before a link or a
    span: "Wow![link](...)" made the link a picture, one from another host."""
    return re.sub(f"!{BANG}(?=\\[)", r"\\!", text).replace(BANG, "")


def _flanked(text: str) -> str:
    """The Markdown with each mark's stars (or tildes) read as its opening and
    closing, as they would not be by CommonMark's rules alone: stars after
    a letter and before punctuation do not open ("x*(aside)*"), after
    punctuation and before a letter do not close ("**UPDATE:**The",
    "*"quoted"*s", "**[link](...)**b"), and showed as text.  The letter
    beside them is written as its character reference instead ("&#84;he"),
    which CommonMark reads as punctuation there and shows as the letter: the
    reader sees the author's characters, marked as they showed.  Italics
    closing or opening where bold does (:func:`_italics_apart`) are
    written with underscores.  (Each run of stars, tildes or underscores is
    read as markdown-it, which MyST parses with, reads it: the characters on
    either side of the whole run.)"""
    if OPENS not in text:
        return text
    while (joined := MARKS_MEET.sub("", text)) != text:  # (italics joined, their bold may meet)
        text = joined
    pieces, events = [], []  # the text without the marks; where they were, in order
    length = 0
    for piece in re.split(f"({OPENS}|{CLOSES})", text):
        if piece in (OPENS, CLOSES):
            events.append((length, piece == OPENS))
        else:
            pieces.append(piece)
            length += len(piece)
    opens = [at for at, opening in events if opening]
    closes = [at for at, opening in events if not opening]
    text = _italics_apart("".join(pieces), events, opens, closes)
    as_reference: set[int] = set()
    for run in re.finditer(r"(?<!\\)(?:\*+|~+|_+)", text):  # (not an escaped one: "\\*")
        start, end = run.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        opening = bisect.bisect_left(opens, start) < bisect.bisect_left(opens, end)
        closing = bisect.bisect_right(closes, start) < bisect.bisect_right(closes, end)
        strict = run.group()[0] == "_"  # which opens and closes at no letter
        if opening and _other(before) and (_punctuation(after) or strict):
            as_reference.add(start - 1)
        if closing and _other(after) and (_punctuation(before) or strict):
            as_reference.add(end)
    if not as_reference:
        return text
    chars = list(text)
    for at in as_reference:
        chars[at] = f"&#{ord(chars[at])};"
    return "".join(chars)


def _punctuation(char: str) -> bool:
    return isMdAsciiPunct(ord(char)) or isPunctChar(char)


def _other(char: str) -> bool:  # neither space nor punctuation: a letter, a digit...
    return not isWhiteSpace(ord(char)) and not _punctuation(char)


def _italics_apart(
    text: str, events: list[tuple[int, bool]], opens: list[int], closes: list[int]
) -> str:
    """``text`` with italics written with underscores where they close or
    open in one run of stars with another mark closing or opening: the run
    opens and closes, and CommonMark pairs it otherwise ("*see **this*****now**"
    showed "*see" and a star; its rule of three).  Underscores are a run
    of their own: "_see **this**_**now**".  ``events``: where each mark's
    delimiters open (True) and close, in the order they were written (so
    by where they are: each step here is a search, a post of thousands of
    marks is read once); ``opens`` and ``closes``, their places apart."""
    runs = [run.span() for run in re.finditer(r"(?<!\\)\*+", text)]
    mixed = {
        start
        for start, end in runs
        if bisect.bisect_left(opens, start) < bisect.bisect_left(opens, end)
        and bisect.bisect_right(closes, start) < bisect.bisect_right(closes, end)
    }
    if not mixed:
        return text
    starts = [start for start, _ in runs]

    def in_mixed(at: int) -> bool:  # the star at ``at`` is in a run that opens and closes
        found = bisect.bisect_right(starts, at) - 1
        return found >= 0 and runs[found][0] in mixed and at < runs[found][1]

    stack, chars = [], list(text)
    for number, (at, opening) in enumerate(events):
        if opening:
            stack.append(number)
            continue
        if not stack:
            continue
        first = stack.pop()
        opened = events[first][0]
        if not (_one_star(text, events, first) and _one_star(text, events, number)):
            continue  # bold, struck out: not italics
        beside = (chars[opened - 1] if opened else "") + (chars[at] if at < len(chars) else "")
        if (in_mixed(opened) or in_mixed(at - 1)) and "_" not in beside:
            chars[opened], chars[at - 1] = "_", "_"  # (not beside italics written so:
            # "*a**b*", two, had been "_a__b_", a run of two that closed neither; "_a_*b*")
    return "".join(chars)


def _one_star(text: str, events: list[tuple[int, bool]], number: int) -> bool:
    """The mark of the event ``number`` is delimited by one star (italics):
    the stars between its event and the one beside it in that run."""
    at, opening = events[number]
    step = 1 if opening else -1
    beside = number + step
    while 0 <= beside < len(events) and events[beside][0] == at:
        beside += step  # (marks opened or closed at one place: nested)
    if opening:
        bound = events[beside][0] if beside < len(events) else len(text)
        stars = re.match(r"\*+", text[at:bound])
    else:
        bound = events[beside][0] if beside >= 0 else 0
        stars = re.search(r"(?<!\\)\*+$", text[bound:at])  # ("delta\\**": one)
    return stars is not None and len(stars.group()) == 1


ITALICS = _delimited(MarkdownConverter.convert_em)


def ABBREVIATION(self, el, text, parent_tags):  # noqa: N802 (a conversion, as ITALICS is)
    """An abbreviation with what it stands for (its title) is MyST's
    ``{abbr}`` role, which writes ``<abbr title=...>`` again: "LSCB",
    explained when the reader points at it.  Its words are the role's as
    written (a role's text is not Markdown); its pictures, which a role
    cannot hold (they had been left out), after it."""
    if "_noformat" in parent_tags:  # in code, which shows no role: its words
        return text
    abbreviated = _abbreviated(el)
    if abbreviated is None:
        return text
    return _role("abbr", abbreviated) + _pictures_of(self, el)


def _abbreviated(el: Tag) -> str | None:
    """The ``{abbr}`` role's text of the abbreviation ``el``, "words
    (meaning)"; None where it has none, or none the role can write (a
    bracket in its words would be read as its meaning's)."""
    words, title = _words_shown(el), " ".join(el.get("title", "").split())
    if not title or not words or "`" in words + title or "(" in words:
        return None
    return f"{words} ({title})"


def _spanned(name: str):
    """Words Markdown has no mark for as MyST's span of the class ``name``
    (``[words]{.underline}``), which the site's stylesheet shows as a browser
    did (``_static/imported.css``): underlined (``<u>``, ``<ins>``, a style's
    underline), highlighted (``<mark>``), fine print (``<small>``), bigger
    words (``<big>``).  They came in as plain words.  Not in a link's words,
    where a span left no link ("[a [b]{.underline}](...)"): a link is
    underlined as it is."""

    def conversion(self, el, text, parent_tags):
        if "_noformat" in parent_tags or "a" in parent_tags:
            return text
        before, after, text = chomp(text)
        return f"{before}[{text}]{{.{name}}}{after}" if text else before or after

    return _spaces_outside(conversion)


def DIVISION(converter, el, text, parent_tags):  # noqa: N802 (a converter's method, as ITALICS)
    """A division in an item, a quote or a definition (the post's own are its
    paragraphs): its words escaped where it opens with no block of its own
    ("<div>1. The council...</div>" in a quote had been a numbered list)."""
    return MarkdownConverter.convert_div(converter, el, _own_words(el, text), parent_tags)


def _columns(el, text: str) -> str | None:
    """The block editor's columns (:func:`_columns_marked`) side by side, in a
    ``columns`` container of a ``column`` container each
    (``_static/imported.css``), a column its author made wider or narrower of
    that width (``span-N``: :func:`_column_span`), an empty column left out;
    None for a division marked so out of its place (a column outside columns)."""
    if el.has_attr(COLUMN) and el.parent is not None and el.parent.has_attr(COLUMNS):
        span = el[COLUMN] if re.fullmatch(r"[1-9]\d?", el[COLUMN]) else ""
        return f"\n\n{COLUMN_BREAK}{span}\n\n{text.strip()}\n\n"
    if not el.has_attr(COLUMNS):
        return None
    before, *parts = text.split(COLUMN_BREAK)
    columns = []  # (its words, its width's class: "" or " span-N")
    for part in parts:
        span, _, words = part.partition("\n")
        if words.strip():
            columns.append((words.strip("\n"), f" span-{span}" if span.isdigit() else ""))
    if len(columns) < 2:
        shown = [before.strip(), *(words for words, _ in columns)]
        return "\n\n" + "\n\n".join(shown).strip() + "\n\n"
    inner = []
    for column, span in columns:
        mark = fence(column)
        inner.append(f"{mark}{{container}} column{span}\n{column}\n{mark}")
    inner_text = "\n\n".join(inner)
    outer = fence(inner_text)
    shown = f"columns columns-{min(len(columns), 9)}"
    return f"\n\n{before.strip()}\n\n{outer}{{container}} {shown}\n{inner_text}\n{outer}\n\n"


class _Converter(_Figures, _ListTables, MarkdownConverter):
    """markdownify, escaping only what Markdown would otherwise interpret."""

    @_spaces_outside
    def convert_a(self, el, text, parent_tags):
        if text and text.isspace():  # a link around a space: the space ("x<a> </a>y")
            return " "
        href = safe_url(el.get("href"))
        if href is None:
            el.attrs.pop("href", None)
        else:
            el["href"] = href
        with _autolinks(self, not (href and SHOWN_DECODED.search(href))):
            return super().convert_a(el, text, parent_tags)

    def convert_img(self, el, text, parent_tags):
        # markdownify writes the alt text as it is, between brackets: one that
        # closes them ("a](https://tracker/p.gif) ![b") made a second image.
        alt = self.escape(" ".join((el.get("alt") or "").split()), parent_tags)
        src = pasted_picture(el.get("src")) or safe_url(el.get("src"))
        if src is None:
            return alt
        raw = dict(el.attrs)  # as written: a figure around it reads its alt after this
        el["src"], el["alt"] = src, alt
        if el.get("title"):  # quoted by markdownify; a backslash would escape its end
            el["title"] = " ".join(el["title"].split()).replace("\\", "\\\\")
        converted = super().convert_img(el, text, parent_tags)
        el.attrs = raw
        return _placed(el, converted)

    def escape(self, text, parent_tags):
        text = super().escape(INLINE.sub(r"\\\1", text or ""), parent_tags)
        # (words ending in "!", never code's: marked for :func:`_not_pictures`)
        return text + BANG if parent_tags and text.endswith("!") else text

    def convert_p(self, el, text, parent_tags):
        return _aligned(el, super().convert_p(el, _escape_lines(text), parent_tags))

    convert_section = convert_article = convert_center = DIVISION

    def convert_div(self, el, text, parent_tags):
        return _columns(el, text) or DIVISION(self, el, text, parent_tags)

    def convert_blockquote(self, el, text, parent_tags):  # its words straight in it, escaped
        # ("<blockquote>1. The council...": not a list)
        return super().convert_blockquote(el, _own_words(el, text), parent_tags)

    def convert_li(self, el, text, parent_tags):
        return _numbered_item(el, super().convert_li(el, _own_words(el, text), parent_tags))

    def convert_ol(self, el, text, parent_tags):
        return _numbered_list(el, super().convert_ol(el, text, parent_tags), parent_tags)

    def convert_hN(self, n, el, text, parent_tags):
        return super().convert_hN(n, el, closing_hashes_escaped(text or ""), parent_tags)

    # The marks' stars, where they open and close (:func:`_delimited`); HTML 4's <strike>
    # struck out as <del> is; <cite>, <dfn>, <var> in italics, as a browser shows them.
    convert_b = convert_strong = _delimited(MarkdownConverter.convert_b)
    convert_del = convert_s = convert_strike = _delimited(MarkdownConverter.convert_del)
    convert_em = convert_i = convert_cite = convert_dfn = convert_var = ITALICS
    convert_u = convert_ins = _spanned("underline")
    convert_mark, convert_small, convert_big = map(_spanned, ("mark", "small", "big"))

    def convert_span(self, el, text, parent_tags):  # Blogger wraps text in styled spans
        return text

    def convert_br(self, el, text, parent_tags):  # (a gap in a list item: _gap_in_item)
        # The next line must not open a list or heading ("1) ..."): escaped where it starts.
        gap = "_inline" not in parent_tags and _gap_in_item(el)
        return ("\\\n" if gap else super().convert_br(el, text, parent_tags)) + "\ue000"

    # (in code, which shows no role, its words: "H{sub}`2`O" was shown as that)
    @_role_spaces_outside
    def convert_sup(self, el, text, parent_tags):
        return text if "_noformat" in parent_tags else _script(self, el, "sup")

    @_role_spaces_outside
    def convert_sub(self, el, text, parent_tags):
        return text if "_noformat" in parent_tags else _script(self, el, "sub")

    convert_abbr = convert_acronym = _role_spaces_outside(ABBREVIATION)

    def convert_dt(self, el, text, parent_tags):  # (a line break alone: no "****", a rule)
        words = _escape_lines(text.strip())  # (after a line break: "# ..." a heading)
        if el.parent.has_attr(DEFINED):  # MyST's term: a line of its own
            return f"\n\n{words}\n"
        return f"\n\n**{words}**\n\n" if text.replace("\ue000", "").strip() else ""

    def convert_dd(self, el, text, parent_tags):  # (a block's own mark, a quote's ">", kept)
        words = _own_words(el, text.strip())
        if el.parent.has_attr(DEFINED):  # MyST's definition, its blocks indented under ":"
            lines = (f"    {line}" if line.strip() else "" for line in words.split("\n"))
            return ":" + "\n".join(lines)[1:] + "\n\n"
        return f"\n\n{words}\n\n" if words else ""

    def convert_pre(self, el, text, parent_tags):
        block = super().convert_pre(el, text, parent_tags)  # fenced by ``` whatever it holds
        if not block.strip():
            return block
        code = block.strip("\n")[3:-3]
        language = el.get(LEXER) if _lexes(el.get(LEXER), code) else "text"
        return f"\n\n{fence(code)}{language}{code}{fence(code)}\n\n"

    def convert_td(self, el, text, parent_tags):  # a "|" in a cell would end it
        return super().convert_td(el, text.replace("|", "\\|"), parent_tags)

    def convert_th(self, el, text, parent_tags):
        return super().convert_th(el, text.replace("|", "\\|"), parent_tags)

    def convert_embedplaceholder(self, el, text, parent_tags):
        kind, url, title = el["kind"], el["href"], el.get("title", "")
        if kind == "Listed":  # (url: the list's name, kind and folder: _listed_embed)
            return "\n\n" + listed_placeholder(*url.split(":")[:3], named=title) + "\n\n"
        if kind in ("Video", "Audio") and ATTACHMENT.search(urlsplit(url).path):
            return "\n\n" + media_placeholder(kind, url, title) + "\n\n"
        return "\n\n" + embed_placeholder(kind, url, title) + "\n\n"

    def convert_notconverted(self, el, text, parent_tags):
        return "\n\n" + unconverted_note(el.get_text()) + "\n\n"


def _escape_start(text: str) -> str:
    """``text`` with the block mark it opens with, if any, escaped."""
    stripped = text.lstrip()
    match = BLOCK_START.match(stripped)
    if not match:
        return text
    # A backslash escapes punctuation only: "1\\." not "\\1."
    at = len(match.group(0)) - 1 if stripped[0].isdigit() else 0
    return text[: len(text) - len(stripped)] + stripped[:at] + "\\" + stripped[at:]


def _escape_lines(text: str) -> str:
    """Escape a block mark at the start of the text and after each hard
    break; not a block's after one (a blank line before it), which writes
    its own: "text<br><table>" had its table's fence escaped, "\\~~~"."""
    parts = text.split("\ue000")
    after = (
        part if BLOCK_AFTER.match(part) else _escape_start(part.lstrip(" \t\n"))
        for part in parts[1:]
    )
    return "".join([_escape_start(parts[0]), *after])


def _aligned(paragraph: Tag, written: str) -> str:
    """A paragraph's Markdown after its alignment (:func:`_alignments`), as
    MyST's block attribute (``{.text-center}``), where it is a block of the
    post's own: not in a list or a quote, whose block would take it."""
    shown = SHOWN_ALIGNED.get(paragraph.get(ALIGN, ""))
    if not shown or not written.strip() or FENCED.search(written):
        return written  # (an embed's note, a figure: a directive, not words to align)
    if paragraph.parent is None or paragraph.parent.name != "[document]":
        return written
    return f"\n\n{{.{shown}}}\n{written.lstrip()}"


def _numbered_list(listed: Tag, written: str, parent_tags) -> str:
    """A list numbered as its blog showed it: MyST's attributes before it
    (``{.reversed style=lower-alpha}``); inside an item, after a blank line,
    which a list numbered from other than 1 needs (else it was the item's
    words: "a 3. x 4. y")."""
    style = NUMBERED_BY.get(listed.get("type"))
    names = [".reversed" if listed.has_attr("reversed") else "", f"style={style}" if style else ""]
    attributes = " ".join(name for name in names if name)
    if not attributes and (listed.get("start") in (None, "1") or "li" not in parent_tags):
        return written
    head = f"{{{attributes}}}\n" if attributes else ""
    return "\n\n" + head + written.lstrip("\n")


def _numbered_item(item: Tag, written: str) -> str:
    """A list item as markdownify wrote it, numbered down in a reversed
    list, and with the other marker in a list kept apart from the one before
    (:func:`_lists_kept_apart`)."""
    listed = item.parent
    if listed is not None and listed.name == "ol" and listed.has_attr("reversed"):
        written = _counted_down(item, written)
    if listed is not None and listed.get(APART):
        written = OTHER_MARKER.sub(lambda m: m[1] + (f"{m[2]})" if m[2] else "*"), written, count=1)
    return written


def _counted_down(item: Tag, written: str) -> str:
    """A reversed list's item ``written`` by markdownify numbered upwards from
    its list's start, numbered down from it: the Markdown reads as its blog
    showed the list (only the first number counts to MyST, which writes the
    list's ``reversed``; markdownify's indentation of the item's lines is
    made the new number's)."""
    listed = item.parent
    start = listed.get("start")
    first = int(start) if start and start.isdigit() else len(listed.find_all("li", recursive=False))
    number = max(first - len(item.find_previous_siblings("li")), 0)
    upwards = re.match(r"\d+\. ", written)
    if upwards is None:
        return written
    bullet = f"{number}. "
    rest = re.sub(f"(?m)^ {{{len(upwards[0])}}}", " " * len(bullet), written[len(upwards[0]) :])
    return bullet + rest


#: Marks a list written with the other marker than the list before it
#: (``*``, ``1)``): Markdown reads two lists of one marker in a row as one.
APART = "data-apart"
OTHER_MARKER = re.compile(r"^(\s*)(?:(\d+)\.|-)")
#: A list's style naming letters or Roman numerals for its numbers.
LETTERED = re.compile(r"list-style(?:-type)?\s*:\s*(lower|upper)-(alpha|latin|roman)")
#: A list's numbers (its ``type``) as MyST's ``style`` attribute names them.
NUMBERED_BY = {"a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman"}


def _lists_kept_apart(soup: BeautifulSoup) -> None:
    """Each list right after a list of its kind (nothing but white space
    between) marked to be written with the other marker: two lists had
    become one."""
    for listed in soup.find_all(["ul", "ol"]):
        before = listed.find_previous_sibling(True)
        if before is None or before.name != listed.name or before.get(APART):
            continue
        gap = itertools.takewhile(lambda node, end=listed: node is not end, before.next_siblings)
        if all(_is_blank(node) for node in gap):
            listed[APART] = "1"


def _list_numbers(soup: BeautifulSoup, notes: list[str]) -> None:
    """A list's numbers as its blog showed them: by letters or Roman numerals
    (``type``; the classic editor's ``list-style-type``, made its ``type``),
    backwards (``reversed``), which the converter writes as MyST attributes
    (:meth:`_Converter.convert_ol`); an item's own number (``value``, which
    Markdown's item cannot have: :func:`_numbered_from_values`)."""
    for ol in soup.find_all("ol"):
        style = LETTERED.search(ol.get("style") or "")
        if style:
            letter = "a" if style[2] in ("alpha", "latin") else "i"
            ol["type"] = letter.upper() if style[1] == "upper" else letter
        if ol.get("type") not in NUMBERED_BY:
            ol.attrs.pop("type", None)
        if ol.has_attr("reversed"):
            ol["reversed"] = "reversed"
    lists = [ol for ol in soup.find_all("ol") if ol.find("li", value=True, recursive=False)]
    split = sum(_numbered_from_values(soup, ol) for ol in lists)
    if split:
        notes.append(f"changed: {split} list item(s) numbered by their own value open a list there")
    if any(ol.find("li", value=True, recursive=False) for ol in lists):
        notes.append("changed: a list item's own number (value) is its place's")


def _numbered_from_values(soup: BeautifulSoup, ol: Tag) -> int:
    """A list whose item sets its own number (``<li value="5">``: a list
    that goes on after a gap, its blog's numbering) is a list up to that
    item and another starting there at that number (:func:`_lists_kept_apart`
    keeps the two apart), as a browser numbers them; a first item's number
    is its list's ``start``.  Not a list counting down, nor a number Markdown
    does not write (a negative one): there the item's number is its place's.
    The lists it opened."""
    opened = 0
    while ol is not None and not ol.has_attr("reversed"):
        items = ol.find_all("li", recursive=False)
        start = ol.get("start", "1").strip()
        expected = int(start) if start.isdigit() else 1
        rest = None
        for index, item in enumerate(items):
            value = (item.get("value") or "").strip()
            if value.isdigit():
                del item["value"]  # (read: what is left is noted, its number its place's)
            if value.isdigit() and int(value) != expected:
                if index == 0:
                    ol["start"] = value
                else:
                    rest = soup.new_tag("ol", attrs={"start": value})
                    rest.attrs |= {key: ol[key] for key in ("type",) if ol.has_attr(key)}
                    rest.extend([item, *list(item.next_siblings)])
                    ol.insert_after(rest)
                    opened += 1
                    break
                expected = int(value)
            expected += 1
        ol = rest
    return opened


def _teletype_as_code(soup: BeautifulSoup) -> None:
    """HTML 4's ``<tt>`` as the code it showed: markdownify writes it as words."""
    for teletype in soup.find_all("tt"):
        teletype.name = "code"


def _choices_as_lines(soup: BeautifulSoup) -> None:
    """A form's list of choices (``<select>``: a post about forms shows one)
    as the words of its choices, a line each, as the list shows them open.
    A browser leaves out any line break written between them (WordPress's
    paragraphs put some in), and without them their words ran together."""
    for choices in soup.find_all("select"):
        for written in choices.find_all("br"):
            written.decompose()
        for number, choice in enumerate(choices.find_all("option")):
            if number:
                choice.insert_before(soup.new_tag("br"))
            choice.unwrap()
        for group in choices.find_all("optgroup"):
            group.unwrap()
        choices.unwrap()


def _verses_as_lines(soup: BeautifulSoup) -> None:
    """The block editor's verse (``pre.wp-block-verse``: a poem, its lines and
    their indentation kept, in the text's own type) as a paragraph of lines,
    each line's leading spaces no-break ones; a blank line, a new stanza's
    paragraph.  As a ``<pre>``, it had been a code block."""
    for verse in soup.find_all("pre", class_="wp-block-verse"):
        text = re.sub(r"<br\s*/?>", "\n", verse.decode_contents(), flags=re.I)
        stanzas = [
            "<br/>".join(re.sub(r"^ +", lambda m: "\xa0" * len(m[0]), line) for line in lines)
            for lines in (stanza.split("\n") for stanza in re.split(r"\n\s*\n", text.strip("\n")))
        ]
        verse.replace_with(BeautifulSoup("".join(f"<p>{s}</p>" for s in stanzas), "html.parser"))


#: The tags Markdown marks alike: italics, bold, struck out.
MARKED_ALIKE = (
    ["em", "i", "cite", "dfn", "var"],
    ["strong", "b"],
    ["del", "s", "strike"],
    ["u", "ins"],
    ["code", "kbd", "samp"],  # ("`a``b`" was code of a backtick)
)


def _named(soup: BeautifulSoup, names) -> list[Tag]:
    """The tags of ``names``, in document order, as ``find_all(list(names))``
    finds them, which tries each name on each tag: with this session's longer
    lists, 30 % more of bs4's matching in a Blogger backup's import."""
    return [node for node in soup.descendants if isinstance(node, Tag) and node.name in names]


#: A picture's file name, where its address ends in one.
PICTURE_FILE = re.compile(r"[^/]{1,80}\.(?:png|jpe?g|gif|webp|avif|bmp|tiff?|svg)", re.I)


def _linked_pictures_named(soup: BeautifulSoup, notes: list[str]) -> None:
    """A link around nothing but pictures with no alt text (Blogger's way with
    every picture: a thumbnail linked to its full size) is a link with no name
    to a screen reader, which says "link" and nothing more.  Its first picture
    is named by its title, or else by its file ("board.png"), as a screen
    reader names a picture that has no alt attribute."""
    named = 0
    for link in soup.find_all("a", href=True):
        pictures = link.find_all("img")
        if (
            not pictures
            or link.get_text().strip()
            or any((picture.get("alt") or "").strip() for picture in pictures)
        ):
            continue
        picture = pictures[0]
        found = PICTURE_FILE.fullmatch(file_name(picture.get("src") or ""))
        title = " ".join((picture.get("title") or link.get("title") or "").split())
        picture["alt"] = title or (found.group(0) if found else "Picture")
        named += 1
    if named:
        notes.append(
            f"changed: a linked picture with no alt text is named by its title or file"
            f" ({named}), for screen readers"
        )


#: Where MyST can write a definition list: a post's own blocks, a list
#: item's, a quote's, a definition's (not a cell's or a heading's words).
DEFINITIONS_IN = {"[document]", "div", "ul", "ol", "li", "blockquote", "dl", "dd"}
KINDS = {"dt": "t", "dd": "d"}  # a list's children, a letter each (anything else "x")


def _definition_lists(soup: BeautifulSoup) -> None:
    """Mark (``DEFINED``) each definition list MyST can write as one: terms
    each followed by their definitions, a term's words on one line (no block,
    no line break), no definition empty.  Another (a definition before any
    term, two terms for one definition) is written as its words were before
    MyST had definition lists: each term a bold paragraph, each definition
    its paragraphs."""
    for listed in soup.find_all("dl"):
        items = [node for node in listed.children if not _is_blank(node)]
        kinds = "".join(KINDS.get(getattr(node, "name", ""), "x") for node in items)
        if (
            re.fullmatch(r"(td+)+", kinds)  # (words or another tag among them: "x")
            and all(parent.name in DEFINITIONS_IN for parent in listed.parents)
            and all(_one_line_term(node) for node in items if node.name == "dt")
            and all(_shows_anything(node) for node in items if node.name == "dd")
        ):
            listed[DEFINED] = ""


def _one_line_term(term: Tag) -> bool:
    return bool(term.get_text().strip()) and not any(
        _is_block(node) or node.name == "br" for node in term.find_all(True)
    )


def _shows_anything(definition: Tag) -> bool:
    return bool(definition.get_text().strip()) or definition.find(["img", *NOTES]) is not None


def _marked_once(soup: BeautifulSoup) -> None:
    """Italics inside italics (a work's title in a quote's ``<cite>``, an
    ``<em>`` in an ``<em>``), bold in bold, struck in struck are the words
    alone: a browser shows them as it shows the words around them, and
    Markdown's ``*`` in ``*`` ("*The *Quote* block*") showed its stars.  A
    line break at either end of such words is moved out of them.  Bold in a
    term (``<dt>``) of a list MyST cannot write as definitions, which
    :class:`_Converter` writes bold, is the words alone too
    ("**Term**bold**!**").  Words
    marked right after words marked alike are marked with them: "**a****b**"
    showed its stars; an abbreviation no role can write is its words first."""
    for abbreviation in _named(soup, ("abbr", "acronym")):  # (written as its words: what
        if _abbreviated(abbreviation) is None:  # they hold joins what is beside it,
            abbreviation.unwrap()  # "`a``b`" code of a backtick, "*a**b*" neither italics)
    alike = {name: names for names in MARKED_ALIKE for name in names}
    within = {name: [*names, "dt"] if "b" in names else names for name, names in alike.items()}
    found = _named(soup, alike)  # once: a find_all of each kind took 1.6 ms a post
    for tag in found:
        before = tag.previous_sibling
        holder = tag.find_parent(within[tag.name])
        if holder is not None and not (holder.name == "dt" and holder.parent.has_attr(DEFINED)):
            tag.unwrap()
        elif getattr(before, "name", None) in alike[tag.name]:
            before.extend(list(tag.contents))
            tag.decompose()
    for tag in (tag for tag in found if tag.parent is not None):
        while tag.contents and getattr(tag.contents[-1], "name", None) == "br":
            tag.insert_after(tag.contents[-1].extract())  # ("*Author  \n*" showed a "*")
        while tag.contents and getattr(tag.contents[0], "name", None) == "br":
            tag.insert_before(tag.contents[0].extract())  # "<cite>Author<br></cite>"


#: Marks an old editor put around several paragraphs (:func:`_marks_apart_at_breaks`).
PARTED = (FORMATTING - {"code", "tt", "nobr"}) | {"del", "ins", "mark", "q", "cite", "sup", "sub"}


def _marks_apart_at_breaks(soup: BeautifulSoup) -> None:
    """A mark around paragraphs an old post parts with ``<br><br>`` (Blogger's
    editor bolded the lines chosen so: ``<b>a<br><br>b</b>``) made a mark
    around each paragraph, the breaks between them: :func:`_paragraphs`
    parts paragraphs only at the breaks of a division or the post, and the
    marked ones came in as one, a single line break between them, where a
    browser showed an empty line (in a paragraph or a quotation too, which
    :func:`_paragraphs_at_breaks` then parts); not in a list item or a cell.
    Inner marks first: the outer then finds the breaks they gave up."""
    for mark in reversed(soup.find_all(PARTED)):
        holder = mark.find_parent(lambda tag: tag.name not in PARTED)
        if holder is None or holder.name not in {"[document]", "p", "blockquote", *WRAPPERS}:
            continue
        groups, breaks, children = [[]], [], list(mark.contents)
        i = 0
        while i < len(children):
            end = _break_run(children, i)
            if end is None:
                groups[-1].append(children[i])
                i += 1
            else:
                breaks.append(children[i : end + 1])
                groups.append([])
                i = end + 1
        if not breaks:
            continue
        parts: list = []
        for number, group in enumerate(groups):
            if any(not _is_blank(node) for node in group):
                part = _like(soup, mark)
                part.extend([node.extract() for node in group])
                parts.append(part)
            else:
                parts += [node.extract() for node in group]
            parts += [node.extract() for node in (breaks[number] if number < len(breaks) else [])]
        for part in reversed(parts):
            mark.insert_after(part)
        mark.decompose()


def _ruby_readings(soup: BeautifulSoup) -> None:
    """A ruby's reading (``<rt>``) in brackets after its characters, as a
    ruby's own fallback (``<rp>``) shows it: with none, "東とう京きょう" ran
    together.  Markdown has no ruby."""
    for reading in soup.find_all("rt"):
        before = reading.previous_sibling
        while before is not None and _is_blank(before):
            before = before.previous_sibling
        if getattr(before, "name", None) != "rp":
            reading.insert_before(soup.new_string("("))
            reading.insert_after(soup.new_string(")"))
    for tag in soup.find_all(["ruby", "rb", "rt", "rtc", "rp"]):  # their words, as text: bs4
        tag.unwrap()  # leaves a reading's and a fallback's out of a tag's text (get_text)


#: The language a blog named for its code, as its highlighter wrote it in a
#: class: "brush: js" (SyntaxHighlighter), "language-ruby" (Prism,
#: highlight.js), "lang-js" (Prettify).
NAMED_LANGUAGE = re.compile(r"(?:\bbrush:\s*|\blanguage-|\blang-)([\w#+.-]+)", re.I)
#: SyntaxHighlighter's names that Pygments knows by another (or none: plain text).
HIGHLIGHTER_NAMES = {
    "ps": "powershell", "c-sharp": "csharp", "jscript": "javascript", "xhtml": "html",
    "vb": "vbnet", "erl": "erlang", "rails": "ruby", "plain": "", "text": "", "none": "",
}  # fmt: skip


def _code_languages(soup: BeautifulSoup) -> None:
    """Each ``<pre>`` marked with the language its blog named for it, as
    Pygments names it, where Pygments knows it; the converter writes it
    where Pygments reads the code in it without an error (:func:`_lexes`):
    Sphinx colours it so.  Any other is text, as its blog showed a ``<pre>``
    that named none: unmarked, Sphinx had coloured every one as Python (a
    poem, an SQL query), and a language the code is not in fails the build."""
    for pre in soup.find_all("pre"):
        code = pre.find("code")
        classes = " ".join([*pre.get("class", []), *(code.get("class", []) if code else [])])
        words = [m[1].lower() for m in NAMED_LANGUAGE.finditer(classes)]
        words.append((pre.get("lang") or "").lower())  # WP-Syntax's <pre lang="php">
        if pre.get("name") == "code":  # SyntaxHighlighter 1's <pre name="code" class="java">
            words += [name.lower() for name in pre.get("class", [])]
        pre.attrs.pop(LEXER, None)
        for word in words:
            if lexer := _known_lexer(HIGHLIGHTER_NAMES.get(word, word)):
                pre[LEXER] = lexer
                break


#: MyST's roles for a superscript, a subscript, an abbreviation: their
#: text is words alone, no mark's and no link's.
ROLES = ("sup", "sub", "abbr", "acronym")
#: Marks (and the link) that neither a role nor code can write: one a role
#: holds whole ("<sup><b>1</b></sup>") is carried around it; a block of
#: code's are said (:func:`_marks_in_code_said`).
ROLE_MARKS = {"b", "strong", "i", "em", "u", "ins", "del", "s", "strike", "cite", "dfn", "var"}
ROLE_MARKS |= {"small", "mark", "big", "a"}


def _marks_out_of_roles(soup: BeautifulSoup) -> None:
    """A mark or a link that is all of a superscript's, a subscript's or an
    abbreviation's words around it, as a browser shows them: a role holds
    words alone, and "<abbr title=...><a>LSCB</a></abbr>" had lost its link,
    "<sup><b>1</b></sup>" its bold, unsaid.  (A link that is part of one:
    :func:`_links_out_of_code`.)"""
    for role in reversed(soup.find_all(ROLES)):  # (the innermost first)
        while True:
            shown = [node for node in role.children if not _is_blank(node)]
            mark = shown[0] if len(shown) == 1 else None
            if not isinstance(mark, Tag) or mark.name not in ROLE_MARKS:
                break
            role.wrap(_like(soup, mark))
            mark.unwrap()


def _links_out_of_code(soup: BeautifulSoup, notes: list[str]) -> None:
    """A link in code or a role, which Markdown's code and MyST's roles
    cannot hold (its words were kept, where it led to gone, unsaid): in a
    line's code ("call <code><a>f()</a></code>", a function's name linked to
    its manual) or a role ("<sup>see <a>1</a></sup>"), the code or the role
    split around it and carried into it ("`x `[`f()`](...)"), as a browser
    showed it; in a block of code, each listed in a paragraph after the
    block, said in the report."""
    listed: dict[int, Tag] = {}  # each block's paragraph of its links, by its id
    for link in soup.select(", ".join(f"{name} a[href]" for name in CODE_TAGS)):
        blocks = link.find_parents("pre")
        if not blocks:
            continue
        block, href = blocks[-1], link["href"]
        if not link.get_text(strip=True):  # (its picture's, gone after the block with it)
            link.unwrap()
            continue
        if id(block) not in listed:
            listed[id(block)] = soup.new_tag("p")
            listed[id(block)].append("Links in the code above: ")
            block.insert_after(listed[id(block)])
        else:
            listed[id(block)].append(", ")
        copy = soup.new_tag("a", attrs={"href": href})
        copy.string = " ".join(link.get_text().split())
        listed[id(block)].append(copy)
        link.unwrap()
        notes.append(f"changed: link {href!r} in a block of code listed after it")
    for code in reversed(soup.find_all(["code", "kbd", "samp", *ROLES])):  # (innermost first)
        if code.find("a", href=True) is None:
            continue
        for mark in code.find_all(lambda tag: tag.name not in ("a", "br", "img", *ROLES)):
            mark.unwrap()  # (neither shows a mark: a link's in a mark had stayed in it)
        _split_around_blocks(soup, code, lambda node: getattr(node, "name", None) == "a")


def _marks_in_code_said(soup: BeautifulSoup, notes: list[str]) -> None:
    """Bold, italics and the like in a block of code (a poem's title in a
    ``<pre>``, WordPress's preformatted block), which Markdown's code shows
    plain: said in the report, as a browser showed them."""
    marks = sorted(
        {mark.name for block in soup.find_all("pre") for mark in block.find_all(ROLE_MARKS)} - {"a"}
    )
    if marks:
        shown = ", ".join(f"<{name}>" for name in marks)
        notes.append(f"changed: {shown} in a block of code shown plain (code holds no marks)")


def _pictures_out_of_code(soup: BeautifulSoup) -> None:
    """A picture in code (a smiley in a ``<pre>``, an icon in ``<code>``),
    which a browser shows there, right after the code: code holds no
    picture in Markdown, where its ``![alt](address)`` had been shown as text.
    A link it was in goes with it."""
    last: dict[int, Tag] = {}  # each code element's last picture moved, by its id
    for image in soup.find_all("img"):
        holders = image.find_parents(CODE_TAGS)
        if holders:
            outermost = id(holders[-1])
            link = image.find_parent("a", href=True)  # (a link in the code: its too)
            moved = image.extract()
            if link is not None and any(holder is holders[-1] for holder in link.parents):
                moved = _like(soup, link)
                moved.append(image)
            last.get(outermost, holders[-1]).insert_after(moved)
            last[outermost] = moved  # (the next after it: the pictures in their order)


def _code_inside_code(soup: BeautifulSoup) -> None:
    """A ``<pre>`` in a ``<pre>`` (a real Blogger backup's) as one: a browser
    shows the inner one's lines in the outer block.  The outer one's fence
    had held the inner one's, shown as code (a fence, "```text", as a line)."""
    for inner in reversed(soup.find_all("pre")):
        outer = inner.find_parent("pre")
        if outer is None:
            continue
        if _only_child(outer, inner):  # the inner one whole, with its language
            outer.replace_with(inner.extract())
            continue
        _line_of_its_own(inner)  # its lines, apart


@functools.cache
def _known_lexer(name: str) -> str | None:
    """Pygments' own name for the language ``name`` names ("javascript" for
    "js", "csharp" for "c#"); None for one it does not know, or plain text."""
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    if not name or not re.fullmatch(r"[a-z0-9#+.-]+", name):
        return None
    try:
        lexer = get_lexer_by_name(name)
    except ClassNotFound:
        return None
    return None if lexer.name == "Text only" else lexer.aliases[0]


def _lexes(name: str | None, code: str) -> bool:
    """Whether Pygments reads ``code`` as the language ``name`` with no error
    (Sphinx's check, which a strict build fails on)."""
    from pygments.lexers import get_lexer_by_name
    from pygments.token import Error

    if not name or _known_lexer(name) != name:
        return False
    lexer = get_lexer_by_name(name, stripnl=False)
    source = code.strip("\n") + "\n"  # the code block's text, as Sphinx lexes it
    return not any(kind in Error for kind, _ in lexer.get_tokens(source))


def _page_linked(image: Tag) -> str | None:
    """The page a picture was a link to: not a file (its full size, which the
    figure shows; kept beside the post, a link to it would not be published)."""
    link = image.find_parent("a")
    target = safe_url(link.get("href")) if link is not None else None
    if target is None or ATTACHMENT.search(urlsplit(target).path) or target.startswith("#"):
        return None
    return target


def figure_directive(
    src: str, alt: str, caption: str, target: str | None = None, side: str | None = None
) -> str:
    """MyST for a picture and its caption (MyST already), fenced longer than
    any run of backticks in the caption; a link to ``target`` when the picture
    was a link to a page; set to the ``side`` the text flowed beside it on."""
    lines = [fence(caption) + "{figure} " + src]
    # (an empty alt written too: a figure with none says its address instead)
    lines.append(":alt: " + " ".join(alt.split()) if alt.strip() else ":alt:")
    if target:
        lines.append(":target: " + target)
    if side:
        lines.append(":align: " + side)
    lines.append("")
    if caption.strip():
        if _opens_a_block(caption.strip()):  # docutils takes a paragraph as a caption, or a
            lines += ["%", ""]  # comment before a legend: a quote or table shown as one
        lines.append(caption.strip())
    lines.append(fence(caption))
    return "\n\n" + "\n".join(lines) + "\n\n"


def _opens_a_block(text: str) -> bool:
    """Whether MyST ``text`` starts with a block other than a paragraph."""
    return bool(BLOCK_START.match(text) or re.match(r"(`{3,}|:{3,}|<)", text))


def _script(converter: _Converter, el: Tag, name: str) -> str:
    """A superscript's or subscript's role of its words, then its pictures,
    which a role cannot hold (a picture alone in a superscript had been left out)."""
    return _script_role(name, el) + _pictures_of(converter, el)


def _pictures_of(converter: _Converter, el: Tag) -> str:
    """The pictures in ``el``, written one after another (after a role of its
    words, which holds none)."""
    return "".join(converter.convert_img(image, "", set()) for image in el.find_all("img"))


def _script_role(name: str, el: Tag) -> str:
    """A superscript or subscript as MyST's role of its words as they are (a
    role's text is not Markdown: its escapes would show, "\\[1\\]"); a link
    that is all of it, a link around the role (a role holds no link)."""
    words = _words_shown(el)
    links = el.find_all("a", href=True)
    href = safe_url(links[0]["href"]) if len(links) == 1 else None
    if href and " ".join(links[0].get_text().split()) == words:
        return f"[{_role(name, words)}]({href})" if words else ""
    return _role(name, words)


def _words_shown(el: Tag) -> str:
    """``el``'s words as a browser shows them, for a role (which holds no
    mark): an inline quotation (``<q>``) in its quotation marks, as
    markdownify writes one elsewhere."""
    if el.find("q") is None:
        return " ".join(el.get_text().split())
    shown = copy.copy(el)
    for quotation in shown.find_all("q"):
        quotation.insert(0, '"')
        quotation.append('"')
    return " ".join(shown.get_text().split())


def _role(name: str, text: str) -> str:
    """MyST's role ``name`` of ``text``: its backticks more than any run in the
    text, and a space inside each end when the text starts or ends with one
    (else the runs would join; the role keeps the spaces)."""
    text = text.strip()
    if not text:
        return ""
    ticks = "`" * (1 + max((len(run) for run in re.findall("`+", text)), default=0))
    pad = " " if text[0] == "`" or text[-1] == "`" else ""
    return f"{{{name}}}{ticks}{pad}{text}{pad}{ticks}"


def escape_text(text: str) -> str:
    """Plain text (a title) as Markdown that shows exactly that text."""
    return _Converter(escape_misc=False).escape(text, set())


def closing_hashes_escaped(text: str) -> str:
    """A heading's Markdown with the "#"s that end it escaped: Markdown reads
    them as closing the heading, and "Page #" showed "Page", "#" nothing."""
    return re.sub(r"(^|[ \t])(#+[ \t]*)$", r"\1\\\2", text.strip())


def heading_line(title: str) -> str:
    """A post's ``# Title`` line, showing exactly its title."""
    return "# " + closing_hashes_escaped(escape_text(title))


def _is_blank(node) -> bool:
    return isinstance(node, NavigableString) and not node.strip()


def _is_spacing(node) -> bool:
    """White space to a reader: blank text, or a line break."""
    return _is_blank(node) or getattr(node, "name", "") == "br"


def _paragraphs(soup: BeautifulSoup, container: Tag, aligned: str | None = None) -> list:
    """Children of ``container`` as blocks: runs of inline content split at
    ``<br><br>``; each paragraph aligned as ``aligned`` (its division's) or
    as its own :func:`_alignments` found it."""
    out: list = []
    current: list = []

    def flush() -> None:
        while current and _is_spacing(current[-1]):
            current.pop()
        while current and _is_spacing(current[0]):
            current.pop(0)
        if current:
            paragraph = soup.new_tag("p", attrs={ALIGN: aligned} if aligned else {})
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
            out.extend(_wrapped_blocks(soup, node, aligned))
        elif isinstance(node, Tag) and (node.name in BLOCKS or node.name in NOTES):
            flush()  # (an embed's note: the words after it open a paragraph, escaped so)
            if node.name == "p" and aligned and not node.has_attr(ALIGN):
                node[ALIGN] = aligned
            out.append(node)
        elif isinstance(node, Tag) and node.name == "br":
            end = _break_run(children, i)
            if end is not None:
                flush()
                i = end
            else:
                current.append(node)
        elif not isinstance(node, NavigableString) or node.strip() or current:
            current.append(node)
        i += 1
    flush()
    return out


def _paragraphs_at_breaks(soup: BeautifulSoup) -> None:
    """A paragraph's or a quotation's words parted by ``<br><br>`` (an old
    post's quoted report: Blogger's editor parted paragraphs so) in
    paragraphs, as :func:`_paragraphs` parts a post's: in a quotation they
    had been lines of one paragraph, where a browser showed an empty line
    between them (Markdown's quote took the empty line out)."""
    for holder in soup.find_all(["p", "blockquote"]):
        children = list(holder.children)
        if all(_break_run(children, i) is None for i in range(len(children))):
            continue
        blocks = _paragraphs(soup, holder, holder.get(ALIGN))
        if holder.name == "blockquote":
            holder.clear()
            holder.extend(blocks)
        elif blocks:
            holder.replace_with(*blocks)


def _break_run(children: list, i: int) -> int | None:
    """Where the run of line breaks that parts two paragraphs (``<br><br>``,
    blank text between, and any more breaks after) starting at ``children[i]``
    ends; None if none starts there."""
    if getattr(children[i], "name", "") != "br":
        return None
    j = i + 1
    while j < len(children) and _is_blank(children[j]):
        j += 1
    if j == len(children) or getattr(children[j], "name", "") != "br":
        return None
    while j + 1 < len(children) and _is_spacing(children[j + 1]):
        j += 1
    return j


def _wrapped_blocks(soup: BeautifulSoup, wrapper: Tag, aligned: str | None) -> list:
    """The blocks of a division (:func:`_paragraphs`); the block editor's
    columns (:func:`_columns_marked`) one, each column's blocks in it
    (:meth:`_Converter.convert_div`)."""
    if not (wrapper.name == "div" and wrapper.has_attr(COLUMNS)):
        return _paragraphs(soup, wrapper, wrapper.get(ALIGN, aligned))
    for column in wrapper.find_all("div", attrs={COLUMN: True}, recursive=False):
        blocks = _paragraphs(soup, column, column.get(ALIGN, aligned))
        column.clear()
        column.extend(blocks)
    return [wrapper]


#: Blocks whose inside autop leaves as it is (WordPress's wpautop does too):
#: not ``<p>``, which old posts often leave unclosed.
KEPT_WHOLE = "ul|ol|dl|table|pre|figure"


def autop(text: str) -> str:
    """WordPress's stored form (blank lines between paragraphs) as HTML
    paragraphs; the inside of a list, table, ``<pre>`` or figure whole; each
    line break in the text a ``<br />`` too (:func:`_line_breaks`): as
    WordPress showed a classic post, a comment and a shortcode block, not a
    block editor's post, which it showed as its HTML is (wordpress.py)."""
    tags = "|".join(sorted(BLOCKS | WRAPPERS))
    text = re.sub(rf"(<(?:{tags})\b[^>]*>)", r"\n\n\1", text, flags=re.I)
    text = re.sub(rf"(</(?:{tags})>)", r"\1\n\n", text, flags=re.I)
    blocks: list[str] = []
    depth = 0  # lists, tables... open: a blank line inside one is part of it
    for raw in re.split(r"\n[ \t]*\n", text.strip()):
        chunk = raw.strip()
        if depth:  # "</li><li>List item two" after a nested list: still the list
            blocks[-1] += "\n\n" + raw.rstrip()  # a <pre>'s indentation kept
        elif not chunk:
            continue
        elif re.match(rf"(?:<!--.*?-->\s*)*(?:</?(?:{tags})\b|$)", chunk, re.I | re.S):
            blocks.append(chunk)  # a block, a block's end or comments (the block editor's)
        else:
            blocks.append("<p>" + chunk + "</p>")
        opened = len(re.findall(rf"<(?:{KEPT_WHOLE})\b", chunk, re.I))
        depth = max(0, depth + opened - len(re.findall(rf"</(?:{KEPT_WHOLE})\s*>", chunk, re.I)))
    return "\n".join(_line_breaks(block) for block in blocks)


#: Where wpautop leaves line breaks as they are.
UNBROKEN = re.compile(r"<(pre|script|style|svg|math)\b.*?</\1\s*>", re.S | re.I)
#: wpautop's block tags: no line break is made right after one.
ALL_BLOCKS = (
    "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map"
    "|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside"
    "|hgroup|header|footer|nav|figure|figcaption|details|menu|summary"
)
AFTER_BLOCK = re.compile(rf"(</?(?:{ALL_BLOCKS})\b[^>]*>)\s*<br />", re.I)
BEFORE_BLOCK = re.compile(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)\b[^>]*>)", re.I)


def _line_breaks(html: str) -> str:
    """Each line break in ``html``'s text a ``<br />``, as WordPress's
    wpautop made it (wp-includes/formatting.php; no library does this in
    Python): not one in a tag, in ``<pre>``, a script, a style, SVG or
    MathML, nor one right after a block's tag or before a paragraph's, a
    list's, an item's, a cell's or a division's."""
    held: list[str] = []

    def hold(match: re.Match) -> str:
        held.append(match[0])
        return mark(HELD, len(held) - 1)

    html = UNBROKEN.sub(hold, html)
    html = re.sub(r"<[^>]*>", lambda tag: tag[0].replace("\n", " "), html)
    html = re.sub(r"<br\s*/?>", "<br />", html, flags=re.I)
    html = re.sub(r"(?<!<br />)\s*\n", "<br />\n", html)
    html = BEFORE_BLOCK.sub(r"\1", AFTER_BLOCK.sub(r"\1", html))
    return _marks(HELD, html, held.__getitem__, held)


def html_to_myst(html: str) -> str:
    """Clean MyST Markdown for an HTML post body."""
    return convert(html).text


def convert(
    html: str,
    base_url: str | None = None,
    kept: list[str] | None = None,
    footnotes: list[str] | None = None,
    formulas: list[str] | None = None,
) -> Converted:
    """An HTML post body as MyST (:func:`_convert`), read as the build will
    read it (verify.py): a body the strict build would refuse comes in more
    plainly, as paragraphs of its words, links and pictures, else of its
    words, and its notes say so and why.  Raises ValueError (the post refused,
    and reported) if even that would be refused."""
    from .verify import flattened, problems, words_only

    converted = _convert(html, base_url, kept, footnotes, formulas)
    found = problems(converted.text)
    if not found:
        return converted
    plainer = ((flattened, "its words, links and pictures"), (words_only, "its words"))
    for flatten, what in plainer:
        retry = _convert(flatten(html), base_url, kept, footnotes, formulas)
        if not problems(retry.text):
            retry.notes.insert(
                0,
                f"changed: converted, its text would fail the build ({found[0]}):"
                f" it came in as paragraphs of {what}, its other markup left out",
            )
            return retry
    raise ValueError(f"converted, its text would fail the build ({found[0]})")


def _convert(
    html: str,
    base_url: str | None = None,
    kept: list[str] | None = None,
    footnotes: list[str] | None = None,
    formulas: list[str] | None = None,
) -> Converted:
    """An HTML post body as MyST, with its excerpt break and the notes on what changed.

    ``base_url`` is the old blog's address: relative links and images are
    resolved against it (``/theme/x.png`` would name no file here).  ``kept``
    holds markup that could not be converted, each marked in ``html`` by
    ``KEPT`` and its index: it is shown in the post as not converted.
    ``footnotes`` holds the HTML of the notes whose references ``html``
    marks (:func:`mark`, ``FOOTNOTE``; blocks.py): MyST footnotes.
    ``formulas`` holds the LaTeX ``html`` marks (``FORMULA``; wordpress.py):
    MyST's ``{math}``.
    """
    notes: list[str] = []
    embeds: list[tuple[str, str, str]] = []
    html = re.sub(r"<!--\s*more\b[^>]*-->", f"<p>{MORE}</p>", html, flags=re.I)
    soup = soup_of(as_browsers_build(html, notes))
    _choices_as_lines(soup)
    _teletype_as_code(soup)
    word_lists(soup, notes)
    footnotes = word_footnotes(soup, footnotes or [], notes, functools.partial(mark, FOOTNOTE))
    if "url(" in html:
        _background_pictures(soup, notes)
    _drop_unreadable_addresses(soup, notes)
    _flatten_deep(soup, notes)
    _drop_trackers(soup, notes)
    if "align" in html or "<center" in html.lower():
        _alignments(soup)
    if "float" in html or "align" in html or SIDE in html:
        _pictures_placed(soup)
    _gallery_columns(soup)
    _blocks_kept_apart(soup)
    if STYLED_AT_ALL.search(html):
        _styles_as_marks(soup)
    _image_pages_as_pictures(soup, notes)
    _more_breaks(soup, summary_hack="fullpost" in html)
    _columns_marked(soup)
    media = _media(soup, base_url)
    _take_scripts(soup, embeds, notes)
    _played_files_as_players(soup)
    _take_embeds(soup, embeds, notes, base_url)
    _drawings_said(soup, notes)
    _caption_tables(soup, notes)
    _list_numbers(soup, notes)
    _verses_as_lines(soup)
    _ruby_readings(soup)
    _pictures_out_of_code(soup)
    _code_inside_code(soup)
    _code_languages(soup)
    for fallback in soup.find_all("noscript"):  # the script is gone: its fallback is the post's
        fallback.unwrap()  # (left in, the sanitiser shows its markup as text)
    pasted = _hold_pasted_pictures(soup, notes)
    soup = BeautifulSoup(sanitise(str(soup)), "html.parser")
    for span in soup.find_all("span"):  # (its style gone, it marks nothing, and hid what it
        span.unwrap()  # held: "<b>a</b><span><b>b</b></span>" apart, a link's blocks kept in it)
    _marks_out_of_roles(soup)  # (once the sanitiser, as a browser, took links out of links)
    if "<a" in html:
        _links_out_of_code(soup, notes)
    if "<pre" in html:
        _marks_in_code_said(soup, notes)
    for image in soup.find_all("img", src=re.compile(f"^https://{PICTURE}/")):
        image["src"] = pasted[int(image["src"].rsplit("/", 1)[-1])]
    _restore_embeds(soup, embeds, kept or [])
    _marks_into_blocks(soup)
    _breaks_before_blocks(soup)
    _resolve_addresses(soup, base_url, notes)
    _list_stray_items(soup)
    _stray_text_placed(soup)
    _more_after_tables(soup)
    _hoist_nested_tables(soup, notes)
    _tables_as_lists(soup)
    _headings_as_text(soup, notes)
    _normalise_structure(soup, notes)
    _cells_inline(soup)
    _square_tables(soup)
    _division_lines(soup)
    _code_lines(soup)
    _linked_pictures_named(soup, notes)
    _definition_lists(soup)
    _marked_once(soup)
    _marks_apart_at_breaks(soup)
    _paragraphs_at_breaks(soup)
    blocks = _paragraphs(soup, soup)
    body = BeautifulSoup("", "html.parser")
    body.extend(blocks)
    converter = _Converter(
        heading_style="ATX",
        bullets="-",
        escape_misc=False,
        # A line break in the HTML's text is a space to a browser (a <br> is
        # its line break); kept, the next line could open a list or a
        # heading in Markdown ("- not a list", "# not a heading").
        wrap=True,
        wrap_width=None,
        keep_inline_images_in=[
            *("td", "th", "a", "span", "b", "strong", "i", "em", "u"),
            *("h1", "h2", "h3", "h4", "h5", "h6"),  # a heading that is a picture
            # the other marks (a picture in <small> in a heading had been its alt text)
            *("small", "big", "mark", "s", "del", "strike", "ins", "cite", "dfn", "var", "q"),
            *("abbr", "acronym"),  # (of no words, its picture alone: an icon in a heading)
        ],
    )
    _lists_kept_apart(body)
    _list_tables(body)
    text = _flanked(_not_pictures(converter.convert_soup(body).replace("\ue000", "")))
    text = re.sub(r"[ \t]+\n", lambda m: "  \n" if m.group(0).startswith("  ") else "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    text = _with_footnotes(text, footnotes, base_url, notes, media)
    formulas = formulas or []
    text = _marks(FORMULA, text, lambda number: _role("math", formulas[number]), formulas)
    converted = _excerpt(text, notes)
    converted.media = media
    return converted


def _with_footnotes(
    text: str, footnotes: list[str], base_url: str | None, notes: list[str], media: list[str]
) -> str:
    """Each footnote's mark a MyST reference (``[^1]``), and the notes it
    refers to defined after the text (MyST lists them at the page's end, in
    the order they are referred to).  A note whose mark the sanitiser took
    with what held it is a paragraph there: MyST fails a build on a note
    nothing refers to."""
    if not footnotes:
        return text
    found = set()

    def reference(number: int) -> str:
        found.add(number)
        return f"[^{number + 1}]"

    text = _marks(FOOTNOTE, text, reference, footnotes)
    ends = []
    for number, note in enumerate(footnotes):
        converted = _convert(f"<p>{note}</p>", base_url)
        notes += converted.notes
        media += converted.media
        lines = converted.text.strip().splitlines() or [""]
        indented = "\n".join(f"    {line}" if line.strip() else "" for line in lines[1:])
        first = f"[^{number + 1}]: " if number in found else ""
        ends.append(f"{first}{lines[0]}\n{indented}".rstrip())
    return text.rstrip("\n") + "\n\n" + "\n\n".join(ends) + "\n"


def _excerpt(text: str, notes: list[str]) -> Converted:
    """Cut out the "more" marks; the excerpt is the paragraphs before the first."""
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    excerpt = None
    for i, block in enumerate(blocks):
        if MORE in block:  # a mark alone ends the blocks before it; in a block, that block
            excerpt = i if _more_alone(block) else i + 1
            break
    kept = [_without_more(block) for block in blocks if not _more_alone(block)]
    body = "\n\n".join(block for block in kept if block.strip()).strip() + "\n"
    if body.strip() == "":
        body = ""
    image = None
    if excerpt is not None:
        excerpt, pictured = _paragraphs_before(blocks, excerpt)
        if excerpt:
            paragraphs = "paragraph" if excerpt == 1 else "paragraphs"
            notes.append(f"changed: the 'more' break ends the excerpt ({excerpt} {paragraphs})")
        elif pictured:  # a picture alone before it (a captioned one is no paragraph)
            image = 1  # (the post's first, being before the break)
            notes.append("changed: the 'more' break ends the excerpt (its picture alone)")
        else:  # the break first: the title alone, as Blogger's and WordPress's lists
            # showed it (ABlog's default had shown the first paragraph after it)
            notes.append("changed: nothing before the 'more' break: no excerpt, the title alone")
    return Converted(body, excerpt, notes, image=image)


#: Where the excerpt ends, a paragraph of its own while it is counted.
EXCERPT_ENDS = f"blogarchive{_DRAWN}excerptends"


def _paragraphs_before(blocks: list[str], count: int) -> tuple[int, bool]:
    """How many paragraphs come before the first "more" break in ``blocks``
    (the post's Markdown, cut at blank lines; the break ends ``count`` of
    them), as ABlog counts a post's ``excerpt``: every paragraph of the
    parsed post, in a list, a quote, a table's cell or a video's note too,
    none of a picture or code.  The blocks had been counted instead: a
    captioned picture before the break is two (its directive holds a blank
    line) and no paragraph, a list of three items one block and three
    paragraphs; readers saw paragraphs after the author's break, or lost the
    end of a list before it.  A break on a line of its own ends the excerpt
    there (between two paragraphs a line break apart, in a list, in a
    quote); one among words, after the block it is in.  And whether a
    picture comes before it."""
    from docutils import nodes
    from docutils.utils import new_document
    from myst_parser.parsers.docutils_ import Parser

    lines = "\n\n".join(blocks).split("\n")
    at = next(n for n, line in enumerate(lines) if MORE in line)
    if _more_alone(lines[at]):  # the excerpt's end a paragraph where the break was
        prefix = re.match(r"[\s>]*", lines[at])[0]
        lines[at : at + 1] = [prefix.rstrip(), prefix + EXCERPT_ENDS, prefix.rstrip()]
    else:  # after its block
        end = next((n for n in range(at, len(lines)) if not lines[n].strip()), len(lines))
        lines[end:end] = ["", EXCERPT_ENDS, ""]
    document = new_document("excerpt", _excerpt_settings())
    Parser().parse("# Title\n\n" + "\n".join(lines).replace(MORE, ""), document)
    found = [  # the paragraphs' words, None for a picture
        node.astext() if isinstance(node, nodes.paragraph) else None
        for node in document.findall(lambda node: isinstance(node, nodes.paragraph | nodes.image))
    ]
    if EXCERPT_ENDS not in found:  # (not a paragraph of its own: the blocks counted)
        return count, False
    before = found[: found.index(EXCERPT_ENDS)]
    return sum(words is not None for words in before), None in before


@functools.cache
def _excerpt_settings():
    """docutils' settings for MyST as the site reads posts (the extensions
    blogarchive enables), its messages kept quiet: made once, not per post."""
    from docutils.frontend import get_default_settings
    from myst_parser.parsers.docutils_ import Parser

    settings = get_default_settings(Parser)
    settings.myst_enable_extensions = ["strikethrough", *IMPORTED_MARKUP]  # (conf.py's, then its)
    settings.report_level, settings.halt_level = 5, 5
    settings.warning_stream = False
    return settings


#: A list item's mark at a line's start, in a quote or not.
ITEM_MARK = re.compile(r"^[\s>]*(?:[-+*]|\d{1,9}[.)])(?=\s|$)", re.M)


def _more_alone(block: str) -> bool:
    """Whether a block (or a line) is the "more" break alone, whatever marks,
    quote or list item hold it (a heading's bold in a quote around it: left,
    "> ****" was a rule, which a quote cannot hold)."""
    if MORE not in block:
        return False
    return not re.sub(r"[\s>*_]", "", ITEM_MARK.sub("", block.replace(MORE, "")))


def _without_more(block: str) -> str:
    """A block with the "more" break taken out; a line that was the break
    alone (in marks) is an empty line, in its quote if it was in one."""
    lines = [
        re.match(r"[\s>]*", line)[0].rstrip() if _more_alone(line) else line
        for line in block.split("\n")
    ]
    return "\n".join(lines).replace(MORE, "").rstrip()


#: Tracking pixels a post copied from a feed ends with: Blogger's (in its
#: ``blogger-post-footer``), WordPress.com's stats, FeedBurner's.
TRACKER = re.compile(
    r"^https?://([^/]*(blogger|blogspot)\.(com|googleusercontent\.com)/tracker/"
    r"|(pixel\.wp\.com|stats\.wordpress\.com)/b\.gif|feeds\.feedburner\.com/~r/)"
)


#: Blogger's (and Picasa's) address of the page that showed a picture, not of
#: the picture: ``.../s1600-h/photo.jpg`` (Windows Live Writer linked these).
IMAGE_PAGE = re.compile(r"/s(\d+)-h/")


def _image_pages_as_pictures(soup: BeautifulSoup, notes: list[str]) -> None:
    """A picture linked to Blogger's page of it (``s1600-h``, an HTML page
    that is no picture, and gone with the old blog) is linked to the picture
    itself (``s1600``), which is kept beside the post as any other."""
    for link in soup.find_all("a", href=IMAGE_PAGE):
        if link.find("img") is not None:
            link["href"] = IMAGE_PAGE.sub(r"/s\1/", link["href"], count=1)
            notes.append("changed: a link to Blogger's page of a picture (s1600-h) leads to it")


#: The attributes whose address a step of the converter reads.
ADDRESSED = ("href", "src", "data")
#: A picture a style shows behind a block's words: its address.
BACKGROUND = re.compile(
    r"""background(?:-image)?\s*:[^;]*?\burl\(\s*(["']?)([^"')]+)\1\s*\)""", re.I
)


def _background_pictures(soup: BeautifulSoup, notes: list[str]) -> None:
    """A picture a block showed behind its words (a style's background-image:
    WordPress's first cover blocks, "wp:cover-image"; a Blogger post's boxed
    section) as a picture before them: the style goes with the sanitiser,
    and the picture had gone with it, unsaid.  Not one the block holds
    itself as a picture (:func:`_columns_marked`'s media and text, filling
    its column with it)."""
    for tag in soup.find_all(style=BACKGROUND):
        if tag.name in ("img", "br", "hr", "input"):  # (a picture's behind itself: a placeholder)
            continue
        for match in BACKGROUND.finditer(tag["style"]):
            address = match.group(2).strip()
            if not (safe_url(address) or pasted_picture(address)):
                notes.append(f"dropped: the picture behind words, {address!r}, of no web address")
                continue
            if tag.find("img", src=address):  # the picture itself in it (media and text's
                continue  # "crop to fill"): shown twice, a gallery of one picture
            tag.insert(0, soup.new_tag("img", attrs={"src": address, "alt": ""}))
            notes.append(f"changed: the picture behind words, {address!r}, is before them")


def _drop_unreadable_addresses(soup: BeautifulSoup, notes: list[str]) -> None:
    """A link's, a picture's or an embed's address no browser could follow ("http://[oops",
    a broken IPv6 host) left out, once, before any step reads it: Python's
    urlsplit raises on it, and the post had been refused."""
    for tag in soup.find_all(lambda tag: any(map(tag.has_attr, ADDRESSED))):
        for attribute in ADDRESSED:
            try:
                urlsplit(tag.get(attribute, ""))
            except ValueError:
                notes.append(f"dropped: an address no browser can read, {tag[attribute]!r}")
                del tag[attribute]


def _drop_trackers(soup: BeautifulSoup, notes: list[str]) -> None:
    """Tracking pixels left out (Blogger's footer with its own): each would be
    downloaded and kept as one of the post's pictures."""
    for image in soup.find_all("img", src=TRACKER):
        notes.append(f"dropped: a tracking pixel from {urlsplit(image['src']).hostname}")
        footer = image.find_parent("div", class_="blogger-post-footer")
        (footer or image).decompose()


def _hold_pasted_pictures(soup: BeautifulSoup, notes: list[str]) -> list[str]:
    """Pasted pictures (``PASTED``) given a placeholder address the sanitiser
    keeps (it drops every data: address); the pictures, by number."""
    pasted = []
    for image in soup.find_all("img", src=True):
        src = pasted_picture(image["src"])
        if src:
            image["src"] = f"https://{PICTURE}/{len(pasted)}"
            pasted.append(src)
        elif (written := "".join(image["src"].split())).lower().startswith("data:"):
            notes.append(f"dropped: a pasted picture of type {written[5:].split(';')[0]!r}")
    return pasted


def pasted_picture(src: str | None) -> str | None:
    """A picture pasted into the post (``data:`` of a raster type: links.PASTED),
    its address without the line breaks an editor wrapped it with; else None."""
    pasted = "".join((src or "").split())
    return pasted if PASTED.match(pasted) else None


def _take_scripts(soup: BeautifulSoup, embeds: list, notes: list[str]) -> None:
    """Scripts, which the sanitiser drops, named in the report; a GitHub gist
    (a script that writes its code into the page: the code is not in the
    export) becomes a link to the gist, as other embeds do."""
    for script in soup.find_all("script"):
        src = script.get("src")
        url = safe_url(urljoin("https:", src)) if src else None
        host = urlsplit(url).hostname if url else None
        if host == "gist.github.com" and url.endswith(".js"):
            embeds.append(("Code", url.removesuffix(".js"), ""))
            notes.append("changed: a gist from gist.github.com became a link (nothing loaded)")
            script.replace_with(soup.new_string(f"\n{EMBED}{len(embeds) - 1}\n"))
            continue
        where = f" from {provider(url)}" if host else ""
        notes.append(f"dropped: a script{where} (nothing runs in the archive)")
        script.decompose()


def _drawings_said(soup: BeautifulSoup, notes: list[str]) -> None:
    """An SVG drawing written into the post (a chart, a diagram), which the
    sanitiser drops with its words, as it drops any markup of another
    namespace: the report names it and its words (a post's SVG may be a
    picture file of its own, checked by the build: privacy.svg_problem)."""
    for drawing in [svg for svg in soup.find_all("svg") if not svg.find_parent("svg")]:
        words = " ".join(drawing.get_text(" ").split())
        said = f", its words {words[:80]!r}" if words else ""
        notes.append(f"dropped: a drawing written into the post (<svg>){said}")
        drawing.decompose()


def _embedded_address(tag: Tag) -> str:
    """What an embed shows: its ``src`` or ``data``, a ``<source>``'s, or for
    an ``<object>`` (the old Flash player, as YouTube gave it to paste) its
    ``movie`` parameter or the ``<embed>`` inside it."""
    src = tag.get("src") or tag.get("data")
    if not src and tag.name == "object":
        movie = tag.find("param", attrs={"name": re.compile("^(movie|src)$", re.I)})
        inner = tag.find("embed", src=True)
        src = (movie.get("value") if movie else None) or (inner["src"] if inner else None)
    if not src:
        source = tag.find("source", src=True)
        src = source["src"] if source else None
    return (src or "").strip()


#: What a player shortcode showed (wordpress.py marks its embed with it).
WHAT_IT_SHOWED = frozenset(
    "Audio Video Map Tweet Post Feed Code Slides Document Poll Photo".split()
)


#: Files a browser plays, by their names' ends: an ``<img>`` of one is a player's.
PLAYED = {
    **dict.fromkeys(("mp4", "m4v", "mov", "webm", "ogv", "3gp", "avi", "wmv", "mkv"), "video"),
    **dict.fromkeys(("mp3", "m4a", "oga", "wav", "flac"), "audio"),
}


def _played_files_as_players(soup: BeautifulSoup) -> None:
    """A picture of a video or sound file (Blogger's editor of 2014 put an
    uploaded video in a post so: ``<img src=".../VID_....mp4">``), which no
    browser shows, as the ``<video>`` or ``<audio>`` it stood for: its note
    and link (:func:`_take_embeds`), not a broken picture."""
    for image in soup.find_all("img", src=True):
        ending = urlsplit(image["src"].strip()).path.rsplit(".", 1)[-1].lower()
        if ending in PLAYED:
            image.name = PLAYED[ending]
            image.attrs = {"src": image["src"], "title": image.get("alt", "")}


def _take_embeds(soup: BeautifulSoup, embeds: list, notes: list[str], base_url: str | None) -> None:
    """Replace embeds (which the sanitiser drops) with numbered placeholders.
    An address relative to the post's is resolved against it as a picture's
    is (:func:`_absolute`; ``null.ogg`` had become ``https:///null.ogg``), a
    protocol-relative sound or video file too (kept with the post, it is
    found by that address: it had been linked on the old host), a
    protocol-relative player on another site by https."""
    for tag in soup.find_all(EMBEDDING):
        if tag.decomposed or tag.find_parent(EMBEDDING):  # inside one taken already
            continue
        if tag.get("data-listed") in LISTED_HERE:  # the blog's own list: listed_placeholder
            embeds.append(_listed_embed(tag))
            tag.replace_with(soup.new_string(f"\n{EMBED}{len(embeds) - 1}\n"))
            continue
        src = _embedded_address(tag)
        if not base_url and not src.startswith("//") and not urlsplit(src).scheme:
            src = ""  # relative to an address not known: nothing to link
        elif src.startswith("//") and not ATTACHMENT.search(urlsplit(src).path):
            src = "https:" + src  # a player on another site: linked by https
        url = safe_url(_absolute(src, base_url)) if src else None
        kind = {"video": "Video", "audio": "Audio"}.get(tag.name, "Embedded content")
        if url is None or urlsplit(url).scheme not in ("http", "https"):
            notes.append(f"dropped: <{tag.name}> with no usable address")
            tag.decompose()
            continue
        flash = re.match(r"https?://(?:www\.)?youtube\.com/v/([\w-]+)", url)
        if flash:  # YouTube's Flash player, gone: the video's own page
            url = f"https://www.youtube.com/watch?v={flash.group(1)}"
        if tag.name in ("iframe", "object", "embed") and re.search(
            r"youtube|vimeo|dailymotion", url
        ):
            kind = "Video"
        if tag.get("data-kind") in WHAT_IT_SHOWED:  # a shortcode's (wordpress.py)
            kind = tag["data-kind"]
        embeds.append((kind, url, (tag.get("title") or "").strip()))
        notes.append(f"changed: <{tag.name}> from {provider(url)} became a link (nothing loaded)")
        tag.replace_with(soup.new_string(f"\n{EMBED}{len(embeds) - 1}\n"))


def _restore_embeds(soup: BeautifulSoup, embeds: list, kept: list[str]) -> None:
    """Put back, as tags of our own, the embeds and unconverted markup the
    sanitiser was not shown (it drops what it does not know); the comments
    it kept (a browser shows none) taken out first."""
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    soup.smooth()  # (the words either side of one, one text again)
    for text in soup.find_all(string=re.compile(f"({EMBED}|{KEPT})\\d+")):
        anchor = text
        for part in re.split(f"((?:{EMBED}|{KEPT})\\d+)", str(text)):
            if part.startswith(EMBED):
                kind, url, title = embeds[int(part[len(EMBED) :])]
                new = soup.new_tag("embedplaceholder", attrs={"kind": kind, "href": url})
                if title:
                    new["title"] = title
            elif part.startswith(KEPT):
                new = soup.new_tag("notconverted")
                new.string = kept[int(part[len(KEPT) :])]
            elif part.strip():
                new = soup.new_string(part)
            else:
                continue
            anchor.insert_after(new)
            anchor = new
        text.extract()


#: How deep markup may nest.  The converter walks it recursively (as bs4 and
#: markdownify do), and Python's stack held some 300 levels of it; MyST's
#: parser (markdown-it, ``maxNesting`` 20) drops, silently, text nested deeper
#: than 20 (quotes in quotes...).
DEPTH = 16


def _flatten_deep(soup: BeautifulSoup, notes: list[str]) -> None:
    """Every element nested more than ``DEPTH`` deep unwrapped, its text and
    pictures kept where they were: a word processor's paste can nest hundreds
    of <div>s or <font>s, and the import crashed (RecursionError).  Found by
    walking the tree with a list, not recursion, for the same reason; each
    element at the limit given its leaves (text, pictures, line breaks) in
    one pass, in their order: unwrapping the elements below it one by one
    had taken time as the square of their depth (88 s for a post of 20,000
    unclosed <p>s), and lost a picture, which has nothing to unwrap into.
    Where a block began or ended among them, a line break, as a browser
    starts a block on a line of its own: the words of a pasted newsletter's
    table cells had run together ("Introductions7:10-8")."""
    limits, stack = [], [(child, 1) for child in soup.contents]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, Tag) and depth == DEPTH:
            if any(isinstance(child, Tag) for child in node.contents):
                limits.append(node)
        elif isinstance(node, Tag):
            stack.extend((child, depth + 1) for child in node.contents)
    for element in limits:
        leaves = _leaves_apart(soup, element)
        for leaf in leaves:
            leaf.extract()
        element.clear()
        element.extend(leaves)
    if limits:
        notes.append(f"changed: markup nested more than {DEPTH} deep flattened below that")


def _leaves_apart(soup: BeautifulSoup, element: Tag) -> list:
    """The leaves under ``element`` (its text, pictures, line breaks), in
    their order, a new line break between two where a block (:data:`BLOCK_LEVEL`)
    began or ended, as a browser shows them: walked with a list, each block's
    end an entry after its children, not by recursion (:func:`_flatten_deep`)."""
    leaves: list = []
    apart = False
    stack: list[tuple[object, bool]] = [(child, False) for child in reversed(element.contents)]
    while stack:
        node, ended = stack.pop()
        if ended or (isinstance(node, Tag) and node.contents and node.name in BLOCK_LEVEL):
            apart = True
        if ended:
            continue
        if isinstance(node, Tag) and node.contents:
            if node.name in BLOCK_LEVEL:
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
            continue
        is_break = getattr(node, "name", None) == "br"
        if apart and leaves and not is_break and getattr(leaves[-1], "name", None) != "br":
            leaves.append(soup.new_tag("br"))
        apart = apart and _is_blank(node)  # (a block's own white space parts nothing)
        leaves.append(node)
    return leaves


HEADING_TAG = re.compile(r"^h[1-6]$")
#: Blocks a list item may open with, written as Markdown's own (not escaped as text).
OWN_BLOCKS = {"table", LIST_TABLE, "blockquote", "pre", "ul", "ol", "dl", "figure"}
#: Where Markdown (and docutils) has no heading: a heading there is bold text.
NO_HEADINGS = ["li", "td", "th", "blockquote", "dd", "dt", "figcaption", "caption"]


#: Inline marks a browser carries into the blocks they hold; Markdown's marks
#: cannot hold a block.
CARRIED_MARKS = [
    *("b", "strong", "i", "em", "u", "del", "s", "strike", "ins", "cite", "dfn", "var"),
    *("a", "sup", "sub", "small", "mark", "abbr", "acronym", "kbd", "big", "code", "samp"),
]
#: What is a block inside a mark: a paragraph, list, quote, table, heading...,
#: their parts, and an embed's or a kept shortcode's note.
BLOCK_LEVEL = BLOCKS | WRAPPERS | {
    "li", "dt", "dd", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "figcaption",
    "embedplaceholder", "notconverted",
}  # fmt: skip
#: The notes an embed or a kept shortcode leaves (:func:`_restore_embeds`): blocks.
NOTES = {"embedplaceholder", "notconverted"}
#: Blocks whose inside takes no marks: code, and the notes.
UNMARKED = {"pre", "hr", *NOTES}


def _marks_into_blocks(soup: BeautifulSoup) -> None:
    """Inline marks around blocks (bold around paragraphs, a Word paste's;
    italics around a list or a video; a link around two paragraphs) carried
    into them, as a browser shows them: each block's words marked, the blocks
    kept.  Around them, Markdown's marks had held the blocks' Markdown ("**",
    "*- one" breaking the list, "**> quoted", a table's rows as text).  A
    paragraph around a block ends before it, as a browser ends it.  The
    innermost first, so that a block climbs out of every mark around it
    (after :func:`_blocks_where_words_were`, before :func:`_words_after_blocks`:
    a block out of its mark has words after it too)."""
    _blocks_where_words_were(soup)
    for mark in reversed(soup.find_all([*CARRIED_MARKS, "p"])):
        if _holds_blocks(mark):
            _split_around_blocks(soup, mark)
    _words_after_blocks(soup)
    for heading in soup.find_all(HEADING_TAG):  # Blogger's "Heading" around pictures, a list
        for wrapper in heading.find_all(list(WRAPPERS)):  # (the words of its divisions stay its)
            if wrapper.find(list(IN_HEADINGS_BLOCKS)) is not None:
                wrapper.unwrap()
        if any(_heading_block(child) for child in heading.children):
            _split_around_blocks(soup, heading, _heading_block)
    for paragraph in soup.find_all("p"):  # the "more" break's, bold as the words it ended
        if paragraph.find(True) is not None and paragraph.get_text().strip() == MORE:
            paragraph.string = MORE  # (the sanitiser carries marks on, as HTML5 does)


def _blocks_where_words_were(soup: BeautifulSoup) -> None:
    """Blocks where Markdown (or docutils) takes words alone, as a browser
    showed them: a term defined (``<dt>``, written in bold) holding a block
    (code, a video) is a paragraph of bold words, the block apart (its fence
    had been in the bold: "**```text"); a figure's words of no
    picture (a quote's, a video's) or beside its picture, are paragraphs
    ("# h" after a video had been a heading), as is a caption of no figure;
    a video's note in a caption follows its figure (a caption holds words
    alone: the build refused it)."""
    for term in soup.find_all("dt"):
        if any(_is_block(node) for node in term.descendants):
            _mark_inside(soup, term, "strong")
            term.name = "p"
        for gap in term.find_all("br"):  # a term is one paragraph: a gap in it a line
            if getattr(next_shown(gap, "next_sibling"), "name", None) == "br":  # break (a
                gap.decompose()  # blank line had ended its bold, "# ..." after it a heading)
    _figures_words(soup)
    for note in soup.select(", ".join(f"figcaption {name}" for name in sorted(NOTES))):
        note.find_parent("figure").insert_after(note.extract())


def _words_after_blocks(soup: BeautifulSoup) -> None:
    """A definition's words beside a block, and a list item's, a quote's and
    a division's in either after one, as paragraphs ("<li>a<ul>...</ul>b</li>":
    b had run on from the nested list's last item; "<dd><b><div>x</div></b>#
    h</dd>": "# h" had been a heading)."""
    for definition in soup.find_all("dd"):
        if any(_is_block(node) for node in definition.children):
            definition.extend(_as_blocks(soup, list(definition.children)))
    for holder in soup.find_all(["li", "blockquote", *WRAPPERS]):
        if holder.name in WRAPPERS and holder.find_parent(["li", "blockquote", "dd"]) is None:
            continue  # (the post's own divisions are its paragraphs: _paragraphs)
        children = list(holder.children)
        first = next((n for n, node in enumerate(children) if _is_block(node)), len(children))
        if any(not _is_block(node) and not _is_spacing(node) for node in children[first:]):
            holder.extend(_as_blocks(soup, children[first:]))  # (words before: the item's line)


def _figures_words(soup: BeautifulSoup) -> None:
    """A figure's words as paragraphs: of one with no picture (unwrapped), or
    beside its picture (they had been written bare); a figure's caption out
    of any figure a paragraph, a table's out of any table its words (a
    browser ignores the tag)."""
    for figure in soup.find_all("figure"):  # (a table's caption is the table's: _tables_as_lists)
        if figure.find(["img", "table"]) is None:
            figure.extend(_as_blocks(soup, list(figure.children)))
            figure.unwrap()
            continue
        _mark_inside(soup, figure, "p", lambda node: _is_block(node) or _holds_picture(node))
    for caption in soup.find_all("figcaption"):  # of no figure (or of one unwrapped just now)
        if caption.find_parent("figure") is None:
            caption.name = "p"
    for caption in soup.find_all("caption"):
        if caption.find_parent("table") is None:
            caption.unwrap()


#: What a heading holds that a browser shows as a block of its own (a division's
#: or a paragraph's words it shows as the heading's).
IN_HEADINGS_BLOCKS = (BLOCKS - {"p", "h1", "h2", "h3", "h4", "h5", "h6"}) | NOTES


def _heading_block(node) -> bool:
    return isinstance(node, Tag) and node.name in IN_HEADINGS_BLOCKS


def _holds_blocks(tag: Tag) -> bool:
    return any(_is_block(child) for child in tag.children)


def _is_block(node) -> bool:
    return isinstance(node, Tag) and node.name in BLOCK_LEVEL


def _like(soup: BeautifulSoup, mark: Tag) -> Tag:
    """A new, empty tag as ``mark`` is: its name, its attributes."""
    return soup.new_tag(mark.name, attrs=dict(mark.attrs))


def _split_around_blocks(soup: BeautifulSoup, mark: Tag, blocky=_is_block) -> None:
    """``mark`` replaced by its blocks (``blocky``), each with ``mark``
    carried inside it (not a paragraph's or a heading's: a browser ends
    either before the block), and the runs of words between them each in a
    copy of ``mark``."""
    parts: list = []
    run: list = []

    def flush() -> None:
        if any(not _is_blank(node) for node in run):
            copy = _like(soup, mark)
            copy.extend(run)
            parts.append(copy)
        else:
            parts.extend(run)
        run.clear()

    for child in [child.extract() for child in list(mark.children)]:
        if blocky(child):
            flush()
            if mark.name != "p" and not HEADING_TAG.match(mark.name):
                _carry_into(soup, child, mark)
            parts.append(child)
        else:
            run.append(child)
    flush()
    for part in reversed(parts):
        mark.insert_after(part)
    mark.decompose()


def _carry_into(soup: BeautifulSoup, block: Tag, mark: Tag) -> None:
    """``mark`` around the words of ``block``, and of each block inside it."""
    if block.name in UNMARKED:
        return
    if _holds_blocks(block):
        for child in list(block.children):
            if _is_block(child):
                _carry_into(soup, child, mark)
            elif not _is_blank(child):  # words beside blocks (a list item's text)
                child.wrap(_like(soup, mark))
        return
    if block.get_text(strip=True) or block.find("img"):
        copy = _like(soup, mark)
        copy.extend(list(block.contents))
        block.append(copy)


def _headings_as_text(soup: BeautifulSoup, notes: list[str]) -> None:
    """A heading in a list item, a table's cell, a quote or a link (an old
    layout's) as bold text, as a browser showed it: Markdown has no heading
    there, and it came in as "## heading"; a link around a heading alone, a
    linked heading.  In preformatted text, its words a line of their own."""
    for heading in soup.find_all(HEADING_TAG):
        if heading.find_parent("pre") is not None:  # (code: had it been "## words" there,
            _line_of_its_own(heading)  # the levels after it were counted from it)
            continue
        link, words = heading.find_parent("a"), heading.get_text(strip=True)
        if link is not None and words and link.get_text(strip=True) == words:  # (bs4's text
            # leaves out a ruby's fallback: in a stray <rp>, two headings were "" alike)
            # A link around a heading (a template's habit): the heading, linked.
            inside = soup.new_tag("a", attrs=dict(link.attrs))
            inside.extend(list(heading.contents))
            heading.append(inside)
            link.replace_with(heading.extract())
    found = [
        heading
        for heading in soup.find_all(HEADING_TAG)
        if heading.find_parent([*NO_HEADINGS, "a"]) is not None
    ]
    made: list[Tag] = []  # the bold words and their paragraphs, the innermost first
    for heading in found:
        bold = soup.new_tag("strong")
        bold.extend(list(heading.contents))
        made.append(bold)
        cell = heading.find_parent(["td", "th"])
        if cell is not None and not cell.find_parent("table").has_attr(AS_LIST):
            heading.replace_with(bold, soup.new_string(" "))  # a pipe table's cell: one line
        else:
            paragraph = soup.new_tag("p")
            paragraph.append(bold)
            heading.replace_with(paragraph)
            made.append(paragraph)
    for tag in made:  # a heading that held a block (code): bold and paragraph end before it
        if tag.parent is not None and _holds_blocks(tag):
            _split_around_blocks(soup, tag)
    if found:
        notes.append(f"changed: {len(found)} heading(s) in a list, table, quote or link now bold")


def _line_of_its_own(block: Tag) -> None:
    """``block``'s words in preformatted text, on their own line as a
    browser shows a block there: a line break before and after, unless the
    text beside it ends or starts one."""
    before, after = (
        node.get_text() if isinstance(node, Tag) else str(node or "\n")
        for node in (block.previous_sibling, block.next_sibling)
    )
    if not before.endswith("\n"):
        block.insert_before("\n")
    if not after.startswith("\n"):
        block.insert_after("\n")
    block.unwrap()


def _cells_inline(soup: BeautifulSoup) -> None:
    """A pipe table's cell holds one line in Markdown: a list in one as its
    items after bullets ("• one • two", not "- one - two"), code as inline
    code.  Not a table written as a list-table (:func:`_tables_as_lists`)."""
    for cell in soup.find_all(["td", "th"]):
        if cell.find_parent("table").has_attr(AS_LIST):
            continue
        for listed in cell.find_all(["ul", "ol"]):
            for number, item in enumerate(listed.find_all("li", recursive=False), start=1):
                mark = f"{number}." if listed.name == "ol" else "•"
                item.insert(0, soup.new_string(f" {mark} "))
                item.unwrap()
            listed.unwrap()
        for pre in cell.find_all("pre"):
            code = soup.new_tag("code")
            code.string = " ".join(pre.get_text().split())
            pre.replace_with(code)


#: Blocks the sanitiser removes (keeping their words) or the converter takes
#: for inline text, made ones both keep: else their words ran into the next
#: ("Gomoving", "United StatesAnchor Tag").  HTML5's sections among them.
KEPT_APART = {
    "marquee": "div", "form": "div", "fieldset": "div", "button": "p", "legend": "p",
    "address": "div", "section": "div", "main": "div", "search": "div", "aside": "div",
    "header": "div", "footer": "div", "nav": "div", "hgroup": "div", "details": "div",
    "summary": "p", "menu": "ul", "dir": "ul",
}  # fmt: skip


def _blocks_kept_apart(soup: BeautifulSoup) -> None:
    """What a browser showed apart, kept apart: a block the sanitiser would
    remove as a block of its own; MathML (removed whole) as its text; a
    paragraph's two line breaks in a row (a blank line) as two paragraphs."""
    for tag in _named(soup, KEPT_APART):
        if tag.name == "address":  # which a browser shows in italics
            _in_italics(soup, tag)
        tag.name = KEPT_APART[tag.name]
        tag.attrs = {ALIGN: tag[ALIGN]} if tag.has_attr(ALIGN) else {}
    for formula in soup.find_all("math"):
        formula.replace_with(soup.new_string(formula.get_text()))
    for paragraph in soup.find_all("p"):
        _split_at_blank_lines(soup, paragraph)
    for tag in soup.find_all(style=STYLED_APART):
        picture = tag.name == "img" or tag.find("img") is not None  # (placed: _pictures_placed)
        if tag.name not in BLOCKS | WRAPPERS and not picture:
            _words_apart(tag)


#: A style that shows a tag apart from the words around it: floated (a pasted
#: page's ``Release Date<span style="float: left">6/04/2014``), or a block.
STYLED_APART = re.compile(
    r"(?:^|;)\s*(?:float\s*:\s*(?:left|right)|display\s*:\s*(?:block|flex|grid|table|list-item))\b",
    re.I,
)


def _words_apart(tag: Tag) -> None:
    """A space between ``tag`` and the words it touches on either side: the
    sanitiser drops its style, and they would run together."""
    before = tag.find_previous(string=True)
    last = next(reversed(list(tag.descendants)), tag)
    after = last.find_next(string=True)
    if before and not before[-1:].isspace():
        tag.insert_before(" ")
    if after and not after[:1].isspace():
        tag.insert_after(" ")


#: Sizes larger than a page's words, as :data:`STYLED` reads them.
BIGGER = [
    r"x*-?large",
    "larger",
    r"(?:1[5-9]|[2-9]\d)\d%",
    r"(?:1\.[5-9]\d*|[2-9](?:\.\d+)?)r?em",
    r"(?:2[4-9]|[3-9]\d|\d{3})(?:\.\d+)?px",
    r"(?:1[89]|[2-9]\d|\d{3})(?:\.\d+)?pt",
]
HEADINGS = "h1 h2 h3 h4 h5 h6"
#: ``<font size>`` of HTML 3, as a browser shows its seven sizes (3 is a page's
#: words'): 4 to 7 and +1 to +4 are bigger (as the styles above, not smaller).
FONT_BIGGER = re.compile(r"\s*(?:[4-7]|\+[1-4])\s*$")
#: The block editor's sizes, as classes: "Large", "Extra large", "Huge" (its
#: "Small" not, as the styles above).
BIGGER_CLASS = re.compile(r"^has-(?:x*-?large|huge)-font-size$")


def _style(written: str) -> re.Pattern:
    """A style's property and value, ``written`` as a pattern, the property by
    its whole name: Word's ``mso-bidi-font-weight:bold`` (the weight of
    right-to-left scripts' words, which no browser reads) had made its words
    bold."""
    return re.compile(r"(?<![\w-])" + written, re.I)


#: Styles an editor wrote for what HTML marks (Blogger's editor of 2008,
#: ``<span style="font-weight: bold;">``; a Word paste's), which the sanitiser
#: drops: the mark each stands for, and the tags already marked so.
STYLED = [
    (_style(r"font-weight\s*:\s*(bold|bolder|[6-9]00)\b"), "strong", "b strong th"),
    (_style(r"font-style\s*:\s*(italic|oblique)\b"), "em", "i em cite dfn var"),
    (_style(r"text-decoration[\w-]*\s*:[^;]*\bline-through\b"), "s", "s del strike"),
    (_style(r"text-decoration[\w-]*\s*:[^;]*\bunderline\b"), "u", "u ins a"),
    # Blogger's editor's "Large" and "Largest" (font-size: large, x-large), an
    # editor's 150 % and more, 24px, 18pt: words an author made stand out, often
    # a heading of their own.  Not smaller sizes: Blogger wrapped whole posts in
    # "small" (its editor's default in many templates), and a Word paste writes
    # its body text's 10pt: a whole post in fine print is no one's emphasis.
    (_style(rf"font-size\s*:\s*(?:{'|'.join(BIGGER)})(?![\w.])"), "big", f"big {HEADINGS}"),
]


#: Styles that undo what a tag marks, and the tags so marked: Google Docs
#: pastes a document in ``<b style="font-weight:normal">`` (its
#: ``docs-internal-guid``), which a browser shows in plain words, its bold
#: words in spans of their own.
UNSTYLED = [
    (_style(r"font-weight\s*:\s*(?:normal|lighter|[1-4]00)\b"), "b strong"),
    (_style(r"font-style\s*:\s*normal\b"), "i em cite dfn var"),
    (_style(r"text-decoration[\w-]*\s*:\s*none\b"), "u ins s del strike"),
]


#: A style with no background: a ``<mark>`` of it is the block editor's text colour.
NO_BACKGROUND = re.compile(
    r"background(?:-color)?\s*:\s*(?:transparent|rgba\([^)]*,\s*0\s*\))", re.I
)
#: Whether a post styles any words so at all (most do not: no tag looked at).
STYLED_AT_ALL = re.compile(
    r"font-weight|font-style|text-decoration|background|font-size|<font\b", re.I
)


def _styles_as_marks(soup: BeautifulSoup) -> None:
    """Words styled bold, italic, struck out, underlined or bigger marked so,
    as they showed: the sanitiser drops every style, and they had come in as
    plain words (a song's title in italics, a Blogger post's "Largest" line).
    A heading's bold and size are its own.  A mark a style undoes
    (:data:`UNSTYLED`) marks nothing: a document pasted from Google Docs had
    come in bold throughout; words in a mark that their own style undoes
    (``<b>a <span style="font-weight:normal">b</span></b>``) are out of it.  A
    ``<mark>`` with no background is the block editor's colour of words
    (which the site does not keep), no highlight: its words alone."""
    for tag in soup.find_all(style=True):
        undone = [names.split() for style, names in UNSTYLED if style.search(tag["style"])]
        if any(tag.name in names for names in undone) or (
            tag.name == "mark" and NO_BACKGROUND.search(tag["style"])
        ):
            tag.unwrap()
            continue
        for names in undone:
            _out_of_mark(soup, tag, names)
        for style, name, marked in STYLED:
            if not style.search(tag["style"]) or tag.name in marked.split():
                continue
            if name == "strong" and re.fullmatch(r"h[1-6]", tag.name) or not tag.contents:
                continue
            if name == "big" and tag.find_parent(HEADINGS.split()) is not None:
                continue
            _mark_inside(soup, tag, name)
    bigger = [*soup.find_all("font", size=FONT_BIGGER), *soup.find_all(class_=BIGGER_CLASS)]
    for tag in bigger:
        if (
            tag.contents
            and tag.name not in HEADINGS.split()
            and not tag.find_parent(HEADINGS.split())
        ):
            _mark_inside(soup, tag, "big")


def _out_of_mark(soup: BeautifulSoup, tag: Tag, marks: list[str]) -> None:
    """``tag`` out of the nearest of ``marks`` it is in, among the inline
    elements around it: each of those parted in two about it, the same on
    either side (a link's two parts lead where it led).  A mark around the
    block ``tag`` is in (``<b><p>a <span style="font-weight:normal">b</span>
    </p></b>``) is carried into its blocks first: ``b`` had stayed bold."""

    def nearest() -> Tag | None:
        return next((up for up in tag.parents if up.name in marks or _is_block(up)), None)

    mark = nearest()
    if mark is not None and mark.name not in marks:  # a block: is a mark around it?
        outer = next((up for up in mark.parents if up.name in marks), None)
        if outer is None:
            return
        # carried into its blocks now, as _marks_into_blocks does later for every mark
        _split_around_blocks(soup, outer)  # ("<p><b>a <span>b</span></b></p>")
        mark = nearest()
    if mark is None or mark.name not in marks:
        return
    node = tag
    while node.parent is not None and node is not mark:
        parent = node.parent
        after = _like(soup, parent)
        after.extend([sibling.extract() for sibling in list(node.next_siblings)])
        parent.insert_after(node.extract())
        node.insert_after(after)
        for part in (parent, after):
            if not part.contents:
                part.decompose()
        if parent is mark:
            break
        # the words now outside ``parent`` are in a copy of it, ``node`` is not: go on
        # from a copy of ``parent`` around ``node``, which the next turn parts in two
        copy = _like(soup, parent)
        node.wrap(copy)
        node = copy


def _holds_picture(node) -> bool:
    return isinstance(node, Tag) and (node.name == "img" or node.find("img") is not None)


def _own_words(tag: Tag, text: str | None) -> str:
    """``tag``'s Markdown ``text`` with the block marks its words open with
    escaped (:func:`_escape_lines`), unless ``tag`` opens with a block that
    writes its own mark (:func:`_opens_own_block`)."""
    return (text or "") if _opens_own_block(tag) else _escape_lines(text or "")


def _opens_own_block(tag: Tag) -> bool:
    """Whether ``tag`` opens with a block that writes its own mark (a quote's
    ">", a list's "-", code's fence): its Markdown is not escaped there (a
    division's is words)."""
    shown = (node for node in tag.children if not _is_blank(node) and not _is_gap(node))
    first = next(shown, None)
    if isinstance(first, Tag) and first.name in WRAPPERS:  # a division's first block
        return _opens_own_block(first)  # ("<li><div><ul>": its list's bullets had been escaped)
    return isinstance(first, Tag) and first.name in OWN_BLOCKS


def _is_gap(node) -> bool:
    """A rule, a line break or an empty paragraph (what a rule there became:
    :func:`_tidy_transitions`), which a list item or quote opening with one
    shows as a gap at most."""
    if not isinstance(node, Tag):
        return False
    empty = node.name == "p" and not node.get_text(strip=True) and node.find(True) is None
    return empty or node.name in ("hr", "br")


def _mark_inside(soup: BeautifulSoup, tag: Tag, name: str, apart=_is_block) -> None:
    """``tag``'s words in a new ``<name>``, in ``tag``: a mark for each run
    of them between its children ``apart`` names, its blocks (a header
    cell's video had been in the bold, its fence after "**")."""
    run: list = []
    for child in [*tag.contents, None]:
        if child is not None and not apart(child):
            run.append(child)
            continue
        if any(not _is_spacing(node) for node in run):
            run[0].insert_before(mark := soup.new_tag(name))
            mark.extend([node.extract() for node in run])
        run = []


def _more_breaks(soup: BeautifulSoup, summary_hack: bool) -> None:
    """Blogger's break of old, ``<a name="more">``, the "more" break; and
    where the post may have one, :func:`_summary_hack_as_break`."""
    for anchor in soup.find_all("a", attrs={"name": "more"}):
        anchor.replace_with(soup.new_string(f"\n{MORE}\n"))
    if summary_hack:
        _summary_hack_as_break(soup)


def _summary_hack_as_break(soup: BeautifulSoup) -> None:
    """Blogger's "expandable post summaries" (its help's way, 2007-2009,
    before the jump break): the rest of a post in a ``<span
    class="fullpost">``, which the template hid on the home page and showed
    on the post's.  Where a post has no break of its own, its start is the
    "more" break: the excerpt is what the home page showed."""
    rest = soup.find(class_="fullpost")
    if rest is None or MORE in soup.get_text():
        return
    before = rest.previous_sibling
    while before is not None and _is_blank(before):
        before = before.previous_sibling
    if before is None or before.name == "br" or _is_block(before):
        rest.insert_before(brk := soup.new_tag("p"))  # a paragraph: the words after it are
        brk.string = MORE  # not the excerpt's (a break in a paragraph ends it after them)
    else:  # in a paragraph's words: the paragraph whole, in the excerpt
        rest.insert_before(soup.new_string(f" {MORE} "))


#: How a block's words were aligned: a style's, an old attribute's, the block
#: editor's class.  "left" is kept too, for a block to the left in a centred one.
TEXT_ALIGN = re.compile(r"(?:^|;)\s*text-align\s*:\s*(left|center|right|justify)\b", re.I)
ALIGN_CLASS = re.compile(r"^has-text-align-(left|center|right)$")
BUTTON_ALIGN_CLASS = re.compile(r"^align(center|right)$")  # (a block editor's button's)
#: The alignments a paragraph keeps (its class, which ``_static/imported.css``
#: aligns): the others are the page's own (a justified one read as the left).
SHOWN_ALIGNED = {"center": "text-center", "right": "text-right"}
FENCED = re.compile(r"^(?:`{3,}|:{3,})", re.M)


def _alignments(soup: BeautifulSoup) -> None:
    """Each paragraph and division's alignment (``ALIGN``), which the
    sanitiser would drop with its style: ``text-align`` (Blogger's editor
    centred a picture or a poem's lines so), ``align`` and ``<center>`` (old
    pages'), the block editor's ``has-text-align-center`` (and a button's
    ``aligncenter``, a button as wide as its words); a picture alone in
    a paragraph with the classic editor's ``aligncenter``, which WordPress
    showed centred.  Its blocks keep it (:func:`_paragraphs`)."""
    for tag in _named(soup, ("p", "div", "center")):
        tag.attrs.pop(ALIGN, None)  # the post's own would be taken for one found
        found = [tag.get("align", "").lower()] if tag.name != "center" else ["center"]
        found += [m.group(1).lower() for m in TEXT_ALIGN.finditer(tag.get("style", ""))]
        found += [m.group(1) for c in tag.get("class", []) if (m := ALIGN_CLASS.match(c))]
        if "wp-block-button" in tag.get("class", []):  # (a button is as wide as its words)
            found += [m.group(1) for c in tag["class"] if (m := BUTTON_ALIGN_CLASS.match(c))]
        found = [how for how in found if how in ("left", "center", "right", "justify")]
        if not found and _a_picture_centred(tag):
            found = ["center"]
        if found:
            tag[ALIGN] = "left" if found[-1] == "justify" else found[-1]


def _a_picture_centred(tag: Tag) -> bool:
    """``tag`` holds a picture alone (or a link around one) of the class
    ``aligncenter``."""
    held = _lone_child(tag)
    if isinstance(held, Tag) and held.name == "a":
        held = _lone_child(held)
    return isinstance(held, Tag) and held.name == "img" and "aligncenter" in held.get("class", [])


FLOATED = re.compile(r"(?:^|;)\s*float\s*:\s*(left|right)\b", re.I)
STYLED_WIDTH = re.compile(r"(?:^|;)\s*width\s*:\s*(\d{1,4}(?:\.\d{1,3})?(?:px|%))", re.I)
SIDE_CLASS = re.compile(r"^align(left|right)$")


GALLERY_COLUMNS = re.compile(r"(?:gallery-)?columns-([1-9])")


def _gallery_columns(soup: BeautifulSoup) -> None:
    """Each figure's columns (``COLUMNS``), which the sanitiser would drop
    with its class: its blog's gallery of so many (WordPress's block,
    ``columns-4``; its ``[gallery columns="4"]``, as wordpress.py writes it,
    ``gallery-columns-4``), else WordPress's 3 (:meth:`_Figures._gallery`)."""
    for figure in soup.find_all("figure"):
        figure.attrs.pop(COLUMNS, None)  # the post's own would be taken for one found
        for name in figure.get("class", []):
            if match := GALLERY_COLUMNS.fullmatch(name):
                figure[COLUMNS] = match[1]


#: The block editor's columns and its media and text (``wp-block-columns``,
#: ``wp-block-media-text``); a column of either.
COLUMNS_CLASSES = {"wp-block-columns", "wp-block-media-text"}
COLUMN_CLASSES = {"wp-block-column", "wp-block-media-text__media", "wp-block-media-text__content"}


def _columns_marked(soup: BeautifulSoup) -> None:
    """The block editor's columns (``COLUMNS``, each column ``COLUMN``),
    which the sanitiser would drop with their classes, so that they are
    written side by side (:meth:`_Converter.convert_div`): one under another,
    a post laid out in columns lost its layout.  Its media and text too, its
    picture a column beside its words, on the side its blog showed it
    (``has-media-on-the-right``).  Not columns holding the "more" break,
    which is the post's excerpt's end, nor a division holding more than its
    columns (stray words)."""
    for division in soup.find_all("div"):  # the post's own would be taken for ones found
        for name in (COLUMNS, COLUMN):
            division.attrs.pop(name, None)
    for division in soup.find_all("div", class_=lambda name: name in COLUMNS_CLASSES):
        columns = [c for c in division.children if not (_is_blank(c) or isinstance(c, Comment))]
        if not columns or MORE in division.get_text():
            continue
        if not all(isinstance(c, Tag) and COLUMN_CLASSES & {*c.get("class", [])} for c in columns):
            continue
        if "has-media-on-the-right" in division.get("class", []):  # shown so, whatever its order
            columns.sort(key=lambda column: "wp-block-media-text__media" in column["class"])
        for column in columns:
            span = _column_span(division, column)
            if column.name != "div":  # media and text's <figure>: a column holding it
                column = column.wrap(soup.new_tag("div"))
            column[COLUMN] = span
            division.append(column.extract())  # (in the order shown)
        division[COLUMNS] = str(len(columns))


#: A column's width its author set, in the block editor's columns (the
#: column's ``flex-basis``) or its media and text (the picture's column, in
#: the block's ``grid-template-columns``): a share of the row.
COLUMN_WIDTH = re.compile(r"(?:^|;)\s*flex-basis\s*:\s*(\d{1,3}(?:\.\d+)?)%", re.IGNORECASE)
MEDIA_WIDTH = re.compile(
    r"grid-template-columns\s*:\s*(?:auto\s+)?(\d{1,3}(?:\.\d+)?)%(?:\s+auto)?\s*(?:;|$)",
    re.IGNORECASE,
)
#: The widths a column can be given, in 24ths of the row: ``span-N`` (imported.css).
SPANS = 24


def _column_span(division: Tag, column: Tag) -> str:
    """The width its author set for ``column`` of ``division``, in 24ths of
    the row (``"16"``: two thirds), or ``""``: shared with the others.  Only a
    share of the row (a percentage); one in pixels shares it (a phone's
    screen is narrower than a fixed width was)."""
    if "wp-block-media-text__media" in column.get("class", []):
        found = MEDIA_WIDTH.search(division.get("style", ""))
    else:
        found = COLUMN_WIDTH.search(column.get("style", ""))
    if found is None or not 0 < float(found.group(1)) < 100:
        return ""
    return str(min(SPANS - 1, max(1, round(float(found.group(1)) * SPANS / 100))))


def _pictures_placed(soup: BeautifulSoup) -> None:
    """Each picture the text flowed beside (``SIDE``, and ``WIDTH``, the
    width it was shown at, which the sanitiser would drop with its style):
    floated by its style or its link's (Blogger's editor), in Blogger's
    captioned picture's floated table, of WordPress's ``alignleft`` or
    ``alignright`` (its own class, its figure's).  Written as MyST's
    ``align`` (:func:`_placed`, figures' ``:align:``), which Furo floats."""
    for image in soup.find_all("img"):
        for mark in (SIDE, WIDTH):  # the post's own would be taken for one found
            image.attrs.pop(mark, None)
        side = next(filter(None, map(_side, _holders(image))), None)
        if side is None:
            continue
        image[SIDE] = side
        width = STYLED_WIDTH.search(image.get("style", ""))
        if width:
            image[WIDTH] = width.group(1).lower()
        elif re.fullmatch(r"\d{1,4}", image.get("width", "")):
            image[WIDTH] = image["width"] + "px"


def _holders(image: Tag) -> list[Tag]:
    """``image`` and what places it: a link around it alone, a captioned
    picture's table or a figure it is in."""
    holders = [image]
    link = image.parent
    if link is not None and link.name == "a" and _only_child(link, image):
        holders.append(link)
    holders += [
        found
        for found in (image.find_parent("figure"), image.find_parent("table"))
        if found is not None
        and (found.name == "figure" or "tr-caption-container" in found.get("class", []))
    ]
    return holders


def _side(tag: Tag) -> str | None:
    """The side ``tag`` was floated to, or None."""
    floated = FLOATED.search(tag.get("style", ""))
    if floated:
        return floated.group(1).lower()
    sides = [m.group(1) for name in tag.get("class", []) if (m := SIDE_CLASS.match(name))]
    if sides:
        return sides[-1]
    if tag.name == "table" and tag.get("align", "").lower() in ("left", "right"):
        return tag["align"].lower()
    return None


def _placed(image: Tag, written: str) -> str:
    """A picture's Markdown followed by its side and width (MyST's inline
    attributes, ``{align=left width="25%"}``), where it was written as a picture."""
    side = image.get(SIDE)
    if side not in ("left", "right") or not written.startswith("!["):
        return written
    width = image.get(WIDTH, "")
    sized = f' width="{width}"' if re.fullmatch(r"\d{1,4}(?:\.\d{1,3})?(?:px|%)", width) else ""
    return f"{written}{{align={side}{sized}}}"


def _in_italics(soup: BeautifulSoup, tag: Tag) -> None:
    """``tag``'s words in italics; a line break at either end is no mark's."""
    words = list(tag.contents)
    while words and _is_spacing(words[-1]):
        words.pop()
    while words and _is_spacing(words[0]):
        words.pop(0)
    if words:
        italics = soup.new_tag("em")
        words[0].insert_before(italics)
        italics.extend(words)


def _split_at_blank_lines(soup: BeautifulSoup, paragraph: Tag) -> None:
    """``paragraph`` split where two ``<br>`` follow each other (with only
    white space between): a blank line to a reader, a new paragraph."""
    groups: list[list] = []
    current: list = []
    pending: list = []  # the breaks (and white space) since the last words
    for node in list(paragraph.contents):
        if (isinstance(node, Tag) and node.name == "br") or (pending and _is_blank(node)):
            pending.append(node)
            continue
        if current and sum(isinstance(n, Tag) for n in pending) >= 2:
            groups.append(current)
            current = []
            for taken in pending:
                taken.extract()
        else:
            current += pending
        pending = []
        current.append(node)
    groups.append(current + pending)
    after = paragraph
    for group in groups[1:]:
        new = soup.new_tag("p", attrs=dict(paragraph.attrs))
        new.extend([node.extract() for node in group])
        after.insert_after(new)
        after = new


def _code_lines(soup: BeautifulSoup) -> None:
    """Inline code of several lines (a stylesheet's or a command's lines in
    ``<code>``, each ended by ``<br>``, in a paragraph), which its blog showed
    a line each: a code span a line, a line break between them.  As one span
    (Markdown's cannot hold a line break) its lines ran into one.  A break
    in a mark in it too: a code span keeps no mark, and its break had been
    left in the span, the next line's "~~~" read as a fence.  A line break in
    a block of code (Blogger's editor wrote each of its lines' ends so) is
    the code's new line: written as a hard break, it had put two spaces at
    the end of each of the code's lines, which the reader copied with it."""
    for line_break in soup.select("pre br"):
        line_break.replace_with("\n")
    for code in soup.find_all(["code", "kbd", "samp"]):  # (keys typed, a program's output)
        if code.find_parent("pre") is not None or code.find("br") is None:
            continue
        for mark in code.find_all(True):
            if mark.name != "br" and not _is_block(mark):
                mark.unwrap()
        lines: list[list] = [[]]
        for node in list(code.contents):
            if getattr(node, "name", "") == "br":
                lines.append([])
            else:
                lines[-1].append(node.extract())
        for number, line in enumerate(lines):
            if number:
                code.insert_before(soup.new_tag("br"))
            if "".join(str(node) for node in line).strip():
                part = soup.new_tag(code.name)
                part.extend(line)
                _strip_ends(part)
                code.insert_before(part)
        code.decompose()


def _strip_ends(tag: Tag) -> None:
    """``tag``'s text without the white space at either end, which a browser
    does not show at a line's start or end."""
    texts = tag.find_all(string=True)
    if texts:
        texts[0].replace_with(first := NavigableString(texts[0].lstrip()))
        last = first if len(texts) == 1 else texts[-1]
        last.replace_with(NavigableString(last.rstrip()))


def _division_lines(soup: BeautifulSoup) -> None:
    """Blogger's editor wrote each line the author typed as a ``<div>`` and
    an empty line as ``<div><br></div>``: a browser shows the lines together,
    a gap only at the empty one.  Where a run of such divisions holds an
    empty one, the author left gaps between paragraphs, so the lines between
    two gaps are one paragraph's (a letter's, an address's), each a line of
    it.  A run with no empty line (each division a paragraph, as its author
    used them) is left to be a paragraph each.  A division of nothing but
    such lines (a style the editor put over some of them) is no end to the
    run: a browser shows its lines with the others (its empty line had not
    been seen, and the lines before it had come in a paragraph each)."""
    for parent in [soup, *soup.find_all(list(WRAPPERS))]:
        run: list[Tag] = []
        for node in [*parent.children, None]:
            if _is_blank(node):
                continue
            if isinstance(node, Tag) and node.name == "div" and _a_line(node):
                run.append(node)
                continue
            if isinstance(node, Tag) and node.name == "div" and _holds_lines(node):
                run += _lines_in(node)
                continue
            if any(_empty_line(division) for division in run):
                _lines_as_paragraphs(soup, run)
            run = []


#: What no line of text holds: a block, a picture, an embed's or a kept
#: shortcode's note (:func:`_restore_embeds`).
NOT_A_LINE = [*BLOCKS, *WRAPPERS, *EMBEDDING, "img", "embedplaceholder", "notconverted"]


def _a_line(division: Tag) -> bool:
    """``division`` holds a line of text (or none), not the "more" break,
    and is no column (:func:`_columns_marked`)."""
    if division.has_attr(COLUMN):
        return False
    return division.find(NOT_A_LINE) is None and MORE not in division.get_text()


def _holds_lines(division: Tag) -> bool:
    """``division`` holds nothing but divisions of lines (:func:`_a_line`), or
    of such divisions, and is no column."""
    children = [child for child in division.children if not _is_blank(child)]
    return (
        not division.has_attr(COLUMN)
        and bool(children)
        and all(
            isinstance(child, Tag)
            and child.name == "div"
            and (_a_line(child) or _holds_lines(child))
            for child in children
        )
    )


def _lines_in(division: Tag) -> list[Tag]:
    """The lines of a division that holds nothing else (:func:`_holds_lines`),
    in their order, each aligned as it is or else as the division is."""
    lines = []
    for child in division.find_all("div", recursive=False):
        found = [child] if _a_line(child) else _lines_in(child)
        for line in found:
            if division.has_attr(ALIGN) and not line.has_attr(ALIGN):
                line[ALIGN] = division[ALIGN]
        lines += found
    return lines


def _empty_line(division: Tag) -> bool:
    return not division.get_text().strip() and division.find(lambda t: t.name != "br") is None


def _lines_as_paragraphs(soup: BeautifulSoup, run: list[Tag]) -> None:
    """The lines of ``run`` between two empty ones a paragraph, a line each;
    the empty ones left to part them."""
    paragraph = None
    for division in run:
        if _empty_line(division):
            paragraph = None
            continue
        if paragraph is None or paragraph.get(ALIGN) != division.get(ALIGN):
            paragraph = soup.new_tag("p", attrs=dict(division.attrs))
            division.insert_before(paragraph)
        else:
            paragraph.append(soup.new_tag("br"))
        line = list(division.contents)
        while line and _is_spacing(line[-1]):
            line.pop()  # "<div>line<br></div>": a browser shows no empty line
        paragraph.extend(line)
        division.decompose()


def _hoist_nested_tables(soup: BeautifulSoup, notes: list[str]) -> None:
    """A table in a table's cell (an old page's layout around its data) follows
    the table it was in: a Markdown table holds no table, and its rows came out
    inside the cell as a line of escaped "|" and "---"."""
    hoisted = 0
    for table in soup.find_all("table"):  # in order: an outer table before its inner ones
        if table.find_parent("table") is not None:
            continue  # its turn comes once it is hoisted out of its table
        after = table
        while (inner := table.find("table")) is not None:
            after.insert_after(inner.extract())
            after, hoisted = inner, hoisted + 1
    if hoisted:
        notes.append(
            f"changed: {hoisted} table(s) inside a table's cell now follow it (tables do not nest)"
        )


def _square_tables(soup: BeautifulSoup) -> None:
    """Every row of a table as wide as its widest (empty cells after): a
    Markdown table has as many columns as its first row, and drops the
    cells of a longer row.  A row of no cells, which a browser does not
    show, is left out (it was written as "|", shown as text).  A span is
    written as empty cells after its cell: a post's ``colspan="1000"`` in
    each row made a thousand of them a row, which the build then read.  A
    cell spans at most as many columns as the fullest row has cells (a
    browser shows the columns beyond empty, no wider), and a row's spans add
    at most that many cells to it: no row is more than twice as wide as the
    fullest (a ragged table's spans, which place its cells, are kept)."""
    for table in soup.find_all("table"):
        rows = [
            (row, row.find_all(["td", "th"], recursive=False))
            for row in table.find_all("tr")
            if row.find_parent("table") is table
        ]
        for row, cells in rows:
            if not cells:
                row.decompose()
        rows = [(row, cells) for row, cells in rows if cells]
        columns = max((len(cells) for _, cells in rows), default=0)
        for _, cells in rows:
            room = columns  # the empty cells a row's spans may stand for
            for cell in cells:
                span = min(_span(cell), columns) - 1
                span = min(span, room)
                room -= span
                if cell.has_attr("colspan"):
                    cell["colspan"] = str(span + 1)
        widths = [sum(_span(cell) for cell in cells) for _, cells in rows]
        widest = max(widths, default=0)
        for (row, cells), width in zip(rows, widths, strict=True):
            for _ in range(widest - width):
                row.append(soup.new_tag(cells[-1].name if cells else "td"))


def _own_rows(table: Tag) -> list[Tag]:
    return [row for row in table.find_all("tr") if row.find_parent("table") is table]


def _header_rows(rows: list[Tag]) -> int:
    """The rows a table's header holds: the first ones in its ``<thead>`` or
    of header cells alone."""
    count = 0
    for row in rows:
        cells = row.find_all(["td", "th"], recursive=False)
        if row.parent.name != "thead" and not all(cell.name == "th" for cell in cells):
            break
        count += 1
    return count


#: What shows a cell's words on more than one line, whatever is around it (a
#: video's note among them).
CELL_BLOCKS = ["ul", "ol", "dl", "pre", "blockquote", "figure", "hr", *sorted(NOTES)]
#: What starts a new line in a cell when words came before it.
CELL_LINES = {"br", "p", "div", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6"}


def _lines_apart(cell: Tag) -> bool:
    """Whether a browser shows ``cell``'s words (or pictures) on more than one
    line: a list, code, a quote... in it, or words each side of a line break
    or paragraph's start.  (A line break at either end shows none.)"""
    if cell.find(CELL_BLOCKS) is not None:
        return True
    words = broken = False
    for node in cell.descendants:
        if isinstance(node, NavigableString) and node.strip() or getattr(node, "name", "") == "img":
            if broken:
                return True
            words = True
        elif isinstance(node, Tag) and node.name in CELL_LINES:
            broken = words
    return False


def _as_list_table(table: Tag) -> bool:
    """Whether ``table`` is written as MyST's list-table: a table of no header
    row (a pipe table has one, an empty row of header cells), with a caption
    (a pipe table has none: it was a paragraph above, read as Markdown), or
    with a cell whose words a browser showed on more than one line (a pipe
    table's cell holds one line: an address, a poem's lines, a list ran into one)."""
    rows = _own_rows(table)
    cells = [cell for row in rows for cell in row.find_all(["td", "th"], recursive=False)]
    return bool(cells) and (
        not _header_rows(rows)
        or table.find("caption", recursive=False) is not None
        or any(map(_lines_apart, cells))
    )


def _tables_as_lists(soup: BeautifulSoup) -> None:
    """Each table :func:`_as_list_table` names marked so (:data:`AS_LIST`),
    once the tables in tables follow theirs: the passes after this one
    read the mark, :func:`_list_tables` writes it.  First, a table's footer
    rows last, where a browser shows them wherever its HTML has them; and
    the block editor's table's caption (a ``<figcaption>`` under it, in
    the ``<figure>`` around it, which had been a paragraph) the table's own."""
    for figure in soup.find_all("figure"):
        tables, caption = figure.find_all("table"), figure.find("figcaption")
        if len(tables) == 1 and caption is not None and not figure.find("img"):
            if tables[0].find("caption", recursive=False) is None:
                caption.name, tables[0][CAPTION_BELOW] = "caption", ""
                tables[0].insert(0, caption.extract())
            figure.unwrap()
    for table in soup.find_all("table"):
        if table.find(["td", "th"]) is None:  # a caption of no cells: words above it, as
            for caption in table.find_all("caption", recursive=False):  # any paragraph's
                caption.name = "p"  # (it had come out as it was written: "# h" a title)
                table.insert_before(caption.extract())
        for footer in table.find_all("tfoot", recursive=False):
            table.append(footer.extract())
            footer.unwrap()  # (markdownify takes a section's first row for a table's)
        if _as_list_table(table):
            table[AS_LIST] = ""
        _header_cells_in_body_bold(soup, table)


def _header_cells_in_body_bold(soup: BeautifulSoup, table: Tag) -> None:
    """A header cell below a table's header rows (a footer's, a row's own
    heading) as a cell of bold words, as a browser shows it: Markdown's
    table has header cells in its header alone (one row), and markdownify
    took a row of them opening a footer for a second header (its "| --- |"
    shown as a row)."""
    rows = _own_rows(table)
    header = _header_rows(rows)
    for row in rows[header if table.has_attr(AS_LIST) else min(header, 1) :]:
        for cell in row.find_all("th", recursive=False):
            _mark_inside(soup, cell, "strong")
            cell.name = "td"


def _list_tables(soup: BeautifulSoup) -> None:
    """Each table :func:`_tables_as_lists` marked, renamed for :class:`_ListTables`
    (its rows, cells and caption), each cell's content as blocks: its words
    between blocks and line breaks paragraphs (:func:`_paragraphs`).
    Run once the post's blocks are found (they take a table for one)."""
    for table in soup.find_all("table", attrs={AS_LIST: True}):
        rows = _own_rows(table)
        table.name, table[HEADER_ROWS] = LIST_TABLE, str(min(_header_rows(rows), len(rows) - 1))
        for caption in table.find_all("caption", recursive=False):
            _caption_inline(soup, caption)
            caption.name = LIST_CAPTION
        for row in rows:
            row.name = LIST_ROW
            for cell in row.find_all(["td", "th"], recursive=False):
                blocks = [block.extract() for block in _paragraphs(soup, cell)]
                cell.clear()  # (the line breaks and spaces around the blocks)
                cell.extend(blocks)
                cell.name = LIST_CELL


def _caption_inline(soup: BeautifulSoup, caption: Tag) -> None:
    """A table's caption is its title, one line: the blocks in one (a list,
    a quote, code: an editor's slip) as their words, a space each side; a
    video's note after the table."""
    table = caption.parent
    for note in caption.find_all(list(NOTES)):
        table.insert_after(note.extract())
    for block in caption.find_all([*BLOCKS, *WRAPPERS, *CELL_LINES, *CELL_BLOCKS]):
        block.insert_before(soup.new_string(" "))
        block.insert_after(soup.new_string(" "))
        block.unwrap()


def _span(cell: Tag) -> int:
    """The columns a cell spans, as markdownify counts them."""
    span = cell.get("colspan", "")
    return max(1, min(1000, int(span))) if span.isdigit() else 1


def _caption_tables(soup: BeautifulSoup, notes: list[str]) -> None:
    """Blogger's image with a caption (``table.tr-caption-container``) as a
    figure, where its picture was; the rest of the table's cells kept.  The
    innermost first, each table's own picture and caption (not a table's in
    its cells): a real backup's captioned picture in another's cell, beside
    that one's picture, had given the outer table the inner one's picture
    and caption, and the outer picture and its caption were lost."""
    for table in reversed(soup.find_all("table", class_="tr-caption-container")):
        image = next((i for i in table.find_all("img") if _own(table, i)), None)
        if image is None:
            if EMBED in table.get_text():  # a video's note (:func:`_played_files_as_players`):
                _cells_as_block(soup, table, caption=None)  # it, then its caption
            continue
        caption = next((c for c in table.find_all(class_="tr-caption") if _own(table, c)), None)
        figure = soup.new_tag("figure")
        link = image.parent
        alone = link is not None and link.name == "a" and _only_child(link, image)
        (link if alone else image).replace_with(figure)  # (the link to its larger copy dropped)
        figure.append(image)
        if caption is not None and caption.get_text(strip=True):
            figcaption = soup.new_tag("figcaption")
            figcaption.extend(list(caption.contents))
            figure.append(figcaption)
        _cells_as_block(soup, table, caption)
        notes.append("changed: a captioned image became a figure")


def _cells_as_block(soup: BeautifulSoup, table: Tag, caption: Tag | None) -> None:
    """``table`` replaced by what its own cells hold but ``caption``, as a
    block: the words after the table had run on from its last words."""
    block = soup.new_tag("div")
    for cell in [c for c in table.find_all(["td", "th"]) if _own(table, c) and c is not caption]:
        block.extend(list(cell.contents))
    table.replace_with(block)


def _own(table: Tag, tag: Tag) -> bool:
    """``tag`` is ``table``'s own: in no table or figure inside it."""
    return tag.find_parent("table") is table and (
        tag.find_parent("figure") is None or table.find_parent("figure") is not None
    )


def _lone_child(parent: Tag):
    """What ``parent`` holds, when that is one node (white space aside); else None."""
    held = [node for node in parent.contents if not _is_blank(node)]
    return held[0] if len(held) == 1 else None


def _only_child(parent: Tag, child: Tag) -> bool:
    return _lone_child(parent) is child


def _more_after_tables(soup: BeautifulSoup) -> None:
    """The "more" break in a table's cell put after the table: the excerpt
    ends there, as it ends after any block the break is in.  In the cell, a
    line of the break alone was taken for an item's, its cell's mark with it
    (the cells after it ran into the one before)."""
    for mark in soup.find_all(string=lambda text: MORE in text):
        table = mark.find_parent("table")
        if table is None:
            continue
        while table.find_parent("table") is not None:
            table = table.find_parent("table")
        mark.replace_with(mark.replace(MORE, ""))
        if not (table.next_sibling is not None and MORE in table.next_sibling.get_text()):
            table.insert_after(paragraph := soup.new_tag("p"))
            paragraph.string = MORE


def _list_stray_items(soup: BeautifulSoup) -> None:
    """List items outside any list (a ``<li>`` after its ``</ul>``), in a list of
    their own: a browser shows them as items, with their bullets, where the
    converter wrote a dash before their words.  So terms and definitions
    outside a ``<dl>``: they were written inside the words around them, the
    words after on a line of their own unescaped ("# ..." a second title)."""
    for item in soup.find_all(["li", "dt", "dd"]):
        family = ("li",) if item.name == "li" else ("dt", "dd")
        lists = ("ul", "ol", "menu") if item.name == "li" else ("dl",)
        if item.parent is None or item.parent.name in lists:
            continue
        run = [item]
        sibling = item.next_sibling
        while sibling is not None and (sibling.name in family or not str(sibling).strip()):
            if sibling.name in family:
                run.append(sibling)
            sibling = sibling.next_sibling
        wrapper = soup.new_tag(lists[0])
        item.insert_before(wrapper)
        for member in run:
            wrapper.append(member.extract())


def _stray_text_placed(soup: BeautifulSoup) -> None:
    """Words (or a list) straight in a list, in no item (markup many editors
    wrote for a nested list; random markup found the words), as a browser
    shows them: in the list, under the item before them (a paragraph of it,
    a nested list), or before the list when no item is.  Left where they
    were, a nested list came in beside its list, and the converter wrote the
    words bare: "#" alone on a line was an empty heading (a post's second
    title: the build refused it).  (Words straight in a table the sanitiser
    already moves before it, as a browser does: HTML's "foster parenting".)"""
    for holder in soup.find_all(["ul", "ol"]):
        stray: list = []
        item = None  # the list's item before them
        for child in [*holder.children, None]:
            if child is not None and not (isinstance(child, Tag) and child.name == "li"):
                if not isinstance(child, Comment):
                    stray.append(child)
                continue
            if any(not _is_spacing(node) for node in stray):  # (a <br> between items: left)
                for block in _as_blocks(soup, stray):
                    if item is not None:
                        item.append(block)
                    else:
                        holder.insert_before(block)
            stray, item = [], child
    for holder in soup.find_all("dl"):  # words (or a division) in a definition list, in
        stray = []  # no term nor definition: paragraphs where they were
        for child in [*holder.children, None]:
            if child is not None and not (isinstance(child, Tag) and child.name in ("dt", "dd")):
                if not isinstance(child, Comment):
                    stray.append(child)
                continue
            if any(not _is_spacing(node) for node in stray):
                run = soup.new_tag("div")
                run.extend([node.extract() for node in stray])
                for block in _paragraphs(soup, run):
                    if child is not None:
                        child.insert_before(block)
                    else:
                        holder.append(block)
            stray = []


def _as_blocks(soup: BeautifulSoup, nodes: list) -> list[Tag]:
    """``nodes`` taken out, as blocks: each block as it is, the words between
    them a paragraph each."""
    blocks: list[Tag] = []
    words: list = []
    for node in [*nodes, None]:
        if node is not None and not _is_block(node):
            words.append(node.extract())
            continue
        if any(not _is_spacing(word) for word in words):
            blocks.append(paragraph := soup.new_tag("p"))
            paragraph.extend(words)
        words = []
        if node is not None:
            blocks.append(node.extract())
    return blocks


def _resolve_addresses(soup: BeautifulSoup, base_url: str | None, notes: list[str]) -> None:
    """Relative links and images, against the old blog's address; a link to a
    place in the post itself, its words."""
    for tag, attr in (("a", "href"), ("img", "src")):
        for element in soup.find_all(tag, attrs={attr: True}):
            value = element[attr].strip()
            if not value:  # resolved, it would be the old post itself
                what = {"img": "a picture", "a": "a link"}[tag]
                if tag == "img":
                    element.replace_with(soup.new_string(element.get("alt", "")))
                else:
                    element.unwrap()
                notes.append(f"changed: {what} with an empty address kept as its words")
                continue
            if tag == "a" and value.startswith("#"):
                # A place in the post itself (a footnote by hand, the top): MyST
                # reads "#fn1" as a reference, and no target is kept.
                element.unwrap()
                notes.append(f"changed: link within the post {value!r} kept as its words")
                continue
            if urlsplit(value).scheme:
                continue
            if base_url:
                element[attr] = urljoin(base_url, value)
                notes.append(f"changed: relative address {value!r} now {element[attr]!r}")
            elif tag == "img":  # no file here by that name: the text stays
                element.replace_with(soup.new_string(element.get("alt", "")))
                notes.append(f"dropped: image {value!r}, relative to an unknown address")
            else:
                del element[attr]
                notes.append(f"dropped: link {value!r}, relative to an unknown address")


def _normalise_structure(soup: BeautifulSoup, notes: list[str]) -> None:
    """What a strict build refuses: heading levels that jump, transitions at
    either end or twice in a row, empty headings, emphasis and links."""
    # The post's title is its only h1: body headings start at h2, each at most
    # one level below the one before it, whatever order the source had.
    stack: list[int] = []
    for heading in soup.find_all(HEADING_TAG):
        if not heading.get_text(strip=True) and not heading.find("img"):
            heading.decompose()
            continue
        level = int(heading.name[1])
        while stack and stack[-1] >= level:
            stack.pop()
        stack.append(level)
        new = f"h{min(6, 1 + len(stack))}"
        if new != heading.name:
            notes.append(f"changed: heading <{heading.name}> is now <{new}>, by its order")
            heading.name = new
    # (and a link with nothing to show: a link in a link is two to a browser, the
    # first left empty, which kept two bold words apart, "**a****b**")
    for tag in soup.find_all(["b", "strong", "i", "em", "u", "span", "a"]):
        if not tag.get_text(strip=True) and not tag.find(["img", "br"]):
            tag.unwrap()
    _tidy_transitions(soup, notes)


def _breaks_before_blocks(soup: BeautifulSoup) -> None:
    """A line break left out where a block is the next thing a reader sees
    after it (out of the marks it is in), which a browser shows as nothing,
    the block starting its own line, or as a gap before the block at most.
    Written, it was a hard break that the block's Markdown followed
    ("words<br><blockquote>" in a list item, as WordPress's paragraphs make
    it, or "<div><br><blockquote>" in a quote: the quote's ">" escaped as
    words; "<dd><br><pre>": a definition with an empty first line, which
    MyST does not read as one, its code shown as a fence).  One between a
    list's items stays: the list is written loose, with its gaps."""
    for line_break in reversed(soup.find_all("br")):  # (the last first: "a<br><br><pre>")
        node = line_break
        while (after := next_shown(node, "next_sibling")) is None:
            node = node.parent
            if node is None or node.name == "[document]" or _is_block(node):
                break
        if _is_block(after) and line_break.parent.name not in ("ul", "ol"):
            line_break.decompose()  # (not one between items, "</li><br><li>": a gap)


def _gap_in_item(line_break: Tag) -> bool:
    """Whether ``line_break`` follows another in a list item or a definition,
    words after them (``<li>a<br><br>b``: the gap between two paragraphs of
    Blogger's old editor): written a line of its own, a backslash's hard
    break, a browser's empty line.  Two spaces' break made no line (Markdown
    reads the spaces alone as nothing), and a blank line there would part
    paragraphs but make the whole list loose, every item spaced apart; at a
    block's end a backslash would be shown as one."""
    if getattr(next_shown(line_break, "previous_sibling"), "name", None) != "br":
        return False
    words_follow = any(
        not _is_blank(node) and getattr(node, "name", None) != "br"
        for node in line_break.next_siblings
    )
    block = next((parent for parent in line_break.parents if _is_block(parent)), None)
    return words_follow and block is not None and block.name in ("li", "dd")


#: Where docutils takes no transition (only a post's or a section's own blocks
#: may be one): a rule there is the gap between the words each side of it.
NO_TRANSITIONS = ["li", "blockquote", "dd", "dt", "td", "th", "caption", "figure", "figcaption"]


def _tidy_transitions(soup: BeautifulSoup, notes: list[str]) -> None:
    """No transition where a strict build refuses one: in a list, a quote, a
    table (a quoted email's rule between its parts), at the start of the
    post or of a section (a rule under a heading, a common decoration), at
    its end, or right after another."""
    for rule in soup.find_all("hr"):
        if rule.find_parent(NO_TRANSITIONS) is not None:
            # between words a line break, between blocks nothing (an empty paragraph)
            beside = [next_shown(rule, "previous_sibling"), next_shown(rule, "next_sibling")]
            words = any(node is not None and not _is_block(node) for node in beside)
            rule.replace_with(soup.new_tag("br" if words else "p"))
            notes.append("changed: a rule in a list, a quote or a table is a gap between its words")
    opening, last = True, False  # a post, and each section, may not open with a transition
    for node in list(soup.descendants):
        if isinstance(node, Tag) and node.name == "hr":
            if opening:
                node.decompose()
                notes.append("changed: a transition at the start or after another was removed")
                continue
            opening = last = True
        elif isinstance(node, Tag) and HEADING_TAG.match(node.name):
            opening, last = True, False
        elif (
            node.parent is not None
            and node.find_parent(HEADING_TAG) is None
            and (
                getattr(node, "name", "") == "img"
                or isinstance(node, NavigableString)
                and node.strip() not in ("", MORE)  # (the "more" break: no words, it goes)
            )
        ):
            opening = last = False
    hrs = soup.find_all("hr")
    if hrs and last:
        hrs[-1].decompose()
        notes.append("changed: a transition at the end was removed")
