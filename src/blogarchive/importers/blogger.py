"""Blogger exports: "Back up content" (Atom, ``…/kind#post``), Takeout's ``feed.atom``,
a blog's public Atom feed.

Published posts become posts and pages pages; drafts become drafts (or are
skipped); comments come with the post or page they answer; settings and the
template are skipped and counted.  An entry that cannot be taken (no date, no
content) is refused with its line and old address, and the rest still comes
in; an untitled post is titled from its first words.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from html import escape, unescape
from html.entities import html5
from pathlib import Path

from lxml import etree

from ..comments import clean as clean_comment
from ..frontmatter import blogger_id, join_address
from .gdata import atom_of_json, is_json_feed
from .html import autop, convert, safe_url, with_enclosures
from .records import (
    Comment,
    ExportContents,
    ImportedPost,
    ImportError_,
    file_comments,
    naming,
    old_address,
    one_author,
    plain_title,
    readable,
    reading,
    showable,
    title_of,
    unconvertible,
    undated,
    without_commas,
    without_tracking,
)

NS = {
    "thr": "http://purl.org/syndication/thread/1.0",
    "atom": "http://www.w3.org/2005/Atom",
    "app": "http://purl.org/atom/app#",
    "blogger": "http://schemas.google.com/blogger/2018",
    "georss": "http://www.georss.org/georss",
}
KIND_SCHEME = "http://schemas.google.com/g/2005#kind"


#: What libxml2 reports of namespaces that leaves the file whole, and how the report names it.
NAMESPACE_FAULTS = {
    "NS_ERR_UNDEFINED_NAMESPACE": "undeclared XML prefixes",
    "WAR_NS_URI": "namespaces named by an IRI or a bad URI",
    "WAR_NS_URI_RELATIVE": "namespaces named by a relative URI",
}


def parse_xml(path: Path, notes: list | None = None):
    """An XML file's root, or an ImportError_ naming the line that breaks it.

    Real Blogger backups use the ``app:`` prefix without declaring it, and a
    plugin's namespace may be named by an IRI (``http://ëxämplë.com/``, which
    libxml2 takes for a bad URI): a file whose only faults are these is read
    leniently.  WordPress exports what its database holds: a word processor's
    control characters, which XML does not allow, or Windows-1252 text in a
    file said to be UTF-8; old versions wrote addresses' ``&`` bare and
    ``]]>`` inside CDATA: a file that reads once they are mended
    (:func:`_mended`) is read so.  Each is noted in ``notes``; any other
    fault refuses the file.  Entities the file declares are their names
    (:func:`_entities_as_text`)."""
    try:
        root = _parse(str(path), path, notes)
    except ImportError_ as refused:
        mended, fixes = _mended(path)
        if mended is None:
            raise
        try:
            root = _parse(io.BytesIO(mended), path, notes)
        except ImportError_:
            raise refused from None
        if notes is not None:
            notes.extend(fixes)
    _entities_as_text(root, notes)
    return root


def _entities_as_text(root, notes: list | None) -> None:
    """Each entity the file's DTD declares, which is never expanded (an
    external one would read a file of this machine into a post, a bomb fill
    the disk), as its name in the text: left a node of its own, it was in no
    element's text, and the words after it in a post were lost unsaid."""
    found = list(root.iter(etree.Entity))
    for entity in found:
        parent, words = entity.getparent(), entity.text + (entity.tail or "")  # "&name;"
        before = entity.getprevious()
        if before is not None:
            before.tail = (before.tail or "") + words
        else:
            parent.text = (parent.text or "") + words
        parent.remove(entity)
    if found and notes is not None:
        names = ", ".join(sorted({entity.text for entity in found}))
        notes.append(
            (
                found[0].sourceline or 1,
                f"entities the export declares ({names}) kept as their names, never expanded",
            )
        )


#: A line git writes where a merge left two versions of a file (an export
#: kept in a repository, merged): the file is XML no longer.
CONFLICT = re.compile(rb"^(?:<{7}|={7}|>{7})(?: |$)", re.M)


