"""The checked year kept between runs, in the user's cache folder, never in the data folder.

Reading a year's files and checking every rule is most of what ``mtcl status`` does after
start-up.  The book it gives is kept (pickled) in the user's cache folder, with a key made of
the bytes of every file read, where the folder is and the working folder (paths are shown
relative to it), and the code that reads and checks (Python's and pydantic's versions, the
size and time of each module of mtcl's core and files): a byte changed anywhere makes
another key, so a kept book is never a stale one.  Only small years are kept: a large one
unpickles no faster than it is read.  The folder is safe to delete; a kept book that cannot
be read, or a folder that cannot be written, is simply not used.  Nothing is kept until the
program names the folder (``cli.main``): the library and the tests read every time.  A
kept book is a pickle, read back only from the user's own cache folder.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic.version import VERSION

from mtcl.files.fs import collector_paused

T = TypeVar("T")
SMALL = 1 << 20  # bytes read in all, beyond which a year is read every time
KEPT = 64  # books kept at most (one a year's folder); the oldest written go first
FORMAT = b"mtcl book 1"
_DIGEST = 32

_folder: Path | None = None


def keep_in(folder: Path | None) -> None:
    """Keep checked years in ``folder`` from now on (None: keep nothing)."""
    global _folder
    _folder = folder


def kept(files: list[Path], place: str, build: Callable[[], T]) -> T:
    """What ``build`` makes of ``files`` (``place`` says what else it depends on): the copy
    kept when every file holds the bytes it held then, else made afresh and kept."""
    key = _key(files, place) if _folder is not None else None
    if key is None:
        return build()
    kept_at = _folder / f"{hashlib.blake2b(_bytes(place), digest_size=16).hexdigest()}.pickle"
    found = _load(kept_at, key)
    if found is not None:
        return found
    value = build()
    if _key(files, place) == key and not _inside_data(_folder, files):  # nor changed while they were read
        _store(kept_at, key, value)
    return value


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")  # a path may hold bytes that are not UTF-8


def _inside_data(folder: Path, files: list[Path]) -> bool:
    """Whether ``folder`` lies in the data folder holding ``files`` (their folder's parent),
    where mtcl writes nothing of its own."""
    cache = folder.resolve()
    return any(root == cache or root in cache.parents for root in {path.resolve().parent.parent for path in files})


def _key(files: list[Path], place: str) -> bytes | None:
    """A digest of everything a book depends on; None when the files are too large to keep
    it, or one cannot be read (the reading says why)."""
    digest = hashlib.blake2b(FORMAT + _code_stamp() + _bytes(place), digest_size=_DIGEST)
    left = SMALL
    for path in files:
        try:
            with open(path, "rb") as file:
                content = file.read(left + 1)
        except FileNotFoundError:
            digest.update(b"\0absent\0")
            continue
        except OSError:
            return None
        left -= len(content)
        if left < 0:
            return None
        digest.update(b"\0%d\0" % len(content) + content)
    return digest.digest()


@functools.cache
def _code_stamp() -> bytes:
    """Python's and pydantic's versions and the name, size and time of each module that
    reads or checks a year: a book kept by other code is not used."""
    here = Path(__file__).resolve().parent
    parts = [sys.version, VERSION]
    for package in (here, here.parent / "core"):
        for entry in sorted(os.scandir(package), key=lambda entry: entry.name):
            if entry.name.endswith(".py"):
                found = entry.stat()
                parts.append(f"{entry.name} {found.st_size} {found.st_mtime_ns}")
    return _bytes("\n".join(parts))


def _load(path: Path, key: bytes):
    """The book kept at ``path`` under ``key``, or None."""
    try:
        with open(path, "rb") as file:
            if file.read(_DIGEST) != key:
                return None
            check, payload = file.read(_DIGEST), file.read()
        if hashlib.blake2b(payload, digest_size=_DIGEST).digest() != check:
            return None  # cut short by a crash
        with collector_paused():
            return pickle.loads(payload)
    except Exception:  # missing, unreadable, or written by a mtcl that no longer exists: read the files
        return None


def _store(path: Path, key: bytes, value: object) -> None:
    """Keep ``value`` at ``path`` under ``key`` (a temporary file renamed over the old one,
    so a reader sees the whole of one or the other); a cache that cannot be written is not used."""
    temporary = None
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(key + hashlib.blake2b(payload, digest_size=_DIGEST).digest() + payload)
        os.replace(temporary, path)
        temporary = None
        _prune(path.parent)
    except Exception:  # a full disk, a folder not ours, something that does not pickle: not kept
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _prune(folder: Path) -> None:
    """Leave at most ``KEPT`` files in the folder, removing the oldest written."""
    entries = sorted(os.scandir(folder), key=lambda entry: entry.stat().st_mtime_ns)
    for entry in entries[:-KEPT]:
        Path(entry.path).unlink(missing_ok=True)
