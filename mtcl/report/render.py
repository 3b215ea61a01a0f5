"""Rendering a report context into a Word document (docxtpl) or Markdown.

Templates run in Jinja's sandbox with undefined variables as errors and autoescaping on:
without autoescape docxtpl silently drops the text after an ``&`` or ``<``, and a template
the officer edited must not reach Python internals.  A template error is a ``UserError``
naming the template and the offending tag; nothing is written then.  The document is
written to a temporary file and renamed into place, and an existing file is never
replaced unless asked: a report someone edited is not lost.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any

from mtcl.core.errors import UserError
from mtcl.core.text import SAVE_AS_UTF8, not_utf8, visible
from mtcl.files.fs import atomic_write, display_path, os_problem, regular_file

REPORT_TEMPLATE = "bao-cao-mtcl.docx"
MARKDOWN_TEMPLATE = "bao-cao-mtcl.md.j2"

# The shipped templates by the short name ``mtcl templates export`` takes.
TEMPLATES = {
    "bao-cao": (REPORT_TEMPLATE, "báo cáo kết quả thực hiện MTCL (Word)"),
    "bao-cao-md": (MARKDOWN_TEMPLATE, "báo cáo kết quả thực hiện MTCL (Markdown, --format md)"),
    "phieu-hdkp": ("phieu-hdkp.docx", "phiếu yêu cầu hành động khắc phục"),
    "so-theo-doi-hdkp": ("so-theo-doi-hdkp.docx", "sổ theo dõi hành động khắc phục"),
    "xem-xet-lanh-dao": ("xem-xet-lanh-dao.docx", "báo cáo đầu vào xem xét của lãnh đạo"),
    "tong-hop": ("tong-hop-mtcl.docx", "báo cáo tổng hợp các đơn vị của cấp trên (mtcl rollup)"),
    "tinh-hinh": ("tinh-hinh-mtcl.docx", "tình hình thực hiện trên một trang (mtcl status --format docx)"),
}
MAX_TEMPLATE_BYTES = 50_000_000  # a template, packed or unpacked
VARIABLES_HINT = "các biến có trong mẫu Markdown: mtcl templates export bao-cao-md mau.md.j2"


def shipped_template(file_name: str) -> bytes:
    """The bytes of a template installed with mtcl (package data)."""
    return resources.files("mtcl.templates").joinpath(file_name).read_bytes()


def export_template(name: str, out: Path, force: bool = False) -> Path:
    """Copy a shipped template out for the officer to edit."""
    if name not in TEMPLATES:
        raise UserError(f"không có mẫu '{name}'", f"các mẫu: {', '.join(TEMPLATES)}")
    file_name = TEMPLATES[name][0]
    if out.is_dir():
        out = out / file_name
    refuse_overwrite(out, force)
    atomic_write(out, shipped_template(file_name))
    return out


def refuse_overwrite(out: Path, force: bool) -> None:
    """An existing file may have been edited by hand: never replaced unless asked; a link
    (even one pointing nowhere) counts as existing, and a device or a pipe is never
    replaced by a document."""
    if os.path.lexists(out):
        if not force:
            raise UserError(
                f"tệp '{display_path(out)}' đã có (có thể đã được chỉnh sửa); không ghi đè",
                "dùng --out để ghi ra tệp khác, hoặc --force để ghi đè",
            )
        if out.exists() and not out.is_file():
            raise UserError(f"'{display_path(out)}' không phải tệp thường (thư mục, thiết bị hay ống dẫn); không ghi vào")
    if not out.parent.is_dir():
        raise UserError(f"thư mục '{display_path(out.parent)}' không tồn tại")


def shown(value: Any) -> Any:
    """The context with every control character a file held written out (\x0c), so none
    becomes a page break in Word or a terminal command in Markdown."""
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, dict):
        return {key: shown(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [shown(item) for item in value]
    return value


def _template_error(template: Path, exc: BaseException, text: str | None = None) -> UserError:
    from jinja2 import TemplateSyntaxError, UndefinedError  # loaded by the render that failed (20 ms otherwise)
    from jinja2.sandbox import SecurityError

    from mtcl.report.sandbox import TemplateLimit  # loaded by the render that failed (23 ms otherwise)

    name = display_path(template)
    if isinstance(exc, UndefinedError):
        missing = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", str(exc))
        what = (missing.group(2) or missing.group(1)) if missing else str(exc)
        where = _where(text, what)
        return UserError(
            f"mẫu báo cáo '{name}' dùng biến '{what}' không có trong dữ liệu báo cáo{where}",
            f"sửa tên biến trong mẫu; {VARIABLES_HINT}",
        )
    if isinstance(exc, SecurityError):
        return UserError(f"mẫu báo cáo '{name}' truy cập thuộc tính không được phép: {exc}")
    if isinstance(exc, TemplateSyntaxError):
        line = f" (dòng {exc.lineno})" if text is not None and exc.lineno else ""
        return UserError(f"mẫu báo cáo '{name}' sai cú pháp Jinja{line}: {exc.message}")
    if isinstance(exc, TemplateLimit):
        return UserError(f"mẫu báo cáo '{name}' bị dừng: {exc}", "sửa mẫu cho gọn; báo cáo không cần vòng lặp lớn")
    if isinstance(exc, RecursionError):
        return UserError(f"mẫu báo cáo '{name}' gọi lồng nhau quá sâu (macro đệ quy?)")
    if "no loader" in str(exc):
        return UserError(f"mẫu báo cáo '{name}' không được chèn mẫu khác ({{% include %}}, {{% import %}}, "
                         "{% extends %})", "chép nội dung cần dùng vào chính mẫu này")
    if isinstance(exc, ZeroDivisionError):
        return UserError(f"mẫu báo cáo '{name}' có phép chia cho 0")
    return UserError(f"mẫu báo cáo '{name}' dùng phép tính hoặc bộ lọc không hợp lệ "
                     f"(chi tiết: {type(exc).__name__}: {exc})")


def _where(text: str | None, variable: str) -> str:
    """The line of the template (Markdown) or the paragraph (Word) that uses ``variable``."""
    if text is None:
        return ""
    for number, line in enumerate(text.splitlines(), start=1):
        if re.search(rf"\b{re.escape(variable)}\b", line) and ("{{" in line or "{%" in line):
            snippet = re.sub(r"<[^>]+>", "", line).strip()
            return f" (dòng {number}: {snippet[:80]})" if "<" not in line else f" (đoạn: {snippet[:80]})"
    return ""


# What can go wrong while a template the officer edited runs (besides Jinja's own errors).
RENDER_ERRORS = (ArithmeticError, LookupError, TypeError, ValueError, AttributeError, RecursionError, MemoryError)


def _template_bytes(template: Path, kind: str) -> bytes:
    """The officer's template file, refused clearly when it is missing, not a regular file
    (a folder, a pipe that would never end) or too large to be a template."""
    info = regular_file(template, "mẫu báo cáo", f"chỉ rõ một tệp {kind}")
    name = display_path(template)
    if info.st_size > MAX_TEMPLATE_BYTES:
        raise UserError(f"mẫu báo cáo '{name}' quá lớn ({info.st_size // 1_000_000} MB) để là một mẫu")
    return template.read_bytes()


def _word_package(content: bytes, name: str) -> io.BytesIO:
    """A .docx is a zip: refuse one that is not, or that would unpack to more than a
    template can be (a 'zip bomb' of a few MB that unpacks to gigabytes)."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            unpacked = sum(item.file_size for item in package.infolist())
    except zipfile.BadZipFile:
        raise UserError(f"'{name}' không phải tệp Word (.docx) hợp lệ", "lưu mẫu bằng Word dạng .docx") from None
    if unpacked > MAX_TEMPLATE_BYTES:
        raise UserError(f"mẫu báo cáo '{name}' giải nén ra {unpacked // 1_000_000} MB: quá lớn để là một mẫu")
    return io.BytesIO(content)


