"""Random nested markup through the importers' converter (issue 9's "real
exports" taught that hand-written test posts miss what others' markup does).

Posts of random nesting (paragraphs, headings, lists, quotes, definition
lists, tables, code, divisions, figures, rules; bold, italics, underline,
struck, code, keys, links, line breaks, superscripts, abbreviations, styled
spans, pictures, citations, variables, bigger words, addresses) of words
that MyST would read as its own marks at a line's start ("1. one", "# hash",
": colon", "~ tilde", "> quote") are converted, drawn from fixed seeds so
that a failure can be replayed.  Each converted post is one the build takes
without a warning (verify.py, the build's own reading), and it shows every
character of its source in the source's order (": colon" had become a
definition of the line before it, its colon gone), with no mark of
Markdown's shown as text.  Earlier sessions found thirteen converter bugs
this way by hand.
"""

from __future__ import annotations

import random
import re

import pytest
from bs4 import BeautifulSoup
from docutils.core import publish_parts
from myst_parser.parsers.docutils_ import Parser

from blogarchive.importers import verify
from blogarchive.importers.html import _convert, autop
from blogarchive.model import IMPORTED_MARKUP

#: Words a line may open with that MyST reads as markup, and words with marks in them.
WORDS = ["alpha", "beta", ": colon", "~ tilde", "- dash", "1. one", "# hash", "> quote"]
WORDS += ["gamma", "delta*", "eps_", "x]", "(y", "z!", "a_b"]
MARKS = ["b", "i", "code", "a", "br", "u", "s", "sup", "sub", "em", "strong", "span"]
MARKS += ["small", "mark", "del", "ins", "kbd", "tt", "abbr", "img"]
MARKS += ["cite", "var", "dfn", "big", "address"]  # (rarer: "_a__b_" and "# h" after a block)
STYLES = ["font-weight: bold", "font-style: italic", "text-decoration: underline", "color: red"]
BLOCKS = ["dl", "dl", "ul", "ol", "blockquote", "p", "pre", "h2", "h3", "table"]
BLOCKS += ["div", "center", "hr", "figure"]


def _inline(rng: random.Random, depth: int) -> str:
    if depth > 2 or rng.random() < 0.4:
        return rng.choice(WORDS)
    mark = rng.choice(MARKS)
    if mark == "br":
        return f"{rng.choice(WORDS)}<br>{rng.choice(WORDS)}"
    if mark == "a":
        return f"<a href='http://example.org/{rng.randint(1, 9)}'>{_inline(rng, depth + 1)}</a>"
    if mark == "img":
        return f"<img src='http://example.org/p{rng.randint(1, 9)}.png' alt=''>"
    if mark == "span":
        return f"<span style='{rng.choice(STYLES)}'>{_inline(rng, depth + 1)}</span>"
    if mark == "abbr":
        return f"<abbr title='Some Thing'>{_inline(rng, depth + 1)}</abbr>"
    return f"<{mark}>{_inline(rng, depth + 1)}</{mark}>"


def _definitions(rng: random.Random, depth: int) -> str:
    items = []
    for _ in range(rng.randint(1, 3)):
        if rng.random() < 0.85:  # (sometimes a definition with no term before it)
            items.append(f"<dt>{_inline(rng, 1)}</dt>")
        for _ in range(rng.randint(0, 2)):
            parts = (
                _block(rng, depth + 1) if rng.random() < 0.5 else _inline(rng, 1)
                for _ in range(rng.randint(1, 2))
            )
            items.append(f"<dd>{''.join(parts)}</dd>")
    return f"<dl>{''.join(items)}</dl>"


