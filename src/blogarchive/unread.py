"""What MyST's reading of a post would hide from its readers without a word.

Each is an error at its line, in the build (patches.py, for a post and for
each directive's text) and in ``blog check`` (privacy.markdown_problems), both
read from the tokens of MyST's parser:

- markdown-it stops reading a container nested 20 deep (its ``maxNesting``, a
  guard against recursion): a list ten levels deep, or quotes twenty deep,
  lost what was in them and the rest of the post after them.
- A line starting with ``%`` is a MyST comment, which no reader sees.  One
  that carries on a paragraph, with no blank line before it, is the author's
  text wrapped at a percent sign ("rose by 12" / "% since 2009"): it vanished.
  A comment of the author's own has a blank line before it.
- A line starting with ``+++`` is a MyST block break, and what follows it on
  the line is the break's metadata, which no reader sees: "+++ Update: the
  council replied" vanished, and so did a paragraph's line wrapped there.
  Metadata as MyST means it (a JSON object) is left alone.
- A footnote mark (``[^b]``) whose note is nowhere in the post: docutils
  said "Unknown target name" and "Too many autonumbered footnote
  references", which named neither the mark nor what to do.
- A table's row of more cells than its header has: markdown-it shows as many
  as the header names and drops the rest (GFM's rule).  The tokens keep no
  trace of them, so the row is counted again from the source's line.
- A link definition (``[1]: https://…``) that no link uses: Markdown shows
  no definition, so its address is seen nowhere.  Most often a link's label
  was mistyped (``[the report][l]`` under ``[1]: …``): its words show with
  their brackets, and the address is lost (:func:`unused_definitions`).
- A link Markdown cannot read as one: by a label no definition has (``[the
  report][ofsted-2010]``, the definition forgotten), with a space before its
  address (``[the report] (https://…)``) or in it (``[my post](my post.md)``):
  it shows as it was written, brackets and all, and links nothing
  (:func:`links_shown_as_text`).

(The importers write none of these: html.py flattens markup nested more than
16 deep and escapes a ``%`` or ``+++`` at a line's start, and links are written
inline.)

And a whole post never read: Sphinx reads posts at ``posts/<year>/<name>.md``
and pages at ``pages/<name>.md`` (conf.py's ``blog_post_pattern`` and
``include_patterns``), so ``posts/2010/x.markdown``, ``x.MD``, or a post
straight in ``posts/`` was never published, and nothing said so
(:func:`files_not_read`: an error in the build, posts.screen_posts, and in
``blog check``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from markdown_it.common.utils import normalizeReference
from markdown_it.rules_block.table import escapedSplit

#: Tokens whose text markdown-it reads as blocks one level further in: at its
#: ``maxNesting`` that reading stops, and what is in them is lost.  (A
#: paragraph or heading holds inline text, read apart; emphasis is no level
#: of markdown-it's inline reading, and links do not nest.)
CONTAINERS = frozenset(
    {
        "blockquote_open",
        "list_item_open",
        "footnote_open",
        "dd_open",
        "bullet_list_open",
        "ordered_list_open",
    }
)


def problems(tokens, limit: int, lines: list[str] | None = None) -> list[tuple[int, str]]:
    """(line from 0, as the tokens' maps count; what and why), in order, for
    tokens that markdown-it read nesting at most ``limit`` deep from ``lines``
    (a table's rows are counted only given them)."""
    found = _rows_cut_short(tokens, lines) if lines is not None else []
    deep = False
    paragraph_end = last = None  # (paragraph_end: the line after the last paragraph)
    for token in tokens:
        if token.type in CONTAINERS and token.level >= limit - 1 and not deep:
            deep = True  # said once: all that is in it is lost
            found.append((token.map[0] if token.map else 0, nested_too_deep(limit)))
        elif (
            token.type == "myst_line_comment"
            and last == "paragraph_close"
            and token.map
            and token.map[0] == paragraph_end
        ):
            found.append((token.map[0], WRAPPED_AT_PERCENT))
        elif token.type == "myst_block_break" and _words_after_break(token.content):
            found.append((token.map[0] if token.map else 0, WORDS_AFTER_BREAK))
        if token.type == "paragraph_open":
            paragraph_end = token.map[1] if token.map else None
        last = token.type
    return sorted(found, key=lambda problem: problem[0])


#: A link's label, or its words (``[words]``, ``[words][label]``,
#: ``[label][]``): brackets, escaped ones inside.
BRACKETED = re.compile(r"\[((?:[^\[\]\\]|\\.)+)\]")


def unused_definitions(tokens, references: dict) -> list[tuple[int, str]]:
    """(line from 0, what and why) for each link definition of ``references``
    (markdown-it's ``env["references"]``: label -> href, title, the lines it
    was read from) whose label no text of ``tokens`` puts in brackets.  The
    text searched is the tokens' own (paragraphs' and headings' inline text,
    a directive's body), so a definition is not its own use; a label in
    brackets in a code span or block counts as a use (missing a lost
    address, never reporting one that is not)."""
    if not references:
        return []
    used = {
        normalizeReference(label)
        for token in tokens
        for label in BRACKETED.findall(token.content or "")
    }
    return [
        (definition["map"][0], unused_definition(definition.get("href", "")))
        for label, definition in references.items()
        if label not in used and definition.get("map")
    ]


#: A link's words in brackets, not escaped ones.
WORDS = r"(?<!\\)\[((?:[^\[\]\\]|\\.)+)\]"
#: A link by its label as written (``[words][label]``, ``[label][]``, a
#: picture's too).
BY_LABEL = re.compile(WORDS + r"\[((?:[^\[\]\\]|\\.)*)\]")
#: A link with a space between its words and its address, one that looks like
#: one (``[words] (https://…)``, ``[words] (../2009/x.md)``).
SPACE_BEFORE = re.compile(WORDS + r"[ \t]+\(((?:https?://|www\.|mailto:|\.{0,2}/)[^()\s]*)\)")
#: A link whose address has a space in it, not before a title (``[words](my
#: post.md)``; ``[words](x.md "title")`` is a title).
SPACE_IN = re.compile(WORDS + r"\(([^()\s<>\"']+[ \t]+[^()\s\"'][^()]*)\)")
#: Inline code (its text shows as it is), across lines too (also the
#: importers' own_links.py: no link there).
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.S)


def links_shown_as_text(tokens, references: dict) -> list[tuple[int, str]]:
    """(line from 0, what and why) for each link of a paragraph's or
    heading's text that Markdown shows as written, brackets and all, and
    links nothing: by a label no link definition of ``references`` has
    (``[the report][l]``; in a post with no definitions, only words of more
    than one: ``[1][2]`` is a citation), with a space before its address
    (``[the report] (https://…)``) or in it (``[my post](my post.md)``).  Not
    in code, nor behind ``\\[``, nor a footnote mark's (``[^1] (https://…)``)."""
    found = []
    for token in tokens:
        if token.type != "inline" or not token.map or "]" not in token.content:
            continue
        text = CODE_SPAN.sub(lambda code: re.sub(r"[^\n]", " ", code[0]), token.content)
        for at, problem in _shown_as_text(text, references):
            found.append((token.map[0] + text.count("\n", 0, at), problem))
    return found


def _shown_as_text(text: str, references: dict):
    for match in BY_LABEL.finditer(text):
        label = match[2] or match[1]
        # In a post with no definition, a word in brackets before another
        # (citations, "[1][2]"; "matrix[i][j]") is most likely meant as text.
        meant = references or len(match[1].split()) > 1
        if meant and normalizeReference(label) not in references:
            yield match.start(), no_definition(label)
    for match in SPACE_BEFORE.finditer(text):
        if not match[1].startswith("^") and normalizeReference(match[1]) not in references:
            yield match.start(), space_before(match[1], match[2])
    for match in SPACE_IN.finditer(text):
        yield match.start(), space_in(match[2])


def no_definition(label: str) -> str:
    return (
        f"a link by the label [{label}], which no link definition has: its words show in"
        f" brackets and lead nowhere; define it on a line of its own ('[{label}]: https://…'),"
        " or write \\[ to show a bracket"
    )


def space_before(words: str, address: str) -> str:
    return (
        f"a link with a space before its address ('[{words}] ({address})'): Markdown shows"
        f" it as written and links nothing; write '[{words}]({address})', or \\[ if it is"
        " no link"
    )


def space_in(address: str) -> str:
    return (
        f"a link's address with a space in it ({address!r}): Markdown shows the link as"
        f" written and links nothing; write '%20' for the space or put the address in <>"
        " ('[words](<my post.md>)'), or write \\[ if it is no link"
    )


#: A footnote's note as written, also in a directive's text (read apart).
NOTE_LINE = re.compile(r"^[ \t>]*\[\^([^\]\s]+)\]:", re.M)


def notes_missing(tokens) -> list[tuple[int, str]]:
    """(line from 0, what and why) for each footnote mark (``[^b]``) of the
    post's text whose note (``[^b]: …``) is nowhere in it: docutils said only
    "Unknown target name" and "Too many autonumbered footnote references"."""
    defined = {t.meta.get("label") for t in tokens if t.type == "footnote_reference_open"}
    in_directives = (t.content for t in tokens if t.type == "fence")
    defined |= {label for text in in_directives for label in NOTE_LINE.findall(text)}
    return [
        (line, note_missing(child.meta.get("label", "")))
        for token in tokens
        if token.type == "inline" and token.map
        for line, child in inline_lines(token.children or (), token.map[0])
        if child.type == "footnote_ref" and child.meta.get("label") not in defined
    ]


def inline_lines(children, start: int):
    """(line, token) of each of a paragraph's or heading's inline tokens, its
    first line ``start``: markdown-it gives them none, so the line breaks
    before each are counted (those inside raw HTML's tags too)."""
    line = start
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        else:
            yield line, child
            if child.type == "html_inline":
                line += child.content.count("\n")


def note_missing(label: str) -> str:
    return (
        f"a footnote mark [^{label}] with no note: write its note below, on a line of its own"
        f" ('[^{label}]: …'), or take the mark out"
    )


def post_problems(tokens, env: dict) -> list[tuple[int, str]]:
    """What only the post's own text, read whole, can show (not a directive's
    text, read apart): link definitions no link uses, links by a label no
    definition has, footnote marks with no note (``env``: markdown-it's,
    which the parse filled)."""
    references = env.get("references", {})
    found = unused_definitions(tokens, references) + links_shown_as_text(tokens, references)
    if env.get("footnotes", {}).get("list"):  # (most posts have no footnote mark)
        found += notes_missing(tokens)
    return found


def unused_definition(href: str) -> str:
    return (
        f"a link definition no link uses (of {href!r}): Markdown shows no definition, so"
        " no reader sees its address; use its label in a link ('[words][label]'), or"
        " delete it"
    )


def has_table(tokens) -> bool:
    return any(token.type == "table_open" for token in tokens)


def source_lines(document) -> list[str] | None:
    """The lines of the file a document was read from, as its tokens' maps
    count them; None if it was read from no file (an importer's check)."""
    try:
        return Path(document["source"]).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError, KeyError, TypeError):
        return None


