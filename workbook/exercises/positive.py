"""Focusing on the positive: gratitude journal, shared wins, savouring, the weekly 5:1 tally."""

from __future__ import annotations

import datetime as dt

import ipywidgets as widgets

from workbook import words
from workbook.models.positive import (
    Gratitude,
    PositiveTally,
    SavouredMemory,
    SharedWin,
    gratitude_totals,
    monday_of,
    ratio_words,
)
from workbook.store import Saved
from workbook.widgets import Field, Form, ask, fields, html, summary
from workbook.widgets.declare import Ask
from workbook.widgets.prompts import PromptsForm
from workbook.words import sentences

__all__ = ["GratitudeForm", "SavouringForm", "SharedWinForm", "TallyForm", "gratitude_journal",
           "savouring", "shared_wins", "weekly_tally"]


def _gratitude_line(number: int) -> Ask:
    def make() -> Field:
        item = fields.line(placeholder="Something I appreciate" if number == 0
                           else "(optional)", layout=widgets.Layout(flex="1 1 auto"))
        told = widgets.Checkbox(value=False, description="I told them", indent=False,
                                layout=widgets.Layout(width="auto", margin="0 0 0 0.8em"))
        field = Field(f"{number + 1}.", item, also=[told])
        # The text stays the field's control; the tick is shown beside it.
        row = widgets.HBox([item, told], layout=fields.wide("46em"))
        field.box.children = tuple(row if part is item else part for part in field.box.children)
        return field

    return Ask(make)


class GratitudeForm(Form):
    """Up to three things I appreciate about my partner today, each with "I told them"."""

    model = Gratitude
    title = "Gratitude journal"
    css_class = "sb-gratitude"
    save_label = "Save gratitude"
    intro = ("Small things count: a look, a cup of tea, a kind word. Write one, two or three "
             "things you appreciate about your partner today, and tick the ones you told them.")
    recent_limit = 5

    item0 = _gratitude_line(0)
    item1 = _gratitude_line(1)
    item2 = _gratitude_line(2)
    row_fields = (("item0",), ("item1",), ("item2",))

    @property
    def items(self) -> list[widgets.Text]:
        return [self.fields[f"item{n}"].control for n in range(words.GRATITUDE_MOST_ITEMS)]

    @property
    def told(self) -> list[widgets.Checkbox]:
        return [self.fields[f"item{n}"].also[0] for n in range(words.GRATITUDE_MOST_ITEMS)]

    @summary
    def week(self, _saved: Saved | None) -> str:
        saved = self.store.entries(Gratitude.KIND, profile=self.profile,
                                   since=monday_of(dt.date.today()))
        count, told = gratitude_totals(s.entry for s in saved if isinstance(s.entry, Gratitude))
        return html.message(self.partner_words(sentences.gratitude_week(count, told)), "info")


class SharedWinForm(PromptsForm):
    """A success we had together, and how we celebrated it."""

    model = SharedWin
    title = "Shared wins"
    css_class = "sb-shared-win"
    save_label = "Save our win"
    intro = ("Wins can be big or tiny: a trip that went well, a hard talk that ended kindly, "
             "a plant you kept alive together.")
    lines = 2
    prompts = (
        ("win", "A success we had together", ""),
        ("celebrated", "How we celebrated it (optional)",
         "Not yet? A high five or a shared treat counts."),
    )


class SavouringForm(Form):
    """Step back into a good memory with a few guided prompts."""

    model = SavouredMemory
    title = "Savouring a good memory"
    css_class = "sb-savouring"
    save_label = "Save memory"
    intro = ("Take a slow breath. Going back to a good moment, in detail, lets its warmth "
             "reach you again. Take your time with each prompt.")
    recent_limit = 5

    memory = ask.text(words.SAVOURING_PROMPTS["memory"])
    where_when = ask.text(words.SAVOURING_PROMPTS["where_when"] + " (optional)")
    senses = ask.text(words.SAVOURING_PROMPTS["senses"], lines=3)
    feeling = ask.text(words.SAVOURING_PROMPTS["feeling"] + " (optional)", lines=2)
    meaning = ask.text(words.SAVOURING_PROMPTS["meaning"] + " (optional)", lines=2)
    warmth = ask.rating("How warm does it feel to remember it now?",
                        *words.SAVOURING_WARMTH_RANGE, value=5,
                        hint="0 is not at all, 10 is glowing.")


def _count(label: str, hint: str) -> Ask:
    return ask.control(label, lambda: widgets.IntText(value=0, layout=widgets.Layout(
        width="8em")), hint)


class TallyForm(Form):
    """Good and hard moments noticed in one week, with the ratio and what it may mean."""

    model = PositiveTally
    title = "Weekly 5:1 tally"
    css_class = "sb-tally"
    save_label = "Save tally"
    intro = ("Couples who feel steady tend to share about five good moments for every hard "
             "one. Think back over the week: roughly how many of each did you notice?")
    recent_limit = 5

    week = ask.choice("Which week", words.TALLY_WEEKS, value=0, buttons=True, key="weeks_ago")
    positives = _count("Good moments", "Warmth, laughter, help, a kind word, a touch.")
    negatives = _count("Hard moments", "Criticism, coldness, an argument, feeling brushed off.")
    note = ask.text("Anything you noticed (optional)", lines=2)

    @summary(css="sb-ratio", follows=("positives", "negatives"))
    def meaning(self, _saved: Saved | None) -> str:
        good, hard = self.positives.value, self.negatives.value
        most = words.TALLY_MOST_MOMENTS
        if not (0 <= good <= most and 0 <= hard <= most):
            return ""
        return html.message(html.text(ratio_words(good, hard)), "info")

    # The week is chosen as "weeks ago"; an edited entry keeps its own week unless changed.
    def entry(self) -> PositiveTally:
        loaded = self.editing.entry if self.editing is not None else None
        weeks_ago = self.week.value
        if isinstance(loaded, PositiveTally) and weeks_ago == self._loaded_weeks_ago:
            week = loaded.week_of
        else:
            week = monday_of(dt.date.today()) - dt.timedelta(weeks=weeks_ago)
        return PositiveTally(week_of=week, positives=self.positives.value,
                             negatives=self.negatives.value, note=self.note.value)

    def load(self, entry: PositiveTally) -> None:  # type: ignore[override]
        weeks_ago = (monday_of(dt.date.today()) - entry.week_of).days // 7
        if weeks_ago in dict(words.TALLY_WEEKS).values():
            self.week.value = weeks_ago
        self._loaded_weeks_ago = self.week.value
        self.positives.value = entry.positives
        self.negatives.value = entry.negatives
        self.note.value = entry.note


# One call per exercise in the notebook.
gratitude_journal = GratitudeForm
shared_wins = SharedWinForm
savouring = SavouringForm
weekly_tally = TallyForm