def _block(rng: random.Random, depth: int) -> str:
    kind = "p" if depth > 3 or rng.random() < 0.3 else rng.choice(BLOCKS)
    if kind == "dl":
        return _definitions(rng, depth)
    if kind in ("ul", "ol"):
        items = (
            f"<li>{_inline(rng, 0)}{_block(rng, depth + 1) if rng.random() < 0.5 else ''}</li>"
            for _ in range(rng.randint(1, 3))
        )
        return f"<{kind}>{''.join(items)}</{kind}>"
    if kind == "blockquote":
        return f"<blockquote>{_block(rng, depth + 1)}{_block(rng, depth + 1)}</blockquote>"
    if kind == "pre":
        return "<pre>x = 1\n: y</pre>"
    if kind == "table":
        row = lambda: "".join(f"<td>{_inline(rng, 1)}</td>" for _ in range(2))  # noqa: E731
        return f"<table><tr>{row()}</tr><tr>{row()}</tr></table>"
    if kind in ("h2", "h3"):
        return f"<{kind}>{_inline(rng, 1)}</{kind}>"
    if kind in ("div", "center"):  # (Blogger's editor: a line a division)
        parts = (
            _inline(rng, 0) if rng.random() < 0.5 else _block(rng, depth + 1)
            for _ in range(rng.randint(1, 3))
        )
        return f"<{kind}>{''.join(parts)}</{kind}>"
    if kind == "hr":
        return "<hr>"
    if kind == "figure":
        return (
            "<figure><img src='http://example.org/f.png' alt=''>"
            f"<figcaption>{_inline(rng, 1)}</figcaption></figure>"
        )
    return "<p>" + "".join(_inline(rng, 0) for _ in range(rng.randint(1, 4))) + "</p>"


def _characters(text: str) -> str:
    """Its characters but white space (which markup moves: a list item's line)."""
    return re.sub(r"\s+", "", text)


def _page(myst: str) -> BeautifulSoup:
    """The post as the page shows it (docutils' HTML of MyST; Sphinx's
    {abbr}, as verify.py reads it, docutils' own, which shows its meaning)."""
    html = publish_parts(
        myst.replace("{abbr}`", "{abbreviation}`"),
        parser=Parser(),
        writer="html5",
        settings_overrides={
            "myst_enable_extensions": ["strikethrough", *IMPORTED_MARKUP],
            "report_level": 5,
            "doctitle_xform": False,  # (a heading first stays in the body)
        },
    )["body"]
    return BeautifulSoup(html, "html.parser")


def _shown(page: BeautifulSoup) -> str:
    return page.get_text(" ").replace("(Some Thing)", "")


def _addresses(page: BeautifulSoup) -> tuple[set[str], set[str]]:
    """Where its links lead (each a browser shows: not the first of a link in
    a link, which it leaves empty) and its pictures' addresses."""
    links = {a["href"] for a in page.find_all("a", href=True) if not a.find("a")}
    return links, {img["src"] for img in page.find_all("img")}


def _classic_editor(rng: random.Random, blocks: list[str]) -> str:
    """``blocks`` as WordPress's classic editor keeps a post: its paragraphs
    as blank lines, not <p>; some line breaks as line ends (WordPress makes
    both back into HTML as it shows the post: autop)."""
    bare = (b[3:-4] if b.startswith("<p>") and b.endswith("</p>") else b for b in blocks)
    return re.sub("<br>", lambda _: rng.choice(["<br>", "\n"]), "\n\n".join(bare))


def _post_keeps_every_character(source: str, context: tuple) -> None:
    myst = _convert(source).text
    assert verify.problems(myst) == [], (*context, source, myst)
    page, written = _page(myst), BeautifulSoup(source, "html.parser")
    shown = _shown(page)
    expected = written.get_text(" ")
    assert _characters(shown) == _characters(expected), (*context, source, myst)
    # (no mark shown as text: a star, an escape, a role's braces)
    assert not re.search(r"[\\`{}]", shown), (*context, source, myst, shown)
    # and every link and picture (a link in code, in an abbreviation, had been lost)
    assert _addresses(page) == _addresses(written), (*context, source, myst)


@pytest.mark.parametrize("seed", range(4))
def test_random_markup_builds_and_keeps_every_character(seed):
    rng = random.Random(seed)
    for number in range(75):
        source = "".join(_block(rng, 0) for _ in range(rng.randint(1, 3)))
        _post_keeps_every_character(source, (seed, number))


@pytest.mark.parametrize("seed", range(2))
def test_random_markup_through_wordpress_paragraphs(seed):
    """The same through WordPress's paragraphs (autop), which put a line
    break before a block in a list item ("words<br />\n<blockquote>": its
    quote's ">" had been shown as words)."""
    rng = random.Random(100 + seed)
    for number in range(75):
        blocks = [_block(rng, 0) for _ in range(rng.randint(1, 3))]
        _post_keeps_every_character(autop(_classic_editor(rng, blocks)), (seed, number))
