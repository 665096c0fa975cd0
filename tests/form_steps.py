"""Steps the exercise tests share: type answers, save, be refused, delete and edit.

Each step drives a form the way a person does (set a control, press a button) and
checks what they would notice: the status line, the messages, the journal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from workbook.store import Saved, Store


def type_answers(form: Any, answers: dict[str, Any], **changes: Any) -> None:
    """Set each of ``answers``, with ``changes`` over them, on the form's control of that name."""
    for name, value in {**answers, **changes}.items():
        getattr(form, name).value = value


def filled_and_saved(store: Store, make: Callable[..., Any], fill: Callable[[Any], None]) -> Any:
    """A new form, filled by ``fill`` and saved once."""
    form = make(store=store)
    fill(form)
    form.save.click()
    return form


def save_as_partner(store: Store, make: Callable[..., Any], fill: Callable[[Any], None],
                    kind: str, strategy: str) -> Saved:
    """A new form, switched to the partner's profile, filled and saved; the one entry stored."""
    store.set_profile("partner", "Sam")
    form = make(store=store)
    form.who.value = "partner"
    fill(form)
    form.save.click()
    assert "Saved at" in form.status.value
    [saved] = store.entries(kind)
    assert (saved.profile, saved.day, saved.strategy) == ("partner", dt.date.today(), strategy)
    return saved


def assert_refused(store: Store, form: Any, field: str, says: str,
                   kind: str | None = None) -> None:
    """Press Save: ``field`` says ``says``, the status asks for a look, nothing is stored."""
    form.save.click()
    assert says in form.fields[field].message.value, form.status.value
    assert "look at the notes" in form.status.value
    assert store.entries(kind) == []


def refuse_answer(store: Store, make: Callable[..., Any], fill: Callable[[Any], None],
                  field: str, value: Any, says: str) -> None:
    """A new form, filled, with ``value`` typed into ``field``: Save is refused (see
    `assert_refused`) and the answer stays as typed."""
    form = make(store=store)
    fill(form)
    form.fields[field].control.value = value
    assert_refused(store, form, field, says)
    assert form.fields[field].control.value == value


def delete_newest(form: Any, store: Store, kind: str) -> None:
    """Delete the newest entry through the recent list: asking first, then confirming."""
    before = len(store.entries(kind))
    item = form.recent.items[0]
    item.delete.click()
    assert len(store.entries(kind)) == before  # asking is not deleting
    item.confirm.click()
    remaining = store.entries(kind)
    assert len(remaining) == before - 1
    assert item.saved.id not in {saved.id for saved in remaining}


def reopen_newest(store: Store, make: Callable[..., Any], kind: str) -> Any:
    """A fresh form with the newest entry loaded by its Edit button; every answer came back."""
    saved = store.entries(kind)[0]
    fresh = make(store=store)
    fresh.recent.items[0].edit.click()
    assert fresh.entry() == saved.entry
    return fresh


def shown_text(widget: Any) -> str:
    """Every piece of text in ``widget`` and all inside it: values and the options offered."""
    parts: list[str] = []
    value = getattr(widget, "value", None)
    if isinstance(value, str):
        parts.append(value)
    elif isinstance(value, tuple):
        parts += [str(part) for part in value]
    parts += [str(option) for option in getattr(widget, "options", None) or ()]
    parts += [shown_text(child) for child in getattr(widget, "children", ())]
    return "\n".join(parts)
