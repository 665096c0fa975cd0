from __future__ import annotations

import ipywidgets as widgets

from workbook import messages
from workbook.widgets import Panel
from workbook.widgets.fields import PickMany, RatingSlider


def test_a_failing_button_handler_shows_a_kind_message_instead_of_a_traceback(capsys):
    panel = Panel()
    button = widgets.Button()

    def broken() -> None:
        raise RuntimeError("internal detail")

    panel.on_click(button, broken)
    button.click()
    assert messages.UNEXPECTED[:30] in panel.status.value
    assert "internal detail" not in panel.status.value
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err


def test_rating_slider_keeps_out_of_range_values_for_the_form_to_explain():
    slider = RatingSlider(min=1, max=10, value=5)
    slider.value = 11
    assert slider.value == 11


def test_pick_many_follows_clicks_and_assignments_both_ways():
    picks = PickMany({"a": "Apples", "b": "Bread"}, checkboxes=True)
    picks.controls["b"].value = True
    assert picks.value == ("b",)
    picks.value = ("a",)
    assert [c.value for c in picks.controls.values()] == [True, False]


def test_a_field_makes_its_message_area_under_the_control_when_it_has_something_to_say():
    from workbook.widgets.fields import Field

    plain = Field("Mood", widgets.IntSlider())
    hinted = Field("Note", widgets.Textarea(), hint="A few words are plenty.")
    assert plain.box.children == (plain.label, plain.control) and plain.hint is None
    assert hinted.box.children == (hinted.label, hinted.hint, hinted.control)
    plain.clear()  # nothing to clear yet, and nothing made
    assert len(plain.box.children) == 2

    hinted.show("Please write a few words.")
    assert hinted.box.children[-1] is hinted.message
    assert "Please write a few words." in hinted.message.value
    hinted.clear()
    assert hinted.message.value == "" and len(hinted.box.children) == 4


def test_pick_many_options_share_one_layout_and_style_and_are_picked_alone():
    for checkboxes in (False, True):
        picks = PickMany({"a": "Apples", "b": "Bread", "c": "Cheese"}, checkboxes=checkboxes)
        picks.offer(["d"])  # kept from an older entry
        controls = list(picks.controls.values())
        assert len({id(c.layout) for c in controls}) == 1
        assert len({id(c.style) for c in controls}) == 1
        controls[1].value = True
        assert picks.value == ("b",) and [c.value for c in controls] == [False, True, False, False]
