"""Importing an old blog (issue 3): Blogger's two export formats and WordPress WXR.

Each export in tests/data/ is imported with `blog import`, then built into a site
with the real settings, and read as a reader would: the text as written, old
addresses leading to the posts, drafts nowhere, non-posts counted and skipped.
"""

from __future__ import annotations

import html
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from lxml import etree

from blogarchive.build import build
from blogarchive.cli import main

from blogsite import Site, new_blog, texts

DATA = Path(__file__).parent / "data"


def run_blog(capsys, *argv) -> tuple[int, str, str]:
    if argv[0] == "import":
        argv = (*argv, "--no-media")  # these exports' pictures are on hosts tests never reach
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def import_edited(capsys, blog_dir: Path, tmp_path: Path):
    """``blog import`` of a test export (in tests/data) with each ``(old,
    new)`` of ``changes`` made in its text, into ``blog_dir``: (status, out, err)."""

    def run(fmt: str, export: str, *changes: tuple[str, str]) -> tuple[int, str, str]:
        text = (DATA / export).read_text(encoding="utf-8")
        for old, new in changes:
            assert old in text, old  # (the export still says it)
            text = text.replace(old, new)
        edited = tmp_path / f"edited-{export}"
        edited.write_text(text, encoding="utf-8")
        return run_blog(capsys, "import", fmt, edited, "--posts-dir", blog_dir / "posts")

    return run


def build_site(root: Path) -> Site:
    assert build(root, root / "_build/html") == 0
    return Site(root / "_build/html")


def post_text(site: Site, rel: str) -> list[str]:
    section = site.page(rel).select_one("article section")
    return [
        p.get_text()
        for p in section.find_all(["p", "li", "h2", "h3"])
        if "post-meta" not in p.get("class", []) and not p.find_parent("li")
    ]


def test_blogger_classic_export(blog_dir, capsys):
    status, out, _ = run_blog(
        capsys, "import", "blogger", DATA / "blogger-classic.xml", "--posts-dir", blog_dir / "posts"
    )
    assert status == 0
    assert "3 written" in out and "1 draft imported as drafts" in out
    assert "not posts, skipped: 1 settings, 1 template" in out  # the comment is kept
    site = build_site(blog_dir)
    first = "posts/2009/why-im-starting-a-blog.html"
    assert post_text(site, first) == [
        "I've worked in child protection for twenty years.",
        "This blog is about what I've learned - and what we still get wrong.\n"
        "A second line, same paragraph.",
        "Comments welcome *really*.",
    ]
    page = site.page(first)
    assert page.select_one("article h1").get_text().rstrip("#¶") == "Why I'm starting a blog"
    assert [a.get_text() for a in page.select("a.post-tag")] == ["blogging", "social work"]
    assert page.select_one(".post-meta time")["datetime"] == "2009-07-20"
    second = site.page("posts/2009/contactpoint-the-database-state.html")
    section = second.select_one("article section")
    assert section.select_one("a[href='http://www.arch-ed.org/']").get_text() == "ARCH"
    assert section.select_one("em").get_text() == "new"
    assert section.select_one("strong").get_text() == "damning"
    assert section.select_one("h2, h3").get_text().rstrip("#¶") == "What it records"
    assert [li.get_text() for li in section.select("ul li")] == [
        "Names & addresses",
        "Every contact with services",
    ]
    assert section.select_one("img")["alt"] == "ContactPoint screen"
    assert "1. This is not a list; neither is [this]." in [p.get_text() for p in section("p")]
    # The old Blogger address leads straight to the post.
    old = site.page("2009/07/why-im-starting-blog.html")
    refresh = old.select_one('meta[http-equiv="refresh"]')["content"]
    assert refresh.startswith("0; url=") and refresh.endswith(
        "posts/2009/why-im-starting-a-blog.html"
    )
    assert old.select_one('link[rel="canonical"]')["href"].endswith(first)
    # The draft is nowhere.
    assert_draft_nowhere(site, "Half-written thoughts on Munro", "half-written-thoughts-on-munro")


def assert_draft_nowhere(site: Site, title: str, slug: str) -> None:
    files = [p for p in site.root.rglob("*") if p.is_file()]
    assert not [p for p in files if slug in p.name]
    for path in files:
        if path.suffix in (".html", ".xml", ".js", ".txt"):
            assert title not in path.read_text(encoding="utf-8"), path


def test_blogger_takeout_export(blog_dir, capsys):
    status, out, _ = run_blog(
        capsys,
        "import",
        "blogger",
        DATA / "blogger-takeout.atom",
        "--posts-dir",
        blog_dir / "posts",
    )
    assert status == 0 and "1 page imported into pages/" in out
    assert "not posts, skipped" not in out  # the comment is kept too
    text = (blog_dir / "posts/2010/munros-first-report.md").read_text()
    assert (
        "blogger_url: http://chrismillsblog.blogspot.com/2010/10/munros-first-report.html" in text
    )
    site = build_site(blog_dir)
    comment = site.page("posts/2010/munros-first-report.html").select_one("section.comments")
    assert comment.select_one(".comment-author").get_text() == "A reader"
    assert comment.select_one(".comment-text").get_text().strip() == "Agreed."
    rel = "posts/2010/munros-first-report.html"
    assert post_text(site, rel) == [
        "Eileen Munro's first report is out.",
        "It asks the right questions.",
    ]
    tags = [a.get_text() for a in site.page(rel).select("a.post-tag")]
    assert tags == ["Munro Review", "social work"]
    # Takeout's search description (its entities escaped twice, as Takeout writes them)
    described = site.page(rel).select_one('meta[name="description"]')["content"]
    assert described == "Munro's first report & the questions it asks"
    old = site.page("2010/10/munros-first-report.html")
    assert old.select_one('meta[http-equiv="refresh"]')["content"].startswith("0; url=")
    # Where a post was written (Takeout's <blogger:location>, not the old export's
    # georss:featurename), shown under its title as Blogger showed it under the post.
    where = site.page("posts/2010/lessons-from-laming.html").select_one(".post-location")
    assert where is not None and where.get_text() == " · location: Westminster, London, UK"
    assert_draft_nowhere(site, "A draft on Laming", "a-draft-on-laming")
    # A post Blogger had scheduled is the author's, not a draft: due on its date.
    ahead = (blog_dir / "posts/2099/written-ahead-for-the-centenary.md").read_text()
    assert "draft" not in ahead and "date: 2099-01-01T08:00:00" in ahead
    assert not site.path("posts/2099/written-ahead-for-the-centenary.html").exists()
    assert not site.path("2099/01/written-ahead.html").exists()  # nor its old address yet


def test_wordpress_export(blog_dir, capsys):
    status, out, _ = run_blog(
        capsys, "import", "wordpress", DATA / "wordpress.xml", "--posts-dir", blog_dir / "posts"
    )
    assert status == 0 and "not posts, skipped: 1 attachment" in out
    assert "1 page imported into pages/" in out
    site = build_site(blog_dir)
    rel = "posts/2011/working-together-again.html"
    assert post_text(site, rel) == [
        "The guidance has been rewritten again.",
        "It is longer than ever - 390 pages.",
        "What would help instead:",
        "Fewer procedures",
        "More time with families",
        "See the guidance.",
    ]
    page = site.page(rel)
    assert [a.get_text() for a in page.select("a.post-category")] == ["Policy"]
    assert [a.get_text() for a in page.select("a.post-tag")] == ["bureaucracy", "Working Together"]
    # <!--more--> ends the excerpt: two paragraphs on the home page.
    excerpt = site.page("index.html").select_one(".post-excerpt")
    assert excerpt.get_text(" ", strip=True) == (
        "The guidance has been rewritten again . It is longer than ever - 390 pages."
    )
    old = site.page("2011/03/14/working-together-again/")
    assert old.select_one('meta[http-equiv="refresh"]')["content"].endswith(
        "posts/2011/working-together-again.html"
    )
    assert_draft_nowhere(site, "Summer reading", "summer-reading")


@pytest.mark.parametrize(
    "fmt,export",
    [
        ("blogger", "blogger-classic.xml"),
        ("blogger", "blogger-takeout.atom"),
        ("wordpress", "wordpress.xml"),
    ],
)
def test_second_import_changes_nothing(blog_dir, capsys, fmt, export):
    run_blog(capsys, "import", fmt, DATA / export, "--posts-dir", blog_dir / "posts")
    before = {p: p.read_bytes() for p in blog_dir.rglob("*.md")}
    status, out, _ = run_blog(
        capsys, "import", fmt, DATA / export, "--posts-dir", blog_dir / "posts"
    )
    assert status == 0 and "nothing changed" in out
    assert {p: p.read_bytes() for p in blog_dir.rglob("*.md")} == before


def test_imported_files_are_readable_as_the_authors_own(blog_dir, capsys):
    """Posts, comments and the report were written 600 (mkstemp's), where a
    file the author makes is 644 under the usual umask: no one else on the
    machine (a web server serving the repository) could read them."""
    old = os.umask(0o022)
    try:
        run_blog(
            capsys, "import", "wordpress", DATA / "wordpress.xml", "--posts-dir", blog_dir / "posts"
        )
    finally:
        os.umask(old)
    written = [*blog_dir.glob("posts/*/*.md"), *blog_dir.glob("posts/*/*.yaml")]
    written.append(blog_dir / "posts/import-report.txt")
    assert written and {oct(stat.S_IMODE(p.stat().st_mode)) for p in written} == {"0o644"}


def test_skip_drafts(blog_dir, capsys):
    _, out, _ = run_blog(
        capsys, "import", "wordpress", DATA / "wordpress.xml",
        "--posts-dir", blog_dir / "posts", "--skip-drafts",
    )  # fmt: skip
    assert "1 draft skipped (--skip-drafts)" in out
    assert not list(blog_dir.rglob("summer-reading.md"))


@pytest.mark.parametrize(
    "fmt,export,line,message",
    [
        ("blogger", "blogger-malformed.xml", 37, "not well-formed XML"),
        ("blogger", "takeout-truncated.atom", 22, "not well-formed XML"),
        ("wordpress", "blogger-classic.xml", 2, "expected WXR <rss><channel>"),
        (
            "blogger",
            "wordpress.xml",
            8,
            "expected an Atom <feed>, found <rss> (an RSS feed: blog import wordpress reads it)",
        ),
    ],
)
def test_malformed_export_is_named_and_nothing_written(
    blog_dir, capsys, fmt, export, line, message
):
    status, out, err = run_blog(
        capsys, "import", fmt, DATA / export, "--posts-dir", blog_dir / "posts"
    )
    assert status == 1
    assert f"{DATA / export}:{line}: " in err and message in err and "nothing written" in err
    assert not list((blog_dir / "posts").rglob("*.md"))


