"""Vietnamese phrases of a decision read into values: what a target's words say (``meaning``),
the plan a draft writes for it (``read_plan``), its grades (``scale_of``), the clauses of a
sentence that sets several targets and a target's short name, and the cells of a plan's row:
who helps (``names_in``), what a task is (``task_kind``), when it is due (``timing``).

``meaning`` reads only what the words say: the figures (never a year, a period, a standard,
a decision's number or date, a time limit), the comparison, the unit, a range, a change on
last year, a share of an estimate, a period rule, a horizon, a grade.  ``read_plan`` turns
that into a target's keys and says why wherever it chose what the words leave open (a
ceiling read from the subject, points for the fall of a rate, a unit the sentence does not
write): the draft writes each such choice with "# đoán: …".  Nothing here reads files; the
decision importer (``mtcl/usecases/decision.py``), the proof (``mtcl/core/proof.py``) and
``mtcl record``'s hints use it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from mtcl.core.numbers import format_number
from mtcl.core.periods import month_end, quarter_end
from mtcl.core.text import fold

# A number as a Vietnamese document writes it: 1.936,49 ; 5,573 ; 78.000 ; 03 ; 85%.  Digits
# that run on after a mark (12.5, 1.2345) are no such number: read as 12 they would be wrong.
NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![.,]?\d)(\s*%)?")
# Units targets are counted in, the longest first (a unit is matched as whole words).
UNITS = ("tỷ đồng", "triệu đồng", "nghìn đồng", "ngàn đồng", "đồng", "mét giá", "lượt khách", "lượt", "tiêu chí",
         "hồ sơ", "văn bản", "người", "hộ", "tấn", "tạ", "kg", "ha", "con", "km", "m2", "trường", "xã", "thôn", "vụ",
         "ca", "cuộc", "điểm", "phút", "lớp", "công trình", "doanh nghiệp")
# Subjects whose figure should stay low: a plan of them is a ceiling.
LOWER_IS_BETTER = ("ho ngheo", "tang dan so", "tai nan", "vi pham", "tre han", "qua han", "o nhiem", "toi pham",
                   "sinh con thu 3", "ty le sinh", "tham nhung", "chay no", "no thue", "su co", "ca mac",
                   "pham phap hinh su",
                   "thoi gian cho", "ky luat", "bi tra lai")
# Subjects held inside a band: a range of them is met only inside it.
BANDS = ("ty le sinh", "muc sinh")
# Cases counted one by one: a percentage of them is a ratio (successes over a total).
CASES = ("ho so", "thu tuc", "tthc", "van ban", "y kien", "don thu", "can bo", "cong chuc", "vien chuc", "bao cao",
         "chuong trinh", "nhiem vu", "nganh", "nguoi dan", "doanh nghiep", "to chuc", "giao dich", "ke hoach",
         "hai long", "quy trinh", "co quan", "de an", "du thao", "ket qua giai quyet")
# Averages, indices, scores, speeds: a level at a point in time, whatever their unit.
AVERAGES = ("binh quan", "trung binh", "toc do", "chi so", "cong suat", "nang suat", "thoi gian", "diem")
# Rates of a population or an economy: a percentage of them is a level, not cases counted.
RATES = AVERAGES + ("tang truong", "bao phu", "bao hiem", "ho ngheo", "ho gia dinh", "lao dong", "dan so", "nuoc sach",
                    "che phu", "ty le sinh")
# Flows summed over the year: an amount of them is cumulative.
FLOWS = ("thu ngan sach", "chi ngan sach", "thu ", "san luong", "gia tri san xuat", "von dau tu", "doanh thu", "so vu",
         "so ca", "so luot", "so lao dong", "kiem tra", "tong ")
# Grades of Nghị định 90/2020/NĐ-CP, lowest first, and the grades of indices and rankings.
ND90_SCALE = ("Không hoàn thành nhiệm vụ", "Hoàn thành nhiệm vụ", "Hoàn thành tốt nhiệm vụ",
              "Hoàn thành xuất sắc nhiệm vụ")
GRADE_WORDS = ("xuất sắc", "tốt", "khá", "trung bình", "yếu", "kém")
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

_DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_YEAR = r"(?:19|20)\d{2}"
# Digits that are no figure of a plan, each with what it is.
NOT_FIGURES = re.compile("|".join((
    r"(?:TCVN\s+)?ISO\s*\d+(?:\s*:\s*\d+)?",  # a standard: TCVN ISO 9001:2015
    r"\d+(?:/\d+)*/[A-ZĐ][\w-]*",  # a document's number: 1123/QĐ-UBND, 90/2020/NĐ-CP
    r"(?<![\d.,])\d{1,2}/\d{1,2}(?:/\d{4})?(?![\d/])",  # a date: 20/5/2021, 15/6
    rf"(?<![\d.,]){_YEAR}\s*[-–]\s*{_YEAR}(?![\d.,])",  # a period: 2021-2025
    rf"(?<![\d.,]){_YEAR}(?![\d.,]|\s*%)",  # a year
    r"(?i:mức độ)\s+\d(?:\s*(?:,|và)\s*\d)*",  # online services' levels 3 and 4
    r"(?<![\d.,])\d+\s*(?i:ngày|giờ|tháng|tuổi)\b",  # a time limit, an age, a period: 15 ngày, 6 tháng
)))


@dataclass(frozen=True)
class Number:
    value: Decimal
    percent: bool
    start: int
    end: int
    text: str
    guess: str | None = None  # why this reading was chosen over another


def numbers(text: str) -> list[Number]:
    """Every number in ``text``, read the Vietnamese way (a dot groups thousands, a comma
    marks decimals); '3,37%' is 3.37, '1.936,49' is 1936.49, '03' is 3."""
    found = []
    for match in NUMBER.finditer(text):
        raw = match.group(1)
        value = Decimal(raw.replace(".", "").replace(",", "."))
        found.append(Number(value, bool(match.group(2)), match.start(), match.end(), match.group(0).strip()))
    return found


def masked(text: str) -> str:
    """``text`` with every digit that is no plan figure blanked, so the figures keep their places."""
    return NOT_FIGURES.sub(lambda match: " " * len(match.group(0)), text)


def figures(text: str) -> list[Number]:
    """The numbers of ``text`` that may be a plan's figure: no year, period, standard, document
    number, date, time limit or age ('TCVN ISO 9001:2015', 'giai đoạn 2021-2025', '15 ngày')."""
    return numbers(masked(text))


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


def unit_at(text: str, units: tuple[str, ...] = UNITS) -> str | None:
    """The unit ``text`` begins with, as whole words ('hồ sơ', never 'hộ' of 'hồ sơ')."""
    start = text.strip().lower()
    for unit in sorted(units, key=len, reverse=True):
        if start.startswith(unit.lower()) and not start[len(unit):len(unit) + 1].isalnum():
            return unit
    return None


def unit_after(text: str, number: Number, units: tuple[str, ...] = UNITS) -> str | None:
    """The unit written after the number: '%', or one of ``units``."""
    return "%" if number.percent else unit_at(text[number.end:], units)


def has_words(text: str, words: tuple[str, ...]) -> bool:
    """Whether the folded ``text`` holds one of the folded ``words`` as whole words."""
    folded = f" {fold(text)} "
    return any(re.search(rf"(?<![a-z0-9]){re.escape(word.strip())}(?![a-z0-9])", folded) for word in words)


def lower_is_better(subject: str) -> bool:
    """A subject whose figure should stay low (poverty, accidents, late dossiers)."""
    return has_words(subject, LOWER_IS_BETTER)


# What a plan's words say.

@dataclass(frozen=True)
class Meaning:
    """What the words of a plan say, and nothing they leave open: the figures (two for a
    range), the comparison a word or a sign sets ('held' for 'duy trì'), the unit, a change
    on last year ('tăng'/'giảm', in points or not), a share of an estimate, a rule for each
    period, a horizon year, a grade."""

    figures: tuple[Decimal, ...] = ()
    comparison: str | None = None
    unit: str | None = None
    range: bool = False
    change: str | None = None
    points: bool = False
    share: bool = False
    every: str | None = None
    by: int | None = None
    grade: str | None = None
    zero: bool = False  # 'không có …', 'không để xảy ra …': none at all

    @property
    def figure(self) -> Decimal | None:
        """The plan's figure (a range's low end), if the words give one."""
        return self.figures[0] if self.figures else None


# The words just before a figure that set its comparison, folded; only the last words count.
_BEFORE = (
    (r"(?:≥|>=|=>)", ">="), (r"(?:≤|<=|=<)", "<="), (r">", ">"), (r"<", "<"),
    (r"\b(?:khong vuot qua|khong vuot|khong qua|toi da|tro xuong)", "<="),
    (r"\b(?:tren|hon|vuot muc|vuot)", ">"), (r"\bduoi", "<"),
    (r"\b(?:toi thieu|it nhat|dat|phan dau|dam bao|tu)", ">="),
    (r"\bduy tri(?: o muc)?", "held"),
)
_ZERO = re.compile(r"\bkhông\s+(?:có|để\s+xảy\s+ra|để\s+xảy|xảy\s+ra|để)\b", re.I)
_CHANGE = re.compile(r"(?<!tốc độ )(?<!tỷ lệ )(?<!mức )\b(tăng|giảm)\b(?!\s+(?:trưởng|còn|xuống|dân số|cường))"
                     r"(?:([^\d:;]{0,60}?)(" + _DIGITS + r")(\s*%|\s*điểm(?: phần trăm)?)?|[^\d:;]*\bso với\b)", re.I)
_RANGE = re.compile(rf"(?:\btừ\s+)?({_DIGITS})\s*(%)?\s*(?:đến|[-–])\s*({_DIGITS})\s*(%)?", re.I)
_ONE_SIDED = re.compile(rf"(?:từ\s+)?({_DIGITS})(\s*%)?[^\d,]*trở lên,\s*phấn đấu\s+({_DIGITS})"
                        rf"|không quá\s+({_DIGITS})(\s*%)?[^\d,]*,\s*phấn đấu\s+({_DIGITS})", re.I)
_HORIZON = re.compile(rf"\b(?:vào|đến|tới)\s+năm\s+({_YEAR})\b", re.I)
_EVERY = {"month": r"mỗi\s+tháng|hằng\s+tháng|hàng\s+tháng", "quarter": r"mỗi\s+quý|hằng\s+quý|hàng\s+quý",
          "half": r"mỗi\s+6\s+tháng|mỗi\s+nửa\s+năm"}


def comparison_before(before: str) -> str | None:
    """The comparison the last words before a figure set ('trên' >, 'không quá' <=, '≥'),
    None when they set none: 'trên tổng số hồ sơ phấn đấu đạt' says '>=', 'Chi ngân sách
    trên địa bàn:' nothing."""
    folded = fold(before).rstrip(" :")
    for words, op in _BEFORE:
        if re.search(rf"{words}$", folded):
            return op
    return None


