"""Random but valid mtcl data roots (rule book RULES.md (the rule book), section 7).

``random_year(rng, root, year)`` writes ``root/<year>/`` (objectives.yaml, plan.yaml,
records.jsonl, withdrawals.jsonl) and often ``root/<year-1>/`` (last year's targets and figures),
and returns 10–30 evaluation dates inside the year.  ``random_case(rng, root)`` does the same for
2023 or, one time in three, the leap year 2024.  ``check_valid(root, year)`` asserts the rules of
section 7 that can be checked on the files.

The generator aims at the edges of sections 3–5: figures exactly on the plan and one hundredth
(one unit, for counts) away, exactly on the pace line X, same-date pairs (file order decides),
back-dated lines, withdrawn lines, figures three months old give or take a day, missed and
unreported periods, sums whose parts are dated differently, references with no figure yet.

Every number is a Decimal; the YAML gets an int, or a float whose repr is the exact decimal (at
most 2 decimals); records get the decimal text ("2.6", "431").
"""

from __future__ import annotations

import calendar
import json
import random
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import yaml

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
WHOLE_UNITS = {"vụ", "người", "lượt", "cuộc", "hộ", "hồ sơ", "tiêu chí"}
CENT = Decimal("0.01")
D = Decimal


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def fmt(x: Decimal) -> str:
    """Decimal text for records.jsonl: "2.6", "431", "-1.5" (never an exponent)."""
    x = D(x)
    if x == x.to_integral_value():
        return str(int(x))
    return format(x.normalize(), "f")


def plain(x: Any) -> Any:
    """Decimals -> int or float (exact at <= 2 decimals) for yaml.safe_dump, recursively."""
    if isinstance(x, Decimal):
        if x == x.to_integral_value():
            return int(x)
        assert x == x.quantize(CENT), x
        as_float = float(x)
        assert D(repr(as_float)) == x, x
        return as_float
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, list):
        return [plain(v) for v in x]
    return x


def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def doy(d: date) -> int:
    return d.timetuple().tm_yday


