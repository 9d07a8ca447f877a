"""Killed, concurrent and repeated builds publish exactly what a clean build does (issue 11).

- A build killed (SIGKILL, the whole process group) at several moments — as
  reading ends, as post pages and then the archive's pages are being written, as the search index
  is written, while the site is staged as Pagefind finishes and while it is
  published — and then run again publishes
  a site byte-identical to a clean build of the same posts, folders included.
- Two builds of one folder at once: the second waits for the first, both
  succeed, and the site is the clean one.
- Nothing internal is published (``.buildinfo.bak`` after a change of base
  URL), and no folder is left empty when a tag's last post goes.

The blog is generated (benchmarks/generate.py): 40 posts over ten years.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_reproducible import copy_blog

from blogsite import REPO


def _generate():
    spec = importlib.util.spec_from_file_location("generate", REPO / "benchmarks/generate.py")
    module = sys.modules["generate"] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_blog(dest: Path, count: int = 40) -> Path:
    """The blog's settings and templates with ``count`` generated posts."""
    copy_blog(dest)
    shutil.rmtree(dest / "posts")
    generate = _generate()
    generate.write_myst(dest, generate.posts(count))
    return dest


def build_command(blog: Path) -> list[str]:
    return [sys.executable, "-m", "blogarchive.build", str(blog), str(blog / "_build/html")]


