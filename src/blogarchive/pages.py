"""Every page the archive adds to the site (``html-collect-pages``), and its small files.

- index pages: All posts, Tags, Categories, Authors;
- paginated listings: home (pages 2…), each tag, category, author, month;
- each year on one page: its posts' titles, month by month;
- each revision of a post: what it changed, and its whole text (revisions.py);
- old addresses (``redirect:`` in front matter, set by the importers) that lead
  straight to their post;
- ``404.html``, which also finds a post from an old Blogger address it was
  never told about (``/2010/07/<anything>.html``: the month's best-matching slug);
- ``blog/posts.json`` (read by the 404 page and by search results for dates),
  ``blog/pages.json`` (the imported pages WordPress numbered: old-address.js),
  ``blog/files.json`` (the old blog's own files, kept: old-address.js) and
  ``robots.txt``, ``sitemap.xml``, and ``CNAME`` when the repository has one (a custom domain).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from .archive import CATALOGS, blog_archive
from .confine import inside
from .epub import epub_file, for_site
from .frontmatter import Unreadable, read_plain, split_address
from .incremental import generated_files, run_tasks, start_tasks, write_from_the_last
from .links import MEDIA_RECORD, wordpress_post_number
from .state import build_state

logger = logging.getLogger(__name__)

#: Pages left out of the sitemap: old addresses and revisions (noindex, canonical elsewhere).
UNLISTED = frozenset({"blog/redirect.html", "blog/revision.html", "blog/revision-text.html"})


def archive_pages(app):
    """``html-collect-pages``: write every page the archive adds (only those whose
    bytes changed); yields nothing, so Sphinx writes none of them again.  The
    e-book has pages of its own (epub.py)."""
    if not for_site(app.builder):
        return
    job = build_state(app.config).archive_pages
    if job is None:
        stale, listed = _stale_pages(app)
        run_tasks(app, stale)
    else:  # rendered beside the documents (start_archive_pages), waited for already
        await_archive_pages(app)
        listed = job.listed
    archive = blog_archive(app)
    _write_small_files(app, archive)
    _write_sitemap(app, archive, listed)
    yield from ()


def _stale_pages(app) -> tuple[list, list[str]]:
    """The writing of each page whose inputs changed; the pages the sitemap lists."""
    files = generated_files(app)
    listed, stale = [], []
    for docname, context, template, shows in _pages(app):
        if not files.page_is_fresh(docname, shows):
            stale.append(functools.partial(files.write_page, docname, context, template))
        if template not in UNLISTED and docname not in ("404", "search"):
            listed.append(docname)
    return stale, listed


@dataclass
class ArchivePagesJob:
    workers: object  # sphinx.util.parallel.ParallelTasks, at work
    listed: list[str]
    done: bool = False


def start_archive_pages(app, pagename, templatename, context, doctree) -> None:
    """``html-page-context`` of the first document a build writes, when the
    main process writes them alone with a core to spare (``-j 2``:
    incremental.write_documents_serially_on_two_cores): the archive's own
    pages are rendered by a forked worker beside it, on that core, rather
    than after it (1.8 s of a clean build at 1000 posts).  Their inputs (the
    posts read, their excerpts, the sidebar) are all known once reading is
    done; the feeds, read from the posts' pages, wait for those.  Then it
    writes documents too, from the last, until it meets the main process
    (incremental.DocumentQueue)."""
    build = build_state(app.config)
    if doctree is None or build.archive_pages is not None or not for_site(app.builder):
        return
    if app.builder.parallel_ok or (app.parallel or 1) < 2:  # workers write, or no spare core
        return
    stale, listed = _stale_pages(app)
    build.archive_pages = job = ArchivePagesJob(None, listed)  # set before the worker forks
    if build.documents is not None and len(build.documents) > 1:  # then documents from the last
        stale.append(functools.partial(write_from_the_last, app))
    job.workers = start_tasks(stale, 1, chunks=1, done=functools.partial(_images_shown, app))


def _images_shown(app, images: dict | None) -> None:
    """The worker's result: the images of the documents it wrote, to copy."""
    app.builder.images.update(images or {})


def await_archive_pages(app) -> list:
    """``html-collect-pages``, before Pagefind starts (memory: the worker and
    Pagefind are not at work at once): the worker's pages and documents are written."""
    job = build_state(app.config).archive_pages
    if job is not None and not job.done:
        job.done = True
        job.workers.join()
    return []


def stop_archive_pages(app, exception) -> None:
    """``build-finished``: a build that failed before waiting for the worker
    stops it (its files, in the work folder, are not published)."""
    job = build_state(app.config).archive_pages
    if job is not None and not job.done:
        job.done = True
        job.workers.terminate()


