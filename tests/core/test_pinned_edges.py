"""Edges of the core that mutation testing found unpinned: a share written as a range, two
milestones on the same day, a key's default and meaning, a quoted number of exactly the most
digits, an empty label.  Each expected value is worked out by hand from the rule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from pydantic import BaseModel, ValidationError

from mtcl.core.checks import milestones_rise, shares_fit
from mtcl.core.goals import expected_at
from mtcl.core.models import _say
from mtcl.core.numbers import TOO_MANY_DIGITS
from mtcl.core.validation import not_a_number
from mtcl.core.words import lowered
from tests.core.test_checks_messages import found, reference
from tests.test_attainment import target

QUOTED = "được viết như chữ (trong dấu ngoặc kép): ghi số không có dấu ngoặc, như"


def test_a_share_of_the_estimate_written_as_a_range_is_refused():
    # 'đạt từ 105% đến 110% dự toán' as plan: [105, 110]: a share is one number of the estimate.
    share = target(id="3.1", plan=["105", "110"], kind="level", unit="tỷ đồng", share_of="R")
    assert found(shares_fit, share, reference()) == [
        ("3.1", "share_of", "kế hoạch của chỉ tiêu 3.1 là % của số tham chiếu: ghi một số (plan: 105), không ghi khoảng")]
    one = target(id="3.2", plan="105", kind="level", unit="tỷ đồng", share_of="R")
    assert found(shares_fit, one, reference()) == []


@pytest.mark.parametrize(("marks", "message"), [
    # q1 and m3 both end on 31/3: a rising pair would put two values on one day.
    ({"q1": "10", "m3": "20"}, "mốc m3 và mốc q1 cùng là ngày 31/3: chỉ ghi một mốc"),
    ({"h1": "40", "m6": "45"}, "mốc m6 và mốc h1 cùng là ngày 30/6: chỉ ghi một mốc"),
    # falling as well: the same day is said, not the fall.
    ({"m9": "70", "9m": "60"}, "mốc 9m và mốc m9 cùng là ngày 30/9: chỉ ghi một mốc"),
])
def test_two_milestones_on_the_same_day_are_refused(marks, message):
    t = target(id="t", plan="100", kind="cumulative", unit="tấn", milestones={k: D(v) for k, v in marks.items()})
    assert found(milestones_rise, t) == [("t", "milestones", message)]


def test_milestones_on_different_days_pass_and_the_curve_goes_through_them():
    t = target(id="t", plan="100", kind="cumulative", unit="tấn", milestones={"q1": D("20"), "m5": D("40")})
    assert found(milestones_rise, t) == []
    # 31/3 is day 90 of 2023: on the first milestone exactly; 31/5 is day 151: on the second.
    assert expected_at(t, date(2023, 3, 31), D(100)) == D(20)
    assert expected_at(t, date(2023, 5, 31), D(100)) == D(40)
    # 31/12 is day 365, the year's end: the plan itself.
    assert expected_at(t, date(2023, 12, 31), D(100)) == D(100)
    # 30/4 is day 120: 20 + (40 − 20) × (120 − 90) / (151 − 90) = 20 + 600/61.
    assert expected_at(t, date(2023, 4, 30), D(100)) == D(20) + D(600) / D(61)


def test_a_key_declared_with_its_meaning_keeps_its_default_and_shows_its_meaning():
    class Probe(BaseModel):
        times: int = _say("Số lần thực hiện", 3)
        note: str | None = _say("Ghi chú")

    assert Probe().times == 3
    assert Probe().note is None
    schema = Probe.model_json_schema()["properties"]
    assert schema["times"]["description"] == "Số lần thực hiện"
    assert schema["times"]["default"] == 3
    assert schema["note"]["description"] == "Ghi chú"


def test_a_key_declared_required_must_be_written():
    class Probe(BaseModel):
        code: str = _say("Mã", ...)

    with pytest.raises(ValidationError):
        Probe()
    assert Probe(code="X").code == "X"


@pytest.mark.parametrize(("text", "expected"), [
    # 15 digits, the most a number may have (MAX_DIGITS): only the quotes are wrong.
    ("123456789012345", f"'123456789012345' {QUOTED} 123456789012345"),
    ("0.000000000000001", f"'0.000000000000001' {QUOTED} 0.000000000000001"),
    # 16 digits: too many, quoted or not.
    ("1234567890123456", f"số '1234567890123456' {TOO_MANY_DIGITS}"),
])
def test_a_quoted_number_of_exactly_the_most_digits_is_only_quoted(text, expected):
    assert not_a_number(text) == expected


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_or_blank_label_is_lowered_to_itself(text):
    assert lowered(text) == text
