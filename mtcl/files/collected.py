"""What the level above collected: the bodies' data folders and bundles among the folders
it gives, and why each thing found is not one.

A province receives its communes' data every way there is: a folder per commune, a body's
own repository (``giao-lac/data/2023``), a zip download unpacked one level deeper
(``giao-lac/giao-lac-main/data/2023``), the bundles ``mtcl export bundle`` makes, and
folders that are empty, unreadable, links to a drive that is not mounted.  Each folder
given and each entry inside one is either a body found or an ``Unusable`` with its reason:
nothing is left out in silence.  Hidden entries (``.git``) and files that are not bundles
(``indicators.yaml``, a spreadsheet) are not bodies and are passed over.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from mtcl.core.errors import UserError
from mtcl.core.models import Issuer
from mtcl.core.text import visible
from mtcl.files.book import OBJECTIVES_FILE, YEAR_NAME
from mtcl.files.bundle import BUNDLED, peek
from mtcl.files.fs import display_path, os_problem
from mtcl.files.yamlsource import read_yaml

DEPTH = 2  # how far inside an entry a body's data is looked for (a download unpacked twice)
BUNDLE_SUFFIX = ".zip"


@dataclass(frozen=True)
class Found:
    """A body's data as received: a data folder (year folders inside), or a bundle."""

    path: Path
    shown: str
    kind: Literal["folder", "bundle"]
    years: tuple[int, ...]  # the years it holds, oldest first


@dataclass(frozen=True)
class Unusable:
    """Something given, or found inside what was given, that holds no body's data."""

    shown: str
    reason: str


def collect(paths: list[Path]) -> tuple[list[Found], list[Unusable]]:
    """The bodies' data in ``paths`` (each a data folder, a bundle, or a folder of them),
    and every entry that is none, with its reason."""
    found: list[Found] = []
    unusable: list[Unusable] = []
    for path in paths:
        if path.is_file() and path.suffix.lower() == BUNDLE_SUFFIX:
            found.append(_bundle(path))
            continue
        if path.exists() and not path.is_dir():  # a file given by a pattern, say rollup *
            unusable.append(Unusable(shown(path), "không phải thư mục hay gói .zip"))
            continue
        if not path.is_dir():
            raise UserError(f"không có thư mục '{display_path(path)}'")
        inside = _bodies(path)
        if inside is not None:
            found += inside
            continue
        entries, problem = _entries(path)
        if problem:
            unusable.append(Unusable(shown(path), problem))
        for entry in entries:
            kept, reason = _look_inside(entry)
            found += kept
            unusable += [Unusable(shown(entry), reason)] if reason else []
        if not entries and not problem:
            raise UserError(f"'{display_path(path)}' không có thư mục dữ liệu nào (thư mục có năm như 2023/)")
    return found, unusable


def _look_inside(entry: Path) -> tuple[list[Found], str | None]:
    """The bodies an entry of a collection holds, or why it holds none."""
    if entry.is_file():
        return [_bundle(entry)], None
    if not entry.is_dir():
        if entry.is_symlink():
            return [], (f"liên kết tới '{os.readlink(entry)}' không mở được (ổ đĩa chưa gắn, hoặc thư mục đã "
                        "chuyển đi)")
        return [], "không phải thư mục hay gói .zip"
    found, problems = _search(entry, DEPTH)
    if found or problems:
        return found, "; ".join(problems) or None
    if not _entries(entry)[0]:
        return [], "thư mục trống"
    return [], "không có thư mục năm (như 2023/) có tệp của mtcl, hay gói .zip nào"


def _search(folder: Path, depth: int) -> tuple[list[Found], list[str]]:
    """The bodies in ``folder`` or below it, ``depth`` levels at most, and the folders on
    the way that could not be opened."""
    here = _bodies(folder)
    if here is not None:
        return here, []
    entries, problem = _entries(folder)
    if problem:
        return [], [problem if depth == DEPTH else f"'{shown(folder)}': {problem}"]
    found: list[Found] = []
    problems: list[str] = []
    for entry in entries:
        if entry.is_file():
            found.append(_bundle(entry))
        elif depth > 0 and entry.is_dir():
            more, trouble = _search(entry, depth - 1)
            found, problems = found + more, problems + trouble
    return found, problems


def _bodies(folder: Path) -> list[Found] | None:
    """The folder as one body's data: itself with year folders, or its data/ folder (a
    body's repository, whose reports/ folder is not looked into); None when it is neither."""
    for data in (folder, folder / "data"):
        years = _years(data)
        if years:
            return [Found(data, shown(data), "folder", years)]
    return None


def _years(folder: Path) -> tuple[int, ...]:
    """The year folders of a data folder that hold a file of mtcl (a reports/2023/ of
    documents is not one)."""
    try:
        with os.scandir(folder) as listing:
            named = [entry.path for entry in listing if YEAR_NAME.fullmatch(entry.name) and entry.is_dir()]
    except OSError:
        return ()
    return tuple(sorted(int(Path(path).name) for path in named
                        if any(os.path.isfile(os.path.join(path, name)) for name in BUNDLED)))


def _entries(folder: Path) -> tuple[list[Path], str | None]:
    """The folder's entries worth a look (not hidden; files only when they are bundles),
    sorted, or why the folder cannot be listed."""
    try:
        with os.scandir(folder) as listing:
            entries = [Path(entry.path) for entry in listing if not entry.name.startswith(".")]
    except OSError as exc:
        return [], f"không mở được thư mục: {os_problem(exc)}"
    return sorted(p for p in entries if not p.is_file() or p.suffix.lower() == BUNDLE_SUFFIX), None


def shown(path: Path) -> str:
    """A path as a list of the level above shows it: a control character in a folder's
    name written out (\\x1b), so that no table or sheet breaks on it."""
    return visible(display_path(path))


def _bundle(path: Path) -> Found:
    """A bundle found, with the year its manifest says (none when it cannot be told)."""
    manifest = peek(path)
    return Found(path, shown(path), "bundle", (manifest.year,) if manifest else ())


def issuer_in(folder: Path) -> Issuer | None:
    """The body a year folder's objectives.yaml names, read alone, when the year as a whole
    does not load (its plan is broken) or is not the one asked for."""
    try:
        raw, _ = read_yaml(folder / OBJECTIVES_FILE)
        return Issuer.model_validate(raw["issuer"])
    except (UserError, OSError, ValidationError, KeyError, TypeError):
        return None
