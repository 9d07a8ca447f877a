"""Pictures and files kept with the posts: an archive loads nothing from the old host (issue 13).

Every picture and file an imported post uses (images, the full-size picture
behind a thumbnail, ``srcset`` candidates, attachments) is downloaded — or
taken from a folder (``--media-from``: a Takeout archive, an earlier download),
or for a picture pasted into the post (a ``data:`` address) written out —
into the folder beside the post, ``posts/<YYYY>/<slug>/``, named after the
file it was (a clash gets a suffix from its address), and the post is
rewritten to the local copy.  ``media.yaml`` in that folder records each
file's original address, so a second import downloads nothing it has.

Downloads are bounded: a timeout, a size limit, a content-type check (pictures,
sound, video, documents), a few at a time, retried on a network error or a
server's 5xx.  One that still fails keeps its original address in the post,
as a plain link marked "not archived" (never an image loaded from the old
host), and is listed in the import report.  A progress bar (tqdm) shows on a
terminal.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import ipaddress
import re
import shutil
import socket
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from slugify import slugify
from tqdm import tqdm

from ..frontmatter import Unreadable, read_plain
from ..links import MEDIA_RECORD
from .records import ImportError_

#: What a post's media may be; anything else (an HTML error page) is refused.
TYPES = re.compile(
    r"^(image/|audio/|video/|application/(pdf|msword|rtf|zip|octet-stream|vnd\.)|text/(plain|csv))"
)
#: What a kept file may be named: kinds a browser shows, plays or downloads.
#: Not one it runs as a page of the site (an SVG or an HTML page, opened from
#: the archive, runs its script there; a web server names its type by the
#: name), whatever type the old host said it was: a list of what may be kept,
#: not of what may not (a kind no one thought of stays out).
KEPT_EXTENSIONS = frozenset(
    "jpg jpeg jpe png gif webp avif bmp tif tiff ico heic"
    " mp3 m4a ogg oga opus wav flac aac mp4 m4v webm ogv mov avi wmv wma 3gp"
    " pdf doc docx xls xlsx ppt pptx pps ppsx odt ods odp rtf txt csv zip".split()
)
#: Names of files a browser runs as a page or a program, said so in the report.
RUNS = re.compile(r"^(svgz?|s?html?|xhtml?|xht|xml|xsl|mjs|js|swf|wasm)$")
#: Types a browser runs as a page (a name without a kind is kept by its type):
#: SVG, HTML, XML (which can hold either) and script.
ACTIVE_TYPES = re.compile(r"(^|/|\+)(svg|xml|html|xhtml)(\+xml)?$|javascript|ecmascript", re.I)


@dataclass(frozen=True)
class Fetched:
    url: str
    name: str | None  # the file's name in the post's folder, or None when it failed
    error: str = ""


@dataclass
class Mirror:
    """Downloads (or copies from ``media_from``) each post's media beside it."""

    media_from: Path | None = None
    timeout: float = 20.0
    max_bytes: int = 50 * 1024 * 1024
    workers: int = 4
    retries: int = 2
    #: Whether addresses on this machine or a local network may be fetched
    #: (``--local-network``: an intranet blog).  By default they are not: an
    #: export naming ``http://169.254.169.254/...`` as a picture would have
    #: the import fetch a cloud machine's credentials and publish them.
    local_network: bool = False

    def __post_init__(self):
        self._opener = urllib.request.build_opener(_Redirects(self.local_network))
        self._local: dict[str, Path] = {}
        if self.media_from is not None:
            for path in sorted(Path(self.media_from).rglob("*")):
                if path.is_file():
                    self._local.setdefault(path.name, path)

    def keep(self, jobs: list[tuple[Path, list[str]]]) -> dict[Path, list[Fetched]]:
        """``jobs``: (the post's folder, its media addresses).  What became of each."""
        plans = [(folder, url, name) for folder, urls in jobs for url, name in names(folder, urls)]
        results: dict[Path, list[Fetched]] = {folder: [] for folder, _ in jobs}
        with (
            ThreadPoolExecutor(max_workers=self.workers) as pool,
            tqdm(total=len(plans), desc="media", unit="file", disable=None) as bar,
        ):
            futures = [
                (folder, pool.submit(self._one, folder, url, name)) for folder, url, name in plans
            ]
            for folder, future in futures:
                results[folder].append(future.result())
                bar.update()
        for folder, fetched in results.items():
            record = {f.name: source(f.url) for f in fetched if f.name}
            if record:
                _save_sources(folder, record)
        return results

    def _one(self, folder: Path, url: str, name: str) -> Fetched:
        extension = name.rpartition(".")[2] if "." in name else ""
        if extension and extension not in KEPT_EXTENSIONS:
            why = "can run script" if RUNS.match(extension) else "is no picture, sound or document"
            return Fetched(url, None, f"a .{extension} file {why}: not kept")
        target = folder / name
        if target.exists() and _sources(folder).get(name) == source(url):
            return Fetched(url, name)  # kept by an earlier import
        if url.startswith("data:"):
            return self._pasted(folder, url, name)
        local = self._local.get(unquote(urlsplit(url).path.rsplit("/", 1)[-1]))
        if local is not None:
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(local, target)
            return Fetched(url, name)
        error = ""
        for attempt in range(self.retries + 1):
            try:
                data = self._download(url)
            except _Retry as exc:
                error = str(exc)
                time.sleep(0.2 * (attempt + 1))
                continue
            except _Refused as exc:
                return Fetched(url, None, str(exc))
            _keep(folder, name, data)
            return Fetched(url, name)
        return Fetched(url, None, error)

    def _pasted(self, folder: Path, url: str, name: str) -> Fetched:
        """A picture pasted into the post (a ``data:`` address, links.PASTED),
        written out beside it as any other: the post's text stays small."""
        try:
            data = base64.b64decode(url.partition(",")[2], validate=True)
        except binascii.Error as exc:
            return Fetched(url, None, f"not base64: {exc}")
        if len(data) > self.max_bytes:
            return Fetched(url, None, f"larger than {self.max_bytes // (1024 * 1024)} MB")
        _keep(folder, name, data)
        return Fetched(url, name)

    def _download(self, url: str) -> bytes:
        request = urllib.request.Request(url, headers={"User-Agent": "blogarchive-import"})
        try:
            if not self.local_network:
                _refuse_local(url)
            with self._opener.open(request, timeout=self.timeout) as response:
                kind = response.headers.get_content_type()
                if not TYPES.match(kind) or ACTIVE_TYPES.search(kind):
                    raise _Refused(f"not a picture or file ({kind})")
                data = response.read(self.max_bytes + 1)
        except urllib.error.HTTPError as exc:
            if exc.code >= 500:
                raise _Retry(f"HTTP {exc.code}") from exc
            raise _Refused(f"HTTP {exc.code}") from exc
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            raise _Retry(f"network: {getattr(exc, 'reason', exc)}") from exc
        if len(data) > self.max_bytes:
            raise _Refused(f"larger than {self.max_bytes // (1024 * 1024)} MB")
        return data


