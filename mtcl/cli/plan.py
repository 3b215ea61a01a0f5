"""``mtcl plan`` and ``mtcl done``: the plan's deadlines, and recording what was done."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer

from mtcl.cli.base import (AsOfOption, ByOption, DataOption, JsonOption, YearOption, command, console, data_folder,
                           date_option, echo, past_year_notice, reports_folder, stamp, styled, table, today, when)
from mtcl.cli.output import STDOUT, Kind, check_target, deliver, emit_json, only_with, to_stdout
from mtcl.core.completions import Done
from mtcl.core.errors import UserError
from mtcl.core.models import id_key
from mtcl.core.numbers import format_date
from mtcl.core.schedule import DUE_SOON_DAYS, OccurrenceState
from mtcl.core.text import fold, visible
from mtcl.core.words import TASK_STATUS_WORDS, plan_counts_text
from mtcl.files.book import open_year
from mtcl.files.fs import display_path
from mtcl.usecases.status import PlanStatus, plan_status
from mtcl.usecases.views import OCCURRENCE_COLUMNS, pick, plan_json
from mtcl.usecases.writers import add_completion, evidence

COLOURS = {
    "done": "green",
    "done_late": "yellow",
    "overdue": "red",
    "due_soon": "magenta",
    "upcoming": "bright_black",
    "continuous": "cyan",
}
FLAG = "⚑"
WIDE = 100  # columns from which the table keeps its full padding


@command("plan", help="Các nhiệm vụ của kế hoạch: hạn, tình trạng, minh chứng.")
def plan(
    task_ids: Annotated[Optional[list[str]], typer.Argument(metavar="[NHIỆM_VỤ]...", help="Chỉ xem các nhiệm vụ này.")] = None,
    as_of: AsOfOption = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Chỉ các lần thực hiện quá hạn.")] = False,
    due_within: Annotated[
        Optional[int], typer.Option("--due-within", help="Chỉ các việc chưa làm có hạn trong số ngày tới (kể cả quá hạn).")
    ] = None,
    lead: Annotated[Optional[str], typer.Option("--owner", "--lead",
                                                help="Chỉ nhiệm vụ do đơn vị này chủ trì (một phần tên, không cần dấu).")] = None,
    ics: Annotated[bool, typer.Option("--ics", help="Ghi các hạn ra tệp lịch (.ics) cho Google Calendar, Outlook, "
                                                    "điện thoại.")] = False,
    remind: Annotated[Optional[str], typer.Option("--remind", help="Với --ics: nhắc trước bao nhiêu ngày, ví dụ "
                                                                   "7,1 (mặc định).", show_default=False)] = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="Với --ics hoặc --json: tệp ghi ra (- là màn hình); "
                                                              "--ics mặc định ghi reports/NĂM/ke-hoach-mtcl-NĂM.ics.",
                                                show_default=False)] = None,
    data: DataOption = None,
    year: YearOption = None,
    as_json: JsonOption = False,
) -> None:
    book = open_year(data_folder(data), year)
    result = plan_status(book, when(book.year, as_of), DUE_SOON_DAYS if due_within is None else due_within)
    shown = result.select(book, task_ids, lead, overdue, due_within)
    if remind is not None and not ics:
        raise UserError("--remind chỉ dùng với --ics")
    only_with(out, ics or as_json, "--ics hoặc --json")
    if ics:
        write_calendar(book, shown, remind, out, feed_name(task_ids, lead, overdue, due_within))
    elif as_json:
        emit_json(plan_json(result, shown), out)
    else:
        notice = past_year_notice(book)
        if notice:
            console().print(styled(notice, "yellow"))
        print_plan(book.year, result, shown)


def feed_name(task_ids: list[str] | None, lead: str | None, overdue: bool, due_within: int | None) -> str:
    """The feed a choice of tasks makes ('all', 'owner=vh-xh'…): an event it published before
    and has no longer is the one its next file cancels."""
    parts = [f"tasks={','.join(sorted(id_key(t) for t in task_ids))}" if task_ids else "",
             f"owner={fold(lead)}" if lead else "", "overdue" if overdue else "",
             f"within={due_within}" if due_within is not None else ""]
    return "; ".join(part for part in parts if part) or "all"


def write_calendar(book, shown: list[OccurrenceState], remind: str | None, out: Path | None, feed: str) -> None:
    """The calendar to ``--out``; without it, to the reports folder from a terminal, and to
    standard output when that is redirected (``mtcl plan --ics > lich.ics``)."""
    from mtcl.report.calendar import is_calendar, plan_deadlines, publish_feed, reminder_days  # icalendar: 40 ms

    days = reminder_days(remind)
    if not shown:
        raise UserError("không có nhiệm vụ nào để ghi ra lịch")
    if out is None:
        out = reports_folder(book) / f"ke-hoach-mtcl-{book.year}.ics" if sys.stdout.isatty() else Path(STDOUT)
    if not to_stdout(out):
        check_target(out, Kind("tệp lịch", None, is_calendar))
    entries = publish_feed(book, plan_deadlines(book, shown), days, feed, stamp(None).at,
                           lambda content: deliver(content, out))
    counts = Counter(entry.state for entry in entries)
    reminders = f"nhắc trước {', '.join(f'{d} ngày' for d in days)}" if days else "không nhắc"
    said = f"{counts['open']} hạn chưa xong, {reminders}; {counts['done']} lần đã xong ghi là hủy để lịch bỏ đi"
    if counts["removed"]:
        said += f"; {counts['removed']} lần không còn trong kế hoạch ghi là hủy"
    if to_stdout(out):
        echo(f"Đã in lịch ra đầu ra chuẩn ({said}).", err=True)
    else:
        echo(f"Đã ghi lịch: {display_path(out)} ({said}). Mở tệp bằng Outlook, hoặc nhập vào Google Calendar "
             "(Cài đặt › Nhập và xuất).")


SHOWN = ("id", "work", "lead", "when", "status")
LAYOUT = {"id": dict(no_wrap=True), "work": dict(ratio=1, min_width=14), "lead": dict(min_width=9),
          "when": dict(min_width=10), "status": dict(min_width=14, ratio=1)}


def print_plan(year: int, result: PlanStatus, shown: list[OccurrenceState]) -> None:
    out = console()
    grid = table(f"Kế hoạch thực hiện MTCL năm {year} — đến ngày {format_date(result.as_of)}",
                 narrow=out.width < WIDE)
    columns = pick(OCCURRENCE_COLUMNS, SHOWN)
    for column in columns:
        grid.add_column(column.narrow, **LAYOUT[column.key])
    previous_task, previous_section = None, None
    for state in shown:
        task = state.task
        if task.section != previous_section and grid.row_count:
            grid.add_section()
        first = task.id != previous_task
        previous_task, previous_section = task.id, task.section
        status = status_text(state)
        if (task.id, state.occurrence.key) in result.missing:
            status.append(f" {FLAG}", style="red")
        # A task's own cells on its first occurrence only; a long text wraps at its words.
        grid.add_row(*[status if column.key == "status" else column.shown(state)
                       if first or column.key == "when" else "" for column in columns])
    out.print(grid)
    out.print(plan_counts_text(result.summary))
    if result.missing:
        out.print(styled(f"{FLAG} {len(result.missing)} lần thực hiện quá hạn chưa có hành động khắc phục", "red"),
                  "(mở bằng: mtcl action open NHIỆM_VỤ ...)")


def status_text(state: OccurrenceState):
    """'Đã hoàn thành 01/02/2023: QĐ 27', 'Quá hạn 71 ngày', … in the state's colour."""
    text = styled(TASK_STATUS_WORDS[state.status], COLOURS[state.status])
    if state.status in ("done", "done_late"):
        detail = f" {format_date(state.done_on)}"
        if state.days_late:
            detail += f" (trễ {state.days_late} ngày)"
        text.append(visible(f"{detail}: {state.completions[0].evidence}"))
    elif state.status == "overdue":
        text.append(f" {state.days_late} ngày")
    elif state.status == "continuous":
        if state.completions:
            text.append(f", minh chứng gần nhất {format_date(state.done_on)}")
        elif state.missing_evidence:
            text.append(" — ").append("hết quý chưa có minh chứng", style="red")
    return text


