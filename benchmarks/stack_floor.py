"""The stack floor: ``mtcl status``'s job in a few lines on mtcl's own stack.

A typer command reads objectives.yaml with PyYAML, checks its targets with a small pydantic
model, reads records.jsonl and prints one row a target in a rich table: what any program on
typer, PyYAML, pydantic and rich pays before it does a thing of its own.  The benchmark
times ``mtcl status`` against it::

    python benchmarks/stack_floor.py DATA_FOLDER YEAR DATE
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Literal

import typer
import yaml
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table


class Target(BaseModel):
    id: str
    short: str
    unit: str
    plan: Decimal
    op: Literal[">=", ">", "<=", "<"]
    kind: Literal["ratio", "cumulative", "level", "checklist", "rating", "reference"]


def status(data: Path, year: str, on: str) -> None:
    """Each target's plan and the figure that counts at ``on`` (the last dated on or before it)."""
    document = yaml.load((data / year / "objectives.yaml").read_bytes(), Loader=yaml.CSafeLoader)
    targets = [Target.model_validate(t, strict=False) for o in document["objectives"] for t in o["targets"]]
    latest: dict[str, dict] = {}
    with (data / year / "records.jsonl").open(encoding="utf-8") as lines:
        for record in map(json.loads, lines):
            if record.get("value") is not None and record["as_of"] <= on:
                if record["as_of"] >= latest.get(record["target"], {"as_of": ""})["as_of"]:
                    latest[record["target"]] = record
    table = Table("Mã", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Ngày")
    for target in targets:
        record = latest.get(target.id)
        actual = "" if record is None else round(Decimal(record["value"]) * 100 / Decimal(record.get("of", 100)), 2)
        table.add_row(target.id, target.short, f"{target.op} {target.plan} {target.unit}", str(actual),
                      record["as_of"] if record else "")
    Console().print(table)


if __name__ == "__main__":
    typer.run(status)