def _keep(folder: Path, name: str, data: bytes) -> None:
    """``data`` as ``folder/name``, written whole (a scratch file, moved over it)."""
    folder.mkdir(parents=True, exist_ok=True)
    scratch = folder / f".{name}.part"
    scratch.write_bytes(data)
    scratch.replace(folder / name)


def _refuse_local(url: str) -> None:
    """Refuse an address that is on this machine or a local network, whatever
    its name resolves to (every address it has must be a public one)."""
    try:
        local = on_local_network(url)
    except (socket.gaierror, UnicodeError) as exc:
        raise _Retry(f"network: {exc}") from exc
    if local:
        raise _Refused("on this machine or a local network (--local-network fetches it)")


def on_local_network(url: str) -> bool:
    """Whether any address ``url``'s host has is on this machine or a local
    network (not a public one).  Raises socket.gaierror for a name with none."""
    parts = urlsplit(url)
    found = socket.getaddrinfo(parts.hostname or "", parts.port or 80, type=socket.SOCK_STREAM)
    return any(not ipaddress.ip_address(a[0].split("%", 1)[0]).is_global for *_, a in found)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects followed only to an address that may be fetched: a public
    picture host's redirect to a local address is refused as that address is."""

    def __init__(self, local_network: bool):
        super().__init__()
        self.local_network = local_network

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise _Refused(f"redirected to {urlsplit(newurl).scheme or 'a relative'} address")
        if not self.local_network:
            _refuse_local(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Retry(Exception):
    pass


class _Refused(Exception):
    pass


def names(folder: Path, urls: list[str]) -> list[tuple[str, str]]:
    """A stable file name for each address: its own name, made safe; a suffix
    from the address when two differ only there (Blogger's s320 and s1600)."""
    taken = {name: url for name, url in _sources(folder).items()}
    out = []
    for url in urls:
        if url.startswith("data:"):  # a pasted picture: named by what it holds
            kind = url[11 : url.index(";")].lower()
            name = f"pasted-{_digest(url)}.{'jpg' if kind == 'jpeg' else kind}"
            taken[name] = source(url)
            out.append((url, name))
            continue
        path = unquote(urlsplit(url).path)
        stem, dot, ext = path.rsplit("/", 1)[-1].rpartition(".")
        if not dot:
            stem, ext = ext, ""
        base = slugify(stem) or "file"
        ext = re.sub(r"[^a-z0-9]", "", ext.lower())[:5]
        name = f"{base}.{ext}" if ext else base
        if taken.get(name, url) != url:
            digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:6]
            name = f"{base}-{digest}.{ext}" if ext else f"{base}-{digest}"
        taken[name] = url
        out.append((url, name))
    return out


