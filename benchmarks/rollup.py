"""Benchmark the level above's roll-up at the sizes it meets: a province (100 bodies), a
large region (1.000), the whole country (3.321 communes and wards).

Each body is a realistic year: the example's 40 targets, plan, completions and corrective
action, and a year of figures (each of the example's 28 figures sent again at every month's
end: 336 lines), under its own name and code.  ``mtcl rollup --period year --json`` runs as a
whole process on the bodies' folders, and on the same bodies as bundles; the time is the
median of the runs after a warm-up, the memory the peak of the resident memory of the
process and its workers together (sampled every 20 ms from /proc).  Run from the repository::

    python benchmarks/rollup.py                 # prints the table; --runs N, --sizes 100,1000, --write
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from mtcl.core.entries import Stamp  # noqa: E402
from mtcl.core.periods import month_end  # noqa: E402
from mtcl.core.entries import Lines  # noqa: E402
from mtcl.files.book import open_year, store_of  # noqa: E402
from mtcl.files.bundle import year_files  # noqa: E402
from mtcl.usecases.bundle import make_bundle  # noqa: E402

SIZES = (100, 1000, 3321)
GOAL_SECONDS, GOAL_MIB = 30, 1024  # 3.321 bodies on 2 cores
MONTHS = [month_end(2023, month) for month in range(1, 13)]
SECTION = "## Roll-up of many bodies (`benchmarks/rollup.py`)"


def year_of_figures() -> bytes:
    """The example's figures, each sent again at the end of every month of the year, as
    mtcl writes them (each line with its reference)."""
    store = store_of(REPO / "examples" / "2023", "record_lines")
    sent = [replace(record, as_of=month_end, ref=None,
                    recorded_at=datetime.combine(month_end + timedelta(days=5), datetime.min.time(), timezone.utc))
            for month_end in MONTHS for record in store.read()]
    return b"".join(store.adapter.dump_json(entry, exclude_none=True) + b"\n"
                    for entry in store.referenced(Lines("records.jsonl"), sent))


def make_bodies(root: Path, count: int) -> Path:
    """``count`` bodies' data folders, each a realistic year under its own name and code."""
    figures = year_of_figures()
    objectives = (REPO / "examples" / "2023" / "objectives.yaml").read_text(encoding="utf-8")
    folder = root / f"folders-{count}"
    for number in range(1, count + 1):
        year = folder / f"xa-{number:04d}" / "2023"
        shutil.copytree(REPO / "examples" / "2023", year, ignore=shutil.ignore_patterns("*.lock", "records.jsonl"))
        (year / "objectives.yaml").write_text(
            objectives.replace("unit: Xã Giang Hải", f"unit: Xã Số {number}")
                      .replace("  parent:\n", f"  parent:\n  code: '{number:05d}'\n"), encoding="utf-8")
        (year / "records.jsonl").write_bytes(figures)
    return folder


def make_bundles(folders: Path, count: int) -> Path:
    """The same bodies as the bundles each would send."""
    out = folders.parent / f"bundles-{count}"
    out.mkdir()
    made = Stamp("bench", datetime(2024, 1, 8, 8, tzinfo=timezone.utc))
    for body in sorted(folders.iterdir()):
        book = open_year(body, 2023, last_year=True)
        (out / f"{body.name}.zip").write_bytes(make_bundle(book, year_files(body, 2023), "year", date(2023, 12, 31),
                                                           made))
    return out


def tree_rss(pid: int) -> int:
    """The resident memory (KiB) of a process and all its descendants, now."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) if "VmRSS" in status else 0
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, AttributeError):
            continue
    return total


def run_once(args: list[str], env: dict) -> tuple[float, int, float, dict]:
    """Wall time, peak KiB of the process tree, processor seconds, and the JSON printed, of one run."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(args, env=env, stdout=output, stderr=subprocess.PIPE)
        peak = [0]

        def sample() -> None:
            while process.returncode is None and Path(f"/proc/{process.pid}/status").exists():
                peak[0] = max(peak[0], tree_rss(process.pid))
                time.sleep(0.02)

        sampler = threading.Thread(target=sample)
        sampler.start()
        _, _, usage = os.wait4(process.pid, 0)  # the time of its workers too, which it waited for
        process.returncode = 0
        elapsed = time.perf_counter() - start
        sampler.join()
        output.seek(0)
        printed = output.read()
        if not printed:
            raise SystemExit(f"{' '.join(args)} printed nothing: {process.stderr.read(4000).decode(errors='replace')}")
        return elapsed, peak[0], usage.ru_utime + usage.ru_stime, json.loads(printed)


