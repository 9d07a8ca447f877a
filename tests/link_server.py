"""The web and the Internet Archive, on 127.0.0.1: what `blog links` checks in tests.

The web: a live page, a page moved elsewhere (301), a page gone (404) that
the archive has a copy of, one gone with no copy, one that never answers in
time, one that fails once (503) and then answers.  The archive's
availability API (``/wayback/available``) answers as archive.org does.
Every request is logged with when it arrived.
"""

from __future__ import annotations

import http.server
import json
import threading
import time
from urllib.parse import parse_qs, urlsplit

#: Paths the archive has a snapshot of, and the snapshot's timestamp.
SNAPSHOTS = {"/gone-archived": "20100702101500"}


class LinkServer:
    def __init__(self):
        self.requests: list[tuple[float, str]] = []
        self.archive_queries: list[dict] = []
        self._failed_once: set[str] = set()
        self.snapshots = dict(SNAPSHOTS)
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server.requests.append((time.monotonic(), self.path))
                parts = urlsplit(self.path)
                if parts.path == "/wayback/available":
                    self._archive(parse_qs(parts.query))
                elif parts.path == "/moved":
                    self.send_response(301)
                    self.send_header("Location", "/live")
                    self.end_headers()
                elif parts.path.startswith("/live"):
                    self._page(200)
                elif parts.path == "/flaky" and parts.path not in server._failed_once:
                    server._failed_once.add(parts.path)
                    self._page(503)
                elif parts.path == "/flaky":
                    self._page(200)
                elif parts.path == "/slow":
                    time.sleep(2)
                    self._page(200)
                else:
                    self._page(404)

            def _page(self, code: int, body: bytes = b"<html><p>a page</p></html>"):
                try:
                    self.send_response(code)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the checker gave up waiting

            def _archive(self, query: dict):
                url = query.get("url", [""])[0]
                server.archive_queries.append({k: v[0] for k, v in query.items()})
                stamp = server.snapshots.get(urlsplit(url).path)
                closest = {}
                if stamp:
                    closest = {
                        "closest": {
                            "available": True,
                            "status": "200",
                            "timestamp": stamp,
                            "url": f"http://web.archive.org/web/{stamp}/{url}",
                        }
                    }
                body = json.dumps({"url": url, "archived_snapshots": closest}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def api(self) -> str:
        return f"{self.origin}/wayback/available"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
