"""The README's Windows section as an officer follows it: the installer's screens named as
they are, the Microsoft Store's Python without `py`, `--out` instead of PowerShell's `>`
(each such command run and its file read back), and the offline install being the one
`.ci/offline` proves."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from mtcl.cli.app import app
from tests.conftest import REPO
from tests.rfc5545 import parse

README = (REPO / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## Cài trên máy Windows của cơ quan\n")[1].split("\n## ")[0]
OFFLINE = REPO / ".ci" / "offline"


def powershell_lines(text: str) -> list[str]:
    blocks = re.findall(r"```powershell\n(.*?)```", text, flags=re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_the_installer_is_described_as_it_is():
    for option in ("Use admin privileges when installing py.exe", "Add python.exe to PATH", "Install Now"):
        assert f"**{option}**" in SECTION
    assert "Install for me only" not in README  # not an option of the python.org installer


def test_the_store_python_is_told_what_to_type():
    assert "không có lệnh `py`" in SECTION
    for command in ("python -m pip install --user pipx", "python -m pipx ensurepath", "python -m venv .venv"):
        assert f"`{command}`" in SECTION


def test_nothing_is_redirected_with_a_powershell_arrow():
    assert not [line for line in powershell_lines(README) if re.search(r"\bmtcl\b.*>", line)]
    assert "> tinh-hinh.json" not in README


@pytest.fixture
def office(tmp_path, monkeypatch):
    shutil.copytree(REPO / "examples", tmp_path / "data")
    for commune in ("giang-hai", "giao-lac"):
        shutil.copytree(REPO / "examples", tmp_path / "cac-xa" / commune)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MTCL_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    return tmp_path


def test_every_out_command_of_the_section_writes_its_file_in_utf8(office):
    written = [shlex.split(line)[1:] for line in powershell_lines(SECTION)
               if line.startswith("mtcl ") and "--out" in line]
    assert len(written) >= 7
    for args in written:
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, (args, result.output)
        raw = (office / args[args.index("--out") + 1]).read_bytes()
        parse(raw) if args[-1].endswith(".ics") else json.loads(raw.decode("utf-8"))


def offline_steps(text: str) -> list[list[str]]:
    """The pip and pipx commands of a text that install from a folder: what follows
    'python -m', the folder written as WH, the options that only quiet or pin left out."""
    steps = []
    for line in text.replace("\\\n", " ").splitlines():
        if not re.search(r"-m (pip wheel|pip install|pipx install)\b.*(--wheel-dir|--find-links)", line):
            continue
        line = re.sub(r'\$wheels|D:\\goi-cai-dat|goi-cai-dat', "WH", line.split(">")[0])
        words = shlex.split(line)
        words = words[words.index("-m") + 1:]
        steps.append([w for i, w in enumerate(words) if w not in ("-q", "--user", "-c") and words[i - 1] != "-c"])
    return steps


def test_the_offline_install_of_the_readme_is_the_one_ci_proves():
    """.ci/offline builds the folder and installs from it with the same commands the
    README gives the officer (it runs in CI; the line to add to .ci/run is in its header)."""
    readme, script = offline_steps(SECTION), offline_steps(OFFLINE.read_text(encoding="utf-8"))
    assert readme == [["pip", "wheel", "--wheel-dir", "WH", ".", "pip", "pipx"],
                      ["pip", "install", "--no-index", "--find-links", "WH", "pipx"],
                      ["pipx", "install", "--pip-args=--no-index --find-links=WH", "mtcl"]]
    assert all(step in script for step in readme), script
    assert os.access(OFFLINE, os.X_OK)
    assert subprocess.run(["bash", "-n", str(OFFLINE)]).returncode == 0
