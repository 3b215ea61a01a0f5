"""Finding a year's folder and loading its hand-written files into checked models.

``load_year`` reads ``objectives.yaml`` and ``plan.yaml``, validates them with the models
and the cross-reference rules, and either returns a ``YearData`` or raises ``DataErrors``
with every problem of both files, each as ``file:line:col: message`` in Vietnamese.
pydantic's English messages are rewritten here, by error type, into plain words.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from mtcl.bulk import collector_paused
from mtcl.checks import Documents, pending_fields, run_checks
from mtcl.errors import DataError, DataErrors, UserError
from mtcl.migrate import CURRENT_SCHEMA, MigrationProblem, readable_versions, upgrade
from mtcl.models import Located, Objective, Objectives, Plan, Task, Target, id_key
from mtcl.yamlsource import Source, display_path, read_yaml

OBJECTIVES_FILE = "objectives.yaml"
PLAN_FILE = "plan.yaml"

M = TypeVar("M", bound=BaseModel)


def data_root(data: Path | None) -> Path:
    """``--data``, else ``$MTCL_DATA``, else ``./data``; it must exist."""
    root = data or Path(os.environ.get("MTCL_DATA") or "data")
    if not root.is_dir():
        raise UserError(
            f"không tìm thấy thư mục dữ liệu '{display_path(root)}'",
            "chỉ rõ thư mục bằng --data THƯ_MỤC hoặc biến môi trường MTCL_DATA",
        )
    return root


def year_folders(root: Path) -> dict[int, Path]:
    return {int(p.name): p for p in root.iterdir() if p.is_dir() and p.name.isdigit() and len(p.name) == 4}


def year_folder(data: Path | None, year: int | None) -> Path:
    """The folder of ``year``, or of the newest year under the data root."""
    root = data_root(data)
    folders = year_folders(root)
    if year is None:
        if not folders:
            raise UserError(f"thư mục '{display_path(root)}' chưa có năm nào (cần thư mục như {root.name}/2023)")
        return folders[max(folders)]
    if year not in folders:
        known = ", ".join(str(y) for y in sorted(folders)) or "chưa có"
        raise UserError(f"không có dữ liệu năm {year} trong '{display_path(root)}' (các năm hiện có: {known})")
    return folders[year]


@dataclass
class YearData:
    """One year's objectives and plan, checked, with lookups by id."""

    folder: Path
    objectives: Objectives
    plan: Plan
    warnings: list[DataError] = field(default_factory=list)  # fields still to fill, old schema
    targets: dict[str, Target] = field(init=False)
    tasks: dict[str, Task] = field(init=False)

    def __post_init__(self) -> None:
        self.targets = {t.id: t for t in self.objectives.targets}
        self.tasks = {t.id: t for t in self.plan.tasks}
        self._keys: dict[str, Target | Task | Objective] = {}
        for entry in [*self.objectives.objectives, *self.tasks.values(), *self.targets.values()]:
            self._keys[id_key(str(entry.id))] = entry

    @property
    def year(self) -> int:
        return self.objectives.year

    def find(self, text: str, kinds: tuple[type, ...] = (Objective, Target, Task)) -> Any:
        """The objective, target or task named ``text``; unknown ids get the closest ones."""
        entry = self._keys.get(id_key(text))
        if isinstance(entry, kinds):
            return entry
        candidates = [str(e.id) for e in self._keys.values() if isinstance(e, kinds)]
        close = difflib.get_close_matches(id_key(text), [id_key(c) for c in candidates], n=4, cutoff=0.4)
        by_key = {id_key(c): c for c in candidates}
        noun = {Target: "chỉ tiêu", Task: "nhiệm vụ"}.get(kinds[0], "mã") if len(kinds) == 1 else "mã"
        hint = f"có phải: {', '.join(by_key[k] for k in close)}?" if close else "xem danh sách bằng 'mtcl targets' hoặc 'mtcl plan'"
        raise UserError(f"không có {noun} '{text}' trong năm {self.year}", hint)

    def target(self, text: str) -> Target:
        return self.find(text, (Target,))

    def task(self, text: str) -> Task:
        return self.find(text, (Task,))


def load_year(data: Path | None = None, year: int | None = None) -> YearData:
    """Load and check the year's two hand-written files."""
    folder = year_folder(data, year)
    errors: list[DataError] = []
    warnings: list[DataError] = []
    with collector_paused():
        objectives = _load_part(folder / OBJECTIVES_FILE, Objectives, "objectives", errors, warnings)
        plan = _load_part(folder / PLAN_FILE, Plan, "plan", errors, warnings)
    if objectives and plan:
        documents = Documents(*objectives, *plan, folder_year=int(folder.name))
        errors += run_checks(documents)
        warnings += pending_fields(documents)
    if errors:
        raise DataErrors(errors)
    return YearData(folder, objectives[0], plan[0], warnings)


def _load_part(path: Path, model: type[M], kind: str, errors: list[DataError], warnings: list[DataError]):
    try:
        return load_document(path, model, kind, warnings)
    except DataErrors as exc:
        errors += exc.errors
        return None


def load_document(path: Path, model: type[M], kind: str, warnings: list[DataError]) -> tuple[M, Source]:
    """One YAML file into ``model``, with every problem located; an older schema version
    is upgraded in memory, with a warning that suggests ``mtcl migrate``."""
    raw, source = read_yaml(path)
    if not isinstance(raw, dict):
        raise DataErrors([source.error((), "tệp phải là một bảng 'khóa: giá trị' ở cấp ngoài cùng")])
    version = raw.get("schema_version")
    readable = readable_versions(kind)
    if version not in readable:
        names = ", ".join(str(v) for v in readable)
        what = "thiếu khóa schema_version" if version is None else f"phiên bản lược đồ '{version}' không được hỗ trợ"
        raise DataErrors([source.error(("schema_version",), f"{what}; mtcl này đọc các phiên bản: {names}")])
    if version != CURRENT_SCHEMA:
        try:
            upgrade(kind, raw)
        except MigrationProblem as problem:
            raise DataErrors([source.error(problem.path, problem.message)]) from None
        warnings.append(source.error(
            ("schema_version",),
            f"tệp viết theo lược đồ {version} cũ; chạy 'mtcl migrate' để nâng lên {CURRENT_SCHEMA}",
        ))
    try:
        document = model.model_validate(raw)
    except ValidationError as exc:
        raise DataErrors([source.error(e["loc"], describe_error(e)) for e in exc.errors()]) from None
    _mark_paths(document, ())
    return document, source


def _mark_paths(model: BaseModel, path: tuple) -> None:
    if not isinstance(model, Located):
        return
    model._path = path
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            _mark_paths(value, path + (name,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    _mark_paths(item, path + (name, index))


def _field_names() -> list[str]:
    from mtcl import models

    names: set[str] = set()
    for value in vars(models).values():
        if isinstance(value, type) and issubclass(value, BaseModel):
            names |= set(value.model_fields)
    return sorted(names)


def describe_error(error: dict) -> str:
    """pydantic's error, in plain Vietnamese, with a hint where one helps."""
    kind, value = error["type"], error.get("input")
    field_name = next((str(p) for p in reversed(error["loc"]) if isinstance(p, str)), "")
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        close = difflib.get_close_matches(field_name, _field_names(), n=1)
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
