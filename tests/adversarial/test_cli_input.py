"""Command-line mistakes: a clear Vietnamese message, a non-zero exit, nothing written."""

from __future__ import annotations

import errno

import pytest

from tests.adversarial.conftest import assert_refused, snapshot

CASES = [
    (["record", "4x", "1"], "không có chỉ tiêu '4x'"),
    (["show", "IX.9"], "không có mã 'IX.9'"),
    (["history", "5.8"], "không có chỉ tiêu '5.8'"),
    (["record", "4a", "2.91"], "dùng dấu phẩy cho phần thập phân: 2,91"),
    (["record", "4a", "1,2,3"], "không phải là một số hợp lệ"),
    (["record", "4a", "5.57"], "dùng dấu phẩy cho phần thập phân: 5,57"),
    (["record", "4a", "1,936.49"], "viết theo kiểu Việt Nam: 1.936,49"),
    (["record", "4a", "abc"], "không phải là một số hợp lệ"),
    (["record", "4a", "--", "-3"], "không nhận số âm"),
    (["record", "4a", "1", "--as-of", "31/02/2023"], "ngày '31/02/2023' không tồn tại"),
    (["record", "4a", "1", "--as-of", "2023-02-31"], "ngày '2023-02-31' không tồn tại"),
    (["record", "4a", "1", "--as-of", "hôm qua"], "không phải là ngày"),
    (["record", "5.2", "1", "--of", "0"], "tổng số (--of) phải lớn hơn 0"),
    (["record", "5.2", "11", "--of", "10"], "số đạt 11 lớn hơn tổng số 10"),
    (["record", "5.7", "100,5%"], "vượt quá 100%"),
    (["record", "5.7", "250%"], "vượt quá 100%"),
    (["record", "4h", "Y tế"], "'Y tế' không phải tiêu chí của chỉ tiêu 4h"),
    (["done", "I.6", "--occurrence", "2023-Q3", "--evidence", "x"], "không có lần thực hiện '2023-Q3'"),
    (["status", "--as-of", "30/02/2023"], "không tồn tại"),
    (["status", "--period", "h3"], "kỳ 'h3' không hợp lệ"),
    (["status", "--as-of", "1/1/2022"], "nằm ngoài năm 2023"),
    (["plan", "--as-of", "2023-13-01"], "không tồn tại"),
    (["status", "--year", "năm"], "phải là số nguyên"),
    (["record", "4a"], "thiếu tham số SỐ_LIỆU"),
    (["done", "I.1"], "thiếu tùy chọn --evidence"),
    (["statsu"], "không có lệnh 'statsu'; có phải: status"),
    (["status", "--bogus"], "không có tùy chọn '--bogus'"),
    (["report", "--period", "h1", "--kind", "bảng"], "loại văn bản 'bảng' không có"),
    (["report"], "cần chọn kỳ báo cáo"),
]


@pytest.mark.parametrize("args, message", CASES, ids=[" ".join(c[0]) for c in CASES])
def test_mistyped_command_is_refused(cli, seeded, monkeypatch, args, message):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    before = snapshot(seeded.parent)
    result = cli(*args)
    assert_refused(result)
    assert message in result.stderr + result.stdout
    assert snapshot(seeded.parent) == before


def test_missing_data_folder(cli, tmp_path):
    result = cli("status", "--data", str(tmp_path / "khong-co"))
    assert_refused(result, "không tìm thấy thư mục dữ liệu")


def test_report_into_a_missing_folder(cli, seeded, tmp_path):
    result = cli("report", "--period", "h1", "--out", str(tmp_path / "khong-co" / "bc.docx"))
    assert_refused(result, "không tồn tại")


def test_unwritable_data_folder(cli, seeded, monkeypatch):
    """The folder refuses writes (a read-only share, a wrong owner): simulated, since the
    tests run as root, who can write anywhere."""
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    before = snapshot(seeded)
    result = cli("record", "4c", "44")
    assert_refused(result, "không ghi được vào", "records.jsonl", "Permission denied", "tệp cũ vẫn còn nguyên")
    assert snapshot(seeded) == before


@pytest.mark.parametrize("failure", [errno.ENOSPC, errno.EIO])
def test_full_disk_or_io_error_leaves_the_old_file(cli, seeded, monkeypatch, failure):
    import os

    def broken(fd):
        raise OSError(failure, os.strerror(failure))

    monkeypatch.setattr(os, "fsync", broken)
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    before = snapshot(seeded)
    for command in (["record", "4c", "44"], ["done", "I.2", "--evidence", "KH 12"]):
        result = cli(*command)
        assert_refused(result, "không ghi được vào", os.strerror(failure), "tệp cũ vẫn còn nguyên")
    assert snapshot(seeded) == before  # no half-written file, no temporary left behind
    report = cli("report", "--period", "h1")
    assert_refused(report, "không ghi được", os.strerror(failure))
