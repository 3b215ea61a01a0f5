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
