"""The plan's deadlines as an iCalendar feed, read back by two independent readers (the
icalendar library, and the strict RFC 5545 reader of tests/rfc5545.py) that must agree, and
followed across edits of plan.yaml, completions and withdrawals: a deadline keeps its UID,
its SEQUENCE only grows, and what left the plan is published cancelled."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from mtcl.files.book import open_year
from mtcl.report.calendar import Deadline, event_uid, plan_deadlines, publish_feed
from mtcl.usecases.status import plan_status
from tests import rfc5545
from tests.conftest import REPO, replace_in

BODY = "ubnd-xa-giang-hai-2023"
I6_JUNE, I6_NOVEMBER = f"{BODY}-plan-i.6-1@mtcl", f"{BODY}-plan-i.6-2@mtcl"
I1, I2 = f"{BODY}-plan-i.1-1@mtcl", f"{BODY}-plan-i.2-1@mtcl"


@dataclass(frozen=True)
class Seen:
    """One event as both readers read it."""

    start: date
    status: str
    sequence: int
    summary: str


def read(raw: bytes) -> dict[str, Seen]:
    """The events of a calendar by UID, read by icalendar and by the strict reader, which
    must agree on every one."""
    library = {
        str(e["uid"]): Seen(e.decoded("dtstart"), str(e["status"]), int(e["sequence"]), str(e["summary"]))
        for e in Calendar.from_ical(raw).walk("VEVENT")
    }
    strict = {
        e.one("UID"): Seen(datetime.strptime(e.one("DTSTART"), "%Y%m%d").date(), e.one("STATUS"),
                           int(e.one("SEQUENCE")), e.text("SUMMARY"))
        for e in rfc5545.parse(raw).walk("VEVENT")
    }
    assert library == strict
    return library


def events(path: Path):
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


@pytest.fixture
def feed(cli, tmp_path, monkeypatch):
    """``mtcl plan --ics`` written again and read back, as many times as a story needs."""
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    out = tmp_path / "lich.ics"

    def publish(*options: str) -> dict[str, Seen]:
        result = cli("plan", "--ics", "--out", str(out), *options)
        assert result.exit_code == 0, result.output
        return read(out.read_bytes())

    return publish


def test_every_dated_occurrence_is_an_all_day_event(cli, calendar_file):
    out, said = calendar_file
    found = events(out)
    read(out.read_bytes())
    report = {uid: e for uid, e in found.items() if "-plan-i.6-" in uid}
    assert sorted(e.decoded("dtstart") for e in report.values()) == [date(2023, 6, 15), date(2023, 11, 30)]
    june = report[I6_JUNE]
    assert str(june["summary"]).startswith("I.6 ")
    assert june.decoded("dtend") - june.decoded("dtstart") == timedelta(days=1)
    description = str(june["description"])
    assert "Chủ trì: Công chức VP-TK xã" in description and "Minh chứng cần lưu:" in description
    assert str(june["status"]) == "CONFIRMED"
    continuous = [uid for uid in found if "-plan-iii.1-" in uid]
    assert continuous == []  # continuous work has no deadline
    assert f"({len(found) - 1} hạn chưa xong, nhắc trước 7 ngày, 1 ngày; 1 lần đã xong ghi là hủy" in said


def test_the_reports_deadlines_are_in_the_feed_marked_as_reports(calendar_file):
    out, _ = calendar_file
    found = events(out)
    reports = {uid for uid, e in found.items() if "Báo cáo" in e["categories"].cats}
    assert reports == {I6_JUNE, I6_NOVEMBER}  # the plan's results_report task, whatever its id
    assert found[I6_JUNE]["categories"].cats == ["Mục tiêu 1", "Báo cáo"]
    assert found[I2]["categories"].cats == ["Mục tiêu 1"]


def test_reminders_fire_in_the_morning_before(calendar_file):
    out, _ = calendar_file
    june = events(out)[I6_JUNE]
    triggers = sorted(alarm.decoded("trigger") for alarm in june.walk("VALARM"))
    assert triggers == [timedelta(days=-7, hours=8), timedelta(days=-1, hours=8)]  # 08:00 on 8/6 and 14/6


def test_a_done_occurrence_is_cancelled_and_uids_are_stable(cli, calendar_file):
    out, _ = calendar_file
    first = events(out)
    done = first[I1]
    assert str(done["status"]) == "CANCELLED" and not done.walk("VALARM")
    assert cli("done", "I.2", "--evidence", "KH số 12/KH-UBND", "--date", "5/4/2023").exit_code == 0
    again = cli("plan", "--ics", "--out", str(out))  # an older calendar is replaced without --force
    assert again.exit_code == 0
    second = events(out)
    assert set(second) == set(first)
    assert str(first[I2]["status"]) == "CONFIRMED" and first[I2]["sequence"] == 0
    assert str(second[I2]["status"]) == "CANCELLED" and second[I2]["sequence"] == 1
    assert second[I6_JUNE]["sequence"] == 0  # unchanged: the same SEQUENCE


def test_a_moved_deadline_keeps_its_uid_and_takes_a_higher_sequence(feed, data_dir):
    first = feed()
    assert first[I6_JUNE] == Seen(date(2023, 6, 15), "CONFIRMED", 0, first[I6_JUNE].summary)
    replace_in(data_dir / "2023" / "plan.yaml", "due: [2023-06-15, 2023-11-30]", "due: [2023-06-20, 2023-11-30]")
    second = feed()
    assert set(second) == set(first)  # no second event for the moved deadline
    assert second[I6_JUNE].start == date(2023, 6, 20) and second[I6_JUNE].sequence == 1
    assert second[I6_NOVEMBER] == first[I6_NOVEMBER]
    assert feed()[I6_JUNE].sequence == 1  # written again unchanged: the same SEQUENCE


def test_an_occurrence_removed_from_the_plan_is_published_cancelled(feed, data_dir, cli):
    plan = data_dir / "2023" / "plan.yaml"
    first = feed()
    replace_in(plan, "due: [2023-06-15, 2023-11-30]", "due: [2023-06-15]")
    second = feed()
    assert set(second) == set(first)
    assert second[I6_NOVEMBER] == Seen(date(2023, 11, 30), "CANCELLED", 1, first[I6_NOVEMBER].summary)
    assert "1 lần không còn trong kế hoạch ghi là hủy" in cli("plan", "--ics", "--out", "-").stderr
    assert feed()[I6_NOVEMBER].sequence == 1  # still cancelled, in every later file
    replace_in(plan, "due: [2023-06-15]", "due: [2023-06-15, 2023-12-05]")  # back, on another day
    assert feed()[I6_NOVEMBER] == Seen(date(2023, 12, 5), "CONFIRMED", 2, first[I6_NOVEMBER].summary)


def test_a_withdrawn_completion_reopens_the_deadline_above_its_cancellation(feed, cli):
    assert feed()[I2].sequence == 0
    done = cli("done", "I.2", "--evidence", "KH số 12/KH-UBND", "--date", "5/4/2023")
    assert feed()[I2] == Seen(date(2023, 3, 31), "CANCELLED", 1, feed()[I2].summary)
    ref = re.search(r"mã dòng (HT-\w+)", done.stdout)[1]
    assert cli("void", ref, "--reason", "Ghi nhầm nhiệm vụ").exit_code == 0
    assert feed()[I2].status == "CONFIRMED" and feed()[I2].sequence == 2  # never back to 0: calendars take it


def test_sequence_only_grows_across_a_year_of_edits(feed, cli, data_dir):
    """Every edit the officer makes, one after another; after each the feed is read by both
    readers and no event's SEQUENCE is lower than before, and it is higher where the event
    changed."""
    plan = data_dir / "2023" / "plan.yaml"
    steps = [
        lambda: None,
        lambda: cli("done", "I.3", "--evidence", "CT số 15/CT-UBND", "--date", "20/3/2023"),
        lambda: replace_in(plan, "due: [2023-06-15, 2023-11-30]", "due: [2023-06-20, 2023-11-30]"),
        lambda: replace_in(plan, "due: [2023-01-31, 2023-06-01, 2023-11-30]", "due: [2023-01-31, 2023-11-30]"),
        lambda: cli("void", re.search(r"HT-\w+", (data_dir / "2023" / "completions.jsonl").read_text())[0],
                    "--reason", "Nhầm"),
        lambda: replace_in(plan, "due: [2023-06-20, 2023-11-30]", "due: [2023-06-15, 2023-11-30]"),
    ]
    seen: dict[str, Seen] = {}
    for step in steps:
        step()
        now = feed()
        assert set(seen) <= set(now)  # an event once published is never left out
        for uid, before in seen.items():
            changed = (now[uid].start, now[uid].status, now[uid].summary) != (before.start, before.status,
                                                                                before.summary)
            assert now[uid].sequence >= before.sequence + changed, (uid, before, now[uid])
        seen = now
    assert seen[f"{BODY}-plan-i.3-1@mtcl"].sequence == 2  # done, then withdrawn
    assert seen[f"{BODY}-plan-viii.2-3@mtcl"].status == "CANCELLED"  # the plan kept two of its three dates


def test_task_ids_differing_only_in_punctuation_get_their_own_uids(feed, data_dir):
    replace_in(data_dir / "2023" / "plan.yaml", "      - id: I.3\n", """      - id: I-2
        work: Phổ biến Kế hoạch ĐGNB đến các ngành
        lead: Công chức VP-TK xã
        timing: Tháng 4 năm 2023
        due: [2023-04-15]
      - id: I.3
