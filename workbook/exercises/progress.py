"""Progress and trends (notebook 08): every chart for a chosen period and profile,
a report to bring to a therapist, and an export of all entries.

The charts are drawn into one Output widget; changing the period or the profile
redraws them in place. With no entries yet, a clearly labelled demo built from
made-up data shows what the page will look like; it never touches the journal.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import weakref
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from workbook import charts, demo, export, messages, report, trends, words
from workbook.exercises import bring_history
from workbook.store import Store, StoreError
from workbook.trends import Span
from workbook.widgets import Panel, fields, html

log = logging.getLogger(__name__)

RANGES: tuple[tuple[str, str], ...] = (
    ("Last 30 days", "30"),
    ("Last 90 days", "90"),
    ("Last 365 days", "365"),
    ("Everything", "all"),
    ("Choose dates", "custom"),
)
REPORT_FORMATS: tuple[tuple[str, str], ...] = (("PDF", "pdf"), ("Web page (HTML)", "html"))
DEMO_BANNER = ("These charts are drawn from made-up entries, not from your journal. "
               "Nothing here is saved, and your own entries are never mixed in.")
DEMO_OFFER = ("There are no entries in your journal yet, so there is nothing to chart. "
              "Would you like to see what this page will look like after a few months? "
              "The demo uses made-up entries and keeps them apart from your journal.")
EXPORT_OFF_IN_DEMO = "Reports and exports are for your own entries, so they are off in the demo."

# Progress pages on show, so an import on the same page redraws their charts.
_shown: weakref.WeakSet[ProgressPanel] = weakref.WeakSet()


class ProgressPanel(Panel):
    """Period and profile pickers, the charts with one sentence each, report and export."""

    title = "Progress and trends"
    css_class = "sb-progress"

    def __init__(self, *, store: Store | None = None, profile: str | None = None,
                 today: dt.date | None = None):
        super().__init__(store=store, profile=profile)
        self.today = today
        self.showing_demo = False
        self.summaries: list[str] = []
        self.figures_drawn = 0
        self._holding = False

        self.period = widgets.ToggleButtons(options=RANGES, value="30",
                                            style={"button_width": "auto"})
        self.start = widgets.DatePicker(description="From", value=None)
        self.end = widgets.DatePicker(description="To", value=None)
        self.dates = fields.row(self.start, self.end)
        self.dates.layout.display = "none"
        self.who = widgets.Dropdown(description="Whose entries",
                                    style={"description_width": "initial"})
        self.message = widgets.HTML("")
        self.banner = widgets.HTML("")
        self.banner.add_class("sb-demo-banner")

        self.show_demo = widgets.Button(description="Show the demo", icon="eye",
                                        layout=widgets.Layout(width="auto"))
        self.leave_demo = widgets.Button(description="Back to my journal",
                                         layout=widgets.Layout(width="auto"))
        self.offer = widgets.VBox([widgets.HTML(html.message(html.text(DEMO_OFFER), "info")),
                                   self.show_demo])
        self.offer.add_class("sb-demo-offer")

        self.charts = widgets.Output(layout=widgets.Layout(min_height="4em"))
        self.charts.add_class("sb-charts")

        self.report_format = widgets.ToggleButtons(
            options=REPORT_FORMATS, value="pdf", description="Report as",
            style={"description_width": "initial", "button_width": "auto"})
        # Safety plans go in when ticked in the plan itself; here the person picks charts.
        self.report_parts = {chart.key: widgets.Checkbox(value=True, description=chart.title,
                                                         indent=False)
                             for chart in charts.CHARTS}
        self.report_choice = widgets.Accordion(
            [widgets.VBox(list(self.report_parts.values()))], titles=("Charts in the report",))
        self.report_choice.selected_index = None
        self.report_path = fields.line(description="Save the report as",
                                       style={"description_width": "initial"},
                                       layout=fields.wide("46em"))
        self.save_report = widgets.Button(description="Save report", icon="file",
                                          button_style="primary",
                                          layout=widgets.Layout(width="auto"))
        self.export_data = widgets.Button(description="Export all my entries (CSV and JSON)",
                                          icon="download", layout=widgets.Layout(width="auto"))

        self.on_click(self.show_demo, lambda: self.use_demo(True))
        self.on_click(self.leave_demo, lambda: self.use_demo(False))
        self.on_click(self.save_report, self._save_report)
        self.report_format.observe(lambda _change: self._guarded(self._format_changed),
                                   names="value")
        self.report_path.observe(lambda _change: self._guarded(self._name_changed),
                                 names="value")
        self.on_click(self.export_data, self._export)
        self._fill_profiles()
        self.period.observe(lambda change: self._guarded(lambda: self._period_changed(change)),
                            names="value")
        for control in (self.start, self.end):
            control.observe(lambda _change: self._guarded(self.redraw), names="value")

        self.root.children = [
            widgets.HTML(html.heading(self.title)), self.offer, self.banner,
            widgets.HBox([self.period]), self.dates, self.who, self.message, self.charts,
            widgets.HTML(html.heading("Take it with you")),
            widgets.HTML("<p>The report holds the charts above, each with its sentence and "
                         "its numbers, for the period and person chosen. It is one file, a "
                         "PDF or a page for a browser, that you can print or bring to a "
                         "session. Untick a chart to leave it out.</p>"),
            self.report_format, self.report_choice, self.report_path,
            fields.row(self.save_report, self.export_data), self.status,
            self.leave_demo,
        ]
        self._show_mode()
        self.redraw()
        _shown.add(self)

    def refresh(self) -> None:
        """Read the journal again (after an import or its undo) and redraw."""
        self._fill_profiles()
        self._show_mode()
        self.redraw()

    # -- what is shown ---------------------------------------------------------------

    @property
    def source(self) -> Store:
        """The journal the charts read: the person's own, or the demo's."""
        return demo.demo_store() if self.showing_demo else self.store

    def span(self) -> Span | None:
        """The chosen period, or None while the chosen dates are incomplete or reversed."""
        today = self.today or dt.date.today()
        choice = self.period.value
        if choice == "all":
            return Span.everything(today)
        if choice == "custom":
            if self.start.value is None or self.end.value is None:
                return None
            if self.start.value > self.end.value:
                return None
            return Span(self.start.value, self.end.value)
        return Span.last(int(choice), today)

    def _has_entries(self) -> bool:
        try:
            return bool(self.store.entries(limit=1))
        except StoreError:
            return True  # the message about the journal is shown when drawing

    def _fill_profiles(self) -> None:
        try:
            profiles = [] if self.showing_demo else self.store.profiles()
        except StoreError:
            profiles = []
        options = [(p.label, p.key) for p in profiles] or [("Me", words.PROFILE_ME)]
        keys = [key for _, key in options]
        self.who.unobserve_all("value")
        self.who.options = options
        self.who.value = self.profile if self.profile in keys else keys[0]
        self.who.observe(lambda _change: self._guarded(self.redraw), names="value")
        self.who.layout.display = "none" if len(options) < 2 else "flex"

    def _show_mode(self) -> None:
        empty = not self.showing_demo and not self._has_entries()
        self.offer.layout.display = "flex" if empty else "none"
        self.leave_demo.layout.display = "flex" if self.showing_demo else "none"
        self.banner.value = (html.message(f"<b>Demo</b> — {html.text(DEMO_BANNER)}", "care")
                             if self.showing_demo else "")
        for control in (self.save_report, self.export_data, self.report_format,
                        self.report_path):
            control.disabled = self.showing_demo
        if self.showing_demo:
            self.report_path.value = ""
            self.say(EXPORT_OFF_IN_DEMO, "info")
        else:
            self._new_report_name()
            self.status.value = ""

    def _new_report_name(self) -> None:
        try:
            self.report_path.value = str(report.default_path(self.store,
                                                             fmt=self.report_format.value))
        except StoreError:
            self.report_path.value = ""

    def _format_changed(self) -> None:
        """A name ending in the other format's ending takes the chosen one's."""
        name = self.report_path.value.strip()
        ending = report.FORMATS[self.report_format.value]
        for other in report.FORMATS.values():
            if other != ending and name.lower().endswith(other):
                self.report_path.value = name[: -len(other)] + ending

    def _name_changed(self) -> None:
        """A typed name ending in .pdf or .html picks that format."""
        name = self.report_path.value.strip().lower()
        for fmt, ending in report.FORMATS.items():
            if name.endswith(ending) and self.report_format.value != fmt:
                self.report_format.value = fmt

    def use_demo(self, on: bool) -> None:
        """Switch the charts to the demo's made-up entries, or back to the journal."""
        self.showing_demo = on
        self._fill_profiles()
        self._show_mode()
        self.redraw()

    def _period_changed(self, change: dict[str, Any]) -> None:
        custom = change["new"] == "custom"
        self.dates.layout.display = "flex" if custom else "none"
        if custom and self.start.value is None:
            today = self.today or dt.date.today()
            self._holding = True  # one redraw for both dates, not one each
            try:
                self.start.value, self.end.value = today - dt.timedelta(days=29), today
            finally:
                self._holding = False
        self.redraw()

    # -- drawing -----------------------------------------------------------------------

    def redraw(self) -> None:
        """Draw every chart for the chosen period and profile into the chart area."""
        if self._holding:
            return
        span = self.span()
        if span is None:
            self.message.value = html.message("Please choose a start date on or before the "
                                              "end date.", "error")
            return
        self.message.value = ""
        try:
            frames = trends.load(self.source, self.who.value, span)
        except StoreError as error:
            self.message.value = html.problem(error)
            return
        outputs: list[dict[str, Any]] = []
        summaries = []
        for chart in charts.CHARTS:
            try:
                figure = chart.figure(frames, span)
                summary = chart.summary(frames, span)
            except Exception as error:  # one chart failing must not hide the others
                log.error("drawing the %s chart failed: %s", chart.key, type(error).__name__)
                outputs.append(_html(html.message(
                    f"The chart “{html.text(chart.title)}” could not be drawn.", "error")))
                continue
            try:
                if self.showing_demo:
                    charts.mark_demo(figure)
                picture = charts.png(figure)
            except Exception as error:
                log.error("drawing the %s chart failed: %s", chart.key, type(error).__name__)
                outputs.append(_html(html.message(
                    f"The chart “{html.text(chart.title)}” could not be drawn.", "error")))
                continue
            outputs.append(_image(picture, f"Chart: {chart.title}"))
            outputs.append(_html(f"<p class='sb-summary'>{html.text(summary)}</p>"))
            summaries.append(summary)
        # Outputs are set on the widget directly, never sent as cell output, so no chart
        # or number can end up saved inside the notebook file.
        self.charts.outputs = tuple(outputs)
        self.summaries = summaries
        self.figures_drawn = sum(CHART_MARK in o["data"]["text/html"] for o in outputs)

    # -- taking it with you ---------------------------------------------------------------

    def _save_report(self, _button: object = None) -> None:
        span = self.span()
        if span is None or self.showing_demo:
            return
        if not any(box.value for box in self.report_parts.values()):
            self.say("Please tick at least one chart to put in the report.", "error")
            return
        try:
            path = report.write(self.store, self.report_path.value, span=span,
                                profile=self.who.value, who=self.who.label or "",
                                fmt=self.report_format.value, sections=self.chosen_parts())
        except report.ReportError as error:
            self.say(error.message, "error")
            return
        except StoreError as error:
            self.say(error.message, "error")
            return
        note = f" {messages.EXPORT_NOT_LOCKED}" if self.store.locked else ""
        self.say(f"Your report is saved at {path}. Only your user account can open it."
                 + note, "ok")
        self._new_report_name()

    def chosen_parts(self) -> list[str]:
        """The report's sections: the charts ticked, and any safety plan ticked in the plan."""
        return [key for key, _title, _parts in report.content.PLANS] + [
            key for key, box in self.report_parts.items() if box.value]

    def _export(self, _button: object = None) -> None:
        if self.showing_demo:
            return
        try:
            written = export.export_all(self.store)
        except (StoreError, OSError) as error:
            self.say(getattr(error, "message", None) or str(error), "error")
            return
        folder = written[0].parent
        note = f" {messages.EXPORT_NOT_LOCKED}" if self.store.locked else ""
        self.say(f"Exported {len(written)} files to {folder}: one JSON file with everything, "
                 "and one CSV file per kind of entry. Only your user account can open them."
                 + note, "ok")


