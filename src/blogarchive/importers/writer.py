"""One writer for every importer: records in, MyST posts out.

Idempotent: a second run over the same export changes nothing and says so.
A post the author edited after import (its text no longer matches the digest
stored in its front matter), or one the importer did not write, is never
overwritten unless ``force``.  Files are written whole (temporary file, then
rename), so nothing is ever half-written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import yaml

from ..comments import SUFFIX as COMMENTS_SUFFIX
from ..comments import readers_comments
from ..frontmatter import (
    Unreadable,
    blogger_number,
    check_file,
    dump,
    read_plain,
    wordpress_id_problem,
)
from ..links import wordpress_number, wordpress_post_number
from ..model import redirect_docname
from . import own_links
from .html import heading_line
from .records import ImportedPost, counted, not_numbered, not_redirected, skipped

DIGEST_KEY = "imported_digest"


@dataclass(frozen=True)
class Outcome:
    path: Path
    action: str  # written, updated, unchanged, skipped
    reason: str = ""

    def __str__(self) -> str:
        return f"{self.action:9} {self.path}" + (f"  ({self.reason})" if self.reason else "")


def _digest(text: str) -> str:
    kept = [line for line in text.splitlines() if not line.startswith(DIGEST_KEY + ":")]
    return hashlib.sha256("\n".join(kept).encode("utf-8")).hexdigest()[:16]


def _one_or_list(values: tuple[str, ...]):
    return values[0] if len(values) == 1 else list(values)


def wordpress_id(post: ImportedPost) -> int | None:
    """The number WordPress knew the post by (its ``post_id``), where its
    address does not give it (``/2010/07/21/<slug>/``, not ``/?p=12``):
    WordPress answered ``/?p=<number>`` for it all the same, the shortlink
    its page named, and other sites and its own posts linked it so."""
    number = post.wordpress_number
    if number is None or wordpress_number(post.source_url or "") is not None:
        return None
    return number if wordpress_id_problem(number) is None else None


def render(post: ImportedPost, parent: str | None = None) -> str:
    """The post's MyST file, its import digest included; a page's
    ``parent``, the name of its parent page's file."""
    if post.is_page:  # no date, no list: a page of the site, linked from the sidebar
        values = {
            "draft": post.draft,  # never published: kept, and left out of the site
            "draft_reason": post.draft_reason,
            post.source_key: post.source_url,
            "wordpress_id": wordpress_id(post),
            "blogger_id": post.blogger_id,
            "redirect": post.redirects[0] if post.redirects else None,
            "parent": parent,  # listed under it in the sidebar, as WordPress's menus did
            "order": post.order,
            "orphan": True,  # in no table of contents: the sidebar links it
        }
        return _with_digest(dump({k: v for k, v in values.items() if v}), post)
    values = {
        "date": post.published,
        "sequence": post.sequence,
        "author": _one_or_list(post.authors),
        "wordpress_author": _one_or_list(post.author_logins),
        "category": _one_or_list(post.categories),
        "tags": list(post.tags),
        "location": post.location,
        "draft": post.draft,
        "draft_reason": post.draft_reason,
        "sticky": post.sticky,
        post.source_key: post.source_url,
        "wordpress_id": wordpress_id(post),
        "blogger_id": post.blogger_id,
        "redirect": list(post.redirects),
        "excerpt": post.excerpt,
        "image": post.image,
        "summary": post.summary,
        "comments": sum(1 for comment in post.comments if comment.kind == "comment"),
    }
    # (an excerpt of no paragraph, 0, is the author's: its picture alone)
    kept = {key: value for key, value in values.items() if value or (key, value) == ("excerpt", 0)}
    return _with_digest(dump(kept), post)


def _with_digest(front: list[str], post: ImportedPost) -> str:
    return _sealed(front, "---\n\n" + heading_line(post.title) + "\n\n" + post.body)


def _sealed(front: list[str], rest: str) -> str:
    """A post's text: the front matter's lines ``front`` (no digest among
    them), then ``rest`` (from the front matter's closing line), with the
    import digest of the whole as the front matter's last line."""
    text = "\n".join(["---", *front, rest])
    return "\n".join(["---", *front, f"{DIGEST_KEY}: {_digest(text)}", rest])


def _stored_digest(text: str) -> str | None:
    for line in text.splitlines():
        if line.startswith(DIGEST_KEY + ":"):
            return line.split(":", 1)[1].strip()
    return None


SCRATCH = ".import-"  # prefix of a file being written; never a post (not *.md)


