"""Crisis and abuse support lines, by region, each with the day it was last checked."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html

from workbook import words

CHECKED = dt.date(2026, 11, 24)


@dataclasses.dataclass(frozen=True)
class Resource:
    region: str  # a key of words.REGIONS
    name: str
    contact: str  # what to dial or type
    how: str  # one plain line on when and how to use it
    kind: str  # "crisis" (feeling unsafe with yourself) or "abuse" (unsafe with someone)
    url: str
    checked: dt.date = CHECKED


RESOURCES: tuple[Resource, ...] = (
    Resource("US", "988 Suicide & Crisis Lifeline", "Call or text 988",
             "Any time, day or night, when things feel like too much.", "crisis",
             "https://988lifeline.org"),
    Resource("US", "National Domestic Violence Hotline",
             "Call 1-800-799-7233 or text START to 88788",
             "Confidential help if a partner frightens, controls or hurts you.", "abuse",
             "https://www.thehotline.org"),
    Resource("UK", "Samaritans", "Call 116 123 (free)",
             "Any time, to talk about whatever is weighing on you.", "crisis",
             "https://www.samaritans.org"),
    Resource("UK", "National Domestic Abuse Helpline", "Call 0808 2000 247 (free, 24 hours)",
             "Confidential support if a partner frightens, controls or hurts you.", "abuse",
             "https://www.nationaldahelpline.org.uk"),
    Resource("IE", "Samaritans", "Call 116 123 (free)",
             "Any time, to talk about whatever is weighing on you.", "crisis",
             "https://www.samaritans.org/ireland"),
    Resource("IE", "Women's Aid 24hr National Freephone Helpline", "Call 1800 341 900 (free)",
             "Confidential support if a partner frightens, controls or hurts you.", "abuse",
             "https://www.womensaid.ie"),
    Resource("CA", "9-8-8 Suicide Crisis Helpline", "Call or text 9-8-8",
             "Any time, day or night, when things feel like too much.", "crisis",
             "https://988.ca"),
    Resource("AU", "Lifeline", "Call 13 11 14",
             "Any time, when things feel like too much.", "crisis",
             "https://www.lifeline.org.au"),
    Resource("AU", "1800RESPECT", "Call 1800 737 732",
             "Confidential support about sexual, domestic or family violence.", "abuse",
             "https://www.1800respect.org.au"),
    Resource("other", "Your local emergency number", "Call your local emergency number",
             "If you or someone else is in danger right now.", "crisis", ""),
    Resource("other", "Find A Helpline", "findahelpline.com",
             "Lists free, confidential helplines in many countries.", "crisis",
             "https://findahelpline.com"),
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


def as_html(resources: list[Resource]) -> str:
    """A short list of lines, safe to show in an HTML widget."""
    items = []
    for r in resources:
        link = (f' — <a href="{html.escape(r.url)}" target="_blank" rel="noopener">'
                f"{html.escape(r.url.removeprefix('https://'))}</a>") if r.url else ""
        items.append(f"<li><b>{html.escape(r.name)}</b>: {html.escape(r.contact)}{link}<br>"
                     f"<small>{html.escape(r.how)}</small></li>")
    checked = max((r.checked for r in resources), default=CHECKED)
    return (f"<ul class='sb-resources'>{''.join(items)}</ul>"
            f"<p><small>{html.escape(EMERGENCY_LINE)} Numbers last checked "
            f"{checked:%d %B %Y}.</small></p>")
