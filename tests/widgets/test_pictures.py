"""Charts in the chart area: a picture named for screen readers, its sentence, or a failure."""

from __future__ import annotations

from workbook import charts
from workbook.charts import Drawn
from workbook.widgets.pictures import chart_outputs


def test_a_drawn_chart_is_an_image_with_alt_text_then_its_escaped_sentence():
    mood = charts.by_key("mood")
    picture, sentence = chart_outputs([Drawn(mood, b"\x89PNG", "Up from <4>.")])
    markup = picture["data"]["text/html"]
    assert markup.startswith("<img class='sb-chart' alt='Chart: ")
    assert "src='data:image/png;base64,iVBORw==" in markup
    assert picture["data"]["text/plain"] == f"<chart: Chart: {mood.title}>"
    assert sentence["data"]["text/html"] == "<p class='sb-summary'>Up from &lt;4&gt;.</p>"


def test_a_chart_that_failed_says_so_in_its_place():
    [failed] = chart_outputs([Drawn(charts.by_key("streak"), None, None)])
    assert "could not be drawn" in failed["data"]["text/html"]
    assert "sb-chart" not in failed["data"]["text/html"]
