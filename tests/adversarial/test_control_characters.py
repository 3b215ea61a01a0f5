"""One rule for control characters in the hand-written files (issue 32): ESC, BEL and NUL
written as YAML escapes ("\\e", "\\a", "\\0") used to pass `validate`, then killed the
spreadsheet export and went raw into .ics and .csv.  Every YAML file mtcl reads refuses them
at their line, in every command; a line break and a tab stay text."""

from __future__ import annotations

import re

import pytest

from tests.conftest import line_of, replace_in


@pytest.mark.parametrize("file, old, new, escaped", [
    ("objectives.yaml", "unit: Xã Giang Hải", 'unit: "Xã \\e[31mGiang Hải"', "\\x1b"),
    ("plan.yaml", "lead: Công chức VP-TK xã", 'lead: "Công chức\\a VP-TK xã"', "\\x07"),
    ("objectives.yaml", "signer_title: Chủ tịch", 'signer_title: "Chủ\\0 tịch"', "\\x00"),
])
@pytest.mark.parametrize("command", [("validate",), ("status",), ("export", "plan", "--format", "xlsx")])
def test_a_control_character_is_refused_at_its_line_by_every_command(cli, data_dir, file, old, new, escaped,
                                                                      command):
    path = data_dir / "2023" / file
    replace_in(path, old, new)
    before = sorted(p.name for p in data_dir.rglob("*"))
    result = cli(*command)
    assert result.exit_code == 1, result.output
    assert re.search(rf"{file}:{line_of(path, new.split(':')[0] + ':')}:\d+: có ký tự điều khiển "
                     rf"\({re.escape(escaped)}\) không được phép", result.stderr), result.stderr
    assert "Traceback" not in result.output
    assert sorted(p.name for p in data_dir.rglob("*")) == before  # nothing written


def test_a_line_break_and_a_tab_stay_text(cli, data_dir):
    replace_in(data_dir / "2023" / "objectives.yaml", "signer_title: Chủ tịch", 'signer_title: "Chủ\\ttịch"')
    assert cli("validate").exit_code == 0


def test_notes_are_held_to_the_same_rule(cli, data_dir):
    (data_dir / "2023" / "notes.yaml").write_text('h1:\n  general: "Sáu tháng \\e[2J đầu năm"\n', encoding="utf-8")
    result = cli("validate")
    assert result.exit_code == 1 and "notes.yaml:2:" in result.stderr and "(\\x1b)" in result.stderr
