"""WordPress eXtended RSS (WXR): Tools → Export → All content; or a blog's RSS feed.

Posts (``wp:post_type`` post) become posts, with categories and tags kept and
``<!--more-->`` as the excerpt break; drafts become drafts (or are skipped);
pages, attachments, menu items and the like are skipped and counted.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import email.utils
import re
import unicodedata
from html import escape, unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from ..comments import KINDS as COMMENT_KINDS
from ..comments import clean as clean_comment
from ..frontmatter import LOGIN, redirect_problem
from ..model import fold, folders
from .blocks import BLOCK_MARK, OwnFields, block_markup, listed_here
from .blogger import parse_xml
from .builders import page_builders, shortcode_attributes
from .html import (
    FOOTNOTE,
    FORMULA,
    KEPT,
    OF_ONE,
    autop,
    convert,
    listed,
    mark,
    safe_url,
    with_enclosures,
)
from .records import (
    Comment,
    ExportContents,
    ImportedPost,
    ImportError_,
    counted,
    naming,
    old_address,
    one_author,
    plain_name,
    plain_title,
    readable,
    reading,
    showable,
    title_of,
    unconvertible,
    undated,
    without_commas,
    without_tracking,
)

NS = {
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
WXR_DATE = "%Y-%m-%d %H:%M:%S"
#: "future": scheduled, the author's post due on its date (the site shows it then).
PUBLISHED = {"publish", "future"}
DRAFTS = {"draft", "pending", "private"}


def _excerpt(item) -> str | None:
    """``excerpt:encoded`` whatever its namespace: WXR 1.0's, 1.1's, 1.2's,
    https (WordPress.com), or undeclared (WordPress 2.x)."""
    for child in item:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "excerpt:encoded" or (tag.endswith("}encoded") and "/excerpt/" in tag):
            return child.text
    return None


def _wp(item, name: str) -> str | None:
    """``wp:<name>`` whatever WXR version's namespace the export uses."""
    for child in item:
        if isinstance(child.tag, str) and child.tag.endswith("}" + name):
            return child.text
    return None


def _date(path: Path, item, notes: list[str]) -> dt.datetime | None:
    """The post's date: ``wp:post_date``, local time, with its offset from
    ``wp:post_date_gmt``; an export another tool wrote (a Wix or Blogger
    converter) may have neither but RSS's ``pubDate``, or the date in UTC
    alone; None when it has none of them (the post is kept as a draft).
    A GMT date that cannot be read leaves the local one without its offset
    (``notes`` say so): the post is not refused for it."""
    local, gmt = _wp(item, "post_date"), _wp(item, "post_date_gmt")
    if _unset(local):
        return _other_date(path, item, gmt)
    try:
        when = _wxr_time(local)
    except ValueError as exc:
        raise ImportError_(path, item.sourceline, f"bad wp:post_date {local!r}") from exc
    if when.tzinfo is not None or _unset(gmt):
        return when
    try:
        offset = when - _utc(_wxr_time(gmt)).replace(tzinfo=None)
    except (ValueError, OverflowError):  # (not a date; the first or last hour there is)
        offset = None
    if offset is None or abs(offset) > MOST_OFFSET:  # no timezone is further from UTC
        notes.append(f"kept: wp:post_date {local!r} without its offset from UTC (bad GMT {gmt!r})")
        return when
    return when.replace(tzinfo=dt.timezone(offset))


#: The furthest a local time is from UTC (UTC+14, Kiribati's).
MOST_OFFSET = dt.timedelta(hours=14)


def _utc(when: dt.datetime) -> dt.datetime:
    """A GMT date read: in UTC, whether it said so (``+0000``) or not; as it
    is where UTC is past the calendar's end (records.in_the_calendar makes
    such a post an undated draft, a comment is refused: records.showable)."""
    try:
        return when.astimezone(dt.UTC) if when.tzinfo else when.replace(tzinfo=dt.UTC)
    except OverflowError:
        return when


def _wxr_time(text: str | None) -> dt.datetime:
    """A WXR date, ``2015-06-20 18:04:13`` as WordPress writes it (naive), or
    with an offset as other tools do (``... +0000``, ISO 8601's ``T...Z``)."""
    text = (text or "").strip()
    for pattern in (WXR_DATE, WXR_DATE + " %z"):
        with contextlib.suppress(ValueError):
            return dt.datetime.strptime(text, pattern)
    return dt.datetime.fromisoformat(text)


def _meta(item, key: str) -> list[str]:
    """The values of a post's custom fields named ``key`` (``wp:postmeta``)."""
    return [
        (_wp(meta, "meta_value") or "").strip()
        for meta in item
        if isinstance(meta.tag, str)
        and meta.tag.endswith("}postmeta")
        and (_wp(meta, "meta_key") or "").strip() == key
    ]


def _enclosures(item) -> list[str]:
    """The addresses in a post's "enclosure" fields (address, length, type)."""
    return [value.splitlines()[0] for value in _meta(item, "enclosure") if value]


def _unset(value: str | None) -> bool:
    return not (value or "").strip() or value.strip().startswith("0000")  # WordPress's "none"


def _other_date(path: Path, item, gmt: str | None) -> dt.datetime | None:
    if not _unset(gmt):
        try:
            return _utc(_wxr_time(gmt))
        except ValueError as exc:
            raise ImportError_(path, item.sourceline, f"bad wp:post_date_gmt {gmt!r}") from exc
    rss = (item.findtext("pubDate") or "").strip()
    if not rss:
        return None
    try:
        return email.utils.parsedate_to_datetime(rss)  # RFC 2822; "-0000": local, unknown
    except (TypeError, ValueError, IndexError) as exc:
        raise ImportError_(path, item.sourceline, f"bad pubDate {rss!r}") from exc


def _authors(channel) -> dict[str, str]:
    """Each author's login (``dc:creator``) -> the name readers saw."""
    names = {}
    for person in channel:
        if isinstance(person.tag, str) and person.tag.endswith("}author"):
            login = (_wp(person, "author_login") or "").strip()
            shown = (_wp(person, "author_display_name") or "").strip()
            if login:
                names[login] = shown or login
    return names


def read_wordpress(path: Path, author: str | None = None) -> ExportContents:
    """Every post of a WXR file, and what else it holds."""
    return read_wordpress_files([path], author)[0]


def read_wordpress_files(
    paths: list,
    author: str | None = None,
    post_types: frozenset[str] = frozenset(),
    blog_path: str = "blog",
) -> list[ExportContents]:
    """Every post of each WXR file of one import, and what else each holds.
    WordPress.com splits a big blog's export into files (``.000.xml``,
    ``.001.xml``...): a post may name an attachment (its featured image) or a
    reusable block in another of them.  The entries of the kinds a theme or
    plugin added (custom post types: a portfolio, a podcast's episodes) that
    ``post_types`` names are read as posts; the others' kinds are told.
    ``blog_path``: the site's (conf.py), where its archive's pages are."""
    files = []
    for path in map(Path, paths):
        contents = ExportContents()
        files.append((path, contents, _channel(path, contents)))
    shared = Shared(blog_path=blog_path)
    for *_, channel in files:
        shared.read(channel, post_types)
    for path, contents, channel in files:
        _read(path, contents, channel, author, shared, post_types)
    return [contents for _, contents, _ in files]


