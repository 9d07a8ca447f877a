"""Search that scales (issue 15): Pagefind's chunked index replaces Sphinx's
whole-site searchindex.js.  Every post is in it with its title and date; the
archive pages, the sidebar and the "¶" of headings are not.  (Searching in a
browser, with results, dates and marked words: tests/browser/test_reader.py.)
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from sphinx.errors import ExtensionError

from blogarchive import search

from blogsite import Site


def test_sphinx_index_is_gone_and_pagefind_is_published(site):
    assert not site.path("searchindex.js").exists()
    entry = json.loads(site.path("pagefind/pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 6  # the five posts and About
    assert site.path("pagefind/pagefind.js").is_file()
    # Only what a search asks for: not Pagefind's own interfaces (the page has
    # its own), nor the WebAssembly of a language no page is in.
    published = {p.name for p in (site.root / "pagefind").iterdir()}
    assert not published & set(search.UNUSED_UI)
    assert "pagefind-worker.js" in published  # for a browser that cannot run Pagefind in a page
    assert {name for name in published if name.startswith("wasm.")} == {"wasm.en.pagefind"}


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
    # Pagefind's WebAssembly runs in the search page, the one page that may
    # compile WebAssembly: no page may eval script.
    policy = page.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert "script-src 'self' 'wasm-unsafe-eval' " in policy
    assert "eval" not in policy.replace("'wasm-unsafe-eval'", "")
    for other in ["index.html", "posts/2010/birmingham-blues.html", "about.html"]:
        policy = site.page(other).select_one('meta[http-equiv="Content-Security-Policy"]')
        assert "script-src 'self'" in policy["content"] and "eval" not in policy["content"]
    post = site.page("posts/2010/birmingham-blues.html")
    # The sidebar's search box submits to it.
    assert post.select_one("form.sidebar-search-container")["action"] == "../../search.html"


def test_the_search_page_asks_for_what_the_first_search_needs_at_once(site):
    preloads = site.page("search.html").select('link[rel="preload"], link[rel="modulepreload"]')
    targets = {link["href"] for link in preloads}
    entry = json.loads(site.path("pagefind/pagefind-entry.json").read_text())
    meta = f"pagefind/pagefind.{entry['languages']['en']['hash']}.pf_meta"
    (tagged,) = [t for t in targets if t.startswith("pagefind/pagefind-entry.json?")]
    assert targets == {
        "pagefind/pagefind.js",  # run in the page: Pagefind's worker is not published
        "pagefind/wasm.en.pagefind",
        tagged,  # the entry file, under the tag the search page gives Pagefind
        meta,  # the index's own, named by its hash once Pagefind has made it
    }
    assert parse_qs(urlsplit(tagged).query)["ts"][0]
    for href in targets:
        assert site.path(urlsplit(href).path).is_file(), href  # each is a file Pagefind wrote


def test_the_search_page_names_the_entry_and_meta_files_of_each_new_index(tmp_path):
    """An earlier index's names are replaced; the entry file's tag changes
    with its contents (so no reader's cache serves an old one for a new
    index); a page without the preloads is an error."""
    bundle, page = tmp_path / "pagefind", tmp_path / "search.html"
    bundle.mkdir()
    link = '<link rel="preload" href="pagefind/{}" as="fetch" crossorigin>'
    tags = []
    for written, made in [("pagefind.en.pf_meta", "en_0123456789"), (None, "en_9876543210")]:
        entry = {"version": "1.5.2", "languages": {"en": {"hash": made}}}
        (bundle / "pagefind-entry.json").write_text(json.dumps(entry))
        if written:  # as the template writes it; then the page as the last build left it
            page.write_text(f"<head>\n{link.format(written)}\n</head>")
        search.preload_index(page, [bundle])
        head = BeautifulSoup(page.read_text(), "html.parser")
        hrefs = [a["href"] for a in head.select('link[rel="preload"]')]
        assert hrefs[1] == f"pagefind/pagefind.{made}.pf_meta"
        assert urlsplit(hrefs[0]).path == "pagefind/pagefind-entry.json"
        tags.append(parse_qs(urlsplit(hrefs[0]).query)["ts"][0])
    assert tags[0] != tags[1]
    page.write_text("<head></head>")
    with pytest.raises(ExtensionError, match="search.html: no preload"):
        search.preload_index(page, [bundle])


def test_every_post_can_be_found_within_its_year_and_tags(site, post_sources):
    """The search page's Year and Tag lists: Pagefind filters on each post."""
    index = site.search_index()
    for rel, front in post_sources.items():
        filters = index["/" + rel]["filters"]
        assert filters["year"] == [str(front["date"])[:4]]
        assert sorted(filters["tag"]) == sorted(front["tags"])
    assert "filters" not in index["/about.html"] or not index["/about.html"]["filters"]
    page = site.page("search.html")
    assert [o.get_text() for o in page.select("select[name=year] option")] == ["Any year", "2010"]
    tags = [o.get_text() for o in page.select("select[name=tag] option")][1:]
    assert tags == sorted({t for f in post_sources.values() for t in f["tags"]}, key=str.casefold)


