"""Spreadsheets read from disk: the cells of every sheet of an .xlsx or .ods file, and the
files a command line names (a folder, a wildcard pattern).

A department's file is read as values (a formula gives the value Excel or LibreOffice last
computed; a formula without one, or an error value such as ``#DIV/0!``, is kept as such so
that the reader can name the cell), each cell with its place and number format.  Only the
rows and columns a form can have are read (``MAX_ROWS``, ``MAX_COLUMNS``): the XML is parsed
in pieces by lxml and never held whole, a far cell (XFD1048576) costs nothing, a sheet is
left at its first row past the bound, and a part with more elements than a form can have is
refused before it is parsed further; what the file unpacks to is bounded before anything is
read.  Whatever is not a workbook mtcl can read (an old .xls, a file with a password, a
damaged or oversized file) is a clear error naming the file, with what to do.
"""

from __future__ import annotations

import functools
import glob
import hashlib
import io
import os
import posixpath
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from mtcl.core.errors import UserError
from mtcl.files.fs import display_path, os_problem, printable_path, regular_file

MAX_WORKBOOK_BYTES = 20_000_000  # a form is a few kilobytes; a year's export a few hundred
MAX_UNPACKED_BYTES = 60_000_000  # what the parts read may unpack to (a zip bomb is refused)
MAX_ROWS = 2_000  # a form has a row per target or criterion, under a few heading rows
MAX_COLUMNS = 30  # A…AD: the form's eleven columns and whatever a department inserts
MAX_CELLS = 100_000  # cells with content kept, in all the sheets: a full grid is 60.000
MAX_SHEETS = 50
MAX_TAGS = 500_000  # XML tags a part may have: a full grid of MAX_ROWS × MAX_COLUMNS texts has 360.000
CHUNK_BYTES = 1 << 16
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"  # .xls, and an .xlsx locked with a password
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
SAVE_AS_XLSX = "mở bằng Excel hoặc LibreOffice rồi Lưu thành… Sổ làm việc Excel (.xlsx)"
FORM_SUFFIXES = (".xlsx", ".ods")
WILDCARDS = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class Cell:
    place: str  # 'F7'
    value: object  # None, str, int, float, bool, datetime
    number_format: str = "General"
    formula: bool = False  # the cell holds a formula (its value is the one last computed, if any)
    error: str | None = None  # an error value a formula left ('#DIV/0!')


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: list[list[Cell]]  # row 1 first; a row holds its cells up to its last one with content
    hidden: bool
    beyond: str | None = None  # the first cell with content outside the rows and columns read

    def cell(self, row: int, column: int) -> Cell:
        """The cell at 0-based ``row`` and ``column``, blank when the file has none there."""
        cells = self.rows[row] if row < len(self.rows) else []
        return cells[column] if column < len(cells) else Cell(place(row, column), None)


