"""An imported post's formatting as a reader sees it in Chromium: what
Markdown has no mark for, written by the importer as MyST's attributes
(underlined words, lists by letters, Roman numerals or counting down,
centred and right-aligned paragraphs, bigger words, a table cell's lines
and a caption under its table), and
marks Markdown would not read (bold words right before a letter), each shown
as its old blog showed it: by the computed style, not the HTML alone.  The
home page's excerpt shows the post's lists before its "more" break as the
post does.
"""

from __future__ import annotations

from pathlib import Path

from blogarchive.cli import main

from blogsite import build_in_child, new_blog
from media_server import MediaServer
from static_server import Server

REPO = Path(__file__).resolve().parents[2]
SMALL = REPO / "tests/data/real/wordpress-importer-small-export.xml"
FORMATTED = (
    '<p><strong>UPDATE:</strong>The news is <u>underlined</u> and <span style="font-style:'
    ' italic;">styled</span>.</p>\n\n'
    '<ol type="a"><li>first</li><li>second</li></ol>\n\n'
    '<ol style="list-style-type: upper-roman;"><li>one</li></ol>\n\n'
    "<ol reversed><li>three</li><li>two</li><li>one</li></ol>\n\n"
    "<ul><li>a bullet</li></ul>\n\n<!--more-->\n\n"
    '<div style="text-align: center;">Centred words</div><p align="right">Signed</p>\n\n'
    '<p><img style="float: right; width: 40%" src="{host}/img/chart.png" alt="Beside"/>'
    " Words the picture stood beside.</p>\n\n"
    '<p><span style="font-size: x-large;">Largest</span> words</p>\n\n'
    '<figure class="wp-block-table"><table><tbody><tr><td>Mon<br>Tue</td><td>9am</td></tr>'
    "</tbody></table><figcaption>Clinic hours</figcaption></figure>\n\n"
    "<dl><dt>Section 47</dt><dd>An enquiry into a child's welfare.</dd></dl>\n\n"
    '<figure class="wp-block-gallery columns-3">'
    + "".join(
        f'<figure class="wp-block-image"><img src="{{host}}{path}" alt="Shown {n}">'
        f"<figcaption>Picture {n}</figcaption></figure>"
        for n, path in enumerate(
            ["/img/chart.png", "/img/chart-2x.png", "/s320/board.png", "/s1600/board.png"], 1
        )
    )
    + '<figcaption class="blocks-gallery-caption">The hearing</figcaption></figure>\n\n'
    '<div class="wp-block-columns"><div class="wp-block-column"><p>Column one words</p></div>'
    '<div class="wp-block-column" style="flex-basis:66.66%"><p>Column two words</p>'
    "<ul><li>a listed point</li></ul></div></div>\n\n"
    '<div class="wp-block-media-text has-media-on-the-right is-stacked-on-mobile"'
    ' style="grid-template-columns:auto 30%">'
    '<figure class="wp-block-media-text__media"><img src="{host}/img/chart.png" alt="Media beside">'
    '</figure><div class="wp-block-media-text__content"><p>Words beside the media</p></div></div>'
)
#: The block editor's columns and media and text, as a reader sees them: the
#: box of each column's first block.
COLUMNS = """() => ['Column one words', 'Column two words', 'Words beside the media'].map(
    words => [...document.querySelectorAll('article p')].find(p => p.innerText.trim() == words)
  ).concat([document.querySelector('img[alt="Media beside"]')]).map(found => {
    const box = found.getBoundingClientRect();
    return [Math.round(box.top), Math.round(box.left), Math.round(box.width),
            Math.round(box.bottom)];
  })"""


