"""Each speed-up gives exactly what the plain way gives: a file read in pieces (each checked
to re-encode to itself) against the file read line by line, the figure that counts found in
one pass against a sorted scan, a file as mtcl writes it against one spaced by hand, a year
kept in the cache against the year read from its files."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import shutil
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcl.cli.main import cache_folder
from mtcl.core.attainment import RecordIndex
from mtcl.core.errors import DataErrors
from mtcl.core.figures import FigureRecord
from mtcl.files import book, cache, store
from mtcl.files.book import NOTES_FILE, OBJECTIVES_FILE, PLAN_FILE, STORES, Book, open_year
from mtcl.files.store import JsonlStore

TARGETS = ["4a", "4đ", "5.2"]
DAY = date(2023, 1, 1)


def line(target: str, day: int, value: int, ref: str | None = None, **extra) -> bytes:
    entry = {**({"ref": ref} if ref else {}), "target": target, "as_of": (DAY + timedelta(days=day)).isoformat(),
             "value": str(value), "estimated": False, "by": "x", "recorded_at": "2023-07-01T00:00:00Z", **extra}
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


lines = st.lists(st.builds(line, st.sampled_from(TARGETS), st.integers(0, 200), st.integers(0, 10**6)),
                 max_size=40)
# What a hand can do to a line: space it, repeat a key, cut it, blank it, write a bad date.
spoils = st.sampled_from([
    lambda text: text,
    lambda text: text.replace(b'"target":', b'"target" :'),
    lambda text: text.replace(b'"by":"x"', b'"by":"x","by":"y"'),
    lambda text: text[: len(text) // 2],
    lambda text: b"",
    lambda text: text.replace(b"2023-", b"2023-13-", 1),
    lambda text: text.replace(b'"value":', b'"v\\u0061lue":'),
])


def read_both(raw: bytes, block: int = 1 << 20):
    """The file read as mtcl reads it, from blocks of ``block`` bytes, and read line by line:
    entries, their line numbers, and the problems of the lines that could not be read."""
    records = JsonlStore(Path("records.jsonl"), FigureRecord)
    lines = records._lines(raw[at:at + block] for at in range(0, len(raw), block))
    assert lines.digest == store._digest(raw)  # what a write compares with the file under its lock
    found = records._line_by_line(raw.removeprefix(b"\xef\xbb\xbf").split(b"\n"), 1, lines.file, problems := [])
    return ((lines.entries, lines.numbers, sorted(lines.problems)),
            (tuple(entry for _, entry in found), tuple(number for number, _ in found), sorted(problems)))


@settings(max_examples=150)
@given(lines, st.lists(spoils, max_size=3), st.randoms(use_true_random=False), st.booleans(),
       st.sampled_from([1 << 20, 1, 150, 400]), st.sampled_from([1 << 20, 1, 2, 100]), st.booleans())
def test_the_whole_file_reads_as_its_lines_do(texts, spoiled, random, crlf, chunk, block, bom):
    texts = list(texts)
    for spoil in spoiled:
        if texts:
            at = random.randrange(len(texts))
            texts[at] = spoil(texts[at])
    raw = (b"\xef\xbb\xbf" if bom else b"") + (b"\r\n" if crlf else b"\n").join(texts) + b"\n"
    with mock.patch.object(store, "_CHUNK_BYTES", chunk):  # validated in pieces, read from the disk in blocks
        whole, each = read_both(raw, block)
    assert whole == each


def record(target: str, day: int, value: int, item: str | None = None) -> FigureRecord:
    common = dict(target=target, as_of=DAY + timedelta(days=day), by="x",
                  recorded_at=datetime(2023, 7, 1, tzinfo=timezone.utc))
    if item is not None:
        return FigureRecord(item=item, met=bool(value % 2), **common)
    return FigureRecord(value=Decimal(value), **common)


def sorted_current(records: list[FigureRecord], target: str, on: date, item: str | None) -> FigureRecord | None:
    """The plain rule: sort the target's records by date (the file's order within a
    date) and take the last one dated on or before ``on``."""
    found = None
    for candidate in sorted((r for r in records if r.target == target), key=lambda r: r.as_of):
        if candidate.as_of > on:
            break
        if item is None or candidate.item == item:
            found = candidate
    return found


@settings(max_examples=200)
@given(st.lists(st.builds(record, st.sampled_from(TARGETS), st.integers(0, 30), st.integers(0, 9),
                          st.sampled_from([None, None, "Giao thông", "Trường học"])), max_size=30),
       st.integers(-1, 31), st.sampled_from([None, "Giao thông", "Trường học"]))
def test_the_figure_that_counts_is_the_sorted_one(records, day, item):
    index, on = RecordIndex(records), DAY + timedelta(days=day)
    for target in TARGETS:
        assert index.current(target, on, item) is sorted_current(records, target, on, item)
    for target in TARGETS:
        assert index.of(target) == sorted((r for r in records if r.target == target), key=lambda r: r.as_of)


@pytest.mark.parametrize("hand_made", [False, True], ids=["as mtcl writes", "spaced by hand"])
def test_a_figure_recorded_quickly_is_the_figure_recorded_in_full(cli, data_dir, monkeypatch, hand_made):
    """The same figures, recorded on a file mtcl can read quickly and on one a hand has
    spaced (read in full): the same lines, the same references, the same status."""
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    records = data_dir / "2023" / "records.jsonl"
    for figure in (["4c", "43"], ["5.2", "1240", "--of", "1250"], ["4c", "43"], ["4dd", "1.002,5"]):
        assert cli("record", *figure, "--yes").exit_code == 0  # the same 4c twice the same day: a replacement
        if hand_made:
            records.write_bytes(records.read_bytes().replace(b'"target":', b'"target" :'))
    lines = [json.loads(text) for text in records.read_text(encoding="utf-8").splitlines()]
    refs = [entry["ref"] for entry in lines]
    assert len(set(refs)) == 4 and refs[2] != refs[0]  # the same figure twice keeps two references
    assert [entry["target"] for entry in lines] == ["4c", "5.2", "4c", "4đ"]
    figures = {t["id"]: t["actual"] for t in json.loads(cli("status", "--json").stdout)["targets"]}
    assert figures["4c"] == 43 and figures["5.2"] == 99.2 and figures["4đ"] == 1002.5


def test_a_damaged_last_line_stops_a_quick_record(cli, data_dir, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    assert cli("record", "4c", "43").exit_code == 0
    records = data_dir / "2023" / "records.jsonl"
    damaged = records.read_bytes() + b'{"ref":"SL-AAAAAAAA","target":"4c","as_of":"2023-06-1'
    records.write_bytes(damaged)
    result = cli("record", "4c", "44")
    assert result.exit_code == 1 and "records.jsonl:2" in result.stderr
    assert records.read_bytes() == damaged  # nothing appended to a damaged file


# The checked year kept between runs (files.cache): what is kept is what is read, and a byte
# changed in any file read, a cache that cannot be used, other code: the files are read again.
EXAMPLE = Path(__file__).resolve().parent.parent / "examples"
READ = [OBJECTIVES_FILE, PLAN_FILE, NOTES_FILE, *(name for name, _, _ in STORES.values())]


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the example year (figures, completions, an action, notes)."""
    shutil.copytree(EXAMPLE, tmp_path / "data")
    return tmp_path / "data"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """Years are kept in a cache folder of the test's own; the list of the folders read from their files."""
    monkeypatch.setattr(cache, "_folder", tmp_path / "cache")
    read: list[Path] = []
    plain = book._read_folder
    monkeypatch.setattr(book, "_read_folder", lambda folder, year, salvage=False: read.append(folder)
                        or plain(folder, year, salvage))
    return read


