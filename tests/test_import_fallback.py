"""A post the converter gets wrong still comes in, and the build stays clean.

Random markup (tables in figures' captions, lists in inline code, fed
through both importers by the hundred) found MyST the strict build refused:
one such post failed the whole site's build after an import.  Each post is
now read as the build will read it before it is written
(``importers/verify.py``); one the build would refuse comes in more plainly,
its words, links and pictures in paragraphs, and the import report says so
and why.  Here the converter is made to get a figure wrong as it once did
(its caption opening with a quote), as a converter's next mistake would.
"""

from __future__ import annotations

import pytest

from blogarchive.build import build
from blogarchive.cli import main
from blogarchive.importers import html as converter
from blogarchive.importers import verify

from blogsite import Site, new_blog
from test_odd_markup import export_text
from test_real_exports import page_view, source_view, words

BROKEN = (
    "<p>Before the <b>picture</b>, <a href='http://example.org/more'>a link</a>.</p>"
    "<figure><img src='http://example.org/h.png' alt='H'><figcaption><blockquote>Quoted"
    " caption</blockquote></figcaption></figure><ul><li>An item</li></ul>"
)
FINE = "<p>A post the converter gets right.</p>"
PAGES = {"wordpress": "posts/2011/odd-{}.html", "blogger": "posts/2013/odd-{}.html"}


def shown(site, rel: str) -> str:
    """The post's characters on its page, in order, white space aside: its
    marks left out, "<b>picture</b>," reads as "picture," does."""
    return "".join(words(page_view(site, rel)))


def shown_before(fmt: str) -> str:
    return "".join(words(source_view(BROKEN, fmt)))


@pytest.fixture
def converter_gets_figures_wrong(monkeypatch):
    """The converter before it knew a caption opening with a block."""
    monkeypatch.setattr(converter, "_opens_a_block", lambda text: False)


def imported(tmp_path, fmt):
    export = tmp_path / "odd.xml"
    export.write_text(export_text(fmt, [BROKEN, FINE]), encoding="utf-8")
    root = new_blog(tmp_path / "blog")
    argv = ["import", fmt, str(export), "--posts-dir", str(root / "posts"), "--no-media"]
    status = main(argv)
    return root, status, (root / "posts/import-report.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["wordpress", "blogger"])
def test_a_post_the_build_would_refuse_comes_in_as_paragraphs(
    tmp_path, fmt, converter_gets_figures_wrong
):
    root, status, report = imported(tmp_path, fmt)
    assert status == 0
    assert "Figure caption must be a paragraph" in report
    assert "it came in as paragraphs of its words, links and pictures" in report
    assert build(root, root / "_build/html") == 0  # the README's build: -W
    site = Site(root / "_build/html")
    page = site.page(PAGES[fmt].format(0))
    assert shown(site, PAGES[fmt].format(0)) == shown_before(fmt)
    body = page.select_one("article")
    assert [a.get_text() for a in body.select('a[href="http://example.org/more"]')] == ["a link"]
    assert [img["alt"] for img in body.select('img[src="http://example.org/h.png"]')] == ["H"]
    assert not body.select("figure, blockquote, ul, b, strong")  # its other markup left out
    assert "would fail the build" not in report.split("odd-1.md")[1]  # the other post's
    assert (
        page_view(site, PAGES[fmt].format(1)).get_text().strip()
        == "A post the converter gets right."
    )


def test_then_as_paragraphs_of_its_words(tmp_path, converter_gets_figures_wrong, monkeypatch):
    """Were its words, links and pictures refused too, its words alone."""
    monkeypatch.setattr(verify, "flattened", lambda html: html)
    root, status, report = imported(tmp_path, "wordpress")
    assert status == 0
    assert "it came in as paragraphs of its words, its other markup left out" in report
    assert build(root, root / "_build/html") == 0
    site = Site(root / "_build/html")
    page = PAGES["wordpress"].format(0)
    assert shown(site, page) == shown_before("wordpress")
    assert not site.page(page).select("article img, article a[href^='http://example.org']")


def test_and_refused_by_name_when_no_plainer_text_would_build(
    tmp_path, converter_gets_figures_wrong, monkeypatch
):
    monkeypatch.setattr(verify, "flattened", lambda html: html)
    monkeypatch.setattr(verify, "words_only", lambda html: html)
    root, status, report = imported(tmp_path, "wordpress")
    assert "refused" in report and "would fail the build" in report
    assert "Figure caption must be a paragraph" in report
    assert not (root / "posts/2011/odd-0.md").exists()
    assert (root / "posts/2011/odd-1.md").exists()  # the rest comes in
    assert build(root, root / "_build/html") == 0
