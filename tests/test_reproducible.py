"""Builds depend on the posts alone (issue 5).

- Reproducible: two clean builds of the same posts, on different days, with
  different TZ and in different folders, are byte-identical, feeds and search
  index included.
- Incremental builds are exact: after each kind of change an incremental build
  writes the same files as a clean build.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from blogsite import REPO

SITE_FILES = ("conf.py", "index.md", "about.md", "posts", "_templates", "_static")


def copy_blog(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in SITE_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        else:
            shutil.copy(source, dest / name)
    return dest


def run_build(blog: Path, out: Path, env: dict | None = None, prefix: list[str] | None = None):
    command = [*(prefix or []), sys.executable, "-m", "blogarchive.build", str(blog), str(out)]
    result = subprocess.run(
        command, env={**os.environ, **(env or {})}, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def assert_same_tree(a: Path, b: Path) -> None:
    left, right = tree(a), tree(b)
    assert sorted(left) == sorted(right)
    differing = [name for name in left if left[name] != right[name]]
    assert not differing, differing


def test_clean_builds_are_byte_identical_across_days_tz_and_folders(tmp_path):
    if not shutil.which("faketime"):
        pytest.fail("faketime is not installed: `make test` installs it (Debian package faketime)")
    first = copy_blog(tmp_path / "one")
    second = copy_blog(tmp_path / "elsewhere" / "two")
    run_build(
        first, first / "_build/html", env={"TZ": "UTC"}, prefix=["faketime", "2027-01-15 08:00:00"]
    )
    run_build(
        second,
        second / "_build/html",
        env={"TZ": "Pacific/Kiritimati"},
        prefix=["faketime", "2031-06-30 23:30:00"],
    )
    assert_same_tree(first / "_build/html", second / "_build/html")


def edit_body(blog: Path) -> None:
    post = blog / "posts/2010/birmingham-blues.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nA postscript.\n", encoding="utf-8")


def fix_typo(blog: Path) -> None:
    """A word changed deep in a post: same excerpt, same length, new feed text."""
    post = blog / "posts/2010/birmingham-blues.md"
    text = post.read_text(encoding="utf-8")
    assert "horribly smug recommendations" in text
    post.write_text(text.replace("horribly smug", "awfully smug"), encoding="utf-8")


def add_post(blog: Path) -> None:
    (blog / "posts/2010/a-new-post.md").write_text(
        "---\ndate: 2010-07-30\nauthor: Chris Mills\ncategory: Policy\ntags: [Ofsted, new tag]\n"
        "---\n\n# A new post\n\nAdded later.\n",
        encoding="utf-8",
    )


def retitle(blog: Path) -> None:
    post = blog / "posts/2010/good-research-from-york.md"
    text = post.read_text(encoding="utf-8").replace("# Good research from York", "# York research")
    post.write_text(text, encoding="utf-8")


def remove_post(blog: Path) -> None:
    (blog / "posts/2010/contactpoint-is-dead-on-6th-august-lets-celebrate.md").unlink()


def change_tags(blog: Path) -> None:
    post = blog / "posts/2010/another-year-over.md"
    text = post.read_text(encoding="utf-8").replace(
        "tags: [Munro Review,", "tags: [Ofsted, Munro Review,"
    )
    post.write_text(text.replace(", Khyra Ishaq]", "]"), encoding="utf-8")


def test_an_edit_to_a_term_in_an_excerpt_rewrites_the_home_page(tmp_path):
    """The home page shows a post's excerpt in its blocks: a definition's term
    is the excerpt's too, though no paragraph.  An edit to the term alone
    rewrites the home page in an incremental build, as a clean build shows it."""
    post = "---\ndate: 2010-07-29\nexcerpt: 1\n---\n\n# Terms\n\nSection 47\n: An enquiry.\n"
    blog = copy_blog(tmp_path / "blog")
    (blog / "posts/2010/terms.md").write_text(post, encoding="utf-8")
    out = blog / "_build/html"
    run_build(blog, out)
    assert "Section 47" in (out / "index.html").read_text(encoding="utf-8")
    edited = post.replace("Section 47", "Section 17")
    (blog / "posts/2010/terms.md").write_text(edited, encoding="utf-8")
    run_build(blog, out)
    clean = copy_blog(tmp_path / "clean")
    (clean / "posts/2010/terms.md").write_text(edited, encoding="utf-8")
    run_build(clean, clean / "_build/html")
    assert "Section 17" in (out / "index.html").read_text(encoding="utf-8")
    assert_same_tree(out, clean / "_build/html")


def pin_post(blog: Path) -> None:
    """The oldest post pinned: the home page shows it first (sticky)."""
    post = blog / "posts/2010/another-year-over.md"
    post.write_text(post.read_text(encoding="utf-8").replace("---\n", "---\nsticky: true\n", 1))


@pytest.mark.parametrize(
    "change", [edit_body, fix_typo, add_post, retitle, remove_post, change_tags, pin_post]
)
def test_incremental_build_equals_clean_build(tmp_path, change):
    blog = copy_blog(tmp_path / "blog")
    out = blog / "_build/html"
    run_build(blog, out)
    change(blog)
    run_build(blog, out)  # incremental: the saved environment is reused
    clean = copy_blog(tmp_path / "clean")
    for name in ("posts",):
        shutil.rmtree(clean / name)
        shutil.copytree(blog / name, clean / name)
    run_build(clean, clean / "_build/html")
    assert_same_tree(out, clean / "_build/html")
    assert filecmp.cmp(out / "blog/atom.xml", clean / "_build/html/blog/atom.xml", shallow=False)


def test_a_page_put_under_another_is_listed_so_on_every_page(tmp_path):
    """A page given a parent (``parent:``): every page's sidebar lists it
    under that page, as a clean build's does (the sidebar's pages are on
    every page: a change to their places writes every page again)."""
    blog = copy_blog(tmp_path / "blog")
    page = "---\n{front}orphan: true\n---\n\n# {title}\n\nText.\n"
    (blog / "pages").mkdir()
    (blog / "pages/contact.md").write_text(page.format(front="", title="Contact"))
    (blog / "pages/press.md").write_text(page.format(front="", title="Press"))
    out = blog / "_build/html"
    run_build(blog, out)
    (blog / "pages/press.md").write_text(page.format(front="parent: contact\n", title="Press"))
    run_build(blog, out)
    clean = copy_blog(tmp_path / "clean")
    shutil.copytree(blog / "pages", clean / "pages")
    run_build(clean, clean / "_build/html")
    assert_same_tree(out, clean / "_build/html")
    for rel in ("index.html", "posts/2010/another-year-over.html"):
        html = BeautifulSoup((out / rel).read_text(encoding="utf-8"), "html.parser")
        contact = html.select_one("nav.blog-navigation a[href$='contact.html']").parent
        assert [a.get_text() for a in contact.select(":scope > ul > li > a")] == ["Press"], rel


def test_feed_follows_a_one_word_fix(tmp_path):
    """Only pages and feeds that show an edited post are rendered again; a fix
    that changes neither its excerpt nor its length still reaches the feeds."""
    import feedparser

    blog = copy_blog(tmp_path / "blog")
    out = blog / "_build/html"
    run_build(blog, out)
    fix_typo(blog)
    run_build(blog, out)
    for feed in ("blog/atom.xml", "blog/tag/ofsted/atom.xml"):
        parsed = feedparser.parse((out / feed).read_bytes())
        entry = next(e for e in parsed.entries if e.link.endswith("birmingham-blues.html"))
        assert "awfully smug" in entry.content[0].value, feed


def mtimes(root: Path) -> dict[str, int]:
    return {
        p.relative_to(root).as_posix(): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()
    }


def changed_since(before: dict[str, int], root: Path) -> set[str]:
    return {name for name, mtime in mtimes(root).items() if before.get(name) != mtime}


def sphinx_rewrites(name: str) -> bool:
    """What Sphinx itself writes on every build: static files, its inventory."""
    return name == "objects.inv" or name.startswith("_static/")


def test_noop_and_body_edit_rewrite_only_what_changed(tmp_path):
    blog = copy_blog(tmp_path / "blog")
    out = blog / "_build/html"
    run_build(blog, out)
    before = mtimes(out)
    run_build(blog, out)
    assert {n for n in changed_since(before, out) if not sphinx_rewrites(n)} == set()
    before = mtimes(out)
    edit_body(blog)
    run_build(blog, out)
    changed = {n for n in changed_since(before, out) if not sphinx_rewrites(n)}
    assert "posts/2010/birmingham-blues.html" in changed
    assert "posts/2010/good-research-from-york.html" not in changed  # no list changed
    # The post, and what lists it (its reading time): home page, archives, feeds;
    # the search index's files that hold its words, and the search page, which
    # names the index's new meta file.
    allowed = ("posts/2010/birmingham", "blog/", "index.html", "search.html")
    allowed += ("feeds/posts/default", "feeds/posts/summary", "atom.xml", "rss.xml")
    assert all(name.startswith((*allowed, "pagefind/")) for name in changed), changed
    searched = {n for n in changed if n.startswith("pagefind/")}
    assert searched and len(searched) < len(list((out / "pagefind").rglob("*.*"))) / 2


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_parallel_build_equals_serial_build(tmp_path, jobs):
    """``-j 2``: read in parallel, written serially; ``-j 3``: pages and the
    archive's own pages written by forked workers too."""
    from blogarchive.build import build

    root = REPO / "tests/roots/test-pagination"
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    assert build(root, serial / "html", jobs="1") == 0
    assert build(root, parallel / "html", jobs=jobs) == 0
    assert_same_tree(serial / "html", parallel / "html")


