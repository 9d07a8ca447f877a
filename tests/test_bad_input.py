"""Bad input never gets through (issue 5): each broken post in
tests/roots/test-bad-input/cases/ is built beside a good post with the README's
build, and either fails it with a message naming the file, the line and the
field (never a traceback, never a silent skip), or is handled as the author
meant — and the test says which.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from blogarchive.build import build

from blogsite import REPO, Site

ROOT = Path(__file__).parent / "roots" / "test-bad-input"

# case -> (line, what the error says)
FAILS = {
    "malformed-yaml": (3, "ERROR: front matter: malformed YAML"),
    "impossible-date": (3, "ERROR: date: '2010-02-30' is not a valid ISO 8601 date"),
    "no-heading": (5, "ERROR: title: no '# Title' heading after the front matter"),
    "empty": (1, "ERROR: file: is empty"),
    "non-utf8": (5, "ERROR: encoding: not UTF-8 (byte 0xe9)"),
    "missing-link": (7, "ERROR: link: to 'missing-post.md', which is no page of the site's"),
    "unknown-key": (3, "WARNING: mood: unknown front-matter key"),
    # A row of more cells than the header: markdown-it dropped the third.
    "table-row-cut-short": (10, "ERROR: markdown: a table row of 3 cells under a header of 2"),
    # A word processor's line break (U+000B), pasted: no feed can hold it, and
    # the feed's writer stopped on a traceback.
    "control-character": (7, "ERROR: text: a character XML does not allow, U+000B, at column 30"),
    # YAML keeps the last of a key given twice: the first tags were lost.
    "key-twice": (5, "ERROR: tags: given twice (lines 3 and 5): only one is kept"),
    # markdown-it reads nothing nested 20 deep: the tenth level and the rest
    # of the post were lost, and the build said nothing.
    "nested-too-deep": (18, "ERROR: markdown: lists or quotes nested 20 deep"),
    # A line starting with '%' is a MyST comment: this one, the paragraph's
    # second line, vanished from the page.
    "wrapped-at-percent": (8, "ERROR: markdown: a line starting with '%' is a comment"),
    # A link's label mistyped ('l' for '1'): its words showed in brackets, and
    # the definition, the report's address, was seen nowhere.
    "unused-definition": (9, "ERROR: markdown: a link definition no link uses"),
    # ... and its label, no definition's: it linked nothing, and nothing said so.
    "undefined-label": (8, "ERROR: markdown: a link by the label [ofsted-2010], which no link"),
    # Links Markdown reads as text, brackets and all: a space before the address, or in it.
    "space-before-address": (8, "ERROR: markdown: a link with a space before its address"),
    "space-in-address": (7, "ERROR: markdown: a link's address with a space in it ('../2010/a"),
    # '+++' at a line's start is a MyST block break, the words after it its
    # metadata: the update vanished from the page.
    "words-after-break": (9, "ERROR: markdown: a line starting with '+++' is a block break"),
    # A footnote's mark with no note: docutils said "Unknown target name: "2"".
    "note-missing": (7, "ERROR: markdown: a footnote mark [^2] with no note"),
}


def build_with(tmp_path: Path, capfd, *cases: str, extra: dict[str, str | bytes] | None = None):
    """Build the good post beside ``cases`` (files in cases/) and ``extra`` files."""
    site = tmp_path / "blog"
    shutil.copytree(ROOT, site, ignore=shutil.ignore_patterns("cases"), dirs_exist_ok=True)
    for case in cases:
        shutil.copy(ROOT / "cases" / f"{case}.md", site / "posts/2010" / f"{case}.md")
    for rel, text in (extra or {}).items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            (site / rel).write_bytes(text)
        else:
            (site / rel).write_text(text, encoding="utf-8")
    status = build(site, site / "_build/html")
    _, err = capfd.readouterr()
    assert "Traceback" not in err and "Exception occurred" not in err, err
    return status, err, Site(site / "_build/html")


@pytest.fixture(autouse=True)
def _repo(monkeypatch):
    monkeypatch.setenv("BLOG_REPO", str(REPO))


@pytest.mark.parametrize("case", sorted(FAILS))
def test_broken_post_fails_the_build_naming_file_line_field(tmp_path, capfd, case):
    status, err, _ = build_with(tmp_path, capfd, case)
    line, message = FAILS[case]
    assert status != 0
    assert f"posts/2010/{case}.md:{line}: {message}" in err, err


def paragraphs_of(tmp_path: Path, capfd, name: str, text: str):
    """The paragraphs of post ``name`` (``text``) as its page shows them, and its article."""
    status, err, site = build_with(tmp_path, capfd, extra={f"posts/2010/{name}.md": text})
    assert status == 0, err
    article = site.page(f"posts/2010/{name}.html").select_one("article")
    return [p.get_text() for p in article.select("section > p:not(.post-meta)")], article


#: A paragraph of mistakes, one a line, from line 9 (after the heading).
MISTAKES_A_LINE = [
    ("I first wrote {unknownrole}`this`,", 'Unknown interpreted text role "unknownrole"'),
    ("then said {doc}`nowhere`,", "unknown document: 'nowhere'"),
    ("showed ![a photo](no-photo.png)", "image file not readable: posts/2010/no-photo.png"),
    # a picture with no words: Sphinx set its line to 0, and the message named none
    ("and ![](no-words.png)", "image file not readable: posts/2010/no-words.png"),
    ("and <span onclick='x()'>a trick</span>,", "html: <span onclick> runs code"),
    ("pointed to {ref}`no-label`", "undefined label: 'no-label'"),
    ("and to [a heading](#no-such-heading)", "target not found: 'no-such-heading'"),
    ("and <abbr\ntitle='x'>split tags</abbr> [out](../../../../../etc/passwd).", "outside the"),
]


def test_each_mistake_of_a_paragraph_is_named_at_its_own_line(tmp_path, capfd):
    """Every warning about a paragraph's link, role, picture or raw HTML
    named the paragraph's first line (raw HTML's, one line off after an
    unknown role): in a long paragraph the author searched for it.  Each is
    named at the line it is on."""
    words = "\n".join(line for line, _ in MISTAKES_A_LINE)
    text = f"---\ndate: 2010-07-02\n---\n\n# Mistakes\n\nText.\n\n{words}\n"
    status, err, _ = build_with(tmp_path, capfd, extra={"posts/2010/mistakes.md": text})
    assert status != 0
    line = 9
    for words, message in MISTAKES_A_LINE:
        line += words.count("\n")  # (the last: a tag across two lines, then the link)
        assert re.search(
            rf"posts/2010/mistakes\.md:{line}: (WARNING|ERROR): .*{re.escape(message)}", err
        ), (line, err)
        line += 1


def test_a_comment_of_the_authors_is_hidden_and_an_escaped_percent_shown(tmp_path, capfd):
    """A comment with a blank line before it is the author's own, and no
    reader sees it; a percent sign escaped at a line's start is text."""
    text = (
        "---\ndate: 2010-07-02\n---\n\n# Percent\n\nRose by 12\n\\% since 2009.\n\n"
        "% a note to myself: find the source\n\nThe end.\n"
    )
    paragraphs, article = paragraphs_of(tmp_path, capfd, "percent", text)
    assert paragraphs == ["Rose by 12\n% since 2009.", "The end."]
    assert "note to myself" not in article.get_text()


