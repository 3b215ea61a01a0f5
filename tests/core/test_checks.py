"""The rules across entries of a year's files, each at its edge, on the shipped files with one
target added (or one field changed): exact messages, at the added target's lines."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

import dataclasses
from datetime import date, datetime, timezone

from mtcl.core.checks import YearData, run_checks
from mtcl.core.entries import Lines, Withdrawal
from mtcl.core.errors import DataErrors, Source
from mtcl.core.models import Decision, Issuer, Objective, Objectives, Plan, Revision, Section
from mtcl.files.book import open_folder
from tests.conftest import SHIPPED
from tests.core.test_actions import closed, opened
from tests.core.test_schedule import done, task
from tests.test_attainment import rec, target

BASE = dict(unit="tấn", plan="100", op='">="', kind="cumulative")
# The field each problem is about, by its words: the problem must point at that field's line.
FIELD_OF = [("near_from", "near_from"), ("mốc", "milestones"), ("danh sách tiêu chí (items)", "items"),
            ("lớn hơn số tiêu chí", "plan"), ("đếm tiêu chí đạt", "kind"),
            ("phải có đơn vị", "unit"), ("không thể vượt 100%", "plan"), ("không dùng change, signed hay above", "kind"),
            ("op: between cần", "plan"), ("kế hoạch là một khoảng [thấp", "plan"), ("là số âm", "plan"),
            ("chưa rõ nghĩa", "id"), ("khoảng kế hoạch dùng op", "op"), ("cần base (số năm trước) để kiểm tra", "milestones"),
            ("nhỏ như phần trăm", "milestones"),
            ("base (số năm trước)", "base"), ("cha", "parent"), ("thành phần '", "sum_of"),
            ("tổng của chính nó", "sum_of"), ("không bằng tổng", "plan"), ("chỉ tiêu tổng (sum_of)", "sum_of"),
            ("trùng với mã", "id"), ("không khớp", "year")]


def problems(tmp_path: Path, *more: dict, replace: tuple[str, str] | None = None, **fields) -> list[str]:
    """The messages of the shipped year with a target 'x' of ``fields`` added (a field of
    None left out) and targets 'y', 'z'… of ``more``, or with one text of objectives.yaml
    replaced; each message is checked to point at the line of the field it is about."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path)) / "2023"
    shutil.copytree(SHIPPED / "2023", folder, ignore=shutil.ignore_patterns("*.jsonl", "*.lock"))
    path = folder / "objectives.yaml"
    text = path.read_text(encoding="utf-8")
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    for name, added in zip("xyz", [fields, *more] if fields else more):
        entry = {"id": name, "name": "Thử", **BASE, **added}
        text += "      - " + "\n        ".join(f"{k}: {v}" for k, v in entry.items() if v is not None) + "\n"
    path.write_text(text, encoding="utf-8")
    try:
        open_folder(folder, 2023)
    except DataErrors as exc:
        for error in exc.errors:
            line = (folder / Path(error.file).name).read_text(encoding="utf-8").splitlines()[error.line - 1]
            field = next(field for words, field in FIELD_OF if words in error.message)
            assert line.strip().removeprefix("- ").startswith(f"{field}:"), (error.message, line)
        return [e.message for e in exc.errors]
    return []


def test_the_shipped_year_and_a_plain_target_pass(tmp_path):
    assert problems(tmp_path, unit="tấn") == []