@pytest.mark.parametrize(
    ("fmt", "export", "entry"),
    [("blogger", "blogger-classic.xml", "<entry>"), ("wordpress", "wordpress.xml", "<item>")],
)
def test_an_export_a_merge_left_in_conflict_is_named_so(blog_dir, capsys, fmt, export, entry):
    """An export kept in a repository and merged with another version of it
    holds git's conflict markers ("<<<<<<< HEAD", "=======", ">>>>>>>"): it
    is XML no longer.  The import had said only what the XML parser said
    ("StartTag: invalid element name"); it says what the markers are, at
    their line, and writes nothing."""
    text = (DATA / export).read_text(encoding="utf-8")
    at = text.index(entry)
    line = text[:at].count("\n") + 1
    text = text[:at] + "<<<<<<< HEAD\n" + text[at:]
    end = text.index(entry.replace("<", "</"), at) + len(entry) + 1
    text = text[:end] + "\n=======\n>>>>>>> theirs\n" + text[end:]
    conflicted = blog_dir / f"conflicted-{export}"
    conflicted.write_text(text, encoding="utf-8")
    status, _, err = run_blog(capsys, "import", fmt, conflicted, "--posts-dir", blog_dir / "posts")
    assert status == 1
    assert f"{conflicted}:{line}: not well-formed XML" in err, err
    assert "conflict markers ('<<<<<<<'): resolve them first" in err and "nothing written" in err
    assert not list((blog_dir / "posts").rglob("*.md"))


@pytest.mark.parametrize(
    "fmt,export,line,message,written",
    [
        (
            "wordpress",
            "wordpress-bad-date.xml",
            14,
            "bad wp:post_date '14/03/2011' "
            "(was https://chrismills.example.org/2011/03/14/working-together-again/)",
            2,
        ),
    ],
)
def test_an_entry_that_cannot_be_taken_is_refused_and_the_rest_comes_in(
    blog_dir, capsys, fmt, export, line, message, written
):
    """Issue 12: one bad entry no longer costs the whole blog."""
    status, out, err = run_blog(
        capsys, "import", fmt, DATA / export, "--posts-dir", blog_dir / "posts"
    )
    assert status == 1
    assert f"{DATA / export}:{line}: {message}; entry refused" in err
    assert f"{written} written" in out
    files = [*(blog_dir / "posts").rglob("*.md"), *(blog_dir / "pages").glob("*.md")]
    assert len(files) == written
    report = (blog_dir / "posts/import-report.txt").read_text(encoding="utf-8")
    assert f"{DATA / export}:{line}: refused: {message}" in report
    build_site(blog_dir)


ONE_LINE_BACKUP = (
    "<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
    "<entry><id>tag:blogger.com,1999:blog-9.post-1</id>"
    "<published>2012-05-01T09:00:00.000+01:00</published>"
    "<category scheme='http://schemas.google.com/g/2005#kind' "
    "term='http://schemas.google.com/blogger/2008/kind#post'/><title>Kept</title>"
    "<content type='html'>Words kept.</content>"
    "<link rel='alternate' type='text/html' href='http://one.blogspot.com/2012/05/kept.html'/>"
    "</entry><entry><id>tag:blogger.com,1999:blog-9.post-2</id>"
    "<published>2012-05-02T09:00:00.000+01:00</published>"
    "<category scheme='http://schemas.google.com/g/2005#kind' "
    "term='http://schemas.google.com/blogger/2008/kind#post'/><title>Emptied</title>"
    "<link rel='alternate' type='text/html' href='http://one.blogspot.com/2012/05/emptied.html'/>"
    "</entry></feed>\n"
)


def test_a_refused_entry_of_a_one_line_export_is_named_by_its_address(blog_dir, capsys):
    """A Blogger backup holds every entry after its template on one line: a
    refusal names the entry's old address, which its line alone cannot tell."""
    export = blog_dir / "backup.xml"
    export.write_text(ONE_LINE_BACKUP, encoding="utf-8")
    status, out, err = run_blog(
        capsys, "import", "blogger", export, "--posts-dir", blog_dir / "posts"
    )
    assert status == 1 and "1 written" in out
    named = "post has no <content> (was http://one.blogspot.com/2012/05/emptied.html)"
    assert f"{export}:1: {named}; entry refused" in err
    report = (blog_dir / "posts/import-report.txt").read_text(encoding="utf-8")
    assert f"{export}:1: refused: {named}" in report


WXR_UNDATED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Made by another tool</title><link>https://old.example</link>
<item><title>Only a pubDate</title><link>https://old.example/only-pubdate/</link>
  <pubDate>Wed, 21 Jul 2010 09:15:00 +0100</pubDate>
  <wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
  <content:encoded><![CDATA[Dated by the feed.]]></content:encoded></item>
<item><title>Only GMT</title><link>https://old.example/only-gmt/</link>
  <wp:post_date_gmt>2010-07-27 18:00:00</wp:post_date_gmt>
  <wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
  <content:encoded><![CDATA[Dated in UTC.]]></content:encoded></item>
<item><title>No date at all</title><wp:post_type>post</wp:post_type>
  <wp:status>publish</wp:status><content:encoded><![CDATA[Undated.]]></content:encoded></item>
</channel></rss>
"""


def test_a_wordpress_post_without_wp_post_date_takes_its_other_date(blog_dir, capsys, tmp_path):
    """Exports other tools write (a Wix or Blogger converter) may give a post's
    date only as RSS's pubDate, or only in UTC.  A post with no date at all is
    kept as a draft saying why (tests below), never refused nor dated by us."""
    export = tmp_path / "other-tool.xml"
    export.write_text(WXR_UNDATED, encoding="utf-8")
    status, out, err = run_blog(
        capsys, "import", "wordpress", export, "--posts-dir", blog_dir / "posts"
    )
    assert (status, err) == (0, "") and "3 written" in out
    assert f"undated: {export}:13: kept as a draft in {blog_dir / 'posts/undated'}/: " in out
    undated = (blog_dir / "posts/undated/no-date-at-all.md").read_text(encoding="utf-8")
    assert "\ndraft: true\n" in undated and "\ndate:" not in undated
    assert "draft_reason: 'no date in the export (wp:post_date, wp:post_date_gmt or pubDate)" in (
        undated
    )
    site = build_site(blog_dir)
    assert_draft_nowhere(site, "No date at all", "no-date-at-all")
    for name, day, when in [
        ("only-a-pubdate", "2010-07-21", "date: 2010-07-21T09:15:00+01:00"),
        ("only-gmt", "2010-07-27", "date: 2010-07-27T18:00:00+00:00"),
    ]:
        assert when in (blog_dir / f"posts/2010/{name}.md").read_text(encoding="utf-8")
        assert site.page(f"posts/2010/{name}.html").select_one("article time")["datetime"] == day


def test_a_blogger_post_without_published_is_a_draft_saying_why(blog_dir, capsys):
    """A Blogger entry with no <published> date is kept, as a draft naming its
    last update, and built as one (it had been refused, text and all)."""
    export = DATA / "blogger-no-date.xml"
    status, out, err = run_blog(
        capsys, "import", "blogger", export, "--posts-dir", blog_dir / "posts"
    )
    assert (status, err) == (0, "")
    assert f"undated: {export}:38: kept as a draft in {blog_dir / 'posts/undated'}/: " in out
    text = (blog_dir / "posts/undated/contactpoint-the-database-state.md").read_text("utf-8")
    assert "draft_reason: 'no date in the export (<published>; last updated 2009-09-03)" in text
    assert "The [ARCH](http://www.arch-ed.org/) campaign has *new* evidence" in text
    site = build_site(blog_dir)
    slug = "contactpoint-the-database-state"
    assert_draft_nowhere(site, "ContactPoint & the database state", slug)
    assert site.page("posts/2009/why-im-starting-a-blog.html").select_one("h1")


def test_a_namespace_named_by_an_iri_is_read_leniently(blog_dir, capsys, tmp_path):
    """A plugin's namespace named by an IRI (libxml2 takes it for a bad URI)
    refused the whole export; the file is whole, so it is read, and noted."""
    export = tmp_path / "plugin.xml"
    export.write_text(
        WXR_UNDATED.replace(
            "<item><title>Only GMT</title>",
            '<item xmlns:ü="http://ëxämplë.com/ünïcödë/"><title>Only GMT</title>'
            "<ü:field>kept aside</ü:field>",
        ),
        encoding="utf-8",
    )
    status, out, err = run_blog(
        capsys, "import", "wordpress", export, "--posts-dir", blog_dir / "posts"
    )
    assert (status, err) == (0, "") and "3 written" in out
    report = (blog_dir / "posts/import-report.txt").read_text(encoding="utf-8")
    assert f"{export}:9: namespaces named by an IRI or a bad URI: read leniently" in report
    site = build_site(blog_dir)
    assert site.page("posts/2010/only-gmt.html").select_one("h1").get_text().startswith("Only GMT")


def test_long_titles_tags_and_addresses_fit_a_file_name(blog_dir, capsys, tmp_path):
    """A title or tag of 300 characters named a file or folder longer than a
    file system allows (255 bytes): the import, then the build, crashed.  Names
    are cut at a word, under 80 characters; an old address too long to be a
    file is not redirected, and the report says so."""
    title, tag = "A very long title " * 20, "safeguarding " * 30
    export = tmp_path / "long.xml"
    long_address = "https://old.example/" + "x" * 300 + "/"
    export.write_text(
        WXR_UNDATED.replace("Only a pubDate", title)
        .replace("https://old.example/only-pubdate/", long_address)
        .replace(
            "<wp:post_type>post</wp:post_type>",
            f"<category domain='post_tag'>{tag}</category><wp:post_type>post</wp:post_type>",
            1,
        ),
        encoding="utf-8",
    )
    status, out, err = run_blog(
        capsys, "import", "wordpress", export, "--posts-dir", blog_dir / "posts"
    )
    assert (status, err) == (0, ""), err
    [path] = [p for p in (blog_dir / "posts/2010").glob("a-very-long-title*.md")]
    assert len(path.stem) <= 80 and path.stem.startswith("a-very-long-title-a-very")
    report = (blog_dir / "posts/import-report.txt").read_text(encoding="utf-8")
    assert f"not redirected: old address {long_address!r} cannot be served here" in report
    site = build_site(blog_dir)
    page = site.page(f"posts/2010/{path.stem}.html")
    assert page.select_one("h1").get_text().startswith(title.strip())
    [link] = page.select("a.post-tag")
    assert link.get_text() == tag.strip()
    folder = site.root / "blog/tag" / link["href"].split("/tag/")[1].split("/")[0]
    assert len(folder.name) <= 80 and (folder / "index.html").is_file()


def test_an_address_no_browser_can_read_costs_only_itself(blog_dir, import_edited):
    """A post whose old address is ``http://[oops/...`` (a broken IPv6 host),
    or whose text holds such an address alone on its line (which WordPress
    would have embedded), was refused: Python's URL parser raised, "please
    report this".  It comes in whole; its old address is left out, said."""
    status, _, err = import_edited(
        "wordpress",
        "wordpress.xml",
        (
            "<link>https://chrismills.example.org/2011/03/14/working-together-again/</link>",
            "<link>http://[oops/2011/03/14/working-together-again/</link>",
        ),
        ("It is longer than ever", "http://[oops/x\n\nIt is longer than ever"),
    )
    assert (status, err) == (0, ""), err
    report = (blog_dir / "posts/import-report.txt").read_text(encoding="utf-8")
    assert "left out: its old address 'http://[oops/2011/03/14/working-together-again/'" in report
    assert "please report this" not in report
    site = build_site(blog_dir)
    words = site.page("posts/2011/working-together-again.html").select_one("article").get_text()
    assert "http://[oops/x" in words and "It is longer than ever - 390 pages." in words