""")
    found = feed()
    assert found[I2].summary.startswith("I.2 ") and found[I2].start == date(2023, 3, 31)
    assert found[f"{BODY}-plan-i_2d_2-1@mtcl"].summary.startswith("I-2 ")


@given(st.lists(st.tuples(st.text(max_size=4), st.text(max_size=4)), min_size=2, max_size=6, unique=True))
def test_no_two_keys_share_a_uid(keys):
    assert len({event_uid(BODY, ("plan", *key)) for key in keys}) == len(keys)
    assert all(re.fullmatch(r"[a-z0-9._-]+@mtcl", event_uid(BODY, ("plan", *key))) for key in keys)


def test_each_feed_cancels_only_what_it_published(feed, data_dir):
    everything = feed()
    department = feed("--owner", "vh-xh")
    assert set(department) < set(everything) and f"{BODY}-plan-viii.2-2@mtcl" in department
    replace_in(data_dir / "2023" / "plan.yaml", "due: [2023-06-15, 2023-11-30]", "due: [2023-06-15]")
    assert set(feed("--owner", "vh-xh")) == set(department)  # VP-TK's report is none of VH-XH's business
    assert feed()[I6_NOVEMBER].status == "CANCELLED"


def test_another_source_adds_its_deadlines_beside_the_plan(data_dir, monkeypatch):
    """The way in for the forms' return dates: a list of Deadline with keys of their own."""
    book = open_year(data_dir, 2023)
    states = plan_status(book, date(2023, 6, 12)).states
    forms = [Deadline(("form", "vh-xh", "h1"), date(2023, 6, 10), "Gửi lại biểu số liệu 6 tháng: VH-XH",
                      "Biểu bieu-so-lieu-vh-xh-6-thang-2023.xlsx", ("Biểu số liệu",))]
    written: list[bytes] = []
    now = datetime(2023, 6, 12, 1, 0, tzinfo=timezone.utc)
    publish_feed(book, plan_deadlines(book, states) + forms, (3,), "all", now, written.append)
    found = read(written[0])
    assert found[f"{BODY}-form-vh_2d_xh-h1@mtcl"] == Seen(date(2023, 6, 10), "CONFIRMED", 0,
                                                           "Gửi lại biểu số liệu 6 tháng: VH-XH")
    assert I6_JUNE in found
    publish_feed(book, plan_deadlines(book, states), (3,), "all", now, written.append)  # the form came back
    assert read(written[1])[f"{BODY}-form-vh_2d_xh-h1@mtcl"].status == "CANCELLED"


