"""How many published posts each importer keeps whole, on the same exports (issue 12).

    .venv/bin/python benchmarks/import_compare.py   # needs `pip install -e .[bench]` and pandoc

For each export in tests/data/real/ and the hand-made feature and hostile
exports: the published posts it holds (counted from the XML), how many of them
`blog import` + the README's build put on the site with their words intact
(difflib similarity >= 0.99, as tests/test_real_exports.py checks), and how
many Pelican's `pelican-import` writes as published Markdown files whose
text (rendered with Python-Markdown) meets the same bar, or whether it crashed.
Prints a Markdown table.
"""

from __future__ import annotations

import contextlib
import difflib
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import markdown

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from blogarchive.build import build  # noqa: E402
from blogarchive.cli import main  # noqa: E402

from blogsite import Site, new_blog  # noqa: E402
from test_real_exports import EXPORTS as REAL_EXPORTS  # noqa: E402
from test_real_exports import (  # noqa: E402
    page_of,
    page_view,
    published_entries,
    source_view,
    without_gallery_pictures,
    words,
)

DATA = REPO / "tests" / "data"
#: Every real export the tests import (tests/test_real_exports.py), and the
#: hand-made exports of the importers' features and of hostile markup.
EXPORTS = [
    *((DATA / "real" / name, fmt) for name, fmt in sorted(REAL_EXPORTS.items())),
    (DATA / "blogger-features.xml", "blogger"),
    (DATA / "wordpress-features.xml", "wordpress"),
    (DATA / "blogger-hostile.xml", "blogger"),
    (DATA / "wordpress-hostile.xml", "wordpress"),
]


def whole(expected: list[str], shown: list[str]) -> bool:
    """The bar for both tools, the real exports' test's: the words a reader
    sees, whitespace-normalised, difflib similarity >= 0.99."""
    ratio = difflib.SequenceMatcher(None, expected, shown, autojunk=False).ratio()
    return ratio >= 0.99 or expected == shown


def ours(export: Path, fmt: str, entries: dict, scratch: Path) -> str:
    root = new_blog(scratch / "ours")
    with contextlib.redirect_stdout(sys.stderr):  # the table alone on stdout
        posts = ["--posts-dir", str(root / "posts"), "--no-media"]
        status = main(["import", fmt, str(export), *posts])
        if status != 0 or build(root, root / "_build/html") != 0:
            return "0 (failed)"
    site = Site(root / "_build/html")
    report = (root / "posts/import-report.txt").read_text(encoding="utf-8")
    paths = {}
    for line, path in re.findall(rf"^{re.escape(str(export))}:(\d+): (\S+\.md):", report, re.M):
        front = Path(path).read_text(encoding="utf-8").split("\n---\n", 1)[0]
        old = re.search(r"^(?:blogger|wordpress)_url: (.*)$", front, re.M)
        key = (int(line), old.group(1).strip("'\"") if old else "")
        paths[key] = Path(path).relative_to(root).with_suffix(".html").as_posix()
    kept = 0
    for key, html in entries.items():
        page = page_of(paths, key)
        if page and site.path(page).exists():
            shown = words(without_gallery_pictures(page_view(site, page), html))
            kept += whole(words(source_view(html, fmt)), shown)
    return str(kept)


def pelicans(export: Path, fmt: str, entries: dict, scratch: Path) -> str:
    out = scratch / "pelican"
    out.mkdir()
    option = "--blogger" if fmt == "blogger" else "--wpfile"
    command = [str(Path(sys.executable).with_name("pelican-import")), option, "-m", "markdown"]
    result = subprocess.run([*command, "-o", str(out), str(export)], capture_output=True, text=True)
    published = []  # the words of each published post, its Markdown rendered as Pelican would
    for path in out.glob("*.md"):
        header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        if "Status: draft" not in header:
            shown = markdown.markdown(body, extensions=["extra"])
            published.append(words(source_view(shown, "blogger")))  # (as written: no autop)
    kept = 0
    for html in entries.values():
        expected = words(source_view(html, fmt))
        kept += any(whole(expected, shown) for shown in published)
    crashed = " (crashed)" if result.returncode else ""
    return f"{kept}{crashed}"


def main_table() -> None:
    print("| export | published posts | blog import, built, words intact | pelican-import |")
    print("|---|---|---|---|")
    totals = [0, 0, 0]
    for export, fmt in EXPORTS:
        entries = published_entries(export, fmt)
        with tempfile.TemporaryDirectory() as scratch:
            mine = ours(export, fmt, entries, Path(scratch))
        with tempfile.TemporaryDirectory() as scratch:
            theirs = pelicans(export, fmt, entries, Path(scratch))
        name = export.relative_to(DATA).as_posix()
        print(f"| `{name}` | {len(entries)} | {mine} | {theirs} |", flush=True)
        for index, count in enumerate((len(entries), mine, theirs)):
            totals[index] += int(str(count).split()[0])
    print(f"| all {len(EXPORTS)} exports | {totals[0]} | {totals[1]} | {totals[2]} |")


if __name__ == "__main__":
    # The hostile and feature exports nest tags hundreds deep on purpose;
    # BeautifulSoup walks them recursively when the words are compared.
    sys.setrecursionlimit(20000)
    main_table()
