"""``mtcl show ID``: one objective, target or task in full."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from mtcl.cli.base import DataOption, YearOption, command, console
from mtcl.labels import KINDS, OPS, REPEATS
from mtcl.loader import YearData, load_year
from mtcl.models import Objective, Target, Task
from mtcl.numbers import format_date, format_quantity
from mtcl.schedule import occurrences as schedule_occurrences


@command("show", help="Xem đầy đủ một mục tiêu (1..9), chỉ tiêu (4đ hoặc 4dd) hoặc nhiệm vụ (I.6).")
def show(
    entry_id: Annotated[str, typer.Argument(metavar="MÃ", help="Mã mục tiêu, chỉ tiêu hoặc nhiệm vụ.")],
    data: DataOption = None,
    year: YearOption = None,
) -> None:
    loaded = load_year(data, year)
    entry = loaded.find(entry_id)
    lines = {Objective: _objective, Target: _target, Task: _task}[type(entry)](entry, loaded)
    out = console()
    for label, value in lines:
        out.print(f"[bold]{label}:[/] {escape(value)}" if label else escape(value))


def _objective(objective: Objective, loaded: YearData) -> list[tuple[str, str]]:
    lines = [("Mục tiêu", str(objective.id)), ("Nội dung", " ".join(objective.title.split()))]
    for t in objective.targets:
        lines.append(("", f"  {t.id}  {t.label}: {OPS[t.op]} {format_quantity(t.plan, t.unit)}"))
    tasks = [t for t in loaded.tasks.values() if t.objective == objective.id]
    if tasks:
        lines.append(("Nhiệm vụ", ", ".join(t.id for t in tasks)))
    return lines


def _target(t: Target, loaded: YearData) -> list[tuple[str, str]]:
    lines = [
        ("Chỉ tiêu", t.id),
        ("Thuộc mục tiêu", str(t.objective)),
        ("Nội dung", " ".join(t.name.split())),
        ("Kế hoạch", f"{OPS[t.op]} {format_quantity(t.plan, t.unit)}"),
        ("Loại", KINDS[t.kind]),
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


def _task(t: Task, loaded: YearData) -> list[tuple[str, str]]:
    occurrences = ", ".join(
        f"{o.key} (hạn {format_date(o.due)})" if o.due and o.key != o.due.isoformat() else o.key
        for o in schedule_occurrences(t, loaded.year)
    )
    deadlines = ", ".join(format_date(d) for d in t.due) if t.due else REPEATS[t.repeat]
    return [
        ("Nhiệm vụ", f"{t.id} (phần {t.section}, mục tiêu {t.objective})"),
        ("Nội dung", " ".join(t.work.split())),
        ("Chủ trì", t.lead),
        ("Phối hợp", ", ".join(t.partners) or "—"),
        ("Thời gian", " ".join(t.timing.split())),
        ("Hạn", deadlines),
        ("Các lần thực hiện", occurrences),
        ("Theo dõi", ", ".join(t.monitors)),
        ("Minh chứng", "; ".join(" ".join(e.split()) for e in t.evidence)),
    ]
