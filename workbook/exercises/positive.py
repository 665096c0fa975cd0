"""Focusing on the positive: gratitude journal, shared wins, savouring, the weekly 5:1 tally."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import ipywidgets as widgets

from workbook import words
from workbook.models import Checks
from workbook.models.positive import (
    Gratitude,
    PositiveTally,
    SavouredMemory,
    SharedWin,
    ratio_words,
)
from workbook.store import Saved, Store, StoreError
from workbook.widgets import Field, Form, RecentEntries, fields, html
from workbook.widgets.prompts import PromptsForm

__all__ = ["GratitudeForm", "SavouringForm", "SharedWinForm", "TallyForm", "gratitude_journal",
           "savouring", "shared_wins", "weekly_tally"]


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week."""
    return day - dt.timedelta(days=day.weekday())


def gratitude_totals(entries: Iterable[Gratitude]) -> tuple[int, int]:
    """(things appreciated, things I told them about) over ``entries``."""
    count = told = 0
    for entry in entries:
        count += entry.count
        told += entry.told_count
    return count, told


class GratitudeForm(Form):
    """Up to three things I appreciate about my partner today, each with "I told them"."""

    model = Gratitude
    title = "Gratitude journal"
    css_class = "sb-gratitude"
    save_label = "Save gratitude"
    intro = ("Small things count: a look, a cup of tea, a kind word. Write one, two or three "
             "things you appreciate about your partner today, and tick the ones you told them.")

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        self.items: list[widgets.Text] = []
        self.told: list[widgets.Checkbox] = []
        for number in range(words.GRATITUDE_MOST_ITEMS):
            item = fields.line(placeholder="Something I appreciate" if number == 0
                               else "(optional)", layout=widgets.Layout(flex="1 1 auto"))
            told = widgets.Checkbox(value=False, description="I told them", indent=False,
                                    layout=widgets.Layout(width="auto", margin="0 0 0 0.8em"))
            self.items.append(item)
            self.told.append(told)
            field = Field(f"{number + 1}.", item)
            # The text stays the field's control; the tick is shown beside it.
            row = widgets.HBox([item, told], layout=fields.wide("46em"))
            field.box.children = tuple(row if part is item else part for part in field.box.children)
            self.field(f"item{number}", field)
            told.observe(self._changed, names="value")
        self.week = widgets.HTML("")
        self.recent = RecentEntries(Gratitude.KIND, form=self, limit=5)
        self.layout(self.week, self.recent.root)
        self._show_week()

    def entry(self) -> Gratitude:
        checks = Checks()
        for number, item in enumerate(self.items):
            checks.text(f"item{number}", item.value)
        checks.require("item0", any(item.value.strip() for item in self.items),
                       "Please write at least one thing you appreciate.")
        for number, (item, told) in enumerate(zip(self.items, self.told, strict=True)):
            # A tick on an empty line would be lost without a word: ask instead.
            checks.require(f"item{number}", bool(item.value.strip()) or not told.value,
                           "You ticked \"I told them\" here: please write what you told them "
                           "about, or untick it.")
        checks.done()
        filled = [n for n, item in enumerate(self.items) if item.value.strip()]
        return Gratitude(items=tuple(self.items[n].value for n in filled),
                         told=tuple(bool(self.told[n].value) for n in filled))

    def load(self, entry: Gratitude) -> None:  # type: ignore[override]
        for number, (item, told) in enumerate(zip(self.items, self.told, strict=True)):
            item.value = entry.items[number] if number < entry.count else ""
            told.value = entry.told[number] if number < entry.count else False

    def after_save(self, saved: Saved) -> None:
        super().after_save(saved)
        self._show_week()

    def profile_changed(self) -> None:
        super().profile_changed()
        self._show_week()

    def _show_week(self) -> None:
        try:
            saved = self.store.entries(Gratitude.KIND, profile=self.profile,
                                       since=week_start(dt.date.today()))
        except StoreError as error:
            self.week.value = html.message(html.text(error.message), "error")
            return
        count, told = gratitude_totals(s.entry for s in saved if isinstance(s.entry, Gratitude))
        if count == 0:
            text = "Nothing noted yet this week. One small thing is a lovely start."
        else:
            things = "thing" if count == 1 else "things"
            text = self.partner_words(f"This week you have noticed {count} {things} you "
                                      f"appreciate, and told your partner about {told}.")
        self.week.value = html.message(text, "info")


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

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        prompts = words.SAVOURING_PROMPTS
        self.memory = self.field("memory", fields.text(prompts["memory"]))
        self.where_when = self.field("where_when", fields.text(
            prompts["where_when"] + " (optional)"))
        self.senses = self.field("senses", fields.text(prompts["senses"], lines=3))
        self.feeling = self.field("feeling", fields.text(prompts["feeling"] + " (optional)",
                                                         lines=2))
        self.meaning = self.field("meaning", fields.text(prompts["meaning"] + " (optional)",
                                                         lines=2))
        self.warmth = self.field("warmth", fields.rating(
            "How warm does it feel to remember it now?", *words.SAVOURING_WARMTH_RANGE,
            value=5, hint="0 is not at all, 10 is glowing."))
        self.recent = RecentEntries(SavouredMemory.KIND, form=self, limit=5)
        self.layout(self.recent.root)


