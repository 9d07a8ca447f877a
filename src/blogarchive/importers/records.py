"""What every importer produces: one frozen record per post."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from slugify import slugify
from tqdm import tqdm

from ..frontmatter import FIRST_DAY, LAST_DAY, blogger_number, redirect_problem, split_address
from ..links import wordpress_number
from ..model import APOSTROPHES, SHORT, archive_writes, counted, redirect_docname


def reading(path: Path, entries: list) -> tqdm:
    """The export's entries, with a progress bar on a terminal (tqdm): each is
    converted as it is read, some 20 ms a post, so a blog of thousands of
    posts is a minute's work."""
    return tqdm(entries, desc=f"reading {Path(path).name}", unit="entry", disable=None, leave=False)


class ImportError_(Exception):
    """A malformed export: names the file, the line and what is wrong."""

    def __init__(self, path, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


def slugify_title(title: str) -> str:
    """ASCII, lower case, hyphens: "Let's celebrate!!!" -> "lets-celebrate";
    any script transliterated ("Русский" -> "russkii"), so titles with no Latin
    letters do not all become one slug; cut at a word (model.SHORT)
    (a file name holds 255 bytes: a 300-character title crashed the import)."""
    return slugify(title, replacements=APOSTROPHES, **SHORT) or "post"


#: Query parameters a feed or a share button added to a post's address to
#: count its readers (WordPress's "utm_source=rss&utm_medium=rss" plugins,
#: Facebook's, Google's, Mailchimp's, HubSpot's): not the post's address.
TRACKING = re.compile(r"utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid", re.I)


def without_tracking(url: str | None) -> str | None:
    """``url`` without its :data:`TRACKING` parameters (and without a ``?``
    left with none): ``/low-code/?utm_source=rss`` is ``/low-code/``."""
    if not url or "?" not in url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    query = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(key, value) for key, value in query if not TRACKING.fullmatch(key)]
    if len(kept) == len(query):
        return url
    return parts._replace(query=urlencode(kept)).geturl()


def readable(url: str | None, notes: list[str] | None = None) -> str | None:
    """An address from the export (a post's, the blog's), or None where no
    browser could read it ("http://[oops/", a broken IPv6 host: Python's
    parser raises on it, and the post had been refused), ``notes`` told."""
    if url is None or split_address(url) is not None:
        return url
    if notes is not None:
        notes.append(f"left out: its old address {url!r}, which no browser can read")
    return None


def old_address(url: str | None, notes: list[str] | None = None) -> str | None:
    """The path of a post's old address, served here as a redirect; None when this
    site cannot serve it (a query-string permalink such as ``?p=12``, or a path
    that is no page of its own: ``/``, ``..``, a hidden folder), which ``notes``
    are told."""
    if not url:
        return None
    parts = urlsplit(url)
    # A blog whose address ended in "/" wrote its pages' as ".com//greek/x/";
    # a web server reads two slashes as one (the theme unit test data's).
    path = re.sub(r"/{2,}", "/", unquote(parts.path))
    if not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
        # WordPress's permalinks without a closing slash (/%postname%): the
        # folder's page, where web servers send /services (to /services/)
        path += "/"
    if parts.query or redirect_problem(path):
        if notes is not None:
            notes.append(_unserved(url))
        return None
    return path


def _unserved(url: str) -> str:
    """The report's line for an old address no page here is at."""
    if wordpress_number(url) is not None:
        return f"old address {url!r} answered by its number (old-address.js)"
    return f"not redirected: old address {url!r} cannot be served here"


@dataclass(frozen=True)
class Comment:
    """A published comment from the old blog: who, when, what; never their
    e-mail or IP address."""

    id: str
    author: str
    date: dt.datetime  # aware
    html: str  # sanitised
    parent: str | None = None  # the comment it answers
    url: str | None = None  # the commenter's own address
    kind: str = "comment"  # or a link from another blog's post: "pingback", "trackback"

    def as_dict(self) -> dict:
        kind = {} if self.kind == "comment" else {"kind": self.kind}  # (files as before)
        return {
            "id": self.id,
            "parent": self.parent,
            **kind,
            "author": self.author,
            "url": self.url,
            "date": self.date.isoformat(),
            "html": self.html,
        }


