"""Small text helpers for entry summaries."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# Set while a summary is written in full (`in_full`): answers are quoted as written.
_IN_FULL: ContextVar[bool] = ContextVar("in_full", default=False)


def shorten(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis (as written,
    line breaks and all, inside `in_full`)."""
    if _IN_FULL.get():
        return text
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@contextmanager
def in_full() -> Iterator[None]:
    """Within this block, `shorten` leaves every text whole."""
    token = _IN_FULL.set(True)
    try:
        yield
    finally:
        _IN_FULL.reset(token)