def test_a_date_outside_the_calendar_comes_in_as_an_undated_draft(blog_dir, import_edited):
    """A post dated the last second there is (``9999-12-31 23:59:59``, a
    placeholder another tool wrote), its date in UTC the hour before the
    first: it was refused ("please report this"), or written with a date the
    build refuses.  It comes in as a draft with no date, saying why, and the
    site builds."""
    status, _, err = import_edited(
        "wordpress",
        "wordpress.xml",
        (
            "[CDATA[2011-03-14 09:30:00]]></wp:post_date>",
            "[CDATA[9999-12-31 23:59:59]]></wp:post_date>",
        ),
        (
            "[CDATA[2011-03-14 09:30:00]]></wp:post_date_gmt>",
            "[CDATA[0001-01-01 00:00:00]]></wp:post_date_gmt>",
        ),
    )
    assert (status, err) == (0, ""), err
    [written] = (blog_dir / "posts/undated").glob("working-together-again*.md")
    front = yaml.safe_load(written.read_text(encoding="utf-8").split("---")[1])
    assert front["draft"] is True and "date" not in front
    assert "9999-12-31T23:59:59" in front["draft_reason"]
    assert "outside the days a page can show" in front["draft_reason"]
    site = build_site(blog_dir)
    assert not site.path("posts/undated/working-together-again.html").exists()


def test_an_old_address_with_a_comma_is_answered(blog_dir, import_edited):
    """A post's old address holding a comma (``/2011/03/14/again,-and-again/``)
    was written into ``redirect:`` as it was, and the build refused it: a
    comma separated old addresses, even in a list.  A list's item is one
    address whole now: the site answers it."""
    status, _, err = import_edited(
        "wordpress",
        "wordpress.xml",
        ("/2011/03/14/working-together-again/<", "/2011/03/14/again,-and-again/<"),
    )
    assert (status, err) == (0, ""), err
    site = build_site(blog_dir)
    answered = site.page("2011/03/14/again,-and-again/index.html")
    assert answered.select_one('link[rel="canonical"]')["href"].endswith(
        "/posts/2011/working-together-again.html"
    )


def test_two_names_of_one_login_are_both_credited(blog_dir, import_edited):
    """Co-Authors Plus credited a post to two names of one login (a guest
    author's, its name changed in an old term): the logins, written once each beside
    the names, were one fewer than the authors, and the build refused the
    post.  Each name is credited, its login beside it."""
    terms = '<category domain="author" nicename="cap-guest"><![CDATA[{}]]></category>'
    credited = terms.format("A Guest") + terms.format("The Guest Editor")
    dated = "<pubDate>Mon, 14 Mar 2011 09:30:00 +0000</pubDate>\n\t\t"  # (the first post's)
    status, _, err = import_edited(
        "wordpress",
        "wordpress.xml",
        (dated + "<dc:creator><![CDATA[Chris Mills]]></dc:creator>", dated + credited),
    )
    assert (status, err) == (0, ""), err
    site = build_site(blog_dir)
    page = site.page("posts/2011/working-together-again.html")
    assert [a.get_text() for a in page.select(".post-author")] == ["A Guest", "The Guest Editor"]


def test_a_comment_dated_without_an_offset_comes_in_among_the_others(blog_dir, import_edited):
    """A Blogger comment dated with no offset from UTC, beside one with
    an offset, stopped the import with a traceback (Python cannot order
    the two).  It is taken as UTC, as Blogger's dates are, and shown in
    its place among the post's comments."""
    text = (DATA / "blogger-classic.xml").read_text(encoding="utf-8")
    first = text.index("<entry>\n<id>tag:blogger.com,1999:blog-1234567890.post-1001.comment-5001")
    comment = text[first : text.index("</entry>", first) + len("</entry>")]
    later = comment.replace("comment-5001", "comment-5002").replace(
        "Welcome to blogging.", "Later."
    )
    later = later.replace(
        "<published>2009-07-22T12:00:00.000+01:00", "<published>2009-07-23T08:00:00"
    )
    status, _, err = import_edited(
        "blogger",
        "blogger-classic.xml",
        (comment, f"{comment}\n{later}"),
    )
    assert (status, err) == (0, ""), err
    site = build_site(blog_dir)
    page = site.page("posts/2009/why-im-starting-a-blog.html")
    said = [c.get_text(" ", strip=True) for c in page.select("li.comment .comment-text")]
    assert said == ["Welcome to blogging.", "Later."], said


def test_dates_past_the_calendar_in_utc_cost_neither_post_nor_site(blog_dir, import_edited):
    """A comment dated ``0001-01-01 00:00:00 +1400`` (the year before the
    first, in UTC), or a post whose only date is so, was refused with
    "please report this" (Python overflowed moving it to UTC), costing the
    post.  The post comes in (the undated one as a draft, saying why), the
    comment is named as one of a date no page can show, and the site builds."""

    def dated(field: str, was: str, now: str = "0001-01-01 00:00:00 +1400"):
        return f"[CDATA[{was}]]></wp:{field}>", f"[CDATA[{now}]]></wp:{field}>"

    status, _, err = import_edited(
        "wordpress",
        "wordpress-comments.xml",
        dated("comment_date_gmt", "2011-03-14 12:00:00"),  # the first comment's
        dated("comment_date", "2011-03-14 12:00:00"),
        dated("post_date_gmt", "2011-03-15 09:30:00"),  # the second post's, its only date
        dated("post_date", "2011-03-15 09:30:00", now="0000-00-00 00:00:00"),
    )
    assert status == 1 and "comment with a bad date" in err, err  # (what was refused: said)
    report = (blog_dir / "posts/import-report.txt").read_text(encoding="utf-8")
    assert "please report this" not in report and "comment with a bad date" in report, report
    [undated] = (blog_dir / "posts/undated").glob("no-comments-here*.md")
    assert "outside the days a page can show" in undated.read_text(encoding="utf-8")
    site = build_site(blog_dir)
    page = site.page("posts/2011/working-together-again.html")
    assert "Thank you for this." not in page.get_text() and page.select("li.comment")


def _written_by_login(login: str) -> tuple[tuple[str, str], ...]:
    """The edits to wordpress.xml that give its author, Chris Mills, ``login``."""
    tag = "[CDATA[{}]]></wp:author_login>"
    creator = "<dc:creator><![CDATA[{}]]>"
    return (
        (tag.format("chris"), tag.format(login)),
        (creator.format("Chris Mills"), creator.format(login)),
    )


def test_an_authors_page_by_a_login_of_other_letters_is_answered(blog_dir, import_edited):
    """WordPress made an author's page address from the login (``sanitize_title``:
    ``Chris.M`` was ``/author/chris-m/``); a login not already such an
    address (capitals, a dot, a space) was not written, and the old page was
    answered only by the 404 page's script.  The site answers it, and a link
    to it leads to the author's page here."""
    old_page = "https://chrismills.example.org/author/chris-m/"
    status, _, err = import_edited(
        "wordpress",
        "wordpress.xml",
        *_written_by_login("Chris.M"),
        ("See <a", f'All <a href="{old_page}">my posts</a>. See <a'),
    )
    assert (status, err) == (0, ""), err
    site = build_site(blog_dir)
    answered = site.page("author/chris-m/index.html")
    assert answered.select_one('link[rel="canonical"]')["href"].endswith(
        "/blog/author/chris-mills/"
    )
    post = site.page("posts/2011/working-together-again.html")
    shown = {a.get_text(): a["href"] for a in post.select("article a[href]")}
    assert shown["my posts"] == "../../blog/author/chris-mills/index.html"


def test_a_login_that_is_an_email_address_is_not_published(blog_dir, import_edited):
    """WordPress made even an e-mail login an author page's address
    (``chris.m@example.org``, ``/author/chris-mexample-org/``); the author's
    name comes in, their e-mail address, however folded, does not."""
    status, _, err = import_edited(
        "wordpress", "wordpress.xml", *_written_by_login("chris.m@example.org")
    )
    assert (status, err) == (0, ""), err
    post = (blog_dir / "posts/2011/working-together-again.md").read_text(encoding="utf-8")
    assert "author: Chris Mills" in post
    assert "wordpress_author" not in post and "chris-m" not in post and "@" not in post


def test_comments_in_markup_end_where_a_browser_ends_them(blog_dir, import_edited):
    """Python's HTML parser raised on ``<![ x>`` (a comment to a browser, as
    Word's ``<![if !supportLists]>`` is), refusing the post or comment ("please
    report this"), and read ``<!-->`` (an empty comment to a browser) on to the
    next ``-->``, losing the words between; it ended an end tag at a ``>`` in
    a quoted value (``</i a='>'<![ x'>``), and raised on what followed.  Each
    comes in as its blog showed it."""
    status, _, err = import_edited(
        "wordpress",
        "wordpress-comments.xml",
        (
            "The guidance has been rewritten again.",
            "The guidance<![ x> has been<!--> rewritten<!-- x --> again<![if !vml]>."
            "</i a='>'<![ x'>",
        ),
        (
            "It matches what we see.",
            "It matches<!-->, all of it,<!-- a note --> what<![ x> we see<![if !vml]>.",
        ),
        (
            "Glad it helps, <em>Jane</em>.",
            "Glad it helps<![ x>, <em>Jane</em>. <img src='https://e.example/s.png' alt='smile'>",
        ),
    )
    assert (status, err) == (0, ""), err
    site = build_site(blog_dir)
    page = site.page("posts/2011/working-together-again.html")
    assert post_text(site, "posts/2011/working-together-again.html") == [
        "The guidance has been rewritten again."
    ]
    said = [" ".join(c.get_text(" ").split()) for c in page.select("li.comment .comment-text")]
    assert said[:2] == [
        "Thank you for this. It matches, all of it, what we see.",
        "Glad it helps, Jane . Picture: smile",
    ], said


