"""The command line's own words in Vietnamese: help headings and usage errors.

typer and its parser speak English ("No such option", "Missing argument").  The help
headings are typer's module constants, set here once; usage errors are caught where the
command group parses and dispatches, and their message replaced by a Vietnamese one built
from the error's own fields.  An error this module does not know keeps its text behind a
Vietnamese lead-in, so nothing is ever hidden.
"""

from __future__ import annotations

import difflib
import importlib
import re
from pathlib import Path
from typing import Any, get_args, get_origin

import typer
from typer.core import TyperCommand, TyperGroup

# click's exceptions (typer vendors click from 0.26 on), reached through the class typer exports.
click_errors = importlib.import_module(typer.BadParameter.__module__)

RICH_TEXTS = {
    "ARGUMENTS_PANEL_TITLE": "Tham số",
    "OPTIONS_PANEL_TITLE": "Tùy chọn",
    "COMMANDS_PANEL_TITLE": "Lệnh",
    "ERRORS_PANEL_TITLE": "Lỗi",
    "ABORTED_TEXT": "Đã hủy.",
    "DEFAULT_STRING": "[mặc định: {}]",
    "REQUIRED_LONG_STRING": "[bắt buộc]",
    "RICH_HELP": "Xem [blue]'{command_path} {help_option}'[/] để biết cách dùng.",
}


def _localise_help_texts() -> None:
    # typer's rich_utils (and the Markdown renderer it brings) is only needed to show
    # help or an error; it is imported then, not on every run.
    from typer import rich_utils  # with rich's markdown and syntax: 50 ms, only to show help or an error

    for name, text in RICH_TEXTS.items():
        setattr(rich_utils, name, text)


def _hint(error: click_errors.BadParameter) -> str:
    param = error.param
    if param is None:
        return str(error.param_hint or "")
    if _is_argument(param):
        return getattr(param, "metavar", None) or str(getattr(param, "name", "")).upper()
    return " / ".join(getattr(param, "opts", None) or [str(getattr(param, "name", ""))])


def _is_argument(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "argument"


def describe_usage_error(error: click_errors.UsageError) -> str:
    message = error.message
    if isinstance(error, click_errors.NoSuchOption):
        text = f"không có tùy chọn '{error.option_name}'"
        if error.possibilities:
            text += f"; có phải: {', '.join(sorted(error.possibilities))}?"
        return text
    if isinstance(error, click_errors.MissingParameter):
        kind = "tham số" if error.param_type == "argument" or _is_argument(error.param) else "tùy chọn"
        return f"thiếu {kind} {_hint(error)}"
    if isinstance(error, click_errors.BadParameter):
        detail = message
        if "valid integer" in message or "valid int" in message:
            detail = "phải là số nguyên"
        elif "valid number" in message or "valid float" in message:
            detail = "phải là một số"
        return f"giá trị không hợp lệ cho {_hint(error)}: {detail}"
    if isinstance(error, click_errors.BadOptionUsage) and "requires" in message:
        return f"tùy chọn '{error.option_name}' cần một giá trị đi kèm"
    command = re.match(r"No such command '([^']+)'", message)
    if command:
        known = list(getattr(error.ctx.command, "commands", {})) if error.ctx else []
        close = difflib.get_close_matches(command.group(1), known, n=3)
        return f"không có lệnh '{command.group(1)}'" + (f"; có phải: {', '.join(close)}?" if close else "")
    extra = re.match(r"Got unexpected extra argument\(s\) \((.*)\)", message)
    if extra:
        return f"thừa tham số: {extra.group(1)}"
    return f"cách dùng không đúng ({message})"


def _translated(error: click_errors.UsageError) -> click_errors.UsageError:
    _localise_help_texts()
    text = describe_usage_error(error)
    error.format_message = lambda: text  # the instance's message, shown by typer as is
    return error


# What to type, in the officer's words, where a parameter names none itself: typer would show
# the Python type ('<str>', '<list[Path]>').  By the value's name first, then by its type.
NAMED = {"data": "THƯ_MỤC", "folder": "THƯ_MỤC", "year": "NĂM", "as_of": "NGÀY", "date": "NGÀY", "due": "NGÀY",
         "signed": "NGÀY", "of": "SỐ", "number": "SỐ"}
TYPED = {int: "SỐ", float: "SỐ", Path: "TỆP", str: "CHỮ"}


# The same by the parser's type name, for typer before 0.29 (no type descriptor).
CLICK_TYPES = {"integer": int, "float": float, "path": Path, "text": str, "boolean": bool}


def metavar(param: Any) -> str:
    """'SỐ', 'NGÀY', 'TỆP', 'THƯ_MỤC'…, or '' for a flag: what an option takes."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None:
        annotation = descriptor.annotation
        many = get_origin(annotation) is list
        kind = get_args(annotation)[0] if many else annotation
    else:
        many = bool(getattr(param, "multiple", False))
        kind = CLICK_TYPES.get(str(getattr(getattr(param, "type", None), "name", "")), str)
    if kind is bool or getattr(param, "is_flag", False):
        return ""
    word = NAMED.get(getattr(param, "name", "")) or TYPED.get(kind, "CHỮ")
    return word + ("..." if many else "")


def _in_officers_words(command: Any) -> None:
    """Each parameter of ``command`` shows what to type, never a Python type: an option its
    Vietnamese metavar, an argument only its name (it says what to type already)."""
    for param in getattr(command, "params", []):
        if getattr(param, "param_type_name", "") == "argument":
            param.display_type_rich = lambda ctx: None
        elif param.metavar is None:
            param.metavar = metavar(param)


class _VietnameseText:
    """The usage line and the help option of a command, in Vietnamese."""

    def format_usage(self, ctx, formatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="Cách dùng: ")

    def format_help(self, ctx, formatter) -> None:
        _localise_help_texts()
        _in_officers_words(self)
        super().format_help(ctx, formatter)

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "Xem hướng dẫn này rồi thoát."
            option.metavar = ""
        return option


# "-2,5" is a negative figure, never an option (no option of mtcl starts with a digit).
NEGATIVE_NUMBER = re.compile(r"-[0-9][0-9.,]*%?")


class VietnameseCommand(_VietnameseText, TyperCommand):
    def parse_args(self, ctx, args: list[str]) -> list[str]:
        # click would read '-2,5' as an option: it is handed on with the minus sign (U+2212)
        # that numbers.parse_number reads as well.
        return super().parse_args(ctx, [f"\u2212{a[1:]}" if NEGATIVE_NUMBER.fullmatch(a) else a for a in args])


class VietnameseGroup(_VietnameseText, TyperGroup):
    """A typer group whose usage errors, its own and its commands', read in Vietnamese."""

    def make_context(self, *args: Any, **kwargs: Any):
        try:
            return super().make_context(*args, **kwargs)
        except click_errors.NoArgsIsHelpError:
            _localise_help_texts()
            raise
        except click_errors.UsageError as error:
            raise _translated(error) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click_errors.NoArgsIsHelpError:
            raise
        except click_errors.UsageError as error:
            raise _translated(error) from None
