"""No command imports a module it does not use: start-up is paid on every run.

Each command is run through the real entry point (``mtcl.cli.main``), which loads only the
command asked for, and the modules it ended up importing are compared with what it needs.
"""

import json
import os
import subprocess
import sys

import pytest

from mtcl.cli.app import app
from mtcl.cli.main import MODULES

REPORT_LIBRARIES = {"docx", "docxtpl", "jinja2"}
SPREADSHEETS, CALENDARS, ROUND_TRIP, NUMBERS = {"openpyxl"}, {"icalendar"}, {"ruamel"}, {"babel"}
PICTURES = {"matplotlib", "numpy"}
OTHER_COMMANDS = {"mtcl.usecases.forms", "mtcl.files.workbook", "mtcl.usecases.newyear", "mtcl.report"}
# What each command may not load: the libraries and modules of the others.
NOT_NEEDED = REPORT_LIBRARIES | SPREADSHEETS | CALENDARS | ROUND_TRIP | NUMBERS | PICTURES


def loaded_modules(data_dir, *args: str) -> set[str]:
    code = (
        "import sys, json\n"
        "from mtcl.cli.main import main\n"
        f"sys.argv = ['mtcl', *{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    env = {**os.environ, "MTCL_DATA": str(data_dir), "MTCL_TODAY": "2023-06-12"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    names = json.loads(result.stderr.strip().splitlines()[-1])
    return {name.split(".")[0] for name in names} | {".".join(name.split(".")[:2]) for name in names}


@pytest.mark.parametrize("command", [["status"], ["status", "--json"], ["plan"], ["validate"], ["targets"],
                                     ["show", "4a"], ["history", "4a"], ["--help"]], ids=" ".join)
def test_views_load_nothing_they_do_not_use(data_dir, command):
    modules = loaded_modules(data_dir, *command)
    assert not modules & NOT_NEEDED, modules & NOT_NEEDED
    if command != ["--help"]:
        assert not modules & OTHER_COMMANDS, modules & OTHER_COMMANDS


def test_record_loads_no_report_or_spreadsheet(data_dir):
    modules = loaded_modules(data_dir, "record", "4c", "43,5")
    assert not modules & (NOT_NEEDED | {"mtcl.usecases.forms", "mtcl.files.workbook", "mtcl.report"})


def test_report_does_load_them(data_dir, tmp_path):
    modules = loaded_modules(data_dir, "report", "--period", "h1", "--out", str(tmp_path / "bc.docx"))
    assert REPORT_LIBRARIES <= modules and not modules & PICTURES


def test_only_the_picture_loads_the_drawing_library(data_dir, tmp_path):
    modules = loaded_modules(data_dir, "chart", "--period", "h1", "--out", str(tmp_path / "bd.png"))
    assert PICTURES <= modules and not modules & (REPORT_LIBRARIES | SPREADSHEETS)


def test_every_command_is_found_by_its_first_word():
    """mtcl.cli.main loads a command's module from the first word of the command line:
    every command the app has must be in its table, with the module that defines it."""
    found = {}
    for command in app.registered_commands:
        found[command.name] = command.callback.__module__.rsplit(".", 1)[-1]
    for group in app.registered_groups:
        modules = {c.callback.__module__.rsplit(".", 1)[-1] for c in group.typer_instance.registered_commands}
        (found[group.typer_instance.info.name],) = modules
    assert found == MODULES


def test_a_year_kept_in_the_cache_is_not_read_again(data_dir, tmp_path, monkeypatch):
    """The second status of an unchanged year takes it from the user's cache folder
    (files.cache): no YAML read, so PyYAML is not even loaded."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert "yaml" in loaded_modules(data_dir, "status")
    assert list((tmp_path / "cache" / "mtcl" / "years").iterdir())
    assert "yaml" not in loaded_modules(data_dir, "status")
