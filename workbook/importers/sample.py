"""A preview's first rows and unreadable lines in plain words, as the import panel lists them."""

from __future__ import annotations

from workbook.importers._shared import Preview, Row
from workbook.importers.daylio import MOOD_FOR_LEVEL

SAMPLE_ROWS = 5
SHOWN_PROBLEMS = 8
NOTE_PREVIEW = 60


def first_rows(preview: Preview, count: int = SAMPLE_ROWS) -> list[tuple[str, str, str, str]]:
    """The first ``count`` rows as they will be saved: when, mood, activities, note."""
    return [(f"{row.at:%d %b %Y %H:%M}", mood_shown(row), ", ".join(row.activities),
             short_note(row.note)) for row in preview.rows[:count]]


def mood_shown(row: Row) -> str:
    """"7/10"; a mood named in the app shows what it becomes, or that it is to choose."""
    if row.mood is not None:
        return f"{row.mood}/10"
    mood = MOOD_FOR_LEVEL.get(row.label)
    return f"{row.label} → {mood}/10" if mood is not None else f"{row.label} → to choose"


def short_note(note: str, limit: int = NOTE_PREVIEW) -> str:
    """The note on one line, cut to ``limit`` characters with an ellipsis."""
    note = " ".join(note.split())
    return note if len(note) <= limit else note[:limit - 1] + "…"


def problem_lines(preview: Preview, shown: int = SHOWN_PROBLEMS) -> list[str]:
    """Why each unreadable row can't be read, by its line, the first ``shown`` of them."""
    lines = [f"Line {line}: {why}" for line, why in preview.unreadable[:shown]]
    if len(preview.unreadable) > shown:
        lines.append(f"… and {len(preview.unreadable) - shown} more")
    return lines