def place(row: int, column: int) -> str:
    """'F7' for 0-based row 6 and column 5."""
    letters = ""
    number = column + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def column_index(letters: str) -> int:
    """0-based index of the column 'F' (5)."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number - 1


def read_workbook(path: Path) -> tuple[list[Sheet], str]:
    """Every sheet of the .xlsx or .ods workbook at ``path``, and the SHA-256 of its bytes."""
    shown = display_path(path)
    size = regular_file(path, "tệp Excel", "chỉ rõ tệp .xlsx").st_size
    if size > MAX_WORKBOOK_BYTES:
        raise UserError(f"tệp '{shown}' quá lớn ({size // 1_000_000} MB) cho một biểu số liệu")
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise UserError(f"không đọc được '{shown}': {os_problem(exc)}") from None
    if content.startswith(OLE_SIGNATURE):
        raise UserError(f"'{shown}' là tệp Excel cũ (.xls) hoặc có đặt mật khẩu", f"bỏ mật khẩu, {SAVE_AS_XLSX}")
    if not zipfile.is_zipfile(io.BytesIO(content)):
        raise UserError(f"'{shown}' không phải tệp Excel (.xlsx) hay LibreOffice (.ods)", SAVE_AS_XLSX)
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as packed:
            sheets = _sheets(packed, shown)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as exc:
        raise UserError(f"không đọc được '{shown}': tệp nén bị hỏng ({type(exc).__name__})", SAVE_AS_XLSX) from None
    return sheets, hashlib.sha256(content).hexdigest()


def _sheets(packed: zipfile.ZipFile, shown: str) -> list[Sheet]:
    """The sheets of an opened package, whichever of the two formats it is."""
    names = set(packed.namelist())
    if sum(info.file_size for info in packed.infolist()) > MAX_UNPACKED_BYTES:
        raise UserError(f"tệp '{shown}' giải nén ra quá lớn ({MAX_UNPACKED_BYTES // 1_000_000} MB trở lên): không đọc")
    if "mimetype" in names and packed.read("mimetype").strip() == ODS_MIMETYPE:
        return _ods_sheets(_Package(packed, shown))
    if "xl/workbook.xml" in names:
        return _xlsx_sheets(_Package(packed, shown))
    raise UserError(f"'{shown}' là tệp nén nhưng không phải bảng tính Excel (.xlsx) hay LibreOffice (.ods)",
                    SAVE_AS_XLSX)


# Reading the parts of a package as streams of XML events.

class _Stop(Exception):
    """Raised by a handler to end reading a part early (past the rows a form can have)."""


@dataclass
class _Package:
    packed: zipfile.ZipFile
    shown: str
    cells: int = 0  # the cells with content kept so far, in every sheet

    def keep(self) -> None:
        """Count one more cell kept; a workbook holding more than a form can is refused."""
        self.cells += 1
        if self.cells > MAX_CELLS:
            raise UserError(f"'{self.shown}' có quá nhiều ô có dữ liệu cho một biểu số liệu (hơn "
                            f"{MAX_CELLS // 1_000}.000 ô): không đọc")

    def sheets(self, count: int) -> None:
        """A workbook of more sheets than a form could have is refused."""
        if count > MAX_SHEETS:
            raise UserError(f"'{self.shown}' có {count} trang tính, quá nhiều cho một biểu số liệu: không đọc")

    def has(self, name: str) -> bool:
        return name in self.packed.NameToInfo

    def parse(self, name: str, tags: tuple[str, ...], handle: Callable, events: tuple[str, ...] = ("end",)) -> None:
        """Hand ``handle(event, element)`` the elements of the part ``name`` whose local
        names are ``tags``, as lxml parses the part in pieces (in C: the elements asked for
        are all Python sees).  A part of more than ``MAX_TAGS`` tags is refused before it
        is parsed further, so that time and memory stay bounded; one that is not
        well-formed XML, or declares a DOCTYPE (no spreadsheet does; entity tricks need
        one), is a damaged file."""
        from lxml import etree  # 15 ms (it comes with python-docx), only when a workbook is read

        parser = etree.XMLPullParser(events=events, tag=[f"{{*}}{tag}" for tag in tags], resolve_entities=False,
                                     no_network=True, load_dtd=False, huge_tree=False, remove_comments=True)
        tags, tail = 0, b""
        try:
            with self.packed.open(name) as stream:
                for chunk in iter(lambda: stream.read(CHUNK_BYTES), b""):
                    if b"<!DOCTYPE" in tail + chunk or b"<!ENTITY" in tail + chunk:
                        raise UserError(f"không đọc được '{self.shown}': tệp có khai báo DOCTYPE, bảng tính không có",
                                        SAVE_AS_XLSX)
                    tags += chunk.count(b"<")
                    if tags > MAX_TAGS:
                        raise UserError(f"'{self.shown}' có quá nhiều ô, dòng cho một biểu số liệu (phần '{name}' "
                                        f"có hơn {MAX_TAGS // 1_000}.000 thẻ XML): không đọc")
                    tail = chunk[-16:]
                    parser.feed(chunk)
                    for event, element in parser.read_events():
                        handle(event, element)
                parser.close()
                for event, element in parser.read_events():
                    handle(event, element)
        except _Stop:
            return
        except etree.XMLSyntaxError as exc:
            raise UserError(f"không đọc được '{self.shown}': phần '{name}' bị hỏng ({exc})", SAVE_AS_XLSX) from None

    def tree(self, name: str):
        """A small part (the workbook, its relations, its styles) parsed whole."""
        root: list = []
        self.parse(name, ("*",), lambda event, element: root.append(element) if element.getparent() is None else None)
        return root[0] if root else None


def _local(tag: object) -> str:
    """'c' for '{http://…/main}c'."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _attribute(element, name: str) -> str | None:
    """An attribute by its name without namespace."""
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return None


