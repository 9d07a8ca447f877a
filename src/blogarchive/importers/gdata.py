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
line of the JSON where its id is, which the import report names.  One
post's entry alone (``/feeds/posts/default/ID?alt=json``) is a feed of it.

Blogger's API (v3) answers in JSON of its own (``{"kind": "blogger#postList",
"items": [...]}``: a post's fields by name), which a site that showed its
blog through the API, or a script that saved it, may have kept: its posts,
pages and comments are written as the entries of a Takeout feed
(:func:`atom_of_api`), each named by the line of its id, and read the same.
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
    one = data.get("entry") if isinstance(data, dict) else None
    if feed is None and isinstance(one, dict):  # one post's (/feeds/posts/default/ID?alt=json)
        feed = {key: url for key, url in one.items() if key.startswith("xmlns")} | {"entry": one}
    api = _api_items(data) if not isinstance(feed, dict) else None
    if not isinstance(feed, dict) and api is None:
        why = "no \"feed\" object, nor Blogger's API's posts, pages or comments"
        raise ImportError_(path, 1, f"expected a Blogger feed in JSON (?alt=json): {why}")
    fixed: list[str] = []
    try:
        if api is not None:
            root = atom_of_api(api, text[start:], text.count("\n", 0, start), fixed)
        else:
            root = _element("feed", feed, {}, fixed)
    except (ValueError, RecursionError) as exc:  # a namespace XML cannot hold; too deep
        raise ImportError_(path, 1, f"not a feed XML can hold: {exc}") from None
    if fixed:
        notes.append((1, f"{len(fixed)} characters XML does not allow: line breaks or left out"))
    if api is not None:
        if isinstance(data, dict) and data.get("nextPageToken"):
            notes.append((1, API_PAGE))
        return root
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


ATOM = "http://www.w3.org/2005/Atom"
TAKEOUT = "http://schemas.google.com/blogger/2018"  # (blogger.NS's "blogger")
#: The API's kinds of item, and its lists of them.
API_KINDS = {"blogger#post": "POST", "blogger#page": "PAGE", "blogger#comment": "COMMENT"}
API_LISTS = {"blogger#postList", "blogger#pageList", "blogger#commentList"}
API_PAGE = (
    "incomplete: one page of Blogger's API's answer (it names a nextPageToken): ask again"
    " with pageToken=<it>, or with maxResults=500, and import each page with this one"
)


def _api_items(data) -> list[dict] | None:
    """The posts, pages and comments of the Blogger API's JSON in ``data``: a
    list of them (``blogger#postList``...), one alone, or several such
    answers in a list (a script's pages of them); a post's comments
    (``replies.items``) after it.  None if ``data`` is none of these."""
    answers = data if isinstance(data, list) else [data]
    if not answers or not all(isinstance(a, dict) for a in answers):
        return None
    items = []
    for answer in answers:
        if str(answer.get("kind")) in API_LISTS:
            listed = answer.get("items") or []
            items += [item for item in listed if isinstance(item, dict)]
        elif str(answer.get("kind")) in API_KINDS:
            items.append(answer)
        else:
            return None
    for item in list(items):
        replies = item.get("replies")
        listed = replies.get("items") if isinstance(replies, dict) else None
        items += [c for c in listed or [] if isinstance(c, dict)]
    return items


def atom_of_api(items: list[dict], text: str, lines_before: int, fixed: list):
    """The Atom of a Takeout feed (as blogger.read_blogger reads it) holding
    the Blogger API's ``items``: each an ``<entry>`` of its kind
    (``blogger:type``), status (``blogger:status``: LIVE, DRAFT, SCHEDULED,
    SOFT_TRASHED...), id (``tag:blogger.com,1999:blog-B.post-P``), dates,
    title, HTML, address, author, labels and place; a comment's post
    (``blogger:parent``) and the comment it answers (``blogger:inReplyTo``).
    Each entry's line is that of its id in ``text`` (found in turn)."""
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM, "blogger": TAKEOUT})
    found_at = 0
    for item in items:
        entry = _api_entry(feed, item, fixed)
        number = json.dumps(str(item.get("id") or ""))
        at = text.find(number, found_at) if number != '""' else -1
        found_at = at if at >= 0 else found_at
        entry.sourceline = lines_before + text.count("\n", 0, found_at) + 1
    addresses = [str(item["url"]) for item in items if isinstance(item.get("url"), str)]
    home = re.match(r"[a-z]+://[^/?#]+", addresses[0], re.I) if addresses else None
    if home:  # the blog's home page: its posts' host's
        etree.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=home[0] + "/")
    return feed


def _api_entry(feed, item: dict, fixed: list):
    """The ``<entry>`` of one of the API's posts, pages or comments (:func:`atom_of_api`)."""
    kind = API_KINDS.get(str(item.get("kind")), "POST")
    number, blog = str(item.get("id") or ""), str(_field(item, "blog", "id") or "")
    post = str(_field(item, "post", "id") or "") if kind == "COMMENT" else ""
    entry = etree.SubElement(feed, f"{{{ATOM}}}entry")
    values = {
        f"{{{ATOM}}}id": f"tag:blogger.com,1999:blog-{blog}.{kind.lower()}-{number}",
        f"{{{ATOM}}}published": item.get("published"),
        f"{{{ATOM}}}updated": item.get("updated"),
        f"{{{ATOM}}}title": item.get("title"),
        f"{{{ATOM}}}content": item.get("content"),
        f"{{{TAKEOUT}}}type": kind,
        f"{{{TAKEOUT}}}status": item.get("status") or "LIVE",
        f"{{{TAKEOUT}}}parent": post and f"tag:blogger.com,1999:blog-{blog}.post-{post}",
        f"{{{TAKEOUT}}}inReplyTo": _field(item, "inReplyTo", "id"),
        f"{{{TAKEOUT}}}location": _field(item, "location", "name"),
    }
    for tag, value in values.items():
        if value not in (None, ""):
            etree.SubElement(entry, tag).text = _xml_text(str(value), fixed)
    place = entry.find(f"{{{TAKEOUT}}}location")
    if place is not None:  # (its name in an element of its own, as Takeout writes it)
        etree.SubElement(place, f"{{{TAKEOUT}}}name").text, place.text = place.text, None
    if (content := entry.find(f"{{{ATOM}}}content")) is not None:
        content.set("type", "html")
    if url := item.get("url"):
        link = etree.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html")
        link.set("href", _xml_text(str(url), fixed))
    author = etree.SubElement(entry, f"{{{ATOM}}}author")
    name = _field(item, "author", "displayName") or "Anonymous"
    etree.SubElement(author, f"{{{ATOM}}}name").text = _xml_text(str(name), fixed)
    if address := _field(item, "author", "url"):
        etree.SubElement(author, f"{{{ATOM}}}uri").text = _xml_text(str(address), fixed)
    for label in item.get("labels") if isinstance(item.get("labels"), list) else []:
        category = etree.SubElement(entry, f"{{{ATOM}}}category")
        category.set("scheme", "http://www.blogger.com/atom/ns#")
        category.set("term", _xml_text(str(label), fixed))
    return entry


def _field(item: dict, name: str, inner: str):
    """``item[name][inner]``, or None where the API's answer holds no such."""
    value = item.get(name)
    return value.get(inner) if isinstance(value, dict) else None
