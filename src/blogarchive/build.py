"""Build the site incrementally and publish it only if the build is clean.

``python -m blogarchive.build`` is what ``make site`` runs.  Sphinx works in
``_build/work`` (kept between builds, so an unchanged post is neither read nor
written again) with warnings as errors.  Only a clean build is published: a new
tree ``_build/html.next`` is made from the work folder — files unchanged since
the last published site are hard links to it, the others copies; most of it
while Pagefind finishes the index (:class:`Staging`) — and swapped into
``_build/html``.  Published trees are never written in place, so a failed
build leaves the last good site untouched.  Build internals (doctrees,
``.buildinfo``) never reach the published folder.  The site published before
stays in ``_build/html.old`` until the next build, which stages the new site
in it: only what changed since it was published is replaced.

The incremental state (Sphinx's environment and doctrees, the archive's page
keys, the search index, the front-matter cache) is trusted only after a build
that finished cleanly: a marker (``_build/html.incomplete``) is made before
Sphinx starts and removed once the site is published, so a build that was
killed, crashed or failed leaves it behind and the next build starts clean.
Two builds of one folder never run at once: the second waits for the lock.

An up-to-date check runs before Sphinx starts: when nothing a build reads has
changed since the last published one — the sources (posts and their comments
and pictures, pages, templates, static files, settings), git's HEAD (the footer
and "Last updated" dates), the build's options and environment, the installed
packages — and no scheduled post has fallen due, the published site is
already what a build would make, and Sphinx is not started at all.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import datetime as dt
import fcntl
import hashlib
import importlib.metadata
import json
import os
import shutil
import stat
import sys
import threading
from pathlib import Path

INTERNAL = {".buildinfo", ".buildinfo.bak", ".blogarchive-pages", ".blogarchive-footer"}


def prune_empty_folders(root: Path) -> None:
    """Remove folders left with no files (a tag or post that went), as a clean build has none."""
    for folder, _dirs, _files in os.walk(root, topdown=False):
        if folder != str(root) and not os.listdir(folder):  # its empty children went first
            os.rmdir(folder)


@contextlib.contextmanager
def build_lock(out: Path):
    """One build of ``out`` at a time: a second one waits for the first to finish."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out.with_name(out.name + ".lock"), "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"another build of {out} is running: waiting for it to finish", file=sys.stderr)
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


#: Folders of the site whose files in the work folder are only ever replaced
#: (a new file moved over the old), never written into: the search index
#: (search.py's ``_sync``).  Staged as links to the work folder's files, not
#: copies (on a clean build at 1000 posts, 1070 files and 4 MB copied after
#: Pagefind, on the way to publishing).
LINKED = frozenset({"pagefind"})


