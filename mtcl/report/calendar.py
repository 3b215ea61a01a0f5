"""The plan's deadlines as an iCalendar file (RFC 5545), for the calendar the officer
already looks at: Google Calendar, Outlook, Thunderbird, a phone.

One all-day event per dated occurrence; its UID is made of the body, the year, the task and
the occurrence, so importing a newer file updates the events instead of adding copies, and
an occurrence done since is written again as cancelled (with a higher SEQUENCE, which the
clients need to take the change).  The icalendar library does the folding, escaping and
encoding; reminders fire at 08:00 the chosen number of days before.
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timedelta
from pathlib import Path

from mtcl.core.errors import UserError
from mtcl.core.schedule import OccurrenceState, occurrence_label
from mtcl.core.text import fold, one_line
from mtcl.files.book import Book
from mtcl.files.fs import atomic_write, display_path, os_problem

TIME_ZONE = "Asia/Ho_Chi_Minh"
DEFAULT_REMINDERS = (7, 1)  # days before the deadline
REMINDER_HOUR = 8
DONE = ("done", "done_late")


def event_uid(book: Book, state: OccurrenceState) -> str:
    """'ubnd-xa-giang-hai-2023-i-6-2023-06-15@mtcl': the same occurrence, the same UID."""
    words = fold(f"{book.objectives.issuer.short_name} {book.year} {state.task.id} {state.occurrence.key}")
    return "-".join(re.findall(r"[a-z0-9]+", words)) + "@mtcl"


def plan_calendar(book: Book, states: list[OccurrenceState], reminders: tuple[int, ...], now: datetime) -> bytes:
    """The iCalendar file of the dated occurrences among ``states``."""
    from icalendar import Alarm, Calendar, Event  # 40 ms, only for --ics

    issuer = book.objectives.issuer.short_name
    calendar = Calendar()
    calendar.add("prodid", "-//mtcl//Muc tieu chat luong//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Kế hoạch MTCL năm {book.year} — {issuer}")
    calendar.add("x-wr-timezone", TIME_ZONE)
    for state in states:
        due = state.occurrence.due
        if due is None:  # continuous work has no deadline to put in a calendar
            continue
        task = state.task
        title = f"{task.id} {one_line(task.label)}"
        event = Event()
        event.add("uid", event_uid(book, state))
        event.add("dtstamp", now)
        event.add("dtstart", due)
        event.add("dtend", due + timedelta(days=1))
        event.add("summary", title)
        event.add("description", _description(task, state))
        if task.objective:
            event.add("categories", [f"Mục tiêu {task.objective}"])
        event.add("transp", "TRANSPARENT")  # a deadline, not a meeting: the day stays free
        if state.status in DONE:
            event.add("status", "CANCELLED")
            event.add("sequence", 1)
        else:
            event.add("status", "CONFIRMED")
            event.add("sequence", 0)
            for days in reminders:
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", f"Còn {days} ngày: {title}" if days else f"Hôm nay đến hạn: {title}")
                alarm.add("trigger", timedelta(days=-days, hours=REMINDER_HOUR))
                event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()


def _description(task, state: OccurrenceState) -> str:
    lines = [one_line(task.work), f"Chủ trì: {task.lead}"]
    if task.partners:
        lines.append(f"Phối hợp: {', '.join(task.partners)}")
    if task.evidence:
        lines.append(f"Minh chứng cần lưu: {'; '.join(task.evidence)}")
    lines.append(f"Lần thực hiện: {occurrence_label(state.occurrence)}")
    return "\n".join(lines)


def reminder_days(text: str | None) -> tuple[int, ...]:
    """'7,1' → (7, 1); none given: 7 and 1 days before."""
    if text is None:
        return DEFAULT_REMINDERS
    try:
        days = tuple(sorted({int(part) for part in text.split(",") if part.strip()}, reverse=True))
    except ValueError:
        raise UserError(f"--remind '{text}' không hợp lệ", "ghi số ngày báo trước, cách nhau bằng dấu phẩy: 7,1") from None
    if any(day < 0 or day > 90 for day in days):
        raise UserError(f"--remind '{text}': số ngày báo trước từ 0 đến 90")
    return days


def write_ics(out: Path, content: bytes) -> tuple[Path, int, int]:
    """Write the calendar, replacing an older calendar file (made to be written again and
    imported again) but never another kind of file; the deadlines still open and the ones
    done (written cancelled)."""
    if os.path.lexists(out):
        try:
            head = out.read_bytes()[:15] if out.is_file() else b""
        except OSError as exc:
            raise UserError(f"không đọc được '{display_path(out)}': {os_problem(exc)}") from None
        if head != b"BEGIN:VCALENDAR":
            raise UserError(f"tệp '{display_path(out)}' đã có và không phải tệp lịch; không ghi đè",
                            "dùng --out để ghi ra tệp khác")
    elif not out.parent.is_dir():
        raise UserError(f"thư mục '{display_path(out.parent)}' không tồn tại")
    atomic_write(out, content)
    return out, content.count(b"STATUS:CONFIRMED"), content.count(b"STATUS:CANCELLED")