@pytest.mark.parametrize(("fields", "expected"), [
    (dict(milestones="{q1: 10, h1: 10}"), ["mốc h1 (10) phải lớn hơn mốc q1 (10)"]),
    (dict(milestones="{h1: 9, q1: 10}"), ["mốc h1 (9) phải lớn hơn mốc q1 (10)"]),
    (dict(milestones="{q1: 10, h1: 11, 9m: 100}"), []),
    (dict(milestones="{q1: 10, 9m: 100.5}"), ["mốc 9m (100.5) phải nằm trong kế hoạch năm (từ 0 đến 100)"]),
    (dict(milestones="{q1: -1}"), ["mốc q1 (-1) phải nằm trong kế hoạch năm (từ 0 đến 100)"]),
    (dict(milestones="{q1: 0}"), []),
    (dict(milestones="{q1: 10}", kind="level"), []),  # a rate reached step by step
    (dict(milestones="{m1: 5, m2: 10, q1: 20, m11: 95}"), []),  # months and quarters, in date order
    (dict(milestones="{m4: 5, q1: 20}"), ["mốc m4 (5) phải lớn hơn mốc q1 (20)"]),
    (dict(milestones="{q1: 10}", kind="level", op='"<="'),
     ["mốc (milestones) chỉ dùng cho chỉ tiêu lũy kế (cumulative), hoặc tỷ lệ, mức cần đạt từ (>=, >) một số; "
      "không cùng share_of"]),
    (dict(milestones="{q1: 10, h1: 30}", change="percent", plan="8", base="50"), []),  # on the way to 54
    (dict(milestones="{q1: 10, h1: 150}", change="percent", plan="8", base="50"),
     ["mốc h1 (150) phải nằm trong kế hoạch năm (từ 0 đến 54)"]),
    (dict(milestones="{q1: 4, h1: 8}", change="percent", plan="17", base="520"),  # '+17%' misread as the way
     ["các mốc (4, 8) nhỏ như phần trăm trong khi kế hoạch năm là 608.4 tấn: mốc ghi bằng đơn vị của số liệu (tấn), "
      "số phải đạt đến hết kỳ"]),
    (dict(milestones="{q1: 4, h1: 8, 9m: 400}", change="percent", plan="17", base="520"), []),  # a late harvest
    (dict(milestones="{q1: 4, h1: 8}", change="percent", plan="17"),
     ["mốc của chỉ tiêu tính mức tăng ghi bằng đơn vị của số liệu; cần base (số năm trước) để kiểm tra các mốc"]),
])
def test_milestones_rise_within_the_plan(tmp_path, fields, expected):
    assert problems(tmp_path, **fields) == expected


@pytest.mark.parametrize(("fields", "expected"), [
    (dict(kind="checklist", unit="tiêu chí", plan="2", items="[]"),
     ["chỉ tiêu loại checklist phải có danh sách tiêu chí (items)"]),
    (dict(kind="checklist", unit="tiêu chí", plan="3", items="[a, b]"), ["kế hoạch 3 lớn hơn số tiêu chí (2)"]),
    (dict(kind="checklist", unit="tiêu chí", plan="2", items="[a, b]"), []),
    (dict(kind="checklist", unit="tiêu chí", plan="2", items="[a, b]", signed="true"),
     ["chỉ tiêu checklist đếm tiêu chí đạt: op '>=', không dùng khoảng, change, signed hay every"]),
    (dict(kind="checklist", unit="tiêu chí", plan="[1, 2]", op="between", items="[a, b]"),
     ["chỉ tiêu checklist đếm tiêu chí đạt: op '>=', không dùng khoảng, change, signed hay every"]),
    (dict(items="[a]"), ["chỉ chỉ tiêu loại checklist mới có danh sách tiêu chí (items)"]),
    (dict(kind="ratio", unit="người"), ["chỉ tiêu tỷ lệ (ratio) phải có đơn vị '%', không phải 'người'"]),
    (dict(kind="ratio", unit='"%"', plan="100.1"), ["kế hoạch của chỉ tiêu tỷ lệ không thể vượt 100%"]),
    (dict(kind="ratio", unit='"%"', plan="100"), []),
    (dict(kind="ratio", unit='"%"', plan="10", signed="true"),
     ["chỉ tiêu tỷ lệ (ratio) không dùng change, signed hay above_100"]),
    (dict(near_from="95", plan="[90, 99]", op="between"),
     ["chỉ tiêu có kế hoạch là khoảng (between) không dùng ngưỡng gần đạt (near_from)"]),
    (dict(near_from="100.1"), ["ngưỡng gần đạt (near_from) phải nằm ở phía chưa đạt của kế hoạch"]),
    (dict(near_from="100"), []),
    (dict(near_from="99.9", op='"<="'), ["ngưỡng gần đạt (near_from) phải nằm ở phía chưa đạt của kế hoạch"]),
    (dict(near_from="100", op='"<="'), []),
])
def test_each_kind_has_its_fields(tmp_path, fields, expected):
    assert problems(tmp_path, **fields) == expected


