"""``--out`` on every command whose result is meant to be kept: the file gets the same JSON
standard output would, in UTF-8, whatever the shell (Windows PowerShell 5.1's ``>`` writes
UTF-16); an older result is replaced, any other file never."""

from __future__ import annotations

import json
import os
import shutil

import pytest
import typer.main
from typer.testing import CliRunner

from mtcl.cli.app import app
from tests.conftest import REPO

# Each command that prints JSON, with arguments that give it something to print.
JSON_COMMANDS = [["status"], ["targets"], ["plan"], ["history", "4c"], ["action", "list"]]


@pytest.fixture
def run(tmp_path, monkeypatch):
    shutil.copytree(REPO / "examples", tmp_path / "data", ignore=shutil.ignore_patterns("*.lock"))
    monkeypatch.setenv("MTCL_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, list(args))


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=" ".join)
def test_json_goes_to_the_file_out_names(run, tmp_path, args):
    printed = run(*args, "--json")
    assert printed.exit_code == 0, printed.output
    out = tmp_path / "ket-qua.json"
    for _ in range(2):  # written again: the older result is replaced
        written = run(*args, "--json", "--out", str(out))
        assert written.exit_code == 0, written.output
        assert written.stdout == "" and out.read_bytes() == printed.stdout.encode("utf-8")
    assert json.loads(out.read_text(encoding="utf-8"))
    assert run(*args, "--json", "--out", "-").stdout == printed.stdout  # '-' is the screen
    assert not (tmp_path / "-").exists()


def test_rollup_json_goes_to_its_file(run, tmp_path):
    for commune in ("giang-hai", "giao-lac"):
        shutil.copytree(REPO / "examples", tmp_path / "cac-xa" / commune)
    printed = run("rollup", "cac-xa", "--period", "h1", "--json")
    written = run("rollup", "cac-xa", "--period", "h1", "--json", "--out", "tong-hop.json")
    assert printed.exit_code == written.exit_code == 0, written.output
    assert (tmp_path / "tong-hop.json").read_text(encoding="utf-8") == printed.stdout
    refused = run("rollup", "cac-xa", "--out", "tong-hop.json")
    assert refused.exit_code == 1 and "--format và --out đi cùng nhau" in refused.stderr


def test_a_file_powershell_wrote_is_replaced_with_utf8(run, tmp_path):
    out = tmp_path / "tinh-hinh.json"
    out.write_bytes('{"cũ": 1}\r\n'.encode("utf-16"))  # what `mtcl status --json > tinh-hinh.json` left
    assert run("status", "--json", "--out", str(out)).exit_code == 0
    assert json.loads(out.read_bytes().decode("utf-8"))["year"] == 2023


def test_out_never_destroys_another_file(run, tmp_path):
    data = tmp_path / "data" / "2023"
    records = (data / "records.jsonl").read_bytes()
    notes = tmp_path / "ghi-chu.json"
    notes.write_text("Ghi chú của tôi, không phải JSON", encoding="utf-8")
    (tmp_path / "thu-muc.json").mkdir()
    os.symlink(tmp_path / "khong-co" / "x.json", tmp_path / "lien-ket.json")
    cases = {
        str(data / "records.jsonl"): "không có đuôi .json",
        str(notes): "đã có và không phải tệp JSON; không ghi đè",
        str(tmp_path / "thu-muc.json"): "không phải tệp thường",
        str(tmp_path / "lien-ket.json"): "là liên kết (shortcut) trỏ tới chỗ không còn",
        str(tmp_path / "khong-co" / "x.json"): "thư mục '",
    }
    for out, said in cases.items():
        result = run("status", "--json", "--out", out)
        assert result.exit_code == 1 and said in result.stderr, (out, result.output)
        assert "Traceback" not in result.output
    assert (data / "records.jsonl").read_bytes() == records
    assert notes.read_text(encoding="utf-8") == "Ghi chú của tôi, không phải JSON"


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=" ".join)
def test_out_without_json_is_said(run, tmp_path, args):
    result = run(*args, "--out", str(tmp_path / "x.json"))
    assert result.exit_code == 1 and "--out chỉ dùng với --" in result.stderr
    assert not (tmp_path / "x.json").exists()


def commands(group=None, path=()):
    group = group or typer.main.get_command(app)
    for name, command in getattr(group, "commands", {}).items():
        yield from commands(command, (*path, name))
    if not hasattr(group, "commands"):
        yield " ".join(path), {option for param in group.params for option in getattr(param, "opts", [])}


def test_every_command_that_prints_json_or_a_calendar_can_write_a_file():
    printing = {name: options for name, options in commands() if options & {"--json", "--ics"}}
    assert {"status", "targets", "plan", "history", "action list", "rollup"} <= set(printing)
    assert all("--out" in options for options in printing.values()), printing
