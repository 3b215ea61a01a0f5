"""The level above: one overview of many bodies' data.

A province follows its communes and wards directly (about a hundred; 3.321 in the country)
and asks the same questions every period: has each body issued its objectives and plan, how
many targets are met, what is overdue, are the internal audit and the management review
done, which corrective actions are open, who has not sent, and how the bodies compare on the
indicators they share.  ``rollup`` answers them from what was received, whatever its shape
(``files.collected``): data folders, and bundles checked against their manifest.

Every body is counted once.  A body is known by what its own files say, its code (issuer.code)
or else its name and parent, not by its folder: two copies of one body are said to be so and
the newer is used, a later bundle replaces an earlier one.  One year is rolled up (``--year``,
the year of ``--as-of``, or the newest year of most bodies): a body without it is listed, not
ranked.  A damaged line in a body's records leaves that line out, not the body, and is said
with its file and line.  Bodies are read one by one, or by a pool of processes when there are
many: reading a year is most of the cost, and the bodies share nothing.
"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import date, datetime, timezone
from functools import partial
from pathlib import Path

from mtcl.core.attainment import Evaluation
from mtcl.core.errors import DataErrors, UserError
from mtcl.core.goals import period_start
from mtcl.core.models import Catalogue, Issuer
from mtcl.core.text import fold
from mtcl.core.words import plan_words, status_words
from mtcl.files.book import Book, open_year
from mtcl.files.bundle import BundleRefused, Manifest, peek, unpacked
from mtcl.files.collected import Found, Unusable, issuer_in
from mtcl.files.fs import display_path
from mtcl.usecases.status import plan_status, year_status
from mtcl.usecases.summaries import BodySummary, IndicatorRow, IndicatorView, Rollup, SetAside, State, TargetLine
from mtcl.usecases.views import actual_value

DONE = ("done", "done_late")
YEARLY_CHECKS = {"internal_audit": "ĐGNB", "management_review": "XXLĐ"}
POOL_FROM = 32  # bodies: below this a pool of processes costs more than it saves
PRIORITY = {"counted": 2, "no_year": 1, "failed": 0}  # of two copies of a body, the one used
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def rollup_year(found: list[Found], year: int | None, as_of: date | None) -> int | None:
    """The year rolled up: the one asked for, the year of the date asked for, or the newest
    year of most bodies (of two as common, the later)."""
    if year is not None:
        return year
    if as_of is not None:
        return as_of.year
    newest = Counter(max(entry.years) for entry in found if entry.years)
    return max(newest, key=lambda each: (newest[each], each)) if newest else None


def rollup(found: list[Found], unusable: list[Unusable], year: int | None, on: date | None, catalogue: Catalogue,
           jobs: int = 1) -> Rollup:
    """Every body of ``found`` summarised at ``on`` (of ``year``), each counted once, and the
    shared indicators of ``catalogue`` compared across them; ``jobs`` processes read them."""
    codes = frozenset(indicator.code for indicator in catalogue.indicators)
    summaries = summarise_all(found, year, on, codes, jobs)
    bodies, copies = one_per_body(summaries)
    bodies = ranked(told_apart(bodies))
    views = []
    for indicator in catalogue.indicators:
        rows = [IndicatorRow(body.name, body.indicators[indicator.code]) for body in bodies
                if indicator.code in body.indicators]
        known = sorted((r for r in rows if r.actual is not None), key=lambda r: r.actual,
                       reverse=indicator.better == "higher")
        views.append(IndicatorView(indicator, known + [r for r in rows if r.actual is None]))
    set_aside = [SetAside(entry.shown, entry.reason) for entry in unusable] + copies
    return Rollup(year, on, period_start(on) if on else None, bodies, views, set_aside)


def summarise_all(found: list[Found], year: int | None, on: date | None, codes: frozenset[str],
                  jobs: int) -> list[BodySummary]:
    """Each entry summarised, in order: by ``jobs`` processes when there are enough of them."""
    work = partial(summarise, year=year, on=on, codes=codes)
    if jobs <= 1 or len(found) < POOL_FROM:
        return [work(entry) for entry in found]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(work, found, chunksize=max(1, len(found) // (jobs * 16))))


def summarise(entry: Found, year: int | None, on: date | None, codes: frozenset[str]) -> BodySummary:
    """One body's data summarised at ``on``: a folder as it is, a bundle once checked."""
    if entry.kind == "folder":
        return summarise_folder(entry.path, entry, year, on, codes)
    try:
        with unpacked(entry.path) as (manifest, root):
            return as_bundled(summarise_folder(root, entry, year, on, codes), manifest, display_path(root))
    except BundleRefused as exc:
        said = peek(entry.path)  # who the bundle says it is from, to name it (its other bundles may be whole)
        if said is None:
            return BodySummary(entry.shown, entry.path.name, state="failed", named=False, kind="bundle",
                               error=exc.message)
        return BodySummary(entry.shown, said.body.name, said.body.code, said.body.parent, "failed", kind="bundle",
                           error=exc.message)


