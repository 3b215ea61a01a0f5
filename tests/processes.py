"""A program run in a process of its own and measured alone: its exit code, what it wrote,
its CPU seconds and its peak memory.

Linux keeps a process's peak memory across fork and exec: a program started by a process
that has grown (the test run after a thousand tests, a benchmark after generating its data)
reports that process's peak as its own, and a bound on it fails, or passes, for nothing the
program did.  A small launcher starts the program and reports what ``wait4`` says of it alone.
Used by the adversarial tests' memory bounds and by benchmarks/run.py."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
os.write(int(sys.argv[1]), f"{os.waitstatus_to_exitcode(status)} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss}".encode())
"""


@dataclass(frozen=True)
class Measured:
    code: int
    stdout: str
    stderr: str
    cpu: float  # seconds, user + system
    peak_kib: int  # the program's own peak resident memory


def measured(args: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Measured:
    """Run ``args`` to its end and measure it; what it writes goes to files, never a pipe
    that could fill while the launcher waits."""
    read, write = os.pipe()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        launcher = subprocess.Popen([sys.executable, "-c", LAUNCHER, str(write), *args], env=env, cwd=cwd,
                                    stdin=subprocess.DEVNULL, stdout=out, stderr=err, pass_fds=(write,))
        os.close(write)
        with os.fdopen(read, "rb") as said:
            report = said.read().decode().split()
        launcher.wait()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if len(report) != 3:  # the launcher itself failed: say why
        raise RuntimeError(f"the launcher of {args} failed: {stderr[-2000:]}")
    code, cpu, peak = report
    return Measured(int(code), stdout, stderr, float(cpu), int(peak))
