"""mtcl — the quality objectives (Mục tiêu chất lượng) of a commune People's Committee.

The library loads a year's objectives and plan from hand-written YAML, records the figures
and task completions the office sends in, computes attainment and deadlines, and renders
the reports.  The command line (``mtcl.cli``) is a thin layer over it.
"""

__version__ = "0.1.0"
