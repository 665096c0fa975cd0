"""Words for open communication: the clear statement builder and the conversation exercises."""

from __future__ import annotations

from workbook.words._picks import Picks

# Feelings offered in a clear statement: feelings inside me, not verdicts about my partner.
STATEMENT_FEELINGS: Picks[str] = Picks({
    "worried": "worried",
    "anxious": "anxious",
    "scared": "scared",
    "lonely": "lonely",
    "hurt": "hurt",
    "sad": "sad",
    "disappointed": "disappointed",
    "frustrated": "frustrated",
    "irritated": "irritated",
    "overwhelmed": "overwhelmed",
    "tense": "tense",
    "unsure": "unsure",
    "embarrassed": "embarrassed",
    "tired": "tired",
    "discouraged": "discouraged",
    "confused": "confused",
})

# Needs offered in a clear statement; each reads well after "because I need".
STATEMENT_NEEDS: Picks[str] = Picks({
    "reassurance": "reassurance",
    "closeness": "closeness",
    "to_feel_heard": "to feel heard",
    "to_feel_included": "to feel included",
    "to_know_what_to_expect": "to know what to expect",
    "honesty": "honesty",
    "time_together": "time together",
    "some_time_to_myself": "some time to myself",
    "rest": "rest",
    "affection": "affection",
    "support": "support",
    "appreciation": "appreciation",
    "respect": "respect",
    "fairness": "fairness",
    "calm": "calm",
    "understanding": "understanding",
})

# A statement stays focused with one to three feelings and needs.
STATEMENT_MOST_PICKS = 3

# What the checker looks for. A trailing "*" matches any ending ("ignor*": ignored, ignoring).
# Apostrophes are optional when matching, so "dont" is found as well as "don't".
STATEMENT_ABSOLUTES: tuple[str, ...] = (
    "always",
    "never",
    "every time",
    "every single time",
    "all the time",
    "constantly",
)
STATEMENT_BLAME: tuple[str, ...] = (
    "you make me",
    "you made me",
    "you're making me",
    "you are making me",
    "your fault",
    "because of you",
    "you're the reason",
    "you are the reason",
    "you ruin*",
)
STATEMENT_MIND_READING: tuple[str, ...] = (
    "you don't care",
    "you do not care",
    "you didn't care",
    "you don't love me",
    "you do not love me",
    "you don't want",
    "you don't respect",
    "you obviously",
    "obviously you",
    "you clearly",
    "clearly you",
    "you just want",
    "you only care",
    "you'd rather",
    "you would rather",
    "you must think",
    "on purpose",
    "deliberately",
)
# Judgements and interpretations that a camera could not record.
STATEMENT_JUDGEMENTS: tuple[str, ...] = (
    "lazy",
    "selfish*",
    "rude*",
    "inconsiderate",
    "thoughtless*",
    "careless*",
    "disrespect*",
    "ridiculous",
    "pathetic",
    "useless",
    "stupid",
    "childish",
    "immature",
    "irresponsible",
    "ignor*",
    "neglect*",
    "abandon*",
    "flirt*",
    "obsessed",
    "manipulat*",
    "controlling",
    "as usual",
    "typical",
)

# One suggestion per kind of flag; "{phrase}" is what the person wrote.
STATEMENT_FLAG_NAMES: dict[str, str] = {
    "absolute": "An absolute",
    "blame": "Blame",
    "mind_reading": "Mind-reading",
    "judgement": "A judgement",
}
STATEMENT_SUGGESTIONS: dict[str, str] = {
    "absolute": (
        "\"{phrase}\" can lead your partner to argue about the exceptions instead of "
        "hearing you. Try naming this one time, such as \"last Tuesday\" or \"twice this week\"."
    ),
    "blame": (
        "\"{phrase}\" puts the cause of your feeling on your partner, which invites a "
        "defence. Try starting from yourself: \"I felt …\"."
    ),
    "mind_reading": (
        "\"{phrase}\" guesses what is going on inside your partner. Try saying what you "
        "saw or heard, and ask what it was like for them."
    ),
    "judgement": (
        "\"{phrase}\" is a judgement rather than something a camera could record. Try "
        "describing what happened, such as \"you looked at your phone while I was talking\"."
    ),
}
STATEMENT_ALL_CLEAR = (
    "This sounds clear and kind: it says what happened, how you feel, what you need, "
    "and what you are asking for."
)

# Placeholders in the live preview while a part is still empty.
STATEMENT_BLANKS: dict[str, str] = {
    "situation": "[what happened]",
    "feelings": "[how I feel]",
    "needs": "[what I need]",
    "request": "[what I'm asking for]",
}

CONVERSATION_SHORTEST_BREAK = 20  # minutes: time for a flooded body to settle
CONVERSATION_LONGEST_BREAK = 240
CONVERSATION_HOW_IT_WENT: tuple[str, ...] = (
    "hard",
    "difficult in places",
    "mixed",
    "mostly good",
    "really good",
)
