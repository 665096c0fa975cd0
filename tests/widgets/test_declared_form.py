"""The declarative `Form`: fields as class attributes, summaries, hooks, editing."""

from __future__ import annotations

import pytest

from workbook import words
from workbook.models import EntryInvalid
from workbook.models.reframe import QuickThoughtCheck
from workbook.store import Saved
from workbook.widgets import Form, Place, ask, summary


class QuickCheck(Form):
    model = QuickThoughtCheck
    title = "Probe"

    thought = ask.text("The thought", lines=2)
    trap = ask.choice("The trap", words.THINKING_TRAPS)
    alternative = ask.text("An alternative", lines=2)
    note = Place(lambda form: __import__("ipywidgets").HTML("placed"), after="thought")

    @summary
    def count(self, saved: Saved | None) -> str:
        n = self.store.count(QuickThoughtCheck.KIND, profile=self.profile)
        return f"{n} saved" + (" (just now)" if saved is not None else "")


def fill(form: QuickCheck, thought: str = "they are bored of me") -> None:
    form.thought.value = thought
    form.trap.value = "mind_reading" if "mind_reading" in words.THINKING_TRAPS else \
        next(iter(words.THINKING_TRAPS))
    form.alternative.value = "they were tired"


def test_declared_fields_are_built_per_form_and_laid_out_in_order(store):
    first, second = QuickCheck(store=store), QuickCheck(store=store)
    assert first.thought is not second.thought
    assert list(first.fields) == ["thought", "trap", "alternative"]
    boxes = list(first.root.children)
    assert boxes.index(first.note) == boxes.index(first.fields["thought"].box) + 1
    assert first.recent is not None and first.recent.root in boxes


def test_values_bind_both_ways_and_summaries_follow_saves_and_deletes(store):
    form = QuickCheck(store=store)
    assert form.count.value == "0 saved"
    fill(form)
    form.save.click()
    assert store.entries(QuickThoughtCheck.KIND)[0].entry.thought == "they are bored of me"
    assert form.count.value == "1 saved (just now)"
    fresh = QuickCheck(store=store)
    fresh.edit(store.entries(QuickThoughtCheck.KIND)[0])
    assert fresh.thought.value == "they are bored of me"
    fresh.recent.items[0].delete.click()
    fresh.recent.items[0].confirm.click()
    assert fresh.count.value == "0 saved"


def test_clean_problems_show_with_the_models_own(store):
    class Picky(QuickCheck):
        def clean(self, answers):
            raise EntryInvalid({"alternative": "Please be kinder."})

    form = Picky(store=store)
    form.save.click()  # the thought is empty too
    assert form.fields["thought"].message.value
    assert "kinder" in form.fields["alternative"].message.value
    assert store.entries() == []


def test_a_store_error_in_a_summary_shows_in_its_place(store):
    class Broken(QuickCheck):
        @summary
        def count(self, saved):
            from workbook.store import StoreError

            raise StoreError("The journal is busy.")

    form = Broken(store=store)
    assert "The journal is busy." in form.count.value


def test_a_declared_name_that_the_form_uses_itself_is_refused(store):
    class Clash(QuickCheck):
        save = ask.text("Save what?")

    with pytest.raises(TypeError, match="'save'"):
        Clash(store=store)


def test_parts_of_a_declared_control_are_the_forms_own_and_a_field_follows_another_by_name(
        store):
    import ipywidgets as widgets
    import traitlets

    class Picked(widgets.VBox):
        value = traitlets.Unicode("")

        def __init__(self) -> None:
            self.echo = widgets.HTML("")
            super().__init__([self.echo])

        def follow(self, thought: str) -> None:
            self.echo.value = thought

    class Parts(QuickCheck):
        echoed = ask.control("Echo", Picked, follows="thought",
                             parts=("echo",))
        badge = Place(lambda form: widgets.VBox([widgets.HTML("b")]), parts=("children",))

    form = Parts(store=store)
    assert form.echo is form.echoed.echo and form.children == form.badge.children
    form.thought.value = "they are late"
    assert form.echo.value == "they are late"
    with pytest.raises(AttributeError):
        form.echo = widgets.HTML("")  # a part is read, never replaced
