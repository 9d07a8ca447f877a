"""Dead links answered by archived copies (issue 16): ``blog links``.

``blog links`` checks every external link of every post and page and records
what it found in ``links.yaml``, committed with the posts: for each address
its status (``ok``, ``redirected``, ``dead``, ``unreachable``, ``refused``;
``local``, a link to this machine or its local network, not asked),
the HTTP code, the day it was checked and, for a link that no longer answers,
the Internet Archive's snapshot closest to the post's date (its
availability API, whose address is a setting: ``--archive-api``,
``BLOG_ARCHIVE_API``).  The build reads only that file, never the network:
beside a dead link with a snapshot the site shows "(archived copy)"
(archived.py).

Requests go through ``requests`` with urllib3's retries (connection errors,
timeouts, 429 and 5xx answers, with back-off), a few at a time, and never
faster than one every ``--per-host`` seconds to one host (our own small
limiter: neither library has one).  A progress bar (tqdm) shows on a terminal.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import re
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import requests
import yaml
from markdown_it import MarkdownIt
from requests.adapters import HTTPAdapter
from tqdm import tqdm
from urllib3.util.retry import Retry

from .archived import ARCHIVE_API, GONE, LINKS_FILE, load
from .frontmatter import FRONT_MATTER, is_web_address, load_plain, split_address
from .importers.media import on_local_network

__all__ = ["LINKS_FILE", "Checker", "collect_links", "load", "save", "summary"]

USER_AGENT = "blogarchive-linkcheck/1 (a blog archive checking its links)"
#: Answers that say "not for robots", not "gone": the link is left as it is.
REFUSED_CODES = frozenset({401, 403, 429})

HEADER = """\
# The external links of every post and page, as `blog links` last found them
# (issue 16). Written by `blog links`; the build reads it and never the network.
# status: ok, redirected (to: where), dead, unreachable (no answer), refused
# (401/403/429: not for robots), local (this machine or its network: not asked);
# archived: the Internet Archive's snapshot closest to the post's date, shown
# beside a dead link as "(archived copy)".
"""


# -- The links posts make ---------------------------------------------------------


@dataclass
class Link:
    url: str
    posts: set[str] = field(default_factory=set)  # source paths, relative to the repository
    date: dt.date | None = None  # the earliest post's: what the archived copy should be near


_MARKDOWN = MarkdownIt("commonmark")  # one parser for every post
_HTML_HREF = re.compile(r"""\bhref\s*=\s*["']([^"']+)["']""", re.I)


def _hrefs(markdown: str) -> Iterable[str]:
    """The addresses a post links: Markdown links and autolinks, ``<a href>`` in
    raw HTML, and the same inside directives (``{note}``, ``{update}``...)."""
    for token in _MARKDOWN.parse(markdown):
        if token.type == "fence" and token.info.startswith("{"):
            yield from _hrefs(token.content)
        elif token.type == "html_block":
            yield from (html.unescape(h) for h in _HTML_HREF.findall(token.content))
        for child in token.children or ():
            if child.type == "link_open":
                yield str(child.attrGet("href") or "")
            elif child.type == "html_inline":
                yield from (html.unescape(h) for h in _HTML_HREF.findall(child.content))


def _post_date(front: str) -> dt.date | None:
    try:
        data = load_plain(front) or {}
    except yaml.YAMLError:
        return None
    value = data.get("date") if isinstance(data, dict) else None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def collect_links(root: Path, folders: Iterable[str] = ("posts", "pages")) -> dict[str, Link]:
    """Every http(s) link of every post and page under ``root``, by address."""
    links: dict[str, Link] = {}
    for folder in folders:
        for path in sorted((root / folder).rglob("*.md")):
            text = path.read_text(encoding="utf-8", errors="replace").removeprefix("\ufeff")
            match = FRONT_MATTER.match(text)
            date = _post_date(match.group(1) or "") if match else None
            for href in _hrefs(text[match.end() :] if match else text):
                if not is_web_address(href):  # (nor "http://[oops/", which none can read)
                    continue
                link = links.setdefault(href, Link(href))
                link.posts.add(path.relative_to(root).as_posix())
                if date and (link.date is None or date < link.date):
                    link.date = date
    return links


# -- Checking them ----------------------------------------------------------------


class HostPacer:
    """One request at a time to each host, begun ``interval`` seconds after
    the last one's answer: spaced as the host sees them.  (Slots counted from
    when each request was to start let a thread woken late send its request
    close to the next one's: 0.24 s apart at an interval of 0.3, seen by the
    test's server.)  An interval of 0 paces nothing."""

    def __init__(self, interval: float):
        self.interval = interval
        self._turns: dict[str, threading.Lock] = {}  # each host's
        self._after: dict[str, float] = {}  # each host's next request, not before
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def turn(self, url: str):
        if self.interval <= 0:
            yield
            return
        host = getattr(split_address(url), "netloc", "").lower()
        with self._lock:
            turn = self._turns.setdefault(host, threading.Lock())
        with turn:  # _after[host] is read and written holding it alone
            time.sleep(max(0.0, self._after.get(host, 0.0) - time.monotonic()))
            try:
                yield
            finally:
                self._after[host] = time.monotonic() + self.interval


class LocalAddress(requests.exceptions.RequestException):
    """A link (or where it redirects) to this machine or a local network."""


