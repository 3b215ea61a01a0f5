"""The files of a shared office folder: merged clones, links, read-only files, odd paths,
dates typed wrong, a broken environment (issue 14, defects 6 and 9 to 13, and siblings)."""

from __future__ import annotations

import json
import os

import pytest
from filelock import FileLock

from tests.adversarial.conftest import COMPLETION, OPENED, RECORD, assert_refused, snapshot

ACT, REC, DONE = "actions.jsonl", "records.jsonl", "completions.jsonl"
OPEN_ARGS = ["action", "open", "5.6", "--problem", "p", "--action", "a", "--owner", "o", "--due", "30/9/2023"]
CLOSED = ('{"event":"close","id":"HĐKP-2023-01","result":"r","effective":true,"closed_on":"2023-07-01","by":"x",'
          '"recorded_at":"2023-07-01T08:00:00Z"}')

BAD_LINES = [
    ("the same action opened twice", ACT, [OPENED, OPENED], ":2: số phiếu HĐKP-2023-01 đã được mở ở một dòng trước"),
    ("a malformed id", ACT, [OPENED.replace("HĐKP-2023-01", "HĐKP-2023-1a")],
     ":1: số phiếu 'HĐKP-2023-1a' không đúng dạng HĐKP-2023-01"),
    ("an id of another year", ACT, [OPENED.replace("HĐKP-2023-01", "HĐKP-2022-01")],
     ":1: số phiếu 'HĐKP-2022-01' không đúng dạng HĐKP-2023-01"),
    ("closed twice", ACT, [OPENED, CLOSED, CLOSED], ":3: hành động HĐKP-2023-01 đã được đóng ở một dòng trước"),
    ("a key twice in an action", ACT, [OPENED.replace('"owner":"o"', '"owner":"o","owner":"p"')],
     ":1: khóa 'owner' có hai lần trong dòng"),
    ("a key twice in a record", REC, [RECORD.replace('"value":"43"', '"value":"43","value":"4300"')],
     ":1: khóa 'value' có hai lần trong dòng"),
    ("a key twice in a completion", DONE, [COMPLETION.replace('"by":"x"', '"by":"x", "by" : "y"')],
     ":1: khóa 'by' có hai lần trong dòng"),
]


