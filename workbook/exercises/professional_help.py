"""Notebook 07: is it time for support, a nudge from my check-ins, and choosing a therapist."""

from __future__ import annotations

import datetime as dt

import ipywidgets as widgets

from workbook import messages, resources, words
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
from workbook.widgets import Form, Panel, RecentEntries, ask, fields, html, summary
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
        self.refresh_button = widgets.Button(description="Look again", icon="refresh",
                                             layout=widgets.Layout(width="auto"))
        self.on_click(self.refresh_button, self.refresh)
        self.who = self.profile_picker(self.refresh)
        self.root.children = [widgets.HTML(html.heading(self.title)),
                              *([self.who] if self.who is not None else []), self.text,
                              self.refresh_button]
        self.refresh()

    def refresh(self) -> None:
        import workbook

        try:
            checkins = workbook.data("checkin", store=self.store, profile=self.profile)
        except StoreError as error:
            self.text.value = html.problem(error)
            return
        nudge = support_nudge(checkins, self.today)
        if nudge.suggested:
            self.text.value = html.message(html.text(nudge.message()), "care")
        elif nudge.days < words.NUDGE_MIN_DAYS:
            self.text.value = html.message(
                f"You have checked in on {nudge.days} of the last 14 days. After a few more "
                "check-ins, this space can reflect your recent weeks back to you.", "info")
        else:
            self.text.value = html.message(
                "Nothing in your recent check-ins stands out as a worry. Whatever you feel, "
                "asking for support is always allowed.", "ok")


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
        return comparison_table([s.entry for s in saved])  # type: ignore[misc]


def comparison_table(candidates: list[TherapistCandidate]) -> str:
    """Candidates as columns and questions as rows, every answer escaped."""
    if not candidates:
        return html.message("No candidates yet. Add the first one above.", "info")
    rows = [("Fit (1–5)", [str(c.fit) for c in candidates])]
    rows += [(question, [c.shown(key) or "—" for c in candidates])
             for key, question in words.THERAPIST_QUESTIONS.items()]
    head = "".join(f"<th>{html.text(c.name)}</th>" for c in candidates)
    body = "".join(
        f"<tr><th style='text-align:left'>{html.text(label)}</th>"
        + "".join(f"<td>{html.text(v)}</td>" for v in values) + "</tr>"
        for label, values in rows)
    return (f"<table class='sb-table' style='border-collapse:collapse'><thead><tr><th></th>"
            f"{head}</tr></thead><tbody>{body}</tbody></table>")


class SessionPrepForm(Form):
    """What I want to talk about, and my progress report for a chosen period, in one click."""

    model = SessionPrep
    title = "Session prep"
    css_class = "sb-session-prep"
    save_label = "Save my notes"
    intro = ("A few notes before a session help you use the time for what matters most. "
             "You can also make a report of your charts to bring along or show on screen.")

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        self.topics = self.field("topics", fields.text(
            "What I want to talk about", lines=3, placeholder="required"))
        self.hopes = self.field("hopes", fields.text(
            "What I'd like to understand or change", lines=2))
        self.questions = self.field("questions", fields.text(
            "Questions I want to ask", lines=2))
        self.period = widgets.Dropdown(options=list(words.REPORT_RANGES.items()), value=90,
                                       description="Report covering",
                                       style={"description_width": "initial"})
        self.report_format = widgets.ToggleButtons(
            options=(("PDF", "pdf"), ("Web page", "html")), value="pdf", description="As",
            style={"description_width": "initial", "button_width": "auto"})
        self.make_report = widgets.Button(description="Make my report", icon="file",
                                          layout=widgets.Layout(width="auto"))
        self.report_status = widgets.HTML("")
        self.on_click(self.make_report, self.write_report)
        self.recent = RecentEntries(SessionPrep.KIND, form=self, limit=3)
        self.layout(widgets.HTML("<b>Your report</b>"),
                    fields.row(self.period, self.report_format, self.make_report),
                    self.report_status,
                    self.recent.root)

    def write_report(self) -> None:
        """Write the progress report for the chosen period and show where it is."""
        from workbook import report
        from workbook.trends import Span

        days = self.period.value
        span = Span.everything() if days is None else Span.last(days)
        self.report_status.value = html.message("Making your report…", "info")
        try:
            path = report.write(self.store, span=span, profile=self.profile,
                                fmt=self.report_format.value)
        except (report.ReportError, StoreError) as error:
            self.report_status.value = html.problem(error)
            return
        except Exception:
            self.report_status.value = html.message(html.text(messages.UNEXPECTED), "error")
            raise  # the button's guard logs the kind of error
        self.report_status.value = html.message(
            f"Your report is saved at {html.text(str(path))}. Only your user account can "
            "open it; open it to read or print it."
            + (f" {html.text(messages.EXPORT_NOT_LOCKED)}" if self.store.locked else ""), "ok")


def talk_about_therapy(*, store: Store | None = None, profile: str | None = None):
    """The statement builder from notebook 01, for raising therapy with a partner."""
    from workbook.exercises.communication import StatementBuilder

    return StatementBuilder(store=store, profile=profile, purpose=TherapyStatement.STRATEGY,
                            title=TherapyStatement.TITLE, intro=words.THERAPY_STATEMENT_INTRO)


session_prep = SessionPrepForm
time_for_support = SupportReflectionForm
data_nudge = NudgePanel
therapist_comparison = TherapistForm

