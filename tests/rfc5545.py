"""A second, strict reader of iCalendar files, written from RFC 5545 alone, so the calendar
tests do not trust the library that wrote the file (icalendar) to read it back.

It refuses what the RFC forbids and lenient readers let pass: a line ended otherwise than by
CRLF, a line longer than 75 octets, bytes that are not UTF-8, a malformed content line, an
unbalanced BEGIN/END, a VEVENT without exactly one UID and DTSTAMP, two VEVENTs of one
calendar sharing a UID, a SEQUENCE that is not a whole number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NAME = r"[A-Za-z0-9-]+"
PARAM_VALUE = r'(?:"[^"\x00-\x08\x0a-\x1f\x7f]*"|[^";:,\x00-\x08\x0a-\x1f\x7f]*)'
PARAM = rf"{NAME}={PARAM_VALUE}(?:,{PARAM_VALUE})*"
CONTENT_LINE = re.compile(rf"(?P<name>{NAME})(?P<params>(?:;{PARAM})*):(?P<value>[^\x00-\x08\x0a-\x1f\x7f]*)")
TEXT_ESCAPES = {"\\\\": "\\", "\\;": ";", "\\,": ",", "\\n": "\n", "\\N": "\n"}


@dataclass
class Component:
    name: str
    properties: list[tuple[str, str]] = field(default_factory=list)  # (NAME, raw value), in order
    children: list[Component] = field(default_factory=list)

    def values(self, name: str) -> list[str]:
        return [value for key, value in self.properties if key == name]

    def one(self, name: str) -> str:
        found = self.values(name)
        assert len(found) == 1, f"{self.name} has {len(found)} {name}"
        return found[0]

    def text(self, name: str) -> str:
        """A TEXT value with its escapes undone."""
        return re.sub(r"\\[\\;,nN]", lambda m: TEXT_ESCAPES[m.group()], self.one(name))

    def walk(self, name: str) -> list[Component]:
        found = [self] if self.name == name else []
        for child in self.children:
            found += child.walk(name)
        return found


def unfold(raw: bytes) -> list[str]:
    """The logical lines of the file, each physical line checked (CRLF, 75 octets, UTF-8)."""
    assert raw.endswith(b"\r\n"), "the last line must end with CRLF"
    physical = raw[:-2].split(b"\r\n")
    lines: list[str] = []
    for number, line in enumerate(physical, start=1):
        assert b"\r" not in line and b"\n" not in line, f"line {number}: a bare CR or LF"
        assert len(line) <= 75, f"line {number}: {len(line)} octets"
        text = line.decode("utf-8")  # strict: a fold never splits a character
        if text[:1] in (" ", "\t"):
            assert lines, "the file cannot start with a continuation"
            lines[-1] += text[1:]
        else:
            lines.append(text)
    return lines


def parse(raw: bytes) -> Component:
    """The VCALENDAR of ``raw``, its components nested, every rule above checked."""
    stack: list[Component] = []
    root: Component | None = None
    for line in unfold(raw):
        match = CONTENT_LINE.fullmatch(line)
        assert match, f"not a content line: {line!r}"
        name, value = match["name"].upper(), match["value"]
        if name == "BEGIN":
            stack.append(Component(value.upper()))
        elif name == "END":
            assert stack and stack[-1].name == value.upper(), f"END:{value} closes nothing open"
            done = stack.pop()
            if stack:
                stack[-1].children.append(done)
            else:
                assert root is None, "a second calendar in one file"
                root = done
        else:
            assert stack, f"{name} outside any component"
            stack[-1].properties.append((name, value))
    assert root is not None and not stack and root.name == "VCALENDAR", "not one whole VCALENDAR"
    assert root.one("VERSION") == "2.0" and root.one("PRODID")
    uids = []
    for event in root.walk("VEVENT"):
        uids.append(event.one("UID"))
        event.one("DTSTAMP")
        event.one("DTSTART")
        assert re.fullmatch(r"[0-9]+", event.one("SEQUENCE")), event.one("SEQUENCE")
    assert len(uids) == len(set(uids)), "two events share a UID"
    return root
