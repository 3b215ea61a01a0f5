"""A bundle: one body's year packed for the level above, as one .zip file.

It holds the year's files as the body keeps them (``2023/objectives.yaml``, ``plan.yaml``,
``notes.yaml`` and the ``.jsonl`` files the tool writes), the year before's when there is
one (what "so với cùng kỳ" compares with), and ``manifest.json``: the body's name and code,
the year and the period, who made the bundle and when, and the size and SHA-256 of every
file.  The manifest is sealed with the SHA-256 of its own content.

Reading a bundle checks all of it before anything is used: a file changed, added or taken
out after the bundle was made, or a manifest edited by hand, is refused with what was found.
The seal catches slips and hand edits; it is no signature (whoever runs mtcl can make a new
bundle), which is what signing the file digitally (ký số) is for.  Reading is bounded: a
bundle larger than a year's files can be, or one that unpacks to more, is refused unread.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mtcl.core.errors import UserError
from mtcl.files.book import NOTES_FILE, OBJECTIVES_FILE, PLAN_FILE, STORES, year_folders
from mtcl.files.fs import display_path, os_problem, regular_file

MANIFEST_FILE = "manifest.json"
FORMAT = "mtcl-bundle/1"
BUNDLED = (OBJECTIVES_FILE, PLAN_FILE, NOTES_FILE, *(name for name, _, _ in STORES.values()))
ENTRY = re.compile(r"([0-9]{4})/(" + "|".join(re.escape(name) for name in BUNDLED) + ")")
# A commune's year is a few hundred kilobytes; 250.000 figures are 37 MB, read in 3,7 s and 250 MB
# (benchmarks/RESULTS.md): a bundle is bounded where its reading stays within 10 s and 500 MB.
MAX_BUNDLE_BYTES = 64_000_000
MAX_UNPACKED_BYTES = 64_000_000
MAX_MANIFEST_BYTES = 1_000_000
MAX_ENTRIES = 2 * len(BUNDLED) + 1


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BundledBody(Strict):
    """The body a bundle is of, as its objectives.yaml names it."""

    name: str = Field(min_length=1)  # 'UBND xã Giang Hải'
    code: str | None = None
    parent: str | None = None


class BundledFile(Strict):
    path: str
    size: int = Field(ge=0)
    sha256: str = Field(pattern="^[0-9a-f]{64}$")


class Manifest(Strict):
    """What a bundle says of itself (manifest.json)."""

    format: Literal["mtcl-bundle/1"] = FORMAT
    body: BundledBody
    year: int = Field(ge=2000, le=2100)
    period: str | None = None  # 'h1', 'q3'…; none for a bundle made at a date
    as_of: date
    made_by: str
    made_at: datetime
    mtcl: str
    files: tuple[BundledFile, ...]
    seal: str = ""


class BundleRefused(UserError):
    """A bundle that is not one, or was altered after it was made."""


def year_files(root: Path, year: int) -> list[tuple[str, bytes]]:
    """The files a bundle of ``year`` holds, by their name in it: the year's, then the year
    before's (those that exist)."""
    folders = year_folders(root)
    found = []
    for each in (year, year - 1):
        folder = folders.get(each)
        for name in BUNDLED if folder else ():
            path = folder / name
            if path.is_file():
                try:
                    found.append((f"{each}/{name}", path.read_bytes()))
                except OSError as exc:
                    raise UserError(f"không đọc được '{display_path(path)}': {os_problem(exc)}") from None
    return found


def listed(files: list[tuple[str, bytes]]) -> tuple[BundledFile, ...]:
    """Each file's entry in the manifest: its name, size and SHA-256."""
    return tuple(BundledFile(path=name, size=len(content), sha256=hashlib.sha256(content).hexdigest())
                 for name, content in files)


