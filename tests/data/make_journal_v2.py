"""Made with the version before pick keys (commit 3bb3657): a journal holding every
pick as its words. Kept for the record; it only runs against that earlier version."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from examples import EXAMPLES

from workbook import words
from workbook.store import Store

PICKS = {
    "checkin": {"emotions": "EMOTIONS"},
    "inner_critic_rewrite": {"feelings": "EMOTIONS"},
    "thought_record": {"emotions": "EMOTIONS", "situation_kind": "THOUGHT_SITUATIONS",
                       "traps": "THINKING_TRAPS"},
    "quick_thought_check": {"trap": "THINKING_TRAPS"},
    "clear_statement": {"feelings": "STATEMENT_FEELINGS", "needs": "STATEMENT_NEEDS"},
    "therapy_statement": {"feelings": "STATEMENT_FEELINGS", "needs": "STATEMENT_NEEDS"},
    "shared_vulnerability": {"feelings": "STATEMENT_FEELINGS", "needs": "STATEMENT_NEEDS"},
    "trigger_log": {"fears": "TRIGGER_FEARS", "feelings": "TRIGGER_FEELINGS",
                    "body": "TRIGGER_BODY_SIGNALS", "urges": "TRIGGER_URGES"},
    "therapist_candidate": {"licensed": "THERAPIST_YES_NO_UNSURE", "format": "THERAPIST_FORMATS"},
    "support_reflection": {"signs": "SUPPORT_SIGNS"},
    "living_values": {"values": "VALUE_CARDS"},
    "shared_goal": {"value": "VALUE_CARDS"},
}
out = Path(sys.argv[1])
out.unlink(missing_ok=True)
store = Store(out)
assert store.version == 2, store.version
count = 0
for kind, example in EXAMPLES.items():
    store.add(example)
    count += 1
    for field, list_name in PICKS.get(kind, {}).items():
        for value in list(getattr(words, list_name)):
            current = getattr(example, field)
            new = (value,) if isinstance(current, tuple) else value
            extra = ({"importance": (9,), "consistency": (4,)} if kind == "living_values"
                     else {})
            entry = dataclasses.replace(example, **{field: new}, **extra)
            store.add(entry)
            count += 1
store.close()
print(count, "entries")
