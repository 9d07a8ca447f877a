"""Nothing is read from outside the repository (issue 11).

A post is text its author commits, but Sphinx and docutils let markup read any
file the build can: ```` ```{include} ../../../../etc/passwd ```` publishes it
in the page, the excerpts and the feeds; an image path that climbs out is
copied into ``_images/``; ``csv-table`` and ``raw`` even fetch URLs.  Here every
directive and role that reads a file has its path resolved (``..`` and
symlinks) and checked to lie inside the site's source folder, the repository;
anything else fails the build naming the post and the line, and is not read.

- ``include`` and ``literalinclude`` (Sphinx's, and MyST's stand-in for
  ``include``, which calls no directive's ``run``) and the image and download
  collectors resolve paths with ``BuildEnvironment.relfn2path``: patches.py
  makes it refuse a path outside the source folder (:class:`OutsideRepository`).
- Images and ``{download}`` links are checked when a post is read, before
  Sphinx's collectors copy them (``doctree-read``, ahead of the collectors),
  so the error carries the node's line.
- ``csv-table`` and ``raw`` read ``:file:`` themselves (docutils) and ``:url:``
  from the network: both are checked in :class:`ConfinedCSVTable` and
  :class:`ConfinedRaw`; ``:url:`` is refused outright (no network in builds).
"""

from __future__ import annotations

import os
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import DirectiveError
from docutils.parsers.rst.directives.misc import Raw
from docutils.parsers.rst.directives.tables import CSVTable
from sphinx import addnodes
from sphinx.util import logging

logger = logging.getLogger(__name__)


def inside(path: Path | str, root: Path | str) -> bool:
    """Whether ``path``, resolved (``..`` and symlinks), lies inside ``root``."""
    return Path(path).resolve().is_relative_to(Path(root).resolve())


def refusal(path: Path | str, root: Path | str, what: str) -> str | None:
    """Why a post may not read ``path`` (named ``what``), or None: a file
    outside the repository ``root``, or a hidden file or folder inside it —
    git's settings, where CI's checkout keeps the token it pushes with, an
    ``.env`` of secrets, the virtual environment — which is not the blog's to
    publish."""
    resolved, root = Path(path).resolve(), Path(root).resolve()
    if not resolved.is_relative_to(root):
        return _outside(what)
    hidden = next((part for part in resolved.relative_to(root).parts if part.startswith(".")), None)
    if hidden:
        return f"{what!r} is in {hidden!r}, a hidden file or folder: a post may read none"
    return None


class Within:
    """:func:`inside` for the many files of a few folders (every post, every
    page): each folder resolved once, each file only looked at — a file that
    is a link resolved too.  Resolving each of 1000 posts whole took 0.1 s of
    every build, an edit's included."""

    def __init__(self, root: Path | str):
        self.root = os.path.realpath(root)
        self.folders: dict[str, bool] = {}

    def __call__(self, path: Path | str) -> bool:
        path = str(path)
        folder = os.path.dirname(path)
        if folder not in self.folders:
            self.folders[folder] = inside(folder, self.root)
        if self.folders[folder] and not os.path.islink(path):
            return True
        return inside(path, self.root)


def _outside(what: str) -> str:
    return f"{what!r} is outside the repository: a post may read only files inside it"


class OutsideRepository(DirectiveError):
    """Raised where a directive resolves a path (patches.py: ``relfn2path``):
    docutils and MyST report it as an error at the directive's line; Sphinx's
    literalinclude as a warning with ``str()``.  ``why``: :func:`refusal`."""

    def __init__(self, why: str):
        super().__init__(3, why)

    def __str__(self) -> str:
        return self.msg


# -- directives that read files themselves -----------------------------------
class _ReadsFiles:
    """Mixin: refuse ``:url:`` and a ``:file:`` outside the source folder."""

    def run(self):
        if "url" in self.options:
            raise self.error(f'"{self.name}": the "url" option is refused: builds never fetch')
        if "file" in self.options:
            document = self.state.document
            env = document.settings.env
            source_dir = Path(document["source"]).parent
            why = refusal(source_dir / self.options["file"], env.srcdir, self.options["file"])
            if why:
                raise self.error(why)
        return super().run()


class ConfinedCSVTable(_ReadsFiles, CSVTable):
    pass


class ConfinedRaw(_ReadsFiles, Raw):
    pass