def _comparison_after(after: str) -> str | None:
    """'… trở lên' (>=) or '… trở xuống' (<=) written just after a figure and its unit."""
    head = re.match(r"[^\d,;]{0,25}?\btrở\s+(lên|xuống)\b", after, re.I)
    return (">=" if head.group(1).lower() == "lên" else "<=") if head else None


def grade_in(text: str) -> str | None:
    """The grade a target aims at: a grade of Nghị định 90 anywhere, or a grade word after
    'xếp loại' or opening the text ('xếp loại Tốt', 'Hoàn thành tốt nhiệm vụ trở lên')."""
    flat = " ".join(text.split())
    for grade in sorted(ND90_SCALE, key=len, reverse=True):
        if grade.lower() in flat.lower():
            return grade
    words = "|".join(GRADE_WORDS)
    said = re.search(rf"(?:xếp loại(?: chất lượng)?(?: từ)?\s+|^)({words})\b", flat, re.I)
    return said.group(1).capitalize() if said else None


def _plan_figure(text: str, found: list[Number], units: tuple[str, ...]) -> Number:
    """The figure that is the plan: a percentage, else a number with its unit, else the first
    after a colon ('Sản lượng …: 1.936,49 tấn'), else the first."""
    for number in found:
        if number.percent:
            return number
    for number in found:
        if unit_after(text, number, units):
            return number
    colon = text.find(":")  # -1 without one: then the first number
    return next((n for n in found if n.start > colon), found[0])


