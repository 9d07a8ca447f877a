"""A preview's pages show what the build reported about them (reported.py).

`blog serve` goes on past a warning or an error, so that the author sees the
rest; its pages of a post it could not read well (front matter it could not
parse, HTML it would not take, a comments file it could not read) were
written without a word of why, the reason only in the terminal.  Built here
as `blog serve` builds (sphinx-build, ``blog_preview``, no ``-W``), serially
and in parallel, read as a reader reads the page.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from blogsite import REPO, Site

ROOT = REPO / "tests/roots/test-bad-input"

POST = "---\ndate: {date}\n{extra}---\n\n# {title}\n\nWords of {title}.\n"


def blog(tmp_path: Path) -> Path:
    source = tmp_path / "blog"
    source.mkdir()
    for name in ("conf.py", "index.md"):
        shutil.copy(ROOT / name, source / name)
    posts = source / "posts" / "2010"
    posts.mkdir(parents=True)
    write(posts / "good.md", "2010-07-01", "Good")
    write(posts / "broken.md", "2010-07-02", "Broken", "tags: [a, b\n")
    write(posts / "quoted.md", "2010-07-03", "Quoted")
    write(posts / "discussed.md", "2010-07-04", "Discussed")
    return source


def write(path: Path, date: str, title: str, extra: str = "") -> None:
    path.write_text(POST.format(date=date, title=title, extra=extra), encoding="utf-8")


def preview(source: Path, jobs: str, *settings: str, preview: bool = True) -> Site:
    """Built as ``blog serve`` builds (serve.sphinx_arguments): no ``-W``."""
    out = source / "_build" / "serve"
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-j", jobs, "-q"]
    command += ["-d", str(out.with_name("serve.doctrees"))]
    command += ["-D", "blog_preview=1"] if preview else []
    for setting in settings:
        command += ["-D", setting]
    result = subprocess.run([*command, str(source), str(out)], capture_output=True, text=True)
    assert "Traceback" not in result.stderr, result.stderr
    return Site(out, log=result.stderr)


def problems(site: Site, rel: str) -> list[tuple[str, str, str]]:
    """The page's banner: (where, error or warning, message) of each problem."""
    return [
        (
            item.select_one(".build-problem-where").get_text(),
            "error" if "build-problem-error" in item["class"] else "warning",
            item.select_one(".build-problem-message").get_text(),
        )
        for item in site.page(rel).select(".build-problems li.build-problem")
    ]


@pytest.mark.parametrize("jobs", ["1", "2", "4"])
def test_a_preview_page_shows_what_the_build_reported_about_it(tmp_path, jobs):
    source = blog(tmp_path)
    posts = source / "posts" / "2010"
    # Raw HTML left open hides the rest of the post; the page says why, at its line.
    (posts / "quoted.md").write_text(
        '---\ndate: 2010-07-03\n---\n\n# Quoted\n\nSeen.\n\n<div class="x\n\nLost.\n',
        encoding="utf-8",
    )
    # A comments file the build cannot read: its post's page names it.
    (posts / "discussed.comments.yaml").write_text(
        '- id: "1"\n  date: 2010-07-05\n  html: [a\n', encoding="utf-8"
    )
    site = preview(source, jobs)
    assert "broken.md:3: " in site.log and "front matter: malformed YAML" in site.log
    broken = problems(site, "posts/2010/broken.html")
    assert ("posts/2010/broken.md, line 3", "error") in [p[:2] for p in broken]
    assert any(m.startswith("front matter: malformed YAML") for _, _, m in broken)
    banner = site.page("posts/2010/broken.html").select_one(".build-problems")
    assert banner["role"] == "alert"
    assert "A published build stops at" in banner.get_text()
    # Shown above the text, the page's first block.
    article = site.page("posts/2010/broken.html").select_one("article")
    assert article.find(class_="build-problems") is not None
    [(where, level, message)] = problems(site, "posts/2010/quoted.html")
    assert (where, level) == ("posts/2010/quoted.md, line 9", "error")
    assert message.startswith("html: '<div' is never closed")
    [(where, level, message)] = problems(site, "posts/2010/discussed.html")
    assert (where, level) == ("posts/2010/discussed.comments.yaml, line 3", "error")
    assert message.startswith("comments: cannot be read")
    assert site.page("posts/2010/good.html").select_one(".build-problems") is None
    assert site.page("index.html").select_one(".build-problems") is None


def test_a_problem_shows_until_its_post_is_mended(tmp_path):
    source = blog(tmp_path)
    posts = source / "posts" / "2010"
    (posts / "quoted.md").write_text(
        "---\ndate: 2010-07-03\n---\n\n# Quoted\n\n<!-- a note\n\nLost.\n", encoding="utf-8"
    )
    preview(source, "2")
    # Every page written again, none read again (an "html" setting changed):
    # the problems are still those of the sources, kept from when they were read.
    site = preview(source, "2", "blog_recent_posts=4")
    assert "malformed YAML" not in site.log  # not read again, not reported again
    assert [p[0] for p in problems(site, "posts/2010/broken.html")][-1].endswith("line 3")
    assert problems(site, "posts/2010/quoted.html")[0][0] == "posts/2010/quoted.md, line 7"
    # The front matter mended: its page's banner goes; the other post's stays.
    write(posts / "broken.md", "2010-07-02", "Broken", "tags: [a, b]\n")
    site = preview(source, "2", "blog_recent_posts=3")
    assert site.page("posts/2010/broken.html").select_one(".build-problems") is None
    assert problems(site, "posts/2010/quoted.html")[0][0] == "posts/2010/quoted.md, line 7"


