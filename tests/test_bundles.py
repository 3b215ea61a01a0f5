"""The package a body sends the level above (``mtcl export bundle``) and the roll-up that reads
a folder of them: made, read, refused when altered after it was made, replaced by a later one,
and two bodies of one name kept apart."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from mtcl.core.entries import Stamp
from mtcl.files.book import open_year
from mtcl.files.bundle import year_files
from mtcl.usecases.bundle import make_bundle
from tests.conftest import REPO, replace_in


def commune(root: Path, folder: str, unit: str, code: str | None = None, parent: str | None = None) -> Path:
    """A commune's data folder, a copy of the example named ``unit`` (with its code)."""
    shutil.copytree(REPO / "examples", root / folder, ignore=shutil.ignore_patterns("*.lock"))
    objectives = root / folder / "2023" / "objectives.yaml"
    replace_in(objectives, "unit: Xã Giang Hải", f"unit: {unit}")
    if code or parent:
        replace_in(objectives, "  parent:\n", f"  parent: {parent or ''}\n" + (f"  code: '{code}'\n" if code else ""))
    return root / folder


def bundle(data: Path, out: Path, at: str, period: str | None = "h1") -> Path:
    """The bundle ``mtcl export bundle`` makes of ``data``, made at ``at`` (UTC)."""
    book = open_year(data, 2023, last_year=True)
    made = Stamp("Nguyễn Thị Thu", datetime.fromisoformat(at).replace(tzinfo=timezone.utc))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(make_bundle(book, year_files(data, 2023), period, date(2023, 6, 30), made))
    return out


def rezipped(path: Path, change) -> None:
    """Open the bundle as a person would with an archive tool, change it, save it again."""
    with zipfile.ZipFile(path) as old:
        entries = {name: old.read(name) for name in old.namelist()}
    change(entries)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as new:
        for name, content in entries.items():
            new.writestr(name, content)
    path.write_bytes(buffer.getvalue())


@pytest.fixture
def received(tmp_path: Path, monkeypatch) -> Path:
    """What the province received: a bundle from each of two communes."""
    monkeypatch.setenv("MTCL_TODAY", "2023-06-25")
    monkeypatch.setenv("COLUMNS", "120")
    bundle(commune(tmp_path / "xa", "giang-hai", "Xã Giang Hải"), tmp_path / "nhan" / "giang-hai.zip",
           "2023-06-21T08:00:00")
    bundle(commune(tmp_path / "xa", "giao-lac", "Xã Giao Lạc"), tmp_path / "nhan" / "giao-lac.zip",
           "2023-06-22T09:30:00")
    return tmp_path / "nhan"


def rolled_up(cli, folder: Path) -> tuple[object, dict]:
    result = cli("rollup", str(folder), "--period", "h1", "--json")
    return result, json.loads(result.stdout)


def test_a_bundle_is_made_with_its_manifest(cli, data_dir, tmp_path, monkeypatch):
    shutil.rmtree(data_dir)
    commune(data_dir.parent, data_dir.name, "Xã Giang Hải", code="13822", parent="Tỉnh Ninh Bình")
    monkeypatch.setenv("MTCL_TODAY", "2023-06-25")
    out = tmp_path / "goi.zip"
    result = cli("export", "bundle", "--period", "h1", "--out", str(out))
    assert result.exit_code == 0, result.output
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert result.stdout == (f"Đã lập: {out} (gói số liệu của UBND xã Giang Hải, mã 13822, 6 tháng đầu năm 2023, 6 "
                             f"tệp).\nMã SHA-256 của gói: {digest} (để cấp trên đối chiếu khi nhận).\n")
    with zipfile.ZipFile(out) as packed:
        manifest = json.loads(packed.read("manifest.json"))
        assert packed.namelist() == ["manifest.json", "2023/objectives.yaml", "2023/plan.yaml", "2023/notes.yaml",
                                     "2023/records.jsonl", "2023/completions.jsonl", "2023/actions.jsonl"]
        for entry in manifest["files"]:
            content = packed.read(entry["path"])
            assert entry["sha256"] == hashlib.sha256(content).hexdigest() and entry["size"] == len(content)
            assert content == (data_dir / entry["path"]).read_bytes()
    assert manifest["body"] == {"name": "UBND xã Giang Hải", "code": "13822", "parent": "Tỉnh Ninh Bình"}
    assert (manifest["year"], manifest["period"], manifest["as_of"]) == (2023, "h1", "2023-06-30")
    assert manifest["made_by"] == "Nguyễn Thị Thu" and manifest["made_at"].endswith("Z")
    assert manifest["format"] == "mtcl-bundle/1" and len(manifest["seal"]) == 64
    named = cli("export", "bundle", "--period", "h1")  # named after the body, the period and the year
    assert "reports/2023/goi-mtcl-xa-giang-hai-13822-6-thang-2023.zip" in named.stdout
    assert cli("export", "bundle", "--period", "h1").exit_code == 1  # never over a bundle already made


