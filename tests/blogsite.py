"""What the tests share: where things are, and a built site read as a browser reads it."""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path

import feedparser
import yaml
from bs4 import BeautifulSoup

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

    @staticmethod
    def target(rel: str, href: str) -> str:
        """Where the relative link ``href`` on the page ``rel`` leads: the
        page's path from the site's root, as ``rel`` is written."""
        return posixpath.normpath(posixpath.join(posixpath.dirname(rel), href))

    def feed(self, rel: str = "blog/atom.xml"):
        return feedparser.parse(self.path(rel).read_bytes())

    def search_index(self, part: Path | None = None) -> dict[str, dict]:
        """What the search finds: Pagefind's page records (each a gzipped
        ``pagefind_dcd`` + JSON fragment: text, title, date, filters) by
        address, from every part of the index, or from one (its folder)."""
        import gzip
        import json

        records = {}
        found = (
            part.glob("fragment/*.pf_fragment")
            if part
            else self.root.glob("pagefind/**/fragment/*.pf_fragment")
        )
        for path in sorted(found):
            data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
            record = json.loads(data)
            records[record["url"]] = record
        return records

    def html_files(self) -> list[Path]:
        """The pages a reader reads: not the redirect stubs at old addresses."""
        return [p for p in self._html() if not self._is_redirect(p)]

    def redirect_files(self) -> list[Path]:
        """The stubs at old addresses (a post's, a label's, a month's...)."""
        return [p for p in self._html() if self._is_redirect(p)]

    def _html(self) -> list[Path]:
        return sorted(p for p in self.root.rglob("*.html") if "_static" not in p.parts)

    @staticmethod
    def _is_redirect(path: Path) -> bool:
        return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")


def texts(elements) -> list[str]:
    """Each element's words as a reader reads them: its spaces one, a
    heading's "¶" (and "#") link left out."""
    return [" ".join(e.get_text().split()).rstrip("#¶") for e in elements]


def new_blog(root: Path) -> Path:
    """An empty blog with the real settings at ``root`` (for imports)."""
    (root / "posts").mkdir(parents=True)
    (root / "conf.py").write_bytes((REPO / "tests/roots/test-escaping/conf.py").read_bytes())
    (root / "index.md").write_text("# Imported\n\nAn imported blog.\n", encoding="utf-8")
    return root


def build_in_child(blog: Path, out: Path) -> Path:
    """The README's build of ``blog`` in a child process (browser tests: a build
    forks, and a fork of the test process would hold Playwright's pipe open)."""
    import subprocess
    import sys

    env = {**os.environ, "BLOG_REPO": str(REPO)}
    command = [sys.executable, "-m", "blogarchive.build", str(blog), str(out)]
    subprocess.run(command, env=env, check=True, capture_output=True)
    return out


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


def built(app) -> Site:
    """Build a Sphinx test app and fail on any warning (as the real build does)."""
    app.build()
    warnings = app._warning.getvalue()
    assert warnings == "", warnings
    return Site(Path(app.outdir))
