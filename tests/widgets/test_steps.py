"""A step whose failure is shown next to the answer at fault, and in the status line."""

from __future__ import annotations

from workbook.share import ShareError
from workbook.store import StoreError
from workbook.widgets import Panel, fields
from workbook.widgets.steps import attempt


def test_a_step_that_works_gives_its_result_and_clears_old_messages(store):
    panel = Panel(store=store)
    path = fields.text("Where")
    path.show("An old problem.")
    assert attempt(panel, lambda: 42, path=path) == 42
    assert path.message.value == "" and panel.status.value == ""


def test_a_failure_is_shown_at_the_answer_it_names(store):
    panel = Panel(store=store)
    path, phrase = fields.text("Where"), fields.text("Passphrase")

    def fail() -> None:
        raise ShareError("There is no file at x.", "path")

    assert attempt(panel, fail, path=path, passphrase=phrase) is None
    assert "There is no file at x." in path.message.value
    assert phrase.message.value == ""
    assert "There is no file at x." in panel.status.value and "sb-error" in panel.status.value


def test_a_failure_naming_no_answer_is_shown_in_the_status_line_only(store):
    panel = Panel(store=store)
    path = fields.text("Where")

    def fail() -> None:
        raise StoreError("The journal is busy.")

    assert attempt(panel, fail, path=path) is None
    assert path.message.value == ""
    assert "The journal is busy." in panel.status.value
