"""The archive as an e-book (issue 16): `sphinx-build -b epub` (`make epub`)
gives an EPUB that epubcheck passes, its contents grouped by year and month,
each post with its date, tags and pictures; the site offers it as "Download
the archive"."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile

import pytest
from bs4 import BeautifulSoup
from test_history import git

from blogsite import REPO, Site, build_in_child, new_blog
from media_server import PNG

POSTS = {
    "2010/first.md": ("2010-07-02", "First of July", "Ofsted, Munro Review"),
    "2010/second.md": ("2010-07-21", "Second of July", "Ofsted"),
    "2010/autumn.md": ("2010-10-05", "An autumn post", ""),
    "2011/new-year.md": ("2011-01-03", "A new year", "Munro Review"),
}


def post_text(date: str, title: str, tags: str) -> str:
    front = f"date: {date}\nauthor: Chris Mills\n" + (f"tags: {tags}\n" if tags else "")
    body = f"# {title}\n\nThe text of {title.lower()}.\n"
    if title == "First of July":
        # set beside the words, as an import writes a floated picture (epubcheck reads it)
        body += '\n![A chart of referrals](first/chart.png){align=left width="25%"}\n'
    if title == "An autumn post":  # math: MathML, which the book's manifest must declare
        body += "\nThe area is {math}`\\pi r^2`.\n"
    if title == "A new year":  # an import's marks and alignment (importers/html.py)
        body += "\n[Underlined]{.underline}, [marked]{.mark}.\n\n{.text-center}\nCentred.\n"
    if title == "Second of July":  # a link to another site: its address a note in the book
        body += "\nSee [the review](https://www.gov.uk/munro-review).\n"
        # a link to a page of the site's archive, which the book has not
        body += "\nMy [posts on Ofsted](/blog/tag/ofsted/).\n"
    return f"---\n{front}---\n\n{body}"


@pytest.fixture(scope="module")
def blog(tmp_path_factory):
    blog = new_blog(tmp_path_factory.mktemp("epub") / "blog")
    for path, values in POSTS.items():
        (blog / "posts" / path).parent.mkdir(parents=True, exist_ok=True)
        (blog / "posts" / path).write_text(post_text(*values), encoding="utf-8")
    (blog / "posts/2010/first").mkdir()
    (blog / "posts/2010/first/chart.png").write_bytes(PNG)
    (blog / "posts/2010/second.comments.yaml").write_text(COMMENTS, encoding="utf-8")
    return blog


#: Two comments the old blog had on "Second of July", one answering the
#: other, as an import keeps them: HTML that XHTML would refuse as it is.
COMMENTS = """\
- id: '1'
  parent: null
  author: Jane Social Worker
  url: https://jane.example.org/
  date: '2010-07-22T10:00:00+01:00'
  html: <p>Thank you for this.<br>It matches&nbsp;what we see. <a href="/search/label/Ofsted">More
    on Ofsted</a>.</p>
- id: '2'
  parent: '1'
  author: Chris Mills
  url: null
  date: '2010-07-22T12:30:00+01:00'
  html: Thanks, <i>Jane</i> & all. The <acronym title="Safeguarding Board">LSCB</acronym> met.