def test_filter_files_are_the_same_bytes_whatever_order_pagefind_wrote(site, tmp_path):
    """Pagefind writes a filter's values, and its list of filters, in a random
    order on each run (Pagefind#638): sort_filters makes one index of one site."""

    bundle = site.root / "pagefind"
    shuffled = tmp_path / "pagefind"
    shutil.copytree(bundle, shuffled)
    # What another run of Pagefind could have written: every list reversed,
    # files named by other hashes.
    entry_path = shuffled / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text())
    language = entry["languages"]["en"]
    meta_path = shuffled / f"pagefind.{language['hash']}.pf_meta"
    meta = search._read_index_file(meta_path)
    assert [name for name, _ in meta[3]] == ["tag", "year"]
    reversed_filters = []
    for name, hash_ in meta[3]:
        path = shuffled / "filter" / f"{hash_}.pf_filter"
        values = search._read_index_file(path)
        assert [v[0] for v in values[1]] == sorted(v[0] for v in values[1])
        values[1].reverse()
        path.unlink()
        digest = search._write_index_file(shuffled / "filter", "en", values, ".pf_filter", 7)
        reversed_filters.append([name, f"en_{digest}"])
    meta[3] = reversed_filters[::-1]
    meta_path.unlink()
    digest = search._write_index_file(shuffled, "pagefind.en", meta, ".pf_meta", 10)
    language["hash"] = f"en_{digest}"
    entry_path.write_text(json.dumps(entry))
    assert _tree(shuffled) != _tree(bundle)

    search.sort_filters(shuffled)
    assert _tree(shuffled) == _tree(bundle)


def _tree(folder) -> dict:
    files = (p for p in folder.rglob("*") if p.is_file())
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}


def test_a_big_blog_is_indexed_in_parts_the_search_page_names(site, parted_site, post_sources):
    """Pagefind holds about 0.3 MB per page while it indexes, so a blog of more
    than ``blog_search_part_pages`` pages is indexed a part at a time: here
    six pages (five posts and About) in parts of two, counted from the
    oldest, the two newest pages in two parts of one.  The first part, which
    the search page searches first, holds the newest post; About, undated,
    is in the last.  Each page is found as in a one-part
    index; a later part is an index only (the first part's script and
    WebAssembly serve them all)."""
    bundle = parted_site.root / "pagefind"
    parts = sorted(bundle.glob("part-*"))
    assert [p.name for p in parts] == ["part-2", "part-3", "part-4"]
    metas, counts = [], []
    for folder in [bundle, *parts]:
        entry = json.loads((folder / "pagefind-entry.json").read_text())
        counts.append(entry["languages"]["en"]["page_count"])
        meta = f"pagefind.{entry['languages']['en']['hash']}.pf_meta"
        assert (folder / meta).is_file()
        metas.append(folder.relative_to(parted_site.root).as_posix() + "/" + meta)
    assert counts == [1, 1, 2, 2]
    for part in parts:
        files = {p.name for p in part.iterdir() if p.is_file()}
        assert files == {"pagefind-entry.json", metas[parts.index(part) + 1].rsplit("/", 1)[1]}
    assert (bundle / "pagefind.js").is_file() and (bundle / "wasm.en.pagefind").is_file()
    whole = site.search_index()
    assert parted_site.search_index().keys() == whole.keys()
    for url, record in parted_site.search_index().items():
        assert record["content"] == whole[url]["content"] and record["meta"] == whole[url]["meta"]
    by_date = sorted(post_sources.values(), key=lambda front: str(front["date"]), reverse=True)
    (first,) = [r["meta"]["title"] for r in parted_site.search_index(bundle).values()]
    assert first == by_date[0]["title"]
    last = [r["meta"]["title"] for r in parted_site.search_index(parts[-1]).values()]
    assert "About" in last
    preloads = parted_site.page("search.html").select('link[rel="preload"][href$=".pf_meta"]')
    assert [link["href"] for link in preloads] == metas
    entries = parted_site.page("search.html").select('link[rel="preload"][href*="-entry.json?"]')
    folders = [urlsplit(link["href"]).path.rsplit("/", 1)[0] for link in entries]
    assert folders == ["pagefind", "pagefind/part-2", "pagefind/part-3", "pagefind/part-4"]
    assert [int(link["data-pages"]) for link in entries] == counts  # the search page's waves


