"""A closing withdrawn leaves its action open: it may be closed again."""

from __future__ import annotations

import dataclasses

from mtcl.core.actions import build_closed
from tests.core.test_actions import STAMP, TODAY, closed, opened


def test_an_action_whose_closing_was_withdrawn_may_be_closed_again():
    first = dataclasses.replace(closed(1), ref="DP-AAAAAAAA")
    line = build_closed("HĐKP-2023-01", "Làm lại", None, True, [opened(1), first], TODAY, STAMP,
                        withdrawn={"DP-AAAAAAAA"})
    assert (line.id, line.result, line.closed_on, line.effective) == ("HĐKP-2023-01", "Làm lại", TODAY, True)
