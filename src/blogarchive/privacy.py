"""Nothing in a post runs, or loads from another host: checked as it is read.

The importers write no raw HTML (importers/html.py turns what they keep into
Markdown), but an author may write some, and a post may come from someone
else's pull request.  Every page carries a policy (csp.py) that stops scripts,
frames and other hosts' files; it does not stop everything, and what it stops
fails silently, in the reader's browser:

- ``<meta http-equiv="refresh" content="0;url=https://…">`` in a post sent
  every reader of the page to another site (Chromium, under the policy);
- a raw picture or frame from another host showed an empty box, and the
  build said nothing;
- a picture's ``:target:`` or a reStructuredText link (``{eval-rst}``) to a
  ``javascript:`` or ``vbscript:`` address was a live link (Markdown's
  parser refuses such addresses; docutils does not).
- ``.. meta::`` in ``{eval-rst}`` wrote a refresh into the page's head;
- a raw link to a file beside the post (``<a href="report.pdf">``) led
  nowhere: Sphinx publishes such a file only for a Markdown link to it;
- an unclosed ``<!-- a note`` hid the rest of the post, and of its page
  (sidebar, footer, scripts), in the comment (:func:`_left_open`).

So, when a post is read (``doctree-read``, ahead of ABlog, which copies the
excerpt, and of the collectors), raw HTML (MyST's HTML blocks and inline
tags, ``{raw} html``) may hold only what reads as text: the elements nh3
keeps, and a picture or video from the site's static folders (Sphinx copies
a raw picture's file nowhere: one beside the post showed an empty box too;
:func:`_published`).  A script, an event
handler, a frame or plugin, a form, a ``<meta>``/``<link>``/``<style>``, a
link to a ``javascript:`` address or a file from another host is an error at
its line (``posts/2010/x.md:12: html: …``), as is any link or picture at an
address of such a scheme, a comment or tag never closed, and an SVG picture
of the post's that would run or load from elsewhere when opened by itself
(:func:`svg_problem`); the
fragment is cleaned as a feed's entry is (feeds.inert), so that even a
preview (which goes on past errors) shows nothing of it.  A raw link to an
address of the site's own is checked once every page is written, on every
build (:func:`check_raw_links`).

A Markdown picture from another host (``![a chart](https://…)``) is no
error: ``blog import --no-media`` leaves the old blog's pictures where they
were, by the author's choice.  The page's policy stops it, the feeds show its
words (feeds.inert), the e-book a link to it (epub.py).

Why a tokenizer of our own rather than nh3 alone: nh3 cleans, but says
neither what it took out nor where, and the author needs both.  The elements
allowed are nh3's own list.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import nh3
from docutils import nodes
from lxml import etree
from sphinx import addnodes
from sphinx.util import logging

from . import unread
from .confine import refusal, source_path
from .feeds import ADDRESS_WITH_HOST, inert
from .frontmatter import split_address
from .htmltokens import browser_comments, tokens
from .state import archive_data

if TYPE_CHECKING:
    from .sitelinks import KnownSite

logger = logging.getLogger(__name__)

#: What raw HTML may hold: nh3's elements, and those it leaves out that run
#: nothing and load nothing from elsewhere (a video's file is checked below).
ALLOWED_TAGS = nh3.ALLOWED_TAGS | {
    *("section", "address", "font", "big", "tfoot", "picture", "source", "video", "audio"),
    "track",
}
#: Why an element is refused, by what it does.
REFUSED = {
    "runs code": {"script", "noscript", "svg", "math", "template"},
    "shows another page or a plugin in the post: link to it instead": {
        *("iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe"),
    },
    "sends what readers type elsewhere": {"form", "input", "button", "select", "textarea"},
    "belongs to a page's head, not a post (a refresh would send readers elsewhere)": {
        *("meta", "link", "base", "style", "title", "head", "html", "body"),
    },
}
#: Attributes whose address the browser loads as the page opens.
LOADS = {"src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc", "longdesc"}
#: Attributes that send requests or run code by themselves.
SENDS = {"ping", "action", "formaction", "srcdoc", "http-equiv", "xlink:href", "manifest"}
#: Link schemes a reader may follow (none: a page of the site's own); not
#: ``javascript:``, ``vbscript:``, ``data:``, ``file:`` and the like.
LINK_SCHEMES = {"http", "https", "mailto", "tel", "ftp", "sftp", "irc", "ircs", "news", "xmpp"}
#: CSS that loads a file (or, in old browsers, runs code); a backslash can spell either.
STYLE_LOADS = re.compile(r"url\s*\(|image(-set)?\s*\(|expression\s*\(|@import|\\", re.I)
#: What a browser ignores in an address before reading its scheme (the URL standard).
IGNORED_IN_ADDRESS = re.compile(r"[\x00-\x20\x7f]")


def check_post(app, doctree: nodes.document) -> None:
    """``doctree-read``, ahead of ABlog (500), which copies the excerpt: raw
    HTML, links, the page's head and SVG pictures checked."""
    docname = app.env.docname
    source = Path(app.env.doc2path(docname))
    links = _check_raw_html(doctree, docname, _published(app, docname))
    if links:
        archive_data(app.env)["raw_links"][docname] = links
    _check_links(doctree, docname)
    _check_head(doctree, docname, source)
    _check_pictures(doctree, docname, source.parent, app.env.srcdir)


