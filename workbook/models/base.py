"""What every entry shares: validation at construction and plain-data conversion.

An entry is checked when it is made from a person's answers or from a file from
outside. An entry read back from the journal is not checked again: it passed the
rules of the day it was written, and today's rules (a reworded or shortened pick
list, a new limit) must never make it unreadable.
"""

from __future__ import annotations

import contextvars
import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from workbook import messages
from workbook.models._plain import (
    _converters,
    _dtype,
    _hints,
    _initial,
    _plain,
    _plain_steps,
    _plainers,
    _Shape,
    _shape,
)
from workbook.models._text import in_full

SHORT_TEXT = 500
NOTE_TEXT = 2_000
LONG_TEXT = 20_000

KINDS: dict[str, type[Entry]] = {}


# Set while an entry is rebuilt from stored data, so construction skips the checks.
_TRUSTED = contextvars.ContextVar("trusted_entry_data", default=False)


class UnreadableData(ValueError):
    """Stored data that can't be turned into an entry of this kind.

    ``reason`` is "newer" (answers this version doesn't know, from a newer version)
    or "data" (something missing or malformed).
    """

    def __init__(self, reason: str, detail: str):
        self.reason = reason
        super().__init__(detail)


class EntryInvalid(ValueError):
    """Raised when an entry can't be built; ``problems`` maps field name to a message."""

    def __init__(self, problems: dict[str, str]):
        self.problems = dict(problems)
        super().__init__("; ".join(f"{name}: {text}" for name, text in self.problems.items()))


