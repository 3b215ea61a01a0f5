"""``mtcl action open|close|list``: the corrective-action register (sổ theo dõi HĐKP)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from mtcl.cli.base import (ByOption, DataOption, JsonOption, YearOption, action_app, command, console, data_folder,
                           date_option, stamp, styled, table, today, when)
from mtcl.cli.output import OutOption, emit_json, only_with
from mtcl.core.actions import Request
from mtcl.core.errors import UserError
from mtcl.core.models import Target, Task
from mtcl.core.numbers import format_date
from mtcl.core.words import ACTION_STATE_WORDS, verdict
from mtcl.files.book import open_year
from mtcl.usecases.views import action_json
from mtcl.usecases.writers import close_action, open_action

STATE_COLOURS = {"open": "cyan", "overdue": "red", "closed": "green"}


@command("open", help="Mở hành động khắc phục cho chỉ tiêu chưa đạt/chậm hoặc nhiệm vụ quá hạn.", group=action_app)
def open_(
    subject: Annotated[str, typer.Argument(metavar="CHỈ_TIÊU|NHIỆM_VỤ", help="Mã chỉ tiêu (5.6) hoặc nhiệm vụ (I.3).")],
    problem: Annotated[str, typer.Option("--problem", help="Mô tả sự không phù hợp.")],
    action: Annotated[str, typer.Option("--action", help="Hành động khắc phục sẽ làm.")],
    owner: Annotated[str, typer.Option("--owner", help="Người hoặc bộ phận thực hiện.")],
    due: Annotated[str, typer.Option("--due", help="Thời hạn hoàn thành (30/9/2023).")],
    cause: Annotated[Optional[str], typer.Option("--cause", help="Nguyên nhân.")] = None,
    occurrence: Annotated[Optional[str], typer.Option("--occurrence", help="Lần thực hiện của nhiệm vụ (mặc định lần quá hạn sớm nhất).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Mở cả khi chỉ tiêu đang đạt (phòng ngừa, cải tiến).")] = False,
    by: ByOption = None,
    data: DataOption = None,
    year: YearOption = None,
) -> None:
    book = open_year(data_folder(data), year, last_year=True)
    entry = book.find(subject, (Target, Task))
    request = Request(problem, action, owner, date_option(due), cause, occurrence, force)
    _, opened = open_action(book, entry, request, when(book.year), today(), stamp(by))
    where = opened.opened.subject + (f", lần {opened.opened.occurrence}" if opened.opened.occurrence else "")
    console().print(f"Đã mở {opened.id} ({where}), hạn {format_date(opened.opened.due)}, "
                    f"phụ trách: {opened.opened.owner}.")


@command("close", help="Đóng hành động khắc phục, ghi kết quả và đánh giá hiệu lực.", group=action_app)
def close(
    action_id: Annotated[str, typer.Argument(metavar="SỐ_PHIẾU", help="Ví dụ HĐKP-2023-01 (hoặc HDKP-2023-01).")],
    result: Annotated[str, typer.Option("--result", help="Kết quả thực hiện.")],
    evidence: Annotated[Optional[str], typer.Option("--evidence", help="Minh chứng.")] = None,
    effective: Annotated[Optional[bool], typer.Option("--effective/--not-effective",
                                                      help="Bắt buộc: hành động có hiệu lực hay không.",
                                                      show_default=False)] = None,
    by: ByOption = None,
    data: DataOption = None,
    year: YearOption = None,
) -> None:
    if effective is None:
        raise UserError("cần nói hành động có hiệu lực hay không", "thêm --effective (có hiệu lực) hoặc --not-effective "
                        "(chưa có hiệu lực)")
    book = open_year(data_folder(data), year)
    closed = close_action(book, action_id, result, evidence, effective, today(), stamp(by)).closed
    console().print(f"Đã đóng {closed.id} ngày {format_date(closed.closed_on)}: {verdict(closed.effective)}; mã dòng "
                    f"{closed.ref} (rút bằng: mtcl void {closed.ref} --reason …).")


@command("list", help="Sổ theo dõi hành động khắc phục của năm.", group=action_app)
def list_(
    only_open: Annotated[bool, typer.Option("--open", help="Chỉ các hành động chưa đóng.")] = False,
    data: DataOption = None,
    year: YearOption = None,
    as_json: JsonOption = False,
    out: OutOption = None,
) -> None:
    only_with(out, as_json, "--json")
    book = open_year(data_folder(data), year)
    on = when(book.year)
    actions = [a for a in book.actions if a.is_open or not only_open]
    if as_json:
        emit_json([action_json(a, on) for a in actions], out)
        return
    if not actions:
        console().print("Chưa có hành động khắc phục nào." if not only_open else "Không có hành động nào đang mở.")
        return
    grid = table(f"Sổ theo dõi hành động khắc phục năm {book.year}")
    grid.add_column("Số phiếu, đối tượng", no_wrap=True)
    grid.add_column("Sự không phù hợp", ratio=1, min_width=12)
    grid.add_column("Hành động", ratio=1, min_width=12)
    grid.add_column("Phụ trách, hạn", ratio=1, min_width=10)
    grid.add_column("Tình trạng", min_width=10)
    for a in actions:
        state = a.state(on)
        status = styled(ACTION_STATE_WORDS[state], STATE_COLOURS[state])
        if a.closed is not None:
            status.append(f" {format_date(a.closed.closed_on)}, {verdict(a.closed.effective)}")
        subject = a.opened.subject + (f" ({a.opened.occurrence})" if a.opened.occurrence else "")
        grid.add_row(f"{a.id}\n{subject}", a.opened.problem, a.opened.action,
                      f"{a.opened.owner}, hạn {format_date(a.opened.due)}", status)
    console().print(grid)
