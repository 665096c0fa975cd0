"""Connect with your values (notebook 06): one call per exercise."""

from __future__ import annotations

from typing import Any, ClassVar

import ipywidgets as widgets

from workbook import words
from workbook.models.values import LivingValues, ValuesSort, latest_sort
from workbook.store import Saved
from workbook.widgets import Form, Place, ask, html, summary
from workbook.widgets.value_cards import CardPiles, TopFive, ValueRatings, ValueRow, value_options

__all__ = ["card_sort", "latest_sort", "living_my_values", "value_options"]


class CardSortForm(Form):
    """About forty value cards sorted into three piles, then a ranked top five.

    A half-done sort can be saved; the next time the form opens it carries on from
    there, and each further Save updates that same sort until it is complete.
    """

    model = ValuesSort
    title = "Values card sort"
    css_class = "sb-card-sort"
    save_label = "Save my sort"
    resume_says: ClassVar[dict[str, str]] = {
        # A partner's shared sort is read only: a Save here starts a sort of one's own.
        "received": "This is the sort your partner shared with you on {when}. It can't be "
                    "changed here; saving keeps your changes as a new sort.",
        # Pressing Save without a change says "already saved" instead of copying it.
        "complete": "Your sort from {when} is shown. Change anything and save to keep a new "
                    "version; the earlier one stays in your history.",
        "unfinished": "Welcome back: your sort from {when} is loaded. Carry on where you "
                      "left off.",
    }
    intro = ("Go down the list and put each value in a pile: <b>very important</b>, "
             "<b>important</b> or <b>not important</b> to you, right now. Go with your first "
             "feeling. Then rank your top five. You can save at any point and carry on later.")

    piles = ask.control("Your piles", CardPiles, parts=("only_unsorted", "progress"),
                        key=("very_important", "important", "not_important"))
    top_five = ask.control("My top five, most important first", TopFive,
                           "Choose from the values you sorted as very important (or important).",
                           follows="piles", parts=("ranks",))

    @property
    def rows(self) -> dict[str, ValueRow]:
        """Each value's row, by key."""
        return self.piles.controls

    def pile_of(self, key: str) -> str | None:
        return self.rows[key].pile.value

    def sort_into(self, key: str, pile: str | None) -> None:
        """Put a value in a pile (as clicking its button does); ``None`` unsorts it."""
        self.rows[key].pile.value = pile

    def rank(self, *keys: str) -> None:
        """Fill the top five in order (as choosing in the dropdowns does)."""
        self.top_five.value = keys


def _top_values(form: Form) -> list[str]:
    sort = latest_sort(form.store, form.profile)
    return list(sort.most_important()[:words.VALUES_TOP_COUNT]) if sort else []


def _use_latest(form: Form) -> widgets.Button:
    return form.button("Use my latest card sort", form.refresh_choices, icon="refresh")


class LivingValuesForm(Form):
    """Importance and last week's action (1–10) for each top value, charted as a gap."""

    model = LivingValues
    title = "Living my values"
    css_class = "sb-living-values"
    save_label = "Save and show my gaps"
    intro = ("For each of your top values: how important is it to you, and how fully did you "
             "act on it in the past week? A gap is not a failure. It shows where a small step "
             "could matter most.")

    rows = ask.control("My top values", ValueRatings, choices=_top_values,
                       key=("values", "importance", "consistency"),
                       parts=("importance", "consistency"))
    note = ask.text("Anything you notice (optional)", lines=2)
    use_latest = Place(_use_latest)

    @property
    def values(self) -> tuple[str, ...]:
        """The values being rated, in order."""
        return self.rows.options

    @summary(css="sb-gap-summary")
    def gap(self, saved: Saved | None) -> str:
        if saved is None or not isinstance(saved.entry, LivingValues):
            return ""  # on a change of profile it was the other person's
        return html.message(html.text(saved.entry.gap_sentence()), "care")

    @summary(chart=True)
    def chart(self, saved: Saved | None) -> Any:
        if saved is None:
            return None
        from workbook.charts.values import saved_gap_chart

        return saved_gap_chart(saved)


# One call per exercise in the notebook.
card_sort = CardSortForm
living_my_values = LivingValuesForm

