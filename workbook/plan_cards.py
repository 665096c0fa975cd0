"""A saved safety plan as plain parts (for the PDF report) and as a card of escaped HTML
(for the plan forms and the HTML report)."""

from __future__ import annotations

from workbook import words
from workbook.models import Entry
from workbook.widgets import html

# One written part of a plan: its heading and either its text or a list of things.
PlanPart = tuple[str, "str | tuple[str, ...]"]


def plan_parts(entry: Entry, parts: tuple[tuple[str, str, str], ...]) -> tuple[PlanPart, ...]:
    """Each part of a saved plan written so far, under its heading, in the order it is read."""
    found: list[PlanPart] = []
    for name, heading, _hint in parts:
        answer = str(getattr(entry, name)).strip()
        if answer:
            found.append((heading, answer))
        if name == "safe_places" and getattr(entry, "go_bag", ()):
            found.append(("My bag, ready to go",
                          tuple(words.GO_BAG_ITEMS.label(key)
                                for key in entry.go_bag)))  # type: ignore[attr-defined]
    return tuple(found)


def card(title: str, parts: tuple[PlanPart, ...]) -> str:
    """A plan's parts as a card: every heading and answer escaped."""
    sections = []
    for heading, answer in parts:
        sections.append(f"<h5 style='margin:0.6em 0 0.1em'>{html.text(heading)}</h5>")
        if isinstance(answer, tuple):
            things = "".join(f"<li>{html.text(thing)}</li>" for thing in answer)
            sections.append(f"<ul>{things}</ul>")
        else:
            sections.append(f"<div>{html.text(answer)}</div>")
    return (f"<div class='sb-card sb-plan-card' style='border:1px solid #b39ddb;"
            f"border-radius:6px;padding:0.4em 1em;margin:0.6em 0'>"
            f"{html.heading(title)}{''.join(sections)}</div>")


def plan_card(entry: Entry, parts: tuple[tuple[str, str, str], ...]) -> str:
    """A saved plan as a card: each part written so far under its heading, all escaped."""
    return card(entry.TITLE, plan_parts(entry, parts))
