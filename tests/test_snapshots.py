"""What the officer sees, pinned exactly: the tables at 100 and 80 columns, and the JSON.

Run on the shipped example (a six-month set of illustrative figures) on 12/06/2023.  A
change to any of these outputs shows as a failing snapshot; when the change is meant,
regenerate with ``python -m pytest tests/test_snapshots.py --snapshot-update`` and read
the diff before committing it.
"""

from __future__ import annotations

import re
import shutil

import pytest
from typer.testing import CliRunner

from mtcl.cli.app import app
from tests.conftest import REPO

COMMANDS = {
    "status": ["status"],
    "status-h1": ["status", "--period", "h1"],
    "plan": ["plan"],
    "history": ["history", "4đ"],
    "action-list": ["action", "list"],
}


@pytest.fixture
def example(tmp_path, monkeypatch):
    root = tmp_path / "examples"
    shutil.copytree(REPO / "examples", root)
    monkeypatch.setenv("MTCL_DATA", str(root))
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    monkeypatch.setenv("MTCL_USER", "Nguyễn Thị Thu")
    runner = CliRunner()

    def run(*args: str, columns: int | None = None) -> str:
        env = {"COLUMNS": str(columns)} if columns else {}
        result = runner.invoke(app, list(args), env=env)
        assert result.exit_code == 0, result.output
        return result.stdout

    return run


@pytest.mark.parametrize("columns", [100, 80])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_table(example, snapshot, name, columns):
    assert example(*COMMANDS[name], columns=columns) == snapshot


@pytest.mark.parametrize("name", list(COMMANDS))
def test_json(example, snapshot, name):
    assert example(*COMMANDS[name], "--json") == snapshot


def test_targets_json(example, snapshot):
    assert example("targets", "--json") == snapshot


@pytest.mark.parametrize("columns", [120])
@pytest.mark.parametrize("name", ["status", "plan"])
def test_table_wide(example, snapshot, name, columns):
    """At 120 columns too: a long task wraps at a word, nothing is cut."""
    assert example(*COMMANDS[name], columns=columns) == snapshot


@pytest.fixture
def first_run(tmp_path, monkeypatch):
    """The shipped 2023 data, opened in December 2026 by someone who has just installed mtcl."""
    root = tmp_path / "data"
    shutil.copytree(REPO / "data", root)
    monkeypatch.chdir(tmp_path)  # paths shown as the officer sees them: data/2024/…
    monkeypatch.setenv("MTCL_DATA", "data")
    monkeypatch.setenv("MTCL_TODAY", "2026-12-04")
    return root


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("name", ["status", "plan"])
def test_first_run_says_why_the_year_is_empty(first_run, snapshot, name, columns):
    result = CliRunner().invoke(app, [name], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    assert result.stdout.count("năm 2023 đã qua mà chưa có số liệu nào được ghi") == 1
    assert result.stdout == snapshot


@pytest.mark.parametrize("columns", [80, 120])
def test_init_preview(first_run, snapshot, columns):
    result = CliRunner().invoke(app, ["init", "2024"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    assert not re.search(r"\w…|…\w", result.stdout)  # nothing cut mid-word
    assert result.stdout == snapshot
