"""``mtcl targets``: every target of the year, as a table or JSON."""

from __future__ import annotations

from mtcl.book import open_year
from mtcl.cli.base import DataOption, JsonOption, YearOption, command, console, data_folder, print_json, styled, table
from mtcl.numbers import format_number
from mtcl.words import KIND_WORDS, OPS


@command("targets", help="Liệt kê các chỉ tiêu của năm.")
def targets(data: DataOption = None, year: YearOption = None, as_json: JsonOption = False) -> None:
    book = open_year(data_folder(data), year)
    if as_json:
        print_json([t.public() for t in book.targets.values()])
        return
    grid = table(f"Chỉ tiêu chất lượng năm {book.year}")
    for heading, justify in [("Mã", "left"), ("Chỉ tiêu", "left"), ("Kế hoạch", "right"), ("ĐVT", "left"), ("Loại", "left")]:
        grid.add_column(heading, justify=justify)
    for objective in book.objectives.objectives:
        if grid.row_count:
            grid.add_section()
        grid.add_row(styled(str(objective.id), "bold"), styled(f"Mục tiêu {objective.id}", "bold"), "", "", "")
        for t in objective.targets:
            grid.add_row(t.id, t.label, f"{OPS[t.op]} {format_number(t.plan)}", t.unit, KIND_WORDS[t.kind])
    console().print(grid)
