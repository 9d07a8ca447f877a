"""A Blogger blog's feed in JSON (``/feeds/posts/default?alt=json``), read as its Atom.

Blogger serves each of its feeds as JSON too (``?alt=json``, or wrapped in a
script's call, ``?alt=json-in-script&callback=f``): Google's GData JSON, the
Atom feed itself written as objects (an element an object, its attributes
its strings, its text ``$t``, a prefix's colon a ``$``: ``openSearch$totalResults``,
``xmlns$thr``; elements of one name a list).  A widget, a backup script or a
reader's browser saved it where no Atom copy was kept (a blog's own widget's
tests: tests/data/real/windazure-blogger-feed.json).  It is turned back into
the Atom feed it was written from (:func:`atom_of_json`), which the Blogger
importer reads as it reads a feed (blogger.read_blogger); each entry keeps the
line of the JSON where its id is, which the import report names.

Not Blogger's API (v3: ``{"kind": "blogger#postList", "items": [...]}``),
whose JSON is not a feed's: refused, saying so.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from lxml import etree

from .records import ImportError_

#: The start of a JSON feed: an object, or a script's call of one
#: (``// API callback\nf({...});``).
JSON_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?://[^\n]*\n\s*)*(?:[\w$.]+\s*\(\s*)?\{")
#: Characters XML 1.0 does not allow (JSON does): a word processor's vertical
#: tab and form feed are its line breaks, the others nothing; a lone surrogate
#: (half a character, which JSON's ``\ud800`` can write) a replacement character.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def is_json_feed(path: Path) -> bool:
    """Whether ``path`` holds JSON (or a script's call of it) rather than XML."""
    try:
        with open(path, "rb") as file:
            return JSON_START.match(file.read(4096)) is not None
    except OSError:
        return False


def atom_of_json(path: Path, notes: list) -> etree._Element:
    """The Atom feed a Blogger JSON feed was written from: its root, each
    entry's ``sourceline`` the JSON's line of the entry's id."""
    text = path.read_text("utf-8-sig", errors="replace")
    start, end = text.find("{"), text.rfind("}")
    try:
        data = json.loads(text[start : end + 1])
    except (ValueError, RecursionError) as exc:  # (nested past Python's limit)
        line = text.count("\n", 0, start + getattr(exc, "pos", 0)) + 1
        raise ImportError_(path, line, f"not well-formed JSON: {exc}") from None
    feed = data.get("feed") if isinstance(data, dict) else None
    if not isinstance(feed, dict):
        api = isinstance(data, dict) and str(data.get("kind", "")).startswith("blogger#")
        why = "Blogger's API (v3), not its feed" if api else 'no "feed" object'
        raise ImportError_(path, 1, f"expected a Blogger feed in JSON (?alt=json): {why}")
    fixed: list[str] = []
    try:
        root = _element("feed", feed, {}, fixed)
    except (ValueError, RecursionError) as exc:  # a namespace XML cannot hold; too deep
        raise ImportError_(path, 1, f"not a feed XML can hold: {exc}") from None
    if fixed:
        notes.append((1, f"{len(fixed)} characters XML does not allow: line breaks or left out"))
    ids = [node for node in root.iter("{*}id") if node.getparent() is not None]
    for node in ids:  # each entry's line (and the feed's): where its id stands in the JSON
        at = text.find(json.dumps(node.text or "")[1:-1], start)
        node.getparent().sourceline = text.count("\n", 0, at) + 1 if at >= 0 else 1
    return root


def _element(name: str, value: dict, namespaces: dict[str, str], fixed: list) -> etree._Element:
    """The element ``name`` (``prefix$local``) that ``value`` writes, in the
    namespaces declared around it (``xmlns``, ``xmlns$prefix``) and in it."""
    declared = {
        key.partition("$")[2] or None: str(url)
        for key, url in value.items()
        if key == "xmlns" or key.startswith("xmlns$")
    }
    namespaces = {**namespaces, **declared}
    element = etree.Element(_name(name, namespaces), nsmap=declared or None)
    for key, item in value.items():
        if key == "xmlns" or key.startswith("xmlns$"):
            continue
        if key == "$t":
            element.text = _xml_text(str(item), fixed)
        elif isinstance(item, dict):
            element.append(_element(key, item, namespaces, fixed))
        elif isinstance(item, list):
            for each in item:
                if isinstance(each, dict):
                    element.append(_element(key, each, namespaces, fixed))
        elif item is not None:
            element.set(_name(key, namespaces, attribute=True), _xml_text(str(item), fixed))
    return element


def _name(name: str, namespaces: dict[str, str], attribute: bool = False) -> str:
    """A GData JSON name (``gd$image``) as lxml's (``{namespace}image``); a
    prefix declared nowhere keeps a namespace of its own name.  An attribute
    without a prefix has no namespace; an element, the default one."""
    prefix, _, local = name.rpartition("$")
    local = re.sub(r"[^\w.-]", "_", local) or "_"
    if not local[0].isalpha() and local[0] != "_":
        local = "_" + local
    if prefix:
        return f"{{{namespaces.get(prefix, f'urn:undeclared:{prefix}')}}}{local}"
    if attribute or None not in namespaces:
        return local
    return f"{{{namespaces[None]}}}{local}"


def _xml_text(text: str, fixed: list) -> str:
    def mend(found: re.Match) -> str:
        fixed.append(found[0])
        return "\n" if found[0] in "\x0b\x0c" else "\ufffd" if found[0] >= "\ud800" else ""

    return NOT_XML.sub(mend, text)
