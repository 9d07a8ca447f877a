"""Hostile input (issue 11): nothing is read or written outside the repository
and the build folder, and posts as authors really write them build.

- A post's directives and roles read only files inside the repository: each
  way of reaching ``/etc/passwd`` fails the build at the post's line, and the
  file is in nothing the build wrote.
- ``redirect:`` names only a page of its own: climbing out, the home page,
  another post or archive page, or a path claimed twice fail the build at the
  ``redirect`` line, and nothing is written outside ``_build/``.
- CRLF line endings and a BOM are ordinary posts; a misspelt key, a second
  ``# heading`` and an invisible title are errors naming their line.
- Tags in any script have folders that their links reach; different names
  never share a page.
- Raw HTML that would run or load from another host (a ``<meta>`` refresh
  that the page's policy lets through), a link to a ``javascript:``
  address, and a comment or tag never closed (it hid the rest of the page)
  are errors at their line; a feed shows another host's picture as its words.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import html5lib
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from blogarchive import privacy
from blogarchive.build import build

from blogsite import REPO
from test_bad_input import ROOT, build_with

POST = "---\ndate: 2010-07-02\n{front}---\n\n# {title}\n\nText.\n\n{body}\n"
PASSWD = "../../../../../../../../etc/passwd"
PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADU"  # one PNG pixel
PIXEL += "lEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="


def post(body: str = "", front: str = "", title: str = "Hostile") -> str:
    return POST.format(front=front, title=title, body=body)


def written_files(root: Path):
    """Every file under ``root``: published site, work folder, doctrees."""
    return [p for p in root.rglob("*") if p.is_file()]


# case -> (post text, line of the error)
READS_OUTSIDE = {
    "include-relative": (post(f"```{{include}} {PASSWD}\n```"), 9),
    "include-from-root": (post("```{include} /../../../../../../../etc/passwd\n```"), 9),
    "include-literal": (post(f"```{{include}} {PASSWD}\n:literal:\n```"), 9),
    "literalinclude": (post(f"```{{literalinclude}} {PASSWD}\n```"), 9),
    "image": (post(f"![secret]({PASSWD})"), 9),
    "figure": (post(f"```{{figure}} {PASSWD}\nA caption.\n```"), 9),
    "csv-table": (post(f"```{{csv-table}}\n:file: {PASSWD}\n```"), 9),
    "raw-file": (post(f"```{{raw}} html\n:file: {PASSWD}\n```"), 9),
    "raw-url": (post("```{raw} html\n:url: http://127.0.0.1:9/\n```"), 9),
    "download": (post(f"{{download}}`the file <{PASSWD}>`"), 9),
    "include-symlink": (post("```{include} linked.txt\n```"), 9),
    # A Markdown link: MyST looks for the file (to link or publish it); the
    # build stopped on a traceback.
    "markdown-link": (post(f"[the file]({PASSWD})"), 9),
    "markdown-link-path": (post(f"[the file](path:{PASSWD})"), 9),
    "markdown-link-project": (post(f"[the file](project:{PASSWD})"), 9),
    # named at its own line, not its paragraph's first
    "markdown-link-third-line": (post(f"One,\n*two\nand* [the file]({PASSWD})"), 11),
}


@pytest.mark.parametrize("case", sorted(READS_OUTSIDE))
def test_directives_read_nothing_outside_the_repository(tmp_path, capfd, case):
    text, line = READS_OUTSIDE[case]
    extra = {f"posts/2010/{case}.md": text}
    if case == "include-symlink":
        (tmp_path / "blog/posts/2010").mkdir(parents=True)
        os.symlink("/etc/passwd", tmp_path / "blog/posts/2010/linked.txt")
    status, err, _ = build_with(tmp_path, capfd, extra=extra)
    assert status != 0
    # An error, or (Sphinx's literalinclude) a warning, which fails the build all the same.
    located = re.search(rf"posts/2010/{case}\.md:{line}: (ERROR|WARNING): (.*)", err)
    assert located, err
    assert "outside the repository" in located[2] or "builds never fetch" in located[2], err
    leaked = [p for p in written_files(tmp_path / "blog/_build") if b"root:x:0:0" in p.read_bytes()]
    assert leaked == []
    # Nor does the next build publish it: a failed build's state is not trusted.
    status = build(tmp_path / "blog", tmp_path / "blog/_build/html")
    assert status != 0
    assert located[0] in capfd.readouterr().err


#: An address no browser can read (a broken IPv6 host), on which Python's
#: URL parser raises.  case -> (post text, line of the error, its words)
UNREADABLE = {
    "raw-link": (post('<a href="http://[oops/">there</a>'), 9, "which is no address"),
    "raw-picture": (post('<img alt="p" src="http://[oops/p.png">'), 9, "which is no address"),
    "wordpress-url": (post(front='wordpress_url: "http://[oops/?p=3"\n'), 3, "expected an ad"),
    "canonical-link": (post(front='canonical_link: "http://[oops/"\n'), 3, "expected an http"),
}


@pytest.mark.parametrize("case", sorted(UNREADABLE))
def test_an_address_no_browser_can_read_is_named_at_its_line(tmp_path, capfd, case):
    """``http://[oops/`` in a post's raw HTML or front matter stopped the
    build with a traceback (the feeds, the list of WordPress numbers, the
    checks read it with Python's parser), and `blog check` too.  It is an
    error at its line in both now (build_with fails on a traceback); a page's,
    which the build does not check, is left alone, and a Markdown link's,
    which MyST writes percent-encoded, is a link to nowhere, as it was."""
    text, line, words = UNREADABLE[case]
    extra = {
        f"posts/2010/{case}.md": text,
        "posts/2010/markdown.md": post("[a link](http://[oops/) ![a picture](http://[oops/p.png)"),
        "pages/odd.md": '---\nwordpress_url: "http://[oops/?page_id=3"\norphan: true\n---\n\n# O\n',
    }
    status, err, _ = build_with(tmp_path, capfd, extra=extra)
    located = re.search(rf"posts/2010/{case}\.md:{line}: ERROR: (.*)", err)
    assert status != 0 and located and words in located[1], err
    assert "markdown.md" not in err and "odd.md" not in err, err
    result = subprocess.run(
        [sys.executable, "-m", "blogarchive.cli", "check", f"posts/2010/{case}.md"],
        cwd=tmp_path / "blog",
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"posts/2010/{case}.md:{line}: " in result.stdout and words in result.stdout


#: Slips of an author's that stopped the build with a traceback (found by
#: building random posts).  case -> (post text, line of the error, its words)
TRACEBACKS = {
    "update-not-a-date": (post("```{update} not-a-date\nFixed.\n```"), 9, "is not a date"),
    "update-too-big": (post("```{update} 99999999999999999999999\nx\n```"), 9, "is not a date"),
    "picture-of-the-root": (post("![x](/)"), 9, "'/' names a folder, not a file"),
    "picture-of-its-folder": (post("![x](.)"), 9, "'.' names a folder, not a file"),
    # (at the line it is on; one of no address, named with no line before, at its own)
    "picture-on-a-later-line": (post("One,\ntwo ![x](/) three."), 10, "names a folder"),
    "picture-of-no-address": (post("![]()"), 9, "'' names a folder, not a file"),
    "download-of-a-folder": (post("{download}`the folder <..>`"), 9, "names a folder"),
    # (Sphinx's own roles and directives, on text they fail on)
    "guilabel-last-ampersand": (post("Press {guilabel}`&`."), 9, "role: {guilabel}`&` failed"),
    "hlist-no-columns": (post("```{hlist}\n:columns: 0\n\n* a\n```"), 9, "{hlist} failed"),
    # (ABlog's list of posts, its format read as the page is written)
    "postlist-unknown-field": (post("```{postlist}\n:format: {nope}\n```"), 9, "{nope} is none"),
    "postlist-open-brace": (post("```{postlist}\n:format: {title\n```"), 9, "expected '}'"),
    # (Python's HTML parser raised on a "<![" a browser reads as a comment)
    "stray-marked-section": (post("<p>a <![ b></p>\n\n<b>c</b> <iframe></iframe>"), 11, "<iframe"),
}


@pytest.mark.parametrize("case", sorted(TRACEBACKS))
def test_slips_that_were_tracebacks_are_named_at_their_line(tmp_path, capfd, case):
    """ABlog could not read an ``{update}``'s date (its ValueError, or
    dateutil's OverflowError); Sphinx, given a folder as a picture, looked
    for ``/.en`` beside it, which a post may not read; Sphinx's guilabel role
    indexed past a last ``&``, its hlist divided by no columns; ABlog's
    postlist raised on a format it cannot show: each stopped
    the build with a traceback.  Each is an error at its line now
    (build_with fails on a traceback)."""
    text, line, words = TRACEBACKS[case]
    status, err, _ = build_with(tmp_path, capfd, extra={f"posts/2010/{case}.md": text})
    located = re.search(rf"posts/2010/{case}\.md:{line}: ERROR: (.*)", err)
    assert status != 0 and located and words in located[1], err


def test_a_page_made_a_post_of_no_date_is_named(tmp_path, capfd):
    """ABlog's ``{post}`` directive in a page makes it a post; one of a date
    ABlog cannot read, with an ``{update}`` in it, stopped the build with a
    traceback (ABlog compared the update's date with none): an error at
    the directive's line now, the page left a page."""
    page = "---\norphan: true\n---\n\n# A page\n\n```{post} x\n```\n\n"
    page += "```{update} 2011-01-01\nFixed.\n```\n"
    status, err, _ = build_with(tmp_path, capfd, extra={"pages/dated.md": page})
    assert status != 0 and re.search(r"pages/dated\.md:7: ERROR: post: 'x' is not a date", err), err


def test_a_post_directive_beside_front_matter_is_named_at_its_line(tmp_path, capfd):
    """ABlog's ``{post}`` directive in a post with front matter: ABlog printed
    "Found blog post front-matter as well as post directive, using post
    directive." through Python's own logger, naming no file, and used the
    front matter.  An error at the directive's line now; the post is the
    front matter's."""
    text = post("```{post} 2001-01-01\n:tags: Elsewhere\n```", front="tags: Ofsted\n")
    status, err, site = build_with(tmp_path, capfd, extra={"posts/2010/both.md": text})
    assert status != 0 and "Found blog post front-matter" not in err, err
    located = re.search(r"posts/2010/both\.md:10: ERROR: post: (.*)", err)
    assert located and "its {post} directive is not read" in located[1], err
    shown = tmp_path / "blog/_build/serve"  # (as `blog serve` builds it: no -W)
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(shown.parent.parent)]
    subprocess.run([*command, str(shown)], capture_output=True, check=True)
    page = BeautifulSoup((shown / "posts/2010/both.html").read_text(), "html.parser")
    assert [a.get_text() for a in page.select("article .post-tags a")] == ["Ofsted"]
    assert "2001" not in page.select_one("article").get_text()


SECRET = "token=ghs_0123456789abcdef"
# case -> (post text, line of the error): hidden files of the repository
READS_HIDDEN = {
    "git-settings": (post("```{literalinclude} ../../.git/config\n```"), 9),
    "env-file": (post("```{include} ../../.env\n```"), 9),
    "from-root": (post("```{include} /.env\n```"), 9),
    "picture": (post("![x](../../.git/config)"), 9),
    "download": (post("{download}`settings <../../.git/config>`"), 9),
    "csv-table": (post("```{csv-table}\n:file: ../../.env\n```"), 9),
    "raw-file": (post("```{raw} html\n:file: ../../.env\n```"), 9),
    "markdown-link": (post("[settings](../../.git/config)"), 9),
}


@pytest.mark.parametrize("case", sorted(READS_HIDDEN))
def test_directives_read_no_hidden_file_of_the_repository(tmp_path, capfd, case):
    """Inside the repository, but not the blog's to publish: git's settings
    (where CI's checkout keeps the token it pushes with) and an ``.env`` of
    secrets were published in the post's page, and ``.git/config`` copied
    into ``_images/``.  A hidden file or folder is refused as a file outside
    the repository is: an error at the post's line, nothing of it written."""
    text, line = READS_HIDDEN[case]
    extra = {
        f"posts/2010/{case}.md": text,
        ".git/config": f"[http]\n\textraheader = AUTHORIZATION: basic {SECRET}\n",
        ".env": f"{SECRET}\n",
    }
    status, err, _ = build_with(tmp_path, capfd, extra=extra)
    assert status != 0
    located = re.search(rf"posts/2010/{case}\.md:{line}: (ERROR|WARNING): (.*)", err)
    assert located and "a hidden file or folder" in located[2], err
    written = written_files(tmp_path / "blog/_build")
    assert [p for p in written if SECRET.encode() in p.read_bytes()] == []


def test_files_inside_the_repository_may_be_included(tmp_path, capfd):
    extra = {
        "posts/2010/shared.txt": "Included words.\n",
        "posts/2010/includes.md": post("```{include} shared.txt\n```"),
    }
    status, err, site = build_with(tmp_path, capfd, extra=extra)
    assert status == 0, err
    text = site.page("posts/2010/includes.html").select_one("article section").get_text()
    assert "Included words." in text


@pytest.mark.parametrize(
    ("linked", "target", "read"),
    [
        # A post that is a link out of the repository.
        ("posts/2010/outside.md", "outside.md", "posts/2010/outside.md"),
        # A year's folder that is one: each folder of posts is resolved once
        # (confine.Within), and every post in it is left out.
        ("posts/2011", "elsewhere", "posts/2011/away.md"),
    ],
)
def test_a_post_linked_out_of_the_repository_is_not_read(tmp_path, capfd, linked, target, read):
    outside = tmp_path / target
    if target == "elsewhere":
        outside.mkdir()
        (outside / "away.md").write_text(post(title="Away"), encoding="utf-8")
    else:
        outside.write_text(post(title="Outside"), encoding="utf-8")
    (tmp_path / "blog" / linked).parent.mkdir(parents=True)
    os.symlink(outside, tmp_path / "blog" / linked)
    status, err, _ = build_with(tmp_path, capfd)
    assert status != 0
    assert f"{read}:1: ERROR: file: is a link to" in err, err
    page = Path(read).with_suffix(".html")
    assert not (tmp_path / "blog/_build/html.work" / page).exists()


# case -> (front matter lines of one or two posts, the error)
REDIRECTS = {
    "climbs-out": (["redirect: /../../../../escaped.html\n"], "has an empty, '.', '..'"),
    "home-page": (["redirect: /index.html\n"], "not the home page"),
    "root": (["redirect: /\n"], "not the home page"),
    "another-post": (["redirect: /posts/2010/good.html\n"], "is a page of the site already"),
    "archive-page": (["redirect: /blog/tag/ofsted/\n"], "is a page of the site already"),
    "all-posts": (["redirect: /blog/\n"], "is a page of the site already"),
    "hidden": (["redirect: /.git/config.html\n"], "hidden segment"),
    "too-long": (["redirect: /2010/" + "x" * 300 + ".html\n"], "too long to be a file's name"),
    # Percent-encoded: written as a file of that very name, which no host serves
    # at that address (it decodes the address first); the climb got past the
    # check as '%2e%2e'.
    "encoded-climb": (
        ["redirect: /2010/07/%2e%2e/%2e%2e/index.html\n"],
        "is percent-encoded, and decoded '/2010/07/../../index.html' has an empty, '.', '..'",
    ),
    "encoded": (
        ["redirect: /2010/07/caf%C3%A9.html\n"],
        "is percent-encoded: write it as a browser shows it, '/2010/07/café.html'",
    ),
    # Through a file the site writes, or into a folder of its own: the build
    # had stopped on a traceback (IsADirectoryError), or put the page among
    # the site's stylesheets (``_static/site.css/index.html``).
    "old-feed": (["redirect: /feeds/posts/default/\n"], "is inside 'feeds/posts/default'"),
    "feed": (["redirect: /blog/atom.xml/index.html\n"], "is inside 'blog/atom.xml'"),
    "comments-feed": (  # a post's, at Blogger's address of it (its blogger_id)
        [
            "blogger_id: tag:blogger.com,1999:blog-1.post-77\n",
            "redirect: /feeds/77/comments/default/\n",
        ],
        "is inside 'feeds/77/comments/default'",
    ),
    "tag-feed": (["redirect: /blog/tag/ofsted/atom.xml/\n"], "is inside 'blog/tag/ofsted/atom"),
    "robots": (["redirect: /robots.txt/\n"], "is inside 'robots.txt', a file the site writes"),
    "icon": (["redirect: /favicon.ico/\n"], "is inside 'favicon.ico', a file the site writes"),
    "posts-json": (["redirect: /blog/posts.json/x.html\n"], "is inside 'blog/posts.json'"),
    "files-json": (["redirect: /blog/files.json/x.html\n"], "is inside 'blog/files.json'"),
    "static": (["redirect: /_static/site.css/\n"], "is in '_static', a folder of the site's own"),
    "search-index": (["redirect: /pagefind/x.html\n"], "is in 'pagefind', a folder of the"),
    "claimed-twice": (
        ["redirect: /2010/07/old.html\n", "redirect: /2010/07/old.html\n"],
        "'/2010/07/old.html' is also claimed by posts/2010/claimed-twice-0.md",
    ),
}


@pytest.mark.parametrize("case", sorted(REDIRECTS))
def test_redirect_names_only_a_page_of_its_own(tmp_path, capfd, case):
    fronts, message = REDIRECTS[case]
    extra = {
        f"posts/2010/{case}-{i}.md": post(front=front, title=f"Post {i}")
        for i, front in enumerate(fronts)
    }
    status, err, _ = build_with(tmp_path, capfd, extra=extra)
    assert status != 0
    last = len(fronts) - 1
    assert f"posts/2010/{case}-{last}.md:3: ERROR: redirect: " in err, err
    assert message in err, err
    assert not (tmp_path / "escaped.html").exists() and not list(tmp_path.rglob("escaped.html"))
    work = tmp_path / "blog/_build/html.work"
    assert 'http-equiv="refresh"' not in (work / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' not in (work / "posts/2010/good.html").read_text(encoding="utf-8")


def test_two_pages_at_one_old_address_name_each_other(tmp_path, capfd):
    """Two pages redirected from one old address (a page exported twice, put
    in by hand): the second's error said the address "is a page of the site
    already", naming no page; it names the first, as a post's does."""
    page = "---\nredirect: /informacje/\norphan: true\n---\n\n# {}\n\nText.\n"
    extra = {"pages/first.md": page.format("First"), "pages/second.md": page.format("Second")}
    status, err, _ = build_with(tmp_path, capfd, extra=extra)
    assert status != 0
    said = "pages/second.md:2: ERROR: redirect: '/informacje/' is also claimed by pages/first.md"
    assert said in err, err


def page(title: str, front: str = "") -> str:
    return f"---\n{front}orphan: true\n---\n\n# {title}\n\nText.\n"


#: A page's parent (the sidebar lists the page under it) that no sidebar can
#: show: named at the page's line, as a redirect's is.
PARENTS = {
    "missing": (
        {"pages/child.md": page("Child", "parent: nosuch\n")},
        "pages/child.md:2: ERROR: parent: names no page: pages/nosuch.md",
    ),
    "itself": (
        {"pages/a.md": page("A", "parent: a\n")},
        "pages/a.md:2: ERROR: parent: pages/a.md is listed under this page",
    ),
    "loop": (
        {"pages/a.md": page("A", "parent: b\n"), "pages/b.md": page("B", "parent: a\n")},
        "pages/a.md:2: ERROR: parent: pages/b.md is listed under this page",
    ),
    "path": (
        {"pages/a.md": page("A", "parent: ../../etc/passwd\n")},
        "pages/a.md:2: ERROR: parent: expected the name of a page's file in pages/",
    ),
    "post": (
        {"posts/2010/p.md": post(front="parent: about\n")},
        "posts/2010/p.md:3: ERROR: parent: a post has none",
    ),
}


@pytest.mark.parametrize("case", sorted(PARENTS))
def test_a_pages_parent_must_be_a_page_above_it(tmp_path, capfd, case):
    extra, message = PARENTS[case]
    status, err, _ = build_with(tmp_path, capfd, extra=extra)
    assert status != 0
    assert message in err, err


#: Blogger's id of a post or page, whose number names a file of the site
#: (``feeds/<number>/comments/default``): anything but digits is refused at
#: its line, on a post as on a page, and no file is written outside ``feeds/``.
BLOGGER_IDS = {
    "post path": (
        {"posts/2010/p.md": post(front="blogger_id: tag:blogger.com,1999:blog-1.post-../../x\n")},
        "posts/2010/p.md:3: ERROR: blogger_id: expected Blogger's id of the post",
    ),
    "page path": (
        {"pages/a.md": page("A", "blogger_id: '1/../../../index'\n")},
        "pages/a.md:2: ERROR: blogger_id: expected Blogger's id of the post",
    ),
    "post list": (
        {"posts/2010/p.md": post(front="blogger_id: [1, 2]\n")},
        "posts/2010/p.md:3: ERROR: blogger_id: expected Blogger's id of the post",
    ),
    "page newline": (
        {"pages/a.md": page("A", 'blogger_id: "tag:blogger.com,1999:blog-1.post-12\\n"\n')},
        "pages/a.md:2: ERROR: blogger_id: expected Blogger's id of the post",
    ),
}


#: WordPress's number of a post or page, which the home page's script finds
#: it by (``/?p=<number>``, ``blog/posts.json``): anything but a number is
#: refused at its line, on a post as on a page.
WORDPRESS_IDS = {
    "post script": (
        {"posts/2010/p.md": post(front="wordpress_id: '1); alert(1'\n")},
        "posts/2010/p.md:3: ERROR: wordpress_id: expected WordPress's number of the post",
    ),
    "page path": (
        {"pages/a.md": page("A", "wordpress_id: ../../index\n")},
        "pages/a.md:2: ERROR: wordpress_id: expected WordPress's number of the post",
    ),
    "page list": (
        {"pages/a.md": page("A", "wordpress_id: [1, 2]\n")},
        "pages/a.md:2: ERROR: wordpress_id: expected WordPress's number of the post",
    ),
    "page zero": (
        {"pages/a.md": page("A", "wordpress_id: 0\n")},
        "pages/a.md:2: ERROR: wordpress_id: expected WordPress's number of the post",
    ),
}


#: Each old blog's number of a post, by the case's name.
NUMBERS = {f"blogger {case}": value for case, value in BLOGGER_IDS.items()}
NUMBERS |= {f"wordpress {case}": value for case, value in WORDPRESS_IDS.items()}


@pytest.mark.parametrize("case", sorted(NUMBERS))
def test_an_old_blogs_number_that_is_no_number_is_refused(tmp_path, capfd, case):
    extra, message = NUMBERS[case]
    status, err, site = build_with(tmp_path, capfd, extra=extra)
    assert status != 0
    assert message in err, err
    feeds = (tmp_path / "blog/_build").rglob("comments/default")
    assert [f for f in feeds if f.parent.parent.name != "feeds"] == []  # the blog's alone


def test_a_page_under_a_draft_stands_at_the_top(tmp_path, capfd):
    """A page whose parent is a draft (not on the site) is listed at the
    sidebar's top level; one under a published page, under it."""
    extra = {
        "pages/hidden.md": page("Hidden", "draft: true\n"),
        "pages/orphaned.md": page("Orphaned", "parent: hidden\n"),
        "pages/team.md": page("Team", "parent: contact\norder: 2\n"),
        "pages/press.md": page("Press", "parent: contact\norder: 1\n"),
        "pages/contact.md": page("Contact"),
    }
    status, err, site = build_with(tmp_path, capfd, extra=extra)
    assert status == 0, err
    sidebar = site.page("index.html").select_one("nav.blog-navigation")
    top = [a.get_text() for a in sidebar.select(":scope > ul > li > a")]
    assert "Orphaned" in top and "Hidden" not in top and "Team" not in top
    contact = sidebar.find("a", string="Contact").parent
    assert [a.get_text() for a in contact.select(":scope > ul > li > a")] == ["Press", "Team"]


def test_a_good_redirect_still_leads_to_its_post(tmp_path, capfd):
    extra = {"posts/2010/moved.md": post(front="redirect: /2010/07/moved.html\n", title="Moved")}
    status, err, site = build_with(tmp_path, capfd, extra=extra)
    assert status == 0, err
    refresh = site.page("2010/07/moved.html").select_one("meta[http-equiv=refresh]")
    assert refresh["content"] == "0; url=../../posts/2010/moved.html"


def test_crlf_and_bom_are_ordinary_posts(tmp_path, capfd):
    text = post(front="tags: [Windows]\n", title="Written on Windows")
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    status, err, site = build_with(tmp_path, capfd, extra={"posts/2010/windows.md": data})
    assert status == 0, err
    page = site.page("posts/2010/windows.html")
    assert page.select_one("article h1").get_text().rstrip("#¶") == "Written on Windows"
    assert [a.get_text() for a in page.select("a.post-tag")] == ["Windows"]
    assert "Written on Windows" in [e.title for e in site.feed().entries]


def test_template_syntax_in_a_post_is_text_not_template(tmp_path, capfd):
    """The templates run unsandboxed (templates.py): nothing a post says ever
    becomes a template, so Jinja syntax in a title, a tag or the text is shown
    as written and evaluated nowhere."""
    jinja = "{{ 1111 * 3 }} {{ config }} {% raw %}"
    text = post(body=jinja, front=f"tags: ['{jinja}']\n", title=jinja)
    status, err, site = build_with(tmp_path, capfd, extra={"posts/2010/jinja.md": text})
    assert status == 0, err
    for rel in ("posts/2010/jinja.html", "index.html", "blog/2010/index.html", "search.html"):
        html = site.path(rel).read_text(encoding="utf-8")
        assert "{{ 1111 * 3 }}" in html and "3333" not in html, rel
        assert "Config object" not in html, rel
    page = site.page("posts/2010/jinja.html")
    assert page.select_one("article h1").get_text().rstrip("#¶") == jinja
    assert [a.get_text() for a in page.select("a.post-tag")] == [jinja]
    assert jinja in [e.title for e in site.feed().entries]


@pytest.mark.parametrize(
    ("front", "key", "suggestion"),
    [
        ("Date: 2010-07-03\n", "Date", "date"),
        ("Tags: [Ofsted]\n", "Tags", "tags"),
        ("catgory: Policy\n", "catgory", "category"),
    ],
)
def test_a_misspelt_key_is_an_error_with_a_suggestion(tmp_path, capfd, front, key, suggestion):
    text = post(front=front)
    if key == "Date":  # instead of date: the post would vanish as a draft
        text = text.replace("date: 2010-07-02\n", "")
    status, err, _ = build_with(tmp_path, capfd, extra={"posts/2010/misspelt.md": text})
    assert status != 0
    line = 2 if key == "Date" else 3
    expected = f"posts/2010/misspelt.md:{line}: ERROR: {key}: unknown front-matter key: "
    assert expected + f"did you mean {suggestion!r}?" in err, err


def test_a_second_heading_is_an_error_naming_its_line(tmp_path, capfd):
    text = post("```\n# a comment in code is no heading\n```\n\n# Second part\n\nMore.")
    status, err, _ = build_with(tmp_path, capfd, extra={"posts/2010/two-titles.md": text})
    assert status != 0
    assert "posts/2010/two-titles.md:13: ERROR: title: a second '# heading' ('Second part')" in err


def test_an_invisible_title_is_an_error(tmp_path, capfd):
    text = post(title="\u200b")
    status, err, _ = build_with(tmp_path, capfd, extra={"posts/2010/invisible.md": text})
    assert status != 0
    assert "posts/2010/invisible.md:5: ERROR: title: the '# Title' heading shows no text" in err


TAGS = ["עברית", "Русский", "中文", "Ελληνικά", "🎉", "C#", "C++", "C"]


def test_tags_in_any_script_have_folders_their_links_reach(tmp_path, capfd):
    extra = {
        f"posts/2010/tagged-{i}.md": post(front=f"tags: [{tag!r}]\n".replace("'", '"'), title=tag)
        for i, tag in enumerate(TAGS)
    }
    status, err, site = build_with(tmp_path, capfd, extra=extra)
    assert status == 0, err
    index = site.page("blog/tag/")
    links = {a.get_text(): a["href"] for a in index.select("ul.catalog li a")}
    assert set(TAGS) <= set(links)
    folders = set()
    for tag in TAGS:
        href = links[tag]
        assert href.isascii() and "%" not in href, href
        target = Path(unquote(urljoin("blog/tag/index.html", href)))
        assert (site.root / target).is_file(), href
        folders.add(target.parent)
        heading = site.page(str(target)).select_one("article h1 .archive-name").get_text()
        assert heading == tag
    assert len(folders) == len(TAGS)  # C#, C++ and C: three pages
    sharp = site.page("posts/2010/tagged-5.html")
    assert [a.get_text() for a in sharp.select("a.post-tag")] == ["C#"]


@pytest.fixture(autouse=True)
def _repo(monkeypatch):
    monkeypatch.setenv("BLOG_REPO", str(REPO))


@pytest.mark.parametrize("key", ["canonical_link", "external_link"])
@pytest.mark.parametrize(
    "address", ["javascript:alert(2)", " JavaScript:alert(2)", "data:text/html,x", "/relative"]
)
def test_an_address_in_front_matter_must_be_a_web_address(tmp_path, capfd, key, address):
    """canonical_link became the page's <link rel="canonical" href="javascript:...">."""
    text = post(front=f"{key}: {address!r}\n")
    status, err, _ = build_with(tmp_path, capfd, extra={"posts/2010/elsewhere.md": text})
    assert status != 0
    expected = f"posts/2010/elsewhere.md:3: ERROR: {key}: expected an http or https address, got "
    assert expected in err, err
    work = tmp_path / "blog/_build/html.work/posts/2010/elsewhere.html"
    assert not work.exists() or "alert(" not in work.read_text(encoding="utf-8")


def test_a_web_address_in_front_matter_is_the_canonical_one(tmp_path, capfd):
    text = post(front="canonical_link: https://example.org/first-published-here/\n")
    status, err, site = build_with(tmp_path, capfd, extra={"posts/2010/elsewhere.md": text})
    assert status == 0, err
    canonical = site.page("posts/2010/elsewhere.html").select_one('link[rel="canonical"]')
    assert canonical["href"] == "https://example.org/first-published-here/"


# case -> (raw HTML in a post, the line it starts on in the post, the error)
REFRESH = '<meta http-equiv="refresh" content="0;url=https://evil.example/">'
RAW_HTML = {
    "script": ("<script>alert(3)</script>", 9, "<script> runs code"),
    "handler": ('<p onmouseover="alert(4)">Hover.</p>', 9, "<p onmouseover> runs code"),
    "javascript-link": ('A <a href="javascript:alert(2)">link</a>.', 9, "a javascript: address"),
    # inline, on a paragraph's third line: its own line, not the paragraph's first
    "third-line": ('One,\n*two*\nthree <a href="javascript:alert(2)">x</a>.', 11, "javascript:"),
    "hidden-scheme": ('<a href=" jav&#x09;ascript:alert(1)">x</a>', 9, "a javascript: address"),
    "vbscript-link": ('<a href="VBScript:msgbox">x</a>', 9, "a vbscript: address"),
    "data-link": ('<a href="data:text/html,hi">a data link</a>', 9, "a data: address"),
    # The page's policy stops none of these: the page went to another site.
    "refresh": (
        '<div>\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n</div>',
        10,
        "<meta> belongs to a page's head",
    ),
    "frame": ('<iframe src="https://www.youtube.com/embed/x"></iframe>', 9, "<iframe> shows"),
    "raw-directive": (  # at the directive's line
        '```{raw} html\n<object data="x.swf"></object>\n```',
        9,
        "<object> shows another page",
    ),
    "tracker": (
        '<img src="https://tracker.example/raw.gif" alt="a tracker">',
        9,
        "<img> loads 'https://tracker.example/raw.gif', from another host",
    ),
    "no-scheme": ('<img src="//tracker.example/raw.gif">', 9, "from another host"),
    "srcset": (
        '<img src="../../_static/ours.png"'
        ' srcset="../../_static/ours.png 1x, https://t.example/b.png 2x">',
        9,
        "t.example",
    ),
    "video-poster": ('<video poster="https://t.example/p.jpg"></video>', 9, "from another host"),
    "style-url": ('<span style="background: url(https://t.example/x)">x</span>', 9, "style"),
    "form": ('<form action="/"><input name="q"></form>', 9, "<form> sends what readers type"),
    "stylesheet": ('<link rel="stylesheet" href="https://t.example/x.css">', 9, "<link>"),
    "ping": ('<a href="/" ping="https://t.example/">x</a>', 9, "<a ping> runs code or sends"),
    "svg": ("<svg><image href=x /></svg>", 9, "<svg> runs code"),
    "unknown": ("<marquee>x</marquee>", 9, "<marquee> is not an element a post may hold"),
    # The site's own files, at addresses that would show nothing: Sphinx copies
    # a raw picture nowhere (only _static/ is published as it is), and an
    # address from the host's root breaks where the site is not at it (a fork's).
    "unpublished": (
        '<img src="ours.png" alt="x">',
        9,
        "<img> loads 'ours.png', which the site does not publish",
    ),
    "missing": ('<img src="../../_static/gone.png" alt="x">', 9, "which is no file of the site's"),
    "from-root": ('<img src="/_static/ours.png" alt="x">', 9, "from the root of the site's host"),
    # A raw link to a page or file the site lacks (Sphinx copies a file beside
    # the post only for a Markdown link to it): checked once every page is written.
    "unpublished-link": (
        'One,\ntwo, <a href="ours.png">the picture</a>.',
        10,
        "html: <a> links to 'ours.png', which is no page or file of the site's",
    ),
    "link-from-root": ('<a href="/index.html">home</a>', 9, "from the root of the site's host"),
    "link-outside": ('<a href="../../../index.html">up</a>', 9, "which is outside the site"),
    # Not raw HTML, but links and pictures that Markdown's parser would refuse.
    "picture-target": (
        "```{image} /_static/ours.png\n:target: javascript:alert(1)\n```",
        9,
        "link: to a javascript: address",
    ),
    "rst-link": ("```{eval-rst}\nA `vb <vbscript:x>`_ link.\n```", 10, "link: to a vbscript:"),
    "rst-link-second-line": (
        "```{eval-rst}\nOne line,\nthen a `vb <vbscript:x>`_ link.\n```",
        11,
        "link: to a vbscript:",
    ),
    "picture-scheme": ("```{image} javascript:alert(1)\n```", 9, "picture: at a javascript:"),
    # Never closed: Markdown passes the block through with the rest of the post
    # (an HTML block of these runs to the end), and the browser hid that, and
    # the rest of the page (sidebar, footer), in the comment or the tag.
    "open-comment": (
        "Shown.\n\n<!-- a note to myself\n\nHidden.",
        11,
        "html: '<!--' is never closed (no -->): the rest of the post, and of its page",
    ),
    "open-quote": ('<div class="note\n\nHidden.', 9, "'<div' is never closed (no '>', or a"),
    "open-declaration": ("<!DOCTYPE html\n\nHidden.", 9, "'<!DOCTYPE' is never closed (no '>')"),
    # Behind what a browser reads as a comment's end, and Python's parser did
    # not: a refresh (no page policy stops one) sent the reader elsewhere.
    "after-empty-comment": (f"<!--><p>Hi.</p>{REFRESH}<!-- -->", 9, "<meta> belongs"),
    "after-comment-end-bang": (f"<!-- x --!>{REFRESH}<!-- -->", 9, "<meta> belongs"),
    "after-cdata": (f"<![CDATA[ x >{REFRESH}]]>", 9, "<meta> belongs"),
    "after-end-tag-quote": (f"</p a='><!--'>{REFRESH}<!-- -->", 9, "<meta> belongs"),
    "after-comment-with-a-tag": ("<!-- a note <b>x</b>\n\nHidden.", 9, "'<!--' is never closed"),
    # reStructuredText's meta directive writes into the page's head.
    "rst-meta": (
        "```{eval-rst}\n.. meta::\n   :http-equiv=refresh: 0;url=https://evil.example/\n```",
        11,
        "meta: http-equiv 'refresh' in a page's head",
    ),
}


@pytest.mark.parametrize("case", sorted(RAW_HTML))
def test_raw_html_that_runs_or_loads_elsewhere_fails_at_its_line(tmp_path, capfd, case):
    """A post's raw HTML (its author's, or a pull request's) reached the page as
    it was.  The page's policy stops scripts and other hosts' files, silently
    (an empty box where a picture or video was), and not a ``<meta>`` refresh,
    which sent every reader of the page to another site.  Each is now an error
    at its line, and the last good site stays."""
    html, line, message = RAW_HTML[case]
    extra = {"posts/2010/raw.md": post(body=html, title="Raw markup"), "_static/ours.png": b"png"}
    extra["posts/2010/ours.png"] = b"png"
    extra["conf.py"] = (ROOT / "conf.py").read_text(encoding="utf-8")
    extra["conf.py"] += "html_static_path.append('_static')\n"  # this blog's beside the site's
    status, err, site = build_with(tmp_path, capfd, extra=extra)
    assert status != 0
    assert re.search(rf"posts/2010/raw\.md:{line}: ERROR: .*{re.escape(message)}", err), err
    assert not site.path("index.html").exists()  # nothing published


#: Pieces of raw HTML, put together at random for the test below: elements
#: that run, load or hold text a browser does not read as tags; attributes
#: spelt every way a browser reads; comments, declarations and stray marks.
HTML_TAGS = ["p", "b", "a", "img", "meta", "script", "iframe", "style", "title", "textarea"]
HTML_TAGS += ["noscript", "template", "select", "table", "xmp", "noembed", "svg", "math", "pre"]
HTML_ATTRIBUTES = ["onclick=alert(1)", "href=javascript:alert(1)", "src=//t.example/x"]
HTML_ATTRIBUTES += ["http-equiv=refresh", "href=jav&#x61;script:x", "href=java&Tab;script:x"]
HTML_ATTRIBUTES += ["href=&#106avascript:x", "srcset=//t.example/x", "style=b:\\75rl(x)"]
HTML_ATTRIBUTES += ["ping=/x", "OnClick=x", "title=x"]
HTML_END_TAG_ATTRIBUTES = ["", " a=x", " a='>'", " a='><!--'"]
HTML_SPELLINGS = ["{}={}", '{}="{}"', "{}='{}'", "{} = {}", "/{}={}", '"x"{}={}']
HTML_MARKS = ["<!---->", "<!-->", "<!--->", "<!-- x --!>", "<!-- a -- >", "<!--", "-->", "--!>"]
HTML_MARKS += ["<![CDATA[", "]]>", "<!x>", "<?x>", "</ x>", "</>", "<!DOCTYPE html>", "<", ">"]
HTML_MARKS += ["'", '"', "=", "/", " ", "\n", "&", "x", "`", "\t", "<a", "</"]


def _random_html(rnd: random.Random) -> str:
    parts = []
    for _ in range(rnd.randint(1, 8)):
        roll = rnd.random()
        if roll < 0.45:
            tag, gap = rnd.choice(HTML_TAGS), rnd.choice([" ", "/", "\n", "\t"])
            attributes = gap.join(
                rnd.choice(HTML_SPELLINGS).format(*rnd.choice(HTML_ATTRIBUTES).split("=", 1))
                for _ in range(rnd.randint(0, 2))
            )
            tag = tag.upper() if rnd.random() < 0.2 else tag
            parts.append(f"<{tag}{gap if attributes else ''}{attributes}")
            parts.append(rnd.choice([">", "/>", " >", ""]))
        elif roll < 0.6:  # (an end tag: its attributes a browser reads, and ignores)
            parts.append(f"</{rnd.choice(HTML_TAGS)}{rnd.choice(HTML_END_TAG_ATTRIBUTES)}>")
        else:
            parts.append(rnd.choice(HTML_MARKS))
    return "".join(parts)


def _what_a_browser_runs(html: str) -> str | None:
    """An element or attribute that runs, loads or sends, in what the HTML
    standard's parser (html5lib) makes of ``html`` as a post's fragment."""
    fragment = html5lib.parseFragment(html, container="div", namespaceHTMLElements=False)
    for element in fragment.iter():
        if not isinstance(element.tag, str):
            continue  # (a comment)
        tag = element.tag.rpartition("}")[2]  # (SVG's and MathML's are named with theirs)
        if (why := privacy.tag_problem(tag)) and "is not an element" not in why:
            return why  # (an element of no known name runs nothing)
        for name, value in element.attrib.items():
            name = name if isinstance(name, str) else name[1]  # (a foreign element's)
            if why := privacy.attribute_problem(tag, name, value or ""):
                return why
    return None


@pytest.mark.parametrize("seed", range(4))
def test_raw_html_is_checked_as_a_browser_reads_it(seed):
    """Whatever a browser would run, load or send from a post's raw HTML, the
    checks name: random fragments, read by the HTML standard's parser and by
    the checks (Python's parser had read on past ``<!-->``, ``--!>`` and
    ``<![CDATA[ x >``, which a browser ends at once: what followed went
    unchecked)."""
    rnd = random.Random(seed)
    for number in range(1500):
        html = _random_html(rnd)
        if runs := _what_a_browser_runs(html):
            assert privacy.problems_in(html), (seed, number, html, runs)


SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'
# case -> (what the post's SVG picture holds, the error)
SVG_ACTIVE = {
    "script": ("<script>alert(1)</script>", "<script> runs code"),
    "handler": ('<rect onclick="alert(1)"/>', "<rect onclick> runs code"),
    "load-handler": ('<g onload="alert(1)"/>', "<g onload> runs code"),
    "link": ('<a xlink:href="javascript:alert(1)"><text>x</text></a>', "javascript:"),
    "animated-link": (
        '<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>',
        "javascript:",
    ),
    "tracker": ('<image href="https://tracker.example/p.gif"/>', "from another host"),
    "html-inside": ("<foreignObject><p>x</p></foreignObject>", "<foreignObject> runs code"),
    "style": ("<style>@import url(https://t.example/x.css);</style>", "<style> may load"),
    # (in an entity the drawing declares, which a browser's XML parser expands)
    "entity": ("&run;", "<script> runs code"),
    "entity-address": ('<a href="&to;"><text>x</text></a>', "javascript:"),
}
#: A case's declarations before the drawing.
SVG_DOCTYPES = {
    "entity": '<!DOCTYPE svg [<!ENTITY run "<script>alert(1)</script>">]>\n',
    "entity-address": '<!DOCTYPE svg [<!ENTITY to "javascript:alert(1)">]>\n',
}


@pytest.mark.parametrize("case", sorted(SVG_ACTIVE))
def test_an_svg_picture_that_runs_or_loads_elsewhere_fails_at_its_line(tmp_path, capfd, case):
    """A post's SVG picture is copied into the site as it is, and one who opens
    it by itself (its address, "open image in new tab") opens it as a page of
    the site's, with no policy: its script runs, its pictures load from
    other hosts.  Such a picture is an error at the post's line."""
    inside, message = SVG_ACTIVE[case]
    extra = {
        "posts/2010/drawn.md": post(body="![A diagram](drawn.svg)", title="Drawn"),
        "posts/2010/drawn.svg": SVG_DOCTYPES.get(case, "") + SVG.format(inside),
        # and the same drawing offered as a file: a browser opens it, as a page
        "posts/2010/offered.md": post(body="{download}`The diagram <drawn.svg>`", title="Offer"),
    }
    status, err, _ = build_with(tmp_path, capfd, extra=extra)
    assert status != 0
    offered = rf"posts/2010/offered\.md:9: ERROR: download: 'drawn.svg': .*{re.escape(message)}"
    assert re.search(offered, err), err
    assert re.search(
        rf"posts/2010/drawn\.md:9: ERROR: picture: 'drawn.svg': .*{re.escape(message)}", err
    ), err


def test_an_svg_picture_the_site_publishes_as_it_is_is_checked(tmp_path, capfd):
    """An SVG picture in the site's static folder, shown by a post's raw HTML
    (or linked to, or by a template), was published unchecked: opened by
    itself, its script ran as a page of the site's.  An error naming the
    picture's file and line; a drawing alone is published."""
    drawing = SVG.format(
        '<rect width="10" height="10"/>\n<a href="javascript:x"><text>x</text></a>'
    )
    shown = '<img src="../../_static/drawn.svg" alt="A diagram"> <img src="../../_static/ok.svg">'
    extra = {
        "posts/2010/shown.md": post(body=shown, title="Shown"),
        "_static/drawn.svg": drawing,
        "_static/ok.svg": SVG.format('<rect width="10" height="10"/>'),
        "conf.py": (ROOT / "conf.py").read_text(encoding="utf-8")
        + "html_static_path.append('_static')\n",
    }
    status, err, _ = build_with(tmp_path, capfd, extra=extra)
    assert status != 0
    err = re.sub(r"\x1b\[[0-9;]*m", "", err)  # (CI's colours)
    assert re.search(
        r"(?m)^_static/drawn\.svg:2: ERROR: picture: <a href> holds a javascript:", err
    ), err
    assert "ok.svg" not in err and "shown.md" not in err, err


def test_an_svg_picture_that_only_draws_is_shown(tmp_path, capfd):
    drawing = '<rect width="10" height="10" style="fill: red"/><a href="https://example.org/"><text>x</text></a>'
    extra = {
        "posts/2010/drawn.md": post(body="![A diagram](drawn.svg)", title="Drawn"),
        "posts/2010/drawn.svg": SVG.format(drawing),
    }
    status, err, site = build_with(tmp_path, capfd, extra=extra)
    assert status == 0, err
    [picture] = site.page("posts/2010/drawn.html").select('article img[alt="A diagram"]')
    assert (site.root / "posts/2010" / picture["src"]).resolve().read_text(
        encoding="utf-8"
    ) == SVG.format(drawing)


def test_raw_html_that_reads_as_text_is_kept(tmp_path, capfd):
    """What reads as text stays as the author wrote it: an abbreviation, a
    coloured word, a table, a summary that opens, the site's own picture and a
    pasted one, a link to another site or a mail address."""
    body = (
        'The <abbr title="Local Authority">LA</abbr> said <span style="color: red">no</span>.\n\n'
        "<details><summary>More</summary>\n\nHidden words.\n\n</details>\n\n"
        "<!-- a note to myself,\nover two lines -->\n\n"
        "<address>Chris Mills, Birmingham</address>\n\n"
        '<table><tr><td colspan="2">One cell</td></tr></table>\n\n'
        '<img src="../../_static/ours.png" alt="ours"> '
        f'<img src="data:image/png;base64,{PIXEL}" alt="pasted">\n\n'
        '<a href="https://example.org/">a site</a> <a href="mailto:a@example.org">mail</a>\n\n'
        '<a href="../../index.html#x">home</a> <a href="#more">below</a> '
        '<a href="../../_static/ours.png?v=1">our picture</a> <a href="../../">the home page</a>\n'
    )
    extra = {"posts/2010/raw.md": post(body=body, title="Raw markup"), "_static/ours.png": b"png"}
    # this blog's _static/ beside the site's (a test root has the site's alone)
    settings = (ROOT / "conf.py").read_text(encoding="utf-8")
    extra["conf.py"] = settings + "html_static_path.append('_static')\n"
    status, err, site = build_with(tmp_path, capfd, extra=extra)
    assert status == 0, err
    page = site.page("posts/2010/raw.html")
    assert page.select_one('abbr[title="Local Authority"]').get_text() == "LA"
    assert page.select_one('span[style="color: red"]').get_text() == "no"
    assert page.select_one("details summary").get_text() == "More"
    assert page.select_one("article address").get_text() == "Chris Mills, Birmingham"
    assert "note to myself" not in page.select_one("article").get_text()  # a comment, closed
    assert page.select_one("td[colspan]").get_text() == "One cell"
    assert [img["alt"] for img in page.select("article img")] == ["ours", "pasted"]
    ours = site.root / "posts/2010" / page.select_one('article img[alt="ours"]')["src"]
    assert ours.resolve().read_bytes() == b"png"  # a file the site publishes
    hrefs = [a["href"] for a in page.select("article p a:not(.headerlink)")]
    assert hrefs == [
        *("https://example.org/", "mailto:a@example.org", "../../index.html#x", "#more"),
        *("../../_static/ours.png?v=1", "../../"),
    ]


def test_a_raw_link_to_a_post_taken_out_since_fails_the_next_build(tmp_path, capfd):
    """A raw link is checked on every build, not only when its post is read:
    the post it led to taken out, the next (incremental) build fails at the
    link's line, and the site published before stays."""
    extra = {
        "posts/2010/linking.md": post(body='See <a href="linked.html">that</a>.', title="Linking"),
        "posts/2010/linked.md": post(title="Linked"),
    }
    status, err, site = build_with(tmp_path, capfd, extra=extra)
    assert status == 0, err
    assert site.page("posts/2010/linking.html").select_one('article a[href="linked.html"]')
    (tmp_path / "blog/posts/2010/linked.md").unlink()
    assert build(tmp_path / "blog", tmp_path / "blog/_build/html") != 0
    _, err = capfd.readouterr()
    assert re.search(r"posts/2010/linking\.md:9: ERROR: html: <a> links to 'linked.html'", err), err
    assert site.path("posts/2010/linked.html").exists()  # the last good site


def test_front_matter_changes_no_setting_of_mysts_even_in_a_preview(tmp_path):
    """MyST reads its own settings from a post's front matter: ``html_meta``
    put a refresh to another site in the page's head, ``myst:`` turned on
    substitutions that put a script in its text.  The build warns that such
    keys are unknown and "ignored", which failed it, but the preview's build
    goes on past warnings (``blog serve``, as here: ``-W --keep-going``) and
    its page sent the author to the other site.  Now they are ignored."""
    blog = tmp_path / "blog"
    shutil.copytree(ROOT, blog, ignore=shutil.ignore_patterns("cases"))
    front = (
        'html_meta:\n  "http-equiv=refresh": "0;url=https://evil.example/"\n'
        'myst:\n  html_meta:\n    "http-equiv=refresh": "0;url=https://evil.example/"\n'
        '  enable_extensions: ["substitution"]\n'
        '  substitutions:\n    evil: "Substituted"\n'
    )
    (blog / "posts/2010/settings.md").write_text(post("Text {{evil}}.", front), encoding="utf-8")
    out = tmp_path / "preview"
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q"]
    env = {**os.environ, "BLOG_REPO": str(REPO)}
    command += [str(blog), str(out)]
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    assert result.returncode != 0  # the warnings stand
    assert "settings.md:3: WARNING: html_meta: unknown front-matter key (ignored)" in result.stderr
    assert "settings.md:5: WARNING: myst: unknown front-matter key (ignored)" in result.stderr
    page = BeautifulSoup((out / "posts/2010/settings.html").read_bytes(), "html.parser")
    assert not page.select('meta[http-equiv="refresh"]')
    assert "Text {{evil}}." in page.select_one("article").get_text()


def test_an_author_named_in_markup_is_text_not_an_error(tmp_path, capfd):
    """MyST reads front matter's ``author`` as Markdown, into a part of the
    document Sphinx takes out as metadata: its markup never reaches a page
    (the templates show the name as text), and is no error of raw HTML."""
    name = "<img src=x onerror=alert(4)>"
    text = post(front=f"author: '{name}'\n", title="Named")
    status, err, site = build_with(tmp_path, capfd, extra={"posts/2010/named.md": text})
    assert status == 0, err
    page = site.page("posts/2010/named.html")
    assert not page.select("[onerror]")
    assert page.select_one('meta[property="article:author"]')["content"] == name


def test_a_feed_carries_nothing_a_page_would_not_load(tmp_path, capfd):
    """A Markdown picture from another host (``blog import --no-media`` leaves
    the old blog's there) is stopped on the page by its policy; a feed reader
    has no such policy, and the feed's entry had it as a picture a tracker
    could count.  The entry keeps the text, links and the site's own and
    pasted pictures; another host's picture is its words."""
    body = (
        "A [link](https://example.org/).\n\n"
        "![ours](/_static/ours.png)\n\n"
        "![a tracker](https://tracker.example/raw.gif)\n\n"
        f"![pasted](data:image/png;base64,{PIXEL})\n"
    )
    extra = {"posts/2010/raw.md": post(body=body, title="Raw markup"), "_static/ours.png": b"png"}
    status, err, site = build_with(tmp_path, capfd, extra=extra)
    assert status == 0, err
    # As written, not as feedparser (which cleans what it reads) would give it.
    atom = "{http://www.w3.org/2005/Atom}"
    feed = etree.parse(str(site.path("blog/atom.xml")))
    [entry] = [e for e in feed.iter(f"{atom}entry") if e.findtext(f"{atom}title") == "Raw markup"]
    content = BeautifulSoup(entry.findtext(f"{atom}content"), "html.parser")
    link = entry.find(f"{atom}link").get("href")
    assert [a["href"] for a in content.select("a[href]")] == ["https://example.org/"]
    ours, pasted = content.select("img")
    assert pasted["src"] == f"data:image/png;base64,{PIXEL}"  # a pasted picture stays
    assert urlsplit(ours["src"]).netloc == urlsplit(link).netloc
    assert ours["src"].endswith("/_images/ours.png")
    assert "a tracker" in content.get_text()  # the tracker's picture: its words alone


def test_a_tag_too_long_for_a_folder_name_still_has_its_page(tmp_path, capfd):
    """A 300-character tag named a folder longer than a file system allows: the
    build crashed with a traceback.  Its folder is cut at a word."""
    tag = "safeguarding " * 30
    extra = {"posts/2010/long-tag.md": post(front=f"tags: [{tag.strip()!r}]\n", title="Long tag")}
    status, err, site = build_with(tmp_path, capfd, extra=extra)
    assert status == 0, err
    [link] = site.page("posts/2010/long-tag.html").select("a.post-tag")
    page = site.page(urljoin("posts/2010/long-tag.html", link["href"]))
    assert page.select_one("h1").get_text().endswith(tag.strip())


@pytest.mark.parametrize("link", ["file", "folder"])
def test_a_static_file_linked_out_of_the_repository_is_not_published(tmp_path, capfd, link):
    """Sphinx copies static files following links: _static/passwd.txt, a link
    to /etc/passwd (or _static/etc, to /etc), published the file (the
    folder).  Such a link fails the build, naming it, before anything is copied."""
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("not for the web", encoding="utf-8")
    extra = tmp_path / "blog/_extra_static"
    extra.mkdir(parents=True)
    (extra / "ours.txt").write_text("ours", encoding="utf-8")
    target, name = (secret, "secret.txt") if link == "file" else (secret.parent, "outside")
    os.symlink(target, extra / name)
    conf = (REPO / "tests/roots/test-bad-input/conf.py").read_text(encoding="utf-8")
    conf += "\nhtml_static_path = [*html_static_path, '_extra_static']\n"
    status, err, _ = build_with(tmp_path, capfd, extra={"conf.py": conf})
    assert status != 0
    expected = f"_extra_static/{name}:1: ERROR: file: is a link to {target}, outside the repository"
    assert expected in err, err
    copies = [p for p in (tmp_path / "blog/_build").rglob("*") if p.name == "secret.txt"]
    assert copies == []


def test_a_sites_icon_linked_out_of_the_repository_is_not_published(tmp_path, capfd):
    """The site's icon (``html_favicon``), copied by Sphinx into _static/ and
    by the build to /favicon.ico, following a link: an icon that is a link to
    a file outside the repository published that file twice.  Such a link
    fails the build, naming it, and nothing of the file is copied."""
    secret = tmp_path / "outside" / "secret.ico"
    secret.parent.mkdir()
    secret.write_bytes(b"not for the web")
    (tmp_path / "blog").mkdir()
    os.symlink(secret, tmp_path / "blog/icon.ico")
    conf = (REPO / "tests/roots/test-bad-input/conf.py").read_text(encoding="utf-8")
    conf += "\nhtml_favicon = 'icon.ico'\n"
    status, err, _ = build_with(tmp_path, capfd, extra={"conf.py": conf})
    assert status != 0
    assert f"icon.ico:1: ERROR: file: is a link to {secret}, outside the repository" in err, err
    copies = [p for p in (tmp_path / "blog/_build").rglob("*") if p.is_file()]
    assert [p for p in copies if p.read_bytes() == b"not for the web"] == []


def test_a_comments_file_linked_out_of_the_repository_is_not_read(tmp_path, capfd):
    """A post's comments file (posts/<year>/<slug>.comments.yaml) was read
    wherever a link led, and what it held shown under the post."""
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(
        "- {id: '1', author: Someone, date: '2010-07-02T10:00:00+00:00', html: Private words}\n",
        encoding="utf-8",
    )
    (tmp_path / "blog/posts/2010").mkdir(parents=True)
    os.symlink(outside, tmp_path / "blog/posts/2010/talked-about.comments.yaml")
    extra = {"posts/2010/talked-about.md": post(front="comments: 1\n", title="Talked about")}
    status, err, _ = build_with(tmp_path, capfd, extra=extra)
    assert status != 0
    assert "talked-about.comments.yaml:1: ERROR: comments: is a link to" in err, err
    work = tmp_path / "blog/_build/html.work/posts/2010/talked-about.html"
    assert not work.exists() or "Private words" not in work.read_text(encoding="utf-8")


def aliased(depth: int, indent: str = "") -> str:
    """YAML of ``depth`` lines, each a list of nine of the line before: 9**depth
    items when read, from a few hundred bytes ("billion laughs")."""
    lines = [f"{indent}a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"{indent}a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, depth + 1)]
    return "\n".join(lines) + "\n"


def test_a_comments_file_of_yaml_aliases_is_refused_not_expanded(tmp_path, capfd):
    """A comment's text made of YAML's aliases, nine lists of nine nine levels
    deep (387 million items from 700 bytes), was made text whole: the build
    grew past 2.6 GB and died.  The files read beside posts hold plain
    values: an alias is an error naming the file and its line (here 531,441
    items, which the old build took in and published as one comment's words)."""
    comments = '- id: "c1"\n  date: "2010-07-03T10:00:00+01:00"\n  author: A\n'
    comments += aliased(6, indent="  ") + "  html: *a6\n"
    status, err, _ = build_with(tmp_path, capfd, extra={"posts/2010/good.comments.yaml": comments})
    assert status != 0
    expected = r"good\.comments\.yaml:5: ERROR: comments: cannot be read: an alias \(\*a0\)"
    assert re.search(expected, err), err


def test_a_comments_field_that_is_not_text_is_named(tmp_path, capfd):
    """A list where a comment's text belongs was made text (its repr shown as
    the comment): now an error naming the file, the comment and the field."""
    comments = '- id: "c1"\n  date: "2010-07-03T10:00:00+01:00"\n  html: [one, two]\n'
    status, err, _ = build_with(tmp_path, capfd, extra={"posts/2010/good.comments.yaml": comments})
    assert status != 0
    expected = r"ERROR: comments: .*good\.comments\.yaml: a comment \('c1'\) whose html is not text"
    assert re.search(expected, err), err


def test_a_comment_of_no_kind_the_archive_knows_is_named(tmp_path, capfd):
    """A comments file's entry is a comment, a pingback or a trackback (each
    shown so); another kind, a hand's slip or a script's markup, is an error
    naming the file and the comment, which is shown as a comment, not as
    its kind's words."""
    comments = '- id: "c1"\n  date: "2010-07-03T10:00:00+01:00"\n  html: Hello.\n'
    comments += '  kind: "<script>alert(1)</script>"\n'
    status, err, _ = build_with(tmp_path, capfd, extra={"posts/2010/good.comments.yaml": comments})
    assert status != 0
    expected = r"ERROR: comments: .*good\.comments\.yaml: a comment \('c1'\) of kind '<script>"
    assert re.search(expected, err), err


def test_a_comment_dated_at_the_calendars_end_is_named(tmp_path, capfd):
    """A comment dated ``0001-01-01T00:00:00+14:00`` (its day, moved to the
    blog's timezone, before the first Python knows) stopped the build with
    a traceback: an error naming the file now, as any date that cannot be
    read."""
    comments = '- id: "c1"\n  date: "0001-01-01T00:00:00+14:00"\n  html: Early.\n'
    comments += '- id: "c2"\n  date: "2010-07-03T10:00:00+01:00"\n  html: In time.\n'
    status, err, _ = build_with(tmp_path, capfd, extra={"posts/2010/good.comments.yaml": comments})
    assert status != 0
    expected = r"ERROR: comments: .*good\.comments\.yaml: a comment without id or date: date value"
    assert re.search(expected, err), err


def test_front_matter_of_yaml_aliases_is_named_not_expanded(tmp_path, capfd):
    """A value of front matter made of YAML's aliases was put whole into its
    error: eight levels (43 million items from 12 lines) took the build to
    1.3 GB and wrote hundreds of MB of message.  The message shows a line's
    worth of it."""
    text = post(front=aliased(5) + "tags: *a5\n")
    status, err, _ = build_with(tmp_path, capfd, extra={"posts/2010/aliased.md": text})
    assert status != 0
    [line] = [x for x in err.splitlines() if "ERROR: tags: expected text, got list: [" in x]
    assert f"{tmp_path / 'blog/posts/2010/aliased.md'}:9: ERROR: tags:" in line  # (coloured in CI)
    assert len(line) < 300


def test_a_page_linked_out_of_the_repository_is_not_read(tmp_path, capfd):
    """Posts linked out of the repository were refused; any other document
    (a page in pages/, a file at the top) was read and published."""
    outside = tmp_path / "outside.md"
    outside.write_text("---\norphan: true\n---\n# Outside\n\nNot for the web.\n", encoding="utf-8")
    (tmp_path / "blog/pages").mkdir(parents=True)
    os.symlink(outside, tmp_path / "blog/pages/leak.md")
    status, err, _ = build_with(tmp_path, capfd)
    assert status != 0
    assert "pages/leak.md:1: ERROR: file: is a link to" in err, err
    leaked = [
        p for p in (tmp_path / "blog/_build").rglob("*.html") if "Not for the web" in p.read_text()
    ]
    assert leaked == []


def test_math_is_mathml_loading_nothing_and_running_nothing(tmp_path, capfd):
    """A post's math is MathML written at build time.  Sphinx's MathJax is a
    script from cdn.jsdelivr.net, another host (which the pages' policy then
    blocked: the math showed as its LaTeX).  What a formula holds is kept by
    allowlist: latex2mathml writes a \\text{} as it is, \\href as a link."""
    body = (
        "Euler: {math}`e^{i\\pi}+1=0`.\n\n"
        "```{math}\n:label: area\n\\pi r^2\n```\n\n"
        "Hostile: {math}`\\text{<script>alert(1)</script>}` and"
        " {math}`\\href{javascript:alert(2)}{x}`.\n"
    )
    status, err, site = build_with(tmp_path, capfd, extra={"posts/2010/maths.md": post(body)})
    assert status == 0, err
    page = site.page("posts/2010/maths.html")
    for script in page.find_all("script", src=True):
        assert "//" not in script["src"], script["src"]  # the site's own scripts alone
    formulas = page.select("article math")
    assert len(formulas) == 4 and formulas[1]["display"] == "block"
    assert formulas[0].find("msup") and formulas[1].find_parent("div", class_="math")
    assert page.select_one("article .eqno").get_text().startswith("(1)")
    assert not page.select("article math script, article math [href]")
    assert "alert(1)" in formulas[2].get_text()
    ids = [tag["id"] for tag in page.select("[id]")]
    assert len(ids) == len(set(ids))
