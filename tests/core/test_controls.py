"""No text of a hand-written file holds a control character: names, lists and mappings."""

import pytest
from pydantic import ValidationError

from mtcl.core.models import Issuer, Target


def target(**extra):
    fields = dict(id="1.1", name="Tỷ lệ hồ sơ", unit="%", plan=95, op=">=", kind="ratio")
    return Target(**{**fields, **extra})


@pytest.mark.parametrize("extra", [{"name": "Tỷ lệ\x1b hồ sơ"}, {"id": "1.\x07"}, {"items": ["Giao\x00 thông"]},
                                   {"unit": "\x9b%"}])
def test_a_control_character_anywhere_is_refused_with_its_escape(extra):
    with pytest.raises(ValidationError) as caught:
        target(**extra)
    assert "có ký tự điều khiển (\\x" in str(caught.value) and "không được phép" in str(caught.value)


def test_a_line_break_and_a_tab_are_text():
    assert target(name="Tỷ lệ\nhồ sơ\tđúng hạn").name == "Tỷ lệ\nhồ sơ\tđúng hạn"
    assert Issuer(authority="Ủy ban nhân dân", unit="Xã A", place="A", parent="UBND tỉnh\tB").parent == "UBND tỉnh\tB"


def test_a_mapping_is_checked_by_its_keys_too():
    with pytest.raises(ValidationError):
        target(kind="cumulative", milestones={"h1\x1b": 40})