def _digest(url: str) -> str:
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]


def source(url: str) -> str:
    """Where a file came from, as media.yaml records it: its address; for a
    pasted picture (megabytes of ``data:``), what it was and its digest."""
    if url.startswith("data:"):
        return f"pasted into the post ({url[5 : url.index(';')]}, sha1 {_digest(url)})"
    return url


def _sources(folder: Path) -> dict[str, str]:
    """The folder's record of where its files came from ({} if none).  One that
    cannot be read stops the import before anything is fetched (ImportError_):
    read as none, it was written over, and a picture of another address
    could take a kept file's name."""
    try:
        data = read_plain(folder / MEDIA_RECORD)
    except Unreadable as exc:
        raise ImportError_(exc.path, exc.line, exc.why) from exc
    return data if isinstance(data, dict) else {}


def _save_sources(folder: Path, record: dict[str, str]) -> None:
    merged = {**_sources(folder), **record}
    text = "# Where each file of this post came from (blog import)\n" + yaml.safe_dump(
        dict(sorted(merged.items())), allow_unicode=True, width=10_000
    )
    (folder / MEDIA_RECORD).write_text(text, encoding="utf-8")


def rewrite(body: str, folder_name: str, fetched: list[Fetched]) -> tuple[str, list[str]]:
    """The post's Markdown pointing at the kept copies; a picture that could not
    be kept becomes a link marked "not archived" (nothing loads from the old
    host), or, in a link to a larger copy that was kept, that copy.  Returns
    the text and notes for the import report."""
    notes = []
    kept = {item.url for item in fetched if item.name}
    for item in fetched:  # first the lost, by the addresses as written: a link's may be kept
        if not item.name and not item.url.startswith("data:"):
            notes.append(f"not archived: {item.url} ({item.error})")
            body = _unarchived(body, item.url, kept)
    for item in fetched:
        if item.url.startswith("data:"):  # a pasted picture: where it was, or left inline
            if item.name:
                body = body.replace(item.url, f"{folder_name}/{item.name}")  # unique: megabytes
            else:
                notes.append(f"left as is: a pasted picture, inline ({item.error})")
        elif item.name:
            at = re.escape(item.url) + r"(?=[)\s>\"])"
            body = re.sub(r"<" + at + r">", f"{folder_name}/{item.name}", body)
            body = re.sub(at, f"{folder_name}/{item.name}", body)
    return body, notes


def _unarchived(body: str, url: str, kept: set[str]) -> str:
    """``body`` with the picture at ``url``, which could not be kept, as a
    link marked "not archived"; its title and its place beside the words
    (html.py's attributes) gone with it.  In a link (Blogger's picture, a
    link to its larger copy) it is that link, marked; or the larger copy,
    where that was kept.  (A link in the link showed brackets and an address.)"""
    picture = r"!\[([^\]]*)\]\(<?" + re.escape(url) + r'>?(?:\s+"(?:[^"\\]|\\.)*")?\)(\{[^}\n]*\})?'

    def linked(match: re.Match) -> str:
        alt, placed, target = match.group(1), match.group(2) or "", match.group(3)
        if target.strip("<>") in kept:
            return f"[![{alt}]({target}){placed}]({target}"
        return f"[{alt or 'picture'} (not archived)]({target}"

    body = re.sub(r"\[" + picture + r"\]\((<?[^)\s>]+>?)", linked, body)
    body = re.sub(picture, lambda m: f"[{m.group(1) or 'picture'} (not archived)]({url})", body)
    return re.sub(
        r"```\{figure\} <?" + re.escape(url) + r">?(?=[\s])[^\n]*\n(.*?)```",
        lambda m: _unarchived_figure(url, m.group(1)),
        body,
        flags=re.S,
    )


def _unarchived_figure(url: str, inside: str) -> str:
    """A figure whose picture could not be kept: a marked link, its caption kept."""
    options, _, caption = inside.partition("\n\n")
    alt = next((line[6:] for line in options.splitlines() if line.startswith(":alt: ")), "")
    return f"[{alt or 'Picture'} (not archived)]({url})\n\n{caption.strip()}\n"
