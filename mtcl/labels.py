"""The Vietnamese words for the codes the core computes, shared by terminal and reports."""

OPS = {">=": "≥", ">": ">", "<=": "≤"}

KINDS = {
    "ratio": "tỷ lệ",
    "cumulative": "lũy kế",
    "level": "mức",
    "checklist": "tiêu chí",
}

REPEATS = {
    "quarterly": "hằng quý",
    "half-yearly": "6 tháng/lần",
    "yearly": "hằng năm",
    "continuous": "thường xuyên",
}

STATUSES = {
    "met": "Đạt",
    "near": "Gần đạt",
    "on_track": "Đúng tiến độ",
    "behind": "Chậm tiến độ",
    "not_met": "Chưa đạt",
    "no_data": "Chưa có số liệu",
}

TASK_STATUSES = {
    "done": "Đã hoàn thành",
    "done_late": "Hoàn thành trễ hạn",
    "overdue": "Quá hạn",
    "due_soon": "Sắp đến hạn",
    "upcoming": "Chưa đến hạn",
    "continuous": "Thường xuyên",
}
