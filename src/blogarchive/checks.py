"""Checks across posts, once every post is read (``env-check-consistency``).

- Two posts may not share a slug (ABlog names its labels by it).
- An old address (``redirect:`` of a post, of an imported page) may have a
  redirect page only if no source file, archive page or other old address
  owns that page: one front-matter line could otherwise replace the home
  page or another post (issue 11).  Nor may it be in a folder of the
  site's own (its stylesheets, its search index) or inside a file the site
  writes (``/blog/atom.xml/``: the build stopped on a traceback).

- Blogger's number of a post or page (in its ``blogger_id``: its feed of
  comments, ``feeds/<number>/comments/default``) is one published post's or page's.

- A page's ``wordpress_id`` is a number (a post's is checked as it is read).

- A page's ``parent:`` names a page in pages/ (a draft's, which leaves the
  page at the sidebar's top level, included), not one under the page itself;
  a post has none (the sidebar lists pages, not posts).

Each problem is an error at the post's ``redirect``/``slug``/``parent``/``blogger_id``/
``wordpress_id`` line.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.util import logging

from .frontmatter import (
    blogger_id_problem,
    blogger_number,
    page_name_problem,
    redirect_problem,
    wordpress_id,
    wordpress_id_problem,
)
from .model import redirect_docname

logger = logging.getLogger(__name__)


def check_archive(app, env) -> None:
    """``env-check-consistency``: report what no single post shows."""
    from .archive import blog_archive

    archive = blog_archive(app)
    claimed, redirect_problems = claim_redirects(app, archive)
    archive.redirects = claimed  # what the archive would compute again (archive.redirects)
    problems = [*_shared_slugs(app, archive), *redirect_problems, *_page_parents(app, archive)]
    problems += _shared_blogger_ids(app, archive) + _pages_wordpress_ids(app, archive)
    for post, field, message, args in problems:
        _report(app, post, field, message, *args)


def _report(app, post, field: str, message: str, *args) -> None:
    from .posts import front_matter_line

    logger.error(
        f"%s: {message}",
        field,
        *args,
        location=(post.docname, front_matter_line(app, post.docname, field)),
        type="blogarchive",
        subtype="unique",
    )


def _shared_slugs(app, archive) -> list:
    seen: dict[str, str] = {}
    problems = []
    for post in archive.all_posts():
        other = seen.setdefault(post.docname.rsplit("/", 1)[-1], post.docname)
        if other != post.docname:
            path = app.env.doc2path(other, False)
            problems.append((post, "slug", "%r is also used by %s", (other.rsplit("/")[-1], path)))
    return problems


def _shared_blogger_ids(app, archive) -> list:
    """A Blogger id (``blogger_id``) that is none, on a page (a post's front
    matter is checked as it is read); a post's number that two published
    posts or pages give: the feed of comments is the oldest post's
    (``model.numbered``), which the others' would have been."""
    problems = []
    pages = {page.docname for page in archive.site_pages}
    for post in [*archive.posts, *archive.site_pages]:
        value = app.env.metadata.get(post.docname, {}).get("blogger_id")
        if value is None:
            continue
        number = blogger_number(value)
        owner = archive.numbered.get(number, post.docname) if number else post.docname
        if post.docname in pages and (problem := blogger_id_problem(value)):
            problems.append((post, "blogger_id", "%s", (problem,)))
        elif owner != post.docname:
            path = app.env.doc2path(owner, False)
            said = "Blogger's post number %s is also given by %s"
            problems.append((post, "blogger_id", said, (number, path)))
    return problems


def _pages_wordpress_ids(app, archive) -> list:
    """A page's ``wordpress_id`` that is no number (a post's front matter is
    checked as it is read; a page's number leads ``/?page_id=`` to it)."""
    return [
        (page, "wordpress_id", "%s", (problem,))
        for page in archive.site_pages
        if "wordpress_id" in (front := app.env.metadata.get(page.docname, {}))
        and wordpress_id(front["wordpress_id"]) is None  # (in words, as Sphinx keeps it)
        and (problem := wordpress_id_problem(front["wordpress_id"]))
    ]


def _page_parents(app, archive) -> list:
    pages = {page.docname: page for page in archive.site_pages}
    problems = []
    for page in archive.site_pages:
        front = app.env.metadata.get(page.docname, {})
        if "parent" in front and (problem := page_name_problem(front["parent"])):
            problems.append((page, "parent", "%s", (problem,)))
        if "order" in front and not re.fullmatch(r"-?\d{1,9}", str(front["order"])):
            problems.append((page, "order", "expected a whole number, got %r", (front["order"],)))
        if page.parent is None:
            continue
        if page.parent not in pages:
            if not (Path(app.srcdir) / f"{page.parent}.md").is_file():  # (a draft's: at the top)
                problems.append((page, "parent", "names no page: %s.md", (page.parent,)))
            continue
        above, seen = page.parent, {page.docname}
        while above in pages and above not in seen:
            seen.add(above)
            above = pages[above].parent
        if above == page.docname:
            problems.append((page, "parent", "%s.md is listed under this page", (page.parent,)))
    for post in archive.all_posts():
        if app.env.metadata.get(post.docname, {}).get("parent"):
            problems.append((post, "parent", "%s", ("a post has none: only pages are listed so",)))
    return problems


def claim_redirects(app, archive) -> tuple[dict, list]:
    """(docname -> what it leads to, problems) for every old address posts and
    pages name: each must be a page no one else owns."""
    env = app.env
    owned = {*env.found_docs, *archive.generated_docnames(), "search", "genindex"}
    written = archive.written_files()
    claimed: dict = {}
    problems = []

    def claim(post, old_path: str) -> None:
        docname = redirect_docname(old_path)
        if problem := _not_its_own(old_path, docname, owned, written):
            problems.append((post, "redirect", "%s", (problem,)))
        elif docname in claimed:
            other = env.doc2path(claimed[docname].docname, False)
            problems.append((post, "redirect", "%r is also claimed by %s", (old_path, other)))
        elif post.published:
            claimed[docname] = post

    for page in archive.site_pages:  # imported static pages: one old address each
        old_path = env.metadata.get(page.docname, {}).get("redirect")
        if not old_path:
            continue
        if problem := redirect_problem(old_path):  # (not a path, maybe: checked first)
            problems.append((page, "redirect", "%s", (problem,)))
        else:
            claim(page, old_path)
    for post in archive.all_posts():
        for old_path in post.redirect:
            claim(post, old_path)
    return claimed, problems


#: Folders of the site's own: Sphinx's (stylesheets, scripts, pictures and
#: files of posts) and the search index's.
SITE_FOLDERS = frozenset({"_static", "_images", "_downloads", "_sources", "pagefind"})


def _not_its_own(old_path: str, docname: str, owned: set, written: set) -> str | None:
    """Why the redirect page for ``old_path`` (at ``docname``) would not be a
    page of its own: a page of the site, a page in one of the site's folders,
    or one inside a file the site writes (its folder would be that file)."""
    if docname in owned:
        return f"{old_path!r} is a page of the site already"
    parts = docname.split("/")
    if parts[0] in SITE_FOLDERS:
        return f"{old_path!r} is in {parts[0]!r}, a folder of the site's own"
    for end in range(1, len(parts)):
        if (folder := "/".join(parts[:end])) in written:
            return f"{old_path!r} is inside {folder!r}, a file the site writes"
    return None
