"""A saved safety plan as a card of escaped HTML, for the plan forms and the report."""

from __future__ import annotations

from workbook import words
from workbook.models import Entry
from workbook.widgets import html


def plan_card(entry: Entry, parts: tuple[tuple[str, str, str], ...]) -> str:
    """A saved plan as a card: each part written so far under its heading, all escaped."""
    sections = []
    for name, heading, _hint in parts:
        answer = str(getattr(entry, name)).strip()
        if answer:
            sections.append(f"<h5 style='margin:0.6em 0 0.1em'>{html.text(heading)}</h5>"
                            f"<div>{html.text(answer)}</div>")
        if name == "safe_places" and getattr(entry, "go_bag", ()):
            things = "".join(f"<li>{html.text(words.GO_BAG_ITEMS.label(key))}</li>"
                             for key in entry.go_bag)  # type: ignore[attr-defined]
            sections.append("<h5 style='margin:0.6em 0 0.1em'>My bag, ready to go</h5>"
                            f"<ul>{things}</ul>")
    return (f"<div class='sb-card sb-plan-card' style='border:1px solid #b39ddb;"
            f"border-radius:6px;padding:0.4em 1em;margin:0.6em 0'>"
            f"{html.heading(entry.TITLE)}{''.join(sections)}</div>")
