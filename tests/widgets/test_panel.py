"""The shared pieces of a panel: guarded buttons, one layout, errors shown alike, and a
confirmation before something that can't be undone."""

from __future__ import annotations

from workbook import messages
from workbook.store import StoreError
from workbook.widgets import Panel, html
from workbook.widgets.panel import Confirm, shown, take_secrets


class Writes(Panel):
    title = "Writes a file"
    shown_errors = (OSError,)


def test_a_button_is_sized_to_its_label_and_its_handler_runs_guarded(store):
    panel = Panel(store=store)
    pressed = []
    button = panel.button("Do it", lambda: pressed.append(1), icon="check", style="primary")
    assert (button.description, button.icon, button.button_style) == ("Do it", "check",
                                                                      "primary")
    assert button.layout.width == "auto"
    button.click()
    assert pressed == [1]
    amber = panel.button("Careful", warning=True)
    assert amber.style.button_color == html.WARNING_BUTTON["button_color"]


def test_errors_become_messages_in_the_status_line(store):
    panel = Panel(store=store)

    def busy() -> None:
        raise StoreError("The journal is busy.")

    panel.button("Store", busy).click()
    assert "The journal is busy." in panel.status.value and 'role="alert"' in panel.status.value

    def missing_file() -> None:
        raise FileNotFoundError(2, "No such file or directory", "/nowhere/x.json")

    panel.button("Plain panel", missing_file).click()
    assert html.text(messages.UNEXPECTED) in panel.status.value
    writes = Writes(store=store)
    writes.button("File panel", missing_file).click()
    assert "No such file or directory" in writes.status.value
    assert "/nowhere/x.json" in writes.status.value


def test_problem_escapes_what_it_shows(store):
    panel = Panel(store=store)
    panel.problem(OSError("<b>disk</b> full"))
    assert "&lt;b&gt;disk&lt;/b&gt; full" in panel.status.value


def test_lay_out_puts_the_title_first_unless_asked_not_to(store):
    panel = Writes(store=store)
    panel.lay_out(panel.status)
    assert "Writes a file" in panel.root.children[0].value
    assert panel.root.children[1] is panel.status
    panel.lay_out(panel.status, heading=False)
    assert list(panel.root.children) == [panel.status]


def test_shown_hides_and_shows_with_the_layout_asked_for(store):
    panel = Panel(store=store)
    shown(panel.status, False)
    assert panel.status.layout.display == "none"
    shown(panel.status, True, "inline-flex")
    assert panel.status.layout.display == "inline-flex"


def test_confirm_acts_only_once_the_word_is_typed(store):
    panel = Panel(store=store)
    done = []

    def act() -> str:
        done.append(1)
        return "Gone for good."

    confirm = Confirm(panel, "Remove it", act, word="remove",
                      warning="This is for good.", not_yet="Nothing was removed.")
    assert confirm.row.layout.display == "none" and confirm.button.button_style == "danger"
    assert confirm.typed.placeholder == "type remove to confirm"
    confirm.ask()
    assert confirm.row.layout.display == "flex" and "for good" in panel.status.value
    confirm.typed.value = "yes"
    confirm.button.click()
    assert done == [] and "Nothing was removed." in panel.status.value
    confirm.typed.value = "  Remove "
    confirm.button.click()
    assert done == [1] and "Gone for good." in panel.status.value
    assert confirm.row.layout.display == "none" and confirm.typed.value == ""


def test_a_failed_action_keeps_the_row_and_says_why(store):
    panel = Panel(store=store)

    def fails() -> str:
        raise StoreError("The journal could not be changed.")

    confirm = Confirm(panel, "Remove it", fails, word="remove", warning="Sure?",
                      not_yet="Not yet.")
    confirm.ask()
    confirm.typed.value = "remove"
    confirm.button.click()
    assert "could not be changed" in panel.status.value
    assert confirm.row.layout.display == "flex" and confirm.typed.value == "remove"


def test_the_journal_path_is_the_given_stores_without_opening_it(store, tmp_path, monkeypatch):
    assert Panel(store=store).journal_path == store.path
    monkeypatch.setenv("SECURE_BASE_HOME", str(tmp_path / "elsewhere"))
    assert Panel().journal_path == tmp_path / "elsewhere" / "journal.sqlite3"
    assert not (tmp_path / "elsewhere").exists()


def test_secrets_are_taken_out_of_their_fields():
    from workbook.widgets import fields

    first, second = fields.secret(), fields.secret()
    first.value, second.value = "river stone", ""
    assert take_secrets(first, second) == ["river stone", ""]
    assert first.value == second.value == ""


def test_arrange_shows_the_title_then_who_is_writing_then_the_parts():
    import ipywidgets as widgets

    panel = Panel()
    part, who = widgets.HTML("part"), widgets.ToggleButtons(options=["Me", "Sam"])
    panel.arrange(part, who=who)
    heading, *rest = panel.root.children
    assert panel.title in heading.value and rest == [who, part]
    panel.arrange(part)
    assert panel.root.children[1:] == (part,)
