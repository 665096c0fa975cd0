"""Every progress chart: a function of DataFrames returning a matplotlib Figure.

`CHARTS` lists them in the order the notebook and the report show them. Each entry
draws its figure, says what it shows in one plain sentence, and gives a few numbers.
They take ``frames`` (kind -> DataFrame, or None for a kind this version doesn't
have yet) and a `workbook.trends.Span`.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterator, Mapping

import pandas as pd
from matplotlib.figure import Figure

from workbook.charts import gratitude, lifts, mood, practice, snapshot, streak, thoughts
from workbook.charts._style import mark_demo, png, title_of
from workbook.trends import CHECKIN_DAYS, Span

Frames = Mapping[str, pd.DataFrame | None]

__all__ = ["CHARTS", "Chart", "Drawn", "Frames", "by_key", "draw_all", "draw_each", "mark_demo",
           "png", "title_of"]

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class Chart:
    """One chart of the progress page: its figure, its sentence and its numbers."""

    key: str
    title: str
    kinds: tuple[str, ...]
    _draw: Callable[..., Figure]
    _summary: Callable[..., str]
    _numbers: Callable[..., list[tuple[str, str]]]

    def _args(self, frames: Frames) -> list[pd.DataFrame | None]:
        return [frames.get(kind) for kind in self.kinds]

    def figure(self, frames: Frames, span: Span) -> Figure:
        return self._draw(*self._args(frames), span)

    def summary(self, frames: Frames, span: Span) -> str:
        return self._summary(*self._args(frames), span)

    def numbers(self, frames: Frames, span: Span) -> list[tuple[str, str]]:
        return self._numbers(*self._args(frames), span)


CHARTS: tuple[Chart, ...] = (
    Chart("mood", mood.OVER_TIME, ("checkin",),
          mood.mood_over_time, mood.mood_summary, mood.mood_numbers),
    Chart("gratitude", gratitude.WEEKLY, ("gratitude",),
          gratitude.gratitude_weekly, gratitude.gratitude_summary, gratitude.gratitude_numbers),
    Chart("gratitude_mood", gratitude.WITH_AND_WITHOUT, ("checkin", "gratitude"),
          gratitude.mood_with_gratitude, gratitude.with_and_without_summary,
          gratitude.with_and_without_numbers),
    Chart("calendar", mood.CALENDAR, ("checkin",),
          mood.mood_calendar, mood.calendar_summary, mood.calendar_numbers),
    Chart("lifts", lifts.TITLE, ("checkin",),
          lifts.lifts_chart, lifts.lifts_summary, lifts.lifts_numbers),
    Chart("practice", practice.TITLE, ("checkin", "practice"),
          practice.practice_chart, practice.practice_summary, practice.practice_numbers),
    Chart("thoughts", thoughts.TITLE, ("thought_record",),
          thoughts.thought_records, thoughts.thoughts_summary, thoughts.thoughts_numbers),
    Chart("snapshot", snapshot.TITLE, ("insecurity_snapshot",),
          snapshot.snapshot_trend, snapshot.snapshot_summary, snapshot.snapshot_numbers),
    Chart("streak", streak.TITLE, (CHECKIN_DAYS,),
          streak.streak_chart, streak.streak_summary, streak.streak_numbers),
)


def by_key(key: str) -> Chart:
    return next(chart for chart in CHARTS if chart.key == key)


@dataclasses.dataclass(frozen=True)
class Drawn:
    """One chart as a picture (PNG) with its sentence; both None when it could not be drawn."""

    chart: Chart
    png: bytes | None
    summary: str | None


def draw_all(frames: Frames, span: Span, *, demo: bool = False) -> list[Drawn]:
    """Every chart in `CHARTS` order, drawn as a picture; ``demo`` marks each as made up.

    One chart failing must not hide the others: it is logged (its kind of error only,
    never the data) and given without a picture.
    """
    return list(draw_each(frames, span, demo=demo))


def draw_each(frames: Frames, span: Span, *, demo: bool = False) -> Iterator[Drawn]:
    """`draw_all`, one chart at a time: each is drawn only when it is asked for."""
    for chart in CHARTS:
        try:
            figure = chart.figure(frames, span)
            summary = chart.summary(frames, span)
            if demo:
                mark_demo(figure)
            drawn = Drawn(chart, png(figure), summary)
        except Exception as error:
            log.error("drawing the %s chart failed: %s", chart.key, type(error).__name__)
            drawn = Drawn(chart, None, None)
        yield drawn
