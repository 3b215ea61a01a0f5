"""The shapes of the hand-written files: the year's objectives (Phụ lục 1) and plan (Phụ lục 2).

Every model forbids unknown keys, so a mistyped key is an error rather than a silently
ignored line.  Figures are ``Decimal``.  Rules that look across several entries (unique
ids, references, sums) live in ``checks.py``; what is here is what one entry can say of
itself.  Each entry remembers its path in the file (``_path``) so a check can point at it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, ValidationInfo, field_validator,
                      model_validator)

from mtcl.core.text import nfc, one_line, typed_problem
from mtcl.core.validation import not_a_number

Op = Literal[">=", ">", "<=", "<", "between"]
# The ends of the periods a plan may give the way for (milestones): quarters, halves, months.
MilestoneKey = Literal["q1", "h1", "9m", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10", "m11"]
TaskKind = Literal["internal_audit", "management_review", "results_report"]
TargetKind = Literal["ratio", "cumulative", "level", "checklist", "rating", "judged", "reference"]
# The kinds whose plan is a number compared with a figure.
NUMERIC_KINDS = ("ratio", "cumulative", "level", "checklist")
Repeat = Literal["monthly", "quarterly", "half-yearly", "yearly", "continuous"]
Every = Literal["month", "quarter", "half"]


def id_key(text: str) -> str:
    """The form ids are compared in: case-free, NFC, with Telex đ and ê (4dd → 4đ, 4ee → 4ê)."""
    key = nfc(text.strip()).casefold()
    return key.replace("dd", "đ").replace("ee", "ê")


def _as_text(value: object) -> object:
    # `id: 1.1` or `parent: 4` written without quotes arrive as numbers; an id is a name.
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value)
    return value


Id = Annotated[str, Field(min_length=1), BeforeValidator(_as_text)]  # the constraint compiled, as for Amount


def _ascii_digits(value: object) -> object:
    # Python's Decimal reads Arabic-Indic and full-width digits; a figure is written in 0-9.
    if isinstance(value, str) and not value.isascii():
        raise ValueError(f"'{value}' có chữ số không phải 0-9")
    return value


# A figure: exact, finite, at most 15 digits (numbers.MAX_DIGITS); never negative unless signed.
# The constraints come before the digit check so that pydantic applies them in its compiled
# decimal validator rather than in Python, line after line of records.jsonl (2.4× faster).
SignedAmount = Annotated[Decimal, Field(allow_inf_nan=False, max_digits=15), BeforeValidator(_ascii_digits)]
Amount = Annotated[Decimal, Field(allow_inf_nan=False, max_digits=15, ge=0), BeforeValidator(_ascii_digits)]
Text = Annotated[str, Field(min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Located(Strict):
    """An entry of a hand-written file, which remembers where it stands in it.  No text of
    it holds a control character (ESC, BEL, NUL…): the one rule for every file mtcl reads by
    hand, so that nothing exported or printed later carries one (a line break and a tab
    are text)."""

    _path: tuple = PrivateAttr(default=())

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        for text in _texts(value):
            problem = typed_problem(text, multiline=True)
            if problem:
                raise ValueError(problem)
        return value


def _texts(value: Any) -> list[str]:
    """The texts a field holds itself: a text, the texts of a list, a mapping's keys and texts."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [v for v in value if isinstance(v, str)]
    if isinstance(value, dict):
        return [v for pair in value.items() for v in pair if isinstance(v, str)]
    return []


class Issuer(Located):
    authority: Text = "Ủy ban nhân dân"
    unit: Text
    place: Text
    parent: str | None = None
    # The body's code in the national list of administrative units (mã đơn vị hành chính):
    # how the level above tells two bodies of one name apart, and two copies of one body.
    code: Id | None = Field(None, description="Mã đơn vị hành chính (như 13822), để cấp trên nhận ra đơn vị")

    @property
    def name(self) -> str:
        """'Ủy ban nhân dân xã Giang Hải'."""
        return f"{self.authority} {self.unit[0].lower()}{self.unit[1:]}"

    @property
    def short_name(self) -> str:
        """'UBND xã Giang Hải', as reports name the commune in running text."""
        return self.name.replace("Ủy ban nhân dân", "UBND")


class Decision(Located):
    number: str | None = None
    date: dt.date | None = None
    title: str | None = None

    @property
    def verb(self) -> str:
        """What the decision did, in its own word: some bodies 'công bố' their objectives."""
        return "công bố" if self.title and "công bố" in self.title.casefold() else "ban hành"


class RevisionEntry(Located):
    number: int = Field(ge=1)
    date: dt.date
    note: Text


