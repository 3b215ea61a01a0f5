"""A body's own decision (.docx) read into a draft year: objectives.yaml and plan.yaml.

Every People's Committee that runs ISO 9001 has its objectives and plan as a Word decision:
a first page (the body, the number and date), Phụ lục 1 (the objectives as numbered
paragraphs with lettered or dashed targets, or as a table) and Phụ lục 2 (the plan as a
table).  This module reads that shape into a ``Draft`` and writes it as YAML in which every
value the reading inferred rather than read verbatim carries a comment ("# đoán: …") and
every value it could not read is left empty with a "# TODO: …" that ``mtcl validate``
points at.  The phrases themselves are read by the pure ``mtcl.core.phrases``.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from mtcl.core.errors import DataErrors, UserError
from mtcl.core.phrases import PlanReading, is_ambiguous, numbers, plan_of, thousands_reading, timing
from mtcl.core.text import fold
from mtcl.files.book import OBJECTIVES_FILE, PLAN_FILE, data_root, open_folder
from mtcl.files.fs import display_path, os_problem, regular_file
from mtcl.files.migrate import CURRENT_SCHEMA
from mtcl.usecases.newyear import build_in_place

NOT_DOCX = "mở tệp bằng Word hoặc LibreOffice rồi Lưu thành… Tài liệu Word (.docx)"
COUNTED_UNITS = ("lượt", "lượt khách", "người", "hộ", "hồ sơ", "văn bản")
ROMAN = re.compile(r"^(?=[IVXL]+\.?$)(X{0,3})(IX|IV|V?I{0,3})\.?$")


@dataclass
class Value:
    """A value of the draft and, beside it in the YAML, what the officer should check."""

    value: object
    note: str | None = None  # 'đoán: …' or 'TODO: …'


@dataclass
class DraftTarget:
    id: str
    name: str
    unit: Value
    plan: Value
    op: Value
    kind: Value
    short: str | None = None
    parent: str | None = None
    sum_of: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    change: bool = False
    owner: str | None = None


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
    partners: list[str]
    timing: str
    schedule: Value  # ('due', [dates]) or ('repeat', word)
    monitors: list[str]
    evidence: list[str]
    kind: str | None = None


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
    parent: str | None
    number: Value
    issued: Value
    commitment: str | None
    objectives: list[DraftObjective]
    purpose: list[str]
    requirements: list[str]
    sections: list[DraftSection]
    organisation: list[tuple[str, str]]

    def values(self) -> list[Value]:
        found = [self.authority, self.unit, self.place, self.number, self.issued]
        for objective in self.objectives:
            for target in objective.targets:
                found += [target.unit, target.plan, target.op, target.kind]
        for section in self.sections:
            found.append(section.objective)
            for task in section.tasks:
                found += [task.lead, task.schedule]
        return found

    @property
    def guesses(self) -> int:
        return sum(1 for v in self.values() if v.note and v.note.startswith("đoán"))

    @property
    def todos(self) -> int:
        return sum(1 for v in self.values() if v.note and v.note.startswith("TODO"))

    @property
    def targets(self) -> int:
        return sum(len(o.targets) for o in self.objectives)

    @property
    def tasks(self) -> int:
        return sum(len(s.tasks) for s in self.sections)


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
    from docx import Document  # python-docx: 60 ms, only for an import
    from docx.table import Table
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
            # Every row as wide as the grid: a merged cell repeats its text in each column
            # it covers, so the columns of the heading and of the rows line up.
            found.append([["\n".join(p.text for p in cell.paragraphs).strip() for cell in row.cells]
                          for row in Table(child, document).rows])
    return found


def read_decision(path: Path, year: int) -> Draft:
    """The draft of ``year`` the decision at ``path`` gives."""
    found = blocks(path)
    paragraphs = [b for b in found if isinstance(b, str)]
    text = "\n".join(paragraphs + [cell for b in found if isinstance(b, list) for row in b for cell in row])
    if not text.strip():
        raise UserError(f"'{display_path(path)}' không có chữ nào (có thể chỉ có ảnh quét)",
                        "dùng bản Word của quyết định có chữ, không phải ảnh chụp")
    start = next((i for i, b in enumerate(found) if isinstance(b, str) and _is_annex(b, 1)), None)
    end = next((i for i, b in enumerate(found) if isinstance(b, str) and _is_annex(b, 2)), len(found))
    if start is None:
        raise UserError(f"'{display_path(path)}' không có Phụ lục 1 (Mục tiêu chất lượng): đây có phải quyết định "
                        "ban hành Mục tiêu chất lượng?",
                        "tệp cần có đoạn 'PHỤ LỤC 1: MỤC TIÊU CHẤT LƯỢNG' và 'Phụ lục 2' kèm bảng kế hoạch")
    objectives, commitment = _objectives(found[start + 1:end])
    if not objectives or not any(o.targets for o in objectives):
        raise UserError(f"'{display_path(path)}': không đọc được mục tiêu nào ở Phụ lục 1",
                        "các mục tiêu cần đánh số 1., 2., … hoặc nằm trong một bảng")
    plan_table = next((b for b in found[end:] if isinstance(b, list) and _plan_columns(b)), None)
    if plan_table is None:
        raise UserError(f"'{display_path(path)}' không có bảng kế hoạch (Phụ lục 2)",
                        "bảng cần các cột như: TT, Nội dung, Chủ trì, Phối hợp, Thời gian, Kết quả")
    sections = _sections(plan_table, year, objectives)
    after = [b for b in found[end:] if isinstance(b, str)]
    header = _header(found[:start], text, year)
    return Draft(year=year, **header, commitment=commitment, objectives=objectives,
                 purpose=_list_after(after, "muc dich", "yeu cau"), requirements=_list_after(after, "yeu cau", "noi dung"),
                 sections=sections, organisation=_organisation(after))


def _is_annex(text: str, number: int) -> bool:
    return re.match(rf"\s*phu luc\s*{number}\b", fold(text)) is not None


# The first page: who issued the decision, its number and date.

def _header(first: list, text: str, year: int) -> dict:
    lines = [line.strip() for b in first for line in (b.split("\n") if isinstance(b, str) else
                                                      [c for row in b for cell in row for c in cell.split("\n")])
             if line.strip()]
    number = re.search(r"Số\s*:?\s*(\d+)\s*/\s*(QĐ-[A-ZĐ]+)", "\n".join(lines)) or \
        re.search(r"Quyết định số\s*(\d+)\s*/\s*(QĐ-[A-ZĐ]+)", text)
    issued = re.search(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", "\n".join(lines)) or \
        re.search(r"Quyết định số[^\n]*?ngày\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", text)
    place = next((re.match(r"(.+?),\s*ngày", line).group(1).strip() for line in lines
                  if re.match(r".+?,\s*ngày\s*\d", line)), None)
    authority, unit, parent = None, None, None
    capitals = [line for line in lines if line.isupper() and not re.search(r"CỘNG HÒA|ĐỘC LẬP|QUYẾT ĐỊNH", line)]
    for index, line in enumerate(capitals):
        if fold(line) == "uy ban nhan dan" and index + 1 < len(capitals):
            authority, unit = "Ủy ban nhân dân", capitals[index + 1].title()
            parent = _body_name(capitals[index - 1]) if index else None
            break
    values = {
        "authority": Value(authority or "Ủy ban nhân dân", None if authority else "đoán: không thấy tên cơ quan ở "
                                                                                  "trang đầu"),
        "parent": parent,
        "number": Value(f"{number.group(1)}/{number.group(2)}" if number else None,
                        None if number else "TODO: điền số quyết định"),
        "issued": Value(date(int(issued.group(3)), int(issued.group(2)), int(issued.group(1))) if issued else None,
                        None if issued else "TODO: điền ngày ban hành"),
    }
    if unit is None:  # 'UBND xã Giang Hải' written somewhere in the text
        named = re.search(r"(?:UBND|Ủy ban nhân dân)\s+(xã|phường|thị trấn|huyện|quận)\s+([A-ZĐÂ][\wÀ-ỹ]*(?:\s+[A-ZĐÂ]"
                          r"[\wÀ-ỹ]*)*)", text)
        unit = f"{named.group(1).capitalize()} {named.group(2)}" if named else None
        values["unit"] = Value(unit, "đoán: tên đơn vị lấy từ nội dung, trang đầu không ghi" if unit else
                               "TODO: điền tên đơn vị (Xã …)")
    else:
        values["unit"] = Value(unit)
    if place is None and unit:
        values["place"] = Value(re.sub(r"^(Xã|Phường|Thị Trấn|Huyện|Quận)\s+", "", unit),
                                "đoán: địa danh lấy theo tên đơn vị")
    else:
        values["place"] = Value(place, None if place else "TODO: điền địa danh")
    return values


_BODY_KINDS = ("xã", "phường", "thị trấn", "quận", "huyện", "thị xã", "thành phố", "tỉnh")


def _body_name(line: str) -> str:
    """'UBND QUẬN SƠN TÂY' → 'UBND quận Sơn Tây': a body's name as running text writes it."""
    words = line.title().replace("Ubnd", "UBND").replace("Ủy Ban Nhân Dân", "Ủy ban nhân dân")
    for kind in _BODY_KINDS:
        words = re.sub(rf"(UBND|Ủy ban nhân dân) {kind.title()}\b", rf"\1 {kind}", words)
    return words