class _PublicOnly(HTTPAdapter):
    """Sends a request, and each of its redirects', only to a public address:
    a post's link to this machine or its local network (a router's page, a
    cloud machine's credentials at 169.254.169.254, named in an imported post)
    is not requested, as the importer fetches no picture there: a request can
    change what it names, and an export is untrusted."""

    def send(self, request, *args, **kwargs):
        try:
            local = on_local_network(request.url)
        except (OSError, UnicodeError):
            local = False  # (no address: requests says so, as it would)
        if local:
            raise LocalAddress(request=request)
        return super().send(request, *args, **kwargs)


def _session(retries: int, public_only: bool = False) -> requests.Session:
    session = requests.Session()
    retry = Retry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        backoff_factor=0.2,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=None,
        raise_on_status=False,
        respect_retry_after_header=False,
    )
    adapter = (_PublicOnly if public_only else HTTPAdapter)(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = USER_AGENT
    return session


@dataclass
class Checker:
    archive_api: str = ARCHIVE_API
    timeout: float = 10.0
    retries: int = 2
    per_host: float = 1.0  # seconds between an answer from a host and the next request
    workers: int = 8
    today: dt.date = field(default_factory=dt.date.today)
    #: Links to this machine or its local network checked too (an intranet blog's).
    local_network: bool = False

    def __post_init__(self):
        self.pacer = HostPacer(self.per_host)
        self._local = threading.local()

    def session(self, kind: str) -> requests.Session:
        """This thread's session (Session is not thread-safe) for the posts'
        links, or for the archive (a setting's address, wherever it is)."""
        if not hasattr(self._local, kind):
            public_only = kind == "links" and not self.local_network
            setattr(self._local, kind, _session(self.retries, public_only))
        return getattr(self._local, kind)

    def _get(self, url: str, kind: str = "links", **kwargs) -> requests.Response:
        with self.pacer.turn(url):  # until the answer's headers (redirects followed)
            return self.session(kind).get(url, timeout=self.timeout, stream=True, **kwargs)

    def check(self, link: Link, before: dict | None) -> dict:
        """One link's record: what it answers now, and an archived copy if it is gone."""
        record: dict = {"status": "ok", "checked": self.today}
        try:
            response = self._get(link.url, allow_redirects=True)
            response.close()
        except LocalAddress:
            record["status"] = "local"
            record["error"] = "on this machine or a local network: not asked (--local-network)"
        except requests.exceptions.RequestException as error:
            record["status"] = "unreachable"
            record["error"] = _reason(error)
        else:
            record["code"] = response.status_code
            if response.status_code in REFUSED_CODES:
                record["status"] = "refused"
            elif response.status_code >= 400:
                record["status"] = "dead"
            elif response.history:
                record["status"] = "redirected"
                record["to"] = response.url
        if record["status"] in GONE:
            archived = self.snapshot(link) or (before or {}).get("archived")
            if archived:
                record["archived"] = archived
        return record

    def snapshot(self, link: Link) -> str | None:
        """The Internet Archive's snapshot closest to the post's date, if any."""
        params = {"url": link.url}
        if link.date:
            params["timestamp"] = link.date.strftime("%Y%m%d")
        try:
            response = self._get(self.archive_api, "archive", params=params)
            closest = response.json().get("archived_snapshots", {}).get("closest") or {}
        except (requests.exceptions.RequestException, ValueError, AttributeError):
            return None
        url = closest.get("url") if closest.get("available") else None
        if not isinstance(url, str) or not is_web_address(url):  # (the archive's answer)
            return None
        return url.replace("http://web.archive.org/", "https://web.archive.org/", 1)

    def run(self, links: dict[str, Link], before: dict) -> dict[str, dict]:
        ordered = sorted(links)
        with (
            ThreadPoolExecutor(max_workers=self.workers) as pool,
            tqdm(total=len(ordered), desc="links", unit="link", disable=None) as bar,
        ):
            futures = {url: pool.submit(self.check, links[url], before.get(url)) for url in ordered}
            results = {}
            for url in ordered:
                results[url] = futures[url].result()
                bar.update()
        return results


def _reason(error: Exception) -> str:
    if isinstance(error, requests.exceptions.Timeout) or "timed out" in str(error).lower():
        return "timed out"
    if isinstance(error, requests.exceptions.ConnectionError):
        return "no connection"
    return type(error).__name__


# -- The committed file -----------------------------------------------------------


_FIELDS = ("status", "code", "to", "error", "archived", "checked")


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:  # one date shared by every record: no &id001
        return True


def save(path: Path, records: dict[str, dict]) -> None:
    """Write ``links.yaml``: addresses sorted, each record's fields in one order
    (a run's pull request shows only what changed)."""
    ordered = {
        url: {key: records[url][key] for key in _FIELDS if key in records[url]}
        for url in sorted(records)
    }
    body = yaml.dump(
        {"links": ordered}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000
    )
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(HEADER + body, encoding="utf-8")
    tmp.replace(path)


def summary(before: dict[str, dict], after: dict[str, dict]) -> list[str]:
    """What changed since the last run, one line per link whose status did."""
    lines = []
    for url in sorted(set(before) | set(after)):
        old = (before.get(url) or {}).get("status")
        new = (after.get(url) or {}).get("status")
        if old != new:
            lines.append(f"{old or 'new'} -> {new or 'no longer linked'}: {url}")
    return lines
