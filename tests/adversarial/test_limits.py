"""The alias bomb and a 10 MB file are refused or read without blowing up memory.

Time and memory budgets (2 s, 200 MB) are measured by ``benchmarks/run.py``; this test
only guards against the blow-up itself: peak memory stays under 200 MB, and the process
ends long before a hang would.
"""

from __future__ import annotations

import os
import sys

import pytest

from tests.processes import measured

BOMB = "\n".join(
    ['lol0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"lol{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
)




def peak_kib(data_dir, *args: str) -> tuple[int, str, int]:
    """``mtcl ARGS`` in a process of its own: exit code, what it said, its peak KiB."""
    run = measured([sys.executable, "-m", "mtcl", *args], {**os.environ, "MTCL_DATA": str(data_dir)})
    return run.code, run.stderr, run.peak_kib


@pytest.mark.parametrize("content", ["bomb", "long comment", "long text"])
def test_huge_or_explosive_yaml(data_dir, content):
    path = data_dir / "2023" / "plan.yaml"
    text = path.read_text(encoding="utf-8")
    if content == "bomb":
        path.write_text("schema_version: 2\n" + BOMB + "\n", encoding="utf-8")
    elif content == "long comment":
        path.write_text(text + "# " + "x" * 10_000_000 + "\n", encoding="utf-8")
    else:
        path.write_text(text.replace("title: Kế hoạch", "title: " + "Kế hoạch " * 1_000_000, 1), encoding="utf-8")
    assert path.stat().st_size > (500 if content == "bomb" else 10_000_000)
    code, stderr, peak = peak_kib(data_dir, "validate")
    assert "Traceback" not in stderr
    assert peak < 200 * 1024
    if content == "bomb":
        assert code == 1 and "plan.yaml:3:" in stderr and "tham chiếu YAML" in stderr
    else:
        assert code == 0


def test_ten_megabyte_records_file(data_dir):
    line = '{"target":"4c","as_of":"2023-06-01","value":"43","by":"x","recorded_at":"2023-06-01T08:00:00Z"}\n'
    (data_dir / "2023" / "records.jsonl").write_text(line * (10_000_000 // len(line) + 1), encoding="utf-8")
    code, stderr, peak = peak_kib(data_dir, "status")
    assert code == 0 and "Traceback" not in stderr
    assert peak < 200 * 1024
