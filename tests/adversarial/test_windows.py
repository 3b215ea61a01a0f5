"""What a Windows office does to mtcl, simulated on Linux: a console or a redirect that is
not UTF-8, a file held open by Excel while mtcl replaces it, a shared drive without file
locks, paths typed with backslashes and drive letters, YAML saved by Notepad as "ANSI"."""

from __future__ import annotations

import json

import io
import os
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import filelock
import pytest

import mtcl.files.fs
from typer.testing import CliRunner

from mtcl.cli.app import app
from mtcl.cli.main import main
from mtcl.cli.streams import tone_apart, without_marks
from mtcl.files.fs import portable
from tests.conftest import REPO

ENCODINGS = ["cp1258", "cp1252", "ascii"]
# Every command that prints, with arguments that make it print Vietnamese.
COMMANDS = [
    ["--help"], ["status"], ["status", "--json"], ["status", "4h", "5.2"], ["plan"], ["plan", "--json"],
    ["targets"], ["show", "4a"], ["show", "I.6"], ["history", "5.2"], ["validate"], ["years"],
    ["action", "list"], ["templates", "list"], ["report", "--period", "h1", "--format", "md"],
    ["record", "4c", "43,5"], ["record", "4z", "1"], ["status", "--period", "x"], ["status", "--khong-co"],
]
EXIT = {"record 4z 1": 1, "status --period x": 1, "status --khong-co": 2}  # a mistake, said in Vietnamese


class Console(io.TextIOWrapper):
    """A stream in a code page, as a redirect (a file, a pipe) or a terminal sees it."""

    def __init__(self, encoding: str, terminal: bool):
        super().__init__(io.BytesIO(), encoding=encoding, errors="strict")
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal

    def written(self) -> bytes:
        self.flush()
        return self.buffer.getvalue()


def run_main(monkeypatch, args: list[str], encoding: str, terminal: bool) -> tuple[int, bytes, bytes]:
    """The real entry point with standard output and error in ``encoding``."""
    out, err = Console(encoding, terminal), Console(encoding, terminal)
    saved = sys.stdout, sys.stderr
    monkeypatch.setattr(sys, "argv", ["mtcl", *args])
    sys.stdout, sys.stderr = out, err
    try:
        with pytest.raises(SystemExit) as stop:
            main()
    finally:
        sys.stdout, sys.stderr = saved
    return stop.value.code or 0, out.written(), err.written()


