"""Search that scales (issue 15): Pagefind's chunked index instead of Sphinx's.

Sphinx's ``searchindex.js`` holds every word of every page and is fetched
whole before the first result (1 MB at 1000 posts, growing with the blog).
Pagefind (its binary ships in the PyPI wheel ``pagefind[bin]``) splits its
index into chunks and a reader's browser fetches only those a query needs.

- Sphinx's index and search page are off (:func:`use_pagefind`); pages.py
  writes the search page (``_templates/blog/search.html``, with
  ``_static/search.js``), which Furo's sidebar box already submits to.
- Each document's page marks what is indexed (``_templates/page.html``:
  ``data-pagefind-body``), its title, and for a post its date, and its year and
  tags as Pagefind filters (the search page's "Year" and "Tag").  Archive
  pages, redirects and the sidebar are not indexed.
- Pagefind writes a filter's values, and the list of filters, in a different
  order on every run (Rust's randomly seeded hash maps; Pagefind#638), so the
  same site would not give the same bytes twice.  :func:`sort_filters` puts
  them in order and names the files it rewrote by their new contents, before
  the index reaches the site.
- In every HTML build, the e-book's excepted, Pagefind indexes the documents'
  pages again as soon as they are written, while the archive's pages and feeds
  are rendered (:func:`start_index`); the index reaches the site only when the
  build succeeds (:func:`index_site`).  Its index has no incremental mode:
  it reads and indexes every page each time (about 2.5 s at 1000 posts), but
  given the last index's files it makes only those that changed (about 1.2 s
  after an edit; :func:`link_last_index`).  ``blog serve`` builds through
  Sphinx too, so search works in the preview as well.
- A blog of more than ``blog_search_part_pages`` pages (2000) is indexed a
  part at a time, each part its own bundle, which the search page merges
  (:func:`parts`): Pagefind holds about 0.3 MB a page while it indexes.  A
  part whose searched text did not change keeps its bundle (:class:`Indexer`),
  where it is (:func:`publish_parts`).  ``blog serve``'s preview is indexed
  in parts of 100 (serve.py), so that an edit indexes a small part again.
- Only what a search asks for is published (:func:`drop_unused`), and the
  search page preloads each part's entry and meta files, named once the index
  is made (:func:`preload_index`).
"""

from __future__ import annotations

import concurrent.futures
import functools
import gzip
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

import cbor2
from sphinx.errors import ExtensionError

from .archive import blog_archive
from .incremental import write_if_changed
from .state import build_state

BUNDLE = "pagefind"  # the index's folder in the site
#: Not searched: the "¶" of each heading, the line of date and tags under a
#: post's title, its "Last updated" line.
EXCLUDED = ".headerlink, .post-meta, .post-history"


def use_pagefind(app) -> None:
    """``builder-inited``: no Sphinx search index or search page for the site."""
    if app.builder.name == "html":
        app.builder.search = False


def start_index(app) -> list:
    """``html-collect-pages``, first of its handlers: every document's page is
    written by now, so Pagefind indexes them while the archive's own pages and
    feeds are rendered (:func:`index_site` waits for it).  Yields no page."""
    if app.builder.name != "html":  # the site's own builder (the e-book's is "epub")
        return []
    outdir = Path(app.builder.outdir)
    scratch = Path(tempfile.mkdtemp(dir=outdir.parent, prefix=".pagefind-"))
    # Only the documents' pages (posts, pages, About) have text to search: not
    # the home page (its posts' text is theirs; it has no data-pagefind-body),
    # nor the thousands of list pages and redirects, which Pagefind would read
    # only to skip (40 % longer at 5000 posts).  A blog of a home page alone
    # has it indexed: Pagefind makes no index of nothing.
    # Each page's path, as the builder's get_outfilename has it (which, called
    # for each page and made relative, took 0.05 s of an edit at 1000 posts).
    pages = [Path(docname + app.builder.out_suffix) for docname in newest_first(app)]
    doctrees = Path(app.doctreedir)
    record = doctrees / "blogarchive-search-parts.json"
    searched = doctrees / "blogarchive-searched-pages"  # kept between builds
    size = app.config.blog_search_part_pages
    job = Indexer(outdir, parts(pages, size), scratch, record, searched, at_once(app, size))
    job.prepare()
    job.start()
    build_state(app.config).search_job = job
    return []