def _channel(path: Path, contents: ExportContents):
    root = parse_xml(path, contents.notes)
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise ImportError_(
            path, root.sourceline, f"expected WXR <rss><channel>, found <{root.tag}>"
        )
    return channel


#: WordPress's own kinds of entry besides posts and pages, plugins' that hold
#: what visitors sent (contact forms, orders) and plugins' settings: never
#: offered as posts.
NOT_POSTS = frozenset(
    "attachment nav_menu_item revision custom_css customize_changeset oembed_cache user_request"
    " wp_block wp_template wp_template_part wp_global_styles wp_navigation wp_font_family"
    " wp_font_face feedback wpcf7_contact_form flamingo_inbound flamingo_contact flamingo_outbound"
    " shop_order shop_order_refund shop_coupon shop_webhook product_variation scheduled-action"
    " jp_pay_order jp_pay_product"
    # Plugins' own settings, kept as entries: fields, forms, page builders' templates.
    " acf-field-group acf-field acf-post-type acf-taxonomy wpforms wpforms_log elementor_library"
    " et_pb_layout fl-builder-template mc4wp-form ninja-form nf_sub tablepress_table".split()
)


def _read(
    path: Path, contents: ExportContents, channel, author, shared: Shared, post_types=frozenset()
) -> None:
    blog_url = readable((channel.findtext("link") or "").strip() or _wp(channel, "base_blog_url"))
    names = _authors(channel)
    # A post with no author of its own is the blog's author's, then conf.py's.
    author = next(iter(names.values()), None) or author
    feed = _read_as_feed(channel, contents)
    # The blog's name and tagline, which a theme's site-title and site-tagline showed.
    site = tuple(plain_title(channel.findtext(field)) for field in ("title", "description"))
    for item in reading(path, channel.findall("item")):
        kind = (_wp(item, "post_type") or "").strip() or ("post" if feed else "")
        status = (_wp(item, "status") or "").strip() or ("publish" if feed else "")
        if kind == "page" and status in PUBLISHED | DRAFTS:  # a page: About, Contact
            pass
        elif kind == "draft":  # a draft as Google's blog converters wrote Blogger's
            pass
        elif kind != "post" and kind not in post_types:
            contents.not_posts[kind or "unknown"] += 1
            if kind and kind not in NOT_POSTS and status in PUBLISHED:
                contents.other_kinds[kind] += 1
            continue
        elif status not in PUBLISHED | DRAFTS:
            contents.not_posts[f"{status or 'unknown'} {kind}"] += 1
            continue
        try:
            post = _post(path, item, blog_url, names, author, shared, site)
            if kind in post_types:
                note = f"changed: a {kind!r} entry, imported as a post (--post-types)"
                post = dataclasses.replace(post, notes=(*post.notes, note))
            comments = _comments(item, post.published, contents)
            number = (_wp(item, "post_id") or "").strip()  # (its /?p=<number> leads to it)
            post = dataclasses.replace(
                post, is_page=kind == "page", comments=comments, number=number
            )
            if post.is_page:  # where WordPress's menus listed it: under its parent page
                post = dataclasses.replace(
                    post, parent=_parent(item), order=_number(_wp(item, "menu_order"))
                )
            contents.posts.append(post)
        except ImportError_ as exc:
            contents.refused.append((exc.line, naming(exc.message, item.findtext("link"))))
        except Exception as exc:  # one post the converter fails on must not cost the blog
            why = naming(unconvertible(exc), item.findtext("link"))
            contents.refused.append((item.sourceline or 0, why))


def _read_as_feed(channel, contents: ExportContents) -> bool:
    """Whether the file is a blog's RSS feed (``/feed/``, all a reader can
    save of a blog whose export is lost), not an export: nothing in it is
    WordPress's own (``wp:``).  Its items are then the blog's newest
    published posts, which the report says first; a category of no domain, or
    of another's (Blogger's RSS: its labels' scheme) is a tag (a feed names
    a post's categories and tags alike)."""
    wordpress = "wordpress.org/export/"
    if any(isinstance(e.tag, str) and wordpress in e.tag for e in channel.iter()):
        return False
    items = channel.findall("item")
    for category in channel.iterfind("item/category"):  # (Blogger's: its labels' scheme)
        if category.get("domain") not in ("category", "post_tag", "tag"):
            category.set("domain", "post_tag")
    held = counted(len(items), "item")
    contents.notes.append(
        (
            channel.sourceline or 1,
            f"incomplete: a feed of the blog (RSS), not its export: its {held} read as its"
            " newest published posts; WordPress's export (Tools, Export) holds every post,"
            " page and comment",
        )
    )
    return True


def _rss_author(item) -> str:
    """The name in an RSS ``<author>`` ("noreply@blogger.com (Chris Mills)",
    a feed's), never its e-mail address; "" when it names none."""
    named = re.search(r"\(([^()]+)\)\s*$", item.findtext("author") or "")
    return " ".join(named[1].split()) if named else ""


@dataclasses.dataclass(frozen=True)
class Picture:
    """An attachment a post shows: its file's address, and the alt text
    (``_wp_attachment_image_alt``, else its title) and caption (its excerpt)
    WordPress's themes show it with."""

    url: str
    alt: str
    caption: str

    def img(self) -> str:
        return f'<img src="{escape(self.url)}" alt="{escape(self.alt)}">'

    def figure(self) -> str:
        """The picture with its caption, if it has one, as the converter reads a figure."""
        caption = f"<figcaption>{self.caption}</figcaption>" if self.caption else ""
        return f"<figure>{self.img()}{caption}</figure>"

    def kind(self) -> str:
        """``image``, ``audio``, ``video`` or ``""``, by its file's name (an export
        gives no type): a ``[gallery]`` shows pictures, a ``[playlist]`` sound."""
        path = urlsplit(self.url).path
        return next((kind for kind, name in KINDS.items() if name.search(path)), "")


#: The kinds of attachment a gallery or a playlist shows, by their files' names.
KINDS = {
    "image": re.compile(r"\.(jpe?g|png|gif|webp|avif|bmp|tiff?|ico|heic)$", re.I),
    "audio": re.compile(r"\.(mp3|m4a|ogg|oga|opus|wav|flac|aac|wma)$", re.I),
    "video": re.compile(r"\.(mp4|m4v|webm|ogv|mov|avi|wmv|3gp)$", re.I),
}


def _terms(item) -> dict[str, list[str]]:
    """An entry's categories (``category``) and tags (``post_tag``), by name."""
    by_domain: dict[str, list[str]] = {"category": [], "post_tag": []}
    for category in item.findall("category"):
        domain = _domain(category)
        if domain in by_domain and (category.text or "").strip():
            by_domain[domain].append(plain_name(category.text))
    return by_domain


def _domain(category) -> str:
    """A ``category`` element's taxonomy: WXR 1.0 (WordPress 2.x) marks tags
    with domain="tag", later ones "post_tag"."""
    domain = category.get("domain") or ""
    return {"tag": "post_tag"}.get(domain, domain)


def _published(item) -> bool:
    """Whether an entry was published on the old blog, and comes in published."""
    status = (_wp(item, "status") or "").strip()
    return status == "publish" and not (_wp(item, "post_password") or "").strip()


