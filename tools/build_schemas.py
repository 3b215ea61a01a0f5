"""Write the JSON Schemas of objectives.yaml, plan.yaml and notes.yaml, generated from mtcl's models.

Editors that read JSON Schema (VS Code with the YAML extension, and others) then complete
the keys and explain them while the officer types; each data file names its schema on its
first line (``# yaml-language-server: $schema=…``).  Run after changing ``mtcl/models.py``::

    python tools/build_schemas.py

A test checks that the committed schemas are what this script makes.
"""

from __future__ import annotations

import json
from pathlib import Path

from mtcl.core.models import Notes, Objectives, Plan

SCHEMAS_FOLDER = Path(__file__).resolve().parent.parent / "schemas"
SCHEMAS = {"objectives.schema.json": Objectives, "plan.schema.json": Plan, "notes.schema.json": Notes}


def schema_text(model: type) -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def build_all(folder: Path = SCHEMAS_FOLDER) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / name
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in build_all():
        print(path)
