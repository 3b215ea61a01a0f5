"""A year's book: its hand-written objectives and plan and what the tool recorded for it,
each read exactly once.

``open_year`` finds the year's folder under the data root, reads and checks
``objectives.yaml`` and ``plan.yaml`` (every problem of both files at once, each as
``file:line:col: message``), then the figures, completions and corrective actions, each
checked against the year.  Everything that computes works on the ``Book``; last year's
book is opened only when a comparison asks for it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from mtcl.core import models
from mtcl.core.actions import ACTIONS_FILE, Action, ActionEvent, event_problem, gather_actions
from mtcl.core.checks import Parsed, pending_fields, run_checks
from mtcl.core.completions import COMPLETIONS_FILE, Completion, completion_problem
from mtcl.core.completions import REF_PREFIX as COMPLETION_REF
from mtcl.core.entries import WITHDRAWALS_FILE, References, Withdrawal, make_ref, ref_key, withdrawal_problem
from mtcl.core.errors import DataError, DataErrors, Source, UserError
from mtcl.core.figures import RECORDS_FILE, FigureRecord, record_problem
from mtcl.core.figures import REF_PREFIX as RECORD_REF
from mtcl.files.fs import collector_paused, display_path
from mtcl.files.migrate import CURRENT_SCHEMA, MigrationProblem, readable_versions, upgrade
from mtcl.core.models import Catalogue, Located, Notes, Objective, Objectives, Plan, Task, Target, id_key
from mtcl.files.store import JsonlStore
from mtcl.core.validation import describe_error
from mtcl.files.yamlsource import read_yaml

OBJECTIVES_FILE = "objectives.yaml"
PLAN_FILE = "plan.yaml"
NOTES_FILE = "notes.yaml"

M = TypeVar("M", bound=BaseModel)


def data_root(root: Path) -> Path:
    """The data folder (``--data``, ``MTCL_DATA`` or ``./data``, as the CLI chose); it must exist."""
    if not root.is_dir():
        raise UserError(
            f"không tìm thấy thư mục dữ liệu '{display_path(root)}'",
            "chỉ rõ thư mục bằng --data THƯ_MỤC hoặc biến môi trường MTCL_DATA",
        )
    return root


YEAR_NAME = re.compile(r"[0-9]{4}")  # ASCII digits only: '٢٠٢٥' is not a year folder


def year_folders(root: Path) -> dict[int, Path]:
    """The year folders under the data root (2023/, 2024/…); anything else is left alone."""
    return {int(p.name): p for p in root.iterdir() if YEAR_NAME.fullmatch(p.name) and p.is_dir()}


def year_folder(root: Path, year: int | None) -> Path:
    """The folder of ``year``, or of the newest year under the data root."""
    folders = year_folders(data_root(root))
    if year is None:
        if not folders:
            raise UserError(f"thư mục '{display_path(root)}' chưa có năm nào (cần thư mục như {root.name}/2023)")
        return folders[max(folders)]
    if year not in folders:
        known = ", ".join(str(y) for y in sorted(folders)) or "chưa có"
        raise UserError(f"không có dữ liệu năm {year} trong '{display_path(root)}' (các năm hiện có: {known})")
    return folders[year]


def records_store(folder: Path) -> JsonlStore[FigureRecord]:
    return JsonlStore(folder / RECORDS_FILE, FigureRecord)


def completions_store(folder: Path) -> JsonlStore[Completion]:
    return JsonlStore(folder / COMPLETIONS_FILE, Completion)


def actions_store(folder: Path) -> JsonlStore:
    return JsonlStore(folder / ACTIONS_FILE, ActionEvent)


def withdrawals_store(folder: Path) -> JsonlStore[Withdrawal]:
    return JsonlStore(folder / WITHDRAWALS_FILE, Withdrawal)


def with_refs(entries: list, store: JsonlStore, prefix: str) -> list:
    """Every entry with its reference: the one written in its line, or, for a line written
    before references existed, the same digest worked out now."""
    if all(entry.ref for entry in entries):
        return entries
    references = References(entry.ref for entry in entries if entry.ref)
    return [entry if entry.ref else replace(entry, ref=references.unique(make_ref(prefix, store.content(entry))))
            for entry in entries]


@dataclass(eq=False)
class Book:
    """One year: its objectives and plan, checked, with lookups by id, and every figure,
    completion and corrective action recorded for it."""

    folder: Path
    objectives: Objectives
    plan: Plan
    records: list[FigureRecord] = field(default_factory=list)  # every line, withdrawn ones too
    completions: list[Completion] = field(default_factory=list)
    action_events: list = field(default_factory=list)
    withdrawals: list[Withdrawal] = field(default_factory=list)
    warnings: list[DataError] = field(default_factory=list)  # fields still to fill, old schema
    sources: dict[str, Source] = field(default_factory=dict)  # where each entry stands in its file
    notes: Notes = field(default_factory=Notes)  # the officer's own words for the reports
    targets: dict[str, Target] = field(init=False)
    tasks: dict[str, Task] = field(init=False)
    actions: list[Action] = field(init=False)
    withdrawn: dict[str, Withdrawal] = field(init=False)  # by the reference of the line withdrawn

    def __post_init__(self) -> None:
        self.targets = {t.id: t for t in self.objectives.targets}
        self.tasks = {t.id: t for t in self.plan.tasks}
        self.actions = gather_actions(self.action_events)
        self.withdrawn = {ref_key(w.ref): w for w in self.withdrawals}
        self._keys: dict[str, Target | Task | Objective] = {}
        for entry in [*self.objectives.objectives, *self.tasks.values(), *self.targets.values()]:
            self._keys[id_key(str(entry.id))] = entry
        self._previous: list[Book | None] = []
        # The targets whose figures were read, when not all were (mtcl record reads its
        # target's alone): a view of the other targets would show them without figures.
        self.only: set[str] | None = None

    @property
    def year(self) -> int:
        return self.objectives.year

    @property
    def root(self) -> Path:
        """The data folder holding this year and its neighbours."""
        return self.folder.parent

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

    @cached_property
    def record_lines(self) -> list[FigureRecord]:
        """Every figure with its reference (worked out on first use for lines written
        before references existed: most views never need it)."""
        return with_refs(self.records, records_store(self.folder), RECORD_REF)

    @cached_property
    def completion_lines(self) -> list[Completion]:
        return with_refs(self.completions, completions_store(self.folder), COMPLETION_REF)

    @property
    def counted_records(self) -> list[FigureRecord]:
        """The figures that count: every record but the withdrawn ones."""
        if not self.withdrawn:
            return self.records
        return [r for r in self.record_lines if r.ref not in self.withdrawn]

    @property
    def counted_completions(self) -> list[Completion]:
        """The completions that count, each with its reference (there are few: the plan
        shows their references)."""
        return [c for c in self.completion_lines if c.ref not in self.withdrawn]

    def has_line(self, ref: str) -> bool:
        return any(entry.ref == ref for entry in [*self.record_lines, *self.completion_lines])

    def find_line(self, text: str) -> FigureRecord | Completion:
        """The figure or completion whose reference is ``text`` (any case)."""
        ref = ref_key(text)
        for entry in [*self.record_lines, *self.completion_lines]:
            if entry.ref == ref:
                return entry
        raise UserError(f"không có dòng số liệu hay hoàn thành nào mang mã '{text}' trong năm {self.year}",
                        "mã in ở cột đầu của 'mtcl history MÃ_CHỈ_TIÊU', và trong 'mtcl plan --json' (ref)")

    def target(self, text: str) -> Target:
        return self.find(text, (Target,))

    def task(self, text: str) -> Task:
        return self.find(text, (Task,))

    def previous(self) -> Book | None:
        """Last year's book, opened on first use; ``None`` when there is no such folder.
        A last year that does not load raises ``UserError`` for the caller to report."""
        if not self._previous:
            folder = year_folders(self.root).get(self.year - 1)
            self._previous.append(open_year(self.root, self.year - 1, self.only) if folder is not None else None)
        return self._previous[0]

    def with_figures_of(self, ids: set[str]) -> Book:
        """The same year with the figures of the targets ``ids`` read, and no others."""
        book = self.with_entries(records=records_store(self.folder).load(record_problem(self.targets, self.year), ids))
        book.only = ids
        return book

    def with_entries(self, **entries: list) -> Book:
        """The same year with ``records``, ``completions``, ``action_events`` or
        ``withdrawals`` replaced (after a write, with everything the file held under the lock)."""
        book = replace(self, **entries)
        book._previous = self._previous
        book.only = self.only
        return book


def open_year(root: Path, year: int | None = None, only: set[str] | None = None) -> Book:
    """Load and check the year's hand-written files and what was recorded for it; with
    ``only``, the figures of those targets alone (see ``Book.only``)."""
    folder = year_folder(root, year)
    return open_folder(folder, int(folder.name), only)


def open_folder(folder: Path, year: int, only: set[str] | None = None) -> Book:
    """Load and check one year's folder, whatever it is called (a new year is checked in
    its temporary folder before it takes its name)."""
    errors: list[DataError] = []
    warnings: list[DataError] = []
    with collector_paused():
        objectives = _load_part(folder / OBJECTIVES_FILE, Objectives, "objectives", errors, warnings)
        plan = _load_part(folder / PLAN_FILE, Plan, "plan", errors, warnings)
    if objectives and plan:
        parsed = Parsed(*objectives, *plan, folder_year=year)
        errors += run_checks(parsed)
        warnings += pending_fields(parsed)
    if errors:
        raise DataErrors(errors)
    book = Book(folder, objectives[0], plan[0], warnings=warnings,
                sources={OBJECTIVES_FILE: objectives[1], PLAN_FILE: plan[1]},
                notes=load_notes(folder / NOTES_FILE, objectives[0]))
    book.only = only
    book = book.with_entries(
        records=records_store(folder).load(record_problem(book.targets, book.year), only),
        completions=completions_store(folder).load(completion_problem(book.tasks, book.year)),
        action_events=actions_store(folder).load(event_problem(book.targets, book.tasks, book.year)),
    )
    # A withdrawal must name a line of the year; with some figures only, the others are
    # not there to be named, so the check is left to the commands that read them all.
    check = withdrawal_problem(book.has_line) if only is None else None
    return book.with_entries(withdrawals=withdrawals_store(folder).load(check))


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
    return _validated(raw, source, model), source


def _validated(raw: dict, source: Source, model: type[M]) -> M:
    try:
        document = model.model_validate(raw)
    except ValidationError as exc:
        raise DataErrors(_first_per_place(source, exc.errors(), model)) from None
    _mark_paths(document, ())
    return document


def load_catalogue(path: Path) -> Catalogue:
    """The level above's indicators.yaml, checked like the other files (codes unique)."""
    raw, source = read_yaml(path)
    if not isinstance(raw, dict):
        raise DataErrors([source.error((), "tệp phải là một bảng 'khóa: giá trị' ở cấp ngoài cùng")])
    catalogue = _validated(raw, source, Catalogue)
    seen: set[str] = set()
    errors = []
    for number, indicator in enumerate(catalogue.indicators):
        if indicator.code in seen:
            errors.append(source.error(("indicators", number, "code"), f"mã chỉ số '{indicator.code}' có hai lần"))
        seen.add(indicator.code)
    if errors:
        raise DataErrors(errors)
    return catalogue


