"""Many officers at once, and power cuts: every success is kept, every file stays whole.

The full counts of the issue (50 processes; 100 kills) run with ``--crash-rounds 100``;
CI uses fewer kills by default.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from mtcl.loader import load_year
from mtcl.recording import load_records
from mtcl.tracking import load_completions

PROCESSES = 50


def start(data_dir: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "MTCL_DATA": str(data_dir), "MTCL_TODAY": "2023-06-12", "MTCL_USER": "stress"}
    return subprocess.Popen([sys.executable, "-m", "mtcl", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_fifty_record_and_done_at_once(data_dir):
    processes = []
    for n in range(PROCESSES):
        if n % 2:
            processes.append((f"r{n}", start(data_dir, "record", "5.2", str(n), "--of", "100", "--note", f"r{n}")))
        else:
            processes.append((f"d{n}", start(data_dir, "done", "V.1", "--evidence", f"d{n}", "--date", "1/6/2023")))
    succeeded = {name for name, p in processes if p.wait(timeout=300) == 0}
    failures = [p.stderr.read().decode() for name, p in processes if name not in succeeded]
    year = load_year(data_dir, 2023)
    notes = {r.note for r in load_records(year)}
    evidence = {c.evidence for c in load_completions(year)}
    assert {n for n in succeeded if n.startswith("r")} == notes
    assert {n for n in succeeded if n.startswith("d")} == evidence
    assert len(succeeded) == PROCESSES, failures  # under the lock nobody should even be turned away


def test_killed_at_random_moments(data_dir, request):
    rounds = int(request.config.getoption("--crash-rounds"))
    rng = random.Random(20231130)
    path = data_dir / "2023" / "records.jsonl"
    succeeded: set[str] = set()
    for n in range(rounds):
        process = start(data_dir, "record", "4c", "43", "--note", f"k{n}")
        time.sleep(rng.uniform(0.05, 0.45))
        process.send_signal(signal.SIGKILL)
        if process.wait(timeout=60) == 0:
            succeeded.add(f"k{n}")
        notes = [r.note for r in load_records(load_year(data_dir, 2023))]  # the file always loads
        assert succeeded <= set(notes) <= succeeded | {f"k{n}"}  # plus, at most, the one being written
        assert len(notes) == len(set(notes))
        if f"k{n}" in notes:
            succeeded.add(f"k{n}")
    leftovers = [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    # a kill between writing the temporary file and renaming it may leave one behind; it is
    # never read, and the records file is whole
    assert all(name.startswith(".records.jsonl.") for name in leftovers)
