"""Deadlines as an iCalendar feed (RFC 5545), for the calendar the officer already looks at:
Google Calendar, Outlook, Thunderbird, a phone.

A feed is made of ``Deadline`` values, one all-day event each, from any source: the plan's
dated occurrences (``plan_deadlines``, the results report's deadlines among them), and
another source's own list (the forms' return dates) added beside it.  A deadline's UID
names its source and its place in the year, never its date, so a deadline moved in
plan.yaml is the same event moved.  Calendars take a change only with a higher SEQUENCE,
so the feed remembers what it published, in ``calendar.json`` in the year's folder (the
hand-written YAML is never touched): an event whose content changed is published again
with its SEQUENCE one higher, never lower (a completion withdrawn re-opens a deadline
above its cancellation), and an event the feed published before and has no longer (an
occurrence taken out of the plan) is published as cancelled.  The icalendar library does
the folding, escaping and encoding; reminders fire at 08:00 the chosen number of days before.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from mtcl.core.errors import UserError
from mtcl.core.models import Task, id_key
from mtcl.core.schedule import Occurrence, OccurrenceState, occurrence_label
from mtcl.core.text import fold, one_line
from mtcl.files.book import Book
from mtcl.files.fs import atomic_write, display_path, locked, os_problem

TIME_ZONE = "Asia/Ho_Chi_Minh"
DEFAULT_REMINDERS = (7, 1)  # days before the deadline
REMINDER_HOUR = 8
DONE = ("done", "done_late")
MEMORY_FILE = "calendar.json"
REPORT_CATEGORY = "Báo cáo"
REMOVED = "Lần thực hiện này không còn trong kế hoạch."
UID_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.")


@dataclass(frozen=True)
class Deadline:
    """One dated thing to do, from any source.  ``key`` names it within the year, never by
    its date: the source's word first ('plan', 'form'…), then what the source knows it by,
    each part already in the form its ids are compared in (``id_key``)."""

    key: tuple[str, ...]
    due: date
    title: str
    description: str
    categories: tuple[str, ...] = ()
    done: bool = False  # published as cancelled, so calendars drop it


@dataclass(frozen=True)
class Entry:
    """One event of the feed as published: a deadline still open or done, or one the
    feed published before and has no longer (``removed``)."""

    uid: str
    due: date
    title: str
    description: str
    categories: tuple[str, ...]
    state: Literal["open", "done", "removed"]
    reminders: tuple[int, ...]  # none on a cancelled event
    sequence: int = 0

    @property
    def cancelled(self) -> bool:
        return self.state != "open"

    def fingerprint(self) -> str:
        """What a calendar shows of the event, as a short digest: a change means a new SEQUENCE."""
        shown = {k: v for k, v in asdict(self).items() if k not in ("uid", "sequence")}
        return hashlib.sha256(json.dumps(shown, default=str, sort_keys=True).encode()).hexdigest()[:16]


# What the feed remembers of what it published (calendar.json).

class Sent(BaseModel):
    """One event as last published: its SEQUENCE, a digest of its content, and what a
    cancellation must repeat once the event has left its source."""

    model_config = ConfigDict(extra="forbid")
    sequence: int = Field(ge=0)
    fingerprint: str
    due: date
    title: str


class Memory(BaseModel):
    """Every event any feed of the year published, and which events each feed (a choice of
    tasks: all of them, one department's…) published."""

    model_config = ConfigDict(extra="forbid")
    format: Literal[1] = 1
    events: dict[str, Sent] = {}
    feeds: dict[str, list[str]] = {}

    @model_validator(mode="after")
    def _feeds_name_known_events(self) -> Memory:
        for uids in self.feeds.values():
            unknown = next((uid for uid in uids if uid not in self.events), None)
            if unknown is not None:
                raise ValueError(f"sự kiện '{unknown}' không có trong 'events'")
        return self


# The plan's deadlines.

def occurrence_place(task: Task, occurrence: Occurrence, year: int) -> str:
    """Where an occurrence stands in the task's year, never its date: its rank among the
    task's listed dates ('1', '2'), else its month, quarter or half ('m05', 'q2', 'h1'),
    or 'year'."""
    if task.due:
        return str(sorted(task.due).index(occurrence.due) + 1)
    return occurrence.key.removeprefix(f"{year}-").casefold() if occurrence.key != str(year) else "year"


def plan_deadlines(book: Book, states: list[OccurrenceState]) -> list[Deadline]:
    """The dated occurrences among ``states`` (continuous work has no deadline to show); a
    results report's deadlines are marked as reports."""
    found = []
    for state in states:
        task, occurrence = state.task, state.occurrence
        if occurrence.due is None:
            continue
        categories = ((f"Mục tiêu {task.objective}",) if task.objective else ()) + \
            ((REPORT_CATEGORY,) if task.kind == "results_report" else ())
        found.append(Deadline(("plan", id_key(task.id), occurrence_place(task, occurrence, book.year)), occurrence.due,
                              f"{task.id} {one_line(task.label)}", _description(task, state), categories,
                              state.status in DONE))
    return found


def _description(task: Task, state: OccurrenceState) -> str:
    lines = [one_line(task.work), f"Chủ trì: {task.lead}"]
    if task.partners:
        lines.append(f"Phối hợp: {', '.join(task.partners)}")
    if task.evidence:
        lines.append(f"Minh chứng cần lưu: {'; '.join(task.evidence)}")
    lines.append(f"Lần thực hiện: {occurrence_label(state.occurrence)}")
    return "\n".join(lines)


# The feed.

def uid_prefix(book: Book) -> str:
    """'ubnd-xa-giang-hai-2023': the body and the year every UID of its feed starts with."""
    return "-".join(re.findall(r"[a-z0-9]+", fold(f"{book.objectives.issuer.short_name} {book.year}")))


def event_uid(prefix: str, key: tuple[str, ...]) -> str:
    """'ubnd-xa-giang-hai-2023-plan-i.6-1@mtcl': the same deadline, the same UID.  Each part
    keeps a-z, 0-9 and '.', and writes any other character as its code ('i-2' →
    'i_2d_2'), so two keys that differ in a hyphen or a dot never share a UID."""
    parts = ("".join(ch if ch in UID_LETTERS else f"_{ord(ch):x}_" for ch in part) for part in key)
    return f"{prefix}-{'-'.join(parts)}@mtcl"


def publish(prefix: str, deadlines: list[Deadline], reminders: tuple[int, ...], memory: Memory,
            feed: str) -> tuple[list[Entry], Memory]:
    """The events of the feed ``feed`` and what to remember of them: each deadline, then each
    event this feed published before and has no longer, cancelled; an event keeps its
    SEQUENCE while its content is unchanged and takes the next one when it changes."""
    entries = [Entry(event_uid(prefix, d.key), d.due, d.title, d.description, d.categories,
                     "done" if d.done else "open", () if d.done else reminders) for d in deadlines]
    present = {entry.uid for entry in entries}
    before = memory.feeds.get(feed, [])
    known = set(before)
    entries += [Entry(uid, memory.events[uid].due, memory.events[uid].title, REMOVED, (), "removed", ())
                for uid in before if uid not in present]
    events = dict(memory.events)
    published = []
    for entry in entries:
        sent, fingerprint = events.get(entry.uid), entry.fingerprint()
        sequence = 0 if sent is None else sent.sequence + (sent.fingerprint != fingerprint)
        if entry.state == "removed":  # the last content it was published with stays its content
            events[entry.uid] = sent.model_copy(update={"sequence": sequence, "fingerprint": fingerprint})
        else:
            events[entry.uid] = Sent(sequence=sequence, fingerprint=fingerprint, due=entry.due, title=entry.title)
        published.append(replace(entry, sequence=sequence))
    listed = before + [entry.uid for entry in entries if entry.uid not in known]
    return published, Memory(events=events, feeds={**memory.feeds, feed: listed})


def render(book: Book, entries: list[Entry], now: datetime) -> bytes:
    """The iCalendar file of ``entries``."""
    from icalendar import Alarm, Calendar, Event  # 40 ms, only for --ics

    calendar = Calendar()
    calendar.add("prodid", "-//mtcl//Muc tieu chat luong//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Kế hoạch MTCL năm {book.year} — {book.objectives.issuer.short_name}")
    calendar.add("x-wr-timezone", TIME_ZONE)
    for entry in entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", now)
        event.add("dtstart", entry.due)
        event.add("dtend", entry.due + timedelta(days=1))
        event.add("summary", entry.title)
        event.add("description", entry.description)
        if entry.categories:
            event.add("categories", list(entry.categories))
        event.add("transp", "TRANSPARENT")  # a deadline, not a meeting: the day stays free
        event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
        event.add("sequence", entry.sequence)
        for days in entry.reminders:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Còn {days} ngày: {entry.title}" if days else f"Hôm nay đến hạn: {entry.title}")
            alarm.add("trigger", timedelta(days=-days, hours=REMINDER_HOUR))
            event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()


def publish_feed(book: Book, deadlines: list[Deadline], reminders: tuple[int, ...], feed: str, now: datetime,
                 deliver: Callable[[bytes], None]) -> list[Entry]:
    """Publish the feed: under the lock of the year's calendar.json, read what was published
    before, make the events, remember them, then hand the file to ``deliver`` (remembered
    first: a calendar that failed to reach its file has only taken a SEQUENCE number that
    the next one reuses)."""
    path = book.folder / MEMORY_FILE
    with locked(path):
        entries, memory = publish(uid_prefix(book), deadlines, reminders, read_memory(path), feed)
        content = render(book, entries, now)
        atomic_write(path, (json.dumps(memory.model_dump(mode="json"), ensure_ascii=False, indent=1,
                                       sort_keys=True) + "\n").encode("utf-8"))
        deliver(content)
    return entries


def read_memory(path: Path) -> Memory:
    """What the feeds published before (nothing yet: an empty memory); a file that does not
    read as one is refused, since starting again would send SEQUENCE numbers calendars ignore."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Memory()
    except OSError as exc:
        raise UserError(f"không đọc được '{display_path(path)}': {os_problem(exc)}") from None
    try:
        return Memory.model_validate_json(raw)
    except ValidationError as exc:
        where = " > ".join(str(part) for part in exc.errors()[0]["loc"])
        raise UserError(
            f"tệp '{display_path(path)}' (mtcl ghi nhớ các sự kiện đã đưa lên lịch) bị hỏng"
            + (f" ở {where}" if where else "") + "; chưa ghi lịch",
            "lấy lại tệp từ bản sao lưu; không có thì xóa tệp đó, xóa lịch MTCL cũ trong Outlook hay Google Calendar, "
            "rồi nhập tệp lịch mới") from None


def is_calendar(text: str) -> bool:
    """An older calendar file, which a new one may replace."""
    return text.startswith("BEGIN:VCALENDAR")


def reminder_days(text: str | None) -> tuple[int, ...]:
    """'7,1' → (7, 1); none given: 7 and 1 days before."""
    if text is None:
        return DEFAULT_REMINDERS
    try:
        days = tuple(sorted({int(part) for part in text.split(",") if part.strip()}, reverse=True))
    except ValueError:
        raise UserError(f"--remind '{text}' không hợp lệ",
                        "ghi số ngày báo trước, cách nhau bằng dấu phẩy: 7,1") from None
    if any(day < 0 or day > 90 for day in days):
        raise UserError(f"--remind '{text}': số ngày báo trước từ 0 đến 90")
    return days