# Phụ lục 1: objectives and their targets.

_OBJECTIVE = re.compile(r"^\s*(\d{1,2})\s*[.)]\s+(.+)$", re.S)
_LETTER = re.compile(r"^\s*([a-zđê])\)\s*(.+)$", re.S)
_DASH = re.compile(r"^\s*[-–•+]\s*(.+)$", re.S)
_PART = re.compile(r"^\s*trong đó\s*:?\s*(.+)$", re.S | re.I)


def _objectives(found: list) -> tuple[list[DraftObjective], str | None]:
    table = next((b for b in found if isinstance(b, list) and _target_columns(b)), None)
    if table is not None:
        return _objectives_from_table(table), None
    objectives: list[DraftObjective] = []
    commitment = None
    pending: list[tuple[str, str]] = []  # an objective's own sentence, kept until we know it has no items
    letter_target: DraftTarget | None = None
    last_part = False
    for text in (b.strip() for b in found if isinstance(b, str)):
        if not text:
            continue
        numbered = _OBJECTIVE.match(text)
        if numbered and not _LETTER.match(text):
            _close(objectives, pending)
            title = numbered.group(2).strip()
            objectives.append(DraftObjective(int(numbered.group(1)), _clean_title(title)))
            pending = [("sentence", title)]
            letter_target, last_part = None, False
            continue
        if not objectives:
            if len(text) > 40 and not text.isupper():
                commitment = " ".join(text.split())
            continue
        objective = objectives[-1]
        lettered, part, dash = _LETTER.match(text), _PART.match(text), _DASH.match(text)
        if lettered:
            pending = []
            letter_target = _target(f"{objective.id}{lettered.group(1)}", lettered.group(2))
            objective.targets.append(letter_target)
            last_part = False
        elif letter_target is not None and (part or (last_part and numbers(text))):
            pending = []
            parts = [t for t in objective.targets if t.parent == letter_target.id]
            target = _target(f"{letter_target.id}{len(parts) + 1}", part.group(1) if part else text, whole=letter_target)
            target.name = text if part else target.name
            target.parent = letter_target.id
            objective.targets.append(target)
            _sum_parts(objective, letter_target)
            last_part = True
        elif dash:
            pending = []
            for clause in _clauses(dash.group(1)):
                objective.targets.append(_target(f"{objective.id}.{len(objective.targets) + 1}", clause))
    _close(objectives, pending)
    return objectives, commitment