def test_a_body_sends_no_damaged_year(cli, data_dir, tmp_path):
    shutil.rmtree(data_dir)
    commune(data_dir.parent, data_dir.name, "Xã Giang Hải")
    with (data_dir / "2023" / "records.jsonl").open("a", encoding="utf-8") as out:
        out.write("{hỏng\n")
    result = cli("export", "bundle", "--period", "h1", "--out", str(tmp_path / "goi.zip"))
    assert result.exit_code == 1 and "records.jsonl:29:" in result.stderr and not (tmp_path / "goi.zip").exists()
    wrong = cli("export", "bundle", "--out", str(tmp_path / "goi.tar"))
    assert wrong.exit_code == 1 and "không có đuôi .zip" in wrong.stderr


def test_the_level_above_reads_a_folder_of_bundles(cli, received):
    result, found = rolled_up(cli, received)
    assert result.exit_code == 0, result.output
    bodies = {b["name"]: b for b in found["bodies"]}
    assert set(bodies) == {"UBND xã Giang Hải", "UBND xã Giao Lạc"}
    giang_hai = bodies["UBND xã Giang Hải"]
    assert giang_hai["folder"].endswith("nhan/giang-hai.zip") and giang_hai["state"] == "counted"
    assert giang_hai["targets"]["met"] == 11 and giang_hai["updated"] == "2023-06-21T08:00:00+00:00"
    assert giang_hai["period"] == "h1" and found["set_aside"] == []
    one = cli("rollup", str(received / "giao-lac.zip"), "--period", "h1", "--json")  # a bundle given by name
    assert [b["name"] for b in json.loads(one.stdout)["bodies"]] == ["UBND xã Giao Lạc"]


def _byte_changed(entries: dict) -> None:
    entries["2023/records.jsonl"] = entries["2023/records.jsonl"].replace(b'"value":"1240"', b'"value":"1249"')


def _file_added(entries: dict) -> None:
    entries["2023/withdrawals.jsonl"] = b""


def _file_removed(entries: dict) -> None:
    del entries["2023/actions.jsonl"]


def _manifest_edited(entries: dict) -> None:
    manifest = json.loads(entries["manifest.json"])
    manifest["period"] = "9m"
    entries["manifest.json"] = json.dumps(manifest).encode()


def _sums_redone(entries: dict) -> None:
    """The figure changed and its sum written into the manifest by hand: the seal tells."""
    _byte_changed(entries)
    manifest = json.loads(entries["manifest.json"])
    for entry in manifest["files"]:
        entry["sha256"] = hashlib.sha256(entries[entry["path"]]).hexdigest()
    entries["manifest.json"] = json.dumps(manifest).encode()


