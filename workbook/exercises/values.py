"""Connect with your values (notebook 06): one call per exercise."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
import traitlets

from workbook import messages, share, words
from workbook.models import Checks
from workbook.models.values import (
    LivingValues,
    ValuesSort,
    label,
)
from workbook.store import Saved, Store, StoreError, now
from workbook.widgets import Form, RecentEntries, fields, html
from workbook.widgets.fields import Field, RatingSlider
from workbook.widgets.prompts import build_checked

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

PILE_BUTTONS = [(text, key) for key, text in words.VALUE_PILES.items()]
RANKS = ("1st", "2nd", "3rd", "4th", "5th")
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
        self.recent = RecentEntries(ValuesSort.KIND, form=self, limit=3)
        self.layout(self.recent.root)
        for row in self.rows.values():
            row.pile.observe(self._piles_changed, names="value")
        for dropdown in self.ranks:
            dropdown.observe(self._ranks_changed, names="value")
        self.only_unsorted.observe(lambda _c: self._show_rows(), names="value")
        self.resume()

    def profile_changed(self) -> None:
        super().profile_changed()
        self.resume()

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

    def entry(self) -> ValuesSort:
        piles: dict[str, list[str]] = {pile: [] for pile in words.VALUE_PILES}
        for key, row in self.rows.items():
            if row.pile.value in piles:
                piles[row.pile.value].append(key)
        chosen = [d.value for d in self.ranks]
        checks = Checks()
        if None in chosen:
            # 1st and 3rd without a 2nd would quietly become 1st and 2nd: ask instead.
            empty = chosen.index(None)
            later = next((n for n in range(empty, len(chosen)) if chosen[n] is not None), None)
            if later is not None:
                checks.require("top_five", False,
                               f"Please fill in your {RANKS[empty]} value before your "
                               f"{RANKS[later]}, so your top five has no gaps.")
        top = tuple(value for value in chosen if value is not None)
        return build_checked(checks, lambda: ValuesSort(
            top_five=top, **{pile: tuple(keys) for pile, keys in piles.items()}))

    def load(self, entry: ValuesSort) -> None:  # type: ignore[override]
        self._offer_retired([key for pile in words.VALUE_PILES for key in getattr(entry, pile)])
        for key in self.rows:
            self.sort_into(key, next((pile for pile in words.VALUE_PILES
                                      if key in getattr(entry, pile)), None))
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

    # -- carrying on where the person left off ----------------------------------------

    def resume(self) -> None:
        """Load this profile's latest sort; an unfinished one is carried on in place."""
        self.editing = None
        self.save.description = self.save_label
        self.clear_messages()
        try:
            latest = self.store.entries(ValuesSort.KIND, profile=self.profile, limit=1)
        except StoreError as error:
            self.say(error.message, "error")
            return
        self.recent.refresh()
        if not latest:
            self.load(ValuesSort())
            self._piles_changed()
            return
        saved = latest[0]
        sort = saved.entry
        assert isinstance(sort, ValuesSort)
        self.load(sort)
        self._piles_changed()
        when = f"{saved.created_at.astimezone():%d %b %Y}"
        if share.is_received(saved, share.received_batches(self.store)):
            # A partner's shared sort is read only: a Save here starts a sort of one's own.
            self.say(f"This is the sort your partner shared with you on {when}. It can't be "
                     "changed here; saving keeps your changes as a new sort.", "info")
        elif sort.complete:
            # Pressing Save without a change says "already saved" instead of copying it.
            self.last_saved = saved
            self._dirty = False
            self.say(f"Your sort from {when} is shown. Change anything and save to keep a new "
                     "version; the earlier one stays in your history.", "info")
        else:
            self.editing = saved
            self.say(f"Welcome back: your sort from {when} is loaded. Carry on where you "
                     "left off.", "info")

    def _persist(self, entry: Any) -> Saved:
        if self.editing is not None:
            try:
                return self.store.update(self.editing.id, entry)
            except KeyError:  # deleted meanwhile: keep the work as a new sort
                self.editing = None
        return self.store.add(entry, profile=self.profile)

    def after_save(self, saved: Saved) -> None:
        super().after_save(saved)
        sort = saved.entry
        assert isinstance(sort, ValuesSort)
        time = f"{now():%H:%M}"
        if sort.complete:
            top = ", ".join(label(v) for v in sort.top_five)
            self.say(f"Saved at {time}. Your top five: {top}.", "ok")
        else:
            # Further saves keep filling in this same sort.
            self.editing = saved
            self.say(f"Saved at {time}: {sort.sorted_count} of {len(words.VALUE_CARDS)} sorted, "
                     f"{len(sort.top_five)} of {words.VALUES_TOP_COUNT} ranked. You can come "
                     "back and carry on any time.", "ok")


def latest_sort(store: Store, profile: str) -> ValuesSort | None:
    """The profile's most recent card sort, finished or not."""
    latest = store.entries(ValuesSort.KIND, profile=profile, limit=1)
    entry = latest[0].entry if latest else None
    return entry if isinstance(entry, ValuesSort) else None


