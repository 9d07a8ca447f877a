"""Shared fixtures: the real site built once per run, and Sphinx test roots.

The real site is built by the same command as the README's (``python -m
blogarchive.build``), in a child process with a build-machine timezone far from
London, so tests see what readers see whatever machine built it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import feedparser
import pytest
import yaml
from ablog.blog import Blog
from bs4 import BeautifulSoup

pytest_plugins = ["sphinx.testing.fixtures"]

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
# Test roots' conf.py files read the real conf.py through this.
os.environ["BLOG_REPO"] = str(REPO)


@dataclass
class Site:
    """A built site, read as a reader's browser would."""

    root: Path
    log: str = ""

    def path(self, rel: str) -> Path:
        path = self.root / rel
        if rel.endswith("/") or path.is_dir():
            path = path / "index.html"
        return path

    def page(self, rel: str) -> BeautifulSoup:
        return BeautifulSoup(self.path(rel).read_text(encoding="utf-8"), "html.parser")

    def feed(self, rel: str = "blog/atom.xml"):
        return feedparser.parse(self.path(rel).read_bytes())

    def html_files(self) -> list[Path]:
        return sorted(p for p in self.root.rglob("*.html") if "_static" not in p.parts)


def read_post_sources(folder: Path) -> dict[str, dict]:
    """Front matter of every post in ``folder/posts``, keyed by its page path."""
    posts = {}
    for path in sorted((folder / "posts").glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        front = yaml.safe_load(text.split("---", 2)[1])
        heading = next(line[2:] for line in text.splitlines() if line.startswith("# "))
        front["title"] = heading
        posts[str(path.relative_to(folder).with_suffix(".html"))] = front
    return posts


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    out = tmp_path_factory.mktemp("site") / "html"
    env = {**os.environ, "TZ": "Pacific/Kiritimati"}  # UTC+14: far from London
    result = subprocess.run(
        [sys.executable, "-m", "blogarchive.build", str(REPO), str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return Site(out, log=result.stderr)


@pytest.fixture(scope="session")
def post_sources() -> dict[str, dict]:
    return read_post_sources(REPO)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).parent / "roots"


@pytest.fixture(autouse=True)
def _fresh_ablog_registry():
    """ABlog keeps its posts in class-level state: never let one build see another's."""
    Blog._dict.clear()
    yield
    Blog._dict.clear()


def built(app) -> Site:
    """Build a Sphinx test app and fail on any warning (as the real build does)."""
    app.build()
    warnings = app._warning.getvalue()
    assert warnings == "", warnings
    return Site(Path(app.outdir))
