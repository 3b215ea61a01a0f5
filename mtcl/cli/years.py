"""``mtcl init``, ``mtcl migrate``, ``mtcl years``: the year folders over time."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from mtcl.cli.base import DataOption, YearOption, command, console, data_folder, echo, styled, table, today
from mtcl.core.errors import UserError
from mtcl.files.book import data_root, year_folder, year_folders
from mtcl.files.fs import display_path
from mtcl.files.migrate import migrate_folder
from mtcl.usecases.newyear import create_year
from mtcl.usecases.status import yearly_summary


@command("init", help="Tạo thư mục năm mới từ mục tiêu và kế hoạch của năm trước.")
def init(
    new_year: Annotated[int, typer.Argument(metavar="NĂM", help="Năm mới, ví dụ 2024.")],
    source_year: Annotated[Optional[int], typer.Option("--from", help="Năm gốc (mặc định: năm liền trước).")] = None,
    decision: Annotated[Optional[Path], typer.Option("--from-decision", help="Đọc mục tiêu và kế hoạch từ quyết định "
                                                                             "ban hành (.docx) thành bản nháp.")] = None,
    data: DataOption = None,
) -> None:
    if not 2000 <= new_year <= 2100:
        raise UserError(f"năm '{new_year}' không hợp lệ")
    if decision is not None:
        if source_year is not None:
            raise UserError("chỉ dùng một trong hai: --from hoặc --from-decision")
        from_decision(data_folder(data), new_year, decision)
        return
    folder, todo, changes = create_year(data_folder(data), new_year, source_year)
    out = console()
    out.print(f"Đã tạo {folder} từ năm {source_year or new_year - 1} (không sao chép số liệu và minh chứng).")
    out.print(f"Đã dời sang năm {new_year} {len(changes)} đoạn chữ (xem lại từng đoạn):")
    for change in changes:
        out.print(f"  - {change}")
    out.print("Cần sửa tiếp:")
    for line in todo:
        out.print(f"  - {line}")
    out.print(f"Sau đó chạy: mtcl validate --year {new_year}")


def from_decision(root: Path, year: int, path: Path) -> None:
    from mtcl.usecases.decision import create_from_decision  # python-docx: 60 ms, only for an import

    created = create_from_decision(root, year, path)
    draft = created.draft
    # Plain lines, never wrapped: each names a file and a line to open.
    echo(f"Đã đọc {draft.targets} chỉ tiêu ({len(draft.objectives)} mục tiêu) và {draft.tasks} nhiệm vụ "
         f"({len(draft.sections)} phần) từ {display_path(path)} vào {display_path(created.folder)} (bản nháp).")
    echo(f"{draft.proved} giá trị đã kiểm chứng (mtcl viết lại bằng lời của mình, khớp với văn bản); "
         f"{draft.guesses} giá trị là đoán, {draft.todos} chỗ chưa đọc được cần điền:")
    for mark in created.marks:
        echo(f"  - {mark}")
    if created.problems:
        echo(f"Bản nháp còn {len(created.problems)} lỗi (mtcl validate --year {year} báo lại):")
        for problem in created.problems[:10]:
            echo(f"  - {problem}")
    echo(f"Việc tiếp: kiểm tra các dòng trên, rồi chạy: mtcl validate --year {year}")


@command("migrate", help="Nâng tệp mục tiêu và kế hoạch của một năm lên lược đồ hiện hành.")
def migrate(data: DataOption = None, year: YearOption = None) -> None:
    folder = year_folder(data_folder(data), year)
    changed = migrate_folder(folder)
    if not changed:
        echo(f"{folder}: đã ở lược đồ hiện hành, không cần nâng.")
    for line in changed:
        echo(f"Đã nâng {line}")


@command("years", help="Các năm có dữ liệu, số chỉ tiêu, nhiệm vụ và mức đầy đủ của số liệu.")
def years(data: DataOption = None) -> None:
    root = data_root(data_folder(data))
    grid = table(f"Các năm trong {root}")
    for heading in ("Năm", "Mục tiêu", "Chỉ tiêu", "Nhiệm vụ", "Bản ghi", "Có số liệu", "Đạt", "Tình trạng"):
        grid.add_column(heading, justify="left" if heading in ("Năm", "Tình trạng") else "right")
    for year in sorted(year_folders(root)):
        summary = yearly_summary(root, year, today())
        if summary.problem:
            grid.add_row(str(year), "", "", "", "", "", "", styled(summary.problem, "red"))
            continue
        grid.add_row(
            str(year), str(summary.objectives), str(summary.targets), str(summary.tasks), str(summary.records),
            f"{summary.with_data}/{summary.targets}", str(summary.met), "hợp lệ",
        )
    console().print(grid)
