"""Corrective actions (hành động khắc phục, ISO 9001 clause 10.2) and their register.

The register is append-only like every file the tool writes: opening an action adds an
``open`` line, closing it adds a ``close`` line with the result and the check of
effectiveness.  An action is opened on what went wrong: a target not met, near or behind,
or an overdue occurrence of a plan task; anything else needs ``force``.  Ids run per year:
HĐKP-2023-01, HĐKP-2023-02… and are given under the file's lock, so two officers opening
actions at once get different ids.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timezone

from mtcl.attainment import Evaluation
from mtcl.errors import UserError
from mtcl.labels import STATUSES
from mtcl.loader import YearData
from mtcl.models import ActionClosed, ActionEvent, ActionOpened, Target, Task
from mtcl.recording import current_user
from mtcl.schedule import OccurrenceState
from mtcl.store import JsonlStore

ACTIONS_FILE = "actions.jsonl"
NEEDS_ACTION = ("not_met", "near", "behind")


@dataclass(frozen=True)
class Action:
    opened: ActionOpened
    closed: ActionClosed | None

    @property
    def id(self) -> str:
        return self.opened.id

    @property
    def is_open(self) -> bool:
        return self.closed is None

    def state(self, on: date) -> str:
        if self.closed is not None:
            return "closed"
        return "overdue" if on > self.opened.due else "open"


ACTION_STATES = {"open": "Đang thực hiện", "overdue": "Quá hạn", "closed": "Đã đóng"}


def actions_store(year: YearData) -> JsonlStore:
    return JsonlStore(year.folder / ACTIONS_FILE, ActionEvent)


def fold(events: Iterable[ActionOpened | ActionClosed]) -> list[Action]:
    opened: dict[str, ActionOpened] = {}
    closed: dict[str, ActionClosed] = {}
    for event in events:
        (opened if isinstance(event, ActionOpened) else closed).setdefault(event.id, event)
    return [Action(o, closed.get(key)) for key, o in opened.items()]


def actions_check(year: YearData) -> Callable[[ActionOpened | ActionClosed], str | None]:
    """What a stored event must satisfy: a subject still in the year's files, and a close
    after its open."""
    opened: set[str] = set()

    def check(event: ActionOpened | ActionClosed) -> str | None:
        if isinstance(event, ActionOpened):
            opened.add(event.id)
            known = year.targets if event.subject_kind == "target" else year.tasks
            if event.subject not in known:
                return f"hành động {event.id} nói về '{event.subject}', không còn trong mục tiêu và kế hoạch"
            return None
        if event.id not in opened:
            return f"đóng hành động '{event.id}' chưa từng được mở"
        return None

    return check


def load_actions(year: YearData) -> list[Action]:
    return fold(actions_store(year).load(actions_check(year)))


def next_id(year: int, events: list) -> str:
    numbers = [int(e.id.rsplit("-", 1)[1]) for e in events if isinstance(e, ActionOpened)]
    return f"HĐKP-{year}-{max(numbers, default=0) + 1:02d}"


@dataclass(frozen=True)
class Request:
    """What the officer typed for ``mtcl action open``."""

    problem: str
    action: str
    owner: str
    due: date
    cause: str | None = None
    occurrence: str | None = None
    by: str | None = None
    force: bool = False


def check_subject(
    subject: Target | Task, request: Request, evaluations: list[Evaluation], tasks: list[OccurrenceState]
) -> str | None:
    """The occurrence key for a task; refuse a subject with nothing wrong unless forced."""
    if isinstance(subject, Target):
        status = next(e.status for e in evaluations if e.target.id == subject.id)
        if status not in NEEDS_ACTION and not request.force:
            raise UserError(
                f"chỉ tiêu {subject.id} đang ở mức '{STATUSES[status]}': chỉ mở hành động khắc phục "
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


def open_action(
    year: YearData, subject: Target | Task, request: Request, evaluations: list[Evaluation],
    tasks: list[OccurrenceState], today: date,
) -> ActionOpened:
    for text, name in ((request.problem, "--problem"), (request.action, "--action"), (request.owner, "--owner")):
        if not text.strip():
            raise UserError(f"{name} không được để trống")
    if request.due < today:
        raise UserError(f"thời hạn {request.due:%d/%m/%Y} đã qua")
    occurrence = check_subject(subject, request, evaluations, tasks)

    def make(events: list) -> ActionOpened:
        return ActionOpened(
            id=next_id(year.year, events),
            subject=subject.id,
            subject_kind="target" if isinstance(subject, Target) else "task",
            occurrence=occurrence,
            problem=request.problem.strip(),
            cause=(request.cause or "").strip() or None,
            action=request.action.strip(),
            owner=request.owner.strip(),
            due=request.due,
            opened_on=today,
            by=current_user(request.by),
            recorded_at=datetime.now(timezone.utc).replace(microsecond=0),
        )

    return actions_store(year).append_made(make, actions_check(year))[-1]


def find_action(actions: list[Action], text: str) -> Action:
    wanted = text.strip().casefold().replace("hdkp", "hđkp")
    for action in actions:
        if action.id.casefold() == wanted:
            return action
    known = ", ".join(a.id for a in actions) or "chưa có"
    raise UserError(f"không có hành động khắc phục '{text}'", f"các phiếu hiện có: {known}")


def close_action(
    year: YearData, text: str, result: str, evidence: str | None, effective: bool, by: str | None, today: date
) -> ActionClosed:
    if not result.strip():
        raise UserError("--result không được để trống: ghi kết quả thực hiện")
    action = find_action(load_actions(year), text)
    if not action.is_open:
        raise UserError(f"hành động {action.id} đã đóng ngày {action.closed.closed_on:%d/%m/%Y}")
    closing = ActionClosed(
        id=action.id,
        result=result.strip(),
        evidence=(evidence or "").strip() or None,
        effective=effective,
        closed_on=today,
        by=current_user(by),
        recorded_at=datetime.now(timezone.utc).replace(microsecond=0),
    )

    def make(events: list) -> ActionClosed:
        if any(isinstance(e, ActionClosed) and e.id == action.id for e in events):
            raise UserError(f"hành động {action.id} vừa được người khác đóng")
        return closing

    return actions_store(year).append_made(make, actions_check(year))[-1]


def open_actions_by_subject(actions: list[Action]) -> dict[tuple[str, str | None], list[Action]]:
    """Open actions keyed by (subject, occurrence); a target's key has no occurrence."""
    found: dict[tuple[str, str | None], list[Action]] = {}
    for action in actions:
        if action.is_open:
            found.setdefault((action.opened.subject, action.opened.occurrence), []).append(action)
    return found


