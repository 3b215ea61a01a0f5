"""Help in the officer's words (issue 36): no command or subcommand shows a Python type tag
('<str>', '<list[Path]>') or an English default, at 80 and at 120 columns."""

from __future__ import annotations

import re

import pytest
import typer.main
from typer.testing import CliRunner

from mtcl.cli.app import app

ENGLISH_DEFAULT = re.compile(r"\[mặc định: [^\]]*[a-z]{4,}[^\]]*\]")


def command_paths(group=None, path=()) -> list[tuple[str, ...]]:
    """Every command and subcommand of mtcl, as the words typed after 'mtcl'."""
    group = group or typer.main.get_command(app)
    found = [path]
    for name, command in getattr(group, "commands", {}).items():
        found += command_paths(command, (*path, name))
    return found


PATHS = command_paths()


def test_every_command_is_reached():
    names = {" ".join(p) for p in PATHS}
    assert {"status", "record", "report", "action open", "action close", "templates export"} <= names


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "mtcl")
def test_help_shows_what_to_type_in_vietnamese(path, columns):
    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": str(columns), "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert not re.search(r"<[a-zA-Z\[\], ]+>", result.output), result.output
    assert not ENGLISH_DEFAULT.search(result.output), result.output
    assert "Xem hướng dẫn này rồi thoát." in result.output
