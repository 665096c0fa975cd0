"""Practise self-compassion (notebook 04): one call per exercise."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import ipywidgets as widgets

from workbook import cards, words
from workbook.models.self_compassion import (
    ForgivingAMistake,
    InnerCriticRewrite,
    SelfCompassionBreak,
    SelfCompassionLetter,
    TreatAFriend,
    letters_waiting,
)
from workbook.store import Saved, Store, StoreError
from workbook.widgets import Form, Panel, ask, html, summary
from workbook.widgets.declare import Ask
from workbook.widgets.prompts import PromptsForm
from workbook.words import sentences
from workbook.words.self_compassion import no_letters_waiting

STEPS = {name: (label, hint) for name, label, hint in words.SELF_COMPASSION_BREAK_STEPS}


def _step(name: str) -> Ask:
    label, hint = STEPS[name]
    return ask.text(label, hint=hint, lines=2)


class SelfCompassionBreakForm(Form):
    """Distress before, three steps in my own words, distress after; shows the change."""

    model = SelfCompassionBreak
    title = "A self-compassion break"
    css_class = "sb-self-compassion-break"
    save_label = "Save my break"
    intro = ("Take a slow breath. Rate how distressed you feel, go through the three steps "
             "in your own words, then rate it again. Any change is fine, even none.")

    distress_before = ask.rating("How distressed I feel right now",
                                 *words.SELF_COMPASSION_DISTRESS_RANGE, value=5,
                                 hint="0 is calm, 10 is the most distressed I can imagine.")
    noticing = _step("noticing")
    common_humanity = _step("common_humanity")
    kindness = _step("kindness")
    distress_after = ask.rating("How distressed I feel now, after the break",
                                *words.SELF_COMPASSION_DISTRESS_RANGE, value=5)

    @summary
    def change(self, saved: Saved | None) -> str:
        if saved is None or not isinstance(saved.entry, SelfCompassionBreak):
            return ""
        entry = saved.entry
        return html.message(html.text(sentences.distress_change(
            entry.distress_before, entry.distress_after)), "care")

    @summary(chart=True, css="sb-distress-chart")
    def chart(self, _saved: Saved | None) -> Any:
        """Distress before and after every break so far, as a picture under the form."""
        if not self.store.count(SelfCompassionBreak.KIND, profile=self.profile):
            return None
        from workbook.charts.distress import journal_distress_chart

        return journal_distress_chart(self.store, self.profile)


class TreatAFriendForm(PromptsForm):
    """What I'd say to a friend, what I say to myself, and a kinder version for me."""

    model = TreatAFriend
    title = "How would I treat a friend?"
    css_class = "sb-treat-a-friend"
    intro = ("Think of a good friend in exactly your situation, feeling what you feel. "
             "Then notice how you talk to yourself.")
    prompts = (
        ("to_a_friend", "What I would say to a friend in my situation",
         "The words, the tone, maybe what you would do for them."),
        ("to_myself", "What I usually say to myself",
         "Be honest; this is only for you."),
        ("kinder_to_myself", "A kinder version, for me",
         "Borrow from what you would tell your friend."),
    )


class InnerCriticForm(Form):
    """The critical sentence, the feelings it brings, and a kind, accurate rewrite."""

    model = InnerCriticRewrite
    title = "Inner-critic rewrite"
    css_class = "sb-inner-critic"
    intro = ("Most of us have a harsh inner voice. Catch one of its sentences, notice how it "
             "lands, and rewrite it so it is both kind and true.")

    critic_says = ask.text("What my inner critic says", lines=2,
                           placeholder="For example: You're too much. No wonder they pull away.")
    feelings = ask.many("The feelings it brings", words.EMOTIONS, hint="Pick one or more.")
    rewrite = ask.text("A kind and accurate rewrite", lines=2,
                       hint="Not forced cheerfulness: something you can believe.",
                       placeholder="For example: I have big feelings sometimes, and I'm "
                                   "learning to say what I need.")


