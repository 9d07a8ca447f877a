"""What the build reported, shown on the pages of a preview (``blog serve``;
``python -m blogarchive.build --preview`` stops at a problem, as the
published build does).

The published build stops at a warning or an error (``-W``), names the file,
the line and the field, and keeps the last good site.  The preview goes on,
so that the author sees the rest: it wrote the page of a post whose front
matter it could not read, or whose HTML it would not take, and said why in
the terminal only — the author, looking at the browser, saw a page without
its date, or without its last paragraphs, and no reason.  Now each page of
the preview lists, at its top, what the build reported about it: the file,
the line, the message.

A handler on Sphinx's logger (:class:`Recorder`) notes each warning and
error.  One located in a page's source (or in its comments file) is kept
with that page in the environment (``archive_data(env)["problems"]``), so a
page written again by a later build, its source unchanged and not read
again, still shows it; it is forgotten when the page is read again (the
collector's ``clear_doc``).  One located elsewhere (``links.yaml``,
``media.yaml``, a post's file the build cannot read, the settings) is listed
on every page the build writes.  Sphinx hands the logger a warning more than
once (held back while documents are read, then let go; a parallel reader's
again in the main process): each is kept once.  Pages are written in worker
processes too, whose logging Sphinx holds back and sends on afterwards: what
a page's own writing reports is read from what is held back (as its doctree
is resolved: a link that leads nowhere, :meth:`Recorder.held_back`) and
caught while its page context is made (its comments file:
:func:`catch_while_writing`, :func:`show_on_page`).
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import weakref
from pathlib import Path

from docutils import nodes
from sphinx.util.logging import NAMESPACE, get_node_location, is_suppressed_warning

from .comments import SUFFIX as COMMENTS_SUFFIX
from .state import archive_data, build_state


class Recorder(logging.Handler):
    """Notes the build's warnings and errors (see the module's docstring)."""

    def __init__(self, app) -> None:
        super().__init__(logging.WARNING)
        self.app = app
        self.page: list | None = None  # while a page's context is made: what it reports
        self.seen: set[tuple] = set()  # (document, problem): every one, once
        self._held: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # record -> noted

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._note(record)
        except Exception:  # noqa: BLE001 - a note lost never stops the build
            self.handleError(record)

    def _note(self, record: logging.LogRecord) -> None:
        found = self.problem(record)
        if found is None:
            return
        docname, problem = found
        self.seen.add((docname, problem))
        if self.page is not None:
            _add(self.page, problem)
        elif docname is not None:
            _add(archive_data(self.app.env)["problems"].setdefault(docname, []), problem)
        else:
            _add(build_state(self.app.config).problems_elsewhere, problem)

    def problem(self, record: logging.LogRecord) -> tuple[str | None, tuple] | None:
        """(the document it is about, or None; the problem) of a warning or
        an error; None for one below them or suppressed (``suppress_warnings``)."""
        kind, subtype = getattr(record, "type", ""), getattr(record, "subtype", "")
        if record.levelno < logging.WARNING or is_suppressed_warning(
            kind, subtype, self.app.config.suppress_warnings
        ):
            return None
        path, line = _where(self.app, getattr(record, "location", None))
        level = "error" if record.levelno >= logging.ERROR else "warning"
        return _page_of(self.app, path), (_shown(self.app, path), line, level, _message(record))

    def held_back(self, docname: str) -> list[tuple]:
        """The problems of ``docname`` that Sphinx holds back (a worker's
        logging, sent on once its pages are written; warnings while pages are
        written): those reported as its doctree was resolved, before its page."""
        found = []
        for handler in logging.getLogger(NAMESPACE).handlers:
            if handler is self or not isinstance(handler, logging.handlers.BufferingHandler):
                continue
            for record in list(handler.buffer):
                if record not in self._held:  # (each read once: a page's worth of checks)
                    with contextlib.suppress(Exception):  # a note lost never stops the build
                        self._held[record] = self.problem(record)
                noted = self._held.get(record)
                if noted is not None and noted[0] == docname:
                    found.append(noted[1])
        return found


def _message(record: logging.LogRecord) -> str:
    """The record's message, without the ``[type.subtype]`` Sphinx's own
    handler writes onto it (``show_warning_types``) when it saw it first."""
    message = logging.LogRecord.getMessage(record).strip()
    kind = ".".join(filter(None, (getattr(record, "type", ""), getattr(record, "subtype", ""))))
    while kind and message.endswith(f" [{kind}]"):
        message = message.removesuffix(f" [{kind}]")
    return message


def _add(problems: list, problem: tuple) -> None:
    if problem not in problems:
        problems.append(problem)


def _where(app, location) -> tuple[str | None, int | None]:
    """The file (a path) and line of a record's ``location``, in any of the
    forms Sphinx takes: ``(docname, line)``, a node, ``"path:line"``, a docname."""
    if isinstance(location, tuple):
        docname, line = (tuple(location) + (None, None))[:2]
        return (_path(app, docname) if docname else None), line
    if isinstance(location, nodes.Node):
        location = get_node_location(location)
    if not location:
        return None, None
    path, colon, line = str(location).rpartition(":")
    if not colon:  # a docname
        return _path(app, location), None
    return path, int(line) if line.isdigit() else None


def _path(app, docname: str) -> str:
    if getattr(app, "env", None) is None:  # before Sphinx made it: the settings, the screening
        return docname
    return str(app.env.doc2path(docname))


def _page_of(app, path: str | None) -> str | None:
    """The document whose page shows a problem in ``path``: its source's, or
    the post's whose comments file it is."""
    if not path or getattr(app, "env", None) is None:
        return None
    if path.endswith(COMMENTS_SUFFIX):  # (its problems shown on the post's page)
        path = path[: -len(COMMENTS_SUFFIX)] + ".md"
    try:
        docname = app.env.path2doc(os.path.abspath(path))
    except ValueError:  # a path on another drive
        return None
    return docname if docname in app.env.found_docs else None