#: What a container puts before a table's line: indentation, quotes' ``>``.
CONTAINER_PREFIX = re.compile(r"^[\s>]*")


def _rows_cut_short(tokens, lines: list[str]) -> list[tuple[int, str]]:
    """Each table row of ``lines`` holding more cells than its table's header
    (markdown-it's own way of splitting a row: escaped pipes are text)."""
    found = []
    columns = 0
    in_body = False
    for token in tokens:
        if token.type == "table_open":
            columns, in_body = 0, False
        elif token.type == "th_open":
            columns += 1
        elif token.type == "tbody_open":
            in_body = True
        elif token.type == "tr_open" and in_body and token.map and token.map[0] < len(lines):
            cells = escapedSplit(CONTAINER_PREFIX.sub("", lines[token.map[0]]).strip())
            cells = cells[1:] if cells and cells[0] == "" else cells
            cells = cells[:-1] if cells and cells[-1] == "" else cells
            if len(cells) > columns:
                found.append((token.map[0], cut_short(len(cells), columns)))
    return found


def cut_short(cells: int, columns: int) -> str:
    return (
        f"a table row of {cells} cells under a header of {columns}: Markdown shows the first"
        f" {columns} and drops the rest; add a column to the header, or join the cells"
    )


WRAPPED_AT_PERCENT = (
    "a line starting with '%' is a comment, which no reader sees, and it carries on the"
    " paragraph above: to show it, write '\\%'; for a comment, leave a blank line before it"
)


