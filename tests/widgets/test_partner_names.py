"""Forms say what the person calls their partner(s) where they would say "your partner"."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from workbook import naming
from workbook.exercises import communication, positive, vulnerability

XSS = "<img src=x onerror=alert(1)>"


def shown(form) -> str:
    """Every bit of text and HTML the form's widgets would send to the page."""
    found = []

    def walk(widget: widgets.Widget) -> None:
        for name in ("value", "description", "placeholder", "aria_label"):
            value = getattr(widget, name, None)
            if isinstance(value, str):
                found.append(value)
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(form.root)
    return "\n".join(found)


def test_labels_hints_and_intro_say_the_name(store):
    naming.remember_called(store, "me", "Sam")
    reflection = communication.after_the_conversation(store=store)
    assert "Sam&#x27;s view, in my own words" in reflection.fields["partner_view"].label.value
    assert reflection.partner_view.description == "Sam's view, in my own words"
    builder = communication.statement_builder(store=store)
    assert "doable that Sam could say yes to" in builder.fields["request"].hint.value
    sharing = vulnerability.share_a_vulnerability(store=store)
    assert "Letting Sam see a tender spot" in sharing._intro.value
    assert "What do you want Sam to know" in sharing.fields["to_know"].label.value


def test_with_no_name_the_prompts_say_your_partner(store):
    gratitude = positive.gratitude_journal(store=store)
    assert "appreciate about your partner today" in gratitude._intro.value
    reflection = communication.after_the_conversation(store=store)
    assert "My partner&#x27;s view" in reflection.fields["partner_view"].label.value


@pytest.mark.parametrize("make", [positive.gratitude_journal, communication.after_the_conversation,
                                  communication.statement_builder,
                                  vulnerability.share_a_vulnerability])
def test_a_name_with_markup_is_escaped_everywhere_it_is_shown(store, make):
    naming.remember_called(store, "me", XSS)
    form = make(store=store)
    page = shown(form)
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    # Raw, the name may only be a control's plain-text description (a <label>'s text).
    html_parts = [w.value for w in _html_widgets(form.root)]
    assert not any(XSS in part for part in html_parts)


def test_the_gratitude_week_line_names_them_too(store):
    naming.remember_called(store, "me", XSS)
    gratitude = positive.gratitude_journal(store=store)
    gratitude.items[0].value = "the tea"
    gratitude.told[0].value = True
    gratitude.save.click()
    assert "told &lt;img src=x onerror=alert(1)&gt; about 1" in gratitude.week.value


def test_switching_to_the_partners_profile_says_your_partner_again(store):
    store.set_profile("partner", "Sam")
    naming.remember_called(store, "me", "Sam")
    reflection = communication.after_the_conversation(store=store)
    assert "Sam&#x27;s view" in reflection.fields["partner_view"].label.value
    reflection.who.value = "partner"
    assert "My partner&#x27;s view" in reflection.fields["partner_view"].label.value
    reflection.who.value = "me"
    assert "Sam&#x27;s view" in reflection.fields["partner_view"].label.value


def _html_widgets(widget: widgets.Widget):
    if isinstance(widget, widgets.HTML):
        yield widget
    for child in getattr(widget, "children", ()):
        yield from _html_widgets(child)


def test_the_statement_builders_gentle_suggestions_name_them(store):
    naming.remember_called(store, "me", XSS)
    builder = communication.statement_builder(store=store)
    builder.situation.value = "You always come home late"
    assert "lead &lt;img src=x onerror=alert(1)&gt; to argue" in builder.flags.value
    assert XSS not in builder.flags.value
