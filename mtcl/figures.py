"""Figures: what the officer types for a target, the line it becomes in records.jsonl, and
the rules both obey.

``build_record`` reads VALUE the way the target's kind asks (a figure, successes over a
total, a percentage, or a checklist item) and refuses what cannot be right (negative, over
100%, a total of zero, a date outside the year, a future date not marked estimated);
``unit_slip`` names figures so far from the plan that they are probably a unit mistake;
``record_problem`` is what a stored line must satisfy against the year's objectives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass as plain_dataclass
from datetime import date
from decimal import Decimal

from pydantic import model_validator
from pydantic.dataclasses import dataclass

from mtcl.entries import ENTRY_CONFIG, Stamp
from mtcl.errors import UserError
from mtcl.models import Amount, Id, Target, Text
from mtcl.numbers import format_number, format_quantity, parse_number
from mtcl.periods import elapsed_share
from mtcl.text import clean, fold

RECORDS_FILE = "records.jsonl"
HUNDRED = Decimal(100)


@dataclass(kw_only=True, slots=True, frozen=True, config=ENTRY_CONFIG)
class FigureRecord:
    """One figure as a department sent it, as of a date (a line of records.jsonl).

    ``value`` is the figure itself; for a ratio it is the count of successes when ``of``
    (the total) is given, else a percentage.  A checklist record names one ``item`` and
    whether it is ``met`` from that date on.
    """

    target: Id
    as_of: dt.date
    value: Amount | None = None
    of: Amount | None = None
    item: Text | None = None
    met: bool | None = None
    estimated: bool = False
    source: str | None = None
    note: str | None = None
    by: Text
    recorded_at: dt.datetime

    @model_validator(mode="after")
    def _one_form(self) -> FigureRecord:
        if (self.value is None) == (self.item is None):
            raise ValueError("bản ghi phải có đúng một trong hai: 'value' (số liệu) hoặc 'item' (tiêu chí)")
        if self.item is not None and (self.met is None or self.of is not None):
            raise ValueError("bản ghi tiêu chí phải có 'met' (true/false) và không có 'of'")
        if self.of is not None and (self.of <= 0 or self.value > self.of):
            raise ValueError("tổng số 'of' phải lớn hơn 0 và không nhỏ hơn 'value'")
        return self


def record_value(record: FigureRecord) -> Decimal:
    """What one numeric record says: a ratio's successes over total, else the value."""
    if record.of is not None:
        return record.value * HUNDRED / record.of
    return record.value


def record_problem(targets: dict[str, Target], year: int) -> Callable[[FigureRecord], str | None]:
    """What a stored record must satisfy: a target still in the objectives, a date in the year."""

    def check(record: FigureRecord) -> str | None:
        if record.target not in targets:
            return f"chỉ tiêu '{record.target}' không còn trong objectives.yaml"
        if record.as_of.year != year:
            return f"ngày số liệu {record.as_of:%d/%m/%Y} nằm ngoài năm {year}"
        return None

    return check


@plain_dataclass
class Typed:
    """What the officer typed for one record, before it is read."""

    value: str
    of: str | None = None
    as_of: date | None = None
    estimated: bool = False
    not_met: bool = False
    source: str | None = None
    note: str | None = None


def build_record(target: Target, typed: Typed, year: int, today: date, stamp: Stamp) -> FigureRecord:
    as_of = typed.as_of or today
    if as_of.year != year:
        raise UserError(f"ngày số liệu {as_of:%d/%m/%Y} nằm ngoài năm {year}")
    if as_of > today and not typed.estimated:
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
        estimated=typed.estimated,
        source=clean(typed.source),
        note=clean(typed.note),
        by=stamp.by,
        recorded_at=stamp.at,
    )
    if target.kind == "checklist":
        if typed.of is not None:
            raise UserError(f"chỉ tiêu {target.id} là danh sách tiêu chí: không dùng --of")
        return FigureRecord(item=_item(target, typed.value), met=not typed.not_met, **common)
    if typed.not_met:
        raise UserError("--not chỉ dùng cho chỉ tiêu dạng danh sách tiêu chí")
    value, of = _numbers(target, typed)
    return FigureRecord(value=value, of=of, **common)


def _item(target: Target, text: str) -> str:
    matches = [item for item in target.items if fold(item) == fold(text)]
    if not matches:
        raise UserError(
            f"'{text}' không phải tiêu chí của chỉ tiêu {target.id}",
            f"các tiêu chí: {', '.join(target.items)}",
        )
    return matches[0]


def _numbers(target: Target, typed: Typed) -> tuple[Decimal, Decimal | None]:
    text = typed.value.strip()
    percent = text.endswith("%")
    value = parse_number(text.removesuffix("%"))
    if percent and target.unit != "%":
        raise UserError(f"chỉ tiêu {target.id} tính bằng {target.unit}, không phải phần trăm")
    if target.kind != "ratio":
        if typed.of is not None:
            raise UserError(f"--of chỉ dùng cho chỉ tiêu tỷ lệ; {target.id} tính bằng {target.unit}")
        return value, None
    if typed.of is None:
        if not percent:
            raise UserError(
                f"chỉ tiêu {target.id} là tỷ lệ: ghi số đạt trên tổng số, hoặc tỷ lệ có dấu %",
                f"ví dụ: mtcl record {target.id} 1240 --of 1250, hoặc mtcl record {target.id} 96,2%",
            )
        if value > HUNDRED:
            raise UserError(f"tỷ lệ {format_number(value)}% vượt quá 100%")
        return value, None
    if percent:
        raise UserError("đã có --of thì số đạt không kèm dấu %", f"ví dụ: {format_number(value)} --of {typed.of}")
    of = parse_number(typed.of)
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