def in_parts(blog: Path) -> Path:
    """The blog with its search index made in parts of two pages (search.py):
    About and five posts are four parts (the newest post alone in the first),
    as a blog of thousands of posts is."""
    conf = blog / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + "\nblog_search_part_pages = 2\n")
    return blog


def remove_two_posts(blog: Path) -> None:
    """Four pages left: the index in three parts, not four."""
    remove_post(blog)
    (blog / "posts/2010/good-research-from-york.md").unlink()


@pytest.mark.parametrize("change", [edit_body, add_post, remove_post, remove_two_posts])
def test_an_index_in_parts_is_made_again_only_where_its_text_changed(tmp_path, change):
    """An edit indexes only its post's part again (the others' bundles are
    kept: their text is what it was); whatever changed, the site is a clean
    build's, byte for byte."""
    blog = in_parts(copy_blog(tmp_path / "blog"))
    out = blog / "_build/html"
    run_build(blog, out)
    before = mtimes(out)
    change(blog)
    run_build(blog, out)
    searched = {n for n in changed_since(before, out) if n.startswith("pagefind/")}
    if change is edit_body:  # birmingham-blues: the third part, with good-research's
        assert searched and all(n.startswith("pagefind/part-3/") for n in searched), searched
    if change is add_post:  # the newest, alone in the first part; the oldest two kept
        assert any(n.startswith("pagefind/part-2/") for n in searched), searched
        assert not [n for n in searched if n.startswith(("pagefind/part-3/", "pagefind/part-4/"))]
    clean = in_parts(copy_blog(tmp_path / "clean"))
    shutil.rmtree(clean / "posts")
    shutil.copytree(blog / "posts", clean / "posts")
    run_build(clean, clean / "_build/html")
    assert_same_tree(out, clean / "_build/html")
