"""The files the tool writes: append-only JSON Lines, one entry a line, next to the YAML.

The hand-written YAML is never touched.  What the tool records (figures, task
completions) goes to its own ``*.jsonl`` file in the year's folder: one JSON object a
line, so git shows each new record as one added line.  Every write takes the file's lock,
re-reads and checks what is there, writes old content plus the new line to a temporary
file, fsyncs it and renames it over the old one: a crash leaves either the old file or the
new one, never half of it, and two officers recording at once both keep their figures.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from collections.abc import Callable
from typing import Generic, TypeVar

from pydantic import TypeAdapter, ValidationError

from mtcl.bulk import collector_paused
from mtcl.errors import DataError, DataErrors, UserError
from mtcl.loader import describe_error
from mtcl.yamlsource import display_path

M = TypeVar("M")

LOCK_TIMEOUT_SECONDS = 30


class JsonlStore(Generic[M]):
    """An append-only file of ``model`` entries (pydantic dataclasses)."""

    def __init__(self, path: Path, model: type[M]):
        self.path = path
        self.adapter = TypeAdapter(model)

    def as_json(self, entry: M) -> dict:
        """The entry as the plain JSON values its line holds."""
        return self.adapter.dump_python(entry, mode="json")

    def load(self, check: Callable[[M], str | None] | None = None) -> list[M]:
        """Every entry, in file order.  A damaged line, or one ``check`` finds wrong (it
        returns the message), is reported with its number."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise UserError(f"không đọc được tệp '{display_path(self.path)}': {exc.strerror}") from None
        return self._parse(raw, check)

    def _parse(self, raw: bytes, check: Callable[[M], str | None] | None = None) -> list[M]:
        with collector_paused():
            return self._parse_lines(raw, check)

    def _parse_lines(self, raw: bytes, check: Callable[[M], str | None] | None) -> list[M]:
        name = display_path(self.path)
        raw = raw.removeprefix(b"\xef\xbb\xbf")  # a BOM left by an editor on Windows
        entries: list[M] = []
        errors: list[DataError] = []
        for number, line in enumerate(raw.split(b"\n"), start=1):
            if not line.strip():
                continue
            try:
                entry = self.adapter.validate_json(line)
            except ValidationError as exc:
                for error in exc.errors():
                    if error["type"] == "json_invalid":
                        message = "dòng hỏng hoặc bị cắt dở (không phải JSON hợp lệ); sửa hoặc xóa dòng này"
                    else:
                        where = ".".join(str(p) for p in error["loc"])
                        message = f"{where}: {describe_error(error)}" if where else describe_error(error)
                    errors.append(DataError(name, number, None, message))
                continue
            problem = check(entry) if check else None
            if problem:
                errors.append(DataError(name, number, None, problem))
            entries.append(entry)
        if errors:
            raise DataErrors(errors)
        return entries

    def append(self, entry: M, check: Callable[[M], str | None] | None = None) -> list[M]:
        """Add ``entry`` at the end, atomically and under the lock; return every entry."""
        return self.append_made(lambda _existing: entry, check)

    def append_made(self, make: Callable[[list[M]], M], check: Callable[[M], str | None] | None = None) -> list[M]:
        """Add the entry ``make`` builds from the entries already there (read under the
        lock, so a number it gives out is not given twice).  The file is read once, and
        checked with ``check``: a damaged file is never appended to, which would hide the
        damage.  Returns every entry, the new one last."""
        from filelock import FileLock, Timeout

        try:
            with FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS):
                try:
                    old = self.path.read_bytes()
                except FileNotFoundError:
                    old = b""
                entries = self._parse(old, check)
                entry = make(entries)
                line = self.adapter.dump_json(entry, exclude_none=True) + b"\n"
                if old and not old.endswith(b"\n"):
                    old += b"\n"
                atomic_write(self.path, old + line)
                return [*entries, entry]
        except Timeout:
            raise UserError(
                f"tệp '{display_path(self.path)}' đang được người khác ghi; hãy thử lại sau ít giây"
            ) from None
        except OSError as exc:
            raise UserError(
                f"không ghi được vào '{display_path(self.path)}': {exc.strerror}; tệp cũ vẫn còn nguyên"
            ) from None


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