def test_a_post_ending_inside_a_tag_comes_in(blog_dir, import_edited):
    """A post whose text ends inside a tag that never closes, ``<![`` in it
    (a body cut short, a stray "<" before words): Python's parser read the
    "<" as text and went on to read the rest as markup, and raised on the
    ``<![``, refusing the post ("please report this").  It comes in, its
    words kept."""
    status, _, err = import_edited(
        "wordpress",
        "wordpress-comments.xml",
        ("Nobody wrote back.", "Nobody wrote back. <img alt='a' src='h<p>a <![ b"),
    )
    assert (status, err) == (0, ""), err
    [post] = (blog_dir / "posts").glob("*/no-comments-here.md")
    assert "Nobody wrote back." in post.read_text(encoding="utf-8")
    site = build_site(blog_dir)
    said = post_text(site, post.relative_to(blog_dir).with_suffix(".html").as_posix())
    # (the rest as text, as Python read the tag: WordPress's paragraphs put in)
    assert len(said) == 1 and said[0].startswith("Nobody wrote back. <img alt='a'"), said
    assert said[0].endswith("a <![ b"), said


def test_marks_a_paragraphs_end_interrupts_go_on_as_a_browser_shows_them(blog_dir, import_edited):
    """A bold passage of two paragraphs, as WordPress's paragraphs break one
    (``<p><strong>a</p><p>b</strong></p>``), is bold throughout in a browser,
    which carries a mark a block's end interrupts into the next block; so an
    italic one across ``<div>``s.  Python's parser ended the mark with the
    first block, and the rest came in plain.  A form's choices (``<select>``)
    come in a line each, as its list shows them."""
    status, _, err = import_edited(
        "wordpress",
        "wordpress-comments.xml",
        (
            "Nobody wrote back.",
            "<strong>Nobody wrote back.\n\nNot one reader.</strong> Plain again."
            "\n\n<div><em>Leaning here,</div><div>and here.</em></div><div>Upright.</div>"
            "<select><option>First choice</option><option>Second choice</option></select>",
        ),
    )
    assert (status, err) == (0, ""), err
    site = build_site(blog_dir)
    section = site.page("posts/2011/no-comments-here.html").select_one("article section")
    bold = [" ".join(b.get_text().split()) for b in section.select("p strong")]
    assert bold == ["Nobody wrote back.", "Not one reader."], bold
    italic = [" ".join(i.get_text().split()) for i in section.select("p em")]
    assert italic == ["Leaning here,", "and here."], italic
    said = post_text(site, "posts/2011/no-comments-here.html")
    assert said[1] == "Not one reader. Plain again." and "Upright." in said, said
    [choices] = [p for p in section.select("p") if "First choice" in p.get_text()]
    assert choices.get_text().split("\n") == ["First choice", "Second choice"]
    assert choices.select("br")


def test_marks_not_carried_on_as_a_browser_would_are_reported(blog_dir, import_edited):
    """Past 64 marks open at once, or 100 kB, a post is read as Python's
    parser reads it (building it as a browser does takes time as the
    square of either): a mark a paragraph's end interrupts is not carried
    into the next paragraph, and the import had not said so.  The report
    names each such post; a long post with no mark left open is not named."""
    words = " ".join(["Words of a long post."] * 5000)
    status, _, err = import_edited(
        "wordpress",
        "wordpress.xml",
        ("A list to come.", f"<strong>A list to come.\n\nNot yet.</strong>\n\n{words}"),
        ("About me.", "<b>" * 70 + "About me.\n\nMore." + "</b>" * 70),
        ("See <a", f"{words}\n\nSee <a"),
    )
    assert (status, err) == (0, ""), err
    report = (blog_dir / "posts" / "import-report.txt").read_text(encoding="utf-8")
    said = "mark left open where a block ends is not carried on into the next block"
    entries = re.split(r"\n(?=\S)", report)
    named = sorted(Path(e.split(": ")[1]).name for e in entries if said in e)
    assert named == ["about.md", "summer-reading.md"], report
    assert "working-together-again.md" in report
    post = next((blog_dir / "posts").glob("*/summer-reading.md")).read_text(encoding="utf-8")
    assert "**A list to come.**" in post and "Not yet." in post and "Words of a long" in post


def test_a_mark_around_paragraphs_parted_by_line_breaks_marks_each(blog_dir, import_edited):
    """Blogger's old editor parted paragraphs with ``<br><br>`` and bolded the
    lines chosen in one mark around them (``<b>a<br><br>b</b>``), which a
    browser showed as paragraphs an empty line apart, each bold.  They came
    in as one paragraph, a single line break between them: each is a
    paragraph, bold (italics inside bold too); a line break of one line
    stays in its paragraph."""
    edited = (
        "&lt;span style=&quot;font-weight: bold;&quot;&gt;I've worked in child protection."
        "&lt;br /&gt;&lt;br /&gt;&lt;i&gt;For twenty years.&lt;br /&gt;&lt;br /&gt;"
        "Still.&lt;/i&gt;&lt;/span&gt;&lt;br /&gt;&lt;br /&gt;This blog is about"
    )
    status, _, err = import_edited(
        "blogger",
        "blogger-classic.xml",
        (
            "I've worked in child protection for twenty years.&lt;br /&gt;&lt;br /&gt;"
            "This blog is about",
            edited,
        ),
    )
    assert (status, err) == (0, ""), err
    site = build_site(blog_dir)
    rel = "posts/2009/why-im-starting-a-blog.html"
    section = site.page(rel).select_one("article section")
    said = post_text(site, rel)
    assert said[:4] == [
        "I've worked in child protection.",
        "For twenty years.",
        "Still.",
        "This blog is about what I've learned - and what we still get wrong."
        "\nA second line, same paragraph.",
    ], said
    paragraphs = [p for p in section.select("p") if "post-meta" not in p.get("class", [])]
    assert [bool(p.select("strong")) for p in paragraphs[:4]] == [True, True, True, False]
    assert [bool(p.select("em")) for p in paragraphs[:4]] == [False, True, True, False]


#: Google Docs' HTML of a document copied into a post (its spans' styles cut
#: short): the whole in a ``<b>`` that is not bold, bold words a span's.
DOCS = (
    '<meta charset="utf-8"><b id="docs-internal-guid-99a19ca5-7fff-0ff9-c6ef-98cca82b14b5"'
    ' style="font-weight:normal;"><h2 dir="ltr" style="line-height:1.38;margin-top:18pt;">'
    '<span style="font-size:16pt;font-family:Arial;font-weight:400;font-style:normal;">'
    'What the review found</span></h2><p dir="ltr" style="line-height:1.38;margin-top:0pt;">'
    '<span style="font-size:11pt;font-weight:400;font-style:normal;text-decoration:none;">'
    'It was published today. </span><span style="font-size:11pt;font-weight:700;'
    'font-style:normal;">Read it.</span><span style="font-size:11pt;font-weight:400;'
    'font-style:italic;"> Slowly.</span></p><br><ul style="margin-top:0;"><li dir="ltr"'
    ' style="list-style-type:disc;font-weight:400;"><p dir="ltr" role="presentation">'
    '<span style="font-size:11pt;font-weight:400;">Fewer procedures</span></p></li></ul></b>'
    '<br class="Apple-interchange-newline">'
)
#: Word's: bold words whose right-to-left scripts' weight is normal, plain
#: words whose right-to-left scripts' weight is bold (browsers read no mso-).
WORD = (
    '<p class="MsoNormal"><b style="mso-bidi-font-weight:normal">Bold in Word</b> and'
    ' <span style="mso-bidi-font-weight:bold">upright</span> and'
    ' <i style="mso-bidi-font-style:normal">leaning</i> and'
    ' <span style="mso-bidi-font-style:italic">plain</span> words.<o:p></o:p></p>'
    '<p class="MsoNormal"><b>Bold, <span style="font-weight:normal">then plain,</span>'
    " then bold.</b></p>"
)


def test_a_paste_from_google_docs_or_word_is_bold_where_it_showed_bold(blog_dir, import_edited):
    """Google Docs puts what is copied from it in a ``<b>`` styled not bold
    (``font-weight:normal``); a browser showed its words plain, the words
    its spans make bold bold.  The whole post had come in bold, its heading
    and list too.  Word's ``mso-bidi-font-weight:bold`` (right-to-left
    scripts' weight, which browsers do not read) had made plain words bold,
    and its ``mso-bidi-font-style:italic`` plain words italic.  Words in bold
    that their own style makes plain were bold."""
    status, _, err = import_edited(
        "wordpress",
        "wordpress.xml",
        ("It is longer than ever - 390 pages.", DOCS),
        ("See <a", WORD + "\n\nSee <a"),
    )
    assert (status, err) == (0, ""), err
    site = build_site(blog_dir)
    section = site.page("posts/2011/working-together-again.html").select_one("article section")
    assert texts(section.select("strong")) == ["Read it.", "Bold in Word", "Bold,", "then bold."]
    assert texts(section.select("em")) == ["again", "Slowly.", "leaning"]
    [heading] = section.select("h2")
    assert heading.get_text(strip=True).rstrip("¶") == "What the review found"
    said = [" ".join(p.get_text().split()) for p in section.select("p")]
    assert "It was published today. Read it. Slowly." in said, said
    assert "Bold in Word and upright and leaning and plain words." in said, said
    assert "Bold, then plain, then bold." in said, said


def test_words_made_plain_in_paragraphs_a_bold_mark_wraps_are_plain(blog_dir, import_edited):
    """A mark around whole paragraphs or a list (``<b><p>…</p></b>``, an old
    editor's bold across blocks), some of their words styled back to plain
    or upright: a browser showed those words plain; they had come in bold
    (italic) with the rest, as only a mark within the paragraph was parted."""
    wrapped = (
        '<b><p>Bold <span style="font-weight:normal">then plain</span> then bold.</p>'
        "<p>All bold.</p></b>"
        '<i><ol><li>Leaning <span style="font-style:normal">upright</span></li>'
        "<li>leaning</li></ol></i>"
    )
    status, _, err = import_edited("wordpress", "wordpress.xml", ("See <a", wrapped + "\n\nSee <a"))
    assert (status, err) == (0, ""), err
    site = build_site(blog_dir)
    section = site.page("posts/2011/working-together-again.html").select_one("article section")
    assert texts(section.select("strong")) == ["Bold", "then bold.", "All bold."]
    assert texts(section.select("ol em")) == ["Leaning", "leaning"]
    said = [" ".join(p.get_text().split()) for p in section.select("p")]
    assert "Bold then plain then bold." in said, said
    [listed] = section.select("ol")
    assert [" ".join(li.get_text().split()) for li in listed.select("li")] == [
        "Leaning upright",
        "leaning",
    ]


