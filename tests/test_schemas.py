"""The JSON Schemas editors read (schemas/) are the models', and accept the data we ship."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import jsonschema
import pydantic
import pytest

from mtcl.files.yamlsource import read_yaml
from tests.conftest import REPO
from tools.build_schemas import SCHEMAS

FOLDERS = [REPO / "data" / "2023", REPO / "examples" / "2023", REPO / "tests" / "data" / "ward" / "2024"]


# The committed schemas are written by this pydantic series; older releases the project
# allows word a few parts differently (`allOf` around a `$ref`, no `propertyNames`), which
# editors read the same.  There the generated schemas are still checked against the data.
SCHEMAS_WRITTEN_BY = (2, 14)
PYDANTIC = tuple(int(part) for part in pydantic.VERSION.split(".")[:2])


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    # Built the way the tool is run, in a fresh interpreter: what pydantic writes for a
    # field can depend on what else the process has validated before.
    folder = tmp_path_factory.mktemp("schemas")
    script = f"from pathlib import Path; from tools.build_schemas import build_all; build_all(Path({str(folder)!r}))"
    subprocess.run([sys.executable, "-c", script], cwd=REPO, check=True, timeout=120)
    return folder


@pytest.mark.skipif(PYDANTIC < SCHEMAS_WRITTEN_BY, reason="older pydantic words the same schema differently")
def test_the_committed_schemas_are_what_the_models_make(generated: Path):
    for name in SCHEMAS:
        assert (generated / name).read_text(encoding="utf-8") == (REPO / "schemas" / name).read_text(encoding="utf-8")


def as_json(value):
    """A document as an editor sees it: numbers as numbers, dates as text."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


SHIPPED_FILES = [(folder, name) for folder in FOLDERS for name in ("objectives", "plan", "notes")
                 if (folder / f"{name}.yaml").exists()]


@pytest.mark.parametrize("source", ["committed", "generated"])
@pytest.mark.parametrize(("folder", "name"), SHIPPED_FILES,
                         ids=[f"{name}-{folder.relative_to(REPO)}" for folder, name in SHIPPED_FILES])
def test_the_shipped_data_fits_its_schema(folder: Path, name: str, source: str, generated: Path):
    schemas = REPO / "schemas" if source == "committed" else generated
    schema = json.loads((schemas / f"{name}.schema.json").read_text(encoding="utf-8"))
    document, _ = read_yaml(folder / f"{name}.yaml")
    jsonschema.validate(as_json(document), schema)
    first_line = (folder / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("# yaml-language-server: $schema=") and first_line.endswith(f"{name}.schema.json")


@pytest.mark.parametrize("source", ["committed", "generated"])
def test_the_schema_catches_a_mistyped_key(source: str, generated: Path):
    schemas = REPO / "schemas" if source == "committed" else generated
    schema = json.loads((schemas / "objectives.schema.json").read_text(encoding="utf-8"))
    document, _ = read_yaml(REPO / "data" / "2023" / "objectives.yaml")
    document = as_json(document)
    document["objectives"][0]["targets"][0]["plann"] = 100
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)
    assert set(SCHEMAS) == {"objectives.schema.json", "plan.schema.json", "notes.schema.json"}
