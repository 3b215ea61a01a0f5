"""The errors a user can cause, kept apart from bugs, and where in a file each one is.

``UserError`` carries one Vietnamese message (and an optional hint) for a mistake on the
command line; ``DataError`` is one problem in a file, located by file, line and column, and
``DataErrors`` carries every such problem found in one pass so the officer can fix them all
at once.  ``Source`` remembers where each key and list item of a loaded file stands, so a
problem found later (by pydantic or a cross-reference rule) can still point at its line.
Only the CLI turns these into output and exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Path_ = tuple[str | int, ...]


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
        self.errors = sorted(set(errors), key=lambda e: (e.file, e.line or 0, e.column or 0, e.message))
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclass
class Source:
    """A loaded file's name and the position of every key and list item in it."""

    file: str
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path_) -> tuple[int | None, int | None]:
        """Line and column of the deepest known node on ``path`` (1-based)."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:end]))
            if found:
                return found
        return (None, None)

    def error(self, path: Path_, message: str) -> DataError:
        line, column = self.position(path)
        return DataError(self.file, line, column, message)
