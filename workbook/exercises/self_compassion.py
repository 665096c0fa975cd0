"""Practise self-compassion (notebook 04): one call per exercise."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

import ipywidgets as widgets

from workbook import words
from workbook.models import Checks
from workbook.models.self_compassion import (
    ForgivingAMistake,
    InnerCriticRewrite,
    SelfCompassionBreak,
    SelfCompassionLetter,
    TreatAFriend,
)
from workbook.store import Saved, Store, StoreError, now
from workbook.widgets import Form, Panel, RecentEntries, fields, html
from workbook.widgets.fields import Field
from workbook.widgets.prompts import PromptsForm, build_checked

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

LETTER_DAYS_DEFAULT = 30
REMIND_AGAIN_DAYS = 7


class SelfCompassionBreakForm(Form):
    """Distress before, three steps in my own words, distress after; shows the change."""

    model = SelfCompassionBreak
    title = "A self-compassion break"
    css_class = "sb-self-compassion-break"
    save_label = "Save my break"
    intro = ("Take a slow breath. Rate how distressed you feel, go through the three steps "
             "in your own words, then rate it again. Any change is fine, even none.")

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        low, high = words.SELF_COMPASSION_DISTRESS_RANGE
        self.distress_before = self.field("distress_before", fields.rating(
            "How distressed I feel right now", low, high, value=5,
            hint="0 is calm, 10 is the most distressed I can imagine."))
        steps = {}
        for name, label, hint in words.SELF_COMPASSION_BREAK_STEPS:
            steps[name] = self.field(name, fields.text(label, hint=hint, lines=2))
        self.noticing = steps["noticing"]
        self.common_humanity = steps["common_humanity"]
        self.kindness = steps["kindness"]
        self.distress_after = self.field("distress_after", fields.rating(
            "How distressed I feel now, after the break", low, high, value=5))
        self.change = widgets.HTML("")
        self.chart = widgets.Image(format="png", layout=widgets.Layout(max_width="46em"))
        self.chart.add_class("sb-distress-chart")
        self.chart.layout.display = "none"
        self.recent = RecentEntries(SelfCompassionBreak.KIND, form=self, limit=3)
        self.layout(self.change, self.chart, self.recent.root)
        self._guarded(self.draw_chart)

    def after_save(self, saved: Saved) -> None:
        super().after_save(saved)
        self.change.value = html.message(html.text(distress_change_text(saved.entry)), "care")
        self.draw_chart()

    def profile_changed(self) -> None:
        super().profile_changed()
        self.change.value = ""
        self.draw_chart()

    def draw_chart(self) -> None:
        """Distress before and after every break so far, as a picture under the form."""
        if not self.store.count(SelfCompassionBreak.KIND, profile=self.profile):
            self.chart.layout.display = "none"
            return
        import workbook
        from workbook.charts import _style

        breaks = workbook.data(SelfCompassionBreak.KIND, store=self.store, profile=self.profile)
        self.chart.value = _style.png(distress_chart(breaks))
        self.chart.layout.display = "flex"


def distress_change_text(entry: SelfCompassionBreak) -> str:
    """The before/after change of one break, in words."""
    change = entry.distress_change
    if change < 0:
        how = f"eased by {-change} point{'s' if change < -1 else ''}"
    elif change > 0:
        how = (f"rose by {change} point{'s' if change > 1 else ''}. That happens: naming a hard "
               "feeling can make it louder for a while")
    else:
        how = "stayed the same. Taking the time was still a kind thing to do"
    return (f"Your distress went from {entry.distress_before} to {entry.distress_after}: "
            f"it {how}.")


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

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        self.critic_says = self.field("critic_says", fields.text(
            "What my inner critic says", lines=2,
            placeholder="For example: You're too much. No wonder they pull away."))
        self.feelings = self.field("feelings", fields.many(
            "The feelings it brings", words.EMOTIONS, hint="Pick one or more."))
        self.rewrite = self.field("rewrite", fields.text(
            "A kind and accurate rewrite", lines=2,
            hint="Not forced cheerfulness: something you can believe.",
            placeholder="For example: I have big feelings sometimes, and I'm learning to "
                        "say what I need."))
        self.recent = RecentEntries(InnerCriticRewrite.KIND, form=self, limit=3)
        self.layout(self.recent.root)


class LetterForm(Form):
    """A letter to myself and a day to read it again (today or later)."""

    model = SelfCompassionLetter
    title = "A self-compassion letter"
    css_class = "sb-letter"
    save_label = "Save my letter"
    intro = ("Write to yourself as a wise, warm friend would: someone who knows your story, "
             "sees your worries, and is firmly on your side. Then choose a day to read it "
             "again. On or after that day, this notebook offers it back to you.")

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        self.letter = self.field("letter", fields.text(
            "My letter", lines=10, placeholder="Dear me, …"))
        self.reread_on = self.field("reread_on", Field(
            "When I'd like to read it again",
            widgets.DatePicker(value=dt.date.today() + dt.timedelta(days=LETTER_DAYS_DEFAULT)),
            "Today or any later day."))
        self.recent = RecentEntries(SelfCompassionLetter.KIND, form=self, limit=3)
        self.layout(self.recent.root)

    def entry(self) -> SelfCompassionLetter:
        checks = Checks()
        editing = self.editing.entry if self.editing is not None else None
        checks.not_past("reread_on", self.reread_on.value,
                        unchanged_from=getattr(editing, "reread_on", None))
        # A new reread day means the letter is waiting to be read again.
        reread = getattr(editing, "reread", False) and \
            self.reread_on.value == getattr(editing, "reread_on", None)
        return build_checked(checks, lambda: SelfCompassionLetter(
            letter=self.letter.value, reread_on=self.reread_on.value, reread=reread))

    def after_save(self, saved: Saved) -> None:
        super().after_save(saved)
        entry = saved.entry
        if isinstance(entry, SelfCompassionLetter):
            when = ("today: it is waiting for you in the letters panel" if
                    entry.reread_on <= dt.date.today() else f"on {entry.reread_on:%A %d %B %Y}")
            self.say(f"Saved at {now():%H:%M}. Your letter will be offered back {when}.", "ok")


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
        self.check_again = widgets.Button(description="Check again", icon="refresh",
                                          layout=widgets.Layout(width="auto"))
        self.on_click(self.check_again, self.refresh)
        self.who = self.profile_picker(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        try:
            letters = self.store.entries(SelfCompassionLetter.KIND, profile=self.profile,
                                         newest_first=False)
        except StoreError as error:
            self.root.children = [widgets.HTML(html.message(html.text(error.message), "error"))]
            return
        self.due = sorted((s for s in letters if s.entry.due(self.today)),
                          key=lambda s: s.entry.reread_on)
        upcoming = sorted(s.entry.reread_on for s in letters
                          if not s.entry.reread and not s.entry.due(self.today))
        parts: list[widgets.Widget] = [widgets.HTML(html.heading(self.title))]
        if self.who is not None:
            parts.append(self.who)
        self.reread_buttons, self.later_buttons = [], []
        for saved in self.due:
            parts.append(self._letter_box(saved))
        if not self.due:
            text = "No letters are waiting for you today."
            if upcoming:
                text += f" The next one comes back on {upcoming[0]:%A %d %B %Y}."
            parts.append(widgets.HTML(html.message(text, "info")))
        parts += [self.check_again, self.status]
        self.root.children = parts

    def result_text(self) -> str:
        """The HTML currently shown (headings, letters and messages)."""
        texts = []
        pending = list(self.root.children)
        while pending:
            widget = pending.pop(0)
            if isinstance(widget, widgets.HTML):
                texts.append(widget.value)
            pending += list(getattr(widget, "children", ()))
        return "\n".join(texts)

    def _letter_box(self, saved: Saved) -> widgets.Widget:
        written = saved.created_at.astimezone()
        letter = widgets.HTML(
            f"<p><small>You wrote this on {written:%A %d %B %Y}.</small></p>"
            f"<blockquote class='sb-letter-text'>{html.text(saved.entry.letter)}</blockquote>")
        reread = widgets.Button(description="I've read it again", button_style="success",
                                layout=widgets.Layout(width="auto"))
        later = widgets.Button(description=f"Remind me in {REMIND_AGAIN_DAYS} days",
                               layout=widgets.Layout(width="auto"))
        self.on_click(reread, lambda: self._update(saved, reread=True))
        self.on_click(later, lambda: self._update(
            saved, reread_on=self.today + dt.timedelta(days=REMIND_AGAIN_DAYS)))
        self.reread_buttons.append(reread)
        self.later_buttons.append(later)
        box = widgets.VBox([letter, widgets.HBox([reread, later])])
        box.add_class("sb-letter-due")
        return box

    def _update(self, saved: Saved, **changes: object) -> None:
        try:
            self.store.update(saved.id, dataclasses.replace(saved.entry, **changes))
        except (StoreError, KeyError) as error:
            self.say(getattr(error, "message", "This letter is no longer in your journal."),
                     "error")
            return
        self.refresh()
        self.say("Done. Your letter stays in your journal.", "ok")


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


def distress_chart(breaks: pd.DataFrame) -> Figure:
    """Distress before and after each self-compassion break, from its data frame."""
    from workbook.charts import _style

    fig, (ax,) = _style.figure("Distress before and after each self-compassion break")
    ax.set_xlabel("Self-compassion break (oldest first)")
    ax.set_ylabel("Distress (0–10)")
    if breaks is None or not len(breaks):
        _style.empty(ax, "No self-compassion breaks saved yet.")
    else:
        numbers = range(1, len(breaks) + 1)
        ax.plot(numbers, breaks["distress_before"].astype(float), "o-", color=_style.VERMILLION,
                label="Before")
        ax.plot(numbers, breaks["distress_after"].astype(float), "s-", color=_style.BLUE,
                label="After")
        ax.set_ylim(-0.5, 10.5)
        ax.set_xticks(list(numbers))
        ax.legend(loc="upper right")
    _style.note(fig, distress_summary(breaks))
    return fig


def distress_summary(breaks: pd.DataFrame) -> str:
    """One sentence on how distress changed across the breaks."""
    if breaks is None or not len(breaks):
        return "Once you save a self-compassion break, the change in distress shows here."
    average = round(float(breaks["distress_change"].astype(float).mean()), 1)
    count = len(breaks)
    plural = "break" if count == 1 else "breaks"
    if average < 0:
        return f"Across {count} {plural}, distress eased by {-average:g} points on average."
    if average > 0:
        return f"Across {count} {plural}, distress rose by {average:g} points on average."
    return f"Across {count} {plural}, distress stayed the same on average."


def self_compassion_break(*, store: Store | None = None,
                          profile: str | None = None) -> SelfCompassionBreakForm:
    """The guided self-compassion break, with distress before and after."""
    return SelfCompassionBreakForm(store=store, profile=profile)


def treat_a_friend(*, store: Store | None = None, profile: str | None = None) -> TreatAFriendForm:
    """How would I treat a friend? form."""
    return TreatAFriendForm(store=store, profile=profile)


def inner_critic_rewrite(*, store: Store | None = None,
                         profile: str | None = None) -> InnerCriticForm:
    """The inner-critic rewrite form."""
    return InnerCriticForm(store=store, profile=profile)


def compassion_letter(*, store: Store | None = None, profile: str | None = None) -> LetterForm:
    """The self-compassion letter form, with a date to reread it."""
    return LetterForm(store=store, profile=profile)


def letters_to_reread(*, store: Store | None = None,
                      profile: str | None = None) -> LettersToReread:
    """Letters whose reread day has come."""
    return LettersToReread(store=store, profile=profile)


def forgive_a_mistake(*, store: Store | None = None, profile: str | None = None) -> ForgivingForm:
    """The forgiving-a-mistake note."""
    return ForgivingForm(store=store, profile=profile)