def _conflicted(path: Path) -> bool:
    """Whether the file holds git's conflict markers (:data:`CONFLICT`)."""
    try:
        with open(path, "rb") as file:
            return any(CONFLICT.match(line.rstrip(b"\r\n")) for line in file)
    except OSError:
        return False


#: libxml2's words for a text over its 10 MB limit (XML_PARSE_HUGE lifts it).
TOO_BIG = ("too big", "huge text node")


def _parse(source, path: Path, notes: list | None, huge: bool = False):
    """``source``'s root.  A text over 10 MB (a picture written into a post as
    a ``data:`` address) is read again with libxml2's size limits lifted:
    entities are never expanded, so no entity can grow it (an entity bomb
    stays inert text) and the limit guards nothing here."""
    options = {"resolve_entities": False, "no_network": True, "huge_tree": huge}
    parser = etree.XMLParser(**options)
    try:
        return etree.parse(source, parser).getroot()
    except etree.XMLSyntaxError as exc:
        errors = list(parser.error_log)  # this parse's alone (exc's holds earlier ones too)
        if not huge and errors and any(word in errors[0].message for word in TOO_BIG):
            if notes is not None:
                notes.append(
                    (errors[0].line, "a text over 10 MB (a picture in a post?): read whole")
                )
            if isinstance(source, io.BytesIO):
                source.seek(0)
            return _parse(source, path, notes, huge=True)
        if errors and all(e.type_name in NAMESPACE_FAULTS for e in errors):
            if notes is not None:
                what = sorted({NAMESPACE_FAULTS[e.type_name] for e in errors})
                notes.append((errors[0].line, f"{' and '.join(what)}: read leniently"))
            if isinstance(source, io.BytesIO):
                source.seek(0)
            return etree.parse(source, etree.XMLParser(recover=True, **options)).getroot()
        line = exc.position[0] if exc.position else 1
        why = f"not well-formed XML: {exc.msg}"
        if _conflicted(path):
            why += "; it holds a merge's conflict markers ('<<<<<<<'): resolve them first"
        raise ImportError_(path, line, why) from exc
    except OSError as exc:
        raise ImportError_(path, 1, f"cannot read: {exc}") from exc


#: Control characters XML 1.0 does not allow; a word processor's vertical tab
#: is its line break, a form feed its page break: both kept as line breaks
#: (:func:`_breaks_written`).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: Such a break while an export is mended: a character no text holds (a
#: Unicode noncharacter); in a text that does hold it, a line break at once.
BREAK = "\ufdd0"
DECLARED = re.compile(rb"""^\s*<\?xml[^>]*encoding=["']([\w.-]+)["']""")


#: A byte that is not UTF-8, as ``surrogateescape`` decodes it.
NOT_UTF8 = re.compile("[\udc80-\udcff]")


