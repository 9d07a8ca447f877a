"""Links between the old blog's own posts, made links between their files.

A post that linked to another post of the blog
(``[as I wrote](http://chrismillsblog.blogspot.com/2009/07/x.html)``) still
sent its reader to the old host once imported: out of the archive, to a
page that lives only as long as Blogger keeps it.  Each such link now leads
to the other post's file (``[as I wrote](../2009/x.md)``), which MyST
checks and Sphinx writes as a link to the page here, wherever the site is
served from.

Which addresses are the blog's own: its posts' and pages' old addresses
and its home page's,
on the hosts they were at (``http`` or ``https``, with or without ``www.``,
Blogger's country domains, ``.blogspot.co.uk``, as ``.blogspot.com``), and
the old addresses of the posts already in the repository (an earlier
import).  A query that only chose a view of the page (Blogger's ``?m=1``,
``?showComment=``, WordPress's ``?replytocom=``, a tracker's ``utm_``) is
dropped with it (WordPress's plain addresses, ``/?p=12``, are matched by
their number), as is a place in the page (``#comments``): the comments
are shown from their own file, and no heading here has that name.  A post
never published (a draft, one scheduled after the import) is no page of
the site: links to it are left as they were.

Why a scan of the Markdown and not of the HTML: each post is converted as
it is read, before the others' files are known (as media.rewrite does for
pictures).  The converter writes a link as ``[words](address)``,
``[words](<address>)`` or ``<address>``; code is left alone.  A comment's
links (its HTML, shown beside the post's page) lead to the page, or, for an
archive page, to its path from the site's root, which the build makes a link
to the page (comments.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
import re
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from ..links import wordpress_number
from ..model import counted, fold, is_file_name, redirect_docname, slug
from ..unread import CODE_SPAN
from .html import ascii_host
from .records import TRACKING, ImportedPost, old_address

#: Query parameters that chose a view of the same page, not another page
#: (Blogger's ``spref``: which share button the reader came by).
VIEW = re.compile(r"m|showComment|spref|replytocom|amp|" + TRACKING.pattern, re.I)
#: Blogger's blog on a country's domain: the same blog as on ``.blogspot.com``.
BLOGSPOT = re.compile(r"^([^.]+)\.blogspot\.[a-z]{2,3}(\.[a-z]{2})?$")
#: A link's address as the converter writes it: ``](address`` (with or
#: without ``<>``, a title after it) or an address alone, ``<address>``.
LINK = re.compile(r"(?P<before>\]\()(?P<open><?)(?P<url>https?://[^\s)>]+)(?P<close>>?)(?=[\s)])")
AUTOLINK = re.compile(r"(?<!\]\()(?<!\\)<(?P<url>https?://[^\s<>]+)>")


def host_key(host: str | None) -> str:
    """A host as the blog's links may name it: without "www.", a Blogger
    blog's country domain as its ``.blogspot.com``, and a name in other
    letters (``bücher.de``, ``🚀-science.com``) as the ASCII a browser sends
    (``xn--bcher-kva.de``): a post linked its blog by either."""
    host = ascii_host(unquote(host or "")).removeprefix("www.")
    return BLOGSPOT.sub(r"\1.blogspot.com", host)


def page_key(url: str) -> tuple[str, str] | None:
    """(host, page here) an address of the old blog names, or None: a query
    that names another page, or an address no page here could have."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = host_key(parts.hostname)
    if (number := wordpress_number(url)) is not None:  # WordPress's plain permalinks
        return host, f"?p={number}"
    query = parse_qsl(parts.query, keep_blank_values=True)
    if any(not VIEW.fullmatch(key) for key, _ in query):
        return None
    if parts.path in ("", "/", "/index.html"):
        return host, HOME
    path = old_address(parts._replace(query="", fragment="").geturl())
    return (host, redirect_docname(path)) if path else None


#: The key of the blog's home page (``http://chrismillsblog.blogspot.com/``).
HOME = ""


def linked_here(
    posts: list[ImportedPost],
    paths: list[Path],
    on_disk: dict[str, Path],
    home: Path | None,
    tz: dt.tzinfo,
) -> list[ImportedPost]:
    """The posts (written at ``paths``), each link to another of the blog's
    published posts or pages, or to its home page (the file ``home``),
    leading to its file.  ``on_disk``: the page each old address of the
    posts already in the repository is served from, and the file of that
    post.  ``tz``: the site's timezone (``blog_timezone``), which puts each
    post in its month here."""
    hosts = {host_key(urlsplit(p.source_url).hostname) for p in posts if p.source_url}
    hosts.discard("")
    on_disk = {**on_disk, HOME: home} if home else on_disk
    files: dict[tuple[str, str], Path] = {
        (host, docname): path for docname, path in on_disk.items() for host in hosts
    }
    now = dt.datetime.now(dt.UTC)
    answered = _archive_pages(posts, hosts, now, tz)
    for post, path in zip(posts, paths, strict=True):
        if post.draft or after(post.published, now) or not post.source_url:
            continue
        host = host_key(urlsplit(post.source_url).hostname)
        keys = [page_key(post.source_url), *((host, redirect_docname(r)) for r in post.redirects)]
        if post.wordpress_number is not None:  # its shortlink, whatever its address
            keys.append((host, f"?p={post.wordpress_number}"))
        files.update((key, path) for key in keys if key)
    return [
        _linked(post, path, files, hosts, answered) for post, path in zip(posts, paths, strict=True)
    ]


