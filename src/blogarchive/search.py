"""Search that scales (issue 15): Pagefind's chunked index instead of Sphinx's.

Sphinx's ``searchindex.js`` holds every word of every page and is fetched
whole before the first result (1 MB at 1000 posts, growing with the blog).
Pagefind (its binary ships in the PyPI wheel ``pagefind[bin]``) splits its
index into chunks and a reader's browser fetches only those a query needs.

- Sphinx's index and search page are off (:func:`use_pagefind`); pages.py
  writes the search page (``_templates/blog/search.html``, with
  ``_static/search.js``), which Furo's sidebar box already submits to.
- Each document's page marks what is indexed (``_templates/page.html``:
  ``data-pagefind-body``), its title, and for a post the date, tags and year
  to filter by.  Archive pages, redirects and the sidebar are not indexed.
- After every good HTML build, the e-book's excepted, Pagefind indexes the
  documents' pages again (:func:`index_site`): its index has no incremental
  mode; indexing takes about 1.5 s at 1000 posts, 9 s at 5000.  ``blog serve`` builds
  through Sphinx too, so search works in the preview as well.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from sphinx.errors import ExtensionError

from .epub import is_epub

BUNDLE = "pagefind"  # the index's folder in the site
#: Not searched: the "¶" of each heading, the line of date and tags under a
#: post's title (the filters have them), its "Last updated" line.
EXCLUDED = ".headerlink, .post-meta, .post-history"


def use_pagefind(app) -> None:
    """``builder-inited``: no Sphinx search index or search page for the site."""
    if app.builder.name == "html":
        app.builder.search = False


def index_site(app, exception) -> None:
    """``build-finished``: Pagefind's index of the pages just built, written
    into the site only where its bytes changed (as every file of the build)."""
    if exception is not None or app.builder.name != "html" or is_epub(app.builder):
        return
    outdir = Path(app.builder.outdir)
    (outdir / "searchindex.js").unlink(missing_ok=True)  # Sphinx's, from a build before
    with tempfile.TemporaryDirectory(dir=outdir.parent, prefix=".pagefind-") as scratch:
        command = [sys.executable, "-m", "pagefind", "--site", str(outdir), "--silent"]
        command += ["--output-path", scratch, "--exclude-selectors", EXCLUDED]
        command += ["--glob", documents_glob(app.env.found_docs)]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise ExtensionError(f"pagefind could not index the site: {result.stderr.strip()}")
        _sync(Path(scratch), outdir / BUNDLE)


def documents_glob(docnames) -> str:
    """The pages of the documents (posts, pages, About): the only ones with text
    to search.  Pagefind skips the others' text anyway, but reading thousands
    of list pages and redirects took it 40 % longer at 5000 posts."""
    folders = sorted({d.split("/", 1)[0] for d in docnames if "/" in d})
    top = sorted(f"{d}.html" for d in docnames if "/" not in d)
    return "{" + ",".join([*(f"{f}/**/*.html" for f in folders), *top]) + "}"


def _sync(new: Path, bundle: Path) -> None:
    """Make ``bundle`` hold what ``new`` holds, touching only files that differ."""
    made = {p.relative_to(new) for p in new.rglob("*") if p.is_file()}
    for rel in sorted(made):
        target, data = bundle / rel, (new / rel).read_bytes()
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    if bundle.is_dir():
        for path in bundle.rglob("*"):
            if path.is_file() and path.relative_to(bundle) not in made:
                path.unlink()