@dataclass(frozen=True)
class ImportedPost:
    """One post as read from an export, before it is written as MyST."""

    title: str
    published: dt.date | dt.datetime | None  # None: the export gives none (a draft: undated)
    body: str  # MyST Markdown, without the title heading
    authors: tuple[str, ...] = ()
    author_logins: tuple[str, ...] = ()  # WordPress's, in the order of authors (or none)
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    sequence: int = 0  # order among posts of one day that carry no time
    draft: bool = False
    source_url: str | None = None  # its address on the old blog
    redirects: tuple[str, ...] = ()  # old paths on this site that lead to it
    excerpt: int | None = None  # paragraphs before the author's "more" break
    image: int | None = None  # the picture an excerpt of no paragraph shows
    source_key: str = "blogger_url"  # front-matter key for source_url
    draft_reason: str | None = None  # why a post the old blog hid is a draft here
    line: int = 0  # where the entry starts in the export
    notes: tuple[str, ...] = ()  # what converting it changed or left as it was
    media: tuple[str, ...] = ()  # addresses of the pictures and files it uses
    comments: tuple[Comment, ...] = ()  # published comments, oldest first
    is_page: bool = False  # a static page of the old blog (About, Contact), not a post
    number: str = ""  # its number in the export (WordPress's post_id)
    blogger_id: str = ""  # Blogger's id of it (tag:blogger.com,1999:blog-1.post-36)
    parent: str = ""  # a page's parent page's number (WordPress's post_parent), if any
    order: int = 0  # a page's place among its parent's (WordPress's menu_order)
    location: str | None = None  # where it was written (Blogger's, either export's)
    summary: str | None = None  # its author's own excerpt, as text (WordPress's)
    sticky: bool = False  # shown first on the blog's front page (WordPress's sticky posts)
    source: str = ""  # the export file it was read from, as the import was given it

    @property
    def slug(self) -> str:
        """From its title; from its old address's own slug where the export
        lost some of the title's letters (U+FFFD: "Schachtels\ufffd\ufffdtze"
        would be "schachtelstze", its old address says "schachtelsaetze")."""
        if LOST in self.title and self.source_url:
            last = urlsplit(self.source_url).path.rstrip("/").rsplit("/", 1)[-1]
            kept = slugify_title(re.sub(r"\.html?$", "", unquote(last)))
            if kept != "post":
                return kept
        return slugify_title(self.title)

    @property
    def wordpress_number(self) -> int | None:
        """The number WordPress knew it by (its ``post_id``), which WordPress
        answered ``/?p=<number>`` for whatever its address; None for another
        blog's post, or a number that is no number."""
        digits = self.source_key == "wordpress_url" and self.number.isascii()
        return int(self.number) if digits and self.number.isdigit() else None

    @property
    def folder(self) -> str:
        """Its folder in posts/: its year's, or ``undated``."""
        return str(self.published.year) if self.published else "undated"


@dataclass
class ExportContents:
    """What a reader found in an export."""

    posts: list[ImportedPost] = field(default_factory=list)
    not_posts: Counter = field(default_factory=Counter)  # kind -> how many (pages, comments...)
    #: (line, why) of each post entry that could not be taken; the rest still comes in.
    refused: list[tuple[int, str]] = field(default_factory=list)
    #: (line, note) about the export as a whole (read leniently, ...)
    notes: list[tuple[int, str]] = field(default_factory=list)
    #: Blogger's: each post's entry id, as ``posts`` are ordered, and the
    #: published comments read, by the id of the post they answer, which
    #: may be in another file of the import (a blog's comments feed).
    post_ids: list[str] = field(default_factory=list)
    comments: dict[str, list[Comment]] = field(default_factory=dict)
    #: The old address of each post comments answer, by its id; the comments
    #: of a post in no file of the import, by that address, to be filed under
    #: the post already in the blog (writer.file_later_comments).
    reply_urls: dict[str, str] = field(default_factory=dict)
    orphans: dict[str, list[Comment]] = field(default_factory=dict)
    #: WordPress's: entries of the kinds a theme or plugin added (custom post
    #: types), by kind, skipped: ``blog import --post-types`` imports them.
    other_kinds: Counter = field(default_factory=Counter)


