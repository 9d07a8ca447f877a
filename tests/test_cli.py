"""The author's command line, `blog` (issue 3): new, import text, check.

Importing the Blogger page saved as text must give back the posts in posts/,
character for character; a second import changes nothing; an edited post is
never overwritten without --force; bad input is named by file, line and field.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from blogarchive.build import build
from blogarchive.cli import main

from blogsite import REPO, SEEDS, built, new_blog

SEED = SEEDS / "000_2ed50744c0336e87.txt"


def split_post(path: Path) -> tuple[dict, str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


@pytest.fixture
def in_repo(monkeypatch):
    monkeypatch.chdir(REPO)


def blog(capsys, *argv) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


#: A post another links to, and the post that links (``blog check``'s tests).
FIRST = {"posts/2009/first.md": "---\ndate: 2009-07-01\n---\n\n# First\n"}
POST_A = "posts/2010/a.md"


def check_files(tmp_path, monkeypatch, capsys, files: dict[str, str]) -> tuple[int, str, str]:
    """``blog check`` in ``tmp_path``, with ``files`` (path -> text) written there."""
    for name, written in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(written)
    monkeypatch.chdir(tmp_path)
    return blog(capsys, "check")


def test_import_text_reproduces_the_posts(in_repo, capsys, tmp_path):
    status, out, _ = blog(capsys, "import", "text", SEED, "--posts-dir", tmp_path)
    assert status == 0
    assert out.count("written") == 6  # five lines and the summary
    imported = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.md"))
    ours = sorted(p.relative_to(REPO / "posts") for p in (REPO / "posts").rglob("*.md"))
    assert imported == ours
    for rel in ours:
        front, body = split_post(tmp_path / rel)
        our_front, our_body = split_post(REPO / "posts" / rel)
        assert body == our_body, rel
        assert (front["date"], front.get("sequence")) == (
            our_front["date"],
            our_front.get("sequence"),
        )
        assert front["author"] == our_front["author"]


def test_second_import_changes_nothing(in_repo, capsys, tmp_path):
    blog(capsys, "import", "text", SEED, "--posts-dir", tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.md")}
    status, out, _ = blog(capsys, "import", "text", SEED, "--posts-dir", tmp_path)
    assert status == 0 and "nothing changed" in out and out.count("unchanged") == 6
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.md")} == before


def test_edited_post_is_kept_unless_forced(in_repo, capsys, tmp_path):
    blog(capsys, "import", "text", SEED, "--posts-dir", tmp_path)
    post = tmp_path / "2010" / "birmingham-blues.md"
    edited = post.read_text(encoding="utf-8").replace("tags", "tags") + "\nA note added later.\n"
    post.write_text(edited, encoding="utf-8")
    _, out, _ = blog(capsys, "import", "text", SEED, "--posts-dir", tmp_path)
    assert re.search(r"skipped\s+\S*birmingham-blues.md\s+\(edited since import", out)
    assert post.read_text(encoding="utf-8") == edited
    _, out, _ = blog(capsys, "import", "text", SEED, "--posts-dir", tmp_path, "--force")
    assert re.search(r"updated\s+\S*birmingham-blues.md", out)
    assert "A note added later." not in post.read_text(encoding="utf-8")


def test_import_never_overwrites_a_post_it_did_not_write(in_repo, capsys, tmp_path):
    (tmp_path / "2010").mkdir()
    mine = tmp_path / "2010" / "birmingham-blues.md"
    mine.write_text("---\ndate: 2010-07-21\n---\n\n# Birmingham Blues\n\nMine.\n")
    _, out, _ = blog(capsys, "import", "text", SEED, "--posts-dir", tmp_path)
    assert "not written by an import" in out
    assert mine.read_text().endswith("Mine.\n")


@pytest.mark.parametrize(
    "text,line,message",
    [
        ("", 1, "empty file"),
        ("The Khyra Ishaq Serious Case Review\n\nText.\n", 1, "expected a date heading"),
        ("Tuesday, 31 February 2010\n\nA title\n\nSome text here.\n", 1, "impossible date"),
        ("Tuesday, 27 July 2010\n\nA title alone\n", 3, "has no text"),
    ],
)
def test_malformed_page_is_named_and_nothing_written(
    in_repo, capsys, tmp_path, text, line, message
):
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    out_dir = tmp_path / "posts"
    status, _, err = blog(capsys, "import", "text", page, "--posts-dir", out_dir)
    assert status == 1
    assert f"{page}:{line}: " in err and message in err
    assert not out_dir.exists()


def test_new_writes_complete_front_matter_and_refuses_to_overwrite(in_repo, capsys, tmp_path):
    status, out, _ = blog(
        capsys, "new", "Munro's final report: 15 recommendations", "--tags", "Munro Review, policy",
        "--category", "Policy", "--date", "2011-05-10T09:30:00+01:00", "--posts-dir", tmp_path,
    )  # fmt: skip
    assert status == 0
    path = Path(out.strip())
    assert path == tmp_path / "2011" / "munros-final-report-15-recommendations.md"
    front, body = split_post(path)
    assert front["date"].isoformat() == "2011-05-10T09:30:00+01:00"
    assert front["tags"] == ["Munro Review", "policy"]
    assert front["category"] == "Policy" and front["author"] == "Chris Mills"
    assert body.strip() == "# Munro's final report: 15 recommendations"
    status, _, _ = blog(capsys, "check", path)
    assert status == 0
    status, _, err = blog(capsys, "new", "Munro's final report: 15 recommendations",
                          "--date", "2011-05-10T10:00", "--posts-dir", tmp_path)  # fmt: skip
    assert status == 1 and "exists" in err


@pytest.mark.parametrize(
    ("option", "value", "key"),
    [
        ("--author", "Smith: J", "author"),
        ("--category", "Policy #2", "category"),
        ("--category", "[not a list]", "category"),
        ("--author", "'quoted' & \"double\"", "author"),
    ],
)
def test_new_writes_any_text_as_valid_yaml(in_repo, capsys, tmp_path, option, value, key):
    """`blog new` writes front matter with the importers' YAML writer (issue 11)."""
    status, out, _ = blog(capsys, "new", "Awkward", option, value, "--posts-dir", tmp_path)
    assert status == 0
    front, _ = split_post(Path(out.strip()))
    assert front[key] == value
    status, _, _ = blog(capsys, "check", out.strip())
    assert status == 0


