"""Text as it enters mtcl and as it is matched: one Unicode form, folded for comparison.

Vietnamese can be typed in two Unicode forms that look the same (precomposed "ê" or "e"
plus a combining circumflex); everything is compared in NFC.  ``fold`` drops case and
diacritics so that 'giao thong' finds 'Giao thông' and 'vh-xh' finds 'VH-XH'.
"""

from __future__ import annotations

import re
import unicodedata

from mtcl.core.errors import UserError

SAVE_AS_UTF8 = ("lưu lại tệp với mã UTF-8: trong Notepad chọn Tệp › Lưu thành…, ô Mã hóa chọn UTF-8; trong Word "
                "chọn Lưu thành… › Văn bản thuần (*.txt), rồi ở hộp Chuyển đổi tệp chọn Mã hóa khác › Unicode (UTF-8)")


def not_utf8(raw: bytes) -> str:
    """Why bytes that are not UTF-8 were refused: Notepad's "ANSI" (Windows-1258 on a
    Vietnamese Windows) is the usual cause, and is named when the bytes read as it."""
    try:
        raw.decode("cp1258")
    except UnicodeDecodeError:
        return "không phải mã UTF-8"
    return "không phải mã UTF-8 (có vẻ được lưu với mã ANSI của Windows, Windows-1258)"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Text without case or diacritics, spaces collapsed."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def clean(text: str | None) -> str | None:
    """What the officer typed, trimmed and in NFC; nothing when only spaces were typed."""
    return nfc(text.strip()) if text and text.strip() else None


def one_line(text: str) -> str:
    """A folded YAML text (``>-``) as one line, its inner runs of spaces collapsed."""
    return " ".join(text.split())


# Characters that drive a terminal or a document rather than show: C0 and C1 controls
# (ESC starts the sequences that clear a screen or hide text; \f is a page break in Word)
# and the bidirectional overrides that reorder what is shown.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROLS_OR_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def excerpt(text: str, near: str = "", width: int = 60) -> str:
    """Whole words of ``text`` around the first ``near`` (its start without one), at most
    ``width`` characters (or the one word), '…' where words were left out: never a word cut."""
    line = one_line(text)
    if len(line) <= width:
        return line
    words = line.split(" ")
    found = line.find(near) if near else -1
    start = line[:found].count(" ") if found > 0 else 0
    end = start + 1  # the words shown are words[start:end]
    grown = True
    while grown:
        grown = False
        for step_start, step_end in ((0, 1), (-1, 0)):  # a word after, then one before
            wider = (start + step_start, end + step_end)
            if wider[0] >= 0 and wider[1] <= len(words) and len(" ".join(words[slice(*wider)])) <= width:
                start, end, grown = *wider, True
    return ("… " if start else "") + " ".join(words[start:end]) + (" …" if end < len(words) else "")


def visible(text: str) -> str:
    """``text`` safe to show: each control character written out as ``\\x1b``, ``\\u202e``;
    line breaks and tabs kept."""
    return _CONTROLS.sub(_escape, text) if _CONTROLS.search(text) else text


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def typed_problem(text: str, multiline: bool = False) -> str | None:
    """Why ``text`` typed on the command line cannot be stored, or nothing: a control
    character (a line break only where the text may have several lines), or bytes that
    are not UTF-8 (the shell hands them over as surrogates)."""
    if any("\udc80" <= c <= "\udcff" for c in text):
        return "có byte không phải UTF-8 (gõ lại bằng bộ gõ tiếng Việt, hoặc lưu tệp lệnh với mã UTF-8)"
    pattern = _CONTROLS if multiline else _CONTROLS_OR_BREAKS
    found = pattern.search(text.replace("\t", " ") if multiline else text)
    if found:
        return f"có ký tự điều khiển ({_escape(found)}) không được phép"
    return None


def typed(text: str | None, option: str, multiline: bool = False) -> str | None:
    """What the officer typed for ``option``, trimmed and in NFC, or refused when it holds
    what no record should (see ``typed_problem``); nothing when only spaces were typed."""
    if text is None:
        return None
    problem = typed_problem(text, multiline)
    if problem:
        raise UserError(f"{option} {problem}")
    return clean(text)
