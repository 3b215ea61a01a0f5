"""mtcl beside the independent judge, on generated years, and the metamorphic rules a verdict
must obey whatever the rules are.

``compare`` generates years (``generate.random_case``), reads each with mtcl's ``open_year``
and judges every target at every date both ways; a disagreement names the year, the date,
the target, both verdicts and the judge's numbers.  ``metamorphic`` changes a year in ways
that must change nothing — figures after the date dropped, the lines' order shuffled (lines
of the same target and date keep theirs: the later one counts), a withdrawn line replaced
by its absence, a figure added to another target — and checks the verdicts stay.
"""

from __future__ import annotations

import json
import random
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mtcl.files.book import open_year
from mtcl.usecases.status import year_status
from tests.judge.generate import random_case
from tests.judge.rules import judge_details, judge_folder


@dataclass
class Outcome:
    cases: int = 0
    years: int = 0
    statuses: Counter = field(default_factory=Counter)
    disagreements: list[str] = field(default_factory=list)


def verdicts(root: Path, year: int, day: date) -> dict[str, str]:
    book = open_year(root, year, last_year=True)
    return {row.target.id: row.evaluation.status for row in year_status(book, day).rows}


def compare(workspace: Path, cases: int, seed: int) -> Outcome:
    """At least ``cases`` (target, date) verdicts of generated years, mtcl's beside the judge's."""
    rng = random.Random(seed)
    outcome = Outcome()
    while outcome.cases < cases:
        root = workspace / f"year-{outcome.years}"
        year, dates = random_case(rng, root)
        book = open_year(root, year, last_year=True)
        for day in dates:
            mine = {row.target.id: row.evaluation.status for row in year_status(book, day).rows}
            theirs = judge_folder(root, year, day)
            outcome.cases += len(theirs)
            outcome.statuses.update(theirs.values())
            for target, status in theirs.items():
                if mine.get(target) != status:
                    details = judge_details(root, year, day)[target]
                    outcome.disagreements.append(f"seed {seed}, year #{outcome.years} ({year}), {day}, {target}: "
                                                 f"mtcl {mine.get(target)}, judge {status} {details}")
        outcome.years += 1
        shutil.rmtree(root)
    return outcome


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()] \
        if path.exists() else []


def _write(path: Path, lines: list[dict]) -> None:
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")


def _key(line: dict) -> tuple:
    return line["target"], line["as_of"], line.get("item")


def _shuffled(lines: list[dict], rng: random.Random) -> list[dict]:
    """The lines in another order, those of one target, date and item in theirs."""
    groups: dict[tuple, list[dict]] = {}
    for line in lines:
        groups.setdefault(_key(line), []).append(line)
    slots = [key for key in groups for _ in groups[key]]
    rng.shuffle(slots)
    taken = {key: iter(group) for key, group in groups.items()}
    return [next(taken[key]) for key in slots]


Change = Callable[[Path, int, date, random.Random], set[str]]


def later_figures_dropped(root: Path, year: int, day: date, rng: random.Random) -> set[str]:
    records = root / str(year) / "records.jsonl"
    _write(records, [line for line in _lines(records) if date.fromisoformat(line["as_of"]) <= day])
    withdrawals = root / str(year) / "withdrawals.jsonl"
    kept = {line["ref"] for line in _lines(records)}
    _write(withdrawals, [line for line in _lines(withdrawals) if line["ref"] in kept])
    return set()


def order_shuffled(root: Path, year: int, day: date, rng: random.Random) -> set[str]:
    records = root / str(year) / "records.jsonl"
    _write(records, _shuffled(_lines(records), rng))
    return set()


def withdrawn_removed(root: Path, year: int, day: date, rng: random.Random) -> set[str]:
    records, withdrawals = root / str(year) / "records.jsonl", root / str(year) / "withdrawals.jsonl"
    gone = {line["ref"] for line in _lines(withdrawals)}
    _write(records, [line for line in _lines(records) if line["ref"] not in gone])
    _write(withdrawals, [])
    return set()


def another_target_figured(root: Path, year: int, day: date, rng: random.Random) -> set[str]:
    """A figure added to one plain target: only that target, and those whose figure or goal
    rests on it (a sum of it, a share of it), may change."""
    objectives = root / str(year) / "objectives.yaml"
    import yaml

    targets = [t for o in yaml.safe_load(objectives.read_text(encoding="utf-8"))["objectives"] for t in o["targets"]]
    plain = [t for t in targets if t["kind"] in ("cumulative", "level") and not t.get("sum_of")
             and not t.get("above_100") and t.get("unit") != "%" and not t.get("signed")]
    if not plain:
        return set()
    chosen = rng.choice(plain)
    records = root / str(year) / "records.jsonl"
    line = {"ref": f"SL-ZZZZZ{rng.randrange(100, 999)}", "target": str(chosen["id"]), "as_of": day.isoformat(),
            "value": "7", "estimated": False, "by": "x", "recorded_at": f"{year}-07-01T00:00:00Z"}
    _write(records, [*_lines(records), line])
    touched = {str(chosen["id"])}
    touched |= {str(t["id"]) for t in targets if str(chosen["id"]) in map(str, t.get("sum_of") or [])
                or str(t.get("share_of")) == str(chosen["id"])}
    return touched


CHANGES: list[Change] = [later_figures_dropped, order_shuffled, withdrawn_removed, another_target_figured]


def metamorphic(workspace: Path, years: int, seed: int) -> list[str]:
    """Each change of ``CHANGES`` on ``years`` generated years: the verdicts it must not move."""
    rng = random.Random(seed)
    broken = []
    for number in range(years):
        root = workspace / f"meta-{number}"
        year, dates = random_case(rng, root)
        for change in CHANGES:
            day = rng.choice(dates)
            before = verdicts(root, year, day)
            copy = workspace / f"meta-{number}-{change.__name__}"
            shutil.copytree(root, copy)
            may_move = change(copy, year, day, rng)
            after = verdicts(copy, year, day)
            broken += [f"{change.__name__}: year #{number}, {day}, {target}: {before[target]} → {after.get(target)}"
                       for target in before if target not in may_move and after.get(target) != before[target]]
            shutil.rmtree(copy)
        shutil.rmtree(root)
    return broken
