"""The files the tool writes: append-only JSON Lines, one entry a line, next to the YAML.

The hand-written YAML is never touched.  What the tool records (figures, task
completions, corrective actions) goes to its own ``*.jsonl`` file in the year's folder:
one JSON object a line, so git shows each new record as one added line.  Every write takes
the file's lock, re-reads and checks what is there, writes old content plus the new line to
a temporary file, fsyncs it and renames it over the old one: a crash leaves either the old
file or the new one, never half of it, and two officers recording at once both keep their
figures.
"""

from __future__ import annotations

import dataclasses
import re
import typing
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import TypeAdapter, ValidationError

from mtcl.errors import DataError, DataErrors, UserError
from mtcl.files import atomic_write, collector_paused, display_path, locked, os_problem
from mtcl.validation import describe_error

M = TypeVar("M")
Check = Callable[[M], "str | None"]


def _field_names(model: object) -> list[str]:
    """The keys a line may hold, for the hint on a mistyped one."""
    if dataclasses.is_dataclass(model):
        return [f.name for f in dataclasses.fields(model)]
    return sorted({name for part in typing.get_args(model) for name in _field_names(part)})


class JsonlStore(Generic[M]):
    """An append-only file of ``model`` entries (pydantic dataclasses)."""

    def __init__(self, path: Path, model: type[M]):
        self.path = path
        self.adapter = TypeAdapter(model)
        self.keys = _field_names(model)

    def content(self, entry: M) -> bytes:
        """The line of ``entry`` as mtcl writes it, without its reference: what the
        reference is a digest of (``entries.make_ref``)."""
        return self.adapter.dump_json(dataclasses.replace(entry, ref=None), exclude_none=True)

    def load(self, check: Check | None = None) -> list[M]:
        """Every entry, in file order.  A damaged line, or one ``check`` finds wrong (it
        returns the message), is reported with its number."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise UserError(f"không đọc được tệp '{display_path(self.path)}': {os_problem(exc)}") from None
        return self._parse(raw, check)

    def _parse(self, raw: bytes, check: Check | None) -> list[M]:
        with collector_paused():
            return self._parse_lines(raw, check)

    def _parse_lines(self, raw: bytes, check: Check | None) -> list[M]:
        name = display_path(self.path)
        raw = raw.removeprefix(b"\xef\xbb\xbf")  # a BOM left by an editor on Windows
        raw = _nfc(raw)
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
                        described = describe_error(error, self.keys)
                        message = f"{where}: {described}" if where else described
                    errors.append(DataError(name, number, None, message))
                continue
            repeated = _repeated_key(line)
            problem = f"khóa '{repeated}' có hai lần trong dòng; xóa một lần" if repeated else None
            problem = problem or (check(entry) if check else None)
            if problem:
                errors.append(DataError(name, number, None, problem))
            entries.append(entry)
        if errors:
            raise DataErrors(errors)
        return entries

    def append(self, make: Callable[[list[M]], M], check: Check | None = None) -> list[M]:
        """Add the entry ``make`` builds from the entries already there (read under the
        lock, so a number it gives out is not given twice).  The file is read once, and
        checked with ``check``: a damaged file is never appended to, which would hide the
        damage.  Returns every entry, the new one last."""
        return self.append_all(lambda entries: [make(entries)], check)

    def append_all(self, make: Callable[[list[M]], list[M]], check: Check | None = None) -> list[M]:
        """Add every entry ``make`` builds, in one write: all of them or, on any failure,
        none.  Returns every entry, the new ones last."""
        try:
            with locked(self.path):
                try:
                    old = self.path.read_bytes()
                except FileNotFoundError:
                    old = b""
                entries = self._parse(old, check)
                new = make(entries)
                lines = b"".join(self.adapter.dump_json(entry, exclude_none=True) + b"\n" for entry in new)
                if old and not old.endswith(b"\n"):
                    old += b"\n"
                atomic_write(self.path, old + lines)
                return [*entries, *new]
        except OSError as exc:
            raise UserError(
                f"không ghi được vào '{display_path(self.path)}': {os_problem(exc)}; tệp cũ vẫn còn nguyên"
            ) from None


# A key of a flat JSON object: after '{' or ',', in quotes, before ':'.  Inside a string a
# quote is always escaped, so this never matches a value.
_KEY = re.compile(rb'[{,]\s*"([^"\\]*)"\s*:')


def _repeated_key(line: bytes) -> str | None:
    """A key the line gives twice (JSON readers keep the last one without a word)."""
    keys = _KEY.findall(line)
    if len(keys) == len(set(keys)):
        return None
    seen = set()
    return next(key.decode("utf-8", "replace") for key in keys if key in seen or seen.add(key))


def _nfc(raw: bytes) -> bytes:
    """The file in one Unicode form (NFC), so an id or an item typed in another form (a
    file edited on a Mac) still matches; a file already in NFC is left as it is."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw  # reported line by line by the JSON reader
    return raw if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text).encode("utf-8")