@command("done", help="Ghi nhận một lần thực hiện nhiệm vụ đã xong, kèm minh chứng.")
def done(
    task_id: Annotated[str, typer.Argument(metavar="NHIỆM_VỤ", help="Mã nhiệm vụ, ví dụ I.6.")],
    evidence_text: Annotated[str, typer.Option("--evidence", help="Minh chứng: số, ký hiệu, tên văn bản.")],
    occurrence: Annotated[
        Optional[str], typer.Option("--occurrence", help="Lần thực hiện (2023-06-15, 2023-Q2...); mặc định lần sớm nhất chưa xong.")
    ] = None,
    done_date: Annotated[Optional[str], typer.Option("--as-of", "--date", help="Ngày hoàn thành (mặc định hôm nay).",
                                                     show_default=False)] = None,
    file: Annotated[Optional[Path], typer.Option("--file", help="Tệp minh chứng (lưu đường dẫn và mã SHA-256).")] = None,
    by: ByOption = None,
    data: DataOption = None,
    year: YearOption = None,
) -> None:
    book = open_year(data_folder(data), year)
    task = book.task(task_id)
    found = evidence(book, file) if file else None
    if found and found.warning:
        echo(f"Lưu ý: {found.warning}.", err=True)
    entry = Done(evidence_text, occurrence, date_option(done_date), found and found.path, found and found.sha256)
    book, completion = add_completion(book, task, entry, today(), stamp(by))
    judged = max(completion.done_on, when(book.year))
    state = next(
        s for s in plan_status(book, judged).states
        if s.task.id == task.id and s.occurrence.key == completion.occurrence
    )
    out = console()
    out.print(f"Đã ghi nhận {task.id}, lần {completion.occurrence}, ngày {format_date(completion.done_on)}; "
              f"mã dòng {completion.ref}.")
    out.print(status_text(state))