@pytest.mark.parametrize("change, said", [
    (_byte_changed, "tệp '2023/records.jsonl' trong gói '{}' đã bị thay đổi sau khi lập gói (mã SHA-256 không khớp "
                    "với bảng kê)"),
    (_file_added, "gói '{}' có tệp '2023/withdrawals.jsonl' không có trong bảng kê: đã thêm vào sau khi lập gói"),
    (_file_removed, "gói '{}' thiếu tệp '2023/actions.jsonl' có trong bảng kê: đã bị xóa sau khi lập gói"),
    (_manifest_edited, "bảng kê manifest.json của gói '{}' đã bị sửa sau khi lập gói"),
    (_sums_redone, "bảng kê manifest.json của gói '{}' đã bị sửa sau khi lập gói"),
], ids=["a byte changed", "a file added", "a file removed", "the manifest edited", "the sums redone"])
def test_a_bundle_altered_after_it_was_made_is_refused(cli, received, change, said):
    altered = received / "giang-hai.zip"
    rezipped(altered, change)
    result, found = rolled_up(cli, received)
    assert result.exit_code == 1
    refused = next(b for b in found["bodies"] if b["folder"].endswith("giang-hai.zip"))
    assert refused["state"] == "failed" and refused["name"] == "UBND xã Giang Hải" and refused["targets"] == {}
    assert refused["error"] == said.format(refused["folder"])
    assert "Lỗi: 1/2 đơn vị không đọc được dữ liệu: UBND xã Giang Hải." in result.stderr
    assert [b["state"] for b in found["bodies"] if b["name"] == "UBND xã Giao Lạc"] == ["counted"]


def test_a_damaged_zip_or_one_that_is_no_bundle_is_refused(cli, received):
    whole = (received / "giao-lac.zip").read_bytes()
    middle = len(whole) // 2
    (received / "giao-lac.zip").write_bytes(whole[:middle] + bytes([whole[middle] ^ 0xFF]) + whole[middle + 1:])
    with zipfile.ZipFile(received / "anh-chup.zip", "w") as other:
        other.writestr("anh.jpg", b"\xff\xd8")
    (received / "tai-chua-xong.zip").write_bytes(whole[:100])
    result, found = rolled_up(cli, received)
    errors = {Path(b["folder"]).name: b["error"] for b in found["bodies"] if b["state"] == "failed"}
    assert errors["anh-chup.zip"].endswith("không phải gói số liệu của mtcl (không có manifest.json)")
    assert "không phải tệp zip đọc được" in errors["tai-chua-xong.zip"]
    assert "giao-lac.zip" in errors and result.exit_code == 1
    assert [b["name"] for b in found["bodies"] if b["state"] == "counted"] == ["UBND xã Giang Hải"]


def test_a_later_bundle_of_the_body_and_period_replaces_the_earlier(cli, received, tmp_path):
    later = commune(tmp_path / "sau", "giang-hai", "Xã Giang Hải")
    with (later / "2023" / "records.jsonl").open("a", encoding="utf-8") as out:
        out.write('{"target":"4c","as_of":"2023-06-24","value":"44","by":"x","recorded_at":"2023-06-24T02:00:00Z"}\n')
    bundle(later, received / "giang-hai-gui-lai.zip", "2023-06-24T10:15:00")
    result, found = rolled_up(cli, received)
    assert result.exit_code == 0, result.output
    used = next(b for b in found["bodies"] if b["name"] == "UBND xã Giang Hải")
    assert used["folder"].endswith("giang-hai-gui-lai.zip") and used["updated"] == "2023-06-24T10:15:00+00:00"
    assert found["set_aside"] == [{
        "folder": str(received / "giang-hai.zip"), "benign": True,
        "reason": "gói của UBND xã Giang Hải lập 21/06/2023 08:00, đã được thay bằng gói "
                  f"'{received / 'giang-hai-gui-lai.zip'}' lập 24/06/2023 10:15"}]
    assert "Lưu ý: " in result.stderr and "đã được thay bằng gói" in result.stderr
    screen = cli("rollup", str(received), "--period", "h1").stdout
    assert "Không tổng hợp:" in screen and "đã được thay bằng gói" in screen


