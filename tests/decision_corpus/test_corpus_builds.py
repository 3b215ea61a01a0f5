"""A sanity test of the corpus itself, not of the reader: every case builds into a .docx that
python-docx opens, every expected title, target name, task and decision number is really in
the document, the expectations are well formed and keep to the rule book's vocabulary, and the
corpus as a whole carries the phrases and shapes it promises."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from . import ADDED_REFERENCE, CORPUS, PHRASES

KINDS = {"ratio", "cumulative", "level", "checklist", "rating", "judged", "reference"}
OPS = {">=", ">", "<=", "<", "between"}
REPEATS = {None, "monthly", "quarterly", "half-yearly", "yearly", "continuous"}
TASK_KINDS = {None, "internal_audit", "management_review", "results_report"}
TASK_ID = re.compile(r"^[IVX]+\.\d+$")


def spaced(text: str) -> str:
    """Tabs, line breaks and runs of spaces count as one space."""
    return re.sub(r"\s+", " ", text).strip()


def document_text(path: Path) -> str:
    """All the text of a document: paragraphs and table cells in order, each merged cell once."""
    document = Document(str(path))
    parts: list[str] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            seen: list[object] = []  # the cells' XML elements, kept alive so that `is` means the same cell
            for row in block.rows:
                for cell in row.cells:
                    if not any(cell._tc is element for element in seen):
                        seen.append(cell._tc)
                        parts.append(cell.text)
        else:
            parts.append(block.text)
    return spaced("\n".join(parts))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("corpus")
    texts = {}
    for case in CORPUS:
        path = case.build(folder / f"{case.name}.docx")
        assert path.exists() and path.suffix == ".docx"
        texts[case.name] = document_text(path)
    return texts


def test_the_corpus_is_large_and_every_case_is_its_own() -> None:
    assert len(CORPUS) >= 14
    assert len({case.name for case in CORPUS}) == len(CORPUS)
    assert all(re.fullmatch(r"[a-z0-9-]+", case.name) for case in CORPUS)
    assert len({(case.issuer["authority"], case.issuer["unit"]) for case in CORPUS}) == len(CORPUS)
    assert len({case.shape for case in CORPUS}) == len(CORPUS)
    assert {case.year for case in CORPUS} == {2021, 2022, 2023, 2024, 2025}


@pytest.mark.parametrize("case", CORPUS, ids=lambda case: case.name)
def test_a_case_builds_into_a_docx_holding_what_it_expects(case, tmp_path: Path) -> None:
    path = case.build(tmp_path / f"{case.name}.docx")
    Document(str(path))  # opens
    text = document_text(path)
    unspaced = re.sub(r"\s*/\s*", "/", text)
    assert f"Số: {case.decision['number']}" in unspaced
    assert case.decision["date"].year == case.year
    assert case.issuer["place"] in text
    assert case.decision["verb"] in text
    for objective in case.objectives:
        assert spaced(objective["title"]) in text, objective["title"]
        for target in objective["targets"]:
            assert spaced(target["name"]) in text, target["name"]
    for task in case.tasks or []:
        for key in ("work", "lead", "timing"):
            assert spaced(task[key]) in text, task[key]
        for partner in task["partners"]:
            assert spaced(partner) in text, partner


@pytest.mark.parametrize("case", CORPUS, ids=lambda case: case.name)
def test_the_expectations_keep_to_the_rule_book(case) -> None:
    ids = [objective["id"] for objective in case.objectives]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    targets = {}
    for objective in case.objectives:
        assert isinstance(objective["id"], int)
        for target in objective["targets"]:
            key = target["id"].lower()
            assert key not in targets, target["id"]
            targets[key] = target
            kind, plan, op = target["kind"], target.get("plan"), target.get("op")
            assert kind in KINDS
            if kind in ("judged", "reference"):
                assert plan is None and op is None
                continue
            if kind == "rating":
                assert isinstance(plan, str)
                assert target["scale"] is None or plan in target["scale"]
                continue
            assert op in OPS, target
            if isinstance(plan, list):
                assert len(plan) == 2 and plan[0] < plan[1] and op in (">=", "<=", "between")
            else:
                assert isinstance(plan, (int, float))
            if kind == "ratio":
                assert target["unit"] == "%" and max(plan if isinstance(plan, list) else [plan]) <= 100
                assert "change" not in target
            if kind == "checklist":
                assert op == ">=" and 0 < plan <= len(target["items"])
            if "change" in target:
                assert target["change"] in ("percent", "points") and "base" in target
            if (plan if not isinstance(plan, list) else plan[0]) < 0:
                assert "change" in target
            if "every" in target:
                assert kind == "cumulative" and target["every"] in ("month", "quarter", "half")
            if "by" in target:
                assert case.year <= target["by"] <= case.year + 10
    for target in targets.values():
        share = target.get("share_of")
        if share is not None and share != ADDED_REFERENCE:
            reference = targets[share.lower()]
            assert reference["kind"] == "reference" and reference["unit"] == target["unit"]
        for part in target.get("sum_of", []):
            assert targets[part.lower()]["unit"] == target["unit"]
        if "sum_of" in target:
            assert sum(targets[part.lower()]["plan"] for part in target["sum_of"]) == pytest.approx(target["plan"])
    for key, reason in case.unreadable.items():
        tid, _, name = key.rpartition(".")
        assert tid.lower() in targets, key
        assert targets[tid.lower()].get(name, "absent") in (None, ADDED_REFERENCE), key
        assert reason


@pytest.mark.parametrize("case", [case for case in CORPUS if case.tasks is not None], ids=lambda case: case.name)
def test_the_tasks_are_well_formed(case) -> None:
    ids = [task["id"] for task in case.tasks]
    assert len(set(ids)) == len(ids)
    for task in case.tasks:
        assert TASK_ID.match(task["id"]), task["id"]
        assert task["repeat"] in REPEATS and task["kind"] in TASK_KINDS
        assert bool(task["due"]) != bool(task["repeat"]), task["id"]
        assert all(isinstance(day, date) and day.year == case.year for day in task["due"])
        assert task["due"] == sorted(task["due"])
    kinds = Counter(task["kind"] for task in case.tasks)
    assert kinds["internal_audit"] >= 1 and kinds["management_review"] >= 1


def test_the_corpus_carries_every_promised_phrase(built: dict[str, str]) -> None:
    everything = "\n".join(built.values())
    missing = [phrase for phrase in PHRASES if phrase not in everything]
    assert not missing


def test_the_corpus_covers_every_shape() -> None:
    shapes = " ".join(case.shape for case in CORPUS)
    for needle in ("lettered", "dashed", "merged down", "merged across", "no Phụ lục 2", "công bố",
                   "Đơn vị tính", "ĐVT", "Chỉ tiêu năm 2021", "Ghi chú", "STT"):
        assert needle in shapes, needle
    assert any(case.tasks is None for case in CORPUS)
    assert any(case.decision["verb"] == "công bố" for case in CORPUS)
