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
import re
from importlib import resources
from pathlib import Path

from mtcl.errors import UserError
from mtcl.files import atomic_write, display_path

REPORT_TEMPLATE = "bao-cao-mtcl.docx"
MARKDOWN_TEMPLATE = "bao-cao-mtcl.md.j2"

# The shipped templates by the short name ``mtcl templates export`` takes.
TEMPLATES = {
    "bao-cao": (REPORT_TEMPLATE, "báo cáo kết quả thực hiện MTCL (Word)"),
    "bao-cao-md": (MARKDOWN_TEMPLATE, "báo cáo kết quả thực hiện MTCL (Markdown, --format md)"),
    "phieu-hdkp": ("phieu-hdkp.docx", "phiếu yêu cầu hành động khắc phục"),
    "so-theo-doi-hdkp": ("so-theo-doi-hdkp.docx", "sổ theo dõi hành động khắc phục"),
    "xem-xet-lanh-dao": ("xem-xet-lanh-dao.docx", "báo cáo đầu vào xem xét của lãnh đạo"),
}
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
    """An existing file may have been edited by hand: never replaced unless asked."""
    if out.exists() and not force:
        raise UserError(
            f"tệp '{display_path(out)}' đã có (có thể đã được chỉnh sửa); không ghi đè",
            "dùng --out để ghi ra tệp khác, hoặc --force để ghi đè",
        )
    if not out.parent.is_dir():
        raise UserError(f"thư mục '{display_path(out.parent)}' không tồn tại")


def _environment(autoescape: bool):
    from jinja2 import StrictUndefined  # jinja2 and its sandbox: 23 ms, only for reports
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=autoescape, keep_trailing_newline=True)


def _template_error(template: Path, exc: Exception, text: str | None = None) -> UserError:
    from jinja2 import TemplateSyntaxError, UndefinedError  # loaded by the render that failed
    from jinja2.sandbox import SecurityError

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
    return UserError(f"mẫu báo cáo '{name}' lỗi: {exc}")


def _where(text: str | None, variable: str) -> str:
    """The line of the template (Markdown) or the paragraph (Word) that uses ``variable``."""
    if text is None:
        return ""
    for number, line in enumerate(text.splitlines(), start=1):
        if re.search(rf"\b{re.escape(variable)}\b", line) and ("{{" in line or "{%" in line):
            snippet = re.sub(r"<[^>]+>", "", line).strip()
            return f" (dòng {number}: {snippet[:80]})" if "<" not in line else f" (đoạn: {snippet[:80]})"
    return ""


def render_docx(context: dict, out: Path, shipped: str, template: Path | None = None, force: bool = False) -> Path:
    """Render ``context`` into ``out`` through the officer's ``template``, or the shipped one."""
    from docxtpl import DocxTemplate  # with python-docx, lxml and jinja2: 60 ms, only for reports
    from jinja2 import TemplateError

    refuse_overwrite(out, force)
    source = io.BytesIO(shipped_template(shipped)) if template is None else str(template)
    name = template or Path(shipped)
    try:
        document = DocxTemplate(source)
        document.init_docx()
    except FileNotFoundError:
        raise UserError(f"không tìm thấy mẫu báo cáo '{display_path(name)}'") from None
    except Exception as exc:  # python-docx raises several types for a file that is not a .docx
        raise UserError(f"'{display_path(name)}' không phải tệp Word (.docx) hợp lệ: {exc}") from None
    try:
        document.render(context, _environment(autoescape=True), autoescape=True)
    except TemplateError as exc:
        xml = document.patch_xml(document.get_xml())
        raise _template_error(name, exc, "\n".join(_paragraph_texts(xml))) from None
    buffer = io.BytesIO()
    document.save(buffer)
    try:
        atomic_write(out, buffer.getvalue())
    except OSError as exc:
        raise UserError(f"không ghi được '{display_path(out)}': {exc.strerror}") from None
    return out


def _paragraph_texts(xml: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.DOTALL)]


def render_markdown(context: dict, template: Path | None = None) -> str:
    """The report as Markdown, through the officer's ``template`` or the shipped one."""
    from jinja2 import TemplateError  # 20 ms, only for reports

    name = template or Path(MARKDOWN_TEMPLATE)
    text = (shipped_template(MARKDOWN_TEMPLATE) if template is None else template.read_bytes()).decode("utf-8")
    try:
        return _environment(autoescape=False).from_string(text).render(context)
    except TemplateError as exc:
        raise _template_error(name, exc, text) from None
