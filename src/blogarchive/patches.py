"""Every patch of Sphinx's and MyST's internals, in this one place (issue 14).

Each replaces a private name.  Each is checked when this module loads: if the
installed Sphinx or MyST no longer has the name (or its shape changed), the
import fails with the name and what to do — never a patch that quietly does
nothing after an upgrade.  ``tests/test_patches.py`` checks each is in force.

Speed (they change no result; the reproducibility tests compare incremental,
parallel and clean builds byte for byte; measured in benchmarks/HISTORY.md):

- ``sphinx.util.docutils._get_settings`` and MyST's ``get_default_settings``
  build an ``OptionParser`` of about a hundred options, reading docutils.conf
  files, for every document.  Here each distinct parser is built once per
  process and asked for fresh default values per document: a new ``Values``
  (with its own list of dependencies) from the same defaults.
  Sphinx makes a new parser object for every document, so parsers are told
  apart by class (their options are their class's), not by object.
- MyST parses front matter with PyYAML's pure-Python loader, twice per
  document: for the page (``mdit_to_docutils.base``) and for its file-level
  settings (``read_topmatter``, as ``myst_parser.parsers.sphinx_`` calls it;
  it imports yaml inside the function, so its module's ``yaml`` cannot be
  swapped).  Here both with libyaml (same results, same exception classes):
  ``read_topmatter`` is MyST 5's, only its loader changed.  At 1000 posts the
  pure-Python reads took 2 s of a serial build.  It also leaves out the keys
  by which MyST changes its settings for one file (``MYST_SETTINGS``: a
  post's ``html_meta`` had put a refresh to another site in its page's head).
- Sphinx's HTML builder asks for the checksum of every stylesheet and script
  (their ``?v=``) on every page; the checksum itself is cached, but each ask
  resolves the file's path again through the file system (1.1 s of a serial
  build at 1000 posts).  Here each (folder, file) is asked once per process,
  as the checksum already was.
- Sphinx splits the documents to read (or write) in parallel into chunks of
  about sqrt(n / processes x 10) (15 chunks of 70 at 1000 posts on two
  cores); each chunk is a new fork of the main process, which pays the
  copy-on-write of the memory it touches and sends back, pickled, the whole
  environment as it was at the fork with its own documents added, for the
  main process to unpickle.  Here each process gets two chunks
  (``sphinx.builders.make_chunks``): reading 1000 posts on two cores took
  3.9 s instead of 5.3 s.

Memory (at 5000 posts, a build in one process peaked at 1.1 GB with Pagefind
beside it; 0.9 GB without these):

- A serial read keeps every document's doctree, as objects, in
  ``BuildEnvironment._write_doc_doctree_cache`` until the document is
  written: all of them at once, hundreds of MB.  Here none is kept
  (:func:`keep_no_doctree_objects`); writing loads each from its pickle, as a
  parallel read always does.
- ``BuildEnvironment._pickled_doctree_cache`` keeps every doctree's pickle
  read back while writing.  Nothing needs them once the documents' pages are
  written (feeds read the pages: feeds.py), so :func:`drop_doctree_pickles`
  empties it then.
- A forked worker of Sphinx's (``ParallelTasks._process``: parallel reading,
  the archive's pages) keeps every log record its work makes, debug ones
  included, to send back when it is done, where the build's handlers drop
  all but those they show: one worker writing the archive's pages of 5000
  posts grew to 825 MB (170 MB without).  Here a worker makes only the
  records some handler of the build shows (:func:`_process_making_shown_records`).

Sharing the work on two cores: the main process writes the documents'
pages from the first (Sphinx's ``Builder._write_serial``, given a queue) while
the worker writing the archive's own pages takes them from the last once those
are written (``sphinx.builders._write_docname``: :func:`write_document`;
incremental.DocumentQueue).

The preview's wait (``blog serve``, serve.py):

- Its worker process, started while the author writes, reads the last
  build's environment pickle then (:func:`preload_environment`), and Sphinx,
  when the change comes, is given that environment rather than reading the
  file again (``Sphinx._load_existing_env``): 0.08 s of every preview at 1000
  posts.  Only while the file is the one read (its inode, size and times): a
  build that wrote it since has it read again.

Safety:

- ``StandaloneHTMLBuilder.handle_page`` writes each page in place, truncating
  the old one first: ``blog serve`` serves its pages as they are written, and
  a reload caught one empty.  Here each page is written beside its place and
  moved over the old one, whole (:func:`_handle_page_whole`), as the
  archive's own pages are (incremental.write_if_changed).

- ``BuildEnvironment.relfn2path`` resolves every path a directive or role
  reads (include, literalinclude, images, downloads); here it refuses one
  outside the source folder (issue 11; confine.py has the rest of the rule).

Nothing lost unsaid:

- MyST's ``DocutilsRenderer.render_inline`` renders a paragraph's words, each
  part (link, role, picture, raw HTML) at the paragraph's first line; here at
  its own (:func:`_render_inline_at_lines`), so that every warning about one
  names the line it is on.

- MyST's renderer (``DocutilsRenderer._render_tokens``, for the post and for
  each directive's text) reports what its reading hid without a word (lists
  nested too deep, a paragraph's line taken for a comment, a link definition
  no link uses: unread.py) as an error at its line.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import logging
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

import myst_parser.mdit_to_docutils.base as myst_base
import myst_parser.parsers.sphinx_ as myst_sphinx_parser
import sphinx.application as sphinx_application
import sphinx.builders as sphinx_builders
import sphinx.builders.html as sphinx_html
import sphinx.util.docutils as sphinx_docutils
import yaml
from docutils import nodes
from docutils.frontend import OptionParser
from docutils.utils import SystemMessage
from myst_parser.config.main import TopmatterReadError
from myst_parser.parsers.directives import YAML_LOAD_ERRORS
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError, SphinxError
from sphinx.util import logging as sphinx_logging
from sphinx.util.parallel import ParallelTasks

from . import unread
from .confine import OutsideRepository, refusal


@dataclass(frozen=True)
class Patch:
    """A private name replaced, and why."""

    owner: object  # module or class
    name: str
    parameters: tuple[str, ...] | None  # the signature it must still have, or None
    why: str

    def check(self) -> None:
        original = getattr(self.owner, self.name, None)
        label = f"{getattr(self.owner, '__name__', self.owner)}.{self.name}"
        if original is None:
            raise ImportError(f"blogarchive.patches: {label} is gone; {self.why} needs updating")
        if self.parameters is not None:
            found = tuple(inspect.signature(original).parameters)
            if found != self.parameters:
                raise ImportError(
                    f"blogarchive.patches: {label}{found} is not {self.parameters}; "
                    f"{self.why} needs updating"
                )


PATCHES = (
    Patch(
        sphinx_docutils,
        "_get_settings",
        ("components", "defaults", "read_config_files"),
        "one OptionParser per process",
    ),
    Patch(myst_base, "get_default_settings", ("components",), "one OptionParser per process"),
    Patch(myst_base, "yaml", None, "front matter read with libyaml"),
    Patch(myst_sphinx_parser, "read_topmatter", ("text",), "front matter without MyST's settings"),
    Patch(sphinx_html, "_file_checksum", ("outdir", "filename"), "checksums asked once"),
    Patch(sphinx_builders, "make_chunks", ("arguments", "nproc", "maxbatch"), "two chunks each"),
    Patch(BuildEnvironment, "relfn2path", ("self", "filename", "docname"), "confinement"),
    Patch(myst_base.DocutilsRenderer, "_render_tokens", ("self", "tokens"), "unread reported"),
    Patch(myst_base.DocutilsRenderer, "render_link", ("self", "token"), "links confined"),
    Patch(myst_base.DocutilsRenderer, "render_inline", ("self", "token"), "lines of words"),
    Patch(myst_base.DocutilsRenderer, "render_myst_role", ("self", "token"), "roles that fail"),
    Patch(
        myst_base.DocutilsRenderer,
        "run_directive",
        ("self", "name", "first_line", "content", "position", "additional_options", "block_text"),
        "directives that fail",
    ),
    Patch(
        sphinx_html.StandaloneHTMLBuilder,
        "handle_page",
        ("self", "pagename", "addctx", "templatename", "outfilename", "event_arg"),
        "pages written whole",
    ),
    Patch(sphinx_application.Sphinx, "_load_existing_env", ("self", "filename"), "preloaded"),
    Patch(ParallelTasks, "_process", ("self", "pipe", "func", "arg"), "workers' log records"),
    Patch(sphinx_builders.Builder, "_write_serial", ("self", "docnames"), "shared writing"),
    Patch(
        sphinx_builders, "_write_docname", ("docname", "env", "builder", "tags"), "shared writing"
    ),
)
for _patch in PATCHES:
    _patch.check()


def _unpatched(function):
    """The original of a function patched here, also when this module is
    loaded again after :func:`install` (its wrapper keeps it)."""
    return getattr(function, "__wrapped__", function)


# -- one OptionParser per process ----------------------------------------------
class _SettingsParsers:
    """One OptionParser per (components, defaults by identity, config files)."""

    def __init__(self):
        self._parsers: dict[tuple, tuple[dict, OptionParser]] = {}

    def defaults(self, components, defaults=None, read_config_files=False):
        defaults = dict(defaults or {})
        kinds = tuple(map(_kind, components))
        key = (kinds, read_config_files, tuple(sorted(defaults)))
        cached = self._parsers.get(key)
        if cached is None or any(cached[0][name] is not value for name, value in defaults.items()):
            # The same objects as before, or a parser of its own (a new build's env).
            with warnings.catch_warnings(action="ignore", category=DeprecationWarning):
                parser = OptionParser(
                    components=components, defaults=defaults, read_config_files=read_config_files
                )
            cached = self._parsers[key] = (defaults, parser)
        return cached[1].get_default_values()


#: What a docutils component's options are made of (docutils.SettingsSpec).
_SPEC = frozenset(
    {
        "settings_spec",
        "settings_defaults",
        "settings_default_overrides",
        "relative_path_settings",
        "config_section",
        "config_section_dependencies",
    }
)


def _kind(component):
    """A component by its class, unless the object has options of its own."""
    if isinstance(component, type) or _SPEC & getattr(component, "__dict__", {}).keys():
        return component
    return type(component)


_PARSERS = _SettingsParsers()


def _sphinx_get_settings(*components, defaults, read_config_files=False):
    return _PARSERS.defaults(components, defaults, read_config_files)


def _myst_get_default_settings(*components):
    return _PARSERS.defaults(components)


# -- front matter with libyaml -------------------------------------------------
class _LibYaml:
    """The ``yaml`` module as MyST sees it, ``safe_load`` by libyaml."""

    def __getattr__(self, name):
        return getattr(yaml, name)

    @staticmethod
    def safe_load(stream):
        return yaml.load(stream, Loader=yaml.CSafeLoader)


#: Front-matter keys by which MyST changes its own settings for one file: the
#: front-matter schema names them unknown and "ignored" (frontmatter.py), and
#: here they are, as a post's settings are the site's.  MyST had applied
#: them: ``html_meta`` put ``<meta http-equiv="refresh">`` to another site in
#: a page's head (in the preview, whose build goes on past warnings), and
#: ``myst: {enable_extensions: …}`` changed how one post's text is read.
MYST_SETTINGS = ("myst", "mystnb", "html_meta", "substitutions")


def _read_topmatter(text):
    """MyST 5's ``read_topmatter`` (myst_parser.config.main), with libyaml
    where PyYAML has it, and without MyST's settings (:data:`MYST_SETTINGS`)."""
    if isinstance(text, str):
        if not text.startswith("---"):
            return None
        text = iter(text.splitlines())
    try:
        if not next(text).startswith("---"):
            return None
    except StopIteration:
        return None
    top_matter = []
    for line in text:
        if line.startswith(("---", "...")):
            break
        top_matter.append(line.rstrip() + "\n")
    loader = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader
    try:
        metadata = yaml.load("".join(top_matter), Loader=loader)
    except YAML_LOAD_ERRORS as err:
        raise TopmatterReadError("Malformed YAML") from err
    if not isinstance(metadata, dict):
        raise TopmatterReadError(f"YAML is not a dict: {type(metadata)}")
    return {key: value for key, value in metadata.items() if key not in MYST_SETTINGS}


