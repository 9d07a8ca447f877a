"""Build the site into a fresh folder and publish it only if the build is clean.

``python -m blogarchive.build`` is what ``make site`` runs: Sphinx writes into
``_build/html.next`` with warnings as errors; only on success does that folder
replace ``_build/html``.  A failed build leaves the last good site untouched.
Build internals (doctrees, ``.buildinfo``) stay outside the published folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from sphinx.cmd.build import build_main


def build(source: Path, out: Path, *, jobs: str = "1", extra: list[str] | None = None) -> int:
    """Build ``source`` into ``out``; return Sphinx's exit status (0: published)."""
    source, out = Path(source).resolve(), Path(out).resolve()
    staging = out.with_name(out.name + ".next")
    doctrees = out.with_name("doctrees")
    shutil.rmtree(staging, ignore_errors=True)
    args = ["-b", "html", "-W", "--keep-going", "-q", "-j", jobs, "-d", str(doctrees)]
    status = build_main([*args, *(extra or []), str(source), str(staging)])
    if status != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build failed: {out} keeps the last good site", file=sys.stderr)
        return status
    (staging / ".buildinfo").unlink(missing_ok=True)
    sources = staging / "_sources"
    if sources.is_dir() and not any(sources.iterdir()):
        sources.rmdir()
    old = out.with_name(out.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        os.replace(out, old)
    os.replace(staging, out)
    shutil.rmtree(old, ignore_errors=True)
    print(f"site published in {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m blogarchive.build", description=__doc__)
    parser.add_argument("source", nargs="?", default=".", type=Path)
    parser.add_argument("out", nargs="?", default=Path("_build/html"), type=Path)
    parser.add_argument("-j", "--jobs", default="1", help="Sphinx worker processes")
    parser.add_argument(
        "--preview",
        action="store_true",
        help="include drafts, bannered (default out: _build/preview)",
    )
    args, extra = parser.parse_known_args(argv)
    out = args.out
    if args.preview:
        extra = [*extra, "-D", "blog_preview=1"]
        if out == Path("_build/html"):
            out = Path("_build/preview")
    return build(args.source, out, jobs=args.jobs, extra=extra)


if __name__ == "__main__":
    sys.exit(main())