@pytest.mark.parametrize("title", ["#", "Page #", "Why ### matters ###", "C#"])
def test_new_keeps_a_titles_closing_hashes(in_repo, capsys, tmp_path, title):
    """A title ending in "#" lost it (Markdown's closing sequence of a
    heading); a title of "#" alone was a heading of no text, refused."""
    status, out, _ = blog(capsys, "new", title, "--date", "2011-05-10", "--posts-dir", tmp_path)
    assert status == 0
    status, _, err = blog(capsys, "check", out.strip())
    assert status == 0, err
    heading = MarkdownIt().parse(split_post(Path(out.strip()))[1])[1].children
    assert "".join(token.content for token in heading) == title


def test_check_names_a_post_the_build_would_never_read(tmp_path, monkeypatch, capsys):
    """`blog check` looked at posts/*/*.md alone: a post named .markdown, or
    one straight in posts/, passed it and was never published."""
    text = "---\ndate: 2010-07-05\n---\n\n# Stray\n\nText.\n"
    for name in ("posts/2010/good.md", "posts/2010/long.markdown", "posts/loose.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, out, err = blog(capsys, "check")
    assert status == 1
    assert out.splitlines() == [
        f"{Path('posts/2010/long.markdown')}:1: file: never published: a post's or page's"
        " file ends in '.md', not '.markdown'",
        f"{Path('posts/loose.md')}:1: file: never published: a post is posts/<year>/<name>.md",
    ]
    assert "1 posts checked, 2 problems" in err


def test_check_names_a_file_beside_the_posts_that_cannot_be_read(tmp_path, monkeypatch, capsys):
    """`blog check` read posts alone: a comments file, a post's media.yaml or
    links.yaml that a merge left its markers in (or one of YAML's aliases)
    passed it, and failed the build.  It names each, at its line."""
    (tmp_path / "posts/2010/a").mkdir(parents=True)
    (tmp_path / "posts/2010/a.md").write_text("---\ndate: 2010-07-01\n---\n\n# A\n\nText.\n")
    (tmp_path / "posts/2010/a.comments.yaml").write_text(
        "- id: 1\n  html: &t x\n- id: 2\n  html: *t\n"
    )
    (tmp_path / "posts/2010/a/media.yaml").write_text(
        "a.png: https://x.example/a.png\n<<<<<<< HEAD\n"
    )
    (tmp_path / "links.yaml").write_text("links: [unclosed\n")
    monkeypatch.chdir(tmp_path)
    status, out, err = blog(capsys, "check")
    assert status == 1
    links, *rest = out.splitlines()  # (the parser's words: libyaml's or PyYAML's own)
    assert links.startswith(f"{Path('links.yaml')}:1: links: cannot be read: while parsing a")
    assert rest == [
        f"{Path('posts/2010/a.comments.yaml')}:4: comments: cannot be read: an alias (*t):"
        " these files hold plain values",
        f"{Path('posts/2010/a/media.yaml')}:2: media: cannot be read: a merge left its"
        " markers in it (<<<<<<<, =======, >>>>>>>)",
    ]
    assert "1 posts checked, 3 problems" in err


@pytest.mark.parametrize("title", ["", "   ", "\u200b"])
def test_new_refuses_a_title_that_shows_nothing(in_repo, capsys, tmp_path, title):
    """`blog new ""` wrote a post whose heading was empty, which `blog check`
    and the build then refused; it writes nothing and says why."""
    status, out, err = blog(capsys, "new", title, "--posts-dir", tmp_path)
    assert status == 2 and out == ""
    assert err == f"blog new: the title {title!r} shows no text\n"
    assert not list(tmp_path.rglob("*.md"))


@pytest.mark.parametrize("command", [["check"], ["new", "A title"], ["links"]])
def test_a_conf_py_that_fails_is_named_with_its_line(capsys, tmp_path, monkeypatch, command):
    """A settings file that fails (a name not defined, an environment variable
    not set) ended every command in a traceback; it is named, with its line."""
    (tmp_path / "conf.py").write_text(
        'project = "A blog"\nimport os\nauthor = os.environ["NO_SUCH_VARIABLE"]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    status, out, err = blog(capsys, *command)
    assert status == 1 and "Traceback" not in out + err
    assert f"blog: {tmp_path / 'conf.py'}:3: cannot be read: KeyError: 'NO_SUCH_VARIABLE'" in err
    (tmp_path / "conf.py").write_text('project = "A blog"\n\nauthor = (\n', encoding="utf-8")
    status, _, err = blog(capsys, *command)
    assert status == 1 and f"blog: {tmp_path / 'conf.py'}:3: cannot be read: SyntaxError" in err


def test_new_dates_now_with_an_offset(in_repo, capsys, tmp_path):
    _, out, _ = blog(capsys, "new", "Today", "--posts-dir", tmp_path)
    front, _ = split_post(Path(out.strip()))
    assert front["date"].tzinfo is not None


BAD_POSTS = {
    "yaml.md": ("---\ndate: 2010-07-01\ntags: [a, b\n---\n\n# T\n\nx\n", 3, "front matter"),
    "impossible.md": ("---\nauthor: A\ndate: 2010-02-30\n---\n\n# T\n\nx\n", 3, "date"),
    "category.md": ("---\ndate: 2010-07-01\ncategory: [a, {b: c}]\n---\n\n# T\n", 3, "category"),
    "heading.md": ("---\ndate: 2010-07-01\n---\n\nNo heading.\n", 5, "title"),
    "empty.md": ("", 1, "file"),
    "unknown.md": ("---\ndate: 2010-07-01\nmood: happy\n---\n\n# T\n\nx\n", 3, "mood"),
    "sequence.md": ("---\ndate: 2010-07-01\nsequence: first\n---\n\n# T\n", 3, "sequence"),
    "place.md": ("---\ndate: 2010-07-01\nlocation: {city: Leeds}\n---\n\n# T\n", 3, "location"),
    "twice.md": ("---\ndate: 2010-07-01\ntags: [a]\ntags: [b]\n---\n\n# T\n", 4, "tags"),
    "control.md": ("---\ndate: 2010-07-01\n---\n\n# T\n\nA\x0cpage break.\n", 7, "text"),
}


def test_check_names_file_line_and_field(in_repo, capsys, tmp_path):
    for name, (text, _, _) in BAD_POSTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "latin1.md").write_bytes(
        "---\ndate: 2010-07-01\n---\n\n# Caf\xe9\n".encode("latin-1")
    )
    status, out, _ = blog(capsys, "check", tmp_path)
    assert status == 1
    lines = out.splitlines()
    for name, (_, line, field) in BAD_POSTS.items():
        assert any(x.startswith(f"{tmp_path / name}:{line}: {field}: ") for x in lines), name
    assert any(x.startswith(f"{tmp_path / 'latin1.md'}:5: encoding: not UTF-8") for x in lines)


def test_check_passes_the_real_posts(in_repo, capsys):
    status, out, err = blog(capsys, "check")
    assert status == 0 and out == "" and "5 posts checked, 0 problems" in err


def test_check_reads_the_pages_too(tmp_path, monkeypatch, capsys):
    """An imported blog's pages (pages/*.md) have front matter as posts do:
    `blog check` with no paths left them out, so a bad old address in one
    was found only by the build."""
    (tmp_path / "posts/2010").mkdir(parents=True)
    (tmp_path / "posts/2010/a.md").write_text("---\ndate: 2010-07-01\n---\n\n# A\n\nText.\n")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages/about.md").write_text("---\nredirect: /../about.html\n---\n\n# About\n")
    monkeypatch.chdir(tmp_path)
    status, out, err = blog(capsys, "check")
    assert status == 1
    assert out.startswith(f"{Path('pages/about.md')}:2: redirect: ")
    assert "2 posts checked, 1 problems" in err


def test_check_names_a_pages_parent_that_is_no_page(tmp_path, monkeypatch, capsys):
    """``parent:`` (the sidebar lists the page under that page) naming no
    page, or on a post, as the build names it; a page's own parent is fine."""
    (tmp_path / "posts/2010").mkdir(parents=True)
    post = "---\ndate: 2010-07-01\nparent: about\n---\n\n# A\n\nText.\n"
    (tmp_path / "posts/2010/a.md").write_text(post)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages/about.md").write_text("---\norphan: true\n---\n\n# About\n")
    (tmp_path / "pages/team.md").write_text("---\nparent: about\n---\n\n# Team\n")
    (tmp_path / "pages/press.md").write_text("---\norder: 2\nparent: contact\n---\n\n# Press\n")
    (tmp_path / "pages/odd.md").write_text("---\nparent: ../../etc/passwd\n---\n\n# Odd\n")
    monkeypatch.chdir(tmp_path)
    status, out, err = blog(capsys, "check")
    assert status == 1
    assert sorted(out.splitlines()) == [
        f"{Path('pages/odd.md')}:2: parent: expected the name of a page's file in pages/"
        " ('about'), got '../../etc/passwd'",
        f"{Path('pages/press.md')}:3: parent: names no page: pages/contact.md",
        f"{Path('posts/2010/a.md')}:3: parent: a post has none: only pages are listed so",
    ], out
    assert "5 posts checked, 3 problems" in err


def test_check_names_pages_listed_under_each_other(tmp_path, monkeypatch, capsys):
    """Pages whose parents lead back to themselves failed the build and
    passed `blog check`; it names each of them at its parent: line, in the
    build's words.  A page under such a loop, or under a draft in one, is
    not in it."""
    (tmp_path / "posts/2010").mkdir(parents=True)
    (tmp_path / "pages").mkdir()
    pages = {
        "a": "parent: b",
        "b": "order: 2\nparent: c",
        "c": "parent: a",
        "under": "parent: a",  # under the loop, not in it
        "d": "parent: e",
        "e": "draft: true\nparent: d",  # a draft: d stands at the top
        "self": "parent: self",
    }
    for name, front in pages.items():
        (tmp_path / f"pages/{name}.md").write_text(f"---\n{front}\n---\n\n# {name}\n")
    monkeypatch.chdir(tmp_path)
    status, out, err = blog(capsys, "check")
    assert status == 1
    assert sorted(out.splitlines()) == [
        f"{Path('pages/a.md')}:2: parent: pages/b.md is listed under this page",
        f"{Path('pages/b.md')}:3: parent: pages/c.md is listed under this page",
        f"{Path('pages/c.md')}:2: parent: pages/a.md is listed under this page",
        f"{Path('pages/self.md')}:2: parent: pages/self.md is listed under this page",
    ], out
    assert "7 posts checked, 4 problems" in err


def test_check_names_a_link_to_a_posts_file_that_is_not_there(tmp_path, monkeypatch, capsys):
    """A mistyped link to another post's file failed the build and passed
    `blog check`; it says so now, in the build's words.  A link to a file
    that is there, or to a page only the build knows (an archive's), passes."""
    text = (
        "---\ndate: 2010-07-01\ntags: Ofsted\n---\n\n# A\n\nAs [I wrote](../2009/first.md#why),"
        " not [this](../2009/frist.md) nor\n[that](<../2009/no such.md>); my"
        " [tags](/blog/tag/ofsted/), [the list](../../blog/index.html).\n"
        "From the root: [there](/posts/2009/first.md), [gone](/posts/2009/gone.md).\n"
    )
    status, out, err = check_files(tmp_path, monkeypatch, capsys, {**FIRST, POST_A: text})
    assert status == 1
    post = Path(POST_A)
    assert out.splitlines() == [
        f"{post}:{line}: link: to {where!r}, which is no page of the site's (a post's or page's"
        " file, a tag's, a month's or a year's page, or an old address the site answers)"
        for line, where in (
            (8, "../2009/frist.md"),
            (9, "../2009/no such.md"),
            (10, "/posts/2009/gone.md"),
        )
    ]
    assert "2 posts checked, 3 problems" in err


#: Links to the site's own pages, each on its line (``blog check``'s and the
#: build's): those it will have, then those it will not.
ANSWERED = [
    "/blog/tag/ofsted/",  # the tags, categories and authors of published posts
    "/blog/category/policy/",
    "/blog/author/chris-mills/",
    "/blog/tag/",
    "/blog/2010/",  # a year's and a month's pages
    "../../blog/2010/07/index.html",
    "/blog/",  # all posts, the feed, the search, the home page
    "/blog/atom.xml",
    "/blog/category/policy/atom.xml",  # a category's feed, an author's
    "/blog/author/chris-mills/atom.xml",
    "/search.html",
    "/index.html",
    "/search/label/Ofsted",  # the old blog's addresses the site answers
    "/tag/ofsted/",
    "/2010/07/",
    "/2009_07_01_archive.html",
    "/author/chris/",  # (by the login, wordpress_author)
    "/feed/",
    "/feed/atom/",  # (WordPress's feed in Atom: it was a 404 here)
    "/category/policy/feed/",  # WordPress's feeds of a category and an author
    "/author/chris/feed/",
    "/about-me/",  # a page's and a post's old address (redirect)
    "/2010/07/a.html",
    "../2009/first.html",  # a post and a page by their pages' addresses
    "/pages/about.html",
    "/feeds/77/comments/default",  # the feed of a page's comments (its blogger_id's number)
    "/feeds/posts/default",  # Blogger's feed addresses, files of no suffix
    "/feeds/comments/default",
    "/2010/07/01/a/feed/",  # WordPress's address of a post's feed of comments, the feed
    "/posts/2010/a.comments.xml",
    "/hello-world/feed/",  # (a page's)
]
NOT_ANSWERED = [
    "/blog/tag/secret/",  # a draft's tag
    "/blog/tag/later/",  # a tag of a post still to come
    "/blog/2010/08/",
    "/page/2/",  # (two posts: one page)
    "/author/nobody/",
    "/blog/tag/secret/atom.xml",  # a draft's tag's feed
    "/hidden-page/",  # a draft page's old address
    "/feeds/78/comments/default",  # a draft page's feed of comments
    "/hidden-page/feed/",  # (WordPress's address of it)
    "/2010/07/a.html/feed/",  # an old address of no folder had its feed at none
    "/nowhere.html",
    "../../../outside.html",
]


def test_check_names_a_link_to_a_page_the_site_will_not_have(tmp_path, monkeypatch, capsys):
    """A link to an archive's page (a tag's, a month's) or an old address
    the site will not have failed the build and passed `blog check`, which
    could not know the site's pages; it names each now, as the build does:
    the same links, at the same lines, in the same words."""
    root = new_blog(tmp_path / "blog")
    links = "\n".join(f"[link {n}]({address})" for n, address in enumerate(ANSWERED + NOT_ANSWERED))
    files = {
        **FIRST,
        POST_A: "---\ndate: 2010-07-01\ntags: Ofsted\ncategory: Policy\nauthor: Chris Mills\n"
        "wordpress_author: chris\nredirect: [/2010/07/a.html, /2010/07/01/a/]\n"
        f"wordpress_url: https://old.example/2010/07/01/a/\n---\n\n# A\n\n{links}\n",
        "posts/2010/draft.md": "---\ndate: 2010-07-02\ndraft: true\ntags: Secret\n---\n\n# D\n",
        "posts/2099/later.md": "---\ndate: 2099-01-01\ntags: Later\n---\n\n# L\n",
        "pages/about.md": "---\nredirect: /about-me/\n"
        "blogger_id: tag:blogger.com,1999:blog-1.page-77\n---\n\n# About\n",
        "pages/hidden.md": "---\ndraft: true\nredirect: /hidden-page/\n"
        "blogger_id: tag:blogger.com,1999:blog-1.page-78\n"
        "wordpress_url: https://old.example/hidden-page/\n---\n\n# Hidden\n",
        "pages/hello.md": "---\nredirect: /hello-world/\n"
        "wordpress_url: https://old.example/hello-world/\n---\n\n# Hello\n",
    }
    status, out, err = check_files(root, monkeypatch, capsys, files)
    first = 13  # the line of the first link
    expected = [
        (str(Path(POST_A)), first + len(ANSWERED) + n, address)
        for n, address in enumerate(NOT_ANSWERED)
    ]
    shape = re.compile(r"(.+):(\d+): link: (?:to )?'([^']+)',? (?:which )?is ")
    said = [(m[1], int(m[2]), m[3]) for line in out.splitlines() if (m := shape.match(line))]
    assert status == 1 and said == expected, out
    assert build(root, root / "_build/html") != 0
    shape = re.compile(r"(\S+):(\d+): ERROR: link: (?:to )?'([^']+)',? (?:which )?is ")
    logged = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().err)  # (CI's colours)
    errors = [(m[1], int(m[2]), m[3]) for line in logged.splitlines() if (m := shape.match(line))]
    assert sorted(errors) == [(str(root / path), line, a) for path, line, a in expected], logged


