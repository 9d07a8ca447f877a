"""Incremental builds that write exactly what a clean build would, and no more.

- A post's *listing signature* (title, date, tags, category, author, old
  addresses, excerpt, word count) is kept in the environment.  Every page shows
  lists built from them (sidebar, related, older/newer), so when one changes, or
  a post comes or goes, every page is written again; a new excerpt or reading
  time rewrites the home page; an edit to the rest of a post's body rewrites
  only that post.
- The commit in every page's footer: a new one (each push, in CI) changes
  that line alone, which is put in place in the pages written before
  (:func:`restamp_footers`) rather than every page rendered again.
- Pages and feeds the archive generates are rendered again only when what they
  show changed (see GeneratedFiles): an edited post's list pages and feeds, not
  the others.  Files are written only when their bytes change, and those no
  longer generated (a tag that lost its last post) are deleted, as are the pages
  of removed posts.
- Before Sphinx or the archive forks its workers, the objects the build has
  made are frozen for Python's garbage collector (:func:`freeze_before_fork`),
  so a worker's collections do not write to — and copy — every page of memory
  it shares with the main process (Python's ``gc.freeze`` advice).
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import multiprocessing
from pathlib import Path
from urllib.parse import unquote

from . import patches
from .ablog_compat import posts_read
from .state import archive_data, build_state

MANIFEST = ".blogarchive-pages"


def _signature(info: dict, comments, sticky) -> tuple:
    return (
        info["title"],
        info["date"],
        tuple(info["tags"]),
        tuple(info["category"]),
        tuple(info["author"]),
        tuple(info["redirect"]),
        " ".join(node.astext() for node in info["excerpt"]),
        info["words"],  # reading time, shown in lists
        comments,  # the number of comments kept, shown in lists
        sticky,  # whether the home page shows it first
    )


def record_signature(app, doctree) -> None:
    """``doctree-read``, after ABlog's: remember what lists show of this post.

    ABlog also keeps a copy of each post's doctree in the environment, which is
    pickled and loaded again on every build: for a file holding one post (every
    post here) the copy is dropped, its words counted first; the feeds read the
    post's own doctree back when they need it (archive.BlogArchive.full_html).
    """
    env = app.env
    posts = posts_read(env).get(env.docname)
    if posts:
        for info in posts:
            if info.get("doctree") is not None:
                info["words"] = len(info["doctree"].astext().split())
            for node in info["excerpt"]:  # copied text nodes still point at the
                for part in node.findall():  # whole document, pickled with them
                    part.document = None
        if len(posts) == 1 and not posts[0]["section"]:
            posts[0]["doctree"] = None
        metadata = env.metadata.get(env.docname, {})
        comments, sticky = metadata.get("comments"), metadata.get("sticky")
        signatures = tuple(_signature(i, comments, sticky) for i in posts)
        archive_data(env)["listing"][env.docname] = signatures


def before_reading(app, env, added, changed, removed):
    """``env-get-outdated``: note the signatures as they were; drop removed pages."""
    build_state(app.config).listing_before = dict(archive_data(env)["listing"])
    outdir = Path(app.builder.outdir)
    for docname in removed:
        (outdir / unquote(app.builder.get_target_uri(docname))).unlink(missing_ok=True)
    return []


def pages_to_rewrite(app, env):
    """``env-get-updated``: every page when what lists show has changed."""
    build, data = build_state(app.config), archive_data(env)
    before, after = build.listing_before, data["listing"]
    head = footer_key(app)
    footer_changed = data["head"] != head
    data["head"] = head
    pages = site_pages(env)  # the sidebar links every static page by its title
    pages_changed = data["site_pages"] != pages
    data["site_pages"] = pages
    if footer_changed or pages_changed or _on_every_page(before) != _on_every_page(after):
        return sorted(env.found_docs)
    if before != after:  # only excerpts, reading times, comments, pins: the home page's list
        return [app.config.root_doc]
    return []


#: The footer's line naming the commit the site was built from
#: (``_templates/components/build-identity.html``).
IDENTITY = b'<div class="build-identity">'
#: The footer line the pages in the work folder carry (:func:`restamp_footers`).
FOOTER = ".blogarchive-footer"


def footer_line(app) -> bytes:
    """The footer's commit line as this build renders it: empty when the site
    is built outside git (the pages name no commit) or its templates have no
    such line."""
    from jinja2 import TemplateNotFound

    from .archive import blog_archive

    context = {"archive": blog_archive(app)}
    try:
        html = app.builder.templates.render("components/build-identity.html", context)
    except TemplateNotFound:
        return b""
    html = html.encode("utf-8").strip()
    return html if html.startswith(IDENTITY) and html.count(b"</div>") == 1 else b""


def footer_key(app) -> str | None:
    """What every page's footer says of the commit, as far as it decides what
    is rendered again: None outside git or in the e-book (no line: every
    page changes when one comes), ``restamped`` when :func:`restamp_footers`
    puts a new commit's line in place, else the commit (a site's own
    template of that line, which it could not find: every page rendered
    again for each commit)."""
    from .epub import for_site

    build = build_state(app.config)
    if not (build.history and build.history.head) or not for_site(app.builder):
        return None  # (the e-book's pages have no footer)
    return "restamped" if footer_line(app) else build.history.head.sha


def restamp_footers(app, exception) -> None:
    """``build-finished``, before the site is staged: each page written before
    this build gets this commit's line in its footer, the last
    ``build-identity`` block of the page (a post's words come before the
    footer), as the template renders it.  A push in CI changes that line on
    every page: rendering them all again took 70 % of a clean build's time
    at 1000 posts, this 0.25 s.  The line the pages carry is recorded once
    they all carry it: the pages are looked at again only for another commit."""
    from .epub import for_site

    if exception is not None or not for_site(app.builder):
        return
    line, outdir = footer_line(app), Path(app.builder.outdir)
    record = outdir / FOOTER
    try:
        if record.read_bytes() == line:
            return
    except OSError:
        pass
    if line:
        generated = build_state(app.config).generated
        pages = {Path(app.builder.get_outfilename(d)) for d in app.env.found_docs}
        pages |= {outdir / rel for rel in (generated.keys if generated else ())}
        for page in sorted(p for p in pages if p.suffix == ".html"):
            _restamp(page, line)
    write_if_changed(record, line)


def _restamp(page: Path, line: bytes) -> None:
    try:
        data = page.read_bytes()
    except FileNotFoundError:
        return
    start = data.rfind(IDENTITY)
    if start < 0:
        return
    end = data.index(b"</div>", start) + len(b"</div>")
    restamped = data[:start] + line + data[end:]
    if restamped != data:  # (the page is read already: write_if_changed would read it again)
        with patches.written_whole(page) as scratch:
            scratch.write_bytes(restamped)


def site_pages(env) -> tuple:
    """(docname, title, parent, order) of each static page (pages/), as the
    sidebar shows them (archive.page_place)."""
    from .archive import page_place

    return tuple(
        sorted(
            (d, env.titles[d].astext(), *page_place(env.metadata.get(d, {})).values())
            for d in env.found_docs
            if d.startswith("pages/") and d in env.titles
        )
    )


def _on_every_page(signatures: dict) -> dict:
    """What pages show of other posts (sidebar, related, older/newer): all but the
    excerpt, the word count, the number of comments and whether it is pinned,
    which only lists show."""
    return {d: tuple(s[:-4] for s in sigs) for d, sigs in signatures.items()}


#: Templates of pages that are all their own (no theme, sidebar or script
#: around them: an old address's page, which leads straight on), rendered
#: from their own context, not Sphinx's page context (the sidebar, the
#: theme's links): 0.12 ms a page, not 0.9 ms.  A WordPress blog of 2000
#: posts has 4000 of them, its posts' old addresses and their feeds'.
WHOLE_PAGES = frozenset({"blog/redirect.html"})


def _whole_page(app, docname: str, context: dict, template: str) -> bytes:
    """The bytes Sphinx's ``handle_page`` writes for a :data:`WHOLE_PAGES`
    template, which reads its context, the site's language and the page's
    security policy alone."""
    from . import csp

    policy = csp.page_policy(app, docname)
    page = {"language": app.config.language, "content_security_policy": policy, **context}
    output = app.builder.templates.render(template, page)
    return output.encode(app.config.html_output_encoding, "xmlcharrefreplace")


def write_if_changed(path: Path, data: bytes) -> None:
    """Write ``path`` only when its bytes change: its mtime then says when
    they did, and an unchanged file is neither written nor staged again.
    Written whole: beside its place, then moved over the old file, which a
    reader (``blog serve``'s server) never sees truncated."""
    path = Path(path)
    try:
        if path.read_bytes() == data:
            return
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    with patches.written_whole(path) as scratch:
        scratch.write_bytes(data)


class GeneratedFiles:
    """The files the archive writes itself: each rendered only when what it shows
    changed, written only when its bytes did, kept only while it is still made.

    Every page and feed gets a key: a digest of what all pages share (the
    posts' titles, dates, tags and the rest of their listing signatures,
    whether the footer names a commit, the settings and the templates) and of
    the posts it shows, each by when it was last read.  A page whose key is
    the one recorded by the last build (in ``MANIFEST``) is kept as it is: an
    edit to one post renders only the pages and feeds that show it, a new
    commit none (:func:`restamp_footers`).
    """

    def __init__(self, app):
        self.app = app
        self.outdir = Path(app.builder.outdir)
        self.keys: dict[str, str] = {}
        self.previous = self._load()
        self._shared = self._shared_key()

    def _load(self) -> dict[str, str]:
        manifest = self.outdir / MANIFEST
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        # Until this build finishes, no file is known to be fresh: one that
        # breaks off half-way must not leave its pages passing for the old ones.
        self._save(manifest, dict.fromkeys(data, ""))
        return data

    @staticmethod
    def _save(manifest: Path, keys: dict[str, str]) -> None:
        manifest.parent.mkdir(parents=True, exist_ok=True)
        manifest.write_text(json.dumps(keys, indent=0, sort_keys=True) + "\n", encoding="utf-8")

    def _shared_key(self) -> str:
        from . import __version__

        app, env = self.app, self.app.env
        templates = app.builder.templates
        shared = (
            __version__,
            repr(sorted(_on_every_page(archive_data(env)["listing"]).items())),
            archive_data(env)["head"],  # not the commit itself: restamp_footers
            site_pages(env),
            str(app.builder.build_info.config_hash),
            str(app.builder.build_info.tags_hash),
            templates.newest_template_mtime() if templates else 0,
            build_state(app.config).site_css,  # every page links it by its checksum
        )
        return hashlib.sha1(repr(shared).encode("utf-8")).hexdigest()

    def _key(self, rel: str, shows) -> str:
        """``shows``: the posts the page shows (docnames), and what else it
        shows that is no post's, as a tuple (the All posts page's e-book)."""
        read = self.app.env.all_docs  # when each post was last read
        versions = [(d, read.get(d)) if isinstance(d, str) else d for d in shows]
        return hashlib.sha1(repr((self._shared, rel, versions)).encode("utf-8")).hexdigest()

    def fresh(self, path: Path, shows) -> bool:
        """Note ``path``'s key (it shows the posts ``shows``); whether the file
        already there was made from the same inputs."""
        rel = Path(path).relative_to(self.outdir).as_posix()
        key = self.keys[rel] = self._key(rel, shows)
        return self.previous.get(rel) == key and Path(path).exists()

    def write(self, path: Path, data: bytes) -> None:
        """Write only when the bytes change (:func:`write_if_changed`), and
        keep the file in the manifest."""
        path = Path(path)
        self.keys.setdefault(path.relative_to(self.outdir).as_posix(), "")
        write_if_changed(path, data)

    def file_of(self, docname: str) -> str:
        """Where a page lives on disk: its address, unquoted (``search/label/social work.html``
        is what a server finds for ``/search/label/social%20work``)."""
        return unquote(self.app.builder.get_target_uri(docname))

    def page_is_fresh(self, docname: str, shows) -> bool:
        return self.fresh(self.outdir / self.file_of(docname), shows)

    def write_page(self, docname: str, context: dict, template: str) -> None:
        """Render a page like Sphinx does; keep it only if it differs."""
        builder = self.app.builder
        target = self.outdir / self.file_of(docname)
        if template in WHOLE_PAGES:
            self.write(target, _whole_page(self.app, docname, context, template))
            return
        if not target.exists():  # nothing to compare with (a clean build): straight there
            target.parent.mkdir(parents=True, exist_ok=True)
            builder.handle_page(docname, context, template, outfilename=str(target))
            return
        scratch = target.with_name(target.name + ".new")
        scratch.parent.mkdir(parents=True, exist_ok=True)
        builder.handle_page(docname, context, template, outfilename=str(scratch))
        self.write(target, scratch.read_bytes())
        scratch.unlink()

    def finish(self) -> None:
        """Delete what an earlier build generated and this one did not; record the keys."""
        for rel in set(self.previous) - set(self.keys):
            (self.outdir / rel).unlink(missing_ok=True)
        self._save(self.outdir / MANIFEST, self.keys)


def writers(app) -> int:
    """Processes that write pages: one per core Sphinx was given (``-j``) but
    one, which Pagefind takes while the archive's own pages are rendered
    (search.py).  Reading has every core: Pagefind has not started."""
    return max(1, (getattr(app, "parallel", 1) or 1) - 1)


def write_documents_serially_on_two_cores(app) -> None:
    """``builder-inited``: Sphinx writes documents in parallel with its main
    process busy resolving and handing each doctree to ``-j`` minus one
    workers: with one worker (``-j 2``) that was slower than writing in the
    main process alone (7.0 s against 5.1 s at 1000 posts; reading in two
    processes saved 2.6 s).  So on two cores the posts are read in parallel
    and written serially."""
    if app.builder.name == "html" and writers(app) <= 1:
        app.builder.allow_parallel = False
        if (app.parallel or 1) >= 2:  # the archive's worker beside it (pages.py)
            app.builder._write_serial = functools.partial(_write_from_the_first, app)


def _write_from_the_first(app, docnames) -> None:
    """The main process's writing on two cores: the documents from the first,
    as long as the archive's worker has not taken them (:class:`DocumentQueue`)."""
    queue = build_state(app.config).documents = DocumentQueue(docnames)
    patches.write_serially(app.builder, queue)


class DocumentQueue:
    """The documents to write, in order, shared by two processes: the main
    process takes them from the first, the archive's worker (forked after
    this is made: pages.start_archive_pages), once its own pages are
    written, from the last, until the two meet.  At 1000 posts that worker
    was done after 3.0 s of the main process's 5.6 s."""

    def __init__(self, docnames) -> None:
        context = multiprocessing.get_context("fork")  # Sphinx's workers' too
        self.docnames = list(docnames)
        self._ends = context.RawArray("i", [0, len(self.docnames)])  # first untaken, end
        self._lock = context.Lock()

    def __len__(self) -> int:  # Sphinx's progress
        return len(self.docnames)

    def __iter__(self):
        while (docname := self._take(first=True)) is not None:
            yield docname

    def from_the_last(self):
        while (docname := self._take(first=False)) is not None:
            yield docname

    def _take(self, first: bool) -> str | None:
        with self._lock:
            start, end = self._ends
            if start >= end:
                return None
            if first:
                self._ends[0] = start + 1
                return self.docnames[start]
            self._ends[1] = end - 1
            return self.docnames[end - 1]


def write_from_the_last(app) -> dict:
    """In the archive's worker, its own pages written: documents from the last
    (:class:`DocumentQueue`).  Returns the images they show, which the main
    process copies into the site with its own (``builder.images``)."""
    queue, builder = build_state(app.config).documents, app.builder
    before = set(builder.images)
    for docname in queue.from_the_last() if queue is not None else ():
        patches.write_document(builder, docname)
    return {uri: name for uri, name in builder.images.items() if uri not in before}


def run_tasks(app, tasks: list) -> None:
    """Run ``tasks`` (callables writing files, returning nothing) in Sphinx's
    worker processes when the build has more than one writer (:func:`writers`),
    else one by one.

    Workers are forked: they share what the archive has computed so far and
    render their share of pages; their warnings reach the build's log.
    """
    from sphinx.util.parallel import parallel_available

    nproc = writers(app)
    if nproc <= 1 or not parallel_available or len(tasks) < 4 * nproc:
        for task in tasks:
            task()
        return
    start_tasks(tasks, nproc).join()


def start_tasks(tasks: list, nproc: int, chunks: int = 2, done=None):
    """``tasks`` handed to ``nproc`` forked workers, ``chunks`` each, in order;
    the workers (Sphinx's ``ParallelTasks``), to ``join()``, which calls
    ``done`` with each task's result.  (A chunk waiting for a worker starts
    only when ``join`` is called: one left to work alone, in the background,
    is handed its tasks in one chunk.)"""
    from sphinx.util.parallel import ParallelTasks

    freeze_before_fork()
    workers = ParallelTasks(nproc)
    on_done = None if done is None else lambda _chunk, results: [done(r) for r in results]
    for chunk in patches.in_chunks(tasks, chunks * nproc):
        workers.add_task(_run_chunk, chunk, on_done)
    return workers


#: Fewer documents to read than this are read by the main process: Sphinx reads
#: even one in a forked worker, which sends back the whole environment,
#: pickled (at 1000 posts, 0.15 s for one edited post that takes 0.02 s to read).
FEW_TO_READ = 8


def read_few_here(app, _env, docnames: list) -> None:
    """``env-before-read-docs``, last: a few documents read without a worker
    (Sphinx decides right after this event, by ``app.parallel``, restored
    once they are read: :func:`parallel_again`)."""
    if app.parallel > 1 and len(docnames) < FEW_TO_READ:
        build_state(app.config).parallel, app.parallel = app.parallel, 1


def parallel_again(app, _env) -> list:
    """``env-updated``, first: the build's own number of processes again."""
    build = build_state(app.config)
    if build.parallel:
        app.parallel, build.parallel = build.parallel, 0
    return []


def freeze_before_fork(*_args) -> None:
    """``env-before-read-docs``, ``write-started`` and before the archive's own
    workers: what exists now is left out of garbage collections, in the workers
    forked next and here, until the build ends (:func:`unfreeze`).  At 5000
    posts this cut the build's memory, all processes together, by a tenth."""
    gc.freeze()


def unfreeze(_app, _exception) -> None:
    """``build-finished``: collect as usual again (tests build many sites in one process)."""
    gc.unfreeze()


def _run_chunk(tasks: list) -> list:
    return [task() for task in tasks]


def generated_files(app) -> GeneratedFiles:
    build = build_state(app.config)
    if build.generated is None:
        build.generated = GeneratedFiles(app)
    return build.generated


def finish_build(app, exception) -> None:
    """``build-finished``: clean up what is no longer generated (after a good build)."""
    files = build_state(app.config).generated
    if exception is None and files is not None:
        files.finish()
