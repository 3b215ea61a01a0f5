"""Years over time: a new year from the last, schema migration, comparison with last year."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest

from mtcl.files.book import open_year
from mtcl.usecases.newyear import shift_date
from tests.conftest import REPO


@pytest.mark.parametrize(
    "day, year, moved",
    [
        (date(2023, 6, 15), 2024, date(2024, 6, 15)),
        (date(2023, 2, 28), 2024, date(2024, 2, 29)),  # a month's end stays its end
        (date(2024, 2, 29), 2025, date(2025, 2, 28)),
        (date(2023, 3, 31), 2024, date(2024, 3, 31)),
        (date(2023, 6, 30), 2024, date(2024, 6, 30)),
        (date(2023, 6, 1), 2024, date(2024, 6, 1)),
    ],
)
def test_dates_move_to_the_new_year(day, year, moved):
    assert shift_date(day, year) == moved


def test_init_then_compare_with_last_year(cli, data_dir, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-30")
    assert cli("record", "4a", "2,5").exit_code == 0
    assert cli("record", "5.2", "980", "--of", "1000").exit_code == 0

    result = cli("init", "2024", "--from", "2023")
    assert result.exit_code == 0, result.output
    assert "điền số và ngày quyết định" in result.stdout
    folder = data_dir / "2024"
    assert sorted(p.name for p in folder.iterdir()) == ["objectives.yaml", "plan.yaml"]  # no figures copied
    objectives = (folder / "objectives.yaml").read_text(encoding="utf-8")
    assert objectives.splitlines()[1] == "# Mục tiêu chất lượng năm 2023 của UBND xã Giang Hải"  # comments kept as written
    assert "year: 2024" in objectives and "  number:\n  date:\n" in objectives
    plan = (folder / "plan.yaml").read_text(encoding="utf-8")
    assert "due: [2024-06-15, 2024-11-30]" in plan and "due: [2024-02-29]" in plan
    assert "timing: Tháng 12/2023 – Quý I/2024" in plan
    assert "repeat: quarterly" in plan and plan.index("id: I.1") < plan.index("id: IX.1")

    validated = cli("validate", "--year", "2024")
    assert validated.exit_code == 0
    assert "chưa điền số quyết định ban hành mục tiêu (decision.number)" in validated.stdout
    assert "Cảnh báo:" in validated.stdout

    monkeypatch.setenv("MTCL_TODAY", "2024-06-30")
    assert cli("record", "4a", "3", "--year", "2024").exit_code == 0
    assert cli("record", "4b", "3", "--year", "2024").exit_code == 0
    status = json.loads(cli("status", "--json", "--year", "2024").stdout)
    by_id = {t["id"]: t for t in status["targets"]}
    assert by_id["4a"]["previous_year"] == {"actual": 2.5, "as_of": "2023-06-30", "ratio": 120}
    assert by_id["4b"]["previous_year"] is None  # no 2023 figure
    assert by_id["5.2"]["previous_year"] is None  # no 2024 figure to compare


def test_init_never_overwrites(cli, data_dir):
    (data_dir / "2024").mkdir()
    result = cli("init", "2024")
    assert result.exit_code == 1 and "không ghi đè" in result.stderr
    assert cli("init", "2030").exit_code == 1  # there is no 2029 to copy
    assert "không có năm 2029" in cli("init", "2030").stderr


def test_years_lists_each_folder(cli, data_dir, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-30")
    cli("record", "4a", "2,5")
    assert cli("init", "2024").exit_code == 0
    (data_dir / "2022").mkdir()
    (data_dir / "2022" / "objectives.yaml").write_text("schema_version: 2\n", encoding="utf-8")
    result = cli("years")
    assert result.exit_code == 0
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.strip()[:4].isdigit()}
    assert "1/40" in lines["2023"] and "0/40" in lines["2024"] and "lỗi" in lines["2022"]


@pytest.fixture
def old_folder(tmp_path):
    root = tmp_path / "old"
    shutil.copytree(REPO / "tests" / "data" / "schema1", root)
    return root


def test_an_old_schema_is_read_in_memory_with_a_warning(old_folder):
    year = open_year(old_folder, 2023)
    assert year.objectives.issuer.name == "Ủy ban nhân dân xã Giang Hải"
    assert any("chạy 'mtcl migrate'" in str(w) for w in year.warnings)
    assert (old_folder / "2023" / "objectives.yaml").read_text(encoding="utf-8").count("schema_version: 1") == 1


def test_migrate_rewrites_keeping_comments(cli, old_folder):
    before = (old_folder / "2023" / "objectives.yaml").read_text(encoding="utf-8")
    result = cli("migrate", "--data", str(old_folder))
    assert result.exit_code == 0, result.output
    assert "objectives.yaml: lược đồ 1 → 4" in result.stdout and "plan.yaml: lược đồ 1 → 4" in result.stdout
    after = (old_folder / "2023" / "objectives.yaml").read_text(encoding="utf-8")
    assert "schema_version: 4" in after and "name: Ủy ban nhân dân xã Giang Hải" not in after
    assert "kind: cumulative  # lũy kế" in after and after.startswith(before.splitlines()[0])
    year = open_year(old_folder, 2023)
    assert not year.warnings and year.objectives.issuer.name == "Ủy ban nhân dân xã Giang Hải"
    assert "không cần nâng" in cli("migrate", "--data", str(old_folder)).stdout


def test_migrate_refuses_a_name_that_disagrees(cli, old_folder):
    path = old_folder / "2023" / "objectives.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: Ủy ban nhân dân xã Giang Hải",
                                                             "name: UBND xã Giang Hải"), encoding="utf-8")
    before = path.read_bytes()
    result = cli("migrate", "--data", str(old_folder))
    assert result.exit_code == 1
    assert "objectives.yaml:6:3: issuer.name 'UBND xã Giang Hải' khác với authority + unit" in result.stderr
    assert path.read_bytes() == before
    assert "objectives.yaml:6:3" in cli("validate", "--data", str(old_folder)).stderr
