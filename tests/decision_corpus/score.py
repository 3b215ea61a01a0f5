"""The decision reader scored on the corpus: each value of each case's expected draft beside
what ``mtcl init --from-decision`` wrote for it and the mark it wrote beside it.

A value is *proved* when it is written unmarked and equals the expectation, *guessed* when it
is marked '# đoán:', *todo* when it is left empty with '# TODO:', and *wrong* when it is
written unmarked and differs (or a target or task is missing or added unmarked): the one
outcome that must never happen.  As the corpus docstring says, a schedule due at the four
quarter ends is `repeat: quarterly` (30/6 and 31/12: `half-yearly`), and the reference target
a reader adds for a share of an estimate the decision does not list is no extra target.
``python -m tests.decision_corpus.score`` prints the counts, the share of the values proved
(and of the targets' values alone), every refusal and every wrong value; ``-v`` the guesses.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from mtcl.core.errors import UserError
from mtcl.core.text import fold
from mtcl.usecases.decision import Draft, Value, read_decision

from . import ADDED_REFERENCE, CORPUS, Case

TARGET_KEYS = ("kind", "plan", "op", "unit", "change", "base", "every", "by", "share_of", "scale", "sum_of", "parent")
TASK_KEYS = ("lead", "partners", "due", "repeat", "kind")


@dataclass
class Score:
    counts: Counter = field(default_factory=Counter)
    wrong: list[str] = field(default_factory=list)
    guessed: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def add(self, where: str, outcome: str, detail: str = "") -> None:
        self.counts[outcome] += 1
        if outcome == "wrong":
            self.wrong.append(f"{where}: {detail}")
        elif outcome == "guessed":
            self.guessed.append(f"{where}: {detail}")

    targets: Counter = field(default_factory=Counter)  # the outcomes of the targets' values alone

    @property
    def proved_share(self) -> float:
        return _share(self.counts)

    @property
    def target_share(self) -> float:
        """The share of the targets' values proved (the issue's 80 %)."""
        return _share(self.targets)


def _share(counts: Counter) -> float:
    judged = sum(counts[k] for k in ("proved", "guessed", "todo", "wrong"))
    return counts["proved"] / judged if judged else 0.0


def same(expected: object, got: object) -> bool:
    if isinstance(expected, float) or isinstance(got, Decimal):
        try:
            return Decimal(str(expected)) == Decimal(str(got))
        except Exception:
            return False
    if isinstance(expected, list) and isinstance(got, list):
        return len(expected) == len(got) and all(same(a, b) for a, b in zip(expected, got))
    if isinstance(expected, str) and isinstance(got, str):
        return " ".join(expected.split()) == " ".join(got.split())
    return expected == got


def judge(score: Score, where: str, expected: object, held: Value | object, unreadable: bool = False) -> str:
    """The outcome of one drafted value against its expectation (added to the score)."""
    value = held.value if isinstance(held, Value) else held
    note = held.note if isinstance(held, Value) else None
    if note and note.startswith("TODO"):
        outcome, detail = "todo", ""
    elif note:
        outcome, detail = "guessed", f"{note} (read {value!r}, expected {expected!r})"
    elif unreadable and value is not None and expected is None:
        outcome, detail = "wrong", f"written {value!r} unmarked; the text does not give it"
    elif expected == ADDED_REFERENCE:
        outcome, detail = ("proved" if value else "wrong"), f"{value!r}: a reference target should be added"
    elif same(expected, value):
        outcome, detail = "proved", ""
    else:
        outcome, detail = "wrong", f"read {value!r}, expected {expected!r}"
    score.add(where, outcome, detail)
    return outcome


def _target_value(target, key: str) -> Value | object:
    return getattr(target, key, None)


def _quarter_ends(year: int) -> list[date]:
    return [date(year, 3, 31), date(year, 6, 30), date(year, 9, 30), date(year, 12, 31)]


def schedule(due: list[date], repeat: str | None, year: int) -> tuple[list[date], str | None]:
    """A schedule in one form: the four quarter ends are `repeat: quarterly`, 30/6 and 31/12
    `repeat: half-yearly` (the corpus docstring: the same schedule)."""
    if due == _quarter_ends(year):
        return [], "quarterly"
    if due == [date(year, 6, 30), date(year, 12, 31)]:
        return [], "half-yearly"
    return due, repeat


def _task_values(task, expected: dict, year: int) -> dict[str, object]:
    """A drafted task's values beside the expected ones, its schedule and the expected one
    brought to one form."""
    got = {key: getattr(task, key, None) for key in TASK_KEYS}
    due, repeat = got["due"], got["repeat"]
    if isinstance(due, Value) and isinstance(repeat, Value):
        form = schedule(due.value or [], repeat.value, year)
        got["due"], got["repeat"] = Value(form[0], due.note), Value(form[1], repeat.note)
    wanted = dict(expected)
    wanted["due"], wanted["repeat"] = schedule(expected["due"], expected["repeat"], year)
    return {key: (wanted[key], got[key]) for key in TASK_KEYS}


def _added_references(case: Case, drafted: dict) -> set[str]:
    """The reference targets the reader added for the shares of an estimate the decision
    does not list (`share_of: ADDED_REFERENCE`): kind reference, pointed at by that share."""
    added = set()
    for objective in case.objectives:
        for target in objective["targets"]:
            got = drafted.get(target["id"])
            if target.get("share_of") == ADDED_REFERENCE and got is not None:
                pointed = drafted.get(getattr(got.share_of, "value", None))
                if pointed is not None and getattr(pointed.kind, "value", None) == "reference":
                    added.add(pointed.id)
    return added


def _marked(target) -> bool:
    return any(getattr(value, "note", None) for value in vars(target).values())


def score_case(case: Case, folder: Path, score: Score) -> None:
    path = case.build(folder / f"{case.name}.docx")
    try:
        draft: Draft = read_decision(path, case.year)
    except UserError as exc:
        score.refused.append(f"{case.name}: {exc.message}")
        score.counts["refused"] += 1
        return
    for key, expected in case.issuer.items():
        judge(score, f"{case.name} issuer.{key}", expected, getattr(draft, key, None))
    judge(score, f"{case.name} decision.number", case.decision["number"], draft.number)
    judge(score, f"{case.name} decision.date", case.decision["date"], draft.issued)
    judge(score, f"{case.name} decision.verb", case.decision["verb"], getattr(draft, "verb", None))
    drafted = {t.id: t for o in draft.objectives for t in o.targets}
    expected_ids = set()
    for objective in case.objectives:
        for target in objective["targets"]:
            expected_ids.add(target["id"])
            where = f"{case.name} {target['id']}"
            got = drafted.get(target["id"])
            if got is None:
                score.add(where, "wrong", "target missing")
                continue
            if fold(" ".join(target["name"].split())) not in fold(" ".join(got.name.split())):
                score.add(where + ".name", "wrong", f"name {got.name!r}, expected {target['name']!r}")
            for key in TARGET_KEYS:
                if key in target:
                    outcome = judge(score, f"{where}.{key}", target[key], _target_value(got, key),
                                    f"{target['id']}.{key}" in case.unreadable)
                    score.targets[outcome] += 1
    for extra in set(drafted) - expected_ids - _added_references(case, drafted):
        outcome = "guessed" if _marked(drafted[extra]) else "wrong"
        score.add(f"{case.name} {extra}", outcome, f"target not in the decision: {drafted[extra].name!r}")
    if case.tasks is None:
        return
    tasks = {t.id: t for s in draft.sections for t in s.tasks}
    for task in case.tasks:
        where = f"{case.name} {task['id']}"
        got = tasks.get(task["id"])
        if got is None:
            score.add(where, "wrong", "task missing")
            continue
        for key, (wanted, held) in _task_values(got, task, case.year).items():
            judge(score, f"{where}.{key}", wanted, held)


def run() -> Score:
    score = Score()
    with tempfile.TemporaryDirectory() as folder:
        for case in CORPUS:
            score_case(case, Path(folder), score)
    return score


def main() -> int:
    score = run()
    print(dict(score.counts), f"proved {score.proved_share:.0%}", f"(targets' values: {score.target_share:.0%})")
    for line in score.refused:
        print("REFUSED", line)
    for line in score.wrong:
        print("WRONG", line)
    if "-v" in sys.argv:
        for line in score.guessed:
            print("GUESS", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
