"""Words for focusing on the positive: gratitude, shared wins, savouring and the 5:1 tally."""

from __future__ import annotations

GRATITUDE_MOST_ITEMS = 3

# Guided prompts for savouring a good memory, in the order they are asked.
SAVOURING_PROMPTS: dict[str, str] = {
    "memory": "Which good moment with your partner would you like to return to?",
    "where_when": "Where and when was it?",
    "senses": "Slow down and step back into it. What could you see, hear, smell or feel?",
    "feeling": "What did you feel then, and what do you feel now as you remember it?",
    "meaning": "What does this memory say about your relationship?",
}
SAVOURING_WARMTH_RANGE = (0, 10)

# The weekly positive-to-negative tally.
TALLY_MOST_MOMENTS = 500
TALLY_GOAL_RATIO = 5.0
TALLY_WEEKS: tuple[tuple[str, int], ...] = (("This week", 0), ("Last week", 1))
