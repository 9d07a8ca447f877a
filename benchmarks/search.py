"""The first search on a slow network (issue 15), measured in Chromium.

Serves a built site on 127.0.0.1, opens its search page with a query in
Debian's Chromium under a slow-network profile (DevTools' "Slow 4G": 150 ms
latency, 1.6 Mbit/s down, 750 kbit/s up), each query in a new browser context
(a first visit: nothing cached), and reports:

- what the search itself transfers (Pagefind's script, WebAssembly, entry,
  metadata, index chunks and result fragments: every request under
  ``pagefind/``) before its first result shows, and in all (the search page
  searches a big blog's older parts once it has shown the newest posts
  found: _static/search.js); the page with its styles and scripts besides;
- the time from asking for the page until the first result shows, and from
  the search's start until its first result and its first page of results
  (ten, or all there are) show.

    .venv/bin/python benchmarks/search.py _build/html --query outcome --query safeguarding

Sphinx's own search, which this replaced, fetched ``searchindex.js`` whole before
its first result: its size is printed for comparison when the site has one.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

SLOW_4G = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1.6 * 1024 * 1024 / 8,
    "uploadThroughput": 750 * 1024 / 8,
}


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def first_search(browser, base: str, query: str) -> dict:
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    sizes: dict[str, int] = {}  # every request of the page
    ends: dict[str, float] = {}  # when each came, ms since the epoch

    def finished(request) -> None:
        # A preloaded file is asked for again when used, and comes from the
        # cache (size 0 or less): the larger of the two is what it cost, and
        # the first to come is when.
        size, timing = request.sizes(), request.timing
        cost = size["responseBodySize"] + size["responseHeadersSize"]
        sizes[request.url] = max(sizes.get(request.url, 0), cost)
        end = timing["startTime"] + timing["responseEnd"]
        ends[request.url] = min(ends.get(request.url, end), end)

    page.on("requestfinished", finished)
    start = time.perf_counter()
    page.goto(f"{base}search.html?q={query}")
    page.wait_for_function(  # results shown, or "Nothing found"
        "() => /found/.test(document.getElementById('search-status').textContent)",
        timeout=60_000,
    )
    seconds = time.perf_counter() - start
    page.wait_for_load_state("networkidle")
    searching = page.evaluate(
        "performance.measure('s', 'search-start', 'search-shown').duration / 1000"
    )
    first_page = page.evaluate(
        "performance.measure('p', 'search-start', 'search-page').duration / 1000"
    )
    shown = page.evaluate(
        "performance.timeOrigin + performance.getEntriesByName('search-shown')[0].startTime"
    )
    found = page.locator("#search-status").inner_text()
    context.close()
    searched = {url: n for url, n in sizes.items() if "/pagefind/" in url}
    return {
        "query": query,
        "found": found,
        "seconds": seconds,
        "searching": searching,
        "first_page": first_page,
        "first_kb": sum(n for url, n in searched.items() if ends[url] <= shown) / 1024,
        "search_kb": sum(searched.values()) / 1024,
        "total_kb": sum(sizes.values()) / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--query", action="append", default=[])
    args = parser.parse_args()
    httpd, base = serve(args.site)
    posts = len(list(args.site.glob("posts/**/*.html")))
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
            print(f"{posts} post pages; Slow 4G (150 ms, 1.6 Mbit/s), nothing cached")
            print(
                "| query | results | page asked → results | search started → results "
                "| search started → first page | search transfer before results "
                "| search transfer in all | page + search transfer |"
            )
            print("|---|---|---|---|---|---|---|---|")
            for query in args.query or ["outcome"]:
                r = first_search(browser, base, query)
                print(
                    f"| {r['query']} | {r['found']} | {r['seconds']:.2f} s "
                    f"| {r['searching']:.2f} s | {r['first_page']:.2f} s | {r['first_kb']:.0f} KB "
                    f"| {r['search_kb']:.0f} KB | {r['total_kb']:.0f} KB |"
                )
            browser.close()
    finally:
        httpd.shutdown()
    sphinx_index = args.site / "searchindex.js"
    if sphinx_index.exists():
        print(f"Sphinx's searchindex.js: {sphinx_index.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