def test_a_block_break_alone_is_no_problem_and_an_escaped_one_shown(tmp_path, capfd):
    """``+++`` alone, or with MyST's metadata (a JSON object), is a block break
    the author meant; ``\\+++`` is text."""
    text = (
        "---\ndate: 2010-07-02\n---\n\n# Breaks\n\nFirst.\n\n+++\n\nSecond.\n\n"
        '+++ {"part": 2}\n\n\\+++ Update: shown.\n'
    )
    paragraphs, _ = paragraphs_of(tmp_path, capfd, "breaks", text)
    assert paragraphs == ["First.", "Second.", "+++ Update: shown."]


def test_link_definitions_a_link_uses_are_kept_out_of_sight(tmp_path, capfd):
    """A definition used by a link, in any way Markdown allows (full, collapsed,
    shortcut, in another case, wrapped over two lines, in a directive's text),
    is no problem; its address is the link's."""
    text = (
        "---\ndate: 2010-07-02\n---\n\n# References\n\n"
        "The [first report][One], [Second][] and [third]; the [fourth\nreport][four x].\n\n"
        "```{note}\nSee [the fifth][5].\n```\n\n"
        "[one]: https://example.org/1\n[second]: https://example.org/2\n"
        "[Third]: https://example.org/3\n[Four   X]: https://example.org/4\n"
        "[5]: https://example.org/5\n"
    )
    status, err, site = build_with(tmp_path, capfd, extra={"posts/2010/refs.md": text})
    assert status == 0, err
    article = site.page("posts/2010/refs.html").select_one("article")
    hrefs = [a["href"] for a in article.select("a[href^='https://example.org/']")]
    assert sorted(hrefs) == [f"https://example.org/{n}" for n in range(1, 6)]