def _mended(path: Path) -> tuple[bytes | None, list]:
    """A UTF-8 file's bytes with what XML refuses mended, and where (notes);
    None when there is nothing to mend, or it says it is in another encoding."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None, []
    declared = DECLARED.match(data[:300])
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        return None, []
    # Each byte that is not UTF-8 comes through as a lone surrogate, then is
    # read as Windows-1252 (an error handler registered under a name of our
    # own was global state, replaced by each import).
    smuggled = data.decode("utf-8", "surrogateescape")
    foreign = [match.start() for match in NOT_UTF8.finditer(smuggled)]  # where, in the text
    text = NOT_UTF8.sub(
        lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", "replace"), smuggled
    )
    text, before = _declaration_first(text)
    controls = [match.start() for match in CONTROL.finditer(text)]
    line_break = "\n" if BREAK in text else BREAK
    uncontrolled = CONTROL.sub(lambda m: line_break if m.group() in "\x0b\x0c" else "", text)
    unnested, nested = _cdata_mended(uncontrolled)
    mended, bare, named = _ampersands_mended(unnested)
    mended = _breaks_written(mended)
    if not foreign and not controls and not nested and not bare and not named and not before:
        return None, []
    fixes = []
    if before:
        shown = " ".join(before.split())[:80]
        what = f"a plugin's output, {shown!r}," if shown else "blank lines"
        fixes.append((1, f"{what} before the XML declaration: left out"))
    # Each fault where it was found: its line in the text it was found in.
    first, read = ", the first here", " read as meant, the first here"
    for found, within, what, done in (
        (bare, unnested, "'&' written bare, not as '&amp;'", read),
        (named, unnested, "HTML entities XML does not know ('&nbsp;'...)", read),
        (
            nested,
            uncontrolled,
            "']]>' inside an element's CDATA (WordPress wrote it unescaped)",
            " kept as text",
        ),
        (
            controls,
            text,
            "control characters XML does not allow (a word processor's)",
            " replaced" + first,
        ),
        (foreign, smuggled, "bytes that are not UTF-8, read as Windows-1252", first),
    ):
        if found:
            fixes.append((within.count("\n", 0, found[0]) + 1, f"{what}: {len(found)}{done}"))
    return mended.encode("utf-8"), fixes


def _breaks_written(text: str) -> str:
    """Each :data:`BREAK` as a line break XML reads, ``&#10;``, not a line of
    the file: each entry after it keeps its line in the report.  In CDATA,
    which reads no reference, the section is closed around it (``]]>&#10;
    <![CDATA[``, read as one text); in a comment or a processing instruction,
    a space.  One scan, in order."""
    if BREAK not in text:
        return text
    out, at = [], 0
    while (found := SECTIONS.search(text, at)) is not None:
        out.append(text[at : found.start()])
        if found.group() == BREAK:
            out.append("&#10;")
            at = found.end()
            continue
        end = text.find(LITERAL_END[found.group()], found.end())
        end = len(text) if end == -1 else end  # a section that never ends: the parser says so
        within = "]]>&#10;<![CDATA[" if found.group() == "<![CDATA[" else " "
        out.append(text[found.start() : end].replace(BREAK, within))
        at = end
    return "".join([*out, text[at:]])


def _declaration_first(text: str) -> tuple[str, str]:
    """``text`` from its XML declaration on, and what came before it: blank
    lines or a PHP warning a theme or plugin wrote ahead of the export (XML
    allows nothing there; WordPress's exports often have it).  Only what
    comes before the document's first element, in its first 64 KB."""
    at = text.find("<?xml", 0, 65536)
    end = text.find("?>", at) if at > 0 else -1
    before = text[:at].lstrip("\ufeff")
    if end == -1 or not before or any(root in before for root in ("<rss", "<feed")):
        return text, ""
    # The declaration goes too (UTF-8 is what it says, or the text is read as
    # such already): its lines are kept blank, so each line keeps its number.
    return "\n" * text[:end].count("\n") + text[end + 2 :], before


#: The start of an element whose text opens with a CDATA section.
CDATA_OPENING = re.compile(r"<([\w:.-]+)[^<>]*><!\[CDATA\[")
#: ``]]>`` as XML allows it inside CDATA: the section closed and another opened.
ESCAPED_END = "]]]]><![CDATA[>"


def _cdata_mended(text: str) -> tuple[str, list[int]]:
    """``text`` with each ``]]>`` that an element's CDATA holds as text (a post
    about XML, in an export of a WordPress that did not escape it: the file
    ends there for a parser) escaped as WordPress now writes it; where each
    mended element starts.  A section runs to its element's end tag; an
    escape already there is kept.  One scan, in order (an export is
    untrusted: no pattern that goes back over the text), stopped by a
    section that never ends."""
    out, where, at = [], [], 0
    while (opening := CDATA_OPENING.search(text, at)) is not None:
        start = opening.end()
        end = text.find(f"]]></{opening.group(1)}>", start)
        if end == -1:
            break
        pieces = text[start:end].split(ESCAPED_END)
        body = ESCAPED_END.join(piece.replace("]]>", ESCAPED_END) for piece in pieces)
        if body != text[start:end]:
            where.append(opening.start())
        out += [text[at:start], body]
        at = end
    return "".join([*out, text[at:]]), where


#: Where an ``&`` may stand for itself: CDATA, comments, processing instructions.
LITERAL = re.compile(r"&|<!\[CDATA\[|<!--|<\?")
LITERAL_END = {"<![CDATA[": "]]>", "<!--": "-->", "<?": "?>"}
#: A character or entity reference, as XML reads one.
REFERENCE = re.compile(r"&(?:#[0-9]+|#x[0-9A-Fa-f]+|([A-Za-z_][\w.-]*));")
XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
#: A mended line break, or a section a reference is not read in.
SECTIONS = re.compile(rf"{BREAK}|<!\[CDATA\[|<!--|<\?")


def _ampersands_mended(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` with each ``&`` that starts no reference escaped (``&amp;``),
    and each HTML entity XML does not know (``&nbsp;``) written as the
    character it names; where each bare ``&`` and each such entity was.

    Old WordPress wrote addresses in ``<link>`` and ``<wp:attachment_url>``
    as they were, query and all (``?w=1268&q=80``): the file ends there for a
    parser, and WordPress's own importer falls back to reading it by
    patterns.  An entity of another name is left (a DTD may declare it).
    One scan, in order, past CDATA, comments and processing instructions."""
    out, bare, named, at, passed = [], [], [], 0, 0
    for found in LITERAL.finditer(text):
        start = found.start()
        if start < passed:  # inside a section passed over
            continue
        if found.group() != "&":
            passed = text.find(LITERAL_END[found.group()], found.end())
            if passed == -1:
                break  # a section that never ends: the parser names its line
            continue
        reference = REFERENCE.match(text, start)
        name = reference.group(1) if reference else None
        if reference is None:
            out += [text[at:start], "&amp;"]
            bare.append(start)
            at = start + 1
        elif name and name not in XML_ENTITIES and f"{name};" in html5:
            characters = "".join(f"&#{ord(c)};" for c in html5[f"{name};"])
            out += [text[at:start], characters]
            named.append(start)
            at = reference.end()
    return "".join([*out, text[at:]]), bare, named


def _text(entry, xpath: str) -> str | None:
    found = entry.find(xpath, NS)
    return found.text if found is not None and found.text is not None else None


def _location(entry) -> str | None:
    """Where the post was written, as Blogger showed it under the post: the
    old export's ``georss:featurename``, Takeout's ``blogger:location``'s
    ``blogger:name`` (beside its latitude and longitude).  Blogger kept the
    name as HTML, which its page showed (a real export's "North Delaware
    Avenue &amp;amp; North Farragut Street"): its references read, as there."""
    name = _text(entry, "georss:featurename") or _text(entry, "blogger:location/blogger:name")
    return " ".join(unescape(name or "").split()) or None


#: The kind an entry's id gives: ``tag:blogger.com,1999:blog-1.post-2`` (a post).
FEED_KIND = re.compile(r"^tag:blogger\.com,1999:blog-\d+\.(post|page)-\d+$")


def _kind(entry) -> str:
    """post, comment, settings, template, page, ... for either export format."""
    takeout = _text(entry, "blogger:type")
    if takeout:
        return takeout.strip().lower()
    for category in entry.findall("atom:category", NS):
        if category.get("scheme") == KIND_SCHEME:
            return category.get("term", "").rsplit("#", 1)[-1]
    # A blog's public feeds (/feeds/posts/default, /feeds/pages/default,
    # /feeds/comments/default: all a reader can save of a blog no one can sign
    # in to) mark no kind: a comment answers an entry, the rest say by their id.
    if entry.find("thr:in-reply-to", NS) is not None:
        return "comment"
    kind = FEED_KIND.search((entry.findtext("atom:id", namespaces=NS) or "").strip())
    return kind.group(1) if kind else "unknown"


def _kinds(root, entries: list, contents: ExportContents) -> list[str]:
    """Each entry's kind (:func:`_kind`).  In an Atom feed of no entry
    Blogger's (another blog's ``/feed/atom/``, all a reader may have saved of
    it) each is a published post, which the report says first: a feed holds
    the newest alone."""
    kinds = [_kind(entry) for entry in entries]
    if not entries or any(kind != "unknown" for kind in kinds):
        return kinds
    held = "1 entry" if len(entries) == 1 else f"{len(entries)} entries"
    contents.notes.append(
        (
            root.sourceline or 1,
            f"incomplete: a feed of the blog (Atom), not a Blogger backup: its {held} read as"
            " its newest published posts",
        )
    )
    return ["post"] * len(entries)


def _is_draft(entry) -> bool:
    status = _text(entry, "blogger:status")
    if status:  # SCHEDULED: the author's, due on its date (the site shows it then)
        return status.strip().upper() not in ("LIVE", "SCHEDULED")
    draft = _text(entry, "app:control/app:draft")
    if draft is None:  # an undeclared app: prefix, read leniently: the names as written
        control = next((c for c in entry if c.tag == "app:control"), None)
        if control is not None:
            draft = next((d.text for d in control if d.tag == "app:draft"), None)
    return (draft or "").strip().lower() == "yes"


def _published(path: Path, entry) -> dt.datetime | None:
    """The post's <published> date; None when it has none (kept as a draft)."""
    text = _text(entry, "atom:published")
    if not text:
        return None
    try:
        when = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise ImportError_(path, entry.sourceline, f"bad <published> {text!r}: {exc}") from exc
    return when.replace(microsecond=0)


def _url(entry, blog_url: str | None) -> str | None:
    filename = _text(entry, "blogger:filename")
    if filename:  # Takeout: the path only
        return join_address(blog_url, filename.strip()) if blog_url else filename.strip()
    return without_tracking(_alternate(entry))  # (a feed's counters: no part of it)


def _alternate(entry) -> str | None:
    """The address of the entry's (or the feed's) ``alternate`` link: its page on the old blog."""
    for link in entry.findall("atom:link", NS):
        if link.get("rel") == "alternate" and link.get("href"):
            return link.get("href")
    return None


def read_blogger(path: Path, author: str | None = None) -> ExportContents:
    """Every post of a Blogger export, and what else it holds."""
    path = Path(path)
    contents = ExportContents()
    if is_json_feed(path):  # a feed saved as JSON (?alt=json): its Atom
        root = atom_of_json(path, contents.notes)
    else:
        root = parse_xml(path, contents.notes)
    if root.tag != f"{{{NS['atom']}}}feed":
        rss = " (an RSS feed: blog import wordpress reads it)" if root.tag == "rss" else ""
        raise ImportError_(
            path, root.sourceline, f"expected an Atom <feed>, found <{root.tag}>{rss}"
        )
    blog_url = readable(_alternate(root))  # the blog's own page, as an entry's is its
    # A post with no author of its own is the blog's author's, then conf.py's.
    author = (_text(root, "atom:author/atom:name") or "").strip() or author
    comments: dict[str, list[Comment]] = {}  # post's id -> its comments
    post_ids: list[str] = []
    entries = root.findall("atom:entry", NS)
    kinds = _kinds(root, entries, contents)
    for entry, kind in zip(reading(path, entries), kinds, strict=True):
        if kind == "comment":
            _comment(entry, comments, contents)
            continue
        if kind not in ("post", "page"):
            contents.not_posts[kind] += 1
            continue
        status = (_text(entry, "blogger:status") or "").strip().upper()
        if status in ("DELETED", "SOFT_TRASHED", "TRASHED"):
            contents.not_posts["trashed post"] += 1
            continue
        try:
            post = _post(path, entry, blog_url, author)
            contents.posts.append(dataclasses.replace(post, is_page=kind == "page"))
            post_ids.append(_entry_key(_text(entry, "atom:id")))
        except ImportError_ as exc:
            contents.refused.append((exc.line, naming(exc.message, _address(entry))))
        except Exception as exc:  # one post the converter fails on must not cost the blog
            why = naming(unconvertible(exc), _address(entry))
            contents.refused.append((entry.sourceline or 0, why))
    # Filed under their posts once every file of the import is read
    # (records.file_comments): a blog's comments feed holds no posts.
    contents.post_ids, contents.comments = post_ids, comments
    _one_page_of_many(root, contents)
    return contents


def read_blogger_files(paths: list, author: str | None = None) -> list[ExportContents]:
    """Each file of one import (a backup; or a blog's public feeds, its posts
    a page at a time, its comments apart), each comment filed under its post
    in whichever file that is."""
    reads = [read_blogger(Path(path), author) for path in paths]
    file_comments(reads)
    return reads


def _one_page_of_many(root, contents: ExportContents) -> None:
    """A blog's public feed comes a page at a time (``rel="next"``): one page
    of it holds some of the blog's posts alone, which the report says first."""
    following = [x.get("href") for x in root.findall("atom:link", NS) if x.get("rel") == "next"]
    if not following:
        return
    total = next((c.text for c in root if str(c.tag).endswith("}totalResults")), None)
    held = len(root.findall("atom:entry", NS))
    of = f" of {total.strip()}" if total and total.strip().isdigit() else ""
    entries = "entry" if held == 1 else "entries"
    contents.notes.append(
        (
            root.sourceline or 1,
            f"incomplete: one page of the blog's feed, {held} {entries}{of}; the rest are "
            f"at {following[0]} and after (add max-results=500 and import each page)",
        )
    )


def _address(entry) -> str:
    """The entry's address on the old blog, else its id."""
    return _alternate(entry) or _text(entry, "atom:id") or ""


def _entry_key(entry_id: str | None) -> str:
    """A post's or page's id as its comments name it.  Blogger names the page a
    comment answers as if it were a post: ``blog-1.post-36`` for the page
    ``blog-1.page-36`` (the 55 comments on the 9 pages of a real export were
    lost), so both are read as ``blog-1.36``."""
    return re.sub(r"\.(?:post|page)-(\d+)$", r".\1", (entry_id or "").strip())


def _blogger_id(entry_id: str | None) -> str:
    """A post's or page's id as Blogger gave it (``tag:blogger.com,1999:blog-1.post-36``);
    none where the export gives another (a converter's)."""
    return blogger_id((entry_id or "").strip()) or ""


def _comment(entry, comments: dict[str, list[Comment]], contents: ExportContents) -> None:
    """A Blogger comment, filed under the post it answers (``thr:in-reply-to``;
    Takeout: ``blogger:parent``)."""
    reply = entry.find("thr:in-reply-to", NS)
    post_id = reply.get("ref", "") if reply is not None else _text(entry, "blogger:parent") or ""
    status = (_text(entry, "blogger:status") or "LIVE").strip().upper()
    if not post_id.strip() or status != "LIVE":
        contents.not_posts["unpublished comment" if post_id else "comment"] += 1
        return
    text = _text(entry, "atom:published")
    try:
        when = dt.datetime.fromisoformat((text or "").strip().replace("Z", "+00:00"))
        if when.tzinfo is None:  # (no offset: UTC, as Blogger's; ordered with the others)
            when = when.replace(tzinfo=dt.UTC)
        if not showable(when):  # (the calendar's ends: no page can show it)
            raise ValueError
    except ValueError:
        why = naming(f"comment with a bad date {text!r}", _text(entry, "atom:id"))
        contents.refused.append((entry.sourceline, why))
        return
    own_id = re.search(r"(\d+)\s*$", _text(entry, "atom:id") or "")
    # A reply names the comment it answers: a "related" link (Back up content),
    # blogger:inReplyTo (Takeout).
    answered = _text(entry, "blogger:inReplyTo") or next(
        (
            link.get("href", "")
            for link in entry.findall("atom:link", NS)
            if link.get("rel") == "related"
        ),
        "",
    )
    parent = re.search(r"(\d+)\s*$", answered)
    url = safe_url(_text(entry, "atom:author/atom:uri"))
    if reply is not None and (address := safe_url(reply.get("href"))):
        contents.reply_urls.setdefault(_entry_key(post_id), address)
    comments.setdefault(_entry_key(post_id), []).append(
        Comment(
            id=own_id.group(1) if own_id else str(entry.sourceline),
            author=" ".join((_text(entry, "atom:author/atom:name") or "Anonymous").split()),
            date=when.replace(microsecond=0),
            html=clean_comment(_text(entry, "atom:content") or ""),
            parent=parent.group(1) if parent else None,
            url=url,
        )
    )


def _last_updated(entry) -> str:
    """The hint an undated post's draft reason gives: when it was last changed."""
    updated = (_text(entry, "atom:updated") or "").strip()
    return f" (<published>; last updated {updated[:10]})" if updated else " (<published>)"


def _labels(entry, notes: list[str]) -> tuple[str, ...]:
    """The post's labels (a label that holds commas is those it lists:
    records.without_commas; a real backup's four failed its whole build)."""
    terms = [
        category.get("term") or ""
        for category in entry.findall("atom:category", NS)
        if category.get("scheme") != KIND_SCHEME
    ]
    return without_commas(terms, "label", notes)


def _content_html(content) -> str:
    """A post's content as HTML, in whichever of Atom's types it is given:
    ``html`` (markup as text, as Blogger writes it, and the default here),
    ``xhtml`` (markup as elements in a ``<div>``: other tools write it) or
    ``text`` (plain text: its paragraphs, nothing read as markup)."""
    kind = (content.get("type") or "html").strip().lower()
    if kind == "text":
        return autop(escape(content.text or "", quote=False))
    if kind != "xhtml":
        return content.text or ""
    wrapper = next((child for child in content if isinstance(child.tag, str)), None)
    if wrapper is None:
        return escape(content.text or "", quote=False)
    for element in wrapper.iter():
        if isinstance(element.tag, str):
            element.tag = etree.QName(element).localname  # <p>, not <html:p xmlns:html=...>
    etree.cleanup_namespaces(wrapper)
    inner = escape(wrapper.text or "", quote=False)
    return inner + "".join(etree.tostring(child, encoding="unicode") for child in wrapper)


def _post(path: Path, entry, blog_url: str | None, author: str | None) -> ImportedPost:
    content = entry.find("atom:content", NS)
    notes: list[str] = []
    if content is None:  # a public feed set to show the start of each post alone
        content = entry.find("atom:summary", NS)
        if content is None:
            raise ImportError_(path, entry.sourceline, "post has no <content>")
        notes.append("kept: its <summary> alone, the start of its text (the feed held no more)")
    published = _published(path, entry)
    url = readable(_url(entry, blog_url), notes)
    enclosures = [
        link.get("href", "")
        for link in entry.findall("atom:link", NS)
        if link.get("rel") == "enclosure"
    ]
    html = with_enclosures(_content_html(content), enclosures, notes)
    body = convert(html, base_url=url or blog_url)
    notes += body.notes
    title_element = entry.find("atom:title", NS)  # its words in elements, when XHTML
    raw_title = "".join(title_element.itertext()) if title_element is not None else None
    title = title_of(raw_title, body.text, published, notes)
    names = [n.text.strip() for n in entry.findall("atom:author/atom:name", NS) if n.text]
    names = [n for n in names if n.lower() not in ("unknown", "anonymous")] or names
    names = [one_author(name, notes) for name in names]
    old_path = old_address(url, notes)
    undated_post = published is None and _kind(entry) != "page"  # a page shows no date
    labels = _labels(entry, notes)
    return ImportedPost(
        title=title,
        published=published,
        body=body.text,
        authors=tuple(names) or ((author,) if author else ()),
        tags=labels,
        draft=_is_draft(entry) or undated_post,
        draft_reason=undated(_last_updated(entry)) if undated_post else None,
        source_url=url,
        blogger_id=_blogger_id(_text(entry, "atom:id")),
        redirects=(old_path,) if old_path else (),
        excerpt=body.excerpt,
        image=body.image,
        # Takeout's "Search description", the author's own: the page's description
        summary=plain_title(_text(entry, "blogger:metaDescription")) or None,
        line=entry.sourceline or 0,
        location=_location(entry),
        notes=tuple(notes),
        media=tuple(body.media),
    )
