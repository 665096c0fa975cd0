"""Charts shown in an Output widget: each an <img> whose alt text names it, then its sentence.

A bare PNG output has no alt text; an <img> lets a screen reader say what the picture is.
The outputs are set on the widget directly, never sent as cell output, so no chart or
number can end up saved inside the notebook file.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from workbook.widgets import html

if TYPE_CHECKING:
    from workbook.charts import Drawn

CHART_MARK = "<img class='sb-chart'"


def chart_outputs(drawn: Iterable[Drawn]) -> tuple[dict[str, Any], ...]:
    """The outputs that show ``drawn``: a picture and its sentence for each chart, or a
    line saying it could not be drawn."""
    outputs = []
    for one in drawn:
        if one.png is None or one.summary is None:
            outputs.append(_html(html.message(
                f"The chart “{html.text(one.chart.title)}” could not be drawn.", "error")))
            continue
        outputs.append(_image(one.png, f"Chart: {one.chart.title}"))
        outputs.append(_html(f"<p class='sb-summary'>{html.text(one.summary)}</p>"))
    return tuple(outputs)


def chart_note(words: str) -> dict[str, Any]:
    """An output holding one line of ``words`` (plain text) among the charts."""
    return _html(html.message(html.text(words), "info"))


def _image(png: bytes, words: str) -> dict[str, Any]:
    source = base64.b64encode(png).decode("ascii")
    markup = (f"{CHART_MARK} alt='{html.attribute(words)}' "
              f"src='data:image/png;base64,{source}' style='max-width:100%'>")
    return {"output_type": "display_data",
            "data": {"text/html": markup, "text/plain": f"<chart: {words}>"},
            "metadata": {}}


def _html(markup: str) -> dict[str, Any]:
    return {"output_type": "display_data",
            "data": {"text/html": markup, "text/plain": ""}, "metadata": {}}
