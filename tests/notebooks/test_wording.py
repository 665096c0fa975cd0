"""Every notebook reads plainly, and nothing the workbook says diagnoses or promises.

Reading ease is Flesch reading ease from textstat 0.7.3 (offline; newer versions fetch
a corpus), over each notebook's markdown with the markup taken out.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
import textstat

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
PACKAGE = REPO / "workbook"
MIN_READING_EASE = 65

# Words and phrases the workbook must never say, each with the reason.
NEVER_SAY: dict[str, str] = {
    r"\byou have (an? )?(anxiety|depression|ptsd|bpd|a disorder|an attachment)": (
        "names a condition the person has: only a professional can diagnose"),
    r"\byou are (an? )?(anxious|avoidant|insecure|codependent|narcissist)\w*": (
        "labels the person with a type instead of describing what they feel"),
    r"\battachment disorder\b": "a clinical diagnosis the workbook can't make",
    r"\b(anxious|avoidant|disorgani[sz]ed) attachment style\b": (
        "sorts the person into an attachment style, which is a diagnosis in all but name"),
    r"\bdiagnos(is|e|ed) (of|with|you)\b": "says a diagnosis is made or given",
    r"\bsuffer(s|ing)? from\b": "frames feelings as an illness the person has",
    r"\bwill (fix|cure|heal|solve|save)\b": "promises an outcome no exercise can promise",
    r"\bguarantee(d|s)?\b": "promises a result",
    r"\bcure(s|d)?\b": "insecurity is not an illness to cure, and nothing here cures",
    r"\b(always|definitely|certainly) (works|helps)\b": "promises that a technique works",
    r"\bproven to\b": "claims proof the workbook can't show for one person",
    r"\b100 ?% (sure|certain|safe|effective)": "claims certainty",
    r"\bnever again\b": "promises the feeling won't come back",
    r"\bclinically\b": "claims a clinical standing the workbook does not have",
    r"\b(your|the) (boyfriend|girlfriend|husband|wife)\b": (
        "assumes a gender or a kind of relationship; say partner"),
}
# Lines that quote a banned phrase in order to warn against it, or tell what isn't so.
ALLOWED = (
    "never diagnoses", "not a diagnosis", "not a test or a diagnosis", "no diagnosis",
)


def notebook_markdown(path: Path) -> str:
    cells = json.loads(path.read_text())["cells"]
    return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def plain(markdown: str) -> str:
    """Markdown as sentences: code, links, emphasis, headings and list marks removed."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"^[ \t]{0,3}(#+|[-*+]|\d+\.)[ \t]+", "", text, flags=re.M)
    text = re.sub(r"[*_]{1,3}", "", text)
    text = text.replace("▸", " ")
    # A heading or list item without a full stop still ends a sentence.
    return "\n".join(line if re.search(r"[.!?:]$", line.strip()) or not line.strip()
                     else line.rstrip() + "." for line in text.splitlines())


def user_facing_strings() -> list[tuple[str, str]]:
    """Every string literal in workbook/ that isn't a docstring, with where it is."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text())
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
                      and node.body and isinstance(node.body[0], ast.Expr)
                      and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docstrings and " " in node.value):
                found.append((f"{path.relative_to(REPO)}:{node.lineno}", node.value))
    return found


def hits(text: str) -> list[str]:
    lowered = " ".join(text.lower().split())
    for allowed in ALLOWED:
        lowered = lowered.replace(allowed, " ")
    return [f"{pattern!r} ({reason})" for pattern, reason in NEVER_SAY.items()
            if re.search(pattern, lowered)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_each_notebook_reads_plainly(path):
    text = plain(notebook_markdown(path))
    ease = textstat.flesch_reading_ease(text)
    assert ease >= MIN_READING_EASE, f"{path.name}: Flesch reading ease {ease:.1f}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_no_notebook_diagnoses_or_promises(path):
    assert hits(notebook_markdown(path)) == []


def test_nothing_the_workbook_says_diagnoses_or_promises():
    strings = user_facing_strings()
    assert len(strings) > 300  # the scan really reads the package
    problems = [f"{where}: {found}" for where, text in strings for found in hits(text)]
    assert problems == []


@pytest.mark.parametrize("sentence", [
    "It looks like you have anxiety.", "This will fix your relationship.",
    "Results guaranteed.", "A cure for jealousy.", "Signs of an attachment disorder.",
    "Ask your boyfriend first."])
def test_the_scan_catches_what_it_is_for(sentence):
    assert hits(sentence)


def test_plain_text_keeps_the_words_and_drops_the_markup():
    assert plain("## Title\n\n- **Bold** and `code` [link](https://x.y)") == \
        "Title.\n\nBold and code link."