def _write_whole(path: Path, text: str) -> None:
    """``path`` written whole or not at all: a scratch file beside it, moved
    over it.  Created as any file the author makes (their umask, 644 as a
    rule): ``mkstemp``'s were 600, posts no one else on the machine (a web
    server serving the repository) could read."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f"{SCRATCH}{os.getpid()}-{uuid.uuid4().hex}.tmp"
    with open(tmp, "x", encoding="utf-8") as out:
        out.write(text)
    os.replace(tmp, path)


def _remove_scratch(posts_dir: Path) -> None:
    """What a killed import left half-written (``*.md`` in older versions)."""
    for stale in Path(posts_dir).glob(f"*/{SCRATCH}*"):
        stale.unlink()


def post_paths(posts: list[ImportedPost], posts_dir: Path) -> list[Path]:
    """A file for each post, no two with one slug anywhere in the blog (the
    build refuses two posts with one slug, even in different years): the same
    title on the same day, or in another year, gets the date, then a number.
    The same export always gives the same paths, so a second run finds its files."""
    on_disk = {path.stem: path for path in Path(posts_dir).glob("*/*.md")}
    on_disk |= {path.stem: path for path in Path(posts_dir).parent.glob("pages/*.md")}
    taken: set[str] = set()
    paths = []
    for post in posts:
        # Pages live in pages/ beside posts/, posts in their year's folder.
        folder = Path(posts_dir).parent / "pages" if post.is_page else Path(posts_dir) / post.folder
        day = f"{post.published:%m-%d}" if post.published else "undated"
        stems = itertools.chain(
            [post.slug, f"{post.slug}-{day}"],
            (f"{post.slug}-{day}-{n}" for n in itertools.count(2)),
        )
        for stem in stems:
            path = folder / f"{stem}.md"
            if stem not in taken and on_disk.get(stem, path) == path:
                break
        taken.add(stem)
        paths.append(path)
    return paths


def leave_to_files(posts: list[ImportedPost], posts_dir: Path) -> list[ImportedPost]:
    """The posts without the old addresses another file of the blog redirects
    already: a post imported before from another export, or this post under
    the title it had then (retitled since, it is a new file), and without
    Blogger's number where another file gives it.  The build refuses two
    redirects from one address and two posts of one number; the file on
    disk keeps it, and the report names the file."""
    on_disk = _files_on_disk(posts_dir, set(post_paths(posts, posts_dir)))
    held, numbered = _redirects_on_disk(on_disk), _numbers_on_disk(on_disk)
    return [
        not_numbered(
            not_redirected(
                post,
                {
                    old: f"leads to {held[redirect_docname(old)]}"
                    for old in post.redirects
                    if redirect_docname(old) in held
                },
            ),
            str(numbered[number])
            if (number := blogger_number(post.blogger_id)) in numbered
            else None,
        )
        for post in posts
    ]


def linked_here(posts: list[ImportedPost], posts_dir: Path, tz: dt.tzinfo) -> list[ImportedPost]:
    """The posts, their links to the old blog's other posts (this import's or
    the repository's) and to its home page leading to their files, those to
    its archive pages to the pages here (own_links.py; ``tz``: the site's timezone)."""
    paths = post_paths(posts, posts_dir)
    files = _files_on_disk(posts_dir, set(paths))
    on_disk = _redirects_on_disk(files, published_only=True) | _wordpress_numbers_on_disk(files)
    home = Path(posts_dir).parent / "index.md"  # the blog's front page (blog new's, this one's)
    return own_links.linked_here(posts, paths, on_disk, home if home.is_file() else None, tz)


def _files_on_disk(posts_dir: Path, ours: set[Path]) -> list[tuple[Path, dict]]:
    """(file, its front matter) of each post and page on disk other than
    ``ours`` (the files this import writes).  A file that cannot be read
    gives nothing here; the build names its fault."""
    posts_dir = Path(posts_dir)
    files = [*posts_dir.glob("*/*.md"), *posts_dir.parent.glob("pages/*.md")]
    return [(path, check_file(path, ZoneInfo("UTC")).values) for path in sorted(set(files) - ours)]


def _redirects_on_disk(on_disk: list[tuple[Path, dict]], published_only=False) -> dict[str, Path]:
    """docname -> the file of the blog that redirects it, of the files
    ``on_disk``; with ``published_only``, not those of drafts nor of posts
    still to come."""
    held: dict[str, Path] = {}
    now = dt.datetime.now(dt.UTC)
    for path, values in on_disk:
        if published_only and not _published(values, now):
            continue
        redirects = values.get("redirect") or []
        for old_path in [redirects] if isinstance(redirects, str) else redirects:
            held.setdefault(redirect_docname(old_path), path)
    return held


def _published(values: dict, now: dt.datetime) -> bool:
    return not (values.get("draft") or own_links.after(values.get("date"), now))


def _wordpress_numbers_on_disk(on_disk: list[tuple[Path, dict]]) -> dict[str, Path]:
    """``?p=<number>`` (own_links.page_key's key for it) -> the file of the
    published post or page WordPress numbered so, of the files ``on_disk``:
    a post imported before, linked by its shortlink (``/?p=12``)."""
    now, held = dt.datetime.now(dt.UTC), {}
    for path, values in on_disk:
        if _published(values, now) and (number := wordpress_post_number(values)):
            held.setdefault(f"?p={number}", path)
    return held


def _numbers_on_disk(on_disk: list[tuple[Path, dict]]) -> dict[str, Path]:
    """Blogger's number -> the file of the blog that gives it (``blogger_id``:
    a post retitled since its import is a new file, of the same number)."""
    held: dict[str, Path] = {}
    for path, values in on_disk:
        if number := blogger_number(values.get("blogger_id")):
            held.setdefault(number, path)
    return held


def plan(posts: list[ImportedPost], posts_dir: Path, force: bool = False):
    """What writing would do to each post: (record, path, text, outcome, the
    comments to keep beside it or None)."""
    paths = post_paths(posts, posts_dir)
    texts = map(render, posts, _parents(posts, paths))
    for post, path, text in zip(posts, paths, texts, strict=True):
        comments = [comment.as_dict() for comment in post.comments] or None
        if not path.exists():
            yield post, path, text, Outcome(path, "written"), comments
            continue
        current = path.read_text(encoding="utf-8")
        if current == text:
            yield post, path, text, Outcome(path, "unchanged"), None
        elif force:
            yield post, path, text, Outcome(path, "updated", "--force"), comments
        elif _stored_digest(current) is None:
            yield post, path, text, Outcome(path, "skipped", "not written by an import"), None
        elif _stored_digest(current) != _digest(current):
            yield _edited(post, path, current)
        else:
            yield post, path, text, Outcome(path, "updated", "changed in the export"), comments


def _parents(posts: list[ImportedPost], paths: list[Path]) -> list[str | None]:
    """Each page's parent page's file name (its stem), where this import
    writes that page; None for a post, a page of none, or one whose parent is
    not in the export (trashed on the old blog: the page stands at the top)."""
    pairs = zip(posts, paths, strict=True)
    pages = {post.number: path.stem for post, path in pairs if post.is_page and post.number}
    return [
        pages.get(post.parent) if post.is_page and post.parent not in ("", post.number) else None
        for post in posts
    ]


def _edited(post: ImportedPost, path: Path, current: str):
    """A post the author edited since its import keeps its text; the comments
    the export holds that its comments file does not are added to it (a
    later backup of a blog still open for comments)."""
    kept, new = with_new_comments(path, post.comments)
    if kept is None:
        why = f"edited since import; {comments_path(path).name} cannot be read: no comment added"
        return post, path, current, Outcome(path, "skipped", why), None
    if not new:
        return post, path, current, Outcome(path, "skipped", "edited since import; --force"), None
    added = f"edited since import: kept; {counted(new, 'new comment')} added"
    text = counted_in(current, readers_comments(kept))
    return post, path, text, Outcome(path, "updated", added), kept


def with_new_comments(path: Path, comments) -> tuple[list | None, int]:
    """The comments kept beside the post at ``path`` and those of ``comments``
    they lack (by id), oldest first; and how many of these there are.  None
    is removed or changed: the author may have.  (None, 0) if the comments
    file cannot be read as a list (the author's own mistake: the build names it)."""
    sidecar = comments_path(path)
    try:
        kept = read_plain(sidecar) if sidecar.exists() else []
    except Unreadable:
        return None, 0
    if not isinstance(kept, list) or not all(isinstance(c, dict) for c in kept):
        return None, 0
    have = {str(comment.get("id")) for comment in kept}
    new = [comment.as_dict() for comment in comments if comment.id not in have]
    return sorted([*kept, *new], key=_when), len(new)


def _when(comment: dict) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(str(comment.get("date")))
    except ValueError:  # the author's own, mistyped: the build names it
        when = dt.datetime.min
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def counted_in(text: str, count: int) -> str:
    """The post's text with ``comments: count`` in its front matter, where
    an import writes it (before the digest); its import digest made again if
    the text was the import's (so a post no one edited stays one an import
    may update)."""
    untouched = _stored_digest(text) == _digest(text)
    lines = text.split("\n")
    end = next(i for i, line in enumerate(lines) if i and line.rstrip() == "---")
    rest = "\n".join(lines[end:])
    front = [line for line in lines[1:end] if not line.startswith("comments:")]
    if untouched:
        front = [line for line in front if not line.startswith(DIGEST_KEY + ":")]
        return _sealed([*front, f"comments: {count}"], rest)
    at = next((i for i, line in enumerate(front) if line.startswith(DIGEST_KEY + ":")), len(front))
    front.insert(at, f"comments: {count}")
    return "\n".join([lines[0], *front, rest])


def write_posts(posts: list[ImportedPost], posts_dir: Path, force: bool = False) -> list[Outcome]:
    """Write every post whose outcome says so; return what happened to each."""
    _remove_scratch(posts_dir)
    outcomes = []
    for _post, path, text, outcome, comments in list(plan(posts, posts_dir, force)):
        if outcome.action in ("written", "updated"):
            if comments:
                _write_comments(comments_path(path), comments)
            _write_whole(path, text)
        outcomes.append(outcome)
    return outcomes


def file_later_comments(reads: list, posts_dir: Path) -> list[Outcome]:
    """The comments whose post is in no file of this import (a blog's
    comments feed imported after its posts, in a run of its own), each
    added to the comments of the post or page already in the blog at their
    post's old address; those of no post there counted in the report."""
    orphans = [
        (contents, url, found) for contents in reads for url, found in contents.orphans.items()
    ]
    if not orphans:
        return []
    posts_dir = Path(posts_dir)
    at: dict[tuple[str, str], Path] = {}
    for path in sorted([*posts_dir.glob("*/*.md"), *posts_dir.parent.glob("pages/*.md")]):
        values = check_file(path, ZoneInfo("UTC")).values
        for key in ("blogger_url", "wordpress_url"):
            if isinstance(values.get(key), str):
                at.setdefault(_address(values[key]), path)
    outcomes = []
    for contents, url, found in orphans:
        path = at.get(_address(url))
        if path is None:
            contents.not_posts["comment on no imported post"] += len(found)
            continue
        kept, new = with_new_comments(path, found)
        if kept is None:
            why = f"{comments_path(path).name} cannot be read: no comment added"
            outcomes.append(Outcome(path, "skipped", why))
            continue
        if new:
            _write_comments(comments_path(path), kept)
            _write_whole(path, counted_in(path.read_text(encoding="utf-8"), readers_comments(kept)))
        added = f"{counted(new, 'new comment')} added"
        outcomes.append(Outcome(path, "updated", added) if new else Outcome(path, "unchanged"))
    for contents in reads:
        contents.orphans = {}
    return outcomes


def _address(url: str) -> tuple[str, str]:
    """An old address as a blog's pages and feeds write it, whatever the
    scheme (a feed's ``http://`` for a post's ``https://``)."""
    parts = urlsplit(url.strip())
    return parts.netloc.lower(), parts.path


def comments_path(post: Path) -> Path:
    """``posts/2010/slug.comments.yaml``: the post's comments from the old blog."""
    return post.with_name(post.stem + COMMENTS_SUFFIX)


def _write_comments(path: Path, comments) -> None:
    header = (
        "# Comments from the original blog (blog import): published ones only, their text\n"
        "# sanitised; commenters' e-mail and IP addresses are never kept.\n"
    )
    _write_whole(
        path, header + yaml.safe_dump(comments, allow_unicode=True, sort_keys=False, width=100)
    )


REPORT = "import-report.txt"


def write_report(reads: list, posts: list[ImportedPost], outcomes, posts_dir: Path, later=()):
    """``posts/import-report.txt``: for each post, where it came from in the
    export (or which of the exports), where it went, and what converting it
    changed or left as it was; the comments filed under posts already in
    the blog (``later``: :func:`file_later_comments`); then, file by file,
    what was said of it and every entry that could not be taken; and what
    was not a post."""
    lines = [f"Import of {', '.join(str(export) for export, _ in reads)}", ""]
    for post, outcome in zip(posts, outcomes, strict=True):
        kept = [n for n in post.notes if n.startswith(("left as is", "dropped"))]
        verdict = "left as is in part" if kept else ("changed" if post.notes else "converted")
        reason = f"{outcome.action}: {outcome.reason}" if outcome.reason else outcome.action
        lines.append(f"{post.source}:{post.line}: {outcome.path}: {verdict} ({reason})")
        lines += [f"    {note}" for note in post.notes]
    lines += [f"comments on a post already in the blog: {outcome}" for outcome in later]
    for export, contents in reads:
        lines += [f"{export}:{line}: {note}" for line, note in contents.notes]
        lines += [f"{export}:{line}: refused: {why}" for line, why in contents.refused]
    if said := skipped([contents for _, contents in reads]):
        lines.append(said)
    path = Path(posts_dir) / REPORT
    _write_whole(path, "\n".join(lines) + "\n")
    return path
