"""Benchmark mtcl as the officer runs it: whole processes, timed and measured.

Every figure is the median of several runs after a warm-up, printed beside the bare
interpreter (``python -c pass``) so the ratios hold on any machine, with the peak
memory of the child process.  Data sets: the shipped 2023 data with a realistic
six-month set of records; a generated large set (1,000 targets, 20,000 records, 200 tasks
with 2,000 completions); and the 40 real targets with 250, 2,500, 25,000 and 250,000
generated records, timed beside the pure-Python floor (benchmarks/floor.py, whose figures
must equal mtcl's) and, when it is installed, hledger on the same entries.  Run from the
repository::

    python benchmarks/run.py            # prints the tables; --runs N, --skip-huge, --write
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
    "100 bodies: mtcl rollup --json": 10.0,
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


SIZES = (250, 2_500, 25_000, 250_000)
EVALUATED = "2023-06-30"


def scaled_data(root: Path, count: int) -> Path:
    """The shipped objectives and plan with ``count`` generated figures of the 40 real
    targets, each line as mtcl writes it (with its reference)."""
    sys.path.insert(0, str(REPO))
    from mtcl.core.entries import make_ref
    from mtcl.files.book import open_year

    data = root / f"records-{count}" / "data"
    shutil.copytree(REPO / "data", data, ignore=shutil.ignore_patterns("*.jsonl", "*.lock"))
    targets = [t for t in open_year(data, 2023).targets.values() if not t.sum_of and t.kind != "checklist"]
    rng = random.Random(count)
    start = datetime(2023, 1, 2, tzinfo=timezone.utc)
    with (data / "2023" / "records.jsonl").open("w", encoding="utf-8") as out:
        for n in range(count):
            target = rng.choice(targets)
            entry: dict = {"target": target.id, "as_of": (date(2023, 1, 1) + timedelta(days=rng.randint(0, 170))).isoformat()}
            if target.kind == "ratio":
                total = rng.randint(50, 2000)
                entry |= {"value": str(rng.randint(total // 2, total)), "of": str(total)}
            else:
                entry["value"] = str(rng.randint(1, int(target.bounds[0]) + 1))
            entry |= {"estimated": False, "by": "bench",
                      "recorded_at": (start + timedelta(seconds=30 * n)).isoformat().replace("+00:00", "Z")}
            content = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
            line = {"ref": make_ref("SL", content.encode("utf-8")), **entry}
            out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
    return data


def hledger_journal(data: Path, path: Path) -> None:
    """The same figures as an hledger journal: a yearly budget of each target's plan, and
    each figure a virtual posting on the target's account."""
    sys.path.insert(0, str(REPO))
    from mtcl.files.book import open_year

    book = open_year(data, 2023)
    lines = ["~ yearly from 2023-01-01"] + [f"    (mtcl:{t.id})    {t.bounds[0]}" for t in book.targets.values()]
    for record in (json.loads(line) for line in (data / "2023" / "records.jsonl").open(encoding="utf-8")):
        lines += ["", f"{record['as_of']} {record['ref']}", f"    (mtcl:{record['target']})    {record['value']}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def figures_of(status: bytes) -> dict[str, float | None]:
    return {t["id"]: t["actual"] for t in json.loads(status)["targets"]}


def scaling(root: Path, base_env: dict, runs: int, sizes: tuple[int, ...]) -> list[dict]:
    """Each size: mtcl status (JSON and table), record, the floor, hledger; the figures of
    the floor checked equal to mtcl's, and mtcl's JSON checked byte-identical when the
    file must be read line by line (the reading before this round's speed-ups)."""
    mtcl = [sys.executable, "-m", "mtcl"]
    hledger = shutil.which("hledger")
    results = []
    for count in sizes:
        data = scaled_data(root, count)
        env = {**base_env, "MTCL_DATA": str(data), "MTCL_TODAY": EVALUATED}
        records = data / "2023" / "records.jsonl"
        saved = records.read_bytes()
        status = subprocess.run(mtcl + ["status", "--json"], env=env, capture_output=True, check=True).stdout
        floor = subprocess.run([sys.executable, str(REPO / "benchmarks" / "floor.py"), str(data), "2023", EVALUATED],
                               env=env, capture_output=True, check=True).stdout
        mine = figures_of(status)
        picked = json.loads(floor)
        if any(abs((mine[k] or 0) - (v or 0)) > 1e-6 or (mine[k] is None) != (v is None) for k, v in picked.items()):
            raise SystemExit(f"{count} records: the floor's figures differ from mtcl's")
        records.write_bytes(saved.replace(b'"target":', b'"target": ', 1))  # read line by line
        slow = subprocess.run(mtcl + ["status", "--json"], env=env, capture_output=True, check=True).stdout
        records.write_bytes(saved)
        if slow != status:
            raise SystemExit(f"{count} records: status --json differs when the file is read line by line")
        repeat = max(3, runs // 2 + 1) if count >= 25_000 else runs
        row = {"records": count}
        row["status --json"] = measure(mtcl + ["status", "--json"], env, repeat)
        row["status"] = measure(mtcl + ["status"], env, repeat)
        row["record"] = measure(mtcl + ["record", "4c", "43,5", "--yes"], env, repeat,
                                lambda: records.write_bytes(saved))
        records.write_bytes(saved)
        row["floor"] = measure([sys.executable, str(REPO / "benchmarks" / "floor.py"), str(data), "2023", EVALUATED],
                               env, repeat)
        if hledger:
            journal = root / f"records-{count}.journal"
            hledger_journal(data, journal)
            row["hledger"] = measure([hledger, "-f", str(journal), "balance", "--budget", "-e", "2023-07-01"], env,
                                     repeat)
        results.append(row)
    return results


def goals(rows: dict[str, tuple[float, int]], scale: list[dict]) -> list[tuple[str, str, bool]]:
    """Each goal of the performance issue, what was measured, and whether it is met."""
    bare, status, helped = rows["python -c pass"][0], rows["mtcl status"][0], rows["mtcl --help"][0]
    found = [
        ("`mtcl status` on the shipped data ≤ 8× `python -c pass`", f"{status / bare:.1f}×", status <= 8 * bare),
        ("`mtcl --help` no slower than `mtcl status`", f"{helped:.3f} s vs {status:.3f} s", helped <= status),
    ]
    by = {row["records"]: row for row in scale}
    if 250 in by and 250_000 in by:
        small, huge = by[250], by[250_000]
        ratio = huge["status --json"][0] / small["status --json"][0]
        found.append(("250,000 records: `status` ≤ 3× its time on 250", f"{ratio:.1f}×", ratio <= 3))
        per = (huge["status --json"][1] - small["status --json"][1]) / (250_000 - 250)
        found.append(("250,000 records: memory ≤ 0.4 KiB a record", f"{per:.2f} KiB", per <= 0.4))
        if 25_000 in by:
            grew = (huge["status --json"][0] - small["status --json"][0]) / (
                by[25_000]["status --json"][0] - small["status --json"][0])
            found.append(("data-dependent part from 25,000 to 250,000 ≤ 11×", f"{grew:.1f}×", grew <= 11))
        recorded = huge["record"][0] / huge["status --json"][0]
        found.append(("250,000 records: `record` ≤ 0.6× `status`", f"{recorded:.2f}×", recorded <= 0.6))
        floor = huge["status --json"][0] / huge["floor"][0]
        found.append(("250,000 records: ≤ 1.5× the pure-Python floor", f"{floor:.1f}×", floor <= 1.5))
        if "hledger" in huge:
            found.append(("beside hledger: ≤ 4× at 250", f"{small['status --json'][0] / small['hledger'][0]:.1f}×",
                          small["status --json"][0] <= 4 * small["hledger"][0]))
            if 2_500 in by:
                mid = by[2_500]
                found.append(("beside hledger: no slower at 2,500",
                              f"{mid['status --json'][0]:.3f} s vs {mid['hledger'][0]:.3f} s",
                              mid["status --json"][0] <= mid["hledger"][0]))
            found.append(("beside hledger: ≥ 10× faster at 250,000",
                          f"{huge['hledger'][0] / huge['status --json'][0]:.1f}× faster",
                          huge["hledger"][0] >= 10 * huge["status --json"][0]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-huge", action="store_true", help="leave out 250,000 records")
    parser.add_argument("--write", action="store_true", help="write benchmarks/RESULTS.md")
    options = parser.parse_args()
    mtcl = [sys.executable, "-m", "mtcl"]
    rows: dict[str, tuple[float, int]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        # An installed mtcl has its bytecode compiled; let the warm-up write it here too.
        base_env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        base_env |= {"MTCL_TODAY": "2023-06-12", "MTCL_USER": "bench"}
        rows["python -c pass"] = measure([sys.executable, "-c", "pass"], base_env, options.runs)

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
            rows[label] = measure(mtcl + args, env, options.runs, setup)

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
            rows[label] = measure(mtcl + args, {**base_env, "MTCL_DATA": str(spoiled)}, options.runs, refused=refused)

        big = generated_data(root, "large", 1)
        env = {**base_env, "MTCL_DATA": str(big)}
        for label, args in [
            ("mtcl status", ["status"]),
            ("mtcl report --period h1", ["report", "--period", "h1", "--out", str(report), "--force"]),
        ]:
            rows[f"large: {label}"] = measure(mtcl + args, env, max(3, options.runs // 2 + 1))
        bodies = root / "province"
        for number in range(1, 101):  # a realistic six months each: the shipped data and its records
            shutil.copytree(data, bodies / f"body-{number:03d}")
        rows["100 bodies: mtcl rollup --json"] = measure(mtcl + ["rollup", str(bodies), "--period", "h1", "--json"],
                                                         base_env, max(3, options.runs // 2 + 1))
        scale = scaling(root, base_env, options.runs, SIZES[:-1] if options.skip_huge else SIZES)

    text = render(rows, scale, goals(rows, scale), options.runs)
    print(text)
    if options.write:
        (REPO / "benchmarks" / "RESULTS.md").write_text(RESULTS_HEAD + text + RESULTS_TAIL, encoding="utf-8")


def render(rows: dict[str, tuple[float, int]], scale: list[dict], found: list, runs: int) -> str:
    bare = rows["python -c pass"][0]
    out = [f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
           f"{platform.system()} {platform.release()}; {date.today():%Y-%m-%d}; median of {runs} runs after a "
           "warm-up (the largest sets fewer)", "", "```",
           f"{'command':42} {'median s':>9} {'× bare':>7} {'peak MiB':>9}  budget"]
    for label, (seconds, peak) in rows.items():
        budget, memory = BUDGETS.get(label), MEMORY_BUDGETS.get(label)
        verdict = "" if budget is None else f"≤ {budget:.2f} s {'met' if seconds <= budget else 'NOT MET'}"
        if memory is not None:
            verdict += f", ≤ {memory} MiB {'met' if peak / 1024 <= memory else 'NOT MET'}"
        out.append(f"{label:42} {seconds:9.3f} {seconds / bare:7.1f} {peak / 1024:9.1f}  {verdict}".rstrip())
    out += ["```", "", "The 40 real targets with generated figures (seconds; peak MiB of `status --json` in brackets):",
            "", "```", f"{'records':>9} {'status --json':>20} {'status':>8} {'record':>8} {'floor':>8} {'hledger':>8}"]
    for row in scale:
        hledger = f"{row['hledger'][0]:8.3f}" if "hledger" in row else f"{'—':>8}"
        out.append(f"{row['records']:9,} {row['status --json'][0]:8.3f} ({row['status --json'][1] / 1024:7.1f} MiB) "
                   f"{row['status'][0]:8.3f} {row['record'][0]:8.3f} {row['floor'][0]:8.3f} {hledger}")
    out += ["```", "", "| goal | measured | |", "|---|---|---|"]
    out += [f"| {goal} | {measured} | {'met' if met else '**missed**'} |" for goal, measured, met in found]
    return "\n".join(out) + "\n"


RESULTS_HEAD = """# Benchmark results

Written by `python benchmarks/run.py --write` (whole processes; the child processes may
write bytecode, as an installed mtcl has its bytecode compiled).  The floor is
`benchmarks/floor.py`: the same files read with libyaml and json and the same figures
picked, nothing checked; the run stops if its figures differ from mtcl's, or if
`status --json` differs when the records file must be read line by line (the reading
before the performance round).

"""
RESULTS_TAIL = """
## Where the time goes, and what was done

Start-up: the program loads only the command it runs (`mtcl/cli/main.py`), numbers are
written without Babel (the same output, checked against Babel in the tests), and the
figures' constraints are compiled by pydantic instead of run in Python.  What is left for
`mtcl status` is the floor of the stack the project is built on: the interpreter, typer,
pydantic with the models' schemas, PyYAML and rich's table, each imported once.

Reading records: the file goes to pydantic in pieces of about 1 MB of whole lines
(`JsonlStore._parse_whole`; older pydantic-core builds a whole document in memory before
validating it, so one call on a 10 MB file took 400 MB; a damaged or hand-spaced file is
read line by line, so each problem keeps its line number); which figure counts at a date
is found in one pass over a target's figures, with no sort.  Every line is still
validated into an exact record (Decimal figures, dates, who and when): that is the cost
above the floor, and what lets a damaged line be named instead of silently read.
`mtcl record` reads only its target's lines and checks that the file ends with a whole,
valid line and that its reference is new, instead of validating every line.

## Goals missed, and why

- Start-up (`mtcl status` against `python -c pass`, and the floor's 1.5×): the floor of
  the stack above is about 0,2 s on this machine before a line of mtcl runs; hledger is a
  compiled program that starts in a few hundredths of a second, so at 250 and 2.500
  figures it is ahead, however little mtcl does.
- 250.000 figures (3× of 250, 10× faster than hledger, 0,4 KiB a figure): every line is
  validated into an exact record (Decimal, dates, who and when) so that a damaged line is
  named, never read wrong; that is about 1,25 s and most of the memory at 250.000 lines,
  where the floor, which checks nothing, needs 0,7–0,8 s.  A commune records a few hundred
  figures a year; the large sets show the shape of the growth, which stays linear.
- The data-dependent part from 25.000 to 250.000 (≤ 11×) is a ratio of differences: the
  time at 25.000 less the time at 250 is a few tenths of a second, and its noise moves the
  ratio between runs (9,4× the run before, 13× this one) while the times at 250.000 agree.
- `mtcl --help` lists every command with its help, so it loads the definitions of all of
  them, where `mtcl status` loads one.
"""


if __name__ == "__main__":
    main()
