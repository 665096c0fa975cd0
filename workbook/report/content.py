"""What a report says, built once for both files: its details, and for every chosen
section the chart (as a PNG), its sentence and its numbers, or a safety plan's parts.

The HTML and PDF writers only lay this out; neither decides what goes in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from workbook import charts, words
from workbook.models.safety_plan import PartnerSafetyPlan, SafetyPlan
from workbook.plan_cards import PlanPart, plan_parts
from workbook.store import Store, now
from workbook.trends import Span

TITLE = "My progress with Secure Base"
ABOUT = ("These charts come from my own journal entries: daily check-ins, exercises and "
         "weekly snapshots. They show patterns over time; they are not a test or a diagnosis.")
DEMO = "Demo: made-up data, not anyone's journal."

# Safety plans come first, and only when the person ticked them for the report.
PLANS: tuple[tuple[str, str, tuple[tuple[str, str, str], ...]], ...] = (
    (SafetyPlan.KIND, SafetyPlan.TITLE, words.SAFETY_PLAN_PARTS),
    (PartnerSafetyPlan.KIND, PartnerSafetyPlan.TITLE, words.PARTNER_PLAN_PARTS),
)
# Every section a report can hold, (key, title) in the order the file shows them.
SECTIONS: tuple[tuple[str, str], ...] = (
    *((key, title) for key, title, _parts in PLANS),
    *((chart.key, chart.title) for chart in charts.CHARTS),
)


@dataclasses.dataclass(frozen=True)
class ChartSection:
    """One chart: its title, the picture, the sentence under it and its numbers."""

    key: str
    title: str
    png: bytes
    sentence: str
    numbers: tuple[tuple[str, str], ...]


@dataclasses.dataclass(frozen=True)
class PlanSection:
    """A safety plan the person chose to bring: each part written, under its heading."""

    key: str
    title: str
    parts: tuple[PlanPart, ...]


@dataclasses.dataclass(frozen=True)
class Report:
    """Everything a report file shows, in order."""

    title: str
    demo: bool
    details: tuple[tuple[str, str], ...]
    about: str
    sections: tuple[ChartSection | PlanSection, ...]


def chosen_sections(sections: Iterable[str] | None) -> tuple[str, ...]:
    """The section keys to include, in the report's order (all of them for None).

    Raises ``ValueError`` for a key that is not a section (see `SECTIONS`).
    """
    known = [key for key, _title in SECTIONS]
    if sections is None:
        return tuple(known)
    wanted = set(sections) if not isinstance(sections, str) else {sections}
    unknown = sorted(wanted - set(known))
    if unknown:
        raise ValueError(f"There is no report section called {unknown[0]!r}. "
                         f"The sections are: {', '.join(known)}.")
    return tuple(key for key in known if key in wanted)


def period_text(span: Span) -> str:
    if span.start is None:
        return f"All entries up to {span.end:%d %B %Y}"
    return f"{span.start:%d %B %Y} to {span.end:%d %B %Y}"


def build(frames: charts.Frames, span: Span, *, who: str = "", demo: bool = False,
          plans: tuple[PlanSection, ...] = (), sections: Iterable[str] | None = None,
          dpi: int = 110, made: dt.datetime | None = None) -> Report:
    """The report's content for ``frames`` over ``span``: only the chosen ``sections``.

    A left-out section is never drawn or summarised, so nothing of it can reach a file.
    """
    chosen = chosen_sections(sections)
    details = [("Period", period_text(span))]
    if who:
        details.append(("Whose entries", who))
    details.append(("Made on", f"{(made or now()):%d %B %Y, %H:%M}"))
    parts: list[ChartSection | PlanSection] = [plan for plan in plans if plan.key in chosen]
    for chart in charts.CHARTS:
        if chart.key not in chosen:
            continue
        figure = chart.figure(frames, span)
        if demo:
            charts.mark_demo(figure)
        parts.append(ChartSection(chart.key, chart.title, charts.png(figure, dpi=dpi),
                                  chart.summary(frames, span),
                                  tuple(chart.numbers(frames, span))))
    return Report(TITLE, demo, tuple(details), ABOUT, tuple(parts))


def chosen_plans(store: Store, profile: str | None) -> tuple[PlanSection, ...]:
    """The newest safety plans of ``profile`` that the person ticked for the report."""
    found = []
    for key, title, parts in PLANS:
        newest = store.entries(key, profile=profile or words.PROFILE_ME, limit=1)
        if newest and newest[0].entry.in_report:  # type: ignore[attr-defined]
            found.append(PlanSection(key, title, plan_parts(newest[0].entry, parts)))
    return tuple(found)
