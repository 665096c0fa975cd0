"""Reframe negative thoughts (notebook 05): one call per exercise."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets
import traitlets

from workbook import words
from workbook.models.reframe import QuickThoughtCheck, ThoughtRecord, find_patterns
from workbook.store import Saved, Store, StoreError
from workbook.widgets import Form, Panel, PickMany, RecentEntries, fields, html
from workbook.widgets.fields import Field, RatingSlider

START_INTENSITY = 50
START_BELIEF = 50


def traps_guide_html() -> str:
    """Every thinking trap with its description and a relationship example."""
    items = "".join(
        f"<li><b>{html.text(trap.label)}</b>: {html.text(trap.description)}<br>"
        f"<small><i>For example: \u201c{html.text(trap.example)}\u201d</i></small></li>"
        for trap in words.THINKING_TRAPS.values())
    return f"<ul class='sb-traps-guide'>{items}</ul>"


class EmotionRatings(widgets.VBox):
    """One 0–100 slider per feeling; ``value`` is the tuple of ratings in feeling order."""

    value = traitlets.Tuple()

    def __init__(self) -> None:
        super().__init__()
        self.sliders: dict[str, RatingSlider] = {}
        self._syncing = False
        self.set_emotions(())

    def set_emotions(self, emotions: Sequence[str]) -> None:
        """Show a slider for each feeling, keeping ratings already given."""
        low, high = words.THOUGHT_INTENSITY_RANGE
        kept = self.sliders
        self.sliders = {}
        for name in emotions:
            slider = kept.get(name)
            if slider is None:
                slider = RatingSlider(
                    value=START_INTENSITY, min=low, max=high, step=5,
                    description=words.EMOTIONS.label(name),
                    continuous_update=False, style={"description_width": "8em"},
                    layout=fields.wide("30em"))
                slider.observe(self._from_sliders, names="value")
            self.sliders[name] = slider
        if self.sliders:
            self.children = list(self.sliders.values())
        else:
            self.children = [widgets.HTML("<small>Pick the feelings above to rate them."
                                          "</small>")]
        self._from_sliders()

    def _from_sliders(self, _change: object = None) -> None:
        if not self._syncing:
            self.value = tuple(slider.value for slider in self.sliders.values())

    @traitlets.observe("value")
    def _to_sliders(self, change: dict[str, Any]) -> None:
        self._syncing = True
        try:
            for slider, rating in zip(self.sliders.values(), change["new"], strict=False):
                slider.value = rating
        finally:
            self._syncing = False
        # A shorter tuple leaves the other sliders as they were; value follows them.
        if len(change["new"]) != len(self.sliders):
            self._from_sliders()


class ThoughtRecordForm(Form):
    """The full thought record; once saved, shows how belief and feelings changed."""

    model = ThoughtRecord
    title = "Thought record"
    css_class = "sb-thought-record"
    save_label = "Save thought record"
    intro = ("Take one upsetting moment and slow it down, step by step. There is no need to "
             "argue yourself out of anything: the aim is a view that is fair and complete.")

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        low, high = words.THOUGHT_BELIEF_RANGE
        self.situation = self.field("situation", fields.text(
            "The situation", lines=2, hint="Where, when, who, what happened. Just the facts.",
            placeholder="For example: Sunday evening, they were on their phone all through "
                        "dinner."))
        self.situation_kind = self.field("situation_kind", fields.choice(
            "What kind of moment was it?", words.THOUGHT_SITUATIONS))
        self.emotions = self.field("emotions", fields.many(
            "Feelings that came up", words.EMOTIONS, hint="Pick one or more."))
        self.intensity_before = self.field("intensity_before", Field(
            "How strong each feeling was (0–100)", EmotionRatings()))
        self.automatic_thought = self.field("automatic_thought", fields.text(
            "The thought that went through my mind", lines=2,
            placeholder="For example: They'd rather be anywhere but with me."))
        self.belief_before = self.field("belief_before", fields.rating(
            "How strongly I believed it (0–100)", low, high, value=START_BELIEF))
        self.traps = self.field("traps", Field(
            "Thinking traps I can spot (optional)", PickMany(words.THINKING_TRAPS),
            "Not sure? Open the guide just below.", picks=words.THINKING_TRAPS))
        guide = widgets.Accordion(children=[widgets.HTML(traps_guide_html())])
        guide.set_title(0, "What the thinking traps mean")
        guide.selected_index = None
        self.evidence_for = self.field("evidence_for", fields.text(
            "Evidence for the thought (optional)", lines=2))
        self.evidence_against = self.field("evidence_against", fields.text(
            "Evidence against the thought (optional)", lines=2))
        self.friend_view = self.field("friend_view", fields.text(
            "What would I tell a friend who had this thought? (optional)", lines=2))
        self.balanced_thought = self.field("balanced_thought", fields.text(
            "A balanced thought", lines=2,
            hint="Something fair that takes in all the evidence.",
            placeholder="For example: They were distracted tonight. It doesn't tell me how "
                        "they feel about me; I can ask about their day."))
        self.belief_after = self.field("belief_after", fields.rating(
            "How strongly I believe the first thought now (0–100)", low, high,
            value=START_BELIEF))
        self.intensity_after = self.field("intensity_after", Field(
            "How strong each feeling is now (0–100)", EmotionRatings()))
        self.emotions.observe(self._emotions_changed, names="value")
        self.change = widgets.HTML("")
        self.change.add_class("sb-thought-change")
        self.recent = RecentEntries(ThoughtRecord.KIND, form=self, limit=3)
        self.layout(self.change, self.recent.root)
        # The guide sits right under the trap buttons.
        children = list(self.root.children)
        children.insert(children.index(self.fields["traps"].box) + 1, guide)
        self.root.children = children
        self.guide = guide

    def _emotions_changed(self, change: dict[str, object]) -> None:
        emotions = tuple(change["new"])  # type: ignore[arg-type]
        self.intensity_before.set_emotions(emotions)
        self.intensity_after.set_emotions(emotions)

    def after_save(self, saved: Saved) -> None:
        super().after_save(saved)
        entry = saved.entry
        if isinstance(entry, ThoughtRecord):
            self.change.value = html.message(html.text(entry.change_text()), "care")

    def profile_changed(self) -> None:
        super().profile_changed()
        self.change.value = ""  # it described the other person's record


class QuickCheckForm(Form):
    """A short form for the moment: the thought, the trap, a kinder alternative."""

    model = QuickThoughtCheck
    title = "Quick thought check"
    css_class = "sb-quick-thought"
    intro = "For when a thought grabs you and there is only a minute to spare."

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        self.thought = self.field("thought", fields.text("The thought", lines=2))
        self.trap = self.field("trap", fields.choice(
            "The thinking trap it fits best", words.THINKING_TRAPS))
        self.alternative = self.field("alternative", fields.text(
            "A kinder, fairer alternative", lines=2))
        self.recent = RecentEntries(QuickThoughtCheck.KIND, form=self, limit=3)
        self.layout(self.recent.root)


class PatternFinder(Panel):
    """The most frequent traps and situations across saved thought records."""

    title = "Pattern finder"
    css_class = "sb-pattern-finder"

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        self.look_again = widgets.Button(description="Look for patterns again", icon="refresh",
                                         layout=widgets.Layout(width="auto"))
        self.on_click(self.look_again, self.refresh)
        self.result = widgets.HTML("")
        self.result.add_class("sb-patterns")
        self.who = self.profile_picker(self.refresh)
        self.root.children = [widgets.HTML(html.heading(self.title)),
                              *([self.who] if self.who is not None else []), self.result,
                              self.look_again, self.status]
        self.refresh()

    def refresh(self) -> None:
        try:
            saved = self.store.entries(ThoughtRecord.KIND, profile=self.profile)
        except StoreError as error:
            self.result.value = html.message(html.text(error.message), "error")
            return
        patterns = find_patterns(s.entry for s in saved)  # type: ignore[misc]
        self.patterns = patterns
        self.result.value = "".join(f"<p>{html.text(line)}</p>" for line in patterns.sentences())


class TrapsGuide(Panel):
    """The twelve thinking traps, each with a relationship example (nothing to fill in)."""

    title = "Twelve common thinking traps"
    css_class = "sb-traps"

    def __init__(self) -> None:
        super().__init__()
        self.root.children = [widgets.HTML(traps_guide_html())]


def thinking_traps() -> TrapsGuide:
    """The thinking traps, described with relationship examples."""
    return TrapsGuide()


def thought_record(*, store: Store | None = None, profile: str | None = None) -> ThoughtRecordForm:
    """The full thought record form."""
    return ThoughtRecordForm(store=store, profile=profile)


def quick_thought_check(*, store: Store | None = None,
                        profile: str | None = None) -> QuickCheckForm:
    """The quick thought check form."""
    return QuickCheckForm(store=store, profile=profile)


def pattern_finder(*, store: Store | None = None, profile: str | None = None) -> PatternFinder:
    """Patterns across saved thought records."""
    return PatternFinder(store=store, profile=profile)
