"""Isolation for the whole test session.

Everything a test, a kernel or a Jupyter server might write goes to one
temporary directory that is removed at the end. This is done in
``pytest_configure`` (not in a fixture) so it already holds when nbval starts
its first kernel: kernels and servers inherit ``os.environ``.

HOME and the XDG directories are redirected too, so anything that falls back
to them (platformdirs, Jupyter, IPython, matplotlib, Chromium) cannot touch the
real ~/.jupyter or the real journal in the user data directory.
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

_saved_env: dict[str, str | None] = {}
_session_dir: Path | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _session_dir
    if _session_dir is not None:
        return
    _session_dir = Path(tempfile.mkdtemp(prefix="secure-base-tests-")).resolve()

    for key, sub in _DIRS.items():
        path = _session_dir / sub
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        _set_env(key, str(path))
    _set_env("SECURE_BASE_HOME", str(_session_dir / _STORE_DIR))
    for key in _UNSET:
        _set_env(key, None)

    _check_isolated(_session_dir)


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