def measure(folder: Path, runs: int, jobs: int | None) -> tuple[float, int, float, dict]:
    args = [sys.executable, "-m", "mtcl", "rollup", str(folder), "--period", "year", "--json"]
    args += ["--jobs", str(jobs)] if jobs else []
    env = {**os.environ, "MTCL_TODAY": "2024-01-10", "PYTHONPATH": str(REPO)}
    run_once(args, env)  # warm-up: file caches, .pyc
    results = [run_once(args, env) for _ in range(runs)]
    return (statistics.median(r[0] for r in results), max(r[1] for r in results),
            statistics.median(r[2] for r in results), results[-1][3])


def check(found: dict, count: int) -> None:
    """Every body counted once, read whole, with its year of figures."""
    bodies = found["bodies"]
    assert len(bodies) == count and all(b["state"] == "counted" and not b["damaged"] for b in bodies), "not all read"
    assert not found["set_aside"] and all(b["targets"]["total"] == 40 for b in bodies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs after the warm-up (the largest set: one)")
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--write", action="store_true", help="write the results into benchmarks/RESULTS.md")
    options = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="mtcl-rollup-bench-") as temporary:
        root = Path(temporary)
        for count in (int(size) for size in options.sizes.split(",")):
            folders = make_bodies(root, count)
            runs = options.runs if count < 3000 else 1
            number = f"{count:,}".replace(",", ".")
            cases = [(f"{number} folders", folders, None)]
            if count == max(int(size) for size in options.sizes.split(",")):
                cases += [(f"{number} folders, --jobs 1", folders, 1),
                          (f"{number} bundles", make_bundles(folders, count), None)]
            for label, folder, jobs in cases:
                seconds, peak, cpu, found = measure(folder, runs, jobs)
                check(found, count)
                rows.append((label, count, seconds, cpu, peak / 1024))
                print(f"{label:28} {seconds:8.2f} s {cpu:8.2f} s CPU {peak / 1024:8.0f} MiB", flush=True)
            shutil.rmtree(root)
            root.mkdir()
    text = render(rows)
    print(text)
    if options.write:
        write(text)


def render(rows: list[tuple[str, int, float, float, float]]) -> str:
    out = [SECTION, "",
           f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
           f"{platform.system()} {platform.release()}; {date.today():%Y-%m-%d}. Each body: 40 targets, the plan, "
           "336 figures (a year), 11 completions, 1 action; `mtcl rollup --period year --json`, whole process, "
           "median of the runs after a warm-up (the largest set: one run); memory: the peak of the process and "
           "its workers together.", "", "```",
           f"{'bodies':30} {'seconds':>8} {'CPU s':>8} {'ms/body':>8} {'peak MiB':>9}  goal"]
    for label, count, seconds, cpu, mib in rows:
        goal = ""
        if count >= 3321 and "--jobs 1" not in label:
            met = seconds <= GOAL_SECONDS and mib <= GOAL_MIB
            goal = f"≤ {GOAL_SECONDS} s, ≤ {GOAL_MIB} MiB: {'met' if met else 'NOT MET'}"
        out.append(f"{label:30} {seconds:8.2f} {cpu:8.2f} {1000 * seconds / count:8.1f} {mib:9.0f}  {goal}".rstrip())
    out += ["```", "",
            "The machine is shared: other work on it moves the wall time between runs (the 1.000 row above all); "
            "the processor seconds are the steadier figure. Nearly all of them are reading and checking each "
            "body's year, as every command does (about 15 ms a body); the roll-up itself adds about 1 ms a body. "
            "A body that also sends last year's files (for \"so với cùng kỳ\") is read twice over."]
    return "\n".join(out) + "\n"


def write(text: str) -> None:
    """Replace this benchmark's section of RESULTS.md (the rest is benchmarks/run.py's)."""
    results = REPO / "benchmarks" / "RESULTS.md"
    current = results.read_text(encoding="utf-8")
    start = current.find(SECTION)
    if start == -1:
        updated = current.rstrip("\n") + "\n\n" + text
    else:
        end = current.find("\n## ", start + len(SECTION))
        updated = current[:start] + text + (current[end + 1:] if end != -1 else "")
    results.write_text(updated, encoding="utf-8")


if __name__ == "__main__":
    main()