class LivingValuesForm(Form):
    """Importance and last week's action (1–10) for each top value, charted as a gap."""

    model = LivingValues
    title = "Living my values"
    css_class = "sb-living-values"
    save_label = "Save and show my gaps"
    intro = ("For each of your top values: how important is it to you, and how fully did you "
             "act on it in the past week? A gap is not a failure. It shows where a small step "
             "could matter most.")

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        self.values: tuple[str, ...] = ()
        self.importance: dict[str, RatingSlider] = {}
        self.consistency: dict[str, RatingSlider] = {}
        self.rows = self.field("values", Field("My top values", Answers()))
        self.note = self.field("note", fields.text("Anything you notice (optional)", lines=2))
        self.use_latest = widgets.Button(description="Use my latest card sort", icon="refresh",
                                         layout=widgets.Layout(width="auto"))
        self.on_click(self.use_latest, self.show_values)
        self.gap = widgets.HTML("")
        self.gap.add_class("sb-gap-summary")
        self.chart = widgets.Image(format="png", layout=widgets.Layout(max_width="46em"))
        self.chart.layout.display = "none"
        self.recent = RecentEntries(LivingValues.KIND, form=self, limit=3)
        self.layout(self.use_latest, self.gap, self.chart, self.recent.root)
        self.show_values()

    def profile_changed(self) -> None:
        super().profile_changed()
        # The gap and chart were the other person's; the sliders follow the new sort.
        self.gap.value = ""
        self.chart.layout.display = "none"
        self.show_values()

    def show_values(self, values: tuple[str, ...] | None = None) -> None:
        """One pair of sliders per value: the given ones, or the top of my latest sort."""
        if values is None:
            try:
                sort = latest_sort(self.store, self.profile)
            except StoreError as error:
                self.say(error.message, "error")
                return
            values = sort.most_important()[:words.VALUES_TOP_COUNT] if sort else ()
        self.values = tuple(values)
        low, high = words.VALUES_RATING_RANGE

        def slider(description: str) -> RatingSlider:
            return RatingSlider(value=5, min=low, max=high, description=description,
                                continuous_update=False, style={"description_width": "13em"},
                                layout=fields.wide("32em"))

        self.importance = {v: slider("How important to me") for v in self.values}
        self.consistency = {v: slider("How I acted on it last week") for v in self.values}
        rows: list[widgets.Widget] = []
        for value in self.values:
            rows += [widgets.HTML(card_html(value)),
                     self.importance[value], self.consistency[value]]
        if not rows:
            rows = [widgets.HTML(html.message(
                "Do the values card sort above first (even half of it), then press "
                "'Use my latest card sort'.", "info"))]
        self.rows.children = rows
        for control in (*self.importance.values(), *self.consistency.values()):
            control.observe(self._ratings_changed, names="value")
        self._ratings_changed()

    def _ratings_changed(self, _change: object = None) -> None:
        self.rows.value = (self.values, *(s.value for s in self.importance.values()),
                           *(s.value for s in self.consistency.values()))

    def entry(self) -> LivingValues:
        return LivingValues(values=self.values,
                            importance=tuple(self.importance[v].value for v in self.values),
                            consistency=tuple(self.consistency[v].value for v in self.values),
                            note=self.note.value)

    def load(self, entry: LivingValues) -> None:  # type: ignore[override]
        self.show_values(entry.values)
        for value, importance, consistency in zip(entry.values, entry.importance,
                                                  entry.consistency, strict=True):
            self.importance[value].value = importance
            self.consistency[value].value = consistency
        self.note.value = entry.note

    def after_save(self, saved: Saved) -> None:
        super().after_save(saved)
        entry = saved.entry
        assert isinstance(entry, LivingValues)
        self.gap.value = html.message(html.text(entry.gap_sentence()), "care")
        from workbook.charts import _style

        frame = _frame([saved])
        self.chart.value = _style.png(gap_chart(frame))
        self.chart.layout.display = "flex"


def _frame(saved: list[Saved]) -> pd.DataFrame:
    from workbook.frames import entries_frame

    return entries_frame(LivingValues.KIND, saved)


def gap_chart(living: pd.DataFrame) -> Figure:
    """Importance beside last week's action for each value in the latest entry of ``living``."""
    from workbook.charts import _style

    fig, (ax,) = _style.figure("Living my values: what matters and what I did",
                               height=3.8)
    ax.set_xlabel("Rating (1–10)")
    ax.set_ylabel("Value")
    entry = _latest_living(living)
    if entry is None:
        _style.empty(ax, "Save 'Living my values' to see your gaps here.")
    else:
        names = [label(v) for v in entry.values][::-1]
        places = list(range(len(names)))
        ax.barh([p + 0.2 for p in places], list(entry.importance)[::-1], height=0.4,
                color=_style.BLUE, label="How important to me")
        ax.barh([p - 0.2 for p in places], list(entry.consistency)[::-1], height=0.4,
                color=_style.ORANGE, label="How I acted on it last week")
        ax.set_yticks(places, names)
        ax.set_xlim(0, 10.5)
        ax.legend(loc="lower right", fontsize=8)
    _style.note(fig, gap_summary(living))
    return fig


def gap_summary(living: pd.DataFrame) -> str:
    """One sentence naming the biggest gap in the latest entry."""
    entry = _latest_living(living)
    if entry is None:
        return "Once you rate your values, the biggest gap is named here."
    return entry.gap_sentence()


def _latest_living(living: pd.DataFrame | None) -> LivingValues | None:
    if living is None or not len(living):
        return None
    row = living.sort_index().iloc[-1]
    return LivingValues(values=tuple(row["values"]), importance=tuple(row["importance"]),
                        consistency=tuple(row["consistency"]), note=str(row["note"]))


def card_sort(*, store: Store | None = None, profile: str | None = None) -> CardSortForm:
    """The values card sort (resumes an unfinished one)."""
    return CardSortForm(store=store, profile=profile)


def living_my_values(*, store: Store | None = None,
                     profile: str | None = None) -> LivingValuesForm:
    """Importance vs action for each top value, with a gap chart."""
    return LivingValuesForm(store=store, profile=profile)