def test_a_gap_of_line_breaks_in_a_list_item_is_shown(blog_dir, import_edited):
    """``<br><br>`` in a list item (two paragraphs of Blogger's old editor in
    one item) showed a gap, an empty line; it had come in as one line break,
    the gap lost.  Each break is a line break still (a blank line would part
    paragraphs but make the whole list loose), and nothing of the Markdown
    that makes the second (a backslash) is shown; a break at the item's end
    is no gap."""
    status, _, err = import_edited(
        "wordpress",
        "wordpress.xml",
        ("<li>Fewer procedures</li>", "<li>Fewer procedures<br><br>Fewer forms<br><br></li>"),
    )
    assert (status, err) == (0, ""), err
    site = build_site(blog_dir)
    section = site.page("posts/2011/working-together-again.html").select_one("article section")
    [listed] = section.select("ul")
    assert "simple" in listed["class"], listed  # (a loose list's items are spaced apart)
    first, second = [item.select_one(":scope > p") for item in listed.select(":scope > li")]
    assert [child.name for child in first.children if child.name] == ["br", "br"], first
    assert [line.strip() for line in first.get_text("|").split("|")] == [
        "Fewer procedures", "", "Fewer forms"
    ], first  # fmt: skip
    assert second.get_text() == "More time with families"
    assert "\\" not in section.get_text()


def test_a_quotations_paragraphs_parted_by_line_breaks_are_its_paragraphs(blog_dir, import_edited):
    """A quoted report in an old Blogger post, its paragraphs parted by
    ``<br><br>`` (one of them bold), showed as paragraphs an empty line
    apart; it came in as one paragraph of lines, Markdown's quotation taking
    the empty line out.  Each is a paragraph of the quotation."""
    quoted = (
        "&lt;blockquote&gt;The review found three failings.&lt;br /&gt;&lt;br /&gt;"
        "&lt;b&gt;First, the records.&lt;br /&gt;&lt;br /&gt;Second, the visits.&lt;/b&gt;"
        "&lt;br /&gt;A line of the second.&lt;/blockquote&gt;This blog is about"
    )
    status, _, err = import_edited(
        "blogger",
        "blogger-classic.xml",
        ("&lt;br /&gt;&lt;br /&gt;This blog is about", quoted),
    )
    assert (status, err) == (0, ""), err
    site = build_site(blog_dir)
    quotation = site.page("posts/2009/why-im-starting-a-blog.html").select_one(
        "article section blockquote"
    )
    said = [" ".join(p.get_text().split()) for p in quotation.select("p")]
    assert said == [
        "The review found three failings.",
        "First, the records.",
        "Second, the visits. A line of the second.",
    ], said
    assert [bool(p.select("strong")) for p in quotation.select("p")] == [False, True, True]


#: Word's HTML of a list, as a Blogger post kept a paste of it: a paragraph
#: an item, its bullet ("·" in the Symbol font, "o" in Courier) or number
#: written out, spaces after it.
WORD_LIST = (
    '<p class="MsoNormal">Before the list.<o:p></o:p></p>\n'
    '<p class="MsoListParagraphCxSpFirst" style="text-indent:-.25in;mso-list:l0 level1 lfo1">'
    '<!--[if !supportLists]--><span style="font-family:Symbol;mso-fareast-font-family:Symbol">'
    '<span style="mso-list:Ignore">·<span style="font:7.0pt &quot;Times New Roman&quot;">'
    "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><!--[endif]-->First point"
    "<o:p></o:p></p>\n"
    '<p class="MsoListParagraphCxSpMiddle" style="margin-left:1.0in;mso-list:l0 level2 lfo1">'
    '<!--[if !supportLists]--><span style="font-family:&quot;Courier New&quot;"><span'
    ' style="mso-list:Ignore">o<span style="font:7.0pt &quot;Times New Roman&quot;">&nbsp;&nbsp;'
    " </span></span></span><!--[endif]-->A point <b>within</b> it<o:p></o:p></p>\n"
    '<p class="MsoListParagraphCxSpLast" style="text-indent:-.25in;mso-list:l0 level1 lfo1">'
    '<!--[if !supportLists]--><span style="font-family:Symbol"><span style="mso-list:Ignore">·'
    '<span style="font:7.0pt &quot;Times New Roman&quot;">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>'
    "</span></span><!--[endif]-->Second point<o:p></o:p></p>\n"
    '<p class="MsoNormal">Between the lists.<o:p></o:p></p>\n'
    '<p class="MsoListParagraph" style="text-indent:-18.0pt;mso-list:l1 level1 lfo2"><![if'
    ' !supportLists]><span><span style="mso-list:Ignore">3.<span style="font:7.0pt &quot;Times'
    ' New Roman&quot;">&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Third step</p>\n'
    '<p class="MsoListParagraph" style="text-indent:-18.0pt;mso-list:l1 level1 lfo2"><![if'
    ' !supportLists]><span><span style="mso-list:Ignore">4.<span style="font:7.0pt &quot;Times'
    ' New Roman&quot;">&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Fourth step</p>'
)


def test_a_list_pasted_from_word_is_a_list(tmp_path):
    """Word copies a list as paragraphs, each item's bullet or number written
    out as characters ("·" in the Symbol font, which is Word's bullet) and
    spaces; Blogger kept the paste, and a browser showed a list.  Each item
    had come in as a paragraph opening "·" and a run of spaces, the list's
    nesting lost.  It is a list, nested as it was, numbered from its first
    number, and the report says so."""
    blog, site = first_post_imported(tmp_path, html.escape(WORD_LIST))
    section = site.page("posts/2009/why-im-starting-a-blog.html").select_one("article section")
    [bullets] = section.select(":scope > ul")
    assert texts(bullets.select(":scope > li > p")) == ["First point", "Second point"]
    assert texts(bullets.select(":scope > li > ul > li")) == ["A point within it"]
    assert texts(bullets.select("li strong")) == ["within"]
    [numbered] = section.select(":scope > ol")
    assert numbered["start"] == "3"
    assert texts(numbered.select(":scope > li")) == ["Third step", "Fourth step"]
    said = texts(section.select(":scope > p:not(.post-meta)"))
    assert said == ["Before the list.", "Between the lists."], said
    words = bullets.get_text() + numbered.get_text()
    assert "·" not in words and "\xa0" not in words and "3." not in words, words
    report = (blog / "posts" / "import-report.txt").read_text(encoding="utf-8")
    assert "Word's list paragraphs (mso-list)" in report, report


#: Word's HTML of a paragraph with two footnotes (one's reference carrying
#: the document's own address, as a paste does), its notes under a rule.
WORD_NOTES = (
    '<p class="MsoNormal">The review said so.<a href="file:///C:/Users/chris/Desktop/'
    'review.docx#_ftn1" name="_ftnref1" title=""><span class="MsoFootnoteReference"><span'
    ' style="mso-special-character:footnote"><!--[if !supportFootnotes]--><span'
    ' class="MsoFootnoteReference">[1]</span><!--[endif]--></span></span></a> It said more.'
    '<a href="#_ftn2" name="_ftnref2" title="">[2]</a></p>\n'
    '<div style="mso-element:footnote-list"><!--[if !supportFootnotes]--><br clear="all">'
    '<hr align="left" size="1" width="33%"><!--[endif]-->\n'
    '<div id="ftn1" style="mso-element:footnote"><p class="MsoFootnoteText"><a href="#_ftnref1"'
    ' name="_ftn1" title=""><span class="MsoFootnoteReference">[1]</span></a> Laming, 2003,'
    " <i>p. 12</i>.</p></div>\n"
    '<div id="ftn2" style="mso-element:footnote"><p class="MsoFootnoteText"><a href="#_ftnref2"'
    ' name="_ftn2" title="">[2]</a> Its first point.</p><p class="MsoFootnoteText">Its second'
    " point.</p></div></div>"
)


def test_footnotes_pasted_from_word_are_footnotes(tmp_path):
    """Word's footnotes are links within the page, a reference to its note
    under a rule at the end; links within a post come in as their words, and
    the reader had the numbers in brackets and no way from one to the other.
    They are footnotes: each reference a link to its note, each note in the
    page's footnotes (one of two paragraphs with both), no rule, no "[1]"."""
    blog, site = first_post_imported(tmp_path, html.escape(WORD_NOTES))
    article = site.page("posts/2009/why-im-starting-a-blog.html").select_one("article")
    references = article.select("section a.footnote-reference")
    assert len(references) == 2, article
    said = []
    for reference in references:
        [note] = article.select(f"[id='{reference['href'].removeprefix('#')}']")
        said.append(texts(note.select("p")))
    assert said == [["Laming, 2003, p. 12."], ["Its first point.", "Its second point."]], said
    assert texts(article.select("aside.footnote em")) == ["p. 12"]
    section = article.select_one("section")  # (the footnotes follow it, under the site's rule)
    for reference in references:
        reference.decompose()
    assert texts(section.select("p:not(.post-meta)")) == ["The review said so. It said more."]
    assert section.find("hr") is None, section
    report = (blog / "posts" / "import-report.txt").read_text(encoding="utf-8")
    assert "Word's footnotes (links within the post to its notes) are footnotes" in report


#: The words of the first post of blogger-classic.xml.
SAID = "I've worked in child protection for twenty years."


#: The first post's title in blogger-classic.xml, as the export writes it.
TITLED = "<title type='text'>Why I'm starting a blog</title>"


def first_post_as(tmp_path: Path, written: str, title: str = TITLED) -> Path:
    """blogger-classic.xml with its first post's text ``written`` (as the
    export's XML holds it: its HTML escaped), and its title element ``title``."""
    text = (DATA / "blogger-classic.xml").read_text(encoding="utf-8")
    start = text.index(SAID)
    end = text.index("</content>", start)
    text = (text[:start] + written + text[end:]).replace(TITLED, title, 1)
    export = tmp_path / "edited.xml"
    export.write_text(text, encoding="utf-8")
    return export


def first_post_imported(tmp_path: Path, written: str, title: str = TITLED) -> tuple[Path, Site]:
    """:func:`first_post_as`, imported into a new blog, and its site built."""
    blog = new_blog(tmp_path / "blog")
    export = first_post_as(tmp_path, written, title)
    assert main(["import", "blogger", str(export), "--posts-dir", str(blog / "posts")]) == 0
    return blog, build_site(blog)


