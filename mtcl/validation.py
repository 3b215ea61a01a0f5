"""pydantic's validation errors, in plain Vietnamese, with a hint where one helps.

Both the hand-written YAML and the lines the tool writes are validated by pydantic; its
English messages are rewritten here, by error type, so the officer reads what is wrong
and how to fix it.
"""

from __future__ import annotations

import difflib
from decimal import Decimal
from typing import Any

from mtcl.numbers import TOO_MANY_DIGITS


def describe_error(error: dict, known_keys: list[str] | tuple[str, ...] = ()) -> str:
    """One pydantic error as a Vietnamese sentence; ``known_keys`` are the keys a mistyped
    one is compared with."""
    kind, value = error["type"], error.get("input")
    field_name = next((str(p) for p in reversed(error["loc"]) if isinstance(p, str)), "")
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        close = difflib.get_close_matches(field_name, list(known_keys), n=1)
        hint = f" (có phải '{close[0]}'?)" if close else ""
        return f"khóa '{field_name}' không hợp lệ ở đây{hint}"
    if kind in ("missing", "missing_argument", "missing_keyword_only_argument"):
        return f"thiếu khóa bắt buộc '{field_name}'"
    if kind.startswith(("decimal", "int", "float", "finite")) or kind in ("greater_than_equal", "less_than_equal"):
        return _number_message(kind, value, error.get("ctx", {}))
    if kind.startswith(("date", "datetime")):
        return f"ngày '{value}' không hợp lệ: viết dạng YYYY-MM-DD (ví dụ 2023-06-15) và ngày phải tồn tại"
    if kind == "literal_error":
        return f"giá trị '{value}' không hợp lệ; chọn một trong: {error['ctx']['expected']}"
    if kind == "string_type":
        return f"'{value}' phải là một đoạn chữ (đặt trong ngoặc kép nếu cần)"
    if kind == "string_too_short":
        return "không được để trống"
    if kind == "too_short":
        return "danh sách không được để trống"
    if kind == "list_type":
        return "phải là một danh sách (mỗi dòng bắt đầu bằng '- ')"
    if kind in ("model_type", "dict_type", "model_attributes_type", "dataclass_type", "dataclass_exact_type"):
        return "phải là một bảng 'khóa: giá trị'"
    if kind == "bool_type":
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
    if isinstance(value, str) and "," in value:
        example = value.replace(".", "").replace(",", ".")
        return f"'{value}' phải là số; trong tệp YAML dùng dấu chấm cho phần thập phân và không tách hàng nghìn: {example}"
    if isinstance(value, bool) or str(value).lower() in ("yes", "no", "on", "off", "y", "n"):
        return f"'{value}' không phải là số"
    return f"'{value}' phải là một số"


def _too_large(kind: str, value: Any) -> bool:
    """pydantic calls 1e999999999 not finite: it is finite, only far too large."""
    if kind != "finite_number" or not isinstance(value, (str, Decimal)):
        return False
    try:
        return Decimal(value).is_finite()
    except ArithmeticError:
        return False