def load_notes(path: Path, objectives: Objectives) -> Notes:
    """The officer's own words for the reports (notes.yaml), if she wrote any: checked like
    the other files, and every objective it names must exist."""
    if not path.exists():
        return Notes()
    raw, source = read_yaml(path)
    if not isinstance(raw, dict):
        raise DataErrors([source.error((), "tệp phải là một bảng 'khóa: giá trị' ở cấp ngoài cùng")])
    notes = _validated(raw, source, Notes)
    known = {str(o.id) for o in objectives.objectives}  # YAML keys may come as text
    errors = [source.error((period, "objectives", number), f"không có mục tiêu {number} trong objectives.yaml")
              for period, written in raw.items() if isinstance(written, dict)
              for number in (written.get("objectives") or {}) if str(number) not in known]
    if errors:
        raise DataErrors(errors)
    return notes


def _first_per_place(source: Source, errors: list[dict], model: type) -> list[DataError]:
    """One error per place: a plan that is neither a number nor a range gets pydantic's
    complaint for each form it tried; the first (the number) is the one to read."""
    found: dict[tuple, DataError] = {}
    for error in errors:
        located = source.error(error["loc"], describe_error(error, MODEL_KEYS, model))
        found.setdefault((located.line, located.column), located)
    return list(found.values())


def _model_keys() -> list[str]:
    names: set[str] = set()
    for value in vars(models).values():
        if isinstance(value, type) and issubclass(value, BaseModel):
            names |= set(value.model_fields)
    return sorted(names)


MODEL_KEYS = _model_keys()


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
