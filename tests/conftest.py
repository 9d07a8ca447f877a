"""Shared fixtures: the real site built once per run, and Sphinx test roots.

The real site is built by the same command as the README's (``python -m
blogarchive.build``), in a child process with a build-machine timezone far from
London, so tests see what readers see whatever machine built it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from blogarchive import ablog_compat

from blogsite import REPO, Site, new_blog, read_post_sources

pytest_plugins = ["sphinx.testing.fixtures"]


def built_repository(out: Path, *options: str) -> Site:
    """This repository built by the README's command into ``out``, in a child
    process with a build-machine timezone far from London (UTC+14)."""
    env = {**os.environ, "TZ": "Pacific/Kiritimati"}
    command = [sys.executable, "-m", "blogarchive.build", str(REPO), str(out), *options]
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return Site(out, log=result.stderr)


@pytest.fixture(scope="session")
def atom_schema():
    """RFC 4287's RELAX NG schema of Atom (tests/data/atom.rnc), to validate feeds with."""
    import rnc2rng
    from lxml import etree

    rng = rnc2rng.dumps(rnc2rng.load(str(Path(__file__).parent / "data" / "atom.rnc")))
    # rnc2rng declares the empty "local" namespace as a prefix, which XML forbids.
    rng = rng.replace('xmlns:local=""', "")
    return etree.RelaxNG(etree.fromstring(rng.encode("utf-8")))


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    return built_repository(tmp_path_factory.mktemp("site") / "html")


@pytest.fixture(scope="session")
def parted_site(tmp_path_factory) -> Site:
    """The real site with its search index made in parts of two pages at most,
    as a blog of thousands of posts is (search.py's ``parts``)."""
    out = tmp_path_factory.mktemp("parted") / "html"
    return built_repository(out, "-D", "blog_search_part_pages=2")


@pytest.fixture
def blog_dir(tmp_path, monkeypatch):
    """An empty blog with the real settings, the repository the working folder."""
    monkeypatch.chdir(REPO)
    return new_blog(tmp_path / "blog")


@pytest.fixture(scope="session")
def post_sources() -> dict[str, dict]:
    return read_post_sources(REPO)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).parent / "roots"


@pytest.fixture(autouse=True)
def _fresh_ablog_registry():
    """ABlog keeps its posts in class-level state: never let one build see another's."""
    ablog_compat.reset()
    yield
    ablog_compat.reset()
