from __future__ import annotations

import datetime as dt
import re

import pytest

from workbook import resources, words


def test_every_line_has_a_number_or_link_a_checked_date_and_the_page_it_was_checked_on():
    for line in resources.RESOURCES:
        has_number = re.search(r"\d{3}", line.contact) is not None
        assert has_number or line.url or "emergency" in line.contact, line.name
        assert isinstance(line.checked, dt.date) and line.checked <= dt.date.today(), line.name
        if has_number or line.url:
            assert line.source.startswith(("https://", "http://")), line.name
        assert line.region in words.REGIONS
        assert line.kind in ("crisis", "abuse", "support")


def test_every_region_has_a_crisis_line_of_its_own_and_the_worldwide_fallback():
    for region in words.REGIONS:
        own = [r for r in resources.RESOURCES if r.region == region and r.kind == "crisis"]
        assert own, f"{words.REGIONS[region]} has no crisis line"
        lines = resources.for_region(region)
        assert any("findahelpline" in r.url for r in lines)


def test_a_region_without_a_crisis_line_would_fail(monkeypatch):
    monkeypatch.setitem(words.REGIONS, "XX", "Nowhere")
    missing = [region for region in words.REGIONS
               if not any(r.region == region and r.kind == "crisis"
                          for r in resources.RESOURCES)]
    assert missing == ["XX"]


def test_the_numbers_we_promise():
    text = " ".join(r.contact for r in resources.RESOURCES)
    for number in ("988", "1-800-799-7233", "88788", "116 123", "0808 2000 247", "9-8-8",
                   "13 11 14", "1800 737 732", "1800 341 900", "1737", "0800 733 843",
                   "0800 428 428", "10111", "112"):
        assert number in text


def test_lines_for_men_and_for_every_gender_are_named():
    uk = " ".join(r.how + r.name for r in resources.for_region("UK", "abuse"))
    assert "Men's Advice Line" in uk and "men" in uk


def test_a_line_for_lgbtiq_people_is_offered_with_its_hours():
    [qlife] = [r for r in resources.for_region("AU") if r.name == "QLife"]
    assert "1800 184 527" in qlife.contact and "midnight" in qlife.contact
    assert qlife not in resources.for_region("AU", "crisis")


def test_unknown_region_falls_back_to_everywhere_else():
    assert resources.for_region("XX") == resources.for_region("other")


def test_html_is_escaped_and_states_when_it_was_checked():
    shown = resources.as_html(resources.for_region("UK"))
    assert "Samaritans" in shown and "last checked" in shown
    assert "Men&#x27;s Advice Line" in shown


def test_plain_text_lines_for_a_plan():
    text = resources.as_text(resources.for_region("AU", "abuse"))
    assert text.splitlines()[0].startswith("1800RESPECT: Call 1800 737 732")


def test_india_has_the_national_emergency_number_from_a_government_page():
    [line] = [r for r in resources.for_region("IN", "crisis") if r.region == "IN"]
    assert line.contact == "Call 112" and "India" in line.how
    assert line.source.startswith("https://en.vikaspedia.in/")
    assert line.checked == dt.date(2026, 11, 25)


@pytest.mark.parametrize(("region", "name", "site"), [
    ("US", "The Trevor Project", "thetrevorproject.org"),
    ("UK", "Switchboard LGBTQIA+", "switchboard.lgbt"),
    ("CA", "LGBT YouthLine (Ontario)", "youthline.ca"),
])
def test_lines_for_lgbtq_people_link_to_their_own_site(region, name, site):
    [line] = [r for r in resources.for_region(region) if r.name == name]
    assert line.kind == "support" and line not in resources.for_region(region, "crisis")
    # The link and the page it was checked on are both the service's own site.
    assert site in line.url and site in line.source and site in line.contact
    assert line.checked == dt.date(2026, 11, 25)


def test_switchboard_says_when_it_is_open():
    [line] = [r for r in resources.for_region("UK") if r.name.startswith("Switchboard")]
    assert "10am to 10pm" in line.contact


def test_the_ontario_line_is_listed_for_canada():
    shown = resources.as_html(resources.for_region("CA"))
    assert "LGBT YouthLine (Ontario)" in shown and "2SLGBTQ+" in shown