class TallyForm(Form):
    """Good and hard moments noticed in one week, with the ratio and what it may mean."""

    model = PositiveTally
    title = "Weekly 5:1 tally"
    css_class = "sb-tally"
    save_label = "Save tally"
    intro = ("Couples who feel steady tend to share about five good moments for every hard "
             "one. Think back over the week: roughly how many of each did you notice?")

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        self.week = self.field("week_of", fields.choice(
            "Which week", words.TALLY_WEEKS, value=0, buttons=True))
        self.positives = self.field("positives", Field(
            "Good moments", widgets.IntText(value=0, layout=widgets.Layout(width="8em")),
            hint="Warmth, laughter, help, a kind word, a touch."))
        self.negatives = self.field("negatives", Field(
            "Hard moments", widgets.IntText(value=0, layout=widgets.Layout(width="8em")),
            hint="Criticism, coldness, an argument, feeling brushed off."))
        self.note = self.field("note", fields.text("Anything you noticed (optional)", lines=2))
        self.meaning = widgets.HTML("")
        self.meaning.add_class("sb-ratio")
        self._loaded_week: dt.date | None = None
        for control in (self.positives, self.negatives):
            control.observe(self._show_ratio, names="value")
        self.week.observe(self._week_changed, names="value")
        self.recent = RecentEntries(PositiveTally.KIND, form=self, limit=5)
        self.layout(self.meaning, self.recent.root)
        self._show_ratio()

    def week_of(self) -> dt.date:
        if self._loaded_week is not None:
            return self._loaded_week
        return week_start(dt.date.today()) - dt.timedelta(weeks=self.week.value)

    def _week_changed(self, _change: object = None) -> None:
        self._loaded_week = None

    def _show_ratio(self, _change: object = None) -> None:
        good, hard = self.positives.value, self.negatives.value
        most = words.TALLY_MOST_MOMENTS
        if not (0 <= good <= most and 0 <= hard <= most):
            self.meaning.value = ""
            return
        self.meaning.value = html.message(html.text(ratio_words(good, hard)), "info")

    def entry(self) -> PositiveTally:
        return PositiveTally(week_of=self.week_of(), positives=self.positives.value,
                             negatives=self.negatives.value, note=self.note.value)

    def load(self, entry: PositiveTally) -> None:  # type: ignore[override]
        weeks_ago = (week_start(dt.date.today()) - entry.week_of).days // 7
        if weeks_ago in dict(words.TALLY_WEEKS).values():
            self.week.value = weeks_ago
        self._loaded_week = entry.week_of
        self.positives.value = entry.positives
        self.negatives.value = entry.negatives
        self.note.value = entry.note

    def after_save(self, saved: Saved) -> None:
        super().after_save(saved)
        self._loaded_week = None

    def profile_changed(self) -> None:
        super().profile_changed()
        self._loaded_week = None  # the week of an entry being edited under the other name


def gratitude_journal(*, store: Store | None = None, profile: str | None = None) -> GratitudeForm:
    """Today's gratitude journal."""
    return GratitudeForm(store=store, profile=profile)


def shared_wins(*, store: Store | None = None, profile: str | None = None) -> SharedWinForm:
    """Log a success you had together."""
    return SharedWinForm(store=store, profile=profile)


def savouring(*, store: Store | None = None, profile: str | None = None) -> SavouringForm:
    """Savour a good memory with guided prompts."""
    return SavouringForm(store=store, profile=profile)


def weekly_tally(*, store: Store | None = None, profile: str | None = None) -> TallyForm:
    """This week's positive-to-negative tally."""
    return TallyForm(store=store, profile=profile)
