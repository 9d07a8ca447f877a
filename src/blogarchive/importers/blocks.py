"""The block editor's markup (WordPress 5.0 and later) that is not the post's HTML.

A block is saved in the post as HTML between two comments (``<!-- wp:paragraph
-->...<!-- /wp:paragraph -->``), which the converter drops and keeps the HTML.
Some blocks save no HTML at all, one comment alone (``<!-- wp:name {...} /-->``):
WordPress made what they showed each time the page was shown.  Dropped with
the other comments, they vanished without a word; here:

- A reusable block (``wp:block``, its ``ref`` an item of type ``wp_block``) is
  the block's content.
- Footnotes (WordPress 6.3 and later): each ``<sup data-fn="ID">`` in the text
  refers to a note whose text is in the post's ``footnotes`` field (JSON, one
  ``{"id", "content"}`` a note), which WordPress listed where
  ``<!-- wp:footnotes /-->`` stands.  Each reference is marked for the
  converter, which writes MyST footnotes (``[^1]``, the notes at the end).
- An embed (``wp:embed``: a video, a tweet, a post of another site), saved
  as its address alone, which WordPress showed as the provider's player, is
  an embed for the converter (which links it, loading nothing); so is an
  address alone on its line of a classic post, on a site WordPress embedded
  from (its auto-embeds).
- A file block's name and its "Download" button stay apart.
- A social or navigation link is its link; a feed from another site
  (``wp:rss``) a link to the feed, which loads nothing.
- A list of the blog's own that WordPress made as the page was shown (its
  archives, calendar, newest posts, categories, tag cloud, search box) is a
  link to the archive's page that lists the same (html.LISTED_HERE): an
  "Archives" page had come in empty, and "The archive widget:" led to nothing.
  A query loop of the blog's posts (``wp:query``) is the newest posts' note.
  A list of pages (``wp:page-list``) is the export's published pages, each a
  link to its old address, which the import makes a link to its page here.
- A list of the newest comments (``wp:latest-comments``) is the export's
  newest approved comments, as they stood when the blog was exported, each
  a link to its post.
- A theme's block of the post's own fields (its title, date, author,
  categories, tags, excerpt) or of the blog's (its name, its tagline) is
  what it showed, from the export (:class:`OwnFields`); an archive's or a
  search's title, or a term's description, showed nothing in a post.
- Any other (a theme's template parts, the pages of a query, the comment
  form...) is dropped with a note in the report.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections import Counter
from html import escape, unescape

from ..frontmatter import split_address
from .html import BLOG_PATH, FOOTNOTE, LISTED_HERE, autop, listed, mark
from .records import counted

REUSABLE = re.compile(r"<!--\s*wp:block\s+(\{[^>]*?\})\s*/-->")
REFERENCE = re.compile(
    r"<sup\b[^>]*?\bdata-fn\s*=\s*(['\"])([^'\"]+)\1[^>]*>.*?</sup>", re.S | re.I
)
FOOTNOTES_BLOCK = re.compile(r"<!--\s*wp:footnotes\b(?:[^>]*?)/-->")
#: A block of one comment; its attributes (JSON) never hold "-->" (WordPress
#: writes "--" in them as "\u002d\u002d"), so a match never runs into the next.
SELF_CLOSED = re.compile(
    r"<!--\s*wp:([a-z][a-z0-9-]*(?:/[a-z][a-z0-9-]*)?)\s*(\{(?:(?!-->).)*?\})?\s*/-->", re.S
)


def block_markup(
    html: str, classic: bool, fields: list[str], shared, notes: list[str], own=None
) -> tuple[str, list[str]]:
    """A WordPress post's HTML with the block editor's markup that is not HTML
    read (above), and its footnotes' texts (:func:`footnotes`).  ``classic``:
    the post holds no block (:data:`BLOCK_MARK`); ``fields``: its
    ``footnotes`` fields; ``shared``: what the export's entries share
    (wordpress.Shared): its reusable blocks by number, its pages; ``own``:
    its own fields (:class:`OwnFields`)."""
    html = with_reusable_blocks(html, shared.blocks, notes)
    if not classic:  # (WordPress's render_block_core_shortcode: wpautop)
        html = SHORTCODE_BLOCK.sub(lambda found: autop(found[1]), html)
    html, texts = footnotes(html, fields, notes)
    html = FILE_BUTTON.sub(r"\1 \2", embeds(html, classic))
    lists = (shared.page_list, shared.listing_page, shared.comments.shown)
    return dynamic_blocks(html, notes, *lists, own), texts


#: A shortcode block's text, which WordPress showed through wpautop.
SHORTCODE_BLOCK = re.compile(r"<!--\s*wp:shortcode\s*-->(.*?)<!--\s*/wp:shortcode\s*-->", re.S)
#: The block editor's mark of a block: a post holding one is not a classic post.
BLOCK_MARK = re.compile(r"<!--\s*/?wp:")
#: A file block's link to the file, then its button.
FILE_BUTTON = re.compile(
    r"(<div\b[^>]*\bwp-block-file\b[^>]*>\s*<a\b.*?</a>)\s*(<a\b)", re.S | re.I
)


def with_reusable_blocks(html: str, blocks: dict[str, str], notes: list[str], depth=0) -> str:
    """Each reference to a reusable block replaced by the block's content (in
    it, a block may name another: three deep at most); one the export lacks is
    noted: the reference, a comment, would vanish without a word."""

    def content(match: re.Match) -> str:
        ref = str(_attributes(match.group(1)).get("ref", ""))
        if ref in blocks and depth < 3:
            return with_reusable_blocks(blocks[ref], blocks, notes, depth + 1)
        why = "nested more than three deep" if ref in blocks else "not in the export"
        notes.append(f"dropped: reusable block {ref or match.group(1)}, {why}")
        return ""

    return REUSABLE.sub(content, html)


def _notes_in(fields: list[str]) -> dict[str, str]:
    """Each note's text by its id, from the first ``footnotes`` field that
    holds any (an export can hold a second, empty one)."""
    for field in fields:
        try:
            listed = json.loads(field)
        except ValueError:
            continue
        if not isinstance(listed, list):
            continue
        found = {
            str(note["id"]): str(note.get("content") or "")
            for note in listed
            if isinstance(note, dict) and note.get("id")
        }
        if found:
            return found
    return {}


def footnotes(html: str, fields: list[str], notes: list[str]) -> tuple[str, list[str]]:
    """The post's HTML with each footnote reference marked (html.mark of
    FOOTNOTE and an index into the notes' texts, returned with it).  A note
    no reference names is a paragraph where WordPress listed the notes (it
    showed it there too); a reference to a note the export lacks is left as
    the number it showed, noted."""
    texts = _notes_in(fields)
    order: dict[str, int] = {}
    missing = []

    def reference(match: re.Match) -> str:
        note = match[2]
        if note not in texts:
            missing.append(note)
            return match[0]
        order.setdefault(note, len(order))
        return mark(FOOTNOTE, order[note])

    html = REFERENCE.sub(reference, html)
    if missing:
        what = counted(len(missing), "footnote mark")
        notes.append(f"left as is: {what} whose note's text the export lacks")
    unreferenced = [text for note, text in texts.items() if note not in order]
    if unreferenced:
        what = counted(len(unreferenced), "footnote")
        shown = "a paragraph" if len(unreferenced) == 1 else "paragraphs"
        notes.append(f"changed: {what} the text marks nowhere, {shown} where the notes were")
    listed = "".join(f"<p>{text}</p>" for text in unreferenced)
    html, blocks = FOOTNOTES_BLOCK.subn(lambda _: listed, html, count=1)
    html = FOOTNOTES_BLOCK.sub("", html) if blocks else html + listed
    if order:
        what = counted(len(order), "footnote")
        notes.append(f"changed: {what} from the post's fields, at its end")
    return html, [texts[note] for note in sorted(order, key=order.get)]


#: Blocks that are a link WordPress made from their attributes.
LINKS = {"social-link": "service", "navigation-link": "label"}


#: Blocks that, saved as one comment, showed nothing but space: an empty
#: shortcode block, a spacer or a separator (some editors' exports write
#: them so); in a post, a theme's title of an archive or a search, or a
#: term's description (none outside their pages).
BLANK = {"shortcode", "spacer", "separator", "query-title", "term-description"}


def dynamic_blocks(
    html: str, notes: list[str], page_list=None, listing_page=None, latest_comments=None, own=None
) -> str:
    """Each block saved with no HTML of its own (after :func:`footnotes` and
    :func:`with_reusable_blocks`) as what the archive can show of it: a link,
    the list of the export's pages (``page_list(parent)``, HTML), or nothing,
    noted.  ``listing_page(filters)``: the kind, name and folder of the page
    here of the newest posts of the categories, tags or authors of those
    numbers (kind: numbers), or none (wordpress.Shared.listing_page).
    ``latest_comments(attributes)``: the newest comments as a latest comments
    block showed them (HTML; wordpress.NewestComments.shown).  ``own``: the
    post's own fields, which a theme's block of one showed (:class:`OwnFields`)."""
    made: dict[str, Counter[str]] = {kind: Counter() for kind in MADE}
    shown = made["listed"]  # the blocks made links to the archive's lists

    def block(match: re.Match) -> str:
        name, attributes = match[1], _attributes(match[2])
        url = str(attributes.get("url") or attributes.get("feedURL") or "")
        if name in LINKS and url:
            words = str(attributes.get("label") or attributes.get(LINKS[name]) or url)
            link = f'<a href="{escape(url)}">{escape(words)}</a>'
            return f"<li>{link}</li>" if name == "social-link" else link
        if name == "rss" and url:
            return f'<iframe src="{escape(url)}" data-kind="Feed"></iframe>'
        if name in LISTED_HERE:
            shown[name] += 1
            if name == "latest-posts" and listing_page:
                chosen = {
                    "category": _numbers(attributes.get("categories")),
                    "author": _numbers(attributes.get("selectedAuthor")),
                }
                return listed(name, *listing_page(chosen))
            return listed(name)
        if name == "page-list" and page_list:
            pages = page_list(str(attributes.get("parentPageID") or 0))
            if pages:
                made["pages"][name] += 1
                return pages
        if own is not None and (field := own.shown(name, attributes)) is not None:
            made["fields"][name] += 1
            return field
        if name == "latest-comments" and latest_comments:
            made["comments"][name] += 1
            return latest_comments(attributes)
        if name not in BLANK:
            made["dropped"][name] += 1
        return ""

    if "wp:query" in html:
        html = QUERY.sub(lambda match: _query_loop(match, shown, listing_page), html)
    html = SELF_CLOSED.sub(block, html)
    for kind, said in MADE.items():
        if made[kind]:
            lists = sum(made[kind].values())
            what = "a list" if lists == 1 else f"{lists} lists"
            notes.append(said.format(what=what, named=_named(made[kind])))
    return html


#: What the report says of the blocks :func:`dynamic_blocks` made, by what it made of them.
MADE = {
    "listed": "changed: blocks WordPress made as the page was shown, each a link to the"
    " archive's page that lists the same: {named}",
    "pages": "changed: {what} of pages WordPress made as the page was shown (page-list):"
    " the export's published pages, each a link to its page",
    "fields": "changed: blocks WordPress made as the page was shown of the post's own fields"
    " (a theme's), each what it showed, from the export: {named}",
    "comments": "changed: {what} of the newest comments WordPress made as the page was shown"
    " (latest-comments): the newest approved comments as they stood when the blog was"
    " exported, each a link to its post",
    # (a comment form, a login link, a theme's template parts; a post's comments,
    # its featured image and its neighbours' links, which its page here shows)
    "dropped": "dropped: blocks WordPress made as the page was shown, which the archive does"
    " not show in the post: {named}",
}


@dataclasses.dataclass(frozen=True)
class OwnFields:
    """A post's fields that a theme's block (WordPress 5.8 and later) showed
    where it stands in the post, outside a query loop (:func:`_query_loop`),
    as WordPress's ``render_block_core_post_*`` made them: its title
    (``post-title``; WordPress's heading in bold here: a heading in the post
    would make the rest of it a section under the title, or under the
    blog's name, which it was not), date (``post-date``, or its
    last change's, ``displayType`` "modified"), author's name
    (``post-author``, after its ``byline``), categories or tags
    (``post-terms`` of ``term``: each a link to its page on the old blog,
    which the import makes a link to its page here, joined by
    ``separator``, between ``prefix`` and ``suffix``), its own excerpt
    (``post-excerpt``; one WordPress made of its text is not made here:
    dropped, noted); the blog's name and tagline (``site-title``,
    ``site-tagline``).  Dates as the archive shows them; not the date's
    ``format`` (PHP's), nor a link a block made of the title or name."""

    title: str = ""
    date: dt.datetime | None = None
    modified: dt.datetime | None = None
    author: str = ""
    #: Its categories and tags (their names and their pages' addresses), by taxonomy.
    terms: dict[str, list[tuple[str, str]]] = dataclasses.field(default_factory=dict)
    excerpt: str = ""
    site: tuple[str, str] = ("", "")  # the blog's name and tagline
    home: str = ""  # its home page's address

    def shown(self, name: str, attributes: dict) -> str | None:
        """What block ``name`` of ``attributes`` showed; None for no such block,
        or one whose text the export lacks (an excerpt WordPress made)."""
        if name == "post-title":
            return f"<p><strong>{escape(self.title)}</strong></p>" if self.title else ""
        if name == "post-date":
            when = self.modified if attributes.get("displayType") == "modified" else self.date
            return f"<p>{when.day} {when:%B %Y}</p>" if when else None
        if name == "post-author" and self.author:
            byline = str(attributes.get("byline") or "")
            return f"<p>{escape(byline + ' ' if byline else '')}{escape(self.author)}</p>"
        if name == "post-terms":
            if not (terms := self.terms.get(str(attributes.get("term")))):
                return ""  # (none: nothing shown)
            separator = str(attributes.get("separator", ", "))
            links = [
                f'<a href="{escape(url)}">{escape(term)}</a>' if url else escape(term)
                for term, url in terms
            ]
            prefix, suffix = (escape(str(attributes.get(x) or "")) for x in ("prefix", "suffix"))
            return f"<p>{prefix}{escape(separator).join(links)}{suffix}</p>"
        if name == "post-excerpt" and self.excerpt:
            return f"<p>{escape(self.excerpt)}</p>"
        if name in ("site-title", "site-tagline"):
            return self._site(name, attributes)
        return None

    def _site(self, name: str, attributes: dict) -> str:
        """The blog's name (``site-title``: in bold, as its heading; a link to
        its home page unless ``isLink`` is false) or tagline (``site-tagline``)."""
        words = escape(self.site[0] if name == "site-title" else self.site[1])
        if name == "site-title" and self.home and words and attributes.get("isLink") is not False:
            words = f'<a href="{escape(self.home)}">{words}</a>'
        if not words:
            return ""
        return f"<p><strong>{words}</strong></p>" if name == "site-title" else f"<p>{words}</p>"


def _inner(name: str) -> re.Pattern:
    """A block of ``name`` that holds others, from its opening comment to its end."""
    return re.compile(rf"<!--\s*wp:{name}\b(?:(?!-->).)*?-->.*?<!--\s*/wp:{name}\s*-->", re.S)


#: A query loop (WordPress 5.8 and later), its attributes (the query) and what
#: it holds: the template each post it found was shown by (a title's, a date's
#: blocks, which hold nothing), the pages' links, what it showed if it found none.
QUERY = re.compile(
    r"<!--\s*wp:query\s*(\{(?:(?!-->).)*?\})?\s*-->(.*?)<!--\s*/wp:query\s*-->", re.S
)
POST_TEMPLATE, QUERY_PAGES, NO_RESULTS = map(
    _inner, ("post-template", "query-pagination", "query-no-results")
)


def _attributes(text: str | None) -> dict:
    """A block's attributes (its comment's JSON); none if they cannot be read."""
    try:
        attributes = json.loads(text or "{}")
    except ValueError:
        return {}
    return attributes if isinstance(attributes, dict) else {}


def _query_loop(match: re.Match, shown: Counter[str], listing_page=None) -> str:
    """A query loop of the blog's posts (not another kind's) as the archive's
    newest posts (``latest-posts``; of one category, tag or author, its
    page's): its template the note linking to them, its pages' links gone
    (the archive's lists have their own), and what it showed when it found no
    post; whatever else it holds (a heading) kept."""
    query = _attributes(match[1]).get("query")
    query = query if isinstance(query, dict) else {}
    inner = match[2]
    if query.get("postType", "post") != "post" or not POST_TEMPLATE.search(inner):
        return match[0]
    shown["query"] += 1
    taxonomies = query.get("taxQuery")
    taxonomies = taxonomies if isinstance(taxonomies, dict) else {}
    chosen = {  # (WordPress 5.8 saved categoryIds and tagIds, later ones taxQuery)
        "category": _numbers(taxonomies.get("category") or query.get("categoryIds")),
        "tag": _numbers(taxonomies.get("post_tag") or query.get("tagIds")),
        "author": _numbers(query.get("author")),
    }
    found = listing_page(chosen) if listing_page else ()
    inner = POST_TEMPLATE.sub(listed("latest-posts", *found), inner, count=1)
    return NO_RESULTS.sub("", QUERY_PAGES.sub("", inner))


def _numbers(chosen) -> list[str]:
    """The categories (tags, authors) a list of posts was of, by number:
    WordPress 5.0-5.3 saved a latest-posts block's category as a string
    (``"6"``), later ones a list of ``{"id": 6, ...}``, its author a number;
    a query loop, a list of numbers, its authors a string (``"1,2"``)."""
    chosen = chosen if isinstance(chosen, list) else str(chosen or "").split(",")
    numbers = [one.get("id") if isinstance(one, dict) else one for one in chosen]
    return [str(n).strip() for n in numbers if isinstance(n, (str, int)) and str(n).strip()]


def _named(blocks: Counter[str]) -> str:
    return ", ".join(
        name if count == 1 else f"{name} ({count})" for name, count in sorted(blocks.items())
    )


def listed_here(text: str, blog_path: str) -> str:
    """A post's MyST with the site's ``blog_path`` in each link the converter
    wrote to the archive's own pages (html.listed_placeholder), which only the
    importer, reading conf.py, knows; the build checks each (sitelinks.py)."""
    return text.replace(BLOG_PATH, blog_path)


#: Sites WordPress embeds from by their address alone (its oEmbed providers,
#: wp-includes/class-wp-oembed.php, and those it had), by the end of their
#: host name, with what their player showed (html.WHAT_IT_SHOWED).
PROVIDERS = {
    "youtube.com": "Video", "youtu.be": "Video", "vimeo.com": "Video",
    "dailymotion.com": "Video", "dai.ly": "Video", "wordpress.tv": "Video",
    "videopress.com": "Video", "ted.com": "Video", "tiktok.com": "Video",
    "soundcloud.com": "Audio", "spotify.com": "Audio", "mixcloud.com": "Audio",
    "twitter.com": "Tweet", "x.com": "Tweet", "facebook.com": "Post",
    "instagram.com": "Post", "tumblr.com": "Post", "reddit.com": "Post",
    "flickr.com": "Post", "flic.kr": "Post", "imgur.com": "Post",
    "slideshare.net": "Post", "scribd.com": "Post", "issuu.com": "Post",
    "speakerdeck.com": "Post", "kickstarter.com": "Post", "pinterest.com": "Post",
}  # fmt: skip
#: The block editor's embed: its address in its wrapper, a player's place.
EMBED_WRAPPER = re.compile(
    r"(<figure\b[^>]*\bwp-block-embed\b[^>]*>\s*)<div\b[^>]*\bwp-block-embed__wrapper\b[^>]*>"
    r"\s*(https?://[^\s<>\"]+)\s*</div>",
    re.I,
)
#: An address alone on its line, or alone in a paragraph (WordPress's autoembed).
ALONE = re.compile(
    r"^([ \t]*(?:<p\b[^>]*>)?\s*)(https?://[^\s<>\"]+)(\s*(?:</p>)?[ \t]*)$", re.M | re.I
)


def _what_it_showed(url: str) -> str | None:
    parts = split_address(url)  # (None: "http://[oops/", which no browser reads)
    host = ((parts.hostname if parts else None) or "").lower()
    return next(
        (kind for site, kind in PROVIDERS.items() if host == site or host.endswith("." + site)),
        None,
    )


def _player(url: str, kind: str | None) -> str:
    shown = f' data-kind="{kind}"' if kind else ""
    return f'<iframe src="{escape(url)}"{shown}></iframe>'


def embeds(html: str, classic: bool) -> str:
    """The block editor's embeds, and a classic post's addresses WordPress
    embedded, as the players they were (``<iframe>``, marked with what it
    showed), which the converter makes links."""
    html = EMBED_WRAPPER.sub(lambda m: m[1] + _player(unescape(m[2]), _what_it_showed(m[2])), html)
    if not classic:
        return html

    def alone(match: re.Match) -> str:
        url = unescape(match[2])
        kind = _what_it_showed(url)
        return match[1] + _player(url, kind) + match[3] if kind else match[0]

    return ALONE.sub(alone, html)
