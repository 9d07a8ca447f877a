"""Markdown links to the site's own pages that no post or page is: the
archive's (a tag's, a category's, a year's, a month's, the list of all
posts, the home page's later pages, the search), the old blog's addresses
the site answers (``/search/label/Ofsted``, ``/2010/07/``), and its files
(the feed); and to a post or page by its page's address (``/about.html``).

MyST links a post to a document; to anything else of the site's it said
"cross-reference target not found" and the build stopped, so an author could
not write ``[my posts on Ofsted](/blog/tag/ofsted/)``, and an imported link
to the old blog's label or month page stayed on the old host.  Now a link
whose address is a path of the site — from its root (``/blog/tag/ofsted/``)
or from the page's folder (``../../blog/2010/07/``) — and names no document
leads to that page, written relative to the page (the site may be served
from a folder of its host).  One to an old address leads straight to the
page it stands for, not through its redirect.

Which pages are the site's is known only once every post is read: the link
is noted as the post is read (:func:`note_site_links`: the path, its line),
written as the page is (:class:`SiteLinks`), and checked, for every page,
when the build ends (:func:`check_site_links`): a link to a tag no post has
any more is an error at its line, whether or not its post was read again.
A page holding such a link is written again by every build
(:func:`pages_to_rewrite`), so that it leads where a clean build's would.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, unquote

from docutils import nodes
from sphinx import addnodes
from sphinx.errors import ExtensionError
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from .state import archive_data, build_state

logger = logging.getLogger(__name__)

#: Set on a link MyST could not resolve that names a path of the site: the
#: path, and the line of the post it is on.
SITE_PATH = "blogarchive_site_path"
SITE_LINE = "blogarchive_site_line"


#: What names a page, or a post's file, without a folder.
PAGES = (".html", ".md")


class KnownSite(NamedTuple):
    """What ``blog check`` knows of the site a post will be on, without a
    build: the post's folder on it, the docnames of every page the site will
    have and of the archive's files (offline.py), and the archive's folder."""

    folder: str
    docnames: set[str]
    archive: str = ""


def site_path(target: str, page_folder: str) -> str | None:
    """The path from the site's root (no leading ``/``; ``..`` if outside it)
    that a link's ``target`` names, or None if it names no path (a label, a
    word): it starts with ``/``, ``./`` or ``../``, holds a ``/`` or names a
    page or a post's file (``x.html``, ``x.md``)."""
    path = target.partition("#")[0].partition("?")[0]  # (a static page has no query)
    if not path or ("/" not in path and not path.startswith(".") and not path.endswith(PAGES)):
        return None
    if path.startswith("/"):
        joined = path.lstrip("/")
    else:
        joined = posixpath.join(page_folder, path)
    normal = posixpath.normpath(joined) if joined else ""
    normal = "" if normal == "." else normal
    return normal + ("/" if path.endswith("/") and normal else "")


def _candidates(path: str) -> list[str]:
    """The docnames a site path may name: ``x/`` the folder's index page,
    ``x.html`` the page, ``x`` either."""
    if path in ("", "/") or path.endswith("/"):
        return [path + "index" if path else "index"]
    if path.endswith(".html"):
        return [path.removesuffix(".html")]
    return [path, path + "/index"]


def answers(path: str, docnames: set[str], archive: str = "") -> bool:
    """Whether a site path may lead to a page of a site of these ``docnames``
    and files: ``blog check``'s question, without a build (offline.py).  A
    file of another kind (a picture, a PDF) is known only once written, but
    for those of the ``archive``'s folder (``blog/``: its feeds, its lists),
    where the archive alone writes, all in ``docnames``."""
    if _outside(path):
        return False
    if any(docname in docnames for docname in _candidates(path)):
        return True
    name = posixpath.basename(path)
    if archive and path.startswith(f"{archive}/"):
        return False
    return not (path.endswith("/") or "." not in name or name.endswith(".html"))


def note_site_links(app, doctree: nodes.document) -> None:
    """``doctree-read``: each link MyST left unresolved that names a path of
    the site and no document, with its line and its address as written, for
    the page and the checks."""
    from .privacy import first_line

    env = app.env
    folder = posixpath.dirname(env.docname)
    found = []
    for node in doctree.findall(addnodes.pending_xref):
        if node.get("reftype") != "myst" or node.get("refdomain"):
            continue
        target = unquote(node.get("reftarget", ""))
        path = site_path(target, folder)
        if path is None:
            continue
        if document := next((d for d in _candidates(path) if d in env.found_docs), None):
            # A post or page by its page's address (``/about.html``, ``/``):
            # MyST's link to the document, as by its file's (``/about.md``).
            node["refdomain"], node["reftarget"] = "doc", document
            node["reftargetid"] = target.partition("#")[2] or None
            continue
        node[SITE_PATH] = path
        found.append((first_line(node), path, target))
        node[SITE_LINE] = found[-1][0]
    if found:
        archive_data(env)["site_links"][env.docname] = found


