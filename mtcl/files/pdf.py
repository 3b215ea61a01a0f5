"""A Word document (or a workbook) turned into the PDF offices pass around, through LibreOffice.

Documents travel between offices as PDF (and are signed digitally as PDF).  LibreOffice,
free and found on most office PCs, converts a .docx exactly as it prints; mtcl looks for it
on the PATH and in its usual Windows folders, runs it headless with a profile of its own (so
an open LibreOffice window does not block it), and checks that the PDF was really written:
``soffice`` exits 0 even when it fails.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from mtcl.core.errors import UserError
from mtcl.files.fs import display_path

PROGRAMS = ("soffice", "libreoffice")
WINDOWS_FOLDERS = ("LibreOffice/program", "LibreOffice 7/program", "LibreOffice 24/program")
TIMEOUT = 180  # seconds: a first start of LibreOffice builds its profile
# The profile's locale: a workbook's numbers are shown as the system shows them, and 5,573
# (tỷ đồng) printed as "5.573" on an English system reads as five thousand.
VIETNAMESE_LOCALE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>vi-VN</value></prop></item>
</oor:items>
"""
HOW_TO_GET_IT = ("cài LibreOffice (miễn phí, libreoffice.org) rồi chạy lại; hoặc mở tệp bằng Word (bảng .xlsx: "
                 "Excel) và chọn Lưu thành… PDF")


def office_program(program_folders: Iterable[str | None] = ()) -> Path | None:
    """LibreOffice's converter: on the PATH, or in ``program_folders`` (Program Files on
    Windows, which the command line reads from the environment)."""
    for name in PROGRAMS:
        found = shutil.which(name)
        if found:
            return Path(found)
    for base in filter(None, program_folders):
        for folder in WINDOWS_FOLDERS:
            candidate = Path(base) / folder / "soffice.exe"
            if candidate.is_file():
                return candidate
    return None


def to_pdf(document: Path, program_folders: Iterable[str | None] = ()) -> Path:
    """Write ``document``'s PDF beside it (same name, .pdf) and return its path."""
    program = office_program(program_folders)
    if program is None:
        raise UserError(f"không tìm thấy LibreOffice để chuyển '{display_path(document)}' sang PDF", HOW_TO_GET_IT)
    out = document.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="mtcl-office-") as profile:
        settings = Path(profile, "user", "registrymodifications.xcu")
        settings.parent.mkdir()
        settings.write_text(VIETNAMESE_LOCALE, encoding="utf-8")
        command = [str(program), f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(document.parent), str(document)]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise UserError(f"LibreOffice không chuyển được '{display_path(document)}' sang PDF: {exc}",
                            HOW_TO_GET_IT) from None
    if not out.is_file() or out.stat().st_mtime < document.stat().st_mtime or not out.stat().st_size:
        raise UserError(f"LibreOffice không tạo được '{display_path(out)}'",
                        "đóng tệp PDF cũ nếu đang mở, rồi chạy lại; hoặc mở tệp bằng Word (bảng .xlsx: Excel) và Lưu "
                        "thành… PDF")
    return out
