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
from test_real_exports import page_view, published_entries, source_view, words  # noqa: E402

DATA = REPO / "tests" / "data"
EXPORTS = [
    (DATA / "real" / "pelican-bloggerexport.xml", "blogger"),
    (DATA / "real" / "pelican-wordpressexport.xml", "wordpress"),
    (DATA / "real" / "jekyll-import-wordpressdotcom.xml", "wordpress"),
    (DATA / "real" / "blog-converter-wordpress.xml", "wordpress"),
    (DATA / "blogger-features.xml", "blogger"),
    (DATA / "wordpress-features.xml", "wordpress"),
    (DATA / "blogger-hostile.xml", "blogger"),
    (DATA / "wordpress-hostile.xml", "wordpress"),
]


def ours(export: Path, fmt: str, entries: dict, scratch: Path) -> int:
    root = new_blog(scratch / "ours")
    main(["import", fmt, str(export), "--posts-dir", str(root / "posts"), "--no-media"])
    if build(root, root / "_build/html") != 0:
        return 0
    site = Site(root / "_build/html")
    report = (root / "posts/import-report.txt").read_text(encoding="utf-8")
    paths = {
        int(line): Path(path).relative_to(root).with_suffix(".html").as_posix()
        for line, path in re.findall(rf"^{re.escape(str(export))}:(\d+): (\S+\.md):", report, re.M)
    }
    whole = 0
    for line, (html, _link) in entries.items():
        if line in paths and site.path(paths[line]).exists():
            expected, shown = words(source_view(html)), words(page_view(site, paths[line]))
            if difflib.SequenceMatcher(None, expected, shown, autojunk=False).ratio() >= 0.99:
                whole += 1
    return whole


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
            published.append(words(source_view(markdown.markdown(body, extensions=["extra"]))))
    kept = 0
    for html, _link in entries.values():
        expected = words(source_view(html))
        similar = (
            difflib.SequenceMatcher(None, expected, shown, autojunk=False).ratio()
            for shown in published
        )
        if any(ratio >= 0.99 for ratio in similar):
            kept += 1
    crashed = " (crashed)" if result.returncode else ""
    return f"{kept}{crashed}"


def main_table() -> None:
    print("| export | published posts | blog import, built, words intact | pelican-import |")
    print("|---|---|---|---|")
    for export, fmt in EXPORTS:
        entries = published_entries(export, fmt)
        with tempfile.TemporaryDirectory() as scratch:
            mine = ours(export, fmt, entries, Path(scratch))
        with tempfile.TemporaryDirectory() as scratch:
            theirs = pelicans(export, fmt, entries, Path(scratch))
        name = export.relative_to(DATA).as_posix()
        print(f"| `{name}` | {len(entries)} | {mine} | {theirs} |")


if __name__ == "__main__":
    main_table()
