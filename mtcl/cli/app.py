"""The ``mtcl`` entry point: the app with every command registered."""

from __future__ import annotations

# Imported in the order the commands are listed in the help.
from mtcl.cli import status, record, plan, report, sheets, targets, show, validate, years, action  # noqa: F401,I001
from mtcl.cli.base import app
from mtcl.cli.streams import configure_streams


def main() -> None:
    configure_streams()
    app()