#: Where an export names each category, tag and author by its number: in
#: ``wp:category``, ``wp:tag``, ``wp:author``, the number's and the name's.
NUMBERED = {
    "category": ("term_id", "cat_name"),
    "tag": ("term_id", "tag_name"),
    "author": ("author_id", "author_login"),
}


def _numbered(channel, logins: dict[str, str]):
    """Each category, tag and author the export names by number (:data:`NUMBERED`):
    (kind, number, name), an author's the name its posts give (:func:`_bylines`)."""
    for term in channel:
        kind = term.tag.rpartition("}")[2] if isinstance(term.tag, str) else ""
        if kind not in NUMBERED or not term.tag.startswith("{"):  # (wp:, not RSS's)
            continue
        number, name = (_wp(term, field) or "" for field in NUMBERED[kind])
        if kind == "author":  # (its login)
            name = one_author(logins[name.strip()], []) if name.strip() in logins else ""
        else:
            name = plain_name(name)
        if number.strip() and name:
            yield kind, number.strip(), name


@dataclasses.dataclass
class Shared:
    """What posts name by id, in any file of the import: each attachment
    (:class:`Picture`); the attachments of each post (its ``[gallery]``), in
    their order; each reusable block's content (an item of type ``wp_block``)."""

    pictures: dict[str, Picture] = dataclasses.field(default_factory=dict)
    attached: dict[str, list[tuple[int, int, str]]] = dataclasses.field(default_factory=dict)
    blocks: dict[str, str] = dataclasses.field(default_factory=dict)
    #: Each published page under its parent's number ("0": none): its place in
    #: the menu (``menu_order``), title, address and number (:meth:`page_list`).
    pages: dict[str, list[tuple[int, str, str, str]]] = dataclasses.field(default_factory=dict)
    blog_path: str = "blog"  # the site's: its archive's pages (blocks.listed_here)
    #: Each category's, tag's and author's name by its number (``wp:term_id``,
    #: ``wp:author_id``), and those of the published posts, each of which has
    #: its page (:meth:`listing_page`), by kind (html.OF_ONE).
    named: dict[str, dict[str, str]] = dataclasses.field(
        default_factory=lambda: {kind: {} for kind in OF_ONE}
    )
    published: dict[str, set[str]] = dataclasses.field(
        default_factory=lambda: {kind: set() for kind in OF_ONE}
    )
    comments: NewestComments = dataclasses.field(default_factory=lambda: NewestComments())
    #: The folders of the published posts' names, by kind, once every file is read.
    _folders: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)

    def read(self, channel, post_types=frozenset()) -> None:  # (the kinds read as posts too)
        logins = _authors(channel)
        for kind, number, name in _numbered(channel, logins):
            self.named[kind][number] = name
        for item in channel.findall("item"):
            kind = (_wp(item, "post_type") or "").strip()
            number = (_wp(item, "post_id") or "").strip()
            url = (_wp(item, "attachment_url") or "").strip()
            if kind in {"post", "page", *post_types} and _published(item):
                self.comments.read(item)
            if kind == "post" and _published(item):
                terms = _terms(item)
                self.published["category"].update(without_commas(terms["category"], "category", []))
                self.published["tag"].update(without_commas(terms["post_tag"], "tag", []))
                self.published["author"].update(_bylines(item, logins, []))
            if kind == "attachment" and url:
                alt = next(iter(_meta(item, "_wp_attachment_image_alt")), "")
                title = plain_title(item.findtext("title"))
                caption = (_excerpt(item) or "").strip()
                self.pictures[number] = Picture(url, alt or title, caption)
                parent = (_wp(item, "post_parent") or "").strip()
                order = _number(_wp(item, "menu_order"))
                self.attached.setdefault(parent, []).append((order, _number(number), number))
            elif kind == "wp_block":
                self.blocks[number] = item.findtext("content:encoded", namespaces=NS) or ""
            elif kind == "page" and (_wp(item, "status") or "").strip() == "publish":
                link = (item.findtext("link") or "").strip()
                title = plain_title(item.findtext("title")) or link
                parent = (_wp(item, "post_parent") or "").strip() or "0"
                order = _number(_wp(item, "menu_order"))
                self.pages.setdefault(parent, []).append((order, title, link, number))

    def page_list(self, parent: str = "0", depth: int = 0) -> str:
        """The published pages under page ``parent`` ("0": every page), as the
        block editor's page list showed them (``wp:page-list``): each a link to
        its address on the old blog (which the import makes a link to its file:
        own_links.py), its own pages listed under it, in their menu's order,
        then by title; a page whose parent is not published, after the others
        (WordPress's ``Walker::walk``)."""

        def ordered(pages: list) -> list:
            return sorted(pages, key=lambda page: (page[0], page[1].casefold()))

        pages = ordered(self.pages.get(parent, []))
        if parent == "0" and depth == 0:
            published = {page[3] for listed in self.pages.values() for page in listed}
            orphans = [
                page
                for up, listed in self.pages.items()
                if up != "0" and up not in published
                for page in listed
            ]
            pages += ordered(orphans)
        if not pages or depth > 8:  # (pages each other's parent: listed 8 deep, no deeper)
            return ""
        items = "".join(
            f'<li><a href="{escape(link)}">{escape(title)}</a>{self.page_list(number, depth + 1)}'
            "</li>"
            for _, title, link, number in pages
        )
        return f"<ul>{items}</ul>"

    def listing_page(self, filters: dict[str, list[str]]) -> tuple[str, ...]:
        """The kind, name and folder (model.folders) of the page here that
        lists the newest posts a block filtered by ``filters`` (kind: the
        numbers of its categories, tags or authors): the first, category, tag
        then author, that names one the export names and a published post is
        of (a page of its own), which lists them all; none of several (the
        newest posts of the whole blog).  Its folder as among the import's
        posts' names: another import's of the same slug would move it."""
        for kind in OF_ONE:
            numbers = filters.get(kind) or []
            name = self.named[kind].get(numbers[0], "") if len(numbers) == 1 else ""
            names = without_commas([name], kind, []) if kind != "author" else [name]
            if kind not in self._folders:
                self._folders[kind] = folders(self.published[kind])
            published = self._folders[kind]
            if len(names) == 1 and names[0] and fold(names[0]) in published:
                return (kind, names[0], published[fold(names[0])])
        return ()

    def gallery(self, post_id: str, attributes: dict[str, str], kind: str = "image") -> list[str]:
        """The attachments of ``kind`` a ``[gallery]`` (or ``[playlist]``) shows,
        as WordPress chose them: its ``ids`` (or ``include``) in their order,
        else the post's (or ``id``'s) own, by their menu order, less
        ``exclude``; ``order="DESC"`` reversed."""
        listed = (attributes.get("ids") or attributes.get("include") or "").replace(" ", "")
        if listed:
            found = [n for n in listed.split(",") if n in self.pictures]
        else:
            owner = (attributes.get("id") or post_id).strip()
            found = [n for *_, n in sorted(self.attached.get(owner, []))]
        left_out = set((attributes.get("exclude") or "").replace(" ", "").split(","))
        found = [n for n in found if n not in left_out and self.pictures[n].kind() == kind]
        return found[::-1] if (attributes.get("order") or "").upper() == "DESC" else found


