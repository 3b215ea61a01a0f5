"""Benchmark mtcl as the officer runs it: whole processes, timed and measured.

Every figure is the median of several runs after a warm-up, printed beside the bare
interpreter (``python -c pass``) so the ratios hold on any machine, with the peak
memory of the child process.  Data sets: the shipped 2023 data with a realistic
six-month set of records, a generated large set (1,000 targets, 20,000 records, 200 tasks
with 2,000 completions), and ten times that.  Run from the repository::

    python benchmarks/run.py            # prints a table; --runs N, --skip-huge
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUDGETS = {  # seconds, medians of whole processes on a 2-core machine (memory: MEMORY_BUDGETS)
    "alias bomb: mtcl validate": 2.0,
    "10 MB plan.yaml: mtcl validate": 2.0,
    "10 MB records.jsonl: mtcl status": 2.0,
    "mtcl --help": 0.30,
    "mtcl status": 0.30,
    "mtcl record": 0.35,
    "mtcl report --period h1": 1.0,
    "mtcl report --period year (chart)": 1.0,
    "mtcl report --kind review (chart)": 1.0,
    "large: mtcl status": 1.5,
    "large: mtcl report --period h1": 4.0,
}
MEMORY_BUDGETS = {  # MiB of peak resident memory
    "alias bomb: mtcl validate": 200,
    "10 MB plan.yaml: mtcl validate": 200,
    "10 MB records.jsonl: mtcl status": 200,
}
BOMB = "\n".join(
    ['lol0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"lol{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
)
SIX_MONTHS = [
    ["1.1", "17", "--of", "17"], ["2.2", "9", "--of", "12"], ["3.2", "35", "--of", "40"],
    ["4a", "2,9", "--as-of", "30/6/2023", "--estimated"], ["4a1", "520", "--as-of", "30/6/2023", "--estimated"],
    ["4b", "2,6", "--as-of", "31/5/2023"], ["4c", "43,5"], ["4đ", "1.002,5", "--as-of", "31/5/2023"],
    ["4e1", "100", "--as-of", "31/5/2023"], ["4e2", "350", "--as-of", "31/5/2023"], ["4ê", "41.000"],
    ["4h", "giao thong"], ["4i", "3,1%"], ["5.2", "1240", "--of", "1250"], ["5.7", "96,2%"], ["7.1", "9", "--of", "10"],
]


def run_once(args: list[str], env: dict[str, str], refused: bool = False) -> tuple[float, int]:
    """Wall time in seconds and peak resident memory in KiB of one child process."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a long error never blocks the child
        start = time.perf_counter()
        process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != (1 if refused else 0):
            errors.seek(0)
            raise SystemExit(f"{' '.join(args)} failed: {errors.read(4000).decode(errors='replace')}")
    return elapsed, usage.ru_maxrss


def measure(args: list[str], env: dict[str, str], runs: int, setup=None, refused=False) -> tuple[float, int]:
    if setup:
        setup()
    run_once(args, env, refused)  # warm-up: file caches, .pyc
    times, peak = [], 0
    for _ in range(runs):
        if setup:
            setup()
        elapsed, memory = run_once(args, env, refused)
        times.append(elapsed)
        peak = max(peak, memory)
    return statistics.median(times), peak


def shipped_data(root: Path) -> Path:
    data = root / "shipped" / "data"
    shutil.copytree(REPO / "data", data, ignore=shutil.ignore_patterns("*.jsonl", "*.lock"))
    env = {**os.environ, "MTCL_DATA": str(data), "MTCL_TODAY": "2023-06-12", "MTCL_USER": "bench"}
    for record in SIX_MONTHS:
        subprocess.run([sys.executable, "-m", "mtcl", "record", *record], env=env, check=True, capture_output=True)
    return data


