"""Many officers at once, and power cuts: every success is kept, every file stays whole.

By default 10 processes write at once and `mtcl record` is killed 8 times; ``--stress``
runs the full counts of the hardening issue (50 processes, 100 kills).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from mtcl.files.book import open_year


def start(data_dir: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "MTCL_DATA": str(data_dir), "MTCL_TODAY": "2023-06-12", "MTCL_USER": "stress"}
    return subprocess.Popen([sys.executable, "-m", "mtcl", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_many_record_and_done_at_once(data_dir, request):
    count = 50 if request.config.getoption("--stress") else 10
    processes = []
    for n in range(count):
        if n % 2:
            processes.append((f"r{n}", start(data_dir, "record", "5.2", str(n), "--of", "100", "--note", f"r{n}",
                                             "--yes")))  # the same day: each one replaces the one before
        else:
            processes.append((f"d{n}", start(data_dir, "done", "V.1", "--evidence", f"d{n}", "--date", "1/6/2023")))
    succeeded = {name for name, p in processes if p.wait(timeout=300) == 0}
    failures = [p.stderr.read().decode() for name, p in processes if name not in succeeded]
    year = open_year(data_dir, 2023)
    assert {n for n in succeeded if n.startswith("r")} == {r.note for r in year.records}
    assert {n for n in succeeded if n.startswith("d")} == {c.evidence for c in year.completions}
    assert len(succeeded) == count, failures  # under the lock nobody should even be turned away


def test_killed_at_random_moments(data_dir, request):
    rounds = 100 if request.config.getoption("--stress") else 8
    rng = random.Random(20231130)
    folder = data_dir / "2023"
    succeeded: set[str] = set()
    for n in range(rounds):
        process = start(data_dir, "record", "4c", "43", "--note", f"k{n}", "--yes")
        time.sleep(rng.uniform(0.05, 0.45))
        process.send_signal(signal.SIGKILL)
        if process.wait(timeout=60) == 0:
            succeeded.add(f"k{n}")
        notes = [r.note for r in open_year(data_dir, 2023).records]  # the file always loads
        assert succeeded <= set(notes) <= succeeded | {f"k{n}"}  # plus, at most, the one being written
        assert len(notes) == len(set(notes))
        if f"k{n}" in notes:
            succeeded.add(f"k{n}")
    # A kill between writing the temporary file and renaming it leaves one behind; the next
    # write, under the lock, clears it.
    assert start(data_dir, "record", "4c", "44", "--yes").wait(timeout=60) == 0
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []
