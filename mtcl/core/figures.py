"""Figures: what the officer types for a target, the line it becomes in records.jsonl, and
the rules both obey.

``build_record`` reads VALUE the way the target's kind asks (a figure, successes over a
total, a percentage, or a checklist item) and refuses what cannot be right (negative, over
100%, a total of zero, more decimals than the target allows, a date outside the year, a
future date not marked estimated); ``doubt`` names a figure so far from what is expected at
its date that it is probably a slip (a unit, a wrong target), and ``twins`` the targets
whose ids differ only by diacritics (4d and 4đ).  What a stored line must satisfy against the
year's objectives is a rule of ``checks``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass as plain_dataclass
from datetime import date
from decimal import Decimal

from pydantic import model_validator
from pydantic.dataclasses import dataclass

from mtcl.core.entries import ENTRY_CONFIG, Stamp
from mtcl.core.errors import UserError
from mtcl.core.goals import expected_at
from mtcl.core.models import Amount, Id, SignedAmount, Target, Text
from mtcl.core.numbers import (MINUS_SIGNS, format_date, format_number, format_quantity, parse_number, rounded_number,
                               spell_number)
from mtcl.core.periods import elapsed_share
from mtcl.core.phrases import numbers
from mtcl.core.text import clean, fold, nfc
from mtcl.core.text import typed as text_typed

RECORDS_FILE = "records.jsonl"
REF_PREFIX = "SL"
HUNDRED = Decimal(100)
# A cumulative figure above this many times the progress planned at its date is doubtful;
# any other figure above this many times the year's plan.
PROGRESS_FACTOR = 5
PLAN_FACTOR = 10


@dataclass(kw_only=True, slots=True, frozen=True, config=ENTRY_CONFIG)
class FigureRecord:
    """One figure as a department sent it, as of a date (a line of records.jsonl).

    ``value`` is the figure itself; for a ratio it is the count of successes when ``of``
    (the total) is given, else a percentage.  A checklist record names one ``item`` and
    whether it is ``met`` from that date on.
    """

    ref: str | None = None  # written by mtcl; worked out for lines written before (entries.py)
    target: Id
    as_of: dt.date
    value: SignedAmount | None = None  # negative only for a signed target (checks)
    of: Amount | None = None
    item: Text | None = None
    met: bool | None = None
    grade: Text | None = None  # a rating's grade, on the target's scale
    estimated: bool = False
    source: str | None = None
    note: str | None = None
    by: Text
    recorded_at: dt.datetime
    # A figure imported from a department's spreadsheet: the file's name, the sheet and
    # cell it was read from, the file's SHA-256 (the same file is never imported twice), and
    # the reference of the form (BM-…) it was made as, when it carries one.
    file: str | None = None
    cell: str | None = None
    sha256: str | None = None
    form: str | None = None

    @model_validator(mode="after")
    def _one_form(self) -> FigureRecord:
        forms = (self.value is not None, self.item is not None, self.grade is not None,
                 self.met is not None and self.item is None)
        if sum(forms) != 1:
            raise ValueError("bản ghi phải có đúng một trong: 'value' (số liệu), 'item' và 'met' (tiêu chí), 'grade' "
                             "(xếp loại) hoặc 'met' (tự đánh giá)")
        if self.item is not None and (self.met is None or self.of is not None):
            raise ValueError("bản ghi tiêu chí phải có 'met' (true/false) và không có 'of'")
        if self.of is not None and (self.value is None or self.of <= 0 or self.value > self.of):
            raise ValueError("tổng số 'of' phải lớn hơn 0 và không nhỏ hơn 'value'")
        return self


def record_value(record: FigureRecord) -> Decimal:
    """What one numeric record says: a ratio's successes over total, else the value."""
    if record.of is not None:
        return record.value * HUNDRED / record.of
    return record.value


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
    text_typed(typed.value, "SỐ_LIỆU")
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
        source=text_typed(typed.source, "--source"),
        note=text_typed(typed.note, "--note", multiline=True),
        by=clean(stamp.by),
        recorded_at=stamp.at,
    )
    if target.kind == "checklist":
        if typed.of is not None:
            raise UserError(f"chỉ tiêu {target.id} là danh sách tiêu chí: không dùng --of")
        return FigureRecord(item=_item(target, nfc(typed.value)), met=not typed.not_met, **common)
    if typed.not_met:
        raise UserError("--not chỉ dùng cho chỉ tiêu dạng danh sách tiêu chí")
    if target.kind in ("rating", "judged"):
        if typed.of is not None:
            raise UserError(f"chỉ tiêu {target.id} được đánh giá bằng lời: không dùng --of")
        if common["note"] is None:
            raise UserError(f"chỉ tiêu {target.id} được đánh giá bằng lời: ghi căn cứ bằng --note",
                            "kèm văn bản làm căn cứ bằng --source (số, ký hiệu văn bản)")
        if target.kind == "rating":
            return FigureRecord(grade=_choice(target, target.scale, typed.value, "mức xếp loại"), **common)
        said = _choice(target, [JUDGED_WORDS[True], JUDGED_WORDS[False]], typed.value, "đánh giá")
        return FigureRecord(met=said == JUDGED_WORDS[True], **common)
    value, of = _numbers(target, typed)
    return FigureRecord(value=value, of=of, **common)


