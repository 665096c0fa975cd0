"""Notebook 08 runs cleanly against a populated journal and draws every chart.

nbval runs it against the empty test journal; this runs it, with nbclient, against a
journal with several weeks of entries, the way a person would see it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from workbook.models import CheckIn, InsecuritySnapshot
from workbook.store import HOME_VARIABLE, Store

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "08_progress_and_trends.ipynb"
CANARY = "canary-7f3a9c"
CHART_COUNT = 9  # including "What lifts my mood"


@pytest.fixture
def populated_home(tmp_path: Path) -> Path:
    home = tmp_path / "journal"
    with Store(home / "journal.sqlite3") as store:
        today = dt.date.today()
        for days_ago in range(1, 75):
            at = dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(9))
            store.add(CheckIn(mood=3 + days_ago % 6, insecurity=days_ago % 9, note=CANARY),
                      at=at.astimezone())
            if days_ago % 7 == 0:
                store.add(InsecuritySnapshot(answers=(1, 2, 1, 2, 1, 2), note=CANARY),
                          at=at.astimezone())
    return home


def _chart_outputs(nb: nbformat.NotebookNode) -> list[dict]:
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    return [output for model in state.values() if model.get("model_name") == "OutputModel"
            for output in model["state"].get("outputs", [])]


@pytest.mark.slow
def test_notebook_08_runs_with_a_populated_journal(populated_home: Path, tmp_path: Path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    env = {**os.environ, HOME_VARIABLE: str(populated_home)}
    client = NotebookClient(nb, timeout=240, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute(env=env)
    errors = [output for cell in nb.cells if cell.cell_type == "code"
              for output in cell.outputs if output.output_type == "error"]
    assert not errors
    # Every chart was drawn in the kernel, into the chart area's Output widget.
    outputs = _chart_outputs(nb)
    assert sum("<img class='sb-chart'" in o["data"].get("text/html", "")
               for o in outputs) == CHART_COUNT
    sentences = " ".join(o["data"].get("text/html", "") for o in outputs)
    assert "Your average mood over the last 30 days was" in sentences  # the journal was read
    # Cell outputs themselves carry nothing from the journal.
    cell_outputs = json.dumps([cell.outputs for cell in nb.cells if cell.cell_type == "code"])
    assert CANARY not in cell_outputs
    assert "Progress and trends (Secure Base)" in cell_outputs


@pytest.mark.slow
def test_nbval_passes_on_notebook_08_with_a_populated_journal(populated_home: Path):
    import subprocess
    import sys

    env = {**os.environ, HOME_VARIABLE: str(populated_home)}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax",
         "-o", "addopts=", "--rootdir", str(populated_home),
         # Stop above notebooks/: the session conftest would point the kernel at an
         # empty journal again.
         "--confcutdir", str(NOTEBOOK.parent), str(NOTEBOOK)],
        env=env, cwd=populated_home, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]
    assert " passed" in result.stdout and "failed" not in result.stdout
