"""Clear statements as plain logic: put one together, and gently check its wording.

A clear statement is "When <situation>, I feel <feelings> because I need <needs>.
Would you be willing to <request>?". The checker finds absolutes, blame and
mind-reading anywhere, and judgement words in the situation, each with a suggestion.
No widgets here, so the rules can be tested on their own.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from functools import cache

from workbook import words

__all__ = ["Flag", "check", "check_text", "compose", "join_words"]

# Kinds checked in every part, and the one checked only where something is described.
EVERYWHERE = ("absolute", "blame", "mind_reading")
DESCRIPTIONS = ("judgement",)

# First words that read naturally in lower case after "When ".
_LOWER_AFTER_WHEN = frozenset((
    "a", "an", "after", "at", "before", "during", "earlier", "in", "last", "my", "on", "our",
    "that", "the", "their", "there", "these", "they", "this", "those", "today", "tonight", "we",
    "yesterday", "you", "your"))
_QUESTION_STARTS = ("would you", "could you", "can you", "will you")
_POLITE_STARTS = ("please", "i'd like", "i would like", "i'd love", "i would love")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


@dataclasses.dataclass(frozen=True)
class Flag:
    """One gentle flag: what kind, the words as written, where, and a suggestion."""

    kind: str
    phrase: str
    part: str
    suggestion: str

    @property
    def name(self) -> str:
        return words.STATEMENT_FLAG_NAMES[self.kind]


def _phrases(kind: str) -> tuple[str, ...]:
    return {
        "absolute": words.STATEMENT_ABSOLUTES,
        "blame": words.STATEMENT_BLAME,
        "mind_reading": words.STATEMENT_MIND_READING,
        "judgement": words.STATEMENT_JUDGEMENTS,
    }[kind]


@cache
def _pattern(kind: str) -> re.Pattern[str]:
    alternatives = []
    # Longer phrases first, so "every single time" wins over "every time".
    for phrase in sorted(_phrases(kind), key=len, reverse=True):
        stem = phrase.removesuffix("*")
        body = r"\s+".join(re.escape(word).replace("'", "'?") for word in stem.split())
        alternatives.append(body + (r"[\w']*" if phrase.endswith("*") else ""))
    return re.compile(r"(?<![\w'])(?:" + "|".join(alternatives) + r")(?![\w'])",
                      re.IGNORECASE)


def check_text(text: str, *, part: str = "", kinds: Iterable[str] = EVERYWHERE) -> list[Flag]:
    """Flags for ``text``, in the order they appear; each phrase is flagged once."""
    plain = text.translate(_APOSTROPHES)
    found: list[tuple[int, Flag]] = []
    seen: set[tuple[str, str]] = set()
    for kind in kinds:
        for match in _pattern(kind).finditer(plain):
            phrase = " ".join(text[match.start():match.end()].split())
            key = (kind, phrase.casefold())
            if key in seen:
                continue
            seen.add(key)
            suggestion = words.STATEMENT_SUGGESTIONS[kind].format(phrase=phrase)
            found.append((match.start(), Flag(kind, phrase, part, suggestion)))
    return [flag for _start, flag in sorted(found, key=lambda pair: pair[0])]


def check(situation: str, request: str) -> list[Flag]:
    """Every flag for a statement: the situation first, then the request."""
    return (check_text(situation, part="situation", kinds=EVERYWHERE + DESCRIPTIONS)
            + check_text(request, part="request"))


def join_words(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _tidy(text: str) -> str:
    return " ".join(text.split()).rstrip(" .,;:!?")


def _situation(text: str) -> str:
    text = _tidy(text)
    if text.casefold().startswith("when "):
        text = text[5:].lstrip()
    first = text.split(" ", 1)[0]
    if first.casefold() in _LOWER_AFTER_WHEN and (len(first) == 1 or first[1:].islower()):
        text = text[0].lower() + text[1:]
    return text


def _request(text: str) -> str:
    text = _tidy(text)
    if text.casefold().startswith(_POLITE_STARTS):
        return text[0].upper() + text[1:] + "."
    if text.casefold().startswith(_QUESTION_STARTS):
        return text[0].upper() + text[1:] + "?"
    return f"Would you be willing to {text}?"


def compose(situation: str, feelings: Sequence[str], needs: Sequence[str], request: str,
            *, blanks: bool = False) -> str:
    """The whole statement in one paragraph.

    With ``blanks``, empty parts show a placeholder (for a live preview); without,
    they are left out.
    """
    parts = {"situation": _situation(situation), "feelings": join_words(feelings),
             "needs": join_words(needs), "request": _tidy(request)}
    if blanks:
        parts = {name: value or words.STATEMENT_BLANKS[name] for name, value in parts.items()}
    clauses = []
    if parts["feelings"]:
        clauses.append(f"I feel {parts['feelings']}")
    if parts["needs"]:
        clauses.append(f"I need {parts['needs']}")
    text = " because ".join(clauses)
    if parts["situation"]:
        text = f"When {parts['situation']}, {text}" if text else f"When {parts['situation']}"
    if text:
        text = text[0].upper() + text[1:] + "."
    if parts["request"]:
        text = f"{text} {_request(parts['request'])}".strip()
    return text
