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
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePath, PureWindowsPath

from mtcl.core.errors import UserError

LOCK_TIMEOUT_SECONDS = 30


def display_path(path: Path) -> str:
    """The path as the user should read it: relative to the working folder when inside it
    (a path that cannot be resolved, a link that loops, is shown as given)."""
    try:
        return printable_path(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return printable_path(path)


def printable_path(path: PurePath) -> str:
    """A path as text: a file name that is not UTF-8 (a zip made on a Windows PC) keeps its
    odd bytes written out (\\xe1) instead of breaking what prints or stores it."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def portable(path: PurePath) -> str:
    """A path as it is stored in a record: printable, with '/' between folders on every
    system ('minh-chung\\ct.pdf' typed on Windows is stored 'minh-chung/ct.pdf', a drive
    letter kept: 'D:/ho-so/ct.pdf')."""
    text = printable_path(path)
    return text.replace("\\", "/") if isinstance(path, PureWindowsPath) else text


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
        _replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if os.name == "posix":  # Windows cannot open a folder as a file; NTFS journals the rename itself
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)  # make the rename itself survive a power cut
        finally:
            os.close(directory)


# Windows refuses to replace a file another program holds open (Excel keeps a workbook or a
# CSV open, Word a report): the rename is tried again for a moment before giving up.
BUSY_WINERRORS = {5, 32, 33}  # access denied, sharing violation, lock violation
BUSY_RETRIES = (0.1, 0.2, 0.4, 0.8)  # seconds between tries: 1.5 s in all
HOLDERS = {".xlsx": "Excel", ".csv": "Excel", ".jsonl": "Excel hoặc Notepad", ".docx": "Word", ".md": "Notepad",
           ".yaml": "Notepad hoặc trình soạn thảo", ".ics": "Outlook hoặc trình lịch"}


def _replace(temporary: str, path: Path) -> None:
    for pause in (*BUSY_RETRIES, None):
        try:
            os.replace(temporary, path)
            return
        except PermissionError as exc:
            if getattr(exc, "winerror", None) not in BUSY_WINERRORS:
                raise
            if pause is None:
                holder = HOLDERS.get(path.suffix.lower(), "một chương trình khác")
                raise UserError(f"tệp '{display_path(path)}' đang được mở trong {holder}, không ghi đè được; "
                                "tệp cũ vẫn nguyên, chưa ghi gì",
                                "đóng tệp trong chương trình đó rồi chạy lại lệnh") from None
            time.sleep(pause)


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
    from filelock import Timeout  # 15 ms at start-up; only writers need it

    path = real_path(path) if path.is_symlink() else path  # one lock for a file shared through links
    lock = Path(str(path) + ".lock")
    try:
        with _acquired(lock):
            for stale in path.parent.glob(f".{path.name}.*.tmp"):
                stale.unlink(missing_ok=True)
            yield
    except Timeout:
        raise UserError(f"tệp '{display_path(path)}' đang được người khác ghi; hãy thử lại sau ít giây",
                        f"nếu chắc không ai đang ghi (máy vừa bị tắt ngang), xóa tệp '{display_path(lock)}'") from None


@contextmanager
def _acquired(lock: Path) -> Iterator[None]:
    """The lock file held: an operating-system lock, or on a shared drive whose file system
    has none (some network mounts), a lock made by creating the file alone."""
    from filelock import FileLock, SoftFileLock, Timeout  # 15 ms at start-up; only writers need it

    holder = FileLock(str(lock), timeout=LOCK_TIMEOUT_SECONDS)
    try:
        holder.acquire()
    except NotImplementedError:  # filelock's word for a file system without flock
        holder = SoftFileLock(str(lock), timeout=LOCK_TIMEOUT_SECONDS)
        holder.acquire()
    except Timeout:
        raise
    except OSError as exc:
        raise UserError(f"không khóa được tệp '{display_path(lock)}' để ghi: {os_problem(exc)}",
                        "thư mục dữ liệu trên ổ mạng cần quyền ghi; nếu vẫn lỗi, chép thư mục về máy") from None
    try:
        yield
    finally:
        holder.release()


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
