"""``mtcl plan`` and ``mtcl done``: the plan's deadlines, and recording what was done."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from mtcl.actions import load_actions, overdue_without_action
from mtcl.cli.base import AsOfOption, DataOption, JsonOption, YearOption, command, console, date_option, print_json
from mtcl.labels import TASK_STATUSES
from mtcl.loader import load_year
from mtcl.numbers import format_date, today
from mtcl.overview import evaluation_date
from mtcl.recording import fold
from mtcl.schedule import DUE_SOON_DAYS, OccurrenceState, plan_summary
from mtcl.tracking import Done, plan_json, plan_states, record_completion

COLOURS = {
    "done": "green",
    "done_late": "yellow",
    "overdue": "red",
    "due_soon": "magenta",
    "upcoming": "bright_black",
    "continuous": "cyan",
}


@command("plan", help="Các nhiệm vụ của kế hoạch: hạn, tình trạng, minh chứng.")
def plan(
    task_ids: Annotated[Optional[list[str]], typer.Argument(metavar="[NHIỆM_VỤ]...", help="Chỉ xem các nhiệm vụ này.")] = None,
    as_of: AsOfOption = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Chỉ các lần thực hiện quá hạn.")] = False,
    due_within: Annotated[
        Optional[int], typer.Option("--due-within", help="Chỉ các việc chưa làm có hạn trong số ngày tới (kể cả quá hạn).")
    ] = None,
    lead: Annotated[Optional[str], typer.Option("--lead", help="Chỉ nhiệm vụ do đơn vị này chủ trì.")] = None,
    data: DataOption = None,
    year: YearOption = None,
    as_json: JsonOption = False,
) -> None:
    loaded = load_year(data, year)
    when = evaluation_date(loaded.year, date_option(as_of))
    horizon = DUE_SOON_DAYS if due_within is None else due_within
    states = plan_states(loaded, when, horizon)
    summary = plan_summary(states)
    wanted = {loaded.task(t).id for t in task_ids} if task_ids else None
    shown = [
        s
        for s in states
        if (wanted is None or s.task.id in wanted)
        and (lead is None or fold(lead) in fold(s.task.lead))
        and (not overdue or s.status == "overdue")
        and (due_within is None or (s.is_open and (s.occurrence.due - when).days <= due_within))
    ]
    actions = load_actions(loaded)
    if as_json:
        print_json(plan_json(loaded, when, shown, actions))
        return
    print_plan(loaded.year, when, shown, summary, overdue_without_action(states, actions))


def print_plan(year: int, when, shown: list[OccurrenceState], summary: dict, missing: set[tuple[str, str]]) -> None:
    from rich import box
    from rich.table import Table

    table = Table(title=f"Kế hoạch thực hiện MTCL năm {year} — đến ngày {format_date(when)}", title_justify="left",
                  box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("Nhiệm vụ", no_wrap=True)
    table.add_column("Nội dung", ratio=1, min_width=16)
    table.add_column("Chủ trì", min_width=10)
    table.add_column("Lần", no_wrap=True)
    table.add_column("Hạn", no_wrap=True)
    table.add_column("Tình trạng", min_width=14, ratio=1)
    previous_task, previous_section = None, None
    for state in shown:
        task = state.task
        if task.section != previous_section and table.row_count:
            table.add_section()
        first = task.id != previous_task
        previous_task, previous_section = task.id, task.section
        table.add_row(
            task.id if first else "",
            escape(_short(task.label)) if first else "",
            escape(task.lead) if first else "",
            state.occurrence.key,
            format_date(state.occurrence.due) if state.occurrence.due else "—",
            status_text(state) + (" [red]⚑[/]" if (task.id, state.occurrence.key) in missing else ""),
        )
    out = console()
    out.print(table)
    out.print(summary_line(summary))
    if missing:
        out.print(f"[red]⚑ {len(missing)} lần thực hiện quá hạn chưa có hành động khắc phục[/] "
                  "(mở bằng: mtcl action open NHIỆM_VỤ ...)")


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def status_text(state: OccurrenceState) -> str:
    colour = COLOURS[state.status]
    label = TASK_STATUSES[state.status]
    if state.status in ("done", "done_late"):
        detail = f" {format_date(state.done_on)}"
        if state.days_late:
            detail += f" (trễ {state.days_late} ngày)"
        detail += f": {escape(state.completions[0].evidence)}"
    elif state.status == "overdue":
        detail = f" {state.days_late} ngày"
    elif state.status == "continuous":
        if state.completions:
            detail = f", minh chứng gần nhất {format_date(state.done_on)}"
        elif state.missing_evidence:
            detail = " — [red]hết quý chưa có minh chứng[/]"
        else:
            detail = ""
    else:
        detail = ""
    return f"[{colour}]{label}[/]{detail}"


def summary_line(summary: dict) -> str:
    parts = [f"{summary[s]} {TASK_STATUSES[s].lower()}" for s in TASK_STATUSES if summary[s]]
    if summary["missing_evidence"]:
        parts.append(f"{summary['missing_evidence']} quý thiếu minh chứng việc thường xuyên")
    if summary["on_time_share"] is not None:
        parts.append(f"đúng hạn {str(summary['on_time_share']).replace('.', ',')}% số việc đã đến hạn")
    return " · ".join(parts)


@command("done", help="Ghi nhận một lần thực hiện nhiệm vụ đã xong, kèm minh chứng.")
def done(
    task_id: Annotated[str, typer.Argument(metavar="NHIỆM_VỤ", help="Mã nhiệm vụ, ví dụ I.6.")],
    evidence: Annotated[str, typer.Option("--evidence", help="Minh chứng: số, ký hiệu, tên văn bản.")],
    occurrence: Annotated[
        Optional[str], typer.Option("--occurrence", help="Lần thực hiện (2023-06-15, 2023-Q2...); mặc định lần sớm nhất chưa xong.")
    ] = None,
    done_date: Annotated[Optional[str], typer.Option("--date", help="Ngày hoàn thành (mặc định hôm nay).")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", help="Tệp minh chứng (lưu đường dẫn và mã SHA-256).")] = None,
    by: Annotated[Optional[str], typer.Option("--by", help="Người ghi (mặc định: MTCL_USER).")] = None,
    data: DataOption = None,
    year: YearOption = None,
) -> None:
    loaded = load_year(data, year)
    task = loaded.task(task_id)
    entry = Done(evidence, occurrence, date_option(done_date), file, by)
    completions = record_completion(loaded, task, entry, today())
    completion = completions[-1]
    when = evaluation_date(loaded.year, max(completion.done_on, evaluation_date(loaded.year)))
    state = next(
        s for s in plan_states(loaded, when, completions=completions)
        if s.task.id == task.id and s.occurrence.key == completion.occurrence
    )
    out = console()
    out.print(f"Đã ghi nhận {task.id}, lần {completion.occurrence}, ngày {format_date(completion.done_on)}.")
    out.print(status_text(state))
