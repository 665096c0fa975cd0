"""What every panel shares: its buttons, and the title and "Who is writing?" above its parts."""

from __future__ import annotations

import ipywidgets as widgets

from workbook import messages
from workbook.widgets import Panel


def test_a_panel_button_runs_its_handler_and_a_failure_becomes_a_message():
    panel = Panel()
    pressed = []
    button = panel.button("Look again", lambda: pressed.append(True), icon="refresh")
    assert (button.description, button.icon, button.layout.width) == ("Look again", "refresh",
                                                                      "auto")
    button.click()
    assert pressed == [True]

    def broken() -> None:
        raise RuntimeError("internal detail")

    panel.button("Break", broken).click()
    assert messages.UNEXPECTED[:30] in panel.status.value


def test_arrange_shows_the_title_then_who_is_writing_then_the_parts():
    panel = Panel()
    part, who = widgets.HTML("part"), widgets.ToggleButtons(options=["Me", "Sam"])
    panel.arrange(part, who=who)
    heading, *rest = panel.root.children
    assert panel.title in heading.value and rest == [who, part]
    panel.arrange(part)
    assert panel.root.children[1:] == (part,)