def _check_raw_html(doctree: nodes.document, docname: str, published) -> list[tuple[int, str]]:
    """Each raw fragment checked; returns the site's own addresses they link
    to, with their lines (:func:`check_raw_links` checks them once the site
    is written)."""
    links = []
    for raw in list(doctree.findall(nodes.raw)):
        # Front matter's author, which MyST reads as Markdown into the docinfo,
        # is not shown from there: Sphinx takes the docinfo out as metadata,
        # and the templates show the name as text.
        if "html" in raw.get("format", "").split() and not _in_docinfo(raw):
            links += _check_raw(raw, docname, published)
    return links


def _published(app, docname: str):
    return published(docname, [Path(app.confdir, entry) for entry in app.config.html_static_path])


def published(docname: str, folders: list[Path]):
    """Why a file of the site's own that raw HTML loads (an address without a
    host) would show nothing, or None.  Sphinx copies a raw picture nowhere,
    unlike a Markdown one: the site publishes such a file only from its static
    folders (``html_static_path``), as it is; and an address from the host's
    root breaks where the site is not at it (a fork's Pages)."""

    def problem(address: str) -> str | None:
        path = unquote(urlsplit(address.strip()).path)
        if not path:
            return None
        if path.startswith("/"):
            return "from the root of the site's host: write it relative to the page"
        target = posixpath.normpath(posixpath.join(posixpath.dirname(docname), path))
        if not target.startswith("_static/"):
            return (
                "which the site does not publish (only _static/ is copied as it is): "
                "a Markdown picture (![words](file)) is copied with its post"
            )
        inside = target.removeprefix("_static/")
        if not any((folder / inside).is_file() for folder in folders):
            return "which is no file of the site's"
        return None

    return problem


def _check_links(doctree: nodes.document, docname: str) -> None:
    """Markdown's links never run (markdown-it refuses such addresses), but a
    picture's ``:target:`` and reStructuredText's links (``{eval-rst}``) may."""
    for link in list(doctree.findall(nodes.reference)):
        if (scheme := _scheme(link.get("refuri", ""))) and scheme not in LINK_SCHEMES:
            _report(link, docname, "link", f"to a {scheme}: address, which runs or opens something")
            link.replace_self(link.children)
        elif problem := unreadable(link.get("refuri", "")):
            _report(link, docname, "link", problem)
            link.replace_self(link.children)


def _check_head(doctree: nodes.document, docname: str, source: Path) -> None:
    """reStructuredText's ``.. meta::`` (in ``{eval-rst}``) writes into the
    page's head: a description, keywords; not a refresh to another site."""
    for meta in list(doctree.findall(nodes.meta)):
        if equiv := meta.get("http-equiv"):
            # docutils gives the node no line, and moves it to the document's start
            line = _line_naming(source, f":http-equiv={equiv}")
            what = f"http-equiv {equiv!r} in a page's head, which a post may not set"
            _report(meta, docname, "meta", what, line)
            meta.parent.remove(meta)


