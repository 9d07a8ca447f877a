"""Patches of Sphinx's and MyST's internals (issue 14): all in patches.py, each
checked when it loads (a name that is gone, or whose signature changed, fails
the import, naming it) and each in force in a real build.
"""

from __future__ import annotations

import ast
import importlib
import os
import pickle as pickle_module
import re
import time
from pathlib import Path

import pytest
import sphinx.util.docutils as sphinx_docutils
from docutils import nodes

from blogarchive import patches

from media_server import PNG

SRC = Path(__file__).resolve().parents[1] / "src" / "blogarchive"


@pytest.mark.sphinx("html", testroot="furo-trap")
def test_every_patch_is_in_force_in_a_build(app):
    app.build()
    assert patches.in_force() == dict.fromkeys(patches.in_force(), True)


@pytest.mark.parametrize("patch", patches.PATCHES, ids=lambda p: p.name)
def test_a_patched_name_that_is_gone_fails_the_import(monkeypatch, patch):
    monkeypatch.delattr(patch.owner, patch.name)
    with pytest.raises(ImportError, match=patch.name):
        importlib.reload(patches)
    monkeypatch.undo()
    importlib.reload(patches)
    patches.install()


def test_a_changed_signature_fails_the_import(monkeypatch):
    monkeypatch.setattr(sphinx_docutils, "_get_settings", lambda *components, defaults: None)
    with pytest.raises(ImportError, match=r"_get_settings.*is not"):
        importlib.reload(patches)
    monkeypatch.undo()
    importlib.reload(patches)
    patches.install()


def test_no_other_module_assigns_to_sphinx_or_myst():
    """Assignments to attributes of imported sphinx/myst/docutils objects live in patches.py."""
    offenders = []
    for path in SRC.rglob("*.py"):
        if path.name == "patches.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            alias.asname or alias.name.split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
            if (getattr(node, "module", None) or alias.name).split(".")[0]
            in ("sphinx", "myst_parser", "docutils")
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if (
                        isinstance(target, ast.Attribute)
                        and isinstance(target.value, ast.Name)
                        and target.value.id in imported
                    ):
                        offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


@pytest.mark.sphinx("html", testroot="pagination", freshenv=True)
def test_one_option_parser_for_all_the_documents(app, monkeypatch):
    """Sphinx makes a new parser object for each of the 30 posts; the options
    are still built once (they were built for every document)."""
    made = []

    class Counting(patches.OptionParser):
        def __init__(self, *args, **kwargs):
            made.append(kwargs.get("components"))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(patches, "OptionParser", Counting)
    monkeypatch.setattr(patches, "_PARSERS", patches._SettingsParsers())
    app.build()
    assert len(app.env.found_docs) > 30
    assert 0 < len(made) <= 3, made


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: A\ntags: [x, y]\nmyst:\n  enable_extensions: [colon_fence]\n---\nBody\n",
        "no front matter\n",
        "---\n---\n",
        "---\n- a list\n---\n",
        "---\ntitle: [unclosed\n---\n",
    ],
)
def test_front_matter_is_read_as_myst_reads_it(text):
    from myst_parser.config.main import TopmatterReadError, read_topmatter

    def outcome(reader):
        try:
            return reader(text)
        except TopmatterReadError as error:
            return ("error", str(error))

    expected = outcome(read_topmatter)
    if isinstance(expected, dict):  # but for MyST's settings for one file (patches.MYST_SETTINGS)
        expected = {k: v for k, v in expected.items() if k not in patches.MYST_SETTINGS}
    assert outcome(patches._read_topmatter) == expected


@pytest.mark.sphinx("html", testroot="pagination", freshenv=True)
def test_a_build_keeps_no_doctree_in_memory_it_has_written(app):
    """Memory (issue 15): between reading and writing, no document's doctree
    is held as objects (Sphinx's serial read kept them all); after the
    documents' pages are written, no doctree's pickle is held either."""
    held_after_reading = []
    app.connect(
        "env-updated", lambda app, env: held_after_reading.append(len(env._write_doc_doctree_cache))
    )
    app.build()
    assert len(app.env.found_docs) > 30
    assert held_after_reading == [0]
    assert app.env._pickled_doctree_cache == {}
    assert app.statuscode == 0


def test_auto_is_one_sphinx_process_per_core(monkeypatch):
    from blogarchive.build import sphinx_jobs

    monkeypatch.setattr("os.sched_getaffinity", lambda pid: set(range(8)))
    assert sphinx_jobs("auto") == "8"
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0, 1})
    assert sphinx_jobs("auto") == "2"
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0})
    assert sphinx_jobs("auto") == "1"
    assert sphinx_jobs("3") == "3"
    monkeypatch.delattr("os.sched_getaffinity")  # macOS has none
    monkeypatch.setattr("os.cpu_count", lambda: 4)
    assert sphinx_jobs("auto") == "4"