class Revision(Located):
    number: int = Field(ge=1)
    history: list[RevisionEntry] = []


class ReportSettings(Located):
    signer_title: Text = "Chủ tịch"
    signer: str | None = None
    recipients: list[Text] = []
    archive: Text = "VT"
    # The abbreviation of the issuing body in a document's symbol: 45/BC-UBND, 12/BC-SNV.
    symbol: Text = "UBND"
    # The line above the signer's title: "TM. ỦY BAN NHÂN DÂN" for a collective body (the
    # default, from the issuer's authority); "" for a body headed by one person (a sở).
    signer_org: str | None = None


REQUIRED: Any = ...


def _say(text: str, default: Any = None) -> Any:
    """A key's meaning, shown by editors that read the JSON Schema (schemas/), and its default."""
    return Field(default, description=text)


class Target(Located):
    id: Id = _say("Mã chỉ tiêu, như văn bản đánh số: 1.1, 4a, 4đ", REQUIRED)
    short: Text | None = _say("Tên ngắn, dùng trong bảng và báo cáo")
    name: Text = _say("Nội dung chỉ tiêu như văn bản ghi", REQUIRED)
    kind: TargetKind = _say("ratio tỷ lệ; cumulative lũy kế trong năm; level mức tại một thời điểm; checklist tiêu "
                            "chí; rating xếp loại; judged tự đánh giá đạt/chưa đạt; reference số tham chiếu (dự toán)",
                            REQUIRED)
    unit: Text | None = Field(None, validate_default=True, description=(
        "Đơn vị tính: %, tấn, tỷ đồng, lượt… (không cần cho rating, judged)"))
    # The plan in ``unit``; a range [low, high] whose meaning ``op`` gives; for ``change``
    # the change on last year; for ``share_of`` a percentage of that figure; for a rating
    # the grade aimed at.
    plan: SignedAmount | list[SignedAmount] | Text | None = Field(None, validate_default=True, description=(
        "Kế hoạch năm (số YAML: 1936.49); khoảng [thấp, cao] (nghĩa theo op); mức tăng với change; % của số "
        "tham chiếu với share_of; xếp loại phải đạt với rating"))
    op: Op | None = Field(None, validate_default=True, description=(
        "So sánh: '>=' đạt, tối thiểu (với khoảng: từ thấp trở lên, phấn đấu cao); '>' trên; '<=' không quá (với "
        "khoảng: không quá cao, phấn đấu thấp); '<' dưới; between trong khoảng"))
    parent: Id | None = _say("Mã chỉ tiêu cha (chỉ tiêu 'trong đó')")
    sum_of: list[Id] = _say("Chỉ tiêu bằng tổng các chỉ tiêu này", [])
    items: list[Text] = _say("Các tiêu chí của chỉ tiêu checklist", [])
    scale: list[Text] = _say("Các mức xếp loại của chỉ tiêu rating, từ thấp đến cao", [])
    # Optional "gần đạt" band: a figure that misses the plan but reaches this value (at or
    # above it for >= and >, at or below it for <= and <) is near.  In the unit of the plan.
    near_from: SignedAmount | None = _say("Ngưỡng 'gần đạt' ở phía chưa đạt của kế hoạch (cùng đơn vị với plan)")
    # How many decimals a figure of this target may have: 0 for counts (lượt, người, hồ sơ).
    decimals: int | None = Field(default=None, ge=0, le=6, description="Số chữ số thập phân; 0 cho số đếm")
    # A figure may be negative (a growth rate that fell).
    signed: bool = _say("Số liệu có thể âm (tốc độ tăng trưởng)", False)
    above_100: bool = _say("Số liệu % có thể trên 100 (không phải tỷ lệ của một tổng thể)", False)
    # The plan is a change on last year: percent (base × (1 + plan/100)) or points (base + plan).
    change: Literal["percent", "points"] | None = _say(
        "percent: kế hoạch là % tăng (âm: giảm) so với năm trước; points: tăng (giảm) bao nhiêu điểm (điểm phần trăm)")
    base: Amount | None = _say("Số năm trước để tính mức tăng; không ghi thì lấy số ngày 31/12 trong thư mục năm trước")
    # The way through the year, for a seasonal curve or a rate reached step by step.
    milestones: dict[MilestoneKey, SignedAmount] = _say(
        "Số phải đạt đến hết q1, h1, 9m hoặc tháng m1…m11, cùng đơn vị với số liệu", {})
    every: Every | None = _say("month, quarter, half: kế hoạch phải đạt trong từng tháng, quý, nửa năm")
    by: int | None = _say("Năm phải đạt kế hoạch (kế hoạch nhiều năm: 2025)")
    share_of: Id | None = _say("Mã chỉ tiêu tham chiếu (reference): kế hoạch là % của số đó (đạt 105% dự toán)")
    owner: Text | None = _say("Đơn vị phụ trách; không ghi thì theo owner của mục tiêu")
    group: Text | None = _say("Nhóm chỉ tiêu trong mục tiêu: 'Nhóm chỉ tiêu kinh tế'")
    # A common indicator of indicators.yaml, for the level above to compare bodies on it.
    indicator: Id | None = _say("Mã chỉ số chung (indicators.yaml của cấp trên) để so sánh giữa các đơn vị")

    _objective: int = PrivateAttr(default=0)
    _reference: str | None = PrivateAttr(default=None)  # the label of the figure share_of names

    # These run with the other fields' checks, so that a plan mistyped in one target and a
    # key mistyped in another are reported in the same pass.
    @field_validator("unit")
    @classmethod
    def _unit_for_a_figure(cls, unit: Any, info: ValidationInfo) -> Any:
        if unit is None and info.data.get("kind") not in ("rating", "judged"):
            raise ValueError("thiếu khóa bắt buộc 'unit' (đơn vị tính)")
        return unit

    @field_validator("plan")
    @classmethod
    def _plan_fits_the_kind(cls, plan: Any, info: ValidationInfo) -> Any:
        kind = info.data.get("kind")
        if isinstance(plan, str) and kind != "rating":
            raise ValueError(not_a_number(plan))
        if plan is None and kind not in ("judged", "reference"):
            raise ValueError("thiếu khóa bắt buộc 'plan' (kế hoạch)")
        return plan

    @field_validator("op")
    @classmethod
    def _op_says_what_the_plan_means(cls, op: Any, info: ValidationInfo) -> Any:
        plan = info.data.get("plan")
        if op is None and info.data.get("kind") in NUMERIC_KINDS:
            if isinstance(plan, list) and len(plan) == 2:
                low, high = (format(end.normalize(), "f") for end in plan)
                raise ValueError(f"khoảng kế hoạch [{low}, {high}] chưa rõ nghĩa: ghi op: '>=' (từ {low} trở lên, phấn "
                                 f"đấu {high}; trên {high} là vượt kế hoạch), op: '<=' (không quá {high}, phấn đấu "
                                 f"{low}) hoặc op: between (chỉ đạt khi trong khoảng từ {low} đến {high})")
            raise ValueError("thiếu khóa bắt buộc 'op' (so sánh: '>=', '>', '<=', '<' hoặc between)")
        return op

    @property
    def objective(self) -> int:
        return self._objective

    @property
    def label(self) -> str:
        return self.short or self.name

    @property
    def reference_label(self) -> str | None:
        """What a share_of plan is a share of: 'Dự toán thu ngân sách'."""
        return self._reference

    @property
    def bounds(self) -> tuple[Decimal, Decimal]:
        """The plan as (low, high): a range's ends, else the plan twice (a list of another
        length, refused by ``checks.plans_fit``, gives its ends; a plan that is no number,
        0)."""
        if isinstance(self.plan, list):
            return (self.plan[0], self.plan[-1]) if self.plan else (Decimal(0), Decimal(0))
        if isinstance(self.plan, Decimal):
            return self.plan, self.plan
        return Decimal(0), Decimal(0)

    @property
    def is_range(self) -> bool:
        return isinstance(self.plan, list)

    @property
    def numeric(self) -> bool:
        """A plan that is a number (or a range) compared with figures."""
        return self.kind in NUMERIC_KINDS

    @property
    def less_is_better(self) -> bool:
        return self.op in ("<=", "<")

    @property
    def percent_of_whole(self) -> bool:
        """A figure in % that is a share of a whole: it cannot pass 100."""
        return self.unit == "%" and self.kind in ("ratio", "level") and not self.above_100

    @property
    def paced(self) -> bool:
        """Judged on the way through the year: a running total, criteria met one by one, or
        a plan with milestones."""
        return (self.kind == "cumulative" and self.every is None) or self.kind == "checklist" or bool(self.milestones)


