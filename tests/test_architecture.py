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
