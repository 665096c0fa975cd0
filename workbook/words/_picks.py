"""A pick list: stable keys, which the journal stores, and the labels a person reads.

Rewording a label changes no stored data. A key taken off the list is moved to
``retired`` with the label it last had, so entries that hold it stay readable
forever: it is shown as written, marked as no longer on the list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, Generic, TypeVar

T = TypeVar("T")

NO_LONGER_LISTED = "(no longer on the list)"


class Picks(Mapping[str, T], Generic[T]):
    """Current choices in order, key → item; the item is the label unless ``label_of``
    says how to read one from it (e.g. a card with a label and a description)."""

    def __init__(self, items: Mapping[str, T], *, retired: Mapping[str, str] | None = None,
                 label_of: Callable[[T], str] | None = None):
        self._items = dict(items)
        self.retired = dict(retired or {})
        self._label_of = label_of or str
        clash = set(self._items) & set(self.retired)
        if clash:
            raise ValueError(f"keys both current and retired: {sorted(clash)}")

    def __getitem__(self, key: str) -> T:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"Picks({list(self._items)!r}, retired={list(self.retired)!r})"

    def label(self, key: str) -> str:
        """What the person reads for ``key``; a key no longer listed is shown as written."""
        if key in self._items:
            return self._label_of(self._items[key])
        return f"{self.retired.get(key, key)} {NO_LONGER_LISTED}"

    def labels(self, keys: Any) -> list[str]:
        return [self.label(key) for key in keys]

    def is_current(self, key: object) -> bool:
        return key in self._items

    def storable(self, key: object) -> bool:
        """A key an entry may hold: on the list now, or retired (kept from before)."""
        return key in self._items or key in self.retired

    def position(self, key: str) -> int:
        """Where ``key`` stands in the list; keys no longer listed sort last."""
        for index, current in enumerate(self._items):
            if current == key:
                return index
        return len(self._items)

    def options(self) -> list[tuple[str, str]]:
        """(label, key) pairs, as ipywidgets choice controls take them."""
        return [(self.label(key), key) for key in self._items]

    def renamed(self, label_of: Callable[[str], str]) -> Picks[str]:
        """The same keys under new labels (what a rewording release looks like)."""
        return Picks({key: label_of(self.label(key)) for key in self._items},
                     retired=self.retired)

    def without(self, *keys: str) -> Picks[T]:
        """This list with ``keys`` retired (what a release that drops items looks like)."""
        gone = {key: self.label(key) for key in keys if key in self._items}
        return Picks({k: v for k, v in self._items.items() if k not in gone},
                     retired={**self.retired, **gone}, label_of=self._label_of)
