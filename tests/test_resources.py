from __future__ import annotations

import re

from workbook import resources, words


def test_every_line_has_a_number_or_link_and_a_checked_date():
    for line in resources.RESOURCES:
        assert re.search(r"\d{3}", line.contact) or line.url or "emergency" in line.contact
        assert line.checked is not None
        assert line.region in words.REGIONS


def test_each_region_has_a_crisis_line_and_the_worldwide_fallback():
    for region in words.REGIONS:
        lines = resources.for_region(region)
        assert any(r.kind == "crisis" for r in lines)
        assert any("findahelpline" in r.url for r in lines)


def test_the_numbers_we_promise():
    text = " ".join(r.contact for r in resources.RESOURCES)
    for number in ("988", "1-800-799-7233", "88788", "116 123", "0808 2000 247", "9-8-8",
                   "13 11 14", "1800 737 732"):
        assert number in text


def test_unknown_region_falls_back_to_everywhere_else():
    assert resources.for_region("XX") == resources.for_region("other")


def test_html_is_escaped_and_states_when_it_was_checked():
    shown = resources.as_html(resources.for_region("UK"))
    assert "Samaritans" in shown and "last checked" in shown