def test_check_names_a_doc_role_to_a_post_that_is_not_there(tmp_path, monkeypatch, capsys):
    """A ``{doc}`` link to a post or page whose file is not there failed the
    build ("unknown document") and passed `blog check`; it says so now, from
    the post's folder or the site's root.  One whose file is there passes."""
    text = (
        "---\ndate: 2010-07-01\n---\n\n# A\n\nAs {doc}`I wrote <../2009/first>`, not"
        " {doc}`../2009/frist`,\nnor {doc}`the page </pages/gone>`; {doc}`/posts/2009/first`.\n"
    )
    status, out, err = check_files(tmp_path, monkeypatch, capsys, {**FIRST, POST_A: text})
    assert status == 1
    post = Path(POST_A)
    assert out.splitlines() == [
        f"{post}:7: link: unknown document: '../2009/frist'",
        f"{post}:8: link: unknown document: '/pages/gone'",
    ]


def test_check_names_a_picture_that_is_not_there(tmp_path, monkeypatch, capsys):
    """A picture's mistyped file name failed the build ("image file not
    readable") and passed `blog check`; it says so now, in the build's words,
    for Markdown's pictures and a figure's, from the post's folder or the
    site's root.  One that is there, one at an address of another host (not
    a file to look for), and Sphinx's ``chart.*`` (any format there is) pass."""
    text = (
        "---\ndate: 2010-07-01\n---\n\n# A\n\nA ![chart](chart.png), not"
        " ![a chrat](chrat.png),\n![x](chart.*) ![y](https://example.org/y.png)"
        " ![z](/_static/logo.png).\n\n```{figure} /_static/gone.png\nA caption.\n```\n"
    )
    files = {"posts/2010/a.md": text, "posts/2010/chart.png": "", "_static/logo.png": ""}
    status, out, err = check_files(tmp_path, monkeypatch, capsys, files)
    assert status == 1
    post = Path("posts/2010/a.md")
    assert out.splitlines() == [
        f"{post}:7: picture: image file not readable: posts/2010/chrat.png",
        f"{post}:10: picture: image file not readable: _static/gone.png",
    ]


