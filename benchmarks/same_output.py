"""Does a change of the extension change what the site publishes?  (issue 14)

    .venv/bin/python benchmarks/same_output.py [BASE] [CHANGED]

Builds the same posts with the code, templates and settings of two revisions
of this repository (default: ``HEAD`` and the work tree) and compares the
published trees byte for byte: the blog's own posts, and 300 generated posts
(benchmarks/generate.py).  The posts are copied into a folder outside git, so
the footer's commit (which names the revision) is not part of the comparison.
Prints the files that differ; exits 1 if any do.  A refactoring is done when
this says "identical" for both sites.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SITE_FILES = ("conf.py", "index.md", "about.md", "_templates", "_static")


def checkout(revision: str, into: Path) -> Path:
    """The repository as of ``revision`` ("worktree": as it is on disk)."""
    if revision == "worktree":
        return REPO
    subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "--detach", "--force", str(into), revision],
        check=True,
        capture_output=True,
    )
    return into


def generated_posts(dest: Path, count: int) -> None:
    spec = importlib.util.spec_from_file_location("generate", REPO / "benchmarks/generate.py")
    module = sys.modules["generate"] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_myst(dest, module.posts(count))


def build(code: Path, posts: Path, site: Path) -> Path:
    """The site of ``posts`` built with the code, templates and settings in ``code``."""
    site.mkdir(parents=True)
    for name in SITE_FILES:
        source = code / name
        if source.is_dir():
            shutil.copytree(source, site / name)
        elif source.exists():
            shutil.copy(source, site / name)
    shutil.copytree(posts, site / "posts")
    env = {**os.environ, "PYTHONPATH": str(code / "src"), "TZ": "UTC"}
    command = [sys.executable, "-m", "blogarchive.build", str(site), str(site / "_build/html")]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"build with {code} failed:\n{result.stderr[-3000:]}")
    return site / "_build/html"


def tree(root: Path) -> dict[str, bytes | None]:
    return {
        p.relative_to(root).as_posix(): (p.read_bytes() if p.is_file() else None)
        for p in sorted(root.rglob("*"))
    }


def compare(left: Path, right: Path) -> list[str]:
    a, b = tree(left), tree(right)
    return sorted([*(set(a) ^ set(b)), *(name for name in set(a) & set(b) if a[name] != b[name])])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", nargs="?", default="HEAD")
    parser.add_argument("changed", nargs="?", default="worktree")
    parser.add_argument("--posts", type=int, default=300, help="generated posts (default 300)")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="same-output-"))
    worktrees = []
    try:
        codes = []
        for i, revision in enumerate((args.base, args.changed)):
            code = checkout(revision, scratch / f"code-{i}")
            if code != REPO:
                worktrees.append(code)
            codes.append(code)
        generated = scratch / "generated"
        generated_posts(generated, args.posts)
        different = False
        for name, posts in (
            ("the blog's posts", REPO / "posts"),
            ("generated", generated / "posts"),
        ):
            left = build(codes[0], posts, scratch / f"{name}-base")
            right = build(codes[1], posts, scratch / f"{name}-changed")
            differing = compare(left, right)
            print(f"{name}: " + ("identical" if not differing else f"{len(differing)} differ"))
            for path in differing[:50]:
                print(f"  {path}")
            different |= bool(differing)
        return 1 if different else 0
    finally:
        for worktree in worktrees:
            subprocess.run(
                ["git", "-C", str(REPO), "worktree", "remove", "--force", str(worktree)],
                capture_output=True,
            )
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
