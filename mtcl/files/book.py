"""A year's book: its hand-written objectives and plan and everything the tool recorded for
it — and, when a command compares, last year's book — each read exactly once.

``open_year`` finds the year's folder under the data root, reads ``objectives.yaml`` and
``plan.yaml`` and the lines the tool wrote, then runs the year's rules (``core.checks``)
once over all of it: every problem of every file at once, each as ``file:line:col:
message``.  Everything that computes works on the ``Book`` and opens no file.
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
from mtcl.core.actions import ACTIONS_FILE, Action, ActionClosed, ActionEvent, gather_actions
from mtcl.core.actions import REF_PREFIX as CLOSING_REF
from mtcl.core.attainment import LastYear, RecordIndex
from mtcl.core.checks import YearData, line_warnings, pending_fields, run_checks
from mtcl.core.completions import COMPLETIONS_FILE
from mtcl.core.completions import REF_PREFIX as COMPLETION_REF
from mtcl.core.completions import Completion
from mtcl.core.entries import WITHDRAWALS_FILE, Lines, Withdrawal, ref_key
from mtcl.core.errors import DataError, DataErrors, Source, UserError
from mtcl.core.figures import RECORDS_FILE
from mtcl.core.figures import REF_PREFIX as RECORD_REF
from mtcl.core.figures import FigureRecord
from mtcl.core.models import Catalogue, Located, Notes, Objective, Objectives, Plan, Target, Task, id_key
from mtcl.core.validation import describe_error
from mtcl.files import cache
from mtcl.files.fs import collector_paused, display_path
from mtcl.files.store import JsonlStore

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


# The files the tool writes in a year's folder, by the field of the book that holds them.
STORES: dict[str, tuple[str, object, str | None]] = {
    "record_lines": (RECORDS_FILE, FigureRecord, RECORD_REF),
    "completion_lines": (COMPLETIONS_FILE, Completion, COMPLETION_REF),
    "event_lines": (ACTIONS_FILE, ActionEvent, CLOSING_REF),
    "withdrawal_lines": (WITHDRAWALS_FILE, Withdrawal, None),
}


def store_of(folder: Path, lines: str) -> JsonlStore:
    """The store of one of the files the tool writes, named by the book's field for it."""
    name, model, prefix = STORES[lines]
    return JsonlStore(folder / name, model, prefix)


@dataclass(eq=False, kw_only=True)
class Book(YearData):
    """One year, checked: its objectives and plan with lookups by id, every figure,
    completion, corrective action and withdrawal recorded for it, and, when the command
    compares with last year, last year's book (or why it could not be read)."""

    folder: Path
    notes: Notes = field(default_factory=Notes)  # the officer's own words for the reports
    warnings: list[DataError] = field(default_factory=list)  # fields still to fill, old schema
    last: Book | None = None
    last_problem: str | None = None  # last year's folder exists but does not load
    damaged: list[DataError] = field(default_factory=list)  # stored lines left out by a salvaging read

    @property
    def sources(self) -> dict[str, Source]:
        return {OBJECTIVES_FILE: self.objectives_source, PLAN_FILE: self.plan_source}

    @property
    def root(self) -> Path:
        """The data folder holding this year and its neighbours."""
        return self.folder.parent

    @property
    def records(self) -> tuple[FigureRecord, ...]:
        """Every figure, withdrawn ones too, each with its reference."""
        return self.record_lines.entries

    @property
    def completions(self) -> tuple[Completion, ...]:
        return self.completion_lines.entries

    @cached_property
    def actions(self) -> list[Action]:
        return gather_actions(self.event_lines, self.withdrawn)

    @property
    def closings(self) -> list[ActionClosed]:
        return [event for event in self.event_lines if isinstance(event, ActionClosed)]

    @cached_property
    def withdrawn(self) -> dict[str, Withdrawal]:
        """The withdrawals, by the reference of the line withdrawn."""
        return {ref_key(w.ref): w for w in self.withdrawal_lines}

    @cached_property
    def counted_records(self) -> list[FigureRecord]:
        """The figures that count: every record but the withdrawn ones."""
        return [r for r in self.records if r.ref not in self.withdrawn]

    @cached_property
    def counted_completions(self) -> list[Completion]:
        return [c for c in self.completions if c.ref not in self.withdrawn]

    @cached_property
    def index(self) -> RecordIndex:
        """The figures that count, by target: the one index every view reads."""
        return RecordIndex(self.counted_records)

    @property
    def last_year(self) -> LastYear | None:
        """Last year's targets and figures, for "so với cùng kỳ" and a change's base."""
        return LastYear(self.last.targets, self.last.index) if self.last else None

    @cached_property
    def _keys(self) -> dict[str, Target | Task | Objective]:
        return {id_key(str(entry.id)): entry
                for entry in [*self.objectives.objectives, *self.tasks.values(), *self.targets.values()]}

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

    def find_line(self, text: str) -> FigureRecord | Completion | ActionClosed:
        """The figure, completion or closing of an action whose reference is ``text`` (any case)."""
        ref = ref_key(text)
        for entry in [*self.records, *self.completions, *self.closings]:
            if entry.ref == ref:
                return entry
        raise UserError(f"không có dòng số liệu, hoàn thành hay đóng phiếu nào mang mã '{text}' trong năm {self.year}",
                        "mã in ở cột đầu của 'mtcl history MÃ_CHỈ_TIÊU', trong 'mtcl plan --json' (ref) và "
                        "'mtcl action list'")

    def target(self, text: str) -> Target:
        return self.find(text, (Target,))

    def task(self, text: str) -> Task:
        return self.find(text, (Task,))

    def problems(self) -> list[DataError]:
        """What the year's rules find in it (none in a book as opened; a candidate made for a
        write may have some)."""
        return run_checks(self)


