"""One front-matter schema for every post, checked with line numbers.

ABlog reads front matter loosely: a timezone-aware date crashes the build,
``category: [a, b]`` makes a category named ``["a"``, ``nocomments: true``
crashes, a file with broken YAML or no ``# heading`` is silently not a post.
Here each post's YAML is read again from its file, checked field by field, and
written back into the docinfo in the shape ABlog expects.  Every problem is a
:class:`Problem` naming the file, the line and the field.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import reprlib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from zoneinfo import ZoneInfo

import yaml


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when present
    """YAML without implicit timestamps: dates stay text, checked by :func:`parse_date`
    (PyYAML raises a bare ValueError, with no line, on ``2010-02-30``)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}


#: Characters XML 1.0 does not allow: C0 controls but tab and line ends, and
#: U+FFFE and U+FFFF.  No feed (nor the e-book's XHTML) can hold one, and a
#: post's made the feed's writer stop on a traceback.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_plain(text: str):
    """YAML as ``yaml.safe_load`` reads it, refusing aliases (``*name``) with
    a ``yaml.YAMLError``.  The files the build and the importers read besides
    posts (comments, media records, the links file, old versions' front
    matter) hold plain values, and no writer of ours makes an alias; an
    alias of an alias of... makes a hundred million items of a dozen lines,
    and a comment's text of them took the build past 2.6 GB.  (Scanning the
    events first costs a second parse; these files are small.)"""
    for event in yaml.parse(text, Loader=_SAFE):
        if isinstance(event, yaml.AliasEvent):
            why = f"an alias (*{event.anchor}): these files hold plain values"
            raise yaml.MarkedYAMLError(problem=why, problem_mark=event.start_mark)
    return yaml.load(text, Loader=_SAFE)


class Unreadable(Exception):
    """A file the build or an import reads beside posts is there but cannot be
    read: its ``path``, the ``line`` and ``why``.  Read as nothing, it had
    lost what it held without a word (``links.yaml``'s snapshots, a post's
    ``media.yaml``), and been written over by the next run."""

    def __init__(self, path: Path, line: int, why: str):
        super().__init__(f"{path}:{line}: cannot be read: {why}")
        self.path, self.line, self.why = path, line, f"cannot be read: {why}"


#: A line a merge leaves in a file whose two sides it could not join.
CONFLICT = re.compile(r"^(<{7}|={7}|>{7})( |$)", re.M)