def _write_sitemap(app, archive, generated: list[str]) -> None:
    """``sitemap.xml``: every public page, whether or not this build rewrote it;
    each post with the day it last changed.

    (sphinx-sitemap lists only the pages a build writes, so an incremental build
    loses the rest, and its order follows the order of parallel writes.)
    """
    docnames = sorted({*app.env.found_docs, *generated})
    urls = "".join(
        f"<url><loc>{escape(archive.baseurl + app.builder.get_target_uri(d))}</loc>"
        f"{_lastmod(archive, d)}</url>"
        for d in docnames
    )
    xml = (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n'
    )
    generated_files(app).write(Path(app.builder.outdir) / "sitemap.xml", xml.encode("utf-8"))


def _lastmod(archive, docname: str) -> str:
    """A post's ``<lastmod>``: when it last changed (its {update} notes, its last
    commit, its date: the feeds' ``updated``), with the blog's offset."""
    post = archive.post(docname)
    if post is None or not post.published:
        return ""
    return f"<lastmod>{archive.history.updated(post).isoformat()}</lastmod>"


def _docnames(posts) -> list[str]:
    return [post.docname for post in posts]


def _pages(app):
    """(docname, context, template, shows) of every page the archive adds; ``shows``
    names the posts whose excerpts it shows (its titles, dates and tags, like
    every page's sidebar, are in what all pages share: incremental.GeneratedFiles)."""
    archive = blog_archive(app)
    title = archive.html_title
    book = _publish_epub(app)
    context = {"title": title("All posts"), "book": book}
    # The book's size changes with each edit (make epub, before the site): the
    # All posts page alone shows it, as it shows it.
    offered = (("book", book["name"], book["megabytes"]),) if book else ()
    yield archive.all_posts_docname, context, "blog/all-posts.html", offered
    # Its rows come from every post's commits: a post whose commits changed is read again.
    changes = {"title": title("What changed")}
    yield archive.changes_docname, changes, "blog/changes.html", _docnames(archive.posts)
    yield "search", {"title": title("Search")}, "blog/search.html", ()
    for attr, _folder, heading, _ in CATALOGS:
        listings = archive.catalogs[attr]
        if listings:
            context = {"title": title(heading), "listings": listings, "catalog_name": attr}
            yield archive.catalog_docnames[attr], context, "blog/catalog.html", ()

    listings = archive.listings()
    if app.config.blog_preview and archive.drafts.posts:
        listings.append(archive.drafts)
    for listing in listings:
        for page in archive.listing_pages(listing):
            suffix = f" (page {page.number} of {page.count})" if page.number > 1 else ""
            context = {"title": title(listing.title + suffix), "listing": listing, "page": page}
            if listing.kind == "year":  # titles only: no excerpt to show
                yield page.docname, context, "blog/year.html", ()
            else:
                yield page.docname, context, "blog/listing.html", _docnames(page.posts)
    for page in archive.home_pages[1:]:
        context = {
            "title": title(f"Latest posts (page {page.number} of {page.count})"),
            "page": page,
        }
        yield page.docname, context, "blog/home-page.html", _docnames(page.posts)

    for docname, post in sorted(archive.redirects.items()):
        context = {
            "target_title": post.title,
            "target_url": archive.url(post.docname),
            "target_href": app.builder.get_relative_uri(docname, post.docname),
        }
        yield docname, context, "blog/redirect.html", ()

    feeds = archive.feed_files()
    for docname, (target, name) in sorted(archive.old_addresses().items()):
        here = app.builder.get_target_uri(docname)
        context = {
            "target_title": name,
            "target_url": archive.baseurl + target.removesuffix("index.html"),
            "target_href": relative_uri(here, target),
            "target_feed": unquote(target) in feeds,  # (feeds/comments/default has no suffix)
        }
        yield docname, context, "blog/redirect.html", ()

    yield from _revision_pages(archive)

    base_path = urlsplit(archive.baseurl).path or "/"
    yield "404", {"title": title("Page not found"), "base_path": base_path}, "blog/404.html", ()


def _revision_pages(archive):
    """Each revision's diff and text (revisions.py), kept while its post is unchanged."""
    for post in archive.posts:
        revisions = archive.revisions(post)
        for revision in revisions:
            if revision.docname is None:
                continue
            context = {
                "title": archive.html_title(f"{post.title}: revision {revision.number}"),
                "revised_post": post,
                "revision": revision,
                "revisions": revisions,
                "pageurl": archive.url(post.docname),  # rel=canonical: the post
            }
            shows = (post.docname,)
            yield revision.docname, context, "blog/revision.html", shows
            yield revision.text_docname, context, "blog/revision-text.html", shows


