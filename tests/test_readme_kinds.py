"""The README's table of target kinds says what mtcl does: for each example target of
tests/data/kinds (a ward's 2023 objectives, one target for each way a decision phrases one),
the verdict on 30/06 and on 31/12 and the sentence the year's report writes are worked out
by mtcl here and must stand in the README's row for that target, word for word.  Every
command that shows a verdict runs on the same folder, where every status occurs."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from mtcl.core.words import status_words
from mtcl.files.book import open_year
from mtcl.report.context import target_clause, verdict_tail
from mtcl.usecases.status import year_status
from tests.conftest import REPO

KINDS = REPO / "tests" / "data" / "kinds"
README = (REPO / "README.md").read_text(encoding="utf-8")


def readme_rows() -> dict[str, list[str]]:
    """The README table's rows by their first cell: the example's id."""
    rows = {}
    for line in README.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| `k") and len(cells) == 6:
            rows[cells[0].strip("`")] = cells
    return rows


def evaluations(on: date) -> dict:
    book = open_year(KINDS, 2023)
    return {row.target.id: row.evaluation for row in year_status(book, on).rows}


def test_every_example_has_its_row_with_mtcls_own_words():
    rows = readme_rows()
    mid, end = evaluations(date(2023, 6, 30)), evaluations(date(2023, 12, 31))
    assert set(rows) == set(end), "the README's table and tests/data/kinds name the same targets"
    for target_id, row in rows.items():
        e = end[target_id]
        sentence = target_clause(e) + verdict_tail(e)
        expected = [status_words(mid[target_id]), status_words(e), sentence[:1].upper() + sentence[1:] + "."]
        assert row[3:] == expected, f"README row {target_id} should read: | {' | '.join(expected)} |"


def test_the_statuses_of_the_examples_are_the_ones_worked_out_by_hand():
    """The README's verdicts, computed by hand from the rule book (RULES.md)."""
    mid = {i: e.status for i, e in evaluations(date(2023, 6, 30)).items()}
    end = {i: e.status for i, e in evaluations(date(2023, 12, 31)).items()}
    assert mid == {
        "k1": "met", "k2": "met", "k3": "not_met", "k4": "met", "k5": "met", "k6": "met",
        "k7": "on_track",      # 650 ≥ 1.200 × 181/365 = 595,1
        "k8": "over_pace",     # 6 > 10 × 181/365 = 4,96
        "k9": "behind",        # 27 < 55 × 181/365 = 27,27
        "k10": "not_met",      # 3,5 > 4,2 − 1: a level is judged as it stands
        "k11": "on_track",     # 42 ≥ the h1 milestone 40
        "k12": "on_track",     # Q1 1, Q2 1
        "k13": "in_progress",  # plan for 2025
        "k14": "on_track",     # 110 ≥ 200 × 105% × 181/365 = 104,1
        "k15": "no_data", "k16": "no_data",
        "k17": "on_track",     # 2 ≥ 3 × 181/365
        "k18": "near",         # 93: under 95, from 90
    }
    assert end == {
        "k1": "not_met", "k2": "not_met", "k3": "met", "k4": "met", "k5": "met", "k6": "not_met",
        "k7": "near",          # 1.150: under 1.200, from 1.100
        "k8": "met", "k9": "met",   # 9 ≤ 10; 56 ≥ 55
        "k10": "met",          # 3,1 ≤ 3,2
        "k11": "not_met",      # 98 < 100
        "k12": "not_met",      # Q3: 2 − 2 = 0 < 1
        "k13": "in_progress", "k14": "not_met",  # 205 < 210
        "k15": "met", "k16": "met", "k17": "met", "k18": "near",
    }


@pytest.mark.parametrize("args", [
    ("status", "--as-of", "30/6/2023"), ("status", "--as-of", "31/12/2023"), ("status", "--json"),
    ("report", "--period", "h1", "--format", "md"), ("report", "--period", "year", "--format", "md"),
    ("report", "--period", "year"), ("report", "--kind", "review", "--period", "year"),
    ("report", "--kind", "register"), ("targets",), ("plan",),
])
def test_every_command_shows_every_status(args, cli, tmp_path, monkeypatch):
    """A status a table or a document has no word or colour for was a crash (over_pace,
    in_progress in the terminal's colours): every view runs on every status."""
    root = tmp_path / "kinds"
    shutil.copytree(KINDS, root)
    monkeypatch.setenv("MTCL_DATA", str(root))
    monkeypatch.setenv("MTCL_TODAY", "2023-12-31")
    result = cli(*args)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    if args[0] == "status" and "--json" not in args:
        assert re.search(r"Nguy cơ vượt mức|Đang thực hiện", result.stdout)