@pytest.mark.sphinx("html", testroot="pagination", parallel=2, srcdir="read-in-parallel")
def test_on_two_cores_reading_is_parallel_and_pages_are_written_by_both_processes(app, tmp_path):
    """``-j 2``: the posts are read by forked workers.  Their pages are
    written by the main process from the first (Sphinx's parallel writing
    keeps its main process busy handing each doctree to ``-j`` minus one
    workers: with one worker, slower than writing serially, 7.0 s against
    5.1 s at 1000 posts), while one forked worker writes the archive's own
    pages on the other core, and then documents from the last, until the
    two meet.  Each is written once; an image of a post the worker wrote is
    in the site.  (The main process is slowed, so that the worker has
    documents left to take.)"""
    log = tmp_path / "pids"
    main = str(os.getpid())
    last = app.srcdir / "posts/2011/post-9.md"
    (app.srcdir / "posts/2011/picture.png").write_bytes(PNG)
    last.write_text(last.read_text() + "\n![A picture](picture.png)\n")

    def note(what):
        def handler(app, pagename, *args):
            kind = what if what == "read" or args[-1] is not None else "archive"
            if kind == "document" and str(os.getpid()) == main:
                time.sleep(0.05)
            with log.open("a") as out:
                out.write(f"{kind} {os.getpid()} {time.monotonic()} {pagename}\n")

        return handler

    app.connect("doctree-read", lambda app, doctree: note("read")(app, app.env.docname, None))
    app.connect("html-page-context", note("document"))
    app.build()
    assert app.statuscode == 0
    seen = [line.split() for line in log.read_text().splitlines()]
    pids = {kind: {s[1] for s in seen if s[0] == kind} for kind in ("read", "document", "archive")}
    # Two chunks of documents per process, each read in a fork of its own
    # (patches._two_chunks_each; Sphinx's own split made three here, fifteen
    # at 1000 posts).
    assert main not in pids["read"] and len(pids["read"]) == 4
    assert len(pids["archive"]) == 1 and main not in pids["archive"]
    assert pids["document"] == {main} | pids["archive"]
    documents = [s[3] for s in seen if s[0] == "document"]
    assert sorted(documents) == sorted(set(documents)) == sorted(app.env.found_docs)
    by_main = sorted(s[3] for s in seen if s[0] == "document" and s[1] == main)
    by_worker = sorted(s[3] for s in seen if s[0] == "document" and s[1] != main)
    assert by_main[-1] < by_worker[0] and by_worker[-1] == "posts/2011/post-9"
    worker = {kind: [float(s[2]) for s in seen if s[0] == kind and s[1] != main] for kind in pids}
    assert len(worker["archive"]) > 20
    main_done = max(float(s[2]) for s in seen if s[0] == "document" and s[1] == main)
    assert min(worker["archive"]) < main_done  # beside the main process's documents
    assert max(worker["archive"]) < min(worker["document"])  # its documents after its own pages
    page = (app.outdir / "posts/2011/post-9.html").read_text()
    image = re.search(r'<img alt="A picture" src="([^"]+)"', page).group(1)
    assert (app.outdir / "posts/2011" / image).resolve().is_file()


def _log_a_record_of_each_level() -> None:
    from sphinx.util import logging as sphinx_logging

    logger = sphinx_logging.getLogger("blogarchive.tests")
    logger.debug("a debug record")
    logger.info("an info record")
    logger.warning("a warning record")


@pytest.mark.sphinx("html", testroot="pagination", srcdir="worker-records")
def test_a_forked_worker_makes_only_the_log_records_the_build_shows(app):
    """Sphinx's forked workers send back every record they make; the build's
    handlers then drop the debug ones.  Made in the worker, they were
    hundreds of MB for the archive's pages of 5000 posts: here the worker
    makes none below the lowest level of the build's handlers."""
    import logging

    from sphinx.util.parallel import ParallelTasks

    sphinx_logger = logging.getLogger("sphinx")
    captures = [h for h in sphinx_logger.handlers if h.level == logging.NOTSET]  # pytest's
    for handler in captures:
        sphinx_logger.removeHandler(handler)
    workers = ParallelTasks(1)
    workers.add_task(_log_a_record_of_each_level, None)  # forked here, with the build's handlers
    for handler in captures:
        sphinx_logger.addHandler(handler)
    received = []
    counter = logging.Handler(logging.NOTSET)
    counter.emit = lambda record: received.append(record.levelno)
    sphinx_logger.addHandler(counter)
    try:
        workers.join()
    finally:
        sphinx_logger.removeHandler(counter)
    assert received == [logging.INFO, logging.WARNING]
    assert "a warning record" in app._warning.getvalue()