@pytest.mark.parametrize(("fields", "expected"), [
    (dict(plan="[1, 2]"), []),  # at least 1, aiming at 2
    (dict(plan="[1, 2]", op='"<="'), []),  # at most 2, aiming at 1
    (dict(plan="[1, 2]", op=None),
     ["khoảng kế hoạch [1, 2] chưa rõ nghĩa: ghi op: '>=' (từ 1 trở lên, phấn đấu 2; trên 2 là vượt kế hoạch), "
      "op: '<=' (không quá 2, phấn đấu 1) hoặc op: between (chỉ đạt khi trong khoảng từ 1 đến 2)"]),
    (dict(plan="[1, 2]", op='">"'), ["khoảng kế hoạch dùng op '>=', '<=' hoặc between, không phải '>'"]),
    (dict(plan="[2, 2]", op="between"), ["kế hoạch là một khoảng [thấp, cao], thấp nhỏ hơn cao, ví dụ plan: [14, 15]"]),
    (dict(plan="[1, 2, 3]", op="between"),
     ["kế hoạch là một khoảng [thấp, cao], thấp nhỏ hơn cao, ví dụ plan: [14, 15]"]),
    (dict(plan="5", op="between"),
     ["op: between cần kế hoạch là một khoảng [thấp, cao], thấp nhỏ hơn cao, ví dụ plan: [14, 15]"]),
    (dict(plan="[1, 2]", op="between"), []),
    (dict(plan="-1"), ["kế hoạch -1 là số âm; chỉ tiêu cần giảm thì ghi op: '<=' (không quá) hoặc '<' (dưới) với "
                       "kế hoạch dương, hoặc change: percent với kế hoạch là phần trăm giảm (số âm)"]),
    (dict(plan="-1", signed="true", kind="level"), []),
    (dict(plan="0"), []),
])
def test_plans_fit_their_comparison(tmp_path, fields, expected):
    assert problems(tmp_path, **fields) == expected


@pytest.mark.parametrize(("fields", "expected"), [
    (dict(base="10"), ["base (số năm trước) chỉ dùng với change: percent hoặc points"]),
    (dict(change="percent", plan="8", base="0"), ["base (số năm trước) phải lớn hơn 0 để tính mức tăng, giảm"]),
    (dict(change="percent", plan="8", base="0.01"), []),
    (dict(change="percent", plan="8"), []),
])
def test_a_change_has_a_base_above_zero(tmp_path, fields, expected):
    assert problems(tmp_path, **fields) == expected


