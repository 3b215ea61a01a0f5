"""Templates cannot reach Python's internals; any text survives a report."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from mtcl.report.render import shipped_template
from tests.adversarial.conftest import assert_refused

ESCAPES = ["{{ ''.__class__.__mro__ }}", "{{ cycler.__init__.__globals__ }}",
           "{{ self.__init__.__globals__ }}", "{{ intro.__class__.__base__.__subclasses__() }}"]


@pytest.mark.parametrize("tag", ESCAPES)
def test_markdown_template_cannot_escape_the_sandbox(cli, seeded, tmp_path, tag):
    template = tmp_path / "mau.md.j2"
    template.write_text(f"{{{{ subject }}}}\n{tag}\n", encoding="utf-8")
    result = cli("report", "--period", "h1", "--format", "md", "--template", str(template))
    assert_refused(result)
    assert "không được phép" in result.stderr or "không có trong dữ liệu báo cáo" in result.stderr
    assert "<class" not in result.stdout and "object" not in result.stdout


@pytest.mark.parametrize("tag", ESCAPES[:2])
def test_word_template_cannot_escape_the_sandbox(cli, seeded, tmp_path, tag):
    document = Document(io.BytesIO(shipped_template("bao-cao-mtcl.docx")))
    document.add_paragraph(tag)
    template = tmp_path / "mau.docx"
    document.save(str(template))
    out = tmp_path / "bc.docx"
    result = cli("report", "--period", "h1", "--template", str(template), "--out", str(out))
    assert_refused(result)
    assert not out.exists()


def test_a_template_that_is_not_a_word_file(cli, seeded, tmp_path):
    fake = tmp_path / "mau.docx"
    fake.write_text("không phải Word", encoding="utf-8")
    assert_refused(cli("report", "--period", "h1", "--template", str(fake), "--out", str(tmp_path / "x.docx")),
                   "không phải tệp Word (.docx) hợp lệ")


def test_a_template_with_a_syntax_error(cli, seeded, tmp_path):
    template = tmp_path / "mau.md.j2"
    template.write_text("dòng một\n{% for x in %}\n", encoding="utf-8")
    assert_refused(cli("report", "--period", "h1", "--format", "md", "--template", str(template)),
                   "sai cú pháp Jinja (dòng 2)")


TRICKY = "Trạm cấp nước & UBND <xã> \"Giang Hải\" 'ĐỒNG THUẬN' — ổn định, Ưu tiên; 100% ./."


def test_tricky_text_round_trips_through_the_word_report(cli, seeded, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    assert cli("record", "4n", "98%", "--note", TRICKY, "--source", TRICKY).exit_code == 0
    assert cli("done", "I.2", "--evidence", TRICKY).exit_code == 0
    result = cli("report", "--period", "h1")
    assert result.exit_code == 0, result.output
    out = Path(result.stdout.split(": ", 1)[1].strip())
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert f"Nguyên nhân: {TRICKY}" in text and f"{TRICKY}." not in text  # her words, one closing stop
    assert f"ngày, {TRICKY[:-1]})." in text  # the evidence of a task done late, inside its bracket
