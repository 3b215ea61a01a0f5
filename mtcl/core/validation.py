"""pydantic's validation errors, in plain Vietnamese, with a hint where one helps.

Both the hand-written YAML and the lines the tool writes are validated by pydantic; its
English messages are rewritten here, by error type, so the officer reads what is wrong
and how to fix it.
"""

from __future__ import annotations

import difflib
import re
import typing
from decimal import Decimal
from typing import Any

from mtcl.core.numbers import MAX_DIGITS, TOO_MANY_DIGITS, digit_count


def describe_error(error: dict, known_keys: list[str] | tuple[str, ...] = (), model: type | None = None) -> str:
    """One pydantic error as a Vietnamese sentence.  A mistyped key is compared with the keys
    allowed where it stands (found in ``model`` along the error's location), else with
    ``known_keys``."""
    kind, value = error["type"], error.get("input")
    field_name = next((str(p) for p in reversed(error["loc"]) if isinstance(p, str)), "")
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        allowed = keys_at(model, tuple(error["loc"])[:-1]) if model else []
        close = difflib.get_close_matches(field_name, allowed or list(known_keys), n=1)
        hint = f" (có phải '{close[0]}'?)" if close else ""
        listed = f"; ở đây dùng các khóa: {', '.join(allowed)}" if allowed else ""
        return f"khóa '{field_name}' không hợp lệ ở đây{hint}{listed}"
    if kind in ("missing", "missing_argument", "missing_keyword_only_argument"):
        return f"thiếu khóa bắt buộc '{field_name}'"
    if kind.startswith(("decimal", "int", "float", "finite")) or kind in ("greater_than_equal", "less_than_equal"):
        return _number_message(kind, value, error.get("ctx", {}))
    if kind.startswith(("date", "datetime")):
        return f"ngày '{value}' không hợp lệ: viết dạng YYYY-MM-DD (ví dụ 2023-06-15) và ngày phải tồn tại"
    if kind == "literal_error":
        choices = str(error["ctx"]["expected"]).replace(" or ", " hoặc ")
        return f"giá trị '{value}' không hợp lệ; chọn một trong: {choices}"
    if kind == "string_type":
        return f"'{value}' phải là một đoạn chữ (đặt trong ngoặc kép nếu cần)"
    if kind == "string_too_short":
        return "không được để trống"
    if kind == "too_short":
        return AT_LEAST_ONE.get(field_name, "danh sách không được để trống")
    if kind == "list_type":
        return "phải là một danh sách (mỗi dòng bắt đầu bằng '- ')"
    if kind in ("model_type", "dict_type", "model_attributes_type", "dataclass_type", "dataclass_exact_type"):
        return "phải là một bảng 'khóa: giá trị'"
    if kind in ("bool_type", "bool_parsing"):
        return f"'{value}' phải là true hoặc false"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    return error["msg"]


def _number_message(kind: str, value: Any, ctx: dict) -> str:
    if kind in ("decimal_max_digits", "decimal_max_places", "decimal_whole_digits") or _too_large(kind, value):
        return f"số '{value}' {TOO_MANY_DIGITS}"
    if kind == "greater_than_equal":
        return f"giá trị {value} phải lớn hơn hoặc bằng {ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"giá trị {value} phải nhỏ hơn hoặc bằng {ctx.get('le')}"
    if kind == "finite_number":
        return "phải là một số hữu hạn (không nhận .nan, .inf)"
    if isinstance(value, str) and RANGE.fullmatch(value.strip()):
        low, high = (end.replace(",", ".") for end in RANGE.fullmatch(value.strip()).groups())
        return (f"'{value}' là một khoảng: ghi plan: [{low}, {high}] và op: '>=' (từ {low} trở lên, phấn đấu {high}), "
                f"'<=' (không quá {high}, phấn đấu {low}) hoặc between (chỉ đạt khi trong khoảng)")
    if isinstance(value, str) and value.strip().endswith("%"):
        return f"'{value}' phải là số, không kèm dấu %: đơn vị ghi ở unit (\"%\")"
    if isinstance(value, str) and "," in value:
        example = value.replace(".", "").replace(",", ".")
        return f"'{value}' phải là số; trong tệp YAML dùng dấu chấm cho phần thập phân và không tách hàng nghìn: {example}"
    if isinstance(value, bool) or str(value).lower() in ("yes", "no", "on", "off", "y", "n"):
        return f"'{value}' không phải là số"
    return f"'{value}' phải là một số"


def not_a_number(value: str) -> str:
    """Why a text written where a number goes (a plan) is not one, in the words pydantic's
    own refusal of a number gets."""
    try:
        number = Decimal(value.strip())
    except ArithmeticError:
        number = Decimal("NaN")
    finite = number.is_finite()
    if finite and digit_count(number) <= MAX_DIGITS:  # plan: "98.5": a number in quotes is text
        return f"'{value}' được viết như chữ (trong dấu ngoặc kép): ghi số không có dấu ngoặc, như {value.strip()}"
    return _number_message("finite_number" if finite else "decimal_parsing", value, {})


AT_LEAST_ONE = {
    "targets": "mục tiêu phải có ít nhất một chỉ tiêu (targets)",
    "objectives": "phải có ít nhất một mục tiêu (objectives)",
    "sections": "kế hoạch phải có ít nhất một phần (sections)",
    "tasks": "mỗi phần của kế hoạch phải có ít nhất một nhiệm vụ (tasks)",
}
# '15%-16%', '14 - 15', '1,8–2,1': a range written as text.
RANGE = re.compile(r"([0-9]+(?:[.,][0-9]+)?)\s*%?\s*[-–]\s*([0-9]+(?:[.,][0-9]+)?)\s*%?")


def keys_at(model: type, loc: tuple) -> list[str]:
    """The keys allowed in the mapping at ``loc`` of a document shaped by ``model``."""
    current: Any = model
    for step in loc:
        if isinstance(step, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or step not in fields:
            return []
        current = _model_in(fields[step].annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _model_in(annotation: Any) -> type | None:
    """The model a field holds, through ``list[...]``, ``... | None``, ``dict[..., ...]``."""
    if isinstance(annotation, type) and hasattr(annotation, "model_fields"):
        return annotation
    for argument in typing.get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


def _too_large(kind: str, value: Any) -> bool:
    """pydantic calls 1e999999999 not finite: it is finite, only far too large."""
    if kind != "finite_number" or not isinstance(value, (str, Decimal)):
        return False
    try:
        return Decimal(value).is_finite()
    except ArithmeticError:
        return False
