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

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, model_validator

from mtcl.core.text import nfc, one_line

Op = Literal[">=", ">", "<=", "<", "between"]
# The ends of the periods a cumulative plan may give figures for (milestones).
MilestoneKey = Literal["q1", "h1", "9m"]
TaskKind = Literal["internal_audit", "management_review", "results_report"]
TargetKind = Literal["ratio", "cumulative", "level", "checklist"]
Repeat = Literal["quarterly", "half-yearly", "yearly", "continuous"]


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
    """An entry of a hand-written file, which remembers where it stands in it."""

    _path: tuple = PrivateAttr(default=())


class Issuer(Located):
    authority: Text = "Ủy ban nhân dân"
    unit: Text
    place: Text
    parent: str | None = None

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
    unit: Text = _say("Đơn vị tính: %, tấn, tỷ đồng, lượt…", REQUIRED)
    # The plan in ``unit``; for ``op: between`` the range [low, high]; for ``change: percent``
    # the change on last year in % (negative for a fall).
    plan: SignedAmount | list[SignedAmount] = _say(
        "Kế hoạch năm (số YAML: 1936.49); khoảng [thấp, cao] với op: between; % tăng (âm: giảm) với change",
        REQUIRED)
    op: Op = _say("So sánh: '>=' đạt/tối thiểu, '>' trên, '<=' không quá, '<' dưới, between từ … đến …", REQUIRED)
    kind: TargetKind = _say("ratio tỷ lệ, cumulative lũy kế, level mức tại một thời điểm, checklist tiêu chí", REQUIRED)
    parent: Id | None = _say("Mã chỉ tiêu cha (chỉ tiêu 'trong đó')")
    sum_of: list[Id] = _say("Chỉ tiêu bằng tổng các chỉ tiêu này", [])
    items: list[Text] = _say("Các tiêu chí của chỉ tiêu checklist", [])
    # Optional "gần đạt" band: an actual that misses the plan but reaches this value
    # (at or above it for >= and >, at or below it for <= and <) is reported as near.
    near_from: SignedAmount | None = _say("Ngưỡng 'gần đạt' ở phía chưa đạt của kế hoạch")
    # How many decimals a figure of this target may have: 0 for counts (lượt, người, hồ sơ).
    decimals: int | None = Field(default=None, ge=0, le=6, description="Số chữ số thập phân; 0 cho số đếm")
    # A figure may be negative (a growth rate that fell).
    signed: bool = _say("Số liệu có thể âm (tốc độ tăng trưởng)", False)
    # The plan is a change on last year: the actual is compared through base × (1 + plan/100).
    change: Literal["percent"] | None = _say("percent: kế hoạch là % tăng (giảm) so với năm trước")
    base: Amount | None = _say("Số năm trước để tính mức tăng; không ghi thì lấy từ thư mục năm trước")
    # Cumulative plan values at the end of these periods, for a seasonal curve.
    milestones: dict[MilestoneKey, SignedAmount] = _say("Kế hoạch lũy kế đến hết q1, h1, 9m (theo mùa vụ)", {})
    owner: Text | None = _say("Đơn vị phụ trách; không ghi thì theo owner của mục tiêu")
    group: Text | None = _say("Nhóm chỉ tiêu trong mục tiêu: 'Nhóm chỉ tiêu kinh tế'")
    # A common indicator of indicators.yaml, for the level above to compare bodies on it.
    indicator: Id | None = _say("Mã chỉ số chung (indicators.yaml của cấp trên) để so sánh giữa các đơn vị")

    _objective: int = PrivateAttr(default=0)

    @property
    def objective(self) -> int:
        return self._objective

    @property
    def label(self) -> str:
        return self.short or self.name

    @property
    def bounds(self) -> tuple[Decimal, Decimal]:
        """The plan as (low, high): the range of ``between``, else the plan twice (a list of
        another length, refused by ``checks.plans_fit``, gives its ends)."""
        if isinstance(self.plan, list):
            return (self.plan[0], self.plan[-1]) if self.plan else (Decimal(0), Decimal(0))
        return self.plan, self.plan

    @property
    def less_is_better(self) -> bool:
        return self.op in ("<=", "<")


class Objective(Located):
    id: int = Field(ge=1)
    title: Text
    owner: Text | None = None  # inherited by the targets that name no owner
    targets: list[Target] = Field(min_length=1)

    def model_post_init(self, _context: object) -> None:
        for target in self.targets:
            target._objective = self.id
            if target.owner is None and self.owner is not None:
                target.owner = self.owner


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

    def model_post_init(self, _context: object) -> None:
        for task in self.tasks:
            task._section = self.id
            task._objective = self.objective


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