@pytest.mark.sphinx("html", testroot="bad-post")
def test_build_fails_with_the_same_message(app):
    with pytest.raises(AssertionError) as failure:
        built(app)
    expected = "impossible.md:3: ERROR: date: '2010-02-30' is not a valid ISO 8601 date"
    assert expected in str(failure.value)
    assert "Traceback" not in str(failure.value)
    assert not (Path(app.outdir) / "blog" / "tag" / "ofsted").exists()


def test_check_names_raw_html_the_build_would_refuse(tmp_path, monkeypatch, capsys):
    """`blog check` read front matter alone: a post whose raw HTML or SVG
    picture the build refuses (privacy.py) passed it.  It now says what the build would, at the
    same lines, from the Markdown, with no build."""
    (tmp_path / "posts/2010").mkdir(parents=True)
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static/chart.png").write_bytes(b"png")
    front = "---\ndate: 2010-07-01\n---\n\n# A\n\n"
    (tmp_path / "posts/2010/bad.md").write_text(
        front + "One,\nthen <a href='javascript:x'>a link</a>.\n\n"
        "<div>\n<meta http-equiv='refresh' content='0;url=https://e.example/'>\n</div>\n\n"
        '<img src="chart.png" alt="beside the post">\n\n'
        "```{note}\nIn a note <iframe src='https://e.example/'></iframe>.\n```\n\n"
        "![A drawing](drawn.svg)\n\n<!-- a note never closed\n\nHidden.\n"
    )
    (tmp_path / "posts/2010/drawn.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    (tmp_path / "posts/2010/good.md").write_text(
        front
        + '<abbr title="Local Authority">LA</abbr> <img src="../../_static/chart.png" alt="">\n\n'
        "```{code-block} html\n<script>shown as code</script>\n```\n"
    )
    monkeypatch.chdir(tmp_path)
    status, out, err = blog(capsys, "check")
    assert status == 1
    bad = Path("posts/2010/bad.md")
    assert out.splitlines() == [
        f"{bad}:8: html: <a> links to a javascript: address, which runs or opens something",
        f"{bad}:11: html: <meta> belongs to a page's head, not a post (a refresh would send"
        " readers elsewhere)",
        f"{bad}:14: html: <img> loads 'chart.png', which the site does not publish (only"
        " _static/ is copied as it is): a Markdown picture (![words](file)) is copied with"
        " its post",
        f"{bad}:17: html: <iframe> shows another page or a plugin in the post: link to it instead",
        f"{bad}:20: picture: 'drawn.svg': <script> runs code when the picture is opened by itself",
        f"{bad}:22: html: '<!--' is never closed (no -->): the rest of the post, and of its page,"
        " would be hidden in the comment",
    ]
    assert "2 posts checked, 6 problems" in err


