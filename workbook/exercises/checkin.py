"""The daily check-in, offered in every notebook: one call, `check_in()`."""

from __future__ import annotations

import datetime as dt

from workbook import resources, words
from workbook.models import CheckIn
from workbook.region import saved_region
from workbook.store import Saved
from workbook.widgets import Form, ask, html, summary
from workbook.words import sentences


class CheckInForm(Form):
    """Mood 1–10, insecurity 0–10, feelings, and a note; several a day are fine."""

    model = CheckIn
    title = "Daily check-in"
    css_class = "sb-checkin"
    save_label = "Save check-in"
    intro = ("A moment to notice how you are. There are no right answers, and "
             "checking in more than once a day is welcome.")

    mood = ask.rating("Mood right now", *words.MOOD_RANGE, value=5,
                      hint="1 is very low, 10 is very good.")
    insecurity = ask.rating("How insecure I feel in my relationship", *words.INSECURITY_RANGE,
                            value=5, hint="0 is not at all, 10 is as much as I can imagine.")
    emotions = ask.many("Feelings that are here", words.EMOTIONS,
                        hint="Pick as many as fit, or none.")
    note = ask.text("Anything you'd like to add (optional)", lines=3,
                    placeholder="What's on your mind?")

    @summary
    def today(self, _saved: Saved | None) -> str:
        count = self.store.count(CheckIn.KIND, profile=self.profile, day=dt.date.today())
        return html.message(sentences.checked_in_today(count), "info")

    @summary(css="sb-care")
    def care(self, saved: Saved | None) -> str:
        if saved is None or not isinstance(saved.entry, CheckIn) \
                or saved.entry.mood != words.MOOD_RANGE[0]:
            return ""
        lines = resources.for_region(saved_region(self.store))
        return html.message(html.text(sentences.HEAVY_DAY), "care") + resources.as_html(lines)


check_in = CheckInForm
