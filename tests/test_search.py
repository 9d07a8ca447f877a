"""Search that scales (issue 15): Pagefind's chunked index replaces Sphinx's
whole-site searchindex.js.  Every post is in it with its title and date; the
archive pages, the sidebar and the "¶" of headings are not.  (Searching in a
browser, with results, dates and marked words: tests/browser/test_reader.py.)
"""

from __future__ import annotations

import json


def test_sphinx_index_is_gone_and_pagefind_is_published(site):
    assert not site.path("searchindex.js").exists()
    entry = json.loads(site.path("pagefind/pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 6  # the five posts and About
    assert site.path("pagefind/pagefind.js").is_file()


def test_every_post_is_indexed_with_its_title_and_date(site, post_sources):
    index = site.search_index()
    for rel, front in post_sources.items():
        record = index["/" + rel]
        assert record["meta"]["title"] == front["title"]
        assert record["meta"]["day"] == str(front["date"])[:10]
        assert record["meta"]["date"].endswith("July 2010")
        assert "¶" not in record["content"]
        assert front["title"] in record["content"]


def test_only_documents_are_indexed(site):
    urls = set(site.search_index())
    assert not [u for u in urls if u.startswith("/blog/") or u == "/index.html"]
    sidebar_words = "Recent posts"
    assert not [r for r in site.search_index().values() if sidebar_words in r["content"]]


def test_the_search_page_is_a_form_and_a_script(site):
    page = site.page("search.html")
    form = page.select_one("form#search-form")
    assert form["method"] == "get" and form.select_one("input[name=q]")
    assert page.select_one("ol#search-results") is not None
    assert page.select_one('script[type="module"]')["src"] == "_static/search.js"
    # Pagefind's WebAssembly runs in its worker: no page may compile any.
    policy = page.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert "eval" not in policy and "script-src 'self'" in policy
    post = site.page("posts/2010/birmingham-blues.html")
    # The sidebar's search box submits to it.
    assert post.select_one("form.sidebar-search-container")["action"] == "../../search.html"


def test_the_search_page_asks_for_what_the_first_search_needs_at_once(site):
    preloads = site.page("search.html").select('link[rel="preload"], link[rel="modulepreload"]')
    targets = {link["href"] for link in preloads}
    assert targets == {
        "pagefind/pagefind.js",
        "pagefind/pagefind-worker.js",
        "pagefind/pagefind-entry.json",
        "pagefind/wasm.en.pagefind",
    }
    for href in targets:
        assert site.path(href).is_file(), href  # each is a file Pagefind wrote
