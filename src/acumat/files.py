"""Files and folders acumat creates: readable by their owner only, and written whole.

Every file acumat writes (the database, exports, backups, the copies a restore keeps)
is created with mode 0600 and every folder with 0700, whatever the umask, so other
accounts on the computer can read none of them. A file is written under a hidden
partial name and moved into place, so a crash never leaves half a file under the name
asked for.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def make_private_folder(path: Path) -> None:
    """Create ``path`` and any missing parents, each with mode 0700; existing ones stay."""
    missing = []
    for folder in (path, *path.parents):
        if folder.exists():
            break
        missing.append(folder)
    for folder in reversed(missing):
        folder.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
        folder.chmod(PRIVATE_FOLDER)


def create_private_file(path: Path) -> None:
    """Make ``path``'s folder (0700) and the empty file (0600) unless they exist.

    SQLite gives its WAL and shared-memory files the database file's permissions, so other
    accounts on the computer can read none of them. A database file made before acumat
    created them private is made private when it is next opened.
    """
    make_private_folder(path.parent)
    if not path.exists():
        os.close(_open_private(path, os.O_CREAT | os.O_WRONLY))
        return
    for existing in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if existing.is_file() and existing.stat().st_mode & 0o077:
            with contextlib.suppress(OSError):  # not ours to change: leave it as it is
                existing.chmod(0o600)


def new_private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600, replacing any leftover file of that name."""
    path.unlink(missing_ok=True)
    os.close(_open_private(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY))


def copy_private(source: Path, target: Path) -> None:
    """Copy ``source``'s bytes to a new file ``target`` with mode 0600."""
    new_private_file(target)
    shutil.copyfile(source, target)


def partial_name(target: Path) -> Path:
    """The hidden name a file is written under before it is moved to ``target``."""
    return target.with_name(f".{target.name}.partial")


def write_whole(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` (mode 0600) through a partial file, then move it in place."""
    partial = partial_name(target)
    partial.unlink(missing_ok=True)
    descriptor = _open_private(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, target)


def read_text_file(path: Path, field: str, max_bytes: int) -> str:
    """The whole text of a small UTF-8 file (a byte-order mark is fine), for a command that
    reads one; anything else is :class:`~acumat.errors.InvalidInput` on ``field`` saying
    what is wrong and what to do: no such file, a folder, too big, unreadable, not UTF-8."""
    from acumat.errors import InvalidInput

    try:
        if path.is_dir():
            raise InvalidInput.single(field, f"{path} is a folder; name the file in it")
        if path.stat().st_size > max_bytes:
            raise InvalidInput.single(field, f"{path} is larger than {_size(max_bytes)}")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput.single(field, f"there is no file at {path}; check the name") from None
    except OSError as exc:
        reason = exc.strerror or "it cannot be read"
        raise InvalidInput.single(field, f"{path} cannot be read ({reason})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        message = f"{path} is not UTF-8 text; save it as UTF-8 and try again"
        raise InvalidInput.single(field, message) from None


def _size(size: int) -> str:
    """``size`` bytes in the largest whole unit: 262144 → "256 KB"."""
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= factor:
            return f"{size // factor} {unit}"
    return f"{size} bytes"


def _open_private(path: Path, flags: int) -> int:
    descriptor = os.open(path, flags, PRIVATE_FILE)
    os.fchmod(descriptor, PRIVATE_FILE)  # the umask may have taken bits away; set it exactly
    return descriptor