@dataclasses.dataclass(frozen=True)
class ShownComment:
    """A comment as a latest comments block showed it (:class:`NewestComments`)."""

    written: dt.datetime  # (UTC) its order
    number: str
    author: str
    url: str | None
    day: str  # the day it was written, where its blog was
    excerpt: str
    link: str  # its post's old address
    title: str


#: How many words of a comment WordPress's latest comments showed (get_comment_excerpt).
EXCERPT_WORDS = 20


@dataclasses.dataclass
class NewestComments:
    """The approved comments (pingbacks and trackbacks among them, as
    ``get_comments`` gave them) of the published
    posts and pages of an export, as a latest comments block showed them
    (:meth:`shown`); one undated is left out, as the import leaves it out
    (:func:`_comments`)."""

    found: list[ShownComment] = dataclasses.field(default_factory=list)

    def read(self, item) -> None:
        """The comments of ``item``, a published entry."""
        link = (item.findtext("link") or "").strip()
        title = plain_title(item.findtext("title")) or "(no title)"
        for node in item:
            if not (isinstance(node.tag, str) and node.tag.endswith("}comment")):
                continue
            approved = (_wp(node, "comment_approved") or "").strip() == "1"
            if not approved or _kind(node) not in COMMENT_KINDS:
                continue
            written = _comment_date(node, None)
            if written is None:
                continue
            try:
                local = _wxr_time(_wp(node, "comment_date"))
            except ValueError:
                local = written
            # (get_comment_excerpt: its text's tags taken out, its first words)
            words = plain_name(_wp(node, "comment_content")).split()
            excerpt = " ".join(words[:EXCERPT_WORDS]) + ("…" if len(words) > EXCERPT_WORDS else "")
            self.found.append(
                ShownComment(
                    written=written,
                    number=(_wp(node, "comment_id") or "").strip(),
                    author=" ".join((_wp(node, "comment_author") or "Anonymous").split()),
                    url=safe_url(_wp(node, "comment_author_url")),
                    day=f"{local.day} {local:%B %Y}",
                    excerpt=excerpt,
                    link=link,
                    title=title,
                )
            )

    def shown(self, attributes: dict) -> str:
        """The newest comments, as the block editor's latest comments block
        (``wp:latest-comments``) showed them when the blog was exported
        (WordPress's ``render_block_core_latest_comments``): the
        ``commentsToShow`` (5) newest approved comments of its published
        posts and pages, each its author (a link to their address, if they
        gave one) "on" the title of its post, a link to its old address
        (which the import makes a link to its page here), the day it was
        written and its first 20 words (``displayDate``, ``displayExcerpt``).
        Not the commenters' pictures (``displayAvatar``): Gravatar's, from
        another host.  Pingbacks and trackbacks are listed too, as there (the
        block asked for no kind of comment)."""
        count = attributes.get("commentsToShow", 5)
        count = count if isinstance(count, int) and not isinstance(count, bool) else 5
        newest = sorted(self.found, key=lambda c: (c.written, _number(c.number)), reverse=True)
        if not newest:
            return "<p>No comments to show.</p>"
        items = []
        for comment in newest[: max(count, 1)]:
            author = escape(comment.author)
            if comment.url:
                author = f'<a href="{escape(comment.url)}">{author}</a>'
            line = f'{author} on <a href="{escape(comment.link)}">{escape(comment.title)}</a>'
            if attributes.get("displayDate", True) is not False:
                line += f"<br>{comment.day}"
            excerpt = f"<p>{escape(comment.excerpt)}</p>" if comment.excerpt else ""
            shown = excerpt if attributes.get("displayExcerpt", True) is not False else ""
            items.append(f"<li><p>{line}</p>{shown}</li>")
        return f"<ol>{''.join(items)}</ol>"


def _own_fields(
    item, title: str, published: dt.datetime | None, byline: str, blog_url, site=("", "")
) -> OwnFields:
    """The post's fields a theme's block in it showed (blocks.OwnFields): its
    ``title``, date (``published``) and author (``byline``) as the post has
    them here; its terms each a link to its page on the old blog, as
    WordPress's default addresses had them (``/category/<slug>/``,
    ``/tag/<slug>/``); the blog's name and tagline (``site``), the name a link
    to its home page."""
    terms: dict[str, list[tuple[str, str]]] = {}
    home = (blog_url or "").rstrip("/")
    for category in item.findall("category"):
        domain = _domain(category)
        slug, name = (category.get("nicename") or "").strip(), plain_name(category.text or "")
        if domain and name:
            base = {"category": "category", "post_tag": "tag"}.get(domain, domain)
            url = f"{home}/{base}/{slug}/" if home and slug else ""
            terms.setdefault(domain, []).append((name, url))
    try:
        modified = _wxr_time(_wp(item, "post_modified"))
    except ValueError:
        modified = None
    return OwnFields(
        title=title,
        date=published,
        modified=modified or published,
        author=byline,
        terms=terms,
        excerpt=plain_name(_excerpt(item)),
        site=site,
        home=f"{home}/" if home else "",
    )


def _parent(item) -> str:
    """A page's parent page's number (``post_parent``); "" for none (WordPress's 0)."""
    parent = (_wp(item, "post_parent") or "").strip()
    return "" if parent == "0" else parent


def _number(text: str | None) -> int:
    return int(text) if (text or "").strip().lstrip("-").isdigit() else 0


#: qTranslate's languages in one text: ``<!--:fr-->...<!--:-->`` (and
#: qTranslate-X's ``[:fr]...[:en]...[:]``), each language's words in turn.
QTRANSLATE = re.compile(r"<!--:([a-z]{2})-->(.*?)<!--:-->", re.S)
QTRANSLATE_X = re.compile(r"\[:([a-z]{2})\]")


def _language_parts(text: str) -> list[tuple[str, str]]:
    """(language, words) of a text qTranslate wrote in several languages,
    then ("", words) of any outside them (shown in every language); [] for
    any other text (the markers must open it)."""
    stripped = text.strip()
    if stripped.startswith("<!--:"):
        pieces = QTRANSLATE.split(stripped)  # before, (language, words, after)...
        parts, outside = list(zip(pieces[1::3], pieces[2::3], strict=True)), pieces[0::3]
    elif QTRANSLATE_X.match(stripped):
        languages, _, after = stripped.partition("[:]")
        pieces = QTRANSLATE_X.split(languages)[1:]
        parts, outside = list(zip(pieces[::2], pieces[1::2], strict=True)), [after]
    else:
        return []
    rest = "".join(outside).strip()
    return parts + [("", rest)] if rest else parts


def _languages_apart(html: str, notes: list[str]) -> str:
    """A post qTranslate kept in several languages, each language's text a
    block of its own, one after the other: its markers are comments, which
    the text loses, and the languages ran into one another ("...ciel.Under")."""
    parts = _language_parts(html)
    if len(parts) < 2:
        return html
    languages = ", ".join(lang for lang, _ in parts if lang)
    notes.append(f"changed: its languages ({languages}) one after another")
    return "".join(f'<div lang="{lang}">\n\n{text}\n\n</div>\n\n' for lang, text in parts)


