"""What the safety check and "Need help now?" say around the help lines they show."""

from __future__ import annotations

# What the safety check's answers mean, by outcome: (words, tone of the message).
SAFETY_OUTCOMES: dict[str, tuple[str, str]] = {
    "urgent": (
        "Thank you for answering this. You deserve support right now, not after more "
        "exercises. Please reach out to one of these lines today; talking to someone can "
        "make the next hour easier.", "care"),
    "unsafe": (
        "What you describe may be more than ordinary insecurity. Fear, control and harm are "
        "never your fault, and you deserve to feel safe. The people below can talk it "
        "through in confidence. Some exercises here, such as raising a hard topic with your "
        "partner, may not be safe right now: skip anything that could put you at risk, and "
        "keep this workbook where only you can see it.", "care"),
    "ok": (
        "Thank you. It sounds like the worries you bring are about closeness and trust, "
        "which is exactly what this workbook is for. If that ever changes, this check is "
        "here, and so is the list below.", "ok"),
}

HELP_NOW = "Need help now?"
HELP_NOW_HIDE = "Hide support lines"
HELP_NOW_INTRO = "You are not alone. These people are there to listen, in confidence."