class Checks:
    """Collects one plain-language message per field, then raises them together."""

    def __init__(self) -> None:
        self.problems: dict[str, str] = {}

    def _fail(self, field: str, message: str) -> None:
        self.problems.setdefault(field, message)

    def text(self, field: str, value: object, *, required: bool = False,
             limit: int = SHORT_TEXT) -> None:
        if not isinstance(value, str):
            self._fail(field, messages.REQUIRED if required else messages.BAD_CHARACTER)
            return
        if required and not value.strip():
            self._fail(field, messages.REQUIRED)
        elif len(value) > limit:
            self._fail(field, messages.TOO_LONG.format(limit=limit))
        elif _UNSTORABLE.search(value) is not None:
            self._fail(field, messages.BAD_CHARACTER)

    def texts(self, field: str, values: Iterable[object], *, limit: int = SHORT_TEXT) -> None:
        for value in values:
            self.text(field, value, limit=limit)

    def texts_required(self, entry: object, names: Iterable[str], *,
                       limit: int = SHORT_TEXT) -> None:
        """Each of ``entry``'s text answers ``names`` must be written, within ``limit``."""
        for name in names:
            self.text(name, getattr(entry, name), required=True, limit=limit)

    def rating(self, field: str, value: object, low: int, high: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            self._fail(field, messages.NOT_A_NUMBER.format(low=low, high=high))
        elif not low <= value <= high:
            self._fail(field, messages.OUT_OF_RANGE.format(low=low, high=high))

    def choices(self, field: str, values: Iterable[object], allowed: Iterable[str]) -> None:
        """Every value must be on the list; a retired key (kept from an older entry that
        is being edited, or from an older export) may stay."""
        values = tuple(values)
        if not values:
            return  # Nothing picked: no need to gather the list.
        retired = getattr(allowed, "retired", {})
        allowed = set(allowed)
        if any(value not in allowed and value not in retired for value in values):
            self._fail(field, messages.UNKNOWN_CHOICE)

    def choice(self, field: str, value: object, allowed: Iterable[str]) -> None:
        self.choices(field, (value,), allowed)

    def not_future(self, field: str, value: object) -> None:
        if not isinstance(value, dt.date) or value > dt.date.today():
            self._fail(field, messages.IN_THE_FUTURE)

    def date(self, field: str, value: object) -> None:
        if not isinstance(value, dt.date):
            self._fail(field, messages.NO_DATE)

    def not_past(self, field: str, value: object, *, unchanged_from: dt.date | None = None) -> None:
        """A date today or later, unless it is ``unchanged_from`` (the date already saved).

        Entries can't check this themselves: their date may pass while they are stored,
        so forms call it before building one.
        """
        if not isinstance(value, dt.date):
            self._fail(field, messages.NO_DATE)
        elif value < dt.date.today() and value != unchanged_from:
            self._fail(field, messages.IN_THE_PAST)

    def require(self, field: str, ok: bool, message: str) -> None:
        if not ok:
            self._fail(field, message)

    def done(self) -> None:
        if self.problems:
            raise EntryInvalid(self.problems)


# Lone surrogates can't be encoded as UTF-8, and NUL cuts text short in many tools.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


@dataclasses.dataclass(frozen=True)
class Entry:
    """Base for every kind of entry. Subclasses set ``KIND`` and validate in ``check``."""

    KIND: ClassVar[str] = ""
    STRATEGY: ClassVar[str | None] = None
    TITLE: ClassVar[str] = ""
    # Answers chosen from a pick list: field name → name of the list in `workbook.words`.
    PICKS: ClassVar[dict[str, str]] = {}
    # Dates that must be today or later when written (a saved one may pass meanwhile):
    # `written_checks` checks them, as an entry can't check this itself.
    FUTURE_DATES: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.KIND:
            KINDS[cls.KIND] = cls

    def __post_init__(self) -> None:
        if _TRUSTED.get():
            return
        checks = Checks()
        self.check(checks)
        checks.done()

    def check(self, checks: Checks) -> None:
        """Add a message to ``checks`` for every answer that can't be stored."""

    @classmethod
    def written_checks(cls, answers: dict[str, Any], before: Entry | None) -> Checks:
        """Checks of what is being written now (``before`` is the entry it changes, if
        any): each of ``FUTURE_DATES`` today or later, unless left as it was."""
        checks = Checks()
        for name in cls.FUTURE_DATES:
            checks.not_past(name, answers.get(name),
                            unchanged_from=getattr(before, name, None))
        return checks

    def revised(self, before: Entry) -> Entry:
        """This entry as a change of ``before``: what follows from the change (a letter
        given a new reread day is waiting to be read again)."""
        return self

    def saved_words(self, time: str) -> str:
        """What the person is told once this entry is saved at ``time`` (plain text)."""
        return messages.SAVED_AT.format(time=time)

    def summary(self) -> str:
        """One line of plain text describing the entry (not escaped)."""
        return self.TITLE or self.KIND

    def summary_in_full(self) -> str:
        """`summary` with every answer it quotes whole, as written (not escaped)."""
        with in_full():
            return self.summary()

    def derived(self) -> dict[str, Any]:
        """Extra columns for the entry's DataFrame, computed from its answers."""
        return {}

    def shown(self, name: str) -> str:
        """The answer ``name`` as the person reads it: picks become their labels."""
        return self.shown_answer(name, getattr(self, name))

    @classmethod
    def shown_answer(cls, name: str, value: Any) -> str:
        """`shown` for ``value`` held as the answer ``name`` of an entry of this kind."""
        from workbook import words

        values = value if isinstance(value, tuple) else (value,)
        if name in cls.PICKS:
            return ", ".join(getattr(words, cls.PICKS[name]).labels(values))
        return ", ".join(str(v) for v in values)

    def to_data(self) -> dict[str, Any]:
        names, read, converted = _plain_steps(type(self))
        data = dict(zip(names, read(self), strict=True))
        for name, plain in converted:
            data[name] = plain(data[name])
        return data

    @classmethod
    def data_columns(cls, entries: Sequence[Entry]) -> dict[str, list[Any]]:
        """The plain data of ``entries`` (each of this kind) as one list per answer.

        Column by column, the same values `to_data` gives entry by entry.
        """
        return {name: [plain(getattr(entry, name)) for entry in entries]
                for name, plain in _plainers(cls)}

    @classmethod
    def from_data(cls, data: dict[str, Any], *, validate: bool = False) -> Entry:
        """The entry whose plain data is ``data``.

        Stored data is trusted (``validate=False``): it is not checked against today's
        rules. Data from a file from outside is checked (``validate=True``) and raises
        `EntryInvalid`. Either way, data that can't make an entry of this kind at all
        raises `UnreadableData`.
        """
        _known_shape(cls, data)
        convert = _converters(cls)
        values = {name: convert[name](value) for name, value in data.items()}
        token = _TRUSTED.set(not validate)
        try:
            return cls(**values)
        except TypeError as error:
            raise UnreadableData("data", str(error)) from error
        finally:
            _TRUSTED.reset(token)

    @classmethod
    def stored_answers(cls, data: Any, names: Sequence[str]) -> list[Any]:
        """The answers ``names`` as ``from_data(data)`` would hold them, without making
        the entry.

        Stored data only (not checked against today's rules); raises `UnreadableData`,
        or `ValueError` for a date that can't be read, wherever `from_data` would.
        """
        shape = _known_shape(cls, data)
        convert = _converters(cls)
        for name in shape.restore:
            if name in data:  # only these can fail (a date), as they do in `from_data`
                convert[name](data[name])
        _all_required(shape, data)
        initial = _initial(cls)
        return [convert[name](data[name]) if name in data else initial[name]()
                for name in names]

    @classmethod
    def plain_from_data(cls, data: Any) -> dict[str, Any]:
        """What ``from_data(data).to_data()`` gives, without making the entry.

        Stored data only (not checked against today's rules); raises `UnreadableData`,
        or `ValueError` for a date that can't be read, exactly where `from_data` would.
        Reading many entries for a table this way skips one object per entry.
        """
        shape = _known_shape(cls, data)
        restored = {name: restore(data[name]) for name, restore in shape.restore.items()
                    if name in data}
        _all_required(shape, data)
        plain = {**shape.defaults, **data, **restored}
        for name in shape.fresh:
            if name not in data:  # each entry gets its own list, as `to_data` gives
                plain[name] = _plain(plain[name])
        return plain

    @classmethod
    def restores_answers(cls) -> bool:
        """Whether some stored answer comes back changed through an entry (a date)."""
        return bool(_shape(cls).restore)

    @classmethod
    def column_types(cls) -> dict[str, str]:
        """pandas dtype for each field, so every frame of this kind is typed alike."""
        return {name: _dtype(hint) for name, hint in _hints(cls).items()}


def _known_shape(cls: type[Entry], data: Any) -> _Shape:
    """``cls``'s shape; raises `UnreadableData` unless ``data`` names only its answers."""
    if not isinstance(data, dict):
        raise UnreadableData("data", "the answers are not a set of named values")
    shape = _shape(cls)
    if not data.keys() <= shape.names:
        unknown = sorted(data.keys() - shape.names)
        raise UnreadableData("newer", f"answers this version doesn't know: {unknown}")
    return shape


def _all_required(shape: _Shape, data: dict[str, Any]) -> None:
    if not shape.required <= data.keys():
        missing = sorted(shape.required - data.keys())
        raise UnreadableData("data", f"answers missing: {missing}")