def test_imported_formatting_shows_as_its_blog_showed_it(tmp_path, browser, monkeypatch):
    host = MediaServer()  # the picture's old host: the import keeps it beside the post
    text = SMALL.read_text(encoding="utf-8")
    formatted = FORMATTED.replace("{host}", host.origin)
    text = text.replace("then start blogging!", "then start blogging!\n\n" + formatted, 1)
    export = tmp_path / "export.xml"
    export.write_text(text, encoding="utf-8")
    blog = new_blog(tmp_path / "blog")
    monkeypatch.chdir(REPO)
    try:
        argv = ["import", "wordpress", str(export), "--posts-dir", str(blog / "posts")]
        assert main([*argv, "--local-network"]) == 0  # (its host on 127.0.0.1)
    finally:
        host.close()
    site = Server(build_in_child(blog, tmp_path / "html"))
    page = browser.new_page()
    try:
        page.set_viewport_size({"width": 1200, "height": 800})
        page.goto(site.url("posts/2011/hello-world.html"))
        beside = page.locator('img[alt="Beside"]')
        wide = beside.evaluate(
            """img => [getComputedStyle(img).cssFloat,
                       img.getBoundingClientRect().width / img.closest('p').clientWidth]"""
        )
        gallery = """() => [...document.querySelectorAll('img[alt^="Shown"]')].map(img => {
            const box = img.closest('figure').getBoundingClientRect();
            return [img.complete && img.naturalWidth, Math.round(box.top), Math.round(box.left)];
        })"""
        wide_gallery = page.evaluate(gallery)
        wide_columns = page.evaluate(COLUMNS)
        column_widths = page.evaluate(
            "() => [...document.querySelectorAll('article div.column')].map("
            "  column => column.getBoundingClientRect().width)"
        )
        page.set_viewport_size({"width": 400, "height": 800})
        narrow_gallery = page.evaluate(gallery)
        narrow_columns = page.evaluate(COLUMNS)
        narrow = beside.evaluate(
            """img => [getComputedStyle(img).cssFloat, img.complete && img.naturalWidth,
                       img.getBoundingClientRect().width]"""
        )
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
                sizes: [style('.big').fontSize, getComputedStyle(section).fontSize],
                cell: section.querySelector('td').innerText,
                term: [style('dt').fontWeight, section.querySelector('dt').innerText,
                       section.querySelector('dd').getBoundingClientRect().left
                       - section.querySelector('dt').getBoundingClientRect().left],
                caption: [section.querySelector('caption').getBoundingClientRect().top,
                          section.querySelector('tr').getBoundingClientRect().bottom],
              };
            }"""
        )
        # The home page's excerpt, up to the "more" break: its lists as the post
        # shows them (ABlog's excerpt had been their items as plain paragraphs)
        page.goto(site.url("index.html"))
        excerpt = page.evaluate(
            """() => [...document.querySelectorAll('.post-excerpt :is(ol, ul)')].map(
                list => [list.tagName, getComputedStyle(list).listStyleType,
                         list.innerText.split('\\n').filter(line => line.trim())])"""
        )
    finally:
        page.close()
        site.close()
    assert excerpt == [
        ["OL", "lower-alpha", ["first", "second"]],
        ["OL", "upper-roman", ["one"]],
        ["OL", "decimal", ["three", "two", "one"]],
        ["UL", "disc", ["a bullet"]],
    ], excerpt
    assert "UPDATE:The news is underlined and styled." in shown["text"]
    assert "*" not in shown["text"] and "{" not in shown["text"]
    assert int(shown["bold"] or 0) >= 600
    assert shown["underline"] == "underline" and shown["italic"] == "italic"
    assert shown["numbers"] == ["lower-alpha", "upper-roman", "decimal"]
    assert shown["reversed"] == [False, False, True] and shown["start"][2] == 3
    aligned = dict(shown["aligned"])
    assert aligned["Centred words"] == "center" and aligned["Signed"] == "right"
    assert aligned["UPDATE:The news is underlined and styled."] == "start"
    # A picture the words flowed beside: beside them, at its width; on a
    # phone's screen a picture of its own.
    assert wide[0] == "right" and 0.35 < wide[1] < 0.45, wide
    assert narrow[0] == "none" and narrow[1] and narrow[2] == narrow[1], narrow  # its own size
    big, words = (float(size.removesuffix("px")) for size in shown["sizes"])
    assert big > words * 1.1, shown["sizes"]
    assert shown["cell"].split("\n") == ["Mon", "Tue"]
    # A definition under its term, indented; the term bold, as blog themes showed it
    assert int(shown["term"][0]) >= 600 and shown["term"][1] == "Section 47", shown["term"]
    assert shown["term"][2] >= 20, shown["term"]
    assert shown["caption"][0] >= shown["caption"][1], shown["caption"]  # under the table
    # A gallery of three columns: its pictures three side by side, the fourth
    # under the first (they had come one under another); two on a phone's screen.
    assert all(loaded for loaded, _, _ in wide_gallery), wide_gallery
    tops, lefts = [[box[i] for box in wide_gallery] for i in (1, 2)]
    assert tops[0] == tops[1] == tops[2] < tops[3] and lefts[0] < lefts[1] < lefts[2], wide_gallery
    assert lefts[3] == lefts[0], wide_gallery
    tops, lefts = [[box[i] for box in narrow_gallery] for i in (1, 2)]
    assert tops[0] == tops[1] < tops[2] == tops[3] and lefts[0] < lefts[1], narrow_gallery
    assert "The hearing" in shown["text"]
    # The block editor's columns side by side (they had come one under
    # another), the media and text's picture on the right of its words, as
    # its blog set it; one under another on a phone's screen, as WordPress's.
    one, two, words, media = wide_columns
    assert one[0] == two[0] and one[1] + one[2] < two[1], wide_columns
    assert media[0] < words[3] and words[0] < media[3], wide_columns  # level with each other
    assert words[1] + words[2] < media[1], wide_columns
    # ...of the widths their author set: the second column two thirds of the
    # row, the picture 30 % (they had come of equal widths)
    one, two, words, media = column_widths
    assert 0.64 < two / (one + two) < 0.72, column_widths  # (the gap beside the other)
    assert 0.27 < media / (media + words) < 0.34, column_widths
    one, two, words, media = narrow_columns
    assert one[3] <= two[0] and one[1] == two[1], narrow_columns
    assert words[3] <= media[0] and words[1] <= media[1] < words[1] + words[2], narrow_columns
    assert "a listed point" in shown["text"]
