"""Every revision of a post, readable on the site (issue 16).

A post that changed after the day it was published lists its revisions at the
end: the date, the commit's message, what changed (the text, the title, the
tags, other front matter).  A revision that changed the words has two pages:

- ``<post>/revisions/<n>``: a word-level diff against the version before it,
  insertions and deletions in ``<ins>``/``<del>`` with words screen readers
  announce ("inserted:", "deleted:");
- ``<post>/revisions/<n>-text``: the whole text as it stood then.

A change only to front matter or whitespace is listed, with no diff page.
Both pages are ``noindex``, point ``rel=canonical`` at the post and are left
out of the sitemap.  Everything comes from git (``git show``), never from the
clock, so a build is reproducible; in a shallow clone there is no history and
so no revision (history.py).  Revisions are read from git with the post
(``doctree-read``) and kept in the environment with the commits they came
from: git is asked again only for a post whose history changed
(:func:`history_changed`), and its pages are rendered again only then, or when
what every page shows changed (incremental.GeneratedFiles).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from markdown_it import MarkdownIt

from .ablog_compat import posts_read
from .frontmatter import FRONT_MATTER, load_plain
from .history import Commit, git_show
from .state import archive_data, build_state, no_longer_holds

_TITLE = re.compile(r"^# +(.*?)[ \t]*$", re.M)
_WORD = re.compile(r"\S+\s*")


@dataclass(frozen=True)
class Version:
    """A post's file as one commit left it."""

    title: str
    tags: tuple[str, ...]
    front: dict  # every other front-matter key, as written
    text: str  # the body without its title line

    @classmethod
    def parse(cls, source: str) -> Version:
        source = source.removeprefix("\ufeff").replace("\r\n", "\n")
        front: dict = {}
        match = FRONT_MATTER.match(source)
        if match:
            try:
                loaded = load_plain(match.group(1) or "") or {}
            except yaml.YAMLError:  # an old version may not have been valid
                loaded = {"front matter": match.group(1)}
            front = loaded if isinstance(loaded, dict) else {"front matter": match.group(1)}
            source = source[match.end() :]
        title = ""
        heading = _TITLE.search(source)
        if heading:
            title = heading.group(1)
            source = source[: heading.start()] + source[heading.end() :]
        tags = front.pop("tags", None) or ()
        if isinstance(tags, str):
            tags = [t.strip() for t in tags.split(",")]
        return cls(title, tuple(str(t) for t in tags), front, source.strip("\n"))


@dataclass(frozen=True)
class Revision:
    number: int  # 1 for the first revision after publication
    commit: Commit
    before: Version
    after: Version
    changed: tuple[str, ...]  # "title", "text", "tags", front-matter keys, or "whitespace"
    docname: str | None  # the diff page, when the title or the words changed

    @property
    def text_docname(self) -> str | None:
        return f"{self.docname}-text" if self.docname else None

    @property
    def tags_added(self) -> list[str]:
        return [t for t in self.after.tags if t not in self.before.tags]

    @property
    def tags_removed(self) -> list[str]:
        return [t for t in self.before.tags if t not in self.after.tags]

    def diff_html(self) -> str:
        return word_diff(self.before.text, self.after.text)

    def title_html(self) -> str:
        """The old title deleted and the new one inserted, marked as the words are."""
        before, after = self.before.title, self.after.title
        return f"{_marked('del', 'deleted', before)} {_marked('ins', 'inserted', after)}"

    def text_html(self) -> str:
        return render_text(self.after.text)


def _changed(before: Version, after: Version) -> tuple[str, ...]:
    changed = []
    if before.title != after.title:
        changed.append("title")
    if before.text.split() != after.text.split():
        changed.append("text")
    if before.tags != after.tags:
        changed.append("tags")
    keys = sorted({*before.front, *after.front}, key=str)
    changed += [str(k) for k in keys if before.front.get(k) != after.front.get(k)]
    return tuple(changed) or ("whitespace",)


