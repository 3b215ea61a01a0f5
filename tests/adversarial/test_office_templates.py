"""A template the officer edited, or was sent, cannot hang the PC, fill its memory or show
a traceback (issue 14, defect 8, and siblings)."""

from __future__ import annotations

import io
import os
import sys
import zipfile

import pytest
from docx import Document

from mtcl.report import sandbox
from mtcl.report.render import shipped_template
from tests.adversarial.conftest import assert_refused
from tests.processes import measured

HOSTILE = [
    ("{{ range(10**9)|list }}", "số 1000000000 quá lớn cho một mẫu báo cáo (tối đa 100.000)"),
    ("{% for i in range(200000) %}{% endfor %}", "số 200000 quá lớn cho một mẫu báo cáo"),
    ("{% include 'khac.j2' %}", "không được chèn mẫu khác"),
    ("{% import 'khac.j2' as k %}", "không được chèn mẫu khác"),
    ("{{ 1/0 }}", "có phép chia cho 0"),
    ("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}", "gọi lồng nhau quá sâu"),
    ("{{ '{0}'|format(1) }}", "dùng phép tính hoặc bộ lọc không hợp lệ"),
    ("{{ 'a' * 10**10 }}", "chuỗi hoặc danh sách dài quá 1.000.000 ký tự"),
    ("{{ [1] * 10**7 }}", "chuỗi hoặc danh sách dài quá 1.000.000 ký tự"),
    ("{{ 'a'|center(10**9) }}", "quá lớn cho một mẫu báo cáo"),
    ("{{ 'a'|indent(width=10**9) }}", "quá lớn cho một mẫu báo cáo"),
    ("{{ 2 ** (10**6) }}", "lũy thừa với số mũ 1000000 quá lớn"),
    ("{% macro m(s) %}{{ m(s ~ s) }}{% endmacro %}{{ m('ab') }}", "dài quá 1.000.000 ký tự"),
    ("{{ lipsum() }}", "dùng biến 'lipsum' không có trong dữ liệu báo cáo"),
    ("{{ intro.__class__ }}", "không được phép"),
]


@pytest.mark.parametrize("tag, message", HOSTILE, ids=[h[0][:30] for h in HOSTILE])
def test_a_hostile_markdown_template(cli, seeded, tmp_path, tag, message):
    template = tmp_path / "mau.md.j2"
    template.write_text(f"{{{{ subject }}}}\n{tag}\n", encoding="utf-8")
    assert_refused(cli("report", "--period", "h1", "--format", "md", "--template", str(template)), message)


@pytest.mark.parametrize("tag, message", HOSTILE[:8], ids=[h[0][:30] for h in HOSTILE[:8]])
def test_a_hostile_word_template(cli, seeded, tmp_path, tag, message):
    document = Document(io.BytesIO(shipped_template("bao-cao-mtcl.docx")))
    document.add_paragraph(tag)
    template = tmp_path / "mau.docx"
    document.save(str(template))
    out = tmp_path / "bc.docx"
    assert_refused(cli("report", "--period", "h1", "--template", str(template), "--out", str(out)), message)
    assert not out.exists()


def test_a_loop_that_never_ends_is_stopped(cli, seeded, tmp_path):
    """Counted, not timed: the limit holds on a loaded machine as on an idle one."""
    template = tmp_path / "mau.md.j2"
    template.write_text("{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
                        encoding="utf-8")
    assert_refused(cli("report", "--period", "h1", "--format", "md", "--template", str(template)),
                   "bị dừng: vòng lặp quá lớn (hơn 1.000.000 bước)")


def test_the_time_limit_interrupts_a_render(monkeypatch):
    """The last resort, for a loop over anything but a range: the watchdog's interrupt
    becomes the limit's message."""
    from mtcl.report.sandbox import TemplateLimit, time_limit

    with pytest.raises(TemplateLimit, match="chạy quá 0,05 giây|chạy quá 0.05 giây"):
        with time_limit(0.05):
            while True:
                pass


def test_the_time_limit_holds_where_ctrl_c_is_ignored():
    """A program started in the background inherits Ctrl-C ignored: the watchdog's interrupt
    did nothing there and the render ran for ever (seen when CI was started with '&').  The
    limit takes Ctrl-C back for the render, then leaves it as it found it."""
    import signal

    from mtcl.report.sandbox import TemplateLimit, time_limit

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with pytest.raises(TemplateLimit):
            with time_limit(0.05):
                while True:
                    pass
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)


def test_a_string_multiplied_far_stays_in_memory_bounds(seeded, tmp_path):
    """The 17 GB of the issue: measured in a child process, peak memory stays small."""
    template = tmp_path / "mau.md.j2"
    template.write_text("{{ 'a' * 10**10 }}", encoding="utf-8")
    env = {**os.environ, "MTCL_DATA": str(seeded), "MTCL_TODAY": "2023-06-12"}
    run = measured([sys.executable, "-m", "mtcl", "report", "--period", "h1", "--format", "md", "--template",
                    str(template)], env)
    assert run.code == 1 and run.peak_kib < 200 * 1024


def test_a_zip_bomb_is_refused_before_it_is_opened(cli, seeded, tmp_path):
    bomb = tmp_path / "mau.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b"\0" * 200_000_000)
    assert bomb.stat().st_size < 1_000_000
    result = cli("report", "--period", "h1", "--template", str(bomb), "--out", str(tmp_path / "bc.docx"))
    assert_refused(result, "giải nén ra 200 MB: quá lớn để là một mẫu")
    run = measured([sys.executable, "-m", "mtcl", "report", "--period", "h1", "--template", str(bomb), "--out",
                    str(tmp_path / "bc.docx")], {**os.environ, "MTCL_DATA": str(seeded), "MTCL_TODAY": "2023-06-12"})
    assert run.code == 1 and run.peak_kib < 100 * 1024  # refused before the 200 MB are unpacked


@pytest.mark.parametrize("kind, message", [
    ("missing", "không tìm thấy mẫu báo cáo '"),
    ("folder", "không phải tệp thường"),
    ("pipe", "không phải tệp thường"),
    ("text", "không phải tệp Word (.docx) hợp lệ"),
])
def test_a_word_template_that_is_not_one(cli, seeded, tmp_path, kind, message):
    template = {"missing": tmp_path / "khong-co.docx", "folder": tmp_path, "pipe": tmp_path / "ong.docx",
                "text": tmp_path / "van-ban.docx"}[kind]
    if kind == "pipe":
        os.mkfifo(template)  # opening it would wait for ever
    if kind == "text":
        template.write_text("không phải Word", encoding="utf-8")
    assert_refused(cli("report", "--period", "h1", "--template", str(template), "--out", str(tmp_path / "bc.docx")),
                   message)


@pytest.mark.parametrize("kind, message", [
    ("missing", "không tìm thấy mẫu báo cáo"),
    ("folder", "không phải tệp thường"),
    ("cp1258", "không phải mã UTF-8"),
])
def test_a_markdown_template_that_is_not_one(cli, seeded, tmp_path, kind, message):
    template = {"missing": tmp_path / "khong-co.md.j2", "folder": tmp_path, "cp1258": tmp_path / "mau.md.j2"}[kind]
    if kind == "cp1258":
        template.write_bytes("Báo cáo {{ subject }}".encode("cp1258"))
    assert_refused(cli("report", "--period", "h1", "--format", "md", "--template", str(template)), message)
