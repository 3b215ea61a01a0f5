"""The proof of a drafted target: its plan rendered back into the words mtcl itself writes
for it (``core.words.plan_sentence``, the words of the reports) and compared, meaning for
meaning, with the decision's own words.

A value the decision reader drafts is written unmarked only when the rendering says the
same as the source: the same figures (years, periods, standards and document numbers are
never figures), the same comparison, unit, range, change on last year, share of an
estimate, period rule and horizon, the same grade.  Where the source says no comparison a
figure is aimed at from below (≥), and a figure of none is a ceiling (≤); a range with no
side said is the band mtcl itself writes 'từ a đến b'.  Whatever else the rendering says is
a difference, named by the key of the target it comes from.
"""

from __future__ import annotations

from decimal import Decimal

from mtcl.core.models import Target
from mtcl.core.numbers import format_number
from mtcl.core.phrases import Meaning, lower_is_better, meaning
from mtcl.core.words import plan_sentence


def said_comparison(said: Meaning, subject: str) -> str | None:
    """The comparison the words mean: as said; 'duy trì' a ceiling for a subject better low,
    else a floor; nothing said ≥ (≤ for a figure of none); a range with no side, none."""
    if said.comparison == "held":
        return "<=" if lower_is_better(subject) else ">="
    if said.comparison or said.range:
        return said.comparison
    return "<=" if said.zero or said.figures == (Decimal(0),) else ">="


def _figures(said: Meaning) -> str:
    return ", ".join(format_number(value) for value in said.figures) or "không có số"


def differences(target: Target, source: Meaning, subject: str, year: int) -> dict[str, str]:
    """What the target's plan, rendered as mtcl writes it, says otherwise than ``source``
    (the decision's words about ``subject``): key of the target → the difference."""
    words = plan_sentence(target)
    back = meaning(words, year, target.unit)
    heard = f"mtcl sẽ hiểu là '{words}'"
    found: dict[str, str] = {}
    if (source.figures, source.range, source.grade) != (back.figures, back.range, back.grade):
        found["plan"] = f"văn bản ghi số {_figures(source)}, {heard}"
    if said_comparison(source, subject) != said_comparison(back, subject):
        found["op"] = f"văn bản không nói so sánh này, {heard}"
    if source.unit != back.unit:
        found["unit"] = f"văn bản không ghi đơn vị '{target.unit}'"
    if (source.change, source.points) != (back.change, back.points):
        found["change"] = f"văn bản ghi '{source.change or 'không tăng giảm'}', {heard}"
    for key, mine, theirs in (("share_of", source.share, back.share), ("every", source.every, back.every),
                              ("by", source.by, back.by)):
        if mine != theirs:
            found[key] = heard
    return found
