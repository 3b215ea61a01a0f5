"""Numbers and dates the Vietnamese way, read strictly and written as Babel's vi_VN would.

Vietnamese writing groups thousands with ``.`` and marks decimals with ``,``: 1.936,49 tấn,
5,573 tỷ đồng, 78.000 lượt.  Reading is strict because a misread figure is worse than a
refused one: ``2.91`` could be either convention, so it is refused with the right spelling.
Rounding is always half-up on ``Decimal``, as a reader of a report expects (2,45 → 2,5).
Only ASCII digits are digits, and a number has at most 15 of them (``MAX_DIGITS``): beyond
that it is a slip of the keyboard, and exact arithmetic on it would only hide the slip.

Percentages that mtcl computes (a ratio from counts, attainment, a comparison) follow one
rule everywhere, in every format: rounded half-up to one decimal, a whole number without
decimals (99,36 → 99,4%; 100,0 → 100%), and more decimals only where one would seem to
contradict the verdict (1499/2500 is 59,96%, not 60%, beside "từ 60% trở lên … chưa đạt").
A figure the officer typed is shown as typed.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from mtcl.core.errors import UserError

# [0-9], not \d: Python's \d also matches Arabic-Indic and full-width digits.
_VN_NUMBER = re.compile(r"([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,([0-9]+))?")
_DOT_DECIMAL = re.compile(r"[0-9]+\.[0-9]+")
_ENGLISH = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+\.[0-9]+")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_VN_DATE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")

EXAMPLE = "ví dụ 1.936,49 hoặc 5,573 hoặc 78.000"
_VIETNAMESE_MARKS = str.maketrans(",.", ".,")
MAX_DIGITS = 15
TOO_MANY_DIGITS = f"có quá nhiều chữ số (mtcl nhận số có tối đa {MAX_DIGITS} chữ số)"


def digit_count(value: Decimal) -> int:
    """Digits written out in full: 1936.49 → 6, 1e30 → 31, 0.0001 → 4."""
    _, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        return 0
    return max(len(digits), -exponent) if exponent < 0 else len(digits) + exponent


MINUS_SIGNS = ("-", "\u2212")  # the hyphen typed, and the minus sign a word processor puts


def parse_number(text: str, signed: bool = False) -> Decimal:
    """Read a number written the Vietnamese way (negative only when ``signed``); refuse
    anything doubtful."""
    cleaned = text.strip()
    negative = cleaned.startswith(MINUS_SIGNS) and _VN_NUMBER.fullmatch(cleaned[1:]) is not None
    match = _VN_NUMBER.fullmatch(cleaned[1:] if negative else cleaned)
    if match:
        whole, fraction = match.groups()
        value = Decimal(whole.replace(".", "") + ("." + fraction if fraction else ""))
        if negative and value and not signed:  # '-0' is zero, not a negative figure
            raise UserError(f"không nhận số âm: '{text}'",
                            "số âm chỉ ghi được cho chỉ tiêu có signed: true (như tốc độ tăng trưởng)")
        if digit_count(value) > MAX_DIGITS:
            raise UserError(f"số '{text}' {TOO_MANY_DIGITS}", "kiểm tra lại số đã gõ và đơn vị tính")
        return -value if negative and value else value
    if _DOT_DECIMAL.fullmatch(cleaned):
        raise UserError(
            f"số '{text}' không rõ nghĩa: dấu chấm dùng để tách hàng nghìn",
            f"dùng dấu phẩy cho phần thập phân: {format_number(Decimal(cleaned))}",
        )
    if _ENGLISH.fullmatch(cleaned):
        vietnamese = format_number(Decimal(cleaned.replace(",", "")))
        raise UserError(f"số '{text}' viết theo kiểu nước ngoài", f"viết theo kiểu Việt Nam: {vietnamese}")
    raise UserError(f"'{text}' không phải là một số hợp lệ", f"viết theo kiểu Việt Nam, {EXAMPLE}")


def quantize(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def format_number(value: Decimal | int, places: int | None = None, most: int | None = None) -> str:
    """1936.49 → '1.936,49'.  ``places=None`` keeps every significant decimal, or at
    ``most`` that many (99.2000 → '99,2', 33.3333 → '33,33' with ``most=2``)."""
    value = Decimal(value)
    if most is not None:
        value = quantize(value, most).normalize()
    if places is None:
        exponent = value.normalize().as_tuple().exponent
        places = max(0, -exponent) if isinstance(exponent, int) else 0
    value = quantize(value, places)
    # Python groups with ',' and marks decimals with '.': the two are swapped (the result is
    # checked against Babel's vi_VN formatting in the tests).
    text = f"{abs(value):,.{places}f}".translate(_VIETNAMESE_MARKS)
    return f"-{text}" if value < 0 else text


MAX_PLACES = 4  # the most decimals a computed number is shown with, to tell it from its threshold


def rounded(value: Decimal, thresholds: tuple[Decimal, ...] = ()) -> Decimal:
    """A computed number by the one rule: half-up to one decimal, and when that would put it
    on or across a threshold it is judged by (the plan, 100% of it), the decimals that tell
    it from the threshold (59,96 beside 'at least 60'; 99,96 beside 100%)."""
    places = 1
    shown = quantize(value, places)
    while places < MAX_PLACES and any(_side(shown, mark) != _side(value, mark) for mark in thresholds):
        places += 1
        shown = quantize(value, places)
    return shown.normalize() if shown else Decimal(0)


def _side(value: Decimal, mark: Decimal) -> int:
    return (value > mark) - (value < mark)


def rounded_number(value: Decimal, thresholds: tuple[Decimal, ...] = ()) -> str:
    """A computed number to one decimal, a whole one without: 98.456 → '98,5', 100.0 → '100'
    (more decimals only where a threshold needs them: see ``rounded``)."""
    return format_number(rounded(value, thresholds))


def format_percent(value: Decimal, thresholds: tuple[Decimal, ...] = ()) -> str:
    """A computed percentage: 98.456 → '98,5%', 100.0 → '100%' (see the module's rule)."""
    return rounded_number(value, thresholds) + "%"


def parse_date(text: str) -> date:
    """Read 2023-06-15 or 15/6/2023; refuse impossible dates such as 31/02/2023."""
    cleaned = text.strip()
    iso = _ISO_DATE.fullmatch(cleaned)
    vn = _VN_DATE.fullmatch(cleaned)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif vn:
        day, month, year = (int(g) for g in vn.groups())
    else:
        raise UserError(f"'{text}' không phải là ngày", "viết ngày dạng 15/6/2023 hoặc 2023-06-15")
    try:
        return date(year, month, day)
    except ValueError:
        raise UserError(f"ngày '{text}' không tồn tại", "kiểm tra lại ngày và tháng") from None


def format_date(value: date) -> str:
    """2023-06-05 → '05/06/2023', the short form used in tables."""
    return value.strftime("%d/%m/%Y")


def format_long_date(value: date) -> str:
    """'ngày 05 tháng 01 năm 2023' — days under 10 and months 1, 2 take a leading zero."""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def format_quantity(value: Decimal, unit: str, places: int | None = None, most: int | None = None) -> str:
    """'1.936,49 tấn', but '98,5%' with no space before the percent sign."""
    number = format_number(value, places, most)
    return f"{number}%" if unit == "%" else f"{number} {unit}"


SPOKEN_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
SPOKEN_SCALES = ("", "nghìn", "triệu", "tỷ", "nghìn tỷ")


def spell_number(number: int) -> str:
    """A whole number in Vietnamese words: 41250 → 'bốn mươi mốt nghìn hai trăm năm mươi'."""
    if number == 0:
        return SPOKEN_DIGITS[0]
    groups = []
    while number:
        number, group = divmod(number, 1000)
        groups.append(group)
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        words += _spell_group(group, full=index < len(groups) - 1)
        if SPOKEN_SCALES[index]:
            words.append(SPOKEN_SCALES[index])
    return " ".join(words)


def _spell_group(group: int, full: bool) -> list[str]:
    """Three digits; ``full`` when a higher group precedes (1.050: 'không trăm năm mươi')."""
    hundreds, rest = divmod(group, 100)
    tens, units = divmod(rest, 10)
    words = [SPOKEN_DIGITS[hundreds], "trăm"] if hundreds or full else []
    if tens == 0:
        if units:
            words += (["linh"] if words else []) + [SPOKEN_DIGITS[units]]
        return words
    words += ["mười"] if tens == 1 else [SPOKEN_DIGITS[tens], "mươi"]
    if units == 1:
        words.append("một" if tens == 1 else "mốt")
    elif units == 4:
        words.append("bốn" if tens == 1 else "tư")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(SPOKEN_DIGITS[units])
    return words