def meaning(text: str, year: int | None = None, unit: str | None = None) -> Meaning:
    """What ``text`` says of a plan: '5,573 tỷ đồng', 'trên 98%', 'từ 80 đến 90 điểm', 'giảm
    20% … so với năm 2020', 'vượt 5% dự toán', 'mỗi quý ít nhất 01 cuộc', 'trên 80% vào năm
    2025', 'xếp loại Tốt', 'không để xảy ra …'.  ``unit`` is a unit written apart (a table's
    column); ``year`` the decision's year, before which no horizon falls."""
    flat = " ".join(text.split())
    units = UNITS + ((unit,) if unit and unit != "%" else ())
    horizon = _HORIZON.search(flat)
    by = int(horizon.group(1)) if horizon and (year is None or int(horizon.group(1)) > year) else None
    every = next((key for key, words in _EVERY.items() if re.search(rf"\b(?:{words})\b", flat, re.I)), None)
    share = re.search(r"\bdự toán\b|\bsố tham chiếu\b", flat, re.I) is not None
    blank = masked(flat)
    found = numbers(blank)
    zero = _ZERO.search(flat)
    common = {"every": every, "by": by, "share": share}
    if zero and not found:
        return Meaning((Decimal(0),), "<=", unit_at(flat[zero.end():], units), zero=True, **common)
    change = _CHANGE.search(blank)
    if change and not share:
        return _change_meaning(change, common)
    ranged = _range_meaning(blank, found, units, common)
    if ranged:
        return ranged
    if not found:
        return _without_figures(flat, common)
    number = _plan_figure(blank, found, units)
    said = comparison_before(blank[:number.start]) or _comparison_after(blank[number.end:])
    if zero:
        said = "<="
    values = tuple(n.value for n in found)
    if share and re.search(r"\bvượt\s*$", blank[:number.start], re.I):
        # 'vượt 5% dự toán' is 105% of it; 'không vượt 5% dự toán' at most that
        ceiling = re.search(r"\bkhông\s+vượt\s*$", blank[:number.start], re.I)
        values, said = (Decimal(100) + number.value,), "<=" if ceiling else ">="
    return Meaning(values, said, unit_after(blank, number, units) or unit, zero=bool(zero), **common)