def read_plain(path: Path):
    """The YAML file at ``path`` (:func:`load_plain`), None if there is none;
    raises :class:`Unreadable`, naming the line, if it cannot be read."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise Unreadable(path, 1, str(exc)) from exc
    if conflict := CONFLICT.search(text):
        line = text.count("\n", 0, conflict.start()) + 1
        raise Unreadable(path, line, "a merge left its markers in it (<<<<<<<, =======, >>>>>>>)")
    try:
        return load_plain(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        why = f"{exc.context}: {problem}" if getattr(exc, "context", None) else problem
        raise Unreadable(path, mark.line + 1 if mark else 1, why) from exc


#: How a value is shown in a message: a few items and levels, a line's worth
#: of text.  A value's whole repr was in the message, and YAML's aliases make
#: a value of a hundred million items from a dozen lines (a build of 1.3 GB,
#: its error hundreds of MB long).
_SHOWN = reprlib.Repr()  # (its settings as arguments: Python 3.12)
_SHOWN.maxlevel, _SHOWN.maxlist, _SHOWN.maxdict = 1, 4, 4
_SHOWN.maxstring = _SHOWN.maxother = 80


def shown(value) -> str:
    """``value`` as a message shows it (``repr``, cut short)."""
    return _SHOWN.repr(value)


def dump(values: dict) -> list[str]:
    """Front-matter lines, one a key, in the order given: the one YAML writer for
    ``blog new`` and the importers.  Text is quoted wherever YAML would read it
    otherwise (``Smith: J``, ``Policy #2``); dates stay plain ISO 8601."""
    lines = []
    for key, value in values.items():
        if isinstance(value, dt.date):
            text = value.isoformat()
        else:
            text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
            text = text.removesuffix("\n...\n").strip()
        lines.append(f"{key}: {text}")
    return lines


#: Bytes a page's file name may hold before its ``.html``: 255 in all, the
#: most a file system allows.
NAME_BYTES = 250


#: A percent-encoded character (``%2e``, ``%C3%A9``).
PERCENT_ENCODED = re.compile(r"%[0-9A-Fa-f]{2}")


def redirect_problem(path) -> str | None:
    """Why ``path`` cannot be an old address served by this site, or None.

    An old address is a page path of its own: from the site's root, ending in
    ``.html`` or ``/``, with no ``.``/``..``/empty or hidden segments, no query or
    fragment, nothing a file system or a URL reads otherwise.  (Whether another
    page already owns it is checked once all pages are known: archive.py.)
    """
    if not isinstance(path, str) or not path.startswith("/"):
        return f"{path!r} must be a path from the site's root, starting with '/'"
    if any(ch in path for ch in "\\?#") or any(ord(ch) < 32 or ord(ch) == 127 for ch in path):
        return f"{path!r} may not hold a backslash, '?', '#' or control characters"
    if PERCENT_ENCODED.search(path):  # (a host decodes the address it is asked for)
        decoded = unquote(path)
        if problem := redirect_problem(decoded):
            return f"{path!r} is percent-encoded, and decoded {problem}"
        return f"{path!r} is percent-encoded: write it as a browser shows it, {decoded!r}"
    segments = path[1:].split("/")
    inner = segments[:-1] if path.endswith("/") else segments
    if any(seg in ("", ".", "..") or seg.startswith(".") for seg in inner):
        return f"{path!r} has an empty, '.', '..' or hidden segment: it must stay inside the site"
    if not (path.endswith("/") or path.endswith(".html")) or path in ("/", "/index.html"):
        return f"{path!r} must name a page of its own (ending in '.html' or '/'), not the home page"
    if any(len(seg.encode("utf-8")) > NAME_BYTES for seg in segments):
        return f"{path[:60]!r}... has a segment too long to be a file's name"
    return None


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)
HEADING = re.compile(r"^# \S", re.M)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one post, as ``path:line: field: message``."""

    path: str
    line: int
    field: str
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


@dataclass
class FrontMatter:
    """A post's checked front matter, normalised for ABlog."""

    path: str
    values: dict = field(default_factory=dict)  # key -> normalised value
    lines: dict = field(default_factory=dict)  # key -> line in the file
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def error(self, key: str, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.path, line or self.lines.get(key, 1), key, message))

    def warn(self, key: str, message: str) -> None:
        self.problems.append(
            Problem(self.path, self.lines.get(key, 1), key, message, severity="warning")
        )


def key_line(text: str, key: str) -> int:
    """The line of ``key`` in a file's front matter (1 if it has none)."""
    match = FRONT_MATTER.match(text)
    try:
        return _key_lines(match.group(1) or "").get(key, 1) if match else 1
    except yaml.YAMLError:
        return 1


def _key_lines(text: str) -> dict[str, int]:
    """Line (1-based, in the whole file) of each top-level key of the YAML block."""
    return dict(_keys(text))


def _keys(text: str) -> list[tuple[str, int]]:
    """Each top-level key of the YAML block with its line, in order, repeats too."""
    node = yaml.compose(text, Loader=_Loader)
    if not isinstance(node, yaml.MappingNode):
        return []
    return [(k.value, k.start_mark.line + 2) for k, _ in node.value]


def _as_list(fm: FrontMatter, key: str, value) -> list[str] | None:
    """A string ("a, b") or a list of strings, as a list of clean strings."""
    if value is None:
        return []
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, list):
        items = value
    else:
        fm.error(key, f"expected a string or a list of strings, got {type(value).__name__}")
        return None
    out: list[str] = []
    for item in items:
        if not isinstance(item, str | int | float) or isinstance(item, bool):
            fm.error(key, f"expected text, got {type(item).__name__}: {shown(item)}")
            return None
        text = " ".join(str(item).split())  # fold runs of spaces
        if "," in text and isinstance(value, list):
            fm.error(key, f"{text!r} contains a comma, which separates {key}")
            return None
        if text and text.casefold() not in {o.casefold() for o in out}:
            out.append(text)
    return out


def _unknown_key(fm: FrontMatter, key: str) -> None:
    """A key that is a known one spelt differently (``Date``, ``catgory``) is an
    error with a suggestion: ignoring it would lose the value silently (a post
    whose ``Date:`` is ignored has no date, and is left out as a draft)."""
    folded = {known.casefold(): known for known in KNOWN_KEYS}
    close = folded.get(key.casefold()) or next(
        iter(difflib.get_close_matches(key.casefold(), folded, n=1, cutoff=0.75)), None
    )
    if close:
        fm.error(key, f"unknown front-matter key: did you mean {folded.get(close, close)!r}?")
    else:
        fm.warn(key, "unknown front-matter key (ignored)")


