"""Reading posts: front matter checked before ABlog sees it, a header under each title."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import pickle
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .ablog_compat import (
    FRONT_MATTER_PRIORITY,
    PostList,
    PostNode,
    UpdateNode,
    matched_posts,
    postlist_format_problem,
    posts_read,
    reads_as_date,
)
from .confine import Within, link_out
from .frontmatter import check_file, key_line, shows_text
from .state import build_state
from .unread import files_not_read

logger = logging.getLogger(__name__)


def _set_text(element: nodes.Element, text: str) -> None:
    """Give a docinfo entry (a field or a bibliographic node) a new plain-text value."""
    if isinstance(element, nodes.field):
        element[1].children = []
        element[1] += nodes.paragraph("", text)
    else:
        element.children = []
        element += nodes.Text(text)


def _docinfo_entries(docinfo: nodes.docinfo) -> dict[str, nodes.Element]:
    entries = {}
    for child in docinfo.children:
        if isinstance(child, nodes.field):
            entries[child[0].astext()] = child
        else:  # author, date, ...: docutils' bibliographic fields
            entries[child.tagname] = child
    return entries


class CheckPostFrontMatter(SphinxTransform):
    """Validate a post's front matter and hand ABlog clean values.

    Runs just before ABlog's ``CheckFrontMatter``.
    """

    default_priority = FRONT_MATTER_PRIORITY - 10

    def apply(self) -> None:
        docname = self.env.docname
        if docname not in matched_posts(self.config):
            return
        source = Path(self.document["source"])
        tz = ZoneInfo(self.config.blog_timezone)
        fm = _screened(self.config, source) or check_file(source, tz)
        for problem in fm.problems:
            log = logger.error if problem.severity == "error" else logger.warning
            log(
                "%s: %s",
                problem.field,
                problem.message,
                location=(docname, problem.line),
                type="blogarchive",
                subtype="frontmatter",
            )
        is_post = fm.ok and fm.values.get("blogpost", True)
        title_problems = list(_title_problems(self.document)) if is_post else []
        for line, message in title_problems:
            logger.error(
                "title: %s",
                message,
                location=(docname, line),
                type="blogarchive",
                subtype="frontmatter",
            )
        docinfos = list(self.document.findall(nodes.docinfo))
        if not is_post or title_problems:
            # Not a post: ABlog skips documents without docinfo.
            for docinfo in docinfos:
                docinfo.parent.remove(docinfo)
            self.env.metadata[docname]["orphan"] = True
            return
        self.env.temp_data["blogarchive_front_matter"] = fm.values
        for node in list(self.document.findall(PostNode)):  # (a {post} directive's)
            # ABlog said "using post directive" through Python's own logger, with
            # no file or line, and used the front matter: named at its line here.
            logger.error(
                "post: the front matter makes this file a post: its {post} directive"
                " is not read (its date, tags and author are the front matter's); remove it",
                location=node,
                type="blogarchive",
                subtype="frontmatter",
            )
            node.parent.remove(node)
        for docinfo in docinfos:
            for key, element in _docinfo_entries(docinfo).items():
                if key == "nocomments":  # ABlog crashes on `nocomments: true`
                    if fm.values.get("nocomments"):
                        _set_text(element, "")
                    else:
                        element.parent.remove(element)


def _title_problems(document: nodes.document):
    """(line, message) for a post whose title is invisible or that has a second
    ``# heading``: ABlog would take the first section alone as the post (the
    feed entry would lose the rest) and the second as a page section."""
    sections = [child for child in document.children if isinstance(child, nodes.section)]
    if sections:
        title = sections[0][0].astext()
        if not shows_text(title):
            yield sections[0][0].line or 1, "the '# Title' heading shows no text"
    for section in sections[1:]:
        yield (
            section[0].line or 1,
            f"a second '# heading' ({section[0].astext()!r}): a post has one title;"
            " use '## ' for its sections",
        )


class ApplyPostFrontMatter(SphinxTransform):
    """Give ABlog's post node the checked values, lists kept as lists.

    Runs just after ABlog's ``CheckFrontMatter``, which splits strings on
    commas and strips quotes from tags.
    """

    default_priority = FRONT_MATTER_PRIORITY + 1

    def apply(self) -> None:
        values = self.env.temp_data.pop("blogarchive_front_matter", None)
        if values is None:
            return
        for node in self.document.findall(PostNode):
            date = None if values.get("draft") else values.get("date")
            node["date"] = date.isoformat(sep=" ") if date else None
            if values.get("excerpt") == 0:  # no paragraph (a picture alone, with `image`):
                node["excerpt"] = 0  # ABlog read 0 as its default, the first paragraph
            for key in ("tags", "category", "author", "redirect"):
                if key in values:
                    node[key] = list(values[key])


def check_blog_directives(app, doctree: nodes.document) -> None:
    """``doctree-read``, ahead of ABlog (500): the date of each ``{update}``
    (and of a ``{post}`` directive, in a page) is one ABlog reads, and each
    ``{postlist}``'s format one it shows.  One it cannot (``{update}
    not-a-date``, ``:format: {nope}``) stopped the build with a traceback:
    an error at its line now, the update kept as a note with no date, the
    list in ABlog's own format."""
    date_format = app.config.post_date_format
    for node in list(doctree.findall(UpdateNode)):
        if not reads_as_date(node.get("date", ""), date_format):
            _date_error(node, "update", node.get("date", ""))
            node.replace_self(nodes.note("", *node.children))
    for node in list(doctree.findall(PostNode)):
        date = node.get("date")
        if isinstance(date, str) and date and not reads_as_date(date, date_format):
            _date_error(node, "post", date)
            node.parent.remove(node)  # (no post: ABlog compared its updates with no date)
    for node in doctree.findall(PostList):  # (ABlog reads its format as the page is written)
        if problem := postlist_format_problem(node.get("format", "")):
            logger.error(
                "postlist: format %r: %s",
                node["format"],
                problem,
                location=node,
                type="blogarchive",
                subtype="frontmatter",
            )
            node["format"] = "{date} - {title}"  # (ABlog's own)