def seal_of(manifest: Manifest) -> str:
    """The SHA-256 of the manifest's content without its seal, written the one way."""
    content = manifest.model_dump(mode="json", exclude={"seal"})
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def packed(manifest: Manifest, files: list[tuple[str, bytes]]) -> bytes:
    """The bundle's bytes: the sealed manifest first, then the files, dated when it was made."""
    sealed = manifest.model_copy(update={"seal": seal_of(manifest)})
    stamp = sealed.made_at.timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, content in [(MANIFEST_FILE, _manifest_bytes(sealed)), *files]:
            out.writestr(zipfile.ZipInfo(name, stamp), content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _manifest_bytes(manifest: Manifest) -> bytes:
    return (json.dumps(manifest.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def peek(path: Path) -> Manifest | None:
    """What a bundle says of itself, unchecked (its year, to choose the roll-up's), or
    nothing when it cannot be told: reading it whole says why."""
    try:
        with zipfile.ZipFile(path) as bundle:
            return _manifest(bundle, display_path(path))
    except (OSError, zipfile.BadZipFile, zlib.error, UserError, RuntimeError, EOFError):
        return None


def read_bundle(path: Path) -> tuple[Manifest, dict[str, bytes]]:
    """The manifest and every file of the bundle at ``path``, each checked against the
    manifest; anything else is refused with what was found."""
    shown = display_path(path)
    size = regular_file(path, "gói số liệu", "chỉ rõ tệp .zip do 'mtcl export bundle' lập").st_size
    if size > MAX_BUNDLE_BYTES:
        raise BundleRefused(f"gói '{shown}' quá lớn ({size // 1_000_000} MB) cho số liệu một năm của một đơn vị")
    try:
        with zipfile.ZipFile(path) as bundle:
            return _checked(bundle, shown)
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError):  # RuntimeError: an encrypted entry
        raise BundleRefused(f"'{shown}' không phải tệp zip đọc được (hỏng, tải về chưa xong, hoặc có mật khẩu)",
                            "xin đơn vị gửi lại gói do 'mtcl export bundle' lập") from None
    except OSError as exc:
        raise BundleRefused(f"không đọc được gói '{shown}': {os_problem(exc)}") from None


def _checked(bundle: zipfile.ZipFile, shown: str) -> tuple[Manifest, dict[str, bytes]]:
    entries = bundle.infolist()
    names = [entry.filename for entry in entries]
    if len(entries) > MAX_ENTRIES or sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        raise BundleRefused(f"gói '{shown}' có quá nhiều tệp hoặc giải nén ra quá lớn: không phải gói do mtcl lập")
    if len(set(names)) != len(names):
        twice = next(name for name in names if names.count(name) > 1)
        raise BundleRefused(f"gói '{shown}' có hai tệp cùng tên '{twice}': đã bị sửa sau khi lập")
    manifest = _manifest(bundle, shown)
    if manifest.seal != seal_of(manifest):
        raise BundleRefused(f"bảng kê {MANIFEST_FILE} của gói '{shown}' đã bị sửa sau khi lập gói",
                            "xin đơn vị lập lại gói bằng 'mtcl export bundle' và gửi lại")
    expected = {entry.path: entry for entry in manifest.files}
    for name in names:
        if name != MANIFEST_FILE and name not in expected:
            raise BundleRefused(f"gói '{shown}' có tệp '{name}' không có trong bảng kê: đã thêm vào sau khi lập gói")
    files = {}
    for name, entry in expected.items():
        if not ENTRY.fullmatch(name):
            raise BundleRefused(f"bảng kê của gói '{shown}' ghi tệp '{name}', không phải tệp của mtcl")
        if name not in names:
            raise BundleRefused(f"gói '{shown}' thiếu tệp '{name}' có trong bảng kê: đã bị xóa sau khi lập gói")
        content = _entry_bytes(bundle, name, entry.size + 1)
        if len(content) != entry.size or hashlib.sha256(content).hexdigest() != entry.sha256:
            raise BundleRefused(f"tệp '{name}' trong gói '{shown}' đã bị thay đổi sau khi lập gói (mã SHA-256 không "
                                "khớp với bảng kê)", "xin đơn vị lập lại gói bằng 'mtcl export bundle' và gửi lại")
        files[name] = content
    if str(manifest.year) not in {name.split("/")[0] for name in files}:
        raise BundleRefused(f"gói '{shown}' không có tệp nào của năm {manifest.year} mà bảng kê ghi")
    return manifest, files


def _manifest(bundle: zipfile.ZipFile, shown: str) -> Manifest:
    try:
        bundle.getinfo(MANIFEST_FILE)
    except KeyError:
        raise BundleRefused(f"'{shown}' không phải gói số liệu của mtcl (không có {MANIFEST_FILE})",
                            "gói được lập bằng lệnh 'mtcl export bundle' ở đơn vị") from None
    raw = _entry_bytes(bundle, MANIFEST_FILE, MAX_MANIFEST_BYTES)
    try:
        return Manifest.model_validate_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise BundleRefused(f"bảng kê {MANIFEST_FILE} của gói '{shown}' không đúng dạng"
                            f"{f' ({where})' if where else ''}: đã bị sửa, hoặc không do mtcl lập") from None


def _entry_bytes(bundle: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """An entry's bytes, at most ``limit`` of them whatever its header declares."""
    with bundle.open(name) as handle:
        return handle.read(limit)


@contextmanager
def unpacked(path: Path) -> Iterator[tuple[Manifest, Path]]:
    """The bundle at ``path`` checked, and its files written out in a temporary data folder
    (2023/…) for the reader of a year, removed afterwards."""
    manifest, files = read_bundle(path)
    with tempfile.TemporaryDirectory(prefix="mtcl-goi-") as temporary:
        root = Path(temporary)
        for name, content in files.items():
            (root / name).parent.mkdir(exist_ok=True)
            (root / name).write_bytes(content)
        yield manifest, root
