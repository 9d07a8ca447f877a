"""`blog serve` (issue 3): a live preview on 127.0.0.1 that rebuilds on a change.

Runs the real command on a copy of the blog, edits a post, and waits for the
served page to show the edit; the page carries sphinx-autobuild's reload script.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from blogsite import REPO


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


def test_serve_rebuilds_when_a_post_changes(tmp_path):
    blog = tmp_path / "blog"
    blog.mkdir()
    for name in ("conf.py", "index.md", "about.md"):
        shutil.copy(REPO / name, blog / name)
    for name in ("posts", "_templates", "_static"):
        shutil.copytree(REPO / name, blog / name)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "blogarchive.cli", "serve", "--port", str(port)],
        cwd=blog,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/posts/2010/birmingham-blues.html"
        page = wait_for(url, "There’s nothing I like less")
        assert "websocket" in page.lower()  # the browser reloads itself
        post = blog / "posts/2010/birmingham-blues.md"
        post.write_text(post.read_text(encoding="utf-8") + "\nA postscript, added live.\n")
        wait_for(url, "A postscript, added live.")
        # Search works in the preview too: its page and Pagefind's index are served.
        base = f"http://127.0.0.1:{port}/"
        assert 'id="search-form"' in wait_for(base + "search.html", "search-results")
        assert '"page_count"' in wait_for(base + "pagefind/pagefind-entry.json", "page_count")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert Path(blog / "_build/serve").is_dir()