def _close(objectives: list[DraftObjective], pending: list[tuple[str, str]]) -> None:
    """An objective with no lettered or dashed items: its own sentence gives its targets."""
    if not objectives or objectives[-1].targets or not pending:
        return
    objective = objectives[-1]
    clauses = _clauses(pending[0][1])
    shared = next((n for clause in clauses for n in numbers(clause) if n.percent), None)
    for clause in clauses:
        target = _target(f"{objective.id}.{len(objective.targets) + 1}", clause)
        if target.plan.value is None and shared is not None:  # '100% …; tham gia đầy đủ …'
            target.plan = Value(shared.value, f"đoán: không ghi số, lấy {shared.text} của vế trước")
            target.unit, target.op, target.kind = Value("%"), Value(">="), Value("ratio")
        objective.targets.append(target)


def _clauses(text: str) -> list[str]:
    """A sentence that sets several targets, cut where each begins: at ';', at ', phấn đấu',
    at a full stop followed by a figure ('… tác nghiệp. 100% cán bộ …')."""
    text = " ".join(text.split()).rstrip(".:; ")
    pieces = re.split(r";\s*|,\s*(?=phấn đấu\b)|\.\s+(?=\d+\s*%)", text)
    pieces = [p.strip(" ,.") for p in pieces if p.strip(" ,.")]
    if len(pieces) > 1 and sum(1 for p in pieces if numbers(p)) == 0:
        return [text]
    return [p[:1].upper() + p[1:] for p in pieces]


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    title = re.sub(r",?\s*cụ thể\s*:?\s*$", ".", title)
    return re.sub(r":\s*$", ".", title)


