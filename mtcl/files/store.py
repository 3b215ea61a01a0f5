"""The files the tool writes: append-only JSON Lines, one entry a line, next to the YAML.

The hand-written YAML is never touched.  What the tool records (figures, task
completions, corrective actions, withdrawals) goes to its own ``*.jsonl`` file in the
year's folder: one JSON object a line, so git shows each new record as one added line.

Reading types each line and numbers it, nothing else: what a line must satisfy against
the year (its target exists, its date is in the year…) is a rule of ``core.checks``, run
once over the whole year.  A file is read in pieces of whole lines, each validated in one
call and re-encoded: a piece that comes back byte for byte as it was written is exactly as
mtcl writes it (no key given twice, no odd spacing); any other piece is read line by line,
so that each problem is named with its line.

Writing takes the file's lock, reads what is there (or keeps what was read, when the bytes
have not changed since), lets the caller build the new entries from it — and check the
year they would make — then writes the old content and the new lines to a temporary file,
fsyncs it and renames it over the old one: a crash leaves either the old file or the new
one, never half of it, and two officers recording at once both keep their figures.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import typing
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import TypeAdapter, ValidationError

from mtcl.core.entries import Lines, References, make_ref
from mtcl.core.errors import DataError, DataErrors, UserError
from mtcl.core.validation import describe_error
from mtcl.files.fs import atomic_write, collector_paused, display_path, locked, os_problem

M = TypeVar("M")
BOM = b"\xef\xbb\xbf"


def _field_names(model: object) -> list[str]:
    """The keys a line may hold, for the hint on a mistyped one."""
    return sorted({f.name for kind in _kinds(model) for f in dataclasses.fields(kind)})


def _kinds(model: object) -> list:
    """The dataclasses a file's lines may be (one, or those of a union)."""
    if dataclasses.is_dataclass(model):
        return [model]
    return [kind for part in typing.get_args(model) for kind in _kinds(part)]


class JsonlStore(Generic[M]):
    """An append-only file of ``model`` entries (pydantic dataclasses).  With a
    ``ref_prefix``, every entry carries a reference (``SL-…``): the one its line holds, or
    for a line written before references existed the digest of its content, worked out
    when the file is read."""

    def __init__(self, path: Path, model: type[M], ref_prefix: str | None = None):
        self.path = path
        self.model = model
        self.ref_prefix = ref_prefix

    # The validators are built on first use: a year served from the cache (files.cache) needs none.
    @functools.cached_property
    def adapter(self) -> TypeAdapter:
        """One entry's validator and encoder."""
        return TypeAdapter(self.model)

    @functools.cached_property
    def all_adapter(self) -> TypeAdapter:
        """The validator and encoder of a piece of lines, checked in one call."""
        return TypeAdapter(list[self.model])  # type: ignore[name-defined]

    def content(self, entry: M) -> bytes:
        """The line of ``entry`` as mtcl writes it, without its reference: what the
        reference is a digest of (``entries.make_ref``)."""
        return self.adapter.dump_json(entry, exclude_none=True, exclude={"ref"})

    def read(self) -> Lines[M]:
        """Every entry that can be read, in file order, with its line number; each line that
        cannot be read is a problem, with its number."""
        return self._lines(self._blocks())

    def add(self, make: Callable[[Lines[M]], Sequence[M]], known: Lines[M] | None = None) -> tuple[Lines[M], list[M]]:
        """Add the entries ``make`` builds from the file's lines as they stand under the lock
        (so a number it gives out is not given twice; it raises to write nothing), each
        with its reference; ``known`` is the file as the caller read it, used again when the
        bytes have not changed since.  All the entries are written in one write, or none.
        Returns the file's lines as they now stand, and the new entries."""
        try:
            with locked(self.path):
                old = self._bytes()
                lines = known if known is not None and known.digest == _digest(old) else self._lines([old])
                if lines.problems:  # appending would hide the damage
                    raise DataErrors(list(lines.problems))
                new = self.referenced(lines, make(lines))
                written = b"".join(self.adapter.dump_json(entry, exclude_none=True) + b"\n" for entry in new)
                if old and not old.endswith(b"\n"):
                    old += b"\n"
                atomic_write(self.path, old + written)
                return lines.with_added(new), new
        except OSError as exc:
            raise UserError(
                f"không ghi được vào '{display_path(self.path)}': {os_problem(exc)}; tệp cũ vẫn còn nguyên"
            ) from None

    def referenced(self, lines: Lines[M], new: Sequence[M]) -> list[M]:
        """``new`` with a reference each, unique among the file's lines."""
        if self.ref_prefix is None:
            return list(new)
        references = References(getattr(entry, "ref", None) for entry in lines)
        return [dataclasses.replace(entry, ref=references.unique(make_ref(self.ref_prefix, self.content(entry))))
                if hasattr(entry, "ref") else entry for entry in new]

    def _bytes(self) -> bytes:
        return b"".join(self._blocks())

    def _blocks(self) -> Iterator[bytes]:
        """The file's bytes a block at a time (none when there is no file yet): reading
        never holds the whole of a large file beside its entries."""
        try:
            with open(self.path, "rb") as file:
                yield from iter(lambda: file.read(_CHUNK_BYTES), b"")
        except FileNotFoundError:
            return
        except OSError as exc:
            raise UserError(f"không đọc được tệp '{display_path(self.path)}': {os_problem(exc)}") from None

    def _lines(self, blocks: Iterable[bytes]) -> Lines[M]:
        """The lines of the file whose bytes are ``blocks``, each read or a problem."""
        name = display_path(self.path)
        digest = hashlib.blake2b(digest_size=16)
        with collector_paused():
            numbers, entries, problems = self._validated(_digested(blocks, digest), name)
        if self.ref_prefix is not None and not all(getattr(entry, "ref", True) for entry in entries):
            references = References(getattr(entry, "ref", None) for entry in entries)
            entries = [entry if getattr(entry, "ref", True) else
                       dataclasses.replace(entry, ref=references.unique(make_ref(self.ref_prefix, self.content(entry))))
                       for entry in entries]
        return Lines(name, tuple(entries), tuple(numbers), tuple(problems), digest.hexdigest())

    def _validated(self, blocks: Iterable[bytes], name: str) -> tuple[list[int], list[M], list[DataError]]:
        numbers: list[int] = []
        entries: list[M] = []
        errors: list[DataError] = []
        for first, piece in _pieces(_without_bom(blocks), _CHUNK_BYTES):
            piece = _nfc(piece)
            count = piece.count(b"\n") + 1
            found = self._as_written(piece, count)
            if found is None:
                found = self._line_by_line(piece.split(b"\n"), first, name, errors)
                numbers += [number for number, _ in found]
                entries += [entry for _, entry in found]
            else:
                numbers += range(first, first + count)
                entries += found
        return numbers, entries, errors

    def _as_written(self, piece: bytes, count: int) -> list[M] | None:
        """The entries of ``count`` lines, validated in one call, when they re-encode to
        exactly their bytes (as mtcl writes them: no key twice, no odd spacing or escape, no
        line holding two entries); None otherwise."""
        joined = piece.replace(b"\n", b",")
        try:
            entries = self.all_adapter.validate_json(b"[" + joined + b"]")
        except ValidationError:
            return None
        if len(entries) != count:
            return None  # a line that held two entries
        return entries if self.all_adapter.dump_json(entries, exclude_none=True)[1:-1] == joined else None

    def _line_by_line(self, lines: list[bytes], first: int, name: str,
                      errors: list[DataError]) -> list[tuple[int, M]]:
        found: list[tuple[int, M]] = []
        for number, line in enumerate(lines, start=first):
            if not line.strip():
                continue
            try:
                entry = self.adapter.validate_json(line)
            except ValidationError as exc:
                errors += [DataError(name, number, None, self._problem(error)) for error in exc.errors()]
                continue
            repeated = _repeated_key(line)
            if repeated:
                errors.append(DataError(name, number, None, f"khóa '{repeated}' có hai lần trong dòng; xóa một lần"))
                continue
            found.append((number, entry))
        return found

    def _problem(self, error: dict) -> str:
        if error["type"] == "json_invalid":
            return "dòng hỏng hoặc bị cắt dở (không phải JSON hợp lệ); sửa hoặc xóa dòng này"
        where = ".".join(str(p) for p in error["loc"])
        described = describe_error(error, _field_names(self.model))
        return f"{where}: {described}" if where else described


