"""The notebooks are kept clean and thin.

Clean: no outputs, no execution counts, no saved widget state, valid nbformat.
Nothing a person typed can end up in the repository this way.

Thin: code cells are a few lines that call into ``workbook``; all logic
(loops, branches, functions, classes) lives in the package.

That every notebook also runs is checked by nbval, which pytest runs on
``notebooks/`` (see ``testpaths`` and ``--nbval-lax`` in pyproject.toml).
"""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import pytest
from IPython.core.inputtransformer2 import TransformerManager

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))

MAX_CODE_LINES = 6
FORBIDDEN = {
    ast.For: "for",
    ast.AsyncFor: "async for",
    ast.While: "while",
    ast.If: "if",
    ast.FunctionDef: "def",
    ast.AsyncFunctionDef: "async def",
    ast.ClassDef: "class",
}

notebook_params = pytest.mark.parametrize("path", NOTEBOOKS, ids=[path.name for path in NOTEBOOKS])


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=nbformat.NO_CONVERT)


def _code_cells(nb: nbformat.NotebookNode):
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            yield index, cell


def test_start_here_exists():
    assert (NOTEBOOK_DIR / "00_start_here.ipynb").is_file()


@notebook_params
def test_valid_nbformat(path: Path):
    nb = _read(path)
    assert nb.nbformat == 4
    nbformat.validate(nb)


@notebook_params
def test_no_outputs_or_execution_counts(path: Path):
    dirty = [
        index
        for index, cell in _code_cells(_read(path))
        if cell.get("outputs") or cell.get("execution_count") is not None
    ]
    assert not dirty, f"{path.name}: cells {dirty} have outputs or execution counts"


@notebook_params
def test_no_saved_widget_state(path: Path):
    nb = _read(path)
    assert "widgets" not in nb.metadata, f"{path.name} stores widget state in its metadata"


@notebook_params
def test_code_cells_are_thin(path: Path):
    problems = []
    for index, cell in _code_cells(_read(path)):
        lines = [
            line
            for line in cell.source.splitlines()
            if line.strip() and not line.strip().startswith("# NBVAL_")
        ]
        if len(lines) > MAX_CODE_LINES:
            problems.append(f"cell {index}: {len(lines)} lines (at most {MAX_CODE_LINES})")
        try:
            tree = ast.parse(TransformerManager().transform_cell(cell.source))
        except SyntaxError as error:
            problems.append(f"cell {index}: does not parse ({error.msg})")
            continue
        for node in ast.walk(tree):
            keyword = FORBIDDEN.get(type(node))
            if keyword:
                problems.append(
                    f"cell {index}, line {node.lineno}: '{keyword}' belongs in workbook/"
                )
    assert not problems, f"{path.name} is not thin:\n" + "\n".join(problems)
