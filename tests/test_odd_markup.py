"""Odd markup a real blog's posts hold, fed through both importers (issue 12).

Each snippet is a post of a WordPress export and of a Blogger backup written
here; each is imported and built with the README's build (warnings as errors:
one snippet that breaks it fails the import's promise) and its page read
word for word against what a browser shows of the snippet (the real
exports' test's reading: tests/test_real_exports.py).  Found by feeding
about 120 such snippets through both importers: each snippet here broke a
build, lost or added words, or turned text into markup before its fix.
"""

from __future__ import annotations

import difflib
import html
import re
from pathlib import Path

import pytest

from blogarchive.build import build
from blogarchive.cli import main

from blogsite import Site, new_blog
from test_real_exports import (
    import_variant,
    joined_words,
    page_view,
    published_entries,
    source_view,
    words,
)

SNIPPETS = [
    # Markdown's and MyST's marks written as text
    "<p>Math: $x^2$ and $$y$$; (label)= and +++ and % a comment?</p>",
    "<p>.. note:: rst and :ref:`x` and {ref}`y` and {{ jinja }} and {% tag %}</p>",
    "<p>|subst| and [^1] and [[wiki link]] and [text](http://example.org/)</p>",
    "<p>* not a list\n- not a list\n1. not a list\n# not a heading\n> not a quote</p>",
    "<p>Backticks ``` and ```` and `a`; ~~not struck~~ and ~ alone</p>",
    "<p>Write &amp;lt;p&amp;gt; and &amp;amp; or &amp;#169;</p>",
    "<p>:::{note}\nnot a note\n:::</p><p>```{eval-rst}\n.. raw:: html\n```</p>",
    "<p>Trailing backslash \\</p><p>\\* escaped star and under_score_in_word</p>",
    "<hr><p>---</p><p>***</p><p>___</p><p>===</p>",
    # Headings
    "<h2>Heading ending with #</h2><h3>### hashes ###</h3><h4>* star heading</h4>",
    "<h1></h1><h2> </h2><p>after empty headings</p>",
    "<a href='http://example.org/'><h2>Heading in a link</h2></a>",
    # (through a span, an old layout's: the link's Markdown spanned paragraphs)
    "<a href='http://example.org/'><span><h2>Head A</h2><div><h2>Head B</h2></div></span></a>",
    # Blocks where Markdown takes none
    "<ul><li><h3>heading in a list</h3></li><li><pre>pre in a list</pre></li>"
    "<li><table><tr><td>table in a list</td></tr></table></li></ul>",
    "<blockquote><ul><li>list in a quote</li></ul><h3>heading in a quote</h3></blockquote>",
    "<table><tr><td><h2>Heading</h2>words</td><td><pre>code\n  here</pre></td></tr></table>",
    "<table><tr></tr></table><table><tr><td>a</td></tr><tr><td>b</td><td>c</td></tr></table>",
    "<table><thead><tr><th colspan='3'>wide</th></tr></thead>"
    "<tbody><tr><td rowspan='2'>x</td><td>y</td></tr><tr><td>z</td></tr></tbody></table>",
    "<table><caption>Cap</caption><tr><td>|pipe|</td><td>`tick`</td><td>*star*</td></tr></table>",
    # Tables whose cells hold lines and blocks (MyST's list-table): a rule, a
    # figure, a video, a quote in a cell; a table in a quote and in a list;
    # a cell's code fence, backticks and tildes; a table of its header alone
    "<table><tr><td>x<hr>y</td><td><figure><img src='http://example.org/a.png'><figcaption>"
    "Cap</figcaption></figure></td></tr><tr><td><iframe src='https://www.youtube.com/embed/x'>"
    "</iframe>after</td><td><blockquote>q</blockquote><dl><dt>t</dt><dd>d</dd></dl></td></tr>"
    "</table>",
    "<blockquote><table><tr><td>a<br>b</td><td>~~~ tildes ``` ticks</td></tr></table>"
    "</blockquote><ol><li><table><caption>In a list</caption><tr><td><p>one</p><p>two</p>"
    "</td></tr></table></li></ol>",
    "<table><tr><td><img src='http://example.org/b.png'><br>Picture words</td><td>"
    "<a href='http://example.org/'><p>link para</p><p>two</p></a></td></tr></table>",
    "<table><tr><th>only</th><th>header</th></tr></table><table><tr><td><pre>```\nfenced</pre>"
    "</td></tr></table>",
    "<dl><dt>Term <b>bold</b></dt><dd>Definition with <a href='http://example.org/'>link</a></dd>"
    "</dl>",
    "<ol start='5'><li><p>para one</p><p>para two</p><blockquote>quote</blockquote></li></ol>",
    "<ul><li>a<ul><li>b<ul><li>c<ul><li>d<ul><li>e<ul><li>f</li></ul></li></ul></li></ul>"
    "</li></ul></li></ul>",
    # Italics closing where bold opens, and the other way round (a Word paste's)
    "<p><i>see <b>this</b></i><b>now</b>, <b>a <i>b</i></b><i>c</i>,"
    " <em>(<strong>x,</strong></em><strong>y</strong></p>",
    # Text straight in a list or a table, outside any item or cell (random
    # markup found it: "#" alone on a line was an empty heading, refused by the
    # build as a post's second title).  A browser shows a list's in the list,
    # a table's before the table.
    "<ul># before<li>an item</li># after<b>bold</b></ul><ol><li>one</li>#</ol>",
    "<table># <tr>## in a row <td>a cell</td></tr></table><ul><p>Then <table>#</table></p></ul>",
    # Words right after a video, and marks around a line break alone (random
    # markup: "#" after the video's note was a heading, a quote's "****" a rule)
    "<iframe src='https://www.youtube.com/embed/x'></iframe># not a heading "
    "<iframe src='https://www.youtube.com/embed/y'></iframe>1. not a list",
    "<blockquote><b><i><br></i></b>quoted</blockquote><b><em><blockquote><menu><br>"
    "<iframe src='https://www.youtube.com/embed/z'></iframe></menu>in a quote"
    "</blockquote></em></b>",
    # Code around paragraphs: each paragraph's words code, as a browser shows
    # them (one code span across them showed its backticks; one starting with
    # backticks opened a fence whose language Pygments refused: the build failed)
    "<code><p>Code in</p><p>two paragraphs</p></code><code>```<p>beta</p></code>",
    # A heading holding code, in a list: bold words, then the code (its fence had
    # closed inside the bold: "```**", and the rest of the post was code)
    "<ul><li><h2>Heading <pre class='language-python'>x = 1\n</pre></h2></li></ul><p>After</p>",
    # Blogger's captioned picture in another's cell, beside its picture (a real
    # backup's: the outer one had taken the inner one's picture and caption,
    # and its own picture and caption were lost)
    "<table class='tr-caption-container'><tr><td><table class='tr-caption-container'><tr><td>"
    "<a href='http://example.org/a-big.jpg'><img src='http://example.org/a.jpg'></a></td></tr>"
    "<tr><td class='tr-caption'>Transmitter of five channels</td></tr></table>"
    "<a href='http://example.org/b-big.jpg'><img src='http://example.org/b.jpg'></a></td></tr>"
    "<tr><td class='tr-caption'>Receiver of five channels</td></tr></table>",
    # Blogger's "Heading" around a captioned picture and a list (a real backup's:
    # the picture's figure was written in the heading's line, shown as text)
    "<h2>Pinout <table class='tr-caption-container'><tr><td><img src='http://example.org/p.png'>"
    "</td></tr><tr><td class='tr-caption'>Version one</td></tr></table></h2>"
    "<h3>Steps<ul><li>first step</li></ul>and after</h3>",
    # Code in code (a real backup's "<pre><pre>"): its fence had shown as a line of code
    "<pre><pre>#reflector -l 50 --save mirrorlist</pre></pre>"
    "<pre>before\n<pre>inner</pre>\nafter</pre>",
    # A video put in as a picture, in a caption table, words after it (its caption had
    # run on into them: "slaveUPDATE")
    "<table class='tr-caption-container'><tr><td><img src='http://example.org/v/VID_1.mp4'>"
    "</td></tr><tr><td class='tr-caption'>Master and slave</td></tr></table><b>UPDATE</b>: on",
    # A rule under a heading (a common decoration: a section may not open with
    # a transition) and a rule in a quoted email and in a list item (docutils
    # takes none there): each had failed the strict build
    "<p>Intro</p><h2>Heading</h2><hr><p>text</p><blockquote><p>quoted</p><hr><p>more</p>"
    "</blockquote><ul><li>one<hr>two</li></ul><dl><dd>term<hr>said</dd></dl>",
    # A term defined holding code, a video or a rule (its bold had held the
    # fence: "**```text"; a rule alone was "****"), and the "more" break in a
    # heading in a quote (the heading's bold left "> ****", a rule in a quote)
    "<dl><dt>Term <pre># not a heading</pre> after</dt><dd>def</dd><dt>"
    "<iframe src='https://www.youtube.com/embed/a'></iframe></dt><dd>video</dd>"
    "<dt><hr/><small></small></dt></dl>",
    "<p>x</p><blockquote><h2>Quoted head<!--more--></h2></blockquote><p>after</p>",
    # A rule before the "more" break at a post's end, or after it at its start:
    # the break, which goes, had been taken for words (a post ending, or
    # opening, with a transition)
    "<p>text</p><hr/><!--more-->",
    "<!--more--><hr/><p>text</p>",
    # The break in a heading in a list item ("- ****", a rule in a list); a
    # video in a figure's caption (a caption holds words alone)
    "<ul><li>one</li><li><h2><!--more--></h2></li></ul><p>after</p><figure>"
    "<img src='http://example.org/p.png' alt='P'><figcaption>Cap "
    "<iframe src='https://www.youtube.com/embed/a'></iframe></figcaption></figure>",
    "<dl><dt>Seen</dt><dd><iframe src='https://www.youtube.com/embed/c'></iframe># not a heading"
    "</dd></dl>",
    "<figure># not a heading, in a figure of no picture</figure><p>after</p>",
    "<figcaption>A caption of no figure <iframe src='https://www.youtube.com/embed/b'></iframe>"
    "</figcaption><p>after</p>",
    # Breaks and blocks a browser shows apart
    "<p>First part<br /><br />Second part<br />same paragraph</p>",
    "<form><button>Go</button></form><marquee>moving</marquee><center>centred</center>",
    "<p>Area <math><mi>A</mi></math> in units</p>",
    "<div><br /></div><div>Blogger div lines</div><div>second line</div>",
    # Blocks inside inline marks (a Word paste's bold around paragraphs, an
    # editor's italics around a list or a video): the marks had wrapped the
    # blocks' Markdown, showing stars and breaking the list, quote or table
    "<strong><p>First para.</p><p>Second para.</p></strong>",
    "<p>Before</p><em>Words <iframe src='https://www.youtube.com/embed/x'></iframe> after</em>",
    "<b>Intro <pre>code here</pre> after</b>",
    "<a href='http://example.org/'><p>para in link</p><p>two</p></a>",
    "<i><ul><li>one</li><li>two</li></ul></i><del><h2>Struck heading</h2></del>",
    "<b><blockquote>quoted</blockquote></b><u><table><tr><td>a</td></tr></table></u>",
    # Inline forms
    "<p><strike>withdrawn</strike>, <del>deleted</del>, <s>struck</s> and <ins>inserted</ins></p>",
    "<p>Nested <em>emphasis <strong>with strong <em>and emphasis</em></strong></em> done</p>",
    "<p>Intra<b>word</b>bold, <b>bold </b>next and<i> italic</i>.</p>",
    "<p><em>Marked <i>twice<br></i></em>over, <b>bold <strong>in bold</strong></b></p>",
    # A mark ending in a stop, a quote or a link right before a letter (or
    # starting with one right after a letter): its stars had shown as text
    '<p><strong>UPDATE:</strong>The news, x<em>(aside)</em>then and <em>"quoted"</em>s</p>',
    "<p><strong><a href='http://example.org/'>link</a></strong>b, <del>old.</del>New, "
    "<b>A</b><i>(B)</i>C and <strong>end.</strong><em>Start</em></p>",
    "<h2><em>Heading.</em>Text</h2><p><strong><img src='http://example.org/a.png' alt='A'>"
    "</strong>The rest</p>",
    "<p>H<sub>2</sub>O, E=mc<sup>2</sup>, <kbd>Ctrl</kbd>, <abbr title='x'>NSPCC</abbr></p>",
    "<p><b>**already markdown**</b> and __under__</p>",
    # Word pastes and Blogger's layouts
    "<p class='MsoNormal'>Word paste<o:p></o:p></p><p class='MsoNormal'><o:p>&nbsp;</o:p></p>",
    "<p class='MsoNormal'>Met in <st1:city w:st='on'><st1:place w:st='on'>London</st1:place>"
    "</st1:city> today</p>",
    "<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--><p>After</p>",
    "<span style='font-family: Arial;'><span style='font-size: small;'><b>Bold in spans</b>"
    " then text</span></span>",
    "<font face='Verdana' size='2'><b>Old font tag</b><br>with break</font>",
    # A pasted page's words set apart by floats and blocks of its style
    "<div>Release Date<span style='float: left;'>6/04/2014</span>Rated"
    "<span style='color: red; display: block'>Title</span>Next</div>",
    # A heading in preformatted text (code, where its levels had still counted:
    # the heading after it jumped a level), a caption of a table of no cells
    # (written as it came, "# ..." a second title)
    "<pre>x\n<h2>Heading in code</h2>y</pre><h3>Section after</h3>",
    "<table><caption># not a heading</caption></table><p>after</p>",
    # Words after a block in a list item or a quote (they had run on from its
    # last line: "nestedafter", "# ..." a heading), a line break in a mark in
    # inline code (left in the code span, its next line's "~~~" a fence)
    "<ul><li>Item<ul><li>nested</li></ul>after the nested list</li></ul>",
    "<blockquote><p>Quoted.</p># not a heading</blockquote><ul><li><p>a</p>1. not a list</li></ul>",
    "<p><code>a <i>b<br>~~~ not a fence</i></code></p>",
    # A definition, a term or a figure's caption out of any list or figure
    # (written inside the words around them: the words after a line of their
    # own, unescaped), a quote in a definition (its ">" had been escaped,
    # shown as text), a figure's caption in a division of it (shown twice)
    "<p>Before</p><dd>defined</dd># not a heading<figcaption>stray</figcaption># nor this",
    "<dl><dt>Term</dt><dd><blockquote>Quoted in a definition</blockquote></dd></dl>",
    "<figure><img src='http://example.org/f.png' alt='F'><div><figcaption>Once</figcaption>"
    " and more</div></figure>",
    # A caption of no figure holding a quote (the paragraph it became was not
    # split around it), words straight in a definition list (written bare)
    "<figcaption><blockquote>Quoted</blockquote># not a heading</figcaption>",
    "<dl># not a heading<dt>Term</dt>1. not a list<dd>Defined</dd></dl>",
    # A video in the caption of a figure of no picture (the post was refused:
    # the figure unwrapped, its caption had none), a definition's division
    # and a division straight in a definition list (their words written bare)
    "<figure><figcaption>Words <iframe src='https://www.youtube.com/embed/a'></iframe>"
    " # not a heading</figcaption></figure>",
    "<dl><dd><div># not a heading</div></dd><center># nor this</center></dl>",
    # A term with a gap in it (a blank line ended its bold), a line starting
    # "#" after a break in a term or a definition, a video in a header cell
    # of a table's body (it had been in the cell's bold, its fence after "**")
    "<dl><dt>Term<br><br># not a heading</dt><dd>Defined<br># nor this</dd></dl>",
    "<table><tr><th>Head</th><th>Head 2</th></tr><tr><td>a</td><th>Row head "
    "<iframe src='https://www.youtube.com/embed/a'></iframe> after</th></tr></table>",
    # Words beside a figure's picture, and a table's caption tag out of any
    # table (a browser shows its words): written bare, "# ..." a second title
    "<figure><img src='http://example.org/g.png' alt='G'><figcaption>Cap</figcaption>"
    " # not a heading</figure><p>x <caption># nor this</caption></p>",
    # A figure's caption that opens with a block, a quote or a table (the
    # build refused the figure: docutils takes a paragraph as a caption, else
    # a comment before what it shows as the figure's legend)
    "<figure><img src='http://example.org/h.png' alt='H'><figcaption><blockquote>Quoted"
    " caption</blockquote><table><tr><td>cell</td></tr></table> words</figcaption></figure>",
    # Galleries (a figure of figures) in a quote, a list and a table's cell,
    # and one in another: the inner one's caption had been dropped
    "<blockquote><figure class='wp-block-gallery columns-2'><figure><img"
    " src='http://example.org/q1.png' alt='Q1'><figcaption>One `x`</figcaption></figure>"
    "<figure><img src='http://example.org/q2.png' alt='Q2'></figure><figcaption>Quoted"
    " gallery</figcaption></figure></blockquote><ul><li>Item<figure class='wp-block-gallery'>"
    "<img src='http://example.org/l1.png' alt='L1'><img src='http://example.org/l2.png'"
    " alt='L2'></figure></li></ul><table><tr><td><figure class='wp-block-gallery columns-5'>"
    "<img src='http://example.org/t1.png' alt='T1'><img src='http://example.org/t2.png'"
    " alt='T2'><figcaption>In a cell</figcaption></figure></td></tr></table>",
    "<figure class='wp-block-gallery columns-9'><figure class='wp-block-gallery'><figure><img"
    " src='http://example.org/n1.png' alt='N1'><figcaption>First</figcaption></figure><figure>"
    "<img src='http://example.org/n2.png' alt='N2'></figure><figcaption>Inner caption"
    "</figcaption></figure><figure><img src='http://example.org/n3.png' alt='N3'></figure>"
    "<figcaption>Outer caption</figcaption></figure>",
    # A subscript, a superscript, an abbreviation in code (a role in code is
    # no role: "H{sub}`2`O" was shown as that)
    "<pre>H<sub>2</sub>O and x<sup>2</sup> <abbr title='t'>AB</abbr></pre>"
    "<p><code>x <sup>2</sup> y</code> and <kbd>Ctrl <sub>x</sub></kbd></p>",
    # Marks in a heading opening with a line break (a heading's break is a
    # space: the stars stood before it, shown as stars)
    "<h2><b><u><br>\n Heading after a break</u></b></h2><p>Words</p>",
    # Code in code beside marked words (its line had run into theirs:
    # "a xinnery z")
    "<pre>a <b>x</b><pre>inner</pre><i>y</i> z</pre>",
    # A picture in code, which Markdown's code cannot hold (its "![P](...)"
    # had been shown as code's text)
    "<pre>code <img src='http://example.org/p.png' alt='P'> more</pre>"
    "<p>see <code>x <img src='http://example.org/q.png' alt='Q'> y</code> z</p>",
    # An inline quotation in a superscript or an abbreviation (a role holds no
    # mark: its quotation marks had been left out)
    "<p>x<sup><q>b</q> n</sup> and <abbr title='t'><q>AB</q> C</abbr></p>",
    # A picture in a mark in a heading or a table's cell (its alt text had
    # been shown for it)
    "<h3>Title <small>with <img src='http://example.org/s.png' alt='S'></small></h3>"
    "<p>Note<sup><img src='http://example.org/u.png' alt='U'></sup> and x<sub>2 "
    "<img src='http://example.org/v.png' alt='V'></sub></p>"
    "<table><tr><td><s>old <img src='http://example.org/t.png' alt='T'></s></td></tr></table>",
    # A quote's words straight in it, not in a paragraph, opening as a list,
    # a heading or a quote would (they had been one: "1. The council" a list)
    "<blockquote>1. The council must act.<br>- and quickly<br>&gt;&gt; not nested</blockquote>"
    "<blockquote># not a heading</blockquote>",
    # A table after a line break in a list item or a quote (its fence had
    # been escaped, "\\~~~", and the post refused by the build)
    "<ul><li>text<br><table><tr><td>a</td><td>b</td></tr><tr><td><p>x</p><p>y</p></td>"
    "<td>z</td></tr></table></li></ul><blockquote>quoted<br><table><tr><td>c</td></tr>"
    "<tr><td><p>p</p><p>q</p></td></tr></table></blockquote>",
    # A list in a list item or a quote after a rule (its bullets had been
    # escaped as words, "- \\- nested")
    "<ul><li><hr><ul><li>nested after a rule</li></ul></li></ul>"
    "<blockquote><hr><ul><li>listed in a quote</li></ul></blockquote>",
    # Words MyST reads as a target, a line from "(" to ")=" (its pattern had
    # taken "(name)=" alone: these were left out of the page)
    "<p>(x)=(y)=</p><p>(a (b) c)=</p>",
    # Text of every kind
    "<p dir='rtl'>مرحبا بالعالم</p><p>זה טקסט</p><p>Emoji 👩‍👩‍👧‍👦 and 🇬🇧</p>",
    "<p>Combining e\u0301 and A\u00a0non-breaking\u00a0space and thin\u2009space</p>",
    "<p>Entities: &copy; &reg; &trade; &hellip; &mdash; &lsquo;&rsquo;&ldquo;&rdquo; &euro;</p>",
    "<p>" + "a" * 3000 + "</p>",
    # Links
    "<a href='http://example.org/a b c'>spaces in an address</a> "
    "<a href='http://example.org/(paren)'>paren</a> <a href='mailto:a@b.c'>mail</a>",
    "<a href='vbscript:msgbox(1)'>vb</a> <a href='  JaVaScRiPt:alert(1)'>js</a>",
    "<p>Footnote<sup><a href='#fn1' id='ref1'>1</a></sup></p>"
    "<p id='fn1'>1. The note <a href='#ref1'>back</a></p>",
]