WORDS_AFTER_BREAK = (
    "a line starting with '+++' is a block break, and the words after it are taken for"
    " its metadata, which no reader sees: to show them, write '\\+++'"
)


def _words_after_break(content: str) -> bool:
    """Whether what follows ``+++`` is words, not MyST's metadata (a JSON object)."""
    if not content.strip():
        return False
    try:
        return not isinstance(json.loads(content), dict)
    except ValueError:
        return True


def nested_too_deep(limit: int) -> str:
    return (
        f"lists or quotes nested {limit} deep: Markdown reads no deeper, and what is in"
        " them, and after them, would be lost; nest less"
    )


#: What Markdown files are named: Sphinx reads ``.md`` alone (conf.py).
MARKDOWN_SUFFIXES = frozenset(
    {".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtxt", ".mdtext"}
)


def files_not_read(posts: Path) -> list[tuple[Path, str]]:
    """(file, why) for each Markdown file in ``posts`` or its sibling
    ``pages`` that the build would never read: of another suffix, or not
    where a post (``posts/<year>/<name>.md``) or page (``pages/<name>.md``)
    is.  Hidden files (an import's scratch) are not the author's."""
    found = []
    for folder, depth, shape in (
        (posts, 2, "<year>/<name>.md"),
        (posts.parent / "pages", 1, "<name>.md"),
    ):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            parts = path.relative_to(folder).parts
            if path.suffix.lower() not in MARKDOWN_SUFFIXES or any(
                p.startswith(".") for p in parts
            ):
                continue
            if path.suffix != ".md":
                why = f"a post's or page's file ends in '.md', not {path.suffix!r}"
            elif len(parts) != depth:
                why = f"a {'post' if depth == 2 else 'page'} is {folder.name}/{shape}"
            else:
                continue
            if path.is_file():
                found.append((path, f"never published: {why}"))
    return found
