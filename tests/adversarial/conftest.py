"""Helpers of the adversarial suite: snapshots of every data file, and a guard that a
refused command left them byte for byte as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

# Record lines as mtcl writes them, to seed the files the tool owns.
RECORD = '{"target":"4c","as_of":"2023-06-01","value":"43","by":"x","recorded_at":"2023-06-01T08:00:00Z"}'
COMPLETION = ('{"task":"I.1","occurrence":"2023-02-28","done_on":"2023-02-01","evidence":"QĐ 27",'
              '"by":"x","recorded_at":"2023-02-01T08:00:00Z"}')
OPENED = ('{"event":"open","id":"HĐKP-2023-01","subject":"5.6","subject_kind":"target","problem":"p",'
          '"action":"a","owner":"o","due":"2023-09-30","opened_on":"2023-06-01","by":"x",'
          '"recorded_at":"2023-06-01T08:00:00Z"}')


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not p.name.endswith(".lock")}


@pytest.fixture
def seeded(data_dir: Path) -> Path:
    """The shipped data with one line in each file the tool writes."""
    folder = data_dir / "2023"
    (folder / "records.jsonl").write_text(RECORD + "\n", encoding="utf-8")
    (folder / "completions.jsonl").write_text(COMPLETION + "\n", encoding="utf-8")
    (folder / "actions.jsonl").write_text(OPENED + "\n", encoding="utf-8")
    return data_dir


def assert_refused(result, *messages: str) -> None:
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    for message in messages:
        assert message in result.stderr, (message, result.stderr)
