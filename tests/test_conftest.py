"""The session isolation in the root conftest.py holds when tests run in parallel.

A small suite (the real root conftest.py, a few tests, a notebook) runs in a
child pytest with two pytest-xdist workers. Its HOME and temporary folder are
fresh empty folders here, so anything written outside the session's own
directory is seen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[1]

# Each test and each notebook cell records where it would write, and on which worker.
RECORD = """
import json, os, uuid
from pathlib import Path
NAMES = ("HOME", "SECURE_BASE_HOME", "JUPYTER_RUNTIME_DIR", "JUPYTER_DATA_DIR", "IPYTHONDIR",
         "SECURE_BASE_TEST_SESSION", "PYTEST_XDIST_WORKER")
out = Path(os.environ["RECORD_DIR"]) / f"{uuid.uuid4().hex}.json"
out.write_text(json.dumps({"where": WHERE, **{name: os.environ.get(name) for name in NAMES}}))
"""


def _tests(kind: str, count: int) -> str:
    body = "\n".join("    " + line for line in RECORD.strip().splitlines())
    return (f"import pytest\n\n@pytest.mark.parametrize('n', range({count}))\n"
            f"def test_{kind}(n):\n    WHERE = f'{kind}-{{n}}'\n{body}\n")


def _notebook(path: Path, cells: int) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(f"WHERE = 'cell-{i}'\n{RECORD}") for i in range(cells)]
    nbformat.write(nb, path)


@pytest.mark.slow
def test_every_worker_has_its_own_home_and_journal_and_all_is_removed(tmp_path):
    project = tmp_path / "project"
    (project / "tests" / "browser").mkdir(parents=True)
    (project / "conftest.py").write_text((REPO / "conftest.py").read_text())
    (project / "pytest.ini").write_text(
        "[pytest]\naddopts = -p no:cacheprovider --nbval-lax --dist loadgroup\n"
    )
    (project / "tests" / "test_unit.py").write_text(_tests("unit", 6))
    # Two files: each file's browser tests stay together (its Chromium serves them all).
    (project / "tests" / "browser" / "test_one.py").write_text(_tests("browser_one", 2))
    (project / "tests" / "browser" / "test_two.py").write_text(_tests("browser_two", 2))
    _notebook(project / "tests" / "cells.ipynb", cells=4)

    records, home, temp = tmp_path / "records", tmp_path / "home", tmp_path / "tmp"
    for folder in (records, home, temp):
        folder.mkdir()
    env = {
        key: value for key, value in os.environ.items()
        if not key.startswith(("XDG_", "JUPYTER", "IPYTHON", "MPL", "SECURE_BASE", "PYTEST_"))
    }  # fmt: skip
    env |= {"HOME": str(home), "TMPDIR": str(temp), "RECORD_DIR": str(records)}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "-q", "--basetemp", str(tmp_path / "base")],
        cwd=project, env=env, capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    seen = [json.loads(path.read_text()) for path in records.iterdir()]
    assert len(seen) == 6 + 4 + 4
    workers = {record["PYTEST_XDIST_WORKER"] for record in seen}
    assert workers == {"gw0", "gw1"}, "the tests ran on two workers"
    (main_session,) = {record["SECURE_BASE_TEST_SESSION"] for record in seen}
    assert Path(main_session).parent == temp

    # Each worker has one session directory, inside the main one, not shared.
    by_worker: dict[str, set[tuple[str, ...]]] = {}
    for record in seen:
        dirs = tuple(record[name] for name in ("HOME", "SECURE_BASE_HOME", "JUPYTER_RUNTIME_DIR",
                                                "JUPYTER_DATA_DIR", "IPYTHONDIR"))
        by_worker.setdefault(record["PYTEST_XDIST_WORKER"], set()).add(dirs)
        for path in dirs:
            assert Path(path).is_relative_to(main_session), (path, main_session)
            assert Path(path).relative_to(main_session).parts[0].startswith(
                record["PYTEST_XDIST_WORKER"] + "-")
    assert all(len(dirs) == 1 for dirs in by_worker.values()), by_worker
    assert by_worker["gw0"].isdisjoint(by_worker["gw1"])

    # A notebook's cells ran on one worker (one kernel), a browser file's tests on one.
    def worker_of(prefix: str) -> set[str]:
        return {r["PYTEST_XDIST_WORKER"] for r in seen if r["where"].startswith(prefix)}

    assert len(worker_of("cell-")) == 1
    assert len(worker_of("browser_one-")) == len(worker_of("browser_two-")) == 1

    # Nothing was written to HOME, and the session directories are gone.
    assert list(home.iterdir()) == []
    assert list(temp.iterdir()) == []


def _root_conftest():
    import importlib.util

    spec = importlib.util.spec_from_file_location("root_conftest", REPO / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_what_must_share_a_worker():
    group = _root_conftest().work_group
    assert group("notebooks/00_start_here.ipynb::Cell 3") == group(
        "notebooks/00_start_here.ipynb::Cell 0") != group("notebooks/home.ipynb::Cell 0")
    assert group("tests/browser/test_lab.py::test_a") == group(
        "tests/browser/test_lab.py::test_b[x]") != group("tests/browser/test_voila.py::test_a")
    # The pages of the app started once for several files go together.
    assert group("tests/browser/test_app_door.py::test_a[x]") == group(
        "tests/browser/test_app_pages.py::test_b")
    # Without a .venv, `make lab` and `make app` would both start building it.
    assert group("tests/test_make_app.py::test_a") == group("tests/test_make_lab.py::test_b")
    assert group("tests/test_store.py::test_a") is None
    assert group("tests/widgets/test_form.py::test_a[browser]") is None
