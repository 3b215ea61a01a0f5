"""Generic helpers for the files mtcl touches: how a path is shown, an atomic write, a lock,
a file's digest.  Every module that reads or writes the disk uses these.
"""

from __future__ import annotations

import errno
import gc
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mtcl.errors import UserError

LOCK_TIMEOUT_SECONDS = 30


def display_path(path: Path) -> str:
    """The path as the user should read it: relative to the working folder when inside it
    (a path that cannot be resolved, a link that loops, is shown as given)."""
    try:
        return printable_path(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return printable_path(path)


def printable_path(path: Path) -> str:
    """A path as text: a file name that is not UTF-8 (a zip made on a Windows PC) keeps its
    odd bytes written out (\\xe1) instead of breaking what prints or stores it."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def portable(path: Path) -> str:
    """A path as it is stored in a record: printable, with '/' between folders on every system."""
    return printable_path(path).replace("\\", "/") if os.sep == "\\" else printable_path(path)


def real_path(path: Path) -> Path:
    """The path with its links followed; a link that loops is a clear error."""
    try:
        return path.resolve()
    except RuntimeError:
        raise UserError(f"đường dẫn '{printable_path(path)}' là liên kết vòng (symlink trỏ về chính nó)") from None


_REASONS = {
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "hết dung lượng được cấp",
    errno.EACCES: "không có quyền",
    errno.EPERM: "không có quyền",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.EIO: "lỗi đọc, ghi ổ đĩa",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.ENOENT: "không tìm thấy",
    errno.EISDIR: "là một thư mục",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.EBUSY: "tệp đang bị chương trình khác dùng",
    errno.ELOOP: "liên kết vòng",
}


def os_problem(exc: OSError) -> str:
    """What went wrong with a file, in Vietnamese, with the system's own words after it."""
    reason = _REASONS.get(exc.errno)
    system = exc.strerror or str(exc)
    return f"{reason} ({system})" if reason else system


def regular_file(path: Path, what: str, hint: str) -> os.stat_result:
    """The file the officer named (a template, an evidence file), refused clearly when it is
    missing, unreadable, or not a regular file: a folder, a device, or a pipe that would make
    reading it wait for ever."""
    name = display_path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UserError(f"không tìm thấy {what} '{name}'") from None
    except OSError as exc:
        raise UserError(f"không đọc được {what} '{name}': {os_problem(exc)}") from None
    if not stat.S_ISREG(info.st_mode):
        raise UserError(f"{what} '{name}' không phải tệp thường (thư mục, thiết bị hay ống dẫn)", hint)
    return info


class ReadOnly(UserError):
    """A file its owner marked read-only: mtcl does not write it."""


def atomic_write(path: Path, content: bytes) -> None:
    """Replace ``path`` with ``content`` so that a crash leaves the old file or the new one.

    A link is followed: the file it points to (a records file shared from another folder)
    is the one replaced, and the link stays.  A file marked read-only is refused, as a
    person would expect (root could write it anyway).  The temporary file gets the old
    file's permissions (or the usual ones for a new file), so colleagues sharing the
    folder can still read what was written."""
    path = real_path(path) if path.is_symlink() else path
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not mode & 0o222:
        raise ReadOnly(f"tệp '{display_path(path)}' chỉ cho đọc (read-only); mtcl không ghi vào",
                       "bỏ thuộc tính chỉ đọc của tệp nếu muốn ghi tiếp")
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
        return 0o666 & ~umask()


def umask() -> int:
    """The process's file-creation mask (read by setting it, then set back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold ``path``'s lock (a ``.lock`` file beside it) while writing it; a colleague
    holding it longer than the timeout gets a clear message.  A temporary file of ``path``
    found then was left by a writer killed before its rename: nobody else can be writing
    it, so it is removed."""
    from filelock import FileLock, Timeout  # 15 ms at start-up; only writers need it

    path = real_path(path) if path.is_symlink() else path  # one lock for a file shared through links
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
