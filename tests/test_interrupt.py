"""Ctrl-C at a question: the officer is told that nothing was written (issue 36)."""

from __future__ import annotations

import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import time

from tests.conftest import REPO


def test_ctrl_c_at_the_question_says_nothing_was_written(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(REPO / "data", root)
    records = root / "2023" / "records.jsonl"
    env = {**os.environ, "MTCL_DATA": str(root), "MTCL_TODAY": "2023-09-30", "MTCL_USER": "Thu",
           "COLUMNS": "100", "PYTHONIOENCODING": "utf-8"}
    leader, follower = pty.openpty()
    # 0,5 tỷ đồng for a year's 101,7 in September: mtcl asks before recording it.
    program = [sys.executable, "-c", "import sys; from mtcl.cli.main import main; sys.argv[0] = 'mtcl'; main()"]
    # As from a terminal: a test run started in the background hands Ctrl-C down ignored.
    process = subprocess.Popen([*program, "record", "4d", "0,5"], stdin=follower,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    os.close(follower)
    asked, out = False, b""
    deadline = time.monotonic() + 30
    while not asked and time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.5)
        if ready:
            out += os.read(process.stdout.fileno(), 4096)
            asked = b"[c/K]" in out
    assert asked, out.decode("utf-8", "replace")
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    os.close(leader)
    assert process.returncode == 130
    assert "Đã dừng (Ctrl-C) khi đang hỏi: chưa ghi gì." in err.decode("utf-8")
    assert "Traceback" not in err.decode("utf-8")
    assert not records.exists() or records.read_text(encoding="utf-8") == ""
