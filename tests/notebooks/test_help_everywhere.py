"""Support is one click away in every notebook: the first cell is 'Need help now?'."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_the_first_cell_offers_help(path):
    first = nbformat.read(path, as_version=4).cells[0]
    assert first.cell_type == "code"
    assert "need_help()" in first.source


def test_every_strategy_notebook_exists():
    names = {p.stem for p in NOTEBOOKS}
    assert names >= {"00_start_here", "01_open_communication", "02_focus_on_the_positive",
                     "03_embrace_your_vulnerabilities", "04_practice_self_compassion",
                     "05_reframe_negative_thoughts", "06_connect_with_your_values",
                     "07_seek_professional_help", "08_progress_and_trends", "09_my_journal"}