def test_documents_are_split_in_two_chunks_per_process_in_order():
    from blogarchive.patches import _two_chunks_each

    documents = [f"posts/{n:04}" for n in range(1001)]
    chunks = _two_chunks_each(documents, 2)
    assert [len(chunk) for chunk in chunks] == [251, 251, 251, 248]
    assert [d for chunk in chunks for d in chunk] == documents
    assert _two_chunks_each(documents[:3], 2) == [[d] for d in documents[:3]]
    assert _two_chunks_each([], 2) == []


def test_a_page_rewritten_is_never_seen_half_written(tmp_path, capfd):
    """A page written again replaces the old one whole (a new file moved over
    it): a reader that opened the old one (``blog serve`` serves the pages
    as they are written) reads all of it, never a page truncated half-way
    (a preview's reload had read 0 of its 13658 bytes).  Sphinx's own pages
    (a post's) and the archive's (the home page) alike."""
    from test_bad_input import build_with

    status, err, _ = build_with(tmp_path, capfd)
    assert status == 0, err
    blog = tmp_path / "blog"
    work = blog / "_build/html.work"
    opened = {rel: (work / rel).open("rb") for rel in ("posts/2010/good.html", "index.html")}
    before = {rel: (work / rel).read_bytes() for rel in opened}
    post = blog / "posts/2010/good.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("Every", "An opening line, added.\n\nEvery"), encoding="utf-8")
    from blogarchive.build import build

    assert build(blog, blog / "_build/html") == 0
    for rel, handle in opened.items():
        with handle:
            assert handle.read() == before[rel], rel
        assert b"An opening line, added." in (work / rel).read_bytes(), rel


def _sphinx_build(source: Path):
    from sphinx.application import Sphinx

    app = Sphinx(source, source, source / "_build/html", source / "_build/doctrees", "html",
                 status=None, warning=None, freshenv=False)  # fmt: skip
    app.build()
    return app


def test_the_previews_environment_read_ahead_is_used_only_while_the_file_is_it(
    tmp_path, monkeypatch
):
    """``blog serve``'s worker reads the last build's environment before the
    change comes (patches.preload_environment): Sphinx is given that one, not
    a second read of the file, only while the file is the one read; a build
    that wrote the file since has the file read, and what it holds shown."""
    from sphinx.application import Sphinx

    monkeypatch.setattr(Sphinx, "_load_existing_env", Sphinx._load_existing_env)
    (tmp_path / "conf.py").write_text("")
    (tmp_path / "index.rst").write_text("First\n=====\n")
    pickle = tmp_path / "_build/doctrees/environment.pickle"
    _sphinx_build(tmp_path)

    patches.preload_environment(pickle.parent)
    read_ahead = patches._PRELOADED[0][2]
    app = _sphinx_build(tmp_path)
    assert app.env is read_ahead

    patches.preload_environment(pickle.parent)
    stale = patches._PRELOADED[0][2]
    written = pickle_module.loads(pickle.read_bytes())  # as another build would write it
    written.titles["index"] = nodes.title(text="Written since")
    pickle.unlink()
    pickle.write_bytes(pickle_module.dumps(written, pickle_module.HIGHEST_PROTOCOL))
    app = _sphinx_build(tmp_path)
    assert app.env is not stale
    assert app.env.titles["index"].astext() == "Written since"

    pickle.write_bytes(b"not a pickle")
    patches.preload_environment(pickle.parent)  # nothing read ahead: Sphinx reads it afresh
    assert not patches._PRELOADED
    (tmp_path / "index.rst").write_text("Second\n======\n")
    assert _sphinx_build(tmp_path).env.titles["index"].astext() == "Second"


@pytest.mark.sphinx("html", testroot="pagination", freshenv=True)
def test_an_old_addresss_page_is_the_page_sphinx_would_write(app, tmp_path):
    """An old address's page is rendered from its own context
    (incremental.WHOLE_PAGES), not Sphinx's page context, which made 4000
    of them at 2000 imported posts take 6 s: the bytes are the ones Sphinx's
    ``handle_page`` writes.  (A template of theirs that came to read more of
    Sphinx's context would fail here, not on the site.)"""
    from urllib.parse import unquote

    from blogarchive import pages

    app.build()
    compared = []
    for docname, context, template, _shows in pages._pages(app):
        if template != "blog/redirect.html":
            continue
        sphinxs = tmp_path / f"{len(compared)}.html"
        app.builder.handle_page(docname, context, template, outfilename=sphinxs)
        written = Path(app.outdir) / unquote(app.builder.get_target_uri(docname))
        assert written.read_bytes() == sphinxs.read_bytes(), docname
        compared.append(docname)
    assert {"feed/index", "comments/feed/index", "2011/index"} <= set(compared), compared