class Objective(Located):
    id: int = Field(ge=1)
    title: Text
    owner: Text | None = None  # inherited by the targets that name no owner
    targets: list[Target] = []  # none: an objective judged in words only

    # A validator after the fields, not model_post_init: overriding that left the model's own
    # private attributes unset under pydantic 2.6 (its _path, for a check's line).
    @model_validator(mode="after")
    def _own_targets(self) -> Objective:
        for target in self.targets:
            target._objective = self.id
            if target.owner is None and self.owner is not None:
                target.owner = self.owner
        return self


class Indicator(Located):
    """An indicator the bodies share (dossiers settled on time, satisfaction…), named by the
    level above so that their figures can be compared."""

    code: Id = _say("Mã chỉ số, như các đơn vị ghi ở 'indicator:' của chỉ tiêu", REQUIRED)
    name: Text = _say("Tên chỉ số", REQUIRED)
    unit: Text = _say("Đơn vị tính", REQUIRED)
    better: Literal["higher", "lower"] = _say("higher: càng cao càng tốt; lower: càng thấp càng tốt", "higher")


class Catalogue(Located):
    """The whole of indicators.yaml: the level above (for its summary report) and the
    indicators its bodies share."""

    issuer: Issuer | None = None
    report: ReportSettings = ReportSettings()
    indicators: list[Indicator] = []