def _forget(element) -> None:
    """Free an element read, and those before it under the same parent (the tree lxml
    builds would otherwise hold the whole sheet)."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


@dataclass
class _Grid:
    """The cells read so far of one sheet, inside the bounds; the first outside them."""

    package: _Package
    rows: dict[int, dict[int, Cell]] = field(default_factory=dict)
    beyond: str | None = None

    def put(self, row: int, column: int, cell: Cell) -> None:
        if row < MAX_ROWS and column < MAX_COLUMNS:
            self.package.keep()
            self.rows.setdefault(row, {})[column] = cell
        elif self.beyond is None:
            self.beyond = place(row, column)

    def sheet(self, name: str, hidden: bool) -> Sheet:
        last = max(self.rows, default=-1)
        rows = []
        for number in range(last + 1):
            cells = self.rows.get(number, {})
            rows.append([cells.get(c) or Cell(place(number, c), None) for c in range(max(cells, default=-1) + 1)])
        return Sheet(name, rows, hidden, self.beyond)


# .xlsx (Office Open XML)

@dataclass
class _Styles:
    """What a cell's value needs from the workbook: each style's number format, the day
    dates count from, and openpyxl's readers of dates (loaded once)."""

    formats: list[str]
    date1904: bool

    def __post_init__(self) -> None:
        from openpyxl.styles.numbers import is_date_format  # openpyxl, 60 ms, only for an .xlsx
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

        self.is_date = functools.cache(is_date_format)
        self.epoch = CALENDAR_MAC_1904 if self.date1904 else CALENDAR_WINDOWS_1900
        self.from_excel = from_excel


@dataclass
class _XlsxCell:
    """A cell as the sheet's XML gives it, before shared strings and styles are known."""

    row: int
    column: int
    kind: str  # the 't' attribute: n, s, str, inlineStr, b, e, d
    style: int
    value: str | None
    formula: bool


def _xlsx_sheets(package: _Package) -> list[Sheet]:
    listed, date1904 = _xlsx_workbook(package)
    styles = _Styles(_xlsx_formats(package), date1904)
    package.sheets(len(listed))
    raw = [(name, hidden, *_xlsx_cells(package, part)) for name, hidden, part in listed]
    needed = {int(c.value) for _, _, cells, _ in raw for c in cells
              if c.kind == "s" and c.value is not None and c.value.strip().isdigit()}
    strings = _shared_strings(package, needed)
    sheets = []
    for name, hidden, cells, beyond in raw:
        grid = _Grid(package, beyond=beyond)
        for cell in cells:
            grid.put(cell.row, cell.column, _xlsx_cell(cell, strings, styles))
        sheets.append(grid.sheet(name, hidden))
    return sheets


def _xlsx_workbook(package: _Package) -> tuple[list[tuple[str, bool, str]], bool]:
    """Each sheet's name, whether it is hidden, and its part; whether dates count from 1904."""
    targets: dict[str, str] = {}
    relations = package.tree("xl/_rels/workbook.xml.rels") if package.has("xl/_rels/workbook.xml.rels") else None
    for relation in relations.iter("{*}Relationship") if relations is not None else ():
        target = relation.get("Target") or ""
        targets[relation.get("Id") or ""] = target.lstrip("/") if target.startswith("/") else \
            posixpath.normpath(posixpath.join("xl", target))
    workbook = package.tree("xl/workbook.xml")
    if workbook is None:
        return [], False
    found = [(sheet.get("name") or "", sheet.get("state", "visible") != "visible",
              targets.get(_attribute(sheet, "id") or "", "")) for sheet in workbook.iter("{*}sheet")]
    date1904 = any(p.get("date1904") in ("1", "true") for p in workbook.iter("{*}workbookPr"))
    return [entry for entry in found if package.has(entry[2])], date1904


