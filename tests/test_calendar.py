"""The plan's deadlines as an iCalendar file, parsed back with icalendar."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar


def events(path: Path) -> dict[str, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def calendar_file(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    assert cli("done", "I.1", "--evidence", "QĐ số 27/QĐ-UBND", "--date", "1/2/2023").exit_code == 0
    out = tmp_path / "lich.ics"
    result = cli("plan", "--ics", "--out", str(out))
    assert result.exit_code == 0, result.output
    return out, result.stdout


def test_every_dated_occurrence_is_an_all_day_event(cli, calendar_file):
    out, said = calendar_file
    found = events(out)
    report = {uid: e for uid, e in found.items() if "-i-6-" in uid}
    assert sorted(e.decoded("dtstart") for e in report.values()) == [date(2023, 6, 15), date(2023, 11, 30)]
    june = report["ubnd-xa-giang-hai-2023-i-6-2023-06-15@mtcl"]
    assert str(june["summary"]).startswith("I.6 ")
    assert june.decoded("dtend") - june.decoded("dtstart") == timedelta(days=1)
    description = str(june["description"])
    assert "Chủ trì: Công chức VP-TK xã" in description and "Minh chứng cần lưu:" in description
    assert june["categories"].cats == ["Mục tiêu 1"] and str(june["status"]) == "CONFIRMED"
    continuous = [uid for uid in found if "-iii-1-" in uid]
    assert continuous == []  # continuous work has no deadline
    assert f"({len(found) - 1} hạn chưa xong, nhắc trước 7 ngày, 1 ngày; 1 lần đã xong ghi là hủy" in said


def test_reminders_fire_in_the_morning_before(calendar_file):
    out, _ = calendar_file
    june = events(out)["ubnd-xa-giang-hai-2023-i-6-2023-06-15@mtcl"]
    triggers = sorted(alarm.decoded("trigger") for alarm in june.walk("VALARM"))
    assert triggers == [timedelta(days=-7, hours=8), timedelta(days=-1, hours=8)]  # 08:00 on 8/6 and 14/6


def test_a_done_occurrence_is_cancelled_and_uids_are_stable(cli, calendar_file, tmp_path):
    out, _ = calendar_file
    first = events(out)
    done = first["ubnd-xa-giang-hai-2023-i-1-2023-02-28@mtcl"]
    assert str(done["status"]) == "CANCELLED" and done["sequence"] == 1 and not done.walk("VALARM")
    assert cli("done", "I.2", "--evidence", "KH số 12/KH-UBND", "--date", "5/4/2023").exit_code == 0
    again = cli("plan", "--ics", "--out", str(out))  # an older calendar is replaced without --force
    assert again.exit_code == 0
    second = events(out)
    assert set(second) == set(first)
    assert str(second["ubnd-xa-giang-hai-2023-i-2-2023-03-31@mtcl"]["status"]) == "CANCELLED"
    assert str(first["ubnd-xa-giang-hai-2023-i-2-2023-03-31@mtcl"]["status"]) == "CONFIRMED"


def test_owner_and_reminders_can_be_chosen(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    out = tmp_path / "vh.ics"
    assert cli("plan", "--ics", "--owner", "vh-xh", "--remind", "3", "--out", str(out)).exit_code == 0
    found = events(out)
    assert found and all("VH-XH" in str(e["description"]) for e in found.values())
    assert all([a.decoded("trigger") for a in e.walk("VALARM")] == [timedelta(days=-3, hours=8)]
               for e in found.values())
    assert cli("plan", "--ics", "--remind", "bay", "--out", str(out)).exit_code == 1
    assert "--remind 'bay' không hợp lệ" in cli("plan", "--ics", "--remind", "bay", "--out", str(out)).stderr


def test_vietnamese_survives_folding(cli, calendar_file):
    out, _ = calendar_file
    raw = out.read_bytes()
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # a folded line never splits a character
    assert "Xây dựng Kế hoạch Đánh giá nội bộ (ĐGNB) năm 2023" in str(
        events(out)["ubnd-xa-giang-hai-2023-i-2-2023-03-31@mtcl"]["summary"])


def test_a_file_that_is_not_a_calendar_is_never_replaced(cli, tmp_path):
    other = tmp_path / "bao-cao.docx"
    other.write_bytes(b"PK\x03\x04 a report")
    result = cli("plan", "--ics", "--out", str(other))
    assert result.exit_code == 1 and "không phải tệp lịch; không ghi đè" in result.stderr
    assert other.read_bytes() == b"PK\x03\x04 a report"
    assert cli("plan", "--out", str(other)).exit_code == 1  # --out belongs to --ics
