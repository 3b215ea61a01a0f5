"""``mtcl export bundle``: the one file a body sends the level above for a period."""

from __future__ import annotations

import hashlib
from pathlib import Path

from mtcl.cli.base import echo, reports_folder, stamp, when
from mtcl.core.errors import UserError
from mtcl.core.numbers import format_date
from mtcl.core.periods import check_period, period_phrase
from mtcl.files.book import open_year
from mtcl.files.bundle import year_files
from mtcl.files.fs import atomic_write, display_path
from mtcl.report.render import refuse_overwrite
from mtcl.usecases.bundle import bundle_name, make_bundle


def export_bundle(data: Path, year: int | None, period: str | None, as_of: str | None, out: Path | None,
                  output_format: str | None, force: bool) -> None:
    """Pack the year (read whole first: a body sends no damaged file) into its bundle."""
    if output_format not in (None, "zip"):
        raise UserError(f"gói số liệu là tệp .zip, không phải '{output_format}'", "bỏ --format, hoặc --format zip")
    if out is not None and out.suffix.lower() != ".zip":
        raise UserError(f"tệp '{display_path(out)}' không có đuôi .zip", "đặt tên tệp kết thúc bằng .zip")
    book = open_year(data, year, last_year=True)
    key = check_period(period) if period else None
    on = when(book.year, as_of, period)
    out = out or reports_folder(book) / bundle_name(book, key, on)
    refuse_overwrite(out, force)
    files = year_files(book.root, book.year)
    content = make_bundle(book, files, key, on, stamp(None))
    atomic_write(out, content)
    what = period_phrase(key, book.year) if key else f"đến ngày {format_date(on)}"
    code = f", mã {book.objectives.issuer.code}" if book.objectives.issuer.code else ""
    echo(f"Đã lập: {display_path(out)} (gói số liệu của {book.objectives.issuer.short_name}{code}, {what}, "
         f"{len(files)} tệp).")
    echo(f"Mã SHA-256 của gói: {hashlib.sha256(content).hexdigest()} (để cấp trên đối chiếu khi nhận).")
