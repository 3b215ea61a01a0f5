"""The ``mtcl`` program: it loads only the command it is asked for.

Each command lives in its own module with the core modules it needs; importing all of them
for every run would make ``mtcl status`` pay for spreadsheets, calendars and reports.  The
command's module is found from the first word of the command line; help, a version or a
mistyped command load them all (for the list of commands, and the suggestions).

Start-up is also where the program reads its environment for the library below: the user's
cache folder, where a checked year is kept between runs (``files.cache``), and pydantic's
plugins, which mtcl does not use, so that none is looked for among the installed packages.
"""

from __future__ import annotations

import atexit
import gc
import importlib
import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from mtcl.cli.streams import configure_streams
from mtcl.files import cache
from mtcl.files.fs import collector_paused

# The first word of each command (a group for 'action' and 'templates') → its module.
MODULES = {
    "status": "status", "record": "record", "history": "record", "void": "record", "plan": "plan", "done": "plan",
    "report": "report", "templates": "report", "chart": "chart", "form": "sheets", "import": "sheets",
    "export": "sheets",
    "targets": "targets", "show": "show", "validate": "validate", "init": "years", "migrate": "years",
    "years": "years", "action": "action", "rollup": "rollup",
}


def main() -> None:
    configure_streams()
    word = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), None)
    with run_settings():
        with collector_paused():  # a module's objects live as long as the program
            if word in MODULES:
                importlib.import_module(f"mtcl.cli.{MODULES[word]}")
                from mtcl.cli.base import app  # loaded with the command's module: 0 ms more
            else:
                from mtcl.cli.app import app  # every command: 50 ms more, for help and suggestions
        # What is left lives until the exit: spare the interpreter its last collection of the
        # whole heap (as long as the work of 'mtcl status' on a commune's year).
        atexit.register(gc.freeze)
        app()


@contextmanager
def run_settings() -> Iterator[None]:
    """The program's settings for the library below, undone when it ends (a test may run it
    in its own process): checked years kept in the user's cache folder, and pydantic's
    plugins (pydantic's documented switch; a user's own setting stands) not looked for."""
    ours = PLUGINS not in os.environ
    os.environ.setdefault(PLUGINS, "__all__")
    cache.keep_in(cache_folder(os.environ))
    try:
        yield
    finally:
        cache.keep_in(None)
        if ours:
            os.environ.pop(PLUGINS, None)


PLUGINS = "PYDANTIC_DISABLE_PLUGINS"


def cache_folder(environ: Mapping[str, str], platform: str = sys.platform) -> Path | None:
    """Where checked years are kept, in the user's cache folder: ``%LOCALAPPDATA%\\mtcl\\Cache``
    on Windows, ``~/Library/Caches/mtcl`` on a Mac, ``$XDG_CACHE_HOME/mtcl`` (or
    ``~/.cache/mtcl``) elsewhere, each with a folder ``years``; None when the system names no
    home for it."""
    try:
        if platform == "win32":
            local = environ.get("LOCALAPPDATA")
            return Path(local, "mtcl", "Cache", "years") if local else None
        if platform == "darwin":
            return Path.home() / "Library" / "Caches" / "mtcl" / "years"
        return Path(environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "mtcl", "years")
    except RuntimeError:  # no home folder
        return None
