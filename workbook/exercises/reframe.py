"""Reframe negative thoughts (notebook 05): one call per exercise."""

from __future__ import annotations

import ipywidgets as widgets

from workbook import cards, words
from workbook.models.reframe import QuickThoughtCheck, ThoughtRecord, find_patterns
from workbook.store import Saved, Store, StoreError
from workbook.widgets import Form, Panel, PickMany, Place, ask, fields, html, summary
from workbook.widgets.fields import RatingsPerPick


def _emotion_ratings() -> RatingsPerPick:
    """One 0–100 slider per feeling picked; ``value`` is the ratings in feeling order."""
    return RatingsPerPick(words.EMOTIONS, *words.THOUGHT_INTENSITY_RANGE, words.THOUGHT_START,
                          empty="Pick the feelings above to rate them.")


def _traps_guide(_form: Form) -> widgets.Accordion:
    guide = widgets.Accordion(children=[widgets.HTML(cards.traps_guide())])
    guide.set_title(0, "What the thinking traps mean")
    guide.selected_index = None
    return guide


class ThoughtRecordForm(Form):
    """The full thought record; once saved, shows how belief and feelings changed."""

    model = ThoughtRecord
    title = "Thought record"
    css_class = "sb-thought-record"
    save_label = "Save thought record"
    intro = ("Take one upsetting moment and slow it down, step by step. There is no need to "
             "argue yourself out of anything: the aim is a view that is fair and complete.")

    situation = ask.text(
        "The situation", lines=2, hint="Where, when, who, what happened. Just the facts.",
        placeholder="For example: Sunday evening, they were on their phone all through dinner.")
    situation_kind = ask.choice("What kind of moment was it?", words.THOUGHT_SITUATIONS)
    emotions = ask.many("Feelings that came up", words.EMOTIONS, hint="Pick one or more.")
    intensity_before = ask.control("How strong each feeling was (0–100)", _emotion_ratings,
                                   follows="emotions")
    automatic_thought = ask.text("The thought that went through my mind", lines=2,
                                 placeholder="For example: They'd rather be anywhere but "
                                             "with me.")
    belief_before = ask.rating("How strongly I believed it (0–100)",
                               *words.THOUGHT_BELIEF_RANGE, value=words.THOUGHT_START)
    traps = ask.control("Thinking traps I can spot (optional)",
                        lambda: PickMany(words.THINKING_TRAPS),
                        "Not sure? Open the guide just below.", picks=words.THINKING_TRAPS)
    # The guide sits right under the trap buttons.
    guide = Place(_traps_guide, after="traps")
    evidence_for = ask.text("Evidence for the thought (optional)", lines=2)
    evidence_against = ask.text("Evidence against the thought (optional)", lines=2)
    friend_view = ask.text("What would I tell a friend who had this thought? (optional)",
                           lines=2)
    balanced_thought = ask.text(
        "A balanced thought", lines=2, hint="Something fair that takes in all the evidence.",
        placeholder="For example: They were distracted tonight. It doesn't tell me how "
                    "they feel about me; I can ask about their day.")
    belief_after = ask.rating("How strongly I believe the first thought now (0–100)",
                              *words.THOUGHT_BELIEF_RANGE, value=words.THOUGHT_START)
    intensity_after = ask.control("How strong each feeling is now (0–100)", _emotion_ratings,
                                  follows="emotions")

    @summary(css="sb-thought-change")
    def change(self, saved: Saved | None) -> str:
        if saved is None or not isinstance(saved.entry, ThoughtRecord):
            return ""  # on a change of profile it described the other person's record
        return html.message(html.text(saved.entry.change_text()), "care")


class QuickCheckForm(Form):
    """A short form for the moment: the thought, the trap, a kinder alternative."""

    model = QuickThoughtCheck
    title = "Quick thought check"
    css_class = "sb-quick-thought"
    intro = "For when a thought grabs you and there is only a minute to spare."

    thought = ask.text("The thought", lines=2)
    trap = ask.choice("The thinking trap it fits best", words.THINKING_TRAPS)
    alternative = ask.text("A kinder, fairer alternative", lines=2)


class PatternFinder(Panel):
    """The most frequent traps and situations across saved thought records."""

    title = "Pattern finder"
    css_class = "sb-pattern-finder"

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        self.look_again = self.button("Look for patterns again", self.refresh, icon="refresh")
        self.result = fields.html_area("sb-patterns")
        self.who = self.profile_picker(self.refresh)
        self.arrange(self.result, self.look_again, self.status, who=self.who)
        self.refresh()

    def refresh(self) -> None:
        try:
            saved = self.store.entries(ThoughtRecord.KIND, profile=self.profile)
        except StoreError as error:
            self.result.value = html.problem(error)
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
        self.root.children = [widgets.HTML(cards.traps_guide())]


# One call per exercise in the notebook.
thinking_traps = TrapsGuide
thought_record = ThoughtRecordForm
quick_thought_check = QuickCheckForm
pattern_finder = PatternFinder