def test_brackets_meant_as_text_are_no_link_to_define(tmp_path, capfd):
    """In a post with no link definitions, a citation's brackets ("[1][2]")
    or an index's ("matrix[i][j]") are text, shown as written, not a link by
    an undefined label; a phrase in brackets before a label is one."""
    text = "---\ndate: 2010-07-02\n---\n\n# Citations\n\nAs found [1][2], in matrix[i][j].\n"
    status, err, site = build_with(tmp_path, capfd, extra={"posts/2010/cites.md": text})
    assert status == 0, err
    shown = [p.get_text() for p in site.page("posts/2010/cites.html").select("article p")]
    assert "As found [1][2], in matrix[i][j]." in shown


def test_a_post_the_build_would_never_read_fails_it_naming_the_file(tmp_path, capfd):
    """Sphinx reads posts at posts/<year>/<name>.md and pages at
    pages/<name>.md: a post named .markdown or .MD, one straight in posts/, a
    page in a folder of pages/ was never published, and the build said
    nothing.  Each fails it, naming the file; a picture beside a post, or an
    import's hidden scratch file, does not."""
    text = "---\ndate: 2010-07-05\n---\n\n# Stray\n\nText.\n"
    names = ["posts/2010/long.markdown", "posts/2010/upper.MD", "posts/loose.md"]
    names += ["pages/old/about.md", "pages/contact.mkd"]
    extra = dict.fromkeys(names, text) | {"posts/2010/chart.png": b"png"}
    status, err, _ = build_with(tmp_path, capfd, extra=extra)
    assert status != 0
    blog = tmp_path / "blog"
    for name, why in [
        ("posts/2010/long.markdown", "a post's or page's file ends in '.md', not '.markdown'"),
        ("posts/2010/upper.MD", "a post's or page's file ends in '.md', not '.MD'"),
        ("posts/loose.md", "a post is posts/<year>/<name>.md"),
        ("pages/old/about.md", "a page is pages/<name>.md"),
        ("pages/contact.mkd", "a post's or page's file ends in '.md', not '.mkd'"),
    ]:
        assert f"{blog / name}:1: ERROR: file: never published: {why}" in err, err
    assert "chart.png" not in err


def test_a_post_in_another_language_says_so_for_screen_readers(tmp_path, capfd):
    """`language:` was taken and shown nowhere: a post in Welsh was read out by a
    screen reader as English.  Its text carries the language (lang="cy"); a
    value that is no language tag is an error at its line."""
    welsh = "---\ndate: 2010-07-03\nlanguage: cy\n---\n\n# Croeso\n\nAmddiffyn plant.\n"
    status, err, site = build_with(tmp_path, capfd, extra={"posts/2010/croeso.md": welsh})
    assert status == 0, err
    text = site.page("posts/2010/croeso.html").select_one("article [data-pagefind-body]")
    assert text["lang"] == "cy" and "Amddiffyn plant." in text.get_text()
    assert site.page("posts/2010/good.html").select_one("article [lang]") is None
    wrong = welsh.replace("language: cy", "language: Welsh please")
    status, err, _ = build_with(tmp_path / "wrong", capfd, extra={"posts/2010/croeso.md": wrong})
    assert status != 0
    assert "croeso.md:3: ERROR: language: expected a language tag such as 'cy' or 'pt-BR'" in err