def post_revisions(srcdir: Path, path: str, commits, published) -> list[Revision]:
    """The revisions of the post at ``path`` (relative to ``srcdir``), oldest
    first: its commits (``commits``, newest first, as history.py reads them)
    dated after the day it was published (``published``, aware), but never the
    one that added it; each against the commit before it."""
    ordered = list(reversed(commits))
    picked = [i for i in range(1, len(ordered)) if ordered[i].date.date() > published.date()]
    if not picked:
        return []
    docname = path.rsplit(".", 1)[0]
    version = functools.lru_cache(maxsize=None)(
        lambda sha: Version.parse(git_show(srcdir, sha, path) or "")
    )
    revisions = []
    for number, index in enumerate(picked, 1):
        before, after = version(ordered[index - 1].sha), version(ordered[index].sha)
        changed = _changed(before, after)
        page = f"{docname}/revisions/{number}" if {"title", "text"} & set(changed) else None
        revisions.append(Revision(number, ordered[index], before, after, changed, page))
    return revisions


def _commits(app, docname: str) -> tuple:
    history = build_state(app.config).history
    return history.commits(app.env.doc2path(docname, False).as_posix()) if history else ()


def read_revisions(app) -> None:
    """With each post read (the archive's collector): its revisions, from git."""
    env = app.env
    posts = posts_read(env).get(env.docname)
    if not posts:
        return
    commits = _commits(app, env.docname)
    date = posts[0]["date"]  # None for a draft
    revisions = []
    if date is not None:
        published = date.replace(tzinfo=ZoneInfo(app.config.blog_timezone))
        path = env.doc2path(env.docname, False).as_posix()
        revisions = post_revisions(Path(app.srcdir), path, commits, published)
    shas = tuple(commit.sha for commit in commits)
    archive_data(env)["revisions"][env.docname] = (shas, revisions)


def history_changed(app, env, added, changed, removed) -> list[str]:
    """``env-get-outdated``: posts whose commits are not those their revisions
    were read from (a commit amended or rebased; a shallow clone deepened)."""
    return no_longer_holds(
        env,
        "revisions",
        changed,
        lambda docname, entry: entry[0] != tuple(c.sha for c in _commits(app, docname)),
    )


def revisions_of(env, docname: str) -> list[Revision]:
    """A post's revisions as read with it, oldest first."""
    return archive_data(env)["revisions"].get(docname, ((), []))[1]


def word_diff(old: str, new: str) -> str:
    """HTML of ``new`` with the words changed from ``old`` marked: ``<del>`` and
    ``<ins>``, each with a visually hidden "deleted:"/"inserted:" for screen
    readers (most announce neither element).  difflib, matching words and
    keeping the spaces and line breaks after each; the caller shows it with
    ``white-space: pre-wrap``."""
    a, b = _WORD.findall(old), _WORD.findall(new)
    matcher = SequenceMatcher(None, [w.rstrip() for w in a], [w.rstrip() for w in b], False)
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(escape("".join(b[j1:j2])))
            continue
        if i2 > i1:  # deleted words stand apart from their neighbours
            space = "" if not out or out[-1][-1:].isspace() else " "
            out.append(space + _marked("del", "deleted", "".join(a[i1:i2]).rstrip()) + " ")
        if j2 > j1:
            text = "".join(b[j1:j2])
            core = text.rstrip()
            out.append(_marked("ins", "inserted", core) + escape(text[len(core) :]))
    return "".join(out)


def _marked(element: str, label: str, text: str) -> str:
    hidden = f'<span class="visually-hidden">[{label}: </span>'
    end = '<span class="visually-hidden">]</span>'
    return f"<{element}>{hidden}{escape(text)}{end}</{element}>"


def render_text(markdown: str) -> str:
    """An old version's text as HTML, inert: CommonMark with raw HTML escaped
    (markdown-it-py, MyST's own parser; its link check refuses ``javascript:``
    and the like) and pictures shown by their descriptions, so an old page
    loads nothing (its pictures may be gone, or on another host)."""
    return _OLD_TEXT.render(markdown)


def _picture_as_words(self, tokens, idx, options, env) -> str:
    words = self.renderInlineAsText(tokens[idx].children or [], options, env)
    return f'<span class="revision-picture">[picture: {escape(words)}]</span>'


_OLD_TEXT = MarkdownIt("commonmark", {"html": False})  # made once: one per page is waste
_OLD_TEXT.add_render_rule("image", _picture_as_words)
