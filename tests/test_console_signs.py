"""A Windows console on code page 1252 or 1258 shows the signs mtcl prints as ASCII read the
same way: '≤ 3,37%' as '<= 3,37%', a bar as '#', a flag as '!', never '?'.  Checked through
a real terminal (a pseudo-terminal, with PYTHONIOENCODING as Windows sets the code page) and
through the stream code itself."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata

import pytest

from mtcl.cli.streams import fallback_for, stand_in, without_marks
from tests.adversarial.test_windows import run_main
from tests.conftest import REPO

CODE_PAGES = ["cp1252", "cp1258"]


@pytest.mark.parametrize("sign, ascii", [("≤", "<="), ("≥", ">="), ("█", "#"), ("░", "."), ("⚑", "!"),
                                         ("→", "->"), ("−", "-"), ("…", "..."), ("‑", "-"), ("\u202f", " "),
                                         ("☃", "\\u2603")])
def test_each_sign_has_a_readable_stand_in(sign, ascii):
    assert stand_in(sign) == ascii


@pytest.mark.parametrize("encoding, shown", [
    ("cp1252", "<= 3,37% ####. ! Dat -> 1.002,5 …"),
    ("cp1258", "<= 3,37% ####. ! Đa\u0323t -> 1.002,5 …"),  # Windows-1258 writes the tone mark apart
    ("ascii", "<= 3,37% ####. ! Dat -> 1.002,5 ..."),
])
def test_a_line_of_the_table_in_each_code_page(encoding, shown):
    written = "≤ 3,37% ████░ ⚑ Đạt → 1.002,5 …".encode(encoding, errors=fallback_for(encoding))
    assert written == shown.encode(encoding) and b"?" not in written
    assert "Đa\u0323t".encode(encoding, errors=fallback_for(encoding)) == shown.split()[4].encode(encoding)  # NFD


@pytest.fixture
def example(tmp_path, monkeypatch):
    shutil.copytree(REPO / "examples", tmp_path / "data", ignore=shutil.ignore_patterns("*.lock"))
    monkeypatch.setenv("MTCL_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    monkeypatch.setenv("COLUMNS", "120")
    return tmp_path / "data"


def in_a_terminal(args: list[str], encoding: str) -> str:
    """``mtcl ARGS`` run in a pseudo-terminal whose code page is ``encoding``; what it shows."""
    import fcntl  # POSIX only; Windows runs the stream test below
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 120, 0, 0))  # a window of 120 columns
    env = {**os.environ, "PYTHONIOENCODING": encoding, "NO_COLOR": "1"}
    process = subprocess.Popen([sys.executable, "-m", "mtcl", *args], stdout=follower, stderr=follower, env=env,
                               cwd=REPO)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 1 << 16)
        except OSError:  # the terminal closed with the program
            break
        if not chunk:
            break
        shown += chunk
    assert process.wait(timeout=60) == 0, shown
    os.close(leader)
    return shown.decode(encoding)


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize("encoding", CODE_PAGES)
def test_a_console_in_a_code_page_shows_signs_as_ascii(example, encoding):
    status = in_a_terminal(["status"], encoding)
    assert "<= 3,37%" in status and ">= 85%" in status and "####." in status  # 4i's ceiling, 2.2's plan, a bar
    assert "Chua dat !" in without_marks(status)
    rows = [line for line in re.sub(r"\x1b\[[0-9;]*m", "", status).splitlines() if line.startswith(("|", "+"))]
    assert len({len(unicodedata.normalize("NFC", row)) for row in rows}) == 1  # '<=' measured before the table is laid
    plan = in_a_terminal(["plan", "--overdue"], encoding)
    assert "!" in plan and "mtcl action open" in plan
    assert "?" not in status + plan


@pytest.mark.parametrize("encoding", CODE_PAGES)
def test_the_stream_code_gives_ascii_signs(example, monkeypatch, encoding):
    code, out, err = run_main(monkeypatch, ["status", "4i", "2.2", "4m"], encoding, terminal=True)
    shown = out.decode(encoding)
    assert code == 0 and "<= 3,37%" in shown and ">= 85%" in shown and "<= 0,9%" in shown
    assert "####." in shown and " !" in shown and "?" not in shown + err.decode(encoding)
