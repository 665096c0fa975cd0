"""Words for seeking professional help: signs, guidance and what to ask a therapist."""

from __future__ import annotations

from workbook.words._picks import Picks

# Signs that support from a professional could help, in the order they are shown.
SUPPORT_SIGNS: Picks[str] = Picks({
    "weeks": "The insecurity has stayed for weeks, even though I keep practising.",
    "daily_life": "My sleep, work or studies are suffering because of it.",
    "panic": "I have moments of panic: racing heart, trouble breathing, feeling I can't cope.",
    "monitoring": "I check or monitor my partner and can't stop, even when I want to.",
    "old_hurts": "Old hurts keep coming back and flooding me.",
    "escalating": "Our conflicts keep escalating, and we can't find our way back on our own.",
    "not_living": "I have thoughts of not wanting to live, or of hurting myself.",
})
URGENT_SIGNS = frozenset({"not_living"})
# With this many signs (or any urgent one), talking to a professional is suggested.
SIGNS_FOR_SUPPORT = 2
REVISIT_AFTER_DAYS = 14

GUIDANCE: dict[str, str] = {
    "keep_practising": (
        "It sounds like the exercises are a good fit for now. Keep going at your own pace, "
        "and come back to this reflection in about two weeks, or sooner if things get harder."
    ),
    "see_professional": (
        "Talking to a professional could really help. What you describe is common, and it "
        "is exactly the kind of thing therapists work with every day. Reaching out is a sign "
        "of care for yourself and your relationship. The sections below explain the kinds of "
        "help and how to find someone."
    ),
    "reach_out_now": (
        "Please reach out to someone now. You deserve support today, not after more "
        "exercises. The people below are there to listen, at any hour."
    ),
}

# The questions worth asking a possible therapist, keyed as they are stored.
THERAPIST_QUESTIONS: dict[str, str] = {
    "licensed": "Are they licensed or registered to practise where I live?",
    "experience": "Do they have experience with relationship insecurity or attachment worries?",
    "approach": "Which approach do they use (for example CBT, EFT or the Gottman method)?",
    "cost": "What does it cost, and is it covered by my insurance or a scheme?",
    "availability": "When could we meet, and how often?",
    "format": "Online, in person, or both?",
    "first_contact": "How did the first contact feel? Did I feel heard?",
}
THERAPIST_YES_NO_UNSURE: Picks[str] = Picks({
    "yes": "yes",
    "no": "no",
    "not_sure_yet": "not sure yet",
})
THERAPIST_FORMATS: Picks[str] = Picks({
    "in_person": "in person",
    "online": "online",
    "both": "both",
    "not_sure_yet": "not sure yet",
})
FIT_RANGE = (1, 5)

NUDGE_DAYS = 14
NUDGE_LOW_MOOD = 3
NUDGE_HIGH_INSECURITY = 8
NUDGE_MIN_DAYS = 5  # fewer days than this says too little to nudge on

THERAPY_STATEMENT_INTRO = (
    "Bringing up therapy can feel loaded, as if it says something is wrong. Framed as care "
    "for your relationship, it usually lands more gently. Build what you'd like to say here."
)
REPORT_RANGES: dict[str, int | None] = {
    "the last 30 days": 30,
    "the last 90 days": 90,
    "the last year": 365,
    "everything": None,
}

NUDGE_TOO_FEW_DAYS = ("You have checked in on {days} of the last 14 days. After a few more "
                      "check-ins, this space can reflect your recent weeks back to you.")
NUDGE_NOTHING_STANDS_OUT = ("Nothing in your recent check-ins stands out as a worry. Whatever "
                            "you feel, asking for support is always allowed.")
REPORT_MAKING = "Making your report…"
REPORT_SAVED = ("Your report is saved at {path}. Only your user account can open it; open it "
                "to read or print it.")