#: Pages Pagefind may hold at once, in all its runs (about 0.3 MB a page).
PAGES_AT_ONCE = 2000


def at_once(app, size: int) -> int:
    """Parts of ``size`` pages indexed at once: one per core Sphinx was given
    (``-j``), holding :data:`PAGES_AT_ONCE` pages at most in all: the
    preview's parts of 100 (serve.py), not the published site's of 2000.
    (On two cores, Pagefind alone on five parts of 250 pages at 1000 posts:
    1.85-1.96 s two at a time, 2.7-3.1 s one after another.)"""
    return max(1, min(getattr(app, "parallel", 1) or 1, PAGES_AT_ONCE // max(size, 1)))


def newest_first(app) -> list[str]:
    """The documents to index in the order the search page lists what it
    finds: the published posts, newest first, then the rest (pages, About,
    drafts) by name.  Split in this order (:func:`parts`), the first part
    holds the newest posts, which the search page searches first."""
    found = set(app.env.found_docs) - {app.config.root_doc}
    posts = [p.docname for p in blog_archive(app).posts if p.docname in found]
    return posts + sorted(found - set(posts)) or [app.config.root_doc]


def parts(pages: list, size: int) -> list[list]:
    """The pages (newest first: :func:`newest_first`) split into runs of
    Pagefind of at most ``size`` pages each (``blog_search_part_pages``).

    Pagefind holds about 0.3 MB per page of text while it indexes (1.4 GB for
    5000 posts; Pagefind#842), so a bigger blog is indexed a part at a time,
    each part its own bundle (``pagefind/``, then ``pagefind/part-2/``...).
    A blog of up to ``size`` pages is one bundle.  Beyond that:

    - Parts of ``size`` pages are counted from the oldest page, so that a new
      post changes the newest part alone (a part whose text is unchanged
      keeps its bundle: :class:`Indexer`), however many parts there are.
    - The newest pages left over (one to ``size``) are one part, or, beyond
      half a part, two: the newest, then half a part.  So the first part,
      which the search page searches first (_static/search.js), never holds
      more than half a part: a word in every post has a small chunk of the
      index to fetch before the first results.  Half a part that grows into
      a whole one is indexed again then, once every ``size`` new posts."""
    size = max(size, 1)
    if len(pages) <= size:
        return [pages]
    half = max(1, size // 2)
    whole = (len(pages) - 1) // size
    rest = len(pages) - whole * size  # the newest: 1 to size pages
    newest = [pages[: rest - half], pages[rest - half : rest]] if rest > half else [pages[:rest]]
    return newest + [pages[rest + i * size : rest + (i + 1) * size] for i in range(whole)]


class Indexer(threading.Thread):
    """Pagefind run on each part in turn (one at a time: memory), on the
    part's pages cut to what it reads, at their place in a folder of their
    own kept between builds (:func:`stage_pages`).

    A part whose pages' searched text is what it was when the site's bundle
    for it was made (``record``, :func:`published_parts`) keeps that bundle,
    from wherever it is published (a new post can make the newest part the
    second): an edit or a new post indexes one part alone, and a new commit
    in every page's footer (CI) none."""

    def __init__(
        self,
        outdir: Path,
        parts: list[list],
        scratch: Path,
        record: Path | None = None,
        searched: Path | None = None,
        at_once: int = 1,
    ) -> None:
        super().__init__(name="pagefind", daemon=True)
        self.outdir, self.parts, self.scratch, self.record = outdir, parts, scratch, record
        self.bundle = scratch / "bundle"  # the first part's, holding the others'
        self.published = outdir / BUNDLE  # the site's bundle, as the last build left it
        self.searched = searched or scratch / "searched"  # each part's cut pages, by number
        self.digests: dict[str, str] = {}  # of the parts made, to record once published
        self.indexed: list[int] = []  # the parts Pagefind indexed (the others were kept)
        self.kept: dict[int, int] = {}  # part -> the number its kept bundle is published under
        self.error: str | None = None
        self.runs = PagefindRuns(at_once)
        self._prepared = False

    def part_folder(self, number: int, bundle: Path | None = None) -> Path:
        bundle = bundle or self.bundle
        return bundle if number == 1 else bundle / f"part-{number}"

    def prepare(self) -> None:
        """Each part's digest and, to index, its folder (:func:`stage_pages`), from
        each page read and cut once; in the main thread, before the thread
        starts: there, each read waited for the interpreter lock while the
        main thread rendered, and Pagefind started 1 s later at 1000 posts."""
        if self._prepared:
            return
        self._prepared = True
        published = published_parts(self.record)
        cuts = PageCuts(self.outdir, self.searched.with_name(self.searched.name + ".json"))
        try:
            for number, pages in enumerate(self.parts, start=1):
                cut = {rel: cuts.digest(rel) for rel in pages}
                digest = part_digest(cut)
                self.digests[str(number)] = digest
                was = published.get(digest)
                if was is not None and self._keeps(number, was):
                    self.kept[number] = was  # its bundle kept (:meth:`_index`)
                    continue
                self.indexed.append(number)
                stage_pages(self.searched / str(number), cut, cuts)
                # Here: in the thread, each link waited for the interpreter lock.
                link_last_index(self.part_folder(number, self.published), self._output(number))
            for folder in self.searched.glob("*"):  # parts the blog no longer has
                if folder.name not in self.digests:
                    shutil.rmtree(folder)
            cuts.save()
        except OSError as error:
            self.error = f"pagefind could not index the site: {error!r}"

    def _keeps(self, number: int, was: int) -> bool:
        """Part ``number`` keeps the bundle published as part ``was``: one there,
        and for the first part the first's (it alone has Pagefind's script)."""
        published = self.part_folder(was, self.published)
        return (was == 1 or number > 1) and (published / "pagefind-entry.json").is_file()

    def run(self) -> None:
        try:
            self._index()
        except Exception as error:  # reported by index_site, as the build's error
            self.error = f"pagefind could not index the site: {error!r}"

    def _index(self) -> None:
        self.prepare()
        if self.error:
            return
        self.runs.each(self._run_pagefind, self.indexed)
        for number in range(1, len(self.parts) + 1):  # in order: the first part holds the others
            if self.error or self.runs.stopped:
                return
            if number in self.indexed:
                self.part_folder(number).parent.mkdir(parents=True, exist_ok=True)
                self._output(number).rename(self.part_folder(number))
            elif self.kept[number] != number:  # else left where it is (:func:`publish_parts`)
                _link_part(
                    self.part_folder(self.kept[number], self.published), self.part_folder(number)
                )

    def _output(self, number: int) -> Path:
        return self.scratch / f"part-{number}"  # where Pagefind writes the part

    def _run_pagefind(self, number: int) -> None:
        if self.error:  # a part has failed, and with it the build: none other is started
            return
        site, output = self.searched / str(number), self._output(number)
        command = [str(pagefind_binary()), "--site", str(site), "--silent"]
        command += ["--output-path", str(output), "--exclude-selectors", EXCLUDED]
        errors = self.runs.run(command)
        if errors is not None:
            self.error = self.error or f"pagefind could not index the site: {errors}"
        elif not self.runs.stopped:
            prune_index(output)

    def stop(self) -> None:
        """A failed build's: Pagefind stopped, no part left to start."""
        self.runs.stop()
        self.join()


class PagefindRuns:
    """Pagefind run on several parts at once, ``at_once`` at most (a
    clean build's parts: each run is close to single-threaded), each in a
    thread of its own; every run killed at once by :meth:`stop`."""

    def __init__(self, at_once: int = 1) -> None:
        self.at_once = max(1, at_once)
        self.stopped = False
        self._processes: set[subprocess.Popen] = set()
        self._lock = threading.Lock()

    def each(self, function, items: list) -> None:
        """``function`` called on each of ``items``, ``at_once`` at a time."""
        if self.at_once == 1 or len(items) < 2:
            for item in items:
                function(item)
            return
        with concurrent.futures.ThreadPoolExecutor(self.at_once) as pool:
            for _ in pool.map(function, items):  # an exception, the first, is raised here
                pass

    def run(self, command: list[str]) -> str | None:
        """Run ``command``: its errors when it failed, else None."""
        with self._lock:
            if self.stopped:
                return None
            process = subprocess.Popen(
                command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
            )
            self._processes.add(process)
        _, errors = process.communicate()
        with self._lock:
            self._processes.discard(process)
        return None if process.returncode == 0 or self.stopped else errors.strip()

    def stop(self) -> None:
        with self._lock:
            self.stopped = True
            for process in self._processes:
                if process.poll() is None:
                    process.kill()


def _link_part(published: Path, folder: Path) -> None:
    """A kept part's bundle, published under another number, linked into
    ``folder``: its own files, not the later parts inside the first."""
    shutil.copytree(
        published,
        folder,
        ignore=lambda _folder, names: [n for n in names if n.startswith("part-")],
        copy_function=os.link,  # files only ever replaced, never written into
    )


def published_parts(record: Path | None) -> dict[str, int]:
    """The digest of each part of the published index (:func:`part_digest`,
    recorded with the doctrees once published), with the part's number."""
    try:
        before = json.loads(record.read_text("utf-8")) if record else {}
        return {digest: int(number) for number, digest in before.items()}
    except (OSError, ValueError, AttributeError):
        return {}


#: ``blog serve``'s worker (serve.py) sets a list here: :func:`index_site`
#: then leaves the index's publishing in it, for after the build has returned
#: and the browser has shown the pages (at 1000 posts, 1 s sooner).
DEFERRED: list | None = None


def index_site(app, exception) -> None:
    """``build-finished``: the index Pagefind made, written into the site only
    where its bytes changed (as every file of the build); none after a failure."""
    build = build_state(app.config)
    if build.search_job is None:
        return
    job, build.search_job = build.search_job, None
    if exception is not None:
        job.stop()
        shutil.rmtree(job.scratch, ignore_errors=True)
    elif DEFERRED is not None:
        DEFERRED.append(functools.partial(publish_index, app, job))
    else:
        publish_index(app, job)


def publish_index(app, job: Indexer) -> None:
    """Pagefind's index, once made, into the site (:func:`index_site`)."""
    try:
        _stage_site_meanwhile(app)
        job.join()
        if job.error:
            raise ExtensionError(job.error)
        outdir = Path(app.builder.outdir)
        (outdir / "searchindex.js").unlink(missing_ok=True)  # Sphinx's, from a build before
        finish_bundles(job)
        publish_parts(job, outdir / BUNDLE)
        numbers = range(1, len(job.parts) + 1)
        published = [job.part_folder(number, outdir / BUNDLE) for number in numbers]
        preload_index(Path(app.builder.get_outfilename("search")), published)
    finally:
        shutil.rmtree(job.scratch, ignore_errors=True)


def finish_bundles(job: Indexer) -> None:
    """Each part's bundle, made or kept, as it is published: its filters in
    order (:func:`sort_filters`), what no search asks for left out
    (:func:`drop_unused`: a kept first part's scripts, in a later part).  A
    part kept where it is published was finished when it was made."""
    for number in range(1, len(job.parts) + 1):
        if job.kept.get(number) == number:  # kept where it is published
            continue
        sort_filters(job.part_folder(number))
        drop_unused(job.part_folder(number), first=number == 1)


def _stage_site_meanwhile(app) -> None:
    """While Pagefind finishes (about 1.5 s after the feeds at 1000 posts), the
    site ``python -m blogarchive.build`` will publish is staged (build.Staging),
    but the search page, which :func:`index_site` still writes.  The last
    index is staged too: :func:`_sync` then replaces only the files that
    differ, and staging them again after is about 0.1 s shorter (1070 files
    at 1000 posts, where an edit changes a few)."""
    from . import build

    staging, outdir = build.staging, Path(app.builder.outdir)
    if staging is not None and staging.work == outdir:
        search_page = Path(app.builder.get_outfilename("search")).relative_to(outdir)
        staging.update(skip=frozenset({str(search_page)}))


#: Pagefind's ready-made search interfaces, which the search page does not use
#: (it has its own, _static/search.js): about 0.4 MB that no reader would fetch.
#: (Its worker is kept: the search page runs Pagefind in the page, but in the
#: worker in a browser that may not compile WebAssembly in a page.)
UNUSED_UI = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


def stage_pages(site: Path, cut: dict, cuts: PageCuts) -> None:
    """A part's pages at their place in ``site``, a folder of their own, each
    cut to what Pagefind reads of it (:func:`searched_part`): Pagefind makes
    the same index 13 % sooner than from the whole pages (tested).  The
    folder is kept between builds, beside the doctrees: only a page whose
    cut is not already there is written, and a page that left the part is
    removed (writing the 1000 pages afresh for each edit took 0.33 s before
    Pagefind could start).  ``cut``: each page's digest (:class:`PageCuts`)."""
    wanted = {Path(rel) for rel, digest in cut.items() if digest is not None}
    if site.is_dir():
        for path in [p for p in site.rglob("*") if p.is_file()]:
            if path.relative_to(site) not in wanted:
                path.unlink()
    for rel, digest in cut.items():
        if digest is not None:  # a document with no page has no text
            searched = cuts.cut(rel, digest, site / rel)
            if searched is not None:
                write_if_changed(site / rel, searched)


@functools.cache
def pagefind_binary() -> Path:
    """Pagefind's binary, found where ``python -m pagefind`` looks for it
    (``PAGEFIND_BINARY_PATH``; the ``pagefind[bin]`` wheel's packages, the
    extended one first; the ``PATH``), run directly: ``python -m pagefind``
    started Python and asyncio first, 0.15 s a run.  Its own lookup
    (``pagefind.service.get_executable``) is not imported: its package
    imports asyncio, 0.09 s of every build."""
    chosen = os.environ.get("PAGEFIND_BINARY_PATH")
    if chosen:
        return Path(chosen)
    for package in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            return Path(importlib.import_module(package).get_executable())
        except ImportError:
            continue
    found = shutil.which("pagefind_extended") or shutil.which("pagefind")
    if found is None:
        raise ExtensionError("pagefind's binary is not installed: pip install 'pagefind[bin]'")
    return Path(found)


#: The folders of Pagefind's files named by a hash of their contents that
#: its next index mostly shares with the last: a page's text, a word range.
SHARED = ("fragment", "index")


def link_last_index(published: Path, output: Path) -> None:
    """Link the last index's page fragments and word chunks into the folder
    Pagefind is to write its new index in.  Pagefind neither compresses (at
    gzip's best level) nor writes a file it names by its contents' hash that
    is there already (its ``WriteBehavior::Immutable``; tested), so an edit
    has it make only the edited page's fragment and the chunks that changed:
    1.9 s instead of 2.3 s for 1000 pages.  The files it writes again in
    place (its scripts, the entry file) are not linked: the last index's are
    the published site's (build.LINKED), and none is ever written into.
    Nothing is linked from an index another version of Pagefind made: its
    files may differ in more than their names say."""
    try:
        made_by = json.loads((published / "pagefind-entry.json").read_text("utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return
    if made_by != _pagefind_version():
        return
    for kind in SHARED:
        if (published / kind).is_dir():
            (output / kind).mkdir(parents=True, exist_ok=True)
            for path in (published / kind).iterdir():
                os.link(path, output / kind / path.name)


def prune_index(bundle: Path) -> None:
    """Remove the fragments and chunks the new index does not name (those
    :func:`link_last_index` brought that changed since)."""
    named = set()
    for meta in _metas(bundle).values():
        named |= {f"fragment/{page[0]}.pf_fragment" for page in meta[1]}
        named |= {f"index/{chunk[2]}.pf_index" for chunk in meta[2]}
    for kind in SHARED:
        for path in (bundle / kind).glob("*") if (bundle / kind).is_dir() else ():
            if f"{kind}/{path.name}" not in named:
                path.unlink()


def _metas(bundle: Path) -> dict:
    """Each language's meta file, read (Pagefind 1.5's layout: [version,
    pages as [fragment hash, words], index chunks as [from, to, hash],
    filters as [name, file hash], sorts, meta fields]); another layout is an
    error, not a silently different index."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    metas = {}
    for code, language in entry["languages"].items():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read_index_file(meta_path)
        if not (isinstance(meta, list) and len(meta) == 6 and isinstance(meta[3], list)):
            raise ExtensionError(
                f"pagefind {entry.get('version')}: unknown index layout in {meta_path.name}"
            )
        metas[code] = meta
    return metas


class PageCuts:
    """What Pagefind reads of each page (:func:`searched_part`), known by its
    digest.  A page whose file is as it was when a build last read it (its
    inode, size and times, in ``record``, beside the doctrees) is not read
    again: reading and cutting every page took 0.07 s of each build at 1000
    posts, and twice that while the archive's pages were rendered."""

    def __init__(self, outdir: Path, record: Path) -> None:
        self.outdir, self.record = outdir, record
        try:
            seen = json.loads(record.read_text("utf-8"))
        except (OSError, ValueError):
            seen = {}
        self.seen = seen if isinstance(seen, dict) else {}
        self.now: dict[str, list] = {}  # what :meth:`save` records
        self.read: dict[Path, bytes] = {}  # the cuts of the pages read this time

    def digest(self, rel: Path) -> str | None:
        """The digest of the page's cut; None for a document that has no page."""
        path = self.outdir / rel
        try:
            stat = path.stat()
        except FileNotFoundError:
            return None
        signature = [stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]
        known = self.seen.get(str(rel))
        if isinstance(known, list) and known[:4] == signature:
            digest = known[4]
        else:
            self.read[rel] = searched_part(path.read_bytes())
            digest = hashlib.sha256(self.read[rel]).hexdigest()
        self.now[str(rel)] = [*signature, digest]
        return digest

    def cut(self, rel: Path, digest: str, staged: Path) -> bytes | None:
        """The page's cut to stage; None when ``staged`` already holds it."""
        if rel in self.read:
            return self.read[rel]
        try:
            if hashlib.sha256(staged.read_bytes()).hexdigest() == digest:
                return None
        except OSError:
            pass
        return searched_part((self.outdir / rel).read_bytes())

    def save(self) -> None:
        self.record.parent.mkdir(parents=True, exist_ok=True)
        self.record.write_text(json.dumps(self.now), "utf-8")


def part_digest(cut: dict) -> str:
    """What a part's index is made from: Pagefind's version and options, and
    each page's address and the digest of its :func:`searched_part` (not the
    sidebar or the footer, which change on every page for a new post or a new
    commit, and are not searched)."""
    digest = hashlib.sha256(f"{_pagefind_version()}\0{EXCLUDED}\0".encode())
    for rel, searched in cut.items():
        digest.update(b"\0".join([str(rel).encode(), (searched or "").encode(), b""]))
    return digest.hexdigest()


def searched_part(html: bytes) -> bytes:
    """What Pagefind reads of a document's page: its ``<html>`` tag (the
    language), and the element marked ``data-pagefind-body`` up to the
    page's own footer (the last ``<footer``), in a ``<body>``; a page not
    so marked, whole."""
    mark, end = html.find(b"data-pagefind-body"), html.rfind(b"<footer")
    start = html.rfind(b"<", 0, mark)
    opening = html.find(b"<html")
    if not 0 <= opening < start < mark < end:
        return html
    tag = html[opening : html.find(b">", opening) + 1]
    return tag + b"<body>" + html[start:end] + b"</body></html>"


@functools.cache
def _pagefind_version() -> str:
    try:
        return importlib.metadata.version("pagefind")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def drop_unused(bundle: Path, first: bool = True) -> None:
    """Leave out of the bundle what no search asks for: Pagefind's own search
    interfaces, and the WebAssembly of languages the site has no page in
    (Pagefind writes one for pages of no known language, ``unknown``, always).
    A later part keeps only its index: its script, worker and WebAssembly are
    the first part's (Pagefind's ``mergeIndex`` loads none of its own)."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    wanted = {f"wasm.{language['wasm']}.pagefind" for language in entry["languages"].values()}
    for path in bundle.iterdir():
        if first:
            unused = path.name in UNUSED_UI or (
                path.name.startswith("wasm.") and path.name not in wanted
            )
        else:
            unused = path.is_file() and not path.name.endswith((".pf_meta", "-entry.json"))
        if unused:
            path.unlink()


#: The search page's preloads of Pagefind's entry and meta files
#: (``_templates/page.html``): ``pagefind/pagefind.<language>.pf_meta`` as the
#: template writes it; then, as :func:`preload_index` names them, for each
#: part ``pagefind/pagefind-entry.json?ts=<tag>`` and
#: ``pagefind/pagefind.<language>_<hash>.pf_meta``, ``pagefind/part-2/...``.
_INDEX_PRELOADS = re.compile(
    r'(?:<link rel="preload" href="(?P<root>[^"]*)pagefind/(?:part-\d+/)?'
    r'(?:pagefind-entry\.json\?ts=[0-9a-f]+|pagefind\.[^"/_]+(?:_[0-9a-f]+)?\.pf_meta)'
    r'" as="fetch" crossorigin(?: data-pages="\d+")?>\n?)+'
)
_META_LANGUAGE = re.compile(r'pagefind\.(?P<language>[^"/_]+)(?:_[0-9a-f]+)?\.pf_meta"')


def preload_index(page: Path, folders: list[Path]) -> None:
    """Name each part's entry and meta files (``folders``: the bundle, then
    each later part's) in the search page's preloads, so that the first
    search waits for neither (about 0.3 s sooner on a slow network for the
    meta files, 0.3 s more for the entry files).

    - The meta file is named by a hash of the index, known only once the
      index is made.
    - Pagefind asks for the entry file, which names the meta file, with the
      time in its address (``?ts=``) so that no cache serves an old one, or
      with the tag it is given (``metaCacheTag``).  The tag here is a hash of
      the entry file, so a new index has a new address; the search page's
      script gives Pagefind the tag its preload used (_static/search.js), and
      asks again without one should a reader's cache hold an entry file
      from before the site was last published.

    Each entry file's preload also says how many pages its part holds
    (``data-pages``): the search page searches the newest parts that hold
    enough pages at once (_static/search.js).

    A page still naming an earlier index's files gets the new ones; the
    search page's script searches the parts it names."""
    html = page.read_text("utf-8")

    def named(match: re.Match) -> str:
        code = _META_LANGUAGE.search(match[0])["language"]
        links = []
        for folder in folders:
            entry = (folder / "pagefind-entry.json").read_bytes()
            languages = json.loads(entry)["languages"]
            language = languages.get(code) or languages.get(code.lower())
            if language is None and len(languages) == 1:  # one Pagefind has no stemmer for
                language = next(iter(languages.values()))
            if language:
                where = match["root"] + folder.relative_to(folders[0].parent).as_posix()
                tag = hashlib.sha256(entry).hexdigest()[:16]
                pages = language.get("page_count")  # the search page's waves
                counted = f' data-pages="{pages}"' if pages else ""
                links += [
                    f'<link rel="preload" href="{where}/pagefind-entry.json?ts={tag}"'
                    f' as="fetch" crossorigin{counted}>\n',
                    f'<link rel="preload" href="{where}/pagefind.{language["hash"]}.pf_meta"'
                    ' as="fetch" crossorigin>\n',
                ]
        return "".join(links)

    new, found = _INDEX_PRELOADS.subn(named, html, count=1)
    if not found:
        raise ExtensionError(f"{page}: no preload of Pagefind's meta file to name")
    if new != html:
        page.write_text(new, "utf-8")


_SIGNATURE = b"pagefind_dcd"  # before the CBOR of each of Pagefind's index files


def sort_filters(bundle: Path) -> None:
    """Make Pagefind's filter files, and the meta file listing them, the same
    bytes for the same site: values and filters sorted by name, files named
    by a hash of what they hold, the entry file pointing at the new meta.

    The layout read is Pagefind 1.5's (``pagefind-entry.json`` -> per language
    ``pagefind.<hash>.pf_meta``: [version, pages, index chunks, filters as
    [name, file hash], sorts, meta fields]; ``filter/<hash>.pf_filter``: [name,
    [[value, pages]...]]), each gzipped after a signature; another layout is
    an error, not a silently different index."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    metas = _metas(bundle)
    for code, language in entry["languages"].items():
        meta, meta_path = metas[code], bundle / f"pagefind.{language['hash']}.pf_meta"
        prefix, old_digest = language["hash"].split("_", 1)
        filters = []
        for name, old_hash in meta[3]:
            old_path = bundle / "filter" / f"{old_hash}.pf_filter"
            values = _read_index_file(old_path)
            values[1].sort(key=lambda value: value[0])
            digest = _write_index_file(bundle / "filter", prefix, values, ".pf_filter", 7)
            new_hash = f"{prefix}_{digest}"
            if new_hash != old_hash:
                old_path.unlink()
            filters.append([name, new_hash])
        meta[3] = sorted(filters)
        digest = _write_index_file(bundle, f"pagefind.{prefix}", meta, ".pf_meta", 10)
        if digest != old_digest:
            meta_path.unlink()
        language["hash"] = f"{prefix}_{digest}"
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    if entry_path.read_text(encoding="utf-8") != text:  # a kept part's is a link: replaced
        entry_path.unlink()
        entry_path.write_text(text, "utf-8")


def _read_index_file(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_SIGNATURE):
        raise ExtensionError(f"pagefind: {path.name} is not an index file")
    return cbor2.loads(data[len(_SIGNATURE) :])


def _write_index_file(folder: Path, prefix: str, value, suffix: str, length: int) -> str:
    """Write ``value`` as Pagefind does (signature, CBOR, gzip without a date);
    its name is ``<prefix>_<hash of the bytes>``; returns the hash."""
    data = gzip.compress(_SIGNATURE + cbor2.dumps(value), mtime=0)
    digest = hashlib.sha256(data).hexdigest()[:length]
    path = folder / f"{prefix}_{digest}{suffix}"
    if not path.exists():  # there, it holds these bytes (a kept part's: a link, not written)
        path.write_bytes(data)
    return digest


def publish_parts(job: Indexer, bundle: Path) -> None:
    """The index's parts into the site's ``bundle``: each part made or moved,
    its files that differ (:func:`_sync`); a part kept where it is published
    left untouched (an edit at 1000 posts in the preview's parts of 200
    (100 now): 0.3 s less than copying four parts and comparing them again); the parts
    the blog no longer has, gone.  No bundle yet (a clean build): the new
    one moved whole.  Then the digests the parts were made from are recorded
    (:func:`published_parts`)."""
    if not bundle.exists():
        bundle.parent.mkdir(parents=True, exist_ok=True)
        os.replace(job.bundle, bundle)
    else:
        for number in range(1, len(job.parts) + 1):
            if job.kept.get(number) != number:  # not kept where it is published
                _sync(job.part_folder(number), job.part_folder(number, bundle))
        for folder in bundle.glob("part-*"):
            if not _part(folder.name) or int(folder.name[5:]) > len(job.parts):
                shutil.rmtree(folder)
    if job.record is not None:
        job.record.parent.mkdir(parents=True, exist_ok=True)
        job.record.write_text(json.dumps(job.digests, sort_keys=True), "utf-8")


def _part(name: str) -> bool:
    """Whether ``name`` is a later part's folder inside the first's (part-2...)."""
    return re.fullmatch(r"part-\d+", name) is not None


def _sync(new: Path, bundle: Path) -> None:
    """Make ``bundle`` hold what ``new`` holds, touching only files that differ,
    but the later parts' folders inside the first part's (:func:`publish_parts`
    syncs each).  A file that differs is moved over the old one (``new`` is
    scratch), never written into: the published site's index files are links
    to these (build.LINKED)."""

    def own(folder: Path) -> set[Path]:
        files = (p.relative_to(folder) for p in folder.rglob("*") if p.is_file())
        return {rel for rel in files if not _part(rel.parts[0])}

    made = own(new) if new.is_dir() else set()
    for rel in sorted(made):
        target = bundle / rel
        if not _same_file(target, new / rel, _named_by_contents(rel)):
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(new / rel, target)
    for rel in own(bundle) - made if bundle.is_dir() else ():
        (bundle / rel).unlink()


def _same_file(old: Path, new: Path, named_by_contents: bool) -> bool:
    """Whether ``old`` holds ``new``'s bytes: for a file named by their hash,
    whether it is there with the same size."""
    if not old.is_file():
        return False
    if named_by_contents:
        return old.stat().st_size == new.stat().st_size
    return old.read_bytes() == new.read_bytes()


def _named_by_contents(rel: Path) -> bool:
    """A file Pagefind (or :func:`sort_filters`) names by a hash of its bytes
    (``fragment/en_2f1c0a3.pf_fragment``, ``pagefind.en_b668debd29.pf_meta``):
    one of the same name and size holds the same bytes, and is not read to
    be compared (about 0.1 s of an edit at 1000 posts: 1070 files read twice)."""
    return rel.suffix in {".pf_fragment", ".pf_index", ".pf_filter", ".pf_meta"} and bool(
        re.fullmatch(r"(?:pagefind\.)?[^_]+_[0-9a-f]{7,}", rel.stem)
    )
