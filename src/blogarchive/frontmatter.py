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
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

#: Keys a post may carry, with what they mean.  Anything else is a warning.
KNOWN_KEYS = {
    "date": "when the post was published (ISO 8601, with or without time and offset)",
    "sequence": "order among posts of the same day that carry no time (higher is later)",
    "author": "author name, or a list of names",
    "category": "category, or a list of categories",
    "tags": "list of tags, or a comma-separated string",
    "draft": "true keeps the post out of the published site",
    "draft_reason": "why an imported post is a draft (password-protected, private)",
    "blogpost": "false makes a file in posts/ an ordinary page",
    "nocomments": "accepted for ABlog compatibility (the archive has no comments)",
    "excerpt": "number of paragraphs in the excerpt",
    "image": "number of the image shown with the excerpt",
    "redirect": "old paths that lead to the post",
    "blogger_url": "the post's address on Blogger",
    "wordpress_url": "the post's address on WordPress",
    "imported_digest": "checksum of the imported text, to notice the author's edits",
    "comments": "number of comments kept from the old blog (in <slug>.comments.yaml)",
    "canonical_link": "canonical URL, when the post lives elsewhere first",
    "external_link": "the post is a link to this URL",
    "language": "language code",
    "location": "where the post was written",
    "orphan": "Sphinx: the page is in no toctree",
}


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when present
    """YAML without implicit timestamps: dates stay text, checked by :func:`parse_date`
    (PyYAML raises a bare ValueError, with no line, on ``2010-02-30``)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}


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
    segments = path[1:].split("/")
    inner = segments[:-1] if path.endswith("/") else segments
    if any(seg in ("", ".", "..") or seg.startswith(".") for seg in inner):
        return f"{path!r} has an empty, '.', '..' or hidden segment: it must stay inside the site"
    if not (path.endswith("/") or path.endswith(".html")) or path in ("/", "/index.html"):
        return f"{path!r} must name a page of its own (ending in '.html' or '/'), not the home page"
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


def _key_lines(text: str) -> dict[str, int]:
    """Line (1-based, in the whole file) of each top-level key of the YAML block."""
    node = yaml.compose(text, Loader=_Loader)
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: k.start_mark.line + 2 for k, _ in node.value}


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
            fm.error(key, f"expected text, got {type(item).__name__}: {item!r}")
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
        fm.error("date", f"expected an ISO 8601 date, got {value!r}")
        return None
    if when.tzinfo is not None:
        when = when.astimezone(tz).replace(tzinfo=None)
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
    match = FRONT_MATTER.match(text)
    if not match:
        fm.error("front matter", "missing: a post starts with a '---' block holding its date")
        return fm
    block = match.group(1) or ""
    rest = text[match.end() :]
    body_line = text[: match.end()].count("\n") + 1 + (len(rest) - len(rest.lstrip("\n")))
    try:
        fm.lines = _key_lines(block)
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
        return fm
    if not isinstance(data, dict):
        fm.error("front matter", "must be a mapping of keys to values", line=2)
        return fm

    for key in data:
        if key not in KNOWN_KEYS:
            _unknown_key(fm, str(key))

    values = fm.values
    if data.get("date") is not None:
        when = parse_date(fm, data["date"], tz)
        if when is not None:
            sequence = data.get("sequence", 0)
            if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 0:
                fm.error("sequence", f"expected a whole number >= 0, got {sequence!r}")
            elif sequence:
                # Posts of one day with no time: the sequence orders them.
                when += dt.timedelta(seconds=sequence)
            values["date"] = when
    for key in ("tags", "category", "author", "redirect"):
        if key in data:
            items = _as_list(fm, key, data[key])
            if items is not None:
                values[key] = items
    for old_path in values.get("redirect", ()):
        problem = redirect_problem(old_path)
        if problem:
            fm.error("redirect", problem)
    for key in ("draft", "blogpost", "nocomments"):
        if key in data:
            if not isinstance(data[key], bool):
                fm.error(key, f"expected true or false, got {data[key]!r}")
            else:
                values[key] = data[key]
    for key in ("excerpt", "image", "comments"):
        if key in data:
            if not isinstance(data[key], int) or isinstance(data[key], bool):
                fm.error(key, f"expected a whole number, got {data[key]!r}")
            else:
                values[key] = data[key]
    for key, value in data.items():
        if key not in values and key in KNOWN_KEYS and key not in ("date", "sequence"):
            values[key] = value

    if values.get("blogpost", True) and not HEADING.search(text, match.end()):
        fm.error("title", "no '# Title' heading after the front matter", line=body_line)
    return fm


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
