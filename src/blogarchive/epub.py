"""The archive as an e-book (issue 16): ``make epub``.

``sphinx-build -b epub`` builds every post into one EPUB 3 with this builder,
which replaces Sphinx's own under the same name.  What it changes:

- the table of contents is the archive's: each year, each month of it, its
  posts oldest first (Sphinx's follows the home page's toctree, which holds
  no post: ABlog finds posts by their folder).  A year and a month are pages
  of the book too, listing what they hold (:func:`epub_pages`), so every
  entry of the contents opens a page; the site's own pages follow.
- Nothing in it is loaded from another host, and nothing is fetched to make
  it (:class:`NothingFromAnotherHost`).
- Sphinx's epub theme, as it is: the site's templates (``_templates/``) are
  Furo's pages, with a sidebar, scripts and archive pages a book has no use
  for.  Under each post's title its date and tags are text, not links to the
  site's tag pages (posts.add_post_header).

The site offers the book as "Download the archive": ``make site`` publishes
the last ``make epub``'s file when there is one (``pages._publish_epub``).
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import os
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import lxml.html
from docutils import nodes
from lxml import etree
from sphinx.builders.epub3 import Epub3Builder
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from . import comments
from .ablog_compat import registry
from .feeds import ADDRESS_WITH_HOST, inert
from .model import counted

FOLDER = "epub"  # the year and month pages' folder in the book


def is_epub(builder) -> bool:
    return builder.name == "epub"


def for_site(builder) -> bool:
    """An HTML build of the site: the e-book's builder is an HTML one too, but
    has none of the site's page context, archive pages or feeds."""
    return builder.format == "html" and not is_epub(builder)


def _months(app):
    """((year, [(month, [posts oldest first])...])...) oldest first."""
    posts = sorted(registry(app).posts, key=lambda post: (post.date, post.docname))
    by_year = itertools.groupby(posts, key=lambda post: post.date.year)
    for year, in_year in by_year:
        months = itertools.groupby(list(in_year), key=lambda post: post.date.month)
        yield year, [(month, list(in_month)) for month, in_month in months]


def _month_name(post) -> str:
    return post.date.strftime("%B %Y")


#: A page's item in Sphinx's content.opf (its template's one form).
MANIFEST_PAGE = re.compile(
    r'(<item id="[^"]*" href="([^"]+)" media-type="application/xhtml\+xml")( />)'
)