def summarise_folder(root: Path, entry: Found, year: int | None, on: date | None,
                     codes: frozenset[str]) -> BodySummary:
    """One data folder at ``on``: the body without the year, the body that does not load
    (its first error), or its summary."""
    if year is None or on is None or year not in entry.years:
        body = _unread(entry, issuer_in(root / str(max(entry.years))) if entry.years else None, "no_year")
        return replace(body, as_of=on)
    try:
        book = open_year(root, year, last_year=True, salvage=True)
    except DataErrors as exc:
        return _unread(entry, issuer_in(root / str(year)), "failed", str(exc.errors[0]))
    except UserError as exc:
        return _unread(entry, issuer_in(root / str(year)), "failed", exc.message)
    return summary_of(book, entry, on, codes)


def _unread(entry: Found, issuer: Issuer | None, state: State, error: str | None = None) -> BodySummary:
    """A body not summarised: named by its files when they can say it, else by its folder."""
    if issuer is None:
        return BodySummary(entry.shown, _folder_name(entry.path), state=state, named=False, kind=entry.kind,
                           years=entry.years, error=error)
    return BodySummary(entry.shown, issuer.short_name, issuer.code, issuer.parent, state, kind=entry.kind,
                       years=entry.years, error=error)


def _folder_name(folder: Path) -> str:
    """A body's folder's name, its data/ folder's parent for a repository."""
    return (folder.parent.name if folder.name == "data" else folder.name) or str(folder)


def summary_of(book: Book, entry: Found, on: date, codes: frozenset[str]) -> BodySummary:
    """One body's summary at ``on``: its verdicts, plan, actions, and what it has not sent."""
    status = year_status(book, on)
    plan = plan_status(book, on)
    decision = book.objectives.decision
    issued = f"{decision.number} ngày {decision.date:%d/%m/%Y}" if decision.number and decision.date else None
    checks = {}
    for kind in YEARLY_CHECKS:
        states = [s for s in plan.states if s.task.kind == kind]
        checks[kind] = any(s.status in DONE for s in states) if states else None
    since = period_start(on)
    dated = [record.as_of for record in book.counted_records if record.as_of <= on]
    issuer = book.objectives.issuer
    return BodySummary(
        folder=entry.shown, name=issuer.short_name, code=issuer.code, parent=issuer.parent, kind=entry.kind,
        years=entry.years, year=book.year, as_of=on, decision=issued,
        counts=dict(status.summary), stale=sum(1 for e in status.evaluations if e.stale),
        tasks_done=sum(1 for s in plan.states if s.status in DONE),
        tasks_overdue=sum(1 for s in plan.states if s.status == "overdue"),
        actions_open=sum(1 for a in book.actions if a.is_open),
        actions_overdue=sum(1 for a in book.actions if a.state(on) == "overdue"),
        checks=checks,
        indicators={e.target.indicator: e for e in status.evaluations if e.target.indicator in codes},
        targets=tuple(_line(e) for e in status.evaluations),
        damaged=tuple(str(problem) for problem in book.damaged),
        latest=max(dated, default=None),
        missing=tuple(e.target.id for e in status.evaluations if e.figure is None or e.figure.since < since),
        sent=any(day >= since for day in dated),
        updated=_last_written(book),
    )


def _line(evaluation: Evaluation) -> TargetLine:
    """A target's verdict kept as words and numbers, without the target and its records."""
    target, figure = evaluation.target, evaluation.figure
    return TargetLine(target.id, target.label, target.unit, plan_words(target, unit=False),
                      actual_value(evaluation), figure.as_of if figure else None,
                      bool(figure and figure.estimated), evaluation.status, status_words(evaluation))


def _last_written(book: Book) -> datetime | None:
    """When the body last wrote a line (a figure, a completion, an action, a withdrawal)."""
    stamps = [_utc(entry.recorded_at) for lines in (book.record_lines, book.completion_lines, book.event_lines,
                                                    book.withdrawal_lines) for entry in lines]
    return max(stamps, default=None)