@pytest.fixture
def example(tmp_path, monkeypatch):
    import shutil

    shutil.copytree(REPO / "examples", tmp_path / "data", ignore=shutil.ignore_patterns("*.lock"))
    monkeypatch.setenv("MTCL_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    monkeypatch.setenv("MTCL_USER", "Nguyễn Thị Thu")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


@pytest.fixture
def cli_in(example):
    """The CLI through typer's runner, on the copy of the example."""
    runner = CliRunner()
    return lambda *args: runner.invoke(app, list(args))


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_redirect_in_any_code_page_gets_utf8(example, monkeypatch, encoding, args):
    code, out, err = run_main(monkeypatch, args, encoding, terminal=False)
    assert code == EXIT.get(" ".join(args), 0), err.decode("utf-8")
    text = (out + err).decode("utf-8")  # what a redirect or a pipe gets is UTF-8, whatever the code page
    assert "Traceback" not in text
    assert any(ch in text for ch in "ạảấầệịọồớờụưứừĐđ"), text[:200]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_terminal_that_cannot_show_vietnamese_gets_it_without_marks(example, monkeypatch, encoding):
    code, out, err = run_main(monkeypatch, ["status", "5.2", "4h"], encoding, terminal=True)
    assert code == 0
    shown, said = out.decode(encoding), err.decode(encoding)
    assert said.count("không hiện đủ tiếng Việt".encode("ascii", "ignore").decode()) <= 1
    assert "bang ma" in without_marks(said) and f"{encoding}" in said  # said once, in words it can show
    assert "Thuc hien Muc tieu chat luong" in without_marks(shown)
    if encoding == "cp1258":  # Windows-1258 has the tone marks: nothing is lost
        assert tone_apart("Thực hiện Mục tiêu chất lượng") in shown


def test_a_terminal_that_shows_vietnamese_is_left_alone(example, monkeypatch):
    code, out, err = run_main(monkeypatch, ["status", "5.2"], "utf-8", terminal=True)
    assert code == 0 and err == b"" and "Thực hiện Mục tiêu chất lượng".encode() in out


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_status_json_redirected_to_a_file(example, tmp_path, encoding):
    out = tmp_path / "tinh-hinh.json"
    with out.open("wb") as handle:
        result = subprocess.run([sys.executable, "-m", "mtcl", "status", "--json"], stdout=handle,
                                stderr=subprocess.PIPE, env={**os.environ, "PYTHONIOENCODING": encoding}, timeout=60)
    assert result.returncode == 0 and b"Traceback" not in result.stderr
    assert "\"name\": \"Tổng thu ngân sách Nhà nước xã hưởng\"" in out.read_text(encoding="utf-8")


def busy(after: int = 10**6):
    """os.replace as Windows does it while Excel holds the file open, ``after`` times."""
    real = os.replace
    calls = {"n": 0}

    def replace(source, target):
        calls["n"] += 1
        if calls["n"] <= after:
            error = PermissionError(13, "The process cannot access the file because it is being used by another "
                                        "process")
            error.winerror = 32
            raise error
        return real(source, target)

    return replace, calls


def test_a_file_held_open_is_retried_then_named(example, monkeypatch, cli_in):
    records = example / "2023" / "records.jsonl"
    before = records.read_bytes()
    replace, calls = busy()
    monkeypatch.setattr(mtcl.files.fs.os, "replace", replace)
    monkeypatch.setattr(mtcl.files.fs.time, "sleep", lambda seconds: None)
    result = cli_in("record", "4c", "43,5")
    assert result.exit_code == 1 and calls["n"] == 5  # the first try and four more
    assert "tệp 'data/2023/records.jsonl' đang được mở trong Excel hoặc Notepad, không ghi đè được; tệp cũ vẫn " \
           "nguyên, chưa ghi gì" in result.stderr
    assert "đóng tệp trong chương trình đó rồi chạy lại lệnh" in result.stderr
    assert records.read_bytes() == before and not list(records.parent.glob(".records.jsonl.*"))


def test_a_file_closed_in_time_is_written(example, monkeypatch, cli_in):
    replace, calls = busy(after=2)
    monkeypatch.setattr(mtcl.files.fs.os, "replace", replace)
    monkeypatch.setattr(mtcl.files.fs.time, "sleep", lambda seconds: None)
    assert cli_in("record", "4c", "43,5").exit_code == 0 and calls["n"] == 3
    assert "43.5" in (example / "2023" / "records.jsonl").read_text(encoding="utf-8").splitlines()[-1]


def test_a_report_open_in_word_is_named(example, monkeypatch, cli_in):
    assert cli_in("report", "--period", "h1").exit_code == 0
    replace, _ = busy()
    monkeypatch.setattr(mtcl.files.fs.os, "replace", replace)
    monkeypatch.setattr(mtcl.files.fs.time, "sleep", lambda seconds: None)
    result = cli_in("report", "--period", "h1", "--force")
    assert result.exit_code == 1 and "đang được mở trong Word" in result.stderr


def test_a_shared_drive_without_locks_still_writes(example, monkeypatch, cli_in):
    def no_flock(self, *args, **kwargs):
        raise NotImplementedError("FileSystem does not appear to support flock; use SoftFileLock instead")

    monkeypatch.setattr(filelock.FileLock, "acquire", no_flock)
    assert cli_in("record", "4c", "43,5").exit_code == 0
    records = example / "2023" / "records.jsonl"
    assert json.loads(records.read_text(encoding="utf-8").splitlines()[-1])["value"] == "43.5"
    assert not (example / "2023" / "records.jsonl.lock").exists()  # the lock made by creating it, and removed
    assert not (example / "2023" / "records.jsonl.lock").exists()  # a soft lock goes with its writer


def test_a_lock_that_cannot_be_made_is_said(example, monkeypatch, cli_in):
    def refused(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(filelock.FileLock, "acquire", refused)
    result = cli_in("record", "4c", "43,5")
    assert result.exit_code == 1 and "không khóa được tệp 'data/2023/records.jsonl.lock' để ghi" in result.stderr


@pytest.mark.parametrize("typed, stored", [
    (r"minh-chung\ct-dgnb.pdf", "minh-chung/ct-dgnb.pdf"),
    (r"D:\Ho so ISO\2023\bc.pdf", "D:/Ho so ISO/2023/bc.pdf"),
    (r"\\may-chu\iso\bc.docx", "//may-chu/iso/bc.docx"),
])
def test_paths_typed_on_windows_are_stored_with_slashes(typed, stored):
    assert portable(PureWindowsPath(typed)) == stored
    assert portable(Path("minh-chung/ct.pdf")) == "minh-chung/ct.pdf"


def test_yaml_saved_by_notepad_as_ansi_is_refused_with_the_way_out(example, cli_in):
    plan = example / "2023" / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_bytes(tone_apart(text).encode("cp1258", errors="replace"))
    result = cli_in("validate")
    assert result.exit_code == 1
    assert "có vẻ được lưu với mã ANSI của Windows, Windows-1258" in result.stderr
    assert "trong Notepad chọn Tệp › Lưu thành…, ô Mã hóa chọn UTF-8" in result.stderr
    assert "Văn bản thuần (*.txt)" in result.stderr