class BlogEpubBuilder(Epub3Builder):
    """Sphinx's EPUB 3 builder with the archive's table of contents."""

    name = "epub"

    def init_templates(self) -> None:
        saved = self.config.templates_path
        self.config.templates_path = []  # the epub theme as it is (see the module's docstring)
        try:
            super().init_templates()
        finally:
            self.config.templates_path = saved

    def build_content(self) -> None:
        """Sphinx's ``content.opf``, each page holding math (mathml.py)
        declared so (``properties="mathml"``), as EPUB 3 requires: Sphinx's
        template writes no item's properties."""
        super().build_content()
        opf = Path(self.outdir, "content.opf")

        def declared(match: re.Match) -> str:
            page = Path(self.outdir, html.unescape(match[2]))
            holds_math = page.is_file() and "<math" in page.read_text(encoding="utf-8")
            return f'{match[1]} properties="mathml"{match[3]}' if holds_math else match[0]

        opf.write_text(MANIFEST_PAGE.sub(declared, opf.read_text(encoding="utf-8")), "utf-8")

    def content_metadata(self) -> dict:
        """Sphinx's, the book dated by the last commit (``dc:date``,
        ``dcterms:modified``), not by when it was built: the same commit
        makes the same book, on any day (``SOURCE_DATE_EPOCH``, when set,
        as Sphinx has it; outside git, the time of the build)."""
        from .state import build_state

        metadata = super().content_metadata()
        history = build_state(self.config).history
        if os.getenv("SOURCE_DATE_EPOCH") is None and history and history.head:
            made = history.head.date.astimezone(dt.UTC)
            metadata["date"] = html.escape(made.strftime("%Y-%m-%dT%H:%M:%SZ"))
        return metadata

    def build_epub(self) -> None:
        """Sphinx's (``sphinx.builders._epub_base``), the zip written with
        repro-zipfile: each file in it dated alike (1980, or
        ``SOURCE_DATE_EPOCH``), not by when the build wrote it.  (Sphinx's
        method names its ``ZipFile`` itself: a subclass cannot hand it another.)"""
        from zipfile import ZIP_DEFLATED, ZIP_STORED

        from repro_zipfile import ReproducibleZipFile

        outdir = Path(self.outdir)
        with ReproducibleZipFile(outdir / f"{self.config.epub_basename}.epub", "w") as epub:
            epub.write(outdir / "mimetype", "mimetype", ZIP_STORED)  # first, as it is
            for filename in ("META-INF/container.xml", "content.opf", "toc.ncx", *self.files):
                epub.write(outdir / filename, filename, ZIP_DEFLATED)

    def add_visible_links(self, tree: nodes.document, show_urls: str = "inline") -> None:
        """Sphinx's, without the "Footnotes" heading it adds to the end of
        every page before it looks for a link to note (``epub_show_urls =
        "footnote"``): a page with none ended on that heading alone."""
        before = {id(rubric) for rubric in tree.findall(nodes.rubric)}
        super().add_visible_links(tree, show_urls)
        for added in [r for r in tree.findall(nodes.rubric) if id(r) not in before]:
            parent = added.parent
            noted = parent.children[parent.index(added) + 1 :]
            if not any(isinstance(node, nodes.footnote) for node in noted):
                parent.remove(added)

    def get_toc(self) -> None:
        suffix = self.out_suffix
        refnodes = []
        for year, months in _months(self.app):
            refnodes.append(_entry(1, f"{FOLDER}/{year}{suffix}", str(year)))
            for month, posts in months:
                page = f"{FOLDER}/{year}-{month:02d}{suffix}"
                refnodes.append(_entry(2, page, _month_name(posts[0])))
                refnodes += [_entry(3, p.docname + suffix, p.title) for p in posts]
        posts = {post.docname for post in registry(self.app).posts}
        root = self.config.root_doc
        others = sorted(d for d in self.env.found_docs if d not in posts and d != root)
        refnodes += [_entry(1, d + suffix, self.env.titles[d].astext()) for d in others]
        self.refnodes = refnodes
        self.toc_add_files(self.refnodes)


class NothingFromAnotherHost(SphinxPostTransform):
    """In the book: nothing loaded from another host, nothing fetched to make it.

    Sphinx's e-book builder downloads every picture a post shows from another
    host while it builds (its ``ImageDownloader``: a build on the network,
    which fails with -W when the host is gone), and an e-reader loads what a
    post's raw HTML names, with no page policy to stop it (csp.py).  Here,
    before Sphinx would fetch it, such a picture is a link to it with its alt
    text (the reader may follow it), or, where it was a link, its alt text in
    that link; raw HTML is cleaned as the feeds' entries are (feeds.inert: no
    script, frame or another host's picture)."""

    default_priority = 90  # before Sphinx's ImageDownloader (100)
    builders = ("epub",)

    def run(self, **kwargs) -> None:
        for image in list(self.document.findall(nodes.image)):
            uri = image.get("uri", "")
            if ADDRESS_WITH_HOST.match(uri) and not uri.lower().startswith("data:"):
                words = nodes.Text(image.get("alt") or uri)
                holder = image.parent
                # A picture that was a link: its words in that link, which leads where
                # it did.  (A link to the picture in it was a link in a link, and in a
                # figure, whose link holds a picture alone, Sphinx's writer failed.)
                if isinstance(holder, nodes.reference):
                    image.replace_self(words)
                    if not isinstance(holder.parent, nodes.TextElement):
                        holder.replace_self(nodes.paragraph("", "", holder.deepcopy()))
                    continue
                link = nodes.reference("", "", words, refuri=uri)
                link["classes"].append("remote-picture")
                inline = isinstance(holder, nodes.TextElement)
                image.replace_self(link if inline else nodes.paragraph("", "", link))
        for raw in list(self.document.findall(nodes.raw)):
            if "html" in raw.get("format", "").split():
                cleaned = xhtml(inert(raw.astext(), None))
                raw.replace_self(nodes.raw("", cleaned, format="html"))


#: HTML 4's elements the sanitiser keeps and EPUB 3's XHTML has not, as HTML5 has them.
OBSOLETE = {"acronym": "abbr", "tt": "code", "center": "div"}


