"""What a word processor's paste wrote into a post, as a browser showed it.

Microsoft Word (and Outlook, which writes as Word does) copies a list as
paragraphs, not as HTML's list: each item a ``<p>`` whose style names its
list and level (``mso-list:l0 level2 lfo1``), its bullet or number written
out as characters in a span of its own (``<span style="mso-list:Ignore">``:
"·" in the Symbol font, which is Word's round bullet, "o", "§", "1.", "a)",
"iv."), then spaces.  Blogger's editor kept that HTML as it was pasted, and
a browser showed a list.  Read as paragraphs, each item came in opening
"·" and a run of spaces, the list's indentation and nesting lost.  Its
footnotes and endnotes are links within the page: a reference
(``<a href="#_ftn1" name="_ftnref1">[1]</a>``) to its note at the end
(``<div id="ftn1">``, opening with a link back), under a rule.  Links
within a post come in as their words (html.py), so the reader had the
numbers in brackets, and no way from one to the other.

No library reads Word's lists in Python: editors do it in the browser, as
they paste (CKEditor's "Paste from Word", Microsoft's roosterjs), so this is
our own, after theirs: the items' paragraphs, one after another, a list,
nested by level; numbered where its first item's marker is a number, a
letter or a Roman numeral (from that number: html._list_numbers writes
letters and numerals as MyST's ``style``); bulleted otherwise.  Word's
footnotes MyST's, as the block editor's are (html._with_footnotes).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

#: A list paragraph of Word's: the list it is of, and its level.
WORD_ITEM = re.compile(r"(?<![\w-])mso-list\s*:\s*(l\d+)\s+level(\d+)", re.I)
#: The bullet or number Word wrote out, with the spaces after it.
WORD_MARKER = re.compile(r"(?<![\w-])mso-list\s*:\s*ignore\b", re.I)
#: A marker that numbers: "1.", "1)", "(1)", "a.", "B)", "iv.".
NUMBERED = re.compile(r"\(?([0-9]{1,9}|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+)[.)]")
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def word_lists(soup: BeautifulSoup, notes: list[str]) -> None:
    """Word's list paragraphs in ``soup`` as lists (the module's text), noted."""
    # Each list paragraph with its marker, by the paragraph, until a run takes it.
    left = {id(p): (p, m) for p in soup.find_all("p", style=WORD_ITEM) if (m := _marker(p))}
    items = list(left.values())
    for first, _ in items:
        if id(first) not in left:  # (in the run of one before it)
            continue
        run = [left.pop(id(first))]
        while (after := next_shown(run[-1][0])) is not None and id(after) in left:
            run.append(left.pop(id(after)))
        _as_list(soup, run)
    if items:
        notes.append(
            "changed: Word's list paragraphs (mso-list), their bullets or numbers"
            " written as characters, are a list"
        )


def _marker(paragraph: Tag) -> tuple[Tag, str] | None:
    """The span of a list paragraph's bullet or number, and what it writes:
    one Word wrote (a bullet of a character or two, or a picture's; a
    number), not one that holds the item's words (a paste gone wrong: they
    would be lost)."""
    marker = paragraph.find(style=WORD_MARKER)
    if marker is None:
        return None
    written = "".join(marker.get_text().split())
    return (marker, written) if len(written) <= 2 or NUMBERED.fullmatch(written) else None


def next_shown(node, way: str = "next_sibling"):
    """The sibling of ``node`` a reader sees next, the ``way`` given
    (``"next_sibling"`` or ``"previous_sibling"``): not blank text, not a
    comment (a Word paste's ``<!--[if !supportLists]-->``).  Here, not in
    html.py, which imports this module."""
    sibling = getattr(node, way)
    while (
        isinstance(sibling, Comment) or isinstance(sibling, NavigableString) and not sibling.strip()
    ):
        sibling = getattr(sibling, way)
    return sibling


def _as_list(soup: BeautifulSoup, run: list[tuple[Tag, tuple[Tag, str]]]) -> None:
    """The paragraphs of ``run`` (each with its marker: :func:`_marker`) one
    list in their place, an item each, a deeper level a list in the item
    before it."""
    lists: list[tuple[int, Tag]] = []  # the lists open, by level
    for paragraph, (marker, written) in run:
        level = int(WORD_ITEM.search(paragraph["style"])[2])
        marker.decompose()
        while lists and lists[-1][0] > level:
            lists.pop()
        if not lists or lists[-1][0] < level:
            opened = _list_for(soup, written)
            if lists:
                lists[-1][1].find_all("li", recursive=False)[-1].append(opened)
            else:
                paragraph.insert_before(opened)
            lists.append((level, opened))
        item = soup.new_tag("li")
        item.extend(list(paragraph.contents))
        lists[-1][1].append(item)
        paragraph.decompose()


def _list_for(soup: BeautifulSoup, marker: str) -> Tag:
    """The list its first item's ``marker`` opens: numbered from it (by
    letters or Roman numerals, its ``type``), or bulleted."""
    number = NUMBERED.fullmatch(marker)
    if number is None:
        return soup.new_tag("ul")
    listed = soup.new_tag("ol")
    value = number[1]
    if value.isdigit():
        start = int(value)
    elif len(value) > 1 or value in "iI":  # ("i." opens a Roman list: a letter list's 9th)
        listed["type"] = "i" if value.islower() else "I"
        start = _roman(value.lower())
    else:
        listed["type"] = "a" if value.islower() else "A"
        start = ord(value.lower()) - ord("a") + 1
    if start != 1:
        listed["start"] = str(start)
    return listed


def _roman(numeral: str) -> int:
    """A Roman numeral's value ("iv" 4): each letter's, less where a greater follows."""
    values = [ROMAN[letter] for letter in numeral]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


#: A reference to a footnote or an endnote of Word's (the document's own
#: address before it, a paste's ``file:///C:/...docx``, or none).
NOTE_REFERENCE = re.compile(r"#_(ftn|edn)(\d{1,6})$")
#: Where Word put its notes: after a rule, in a division of their own.
NOTE_LIST = re.compile(r"(?<![\w-])mso-element\s*:\s*(?:foot|end)note-list\b", re.I)


def word_footnotes(
    soup: BeautifulSoup, footnotes: list[str], notes: list[str], marked
) -> list[str]:
    """``footnotes`` and after them each of Word's notes that a reference in
    ``soup`` has (:data:`NOTE_REFERENCE`), as HTML, the reference a mark of
    the note's number in the list (``marked(number)``: html.mark's); the
    notes and the rule above them out of the text.  A reference whose note
    is not there (or holds it) is left as it was."""
    found = list(footnotes)
    for reference in soup.find_all("a", href=NOTE_REFERENCE):
        if reference.decomposed:  # (in a note taken out already)
            continue
        kind, number = NOTE_REFERENCE.search(reference["href"]).groups()
        back = soup.find("a", attrs={"name": f"_{kind}{number}"})
        held = back and (back.find_parent("div", id=f"{kind}{number}") or back.find_parent("p"))
        if not held or any(parent is held for parent in reference.parents):
            continue
        back.decompose()
        paragraphs = held.find_all("p") if held.name == "div" else [held]
        found.append("<br><br>".join(p.decode_contents() for p in paragraphs))
        held.decompose()
        reference.replace_with(soup.new_string(marked(len(found) - 1)))
    for listed in soup.find_all("div", style=NOTE_LIST):
        if not listed.get_text(strip=True):  # (its rule and line break alone)
            listed.decompose()
    if len(found) > len(footnotes):
        notes.append("changed: Word's footnotes (links within the post to its notes) are footnotes")
    return found
