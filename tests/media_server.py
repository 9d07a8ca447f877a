"""The old blog's picture host, on 127.0.0.1: what `blog import` downloads from in tests.

Serves a few pictures and a document, and the ways a real host fails: a
missing file (404), an HTML page where a picture should be, a server error
that passes on retry, a file too slow to arrive.  Every request is logged.
"""

from __future__ import annotations

import http.server
import threading
import time

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
    b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>'
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FILES = {
    "/s320/board.png": ("image/png", PNG + b"small"),
    "/s1600/board.png": ("image/png", PNG + b"large"),
    "/img/chart.png": ("image/png", PNG + b"chart"),
    "/img/chart-2x.png": ("image/png", PNG + b"chart 2x"),
    "/files/report.pdf": ("application/pdf", b"%PDF-1.4 a report"),
    "/img/flaky.png": ("image/png", PNG + b"flaky"),
    "/img/page.png": ("text/html", b"<html>not a picture</html>"),
    "/img/slow.png": ("image/png", PNG + b"slow"),
    "/video/hearing.webm": ("video/webm", b"\x1aE\xdf\xa3 a video"),
    "/audio/minutes.mp3": ("audio/mpeg", b"ID3 the minutes"),
    # A hostile host's "pictures": each would run script on the archive's own
    # site, opened from it (tests/test_media.py).
    "/img/drawing.svg": ("image/svg+xml", SVG),
    "/img/sketch": ("image/svg+xml", SVG),  # no name to tell: its type does
    "/img/photo.html": ("application/octet-stream", b"<script>x()</script>"),
    "/img/photo.xhtml": ("image/png", b'<html xmlns="http://www.w3.org/1999/xhtml"><script/>'),
    "/docs/minutes.docx": (DOCX, b"PK a document"),  # a type with "xml" in it, kept
    # A self-hosted WordPress blog's own uploads, on the blog's own host.
    "/wp-content/uploads/2010/07/photo.png": ("image/png", PNG + b"uploaded"),
    "/wp-content/uploads/2010/07/report.pdf": ("application/pdf", b"%PDF-1.4 an upload"),
}


class MediaServer:
    def __init__(self):
        self.requests: list[str] = []
        self._failed_once: set[str] = set()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server.requests.append(self.path)
                if self.path == "/img/flaky.png" and self.path not in server._failed_once:
                    server._failed_once.add(self.path)
                    self.send_error(503)
                    return
                if self.path == "/img/slow.png":
                    time.sleep(1.5)
                if self.path not in FILES:
                    self.send_error(404)
                    return
                kind, body = FILES[self.path]
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the importer gave up waiting (the time limit's test)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()  # refuse connections from now on: the host is gone
