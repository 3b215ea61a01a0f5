"""``mtcl validate``: check the year's files."""

from __future__ import annotations

from mtcl.cli.base import DataOption, YearOption, command, data_folder, echo
from mtcl.files.book import open_year
from mtcl.usecases.status import missing_bases


@command("validate", help="Kiểm tra tệp mục tiêu, kế hoạch và số liệu đã ghi của năm; báo mọi lỗi kèm dòng, cột.")
def validate(data: DataOption = None, year: YearOption = None) -> None:
    book = open_year(data_folder(data), year, last_year=True)
    echo(
        f"Hợp lệ: năm {book.year} có {len(book.objectives.objectives)} mục tiêu, "
        f"{len(book.targets)} chỉ tiêu, {len(book.tasks)} nhiệm vụ ({book.folder})."
    )
    for warning in [*book.warnings, *missing_bases(book)]:
        echo(f"Cảnh báo: {warning}")