#: The days a post may have: Python's calendar, less a day at each end, so
#: that moving a date to UTC or another timezone stays in it.
FIRST_DAY, LAST_DAY = dt.date(1, 1, 2), dt.date(9999, 12, 30)
SHOWN_DAYS = f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"


def parse_date(fm: FrontMatter, value, tz: ZoneInfo) -> dt.datetime | None:
    """A naive datetime in the blog's timezone, or None after recording the problem."""
    if isinstance(value, dt.datetime):
        when = value
    elif isinstance(value, dt.date):
        when = dt.datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        text = value.strip()
        try:
            when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError as exc:
            fm.error("date", f"{text!r} is not a valid ISO 8601 date: {exc}")
            return None
    else:
        fm.error("date", f"expected an ISO 8601 date, got {shown(value)}")
        return None
    try:
        if when.tzinfo is not None:
            when = when.astimezone(tz).replace(tzinfo=None)
        if not FIRST_DAY <= when.date() <= LAST_DAY:
            raise OverflowError
    except OverflowError:  # (the feeds move it to UTC, a template a day on: a traceback)
        fm.error("date", f"{shown(value)} is outside the dates a page can show, {SHOWN_DAYS}")
        return None
    return when


def check(path: Path | str, text: str, tz: ZoneInfo, display: str | None = None) -> FrontMatter:
    """Check one post's source text; never raises on bad input."""
    fm = FrontMatter(display or str(path))
    # A BOM and CRLF line endings (Windows editors, git's core.autocrlf) are
    # ordinary: Sphinx reads such a file as plain UTF-8 text with newlines.
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        fm.error("file", "is empty: a post needs front matter and a '# Title' heading")
        return fm
    if found := NOT_XML.search(text):
        _not_xml(fm, text, found)
    match = FRONT_MATTER.match(text)
    if not match:
        fm.error("front matter", "missing: a post starts with a '---' block holding its date")
        return fm
    data = _load(fm, match.group(1) or "")
    if data is None:
        return fm
    for key, value in data.items():
        spec = SCHEMA.get(key)
        if spec is None:
            _unknown_key(fm, str(key))
            continue
        parsed = spec.parse(fm, key, value, tz)
        if parsed is not _INVALID:
            fm.values[key] = parsed
    _order_same_day(fm)
    _logins_by_author(fm)
    if fm.values.get("blogpost", True) and not HEADING.search(text, match.end()):
        rest = text[match.end() :]
        body_line = text[: match.end()].count("\n") + 1 + (len(rest) - len(rest.lstrip("\n")))
        fm.error("title", "no '# Title' heading after the front matter", line=body_line)
    return fm


def _not_xml(fm: FrontMatter, text: str, found: re.Match) -> None:
    """The first character of ``text`` no feed can hold (:data:`NOT_XML`),
    at its line and column: a word processor's line break (U+000B) or page
    break, pasted in; invisible on the page."""
    start = found.start()
    line = text.count("\n", 0, start) + 1
    column = start - text.rfind("\n", 0, start)
    more = len(NOT_XML.findall(text)) - 1
    fm.error(
        "text",
        f"a character XML does not allow, U+{ord(found.group()):04X}, at column {column}"
        + (f" (and {more} more)" if more else "")
        + ": no feed can hold it (a word processor's line break, pasted?); take it out",
        line=line,
    )


def _load(fm: FrontMatter, block: str) -> dict | None:
    """The front matter's YAML as a mapping, its keys' lines noted; None after a problem."""
    try:
        keys = _keys(block)
        data = yaml.load(block, Loader=_Loader) or {}
    except yaml.YAMLError as exc:
        # Where the broken construct starts ("while parsing a flow sequence"),
        # else where the parser gave up.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 2
        problem = getattr(exc, "problem", None) or str(exc)
        context = getattr(exc, "context", None)
        if context:
            problem = f"{context}: {problem}"
        fm.error("front matter", f"malformed YAML: {problem}", line=line)
        return None
    if not isinstance(data, dict):
        fm.error("front matter", "must be a mapping of keys to values", line=2)
        return None
    fm.lines = dict(keys)
    first: dict[str, int] = {}
    for key, line in keys:  # YAML keeps the last of a key given twice, silently
        if first.setdefault(key, line) != line:
            fm.error(key, f"given twice (lines {first[key]} and {line}): only one is kept", line)
    return data


