"""Where the extension keeps what it knows, the Sphinx way (issue 14).

- Per document, kept between builds and merged from parallel readers: an
  environment collector (:class:`ArchiveCollector`, as Sphinx keeps titles and
  images) with ``clear_doc`` and ``merge_other`` — what lists show of each
  post (its listing signature); beside it, the commit the footer names and
  the static pages the sidebar links (:func:`archive_data`).
- Per build, in one object made when the build starts (config-inited, before
  anything reads a post): :class:`BuildState` — the front matter screened
  before reading, the archive model, the generated files, git history, the
  signatures as they were before reading.  It hangs on no attribute of the
  Sphinx application: a weak mapping from the application's ``Config`` (which
  handlers and transforms alike are handed) to the state.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from sphinx.environment.collectors import EnvironmentCollector


def archive_data(env) -> dict:
    """The archive's own data in the environment (pickled with it, so kept
    between builds): ``listing`` (docname -> the listing signatures of its
    posts, incremental.py), ``head`` (the commit the footer named last build),
    ``site_pages`` ((docname, title) of the static pages the sidebar linked),
    ``revisions`` (docname -> the commits its revisions were read from, and
    the revisions: revisions.py), ``links`` (docname -> its external
    addresses and the archived copies shown beside them: archived.py),
    ``raw_links`` (docname -> the site's own addresses its raw HTML links
    to, with their lines: privacy.py), ``problems`` (docname -> what a
    preview build reported about it: reported.py), ``site_links`` (docname
    -> the site's pages no document is that its Markdown links to, with
    their lines: sitelinks.py)."""
    data = env.__dict__.setdefault(
        "blogarchive_data",
        {"listing": {}, "head": None, "site_pages": None, "revisions": {}, "links": {}},
    )
    data.setdefault("raw_links", {})
    data.setdefault("problems", {})
    data.setdefault("site_links", {})
    return data


#: The per-document parts of archive_data.
_PER_DOCUMENT = ("listing", "revisions", "links", "raw_links", "problems", "site_links")


def no_longer_holds(env, part: str, changed, stale) -> list[str]:
    """For ``env-get-outdated``: the documents, read before and not already to be
    read again, whose entry in ``part`` of archive_data ``stale(docname, entry)``
    says no longer holds (revisions.py: their commits; archived.py: their copies)."""
    return sorted(
        docname
        for docname, entry in archive_data(env)[part].items()
        if docname in env.all_docs and docname not in changed and stale(docname, entry)
    )


class ArchiveCollector(EnvironmentCollector):
    """Per-document data of the archive, incremental- and parallel-safe: what
    lists show of each post, dropped with the document and merged from
    parallel readers.  (A collector rather than a domain: a domain would add
    itself to every search index's version table.)"""

    def clear_doc(self, app, env, docname: str) -> None:
        for part in _PER_DOCUMENT:
            archive_data(env)[part].pop(docname, None)

    def merge_other(self, app, env, docnames, other) -> None:
        for part in _PER_DOCUMENT:
            theirs = archive_data(other)[part]
            archive_data(env)[part].update({d: theirs[d] for d in docnames if d in theirs})

    def process_doc(self, app, doctree) -> None:
        from .incremental import record_signature
        from .posts import excerpt_in_blocks
        from .revisions import read_revisions

        excerpt_in_blocks(app, doctree)  # (after ABlog's reading, before the signature)
        record_signature(app, doctree)
        read_revisions(app)


@dataclass
class BuildState:
    """What one build knows beyond the environment (see the module's docstring)."""

    #: The Sphinx application, for what is handed only the config (transforms);
    #: weakly, as the state is kept by the application's config, weakly.
    app_ref: object = None

    screened: dict[str, tuple] = field(default_factory=dict)  # path -> (stat key, FrontMatter)
    listing_before: dict[str, tuple] = field(default_factory=dict)
    history: object = None  # history.History
    archived_copies: dict | None = None  # address -> snapshot (archived.py)
    search_job: object = None  # search.Indexer: Pagefind at work
    archive: object = None  # archive.BlogArchive, made on first use when writing
    generated: object = None  # incremental.GeneratedFiles, likewise
    archive_pages: object = None  # pages.ArchivePagesJob: the archive's pages being written
    documents: object = None  # incremental.DocumentQueue: the documents to write, on two cores
    site_css: object = None  # stylesheet.SiteCss: the one stylesheet and what it holds
    parallel: int = 0  # the build's processes while a few documents are read here
    recorder: object = None  # reported.Recorder: a preview's notes of what the build reports
    problems_elsewhere: list = field(default_factory=list)  # reported in no page's file
    site_pages: dict | None = None  # sitelinks.py: docname -> file of each page no document is

    @property
    def app(self):
        return self.app_ref() if self.app_ref is not None else None


_STATES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def start_build(app, config) -> None:
    """``config-inited`` (first of the extension's handlers): a fresh state."""
    _STATES[config] = BuildState(app_ref=weakref.ref(app))


def build_state(config) -> BuildState:
    """The state of the build configured by ``config`` (``app.config``)."""
    state = _STATES.get(config)
    if state is None:  # a build that began without config-inited (tests' apps reused)
        state = _STATES[config] = BuildState()
    return state