def test_the_calendar_goes_to_standard_output(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    for options in (["--out", "-"], []):  # without --out, standard output when it is not a terminal
        result = cli("plan", "--ics", *options)
        assert result.exit_code == 0, result.output
        assert result.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\n") and I6_JUNE in read(result.stdout_bytes)
        assert "Đã in lịch ra đầu ra chuẩn (" in result.stderr
    assert not (tmp_path / "-").exists()


def test_a_shell_redirect_gets_the_calendar_itself(data_dir, tmp_path):
    out = tmp_path / "plan.ics"
    env = {**os.environ, "MTCL_DATA": str(data_dir), "MTCL_TODAY": "2023-06-12", "PYTHONIOENCODING": "cp1252"}
    with out.open("wb") as handle:  # mtcl plan --ics > plan.ics
        result = subprocess.run([sys.executable, "-m", "mtcl", "plan", "--ics"], stdout=handle,
                                stderr=subprocess.PIPE, env=env, cwd=REPO, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    raw = out.read_bytes()
    assert b"\r\r\n" not in raw and "Xây dựng Kế hoạch Đánh giá nội bộ".encode() in raw  # bytes as made, UTF-8
    assert read(raw)[I6_JUNE].start == date(2023, 6, 15)


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
    rfc5545.unfold(raw)  # CRLF, 75 octets, a fold never splits a character
    assert "Xây dựng Kế hoạch Đánh giá nội bộ (ĐGNB) năm 2023" in read(raw)[I2].summary


def test_a_file_that_is_not_a_calendar_is_never_replaced(cli, tmp_path, data_dir):
    other = tmp_path / "bao-cao.docx"
    other.write_bytes(b"PK\x03\x04 a report")
    result = cli("plan", "--ics", "--out", str(other))
    assert result.exit_code == 1 and "không phải tệp lịch; không ghi đè" in result.stderr
    assert other.read_bytes() == b"PK\x03\x04 a report"
    assert not (data_dir / "2023" / "calendar.json").exists()  # nothing remembered of a calendar not written
    assert cli("plan", "--out", str(other)).exit_code == 1  # --out belongs to --ics or --json
    assert cli("plan", "--remind", "3").exit_code == 1


def test_a_damaged_memory_is_refused_and_nothing_changes(feed, cli, data_dir, tmp_path):
    feed()
    memory = data_dir / "2023" / "calendar.json"
    calendar = (tmp_path / "lich.ics").read_bytes()
    for damaged in (b'{"format": 1, "events": {"x": {"sequence": -1}}}', b"\x00\xff not json", b"[]"):
        memory.write_bytes(damaged)
        result = cli("plan", "--ics", "--out", str(tmp_path / "lich.ics"))
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert "Lỗi: tệp 'data/2023/calendar.json' (mtcl ghi nhớ các sự kiện đã đưa lên lịch) bị hỏng" in \
            result.stderr.replace(str(data_dir.parent) + "/", "")
        assert "lấy lại tệp từ bản sao lưu" in result.stderr
        assert memory.read_bytes() == damaged and (tmp_path / "lich.ics").read_bytes() == calendar
