"""Secure Base: a private workbook for feeling more secure in a relationship.

Importing this package is cheap: pandas, matplotlib and ipywidgets load only
when a frame, a chart or a form is first asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["__version__", "data", "default_store"]
__version__ = "0.1.0"

if TYPE_CHECKING:
    from workbook.store import Store


def default_store() -> Store:
    """The journal in the person's data directory (or ``$SECURE_BASE_HOME``)."""
    from workbook.store import default_store as _default_store

    return _default_store()


def data(kind: str | None = None, *, store: Store | None = None, profile: str | None = None) -> Any:
    """One tidy pandas DataFrame per kind of entry, indexed by when it was written.

    ``data("checkin")`` gives the check-ins; ``data()`` gives a dict of every kind.
    Raises ``KeyError`` for a kind the workbook does not know.
    """
    from workbook.frames import data as _data

    return _data(kind, store=store, profile=profile)
