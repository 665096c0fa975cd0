"""Crisis and abuse support lines, by region, each with the page it was checked against and
the day it was checked.

Every number and link here was read on the page named in ``source``: the service's own
site, or the public body that runs or funds it. A line that could not be checked that way
is left out rather than guessed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html

from workbook import words

CHECKED = dt.date(2026, 11, 25)


@dataclasses.dataclass(frozen=True)
class Resource:
    region: str  # a key of words.REGIONS
    name: str
    contact: str  # what to dial or type
    how: str  # one plain line on when and how to use it
    # "crisis" (feeling unsafe with yourself), "abuse" (unsafe with someone), or "support"
    # (a listening line for a particular group, not for emergencies)
    kind: str
    url: str
    source: str = ""  # the page the number and link were checked against
    checked: dt.date = CHECKED


ABUSE_HOW = "Confidential support if a partner frightens, controls or hurts you."

RESOURCES: tuple[Resource, ...] = (
    Resource("US", "988 Suicide & Crisis Lifeline", "Call or text 988",
             "Any time, day or night, when things feel like too much.", "crisis",
             "https://988lifeline.org",
             "https://health.wyo.gov/publichealth/prevention/wivpp/suicide-prevention/"
             "988-suicide-crisis-lifeline"),
    Resource("US", "National Domestic Violence Hotline",
             "Call 1-800-799-7233 or text START to 88788",
             "Confidential help, any time, if a partner frightens, controls or hurts you. "
             "For people of every gender.", "abuse",
             "https://www.thehotline.org",
             "https://ovc.ojp.gov/news/grantee-news/"
             "national-domestic-violence-hotline-answers-6-million-contacts"),
    Resource("US", "The Trevor Project", "Visit thetrevorproject.org",
             "Support from trained counsellors for LGBTQ+ young people.",
             "support", "https://www.thetrevorproject.org",
             "https://www.thetrevorproject.org/blogs-events/archive/page/15/"),
    Resource("UK", "Samaritans", "Call 116 123 (free)",
             "Any time, to talk about whatever is weighing on you.", "crisis",
             "https://www.samaritans.org",
             "https://www.samaritans.org/how-we-can-help/contact-samaritan/"),
    Resource("UK", "National Domestic Abuse Helpline", "Call 0808 2000 247 (free, 24 hours)",
             ABUSE_HOW, "abuse", "https://www.nationaldahelpline.org.uk",
             "https://www.refuge.org.uk/category/news/"),
    Resource("UK", "Men's Advice Line", "Visit mensadviceline.org.uk",
             "Support for men who are being abused by a partner, in any kind of relationship.",
             "abuse", "http://mensadviceline.org.uk/",
             "https://www.respect.uk.net/articles/"
             "56-men-s-advice-line-is-here-to-support-frontline-workers-during-covid-19"),
    Resource("UK", "Switchboard LGBTQIA+", "Visit switchboard.lgbt (10am to 10pm)",
             "A listening line for LGBTQIA+ people and those close to them, by phone, chat "
             "or email.", "support", "https://switchboard.lgbt",
             "https://switchboard.lgbt/terms-of-service"),
    Resource("IE", "Samaritans", "Call 116 123 (free)",
             "Any time, to talk about whatever is weighing on you.", "crisis",
             "https://www.samaritans.org",
             "https://www.samaritans.org/how-we-can-help/contact-samaritan/"),
    Resource("IE", "Women's Aid 24hr National Freephone Helpline", "Call 1800 341 900 (free)",
             ABUSE_HOW, "abuse", "https://www.womensaid.ie",
             "https://www.womensaid.ie/about/newsevents/news/2016/09/05/"
             "media-release-41-calls-a-day-to-womens-aid-in-2016/"),
    Resource("CA", "9-8-8 Suicide Crisis Helpline", "Call or text 9-8-8",
             "Any time, day or night, when things feel like too much.", "crisis",
             "https://988.ca",
             "https://mentalhealthcommission.ca/catalyst/988-launches-in-canada/"),
    Resource("CA", "LGBT YouthLine (Ontario)", "Visit youthline.ca",
             "Peer support for 2SLGBTQ+ young people in Ontario, from young people.",
             "support", "https://www.youthline.ca",
             "https://www.youthline.ca/news/re-affirming-our-commitment-to-2slgbtq-youth/"),
    Resource("AU", "Lifeline", "Call 13 11 14",
             "Any time, when things feel like too much.", "crisis",
             "https://www.lifeline.org.au",
             "https://lifelineh2h.org.au/get-help/telephone-crisis-support/faqs/"),
    Resource("AU", "1800RESPECT", "Call 1800 737 732 or text 0458 737 732",
             "Confidential support about sexual, domestic or family violence, for anyone.",
             "abuse", "https://www.1800respect.org.au",
             "https://www.1800respect.org.au/terms-and-conditions"),
    Resource("AU", "QLife", "Call 1800 184 527 (3pm to midnight)",
             "Free, anonymous peer support for LGBTIQ+ people and those who care about them. "
             "Not a crisis line.", "support", "https://www.qlife.org.au",
             "https://www.qlife.org.au/faqs"),
    Resource("NZ", "1737, Need to talk?", "Call or text 1737 (free)",
             "Any time, day or night, to talk with a trained counsellor.", "crisis", "",
             "https://www.health.govt.nz/news-media/news-items/"
             "phone-counselling-service-busy-following-christchurch-tragedy"),
    Resource("NZ", "Women's Refuge Crisisline", "Call 0800 733 843 (0800 REFUGE)",
             "Any time, if someone you are close to frightens, controls or hurts you.",
             "abuse", "https://womensrefuge.org.nz/get-help/",
             "https://womensrefuge.org.nz/get-help/"),
    Resource("ZA", "Police emergency (SAPS)", "Call 10111",
             "If you or someone else is in danger right now.", "crisis", "",
             "http://gbv.org.za/about-us"),
    Resource("ZA", "Gender-Based Violence Command Centre", "Call 0800 428 428 (free, 24 hours)",
             "Social workers who listen and help, if someone frightens, controls or hurts you.",
             "abuse", "http://gbv.org.za/about-us", "http://gbv.org.za/about-us"),
    # India's lines are run by the government, so a Government of India page is the source.
    Resource("IN", "Emergency Response Support System", "Call 112",
             "Anywhere in India, for police, fire or health help, if you or someone else is "
             "in danger right now.", "crisis", "",
             "https://en.vikaspedia.in/social-welfare/women-and-child-development/"
             "emergency-response-support-system"),
    Resource("EU", "European emergency number", "Call 112",
             "In any EU country, if you or someone else is in danger right now.", "crisis",
             "https://digital-strategy.ec.europa.eu/en/news/"
             "112-day-raises-awareness-eu-emergency-number",
             "https://digital-strategy.ec.europa.eu/en/news/"
             "112-day-raises-awareness-eu-emergency-number"),
    Resource("other", "Your local emergency number", "Call your local emergency number",
             "If you or someone else is in danger right now.", "crisis", ""),
    Resource("other", "Find A Helpline", "findahelpline.com",
             "Lists free, confidential helplines in many countries.", "crisis",
             "https://findahelpline.com", "https://findahelpline.com/AU"),
)

EMERGENCY_LINE = ("If you are in danger right now, call your local emergency number "
                  "(for example 911, 999, 112 or 000).")


def for_region(region: str | None, kind: str | None = None) -> list[Resource]:
    """The lines for ``region`` (unknown regions get the ones for everywhere else)."""
    region = region if region in words.REGIONS else "other"
    chosen = [r for r in RESOURCES if r.region == region and kind in (None, r.kind)]
    if region != "other":
        chosen += [r for r in RESOURCES if r.region == "other" and r.url]
    return chosen


def as_text(resources: list[Resource]) -> str:
    """The lines as plain text, one a line, for pre-filling a safety plan."""
    return "\n".join(f"{r.name}: {r.contact}" + (f" ({r.url})" if r.url else "")
                     for r in resources)


def as_html(resources: list[Resource]) -> str:
    """A short list of lines, safe to show in an HTML widget."""
    items = []
    for r in resources:
        link = (f' — <a href="{html.escape(r.url)}" target="_blank" rel="noopener">'
                f"{html.escape(r.url.split('://', 1)[-1])}</a>") if r.url else ""
        items.append(f"<li><b>{html.escape(r.name)}</b>: {html.escape(r.contact)}{link}<br>"
                     f"<small>{html.escape(r.how)}</small></li>")
    checked = max((r.checked for r in resources), default=CHECKED)
    return (f"<ul class='sb-resources'>{''.join(items)}</ul>"
            f"<p><small>{html.escape(EMERGENCY_LINE)} Numbers last checked "
            f"{checked:%d %B %Y}.</small></p>")