def _date_error(node: nodes.Node, directive: str, date: str) -> None:
    logger.error(
        "%s: %r is not a date (the directive's argument: 2010-07-21, for one)",
        directive,
        date,
        location=node,
        type="blogarchive",
        subtype="frontmatter",
    )


def excerpt_in_blocks(app, doctree: nodes.document) -> None:
    """A post's excerpt as the blocks its paragraphs are in, up to the last.

    ABlog's excerpt is the post's first paragraphs, each taken out of what
    held it: the home page, the feed's summary and the page's description
    showed a list's items without their bullets, a quotation as plain words,
    a definition without the term it defined.  Here each block of the post
    (a child of its section) that holds an excerpt's paragraph is the
    excerpt's, whole but the last, which ends with the excerpt's last
    paragraph.  Called before the post's listing signature is taken
    (state.py), so that an edit to any of it rewrites the lists."""
    infos = posts_read(app.env).get(app.env.docname, [])
    if len(infos) != 1:
        return  # (one post a file here; ABlog's excerpt of a post of several sections is its own)
    excerpt = infos[0]["excerpt"]
    shown = [node for node in excerpt if isinstance(node, nodes.paragraph)]
    taken = list(itertools.islice(doctree.findall(nodes.paragraph), len(shown)))  # (no more)
    if not shown or [node.astext() for node in taken] != [node.astext() for node in shown]:
        return  # (no paragraph, or not the ones ABlog took: left as it made it)
    owners = []  # each paragraph's block: the child of a section that holds it
    for paragraph in taken:
        block = paragraph
        while block.parent is not None and not isinstance(
            block.parent, nodes.section | nodes.document
        ):
            block = block.parent
        owners.append(block)
    if all(owner is paragraph for owner, paragraph in zip(owners, taken, strict=True)):
        return  # (paragraphs of the post's own: as ABlog took them)
    blocks = [owner for n, owner in enumerate(owners) if not n or owner is not owners[n - 1]]
    copies = [block.deepcopy() for block in blocks]
    within_last = sum(owner is blocks[-1] for owner in owners)
    last = list(copies[-1].findall(nodes.paragraph))[within_last - 1]
    node = last
    while node is not copies[-1]:  # what follows the last paragraph, left out
        parent = node.parent
        del parent[parent.index(node) + 1 :]
        node = parent
    excerpt[: len(shown)] = copies


