"""Browser fixtures: the built site served on 127.0.0.1 as GitHub Pages serves it
(``404.html`` for any missing address), and Debian's Chromium driven by Playwright.
"""

from __future__ import annotations

import functools
import http.server
import threading
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
# Chromium's own background traffic would hit this machine's closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; a missing one answers 404 with the site's 404.html."""

    def log_message(self, *args):  # keep test output quiet
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and not (path / "index.html").exists() or not path.exists():
            page = Path(self.directory) / "404.html"
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return BytesIO(body)
        return super().send_head()


class Server:
    def __init__(self, root: Path):
        handler = functools.partial(PagesHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "") -> str:
        return f"{self.origin}/{path.lstrip('/')}"

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        return (
            parts.scheme in ("data", "blob", "about")
            or f"{parts.scheme}://{parts.netloc}" == self.origin
        )

    def close(self):
        self.httpd.shutdown()


@pytest.fixture(scope="session")
def server(site):
    served = Server(site.root)
    yield served
    served.close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed: `make test` installs it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
