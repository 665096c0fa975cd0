"""Words for doing the workbook with a partner (notebooks 02 and 06): share files, their
appreciation, the values comparison and shared goals.

Plain text, except the names ending in ``_HTML``: our own words with bold or italic
marked, shown as they are.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

SHARE_PICK_HINT = ("Nothing is ticked for you. Each new file replaces the one your partner "
                   "brought in before, so tick everything you want them to have.")
SHARE_NOTHING_YET = ("Nothing to share yet. Card sorts, shared goals, gratitude, shared wins "
                     "and clear statements you save will be offered here.")
SHARE_WHAT_LEAVES = "Everything that will leave your journal"
SHARE_THE_FILE_ITSELF = "The file itself, character by character"
SHARE_HAVE_A_LOOK = "Have a look. If it is right, choose a passphrase if you like, and save."
SHARE_SHOW_FIRST = "Please press 'Show me exactly what will be shared' first."
SHARE_OPEN_INTRO_HTML = (
    "Nothing is added until you have looked inside and pressed <b>Bring it in</b>. What your "
    "partner shares is kept apart from your own entries, marked as theirs, and can't be "
    "edited here; you can delete it.")
SHARE_LOOK_FIRST = "Please press 'Look inside' first."

APPRECIATION_WAITING = (
    "When your partner shares their gratitude with you in a share file, what they appreciate "
    "about you shows here, beside what you appreciate about them.")
APPRECIATION_LET_IT_LAND = ("Take a moment to let these land; you don't have to answer them. "
                            "If one touched you, you could tell them which, and why.")

COMPARE_START = ("Start with your own card sort above. Once you and your partner have both "
                 "sorted the cards, your values show here side by side.")
COMPARE_HOW_HTML = (
    "In the card sort above, choose your partner under <b>Who is writing?</b> and let them "
    "sort the cards on their own, without looking at yours. Then press <b>Compare again</b>.")
COMPARE_NEEDS_PROFILE_HTML = (
    "To compare, your partner needs a profile of their own: in <b>Start here</b>, under "
    "<b>Who uses this workbook</b>, tick <i>My partner will do some exercises here too</i> "
    "and save. Then run this notebook again. " + COMPARE_HOW_HTML + " On two computers, they "
    "can send you a share file instead (see <b>Open my partner's share file</b>).")
# After the partner's name.
COMPARE_NOT_SORTED_HTML = " hasn't done the card sort yet. " + COMPARE_HOW_HTML
COMPARE_TALK = "Things to talk about together"
COMPARE_TALK_WHEN = "pick one, over a cup of something, when neither of you is rushed"

GOALS_NONE_YET = "No shared goals yet. Save one above to start."
GOALS_SO_FAR = "Your goals so far"


def share_saved(path: Path, protected: bool) -> str:
    """Where the share file is, and how to hand it over."""
    how = ("It is protected with your passphrase: tell it to your partner in person, not in "
           "the same message as the file." if protected else
           "It has no passphrase, so keep it somewhere private until you hand it over.")
    return f"Saved the share file to {path}. {how}"


def share_opened(described: str, earlier: tuple[str, dt.datetime] | None) -> str:
    """What a share file holds; ``earlier`` is who sent the file it replaces, and when."""
    replaces = (f" It replaces the file from {earlier[0]} you brought in on "
                f"{earlier[1].astimezone():%d %b %Y}." if earlier else "")
    return (f"This is everything in the file ({described}). Bringing it in puts it under your "
            f"partner's profile.{replaces}")


def brought_in(added: int, name: str, replaced: int) -> str:
    made_way = f" ({replaced} from their earlier file made way)" if replaced else ""
    return f"Brought in {added} {'entry' if added == 1 else 'entries'} from {name}{made_way}."


def appreciation_headings(partner: str) -> tuple[str, str]:
    """The headings over what my partner appreciates about me, and what I do about them."""
    return (f"What {partner} appreciates about me", f"What I appreciate about {partner}")


def comparison_headings(me: str, them: str) -> tuple[str, str, str]:
    return ("We share", f"Matters most to {me}", f"Matters most to {them}")


def goal_so_far(steps: list[int]) -> str:
    """How a shared goal has gone, from its progress check-ins (in %) in order."""
    if not steps:
        return "no check-ins yet"
    if len(steps) == 1:
        return f"{steps[0]} % after one check-in"
    return f"from {steps[0]} % to {steps[-1]} % over {len(steps)} check-ins"
