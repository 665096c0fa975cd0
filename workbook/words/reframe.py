"""Words for reframing negative thoughts (notebook 05): the thinking traps and scales."""

from __future__ import annotations

from typing import NamedTuple

from workbook.words._picks import Picks


class Trap(NamedTuple):
    label: str
    description: str
    example: str


# Twelve common thinking traps, each with a relationship example, keyed as records store them.
THINKING_TRAPS: Picks[Trap] = Picks({
    "mind_reading": Trap(
        "Mind reading",
        "Being sure you know what someone else thinks or feels, without asking.",
        "They went quiet at dinner, so they must be bored of me."),
    "fortune_telling": Trap(
        "Fortune telling",
        "Predicting that things will turn out badly, as if it were already decided.",
        "This trip together is going to end in a fight, I just know it."),
    "catastrophising": Trap(
        "Catastrophising",
        "Jumping from a small worry to the worst thing that could happen.",
        "They haven't replied for two hours, so they're leaving me."),
    "personalising": Trap(
        "Personalising",
        "Taking the blame for things that have many causes, or nothing to do with you.",
        "My partner is in a bad mood, so I must have done something wrong."),
    "all_or_nothing": Trap(
        "All-or-nothing thinking",
        "Seeing things in extremes, with no middle ground.",
        "If we argue at all, our relationship is a failure."),
    "labelling": Trap(
        "Labelling",
        "Summing up yourself or someone else with one harsh word.",
        "I got jealous again. I'm just a needy person."),
    "should_statements": Trap(
        "Should statements",
        "Holding yourself or others to rigid rules about how things must be.",
        "They should know what I need without me having to say it."),
    "emotional_reasoning": Trap(
        "Emotional reasoning",
        "Treating a feeling as proof of a fact.",
        "I feel unwanted, so I must be unwanted."),
    "overgeneralising": Trap(
        "Overgeneralising",
        "Turning one event into a rule about everything, often with 'always' or 'never'.",
        "They forgot to call tonight. They never think of me."),
    "mental_filter": Trap(
        "Mental filter",
        "Noticing only what went wrong and letting it colour the whole picture.",
        "We had a lovely weekend, but all I can think about is one sharp comment."),
    "discounting_the_positive": Trap(
        "Discounting the positive",
        "Explaining away good things so they don't count.",
        "They said they love me, but they only said it because I seemed upset."),
    "comparing": Trap(
        "Comparing",
        "Measuring yourself or your relationship against others and coming up short.",
        "Other people's relationships look so happy online. We must be doing something wrong."),
}, label_of=lambda trap: trap.label)

# What kind of moment set the thought off, so the pattern finder can spot repeats.
THOUGHT_SITUATIONS: Picks[str] = Picks({
    "waiting_for_a_message_or_call": "waiting for a message or call",
    "time_apart": "time apart",
    "my_partner_with_other_people": "a partner with other people",
    "a_disagreement": "a disagreement",
    "plans_or_the_future": "plans or the future",
    "closeness_and_intimacy": "closeness and intimacy",
    "social_media": "social media",
    "family_or_friends": "family or friends",
    "work_or_stress": "work or stress",
    "something_else": "something else",
})

# How strongly I believe a thought, and how intense a feeling is: 0 to 100.
THOUGHT_BELIEF_RANGE = (0, 100)
THOUGHT_INTENSITY_RANGE = (0, 100)
# Where a rating of a feeling or a belief starts, before it is moved.
THOUGHT_START = 50
