"""``blog``: the author's command line.

    blog new "Title" [--tags a,b] [--category c] [--author a] [--date ISO]
    blog import {blogger,wordpress,text} EXPORT [EXPORT ...] [--posts-dir DIR] [--force]
                [--skip-drafts] [--no-media | --media-from DIR] [--post-types KIND,...]
    blog check [PATH ...]
    blog serve [--port N]
    blog links [--archive-api URL] [--workers N] [--per-host SECONDS] [--timeout SECONDS]

Run it from the repository (where conf.py is).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import os
import posixpath
import sys
import traceback
import zipfile
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

from sphinx.errors import ConfigError

from .archived import ARCHIVE_API, LINKS_FILE
from .frontmatter import Unreadable, check_file, dump, page_name_problem, read_plain, shows_text
from .importers import ImportError_, slugify_title, write_posts, write_report
from .importers.downloads import unpack
from .importers.html import heading_line
from .importers.records import (
    counted,
    in_the_calendar,
    leave_to_the_site,
    lost_characters,
    one_post_each,
    skipped,
)
from .importers.writer import comments_path, file_later_comments, leave_to_files, linked_here
from .links import MEDIA_RECORD
from .model import Settings, feed_catalogs
from .unread import files_not_read

DEFAULT_TZ = "Europe/London"


def _settings(root: Path) -> dict:
    """The few settings the command line shares with the build, read from conf.py."""
    from sphinx.config import Config
    from sphinx.util.tags import Tags

    settings = {"tz": DEFAULT_TZ, "author": None, "links_file": LINKS_FILE, "blog_path": "blog"}
    settings["per_page"] = 10
    settings["feeds"] = feed_catalogs(lambda name: True)
    settings["static"] = [root / "_static"]
    if (root / "conf.py").exists():
        config = Config.read(root, overrides={}, tags=Tags())
        raw = config._raw_config
        settings["tz"] = raw.get("blog_timezone", DEFAULT_TZ)
        settings["author"] = raw.get("author")
        settings["links_file"] = raw.get("blog_links_file", settings["links_file"])
        settings["blog_path"] = raw.get("blog_path", settings["blog_path"])
        settings["per_page"] = raw.get("blog_posts_per_page", settings["per_page"])
        settings["feeds"] = feed_catalogs(lambda name: raw.get(name, True))
        settings["static"] = [root / entry for entry in raw.get("html_static_path", [])]
    return settings


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def cmd_new(args) -> int:
    if not shows_text(args.title):  # the build would refuse the post: an empty heading
        print(f"blog new: the title {args.title!r} shows no text", file=sys.stderr)
        return 2
    settings = _settings(Path.cwd())
    tz = ZoneInfo(settings["tz"])
    if args.date:
        try:
            when = dt.datetime.fromisoformat(args.date)
        except ValueError:
            print(f"blog new: --date {args.date!r} is not ISO 8601", file=sys.stderr)
            return 2
        if when.tzinfo is None:
            when = when.replace(tzinfo=tz)
    else:
        when = dt.datetime.now(tz).replace(microsecond=0)
    path = Path(args.posts_dir) / str(when.year) / f"{slugify_title(args.title)}.md"
    if path.exists():
        print(f"blog new: {path} exists; not overwriting it", file=sys.stderr)
        return 1
    values = {"date": when, "author": args.author or settings["author"]}
    values |= {"category": args.category, "tags": _split(args.tags)}
    front = dump({key: value for key, value in values.items() if value or key == "tags"})
    lines = ["---", *front, "---", "", heading_line(args.title), "", ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    print(path)
    return 0


def cmd_check(args) -> int:
    from .offline import site_docnames
    from .posts import build_time

    settings = _settings(Path.cwd())
    tz = ZoneInfo(settings["tz"])
    posts = Path(args.posts_dir)
    paths = [Path(p) for p in args.paths] or [
        *sorted(posts.glob("*/*.md")),
        *sorted(posts.parent.glob("pages/*.md")),  # an imported blog's pages (About, Contact)
    ]
    files = []
    for path in paths:
        files += sorted(path.rglob("*.md")) if path.is_dir() else [path]
    problems = []
    if not args.paths:
        problems += [f"{path}:1: file: {why}" for path, why in files_not_read(posts)]
        problems += _unreadable([("links", Path(settings["links_file"]))])
    blog = Settings(settings["blog_path"], per_page=settings["per_page"], feeds=settings["feeds"])
    site = site_docnames(Path.cwd(), blog, tz, build_time(tz))
    for path in files:
        checked = check_file(path, tz)
        problems += checked.problems
        problems += _parent_problems(path, checked.values, tz)
        problems += _raw_html_problems(path, settings["static"], (site, settings["blog_path"]))
        problems += _unreadable(
            [
                ("comments", comments_path(path)),
                ("media", path.with_suffix("") / MEDIA_RECORD),
            ]
        )
    for problem in problems:
        print(problem)
    print(f"{len(files)} posts checked, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


def _parent_problems(path: Path, values: dict, tz: ZoneInfo) -> list[str]:
    """A page's ``parent:`` that names no page beside it, or that lists the
    page under itself (its parent's parent, or one above, is the page), as
    the build names them (checks.py).  A draft on the way leaves the page at
    the top, as in the build."""
    parent = values.get("parent")
    if not parent or page_name_problem(parent):  # (a name that is none: named by check_file)
        return []
    if path.parent.name != "pages":
        return [
            f"{path}:{_line(path, 'parent')}: parent: a post has none: only pages are listed so"
        ]
    if not (path.parent / f"{parent}.md").is_file():
        return [f"{path}:{_line(path, 'parent')}: parent: names no page: pages/{parent}.md"]
    above, seen = parent, {path.stem}
    while above not in seen and (page := path.parent / f"{above}.md").is_file():
        above_values = check_file(page, tz).values
        if above_values.get("draft") or page_name_problem(above_values.get("parent")):
            return []  # (at the top: a draft is on no list; a page with no parent is)
        seen.add(above)
        above = above_values["parent"]
    if above != path.stem or values.get("draft"):
        return []
    line = _line(path, "parent")
    return [f"{path}:{line}: parent: pages/{parent}.md is listed under this page"]


def _line(path: Path, key: str) -> int:
    from .frontmatter import key_line

    return key_line(path.read_text(encoding="utf-8-sig"), key)


def _unreadable(files: list[tuple[str, Path]]) -> list[str]:
    """The files read beside posts that the build could not read (a merge's
    markers left in one, an alias), as the build names them."""
    problems = []
    for field, path in files:
        try:
            read_plain(path)
        except Unreadable as exc:
            problems.append(f"{exc.path}:{exc.line}: {field}: {exc.why}")
    return problems


def _raw_html_problems(path: Path, static: list[Path], site: tuple[set[str], str]) -> list[str]:
    """The build's check of a post's raw HTML and SVG pictures (privacy.py),
    from its Markdown; for a post in this repository, also of the site's own
    files its raw HTML loads, and of its links to the site's pages (``site``:
    the docnames of the pages it will have and the archive's files,
    offline.py, and the archive's folder)."""
    from .privacy import markdown_problems, published
    from .sitelinks import KnownSite

    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []  # (check_file says so)
    where, root = path.resolve(), Path.cwd().resolve()
    docname = (
        where.relative_to(root).with_suffix("").as_posix() if where.is_relative_to(root) else None
    )
    found = markdown_problems(
        text,
        published(docname, static) if docname else None,
        path.parent,
        root=root if docname else None,  # (a post of this repository: links from its root)
        site=KnownSite(posixpath.dirname(docname), *site) if docname else None,
    )
    return [f"{path}:{line}: {field}: {problem}" for line, field, problem in found]


def cmd_import(args) -> int:
    from .importers.blogger import read_blogger_files
    from .importers.text import read_text_pages
    from .importers.wordpress import read_wordpress_files

    if (unreadable := _unpacked(args)) is not None:
        print(f"blog import: {unreadable}; nothing written", file=sys.stderr)
        return 1
    post_types = frozenset(t.strip() for t in ",".join(args.post_types).split(",") if t.strip())
    if post_types and args.format != "wordpress":
        print("blog import: --post-types names WordPress's kinds of post", file=sys.stderr)
        return 2
    settings = _settings(Path.cwd())
    readers = {
        "text": read_text_pages,
        "blogger": read_blogger_files,
        "wordpress": functools.partial(
            read_wordpress_files, post_types=post_types, blog_path=settings["blog_path"]
        ),
    }
    try:
        reads = list(
            zip(args.export, readers[args.format](args.export, settings["author"]), strict=True)
        )
    except ImportError_ as exc:
        print(f"blog import: {exc}; nothing written", file=sys.stderr)
        return 1
    except (OSError, UnicodeDecodeError) as exc:
        export = getattr(exc, "filename", None) or args.export[0]
        print(f"blog import: {export}:1: cannot read: {exc}; nothing written", file=sys.stderr)
        return 1
    root = Path(args.posts_dir).parent  # the repository the posts are imported into
    posts = one_post_each(
        [
            leave_to_the_site(
                in_the_calendar(dataclasses.replace(p, source=export)), settings["blog_path"], root
            )
            for export, contents in reads
            for p in contents.posts
        ]
    )
    posts = [lost_characters(post) for post in posts]
    drafts = [p for p in posts if p.draft]
    if args.skip_drafts:
        posts = [p for p in posts if not p.draft]
    posts = linked_here(
        leave_to_files(posts, Path(args.posts_dir)), Path(args.posts_dir), ZoneInfo(settings["tz"])
    )
    if not args.no_media:
        try:
            posts = _keep_media(posts, Path(args.posts_dir), args.media_from, args.local_network)
        except ImportError_ as exc:  # a post's media.yaml that cannot be read
            print(f"blog import: {exc}; nothing written", file=sys.stderr)
            return 1
    outcomes = write_posts(posts, Path(args.posts_dir), force=args.force)
    later = file_later_comments([contents for _, contents in reads], Path(args.posts_dir))
    report = write_report(reads, posts, outcomes, Path(args.posts_dir), later)
    _tell_import(args, reads, posts, drafts, outcomes, later)
    print(f"report: {report}")
    return 1 if any(contents.refused for _, contents in reads) else 0


def _unpacked(args) -> str | None:
    """The exports as files: a folder read as the export it holds, as
    :func:`_folder_exports` finds it; the zips given (a Takeout download in
    parts, WordPress.com's export) unpacked together into the build folder
    (importers/downloads.py) and read as that folder.  What cannot be read
    so (a folder of several blogs or none, a zip naming a file outside its
    folder), why, as ``file:1: ...``."""
    exports = []
    given = [Path(export) for export in args.export]
    zips = [export for export in given if export.is_file() and zipfile.is_zipfile(export)]
    if zips:
        folder = unpack(zips, Path(args.posts_dir).parent)
        if isinstance(folder, str):
            return folder
        print(f"unpacked {', '.join(map(str, zips))} into {folder}")
        given = [export for export in given if export not in zips] + [folder]
    for export in given:
        if not export.is_dir():
            exports.append(str(export))
            continue
        found = _folder_exports(args, export)
        if isinstance(found, str):
            return f"{export}:1: {found}"
        exports += map(str, found)
    args.export = exports
    return None


def _folder_exports(args, folder: Path) -> list[Path] | str:
    """The files of an unpacked download, or why there are none to read:
    WordPress.com's export, every XML file in it (a big blog's is split), or
    in its one folder (as a zip of it unpacks); a
    Google Takeout, its blog's ``feed.atom`` (``Takeout/Blogger/Blogs/<blog>/``),
    its pictures taken from its albums (``Takeout/Blogger/Albums``) unless
    ``--media-from`` says otherwise; else a folder of JSON files, every one
    (a feed's pages, or the Blogger API's answers, saved by a script)."""
    if args.format == "wordpress":
        files = sorted(folder.glob("*.xml")) or sorted(folder.glob("*/*.xml"))
        return files or "is a folder, with no WordPress export (.xml) in it"
    feeds = sorted(folder.rglob("Blogs/*/feed.atom")) or sorted(folder.rglob("feed.atom"))
    if not feeds and (saved := sorted(folder.glob("*.json"))):
        return saved  # a script's pages of a feed, or of Blogger's API, in JSON (gdata.py)
    if len(feeds) != 1:
        listed = "".join(f"\n    {feed}" for feed in feeds)
        many = f"holds {len(feeds)} blogs' feed.atom: give one of them{listed}"
        return many if feeds else "is a folder, with no Takeout feed.atom (nor JSON) in it"
    print(f"reading {feeds[0]}")
    albums = feeds[0].parent.parent.parent / "Albums"
    if args.media_from is None and not args.no_media and albums.is_dir():
        args.media_from = str(albums)
        print(f"pictures and files from {albums} (Takeout), else from their old addresses")
    return feeds


def _tell_import(args, reads: list, posts: list, drafts: list, outcomes: list, later=()) -> None:
    """What an import did, on the terminal; all of it is in the report too."""
    for outcome in [*outcomes, *later]:
        print(outcome)
    counts = Counter(o.action for o in [*outcomes, *later])
    summary = ", ".join(f"{counts[a]} {a}" for a in ("written", "updated", "unchanged", "skipped"))
    if not counts["written"] and not counts["updated"]:
        summary += ": nothing changed"
    print(summary)
    if drafts:
        how = "skipped (--skip-drafts)" if args.skip_drafts else "imported as drafts (draft: true)"
        print(f"{counted(len(drafts), 'draft')} {how}")
    pages = [p for p in posts if p.is_page]
    if pages:
        print(f"{counted(len(pages), 'page')} imported into pages/")
    if said := skipped([contents for _, contents in reads]):
        print(said)
    for export, contents in reads:
        for line, why in contents.refused:
            print(f"blog import: {export}:{line}: {why}; entry refused", file=sys.stderr)
        for line, note in contents.notes:
            if note.startswith("incomplete:"):
                print(f"blog import: {export}:{line}: {note}", file=sys.stderr)
    titled = [p for p in posts if any(n.startswith("changed: untitled") for n in p.notes)]
    for post in titled:
        print(f"untitled: {post.source}:{post.line}: titled {post.title!r}")
    for post, outcome in zip(posts, outcomes, strict=True):
        if post.published is None and not post.is_page:
            where = f"{post.source}:{post.line}: kept as a draft in {outcome.path.parent}/"
            print(f"undated: {where}: {post.draft_reason}")


def _keep_media(posts: list, posts_dir: Path, media_from: str | None, local=False) -> list:
    """Each post's pictures and files kept beside it, and the post pointing at them."""
    import dataclasses

    from .importers.media import Mirror, rewrite
    from .importers.writer import post_paths

    folders = [path.with_suffix("") for path in post_paths(posts, posts_dir)]
    pairs = list(zip(posts, folders, strict=True))
    jobs = [(folder, list(post.media)) for post, folder in pairs if post.media]
    mirror = Mirror(media_from=Path(media_from) if media_from else None, local_network=local)
    results = mirror.keep(jobs)
    kept, failed = 0, 0
    out = []
    for post, folder in pairs:
        fetched = results.get(folder, [])
        body, notes = rewrite(post.body, folder.name, fetched)
        kept += sum(1 for f in fetched if f.name)
        failed += len(notes)
        out.append(dataclasses.replace(post, body=body, notes=post.notes + tuple(notes)))
    if kept or failed:
        print(
            f"media: {kept} files kept beside their posts, {failed} not archived (see the report)"
        )
    return out


def cmd_links(args) -> int:
    """Check every external link of every post and page; record it in links.yaml."""
    from .linkcheck import Checker, collect_links, load, save, summary

    root = Path.cwd()
    path = root / _settings(root)["links_file"]
    try:
        before = load(path)
    except Unreadable as exc:  # checked afresh, its records would be written over
        print(f"blog links: {exc}; nothing written", file=sys.stderr)
        return 1
    links = collect_links(root)
    checker = Checker(
        archive_api=args.archive_api,
        timeout=args.timeout,
        retries=args.retries,
        per_host=args.per_host,
        workers=args.workers,
        local_network=args.local_network,
    )
    after = checker.run(links, before)
    save(path, after)
    counts = Counter(record["status"] for record in after.values())
    found = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    print(f"{len(after)} links checked ({found or 'none'}); written to {path.name}")
    changes = summary(before, after)
    for line in changes:
        print(line)
    if args.summary:
        Path(args.summary).write_text("".join(f"- {line}\n" for line in changes), encoding="utf-8")
    return 0


def cmd_serve(args) -> int:
    """A live preview (serve.py): rebuilt on any change to posts, templates,
    static files or conf.py, and the browser reloaded.  Drafts are shown, bannered."""
    from .serve import serve

    return serve(Path.cwd(), args.port)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="blog", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    new = sub.add_parser("new", help="start a post with complete front matter")
    new.add_argument("title")
    new.add_argument("--tags", help="comma-separated")
    new.add_argument("--category")
    new.add_argument("--author")
    new.add_argument("--date", help="ISO 8601; now by default")
    new.add_argument("--posts-dir", default="posts")
    new.set_defaults(run=cmd_new)

    imp = sub.add_parser("import", help="import posts from an export")
    imp.add_argument("format", choices=["blogger", "wordpress", "text"])
    imp.add_argument(
        "export",
        nargs="+",
        help="the export; or several, read as one (a feed's pages, its comments)",
    )
    imp.add_argument("--posts-dir", default="posts")
    imp.add_argument("--force", action="store_true", help="overwrite posts edited since import")
    imp.add_argument("--skip-drafts", action="store_true", help="leave drafts out")
    imp.add_argument(
        "--post-types",
        action="append",
        default=[],
        metavar="KIND[,KIND...]",
        help="WordPress: import entries of these kinds a theme or plugin added (custom post"
        " types: a portfolio, a podcast's episodes) as posts; the import names those it skipped",
    )
    imp.add_argument(
        "--no-media", action="store_true", help="leave pictures and files on the old host"
    )
    imp.add_argument(
        "--media-from", metavar="DIR", help="take pictures and files from DIR (a Takeout archive)"
    )
    imp.add_argument(
        "--local-network",
        action="store_true",
        help="also fetch pictures from this machine or its local network (an intranet blog)",
    )
    imp.set_defaults(run=cmd_import)

    check = sub.add_parser("check", help="validate posts' front matter and raw HTML")
    check.add_argument("paths", nargs="*")
    check.add_argument("--posts-dir", default="posts")
    check.set_defaults(run=cmd_check)

    serve = sub.add_parser("serve", help="live preview on 127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=cmd_serve)

    links = sub.add_parser("links", help="check external links; find archived copies")
    links.add_argument(
        "--archive-api",
        default=os.environ.get("BLOG_ARCHIVE_API", ARCHIVE_API),
        help="the Internet Archive's availability API (BLOG_ARCHIVE_API)",
    )
    links.add_argument("--workers", type=int, default=8, help="requests at once")
    links.add_argument(
        "--per-host",
        type=float,
        default=1.0,
        help="seconds between an answer from a host and the next request to it",
    )
    links.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for an answer")
    links.add_argument("--retries", type=int, default=2)
    links.add_argument("--summary", metavar="FILE", help="write what changed (a PR's body)")
    links.add_argument(
        "--local-network",
        action="store_true",
        help="also check links to this machine or its local network (an intranet blog's)",
    )
    links.set_defaults(run=cmd_links)

    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except ConfigError as exc:  # conf.py, read by _settings (the build names it its own way)
        print(f"blog: {_unreadable_settings(exc)}", file=sys.stderr)
        return 1


def _unreadable_settings(exc: Exception) -> str:
    """Why conf.py cannot be read, as ``conf.py:LINE: cannot be read: ...``:
    the line of it that failed, and the error there."""
    path = Path.cwd() / "conf.py"
    cause = exc.__cause__
    frames = traceback.extract_tb(cause.__traceback__) if cause is not None else []
    line = next((f.lineno for f in reversed(frames) if Path(f.filename) == path), None)
    line = line or getattr(cause, "lineno", None) or 1  # a SyntaxError's is its own
    what = f"{type(cause).__name__}: {cause}" if cause is not None else str(exc).split("\n")[0]
    return f"{path}:{line}: cannot be read: {what}"


if __name__ == "__main__":
    sys.exit(main())