def skipped(reads: list[ExportContents]) -> str | None:
    """What the files of one import held that is no post, counted, for the
    terminal and the report: "not posts, skipped: 157 settings, 3 template"."""
    kinds = sum((contents.not_posts for contents in reads), Counter())
    if not kinds:
        return None
    said = "not posts, skipped: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    others = sum((contents.other_kinds for contents in reads), Counter())
    if others:
        names = sorted(others)
        said += "\nkinds of post a theme or plugin added, skipped: "
        said += ", ".join(f"{kind} ({others[kind]})" for kind in names)
        said += f": --post-types {','.join(names)} imports them as posts"
    return said


def file_comments(reads: list[ExportContents]) -> None:
    """Each comment read in any file of one import filed under its post, in
    whichever file that is, oldest first; one whose post is in none of them
    kept by its post's old address (``orphans``), or, with none, counted in
    its own file's report."""
    entries = [(c, i, pid) for c in reads for i, pid in enumerate(c.post_ids)]
    where: dict[str, tuple[ExportContents, int]] = {}
    for c, i, pid in sorted(entries, key=lambda e: e[0].posts[e[1]].draft):
        where.setdefault(pid, (c, i))  # one id twice (a post and its draft): the post's
    for contents in reads:
        for post_id, found in contents.comments.items():
            if post_id not in where:
                if url := contents.reply_urls.get(post_id):
                    contents.orphans.setdefault(url, []).extend(found)
                else:
                    contents.not_posts["comment on no imported post"] += len(found)
                continue
            owner, i = where[post_id]
            mine = sorted([*owner.posts[i].comments, *found], key=lambda c: c.date)
            owner.posts[i] = dataclasses.replace(owner.posts[i], comments=tuple(mine))
        contents.comments = {}


def without_commas(names, kind: str, notes: list[str]) -> tuple[str, ...]:
    """Tags' or categories' names, none holding a comma, which separates them
    in front matter (one that holds one fails the build).  A name that holds
    commas (a Blogger label typed as a list, 'java, profiling, visualvm'; a
    WordPress category 'Health, Safety') is the names it lists, noted."""
    found: list[str] = []
    for name in names:
        name = " ".join(name.split())
        listed = [part.strip() for part in name.split(",") if part.strip()]
        if len(listed) > 1:
            notes.append(f"changed: {kind} {name!r} holds commas: here it is {', '.join(listed)}")
        found += listed
    return tuple(dict.fromkeys(found))


def one_author(name: str, notes: list[str]) -> str:
    """An author's name as one name in front matter, where commas separate
    authors: a name that holds one ('Mills, Chris', 'Chris Mills, MBE') is
    one person still, the comma left out, noted (it had become several
    authors, and a WordPress login no longer matched its name)."""
    if "," not in name:
        return name
    kept = " ".join(name.replace(",", " ").split())
    notes.append(f"changed: author {name!r} holds a comma, which separates authors: here {kept!r}")
    return kept


def naming(why: str, address: str | None) -> str:
    """Why an entry is refused, with the address it had on the old blog: the
    line alone does not tell entries apart in an export written on one line
    (a Blogger backup holds every entry after its template on one)."""
    address = " ".join((address or "").split())
    return f"{why} (was {address})" if address else why


def unconvertible(error: Exception) -> str:
    """Why an entry the converter failed on is refused: a fault of ours, not
    of the export, named so that it can be reported; the rest comes in."""
    return f"could not be converted ({type(error).__name__}: {error}); please report this"


