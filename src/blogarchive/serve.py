"""``blog serve``: a live preview on 127.0.0.1, rebuilt and reloaded on every
change (issue 3), the edited page shown within a tenth of a clean build (issue 15).

sphinx-autobuild's server (its file watcher, its browser reloader), with a
builder of our own.  sphinx-autobuild starts ``sphinx-build`` afresh for each
change: at 1000 posts, 0.6 s of Python and imports before Sphinx reads a
file, and the pages waited for Pagefind (1 s more) before the browser
reloaded.  Here:

- Each build runs in a worker process started ahead of time (:func:`worker`),
  its modules imported while the author writes.  Sphinx itself starts only
  when the change comes — it reads the settings, the posts' front matter and
  its environment then, so nothing it knows is older than the change.  The
  worker builds once and exits.  A change to Python code other than
  ``conf.py`` (the extension's own, while it is being worked on) starts a
  fresh worker, as the warm one has the old code.
- The browser reloads as soon as the pages are written; Pagefind's index of
  them follows (search.py's :data:`~blogarchive.search.DEFERRED`).  The
  preview's index is made in parts of :data:`PREVIEW_PART_PAGES` pages, so
  an edit has Pagefind index its post's part alone, while the archive's
  pages are written: at 1000 posts the index has the edit a quarter of a
  second after the pages, not a second.  Then the next worker warms up
  (beside Pagefind on two cores, it slowed the index by half a second); the
  next build waits for both.

The preview shows drafts, bannered (``blog_preview``), builds with one worker
per core (build.py's ``-j auto``) and keeps its doctrees beside its pages
(``_build/serve.doctrees``).  Its pages carry the site's policy, which allows
the reload script sphinx-autobuild adds to each and its websocket
(``blog_preview_reload``: csp.py).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

#: Folders of the repository whose changes the preview does not rebuild for:
#: the build's own output, tools, tests.
IGNORED = {".git", ".venv", "_build", "tests", "benchmarks", ".pytest_cache", "__pycache__",
           ".ruff_cache", "node_modules"}  # fmt: skip
#: What a worker imports while it waits: the build's heaviest modules, and
#: those the build imports only as it goes (Sphinx's own extensions, below, and
#: what the extension asks for when it needs it): at 1000 posts, 0.5 s of an
#: edit's build, and then 0.13 s more.
WARM = (
    "sphinx.cmd.build",
    "sphinx.application",
    "sphinx.builders.html",
    "sphinx.builders.epub3",
    "myst_parser",
    "myst_parser.parsers.sphinx_",
    "myst_parser.sphinx_ext.main",
    "ablog",
    "ablog.post",
    "furo",
    "sphinx_basic_ng",
    "sphinx.ext.mathjax",
    "blogarchive.extension",
    "blogarchive.meta",
    "sphinx_autobuild.middleware",  # the reload script, allowed by the pages' policy
    "pagefind_bin",  # where Pagefind's binary is
    "multiprocessing.popen_fork",  # Sphinx's parallel writers
    "multiprocessing.synchronize",
    "docutils.core",
    "docutils.languages.en",
    "jinja2.ext",
    "myst_parser.sphinx_ext.directives",
    "myst_parser.sphinx_ext.myst_refs",
    "sphinx.util.console",
)


def warm() -> None:
    """Import :data:`WARM`, and the extensions every Sphinx application sets up."""
    import sphinx.application

    builtin = getattr(sphinx.application, "builtin_extensions", ())
    first_party = getattr(sphinx.application, "_first_party_extensions", ())
    for module in (*WARM, *builtin, *first_party):
        importlib.import_module(module)
    from pygments.plugin import find_plugin_styles

    list(find_plugin_styles())  # installed as plugins, looked through for the dark style


#: The preview's search index is made in parts of this many pages (search.py's
#: ``parts``; the published site's are of 2000): an edit indexes its post's
#: part again, the others are kept.  At 1000 posts, parts of 200 had Pagefind
#: take 0.25 s rather than 1.2 s; of 100, the edit is in the search index
#: 0.76-0.82 s after saving against 0.87-1.18 s (2026-12-05, alternating, on
#: the twenty-seventh benchmark run's blog: benchmarks/README.md), and no
#: slower at 5000 posts.  More parts are more files for a search to fetch,
#: which costs nothing from 127.0.0.1.
PREVIEW_PART_PAGES = 100


#: How long the watcher waits for the next change of a save before it
#: builds (watchfiles' ``step``, 50 ms by default; a save's own changes come
#: within a millisecond of each other, and a change while building has the
#: next build follow).  At 1000 posts, 0.06-0.09 s from saving to the build's
#: start with 50 ms, 0.013-0.018 s with 10 ms (2026-12-05).
WATCH_STEP_MS = 10


def sphinx_arguments(source: Path, out: Path, host: str, extra: list[str]) -> list[str]:
    """The preview's ``sphinx-build`` command line (the pages' folder ``out``;
    the server's ``host``, whose reloader the pages' policy allows: csp.py)."""
    from .build import sphinx_jobs

    doctrees = out.with_name(out.name + ".doctrees")
    args = ["-b", "html", "-j", sphinx_jobs("auto"), "-d", str(doctrees)]
    args += ["-D", "blog_preview=1", "-D", f"blog_preview_reload={host}"]
    args += ["-D", f"blog_search_part_pages={PREVIEW_PART_PAGES}"]
    return [*args, *extra, str(source), str(out)]


def worker(report: int, arguments: list[str]) -> int:
    """One preview build, in a process of its own: import, read the last
    build's environment (patches.preload_environment), wait for ``build``
    on stdin, build, say ``built STATUS PROBLEMS`` on the ``report``
    descriptor, publish the search index, say ``searched STATUS``.  Ends
    without building if stdin closes first (the server stopped)."""
    with os.fdopen(report, "w", buffering=1) as say:
        warm()
        from . import patches

        patches.preload_environment(_doctrees(arguments))
        try:
            order = sys.stdin.readline()
        except KeyboardInterrupt:  # Ctrl+C reaches the whole process group
            return 0
        if order.strip() != "build":
            return 0
        from sphinx.cmd.build import build_main

        from . import reported, search

        search.DEFERRED = []
        reported.COUNTED = []  # the build's problems, counted as the preview's pages show them
        status = build_main(arguments)
        say.write(f"built {status} {sum(reported.COUNTED)}\n")
        for publish in search.DEFERRED:
            try:
                publish()
            except Exception as error:  # noqa: BLE001 - the preview goes on serving
                print(f"search index not updated: {error}", file=sys.stderr)
                status = status or 1
        say.write(f"searched {status}\n")
        return status


def _doctrees(arguments: list[str]) -> Path:
    """The doctrees folder of a preview's ``sphinx-build`` command line
    (:func:`sphinx_arguments`: after ``-d``)."""
    return Path(arguments[arguments.index("-d") + 1])


class Worker:
    """The server's handle on one worker process (:func:`worker`)."""

    def __init__(self, arguments: list[str]) -> None:
        read, write = os.pipe()
        command = [sys.executable, "-m", "blogarchive.serve", "--worker", str(write), *arguments]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, pass_fds=(write,))
        os.close(write)
        self.messages = os.fdopen(read, "r")
        self.problems = 0  # the last build's warnings and errors

    def build(self) -> None:
        try:
            self.process.stdin.write(b"build\n")
            self.process.stdin.close()
        except OSError:  # it ended already (an import failed): wait_for says so
            pass

    def wait_for(self, word: str) -> int | None:
        """The status said with ``word`` (``built``, ``searched``); None if the
        worker ended first (it crashed or was killed).  (``built``'s count of
        problems, then, in :attr:`problems`.)"""
        for line in self.messages:
            said, *numbers = line.split()
            if said == word:
                self.problems = int(numbers[1]) if len(numbers) > 1 else 0
                return int(numbers[0]) if numbers else 0
        return None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.close()

    def close(self) -> None:
        self.process.wait()
        self.messages.close()
        if self.process.stdin and not self.process.stdin.closed:
            self.process.stdin.close()


