"""``mtcl validate``: check the year's hand-written files."""

from __future__ import annotations

from mtcl.cli.base import DataOption, YearOption, command
from mtcl.loader import load_year


@command("validate", help="Kiểm tra tệp mục tiêu và kế hoạch của năm; báo mọi lỗi kèm dòng, cột.")
def validate(data: DataOption = None, year: YearOption = None) -> None:
    loaded = load_year(data, year)
    print(
        f"Hợp lệ: năm {loaded.year} có {len(loaded.objectives.objectives)} mục tiêu, "
        f"{len(loaded.targets)} chỉ tiêu, {len(loaded.tasks)} nhiệm vụ ({loaded.folder})."
    )
    for warning in loaded.warnings:
        print(f"Cảnh báo: {warning}")
