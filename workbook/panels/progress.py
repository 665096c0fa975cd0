"""Progress and trends (notebook 08): every chart for a chosen period and profile,
a report to bring to a therapist, and an export of all entries.

The charts are drawn into one Output widget; changing the period or the profile
redraws them in place, as does an import on the same page. On an app page they are
first drawn one at a time after the page is shown, so the page can be used at once.
With no entries yet, a clearly labelled demo built from made-up data shows what the
page will look like; it never touches the journal.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import ipywidgets as widgets

from workbook import app_page, changes, charts, demo, export, report, trends, words
from workbook.store import Store, StoreError
from workbook.trends import Span
from workbook.widgets import Panel, fields, html
from workbook.widgets.panel import shown
from workbook.widgets.pictures import chart_note, chart_outputs
from workbook.widgets.steps import WIDE_LABEL
from workbook.words.progress import exported, report_saved

# Seconds left free between two charts drawn in turns. A message from the browser or
# Voilà takes a few turns of the kernel's loop to be answered: drawn back to back, the
# charts held each one up by several charts (a page's last cell by about a second).
TURN_GAP = 0.02


class ProgressPanel(Panel):
    """Period and profile pickers, the charts with one sentence each, report and export."""

    title = "Progress and trends"
    css_class = "sb-progress"
    shown_errors = (report.ReportError, OSError)  # a report or an export could not be written

    def __init__(self, *, store: Store | None = None, profile: str | None = None,
                 today: dt.date | None = None):
        super().__init__(store=store, profile=profile)
        self.today = today
        self.showing_demo = False
        self.summaries: list[str] = []
        self.figures_drawn = 0
        self._holding = False
        # Counts the drawings begun: one drawn in turns stops when a newer one begins.
        self._drawings = 0

        self.period = widgets.ToggleButtons(options=words.PROGRESS_PERIODS, value="30",
                                            style={"button_width": "auto"})
        self.start = widgets.DatePicker(description="From", value=None)
        self.end = widgets.DatePicker(description="To", value=None)
        self.dates = fields.row(self.start, self.end)
        shown(self.dates, False)
        self.who = widgets.Dropdown(description="Whose entries", style=WIDE_LABEL)
        self.message = widgets.HTML("")
        self.banner = fields.html_area("sb-demo-banner")

        self.show_demo = self.button("Show the demo", lambda: self.use_demo(True), icon="eye")
        self.leave_demo = self.button("Back to my journal", lambda: self.use_demo(False))
        self.offer = widgets.VBox([widgets.HTML(html.message(html.text(words.DEMO_OFFER))),
                                   self.show_demo])
        self.offer.add_class("sb-demo-offer")

        self.charts = fields.marked(widgets.Output(layout=widgets.Layout(min_height="4em")),
                                    "sb-charts")

        self.report_format = widgets.ToggleButtons(
            options=words.REPORT_FORMATS, value="pdf", description="Report as",
            style={**WIDE_LABEL, "button_width": "auto"})
        # Safety plans go in when ticked in the plan itself; here the person picks charts.
        self.report_parts = {chart.key: widgets.Checkbox(value=True, description=chart.title,
                                                         indent=False)
                             for chart in charts.CHARTS}
        self.report_choice = widgets.Accordion(
            [widgets.VBox(list(self.report_parts.values()))], titles=("Charts in the report",))
        self.report_choice.selected_index = None
        self.report_path = fields.line(description="Save the report as", style=WIDE_LABEL,
                                       layout=fields.wide("46em"))
        self.save_report = self.button("Save report", self._save_report, icon="file",
                                       style="primary")
        self.export_data = self.button("Export all my entries (CSV and JSON)", self._export,
                                       icon="download")

        self.when_changed(self.report_format, self._format_changed)
        self.when_changed(self.report_path, self._name_changed)
        self._fill_profiles()
        self.when_changed(self.period, self._period_changed)
        self.when_changed(self.start, self.redraw)
        self.when_changed(self.end, self.redraw)

        self.lay_out(
            self.offer, self.banner, widgets.HBox([self.period]), self.dates, self.who,
            self.message, self.charts, widgets.HTML(html.heading("Take it with you")),
            widgets.HTML(f"<p>{html.text(words.REPORT_ABOUT)}</p>"),
            self.report_format, self.report_choice, self.report_path,
            fields.row(self.save_report, self.export_data), self.status, self.leave_demo)
        self._show_mode()
        self.redraw(in_turns=app_page.in_app())
        changes.watch(self)

    def refresh(self) -> None:
        """Read the journal again (after an import or its undo) and redraw."""
        self._fill_profiles()
        self._show_mode()
        self.redraw()

    def journal_changed(self, journal: Path) -> None:
        """Redraw when ``journal`` is the one shown (an import on this page changed it)."""
        try:
            same = self.store.path.resolve() == journal.resolve()
        except (StoreError, OSError):
            return
        if same:
            self._guarded(self.refresh)

    # -- what is shown ---------------------------------------------------------------

    @property
    def source(self) -> Store:
        """The journal the charts read: the person's own, or the demo's."""
        return demo.demo_store() if self.showing_demo else self.store

    def span(self) -> Span | None:
        """The chosen period, or None while the chosen dates are incomplete or reversed."""
        choice = self.period.value
        chosen = {"all": "all", "custom": (self.start.value, self.end.value)}
        try:
            return report.span_of(chosen.get(choice) or int(choice), self.today)
        except ValueError:
            return None

    def _has_entries(self) -> bool:
        try:
            return bool(self.store.entries(limit=1))
        except StoreError:
            return True  # the message about the journal is shown when drawing

    def _fill_profiles(self) -> None:
        profiles = [] if self.showing_demo else self.readable_profiles()
        options = [(p.label, p.key) for p in profiles] or [("Me", words.PROFILE_ME)]
        keys = [key for _, key in options]
        self.who.unobserve_all("value")
        self.who.options = options
        self.who.value = self.profile if self.profile in keys else keys[0]
        self.when_changed(self.who, self.redraw)
        shown(self.who, len(options) > 1)

    def _show_mode(self) -> None:
        empty = not self.showing_demo and not self._has_entries()
        shown(self.offer, empty)
        shown(self.leave_demo, self.showing_demo)
        self.banner.value = (html.message(f"<b>Demo</b> — {html.text(words.DEMO_BANNER)}",
                                          "care") if self.showing_demo else "")
        for control in (self.save_report, self.export_data, self.report_format,
                        self.report_path):
            control.disabled = self.showing_demo
        if self.showing_demo:
            self.report_path.value = ""
            self.say(words.EXPORT_OFF_IN_DEMO, "info")
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
        self.report_path.value = report.with_ending(self.report_path.value,
                                                    self.report_format.value)

    def _name_changed(self) -> None:
        """A typed name ending in .pdf or .html picks that format."""
        self.report_format.value = (report.format_of(self.report_path.value)
                                    or self.report_format.value)

    def use_demo(self, on: bool) -> None:
        """Switch the charts to the demo's made-up entries, or back to the journal."""
        self.showing_demo = on
        self.refresh()

    def _period_changed(self) -> None:
        custom = self.period.value == "custom"
        shown(self.dates, custom)
        if custom and self.start.value is None:
            today = self.today or dt.date.today()
            self._holding = True  # one redraw for both dates, not one each
            try:
                self.start.value, self.end.value = today - dt.timedelta(days=29), today
            finally:
                self._holding = False
        self.redraw()

    def redraw(self, *, in_turns: bool = False) -> None:
        """Draw every chart for the chosen period and profile into the chart area;
        ``in_turns``: one chart at a time, each on a later turn of the kernel's event
        loop, so the page's other widgets show and answer while the charts are drawn."""
        if self._holding:
            return
        span = self.span()
        if span is None:
            self.message.value = html.message(html.text(words.DATES_REVERSED), "error")
            return
        self.message.value = ""
        try:
            frames = trends.load(self.source, self.who.value, span)
        except StoreError as error:
            self.message.value = html.problem(error)
            return
        self._drawings += 1
        drawing = charts.draw_each(frames, span, demo=self.showing_demo)
        try:
            loop = asyncio.get_running_loop() if in_turns else None
        except RuntimeError:  # no event loop runs this code: draw them all now
            loop = None
        if loop is None:
            self._show_drawn(list(drawing))
            return
        drawn: list[charts.Drawn] = []
        this = self._drawings

        def next_chart() -> None:
            if this != self._drawings:
                return  # a newer drawing took over
            one = next(drawing, None)
            if one is not None:
                drawn.append(one)
                loop.call_later(TURN_GAP, self._guarded, next_chart)
            self._show_drawn(drawn, more=one is not None)

        self._show_drawn(drawn, more=True)
        loop.call_later(TURN_GAP, self._guarded, next_chart)

    def _show_drawn(self, drawn: list[charts.Drawn], *, more: bool = False) -> None:
        """Show ``drawn``, with a line saying more are on their way when ``more``."""
        coming = (chart_note(words.CHARTS_DRAWING),) if more else ()
        self.charts.outputs = chart_outputs(drawn) + coming
        self.summaries = [one.summary for one in drawn if one.summary is not None]
        self.figures_drawn = len(self.summaries)

    # -- taking it with you ---------------------------------------------------------------

    def _save_report(self) -> None:
        span = self.span()
        if span is None or self.showing_demo:
            return
        if not any(box.value for box in self.report_parts.values()):
            self.say(words.REPORT_NOTHING_TICKED, "error")
            return
        path = report.write(self.store, self.report_path.value, span=span,
                            profile=self.who.value, who=self.who.label or "",
                            fmt=self.report_format.value, sections=self.chosen_parts())
        self.say(report_saved(path, self.store.locked), "ok")
        self._new_report_name()

    def chosen_parts(self) -> list[str]:
        """The report's sections: the charts ticked, and any safety plan ticked in the plan."""
        return [key for key, _title, _parts in report.content.PLANS] + [
            key for key, box in self.report_parts.items() if box.value]

    def _export(self) -> None:
        if self.showing_demo:
            return
        self.say(exported(export.export_all(self.store), self.store.locked), "ok")


trends_and_report = ProgressPanel