def _utc(moment: datetime) -> datetime:
    """A time as UTC: mtcl writes it so; a line edited by hand may say no zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def as_bundled(body: BodySummary, manifest: Manifest, unpacked_at: str) -> BodySummary:
    """A body read from a bundle: its problems located in the bundle rather than in the
    folder it was unpacked to, dated when the bundle was made, and refused when its files
    name another body than its manifest."""
    def located(text: str) -> str:
        return text.replace(unpacked_at, body.folder)

    said = manifest.body
    if body.named and (body.name, _code_key(body.code)) != (said.name, _code_key(said.code)):
        return replace(body, state="failed", error=f"bảng kê của gói ghi đơn vị '{said.name}' (mã {said.code or '—'})"
                       f" nhưng objectives.yaml trong gói ghi '{body.name}' (mã {body.code or '—'})")
    return replace(body, error=located(body.error) if body.error else None,
                   damaged=tuple(located(text) for text in body.damaged),
                   updated=_utc(manifest.made_at), period=manifest.period)


# Every body once.

def identity(body: BodySummary) -> tuple[str, ...]:
    """What tells a body from another: its code, else its name and the level above it
    (compared without case or diacritics); a body whose files cannot say it is its folder."""
    if body.code:
        return ("code", _code_key(body.code))
    if body.named:
        return ("name", fold(body.name), fold(body.parent or ""))
    return ("folder", body.folder)


def _code_key(code: str | None) -> str | None:
    """A code as compared: 00004 written as a number in YAML reads 4."""
    return (code.lstrip("0") or "0") if code else None


def _keys(bodies: list[BodySummary]) -> list[tuple[str, ...]]:
    """Each body's identity; a body without a code is the body with a code of the same name
    and level above, when there is exactly one such."""
    keys = [identity(body) for body in bodies]
    coded: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for body, key in zip(bodies, keys):
        if key[0] == "code":
            coded.setdefault(("name", fold(body.name), fold(body.parent or "")), set()).add(key)
    return [next(iter(coded[key])) if key in coded and len(coded[key]) == 1 else key for key in keys]


def one_per_body(summaries: list[BodySummary]) -> tuple[list[BodySummary], list[SetAside]]:
    """One summary per body, and each other copy set aside with why: the copy read whole
    with the year is used before one without it or one that does not load, and of two such
    the newer (the last line written, the bundle made last)."""
    groups: dict[tuple[str, ...], list[BodySummary]] = {}
    for key, body in zip(_keys(summaries), summaries):
        groups.setdefault(key, []).append(body)
    bodies, set_aside = [], []
    for group in groups.values():
        chosen = max(group, key=lambda b: (PRIORITY[b.state], b.updated or EPOCH))  # the first of equals
        bodies.append(chosen)
        set_aside += [_copy(other, chosen) for other in group if other is not chosen]
    return bodies, set_aside


def _copy(other: BodySummary, chosen: BodySummary) -> SetAside:
    """Why a copy of a body is not the one counted."""
    name = chosen.name
    if other.state == "failed":
        return SetAside(other.folder, f"bản của {name} không đọc được ({other.error}); dùng '{chosen.folder}'")
    if other.updated == chosen.updated:
        return SetAside(other.folder, f"bản trùng của {name} ({_when(other)}); dùng '{chosen.folder}'", benign=True)
    if other.kind == chosen.kind == "bundle" and other.period == chosen.period:
        return SetAside(other.folder, f"gói của {name} {_when(other)}, đã được thay bằng gói '{chosen.folder}' "
                                      f"{_when(chosen)}", benign=True)
    if other.state == "no_year":
        return SetAside(other.folder, f"bản của {name} chưa có số liệu năm {chosen.year}; dùng '{chosen.folder}'",
                        benign=True)
    return SetAside(other.folder, f"bản cũ hơn của {name} ({_when(other)}); dùng bản mới hơn '{chosen.folder}' "
                                  f"({_when(chosen)})", benign=True)


def _when(body: BodySummary) -> str:
    """'lập 21/06/2023 08:00' (a bundle), 'ghi lần cuối 20/06/2023 09:15' (a folder)."""
    if body.updated is None:
        return "chưa ghi số liệu nào"
    return f"{'lập' if body.kind == 'bundle' else 'ghi lần cuối'} {body.updated:%d/%m/%Y %H:%M}"


def told_apart(bodies: list[BodySummary]) -> list[BodySummary]:
    """The bodies, each of a name another body shares named with its code (or the level
    above it, or its folder)."""
    names = Counter(body.name for body in bodies)
    return [replace(body, name=f"{body.name} ({_apart(body)})") if names[body.name] > 1 else body
            for body in bodies]


def _apart(body: BodySummary) -> str:
    """What tells a body from another of its name: its code, the level above, its folder."""
    return f"mã {body.code}" if body.code else body.parent or body.folder


def ranked(bodies: list[BodySummary]) -> list[BodySummary]:
    """The bodies with the rank of each one counted that has sent figures: by the share of
    its targets met, then the fewest falling short; equal bodies share a rank."""
    order = sorted((body for body in bodies if body.rankable), key=lambda body: (-body.share, body.short))
    ranks: dict[tuple, int] = {}
    for place, body in enumerate(order, start=1):
        ranks.setdefault((body.share, body.short), place)
    return [replace(body, rank=ranks[(body.share, body.short)]) if body.rankable else body for body in bodies]


def catalogue_beside(paths: list[Path]) -> Path | None:
    """An indicators.yaml in one of the folders given, or in the folder above one."""
    for path in paths:
        for folder in (path, path.parent):
            if (folder / "indicators.yaml").is_file():
                return folder / "indicators.yaml"
    return None
