"""``mtcl targets``: every target of the year, as a table or JSON."""

from __future__ import annotations

from mtcl.cli.base import DataOption, JsonOption, YearOption, command, console, print_json
from mtcl.labels import KINDS, OPS
from mtcl.loader import load_year
from mtcl.numbers import format_number


@command("targets", help="Liệt kê các chỉ tiêu của năm.")
def targets(data: DataOption = None, year: YearOption = None, as_json: JsonOption = False) -> None:
    loaded = load_year(data, year)
    if as_json:
        print_json([t.public() for t in loaded.targets.values()])
        return
    from rich.table import Table

    table = Table(title=f"Chỉ tiêu chất lượng năm {loaded.year}", title_justify="left")
    for heading, justify in [("Mã", "left"), ("Chỉ tiêu", "left"), ("Kế hoạch", "right"), ("ĐVT", "left"), ("Loại", "left")]:
        table.add_column(heading, justify=justify)
    for objective in loaded.objectives.objectives:
        table.add_row(f"[bold]{objective.id}[/]", f"[bold]Mục tiêu {objective.id}[/]", "", "", "")
        for t in objective.targets:
            table.add_row(t.id, _escape(t.label), f"{OPS[t.op]} {format_number(t.plan)}", t.unit, KINDS[t.kind])
    console().print(table)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