JUDGED_WORDS = {True: "Đạt", False: "Chưa đạt"}


def _choice(target: Target, choices: list[str], text: str, what: str) -> str:
    """One of ``choices``, typed with or without diacritics and in any case."""
    matches = [choice for choice in choices if fold(choice) == fold(text)]
    if not matches:
        raise UserError(f"'{text.strip()}' không phải {what} của chỉ tiêu {target.id}",
                        f"chọn một trong: {', '.join(choices)}")
    return matches[0]


def _item(target: Target, text: str) -> str:
    matches = [item for item in target.items if fold(item) == fold(text)]
    if not matches:
        raise UserError(
            f"'{text}' không phải tiêu chí của chỉ tiêu {target.id}",
            f"các tiêu chí: {', '.join(target.items)}",
        )
    return matches[0]


def _numbers(target: Target, typed: Typed) -> tuple[Decimal, Decimal | None]:
    text = typed.value.strip().replace(MINUS_SIGNS[1], "-")  # as typed, whichever minus reached us
    percent = text.endswith("%")
    try:
        value = parse_number(text.removesuffix("%"), signed=target.signed)
    except UserError as exc:
        raise _with_unit_hint(exc, text, target) from None
    if percent and target.unit != "%":
        raise UserError(f"chỉ tiêu {target.id} tính bằng {target.unit}, không phải phần trăm")
    if target.kind != "ratio" or typed.of is None:
        _check_decimals(target, value, text.removesuffix("%"))
    if target.kind != "ratio":
        if typed.of is not None:
            raise UserError(f"--of chỉ dùng cho chỉ tiêu tỷ lệ; {target.id} tính bằng {target.unit}")
        if target.percent_of_whole and value > HUNDRED:
            raise UserError(f"tỷ lệ {format_number(value)}% vượt quá 100%: chỉ tiêu {target.id} là tỷ lệ của một tổng "
                            "thể", "nếu số liệu của chỉ tiêu này có thể trên 100%, ghi above_100: true cho chỉ tiêu "
                            "trong objectives.yaml")
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
    for count, text in ((value, typed.value), (of, typed.of)):
        if count != count.to_integral_value():
            raise UserError(f"'{text.strip()}' không phải số nguyên: số đạt và tổng số (--of) là số đếm",
                            "tỷ lệ đã tính sẵn thì ghi kèm dấu %, ví dụ 96,2%")
    if of == 0:
        raise UserError("tổng số (--of) phải lớn hơn 0")
    if value > of:
        raise UserError(f"số đạt {format_number(value)} lớn hơn tổng số {format_number(of)}")
    return value, of


def _with_unit_hint(error: UserError, text: str, target: Target) -> UserError:
    """'2,9 tỷ' or 'đạt 43,5 triệu đồng': a figure typed with words around it is read by the
    decision's phrase reader, and the hint gives the figure alone."""
    found = numbers(text)
    words = text[:found[0].start] + text[found[0].end:] if len(found) == 1 else ""
    if len(found) != 1 or not re.search(r"[^\W\d_]", words):
        return error  # no word around the number: the reading's own hint says what is wrong
    figure = found[0].text
    if re.search(r"\buoc\b", fold(words)):  # 'ước 2,6': an estimate, said in words
        return UserError(error.message, f"số ước thực hiện thì ghi: {figure} --estimated")
    return UserError(error.message, f"ghi số không kèm chữ: {figure} (đơn vị của chỉ tiêu {target.id} là "
                                    f"{target.unit})")


