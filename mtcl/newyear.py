"""A new year's folder from the last one: same objectives, targets and tasks, new dates.

Each January the commune issues new objectives, most carried over with new figures.
``create_year`` copies the hand-written files with their comments and order, moves the
year in every date and text (15/6/2023 → 15/6/2024; a month's last day stays the month's
last day, so quarter ends stay quarter ends and 28/02 becomes 29/02 in a leap year),
empties the decision for the officer to fill, restarts the revision history, and copies
no figures or completions.  It never touches an existing folder.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from pathlib import Path
from typing import Any

from mtcl.book import OBJECTIVES_FILE, PLAN_FILE, data_root, open_year, year_folders
from mtcl.errors import UserError
from mtcl.files import atomic_write, display_path
from mtcl.migrate import CURRENT_SCHEMA, upgrade
from mtcl.roundtrip import dump, load


def shift_date(day: date, year: int) -> date:
    """The same day in ``year``; a month's last day stays its last day."""
    last = calendar.monthrange(day.year, day.month)[1]
    new_last = calendar.monthrange(year, day.month)[1]
    return date(year, day.month, new_last if day.day == last else min(day.day, new_last))


def _retext(value: str, old: int, new: int) -> str:
    shift = new - old
    return re.sub(r"(?<!\d)(\d{4})(?!\d)", lambda m: _year_word(m.group(1), old, shift), value)


def _year_word(word: str, old: int, shift: int) -> str:
    # Only the plan's own year and the one before it ("Tháng 12/2022 – Quý I/2023") move.
    number = int(word)
    return str(number + shift) if number in (old, old - 1) else word


def _move_texts(node: Any, old: int, new: int) -> Any:
    """Every text and date in the document, moved to the new year (layout kept)."""
    if isinstance(node, dict):
        for key in list(node):
            node[key] = _move_texts(node[key], old, new)
        return node
    if isinstance(node, list):
        for index, item in enumerate(node):
            node[index] = _move_texts(item, old, new)
        return node
    if isinstance(node, date):
        return shift_date(node, new) if node.year in (old, old - 1) else node
    if isinstance(node, str):
        moved = _retext(node, old, new)
        if moved == node:
            return node
        copy = type(node)(moved) if type(node) is not str else moved
        for attribute in ("fold_pos", "comment"):  # folded text keeps its line breaks
            if hasattr(node, attribute):
                setattr(copy, attribute, getattr(node, attribute))
        return copy
    return node


def create_year(root: Path, year: int, source_year: int | None = None) -> tuple[Path, list[str]]:
    """Create ``<root>/<year>`` from ``source_year`` (default: the year before)."""
    root = data_root(root)
    source_year = source_year or year - 1
    target = root / str(year)
    if target.exists():
        raise UserError(f"thư mục '{display_path(target)}' đã có; mtcl init không ghi đè năm đã có")
    if source_year not in year_folders(root):
        raise UserError(f"không có năm {source_year} để sao chép", "chỉ rõ năm gốc bằng --from NĂM")
    open_year(root, source_year)  # refuse to copy a year that does not load
    source = root / str(source_year)
    objectives, plan = load(source / OBJECTIVES_FILE), load(source / PLAN_FILE)
    for kind, doc in (("objectives", objectives), ("plan", plan)):
        if doc.get("schema_version") != CURRENT_SCHEMA:
            upgrade(kind, doc)
        _move_texts(doc, source_year, year)
        doc["year"] = year
    decision = objectives["decision"]
    decision["number"] = None
    decision["date"] = None
    objectives["revision"]["number"] = 1
    objectives["revision"]["history"] = []

    target.mkdir()
    try:
        atomic_write(target / OBJECTIVES_FILE, dump(objectives).encode("utf-8"))
        atomic_write(target / PLAN_FILE, dump(plan).encode("utf-8"))
        created = open_year(root, year)
    except BaseException:
        for path in target.iterdir():
            path.unlink()
        target.rmdir()
        raise
    shown = display_path(target)
    todo = [
        f"{shown}/{OBJECTIVES_FILE}: điền số và ngày quyết định ban hành (decision), ghi lần ban hành (revision.history)",
        f"{shown}/{OBJECTIVES_FILE}: sửa kế hoạch (plan) của {len(created.targets)} chỉ tiêu theo Nghị quyết năm {year}",
        f"{shown}/{PLAN_FILE}: kiểm tra hạn của {len(created.tasks)} nhiệm vụ (đã dời sang năm {year})",
    ]
    return target, todo
