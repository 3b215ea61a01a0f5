"""The example year's reports read page by page, as the chairman reads them before signing
(issue 29): the six months, nine months and the year.  A text check always runs; where
LibreOffice and poppler are installed, each report is also printed to PDF and every page
rendered, and every figure of the appendix must come out whole on its page."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from mtcl.cli.app import app

REPO = Path(__file__).resolve().parent.parent
PERIODS = [("h1", "12/6/2023", "2023-06-12"), ("9m", "20/9/2023", "2023-09-20"), ("year", "28/11/2023", "2023-11-28")]
HEADINGS = ("I. ", "II. ", "III. ", "IV. ")
# What an office never writes in the body of a report: a count of nothing, a list of table labels.
ZERO = re.compile(r"(?<![\d.,/])0(?![\d.,/%])")
LABEL_LISTS = (re.compile(r"Đạt \d+/\d+ chỉ tiêu"), re.compile(r"(trễ|đúng) hạn \d"), re.compile(r"từ 100% trở lên"),
               re.compile(r"\b0/\d"))


def made(root: Path, period: str, signed: str, today: str) -> Path:
    """The example year's report of ``period``, signed on ``signed``, made on ``today``."""
    shutil.copytree(REPO / "examples", root / "data")
    out = root / f"bao-cao-{period}.docx"
    result = CliRunner().invoke(app, ["report", "--data", str(root / "data"), "--period", period, "--date", signed,
                                      "--signer", "Nguyễn Văn An", "--out", str(out)],
                                env={"MTCL_TODAY": today, "MTCL_USER": "Nguyễn Thị Thu"})
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module", params=PERIODS, ids=[p[0] for p in PERIODS])
def report(request, tmp_path_factory) -> tuple[str, Path]:
    period = request.param[0]
    return period, made(tmp_path_factory.mktemp(period), *request.param)


def body_sections(document) -> dict[str, list[str]]:
    """The paragraphs of sections I to IV, up to the closing sentence."""
    sections: dict[str, list[str]] = {}
    current = None
    for text in (p.text.strip() for p in document.paragraphs):
        if text.startswith("Trên đây là báo cáo"):
            break
        heading = next((h for h in HEADINGS if text.startswith(h)), None)
        if heading:
            current = heading.strip()
            sections[current] = []
        elif current and text:
            sections[current].append(text)
    return sections


def sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.;:])\s+", paragraph) if len(s.strip()) > 30]


def test_no_sentence_of_one_section_is_repeated_in_another(report):
    period, out = report
    sections = body_sections(Document(str(out)))
    assert list(sections) == ["I.", "II.", "III.", "IV."], period
    seen: dict[str, str] = {}
    for name, paragraphs in sections.items():
        for sentence in {s for p in paragraphs for s in sentences(p)}:
            assert sentence not in seen, (period, name, seen.get(sentence), sentence)
            seen[sentence] = name


def test_no_count_of_nothing_and_no_list_of_labels(report):
    period, out = report
    body = [p for paragraphs in body_sections(Document(str(out))).values() for p in paragraphs]
    for paragraph in body:
        assert not ZERO.search(paragraph), (period, paragraph)
        for pattern in LABEL_LISTS:
            assert not pattern.search(paragraph), (period, pattern.pattern, paragraph)


def test_the_appendix_holds_every_target_once(report):
    period, out = report
    table = Document(str(out)).tables[-1]
    ids = [row.cells[0].text for row in table.rows[1:] if row.cells[0].text != row.cells[1].text]
    assert len(ids) == len(set(ids)) == 40, period


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftoppm") and shutil.which("pdftotext")),
                    reason="LibreOffice (soffice) and poppler are not installed here")
def test_every_page_prints_and_every_figure_comes_out_whole(report, tmp_path):
    period, out = report
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})
    pdf = tmp_path / out.with_suffix(".pdf").name
    assert pdf.exists(), period  # soffice exits 0 even when it did not convert
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / "trang")], check=True, timeout=180)
    assert len(list(tmp_path.glob("trang-*.png"))) == len(pages)
    closing = next(n for n, page in enumerate(pages) if "Trên đây là báo cáo" in page)
    assert "CHỦ TỊCH" in pages[closing] and "Nguyễn Văn An" in pages[closing], period  # signed on its page
    appendix = "\n".join(pages[closing + 1:])
    table = Document(str(out)).tables[-1]
    figures = {word for row in table.rows[1:] for cell in row.cells[3:6]
               for word in re.findall(r"\d[\d.]*,\d+|\d{1,3}(?:\.\d{3})+", cell.text)}
    assert figures and all(figure in appendix for figure in figures), (period, sorted(
        f for f in figures if f not in appendix))


def test_the_counts_add_up_and_old_figures_are_said_apart(report):
    """At nine months and at the year's end the figures of May are no figures of the period:
    each count is said once, and the closing's counts make the 40 targets (they made 26, with
    '22 chưa có số liệu' against 'số liệu còn thiếu của 14 chỉ tiêu' on the same page)."""
    period, out = report
    texts = [p.text for p in Document(str(out)).paragraphs]
    closing = next(t for t in texts if t.startswith("Tổng hợp đến ngày")).split(". ")[0]
    assert sum(int(n) for n in re.findall(r"(?:đạt |, )(\d+)", closing)) == 40, (period, closing)
    if period != "h1":
        assert closing.endswith("8 chưa có số liệu của kỳ, 14 chưa có số liệu"), (period, closing)
        assert ("- Các ngành gửi số liệu còn thiếu của 14 chỉ tiêu và số liệu của kỳ của 8 chỉ tiêu (số liệu đã gửi "
                "cũ hơn ba tháng) để tổng hợp.") in texts, period


def test_an_action_open_past_its_deadline_is_said_to_be(report):
    period, out = report
    texts = [p.text for p in Document(str(out)).paragraphs]
    (line,) = [t for t in texts if t.startswith("- Thực hiện các hành động khắc phục đang mở")]
    assert ("đã quá hạn 30/09/2023" in line) == (period == "year"), (period, line)  # signed 28/11; due 30/09
