"""Bring your history (a Daylio export or another mood app's CSV) and calendar reminders.

The import panel reads the file, shows a preview (how many days, the date range, rows
that can't be read and why, mood labels to map), imports with a progress bar in one
transaction, and can undo exactly that import; pages that chart the journal redraw
after either. The reminders panel saves an .ics file for the person's calendar app.
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from workbook import changes, importers, reminders, words
from workbook.importers import ImportProblem, Preview
from workbook.importers.generic_csv import guess_columns
from workbook.importers.sample import first_rows, problem_lines
from workbook.store import Store, StoreError
from workbook.widgets import Panel, blocks, fields, html
from workbook.widgets.panel import shown
from workbook.widgets.steps import WIDE_LABEL
from workbook.words import sentences
from workbook.words.history import import_undone, not_saved, reminders_saved, unreadable_rows

DAYLIO = "daylio"
OTHER_CSV = "csv"
NO_COLUMN = ""
LEVEL_CHOICES = [(f"{label} ({mood} out of 10)", mood)
                 for label, mood in importers.MOOD_FOR_LEVEL.items()]


class ImportPanel(Panel):
    """Choose a file, preview it, import it with a progress bar, undo it if need be."""

    title = "Bring your history"
    css_class = "sb-import"

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        self.preview: Preview | None = None
        self.last_batch: int | None = None
        self.source = widgets.ToggleButtons(
            options=[("Daylio export", DAYLIO), ("Another mood app (CSV)", OTHER_CSV)],
            value=DAYLIO, style={"button_width": "auto"})
        self.path = fields.line(description="File on this computer", style=WIDE_LABEL,
                                placeholder="for example ~/Downloads/daylio_export.csv",
                                layout=fields.wide("46em"))
        self.upload = widgets.FileUpload(accept=".csv,text/csv", multiple=False,
                                         description="Or choose a file",
                                         layout=widgets.Layout(width="auto"))
        self.date_column = widgets.Dropdown(description="Date column", style=WIDE_LABEL)
        self.mood_column = widgets.Dropdown(description="Mood column", style=WIDE_LABEL)
        self.note_column = widgets.Dropdown(description="Note column (optional)",
                                            style=WIDE_LABEL)
        self.scale_low = widgets.IntText(value=1, description="Mood scale from",
                                         style=WIDE_LABEL, layout=widgets.Layout(width="12em"))
        self.scale_high = widgets.IntText(value=5, description="to",
                                          layout=widgets.Layout(width="9em"))
        self.columns = widgets.VBox([
            widgets.HTML(blocks.paragraph(words.IMPORT_COLUMNS_HELP)),
            self.date_column, self.mood_column,
            fields.row(self.scale_low, self.scale_high), self.note_column])
        shown(self.columns, False)
        self.show_preview = self.button("Preview", self._preview, icon="eye")
        self.summary = fields.html_area("sb-import-preview")
        self.mapping = fields.marked(widgets.VBox([]), "sb-import-mapping")
        self.map_controls: dict[str, widgets.Dropdown] = {}
        self.bring_in = self.button("Import", self._import, icon="upload", style="primary")
        self.bring_in.disabled = True
        self.progress = widgets.IntProgress(value=0, min=0, max=1, description="Importing",
                                            style=WIDE_LABEL)
        self.undo = self.button("Undo this import", self._undo, icon="undo", warning=True)
        shown(self.progress, False)
        shown(self.undo, False)
        self.when_changed(self.source, self._source_changed)
        for control in (self.path, self.upload, self.date_column, self.mood_column,
                        self.note_column, self.scale_low, self.scale_high):
            control.observe(lambda _c: self._forget_preview(), names="value")
        # Whose history this is, when a partner profile exists too.
        self.who = self.profile_picker(lambda: None)
        self.lay_out(widgets.HTML(blocks.paragraph(words.IMPORT_INTRO)),
                     *([self.who] if self.who is not None else []), self.source, self.path,
                     self.upload, self.columns, self.show_preview,
                     self.summary, self.mapping, self.bring_in, self.progress, self.status,
                     self.undo)

    # -- choosing the file ---------------------------------------------------------------

    def _file(self) -> tuple[Path | bytes, str] | None:
        uploaded = self.upload.value
        if uploaded:
            item = uploaded[0]
            return bytes(item["content"]), str(item["name"])
        typed = self.path.value.strip()
        if not typed:
            return None
        path = Path(typed).expanduser()
        return path, path.name

    def _source_changed(self) -> None:
        self._forget_preview()
        shown(self.columns, self.source.value == OTHER_CSV)

    def _forget_preview(self) -> None:
        self.preview = None
        self.bring_in.disabled = True
        self.summary.value = ""
        self.mapping.children = []
        self.map_controls = {}

    def _fill_columns(self, file: Path | bytes, name: str) -> None:
        titles = importers.columns_of(file, name=name)
        if list(self.mood_column.options) == titles:
            return
        self.date_column.options = self.mood_column.options = titles
        self.note_column.options = [("(none)", NO_COLUMN), *[(t, t) for t in titles]]
        date, mood, note = guess_columns(titles)
        self.date_column.value, self.mood_column.value = date, mood
        self.note_column.value = note or NO_COLUMN

    # -- preview -------------------------------------------------------------------------

    def _preview(self) -> None:
        found = self._file()
        if found is None:
            self.say(words.IMPORT_NAME_THE_FILE, "info")
            return
        file, name = found
        try:
            if self.source.value == DAYLIO:
                preview = importers.read_daylio(file, name=name)
            else:
                self._fill_columns(file, name)
                preview = importers.read_generic(
                    file, name=name, date_column=self.date_column.value,
                    mood_column=self.mood_column.value,
                    scale=(self.scale_low.value, self.scale_high.value),
                    note_column=self.note_column.value or None)
        except ImportProblem:
            self._forget_preview()
            raise
        self.preview = preview
        self.summary.value = preview_html(preview)
        self.map_controls = {
            label: widgets.Dropdown(options=LEVEL_CHOICES, value=None,
                                    description=label, style=WIDE_LABEL)
            for label in preview.unknown_labels}
        if self.map_controls:
            self.mapping.children = [widgets.HTML(blocks.paragraph(words.IMPORT_MAP_MOODS)),
                                     *self.map_controls.values()]
        self.bring_in.disabled = not preview.rows
        self.status.value = ""

    # -- importing -----------------------------------------------------------------------

    def _import(self) -> None:
        preview = self.preview
        if preview is None:
            return
        mapping = {label: control.value for label, control in self.map_controls.items()
                   if control.value is not None}
        self.progress.value, self.progress.max = 0, max(1, len(preview.rows))
        shown(self.progress, True)
        self.bring_in.disabled = True
        try:
            result = importers.bring_in(preview, store=self.store, profile=self.profile,
                                        mapping=mapping, on_progress=self._advance)
        except StoreError:  # an ImportProblem too
            shown(self.progress, False)
            self.bring_in.disabled = False
            raise
        if result.batch is not None:
            self.last_batch = result.batch  # a repeat that added nothing keeps the last undo
        shown(self.undo, self.last_batch is not None)
        self.say(sentences.imported(result.added, result.skipped, result.unreadable), "ok")
        if result.added:
            changes.announce(self.store.path)

    def _advance(self, done: int, total: int) -> None:
        self.progress.max = total
        self.progress.value = done

    def _undo(self) -> None:
        if self.last_batch is None:
            return
        removed = self.store.undo_batch(self.last_batch)
        self.last_batch = None
        shown(self.undo, False)
        shown(self.progress, False)
        self.bring_in.disabled = self.preview is None
        self.say(import_undone(removed), "ok")
        changes.announce(self.store.path)


def preview_html(preview: Preview) -> str:
    """The preview as HTML: the sentence, unreadable rows and why, the first rows."""
    parts = [html.message(html.text(preview.describe()), "info")]
    if preview.unreadable:
        parts += [blocks.paragraph(unreadable_rows(len(preview.unreadable))),
                  blocks.bullets(problem_lines(preview), css="sb-import-unreadable")]
    if preview.rows:
        parts += [blocks.paragraph(words.IMPORT_SAMPLE),
                  blocks.table(words.IMPORT_SAMPLE_HEADINGS, first_rows(preview),
                               css="sb-import-sample")]
    return "".join(parts)


class RemindersPanel(Panel):
    """A daily check-in time and a weekly snapshot day, saved as a calendar file."""

    title = "Reminders in your calendar"
    css_class = "sb-reminders"
    shown_errors = (ValueError,)  # a time or a day that can't be read, in a sentence

    def __init__(self, *, store: Store | None = None):
        super().__init__(store=store)
        self.time = fields.line(value="20:00", description="Daily check-in at",
                                placeholder="HH:MM", style=WIDE_LABEL,
                                layout=widgets.Layout(width="16em"))
        self.weekly_day = widgets.Dropdown(
            options=[(day.title(), day) for day in reminders.WEEKDAYS], value="sunday",
            description="Weekly snapshot on", style=WIDE_LABEL)
        self.event_title = fields.line(
            description="Title in the calendar (optional)", style=WIDE_LABEL,
            placeholder=f"{reminders.DAILY_TITLE} / {reminders.WEEKLY_TITLE}",
            layout=fields.wide("40em"))
        self.path = fields.line(value=str(reminders.default_path(self._store)),
                                description="Save as", style=WIDE_LABEL,
                                layout=fields.wide("46em"))
        self.save = self.button("Save calendar file", self._save, icon="calendar",
                                style="primary")
        self.lay_out(widgets.HTML(blocks.paragraph(words.REMINDERS_INTRO)),
                     self.time, self.weekly_day, self.event_title, self.path, self.save,
                     self.status)

    def _save(self) -> None:
        try:
            written = reminders.write_calendar(
                self.path.value.strip() or reminders.FILE_NAME, daily=self.time.value,
                weekly_day=self.weekly_day.value, title=self.event_title.value or None)
        except OSError as error:
            self.say(not_saved(error), "error")
        else:
            self.say(reminders_saved(written), "ok")


# One call per panel in the notebook.
bring_your_history = ImportPanel
calendar_reminders = RemindersPanel
