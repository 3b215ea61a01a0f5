"""Commands that do not render must not pay for the report libraries."""

import json
import os
import subprocess
import sys

REPORT_LIBRARIES = ("docx", "docxtpl", "jinja2")


def loaded_modules(data_dir, *args: str) -> set[str]:
    code = (
        "import sys, json\n"
        "from mtcl.cli.app import app\n"
        f"sys.argv = ['mtcl', *{list(args)!r}]\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    env = {**os.environ, "MTCL_DATA": str(data_dir), "MTCL_TODAY": "2023-06-12"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in json.loads(result.stderr.strip().splitlines()[-1])}


def test_status_and_plan_do_not_load_report_libraries(data_dir):
    for command in (["status"], ["status", "--json"], ["plan"], ["validate"], ["--help"]):
        modules = loaded_modules(data_dir, *command)
        assert not modules & set(REPORT_LIBRARIES), (command, modules & set(REPORT_LIBRARIES))


def test_report_does_load_them(data_dir, tmp_path):
    modules = loaded_modules(data_dir, "report", "--period", "h1", "--out", str(tmp_path / "bc.docx"))
    assert set(REPORT_LIBRARIES) <= modules
