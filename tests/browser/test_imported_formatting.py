"""An imported post's formatting as a reader sees it in Chromium: what
Markdown has no mark for, written by the importer as MyST's attributes
(underlined words, lists by letters, Roman numerals or counting down,
centred and right-aligned paragraphs), and
marks Markdown would not read (bold words right before a letter), each shown
as its old blog showed it: by the computed style, not the HTML alone.
"""

from __future__ import annotations

from pathlib import Path

from blogarchive.cli import main

from blogsite import build_in_child, new_blog
from static_server import Server

REPO = Path(__file__).resolve().parents[2]
SMALL = REPO / "tests/data/real/wordpress-importer-small-export.xml"
FORMATTED = (
    '<p><strong>UPDATE:</strong>The news is <u>underlined</u> and <span style="font-style:'
    ' italic;">styled</span>.</p>\n\n'
    '<ol type="a"><li>first</li><li>second</li></ol>\n\n'
    '<ol style="list-style-type: upper-roman;"><li>one</li></ol>\n\n'
    "<ol reversed><li>three</li><li>two</li><li>one</li></ol>\n\n"
    '<div style="text-align: center;">Centred words</div><p align="right">Signed</p>'
)


def test_imported_formatting_shows_as_its_blog_showed_it(tmp_path, browser, monkeypatch):
    text = SMALL.read_text(encoding="utf-8")
    text = text.replace("then start blogging!", "then start blogging!\n\n" + FORMATTED, 1)
    export = tmp_path / "export.xml"
    export.write_text(text, encoding="utf-8")
    blog = new_blog(tmp_path / "blog")
    monkeypatch.chdir(REPO)
    assert main(["import", "wordpress", str(export), "--posts-dir", str(blog / "posts")]) == 0
    site = Server(build_in_child(blog, tmp_path / "html"))
    page = browser.new_page()
    try:
        page.goto(site.url("posts/2011/hello-world.html"))
        shown = page.evaluate(
            """() => {
              const section = document.querySelector('article section');
              const style = (selector) => {
                const found = section.querySelector(selector);
                return found ? getComputedStyle(found) : {};
              };
              const lists = [...section.querySelectorAll('ol')];
              return {
                text: section.innerText,
                bold: style('strong').fontWeight,
                underline: style('.underline').textDecorationLine,
                italic: style('em').fontStyle,
                numbers: lists.map(ol => getComputedStyle(ol).listStyleType),
                reversed: lists.map(ol => ol.reversed),
                start: lists.map(ol => ol.start),
                aligned: [...section.querySelectorAll('p')].map(
                  p => [p.innerText.trim(), getComputedStyle(p).textAlign]),
              };
            }"""
        )
    finally:
        page.close()
        site.close()
    assert "UPDATE:The news is underlined and styled." in shown["text"]
    assert "*" not in shown["text"] and "{" not in shown["text"]
    assert int(shown["bold"] or 0) >= 600
    assert shown["underline"] == "underline" and shown["italic"] == "italic"
    assert shown["numbers"] == ["lower-alpha", "upper-roman", "decimal"]
    assert shown["reversed"] == [False, False, True] and shown["start"][2] == 3
    aligned = dict(shown["aligned"])
    assert aligned["Centred words"] == "center" and aligned["Signed"] == "right"
    assert aligned["UPDATE:The news is underlined and styled."] == "start"
