"""The pure-Python floor: read the same files as ``mtcl status`` and pick the same figures,
with nothing else — no validation, no rules, no formatting.

It reads objectives.yaml with libyaml and records.jsonl with the json module, keeps for
each target the record that counts at the date (the last dated on or before it; of two on
the same date, the later in the file) and prints each target's figure as JSON.  The
benchmark checks that its figures equal mtcl's, then times both:

    python benchmarks/floor.py DATA_FOLDER YEAR DATE
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

import yaml


def figures(folder: Path, on: str) -> dict[str, float | None]:
    objectives = yaml.load((folder / "objectives.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    targets = {str(t["id"]): t for o in objectives["objectives"] for t in o["targets"]}
    latest: dict[str, tuple[str, dict]] = {}
    with (folder / "records.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            day = record["as_of"]
            if day <= on and record.get("value") is not None:
                known = latest.get(record["target"])
                if known is None or day >= known[0]:
                    latest[record["target"]] = (day, record)
    picked: dict[str, float | None] = {}
    for target_id, target in targets.items():
        if target.get("kind") == "checklist" or target.get("sum_of"):
            continue
        found = latest.get(target_id)
        if found is None:
            picked[target_id] = None
            continue
        record = found[1]
        value = Decimal(record["value"])
        if record.get("of") is not None:
            value = value * 100 / Decimal(record["of"])
        picked[target_id] = float(round(value, 6))
    return picked


if __name__ == "__main__":
    data, year, on = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    print(json.dumps(figures(data / year, on)))