def export_text(fmt: str, snippets: list[str] = SNIPPETS) -> str:
    """An export of ``fmt`` holding each snippet as a post of its own."""
    if fmt == "wordpress":
        items = "".join(
            f"<item><title>Odd {n}</title><link>http://old.example/?p={100 + n}</link>"
            f"<content:encoded><![CDATA[{snippet}]]></content:encoded>"
            f"<wp:post_id>{100 + n}</wp:post_id>"
            f"<wp:post_date>2011-01-{n % 28 + 1:02d} 07:40:14</wp:post_date>"
            "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>\n"
            for n, snippet in enumerate(snippets)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"'
            ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
            ' xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Odd</title>'
            f"<link>http://old.example</link>\n{items}</channel></rss>\n"
        )
    kind = "http://schemas.google.com/blogger/2008/kind#post"
    entries = "".join(
        f"<entry><id>tag:blogger.com,1999:blog-1.post-{100 + n}</id>"
        f"<published>2013-03-{n % 28 + 1:02d}T10:00:00.000-07:00</published>"
        f"<category scheme='http://schemas.google.com/g/2005#kind' term='{kind}'/>"
        f"<title type='text'>Odd {n}</title>"
        f"<content type='html'>{html.escape(snippet, quote=False)}</content>"
        "<link rel='alternate' type='text/html'"
        f" href='http://old.blogspot.com/2013/03/odd-{n}.html'/></entry>\n"
        for n, snippet in enumerate(snippets)
    )
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<link rel='alternate' type='text/html' href='http://old.blogspot.com/'/>\n{entries}</feed>\n"
    )