def ndays(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def add_months(d: date, n: int) -> date:
    index = d.year * 12 + d.month - 1 + n
    y, m = divmod(index, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


MILESTONE_MONTH = {"q1": 3, "h1": 6, "9m": 9, **{f"m{k}": k for k in range(1, 12)}}


def milestone_day(key: str, year: int) -> date:
    return last_day(year, MILESTONE_MONTH[key])


class _DecimalLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader reading YAML floats as Decimals from their text (kept apart from rules.py)."""


_DecimalLoader.add_constructor(
    "tag:yaml.org,2002:float", lambda loader, node: D(loader.construct_scalar(node).replace("_", ""))
)


def _load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_DecimalLoader)  # noqa: S506


def _load_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# --------------------------------------------------------------------------------------------
# The year being built
# --------------------------------------------------------------------------------------------


class _Year:
    def __init__(self, rng: random.Random, year: int, refs: set[str]):
        self.rng = rng
        self.year = year
        self.refs = refs  # shared by this year and last year: refs are unique everywhere
        self.lines: dict[str, list[dict]] = {}  # target id -> its records, in its file order
        self.withdrawals: list[dict] = []

    # -- records ---------------------------------------------------------------------------

    def new_ref(self) -> str:
        while True:
            ref = "SL-" + "".join(self.rng.choice(ALPHABET) for _ in range(8))
            if ref not in self.refs:
                self.refs.add(ref)
                return ref

    def record(self, target_id: str, on: date, **fields: Any) -> dict:
        line = {"ref": self.new_ref(), "target": target_id, "as_of": on.isoformat()}
        line.update(fields)
        line["estimated"] = self.rng.random() < 0.2
        line["by"] = self.rng.choice(["Thu", "Nguyễn Thị Thu", "Lan"])
        line["recorded_at"] = f"{self.year}-07-01T00:00:00Z"
        self.lines.setdefault(target_id, []).append(line)
        return line

    def interleaved(self) -> list[dict]:
        """All records, targets mixed, each target's own lines kept in their order."""
        queues = [list(lines) for lines in self.lines.values() if lines]
        out = []
        while queues:
            queue = self.rng.choice(queues)
            out.append(queue.pop(0))
            if not queue:
                queues.remove(queue)
        return out

    def withdraw_some(self, share: float) -> None:
        for lines in self.lines.values():
            for line in lines:
                if self.rng.random() < share:
                    self.withdrawals.append({"ref": line["ref"], "reason": "ghi nhầm", "by": "Thu",
                                             "recorded_at": f"{self.year}-12-31T00:00:00Z"})

    # -- dates -----------------------------------------------------------------------------

    def nice_days(self) -> list[date]:
        """Days where goal × day / days is a short decimal: 1/5ths of 365, 1/6ths of 366."""
        if calendar.isleap(self.year):
            marks = [61, 122, 183, 244, 305]
        else:
            marks = [73, 146, 219, 292]
        return [date(self.year, 1, 1) + timedelta(days=m - 1) for m in marks]

    def some_day(self) -> date:
        r = self.rng.random()
        y = self.year
        if r < 0.35:
            return last_day(y, self.rng.randint(1, 12))
        if r < 0.5:
            return last_day(y, self.rng.choice([3, 6, 9, 12]))
        if r < 0.62:
            return self.rng.choice(self.nice_days())
        if r < 0.68:
            return self.rng.choice([date(y, 1, 1), date(y, 2, 28), date(y, 3, 1), date(y, 4, 1)]
                                   + ([date(y, 2, 29)] if calendar.isleap(y) else []))
        return date(y, 1, 1) + timedelta(days=self.rng.randrange(ndays(y)))

    def some_days(self, n: int) -> list[date]:
        return sorted(self.some_day() for _ in range(n))


# --------------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------------


class _Shape:
    """What the generator means a numeric target to be, to aim its figures at the edges."""

    def __init__(self, target: dict, year: int, low: Decimal | None, high: Decimal | None,
                 ly: list[tuple[date, Decimal]] | None = None):
        self.t = target
        self.year = year
        self.low, self.high = low, high  # the goal as the generator knows it (None: unknown)
        self.ly = ly or []  # last year's (date, value) lines of this id, in file order
        self.step = D(1) if target.get("unit") in WHOLE_UNITS else CENT
        if target["kind"] == "checklist":
            self.step = D(1)
        self.higher = target.get("op") in (">=", ">", "between")

    def end(self) -> Decimal | None:
        return self.low if self.higher else self.high

    def ly_at(self, d: date) -> Decimal | None:
        if (d.month, d.day) == (2, 29):
            d = date(d.year - 1, 2, 28)
        else:
            d = date(d.year - 1, d.month, d.day)
        best = None
        for day, value in self.ly:
            if day <= d and (best is None or day >= best[0]):
                best = (day, value)
        return best[1] if best else None

    def pace(self, d: date) -> Decimal | None:
        """The generator's own idea of the pace line at d (exact where the rule book is)."""
        end = self.end()
        if end is None:
            return None
        x = doy(d)
        if self.t.get("milestones"):
            points = [(0, D(0))] + sorted(
                (doy(milestone_day(k, self.year)), D(v)) for k, v in self.t["milestones"].items()
            ) + [(ndays(self.year), end)]
            for (x0, y0), (x1, y1) in zip(points, points[1:]):
                if x0 < x1 and x0 <= x <= x1:
                    return (y0 * (x1 - x0) + (y1 - y0) * (x - x0)) / (x1 - x0)
        if self.t.get("change") == "percent":
            same = self.ly_at(d)
            if same is not None:
                plan = self.t["plan"]
                p = D(plan[0] if self.higher else plan[1]) if isinstance(plan, list) else D(plan)
                return same * (1 + p / 100)
        return end * x / ndays(self.year)

    def candidates(self, d: date, rng: random.Random) -> list[Decimal]:
        s = self.step
        out: list[Decimal] = []
        # a pace-judged target reaches its plan late in the year, if at all
        late = not self.pace_judged() or rng.random() < doy(d) / ndays(self.year)
        for edge in (self.low, self.high, self.t.get("near_from")):
            if edge is not None and late:
                edge = D(edge)
                out += [edge, edge - s, edge + s]
        pace = self.pace(d) if self.pace_judged() else None
        if pace is not None:
            on_line = pace.quantize(s, ROUND_HALF_UP)
            out += [on_line, on_line - s, on_line + s] * (3 if on_line == pace else 1)
            out += [on_line * D(f) for f in ("0.5", "0.8", "0.9", "1.1", "1.3")]
            for k, v in (self.t.get("milestones") or {}).items():
                if milestone_day(k, self.year) == d:
                    out += [D(v)] * 3 + [D(v) - s, D(v) + s]
        return out

    def pace_judged(self) -> bool:
        k = self.t["kind"]
        return bool(self.t.get("milestones")) or (k == "cumulative" and not self.t.get("every")) or k == "checklist"

    def fit(self, v: Decimal) -> Decimal:
        """Make a value valid for the target (section 7, records)."""
        v = D(v).quantize(self.step, ROUND_HALF_UP)
        if not self.t.get("signed") and v < 0:
            v = D(0)
        if self.t.get("unit") == "%" and self.t["kind"] in ("ratio", "level") and not self.t.get("above_100"):
            v = min(v, D(100))
        return v


def numeric_lines(y: _Year, target: dict, shape: _Shape, how_many: int | None = None) -> None:
    """Figures of a ratio / level / cumulative target: a trend with edge values mixed in."""
    rng = y.rng
    if how_many is None:
        how_many = rng.choice([0, 1, 2, 3, 3, 4, 4, 5, 5, 6, 8, 10])
    days = y.some_days(how_many)
    if days and rng.random() < 0.3:  # an early first figure
        days[0] = rng.choice([date(y.year, 1, 1), date(y.year, 1, 31), date(y.year, 2, 15)])
        days.sort()
    for day in days:
        options = shape.candidates(day, rng)
        if options and rng.random() < 0.6:
            value = rng.choice(options)
        else:
            value = trend(shape, day, rng)
        value = shape.fit(value)
        write_number(y, target, day, value, shape)
        if rng.random() < 0.15:  # a second (and third) figure on the same date: file order decides
            for _ in range(rng.choice([1, 1, 2])):
                write_number(y, target, day, shape.fit(trend(shape, day, rng)), shape)
    if days and rng.random() < 0.15:  # a back-dated line further down the file: the date decides
        write_number(y, target, rng.choice(days) - timedelta(days=rng.randint(1, 20)),
                     shape.fit(trend(shape, days[-1], rng)), shape)


def trend(shape: _Shape, day: date, rng: random.Random) -> Decimal:
    kind = shape.t["kind"]
    base = shape.end()
    if base is None:
        base = D(rng.choice([10, 42, 98, 1250]))
    if shape.pace_judged() and kind != "checklist":
        base = shape.pace(day) or base
    factor = D(rng.choice(["0.7", "0.85", "0.95", "0.99", "1", "1.01", "1.05", "1.2"]))
    value = base * factor
    if shape.t.get("signed") and rng.random() < 0.2:
        value = -abs(value) - D(1)
    if shape.t.get("above_100") and rng.random() < 0.15:
        value = D(100) + D(rng.randint(1, 30))
    return value


def write_number(y: _Year, target: dict, day: date, value: Decimal, shape: _Shape) -> None:
    if day.year != y.year:
        day = date(y.year, 1, 1)
    if target["kind"] == "ratio" and y.rng.random() < 0.7:
        # value × 100 / of: a count of successes over a total
        of = D(y.rng.choice([100, 200, 50, 1250, 400, 17, 36, 12, 1000, 250, 40]))
        count = value * of / 100
        if count != count.to_integral_value():
            if y.rng.random() < 0.5:
                of = D(10000)  # exact for any 2-decimal percentage
                count = value * 100
            else:
                count = count.quantize(D(1), ROUND_HALF_UP)
        count = min(max(count, D(0)), of)
        y.record(target["id"], day, value=fmt(count), of=fmt(of))
    else:
        y.record(target["id"], day, value=fmt(value))


# --------------------------------------------------------------------------------------------
# Target makers: each adds one or more targets (with their figures made later)
# --------------------------------------------------------------------------------------------


def q(x: Any) -> Decimal:
    return D(str(x))


class _Builder:
    def __init__(self, rng: random.Random, year: int, with_last_year: bool):
        self.rng = rng
        self.year = year
        self.with_last = with_last_year
        self.refs: set[str] = set()
        self.this = _Year(rng, year, self.refs)
        self.last = _Year(rng, year - 1, self.refs)
        self.targets: list[dict] = []  # this year's targets, in order
        self.plans: dict[str, Any] = {}  # id -> how its figures are made (a callable)
        self.last_targets: list[dict] = []
        self.ly_lines: dict[str, list[tuple[date, Decimal]]] = {}
        self.ly_plan: dict[str, tuple[str, Decimal]] = {}  # change targets: last year's lines, final value
        self.counter = 0

    # -- ids -------------------------------------------------------------------------------

    def ids(self, n: int) -> list[str]:
        out = []
        for _ in range(n):
            self.counter += 1
            out.append(f"#{self.counter}")  # placeholder, renamed when grouped into objectives
        return out

    def add(self, target: dict, make) -> None:
        self.targets.append(target)
        self.plans[target["id"]] = make

    # -- near_from -------------------------------------------------------------------------

    def maybe_near(self, t: dict, low: Decimal, high: Decimal, cap: Decimal | None = None) -> None:
        if t["op"] == "between" or self.rng.random() < 0.55:
            return
        gap = q(self.rng.choice(["1", "2", "5", "0.5"]))
        if t.get("unit") in WHOLE_UNITS or t["kind"] == "checklist":
            gap = q(self.rng.choice([1, 2, 3]))
        if t["op"] in (">=", ">"):
            near = low - gap
            if near >= 0 or t.get("signed"):
                t["near_from"] = near
        else:
            near = high + gap
            if cap is None or near <= cap:
                t["near_from"] = near

    # -- makers ----------------------------------------------------------------------------

    def ratio(self) -> None:
        rng = self.rng
        (tid,) = self.ids(1)
        style = rng.choice(["hib", "hib", "hib", "lib", "range", "milestones"])
        t: dict[str, Any] = {"id": tid, "name": "", "unit": "%", "kind": "ratio"}
        if style == "hib":
            t["name"] = rng.choice(["Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "Tỷ lệ hài lòng của người dân",
                                    "Tỷ lệ văn bản ký số", "Tỷ lệ đơn thư được giải quyết"])
            plan = q(rng.choice([100, 98, 95, 90, 85, 50, "97.5"]))
            op = ">" if plan < 100 and rng.random() < 0.25 else ">="
            t.update(plan=plan, op=op)
            self.maybe_near(t, plan, plan)
        elif style == "lib":
            t["name"] = rng.choice(["Tỷ lệ hồ sơ trễ hạn", "Tỷ lệ văn bản phải sửa đổi"])
            plan = q(rng.choice([1, 2, 5, "3.5"]))
            t.update(plan=plan, op=rng.choice(["<=", "<=", "<"]))
            self.maybe_near(t, plan, plan, cap=D(100))
        elif style == "range":
            op = rng.choice([">=", "<=", "between"])
            plan = {">=": [q(80), q(90)], "<=": [q(1), q(3)], "between": [q(95), q("98.5")]}[op]
            t.update(name="Tỷ lệ (khoảng)", plan=plan, op=op)
            self.maybe_near(t, plan[0], plan[1], cap=D(100))
        else:
            t.update(name="Tỷ lệ giải ngân vốn đầu tư công", plan=q(95), op=rng.choice([">=", ">"]),
                     milestones=self.milestones(q(95), D(1)))
        low, high = (t["plan"] if isinstance(t["plan"], list) else [t["plan"]] * 2)
        self.add(t, lambda y, t=t, low=low, high=high: numeric_lines(y, t, _Shape(t, y.year, low, high)))

    def level(self) -> None:
        rng = self.rng
        (tid,) = self.ids(1)
        style = rng.choice(["poverty", "labour", "growth", "income", "children", "signed", "milestones", "income_range"])
        t: dict[str, Any] = {"id": tid, "kind": "level"}
        if style == "poverty":
            t.update(name="Tỷ lệ hộ nghèo", unit="%", plan=q("3.37"), op=rng.choice(["<=", "<"]))
        elif style == "labour":
            t.update(name="Tỷ lệ lao động qua đào tạo", unit="%", plan=q("84.5"), op=">=")
        elif style == "growth":
            t.update(name="Tỷ lệ tăng dân số tự nhiên", unit="%",
                     **rng.choice([{"plan": q("0.9"), "op": "<="}, {"plan": [q("0.8"), q("1")], "op": "between"}]))
        elif style == "income":
            t.update(name="Thu nhập bình quân đầu người", unit="triệu đồng", plan=q(42), op=">=")
        elif style == "income_range":
            t.update(name="Thu nhập bình quân đầu người (khoảng)", unit="triệu đồng", plan=[q(40), q(44)], op=">=")
        elif style == "children":
            t.update(name="Số con trung bình của một phụ nữ", unit="con", plan=[q("1.8"), q("2.1")], op="between")
        elif style == "signed":
            t.update(name="Tốc độ tăng trưởng giá trị sản xuất", unit="%", signed=True, above_100=True,
                     **rng.choice([{"plan": q("7.5"), "op": ">="}, {"plan": q("-0.5"), "op": "<="},
                                   {"plan": [q(7), q(8)], "op": ">="}]))
        else:
            t.update(name="Tỷ lệ người dân tham gia bảo hiểm y tế", unit="%", plan=q(95), op=">=",
                     milestones=self.milestones(q(95), D(1)))
        low, high = (t["plan"] if isinstance(t["plan"], list) else [t["plan"]] * 2)
        if "milestones" not in t:
            self.maybe_near(t, low, high, cap=D(100) if t["unit"] == "%" else None)
        self.add(t, lambda y, t=t, low=low, high=high: numeric_lines(y, t, _Shape(t, y.year, low, high)))

    def cumulative(self) -> None:
        rng = self.rng
        (tid,) = self.ids(1)
        name, unit, plan = rng.choice([
            ("Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", q("5.57")),
            ("Sản lượng lương thực", "tấn", q("1936.49")),
            ("Khách du lịch nội địa", "lượt", q(78000)),
            ("Người lao động đi làm việc ở nước ngoài", "người", q(10)),
            ("Tổng mức bán lẻ hàng hóa và dịch vụ", "tỷ đồng", q("81.52")),
            ("Tổng vốn đầu tư toàn xã hội", "tỷ đồng", q("101.71")),
            ("Hồ sơ tiếp nhận trực tuyến", "hồ sơ", q(365)),
            ("Sản lượng (chia hết)", "tấn", q(730)),
        ])
        t: dict[str, Any] = {"id": tid, "name": name, "unit": unit, "kind": "cumulative"}
        style = rng.choice(["hib", "hib", "ceiling", "range"])
        if style == "hib":
            t.update(plan=plan, op=rng.choice([">=", ">=", ">=", ">"]))
        elif style == "ceiling":
            t.update(name=rng.choice(["Số vụ tai nạn giao thông", "Số vụ cháy nổ", "Số vụ vi phạm môi trường"]),
                     unit="vụ", plan=q(rng.choice([45, 12, 6, 365])), op=rng.choice(["<=", "<=", "<"]))
        else:
            op = rng.choice([">=", "<=", "between"])
            t.update(plan=[plan, plan + q(rng.choice([1, 5, 10, 100]))], op=op)
        low, high = (t["plan"] if isinstance(t["plan"], list) else [t["plan"]] * 2)
        end = low if t["op"] in (">=", ">", "between") else high
        if rng.random() < 0.4:
            t["milestones"] = self.milestones(end, D(1) if t["unit"] in WHOLE_UNITS else CENT)
        self.maybe_near(t, low, high)
        self.add(t, lambda y, t=t, low=low, high=high: numeric_lines(y, t, _Shape(t, y.year, low, high)))

    def change(self) -> None:
        """change: percent (rises and falls, with and without base) and change: points."""
        rng = self.rng
        (tid,) = self.ids(1)
        style = rng.choice(["cum_rise", "cum_rise", "cum_fall", "cum_points", "level_points", "level_percent"])
        t: dict[str, Any] = {"id": tid}
        if style == "cum_rise":
            t.update(name="Tổng vốn đầu tư toàn xã hội tăng so với năm trước", unit="tỷ đồng", kind="cumulative",
                     change="percent", op=">=", plan=rng.choice([q(10), q(15), [q(8), q(10)]]))
            ly_final = q(rng.choice(["92.5", "100", "80", "36.5"]))
        elif style == "cum_fall":
            t.update(name="Số vụ tai nạn giao thông giảm so với năm trước", unit="vụ", kind="cumulative",
                     change="percent", op=rng.choice(["<=", "<"]), plan=q(rng.choice([-10, -20, -50])))
            ly_final = q(rng.choice([40, 50, 20]))
        elif style == "cum_points":
            t.update(name="Số hộ được hỗ trợ nhà ở tăng thêm", unit="hộ", kind="cumulative",
                     change="points", op=">=", plan=q(rng.choice([20, 5])))
            ly_final = q(rng.choice([100, 30]))
        elif style == "level_points":
            t.update(name="Tỷ lệ hộ nghèo giảm", unit="%", kind="level", change="points",
                     op=rng.choice(["<=", "<"]), plan=q(rng.choice(["-1.5", "-1", "-0.5"])))
            ly_final = q(rng.choice(["4.2", "3", "5.5"]))
        else:
            t.update(name="Thu nhập bình quân đầu người tăng", unit="triệu đồng", kind="level",
                     change="percent", op=">=", plan=rng.choice([q(10), [q(8), q(10)]]))
            ly_final = q(rng.choice([38, 40, "36.5"]))
        with_base = rng.random() < (0.4 if self.with_last else 0.75)
        if with_base:
            t["base"] = ly_final
        p_low, p_high = (t["plan"] if isinstance(t["plan"], list) else [t["plan"]] * 2)
        if t["change"] == "percent":
            low, high = ly_final * (1 + p_low / 100), ly_final * (1 + p_high / 100)
        else:
            low, high = ly_final + p_low, ly_final + p_high
        end = low if t["op"] in (">=", ">") else high
        if with_base and t["kind"] == "cumulative" and rng.random() < 0.35:
            step = D(1) if t["unit"] in WHOLE_UNITS else CENT
            ms = self.milestones(end, step)
            ms = {k: v for k, v in ms.items() if v * 100 >= end}  # each at least 1/100 of the goal
            if ms:
                t["milestones"] = ms
        # Last year's figures of this id (for base and the same-period figure).
        ly_state = rng.choice(["full", "full", "full", "only_end", "none"])
        self.ly_plan[tid] = (ly_state, ly_final)

        def make(y: _Year, t=t, low=low, high=high, tid=tid) -> None:
            # (when the goal cannot be known, base = last year's intended figure still gives
            # figures of a plausible size)
            numeric_lines(y, t, _Shape(t, y.year, low, high, ly=self.ly_lines.get(tid)))

        self.add(t, make)

    def every(self) -> None:
        rng = self.rng
        (tid,) = self.ids(1)
        period = rng.choice(["month", "quarter", "quarter", "half"])
        if rng.random() < 0.75:
            t = {"id": tid, "name": "Số cuộc kiểm tra an toàn thực phẩm", "unit": "cuộc", "kind": "cumulative",
                 "plan": q({"month": 1, "quarter": rng.choice([1, 2]), "half": 3}[period]),
                 "op": rng.choice([">=", ">=", ">"]), "every": period}
        else:
            t = {"id": tid, "name": "Số vụ vi phạm trật tự đô thị", "unit": "vụ", "kind": "cumulative",
                 "plan": q(rng.choice([2, 3])), "op": rng.choice(["<=", "<"]), "every": period}
        self.add(t, lambda y, t=t: every_lines(y, t))

    def by(self) -> None:
        rng = self.rng
        (tid,) = self.ids(1)
        by = self.year + rng.choice([0, 1, 2, 2, 3, 10])
        if rng.random() < 0.5:
            t = {"id": tid, "name": "Tỷ lệ hộ dân sử dụng nước sạch", "unit": "%", "kind": "level",
                 "plan": q(100), "op": ">=", "by": by}
        else:
            t = {"id": tid, "name": "Đường giao thông nông thôn được cứng hóa", "unit": "km",
                 "kind": "cumulative", "plan": q(12), "op": ">=", "by": by}
        p = t["plan"]
        self.add(t, lambda y, t=t, p=p: numeric_lines(y, t, _Shape(t, y.year, p, p)))

    def checklist(self) -> None:
        rng = self.rng
        (tid,) = self.ids(1)
        items = rng.sample(["Giao thông", "Trường học", "Thu nhập", "Y tế", "Môi trường", "Văn hóa",
                            "Thủy lợi", "Điện"], rng.randint(1, 6))
        plan = q(rng.randint(1, len(items))) if rng.random() < 0.8 else q(len(items))
        t = {"id": tid, "name": "Tiêu chí nông thôn mới đạt chuẩn", "unit": "tiêu chí", "kind": "checklist",
             "plan": plan, "op": ">=", "items": items}
        self.maybe_near(t, plan, plan)
        self.add(t, lambda y, t=t: checklist_lines(y, t))

    def sum_of(self) -> None:
        rng = self.rng
        n = rng.choice([2, 2, 3])
        whole_id, *part_ids = self.ids(n + 1)
        unit = rng.choice(["tấn", "tỷ đồng", "lượt"])
        op = rng.choice([">=", ">=", ">"])
        parts = []
        for part_id in part_ids:
            plan = q(rng.choice([192, 802, "45.5", 10, 365, 73]))
            if unit in WHOLE_UNITS:
                plan = plan.quantize(D(1))
            parts.append({"id": part_id, "name": "Trong đó: phần", "unit": unit, "kind": "cumulative",
                          "plan": plan, "op": op})
        total = sum((p["plan"] for p in parts), D(0))
        whole = {"id": whole_id, "name": "Tổng sản lượng (bằng tổng các phần)", "unit": unit, "kind": "cumulative",
                 "plan": total, "op": op, "sum_of": list(part_ids)}
        self.maybe_near(whole, total, total)
        self.add(whole, lambda y: None)  # its figure is its parts' sum: no lines of its own
        for p in parts:
            self.add(p, lambda y, p=p: numeric_lines(y, p, _Shape(p, y.year, p["plan"], p["plan"]),
                                                     how_many=y.rng.choice([0, 1, 2, 3, 3, 4, 4, 5, 5, 6, 8])))

    def rating(self) -> None:
        rng = self.rng
        (tid,) = self.ids(1)
        scale = rng.choice([
            ["Không hoàn thành nhiệm vụ", "Hoàn thành nhiệm vụ", "Hoàn thành tốt nhiệm vụ",
             "Hoàn thành xuất sắc nhiệm vụ"],
            ["Yếu", "Trung bình", "Khá", "Tốt", "Xuất sắc"],
            ["Không đạt", "Đạt"],
        ])
        t: dict[str, Any] = {"id": tid, "name": "Xếp loại chính quyền cơ sở", "kind": "rating",
                             "scale": scale, "plan": rng.choice(scale[1:])}
        if rng.random() < 0.5:
            t["op"] = ">="
        self.add(t, lambda y, t=t: rating_lines(y, t))

    def judged(self) -> None:
        (tid,) = self.ids(1)
        t = {"id": tid, "name": "Duy trì, cải tiến HTQLCL theo TCVN ISO 9001:2015", "kind": "judged"}
        self.add(t, lambda y, t=t: judged_lines(y, t))

    def share_of(self) -> None:
        rng = self.rng
        ref_id, tid = self.ids(2)
        unit = "tỷ đồng"
        reference = {"id": ref_id, "name": "Dự toán thu ngân sách được giao", "unit": unit, "kind": "reference"}
        plan = q(rng.choice([100, 105, 110]))
        t = {"id": tid, "name": f"Thu ngân sách đạt {plan}% dự toán", "unit": unit, "kind": "cumulative",
             "plan": plan, "op": ">=", "share_of": ref_id}
        ref_value = q(rng.choice(["5.2", "5.6", "4", "10"]))

        def make_reference(y: _Year) -> None:
            r = rng.random()
            if r < 0.15:
                return  # no reference figure at all: the share target has no goal
            first = y.some_day() if r < 0.4 else date(y.year, 1, rng.randint(1, 31))
            y.record(ref_id, first, value=fmt(ref_value))
            if rng.random() < 0.4:  # the estimate is revised during the year
                y.record(ref_id, min(first + timedelta(days=rng.randint(0, 200)), date(y.year, 12, 31)),
                         value=fmt(ref_value + q("0.4")))

        goal = ref_value * plan / 100
        self.add(reference, make_reference)
        self.add(t, lambda y, t=t, goal=goal: numeric_lines(y, t, _Shape(t, y.year, goal, goal)))

    def above_100_cumulative(self) -> None:
        (tid,) = self.ids(1)
        t = {"id": tid, "name": "Tỷ lệ tăng thu so với dự toán (lũy kế)", "unit": "%", "kind": "cumulative",
             "plan": q(110), "op": ">=", "above_100": True}
        self.add(t, lambda y, t=t: numeric_lines(y, t, _Shape(t, y.year, t["plan"], t["plan"])))

    # -- milestones ------------------------------------------------------------------------

    def milestones(self, end: Decimal, step: Decimal) -> dict[str, Decimal]:
        rng = self.rng
        scheme = rng.choice(["quarters", "quarters", "months", "some_months", "mixed"])
        if scheme == "quarters":
            keys = ["q1", "h1", "9m"]
        elif scheme == "months":
            keys = [f"m{k}" for k in range(1, 12)]
        elif scheme == "some_months":
            keys = [f"m{k}" for k in sorted(rng.sample(range(1, 12), rng.randint(1, 5)))]
        else:
            keys = ["q1", "m5", "h1", "m8", "9m", "m11"]
        out: dict[str, Decimal] = {}
        previous = D(-1)
        for key in keys:
            share = D(MILESTONE_MONTH[key]) / 12 * D(rng.choice(["0.6", "0.8", "1", "1"]))
            value = (end * share).quantize(step, ROUND_HALF_UP)
            if rng.random() < 0.3:
                value = (end * MILESTONE_MONTH[key] / 12).quantize(step, ROUND_HALF_UP)
            # rising, at most the goal end, and at least 1/100 of it (section 7 says so of change
            # targets; the generator keeps to it everywhere so as not to depend on that reading)
            if value > previous and value <= end and value * 100 >= end and value > 0:
                out[key] = value
                previous = value
        return out or {"h1": (end / 2).quantize(step, ROUND_HALF_UP)}  # end >= 2 steps everywhere

    # -- last year -------------------------------------------------------------------------

    def build_last_year(self) -> None:
        """Last year's folder: a plain version of each numeric target, and its figures."""
        rng = self.rng
        skip = {t["id"] for t in self.targets if rng.random() < 0.08 and not t.get("sum_of")
                and not any(t["id"] in (w.get("sum_of") or []) for w in self.targets)
                and not any(w.get("share_of") == t["id"] for w in self.targets)}
        for t in self.targets:
            if t["id"] in skip or t["kind"] in ("rating", "judged"):
                continue
            old = {k: v for k, v in t.items()
                   if k not in ("change", "base", "milestones", "share_of", "by", "every", "near_from")}
            if t.get("change") or t.get("share_of"):
                ly_final = self.ly_plan.get(t["id"], ("full", q(5)))[1]
                old["plan"] = max(ly_final, D(1)) if not t.get("signed") else ly_final
                if old["op"] == "between":
                    old["op"] = ">="
            self.last_targets.append(old)
        for old in self.last_targets:
            tid = old["id"]
            if tid in self.ly_plan:
                self.ly_change_lines(old, *self.ly_plan[tid])
            elif old["kind"] == "reference" or old.get("sum_of"):
                continue
            elif old["kind"] == "checklist":
                if rng.random() < 0.4:
                    checklist_lines(self.last, old)
            elif rng.random() < 0.4:
                low, high = (old["plan"] if isinstance(old["plan"], list) else [old["plan"]] * 2)
                numeric_lines(self.last, old, _Shape(old, self.last.year, low, high), how_many=rng.randint(1, 3))

    def ly_change_lines(self, old: dict, state: str, ly_final: Decimal) -> None:
        """Last year's figures of a change target: year-to-date along the year, and 31/12."""
        rng = self.rng
        y = self.last
        series: list[tuple[date, Decimal]] = []
        step = D(1) if old.get("unit") in WHOLE_UNITS else CENT
        if state == "none":
            return
        if state == "full":
            # figures on days this year's figures will often sit on (same day last year)
            days = sorted({date(y.year, d.month, min(d.day, 28) if d.month == 2 else d.day)
                           for d in self.this.nice_days() + [last_day(self.year, m) for m in range(1, 12)]
                           if rng.random() < 0.5})
            for day in days:
                if old["kind"] == "cumulative":
                    value = (ly_final * doy(day) / ndays(y.year)).quantize(step, ROUND_HALF_UP)
                else:
                    value = (ly_final * D(rng.choice(["0.95", "1", "1.05"]))).quantize(step, ROUND_HALF_UP)
                series.append((day, value))
        end_day = date(y.year, 12, 31) if rng.random() < 0.75 else date(y.year, 11, 30)
        series.append((end_day, ly_final))
        for day, value in series:
            y.record(old["id"], day, value=fmt(value))
        self.ly_lines[old["id"]] = series


# --------------------------------------------------------------------------------------------
# Figures of the other kinds
# --------------------------------------------------------------------------------------------


def every_lines(y: _Year, t: dict) -> None:
    """Year-to-date figures of an `every` target: some periods missed, some unreported."""
    rng = y.rng
    months = {"month": 1, "quarter": 3, "half": 6}[t["every"]]
    plan = t["plan"]
    higher = t["op"] in (">=", ">")
    total = D(0)
    clean = rng.random() < 0.4  # every period reported and satisfied
    for first in range(1, 13, months):
        end = last_day(y.year, first + months - 1)
        start = date(y.year, first, 1)
        r = 1.0 if clean else rng.random()
        if r < 0.12:
            continue  # unreported: no line dated inside this period
        if higher:
            amount = plan + rng.choice([0, 0, 1, 2]) if r > 0.25 else plan - 1
            if t["op"] == ">" and r > 0.4:
                amount = plan + 1
        else:
            amount = plan - rng.choice([0, 0, 1]) if r > 0.25 else plan + 1
            if t["op"] == "<" and r > 0.4:
                amount = plan - 1
        amount = max(amount, D(0))
        total += amount
        if rng.random() < 0.7:
            day = end
        else:
            day = start + timedelta(days=rng.randrange((end - start).days + 1))
        y.record(t["id"], day, value=fmt(total))
        if not clean and rng.random() < 0.1:  # a correction on the same day
            total += 1
            y.record(t["id"], day, value=fmt(total))


def checklist_lines(y: _Year, t: dict) -> None:
    rng = y.rng
    if rng.random() < 0.1:
        return
    for item in t["items"]:
        for day in y.some_days(rng.choice([0, 1, 1, 1, 2, 3])):
            y.record(t["id"], day, item=item, met=rng.random() < 0.75)


def rating_lines(y: _Year, t: dict) -> None:
    rng = y.rng
    for day in y.some_days(rng.choice([0, 1, 1, 2, 3])):
        y.record(t["id"], day, grade=rng.choice(t["scale"]), note="tự đánh giá")


def judged_lines(y: _Year, t: dict) -> None:
    rng = y.rng
    for day in y.some_days(rng.choice([0, 1, 1, 2, 3])):
        y.record(t["id"], day, met=rng.random() < 0.7, note="lý do")


# --------------------------------------------------------------------------------------------
# Writing the folder
# --------------------------------------------------------------------------------------------

MAKERS = [  # (weight, maker name): realistic frequencies, every kind, op and key present
    (12, "ratio"), (9, "level"), (12, "cumulative"), (8, "change"), (4, "every"), (3, "by"),
    (4, "checklist"), (2, "sum_of"), (2, "rating"), (2, "judged"), (2, "share_of"), (1, "above_100_cumulative"),
]


def _group(rng: random.Random, targets: list[dict]) -> tuple[list[dict], dict[str, str]]:
    """Objectives 1..n holding the targets (ids "k.j"), sometimes one with no targets."""
    objectives: list[dict] = []
    rename: dict[str, str] = {}
    i = 0
    while i < len(targets):
        number = len(objectives) + 1
        if objectives and rng.random() < 0.05:
            objectives.append({"id": number, "title": f"Mục tiêu {number} (định tính, không có chỉ tiêu đo)",
                               "targets": []})
            continue
        size = rng.randint(1, 5)
        group = targets[i:i + size]
        for j, t in enumerate(group, start=1):
            rename[t["id"]] = f"{number}.{j}"
        objectives.append({"id": number, "title": f"Mục tiêu chất lượng số {number}", "targets": group})
        i += size
    return objectives, rename


def _apply_rename(t: dict, rename: dict[str, str]) -> dict:
    t = dict(t)
    t["id"] = rename[t["id"]]
    if t.get("sum_of"):
        t["sum_of"] = [rename[p] for p in t["sum_of"]]
    if t.get("share_of"):
        t["share_of"] = rename[t["share_of"]]
    if not t.get("name"):
        t["name"] = "Chỉ tiêu"
    return t


def _objectives_doc(year: int, objectives: list[dict]) -> dict:
    return {
        "schema_version": 4,
        "year": year,
        "issuer": {"authority": "Ủy ban nhân dân", "unit": "Phường Hòa Minh", "place": "Hòa Minh"},
        "decision": {"number": "15/QĐ-UBND", "date": date(year, 1, 20),
                     "title": f"Quyết định ban hành Mục tiêu chất lượng năm {year}"},
        "revision": {"number": 1, "history": [{"number": 1, "date": date(year, 1, 20), "note": "Ban hành lần đầu"}]},
        "objectives": objectives,
    }


def _write_folder(folder: Path, year: int, objectives: list[dict], records: list[dict], withdrawals: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(plain(_objectives_doc(year, objectives)), allow_unicode=True, sort_keys=False)
    (folder / "objectives.yaml").write_text(text, encoding="utf-8")
    first = objectives[0]["id"]
    plan_doc = {"schema_version": 4, "year": year, "title": "Kế hoạch",
                "sections": [{"id": "I", "objective": first, "title": "Kế hoạch",
                              "tasks": [{"id": "I.1", "work": "Báo cáo", "lead": "Văn phòng",
                                         "timing": "Hằng năm", "repeat": "yearly"}]}]}
    (folder / "plan.yaml").write_text(yaml.safe_dump(plan_doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with (folder / "records.jsonl").open("w", encoding="utf-8") as out:
        for line in records:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    with (folder / "withdrawals.jsonl").open("w", encoding="utf-8") as out:
        for line in withdrawals:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


def _renamed_lines(lines: list[dict], rename: dict[str, str]) -> list[dict]:
    out = []
    for line in lines:
        line = dict(line)
        line["target"] = rename[line["target"]]
        out.append(line)
    return out


def _evaluation_dates(rng: random.Random, year: int, records: list[dict]) -> list[date]:
    """10–30 dates: 1/1, quarter ends, 31/12, 29/2, on and after figures, three-month edges."""
    must = [date(year, 1, 1), date(year, 3, 31), date(year, 6, 30), date(year, 9, 30), date(year, 12, 31)]
    if calendar.isleap(year):
        must.append(date(year, 2, 29))
    pool: list[date] = []
    for line in records:
        d = date.fromisoformat(line["as_of"])
        pool += [d, d + timedelta(days=1)]
        # where the figure is exactly "three months" old, and one day past that
        pool += [add_months(d, 3) - timedelta(days=1), add_months(d, 3), add_months(d, 3) + timedelta(days=1)]
    # the days where readings of "E − 3 months + 1 day" differ (see rules.months_before)
    pool += [date(year, 5, 28), date(year, 5, 29), date(year, 5, 30), date(year, 7, 30), date(year, 12, 30),
             date(year, 4, 30), date(year, 7, 1), date(year, 12, 1)]
    pool = [d for d in pool if d.year == year and d not in must]
    chosen = set(must)
    for line in rng.sample(records, min(2, len(records))):  # right on a figure, and the day after
        d = date.fromisoformat(line["as_of"])
        chosen.update(x for x in (d, d + timedelta(days=1)) if x.year == year)
    want = rng.randint(10, 30)
    while len(chosen) < want and pool:
        chosen.add(pool.pop(rng.randrange(len(pool))))
    while len(chosen) < 10:
        chosen.add(date(year, 1, 1) + timedelta(days=rng.randrange(ndays(year))))
    return sorted(chosen)


def random_year(rng: random.Random, root: Path, year: int = 2023) -> list[date]:
    """Write a random valid root/<year>/ (and often root/<year-1>/); return evaluation dates."""
    root = Path(root)
    builder = _Builder(rng, year, with_last_year=rng.random() < 0.65)
    n = rng.randint(6, 28)
    names = [name for weight, name in MAKERS for _ in range(weight)]
    for _ in range(n):
        getattr(builder, rng.choice(names))()

    objectives, rename = _group(rng, builder.targets)
    if builder.with_last:
        builder.build_last_year()
    # this year's figures (after last year's, which the same-period figures aim at)
    for t in builder.targets:
        builder.plans[t["id"]](builder.this)
    builder.this.withdraw_some(rng.choice([0, 0.03, 0.08]))
    builder.last.withdraw_some(rng.choice([0, 0.02]))

    objectives = [{**o, "targets": [_apply_rename(t, rename) for t in o["targets"]]} for o in objectives]
    records = _renamed_lines(builder.this.interleaved(), rename)
    _write_folder(root / str(year), year, objectives, records, builder.this.withdrawals)
    if builder.with_last and builder.last_targets:
        last_objectives = [{"id": 1, "title": "Mục tiêu năm trước",
                            "targets": [_apply_rename(t, rename) for t in builder.last_targets]}]
        _write_folder(root / str(year - 1), year - 1, last_objectives,
                      _renamed_lines(builder.last.interleaved(), rename), builder.last.withdrawals)
    return _evaluation_dates(rng, year, records)


def random_case(rng: random.Random, root: Path) -> tuple[int, list[date]]:
    """random_year for 2023, or one time in three for the leap year 2024."""
    year = 2024 if rng.random() < 1 / 3 else 2023
    return year, random_year(rng, root, year)


# --------------------------------------------------------------------------------------------
# Section 7, as far as it can be checked on the files
# --------------------------------------------------------------------------------------------


def _norm(text: Any) -> str:
    return str(text).lower().replace("dd", "đ").replace("ee", "ê")


def _ends(plan: Any) -> tuple[Decimal, Decimal]:
    if isinstance(plan, list):
        return D(str(plan[0])), D(str(plan[1]))
    return D(str(plan)), D(str(plan))


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, Decimal)) and not isinstance(x, bool)


def check_valid(root: Path, year: int, *, last_year_too: bool = True) -> None:
    """Assert the section-7 rules on root/<year>/ (and on root/<year-1>/ when it is there)."""
    folder = Path(root) / str(year)
    doc = _load_yaml(folder / "objectives.yaml")
    assert doc["schema_version"] == 4 and doc["year"] == year
    for key in ("issuer", "decision", "revision"):
        assert key in doc, key
    plan_doc = _load_yaml(folder / "plan.yaml")
    assert plan_doc["schema_version"] == 4 and plan_doc["year"] == year and plan_doc["sections"]
    assert plan_doc["sections"][0]["objective"] == doc["objectives"][0]["id"]

    seen: set[str] = set()
    targets: dict[str, dict] = {}
    for objective in doc["objectives"]:
        assert isinstance(objective["id"], int) and objective["title"]
        key = _norm(objective["id"])
        assert key not in seen, f"duplicate id {objective['id']}"
        seen.add(key)
        for t in objective["targets"]:
            assert isinstance(t["id"], str) and t["name"]
            key = _norm(t["id"])
            assert key not in seen, f"duplicate id {t['id']}"  # 7: ids unique (case, dd, ee)
            seen.add(key)
            targets[t["id"]] = t

    for tid, t in targets.items():
        kind = t["kind"]
        where = f"target {tid}"
        assert kind in ("ratio", "cumulative", "level", "checklist", "rating", "judged", "reference"), where
        if kind not in ("rating", "judged"):
            assert t.get("unit"), where  # unit required
        if kind in ("ratio", "cumulative", "level", "checklist"):
            assert t.get("op") in (">=", ">", "<=", "<", "between"), where
        if kind in ("judged", "reference"):
            for key in ("plan", "op", "change", "milestones", "every", "by"):
                assert key not in t, (where, key)
            continue
        if kind == "rating":
            assert t.get("op") in (None, ">="), where
            scale = t["scale"]
            assert len(set(scale)) >= 2 and t["plan"] in scale, where
            for key in ("change", "base", "milestones", "every"):
                assert key not in t, (where, key)
            continue
        plan = t["plan"]
        op = t["op"]
        if isinstance(plan, list):  # a range: two numbers, low < high, op >=, <= or between
            assert len(plan) == 2 and all(_is_number(x) for x in plan), where
            assert D(plan[0]) < D(plan[1]), where
            assert op in (">=", "<=", "between"), where
        else:
            assert _is_number(plan), where
            assert op != "between", where
        low, high = _ends(plan)
        if kind == "ratio":
            assert t["unit"] == "%" and high <= 100, where
            for key in ("change", "signed", "above_100"):
                assert not t.get(key), (where, key)
        if low < 0:
            assert t.get("signed") or t.get("change"), where
        if kind == "checklist":
            assert t["items"] and op == ">=" and not isinstance(plan, list), where
            assert low == low.to_integral_value() and low <= len(t["items"]), where
            for key in ("change", "signed", "milestones", "every"):
                assert not t.get(key), (where, key)
        if t.get("change"):
            assert t["change"] in ("percent", "points"), where
            if t["change"] == "percent" and "base" in t:
                assert D(t["base"]) > 0, where
        else:
            assert "base" not in t, where
        goal = None  # the static goal, when it can be told from the file
        if t.get("change"):
            if "base" in t:
                b = D(t["base"])
                goal = (b * (1 + low / 100), b * (1 + high / 100)) if t["change"] == "percent" else (b + low, b + high)
        elif not t.get("share_of"):
            goal = (low, high)
        if t.get("milestones"):
            ms = t["milestones"]
            assert not t.get("every"), where
            assert kind == "cumulative" or (kind in ("ratio", "level") and op in (">=", ">")), where
            assert set(ms) <= set(MILESTONE_MONTH), where
            ordered = sorted(ms.items(), key=lambda kv: MILESTONE_MONTH[kv[0]])
            days = [MILESTONE_MONTH[k] for k, _ in ordered]
            assert len(set(days)) == len(days), where  # no two milestones on one date
            values = [D(v) for _, v in ordered]
            assert all(v >= 0 for v in values), where
            assert all(a < b for a, b in zip(values, values[1:])), where  # rising
            assert goal is not None, where  # a change target needs base
            end = goal[0] if op in (">=", ">", "between") else goal[1]
            assert values[-1] <= end, where
            assert all(v * 100 >= end for v in values), where  # stricter than 7: on every target
        if t.get("every"):
            assert t["every"] in ("month", "quarter", "half"), where
            assert kind == "cumulative" and not isinstance(plan, list), where
            for key in ("milestones", "change", "share_of", "by"):
                assert not t.get(key), (where, key)
        if t.get("by") is not None:
            assert year <= int(t["by"]) <= year + 10, where
        if t.get("share_of"):
            reference = targets.get(t["share_of"])
            assert reference is not None and reference["kind"] == "reference", where
            assert reference["unit"] == t["unit"] and not isinstance(plan, list) and not t.get("change"), where
        if t.get("above_100"):
            assert t["unit"] == "%" and kind in ("level", "cumulative"), where
        if t.get("sum_of"):
            parts = [targets.get(p) for p in t["sum_of"]]
            assert all(p is not None for p in parts), where
            assert all(p["unit"] == t["unit"] and p["kind"] == kind for p in parts), where
            assert all(not isinstance(p["plan"], list) and not p.get("change") for p in parts), where
            assert sum((D(p["plan"]) for p in parts), D(0)) == low, where
        if t.get("near_from") is not None:
            near = D(t["near_from"])
            assert op != "between", where
            if goal is not None:
                if op in (">=", ">"):
                    assert near < goal[0], where
                else:
                    assert near > goal[1], where

    # Records
    refs: set[str] = set()
    lines = _load_jsonl(folder / "records.jsonl")
    for line in lines:
        where = f"record {line.get('ref')}"
        ref = line["ref"]
        assert ref.startswith("SL-") and len(ref) == 11 and all(c in ALPHABET for c in ref[3:]), where
        assert ref not in refs, where
        refs.add(ref)
        assert line["by"] and line["recorded_at"] and isinstance(line["estimated"], bool), where
        t = targets.get(line["target"])
        assert t is not None, where
        assert date.fromisoformat(line["as_of"]).year == year, where  # a date inside the year
        kind = t["kind"]
        if kind == "checklist":
            assert line["item"] in t["items"] and isinstance(line["met"], bool), where
            continue
        if kind == "rating":
            assert line["grade"] in t["scale"], where
            continue
        if kind == "judged":
            assert isinstance(line["met"], bool) and "item" not in line, where
            continue
        assert isinstance(line["value"], str), where
        value = D(line["value"])
        assert "." not in line["value"] or value != value.to_integral_value(), where  # "431", not "431.0"
        if value < 0:
            assert t.get("signed"), where
        if "of" in line:
            assert kind == "ratio", where
            of = D(line["of"])
            assert of > 0 and of >= value, where
            percent = value * 100 / of
        else:
            percent = value
        if t.get("unit") == "%" and kind in ("ratio", "level") and not t.get("above_100"):
            assert percent <= 100, where
    for w in _load_jsonl(folder / "withdrawals.jsonl"):
        assert w["ref"] in refs, f"withdrawal of an unknown line {w['ref']}"

    if last_year_too and (Path(root) / str(year - 1)).is_dir():
        check_valid(root, year - 1, last_year_too=False)