class Objectives(Located):
    """The whole of objectives.yaml."""

    schema_version: int
    year: int = Field(ge=2000, le=2100)
    issuer: Issuer
    decision: Decision
    revision: Revision
    report: ReportSettings = ReportSettings()
    commitment: str | None = None
    objectives: list[Objective] = Field(min_length=1)

    @model_validator(mode="after")
    def _name_references(self) -> Objectives:
        labels = {t.id: t.label for t in self.targets}
        for target in self.targets:
            target._reference = labels.get(target.share_of) if target.share_of else None
        return self

    @property
    def targets(self) -> list[Target]:
        return [t for o in self.objectives for t in o.targets]


class Task(Located):
    id: Id
    work: Text
    short: Text | None = None
    lead: Text
    partners: list[Text] = []
    timing: Text
    due: list[dt.date] = []
    repeat: Repeat | None = None
    monitors: list[Text] = []
    evidence: list[Text] = []
    # What the task is to the quality system, whatever its id: the year's internal audit,
    # the management review (the level above looks for them by this mark), the results
    # report (a report does not list its own making among the work still to do).
    kind: TaskKind | None = None

    _section: str = PrivateAttr(default="")
    _objective: int = PrivateAttr(default=0)

    @model_validator(mode="after")
    def _one_schedule(self) -> Task:
        if bool(self.due) == (self.repeat is not None):
            raise ValueError("ghi hạn bằng đúng một trong hai khóa: 'due' (các ngày) hoặc 'repeat' (chu kỳ)")
        return self

    @property
    def section(self) -> str:
        return self._section

    @property
    def objective(self) -> int:
        return self._objective

    @property
    def label(self) -> str:
        return self.short or one_line(self.work)


class Section(Located):
    id: Id
    objective: int
    title: Text
    tasks: list[Task] = Field(min_length=1)

    @model_validator(mode="after")
    def _own_tasks(self) -> Section:
        for task in self.tasks:
            task._section = self.id
            task._objective = self.objective
        return self


class OrgEntry(Located):
    role: Text
    duty: Text


class Plan(Located):
    """The whole of plan.yaml."""

    schema_version: int
    year: int = Field(ge=2000, le=2100)
    title: Text
    purpose: list[Text] = []
    requirements: list[Text] = []
    # The plan's own decision, when it was issued apart from the objectives.
    decision: Decision | None = None
    sections: list[Section] = Field(min_length=1)
    organisation: list[OrgEntry] = []

    @property
    def tasks(self) -> list[Task]:
        return [t for s in self.sections for t in s.tasks]


class ObjectiveNotes(Located):
    """What the officer writes herself about one objective for one report."""

    assessment: Text | None = Field(None, description="Đánh giá chung, đặt trước số liệu ở mục I")
    causes: Text | None = Field(None, description="Nguyên nhân chưa đạt, ở mục III")
    directions: Text | None = Field(None, description="Phương hướng, nhiệm vụ, ở mục IV")


class PeriodNotes(Located):
    general: Text | None = Field(None, description="Đoạn đánh giá chung, sau đoạn mở đầu của báo cáo")
    objectives: dict[int, ObjectiveNotes] = {}


class Notes(Located):
    """The whole of notes.yaml: the officer's own words for each report, by period (q1…q4,
    h1, 9m, year), kept when the report is made again."""

    q1: PeriodNotes | None = None
    q2: PeriodNotes | None = None
    q3: PeriodNotes | None = None
    q4: PeriodNotes | None = None
    h1: PeriodNotes | None = None
    nine_months: PeriodNotes | None = Field(None, alias="9m")
    year: PeriodNotes | None = None

    def of(self, period: str | None) -> PeriodNotes:
        """The notes of ``period``'s report (none written: empty notes)."""
        found = getattr(self, "nine_months" if period == "9m" else period, None) if period else None
        return found or PeriodNotes()