def _order_same_day(fm: FrontMatter) -> None:
    """Posts of one day with no time: the sequence orders them (a second each)."""
    sequence = fm.values.pop("sequence", 0)
    if sequence and "date" in fm.values:
        later = fm.values["date"] + dt.timedelta(seconds=sequence)  # (at most a day on)
        if later.date() > LAST_DAY:
            fm.error("sequence", f"{sequence} seconds after the date is past {LAST_DAY}")
            del fm.values["date"]
        else:
            fm.values["date"] = later


def _logins_by_author(fm: FrontMatter) -> None:
    """``wordpress_author`` names each author's login, in ``author``'s order."""
    logins, authors = fm.values.get("wordpress_author"), fm.values.get("author", [])
    if any(problem.field == "author" for problem in fm.problems):
        return  # (named already)
    if logins is not None and len(logins) != len(authors):
        fm.error(
            "wordpress_author",
            f"{len(logins)} login(s) for {len(authors)} author(s):"
            " one for each name of 'author', in its order",
        )
        del fm.values["wordpress_author"]


# -- the schema: key -> what it means, and how its value is read -----------------
_INVALID = object()  # a parser's answer when it recorded a problem (or the key says nothing)


def _date(fm: FrontMatter, key: str, value, tz: ZoneInfo):
    if value is None:  # `date:` with nothing: no date yet, a draft
        return _INVALID
    when = parse_date(fm, value, tz)
    return _INVALID if when is None else when


#: A day's seconds: a sequence orders the posts of one day, a second apart.
DAY = 24 * 60 * 60


def _sequence(fm: FrontMatter, key: str, value, tz: ZoneInfo):
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < DAY:
        fm.error(key, f"expected a whole number from 0 to {DAY - 1}, got {shown(value)}")
        return _INVALID
    return value


def _names(fm: FrontMatter, key: str, value, tz: ZoneInfo):
    items = _as_list(fm, key, value)
    return _INVALID if items is None else items


def _old_addresses(fm: FrontMatter, key: str, value, tz: ZoneInfo):
    """Old paths: a list's items as they are (a comma is an address's, an
    export's ``/2010/07/a,b/``; case and spaces too), a string's split on
    commas."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        items = list(dict.fromkeys(item.strip() for item in value if item.strip()))
    else:
        items = _names(fm, key, value, tz)
    for old_path in items if items is not _INVALID else ():
        problem = redirect_problem(old_path)
        if problem:
            fm.error(key, problem)
    return items


#: A WordPress login that is its author page's address as it is
#: (``/author/<login>/``: WordPress's "nicename", made from the login).
LOGIN = re.compile(r"[a-z0-9_-]+")


def _logins(fm: FrontMatter, key: str, value, tz: ZoneInfo):
    """Logins, one for each author in order: a list's kept as they are (two
    names may share one), a string's split on commas."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        items = [item.strip() for item in value]
    else:
        items = _names(fm, key, value, tz)
    for login in items if items is not _INVALID else ():
        if not LOGIN.fullmatch(login):
            fm.error(
                key,
                "expected a WordPress login of small letters, digits, '-' and '_'"
                f" (its author page was /author/<login>/), got {shown(login)}",
            )
            return _INVALID
    return items


def _flag(fm: FrontMatter, key: str, value, tz: ZoneInfo):
    if not isinstance(value, bool):
        fm.error(key, f"expected true or false, got {shown(value)}")
        return _INVALID
    return value


def _count(fm: FrontMatter, key: str, value, tz: ZoneInfo):
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        fm.error(key, f"expected a whole number >= 0, got {shown(value)}")
        return _INVALID
    return value


def _text(fm: FrontMatter, key: str, value, tz: ZoneInfo):
    if not isinstance(value, str) or not value.strip():
        fm.error(key, f"expected text, got {shown(value)}")
        return _INVALID
    return value


def _whole(fm: FrontMatter, key: str, value, tz: ZoneInfo):
    if not isinstance(value, int) or isinstance(value, bool):
        fm.error(key, f"expected a whole number, got {shown(value)}")
        return _INVALID
    return value


#: A page's name: its file's in pages/, without ``.md``.
PAGE_NAME = re.compile(r"[\w.-]+")


def page_name_problem(value) -> str | None:
    """What is wrong with ``value`` as a page's name (``parent:``), or None."""
    if isinstance(value, str) and PAGE_NAME.fullmatch(value) and value.strip("."):
        return None
    return f"expected the name of a page's file in pages/ ('about'), got {shown(value)}"


