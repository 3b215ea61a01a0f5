"""The app with every command registered: what help lists, and what tests drive.  The
program itself starts from ``mtcl.cli.main``, which loads only the command it runs."""

from __future__ import annotations

# Imported in the order the commands are listed in the help.
# isort: off
from mtcl.cli import status, record, plan, report, chart, sheets, rollup, targets, show, validate, years, action  # noqa: F401,I001
from mtcl.cli.base import app  # noqa: F401
# isort: on
