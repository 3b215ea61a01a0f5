"""The ``mtcl`` entry point: the app with every command registered."""

from __future__ import annotations

from mtcl.cli import action, plan, record, report, show, status, targets, validate, years  # noqa: F401  (registers the commands)
from mtcl.cli.base import app


def main() -> None:
    app()
