"""The errors a user can cause, kept apart from bugs.

``UserError`` carries one Vietnamese message (and an optional hint) for a mistake on the
command line; ``DataError`` is one problem in a file, located by file, line and column, and
``DataErrors`` carries every such problem found in one pass so the officer can fix them all
at once.  Only the CLI turns these into output and exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass


class UserError(Exception):
    """A mistake the user can fix; the message is shown as is, never a traceback."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n  Gợi ý: {self.hint}"


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in a data file, in the ``file:line:col: message`` form editors jump to."""

    file: str
    line: int | None
    column: int | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class DataErrors(UserError):
    """Every problem found while loading; raised once, after all were collected."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(set(errors), key=lambda e: (e.file, e.line or 0, e.column or 0))
        super().__init__("\n".join(str(e) for e in self.errors))
