"""The clear-statement checker and composer, as plain logic: flagged and clean examples."""

from __future__ import annotations

import pytest

from workbook import statements, words

FLAGGED = [
    # (where, text, kind, the phrase as written)
    ("situation", "You always come home late", "absolute", "always"),
    ("situation", "you NEVER text me back", "absolute", "NEVER"),
    ("situation", "every time we go out you leave early", "absolute", "every time"),
    ("situation", "Every single time I ask, nothing happens", "absolute", "Every single time"),
    ("situation", "you're on your phone all the time", "absolute", "all the time"),
    ("request", "stop checking your phone constantly", "absolute", "constantly"),
    ("situation", "you make me feel small", "blame", "you make me"),
    ("situation", "You made me cry at dinner", "blame", "You made me"),
    ("situation", "it's your fault we were late", "blame", "your fault"),
    ("situation", "we argued because of you", "blame", "because of you"),
    ("situation", "You\u2019re the reason I can't sleep", "blame", "You\u2019re the reason"),
    ("request", "admit you ruined the evening", "blame", "you ruined"),
    ("situation", "you don't care about my friends", "mind_reading", "you don't care"),
    ("situation", "you dont care when I talk", "mind_reading", "you dont care"),
    ("situation", "You obviously prefer your friends", "mind_reading", "You obviously"),
    ("situation", "you clearly wanted to leave", "mind_reading", "you clearly"),
    ("situation", "you did it on purpose", "mind_reading", "on purpose"),
    ("request", "admit you'd rather be with them", "mind_reading", "you'd rather"),
    ("situation", "you were lazy about the dishes", "judgement", "lazy"),
    ("situation", "You ignored me at the party", "judgement", "ignored"),
    ("situation", "you were flirting with the waiter", "judgement", "flirting"),
    ("situation", "you were so selfish with the car", "judgement", "selfish"),
    ("situation", "as usual you forgot", "judgement", "as usual"),
]

CLEAN = [
    ("situation", "You came home at eleven and I hadn't heard from you since six"),
    ("situation", "On Saturday you looked at your phone while I was telling you about work"),
    ("situation", "We planned dinner for seven and you arrived at eight"),
    ("situation", "Whenever it's late, I wait up"),  # "whenever" is not "never"
    ("situation", "You cared for my plants while I was away"),  # "care" alone is fine
    ("situation", "I made tea and you said thank you"),
    ("situation", "The faultless plan fell through"),  # not "your fault"
    ("request", "send me a short message if you'll be home after nine"),
    ("request", "sit with me for ten minutes after dinner tonight"),
    ("request", "tell me what you heard me say"),
    ("request", "could you let me know when you leave work?"),
]


@pytest.mark.parametrize(("part", "text", "kind", "phrase"), FLAGGED)
def test_each_flagged_example_is_found_with_a_suggestion(part, text, kind, phrase):
    situation, request = (text, "") if part == "situation" else ("", text)
    flags = statements.check(situation, request)
    matching = [f for f in flags if f.kind == kind]
    assert [f.phrase for f in matching] == [phrase], flags
    flag = matching[0]
    assert flag.part == part
    assert f'"{phrase}"' in flag.suggestion
    assert flag.suggestion.startswith(f'"{phrase}"') and len(flag.suggestion) > 60


@pytest.mark.parametrize(("part", "text"), CLEAN)
def test_clean_examples_have_no_flags(part, text):
    situation, request = (text, "") if part == "situation" else ("", text)
    assert statements.check(situation, request) == []


def test_judgement_words_are_only_flagged_in_the_situation():
    assert statements.check("", "please don't be lazy about it") == []
    assert [f.kind for f in statements.check("you were lazy", "")] == ["judgement"]


def test_several_flags_come_in_reading_order_and_repeats_once():
    flags = statements.check("You always ignore me and you always say you obviously care", "")
    assert [(f.kind, f.phrase) for f in flags] == [
        ("absolute", "always"), ("judgement", "ignore"), ("mind_reading", "you obviously")]


def test_the_longest_absolute_wins():
    flags = statements.check("every single time", "")
    assert [f.phrase for f in flags] == ["every single time"]


def test_every_kind_has_a_name_and_a_suggestion():
    for kind in (*statements.EVERYWHERE, *statements.DESCRIPTIONS):
        assert words.STATEMENT_FLAG_NAMES[kind]
        assert "{phrase}" in words.STATEMENT_SUGGESTIONS[kind]


COMPOSED = [
    (("you came home at eleven", ("worried", "lonely"), ("reassurance",),
      "send me a message if you'll be late"),
     "When you came home at eleven, I feel worried and lonely because I need reassurance. "
     "Would you be willing to send me a message if you'll be late?"),
    (("When the dishes were left.", ("tired",), ("support", "rest", "fairness"),
      "Could you wash up tonight?"),
     "When the dishes were left, I feel tired because I need support, rest and fairness. "
     "Could you wash up tonight?"),
    (("Sam's party ended early", ("sad",), ("time together",), "plan a quiet evening"),
     "When Sam's party ended early, I feel sad because I need time together. "
     "Would you be willing to plan a quiet evening?"),
    (("  You   left  ", (), (), ""), "When you left."),
    (("", (), ("calm",), "please keep the evening free"),
     "I need calm. Please keep the evening free."),
]


@pytest.mark.parametrize(("parts", "expected"), COMPOSED)
def test_compose(parts, expected):
    assert statements.compose(*parts) == expected


def test_compose_with_blanks_shows_what_is_still_missing():
    text = statements.compose("", ("hurt",), (), "", blanks=True)
    assert text == ("When [what happened], I feel hurt because I need [what I need]. "
                    "Would you be willing to [what I'm asking for]?")


def test_join_words():
    assert statements.join_words([]) == ""
    assert statements.join_words(["a"]) == "a"
    assert statements.join_words(["a", "b"]) == "a and b"
    assert statements.join_words(["a", "b", "c"]) == "a, b and c"