def test_the_parts_are_counted_from_the_oldest_the_newest_at_most_half_a_part():
    """Parts of ``size`` pages from the oldest page (newest first in the
    list), so that a new post changes the newest part alone; the newest pages
    left over in a part, or beyond half a part in two: the newest, then half
    a part.  Every page once, in order."""
    pages = list(range(5001))
    for count, sizes in [
        (2000, [2000]),  # up to a part: one
        (2001, [1, 2000]),
        (3000, [1000, 2000]),
        (3001, [1, 1000, 2000]),
        (4000, [1000, 1000, 2000]),
        (5000, [1000, 2000, 2000]),
        (5001, [1, 1000, 2000, 2000]),
    ]:
        split = search.parts(pages[:count], 2000)
        assert [len(part) for part in split] == sizes, count
        assert [page for part in split for page in part] == pages[:count]
    before = search.parts(pages[1:], 2000)  # without the newest post
    assert search.parts(pages, 2000) == [[0], *before]  # each part before kept whole


def test_a_new_post_indexes_the_newest_part_alone(tmp_path):
    """Adding posts, one at a time, to a blog in parts of four: only the
    newest part is indexed again, and then the half part it grew into once
    it is a whole one; a kept bundle moves to its new number (the newest part
    becomes the second), the same files as an index made afresh."""
    site = tmp_path / "site"
    (site / "posts").mkdir(parents=True)
    page = "<html lang='en'><body><div data-pagefind-body><h1>{0}</h1><p>{0} text</p></div>"
    record = tmp_path / "parts.json"
    names = [f"p{n:02}" for n in range(13)]  # p12 the newest
    for name in names:
        (site / f"posts/{name}.html").write_text(page.format(name))

    def index(count: int, scratch: str, published: bool = True) -> search.Indexer:
        pages = [Path(f"posts/{n}.html") for n in reversed(names[:count])]
        job = search.Indexer(site, search.parts(pages, 4), tmp_path / scratch, record)
        if not published:
            job.record = None
        job.run()
        assert job.error is None
        search.finish_bundles(job)  # as index_site does
        if published:
            search.publish_parts(job, site / "pagefind")
        return job

    assert index(9, "nine").indexed == [1, 2, 3]  # [p08], [p04-p07], [p00-p03]
    ten = index(10, "ten")  # [p08 p09], the same two whole parts
    assert (ten.indexed, ten.kept) == ([1], {2: 2, 3: 3})
    eleven = index(11, "eleven")  # [p10], [p08 p09] (the newest part before), ...
    assert (eleven.indexed, eleven.kept) == ([1], {2: 1, 3: 2, 4: 3})
    moved = site / "pagefind/part-2"
    assert not (moved / "pagefind.js").exists() and not list(moved.glob("wasm.*"))
    afresh = index(11, "afresh", published=False)
    assert _tree(afresh.part_folder(2)) == _tree(moved)
    assert index(12, "twelve").indexed == [1]  # [p10 p11], [p08 p09], ...
    assert index(13, "thirteen").indexed == [1, 2]  # [p12], [p08-p11]: a whole part


