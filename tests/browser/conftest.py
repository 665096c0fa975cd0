"""Fixtures for driving a real JupyterLab in headless Chromium.

Each test gets its own JupyterLab server that serves a copy of notebooks/,
with its own Jupyter directories and its own empty journal (SECURE_BASE_HOME).
Chromium is the system one; Playwright never downloads a browser here.

Helpers are fixtures that return plain functions, so tests call them as
``open_notebook(page, "00_start_here.ipynb")`` without importing anything.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = REPO / "notebooks"

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# JupyterLab settings forced for every test server: no news requests, no
# update checks, and no autosave (the test decides when the notebook is saved).
LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
}

SERVER_START_TIMEOUT = 60.0
KERNEL_TIMEOUT_MS = 60_000
# The kernel status item in the status bar, e.g. "Python 3 (ipykernel) | Idle".
# It only reads like this once a kernel really exists.
KERNEL_IDLE_TEXT = re.compile(r"\(ipykernel\) \| Idle")


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    fallback = Path("/usr/bin/chromium")
    return str(fallback) if fallback.exists() else None


def _missing(reason: str) -> None:
    """Skip on a developer machine; fail in CI, where a skip would hide a gap."""
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"{reason} (CI is set, so this is an error, not a skip)")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LabServer:
    url: str
    token: str
    root_dir: Path
    store_home: Path
    log_path: Path
    process: subprocess.Popen = field(repr=False)

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return "(no server log)"


def _wait_for_server(server: LabServer) -> None:
    status_url = f"{server.url}/api/status?token={server.token}"
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"JupyterLab exited with {server.process.returncode}:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(status_url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    pytest.fail(
        f"JupyterLab did not answer within {SERVER_START_TIMEOUT:.0f} s:\n{server.log_tail()}"
    )


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture
def lab_server(tmp_path: Path) -> Iterator[LabServer]:
    """A JupyterLab server on a free local port, serving a copy of notebooks/."""
    root_dir = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOK_DIR, root_dir, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))

    jupyter = tmp_path / "jupyter"
    env = os.environ.copy()
    for key, sub in {
        "JUPYTER_CONFIG_DIR": "config",
        "JUPYTER_DATA_DIR": "data",
        "JUPYTER_RUNTIME_DIR": "runtime",
        "JUPYTERLAB_SETTINGS_DIR": "lab/user-settings",
        "JUPYTERLAB_WORKSPACES_DIR": "lab/workspaces",
    }.items():
        path = jupyter / sub
        path.mkdir(parents=True, exist_ok=True)
        env[key] = str(path)

    # JupyterLab reads overrides.json from its app settings dir, which is
    # <sys.prefix>/share/jupyter/lab/settings by default. Point it at a
    # temporary dir instead of writing into the environment.
    app_settings_dir = jupyter / "lab/app-settings"
    app_settings_dir.mkdir(parents=True)
    (app_settings_dir / "overrides.json").write_text(json.dumps(LAB_OVERRIDES, indent=2))

    store_home = tmp_path / "secure-base-home"
    env["SECURE_BASE_HOME"] = str(store_home)

    port = _free_port()
    token = secrets.token_hex(16)
    command = [
        sys.executable, "-m", "jupyter", "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root_dir}",
        "--LabApp.expose_app_in_browser=True",
        f"--LabApp.app_settings_dir={app_settings_dir}",
    ]  # fmt: skip
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")

    log_path = tmp_path / "jupyterlab.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command,
            cwd=root_dir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = LabServer(
        url=f"http://127.0.0.1:{port}",
        token=token,
        root_dir=root_dir,
        store_home=store_home,
        log_path=log_path,
        process=process,
    )
    try:
        _wait_for_server(server)
        yield server
    finally:
        _stop(process)


@pytest.fixture(scope="module")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        _missing(
            "Chromium not found (looked for 'chromium' on PATH and /usr/bin/chromium); "
            "install it with: apt-get install -y chromium"
        )
    return path


@pytest.fixture(scope="module")
def browser(chromium_path: str):
    """One headless Chromium per test module.

    Module scope, not session scope: Playwright's sync API keeps an event loop
    on the main thread, which must be gone before nbval runs its kernels.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, args=CHROMIUM_FLAGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser, lab_server: LabServer):
    """A fresh browser page with JupyterLab loaded and started."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        page.goto(f"{lab_server.url}/lab?token={lab_server.token}")
        page.wait_for_function(
            "() => window.jupyterapp && window.jupyterapp.commands"
            " && window.jupyterapp.commands.hasCommand('notebook:run-all-cells')"
        )
        page.evaluate("() => window.jupyterapp.restored")
        yield page
    finally:
        context.close()


def _open_notebook(page, name: str) -> None:
    """Open a notebook (path relative to the served root) and wait for its kernel."""
    page.evaluate(
        "async (path) => { await window.jupyterapp.commands.execute('docmanager:open', {path}); }",
        name,
    )
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell").first.wait_for()
    _wait_kernel_idle(page)


def _wait_kernel_idle(page) -> None:
    """Wait until the status bar says the kernel exists and is idle.

    The notebook's own execution indicator says "idle" before any kernel has
    started, and running cells then does nothing, so it is not used.
    """
    page.locator("#jp-main-statusbar").get_by_text(KERNEL_IDLE_TEXT).wait_for(
        timeout=KERNEL_TIMEOUT_MS
    )


def _run_all(page) -> None:
    """Run every cell of the current notebook; fail with the error if one raises."""
    finished = page.evaluate(
        "async () => await window.jupyterapp.commands.execute('notebook:run-all-cells')"
    )
    _wait_kernel_idle(page)
    if not finished:
        errors = page.locator(
            ".jp-NotebookPanel:not(.lm-mod-hidden) "
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
        ).all_inner_texts()
        pytest.fail("Running all cells stopped at an error:\n" + "\n".join(errors))


def _save_notebook(page) -> None:
    """Save the current notebook and wait until it is no longer marked dirty."""
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    page.wait_for_function(
        "() => { const w = window.jupyterapp.shell.currentWidget;"
        " return w && w.context && !w.context.model.dirty; }"
    )


@pytest.fixture
def open_notebook() -> Callable[..., None]:
    return _open_notebook


@pytest.fixture
def wait_kernel_idle() -> Callable[..., None]:
    return _wait_kernel_idle


@pytest.fixture
def run_all() -> Callable[..., None]:
    return _run_all


@pytest.fixture
def save_notebook() -> Callable[..., None]:
    return _save_notebook
