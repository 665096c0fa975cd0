"""Small pieces of HTML. Anything a person typed goes through `text` first."""

from __future__ import annotations

import html
from collections.abc import Iterable

TONES = {
    "ok": ("#1b5e20", "✓ "),
    "error": ("#9b1c1c", ""),
    "info": ("#37474f", ""),
    "care": ("#4a148c", ""),
}


def text(value: str) -> str:
    """Escape typed text for HTML, keeping line breaks."""
    return html.escape(value).replace("\r\n", "\n").replace("\n", "<br>")


def attribute(value: str) -> str:
    """Escape text for a quoted HTML attribute, on one line."""
    return html.escape(" ".join(value.split()), quote=True)


def message(words: str, tone: str = "info") -> str:
    """A one-line message in the workbook's voice; ``words`` must already be safe."""
    colour, mark = TONES[tone]
    role = ' role="alert"' if tone == "error" else ""
    return f'<div class="sb-message sb-{tone}" style="color:{colour}"{role}>{mark}{words}</div>'


def problem(error: object) -> str:
    """A store error's message (``error.message``, plain text) as an error line."""
    return message(text(getattr(error, "message", str(error))), "error")


# Dark amber with white text: a contrast ratio above 4.5:1, unlike the stock warning style.
WARNING_BUTTON = {"button_color": "#8a4b00", "text_color": "white"}


def heading(words: str) -> str:
    return f"<h4 style='margin:0.4em 0'>{html.escape(words)}</h4>"


def marked(value: str, spans: Iterable[tuple[int, int]]) -> str:
    """Typed text, escaped like `text`, with the (start, end) spans in <mark>."""
    parts, at = [], 0
    for start, end in sorted(spans):
        start = max(start, at)
        if end <= start:
            continue
        parts += [text(value[at:start]), "<mark>", text(value[start:end]), "</mark>"]
        at = end
    parts.append(text(value[at:]))
    return "".join(parts)