def test_lines_of_divisions_in_a_styled_division_are_lines_with_the_others(tmp_path):
    """Blogger's editor wrote a line a division (``<div>``), an empty line
    ``<div><br></div>``, and a style set on some of them a division around
    those (a real blog's: ``<div style="line-height: 18px; white-space:
    pre;">``).  The empty line in that division had not been seen, and every
    line before it came in a paragraph of its own: a browser showed them
    lines of one paragraph, a gap only at the empty line.  And lines that
    look like a table's head and the line under it ("Year | Rate", then
    ":---:|:---"), which a browser showed as the author typed them, stay
    words, not a table."""
    lines = "".join(
        f'<div style="text-align: left;"><span style="font-family: helvetica;">{line}</span></div>'
        for line in ("The first line of the first paragraph,", "its second line.")
    )
    styled = "".join(
        f"<div>{line}</div>"
        for line in ("<br />", "The second paragraph,", "its second line.", "<br />")
    )
    table = "<div>Year | Rate</div><div>:---:|:---</div><div>2010 | 5%</div>"
    written = f'{lines}<div style="line-height: 18px; white-space: pre;">{styled}{table}</div>'
    _, site = first_post_imported(tmp_path, html.escape(written))
    section = site.page("posts/2009/why-im-starting-a-blog.html").select_one("article section")
    said = [p.get_text().split("\n") for p in section.select(":scope > p:not(.post-meta)")]
    assert said == [
        ["The first line of the first paragraph,", "its second line."],
        ["The second paragraph,", "its second line."],
        ["Year | Rate", ":---:|:---", "2010 | 5%"],
    ], said
    assert section.find("table") is None


def test_a_block_of_code_written_with_line_breaks_keeps_its_lines_as_written(tmp_path):
    """Blogger's editor wrote a block of code's line ends as ``<br />`` (a real
    blog's, 2008: ``<pre>python gitcc.py init d:\\views\\x<br />python gitcc.py
    rebase<br /></pre>``).  Each came in as a hard break, two spaces at the end
    of every line of the code, which a reader copied with it, and the last
    an empty line.  The code's lines are as they were written."""
    lines = ["python gitcc.py init d:\\views\\your_view", "python gitcc.py rebase", "# coffee"]
    written = f"A few examples:<br /><pre>{'<br />'.join(lines)}<br /></pre>That is all."
    _, site = first_post_imported(tmp_path, html.escape(written))
    section = site.page("posts/2009/why-im-starting-a-blog.html").select_one("article section")
    [code] = section.select("pre")
    assert code.get_text() == "\n".join(lines) + "\n", repr(code.get_text())


def test_an_untitled_posts_title_is_the_words_its_readers_read_first(tmp_path):
    """An untitled post is titled by its first words (a real blog's, 2012:
    a neighbourhood's notices, centred, a line in Blogger's "Largest" size).
    The title was made of the post's MyST, its markup read as words:
    ".text-center LAST FRIDAY HAPPY HOUR! .big .text-center Come …".  It is
    made of the words a reader reads, in the title, the page and the feed,
    the words either side of a line break apart."""
    written = (
        '<div style="text-align: center;"><b>LAST FRIDAY HAPPY HOUR!</b></div>'
        '<div style="text-align: center;"><span style="font-size: x-large;">Come one,<br />'
        "come all</span></div><div>At the usual place, from five.</div>"
    )
    _, site = first_post_imported(tmp_path, html.escape(written), "<title type='text'></title>")
    [page] = site.root.glob("posts/2009/last-friday*.html")
    title = "LAST FRIDAY HAPPY HOUR! Come one, come all At the usual …"
    heading = site.page(page.relative_to(site.root).as_posix()).select_one("article h1")
    assert heading.get_text().rstrip("¶") == title
    assert title in [entry.title for entry in site.feed().entries]