def without_action(evaluations: list[Evaluation], actions: list[Action]) -> set[str]:
    """Targets that fall short and have no open corrective action."""
    covered = open_actions_by_subject(actions)
    return {e.target.id for e in evaluations if e.status in NEEDS_ACTION and (e.target.id, None) not in covered}


def overdue_without_action(tasks: list[OccurrenceState], actions: list[Action]) -> set[tuple[str, str]]:
    covered = open_actions_by_subject(actions)
    return {
        (s.task.id, s.occurrence.key)
        for s in tasks
        if s.status == "overdue" and (s.task.id, s.occurrence.key) not in covered
    }


def action_json(action: Action, on: date) -> dict:
    opened, closed = action.opened, action.closed
    return {
        "id": action.id,
        "state": action.state(on),
        "subject": opened.subject,
        "subject_kind": opened.subject_kind,
        "occurrence": opened.occurrence,
        "problem": opened.problem,
        "cause": opened.cause,
        "action": opened.action,
        "owner": opened.owner,
        "due": opened.due,
        "opened_on": opened.opened_on,
        "opened_by": opened.by,
        "closed_on": closed.closed_on if closed else None,
        "result": closed.result if closed else None,
        "evidence": closed.evidence if closed else None,
        "effective": closed.effective if closed else None,
    }