def odd_pages(tmp_path, fmt: str, snippets: list[str]) -> tuple[list, str]:
    """Each snippet imported as a post of an export of ``fmt`` and built by
    the README's build: each post's page (its section, page_view), and the
    import's report."""
    _, site, report = import_variant(tmp_path, fmt, export_text(fmt, snippets))
    year = 2011 if fmt == "wordpress" else 2013  # (export_text's dates)
    pages = [page_view(site, f"posts/{year}/odd-{n}.html") for n in range(len(snippets))]
    return pages, report


@pytest.mark.parametrize("fmt", ["wordpress", "blogger"])
def test_odd_markup_builds_and_keeps_every_word(tmp_path, fmt):
    export = tmp_path / "odd.xml"
    export.write_text(export_text(fmt), encoding="utf-8")
    root = new_blog(tmp_path / "blog")
    argv = ["import", fmt, str(export), "--posts-dir", str(root / "posts"), "--no-media"]
    assert main(argv) == 0
    assert build(root, root / "_build/html") == 0  # the README's build: -W
    site = Site(root / "_build/html")
    report = (root / "posts/import-report.txt").read_text(encoding="utf-8")
    assert "would fail the build" not in report  # converted, not flattened (verify.py)
    pages = dict(re.findall(rf"^{re.escape(str(export))}:(\d+): (\S+\.md):", report, re.M))
    entries = published_entries(export, fmt)
    assert len(entries) == len(SNIPPETS)
    for (line, _), source in entries.items():
        rel = Path(pages[str(line)]).relative_to(root).with_suffix(".html").as_posix()
        expected = words(source_view(source, fmt))
        shown = words(page_view(site, rel))
        assert shown == expected, (rel, difflib.ndiff(expected, shown))
        # and every picture it showed, shown (one in code, after the code; a
        # video put in as a picture is a video's note)
        pictures = {img["src"] for img in page_view(site, rel).find_all("img")}
        assert set(re.findall(r"<img src='([^']+\.png)'", source)) <= pictures, rel
        # and none a browser showed apart run together (read as a browser joins them)
        joined = set(joined_words(page_view(site, rel))) - set(
            joined_words(source_view(source, fmt))
        )
        assert not joined, (rel, joined)