def _without_figures(text: str, common: dict) -> Meaning:
    """Words with no figure: 'vượt dự toán' (strictly above all of it), 'không vượt dự toán'
    (at most all of it), a grade, or nothing."""
    if common["share"]:
        if re.search(r"\bkhông\s+vượt\s+dự toán\b", text, re.I):
            return Meaning((Decimal(100),), "<=", **common)  # 'không vượt dự toán': at most all of it
        above = re.search(r"\bvượt\s+dự toán\b", text, re.I) is not None
        return Meaning((Decimal(100),) if above else (), ">" if above else None, **common)
    return Meaning(grade=grade_in(text), **common)


def each_period(text: str) -> tuple[str, Decimal] | None:
    """A rule for each period a note sets: 'Mỗi quý 01 cuộc' → ('quarter', 1)."""
    each = re.search(r"(?i)mỗi\s+(quý|tháng)\s+(\d+)", text)
    if each is None:
        return None
    return ("quarter" if each.group(1).lower() == "quý" else "month"), Decimal(each.group(2))


def _change_meaning(change: re.Match, common: dict) -> Meaning:
    """'tăng 15%', 'giảm 1,5 điểm phần trăm', 'giảm không quá 5%', 'giảm so với …' (no figure)."""
    direction = change.group(1).lower()
    if change.group(3) is None:
        return Meaning(change=direction, **common)
    value = Decimal(change.group(3).replace(".", "").replace(",", "."))
    unit = (change.group(4) or "").strip()
    return Meaning((value,), comparison_before(change.group(2)), "%" if unit else None, change=direction,
                   points=unit.startswith("điểm"), **common)


def _range_meaning(text: str, found: list[Number], units: tuple[str, ...], common: dict) -> Meaning | None:
    """'từ 80 đến 90 điểm', '14-15%' (no side said), 'từ 14% trở lên, phấn đấu 15%' (>=),
    'không quá 3%, phấn đấu 2%' (<=)."""
    sided = _ONE_SIDED.search(text)
    if sided:
        low, percent, high = sided.group(1, 2, 3) if sided.group(1) else (sided.group(6), sided.group(5),
                                                                           sided.group(4))
        ends = tuple(Decimal(end.replace(".", "").replace(",", ".")) for end in (low, high))
        unit = "%" if percent else unit_at(text[sided.end(1) if sided.group(1) else sided.end(4):], units)
        return Meaning(ends, ">=" if sided.group(1) else "<=", unit, range=True, **common)
    plain = _RANGE.search(text)
    if not plain or len(found) != 2:
        return None
    ends = tuple(Decimal(end.replace(".", "").replace(",", ".")) for end in plain.group(1, 3))
    if ends[0] >= ends[1]:
        return None
    unit = "%" if plain.group(2) or plain.group(4) else unit_at(text[plain.end():], units)
    return Meaning(ends, comparison_before(text[:plain.start()]), unit, range=True, **common)


