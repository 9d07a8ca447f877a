"""Drafts are never published (issue 5): `draft: true`, no date, or a date to
come leaves no page, source copy, feed entry, search-index entry, tag count or
archive line; a preview build shows them, each under a "Draft" banner.
"""

from __future__ import annotations

import pytest

from blogsite import built

DRAFTS = {
    "flagged": ("Flagged draft", "Zanzibarword"),
    "undated": ("Undated draft", "Quixotic"),
    "future": ("Future draft", "Futuristic"),
}


@pytest.mark.sphinx("html", testroot="drafts")
def test_drafts_appear_nowhere_in_the_published_site(app):
    site = built(app)
    files = [p for p in site.root.rglob("*") if p.is_file()]
    assert site.path("posts/2010/published.html").exists()
    for slug, (title, word) in DRAFTS.items():
        assert not [p for p in files if slug in p.name], slug
        for path in files:
            if path.suffix in (".html", ".xml", ".js", ".txt", ".inv"):
                text = path.read_text(encoding="utf-8", errors="replace")
                assert title not in text and word not in text, (slug, path)
    index = site.search_index()
    assert "/posts/2010/published.html" in index
    assert not [url for url in index if "draft" in url]
    assert not [r for r in index.values() if "secrettag" in r["content"]]
    assert not site.path("blog/tag/secrettag/").exists()
    tag = site.page("index.html").select(".blog-tags a")
    assert [a.get_text() for a in tag] == ["Ofsted (1)"]
    assert [e.title for e in site.feed().entries] == ["Published post"]
    assert not site.path("blog/drafts/").exists()
    # A page its author never published (an imported draft page) is not either.
    assert not site.path("pages/unpublished-page.html").exists()
    for path in files:
        if path.suffix in (".html", ".xml", ".js", ".txt", ".inv"):
            assert "Pagehiddenword" not in path.read_text(encoding="utf-8", errors="replace")


@pytest.mark.sphinx("html", testroot="drafts", confoverrides={"blog_preview": True})
def test_preview_shows_drafts_with_a_banner(app):
    site = built(app)
    for slug, (_title, word) in DRAFTS.items():
        page = site.page(f"posts/2010/{slug}.html")
        assert page.select_one(".draft-banner .admonition-title").get_text() == "Draft"
        assert word in page.select_one("article").get_text()
    listed = [a.get_text() for a in site.page("blog/drafts/").select(".post-title a")]
    assert sorted(listed) == sorted(title for title, _ in DRAFTS.values())
    # Even in a preview, the feed and the lists are the published posts only.
    assert [e.title for e in site.feed().entries] == ["Published post"]
    published = site.page("posts/2010/published.html")
    assert published.select_one(".draft-banner") is None
    # Why a post is a draft, as the import wrote it, in its banner (no reason, no line).
    reason = site.page("posts/2010/flagged.html").select_one(".draft-banner .draft-reason")
    assert reason.get_text() == "Why: password-protected on the old blog."
    assert site.page("posts/2010/future.html").select_one(".draft-reason") is None
    page = site.page("pages/unpublished-page.html")
    assert "This page is not published" in page.select_one(".draft-banner").get_text()
    assert "Pagehiddenword" in page.select_one("article").get_text()
