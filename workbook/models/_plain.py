"""How an entry's answers become plain data (JSON) and back, worked out once per kind.

Saving, reading and framing entries turn thousands of answers into plain data and
back, so each kind's converters are made once from its type hints and kept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import operator
import types
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbook.models.base import Entry


@functools.cache
def _hints(cls: type[Entry]) -> dict[str, Any]:
    # Resolving type hints is slow; each kind's fields never change while running.
    every = typing.get_type_hints(cls)
    return {f.name: every[f.name] for f in dataclasses.fields(cls)}


@functools.cache
def _converters(cls: type[Entry]) -> dict[str, Callable[[Any], Any]]:
    # One converter per field, worked out once: reading a journal converts every row.
    return {name: _converter(hint) for name, hint in _hints(cls).items()}


@functools.cache
def _initial(cls: type[Entry]) -> dict[str, Callable[[], Any]]:
    # What an entry holds for an answer its data leaves out: the field's default, or a
    # new one from its factory (required answers are never left out of readable data).
    found: dict[str, Callable[[], Any]] = {}
    for field in dataclasses.fields(cls):
        if field.default_factory is not dataclasses.MISSING:
            found[field.name] = field.default_factory
        else:
            found[field.name] = functools.partial(_same, field.default)
    return found


@dataclasses.dataclass(frozen=True)
class _Shape:
    """What reading a kind's plain data needs to know, worked out once per kind."""

    names: frozenset[str]
    required: frozenset[str]
    # Each answer's plain default, in field order (so answers come out in that order).
    defaults: dict[str, Any]
    # Answers whose stored value changes on the way through an entry (dates read and
    # written again); every other answer comes back as stored.
    restore: dict[str, Callable[[Any], Any]]
    # Answers whose default is a list or a set of names: copied for every entry.
    fresh: tuple[str, ...]


@functools.cache
def _shape(cls: type[Entry]) -> _Shape:
    plainers = dict(_plainers(cls))
    defaults: dict[str, Any] = {}
    required = set()
    for field in dataclasses.fields(cls):
        if field.default is not dataclasses.MISSING:
            defaults[field.name] = plainers[field.name](field.default)
        elif field.default_factory is not dataclasses.MISSING:
            defaults[field.name] = plainers[field.name](field.default_factory())
        else:
            required.add(field.name)
            defaults[field.name] = None  # always replaced: a row without it is unreadable
    restore = {name: _restorer(convert, plainers[name])
               for name, convert in _converters(cls).items()
               if convert not in (_same, _as_tuple)}
    fresh = tuple(name for name, value in defaults.items() if isinstance(value, list | dict))
    return _Shape(frozenset(defaults), frozenset(required), defaults, restore, fresh)


def _restorer(convert: Callable[[Any], Any],
              plain: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: plain(convert(value))


def _converter(hint: Any) -> Callable[[Any], Any]:
    """A function turning plain data (JSON) into a value of type ``hint``."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        inner = _converter(next(a for a in args if a is not type(None)))
        if inner is _same:
            return _same
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _converter(args[0])
            if item is _same:
                return _as_tuple
            return lambda value: (tuple(item(v) for v in value) if isinstance(value, list)
                                  else value)
        items = [_converter(arg) for arg in args]
        return lambda value: (tuple(c(v) for v, c in zip(value, items, strict=False))
                              if isinstance(value, list) else value)
    if origin is dict:
        item = _converter(args[1]) if len(args) == 2 else _same
        return lambda value: ({k: item(v) for k, v in value.items()}
                              if isinstance(value, dict) else value)
    if hint is dt.date:
        return lambda value: dt.date.fromisoformat(value) if isinstance(value, str) else value
    return _same


_SIMPLE = (str, int, float, bool)


@functools.cache
def _plainers(cls: type[Entry]) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    # Worked out once per kind: saving and framing entries turn every one into plain data.
    return tuple((name, _plainer(hint)) for name, hint in _hints(cls).items())


@functools.cache
def _plain_steps(cls: type[Entry]) -> tuple[tuple[str, ...], Callable[[Entry], tuple[Any, ...]],
                                             tuple[tuple[str, Callable[[Any], Any]], ...]]:
    # `to_data` for thousands of imported entries: every answer read at once, in field
    # order, then only those that aren't plain already converted.
    names = tuple(name for name, _ in _plainers(cls))
    if len(names) > 1:
        read = operator.attrgetter(*names)  # gives a tuple only for two names or more
    else:
        read = lambda entry: tuple(getattr(entry, name) for name in names)  # noqa: E731
    return names, read, tuple((name, plain) for name, plain in _plainers(cls)
                              if plain is not _same)


def _plainer(hint: Any) -> Callable[[Any], Any]:
    """A function turning a value of type ``hint`` into plain data (JSON)."""
    # Text and numbers are already plain: only dates and containers need converting.
    if hint in _SIMPLE or hint in (str | None, int | None):
        return _same
    # A tuple of text or numbers (activities, picks) only needs to become a list.
    if (typing.get_origin(hint) is tuple and len(typing.get_args(hint)) == 2
            and typing.get_args(hint)[0] in _SIMPLE and typing.get_args(hint)[1] is Ellipsis):
        return _listed
    return _plain


def _same(value: Any) -> Any:
    return value


def _as_tuple(value: Any) -> Any:
    # Made plain again this is a list once more: the stored value, unchanged.
    return tuple(value) if isinstance(value, list) else value


def _listed(value: Any) -> Any:
    """A tuple of text or numbers as a list; anything else as `_plain` makes it."""
    return list(value) if isinstance(value, tuple) else _plain(value)


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _dtype(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
    return {
        bool: "boolean",
        int: "Int64",
        float: "Float64",
        str: "string",
        dt.date: "datetime64[ns]",
    }.get(hint, "object")
