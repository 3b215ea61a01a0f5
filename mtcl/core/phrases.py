"""Vietnamese phrases of a decision read into values: the plan of a target (its number, unit,
comparison and kind) and the timing of a task (its deadlines or its repeat).

Every reader returns what it read and, when it had to choose between readings, a guess: the
words a draft writes beside the value ("đoán: …") so that the officer checks it.  Nothing
here reads files; the decision importer (``mtcl/decision.py``) and ``mtcl record``'s hints
use it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from mtcl.core.numbers import format_number
from mtcl.core.periods import quarter_end
from mtcl.core.text import fold

# A number as a Vietnamese document writes it: 1.936,49 ; 5,573 ; 78.000 ; 03 ; 85%.  Digits
# that run on after a mark (12.5, 1.2345) are no such number: read as 12 they would be wrong.
NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![.,]?\d)(\s*%)?")
# Units a commune's targets are counted in, the longest first.
UNITS = ("tỷ đồng", "triệu đồng", "nghìn đồng", "ngàn đồng", "đồng", "tấn", "tạ", "kg", "ha", "lượt khách", "lượt",
         "người", "hộ", "tiêu chí", "hồ sơ", "văn bản", "con", "km", "m2", "trường", "xã", "thôn")
# Subjects whose figure should stay low: a plan of them is a ceiling.
LOWER_IS_BETTER = ("ho ngheo", "tang dan so", "tai nan", "vi pham", "tre han", "qua han", "o nhiem", "toi pham",
                   "sinh con thu 3", "ty le sinh", "tham nhung")
# Cases counted one by one: a percentage of them is a ratio (successes over a total).
CASES = ("ho so", "thu tuc", "tthc", "van ban", "y kien", "don thu", "can bo", "cong chuc", "bao cao", "chuong trinh",
         "nhiem vu", "nganh", "nguoi dan", "doanh nghiep", "to chuc", "giao dich", "ke hoach")
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@dataclass(frozen=True)
class Number:
    value: Decimal
    percent: bool
    start: int
    end: int
    text: str
    guess: str | None = None  # why this reading was chosen over another


@dataclass(frozen=True)
class PlanReading:
    """What a target's sentence says it aims at."""

    value: Decimal | list[Decimal] | None
    unit: str | None
    op: str | None
    kind: str | None
    items: tuple[str, ...] = ()
    change: bool = False
    guesses: tuple[str, ...] = ()


def numbers(text: str) -> list[Number]:
    """Every number in ``text``, read the Vietnamese way (a dot groups thousands, a comma
    marks decimals); '3,37%' is 3.37, '1.936,49' is 1936.49, '03' is 3."""
    found = []
    for match in NUMBER.finditer(text):
        raw = match.group(1)
        value = Decimal(raw.replace(".", "").replace(",", "."))
        found.append(Number(value, bool(match.group(2)), match.start(), match.end(), match.group(0).strip()))
    return found


def thousands_reading(number: Number) -> Number:
    """'1,133' read the other way: the comma as a thousands separator (1.133), marked as a guess."""
    digits = number.text.rstrip("%").strip()
    value = Decimal(digits.replace(",", ""))
    return Number(value, number.percent, number.start, number.end, number.text,
                  f"'{number.text}' đọc là {format_number(value)} (dấu phẩy tách hàng nghìn) — kiểm tra lại")


def is_ambiguous(number: Number) -> bool:
    """A comma followed by exactly three digits: a decimal the Vietnamese way, or thousands
    written the English way."""
    return re.fullmatch(r"\d{1,3},\d{3}", number.text.rstrip("%").strip()) is not None


def unit_after(text: str, number: Number) -> str | None:
    """The unit written after the number: '%', or one of the usual units."""
    if number.percent:
        return "%"
    after = fold(text[number.end:].strip())
    for unit in UNITS:
        if after.startswith(fold(unit)) and (len(after) == len(fold(unit)) or not after[len(fold(unit))].isalpha()):
            return unit
    return None


def comparison(before: str, subject: str) -> tuple[str, str | None]:
    """The comparison set by the words just before the plan's number ('>=', '>', '<=', '<')
    and, when no word says it and it was chosen from the subject, why (a guess).  Only the
    last words count: 'trên tổng số hồ sơ phấn đấu đạt 50%' aims at 50% or more, and
    'Chi ngân sách trên địa bàn: 5,573' at 5,573."""
    folded = " ".join(fold(before).split())
    if re.search(r"\b(khong qua|toi da|khong vuot qua|khong vuot)$", folded):  # before 'vượt' alone
        return "<=", None
    if re.search(r"\b(tren|hon|vuot)( muc)?$", folded):
        return ">", None
    if re.search(r"\bduoi$", folded):
        return "<", None
    if re.search(r"\b(toi thieu|it nhat|dat|phan dau|dam bao)$", folded):
        return ">=", None
    lower = any(words in fold(subject) for words in LOWER_IS_BETTER)
    if lower and re.search(r"\bduy tri\b", fold(subject + " " + before)):
        return "<=", None
    if lower:
        return "<=", f"'{subject.strip()}' càng thấp càng tốt: kế hoạch là mức không vượt quá"
    return ">=", None


def plan_number(text: str, found: list[Number]) -> Number:
    """The number that is the plan: a percentage, else a number with its unit, else the
    first after a colon ('Sản lượng …: 1.936,49 tấn'), else the first."""
    for number in found:
        if number.percent:
            return number
    for number in found:
        if unit_after(text, number):
            return number
    colon = text.find(":")  # -1 without one: then the first number
    return next((n for n in found if n.start > colon), found[0])