# The plan a draft writes.

@dataclass(frozen=True)
class PlanReading:
    """A target's keys as a draft writes them, from what its words say (``said``); ``why``
    says, for each key the words left open, why it was chosen (a guess the draft marks), and
    ``missing`` what the officer must fill in."""

    said: Meaning
    kind: str
    plan: Decimal | list[Decimal] | str | None = None
    op: str | None = None
    unit: str | None = None
    change: str | None = None
    share: bool = False
    items: tuple[str, ...] = ()
    scale: list[str] | None = None
    why: dict[str, str] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)


def read_plan(text: str, subject: str = "", unit: str | None = None, year: int | None = None) -> PlanReading:
    """The plan of a target whose words are ``text`` ('tăng 15%', '≥ 92', 'Duy trì') about
    ``subject`` (the sentence, or a table's 'Chỉ tiêu' cell), ``unit`` written apart or not."""
    said = meaning(text, year, unit)
    subject = subject or text
    if said.grade and not said.figures:
        return PlanReading(said, "rating", said.grade)
    if not said.figures and not said.change and not said.share:
        return PlanReading(said, "judged")
    if said.share:
        return _share_plan(said, subject, unit)
    if said.change:
        return _change_plan(said, subject, unit)
    return _figure_plan(said, text, subject, unit)


def _unit_of(said: Meaning, subject: str, unit: str | None) -> tuple[str | None, str | None]:
    """The figures' unit and, when it comes from the subject rather than the words of the
    plan, why: the column's unit, the plan's own unit, 'số vụ …' (vụ), an accident (vụ), an
    official (người)."""
    if unit:
        return unit, None
    if said.unit:
        return said.unit, None
    if fold(subject).startswith("ty le"):
        return "%", None
    counted = re.search(r"\b(?:số|không có|không để xảy ra)\s+(\w+(?:\s\w+)?)", subject, re.I)
    named = unit_at(counted.group(1)) if counted else None
    if named:
        return named, None
    if has_words(subject, ("tai nan", "su co", "chay no", "vi pham", "toi pham")):
        return "vụ", "tai nạn, sự cố, vi phạm đếm theo vụ"
    if has_words(subject, ("can bo", "cong chuc", "vien chuc", "lao dong")):
        return "người", "cán bộ, công chức đếm theo người"
    return None, None


def kind_of(subject: str, unit: str | None) -> tuple[str, str | None]:
    """A target's kind from its subject and unit, and why when the words do not decide it:
    a percentage of cases counted one by one is a ratio, a rate of a population or an
    economy a level; an average, an index or a score a level; any other amount a flow
    summed over the year (cumulative)."""
    if unit == "%":
        counted = re.search(r"\d\s*%\s*(?:các\s+)?((?:\S+\s+){0,2}\S+)", subject)
        if counted and has_words(counted.group(1), CASES):
            return "ratio", None  # '100% cơ quan …': the cases counted follow the figure
        cases, levels = has_words(subject, CASES), has_words(subject, RATES)
        if cases != levels:
            return ("ratio" if cases else "level"), None
        rate = fold(subject).startswith(("ty le", "toc do"))
        return ("level" if rate else "ratio"), (f"'{_one_line(subject)}': tỷ lệ đếm từng trường hợp (ratio) hay mức "
                                                f"(level)? — kiểm tra lại")
    per = re.search(r"\w/\w", masked(subject))  # 'đồng/người', 'giường/vạn dân': a figure per head is a level
    if per or has_words(subject, AVERAGES + ("ty le",)) or unit in ("điểm", "phút"):
        return "level", None
    if unit or has_words(subject, FLOWS):
        return "cumulative", None
    return "cumulative", f"'{_one_line(subject)}' đọc là số cộng dồn trong năm (lũy kế) — kiểm tra lại"