def _reread_day() -> widgets.DatePicker:
    return widgets.DatePicker(
        value=dt.date.today() + dt.timedelta(days=words.LETTER_REREAD_AFTER_DAYS))


class LetterForm(Form):
    """A letter to myself and a day to read it again (today or later)."""

    model = SelfCompassionLetter
    title = "A self-compassion letter"
    css_class = "sb-letter"
    save_label = "Save my letter"
    intro = ("Write to yourself as a wise, warm friend would: someone who knows your story, "
             "sees your worries, and is firmly on your side. Then choose a day to read it "
             "again. On or after that day, this notebook offers it back to you.")

    letter = ask.text("My letter", lines=10, placeholder="Dear me, …")
    reread_on = ask.control("When I'd like to read it again", _reread_day,
                            "Today or any later day.")


class LettersToReread(Panel):
    """Letters whose reread day has come, shown in full (escaped) until marked as reread."""

    title = "Letters waiting for you"
    css_class = "sb-letters-due"

    def __init__(self, *, store: Store | None = None, profile: str | None = None,
                 today: dt.date | None = None):
        super().__init__(store=store, profile=profile)
        self.today = today or dt.date.today()
        self.due: list[Saved] = []
        self.reread_buttons: list[widgets.Button] = []
        self.later_buttons: list[widgets.Button] = []
        self.check_again = self.button("Check again", self.refresh, icon="refresh")
        self.who = self.profile_picker(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        try:
            letters = self.store.entries(SelfCompassionLetter.KIND, profile=self.profile,
                                         newest_first=False)
        except StoreError as error:
            self.root.children = [widgets.HTML(html.problem(error))]
            return
        self.due, upcoming = letters_waiting(letters, self.today)
        self.reread_buttons, self.later_buttons = [], []
        shown = [self._letter_box(saved) for saved in self.due] or [
            widgets.HTML(html.message(no_letters_waiting(upcoming), "info"))]
        self.arrange(*shown, self.check_again, self.status, who=self.who)

    def _letter_box(self, saved: Saved) -> widgets.Widget:
        letter = widgets.HTML(cards.letter(saved.entry.letter, saved.created_at.astimezone()))
        again = self.today + dt.timedelta(days=words.LETTER_REMIND_AGAIN_DAYS)
        reread = self.button("I've read it again", lambda: self._update(saved, reread=True),
                             style="success")
        later = self.button(f"Remind me in {words.LETTER_REMIND_AGAIN_DAYS} days",
                            lambda: self._update(saved, reread_on=again))
        self.reread_buttons.append(reread)
        self.later_buttons.append(later)
        box = widgets.VBox([letter, widgets.HBox([reread, later])])
        box.add_class("sb-letter-due")
        return box

    def _update(self, saved: Saved, **changes: object) -> None:
        try:
            self.store.update(saved.id, dataclasses.replace(saved.entry, **changes))
        except (StoreError, KeyError) as error:
            self.say(getattr(error, "message", words.LETTER_GONE), "error")
            return
        self.refresh()
        self.say(words.LETTER_KEPT, "ok")


class ForgivingForm(PromptsForm):
    """What happened, what I learned, and what I'll do next time."""

    model = ForgivingAMistake
    title = "Forgiving a mistake"
    css_class = "sb-forgiving"
    intro = ("Everyone gets things wrong sometimes, in love as much as anywhere. Looking at a "
             "mistake with kindness makes it easier to learn from it and let it go.")
    prompts = (
        ("what_happened", "What happened", "Just the facts, as you would tell a friend."),
        ("what_i_learned", "What I learned", "About myself, about us, or about what I need."),
        ("next_time", "What I'll do next time", "One small, doable thing."),
    )


# One call per exercise in the notebook.
self_compassion_break = SelfCompassionBreakForm
treat_a_friend = TreatAFriendForm
inner_critic_rewrite = InnerCriticForm
compassion_letter = LetterForm
letters_to_reread = LettersToReread
forgive_a_mistake = ForgivingForm