@pytest.mark.parametrize(("fields", "expected"), [
    (dict(parent="zz"), ["chỉ tiêu cha 'zz' không tồn tại"]),
    (dict(parent="x"), ["chỉ tiêu không thể là cha của chính nó"]),
    (dict(parent="4e"), []),
    (dict(sum_of="[4e1, zz]"), ["chỉ tiêu thành phần 'zz' không tồn tại"]),
    (dict(sum_of="[x]"), ["chỉ tiêu không thể là tổng của chính nó"]),
    (dict(sum_of="[4e1, 4e2]", plan="994"), []),
    (dict(sum_of="[4e1, 4e2]", plan="995"), ["kế hoạch 995 không bằng tổng các thành phần 4e1 + 4e2 = 994"]),
    (dict(sum_of="[4e1, 4e2]", plan="994", unit="kg"),
     ["thành phần '4e1' phải cùng đơn vị và loại với 'x'", "thành phần '4e2' phải cùng đơn vị và loại với 'x'"]),
    (dict(sum_of="[4e1, 4e2]", plan="994", kind="level"),
     ["thành phần '4e1' phải cùng đơn vị và loại với 'x'", "thành phần '4e2' phải cùng đơn vị và loại với 'x'"]),
    (dict(sum_of="[4e1, 4e2]", plan="[900, 1000]", op="between"),
     ["chỉ tiêu tổng (sum_of) và các thành phần phải có kế hoạch là một số, không là khoảng hay mức tăng"]),
    (dict(sum_of="[4e1, 4e2]", plan="8", change="percent"),
     ["chỉ tiêu tổng (sum_of) và các thành phần phải có kế hoạch là một số, không là khoảng hay mức tăng"]),
])
def test_references_and_sums(tmp_path, fields, expected):
    assert problems(tmp_path, **fields) == expected


def test_ids_are_unique_across_objectives_targets_and_tasks(tmp_path):
    assert problems(tmp_path, id="4E1") == ["mã chỉ tiêu '4E1' trùng với mã chỉ tiêu ở dòng 181"]
    assert problems(tmp_path, id="4dd") == ["mã chỉ tiêu '4dd' trùng với mã chỉ tiêu ở dòng 164"]
    assert problems(tmp_path, id='"9"') == ["mã chỉ tiêu '9' trùng với mã mục tiêu ở dòng 426"]


def test_the_years_agree(tmp_path):
    assert problems(tmp_path, replace=("\nyear: 2023\n", "\nyear: 2024\n")) == [
        "năm 2024 không khớp với thư mục 2023", "năm 2023 không khớp với năm của mục tiêu (2024)"]


def test_a_new_years_empty_fields_are_warnings(tmp_path):
    folder = tmp_path / "2023"
    shutil.copytree(SHIPPED / "2023", folder, ignore=shutil.ignore_patterns("*.jsonl", "*.lock"))
    path = folder / "objectives.yaml"
    text = path.read_text(encoding="utf-8")
    assert open_folder(folder, 2023).warnings == []
    text = text.replace("  number: 27/QĐ-UBND\n  date: 2023-02-01\n", "  number:\n  date:\n")
    history = text[text.index("  history:\n"):text.index("\nreport:")]
    path.write_text(text.replace(history, "  history: []\n"), encoding="utf-8")
    assert [(w.line, w.message) for w in open_folder(folder, 2023).warnings] == [
        (21, "chưa điền số quyết định ban hành mục tiêu (decision.number)"),
        (22, "chưa điền ngày quyết định (decision.date)"),
        (27, "chưa ghi lần ban hành (revision.history)")]


def test_every_target_is_checked_after_one_with_a_problem(tmp_path):
    between_sum = dict(sum_of="[4e1, 4e2]", plan="[900, 1000]", op="between")
    assert problems(tmp_path, between_sum, between_sum) == [
        "chỉ tiêu tổng (sum_of) và các thành phần phải có kế hoạch là một số, không là khoảng hay mức tăng"] * 2
    assert problems(tmp_path, dict(plan="[1, 2]", op='">"'), dict(plan="[2, 1]", op="between")) == [
        "khoảng kế hoạch dùng op '>=', '<=' hoặc between, không phải '>'",
        "kế hoạch là một khoảng [thấp, cao], thấp nhỏ hơn cao, ví dụ plan: [14, 15]"]
    assert problems(tmp_path, dict(plan="[2, 1]", op="between"), dict(plan="[1]")) == [
        "kế hoạch là một khoảng [thấp, cao], thấp nhỏ hơn cao, ví dụ plan: [14, 15]"] * 2
    assert problems(tmp_path, dict(plan="[1, 2]", op="between"), dict(plan="-1")) == [
        "kế hoạch -1 là số âm; chỉ tiêu cần giảm thì ghi op: '<=' (không quá) hoặc '<' (dưới) với "
        "kế hoạch dương, hoặc change: percent với kế hoạch là phần trăm giảm (số âm)"]
    assert problems(tmp_path, dict(milestones="{q1: 1}", kind="level", op='"<"'), dict(milestones="{q1: 200}")) == [
        "mốc (milestones) chỉ dùng cho chỉ tiêu lũy kế (cumulative), hoặc tỷ lệ, mức cần đạt từ (>=, >) một số; "
        "không cùng share_of",
        "mốc q1 (200) phải nằm trong kế hoạch năm (từ 0 đến 100)"]