def add_post_header(app, doctree: nodes.document, docname: str) -> None:
    """Put date, author, category and tags under a post's title."""
    from .archive import blog_archive

    archive = blog_archive(app)
    post = archive.post(docname)
    if post is None:
        return
    titles = [t for t in doctree.findall(nodes.title) if isinstance(t.parent, nodes.section)]
    if not titles:
        return
    uri = app.builder.get_relative_uri

    from .epub import is_epub

    in_book = is_epub(app.builder)  # the book has no tag, category or author pages

    def link(docname_to: str, text: str, cls: str) -> nodes.Element:
        if in_book:
            return nodes.inline("", text, classes=[cls])
        ref = nodes.reference("", "", internal=True, refuri=uri(docname, docname_to))
        ref["classes"].append(cls)
        ref += nodes.Text(text)
        return ref

    line = nodes.paragraph(classes=["post-meta"])
    if post.date:
        iso = post.date.date().isoformat()
        text = archive.format_date(post.date)
        line += nodes.raw("", f'<time datetime="{iso}">{escape(text)}</time>', format="html")
    else:
        line += nodes.inline("", "Draft", classes=["post-draft"])
    for label, cls, group_cls, colls in (
        (" by ", "post-author", "post-authors", post.author),
        (" in ", "post-category", "post-categories", post.category),
        (" · tagged ", "post-tag", "post-tags", post.tags),
    ):
        if not colls:
            continue
        group = nodes.inline(classes=[group_cls])
        group += nodes.Text(label)
        for i, coll in enumerate(colls):
            if i:
                group += nodes.Text(", ")
            group += link(coll.docname, archive.label(coll), cls)
        line += group
    front = app.env.metadata.get(docname, {})
    location = front.get("location")
    if isinstance(location, str) and location.strip():  # (Blogger showed it under the post)
        line += nodes.inline(
            "", f" · location: {' '.join(location.split())}", classes=["post-location"]
        )
    if post.published:
        minutes = archive.reading_minutes(post)
        line += nodes.inline("", f" · {minutes} min read", classes=["reading-time"])
    title = titles[0]
    title.parent.insert(title.parent.index(title) + 1, line)
    address = front.get("external_link")
    if isinstance(address, str) and address.startswith(("http://", "https://")):
        # A link post (ABlog's external_link): what it links to, under its title.
        linked = nodes.paragraph(classes=["post-external-link"])
        linked += nodes.Text("A link to ")
        linked += nodes.reference("", address, refuri=address, classes=["external"])
        title.parent.insert(title.parent.index(line) + 1, linked)
    commit = archive.history.last_updated(post) if post.published else None
    if commit:
        history = nodes.paragraph(classes=["post-history"])
        day = archive.format_date(commit.date)
        history += nodes.raw(
            "",
            f'Last updated <time datetime="{commit.date.date().isoformat()}">{escape(day)}</time>',
            format="html",
        )
        url = archive.history.repository_url("commits", archive.history.source(post.docname))
        if url:
            history += nodes.Text(" · ")
            ref = nodes.reference("", "history of this post", refuri=url)
            ref["classes"].append("post-history-link")
            history += ref
        line.parent.insert(line.parent.index(line) + 1, history)