CHART_MARK = "<img class='sb-chart'"


def _image(png: bytes, words: str) -> dict[str, Any]:
    """A chart as an <img> whose alt text names it, so a screen reader says what the
    picture is (a bare PNG output has no alt text); the summary in words follows it."""
    source = base64.b64encode(png).decode("ascii")
    markup = (f"{CHART_MARK} alt='{html.attribute(words)}' "
              f"src='data:image/png;base64,{source}' style='max-width:100%'>")
    return {"output_type": "display_data",
            "data": {"text/html": markup, "text/plain": f"<chart: {words}>"},
            "metadata": {}}


def _html(markup: str) -> dict[str, Any]:
    return {"output_type": "display_data",
            "data": {"text/html": markup, "text/plain": ""}, "metadata": {}}


trends_and_report = ProgressPanel


def _refresh_shown(journal: Path) -> None:
    for panel in list(_shown):
        try:
            same = panel.store.path.resolve() == journal.resolve()
        except (StoreError, OSError):
            continue
        if same:
            panel._guarded(panel.refresh)


def bring_your_history(*, store: Store | None = None,
                       profile: str | None = None) -> bring_history.ImportPanel:
    """Import another app's mood history; the charts on this page redraw afterwards."""
    panel = bring_history.bring_your_history(store=store, profile=profile)
    panel.on_change = lambda: _refresh_shown(panel.store.path)
    return panel
