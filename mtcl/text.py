"""Text as it enters mtcl and as it is matched: one Unicode form, folded for comparison.

Vietnamese can be typed in two Unicode forms that look the same (precomposed "ê" or "e"
plus a combining circumflex); everything is compared in NFC.  ``fold`` drops case and
diacritics so that 'giao thong' finds 'Giao thông' and 'vh-xh' finds 'VH-XH'.
"""

from __future__ import annotations

import unicodedata


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
