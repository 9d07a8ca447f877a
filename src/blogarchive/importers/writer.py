"""One writer for every importer: records in, MyST posts out.

Idempotent: a second run over the same export changes nothing and says so.
A post the author edited after import (its text no longer matches the digest
stored in its front matter), or one the importer did not write, is never
overwritten unless ``force``.  Files are written whole (temporary file, then
rename), so nothing is ever half-written.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from .html import escape_text
from .records import ImportedPost

DIGEST_KEY = "imported_digest"


@dataclass(frozen=True)
class Outcome:
    path: Path
    action: str  # written, updated, unchanged, skipped
    reason: str = ""

    def __str__(self) -> str:
        return f"{self.action:9} {self.path}" + (f"  ({self.reason})" if self.reason else "")


def _yaml_value(value) -> str:
    """One line of YAML (flow style) for a value."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return text.removesuffix("\n...\n").strip()


def _digest(text: str) -> str:
    kept = [line for line in text.splitlines() if not line.startswith(DIGEST_KEY + ":")]
    return hashlib.sha256("\n".join(kept).encode("utf-8")).hexdigest()[:16]


def render(post: ImportedPost) -> str:
    """The post's MyST file, its import digest included."""
    front = [f"date: {post.published.isoformat()}"]
    if post.sequence:
        front.append(f"sequence: {post.sequence}")
    if post.authors:
        authors = post.authors[0] if len(post.authors) == 1 else list(post.authors)
        front.append(f"author: {_yaml_value(authors)}")
    if post.categories:
        cats = post.categories[0] if len(post.categories) == 1 else list(post.categories)
        front.append(f"category: {_yaml_value(cats)}")
    if post.tags:
        front.append(f"tags: {_yaml_value(list(post.tags))}")
    if post.draft:
        front.append("draft: true")
    if post.source_url:
        front.append(f"{post.source_key}: {_yaml_value(post.source_url)}")
    if post.redirects:
        front.append(f"redirect: {_yaml_value(list(post.redirects))}")
    if post.excerpt:
        front.append(f"excerpt: {post.excerpt}")
    title = escape_text(post.title)
    text = "---\n" + "\n".join(front) + "\n---\n\n# " + title + "\n\n" + post.body
    lines = text.split("\n")
    lines.insert(len(front) + 1, f"{DIGEST_KEY}: {_digest(text)}")
    return "\n".join(lines)


def _stored_digest(text: str) -> str | None:
    for line in text.splitlines():
        if line.startswith(DIGEST_KEY + ":"):
            return line.split(":", 1)[1].strip()
    return None


def _write_whole(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".import-", suffix=".md")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(tmp, path)


def plan(posts: list[ImportedPost], posts_dir: Path, force: bool = False):
    """What writing would do to each post: (record, path, text, outcome)."""
    seen: dict[Path, ImportedPost] = {}
    for post in posts:
        path = Path(posts_dir) / str(post.year) / f"{post.slug}.md"
        if path in seen:  # two posts with one slug in one year
            path = path.with_name(f"{post.slug}-{post.published:%m-%d}.md")
        seen[path] = post
        text = render(post)
        if not path.exists():
            yield post, path, text, Outcome(path, "written")
            continue
        current = path.read_text(encoding="utf-8")
        if current == text:
            yield post, path, text, Outcome(path, "unchanged")
        elif force:
            yield post, path, text, Outcome(path, "updated", "--force")
        elif _stored_digest(current) is None:
            yield post, path, text, Outcome(path, "skipped", "not written by an import")
        elif _stored_digest(current) != _digest(current):
            yield post, path, text, Outcome(path, "skipped", "edited since import; --force")
        else:
            yield post, path, text, Outcome(path, "updated", "changed in the export")


def write_posts(posts: list[ImportedPost], posts_dir: Path, force: bool = False) -> list[Outcome]:
    """Write every post whose outcome says so; return what happened to each."""
    outcomes = []
    for _post, path, text, outcome in list(plan(posts, posts_dir, force)):
        if outcome.action in ("written", "updated"):
            _write_whole(path, text)
        outcomes.append(outcome)
    return outcomes
