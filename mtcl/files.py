"""Generic helpers for the files mtcl touches: how a path is shown, an atomic write, a lock,
a file's digest.  Every module that reads or writes the disk uses these.
"""

from __future__ import annotations

import gc
import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mtcl.errors import UserError

LOCK_TIMEOUT_SECONDS = 30


def display_path(path: Path) -> str:
    """The path as the user should read it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def atomic_write(path: Path, content: bytes) -> None:
    """Replace ``path`` with ``content`` so that a crash leaves the old file or the new one.

    The temporary file gets the old file's permissions (or the usual ones for a new
    file), so colleagues sharing the folder can still read what was written."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)  # make the rename itself survive a power cut
    finally:
        os.close(directory)


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold ``path``'s lock (a ``.lock`` file beside it) while writing it; a colleague
    holding it longer than the timeout gets a clear message.  A temporary file of ``path``
    found then was left by a writer killed before its rename: nobody else can be writing
    it, so it is removed."""
    from filelock import FileLock, Timeout  # 4 ms at start-up; only writers need it

    try:
        with FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS):
            for stale in path.parent.glob(f".{path.name}.*.tmp"):
                stale.unlink(missing_ok=True)
            yield
    except Timeout:
        raise UserError(f"tệp '{display_path(path)}' đang được người khác ghi; hãy thử lại sau ít giây") from None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Load many small objects without the cyclic garbage collector in the way.

    Reading a year (thousands of targets, hundreds of thousands of records) builds many
    small objects and no cycles; the collector would rescan all of them again and again as
    they accumulate, which costs more than the reading itself and grows faster than the data.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
