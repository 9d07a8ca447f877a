"""The pages a published build will have, from the repository's files alone
(``blog check``: no Sphinx, no build).

The build knows its pages once every post is read (sitelinks.py); ``blog
check`` reads each post's front matter as the build screens it (posts.py:
a draft, an undated post or one still to come is not published) and asks
the same archive model (model.py) what it writes: each tag's, category's,
author's, year's and month's pages and their later pages, the home page's,
the old addresses it answers.  The model is fed stand-ins for ABlog's posts
and collections (it reads only their names, dates and titles), as its unit
tests do.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from .frontmatter import blogger_id, check_file
from .model import (
    ArchiveModel,
    OldIds,
    Settings,
    SitePage,
    fold,
    old_addresses,
    redirect_docname,
)


@dataclass(eq=False)
class _Post:
    """What the model reads of an ABlog post."""

    docname: str
    date: dt.datetime
    title: str = ""
    published: bool = True
    tags: list = field(default_factory=list)
    options: dict = field(default_factory=lambda: {"words": 0})


class _Collection(list):
    """An ABlog collection: a name and its posts."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name


def _documents(root: Path) -> set[str]:
    """Every Markdown file's docname (hidden and ``_`` folders aside, not
    walked: the build's thousands of files, the virtual environment's)."""
    found = set()
    for folder, folders, files in os.walk(root):
        folders[:] = [name for name in folders if not name.startswith((".", "_"))]
        here = Path(folder).relative_to(root)
        found.update((here / name[:-3]).as_posix() for name in files if name.endswith(".md"))
    return found


def site_docnames(root: Path, settings: Settings, tz: ZoneInfo, now: dt.datetime):
    """The docnames of every page the published site at ``root`` will answer:
    its documents, the archive's pages and files (its feeds), the old
    addresses it serves (``now``: the blog's naive local time, as the
    build's)."""
    documents = _documents(root)
    posts: list[_Post] = []
    catalogs: dict[str, dict[str, _Collection]] = {"tags": {}, "category": {}, "author": {}}
    logins: dict[str, set[str]] = {}
    redirects: dict = {}  # the page of each old address -> the post or page it leads to
    sticky = set()
    numbers: dict[str, str] = {}  # docname -> blogger_id
    wordpress = set()  # the docnames of WordPress's posts and pages
    for docname in sorted(d for d in documents if d.startswith("posts/") and d.count("/") == 2):
        values = check_file(root / f"{docname}.md", tz).values
        date = values.get("date")
        if values.get("draft") or not values.get("blogpost", True) or date is None or date > now:
            continue
        post = _Post(docname, date)
        posts.append(post)
        for attr in catalogs:
            for name in values.get(attr, ()):
                catalogs[attr].setdefault(name, _Collection(name)).append(post)
        if "wordpress_author" in values:  # (as many as authors: frontmatter.py)
            for name, login in zip(values["author"], values["wordpress_author"], strict=True):
                logins.setdefault(fold(name), set()).add(login)
        redirects.update((redirect_docname(old), post) for old in values.get("redirect", ()))
        if values.get("sticky"):
            sticky.add(docname)
        numbers[docname] = values.get("blogger_id")
        if values.get("wordpress_url"):
            wordpress.add(docname)
    pages = []
    for docname in sorted(d for d in documents if d.startswith("pages/")):
        values = check_file(root / f"{docname}.md", tz).values
        if values.get("draft"):
            continue
        pages.append(page := SitePage(docname, docname))
        redirects.update((redirect_docname(path), page) for path in values.get("redirect") or ())
        numbers[docname] = values.get("blogger_id")
        if values.get("wordpress_url"):
            wordpress.add(docname)
    posts.sort(key=lambda post: post.date, reverse=True)
    model = ArchiveModel(
        posts,
        [],
        {attr: list(names.values()) for attr, names in catalogs.items()},
        [],
        settings,
        pages,
        sticky=sticky,
        old=OldIds(
            {d: number for d, value in numbers.items() if (number := blogger_id(value))},
            frozenset(wordpress),
        ),
    )
    owned = {*documents, *model.generated_docnames(), *redirects, "search"}
    return owned | set(old_addresses(model, owned, logins, redirects)) | model.written_files()
