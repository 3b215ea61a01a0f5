"""A body's own decision (.docx) read into a draft year: objectives.yaml and plan.yaml.

Every body that runs ISO 9001 has its objectives and plan as a Word decision: a first page
(the body under its parent, the number and date, what it "ban hành" or "công bố"), Phụ lục 1
(the objectives as numbered paragraphs with lettered, dashed or numbered targets, or as a
table: the objective merged down over its targets or as a row across the table) and, most
often, Phụ lục 2 (the plan as a table).  This module reads that shape into a ``Draft`` and
writes it as YAML.  Every target is proved before its values are written unmarked: drafted
as a real ``Target``, rendered back into mtcl's own words and compared with the decision's
(``core.proof``); a value the words do not confirm is written with "# đoán: <why>; văn bản:
"…"", and a value the decision does not give is left empty with "# TODO: …" that ``mtcl
validate`` points at.  The phrases themselves are read by the pure ``core.phrases``.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from mtcl.core.bodies import (TERRITORIES, body_and_territory, in_prose, names_in_capitals, parent_named, proper_name,
                              subject_line)
from mtcl.core.errors import DataErrors, UserError
from mtcl.core.models import Target
from mtcl.core.phrases import (PART, PlanReading, clauses, each_period, figures, is_ambiguous, item_parts, listed,
                               names_in, read_plan, scale_of, short_name, task_kind, thousands_reading, timing)
from mtcl.core.proof import differences
from mtcl.core.text import fold
from mtcl.core.numbers import format_number
from mtcl.core.words import EVERY_WORDS, capitalised, lowered
from mtcl.files.book import OBJECTIVES_FILE, PLAN_FILE, data_root, open_folder
from mtcl.files.fs import display_path, os_problem, regular_file
from mtcl.files.migrate import CURRENT_SCHEMA
from mtcl.usecases.newyear import build_in_place

NOT_DOCX = "mở tệp bằng Word hoặc LibreOffice rồi Lưu thành… Tài liệu Word (.docx)"
COUNTED_UNITS = ("lượt", "lượt khách", "người", "hộ", "hồ sơ", "văn bản", "vụ", "ca", "cuộc")
ROMAN = re.compile(r"^(?=[IVXL]+\.?$)(X{0,3})(IX|IV|V?I{0,3})\.?$")
NO_PLAN = ("TODO: quyết định không có Phụ lục 2 (kế hoạch thực hiện), có thể ban hành bằng quyết định riêng: "
           "chép các nhiệm vụ của kế hoạch vào đây")


@dataclass
class Value:
    """A value of the draft and, beside it in the YAML, what the officer should check."""

    value: object
    note: str | None = None  # 'đoán: …; văn bản: "…"' or 'TODO: …'


def _empty() -> Value:
    """A key the reading left empty, and rightly so (no change, no horizon…)."""
    return Value(None)


@dataclass
class DraftTarget:
    id: str
    name: str
    kind: Value
    unit: Value = field(default_factory=_empty)
    plan: Value = field(default_factory=_empty)
    op: Value = field(default_factory=_empty)
    change: Value = field(default_factory=_empty)
    base: Value = field(default_factory=_empty)
    every: Value = field(default_factory=_empty)
    by: Value = field(default_factory=_empty)
    share_of: Value = field(default_factory=_empty)
    scale: Value = field(default_factory=_empty)
    items: Value = field(default_factory=_empty)
    short: str | None = None
    parent: str | None = None
    sum_of: list[str] = field(default_factory=list)
    owner: str | None = None
    given: str | None = None  # a figure the decision gives a reference (the dự toán), for the officer to record

    def values(self) -> list[Value]:
        """Every value read for the target, each with its mark."""
        return [self.kind, self.unit, self.plan, self.op, self.change, self.base, self.every, self.by,
                self.share_of, self.scale, self.items]


@dataclass
class DraftObjective:
    id: int
    title: str
    targets: list[DraftTarget] = field(default_factory=list)


@dataclass
class DraftTask:
    id: str
    work: str
    lead: Value
    partners: Value
    timing: str
    schedule: Value  # ('due', [dates]) or ('repeat', word)
    monitors: list[str]
    evidence: list[str]
    kind: Value

    @property
    def due(self) -> Value:
        """The deadlines the timing gives, with the schedule's mark."""
        return self._part("due", [])

    @property
    def repeat(self) -> Value:
        """The repeat the timing gives, with the schedule's mark."""
        return self._part("repeat", None)

    def _part(self, key: str, none: object) -> Value:
        kind, value = self.schedule.value or (None, None)
        return Value(value if kind == key else none, self.schedule.note)


@dataclass
class DraftSection:
    id: str
    objective: Value
    title: str
    tasks: list[DraftTask] = field(default_factory=list)


@dataclass
class Draft:
    year: int
    authority: Value
    unit: Value
    place: Value
    parent: Value
    number: Value
    issued: Value
    verb: Value
    title: str
    commitment: str | None
    objectives: list[DraftObjective]
    purpose: list[str]
    requirements: list[str]
    sections: list[DraftSection]
    organisation: list[tuple[str, str]]
    plan_note: str | None = None  # why the plan is empty

    def values(self) -> list[Value]:
        """Every value the draft read, each with its mark: the header, the targets, the tasks."""
        found = [self.authority, self.unit, self.place, self.parent, self.number, self.issued, self.verb]
        for objective in self.objectives:
            for target in objective.targets:
                found += target.values()
        for section in self.sections:
            found.append(section.objective)
            for task in section.tasks:
                found += [task.lead, task.partners, task.schedule, task.kind]
        return found

    @property
    def proved(self) -> int:
        """Values written unmarked: each read as the words say it."""
        return sum(1 for v in self.values() if not v.note and v.value not in (None, []))

    @property
    def guesses(self) -> int:
        """Values written with '# đoán:'."""
        return sum(1 for v in self.values() if v.note and v.note.startswith("đoán"))

    @property
    def todos(self) -> int:
        """Places left empty with '# TODO:' (an empty plan is one)."""
        return sum(1 for v in self.values() if v.note and v.note.startswith("TODO")) + bool(self.plan_note)

    @property
    def targets(self) -> int:
        return sum(len(o.targets) for o in self.objectives)

    @property
    def tasks(self) -> int:
        return sum(len(s.tasks) for s in self.sections)