def test_a_link_post_shows_what_it_links_to(tmp_path, capfd):
    """`external_link:` (ABlog's link post) was accepted and shown nowhere: the
    post's page now says what it links to, under its title."""
    text = (
        "---\ndate: 2010-07-03\nexternal_link: https://example.org/report\n---\n\n"
        "# A report worth reading\n\nMy thoughts on it.\n"
    )
    status, err, site = build_with(tmp_path, capfd, extra={"posts/2010/worth.md": text})
    assert status == 0, err
    linked = site.page("posts/2010/worth.html").select_one("article p.post-external-link")
    assert linked.get_text() == "A link to https://example.org/report"
    assert linked.select_one("a")["href"] == "https://example.org/report"
    assert site.page("posts/2010/good.html").select_one(".post-external-link") is None


def test_two_posts_with_one_slug_fail(tmp_path, capfd):
    good = (ROOT / "posts/2010/good.md").read_text().replace("2010-07-01", "2011-01-05")
    status, err, _ = build_with(tmp_path, capfd, extra={"posts/2011/good.md": good})
    assert status != 0
    assert "posts/2011/good.md:1: ERROR: slug: 'good' is also used by posts/2010/good.md" in err


def test_missing_date_is_a_draft_not_published(tmp_path, capfd):
    status, _, site = build_with(tmp_path, capfd, "missing-date")
    assert status == 0
    assert not site.path("posts/2010/missing-date.html").exists()
    assert "No date yet" not in site.path("blog/tag/ofsted/index.html").read_text()


def test_timezone_is_honoured(tmp_path, capfd):
    status, _, site = build_with(tmp_path, capfd, "timezone")
    assert status == 0
    # 23:30 in New York on 2 July is 04:30 on 3 July in London.
    assert site.page("posts/2010/timezone.html").select_one(".post-meta time")["datetime"] == (
        "2010-07-03"
    )


def test_list_category_is_split(tmp_path, capfd):
    status, _, site = build_with(tmp_path, capfd, "list-category")
    assert status == 0
    page = site.page("posts/2010/list-category.html")
    assert [a.get_text() for a in page.select("a.post-category")] == ["Research", "Policy"]
    assert site.path("blog/category/research/").exists()


def test_nocomments_true_builds(tmp_path, capfd):
    status, _, site = build_with(tmp_path, capfd, "nocomments")
    assert status == 0
    assert site.page("posts/2010/nocomments.html").select_one(".post-meta time")


def test_blogpost_false_is_an_ordinary_page(tmp_path, capfd):
    status, _, site = build_with(tmp_path, capfd, "blogpost-false")
    assert status == 0
    page = site.page("posts/2010/blogpost-false.html")
    assert page.select_one("article h1").get_text().startswith("Not a post")
    assert page.select_one(".post-meta") is None
    titles = [e.title for e in site.feed().entries]
    assert titles == ["A good post"]


def test_tag_variants_fold_into_one_tag(tmp_path, capfd):
    status, _, site = build_with(tmp_path, capfd, "tag-lower", "tag-spaced", "tag-words")
    assert status == 0
    tags = site.page("blog/tag/")
    names = [li.a.get_text() for li in tags.select("ul.catalog li")]
    assert names == ["Ofsted", "social work"]
    listed = [a.get_text() for a in site.page("blog/tag/ofsted/").select(".post-title a")]
    assert listed == ["Spaced tag", "Lower case tag", "A good post"]
    header = site.page("posts/2010/tag-lower.html").select_one("a.post-tag")
    assert header.get_text() == "Ofsted"


def test_failed_build_leaves_the_last_good_site(tmp_path, capfd):
    status, _, site = build_with(tmp_path, capfd)
    assert status == 0
    before = {p: p.read_bytes() for p in site.root.rglob("*") if p.is_file()}
    shutil.copy(ROOT / "cases/impossible-date.md", tmp_path / "blog/posts/2010/")
    assert build(tmp_path / "blog", site.root) != 0
    after = {p: p.read_bytes() for p in site.root.rglob("*") if p.is_file()}
    assert after == before
    assert not (site.root / ".buildinfo").exists() and not list(site.root.rglob("*.doctree"))
    assert not (tmp_path / "blog/_build/html.next").exists()
