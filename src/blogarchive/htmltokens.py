"""Where a browser ends a comment, a declaration or a tag (the HTML
standard's tokenizer), for the code that reads HTML with Python's HTMLParser
(privacy.py's checks; Beautiful Soup's html.parser builder in the importers
and comments.py), which ends some of them elsewhere.  Regular expressions of
our own: the spec-following parsers (html5lib, html5ever under nh3) give no
tokens with their lines, and these few rules are all the checks need."""

from __future__ import annotations

import re

#: Where raw HTML may open something the browser reads on past the
#: fragment's end if it is never closed.
OPENS = re.compile(r"<(?:!|\?|/|[a-zA-Z])")
#: The whole of each, as a browser reads it (the HTML standard's tokenizer):
#: a comment to ``-->`` (``<!-->`` and ``<!--->`` are empty ones), a
#: declaration, processing instruction or stray end tag to ``>``, a tag to its
#: ``>`` with its quoted values whole (a quote opens one only after ``=``).
#: Possessive and atomic: an unclosed tag fails at once, with no backtracking.
CLOSED = re.compile(
    r"<!--(?:->|>|.*?--!?>)"
    r"|<!(?!--).*?>|<\?.*?>|</(?![a-zA-Z]).*?>"
    r"|</?[a-zA-Z](?>[^>\"'=]++|[\"']|=\s*+(?>\"[^\"]*+\"|'[^']*+'|(?![\"'])[^\s>]*+))*+>",
    re.S,
)


def tokens(html: str):
    """``(start, match)`` for each comment, declaration, processing
    instruction and tag of ``html`` in order, as a browser ends it
    (:data:`CLOSED`); the last, if one is never closed, with None, and no more
    (to a browser, all after it is in it)."""
    position = 0
    while found := OPENS.search(html, position):
        closed = CLOSED.match(html, found.start())
        yield found.start(), closed
        if closed is None:
            return
        position = closed.end()


def browser_comments(html: str) -> str:
    """``html`` with each comment, ``<!...>`` declaration and end tag written
    so that Python's HTMLParser (and Beautiful Soup's builder on it) ends it
    where a browser does (:data:`CLOSED`, the HTML standard's tokenizer); a
    comment never closed, which a browser hides to the end, left out.
    Python's read ``<!-->`` (an empty comment to a browser) on to the next
    ``-->``, a comment ended ``--!>`` past it, ``<![CDATA[ x >`` (a comment to
    its first ``>`` outside SVG and MathML) to its ``]]>``, a comment on to
    ``-- >``, and ended an end tag at the first ``>`` even in a quoted value
    (``</x a='>'>``), reading what followed as markup: what a browser shows
    or runs after them was hidden from the checks and lost from an import;
    and it raised on ``<![ x>`` (a stray word of Word's).  An end tag is
    written as its name alone: a browser ignores anything else in it."""
    if "<" not in html:
        return html
    parts, last = [], 0
    for start, closed in tokens(html):
        if closed is None:  # (never closed: what follows is in it, to a browser)
            rest = html[start:]
            # A comment is hidden to the end; a tag (and all after it, inside
            # it to a browser) is text, as Python read that tag: Python read the
            # rest as markup, raised on a "<![" in it, and took time as the
            # square of its length to read "<a<a<a...".
            rest = "" if rest.startswith("<!") else rest.replace("<", "&lt;")
            parts += [html[last:start], rest]
            last = len(html)
            break
        token, written = closed[0], None
        if token.startswith("<!") and not token[:9].lower() == "<!doctype":
            inner = token[4:] if token.startswith("<!--") else token[2:]
            inner = re.sub(r"^-?>$|(--!?)?>$", "", inner)  # (its end: "<!-->" is empty)
            written = f"<!--{inner.replace('>', '&gt;')}-->"
        elif token[1:2] == "/" and token[2:3].isalpha():
            name = re.match(r"[^\s/>]*", token[2:])[0]  # (as a browser reads it)
            lines = "\n" * token.count("\n")  # (the lines after it where they were)
            written = f"</{re.sub(r'[^A-Za-z0-9-]', '', name)}{lines}>"
        if written is not None and written != token:
            parts += [html[last:start], written]
            last = closed.end()
    return "".join(parts) + html[last:]