def _stat_key(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def _unchanged(entries: dict[str, tuple], path: str, key: tuple[int, int]):
    """The FrontMatter recorded in ``entries`` for ``path``, if its stat key still matches."""
    cached = entries.get(path)
    return cached[1] if cached and cached[0] == key else None


def _screened(config, path: Path):
    """The front matter screen_posts checked, if the file has not changed since."""
    return _unchanged(build_state(config).screened, str(path), _stat_key(path))


def front_matter_line(app, docname: str, key: str) -> int:
    """The line of ``key`` in a post's front matter as screen_posts read it, or
    in a page's, read again (else 1)."""
    cached = build_state(app.config).screened.get(str(Path(app.srcdir, docname + ".md")))
    if cached:
        return cached[1].lines.get(key, 1)
    try:
        return key_line(Path(app.env.doc2path(docname)).read_text(encoding="utf-8"), key)
    except (OSError, UnicodeDecodeError):
        return 1


def build_time(tz: ZoneInfo) -> dt.datetime:
    """Now, as the blog's naive local time; SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return now.astimezone(tz).replace(tzinfo=None)


def screen_posts(app, config) -> None:
    """``config-inited``: look at every post before Sphinx reads it.

    A file that is not UTF-8 would crash Sphinx's reader: it is reported with its
    line and left out.  Drafts (``draft: true``, no date, a date still to come)
    are never read in a published build: no page, source copy, search-index
    entry, feed entry or place in any list.  ``blog_preview = True``
    (``python -m blogarchive.build --preview``) reads them, with a "Draft" banner.
    """
    tz = ZoneInfo(config.blog_timezone)
    now = build_time(tz)
    for path, why in files_not_read(Path(app.srcdir, "posts")):
        logger.error("file: %s", why, location=f"{path}:1", type="blogarchive", subtype="file")
    left_out = []
    scheduled: list[dt.datetime] = []  # dates of posts still to come
    cache = _ScreenCache(Path(app.doctreedir) / "blogarchive-frontmatter.pickle", tz)
    # path -> (stat key, FrontMatter): CheckPostFrontMatter reuses these instead of
    # parsing again (a fresh map each build: state.start_build)
    screened = build_state(config).screened
    within = Within(app.srcdir)
    for docname in matched_posts(config):
        path = Path(app.srcdir, docname + ".md")
        if not within(path):  # a symlink out of the repository
            link_out(path)
            left_out.append(docname + ".md")
            continue
        key = _stat_key(path)
        fm = _unchanged(cache.entries, str(path), key)
        if fm is None:
            fm = check_file(path, tz, display=str(path))
        screened[str(path)] = (key, fm)
        unreadable = [p for p in fm.problems if p.field == "encoding"]
        for problem in unreadable:
            logger.error(
                "%s: %s",
                problem.field,
                problem.message,
                location=f"{path}:{problem.line}",
                type="blogarchive",
                subtype="frontmatter",
            )
        if unreadable:
            left_out.append(docname + ".md")
        if not fm.ok or config.blog_preview:
            continue  # other problems are reported, with their lines, when the post is read
        date = fm.values.get("date")
        if fm.values.get("draft") or date is None or date > now:
            left_out.append(docname + ".md")
        if not fm.values.get("draft") and date is not None and date > now:
            scheduled.append(date)
    cache.save(screened)
    if not config.blog_preview:
        left_out += _draft_pages(Path(app.srcdir), within, tz)
    _save_schedule(Path(app.doctreedir), min(scheduled, default=None), tz)
    # A new list: Sphinx's default one is shared by every app in the process.
    config.exclude_patterns = [*config.exclude_patterns, *left_out]


def _draft_pages(srcdir: Path, within, tz: ZoneInfo) -> list[str]:
    """The site's pages (``pages/``) marked ``draft: true``: an old blog's page
    its author never published (imported as a draft), left out of the site
    as a draft post is.  A page that links out of the repository is left to
    confine.py."""
    return [
        path.relative_to(srcdir).as_posix()
        for path in sorted(srcdir.glob("pages/*.md"))
        if within(path) and check_file(path, tz).values.get("draft")
    ]


SCHEDULE = "blogarchive-schedule.json"


def _save_schedule(doctreedir: Path, next_due: dt.datetime | None, tz: ZoneInfo) -> None:
    """When the next scheduled post falls due (build.py's up-to-date check
    builds again then, though no file changed)."""
    doctreedir.mkdir(parents=True, exist_ok=True)
    due = next_due.replace(tzinfo=tz).isoformat() if next_due else None
    (doctreedir / SCHEDULE).write_text(json.dumps({"next_due": due}), encoding="utf-8")


class _ScreenCache:
    """What screen_posts found in each post, kept between builds next to the
    doctrees: a file whose size and mtime are unchanged is not parsed again."""

    def __init__(self, path: Path, tz: ZoneInfo):
        from . import __version__

        self.path = path
        self.stamp = (__version__, str(tz))
        try:
            with path.open("rb") as file:
                stamp, self.entries = pickle.load(file)
        except (OSError, ValueError, EOFError, pickle.UnpicklingError, AttributeError):
            stamp, self.entries = None, {}
        if stamp != self.stamp:
            self.entries = {}

    def save(self, entries: dict[str, tuple]) -> None:
        if entries == self.entries:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        scratch = self.path.with_name(self.path.name + ".new")
        with scratch.open("wb") as file:
            pickle.dump((self.stamp, dict(entries)), file)
        os.replace(scratch, self.path)
