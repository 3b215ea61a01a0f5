"""Corrective actions (ISO 10.2) and the management review input (ISO 9.3)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from docx import Document
from docx.shared import Mm

from mtcl.files.book import open_year


@pytest.fixture
def behind(cli, monkeypatch):
    """Mid-June 2023: 4e2 is behind, 5.6 not met, I.3 overdue."""
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    assert cli("record", "4e2", "300", "--as-of", "31/5/2023").exit_code == 0
    assert cli("record", "5.6", "430", "--of", "1000").exit_code == 0
    assert cli("record", "5.2", "1240", "--of", "1250").exit_code == 0
    return cli


def open_args(subject: str, *extra: str) -> list[str]:
    return ["action", "open", subject, "--problem", "Sản lượng đánh bắt chậm", "--cause", "Mưa bão & biển động",
            "--action", "Hỗ trợ ngư dân <sửa tàu>", "--owner", "Công chức ĐC-NN", "--due", "30/9/2023", *extra]


def status_of(cli, target_id: str) -> tuple[dict, dict]:
    out = json.loads(cli("status", "--json").stdout)
    return next(t for t in out["targets"] if t["id"] == target_id), out["summary"]


def test_open_on_a_behind_target_then_close(behind, data_dir):
    target, summary = status_of(behind, "4e2")
    assert target["status"] == "behind" and target["needs_action"] and summary["without_action"] == 2  # 4e2 and 5.6

    result = behind(*open_args("4e2"))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Đã mở HĐKP-2023-01 (4e2), hạn 30/09/2023")
    target, summary = status_of(behind, "4e2")
    assert target["actions"] == ["HĐKP-2023-01"] and not target["needs_action"] and summary["without_action"] == 1
    table = behind("status").stdout
    assert "⚑ 1 chỉ tiêu chưa đạt hoặc chậm tiến độ chưa có hành động khắc phục" in table

    closed = behind("action", "close", "hdkp-2023-01", "--result", "Đã hỗ trợ 12 tàu", "--evidence", "BC số 9",
                    "--effective")
    assert closed.exit_code == 0 and "có hiệu lực" in closed.stdout
    register = json.loads(behind("action", "list", "--json").stdout)
    assert [(a["id"], a["state"], a["effective"], a["result"]) for a in register] == [
        ("HĐKP-2023-01", "closed", True, "Đã hỗ trợ 12 tàu")]
    assert behind("action", "list", "--open").stdout.strip() == "Không có hành động nào đang mở."
    assert status_of(behind, "4e2")[0]["needs_action"]  # closed, and the target is still behind

    again = behind("action", "close", "HĐKP-2023-01", "--result", "x", "--not-effective")
    assert again.exit_code == 1 and "đã đóng ngày 12/06/2023" in again.stderr


def test_a_closing_says_whether_it_worked_and_can_be_withdrawn(behind):
    """Effectiveness is said, never assumed; a closing written by mistake is withdrawn like a
    figure, and the action is open again."""
    assert behind(*open_args("4e2")).exit_code == 0
    unsaid = behind("action", "close", "HĐKP-2023-01", "--result", "Đã hỗ trợ")
    assert unsaid.exit_code == 1 and "cần nói hành động có hiệu lực hay không" in unsaid.stderr
    assert "--effective (có hiệu lực) hoặc --not-effective" in unsaid.stderr
    assert json.loads(behind("action", "list", "--json").stdout)[0]["state"] == "open"  # nothing written
    closed = behind("action", "close", "HĐKP-2023-01", "--result", "Đã hỗ trợ", "--effective")
    ref = closed.stdout.split("mã dòng ")[1].split(" ")[0]
    assert ref.startswith("DP-") and f"mtcl void {ref}" in closed.stdout
    voided = behind("void", ref, "--reason", "Đóng nhầm phiếu")
    assert voided.exit_code == 0, voided.output
    assert "lần đóng phiếu HĐKP-2023-01 ngày 12/06/2023 (có hiệu lực); phiếu mở lại" in voided.stdout
    (action,) = json.loads(behind("action", "list", "--json").stdout)
    assert (action["state"], action["effective"]) == ("open", None)
    reclosed = behind("action", "close", "HĐKP-2023-01", "--result", "Chưa hiệu quả", "--not-effective")
    assert reclosed.exit_code == 0 and "chưa có hiệu lực" in reclosed.stdout
    assert json.loads(behind("action", "list", "--json").stdout)[0]["effective"] is False


def test_open_on_an_overdue_task_occurrence(behind):
    assert "⚑" in behind("plan", "I.3").stdout
    result = behind(*open_args("I.3"))
    assert result.exit_code == 0 and "(I.3, lần 2023-03-31)" in result.stdout
    occurrence = json.loads(behind("plan", "I.3", "--json").stdout)["tasks"][0]["occurrences"][0]
    assert occurrence["actions"] == ["HĐKP-2023-01"] and occurrence["needs_action"] is False
    upcoming = behind(*open_args("I.6", "--occurrence", "2023-11-30"))
    assert upcoming.exit_code == 1 and "không quá hạn" in upcoming.stderr


def test_refusals(behind, data_dir):
    unknown = behind(*open_args("4z"))
    assert unknown.exit_code == 1 and "không có mã '4z'" in unknown.stderr
    met = behind(*open_args("5.2"))
    assert met.exit_code == 1 and "chỉ tiêu 5.2 đang ở mức 'Đạt'" in met.stderr and "--force" in met.stderr
    assert not (data_dir / "2023" / "actions.jsonl").exists()
    assert behind(*open_args("5.2", "--force")).exit_code == 0
    past = behind(*open_args("5.6")[:-2], "--due", "1/6/2023")
    assert past.exit_code == 1 and "đã qua" in past.stderr
    assert behind("action", "close", "HĐKP-2023-09", "--result", "x", "--effective").exit_code == 1


def test_action_named_in_the_six_month_report(behind, data_dir):
    behind(*open_args("4e2"))
    behind(*open_args("I.3"))
    result = behind("report", "--period", "h1", "--date", "12/6/2023")
    assert result.exit_code == 0
    document = Document(str(data_dir.parent / "reports" / "2023" / "bao-cao-mtcl-6-thang-2023.docx"))
    texts = [p.text for p in document.paragraphs]
    shortfall = next(t for t in texts if t.startswith("- Mục tiêu 4:"))
    assert shortfall.startswith("- Mục tiêu 4: Chỉ tiêu chậm tiến độ: đánh bắt thủy sản đạt 300 tấn, thấp hơn tiến "
                                "độ cần đạt đến ngày 31/05/2023 (331,8 tấn).")
    assert "Nguyên nhân: Mưa bão & biển động." in shortfall
    assert "Đã mở hành động khắc phục HĐKP-2023-01: Hỗ trợ ngư dân <sửa tàu> (phụ trách: Công chức ĐC-NN, " \
           "hạn 30/09/2023)." in shortfall
    overdue = next(t for t in texts if t.startswith("- Kế hoạch:"))
    assert "xây dựng chương trình ĐGNB và triển khai ĐGNB (hạn 31/03/2023" in overdue and "HĐKP-2023-02" in overdue
    # Section IV names them again without describing them twice (issue 29: no sentence repeats another section's).
    assert "- Thực hiện các hành động khắc phục đang mở: HĐKP-2023-01 (nêu tại mục III, hạn 30/09/2023); " \
           "HĐKP-2023-02 (nêu tại mục III, hạn 30/09/2023)." in texts


def test_action_form_and_register_documents(behind, data_dir):
    behind(*open_args("4e2"))
    behind("action", "close", "HĐKP-2023-01", "--result", "Đã hỗ trợ", "--not-effective")
    behind(*open_args("5.6"))
    reports = data_dir.parent / "reports" / "2023"
    assert behind("report", "--kind", "action", "HDKP-2023-01").exit_code == 0
    form = Document(str(reports / "phieu-hdkp-2023-01.docx"))
    assert "PHIẾU YÊU CẦU HÀNH ĐỘNG KHẮC PHỤC" in [p.text for p in form.paragraphs]
    assert form.tables[0].cell(1, 0).text == "Số: HĐKP-2023-01"
    fields = {row.cells[0].text: row.cells[1].text for row in form.tables[1].rows[1:]}
    assert fields["Đối tượng"] == "Chỉ tiêu 4e2 – Trong đó đánh bắt thủy sản"
    assert fields["Nguyên nhân"] == "Mưa bão & biển động"
    assert fields["Hành động khắc phục"] == "Hỗ trợ ngư dân <sửa tàu>"
    assert fields["Đánh giá hiệu lực"] == "Chưa có hiệu lực" and fields["Kết quả thực hiện"] == "Đã hỗ trợ"
    assert behind("report", "--kind", "action", "HĐKP-2023-02").exit_code == 0
    still_open = Document(str(reports / "phieu-hdkp-2023-02.docx")).tables[1]
    blanks = {row.cells[0].text: row.cells[1] for row in still_open.rows[1:] if not row.cells[1].text.strip()}
    assert {"Kết quả thực hiện", "Minh chứng", "Đánh giá hiệu lực"} <= set(blanks)
    assert all(len(cell.paragraphs) >= 3 for cell in blanks.values())  # room to write by hand

    assert behind("report", "--kind", "register").exit_code == 0
    register = Document(str(reports / "so-theo-doi-hdkp-2023.docx"))
    section = register.sections[0]
    assert section.page_width > section.page_height  # landscape for the wide table
    rows = [[c.text for c in row.cells] for row in register.tables[1].rows[1:]]
    assert [r[1] for r in rows] == ["HĐKP-2023-01", "HĐKP-2023-02"]
    assert "Chưa có hiệu lực" in rows[0][-1] and rows[1][-1] == "Đang thực hiện"
    assert register.tables[0].cell(1, 0).text == ""  # a register carries no document number


def test_management_review_input(behind, data_dir):
    behind(*open_args("4e2"))
    assert behind("record", "4e2", "100", "--as-of", "31/3/2023").exit_code == 0
    result = behind("report", "--kind", "review", "--period", "h1", "--signer", "Trần Thị Mai")
    assert result.exit_code == 0, result.output
    review = Document(str(data_dir.parent / "reports" / "2023" / "xem-xet-lanh-dao-6-thang-2023.docx"))
    texts = [p.text for p in review.paragraphs]
    assert "BÁO CÁO ĐẦU VÀO XEM XÉT CỦA LÃNH ĐẠO" in texts
    for heading in ("1. Kết quả thực hiện Mục tiêu chất lượng", "2. Tiến độ thực hiện Kế hoạch thực hiện MTCL",
                    "3. Hành động khắc phục, cải tiến", "5. Quyết định của cuộc họp xem xét của lãnh đạo"):
        assert heading in texts
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in review.tables[1].rows[1:]}
    assert rows["4e2"][5] == "Chậm tiến độ" and rows["4e2"][6] == "giữ nguyên (chậm tiến độ)"  # 100 on 31/3, 300 now
    assert rows["5.2"][5] == "Đạt" and rows["5.2"][6] == ""
    decisions = review.tables[2]
    assert [c.text for c in decisions.rows[0].cells] == ["STT", "Vấn đề xem xét", "Quyết định, biện pháp",
                                                        "Người thực hiện", "Thời hạn"]
    assert len(decisions.rows) == 7 and decisions.rows[1].cells[2].text == ""
    assert "- Mở hành động khắc phục cho 1 chỉ tiêu chưa đạt hoặc chậm tiến độ: 5.6 (Hồ sơ trực tuyến mức độ " \
           "3, 4)." in texts
    assert all(row.height >= Mm(20) for row in decisions.rows[1:])  # three lines of handwriting
    opinion = texts.index("6. Ý kiến chỉ đạo của lãnh đạo")
    assert opinion > texts.index("5. Quyết định của cuộc họp xem xét của lãnh đạo")
    assert review.tables[3].rows[0].height >= Mm(35) and review.tables[3].cell(0, 0).text == ""
    assert "Xu hướng so với ngày 31/03/2023." in next(t for t in texts if t.startswith("Đến ngày 30/06/2023"))
    chart = [p for p in review.part.package.iter_parts() if p.partname.startswith("/word/charts/")]
    assert len(chart) == 1 and "Quý I (đến 31/03/2023)" in chart[0].blob.decode("utf-8")
    assert "Trần Thị Mai" in [p.text for p in review.tables[-1].cell(0, 0).paragraphs]
    assert behind("report", "--kind", "review", "--period", "q2").exit_code == 1


def test_concurrent_opens_get_distinct_ids(behind, data_dir):
    env = {**os.environ, "MTCL_DATA": str(data_dir), "MTCL_TODAY": "2023-06-12", "MTCL_USER": "test"}
    processes = [subprocess.Popen([sys.executable, "-m", "mtcl", *open_args("5.6")], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(8)]
    assert [p.wait(timeout=120) for p in processes] == [0] * 8
    ids = sorted(a.id for a in open_year(data_dir, 2023).actions)
    assert ids == [f"HĐKP-2023-{n:02d}" for n in range(1, 9)]


def test_an_action_closed_as_effective_while_its_target_still_falls_short_is_said_to_be_so(behind, data_dir,
                                                                                          monkeypatch):
    behind(*open_args("4e2"))
    monkeypatch.setenv("MTCL_TODAY", "2023-06-15")
    closed = behind("action", "close", "HĐKP-2023-01", "--result", "Đã hỗ trợ 12 tàu", "--effective")
    assert closed.exit_code == 0, closed.output
    # 320 tấn on 30/06: the pace there is 802 × 181/365 = 397,7 tấn, still behind.
    monkeypatch.setenv("MTCL_TODAY", "2023-07-02")
    assert behind("record", "4e2", "320", "--as-of", "30/6/2023").exit_code == 0
    assert behind("report", "--period", "h1", "--date", "2/7/2023").exit_code == 0
    document = Document(str(data_dir.parent / "reports" / "2023" / "bao-cao-mtcl-6-thang-2023.docx"))
    shortfall = next(p.text for p in document.paragraphs if p.text.startswith("- Mục tiêu 4:"))
    assert "HĐKP-2023-01: Hỗ trợ ngư dân <sửa tàu> (đã đóng 15/06/2023, đánh giá có hiệu lực, nhưng số liệu đến " \
           "ngày 30/06/2023 vẫn chậm tiến độ: đề nghị mở lại hành động khắc phục)" in shortfall
    assert shortfall.count("HĐKP-2023-01") == 1
