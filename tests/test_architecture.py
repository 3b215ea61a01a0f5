"""The shape of the code, checked: the import-linter contracts of pyproject.toml, and the
rules no import graph shows (the edge of the program reads the clock; nothing hides an
import inside a function without saying what it saves)."""

from __future__ import annotations

import ast
import os
import re

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "mtcl"


def test_import_contracts_are_kept():
    from importlinter.cli import lint_imports

    os.chdir(REPO)
    assert lint_imports(no_cache=True) == 0


def modules(folder=PACKAGE):
    return sorted(p for p in folder.rglob("*.py"))


# What only the command line may do: print, read the clock or the environment, exit.
EDGE_CALLS = {"print", "input", "exit"}
EDGE_ATTRIBUTES = {("datetime", "now"), ("date", "today"), ("os", "environ"), ("os", "getenv"), ("sys", "exit"),
                   ("getpass", "getuser"), ("time", "time")}


@pytest.mark.parametrize("path", [p for p in modules() if "cli" not in p.parts], ids=lambda p: p.name)
def test_the_core_neither_prints_nor_reads_the_clock(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in EDGE_CALLS, f"{path.name}:{node.lineno} calls {node.func.id}()"
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            pair = (node.value.id, node.attr)
            assert pair not in EDGE_ATTRIBUTES, f"{path.name}:{node.lineno} uses {'.'.join(pair)}"


MEASURED = re.compile(r"#.*\b\d+ ms\b")


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_an_import_inside_a_function_names_its_measured_cost(path):
    """An import is kept inside a function only to spare start-up time, and its comment
    says how much (in ms); the edge still shows to import-linter, which reads every import."""
    lines = path.read_text(encoding="utf-8").splitlines()
    tree = ast.parse("\n".join(lines))
    for function in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
        imports = [n for n in ast.walk(function) if isinstance(n, (ast.Import, ast.ImportFrom))]
        if imports:
            first = imports[0]  # a group of imports carries its comment on the first
            said = lines[first.lineno - 1] + lines[first.lineno - 2]
            assert MEASURED.search(said), f"{path.name}:{first.lineno}: name the cost (… ms) in a comment"


@pytest.fixture
def no_disk(monkeypatch):
    """After this, any attempt to open, list or stat a file fails the test."""
    import builtins
    import io
    import pathlib

    def touched(*args, **kwargs):
        raise AssertionError(f"a computation touched the disk: {args[:1]}")

    for owner, name in [(builtins, "open"), (io, "open"), (os, "open"), (os, "listdir"), (os, "scandir"),
                        (os, "stat"), (pathlib.Path, "open"), (pathlib.Path, "read_bytes"),
                        (pathlib.Path, "read_text"), (pathlib.Path, "iterdir"), (pathlib.Path, "exists"),
                        (pathlib.Path, "is_dir"), (pathlib.Path, "is_file"), (pathlib.Path, "stat")]:
        monkeypatch.setattr(owner, name, touched)


def test_no_computation_opens_a_file(tmp_path, request):
    """Read everything, then compute: once the year (and last year) are read, where the
    year stands, the plan, every view, the reports' content and the JSON open no file."""
    import shutil
    from datetime import date

    from mtcl.files.book import open_year
    from mtcl.report import quality
    from mtcl.report.context import ReportOptions, build_context
    from mtcl.report.exports import EXPORTS, export_table
    from mtcl.usecases import views
    from mtcl.usecases.status import plan_status, target_history, year_status

    shutil.copytree(REPO / "tests" / "data" / "ward", tmp_path / "ward")  # a ward with last year's figures
    book = open_year(tmp_path / "ward", 2024, last_year=True)
    assert book.last is not None and book.last.records
    request.getfixturevalue("no_disk")
    with pytest.raises(AssertionError, match="touched the disk"):  # the guard is real: reading is refused now
        open_year(tmp_path / "ward", 2024)
    for day in (date(2024, 3, 31), date(2024, 6, 30), date(2024, 12, 31)):
        status, plan = year_status(book, day), plan_status(book, day)
        views.status_json(status)
        views.plan_json(plan, plan.states)
        for kind in EXPORTS:
            export_table(kind, book, status, plan)
        build_context(book, status, plan.states, ReportOptions("h1", day), year_status(book, date(2024, 6, 30)))
        quality.review_context(book, "h1", status, year_status(book, date(2024, 3, 31)), plan.states, day, "")
        quality.register_context(book, day)
        for target in book.targets.values():
            target_history(book, target, day)
