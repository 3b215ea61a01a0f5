"""Standard output and error on any system: never a crash for a character the stream
cannot take.

What goes to a file or a pipe (``mtcl status --json > tinh-hinh.json``) is always UTF-8,
whatever the system's code page: a file mtcl writes is UTF-8.  A terminal that cannot show
Vietnamese (a Windows console on code page 1252, an ``ascii`` locale) gets a readable
fallback — the tone marks apart where the code page has them (Windows-1258), else the
letters without their marks ('Đạt' → 'Dat'), and a sign it lacks as the ASCII a reader takes
the same way ('≤ 3,37%' → '<= 3,37%', a bar '████░' → '####.', a flag '⚑' → '!'), never a
'?' that says nothing — and is told so once on standard error.
"""

from __future__ import annotations

import codecs
import sys
import unicodedata

FALLBACK = "mtcl-vietnamese"
SAMPLE = "Tiếng Việt: Đạt, ước, chưa có số liệu"
NOTICE = ("Lưu ý: cửa sổ lệnh dùng bảng mã {encoding}, không hiện đủ tiếng Việt: chữ được viết không dấu. "
          "Dùng Windows Terminal, hoặc gõ chcp 65001 trước khi chạy mtcl.")


def without_marks(text: str) -> str:
    """'Đạt' → 'Dat': the letters of Vietnamese without their diacritics."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng


def tone_apart(text: str) -> str:
    """'ự' → 'ư' and a combining dot below: the form Windows-1258 writes Vietnamese in (it
    has 'ư', 'ê', 'ă'… whole, and the five tone marks as combining characters)."""
    apart = []
    for character in text:
        decomposed = unicodedata.normalize("NFD", character)
        tones = "".join(ch for ch in decomposed if ch in TONE_MARKS)
        apart.append(unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS)) + tones)
    return "".join(apart)


# The ASCII that stands for a sign a code page lacks, read the same way: a plan keeps its
# direction, a bar its length, a flag its place.
STAND_INS = {"≤": "<=", "≥": ">=", "≠": "!=", "→": "->", "←": "<-", "−": "-", "×": "x", "∞": "vo cuc",
             "█": "#", "░": ".", "⚑": "!", "•": "*", "·": ".", "‹": "<", "›": ">",
             "“": '"', "”": '"', "‘": "'", "’": "'"}
BY_CATEGORY = {"Pd": "-", "Zs": " ", "Pi": '"', "Pf": '"'}  # dashes, spaces, opening and closing quotes


def stand_in(character: str) -> str:
    """The ASCII a reader takes the same way as ``character``, for a code page that lacks it:
    '≤' → '<=', '█' → '#', '…' → '...' (its compatibility form), any dash '-', and at worst
    its code ('\\u2603'), never '?'."""
    if character in STAND_INS:
        return STAND_INS[character]
    compatible = unicodedata.normalize("NFKD", character)
    if compatible.isascii():
        return compatible
    return BY_CATEGORY.get(unicodedata.category(character)) or character.encode("ascii", "backslashreplace").decode()


def fallback_for(encoding: str) -> str:
    """The name of an encoding error handler for ``encoding``: each character the code page
    lacks, with its tone mark apart if the code page has it, else without its marks, else
    its ASCII stand-in.  (A charmap codec reports its errors as 'charmap', so the handler is
    made per code page, knowing which one it writes.)"""

    def fits(text: str) -> bool:
        try:
            text.encode(encoding)
        except UnicodeEncodeError:
            return False
        return True

    def fallback(error: UnicodeError) -> tuple[str, int]:
        if not isinstance(error, UnicodeEncodeError):
            raise error
        # A letter keeps what the code page has of it (a lone mark may come to nothing); a sign its stand-in.
        written = [next((c for c in (tone_apart(ch), without_marks(ch)) if fits(c)), stand_in(ch))
                   for ch in error.object[error.start:error.end]]
        return "".join(written), error.end

    name = f"{FALLBACK}-{codecs.lookup(encoding).name}"
    codecs.register_error(name, fallback)
    return name


def as_shown(text: str) -> str:
    """``text`` as the terminal will show it: on a code page that lacks some of it, through
    the fallback already, so that a table measures what is printed ('≤' takes two columns
    as '<=')."""
    stream = sys.stdout
    if not str(getattr(stream, "errors", "")).startswith(FALLBACK):
        return text
    return text.encode(stream.encoding, stream.errors).decode(stream.encoding)


def can_show(encoding: str | None) -> bool:
    try:
        SAMPLE.encode(encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def configure_streams() -> None:
    """UTF-8 to files and pipes; the fallback, said once, to a terminal that needs it."""
    degraded = None
    for stream in (sys.stdout, sys.stderr):
        if not hasattr(stream, "reconfigure"):  # replaced by a test harness: it takes any text
            continue
        if not stream.isatty():
            stream.reconfigure(encoding="utf-8", errors="strict")
        elif not can_show(stream.encoding):
            stream.reconfigure(errors=fallback_for(stream.encoding))
            degraded = stream.encoding
    if degraded:
        sys.stderr.write(NOTICE.format(encoding=degraded) + "\n")
