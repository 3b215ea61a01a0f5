"""The typer app, the options every command shares, and the edge of the program: the one
place errors become exits, and where the clock and the environment are read.

A command registered with ``command`` turns a ``UserError`` (bad input, bad data) into its
message on standard error and exit code 1; typer itself exits 2 on a usage error.  Nothing
below the CLI reads ``MTCL_TODAY``, ``MTCL_USER``, ``MTCL_DATA`` or the clock: they are read
here and handed down as values.
"""

from __future__ import annotations

import functools
import getpass
import json
import os
import shutil
import sys
import textwrap
from collections.abc import Callable
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from mtcl import __version__
from mtcl.cli.streams import as_shown
from mtcl.cli.vietnamese import VietnameseCommand, VietnameseGroup
from mtcl.core.entries import Stamp
from mtcl.core.errors import DataErrors, UserError
from mtcl.core.numbers import parse_date
from mtcl.core.periods import check_period, evaluation_date
from mtcl.core.text import typed, visible
from mtcl.files.fs import display_path, os_problem, printable_path


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


app = _group("mtcl", "Theo dõi Mục tiêu chất lượng (ISO 9001:2015) của cơ quan: số liệu, kế hoạch, báo cáo.")
action_app = _group("action", "Hành động khắc phục (ISO 9001 điều 10.2): mở, đóng, sổ theo dõi.")
templates_app = _group("templates", "Mẫu văn bản có sẵn: xem danh sách, lấy ra để sửa theo mẫu của cơ quan.")
app.add_typer(action_app)
app.add_typer(templates_app)


def _show_version(value: bool) -> None:
    if value:
        echo(f"mtcl {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", help="In phiên bản của mtcl rồi thoát.", is_eager=True,
                                          callback=_show_version)] = False,
) -> None:
    """Theo dõi Mục tiêu chất lượng (ISO 9001:2015) của cơ quan: số liệu, kế hoạch, báo cáo."""


DataOption = Annotated[
    Optional[Path],
    typer.Option("--data", help="Thư mục dữ liệu (mặc định: biến MTCL_DATA, hoặc ./data).", show_default=False),
]
YearOption = Annotated[
    Optional[int], typer.Option("--year", help="Năm làm việc (mặc định: năm mới nhất).", show_default=False)
]
JsonOption = Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON.")]
PdfOption = Annotated[bool, typer.Option("--pdf", help="Lập thêm bản PDF bên cạnh tệp Word (cần LibreOffice).")]
AsOfOption = Annotated[
    Optional[str], typer.Option("--as-of", help="Ngày đánh giá (15/6/2023 hoặc 2023-06-15).", show_default=False)
]
PeriodOption = Annotated[
    Optional[str], typer.Option("--period", help="Kỳ: q1, q2, q3, q4, h1, 9m, year (đánh giá tại ngày cuối kỳ).")
]
ByOption = Annotated[Optional[str], typer.Option("--by", help="Người ghi (mặc định: MTCL_USER).")]
OwnerOption = Annotated[
    Optional[str], typer.Option("--owner", help="Chỉ các chỉ tiêu của đơn vị này (một phần tên, không cần dấu).")
]


def data_folder(data: Path | None) -> Path:
    """``--data``, else ``$MTCL_DATA``, else ``./data``."""
    return data or Path(os.environ.get("MTCL_DATA") or "data")


def reports_folder(book) -> Path:
    """Where documents are written by default: reports/YEAR beside the data folder."""
    folder = book.root.resolve().parent / "reports" / str(book.year)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def today() -> date:
    """Today, or the date in ``MTCL_TODAY`` (to catch up on a past day, and for tests)."""
    fixed = os.environ.get("MTCL_TODAY")
    return parse_date(fixed) if fixed else date.today()


def user(by: str | None) -> str:
    """Who records: ``--by``, else ``$MTCL_USER``, else the login name."""
    if by and by.strip():
        return typed(by, "--by")
    named = os.environ.get("MTCL_USER")
    if named and named.strip():
        return typed(named, "biến MTCL_USER")
    try:
        return typed(getpass.getuser(), "tên đăng nhập") or "không rõ"
    except (KeyError, OSError):
        return "không rõ"


def stamp(by: str | None) -> Stamp:
    """Who writes a line, and now (UTC, to the second)."""
    return Stamp(user(by), datetime.now(timezone.utc).replace(microsecond=0))


def date_option(text: str | None) -> date | None:
    """A date typed the Vietnamese way (15/6/2023) or ISO (2023-06-15), if given."""
    return parse_date(text) if text is not None else None


def past_year_notice(book) -> str | None:
    """Said once on a first run: a year that is over with no figure at all shows every target
    without figures and every task overdue, and the officer should know why and what next."""
    now = today().year
    if book.year >= now or book.records:
        return None
    return (f"Lưu ý: năm {book.year} đã qua mà chưa có số liệu nào được ghi, nên mọi chỉ tiêu là “Chưa có số liệu” "
            f"và các nhiệm vụ đều quá hạn. Xem thử với số liệu minh họa: mtcl status --data examples; bắt đầu năm "
            f"{now}: mtcl init {now} (hoặc mtcl init {now} --from-decision QĐ.docx).")


