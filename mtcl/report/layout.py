"""A rendered Word table's columns fitted to what they hold.

A template fixes its columns' widths before it knows the figures; on paper a column too narrow
for '1.936,49' breaks it as '1.936,4 / 9', and one too narrow for a heading's word breaks
the word.  After rendering, each column is widened to its longest number (whole) or word,
taking the room from the column that has the most to spare (the target's name, as a rule).
Widths are estimated from the characters' advance in Times New Roman, the documents' font.
"""

from __future__ import annotations

import re

from docx.oxml.ns import qn
from docx.shared import Twips

# Advance widths in ems (Times New Roman): enough to tell whether a word fits, not to typeset.
_NARROW, _DIGIT, _WIDE = ",.:;'() ", "0123456789", "%—–MW"
SAFETY = 1.1  # the estimate's margin: a word that seems to fit by a hair may not
CELL_PADDING = 216  # twips: the left and right margins of a cell (0,19 cm each)
DEFAULT_SIZE = 11.0  # points, when a cell's runs say nothing
_NUMBER = re.compile(r"(Ước )?[-−+]?[\d.,]+%?")  # a figure kept whole: '1.936,49', 'Ước 2,9', '98,5%'


def text_width(text: str, points: float) -> int:
    """The width of ``text`` set in ``points``, in twips."""
    ems = 0.0
    for char in text:
        if char in _NARROW:
            ems += 0.25
        elif char in _DIGIT:
            ems += 0.5
        elif char in _WIDE:
            ems += 0.9
        elif char.isupper():
            ems += 0.72
        else:
            ems += 0.5
    return round(ems * points * 20 * SAFETY)


SHORT = 8  # characters: a cell this short ('tỷ đồng', 'Ước 520') is kept on one line


def unbreakable(text: str) -> list[str]:
    """What may not be broken across lines: a figure or a short text whole, else each word."""
    text = text.strip()
    return [text] if _NUMBER.fullmatch(text) or len(text) <= SHORT else text.split()


def _size(tc) -> float:
    sizes = [int(s.get(qn("w:val"))) / 2 for s in tc.iter(qn("w:sz"))]
    return max(sizes) if sizes else DEFAULT_SIZE


def _text(tc) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))]


def needs(tbl) -> tuple[list[int], list[int]]:
    """Each grid column's least width (twips) for its single cells' longest figure or word,
    and the width that would set each of its lines whole."""
    columns = len(tbl.tblGrid.findall(qn("w:gridCol")))
    least, whole = [0] * columns, [0] * columns
    for tr in tbl.tr_lst:
        column = 0
        for tc in tr.tc_lst:
            if tc.grid_span == 1 and column < columns:
                size, lines = _size(tc), [line for line in _text(tc) if line.strip()]
                words = [w for line in lines for w in unbreakable(line)]
                if words:
                    least[column] = max(least[column], max(text_width(w, size) for w in words) + CELL_PADDING)
                    whole[column] = max(whole[column], max(text_width(x, size) for x in lines) + CELL_PADDING)
            column += tc.grid_span
    return least, whole


def fitted(widths: list[int], least: list[int], whole: list[int] | None = None) -> list[int]:
    """``widths`` with each column widened to ``least``, the room taken first from the
    columns wider than their whole lines (they lose nothing), then from those with most
    to spare above their own least; the table's width unchanged."""
    widths = list(widths)
    floors = [[max(a, b) for a, b in zip(least, whole)] if whole else least, least]
    for column, need in enumerate(least):
        for floor in floors:
            short = need - widths[column]
            while short > 0:
                spare = {j: widths[j] - floor[j] for j in range(len(widths)) if j != column and widths[j] > floor[j]}
                if not spare:
                    break
                donor = max(spare, key=spare.get)
                taken = min(short, spare[donor])
                widths[donor] -= taken
                widths[column] += taken
                short -= taken
    return widths


def fit_columns(document) -> None:
    """Every table of ``document`` (nested ones too) fitted to what its cells hold."""
    for tbl in document.element.body.iter(qn("w:tbl")):
        grid = tbl.tblGrid.findall(qn("w:gridCol"))
        widths = [int(col.get(qn("w:w"), 0)) for col in grid]
        if not widths or not all(widths):
            continue
        new = fitted(widths, *needs(tbl))
        if new == widths:
            continue
        for col, width in zip(grid, new):
            col.set(qn("w:w"), str(width))
        for tr in tbl.tr_lst:
            column = 0
            for tc in tr.tc_lst:
                span = tc.grid_span
                tc.width = Twips(sum(new[column:column + span]))
                column += span