def _title(item) -> str | None:
    """A post's title: its words around any comment in it, and qTranslate's
    languages (``<!--:fr-->Sous le ciel<!--:--><!--:en-->Under heaven...``)
    one after another: "Sous le ciel / Under heaven"."""
    element = item.find("title")
    if element is None:
        return None
    raw = (element.text or "") + "".join(
        (f"<!--{child.text}-->" if child.tag is etree.Comment else "") + (child.tail or "")
        for child in element
    )
    parts = _language_parts(raw)
    return " / ".join(words for _, words in parts) if parts else "".join(element.itertext())


NEXT_PAGE = re.compile(r"<!--\s*nextpage\s*-->", re.I)


def _pages_apart(html: str, notes: list[str]) -> str:
    """A post WordPress showed a page at a time (``<!--nextpage-->``), its
    pages one after another, a rule between each and the next where the
    reader had followed a link to it (the comment alone left no mark)."""
    html, breaks = NEXT_PAGE.subn("\n\n<hr>\n\n", html)
    if breaks:
        notes.append(f"changed: its {breaks + 1} pages one after another, a rule between them")
    return html


GALLERY = re.compile(r"\[(gallery|slideshow|playlist)\b([^\]]*)\]")


def _galleries(html: str, post_id: str, shared: Shared, notes: list[str]) -> str:
    """Each ``[gallery]`` and ``[slideshow]`` (WordPress's and WordPress.com's
    before the block editor: the post's attached pictures, or those its
    ``ids`` name) as the pictures it showed, each with its caption, a figure
    for each (the converter's, as for a block gallery); each ``[playlist]``
    as its sound files (``type="video"``: its videos), which the converter
    links as any other.  One whose files are in no file of the export is
    left as written (shown as not converted)."""

    def files(match: re.Match) -> str:
        name = match[1]
        attributes = shortcode_attributes(match[2])
        kind = "image" if name != "playlist" else (attributes.get("type") or "audio").lower()
        shown = shared.gallery(post_id, attributes, kind)
        what = "pictures" if kind == "image" else "files"
        if not shown:
            notes.append(f"left as is: a [{name}] whose {what} are not in the export")
            return match[0]
        what = what if len(shown) > 1 else what[:-1]
        notes.append(f"changed: [{name}] became its {len(shown)} {what}")
        if kind != "image":
            urls = [escape(shared.pictures[number].url) for number in shown]
            return "".join(f'<{kind} src="{url}"></{kind}>' for url in urls)
        figures = "".join(shared.pictures[number].figure() for number in shown)
        columns = (attributes.get("columns") or "3").strip()
        return f'<figure class="gallery-columns-{escape(columns)}">{figures}</figure>'

    return GALLERY.sub(files, html)


def _featured(item, shared: Shared, html: str, notes: list[str]) -> str:
    """The post's HTML headed by its featured image (``_thumbnail_id``), which
    its theme showed above it, unless the text shows that picture already:
    with its alt text (``_wp_attachment_image_alt``, else its title) and its
    caption (the attachment's excerpt), as WordPress's themes show them."""
    for number in _meta(item, "_thumbnail_id"):
        picture = shared.pictures.get(number)
        if picture is None:  # (a split export's other files given too, it is found)
            notes.append(f"dropped: its featured image, attachment {number}, not in the export")
            continue
        if picture.url not in html:
            notes.append(f"changed: its featured image {picture.url!r} heads it")
            shown = picture.figure() if picture.caption else f"<p>{picture.img()}</p>"
            return shown + "\n" + html
    return html


def _post(
    path: Path, item, blog_url, names: dict[str, str], author, shared: Shared, site=("", "")
) -> ImportedPost:
    html = item.findtext("content:encoded", namespaces=NS)
    notes: list[str] = []
    summary = (item.findtext("description") or "").strip()
    if html is None and summary:  # a feed set to show the start of each post alone
        html = summary
        notes.append("kept: its <description> alone, the start of its text (the feed held no more)")
    elif html is None:  # WordPress always writes one; another tool may not, for no text
        html = ""
        notes.append("no content:encoded: the post has no text")
    # WordPress showed a classic post through wpautop, a block editor's as it is
    # (do_blocks takes wpautop out: a blank line in a paragraph parts nothing)
    classic = not BLOCK_MARK.search(html)
    published = _date(path, item, notes)
    link = readable(without_tracking((item.findtext("link") or "").strip() or None), notes)
    html = _languages_apart(html, notes)
    html = _pages_apart(html, notes)
    fields = _meta(item, "footnotes")
    own = None
    if "wp:post-" in html or "wp:site-" in html:  # (a theme's blocks)
        byline = next(iter(_bylines(item, names, [])), None) or author or ""
        own = _own_fields(item, plain_title(_title(item)), published, byline, blog_url, site)
    html, footnotes = block_markup(html, classic, fields, shared, notes, own)
    html = _plugin_footnotes(html, footnotes, notes)
    html = _outside(CODE, html, lambda text: page_builders(text, shared.pictures, notes))
    html = _galleries(html, (_wp(item, "post_id") or "").strip(), shared, notes)
    html, formulas = _formulas(html, notes)
    html, shortcode_notes, kept = expand_shortcodes(html)
    notes += shortcode_notes
    html = with_enclosures(html, _enclosures(item), notes)
    html = _featured(item, shared, html, notes)
    html = _listing_template(item, html, notes)
    body = convert(
        autop(html) if classic else html,
        base_url=link or blog_url,
        kept=kept,
        footnotes=footnotes,
        formulas=formulas,
    )
    notes += body.notes
    text = listed_here(body.text, shared.blog_path)
    title = title_of(_title(item), text, published, notes)
    status = (_wp(item, "status") or "").strip()
    reason = None
    if (_wp(item, "post_password") or "").strip():
        reason = "password-protected on the old blog"
    elif published is None and (_wp(item, "post_type") or "").strip() != "page":
        reason = undated(" (wp:post_date, wp:post_date_gmt or pubDate)")
    elif status in DRAFTS:
        reason = {"private": "private on the old blog"}.get(status)
    elif (_wp(item, "post_type") or "").strip() == "draft":
        reason = "a draft (wp:post_type draft) on the old blog"
    by_domain = _terms(item)
    bylines = _bylines(item, names, notes)
    old_path = old_address(link, notes)
    tags = without_commas(by_domain["post_tag"], "tag", notes)
    categories = without_commas(by_domain["category"], "category", notes)
    return ImportedPost(
        title=title,
        published=published,
        body=text,
        authors=tuple(bylines) or ((author,) if author else ()),
        author_logins=_logins(bylines) if bylines else (),
        tags=tags,
        categories=categories,
        draft=status in DRAFTS or reason is not None,
        draft_reason=reason,
        source_url=link,
        source_key="wordpress_url",
        redirects=(old_path, *_old_slugs(item, old_path, notes)) if old_path else (),
        excerpt=body.excerpt,
        image=body.image,
        summary=_summary(item),
        sticky=(_wp(item, "is_sticky") or "").strip() == "1",
        line=item.sourceline or 0,
        notes=tuple(notes),
        media=tuple(body.media),
    )


#: A theme's page template that listed the blog's posts (by month, by
#: category: its archives, a site map) below the page's own words, which are
#: often none: ``archives.php``, ``page-templates/template-sitemap.php``.
LISTING_TEMPLATE = re.compile(r"(?:^|[/_.-])(?:archives?|site-?map)(?:[_.-]|$)", re.I)


