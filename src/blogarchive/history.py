"""The archive's history, from git: when each post was last changed, and the
commit the site was built from.

Dates come from commits, never from file times or the build clock, so builds
stay reproducible.  In a shallow clone (CI's default checkout) the history is
incomplete: a warning says so and posts fall back to their published date.
"""

from __future__ import annotations

import datetime as dt
import pickle
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from sphinx.util import logging

from .incremental import write_if_changed
from .state import build_state

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Commit:
    sha: str
    date: dt.datetime  # with the committer's offset
    subject: str = ""  # the first line of the commit's message

    @property
    def short(self) -> str:
        return self.sha[:7]


@dataclass(frozen=True)
class History:
    head: Commit | None = None
    shallow: bool = False
    #: source path relative to the site's folder -> commits touching it, newest first
    changes: dict[str, tuple[Commit, ...]] = field(default_factory=dict)

    def commits(self, path: str) -> tuple[Commit, ...]:
        return self.changes.get(path, ())

    def last_change(self, path: str) -> Commit | None:
        """The latest commit to a post, if the post changed after the one that added it."""
        commits = self.commits(path)
        return commits[0] if len(commits) > 1 else None


@dataclass(frozen=True)
class Change:
    """A line of the "What changed" page: a post published or revised."""

    date: dt.datetime  # aware
    post: object  # the post
    kind: str  # "published" or "revised"
    commit: Commit | None = None  # the revision's commit


@dataclass(frozen=True)
class PostHistory:
    """What git says of the posts, in the blog's terms: every question the
    pages and feeds ask of the history (a post's last update, the changes, the
    links to the repository)."""

    history: History
    tz: ZoneInfo
    source: Callable  # a post's docname -> its path in the repository
    repository: str = ""  # blog_repository_url
    branch: str = "main"  # blog_repository_branch
    changes_length: int = 30  # blog_changes_length

    @property
    def head(self) -> Commit | None:
        return self.history.head

    def _aware(self, when: dt.datetime) -> dt.datetime:
        return when.replace(tzinfo=self.tz)

    def last_updated(self, post) -> Commit | None:
        """The commit that last changed a post after the day it was published, or None."""
        commit = self.history.last_change(self.source(post.docname))
        if commit and commit.date.date() > self._aware(post.date).date():
            return commit
        return None

    def updated(self, post) -> dt.datetime:
        """When a post last changed: its {update} notes, its last commit, its date."""
        when = self._aware(max(post.update or post.date, post.date))
        commit = self.last_updated(post)
        return max(when, commit.date) if commit else when

    def repository_url(self, kind: str, target: str) -> str | None:
        """Link to a post's history (kind "commits") or a commit (kind "commit")."""
        base = self.repository.rstrip("/")
        if not base:
            return None
        if kind == "commits":
            return f"{base}/commits/{self.branch}/{target}"
        return f"{base}/commit/{target}"

    def changes(self, posts) -> list[Change]:
        """Posts published or revised, newest first."""
        events = []
        for post in posts:
            published = self._aware(post.date)
            events.append(Change(published, post, "published"))
            commits = self.history.commits(self.source(post.docname))
            for commit in commits[:-1]:  # the last (oldest) added the post
                if commit.date.date() > published.date():
                    events.append(Change(commit.date, post, "revised", commit))
        events.sort(key=lambda change: (change.date, change.post.docname), reverse=True)
        return events[: self.changes_length]


def post_history(app, tz: ZoneInfo) -> PostHistory:
    """The build's history (read at builder-inited) as the archive asks it."""
    config = app.config
    return PostHistory(
        build_state(config).history or History(),
        tz,
        lambda docname: app.env.doc2path(docname, False).as_posix(),
        config.blog_repository_url,
        config.blog_repository_branch,
        config.blog_changes_length,
    )


def git_show(srcdir: Path, sha: str, path: str) -> str | None:
    """A file's text as it stood at a commit (``path`` relative to ``srcdir``)."""
    return _git(srcdir, "show", f"{sha}:./{path}")


def _git(srcdir: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", *args], cwd=srcdir, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return result.stdout


#: The history as read at a commit, kept with the doctrees (:func:`read_history`).
HISTORY_CACHE = "blogarchive-history.pickle"


def read_history(srcdir: Path, cache: Path | None = None) -> History:
    """Every commit touching the site's folder: one ``git log`` for all posts.
    Kept in ``cache`` with the commit it was read at (HEAD), and read from
    there while HEAD stays: an edit's build, which commits nothing, skips the
    log (0.1 s at 1000 posts, more for a long history).  A shallow history
    is never kept: fetching more of it leaves HEAD as it was."""
    # All asked at once: a run of git is 10-40 ms of a build's start.
    state = _git(srcdir, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "HEAD")
    if state is None:  # not in git, or no commit yet
        return History()
    _, shallow, head = [*state.split(), "", "", ""][:3]
    key = (str(Path(srcdir).resolve()), head)
    cache = cache if shallow != "true" else None  # (a shallow history: never kept)
    kept = _kept_history(cache, key) if cache else None
    if kept is not None:
        return kept
    history = _logged_history(srcdir, shallow == "true")
    if cache and history.head:
        write_if_changed(cache, pickle.dumps((key, history)))
    return history


def _kept_history(cache: Path, key: tuple[str, str]) -> History | None:
    """The history ``cache`` keeps, if it was read at ``key`` (folder, HEAD)."""
    try:
        kept_key, history = pickle.loads(cache.read_bytes())
    except Exception:  # none, or not one this code wrote (a killed build's, an older one's)
        return None
    return history if kept_key == key and isinstance(history, History) else None


def _logged_history(srcdir: Path, shallow: bool) -> History:
    log = _git(srcdir, "log", "--format=%x01%H %cI %s", "--name-only", "--relative", "--", ".")
    if not log:
        return History(shallow=shallow)
    changes: dict[str, list[Commit]] = {}
    head = None
    for block in log.split("\x01")[1:]:
        first, *paths = block.strip().splitlines()
        sha, date, *subject = first.split(" ", 2)
        commit = Commit(sha, dt.datetime.fromisoformat(date), "".join(subject))
        head = head or commit
        for path in filter(None, paths):
            changes.setdefault(path, []).append(commit)
    return History(head, shallow, {path: tuple(c) for path, c in changes.items()})


def load_history(app) -> None:
    """``builder-inited``: read the history once per build."""
    history = read_history(Path(app.srcdir), Path(app.doctreedir) / HISTORY_CACHE)
    if history.shallow:
        logger.warning(
            "git history is shallow: 'Last updated' dates fall back to published dates "
            "(fetch the whole history: actions/checkout with fetch-depth: 0)",
            type="blogarchive",
            subtype="history",
        )
        history = History(history.head, True, {})
    build_state(app.config).history = history
