"""The home page: where you are across the seven strategies, and one next step."""

from __future__ import annotations

import datetime as dt
import html as escape

from workbook import progress as where
from workbook.store import Store, StoreError
from workbook.widgets import Panel, fields, html
from workbook.words import home as said


class HomePanel(Panel):
    """Practice per strategy with links to each part, what is waiting, the check-in
    streak and a suggested next step. Links are relative, so they open the notebooks in
    JupyterLab and the app pages in `make app` alike."""

    title = "Where you are"
    css_class = "sb-home"

    def __init__(self, *, store: Store | None = None, profile: str | None = None,
                 today: dt.date | None = None):
        super().__init__(store=store, profile=profile)
        self.today = today
        self.view = fields.html_area("sb-home-view")
        self.refresh_button = self.button("Refresh", self.refresh, icon="refresh")
        self.lay_out(self.view, self.refresh_button, self.status)
        self.refresh()

    def refresh(self) -> None:
        try:
            found = where.progress(self.store, self.profile, self.today)
        except StoreError as error:
            self.view.value = html.message(html.text(error.message), "info")
            return
        self.progress = found
        self.view.value = render(found)


def render(found: where.Progress) -> str:
    """The home page as HTML; every word from the journal is escaped."""
    step = (f"<p class='sb-next-step'><b>{said.HOME_NEXT_STEP}</b> "
            f"{html.text(found.next_step)} {_link(found.next_notebook, 'Go there')}</p>")
    rows = "".join(
        f"<tr><td>{_link(part.notebook, part.title)}</td>"
        f"<td class='sb-days'>{part.days}</td>"
        f"<td>{part.last.strftime('%d %b %Y') if part.last else said.HOME_NOT_YET}</td></tr>"
        for part in found.parts)
    heads = "".join(f"<th>{column}</th>" for column in said.HOME_COLUMNS)
    table = (f"<table class='sb-table sb-home-parts'><thead><tr>{heads}</tr></thead>"
             f"<tbody>{rows}</tbody></table>")
    waiting = "".join(f"<li>{html.text(item.text)} {_link(item.notebook, 'Open it')}</li>"
                      for item in found.waiting)
    waiting_html = (f"<p><b>{said.HOME_WAITING}</b></p><ul class='sb-waiting'>{waiting}</ul>"
                    if waiting else f"<p>{said.HOME_NOTHING_WAITING}</p>")
    more = (f"<p>{_link(where.START_HERE, 'Start here')} · "
            f"{_link(where.PROGRESS, 'Progress and trends')} · "
            f"{_link(where.JOURNAL, 'My journal')}</p>")
    streak = html.text(said.streak(found.streak))
    return f"{step}<p class='sb-streak'>{streak}</p>{table}{waiting_html}{more}"


def _link(notebook: str, text: str) -> str:
    # Underlined, so a link is told apart from the text around it without colour.
    return (f"<a href='{escape.escape(notebook)}' style='text-decoration:underline'>"
            f"{html.text(text)}</a>")


home = HomePanel
