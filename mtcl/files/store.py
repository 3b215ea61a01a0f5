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
import json
import re
import typing
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import TypeAdapter, ValidationError

from mtcl.core.entries import References, make_ref
from mtcl.core.errors import DataError, DataErrors, UserError
from mtcl.files.fs import atomic_write, collector_paused, display_path, locked, os_problem
from mtcl.core.validation import describe_error

M = TypeVar("M")
R = TypeVar("R")
Check = Callable[[M], "str | None"]


def _field_names(model: object) -> list[str]:
    """The keys a line may hold, for the hint on a mistyped one."""
    kinds = _kinds(model)
    if len(kinds) == 1:
        return [f.name for f in dataclasses.fields(kinds[0])]
    return sorted({f.name for kind in kinds for f in dataclasses.fields(kind)})


def _kinds(model: object) -> list:
    """The dataclasses a file's lines may be (one, or those of a union)."""
    if dataclasses.is_dataclass(model):
        return [model]
    return [kind for part in typing.get_args(model) for kind in _kinds(part)]


def _key_rules(model: object) -> dict[str, bool]:
    """Each key a line may hold, and whether every line must hold it (a field without a
    default in every kind of entry the file takes)."""
    models = _kinds(model)
    rules: dict[str, bool] = {}
    for kind in models:
        for field in dataclasses.fields(kind):
            required = field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
            rules[field.name] = rules.get(field.name, True) and required
    for name in rules:
        if any(name not in {f.name for f in dataclasses.fields(kind)} for kind in models):
            rules[name] = False
    return rules


# A key followed by a space before its colon, or written with escapes ("\u0062y" is "by"):
# what the count of keys cannot see, so such a file is read line by line.  (mtcl writes no
# space after a closing quote; a line edited by hand may.)
_ODD_KEYS = (b'" ', b'"\t', b'"\r:', b"\\u")