def test_an_altered_later_bundle_leaves_the_earlier_counted_and_is_said(cli, received, tmp_path):
    bundle(commune(tmp_path / "sau", "giang-hai", "Xã Giang Hải"), received / "giang-hai-2.zip", "2023-06-24T10:15:00")
    rezipped(received / "giang-hai-2.zip", _byte_changed)
    result, found = rolled_up(cli, received)
    used = next(b for b in found["bodies"] if b["name"] == "UBND xã Giang Hải")
    assert used["folder"].endswith("giang-hai.zip") and used["state"] == "counted"
    assert found["set_aside"][0]["folder"].endswith("giang-hai-2.zip") and not found["set_aside"][0]["benign"]
    assert "đã bị thay đổi sau khi lập gói" in found["set_aside"][0]["reason"] and result.exit_code == 1


def test_two_bodies_with_one_name_are_two(cli, tmp_path, monkeypatch):
    """Two wards Tân Lập of two provinces, by their codes; and two of no code, by the level
    above them; a copy of one without its code is still that body."""
    monkeypatch.setenv("MTCL_TODAY", "2023-06-25")
    inbox = tmp_path / "nhan"
    bundle(commune(tmp_path, "a", "Phường Tân Lập", "00091", "Tỉnh Hưng Yên"), inbox / "tan-lap-1.zip",
           "2023-06-21T08:00:00")
    bundle(commune(tmp_path, "b", "Phường Tân Lập", "10459", "Tỉnh Thái Nguyên"), inbox / "tan-lap-2.zip",
           "2023-06-21T08:00:00")
    for folder, parent in (("c", "Tỉnh Đồng Tháp"), ("d", "Tỉnh An Giang")):
        bundle(commune(tmp_path, folder, "Xã Tân Hòa", parent=parent), inbox / f"tan-hoa-{folder}.zip",
               "2023-06-21T08:00:00")
    result, found = rolled_up(cli, inbox)
    assert sorted(b["name"] for b in found["bodies"]) == [
        "UBND phường Tân Lập (mã 00091)", "UBND phường Tân Lập (mã 10459)",
        "UBND xã Tân Hòa (Tỉnh An Giang)", "UBND xã Tân Hòa (Tỉnh Đồng Tháp)"]
    assert found["set_aside"] == [] and result.exit_code == 0
    shutil.copytree(tmp_path / "a", inbox / "tan-lap-cu")  # a folder of the same ward, before it wrote its code
    replace_in(inbox / "tan-lap-cu" / "2023" / "objectives.yaml", "  code: '00091'\n", "")
    result, found = rolled_up(cli, inbox)
    assert len(found["bodies"]) == 4 and found["set_aside"][0]["folder"].endswith("tan-lap-cu")


def test_a_damaged_line_in_a_bundle_is_located_in_the_bundle(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-25")
    folder = commune(tmp_path, "giang-hai", "Xã Giang Hải")
    book = open_year(folder, 2023)
    with (folder / "2023" / "records.jsonl").open("a", encoding="utf-8") as out:
        out.write("{hỏng\n")
    made = Stamp("x", datetime(2023, 6, 21, 8, tzinfo=timezone.utc))
    (tmp_path / "nhan").mkdir()
    (tmp_path / "nhan" / "gh.zip").write_bytes(make_bundle(book, year_files(folder, 2023), "h1", date(2023, 6, 30),
                                                           made))
    result, found = rolled_up(cli, tmp_path / "nhan")
    damaged = found["bodies"][0]["damaged"]
    assert damaged == [f"{tmp_path / 'nhan' / 'gh.zip'}/2023/records.jsonl:29: dòng hỏng hoặc bị cắt dở (không "
                       "phải JSON hợp lệ); sửa hoặc xóa dòng này"]
    assert "mtcl-goi-" not in result.stdout + result.stderr  # never the folder it was unpacked to
