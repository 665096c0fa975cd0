"""Words for the daily check-in, the snapshot, the safety check, profiles and regions."""

from __future__ import annotations

from workbook.words._picks import Picks

# Each strategy the workbook teaches, keyed as entries record it.
STRATEGIES: dict[str, str] = {
    "open_communication": "Open communication",
    "focus_on_the_positive": "Focusing on the positive",
    "embrace_vulnerability": "Embracing vulnerability",
    "self_compassion": "Self-compassion",
    "reframe_thoughts": "Reframing negative thoughts",
    "values": "Connecting with values",
    "professional_help": "Seeking professional help",
}

# Feelings offered in the daily check-in; a person may pick any number.
EMOTIONS: Picks[str] = Picks({
    "calm": "calm",
    "content": "content",
    "loved": "loved",
    "close": "close",
    "hopeful": "hopeful",
    "grateful": "grateful",
    "playful": "playful",
    "tired": "tired",
    "restless": "restless",
    "anxious": "anxious",
    "jealous": "jealous",
    "lonely": "lonely",
    "hurt": "hurt",
    "sad": "sad",
    "irritated": "irritated",
    "angry": "angry",
    "ashamed": "ashamed",
    "overwhelmed": "overwhelmed",
    "numb": "numb",
    "unsure": "unsure",
})

MOOD_RANGE = (1, 10)
INSECURITY_RANGE = (0, 10)
# The insecurity snapshot is weekly: due again this many days after the last one.
SNAPSHOT_EVERY_DAYS = 7

# The weekly insecurity snapshot: how true each sentence was over the past week.
SNAPSHOT_SCALE: tuple[str, ...] = (
    "not at all",
    "a little",
    "somewhat",
    "quite a lot",
    "very much",
)
SNAPSHOT_QUESTIONS: tuple[str, ...] = (
    "I worried that my partner might lose interest in me or leave.",
    "I needed reassurance from my partner before I could settle.",
    "I checked up on what my partner was doing, or wanted to.",
    "I felt I was not enough for my partner.",
    "Attention my partner gave to other people unsettled me.",
    "I held back what I felt, afraid of how it would land.",
)

# The safety check in "Start here". Any "yes" brings support to the front.
SAFETY_QUESTIONS: tuple[str, ...] = (
    "Do you feel afraid of a partner or an ex-partner, or of how they might react?",
    "Does a partner or ex-partner check your phone, messages or whereabouts when you have not "
    "agreed to it?",
    "Does a partner decide who you may see, where you may go, or how you spend money?",
    "Has a partner or ex-partner hurt you, threatened you, or pressured you into anything "
    "sexual?",
    "Do you sometimes think about hurting yourself, or about not wanting to be alive?",
)
SAFETY_SELF_HARM_QUESTION = len(SAFETY_QUESTIONS) - 1

REGIONS: dict[str, str] = {
    "US": "United States",
    "UK": "United Kingdom",
    "IE": "Ireland",
    "CA": "Canada",
    "AU": "Australia",
    "NZ": "New Zealand",
    "ZA": "South Africa",
    "IN": "India",
    "EU": "Another country in the European Union",
    "other": "Somewhere else",
}

# What a person calls their partner or partners, used in prompts instead of "your partner".
PARTNER_CALLED_SETTING = "partner_called"
PARTNER_CALLED_LABEL = "What do you call your partner or partners?"
PARTNER_CALLED_HINT = ("Optional. A name, a few names, or a word you like. The exercises use "
                       "it where they would say \"your partner\". Leave it empty to keep "
                       "\"your partner\".")

PROFILE_ME = "me"
PROFILE_PARTNER = "partner"