def _check_pictures(doctree: nodes.document, docname: str, doc_dir: Path, srcdir) -> None:
    """A picture at an address no page shows; an SVG, shown or offered for
    download (a browser opens it, as a page), that runs or loads elsewhere."""
    for image in list(doctree.findall(nodes.image)):
        uri = image.get("uri", "")
        if (scheme := _scheme(uri)) and scheme not in {"http", "https", "data"}:
            problem = f"at a {scheme}: address, which no page shows"
        elif problem := unreadable(uri):
            pass
        elif not scheme and uri.lower().endswith(".svg"):
            problem = svg_problem(source_path(uri, doc_dir, srcdir))
            problem = problem and f"{uri!r}: {problem}"
        else:
            continue
        if problem:
            _report(image, docname, "picture", problem)
            image.replace_self(nodes.Text(image.get("alt", "")))
    for download in list(doctree.findall(addnodes.download_reference)):
        target = download.get("reftarget", "")
        if not _scheme(target) and target.lower().endswith(".svg"):
            problem = svg_problem(source_path(target, doc_dir, srcdir))
            if problem:
                _report(download, docname, "download", f"{target!r}: {problem}")
                download.replace_self(nodes.Text(download.astext()))


#: SVG's elements that run code or show a page of their own.
SVG_RUNS = {"script", "foreignobject", "handler", "listener", "iframe", "embed", "object"}


def svg_problem(path: Path) -> str | None:
    """What in an SVG picture would run, or load from another host, when a
    reader opens it by itself (its address, "open image in new tab"): then it
    is a page of the site's, and no policy holds it (GitHub Pages sends no
    headers; a picture carries no ``<meta>``)."""
    found = _svg_finding(path)
    return found and found[1]