def typed_places(value: Decimal) -> int:
    """The decimals a figure was written with: 2,415 → 3, 78.000 → 0."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _check_decimals(target: Target, value: Decimal, text: str) -> None:
    places = typed_places(value)
    if target.decimals is None or places <= target.decimals:
        return
    allowed = "số nguyên" if target.decimals == 0 else f"tối đa {target.decimals} chữ số thập phân"
    hint = None
    if target.decimals == 0 and places == 3:
        # 41,250 typed the English way for forty-one thousand two hundred and fifty
        whole = value * 1000
        hint = f"nếu là {spell_number(int(whole))}, gõ {format_number(whole)}"
    raise UserError(f"chỉ tiêu {target.id} ({target.unit}) ghi {allowed}: '{text}' có {places} chữ số thập phân",
                    hint)


# A figure this many times (or this many times smaller than) what was expected is probably
# off by a thousand: a comma for a dot, triệu for tỷ.
THOUSANDS = (Decimal(300), Decimal(3000))


def doubt(target: Target, value: Decimal, as_of: date, previous: FigureRecord | None = None,
          usual_places: frozenset[int] = frozenset(), typed: bool = True) -> str | None:
    """Why ``value`` at ``as_of`` looks like a slip, or nothing when it looks plausible.

    A percentage under 1 where the plan is over 10 (0,85% for 85%); three digits after the
    comma where the target never had three (41,250: forty-one, or forty-one thousand?); a
    cumulative figure far from the progress planned at its own date, or any other far from
    the year's plan — and, when it is off by about a thousand, the other reading; a
    cumulative figure that falls below an earlier one, or a level that jumps tenfold from
    the figure before it."""
    if target.kind not in ("ratio", "cumulative", "level") or target.change or target.share_of:
        return None
    amount = format_quantity(value, target.unit)
    planned = target.bounds[1]  # the top of the plan
    if typed and target.unit == "%" and planned > 10 and 0 < value < 1:
        return f"{amount} rất nhỏ so với kế hoạch {format_quantity(planned, '%')}: {amount} hay {format_quantity(value * 100, '%')}?"
    if typed and typed_places(value) == 3 and 3 not in usual_places:
        return (f"'{format_number(value, 3)}' được đọc là {amount}; nếu là {format_quantity(value * 1000, target.unit)} "
                f"({spell_number(int(value * 1000))}) thì gõ {format_number(value * 1000)}")
    if target.kind == "ratio":
        return None
    if target.kind == "cumulative" and not target.less_is_better:
        expected = expected_at(target, as_of, planned)
        if expected > 0 and value > PROGRESS_FACTOR * expected:
            times = rounded_number(value / expected)
            return (f"{amount} đến ngày {format_date(as_of)} gấp {times} lần tiến độ kế hoạch đến ngày đó "
                    f"({format_quantity(expected, target.unit, most=2)}){_thousand(value, expected, target)}")
        if expected > 0 and value * THOUSANDS[0] <= expected:
            return (f"{amount} đến ngày {format_date(as_of)} chưa bằng 1/{rounded_number(expected / value) if value else '∞'} "
                    f"tiến độ kế hoạch đến ngày đó ({format_quantity(expected, target.unit, most=2)})"
                    f"{_thousand(value, expected, target)}")
        if elapsed_share(as_of) >= Decimal("0.5") and value < planned / 100:
            return f"số lũy kế {amount} chưa bằng 1/100 kế hoạch năm dù đã qua nửa năm"
    elif planned > 0 and value > PLAN_FACTOR * planned:
        return f"{amount} gấp {rounded_number(value / planned)} lần kế hoạch năm{_thousand(value, planned, target)}"
    if previous is None or previous.value is None or previous.as_of >= as_of:
        return None
    before = record_value(previous)
    earlier = f"số ngày {format_date(previous.as_of)} ({format_quantity(before, target.unit)})"
    if target.kind == "cumulative" and value < before:
        return f"số lũy kế {amount} nhỏ hơn {earlier}"
    if target.kind == "level" and before > 0 and (value > PLAN_FACTOR * before or value * PLAN_FACTOR < before):
        return f"{amount} lệch hơn 10 lần so với {earlier}"
    return None


def _thousand(value: Decimal, expected: Decimal, target: Target) -> str:
    """'; có phải 2,9 tỷ đồng?': the reading a thousand times smaller or larger, where the
    figure is that far from what was expected."""
    if not value or not expected:
        return ""
    ratio = value / expected
    if THOUSANDS[0] <= ratio <= THOUSANDS[1]:
        return f"; có phải {format_quantity(value / 1000, target.unit)}?"
    if THOUSANDS[0] <= 1 / ratio <= THOUSANDS[1]:
        return f"; có phải {format_quantity(value * 1000, target.unit)}?"
    return ""


def twins(targets: dict[str, Target], target: Target) -> list[Target]:
    """The other targets whose ids read the same without diacritics (4d and 4đ, 4e and 4ê)."""
    return [t for t in targets.values() if t.id != target.id and fold(t.id) == fold(target.id)]
