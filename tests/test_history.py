"""The versioned archive (issue 7), in a temporary git repository: a post
committed, then edited and committed again, shows its published date, "Last
updated" with the commit's date and a link to its history; an {update} note is a
dated notice that sets the feed entry's `updated`; the footer names the commit
the site was built from; "What changed" lists publications and revisions.
A shallow clone cannot give wrong dates.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_reproducible import assert_same_tree

from blogsite import REPO, Site

ROOT = Path(__file__).parent / "roots" / "test-escaping"
REPOSITORY = "https://example.org/chris/blog"

FIRST = """---
date: 2010-07-01
author: Chris Mills
tags: [Ofsted]
---

# First post

The original text.
"""

SECOND = """---
date: 2010-07-05
author: Chris Mills
tags: [Ofsted]
---

# Second post

Figures for 2010.

```{update} 2011-05-06
The figures were corrected.
```
"""


def git(cwd: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Chris Mills", "GIT_AUTHOR_EMAIL": "c@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Chris Mills", "GIT_COMMITTER_EMAIL": "c@example.org"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    result = subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)
    return result.stdout.decode().strip()


THIRD = """---
date: 2010-07-03
author: Chris Mills
tags: [Ofsted]
---

# Ofsted figures

The inspectors rated 40 councils as poor in 2009.
Their report was published in July.