def guessed(why: str, source: str) -> str:
    """The mark of a value the words did not confirm: why it was chosen, and the words."""
    return f'đoán: {why}; văn bản: "{" ".join(source.split()).replace(chr(34), chr(39))}"'


def todo(what: str) -> str:
    """The mark of a value the decision does not give: what to fill in."""
    return f"TODO: {what}"


# Reading the .docx into paragraphs and tables, in the order of the document.

def blocks(path: Path) -> list[str | list[list[str]]]:
    """The document's body: each paragraph's text, each table as rows of cell texts."""
    shown = display_path(path)
    regular_file(path, "tệp quyết định", "chỉ rõ tệp .docx của quyết định")
    try:
        head = path.read_bytes()[:8]
    except OSError as exc:
        raise UserError(f"không đọc được '{shown}': {os_problem(exc)}") from None
    if head.startswith(b"%PDF"):
        raise UserError(f"'{shown}' là tệp PDF: mtcl chỉ đọc được quyết định dạng Word (.docx)",
                        "dùng bản Word của quyết định; bản PDF hay ảnh quét thì phải gõ lại (xem README)")
    if head.startswith((b"\xff\xd8", b"\x89PNG", b"II*\x00", b"MM\x00*")):
        raise UserError(f"'{shown}' là ảnh (bản quét): mtcl chỉ đọc được quyết định dạng Word (.docx)",
                        "dùng bản Word của quyết định; bản quét thì phải gõ lại (xem README)")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UserError(f"'{shown}' là tệp Word cũ (.doc)", NOT_DOCX)
    if not zipfile.is_zipfile(path):
        raise UserError(f"'{shown}' không phải tệp Word (.docx)", NOT_DOCX)
    _bounded_package(path)
    from docx import Document  # python-docx: 60 ms, only for an import
    from docx.text.paragraph import Paragraph

    try:
        document = Document(io.BytesIO(path.read_bytes()))
    except Exception as exc:  # a damaged package fails in many ways; all mean the same here
        raise UserError(f"không đọc được '{shown}' như một tệp Word: {type(exc).__name__}", NOT_DOCX) from None
    found: list[str | list[list[str]]] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            found.append(Paragraph(child, document).text)
        elif tag == "tbl":
            found.append(_table_rows(child, lambda p: Paragraph(p, document).text))
    return found


MAX_UNPACKED_BYTES = 50_000_000  # the whole package: a decision's pictures are a few megabytes
MAX_TEXT_BYTES = 5_000_000  # its text (word/document.xml): a decision of a hundred pages is under 1 MB
MAX_SPAN = 64  # columns a cell may span: Word's tables have at most 63
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _bounded_package(path: Path) -> None:
    """Refuse a package that says it unpacks to more than a decision can be (a part that
    unpacks to more than it says is cut there by zipfile and fails its checksum)."""
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
    except (OSError, zipfile.BadZipFile) as exc:
        raise UserError(f"không đọc được '{display_path(path)}' như một tệp Word: {type(exc).__name__}",
                        NOT_DOCX) from None
    text = sum(item.file_size for item in parts if item.filename == "word/document.xml")
    for size, bound, what in ((sum(item.file_size for item in parts), MAX_UNPACKED_BYTES, ""),
                              (text, MAX_TEXT_BYTES, "phần chữ của ")):
        if size > bound:
            raise UserError(f"{what}'{display_path(path)}' quá lớn khi giải nén ({size / 1_000_000:.0f} MB, tối đa "
                            f"{bound // 1_000_000} MB): đây không phải một quyết định bình thường",
                            "lưu lại quyết định bằng Word (bỏ ảnh lớn, đối tượng nhúng) rồi đọc lại")


def _table_rows(table, text) -> list[list[str]]:
    """A table's rows as the texts of their cells, in one pass: a cell spanning columns
    repeats its text in each, a cell merged down repeats the text of the cell that starts
    the merge (python-docx looks it up row by row: time ~ rows², and recursion)."""
    rows: list[list[str]] = []
    above: dict[int, str] = {}  # grid column → the text of the last cell that covered it
    for tr in table.iterchildren(f"{_W}tr"):
        row: list[str] = []
        column = _grid_value(tr.find(f"{_W}trPr/{_W}gridBefore"), 0)
        for tc in tr.iterchildren(f"{_W}tc"):
            span = min(_grid_value(tc.find(f"{_W}tcPr/{_W}gridSpan"), 1), MAX_SPAN)
            merge = tc.find(f"{_W}tcPr/{_W}vMerge")
            if merge is not None and merge.get(f"{_W}val", "continue") == "continue":
                content = above.get(column, "")
            else:
                content = "\n".join(text(p) for p in tc.iterchildren(f"{_W}p")).strip()
            for offset in range(span):
                above[column + offset] = content
            row += [content] * span
            column += span
        rows.append(row)
    return rows


def _grid_value(element, default: int) -> int:
    """The whole number a grid property holds (w:val), or ``default``."""
    value = element.get(f"{_W}val") if element is not None else None
    return int(value) if value is not None and value.isdigit() and 0 < int(value) <= MAX_SPAN else default