def open_year(root: Path, year: int | None = None, last_year: bool = False, salvage: bool = False) -> Book:
    """Load and check the year's files and what was recorded for it; with ``last_year``,
    last year's too (a last year that does not load is a note, not an error); with
    ``salvage``, a stored line that cannot be read or breaks a rule is left out and listed in
    ``damaged`` instead of refusing the year (the level above reads what a body sent)."""
    folder = year_folder(root, year)
    book = open_folder(folder, int(folder.name), salvage)
    previous = year_folders(root).get(book.year - 1) if last_year else None
    if previous is None:
        return book
    try:
        return replace(book, last=open_folder(previous, book.year - 1, salvage))
    except UserError:
        return replace(book, last_problem=f"Không so sánh được với cùng kỳ: dữ liệu năm {book.year - 1} có lỗi "
                                          f"(xem: mtcl validate --year {book.year - 1}).")


def open_folder(folder: Path, year: int, salvage: bool = False) -> Book:
    """Load and check one year's folder, whatever it is called (a new year is checked in
    its temporary folder before it takes its name).  A year checked before whose files hold
    the same bytes comes from the cache (``files.cache``); not a salvaging read (the level
    above reads each of thousands of bodies once)."""
    if salvage:
        return _read_folder(folder, year, salvage)
    files = [folder / name for name in (OBJECTIVES_FILE, PLAN_FILE, NOTES_FILE, *(s[0] for s in STORES.values()))]
    return cache.kept(files, f"{folder}\0{folder.resolve()}\0{Path.cwd()}\0{year}", lambda: _read_folder(folder, year))


def _read_folder(folder: Path, year: int, salvage: bool = False) -> Book:
    """Read and check every file of the year's folder."""
    errors: list[DataError] = []
    warnings: list[DataError] = []
    with collector_paused():
        objectives = _load_part(folder / OBJECTIVES_FILE, Objectives, "objectives", errors, warnings)
        plan = _load_part(folder / PLAN_FILE, Plan, "plan", errors, warnings)
    lines = {name: store_of(folder, name).read() for name in STORES}
    if not salvage:
        errors += [problem for read in lines.values() for problem in read.problems]
    if not (objectives and plan):
        raise DataErrors(errors)
    book = Book(objectives=objectives[0], objectives_source=objectives[1], plan=plan[0], plan_source=plan[1],
                folder_year=year, folder=folder, **lines)
    book, problems = _salvaged(book) if salvage else (book, book.problems())
    errors += problems
    if errors:
        raise DataErrors(errors)
    return replace(book, warnings=warnings + pending_fields(book) + line_warnings(book),
                   notes=load_notes(folder / NOTES_FILE, book.objectives))


def _salvaged(book: Book) -> tuple[Book, list[DataError]]:
    """The book without the stored lines that cannot be read or that break a rule, each
    kept in ``damaged`` with its problem, and the problems left (the hand-written files'
    are not salvaged).  A line left out may leave another without what it names (a
    withdrawal of it), hence the rounds."""
    damaged = [problem for name in STORES for problem in getattr(book, name).problems]
    stored = {getattr(book, name).file for name in STORES}
    found: list[DataError] = []
    for _ in range(len(STORES)):
        book = replace(book, **{name: _without(getattr(book, name), found) for name in STORES})
        problems = book.problems()
        found = [problem for problem in problems if problem.file in stored]
        if not found:
            break
        damaged += found
    return replace(book, damaged=sorted(set(damaged), key=lambda p: (p.file, p.line or 0, p.message))), problems


def _without(lines: Lines, problems: list[DataError]) -> Lines:
    """``lines`` without the lines ``problems`` point at, and without their unreadable ones."""
    left_out = {problem.line for problem in problems if problem.file == lines.file}
    kept = [(number, entry) for number, entry in lines.located() if number not in left_out]
    return Lines(lines.file, tuple(entry for _, entry in kept), tuple(number for number, _ in kept))


def _load_part(path: Path, model: type[M], kind: str, errors: list[DataError], warnings: list[DataError]):
    try:
        return load_document(path, model, kind, warnings)
    except DataErrors as exc:
        errors += exc.errors
        return None


def read_yaml(path: Path) -> tuple[Any, Source]:
    """``yamlsource.read_yaml``, loading PyYAML only when a file is read: a year from the
    cache needs none."""
    from mtcl.files import yamlsource  # PyYAML and its C reader: 10 ms

    return yamlsource.read_yaml(path)


def load_document(path: Path, model: type[M], kind: str, warnings: list[DataError]) -> tuple[M, Source]:
    """One YAML file into ``model``, with every problem located; an older schema version
    is upgraded in memory, with a warning that suggests ``mtcl migrate``."""
    # The schema steps read YAML too: 1 ms beside PyYAML's 10 ms, when a file is read.
    from mtcl.files.migrate import CURRENT_SCHEMA, MigrationProblem, readable_versions, upgrade

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