def test_parts_indexed_at_once_make_the_index_made_one_at_a_time(tmp_path):
    """Pagefind run on two parts at once (a clean build's, one per core:
    search.at_once) makes the same bundles, in the same places, as run on
    one part after another; a failing part is the build's error; a stopped
    build kills every run."""
    site = tmp_path / "site"
    (site / "posts").mkdir(parents=True)
    page = "<html lang='en'><body><div data-pagefind-body><h1>{0}</h1><p>{0} text</p></div>"
    names = [f"p{n:02}" for n in range(11)]
    for name in names:
        (site / f"posts/{name}.html").write_text(page.format(name))
    pages = [Path(f"posts/{n}.html") for n in reversed(names)]

    def index(scratch: str, at_once: int) -> search.Indexer:
        job = search.Indexer(site, search.parts(pages, 4), tmp_path / scratch, at_once=at_once)
        job.run()
        assert job.error is None
        return job

    one, two = index("one", 1), index("two", 2)
    assert two.indexed == [1, 2, 3, 4] and two.runs.at_once == 2
    assert _tree(two.bundle) == _tree(one.bundle)
    assert (two.bundle / "part-4/pagefind-entry.json").is_file()

    (site / "posts/p00.html").unlink()  # a part with nothing left to index: Pagefind fails
    failing = search.Indexer(site, [pages[:4], pages[10:]], tmp_path / "f", at_once=2)
    failing.run()
    assert failing.error.startswith("pagefind could not index the site")

    runs = search.PagefindRuns(2)
    started = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    runs._processes.add(started)
    runs.stop()
    assert started.wait(timeout=10) != 0 and runs.run(["true"]) is None