def when(year: int, as_of: str | None = None, period: str | None = None) -> date:
    """The date a view is judged at: ``--as-of``, or ``--period``'s end, or today kept in the year."""
    if as_of is not None and period is not None:
        raise UserError("chỉ dùng một trong hai: --as-of hoặc --period")
    return evaluation_date(year, today(), date_option(as_of), check_period(period) if period else None)


def command(name: str, help: str, group: typer.Typer = app) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a command whose user errors end in a message and exit code 1."""

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return func(*args, **kwargs)
            except DataErrors as exc:
                # One line per problem, file:line:col first, so editors can jump to it.
                echo(str(exc), err=True)
                fail(f"dữ liệu có {len(exc.errors)} lỗi, cần sửa trước khi làm tiếp.")
            except UserError as exc:
                fail(str(exc))
            except OSError as exc:
                # A file problem no module expected (a name too long, a folder that vanished):
                # still a message, never a traceback.
                where = f" '{printable_path(Path(exc.filename))}'" if exc.filename else ""
                fail(f"không đọc, ghi được tệp{where}: {os_problem(exc)}")
            except RuntimeError as exc:
                if "Symlink loop" not in str(exc):
                    raise
                fail(f"đường dẫn là liên kết vòng (symlink trỏ về chính nó): {exc}")
            except KeyboardInterrupt:
                # Every write is whole or not at all (a temporary file renamed into place).
                echo("", err=True)
                echo("Đã dừng (Ctrl-C). Không tệp nào bị ghi dở: dòng đang ghi (nếu có) hoặc đã ghi đủ, hoặc chưa ghi.",
                     err=True)
                raise typer.Exit(INTERRUPTED) from None

        return group.command(name, help=help, cls=VietnameseCommand, options_metavar="[TÙY_CHỌN]")(run)

    return register


def written_with_pdf(written: Path, what: str, pdf: bool) -> None:
    """Say where a document was written and, asked for, write its PDF beside it."""
    echo(f"Đã lập {what}: {display_path(written)}")
    if pdf:
        pdf_beside(written)


def pdf_beside(written: Path) -> None:
    """Write the PDF of a document or workbook just written beside it; without LibreOffice
    the file stays and the message says how to get the PDF."""
    from mtcl.files.pdf import to_pdf  # subprocess and tempfile: 2 ms, only when a PDF is asked for

    folders = (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)"))  # LibreOffice on Windows
    try:
        echo(f"Đã lập bản PDF: {display_path(to_pdf(written, folders))}")
    except UserError as exc:
        fail(f"{exc} (tệp {'Excel' if written.suffix.lower() == '.xlsx' else 'Word'} đã lập xong)")


INTERRUPTED = 130  # the exit code of a program stopped by Ctrl-C, as shells give it


def fail(message: str) -> None:
    echo(f"Lỗi: {message}", err=True)
    raise typer.Exit(1)


def echo(text: str = "", err: bool = False, end: str = "\n") -> None:
    """Text on standard output (or error) as it is: a control character that a file or the
    command line held is written out (\x1b), never sent to the terminal."""
    stream = sys.stderr if err else sys.stdout
    stream.write(visible(text) + end)


YES = {"c", "có", "co", "y", "yes"}
NO = {"k", "không", "khong", "n", "no", ""}


def ask(question: str) -> bool:
    """A yes-or-no question in Vietnamese, wrapped to the window; Enter alone answers no."""
    width = max(40, shutil.get_terminal_size().columns - 1)
    *lines, last = question.splitlines()
    for line in lines:
        echo(textwrap.fill(line, width))
    last = textwrap.fill(f"{last} [c/K]:", width)
    while True:
        try:
            answer = input(f"{last} ").strip().casefold()
        except EOFError:
            return False
        except KeyboardInterrupt:
            echo("", err=True)
            echo("Đã dừng (Ctrl-C) khi đang hỏi: chưa ghi gì.", err=True)
            raise typer.Exit(INTERRUPTED) from None
        if answer in YES or answer in NO:
            return answer in YES
        echo("Trả lời c (có) hoặc k (không).")


def console():
    """The terminal, printing text as it is: nothing from a file or a user is read as markup,
    and no control character reaches the screen."""
    out = _console_class()(highlight=False, soft_wrap=False, markup=False, emoji=False)
    if not out.is_terminal and "COLUMNS" not in os.environ:
        # Piped or redirected output is read whole, not in an 80-column window.
        out.width = max(out.width, 160)
    return out


@functools.cache
def _console_class():
    from rich.console import Console  # 18 ms; --json and --help do without it

    class SafeConsole(Console):
        def render_str(self, text: str, **kwargs: Any):
            return super().render_str(as_shown(visible(text)), **kwargs)

    return SafeConsole


def styled(text: str, style: str):
    """A piece of text in a colour, never parsed for markup, its control characters written out."""
    from rich.text import Text  # 12 ms, loaded with the console; kept out of --json

    return Text(as_shown(visible(text)), style=style)


def table(title: str, narrow: bool = False):
    """A table in the style of every listing: a title on the left, a rule under the
    headings, no outer frame; in a narrow window the padding between columns is halved."""
    from rich import box  # rich's tables: 15 ms, only for the commands that print one
    from rich.table import Table

    return Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=narrow)


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return float(round(value, 6))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__}")


def json_text(data: Any) -> str:
    """The JSON mtcl gives other programs: UTF-8 text, numbers as numbers, dates as 2023-06-30."""
    return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"


def print_json(data: Any) -> None:
    sys.stdout.write(json_text(data))
