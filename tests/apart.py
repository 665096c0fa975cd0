"""Running a call in a forked child with a time and memory limit, to see how it ends.

A reader that waits forever on a named pipe or reads ``/dev/zero`` to the end would
hang or exhaust the test run; in a child it is stopped and reported instead.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import pickle
import queue
import resource
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

MEMORY_LIMIT = 1024 * 1024 * 1024  # on top of what the test process already uses
HERE = Path(__file__).resolve().parent


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


def start_fork_server(preload: list[str]) -> None:
    """Start the small server that `run_apart(..., method="forkserver")` forks from, with
    the ``preload`` modules (named as this folder's modules are imported) loaded once.

    A test process that has grown large after hundreds of tests takes 25-55 ms to fork
    here; the server, a few. The server is started with this folder on its path (Python
    3.11's passes it the parent's path but doesn't use it, so a test module couldn't be
    preloaded and every child would import it again).
    """
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(preload)
    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join([str(HERE), *([before] if before else [])])
    try:
        forkserver.ensure_running()
    finally:
        if before is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = before


def run_apart(call: Callable[[], Any], *, seconds: float = 10,
              method: str = "fork") -> Outcome:
    """Run ``call`` in a forked child; report how it ended within ``seconds``.

    With ``method="forkserver"`` the child is forked from the server `start_fork_server`
    started (or a bare one); ``call`` must then be picklable (a module-level function,
    or a `functools.partial` of one).
    """
    context = multiprocessing.get_context(method)
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
