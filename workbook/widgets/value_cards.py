"""The values exercises' controls: a row per value card with its pile buttons, the piles
of a card sort, a ranked top five, and two ratings per value."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import traitlets
from ipywidgets.widgets.widget_string import HTMLStyle  # not exported at the top

from workbook import words
from workbook.models.values import label
from workbook.widgets import fields, html
from workbook.widgets.fields import RatingSlider

__all__ = ["CardPiles", "RowLooks", "TopFive", "ValueRatings", "ValueRow", "card_html",
           "value_options"]

PILE_BUTTONS = [(text, key) for key, text in words.VALUE_PILES.items()]
NOT_RANKED = ("—", None)


def value_options(keys: list[str] | tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    """(name, key) pairs for a dropdown of values, alphabetical unless ``keys`` are given."""
    keys = list(keys) if keys is not None else sorted(words.VALUE_CARDS, key=label)
    return [(label(key), key) for key in keys]


def card_html(key: str) -> str:
    """A value's name and meaning (a value no longer among the cards shows its name only)."""
    card = words.VALUE_CARDS.get(key)
    meaning = f" <small>{html.text(card.description)}</small>" if card else ""
    return f"<b>{html.text(label(key))}</b>{meaning}"


class ValueRow:
    """One value card on one compact row: its name and meaning, then three pile buttons.

    ``looks`` holds the layouts and styles the rows of one sort share (see `RowLooks`):
    no row is ever styled on its own, and forty rows each with their own would be 200
    more models for the page to build."""

    def __init__(self, key: str, looks: RowLooks):
        self.key = key
        self.text = widgets.HTML(card_html(key), layout=looks.text, style=looks.text_style)
        self.pile = widgets.ToggleButtons(options=PILE_BUTTONS, value=None,
                                          layout=looks.pile, style=looks.pile_style,
                                          tooltips=[f"{label(key)}: {t.lower()}"
                                                    for t, _k in PILE_BUTTONS])
        self.box = widgets.HBox([self.text, self.pile], layout=looks.box)
        self.box.add_class("sb-value-row")
        self.box.add_class(f"sb-value-{key.replace('_', '-')}")


class RowLooks:
    """The layouts and styles every `ValueRow` of one sort shares."""

    def __init__(self) -> None:
        self.text = widgets.Layout(flex="1 1 20em", min_width="14em")
        self.text_style = HTMLStyle()
        self.pile = widgets.Layout()
        self.pile_style = widgets.ToggleButtonsStyle(button_width="10em")
        self.box = widgets.Layout(align_items="center", flex_flow="row wrap",
                                  border_bottom="1px solid #eee")


class CardPiles(widgets.VBox):
    """Every value card on a row of its own with three pile buttons, how many are sorted,
    and a tick to show only the unsorted ones. ``value`` is the three piles (very
    important, important, not important), each in card order; ``controls`` the rows."""

    value = traitlets.Tuple(((), (), ()))

    def __init__(self) -> None:
        self.controls: dict[str, ValueRow] = {}
        self._looks = RowLooks()
        self.only_unsorted = fields.tick("Show only the values I haven't sorted yet")
        self.progress = widgets.HTML("")
        self.progress.add_class("sb-sort-progress")
        self.cards = widgets.VBox([])
        super().__init__([self.only_unsorted, self.progress, self.cards])
        self._syncing = False
        self.offer(list(words.VALUE_CARDS))
        self.only_unsorted.observe(lambda _c: self._show_rows(), names="value")

    def offer(self, keys: list[str]) -> None:
        """Add a row for each of ``keys`` not shown yet (a value no longer among the
        cards, kept in the sort it was saved in, so the person can keep it or move it)."""
        for key in keys:
            if key not in self.controls:
                self.controls[key] = ValueRow(key, self._looks)
                self.controls[key].pile.observe(self._from_rows, names="value")
        self._from_rows()

    def _from_rows(self, _change: object = None) -> None:
        if not self._syncing:
            self.value = tuple(tuple(key for key, row in self.controls.items()
                                     if row.pile.value == pile) for pile in words.VALUE_PILES)
        self._show_rows()

    @traitlets.observe("value")
    def _to_rows(self, change: dict[str, Any]) -> None:
        self._syncing = True
        try:
            for key, row in self.controls.items():
                row.pile.value = next((pile for pile, keys in zip(words.VALUE_PILES,
                                                                  change["new"], strict=True)
                                       if key in keys), None)
        finally:
            self._syncing = False
        self._show_rows()

    def _show_rows(self) -> None:
        placed = sum(1 for row in self.controls.values() if row.pile.value is not None)
        self.progress.value = html.message(
            f"{placed} of {len(self.controls)} values sorted.", "info")
        # Rows share one layout, so a row is hidden by leaving it out of the list.
        shown = [row.box for row in self.controls.values()
                 if not (self.only_unsorted.value and row.pile.value is not None)]
        if list(self.cards.children) != shown:
            self.cards.children = shown


class TopFive(widgets.VBox):
    """Five ranks, each chosen from the values kept in the piles it follows. ``value`` is
    the choices in rank order up to the last one made: a rank left empty before it stays
    as None, for the sort to explain."""

    value = traitlets.Tuple()

    def __init__(self) -> None:
        self.ranks = [widgets.Dropdown(options=[NOT_RANKED], value=None, description=rank,
                                       style={"description_width": "3em"},
                                       layout=widgets.Layout(width="22em"))
                      for rank in words.VALUE_RANKS]
        super().__init__(self.ranks)
        self._syncing = False
        for dropdown in self.ranks:
            dropdown.observe(self._from_ranks, names="value")

    def follow(self, piles: tuple[tuple[str, ...], ...]) -> None:
        """Offer the values kept in ``piles``, very important first; a value no longer
        kept leaves its rank."""
        kept = [*piles[0], *piles[1]]
        options = [NOT_RANKED, *value_options(kept)]
        self._syncing = True
        try:
            for dropdown in self.ranks:
                chosen = dropdown.value if dropdown.value in kept else None
                dropdown.options = options
                dropdown.value = chosen
        finally:
            self._syncing = False
        self._from_ranks()

    def _from_ranks(self, _change: object = None) -> None:
        if not self._syncing:
            chosen = [dropdown.value for dropdown in self.ranks]
            while chosen and chosen[-1] is None:
                chosen.pop()
            self.value = tuple(chosen)

    @traitlets.observe("value")
    def _to_ranks(self, change: dict[str, Any]) -> None:
        self._syncing = True
        try:
            for position, dropdown in enumerate(self.ranks):
                dropdown.value = change["new"][position] if position < len(change["new"]) \
                    else None
        finally:
            self._syncing = False


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
