"""Text from a user or a file is shown as text: never markup, never a terminal command,
never bytes that break a record (issue 14, defects 1, 2 and 7, and their siblings)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from tests.adversarial.conftest import assert_refused, snapshot
from tests.conftest import replace_in

ESC = "\x1b[2J\x1b]0;bị chiếm\x07"


@pytest.fixture
def marked_units(data_dir):
    objectives = data_dir / "2023" / "objectives.yaml"
    replace_in(objectives, "        unit: lượt", '        unit: "[/]"')
    replace_in(objectives, "        unit: tấn\n        plan: 1936.49", "        unit: tấn [quy thóc]\n        plan: 1936.49")
    return data_dir


def test_a_unit_that_looks_like_markup_is_shown_as_written(cli, marked_units, june):
    for command in (["targets"], ["status"], ["show", "4ee"], ["status", "4dd"]):
        result = cli(*command)
        assert result.exit_code == 0, (command, result.output)
    assert "[/]" in cli("targets").stdout and "tấn [quy thóc]" in cli("targets").stdout
    assert "≥ 1.936,49 tấn [quy thóc]" in cli("status", "4dd").stdout
    recorded = cli("record", "4ee", "5.000")
    assert recorded.exit_code == 0 and "5.000 [/]" in recorded.stdout  # stored once, and said so
    assert len((marked_units / "2023" / "records.jsonl").read_text(encoding="utf-8").splitlines()) == 1
    assert "5.000 [/]" in cli("history", "4ee").stdout


def test_markup_in_what_the_officer_types_is_kept_literally(cli, data_dir, june):
    assert cli("record", "4c", "43", "--note", "[red]đỏ[/] [bold]", "--source", "[link=x]y[/link]").exit_code == 0
    history = cli("history", "4c").stdout
    assert "[red]đỏ[/] [bold]" in history and "[link=x]y[/link]" in history
    assert cli("done", "I.2", "--evidence", "KH [/] số 12", "--date", "5/4/2023").exit_code == 0
    assert "KH [/] số 12" in cli("plan", "I.2").stdout
    args = ["action", "open", "5.6", "--problem", "[blink]x[/]", "--action", "a", "--owner", "[/]",
            "--due", "30/9/2023", "--force"]
    assert cli(*args).exit_code == 0
    listing = cli("action", "list").stdout
    assert "[blink]x[/]" in listing and "[/], hạn" in listing


def test_an_error_quoting_markup_does_not_stop_years(cli, data_dir):
    shutil.copytree(data_dir / "2023", data_dir / "2022")
    replace_in(data_dir / "2022" / "objectives.yaml", "year: 2023", 'year: "[bold]x[/]"')
    result = cli("years")
    assert result.exit_code == 0 and "'[bold]x[/]' phải là một số" in result.stdout


@pytest.mark.parametrize("command", [
    ["record", "4c", "43", "--note", f"a{ESC}b"],
    ["record", "4c", "43", "--source", "nguồn\x0c"],
    ["record", "4c", "43", "--by", f"Thu{ESC}"],
    ["record", "4c", "43", "--note", "chữ \u202eđảo ngược"],
    ["record", "4h", "Giao\x1bthông"],
    ["done", "I.2", "--evidence", "KH\x07 12"],
    ["done", "I.2", "--evidence", "KH\n12"],
    ["action", "open", "5.6", "--problem", f"p{ESC}", "--action", "a", "--owner", "o", "--due", "30/9/2023"],
    ["action", "open", "5.6", "--problem", "p", "--action", "a", "--owner", "o\nx", "--due", "30/9/2023"],
])
def test_control_characters_typed_are_refused(cli, seeded, monkeypatch, command):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    before = snapshot(seeded)
    result = cli(*command)
    assert_refused(result, "có ký tự điều khiển")
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert snapshot(seeded) == before


def test_a_line_break_is_allowed_where_a_text_has_lines(cli, data_dir, june):
    assert cli("record", "4c", "43", "--note", "dòng một\ndòng hai\tcột").exit_code == 0
    (stored,) = json.loads(cli("history", "4c", "--json").stdout)
    assert stored["note"] == "dòng một\ndòng hai\tcột"


def test_a_control_character_in_the_environment_is_refused(cli, seeded, monkeypatch):
    monkeypatch.setenv("MTCL_USER", f"Thu{ESC}")
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    assert_refused(cli("record", "4c", "44"), "biến MTCL_USER có ký tự điều khiển (\\x1b)")


def test_control_characters_a_file_holds_are_shown_escaped(cli, seeded, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    folder = seeded / "2023"
    (folder / "records.jsonl").write_text(
        '{"target":"4c","as_of":"2023-06-01","value":"43","note":"a\\u001b[8mẩn","by":"x\\u000cy",'
        '"recorded_at":"2023-06-01T08:00:00Z"}\n', encoding="utf-8")
    (folder / "completions.jsonl").write_text(
        '{"task":"I.1","occurrence":"2023-02-28","done_on":"2023-02-01","evidence":"QĐ\\u000c27\\u0007",'
        '"by":"x","recorded_at":"2023-02-01T08:00:00Z"}\n', encoding="utf-8")
    # The hand-written YAML refuses them at their line (test_control_characters.py); lines a
    # program wrote into the stores keep them, shown escaped.
    outputs = {
        "history": cli("history", "4c"), "plan": cli("plan", "I.1"), "targets": cli("targets"),
        "status": cli("status", "4i"), "show": cli("show", "4i"), "md": cli("report", "--period", "h1", "--format", "md"),
    }
    for name, result in outputs.items():
        assert result.exit_code == 0, (name, result.output)
        assert "\x1b" not in result.stdout and "\x0c" not in result.stdout and "\x07" not in result.stdout, name
    assert "a\\x1b[8mẩn" in outputs["history"].stdout and "x\\x0cy" in outputs["history"].stdout
    assert "QĐ\\x0c27\\x07" in outputs["plan"].stdout
    assert "QĐ\\x0c27\\x07" in outputs["md"].stdout
    json_history = cli("history", "4c", "--json").stdout
    assert "\x1b" not in json_history and "\\u001b" in json_history  # JSON keeps the data, escaped


def test_a_page_break_in_a_file_is_not_a_page_break_in_word(cli, seeded, monkeypatch, tmp_path):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    (seeded / "2023" / "records.jsonl").write_text(
        '{"target":"4n","as_of":"2023-06-01","value":"98","note":"trước\\u000csau\\u0007hết",'
        '"by":"x","recorded_at":"2023-06-01T08:00:00Z"}\n', encoding="utf-8")
    out = tmp_path / "bc.docx"
    assert cli("report", "--period", "h1", "--out", str(out)).exit_code == 0
    document = Document(str(out))
    assert any("trước\\x0csau\\x07hết" in p.text for p in document.paragraphs)
    xml = document.element.xml
    assert 'w:type="page"' not in xml and "\x0c" not in xml


def run_with_bytes(data_dir: Path, *args: bytes, env: dict | None = None) -> subprocess.CompletedProcess:
    """``mtcl`` with raw bytes on its command line, as a shell passes a name typed in another code page."""
    environment = {**os.environ, "MTCL_DATA": str(data_dir), "MTCL_TODAY": "2023-06-12", "MTCL_USER": "Thu",
                   **(env or {})}
    return subprocess.run([sys.executable.encode(), b"-m", b"mtcl", *args], env=environment, capture_output=True)


@pytest.mark.parametrize("args, message", [
    ([b"record", b"4c", b"43", b"--note", b"ghi ch\xfa"], "--note có byte không phải UTF-8"),
    ([b"record", b"4c", b"43", b"--by", b"Thu\xe2"], "--by có byte không phải UTF-8"),
    ([b"done", b"I.2", b"--evidence", b"KH s\xf4 12"], "--evidence có byte không phải UTF-8"),
    ([b"action", b"close", "HĐKP-2023-01".encode(), b"--result", b"xong\xff", b"--effective"], "--result có byte"),
])
def test_bytes_that_are_not_utf8_are_refused(seeded, args, message):
    before = snapshot(seeded)
    result = run_with_bytes(seeded, *args)
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 1 and message in stderr and "Traceback" not in stderr
    assert snapshot(seeded) == before


def test_a_user_name_that_is_not_utf8_is_refused(seeded):
    result = run_with_bytes(seeded, b"record", b"4c", b"44", env={"MTCL_USER": "Thu\udce2"})
    assert result.returncode == 1 and "biến MTCL_USER có byte không phải UTF-8" in result.stderr.decode()


def test_an_evidence_file_named_in_another_code_page_is_stored_escaped(seeded):
    folder = seeded / "minh-chung"
    folder.mkdir()
    (folder / os.fsdecode(b"bi\xean-b\xe3n.pdf")).write_bytes(b"%PDF")
    result = run_with_bytes(seeded, b"done", b"I.2", b"--evidence", b"KH 12", b"--file",
                            os.fsencode(folder) + b"/bi\xean-b\xe3n.pdf")
    assert result.returncode == 0, result.stderr.decode()
    assert "tên tệp minh chứng có byte không phải UTF-8" in result.stderr.decode()
    line = (seeded / "2023" / "completions.jsonl").read_text(encoding="utf-8").splitlines()[-1]
    assert json.loads(line)["file"] == "data/minh-chung/bi\\xean-b\\xe3n.pdf"
