"""Bring your history (a Daylio export or another mood app's CSV) and calendar reminders.

The import panel reads the file, shows a preview (how many days, the date range, rows
that can't be read and why, mood labels to map), imports with a progress bar in one
transaction, and can undo exactly that import. The reminders panel saves an .ics file
for the person's calendar app.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import ipywidgets as widgets

from workbook import importers, reminders
from workbook.importers import ImportProblem, Preview
from workbook.store import Store, StoreError
from workbook.widgets import Panel, fields, html
from workbook.words import sentences

DAYLIO = "daylio"
OTHER_CSV = "csv"
NO_COLUMN = ""
SHOWN_PROBLEMS = 8
LEVEL_CHOICES = [(f"{label} ({mood} out of 10)", mood)
                 for label, mood in importers.MOOD_FOR_LEVEL.items()]
WEEKDAY_CHOICES = [(day.title(), day) for day in reminders.WEEKDAYS]
REMINDERS_FILE = "secure-base-reminders.ics"
NOTE_PREVIEW = 60
SAMPLE_ROWS = 5


class ImportPanel(Panel):
    """Choose a file, preview it, import it with a progress bar, undo it if need be."""

    title = "Bring your history"
    css_class = "sb-import"

    def __init__(self, *, store: Store | None = None, profile: str | None = None,
                 on_change: Callable[[], object] | None = None):
        super().__init__(store=store, profile=profile)
        self.on_change = on_change
        self.preview: Preview | None = None
        self.last_batch: int | None = None
        self.source = widgets.ToggleButtons(
            options=[("Daylio export", DAYLIO), ("Another mood app (CSV)", OTHER_CSV)],
            value=DAYLIO, style={"button_width": "auto"})
        self.path = fields.line(description="File on this computer",
                                placeholder="for example ~/Downloads/daylio_export.csv",
                                style={"description_width": "initial"},
                                layout=fields.wide("46em"))
        self.upload = widgets.FileUpload(accept=".csv,text/csv", multiple=False,
                                         description="Or choose a file",
                                         layout=widgets.Layout(width="auto"))
        self.date_column = widgets.Dropdown(description="Date column",
                                            style={"description_width": "initial"})
        self.mood_column = widgets.Dropdown(description="Mood column",
                                            style={"description_width": "initial"})
        self.note_column = widgets.Dropdown(description="Note column (optional)",
                                            style={"description_width": "initial"})
        self.scale_low = widgets.IntText(value=1, description="Mood scale from",
                                         style={"description_width": "initial"},
                                         layout=widgets.Layout(width="12em"))
        self.scale_high = widgets.IntText(value=5, description="to",
                                          layout=widgets.Layout(width="9em"))
        self.columns = widgets.VBox([
            widgets.HTML("<p>Which columns hold what? The mood scale is the lowest and "
                         "highest mood the app allows; it is moved onto 1–10 here.</p>"),
            self.date_column, self.mood_column,
            fields.row(self.scale_low, self.scale_high), self.note_column])
        self.columns.layout.display = "none"
        self.show_preview = widgets.Button(description="Preview", icon="eye",
                                           layout=widgets.Layout(width="auto"))
        self.summary = widgets.HTML("")
        self.summary.add_class("sb-import-preview")
        self.mapping = widgets.VBox([])
        self.mapping.add_class("sb-import-mapping")
        self.map_controls: dict[str, widgets.Dropdown] = {}
        self.bring_in = widgets.Button(description="Import", icon="upload",
                                       button_style="primary", disabled=True,
                                       layout=widgets.Layout(width="auto"))
        self.progress = widgets.IntProgress(value=0, min=0, max=1, description="Importing",
                                            style={"description_width": "initial"})
        self.progress.layout.display = "none"
        self.undo = widgets.Button(description="Undo this import", icon="undo",
                                   style=html.WARNING_BUTTON, layout=widgets.Layout(width="auto"))
        self.undo.layout.display = "none"
        self.on_click(self.show_preview, self._preview)
        self.on_click(self.bring_in, self._import)
        self.on_click(self.undo, self._undo)
        self.source.observe(lambda _c: self._guarded(self._source_changed), names="value")
        for control in (self.path, self.upload, self.date_column, self.mood_column,
                        self.note_column, self.scale_low, self.scale_high):
            control.observe(lambda _c: self._forget_preview(), names="value")
        # Whose history this is, when a partner profile exists too.
        self.who = self.profile_picker(lambda: None)
        self.root.children = [
            widgets.HTML(html.heading(self.title)),
            widgets.HTML("<p>Already tracked your mood in another app? Bring those days in, "
                         "so your charts start with your history. Nothing is saved until "
                         "you press Import, and an import can be undone.</p>"),
            *([self.who] if self.who is not None else []), self.source, self.path,
            self.upload, self.columns, self.show_preview,
            self.summary, self.mapping, self.bring_in, self.progress, self.status, self.undo]

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
        self.columns.layout.display = "flex" if self.source.value == OTHER_CSV else "none"

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
        for control in (self.date_column, self.mood_column):
            control.options = titles
        self.note_column.options = [("(none)", NO_COLUMN), *[(t, t) for t in titles]]

        def guess(part: str) -> str | None:
            return next((t for t in titles if part in t.lower()), None)

        self.date_column.value = guess("date") or titles[0]
        self.mood_column.value = guess("mood") or titles[-1]
        self.note_column.value = guess("note") or NO_COLUMN

    # -- preview -------------------------------------------------------------------------

    def _preview(self) -> None:
        found = self._file()
        if found is None:
            self.say("Please type where the file is, or choose it with the button.", "info")
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
        except ImportProblem as problem:
            self._forget_preview()
            self.say(problem.message, "error")
            return
        self.preview = preview
        self.summary.value = preview_html(preview)
        self.map_controls = {
            label: widgets.Dropdown(options=LEVEL_CHOICES, value=None,
                                    description=label, style={"description_width": "initial"})
            for label in preview.unknown_labels}
        if self.map_controls:
            self.mapping.children = [
                widgets.HTML("<p>These moods have names of your own. Which of the five "
                             "levels does each one mean?</p>"),
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
        self.progress.layout.display = "flex"
        self.bring_in.disabled = True
        try:
            result = importers.bring_in(preview, store=self.store, profile=self.profile,
                                        mapping=mapping, on_progress=self._advance)
        except (ImportProblem, StoreError) as problem:
            self.progress.layout.display = "none"
            self.bring_in.disabled = False
            self.say(problem.message, "error")
            return
        if result.batch is not None:
            self.last_batch = result.batch  # a repeat that added nothing keeps the last undo
        self.undo.layout.display = "flex" if self.last_batch is not None else "none"
        self.say(sentences.imported(result.added, result.skipped, result.unreadable), "ok")
        if self.on_change is not None and result.added:
            self._guarded(self.on_change)

    def _advance(self, done: int, total: int) -> None:
        self.progress.max = total
        self.progress.value = done

    def _undo(self) -> None:
        if self.last_batch is None:
            return
        removed = self.store.undo_batch(self.last_batch)
        self.last_batch = None
        self.undo.layout.display = "none"
        self.progress.layout.display = "none"
        self.bring_in.disabled = self.preview is None
        self.say(f"Undone: the {removed} check-ins from that import are gone. Everything "
                 "else in your journal is as it was.", "ok")
        if self.on_change is not None:
            self._guarded(self.on_change)


def preview_html(preview: Preview) -> str:
    """The preview as HTML: the sentence, unreadable rows and why, the first rows."""
    parts = [html.message(html.text(preview.describe()), "info")]
    if preview.unreadable:
        count = len(preview.unreadable)
        rows = "row" if count == 1 else "rows"
        items = "".join(f"<li>Line {line}: {html.text(why)}</li>"
                        for line, why in preview.unreadable[:SHOWN_PROBLEMS])
        more = (f"<li>… and {count - SHOWN_PROBLEMS} more</li>"
                if count > SHOWN_PROBLEMS else "")
        parts.append(f"<p>{count} {rows} can't be read and will be left out:</p>"
                     f"<ul class='sb-import-unreadable'>{items}{more}</ul>")
    if preview.rows:
        sample = "".join(
            f"<tr><td>{row.at:%d %b %Y %H:%M}</td><td>{_mood(row)}</td>"
            f"<td>{html.text(', '.join(row.activities))}</td>"
            f"<td>{html.text(_short(row.note))}</td></tr>"
            for row in preview.rows[:SAMPLE_ROWS])
        parts.append("<p>The first rows, as they will be saved (insecurity stays empty: "
                     "the file doesn't have it):</p><table class='sb-import-sample'>"
                     "<tr><th>When</th><th>Mood</th><th>Activities</th><th>Note</th></tr>"
                     f"{sample}</table>")
    return "".join(parts)


def _mood(row: importers.Row) -> str:
    if row.mood is not None:
        return f"{row.mood}/10"
    mood = importers.MOOD_FOR_LEVEL.get(row.label)
    label = html.text(row.label)
    return f"{label} → {mood}/10" if mood is not None else f"{label} → to choose"


def _short(note: str) -> str:
    note = " ".join(note.split())
    return note if len(note) <= NOTE_PREVIEW else note[:NOTE_PREVIEW - 1] + "…"


class RemindersPanel(Panel):
    """A daily check-in time and a weekly snapshot day, saved as a calendar file."""

    title = "Reminders in your calendar"
    css_class = "sb-reminders"

    def __init__(self, *, store: Store | None = None):
        super().__init__(store=store)
        self.time = fields.line(value="20:00", description="Daily check-in at",
                                placeholder="HH:MM", style={"description_width": "initial"},
                                layout=widgets.Layout(width="16em"))
        self.weekly_day = widgets.Dropdown(options=WEEKDAY_CHOICES, value="sunday",
                                           description="Weekly snapshot on",
                                           style={"description_width": "initial"})
        self.event_title = fields.line(description="Title in the calendar (optional)",
                                       placeholder=f"{reminders.DAILY_TITLE} / "
                                                    f"{reminders.WEEKLY_TITLE}",
                                       style={"description_width": "initial"},
                                       layout=fields.wide("40em"))
        self.path = fields.line(description="Save as", style={"description_width": "initial"},
                                layout=fields.wide("46em"))
        self.save = widgets.Button(description="Save calendar file", icon="calendar",
                                   button_style="primary", layout=widgets.Layout(width="auto"))
        self.on_click(self.save, self._save)
        try:
            self.path.value = str(self.store.exports_dir / REMINDERS_FILE)
        except StoreError:
            self.path.value = str(Path.home() / REMINDERS_FILE)
        self.root.children = [
            widgets.HTML(html.heading(self.title)),
            widgets.HTML("<p>A gentle nudge helps a habit stick. This saves a calendar file "
                         "with a daily check-in and a weekly snapshot, each with a reminder. "
                         "Open it with your calendar app to add them. The events only say "
                         "“Daily check-in” and “Weekly snapshot”, nothing about you, unless "
                         "you write your own title; anyone who sees your calendar sees it.</p>"),
            self.time, self.weekly_day, self.event_title, self.path, self.save, self.status]

    def _save(self) -> None:
        try:
            written = reminders.write_calendar(self.path.value.strip() or REMINDERS_FILE,
                                               daily=self.time.value,
                                               weekly_day=self.weekly_day.value,
                                               title=self.event_title.value or None)
        except ValueError as error:
            self.say(str(error), "error")
            return
        except (StoreError, OSError) as error:
            self.say(getattr(error, "message", None) or
                     f"The file could not be saved ({getattr(error, 'strerror', '') or 'error'}).",
                     "error")
            return
        self.say(f"Saved {written}. Only your user account can read it. Open it with your "
                 "calendar app to add the reminders.", "ok")


# One call per panel in the notebook.
bring_your_history = ImportPanel
calendar_reminders = RemindersPanel


