"""Words for connecting with values (notebook 06): the value cards, piles and prompts."""

from __future__ import annotations

from typing import NamedTuple

from workbook.words._picks import Picks


class ValueCard(NamedTuple):
    label: str
    description: str


# About forty values for the card sort, keyed as sorts store them.
VALUE_CARDS: Picks[ValueCard] = Picks({
    "acceptance": ValueCard("Acceptance", "Taking people, myself included, as they are."),
    "adventure": ValueCard("Adventure", "Trying new things and going to new places."),
    "affection": ValueCard("Affection", "Warmth, touch and tenderness given and received."),
    "authenticity": ValueCard("Authenticity", "Being the same person on the inside and outside."),
    "balance": ValueCard("Balance", "Making room for work, rest, love and play."),
    "calm": ValueCard("Calm", "A steady, peaceful pace in daily life."),
    "commitment": ValueCard("Commitment", "Staying with what and who I have chosen."),
    "communication": ValueCard("Communication", "Talking openly and listening well."),
    "compassion": ValueCard("Compassion", "Caring about suffering, mine and other people's."),
    "connection": ValueCard("Connection", "Feeling close to the people who matter to me."),
    "courage": ValueCard("Courage", "Doing what matters even when I feel afraid."),
    "creativity": ValueCard("Creativity", "Making things and finding new ways of doing them."),
    "curiosity": ValueCard("Curiosity", "Wanting to learn, explore and understand."),
    "dependability": ValueCard("Dependability", "Being someone others can count on."),
    "equality": ValueCard("Equality", "Sharing power, chores and choices fairly."),
    "family": ValueCard("Family", "Caring for the people I call family, by birth or by choice."),
    "faith": ValueCard("Faith", "Living by my spiritual or religious beliefs."),
    "forgiveness": ValueCard("Forgiveness", "Letting go of grudges, towards others and myself."),
    "freedom": ValueCard("Freedom", "Having room to make my own choices."),
    "friendship": ValueCard("Friendship", "Keeping good friends and being one."),
    "fun": ValueCard("Fun", "Laughing, playing and enjoying life together."),
    "generosity": ValueCard("Generosity", "Giving time, attention or things freely."),
    "gratitude": ValueCard("Gratitude", "Noticing and appreciating what is good."),
    "growth": ValueCard("Growth", "Learning and changing for the better over time."),
    "health": ValueCard("Health", "Looking after my body and mind."),
    "honesty": ValueCard("Honesty", "Telling the truth, with care."),
    "humour": ValueCard("Humour", "Seeing the lighter side and sharing a laugh."),
    "independence": ValueCard("Independence", "Standing on my own feet, even when close."),
    "intimacy": ValueCard("Intimacy", "Being deeply known, emotionally and physically."),
    "kindness": ValueCard("Kindness", "Being gentle and thoughtful in small, everyday ways."),
    "loyalty": ValueCard("Loyalty", "Standing by the people I love."),
    "patience": ValueCard("Patience", "Giving people and things the time they need."),
    "respect": ValueCard("Respect", "Treating others, and myself, as worthy."),
    "responsibility": ValueCard("Responsibility", "Owning my choices and their effects."),
    "security": ValueCard("Security", "Having a safe, steady base to come back to."),
    "self_care": ValueCard("Self-care", "Meeting my own needs without guilt."),
    "teamwork": ValueCard("Teamwork", "Facing things together, as a team."),
    "trust": ValueCard("Trust", "Relying on others, and being relied on, without checking."),
    "understanding": ValueCard("Understanding", "Trying to see things from the other side."),
    "work": ValueCard("Meaningful work", "Doing work that feels worthwhile to me."),
}, label_of=lambda card: card.label)

# The three piles of the card sort, keyed as sorts store them.
VALUE_PILES: dict[str, str] = {
    "very_important": "Very important",
    "important": "Important",
    "not_important": "Not important",
}
VALUES_TOP_COUNT = 5

# "Living my values": how important a value is, and how I acted on it last week, 1 to 10.
VALUES_RATING_RANGE = (1, 10)

# Goal progress check-ins, as a percentage.
GOAL_PROGRESS_RANGE = (0, 100)

# Conversation prompts for comparing sorts with a partner; {value} is a value's name.
VALUES_SHARED_PROMPTS: tuple[str, ...] = (
    "What does {value} look like for each of us on an ordinary day?",
    "When did we last live {value} together? What made it possible?",
    "What is one small thing we could do this week for {value}?",
)
VALUES_DIFFERENT_PROMPTS: tuple[str, ...] = (
    "What makes {value} matter to you? Where did it start?",
    "How could I support {value} in your life, even if it matters less to me?",
    "Is there a way {value} could make our relationship richer, not harder?",
)

# The places of the top five, as the rank lists name them.
VALUE_RANKS = ("1st", "2nd", "3rd", "4th", "5th")