def render_docx(context: dict, out: Path, shipped: str, template: Path | None = None, force: bool = False) -> Path:
    """Render ``context`` into ``out`` through the officer's ``template``, or the shipped one."""
    from docxtpl import DocxTemplate  # with python-docx, lxml and jinja2: 60 ms, only for reports
    from jinja2 import TemplateError

    from mtcl.report.sandbox import GuardedEnvironment, TemplateLimit, time_limit  # jinja2's sandbox: 23 ms

    refuse_overwrite(out, force)
    name = display_path(template or Path(shipped))
    content = shipped_template(shipped) if template is None else _template_bytes(template, "Word (.docx)")
    try:
        document = DocxTemplate(_word_package(content, name))
        document.init_docx()
    except UserError:
        raise
    except Exception as exc:  # python-docx raises several types for a damaged package
        raise UserError(f"'{name}' không phải tệp Word (.docx) hợp lệ: {exc}") from None
    try:
        with time_limit():
            document.render(shown(context), GuardedEnvironment(autoescape=True), autoescape=True)
    except (TemplateError, TemplateLimit, *RENDER_ERRORS) as exc:
        xml = document.patch_xml(document.get_xml())
        raise _template_error(template or Path(shipped), exc, "\n".join(_paragraph_texts(xml))) from None
    _place_charts(document.docx, context)
    from mtcl.report.layout import fit_columns

    fit_columns(document.docx)
    buffer = io.BytesIO()
    document.save(buffer)
    try:
        atomic_write(out, buffer.getvalue())
    except OSError as exc:
        raise UserError(f"không ghi được '{display_path(out)}': {os_problem(exc)}") from None
    return out


def _place_charts(document, context: dict) -> None:
    """A native Word chart where the template shows the chart's mark (a template without
    the mark has no chart)."""
    chart = context.get("chart")
    if not chart:
        return
    from mtcl.report.chart import insert_chart  # python-docx is loaded already; openpyxl 60 ms on use

    for paragraph in document.paragraphs:
        if paragraph.text.strip() == chart["mark"]:
            insert_chart(document, paragraph, chart)


def _paragraph_texts(xml: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.DOTALL)]


def render_markdown(context: dict, template: Path | None = None) -> str:
    """The report as Markdown, through the officer's ``template`` or the shipped one."""
    from jinja2 import TemplateError  # 20 ms, only for reports

    from mtcl.report.sandbox import GuardedEnvironment, TemplateLimit, time_limit  # jinja2's sandbox: 23 ms

    name = template or Path(MARKDOWN_TEMPLATE)
    content = shipped_template(MARKDOWN_TEMPLATE) if template is None else _template_bytes(template, "Markdown")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"mẫu báo cáo '{display_path(name)}' {not_utf8(content)}", SAVE_AS_UTF8) from None
    try:
        with time_limit():
            return GuardedEnvironment(autoescape=False).from_string(text).render(shown(context))
    except (TemplateError, TemplateLimit, *RENDER_ERRORS) as exc:
        raise _template_error(name, exc, text) from None
