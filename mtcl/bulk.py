"""Loading many small objects at once without the cyclic garbage collector in the way.

Reading a year (thousands of targets, hundreds of thousands of records) builds many small
objects and no cycles; the collector would rescan all of them again and again as they
accumulate, which costs more than the reading itself and grows faster than the data.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
