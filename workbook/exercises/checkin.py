"""The daily check-in, offered in every notebook: one call, `check_in()`."""

from __future__ import annotations

import dataclasses
import datetime as dt

import ipywidgets as widgets

from workbook import resources, words
from workbook.exercises.support import saved_region
from workbook.models import CheckIn
from workbook.store import Saved, Store, StoreError
from workbook.widgets import Form, RecentEntries, fields, html

HEAVY_DAY = ("Today sounds really heavy. You don't have to hold it alone: "
             "these people are there to listen, any time. The 'Need help now?' button at "
             "the top of every notebook opens this list again.")


class CheckInForm(Form):
    """Mood 1–10, insecurity 0–10, feelings, and a note; several a day are fine."""

    model = CheckIn
    title = "Daily check-in"
    css_class = "sb-checkin"
    save_label = "Save check-in"
    intro = ("A moment to notice how you are. There are no right answers, and "
             "checking in more than once a day is welcome.")

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        self.mood = self.field("mood", fields.rating(
            "Mood right now", *words.MOOD_RANGE, value=5, hint="1 is very low, 10 is very good."))
        self.insecurity = self.field("insecurity", fields.rating(
            "How insecure I feel in my relationship", *words.INSECURITY_RANGE, value=5,
            hint="0 is not at all, 10 is as much as I can imagine."))
        self.emotions = self.field("emotions", fields.many(
            "Feelings that are here", words.EMOTIONS, hint="Pick as many as fit, or none."))
        self.note = self.field("note", fields.text(
            "Anything you'd like to add (optional)", lines=3,
            placeholder="What's on your mind?"))
        self.today = widgets.HTML("")
        self.care = widgets.HTML("")
        self.care.add_class("sb-care")
        self.recent = RecentEntries(CheckIn.KIND, form=self, limit=3)
        self.layout(self.today, self.care, self.recent.root)
        self._show_today()

    def load(self, entry: CheckIn) -> None:  # type: ignore[override]
        # An imported check-in keeps what the form has no field for (activities, source),
        # and its insecurity stays unrecorded unless the person moves the slider.
        self._imported = entry if entry.source else None
        if entry.insecurity is None:
            entry = dataclasses.replace(entry, insecurity=self.insecurity.value)
        super().load(entry)
        self._unrecorded_at = self.insecurity.value if self._imported else None

    def entry(self) -> CheckIn:
        built: CheckIn = super().entry()  # type: ignore[assignment]
        kept = getattr(self, "_imported", None) if self.editing is not None else None
        if kept is None:
            return built
        untouched = kept.insecurity is None and self.insecurity.value == self._unrecorded_at
        return dataclasses.replace(built, insecurity=None if untouched else built.insecurity,
                                   activities=kept.activities, source=kept.source)

    def after_save(self, saved: Saved) -> None:
        super().after_save(saved)
        self._show_today()
        entry = saved.entry
        if isinstance(entry, CheckIn) and entry.mood == words.MOOD_RANGE[0]:
            region = saved_region(self.store)
            self.care.value = html.message(html.text(HEAVY_DAY), "care") + resources.as_html(
                resources.for_region(region))
        else:
            self.care.value = ""

    def profile_changed(self) -> None:
        super().profile_changed()
        self.care.value = ""
        self._show_today()

    def _show_today(self) -> None:
        try:
            count = self.store.count(CheckIn.KIND, profile=self.profile, day=dt.date.today())
        except StoreError as error:
            self.today.value = html.message(html.text(error.message), "error")
            return
        if count == 0:
            text = "No check-ins yet today."
        elif count == 1:
            text = "You have checked in once today."
        else:
            text = f"You have checked in {count} times today."
        self.today.value = html.message(text, "info")


def check_in(*, store: Store | None = None, profile: str | None = None) -> CheckInForm:
    """The daily check-in form, ready to display."""
    return CheckInForm(store=store, profile=profile)
