"""What one entry of a hand-written file says of itself: ids as names, defaults, what an objective passes on."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from pydantic import ValidationError

from mtcl.core.models import Notes, Objective, Objectives, Section, Target, id_key
from mtcl.core.validation import describe_error
from tests.core.test_checks import year_of
from tests.core.test_schedule import task


def plain(**extra) -> Target:
    return Target(**{"id": "t", "name": "Thử", "kind": "level", "unit": "ha", "plan": D("5"), "op": ">=", **extra})


@pytest.mark.parametrize(("typed", "key"), [("4dd", "4đ"), ("4EE", "4ê"), (" 4Đ ", "4đ"), ("1.1", "1.1")])
def test_ids_compare_without_case_and_with_telex(typed, key):
    assert id_key(typed) == key


def test_an_id_written_as_a_number_is_a_name():
    assert plain(id=1).id == "1" and plain(id=D("1.1")).id == "1.1" and plain(parent=4).parent == "4"
    assert plain(parent=None).parent is None
    with pytest.raises(ValidationError):
        plain(id=True)


def test_a_figure_in_other_digits_is_refused_in_words():
    with pytest.raises(ValidationError) as caught:
        plain(base="١٢٣", change="percent")
    assert [describe_error(e) for e in caught.value.errors()] == ["'١٢٣' có chữ số không phải 0-9"]


def test_a_targets_optional_keys_have_their_defaults_and_their_meaning():
    t = plain()
    assert (t.short, t.sum_of, t.items, t.scale, t.signed, t.milestones, t.by) == (None, [], [], [], False, {}, None)
    assert Target.model_json_schema()["properties"]["short"]["description"] == "Tên ngắn, dùng trong bảng và báo cáo"
    assert Target.model_json_schema()["properties"]["sum_of"]["default"] == []


def test_an_objective_numbers_its_targets_and_passes_on_its_owner():
    mine, theirs = plain(id="a"), plain(id="b", owner="Công an")
    objective = Objective(id=3, title="Mục tiêu", owner="Văn phòng", targets=[mine, theirs])
    assert [(t.objective, t.owner) for t in objective.targets] == [(3, "Văn phòng"), (3, "Công an")]
    alone = Objective(id=4, title="Mục tiêu", targets=[plain(id="c")])
    assert [(t.objective, t.owner) for t in alone.targets] == [(4, None)]


def test_a_share_knows_the_label_of_what_it_is_a_share_of():
    reference = Target(id="R", name="Dự toán thu ngân sách", short="Dự toán thu", kind="reference", unit="tỷ đồng")
    share = plain(id="s", unit="tỷ đồng", share_of="R")
    year = year_of([reference, share, plain(id="p")])
    labels = {t.id: t.reference_label for t in year.objectives.targets}
    assert labels == {"R": None, "s": "Dự toán thu", "p": None}
    assert isinstance(year.objectives, Objectives)


def test_a_section_numbers_its_tasks():
    section = Section(id="II", objective=2, title="Phần", tasks=[task("7", repeat="yearly")])
    assert [(t.section, t.objective) for t in section.tasks] == [("II", 2)]


def test_the_notes_of_each_report_and_of_none():
    notes = Notes.model_validate({"q1": {"general": "quý một"}, "9m": {"general": "chín tháng"}})
    assert notes.of("q1").general == "quý một"
    assert notes.of("9m").general == "chín tháng"
    assert notes.of("q2").general is None and notes.of(None).general is None
    assert notes.of("year").objectives == {}
    assert notes.of("q5").general is None  # no such report: no notes