def _figure_plan(said: Meaning, text: str, subject: str, unit: str | None) -> PlanReading:
    """A plan of one figure or a range: its comparison as said, else ≥ (one-sided for a
    range), ≤ for a zero; a ceiling for a subject that should stay low, a band for a birth
    rate — each of those last a guess."""
    why, missing = {}, {}
    units, unit_why = _unit_of(said, subject, unit)
    if unit_why:
        why["unit"] = unit_why
    elif units is None:
        missing["unit"] = "điền đơn vị tính"
    plan: Decimal | list[Decimal] = list(said.figures) if said.range else said.figures[0]
    op = said.comparison
    if op == "held":
        op = "<=" if lower_is_better(subject) else ">="
    if said.range and op is None and has_words(subject, BANDS):
        op = "between"  # a birth rate is kept inside its band, as mtcl's 'từ a đến b' says
    if op is None and plan == 0:
        op = "<="  # at least none would be no plan: a plan of none is a ceiling
    if op is None and lower_is_better(subject):
        op, why["op"] = "<=", f"'{_one_line(subject)}' càng thấp càng tốt: kế hoạch là mức không vượt quá"
    if op is None and said.range:
        low, high = (format_number(end) for end in said.figures)
        op, why["op"] = ">=", (f"khoảng không nói phía nào: đọc là từ {low} trở lên, phấn đấu {high} (trên {high} là "
                               f"vượt kế hoạch); nếu chỉ đạt khi ở trong khoảng thì ghi op: between")
    if op is None:
        op = ">="
    if len(said.figures) > (2 if said.range else 1):
        why["plan"] = f"câu có {len(said.figures)} số, kế hoạch lấy {format_number(said.figures[0])}"
    kind, kind_why = ("checklist", None) if units == "tiêu chí" else kind_of(subject, units)
    if kind_why:
        why["kind"] = kind_why
    items = _items(text) if kind == "checklist" else ()
    if kind == "checklist" and len(items) != plan:
        why["items"] = f"câu ghi {format_number(plan)} tiêu chí nhưng kể {len(items)} tên"
    return PlanReading(said, kind, plan, op, units, items=items, why=why, missing=missing)


def _change_plan(said: Meaning, subject: str, unit: str | None) -> PlanReading:
    """A change on last year: 'tăng 15%' (+15, ≥), 'giảm 20%' (−20, ≤); a rate's fall 'giảm
    1,5%' in points (a guess: it may mean 1,5% of the rate); a fall with no figure ('Kiềm
    chế, giảm so với …') as any fall, below 0 (a guess)."""
    why, missing = {}, {"base": "điền số liệu năm trước (văn bản không ghi)"}
    units, unit_why = _unit_of(Meaning(), subject, unit)
    if unit_why:
        why["unit"] = unit_why
    elif units is None:
        missing["unit"] = "điền đơn vị tính của số liệu (kế hoạch là mức tăng, giảm so với năm trước)"
    rate = units == "%" or fold(subject).startswith("ty le")
    change = "points" if said.points or rate else "percent"
    if rate and not said.points:
        why["change"] = "tăng, giảm của một tỷ lệ đọc là điểm phần trăm (4,2% → 2,7% là giảm 1,5 điểm)"
    falls = said.change == "giảm"
    if said.figure is None:
        plan, op = Decimal(0), ("<" if falls else ">")
        why["plan"] = f"không ghi mức {said.change}: đọc là {said.change} bất kỳ so với năm trước"
    else:
        plan = -said.figure if falls else said.figure
        turned = {">=": "<=", ">": "<", "<=": ">=", "<": ">"}
        op = turned.get(said.comparison or ">=") if falls else (said.comparison or ">=")
    kind, kind_why = kind_of(subject, units)
    if kind_why:
        why["kind"] = kind_why
    return PlanReading(said, kind, plan, op, units, change=change, why=why, missing=missing)


def _share_plan(said: Meaning, subject: str, unit: str | None) -> PlanReading:
    """A share of an estimate the body is given: 'đạt 105% dự toán' (105, ≥), 'vượt 5% dự
    toán' (105, ≥), 'vượt dự toán' (100, >)."""
    missing = {} if unit else {"unit": "điền đơn vị tính (đơn vị của số dự toán)"}
    kind, kind_why = kind_of(subject, unit)
    why = {"kind": kind_why} if kind_why else {}
    plan = said.figure if said.figure is not None else Decimal(100)
    return PlanReading(said, kind, plan, said.comparison or ">=", unit, share=True, why=why, missing=missing)


def _items(text: str) -> tuple[str, ...]:
    """The criteria a checklist names: '03 tiêu chí (Giao thông, Trường học, Thu nhập)'."""
    named = re.search(r"tiêu chí[^()]*\(([^)]+)\)", text)
    return tuple(part.strip() for part in named.group(1).split(",") if part.strip()) if named else ()


