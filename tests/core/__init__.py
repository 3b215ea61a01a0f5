"""The pure core's rules at their edges, one named rule a test, exact values and messages.

These are the tests mutation testing runs (``[tool.mutmut]`` in pyproject.toml,
benchmarks/MUTATION.md): each pins a rule the officer relies on, so that changing the rule
fails a test.  They call the core's functions directly: no files, no CLI, milliseconds each.
"""