def generated_data(root: Path, name: str, scale: int) -> Path:
    """``scale`` × (1,000 targets, 20,000 records, 200 tasks, 2,000 completions)."""
    rng = random.Random(scale)
    folder = root / name / "data" / "2023"
    folder.mkdir(parents=True)
    targets_per_objective = 20
    objectives = []
    target_ids = []
    for o in range(1, 50 * scale + 1):
        targets = []
        for t in range(1, targets_per_objective + 1):
            tid = f"{o}.{t}"
            target_ids.append(tid)
            kind = "ratio" if t % 2 else "cumulative"
            targets.append(
                f'      - id: "{tid}"\n        name: Chỉ tiêu {tid}\n        unit: "{"%" if kind == "ratio" else "tấn"}"\n'
                f"        plan: {rng.randint(50, 100) if kind == 'ratio' else rng.randint(100, 10000)}\n"
                f'        op: ">="\n        kind: {kind}\n'
            )
        objectives.append(f"  - id: {o}\n    title: Mục tiêu {o}\n    targets:\n" + "".join(targets))
    header = (REPO / "data" / "2023" / "objectives.yaml").read_text(encoding="utf-8").split("\nobjectives:\n")[0]
    (folder / "objectives.yaml").write_text(header + "\nobjectives:\n" + "".join(objectives), encoding="utf-8")

    sections = []
    task_ids = []  # the quarterly and continuous ones, whose occurrences are the quarters
    repeats = ["quarterly", "half-yearly", "yearly", "continuous"]
    for s in range(1, 20 * scale + 1):
        tasks = []
        for k in range(1, 11):
            tid = f"S{s}.{k}"
            schedule = f"repeat: {repeats[k % 4]}" if k % 3 else f"due: [2023-{rng.randint(1, 12):02d}-15]"
            if schedule in ("repeat: quarterly", "repeat: continuous"):
                task_ids.append(tid)
            tasks.append(
                f"      - id: {tid}\n        work: Nhiệm vụ {tid}\n        lead: Công chức VP-TK xã\n"
                f"        timing: Thường xuyên\n        {schedule}\n        monitors: [QMR]\n"
            )
        objective = (s - 1) % (50 * scale) + 1
        sections.append(f"  - id: S{s}\n    objective: {objective}\n    title: Phần {s}\n    tasks:\n" + "".join(tasks))
    (folder / "plan.yaml").write_text(
        "schema_version: 2\nyear: 2023\ntitle: Kế hoạch thử\nsections:\n" + "".join(sections), encoding="utf-8"
    )

    start = datetime(2023, 1, 2, tzinfo=timezone.utc)
    with (folder / "records.jsonl").open("w", encoding="utf-8") as out:
        for n in range(20000 * scale):
            tid = rng.choice(target_ids)
            ratio = int(tid.split(".")[1]) % 2
            day = date(2023, 1, 1) + timedelta(days=rng.randint(0, 160))
            entry = {"target": tid, "as_of": day.isoformat(), "value": str(rng.randint(1, 90)), "by": "bench",
                     "recorded_at": (start + timedelta(minutes=n)).isoformat().replace("+00:00", "Z")}
            if ratio:
                entry["of"] = "100"
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
    with (folder / "completions.jsonl").open("w", encoding="utf-8") as out:
        for n in range(2000 * scale):
            tid = rng.choice(task_ids)
            day = date(2023, 1, 1) + timedelta(days=rng.randint(0, 160))
            entry = {"task": tid, "occurrence": f"2023-Q{(day.month - 1) // 3 + 1}", "done_on": day.isoformat(),
                     "evidence": f"Văn bản số {n}", "by": "bench",
                     "recorded_at": (start + timedelta(minutes=n)).isoformat().replace("+00:00", "Z")}
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return folder.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-huge", action="store_true", help="leave out the 10× data set")
    options = parser.parse_args()
    mtcl = [sys.executable, "-m", "mtcl"]
    rows: list[tuple[str, float, int]] = []
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        # An installed mtcl has its bytecode compiled; let the warm-up write it here too.
        base_env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        base_env |= {"MTCL_TODAY": "2023-06-12", "MTCL_USER": "bench"}
        rows.append(("python -c pass", *measure([sys.executable, "-c", "pass"], base_env, options.runs)))

        data = shipped_data(root)
        env = {**base_env, "MTCL_DATA": str(data)}
        records = data / "2023" / "records.jsonl"
        saved = records.read_bytes()
        report = root / "bc.docx"

        def restore() -> None:
            records.write_bytes(saved)

        for label, args, setup in [
            ("mtcl --help", ["--help"], None),
            ("mtcl validate", ["validate"], None),
            ("mtcl status", ["status"], None),
            ("mtcl status --json", ["status", "--json"], None),
            ("mtcl plan", ["plan"], None),
            ("mtcl record", ["record", "4c", "43,5"], restore),
            ("mtcl report --period h1", ["report", "--period", "h1", "--out", str(report), "--force"], None),
            ("mtcl report --period year (chart)", ["report", "--period", "year", "--out", str(report), "--force"],
             None),
            ("mtcl report --kind review (chart)",
             ["report", "--kind", "review", "--period", "h1", "--out", str(report), "--force"], None),
        ]:
            rows.append((label, *measure(mtcl + args, env, options.runs, setup)))

        for label, args, refused, spoil in [
            ("alias bomb: mtcl validate", ["validate"], True,
             lambda folder: (folder / "plan.yaml").write_text("schema_version: 2\n" + BOMB + "\n", encoding="utf-8")),
            ("10 MB plan.yaml: mtcl validate", ["validate"], False,
             lambda folder: (folder / "plan.yaml").write_text(
                 (folder / "plan.yaml").read_text(encoding="utf-8") + "# " + "x" * 10_000_000 + "\n",
                 encoding="utf-8")),
            ("10 MB records.jsonl: mtcl status", ["status"], False,
             lambda folder: (folder / "records.jsonl").write_text(
                 (folder / "records.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)[0] * 60000,
                 encoding="utf-8")),
        ]:
            spoiled = root / label.split(":")[0].replace(" ", "-") / "data"
            shutil.copytree(data, spoiled)
            spoil(spoiled / "2023")
            rows.append((label, *measure(mtcl + args, {**base_env, "MTCL_DATA": str(spoiled)}, options.runs,
                                         refused=refused)))

        scales = [("large", 1)] + ([] if options.skip_huge else [("10× large", 10)])
        for name, scale in scales:
            big = generated_data(root, name.replace("×", "x").replace(" ", "-"), scale)
            env = {**base_env, "MTCL_DATA": str(big)}
            for label, args in [
                ("mtcl status", ["status"]),
                ("mtcl report --period h1", ["report", "--period", "h1", "--out", str(report), "--force"]),
            ]:
                rows.append((f"{name}: {label}", *measure(mtcl + args, env, max(3, options.runs // 2 + 1))))

    bare = rows[0][1]
    print(f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    print(f"{'command':42} {'median s':>9} {'× bare':>7} {'peak MiB':>9}  budget")
    for label, seconds, peak in rows:
        budget, memory = BUDGETS.get(label), MEMORY_BUDGETS.get(label)
        verdict = "" if budget is None else f"≤ {budget:.2f} s {'met' if seconds <= budget else 'NOT MET'}"
        if memory is not None:
            verdict += f", ≤ {memory} MiB {'met' if peak / 1024 <= memory else 'NOT MET'}"
        print(f"{label:42} {seconds:9.3f} {seconds / bare:7.1f} {peak / 1024:9.1f}  {verdict}")


if __name__ == "__main__":
    main()
