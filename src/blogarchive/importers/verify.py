"""A converted post read as the build will read it, before it is written.

The converter (html.py) turns markup of every kind into MyST, and markup no
real export holds (random nesting: a table in a figure's caption, a list in
inline code) could still come out as MyST the strict build refuses, failing
the whole site's build on one imported post.  :func:`problems` reads the post
with MyST's docutils parser, with the extensions and roles the site's build
has, and names what the build would warn of: html.py's :func:`convert` then
imports that post more plainly, and says so, rather than write it.

(Docutils alone, not Sphinx: a Sphinx application for each post would cost
about a second; this costs a few milliseconds a post, 4 ms on the real
exports' posts.  What only Sphinx reports, it cannot see, but for the one
warning a converted post has shown of those: code Pygments cannot read in
the language its block names, checked here too.)
"""

from __future__ import annotations

import functools
import io
import re
from html import escape

from bs4 import BeautifulSoup, Comment, NavigableString
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.utils import new_document
from myst_parser.parsers.docutils_ import Parser

from ..model import IMPORTED_MARKUP
from .html import soup_of

#: The site's own MyST extensions (conf.py) and those the extension adds for
#: imported markup (extension.py).
EXTENSIONS = ["strikethrough", *IMPORTED_MARKUP]
#: Warnings the site's build does not fail on (conf.py's ``suppress_warnings``).
SUPPRESSED = ("[myst.strikethrough]",)
#: A title, as the post's file has one before its body (writer.py): a heading
#: in the body is read below it, as the build reads it.
TITLE = "# Title\n\n"


@functools.cache
def _reader() -> tuple[Parser, object]:
    settings = get_default_settings(Parser)
    settings.myst_enable_extensions = EXTENSIONS
    settings.report_level = 5  # none printed: collected from the document
    settings.halt_level = 5
    settings.warning_stream = io.StringIO()
    # (a limit of MyST's docutils parser that the Sphinx build does not have: a
    # picture pasted into a post as a data: address is one line of megabytes)
    settings.line_length_limit = 2**62
    return Parser(), settings


def problems(body: str) -> list[str]:
    """What the build would warn of in a post of ``body`` (MyST), one line each."""
    parser, settings = _reader()
    document = new_document("<post>", settings)
    # Sphinx's {abbr} (the converter's, for an abbreviation with its meaning)
    # read as docutils' own {abbreviation}: registering a role is global to
    # the process, and a Sphinx build in it puts back the roles it found.
    parser.parse(TITLE + body.replace("{abbr}`", "{abbreviation}`"), document)
    found = []
    for message in document.findall(nodes.system_message):
        text = message.children[0].astext() if message.children else message.astext()
        if message["level"] >= 2 and not text.endswith(SUPPRESSED):
            line = message.get("line")  # in the body, below the title's two lines
            found.append(f"line {line - 2}: {text}" if line and line > 2 else text)
    for block in document.findall(nodes.literal_block):
        language = next((c for c in block["classes"] if c != "code"), None)
        if language and not _highlights(language, block.astext()):
            found.append(f"code Pygments cannot read as {language!r}")
    return found


#: What a reader does not read as a post's words: a note (an embed's, a
#: list's: admonitions), code, a picture, markup the build leaves out.
NOT_WORDS = (
    nodes.Admonition, nodes.literal_block, nodes.raw, nodes.comment, nodes.target,
    nodes.footnote, nodes.substitution_definition, nodes.system_message, nodes.image,
)  # fmt: skip


def shown_words(body: str) -> str:
    """The words a reader reads in a post of ``body`` (MyST), in their order,
    as the build shows them: its paragraphs', headings', lists' and quotes',
    not MyST's markup (``{.text-center}``, ``[big]{.big}``), an embed's note,
    code or a picture."""
    parser, settings = _reader()
    document = new_document("<post>", settings)
    parser.parse(body.replace("{abbr}`", "{abbreviation}`"), document)
    for node in list(document.findall(lambda node: isinstance(node, NOT_WORDS))):
        if isinstance(node, nodes.raw) and node.parent is not None:  # (a line break's)
            node.replace_self(nodes.Text(" "))
        elif node.parent is not None:
            node.parent.remove(node)
    return " ".join(document.astext().split())


def _highlights(language: str, code: str) -> bool:
    """Whether Sphinx highlights ``code`` as ``language`` without a warning."""
    from .html import _known_lexer, _lexes

    return language in ("text", "none", "default") or _lexes(_known_lexer(language), code)


#: What a browser shows apart from the words around it: a paragraph of its
#: own when :func:`flattened`.
APART = {
    "p", "div", "section", "article", "aside", "header", "footer", "nav", "main", "center",
    "address", "details", "summary", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
    "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
    "blockquote", "pre", "figure", "figcaption", "hr",
}  # fmt: skip
#: Kept whole: a picture, and the embeds html.py shows as its notes and links.
WHOLE = {"img", "iframe", "video", "audio", "embed", "object", "script", "noscript"}


def flattened(html: str) -> str:
    """``html`` as paragraphs of its words, links, pictures and embeds, where
    a browser showed a block (a heading, a list's item, a table's cell, a
    code block's line) apart: every other mark left out."""
    return "\n".join(_flat(html))


def words_only(html: str) -> str:
    """``html`` as paragraphs of its words alone (:func:`flattened`'s)."""
    kept = []
    for paragraph in _flat(html):
        if paragraph.startswith("<!--"):  # the excerpt's end
            kept.append(paragraph)
            continue
        text = BeautifulSoup(paragraph, "html.parser").get_text(" ")
        kept.append(f"<p>{escape(' '.join(text.split()), quote=False)}</p>")
    return "\n".join(kept)


def _flat(html: str) -> list[str]:
    soup = soup_of(html)
    paragraphs: list[str] = []
    current: list[str] = []

    def end() -> None:
        if "".join(current).strip():
            paragraphs.append("<p>" + "".join(current) + "</p>")
        current.clear()

    def walk(node, code: bool) -> None:
        for child in node.children:
            if isinstance(child, Comment):
                if re.match(r"\s*more\b", child, re.I):  # the excerpt's end, kept
                    end()
                    paragraphs.append(f"<!--{child}-->")
            elif isinstance(child, NavigableString):
                text = escape(str(child), quote=False)
                current.append(text.replace("\n", "<br>") if code else text)
            elif child.name == "img":
                current.append(str(child))
            elif child.name in WHOLE:
                end()
                paragraphs.append(str(child))
            elif child.name == "a" and child.get("href"):
                words = escape(" ".join(child.get_text(" ").split()), quote=False)
                current.append(f'<a href="{escape(child["href"])}">{words}</a>')
                current.extend(str(image) for image in child.find_all("img"))
            elif child.name == "br":
                current.append("<br>")
            elif child.name == "q":  # a browser's quotation marks around it
                current.append('"')
                walk(child, code)
                current.append('"')
            elif child.name in APART:
                end()
                walk(child, code or child.name == "pre")
                end()
            else:
                walk(child, code)

    walk(soup, False)
    end()
    return paragraphs