@pytest.mark.parametrize("jobs", ["2", "4"])
def test_a_link_to_an_archive_page_follows_the_page_in_the_preview(tmp_path, jobs):
    """A link to a tag's page no post has yet: the preview's page of the post
    says so, at the link's line.  A post with that tag written, the linking
    post untouched, its page links to the tag's page and the banner is gone;
    the tag taken off again, the link is words and the banner is back."""
    source = blog(tmp_path)
    posts = source / "posts" / "2010"
    write(posts / "broken.md", "2010-07-02", "Broken")
    (posts / "good.md").write_text(
        POST.format(date="2010-07-01", title="Good", extra="")
        + "\nMy [posts on Munro](/blog/tag/munro/).\n",
        encoding="utf-8",
    )

    def link_and_banner(site):
        page = site.page("posts/2010/good.html")
        link = page.find("a", string="posts on Munro")
        return (link["href"] if link else None), problems(site, "posts/2010/good.html")

    site = preview(source, jobs)
    href, shown = link_and_banner(site)
    assert href is None and "posts on Munro" in site.page("posts/2010/good.html").get_text()
    [(where, level, message)] = shown
    assert (where, level) == ("posts/2010/good.md, line 9", "error")
    assert message.startswith("link: to '/blog/tag/munro/', which is no page of the site's")
    write(posts / "munro.md", "2010-07-05", "Munro", "tags: [Munro]\n")
    assert link_and_banner(preview(source, jobs)) == ("../../blog/tag/munro/index.html", [])
    write(posts / "munro.md", "2010-07-05", "Munro")
    href, shown = link_and_banner(preview(source, jobs))
    assert href is None and [where for where, _, _ in shown] == ["posts/2010/good.md, line 9"]


def test_a_problem_in_no_pages_file_shows_on_every_page_written(tmp_path):
    source = blog(tmp_path)
    write(source / "posts/2010/broken.md", "2010-07-02", "Broken")
    (source / "links.yaml").write_text("<<<<<<< HEAD\na: 1\n", encoding="utf-8")
    (source / "posts/2010/late.markdown").write_text("# Late\n", encoding="utf-8")
    site = preview(source, "1")
    for rel in ("index.html", "posts/2010/good.html", "posts/2010/broken.html"):
        shown = problems(site, rel)
        assert [where for where, _, _ in shown] == [
            "posts/2010/late.markdown, line 1",
            "links.yaml, line 1",
        ], rel
        assert "'.md', not '.markdown'" in shown[0][2]
        assert not shown[0][2].endswith("]")  # Sphinx's "[blogarchive.file]" left off


def test_what_a_problem_quotes_is_shown_as_text(tmp_path):
    source = blog(tmp_path)
    hostile = '"<script>alert(1)</script><img src=x onerror=alert(2)>"'
    write(source / "posts/2010/broken.md", "2010-07-02", "Broken", f"location: {hostile}\n"
          "draft: <b>yes</b>\n")  # fmt: skip
    site = preview(source, "1")
    page = site.page("posts/2010/broken.html")
    banner = page.select_one(".build-problems")
    assert "<b>yes</b>" in banner.get_text()
    assert banner.select("script, img, b") == []


def test_a_published_build_shows_no_banner(tmp_path):
    """Only a preview goes on past a problem; a page built without it has no
    banner (the README's build stops, with -W, and keeps the last site)."""
    source = blog(tmp_path)
    site = preview(source, "1", preview=False)
    assert "malformed YAML" in site.log
    for path in site.html_files():
        assert "build-problem" not in path.read_text(encoding="utf-8"), path


@pytest.mark.sphinx("html", testroot="bad-input", confoverrides={"blog_preview": True})
def test_a_problem_a_worker_holds_back_shows_on_its_page(app):
    """A worker process (Sphinx's, or the archive's on two cores) holds its
    logging back until its pages are written (Sphinx's ``pending_logging``):
    a problem found as a page's doctree is resolved, before its page is made
    (a link that leads nowhere), reached the banner after the page.  The
    page's banner reads it from what is held back."""
    from sphinx.util import logging as sphinx_logging

    from blogarchive.reported import Recorder

    app.build()
    recorder = Recorder(app)
    with sphinx_logging.pending_logging():  # as in a worker: every handler taken off
        sphinx_logging.getLogger("sphinx.blogarchive.test").error(
            "link: held back", location=("posts/2010/good", 9)
        )
        sphinx_logging.getLogger("sphinx.blogarchive.test").warning(
            "another page's", location=("index", 1)
        )
        held = recorder.held_back("posts/2010/good")
    assert held == [("posts/2010/good.md", 9, "error", "link: held back")]