def test_a_stray_ruby_fallback_around_headings_is_not_refused(tmp_path):
    """A ruby's fallback (``<rp>``) out of any ruby, around a link's headings:
    the Blogger post was refused with a converter's error (to bs4 the
    fallback's text is no tag's text, so both headings' text was "" and each
    was taken for the whole link's).  It comes in, its headings linked."""
    snippet = (
        "<a href='http://example.org/'><rp>x<h2>Head C</h2><div><h2>Head D</h2></div></rp></a>"
    )
    [section], _ = odd_pages(tmp_path, "blogger", [snippet])
    linked = [a.get_text() for a in section.select('a[href="http://example.org/"]')]
    assert linked == ["x", "Head C", "Head D"], linked


def test_a_definition_list_is_shown_as_one(tmp_path):
    """A definition list (``<dl>``) is one on the page, as the blog showed it:
    its terms, each definition under its term, the marks in them kept (bold
    in a term had been unwrapped, the whole term written bold), a
    definition's paragraphs, list and code inside it; in a list item and a
    quote too.  Terms and definitions had been paragraphs, the terms bold."""
    snippets = [
        "<dl><dt>Term<b>bold</b>!</dt><dd>Defined</dd><dt><b>All bold</b></dt>"
        "<dd>too</dd><dd>and <i>again</i></dd></dl>",
        "<dl><dt># Startup</dt><dd><p>A company.</p><ul><li>one</li><li>two</li></ul>"
        "<pre>code\n\nmore</pre><p>After.</p></dd></dl>",
        "<ul><li>Item<dl><dt>In an item</dt><dd>its definition</dd></dl></li></ul>",
        "<blockquote><dl><dt>Quoted</dt><dd>quoted definition</dd></dl></blockquote>",
    ]
    pages, _ = odd_pages(tmp_path, "blogger", snippets)
    lists = [page.find("dl") for page in pages]
    first, second, in_item, quoted = lists
    assert [dt.get_text() for dt in first.find_all("dt")] == ["Termbold!", "All bold"]
    assert [dd.get_text().strip() for dd in first.find_all("dd")] == [
        "Defined",
        "too",
        "and again",
    ]
    assert [b.get_text() for b in first.select("dt strong")] == ["bold", "All bold"]
    assert first.select_one("dd em").get_text() == "again"
    assert second.dt.get_text() == "# Startup"
    definition = second.dd
    assert [p.get_text() for p in definition.find_all("p", recursive=False)] == [
        "A company.",
        "After.",
    ]
    assert [li.get_text().strip() for li in definition.select("ul > li")] == ["one", "two"]
    assert definition.pre.get_text() == "code\n\nmore\n"
    assert in_item.find_parent("li") is not None and in_item.dd.get_text().strip() == (
        "its definition"
    )
    assert quoted.find_parent("blockquote") is not None and quoted.dt.get_text() == "Quoted"