def _target(target_id: str, text: str, whole: DraftTarget | None = None) -> DraftTarget:
    text = " ".join(text.split()).rstrip(".;")
    colon = re.search(r":(?!\d)", text)  # 'Sản lượng …: 1.936,49 tấn', not 'ISO 9001:2015'
    label = text[:colon.start()].strip() if colon and re.search(r"\d", text[colon.end():]) else None
    plan = plan_of(text, label or "")
    name = text if not label or (plan and plan.kind == "checklist") else label
    if plan is None:
        return DraftTarget(target_id, name, Value(None, "TODO: điền đơn vị tính"),
                           Value(None, "TODO: không thấy số kế hoạch trong câu này; điền kế hoạch"),
                           Value(">="), Value("ratio", "đoán: không thấy số, coi là tỷ lệ"), short=_short(name))
    value: object = plan.value
    notes = list(plan.guesses)
    found = numbers(text)
    if whole is not None and found:
        number = next((n for n in found if n.value == plan.value), found[0])
        if is_ambiguous(number) and _tiny_part(plan, whole):
            other = thousands_reading(number)
            value, notes = other.value, notes + [other.guess]
    unit = plan.unit or _unit_word(text, found)
    if plan.change:  # the plan is a change in %; the figures keep their own unit, which the sentence does not say
        unit_value = Value(None, "TODO: điền đơn vị tính của số liệu (kế hoạch là % tăng, giảm so với năm trước)")
    else:
        unit_value = Value(unit, None if plan.unit else f"đoán: đơn vị '{unit}' lấy từ chữ sau số")
    target = DraftTarget(
        target_id, name, unit_value,
        Value(value, f"đoán: {'; '.join(notes)}" if notes else None),
        Value(plan.op), Value(plan.kind), short=_short(label or name), items=list(plan.items), change=plan.change)
    return target