def test_tasks_and_targets_share_ids_but_sections_have_their_own(tmp_path):
    [duplicate] = problems(tmp_path, id='"I.1"')  # named in plan.yaml, where the other file is named in full
    assert duplicate.startswith("mã nhiệm vụ 'I.1' trùng với mã chỉ tiêu ở /") and duplicate.endswith(
        "/2023/objectives.yaml:448")
    assert problems(tmp_path, id="I") == []


LAST = '      - id: "9.2"\n        short: CB,CC tham gia đầy đủ tập huấn\n'


def test_a_duplicate_id_is_found_at_its_own_line_wherever_the_entry_puts_it(tmp_path):
    id_second = LAST.replace('- id: "9.2"\n        short:', '- short:').replace("huấn\n", 'huấn\n        id: "9.1"\n')
    assert problems(tmp_path, replace=(LAST, id_second)) == ["mã chỉ tiêu '9.1' trùng với mã chỉ tiêu ở dòng 432"]
    first_moved = LAST.replace('- id: "9.2"\n        short:', '- short:').replace("huấn\n", 'huấn\n        id: "9.2"\n')
    assert problems(tmp_path, replace=(LAST, first_moved), id='"9.2"') == [
        "mã chỉ tiêu '9.2' trùng với mã chỉ tiêu ở dòng 440"]  # its id's line, under its short name


# The lines the tool wrote: each rule at its edge, on a year built in memory.

def year_of(targets=(), tasks=(), records=(), completions=(), events=(), withdrawals=()) -> YearData:
    objectives = Objectives(schema_version=3, year=2023, issuer=Issuer(unit="Xã An Hòa", place="An Hòa"),
                            decision=Decision(), revision=Revision(number=1),
                            objectives=[Objective(id=1, title="Mục tiêu", targets=list(targets) or [target(id="0")])])
    plan = Plan(schema_version=3, year=2023, title="Kế hoạch",
                sections=[Section(id="I", objective=1, title="Phần", tasks=list(tasks) or [task("0", repeat="yearly")])])

    def lines(name, entries):
        return Lines(name, tuple(entries), tuple(range(1, len(entries) + 1)))

    return YearData(objectives=objectives, objectives_source=Source("objectives.yaml"), plan=plan,
                    plan_source=Source("plan.yaml"), record_lines=lines("records.jsonl", records),
                    completion_lines=lines("completions.jsonl", completions),
                    event_lines=lines("actions.jsonl", events), withdrawal_lines=lines("withdrawals.jsonl", withdrawals))


def line_problems(year: YearData) -> list[tuple[str, int, str]]:
    return [(e.file, e.line, e.message) for e in run_checks(year)]


def test_a_stored_figure_must_fit_the_years_objectives():
    tonnes = target(id="4đ", plan="1936.49", kind="cumulative", unit="tấn")
    checklist = target(id="4h", plan="2", kind="checklist", unit="tiêu chí", items=["Giao thông", "Trường học"])
    signed = target(id="g", kind="level", signed=True)
    records = [rec("4đ", value="5"), rec("x", value="5"), rec("4đ", as_of=date(2022, 6, 30), value="5"),
               rec("4đ", value="-5"), rec("g", value="-5"), rec("4đ", value="0"), rec("4h", item="Điện", met=True),
               rec("4h", item="Giao thông", met=True)]
    assert line_problems(year_of([tonnes, checklist, signed], records=records)) == [
        ("records.jsonl", 2, "chỉ tiêu 'x' không còn trong objectives.yaml"),
        ("records.jsonl", 3, "ngày số liệu 30/06/2022 nằm ngoài năm 2023"),
        ("records.jsonl", 4, "số liệu -5 là số âm, nhưng chỉ tiêu 4đ không nhận số âm (signed)"),
        ("records.jsonl", 7, "tiêu chí 'Điện' không còn trong danh sách của chỉ tiêu 4h (Giao thông, Trường học)"),
    ]


