"""``mtcl chart``: the picture of the targets met by objective, for chat groups and slides."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from mtcl.cli.base import (AsOfOption, DataOption, PeriodOption, YearOption, command, data_folder, echo, reports_folder,
                           when)
from mtcl.core.numbers import format_date
from mtcl.core.periods import PERIOD_SLUGS, check_period, period_phrase
from mtcl.files.book import open_year
from mtcl.files.fs import display_path
from mtcl.report.context import objectives_chart
from mtcl.report.picture import chart_png
from mtcl.usecases.status import year_status


@command("chart", help="Vẽ biểu đồ (ảnh PNG) tỷ lệ chỉ tiêu đạt theo từng mục tiêu, để gửi nhóm chat, trình chiếu.")
def chart(
    period: PeriodOption = None,
    as_of: AsOfOption = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="Tệp .png ghi ra.", show_default=False)] = None,
    data: DataOption = None,
    year: YearOption = None,
) -> None:
    book = open_year(data_folder(data), year, last_year=True)
    status = year_status(book, when(book.year, as_of, period))
    key = check_period(period) if period else None
    named = period_phrase(key, book.year) if key else f"đến ngày {format_date(status.as_of)}"
    picture = objectives_chart(book, [(named[:1].upper() + named[1:], status)])
    subtitle = f"{book.objectives.issuer.short_name}, {named} (số liệu đến {format_date(status.as_of)})"
    name = f"bieu-do-mtcl-{PERIOD_SLUGS[key] + '-' if key else ''}{book.year}.png"
    written = chart_png(picture, subtitle, out or reports_folder(book) / name)
    echo(f"Đã vẽ biểu đồ: {display_path(written)}")
