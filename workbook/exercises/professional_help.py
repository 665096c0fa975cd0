"""Notebook 07: is it time for support, a nudge from my check-ins, and choosing a therapist."""

from __future__ import annotations

import datetime as dt
from functools import partial

import ipywidgets as widgets

from workbook import cards, messages, resources, words
from workbook.exercises.communication import StatementBuilder
from workbook.exercises.start_here import safety_check
from workbook.models.professional_help import (
    SessionPrep,
    SupportReflection,
    TherapistCandidate,
    TherapyStatement,
)
from workbook.nudges import support_nudge
from workbook.region import saved_region
from workbook.store import Saved, Store, StoreError
from workbook.widgets import Form, Panel, Place, ask, fields, html, summary
from workbook.words import sentences

__all__ = ["data_nudge", "safety_check", "session_prep", "talk_about_therapy",
           "therapist_comparison", "time_for_support"]


class SupportReflectionForm(Form):
    """Tick the signs that fit; the answer leads to one of three plain messages."""

    model = SupportReflection
    title = "Is it time for support?"
    css_class = "sb-support-reflection"
    save_label = "Save and see what this means"
    intro = ("Tick any sentence that has been true for you lately. There is no score and no "
             "diagnosis here: just an honest look at whether more support would help.")

    signs = ask.checklist("Lately…", words.SUPPORT_SIGNS)
    note = ask.text("Anything else you notice (optional)", lines=2)

    @summary(css="sb-guidance")
    def guidance(self, saved: Saved | None) -> str:
        if saved is None or not isinstance(saved.entry, SupportReflection):
            return ""  # on a change of profile it was the other person's
        outcome = saved.entry.outcome
        text = sentences.support_guidance(outcome, dt.date.today())
        shown = html.message(html.text(text), "care" if outcome != "keep_practising" else "ok")
        if outcome == "reach_out_now":
            shown += resources.as_html(resources.for_region(saved_region(self.store)))
        return shown


class NudgePanel(Panel):
    """What the last two weeks of check-ins suggest, said gently."""

    title = "A look at your last two weeks"
    css_class = "sb-nudge"

    def __init__(self, *, store: Store | None = None, profile: str | None = None,
                 today: dt.date | None = None):
        super().__init__(store=store, profile=profile)
        self.today = today or dt.date.today()
        self.text = widgets.HTML("")
        self.refresh_button = self.button("Look again", self.refresh, icon="refresh")
        self.who = self.profile_picker(self.refresh)
        self.arrange(self.text, self.refresh_button, who=self.who)
        self.refresh()

    def refresh(self) -> None:
        import workbook

        try:
            checkins = workbook.data("checkin", store=self.store, profile=self.profile)
        except StoreError as error:
            self.text.value = html.problem(error)
            return
        said, tone = support_nudge(checkins, self.today).said()
        self.text.value = html.message(html.text(said), tone)


class TherapistForm(Form):
    """A possible therapist and the questions worth asking, with a table to compare."""

    model = TherapistCandidate
    title = "Therapist comparison"
    css_class = "sb-therapists"
    save_label = "Save candidate"
    intro = ("Add each therapist you are considering, and fill in what you learn. "
             "The table below lines them up side by side.")
    recent_limit = 20
    clear_after_save = True

    name = ask.text("Name or practice", placeholder="required")
    licensed = ask.choice(words.THERAPIST_QUESTIONS["licensed"], words.THERAPIST_YES_NO_UNSURE,
                          value="not_sure_yet", buttons=True)
    experience = ask.text(words.THERAPIST_QUESTIONS["experience"])
    approach = ask.text(words.THERAPIST_QUESTIONS["approach"])
    cost = ask.text(words.THERAPIST_QUESTIONS["cost"])
    availability = ask.text(words.THERAPIST_QUESTIONS["availability"])
    format = ask.choice(words.THERAPIST_QUESTIONS["format"], words.THERAPIST_FORMATS,
                        value="not_sure_yet", buttons=True)
    first_contact = ask.text(words.THERAPIST_QUESTIONS["first_contact"])
    fit = ask.rating("How good a fit does this feel?", *words.FIT_RANGE, value=3,
                     hint="1 is not a fit, 5 is a great fit.")

    @summary(css="sb-therapist-table")
    def table(self, _saved: Saved | None) -> str:
        saved = self.store.entries(TherapistCandidate.KIND, profile=self.profile,
                                   newest_first=False)
        return cards.therapist_table([s.entry for s in saved])  # type: ignore[misc]


class ReportMaker(widgets.VBox):
    """The period and format of a progress report, a button that writes it for the form's
    profile, and where it was saved."""

    def __init__(self, form: Form):
        self.form = form
        self.period = widgets.Dropdown(options=list(words.REPORT_RANGES.items()), value=90,
                                       description="Report covering",
                                       style={"description_width": "initial"})
        self.report_format = widgets.ToggleButtons(
            options=(("PDF", "pdf"), ("Web page", "html")), value="pdf", description="As",
            style={"description_width": "initial", "button_width": "auto"})
        self.make_report = form.button("Make my report", self.write, icon="file")
        self.report_status = widgets.HTML("")
        super().__init__([widgets.HTML("<b>Your report</b>"),
                          fields.row(self.period, self.report_format, self.make_report),
                          self.report_status])

    def write(self) -> None:
        """Write the progress report for the chosen period and show where it is."""
        from workbook import report

        store = self.form.store
        self.report_status.value = html.message(words.REPORT_MAKING, "info")
        try:
            path = report.write(store, span=report.span_of(self.period.value),
                                profile=self.form.profile, fmt=self.report_format.value)
        except (report.ReportError, StoreError) as error:
            self.report_status.value = html.problem(error)
            return
        except Exception:
            self.report_status.value = html.message(html.text(messages.UNEXPECTED), "error")
            raise  # the button's guard logs the kind of error
        said = words.REPORT_SAVED.format(path=path)
        if store.locked:
            said += f" {messages.EXPORT_NOT_LOCKED}"
        self.report_status.value = html.message(html.text(said), "ok")


class SessionPrepForm(Form):
    """What I want to talk about, and my progress report for a chosen period, in one click."""

    model = SessionPrep
    title = "Session prep"
    css_class = "sb-session-prep"
    save_label = "Save my notes"
    intro = ("A few notes before a session help you use the time for what matters most. "
             "You can also make a report of your charts to bring along or show on screen.")

    topics = ask.text("What I want to talk about", lines=3, placeholder="required")
    hopes = ask.text("What I'd like to understand or change", lines=2)
    questions = ask.text("Questions I want to ask", lines=2)
    report = Place(ReportMaker, parts=("period", "report_format", "make_report",
                                       "report_status"))


# The statement builder from notebook 01, for raising therapy with a partner.
talk_about_therapy = partial(StatementBuilder, purpose=TherapyStatement.STRATEGY,
                             title=TherapyStatement.TITLE, intro=words.THERAPY_STATEMENT_INTRO)
session_prep = SessionPrepForm
time_for_support = SupportReflectionForm
data_nudge = NudgePanel
therapist_comparison = TherapistForm
