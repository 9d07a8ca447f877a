"""A Blogger archive page saved as plain text (``../shared/seeds/*.txt``).

Its shape: weekday date headings ("Tuesday, 27 July 2010"), then for each post
of that day a title line and its paragraphs, separated by blank lines; list
items are lines starting with a bullet "•".  Posts of one day are listed newest
first, so the first gets the highest ``sequence``.
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape
from pathlib import Path

from .html import html_to_myst
from .records import ExportContents, ImportedPost, ImportError_

DATE_HEADING = re.compile(
    r"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{1,2} \w+ \d{4})$"
)
BULLET = "•"


def _blocks(text: str):
    """(first line number, block text) of each blank-line-separated block."""
    block, start = [], 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            if not block:
                start = number
            block.append(line)
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def _is_title(lines: list[str], after_heading: bool, next_block: list[str] | None) -> bool:
    if after_heading:
        return True
    # A second post on the same day: a short line, not a sentence, before its text.
    line = lines[0].strip()
    return (
        len(lines) == 1
        and len(line) <= 80
        and not line.endswith((".", ":", ",", ";"))
        and not line.startswith(BULLET)
        and next_block is not None
        and len(" ".join(next_block)) > len(line)
    )


def _body(paragraphs: list[list[str]]) -> str:
    """Paragraph lines and bullet lines, through the importers' one HTML converter."""
    html, in_list = [], False
    for block in paragraphs:
        for line in block:
            stripped = line.strip()
            is_item = stripped.startswith(BULLET)
            if is_item != in_list:
                html.append("<ul>" if is_item else "</ul>")
                in_list = is_item
            text = escape(stripped[1:].strip() if is_item else stripped, quote=False)
            html.append(f"<li>{text}</li>" if is_item else f"<p>{text}</p>")
    if in_list:
        html.append("</ul>")
    return html_to_myst("".join(html))


def read_text_page(path: Path, author: str | None = None):
    """(posts, skipped counts) from a saved Blogger archive page."""
    text = Path(path).read_text(encoding="utf-8")
    blocks = list(_blocks(text))
    if not blocks:
        raise ImportError_(path, 1, "empty file: no date heading, no post")
    first_line, first = blocks[0]
    if not DATE_HEADING.match(first[0].strip()):
        raise ImportError_(path, first_line, f"expected a date heading, found {first[0]!r}")
    days: list[tuple[dt.date, list]] = []  # day -> [(title, line, paragraphs)]
    after_heading = False
    for i, (line_no, lines) in enumerate(blocks):
        heading = DATE_HEADING.match(lines[0].strip())
        if heading and len(lines) == 1:
            try:
                day = dt.datetime.strptime(heading.group(2), "%d %B %Y").date()
            except ValueError as exc:
                raise ImportError_(path, line_no, f"impossible date {lines[0]!r}: {exc}") from exc
            days.append((day, []))
            after_heading = True
            continue
        nxt = blocks[i + 1][1] if i + 1 < len(blocks) else None
        posts_of_day = days[-1][1]
        if _is_title(lines, after_heading, nxt):
            posts_of_day.append((lines[0].strip(), line_no, []))
        else:
            posts_of_day[-1][2].append(lines)
        after_heading = False
    records = []
    for day, posts in days:
        for index, (title, line_no, paragraphs) in enumerate(posts):
            if not paragraphs:
                raise ImportError_(path, line_no, f"post {title!r} has no text")
            sequence = len(posts) - index if len(posts) > 1 else 0
            records.append(
                ImportedPost(
                    title=title,
                    published=day,
                    body=_body(paragraphs),
                    authors=(author,) if author else (),
                    sequence=sequence,
                    line=line_no,
                )
            )
    return ExportContents(posts=records)


def read_text_pages(paths: list, author: str | None = None) -> list[ExportContents]:
    """Each saved archive page of one import."""
    return [read_text_page(Path(path), author) for path in paths]
