"""HTML built from lists: everything typed is escaped, our own apostrophes stay as written."""

from __future__ import annotations

from workbook.widgets import blocks


def test_bullets_escape_each_item_and_say_when_there_are_none():
    assert blocks.bullets(["<b>me</b>", "a & b"], css="sb-x") == (
        "<ul class='sb-x'><li>&lt;b&gt;me&lt;/b&gt;</li><li>a &amp; b</li></ul>")
    assert blocks.bullets([], empty="—") == "<ul><li>—</li></ul>"
    assert blocks.bullets([]) == "<ul></ul>"


def test_columns_put_each_list_under_its_escaped_heading():
    shown = blocks.columns([("We <share>", ["Fun"]), ("Only mine", [])], width="14em")
    assert shown.startswith("<div style='display:flex;flex-wrap:wrap'>")
    assert shown.count("flex:1 1 14em") == 2
    assert "<b>We &lt;share&gt;</b><ul><li>Fun</li></ul>" in shown
    assert "<b>Only mine</b><ul><li>—</li></ul>" in shown


def test_a_table_escapes_headings_and_cells():
    shown = blocks.table(["When", "Note"], [("1 Jan", "<script>x</script>")], css="sb-t")
    assert shown == ("<table class='sb-t'><tr><th>When</th><th>Note</th></tr>"
                     "<tr><td>1 Jan</td><td>&lt;script&gt;x&lt;/script&gt;</td></tr></table>")


def test_a_paragraph_keeps_apostrophes_and_escapes_markup():
    assert blocks.paragraph("It can't <b>be</b>") == "<p>It can't &lt;b&gt;be&lt;/b&gt;</p>"


def test_text_as_written_keeps_its_lines_and_escapes_markup():
    shown = blocks.as_written('{\n "a": "<i>"\n}')
    assert shown.startswith("<pre ") and shown.endswith("</pre>")
    assert '{\n &quot;a&quot;: &quot;&lt;i&gt;&quot;\n}' in shown
    assert "<br>" not in shown