def read_decision(path: Path, year: int) -> Draft:
    """The draft of ``year`` the decision at ``path`` gives."""
    shown = display_path(path)
    found = blocks(path)
    paragraphs = [b for b in found if isinstance(b, str)]
    text = "\n".join(paragraphs + [cell for b in found if isinstance(b, list) for row in b for cell in row])
    if not text.strip():
        raise UserError(f"'{shown}' không có chữ nào (có thể chỉ có ảnh quét)",
                        "dùng bản Word của quyết định có chữ, không phải ảnh chụp")
    start, end = _annexes(found)
    if start is None:
        raise UserError(f"'{shown}' không có Phụ lục 1 (Mục tiêu chất lượng): đây có phải quyết định ban hành Mục "
                        "tiêu chất lượng?",
                        "tệp cần có đoạn mở đầu bằng 'PHỤ LỤC 1' (hoặc 'Phụ lục I', 'Phụ lục 01') trước các mục tiêu")
    objectives, commitment = _objectives(found[start + 1:end], year)
    if not any(o.targets for o in objectives):
        raise UserError(f"'{shown}': không đọc được mục tiêu nào ở Phụ lục 1 (từ đoạn '{_heading(found[start])}')",
                        "các mục tiêu cần đánh số 1., 2., … hoặc nằm trong một bảng có cột Chỉ tiêu, Đơn vị tính, "
                        "Kế hoạch")
    sections, plan_note = [], NO_PLAN
    if end < len(found):
        plan_table = next((b for b in found[end:] if isinstance(b, list) and _plan_columns(b)), None)
        if plan_table is None:
            raise UserError(f"'{shown}': Phụ lục 2 (từ đoạn '{_heading(found[end])}') không có bảng kế hoạch",
                            "bảng cần các cột như: TT, Nội dung, Chủ trì, Phối hợp, Thời gian, Kết quả")
        sections, plan_note = _sections(plan_table, year, objectives), None
    after = [b for b in found[end:] if isinstance(b, str)]
    return Draft(year=year, **_header(found[:start], text), commitment=commitment, objectives=objectives,
                 purpose=_list_after(after, "muc dich", "yeu cau"),
                 requirements=_list_after(after, "yeu cau", "noi dung"),
                 sections=sections, organisation=_organisation(after), plan_note=plan_note)


def _annex_number(text: str) -> int | None:
    """1 for 'PHỤ LỤC 1', 'Phụ lục I', 'Phụ lục 01'; 2 for the second; 0 for a lone 'PHỤ LỤC';
    None for any other paragraph."""
    heading = re.match(r"\s*phu luc\s*(?:so\s*)?(\d+|[ivx]+\b)?\s*(?::|$|\.|\s)", fold(text))
    if heading is None:
        return None
    mark = heading.group(1) or "0"
    return int(mark) if mark.isdigit() else {"i": 1, "ii": 2, "iii": 3}.get(mark)


def _annexes(found: list) -> tuple[int | None, int]:
    """Where Phụ lục 1 (a lone 'PHỤ LỤC' when none is numbered) and Phụ lục 2 begin; the
    second is the document's end when there is none."""
    numbers = [(i, _annex_number(b)) for i, b in enumerate(found) if isinstance(b, str)]
    start = next((i for i, n in numbers if n == 1), None)
    if start is None:
        start = next((i for i, n in numbers if n == 0), None)
    if start is None:
        return None, len(found)
    return start, next((i for i, n in numbers if n == 2 and i > start), len(found))


def _heading(block: str | list) -> str:
    """A paragraph as a refusal names the place it stands: its first words."""
    return " ".join(str(block).split())[:60]


# The first page: who issued the decision, its number, date and verb.

def _first_page_lines(first: list) -> list[str]:
    """The first page as lines: each paragraph, each table cell's lines, split at tabs (a
    header typed with tabs puts the body and the motto on one line)."""
    lines: list[str] = []
    for block in first:
        texts = [block] if isinstance(block, str) else [cell for row in block for cell in _unique(row)]
        lines += [piece.strip() for text in texts for line in text.split("\n") for piece in line.split("\t")]
    return [line for line in lines if line]


def _unique(row: list[str]) -> list[str]:
    """A row's cells, a merged cell once."""
    return [cell for index, cell in enumerate(row) if cell not in row[:index]]