# -- images and downloads, before Sphinx's collectors copy them ---------------
def link_out(path, field: str = "file", fate: str = "not read", shown=None) -> None:
    """Report ``path`` (named ``shown``), a link out of the repository, as an
    error at its first line (a location without ":" is read as a document)."""
    logger.error(
        "%s: is a link to %s, outside the repository: %s",
        field,
        os.path.realpath(path),
        fate,
        location=f"{shown or path}:1",
        type="blogarchive",
        subtype="confine",
    )


def check_site_folders(app, config) -> None:
    """``config-inited``: no link in a folder Sphinx copies or reads whole (the
    static files, the templates, the extra files), nor the site's icon, leads
    outside it and the repository.  Sphinx follows them: ``_static/passwd.txt``, a link to
    ``/etc/passwd``, was published.  Each such link is an error naming it,
    and its folder is left out of this build, so nothing of it is copied."""
    confdir = Path(app.confdir)
    for setting in ("html_static_path", "templates_path", "html_extra_path"):
        kept = []
        for folder in config[setting]:
            root = confdir / folder
            outside = [p for p in _links(root) if not (inside(p, root) or inside(p, app.srcdir))]
            for path in outside:
                shown = path.relative_to(confdir) if path.is_relative_to(confdir) else path
                link_out(path, fate="not published", shown=shown)
            if not outside:
                kept.append(folder)
        config[setting] = kept
    icon = config.html_favicon  # copied by Sphinx, and to /favicon.ico (pages.py)
    if icon and "://" not in icon:
        path = confdir / icon
        if not (inside(path, path.parent) or inside(path, app.srcdir)):
            link_out(path, fate="not published", shown=icon)
            config.html_favicon = None


def confine_documents(app, env, added, changed, removed) -> list:
    """``env-get-outdated``: no document is read through a link out of the
    repository (posts are screened before: posts.screen_posts; this is every
    other page).  One that is is an error naming it, and is neither read nor
    written."""
    within = Within(app.srcdir)
    for docname in sorted(env.found_docs):
        path = str(env.doc2path(docname))
        if within(path):
            continue
        link_out(path)
        for docs in (env.found_docs, added, changed):
            docs.discard(docname)
    return []


def _links(root: Path):
    """Every symbolic link under ``root``, not following any (os.walk)."""
    if not root.is_dir():
        return
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            if os.path.islink(os.path.join(folder, name)):
                yield Path(folder, name)


def check_assets(app, doctree: nodes.document) -> None:
    """``doctree-read``, ahead of Sphinx's collectors: an image or download
    outside the source folder is an error at its line, and is dropped."""
    env = app.env
    doc_dir = Path(env.srcdir, env.doc2path(env.docname, False)).parent
    for node in list(doctree.findall(nodes.image)):
        uri = node.get("uri", "")
        if uri.startswith("data:") or "://" in uri:
            continue
        if why := _refusal_here(uri, doc_dir, env.srcdir):
            _refuse(node, why, env.docname)
            node.replace_self(nodes.inline("", node.get("alt", "")))
    for node in list(doctree.findall(addnodes.download_reference)):
        target = node.get("reftarget", "")
        if "://" not in target and (why := _refusal_here(target, doc_dir, env.srcdir)):
            _refuse(node, why, env.docname)
            node.replace_self(nodes.inline("", node.astext()))


def _refusal_here(uri: str, doc_dir: Path, srcdir) -> str | None:
    path = source_path(uri, doc_dir, srcdir)
    if why := refusal(path, srcdir, uri):
        return why
    if path.is_dir():  # ("/", "."; Sphinx then looked for "/.en", a hidden file: a traceback)
        return f"{uri!r} names a folder, not a file"
    return None


def source_path(uri: str, doc_dir: Path, srcdir) -> Path:
    """As ``relfn2path`` resolves it: ``/x`` from the source folder, else from the post's."""
    return Path(srcdir, uri.lstrip("/")) if uri.startswith("/") else doc_dir / uri


def _refuse(node: nodes.Node, why: str, docname: str) -> None:
    """``why`` at ``node``'s line (a picture of no address has none of its own)."""
    from .privacy import first_line  # (privacy.py reads this module's checks)

    logger.error(why, location=(docname, first_line(node)), type="blogarchive", subtype="confine")
