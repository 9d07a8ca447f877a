"""The archive's history, from git: when each post was last changed, and the
commit the site was built from.

Dates come from commits, never from file times or the build clock, so builds
stay reproducible.  In a shallow clone (CI's default checkout) the history is
incomplete: a warning says so and posts fall back to their published date.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from sphinx.util import logging

from .state import build_state

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Commit:
    sha: str
    date: dt.datetime  # with the committer's offset

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


def _git(srcdir: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", *args], cwd=srcdir, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return result.stdout


def read_history(srcdir: Path) -> History:
    """Every commit touching the site's folder: one ``git log`` for all posts."""
    if _git(srcdir, "rev-parse", "--is-inside-work-tree") is None:
        return History()
    shallow = (_git(srcdir, "rev-parse", "--is-shallow-repository") or "").strip() == "true"
    log = _git(srcdir, "log", "--format=%x01%H %cI", "--name-only", "--relative", "--", ".")
    if not log:
        return History(shallow=shallow)
    changes: dict[str, list[Commit]] = {}
    head = None
    for block in log.split("\x01")[1:]:
        first, *paths = block.strip().splitlines()
        sha, date = first.split(" ", 1)
        commit = Commit(sha, dt.datetime.fromisoformat(date))
        head = head or commit
        for path in filter(None, paths):
            changes.setdefault(path, []).append(commit)
    return History(head, shallow, {path: tuple(c) for path, c in changes.items()})


def load_history(app) -> None:
    """``builder-inited``: read the history once per build."""
    history = read_history(Path(app.srcdir))
    if history.shallow:
        logger.warning(
            "git history is shallow: 'Last updated' dates fall back to published dates "
            "(fetch the whole history: actions/checkout with fetch-depth: 0)",
            type="blogarchive",
            subtype="history",
        )
        history = History(history.head, True, {})
    build_state(app.config).history = history