def test_words_after_a_paragraph_opening_with_a_colon_are_no_definition(tmp_path):
    """MyST reads a line opening with ": " or "~ " after a paragraph's line,
    or a blank line after it, as that line's definition: such words are
    escaped, and stay the words they were."""
    snippet = "<p>Question?</p><p>: not a definition</p><p>a<br>~ nor this</p>"
    [section], _ = odd_pages(tmp_path, "blogger", [snippet])
    assert section.find("dl") is None
    assert [p.get_text() for p in section.find_all("p")] == [
        "Question?",
        ": not a definition",
        "a\n~ nor this",
    ]


def test_a_definition_list_out_of_order_keeps_its_words(tmp_path):
    """A list MyST cannot write as definitions (a definition before any term,
    two terms for one definition, a term holding a block) keeps its words in
    their order, each term bold."""
    snippet = (
        "<dl><dd>Lonely</dd><dt>First</dt><dt>Second</dt><dd>Both</dd>"
        "<dt>Code<pre>x = 1</pre></dt><dd>Shown</dd></dl>"
    )
    [section], _ = odd_pages(tmp_path, "blogger", [snippet])
    shown = [p.get_text() for p in section.find_all(["p", "pre"])]
    assert shown == ["Lonely", "First", "Second", "Both", "Code", "x = 1\n", "Shown"]
    assert [b.get_text() for b in section.select("p > strong")] == ["First", "Second", "Code"]


def test_a_picture_shown_smaller_is_no_link_its_post_did_not_make(tmp_path):
    """A picture its post showed at a width of its own is a picture, not a
    link: Sphinx linked every scaled picture to itself, a link the old blog
    never had, and with no alt text a link with no name to a screen reader.
    A picture its post linked stays linked."""
    snippet = (
        "<p><img class='alignright' src='http://example.org/p.png' alt='' width='160'> words "
        "<a href='http://example.org/big.png'><img src='http://example.org/q.png' alt='Q'"
        " width='100'></a></p>"
    )
    [section], _ = odd_pages(tmp_path, "blogger", [snippet])
    linked = {img["src"]: img.find_parent("a") for img in section.find_all("img")}
    assert linked["http://example.org/p.png"] is None
    assert linked["http://example.org/q.png"]["href"] == "http://example.org/big.png"


def test_bold_beside_a_link_in_a_link_shows_no_stars(tmp_path):
    """A link inside a link (a paste's) is two links to a browser, the first
    left empty; the empty one, between two bold words, kept them apart, and
    their stars showed ("**Bold****[linked](...)**": random markup found it).
    An empty link shows nothing, and is nothing here."""
    snippet = (
        "<p><b>Bold</b><a href='http://example.org/1'><strong>"
        "<a href='http://example.org/3'>linked</a></strong></a> after</p>"
    )
    [section], _ = odd_pages(tmp_path, "blogger", [snippet])
    assert section.p.get_text() == "Boldlinked after"
    assert [a["href"] for a in section.select("p a")] == ["http://example.org/3"]
    assert section.select_one("p strong").get_text() == "Boldlinked"


def test_a_list_in_a_division_in_an_item_a_quote_or_a_definition_stays_a_list(tmp_path):
    """A list item, a quote or a definition holding a division (Blogger's
    editor wraps lines in <div>s) that holds a list: the list was written as
    the words of a paragraph, its bullets escaped ("- \\- nested"), and
    showed as hyphens.  And a caption's own words opening with a list's or a
    quote's mark were read as that block ("> quote" a quotation), and keys
    typed (``<kbd>``) of two lines were one code span, the second line's ">"
    escaped inside it, its backslash shown.  A division's words in a quote
    or an item (Blogger's editor writes a line a <div>) were not escaped
    after the first: "1. The council..." became a numbered list, "# ..."
    bold text, words after a block in a division a list.  Random markup
    found each."""
    snippets = [
        "<ul><li><div><ul><li>nested</li></ul></div></li></ul>",
        "<blockquote><div><ol><li>counted</li></ol></div></blockquote>",
        "<dl><dt>Term</dt><dd><center><ul><li>defined</li></ul></center></dd></dl>",
        "<figure><img src='http://example.org/f.png' alt='F'>"
        "<figcaption>> quoted, - dashed</figcaption></figure>",
        "<p>Type <kbd><b>cd<br>> ls</b></kbd> now</p>",
        "<blockquote><div>The report says:</div><div>1. The council must act.</div>"
        "<div># Schools must refer.</div></blockquote>",
        "<ul><li><p>First</p><div><p>then</p>- not a list</div></li></ul>",
    ]
    pages, _ = odd_pages(tmp_path, "blogger", snippets)
    assert [li.get_text(strip=True) for li in pages[0].select("ul ul > li")] == ["nested"]
    assert [li.get_text(strip=True) for li in pages[1].select("blockquote ol > li")] == ["counted"]
    assert [li.get_text(strip=True) for li in pages[2].select("dd ul > li")] == ["defined"]
    assert "-" not in pages[0].get_text() + pages[2].get_text()
    caption = pages[3].select_one("figcaption")
    assert caption.get_text(strip=True) == "> quoted, - dashed" and not caption.find("blockquote")
    typed = pages[4]
    assert [code.get_text() for code in typed.select("p code")] == ["cd", "> ls"]
    quoted = pages[5].blockquote
    assert [p.get_text() for p in quoted.find_all("p")] == [
        "The report says:",
        "1. The council must act.",
        "# Schools must refer.",
    ]
    assert not quoted.select("ol, h2, h3, strong")
    item = pages[6].select_one("li")
    assert [p.get_text() for p in item.find_all("p")] == ["First", "then", "- not a list"]


def test_words_after_a_block_in_a_mark_are_words(tmp_path):
    """Words after a block that a mark held (Blogger's bold around a
    division, a Word paste's around a paragraph) in a definition, a list
    item or a quote: the mark was carried into the block only after such
    words were made paragraphs, so they were written bare, and "# ..."
    after it became a heading, "1. ..." a list (random markup found it)."""
    snippets = [
        "<dl><dd><strong><div>Bold line</div></strong># not a heading</dd></dl>",
        "<ul><li><b><p>Bold para</p></b>1. not a list</li></ul>",
        "<blockquote><i><div>Leaning</div></i># nor this</blockquote>",
    ]
    pages, _ = odd_pages(tmp_path, "blogger", snippets)
    shown = [
        ("Bold line", "# not a heading"),
        ("Bold para", "1. not a list"),
        ("Leaning", "# nor this"),
    ]
    for page, (marked, after) in zip(pages, shown, strict=True):
        assert [p.get_text() for p in page.find_all("p")] == [marked, after]
        assert page.select_one("p > strong, p > em").get_text() == marked
        assert not page.select("h2, h3, ol, ul ul")


