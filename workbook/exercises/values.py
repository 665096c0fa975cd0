"""Connect with your values (notebook 06): one call per exercise."""

from __future__ import annotations

from typing import Any, ClassVar

import ipywidgets as widgets
import traitlets

from workbook import messages, words
from workbook.models.values import (
    LivingValues,
    ValuesSort,
    label,
    latest_sort,
)
from workbook.store import Saved, Store
from workbook.widgets import Form, Place, ask, fields, html, summary
from workbook.widgets.fields import Field, RatingSlider

PILE_BUTTONS = [(text, key) for key, text in words.VALUE_PILES.items()]
RANKS = words.VALUE_RANKS
NOT_RANKED = ("—", None)


def value_options(keys: list[str] | tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    """(name, key) pairs for a dropdown of values, alphabetical unless ``keys`` are given."""
    keys = list(keys) if keys is not None else sorted(words.VALUE_CARDS, key=label)
    return [(label(key), key) for key in keys]


class Answers(widgets.VBox):
    """A box of controls whose ``value`` sums up their answers, so the form sees changes."""

    value = traitlets.Tuple()


def card_html(key: str) -> str:
    """A value's name and meaning (a value no longer among the cards shows its name only)."""
    card = words.VALUE_CARDS.get(key)
    meaning = f" <small>{html.text(card.description)}</small>" if card else ""
    return f"<b>{html.text(label(key))}</b>{meaning}"


class ValueRow:
    """One value card on one compact row: its name and meaning, then three pile buttons."""

    def __init__(self, key: str):
        self.key = key
        self.text = widgets.HTML(card_html(key),
                                 layout=widgets.Layout(flex="1 1 20em", min_width="14em"))
        self.pile = widgets.ToggleButtons(options=PILE_BUTTONS, value=None,
                                          style={"button_width": "10em"},
                                          tooltips=[f"{label(key)}: {t.lower()}"
                                                    for t, _k in PILE_BUTTONS])
        self.box = widgets.HBox([self.text, self.pile], layout=widgets.Layout(
            align_items="center", flex_flow="row wrap", border_bottom="1px solid #eee"))
        self.box.add_class("sb-value-row")
        self.box.add_class(f"sb-value-{key.replace('_', '-')}")


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

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        self.rows = {key: ValueRow(key) for key in words.VALUE_CARDS}
        self.only_unsorted = fields.tick("Show only the values I haven't sorted yet")
        self.progress = widgets.HTML("")
        self.progress.add_class("sb-sort-progress")
        self.cards = widgets.VBox([row.box for row in self.rows.values()])
        self.ranks = [widgets.Dropdown(options=[NOT_RANKED], value=None, description=rank,
                                       style={"description_width": "3em"},
                                       layout=widgets.Layout(width="22em"))
                      for rank in RANKS]
        self.piles = self.field("piles", Field("Your piles", Answers(
            [self.only_unsorted, self.progress, self.cards])))
        self.top_five = self.field("top_five", Field(
            "My top five, most important first",
            Answers(self.ranks),
            "Choose from the values you sorted as very important (or important)."))
        for row in self.rows.values():
            row.pile.observe(self._piles_changed, names="value")
        for dropdown in self.ranks:
            dropdown.observe(self._ranks_changed, names="value")
        self.only_unsorted.observe(lambda _c: self._show_rows(), names="value")
        self.build()

    # -- reading and writing the controls -------------------------------------------

    def pile_of(self, key: str) -> str | None:
        return self.rows[key].pile.value

    def sort_into(self, key: str, pile: str | None) -> None:
        """Put a value in a pile (as clicking its button does); ``None`` unsorts it."""
        self.rows[key].pile.value = pile

    def rank(self, *keys: str) -> None:
        """Fill the top five in order (as choosing in the dropdowns does)."""
        for position, dropdown in enumerate(self.ranks):
            dropdown.value = keys[position] if position < len(keys) else None

    # The pile buttons and rank lists make the entry's piles and top five.
    def entry(self) -> ValuesSort:
        return ValuesSort.from_choices({key: row.pile.value for key, row in self.rows.items()},
                                       [d.value for d in self.ranks])

    def load(self, entry: ValuesSort) -> None:  # type: ignore[override]
        self._offer_retired([key for pile in words.VALUE_PILES for key in getattr(entry, pile)])
        for key in self.rows:
            self.sort_into(key, next((pile for pile in words.VALUE_PILES
                                      if key in getattr(entry, pile)), None))
        self._piles_changed()
        self.rank(*entry.top_five)

    def _offer_retired(self, keys: list[str]) -> None:
        # A value no longer among the cards stays in the sort it was saved in, shown as
        # it was, so the person can keep it or move it.
        extra = [key for key in keys if key not in self.rows]
        for key in extra:
            self.rows[key] = ValueRow(key)
            self.rows[key].pile.observe(self._piles_changed, names="value")
        if extra:
            self.cards.children = [row.box for row in self.rows.values()]
            self.fields["piles"].message.value = html.message(
                html.text(messages.NO_LONGER_LISTED), "info")

    def _kept(self) -> list[str]:
        return ([k for k in self.rows if self.pile_of(k) == "very_important"]
                + [k for k in self.rows if self.pile_of(k) == "important"])

    def _piles_changed(self, _change: object = None) -> None:
        kept = self._kept()
        options = [NOT_RANKED, *value_options(kept)]
        for dropdown in self.ranks:
            chosen = dropdown.value if dropdown.value in kept else None
            dropdown.options = options
            dropdown.value = chosen
        self.piles.value = tuple(row.pile.value for row in self.rows.values())
        self._show_rows()

    def _ranks_changed(self, _change: object = None) -> None:
        self.top_five.value = tuple(dropdown.value for dropdown in self.ranks)

    def _show_rows(self) -> None:
        placed = sum(1 for key in self.rows if self.pile_of(key) is not None)
        total = len(self.rows)
        self.progress.value = html.message(f"{placed} of {total} values sorted.", "info")
        hide_sorted = self.only_unsorted.value
        for key, row in self.rows.items():
            hidden = hide_sorted and self.pile_of(key) is not None
            row.box.layout.display = "none" if hidden else "flex"


class ValueRatings(widgets.VBox):
    """Two sliders per value (how important, how I acted on it); ``value`` is the tuple
    (values, importances, consistencies), and ``options`` the values to rate."""

    value = traitlets.Tuple(((), (), ()))

    def __init__(self) -> None:
        super().__init__()
        self.importance: dict[str, RatingSlider] = {}
        self.consistency: dict[str, RatingSlider] = {}
        self._syncing = False
        self.options = ()

    @property
    def options(self) -> tuple[str, ...]:
        return tuple(self.importance)

    @options.setter
    def options(self, values: tuple[str, ...] | list[str]) -> None:
        low, high = words.VALUES_RATING_RANGE

        def slider(description: str) -> RatingSlider:
            return RatingSlider(value=5, min=low, max=high, description=description,
                                continuous_update=False, style={"description_width": "13em"},
                                layout=fields.wide("32em"))

        self.importance = {v: slider("How important to me") for v in values}
        self.consistency = {v: slider("How I acted on it last week") for v in values}
        rows: list[widgets.Widget] = []
        for value in values:
            rows += [widgets.HTML(card_html(value)),
                     self.importance[value], self.consistency[value]]
        if not rows:
            rows = [widgets.HTML(html.message(
                "Do the values card sort above first (even half of it), then press "
                "'Use my latest card sort'.", "info"))]
        self.children = rows
        for control in (*self.importance.values(), *self.consistency.values()):
            control.observe(self._from_sliders, names="value")
        self._from_sliders()

    def _from_sliders(self, _change: object = None) -> None:
        if not self._syncing:
            self.value = (self.options, tuple(s.value for s in self.importance.values()),
                          tuple(s.value for s in self.consistency.values()))

    @traitlets.observe("value")
    def _to_sliders(self, change: dict[str, Any]) -> None:
        values, importance, consistency = change["new"]
        if tuple(values) != self.options:
            self.options = tuple(values)
        self._syncing = True
        try:
            for value, rated, acted in zip(values, importance, consistency, strict=True):
                self.importance[value].value = rated
                self.consistency[value].value = acted
        finally:
            self._syncing = False


def _top_values(form: Form) -> list[str]:
    sort = latest_sort(form.store, form.profile)
    return list(sort.most_important()[:words.VALUES_TOP_COUNT]) if sort else []


def _use_latest(form: Form) -> widgets.Button:
    button = widgets.Button(description="Use my latest card sort", icon="refresh",
                            layout=widgets.Layout(width="auto"))
    form.on_click(button, form.refresh_choices)
    return button


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
                       key=("values", "importance", "consistency"))
    note = ask.text("Anything you notice (optional)", lines=2)
    use_latest = Place(_use_latest)

    @property
    def values(self) -> tuple[str, ...]:
        return self.rows.options

    @property
    def importance(self) -> dict[str, RatingSlider]:
        return self.rows.importance

    @property
    def consistency(self) -> dict[str, RatingSlider]:
        return self.rows.consistency

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


def __getattr__(name: str) -> Any:
    # The gap chart and its sentence live with the other charts (they need pandas), and
    # are still reachable here without importing them with the exercise.
    if name in ("gap_chart", "gap_summary"):
        from workbook.charts import values as charts

        return getattr(charts, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