def test_a_kept_year_is_the_year_read(example, reads, monkeypatch):
    first = open_year(example, last_year=True)
    kept = open_year(example, last_year=True)
    assert len(reads) == 1  # the second from the cache
    monkeypatch.setattr(cache, "_folder", None)
    fresh = open_year(example, last_year=True)
    assert same(kept, fresh) and same(first, fresh) and kept.records and kept.notes


def same(one: Book, other: Book) -> bool:
    """Whether two books hold the same, field by field (positions and private paths too)."""
    return all(getattr(one, name.name) == getattr(other, name.name) for name in dataclasses.fields(Book))


@pytest.mark.parametrize("name", READ)
def test_a_byte_changed_in_any_file_read_is_never_served_stale(example, reads, name):
    path = example / "2023" / name
    open_year(example)
    if path.exists():  # one byte, the size and the time kept: only the content tells
        before = path.stat()
        path.write_bytes(path.read_bytes()[:-1] + b" ")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    else:
        path.write_bytes(b"")
    with contextlib.suppress(DataErrors):  # an empty notes.yaml is refused: also not the kept year
        open_year(example)
    assert len(reads) == 2


def test_a_cache_that_cannot_be_used_is_not(example, reads, monkeypatch, tmp_path):
    expected = open_year(example)
    for kept in (tmp_path / "cache").iterdir():
        kept.write_bytes(kept.read_bytes()[:-10])  # cut short
    assert same(open_year(example), expected)
    (tmp_path / "blocked").write_text("a file, not a folder")
    monkeypatch.setattr(cache, "_folder", tmp_path / "blocked" / "cache")
    assert same(open_year(example), expected) and same(open_year(example), expected)
    monkeypatch.setattr(cache, "_code_stamp", lambda: b"another mtcl")
    open_year(example)
    assert len(reads) == 5


def test_nothing_is_kept_in_the_data_folder_nor_of_a_large_year(example, reads, monkeypatch):
    monkeypatch.setattr(cache, "_folder", example / "cache")
    open_year(example)
    assert not (example / "cache").exists()
    monkeypatch.setattr(cache, "_folder", example.parent / "cache")
    monkeypatch.setattr(cache, "SMALL", 1000)
    open_year(example)
    open_year(example)
    assert not (example.parent / "cache").exists() and len(reads) == 3


def test_the_cache_keeps_a_few_years_at_most(example, reads, monkeypatch, tmp_path):
    monkeypatch.setattr(cache, "KEPT", 2)
    for copy in range(4):
        shutil.copytree(example, tmp_path / f"copy{copy}")
        open_year(tmp_path / f"copy{copy}")
    assert len(list((tmp_path / "cache").iterdir())) == 2


@pytest.mark.parametrize("platform, environ, expected", [
    ("linux", {"XDG_CACHE_HOME": "/x/cache"}, Path("/x/cache/mtcl/years")),
    ("linux", {}, Path.home() / ".cache" / "mtcl" / "years"),
    ("darwin", {}, Path.home() / "Library" / "Caches" / "mtcl" / "years"),
    ("win32", {"LOCALAPPDATA": "C:/Users/thu/AppData/Local"}, Path("C:/Users/thu/AppData/Local/mtcl/Cache/years")),
    ("win32", {}, None),
])
def test_the_cache_is_in_the_users_cache_folder(platform, environ, expected):
    assert cache_folder(environ, platform) == expected
