"""Incremental builds that write exactly what a clean build would, and no more.

- A post's *listing signature* (title, date, tags, category, author, old
  addresses, excerpt, word count) is kept in the environment.  Every page shows
  lists built from them (sidebar, related, older/newer), so when one changes, or
  a post comes or goes, or the commit shown in the footer changes, every page is
  written again; a new excerpt or reading time rewrites the home page and the
  list pages; an edit to the rest of a post's body rewrites only that post.
- Pages and files the archive generates are written only when their bytes change,
  and those no longer generated (a tag that lost its last post) are deleted, as
  are the pages of removed posts.
"""

from __future__ import annotations

from pathlib import Path

MANIFEST = ".blogarchive-pages"


def _signature(info: dict) -> tuple:
    return (
        info["title"],
        info["date"],
        tuple(info["tags"]),
        tuple(info["category"]),
        tuple(info["author"]),
        tuple(info["redirect"]),
        " ".join(node.astext() for node in info["excerpt"]),
        len(info["doctree"].astext().split()),  # reading time, shown in lists
    )


def record_signature(app, doctree) -> None:
    """``doctree-read``, after ABlog's: remember what lists show of this post."""
    env = app.env
    posts = getattr(env, "ablog_posts", {}).get(env.docname)
    if not hasattr(env, "blogarchive_listing"):
        env.blogarchive_listing = {}
    if posts:
        env.blogarchive_listing[env.docname] = tuple(_signature(info) for info in posts)


def purge_signature(app, env, docname) -> None:
    getattr(env, "blogarchive_listing", {}).pop(docname, None)


def merge_signatures(app, env, docnames, other) -> None:
    theirs = getattr(other, "blogarchive_listing", {})
    if not hasattr(env, "blogarchive_listing"):
        env.blogarchive_listing = {}
    env.blogarchive_listing.update({d: theirs[d] for d in docnames if d in theirs})


def before_reading(app, env, added, changed, removed):
    """``env-get-outdated``: note the signatures as they were; drop removed pages."""
    app._blog_listing_before = dict(getattr(env, "blogarchive_listing", {}))
    posts = set(app.config.matched_blog_posts)
    app._blog_posts_read = bool(posts & (added | changed | removed))
    outdir = Path(app.builder.outdir)
    for docname in removed:
        (outdir / app.builder.get_target_uri(docname)).unlink(missing_ok=True)
    return []


def pages_to_rewrite(app, env):
    """``env-get-updated``: every page when what lists show has changed."""
    before = getattr(app, "_blog_listing_before", {})
    after = getattr(env, "blogarchive_listing", {})
    history = getattr(app, "_blog_history", None)
    head = history.head.sha if history and history.head else None
    footer_changed = getattr(env, "blogarchive_head", None) != head
    env.blogarchive_head = head
    app._blog_lists_changed = before != after or footer_changed
    if footer_changed or _on_every_page(before) != _on_every_page(after):
        return sorted(env.found_docs)
    if before != after:  # only excerpts or reading times: the home page's list
        return [app.config.root_doc]
    return []


def _on_every_page(signatures: dict) -> dict:
    """What pages show of other posts (sidebar, related, older/newer): all but the
    excerpt and the word count, which only lists show."""
    return {d: tuple(s[:-2] for s in sigs) for d, sigs in signatures.items()}


def lists_unchanged(app) -> bool:
    """Whether every list page of the last build is still right as it is: no post's
    listing signature, footer commit, template or setting changed since."""
    from sphinx.builders.html._build_info import BuildInfo

    outdir = Path(app.builder.outdir)
    manifest = outdir / MANIFEST
    if getattr(app, "_blog_lists_changed", True) or not manifest.exists():
        return False
    try:
        same_config = BuildInfo.load(outdir / ".buildinfo") == app.builder.build_info
    except (OSError, ValueError):
        return False
    newest_template = app.builder.templates.newest_template_mtime()
    return same_config and newest_template < manifest.stat().st_mtime


class GeneratedFiles:
    """The files the archive writes itself, kept only while they are still made."""

    def __init__(self, outdir: Path):
        self.outdir = Path(outdir)
        self.written: set[str] = set()

    def write(self, path: Path, data: bytes) -> None:
        """Write only when the bytes change (the file's mtime then says when it did)."""
        path = Path(path)
        self.written.add(path.relative_to(self.outdir).as_posix())
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)

    def write_page(self, app, docname: str, context: dict, template: str) -> None:
        """Render a page like Sphinx does, then keep it only if it differs."""
        target = self.outdir / app.builder.get_target_uri(docname)
        scratch = target.with_name(target.name + ".new")
        scratch.parent.mkdir(parents=True, exist_ok=True)
        app.builder.handle_page(docname, context, template, outfilename=str(scratch))
        self.write(target, scratch.read_bytes())
        scratch.unlink()

    def keep(self, path: Path) -> None:
        """Keep a file written by an earlier build, as it is."""
        self.written.add(Path(path).relative_to(self.outdir).as_posix())

    def finish(self) -> None:
        """Delete what an earlier build generated and this one did not."""
        manifest = self.outdir / MANIFEST
        if manifest.exists():
            for rel in set(manifest.read_text().split("\n")) - self.written - {""}:
                (self.outdir / rel).unlink(missing_ok=True)
        manifest.write_text("\n".join(sorted(self.written)) + "\n")


def generated_files(app) -> GeneratedFiles:
    files = getattr(app, "_blog_generated", None)
    if files is None:
        files = app._blog_generated = GeneratedFiles(app.builder.outdir)
    return files


def finish_build(app, exception) -> None:
    """``build-finished``: clean up what is no longer generated (after a good build)."""
    files = getattr(app, "_blog_generated", None)
    if exception is None and files is not None:
        files.finish()


def tidy_search_index(app, exception) -> None:
    """``build-finished``: drop the words an incremental build left pointing nowhere.

    Workaround, in this one place: Sphinx's IndexBuilder.prune empties the
    document lists of words from rewritten pages but keeps the words, so a
    retitled post leaves its old title words (``"good": []``) in the index
    where a clean build has none.
    """
    from sphinx.search import js_index

    path = Path(app.builder.outdir) / "searchindex.js"
    if exception is not None or not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    data = js_index.loads(text)
    for key in ("terms", "titleterms"):
        data[key] = {word: docs for word, docs in data.get(key, {}).items() if docs != []}
    tidy = js_index.dumps(data)
    if tidy != text:
        path.write_text(tidy, encoding="utf-8")
