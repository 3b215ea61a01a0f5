"""``mtcl action open|close|list``: the corrective-action register (sổ theo dõi HĐKP)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.markup import escape

from mtcl.actions import ACTION_STATES, Request, action_json, close_action, load_actions, open_action
from mtcl.cli.base import DataOption, JsonOption, YearOption, action_app, command, console, date_option, print_json
from mtcl.loader import load_year
from mtcl.models import Target, Task
from mtcl.numbers import format_date, today
from mtcl.overview import evaluation_date, year_status
from mtcl.tracking import plan_states

ByOption = Annotated[Optional[str], typer.Option("--by", help="Người ghi (mặc định: MTCL_USER).")]


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
    loaded = load_year(data, year)
    entry = loaded.find(subject, (Target, Task))
    when = evaluation_date(loaded.year)
    request = Request(problem, action, owner, date_option(due), cause, occurrence, by, force)
    opened = open_action(loaded, entry, request, year_status(loaded, when).evaluations, plan_states(loaded, when), today())
    where = f"{opened.subject}" + (f", lần {opened.occurrence}" if opened.occurrence else "")
    console().print(f"Đã mở {opened.id} ({escape(where)}), hạn {format_date(opened.due)}, phụ trách: {escape(opened.owner)}.")


@command("close", help="Đóng hành động khắc phục, ghi kết quả và đánh giá hiệu lực.", group=action_app)
def close(
    action_id: Annotated[str, typer.Argument(metavar="SỐ_PHIẾU", help="Ví dụ HĐKP-2023-01 (hoặc HDKP-2023-01).")],
    result: Annotated[str, typer.Option("--result", help="Kết quả thực hiện.")],
    evidence: Annotated[Optional[str], typer.Option("--evidence", help="Minh chứng.")] = None,
    effective: Annotated[bool, typer.Option("--effective/--not-effective", help="Hành động có hiệu lực hay không.")] = True,
    by: ByOption = None,
    data: DataOption = None,
    year: YearOption = None,
) -> None:
    loaded = load_year(data, year)
    closed = close_action(loaded, action_id, result, evidence, effective, by, today())
    verdict = "có hiệu lực" if closed.effective else "chưa có hiệu lực"
    console().print(f"Đã đóng {closed.id} ngày {format_date(closed.closed_on)}: {verdict}.")


@command("list", help="Sổ theo dõi hành động khắc phục của năm.", group=action_app)
def list_(
    only_open: Annotated[bool, typer.Option("--open", help="Chỉ các hành động chưa đóng.")] = False,
    data: DataOption = None,
    year: YearOption = None,
    as_json: JsonOption = False,
) -> None:
    loaded = load_year(data, year)
    when = evaluation_date(loaded.year)
    actions = [a for a in load_actions(loaded) if a.is_open or not only_open]
    if as_json:
        print_json([action_json(a, when) for a in actions])
        return
    if not actions:
        console().print("Chưa có hành động khắc phục nào." if not only_open else "Không có hành động nào đang mở.")
        return
    from rich import box
    from rich.table import Table

    table = Table(title=f"Sổ theo dõi hành động khắc phục năm {loaded.year}", title_justify="left",
                  box=box.SIMPLE_HEAD, pad_edge=False)
    for heading in ("Số phiếu", "Đối tượng", "Sự không phù hợp", "Hành động", "Phụ trách", "Hạn", "Tình trạng"):
        table.add_column(heading, no_wrap=heading in ("Số phiếu", "Hạn"))
    for a in actions:
        state = a.state(when)
        verdict = ""
        if a.closed is not None:
            verdict = f" {format_date(a.closed.closed_on)}, {'có hiệu lực' if a.closed.effective else 'chưa có hiệu lực'}"
        colour = {"open": "cyan", "overdue": "red", "closed": "green"}[state]
        subject = a.opened.subject + (f" ({a.opened.occurrence})" if a.opened.occurrence else "")
        table.add_row(a.id, escape(subject), escape(a.opened.problem), escape(a.opened.action), escape(a.opened.owner),
                      format_date(a.opened.due), f"[{colour}]{ACTION_STATES[state]}[/]{verdict}")
    console().print(table)
