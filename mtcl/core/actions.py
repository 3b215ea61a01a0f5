"""Corrective actions (hành động khắc phục, ISO 9001 clause 10.2): the events of the
register, what the officer types to open or close one, and the rules they obey.

The register is append-only like every file the tool writes: opening an action adds an
``open`` line, closing it adds a ``close`` line with the result and the check of
effectiveness.  An action is opened on what went wrong: a target not met, near or behind,
or an overdue occurrence of a plan task; anything else needs ``force``.  Ids run per year:
HĐKP-2023-01, HĐKP-2023-02… and are given under the file's lock, so two officers opening
actions at once get different ids.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass as plain_dataclass
from datetime import date
from typing import Annotated, Literal

from pydantic import Field
from pydantic.dataclasses import dataclass

from mtcl.core.attainment import Evaluation
from mtcl.core.entries import ENTRY_CONFIG, Stamp
from mtcl.core.errors import UserError
from mtcl.core.models import Id, Target, Task, Text
from mtcl.core.schedule import OccurrenceState
from mtcl.core.text import clean, typed
from mtcl.core.words import STATUS_WORDS

ACTIONS_FILE = "actions.jsonl"
REF_PREFIX = "DP"  # a closing (đóng phiếu)
# The statuses of a target that call for a corrective action.
NEEDS_ACTION = ("behind", "over_pace", "near", "not_met")  # falling short, in the order reports name them


@dataclass(kw_only=True, slots=True, frozen=True, config=ENTRY_CONFIG)
class ActionOpened:
    """A corrective action opened (phiếu yêu cầu hành động khắc phục), ISO 9001 clause 10.2."""

    event: Literal["open"] = "open"
    id: Text
    subject: Id  # the target or task the nonconformity is about
    subject_kind: Literal["target", "task"]
    occurrence: str | None = None  # for a task: the overdue occurrence
    problem: Text
    cause: str | None = None
    action: Text
    owner: Text
    due: dt.date
    opened_on: dt.date
    by: Text
    recorded_at: dt.datetime


@dataclass(kw_only=True, slots=True, frozen=True, config=ENTRY_CONFIG)
class ActionClosed:
    """A corrective action closed, with the check of its effectiveness; withdrawn by its
    reference (``DP-…``) like a figure, the action is open again."""

    event: Literal["close"] = "close"
    ref: str | None = None  # written by mtcl; worked out for lines written before (entries.py)
    id: Text
    result: Text
    evidence: str | None = None
    effective: bool
    closed_on: dt.date
    by: Text
    recorded_at: dt.datetime


ActionEvent = Annotated[ActionOpened | ActionClosed, Field(discriminator="event")]


@plain_dataclass(frozen=True)
class Action:
    """One action of the register: its opening and, once closed, its closing."""

    opened: ActionOpened
    closed: ActionClosed | None

    @property
    def id(self) -> str:
        return self.opened.id

    @property
    def is_open(self) -> bool:
        return self.closed is None

    def state(self, on: date) -> str:
        """'open', 'overdue' (open past its due date) or 'closed'."""
        if self.closed is not None:
            return "closed"
        return "overdue" if on > self.opened.due else "open"


def gather_actions(events: Iterable[ActionOpened | ActionClosed], withdrawn: Container[str] = ()) -> list[Action]:
    """The register's events folded into actions, in the order they were opened; a closing
    withdrawn (by its reference) leaves its action open."""
    opened: dict[str, ActionOpened] = {}
    closed: dict[str, ActionClosed] = {}
    for event in events:
        if isinstance(event, ActionOpened):
            opened.setdefault(event.id, event)
        elif event.ref not in withdrawn:
            closed.setdefault(event.id, event)
    return [Action(o, closed.get(key)) for key, o in opened.items()]


ACTION_ID = re.compile(r"HĐKP-[0-9]{4}-[0-9]{2,}")


def next_id(year: int, events: list) -> str:
    numbers = [int(e.id.rsplit("-", 1)[1]) for e in events if isinstance(e, ActionOpened)]
    return f"HĐKP-{year}-{max(numbers, default=0) + 1:02d}"


@plain_dataclass(frozen=True)
class Request:
    """What the officer typed for ``mtcl action open``."""

    problem: str
    action: str
    owner: str
    due: date
    cause: str | None = None
    occurrence: str | None = None
    force: bool = False


def check_subject(
    subject: Target | Task, request: Request, evaluations: list[Evaluation], tasks: list[OccurrenceState]
) -> str | None:
    """The occurrence key for a task; refuse a subject with nothing wrong unless forced."""
    if isinstance(subject, Target):
        status = next(e.status for e in evaluations if e.target.id == subject.id)
        if status not in NEEDS_ACTION and not request.force:
            raise UserError(
                f"chỉ tiêu {subject.id} đang ở mức '{STATUS_WORDS[status]}': chỉ mở hành động khắc phục "
                "cho chỉ tiêu chưa đạt, gần đạt hoặc chậm tiến độ",
                "nếu vẫn cần (hành động phòng ngừa, cải tiến), thêm --force",
            )
        return None
    states = [s for s in tasks if s.task.id == subject.id]
    if request.occurrence is not None:
        chosen = [s for s in states if s.occurrence.key.casefold() == request.occurrence.strip().casefold()]
        if not chosen:
            keys = ", ".join(s.occurrence.key for s in states)
            raise UserError(f"nhiệm vụ {subject.id} không có lần thực hiện '{request.occurrence}'", f"các lần: {keys}")
    else:
        chosen = [s for s in states if s.status == "overdue"] or states[:1]
    state = chosen[0]
    if state.status != "overdue" and not state.missing_evidence and not request.force:
        raise UserError(
            f"nhiệm vụ {subject.id}, lần {state.occurrence.key}, không quá hạn",
            "nếu vẫn cần, thêm --force",
        )
    return state.occurrence.key


def check_request(request: Request, today: date) -> None:
    """Refuse a request before anything is looked up: empty or unprintable texts, a due
    date gone or far away."""
    for text, name in ((request.problem, "--problem"), (request.action, "--action"), (request.owner, "--owner")):
        if not text.strip():
            raise UserError(f"{name} không được để trống")
    for text, name, lines in ((request.problem, "--problem", True), (request.action, "--action", True),
                              (request.owner, "--owner", False), (request.cause, "--cause", True)):
        typed(text, name, lines)
    if request.due < today:
        raise UserError(f"thời hạn {request.due:%d/%m/%Y} đã qua")
    if request.due.year > today.year + 1:
        raise UserError(f"thời hạn {request.due:%d/%m/%Y} quá xa (hành động khắc phục làm trong năm nay hoặc năm sau)",
                        "kiểm tra lại năm đã gõ")


def build_opened(subject: Target | Task, occurrence: str | None, request: Request, year: int, events: list,
                 today: date, stamp: Stamp) -> ActionOpened:
    """The opening line, numbered after the ``events`` already in the register."""
    return ActionOpened(
        id=next_id(year, events),
        subject=subject.id,
        subject_kind="target" if isinstance(subject, Target) else "task",
        occurrence=occurrence,
        problem=typed(request.problem, "--problem", multiline=True),
        cause=typed(request.cause, "--cause", multiline=True),
        action=typed(request.action, "--action", multiline=True),
        owner=typed(request.owner, "--owner"),
        due=request.due,
        opened_on=today,
        by=clean(stamp.by),
        recorded_at=stamp.at,
    )


def find_action(actions: list[Action], text: str) -> Action:
    wanted = text.strip().casefold().replace("hdkp", "hđkp")
    for action in actions:
        if action.id.casefold() == wanted:
            return action
    known = ", ".join(a.id for a in actions) or "chưa có"
    raise UserError(f"không có hành động khắc phục '{text}'", f"các phiếu hiện có: {known}")


def build_closed(text: str, result: str, evidence: str | None, effective: bool, events: list,
                 today: date, stamp: Stamp, withdrawn: Container[str] = ()) -> ActionClosed:
    """The closing line of the action named ``text``, from the register's ``events`` (read
    under the lock, so an action a colleague closed a moment ago is seen closed; a closing
    ``withdrawn`` leaves it open)."""
    if not result.strip():
        raise UserError("--result không được để trống: ghi kết quả thực hiện")
    action = find_action(gather_actions(events, withdrawn), text)
    if not action.is_open:
        raise UserError(f"hành động {action.id} đã đóng ngày {action.closed.closed_on:%d/%m/%Y}")
    return ActionClosed(
        id=action.id,
        result=typed(result, "--result", multiline=True),
        evidence=typed(evidence, "--evidence"),
        effective=effective,
        closed_on=today,
        by=clean(stamp.by),
        recorded_at=stamp.at,
    )


def open_actions_by_subject(actions: list[Action]) -> dict[tuple[str, str | None], list[Action]]:
    """Open actions keyed by (subject, occurrence); a target's key has no occurrence."""
    found: dict[tuple[str, str | None], list[Action]] = {}
    for action in actions:
        if action.is_open:
            found.setdefault((action.opened.subject, action.opened.occurrence), []).append(action)
    return found


def overdue_without_action(tasks: list[OccurrenceState], actions: list[Action]) -> set[tuple[str, str]]:
    covered = open_actions_by_subject(actions)
    return {
        (s.task.id, s.occurrence.key)
        for s in tasks
        if s.status == "overdue" and (s.task.id, s.occurrence.key) not in covered
    }


def actions_about(actions: list[Action], subject: str, occurrence: str | None) -> list[Action]:
    """Every action (open or closed) on a target, or on one occurrence of a task."""
    return [a for a in actions if a.opened.subject == subject and a.opened.occurrence == occurrence]
