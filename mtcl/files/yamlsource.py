"""Reading hand-written YAML into plain values that remember where they came from.

PyYAML alone is too forgiving for data that is the commune's record: it accepts duplicate
keys (the last one silently wins), reads ``yes``/``no``/``on`` as booleans and turns
``5.573`` into a binary float.  Here a document is composed into nodes and built by hand:
duplicate keys and aliases are errors, only ``true``/``false`` are booleans, numbers become
``Decimal`` from their own text, and every key and list item keeps its line and column so
that later errors (pydantic's among them) can point at it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from mtcl.core.errors import DataError, DataErrors, Path_, Source
from mtcl.core.numbers import MAX_DIGITS, TOO_MANY_DIGITS, digit_count
from mtcl.core.text import SAVE_AS_UTF8, nfc, not_utf8
from mtcl.files.fs import display_path, os_problem

try:  # the C composer is several times faster; marks and nodes are the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 40

_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?")
_TEXT_STYLES = ("'", '"', "|", ">")
_SYNTAX_MESSAGES = [
    ("tab", "có ký tự Tab: hãy thụt lề bằng dấu cách, không dùng phím Tab"),
    ("mapping values are not allowed", "dấu hai chấm đặt sai chỗ: giá trị có dấu ':' cần đặt trong ngoặc kép"),
    ("could not find expected ':'", "thiếu dấu hai chấm sau tên khóa"),
    ("did not find expected ',' or ']'", "ngoặc vuông '[' chưa được đóng"),
    ("did not find expected ',' or '}'", "ngoặc nhọn '{' chưa được đóng"),
    ("found unexpected end of stream", "dấu nháy chưa được đóng"),
    ("did not find expected key", "thụt lề không đều: các khóa cùng cấp phải thẳng cột"),
    ("did not find expected '-' indicator", "thụt lề không đều: các dòng '- ' cùng danh sách phải thẳng cột"),
    ("undefined alias", "tham chiếu (*) không tồn tại; hãy ghi đầy đủ giá trị"),
]
_SPECIAL_FLOATS = {".nan": "NaN", ".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity"}


def read_yaml(path: Path) -> tuple[Any, Source]:
    """Load one YAML file; raise ``DataErrors`` naming every structural problem found."""
    source = Source(display_path(path))
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataErrors([DataError(source.file, None, None, "không tìm thấy tệp")]) from None
    except OSError as exc:
        raise DataErrors([DataError(source.file, None, None, f"không đọc được tệp: {os_problem(exc)}")]) from None
    # One Unicode form: ids and items typed in another (a file saved on a Mac) still match.
    text = nfc(_decode(raw, source))
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise DataErrors([_syntax_error(exc, source)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - reader errors carry no mark
        raise DataErrors([DataError(source.file, None, None, f"lỗi cú pháp YAML: {exc}")]) from None
    if node is None:
        raise DataErrors([DataError(source.file, 1, 1, "tệp rỗng: không có nội dung YAML")])
    errors: list[DataError] = []
    source.positions[()] = _mark(node)
    value = _Builder(source, errors).build(node, ())
    if errors:
        raise DataErrors(errors)
    return value, source


def _decode(raw: bytes, source: Source) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataErrors(
            [DataError(source.file, line, column, f"tệp {not_utf8(raw)}; {SAVE_AS_UTF8}")]
        ) from None


def _syntax_error(exc: yaml.MarkedYAMLError, source: Source) -> DataError:
    problem = (exc.problem or "").lower()
    for needle, message in _SYNTAX_MESSAGES:
        if needle in problem:
            break
    else:
        message = "lỗi cú pháp YAML: kiểm tra thụt lề, dấu hai chấm, ngoặc và dấu nháy ở dòng này"
    # An unclosed bracket or quote is noticed far below; point at where it was opened.
    unclosed = "chưa được đóng" in message and exc.context_mark is not None
    mark = exc.context_mark if unclosed else (exc.problem_mark or exc.context_mark)
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    return DataError(source.file, line, column, message)


class _Builder:
    def __init__(self, source: Source, errors: list[DataError]):
        self.source = source
        self.errors = errors
        self.seen: set[int] = set()

    def fail(self, node: yaml.Node, message: str) -> None:
        self.errors.append(
            DataError(self.source.file, node.start_mark.line + 1, node.start_mark.column + 1, message)
        )

    def build(self, node: yaml.Node, path: Path_) -> Any:
        if len(path) > MAX_DEPTH:
            # Data this deep is a mistake (or an attack); refusing it also keeps the
            # recursion far from Python's limit.
            self.fail(node, f"cấu trúc lồng nhau quá sâu (hơn {MAX_DEPTH} mức)")
            return None
        if id(node) in self.seen:
            # An alias hands back a node already built.  Aliases let a few lines expand
            # into gigabytes ("billion laughs") and hide what a figure really is;
            # hand-written data has no need for them.
            self.fail(node, "không dùng tham chiếu YAML (&, *): hãy ghi đầy đủ giá trị")
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            result = []
            for index, item in enumerate(node.value):
                self.source.positions[path + (index,)] = _mark(item)
                result.append(self.build(item, path + (index,)))
            return result
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_node, "tên khóa phải là một chữ hoặc số đơn giản")
                continue
            key = key_node.value
            if key in first_line:
                self.fail(key_node, f"khóa '{key}' bị lặp lại (đã có ở dòng {first_line[key]})")
                continue
            first_line[key] = key_node.start_mark.line + 1
            self.source.positions[path + (key,)] = _mark(key_node)
            result[key] = self.build(value_node, path + (key,))
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        text, tag = node.value, node.tag
        if node.style in _TEXT_STYLES:  # quoted or block text is always a string
            return text
        if tag.endswith(":null"):
            return None
        if tag.endswith(":bool"):
            # YAML 1.1 reads yes/no/on/off as booleans; they stay text so that a model
            # field expecting a number or a word reports them instead of taking True.
            return {"true": True, "false": False}.get(text.lower(), text)
        if tag.endswith(":int") and _INT.fullmatch(text):
            bounded = self._bounded(node, Decimal(text))  # int() refuses more than 4,300 digits with a ValueError
            return None if bounded is None else int(bounded)
        if tag.endswith(":float"):
            special = _SPECIAL_FLOATS.get(text.lower())
            if special:
                return Decimal(special)
            if _FLOAT.fullmatch(text):
                return self._bounded(node, Decimal(text))
        return text

    def _bounded(self, node: yaml.ScalarNode, value: int | Decimal) -> int | Decimal | None:
        if digit_count(Decimal(value)) > MAX_DIGITS:
            text = node.value if len(node.value) <= 40 else f"{node.value[:20]}…({len(node.value)} ký tự)"
            self.fail(node, f"số '{text}' {TOO_MANY_DIGITS}")
            return None
        return value


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)
