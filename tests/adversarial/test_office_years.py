"""A new year and a schema upgrade, under what real offices do: killed processes, two
officers at once, full disks, files saved by Notepad (issue 14, defects 3, 4 and 5)."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from mtcl.files.book import open_year, year_folders
from tests.adversarial.conftest import assert_refused, snapshot
from tests.conftest import REPO, replace_in


def start(data_dir, *args: str) -> subprocess.Popen:
    env = {**os.environ, "MTCL_DATA": str(data_dir), "MTCL_TODAY": "2023-12-20", "MTCL_USER": "x"}
    return subprocess.Popen([sys.executable, "-m", "mtcl", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def test_a_killed_init_leaves_no_half_made_year(data_dir, request):
    rounds = 30 if request.config.getoption("--stress") else 6
    rng = random.Random(2024)
    for _ in range(rounds):
        process = start(data_dir, "init", "2024")
        time.sleep(rng.uniform(0.05, 0.6))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        folder = data_dir / "2024"
        if folder.exists():  # it finished: a whole, valid year
            assert open_year(data_dir, 2024).year == 2024
            break
        assert set(year_folders(data_dir)) == {2023}  # a leftover .2024.tmp-… folder is not a year
    assert start(data_dir, "status").wait(timeout=60) == 0  # every command without --year still works
    if not (data_dir / "2024").exists():
        assert start(data_dir, "init", "2024").wait(timeout=60) == 0


def test_two_inits_at_once(data_dir):
    processes = [start(data_dir, "init", "2024") for _ in range(2)]
    codes = sorted(p.wait(timeout=120) for p in processes)
    errors = [p.stderr.read().decode() for p in processes]
    assert codes == [0, 1], errors
    assert not any("Traceback" in e for e in errors)
    assert any("mtcl init không ghi đè năm đã có" in e for e in errors)
    assert open_year(data_dir, 2024).year == 2024


@pytest.mark.parametrize("failure", [errno.ENOSPC, errno.EIO])
def test_init_on_a_full_disk(cli, data_dir, monkeypatch, failure):
    def broken(fd):
        raise OSError(failure, os.strerror(failure))

    monkeypatch.setattr(os, "fsync", broken)
    before = snapshot(data_dir)
    result = cli("init", "2024")
    assert_refused(result, "không tạo được thư mục năm 2024", os.strerror(failure), "chưa có gì thay đổi")
    assert snapshot(data_dir) == before and sorted(p.name for p in data_dir.iterdir()) == ["2023"]


def test_init_when_a_year_folder_cannot_be_created(cli, data_dir, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    assert_refused(cli("init", "2024"), "không tạo được thư mục năm 2024", "không có quyền")


def test_init_moves_only_the_plan_year(cli, data_dir):
    objectives, plan = data_dir / "2023" / "objectives.yaml", data_dir / "2023" / "plan.yaml"
    replace_in(objectives, "title: Quyết định ban hành Mục tiêu chất lượng",
               "title: Quyết định số 2023/QĐ-UBND giai đoạn 2022-2025, số 27/2023/QĐ-UBND, năm 2021-2025; ban hành")
    replace_in(plan, "work: Xây dựng MTCL, Kế hoạch thực hiện MTCL năm 2023",
               "work: Xây dựng MTCL năm 2023 (Quý I/2023, trước 15/6/2023, 12/2022)")
    result = cli("init", "2024")
    assert result.exit_code == 0, result.output
    moved_objectives = (data_dir / "2024" / "objectives.yaml").read_text(encoding="utf-8")
    assert "Quyết định số 2023/QĐ-UBND giai đoạn 2022-2025, số 27/2023/QĐ-UBND, năm 2021-2025" in moved_objectives
    moved_plan = (data_dir / "2024" / "plan.yaml").read_text(encoding="utf-8")
    assert "Xây dựng MTCL năm 2024 (Quý I/2024, trước 15/6/2024, 12/2023)" in moved_plan
    assert "2024/plan.yaml:" in result.stdout
    assert "năm 2023 → năm 2024; I/2023 → I/2024; 15/6/2023 → 15/6/2024; 12/2022 → 12/2023" in result.stdout
    assert "2023/QĐ →" not in result.stdout and "2022-2025 →" not in result.stdout and "27/2023 →" not in result.stdout


def test_init_keeps_the_files_layout(cli, data_dir):
    for name in ("objectives.yaml", "plan.yaml"):
        path = data_dir / "2023" / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert cli("validate").exit_code == 0
    assert cli("init", "2024").exit_code == 0
    created = (data_dir / "2024" / "plan.yaml").read_bytes()
    assert created.startswith(b"\xef\xbb\xbf") and b"\r\n" in created and b"\n" not in created.replace(b"\r\n", b"")


@pytest.fixture
def old_folder(tmp_path):
    import shutil

    root = tmp_path / "old"
    shutil.copytree(REPO / "tests" / "data" / "schema1", root)
    return root


BROKEN = [
    ("empty", "plan.yaml", b"", "plan.yaml:1:1: tệp rỗng"),
    ("a list", "plan.yaml", b"- 1\n- 2\n", "plan.yaml:1:1: tệp phải là một bảng"),
    ("duplicate key", "objectives.yaml", None, "khóa 'year' bị lặp lại"),
    ("syntax", "plan.yaml", b"schema_version: 1\nyear: [2023\n", "ngoặc vuông '[' chưa được đóng"),
    ("tab", "plan.yaml", b"schema_version: 1\n\tyear: 2023\n", "có ký tự Tab"),
    ("not utf-8", "plan.yaml", b"schema_version: 1\ntitle: K\xea ho\xe1ch\n", "tệp không phải mã UTF-8"),
    ("missing", "plan.yaml", "missing", "plan.yaml: không tìm thấy tệp"),
    ("a folder", "plan.yaml", "folder", "plan.yaml: không đọc được tệp: là một thư mục"),
]


@pytest.mark.parametrize("case", BROKEN, ids=[c[0] for c in BROKEN])
def test_migrate_checks_the_files_first(cli, old_folder, case):
    _, name, content, message = case
    path = old_folder / "2023" / name
    if content == "missing":
        path.unlink()
    elif content == "folder":
        path.unlink()
        path.mkdir()
    elif content is None:
        path.write_text(path.read_text(encoding="utf-8").replace("year: 2023", "year: 2023\nyear: 2023", 1),
                        encoding="utf-8")
    else:
        path.write_bytes(content)
    before = snapshot(old_folder)
    result = cli("migrate", "--data", str(old_folder))
    assert_refused(result, message)
    assert result.exit_code == 1 and snapshot(old_folder) == before


def test_migrate_on_a_full_disk(cli, old_folder, monkeypatch):
    def broken(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", broken)
    before = snapshot(old_folder)
    assert_refused(cli("migrate", "--data", str(old_folder)), "ổ đĩa đã đầy", "tệp cũ vẫn còn nguyên")
    assert snapshot(old_folder) == before


def test_migrate_keeps_line_endings_and_the_bom(cli, old_folder):
    path = old_folder / "2023" / "objectives.yaml"
    original = b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(original)
    assert cli("migrate", "--data", str(old_folder)).exit_code == 0
    migrated = path.read_bytes()
    assert migrated.startswith(b"\xef\xbb\xbf") and b"schema_version: 4\r\n" in migrated
    assert b"\n" not in migrated.replace(b"\r\n", b"")
    changed = [line for line in migrated.split(b"\r\n") if line not in original.split(b"\r\n")]
    assert changed == [b"schema_version: 4"]  # git shows one line changed, plus the name that went
