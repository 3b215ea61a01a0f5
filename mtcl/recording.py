"""Turning what the officer types into a figure record, and the year's stored figures.

``build_record`` reads VALUE the way the target's kind asks (a figure, successes over a
total, a percentage, or a checklist item), refuses what cannot be right (negative, over
100%, a total of zero, a date outside the year, a future date not marked estimated) and
``unit_slip`` names figures so far from the plan that they are probably a unit mistake.
"""

from __future__ import annotations

import getpass
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal

from mtcl.attainment import HUNDRED, History, RecordIndex, record_value
from mtcl.errors import UserError
from mtcl.loader import YearData, load_year, year_folders
from mtcl.models import FigureRecord, Target
from mtcl.numbers import format_number, format_quantity, parse_number
from mtcl.periods import elapsed_share
from mtcl.store import JsonlStore

RECORDS_FILE = "records.jsonl"


def records_store(year: YearData) -> JsonlStore[FigureRecord]:
    return JsonlStore(year.folder / RECORDS_FILE, FigureRecord)


def records_check(year: YearData) -> Callable[[FigureRecord], str | None]:
    """What a stored record must satisfy: a target still in the objectives, a date in the year."""

    def check(record: FigureRecord) -> str | None:
        if record.target not in year.targets:
            return f"chỉ tiêu '{record.target}' không còn trong objectives.yaml"
        if record.as_of.year != year.year:
            return f"ngày số liệu {record.as_of:%d/%m/%Y} nằm ngoài năm {year.year}"
        return None

    return check


def load_records(year: YearData) -> list[FigureRecord]:
    """The year's figures; a record that fails ``records_check`` is an error at its line."""
    return records_store(year).load(records_check(year))


def append_record(year: YearData, record: FigureRecord) -> list[FigureRecord]:
    """Store ``record``; return every record of the year, read once, the new one last."""
    return records_store(year).append(record, records_check(year))


def load_history(year: YearData) -> History | None:
    """Last year's targets and figures, when its folder is there.  A last year that does not
    load must not stop this year's work: it raises ``UserError`` for the caller to report."""
    previous = year_folders(year.folder.parent).get(year.year - 1)
    if previous is None:
        return None
    last = load_year(year.folder.parent, year.year - 1)
    return History(last.targets, RecordIndex(load_records(last)))


def current_user(by: str | None) -> str:
    if by and by.strip():
        return by.strip()
    try:
        return os.environ.get("MTCL_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "không rõ"


def fold(text: str) -> str:
    """Text without case or diacritics, so 'giao thong' finds 'Giao thông'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


@dataclass
class Entry:
    """What the officer typed for one record, before it is read."""

    value: str
    of: str | None = None
    as_of: date | None = None
    estimated: bool = False
    not_met: bool = False
    source: str | None = None
    note: str | None = None
    by: str | None = None


def build_record(year: YearData, target: Target, entry: Entry, today: date) -> FigureRecord:
    as_of = entry.as_of or today
    if as_of.year != year.year:
        raise UserError(f"ngày số liệu {as_of:%d/%m/%Y} nằm ngoài năm {year.year}")
    if as_of > today and not entry.estimated:
        raise UserError(
            f"ngày số liệu {as_of:%d/%m/%Y} chưa tới",
            "số liệu ước tính cho ngày sau hôm nay thì thêm --estimated",
        )
    if target.sum_of:
        raise UserError(
            f"chỉ tiêu {target.id} là tổng của {', '.join(target.sum_of)}: không ghi trực tiếp",
            f"ghi số liệu cho từng chỉ tiêu thành phần ({' và '.join(target.sum_of)})",
        )
    common = dict(
        target=target.id,
        as_of=as_of,
        estimated=entry.estimated,
        source=_clean(entry.source),
        note=_clean(entry.note),
        by=current_user(entry.by),
        recorded_at=datetime.now(timezone.utc).replace(microsecond=0),
    )
    if target.kind == "checklist":
        if entry.of is not None:
            raise UserError(f"chỉ tiêu {target.id} là danh sách tiêu chí: không dùng --of")
        return FigureRecord(item=_item(target, entry.value), met=not entry.not_met, **common)
    if entry.not_met:
        raise UserError("--not chỉ dùng cho chỉ tiêu dạng danh sách tiêu chí (như 4h)")
    value, of = _numbers(target, entry)
    return FigureRecord(value=value, of=of, **common)


def _clean(text: str | None) -> str | None:
    return text.strip() if text and text.strip() else None


def _item(target: Target, text: str) -> str:
    matches = [item for item in target.items if fold(item) == fold(text)]
    if not matches:
        raise UserError(
            f"'{text}' không phải tiêu chí của chỉ tiêu {target.id}",
            f"các tiêu chí: {', '.join(target.items)}",
        )
    return matches[0]


def _numbers(target: Target, entry: Entry) -> tuple[Decimal, Decimal | None]:
    text = entry.value.strip()
    percent = text.endswith("%")
    value = parse_number(text.removesuffix("%"))
    if percent and target.unit != "%":
        raise UserError(f"chỉ tiêu {target.id} tính bằng {target.unit}, không phải phần trăm")
    if target.kind != "ratio":
        if entry.of is not None:
            raise UserError(f"--of chỉ dùng cho chỉ tiêu tỷ lệ; {target.id} tính bằng {target.unit}")
        return value, None
    if entry.of is None:
        if not percent:
            raise UserError(
                f"chỉ tiêu {target.id} là tỷ lệ: ghi số đạt trên tổng số, hoặc tỷ lệ có dấu %",
                f"ví dụ: mtcl record {target.id} 1240 --of 1250, hoặc mtcl record {target.id} 96,2%",
            )
        if value > HUNDRED:
            raise UserError(f"tỷ lệ {format_number(value)}% vượt quá 100%")
        return value, None
    if percent:
        raise UserError("đã có --of thì số đạt không kèm dấu %", f"ví dụ: {format_number(value)} --of {entry.of}")
    of = parse_number(entry.of)
    if of == 0:
        raise UserError("tổng số (--of) phải lớn hơn 0")
    if value > of:
        raise UserError(f"số đạt {format_number(value)} lớn hơn tổng số {format_number(of)}")
    return value, of


def unit_slip(target: Target, record: FigureRecord) -> str | None:
    """A warning when the figure is so far from the plan that it is likely a unit slip."""
    if record.value is None or target.kind == "ratio" or target.plan == 0:
        return None
    value = record_value(record)
    if value > target.plan * 10:
        return (
            f"số {format_quantity(value, target.unit)} lớn hơn 10 lần kế hoạch "
            f"({format_quantity(target.plan, target.unit)}); có nhầm đơn vị không?"
        )
    late = elapsed_share(record.as_of) >= Decimal("0.5")
    if target.kind == "cumulative" and late and value < target.plan / 100:
        return (
            f"số lũy kế {format_quantity(value, target.unit)} chưa bằng 1/100 kế hoạch "
            f"({format_quantity(target.plan, target.unit)}) dù đã qua nửa năm; có nhầm đơn vị không?"
        )
    return None
