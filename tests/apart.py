"""Running a call in a forked child with a time and memory limit, to see how it ends.

A reader that waits forever on a named pipe or reads ``/dev/zero`` to the end would
hang or exhaust the test run; in a child it is stopped and reported instead.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import pickle
import queue
import resource
import time
import traceback
from collections.abc import Callable
from typing import Any

MEMORY_LIMIT = 1024 * 1024 * 1024  # on top of what the test process already uses


@dataclasses.dataclass(frozen=True)
class Outcome:
    finished: bool  # False: still running when the time ran out, and stopped
    seconds: float
    error: str = ""  # the exception's class name, "" when the call returned
    errors: tuple[str, ...] = ()  # every class it is an instance of
    message: str = ""
    value: Any = None
    trace: str = ""  # the child's traceback, for an error


def _child(call: Callable[[], Any], results: Any) -> None:
    # Address space in use now (first field of statm, in pages), plus the limit.
    with open("/proc/self/statm") as statm:
        used = int(statm.read().split()[0]) * resource.getpagesize()
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = used + MEMORY_LIMIT
    resource.setrlimit(resource.RLIMIT_AS, (limit if hard < 0 else min(limit, hard), hard))
    try:
        value = call()
    except BaseException as error:  # every ending is reported to the parent
        results.put(("error", type(error).__name__,
                     tuple(c.__name__ for c in type(error).__mro__),
                     getattr(error, "message", str(error)), traceback.format_exc()))
    else:
        try:
            pickle.dumps(value)
        except Exception:  # a value that can't travel is described instead
            value = repr(value)
        results.put(("value", value))


def run_apart(call: Callable[[], Any], *, seconds: float = 10) -> Outcome:
    """Run ``call`` in a forked child; report how it ended within ``seconds``."""
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    child = context.Process(target=_child, args=(call, results), daemon=True)
    start = time.monotonic()
    child.start()
    try:
        found = results.get(timeout=seconds)
    except queue.Empty:  # the time ran out
        found = None
    took = time.monotonic() - start
    if found is None:
        child.kill()
    child.join(5)
    if found is None:
        return Outcome(False, took)
    if found[0] == "value":
        return Outcome(True, took, value=found[1])
    return Outcome(True, took, error=found[1], errors=found[2], message=found[3], trace=found[4])
