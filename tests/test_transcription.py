"""The shipped 2023 data is the seed transcribed exactly (Phụ lục 1 and 2 of QĐ 27/QĐ-UBND).

The tables below were typed by hand from the seed, not generated from the YAML.
"""

from datetime import date
from decimal import Decimal

import pytest

from mtcl.files.book import open_year
from tests.conftest import SHIPPED

D = Decimal
TARGETS = [
    # id, plan, unit, op, kind
    ("1.1", D("100"), "%", ">=", "ratio"),
    ("2.1", D("100"), "%", ">=", "ratio"),
    ("2.2", D("85"), "%", ">=", "ratio"),
    ("3.1", D("100"), "%", ">=", "ratio"),
    ("3.2", D("85"), "%", ">=", "ratio"),
    ("4a", D("5.573"), "tỷ đồng", ">=", "cumulative"),
    ("4a1", D("1133"), "triệu đồng", ">=", "cumulative"),
    ("4b", D("5.573"), "tỷ đồng", ">=", "cumulative"),
    ("4c", D("42"), "triệu đồng", ">=", "level"),
    ("4d", D("101.715"), "tỷ đồng", ">=", "cumulative"),
    ("4đ", D("1936.49"), "tấn", ">=", "cumulative"),
    ("4e", D("994"), "tấn", ">=", "cumulative"),
    ("4e1", D("192"), "tấn", ">=", "cumulative"),
    ("4e2", D("802"), "tấn", ">=", "cumulative"),
    ("4ê", D("78000"), "lượt", ">=", "cumulative"),
    ("4g", D("81.52"), "tỷ đồng", ">=", "cumulative"),
    ("4h", D("3"), "tiêu chí", ">=", "checklist"),
    ("4i", D("3.37"), "%", "<=", "level"),
    ("4k", D("84.5"), "%", ">=", "level"),
    ("4l", D("10"), "người", ">=", "cumulative"),
    ("4m", D("0.9"), "%", "<=", "level"),
    ("4n", D("99.5"), "%", ">=", "level"),
    ("5.1", D("100"), "%", ">=", "ratio"),
    ("5.2", D("98"), "%", ">", "ratio"),
    ("5.3", D("100"), "%", ">=", "ratio"),
    ("5.4", D("100"), "%", ">=", "ratio"),
    ("5.5", D("100"), "%", ">=", "ratio"),
    ("5.6", D("50"), "%", ">=", "ratio"),
    ("5.7", D("95"), "%", ">=", "ratio"),
    ("6.1", D("100"), "%", ">=", "ratio"),
    ("6.2", D("85"), "%", ">=", "ratio"),
    ("7.1", D("90"), "%", ">", "ratio"),
    ("8.1", D("100"), "%", ">=", "ratio"),
    ("8.2", D("100"), "%", ">=", "ratio"),
    ("8.3", D("100"), "%", ">=", "ratio"),
    ("8.4", D("100"), "%", ">=", "ratio"),
    ("8.5", D("100"), "%", ">=", "ratio"),
    ("8.6", D("100"), "%", ">=", "ratio"),
    ("9.1", D("100"), "%", ">=", "ratio"),
    ("9.2", D("100"), "%", ">=", "ratio"),
]

VP = "Công chức VP-TK xã"
NGANH = "Các ngành"
Q = "quarterly"
C = "continuous"
TASKS = [
    # id, lead, deadlines (dates) or repeat
    ("I.1", VP, [date(2023, 2, 28)]),
    ("I.2", VP, [date(2023, 3, 31)]),
    ("I.3", VP, [date(2023, 3, 31)]),
    ("I.4", VP, "half-yearly"),
    ("I.5", VP, "yearly"),
    ("I.6", VP, [date(2023, 6, 15), date(2023, 11, 30)]),
    ("I.7", VP, C),
    ("II.1", NGANH, [date(2023, 3, 31)]),
    ("II.2", VP, Q),
    ("III.1", VP, C),
    ("III.2", VP, Q),
    ("IV.1", VP, [date(2023, 1, 31)]),
    ("IV.2", VP, [date(2023, 1, 31)]),
    ("IV.3", VP, [date(2023, 12, 31)]),
    ("V.1", VP, C),
    ("V.2", NGANH, C),
    ("V.3", NGANH, Q),
    ("V.4", NGANH, Q),
    ("VI.1", VP, C),
    ("VII.1", VP, C),
    ("VIII.1", NGANH, C),
    ("VIII.2", "Công chức VH-XH xã", [date(2023, 1, 31), date(2023, 6, 1), date(2023, 11, 30)]),
    ("VIII.3", VP, C),
    ("VIII.4", VP, C),
    ("VIII.5", VP, "yearly"),
    ("IX.1", VP, [date(2023, 10, 31)]),
]


@pytest.fixture(scope="module")
def year():
    return open_year(SHIPPED, 2023)


def test_every_target_is_transcribed(year):
    assert [t.id for t in year.targets.values()] == [row[0] for row in TARGETS]
    for target_id, plan, unit, op, kind in TARGETS:
        target = year.targets[target_id]
        assert (target.plan, target.unit, target.op, target.kind) == (plan, unit, op, kind), target_id


def test_parts_sums_and_checklist(year):
    assert year.targets["4a1"].parent == "4a"
    assert year.targets["4e1"].parent == year.targets["4e2"].parent == "4e"
    assert year.targets["4e"].sum_of == ["4e1", "4e2"]
    assert year.targets["4h"].items == ["Giao thông", "Trường học", "Thu nhập"]


def test_every_task_is_transcribed(year):
    assert [t.id for t in year.tasks.values()] == [row[0] for row in TASKS]
    for task_id, lead, schedule in TASKS:
        task = year.tasks[task_id]
        assert task.lead == lead, task_id
        if isinstance(schedule, list):
            assert task.due == schedule and task.repeat is None, task_id
        else:
            assert task.repeat == schedule and task.due == [], task_id


def test_header_of_the_decision(year):
    objectives = year.objectives
    assert objectives.issuer.name == "Ủy ban nhân dân xã Giang Hải"
    assert objectives.issuer.short_name == "UBND xã Giang Hải"
    assert objectives.issuer.place == "Giang Hải"
    assert objectives.issuer.parent is None
    assert (objectives.decision.number, objectives.decision.date) == ("27/QĐ-UBND", date(2023, 2, 1))
    assert objectives.revision.number == 1
    assert [s.objective for s in year.plan.sections] == list(range(1, 10))
