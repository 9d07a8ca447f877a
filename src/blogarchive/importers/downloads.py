"""A blog's download as a zip (Google Takeout's, in parts; WordPress.com's
export), unpacked into the build folder for ``blog import`` to read as the
folder it holds (cli.py).

The zip comes from elsewhere: nothing in it is written outside the folder it
unpacks into.  A member named outside it (``../x``, ``/etc/x``, ``C:x``) is
refused, with its name, before anything is written (Python's own
``ZipFile.extract`` would rename it quietly); one that would not fit on the
disk (a zip's sizes are checked as it is read: no member grows beyond the size
it declares) is refused too.  The folder is made afresh each time: what an
earlier download left in it is not read again.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path, PurePosixPath

#: Where, in the repository's build folder, a download is unpacked.
UNPACKED = Path("_build") / "unpacked"


def unpack(archives: list[Path], root: Path) -> Path | str:
    """``archives`` (the parts of one download) unpacked together into one
    folder of ``root``'s build folder, named after the first: that folder,
    or why not, naming the zip (``file:1: ...``)."""
    folder = root / UNPACKED / archives[0].stem
    problems = [f"{archive}:1: {problem}" for archive in archives if (problem := _unsafe(archive))]
    if problems:
        return problems[0]
    needed = sum(_size(archive) for archive in archives)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    free = shutil.disk_usage(folder).free
    if needed > free:
        return (
            f"{archives[0]}:1: would take {_amount(needed)} unpacked, more than the"
            f" {_amount(free)} free beside the repository"
        )
    for archive in archives:
        with zipfile.ZipFile(archive) as zipped:
            for member in zipped.infolist():
                if member.is_dir():
                    continue
                target = folder.joinpath(*_parts(member.filename))
                target.parent.mkdir(parents=True, exist_ok=True)
                with zipped.open(member) as source, target.open("wb") as written:
                    shutil.copyfileobj(source, written)
    return folder


def _parts(name: str) -> tuple[str, ...]:
    """A member's name as the folders and file it names (either slash)."""
    return PurePosixPath(name.replace("\\", "/")).parts


def _unsafe(archive: Path) -> str | None:
    """Why ``archive`` may not be unpacked: a member named outside its folder."""
    with zipfile.ZipFile(archive) as zipped:
        for member in zipped.infolist():
            parts = _parts(member.filename)
            if not parts or parts[0] == "/" or ".." in parts or ":" in parts[0]:
                return f"holds {member.filename!r}, a name outside the folder it unpacks into"
    return None


def _size(archive: Path) -> int:
    with zipfile.ZipFile(archive) as zipped:
        return sum(member.file_size for member in zipped.infolist())


def _amount(size: int) -> str:
    return f"{size / 1e9:.1f} GB" if size >= 1e9 else f"{size / 1e6:.1f} MB"
