"""Comments from the original blog, shown under their post, read-only (issue 13).

The importers keep a post's published comments beside it in
``posts/<YYYY>/<slug>.comments.yaml`` (author, their address, date, sanitised
text, the comment each answers).  Here they are read for the post's page and
shown as a thread, dated in the blog's timezone, commenters' links marked
``rel="nofollow ugc"``; the text is cleaned again (nh3) in case the file was
edited by hand.  No comment system, no script: the conversation as it was.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html import escape, unescape
from pathlib import Path
from zoneinfo import ZoneInfo

import nh3
from sphinx.util import logging

from .confine import inside, link_out
from .frontmatter import Unreadable, read_plain
from .htmltokens import browser_comments
from .model import counted

logger = logging.getLogger(__name__)

#: What a comment keeps of its markup, as its blog showed it (WordPress shows
#: a comment's HTML as written): text's forms, lists, quotations, code, tables;
#: nothing that loads (a picture) or runs.
TAGS = {
    "p", "br", "hr", "a", "b", "strong", "i", "em", "u", "small", "big", "s", "strike", "del",
    "ins", "q", "cite", "abbr", "acronym", "sub", "sup", "code", "kbd", "samp", "tt", "var",
    "pre", "blockquote", "address", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
}  # fmt: skip
ATTRIBUTES = {"a": {"href"}, "abbr": {"title"}, "acronym": {"title"}, "th": {"colspan", "rowspan"}}
ATTRIBUTES["ol"] = {"start", "type", "reversed"}  # its numbers: from 8, by letters, counting down
ATTRIBUTES["td"] = ATTRIBUTES["th"]
#: A heading in a comment: bold text (the page's headings are the page's own).
HEADING = re.compile(r"<(/?)h[1-6]\b[^>]*>", re.I)


def clean(html: str) -> str:
    """A comment's text as inert HTML: its text's forms, lists, quotations,
    code and tables; links http, https or mailto, ``rel="nofollow ugc"``; a
    heading bold text.  The importers clean each comment with it; pages clean
    it again, in case the file was edited by hand."""
    html = HEADING.sub(lambda m: "</strong></p>" if m[1] else "<p><strong>", html)
    if "<img" in html.lower():
        html = _pictures_as_links(html)
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc",
    ).strip()


def _pictures_as_links(html: str) -> str:
    """A comment's pictures, which it does not load (nothing comes from another
    host), each a link to the picture named by its alt text."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(browser_comments(html), "html.parser")  # (<![ x> raised)
    for picture in soup.find_all("img"):
        alt = " ".join((picture.get("alt") or "").split())
        link = soup.new_tag("a", href=(picture.get("src") or "").strip())
        link.string = f"Picture: {alt}" if alt else "Picture"
        picture.replace_with(link)
    return str(soup)


#: What an entry of a comments file is: a comment a reader wrote, or a link
#: from another blog's post, which WordPress listed among them ("Pingback:"
#: and the linking post's title, a link to it; a trackback alike).
KINDS = ("comment", "pingback", "trackback")


@dataclass
class Comment:
    id: str
    author: str
    url: str | None
    when: dt.datetime  # in the blog's timezone
    html: str
    replies: list[Comment] = field(default_factory=list)
    kind: str = "comment"  # (one of KINDS)


#: A post's comments file is beside it: ``posts/2010/slug.comments.yaml``.
SUFFIX = ".comments.yaml"


def sidecar(srcdir, docname: str) -> Path:
    return Path(srcdir, docname + SUFFIX)


def note_comments(app, doctree) -> None:
    """``doctree-read``: a post is read again when its comments file changes."""
    path = sidecar(app.srcdir, app.env.docname)
    if path.is_file():
        app.env.note_dependency(str(path))


def new_comments_files(app, env, added, changed, removed) -> list[str]:
    """``env-get-outdated``: the posts and pages read before whose comments
    file is new since (one there when a post is read is its dependency,
    :func:`note_comments`; one made since was no one's, and the cached page
    went on showing no comments where a clean build shows them)."""
    return [
        docname
        for docname in env.all_docs
        if docname not in changed
        and (path := sidecar(app.srcdir, docname)).is_file()
        and str(path) not in {str(known) for known in env.dependencies.get(docname, ())}
    ]


