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


@pytest.fixture(scope="module")
def blog_repo(tmp_path_factory) -> Path:
    blog = tmp_path_factory.mktemp("history") / "blog"
    (blog / "posts/2010").mkdir(parents=True)
    shutil.copy(ROOT / "conf.py", blog / "conf.py")
    (blog / "index.md").write_text("# A blog with history\n\nCommitted twice.\n")
    (blog / "posts/2010/first.md").write_text(FIRST)
    (blog / "posts/2010/second.md").write_text(SECOND)
    git(blog, "init", "-q", "-b", "main")
    git(blog, "add", ".")
    git(blog, "commit", "-q", "-m", "Two posts", date="2010-07-05T20:00:00+01:00")
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
        ("2010-07-05", "published", "Second post"),
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
    assert page.select_one(".post-meta time")["datetime"] == "2010-07-01"