def test_marks_that_meet_show_no_marks(tmp_path):
    """Marks that meet: bold closing where bold opens (an abbreviation's
    bold picture, which no abbreviation can write, after bold words) had
    "****" between, which CommonMark read as words ("Read****" showed);
    italics closing where italics open, beside bold, had both been written
    with underscores, "_review__![SCR](...)_**now**", the "__" between them
    neither closing nor opening ("__" and "_" showed); italics ending in an
    escaped star ("*Footnote\\**") before bold were taken for bold, their
    stars for the next mark's.  Random markup found each."""
    snippets = [
        "<p><i>Footnote*</i><b><s><em>: struck</em></s></b><strong><i>after</i></strong></p>",
        "<p><b>Read</b><abbr title='Serious Case Review'><b>"
        "<img src='http://example.org/scr.png' alt='SCR'></b></abbr> now</p>",
        "<p>The <i>review</i><abbr title='Serious Case Review'><i>"
        "<img src='http://example.org/scr.png' alt='SCR'></i></abbr><b>now</b> out</p>",
        "<p><abbr title='Serious Case Review'><i><img src='http://example.org/scr.png' "
        "alt='SCR'></i></abbr><i>found <b>late</b></i><b>and <i>again</i></b></p>",
    ]
    pages, _ = odd_pages(tmp_path, "blogger", snippets)
    starred, bold, first, second = (page.p for page in pages)
    assert starred.get_text() == "Footnote*: struckafter"
    assert [em.get_text() for em in starred.find_all("em")] == ["Footnote*", ": struck", "after"]
    assert starred.select_one("strong > s > em").get_text() == ": struck"
    assert bold.get_text() == "Read now"  # (and the picture)
    assert bold.select_one("strong img")["alt"] == "SCR"
    assert first.get_text() == "The reviewnow out"  # (and the picture)
    assert [em.get_text() for em in first.find_all("em")] == ["review"]
    assert first.select_one("em img")["alt"] == "SCR"
    assert first.select_one("em + strong").get_text() == "now"
    assert "_" not in second.get_text() and "*" not in second.get_text()
    assert second.select_one("em > img")["alt"] == "SCR"
    assert second.select_one("em > strong").get_text() == "late"
    assert second.select_one("em + strong > em").get_text() == "again"


def test_a_figure_of_no_alt_text_does_not_say_its_address(tmp_path):
    """A captioned picture whose alt text is empty (a decorative one, or one
    its author never described: WordPress's image block writes alt="") came
    in as a figure with no alt option, and docutils gives such a figure its
    address as its alt text: a screen reader read out
    "http://example.org/wp-content/uploads/..." for it.  Its alt text stays
    empty, as the author left it (the block unit test's 81 pictures)."""
    snippet = (
        "<figure class='wp-block-image'><img src='http://example.org/deco.png' alt=''>"
        "<figcaption>A caption</figcaption></figure>"
        "<figure class='wp-block-image'><img src='http://example.org/plain.png' alt=''></figure>"
        "<figure><img src='http://example.org/named.png' alt='Named'></figure>"
    )
    [section], _ = odd_pages(tmp_path, "wordpress", [snippet])
    pictures = {img["src"]: img.get("alt") for img in section.find_all("img")}
    assert pictures == {
        "http://example.org/deco.png": "",
        "http://example.org/plain.png": "",
        "http://example.org/named.png": "Named",
    }


def test_a_picture_and_its_lazy_copy_are_no_gallery(tmp_path):
    """A figure of a picture twice, a script's lazy-loading copy (no ``src``)
    beside its ``<noscript>`` fallback (Squarespace's): one picture, not a
    gallery of a picture and a column of its alt text; a figure of two
    pictures is one, in two columns (no more than it has pictures)."""
    snippet = (
        "<figure><noscript><img src='http://example.org/one.png'></noscript>"
        "<img data-src='http://example.org/one.png' alt='one.png'></figure>"
        "<figure class='wp-block-gallery columns-4'><img src='http://example.org/a.png' alt='A'>"
        "<img src='http://example.org/b.png' alt='B'></figure>"
    )
    [section], _ = odd_pages(tmp_path, "wordpress", [snippet])
    [gallery] = section.select("div.gallery")
    assert "columns-2" in gallery["class"]
    assert [img["src"] for img in gallery("img")] == [
        "http://example.org/a.png",
        "http://example.org/b.png",
    ]


def test_a_picture_behind_words_comes_in_before_them(tmp_path):
    """A picture a style showed behind a block's words (WordPress's first
    cover blocks, "wp:cover-image"; a Blogger post's boxed section) went with
    the style, unsaid: the theme unit test's cover blocks lost five.  It
    comes in before the words, said in the report; a script's address there
    does not, said too."""
    snippet = (
        "<div class='wp-block-cover-image has-background-dim' style='background-image:"
        "url(http://example.org/cover.jpg)'><p class='wp-block-cover-image-text'>Cover words"
        "</p></div><div style=\"background: #fff url('/box.png') no-repeat\">Boxed</div>"
        "<p style='background:url(javascript:alert(1))'>Scripted</p>"
        "<img src='http://example.org/own.png' alt='Own' style='background:url(/blur.png)'>"
    )
    [section], report = odd_pages(tmp_path, "blogger", [snippet])
    assert [img["src"] for img in section.find_all("img")] == [
        "http://example.org/cover.jpg",
        "http://old.blogspot.com/box.png",
        "http://example.org/own.png",
    ]
    texts = [text for p in section.find_all("p") if (text := p.get_text())]
    assert texts == ["Cover words", "Boxed", "Scripted"]
    assert "the picture behind words, 'http://example.org/cover.jpg', is before them" in report
    assert "the picture behind words, 'javascript:alert(1', of no web address" in report
    assert "javascript" not in str(section)


def test_media_and_text_filled_with_its_picture_shows_it_once(tmp_path):
    """The block editor's media and text "cropped to fill" its column: its
    picture as the column's background and as a picture in it.  It came in
    twice, a gallery of one picture; it is one picture, beside its words."""
    snippet = (
        '<div class="wp-block-media-text is-image-fill"><figure class="wp-block-media-text__media"'
        ' style="background-image:url(http://example.org/fill.jpg);background-position:50% 50%">'
        '<img src="http://example.org/fill.jpg" alt="Filled"></figure>'
        '<div class="wp-block-media-text__content"><p>Beside it</p></div></div>'
    )
    [section], report = odd_pages(tmp_path, "wordpress", [snippet])
    assert [img["src"] for img in section.find_all("img")] == ["http://example.org/fill.jpg"]
    assert not section.select("div.gallery")
    [columns] = section.select("div.columns")
    assert [c.get_text(strip=True) for c in columns.select(":scope > div.column")] == [
        "",
        "Beside it",
    ]
    assert "picture behind words" not in report


