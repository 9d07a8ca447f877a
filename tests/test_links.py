"""Dead links answered (issue 16): `blog links` checks every external link of
every post against a web and an Internet Archive on 127.0.0.1, records what it
found in links.yaml, and the build shows "(archived copy)" beside a dead link
the archive has a snapshot of — reading only that file, never the network."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
import yaml

from blogsite import REPO, Site, build_in_child, new_blog
from link_server import LinkServer

FIRST = """---
date: 2010-07-02
tags: [links]
---

# Links of 2010

A [live page]({o}/live), a [moved one]({o}/moved), a [gone one]({o}/gone-archived)
and [another]({o}/gone), [a slow one]({o}/slow), [a flaky one]({o}/flaky),
<{o}/live/auto>, [mail](mailto:c@example.org) and [a post here](../2011/second.md).

```{{note}}
A [note's link]({o}/gone-archived).
```
"""

SECOND = """---
date: 2011-03-01
---

# Links of 2011

The [same gone page]({o}/gone-archived), again.
"""


@pytest.fixture(scope="module")
def web():
    server = LinkServer()
    yield server
    server.close()


@pytest.fixture(scope="module")
def checked(web, tmp_path_factory):
    blog = new_blog(tmp_path_factory.mktemp("links") / "blog")
    for path, text in (("2010/first.md", FIRST), ("2011/second.md", SECOND)):
        (blog / "posts" / path).parent.mkdir(parents=True, exist_ok=True)
        (blog / "posts" / path).write_text(text.format(o=web.origin), encoding="utf-8")
    result = run_links(blog, web)
    assert result.returncode == 0, result.stderr
    return blog, result


def run_links(blog, web, per_host: float = 0.1, *extra: str) -> subprocess.CompletedProcess:
    """``blog links`` of ``blog``, its web and archive on 127.0.0.1 (``--local-network``)."""
    command = [
        sys.executable, "-m", "blogarchive.cli", "links", "--archive-api", web.api,
        "--timeout", "0.5", "--retries", "1", "--per-host", str(per_host), "--workers", "4",
        *(extra or ["--local-network"]),
    ]  # fmt: skip
    env = {**os.environ, "BLOG_REPO": str(REPO)}
    return subprocess.run(command, cwd=blog, env=env, capture_output=True, text=True)


def records(blog) -> dict:
    return yaml.safe_load((blog / "links.yaml").read_text(encoding="utf-8"))["links"]


def test_every_external_link_is_recorded_with_its_status(checked, web):
    blog, result = checked
    found = {url.removeprefix(web.origin): r for url, r in records(blog).items()}
    assert sorted(found) == [
        "/flaky", "/gone", "/gone-archived", "/live", "/live/auto", "/moved", "/slow"
    ]  # fmt: skip
    status = {path: (r["status"], r.get("code")) for path, r in found.items()}
    assert status == {
        "/live": ("ok", 200),
        "/live/auto": ("ok", 200),
        "/flaky": ("ok", 200),  # a 503, retried
        "/moved": ("redirected", 200),
        "/gone-archived": ("dead", 404),
        "/gone": ("dead", 404),
        "/slow": ("unreachable", None),
    }
    assert found["/moved"]["to"] == web.origin + "/live"
    assert found["/slow"]["error"] == "timed out"
    assert {r["checked"] for r in found.values()} == {dt.date.today()}
    assert "7 links checked" in result.stdout
    text = (blog / "links.yaml").read_text(encoding="utf-8")
    assert text.startswith("# The external links") and "&id" not in text  # for people to read


def test_a_link_to_this_machine_or_its_network_is_not_asked(web, tmp_path):
    """``blog links`` asked every address a post links to, an imported one's
    too: a router's page that changes a setting when asked, a cloud machine's
    credentials (169.254.169.254), this machine's services.  Such a link is
    recorded as local and never asked, unless ``--local-network`` (an intranet
    blog's, and these tests', whose web is on 127.0.0.1)."""
    blog = new_blog(tmp_path / "blog")
    post = FIRST.replace("# Links of 2010", "# Local links").format(o=web.origin)
    (blog / "posts/2010").mkdir(parents=True, exist_ok=True)
    (blog / "posts/2010/local.md").write_text(post, encoding="utf-8")
    asked_before = len(web.requests)
    result = run_links(blog, web, 0.1, "--workers", "4")
    assert result.returncode == 0, result.stderr
    found = {url.removeprefix(web.origin): r for url, r in records(blog).items()}
    assert {path: r["status"] for path, r in found.items()} == dict.fromkeys(
        ["/flaky", "/gone", "/gone-archived", "/live", "/live/auto", "/moved", "/slow"], "local"
    )
    assert "--local-network" in found["/live"]["error"]
    assert len(web.requests) == asked_before  # not one request


def test_dead_links_get_the_snapshot_closest_to_the_post(checked, web):
    blog, _ = checked
    found = {url.removeprefix(web.origin): r for url, r in records(blog).items()}
    url = web.origin + "/gone-archived"
    assert found["/gone-archived"]["archived"] == (
        f"https://web.archive.org/web/20100702101500/{url}"
    )
    assert "archived" not in found["/gone"] and "archived" not in found["/live"]
    asked = {q["url"].removeprefix(web.origin): q.get("timestamp") for q in web.archive_queries}
    # Only gone links are looked up, near the earliest post that links them.
    assert asked == {"/gone-archived": "20100702", "/gone": "20100702", "/slow": "20100702"}


def test_requests_to_one_host_are_spaced(web, tmp_path):
    blog = new_blog(tmp_path / "blog")
    (blog / "posts/2010").mkdir()
    links = " ".join(f"[{n}]({web.origin}/live/{n})" for n in range(5))
    post = f"---\ndate: 2010-07-02\n---\n\n# Many links\n\n{links}\n"
    (blog / "posts/2010/many.md").write_text(post, encoding="utf-8")
    start = len(web.requests)
    assert run_links(blog, web, per_host=0.3).returncode == 0
    times = sorted(when for when, path in web.requests[start:] if path.startswith("/live/"))
    assert len(times) == 5
    assert min(b - a for a, b in zip(times[:-1], times[1:], strict=True)) >= 0.25


def test_the_site_shows_archived_copies_beside_dead_links(checked, web, tmp_path):
    blog, _ = checked
    site = Site(build_in_child(blog, tmp_path / "html"))
    page = site.page("posts/2010/first.html")
    url = web.origin + "/gone-archived"
    copies = page.select("article a.archived-copy")
    snapshot = f"https://web.archive.org/web/20100702101500/{url}"
    assert [a["href"] for a in copies] == [snapshot, snapshot]  # the note's link too
    note = page.select_one(f'article a[href="{url}"]').find_next_sibling()
    assert note.get_text() == " (archived copy)"
    for path in ("/gone", "/live", "/slow"):
        link = page.select_one(f'article a[href="{web.origin}{path}"]')
        sibling = link.find_next_sibling()
        assert sibling is None or "archived-note" not in sibling.get("class", [])
    assert site.page("posts/2011/second.html").select("a.archived-copy")[0]["href"] == snapshot


def test_a_new_snapshot_reaches_only_the_posts_that_link_it(checked, web, tmp_path):
    blog, _ = checked
    out = build_in_child(blog, tmp_path / "html")
    doctrees = tmp_path / "html.doctrees/posts"
    before = {p.name: p.stat().st_mtime_ns for p in doctrees.rglob("*.doctree")}
    data = yaml.safe_load((blog / "links.yaml").read_text(encoding="utf-8"))
    gone = data["links"][web.origin + "/gone"]
    gone["archived"] = "https://web.archive.org/web/2010/" + web.origin + "/gone"
    (blog / "links.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    build_in_child(blog, out)
    after = {p.name: p.stat().st_mtime_ns for p in doctrees.rglob("*.doctree")}
    assert [name for name in after if after[name] != before[name]] == ["first.doctree"]
    link = Site(out).page("posts/2010/first.html").select_one(f'a[href="{web.origin}/gone"]')
    assert link.find_next_sibling().select_one("a.archived-copy")["href"] == gone["archived"]


CONFLICTED = """links:
  https://example.org/report:
    status: dead