def _header(first: list, text: str) -> dict:
    """The body (authority and unit), its parent, the place, number, date, verb and title."""
    lines = _first_page_lines(first)
    joined = "\n".join(lines)
    number = re.search(r"Số\s*:?\s*(\d+)\s*/\s*(QĐ-[A-ZĐ]+)", joined)
    issued = re.search(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", joined)
    place = next((m.group(1).strip() for m in map(re.compile(r"^(.+?),\s*ngày\s*\d").match, lines) if m), None)
    authority, unit, parent = _bodies(names_in_capitals(lines), text)
    if place is None and unit.value:
        place = Value(re.sub(rf"^(?i:{'|'.join(TERRITORIES)})\s+", "", str(unit.value)),
                      "đoán: địa danh lấy theo tên đơn vị")
    return {
        "authority": authority, "unit": unit, "parent": parent,
        "place": place if isinstance(place, Value) else Value(place, None if place else todo("điền địa danh")),
        "number": Value(f"{number.group(1)}/{number.group(2)}" if number else None,
                        None if number else todo("điền số quyết định")),
        "issued": Value(date(int(issued.group(3)), int(issued.group(2)), int(issued.group(1))) if issued else None,
                        None if issued else todo("điền ngày ban hành")),
        **_verb_and_title(first),
    }


def _bodies(names: list[str], text: str) -> tuple[Value, Value, Value]:
    """The body's authority and unit, and the body above: headed above it, else named among
    the recipients; the commune named in the text when the first page names no body."""
    if not names:
        named = re.search(r"(?:UBND|Ủy ban nhân dân)\s+(xã|phường|thị trấn|thị xã|huyện|quận)\s+(.+)", text)
        unit = capitalised(f"{named.group(1)} {proper_name(named.group(2))}") if named else None
        return (Value("Ủy ban nhân dân", "đoán: không thấy tên cơ quan ở trang đầu"),
                Value(unit, "đoán: tên đơn vị lấy từ nội dung, trang đầu không ghi" if unit else
                      todo("điền tên đơn vị (Xã …)")), Value(None))
    body, parent = names[-1], names[-2] if len(names) > 1 else None
    (written, why), served = body_and_territory(body, parent, text)
    if parent is not None:
        above, above_why = in_prose(parent, text)
        above_mark = guessed(above_why, parent) if above_why else None
    else:
        above, missing = parent_named(text, body)
        above_mark = todo(missing) if missing else None
    return (Value(written, guessed(why, body) if why else None),
            Value(served, None if served else todo("điền địa bàn của đơn vị (Tỉnh …, Huyện …)")),
            Value(above, above_mark))


def _verb_and_title(first: list) -> dict:
    """What the decision did to its objectives ('ban hành', 'công bố') and its title."""
    said = subject_line([b for b in first if isinstance(b, str)])
    if said is None:
        return {"verb": Value("ban hành", "đoán: không thấy dòng trích yếu 'Về việc ban hành …'"),
                "title": "Quyết định ban hành Mục tiêu chất lượng và Kế hoạch thực hiện Mục tiêu chất lượng"}
    verb, subject = said
    return {"verb": Value(verb), "title": f"Quyết định {lowered(subject)}"}


# Phụ lục 1 as paragraphs: objectives and their targets.

_OBJECTIVE = re.compile(r"^\s*(\d{1,2})\s*[.)]\s+(.+)$", re.S)
_NUMBERED = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.?\s+(.+)$", re.S)
_LETTER = re.compile(r"^\s*([a-zđê])\)\s*(.+)$", re.S)
_DASH = re.compile(r"^\s*[-–•+]\s*(.+)$", re.S)


@dataclass
class _Reading:
    """Where the reading of Phụ lục 1's paragraphs stands."""

    year: int
    objectives: list[DraftObjective] = field(default_factory=list)
    commitment: str | None = None
    sentence: str | None = None  # an objective's own sentence, kept until we know it has no items
    lettered: DraftTarget | None = None  # the lettered target 'Trong đó' lines belong to
    in_part: bool = False


def _objectives(found: list, year: int) -> tuple[list[DraftObjective], str | None]:
    """Phụ lục 1's objectives, from its table or its numbered paragraphs, and the body's
    commitment written before them."""
    table = next((b for b in found if isinstance(b, list) and _target_columns(b)), None)
    if table is not None:
        commitment = next((" ".join(b.split()) for b in found if isinstance(b, str) and _is_commitment(b)), None)
        objectives = _objectives_from_table(table, year)
    else:
        state = _Reading(year)
        for text in (b.strip() for b in found if isinstance(b, str)):
            if text:
                _read_paragraph(state, text)
        _close(state)
        objectives, commitment = state.objectives, state.commitment
    _references(objectives)
    return objectives, commitment


def _is_commitment(text: str) -> bool:
    """A sentence before the objectives (the body's commitment), not a heading in capitals nor
    the '(Kèm theo Quyết định số …)' line."""
    return len(text.strip()) > 40 and not text.isupper() and not text.strip().startswith("(")


def _read_paragraph(state: _Reading, text: str) -> None:
    """One paragraph of Phụ lục 1: an objective, a target (numbered, lettered, dashed), a
    'Trong đó' part, or the commitment before the first objective."""
    numbered, target = _OBJECTIVE.match(text), _NUMBERED.match(text)
    if numbered and not target and not _LETTER.match(text):
        _close(state)
        title = numbered.group(2).strip()
        state.objectives.append(DraftObjective(int(numbered.group(1)), _clean_title(title)))
        state.sentence, state.lettered, state.in_part = title, None, False
        return
    if not state.objectives:
        if _is_commitment(text):
            state.commitment = " ".join(text.split())
        return
    objective = state.objectives[-1]
    lettered, part, dash = _LETTER.match(text), PART.match(text), _DASH.match(text)
    if target:
        state.sentence = None
        objective.targets += _clause_targets(objective, f"{target.group(1)}.{target.group(2)}", target.group(3),
                                             state.year)
    elif lettered:
        state.sentence, state.in_part = None, False
        found = _clause_targets(objective, f"{objective.id}{lettered.group(1)}", lettered.group(2), state.year)
        objective.targets += found
        state.lettered = found[0]
    elif state.lettered is not None and (part or (state.in_part and figures(text))):
        state.sentence, state.in_part = None, True
        whole = state.lettered
        drafted = _target(_part_id(objective, whole, []), text, state.year, whole=whole)
        drafted.parent = whole.id
        objective.targets.append(drafted)
        _sum_parts(objective, whole)
    elif dash:
        state.sentence = None
        objective.targets += _clause_targets(objective, None, dash.group(1), state.year)


def _close(state: _Reading) -> None:
    """An objective with no lettered or dashed items: its own sentence gives its targets; a
    clause with no figure takes the percentage of the clause before it (a guess)."""
    if not state.objectives or state.objectives[-1].targets or not state.sentence:
        return
    objective = state.objectives[-1]
    objective.targets += _clause_targets(objective, None, state.sentence, state.year, share=True)
    state.sentence = None


def _clause_targets(objective: DraftObjective, target_id: str | None, text: str, year: int,
                    share: bool = False) -> list[DraftTarget]:
    """The targets of an item the decision numbers or letters (``target_id``: one target and
    its 'trong đó' part, '3a1', '1.1.1') or of a dash or a sentence (a clause each, numbered
    on, a 'trong đó' clause a part of the clause before it)."""
    pieces = clauses(text) if target_id is None else item_parts(text)
    shared = next((n for clause in pieces for n in figures(clause) if n.percent), None)
    found: list[DraftTarget] = []
    for clause in pieces:
        if found and PART.match(clause):
            whole = found[0] if target_id else found[-1]
            drafted = _target(_part_id(objective, whole, found) if target_id else _next_id(objective, found), clause,
                              year, context=whole.name)
            drafted.parent = whole.id
        else:
            drafted = _target(target_id or _next_id(objective, found), clause, year)
            if share and shared is not None and drafted.kind.value == "judged":
                _take_shared(drafted, shared.text, clause)
        found.append(drafted)
    return found


def _next_id(objective: DraftObjective, found: list[DraftTarget]) -> str:
    """The next target of an objective that does not number its targets: '3.2'."""
    return f"{objective.id}.{len(objective.targets) + len(found) + 1}"


def _part_id(objective: DraftObjective, whole: DraftTarget, found: list[DraftTarget]) -> str:
    """A part's id: its whole's and its place among the parts ('3a1', '1.1.1')."""
    number = sum(1 for t in objective.targets + found if t.parent == whole.id) + 1
    return f"{whole.id}{'' if whole.id[-1].isalpha() else '.'}{number}"


def _take_shared(target: DraftTarget, figure: str, clause: str) -> None:
    """'100% …; tham gia đầy đủ …': the clause with no figure read with the one before it."""
    why = guessed(f"không ghi số, lấy {figure} của vế trước", clause)
    target.plan = Value(figures(figure)[0].value, why)
    target.unit, target.op, target.kind = Value("%", why), Value(">=", why), Value("ratio", why)


def _clean_title(title: str) -> str:
    """An objective's title without its trailing 'cụ thể:' or colon."""
    title = " ".join(title.split())
    title = re.sub(r",?\s*cụ thể\s*:?\s*$", ".", title)
    return re.sub(r":\s*$", ".", title)


# Drafting one target: read, proved, marked.

def _target(target_id: str, text: str, year: int, whole: DraftTarget | None = None, context: str = "") -> DraftTarget:
    """A target read from its sentence ('Sản lượng …: 1.936,49 tấn'); a part of ``whole``
    read as a tiny share of it is read with the comma as thousands (a guess)."""
    text = " ".join(text.split()).rstrip(".;")
    colon = re.search(r":(?!\d)", text)  # 'Sản lượng …: 1.936,49 tấn', not 'ISO 9001:2015'
    label = text[:colon.start()].strip() if colon and re.search(r"\d", text[colon.end():]) else ""
    subject = f"{context} {label or text}".strip()
    reading = read_plan(text, subject, year=year)
    if whole is not None:
        reading = _thousands(reading, text, whole)
    return _drafted(target_id, text, reading, text, year, subject)


def _thousands(reading: PlanReading, text: str, whole: DraftTarget) -> PlanReading:
    """A part read as less than 1% of its whole: the comma was more likely a thousands mark."""
    number = next((n for n in figures(text) if n.value == reading.plan), None)
    if number is None or not is_ambiguous(number) or not _tiny_part(reading, whole):
        return reading
    other = thousands_reading(number)
    return replace(reading, plan=other.value, why={**reading.why, "plan": other.guess})


def _tiny_part(reading: PlanReading, whole: DraftTarget) -> bool:
    """Whether a part in money is less than 1% of its whole."""
    scale = {"tỷ đồng": Decimal(1000), "triệu đồng": Decimal(1), "nghìn đồng": Decimal("0.001")}
    mine, theirs = scale.get(reading.unit or ""), scale.get(str(whole.unit.value or ""))
    if mine is None or theirs is None or not isinstance(whole.plan.value, Decimal) or not whole.plan.value:
        return False
    return reading.plan * mine < whole.plan.value * theirs / 100


def _drafted(target_id: str, name: str, reading: PlanReading, source: str, year: int, subject: str,
             note: str = "") -> DraftTarget:
    """The target a reading drafts, each value marked unless its words are proved: the
    target rendered in mtcl's words means what ``source`` says, and the reader chose
    nothing the words leave open."""
    if reading.kind == "rating":
        reading = _graded(reading, note)
    shared = "dự toán" if reading.share else None
    values = {"id": target_id, "name": name, "kind": reading.kind, "unit": reading.unit, "plan": reading.plan,
              "op": reading.op, "change": reading.change, "every": reading.said.every, "by": reading.said.by,
              "share_of": shared, "items": list(reading.items), "scale": reading.scale}
    rendered = Target.model_construct(**{key: value for key, value in values.items() if value is not None})
    if shared:
        rendered._reference = "Dự toán"
    found = {**differences(rendered, reading.said, subject, year), **reading.why}

    def held(key: str) -> Value:
        if key in reading.missing:
            return Value(None, todo(reading.missing[key]))
        value = values.get(key)
        return Value(value or None if key == "items" else value, guessed(found[key], source) if key in found else None)

    return DraftTarget(target_id, name, kind=held("kind"), unit=held("unit"), plan=held("plan"), op=held("op"),
                       change=held("change"), base=held("base"), every=held("every"), by=held("by"),
                       share_of=held("share_of"), scale=held("scale"), items=held("items"), short=short_name(name))


def _graded(reading: PlanReading, note: str) -> PlanReading:
    """A grade aimed at, judged on the grades the note lists (or Nghị định 90's, a guess)."""
    scale = scale_of(str(reading.plan), note)
    if scale is None:
        return replace(reading, missing={**reading.missing, "scale": "điền các mức xếp loại, từ thấp đến cao"})
    grades, why = scale
    return replace(reading, scale=grades, why={**reading.why, "scale": why} if why else reading.why)


def _sum_parts(objective: DraftObjective, whole: DraftTarget) -> None:
    """A whole whose parts add up to it is their sum (e: 192 + 802 = 994 tấn)."""
    parts = [t for t in objective.targets if t.parent == whole.id]
    if len(parts) < 2 or any(p.unit.value != whole.unit.value for p in parts):
        return
    plans = [p.plan.value for p in parts]
    if all(isinstance(p, Decimal) for p in plans) and sum(plans) == whole.plan.value:
        whole.sum_of = [p.id for p in parts]


def _references(objectives: list[DraftObjective]) -> None:
    """Point each share of an estimate at the estimate the decision lists before it in the
    same objective ('Dự toán thu …'), or add one for the officer to record when it is given."""
    for objective in objectives:
        for target in list(objective.targets):
            if target.share_of.value is None:
                continue
            listed = [t for t in objective.targets[:objective.targets.index(target)] if t.kind.value == "reference"]
            if listed:
                target.share_of = Value(listed[-1].id, target.share_of.note)
            else:
                reference = _added_reference(target)
                objective.targets.insert(objective.targets.index(target), reference)
                target.share_of = Value(reference.id, target.share_of.note)


def _added_reference(target: DraftTarget) -> DraftTarget:
    """The estimate a share is of, which the decision names without its figure."""
    estimate = re.search(r"dự toán[^,;.]*", target.name, re.I)
    label = capitalised(estimate.group(0).strip() if estimate else "dự toán")
    why = guessed("văn bản không ghi số dự toán: thêm chỉ tiêu tham chiếu, ghi số được giao bằng mtcl record",
                  target.name)
    return DraftTarget(f"{target.id}dt", f"{label} ({lowered(target.short or target.name)})",
                       kind=Value("reference", why), unit=Value(target.unit.value, target.unit.note), short=label)


# Phụ lục 1 as a table.

def _target_columns(rows: list[list[str]]) -> dict[str, int | None] | None:
    """The columns of a Phụ lục 1 written as a table: the target (Chỉ tiêu), its unit (Đơn vị
    tính, Đơn vị, ĐVT), its plan (Kế hoạch, Chỉ tiêu năm …) and, when there, the objective
    (Mục tiêu), a note (Ghi chú) and an owner (Phụ trách)."""
    for row in rows[:2]:
        heads = [fold(cell) for cell in row]

        def column(test) -> int | None:
            return next((i for i, h in enumerate(heads) if test(h)), None)

        owner = column(lambda h: "phu trach" in h or "chu tri" in h)
        unit = column(lambda h: (h.startswith("don vi") and "phu trach" not in h and "chu tri" not in h) or h == "dvt")
        plan = column(lambda h: "ke hoach" in h or re.match(r"chi tieu nam\b", h) is not None)
        name = column(lambda h: "chi tieu" in h and not re.match(r"chi tieu nam\b", h))
        if None not in (name, unit, plan):
            return {"number": 0, "objective": column(lambda h: h == "muc tieu"), "name": name, "unit": unit,
                    "plan": plan, "note": column(lambda h: "ghi chu" in h), "owner": owner}
    return None


def _spanning(cells: list[str]) -> bool:
    """A row whose cells after the first are one merged cell (a section, an objective)."""
    rest = cells[1:]
    return len(rest) > 1 and len(set(rest)) == 1 and bool(rest[0])


def _objectives_from_table(rows: list[list[str]], year: int) -> list[DraftObjective]:
    """Phụ lục 1's table: an objective's row across the table (or its cell merged down over
    its targets), each target a row."""
    columns = _target_columns(rows)
    objectives: list[DraftObjective] = []
    for row in rows[1:]:
        mark = row[0].strip().rstrip(".")
        if _spanning(row) or (columns["objective"] is None and re.fullmatch(r"\d+|[IVX]+", mark)
                              and not row[columns["plan"]].strip()):
            objectives.append(DraftObjective(_objective_number(mark, objectives), _clean_title(row[-1])))
            continue
        if columns["objective"] is not None:
            title = _clean_title(row[columns["objective"]])
            if not objectives or objectives[-1].title != title:
                objectives.append(DraftObjective(_objective_number(mark, objectives), title))
        if objectives and row[columns["name"]].strip():
            objectives[-1].targets.append(_table_target(objectives[-1], row, columns, year))
    return objectives


def _objective_number(mark: str, objectives: list[DraftObjective]) -> int:
    """An objective's number: as written (a Roman 'II' is 2), else the next one."""
    if mark.isdigit():
        return int(mark)
    return _roman(mark) if ROMAN.match(mark) and mark else len(objectives) + 1


def _table_target(objective: DraftObjective, row: list[str], columns: dict, year: int) -> DraftTarget:
    """One row of Phụ lục 1's table: its name, unit and plan cells read together; an estimate
    the body is given ('Dự toán …') is a reference, its figure recorded, not planned."""
    mark = row[0].strip().rstrip(".") if columns["objective"] is None else ""
    target_id = (mark if "." in mark else f"{objective.id}.{mark}") if mark else \
        f"{objective.id}.{len(objective.targets) + 1}"
    name = " ".join(row[columns["name"]].split())
    unit_cell = " ".join(row[columns["unit"]].split())
    unit = "%" if unit_cell == "%" else (unit_cell.lower() or None)
    plan_cell = " ".join(row[columns["plan"]].split())
    note = " ".join(row[columns["note"]].split()) if columns["note"] is not None else ""
    source = " | ".join(cell for cell in (name, unit_cell, plan_cell, note) if cell)
    if fold(name).startswith("du toan"):
        return DraftTarget(target_id, name, kind=Value("reference"), unit=Value(unit), short=short_name(name),
                           given=plan_cell)
    reading = read_plan(plan_cell, name, unit, year)
    drafted = _drafted(target_id, name, _every_note(reading, note) if note else reading, source, year, name, note)
    drafted.owner = row[columns["owner"]].strip() or None if columns["owner"] is not None else None
    return drafted


def _every_note(reading: PlanReading, note: str) -> PlanReading:
    """A note 'Mỗi quý 01 cuộc' beside a year's plan: the stricter reading, one each quarter."""
    each = each_period(note)
    if each is None or reading.change or reading.share:
        return reading
    every, plan = each
    why = f"ghi chú '{note}': kế hoạch đọc là {format_number(plan)} mỗi {EVERY_WORDS[every].split()[-1]}"
    return replace(reading, said=replace(reading.said, every=every), plan=plan,
                   why={**reading.why, "plan": why, "every": why})


def _roman(mark: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for index, letter in enumerate(mark):
        value = values[letter]
        total += -value if index + 1 < len(mark) and values[mark[index + 1]] > value else value
    return total


# Phụ lục 2: the plan's table.

_PLAN_HEADINGS = {
    "number": ("tt", "stt"),
    "work": ("noi dung", "bien phap", "nhiem vu", "muc tieu chat luong"),
    "lead": ("chu tri",),
    "partners": ("phoi hop",),
    "timing": ("thoi gian",),
    "monitors": ("theo doi",),
    "evidence": ("ket qua", "ho so", "san pham", "minh chung"),
}
def _plan_columns(rows: list[list[str]]) -> dict[str, int] | None:
    if not rows:
        return None
    width = max(len(row) for row in rows[:3])
    heads = [""] * width
    for row in rows[:2]:
        for index, cell in enumerate(row):
            heads[index] += " " + fold(cell)
    columns: dict[str, int] = {}
    for key, words in _PLAN_HEADINGS.items():
        for index, head in enumerate(heads):
            if index in columns.values():
                continue
            if any(re.search(rf"\b{word}\b", head) for word in words):
                if key == "monitors" and "ket qua" in head and "evidence" not in columns:
                    continue
                columns[key] = index
                break
    return columns if {"number", "work", "lead", "timing"} <= set(columns) else None


def _sections(rows: list[list[str]], year: int, objectives: list[DraftObjective]) -> list[DraftSection]:
    """Phụ lục 2's table: a section row (I, II … as the objective of the same number), then its tasks."""
    columns = _plan_columns(rows)
    width = max(len(row) for row in rows)
    sections: list[DraftSection] = []
    known = {o.id for o in objectives}
    for row in rows:
        cells = row + [""] * (width - len(row))
        mark = cells[columns["number"]].strip()
        if mark and ROMAN.match(mark) and mark.rstrip("."):
            number = _roman(mark.rstrip("."))
            title = " ".join(next((c for c in cells[1:] if c.strip()), "").split())
            sections.append(DraftSection(mark.rstrip("."), Value(number) if number in known else
                                         Value(number, guessed(f"không thấy mục tiêu số {number}", title)), title))
            continue
        if not sections or not cells[columns["work"]].strip() or fold(cells[columns["work"]]).startswith(
                ("noi dung", "muc tieu chat luong va")):
            continue
        if mark and not re.fullmatch(r"\d+\.?", mark):
            continue
        section = sections[-1]
        sections[-1].tasks.append(_task(f"{section.id}.{mark.rstrip('.') or len(section.tasks) + 1}", cells,
                                        columns, year))
    return [s for s in sections if s.tasks]


def _task(task_id: str, cells: list[str], columns: dict[str, int], year: int) -> DraftTask:
    """One row of the plan: the work, who leads and helps, when, who monitors, the evidence."""

    def cell(key: str) -> str:
        return cells[columns[key]] if key in columns else ""

    work = " ".join(cell("work").split())
    when = " ".join(cell("timing").split())
    read = timing(cell("timing"), year)
    mark = guessed(read.guess, when) if read.guess else None
    if read.due:
        schedule = Value(("due", list(read.due)), mark)
    elif read.repeat:
        schedule = Value(("repeat", read.repeat), mark)
    else:
        schedule = Value(None, todo(f"không đọc được thời gian '{when}'; ghi due: [ngày] hoặc repeat:"))
    lead = " ".join(cell("lead").split())
    return DraftTask(task_id, work, Value(lead or None, None if lead else todo("điền đơn vị chủ trì")),
                     Value(names_in(cell("partners"))), _timing_text(cell("timing")), schedule,
                     names_in(cell("monitors")), listed(cell("evidence")), Value(task_kind(work)))


def _timing_text(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip()) or "Không ghi"


def _list_after(paragraphs: list[str], start: str, stop: str) -> list[str]:
    """The dashed lines under a heading ('1. Mục đích') until the next one."""
    out, inside = [], False
    for text in paragraphs:
        folded = fold(text).strip()
        if re.match(rf"^[\dIV.]*\s*{start}\b", folded):
            inside = True
            continue
        if inside and (re.match(rf"^[\dIV.]*\s*{stop}\b", folded) or re.match(r"^[IVX]+\.\s", text.strip())):
            break
        dash = _DASH.match(text)
        if inside and dash:
            out.append(" ".join(dash.group(1).split()))
    return out


def _organisation(paragraphs: list[str]) -> list[tuple[str, str]]:
    """'III. TỔ CHỨC THỰC HIỆN': each numbered party and its duty."""
    out: list[tuple[str, str]] = []
    inside = False
    for text in paragraphs:
        if re.match(r"^\s*III\.\s*tổ chức thực hiện", text, re.I):
            inside = True
            continue
        if not inside:
            continue
        numbered = re.match(r"^\s*\d+\.\s*(.+?):\s*(.*)$", text)
        if numbered:
            out.append((numbered.group(1).strip(), numbered.group(2).strip()))
        elif out and not out[-1][1] and text.strip():
            out[-1] = (out[-1][0], " ".join(text.split()))
    return [(who, duty) for who, duty in out if duty]


# Writing the draft as YAML.

def _scalar(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        text = format(value, "f") if isinstance(value, Decimal) else str(value)
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(value, date):
        return value.isoformat()
    if re.fullmatch(r"[a-z][a-z_-]*", str(value)):  # a word of the schema: kind, repeat
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def _line(indent: int, key: str, value: Value | object) -> str:
    held = value if isinstance(value, Value) else Value(value)
    shown = held.value
    if isinstance(shown, list):
        rendered = "[" + ", ".join(_scalar(v) for v in shown) + "]"
    else:
        rendered = _scalar(shown)
    text = f"{' ' * indent}{key}:{' ' + rendered if rendered else ''}"
    return text + (f"  # {held.note}" if held.note else "")


def _head(kind: str, what: str, draft: Draft, source: str) -> list[str]:
    """The first lines of a draft file: its schema, what it is, how to finish it."""
    return [
        f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json",
        f"# {what} năm {draft.year}: BẢN NHÁP đọc từ {source} (mtcl init --from-decision).",
        "# Mỗi giá trị không có ghi chú đã được kiểm chứng: mtcl viết lại bằng lời của mình và so với văn bản.",
        "# Kiểm tra mọi dòng có '# đoán:' và điền mọi dòng có '# TODO:', rồi chạy: mtcl validate",
        f"schema_version: {CURRENT_SCHEMA}",
        f"year: {draft.year}",
    ]


# A target's keys in the order the rule book lists them; an empty one is written only when
# marked (a TODO to fill in), the kind, unit, plan and op always.
_TARGET_KEYS = ("kind", "unit", "plan", "op", "change", "base", "every", "by", "share_of", "scale", "items")
_ALWAYS = ("kind", "unit", "plan", "op")


def _target_lines(target: DraftTarget) -> list[str]:
    """A target's lines in objectives.yaml, each value with its mark."""
    out = [f"      - id: {_scalar(target.id)}"]
    if target.short:
        out.append(_line(8, "short", target.short))
    out.append(_line(8, "name", target.name))
    for key in _TARGET_KEYS:
        held = getattr(target, key)
        if key in _ALWAYS and target.kind.value not in ("judged", "rating", "reference") or held.value or held.note:
            out.append(_line(8, key, held))
    if target.given:
        out.append(f"        # số văn bản giao: {target.given} — ghi bằng: mtcl record {target.id} …")
    if target.parent:
        out.append(_line(8, "parent", target.parent))
    if target.sum_of:
        out.append(_line(8, "sum_of", target.sum_of))
    if target.unit.value in COUNTED_UNITS:
        out.append("        decimals: 0")
    if target.owner:
        out.append(_line(8, "owner", target.owner))
    return out


def objectives_yaml(draft: Draft, source: str) -> str:
    """The draft's objectives.yaml."""
    out = _head("objectives", "Mục tiêu chất lượng", draft, source) + [
        "",
        "issuer:",
        _line(2, "authority", draft.authority),
        _line(2, "unit", draft.unit),
        _line(2, "place", draft.place),
        _line(2, "parent", draft.parent),
        "",
        "decision:",
        _line(2, "number", draft.number),
        _line(2, "date", draft.issued),
        _line(2, "title", Value(draft.title, draft.verb.note)),
        "",
        "revision:",
        "  number: 1",
        "  history:",
    ]
    if isinstance(draft.issued.value, date):
        out += ["    - number: 1", f"      date: {draft.issued.value.isoformat()}",
                f"      note: {_scalar('Ban hành lần đầu kèm theo Quyết định số ' + str(draft.number.value or ''))}"]
    else:
        out[-1] = "  history: []"
    if draft.commitment:
        out += ["", _line(0, "commitment", draft.commitment)]
    out += ["", "objectives:"]
    for objective in draft.objectives:
        out += [f"  - id: {objective.id}", _line(4, "title", objective.title), "    targets:"]
        for target in objective.targets:
            out += _target_lines(target)
    return "\n".join(out) + "\n"


def plan_yaml(draft: Draft, source: str) -> str:
    """The draft's plan.yaml (no section, and a TODO, when the decision has no plan)."""
    out = _head("plan", "Kế hoạch thực hiện Mục tiêu chất lượng", draft, source) + [
        _line(0, "title", f"Kế hoạch thực hiện Mục tiêu chất lượng năm {draft.year}"),
    ]
    for key, items in (("purpose", draft.purpose), ("requirements", draft.requirements)):
        if items:
            out += ["", f"{key}:"] + [f"  - {_scalar(item)}" for item in items]
    out += ["", "sections: []" + (f"  # {draft.plan_note}" if draft.plan_note else "") if not draft.sections
            else "sections:"]
    for section in draft.sections:
        out += [f"  - id: {section.id}", _line(4, "objective", section.objective), _line(4, "title", section.title),
                "    tasks:"]
        for task in section.tasks:
            out += [f"      - id: {task.id}", _line(8, "work", task.work), _line(8, "lead", task.lead)]
            if task.partners.value:
                out.append(_line(8, "partners", task.partners))
            out.append(_line(8, "timing", task.timing))
            schedule = task.schedule
            if schedule.value is None:
                out.append(_line(8, "repeat", schedule))
            else:
                kind, value = schedule.value
                out.append(_line(8, kind, Value(value, schedule.note)))
            if task.monitors:
                out.append(_line(8, "monitors", task.monitors))
            if task.evidence:
                out.append(_line(8, "evidence", task.evidence))
            if task.kind.value:
                out.append(_line(8, "kind", task.kind))
    if draft.organisation:
        out += ["", "organisation:"]
        for who, duty in draft.organisation:
            out += [f"  - role: {_scalar(who)}", f"    duty: {_scalar(duty)}"]
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class Created:
    """A draft year written from a decision, and what the officer must look at."""

    folder: Path
    draft: Draft
    marks: list[str]  # 'data/2023/objectives.yaml:86: đoán: …', one a guess or a TODO
    problems: list[str]  # what mtcl validate says of the draft (empty: it loads)


def create_from_decision(root: Path, year: int, path: Path) -> Created:
    """Write ``<root>/<year>`` as the draft ``path`` gives, ``root`` made when it is not
    there yet; never over an existing year."""
    target = root / str(year)
    if target.exists():
        raise UserError(f"thư mục '{display_path(target)}' đã có; mtcl init không ghi đè năm đã có")
    draft = read_decision(path, year)
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"không tạo được thư mục dữ liệu '{display_path(root)}': {os_problem(exc)}") from None
    root = data_root(root)
    contents = {OBJECTIVES_FILE: objectives_yaml(draft, path.name).encode("utf-8"),
                PLAN_FILE: plan_yaml(draft, path.name).encode("utf-8")}
    build_in_place(root, target, year, contents, check=False)
    marks = [f"{display_path(target / name)}:{number}: {line.split('  # ', 1)[1]}"
             for name, content in contents.items()
             for number, line in enumerate(content.decode("utf-8").splitlines(), start=1)
             if "  # đoán:" in line or "  # TODO:" in line]
    try:
        open_folder(target, year)
        problems: list[str] = []
    except DataErrors as exc:
        problems = [str(error) for error in exc.errors]
    except UserError as exc:
        problems = [exc.message]
    return Created(target, draft, marks, problems)
