"""The Voilà server `make app` runs: Voilà itself, with kernel pools that never keep a
page waiting for a refill's pause.

After a page takes its ready kernel, Voilà waits `app.REFILL_DELAY` seconds before
starting the next one, so the page being opened has the computer to itself. But the
next kernel is already in the pool, pausing: a person who opens the same page again
during that pause (Back, a reload, Home twice) waited for the rest of the pause, then
for the kernel, about 15 s in all. Here a page that is asked for ends its kernel's
pause at once.

Run as ``python -m workbook.app_pools`` with Voilà's own arguments.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any


def pools_that_wake(factory: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap Voilà's ``voila_kernel_manager_factory`` so that the kernel managers it makes
    end a pool kernel's pause when a page asks for that kernel."""

    def make(base_class: type, preheat_kernel: bool, default_pool_size: int,
             page_config_hook: Callable[..., Any] | None = None) -> Any:
        made = factory(base_class, preheat_kernel, default_pool_size,
                       page_config_hook=page_config_hook)
        if not preheat_kernel:
            return made

        class WakingPools(made):  # type: ignore[misc, valid-type]
            """Voilà's pools; a refill pauses on an event a page's request sets."""

            def __init__(self, **kwargs: Any):
                # Pool kernels still in their pause, each with what ends it early.
                self._pauses: dict[asyncio.Task[Any], asyncio.Event] = {}
                super().__init__(**kwargs)

            def fill_if_needed(self, delay: float | None = None,
                               notebook_name: str | None = None, *args: Any,
                               **kwargs: Any) -> None:
                if delay is not None or self.fill_delay <= 0:  # not a refill: as Voilà does
                    super().fill_if_needed(delay, notebook_name, *args, **kwargs)
                    return
                pool = self._pools.get(notebook_name, [])
                before = len(pool)
                # Started at once, each pausing in `_initialize` until its time is up or
                # a page asks for it.
                super().fill_if_needed(0, notebook_name, *args, **kwargs)
                for task in self._pools.get(notebook_name, [])[before:]:
                    self._pauses[task] = asyncio.Event()

            async def _initialize(self, *args: Any, **kwargs: Any) -> Any:
                task = asyncio.current_task()
                pause = self._pauses.get(task) if task is not None else None
                if pause is not None:
                    try:
                        with contextlib.suppress(TimeoutError):  # its time is up
                            await asyncio.wait_for(pause.wait(), self.fill_delay)
                    finally:
                        self._pauses.pop(task, None)
                return await super()._initialize(*args, **kwargs)

            async def get_rendered_notebook(self, notebook_name: str, *args: Any,
                                            **kwargs: Any) -> Any:
                pool = self._pools.get(notebook_name) or []
                if pool and pool[0] in self._pauses:  # the kernel this page will take
                    self._pauses[pool[0]].set()
                return await super().get_rendered_notebook(notebook_name, *args, **kwargs)

        return WakingPools

    return make


def main() -> None:
    import voila.app

    voila.app.voila_kernel_manager_factory = pools_that_wake(
        voila.app.voila_kernel_manager_factory)
    voila.app.main()


if __name__ == "__main__":
    main()