<<<<<<< HEAD
    archived: https://web.archive.org/web/2010/https://example.org/report
=======
    archived: https://web.archive.org/web/2011/https://example.org/report
>>>>>>> links-2011
"""


def test_a_links_file_that_cannot_be_read_is_named_and_kept(web, tmp_path):
    """links.yaml read as nothing when it could not be read (a merge left its
    markers in it): the build showed no archived copy and said nothing, and
    `blog links` checked every link afresh and wrote over the records (their
    snapshots, first found) with what it found.  Both now name the file and
    its line; `blog links` writes nothing, and the build keeps the last site."""
    blog = new_blog(tmp_path / "blog")
    (blog / "posts/2010").mkdir()
    post = "---\ndate: 2010-07-02\n---\n\n# A report\n\nThe [report](https://example.org/report).\n"
    (blog / "posts/2010/report.md").write_text(post, encoding="utf-8")
    (blog / "links.yaml").write_text(CONFLICTED, encoding="utf-8")
    result = run_links(blog, web)
    assert result.returncode == 1
    assert f"blog links: {blog / 'links.yaml'}:4: cannot be read:" in result.stderr
    assert "nothing written" in result.stderr
    assert (blog / "links.yaml").read_text(encoding="utf-8") == CONFLICTED
    env = {**os.environ, "BLOG_REPO": str(REPO)}
    command = [sys.executable, "-m", "blogarchive.build", str(blog), str(tmp_path / "html")]
    built = subprocess.run(command, env=env, capture_output=True, text=True)
    assert built.returncode != 0 and "Traceback" not in built.stderr
    assert f"{blog / 'links.yaml'}:4: ERROR: links: cannot be read:" in built.stderr
    assert not (tmp_path / "html/index.html").exists()


def test_an_address_no_browser_can_read_stops_neither_command(web, tmp_path):
    """``http://[oops/`` (a broken IPv6 host) as a post's raw link, or as
    the archived copy links.yaml records (the archive's answer, or an edit),
    stopped `blog links` and the build with a traceback.  `blog links` leaves
    the link out (no browser could follow it); the build shows no such copy,
    and shows another link's that it can."""
    blog = new_blog(tmp_path / "blog")
    (blog / "posts/2010").mkdir()
    broken = ' <a href="http://[oops/">a broken one</a>,'
    post = (
        f"---\ndate: 2010-07-02\n---\n\n# A report\n\nThe [report]({web.origin}/gone),{broken}"
        f" [another]({web.origin}/gone-archived).\n"
    )
    (blog / "posts/2010/report.md").write_text(post, encoding="utf-8")
    result = run_links(blog, web)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert sorted(records(blog)) == [f"{web.origin}/gone", f"{web.origin}/gone-archived"]
    (blog / "posts/2010/report.md").write_text(post.replace(broken, ""), encoding="utf-8")
    data = yaml.safe_load((blog / "links.yaml").read_text(encoding="utf-8"))
    data["links"][f"{web.origin}/gone"]["archived"] = "http://[oops/"
    (blog / "links.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    site = Site(build_in_child(blog, tmp_path / "html"))
    shown = [a["href"] for a in site.page("posts/2010/report.html").select("a.archived-copy")]
    assert shown == [data["links"][f"{web.origin}/gone-archived"]["archived"]]
