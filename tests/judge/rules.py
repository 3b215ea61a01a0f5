"""A second, deliberately simple evaluator of mtcl targets.

Written straight from the rule book RULES.md (the rule book) (sections 3, 4 and 5), sharing no
code with mtcl.  "§3", "§4", "§5.7b" … in the comments name the paragraph of the rule book that a
few lines implement.  Where the rule book can be read two ways, the choice made here is marked
``# READING:``.

Numbers
-------
Every number is a ``decimal.Decimal``; no float is ever made.

- YAML: the files are read with ``yaml.SafeLoader`` except that a YAML float scalar is turned into
  a Decimal straight from its text (``1936.49`` -> ``Decimal("1936.49")``), so nothing is rounded
  through binary.  YAML integers stay ``int`` and are turned into Decimal where used.
- JSON: ``value`` / ``of`` are strings ("2.6"); they are read with ``Decimal(text)``.
- Divisions (a ratio's ``value × 100 / of``, the pace line ``goal × day / days``, the milestone
  line) are done once, as the last step, in the default context (28 significant digits).  Each
  compared number is thus either exact or one correctly rounded quotient of small integers and
  short decimals; two such numbers that are equal as fractions come out equal, and two that differ
  differ by far more than the rounding, so every comparison below is the exact one.  (A sum of
  several rounded ratio quotients, a sum_of over `ratio` parts with `of`, is the one place where
  this argument fails; generate.py makes sums of cumulative targets only.)
"""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Context, Decimal, DivisionByZero, InvalidOperation, localcontext
from pathlib import Path
from typing import Any

import yaml

# --------------------------------------------------------------------------------------------
# Reading the files (§1)
# --------------------------------------------------------------------------------------------


# libyaml's SafeLoader when it is there (same YAML rules, only faster).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DecimalLoader(_SAFE_LOADER):  # type: ignore[misc, valid-type]
    """SafeLoader whose floats are Decimals made from the scalar's own text."""


def _yaml_float_as_decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal:
    # §1 "plain YAML numbers with a dot for decimals": the text of the scalar is the number.
    return Decimal(loader.construct_scalar(node).replace("_", ""))


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _yaml_float_as_decimal)


def load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_DecimalLoader)  # noqa: S506 - a SafeLoader subclass


def load_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def num(x: Any) -> Decimal:
    """A YAML or JSON number (int, Decimal or numeric text) as a Decimal."""
    if isinstance(x, bool):
        raise TypeError(f"not a number: {x!r}")
    return Decimal(str(x)) if not isinstance(x, Decimal) else x


@dataclass
class Folder:
    """One year's folder: its targets (id -> mapping as written) and its live records."""

    year: int
    targets: dict[str, dict]
    records: list[dict]  # in file order, withdrawn lines already removed


def read_folder(root: Path, year: int) -> Folder | None:
    folder = root / str(year)
    if not folder.is_dir():
        return None
    targets: dict[str, dict] = {}
    if (folder / "objectives.yaml").exists():
        doc = load_yaml(folder / "objectives.yaml")
        for objective in doc.get("objectives") or []:
            for target in objective.get("targets") or []:
                targets[str(target["id"])] = target
    # §1 withdrawals.jsonl: "the line with that ref is withdrawn: as if it had never been written".
    # READING: a folder's withdrawals.jsonl withdraws lines of that same folder's records.jsonl.
    withdrawn = {w["ref"] for w in load_jsonl(folder / "withdrawals.jsonl")}
    records = [r for r in load_jsonl(folder / "records.jsonl") if r.get("ref") not in withdrawn]
    return Folder(year, targets, records)


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------


def day_of_year(d: date) -> int:
    return d.timetuple().tm_yday