def run_build(blog: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(
        build_command(blog), env={**os.environ, **(env or {})}, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result


def tree(root: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under ``root``."""
    return {
        p.relative_to(root).as_posix(): (p.read_bytes() if p.is_file() else None)
        for p in sorted(root.rglob("*"))
    }


def assert_same_as_clean_build(blog: Path, scratch: Path) -> None:
    clean = make_blog(scratch)
    shutil.rmtree(clean / "posts")
    shutil.copytree(blog / "posts", clean / "posts")
    run_build(clean)
    published, expected = tree(blog / "_build/html"), tree(clean / "_build/html")
    assert sorted(published) == sorted(expected)
    differing = [name for name in published if published[name] != expected[name]]
    assert differing == []


def add_post(blog: Path, n: int) -> None:
    (blog / "posts/2015").mkdir(exist_ok=True)
    (blog / f"posts/2015/added-{n}.md").write_text(
        f"---\ndate: 2015-03-0{n}\nauthor: Chris Mills\ncategory: Added\n"
        f"tags: [brand new {n}, topic 01]\n---\n\n# Added post {n}\n\nA new post, number {n}.\n",
        encoding="utf-8",
    )


def retitle(blog: Path, n: int) -> None:
    post = sorted((blog / "posts/2012").glob("*.md"))[n]
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("\n# ", f"\n# Retitled {n} ", 1), encoding="utf-8")


def _changed_since(path: Path, start: float) -> bool:
    try:
        return path.stat().st_mtime > start
    except FileNotFoundError:
        return False


# moment -> what shows the build has reached it (files of _build/)
MOMENTS = {
    "reading done": lambda b, t: _changed_since(b / "html.doctrees/environment.pickle", t),
    "post pages": lambda b, t: (b / "html.work/posts/2015/added-1.html").exists(),
    "archive pages": lambda b, t: _changed_since(b / "html.work/.blogarchive-pages", t),
    "search index": lambda b, t: _changed_since(b / "html.work/pagefind/pagefind-entry.json", t),
    "staging, while Pagefind runs": lambda b, t: (b / "html.next").exists(),
    "publishing": lambda b, t: (b / "html.next/pagefind").exists(),
}


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_a_killed_build_then_rerun_publishes_the_clean_site(tmp_path, moment):
    blog = make_blog(tmp_path / "blog")
    run_build(blog)
    add_post(blog, 1)
    retitle(blog, 1)
    start = time.time() - 0.01
    build = subprocess.Popen(
        build_command(blog),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    reached = MOMENTS[moment]
    while build.poll() is None and not reached(blog / "_build", start):
        time.sleep(0.001)
    if build.poll() is not None:
        pytest.fail(f"the build finished before {moment!r} was seen; nothing was killed")
    os.killpg(build.pid, signal.SIGKILL)
    build.wait()
    run_build(blog)
    assert_same_as_clean_build(blog, tmp_path / "clean")


def test_two_builds_at_once_wait_for_each_other(tmp_path):
    blog = make_blog(tmp_path / "blog")
    env = {**os.environ}
    builds = [
        subprocess.Popen(build_command(blog), env=env, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    errors = [build.communicate()[1] for build in builds]
    assert [build.returncode for build in builds] == [0, 0], errors
    assert any("another build of" in err and "waiting" in err for err in errors), errors
    assert not any("Traceback" in err or "Exception" in err for err in errors), errors
    assert_same_as_clean_build(blog, tmp_path / "clean")


def test_nothing_internal_is_published_after_a_change_of_base_url(tmp_path):
    blog = make_blog(tmp_path / "blog", count=5)
    run_build(blog, env={"BLOG_BASEURL": "https://one.example.org/"})
    run_build(blog, env={"BLOG_BASEURL": "https://two.example.org/"})
    published = blog / "_build/html"
    assert sorted(p.name for p in published.glob(".*")) == []
    assert "two.example.org" in (published / "blog/atom.xml").read_text(encoding="utf-8")


def test_no_folder_is_left_empty_when_a_tag_goes(tmp_path):
    blog = make_blog(tmp_path / "blog", count=5)
    add_post(blog, 3)
    run_build(blog)
    assert (blog / "_build/html/blog/tag/brand-new-3/index.html").exists()
    (blog / "posts/2015/added-3.md").unlink()
    run_build(blog)
    assert not (blog / "_build/html/blog/tag/brand-new-3").exists()
    assert_same_as_clean_build(blog, tmp_path / "clean")


@pytest.mark.parametrize("reused", [True, False], ids=["site before reused", "none to reuse"])
def test_a_file_changed_after_staging_is_replaced_never_written_into(tmp_path, reused):
    """build.Staging's second update (once Sphinx is done): a file changed
    since the first is staged anew, not written into the published site's
    file it was linked to; one removed is not published, one added is.  The
    site published before the last is staged into, or, with none, a tree of
    its own."""
    from blogarchive import build

    work, out = tmp_path / "html.work", tmp_path / "html"
    (work / "posts").mkdir(parents=True)
    for name in ("index.html", "posts/a.html", "posts/gone.html"):
        (work / name).write_text(f"first {name}", encoding="utf-8")
    build.publish(work, out)
    if reused:
        build.publish(work, out)
        assert tree(out.with_name("html.old")) == tree(work)
    staging = build.Staging(work, out)
    assert staging.root.is_dir() is reused
    staging.update()
    assert os.path.samefile(staging.root / "posts/a.html", out / "posts/a.html")
    (work / "posts/a.html").write_text("second, and longer", encoding="utf-8")
    (work / "posts/gone.html").unlink()
    (work / "posts/new.html").write_text("new", encoding="utf-8")
    staging.update()
    assert (out / "posts/a.html").read_text(encoding="utf-8") == "first posts/a.html"
    staging.swap()
    assert tree(out) == tree(work)


def test_whatever_the_reused_tree_holds_the_work_folder_is_published(tmp_path):
    """The tree the next site is staged in (the site published before the
    last, or what a killed build left staged) may hold anything: an
    extra file, a folder where the site has a file and a file where it has a
    folder, a file edited to the same size, links out of the build folder.
    What is published is the work folder's site, and nothing a link leads to
    is touched."""
    from blogarchive import build

    work, out, outside = tmp_path / "html.work", tmp_path / "html", tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("not the build's", encoding="utf-8")
    (work / "posts").mkdir(parents=True)
    for name in ("index.html", "posts/a.html", "posts/b.html", "feed.xml", "linked.html"):
        (work / name).write_text(f"text of {name}", encoding="utf-8")
    build.publish(work, out)
    for leftover in ("html.old", "html.next"):
        reused = tmp_path / leftover
        shutil.rmtree(reused, ignore_errors=True)
        shutil.copytree(out, reused)
        (reused / "extra.html").write_text("not in the site", encoding="utf-8")
        os.unlink(reused / "feed.xml")
        (reused / "feed.xml").mkdir()
        (reused / "feed.xml/inside.html").write_text("x", encoding="utf-8")
        shutil.rmtree(reused / "posts")
        (reused / "posts").write_text("a file where a folder was", encoding="utf-8")
        text = (work / "index.html").read_text(encoding="utf-8")
        (reused / "index.html").write_text(text.upper(), encoding="utf-8")
        os.symlink(outside, reused / "linked-folder")
        os.unlink(reused / "linked.html")
        os.symlink(outside / "keep.txt", reused / "linked.html")
        build.publish(work, out)
        assert tree(out) == tree(work), leftover
        assert not any(p.is_symlink() for p in out.rglob("*"))
        assert (outside / "keep.txt").read_text(encoding="utf-8") == "not the build's"
        assert sorted(p.name for p in outside.iterdir()) == ["keep.txt"]
    for leftover in ("html.old", "html.next"):  # the tree itself a link out: never followed
        reused = tmp_path / leftover
        shutil.rmtree(reused, ignore_errors=True)
        os.symlink(outside, reused)
        build.publish(work, out)
        assert tree(out) == tree(work), leftover
        assert sorted(p.name for p in outside.iterdir()) == ["keep.txt"], leftover
        assert (outside / "keep.txt").read_text(encoding="utf-8") == "not the build's"


def test_the_published_index_is_linked_to_the_work_folders_and_never_written_into(tmp_path):
    """The search index's files are staged as links to the work folder's
    (build.LINKED), not copied: search.py replaces a changed file there,
    never writes into it, so the published site's stays as it was until the
    next site is swapped in."""
    from blogarchive import build, search

    assert search.BUNDLE in build.LINKED
    blog = make_blog(tmp_path / "blog", count=5)
    run_build(blog)
    work, out = blog / "_build/html.work/pagefind", blog / "_build/html/pagefind"
    files = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert files and all(os.path.samefile(out / f, work / f) for f in files)
    kept = tmp_path / "kept-entry.json"
    os.link(out / "pagefind-entry.json", kept)  # the published file, whatever happens to its name
    before = kept.read_bytes()
    add_post(blog, 3)
    run_build(blog)
    assert kept.read_bytes() == before  # replaced in the work folder, not written into
    assert (out / "pagefind-entry.json").read_bytes() != before  # the new index is published
    assert_same_as_clean_build(blog, tmp_path / "clean")


def test_the_site_is_staged_while_pagefind_finishes(tmp_path, monkeypatch):
    """When the build waits for Pagefind, the site is staged already
    (``_build/html.next``) but for what is still to be written (the search
    page, and on a clean build the index); what is published is the work
    folder's final state.  On a build after, the last index is staged while
    Pagefind makes the new one, and only its changes after."""
    from blogarchive import build, search

    blog = make_blog(tmp_path / "blog", count=5)
    staged = blog / "_build/html.next"
    seen = {}
    join = search.Indexer.join

    def note_staged_then_join(self, *args, **kwargs):
        seen["pages"] = {p.relative_to(staged).as_posix() for p in staged.rglob("*.html")}
        seen["index"] = sorted(p.name for p in staged.glob("pagefind/**/*") if p.is_file())
        return join(self, *args, **kwargs)

    monkeypatch.setattr(search.Indexer, "join", note_staged_then_join)
    assert build.build(blog, blog / "_build/html") == 0
    assert {"index.html", "blog/index.html", "404.html"} <= seen["pages"]
    assert any(page.startswith("posts/") for page in seen["pages"])
    assert "search.html" not in seen["pages"] and not seen["index"]

    def assert_published_is_work() -> None:
        work = tree(blog / "_build/html.work")
        internal = {n for n in work if n.split("/")[0] in build.INTERNAL or n[:8] == "_sources"}
        published = tree(blog / "_build/html")
        assert "pagefind/pagefind-entry.json" in published
        assert published == {n: v for n, v in work.items() if n not in internal}

    assert_published_is_work()
    last_index = sorted(p.name for p in blog.glob("_build/html/pagefind/**/*") if p.is_file())
    add_post(blog, 3)
    assert build.build(blog, blog / "_build/html") == 0
    assert seen["index"] == last_index
    assert_published_is_work()


def test_the_site_published_before_is_kept_until_the_next_build(tmp_path):
    """A swap keeps the site it replaces as ``_build/html.old``; the next
    build stages the new site in it, replacing only what changed (a file
    the two builds left alone is the same file), and a failed build leaves
    nothing staged and never touches the published site."""
    from blogarchive import build

    blog = make_blog(tmp_path / "blog", count=3)
    out, old = blog / "_build/html", blog / "_build/html.old"
    assert build.build(blog, out) == 0
    assert not old.exists()
    first = tree(out)
    add_post(blog, 1)
    assert build.build(blog, out) == 0
    assert tree(old) == first and tree(out) != first
    second = tree(out)
    about = out / "about.html"
    add_post(blog, 2)
    assert build.build(blog, out) == 0
    assert tree(old) == second
    assert os.path.samefile(about, out / "about.html")  # about.html was not made again
    third = tree(out)
    (blog / "posts/2015/added-2.md").write_text("---\ndate: not a date\n---\n\n# Broken\n")
    assert build.build(blog, out) != 0
    assert not old.exists() and not (blog / "_build/html.next").exists()
    assert tree(out) == third


def test_the_build_ends_at_once_yet_flushes_and_runs_atexit(tmp_path):
    """``python -m blogarchive.build`` ends without Python's teardown
    (build.exit_at_once): its status, its output and ``atexit``'s functions
    are as a normal exit's; a thread still working is waited for, and a
    profiler still writes its results."""
    script = """
import atexit, sys, threading, time
from pathlib import Path
from blogarchive import build
atexit.register(lambda: Path(sys.argv[1], "atexit").write_text("ran"))
if sys.argv[2] == "thread":
    threading.Thread(target=lambda: (time.sleep(0.3), Path(sys.argv[1], "thread").touch())).start()
print("published", end="")
print("an error", end="", file=sys.stderr)
build.exit_at_once(3)
"""
    for mode in ("alone", "thread"):
        folder = tmp_path / mode
        folder.mkdir()
        result = subprocess.run(
            [sys.executable, "-c", script, str(folder), mode], capture_output=True, text=True
        )
        assert (result.returncode, result.stdout, result.stderr) == (3, "published", "an error")
        assert (folder / "atexit").read_text() == "ran"
        assert (folder / "thread").exists() == (mode == "thread")
    profiled = tmp_path / "profiled"
    profiled.mkdir()
    (profiled / "script.py").write_text(script)
    command = [sys.executable, "-m", "cProfile", "-o", str(profiled / "stats")]
    subprocess.run([*command, str(profiled / "script.py"), str(profiled), "alone"])  # status 0:
    assert (profiled / "stats").stat().st_size > 0  # cProfile's runner takes in SystemExit