# -- static files' checksums ---------------------------------------------------
_FILE_CHECKSUM = _unpatched(sphinx_html._file_checksum)


@functools.cache
def _cached_file_checksum(outdir, filename):
    return _FILE_CHECKSUM(outdir, filename)


_cached_file_checksum.__wrapped__ = _FILE_CHECKSUM


# -- two chunks per process --------------------------------------------------------
def in_chunks(items, count: int) -> list:
    """``items`` in order, in at most ``count`` chunks of one size (the last
    shorter): for Sphinx's workers here and the archive's (incremental.py)."""
    size = max(1, -(-len(items) // max(count, 1)))
    return [items[i : i + size] for i in range(0, len(items), size)]


def _two_chunks_each(arguments, nproc, maxbatch=10):
    """Sphinx's ``make_chunks`` (``maxbatch`` unused): the documents in order,
    in two chunks per process, so that a slower chunk still leaves the
    other process work to share."""
    return in_chunks(arguments, 2 * max(nproc, 1))


# -- memory ------------------------------------------------------------------------
class _NoDoctrees(dict):
    """A ``_write_doc_doctree_cache`` that keeps nothing."""

    def __setitem__(self, docname, doctree) -> None:
        pass


def keep_no_doctree_objects(app, env, docnames) -> None:
    """``env-before-read-docs``: the doctrees read are not kept as objects."""
    if not isinstance(getattr(env, "_write_doc_doctree_cache", None), dict):
        raise ExtensionError(
            "blogarchive.patches: BuildEnvironment._write_doc_doctree_cache is gone; "
            "keep_no_doctree_objects needs updating"
        )
    env._write_doc_doctree_cache = _NoDoctrees()


def drop_doctree_pickles(app) -> list:
    """``html-collect-pages``, first: the pages of the documents are written,
    their doctrees' pickles need not stay in memory.  Yields no page."""
    cache = getattr(app.env, "_pickled_doctree_cache", None)
    if not isinstance(cache, dict):
        raise ExtensionError(
            "blogarchive.patches: BuildEnvironment._pickled_doctree_cache is gone; "
            "drop_doctree_pickles needs updating"
        )
    cache.clear()
    return []


# -- confinement -----------------------------------------------------------------
_RELFN2PATH = _unpatched(BuildEnvironment.relfn2path)


@functools.wraps(_RELFN2PATH)
def _confined_relfn2path(self, filename, docname=None):
    rel, absolute = _RELFN2PATH(self, filename, docname)
    why = refusal(absolute, self.srcdir, str(filename))
    if why:
        raise OutsideRepository(why)
    return rel, absolute


_RENDER_LINK = _unpatched(myst_base.DocutilsRenderer.render_link)


@functools.wraps(_RENDER_LINK)
def _render_link_confined(self, token):
    """A Markdown link to a path outside the repository (MyST looks for the
    file, to link it or publish it for download): an error at its line, the
    link's words kept as text; it stopped the build with a traceback."""
    try:
        _RENDER_LINK(self, token)
    except OutsideRepository as refused:
        self.reporter.error(f"link: {refused}", line=myst_base.token_line(token, 0) or None)
        self.render_children(token)


# -- a role or directive that fails on its text ------------------------------------
_RENDER_ROLE = _unpatched(myst_base.DocutilsRenderer.render_myst_role)
_RUN_DIRECTIVE = _unpatched(myst_base.DocutilsRenderer.run_directive)
#: Raised on purpose: docutils' halt, Sphinx's own errors (not a role's slip).
PASSED_ON = (SystemMessage, SphinxError)


@functools.wraps(_RENDER_ROLE)
def _render_role_failing_alone(self, token):
    """A role that fails on its text stopped the build with a traceback
    (Sphinx's ``{guilabel}`` on a last ``&``: IndexError): an error at its
    line now, the text kept as written."""
    try:
        _RENDER_ROLE(self, token)
    except PASSED_ON:
        raise
    except Exception as failed:  # (a role's own bug: any exception)
        name, text = token.meta["name"], token.content
        line = myst_base.token_line(token, 0) or None
        self.reporter.error(f"role: {{{name}}}`{text}` failed: {_failure(failed)}", line=line)
        self.current_node += nodes.literal(text, text)


@functools.wraps(_RUN_DIRECTIVE)
def _run_directive_failing_alone(self, name, first_line, content, position, *args, **kwargs):
    """A directive that fails on its text (any exception but the errors it
    raises on purpose, which MyST reports) stopped the build with a
    traceback: an error at its line now."""
    try:
        return _RUN_DIRECTIVE(self, name, first_line, content, position, *args, **kwargs)
    except PASSED_ON:
        raise
    except Exception as failed:  # (a directive's own bug: any exception)
        message = f"directive: {{{name}}} failed: {_failure(failed)}"
        return [self.reporter.error(message, nodes.literal_block(content, content), line=position)]


def _failure(failed: Exception) -> str:
    return f"{type(failed).__name__}: {failed}" if str(failed) else type(failed).__name__


# -- each of a paragraph's parts at its own line ----------------------------------
_RENDER_INLINE = _unpatched(myst_base.DocutilsRenderer.render_inline)


@functools.wraps(_RENDER_INLINE)
def _render_inline_at_lines(self, token):
    """MyST gives each part of a paragraph (a link, a role, a picture, raw
    HTML) the paragraph's first line, so a warning about one (an unknown
    document, a picture not there, a role mistyped) named a line the author
    had to search on from; here each has the line it is on."""
    inline = token.token
    if inline is not None and inline.map and inline.children:
        for line, child in unread.inline_lines(inline.children, inline.map[0]):
            child.map = [line, line + 1]
    _RENDER_INLINE(self, token)


# -- what MyST's reading hides ----------------------------------------------------
_RENDER_TOKENS = _unpatched(myst_base.DocutilsRenderer._render_tokens)


@functools.wraps(_RENDER_TOKENS)
def _render_tokens_reporting_unread(self, tokens):
    lines = unread.source_lines(self.document) if unread.has_table(tokens) else None
    found = unread.problems(tokens, self.md.options["maxNesting"], lines)
    if not getattr(self, "_blogarchive_definitions_checked", False):
        # The document's own tokens, rendered first (a directive's text is
        # rendered from within them): its link definitions and footnotes.
        self._blogarchive_definitions_checked = True
        found = sorted([*found, *unread.post_problems(tokens, getattr(self, "md_env", {}))])
    for line, problem in found:
        self.reporter.error(f"markdown: {problem}", line=line + 1)
    _RENDER_TOKENS(self, tokens)


# -- workers' log records ----------------------------------------------------------
_PROCESS = _unpatched(ParallelTasks._process)


@functools.wraps(_PROCESS)
def _process_making_shown_records(self, pipe, func, arg):
    """In the forked worker (the only place this runs): its Sphinx logger makes
    no record below the lowest level of the build's handlers, which it
    inherited (-v and -vv lower theirs, and so this)."""
    logger = logging.getLogger(sphinx_logging.NAMESPACE)
    shown = min((handler.level for handler in logger.handlers), default=logging.NOTSET)
    if shown > logger.level:
        logger.setLevel(shown)
    return _PROCESS(self, pipe, func, arg)


# -- documents written from both ends --------------------------------------------
#: Sphinx's own, even when this module is loaded again over its patch (tests).
_handle_page = getattr(
    sphinx_html.StandaloneHTMLBuilder.handle_page,
    "sphinx_original",
    sphinx_html.StandaloneHTMLBuilder.handle_page,
)


def _handle_page_whole(
    self, pagename, addctx, templatename="page.html", *, outfilename=None, event_arg=None
):
    """Sphinx's ``handle_page``, its page written to a file of its own beside
    its place, then moved over the old page: never seen half-written."""
    target = Path(outfilename) if outfilename else self.get_output_path(pagename)
    with written_whole(target) as scratch:
        _handle_page(self, pagename, addctx, templatename, outfilename=scratch, event_arg=event_arg)


@contextlib.contextmanager
def written_whole(path: Path):
    """A scratch file beside ``path`` to write, moved over ``path`` once written
    (if it was: not when Sphinx's rendering failed, which it warned of), so
    that no reader sees ``path`` half-written; removed if anything fails."""
    scratch = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        yield scratch
        if scratch.exists():
            os.replace(scratch, path)
    finally:
        scratch.unlink(missing_ok=True)


_handle_page_whole.sphinx_original = _handle_page


def write_serially(builder, documents) -> None:
    """Sphinx's serial writing (its progress, its warnings held back) of
    ``documents``, an iterable with a length (incremental.DocumentQueue): the
    class's method, which the builder's own attribute (incremental.py) hides."""
    type(builder)._write_serial(builder, documents)


def write_document(builder, docname: str) -> None:
    """One document resolved and written, as Sphinx's serial writing does."""
    sphinx_builders._write_docname(docname, env=builder.env, builder=builder, tags=builder.tags)


# -- the preview's environment, read while the author writes --------------------
#: The environment pickle read ahead (:func:`preload_environment`): its path,
#: the file's signature then, and what it held.
_PRELOADED: list[tuple[Path, tuple, object]] = []


def _signature(path: Path) -> tuple:
    stat = path.stat()
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def preload_environment(doctrees: Path) -> None:
    """Read the environment Sphinx pickled in ``doctrees`` now, for the next
    Sphinx of this process to be given (:func:`_load_preloaded_env`); nothing
    if it cannot be read (Sphinx then reads the file, and says why it fails)."""
    import pickle

    _PRELOADED.clear()
    path = Path(doctrees) / sphinx_application.ENV_PICKLE_FILENAME
    try:
        signature = _signature(path)
        with open(path, "rb") as file:
            environment = pickle.load(file)
        if _signature(path) == signature:  # not written while it was read
            _PRELOADED.append((path, signature, environment))
    except Exception:  # noqa: BLE001 - Sphinx reads it again, and reports
        pass
    sphinx_application.Sphinx._load_existing_env = _load_preloaded_env


def _load_preloaded_env(self, filename):
    """``Sphinx._load_existing_env``: the environment read ahead when the
    file is still the one read (once), else the file, as Sphinx reads it
    (and says why it could not)."""
    if _PRELOADED:
        path, signature, environment = _PRELOADED.pop()
        with contextlib.suppress(Exception):  # else read as Sphinx reads it
            if path == Path(filename) and _signature(path) == signature:
                environment.setup(self)
                self._fresh_env_used = False
                return environment
    return _SPHINX_LOAD_ENV(self, filename)


#: Sphinx's own (with its "loading pickled environment"), also when this module
#: is loaded again after a preview's worker replaced it.
_SPHINX_LOAD_ENV = sphinx_application.Sphinx._load_existing_env
_SPHINX_LOAD_ENV = getattr(_SPHINX_LOAD_ENV, "sphinx_original", _SPHINX_LOAD_ENV)
_load_preloaded_env.sphinx_original = _SPHINX_LOAD_ENV


def install() -> None:
    """Apply the patches (idempotent)."""
    sphinx_docutils._get_settings = _sphinx_get_settings
    myst_base.get_default_settings = _myst_get_default_settings
    if getattr(yaml, "__with_libyaml__", False):
        if myst_base.yaml is yaml:
            myst_base.yaml = _LibYaml()
    myst_sphinx_parser.read_topmatter = _read_topmatter
    sphinx_html._file_checksum = _cached_file_checksum
    sphinx_builders.make_chunks = _two_chunks_each
    BuildEnvironment.relfn2path = _confined_relfn2path
    myst_base.DocutilsRenderer.render_link = _render_link_confined
    myst_base.DocutilsRenderer.render_inline = _render_inline_at_lines
    myst_base.DocutilsRenderer.render_myst_role = _render_role_failing_alone
    myst_base.DocutilsRenderer.run_directive = _run_directive_failing_alone
    myst_base.DocutilsRenderer._render_tokens = _render_tokens_reporting_unread
    ParallelTasks._process = _process_making_shown_records
    sphinx_html.StandaloneHTMLBuilder.handle_page = _handle_page_whole


def in_force() -> dict[str, bool]:
    """Which patches are applied (tests/test_patches.py)."""
    libyaml = getattr(yaml, "__with_libyaml__", False)
    return {
        "sphinx _get_settings": sphinx_docutils._get_settings is _sphinx_get_settings,
        "myst get_default_settings": myst_base.get_default_settings is _myst_get_default_settings,
        "myst yaml": not libyaml or isinstance(myst_base.yaml, _LibYaml),
        "myst read_topmatter": myst_sphinx_parser.read_topmatter is _read_topmatter,
        "static file checksums": sphinx_html._file_checksum is _cached_file_checksum,
        "two chunks each": sphinx_builders.make_chunks is _two_chunks_each,
        "relfn2path": BuildEnvironment.relfn2path is _confined_relfn2path,
        "links confined": myst_base.DocutilsRenderer.render_link is _render_link_confined,
        "lines of words": myst_base.DocutilsRenderer.render_inline is _render_inline_at_lines,
        "roles that fail": myst_base.DocutilsRenderer.render_myst_role
        is _render_role_failing_alone,
        "directives that fail": myst_base.DocutilsRenderer.run_directive
        is _run_directive_failing_alone,
        "unread reported": myst_base.DocutilsRenderer._render_tokens
        is _render_tokens_reporting_unread,
        "workers' log records": ParallelTasks._process is _process_making_shown_records,
        "pages written whole": sphinx_html.StandaloneHTMLBuilder.handle_page is _handle_page_whole,
    }