def days_in_year(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def last_day_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def months_before(d: date, n: int) -> date:
    """``d`` minus ``n`` months (§5.7b "month arithmetic, a month's last day clamped")."""
    # READING: the rule book's own example (E = 30/06 -> D < 01/04) only comes out of
    # "E − 3 months + 1 day" if 30/06 − 3 months is 31/03, i.e. a month's LAST day maps to the
    # last day of the month n months earlier; any other day keeps its number, cut down to the
    # length of the earlier month (30/05 − 3 months = 28/02, + 1 day = 01/03).  This differs from
    # "(E + 1 day) − 3 months" only for E = 28–30/05 (29–30/05 in a leap year), 30/07 and 30/12.
    month_index = d.year * 12 + (d.month - 1) - n
    year, month = divmod(month_index, 12)
    month += 1
    earlier_last = last_day_of_month(year, month)
    if d == last_day_of_month(d.year, d.month):
        return earlier_last
    return date(year, month, min(d.day, earlier_last.day))


def same_day_last_year(d: date) -> date:
    # §5.7c "the same day last year as D (29/02 -> 28/02)"
    if (d.month, d.day) == (2, 29):
        return date(d.year - 1, 2, 28)
    return date(d.year - 1, d.month, d.day)


# §2 milestones: "the end of that quarter / half / 9 months / month".
def milestone_date(key: str, year: int) -> date:
    if key == "q1":
        return date(year, 3, 31)
    if key == "h1":
        return date(year, 6, 30)
    if key == "9m":
        return date(year, 9, 30)
    if key.startswith("m"):
        return last_day_of_month(year, int(key[1:]))
    raise ValueError(f"unknown milestone {key!r}")


# §5.5 "the periods of the year (12 months, 4 quarters or 2 halves)"
def periods(every: str, year: int) -> list[tuple[date, date]]:
    months_per_period = {"month": 1, "quarter": 3, "half": 6}[every]
    out = []
    for first_month in range(1, 13, months_per_period):
        last_month = first_month + months_per_period - 1
        out.append((date(year, first_month, 1), last_day_of_month(year, last_month)))
    return out


# --------------------------------------------------------------------------------------------
# §3 The figure that counts at a date E
# --------------------------------------------------------------------------------------------


@dataclass
class Figure:
    value: Any  # Decimal for numbers, a grade (text) for rating, a bool for judged
    date: date  # D
    estimated: bool


def as_of(record: dict) -> date:
    return date.fromisoformat(record["as_of"])


def latest(records: list[dict]) -> dict | None:
    """§3: the latest date wins; of two with the same date, the one further down the file wins."""
    best = None
    for record in records:  # in file order, so ">=" lets a later line win a tie
        if best is None or as_of(record) >= as_of(best):
            best = record
    return best


def records_of(folder: Folder, target_id: str, on: date) -> list[dict]:
    # §3 "Only figures dated on or before E count."
    # READING: a record belongs to a target when its "target" is exactly the target's id text
    # (no case folding, no dd/đ folding: the tool writes the id itself); likewise the ids named by
    # sum_of and share_of.
    return [r for r in folder.records if r["target"] == target_id and as_of(r) <= on]


def definition(folder: Folder, target_id: str, fallback: dict[str, dict]) -> dict | None:
    # READING: a figure of last year's folder is read with last year's definition of that id
    # (kind, sum_of, items); when last year's objectives.yaml lacks the id (or is missing), this
    # year's definition is used to read last year's records.
    return folder.targets.get(target_id) or fallback.get(target_id)


def figure_at(folder: Folder | None, target_id: str, on: date, fallback: dict[str, dict]) -> Figure | None:
    if folder is None:
        return None
    target = definition(folder, target_id, fallback)
    if target is None:
        return None
    kind = target.get("kind")

    # §3 sum_of: every part must have a figure; the sum; D is the OLDEST part's date;
    # an estimate if any part is.
    # READING: a target with sum_of takes its figure from its parts only (its own lines, if any,
    # are not read).
    if target.get("sum_of"):
        parts = [figure_at(folder, part, on, fallback) for part in target["sum_of"]]
        if any(part is None for part in parts):
            return None
        return Figure(
            value=sum((part.value for part in parts), Decimal(0)),
            date=min(part.date for part in parts),
            estimated=any(part.estimated for part in parts),
        )

    records = records_of(folder, target_id, on)

    # §3 checklist: per item, its latest record dated <= E; the figure counts the items whose
    # latest record says met: true; D is the latest of those records' dates.
    # READING: "those records" are the latest record of EVERY item that has one (met or lost), so
    # a criterion lost later moves D; this is also what gives a figure of 0 a date.
    if kind == "checklist":
        latest_per_item = {}
        for item in target.get("items") or []:
            record = latest([r for r in records if r.get("item") == item])
            if record is not None:
                latest_per_item[item] = record
        if not latest_per_item:
            return None  # "no record for any item: no figure"
        chosen = list(latest_per_item.values())
        return Figure(
            value=Decimal(sum(1 for r in chosen if r["met"] is True)),
            date=max(as_of(r) for r in chosen),
            estimated=any(bool(r.get("estimated")) for r in chosen),
        )

    record = latest(records)
    if record is None:
        return None
    estimated = bool(record.get("estimated"))
    if kind == "rating":  # §3 "rating: the latest grade"
        return Figure(record["grade"], as_of(record), estimated)
    if kind == "judged":  # §3 "judged: the latest met"
        return Figure(record["met"] is True, as_of(record), estimated)
    value = num(record["value"])
    if kind == "ratio" and record.get("of") is not None:  # §1/§3 value × 100 / of
        value = value * 100 / num(record["of"])
    # ratio without of, cumulative, level: value.
    # READING: a `reference` target's figure is likewise its latest value.
    # READING: no figure is cut at 100 (§2 above_100 is read as a rule on the records, which mtcl
    # refuses otherwise; a sum of % parts is not capped either).
    return Figure(value, as_of(record), estimated)


# --------------------------------------------------------------------------------------------
# §4 The goal
# --------------------------------------------------------------------------------------------


def plan_ends(target: dict) -> tuple[Decimal, Decimal]:
    # §4 "Plain number: low = high = plan. Range: (low, high) = plan."
    plan = target["plan"]
    if isinstance(plan, list):
        return num(plan[0]), num(plan[1])
    return num(plan), num(plan)


def goal_at(this: Folder, last: Folder | None, target: dict, on: date) -> tuple[Decimal, Decimal] | str:
    """(low, high) in the target's unit, or the no_data reason ("base" / "reference")."""
    low, high = plan_ends(target)
    change = target.get("change")
    if change:
        # §2 base: "Without it: the figure of last year's folder for the same id on 31/12 of
        # last year."
        # READING: "on 31/12" is the figure that counts at 31/12 by §3 (the latest line dated on or
        # before it, e.g. a 30/11 line), not only a line dated 31/12 itself.
        if target.get("base") is not None:
            base = num(target["base"])
        else:
            last_figure = figure_at(last, str(target["id"]), date(this.year - 1, 12, 31), this.targets)
            if last_figure is None:
                return "base"  # §4 "No base available for a change target -> no_data (base)"
            base = last_figure.value
        if change == "percent":  # §4 base × (1 + plan_end / 100)
            return base * (1 + low / 100), base * (1 + high / 100)
        if change == "points":  # §4 base + plan_end
            return base + low, base + high
        raise ValueError(f"unknown change {change!r}")
    if target.get("share_of"):
        # §4 "(low, high) = figure of R at E × plan / 100"
        reference = figure_at(this, str(target["share_of"]), on, {})
        if reference is None:
            return "reference"
        return reference.value * low / 100, reference.value * high / 100
    return low, high


# --------------------------------------------------------------------------------------------
# §5 Statuses
# --------------------------------------------------------------------------------------------

HIGHER_IS_BETTER = (">=", ">", "between")
LOWER_IS_BETTER = ("<=", "<")


def satisfies(op: str, v: Decimal, low: Decimal, high: Decimal) -> bool:
    # §5 "Satisfies": >=: V ≥ low. >: V > low. <=: V ≤ high. <: V < high. between: low ≤ V ≤ high.
    if op == ">=":
        return v >= low
    if op == ">":
        return v > low
    if op == "<=":
        return v <= high
    if op == "<":
        return v < high
    if op == "between":
        return low <= v <= high
    raise ValueError(f"unknown op {op!r}")


def in_near_band(this: Folder, last: Folder | None, target: dict, on: date, v: Decimal) -> bool:
    # §5.6 near band: >=/>: M ≥ near_from; <=/<: M ≤ near_from, M the figure in the plan's unit
    # (§2 near_from).  No near_from: no band.
    # READING: M ≥ near_from is the figure against near_from taken to the figure's unit the way
    # the plan is (§4: base × (1 + x/100), base + x, reference × x / 100): the same comparison,
    # as base and reference are above 0.
    if target.get("near_from") is None:
        return False
    edge, _ = goal_at(this, last, {**target, "plan": target["near_from"]}, on)
    if target["op"] in (">=", ">"):
        return v >= edge
    if target["op"] in ("<=", "<"):
        return v <= edge
    return False  # `between` has no near band (§7)


def is_pace_judged(target: dict) -> bool:
    # §5 "cumulative (without every) or checklist, or has milestones (any kind)"
    kind = target["kind"]
    if target.get("milestones"):
        return True
    return (kind == "cumulative" and not target.get("every")) or kind == "checklist"


def counting_records(folder: Folder, target: dict) -> list[dict]:
    """The live lines that make up a target's figure (for §5.5 "no counting record")."""
    # READING: a "counting record" is any line of the target that is not withdrawn, even one that
    # a later line of the same date overrides.
    # READING: for a sum_of target (which has no lines of its own) a period is reported when any
    # line of any part is dated inside it.
    if target.get("sum_of"):
        out = []
        for part in target["sum_of"]:
            part_target = folder.targets.get(part, {"id": part})
            out += counting_records(folder, part_target)
        return out
    return [r for r in folder.records if r["target"] == str(target["id"])]


def expected_at(this: Folder, last: Folder | None, target: dict, d: date, low: Decimal, high: Decimal) -> Decimal:
    """§5.7c the expected value X at the figure's own date D."""
    higher = target["op"] in HIGHER_IS_BETTER
    goal_end = low if higher else high  # "goal end is low for higher-is-better, high for lower"
    day = day_of_year(d)  # "days elapsed = day of year of D" (X at the end of day D)
    days = days_in_year(this.year)

    if target.get("milestones"):
        # The straight line through (1 January, 0), each milestone at the last day of its period,
        # and (31 December, goal end).  x = days elapsed at the end of that day.
        # READING: the point (1 January, 0) is the start of the year, x = 0 days elapsed (so with no
        # milestone the line is the plain goal × day / days below); a milestone sits at the end of
        # its last day (31/03 -> x = 90) and 31/12 at x = days in the year.
        points = [(0, Decimal(0))]
        for key, value in sorted(target["milestones"].items(), key=lambda kv: milestone_date(kv[0], this.year)):
            points.append((day_of_year(milestone_date(key, this.year)), num(value)))
        points.append((days, goal_end))
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            if x0 < x1 and x0 <= day <= x1:
                return (y0 * (x1 - x0) + (y1 - y0) * (day - x0)) / (x1 - x0)  # one division
        raise AssertionError("day outside the year")

    if target.get("change") == "percent":
        # "a change: percent target whose last year's folder holds a figure for the same id
        # counting at the same day last year as D: X = that figure × (1 + plan_end/100)".
        # READING: "counting at" that day means the figure that counts there by §3 (the latest
        # line dated on or before it, however old), not only a line dated exactly that day.
        # READING: plan_end is the end of the plan that makes the goal end: low for
        # higher-is-better (and `between`), high for lower-is-better.
        plan_low, plan_high = plan_ends(target)
        plan_end = plan_low if higher else plan_high
        same_period = figure_at(last, str(target["id"]), same_day_last_year(d), this.targets)
        if same_period is not None:
            return same_period.value * (1 + plan_end / 100)

    # X = goal end × day of year of D / days in the year (a checklist: goal end is its plan).
    return goal_end * day / days


def judge_target(this: Folder, last: Folder | None, target: dict, on: date) -> dict:
    target_id = str(target["id"])
    kind = target["kind"]
    year_end = on == date(this.year, 12, 31)
    out: dict[str, Any] = {"status": None, "reason": None, "figure": None, "date": None,
                           "goal": None, "expected": None}

    def answer(status: str, reason: str | None = None) -> dict:
        out["status"], out["reason"] = status, reason
        return out

    fig = figure_at(this, target_id, on, {})
    # §5.1 No figure at E -> no_data (rating, judged likewise).
    if fig is None:
        return answer("no_data", "figure")
    out["figure"], out["date"] = fig.value, fig.date

    # §5.3 rating / judged (no goal for them, so §5.2 never applies).
    if kind == "rating":
        scale = list(target["scale"])
        # READING: a grade's standing is its first position in `scale` (lowest first).
        return answer("met" if scale.index(fig.value) >= scale.index(target["plan"]) else "not_met")
    if kind == "judged":
        return answer("met" if fig.value else "not_met")

    # §5.2 No goal (change without base, share_of without reference figure) -> no_data.
    goal = goal_at(this, last, target, on)
    if isinstance(goal, str):
        return answer("no_data", goal)
    low, high = goal
    out["goal"] = (low, high)
    v = fig.value
    op = target["op"]

    # §5.4 `by` later than the year: met if V satisfies, else in_progress.
    if target.get("by") is not None and int(target["by"]) > this.year:
        return answer("met" if satisfies(op, v, low, high) else "in_progress")

    # §5.5 every month / quarter / half.
    if target.get("every"):
        lines = counting_records(this, target)

        def cum(x: date) -> Decimal:  # the figure that counts at x, 0 if none
            f = figure_at(this, target_id, x, {})
            return f.value if f is not None else Decimal(0)

        missed = unreported = False
        previous_end = None
        for start, end in periods(target["every"], this.year):
            if end > on:
                break
            if not any(start <= as_of(r) <= end for r in lines):
                unreported = True
            else:
                before = cum(previous_end) if previous_end is not None else Decimal(0)  # 0 at 1 January
                if not satisfies(op, cum(end) - before, low, high):
                    missed = True
            previous_end = end
        if missed:
            return answer("not_met")
        if unreported:
            return answer("no_data", "period")
        return answer("met" if year_end else "on_track")

    # §5.6 Not pace-judged: met / near / not_met (a pace-judged target at year end: after 7a, 7b).
    def on_the_plan():
        if satisfies(op, v, low, high):
            return answer("met")
        if in_near_band(this, last, target, on, v):
            return answer("near")
        return answer("not_met")

    if not is_pace_judged(target):
        return on_the_plan()

    # §5.7 Pace-judged: at year end only 7a and 7b, then §5.6.  (§5.8: no near band before it.)
    higher = op in HIGHER_IS_BETTER
    # 7a
    if higher:
        if satisfies(op, v, low, high):
            return answer("met")
        if op == "between" and v > high:
            return answer("not_met")
    else:
        if (op == "<=" and v > high) or (op == "<" and v >= high):
            return on_the_plan() if year_end else answer("not_met")
    # 7b: not a checklist and D < E − 3 months + 1 day -> no_data (period).
    if kind != "checklist" and fig.date < months_before(on, 3) + timedelta(days=1):
        return answer("no_data", "period")
    if year_end:
        return on_the_plan()
    # 7c / 7d
    x = expected_at(this, last, target, fig.date, low, high)
    out["expected"] = x
    if higher:
        return answer("on_track" if v >= x else "behind")
    return answer("on_track" if v <= x else "over_pace")


# --------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------


def judge_details(root: Path, year: int, on: date) -> dict[str, dict]:
    """Per target (not `reference`): status, reason, figure V, its date D, goal (low, high), X."""
    root = Path(root)
    # A context of our own: 28 digits, whatever a caller in the same process has set.
    with localcontext(Context(prec=28, rounding=ROUND_HALF_EVEN, traps=[InvalidOperation, DivisionByZero])):
        this = read_folder(root, year)
        if this is None:
            raise FileNotFoundError(root / str(year))
        last = read_folder(root, year - 1)
        return {
            target_id: judge_target(this, last, target, on)
            for target_id, target in this.targets.items()
            if target.get("kind") != "reference"  # §2 reference: never judged
        }


def judge_folder(root: Path, year: int, on: date) -> dict[str, str]:
    """{target id: status} for every target that is not of kind `reference`."""
    return {target_id: d["status"] for target_id, d in judge_details(root, year, on).items()}
