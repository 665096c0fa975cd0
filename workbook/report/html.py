"""The report as one self-contained HTML page (images inside); every piece of text escaped."""

from __future__ import annotations

import base64

from workbook.plan_cards import card
from workbook.report.content import DEMO, ChartSection, Report
from workbook.widgets.html import text as escape

STYLE = ("body{font-family:system-ui,sans-serif;max-width:52em;margin:2em auto;"
         "padding:0 1em;color:#222;line-height:1.45}img{max-width:100%}"
         "table{border-collapse:collapse;margin:.5em 0 2em}td{border-bottom:1px solid #ddd;"
         "padding:.2em 1em .2em 0}td.n{text-align:right}section{page-break-inside:avoid}"
         ".demo{color:#D55E00;font-weight:bold}")


def render(report: Report) -> str:
    """The whole report as one HTML page."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(report.title)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{escape(report.title)}</h1>",
    ]
    if report.demo:
        parts.append(f'<p class="demo">{escape(DEMO)}</p>')
    parts.append(_table(report.details))
    parts.append(f"<p>{escape(report.about)}</p>")
    for section in report.sections:
        if not isinstance(section, ChartSection):
            parts.append(f"<section>{card(section.title, section.parts)}</section>")
            continue
        image = base64.b64encode(section.png).decode("ascii")
        parts += [
            "<section>",
            f"<h2>{escape(section.title)}</h2>",
            f'<img src="data:image/png;base64,{image}" alt="{escape(section.title)}">',
            f"<p>{escape(section.sentence)}</p>",
            _table(section.numbers),
            "</section>",
        ]
    parts.append("</body></html>")
    return "\n".join(parts)


def _table(rows: tuple[tuple[str, str], ...]) -> str:
    cells = "".join(f"<tr><td>{escape(label)}</td><td class='n'>{escape(value)}</td>"
                    "</tr>" for label, value in rows)
    return f"<table>{cells}</table>"