#: White space and line breaks, which a title's text makes one space; not the
#: other spaces Unicode has, which are the author's characters (a no-break
#: space: French "Pourquoi ?", "Part 2" kept on one line; CJK's full-width one).
BREAKS = re.compile(r"[ \t\n\r\f\v\x85\u2028\u2029]+")


def plain_title(raw: str | None) -> str:
    """A title as text: markup reduced to its words, entities decoded once
    (Takeout stores ``&amp;#39;``, which XML gives back as ``&#39;``), its
    white space one space; a title of white space alone is none."""
    text = raw or ""
    if "<" in text:
        from .html import soup_of

        text = soup_of(text).get_text()
    if re.search(r"&(#\d+|#x[0-9a-f]+|\w+);", text, re.I):
        text = html.unescape(text)
    text = BREAKS.sub(" ", text).strip(" ")
    return text if text.strip() else ""


def plain_name(raw: str | None) -> str:
    """A tag's, category's or author's name as text (:func:`plain_title`), any
    space in it one space: a name is matched, folded and made an address."""
    return " ".join(plain_title(raw).split())


def undated(hint: str = "") -> str:
    """The draft reason of a post the export gives no date: it is kept, as a
    draft, rather than refused or given a date it never had."""
    return f"no date in the export{hint}: give it its date to publish it"


def title_of(raw: str | None, body: str, when: dt.date | None, notes: list[str]) -> str:
    """A post's title as text; an untitled post's from its first words (noted)."""
    title = plain_title(raw)
    if not title:
        title, note = untitled(body, when)
        notes.append(note)
    return title


def untitled(body: str, when: dt.date | None) -> tuple[str, str]:
    """A title for an untitled post, from its first words as a reader reads
    them (verify.shown_words: MyST's markup, ``{.text-center}``, had been
    read as words), and the note saying so."""
    from .verify import shown_words  # (verify reads posts through html.py)

    words = [word for word in shown_words(body).split() if not word.startswith("http")]
    title = ""
    for word in words:
        if len(title) + len(word) > 60:
            break
        title = f"{title} {word}".strip()
    if len(title) < 3:
        title = f"Untitled, {when.day} {when:%B %Y}" if when else "Untitled"
    elif len(title) < len(" ".join(words)):
        title = title.rstrip(".,;:!?") + " …"
    return title, f"changed: untitled post, titled {title!r} from its text"


#: What a program writes for bytes it could not read as text: a character an
#: export lost before it was written (read in the wrong encoding, then saved).
LOST = "\ufffd"


def showable(when: dt.date | dt.datetime) -> bool:
    """Whether a page can show ``when``: its day, in UTC, from
    frontmatter.FIRST_DAY to LAST_DAY (moving it there may overflow)."""
    try:
        day = when.astimezone(dt.UTC) if isinstance(when, dt.datetime) and when.tzinfo else when
    except OverflowError:
        return False
    return FIRST_DAY <= (day.date() if isinstance(day, dt.datetime) else day) <= LAST_DAY


def in_the_calendar(post: ImportedPost) -> ImportedPost:
    """``post``, a draft with no date if its date is outside the days a page
    can show (frontmatter.FIRST_DAY to LAST_DAY: Python's calendar, a day
    from each end), which the build would refuse: an export's ``0001-01-01``
    or ``9999-12-31``, a placeholder of another tool, had been written as it
    was, or (moved to UTC) refused with "please report this"."""
    when = post.published
    if when is None or showable(when):
        return post
    reason = f"its date in the export, {when.isoformat()}, is outside the days a page can show"
    return dataclasses.replace(
        post, published=None, draft=True, draft_reason=f"{reason}: give it its date to publish it"
    )


def lost_characters(post: ImportedPost) -> ImportedPost:
    """``post``, noted if its export holds characters lost before it was
    written: they come in as they are (which they were, nobody can tell from
    the export), and the report counts them, for the author to mend from the
    old blog's pages, which may still hold them."""
    texts = [post.title, post.body, *post.tags, *post.categories]
    texts += [comment.html for comment in post.comments]
    count = sum(text.count(LOST) for text in texts)
    if not count:
        return post
    what = counted(count, "character")
    note = f"left as is: {what} the export holds as '{LOST}', lost before it was written"
    return dataclasses.replace(post, notes=(*post.notes, note))