class Staging:
    """``html.next``, the site to publish, made from the work folder: each
    file a hard link to the published site's when that one is unchanged,
    those of :data:`LINKED` folders links to the work folder's, the others
    copies.  :meth:`update` can run twice: while Pagefind finishes the index
    (search.index_site, with the files it will still write skipped), when the
    main process would wait anyway, then once Sphinx is done, for what was
    written or removed since.  (On two cores the overlap gains nothing
    measurable: Pagefind uses both then.)

    The tree staged is the one published before the last (``html.old``, kept
    by :meth:`swap`), or what a killed build left staged: each of its files is
    kept when its size and mtime are the work folder's file's (a link to it,
    or to a copy of it, which keeps its mtime), and replaced or removed
    otherwise.  So an edit stages the few files two builds changed, not the
    whole site (at 1000 posts, ``cp -al`` of the published site and ``rm -rf``
    of the one before took 0.5 s of each edit, beside Pagefind).  A staged
    file is never written in place (it may be the published site's, linked):
    a changed one is replaced."""

    def __init__(self, work: Path, out: Path) -> None:
        self.work, self.out, self.root = work, out, out.with_name(out.name + ".next")
        self.old = out.with_name(out.name + ".old")
        self.staged: dict[str, tuple[int, int]] = {}  # path in the site -> (size, mtime)
        self.found: set[str] | None = None  # files the reused tree held, not yet seen
        if _real_folder(self.root):  # a killed build's: staged as far as it went
            _remove(self.old)
        elif _real_folder(self.old) and out.exists():
            _remove(self.root)  # a link, say: never followed
            os.replace(self.old, self.root)
        else:
            _remove(self.root)
            _remove(self.old)  # unless a folder, none to reuse (without ``out``, restored)

    def update(self, skip: frozenset[str] = frozenset()) -> None:
        """Stage what changed in the work folder since the last update, but
        the files and folders ``skip`` names (paths in the site)."""
        work_root, staging_root = str(self.work), str(self.root)
        if self.found is None:
            self.found = _files(self.root)
        seen = set()
        for folder, dirs, filenames in os.walk(work_root):
            rel = os.path.relpath(folder, work_root)
            dirs[:] = [d for d in dirs if not _within(os.path.join(rel, d), skip)]
            _make_folder(os.path.join(staging_root, rel))
            for name in filenames:
                path = os.path.normpath(os.path.join(rel, name))
                if (rel == "." and name in INTERNAL) or _within(path, skip):
                    continue
                seen.add(path)
                info = os.stat(os.path.join(folder, name))
                if self.staged.get(path) != (info.st_size, info.st_mtime_ns):
                    self._stage(path, info)
        for path in [p for p in self.found if p not in seen and not _within(p, skip)]:
            if path not in self.staged:  # staged before, not made this time
                _remove_file(os.path.join(staging_root, path))
            self.found.discard(path)
        for path in [p for p in self.staged if p not in seen and not _within(p, skip)]:
            _remove_file(os.path.join(staging_root, path))  # gone from the work folder since
            del self.staged[path]

    def _stage(self, path: str, info: os.stat_result) -> None:
        new, old = os.path.join(self.root, path), os.path.join(self.out, path)
        wanted = (info.st_size, info.st_mtime_ns)
        if path in self.found and path not in self.staged and _stat_key(new) == wanted:
            self.staged[path] = wanted  # the reused tree's, as the work folder's
            return
        _remove(new)  # perhaps a link to the published file: never written into
        if _stat_key(old) == wanted:
            os.link(old, new)
        elif _within(path, LINKED):
            os.link(os.path.join(self.work, path), new)
        else:  # its bytes and mtime (the next publish compares it): not copy2's
            shutil.copyfile(os.path.join(self.work, path), new)  # mode and xattrs, 40 % of its time
            os.utime(new, ns=(info.st_atime_ns, info.st_mtime_ns))
        self.staged[path] = wanted

    def swap(self) -> None:
        """The staged site becomes ``out``; the last published one is kept as
        ``out.old``, the next build's staging (:meth:`__init__`)."""
        # Sphinx makes _sources/ even with html_copy_source off; a tag's folder
        # stays behind, empty, when its last post goes.
        prune_empty_folders(self.root)
        _remove(self.old)  # none, unless ``out`` was not there
        if self.out.exists():
            os.replace(self.out, self.old)
        os.replace(self.root, self.out)

    def discard(self) -> None:
        """A failed build's: nothing staged is kept."""
        _remove(self.root)


