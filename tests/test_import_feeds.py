"""A blog's own feeds, all a reader may have saved of a blog whose export is lost.

Blogger's public feeds come in already (tests/test_real_exports.py,
``androiddev-blogger-public-feed.xml``); a WordPress blog's RSS feed too
(``appsemble-wordpress-feed.xml``).  Here, written after WordPress's own
templates (``feed-atom.php``, ``feed-rss2.php``): an Atom feed of a blog that
is not Blogger's, whose entries had all been skipped as "unknown", and an RSS
feed set to show summaries alone.  Each entry comes in as a published post,
the report says the feed holds the newest posts alone, and the counters a
feed adds to a post's address (``?utm_source=rss``) leave it.
"""

from __future__ import annotations

from test_real_exports import import_variant

ATOM = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title type="text">Essays</title>
  <link rel="alternate" type="text/html" href="https://essays.example" />
  <id>https://essays.example/feed/atom/</id>
  <updated>2019-11-12T15:44:38Z</updated>
  <generator uri="https://wordpress.org/" version="5.2.4">WordPress</generator>
  <entry>
    <author><name>A. Writer</name></author>
    <title type="html"><![CDATA[On archives &#038; memory]]></title>
    <link rel="alternate" type="text/html"
      href="https://essays.example/archives/?utm_source=rss&#038;utm_medium=rss" />
    <id>https://essays.example/?p=1190</id>
    <updated>2019-07-05T10:52:30Z</updated>
    <published>2019-07-05T10:15:23Z</published>
    <category scheme="https://essays.example" term="Essays" />
    <summary type="html"><![CDATA[The start.]]></summary>
    <content type="html"><![CDATA[<p>The start.</p><p>The rest, <em>kept</em>.</p>]]></content>
  </entry>
</feed>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Notes</title>
  <link>https://notes.example</link>
  <generator>https://wordpress.org/?v=4.9</generator>
  <item>
    <title>A summary alone</title>
    <link>https://notes.example/2018/03/a-summary-alone/?utm_source=rss&amp;fbclid=x1</link>
    <pubDate>Sat, 03 Mar 2018 09:00:00 +0000</pubDate>
    <dc:creator><![CDATA[B. Writer]]></dc:creator>
    <category><![CDATA[Notes]]></category>
    <description><![CDATA[The first words of the post [&#8230;]]]></description>
  </item>
</channel>
</rss>
"""


def test_an_atom_feed_of_another_blog_comes_in_as_its_newest_posts(tmp_path):
    root, site, report = import_variant(tmp_path, "blogger", ATOM)
    assert "incomplete: a feed of the blog (Atom), not a Blogger backup: its 1 entry" in report
    page = site.page("posts/2019/on-archives-memory.html")
    assert page.select_one("article h1").get_text().rstrip("¶") == "On archives & memory"
    assert [p.get_text() for p in page.select("article section > p:not(.post-meta)")] == [
        "The start.",
        "The rest, kept.",
    ]
    assert page.select_one("article section em").get_text() == "kept"
    assert {a.get_text() for a in page.select(".post-meta .post-tag")} == {"Essays"}
    refresh = site.page("archives/index.html").select_one('meta[http-equiv="refresh"]')
    assert refresh["content"].endswith("posts/2019/on-archives-memory.html")
    post = (root / "posts/2019/on-archives-memory.md").read_text(encoding="utf-8")
    assert "blogger_url: https://essays.example/archives/\n" in post


def test_an_rss_feed_of_summaries_keeps_each_summary(tmp_path):
    root, site, report = import_variant(tmp_path, "wordpress", RSS)
    assert "incomplete: a feed of the blog (RSS), not its export: its 1 item" in report
    assert "kept: its <description> alone, the start of its text" in report
    page = site.page("posts/2018/a-summary-alone.html")
    assert (
        page.select_one("article section > p:not(.post-meta)").get_text()
        == "The first words of the post […]"
    )
    assert "B. Writer" in page.select_one(".post-meta").get_text()
    assert {a.get_text() for a in page.select(".post-meta .post-tag")} == {"Notes"}
    assert site.path("2018/03/a-summary-alone/index.html").is_file()
    post = (root / "posts/2018/a-summary-alone.md").read_text(encoding="utf-8")
    assert "utm_" not in post and "fbclid" not in post


#: A Blogger blog's posts feed as RSS (``/feeds/posts/default?alt=rss``): its
#: labels are categories of Blogger's scheme.
BLOGGER_RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0">
<channel>
  <atom:id>tag:blogger.com,1999:blog-77</atom:id>
  <title>Chris Mills</title>
  <link>http://chrismillsblog.blogspot.com/</link>
  <item>
    <guid isPermaLink="false">tag:blogger.com,1999:blog-77.post-5</guid>
    <pubDate>Fri, 02 Jul 2010 10:15:00 +0000</pubDate>
    <atom:updated>2010-07-02T11:15:00.000+01:00</atom:updated>
    <category domain="http://www.blogger.com/atom/ns#">Serious case reviews</category>
    <title>A review published</title>
    <description>&lt;p&gt;The review is out.&lt;/p&gt;</description>
    <link>http://chrismillsblog.blogspot.com/2010/07/a-review-published.html</link>
    <author>noreply@blogger.com (A. Guest Writer)</author>
  </item>
</channel>
</rss>
"""


def test_a_blogger_blogs_rss_feed_keeps_its_labels(tmp_path):
    """Blogger's feed as RSS (``?alt=rss``), read as the RSS feed it is: its
    labels (categories of Blogger's scheme, which the feed reading left out
    as no domain WordPress has) are the post's tags, its RSS author's name
    (never the e-mail address beside it) its author, and its old address is
    answered."""
    root, site, report = import_variant(tmp_path, "wordpress", BLOGGER_RSS)
    assert "incomplete: a feed of the blog (RSS)" in report
    page = site.page("posts/2010/a-review-published.html")
    assert {a.get_text() for a in page.select(".post-meta .post-tag")} == {"Serious case reviews"}
    assert page.select_one("article section > p:not(.post-meta)").get_text() == "The review is out."
    assert site.path("2010/07/a-review-published.html").is_file()
    assert "A. Guest Writer" in page.select_one(".post-meta").get_text()
    assert "noreply" not in (root / "posts/2010/a-review-published.md").read_text("utf-8")
