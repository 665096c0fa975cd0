"""The report as a PDF (fpdf2): the same sections, pictures, sentences and numbers as the
HTML page, on A4 with page numbers.

Text is set in DejaVu Sans, which matplotlib ships, embedded in the file so accents and
Greek, Cyrillic, Hebrew and Arabic letters show on any computer. With uharfbuzz installed
the text is shaped: Arabic letters join and right-to-left words read right to left. A
character the font has no shape for (many emoji, Chinese, Japanese) is printed as a plain
box, so the file is always whole and nothing is silently lost from a sentence.
"""

from __future__ import annotations

import functools
import io
import struct
import unicodedata
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from workbook.report.content import DEMO, ChartSection, PlanSection, Report

FONT = "DejaVu"
MISSING = "\u25a1"  # a white square: the plain symbol for a character the font lacks
# Characters that only change their neighbours (joiners, variation selectors, skin tones,
# control codes) are left out when the font lacks them, rather than shown as boxes.
INVISIBLE = frozenset({"Cc", "Cf", "Mn", "Me", "Sk"})
MARGIN = 18.0
INK = (34, 34, 34)
MUTED = (100, 100, 100)
ORANGE = (213, 94, 0)
RULE = (210, 210, 210)
ROW = 8.0  # the height of one row of numbers, with its padding, in millimetres


def font_files() -> tuple[Path, Path]:
    """DejaVu Sans and DejaVu Sans Bold, from matplotlib's own fonts."""
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"


@functools.cache
def can_shape() -> bool:
    """Whether the text shaping engine (uharfbuzz) is installed."""
    try:
        import uharfbuzz  # noqa: F401
    except ImportError:
        return False
    return True


def printable(text: str, glyphs: frozenset[int]) -> str:
    """``text`` with every character the font can't draw replaced by a plain box."""
    if all(ord(c) in glyphs or c == "\n" for c in text):
        return text
    kept = []
    for c in text:
        if ord(c) in glyphs or c == "\n":
            kept.append(c)
        elif c == "\t":
            kept.append(" ")
        elif unicodedata.category(c) not in INVISIBLE:
            kept.append(MISSING)
    return "".join(kept)


class _Document(FPDF):
    """An A4 page with the report's name and the page number at the foot of every page."""

    def __init__(self, name: str) -> None:
        super().__init__(format="A4")
        self.name = name
        self.glyphs: frozenset[int] = frozenset()

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FONT, size=8.5)
        self.set_text_color(*MUTED)
        self.cell(self.epw / 2, 5, self.name, align="L")
        self.cell(self.epw / 2, 5, f"Page {self.page_no()} of {{nb}}", align="R")

    def say(self, text: str, size: float, *, bold: bool = False, height: float | None = None,
            colour: tuple[int, int, int] = INK, after: float = 0.0) -> None:
        """A paragraph of ``text`` across the page, then ``after`` millimetres of space."""
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*colour)
        self.multi_cell(0, height or size * 0.5, printable(text, self.glyphs), align="L",
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if after:
            self.ln(after)

    def height(self, text: str, size: float, line: float) -> float:
        """How tall ``text`` will be as a paragraph, without writing it."""
        self.set_font(FONT, size=size)
        return float(self.multi_cell(0, line, printable(text, self.glyphs), align="L",
                                     dry_run=True, output="HEIGHT"))

    def rows(self, rows: tuple[tuple[str, str], ...], *, numbers: bool, size: float = 10) -> None:
        """Label and value pairs as a table with thin rules between rows."""
        if not rows:
            return
        self.set_font(FONT, size=size)
        self.set_text_color(*INK)
        self.set_draw_color(*RULE)
        with self.table(col_widths=(3, 2) if numbers else (1, 3),
                        text_align=("LEFT", "RIGHT" if numbers else "LEFT"),
                        borders_layout="HORIZONTAL_LINES", first_row_as_headings=False,
                        line_height=size * 0.6, padding=(1, 0, 1, 0)) as table:
            for label, value in rows:
                row = table.row()
                row.cell(printable(label, self.glyphs))
                row.cell(printable(value, self.glyphs))
        self.ln(3)


def render(report: Report) -> bytes:
    """The whole report as the bytes of a PDF file."""
    pdf = _Document(report.title)
    regular, bold = font_files()
    pdf.add_font(FONT, "", regular)
    pdf.add_font(FONT, "B", bold)
    fonts = list(pdf.fonts.values())
    pdf.glyphs = frozenset(fonts[0].cmap).intersection(*(font.cmap for font in fonts[1:]))
    if can_shape():
        pdf.set_text_shaping(True)
    pdf.set_title(report.title)
    pdf.set_creator("Secure Base")
    pdf.set_lang("en")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()

    pdf.say(report.title, 20, bold=True, height=10, after=2)
    if report.demo:
        pdf.say(DEMO, 11, bold=True, colour=ORANGE, after=2)
    pdf.rows(report.details, numbers=False, size=10.5)
    pdf.say(report.about, 10.5, height=5.5, after=4)
    for section in report.sections:
        if isinstance(section, ChartSection):
            _chart(pdf, section)
        else:
            _plan(pdf, section)
    return bytes(pdf.output())


def _chart(pdf: _Document, section: ChartSection) -> None:
    width, height = _png_size(section.png)
    image_height = pdf.epw * height / width
    # A section starts on a new page unless all of it fits on this one; a heading always
    # stays with its chart.
    whole = (10 + image_height + 4 + pdf.height(section.sentence, 11, 5.5)
             + ROW * len(section.numbers))
    fits_a_page = whole <= pdf.eph - 4
    if pdf.will_page_break(whole if fits_a_page else 10 + image_height + 12):
        pdf.add_page()
    pdf.say(section.title, 14, bold=True, height=7, after=1)
    pdf.image(io.BytesIO(section.png), w=pdf.epw, h=image_height, alt_text=section.title)
    pdf.ln(2)
    pdf.say(section.sentence, 11, height=5.5, after=2)
    pdf.rows(section.numbers, numbers=True)
    pdf.ln(4)


def _plan(pdf: _Document, section: PlanSection) -> None:
    if pdf.will_page_break(30):
        pdf.add_page()
    pdf.say(section.title, 14, bold=True, height=7, after=1)
    for heading, answer in section.parts:
        if pdf.will_page_break(14):
            pdf.add_page()
        pdf.say(heading, 11, bold=True, height=6)
        if isinstance(answer, tuple):
            for thing in answer:
                pdf.say(f"•  {thing}", 10.5, height=5.2)
        else:
            pdf.say(answer, 10.5, height=5.2)
        pdf.ln(1.5)
    pdf.ln(4)


def _png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the PNG header."""
    width, height = struct.unpack(">II", png[16:24])
    return width, height