def test_a_link_in_code_still_leads_where_it_led(tmp_path):
    """A link in code (a function's name linked to its manual, a block of
    code with a link in it) kept its words and lost where it led, unsaid:
    Markdown's code holds no link.  In a line's code the link holds its part
    of the code; a block's links are listed after it, and the report says so.
    A linked picture in code follows the code, its link with it; of a link
    in a link in code, the inner one is shown, as a browser shows it.  The
    bold in a block of code, which code shows plain, is said."""
    snippet = (
        "<p>Call <code><a href='http://example.org/f'>f()</a></code> or "
        "<code>x.<a href='http://example.org/g'>g()</a></code> then "
        "<kbd><b><a href='http://example.org/k'>Ctrl</a></b></kbd>.</p>"
        "<pre>see <a href='http://example.org/page'>this page</a>\nand <b>bold</b></pre>"
        "<p>After.</p><p><code>icon <a href='http://example.org/i'>"
        "<img src='http://example.org/i.png' alt='Icon'></a></code></p><p><code>"
        "<a href='http://example.org/outer'><a href='http://example.org/inner'>in</a></a></code></p>"
    )
    [section], report = odd_pages(tmp_path, "blogger", [snippet])
    first = section.find("p")
    assert " ".join(first.get_text().split()) == "Call f() or x.g() then Ctrl."
    links = {a.get_text(): a["href"] for a in first.find_all("a")}
    assert links == {
        "f()": "http://example.org/f",
        "g()": "http://example.org/g",
        "Ctrl": "http://example.org/k",
    }
    assert all(a.find("code") for a in first.find_all("a"))
    assert section.select_one("pre").get_text() == "see this page\nand bold\n"
    after = section.select_one("div.highlight-text + p")
    assert after.get_text() == "Links in the code above: this page"
    assert after.a["href"] == "http://example.org/page"
    assert "link 'http://example.org/page' in a block of code listed after it" in report
    assert "changed: <b> in a block of code shown plain (code holds no marks)" in report
    # and a linked picture in code: after the code, still linked
    assert section.select_one("a[href='http://example.org/i'] > img")["alt"] == "Icon"
    # and a link in a link in code (a browser shows the inner one, the outer empty)
    assert section.select_one("a[href='http://example.org/inner'] code").get_text() == "in"


def test_a_superscript_or_an_abbreviation_keeps_its_marks_links_and_spaces(tmp_path):
    """MyST's roles for superscripts, subscripts and abbreviations hold words
    alone: a link in an abbreviation was lost, unsaid, as was a link that was
    part of a superscript; bold or italics that were all of one were lost;
    and a space at either end of one was, so that the words beside it ran
    together ("x<sup>a </sup>b" showed "xab").  A mark or a link that is all
    of one goes around it; a link that is part of one holds its part."""
    snippet = (
        "<p>See the <abbr title='Local Safeguarding Children Board'>"
        "<a href='http://example.org/lscb'>LSCB</a></abbr>, "
        "claim<sup>see <a href='http://example.org/source'>1</a></sup> and "
        "x<sup><b>2</b></sup> with <abbr title='Serious Case Review'><em>SCR</em></abbr> "
        "then <abbr title='Department for Education'>DfE </abbr>said.</p>"
        "<h3><abbr title='Ofsted'><img src='http://example.org/logo.png' alt='Logo'></abbr></h3>"
        "<p>By <abbr title='National Health Service'><img src='http://example.org/n.png' "
        "alt='N'>NHS</abbr> staff.</p>"
        "<p>Run <code>make</code><abbr title='no role can write'><code>(all)</code></abbr>.</p>"
    )
    [section], _ = odd_pages(tmp_path, "blogger", [snippet])
    paragraph = section.p
    shown = " ".join(paragraph.get_text().split())
    assert shown.startswith("See the LSCB, claimsee 1 and x2 with SCR then DfE said.")
    links = {a.get_text(): a["href"] for a in paragraph.find_all("a")}
    assert links == {"LSCB": "http://example.org/lscb", "1": "http://example.org/source"}
    assert paragraph.select_one("a abbr")["title"] == "Local Safeguarding Children Board"
    assert paragraph.select_one("a sup").get_text() == "1"
    assert paragraph.select_one("strong sup").get_text() == "2"
    assert paragraph.select_one("em abbr")["title"] == "Serious Case Review"
    # and the pictures in abbreviations (a heading's had been left out, and
    # one beside words anywhere)
    assert section.select_one("h2 img")["src"] == "http://example.org/logo.png"
    last = section.find_all("p")[-2]
    assert " ".join(last.get_text().split()) == "By NHS staff."
    assert last.img["alt"] == "N" and last.abbr["title"] == "National Health Service"
    # and one no role can write (a bracket in its words) between code and code:
    # its words, not a run of backticks that ended neither ("`make``(all)`")
    assert [code.get_text() for code in section.find_all("p")[-1].find_all("code")] == ["make(all)"]


def test_a_line_break_before_a_block_is_no_mark_shown(tmp_path):
    """A line break right before a block (WordPress's paragraphs make one of
    each line's end in a list item: "words<br />\n<blockquote>") was written
    as a hard break that the block's Markdown followed: a quote in a list
    item or after a division's break showed its ">" as words, and a
    definition opening with one became ":" and its code's fence shown as
    text.  A browser starts the block on its own line; so does the page.
    Random markup through WordPress's paragraphs (autop) found it."""
    snippets = [
        "<ul><li>Words<br />\n<blockquote>Quoted in an item</blockquote></li></ul>",
        "<blockquote><div><br /><blockquote>Quoted in a quote</blockquote></div></blockquote>",
        "<dl><dt>Term</dt><dd><div><br />\n<pre>x = 1</pre></div></dd></dl>",
    ]
    pages, _ = odd_pages(tmp_path, "wordpress", snippets)
    assert pages[0].select_one("li blockquote").get_text(strip=True) == "Quoted in an item"
    assert pages[1].select_one("blockquote blockquote").get_text(strip=True) == "Quoted in a quote"
    assert ">" not in pages[0].get_text() + pages[1].get_text()
    assert pages[2].select_one("dd pre").get_text() == "x = 1\n"
    assert pages[2].select_one("dt").get_text(strip=True) == "Term"
    assert "```" not in pages[2].get_text()


def test_a_button_block_keeps_its_side(tmp_path):
    """The block editor's buttons set to the centre or the right (a
    ``wp-block-button`` of the class ``aligncenter``, as wide as its words,
    which WordPress showed there) came in at the left; a division of that
    class alone (as wide as the page: its words at the left) stays so."""
    snippet = (
        "<div class='wp-block-button aligncenter'><a class='wp-block-button__link' "
        "href='http://example.org/give'>Donate</a></div>"
        "<div class='wp-block-button alignright'><a class='wp-block-button__link' "
        "href='http://example.org/more'>More</a></div><div class='aligncenter'>Plain</div>"
    )
    [page], _ = odd_pages(tmp_path, "wordpress", [snippet])
    paragraphs = page.find_all("p")
    sides = {p.get_text(): p.get("class", []) for p in paragraphs}
    assert sides == {"Donate": ["text-center"], "More": ["text-right"], "Plain": []}


def test_a_linked_picture_with_an_address_no_parser_reads_still_comes_in(tmp_path):
    """An address Python cannot read ("http://[oops/x.png", a broken IPv6
    host) stopped the post's conversion, and the post was refused.  It comes
    in, its words kept, the address left out and said; the linked picture,
    no alt text and no file to name it by, is "Picture"."""
    snippet = (
        "<p>Before <a href='http://example.org/'><img src='http://[oops/x.png'></a> after</p>"
        "<object data='http://[oops/film.swf'></object><p>End.</p>"
    )
    [section], report = odd_pages(tmp_path, "blogger", [snippet])
    assert "refused" not in report
    assert "dropped: an address no browser can read, 'http://[oops/x.png'" in report
    assert " ".join(section.p.get_text().split()) == "Before Picture after"
    assert section.find_all("p")[-1].get_text() == "End."
    assert section.select_one("p a")["href"] == "http://example.org/"


