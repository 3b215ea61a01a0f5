"""Plan tracking with the stored completions: building a completion, judging the plan.

A completion keeps its evidence as text (the document's number and title) and, when a
file is named, its path (relative to the data folder when inside it) and SHA-256, so the
record shows which file it was; the file itself is never copied or changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from mtcl.actions import Action, overdue_without_action
from mtcl.errors import UserError
from mtcl.loader import YearData
from mtcl.models import Completion, Task
from mtcl.recording import current_user
from mtcl.schedule import DUE_SOON_DAYS, OccurrenceState, default_occurrence, find_occurrence, occurrences, task_states
from mtcl.store import JsonlStore

COMPLETIONS_FILE = "completions.jsonl"


def completions_store(year: YearData) -> JsonlStore[Completion]:
    return JsonlStore(year.folder / COMPLETIONS_FILE, Completion)


def completions_check(year: YearData) -> Callable[[Completion], str | None]:
    """What a stored completion must satisfy: a task and an occurrence the plan still has."""
    keys: dict[str, set[str]] = {}

    def check(completion: Completion) -> str | None:
        task = year.tasks.get(completion.task)
        if task is None:
            return f"nhiệm vụ '{completion.task}' không còn trong plan.yaml"
        if task.id not in keys:
            keys[task.id] = {o.key for o in occurrences(task, year.year)}
        if completion.occurrence not in keys[task.id]:
            return f"nhiệm vụ {task.id} không có lần thực hiện '{completion.occurrence}'"
        return None

    return check


def load_completions(year: YearData) -> list[Completion]:
    """The year's completions; one that fails ``completions_check`` is an error at its line."""
    return completions_store(year).load(completions_check(year))


def record_completion(year: YearData, task: Task, done: Done, today: date) -> list[Completion]:
    """Build the completion from the ones stored (read once, under the lock, so the default
    occurrence is the earliest open one even with a colleague ticking at the same moment)
    and store it; return every completion of the year, the new one last."""

    def make(existing: list[Completion]) -> Completion:
        return build_completion(year, task, done, existing, today)

    return completions_store(year).append_made(make, completions_check(year))


@dataclass
class Done:
    """What the officer typed for ``mtcl done``."""

    evidence: str
    occurrence: str | None = None
    done_on: date | None = None
    file: Path | None = None
    by: str | None = None


def build_completion(year: YearData, task: Task, done: Done, existing: list[Completion], today: date) -> Completion:
    done_on = done.done_on or today
    if done_on > today:
        raise UserError(f"ngày hoàn thành {done_on:%d/%m/%Y} chưa tới")
    if not done.evidence.strip():
        raise UserError("cần ghi minh chứng (--evidence): số, ký hiệu và tên văn bản")
    if done.occurrence is not None:
        occurrence = find_occurrence(task, year.year, done.occurrence)
        if occurrence is None:
            keys = ", ".join(o.key for o in occurrences(task, year.year))
            raise UserError(f"nhiệm vụ {task.id} không có lần thực hiện '{done.occurrence}'", f"các lần: {keys}")
    else:
        done_keys = {c.occurrence for c in existing if c.task == task.id}
        occurrence = default_occurrence(task, year.year, done_on, done_keys)
        if occurrence is None:
            keys = ", ".join(o.key for o in occurrences(task, year.year))
            raise UserError(
                f"nhiệm vụ {task.id} không còn lần thực hiện nào mở",
                f"để bổ sung minh chứng, chỉ rõ --occurrence (các lần: {keys})",
            )
    path, digest = _evidence_file(year, done.file) if done.file else (None, None)
    return Completion(
        task=task.id,
        occurrence=occurrence.key,
        done_on=done_on,
        evidence=done.evidence.strip(),
        file=path,
        sha256=digest,
        by=current_user(done.by),
        recorded_at=datetime.now(timezone.utc).replace(microsecond=0),
    )


def _evidence_file(year: YearData, file: Path) -> tuple[str, str]:
    if not file.is_file():
        raise UserError(f"không tìm thấy tệp minh chứng '{file}'")
    digest = hashlib.sha256()
    with file.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    resolved = file.resolve()
    root = year.folder.parent.resolve()
    shown = resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else str(resolved)
    return shown, digest.hexdigest()


def plan_states(
    year: YearData, as_of: date, horizon: int = DUE_SOON_DAYS, completions: list[Completion] | None = None
) -> list[OccurrenceState]:
    """Every occurrence judged at ``as_of``, from ``completions`` (read from the file if not given)."""
    done = load_completions(year) if completions is None else completions
    return task_states(year.tasks.values(), done, year.year, as_of, horizon)


def state_json(state: OccurrenceState, actions: list[Action]) -> dict:
    key = (state.task.id, state.occurrence.key)
    return {
        "key": state.occurrence.key,
        "due": state.occurrence.due,
        "status": state.status,
        "done_on": state.done_on,
        "days_late": state.days_late,
        "missing_evidence": state.missing_evidence,
        "evidence": [
            {"text": c.evidence, "file": c.file, "sha256": c.sha256, "done_on": c.done_on, "by": c.by}
            for c in state.completions
        ],
        "actions": [a.id for a in actions if a.is_open and (a.opened.subject, a.opened.occurrence) == key],
        "needs_action": key in overdue_without_action([state], actions),
    }


def plan_json(year: YearData, as_of: date, states: list[OccurrenceState], actions: list[Action]) -> dict:
    by_task: dict[str, list[OccurrenceState]] = {}
    for state in states:
        by_task.setdefault(state.task.id, []).append(state)
    tasks = []
    for task_id, task_states_ in by_task.items():
        task = year.tasks[task_id]
        tasks.append({
            "id": task.id,
            "section": task.section,
            "objective": task.objective,
            "title": task.label,
            "lead": task.lead,
            "partners": list(task.partners),
            "monitors": list(task.monitors),
            "timing": task.timing,
            "occurrences": [state_json(s, actions) for s in task_states_],
        })
    return {"as_of": as_of, "tasks": tasks}
