"""An instant no-op (issue 15): when nothing a build reads has changed, the
build does not start Sphinx at all; any change to what it reads — a post, a
template, the settings, git's HEAD — or a scheduled post falling due builds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_reproducible import copy_blog


def run(blog: Path, prefix: list[str] | None = None) -> str:
    command = [
        *(prefix or []),
        sys.executable,
        "-m",
        "blogarchive.build",
        str(blog),
        str(blog / "_build/html"),
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, "TZ": "UTC"}
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def environment(blog: Path) -> int:
    return (blog / "_build/html.doctrees/environment.pickle").stat().st_mtime_ns


def test_nothing_changed_means_no_build(tmp_path):
    blog = copy_blog(tmp_path / "blog")
    assert "site published" in run(blog)
    before = environment(blog)
    assert "site up to date" in run(blog)
    assert environment(blog) == before  # Sphinx never started
    # Nor was it imported, nor ABlog, Furo or MyST: the check is all a no-op
    # costs (0.8 s of a 0.9 s no-op were those imports).
    code = "import sys; from blogarchive.build import main; main(sys.argv[1:]); print(*sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code, str(blog), str(blog / "_build/html")],
        capture_output=True,
        text=True,
        env={**os.environ, "TZ": "UTC"},
    )
    assert "site up to date" in result.stdout
    loaded = set(result.stdout.split())
    assert not loaded & {
        "sphinx",
        "ablog",
        "furo",
        "myst_parser",
        "docutils",
        "blogarchive.extension",
    }


@pytest.mark.parametrize(
    "change",
    ["a post", "a template", "the settings", "a new comments file", "links", "a new e-book"],
)
def test_a_change_to_what_a_build_reads_builds(tmp_path, change):
    blog = copy_blog(tmp_path / "blog")
    run(blog)
    target = {
        "a post": blog / "posts/2010/birmingham-blues.md",
        "a template": blog / "_templates/components/related-posts.html",
        "the settings": blog / "conf.py",
        "a new comments file": blog / "posts/2010/birmingham-blues.comments.yaml",
        "links": blog / "links.yaml",
        "a new e-book": blog / "_build/epub/chrismillsblog.epub",
    }[change]
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    else:
        target.write_text("[]\n", encoding="utf-8")
    assert "site published" in run(blog)


def test_a_scheduled_post_falling_due_builds(tmp_path):
    if not shutil.which("faketime"):
        pytest.fail("faketime is not installed: `make test` installs it")
    blog = copy_blog(tmp_path / "blog")
    (blog / "posts/2030").mkdir()
    (blog / "posts/2030/later.md").write_text(
        "---\ndate: 2030-06-01\n---\n\n# Later\n\nScheduled.\n", encoding="utf-8"
    )
    assert "site published" in run(blog, ["faketime", "2029-01-01 12:00:00"])
    assert not (blog / "_build/html/posts/2030/later.html").exists()
    assert "site up to date" in run(blog, ["faketime", "2029-06-01 12:00:00"])
    assert "site published" in run(blog, ["faketime", "2030-06-02 12:00:00"])
    assert (blog / "_build/html/posts/2030/later.html").exists()


def test_a_new_commit_builds(tmp_path):
    blog = copy_blog(tmp_path / "blog")
    git = ["git", "-C", str(blog), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "one"], check=True)
    run(blog)
    assert "site up to date" in run(blog)
    subprocess.run([*git, "commit", "-qm", "two", "--allow-empty"], check=True)
    assert "site published" in run(blog)  # the footer names the new commit


def test_a_site_built_beside_its_sources_still_sees_their_changes(tmp_path):
    """The published folder's own files are left out of the check, not every file
    that shares its parent folder (tmp/blog built into tmp/html)."""
    blog = copy_blog(tmp_path / "blog")
    out = tmp_path / "html"
    build = [sys.executable, "-m", "blogarchive.build", str(blog), str(out)]
    env = {**os.environ, "TZ": "UTC"}

    def run_beside() -> str:
        result = subprocess.run(build, capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert "site published" in run_beside()
    assert "site up to date" in run_beside()
    post = blog / "posts/2010/birmingham-blues.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nA postscript.\n", encoding="utf-8")
    assert "site published" in run_beside()
    assert "A postscript." in (out / "posts/2010/birmingham-blues.html").read_text(encoding="utf-8")


def test_a_changed_stylesheet_reaches_every_page_with_its_new_checksum(tmp_path):
    """Every page links _static/site.css?v=<its crc32> (stylesheet.py): when
    custom.css changes, so does site.css, and every page, the archive's own
    included, names the new checksum, so that no reader's browser keeps the
    old stylesheet from its cache."""
    import zlib

    from bs4 import BeautifulSoup

    blog = copy_blog(tmp_path / "blog")
    run(blog)
    custom = blog / "_static/custom.css"
    custom.write_text(custom.read_text(encoding="utf-8") + "\n.x-new { color: red; }\n")
    assert "site published" in run(blog)
    site = blog / "_build/html"
    css = (site / "_static/site.css").read_bytes()
    assert b".x-new { color: red; }" in css
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.parts]
    linked = 0
    for page in pages:
        for link in BeautifulSoup(page.read_bytes(), "html.parser").select("link[rel=stylesheet]"):
            href, _, version = link["href"].partition("?v=")
            assert href.endswith("_static/site.css"), page
            assert version == f"{zlib.crc32(css):08x}", page.relative_to(site)
            linked += 1
    assert linked > 20


def test_an_edit_renders_again_only_the_archive_pages_that_show_the_post(tmp_path):
    """Each archive page's key (incremental.GeneratedFiles) holds what every
    page shares and the posts it shows: editing one post's text changes the
    keys of the pages that list it, and no other, in a new process (nothing
    in the shared part may be ordered by Python's per-process string hashing,
    or every page is rendered again on every build)."""
    import json

    blog = copy_blog(tmp_path / "blog")
    run(blog)
    manifest = blog / "_build/html.work/.blogarchive-pages"
    before = json.loads(manifest.read_text(encoding="utf-8"))
    post = blog / "posts/2010/birmingham-blues.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nAn added sentence.\n")
    assert "site published" in run(blog)
    after = json.loads(manifest.read_text(encoding="utf-8"))
    assert after.keys() == before.keys()
    changed = {page for page in after if after[page] != before[page]}
    assert "blog/tag/ofsted/index.html" in changed  # the post is tagged Ofsted
    assert "blog/tag/privacy/index.html" not in changed  # it is not tagged privacy
    assert len(changed) < len(after) // 2, sorted(changed)


def test_a_changed_template_is_compiled_again(tmp_path):
    """Templates compiled once are kept beside the doctrees (templates.py)
    and read from there by the next build; a template whose source changed
    is compiled again, and its pages show the change."""
    blog = copy_blog(tmp_path / "blog")
    run(blog)
    compiled = list(blog.glob("_build/html.doctrees/blogarchive-templates/*/*.cache"))
    assert len(compiled) > 10
    template = blog / "_templates/components/related-posts.html"
    source = template.read_text(encoding="utf-8")
    template.write_text('<p class="changed-template">Changed</p>\n' + source, encoding="utf-8")
    assert "site published" in run(blog)
    page = (blog / "_build/html/posts/2010/birmingham-blues.html").read_text(encoding="utf-8")
    assert page.count('<p class="changed-template">Changed</p>') == 1


def test_a_change_to_the_extensions_code_reads_every_post_again(tmp_path):
    """A change to the extension (an upgrade, a pull: a new check of what a
    post may hold) started Sphinx, but Sphinx kept every post as it had read
    it before: a post the new code refuses was published by the incremental
    build while a clean build (CI's, whose cache is keyed by the code) failed
    on it.  The extension's version, by which Sphinx keeps or drops what it
    read, now follows its code, and every post is read again."""
    blog = copy_blog(tmp_path / "blog")
    code = tmp_path / "code"
    shutil.copytree(Path(__file__).resolve().parents[1] / "src/blogarchive", code / "blogarchive")
    env = {**os.environ, "PYTHONPATH": str(code)}  # this copy of the code, not the installed one
    command = [sys.executable, "-m", "blogarchive.build", str(blog), str(blog / "_build/html")]
    subprocess.run(command, check=True, capture_output=True, env=env)
    doctree = blog / "_build/html.doctrees/posts/2010/birmingham-blues.doctree"
    before = doctree.stat().st_mtime_ns
    module = code / "blogarchive/privacy.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    result = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
    assert "site published" in result.stdout
    assert doctree.stat().st_mtime_ns != before  # read again