def thread(srcdir, docname: str, tz: ZoneInfo, lead=None) -> list[Comment]:
    """The post's comments as a thread: those answering none first, oldest first,
    each with its replies (a reply whose comment is not kept stands on its own).
    ``lead``: the address here of a link from the site's root (``/2009/07/``,
    an old address; ``/blog/tag/x/``), or None to leave it as it is."""
    path = sidecar(srcdir, docname)
    if not path.is_file():
        return []
    if not inside(path, srcdir):  # a link out of the repository: its words are not ours
        link_out(path, "comments")
        return []
    try:
        entries = read_plain(path) or []
    except Unreadable as exc:
        logger.error("comments: %s", exc.why, location=f"{exc.path}:{exc.line}")
        return []
    comments: dict[str, Comment] = {}
    parents: dict[str, str | None] = {}
    for entry in entries if isinstance(entries, list) else []:
        fields = _fields(entry)
        if not_text := [name for name in FIELDS if fields.get(name, "") is None]:
            which = f" ({fields['id']!r})" if fields.get("id") else ""
            logger.error("comments: %s: a comment%s whose %s is not text", path, which, not_text[0])
            continue
        try:
            when = dt.datetime.fromisoformat(fields["date"])
            key = fields["id"]
            when = when.astimezone(tz) if when.tzinfo else when.replace(tzinfo=tz)
            when.astimezone(dt.UTC)  # (the first or last hour there is: no page can show it)
        except (KeyError, ValueError, OverflowError) as exc:
            logger.error("comments: %s: a comment without id or date: %s", path, exc)
            continue
        url, kind = fields.get("url"), fields.get("kind") or "comment"
        if kind not in KINDS:
            said = "comments: %s: a comment (%r) of kind %r: expected one of %s (shown as one)"
            logger.error(said, path, key, kind, ", ".join(KINDS))
            kind = "comment"
        comments[key] = Comment(
            kind=kind,
            id=key,
            author=fields.get("author") or "Anonymous",
            url=url if url and url.startswith(("http://", "https://")) else None,
            when=when,
            # (a code block wider than its column scrolls, and a keyboard scrolls
            # only what has the focus: nh3 leaves a <pre> no attribute to keep)
            html=_led(clean(fields.get("html", "")), lead).replace("<pre>", '<pre tabindex="0">'),
        )
        parents[key] = fields.get("parent")
    roots = []
    for key, comment in sorted(comments.items(), key=lambda item: item[1].when):
        parent = comments.get(parents[key] or "")
        (parent.replies if parent is not None and parent is not comment else roots).append(comment)
    return roots


#: A link from the site's root in a comment's cleaned HTML (not ``//host/``):
#: its address, the rest of its tag, its words (nh3's links do not nest).
FROM_ROOT = re.compile(r'<a href="(/(?!/)[^"]*)"([^>]*)>(.*?)</a>', re.S)


def _led(html: str, lead) -> str:
    """A comment's links from the site's root (an import writes the old blog's
    label, tag and month pages so: importers/own_links.py) leading to their
    pages here, relative to the page (the site may be served from a folder);
    one no page answers is left as it is, one ``lead`` makes ``""`` (the
    e-book, which has no such pages) only its words.  (Such a page comes or
    goes only with a post's tags, date or old addresses, which write every
    page again: incremental.py.)"""
    if lead is None or 'href="/' not in html:
        return html

    def here(match: re.Match) -> str:
        address = lead(unescape(match[1]))
        if address is None:
            return match[0]
        return f'<a href="{escape(address)}"{match[2]}>{match[3]}</a>' if address else match[3]

    return FROM_ROOT.sub(here, html)


#: A comment's fields, each YAML's text, a number or a date.
FIELDS = ("id", "date", "author", "url", "html", "parent", "kind")


def _fields(entry) -> dict[str, str | None]:
    """A comment's fields that it has, each as text, or None if it is not: a
    list or mapping is no comment's text (and one made of YAML's aliases, a
    dozen lines long, held a hundred million items: made text, it took the
    build down)."""
    if not isinstance(entry, dict):
        return {}
    fields = {}
    for name in FIELDS:
        value = entry.get(name)
        if value is None:
            continue
        scalar = isinstance(value, str | int | float | dt.date) and not isinstance(value, bool)
        fields[name] = str(value) if scalar else None
    return fields


def told(comments: list[Comment]) -> str:
    """How many of each kind a thread holds: "3 comments", "1 comment and
    2 pingbacks", "2 comments, 1 pingback and 1 trackback"."""
    found, stack = dict.fromkeys(KINDS, 0), list(comments)
    while stack:
        comment = stack.pop()
        found[comment.kind] += 1
        stack += comment.replies
    parts = [counted(number, kind) for kind, number in found.items() if number]
    if len(parts) < 2:
        return parts[0] if parts else counted(0, "comment")
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def readers_comments(entries: list) -> int:
    """How many entries of a comments file (each a mapping) are comments,
    not links from other blogs: the post's ``comments:`` count, which its
    listing shows."""
    return sum(1 for entry in entries if (entry.get("kind") or "comment") == "comment")
