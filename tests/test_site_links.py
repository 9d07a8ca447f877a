"""A post's Markdown links to the site's own pages that no post is
(sitelinks.py): a tag's, a year's, a month's page, the feed, the search,
and the old blog's addresses the site answers; and to a post by its page's
address.  MyST stopped the build at each ("target
not found"); now each leads to its page, written relative to the post's
page, and one that leads nowhere is an error at its line, in every build.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote

from blogarchive.build import build

from test_bad_input import build_with

LINKS = (
    "---\ndate: 2010-07-03\n---\n\n# Further reading\n\n"
    "My [posts on Ofsted](/blog/tag/ofsted/), as the old blog had them\n"
    "([label](</search/label/Ofsted?max-results=20>)), the [month](../../blog/2010/07/),\n"
    "the [year](/blog/2010/index.html#posts), the [feed](/blog/atom.xml),\n"
    "the old [month's address](/2010/07/), [a post](good.md), [its page](good.html),"
    " [home](/) and [search](/search.html).\n"
)


def hrefs(site, rel: str) -> dict[str, str]:
    article = site.page(rel).select_one("article section")
    return {a.get_text(): a["href"] for a in article.select("p a[href]")}


def test_links_to_the_sites_own_pages_lead_there(tmp_path, capfd):
    status, err, site = build_with(tmp_path, capfd, extra={"posts/2010/reading.md": LINKS})
    assert status == 0, err
    found = hrefs(site, "posts/2010/reading.html")
    assert found == {
        "posts on Ofsted": "../../blog/tag/ofsted/index.html",
        # an old address: straight to the page it stands for, not its redirect
        "label": "../../blog/tag/ofsted/index.html",
        "month": "../../blog/2010/07/index.html",
        "year": "../../blog/2010/index.html#posts",
        "feed": "../../blog/atom.xml",
        "month's address": "../../blog/2010/07/index.html",
        "a post": "good.html",
        # a post or page by its page's address, as by its file's
        "its page": "good.html",
        "home": "../../index.html",
        "search": "../../search.html",
    }
    for href in found.values():  # each a file of the site, from the post's folder
        path = posixpath.normpath(posixpath.join("posts/2010", unquote(href.partition("#")[0])))
        assert (site.root / path).is_file(), href
    # The excerpt on the home page and on the month's page, from their folders;
    # the feed's entry, absolute.
    home = site.page("index.html").select_one("a:-soup-contains('posts on Ofsted')")
    assert home["href"] == "blog/tag/ofsted/index.html"
    month = site.page("blog/2010/07/").select_one("a:-soup-contains('posts on Ofsted')")
    assert month["href"] == "../../tag/ofsted/index.html"
    [entry] = [e for e in site.feed().entries if e.title == "Further reading"]
    assert 'href="https://' in entry.content[0].value
    assert "/blog/tag/ofsted/index.html" in entry.content[0].value


def test_a_link_to_no_page_of_the_site_is_an_error_at_its_line(tmp_path, capfd):
    text = LINKS + "\nAnd my [posts on Munro](/blog/tag/munro/), [earlier](../2009/gone.md).\n"
    status, err, _ = build_with(tmp_path, capfd, extra={"posts/2010/reading.md": text})
    assert status != 0
    assert "posts/2010/reading.md:12: ERROR: link: to '/blog/tag/munro/', which is no page" in err
    # named as the author wrote it
    assert "reading.md:12: ERROR: link: to '../2009/gone.md', which is no page" in err
    assert "target not found" not in err  # said once, by the check that knows the site


def test_a_link_is_checked_again_when_its_page_goes_though_its_post_is_not_read(tmp_path, capfd):
    """The tag's one post loses the tag: the tag's page is gone, and the post
    linking to it, unchanged and not read again, fails the next build."""
    status, err, site = build_with(tmp_path, capfd, extra={"posts/2010/reading.md": LINKS})
    assert status == 0, err
    good = tmp_path / "blog/posts/2010/good.md"
    good.write_text(good.read_text(encoding="utf-8").replace("tags: [Ofsted]", "tags: [Munro]"))
    status = build(tmp_path / "blog", tmp_path / "blog/_build/html")
    err = capfd.readouterr().err
    assert status != 0
    assert "reading.md:7: ERROR: link: to '/blog/tag/ofsted/', which is no page" in err
    # The last good site stays published.
    assert hrefs(site, "posts/2010/reading.html")["posts on Ofsted"].startswith("../../blog/tag/")
    assert (site.root / "blog/tag/ofsted/index.html").is_file()


COMMENTS = """\
- id: '1'
  date: '2010-07-04T10:00:00+01:00'
  author: A reader
  html: <p>See <a href="/search/label/Munro">the Munro posts</a>.</p>
"""


def test_a_comments_link_to_a_label_page_leads_there_once_the_page_comes(tmp_path, capfd):
    """A comment's link from the site's root (as an import writes one to the
    old blog's label page) leads to the page here, relative to the post's;
    while no post has the label it is left as it was, and once one has it,
    the commented post, unchanged and not read again, is written with the link
    (a post's tags changed: every page is written again, incremental.py)."""
    post = "---\ndate: 2010-07-03\n---\n\n# Commented\n\nWords.\n"  # (no link of its own)
    extra = {"posts/2010/reading.md": post, "posts/2010/reading.comments.yaml": COMMENTS}
    status, err, site = build_with(tmp_path, capfd, extra=extra)
    assert status == 0, err
    link = site.page("posts/2010/reading.html").find("a", string="the Munro posts")
    assert link["href"] == "/search/label/Munro"
    good = tmp_path / "blog/posts/2010/good.md"
    good.write_text(
        good.read_text(encoding="utf-8").replace("tags: [Ofsted]", "tags: [Ofsted, Munro]")
    )
    status = build(tmp_path / "blog", tmp_path / "blog/_build/html")
    assert status == 0, capfd.readouterr().err
    link = site.page("posts/2010/reading.html").find("a", string="the Munro posts")
    assert link["href"] == "../../blog/tag/munro/index.html"