def _tiny_part(plan: PlanReading, whole: DraftTarget) -> bool:
    """A part read as less than 1% of its whole: the comma was more likely a thousands mark."""
    scale = {"tỷ đồng": Decimal(1000), "triệu đồng": Decimal(1), "nghìn đồng": Decimal("0.001")}
    if not isinstance(plan.value, Decimal) or not isinstance(whole.plan.value, Decimal):
        return False
    mine, theirs = scale.get(plan.unit or ""), scale.get(str(whole.unit.value or ""))
    if mine is None or theirs is None or not whole.plan.value:
        return False
    return plan.value * mine < whole.plan.value * theirs / 100


def _unit_word(text: str, found: list) -> str | None:
    after = text[found[-1].end:].strip().split() if found else []
    return after[0].strip(",.;") if after else None


def _sum_parts(objective: DraftObjective, whole: DraftTarget) -> None:
    """A whole whose parts add up to it is their sum (e: 192 + 802 = 994 tấn)."""
    parts = [t for t in objective.targets if t.parent == whole.id]
    if len(parts) < 2 or any(p.unit.value != whole.unit.value for p in parts):
        return
    if all(isinstance(p.plan.value, Decimal) for p in parts) and sum(p.plan.value for p in parts) == whole.plan.value:
        whole.sum_of = [p.id for p in parts]


_VERBS = re.compile(r"^(phấn đấu|đảm bảo|thực hiện|duy trì)\s+", re.I)
_FIGURE = re.compile(r"^(trên|dưới|từ|không quá|tối thiểu|ít nhất|đạt)?\s*\d[\d.,]*\s*%?\s*", re.I)
_COMPARED = re.compile(r"\s+(từ|dưới|trên|không quá|tối thiểu|ít nhất|đạt|tăng|giảm)\s+\d|\s*\d", re.I)


def _short(name: str) -> str:
    """A short name for tables: the subject, without its figure and leading verbs, at most
    eight words ('Tỷ lệ sinh từ 1,8 đến 2,1 con' → 'Tỷ lệ sinh')."""
    text = " ".join(re.split(r":(?!\d)", name)[0].split())
    while _VERBS.match(text):
        text = _VERBS.sub("", text, count=1)
    text = _FIGURE.sub("", text, count=1)
    cut = _COMPARED.search(text)
    text = (text[:cut.start()] if cut and cut.start() > 0 else text).strip(" ,.;")
    words = text.split()[:8]
    return (words[0][:1].upper() + " ".join(words)[1:]) if words else name


def _target_columns(rows: list[list[str]]) -> dict[str, int] | None:
    """The columns of a Phụ lục 1 written as a table: name, unit, plan (and an owner)."""
    for row in rows[:2]:
        heads = [fold(cell) for cell in row]
        name = next((i for i, h in enumerate(heads) if "chi tieu" in h or "muc tieu" in h), None)
        unit = next((i for i, h in enumerate(heads) if "don vi tinh" in h or h == "dvt"), None)
        plan = next((i for i, h in enumerate(heads) if "ke hoach" in h or "chi tieu nam" in h), None)
        if name is not None and unit is not None and plan is not None and plan != name:
            owner = next((i for i, h in enumerate(heads) if "phu trach" in h or "chu tri" in h), None)
            return {"name": name, "unit": unit, "plan": plan, "owner": owner, "number": 0}
    return None


