"""Property tests: no figure, date or string crashes the core, and statuses obey the rules."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from mtcl.core.attainment import RecordIndex, evaluate, satisfies
from mtcl.core.errors import UserError
from mtcl.core.figures import FigureRecord
from mtcl.core.goals import period_start
from mtcl.core.models import Target
from mtcl.core.numbers import parse_date, parse_number

figures = st.decimals(min_value=0, max_value=Decimal("1e9"), allow_nan=False, allow_infinity=False, places=3)
days = st.dates(min_value=date(2023, 1, 1), max_value=date(2023, 12, 31))


@st.composite
def targets(draw):
    kind = draw(st.sampled_from(["ratio", "cumulative", "level"]))
    op = draw(st.sampled_from([">=", ">", "<="]))
    plan = draw(figures.filter(lambda v: v <= 100) if kind == "ratio" else figures)
    return Target(id="t", name="t", unit="%" if kind == "ratio" else "tấn", plan=plan, op=op, kind=kind)


@st.composite
def records(draw):
    value = draw(figures.filter(lambda v: v <= 100))
    total = draw(st.none() | st.decimals(min_value=1, max_value=10**6, places=0))
    if total is not None and value > total:
        value = total
    return FigureRecord(target="t", as_of=draw(days), value=value, of=total, estimated=draw(st.booleans()),
                        by="p", recorded_at=datetime(2023, 1, 1, tzinfo=timezone.utc)
                        + timedelta(minutes=draw(st.integers(0, 10**6))))


@settings(max_examples=300)
@given(targets(), st.lists(records(), max_size=8), days)
def test_statuses_obey_the_comparison(target, recorded, on):
    (evaluation,) = evaluate([target], RecordIndex(recorded), on)
    counted = [r for r in recorded if r.as_of <= on]
    if not counted:
        assert evaluation.status == "no_data" and evaluation.figure is None
        return
    # the latest dated; among the same date, the one further down the file (never the clock)
    _, latest = max(enumerate(counted), key=lambda pair: (pair[1].as_of, pair[0]))
    assert evaluation.figure.records[0] is latest
    met = satisfies(evaluation.actual, target.op, target.plan)
    year_end = on == date(2023, 12, 31)
    paced = target.kind == "cumulative" and not year_end
    if evaluation.status == "no_data":  # a running total's figure too old for the period's pace
        assert paced and evaluation.reason == "period" and latest.as_of < period_start(on)
    elif paced and target.op == "<=" and met:  # a ceiling not yet passed: its pace, not a verdict
        assert evaluation.status in ("on_track", "over_pace")
    else:
        assert (evaluation.status == "met") == met
    if evaluation.status in ("on_track", "behind"):
        assert paced and (target.op != "<=" or evaluation.status == "on_track")
    if evaluation.status == "over_pace":
        assert paced and target.op == "<="
    if target.op == "<=":
        assert evaluation.attainment is None


@settings(max_examples=500)
@given(st.text(max_size=30))
def test_no_string_crashes_the_readers(text):
    for reader in (parse_number, parse_date):
        try:
            reader(text)
        except UserError as error:
            # refused in words that quote what was typed, with a hint on how to write it
            assert f"'{text}'" in error.message and error.hint