def _listing_template(item, html: str, notes: list[str]) -> str:
    """The page's HTML, and after it, if its template listed the blog's posts,
    the archive's list of every post (html.LISTED_HERE, which the converter
    makes a link to it): an "Archives" page had come in as its title alone."""
    template = next(iter(_meta(item, "_wp_page_template")), "").strip()
    if not LISTING_TEMPLATE.search(template):
        return html
    notes.append(
        f"changed: its page template {template!r} listed the blog's posts:"
        " a link to the archive's list of every post follows its text"
    )
    return html + "\n" + listed("archives")


#: Search descriptions the author wrote in an SEO plugin (Yoast, All in One
#: SEO, Rank Math): as Blogger's own, the page's description.
SEARCH_DESCRIPTIONS = ("_yoast_wpseo_metadesc", "_aioseop_description", "rank_math_description")


def _summary(item) -> str | None:
    """The post's own excerpt (excerpt:encoded), or else its search description."""
    found = [_excerpt(item)]
    found += [value for key in SEARCH_DESCRIPTIONS for value in _meta(item, key)]
    return next(filter(None, (plain_title(text) for text in found if text)), None)


def _old_slugs(item, old_path: str, notes: list[str]) -> list[str]:
    """The post's addresses before its slug was changed (``_wp_old_slug``,
    which WordPress kept to send them on): its address with each old slug in
    place of its slug, when the address ends in its slug."""
    slug = unquote((_wp(item, "post_name") or "").strip())  # percent-encoded, as addresses
    head, found, tail = old_path.rstrip("/").rpartition("/")
    if not slug or tail != slug or not found:
        return []
    closing = "/" if old_path.endswith("/") else ""
    addresses = []
    for old in map(unquote, _meta(item, "_wp_old_slug")):
        path = f"{head}/{old}{closing}"
        if old and old != slug and path not in addresses and not redirect_problem(path):
            addresses.append(path)
    if addresses:
        notes.append(f"changed: its addresses before its slug changed answered too: {addresses}")
    return addresses


def _co_authors(item, names: dict[str, str]) -> dict[str, str]:
    """A post's authors as the Co-Authors Plus plugin lists them (its
    ``author`` terms, in order; the term a login or a display name, its
    nicename ``cap-<login>``), each once, with their logins; none without
    the plugin."""
    found: dict[str, str] = {}
    for term in item.findall("category[@domain='author']"):
        login = (term.get("nicename") or "").removeprefix("cap-")
        text = (term.text or "").strip()
        name = names.get(text) or names.get(login) or plain_name(text)
        if name and fold(name) not in {fold(other) for other in found}:  # (as front matter)
            found[name] = login or (text if text in names else "")
    return found


def _bylines(item, names: dict[str, str], notes: list[str]) -> dict[str, str]:
    """An entry's authors, each name (:func:`one_author`) with its login, or
    "" for a name of no login: Co-Authors Plus's, else ``dc:creator``'s (a
    login when the export lists it: a feed's is a name), else a feed's
    ``<author>``'s."""
    creator = (item.findtext("dc:creator", namespaces=NS) or "").strip()
    bylines = _co_authors(item, names) or (
        {names.get(creator, creator): creator if creator in names else ""} if creator else {}
    )
    if not bylines and (rss_author := _rss_author(item)):
        bylines = {rss_author: ""}
    return {one_author(name, notes): login for name, login in bylines.items()}


def _logins(bylines: dict[str, str]) -> tuple[str, ...]:
    """The authors' author-page names (``/author/<nicename>/``), in their
    order, when each has a login; none otherwise, nor for a login that is an
    e-mail address: WordPress made it a page's address too, but an author's
    e-mail address, even folded so, is not published again here."""
    logins = tuple("" if "@" in login else nicename(login) for login in bylines.values())
    return logins if all(LOGIN.fullmatch(login) for login in logins) else ()


def nicename(login: str) -> str:
    """The name of a login's author page, ``/author/<nicename>/``, as
    WordPress made it when the user was added (``wp_insert_user``: the
    login's first 50 characters through ``sanitize_title``, whose "save"
    context is ``sanitize_title_with_dashes``): accents off, small letters,
    '.' a dash, entities and every character but letters, digits, spaces,
    '_' and '-' dropped, spaces dashes, one dash for several, none at the
    ends: ``John.Smith`` is ``john-smith``, ``Site Admin`` ``site-admin``.
    WordPress's own rule written out: no slug library drops what it drops
    (python-slugify makes "O'Brien" ``o-brien``, WordPress ``obrien``).
    A Co-Authors Plus nicename (``cap-<nicename>``) is one already and
    comes out as it went in."""
    name = unicodedata.normalize("NFKD", login[:50])
    name = "".join(c for c in name if not unicodedata.combining(c)).lower()
    name = re.sub(r"&.+?;", "", name.replace(".", "-"))
    name = re.sub(r"[^a-z0-9 _-]", "", name)
    return re.sub(r"-+", "-", re.sub(r"\s+", "-", name)).strip("-")


def _kind(comment) -> str:
    """A ``wp:comment``'s kind: "comment" (its ``comment_type`` empty or
    "comment"), "pingback", "trackback", or a plugin's own."""
    return (_wp(comment, "comment_type") or "").strip() or "comment"


def _comments(item, published: dt.datetime | None, contents: ExportContents) -> tuple:
    """The post's approved comments, and its approved pingbacks and
    trackbacks, which WordPress listed with them (the linking post's title,
    a link to it: "Pingback: ..."); those not kept counted in the report
    (spam, pending or trashed: unapproved; a plugin's own kinds, by kind),
    and one whose date cannot be read refused with its line, as Blogger's
    is (before, it went unsaid)."""
    found = []
    for node in item:
        if not (isinstance(node.tag, str) and node.tag.endswith("}comment")):
            continue
        if (_wp(node, "comment_approved") or "").strip() != "1":
            contents.not_posts["unapproved comment (spam, pending, trash)"] += 1
            continue
        kind = _kind(node)
        if kind not in COMMENT_KINDS:
            contents.not_posts[kind] += 1
            continue
        when = _comment_date(node, published)
        if when is None:
            text = _wp(node, "comment_date_gmt") or _wp(node, "comment_date")
            why = naming(f"comment with a bad date {text!r}", item.findtext("link"))
            contents.refused.append((node.sourceline or 0, why))
            continue
        parent = (_wp(node, "comment_parent") or "0").strip()
        found.append(
            Comment(
                id=(_wp(node, "comment_id") or str(node.sourceline)).strip(),
                author=" ".join((_wp(node, "comment_author") or "Anonymous").split()),
                date=when,
                html=clean_comment(autop(_wp(node, "comment_content") or "")),
                parent=None if parent in ("", "0") else parent,
                url=safe_url(_wp(node, "comment_author_url")),
                kind=kind,
            )
        )
    return tuple(sorted(found, key=lambda c: c.date))


