"""The chart as a picture (PNG) for chat groups and slides: the bars of the report's chart
(``context.objectives_chart``), drawn to read on a phone.

Horizontal bars, one row a category (an objective, a commune), the share in large figures
at the end of each bar, a category without figures written as such instead of a bar at 0.
matplotlib draws it with the font it ships (DejaVu Sans, every Vietnamese letter), so the
picture is the same on every machine.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

from mtcl.files.fs import atomic_write

WIDTH, DPI = 1080 / 150, 150  # inches at 150 dpi: 1080 pixels wide, a phone's screen
COLOURS = ("#2E75B6", "#A5A5A5", "#70AD47")
ROW = 0.55  # inches a category takes
SUBTITLE_CHARACTERS = 75  # a line of the subtitle, at 11 points across the picture


def chart_png(chart: dict, subtitle: str, out: Path) -> Path:
    """Draw ``chart`` (title, categories, series of values in % or None) into ``out``."""
    import matplotlib  # 300 ms, only for a picture

    matplotlib.use("Agg")
    from matplotlib import pyplot

    # The names to show: 'MT 6 (chưa có số liệu)' → 'MT 6', where the chart gives no labels of its own.
    categories = chart.get("labels") or [c.split(" (")[0] for c in chart["categories"]]
    series = chart["series"]
    height = 1.6 + ROW * len(categories) * max(1, len(series)) + (0.4 if len(series) > 1 else 0)
    figure, axes = pyplot.subplots(figsize=(WIDTH, height), dpi=DPI)
    band = 0.8 / len(series)
    for index, one in enumerate(series):
        for row, value in enumerate(one["values"]):
            y = row + index * band - 0.4 + band / 2
            if value is None:
                axes.text(1, y, "chưa có số liệu", va="center", fontsize=11, color="#7F7F7F", style="italic")
                continue
            axes.barh(y, float(value), height=band * 0.9, color=COLOURS[index % len(COLOURS)],
                      label=one["name"] if row == 0 else None)
            axes.text(float(value) + 1, y, f"{one['percents'][row]} ({one['counts'][row]})", va="center",
                      fontsize=12, fontweight="bold")
    axes.set_yticks(range(len(categories)), categories, fontsize=12)
    axes.set_ylim(len(categories) - 0.5, -0.5)  # the first on top; a row without a bar keeps its place
    axes.set_xlim(0, 130)
    axes.set_xticks([0, 20, 40, 60, 80, 100], ["0%", "20%", "40%", "60%", "80%", "100%"], fontsize=10)
    axes.grid(axis="x", color="#D9D9D9")
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.suptitle(chart["title"].replace(" (%)", ""), fontsize=13, fontweight="bold", wrap=True)
    axes.set_title(textwrap.fill(subtitle, SUBTITLE_CHARACTERS), fontsize=11, color="#404040")
    if len(series) > 1:
        axes.legend(loc="lower center", bbox_to_anchor=(0.5, -0.25 if len(categories) < 6 else -0.12), ncol=1,
                    fontsize=10, frameon=False)
    figure.tight_layout()
    box = axes.get_position()
    axes.title.set_x((0.5 - box.x0) / box.width)  # centred on the picture, not on the bars beside long names
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    pyplot.close(figure)
    atomic_write(out, buffer.getvalue())
    return out