@pytest.mark.parametrize("case", BAD_LINES, ids=[c[0] for c in BAD_LINES])
def test_lines_a_merge_or_a_hand_made_are_refused(cli, seeded, monkeypatch, case):
    _, name, lines, message = case
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    (seeded / "2023" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = snapshot(seeded)
    for command in (["action", "list"], ["status"], ["plan"], OPEN_ARGS, ["validate"]):
        assert_refused(cli(*command), f"{name}{message}")
        assert snapshot(seeded) == before


# 9. Evidence

def test_the_evidence_is_hashed_before_the_lock_is_taken(cli, data_dir, june, monkeypatch):
    from mtcl.usecases import writers

    scan = data_dir.parent / "scan.pdf"
    scan.write_bytes(b"%PDF" * 1000)
    lock = str(data_dir / "2023" / DONE) + ".lock"
    hashed = []

    def hash_while_a_colleague_writes(path):
        with FileLock(lock, timeout=0):  # free: nobody, not even this command, holds it
            hashed.append(path)
        return "0" * 64

    monkeypatch.setattr(writers, "sha256_of", hash_while_a_colleague_writes)
    assert cli("done", "I.2", "--evidence", "KH 12", "--file", str(scan)).exit_code == 0
    assert hashed == [scan]


def test_evidence_paths_are_stored_relative_to_the_folder_above_the_data(cli, data_dir, june, tmp_path):
    inside = data_dir.parent / "minh-chung" / "kh.pdf"
    inside.parent.mkdir()
    inside.write_bytes(b"%PDF")
    result = cli("done", "I.2", "--evidence", "KH 12", "--file", str(inside))
    assert result.exit_code == 0 and "Lưu ý" not in result.stderr
    outside = tmp_path.parent / "ngoai.pdf"
    outside.write_bytes(b"%PDF")
    result = cli("done", "I.3", "--evidence", "CT 15", "--file", str(outside))
    assert result.exit_code == 0
    assert "Lưu ý: tệp minh chứng nằm ngoài thư mục" in result.stderr and "lưu đường dẫn như đã gõ" in result.stderr
    files = [json.loads(line)["file"] for line in (data_dir / "2023" / DONE).read_text(encoding="utf-8").splitlines()]
    assert files == ["minh-chung/kh.pdf", str(outside)]


@pytest.mark.parametrize("kind", ["folder", "pipe", "device"])
def test_evidence_that_is_not_a_regular_file(cli, seeded, monkeypatch, tmp_path, kind):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    target = {"folder": tmp_path, "device": "/dev/null"}.get(kind)
    if kind == "pipe":
        target = tmp_path / "ong"
        os.mkfifo(target)
    before = snapshot(seeded)
    assert_refused(cli("done", "I.2", "--evidence", "KH", "--file", str(target)), "không phải tệp thường")
    assert snapshot(seeded) == before


# 10. Writes follow links, respect read-only files, never replace special files

def test_a_records_file_that_is_a_link_stays_a_link(cli, data_dir, june, tmp_path):
    shared = tmp_path / "chung" / REC
    shared.parent.mkdir()
    shared.write_text(RECORD + "\n", encoding="utf-8")
    link = data_dir / "2023" / REC
    link.symlink_to(shared)
    assert cli("record", "4c", "44").exit_code == 0
    assert link.is_symlink() and len(shared.read_text(encoding="utf-8").splitlines()) == 2


@pytest.mark.parametrize("name, command", [(REC, ["record", "4c", "44"]),
                                           (DONE, ["done", "I.2", "--evidence", "KH"]),
                                           (ACT, [*OPEN_ARGS, "--force"])])
def test_a_read_only_file_is_not_written(cli, seeded, monkeypatch, name, command):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    path = seeded / "2023" / name
    path.chmod(0o444)
    before = snapshot(seeded)
    assert_refused(cli(*command), "chỉ cho đọc (read-only)")
    assert snapshot(seeded) == before and path.stat().st_mode & 0o777 == 0o444


def test_a_report_never_replaces_a_link_a_pipe_or_a_device(cli, seeded, monkeypatch, tmp_path):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    dangling = tmp_path / "bc.docx"
    dangling.symlink_to(tmp_path / "khong-co.docx")
    assert_refused(cli("report", "--period", "h1", "--out", str(dangling)), "đã có")
    pipe = tmp_path / "ong.docx"
    os.mkfifo(pipe)
    for target in (pipe, "/dev/null"):
        assert_refused(cli("report", "--period", "h1", "--out", str(target), "--force"), "không phải tệp thường")
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


# 11. Paths that loop or are too long

def test_paths_that_loop_or_are_too_long(cli, seeded, monkeypatch, tmp_path):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    loop = tmp_path / "vong"
    loop.symlink_to(loop)
    assert_refused(cli("status", "--data", str(loop)), "không tìm thấy thư mục dữ liệu")
    assert_refused(cli("report", "--period", "h1", "--template", str(loop), "--out", str(tmp_path / "a.docx")),
                   "mẫu báo cáo")
    assert_refused(cli("report", "--period", "h1", "--out", str(loop)), "đã có")
    assert_refused(cli("report", "--period", "h1", "--out", str(loop), "--force"), "liên kết vòng")
    assert_refused(cli("report", "--period", "h1", "--out", str(tmp_path / ("b" * 300 + ".docx"))),
                   "tên tệp quá dài")
    records = seeded / "2023" / REC
    records.unlink()
    records.symlink_to(records)
    for command in (["status"], ["record", "4c", "44"]):
        assert_refused(cli(*command), "records.jsonl")


# 12. Dates without sanity

@pytest.mark.parametrize("command, message", [
    (["done", "I.2", "--evidence", "KH", "--date", "1/3/2013"],
     "ngày hoàn thành 01/03/2013 nằm ngoài thời gian của kế hoạch năm 2023 (từ 01/10/2022 đến 31/03/2024)"),
    (["action", "open", "5.6", "--problem", "p", "--action", "a", "--owner", "o", "--due", "9999-12-31"],
     "thời hạn 31/12/9999 quá xa"),
    (["report", "--period", "h1", "--date", "1/1/2013", "--format", "md"], "ngày ký báo cáo 01/01/2013 nằm ngoài"),
    (["plan", "--as-of", "1/1/2013"], "ngày đánh giá 01/01/2013 nằm ngoài"),
    (["status", "--as-of", "1/1/2030"], "nằm ngoài năm 2023"),
])
def test_dates_far_from_the_year_are_refused(cli, seeded, monkeypatch, command, message):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    before = snapshot(seeded)
    assert_refused(cli(*command), message)
    assert snapshot(seeded) == before


def test_work_done_just_before_or_after_the_year_is_accepted(cli, data_dir, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2024-01-15")
    assert cli("done", "I.1", "--evidence", "QĐ", "--date", "20/12/2022").exit_code == 0
    assert cli("done", "IV.3", "--evidence", "BC", "--date", "10/1/2024").exit_code == 0
    done = [json.loads(line) for line in (data_dir / "2023" / "completions.jsonl").read_text().splitlines()]
    assert [(c["task"], c["done_on"], c["evidence"]) for c in done] == [
        ("I.1", "2022-12-20", "QĐ"), ("IV.3", "2024-01-10", "BC")]


# 13. The environment

@pytest.mark.parametrize("command", [["status"], ["record", "4c", "44"], ["report", "--period", "h1", "--format", "md"]])
def test_a_time_zone_that_is_not_one(data_dir, command):
    import subprocess
    import sys

    env = {**os.environ, "MTCL_DATA": str(data_dir), "MTCL_TODAY": "2023-06-12", "MTCL_USER": "x", "TZ": "/etc/passwd"}
    result = subprocess.run([sys.executable, "-m", "mtcl", *command], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "TZ" not in result.stderr  # no time zone is consulted


def test_only_ascii_year_folders_count(cli, data_dir):
    (data_dir / "٢٠٢٥").mkdir()
    (data_dir / "２０２６").mkdir()
    (data_dir / "2023.bak").mkdir()
    assert "Hợp lệ: năm 2023" in cli("validate").stdout
    years = cli("years").stdout
    assert "٢٠٢٥" not in years and "２０２６" not in years and "2023.bak" not in years