def _objectives_from_table(rows: list[list[str]]) -> list[DraftObjective]:
    columns = _target_columns(rows)
    objectives: list[DraftObjective] = []
    for row in rows[1:]:
        if _spanning(row) or len(row) <= max(v for v in columns.values() if v is not None):
            number = re.match(r"\s*(\d+)", row[0]) if row else None
            if number:  # an objective's row spans the table
                objectives.append(DraftObjective(int(number.group(1)), _clean_title(row[-1])))
            continue
        mark, name = row[columns["number"]].strip(), row[columns["name"]].strip()
        if re.fullmatch(r"\d+\.?", mark) and not row[columns["plan"]].strip():
            objectives.append(DraftObjective(int(mark.rstrip(".")), _clean_title(name)))
            continue
        if not objectives or not name:
            continue
        objective = objectives[-1]
        written = f"{name}: {row[columns['plan']].strip()} {row[columns['unit']].strip()}".strip()
        target = _target(mark if mark and not re.fullmatch(r"\d+\.?", mark) else
                         f"{objective.id}.{len(objective.targets) + 1}", written)
        target.name = name
        if row[columns["unit"]].strip():
            target.unit = Value(row[columns["unit"]].strip())
        if columns["owner"] is not None and row[columns["owner"]].strip():
            target.owner = row[columns["owner"]].strip()
        objective.targets.append(target)
    return objectives


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


def _spanning(cells: list[str]) -> bool:
    """A row whose cells after the first are one merged cell (a section, an objective)."""
    rest = [c for c in cells[1:]]
    return len(rest) > 1 and len(set(rest)) == 1 and bool(rest[0])


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
    columns = _plan_columns(rows)
    width = max(len(row) for row in rows)
    sections: list[DraftSection] = []
    for row in rows:
        cells = row + [""] * (width - len(row))
        mark = cells[columns["number"]].strip()
        roman = ROMAN.match(mark) if mark else None
        if roman and mark.rstrip("."):
            number = _roman(mark.rstrip("."))
            title = " ".join(next((c for c in cells[1:] if c.strip()), "").split())
            known = {o.id for o in objectives}
            sections.append(DraftSection(mark.rstrip("."), Value(number) if number in known else
                                         Value(number, "đoán: không thấy mục tiêu cùng số") , title))
            continue
        if not sections or not cells[columns["work"]].strip() or fold(cells[columns["work"]]).startswith(
                ("noi dung", "muc tieu chat luong va")):
            continue
        if mark and not re.fullmatch(r"\d+\.?", mark):
            continue
        section = sections[-1]
        task_id = f"{section.id}.{mark.rstrip('.') or len(section.tasks) + 1}"
        work = " ".join(cells[columns["work"]].split())
        when = " ".join(cells[columns["timing"]].split("\n")).strip() if "timing" in columns else ""
        read = timing(cells[columns["timing"]] if "timing" in columns else "", year)
        if read.due:
            schedule = Value(("due", list(read.due)), f"đoán: {read.guess}" if read.guess else None)
        elif read.repeat:
            schedule = Value(("repeat", read.repeat), f"đoán: {read.guess}" if read.guess else None)
        else:
            schedule = Value(None, f"TODO: không đọc được thời gian '{when}'; ghi due: [ngày] hoặc repeat:")
        lead = cells[columns["lead"]].strip()
        section.tasks.append(DraftTask(
            task_id, work, Value(lead or None, None if lead else "TODO: điền đơn vị chủ trì"),
            _items(cells[columns["partners"]]) if "partners" in columns else [], _timing_text(cells, columns),
            schedule, _items(cells[columns["monitors"]]) if "monitors" in columns else [],
            _items(cells[columns["evidence"]], lines=True) if "evidence" in columns else [], _task_kind(work)))
    return [s for s in sections if s.tasks]


def _timing_text(cells: list[str], columns: dict[str, int]) -> str:
    text = cells[columns["timing"]] if "timing" in columns else ""
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip()) or "Không ghi"