def _comment_date(node, published: dt.datetime | None) -> dt.datetime | None:
    """When a comment was written: its GMT date, or its local one in the
    post's timezone (UTC for an undated post); None if neither can be read,
    or a page cannot show it (records.showable: the calendar's ends)."""
    gmt = _wp(node, "comment_date_gmt")
    if not _unset(gmt):
        try:
            when = _utc(_wxr_time(gmt))
            return when if showable(when) else None
        except (ValueError, OverflowError):
            pass
    try:
        local = _wxr_time(_wp(node, "comment_date"))
    except ValueError:
        return None
    zone = (published and published.tzinfo) or dt.UTC
    when = local if local.tzinfo else local.replace(tzinfo=zone)
    return when if showable(when) else None


SHORTCODE = re.compile(r"\[(\w[\w-]*)([^\]]*)\](?:(.*?)\[/\1\])?", re.S)
IMAGE = re.compile(r"<a\b[^>]*>\s*<img\b[^>]*>\s*</a>|<img\b[^>]*>", re.S)


#: A footnote plugin's shortcode, the note's text inside it: Pressbooks' and
#: WP Footnotes' ``[footnote]``, Easy Footnotes' ``[efn_note]``, Simple
#: Footnotes' ``[ref]``; the plugin numbered them and listed them at the
#: post's end.  Not one escaped as WordPress escapes a shortcode, ``[[x]]``.
NOTE_SHORTCODE = re.compile(
    r"(?<!\[)\[(footnote|efn_note|ref)\b[^\]]*\](.*?)\[/\1\](?!\])", re.S | re.I
)


def _plugin_footnotes(html: str, footnotes: list[str], notes: list[str]) -> str:
    """``html`` with each footnote plugin's note (:data:`NOTE_SHORTCODE`) a
    mark of a footnote whose text is added to ``footnotes`` (after the block
    editor's), which the converter writes as MyST's (``[^1]``).  Without the
    plugin WordPress showed the shortcodes as text, in brackets, the note in
    the middle of the sentence."""
    found: dict[str, int] = {}  # each plugin's notes

    def note(match: re.Match) -> str:
        text = match[2].strip()
        name = match[1].lower()
        found[name] = found.get(name, 0) + 1
        if not text:  # (the plugin showed no note for it either)
            return ""
        footnotes.append(text)
        return mark(FOOTNOTE, len(footnotes) - 1)

    html = _outside(IN_CODE, html, lambda text: NOTE_SHORTCODE.sub(note, text))
    for name, count in found.items():
        notes.append(f"changed: {counted(count, 'footnote')} of a plugin's [{name}], at its end")
    return html


def expand_shortcodes(html: str) -> tuple[str, list[str], list[str]]:
    """WordPress's shortcodes as the HTML they stand for: ``[caption]`` a figure,
    ``[embed]``/``[youtube]``/``[vimeo]``/``[dailymotion]``/``[video]``/``[audio]``
    an embed (which the converter turns into a link that loads nothing);
    others (and a ``[gallery]`` whose pictures are not in the export:
    :func:`_galleries`) are kept, marked (``KEPT`` and an index into the list
    returned), to be shown as not converted."""
    notes: list[str] = []
    kept: list[str] = []
    told: set[str] = set()  # shortcodes of unknown plugins, named once a post

    def replace(match: re.Match) -> str:
        name, raw, inner = match.group(1).lower(), match.group(2), match.group(3)
        attrs = shortcode_attributes(raw)
        first = raw.strip().lstrip("=").split()[0] if raw.strip() else ""
        positional = first if first.startswith("http") else ""
        if name == "caption" and inner is not None:
            image = IMAGE.search(inner)
            caption = attrs.get("caption") or IMAGE.sub("", inner, count=1)
            if image:
                notes.append("changed: [caption] became a figure")
                caption = f"<figcaption>{caption.strip()}</figcaption>"
                side = attrs.get("align", "").lower()  # the text flowed beside it (html.py)
                placed = f' class="{side}"' if side in ("alignleft", "alignright") else ""
                return f"<figure{placed}>{image.group(0)}{caption}</figure>"
            notes.append("changed: a [caption] with no picture is its text, as WordPress showed it")
            return inner
        address = _player_address(name, first, attrs, inner or "")
        if name in PLAYERS:
            url = address or (inner or "").strip() or attrs.get("src") or attrs.get("url")
            url = url or positional or _any_address(attrs)
            files = (v for k, v in attrs.items() if k in ("mp4", "mp3", "m4a", "ogg", "webm"))
            url = unescape(url or next(files, ""))  # its "&" written "&amp;" in the post
            if url.startswith("http"):
                tag = "audio" if name == "audio" else ("video" if name == "video" else "iframe")
                kind = f' data-kind="{PLAYERS[name]}"' if PLAYERS[name] else ""
                return f'<{tag} src="{escape(url)}"{kind}></{tag}>'
        if name in LISTING_SHORTCODES:  # WordPress.com's lists of every post
            notes.append(f"changed: [{name}] a link to the archive's list of every post")
            return listed("archives")
        if name in KNOWN_SHORTCODES:
            notes.append(f"left as is: [{name}] shortcode (shown as not converted)")
            kept.append(match.group(0))
            return f"\n\n{KEPT}{len(kept) - 1}\n\n"
        if (inner is not None or attrs) and name not in told:  # ([sic], [1]: the author's)
            told.add(name)
            notes.append(
                f"left as is: [{name}], a shortcode of no plugin the import knows (shown as its"
                " text, as WordPress shows one whose plugin is gone)"
            )
        return match.group(0)

    # no shortcode is read inside code
    html = _outside(
        CODE, html, lambda text: SHORTCODE.sub(replace, text), lambda code: _code_block(code, notes)
    )
    return html, notes, kept


def _outside(code: re.Pattern, html: str, change, in_code=lambda found: found[0]) -> str:
    """``html`` with ``change`` made to its text outside each match of
    ``code`` (code, where a shortcode or a formula is text); each match as
    ``in_code`` makes it (as it is)."""
    out, at = [], 0
    for found in code.finditer(html):
        out += [change(html[at : found.start()]), in_code(found)]
        at = found.end()
    return "".join([*out, change(html[at:])])


#: Shortcodes that showed a player or a post of another site (WordPress's
#: own, and WordPress.com's, Jetpack's: its modules/shortcodes/): each an
#: embed, which the converter links.  Each with what it showed, when the
#: address does not tell (html.py).
PLAYERS = {
    "embed": "", "youtube": "", "video": "", "audio": "", "vimeo": "", "dailymotion": "",
    "soundcloud": "Audio", "googlevideo": "Video", "googlemaps": "Map", "tweet": "Tweet",
    "instagram": "Post", "gist": "Code", "slideshare": "Slides", "scribd": "Document",
    "ted": "Video", "polldaddy": "Poll", "crowdsignal": "Poll", "wpvideo": "Video",
    "videopress": "Video", "spotify": "Audio", "mixcloud": "Audio", "flickr": "Photo",
    "facebook": "Post", "pinterest": "Post", "medium": "Post", "kickstarter": "Video",
    "vine": "Video", "archiveorg": "Video",
}  # fmt: skip