def _real_folder(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def _stat_key(path: str) -> tuple[int, int] | None:
    """A regular file's size and mtime, never a link's target's; else None."""
    try:
        found = os.lstat(path)
    except OSError:
        return None
    return (found.st_size, found.st_mtime_ns) if stat.S_ISREG(found.st_mode) else None


def _remove(path: str | Path) -> None:
    """Whatever is at ``path``, a file, a link (not what it leads to) or a folder."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except (IsADirectoryError, PermissionError):  # a folder (some systems say "permission")
        shutil.rmtree(path, ignore_errors=True)


def _remove_file(path: str) -> None:
    """The file or link at ``path``, if any: not a folder the site has there
    now (:func:`_make_folder`), nor anything in a folder that went."""
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        if not stat.S_ISDIR(os.lstat(path).st_mode):
            os.unlink(path)


def _make_folder(path: str) -> None:
    """A folder at ``path``, whatever the reused tree held there."""
    if not os.path.isdir(path) or os.path.islink(path):
        _remove(path)  # a file or a link there, if any
        os.makedirs(path, exist_ok=True)


def _files(root: Path) -> set[str]:
    """The files (and links) in ``root``, as paths in it."""
    found = set()
    for folder, dirs, names in os.walk(root):  # a link to a folder is in dirs, not followed
        rel = os.path.relpath(folder, root)
        links = [d for d in dirs if os.path.islink(os.path.join(folder, d))]
        found.update(os.path.normpath(os.path.join(rel, name)) for name in names + links)
    return found


def _within(path: str, folders: frozenset[str]) -> bool:
    path = os.path.normpath(path)
    return any(path == f or path.startswith(f + os.sep) for f in folders)


#: The staging of the site ``python -m blogarchive.build`` is building, while
#: Sphinx runs: search.index_site updates it while it waits for Pagefind.
staging: Staging | None = None


def publish(work: Path, out: Path, staged: Staging | None = None) -> None:
    """Swap in a copy of ``work`` as ``out``, sharing unchanged files with the
    old ``out``; ``staged``, when given, already holds most of it."""
    staged = staged or Staging(work, out)
    staged.update()
    staged.swap()


def build(source: Path, out: Path, *, jobs: str = "auto", extra: list[str] | None = None) -> int:
    """Build ``source``; publish into ``out`` when clean.  Returns Sphinx's exit status."""
    source, out = Path(source).resolve(), Path(out).resolve()
    with build_lock(out):
        return _build_locked(source, out, sphinx_jobs(jobs), extra or [])


def sphinx_jobs(jobs: str) -> str:
    """Sphinx's ``-j``: ``auto`` is one process per core.  The posts are read
    by that many; the pages are written by one fewer (incremental.py), as
    Pagefind indexes the site beside them (search.py) and takes a core of its
    own.  On two cores: read by two workers, written by the main process
    alone (benchmarks/, 2026-11-29)."""
    if jobs != "auto":
        return jobs
    affinity = getattr(os, "sched_getaffinity", None)  # Linux; elsewhere, every core
    cores = len(affinity(0)) if affinity else (os.cpu_count() or 1)
    return str(max(1, cores))


#: What a build reads from the environment besides its files.
ENVIRONMENT = ("BLOG_BASEURL", "BLOG_REPOSITORY_URL", "SOURCE_DATE_EPOCH", "TZ")
EPUB_FOLDER = "_build/epub"  # where `make epub` writes the book (conf.py's blog_epub_file)
#: Folders of the repository a build never reads (nor does Sphinx walk them).
NOT_READ = {"_build", "tests", "benchmarks", "__pycache__", "node_modules"}


def fingerprint(source: Path, out: Path, jobs: str, extra: list[str]) -> str:
    """A digest of everything a build of ``source`` reads (see the module's docstring)."""
    digest = hashlib.sha256()
    # The build's own folders and files (_build/html, html.work, html.doctrees...),
    # wherever they are: what a build writes is not what it reads.
    own = str(out) + os.sep, str(out) + "."
    for folder, dirs, files in os.walk(source):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d not in NOT_READ
            and not os.path.join(folder, d).startswith(own)
        )
        for name in sorted(files):
            path = os.path.join(folder, name)
            if name.startswith(".") or path.startswith(own):
                continue
            stat = os.stat(path)
            digest.update(
                f"{os.path.relpath(path, source)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode()
            )
    # The e-book `make epub` left in the build folder: the site offers it (epub.py).
    for path in sorted(Path(source, EPUB_FOLDER).glob("*.epub")):
        stat = path.stat()
        digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    digest.update(_git_head(source).encode())
    digest.update(json.dumps([jobs, extra, [os.environ.get(k) for k in ENVIRONMENT]]).encode())
    for package in ("blogarchive", "sphinx", "ablog", "furo", "myst-parser"):
        try:
            digest.update(f"{package}={importlib.metadata.version(package)}".encode())
        except importlib.metadata.PackageNotFoundError:
            pass
    from . import __file__ as package_file  # the extension's own code, as installed

    for path in sorted(Path(package_file).parent.rglob("*.py")):
        digest.update(f"{path.name}{path.stat().st_mtime_ns}".encode())
    return digest.hexdigest()