def resolve(app, path: str, written: bool = True) -> str | None:
    """The file (from the site's root) a site path leads to, or None: a page
    the archive writes, the page an old address stands for, or a file (a
    feed) — of the written site, or (``written`` False, while the pages are
    written, before the feeds are) by its name's suffix alone."""
    if _outside(path):
        return None
    pages = _site_pages(app)
    for docname in _candidates(path):
        if docname in pages:
            return pages[docname]
    name = posixpath.basename(path)
    if path.endswith("/") or "." not in name or name.endswith(".html"):
        return None
    return path if not written or Path(app.outdir, path).is_file() else None


def lead(app, page: str, address: str) -> str | None:
    """The address, relative to ``page`` (a file from the site's root), of
    the page a link from the site's root (``/blog/tag/x/``, an old address
    ``/search/label/X``) leads to; None if it leads to none (a comment's
    link, which is left as it was: comments.py)."""
    path = site_path(address, "")
    target = resolve(app, path, written=False) if path is not None else None
    if target is None:
        return None
    return _from_page(page, target, address)


def _from_page(page: str, target: str, written: str) -> str:
    """``target`` (a file from the site's root) relative to ``page``, at the
    place in it the link as ``written`` names (``#posts``)."""
    fragment = written.partition("#")[2]
    return relative_uri(page, target) + ("#" + fragment if fragment else "")


def _outside(path: str) -> bool:
    """Whether a site path (:func:`site_path`) leads out of the site."""
    return path == ".." or path.startswith("../")


def _site_pages(app) -> dict[str, str]:
    """docname -> file (from the site's root) of each page the archive writes,
    and of each old address, the page it stands for; each file it writes
    besides (its feeds, Blogger's of no suffix among them: ``/feeds/posts/default``,
    a post's ``/feeds/<number>/comments/default``), itself; made once a build
    (the archive is)."""
    from .archive import blog_archive

    state = build_state(app.config)
    if state.site_pages is None:
        archive, uri = blog_archive(app), app.builder.get_target_uri
        pages = {docname: target for docname, (target, _) in archive.old_addresses().items()}
        pages |= {docname: uri(post.docname) for docname, post in archive.redirects.items()}
        pages |= {docname: uri(docname) for docname in archive.generated_docnames()}
        pages |= {name: quote(name) for name in archive.written_files()}  # (as a page's)
        pages["search"] = uri("search")  # (Sphinx's own page, the search here)
        state.site_pages = pages
    return state.site_pages


class SiteLinks(SphinxPostTransform):
    """As the page is written: each noted link made a link to its page,
    relative to this one (before MyST's resolver, which would refuse it)."""

    default_priority = 8  # MyST's resolver is 9

    def run(self, **kwargs) -> None:
        from .epub import for_site

        noted = [n for n in self.document.findall(addnodes.pending_xref) if SITE_PATH in n]
        if not noted:  # (most pages)
            return
        app = build_state(self.config).app
        if app is None:  # (a state made without config-inited: no build of ours)
            raise ExtensionError("blogarchive.sitelinks: no application in the build's state")
        page = app.builder.get_target_uri(self.env.docname)
        for node in noted:
            path = node[SITE_PATH]
            # (the e-book has no archive pages: the link's words)
            target = resolve(app, path, written=False) if for_site(app.builder) else None
            if target is None:  # said at the build's end, at its line (a preview's: here)
                on_its_page = node.get("refdoc") == self.env.docname  # (not an excerpt)
                if for_site(app.builder) and self.config.blog_preview and on_its_page:
                    location = (self.env.docname, node.get(SITE_LINE))
                    _report(unquote(node["reftarget"]), path, location)
                node.replace_self(node.children)
                continue
            uri = _from_page(page, target, node["reftarget"])
            link = nodes.reference("", "", internal=True, refuri=uri)
            link += node.children
            node.replace_self(link)


def pages_to_rewrite(app, env) -> list[str]:
    """``env-get-updated``: every page holding such a link is written again,
    its post read again or not, so that each link leads where a clean build's
    would (a tag's page that came or went, an old address a post now claims).
    Few posts have one."""
    return sorted(d for d in archive_data(env)["site_links"] if d in env.found_docs)


def check_site_links(app, exception) -> None:
    """``build-finished``: every page's links to the site's own pages lead to
    one.  (A preview says so as it writes the page, which then shows it:
    :class:`SiteLinks`, reported.py.)"""
    if exception is not None or app.builder.name != "html" or app.config.blog_preview:
        return
    for docname, links in sorted(archive_data(app.env)["site_links"].items()):
        if docname not in app.env.all_docs:
            continue
        for line, path, written in links:
            if resolve(app, path) is None:
                _report(written, path, (docname, line))


def _report(written: str, path: str, location) -> None:
    """The error of a link that leads nowhere."""
    message = "link: " + leads_nowhere(written, _outside(path))
    logger.error("%s", message, location=location, type="blogarchive", subtype="link")


def leads_nowhere(written: str, outside: bool) -> str:
    """What is wrong with a link to ``written`` (as the post has it), which
    leads to no page of the site's (the build's and ``blog check``'s words)."""
    where = "outside the site" if outside else "no page of the site's"
    return (
        f"to {written!r}, which is {where} (a post's or page's file, a tag's, a month's or"
        " a year's page, or an old address the site answers)"
    )
