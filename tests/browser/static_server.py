"""A built site served on 127.0.0.1 as GitHub Pages serves it: ``/x`` from
``x.html`` when there is no ``x``, and ``404.html`` (with status 404) for any
address it does not have."""

from __future__ import annotations

import functools
import http.server
import threading
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; a missing one answers 404 with the site's 404.html."""

    def log_message(self, *args):  # keep test output quiet
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if not path.exists() and path.with_name(path.name + ".html").is_file():
            # GitHub Pages serves /search/label/Ofsted from search/label/Ofsted.html
            self.path = urlsplit(self.path).path + ".html"
            return super().send_head()
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