class JsonlStore(Generic[M]):
    """An append-only file of ``model`` entries (pydantic dataclasses)."""

    def __init__(self, path: Path, model: type[M]):
        self.path = path
        self.adapter = TypeAdapter(model)
        self.all_adapter = TypeAdapter(list[model])  # type: ignore[valid-type]
        self.keys = _field_names(model)
        self.key_rules = _key_rules(model)

    def content(self, entry: M) -> bytes:
        """The line of ``entry`` as mtcl writes it, without its reference: what the
        reference is a digest of (``entries.make_ref``)."""
        return self.adapter.dump_json(dataclasses.replace(entry, ref=None), exclude_none=True)

    def load(self, check: Check | None = None, only: set[str] | None = None) -> list[M]:
        """Every entry, in file order.  A damaged line, or one ``check`` finds wrong (it
        returns the message), is reported with its number.  With ``only``, the entries of
        those targets (a figure being recorded needs its target's, not the whole year's):
        their lines are found in the file's bytes and only they are read, when the file is
        as mtcl writes it; otherwise every line is read."""
        if only is not None and not only:
            return []
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise UserError(f"không đọc được tệp '{display_path(self.path)}': {os_problem(exc)}") from None
        if only is not None:
            some = self._parse_some(_nfc(raw.removeprefix(b"\xef\xbb\xbf")), only, check)
            if some is not None:
                return some
            return [entry for entry in self._parse(raw, check) if getattr(entry, "target", None) in only]
        return self._parse(raw, check)

    def _parse_some(self, raw: bytes, only: set[str], check: Check | None) -> list[M] | None:
        """The lines of the targets ``only``, found by their ``"target":"…"`` as mtcl
        writes it, read in file order; None when the bytes cannot be trusted for that."""
        if any(mark in raw for mark in _ODD_KEYS):
            return None
        starts: set[int] = set()
        for target in only:
            needle = b'"target":' + json.dumps(target, ensure_ascii=False).encode("utf-8")
            at = raw.find(needle)
            while at != -1:
                starts.add(raw.rfind(b"\n", 0, at) + 1)
                at = raw.find(needle, at + 1)
        lines = [raw[start:_line_end(raw, start)] for start in sorted(starts)]
        if any(_repeated_key(line) for line in lines):
            return None
        try:
            entries = self._validate_all(b"\n".join(lines))
        except ValidationError:
            return None
        if len(entries) != len(lines) or any(entry.target not in only for entry in entries):
            return None
        name = display_path(self.path)
        errors = [DataError(name, raw.count(b"\n", 0, start) + 1, None, problem)
                  for start, entry in zip(sorted(starts), entries) for problem in [check(entry) if check else None]
                  if problem]
        if errors:
            raise DataErrors(errors)
        return entries

    def _parse(self, raw: bytes, check: Check | None) -> list[M]:
        with collector_paused():
            return self._parse_lines(raw, check)

    def _parse_lines(self, raw: bytes, check: Check | None) -> list[M]:
        name = display_path(self.path)
        raw = raw.removeprefix(b"\xef\xbb\xbf")  # a BOM left by an editor on Windows
        raw = _nfc(raw)
        whole = self._parse_whole(raw)
        if whole is not None:
            first, entries = whole
            errors = [DataError(name, number, None, problem) for number, entry in enumerate(entries, start=first)
                      for problem in [check(entry) if check else None] if problem]
            if errors:
                raise DataErrors(errors)
            return entries
        return self._parse_each(raw, check, name)

    def _parse_whole(self, raw: bytes) -> tuple[int, list[M]] | None:
        """The whole file read in a few calls into pydantic (a fraction of the time of one
        call a line): the number of its first line, and its entries.  None when the file has blank lines or anything wrong in any line; it is
        then read line by line, so each problem is named with its line."""
        body = raw.strip()
        if not body:
            return 1, []
        if any(mark in body for mark in _ODD_KEYS):  # a blank line fails the parse below by itself
            return None
        try:
            entries = self._validate_all(body)
        except ValidationError:
            return None
        if len(entries) != body.count(b"\n") + 1 or not self._keys_once(body, entries):
            return None  # a line that held two entries, or a key written twice
        return raw[:len(raw) - len(raw.lstrip())].count(b"\n") + 1, entries

    def _validate_all(self, body: bytes) -> list[M]:
        """The entries of lines joined by newlines, validated a piece at a time (see
        ``_CHUNK_BYTES``); a ValidationError if any piece fails."""
        entries: list[M] = []
        for chunk in _chunks(body):
            entries += self.all_adapter.validate_json(b"[" + chunk.replace(b"\n", b",") + b"]")
        return entries

    def _keys_once(self, body: bytes, entries: list[M]) -> bool:
        """No line gives a key twice (JSON readers keep the last one without a word): each
        key appears in the file as many times as there are entries that hold it.  A key
        every entry must have is counted once a line; another, by the entries that have
        it.  When in doubt (a line with "note": null), the line-by-line reading decides."""
        for key, required in self.key_rules.items():
            count = body.count(b'"' + key.encode() + b'":')
            if count == 0:
                continue
            if count > len(entries):
                return False
            held = len(entries) if required else sum(1 for e in entries if getattr(e, key, None) is not None)
            if count != held:
                return False
        return True

    def _parse_each(self, raw: bytes, check: Check | None, name: str) -> list[M]:
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
        def build(old: bytes) -> tuple[list[M], list[M]]:
            entries = self._parse(old, check)
            new = make(entries)
            return new, [*entries, *new]

        return self._add(build)

    def append_referenced(self, entry: M, prefix: str, check: Check | None,
                          full: Callable[[list[M]], M]) -> M:
        """Add one entry that needs nothing from the file but a reference no line has yet
        (a figure), without reading every line into pydantic: the file must end with a
        whole, valid last line, and the references of its lines are read from its bytes.
        A file that is not as mtcl writes it (a line without a reference, written before
        references existed; a key spaced or escaped by hand) is read in full, and
        ``full`` builds the entry from every line, as any other write does."""
        def build(old: bytes) -> tuple[list[M], M]:
            taken = self._references(old, check)
            if taken is None:
                new = full(self._parse(old, check))
            else:
                new = dataclasses.replace(entry, ref=References(taken).unique(make_ref(prefix, self.content(entry))))
            return [new], new

        return self._add(build)

    def _add(self, build: Callable[[bytes], tuple[list[M], R]]) -> R:
        """Under the lock, hand the file's bytes to ``build``, which gives the entries to
        add and what to return; the entries are added in one write, or none is."""
        try:
            with locked(self.path):
                try:
                    old = self.path.read_bytes()
                except FileNotFoundError:
                    old = b""
                new, result = build(old)
                lines = b"".join(self.adapter.dump_json(entry, exclude_none=True) + b"\n" for entry in new)
                if old and not old.endswith(b"\n"):
                    old += b"\n"
                atomic_write(self.path, old + lines)
                return result
        except OSError as exc:
            raise UserError(
                f"không ghi được vào '{display_path(self.path)}': {os_problem(exc)}; tệp cũ vẫn còn nguyên"
            ) from None

    def _references(self, old: bytes, check: Check | None) -> list[str] | None:
        """Every line's reference, read from the bytes, after checking that the file is
        whole (its last line is a valid entry); None when the file must be read in full."""
        raw = _nfc(old.removeprefix(b"\xef\xbb\xbf"))
        body = raw.rstrip(b"\n")
        if not body:
            return []
        if raw.startswith(b"\n") or b"\n\n" in body or any(mark in body for mark in _ODD_KEYS):
            return None
        references = _REFERENCE.findall(body)
        lines = body.count(b"\n") + 1
        if len(references) != lines:
            return None
        last = body[body.rfind(b"\n") + 1:]
        try:
            entry = self.adapter.validate_json(last)
        except ValidationError:
            return None  # the full reading names what is wrong
        problem = _repeated_key(last) or (check(entry) if check else None)
        if problem:
            return None
        return b"\n".join(references).decode("utf-8").split("\n")  # one decoding, not one a line


# Whole lines handed to pydantic in one call: older pydantic-core builds the whole JSON
# document in memory before validating it, so a 10 MB file read in one call took 400 MB.
_CHUNK_BYTES = 1 << 20


def _chunks(body: bytes) -> Iterator[bytes]:
    """``body`` cut at line ends into pieces of about ``_CHUNK_BYTES``."""
    start = 0
    while start < len(body):
        end = _line_end(body, min(start + _CHUNK_BYTES, len(body)))
        yield body[start:end]
        start = end + 1


def _line_end(raw: bytes, start: int) -> int:
    end = raw.find(b"\n", start)
    return len(raw) if end == -1 else end


_REFERENCE = re.compile(rb'"ref":"([^"\\]+)"')


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
