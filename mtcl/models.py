"""The shapes of the hand-written files: the year's objectives (Phụ lục 1) and plan (Phụ lục 2).

Every model forbids unknown keys, so a mistyped key is an error rather than a silently
ignored line.  Figures are ``Decimal``.  Rules that look across several entries (unique
ids, references, sums) live in ``checks.py``; what is here is what one entry can say of
itself.  Each entry remembers its path in the file (``_path``) so a check can point at it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, model_validator

from mtcl.text import nfc, one_line

Op = Literal[">=", ">", "<="]
Kind = Literal["ratio", "cumulative", "level", "checklist"]
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


Id = Annotated[str, BeforeValidator(_as_text), Field(min_length=1)]
def _ascii_digits(value: object) -> object:
    # Python's Decimal reads Arabic-Indic and full-width digits; a figure is written in 0-9.
    if isinstance(value, str) and not value.isascii():
        raise ValueError(f"'{value}' có chữ số không phải 0-9")
    return value


# A figure: exact, finite, at most 15 digits (numbers.MAX_DIGITS), never negative.
Amount = Annotated[Decimal, BeforeValidator(_ascii_digits), Field(ge=0, allow_inf_nan=False, max_digits=15)]
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


class Target(Located):
    id: Id
    short: Text | None = None
    name: Text
    unit: Text
    plan: Amount
    op: Op
    kind: Kind
    parent: Id | None = None
    sum_of: list[Id] = []
    items: list[Text] = []
    # Optional "gần đạt" band: an actual that misses the plan but reaches this value
    # (at or above it for >= and >, at or below it for <=) is reported as near.
    near_from: Amount | None = None
    # How many decimals a figure of this target may have: 0 for counts (lượt, người, hồ sơ).
    decimals: int | None = Field(default=None, ge=0, le=6)

    _objective: int = PrivateAttr(default=0)

    @property
    def objective(self) -> int:
        return self._objective

    @property
    def label(self) -> str:
        return self.short or self.name

    def public(self) -> dict:
        """The fields other programs read (``mtcl targets --json``, status, reports)."""
        return {
            "id": self.id,
            "objective": self.objective,
            "name": one_line(self.name),
            "unit": self.unit,
            "plan": self.plan,
            "op": self.op,
            "kind": self.kind,
            "parent": self.parent,
            "sum_of": list(self.sum_of),
            "items": list(self.items),
            "decimals": self.decimals,
        }


class Objective(Located):
    id: int = Field(ge=1)
    title: Text
    targets: list[Target] = Field(min_length=1)

    def model_post_init(self, _context: object) -> None:
        for target in self.targets:
            target._objective = self.id


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
    sections: list[Section] = Field(min_length=1)
    organisation: list[OrgEntry] = []

    @property
    def tasks(self) -> list[Task]:
        return [t for s in self.sections for t in s.tasks]