def _svg_finding(path: Path) -> tuple[int, str] | None:
    """:func:`svg_problem`, with the line it is on."""
    # (its own entities expanded, as a browser's XML parser expands them: one
    # may hold a script; never a file's or another host's, which none loads)
    parser = etree.XMLParser(resolve_entities="internal", no_network=True, load_dtd=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except (etree.XMLSyntaxError, OSError):
        return None  # not read as a drawing by a browser either (Sphinx copies it, as it is)
    for element in root.iter(etree.Element):
        name, line = etree.QName(element).localname, element.sourceline or 1
        if name.lower() in SVG_RUNS:
            return line, f"<{name}> runs code when the picture is opened by itself"
        if name == "style" and STYLE_LOADS.search(element.text or ""):
            return line, "<style> may load a file from elsewhere"
        for attribute, value in element.attrib.items():
            if problem := _svg_attribute_problem(name, etree.QName(attribute).localname, value):
                return line, problem
    return None


def check_site_svgs(app, config) -> None:
    """``config-inited``, after confine.check_site_folders: each SVG picture
    the site publishes as it is (its static and extra folders), checked as a
    post's picture is.  Raw HTML showing one (``<img src="../../_static/x.svg">``)
    or linking to it, or a template, was not checked: opened by itself, its
    script ran as a page of the site's."""
    confdir = Path(app.confdir)
    for folder in (*config.html_static_path, *config.html_extra_path):
        root = confdir / folder
        paths = [root] if root.is_file() else sorted(_files(root))
        for path in paths:
            if path.suffix.lower() != ".svg":
                continue
            if found := _svg_finding(path):
                shown = path.relative_to(confdir) if path.is_relative_to(confdir) else path
                logger.error(
                    "picture: %s",
                    found[1],
                    location=f"{shown}:{found[0]}",
                    type="blogarchive",
                    subtype="html",
                )


def _files(root: Path):
    """Every file under ``root``, following no link (os.walk)."""
    for folder, _, files in os.walk(root):
        yield from (Path(folder, name) for name in files)


def _svg_attribute_problem(tag: str, name: str, value: str) -> str | None:
    address = IGNORED_IN_ADDRESS.sub("", value).lower()
    if name.lower().startswith("on"):
        return f"<{tag} {name}> runs code when the picture is opened by itself"
    if "javascript:" in address or "vbscript:" in address:  # an attribute, or one set by <set>
        return f"<{tag} {name}> holds a javascript: or vbscript: address"
    if name == "style" and STYLE_LOADS.search(value):
        return f"<{tag} style> may load a file from elsewhere"
    if name == "href" and tag != "a" and _from_another_host(value):
        return f"<{tag}> loads {value.strip()[:80]!r}, from another host"
    return None


def _line_naming(source: Path, words: str) -> int | None:
    """The first line of ``source`` that holds ``words``, from 1."""
    lines = source.read_text(encoding="utf-8-sig").splitlines()
    return next((n for n, line in enumerate(lines, 1) if words in line), None)


def _holder_line(node: nodes.Node) -> int | None:
    """The line of the nearest element around ``node`` that has one."""
    return next((holder.line for holder in _holders(node) if holder.line), None)


def _in_docinfo(node: nodes.Node) -> bool:
    return any(isinstance(holder, nodes.docinfo) for holder in _holders(node))


def _holders(node: nodes.Node):
    while node.parent is not None:
        node = node.parent
        yield node


def _report(node: nodes.Node, docname: str, field: str, problem: str, line=None) -> None:
    """An error at ``line``, else at the line ``node`` starts on."""
    where = (docname, line or first_line(node))
    logger.error(f"{field}: %s", problem, location=where, type="blogarchive", subtype="html")


def _check_raw(raw: nodes.raw, docname: str, published=None) -> list[tuple[int, str]]:
    reader = _read(raw.astext(), published)
    first = first_line(raw) if reader.problems or reader.links else 0
    for line, problem in reader.problems:
        _report(raw, docname, "html", problem, first + line - 1)
    if reader.problems:
        raw.replace_self(nodes.raw("", inert(raw.astext(), None), format="html"))
    return [(first + line - 1, address) for line, address in reader.links]


def check_raw_links(app, exception) -> None:
    """``build-finished``: a raw link to an address of the site's own
    (``<a href="report.pdf">``) leads to a page or file the site has.  MyST
    checks Markdown's links as it reads them; a raw link can only be checked
    once every page is written (the archive's pages, the old addresses')."""
    if exception is not None or app.builder.name != "html":
        return
    outdir = Path(app.outdir)
    for docname, links in sorted(archive_data(app.env)["raw_links"].items()):
        if docname not in app.env.all_docs:
            continue
        page = app.builder.get_target_uri(docname)
        for line, address in links:
            if why := _leads_nowhere(outdir, page, address):
                problem = f"<a> links to {address.strip()[:80]!r}, {why}"
                logger.error("html: %s", problem, location=(docname, line), type="blogarchive")


def _leads_nowhere(outdir: Path, page: str, address: str) -> str | None:
    path = unquote(urlsplit(address.strip()).path)
    if not path:  # a place in the page itself, or a query of it
        return None
    if path.startswith("/"):
        return "from the root of the site's host: write it relative to the page"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if target == ".." or target.startswith("../"):
        return "which is outside the site"
    if (outdir / target).is_file() or (outdir / target / "index.html").is_file():
        return None
    return (
        "which is no page or file of the site's (a file beside the post is "
        "published by a Markdown link to it: [words](file))"
    )


def first_line(node: nodes.Node) -> int:
    """The line ``node`` starts on.  Docutils gives a node inside a paragraph
    the paragraph's first line, or none: here, that line and the line breaks
    of the paragraph's words before it (not those of a message about them
    docutils put among them, a role it did not know)."""
    block = node.parent
    while isinstance(block, nodes.Inline):
        block = block.parent
    if not isinstance(block, nodes.TextElement) or not block.line:
        return node.line or _holder_line(node) or 1
    return block.line + _breaks_before(block, node)[0]


def _breaks_before(element: nodes.Element, node: nodes.Node) -> tuple[int, bool]:
    """The line breaks of ``element``'s words before ``node`` (not those of a
    message about them), and whether ``node`` was reached."""
    breaks = 0
    for child in element.children:
        if child is node:
            return breaks, True
        if isinstance(child, nodes.Text):
            breaks += child.count("\n")
        elif not isinstance(child, nodes.system_message | nodes.problematic):
            more, reached = _breaks_before(child, node)
            breaks += more
            if reached:
                return breaks, True
    return breaks, False


#: Directives whose text is no Markdown of the post's: code, or another syntax.
NOT_MARKDOWN = re.compile(r"\{(code|code-block|sourcecode|literalinclude|eval-rst|math)\}")
#: A directive's option line (``:alt: …``), before its text.
OPTION_LINE = re.compile(r"^:[\w-]+:")


def markdown_problems(
    text: str,
    published=None,
    folder: Path | None = None,
    offset: int = 0,
    nested: bool = False,
    root: Path | None = None,
    site: KnownSite | None = None,
) -> list[tuple[int, str, str]]:
    """What this check would refuse in a post, read from its Markdown alone,
    with MyST's own parser (``blog check``: no Sphinx): (line in the file,
    from 1, field, what and why).  Raw HTML: HTML blocks, tags in a paragraph
    (their line counted from the paragraph's), ``{raw} html`` at its
    directive's line, and the same in other directives' text; given the
    post's ``folder``, its pictures (Markdown's, ``{image}``, ``{figure}``):
    one not there, an SVG that would run or load.  Not what Sphinx alone
    knows: ``{eval-rst}``, a picture's ``:target:``.  A link definition no link uses, in the post's
    own text (``nested``: a directive's, whose labels the post's text may use).
    A link to a post's file that is not there, from the post's ``folder`` or,
    from the site's root (``/posts/…``), from the repository's ``root``; given
    the ``site`` (sitelinks.KnownSite), a link to a page of it that it will
    not have (``/blog/tag/knitting/``,
    ``../../blog/2010/08/``, ``/blog/tag/knitting/atom.xml``)."""

    def html(line: int, fragment: str, same_line: bool = False):
        return [
            (line + (0 if same_line else n - 1), "html", p)
            for n, p in problems_in(fragment, published)
        ]

    def picture(line: int, address: str):
        if problem := unreadable(address):
            return [(line, "picture", problem)]
        if folder is None or _scheme(address) or address.startswith("//"):
            return []
        if missing := _picture_missing(address, folder, root):
            return [(line, "picture", missing)]
        if not address.lower().endswith(".svg"):
            return []
        problem = svg_problem(folder / unquote(urlsplit(address).path))
        return [(line, "picture", f"{address!r}: {problem}")] if problem else []

    found: list[tuple[int, str, str]] = []
    env: dict = {}
    tokens = markdown_parser().parse(text, env)
    lines = text.splitlines()
    for line, problem in sorted(
        [
            *unread.problems(tokens, markdown_parser().options["maxNesting"], lines),
            *([] if nested else unread.post_problems(tokens, env)),
        ]
    ):
        found.append((offset + line + 1, "markdown", problem))
    for token in tokens:
        start = offset + (token.map[0] if token.map else 0)
        words = token.info.split()
        if token.type == "html_block":
            found += html(start + 1, token.content)
        elif token.type == "fence" and words[:2] == ["{raw}", "html"]:
            found += html(start + 1, token.content, same_line=True)
        elif token.type == "fence" and words[:1] in (["{image}"], ["{figure}"]) and words[1:]:
            found += picture(start + 1, words[1])
        elif token.type == "fence" and token.info.startswith("{"):
            if not NOT_MARKDOWN.match(token.info):
                lines = token.content.splitlines()
                options = next((n for n, x in enumerate(lines) if not OPTION_LINE.match(x)), 0)
                body = "\n".join(lines[options:])
                found += markdown_problems(
                    body, published, folder, start + 1 + options, True, root, site
                )
        found += _inline_problems(token.children or (), start, html, picture, (folder, root, site))
    return sorted(found, key=lambda problem: problem[0])


def _inline_problems(children, start: int, html, picture, places: tuple) -> list:
    """markdown_problems' of a paragraph's or heading's inline tokens (from
    line ``start``, counted from 0): raw HTML, pictures, links to a
    post's file (a Markdown link's, a ``{doc}`` role's) that is not there
    (``places``: the post's folder, the repository's root and the site, as
    :func:`markdown_problems` takes them, each None when not known), or to a
    page the site will not have."""
    found = []
    for line, child in unread.inline_lines(children, start):
        if child.type == "html_inline":
            found += html(line + 1, child.content, same_line=True)
        elif child.type == "image":
            found += picture(line + 1, str(child.attrGet("src") or ""))
        elif child.type == "link_open":
            found += _missing_file(line + 1, str(child.attrGet("href") or ""), *places)
        elif child.type == "myst_role" and child.meta.get("name") == "doc":
            found += _unknown_document(line + 1, child.content, *places[:2])
    return found


#: A role's target after its words (``{doc}`the post <../2009/first>```).
ROLE_TARGET = re.compile(r"<([^<>]+)>\s*$")


def _unknown_document(
    line: int, content: str, folder: Path | None, root: Path | None
) -> list[tuple[int, str, str]]:
    """A ``{doc}`` link to a post or page whose file is not there, as Sphinx
    says it ("unknown document"): from the post's folder, or from the site's
    root (``/pages/about``) when known."""
    target = (found[1] if (found := ROLE_TARGET.search(content)) else content).strip()
    name = target.removesuffix(".md")
    file = _file_named(f"{name}.md", folder, root) if name else None
    if file is None or file.is_file():
        return []
    return [(line, "link", f"unknown document: {target!r}")]


def _missing_file(
    line: int,
    address: str,
    folder: Path | None,
    root: Path | None,
    site: KnownSite | None = None,
) -> list[tuple[int, str, str]]:
    """A link to a post's or page's file (``../2009/x.md``, ``/posts/2009/x.md``)
    that is not there, or (``site``: :func:`markdown_problems`) to another
    page of the site that it will not have, as the build says it (sitelinks.py)."""
    from .sitelinks import answers, leads_nowhere, site_path

    if problem := unreadable(address):
        return [(line, "link", problem)]
    if _scheme(address) or address.startswith("//"):
        return []
    path = unquote(urlsplit(address).path)
    if not path.endswith(".md"):
        found = site_path(unquote(address), site.folder) if site is not None else None
        if found is None or answers(found, site.docnames, site.archive):
            return []
        if found.startswith("..") and root is not None:  # (as confine.py refuses it)
            return [(line, "link", refusal(root / found, root, unquote(address)))]
        return [(line, "link", leads_nowhere(unquote(address), outside=False))]
    file = _file_named(path, folder, root)
    if file is None or file.is_file():
        return []
    return [(line, "link", leads_nowhere(unquote(address), outside=False))]


def _picture_missing(address: str, folder: Path, root: Path | None) -> str | None:
    """What the build says of a picture (Markdown's, ``{image}``'s,
    ``{figure}``'s) that is not there: from the post's ``folder``, or from
    the repository's ``root`` (``/_static/x.png``, when known)."""
    path = unquote(urlsplit(address).path)
    found = _file_named(path, folder, root) if path and "*" not in path else None
    if found is None or found.is_file():
        return None
    shown = found
    if root is not None and found.resolve().is_relative_to(root):
        shown = found.resolve().relative_to(root)
    return f"image file not readable: {Path(shown).as_posix()}"


def _file_named(path: str, folder: Path | None, root: Path | None) -> Path | None:
    """The file a post's ``path`` names: from the site's root (``/…``) in the
    repository's ``root``, else from the post's ``folder``; None where that
    one is not known."""
    base = root if path.startswith("/") else folder
    return None if base is None else base / path.lstrip("/")


@functools.cache
def markdown_parser():
    """MyST's own parser, made once (``blog check`` reads every post and each
    directive's text with it); its tokens alone are read."""
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    return create_md_parser(MdParserConfig(), RendererHTML)


def problems_in(html: str, published=None) -> list[tuple[int, str]]:
    """What in ``html`` would run or load from another host, or (``published``,
    given an address of the site's own) show nothing: (line in ``html`` from 1,
    what and why), in order."""
    return _read(html, published).problems


def _read(html: str, published=None) -> _Reader:
    reader = _Reader(published)
    reader.feed(browser_comments(html))
    reader.close()
    if left_open := _left_open(html):
        reader.problems = sorted([*reader.problems, left_open])
    return reader


def _left_open(html: str) -> tuple[int, str] | None:
    """A comment, declaration or tag that raw HTML opens and never closes, at
    its line: Markdown passes an unclosed ``<!-- a note`` block through with
    the rest of the post (its block runs to the end), and the browser hid all
    that and the rest of the page (its sidebar, footer, scripts) in the
    comment; an unclosed quote in a tag read the rest of the page as its
    attribute.  (Python's HTMLParser reads such an end as text.)"""
    for at, closed in tokens(html):
        if closed is None:
            line = html.count("\n", 0, at) + 1
            start = html[at:].split(None, 1)[0][:12]
            if start.startswith("<!--"):
                end, fate = "-->", "hidden in the comment"
            elif start.startswith(("<!", "<?")) or not start.lstrip("</")[:1].isalpha():
                end, fate = "'>'", "hidden in it"
            else:
                end, fate = "'>', or a quote left open", "read into the tag"
            return line, (
                f"{start!r} is never closed (no {end}): the rest of the post, and of its"
                f" page, would be {fate}"
            )
    return None


class _Reader(HTMLParser):
    def __init__(self, published=None):
        super().__init__(convert_charrefs=True)
        self.problems: list[tuple[int, str]] = []
        self.links: list[tuple[int, str]] = []  # (line, an address of the site's own)
        self.published = published

    def handle_starttag(self, tag, attrs):
        if tag in ("a", "area"):
            self.links += [
                (self.getpos()[0], value)
                for name, value in attrs
                if name == "href" and value and not _from_another_host(value) and not _scheme(value)
            ]
        problem = tag_problem(tag) or next(
            (
                p
                for name, value in attrs
                if (p := attribute_problem(tag, name, value or "", self.published))
            ),
            None,
        )
        if problem:
            self.problems.append((self.getpos()[0], problem))

    handle_startendtag = handle_starttag


def tag_problem(tag: str) -> str | None:
    for why, tags in REFUSED.items():
        if tag in tags:
            return f"<{tag}> {why}"
    if tag not in ALLOWED_TAGS:
        return f"<{tag}> is not an element a post may hold"
    return None


def attribute_problem(tag: str, name: str, value: str, published=None) -> str | None:
    if name.startswith("on") or name in SENDS:
        return f"<{tag} {name}> runs code or sends a request"
    if name == "style" and STYLE_LOADS.search(value):
        return f"<{tag} style> may load a file from elsewhere ({value.strip()[:60]!r})"
    if name in ("href", *LOADS) and (problem := unreadable(value)):
        return f"<{tag} {name}> {problem}"
    if name == "href":
        scheme = _scheme(value)
        if scheme and scheme not in LINK_SCHEMES:
            return f"<{tag}> links to a {scheme}: address, which runs or opens something"
    if name in LOADS:
        addresses = [part.split()[0] for part in value.split(",") if part.strip()]
        addresses = addresses if name == "srcset" else [value]
        for address in addresses:
            if _from_another_host(address):
                return (
                    f"<{tag}> loads {address.strip()[:80]!r}, from another host, which the "
                    "site never does: keep the file in the repository"
                )
            if published and not _scheme(address) and (why := published(address)):
                return f"<{tag}> loads {address.strip()[:80]!r}, {why}"
    return None


#: An address's scheme, where Python's parser cannot read the rest
#: (``http://[oops/``: a broken IPv6 host, which made it raise).
SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


def unreadable(address: str) -> str | None:
    """Why a link's or picture's address is none a reader or this site can
    follow, or None: a host Python's parser cannot read (``http://[oops/``,
    a broken IPv6 address), which no browser opens either, and which made
    the pages, feeds and checks that read it stop with a traceback."""
    if split_address(IGNORED_IN_ADDRESS.sub("", address)) is None:
        return f"to {address.strip()[:80]!r}, which is no address (its host cannot be read)"
    return None


def _scheme(address: str) -> str:
    address = IGNORED_IN_ADDRESS.sub("", address)
    parts = split_address(address)
    if parts is None:
        return found[1].lower() if (found := SCHEME.match(address)) else ""
    return parts.scheme.lower()


def _from_another_host(address: str) -> bool:
    """An address with a scheme or a host (``//host/x``): not a file of the
    site's own, nor a picture pasted into the post (``data:``, which the
    policy shows and nothing fetches)."""
    address = IGNORED_IN_ADDRESS.sub("", address)
    return bool(ADDRESS_WITH_HOST.match(address)) and not address.lower().startswith("data:")