def plan_of(text: str, label: str = "") -> PlanReading | None:
    """The plan a target's sentence gives: '5,573 tỷ đồng', 'phấn đấu trên 98% hồ sơ…',
    'đạt 03 tiêu chí (Giao thông, Trường học, Thu nhập)', 'từ 14% đến 15%', 'tăng 8% so với
    năm 2023'.  None when it holds no number, or digits that no number reads (12.5): another
    number of the sentence would then be taken for the plan."""
    found = numbers(text)
    read = {at for n in found for at in range(n.start, n.end)}
    if not found or any(digit.start() not in read for digit in re.finditer(r"\d", text)):
        return None
    folded = fold(text)
    subject = label or text
    items = re.search(r"(\d+)\s*tiêu chí\s*\(([^)]+)\)", text)
    if items:
        names = tuple(part.strip() for part in items.group(2).split(",") if part.strip())
        return PlanReading(Decimal(items.group(1)), "tiêu chí", ">=", "checklist", names)
    change = re.search(r"\b(tang|giam)\b[^\d]*(\d+(?:,\d+)?)\s*%\s*so voi", folded)
    if change:
        value = Decimal(change.group(2).replace(",", "."))
        return PlanReading(-value if change.group(1) == "giam" else value, "%", ">=" if change.group(1) == "tang" else "<=",
                    "cumulative", change=True)
    between = re.search(r"\btu\s+(\d+(?:,\d+)?)\s*%?\s*(?:den|-|–)\s*(\d+(?:,\d+)?)\s*(%?)", folded)
    if between:
        low, high = (Decimal(g.replace(",", ".")) for g in between.group(1, 2))
        unit = "%" if between.group(3) or "%" in text else unit_after(text, found[-1])
        return PlanReading([low, high], unit, "between", "level")
    number = plan_number(text, found)
    op, why = comparison(text[:number.start], subject)
    unit = unit_after(text, number)
    guesses = (why,) if why else ()
    if number.percent:
        # A share of cases counted one by one (dossiers, documents, officials) is a ratio; a
        # rate the statistics give ('Tỷ lệ hộ nghèo', 'Tỷ lệ lao động qua đào tạo'), a level.
        cases = any(word in fold(subject + " " + text[:number.start]) for word in CASES)
        kind = "level" if fold(subject).strip().startswith("ty le") and not cases else "ratio"
    elif "binh quan" in fold(subject) or "trung binh" in fold(subject):
        kind = "level"
    else:
        kind = "cumulative"
    return PlanReading(number.value, unit, op, kind, guesses=guesses)


@dataclass(frozen=True)
class Timing:
    """When a task is due: its deadlines, or its repeat; a guess when the words allowed
    another reading; nothing read is a problem for the officer to fill in."""

    due: tuple[date, ...] = ()
    repeat: str | None = None
    guess: str | None = None

    @property
    def read(self) -> bool:
        return bool(self.due or self.repeat)


_DAY = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?!\d)")
_MONTHS = re.compile(r"\btháng\s+(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?(?:\s*(?:/|năm)\s*(\d{4}))?", re.IGNORECASE)
_QUARTER = re.compile(r"\bquý\s+(I{1,3}|IV|[1-4])\b(?:\s*(?:/|năm)\s*(\d{4}))?", re.IGNORECASE)


def timing(text: str, year: int) -> Timing:
    """The deadlines or the repeat a plan's 'thời gian' cell says: 'Quý I năm 2023',
    'Tháng 01-02 năm 2023', 'Trước ngày 15/6 và trước 30/11 hằng năm', 'Định kỳ hàng Quý',
    'Định kỳ 6 tháng/lần', 'Hằng năm', 'Thường xuyên'."""
    folded = fold(text)
    dates = sorted(set(_dates(text, year)))
    if dates:
        return Timing(tuple(dates))
    if re.search(r"\b(hang|hang) quy\b|\bquy\b.*\bdinh ky\b|\bdinh ky\b.*\bquy\b", folded):
        return Timing(repeat="quarterly")
    if re.search(r"6 thang\s*/\s*lan|6 thang mot lan|nua nam|hai lan", folded):
        return Timing(repeat="half-yearly")
    if re.search(r"\b(hang|hang) nam\b|\btrong nam\b|\bca nam\b|\bnam\s+\d{4}$", folded):
        return Timing(repeat="yearly")
    if "dinh ky" in folded:
        return Timing(repeat="quarterly", guess=f"'{_one_line(text)}' đọc là hằng quý — kiểm tra lại")
    if "thuong xuyen" in folded or "lien tuc" in folded:
        return Timing(repeat="continuous")
    return Timing()


def _dates(text: str, year: int) -> list[date]:
    """The deadlines a timing names in ``year``: days, months' ends, quarters' ends."""
    found: list[date] = []
    spans: list[tuple[int, int]] = []
    for match in _DAY.finditer(text):
        day, month, written = int(match.group(1)), int(match.group(2)), match.group(3)
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1] and (not written or int(written) == year):
            found.append(date(year, month, day))
            spans.append(match.span())
    for match in _MONTHS.finditer(text):
        if any(start <= match.start(1) < end for start, end in spans):
            continue
        first, last, written = match.group(1), match.group(2), match.group(3)
        month = int(last or first)
        if 1 <= month <= 12 and (not written or int(written) == year):
            found.append(date(year, month, calendar.monthrange(year, month)[1]))
    for match in _QUARTER.finditer(text):
        quarter = ROMAN.get(match.group(1).lower()) or int(match.group(1))
        written = match.group(2)
        if not written or int(written) == year:
            found.append(quarter_end(year, quarter))
    if len(found) > 1 and re.search(r"[-–]", text) and not _DAY.search(text) and "\n" not in text.strip():
        return [max(found)]  # a span 'Tháng 12/2022 – Quý I/2023' ends at its last date
    return found


def _one_line(text: str) -> str:
    return " ".join(text.split())