def leave_to_the_site(post: ImportedPost, blog_path: str, root: Path) -> ImportedPost:
    """The post without the old addresses the site answers with a page of its
    own (the build refuses a redirect there: checks.claim_redirects): one of
    the archive's lists (:func:`~blogarchive.model.archive_writes`; a
    WordPress page "Blog" at ``/blog/``, which listed the posts) or a page of
    the repository (``/about.html``).  The old address still answers; the
    report says it leads to the site's page, not to this post."""
    why = {}
    for old_path in post.redirects:
        docname = redirect_docname(old_path)
        source = [root / f"{docname}{suffix}" for suffix in (".md", ".rst")]
        if archive_writes(docname, blog_path) or any(path.is_file() for path in source):
            why[old_path] = "is a page of the site here"
    return not_redirected(post, why)


def not_redirected(post: ImportedPost, why: dict[str, str]) -> ImportedPost:
    """The post without the old addresses ``why`` names, each noted with why
    (the build refuses two redirects from one address, or one from a page
    of the site): ``not redirected: old address '/blog/' is a page...``."""
    if not why:
        return post
    notes = [f"not redirected: old address {old!r} {reason}" for old, reason in why.items()]
    redirects = tuple(old for old in post.redirects if old not in why)
    return dataclasses.replace(post, redirects=redirects, notes=(*post.notes, *notes))


def one_post_each(posts: list[ImportedPost]) -> list[ImportedPost]:
    """The posts with each old address redirected by one of them alone (two
    redirects to one address make the build fail): an export may hold one
    post twice, or a page and a post at one address.  A published post is
    given it before a draft, then the first in the export; the others' notes
    name the post it leads to."""
    owner: dict[str, ImportedPost] = {}
    claims = [
        (post.draft, n > 0, i, post, path)
        for i, post in enumerate(posts)
        for n, path in enumerate(post.redirects)
    ]
    # A post's own address before another's old one (a slug it had), a
    # published post's before a draft's, then the export's order.
    for *_, post, old_path in sorted(claims, key=lambda c: c[:3]):
        owner.setdefault(redirect_docname(old_path), post)
    numbered: dict[str | None, ImportedPost] = {}  # Blogger's number -> the post that keeps it
    for _, _, post in sorted((p.draft, i, p) for i, p in enumerate(posts) if p.blogger_id):
        numbered.setdefault(blogger_number(post.blogger_id), post)

    def keeper(post: ImportedPost) -> str | None:
        """The entry that keeps the post's number, if another."""
        kept = numbered.get(blogger_number(post.blogger_id)) if post.blogger_id else None
        return _entry(kept) if kept is not None and kept is not post else None

    return [
        not_numbered(
            not_redirected(
                post,
                {
                    old: f"leads to {_entry(owner[redirect_docname(old)])}"
                    for old in post.redirects
                    if owner[redirect_docname(old)] is not post
                },
            ),
            keeper(post),
        )
        for post in posts
    ]


def not_numbered(post: ImportedPost, other: str | None) -> ImportedPost:
    """The post without Blogger's id (``blogger_id``), where ``other`` (an
    entry of the export, a file of the blog) has its number: two posts of one
    number make the build fail (its feed of comments would be both's)."""
    if other is None:
        return post
    note = f"no blogger_id: Blogger's post number {blogger_number(post.blogger_id)} is {other}'s"
    return dataclasses.replace(post, blogger_id="", notes=(*post.notes, note))


def _entry(post: ImportedPost) -> str:
    """Where a post is in its export, for the report: ``export.xml:68, 'Title'``."""
    where = f"{post.source}:{post.line}" if post.source else f"line {post.line}"
    return f"{where}, {post.title!r}"