# Whole lines handed to pydantic in one call: older pydantic-core builds the whole JSON
# document in memory before validating it, so a 10 MB file read in one call took 400 MB.
_CHUNK_BYTES = 1 << 20


def _pieces(blocks: Iterable[bytes], size: int) -> Iterator[tuple[int, bytes]]:
    """The bytes of ``blocks`` cut at line ends into pieces of ``size`` bytes or a little
    more, each with the number of its first line; a file's last line break ends it, and
    ends no empty line."""
    pending, number = b"", 1
    for block in blocks:
        pending += block
        while (end := pending.find(b"\n", size)) != -1:
            yield number, pending[:end]
            number += pending.count(b"\n", 0, end) + 1
            pending = pending[end + 1:]
    body = pending.removesuffix(b"\n")
    if body:
        yield number, body


def _without_bom(blocks: Iterable[bytes]) -> Iterator[bytes]:
    """The blocks of a file without the BOM an editor on Windows may put first."""
    blocks = iter(blocks)
    head = b""
    for block in blocks:
        head += block
        if len(head) >= len(BOM):
            break
    yield head.removeprefix(BOM)
    yield from blocks


def _digested(blocks: Iterable[bytes], digest) -> Iterator[bytes]:
    """``blocks`` as they are, each added to ``digest`` as it passes."""
    for block in blocks:
        digest.update(block)
        yield block


def _digest(raw: bytes) -> str:
    """What ``Lines.digest`` holds of the bytes it was read from (``_lines`` adds them up block by block)."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


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


# Lines checked for their Unicode form at a time: a text this small is made and freed without
# raising the C allocator's threshold for large blocks (a text of 2 MB did: 30 MB more at
# 250,000 lines).
_NFC_BYTES = 1 << 15


def _nfc(lines: bytes) -> bytes:
    """Whole lines in one Unicode form (NFC), so an id or an item typed in another form (a
    file edited on a Mac) still matches; lines already in NFC, nearly always, are left as
    they are.  A line break is never part of a composed character: a file is checked piece
    by piece, without a second copy of the whole of it."""
    if lines.isascii():
        return lines
    try:
        if all(unicodedata.is_normalized("NFC", part.decode("utf-8")) for _, part in _pieces([lines], _NFC_BYTES)):
            return lines
        return unicodedata.normalize("NFC", lines.decode("utf-8")).encode("utf-8")
    except UnicodeDecodeError:
        return lines  # reported line by line by the JSON reader