def test_a_posts_location_is_shown_as_blogger_showed_it(tmp_path):
    """Blogger kept the name of where a post was written as HTML, which its
    page showed (a real export's ``&amp;amp;`` for "&"): the page here had
    shown "North Delaware Avenue &amp; North Farragut Street"."""
    place = "North Delaware Avenue &amp;amp; North Farragut Street, Portland"
    located = (
        f"{TITLED}<georss:featurename"
        f" xmlns:georss='http://www.georss.org/georss'>{place}</georss:featurename>"
    )
    _, site = first_post_imported(tmp_path, SAID, located)
    shown = site.page("posts/2009/why-im-starting-a-blog.html").select_one(".post-location")
    said = " · location: North Delaware Avenue & North Farragut Street, Portland"
    assert shown.get_text() == said


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        (
            "&lt;?xml version='1.0' encoding='UTF-8'?&gt;" + SAID,
            SAID,
        ),
        (
            "https://www.gov.uk/government/publications/working-together",
            "https://www.gov.uk/government/publications/working-together",
        ),
    ],
    ids=["xml-declaration", "an-address-alone"],
)
def test_a_post_beautiful_soup_has_advice_on_imports_without_a_warning(tmp_path, written, kept):
    """A post saved from a word processor may open with an XML declaration
    (``<?xml version="1.0"?>``), and a post may be an address alone (a link
    shared, as Blogger's editor kept it: text): Beautiful Soup printed a
    screenful of advice on the terminal of the import (to read it as XML,
    to fetch the page at the address).  The post comes in, its words kept,
    and the import says nothing of it."""
    export = first_post_as(tmp_path, written)
    posts = tmp_path / "blog" / "posts"
    argv = [sys.executable, "-m", "blogarchive.cli", "import", "blogger", str(export)]
    done = subprocess.run([*argv, "--posts-dir", str(posts)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Warning" not in done.stderr and "Soup" not in done.stderr, done.stderr
    [post] = posts.glob("*/why-im-starting-a-blog.md")
    assert post.read_text(encoding="utf-8").endswith(f"\n{kept}\n")


def test_blocks_nested_deeper_than_markdown_reads_keep_their_lines(blog_dir, import_edited):
    """A newsletter pasted into a post (a real blog's: an email's tables in
    tables, 20 deep) is flattened below the converter's limit, its words
    kept: but the words of its blocks, an agenda's lines, ran together
    ("7-7:10: Introductions7:10-8 Save Downtown"), where a browser showed
    each block on a line of its own.  Each is a line of its own."""
    lines = ["7-7:10: Introductions", "7:10-8 Campaign update", "Update on the appeals"]
    agenda = "".join(f"<div><strong>{line}</strong></div>" for line in lines[:2])
    agenda += f"<ul><li>{lines[2]}</li></ul>"
    nested = "<table><tr><td>" * 6 + agenda + "</td></tr></table>" * 6
    status, _, err = import_edited(
        "wordpress",
        "wordpress.xml",
        ("It is longer than ever", f"{nested}\n\nIt is longer than ever"),
    )
    assert (status, err) == (0, ""), err
    site = build_site(blog_dir)
    section = site.page("posts/2011/working-together-again.html").select_one("article section")
    said = [line.strip() for line in section.get_text("\n").split("\n") if line.strip()]
    assert [line for line in said if line in lines] == lines, said


def test_a_picture_nested_deeper_than_markdown_reads_is_kept(blog_dir, import_edited):
    """Markup nested deeper than the converter's limit (a word processor's
    paste) is flattened below it, its text kept; a picture down there was
    unwrapped like any element and, holding nothing, vanished."""
    pixel = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADU"  # one PNG pixel
    pixel += "lEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
    deep = '<div><span style="font-size: small">' * 12
    deep += f'A chart: <img src="data:image/png;base64,{pixel}" alt="the chart"> as pasted.'
    deep += "</span></div>" * 12
    status, _, err = import_edited(
        "wordpress",
        "wordpress.xml",
        ("It is longer than ever", f"{deep}\n\nIt is longer than ever"),
    )
    assert (status, err) == (0, ""), err
    site = build_site(blog_dir)
    page = site.page("posts/2011/working-together-again.html")
    [picture] = page.select("article img")
    assert picture["alt"] == "the chart"
    assert "A chart: as pasted." in " ".join(page.select_one("article").get_text().split())


def test_an_authors_name_with_a_comma_is_one_author(blog_dir, import_edited):
    """Commas separate authors in front matter: a name holding one (WordPress's
    'Mills, Chris', Blogger's 'Chris Mills, MBE') came in as two authors,
    'Mills' and 'Chris', and a WordPress login beside it failed the build.
    Each is one author, the comma left out, said in the report."""
    shown = "[CDATA[{}]]></wp:author_display_name>"
    edits = {
        ("wordpress", "wordpress.xml"): [
            (shown.format("Chris Mills"), shown.format("Mills, Chris")),
            ("<dc:creator><![CDATA[Chris Mills]]>", "<dc:creator><![CDATA[chris]]>"),
        ],
        ("blogger", "blogger-classic.xml"): [
            ("<name>Chris Mills</name>", "<name>Chris Mills, MBE</name>")
        ],
    }
    for (fmt, export), changes in edits.items():
        status, _, err = import_edited(fmt, export, *changes)
        assert (status, err) == (0, ""), err
        report = (blog_dir / "posts/import-report.txt").read_text(encoding="utf-8")
        assert "holds a comma, which separates authors: here" in report
    site = build_site(blog_dir)
    bylines = {
        source.name: [a.get_text() for a in site.page(page).select(".post-author")]
        for source in (blog_dir / "posts").glob("*/*.md")
        if site.path(page := f"posts/{source.parent.name}/{source.stem}.html").is_file()
    }  # (drafts have none)
    assert bylines["working-together-again.md"] == ["Mills Chris"]  # (WordPress's)
    assert bylines["why-im-starting-a-blog.md"] == ["Chris Mills MBE"]  # (Blogger's)
    answered = site.page("author/chris/index.html").select_one('link[rel="canonical"]')
    assert answered["href"].endswith("/blog/author/mills-chris/")


@pytest.mark.parametrize(
    ("fmt", "export", "words"),
    [("wordpress", "wordpress.xml", "390 pages"), ("blogger", "blogger-classic.xml", "ARCH")],
)
def test_a_post_the_converter_fails_on_costs_only_itself(
    blog_dir, capsys, monkeypatch, fmt, export, words
):
    """A fault of ours on one post (here forced) refused the whole export with a
    traceback; now that post alone is refused, named by line, and reported."""
    import importlib

    reader = importlib.import_module(f"blogarchive.importers.{fmt}")
    real = reader.convert

    def convert(html, *args, **kwargs):
        if words in html:
            raise ValueError("a converter fault")
        return real(html, *args, **kwargs)

    monkeypatch.setattr(reader, "convert", convert)
    status, out, err = run_blog(
        capsys, "import", fmt, DATA / export, "--posts-dir", blog_dir / "posts"
    )
    assert status == 1 and "Traceback" not in err
    [refusal] = [e for e in err.splitlines() if "could not be converted" in e]
    assert refusal.startswith(f"blog import: {DATA / export}:")
    assert "could not be converted (ValueError: a converter fault); please report this" in refusal
    assert refusal.endswith("); entry refused") and " (was http" in refusal  # its old address
    assert " written" in out and not out.startswith("0 written")
    build_site(blog_dir)


def test_a_line_break_a_word_processor_wrote_keeps_every_entrys_line(blog_dir, capsys, tmp_path):
    """A vertical tab (Word's line break) or a form feed, which XML refuses,
    is read as a line break; it had been made one in the file too, and every
    entry after it was named lines late in the report.  Each keeps its own
    line, inside CDATA (WordPress's) or out of it (Blogger's)."""
    for fmt, export, marker in [
        ("wordpress", DATA / "wordpress.xml", b"The guidance has been rewritten"),
        ("blogger", DATA / "real/pelican-bloggerexport.xml", b"It was a cold Winter"),
    ]:
        original = export.read_bytes()
        at = original.index(marker)
        mended = tmp_path / export.name
        mended.write_bytes(original[:at] + b"One\x0bTwo\x0cThree\x0b\x0b " + original[at:])
        status, _, err = run_blog(capsys, "import", fmt, mended, "--posts-dir", blog_dir / "posts")
        assert status == 0, err
        report = (blog_dir / "posts/import-report.txt").read_text(encoding="utf-8")
        lines = [
            int(n) for n in re.findall(rf"^{re.escape(str(mended))}:(\d+): \S+\.md:", report, re.M)
        ]
        root = etree.parse(str(export), etree.XMLParser(recover=True)).getroot()
        starts = {e.sourceline for e in root.iter("{*}entry", "item")}
        assert lines and set(lines) <= starts, (fmt, lines, sorted(starts))
    site = build_site(blog_dir)
    text = " ".join(post_text(site, "posts/2011/working-together-again.html"))
    assert "One Two Three" in " ".join(text.split())


@pytest.mark.parametrize(
    ("inserted", "shown", "note"),
    [
        (
            b"Form\x0cfeed and a\x0bline break. ",
            "Form feed and a line break.",
            "control characters XML does not allow (a word processor's): 2 replaced",
        ),
        (
            b"Caf\xe9 in Latin-1, \x93quoted\x94 in Windows-1252. ",
            "Café in Latin-1, “quoted” in Windows-1252.",
            "bytes that are not UTF-8, read as Windows-1252: 3",
        ),
    ],
)
def test_an_export_with_bytes_xml_refuses_is_read_and_says_where(
    blog_dir, capsys, tmp_path, inserted, shown, note
):
    """WordPress exports what its database holds: a word processor's control
    characters, or text stored as Windows-1252 in a UTF-8 file.  Either made
    the whole file unreadable ("not well-formed", "invalid bytes"); now the
    characters are read as their writer meant, and the report says where."""
    original = (DATA / "wordpress.xml").read_bytes()
    at = original.index(b"The guidance has been rewritten")
    export = tmp_path / "repaired.xml"
    export.write_bytes(original[:at] + inserted + original[at:])
    status, out, err = run_blog(
        capsys, "import", "wordpress", export, "--posts-dir", blog_dir / "posts"
    )
    assert (status, err) == (0, ""), err
    line = original[:at].count(b"\n") + 1
    report = (blog_dir / "posts/import-report.txt").read_text(encoding="utf-8")
    assert f"{export}:{line}: {note}, the first here" in report
    site = build_site(blog_dir)
    text = " ".join(" ".join(post_text(site, "posts/2011/working-together-again.html")).split())
    assert text.startswith(shown + " The guidance has been rewritten again.")


def test_a_converted_post_is_not_kept_in_memory():
    """Each post's parsed HTML is let go once it is converted: an import of
    thousands of posts holds one at a time.  (A cache meant for the names of
    code's languages had come to sit on the function that reads a post's
    code blocks, and kept every post's parsed HTML to the import's end.)"""
    import gc

    from bs4 import BeautifulSoup

    from blogarchive.importers.html import convert

    convert("<p>kept-or-not-7f3a</p><pre><pre>inner</pre></pre><pre class='brush: js'>x;</pre>")
    gc.collect()
    held = [o for o in gc.get_objects() if isinstance(o, BeautifulSoup) and "7f3a" in str(o)]
    assert held == []


OWN = "chrismillsblog.blogspot.com/2009/07/why-im-starting-blog.html"
#: Links of the ContactPoint post (blogger-classic.xml) to the blog's first post,
#: in the forms a blog's own links take, and to what is no post of the import.
OWN_LINKS = {
    "first post": f"http://{OWN}",
    "over https": f"https://{OWN}",
    "from the UK": f"http://{OWN.replace('.com', '.co.uk')}",
    "on a phone": f"http://{OWN}?m=1",
    "shared": f"http://{OWN}?spref=tw",
    "the blog": "https://chrismillsblog.blogspot.com/",
    "a reader's welcome": f"http://{OWN}?showComment=1248260400000#c5001",
    "its comments": f"http://{OWN}#comments",
    "a label": "http://chrismillsblog.blogspot.com/search/label/blogging",
    "its newest": "http://chrismillsblog.blogspot.com/search/label/blogging?max-results=20",
    "a label of none": "http://chrismillsblog.blogspot.com/search/label/knitting",
    "the month": "http://chrismillsblog.blogspot.com/2009/07/",
    "the month's archive": "http://chrismillsblog.blogspot.com/2009_07_01_archive.html",
    "the year": "http://chrismillsblog.blogspot.com/2009/",
    "an empty month": "http://chrismillsblog.blogspot.com/2009/01/",
    "a lost post": "http://chrismillsblog.blogspot.com/2009/07/no-such-post.html",
    "another blog": "http://otherblog.blogspot.com/2009/07/why-im-starting-blog.html",
    "a search": f"http://{OWN}?q=ContactPoint",
    "a draft": "http://chrismillsblog.blogspot.com/2010/08/half-written-thoughts.html",
}
LEFT = {"a label of none", "an empty month", "a lost post", "another blog", "a search", "a draft"}
#: The old blog's archive pages, answered here: the link leads to the page.
ARCHIVE = {
    "a label": "../../blog/tag/blogging/index.html",
    "its newest": "../../blog/tag/blogging/index.html",
    "the month": "../../blog/2009/07/index.html",
    "the month's archive": "../../blog/2009/07/index.html",
    "the year": "../../blog/2009/index.html",
}


def test_a_link_to_another_of_the_blogs_posts_leads_to_its_page_here(blog_dir, capsys, tmp_path):
    """A post's links to another post of the blog led back to the old host:
    each, in any of the forms its address takes, now leads to the post's
    page here; one to a label's, a year's or a month's page of the old blog
    leads to the same page here.  An address of no published post or page
    here (a label no post has, a month of none, a post the export lacks, a
    draft, another blog), or with a query that asks for another page, is
    left as it was, as is an address in code."""
    text = (DATA / "blogger-classic.xml").read_text(encoding="utf-8")
    links = "".join(
        f'&lt;a href="{url}"&gt;{words}&lt;/a&gt;, ' for words, url in OWN_LINKS.items()
    )
    code = f"&lt;pre&gt;see http://{OWN} and &amp;lt;http://{OWN}&amp;gt;&lt;/pre&gt;"
    code += f"&lt;p&gt;&lt;code&gt;&amp;lt;http://{OWN}&amp;gt;&lt;/code&gt;&lt;/p&gt;"
    nested = (
        f"&lt;ul&gt;&lt;li&gt;&lt;a href='http://{OWN}'&gt;nested&lt;/a&gt;&lt;/li&gt;&lt;/ul&gt;"
    )
    for _ in range(2):  # (the third level's items are indented four spaces)
        nested = f"&lt;ul&gt;&lt;li&gt;a list{nested}&lt;/li&gt;&lt;/ul&gt;"
    code += nested
    next_post = "http://chrismillsblog.blogspot.com/2009/09/contactpoint-database-state.html"
    label = OWN_LINKS["a label"]
    text = text.replace(
        "Welcome to blogging.",
        f'Welcome to blogging. &lt;a href="{next_post}"&gt;Next?&lt;/a&gt;'
        f' &lt;a href="{label}"&gt;More on blogging&lt;/a&gt;'
        f' &lt;a href="{OWN_LINKS["an empty month"]}"&gt;January&lt;/a&gt;',
    )
    text = text.replace(
        "&lt;p&gt;The &lt;a",
        f"&lt;p&gt;{links} &lt;a href='http://{OWN}'&gt;http://{OWN}&lt;/a&gt;&lt;/p&gt;"
        f"{code}&lt;p&gt;The &lt;a",
    ).replace(
        "<title type='text'>Half-written thoughts on Munro</title>",
        "<title type='text'>Half-written thoughts on Munro</title><link rel='alternate'"
        f" type='text/html' href='{OWN_LINKS['a draft']}'/>",
    )
    export = tmp_path / "own-links.xml"
    export.write_text(text, encoding="utf-8")
    status, out, _ = run_blog(
        capsys, "import", "blogger", export, "--posts-dir", blog_dir / "posts"
    )
    assert status == 0 and "1 draft imported" in out
    site = build_site(blog_dir)
    rel = "posts/2009/contactpoint-the-database-state.html"
    page = site.page(rel)
    shown = {a.get_text(): a["href"] for a in page.select("article a[href]")}
    for words, url in OWN_LINKS.items():
        here = "../../index.html" if words == "the blog" else "why-im-starting-a-blog.html"
        here = ARCHIVE.get(words, here)
        assert shown[words] == (url if words in LEFT else here), words
    assert shown[f"http://{OWN}"] == "why-im-starting-a-blog.html"  # its address its words
    first = site.page("posts/2009/why-im-starting-a-blog.html").select_one("h1")
    assert first.find(string=True) == "Why I'm starting a blog"
    assert shown["nested"] == "why-im-starting-a-blog.html"
    pre = page.select_one("article pre").get_text().strip()
    assert pre == f"see http://{OWN} and <http://{OWN}>"
    assert page.select_one("article p code").get_text() == f"<http://{OWN}>"
    welcomed = site.page("posts/2009/why-im-starting-a-blog.html")
    comment_link = welcomed.find("a", string="Next?")  # in the comment that welcomed the blog
    assert comment_link["href"] == "contactpoint-the-database-state.html"
    # and to the label's page here (as the post's own links), a month of no post's left as it was
    assert welcomed.find("a", string="More on blogging")["href"] == ARCHIVE["a label"]
    assert welcomed.find("a", string="January")["href"] == OWN_LINKS["an empty month"]
    report = (blog_dir / "posts/import-report.txt").read_text(encoding="utf-8")
    own = "10 links to the old blog's own posts and pages"
    assert f"changed: {own} lead to their files here" in report
    pages = "archive pages (a label's, tag's, category's, author's, year's, month's or day's)"
    assert f"changed: 5 links to the old blog's {pages} lead to those pages here" in report
    # (the first post's, in its comment)
    assert f"changed: 1 link to the old blog's {pages} leads" in report
    lost = re.findall(r"left as is: a link to '([^']*)', a post of the old blog's", report)
    assert lost == [OWN_LINKS["a lost post"], OWN_LINKS["a draft"]]  # not the label nor the search


def test_a_link_to_a_post_imported_before_leads_to_its_page_here(blog_dir, capsys, tmp_path):
    """A later export (a second blog's backup, the comments' feed of a
    Takeout) whose post links to one imported from the first: the link leads
    to the file already in the repository."""
    run_blog(
        capsys, "import", "blogger", DATA / "blogger-classic.xml", "--posts-dir", blog_dir / "posts"
    )
    text = (DATA / "blogger-takeout.atom").read_text(encoding="utf-8")
    ahead = "http://chrismillsblog.blogspot.com/2099/01/written-ahead.html"
    links = f'&lt;a href="https://{OWN}"&gt;my first post&lt;/a&gt; '
    links += f'&lt;a href="{ahead}"&gt;ahead&lt;/a&gt;'
    export = tmp_path / "later.atom"
    export.write_text(text.replace("It asks the right questions.", links), encoding="utf-8")
    status, _, _ = run_blog(capsys, "import", "blogger", export, "--posts-dir", blog_dir / "posts")
    assert status == 0
    page = build_site(blog_dir).page("posts/2010/munros-first-report.html")
    shown = {a.get_text(): a["href"] for a in page.select("article a[href]")}
    assert shown["my first post"] == "../2009/why-im-starting-a-blog.html"
    assert shown["ahead"] == ahead  # scheduled: no page here until its day


def test_a_link_to_a_month_page_takes_the_month_the_site_gives_the_post(blog_dir, capsys, tmp_path):
    """The old blog dated its first post in its own timezone (Pacific, the
    31st of July, 23:30); the site (``blog_timezone``, London) lists it in
    August.  A link to the old July page, which only that post was in, no
    page here answers: it is left as it was (it failed the build: the
    importer took the month by the date's own offset).  A link to August
    leads to the month page here."""
    text = (DATA / "blogger-classic.xml").read_text(encoding="utf-8")
    text = text.replace("2009-07-20T21:15:00.001+01:00", "2009-07-31T23:30:00.000-07:00")
    july = "http://chrismillsblog.blogspot.com/2009/07/"
    august = "http://chrismillsblog.blogspot.com/2009_08_01_archive.html"
    links = f'&lt;a href="{july}"&gt;July&lt;/a&gt;, &lt;a href="{august}"&gt;August&lt;/a&gt;'
    text = text.replace("&lt;p&gt;The &lt;a", f"&lt;p&gt;{links}&lt;/p&gt;&lt;p&gt;The &lt;a")
    export = tmp_path / "pacific.xml"
    export.write_text(text, encoding="utf-8")
    status, _, _ = run_blog(capsys, "import", "blogger", export, "--posts-dir", blog_dir / "posts")
    assert status == 0
    site = build_site(blog_dir)
    assert site.page("blog/2009/08/index.html").find("a", string="Why I'm starting a blog")
    page = site.page("posts/2009/contactpoint-the-database-state.html")
    shown = {a.get_text(): a["href"] for a in page.select("article a[href]")}
    assert shown["July"] == july
    assert shown["August"] == "../../blog/2009/08/index.html"


def test_a_link_by_a_posts_wordpress_number_leads_to_it_whatever_its_address(
    blog_dir, capsys, tmp_path
):
    """WordPress answered ``/?p=<number>`` for every post, at whatever
    address (``/2011/03/14/working-together-again/`` is number 11): its
    shortlink, which its page named and other pages linked.  The import
    keeps the number (``wordpress_id``); a link by it, from this import's
    page or from a later import's post, leads to the post's page here, and
    the home page's script finds it by it (``blog/posts.json``)."""
    text = (DATA / "wordpress.xml").read_text(encoding="utf-8")
    shortlink = "https://chrismills.example.org/?p=11"
    text = text.replace("About me.", f'About me, and <a href="{shortlink}">what I think</a>.')
    export = tmp_path / "pretty.xml"
    export.write_text(text, encoding="utf-8")
    argv = ["import", "wordpress", export, "--posts-dir", blog_dir / "posts", "--no-media"]
    assert run_blog(capsys, *argv)[0] == 0
    front = (blog_dir / "posts/2011/working-together-again.md").read_text(encoding="utf-8")
    assert "\nwordpress_id: 11\n" in front
    # a later export of the blog, a post of it alone, which links the first by number
    later = re.sub(r"<item>.*</item>", "", text, flags=re.S).replace(
        "</channel>",
        "<item><title>Still waiting</title>"
        "<link>https://chrismills.example.org/2011/08/01/still-waiting/</link>"
        f'<content:encoded><![CDATA[As <a href="{shortlink}&amp;utm_source=x">I said</a>.]]>'
        "</content:encoded><wp:post_id>12</wp:post_id>"
        "<wp:post_date><![CDATA[2011-08-01 10:00:00]]></wp:post_date>"
        "<wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type>"
        "</item></channel>",
    )
    export.write_text(later, encoding="utf-8")
    assert run_blog(capsys, *argv)[0] == 0
    site = build_site(blog_dir)
    page = site.page("pages/about.html")
    link = page.select_one('article a[href="../posts/2011/working-together-again.html"]')
    assert link is not None and link.get_text() == "what I think"
    post = site.page("posts/2011/still-waiting.html")
    link = post.select_one('article a[href="working-together-again.html"]')
    assert link is not None and link.get_text() == "I said"
    posts_json = json.loads(site.path("blog/posts.json").read_text(encoding="utf-8"))
    listed = {entry["url"]: entry.get("wp") for entry in posts_json}
    assert listed["posts/2011/working-together-again.html"] == 11
    assert listed["posts/2011/still-waiting.html"] == 12


def test_a_wordpress_posts_link_by_its_number_leads_to_its_page_here(blog_dir, capsys, tmp_path):
    """WordPress's own links: by number where the blog's addresses were plain
    (``/?p=11``), and to a page without its closing slash, on ``www.``,
    answering a comment (``?replytocom=3#respond``), to a tag's, category's,
    author's (by the name's folder here, or by the login, as WordPress's
    was), month's or day's page a post imported has (a day's, to its
    month's page): each leads here."""
    text = (DATA / "wordpress.xml").read_text(encoding="utf-8")
    plain = "https://chrismills.example.org/?p=11"
    text = text.replace(
        "<link>https://chrismills.example.org/2011/03/14/working-together-again/</link>",
        f"<link>{plain}</link>",
    )
    about = '<a href="http://www.chrismills.example.org/about?replytocom=3#respond">my work</a>'
    # The blog's own tag, category and month pages, answered here.
    about += ' <a href="https://chrismills.example.org/tag/working-together/">more</a>'
    about += ' <a href="https://chrismills.example.org/category/policy/">policy</a>'
    about += ' <a href="https://chrismills.example.org/2011/03/">March</a>'
    # a day's page: the site has none, its month's lists the day's posts
    about += ' <a href="https://chrismills.example.org/2011/03/14/">that day</a>'
    about += ' <a href="https://chrismills.example.org/2011/04/01/">a day of no post</a>'
    about += ' <a href="https://chrismills.example.org/tag/knitting/">knitting</a>'
    # its author's page, by the folder the site gives the name and by the login, "chris",
    # which WordPress's address was (its export names the login as each post's creator)
    about += ' <a href="https://chrismills.example.org/author/chris-mills/">my posts</a>'
    about += ' <a href="https://chrismills.example.org/author/chris/">all I wrote</a>'
    text = text.replace("See <a", f"About {about}. See <a")
    text = text.replace("<dc:creator><![CDATA[Chris Mills]]>", "<dc:creator><![CDATA[chris]]>")
    text = text.replace("About me.", f'About me, and <a href="{plain}">what I think</a>.')
    export = tmp_path / "plain.xml"
    export.write_text(text, encoding="utf-8")
    status, _, _ = run_blog(
        capsys, "import", "wordpress", export, "--posts-dir", blog_dir / "posts"
    )
    assert status == 0
    site = build_site(blog_dir)
    post = site.page("posts/2011/working-together-again.html")
    assert post.select_one('article a[href="../../pages/about.html"]').get_text() == "my work"
    shown = {a.get_text(): a["href"] for a in post.select("article a[href]")}
    assert shown["more"] == "../../blog/tag/working-together/index.html"
    assert shown["policy"] == "../../blog/category/policy/index.html"
    assert shown["March"] == "../../blog/2011/03/index.html"
    assert shown["that day"] == "../../blog/2011/03/index.html"
    assert shown["a day of no post"] == "https://chrismills.example.org/2011/04/01/"
    assert shown["knitting"] == "https://chrismills.example.org/tag/knitting/"  # no post's tag
    assert shown["my posts"] == "../../blog/author/chris-mills/index.html"
    # and the site answers that old address itself, without the 404 page's script
    assert shown["all I wrote"] == "../../blog/author/chris-mills/index.html"
    assert [a.get_text() for a in post.select("article .post-authors a")] == ["Chris Mills"]
    for old in ("chris-mills", "chris"):
        answered = site.page(f"author/{old}/index.html").select_one('link[rel="canonical"]')
        assert answered["href"].endswith("/blog/author/chris-mills/")
    page = site.page("pages/about.html")
    link = page.select_one('article a[href="../posts/2011/working-together-again.html"]')
    assert link.get_text() == "what I think"


def on_a_terminal(argv: list[str], cwd: Path) -> str:
    """What ``argv`` shows on a terminal of 120 columns (a pseudo-terminal)."""
    import fcntl
    import pty
    import struct
    import subprocess
    import termios

    main_fd, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    child = subprocess.Popen(argv, cwd=cwd, stdin=terminal, stdout=terminal, stderr=terminal)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(main_fd, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    assert child.wait() == 0
    os.close(main_fd)
    return shown.decode("utf-8", "replace")


def test_a_long_import_shows_its_progress_on_a_terminal(tmp_path):
    """Each post is converted as it is read, some 20 ms a post: a blog of
    thousands of posts took a silent minute.  On a terminal a bar counts the
    export's entries; piped (CI, a log), nothing but the lines it wrote."""
    export = DATA / "wordpress.xml"
    blog = str(Path(sys.executable).with_name("blog"))
    argv = [blog, "import", "wordpress", str(export), "--no-media", "--posts-dir"]
    shown = on_a_terminal([*argv, "terminal/posts"], tmp_path)
    entries = len(etree.parse(str(export)).getroot().find("channel").findall("item"))
    assert re.search(rf"reading {re.escape(export.name)}: +0%\|.*\| 0/{entries} ", shown), shown
    piped = subprocess.run([*argv, "piped/posts"], cwd=tmp_path, capture_output=True, text=True)
    assert piped.returncode == 0 and f"reading {export.name}" not in piped.stdout + piped.stderr
