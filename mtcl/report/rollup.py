"""What the level above reads: the roll-up of its bodies as a Word report in the Decree 30
format, signed by the level above, and as sheets.

The report is written as an office writes one: what the bodies achieved together, which
did best and which are behind and on what, who has sent nothing, what the level above will
see to; the bodies' table and the shared indicators follow the signature as an appendix.
No file path, no tool's word: a body is named by its own name, a problem by what it means.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from mtcl.core.actions import NEEDS_ACTION
from mtcl.core.models import Catalogue
from mtcl.core.numbers import format_date, format_percent, rounded_number
from mtcl.core.periods import period_phrase
from mtcl.core.text import fold
from mtcl.core.words import STATUS_WORDS, capitalised, lowered, with_unit
from mtcl.report.context import letterhead_of, signer_org_of, without_part_words
from mtcl.report.sheets import Table, table_of
from mtcl.usecases.summaries import BodySummary, IndicatorView, Rollup
from mtcl.usecases.views import (BODY_COLUMNS, BODY_TARGET_COLUMNS, NOT_SENT_COLUMNS, SET_ASIDE_COLUMNS, body_state,
                                 body_targets, indicator_columns, pick, row_words, sending_words)

INDICATOR = ("rank", "body", "actual", "plan", "status")
APPENDIX = pick(BODY_COLUMNS, ("rank", "name", "met", "share", "short", "no_data", "tasks_overdue", "actions_open",
                               "internal_audit", "management_review"))
NAMED = 3  # bodies named at each end of the ranking, targets named for a body behind
LISTED = 10  # bodies listed one by one before the rest are counted


# The sheets.

def rollup_tables(result: Rollup) -> list[Table]:
    """The sheets of the workbook: the bodies (the best first), each body's targets, who has
    not sent, what was not counted, then each shared indicator (with the median of the
    bodies' figures under them)."""
    tables = [table_of("Các đơn vị", BODY_COLUMNS, _in_rank_order(result)), targets_table(result),
              table_of("Chưa gửi số liệu", NOT_SENT_COLUMNS, result.not_sent)]
    if result.set_aside:
        tables.append(table_of("Không tổng hợp", SET_ASIDE_COLUMNS, result.set_aside))
    for view in result.indicators:
        sheet = table_of(view.indicator.code, indicator_columns(view.indicator.unit), view.ranked())
        sheet.rows.append(["", "Trung vị", view.median, None, None, None, None])
        tables.append(sheet)
    return tables


def targets_table(result: Rollup) -> Table:
    """The province's own consolidation: one row per body and target."""
    return table_of("Chỉ tiêu các đơn vị", BODY_TARGET_COLUMNS, body_targets(result.bodies))


def _in_rank_order(result: Rollup) -> list[BodySummary]:
    """The bodies ranked, the best first, then those not ranked."""
    return [*result.ranking(), *(body for body in result.bodies if not body.rank)]


# The report.

def bodies_chart(result: Rollup) -> dict:
    """The share of targets met by each body counted, the best first, for the picture
    (``picture.chart_png``); a body without any figure yet is a gap, not a zero."""
    bodies = [*result.ranking(), *(body for body in result.counted if not body.rank)]
    shares = [body.share if body.rankable else None for body in bodies]
    return {"title": "Tỷ lệ chỉ tiêu đạt của từng đơn vị (%)", "labels": [body.label for body in bodies],
            "series": [{"name": "Tỷ lệ chỉ tiêu đạt", "values": shares,
                        "percents": [format_percent(share) if share is not None else "" for share in shares],
                        "counts": [f"{body.counts.get('met', 0)}/{body.counts.get('total', 0)}" for body in bodies]}]}


def rollup_context(result: Rollup, catalogue: Catalogue, period: str | None, signed: date, number: str | None,
                   signer: str | None) -> dict:
    """The level above's summary report of ``result``, signed on ``signed``."""
    issuer, settings = catalogue.issuer, catalogue.report
    period_words = period_phrase(period, result.year) if period else f"năm {result.year} đến ngày " \
                                                                      f"{format_date(result.as_of)}"
    numbered = f"{number or '      '}/BC-{settings.symbol}"
    return {
        **letterhead_of(issuer, signed, numbered),
        "subject": f"Tổng hợp kết quả thực hiện Mục tiêu chất lượng {period_words} của các đơn vị",
        "intro": f"Thực hiện việc theo dõi áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO "
                 f"9001:2015, {issuer.short_name} tổng hợp kết quả thực hiện Mục tiêu chất lượng {period_words} "
                 f"của các đơn vị như sau:",
        "general": general(result),
        "results": results(result),
        "shortcomings": shortcomings(result),
        "directions": directions(result),
        "closing": f"Trên đây là báo cáo tổng hợp kết quả thực hiện Mục tiêu chất lượng {period_words} của các đơn "
                   f"vị./.",
        "recipients": [f"- {r};" for r in settings.recipients] + [f"- Lưu: {settings.archive}."],
        "signer_org": signer_org_of(issuer, settings),
        "signer_title": settings.signer_title.upper(),
        "signer": signer or settings.signer or "",
        "appendix_title": f"KẾT QUẢ THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG {period_words.upper()} CỦA CÁC ĐƠN VỊ",
        "appendix_note": f"(Kèm theo Báo cáo số {numbered} ngày {format_date(signed)} của {issuer.short_name})",
        "bodies": [row_words(APPENDIX, body) for body in _in_rank_order(result) if body.state == "counted"],
        "unranked": [f"- {body.label}: {sending_words(body)}." for body in result.bodies if body.state != "counted"],
        "indicators": [{
            "heading": f"Biểu {number}. {view.indicator.name} ({view.indicator.unit})",
            "rows": [row_words(pick(indicator_columns(view.indicator.unit), INDICATOR), ranked)
                     for ranked in view.ranked()],
            "median": f"Trung vị: {_median_words(view)}.",
        } for number, view in enumerate(result.indicators, start=2)],
    }


def general(result: Rollup) -> list[str]:
    """Section I: how many bodies were summarised and which were not, their decisions, the
    internal audits and reviews, the corrective actions."""
    counted = result.counted
    paragraphs = [_summarised(result)]
    if not counted:
        return paragraphs
    issued = [body for body in counted if body.decision]
    decided = (f"Các đơn vị đã tổng hợp đều đã ban hành Quyết định Mục tiêu chất lượng và Kế hoạch thực hiện năm "
               f"{result.year}" if len(issued) == len(counted) else
               f"{len(issued)}/{len(counted)} đơn vị đã ban hành Quyết định Mục tiêu chất lượng và Kế hoạch thực hiện"
               f" năm {result.year}; chưa có số, ngày quyết định: "
               f"{_names([b for b in counted if not b.decision])}")
    paragraphs.append(f"{decided} (theo số, ngày quyết định ghi trong dữ liệu của đơn vị).")
    checks = [_check_words(counted, check, words) for check, words in CHECKS.items()]
    if any(checks):
        paragraphs.append(capitalised("; ".join(check for check in checks if check)) + ".")
    open_actions = [body for body in counted if body.actions_open]
    if open_actions:
        overdue = sum(body.actions_overdue for body in open_actions)
        paragraphs.append(f"{len(open_actions)} đơn vị còn {sum(b.actions_open for b in open_actions)} hành động "
                          f"khắc phục đang thực hiện" + (f", trong đó {overdue} quá hạn" if overdue else "") + ".")
    return paragraphs


def _summarised(result: Rollup) -> str:
    """'Tổng hợp 18/20 đơn vị; chưa tổng hợp được: …'."""
    sent = [body for body in result.counted if body.rankable]
    text = (f"Tổng hợp số liệu của {len(sent)}/{len(result.bodies)} đơn vị đến ngày {format_date(result.as_of)}"
            if result.as_of else f"Chưa tổng hợp được đơn vị nào trong {len(result.bodies)} đơn vị")
    silent = [body for body in result.counted if not body.rankable]
    late = [body for body in result.bodies if body.state == "no_year"]
    failed = result.failed
    parts = []
    if silent:
        parts.append(f"chưa gửi số liệu nào: {_names(silent)}")
    if late:
        parts.append(f"chưa có số liệu năm {result.year}: {_names(late)}")
    if failed:
        parts.append(f"dữ liệu gửi lên có lỗi, chưa đọc được: {_names(failed)}")
    left = len(silent) + len(late) + len(failed)
    return text + (f"; chưa tổng hợp được {left} đơn vị ({'; '.join(parts)})" if parts else "") + "."


CHECKS = {"internal_audit": "đánh giá nội bộ", "management_review": "xem xét của lãnh đạo"}


def _check_words(bodies: list[BodySummary], check: str, words: str) -> str:
    """'đánh giá nội bộ: 5/17 đơn vị đã thực hiện', among the bodies whose plan has it;
    'chưa đơn vị nào thực hiện xem xét của lãnh đạo (có trong kế hoạch của 17 đơn vị)'."""
    planned = [body for body in bodies if body.checks.get(check) is not None]
    if not planned:
        return ""
    done = sum(1 for body in planned if body.checks[check])
    if not done:
        return f"chưa đơn vị nào thực hiện {words} (có trong kế hoạch của {len(planned)} đơn vị)"
    return f"{done}/{len(planned)} đơn vị đã thực hiện {words}"


def results(result: Rollup) -> list[str]:
    """Section II: the targets of all the bodies together, the ranking, each shared indicator."""
    counted = [body for body in result.counted if body.rankable]  # a body that has sent nothing: said in section I
    if not counted:
        return ["Chưa có đơn vị nào có số liệu để tổng hợp."]
    totals = {key: sum(body.counts.get(key, 0) for body in counted) for key in (*STATUS_WORDS, "total")}
    others = [f"{totals[key]} {STATUS_WORDS[key].lower()}" for key in STATUS_WORDS if key != "met" and totals[key]]
    share = format_percent(Decimal(100 * totals["met"]) / totals["total"])
    paragraphs = [f"Tổng số {totals['total']} chỉ tiêu của {len(counted)} đơn vị: {totals['met']} chỉ tiêu đạt kế "
                  f"hoạch ({share})" + (f", {', '.join(others)}" if others else "") + "."]
    paragraphs += _common_words(counted)
    paragraphs.append(_ranking_words(result.ranking(), [body for body in result.counted if not body.rank]))
    paragraphs += [_indicator_words(view) for view in result.indicators if view.rows]
    return paragraphs


def _common_words(bodies: list[BodySummary]) -> list[str]:
    """What most bodies met, and where several fall short, among the targets most of them
    share (the same words, as bodies given one model of objectives write them)."""
    shared: dict[str, list] = {}
    for body in bodies:
        for line in body.targets:
            shared.setdefault(fold(line.name), []).append(line)
    common = [lines for lines in shared.values() if len(lines) > 1 and 2 * len(lines) >= len(bodies)]
    met = sorted((lines for lines in common if 2 * _with(lines, ("met",)) > len(lines)),
                 key=lambda lines: -_with(lines, ("met",)))
    short = sorted((lines for lines in common if _with(lines, NEEDS_ACTION) > 1),
                   key=lambda lines: -_with(lines, NEEDS_ACTION))
    paragraphs = []
    if met:
        paragraphs.append("Phần lớn các đơn vị đạt kế hoạch về " + _shared_labels(met, ("met",)) + ".")
    if short:
        paragraphs.append("Nhiều đơn vị còn chậm tiến độ, chưa đạt về " + _shared_labels(short, NEEDS_ACTION) + ".")
    return paragraphs


def _with(lines: list, statuses: tuple[str, ...]) -> int:
    """How many of a shared target's lines have one of ``statuses``."""
    return sum(1 for line in lines if line.status in statuses)


def _shared_labels(groups: list[list], statuses: tuple[str, ...]) -> str:
    """'thu ngân sách (15/17 đơn vị), …' for the first few, and how many more."""
    named = [f"{lowered(without_part_words(lines[0].name))} ({_with(lines, statuses)}/{len(lines)} đơn vị)"
             for lines in groups[:NAMED + 2]]
    more = len(groups) - len(named)
    return "; ".join(named) + (f" và {more} chỉ tiêu khác" if more else "")


def _ranking_words(ranking: list[BodySummary], unranked: list[BodySummary]) -> str:
    """The bodies by the share of their targets met: all of them when few, else the first
    and the last few; the mean; and those not ranked, that have sent no figure yet."""
    left = (f"{_names(unranked)} chưa có số liệu nên chưa xếp hạng" if unranked else "")
    if not ranking:
        return f"Chưa xếp hạng được đơn vị nào: {left} (chi tiết tại Biểu 1 kèm theo)."
    mean = format_percent(sum(body.share for body in ranking) / len(ranking))
    if len(ranking) <= 2 * NAMED:
        listed = f"xếp theo tỷ lệ chỉ tiêu đạt: {_with_share(ranking)}"
    else:
        listed = (f"cao nhất là {_with_share(ranking[:NAMED])}; thấp nhất là "
                  f"{_with_share(ranking[-NAMED:])}")
    whom = "mỗi đơn vị có số liệu" if unranked else "mỗi đơn vị"
    return (f"Bình quân {whom} đạt {mean} số chỉ tiêu; {listed}" + (f"; {left}" if left else "")
            + " (chi tiết tại Biểu 1 kèm theo).")


def _with_share(bodies: list[BodySummary]) -> str:
    """'UBND xã Giang Hải (11/40 chỉ tiêu, 27,5%)', 'UBND xã Giao Lạc (chưa có chỉ tiêu đạt)'."""
    return ", ".join(f"{body.name} ({body.counts['met']}/{body.counts['total']} chỉ tiêu, "
                     f"{format_percent(body.share)})" if body.counts["met"] else f"{body.name} (chưa có chỉ tiêu đạt)"
                     for body in bodies)


def _indicator_words(view: IndicatorView) -> str:
    """'Phần lớn các đơn vị đạt kế hoạch về tỷ lệ hồ sơ … (18/20 đơn vị; trung vị 99,1%);
    cao nhất …, thấp nhất …', or 'Về tỷ lệ …, 2/4 đơn vị đạt kế hoạch (trung vị 99,1%); …'."""
    indicator = view.indicator
    known = [row for row in view.rows if row.actual is not None]
    met = f"{view.met}/{len(view.rows)} đơn vị"
    median = f"trung vị {_median_words(view)}" if known else None
    if 2 * view.met > len(view.rows):
        text = f"Phần lớn các đơn vị đạt kế hoạch về {lowered(indicator.name)} ({'; '.join(filter(None, (met, median)))})"
    else:
        text = f"Về {lowered(indicator.name)}, {met} đạt kế hoạch" + (f" ({median})" if median else "")
    if len(known) > 1 and known[0].actual != known[-1].actual:
        text += f"; cao nhất {_figure(known[0])}, thấp nhất {_figure(known[-1])}"
    missing = len(view.rows) - len(known)
    return text + (f"; {missing} đơn vị chưa có số liệu" if missing else "") + "."


def _figure(row) -> str:
    """'UBND xã Giang Hải (99,2%)'."""
    return f"{row.body} ({with_unit(rounded_number(row.actual), row.evaluation.target.unit or '')})"


def shortcomings(result: Rollup) -> list[str]:
    """Section III: the bodies behind and on what, who has not sent, whose data was not
    read whole, whose plan has overdue tasks."""
    paragraphs = []
    behind = sorted((body for body in result.counted if body.short), key=lambda body: (-body.short, body.name))
    if behind:
        paragraphs.append(f"{len(behind)} đơn vị có chỉ tiêu chậm tiến độ, chưa đạt hoặc gần đạt kế hoạch:")
        paragraphs += [f"- {body.name}: {_short_words(body)}." for body in behind[:LISTED]]
        if len(behind) > LISTED:
            paragraphs.append(f"- {len(behind) - LISTED} đơn vị khác (chi tiết tại Biểu 1 kèm theo).")
    silent = _silent(result)
    if silent:
        paragraphs.append(f"Chưa gửi số liệu của kỳ: {'; '.join(f'{b.label} ({_silence(b)})' for b in silent)}.")
    partial = [body for body in result.counted if body.sent and body.missing]
    if partial:
        most = max(partial, key=lambda body: len(body.missing))
        paragraphs.append(f"{len(partial)} đơn vị còn thiếu số liệu của kỳ ở một số chỉ tiêu (nhiều nhất: "
                          f"{most.name}, {sending_words(most)}).")
    for body in result.damaged:
        paragraphs.append(f"Dữ liệu của {body.name} có {len(body.damaged)} dòng số liệu bị lỗi, đã được bỏ qua khi "
                          "tổng hợp; đơn vị cần kiểm tra và gửi lại.")
    overdue = sorted((body for body in result.counted if body.tasks_overdue), key=lambda b: (-b.tasks_overdue, b.name))
    if overdue:
        paragraphs.append("Các đơn vị có nhiệm vụ của Kế hoạch thực hiện Mục tiêu chất lượng quá hạn: "
                          f"{', '.join(f'{b.name} ({b.tasks_overdue} lần)' for b in overdue)}.")
    return paragraphs or ["Các đơn vị đều thực hiện đúng tiến độ Mục tiêu chất lượng và kế hoạch đã ban hành."]


def _silent(result: Rollup) -> list[BodySummary]:
    """The bodies that sent nothing for the period: without the year, or without a figure of it."""
    return [body for body in result.not_sent if body.state != "counted" or not body.sent]


def _silence(body: BodySummary) -> str:
    """'chưa có số liệu năm 2023', 'số liệu mới nhất ngày 31/03/2023', 'chưa có số liệu nào'."""
    if body.state != "counted":
        return lowered(body_state(body))
    return f"số liệu mới nhất ngày {format_date(body.latest)}" if body.latest else "chưa có số liệu nào"


def _short_words(body: BodySummary) -> str:
    """'3 chỉ tiêu chậm tiến độ, 1 chỉ tiêu chưa đạt (thu ngân sách …, …)'."""
    counts = [f"{body.counts[key]} chỉ tiêu {STATUS_WORDS[key].lower()}" for key in NEEDS_ACTION
              if body.counts.get(key)]
    labels = [lowered(without_part_words(line.name)) for line in body.targets if line.status in NEEDS_ACTION]
    named = ", ".join(labels[:NAMED]) + (f" và {len(labels) - NAMED} chỉ tiêu khác" if len(labels) > NAMED else "")
    return f"{', '.join(counts)} ({named})"


def directions(result: Rollup) -> list[str]:
    """Section IV: what the level above will see to, from what the roll-up found."""
    paragraphs = []
    silent = _silent(result)
    if silent:
        paragraphs.append(f"- Đôn đốc {_names(silent)} gửi số liệu thực hiện Mục tiêu chất lượng của kỳ.")
    partial = [body for body in result.counted if body.sent and body.missing]
    if partial:
        paragraphs.append("- Đề nghị các đơn vị còn thiếu số liệu của một số chỉ tiêu gửi bổ sung.")
    resend = [*result.failed, *result.damaged]
    if resend:
        paragraphs.append(f"- Đề nghị {_names(resend)} kiểm tra lại dữ liệu và gửi lại.")
    behind = [body for body in result.counted if body.short]
    if behind:
        paragraphs.append("- Yêu cầu các đơn vị có chỉ tiêu chậm tiến độ, chưa đạt phân tích nguyên nhân, thực hiện "
                          "hành động khắc phục theo điều 10.2 của TCVN ISO 9001:2015 và báo cáo kết quả.")
    late_actions = [body for body in result.counted if body.actions_overdue]
    if late_actions:
        paragraphs.append(f"- Đôn đốc {_names(late_actions)} hoàn thành các hành động khắc phục quá hạn.")
    return paragraphs or ["- Tiếp tục theo dõi, đôn đốc các đơn vị duy trì kết quả đã đạt được."]


def _names(bodies: list[BodySummary]) -> str:
    """The bodies named one after another, as a sentence lists them."""
    return ", ".join(body.label for body in bodies)


def _median_words(view: IndicatorView) -> str:
    """'99,1%', or that no body has a figure."""
    median = view.median
    if median is None:
        return "chưa có đơn vị nào có số liệu"
    return with_unit(rounded_number(median), view.indicator.unit)