def _shown(app, path: str | None) -> str:
    """``path`` as the author knows it: from the repository's top."""
    if not path:
        return ""
    try:
        return Path(os.path.abspath(path)).relative_to(app.srcdir).as_posix()
    except ValueError:
        return path


def start_recording(app, config) -> None:
    """``config-inited``, before the posts are screened: in a preview, note
    what the build reports."""
    if not config.blog_preview:
        return
    recorder = build_state(config).recorder = Recorder(app)
    logging.getLogger(NAMESPACE).addHandler(recorder)


#: Set to a list by ``blog serve``'s worker (serve.py): each build then adds
#: how many problems it reported, for the server to say so.
COUNTED: list[int] | None = None


def stop_recording(app, exception) -> None:
    """``build-finished``: the next build in this process has its own."""
    state = build_state(app.config)
    if state.recorder is not None:
        logging.getLogger(NAMESPACE).removeHandler(state.recorder)
        if COUNTED is not None:
            COUNTED.append(len(state.recorder.seen))
        state.recorder = None


def catch_while_writing(app, pagename, templatename, context, doctree) -> None:
    """``html-page-context``, first: what making this page's context reports
    (its comments file) is this page's, in whichever process writes it (a
    worker's logging is held back, its handlers taken off, until it ends)."""
    recorder = build_state(app.config).recorder
    if recorder is None:
        return
    recorder.page = []
    logger = logging.getLogger(NAMESPACE)
    if recorder not in logger.handlers:
        logger.addHandler(recorder)
        context["_blogarchive_recorder_added"] = True


def show_on_page(app, pagename, templatename, context, doctree) -> None:
    """``html-page-context``, last: the page's problems for its template
    (``components/problems-banner.html``), the file, line, "error" or
    "warning", and the message of each."""
    state = build_state(app.config)
    recorder = state.recorder
    if recorder is None:
        return
    caught, recorder.page = recorder.page or [], None
    if context.pop("_blogarchive_recorder_added", False):
        logging.getLogger(NAMESPACE).removeHandler(recorder)
    problems: list = []
    for problem in (
        *archive_data(app.env)["problems"].get(pagename, ()),
        *recorder.held_back(pagename),
        *caught,
        *state.problems_elsewhere,
    ):
        _add(problems, problem)
    context["build_problems"] = problems
