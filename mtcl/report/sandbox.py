"""The sandbox a report template runs in: Jinja's own, with limits on what one template may
make the machine do.

A template is a file the officer edits (or downloads from a colleague); it must not reach
Python's internals (Jinja's sandbox sees to that), nor hang the PC or fill its memory.  So
a number a template hands to a function or a filter is bounded, a string or list it builds
is bounded, ``**`` takes small exponents only, the numbers its loops count through
(``range``) are bounded in all, and the whole render has a time limit as a last resort;
crossing any of them is a ``TemplateLimit`` with a Vietnamese message.
"""

from __future__ import annotations

import _thread
import functools
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

MAX_SECONDS = 10  # for one render
MAX_NUMBER = 100_000  # any whole number a template passes to a filter or function
MAX_TEXT = 1_000_000  # characters (or items) of any one string or list a template builds
MAX_EXPONENT = 64
MAX_STEPS = 1_000_000  # numbers all the ranges of one render may count through


class TemplateLimit(Exception):
    """A template asked for more than a report needs."""


class GuardedEnvironment(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, autoescape: bool):
        super().__init__(undefined=StrictUndefined, autoescape=autoescape, keep_trailing_newline=True)
        self.globals.pop("lipsum", None)  # lorem ipsum of any length: no use in a report
        self.globals["range"] = self._counted_range
        self.filters = {name: _guarded(function) for name, function in self.filters.items()}
        self.steps = 0

    def _counted_range(self, *args: int) -> range:
        """Jinja's own range, each number counted: loops in loops stop at ``MAX_STEPS``,
        however fast the machine (or loaded)."""
        numbers = range(*args)
        self.steps += len(numbers)
        if self.steps > MAX_STEPS:
            raise TemplateLimit(f"vòng lặp quá lớn (hơn {MAX_STEPS:,} bước)".replace(",", "."))
        return numbers

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > MAX_EXPONENT:
            raise TemplateLimit(f"lũy thừa với số mũ {right} quá lớn (tối đa {MAX_EXPONENT})")
        if operator == "*":
            for sized, times in ((left, right), (right, left)):
                if isinstance(sized, (str, list, tuple)) and isinstance(times, int) and len(sized) * times > MAX_TEXT:
                    raise TemplateLimit(f"chuỗi hoặc danh sách dài quá {MAX_TEXT:,} ký tự".replace(",", "."))
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's names)
        _check_arguments(args, kwargs)
        return _checked_result(super().call(__context, __obj, *args, **kwargs))


def _guarded(function: Callable) -> Callable:
    """A filter that refuses huge arguments and huge results (``center(10**9)``)."""

    @functools.wraps(function)  # keeps Jinja's pass_context / pass_environment marks
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _check_arguments(args, kwargs)
        return _checked_result(function(*args, **kwargs))

    return guarded


def _check_arguments(args: tuple, kwargs: dict) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
            raise TemplateLimit(f"số {value} quá lớn cho một mẫu báo cáo (tối đa {MAX_NUMBER:,})".replace(",", "."))
        if isinstance(value, (str, list, tuple)) and len(value) > MAX_TEXT:
            raise TemplateLimit(f"chuỗi hoặc danh sách dài quá {MAX_TEXT:,} ký tự".replace(",", "."))


def _checked_result(result: Any) -> Any:
    if isinstance(result, (str, list, tuple)) and len(result) > MAX_TEXT:
        raise TemplateLimit(f"chuỗi hoặc danh sách dài quá {MAX_TEXT:,} ký tự".replace(",", "."))
    return result


@contextmanager
def time_limit(seconds: float | None = None) -> Iterator[None]:
    """Stop a render that runs longer than ``seconds`` (``MAX_SECONDS``): a watchdog thread
    interrupts the main thread (as Ctrl-C would), on Windows as on Linux."""
    seconds = seconds or MAX_SECONDS
    fired = threading.Event()

    def interrupt() -> None:
        fired.set()
        _thread.interrupt_main()

    # A program started in the background (a scheduled task, 'mtcl … &') may inherit Ctrl-C
    # ignored, and then the interrupt does nothing: the render would never stop.
    previous = signal.getsignal(signal.SIGINT)
    takes_over = previous is not signal.default_int_handler and threading.current_thread() is threading.main_thread()
    if takes_over:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    timer = threading.Timer(seconds, interrupt)
    timer.daemon = True
    timer.start()
    try:
        yield
    except KeyboardInterrupt:
        if fired.is_set():
            raise TemplateLimit(f"chạy quá {seconds:g} giây (vòng lặp quá lớn?)") from None
        raise
    finally:
        timer.cancel()
        if takes_over:
            signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)