def _player_address(name: str, first: str, attrs: dict[str, str], inner: str) -> str:
    """The address a player shortcode names other than as its ``url`` or its
    first word: a Dailymotion video's ``id``, a tweet's number, a Google
    Video's player's ``docid`` (the player, Flash, is gone: the video's page);
    Jetpack's by a number or a name, as its shortcodes made them (a Gist's,
    a SlideShare's, a Scribd's, a TED talk's, a poll's or survey's, a
    VideoPress video's, a Spotify track's, an Internet Archive item's)."""
    ident, inner = attrs.get("id") or "", inner.strip()
    if name == "dailymotion" and ident.replace("_", "").isalnum():
        return f"https://www.dailymotion.com/video/{ident}"
    if name == "tweet" and first.isdigit():
        return f"https://twitter.com/i/web/status/{first}"
    docid = re.search(r"[?&;]docid=(-?\d+)", first)
    if name == "googlevideo" and docid:
        return f"https://video.google.com/videoplay?docid={docid[1]}"
    for attribute, form, address in NAMED.get(name, ()):
        named = re.fullmatch(form, attrs.get(attribute, "") if attribute else inner or first, re.I)
        if named:
            return address.format(*named.groups())
    return ""


#: Jetpack's shortcodes that name what they showed by a number or a name (its
#: modules/shortcodes/*.php): the attribute that holds it ("": the first word,
#: or the words a closed one holds), its form, and the address of its page.
NAMED = {
    "slideshare": [("id", r"(\d+)(?:&.*)?", "https://www.slideshare.net/slideshow/embed_code/{}")],
    "scribd": [("id", r"(\d+)", "https://www.scribd.com/doc/{}")],
    "ted": [("id", r"(\d+)", "https://www.ted.com/talks/view/id/{}")],
    "polldaddy": [
        ("poll", r"(\d+)", "https://polldaddy.com/p/{}"),
        ("survey", r"([0-9a-f]+)", "https://polldaddy.com/s/{}"),
    ],
    "crowdsignal": [
        ("poll", r"(\d+)", "https://poll.fm/{}"),
        ("survey", r"([0-9a-f]+)", "https://survey.fm/{}"),
    ],
    "wpvideo": [("", r"(\w+)", "https://videopress.com/v/{}")],
    "videopress": [("", r"(\w+)", "https://videopress.com/v/{}")],
    "spotify": [("id", r"spotify:(\w+):(\w+)", "https://open.spotify.com/{}/{}")],
    "archiveorg": [("", r"([\w.-]+)", "https://archive.org/details/{}")],
    "gist": [("", r"((?:[\w-]+/)?[0-9a-f]+)", "https://gist.github.com/{}")],
}


def _any_address(attrs: dict[str, str]) -> str:
    """The first attribute's value that is a web address (Flickr's
    ``photo=``, Spotify's ``id=`` of its page), else ""."""
    return next((value for value in attrs.values() if value.startswith("http")), "")


#: WordPress.com's code shortcodes (its SyntaxHighlighter): ``[code]``,
#: ``[sourcecode]``, ``[source]`` and a language's name (``[python]``), closed;
#: not ``[latex]``, Jetpack's formula (:data:`LATEX`; LaTeX's source as code is
#: ``[code language="latex"]``).
CODE_NAMES = (
    "code sourcecode source as3 actionscript3 bash shell cf coldfusion clojure clj cpp c "
    "c-sharp csharp css delphi pascal diff patch erlang erl fsharp go golang groovy haskell "
    "html java javafx jfx javascript js jscript json matlab objc perl pl php plain "
    "powershell ps py python r rails rb ruby scala sql swift text vb vbnet xml xhtml xslt yaml"
).split()
_CODE_NAME = "|".join(sorted(CODE_NAMES, key=len, reverse=True))  # [css] before [c]
CODE = re.compile(rf"\[({_CODE_NAME})\b([^\]]*)\](.*?)\[/\1\]", re.S | re.I)


def _code_block(match: re.Match, notes: list[str]) -> str:
    """A code shortcode as the code block it showed: the code as written (its
    entities, which the editor wrote for ``<`` and ``&``, read once), its
    lines, blank ones and indentation kept, in the language it names
    (``[python]``, ``[code language="sql"]``: html._code_languages)."""
    name = match.group(1).lower()
    notes.append(f"changed: [{name}] became a code block")
    code = unescape(match.group(3)).strip("\n")
    named = re.search(r"\b(?:language|lang)\s*=\s*[\"']?([\w#+.-]+)", match.group(2), re.I)
    language = named[1] if named else "" if name in ("code", "sourcecode", "source") else name
    return (
        f'\n\n<pre class="brush: {escape(language)}"><code>{escape(code, quote=False)}'
        "</code></pre>\n\n"
    )


#: WordPress's own shortcodes, and Jetpack's that showed the blog's own lists or
#: another site's forms and widgets: text in square brackets by any other name
#: is the author's.  (A player's that names no address it can be read for
#: stays text: an author showing the shortcode, "[googlevideo link-to-video]".)
KNOWN_SHORTCODES = {
    "gallery", "playlist", "embed", "caption", "wp_caption", "audio", "video", "youtube",
    "vimeo", "soundcloud", "googlemaps", "slideshow", "instagram", "twitter", "tweet",
    "archives", "sitemap", "contact-form", "recipe", "upcomingevents", "googleapps", "bandcamp",
    "brightcove", "hulu", "twitchtv", "ustream", "wufoo", "getty", "codepen", "descript",
    "pocketcasts", "houzz", "cartodb", "smartframe", "mailchimp_subscriber_popup",
    "twitter-timeline", "untappd-menu", "quiz",
}  # fmt: skip
#: WordPress.com's shortcodes that listed every post of the blog (``[sitemap]``
#: its pages too) as the page was shown: the archive lists them on a page of its
#: own (html.LISTED_HERE).
LISTING_SHORTCODES = {"archives", "sitemap"}


#: WordPress.com's (and Jetpack's) LaTeX, ``$latex e^{i\pi}$`` or
#: ``[latex]...[/latex]``, which it showed as a picture of the formula made on
#: its servers; its size and colours (``&s=2``, ``&fg=ff0000``) are the picture's.
LATEX = re.compile(r"\$latex(?:=\s*|\s+)((?:\\\$|[^$])+)\$|\[latex\](.*?)\[/latex\]", re.I | re.S)
LATEX_OPTIONS = re.compile(r"&(?:fg|bg)=[0-9a-f]{6}|&s=-?\d{1,2}", re.I)
#: Code, where a formula or a footnote's shortcode is text: a <pre>, a
#: <code> in a line, a code shortcode.
IN_CODE = re.compile(rf"<pre\b.*?</pre>|<code\b.*?</code>|{CODE.pattern}", re.I | re.S)


def _formulas(html: str, notes: list[str]) -> tuple[str, list[str]]:
    """Each LaTeX formula outside code marked (html.mark of html.FORMULA and
    its index in the list returned, for the converter to write as MyST's ``{math}``)."""
    formulas: list[str] = []

    def formula(match: re.Match) -> str:
        latex = LATEX_OPTIONS.sub("", unescape(match[1] or match[2] or "")).strip()
        if not latex:
            return match[0]
        formulas.append(latex)
        return mark(FORMULA, len(formulas) - 1)

    html = _outside(IN_CODE, html, lambda text: LATEX.sub(formula, text))
    if formulas:
        formulas_found = counted(len(formulas), "LaTeX formula")
        notes.append(f"changed: {formulas_found} ($latex) are math, shown as MathML")
    return html, formulas