"""


def build_epub(blog, out, prefix: list[str] | None = None) -> subprocess.CompletedProcess:
    """The Makefile's `make epub`, on another blog (``prefix``: a command it runs under)."""
    doctrees = out.with_name(out.name + ".doctrees")
    command = [*(prefix or []), sys.executable, "-m", "sphinx", "-b", "epub", "-W", "-q"]
    command += ["-j", "auto"]
    command += [str(blog), str(out), "-d", str(doctrees)]
    env = {**os.environ, "BLOG_REPO": str(REPO)}
    return subprocess.run(command, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def book(blog):
    result = build_epub(blog, blog / "_build/epub")
    assert result.returncode == 0, result.stderr  # no warning either (-W)
    [path] = (blog / "_build/epub").glob("*.epub")
    return path


def read(book, name: str) -> BeautifulSoup:
    with zipfile.ZipFile(book) as epub:
        return BeautifulSoup(epub.read(name), "xml")


#: Debian's epubcheck is a jar that /usr/bin/epubcheck runs through binfmt,
#: which containers often lack: run the jar with java.
EPUBCHECK = ["java", "-jar", "/usr/share/java/epubcheck.jar"]


def test_math_in_the_book_is_mathml(book):
    page = read(book, "posts/2010/autumn.xhtml")
    assert page.find("math").find("msup") is not None
    manifest = read(book, "content.opf")
    assert manifest.find("item", href="posts/2010/autumn.xhtml")["properties"] == "mathml"
    assert not manifest.find("item", href="posts/2010/second.xhtml").get("properties")


def test_epubcheck_finds_no_error(book):
    result = subprocess.run([*EPUBCHECK, str(book)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fatals / 0 errors / 0 warnings" in result.stdout, result.stdout


def test_contents_are_grouped_by_year_and_month(book):
    nav = read(book, "nav.xhtml").find("nav")

    def tree(ol):
        return [
            (li.find("a").get_text(), tree(li.find("ol")) if li.find("ol") else [])
            for li in ol.find_all("li", recursive=False)
        ]

    assert tree(nav.find("ol")) == [
        ("Imported", []),  # the home page
        ("2010", [
            ("July 2010", [("First of July", []), ("Second of July", [])]),
            ("October 2010", [("An autumn post", [])]),
        ]),
        ("2011", [("January 2011", [("A new year", [])])]),
    ]  # fmt: skip


def test_the_reading_order_is_the_archive_order(book):
    opf = read(book, "content.opf")
    files = {i["id"]: i["href"] for i in opf.find_all("item")}
    spine = [files[ref["idref"]] for ref in opf.find("spine").find_all("itemref")]
    posts = [s for s in spine if s.startswith("posts/")]
    assert posts == [
        "posts/2010/first.xhtml",
        "posts/2010/second.xhtml",
        "posts/2010/autumn.xhtml",
        "posts/2011/new-year.xhtml",
    ]
    assert (
        spine.index("epub/2010.xhtml")
        < spine.index("epub/2010-07.xhtml")
        < spine.index("posts/2010/first.xhtml")
    )


def test_each_post_has_its_date_tags_and_pictures(book):
    page = read(book, "posts/2010/first.xhtml")
    meta = page.select_one(".post-meta")
    assert meta.find("time")["datetime"] == "2010-07-02"
    assert "2 July 2010" in meta.get_text()
    assert "Ofsted" in meta.get_text() and "Munro Review" in meta.get_text()
    assert meta.find("a") is None  # the site's tag pages are not in the book
    img = page.find("img")
    assert img["alt"] == "A chart of referrals"
    assert "align-left" in img["class"] and "width: 25%" in img["style"]  # the epub theme floats it
    with zipfile.ZipFile(book) as epub:
        assert epub.read(img["src"].replace("../../", "")) == PNG


#: What an import writes for what Markdown has no mark for, and how the old
#: blog showed it (the declarations its class must have in the book).
IMPORTED_LOOK = {
    "underline": "text-decoration: underline",
    "mark": "background-color:",
    "text-center": "text-align: center",
}


def test_imported_marks_and_alignment_show_in_the_book(book):
    """An imported post's underlined and highlighted words and its centred
    paragraph (MyST's spans and block attribute) had no stylesheet in the
    book, whose pages are Sphinx's epub theme's: plain words, to the left.
    A picture set beside the words (``align-left``) is floated there too: the
    epub theme only aligns its text, and the words ran on from its foot."""
    page = read(book, "posts/2011/new-year.xhtml")
    found = {name: page.select_one(f".body .{name}") for name in IMPORTED_LOOK}
    assert [found[name].get_text() for name in found] == ["Underlined", "marked", "Centred."]
    assert read(book, "posts/2010/first.xhtml").select_one(".body img.align-left") is not None
    with zipfile.ZipFile(book) as epub:
        sheets = " ".join(
            epub.read(link["href"].replace("../../", "")).decode()
            for link in page.find_all("link", rel="stylesheet")
        )
    for name, declaration in {**IMPORTED_LOOK, "align-left": "float: left"}.items():
        rules = re.findall(rf"\.{re.escape(name)}\s*{{([^}}]*)}}", sheets)
        assert any(declaration in rule for rule in rules), (name, rules)


def test_only_a_page_with_a_link_elsewhere_ends_on_notes(book):
    """Each link to another site has its address as a note at its page's
    end, under "Footnotes" (``epub_show_urls``).  Sphinx added that heading
    to every page, so a post with no such link ended on it alone."""
    second = read(book, "posts/2010/second.xhtml")
    [rubric] = second.select("p.rubric")
    assert rubric.get_text() == "Footnotes"
    notes = rubric.find_next_siblings()
    assert "https://www.gov.uk/munro-review" in " ".join(note.get_text() for note in notes)
    for name in ("posts/2010/first.xhtml", "posts/2011/new-year.xhtml", "epub/2010.xhtml"):
        assert read(book, name).select("p.rubric") == [], name


def test_a_link_to_an_archive_page_is_its_words_in_the_book(book, blog, tmp_path):
    """The book has no tag pages: a post's link to one (sitelinks.py) is its
    words there, with no warning (the book is built with -W), and so is a
    comment's; the site links them."""
    second = read(book, "posts/2010/second.xhtml")
    paragraphs = [p.get_text() for p in second.select("p")]
    assert "My posts on Ofsted." in paragraphs
    assert not [a for a in second.select("a") if "ofsted" in a.get("href", "").lower()]
    # A comment's link to the old blog's label page, as an import writes it: its words.
    comment = second.select_one("section.comments .comment-text").get_text()
    assert "More on Ofsted." in " ".join(comment.split())
    assert second.find("a", string=re.compile(r"More\s+on Ofsted")) is None
    site = Site(build_in_child(blog, tmp_path / "html"))
    page = site.page("posts/2010/second.html")
    link = page.find("a", string="posts on Ofsted")
    assert link["href"] == "../../blog/tag/ofsted/index.html"
    # (on the site, the label's page here, relative to the page)
    link = page.find("a", string=re.compile(r"More\s+on Ofsted"))
    assert link["href"] == "../../blog/tag/ofsted/index.html"


def test_a_posts_comments_from_the_old_blog_are_in_the_book(book):
    """The book is the archive: a post's comments from the old blog, which
    the site shows under it, had been left out of it."""
    page = read(book, "posts/2010/second.xhtml")
    section = page.select_one("section.comments")
    assert section.find("h2").get_text() == "Comments from the original blog"
    first = section.select_one("ol.comment-thread > li.comment")
    assert first.select_one(".comment-author").get_text() == "Jane Social Worker"
    assert first.select_one("a.comment-author")["href"] == "https://jane.example.org/"
    assert "22 July 2010 at 10:00" in first.select_one(".comment-meta").get_text()
    assert first.select_one(".comment-text br") is not None
    reply = first.select_one("ol.comment-thread li.comment")
    assert reply.select_one(".comment-author").get_text() == "Chris Mills"
    assert " ".join(reply.select_one(".comment-text").get_text().split()) == (
        "Thanks, Jane & all. The LSCB met."
    )
    # HTML 4's <acronym>, which a comment keeps and EPUB 3's XHTML has not: an <abbr>
    assert reply.select_one(".comment-text abbr")["title"] == "Safeguarding Board"
    assert read(book, "posts/2010/first.xhtml").select_one("section.comments") is None


def test_month_pages_list_their_posts(book):
    month = read(book, "epub/2010-07.xhtml")
    links = [(a.get_text(), a["href"]) for a in month.select("li a")]
    assert links == [
        ("First of July", "../posts/2010/first.xhtml"),
        ("Second of July", "../posts/2010/second.xhtml"),
    ]


def test_the_site_offers_the_book(blog, book, tmp_path):
    site = Site(build_in_child(blog, tmp_path / "html"))
    link = site.page("blog/index.html").select_one("a.download-archive")
    assert link.get_text(" ", strip=True).startswith("Download the archive")
    assert site.path("blog/" + link["href"]).read_bytes() == book.read_bytes()


def test_no_book_no_offer(blog, book, tmp_path):
    moved = tmp_path / "book.epub"
    shutil.move(book, moved)
    try:
        site = Site(build_in_child(blog, tmp_path / "html"))
        assert site.page("blog/index.html").select_one("a.download-archive") is None
    finally:
        shutil.move(moved, book)


def test_the_book_loads_nothing_from_another_host_and_fetches_nothing(tmp_path):
    """Sphinx's e-book builder fetched every picture a post shows from another
    host while it built (a build on the network, failing with -W once the host
    is gone), and a post's raw HTML reached the book as it was, for an
    e-reader to load or run.  Now another host's picture is a link to it with
    its words (raw HTML that would load one fails the build as the post is
    read: test_hostile.py), nothing is fetched, and epubcheck passes.
    A picture that was a link is its words in that link: it had been a link
    in a link, and in a figure the book's build failed (Sphinx's assertion).
    A line break is XHTML's "<br/>": cleaned, it had been HTML's "<br>", which
    an e-reader's parser (and epubcheck) refused as a fatal error."""
    from media_server import MediaServer

    host = MediaServer()
    try:
        blog = new_blog(tmp_path / "blog")
        (blog / "posts/2010").mkdir(parents=True, exist_ok=True)
        body = (
            "Words before,  \na line after a hard break (Blogger's <br>).\n\n"
            f"![A chart from elsewhere]({host.origin}/img/chart.png)\n\n"
            # a thumbnail linked to its full size (Blogger's way), and a figure
            # linked to a page: the book's build had failed on the figure
            f"[![The board]({host.origin}/s320/board.png)]({host.origin}/s1600/board.png)\n\n"
            f"```{{figure}} {host.origin}/img/flaky.png\n:alt: A figure\n"
            f":target: {host.origin}/about.html\n\nIts caption.\n```\n\nWords after.\n"
        )
        front = "---\ndate: 2010-07-02\nauthor: Chris Mills\n---\n\n# Pictures elsewhere\n\n"
        (blog / "posts/2010/elsewhere.md").write_text(front + body, encoding="utf-8")
        result = build_epub(blog, blog / "_build/epub")
        assert result.returncode == 0, result.stderr  # no warning either (-W)
        assert host.requests == []  # nothing fetched to make the book
    finally:
        host.close()
    [book] = (blog / "_build/epub").glob("*.epub")
    page = read(book, "posts/2010/elsewhere.xhtml")
    text = " ".join(page.get_text().split())
    assert "Words before," in text and "Words after." in text
    assert page.find("br") is not None
    assert not page.find_all(["script", "iframe"])
    assert not [img for img in page.find_all("img") if "127.0.0.1" in img.get("src", "")]
    [link] = page.select("a.remote-picture")
    assert link["href"] == f"{host.origin}/img/chart.png"
    assert link.get_text() == "A chart from elsewhere"
    # a linked picture: its link kept, to where it led, its words the picture's
    linked = {a.get_text(): a["href"] for a in page.select("a") if not a.find_parent("a")}
    assert linked["The board"] == f"{host.origin}/s1600/board.png"
    assert linked["A figure"] == f"{host.origin}/about.html"
    assert not page.select("a a")
    checked = subprocess.run([*EPUBCHECK, str(book)], capture_output=True, text=True)
    assert "0 fatals / 0 errors" in checked.stdout, checked.stdout


def committed(blog, repo):
    """``blog`` copied to ``repo``, a git repository: its posts in one commit,
    of 4 January 2011."""
    shutil.copytree(blog, repo, ignore=shutil.ignore_patterns("_build"))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Four posts", date="2011-01-04T10:00:00+00:00")
    return repo


def test_a_new_commit_rewrites_the_edited_post_alone_and_the_book_is_a_clean_ones(blog, tmp_path):
    """CI keeps the e-book's work folders between pushes (site.yml): a push
    that edits one post writes that post's chapter again, not every chapter
    (the footer's commit, which decided that for the site's pages, is on no
    page of the book), and the book equals a clean build's."""
    repo = committed(blog, tmp_path / "blog")
    out = tmp_path / "epub"
    assert build_epub(repo, out).returncode == 0
    before = {p.name: p.stat().st_mtime_ns for p in out.rglob("*.xhtml")}
    second = repo / "posts/2010/second.md"
    second.write_text(second.read_text(encoding="utf-8") + "\nA line more.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "A line more", date="2011-02-01T10:00:00+00:00")
    result = build_epub(repo, out)
    assert result.returncode == 0, result.stderr
    after = {p.name: p.stat().st_mtime_ns for p in out.rglob("*.xhtml")}
    rewritten = sorted(name for name in after if after[name] != before.get(name))
    assert "second.xhtml" in rewritten and "first.xhtml" not in rewritten, rewritten
    clean = tmp_path / "clean"
    assert build_epub(repo, clean).returncode == 0
    [book], [clean_book] = out.glob("*.epub"), clean.glob("*.epub")
    assert book.read_bytes() == clean_book.read_bytes()
    with zipfile.ZipFile(book) as epub:
        assert b"A line more." in epub.read("posts/2010/second.xhtml")


def test_the_same_commit_makes_the_same_book_on_any_day(blog, tmp_path):
    """The book was dated by when it was built (``dc:date``, and each file in
    its zip): two builds of one commit differed, and the site published a new
    book after every push.  Now it is dated by the last commit, its files
    alike (repro-zipfile), and two builds on different days are the same bytes."""
    if not shutil.which("faketime"):
        pytest.fail("faketime is not installed: `make test` installs it (Debian package faketime)")
    repo = committed(blog, tmp_path / "blog")
    books = []
    for day in ("2027-01-15 08:00:00", "2031-06-30 23:30:00"):
        out = tmp_path / day[:4]
        result = build_epub(repo, out, prefix=["faketime", day])
        assert result.returncode == 0, result.stderr
        [book] = out.glob("*.epub")
        books.append(book.read_bytes())
    assert books[0] == books[1]
    with zipfile.ZipFile(book) as epub:
        opf = epub.read("content.opf").decode()
        assert {info.date_time for info in epub.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert re.findall(r"<dc:date>(.*?)</dc:date>", opf) == ["2011-01-04T10:00:00Z"]


def test_a_new_book_is_offered_at_its_size_by_the_next_build(blog, book, tmp_path):
    """``make epub`` runs before each build of the site (site.yml): the next
    build publishes the new book and offers it at its size (the All posts
    page is keyed by the book it offers; no other page shows it)."""
    out = build_in_child(blog, tmp_path / "html")
    kept = book.read_bytes()
    try:
        book.write_bytes(kept + b"\0" * 300_000)  # (a zip is read from its end)
        site = Site(build_in_child(blog, out))
        offer = site.page("blog/index.html").select_one("p.archive-download")
        assert f"(EPUB, {(len(kept) + 300_000) / 1e6:.1f} MB)" in offer.get_text(" ", strip=True)
        assert site.path("blog/" + offer.a["href"]).read_bytes() == book.read_bytes()
    finally:
        book.write_bytes(kept)
