"""`blog serve` (issue 3): a live preview on 127.0.0.1 that rebuilds on a change.

Runs the real command on a copy of the blog, edits a post, and waits for the
served page to show the edit; the page carries sphinx-autobuild's reload script.
Each build runs in a worker warmed up before the change (issue 15, serve.py):
what it shows must be what the files say at the change — settings, front
matter, a post that failed and was mended — and the search index follows.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from blogarchive.serve import Preview, sphinx_arguments

from blogsite import REPO, Site


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = fetch(url)
        if body and text in body:
            return body
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {text!r}")


def wait_until(check, what: str, seconds: float = 90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.5)
    raise AssertionError(f"never: {what}")


def copy_of_the_blog(tmp_path) -> Path:
    blog = tmp_path / "blog"
    blog.mkdir()
    for name in ("conf.py", "index.md", "about.md"):
        shutil.copy(REPO / name, blog / name)
    for name in ("posts", "_templates", "_static"):
        shutil.copytree(REPO / name, blog / name)
    return blog


def start_serving(tmp_path, *extra: str):
    """``blog serve`` on a copy of the blog; with ``extra`` (sphinx-build's
    options), ``python -m blogarchive.serve``, which passes them on."""
    blog = copy_of_the_blog(tmp_path)
    port = free_port()
    command = ["-m", "blogarchive.serve", *extra] if extra else ["-m", "blogarchive.cli", "serve"]
    server = subprocess.Popen(
        [sys.executable, *command, "--port", str(port)],
        cwd=blog,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    return blog, server, f"http://127.0.0.1:{port}/"


def stop_serving(server) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def test_serve_rebuilds_when_a_post_changes(tmp_path):
    blog, server, base = start_serving(tmp_path)
    try:
        url = base + "posts/2010/birmingham-blues.html"
        page = wait_for(url, "There’s nothing I like less")
        assert "websocket" in page.lower()  # the browser reloads itself
        # Asked by another site's name (DNS rebinding: a page of evil.example,
        # its name turned to 127.0.0.1, reading the preview's drafts): refused.
        port = urlsplit(base).port
        for name, allowed in ((f"localhost:{port}", True), (f"evil.example:{port}", False)):
            asked = urllib.request.Request(url, headers={"Host": name})
            try:
                with urllib.request.urlopen(asked, timeout=5) as response:
                    status, body = response.status, response.read().decode("utf-8")
            except urllib.error.HTTPError as refused:
                status, body = refused.code, refused.read().decode("utf-8")
            assert (status == 200) == allowed and ("nothing I like less" in body) == allowed
        post = blog / "posts/2010/birmingham-blues.md"
        post.write_text(post.read_text(encoding="utf-8") + "\nA postscript, added live.\n")
        wait_for(url, "A postscript, added live.")
        # Search works in the preview too: its page and Pagefind's index are served,
        # and the index catches up with the edit.
        assert 'id="search-form"' in wait_for(base + "search.html", "search-results")
        assert '"page_count"' in wait_for(base + "pagefind/pagefind-entry.json", "page_count")
        site = Site(blog / "_build/serve")
        wait_until(
            lambda: any(
                "added live" in record["content"]
                for url, record in site.search_index().items()
                if url.endswith("birmingham-blues.html")
            ),
            "the preview's search index has the edit",
        )
    finally:
        stop_serving(server)
    assert Path(blog / "_build/serve").is_dir()


def test_each_preview_build_reads_the_files_as_they_are_at_the_change(tmp_path):
    """The worker warmed up before the change has read nothing of the blog:
    a new setting, a new post, and a post that failed and was mended, each
    shows in the very next build."""
    blog, server, base = start_serving(tmp_path)
    try:
        wait_for(base + "index.html", "Birmingham")
        conf = blog / "conf.py"
        text = conf.read_text(encoding="utf-8")
        assert 'html_title = "Chris Mills\' blog"' in text
        conf.write_text(text.replace('html_title = "Chris Mills\' blog"', 'html_title = "Notes"'))
        wait_for(base + "index.html", "<title>Notes")
        broken = blog / "posts/2010/a-late-post.md"
        broken.write_text("---\ndate: not a date\n---\n\n# A late post\n\nLate words.\n")
        # The preview goes on; the post's page says why it is not right (reported.py).
        page = wait_for(base + "posts/2010/a-late-post.html", "build-problems")
        assert "a-late-post.md, line 2" in page
        assert "Birmingham" in wait_for(base + "index.html", "Birmingham")
        broken.write_text("---\ndate: 2010-07-30\n---\n\n# A late post\n\nLate words.\n")
        wait_for(base + "posts/2010/a-late-post.html", "Late words.")
        assert "A late post" in wait_for(base + "index.html", "A late post")
    finally:
        stop_serving(server)


def test_the_preview_says_how_many_problems_its_pages_show(tmp_path, capfd):
    """A build with problems went on in the preview and said "Pages rebuilt",
    as if all were well: it says how many problems it reported, each shown
    at the top of its page.  A build with none says so as before."""
    blog = copy_of_the_blog(tmp_path).resolve()
    arguments = sphinx_arguments(blog, blog / "_build/serve", "127.0.0.1:9", [])
    preview = Preview(blog, arguments)
    try:
        preview(changed_paths=())
        assert "Pages rebuilt in" in capfd.readouterr().out
        post = blog / "posts/2010/birmingham-blues.md"
        text = post.read_text(encoding="utf-8")
        post.write_text(text + "\nA [mistyped link][l].\n\n[1]: https://example.org/\n")
        (blog / "posts/2010/a-late-post.md").write_text("---\ndate: soon\n---\n\n# Late\n")
        preview(changed_paths=[post])
        out = capfd.readouterr().out
    finally:
        preview.stop()
    # (the mistyped label, from both ends: a link by no definition's label, a
    # definition no link uses; the date)
    assert "with 3 problems (above), each shown at the top of its page" in out, out
    assert "the search index follows" not in out


def test_the_preview_rebuilds_for_the_blogs_files_not_its_output_or_tools(tmp_path):
    """Changes are judged by their path inside the repository: a blog kept in
    a folder named ``tests`` or ``_build`` is still watched (the pattern
    sphinx-autobuild was given matched the whole path, and ignored it all)."""
    blog = tmp_path / "tests" / "_build" / "blog"
    preview = Preview(blog, [])
    for watched in ("posts/2010/a.md", "conf.py", "_templates/page.html", "_static/x.css"):
        assert not preview.ignored(str(blog / watched)), watched
    for ignored in ("_build/html/a.html", ".git/index", "tests/test_x.py", "posts/.a.md.swp",
                    "posts/a.md~", ".venv/lib/x.py", "benchmarks/run.py"):  # fmt: skip
        assert preview.ignored(str(blog / ignored)), ignored


def test_an_edit_indexes_its_posts_part_of_the_preview_alone(tmp_path):
    """The preview's search index is made in parts (serve.PREVIEW_PART_PAGES;
    here of two pages, six pages in four parts): an edit makes its post's
    part again, and leaves every file of the other parts as it was."""
    blog, server, base = start_serving(tmp_path, "-D", "blog_search_part_pages=2")
    bundle = blog / "_build/serve/pagefind"
    site = Site(blog / "_build/serve")
    try:
        wait_for(base + "pagefind/part-4/pagefind-entry.json", "page_count")
        oldest = [url for url in site.search_index(bundle / "part-4") if "/posts/" in url]
        assert len(oldest) == 1
        before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in bundle.rglob("*")}
        source = blog / oldest[0].split("/_build/serve/")[-1].lstrip("/").replace(".html", ".md")
        source.write_text(source.read_text(encoding="utf-8") + "\nA line added to its part.\n")
        wait_until(
            lambda: any(
                "added to its part" in record["content"]
                for record in site.search_index(bundle / "part-4").values()
            ),
            "the edited post's part has the edit",
        )
    finally:
        stop_serving(server)
    others = [p for p in before if p.is_file() and "part-4" not in p.relative_to(bundle).parts]
    assert len(others) > 10
    assert [p for p in others if (p.stat().st_ino, p.stat().st_mtime_ns) != before[p]] == []
    assert sorted(p.name for p in bundle.glob("part-*")) == ["part-2", "part-3", "part-4"]
    assert len(site.search_index()) == 6  # every page still found