def test_the_indexer_skips_a_page_that_is_not_there_and_reports_pagefind_failing(tmp_path):
    """A document without a page (none was written) is not indexed; Pagefind
    failing is the build's error, naming Pagefind, not a crash in its thread."""
    site = tmp_path / "site"
    (site / "posts").mkdir(parents=True)
    body = "<html lang='en'><body><div data-pagefind-body><h1>{0}</h1><p>{0} text</p></div>"
    (site / "posts/here.html").write_text(body.format("Here"))
    pages = [Path("posts/gone.html"), Path("posts/here.html")]
    job = search.Indexer(site, [pages], tmp_path / "scratch")
    job.run()
    assert job.error is None
    entry = json.loads((job.bundle / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 1
    nothing = search.Indexer(site, [[Path("posts/gone.html")]], tmp_path / "scratch2")
    nothing.run()
    assert nothing.error.startswith("pagefind could not index the site")
    # Once a part has failed, no other is started: the build has failed already.
    parts = [[Path("posts/gone.html")], [Path("posts/here.html")], [Path("posts/here.html")]]
    first_fails = search.Indexer(site, parts, tmp_path / "scratch3")
    first_fails.run()
    assert first_fails.error.startswith("pagefind could not index the site")
    assert not list((tmp_path / "scratch3").glob("part-*"))


def test_a_part_whose_searched_text_is_unchanged_keeps_its_bundle(tmp_path):
    """Pagefind indexes again only the parts whose pages' searched text
    changed: not for a new footer or sidebar (a new commit, a new post)."""
    site = tmp_path / "site"
    (site / "posts").mkdir(parents=True)
    page = (
        "<html lang='en'><body><nav>{2}</nav><div data-pagefind-body><h1>{0}</h1><p>{1}</p></div>"
    )
    page += "<footer>{2}</footer></body></html>"
    names = ["a", "b", "c", "d"]
    for name in names:
        (site / f"posts/{name}.html").write_text(page.format(name, "text", "commit 1"))
    parts = search.parts([Path(f"posts/{n}.html") for n in names], 3)  # [a], [b, c, d]
    record = tmp_path / "doctrees/parts.json"

    def index(scratch: str) -> list[int]:
        job = search.Indexer(site, parts, tmp_path / scratch, record)
        job.run()
        assert job.error is None
        search.finish_bundles(job)
        search.publish_parts(job, site / "pagefind")
        return job.indexed

    assert index("first") == [1, 2]
    for name in names:  # a new commit in every footer, a new post in every sidebar
        (site / f"posts/{name}.html").write_text(page.format(name, "text", "commit 2"))
    assert index("second") == []
    (site / "posts/d.html").write_text(page.format("d", "new text", "commit 2"))
    assert index("third") == [2]
    # A post's own <footer> (imported HTML) does not end what is compared.
    (site / "posts/a.html").write_text(page.format("a", "<footer>f</footer>one", "commit 2"))
    assert index("fourth") == [1]
    (site / "posts/a.html").write_text(page.format("a", "<footer>f</footer>two", "commit 2"))
    assert index("fifth") == [1]
    entry = json.loads((site / "pagefind/part-2/pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 3
    assert (site / "pagefind/pagefind.js").is_file()  # the first part's, kept


PAGE = "<html lang='en'><body><div data-pagefind-body><h1>{0}</h1><p>{1}</p></div></body>"


def _four_posts(tmp_path) -> Path:
    """A site of four posts' pages (PAGE), ``posts/a.html`` to ``d``, each of "text"."""
    site = tmp_path / "site"
    (site / "posts").mkdir(parents=True)
    for name in "abcd":
        (site / f"posts/{name}.html").write_text(PAGE.format(name, "text"))
    return site


def test_the_cut_pages_are_kept_between_builds_and_written_only_when_changed(tmp_path):
    """What Pagefind reads (each page cut) stays in a folder beside the
    doctrees: an edit writes its post's cut page alone, a post taken away
    leaves it, a part the blog no longer has goes, and the index follows."""
    site, searched, page = _four_posts(tmp_path), tmp_path / "doctrees/searched", PAGE
    names = ["a", "b", "c", "d"]

    def index(scratch: str, names: list[str], size: int) -> dict[str, os.stat_result]:
        pages = [Path(f"posts/{n}.html") for n in names]
        split = [pages[i : i + size] for i in range(0, len(pages), size)]
        job = search.Indexer(site, split, tmp_path / scratch, None, searched)
        job.run()
        assert job.error is None
        return {str(p.relative_to(searched)): p.stat() for p in searched.rglob("*.html")}

    first = index("first", names, 2)
    assert sorted(first) == ["1/posts/a.html", "1/posts/b.html", "2/posts/c.html", "2/posts/d.html"]
    (site / "posts/b.html").write_text(page.format("b", "new text"))
    second = index("second", names, 2)
    assert [p for p in first if first[p].st_mtime_ns != second[p].st_mtime_ns] == ["1/posts/b.html"]
    assert b"new text" in (searched / "1/posts/b.html").read_bytes()
    third = index("third", ["a", "b", "c"], 3)  # d taken away: one part
    assert sorted(third) == ["1/posts/a.html", "1/posts/b.html", "1/posts/c.html"]
    assert third["1/posts/a.html"].st_mtime_ns == first["1/posts/a.html"].st_mtime_ns
    assert not (searched / "2").exists()
    entry = json.loads((tmp_path / "third/bundle/pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 3


def test_a_page_as_the_last_build_left_it_is_not_read_again(tmp_path, monkeypatch):
    """Each build reads and cuts only the pages whose files changed since a
    build last read them (search.PageCuts): none when nothing changed, the
    edited one after an edit, even one rewritten to the same size; and its
    part's index has the new text."""
    site, searched, page = _four_posts(tmp_path), tmp_path / "doctrees/searched", PAGE
    names = ["a", "b", "c", "d"]
    parts = [
        [Path(f"posts/{n}.html") for n in names[:2]],
        [Path(f"posts/{n}.html") for n in names[2:]],
    ]
    cut = []
    monkeypatch.setattr(search, "searched_part", lambda html: cut.append(html) or html)

    def index(scratch: str) -> list[int]:
        cut.clear()
        job = search.Indexer(site, parts, tmp_path / scratch, tmp_path / "parts.json", searched)
        job.run()
        assert job.error is None
        search.finish_bundles(job)
        search.publish_parts(job, site / "pagefind")
        return job.indexed

    assert index("first") == [1, 2] and len(cut) == 4
    assert index("second") == [] and cut == []
    (site / "posts/c.html").write_text(page.format("c", "txet"))  # the same size
    assert index("third") == [2] and cut == [(site / "posts/c.html").read_bytes()]
    assert "txet" in Site(site).search_index()["/posts/c.html"]["content"]


def test_a_new_index_replaces_only_the_files_that_differ(tmp_path):
    """search._sync: a file Pagefind names by its contents' hash is kept when
    one of that name and size is there (not read); another file is compared
    byte for byte; a file the new index lacks goes."""
    new, bundle = tmp_path / "new", tmp_path / "bundle"
    files = {
        "pagefind-entry.json": ("{1}", "{2}"),  # same size, other bytes
        "pagefind.en_b668debd29.pf_meta": ("meta", "meta"),
        "fragment/en_05f2029.pf_fragment": ("aaaa", "bbbb"),  # as it cannot be: kept
        "fragment/en_07f3cd7.pf_fragment": ("short", "longer"),
        "index/en_11d3397.pf_index": (None, "new chunk"),
        "index/en_13c8183.pf_index": ("old chunk", None),
    }
    for rel, (old_text, new_text) in files.items():
        for root, text in ((bundle, old_text), (new, new_text)):
            if text is not None:
                (root / rel).parent.mkdir(parents=True, exist_ok=True)
                (root / rel).write_text(text)
    before = {rel: (bundle / rel).stat().st_ino for rel, texts in files.items() if texts[0]}
    search._sync(new, bundle)
    after = {str(p.relative_to(bundle)): p for p in bundle.rglob("*") if p.is_file()}
    assert {rel: path.read_text() for rel, path in after.items()} == {
        "pagefind-entry.json": "{2}",
        "pagefind.en_b668debd29.pf_meta": "meta",
        "fragment/en_05f2029.pf_fragment": "aaaa",
        "fragment/en_07f3cd7.pf_fragment": "longer",
        "index/en_11d3397.pf_index": "new chunk",
    }
    kept = [rel for rel in before if rel in after and after[rel].stat().st_ino == before[rel]]
    assert kept == ["pagefind.en_b668debd29.pf_meta", "fragment/en_05f2029.pf_fragment"]


def test_pagefind_makes_only_what_changed_and_never_writes_into_the_last_index(tmp_path):
    """An edit's index: the last index's fragments and chunks are linked where
    Pagefind writes (search.link_last_index), and Pagefind makes only what
    is not there (it compresses and writes no file it names by a hash that
    exists); what the new index does not name goes.  The result is the index
    Pagefind makes afresh, and no file of the last one (the published site's)
    is written into, a kept part's neither."""
    site, record, searched = tmp_path / "site", tmp_path / "parts.json", tmp_path / "searched"
    (site / "posts").mkdir(parents=True)
    page = "<html lang='en'><body><div data-pagefind-body><h1>{0}</h1><p>{1}</p></div></body>"
    names = ["a", "b", "c", "d"]
    for name in names:
        (site / f"posts/{name}.html").write_text(page.format(name, f"words of {name}"))
    pages = [Path(f"posts/{n}.html") for n in names]
    parts = [pages[:2], pages[2:]]

    def index(scratch: str, published: bool = True) -> search.Indexer:
        job = search.Indexer(site, parts, tmp_path / scratch, record if published else None)
        job.searched = searched if published else tmp_path / scratch / "searched"
        job.run()
        assert job.error is None
        search.finish_bundles(job)
        return job

    first = index("first")
    search.publish_parts(first, site / "pagefind")
    published = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in site.rglob("pagefind/**/*")}
    published = {p: v for p, v in published.items() if p.is_file()}
    (site / "posts/d.html").write_text(page.format("d", "other words of d"))
    edit = index("second")
    assert (edit.indexed, edit.kept) == ([2], {1: 1})  # the first part kept where it is
    assert not (edit.bundle / "pagefind-entry.json").exists()  # not copied to be compared
    made = {p.relative_to(edit.bundle): p.stat() for p in edit.bundle.rglob("*") if p.is_file()}
    shared = [rel for rel, stat in made.items() if stat.st_nlink > 1]
    assert [rel.parts[1] for rel in shared if rel.parts[0] == "part-2"] == ["fragment"]  # c's
    assert {(p.stat().st_ino, p.stat().st_mtime_ns) for p in published if p.exists()} <= set(
        published.values()
    )
    search.publish_parts(edit, site / "pagefind")
    fresh = index("fresh", published=False)
    assert _tree(site / "pagefind") == _tree(fresh.bundle)
    first_part = [p for p in published if "part-2" not in p.parts]
    assert all(p.stat().st_ino == published[p][0] for p in first_part)  # untouched
    # An index another version of Pagefind made lends it nothing.
    entry = site / "pagefind/part-2/pagefind-entry.json"
    entry.write_text(entry.read_text().replace('"version":"', '"version":"0.'))
    (site / "posts/d.html").write_text(page.format("d", "yet other words of d"))
    again = index("third")
    assert not [p for p in again.bundle.rglob("part-2/fragment/*") if p.stat().st_nlink > 1]


def test_pagefind_indexes_the_cut_pages_as_it_would_the_whole_ones(site, tmp_path):
    """Pagefind is given each page cut to what it reads (its <html> tag, the
    element marked data-pagefind-body up to the page's footer): the index
    is byte for byte the one it makes from the whole pages."""
    pages = sorted(
        p.relative_to(site.root)
        for p in [*site.root.glob("posts/*/*.html"), site.path("about.html")]
    )
    job = search.Indexer(site.root, [pages], tmp_path / "scratch")
    job.run()
    assert job.error is None
    whole = tmp_path / "whole"
    for rel in pages:
        (whole / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(site.root / rel, whole / rel)
    command = [sys.executable, "-m", "pagefind", "--site", str(whole), "--silent"]
    command += ["--output-path", str(tmp_path / "from-whole"), "--exclude-selectors"]
    subprocess.run([*command, search.EXCLUDED], check=True)
    for bundle in (job.bundle, tmp_path / "from-whole"):
        search.sort_filters(bundle)
    assert _tree(job.bundle) == _tree(tmp_path / "from-whole")
    staged = search.searched_part(site.path("posts/2010/birmingham-blues.html").read_bytes())
    assert b"Recent posts" not in staged and b"<footer" not in staged
    assert staged.startswith(b'<html class="no-js" lang="en"')


def test_pagefinds_binary_is_found_where_pagefind_looks_for_it(monkeypatch, tmp_path):
    """PAGEFIND_BINARY_PATH first, then the pagefind[bin] wheel's binary, then
    the PATH; none there is an error that says how to install it."""
    # A cache of this test's own, gone with it (the build's stays as it was).
    monkeypatch.setattr(
        search, "pagefind_binary", functools.cache(search.pagefind_binary.__wrapped__)
    )
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "my-pagefind"))
    assert search.pagefind_binary() == tmp_path / "my-pagefind"
    search.pagefind_binary.cache_clear()
    monkeypatch.delenv("PAGEFIND_BINARY_PATH")
    wheel = search.pagefind_binary()
    assert wheel.name == "pagefind" and os.access(wheel, os.X_OK)
    assert subprocess.run([wheel, "--version"], capture_output=True, text=True).stdout.strip()
    search.pagefind_binary.cache_clear()
    monkeypatch.setitem(sys.modules, "pagefind_bin", None)  # not installed
    monkeypatch.setitem(sys.modules, "pagefind_bin_extended", None)
    on_path = tmp_path / "bin"
    on_path.mkdir()
    monkeypatch.setenv("PATH", str(on_path))
    with pytest.raises(ExtensionError, match=r"pip install 'pagefind\[bin\]'"):
        search.pagefind_binary()
    (on_path / "pagefind").write_text("#!/bin/sh\n")
    (on_path / "pagefind").chmod(0o755)
    search.pagefind_binary.cache_clear()
    assert search.pagefind_binary() == on_path / "pagefind"


def test_the_readmes_build_stages_the_site_while_pagefind_finishes(tmp_path):
    """``python -m blogarchive.build`` (``make site``) stages the site to
    publish while Pagefind makes the index (build.Staging; search.py's
    _stage_site_meanwhile), not after it: run as ``__main__``, its staging
    was another copy's global, which the search index never saw, and every
    file was staged after Sphinx (0.7 s of an edit at 1000 posts).  Here
    Pagefind is a script that, once the real one is done, waits for the
    staged home page and says whether it came."""
    from blogsite import REPO, new_blog

    blog = new_blog(tmp_path / "blog")
    (blog / "posts/2010").mkdir()
    front = "---\ndate: 2010-07-01\nauthor: Chris Mills\ntags: Ofsted\n---\n\n"
    (blog / "posts/2010/a-post.md").write_text(front + "# A post\n\nWords.\n", encoding="utf-8")
    staged, said = blog / "_build/html.next/index.html", tmp_path / "staged.txt"
    wrapper = tmp_path / "pagefind"
    wrapper.write_text(
        f'#!/bin/sh\n"{search.pagefind_binary()}" "$@" || exit $?\n'
        f"for i in $(seq 100); do [ -f '{staged}' ] && echo yes > '{said}' && exit 0\n"
        "sleep 0.1; done\n"
        f"echo no > '{said}'\n"
    )
    wrapper.chmod(0o755)
    env = {**os.environ, "BLOG_REPO": str(REPO), "PAGEFIND_BINARY_PATH": str(wrapper)}
    command = [sys.executable, "-m", "blogarchive.build", str(blog), str(blog / "_build/html")]
    subprocess.run(command, env=env, check=True, capture_output=True)
    assert said.read_text().strip() == "yes"
    assert (blog / "_build/html/posts/2010/a-post.html").is_file()
