"""Isolation for the whole test session.

Everything a test, a kernel or a Jupyter server might write goes to one
temporary directory that is removed at the end. This is done in
``pytest_configure`` (not in a fixture) so it already holds when nbval starts
its first kernel: kernels and servers inherit ``os.environ``.

HOME and the XDG directories are redirected too, so anything that falls back
to them (platformdirs, Jupyter, IPython, matplotlib, Chromium) cannot touch the
real ~/.jupyter or the real journal in the user data directory.

Run in parallel (``pytest -n auto``, as ``make test`` does), every pytest-xdist
worker gets a directory of its own inside the main process's, with its own
journal, so workers never share a HOME, a Jupyter runtime dir or a journal; the
main process removes the whole tree at the end, even after a worker crashed.
Notebook cells run in order on one kernel, so the cells of one notebook stay on
one worker, and so do the tests of one browser test file (see `work_group`).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

# Environment variable -> sub-directory of the session directory.
_DIRS = {
    "HOME": "home",
    "XDG_CONFIG_HOME": "home/.config",
    "XDG_DATA_HOME": "home/.local/share",
    "XDG_CACHE_HOME": "home/.cache",
    "XDG_STATE_HOME": "home/.local/state",
    "JUPYTER_CONFIG_DIR": "jupyter/config",
    "JUPYTER_DATA_DIR": "jupyter/data",
    "JUPYTER_RUNTIME_DIR": "jupyter/runtime",
    "JUPYTERLAB_SETTINGS_DIR": "jupyter/lab/user-settings",
    "JUPYTERLAB_WORKSPACES_DIR": "jupyter/lab/workspaces",
    "IPYTHONDIR": "ipython",
    "MPLCONFIGDIR": "matplotlib",
}
if sys.platform == "win32":
    _DIRS |= {
        "USERPROFILE": "home",
        "APPDATA": "home/AppData/Roaming",
        "LOCALAPPDATA": "home/AppData/Local",
    }

# Where the app keeps journal.sqlite3. Left for the app to create, so the
# code that creates it (with private permissions) runs under test too.
_STORE_DIR = "secure-base-home"

# Variables that would point Jupyter somewhere else again.
_UNSET = ("JUPYTER_PATH", "JUPYTER_PLATFORM_DIRS", "JUPYTER_NO_CONFIG")

# Set by the main process to its session directory; workers make theirs inside it.
SESSION_VARIABLE = "SECURE_BASE_TEST_SESSION"
# Distribution modes that keep a notebook's cells together on one worker.
_GROUPING_MODES = {"loadgroup", "loadfile", "loadscope"}
# Browser test files whose tests all open pages of one app started once (`shared_app`).
SHARED_APP_FILES = {"test_app_door.py", "test_app_pages.py"}

_saved_env: dict[str, str | None] = {}
_session_dir: Path | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _session_dir
    if _session_dir is not None:
        return
    _check_distribution(config)
    worker = getattr(config, "workerinput", {}).get("workerid")
    parent = os.environ.get(SESSION_VARIABLE) if worker else None
    if parent:
        _session_dir = Path(tempfile.mkdtemp(prefix=f"{worker}-", dir=parent)).resolve()
    else:
        _session_dir = Path(tempfile.mkdtemp(prefix="secure-base-tests-")).resolve()
        _set_env(SESSION_VARIABLE, str(_session_dir))

    for key, sub in _DIRS.items():
        path = _session_dir / sub
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        _set_env(key, str(path))
    _set_env("SECURE_BASE_HOME", str(_session_dir / _STORE_DIR))
    for key in _UNSET:
        _set_env(key, None)

    _check_isolated(_session_dir)


def _check_distribution(config: pytest.Config) -> None:
    dist = getattr(config.option, "dist", "no")
    if getattr(config.option, "numprocesses", None) and dist not in _GROUPING_MODES:
        raise pytest.UsageError(
            f"--dist {dist} would spread one notebook's cells over several workers, but they "
            "run in order on one kernel: use --dist loadgroup (as make test does)."
        )


def pytest_report_header(config: pytest.Config) -> str:
    return f"isolated session dir: {_session_dir}"


def pytest_unconfigure(config: pytest.Config) -> None:
    global _session_dir
    for key, value in _saved_env.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    _saved_env.clear()
    if _session_dir is not None:
        shutil.rmtree(_session_dir, ignore_errors=True)
        _session_dir = None


def _set_env(key: str, value: str | None) -> None:
    _saved_env.setdefault(key, os.environ.get(key))
    if value is None:
        os.environ.pop(key, None)
    else:
        os.environ[key] = value


def _check_isolated(root: Path) -> None:
    """Stop the run before any test if a real user directory is still in use."""
    import platformdirs
    from jupyter_core import paths

    resolved = {
        "home": Path.home(),
        "jupyter config dir": paths.jupyter_config_dir(),
        "jupyter data dir": paths.jupyter_data_dir(),
        "jupyter runtime dir": paths.jupyter_runtime_dir(),
        "user data dir": platformdirs.user_data_dir("secure-base"),
        "user config dir": platformdirs.user_config_dir("secure-base"),
    }
    for name, value in resolved.items():
        path = Path(value).resolve()
        if not path.is_relative_to(root):
            raise pytest.UsageError(f"test isolation failed: {name} is {path}, outside {root}")


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """``--dist loadgroup`` that keeps each notebook's cells and all browser tests together.

    pytest-xdist groups by an ``xdist_group`` mark written into each test's id,
    which pytest 9 no longer lets it change; the groups are read from the ids instead.
    """
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class Scheduling(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_group(nodeid) or super()._split_scope(nodeid)

    return Scheduling(config, log)


def work_group(nodeid: str) -> str | None:
    """What must run on one worker with ``nodeid``, or None when it can go anywhere.

    Browser tests go file by file, so each file's Chromium (one per module) and
    servers serve all of its tests, while the other workers take other files or
    the quick tests; the files that share one app (`shared_app`) go together, so
    it starts once. The tests of ``make lab`` and ``make app`` share one worker
    too: without a .venv, each would start making it.
    """
    path = Path(nodeid.split("::", 1)[0])
    if path.suffix == ".ipynb":
        return f"notebook {path}"
    if path.parts[:2] == ("tests", "browser"):
        return "browser: shared app" if path.name in SHARED_APP_FILES else f"browser: {path}"
    if path.name.startswith("test_make_"):
        return "make targets"
    return None


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto``: one worker per core this process may use (its share, not the whole host)."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # pytest-xdist reads it
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return None