def scale_of(grade: str, note: str = "") -> tuple[list[str], str | None] | None:
    """The grades a rating is judged on, lowest first, and why when they are not written:
    the grades a note lists ('Hoàn thành xuất sắc nhiệm vụ; Hoàn thành tốt nhiệm vụ; …'),
    else Nghị định 90's when the grade is one of them (a guess); None when unknown."""
    listed = [part.strip(" .") for part in re.split(r"[;,]", note.split(":", 1)[-1]) if part.strip(" .")]
    if grade in listed and len(listed) > 1:
        if all(g in ND90_SCALE for g in listed):
            return [g for g in ND90_SCALE if g in listed], None
        return listed[::-1], "các mức lấy theo ghi chú, đảo lại thành từ thấp đến cao — kiểm tra thứ tự"
    if grade in ND90_SCALE:
        return list(ND90_SCALE), "văn bản không kể các mức xếp loại: lấy 4 mức của Nghị định 90/2020/NĐ-CP"
    return None


# The clauses of a target's sentence, its short name, and the cells of a plan's row.

PART = re.compile(r"^\s*trong đó\s*:?\s*(.+)$", re.S | re.I)
# The words a body or a post begins with: a comma before one of them separates two partners
# ('QMR, Thư ký ISO'); any other comma is inside one ('Các phòng, ban').
BODIES = ("Công chức", "Công an", "Phòng", "UBND", "Ủy ban", "Thư ký", "QMR", "Ban", "Văn phòng", "Trung tâm", "Đội",
           "Chi cục", "Cục", "Khoa", "Trạm", "Tổ", "Bộ phận", "Sở", "Đoàn", "Hội", "Mặt trận", "Chủ tịch",
           "Phó Chủ tịch", "Lãnh đạo", "Trưởng", "Đại diện", "Giám đốc", "Phó Giám đốc", "Chánh")


def clauses(text: str) -> list[str]:
    """A sentence that sets several targets, cut where each begins: at ';', at ', phấn đấu',
    ', trong đó', ', không để', ', không có', at a full stop followed by a figure ('… tác
    nghiệp. 100% cán bộ …')."""
    text = " ".join(text.split()).rstrip(".:; ")
    pieces = re.split(r";\s*|,\s*(?=(?:phấn đấu|trong đó|không để|không có)\b)|\.\s+(?=\d+\s*%)", text)
    pieces = [p.strip(" ,.") for p in pieces if p.strip(" ,.")]
    if len(pieces) > 1 and not any(figures(p) or re.match(r"(?i)không (?:có|để)\b", p) for p in pieces):
        return [text]
    return [_opening(p) for p in pieces]


_VERBS = re.compile(r"^(phấn đấu|đảm bảo|bảo đảm|thực hiện)\s+", re.I)
_FIGURE = re.compile(r"^(trên|dưới|từ|không quá|tối thiểu|ít nhất|đạt)?\s*\d[\d.,]*\s*%?\s*", re.I)
_COMPARED = re.compile(r"\s+(?:(?:đạt|phấn đấu|là)\s+)?(?:(?:từ|dưới|trên|không quá|tối thiểu|ít nhất|tăng|giảm|"
                       r"vượt|duy trì)\s+)?[\d≥≤<>]", re.I)


def item_parts(text: str) -> list[str]:
    """An item a decision numbers or letters: its target, and the part 'trong đó' sets ('100%
    hồ sơ đúng hạn, trong đó trước hạn từ 60% trở lên')."""
    whole = " ".join(text.split()).rstrip(".;")
    return [_opening(p.strip()) for p in re.split(r"[,;]\s*(?=trong đó\b)", whole) if p.strip()]


def short_name(name: str) -> str | None:
    """The target's subject as a table's short name ('Tỷ lệ sinh từ 1,8 đến 2,1 con' → 'Tỷ lệ
    sinh'), without its figure and leading words; None when no phrase of three to ten words
    says it (a report then prints the name, never a phrase cut short)."""
    text = " ".join(re.split(r":(?!\d)", PART.sub(r"\1", name))[0].split())
    while _VERBS.match(text):
        text = _VERBS.sub("", text, count=1)
    text = _FIGURE.sub("", text, count=1)
    cut = _COMPARED.search(masked(text))  # a year or a document's number is part of the subject
    text = (text[:cut.start()] if cut else text).strip(" ,.;:")
    if not 3 <= len(text.split()) <= 10 or text == name or "(" in text and ")" not in text:
        return None
    return _opening(text)


