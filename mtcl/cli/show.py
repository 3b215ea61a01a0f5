"""``mtcl show ID``: one objective, target or task in full."""

from __future__ import annotations

from typing import Annotated

import typer

from mtcl.cli.base import DataOption, YearOption, command, console, data_folder, styled
from mtcl.core.models import Objective, Target, Task
from mtcl.core.numbers import format_date, format_quantity
from mtcl.core.schedule import occurrences as schedule_occurrences
from mtcl.core.text import one_line
from mtcl.core.words import KIND_WORDS, REPEAT_WORDS, plan_text
from mtcl.files.book import Book, open_year


@command("show", help="Xem đầy đủ một mục tiêu (1..9), chỉ tiêu (4đ hoặc 4dd) hoặc nhiệm vụ (I.6).")
def show(
    entry_id: Annotated[str, typer.Argument(metavar="MÃ", help="Mã mục tiêu, chỉ tiêu hoặc nhiệm vụ.")],
    data: DataOption = None,
    year: YearOption = None,
) -> None:
    book = open_year(data_folder(data), year)
    entry = book.find(entry_id)
    lines = {Objective: _objective, Target: _target, Task: _task}[type(entry)](entry, book)
    out = console()
    for label, value in lines:
        out.print(styled(f"{label}:", "bold") + styled(f" {value}", "") if label else value)


def _objective(objective: Objective, book: Book) -> list[tuple[str, str]]:
    lines = [("Mục tiêu", str(objective.id)), ("Nội dung", one_line(objective.title))]
    for t in objective.targets:
        lines.append(("", f"  {t.id}  {t.label}: {plan_text(t)}"))
    tasks = [t for t in book.tasks.values() if t.objective == objective.id]
    if tasks:
        lines.append(("Nhiệm vụ", ", ".join(t.id for t in tasks)))
    return lines


def _target(t: Target, book: Book) -> list[tuple[str, str]]:
    lines = [
        ("Chỉ tiêu", t.id),
        ("Thuộc mục tiêu", str(t.objective)),
        ("Nội dung", one_line(t.name)),
        ("Kế hoạch", plan_text(t)),
        ("Loại", KIND_WORDS[t.kind]),
    ]
    if t.parent:
        lines.append(("Thuộc chỉ tiêu", t.parent))
    if t.sum_of:
        lines.append(("Bằng tổng", " + ".join(t.sum_of)))
    if t.items:
        lines.append(("Các tiêu chí", ", ".join(t.items)))
    if t.near_from is not None:
        lines.append(("Gần đạt từ", format_quantity(t.near_from, t.unit)))
    return lines


def _task(t: Task, book: Book) -> list[tuple[str, str]]:
    occurrences = ", ".join(
        f"{o.key} (hạn {format_date(o.due)})" if o.due and o.key != o.due.isoformat() else o.key
        for o in schedule_occurrences(t, book.year)
    )
    deadlines = ", ".join(format_date(d) for d in t.due) if t.due else REPEAT_WORDS[t.repeat]
    return [
        ("Nhiệm vụ", f"{t.id} (phần {t.section}, mục tiêu {t.objective})"),
        ("Nội dung", one_line(t.work)),
        ("Chủ trì", t.lead),
        ("Phối hợp", ", ".join(t.partners) or "—"),
        ("Thời gian", one_line(t.timing)),
        ("Hạn", deadlines),
        ("Các lần thực hiện", occurrences),
        ("Theo dõi", ", ".join(t.monitors)),
        ("Minh chứng", "; ".join(one_line(e) for e in t.evidence)),
    ]