def _git_head(source: Path) -> str:
    """The commit checked out (read from .git, no git process): the footer names it."""
    git = source / ".git"
    try:
        head = (git / "HEAD").read_text(encoding="utf-8").strip()
        if head.startswith("ref: "):
            ref = head[5:]
            ref_file = git / ref
            if ref_file.exists():
                return ref_file.read_text(encoding="utf-8").strip()
            packed = (git / "packed-refs").read_text(encoding="utf-8")
            return next(
                (line.split()[0] for line in packed.splitlines() if line.endswith(ref)), ref
            )
        return head
    except OSError:
        return ""


def _up_to_date(out: Path, doctrees: Path, print_: str) -> bool:
    """Whether the published site was built from ``print_`` and nothing has fallen due."""
    try:
        recorded = json.loads(out.with_name(out.name + ".uptodate").read_text(encoding="utf-8"))
        schedule = json.loads((doctrees / "blogarchive-schedule.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if recorded.get("fingerprint") != print_ or not out.is_dir():
        return False
    due = schedule.get("next_due")
    if due:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        now = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
        if now >= dt.datetime.fromisoformat(due):
            return False
    return True


def _build_locked(source: Path, out: Path, jobs: str, extra: list[str]) -> int:
    work = out.with_name(out.name + ".work")
    doctrees = out.with_name(out.name + ".doctrees")
    incomplete = out.with_name(out.name + ".incomplete")
    old_tree = out.with_name(out.name + ".old")
    uptodate = out.with_name(out.name + ".uptodate")
    if not out.exists() and old_tree.exists():  # killed between publish's two renames
        os.replace(old_tree, out)
    print_ = fingerprint(source, out, jobs, extra)
    if not incomplete.exists() and _up_to_date(out, doctrees, print_):
        print(f"site up to date in {out}: nothing a build reads has changed")
        return 0
    uptodate.unlink(missing_ok=True)
    if incomplete.exists():
        # The last build broke off or failed: what it left is discarded, whole.
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(doctrees, ignore_errors=True)
    incomplete.touch()
    args = ["-b", "html", "-W", "--keep-going", "-q", "-j", jobs, "-d", str(doctrees)]
    from sphinx.cmd.build import build_main  # only once the site is known to be out of date

    global staging
    staging = Staging(work, out)
    try:
        status = build_main([*args, *extra, str(source), str(work)])
    finally:
        staged, staging = staging, None
    if status != 0:
        staged.discard()  # staged before a warning was counted
        print(f"build failed: {out} keeps the last good site", file=sys.stderr)
        return status
    publish(work, out, staged)
    incomplete.unlink()
    uptodate.write_text(json.dumps({"fingerprint": print_}), encoding="utf-8")
    print(f"site published in {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m blogarchive.build", description=__doc__)
    parser.add_argument("source", nargs="?", default=".", type=Path)
    parser.add_argument("out", nargs="?", default=Path("_build/html"), type=Path)
    # One worker per core: a parallel build is byte-identical to a serial one
    # (tests/test_reproducible.py) and faster (benchmarks/README.md).
    parser.add_argument(
        "-j", "--jobs", default="auto", help="Sphinx worker processes (default: one per core)"
    )
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


def exit_at_once(status: int) -> None:
    """End the process as ``sys.exit`` would, without Python's teardown of
    every object the build made (Sphinx's environment, its templates, the
    archive): at 1000 posts that took 0.4-0.5 s after the site was published.
    What a normal exit does that matters still happens: ``atexit``'s
    functions run and the output is flushed.  The exit is the normal one
    with a thread still running, which it would wait for, and under a
    profiler or a tracer (cProfile, coverage), which write their results
    as the interpreter ends."""
    main_thread = threading.main_thread()
    if any(t is not main_thread and not t.daemon and t.is_alive() for t in threading.enumerate()):
        sys.exit(status)
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(status)
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    # The package's module, not this copy run as __main__: search.py reaches
    # the staging through ``blogarchive.build.staging``, which this copy's
    # globals are not (``make site`` staged the site only after Sphinx).
    from blogarchive import build as package_module

    exit_at_once(package_module.main())
