"""Guides, tables and cards the exercises show: escaped HTML built from words and saved
answers, so they can be read and tested without a form. (The safety plans' cards are
in `workbook.plan_cards`.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from workbook import naming, words
from workbook.models.professional_help import TherapistCandidate
from workbook.models.vulnerability import CopingPlan
from workbook.statements import Flag
from workbook.widgets import html

CARD_STYLE = ("border-left:4px solid #7aa6a1;background:#f3f7f6;padding:0.6em 0.9em;"
              "margin:0.2em 0;border-radius:4px;line-height:1.5")


def statement_card(statement: str) -> str:
    """A clear statement as it sounds, on a card (typed text escaped)."""
    return f"<div style='{CARD_STYLE}'>{html.text(statement)}</div>"


def statement_flags(flags: Sequence[Flag], whole: bool, partner: str = "") -> str:
    """Gentle suggestions for a statement, one per flag, or for a ``whole`` statement
    (every part written) with none, a word that it is clear and kind. ``partner`` is what
    the person calls their partner, in place of "your partner" (escaped here)."""
    if not flags:
        return html.message(words.STATEMENT_ALL_CLEAR, "ok") if whole else ""
    items = "".join(f"<li><b>{html.text(flag.name)}</b>: "
                    f"{naming.for_partner(html.text(flag.suggestion), html.text(partner))}</li>"
                    for flag in flags)
    return (f"<div class='sb-message sb-care' style='color:#4a3b00'>"
            f"A gentle suggestion or two:<ul>{items}</ul></div>")


def coping_card(plan: CopingPlan | None) -> str:
    """A coping plan as a readable card (typed text escaped), or where it will show."""
    if plan is None:
        return html.message("Your saved plan will show here as a card.", "info")
    lines = "".join(f"<li>{html.text(sentence)}</li>" for sentence in plan.sentences())
    return (f"<div class='sb-card' style='{CARD_STYLE}'><b>My coping plan</b>"
            f"<ul style='margin:0.3em 0'>{lines}</ul></div>")


def traps_guide() -> str:
    """Every thinking trap with its description and a relationship example."""
    items = "".join(
        f"<li><b>{html.text(trap.label)}</b>: {html.text(trap.description)}<br>"
        f"<small><i>For example: \u201c{html.text(trap.example)}\u201d</i></small></li>"
        for trap in words.THINKING_TRAPS.values())
    return f"<ul class='sb-traps-guide'>{items}</ul>"


def therapist_table(candidates: Sequence[TherapistCandidate]) -> str:
    """Candidates as columns and questions as rows, every answer escaped."""
    if not candidates:
        return html.message("No candidates yet. Add the first one above.", "info")
    rows = [("Fit (1–5)", [str(c.fit) for c in candidates])]
    rows += [(question, [c.shown(key) or "—" for c in candidates])
             for key, question in words.THERAPIST_QUESTIONS.items()]
    head = "".join(f"<th>{html.text(c.name)}</th>" for c in candidates)
    body = "".join(
        f"<tr><th style='text-align:left'>{html.text(label)}</th>"
        + "".join(f"<td>{html.text(v)}</td>" for v in values) + "</tr>"
        for label, values in rows)
    return (f"<table class='sb-table' style='border-collapse:collapse'><thead><tr><th></th>"
            f"{head}</tr></thead><tbody>{body}</tbody></table>")


def shared_computer() -> str:
    """The short section on a shared or watched computer."""
    points = "".join(f"<li>{html.text(point)}</li>" for point in words.SHARED_COMPUTER_POINTS)
    return (f"<div class='sb-shared-computer'>{html.heading(words.SHARED_COMPUTER_TITLE)}"
            f"<ul>{points}</ul></div>")


def letter(text: str, written: dt.datetime) -> str:
    """A letter to oneself, with the day it was written (the letter escaped)."""
    return (f"<p><small>You wrote this on {written:%A %d %B %Y}.</small></p>"
            f"<blockquote class='sb-letter-text'>{html.text(text)}</blockquote>")
