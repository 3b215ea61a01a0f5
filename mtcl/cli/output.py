"""Where a command's result goes: standard output, or the file ``--out`` names.

Windows PowerShell 5.1 re-encodes whatever ``>`` catches as UTF-16, so each command whose
result is meant to be kept (JSON, a calendar) takes ``--out TỆP``: the file gets the bytes
as mtcl made them (UTF-8), whole, written atomically.  ``--out -`` is standard output.  A
file already there is replaced only when it holds an older result of the same kind (made
to be written again), never another kind of file.
"""

from __future__ import annotations

import codecs
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from mtcl.cli.base import json_text, print_json
from mtcl.core.errors import UserError
from mtcl.files.fs import atomic_write, display_path, os_problem

OutOption = Annotated[
    Optional[Path],
    typer.Option("--out", help="Ghi kết quả ra tệp này (UTF-8) thay cho màn hình; - là màn hình.", show_default=False),
]
STDOUT = "-"


@dataclass(frozen=True)
class Kind:
    """A kind of result written to a file: its name for the officer, the ending its file
    name must have (if any), and how an older result of the same kind is told from any
    other file by its text."""

    noun: str
    suffix: str | None
    same: Callable[[str], bool]


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


JSON = Kind("tệp JSON", ".json", _is_json)


def to_stdout(out: Path | None) -> bool:
    """No ``--out``, or ``--out -``: the result goes to standard output."""
    return out is None or str(out) == STDOUT


def text_of(raw: bytes) -> str:
    """A file's text whatever it was saved in: UTF-8, with or without its BOM, or UTF-16
    (what ``>`` writes in Windows PowerShell 5.1)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", "replace")
    return raw.decode("utf-8-sig", "replace")


def check_target(out: Path, kind: Kind) -> None:
    """Refuse, before anything is written, a file ``out`` may not become: a name without
    the kind's ending, a folder that does not exist, a link to nowhere, or a file that is
    not an older result of the same kind (an empty file holds nothing to lose)."""
    name = display_path(out)
    if kind.suffix and out.suffix.lower() != kind.suffix:
        raise UserError(f"tệp '{name}' không có đuôi {kind.suffix}", f"đặt tên tệp kết thúc bằng {kind.suffix}")
    if out.is_symlink() and not out.exists():
        raise UserError(f"'{name}' là liên kết (shortcut) trỏ tới chỗ không còn; không ghi vào")
    if os.path.lexists(out):
        if not out.is_file():
            raise UserError(f"'{name}' không phải tệp thường (thư mục, thiết bị hay ống dẫn); không ghi vào")
        try:
            raw = out.read_bytes()
        except OSError as exc:
            raise UserError(f"không đọc được '{name}': {os_problem(exc)}") from None
        if raw.strip() and not kind.same(text_of(raw)):
            raise UserError(f"tệp '{name}' đã có và không phải {kind.noun}; không ghi đè",
                            "dùng --out để ghi ra tệp khác")
    elif not out.parent.is_dir():
        raise UserError(f"thư mục '{display_path(out.parent)}' không tồn tại")


def deliver(content: bytes, out: Path) -> None:
    """The result's bytes to standard output (``-``) as they are, or to the file ``out``
    (already checked), replacing it whole."""
    if to_stdout(out):
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
    else:
        atomic_write(out, content)


def emit_json(data: Any, out: Path | None) -> None:
    """JSON on standard output, or in the file ``--out`` names."""
    if to_stdout(out):
        print_json(data)
        return
    check_target(out, JSON)
    deliver(json_text(data).encode("utf-8"), out)


def only_with(out: Path | None, flag: bool, flags: str) -> None:
    """``--out`` given without the option whose result it writes is a mistake, said."""
    if out is not None and not flag:
        raise UserError(f"--out chỉ dùng với {flags}")