class Preview:
    """sphinx-autobuild's change callback: a build in a warm worker.  Called
    from the watcher's thread, one change at a time."""

    def __init__(self, source: Path, arguments: list[str]) -> None:
        self.source, self.arguments = source, arguments
        self.ready: Worker | None = None  # warmed up, waiting for a change
        self.finishing: threading.Thread | None = None  # the last build's search index

    def warm(self) -> None:
        self.ready = Worker(self.arguments)

    def __call__(self, *, changed_paths=()) -> None:
        from sphinx_autobuild.utils import show_message

        from .model import counted

        if self.finishing is not None:  # the last build's search index and state
            self.finishing.join()
        worker, self.ready = self.ready, None
        if worker is None or self._code_changed(changed_paths):
            if worker is not None:
                worker.stop()
            worker = Worker(self.arguments)
        names = ", ".join(sorted({self._relative(p) for p in changed_paths})[:5])
        show_message(f"Rebuilding after changes ({names})" if names else "Building")
        started = time.monotonic()
        worker.build()
        status = worker.wait_for("built")
        took = time.monotonic() - started
        self.finishing = threading.Thread(target=self._finish, args=(worker, started), daemon=True)
        self.finishing.start()
        if status == 0 and worker.problems:
            show_message(
                f"Pages rebuilt in {took:.1f} s with {counted(worker.problems, 'problem')} (above),"
                " each shown at the top of its page; a published build stops at them"
            )
        elif status == 0:
            show_message(f"Pages rebuilt in {took:.1f} s; the search index follows")
        else:
            show_message("The build failed (above): the preview shows the last pages built")

    def _finish(self, worker: Worker, started: float) -> None:
        from sphinx_autobuild.utils import show_message

        status = worker.wait_for("searched")
        worker.close()
        # Only now: importing beside Pagefind, on two cores, slowed the index by 0.5 s.
        self.warm()
        if status == 0:
            show_message(
                f"Search index updated, {time.monotonic() - started:.1f} s after the change"
            )

    def _relative(self, path: Path) -> str:
        try:
            return Path(path).resolve().relative_to(self.source).as_posix()
        except ValueError:
            return str(path)

    def _code_changed(self, paths) -> bool:
        """Python code the warm worker has imported changed (conf.py is read afresh)."""
        return any(Path(p).suffix == ".py" and Path(p).name != "conf.py" for p in paths)

    def ignored(self, path: str) -> bool:
        """Not a change to rebuild for: the build's output, tools, dot files."""
        *folders, name = Path(self._relative(Path(path))).parts or ("",)
        hidden = any(folder in IGNORED or folder.startswith(".") for folder in folders)
        return hidden or name.startswith(".") or name.endswith("~")  # an editor's own files

    def stop(self) -> None:
        if self.finishing is not None:
            self.finishing.join()
        if self.ready is not None:
            self.ready.stop()