def test_a_stored_completion_must_fit_the_plan():
    quarterly = task("7", repeat="quarterly")
    completions = [done("7", "2023-Q2", date(2023, 6, 1)), done("8", "2023-Q2", date(2023, 6, 1)),
                   done("7", "Q5", date(2023, 6, 1)), done("7", "2023-Q3", date(2023, 6, 1))]
    assert line_problems(year_of(tasks=[quarterly], completions=completions)) == [
        ("completions.jsonl", 2, "nhiệm vụ '8' không còn trong plan.yaml"),
        ("completions.jsonl", 3, "nhiệm vụ 7 không có lần thực hiện 'Q5'"),
    ]


def test_each_stored_event_must_fit_the_register():
    events = [opened(1), opened(1), opened(2, subject="7", kind="task", occurrence="2023"), opened(3, subject="7"),
              opened(4, subject="1.1", kind="task"), closed(9), closed(1), closed(1),
              dataclasses.replace(opened(5), id="HĐKP-2022-05"), dataclasses.replace(opened(5), id="HĐKP-2023-5")]
    year = year_of([target(id="1.1")], [task("7", repeat="yearly")], events=events)
    assert line_problems(year) == [
        ("actions.jsonl", 2, "số phiếu HĐKP-2023-01 đã được mở ở một dòng trước (hai bản dữ liệu được gộp?); "
                             "đổi số phiếu này"),
        ("actions.jsonl", 4, "hành động HĐKP-2023-03 nói về '7', không còn trong mục tiêu và kế hoạch"),
        ("actions.jsonl", 5, "hành động HĐKP-2023-04 nói về '1.1', không còn trong mục tiêu và kế hoạch"),
        ("actions.jsonl", 6, "đóng hành động 'HĐKP-2023-09' chưa từng được mở"),
        ("actions.jsonl", 8, "hành động HĐKP-2023-01 đã được đóng ở một dòng trước"),
        ("actions.jsonl", 9, "số phiếu 'HĐKP-2022-05' không đúng dạng HĐKP-2023-01"),
        ("actions.jsonl", 10, "số phiếu 'HĐKP-2023-5' không đúng dạng HĐKP-2023-01"),
    ]


def test_a_withdrawal_names_a_line_of_the_year_once():
    figure = dataclasses.replace(rec("1.1", value="5"), ref="SL-AAAAAAAA")
    completion = dataclasses.replace(done("7", "2023", date(2023, 6, 1)), ref="HT-BBBBBBBB")
    withdrawals = [withdrawal("sl-aaaaaaaa"), withdrawal("HT-BBBBBBBB"), withdrawal("SL-AAAAAAAA"),
                   withdrawal("SL-CCCCCCCC")]
    year = year_of([target(id="1.1")], [task("7", repeat="yearly")], [figure], [completion], withdrawals=withdrawals)
    assert line_problems(year) == [
        ("withdrawals.jsonl", 3, "dòng 'SL-AAAAAAAA' đã được rút ở một dòng trước"),
        ("withdrawals.jsonl", 4, "không có dòng số liệu, hoàn thành hay đóng phiếu nào mang mã 'SL-CCCCCCCC'"),
    ]


def withdrawal(ref: str) -> Withdrawal:
    return Withdrawal(ref=ref, reason="nhầm", by="x", recorded_at=datetime(2023, 7, 1, tzinfo=timezone.utc))
