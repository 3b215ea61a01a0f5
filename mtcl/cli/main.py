"""The ``mtcl`` program: it loads only the command it is asked for.

Each command lives in its own module with the core modules it needs; importing all of them
for every run would make ``mtcl status`` pay for spreadsheets, calendars and reports.  The
command's module is found from the first word of the command line; help, a version or a
mistyped command load them all (for the list of commands, and the suggestions).
"""

from __future__ import annotations

import importlib
import sys

from mtcl.cli.streams import configure_streams

# The first word of each command (a group for 'action' and 'templates') → its module.
MODULES = {
    "status": "status", "record": "record", "history": "record", "void": "record", "plan": "plan", "done": "plan",
    "report": "report", "templates": "report", "form": "sheets", "import": "sheets", "export": "sheets",
    "targets": "targets", "show": "show", "validate": "validate", "init": "years", "migrate": "years",
    "years": "years", "action": "action", "rollup": "rollup",
}


def main() -> None:
    configure_streams()
    word = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), None)
    if word in MODULES:
        importlib.import_module(f"mtcl.cli.{MODULES[word]}")
        from mtcl.cli.base import app  # loaded with the command's module: 0 ms more
    else:
        from mtcl.cli.app import app  # every command: 40 ms more, for help and suggestions
    app()
