"""The README cannot drift: every ``mtcl`` command in its shell blocks runs, in order, on a
copy of the example, and succeeds (as sqlite-utils tests its documentation)."""

from __future__ import annotations

import re
import shlex
import shutil

import pytest
from typer.testing import CliRunner

from mtcl.cli.app import app
from tests.conftest import REPO
from tests.decisions import seed_decision

README = REPO / "README.md"


def shell_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL)


def mtcl_commands(block: str) -> list[list[str]]:
    """The arguments of every ``mtcl`` (or ``.venv/bin/mtcl``) call, continuation lines joined."""
    found = []
    for line in block.replace("\\\n", " ").splitlines():
        for part in line.split("&&"):
            words = shlex.split(part, comments=True)
            if words and (words[0] == "mtcl" or words[0].endswith("/mtcl")):
                found.append(words[1:])
    return found


def test_the_readme_has_commands_to_run():
    commands = [c for block in shell_blocks() for c in mtcl_commands(block)]
    assert len(commands) >= 30
    assert ["status", "--data", "examples", "--period", "h1"] in commands  # the first line's job


# 'Đã lập báo cáo: reports/2023/bao-cao.docx', 'Đã xuất: …', 'Đã ghi lịch: … (…': the file a command wrote.
WRITTEN = re.compile(r"^Đã (?:lập báo cáo|lập biểu|lập bản PDF|lập bảng tình hình|lập|vẽ biểu đồ|xuất|ghi lịch|"
                     r"lấy mẫu '[^']+' ra): (\S+?)(?: \(|$)", re.M)


@pytest.mark.parametrize("block", shell_blocks(), ids=lambda b: b.strip().splitlines()[0][:40])
def test_every_command_of_a_block_succeeds(block, tmp_path, monkeypatch):
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    shutil.copytree(REPO / "examples", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MTCL_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    monkeypatch.setenv("MTCL_USER", "Nguyễn Thị Thu")
    runner = CliRunner()
    for args in mtcl_commands(block):
        for option, value in zip(args, args[1:]):
            if option == "--file":  # the evidence a command names is a file the officer has
                (tmp_path / value).parent.mkdir(parents=True, exist_ok=True)
                (tmp_path / value).write_bytes(b"%PDF-1.4 minh chung")
        if "--from-decision" in args:  # the body's own decision, and the folder its year goes to
            seed_decision(tmp_path / args[args.index("--from-decision") + 1])
            (tmp_path / args[args.index("--data") + 1]).mkdir(exist_ok=True)
        if args[0] == "rollup" and not (tmp_path / args[1]).exists():  # the communes' folders, collected
            for commune in ("giang-hai", "giao-lac"):
                shutil.copytree(REPO / "examples", tmp_path / args[1] / commune)
        result = runner.invoke(app, args)
        if wants_a_pdf(args) and not shutil.which("soffice"):  # the Word file is made; the PDF needs LibreOffice
            assert result.exit_code == 1 and "không tìm thấy LibreOffice" in result.stderr, (args, result.output)
            continue
        assert result.exit_code == 0, (args, result.output)
        assert "Traceback" not in result.output and "Lỗi:" not in result.output
        assert result.stdout.strip(), args  # every command of the README says what it did
        for written in WRITTEN.findall(result.stdout):  # and a file it says it wrote is there
            assert (tmp_path / written).is_file(), (args, written)


def wants_a_pdf(args: list[str]) -> bool:
    return "--pdf" in args or any(a == "--format" and b == "pdf" for a, b in zip(args, args[1:]))


def slug(heading: str) -> str:
    """The anchor a heading gets, as GitHub and most Markdown viewers make it."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return "#" + text.replace(" ", "-")


def headings(text: str) -> list[tuple[int, str]]:
    """The document's ## and ### headings, outside code blocks."""
    outside = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    return [(len(m.group(1)), m.group(2).strip()) for m in re.finditer(r"^(##|###) (.+)$", outside, flags=re.M)]


def test_the_contents_list_names_every_heading_and_every_link_resolves():
    text = README.read_text(encoding="utf-8")
    contents = text[text.index("## Mục lục"):].split("\n## ", 1)[0]
    listed = re.findall(r"\[([^\]]+)\]\((#[^)]+)\)", contents)
    wanted = [(h, slug(h)) for level, h in headings(text) if h != "Mục lục"]
    assert [(name, anchor) for name, anchor in listed] == wanted
    anchors = {slug(h) for _, h in headings(text)}
    for target in re.findall(r"\]\((#[^)]+)\)", text):
        assert target in anchors, f"the link {target} leads nowhere"
    for path in re.findall(r"\]\(([^#)][^)]*)\)", text):
        if not path.startswith(("http://", "https://")):
            assert (REPO / path).exists(), f"the link {path} names no file of the repository"