def test_check_names_what_markdown_would_hide(tmp_path, monkeypatch, capsys):
    """Markdown reads lists or quotes 19 deep and stops at 20, losing what is
    in them and after them; a paragraph's line starting with '%' is a
    comment; a table row's cells beyond its header's are dropped; a link
    definition no link uses is seen nowhere, a link by a label none has leads
    nowhere; nor are the words after a
    '+++' (a block break); a footnote's mark with no note: `blog check` says so at the
    line, in a note too; 19 passes."""
    (tmp_path / "posts/2010").mkdir(parents=True)
    front = "---\ndate: 2010-07-01\n---\n\n# A\n\n"
    (tmp_path / "posts/2010/deep.md").write_text(
        front + ">" * 20 + " Lost.\n\n```{note}\nA note.\n\n" + ">" * 21 + " Lost.\n```\n\n"
        "Rose by 12\n% since 2009.\n\n| Year | Referrals |\n|---|---|\n| 2010 | 610 | up |\n"
        "\nThe [report][l].\n\n[1]: https://example.org/report\n\n+++ Update: lost.\n"
        "\nA claim[^a] and\nanother[^b].\n\n[^a]: Its source.\n"
    )
    (tmp_path / "posts/2010/fine.md").write_text(front + ">" * 19 + " Kept.\n")
    monkeypatch.chdir(tmp_path)
    status, out, err = blog(capsys, "check")
    assert status == 1
    deep = Path("posts/2010/deep.md")
    message = "markdown: lists or quotes nested 20 deep: Markdown reads no deeper"
    assert [line.split(", and")[0] for line in out.splitlines()] == [
        f"{deep}:7: {message}",
        f"{deep}:12: {message}",
        f"{deep}:16: markdown: a line starting with '%' is a comment, which no reader sees",
        f"{deep}:20: markdown: a table row of 3 cells under a header of 2: Markdown shows the"
        " first 2 and drops the rest; add a column to the header, or join the cells",
        f"{deep}:22: markdown: a link by the label [l], which no link definition has: its words"
        " show in brackets and lead nowhere; define it on a line of its own ('[l]: https://…'),"
        " or write \\[ to show a bracket",
        f"{deep}:24: markdown: a link definition no link uses (of 'https://example.org/report'):"
        " Markdown shows no definition, so no reader sees its address; use its label in a link"
        " ('[words][label]'), or delete it",
        f"{deep}:26: markdown: a line starting with '+++' is a block break",
        f"{deep}:29: markdown: a footnote mark [^b] with no note: write its note below, on a"
        " line of its own ('[^b]: …'), or take the mark out",
    ]
    assert "2 posts checked, 8 problems" in err
