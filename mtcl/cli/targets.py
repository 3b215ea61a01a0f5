"""``mtcl targets``: every target of the year, as a table or JSON."""

from __future__ import annotations

from mtcl.cli.base import DataOption, JsonOption, OwnerOption, YearOption, command, console, data_folder, styled, table
from mtcl.cli.output import OutOption, emit_json, only_with
from mtcl.core.words import KIND_WORDS, plan_text
from mtcl.files.book import open_year
from mtcl.usecases.status import owned_targets
from mtcl.usecases.views import target_json


@command("targets", help="Liệt kê các chỉ tiêu của năm.")
def targets(owner: OwnerOption = None, data: DataOption = None, year: YearOption = None,
            as_json: JsonOption = False, out: OutOption = None) -> None:
    only_with(out, as_json, "--json")
    book = open_year(data_folder(data), year)
    shown = {t.id for t in (owned_targets(book, owner) if owner else book.targets.values())}
    if as_json:
        emit_json([target_json(t) for t in book.targets.values() if t.id in shown], out)
        return
    grid = table(f"Chỉ tiêu chất lượng năm {book.year}")
    for heading, justify in [("Mã", "left"), ("Chỉ tiêu", "left"), ("Kế hoạch", "right"), ("Loại", "left"),
                             ("Phụ trách", "left")]:
        grid.add_column(heading, justify=justify)
    for objective in book.objectives.objectives:
        mine = [t for t in objective.targets if t.id in shown]
        if not mine:
            continue
        if grid.row_count:
            grid.add_section()
        grid.add_row(styled(str(objective.id), "bold"), styled(f"Mục tiêu {objective.id}", "bold"))
        group = None
        for t in mine:
            if t.group and t.group != group:
                grid.add_row("", styled(t.group, "bold"))
            group = t.group
            grid.add_row(t.id, t.label, plan_text(t), KIND_WORDS[t.kind], t.owner or "")
    console().print(grid)
