"""One valid entry of every kind, and a way to put any text into its free-text answers.

Tests that must cover every kind (round trips, leaks) start from these. A test
fails when a kind has no example here, so a new kind can't slip past them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from workbook.models import KINDS, Entry, EntryInvalid
from workbook.models.checkin import CheckIn, InsecuritySnapshot
from workbook.models.communication import (
    ClearStatement,
    ConversationPlan,
    ConversationReflection,
)
from workbook.models.positive import Gratitude, PositiveTally, SavouredMemory, SharedWin
from workbook.models.professional_help import (
    SessionPrep,
    SupportReflection,
    TherapistCandidate,
    TherapyStatement,
)
from workbook.models.reframe import QuickThoughtCheck, ThoughtRecord
from workbook.models.safety_plan import PartnerSafetyPlan, SafetyPlan
from workbook.models.self_compassion import (
    ForgivingAMistake,
    InnerCriticRewrite,
    SelfCompassionBreak,
    SelfCompassionLetter,
    TreatAFriend,
)
from workbook.models.values import GoalProgress, LivingValues, SharedGoal, ValuesSort
from workbook.models.vulnerability import (
    CopingPlan,
    SharedVulnerability,
    TriggerLog,
    TriggerRoots,
)

EXAMPLES: dict[str, Entry] = {
    CheckIn.KIND: CheckIn(mood=6, insecurity=4, emotions=("calm",), note="n"),
    InsecuritySnapshot.KIND: InsecuritySnapshot(answers=(1, 2, 3, 0, 4, 2), note="n"),
    SupportReflection.KIND: SupportReflection(signs=("weeks",), note="n"),
    TherapistCandidate.KIND: TherapistCandidate(name="n", experience="n", fit=4),
    ClearStatement.KIND: ClearStatement(situation="n", feelings=("worried",),
                                        needs=("reassurance",), request="n"),
    ConversationPlan.KIND: ConversationPlan(topic="n", time_and_place="n", goal="n",
                                            listen_for="n", compromises="n", if_flooded="n",
                                            break_minutes=20, coming_back="n"),
    ConversationReflection.KIND: ConversationReflection(topic="n", how_it_went=4,
                                                        partner_view="n", agreed="n",
                                                        differently="n"),
    Gratitude.KIND: Gratitude(items=("n", "m"), told=(True, False)),
    SharedWin.KIND: SharedWin(win="n", celebrated="n"),
    SavouredMemory.KIND: SavouredMemory(memory="n", senses="n", warmth=8, where_when="n",
                                        feeling="n", meaning="n"),
    PositiveTally.KIND: PositiveTally(week_of=dt.date(2026, 1, 5), positives=10, negatives=2,
                                      note="n"),
    TriggerLog.KIND: TriggerLog(situation="n", trigger="n", fears=("being_left", "other"),
                                fear_other="n", feelings=("anxious",), intensities=(70,),
                                what_i_did="n", body=("shaky",), urges=("withdraw",),
                                urge_note="n", what_helped="n"),
    TriggerRoots.KIND: TriggerRoots(trigger="n", earlier="n", then="n", now="n",
                                    kind_words="n"),
    CopingPlan.KIND: CopingPlan(whens=("n",), wills=("n",)),
    TherapyStatement.KIND: TherapyStatement(situation="n", feelings=("scared",),
                                            needs=("closeness",), request="n"),
    SessionPrep.KIND: SessionPrep(topics="n", hopes="n", questions="n"),
    SharedVulnerability.KIND: SharedVulnerability(situation="n", feelings=("scared",),
                                                  needs=("closeness",), request="n",
                                                  to_know="n", hope="n"),
    SelfCompassionBreak.KIND: SelfCompassionBreak(distress_before=7, noticing="n",
                                                  common_humanity="n", kindness="n",
                                                  distress_after=4),
    TreatAFriend.KIND: TreatAFriend(to_a_friend="n", to_myself="n", kinder_to_myself="n"),
    InnerCriticRewrite.KIND: InnerCriticRewrite(critic_says="n", feelings=("sad",),
                                                rewrite="n"),
    SelfCompassionLetter.KIND: SelfCompassionLetter(letter="n", reread_on=dt.date.today()),
    ForgivingAMistake.KIND: ForgivingAMistake(what_happened="n", what_i_learned="n",
                                              next_time="n"),
    ThoughtRecord.KIND: ThoughtRecord(situation="n", situation_kind="time_apart",
                                      emotions=("anxious",), intensity_before=(80,),
                                      automatic_thought="n", belief_before=90,
                                      traps=("mind_reading",), evidence_for="n",
                                      evidence_against="n", friend_view="n",
                                      balanced_thought="n", belief_after=40,
                                      intensity_after=(30,)),
    QuickThoughtCheck.KIND: QuickThoughtCheck(thought="n", trap="labelling", alternative="n"),
    ValuesSort.KIND: ValuesSort(very_important=("trust", "fun"), important=("calm",),
                                top_five=("trust", "calm")),
    LivingValues.KIND: LivingValues(values=("trust", "calm"), importance=(9, 6),
                                    consistency=(4, 6), note="n"),
    SharedGoal.KIND: SharedGoal(goal="n", value="fun", first_step="n",
                                target_date=dt.date(2026, 6, 1)),
    GoalProgress.KIND: GoalProgress(goal_id=1, progress=40, note="n"),
    SafetyPlan.KIND: SafetyPlan(warning_signs="n", on_my_own="n", distractions="n", people="n",
                                professionals="n", safer_surroundings="n", reasons="n",
                                in_report=True),
    PartnerSafetyPlan.KIND: PartnerSafetyPlan(safe_people="n", safe_places="n",
                                              go_bag=("keys", "medicines"), bag_kept_where="n",
                                              code_word="n", help_lines="n", other_steps="n"),
}


def missing_kinds() -> set[str]:
    return set(KINDS) - set(EXAMPLES)


def text_fields(entry: Entry) -> list[str]:
    """The fields that take free text (a choice stored as text is left out)."""
    names = []
    for field in dataclasses.fields(entry):
        value = getattr(entry, field.name)
        if isinstance(value, str):
            try:
                dataclasses.replace(entry, **{field.name: value + " free words"})
            except EntryInvalid:
                continue
            names.append(field.name)
        elif isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
            try:
                dataclasses.replace(entry, **{field.name: (*value[:-1], "free words")})
            except EntryInvalid:
                continue
            names.append(field.name)
    return names


def with_text(entry: Entry, text: str) -> Entry:
    """``entry`` with ``text`` in every free-text answer that accepts it."""
    for name in text_fields(entry):
        value = getattr(entry, name)
        new = (*value[:-1], text) if isinstance(value, tuple) else text
        try:
            entry = dataclasses.replace(entry, **{name: new})
        except EntryInvalid:
            continue  # e.g. a required answer that can't be empty
    return entry