def server(preview: Preview, folders: list[Path], site: Path, host: str):
    """sphinx-autobuild's web application (its ``_create_app``), with a
    watcher that builds in a thread of the server and reloads the browser
    once the pages are written (sphinx-autobuild's waits in a new process
    for the whole build)."""
    import watchfiles
    from sphinx_autobuild.middleware import JavascriptInjectorMiddleware
    from sphinx_autobuild.server import RebuildServer
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.routing import Mount, WebSocketRoute
    from starlette.staticfiles import StaticFiles

    class Watcher(RebuildServer):
        async def watch(self) -> None:
            async for changes in watchfiles.awatch(
                *self.paths,
                watch_filter=lambda _, path: not preview.ignored(path),
                step=WATCH_STEP_MS,
            ):
                paths = [Path(path) for _, path in changes]
                await asyncio.to_thread(preview, changed_paths=paths)
                self.flag.set()

    watcher = Watcher(folders, lambda path: False, change_callback=preview)
    return Starlette(
        routes=[
            WebSocketRoute("/websocket-reload", watcher, name="reload"),
            Mount("/", app=StaticFiles(directory=site, html=True), name="static"),
        ],
        middleware=[
            # Only a page of this machine's may read the preview (its drafts):
            # another site whose name an attacker's DNS turned to 127.0.0.1 (DNS
            # rebinding) asks with its own name, and is refused.
            Middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost"]),
            Middleware(JavascriptInjectorMiddleware, ws_url=host),
        ],
        lifespan=watcher.lifespan,
    )


def serve(source: Path, port: int, extra: list[str] | None = None) -> int:
    """Build the preview, serve it on 127.0.0.1:``port`` and rebuild on change."""
    import uvicorn
    from sphinx_autobuild.utils import show_message

    source = source.resolve()
    site = source / "_build" / "serve"
    site.mkdir(parents=True, exist_ok=True)
    host = f"127.0.0.1:{port}"
    preview = Preview(source, sphinx_arguments(source, site, host, extra or []))
    try:
        preview(changed_paths=())
        show_message(f"Serving on http://{host}")
        uvicorn.run(server(preview, [source], site, host), host="127.0.0.1", port=port,
                    log_level="warning")  # fmt: skip
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:  # Preview's worker: --worker FD, then sphinx-build's arguments
        return worker(int(argv[1]), argv[2:])
    parser = argparse.ArgumentParser(prog="python -m blogarchive.serve", description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("-D", action="append", default=[], metavar="SETTING=VALUE",
                        help="override a setting of conf.py, as sphinx-build's -D")  # fmt: skip
    parser.add_argument("source", nargs="?", default=".", type=Path)
    args, extra = parser.parse_known_args(argv)
    settings = [part for setting in args.D for part in ("-D", setting)]
    return serve(args.source, args.port, [*settings, *extra])


if __name__ == "__main__":
    from .build import exit_at_once

    exit_at_once(main())