def names_in(text: str) -> list[str]:
    """The bodies or posts a cell names: one a line or between ';', and between commas only
    where a new one begins ('QMR, Thư ký ISO'; 'Các phòng, ban' is one)."""
    heads = "|".join(re.escape(head) for head in BODIES)
    pieces = re.split(rf"\n|;|,\s*(?=(?:{heads})\b)", text)
    return [name for name in (" ".join(p.split()).strip(" -–•;.,") for p in pieces) if name]


def listed(text: str) -> list[str]:
    """A cell's list by lines: '- Chương trình ĐGNB;\\n- Báo cáo tổng hợp ĐGNB.' → two items."""
    pieces = re.split(r"\n+\s*[-–•]?\s*|^\s*[-–•]\s*", text.strip())
    return [item for item in (" ".join(p.split()).strip(" -–•;.") for p in pieces) if item]


def task_kind(work: str) -> str | None:
    """What a task is to the quality system: the internal audit ('Tổ chức ĐGNB', 'Triển khai
    đánh giá nội bộ'), the management review, the results report; None for other work."""
    folded = fold(work)
    if re.search(r"\b(to chuc|trien khai|thuc hien|tien hanh)\b.*\b(danh gia noi bo|dgnb)\b", folded):
        return "internal_audit"
    if folded.startswith("xem xet cua lanh dao") or "hop xem xet cua lanh dao" in folded:
        return "management_review"
    if re.search(r"bao cao ket qua thuc hien (mtcl|muc tieu chat luong)", folded):
        return "results_report"
    return None


# When a task is due.

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
_QUARTERS = re.compile(r"\bquý\s+((?:IV|I{1,3}|[1-4])\b(?:\s*(?:,|và)\s*(?:IV|I{1,3}|[1-4])\b)*)"
                       r"(?:\s*(?:/|năm)\s*(\d{4}))?", re.IGNORECASE)
_MONTHLY = re.compile(r"\b(?:hang|hàng|hằng)\s+tháng\b|\bmỗi\s+tháng\b", re.IGNORECASE)


def timing(text: str, year: int) -> Timing:
    """The deadlines or the repeat a plan's 'thời gian' cell says: 'Quý I năm 2023', 'Quý I,
    II, III, IV năm 2021' (four quarter ends), 'Tháng 01-02 năm 2023', 'Trước ngày 15/6 và
    trước 30/11 hằng năm', 'Định kỳ hàng tháng', 'Định kỳ hàng Quý', 'Định kỳ 6 tháng/lần',
    'Hằng năm', 'Thường xuyên'."""
    folded = fold(text)
    if _MONTHLY.search(text):
        return Timing(repeat="monthly")
    dates = sorted(set(_dates(text, year)))
    if dates:
        return Timing(tuple(dates))
    if re.search(r"\bhang quy\b|\bquy\b.*\bdinh ky\b|\bdinh ky\b.*\bquy\b", folded):
        return Timing(repeat="quarterly")
    if re.search(r"6 thang\s*/\s*lan|6 thang mot lan|nua nam|hai lan", folded):
        return Timing(repeat="half-yearly")
    if re.search(r"\bhang nam\b|\btrong nam\b|\bca nam\b|\bnam\s+\d{4}$", folded):
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
        in_year = not written or int(written) == year
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1] and in_year:
            found.append(date(year, month, day))
            spans.append(match.span())
    for match in _MONTHS.finditer(text):
        if any(start <= match.start(1) < end for start, end in spans):
            continue
        first, last, written = match.group(1), match.group(2), match.group(3)
        month = int(last or first)
        if 1 <= month <= 12 and (not written or int(written) == year):
            found.append(month_end(year, month))
    for match in _QUARTERS.finditer(text):
        written = match.group(2)
        if written and int(written) != year:
            continue
        for mark in re.split(r"\s*(?:,|và)\s*", match.group(1)):
            found.append(quarter_end(year, ROMAN.get(mark.lower()) or int(mark)))
    if len(found) > 1 and re.search(r"[-–]", text) and not _DAY.search(text) and "\n" not in text.strip():
        return [max(found)]  # a span 'Tháng 12/2022 – Quý I/2023' ends at its last date
    return found


def _opening(text: str) -> str:
    """``text`` as a name opens: its first letter a capital."""
    return text[:1].upper() + text[1:]


def _one_line(text: str) -> str:
    """``text`` on one line, its runs of spaces collapsed."""
    return " ".join(text.split())
