"""What every importer produces: one frozen record per post."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from slugify import slugify

from ..frontmatter import redirect_problem


class ImportError_(Exception):
    """A malformed export: names the file, the line and what is wrong."""

    def __init__(self, path, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


def slugify_title(title: str) -> str:
    """ASCII, lower case, hyphens: "Let's celebrate!!!" -> "lets-celebrate";
    any script transliterated ("Русский" -> "russkii"), so titles with no Latin
    letters do not all become one slug."""
    return slugify(title, replacements=[["'", ""], ["\u2019", ""]]) or "post"


def old_address(url: str | None) -> str | None:
    """The path of a post's old address, served here as a redirect; None when this
    site cannot serve it (a query-string permalink such as ``?p=12``, or a path
    that is no page of its own: ``/``, ``..``, a hidden folder)."""
    if not url:
        return None
    parts = urlsplit(url)
    path = unquote(parts.path)
    if parts.query or redirect_problem(path):
        return None
    return path


@dataclass(frozen=True)
class ImportedPost:
    """One post as read from an export, before it is written as MyST."""

    title: str
    published: dt.date | dt.datetime
    body: str  # MyST Markdown, without the title heading
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    sequence: int = 0  # order among posts of one day that carry no time
    draft: bool = False
    source_url: str | None = None  # its address on the old blog
    redirects: tuple[str, ...] = ()  # old paths on this site that lead to it
    excerpt: int | None = None  # paragraphs before the author's "more" break
    source_key: str = "blogger_url"  # front-matter key for source_url

    @property
    def slug(self) -> str:
        return slugify_title(self.title)

    @property
    def year(self) -> int:
        return self.published.year