def _publish_epub(app) -> dict | None:
    """The last ``make epub``'s book, published beside the All posts page that
    offers it ("Download the archive"); None when there is none."""
    path = epub_file(app)
    if path is None:
        return None
    archive = blog_archive(app)
    target = Path(app.builder.outdir) / archive.blog_path / path.name
    data = path.read_bytes()
    generated_files(app).write(target, data)
    return {"name": path.name, "megabytes": f"{len(data) / 1e6:.1f}"}


def _wordpress_id(app, docname: str) -> dict:
    """``{"wp": 12}`` for a post WordPress numbered 12, which it answered
    ``/?p=12`` for, or a page's, also ``/?page_id=12`` (links.wordpress_post_number)."""
    number = wordpress_post_number(app.env.metadata.get(docname, {}))
    return {} if number is None else {"wp": number}


def _old_files(app) -> list[dict]:
    """The kept files the old blog served from its own host (a self-hosted
    WordPress's ``/wp-content/uploads/2010/07/report.pdf``, which other
    sites link to), each with its address on the site: ``blog/files.json``,
    by which the 404 page leads the old address to the file, once the
    archive answers at the old blog's domain (old-address.js).  From each
    post folder's ``media.yaml`` and the pictures and files Sphinx copied;
    a file from another host (a picture host, Blogger's) is not the old
    blog's address to answer."""
    env, records, found = app.env, {}, []
    kept = [(path, docs, f"_images/{name}") for path, (docs, name) in env.images.items()]
    kept += [(path, docs, f"_downloads/{dest}") for path, (docs, dest) in env.dlfiles.items()]
    for path, docnames, url in kept:
        file = Path(app.srcdir, path)
        if file.parent not in records:
            records[file.parent] = _media_record(file.parent, app.srcdir)
        old = split_address(str(records[file.parent].get(file.name) or ""))
        addresses = (
            split_address(str(env.metadata.get(docname, {}).get(key) or ""))
            for docname in docnames
            for key in ("wordpress_url", "blogger_url")
        )
        hosts = {address.hostname for address in addresses if address}
        if old and old.hostname and old.hostname in hosts and old.path.strip("/"):
            found.append({"old": unquote(old.path.lstrip("/")), "url": url})
    return sorted(found, key=lambda entry: entry["old"])


def _media_record(folder: Path, srcdir) -> dict:
    """A post folder's record of its files' old addresses (empty if none; one
    that cannot be read is an error: its files' old addresses would go
    unanswered without a word)."""
    record = folder / MEDIA_RECORD
    if not record.is_file() or not inside(record, srcdir):
        return {}
    try:
        data = read_plain(record)
    except Unreadable as exc:
        logger.error("media: %s", exc.why, location=f"{exc.path}:{exc.line}", type="blogarchive")
        return {}
    return data if isinstance(data, dict) else {}


def _as_json(items: list[dict]) -> bytes:
    """A list as the site's small JSON files hold it: keys sorted, UTF-8."""
    return (json.dumps(items, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _write_small_files(app, archive) -> None:
    outdir = Path(app.builder.outdir)
    write_if_changed = generated_files(app).write
    posts = [
        {
            "url": app.builder.get_target_uri(post.docname),
            "title": post.title,
            "date": post.date.date().isoformat(),
            "day": archive.format_date(post.date),
            "slug": post.docname.rsplit("/", 1)[-1],
            **_wordpress_id(app, post.docname),
        }
        for post in archive.posts
    ]
    write_if_changed(outdir / archive.blog_path / "posts.json", _as_json(posts))
    # The imported pages WordPress numbered (WordPress answers ?p= for a page too).
    pages = [
        {"url": app.builder.get_target_uri(page.docname), "title": page.title, **number}
        for page in archive.site_pages
        if (number := _wordpress_id(app, page.docname))
    ]
    write_if_changed(outdir / archive.blog_path / "pages.json", _as_json(pages))
    write_if_changed(outdir / archive.blog_path / "files.json", _as_json(_old_files(app)))
    robots = f"User-agent: *\nAllow: /\n\nSitemap: {archive.baseurl}sitemap.xml\n"
    write_if_changed(outdir / "robots.txt", robots.encode("utf-8"))
    cname = Path(app.srcdir) / "CNAME"  # GitHub Pages' custom domain
    if cname.is_file():
        write_if_changed(outdir / "CNAME", cname.read_bytes())
    icon = root_icon(app)
    if icon is not None:
        write_if_changed(outdir / "favicon.ico", icon.read_bytes())


def root_icon(app) -> Path | None:
    """The site's icon (``html_favicon``) when it is an ICO file of its own,
    which the site also answers at /favicon.ico: where Blogger's was, and
    what a browser asks for where a page names no icon."""
    icon = app.config.html_favicon or ""
    found = Path(app.confdir, icon)
    return found if icon.lower().endswith(".ico") and found.is_file() else None