#: The old blog's archive pages, the site answers at the same addresses
#: (model.old_addresses): a label's (Blogger), a tag's, category's or
#: author's (WordPress; an author's by its login, or the folder its name has here), a
#: year's, a month's; a day's (WordPress's ``/2010/07/21/``,
#: Blogger's daily or weekly archive), by its month's page, which lists the
#: day's posts (as the 404 page leads a day's old address).
LABEL = re.compile(r"/search/label/([^/]+)")
CATALOG = re.compile(r"/(tag|category|author)/([^/]+)/?")
YEAR = re.compile(r"/(\d{4})/?")
MONTH = re.compile(
    r"/(\d{4})/(\d{2})/?|/(\d{4})/(\d{2})/\d{2}/?|/(\d{4})_(\d{2})_\d{2}_archive\.html"
)
#: What the import report calls them.
ARCHIVE_PAGES = "a label's, tag's, category's, author's, year's, month's or day's"


def archive_key(url: str) -> tuple[str, str] | None:
    """(host, the site's path of the old archive page) ``url`` names:
    ``/search/label/Ofsted``, ``/tag/ofsted/``, ``/2010/``, ``/2010/07/``
    (and ``/2010/07/21/``); None for any other.
    A label's page may be asked for a number of posts or a date to list
    from (Blogger's ``?max-results=20``): the same page."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = host_key(parts.hostname)
    if found := LABEL.fullmatch(parts.path):
        return host, f"/search/label/{unquote(found[1])}"
    if parts.query and any(not VIEW.fullmatch(key) for key, _ in parse_qsl(parts.query)):
        return None
    if found := CATALOG.fullmatch(parts.path):
        return host, f"/{found[1]}/{unquote(found[2]).lower()}/"
    if found := MONTH.fullmatch(parts.path):
        year, month = [group for group in found.groups() if group]
        return host, f"/{year}/{month}/"
    if found := YEAR.fullmatch(parts.path):
        return host, f"/{found[1]}/"
    return None


def _archive_pages(
    posts: list[ImportedPost], hosts: set[str], now, tz: dt.tzinfo
) -> set[tuple[str, str]]:
    """(host, path) of each archive page of the old blog the site will answer
    for the published posts imported: their labels' (a label that can be a
    file's name: model.old_addresses), their tags', categories' and
    authors' by the folder the site gives them (WordPress's own slug is most
    often the same; a folder two names share is no one's), authors' by their
    logins too (WordPress's own), years' and months' (by the date
    in the site's timezone, ``tz``, as the build puts a post in its month:
    the old blog's own may have been another, its month another)."""
    paths: set[str] = set()
    names: dict[str, dict[str, set[str]]] = {"tag": {}, "category": {}, "author": {}}
    for post in posts:
        if post.draft or post.is_page or post.published is None or after(post.published, now):
            continue
        paths.update(f"/search/label/{tag}" for tag in post.tags if is_file_name(tag))
        when = _local(post.published, tz)
        paths |= {f"/{when.year}/", f"/{when:%Y/%m}/"}
        for kind, catalog in (
            ("tag", post.tags),
            ("category", post.categories),
            ("author", post.authors),
        ):
            for name in catalog:
                names[kind].setdefault(slug(fold(name)), set()).add(fold(name))
        for name, login in zip(post.authors, post.author_logins, strict=False):
            names["author"].setdefault(login, set()).add(fold(name))  # the old blog's own
    for kind, folders in names.items():
        paths.update(f"/{kind}/{folder}/" for folder, named in folders.items() if len(named) == 1)
    return {(host, path) for host in hosts for path in paths}


def _local(published, tz: dt.tzinfo):
    """``published`` (a date or a time) in ``tz``, as the build reads it:
    a time with an offset moved to ``tz``, a naive one taken as in it."""
    if isinstance(published, dt.datetime) and published.tzinfo is not None:
        return published.astimezone(tz)
    return published


def after(published, now: dt.datetime) -> bool:
    """Whether ``published`` (a date, a time, naive as UTC, or None) is after ``now``."""
    if published is None:
        return False
    if not isinstance(published, dt.datetime):
        published = dt.datetime.combine(published, dt.time())
    if published.tzinfo is None:
        published = published.replace(tzinfo=dt.UTC)
    return published > now


#: A host named in a post's text or a comment's HTML.
HOST = re.compile(r"https?://([^/\s)>\"'?#]+)", re.I)


def _linked(
    post: ImportedPost, path: Path, files: dict, hosts: set[str], answered: set
) -> ImportedPost:
    texts = [post.body, *(comment.html for comment in post.comments)]
    if not any(host_key(h) in hosts for text in texts for h in HOST.findall(text)):
        return post  # (most posts: not read again by MyST's parser)
    changed, archive, lost = 0, 0, []

    def target(url: str, page: bool = False) -> str | None:
        """The file (or, for a comment's HTML, ``page``, the page) ``url``
        names here, relative to the post's; the site's path of an old
        archive page it answers (which the build makes a link to that page:
        sitelinks.py, for a comment's too); None if it names none."""
        key = page_key(url)
        found = files.get(key) if key else None
        if found is None and (kept := archive_key(url)) in answered:
            nonlocal archive
            archive += 1
            return kept[1] if page else _destination(kept[1])
        if found is None:
            if key and key[0] in hosts and _a_posts_address(url) and url not in lost:
                lost.append(url)
            return None
        nonlocal changed
        changed += 1
        relative = posixpath.relpath(found.as_posix(), path.parent.as_posix())
        if page:
            return relative.removesuffix(".md") + ".html"
        return _destination(relative)

    def link(match: re.Match) -> str:
        new = target(match["url"])
        return match[0] if new is None else match["before"] + new

    def autolink(match: re.Match) -> str:
        new = target(match["url"])
        return match[0] if new is None else f"[{_words(match['url'])}]({new})"

    def words(text: str) -> str:
        return AUTOLINK.sub(autolink, LINK.sub(link, text))

    code = _code_lines(post.body)
    body = "".join(
        line if n in code else _outside_code_spans(line, words)
        for n, line in enumerate(post.body.splitlines(keepends=True))
    )
    comments = tuple(
        dataclasses.replace(comment, html=_comment_linked(comment.html, target))
        for comment in post.comments
    )
    notes = [
        f"left as is: a link to {url!r}, a post of the old blog's that has no page here"
        " (`blog links` looks for an archived copy)"
        for url in lost
    ]
    if archive:
        what = f"{counted(archive, 'link')} to the old blog's archive pages ({ARCHIVE_PAGES})"
        leads = "leads" if archive == 1 else "lead"
        notes.insert(0, f"changed: {what} {leads} to those pages here")
    if not changed and not archive:
        return dataclasses.replace(post, notes=(*post.notes, *notes)) if notes else post
    if changed:
        leads = "leads" if changed == 1 else "lead"
        what = f"{counted(changed, 'link')} to the old blog's own posts and pages"
        notes.insert(0, f"changed: {what} {leads} to their files here")
    return dataclasses.replace(post, body=body, comments=comments, notes=(*post.notes, *notes))


#: The address of a post or page, as Blogger and WordPress wrote them: not a
#: label's, a month's or the home page, which the site answers otherwise.
POST_ADDRESS = re.compile(r"/(\d{4}/\d{2}/[^/]+\.html|p/[^/]+\.html|\d{4}/\d{2}/\d{2}/[^/]+/?)")


def _a_posts_address(url: str) -> bool:
    return wordpress_number(url) is not None or bool(POST_ADDRESS.fullmatch(urlsplit(url).path))


def _code_lines(body: str) -> set[int]:
    """The lines (from 0) of the code blocks in ``body`` (not a directive's
    text, which is Markdown), as MyST reads it."""
    from ..privacy import markdown_parser

    lines: set[int] = set()
    for token in markdown_parser().parse(body):
        if token.type in ("fence", "code_block") and token.map:
            if not token.info.startswith("{"):
                lines.update(range(*token.map))
    return lines


def _outside_code_spans(line: str, change) -> str:
    """``line`` with ``change`` made to its text outside inline code, which
    shows its text as it is: ``<http://…>`` is no link there."""
    parts, at = [], 0
    for span in CODE_SPAN.finditer(line):
        parts += [change(line[at : span.start()]), span[0]]
        at = span.end()
    return "".join([*parts, change(line[at:])])


def _comment_linked(html: str, target) -> str:
    """A comment's sanitised HTML, its links to the blog's posts leading here."""
    if "href" not in html:
        return html
    from .html import soup_of

    soup, changed = soup_of(html), False
    for anchor in soup.find_all("a", href=True):
        if (new := target(anchor["href"], page=True)) is not None:
            anchor["href"], changed = new, True
    return str(soup) if changed else html


def _destination(address: str) -> str:
    """``address`` as a Markdown link's destination: in ``<>`` if it holds a
    space or a bracket."""
    return f"<{address}>" if re.search(r"[\s()<>]", address) else address


def _words(url: str) -> str:
    """An address shown as a link's words: Markdown's marks in it escaped."""
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", unquote(url))
