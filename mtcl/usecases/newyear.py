"""A new year's folder from the last one: same objectives, targets and tasks, new dates.

Each January the commune issues new objectives, most carried over with new figures.
``create_year`` copies the hand-written files with their comments, order and layout, moves
every date and the year in the phrases that mean the plan's year ("năm 2023", "Quý I/2023",
"15/6/2023" → 2024; a month's last day stays the month's last day, so quarter ends stay
quarter ends and 28/02 becomes 29/02 in a leap year), leaves every other number alone (a
period "2022-2025", a decision "số 2023/QĐ-UBND"), empties the decision for the officer to
fill, restarts the revision history, and copies no figures or completions.  It builds the
year in a hidden temporary folder beside the others and renames it into place, so a year
folder is never seen half made; it never touches an existing one.
"""

from __future__ import annotations

import calendar
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from mtcl.core.errors import DataErrors, UserError
from mtcl.core.text import excerpt
from mtcl.files.book import OBJECTIVES_FILE, PLAN_FILE, data_root, open_folder, open_year, year_folders
from mtcl.files.fs import atomic_write, display_path, os_problem, umask
from mtcl.files.migrate import CURRENT_SCHEMA, upgrade
from mtcl.files.roundtrip import dump, line_of, load


def shift_date(day: date, year: int) -> date:
    """The same day in ``year``; a month's last day stays its last day."""
    last = calendar.monthrange(day.year, day.month)[1]
    new_last = calendar.monthrange(year, day.month)[1]
    return date(year, day.month, new_last if day.day == last else min(day.day, new_last))


# The year in a phrase that means the plan's year: "năm 2023" (not "năm 2021-2025"), a month
# or a quarter "12/2022", "Quý I/2023" (not "27/2023/QĐ"), a date "15/6/2023".
_PHRASES = re.compile(
    r"(?P<date>\b(?P<day>[0-9]{1,2})/(?P<month>[0-9]{1,2})/(?P<dyear>[0-9]{4})\b(?!/))"
    r"|(?P<nam>\b[Nn]ăm\s+)(?P<nyear>[0-9]{4})\b(?!\s*[-–]\s*[0-9]{4})"
    r"|(?P<part>\b(?:[0-9]{1,2}|[IV]{1,3})/)(?P<pyear>[0-9]{4})\b(?!/)"
)


