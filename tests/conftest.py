"""Shared helpers: a private copy of the shipped data, and the real CLI through typer's runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from mtcl.cli.app import app

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "data"

# No time limit on one example: the first one pays for imports (Babel's locale data) and a
# loaded CI machine is slow; a limit would fail a correct test by the clock.
settings.register_profile("mtcl", deadline=None)
settings.load_profile("mtcl")


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory):
    """The program keeps checked years in the user's cache folder (mtcl.files.cache): the
    tests' own, never the developer's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A writable copy of the shipped data folder (data/2023/...)."""
    target = tmp_path / "data"
    shutil.copytree(SHIPPED, target, ignore=shutil.ignore_patterns("*.jsonl", "*.lock"))
    return target


@pytest.fixture
def cli(data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    """Run ``mtcl`` against the private data copy; returns typer's Result."""
    monkeypatch.setenv("MTCL_DATA", str(data_dir))
    monkeypatch.setenv("MTCL_USER", "Nguyễn Thị Thu")
    monkeypatch.delenv("NO_COLOR", raising=False)
    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input)

    return run


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    """Edit a data file the way a careless hand would; the old text must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based line number of the first line containing ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path.name}")


@pytest.fixture
def june(monkeypatch: pytest.MonkeyPatch) -> None:
    """Mid-June 2023, when the six-month report is being prepared."""
    monkeypatch.setenv("MTCL_TODAY", "2023-06-10")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--stress", action="store_true",
                     help="the full counts: 50 processes writing at once, 100 kills of `mtcl record`")
    parser.addoption("--judge-cases", type=int, default=100_000,
                     help="how many verdicts the judge compares (mutation testing runs a few thousand per mutant)")
