"""The bodies a decision names, as running text writes them: the body and its parent headed in
capitals at the top of the first page ('UBND TỈNH QUẢNG NAM' over 'SỞ TƯ PHÁP'), the body
above named among the recipients ('UBND tỉnh Quảng Trị (b/c)'), and what the decision did
('ban hành', 'công bố').

A name written only in capitals is restored from the decision's own text where it writes the
same words ('Sở Y tế', 'Chi cục Thuế'), and a territory's name by the rule of place names
('THỊ XÃ HƯƠNG TRÀ' → 'thị xã Hương Trà').  Each reader says why when it had to guess.  Pure:
lines and text in, names out.
"""

from __future__ import annotations

import re

from mtcl.core.text import fold

TERRITORIES = ("thành phố", "thị trấn", "thị xã", "xã", "phường", "huyện", "quận", "tỉnh", "đặc khu")
# A territory's kind as a word, never the 'xã' of 'xã hội'.
_TERRITORY = re.compile(rf"(?<!\w)(?:{'|'.join(TERRITORIES)})(?!\w)(?<!xã(?= hội))")
_AUTHORITIES = {"uy ban nhan dan": "Ủy ban nhân dân", "ubnd": "UBND"}
# The territories whose People's Committee stands above a body of each kind.
_ABOVE = {"xã": ("huyện", "thị xã", "thành phố", "quận", "tỉnh"), "phường": ("quận", "thị xã", "thành phố", "tỉnh"),
          "thị trấn": ("huyện",), "huyện": ("tỉnh", "thành phố"), "quận": ("thành phố",),
          "thị xã": ("tỉnh",), "thành phố": ("tỉnh",)}


def names_in_capitals(lines: list[str]) -> list[str]:
    """The bodies named in capitals at the top of the first page, parent first: a line that
    names a territory ('PHƯỜNG PHÚ HỘI') completes the authority above it ('ỦY BAN NHÂN DÂN')."""
    names: list[str] = []
    for line in lines:
        if re.match(r"(?i:quyết định)\b", line):
            break
        if not line.isupper() or re.search(r"CỘNG HÒA|ĐỘC LẬP|^SỐ\b", line) or not re.search(r"\w", line):
            continue
        if names and territory_at(line) and not territory_in(names[-1]):
            names[-1] = f"{names[-1]} {line}"
        else:
            names.append(line)
    return names


def territory_at(line: str) -> str | None:
    """The kind of territory a line begins with ('THỊ XÃ HƯƠNG TRÀ' → 'thị xã')."""
    return next((kind for kind in TERRITORIES if re.match(rf"{kind}\b", line.lower())), None)


def territory_in(name: str) -> re.Match | None:
    """Where a body's name names its territory: 'CỤC THUẾ TỈNH QUẢNG NAM' → at 'TỈNH'."""
    return _TERRITORY.search(name.lower())


def territory(words: str) -> str:
    """'THỊ XÃ HƯƠNG TRÀ' as prose writes it: 'thị xã Hương Trà' (the kind lowered, the name
    in capitals of words)."""
    kind = territory_at(words) or ""
    return " ".join([kind] + [word.capitalize() for word in words[len(kind):].split()]).strip()


def split_body(name: str) -> tuple[str, str | None]:
    """A body's name cut into its authority and its territory ('TRUNG TÂM Y TẾ' + 'HUYỆN …')."""
    at = territory_in(name)
    if at is None or at.start() == 0:
        return name, None
    return name[:at.start()].strip(), name[at.start():].strip()


def as_written(capitals: str, text: str) -> str | None:
    """How the decision writes a name it heads in capitals ('SỞ Y TẾ' → 'Sở Y tế'): the same
    words elsewhere in its text, not in capitals."""
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(word) for word in capitals.split()) + r"(?!\w)"
    return next((m.group(0) for m in re.finditer(pattern, text, re.I)
                 if m.group(0)[0].isupper() and not m.group(0).isupper()), None)


def authority(capitals: str, text: str) -> tuple[str, str | None]:
    """An authority's name as written ('Ủy ban nhân dân', 'Chi cục Thuế'), and why when the
    decision never writes it but in capitals."""
    known = _AUTHORITIES.get(fold(capitals))
    if known:
        return known, None
    written = as_written(capitals, text)
    if written:
        return " ".join(written.split()), None
    return capitals.capitalize(), f"'{capitals}' chỉ viết bằng chữ in hoa: kiểm tra chữ hoa, chữ thường"


def in_prose(name: str, text: str) -> tuple[str, str | None]:
    """A body's name as running text writes it ('UBND tỉnh Quảng Nam', 'Sở Y tế Thừa Thiên
    Huế'), and why when its case is a guess."""
    head, place = split_body(name)
    written, why = authority(head, text)
    if fold(written) == "uy ban nhan dan":
        written = "UBND"
    return (f"{written} {territory(place)}" if place else written), why


def body_and_territory(body: str, parent: str | None, text: str) -> tuple[tuple[str, str | None], str | None]:
    """The body's authority (and why when a guess) and the territory it serves, as a unit's
    name ('Sở Tư pháp', 'Tỉnh Quảng Nam': a department serves its parent's territory)."""
    head, place = split_body(body)
    if place is None and parent is not None:
        place = split_body(parent)[1]
    served = territory(place) if place else None
    return authority(head, text), (served[:1].upper() + served[1:] if served else None)


def parent_named(text: str, body: str) -> tuple[str | None, str | None]:
    """The body above, as the recipients name it with '(b/c)' ('UBND tỉnh Quảng Trị (b/c)'),
    completed from the only such body the text names when the recipient line leaves the
    name out ('UBND tỉnh (b/c)'); else nothing, and what to fill in when two are named."""
    kind = territory_at(split_body(body)[1] or "")
    for above in _ABOVE.get(kind or "", ()):
        told = re.search(rf"UBND\s+{above}\b\s*([^(;\n]*?)\s*\(b/c\)", text)
        if told is None:
            continue
        name = told.group(1).strip()
        if not name:
            named = {proper_name(text[m.end():]) for m in re.finditer(rf"UBND\s+{above}\b", text)} - {""}
            if len(named) != 1:
                return None, f"điền cơ quan cấp trên (UBND {above} …)"
            name = named.pop()
        return f"UBND {above} {name}", None
    return None, None


def proper_name(text: str) -> str:
    """The capitalised words ``text`` begins with: ' Thừa Thiên Huế về …' → 'Thừa Thiên Huế'."""
    words = []
    for word in text.split():
        if not word[:1].isupper():
            break
        words.append(word.strip(",.;:()"))
    return " ".join(words)


def subject_line(paragraphs: list[str]) -> tuple[str, str] | None:
    """What a decision did to its objectives ('ban hành', 'công bố') and its subject, from
    its subject line ('Về việc công bố Chính sách chất lượng, Mục tiêu chất lượng …')."""
    flat = (" ".join(p.split()) for p in paragraphs)
    subject = next((p for p in flat if re.match(r"(?i:về việc\s+)?(?i:ban hành|công bố)\b", p)
                    and "mục tiêu chất lượng" in p.lower()), None)
    if subject is None:
        return None
    subject = re.sub(r"(?i)^về việc\s+", "", subject)
    return " ".join(subject.lower().split()[:2]), subject