def moved_phrases(text: str, old: int, new: int) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with the plan's year (and the one before it: "Tháng 12/2022 – Quý I/2023")
    moved from ``old`` to ``new`` where a phrase means it, and each phrase moved (before,
    after)."""
    moves: list[tuple[str, str]] = []

    def moved(match: re.Match) -> str:
        after = _moved(match)
        if after != match.group():
            moves.append((match.group().strip(), after.strip()))
        return after

    def _moved(match: re.Match) -> str:
        if match["date"]:
            day, month, year = int(match["day"]), int(match["month"]), int(match["dyear"])
            if year not in (old, old - 1) or not 1 <= month <= 12 or not 1 <= day <= 31:
                return match.group()
            try:
                shifted = shift_date(date(year, month, day), year + new - old)
            except ValueError:
                return match.group()  # not a real date: not ours to move
            day_text = f"{shifted.day:0{len(match['day'])}d}"
            month_text = f"{shifted.month:0{len(match['month'])}d}"
            return f"{day_text}/{month_text}/{shifted.year}"
        prefix, year = (match["nam"], match["nyear"]) if match["nam"] else (match["part"], match["pyear"])
        number = int(year)
        return prefix + (str(number + new - old) if number in (old, old - 1) else year)

    return _PHRASES.sub(moved, text), moves


@dataclass(frozen=True)
class Change:
    """A text ``mtcl init`` moved to the new year, for the officer to review."""

    file: str
    line: int | None
    text: str  # as it was
    moves: tuple[tuple[str, str], ...]

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        moved = "; ".join(f"{before} → {after}" for before, after in self.moves)
        return f"{where}: {moved} (“{excerpt(self.text, self.moves[0][0] if self.moves else '')}”)"


def _move_texts(node: Any, old: int, new: int, file: str, document: Any, changes: list[Change],
                path: tuple = ()) -> Any:
    """Every text and date in the document moved to the new year (layout kept); each text
    changed is listed in ``changes``."""
    if isinstance(node, dict):
        for key in list(node):
            node[key] = _move_texts(node[key], old, new, file, document, changes, path + (key,))
        return node
    if isinstance(node, list):
        for index, item in enumerate(node):
            node[index] = _move_texts(item, old, new, file, document, changes, path + (index,))
        return node
    if isinstance(node, date):
        return shift_date(node, new) if node.year in (old, old - 1) else node
    if isinstance(node, str):
        moved, moves = moved_phrases(node, old, new)
        if moved == node:
            return node
        changes.append(Change(file, line_of(document, path), " ".join(node.split()), tuple(moves)))
        copy = type(node)(moved) if type(node) is not str else moved
        for attribute in ("fold_pos", "comment"):  # folded text keeps its line breaks
            if hasattr(node, attribute):
                setattr(copy, attribute, getattr(node, attribute))
        return copy
    return node


def create_year(root: Path, year: int, source_year: int | None = None) -> tuple[Path, list[str], list[Change]]:
    """Create ``<root>/<year>`` from ``source_year`` (default: the year before); return the
    folder, what is left for the officer to fill, and every text that was moved."""
    root = data_root(root)
    source_year = source_year or year - 1
    target = root / str(year)
    if os.path.lexists(target):
        raise UserError(f"thư mục '{display_path(target)}' đã có; mtcl init không ghi đè năm đã có")
    if source_year not in year_folders(root):
        raise UserError(f"không có năm {source_year} để sao chép", "chỉ rõ năm gốc bằng --from NĂM")
    open_year(root, source_year)  # refuse to copy a year that does not load
    source = root / str(source_year)
    changes: list[Change] = []
    files = {}
    for kind, name in (("objectives", OBJECTIVES_FILE), ("plan", PLAN_FILE)):
        doc, layout = load(source / name)
        if doc.get("schema_version") != CURRENT_SCHEMA:
            upgrade(kind, doc)
        _move_texts(doc, source_year, year, f"{year}/{name}", doc, changes)
        doc["year"] = year
        files[name] = (doc, layout)
    objectives = files[OBJECTIVES_FILE][0]
    objectives["decision"]["number"] = None
    objectives["decision"]["date"] = None
    objectives["revision"]["number"] = 1
    objectives["revision"]["history"] = []
    created = build_in_place(root, target, year, {name: dump(doc, layout) for name, (doc, layout) in files.items()})
    shown = display_path(target)
    todo = [
        f"{shown}/{OBJECTIVES_FILE}: điền số và ngày quyết định ban hành (decision), ghi lần ban hành (revision.history)",
        f"{shown}/{OBJECTIVES_FILE}: sửa kế hoạch (plan) của {len(created.targets)} chỉ tiêu theo Nghị quyết năm {year}",
        f"{shown}/{PLAN_FILE}: kiểm tra hạn của {len(created.tasks)} nhiệm vụ (đã dời sang năm {year})",
    ]
    return target, todo, changes


def build_in_place(root: Path, target: Path, year: int, contents: dict[str, bytes], check: bool = True):
    """Write the files into a hidden temporary folder, check them (unless they are a draft
    the officer completes), then rename the folder into place: killed at any moment, the
    data folder shows the whole year or none of it (a leftover ``.2024.tmp-…`` folder is not
    a year and is ignored)."""
    try:
        temporary = Path(tempfile.mkdtemp(prefix=f".{year}.tmp-", dir=root))
        os.chmod(temporary, 0o777 & ~umask())  # mkdtemp's folder is private; a year folder is shared
    except OSError as exc:
        raise UserError(f"không tạo được thư mục năm {year} trong '{display_path(root)}': {os_problem(exc)}") from None
    try:
        for name, content in contents.items():
            atomic_write(temporary / name, content)
        created = open_folder(temporary, year) if check else None
        os.rename(temporary, target)
    except (DataErrors, UserError):
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    except OSError as exc:
        shutil.rmtree(temporary, ignore_errors=True)
        if os.path.lexists(target):
            raise UserError(f"thư mục '{display_path(target)}' vừa được tạo (có người chạy mtcl init cùng lúc); "
                            "mtcl init không ghi đè năm đã có") from None
        raise UserError(f"không tạo được thư mục năm {year}: {os_problem(exc)}; chưa có gì thay đổi") from None
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return created