def xhtml(markup: str) -> str:
    """HTML (as nh3 writes it: "<br>") as the XHTML a book's pages are ("<br/>"):
    an e-reader's parser stops at the first unclosed element, and every line
    break a post has (MyST's, raw HTML) had been one; a comment's <acronym>,
    which the book's XHTML does not have, an <abbr>."""
    holder = lxml.html.fragment_fromstring(markup, create_parent="div")
    for element in holder.iter(*OBSOLETE):
        element.tag = OBSOLETE[element.tag]
    children = (etree.tostring(child, method="xml", encoding="unicode") for child in holder)
    return html.escape(holder.text or "", quote=False) + "".join(children)


def _entry(level: int, refuri: str, text: str) -> dict:
    return {"level": level, "refuri": html.escape(refuri), "text": html.escape(text)}


def epub_pages(app):
    """``html-collect-pages``, in the book only: a page for each year and month."""
    if not is_epub(app.builder):
        return
    builder = app.builder
    uri = builder.get_target_uri

    def link(page: str, target: str, text: str) -> str:
        return (
            f'<a href="{html.escape(relative_uri(uri(page), uri(target)))}">{html.escape(text)}</a>'
        )

    for year, months in _months(app):
        year_page = f"{FOLDER}/{year}"
        items = "".join(
            f"<li>{link(year_page, f'{year_page}-{m:02d}', _month_name(posts[0]))}"
            f" ({counted(len(posts), 'post')})</li>"
            for m, posts in months
        )
        body = f"<section><h1>{year}</h1><ul>{items}</ul></section>"
        yield year_page, {"title": str(year), "body": body}, "page.html"
        for month, posts in months:
            page = f"{year_page}-{month:02d}"
            items = "".join(
                f"<li>{link(page, post.docname, post.title)}, {_day(post)}</li>" for post in posts
            )
            name = html.escape(_month_name(posts[0]))
            body = f"<section><h1>{name}</h1><ul>{items}</ul></section>"
            yield page, {"title": name, "body": body}, "page.html"


def comments_in_book(app, pagename, templatename, context, doctree) -> None:
    """``html-page-context``, in the book only: under a post or a page, the
    comments its readers left on the old blog, threaded, as the site shows
    them (``_templates/blog/comments.html``): the book is the archive.  Each
    comment's text is cleaned as the feeds' entries are (feeds.inert), then
    written as XHTML, which an e-book's pages are."""
    if not is_epub(app.builder) or doctree is None or "body" not in context:
        return
    tz = ZoneInfo(app.config.blog_timezone)
    # (a link to an archive page, which the book has not: its words)
    if found := comments.thread(app.srcdir, pagename, tz, lead=lambda address: ""):
        told = comments.told(found)
        context["body"] += (
            '<section class="comments"><h2>Comments from the original blog</h2>'
            f"<p>{told}, kept from the blog as it was.</p>"
            f"{_comment_list(found, app.config.post_date_format)}</section>"
        )


def _comment_list(found: list, date_format: str) -> str:
    items = []
    for comment in found:
        author = html.escape(comment.author)
        if comment.url:
            author = f'<a class="comment-author" href="{html.escape(comment.url)}">{author}</a>'
        else:
            author = f'<span class="comment-author">{author}</span>'
        if comment.kind != "comment":  # (a link from another blog's post: "Pingback:")
            author = f'<span class="comment-kind">{comment.kind.capitalize()}:</span> {author}'
        when = f"{comment.when.strftime(date_format)} at {comment.when:%H:%M}"
        text = f'<div class="comment-text">{xhtml(inert(comment.html, None))}</div>'
        replies = _comment_list(comment.replies, date_format) if comment.replies else ""
        items.append(
            f'<li class="{" ".join(dict.fromkeys(("comment", comment.kind)))}">'
            f'<p class="comment-meta">{author}, {html.escape(when)}</p>'
            f"{text}{replies}</li>"
        )
    return f'<ol class="comment-thread">{"".join(items)}</ol>'


def _day(post) -> str:
    return f"{post.date.day} {_month_name(post)}"


def epub_file(app) -> Path | None:
    """The last ``make epub``'s book (``blog_epub_file``), if there is one."""
    name = app.config.blog_epub_file
    path = Path(app.srcdir, name) if name else None
    return path if path and path.is_file() else None