def _xlsx_formats(package: _Package) -> list[str]:
    """The number format of each cell style (the index a cell's 's' names)."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS  # Excel's built-in formats (openpyxl, 60 ms), for an .xlsx

    styles = package.tree("xl/styles.xml") if package.has("xl/styles.xml") else None
    if styles is None:
        return []
    custom = {_whole(f.get("numFmtId")): f.get("formatCode") or "General" for f in styles.iter("{*}numFmt")}
    return [custom.get(_whole(xf.get("numFmtId"))) or BUILTIN_FORMATS.get(_whole(xf.get("numFmtId")), "General")
            for xfs in styles.iter("{*}cellXfs") for xf in xfs.iter("{*}xf")]


def _whole(text: str | None) -> int:
    return int(text) if text and text.isdigit() else 0


_PLACE = re.compile(r"([A-Za-z]{1,3})([0-9]{1,7})")


def _xlsx_cells(package: _Package, part: str) -> tuple[list[_XlsxCell], str | None]:
    """The cells with content of one sheet, read up to the first one past the rows a form
    can have; and the place of the first cell with content left unread."""
    cells: list[_XlsxCell] = []
    state: dict = {"parent": None, "row": -1, "column": -1, "beyond": None}

    def handle(event: str, element) -> None:
        tag = element.tag
        name = tag[tag.find("}") + 1:]
        if name == "sheetData":
            raise _Stop  # what follows the cells (merged ranges, checks, drawings) is not needed
        if name == "row":
            _forget(element)
            return
        row, column = _position(element, state)
        space = tag[:tag.find("}") + 1]
        inline = element.find(f"{space}is")
        value = _rich_text(inline) if inline is not None else element.findtext(f"{space}v")
        formula = element.find(f"{space}f") is not None
        if value is None and not formula:
            return  # a style without content
        if row < MAX_ROWS and column < MAX_COLUMNS:
            cells.append(_XlsxCell(row, column, element.get("t", "n"), _whole(element.get("s")), value, formula))
            return
        state["beyond"] = state["beyond"] or place(row, column)
        if row >= MAX_ROWS:
            raise _Stop  # rows come in order: the rest of the sheet is past the bound too

    package.parse(part, ("row", "c", "sheetData"), handle)
    return cells, state["beyond"]


def _position(cell, state: dict) -> tuple[int, int]:
    """The 0-based row and column of a cell: its 'r' ('F7'), or for a cell without one
    (allowed, rarely written) the next column of its row, whose 'r' or order numbers it."""
    found = _PLACE.fullmatch(cell.get("r") or "")
    if found:
        state["row"], state["column"] = int(found[2]) - 1, column_index(found[1])
        return state["row"], state["column"]
    parent = cell.getparent()
    if parent is not state["parent"]:
        given = parent.get("r") if parent is not None else None
        state["parent"], state["column"] = parent, -1
        state["row"] = int(given) - 1 if given and given.isdigit() else state["row"] + 1
    state["column"] += 1
    return state["row"], state["column"]


def _rich_text(element) -> str:
    """The text of a string made of runs, without the reading aids of East Asian text."""
    return "".join(t.text or "" for t in element.iter("{*}t") if _local(t.getparent().tag) != "rPh")


def _shared_strings(package: _Package, needed: set[int]) -> dict[int, str]:
    """The shared strings the cells read use (the others are never kept)."""
    part = "xl/sharedStrings.xml"
    strings: dict[int, str] = {}
    if not needed or not package.has(part):
        return strings
    last = max(needed)
    counter = {"index": -1}

    def handle(event: str, element) -> None:
        counter["index"] += 1
        if counter["index"] in needed:
            strings[counter["index"]] = _rich_text(element)
        _forget(element)
        if counter["index"] >= last:
            raise _Stop

    package.parse(part, ("si",), handle)
    return strings


def _xlsx_cell(cell: _XlsxCell, strings: dict[int, str], styles: _Styles) -> Cell:
    """The value of one cell, as Excel shows it: a number, a date (a number in a date
    format), a text, a truth value, or the error or the missing result of a formula."""
    here = place(cell.row, cell.column)
    number_format = styles.formats[cell.style] if cell.style < len(styles.formats) else "General"
    raw = cell.value
    if cell.kind == "e":
        return Cell(here, None, number_format, cell.formula, raw or "#N/A")
    if raw is None or (cell.formula and raw == "" and cell.kind not in ("str", "inlineStr")):
        return Cell(here, None, number_format, cell.formula)
    if cell.kind == "s":
        value: object = strings.get(int(raw)) if raw.strip().isdigit() else None
    elif cell.kind in ("str", "inlineStr"):
        value = raw
    elif cell.kind == "b":
        value = raw.strip() in ("1", "true")
    elif cell.kind == "d":
        value = _iso_date(raw)
    else:
        value = _number(raw)
        if isinstance(value, (int, float)) and styles.is_date(number_format):
            try:
                value = styles.from_excel(value, styles.epoch)
            except (OverflowError, ValueError):
                pass  # a number too large to be a date is shown as the number it is
    return Cell(here, value, number_format, cell.formula)


def _number(text: str) -> object:
    """An integer or a float as the XML writes it; anything else stays text."""
    text = text.strip()
    try:
        return int(text) if re.fullmatch(r"-?[0-9]{1,15}", text) else float(text)
    except ValueError:
        return text


def _iso_date(text: str) -> object:
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        return text


# .ods (OpenDocument spreadsheet, LibreOffice's own format)

@dataclass
class _OdsState:
    """Where the reading of content.xml stands."""

    package: _Package
    hidden_styles: set[str] = field(default_factory=set)
    sheets: list[Sheet] = field(default_factory=list)
    grid: _Grid | None = None
    row: int = 0


def _ods_sheets(package: _Package) -> list[Sheet]:
    state = _OdsState(package)
    package.parse("content.xml", ("style", "table", "table-row"), lambda event, element: _ods_event(state, event,
                                                                                                        element),
                  ("start", "end"))
    return state.sheets


def _ods_event(state: _OdsState, event: str, element) -> None:
    name = _local(element.tag)
    if name == "table" and event == "start":
        state.grid, state.row = _Grid(state.package), 0
        state.package.sheets(len(state.sheets) + 1)
    elif name == "table" and event == "end" and state.grid is not None:
        hidden = _attribute(element, "style-name") in state.hidden_styles
        state.sheets.append(state.grid.sheet(_attribute(element, "name") or "", hidden))
        _forget(element)
    elif name == "style" and event == "end":
        if _attribute(element, "family") == "table" and any(
                _attribute(p, "display") == "false" for p in element.iter("{*}table-properties")):
            state.hidden_styles.add(_attribute(element, "name") or "")
    elif name == "table-row" and event == "end" and state.grid is not None:
        repeat = _whole(_attribute(element, "number-rows-repeated")) or 1
        cells = _ods_row(element)
        within = max(0, min(repeat, MAX_ROWS - state.row))  # a row repeated a million times is placed in the bound
        for offset in range(within if cells else 0):
            for column, cell in cells:
                state.grid.put(state.row + offset, column, _placed(cell, state.row + offset, column))
        if cells and within < repeat:
            state.grid.put(state.row + within, cells[0][0], cells[0][1])  # the first cell left unread
        state.row += repeat
        _forget(element)


def _ods_row(row) -> list[tuple[int, Cell]]:
    """The cells with content of one row, with their columns (a repeated cell is read once
    and placed in each column it repeats over, up to the bound)."""
    found: list[tuple[int, Cell]] = []
    column = 0
    for element in row:
        if _local(element.tag) not in ("table-cell", "covered-table-cell"):
            continue
        repeat = _whole(_attribute(element, "number-columns-repeated")) or 1
        cell = _ods_cell(element)
        if cell is not None:
            found += [(c, cell) for c in range(column, min(column + repeat, MAX_COLUMNS + 1))]
        column += repeat
    return found


def _placed(cell: Cell, row: int, column: int) -> Cell:
    """The cell read at ``row`` and ``column`` (a repeated one is read once, placed many times)."""
    return Cell(place(row, column), cell.value, cell.number_format, cell.formula, cell.error)


def _ods_cell(element) -> Cell | None:
    """The value of one cell as LibreOffice stored it, or None for an empty one."""
    kind = _attribute(element, "value-type")
    formula = _attribute(element, "formula") is not None
    shown = "\n".join(_ods_text(p) for p in element if _local(p.tag) == "p")  # not a comment's paragraphs
    if element.get("{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}value-type") == "error":
        return Cell("", None, "General", formula, shown or "#N/A")
    if kind in ("float", "currency", "percentage"):
        value = _number(_attribute(element, "value") or "")
        return Cell("", value, "0%" if kind == "percentage" else "General", formula)
    if kind == "date":
        return Cell("", _iso_date(_attribute(element, "date-value") or ""), "DD/MM/YYYY", formula)
    if kind == "boolean":
        return Cell("", _attribute(element, "boolean-value") == "true", "General", formula)
    if kind in ("string", "time") or shown:
        return Cell("", _attribute(element, "string-value") or shown, "General", formula)
    return Cell("", None, "General", formula) if formula else None


def _ods_text(element) -> str:
    """A paragraph's text, with the spaces, tabs and line breaks ODF writes as elements."""
    pieces = [element.text or ""]
    for child in element:
        name = _local(child.tag)
        if name == "s":
            pieces.append(" " * min(_whole(_attribute(child, "c")) or 1, 1_000))
        elif name in ("tab", "line-break"):
            pieces.append("\t" if name == "tab" else "\n")
        elif name != "annotation":
            pieces.append(_ods_text(child))  # a span, a link
        pieces.append(child.tail or "")
    return "".join(pieces)