The <em>children</em> come first.
"""

THIRD_REVISED = THIRD.replace("# Ofsted figures", "# Ofsted's figures").replace(
    "rated 40 councils", "rated 38 councils"
)


@pytest.fixture(scope="module")
def blog_repo(tmp_path_factory) -> Path:
    blog = tmp_path_factory.mktemp("history") / "blog"
    (blog / "posts/2010").mkdir(parents=True)
    shutil.copy(ROOT / "conf.py", blog / "conf.py")
    (blog / "index.md").write_text("# A blog with history\n\nCommitted twice.\n")
    (blog / "posts/2010/first.md").write_text(FIRST)
    (blog / "posts/2010/second.md").write_text(SECOND)
    third = blog / "posts/2010/third.md"
    third.write_text(THIRD)
    git(blog, "init", "-q", "-b", "main")
    git(blog, "add", ".")
    git(blog, "commit", "-q", "-m", "Three posts", date="2010-07-05T20:00:00+01:00")
    # The third post, revised twice: its title and words, then only its tags
    # and a line's spacing.
    third.write_text(THIRD_REVISED)
    message = "Correct the <Ofsted> figures"
    git(blog, "commit", "-q", "-am", message, date="2011-01-10T09:00:00+00:00")
    third.write_text(
        THIRD_REVISED.replace("tags: [Ofsted]", "tags: [Ofsted, Inspection]").replace(
            "published in July.", "published   in July."
        )
    )
    git(blog, "commit", "-q", "-am", "Tag the figures", date="2011-02-01T09:00:00+00:00")
    first = blog / "posts/2010/first.md"
    first.write_text(FIRST.replace("The original text.", "The corrected text."))
    git(blog, "commit", "-q", "-am", "Correct the first post", date="2012-03-04T10:00:00+00:00")
    return blog


def build(blog: Path, out: Path, strict: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "BLOG_REPO": str(REPO), "BLOG_REPOSITORY_URL": REPOSITORY}
    if strict:
        command = [sys.executable, "-m", "blogarchive.build", str(blog), str(out)]
    else:  # a preview-style build: warnings are shown, not fatal
        command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(blog), str(out)]
    return subprocess.run(command, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def site(blog_repo, tmp_path_factory) -> Site:
    out = tmp_path_factory.mktemp("history-out") / "html"
    result = build(blog_repo, out)
    assert result.returncode == 0, result.stderr
    return Site(out)


def test_edited_post_shows_published_and_last_updated(site):
    page = site.page("posts/2010/first.html")
    assert page.select_one(".post-meta time")["datetime"] == "2010-07-01"
    updated = page.select_one(".post-history time")
    assert updated["datetime"] == "2012-03-04" and updated.get_text() == "4 March 2012"
    link = page.select_one("a.post-history-link")
    assert link["href"] == f"{REPOSITORY}/commits/main/posts/2010/first.md"
    assert "The corrected text." in page.select_one("article").get_text()


def test_unedited_post_has_no_last_updated(site):
    assert site.page("posts/2010/second.html").select_one(".post-history") is None


def test_update_note_is_a_dated_notice_and_sets_feed_updated(site):
    notice = site.page("posts/2010/second.html").select_one("article .admonition.update")
    assert notice.select_one(".admonition-title").get_text() == "Updated on 6 May 2011"
    assert "The figures were corrected." in notice.get_text()
    entries = {e.title: e for e in site.feed().entries}
    assert entries["Second post"].updated.startswith("2011-05-06")
    assert entries["First post"].updated == "2012-03-04T10:00:00+00:00"
    assert entries["First post"].published == "2010-07-01T00:00:00+01:00"


def test_footer_names_the_commit_built_from(site, blog_repo):
    head = git(blog_repo, "rev-parse", "HEAD")
    for rel in ("index.html", "posts/2010/first.html", "blog/tag/ofsted/index.html"):
        identity = site.page(rel).select_one("footer .build-identity")
        assert identity.select_one("code").get_text() == head[:7]
        assert identity.select_one("a")["href"] == f"{REPOSITORY}/commit/{head}"
        assert identity.select_one("time")["datetime"] == "2012-03-04T10:00:00+00:00"


def test_what_changed_lists_publications_and_revisions(site):
    page = site.page("blog/changes/")
    rows = [
        (
            li.select_one("time")["datetime"],
            li.select_one(".change-kind").get_text(),
            li.a.get_text(),
        )
        for li in page.select("ol.changes li")
    ]
    assert rows == [
        ("2012-03-04", "revised", "First post"),
        ("2011-02-01", "revised", "Ofsted's figures"),
        ("2011-01-10", "revised", "Ofsted's figures"),
        ("2010-07-05", "published", "Second post"),
        ("2010-07-03", "published", "Ofsted's figures"),
        ("2010-07-01", "published", "First post"),
    ]


def test_shallow_clone_never_gives_wrong_dates(blog_repo, tmp_path):
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{blog_repo}", str(shallow))
    # The README's build (warnings are errors) refuses: fetch the whole history.
    strict = build(shallow, tmp_path / "strict")
    assert strict.returncode != 0 and "git history is shallow" in strict.stderr
    # A lenient build warns and falls back to the published date.
    lenient = build(shallow, tmp_path / "lenient", strict=False)
    assert lenient.returncode == 0 and "WARNING: git history is shallow" in lenient.stderr
    page = Site(tmp_path / "lenient").page("posts/2010/first.html")
    assert page.select_one(".post-history") is None
    assert page.select_one(".post-revisions") is None
    assert page.select_one(".post-meta time")["datetime"] == "2010-07-01"
    # The whole history fetched, HEAD where it was: the next build reads it,
    # not a shallow one kept from the build before (history.read_history).
    git(shallow, "fetch", "-q", "--unshallow")
    again = build(shallow, tmp_path / "lenient", strict=False)
    assert again.returncode == 0 and "shallow" not in again.stderr, again.stderr
    page = Site(tmp_path / "lenient").page("posts/2010/first.html")
    assert page.select_one(".post-history time") is not None


# Revisions on the site (issue 16): the third post was revised twice.

THIRD_PAGE = "posts/2010/third.html"
BASEURL = "https://chrismillsblog.github.io/"


def _hidden_words(element) -> str:
    return "".join(s.get_text() for s in element.select(".visually-hidden"))


def test_revised_post_lists_its_revisions(site):
    items = site.page(THIRD_PAGE).select("section.post-revisions ol.revision-list > li")
    assert [li.time["datetime"] for li in items] == ["2011-01-10", "2011-02-01"]
    assert [li.select_one(".revision-message").get_text() for li in items] == [
        "Correct the <Ofsted> figures",  # escaped, shown as written
        "Tag the figures",
    ]
    changed = [li.select_one(".revision-changed").get_text() for li in items]
    assert changed == ["the title, the text", "tags (added Inspection)"]
    # The first changed the words: its diff and its text are linked; the
    # second changed only tags and spacing: listed, no diff.
    assert items[0].select_one("a.revision-diff-link")["href"] == "third/revisions/1.html"
    assert items[0].select_one("a.revision-text-link")["href"] == "third/revisions/1-text.html"
    assert items[1].select_one("a.revision-diff-link") is None
    assert not site.path("posts/2010/third/revisions/2.html").exists()


def test_unrevised_post_lists_no_revisions(site):
    assert site.page("posts/2010/second.html").select_one(".post-revisions") is None


def test_revision_page_shows_the_word_diff(site):
    page = site.page("posts/2010/third/revisions/1.html")
    assert page.select_one("h1").get_text() == "Ofsted's figures: revision 1 of 2"
    assert page.select_one(".revision-meta time")["datetime"] == "2011-01-10T09:00:00+00:00"
    title = page.select_one(".revision-title")
    assert title.select_one("del").get_text() == "[deleted: Ofsted figures]"
    assert title.select_one("ins").get_text() == "[inserted: Ofsted's figures]"
    diff = page.select_one(".revision-diff")
    assert [d.get_text() for d in diff.select("del")] == ["[deleted: 40]"]
    assert [i.get_text() for i in diff.select("ins")] == ["[inserted: 38]"]
    assert _hidden_words(diff) == "[deleted: ][inserted: ]"
    assert "The inspectors rated" in diff.get_text()
    # The old text's markup is shown as it was written, never as HTML.
    assert "<em>children</em>" in diff.get_text() and diff.select_one("em") is None
    links = page.select_one(".revision-links")
    assert links.select_one("a.revision-post")["href"] == "../../third.html"
    assert links.select_one("a.revision-text-link")["href"] == "1-text.html"


def test_revision_text_page_shows_the_text_as_it_stood(site):
    page = site.page("posts/2010/third/revisions/1-text.html")
    assert page.select_one("h1").get_text() == "Ofsted's figures"
    text = page.select_one(".revision-text")
    assert "rated 38 councils" in text.get_text() and "40" not in text.get_text()
    assert text.select_one("em") is None and "<em>children</em>" in text.get_text()
    assert page.select_one(".revision-banner time")["datetime"].startswith("2011-01-10")


@pytest.mark.parametrize("rel", ["1.html", "1-text.html"])
def test_revision_pages_are_noindex_and_canonical_to_the_post(site, rel):
    page = site.page(f"posts/2010/third/revisions/{rel}")
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert page.select_one('link[rel="canonical"]')["href"] == BASEURL + THIRD_PAGE


def test_sitemap_leaves_revisions_out_and_dates_revised_posts(site):
    sitemap = BeautifulSoup(site.path("sitemap.xml").read_text(), "xml")
    urls = {u.loc.get_text(): u.lastmod for u in sitemap.select("url")}
    assert not [loc for loc in urls if "/revisions/" in loc]
    assert urls[BASEURL + THIRD_PAGE].get_text() == "2011-02-01T09:00:00+00:00"
    assert urls[BASEURL + "posts/2010/second.html"].get_text().startswith("2011-05-06")


def test_revision_of_the_first_post_has_its_diff(site):
    items = site.page("posts/2010/first.html").select(".revision-list > li")
    assert [li.select_one(".revision-changed").get_text() for li in items] == ["the text"]
    diff = site.page("posts/2010/first/revisions/1.html").select_one(".revision-diff")
    assert [d.get_text() for d in diff.select("del")] == ["[deleted: original]"]
    assert [i.get_text() for i in diff.select("ins")] == ["[inserted: corrected]"]


def test_revisions_follow_history_incrementally(blog_repo, tmp_path):
    """A build reads again only the posts whose history changed, even when their
    file did not (a reworded commit message), and then equals a clean build."""
    blog = tmp_path / "blog"
    git(tmp_path, "clone", "-q", f"file://{blog_repo}", str(blog))
    out = tmp_path / "html"
    assert build(blog, out).returncode == 0
    doctrees = tmp_path / "html.doctrees/posts/2010"  # written for each post read
    before = {p.stem: p.stat().st_mtime_ns for p in doctrees.glob("*.doctree")}
    reworded = ("commit", "-q", "--amend", "-m", "Say what was corrected")
    git(blog, *reworded, date="2012-03-04T10:00:00+00:00")
    (blog / "posts/2010/second.md").write_text(SECOND + "\nA line more.\n")
    git(blog, "commit", "-q", "-am", "A line more", date="2012-04-01T10:00:00+00:00")
    again = build(blog, out)
    assert again.returncode == 0, again.stderr
    after = {p.stem: p.stat().st_mtime_ns for p in doctrees.glob("*.doctree")}
    read = sorted(name for name in after if after[name] != before[name])
    assert read == ["first", "second"]  # not the third: its history is as it was
    first = Site(out).page("posts/2010/first.html").select_one(".revision-message")
    assert first.get_text() == "Say what was corrected"
    clean = tmp_path / "clean"
    assert build(blog, clean).returncode == 0
    for rel in ("posts/2010/first.html", "posts/2010/third/revisions/1.html"):
        assert (out / rel).read_bytes() == (clean / rel).read_bytes()


def test_a_commit_reworded_alone_is_shown_reworded(blog_repo, tmp_path):
    """The history a build read is kept for the next while HEAD stays (an
    edit's build runs no ``git log``); a commit reworded and nothing else
    (HEAD moves, every file as it was) is read again, and its page shows the
    new message."""
    blog = tmp_path / "blog"
    git(tmp_path, "clone", "-q", f"file://{blog_repo}", str(blog))
    out = tmp_path / "html"
    assert build(blog, out).returncode == 0
    assert (tmp_path / "html.doctrees/blogarchive-history.pickle").is_file()
    shown = Site(out).page("posts/2010/first.html").select_one(".revision-message")
    assert shown.get_text() != "Say what was corrected"
    git(blog, "commit", "-q", "--amend", "-m", "Say what was corrected")
    again = build(blog, out)
    assert again.returncode == 0, again.stderr
    shown = Site(out).page("posts/2010/first.html").select_one(".revision-message")
    assert shown.get_text() == "Say what was corrected"


LOOKALIKE = """---
date: 2010-07-06
author: Chris Mills
---

# A post that looks like a footer

<div class="build-identity">Built by hand, in 2010.</div>

Its words come before the footer's line.
"""


def test_a_build_after_new_commits_equals_a_clean_build(blog_repo, tmp_path):
    """Each push names a new commit in every page's footer: the pages written
    before get its line put in place of the last (incremental.restamp_footers)
    rather than all rendered again.  After a commit that edits a post and one
    that changes no post, the site is a clean build's, "What changed" (which
    lists the new revision) included, and a post's own words that look like
    the footer's line are left as written."""
    blog = tmp_path / "blog"
    git(tmp_path, "clone", "-q", f"file://{blog_repo}", str(blog))
    (blog / "posts/2010/lookalike.md").write_text(LOOKALIKE)
    git(blog, "add", ".")
    git(blog, "commit", "-q", "-m", "A post", date="2012-03-05T10:00:00+00:00")
    out = tmp_path / "html"
    assert build(blog, out).returncode == 0
    (blog / "posts/2010/second.md").write_text(SECOND + "\nA line more.\n")
    git(blog, "commit", "-q", "-am", "A line more", date="2012-04-01T10:00:00+00:00")
    assert build(blog, out).returncode == 0
    (blog / "NOTES").write_text("Not a post.\n")
    git(blog, "add", ".")
    git(blog, "commit", "-q", "-m", "Notes", date="2012-05-01T10:00:00+00:00")
    again = build(blog, out)
    assert again.returncode == 0, again.stderr
    site, head = Site(out), git(blog, "rev-parse", "HEAD")
    for rel in ("posts/2010/third.html", "blog/tag/ofsted/index.html", "blog/changes/index.html"):
        identity = site.page(rel).select("footer .build-identity")
        assert [i.select_one("code").get_text() for i in identity] == [head[:7]], rel
    changes = site.page("blog/changes/index.html").select("ol.changes li")
    assert changes[0].a.get_text() == "Second post"
    own = site.page("posts/2010/lookalike.html").select_one("article .build-identity")
    assert own.get_text() == "Built by hand, in 2010."
    clean = tmp_path / "clean"
    assert build(blog, clean).returncode == 0
    assert_same_tree(out, clean)
