"""The build's side of ``blog links`` (linkcheck.py): "(archived copy)" beside
each dead link that the Internet Archive has a snapshot of.

The build reads only the committed ``links.yaml`` (``blog_links_file``),
never the network.  Each document notes the external addresses it links and
the copies it was given; when ``links.yaml`` changes, only the documents whose
links' copies changed are read again (:func:`links_changed`).
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .frontmatter import Unreadable, is_web_address, read_plain
from .state import archive_data, build_state, no_longer_holds

logger = logging.getLogger(__name__)

LINKS_FILE = "links.yaml"
ARCHIVE_API = "https://archive.org/wayback/available"  # blog links --archive-api
#: Statuses whose links get an archived copy looked up and shown.
GONE = frozenset({"dead", "unreachable"})


def load(path: Path) -> dict[str, dict]:
    """``links.yaml``'s records by address ({} when there is none); raises
    frontmatter.Unreadable, naming the line, when it cannot be read."""
    data = read_plain(path)
    if not data or data == {"links": None}:  # none, or none yet
        return {}
    links = data.get("links") if isinstance(data, dict) else None
    if not isinstance(links, dict):
        raise Unreadable(path, 1, "it holds no 'links:' mapping of addresses to records")
    return {str(k): v for k, v in links.items() if isinstance(v, dict)}


def archived_copies(records: dict[str, dict]) -> dict[str, str]:
    """Address -> archived copy, for each gone link that has one (an http(s) address)."""
    copies = {}
    for url, record in records.items():
        copy = record.get("archived")
        if record.get("status") in GONE and isinstance(copy, str):
            if is_web_address(copy):  # (links.yaml's: the archive's answer, or an edit)
                copies[url] = copy
    return copies


def load_copies(app) -> None:
    """``builder-inited``: the archived copies, read once per build."""
    path = Path(app.srcdir, app.config.blog_links_file)
    try:
        records = load(path)
    except Unreadable as exc:
        logger.error("links: %s", exc.why, location=f"{exc.path}:{exc.line}", type="blogarchive")
        records = {}
    build_state(app.config).archived_copies = archived_copies(records)


def _copies(config) -> dict[str, str]:
    return build_state(config).archived_copies or {}


class ShowArchivedCopies(SphinxTransform):
    """Beside each link to a gone page: " (archived copy)", linking the snapshot."""

    default_priority = 880

    def apply(self, **kwargs) -> None:
        copies = _copies(self.config)
        seen = {}
        for ref in list(self.document.findall(nodes.reference)):
            url = ref.get("refuri", "")
            if not is_web_address(url) or "archived-copy" in ref["classes"]:
                continue
            seen[url] = copies.get(url)
            if seen[url] and isinstance(ref.parent, nodes.TextElement):
                copy = nodes.reference("", "archived copy", refuri=seen[url])
                copy["classes"].append("archived-copy")
                note = nodes.inline("", "", classes=["archived-note"])
                note += [nodes.Text(" ("), copy, nodes.Text(")")]
                ref.parent.insert(ref.parent.index(ref) + 1, note)
        data = archive_data(self.env)["links"]
        if seen:
            data[self.env.docname] = seen
        else:
            data.pop(self.env.docname, None)


def links_changed(app, env, added, changed, removed) -> list[str]:
    """``env-get-outdated``: documents whose links' archived copies changed."""
    copies = _copies(app.config)
    return no_longer_holds(
        env,
        "links",
        changed,
        lambda docname, seen: any(copies.get(url) != copy for url, copy in seen.items()),
    )
