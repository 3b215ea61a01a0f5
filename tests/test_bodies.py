"""Other bodies' targets, judged as their decisions mean them.

``tests/data/bodies/`` holds the objectives of a ward, a district-level town, a commune after
the 2025 merger, a district health centre and a provincial department, with figures through
the year and the verdict at 31/3, 30/6, 30/9 and 31/12 of every target, each worked out by
hand from the rule book (the README's table of target kinds), written without reading the
code.  Each case becomes a real data folder (this year and, where given, last year) read by
``open_year``; mtcl's verdict must be the hand-worked one, target by target, date by date.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
import yaml

from mtcl.files.book import open_year
from mtcl.usecases.status import year_status

BODIES = Path(__file__).resolve().parent / "data" / "bodies"
CASES = sorted(BODIES.glob("*.yaml"))
STAMP = datetime(2023, 1, 1, tzinfo=timezone.utc).isoformat().replace("+00:00", "Z")


def case_of(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write_year(root: Path, year: int, objectives: list, figures: list, withdrawn: list, body: str) -> None:
    """A year's folder as an officer's would be: the two YAML files, the records, the withdrawals."""
    folder = root / str(year)
    folder.mkdir(parents=True)
    document = {
        "schema_version": 4, "year": year,
        "issuer": {"authority": "Ủy ban nhân dân", "unit": body, "place": body},
        "decision": {"number": "01/QĐ-UBND", "date": f"{year}-01-10"},
        "revision": {"number": 1, "history": [{"number": 1, "date": f"{year}-01-10", "note": "Ban hành lần đầu"}]},
        "objectives": objectives,
    }
    (folder / "objectives.yaml").write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False),
                                            encoding="utf-8")
    plan = {"schema_version": 4, "year": year, "title": "Kế hoạch", "sections": [
        {"id": "I", "objective": objectives[0]["id"], "title": "Kế hoạch",
         "tasks": [{"id": "I.1", "work": "Báo cáo", "lead": "Văn phòng", "timing": "Hằng năm", "repeat": "yearly"}]}]}
    (folder / "plan.yaml").write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    lines = []
    for figure in figures:
        line = {key: (value.isoformat() if isinstance(value, date) else value) for key, value in figure.items()}
        lines.append(json.dumps({**line, "estimated": line.get("estimated", False), "by": "Văn phòng",
                                 "recorded_at": STAMP}, ensure_ascii=False))
    (folder / "records.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    withdrawals = [json.dumps({"ref": ref, "reason": "ghi nhầm", "by": "Văn phòng", "recorded_at": STAMP})
                   for ref in withdrawn]
    (folder / "withdrawals.jsonl").write_text("".join(line + "\n" for line in withdrawals), encoding="utf-8")


def built(tmp_path: Path, case: dict) -> Path:
    root = tmp_path / "data"
    year = case["year"]
    write_year(root, year, case["objectives"], case["figures"], case.get("withdrawn", []), case["body"])
    last = case.get("last_year")
    if last:
        write_year(root, year - 1, last.get("objectives", case["objectives"]), last.get("figures", []),
                   last.get("withdrawn", []), case["body"])
    return root


def test_the_cases_cover_the_forms_of_the_rule_book():
    """At least five bodies of different kinds, and every form the rule book gives."""
    cases = [case_of(path) for path in CASES]
    assert len({case["kind"] for case in cases}) >= 5
    targets = [t for case in cases for o in case["objectives"] for t in o["targets"]]
    keys = {key for t in targets for key in t}
    assert {"change", "milestones", "every", "by", "share_of", "above_100", "near_from", "sum_of", "scale"} <= keys
    assert {t["kind"] for t in targets} >= {"ratio", "cumulative", "level", "checklist", "rating", "judged",
                                            "reference"}
    assert {t.get("change") for t in targets} >= {"percent", "points"}
    assert any(isinstance(t.get("plan"), list) and t.get("op") == ">=" for t in targets)
    verdicts = {status for case in cases for day in case["expected"].values() for status in day.values()}
    assert verdicts == {"met", "near", "on_track", "behind", "over_pace", "not_met", "in_progress", "no_data"}


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_each_verdict_is_the_one_worked_out_by_hand(tmp_path, path):
    case = case_of(path)
    root = built(tmp_path, case)
    book = open_year(root, case["year"], last_year=True)
    assert book.last_problem is None
    wrong = []
    for day, expected in case["expected"].items():
        found = {row.target.id: row.evaluation.status for row in year_status(book, day).rows}
        wrong += [f"{day} {target}: mtcl {found.get(target)}, by hand {status}"
                  for target, status in expected.items() if found.get(target) != status]
        assert set(found) == set(expected), day  # every target judged at every date, none left out
    assert not wrong, "\n".join(wrong)