def _page_name(fm: FrontMatter, key: str, value, tz: ZoneInfo):
    if problem := page_name_problem(value):
        fm.error(key, problem)
        return _INVALID
    return value


#: Blogger's id of a post or page, as its export and its feeds gave it
#: (``tag:blogger.com,1999:blog-<the blog's number>.post-<its number>``).
BLOGGER_ID = re.compile(r"tag:blogger\.com,1999:blog-[0-9]{1,40}\.(?:post|page)-([0-9]{1,40})")


def blogger_id(value) -> str | None:
    """``blogger_id:``, or None where it is no id of Blogger's (its number
    names a file of the site, ``feeds/<number>/comments/default``)."""
    return value if isinstance(value, str) and BLOGGER_ID.fullmatch(value) else None


def blogger_number(value) -> str | None:
    """The post's or page's number in its ``blogger_id``; None as there."""
    found = BLOGGER_ID.fullmatch(value) if isinstance(value, str) else None
    return found.group(1) if found else None


def blogger_id_problem(value) -> str | None:
    if blogger_id(value) is None:
        return (
            "expected Blogger's id of the post"
            f" ('tag:blogger.com,1999:blog-<number>.post-<number>'), got {shown(value)}"
        )
    return None


def _blogger_id(fm: FrontMatter, key: str, value, tz: ZoneInfo):
    if problem := blogger_id_problem(value):
        fm.error(key, problem)
        return _INVALID
    return value


#: The largest number a browser's script compares exactly (2**53 - 1): the
#: home page's finds a post by it (old-address.js).
LARGEST_WORDPRESS_ID = 9_007_199_254_740_991


def wordpress_id(value) -> int | None:
    """``wordpress_id:`` as a number, or None where it is none: as YAML gives
    it, or as Sphinx keeps a page's front matter, in words (``"11"``)."""
    if isinstance(value, str) and value.isascii() and value.strip().isdigit():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1 <= value <= LARGEST_WORDPRESS_ID else None
    return None


def wordpress_id_problem(value) -> str | None:
    if wordpress_id(value) is not None and not isinstance(value, str):
        return None
    return (
        "expected WordPress's number of the post (its export's wp:post_id),"
        f" a whole number from 1 to {LARGEST_WORDPRESS_ID}, got {shown(value)}"
    )


def _wordpress_id(fm: FrontMatter, key: str, value, tz: ZoneInfo):
    if problem := wordpress_id_problem(value):
        fm.error(key, problem)
        return _INVALID
    return value


def _as_is(fm: FrontMatter, key: str, value, tz: ZoneInfo):
    return value


def is_web_address(address) -> bool:
    """Whether ``address`` is text naming an http or https address that
    Python can read (:func:`split_address`)."""
    parts = split_address(address) if isinstance(address, str) else None
    return parts is not None and parts.scheme in ("http", "https")


def _address(fm: FrontMatter, key: str, value, tz: ZoneInfo):
    """An address (from the old blog's root, or whole) that Python's URL
    parser reads (:func:`split_address`)."""
    if not isinstance(value, str) or split_address(value) is None:
        fm.error(key, f"expected an address, got {shown(value)}")
        return _INVALID
    return value


def join_address(base: str, address: str) -> str:
    """``address`` from ``base`` (``urljoin``); as it is where Python cannot
    read either (:func:`split_address`): an export's or a raw link's
    ``http://[oops/`` had stopped the import, and a preview's feed."""
    try:
        return urljoin(base, address)
    except ValueError:
        return address


def split_address(address: str):
    """``urlsplit(address)``, or None where Python cannot read it: a front
    matter's or a record's ``http://[oops/`` (a broken IPv6 host) raised,
    and the build stopped with a traceback."""
    try:
        return urlsplit(address)
    except ValueError:
        return None


def _web_address(fm: FrontMatter, key: str, value, tz: ZoneInfo):
    """An absolute http(s) address: ABlog writes canonical_link into the
    page's ``<link rel="canonical">`` as it is (``javascript:`` included)."""
    text = value.strip() if isinstance(value, str) else ""
    parts = split_address(text)
    if (
        parts is None
        or parts.scheme.lower() not in ("http", "https")
        or not parts.netloc
        or text != value
    ):
        fm.error(key, f"expected an http or https address, got {shown(value)}")
        return _INVALID
    return value