# The files a command line names.

def form_files(arguments: list[Path]) -> list[Path]:
    """The workbooks named: a file as given, every .xlsx and .ods of a folder, and the files
    a pattern with * or ? matches (Windows shells pass the pattern as typed)."""
    found: list[Path] = []
    for argument in arguments:
        text = printable_path(argument)
        if argument.is_dir():
            matches = sorted((p for p in argument.iterdir() if _workbook_name(p) and p.is_file()), key=_order)
            if not matches:
                raise UserError(f"thư mục '{display_path(argument)}' không có biểu nào (.xlsx, .ods)")
        elif WILDCARDS.search(str(argument)) and not os.path.lexists(argument):
            matches = sorted((Path(p) for p in glob.glob(str(argument)) if _workbook_name(Path(p))), key=_order)
            if not matches:
                raise UserError(f"không có tệp .xlsx hay .ods nào khớp mẫu '{text}'",
                                "kiểm tra tên thư mục và mẫu (ví dụ: nhan-ve/*.xlsx)")
        else:
            matches = [argument]
        found += matches  # a file named twice is read twice, and said once (intake.combine)
    return found


def _workbook_name(path: Path) -> bool:
    """A form's name: .xlsx or .ods, not the lock file Excel ('~$…') or LibreOffice
    ('.~lock…') leaves beside an open file, nor a hidden one."""
    return path.suffix.lower() in FORM_SUFFIXES and not path.name.startswith(("~$", "."))


def _order(path: Path) -> tuple:
    """Names in the order a person lists them: 'bieu-2' before 'bieu-10'."""
    return tuple(int(part) if part.isdigit() else part.casefold() for part in re.split(r"([0-9]+)", path.name))

