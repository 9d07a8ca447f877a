"""Sphinx settings for the archive of Chris Mills' child-protection blog.

Settings only: the behaviour lives in the ``blogarchive`` extension (src/blogarchive).
"""

import os

# -- Project ----------------------------------------------------------------
project = "Chris Mills' blog"
author = "Chris Mills"
copyright = "2009-2010, Chris Mills"
language = "en"

# -- Sources ----------------------------------------------------------------
extensions = ["myst_parser", "ablog", "blogarchive"]
root_doc = "index"
source_suffix = {".md": "markdown"}
# Publish exactly the pages and posts; everything else in the repository
# (README, tests, benchmarks, .venv) is not part of the site.
# pages/ holds the old blog's static pages (About, Contact) that `blog import` brings.
include_patterns = ["index.md", "about.md", "posts/**/*.md", "pages/*.md"]
templates_path = ["_templates"]
html_static_path = ["_static"]
# The author's characters stay as written: no curly quotes, dashes or
# ellipses substituted for the ASCII ones in the posts.
smartquotes = False

# -- Base URL ---------------------------------------------------------------
# Feeds and rel=canonical need absolute URLs.  CI sets BLOG_BASEURL from the
# GitHub Pages configuration; the default is the archive's address.
# (An empty BLOG_BASEURL, as on pull requests, means the default; one trailing slash.)
html_baseurl = (os.environ.get("BLOG_BASEURL") or "https://chrismillsblog.github.io").rstrip(
    "/"
) + "/"

# -- ABlog ------------------------------------------------------------------
blog_title = "Chris Mills' blog"
blog_path = "blog"
blog_baseurl = html_baseurl
blog_post_pattern = "posts/*/*.md"
post_date_format = "%-d %B %Y"
post_date_format_short = "%-d %B %Y"
post_auto_excerpt = 1
# ABlog's own feeds are replaced by blogarchive.feeds (it stamps them with the
# build time, the build machine's timezone and only the last author).
blog_feed_templates = {}
blog_feed_fulltext = True
# The newest 50 posts in each feed: what feed readers fetch; the archive has the rest.
blog_feed_length = 50
fontawesome_included = False

# -- blogarchive ------------------------------------------------------------
# The blog was written in the UK: dates without an offset are London time,
# whatever the TZ of the machine that builds the site.
blog_timezone = "Europe/London"
blog_recent_posts = 5
# An Atom feed of each tag's, category's and author's newest posts (as the
# blog's: blog_feed_length, full text), which their pages link to.
blog_tag_feeds = True
blog_category_feeds = True
blog_author_feeds = True
blog_posts_per_page = 10
# Where "Last updated" links to a post's history and the footer to the commit
# the site was built from; CI sets it from the repository it runs in.
blog_repository_url = os.environ.get("BLOG_REPOSITORY_URL") or "https://github.com/chrismills/blog"
blog_repository_branch = "main"
blog_related_posts = 3
# Search: a blog of more pages than this is indexed in parts, one at a time
# (Pagefind holds about 0.3 MB a page while it indexes), counted from the
# oldest post, the newest at most half a part; each part beyond the first
# costs a reader's search a few small requests more.
blog_search_part_pages = 2000


# -- HTML (Furo, through our child theme) -----------------------------------
# "blogarchive" inherits Furo and sets ablog_inject_templates_after_theme, so
# ABlog's templates never replace Furo's (ablog#108).
html_theme = "blogarchive"
html_title = "Chris Mills' blog"
html_last_updated_fmt = None
# No index of terms: this is a blog, not API documentation.
html_use_index = False
html_copy_source = False
html_show_sourcelink = False
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/blog.html",  # navigation, recent posts, tags, months
        "sidebar/scroll-end.html",
    ]
}
html_theme_options = {
    "top_of_page_buttons": [],
}
html_css_files = ["custom.css", "imported.css"]
# The site's icon, answered at /favicon.ico (an old address: Blogger answered
# it, and a browser asks for it where a page names none; linked from each page
# when the site is under a path): a white "C" on blue, a 32 px PNG in an ICO,
# drawn from this SVG by Chromium:
# <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32"
# rx="6" fill="#2f5d8a"/><path d="M22.5 10.2a8.5 8.5 0 1 0 0 11.6" fill="none" stroke="#fff"
# stroke-width="4" stroke-linecap="round"/></svg>
html_favicon = "_static/favicon.ico"
# A picture shown at a width of its own is a picture, not a link to itself
# (Sphinx's default): its post never linked it, and with no alt text such a
# link has no name for a screen reader.  A picture its post linked stays linked.
html_scaled_image_link = False

# -- MyST -------------------------------------------------------------------
# ~~struck out~~ (an imported <del>, <s> or <strike>: importers/html.py) as <s>.
# MyST warns that docutils has no such node, whatever the builder; this site's
# builders (the HTML site, the e-book) all write HTML, which keeps it.
# (The blogarchive extension adds attrs_block, attrs_inline and deflist, with
# which imported posts keep a list's numbering, underlined words and
# definition lists.)
myst_enable_extensions = ["strikethrough"]
suppress_warnings = ["myst.strikethrough"]
myst_heading_anchors = 0

# -- The e-book (`make epub`, issue 16) ---------------------------------------
# Sphinx's epub builder as blogarchive/epub.py changes it: contents by year and
# month, Sphinx's epub theme.  The site offers the last one built.
epub_basename = "chrismillsblog"
epub_title = blog_title
epub_author = author
epub_publisher = author
epub_copyright = copyright
version = release = "1"  # the e-book's edition: EPUB 3 needs one
epub_uid = epub_identifier = "chrismillsblog-archive"  # one name: toc.ncx and content.opf agree
epub_scheme = "blogarchive"
epub_css_files = ["imported.css"]  # imported words' marks (custom.css is for Furo's pages)
epub_exclude_files = ["_static/favicon.ico"]  # the site's icon (a book has its cover)
epub_show_urls = "footnote"
epub_tocscope = "includehidden"  # the contents epub.py makes, in nav.xhtml and toc.ncx
epub_tocdepth = 3  # year, month, post
blog_epub_file = f"_build/epub/{epub_basename}.epub"
