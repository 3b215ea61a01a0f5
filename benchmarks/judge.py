"""A longer run of the independent judge (tests/judge/) beside mtcl than CI's 100.000 cases.

    python benchmarks/judge.py --cases 1000000 --seed 1

prints how many (target, date) verdicts were compared, how many years they came from, how
often each verdict occurred, the time taken, and every disagreement (exit code 1 if any).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.judge.agree import compare, metamorphic  # noqa: E402  (the repository's root on the path first)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--metamorphic-years", type=int, default=400)
    options = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as workspace:
        outcome = compare(Path(workspace), options.cases, options.seed)
        broken = metamorphic(Path(workspace), options.metamorphic_years, options.seed)
    print(f"{outcome.cases:,} verdicts from {outcome.years:,} generated years in "
          f"{time.perf_counter() - started:.0f} s; seed {options.seed}")
    print("verdicts:", ", ".join(f"{status} {count:,}" for status, count in outcome.statuses.most_common()))
    print(f"disagreements: {len(outcome.disagreements)}; metamorphic rules broken: {len(broken)}")
    for line in [*outcome.disagreements, *broken][:50]:
        print(" ", line)
    return 1 if outcome.disagreements or broken else 0


if __name__ == "__main__":
    sys.exit(main())
