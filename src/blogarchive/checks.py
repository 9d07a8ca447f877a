"""Checks across posts, once every post is read (``env-check-consistency``).

- Two posts may not share a slug (ABlog names its labels by it).
- An old address (``redirect:`` of a post, of an imported page) may have a
  redirect page only if no source file, archive page or other old address
  owns that page: one front-matter line could otherwise replace the home
  page or another post (issue 11).

Each problem is an error at the post's ``redirect``/``slug`` line.
"""

from __future__ import annotations

from sphinx.util import logging

from .frontmatter import redirect_problem
from .model import redirect_docname

logger = logging.getLogger(__name__)


def check_archive(app, env) -> None:
    """``env-check-consistency``: report what no single post shows."""
    from .archive import blog_archive

    archive = blog_archive(app)
    claimed, redirect_problems = claim_redirects(app, archive)
    archive.redirects = claimed  # what the archive would compute again (archive.redirects)
    problems = [*_shared_slugs(app, archive), *redirect_problems]
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


def claim_redirects(app, archive) -> tuple[dict, list]:
    """(docname -> what it leads to, problems) for every old address posts and
    pages name: each must be a page no one else owns."""
    env = app.env
    owned = {*env.found_docs, *archive.generated_docnames(), "search", "genindex"}
    claimed: dict = {}
    problems = []
    for page in archive.site_pages:  # imported static pages: one old address each
        old_path = env.metadata.get(page.docname, {}).get("redirect")
        if not old_path:
            continue
        if problem := redirect_problem(old_path):  # (not a path, maybe: checked first)
            problems.append((page, "redirect", "%s", (problem,)))
        elif (docname := redirect_docname(old_path)) in owned:
            problems.append((page, "redirect", "%r is a page of the site already", (old_path,)))
        elif docname in claimed:
            other = env.doc2path(claimed[docname].docname, False)
            problems.append((page, "redirect", "%r is also claimed by %s", (old_path, other)))
        else:
            claimed[docname] = page
    for post in archive.all_posts():
        for old_path in post.redirect:
            docname = redirect_docname(old_path)
            if docname in owned:
                problems.append((post, "redirect", "%r is a page of the site already", (old_path,)))
            elif docname in claimed:
                other = env.doc2path(claimed[docname].docname, False)
                problems.append((post, "redirect", "%r is also claimed by %s", (old_path, other)))
            elif post.published:
                claimed[docname] = post
    return claimed, problems
