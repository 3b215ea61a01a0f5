"""The typer app, the options every command shares, and the one place errors become exits.

A command registered with ``command`` turns a ``UserError`` (bad input, bad data) into its
message on standard error and exit code 1; typer itself exits 2 on a usage error.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from mtcl.cli.vietnamese import VietnameseCommand, VietnameseGroup
from mtcl.errors import DataErrors, UserError


def _group(name: str, help: str) -> typer.Typer:
    return typer.Typer(
        cls=VietnameseGroup,
        options_metavar="[TÙY_CHỌN]",
        subcommand_metavar="LỆNH [THAM_SỐ]...",
        name=name,
        help=help,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )


app = _group("mtcl", "Theo dõi Mục tiêu chất lượng (ISO 9001:2015) của UBND xã: số liệu, kế hoạch, báo cáo.")
action_app = _group("action", "Hành động khắc phục (ISO 9001 điều 10.2): mở, đóng, sổ theo dõi.")
app.add_typer(action_app)

DataOption = Annotated[
    Optional[Path],
    typer.Option("--data", help="Thư mục dữ liệu (mặc định: biến MTCL_DATA, hoặc ./data).", show_default=False),
]
YearOption = Annotated[
    Optional[int], typer.Option("--year", help="Năm làm việc (mặc định: năm mới nhất).", show_default=False)
]
JsonOption = Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON.")]
AsOfOption = Annotated[
    Optional[str], typer.Option("--as-of", help="Ngày đánh giá (15/6/2023 hoặc 2023-06-15).", show_default=False)
]


def date_option(text: str | None) -> date | None:
    """A date typed the Vietnamese way (15/6/2023) or ISO (2023-06-15), if given."""
    from mtcl.numbers import parse_date

    return parse_date(text) if text is not None else None


def command(name: str, help: str, group: typer.Typer = app) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a command whose user errors end in a message and exit code 1."""

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return func(*args, **kwargs)
            except DataErrors as exc:
                # One line per problem, file:line:col first, so editors can jump to it.
                print(str(exc), file=sys.stderr)
                fail(f"dữ liệu có {len(exc.errors)} lỗi, cần sửa trước khi làm tiếp.")
            except UserError as exc:
                fail(str(exc))

        return group.command(name, help=help, cls=VietnameseCommand, options_metavar="[TÙY_CHỌN]")(run)

    return register


def fail(message: str) -> None:
    print(f"Lỗi: {message}", file=sys.stderr)
    raise typer.Exit(1)


def console():
    from rich.console import Console

    out = Console(highlight=False, soft_wrap=False)
    if not out.is_terminal:
        # Piped or redirected output is read whole, not in an 80-column window.
        out.width = max(out.width, 160)
    return out


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return float(round(value, 6))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__}")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n")
