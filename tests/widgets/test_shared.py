"""Layouts and styles many widgets share: fewer models for a page, and none of them can be
changed for one widget in a way that reaches the others."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from workbook.exercises.checkin import CheckInForm
from workbook.widgets import Panel, shared
from workbook.widgets.panel import shown


def test_words_share_one_layout_and_one_style():
    first, second = shared.words("<b>One</b>"), shared.words()
    assert first.layout is second.layout and first.style is second.style
    assert (first.value, second.value) == ("<b>One</b>", "")
    second.value = "changed"  # a value is each widget's own
    assert first.value == "<b>One</b>"


def test_a_shared_layout_or_style_cannot_be_changed_or_closed():
    words = shared.words("Kept")
    with pytest.raises(AttributeError, match="shared by many widgets"):
        words.layout.display = "none"
    with pytest.raises(AttributeError, match="shared by many widgets"):
        words.style.text_color = "red"
    with pytest.raises(AttributeError, match="shared by many widgets"):
        shared.button_style().button_color = "red"
    words.layout.close()
    assert words.layout.comm is not None and shared.words().layout is words.layout


def test_hiding_a_widget_with_a_shared_layout_hides_it_alone():
    panel = Panel()
    first, second = panel.button("First"), panel.button("Second")
    assert first.layout is second.layout and first.layout.width == "auto"
    shown(first, False)
    assert first.layout.display == "none" and first.layout.width == "auto"
    assert second.layout.display is None and shared.is_shared(second.layout)
    shown(first, True, "inline-flex")
    assert first.layout.display == "inline-flex"


def test_restyling_one_widget_keeps_the_shared_settings_and_leaves_the_others():
    panel = Panel()
    outlined, plain = panel.button("Outlined"), panel.button("Plain")
    shared.restyle(outlined, border="1px solid black")
    assert (outlined.layout.border, outlined.layout.width) == ("1px solid black", "auto")
    assert plain.layout.border is None and shared.is_shared(plain.layout)
    own = outlined.layout
    shared.restyle(outlined, padding="1em")  # its own layout now: changed in place
    assert outlined.layout is own and own.padding == "1em"


def test_layouts_with_other_settings_are_other_layouts():
    assert shared.layout(width="auto") is shared.layout(width="auto")
    assert shared.layout(width="auto") is not shared.layout(width="auto", flex="0 0 auto")
    assert shared.layout() is not shared.layout(width="auto")


def test_a_form_makes_far_fewer_layouts_and_styles_than_it_has_widgets(store):
    made: list[widgets.Widget] = []
    widgets.Widget.on_widget_constructed(made.append)
    try:
        CheckInForm(store=store)
    finally:
        widgets.Widget.on_widget_constructed(lambda _widget: None)
    parts = [w for w in made if isinstance(w, widgets.Layout | widgets.Style)]
    shown_widgets = [w for w in made if isinstance(w, widgets.DOMWidget)]
    # Without sharing each shown widget brings its own layout, and most a style too.
    assert len(parts) < 0.6 * len(shown_widgets), (len(parts), len(shown_widgets))
