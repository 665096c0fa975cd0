"""The home page: where you are across the seven strategies, and one next step."""

from __future__ import annotations

import datetime as dt
import html as escape

import ipywidgets as widgets

from workbook import progress as where
from workbook.store import Store, StoreError
from workbook.widgets import Panel, html


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
        self.view = widgets.HTML("")
        self.view.add_class("sb-home-view")
        self.refresh_button = widgets.Button(description="Refresh", icon="refresh",
                                             layout=widgets.Layout(width="auto"))
        self.on_click(self.refresh_button, self.refresh)
        self.root.children = [widgets.HTML(html.heading(self.title)), self.view,
                              self.refresh_button, self.status]
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
    step = (f"<p class='sb-next-step'><b>A next step:</b> {html.text(found.next_step)} "
            f"{_link(found.next_notebook, 'Go there')}</p>")
    if found.streak:
        days = "1 day" if found.streak == 1 else f"{found.streak} days"
        streak = f"Check-in streak: {days} in a row."
    else:
        streak = "No check-in streak yet. Every day you check in starts one."
    rows = "".join(
        f"<tr><td>{_link(part.notebook, part.title)}</td>"
        f"<td class='sb-days'>{part.days}</td>"
        f"<td>{part.last.strftime('%d %b %Y') if part.last else 'not yet'}</td></tr>"
        for part in found.parts)
    table = ("<table class='sb-table sb-home-parts'><thead><tr><th>Part</th>"
             "<th>Days practised</th><th>Last time</th></tr></thead>"
             f"<tbody>{rows}</tbody></table>")
    waiting = "".join(f"<li>{html.text(item.text)} {_link(item.notebook, 'Open it')}</li>"
                      for item in found.waiting)
    waiting_html = (f"<p><b>Waiting for you:</b></p><ul class='sb-waiting'>{waiting}</ul>"
                    if waiting else "<p>Nothing is waiting for you. Take your time.</p>")
    more = (f"<p>{_link(where.START_HERE, 'Start here')} · "
            f"{_link(where.PROGRESS, 'Progress and trends')} · "
            f"{_link(where.JOURNAL, 'My journal')}</p>")
    return (f"{step}<p class='sb-streak'>{html.text(streak)}</p>{table}{waiting_html}{more}")


def _link(notebook: str, words: str) -> str:
    # Underlined, so a link is told apart from the text around it without colour.
    return (f"<a href='{escape.escape(notebook)}' style='text-decoration:underline'>"
            f"{html.text(words)}</a>")


home = HomePanel