def _roman(mark: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for index, letter in enumerate(mark):
        value = values[letter]
        total += -value if index + 1 < len(mark) and values[mark[index + 1]] > value else value
    return total


def _items(text: str, lines: bool = False) -> list[str]:
    """A cell's list: '- QMR;\\n- Thư ký ISO.' → ['QMR', 'Thư ký ISO'] (by lines, or commas too)."""
    pieces = re.split(r"\n+\s*[-–•]?\s*|^\s*[-–•]\s*", text.strip()) if lines else re.split(r"[\n,;]+", text)
    out = []
    for piece in pieces:
        piece = " ".join(piece.split()).strip(" -–•;.")
        if piece:
            out.append(piece)
    if lines and len(out) > 1:
        return [p for p in out if p]
    return out


def _task_kind(work: str) -> str | None:
    folded = fold(work)
    if "trien khai dgnb" in folded or "trien khai danh gia noi bo" in folded or "thuc hien danh gia noi bo" in folded:
        return "internal_audit"
    if folded.startswith("xem xet cua lanh dao") or "hop xem xet cua lanh dao" in folded:
        return "management_review"
    if "bao cao ket qua thuc hien mtcl" in folded or "bao cao ket qua thuc hien muc tieu chat luong" in folded:
        return "results_report"
    return None


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
        "# Kiểm tra mọi dòng có '# đoán:' và điền mọi dòng có '# TODO:', rồi chạy: mtcl validate",
        f"schema_version: {CURRENT_SCHEMA}",
        f"year: {draft.year}",
    ]


def objectives_yaml(draft: Draft, source: str) -> str:
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
        _line(2, "title", f"Quyết định ban hành Mục tiêu chất lượng và Kế hoạch thực hiện Mục tiêu chất lượng năm "
                          f"{draft.year}"),
        "",
        "revision:",
        "  number: 1",
        "  history:",
    ]
    if isinstance(draft.issued.value, date):
        out += [f"    - number: 1", f"      date: {draft.issued.value.isoformat()}",
                f"      note: {_scalar('Ban hành lần đầu kèm theo Quyết định số ' + str(draft.number.value or ''))}"]
    else:
        out[-1] = "  history: []"
    if draft.commitment:
        out += ["", _line(0, "commitment", draft.commitment)]
    out += ["", "objectives:"]
    for objective in draft.objectives:
        out += [f"  - id: {objective.id}", _line(4, "title", objective.title), "    targets:"]
        for target in objective.targets:
            out.append(f"      - id: {_scalar(target.id)}")
            if target.short:
                out.append(_line(8, "short", target.short))
            out += [_line(8, "name", target.name), _line(8, "unit", target.unit), _line(8, "plan", target.plan),
                    _line(8, "op", target.op), _line(8, "kind", target.kind)]
            if target.change:
                out.append("        change: percent")
            if target.parent:
                out.append(_line(8, "parent", target.parent))
            if target.sum_of:
                out.append(_line(8, "sum_of", target.sum_of))
            if target.items:
                out.append(_line(8, "items", target.items))
            if target.unit.value in COUNTED_UNITS:
                out.append("        decimals: 0")
            if target.owner:
                out.append(_line(8, "owner", target.owner))
    return "\n".join(out) + "\n"


def plan_yaml(draft: Draft, source: str) -> str:
    out = _head("plan", "Kế hoạch thực hiện Mục tiêu chất lượng", draft, source) + [
        _line(0, "title", f"Kế hoạch thực hiện Mục tiêu chất lượng năm {draft.year}"),
    ]
    for key, items in (("purpose", draft.purpose), ("requirements", draft.requirements)):
        if items:
            out += ["", f"{key}:"] + [f"  - {_scalar(item)}" for item in items]
    out += ["", "sections:"]
    for section in draft.sections:
        out += [f"  - id: {section.id}", _line(4, "objective", section.objective), _line(4, "title", section.title),
                "    tasks:"]
        for task in section.tasks:
            out += [f"      - id: {task.id}", _line(8, "work", task.work), _line(8, "lead", task.lead)]
            if task.partners:
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
            if task.kind:
                out.append(f"        kind: {task.kind}")
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
    """Write ``<root>/<year>`` as the draft ``path`` gives; never over an existing year."""
    root = data_root(root)
    target = root / str(year)
    if target.exists():
        raise UserError(f"thư mục '{display_path(target)}' đã có; mtcl init không ghi đè năm đã có")
    draft = read_decision(path, year)
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
