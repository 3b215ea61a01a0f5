"""Every JSON shape mtcl prints (``--json``), in one place.

The keys are kept stable between releases (the README lists the ones added since): other
programs read them.  Numbers stay numbers and dates ISO dates; the command line's JSON
writer turns ``Decimal`` and ``date`` into them.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from pydantic import TypeAdapter

from mtcl.core.actions import Action
from mtcl.core.figures import FigureRecord
from mtcl.core.models import Target
from mtcl.core.schedule import OccurrenceState
from mtcl.core.text import one_line
from mtcl.usecases.rollup import BodySummary, Rollup
from mtcl.usecases.status import HistoryRow, PlanStatus, TargetRow, YearStatus


def target_json(target: Target) -> dict:
    """A target as ``mtcl targets --json`` gives it: the keys of objectives.yaml."""
    return {
        "id": target.id,
        "objective": target.objective,
        "name": one_line(target.name),
        "unit": target.unit,
        "plan": list(target.plan) if isinstance(target.plan, list) else target.plan,
        "op": target.op,
        "kind": target.kind,
        "parent": target.parent,
        "sum_of": list(target.sum_of),
        "items": list(target.items),
        "decimals": target.decimals,
        "signed": target.signed,
        "change": target.change,
        "base": target.base,
        "milestones": dict(target.milestones),
        "owner": target.owner,
        "group": target.group,
    }


def row_json(row: TargetRow) -> dict:
    """One target at the date, as ``mtcl status --json`` gives it."""
    evaluation, target = row.evaluation, row.target
    figure, previous = evaluation.figure, evaluation.previous
    public = target_json(target)
    return {
        "id": target.id,
        "objective": target.objective,
        "name": public["name"],
        "unit": target.unit,
        "plan": public["plan"],
        "op": target.op,
        "kind": target.kind,
        "actual": evaluation.actual,
        "attainment": evaluation.attainment,
        "status": evaluation.status,
        "record_as_of": figure.as_of if figure else None,
        "estimated": figure.estimated if figure else False,
        "stale": evaluation.stale,
        "previous_year": (
            {"actual": previous.actual, "as_of": previous.as_of, "ratio": previous.ratio} if previous else None
        ),
        "actions": list(row.actions),
        "needs_action": row.needs_action,
        "change": evaluation.change,
        "base": evaluation.base,
        "off_range": evaluation.off_range,
        "owner": target.owner,
        "group": target.group,
    }


def status_json(status: YearStatus, shown: list[TargetRow] | None = None) -> dict:
    """``mtcl status --json``: the rows ``shown`` (all by default), the summary of the whole year."""
    return {
        "year": status.year,
        "as_of": status.as_of,
        "targets": [row_json(row) for row in (status.rows if shown is None else shown)],
        "summary": {**status.summary, "without_action": len(status.without_action)},
        "notes": list(status.notes),
    }


def occurrence_json(plan: PlanStatus, state: OccurrenceState) -> dict:
    key = (state.task.id, state.occurrence.key)
    return {
        "key": state.occurrence.key,
        "due": state.occurrence.due,
        "status": state.status,
        "done_on": state.done_on,
        "days_late": state.days_late,
        "missing_evidence": state.missing_evidence,
        "evidence": [
            {"text": c.evidence, "file": c.file, "sha256": c.sha256, "done_on": c.done_on, "by": c.by, "ref": c.ref}
            for c in state.completions
        ],
        "actions": [a.id for a in plan.actions if a.is_open and (a.opened.subject, a.opened.occurrence) == key],
        "needs_action": key in plan.missing,
    }


def plan_json(plan: PlanStatus, shown: list[OccurrenceState]) -> dict:
    """``mtcl plan --json``: the tasks of the occurrences ``shown``, each with them."""
    by_task: dict[str, list[OccurrenceState]] = {}
    for state in shown:
        by_task.setdefault(state.task.id, []).append(state)
    tasks = []
    for states in by_task.values():
        task = states[0].task
        tasks.append({
            "id": task.id,
            "section": task.section,
            "objective": task.objective,
            "title": task.label,
            "lead": task.lead,
            "partners": list(task.partners),
            "monitors": list(task.monitors),
            "timing": task.timing,
            "occurrences": [occurrence_json(plan, s) for s in states],
        })
    return {"as_of": plan.as_of, "tasks": tasks}


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


def history_json(row: HistoryRow) -> dict:
    """One stored figure of ``mtcl history --json``: its line, whether it counts, its withdrawal."""
    voided = row.withdrawal
    return {
        **_record_adapter().dump_python(row.record, mode="json"),
        "counts": row.counts,
        "voided": {"by": voided.by, "at": voided.recorded_at, "reason": voided.reason} if voided else None,
    }


@cache
def _record_adapter() -> TypeAdapter:
    return TypeAdapter(FigureRecord)


def body_json(body: BodySummary) -> dict:
    return {
        "folder": body.folder, "name": body.name, "year": body.year, "as_of": body.as_of,
        "decision": body.decision, "targets": body.counts, "stale": body.stale,
        "tasks": {"done": body.tasks_done, "overdue": body.tasks_overdue},
        "actions": {"open": body.actions_open, "overdue": body.actions_overdue},
        "internal_audit": body.checks.get("internal_audit"),
        "management_review": body.checks.get("management_review"),
        "error": body.error,
    }


def rollup_json(result: Rollup) -> dict:
    """``mtcl rollup --json``: each body, and each shared indicator across them."""
    return {
        "bodies": [body_json(body) for body in result.bodies],
        "indicators": [{
            "code": view.indicator.code, "name": view.indicator.name, "unit": view.indicator.unit,
            "better": view.indicator.better, "median": view.median,
            "bodies": [{"name": row.body, "actual": row.actual, "status": row.evaluation.status,
                        "attainment": row.evaluation.attainment} for row in view.rows],
        } for view in result.indicators],
        "failed": len(result.failed),
    }
