"""The roll-up under the folders a province really receives (issue 32): none of them may end
the roll-up, and none may be left out without a word."""

from __future__ import annotations

import errno
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.adversarial.conftest import assert_refused
from tests.conftest import REPO, replace_in


def commune(root: Path, folder: str, unit: str) -> Path:
    shutil.copytree(REPO / "data", root / folder, ignore=shutil.ignore_patterns("*.jsonl", "*.lock"))
    replace_in(root / folder / "2023" / "objectives.yaml", "unit: Xã Giang Hải", f"unit: {unit}")
    return root / folder


@pytest.fixture
def received(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("MTCL_TODAY", "2023-06-25")
    root = tmp_path / "nhan"
    commune(root, "giang-hai", "Xã Giang Hải")
    commune(root, "giao-lac", "Xã Giao Lạc")
    return root


def rolled_up(cli, root: Path, *more: str) -> tuple[object, dict]:
    result = cli("rollup", str(root), "--period", "h1", "--json", *more)
    assert "Traceback" not in result.output
    return result, json.loads(result.stdout)


def reasons(found: dict) -> dict[str, str]:
    return {Path(entry["folder"]).name: entry["reason"] for entry in found["set_aside"]}


def counted(found: dict) -> list[str]:
    return sorted(b["name"] for b in found["bodies"] if b["state"] == "counted")


def test_an_empty_commune_folder_is_listed(cli, received):
    (received / "giao-an").mkdir()
    (received / ".an-di").mkdir()  # hidden: a tool's folder, not a commune's
    result, found = rolled_up(cli, received)
    assert reasons(found) == {"giao-an": "thư mục trống"} and result.exit_code == 1
    assert counted(found) == ["UBND xã Giang Hải", "UBND xã Giao Lạc"]


@pytest.mark.parametrize("inside", ["giao-thien-main/data", "giao-thien", "tai-ve/giao-thien-main"],
                         ids=["a repository downloaded as zip", "extracted into a folder of its name", "two deeper"])
def test_data_one_level_deeper_is_found(cli, received, inside):
    commune(received / "giao-thien", inside, "Xã Giao Thiện")
    result, found = rolled_up(cli, received)
    assert result.exit_code == 0, result.output
    assert "UBND xã Giao Thiện" in counted(found) and found["set_aside"] == []


def test_a_link_to_a_drive_not_mounted_is_listed(cli, received):
    (received / "giao-phong").symlink_to("/media/o-usb-chua-cam/giao-phong")
    result, found = rolled_up(cli, received)
    assert reasons(found) == {"giao-phong": "liên kết tới '/media/o-usb-chua-cam/giao-phong' không mở được (ổ đĩa "
                                            "chưa gắn, hoặc thư mục đã chuyển đi)"}
    assert result.exit_code == 1 and len(counted(found)) == 2


def test_a_link_that_loops_ends_nothing(cli, received):
    (received / "vong").symlink_to(received)
    result, found = rolled_up(cli, received)
    assert len(counted(found)) == 2  # what the link shows again is each body's copy, counted once
    assert found["set_aside"] and all(entry["reason"].startswith("bản trùng của") for entry in found["set_aside"])


@pytest.mark.parametrize("where", ["giao-thuy", "giao-thuy/kho"], ids=["the commune's folder", "a folder inside it"])
def test_a_folder_that_cannot_be_listed_is_listed(cli, received, monkeypatch, where):
    """Simulated: the tests run as root, who can list any folder."""
    locked = received / where
    locked.mkdir(parents=True)
    listing = os.scandir

    def refuse(path=".", *args):
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return listing(path, *args)

    monkeypatch.setattr(os, "scandir", refuse)
    result, found = rolled_up(cli, received)
    assert "không mở được thư mục: không có quyền (Permission denied)" in reasons(found)["giao-thuy"]
    assert result.exit_code == 1 and len(counted(found)) == 2


def test_a_folder_named_with_a_control_character(cli, received, tmp_path):
    commune(received, "giao\x1bxuan", "Xã Giao Xuân")
    shutil.rmtree(received / "giao-lac")
    (received / "moi\x07").mkdir()
    result, found = rolled_up(cli, received)
    assert "UBND xã Giao Xuân" in counted(found)
    assert any(b["folder"].endswith("giao\\x1bxuan") for b in found["bodies"])
    assert reasons(found) == {"moi\\x07": "thư mục trống"}
    out = tmp_path / "tong-hop.xlsx"
    written = cli("rollup", str(received), "--period", "h1", "--format", "xlsx", "--out", str(out))
    assert "Traceback" not in written.output and "\x1b" not in written.output and out.exists()
    assert any("giao\\x1bxuan" in str(cell) for row in load_workbook(out)["Các đơn vị"].values for cell in row)


def test_an_integer_of_thousands_of_digits_in_one_commune(cli, received):
    replace_in(received / "giao-lac" / "2023" / "objectives.yaml", "schema_version: 4",
               "schema_version: 4" + "0" * 5000)
    result, found = rolled_up(cli, received)
    broken = next(b for b in found["bodies"] if b["state"] == "failed")
    assert "objectives.yaml:" in broken["error"] and "có quá nhiều chữ số" in broken["error"]
    assert counted(found) == ["UBND xã Giang Hải"] and result.exit_code == 1
    assert_refused(cli("validate", "--data", str(received / "giao-lac")), "có quá nhiều chữ số", "(5001 ký tự)")


def test_a_bundle_entry_that_climbs_out_is_refused_and_written_nowhere(cli, received, tmp_path):
    with zipfile.ZipFile(received / "giao-an.zip", "w") as packed:
        packed.writestr("manifest.json", "{}")
        packed.writestr("../../ra-ngoai.txt", "x")
    result, found = rolled_up(cli, received)
    refused = next(b for b in found["bodies"] if b["folder"].endswith("giao-an.zip"))
    assert refused["state"] == "failed" and result.exit_code == 1
    assert not any(tmp_path.rglob("ra-ngoai.txt"))


def test_a_bundle_that_unpacks_too_large_is_refused_unread(cli, received, monkeypatch):
    from mtcl.files import bundle

    with zipfile.ZipFile(received / "giao-an.zip", "w", zipfile.ZIP_DEFLATED) as packed:
        packed.writestr("manifest.json", "{}")
        packed.writestr("2023/records.jsonl", b"\n" * 5000)
    monkeypatch.setattr(bundle, "MAX_UNPACKED_BYTES", 4000)
    result, found = rolled_up(cli, received)
    refused = next(b for b in found["bodies"] if b["folder"].endswith("giao-an.zip"))
    assert "giải nén ra quá lớn" in refused["error"] and result.exit_code == 1