def test_teletype_text_is_code(tmp_path):
    """Teletype text (``<tt>``, HTML 4's, in old Blogger posts) shows as code,
    as a browser showed it: it had come in as plain words."""
    snippet = "<p>Type <tt>rm *.tmp</tt> then <tt>ls_all</tt>.</p>"
    [section], _ = odd_pages(tmp_path, "blogger", [snippet])
    assert [code.get_text() for code in section.select("p code")] == ["rm *.tmp", "ls_all"]
    assert section.p.get_text() == "Type rm *.tmp then ls_all."


@pytest.mark.parametrize("fmt", ["wordpress", "blogger"])
def test_the_excerpt_is_what_came_before_the_more_break(tmp_path, fmt):
    """The home page shows a post's words before its "more" break, all of
    them and no more, whatever blocks come before it.  ABlog's ``excerpt``
    counts the post's paragraphs (in lists, quotes and a video's note too;
    not a picture's caption): the importers counted blocks, so a captioned
    picture before the break put two paragraphs after it on the home page,
    and a list's last items were left out.  Each shows in what held it."""
    picture = "<figure><img src='http://example.org/p.png' alt='P'><figcaption>Cap</figcaption>"
    posts = {  # each post's words before its break
        f"{picture}</figure><p>First words.</p><!--more--><p>Second.</p><p>Third.</p>": [
            "First words."
        ],
        "<p>Intro.</p><ul><li>one</li><li>two</li><li>three</li></ul><!--more--><p>After.</p>": [
            "Intro.",
            "one",
            "two",
            "three",
        ],
        "<ul><li>one</li><li>two<!--more--></li><li>three</li></ul><p>After.</p>": ["one", "two"],
        "<p>A line<br><a name='more'></a><br>and the next</p><p>After.</p>": ["A line"],
        # in a table's cell: after the table (the cells after it had run into the one before)
        "<table><tr><td>a</td><td><!--more-->b</td></tr></table><p>After.</p>": ["a", "b"],
        # a captioned picture alone: the picture (ABlog's default had shown "After.")
        f"{picture}</figure><!--more--><p>After the break.</p>": [],
        # the break first: no paragraph (ABlog's default had shown "After the break.")
        "<!--more--><p>After the break.</p><p>Later.</p>": [],
        # a definition: with its term (ABlog's excerpt is paragraphs, and a term is none)
        "<dl><dt>Section <i>47</i></dt><dd>An enquiry.</dd><dd>Or more.</dd></dl>"
        "<!--more--><p>After.</p>": ["Section 47", "An enquiry.", "Or more."],
    }
    export = tmp_path / "odd.xml"
    export.write_text(export_text(fmt, list(posts)), encoding="utf-8")
    root = new_blog(tmp_path / "blog")
    argv = ["import", fmt, str(export), "--posts-dir", str(root / "posts"), "--no-media"]
    assert main(argv) == 0
    assert build(root, root / "_build/html") == 0
    home = Site(root / "_build/html").page("index.html")
    summaries = {
        summary.select_one(".post-title").get_text(strip=True): summary
        for summary in home.select("ol.post-list > li")
    }
    shown = {
        title: [p.get_text(" ", strip=True) for p in summary.select(".post-excerpt :is(p, dt)")]
        for title, summary in summaries.items()
    }
    for number, before in enumerate(posts.values()):
        assert shown[f"Odd {number}"] == before, number
    # each in what held it, as the post shows it: a list's items after their
    # bullets, a term over its definitions (ABlog's excerpt had taken each
    # paragraph out of its block: the items plain paragraphs, the term gone)
    excerpt = summaries["Odd 1"].select_one(".post-excerpt")
    assert [li.get_text(strip=True) for li in excerpt.select("ul > li")] == ["one", "two", "three"]
    cut = summaries["Odd 2"].select_one(".post-excerpt")
    assert [li.get_text(strip=True) for li in cut.select("ul > li")] == ["one", "two"]
    defined = summaries["Odd 7"].select_one(".post-excerpt dl")
    assert [dt.get_text() for dt in defined.select("dt")] == ["Section 47"]
    assert [dd.get_text(strip=True) for dd in defined.select("dd")] == ["An enquiry.", "Or more."]
    site = Site(root / "_build/html")
    cells = site.page(f"posts/{home_year(fmt)}/odd-4.html").select("td")
    assert [cell.get_text(strip=True) for cell in cells] == ["a", "b"]
    assert not summaries["Odd 6"].select(".post-excerpt img, .post-excerpt p"), summaries["Odd 6"]
    assert summaries["Odd 6"].select_one('a[href$="odd-6.html"]') is not None
    pictured = summaries["Odd 5"]
    assert [img["src"] for img in pictured.select(".post-excerpt img")] == [
        "http://example.org/p.png"
    ]
    # its front matter the others' with the picture's number (no "draft: false",
    # "sequence: 0" or "comments: 0" kept beside its excerpt of 0)
    keys = {
        number: set(re.findall(r"^(\w+):", path.read_text(encoding="utf-8"), re.M))
        for number in (0, 5)
        for path in [root / "posts" / home_year(fmt) / f"odd-{number}.md"]
    }
    assert keys[5] - keys[0] == {"image"} and keys[0] <= keys[5], keys
    # its description the post's first words, not the picture's ("P")
    described = {"odd-5": "After the break.", "odd-6": "After the break. Later."}
    for name, description in described.items():
        page = site.page(f"posts/{home_year(fmt)}/{name}.html")
        assert page.select_one('meta[name="description"]')["content"] == description


def home_year(fmt: str) -> str:
    """The year export_text dates its posts in."""
    return "2011" if fmt == "wordpress" else "2013"


@pytest.mark.parametrize("fmt", ["wordpress", "blogger"])
def test_a_reference_html_does_not_name_is_shown_as_written(tmp_path, fmt):
    """ "AT&T;" and "&xxe;", names HTML does not have: a browser shows them as
    written; the converter's parser (Beautiful Soup's html.parser builder)
    dropped their ";".  A name that starts with an old one without its ";"
    shows that character, as a browser's does ("&copyx;": "©x;")."""
    snippet = "<p>AT&T; and Q&A; said &xxe; of &copyx; &amp; &copy; R&D.</p>"
    # Old names without their ";" and numbers without theirs, as browsers read them
    loose = "<p>I &lt3 it,&nbspthen &#65 and &copy2 &notit;</p>"
    # An address's "&" bare (as old editors left them): in an attribute, a
    # browser reads no old name followed by a letter, a digit or "=" (the
    # parser had read "&region=" as "®ion=", and the link led nowhere).
    address = "https://example.org/map?a=1&region=uk&section=2&copy=3&times;=4&amp;b=5"
    linked = f'<p><a href="{address}">The map</a></p>'
    pages, _ = odd_pages(tmp_path, fmt, [snippet, loose, linked])
    shown = [" ".join(page.get_text().split()) for page in pages]
    assert "AT&T; and Q&A; said &xxe; of ©x; & © R&D." in shown[0], shown
    assert "I <3 it,\xa0then A and ©2 ¬it;" in pages[1].get_text(), shown
    link = pages[2].find("a", string="The map")
    # ("&times;", with its ";", is "×" to a browser too, which sends it as "%C3%97")
    assert link["href"] == "https://example.org/map?a=1&region=uk&section=2&copy=3%C3%97=4&b=5"