#: A language tag as HTML's ``lang`` takes it (BCP 47's common shapes: ``cy``,
#: ``pt-BR``, ``zh-Hant``).
LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def _language(fm: FrontMatter, key: str, value, tz: ZoneInfo):
    """The language the post is written in, when it is not the blog's: its
    text carries it (``lang``), for screen readers to speak it so."""
    if not isinstance(value, str) or not LANGUAGE.fullmatch(value.strip()):
        fm.error(key, f"expected a language tag such as 'cy' or 'pt-BR', got {shown(value)}")
        return _INVALID
    return value.strip()


@dataclass(frozen=True)
class Key:
    """A front-matter key: what it means, and its parser ``(fm, key, value, tz)``,
    which returns the value for ABlog or ``_INVALID`` after recording a problem."""

    description: str
    parse: Callable = _as_is


#: Characters that show nothing: a title of only these is empty to a reader.
INVISIBLE = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me"})


def shows_text(text: str) -> bool:
    """Whether ``text`` shows a reader anything (a title of zero-width spaces
    does not)."""
    return any(unicodedata.category(ch) not in INVISIBLE for ch in text)


#: Every key a post may carry (as Pelican's METADATA_PROCESSORS): anything else
#: is a warning, or an error with a suggestion when it looks like one of these.
SCHEMA: dict[str, Key] = {
    "date": Key("when the post was published (ISO 8601, with or without time and offset)", _date),
    "sequence": Key(
        "order among posts of the same day that carry no time (higher is later)", _sequence
    ),
    "author": Key("author name, or a list of names", _names),
    "category": Key("category, or a list of categories", _names),
    "tags": Key("list of tags, or a comma-separated string", _names),
    "draft": Key("true keeps the post out of the published site", _flag),
    "draft_reason": Key("why an imported post is a draft (password-protected, private)"),
    "sticky": Key("true shows the post first on the home page (WordPress's sticky posts)", _flag),
    "blogpost": Key("false makes a file in posts/ an ordinary page", _flag),
    "nocomments": Key("accepted for ABlog compatibility (comments come from imports)", _flag),
    "excerpt": Key("number of paragraphs in the excerpt", _count),
    "summary": Key("the post in a sentence or two: its page's description", _text),
    "image": Key("number of the image shown with the excerpt", _count),
    "redirect": Key("old paths that lead to the post", _old_addresses),
    "blogger_url": Key("the post's address on Blogger", _address),
    "blogger_id": Key(
        "the post's id on Blogger (tag:blogger.com,1999:blog-<number>.post-<number>):"
        " Blogger's feed addresses give it, and the feed of its comments is at"
        " /feeds/<its number>/comments/default",
        _blogger_id,
    ),
    "wordpress_url": Key("the post's address on WordPress", _address),
    "wordpress_id": Key(
        "the post's number on WordPress (its export's wp:post_id), where its address"
        " does not give it: /?p=<number>, WordPress's shortlink to it, leads to it here",
        _wordpress_id,
    ),
    "wordpress_author": Key(
        "each author's login on WordPress, in the order of author (whose page was"
        " /author/<login>/ there)",
        _logins,
    ),
    "imported_digest": Key("checksum of the imported text, to notice the author's edits"),
    "comments": Key("number of comments kept from the old blog (in <slug>.comments.yaml)", _count),
    "canonical_link": Key(
        "canonical URL (http or https), when the post lives elsewhere first", _web_address
    ),
    "external_link": Key("the post is a link to this URL (http or https)", _web_address),
    "language": Key("the post's language, if not the blog's ('cy', 'pt-BR')", _language),
    "location": Key("where the post was written (shown under its title)", _text),
    "orphan": Key("Sphinx: the page is in no toctree"),
    "parent": Key(
        "a page's parent page, its file's name in pages/ ('about'): the sidebar lists"
        " the page under it (WordPress's page hierarchy)",
        _page_name,
    ),
    "order": Key(
        "a page's place among the pages listed with it in the sidebar, lowest first"
        " (WordPress's menu order); then by title",
        _whole,
    ),
}
#: Key -> what it means (for `blog check` and the README).
KNOWN_KEYS = {key: spec.description for key, spec in SCHEMA.items()}


def check_file(path: Path, tz: ZoneInfo, display: str | None = None) -> FrontMatter:
    """Check one post file, including how it is encoded."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        fm = FrontMatter(display or str(path))
        line = raw[: exc.start].count(b"\n") + 1
        fm.error("encoding", f"not UTF-8 (byte {raw[exc.start]:#x})", line=line)
        return fm
    return check(path, text, tz, display)
