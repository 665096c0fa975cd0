"""Fixtures for driving a real JupyterLab (or Voilà) in headless Chromium.

Each test gets its own JupyterLab server that serves a copy of notebooks/,
with its own Jupyter directories and its own empty journal (SECURE_BASE_HOME).
Chromium is the system one; Playwright never downloads a browser here.

Helpers are fixtures that return plain functions, so tests call them as
``open_notebook(page, "00_start_here.ipynb")`` without importing anything.
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import app_runs
import pages
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

# JupyterLab's page settings for every test server: the page never asks whether the
# application should be rebuilt (each time, the server ran Node.js twice to answer).
LAB_PAGE_CONFIG = {"buildCheck": False, "buildAvailable": False}

SERVER_START_TIMEOUT = 60.0
# How long a test app's pool waits before it makes a page's next kernel ready, unless a
# test asks for the app's own pause. Most tests open each page once: a kernel made ready
# again after `workbook.app.REFILL_DELAY` would never be used, and would take the
# processor from the tests beside it. A page asked for again still gets its kernel at
# once, because asking ends the pause (`workbook.app_pools`).
TEST_APP_REFILL = 3600
# Ports tried when another process takes the free one chosen before a server listens.
PORT_ATTEMPTS = 3
# An app page may wait for its kernel to start and run on a busy machine.
APP_RENDER_TIMEOUT_MS = 180_000
# The window a browser test starts with.
VIEWPORT = {"width": 1400, "height": 1000}
# The longest a click, a fill or an expectation waits for the page by default.
ACTION_TIMEOUT_MS = 90_000


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A browser test may wait out a slow, busy machine (see `pages.run_all`); give it room.
    for item in items:
        if item.get_closest_marker("browser") and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(900))


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
    """A JupyterLab or Voilà server started for one test."""

    url: str
    token: str
    root_dir: Path
    store_home: Path
    log_path: Path
    process: subprocess.Popen = field(repr=False)
    name: str = "JupyterLab"

    @property
    def journal(self) -> Path:
        return self.store_home / "journal.sqlite3"

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return "(no server log)"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class _PortTaken(Exception):
    """The server stopped because another process took its port after it was chosen."""


def _wait_for_server(server: LabServer, ready_url: str, *, any_status: bool = False) -> None:
    """Wait until ``ready_url`` answers 200 (or, with ``any_status``, anything at all).

    Redirects are not followed: Voilà's page would start a kernel and run the notebook.
    Whatever else answers on the port meanwhile (another process's socket speaks no HTTP)
    is not the server: it is waited out, and `_PortTaken` raised if the server stops.
    """
    opener = urllib.request.build_opener(_NoRedirect)
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    port = int(server.url.rsplit(":", 1)[1])
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            from workbook.app import port_taken

            if port_taken(port):
                raise _PortTaken(port)
            pytest.fail(
                f"{server.name} exited with {server.process.returncode}:\n{server.log_tail()}"
            )
        try:
            with opener.open(ready_url, timeout=2) as response:
                if response.status == 200:
                    return
        except urllib.error.HTTPError:
            if any_status:
                return
        except (urllib.error.URLError, http.client.HTTPException, ConnectionError,
                TimeoutError):
            pass
        time.sleep(0.2)
    pytest.fail(
        f"{server.name} did not answer within {SERVER_START_TIMEOUT:.0f} s:\n{server.log_tail()}"
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


def _isolated_env(tmp_path: Path) -> tuple[dict[str, str], Path, Path]:
    """Environment with Jupyter directories and an empty journal under ``tmp_path``.

    Returns (env, jupyter dir, journal home). The journal home is not created:
    the app creates it, with private permissions.
    """
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
    store_home = tmp_path / "secure-base-home"
    env["SECURE_BASE_HOME"] = str(store_home)
    return env, jupyter, store_home


def _copy_notebooks(destination: Path, only: Sequence[str] | None = None) -> Path:
    """A copy of notebooks/ at ``destination``: every notebook, or ``only`` those named."""
    if only is None:
        shutil.copytree(NOTEBOOK_DIR, destination,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        return destination
    destination.mkdir(parents=True)
    for name in only:
        shutil.copy2(NOTEBOOK_DIR / name, destination / name)
    return destination


@contextmanager
def _app(base: Path, only: Sequence[str] | None = None, *,
         refill_delay: float | None = TEST_APP_REFILL) -> Iterator[app_runs.RunningApp]:
    """`make app` with its own journal under ``base``, serving a copy of notebooks/
    (``only`` the pages named: the app keeps a kernel ready for each page it serves,
    so a test that opens two pages doesn't pay for eleven). ``refill_delay=None``
    keeps the app's own pause before a pool is filled again."""
    env, _, store_home = _isolated_env(base)
    with app_runs.running_app(base, env, _copy_notebooks(base / "notebooks", only),
                              store_home, refill_delay=refill_delay) as app:
        yield app


@contextmanager
def _running_server(
    name: str,
    launch: Callable[..., subprocess.Popen],
    *,
    tmp_path: Path,
    root_dir: Path,
    store_home: Path,
    token: str,
    ready_path: str,
    any_status: bool = False,
) -> Iterator[LabServer]:
    """``launch(port, **popen_options)`` on a free port, in its own process group; wait
    until it answers, stop it after. Started again on another port if another process
    took the one chosen before the server could listen on it."""
    log_path = tmp_path / f"{name.lower()}.log"
    for _attempt in range(PORT_ATTEMPTS):
        port = _free_port()
        with log_path.open("ab") as log:
            process = launch(port, cwd=root_dir, stdin=subprocess.DEVNULL, stdout=log,
                             stderr=subprocess.STDOUT, start_new_session=True)
        server = LabServer(url=f"http://127.0.0.1:{port}", token=token, root_dir=root_dir,
                           store_home=store_home, log_path=log_path, process=process,
                           name=name)
        try:
            _wait_for_server(server, server.url + ready_path, any_status=any_status)
        except _PortTaken:
            continue
        except BaseException:
            _stop(process)
            raise
        try:
            yield server
        finally:
            _stop(process)
        return
    pytest.fail(f"{name} found no free port in {PORT_ATTEMPTS} tries:\n{server.log_tail()}")


@pytest.fixture
def lab_server(tmp_path: Path) -> Iterator[LabServer]:
    """A JupyterLab server on a free local port, serving a copy of notebooks/."""
    with _lab(tmp_path) as server:
        yield server


@pytest.fixture
def partner_lab_server(tmp_path: Path) -> Iterator[LabServer]:
    """A second JupyterLab with its own journal: the partner's computer."""
    with _lab(tmp_path / "partner") as server:
        yield server


@contextmanager
def _lab(tmp_path: Path) -> Iterator[LabServer]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    root_dir = _copy_notebooks(tmp_path / "notebooks")
    env, jupyter, store_home = _isolated_env(tmp_path)

    # JupyterLab reads overrides.json from its app settings dir, which is
    # <sys.prefix>/share/jupyter/lab/settings by default. Point it at a
    # temporary dir instead of writing into the environment.
    app_settings_dir = jupyter / "lab/app-settings"
    app_settings_dir.mkdir(parents=True)
    (app_settings_dir / "overrides.json").write_text(json.dumps(LAB_OVERRIDES, indent=2))
    labconfig = jupyter / "config" / "labconfig"
    labconfig.mkdir(parents=True)
    (labconfig / "page_config.json").write_text(json.dumps(LAB_PAGE_CONFIG, indent=2))

    token = secrets.token_hex(16)

    def command(port: int) -> list[str]:
        return [
            sys.executable, "-m", "jupyter", "lab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root_dir}",
            "--LabApp.expose_app_in_browser=True",
            f"--LabApp.app_settings_dir={app_settings_dir}",
            "--LanguageServerManager.autodetect=False",
            *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []),
        ]  # fmt: skip

    with _running_server(
        "JupyterLab", lambda port, **options: subprocess.Popen(command(port), env=env,
                                                               **options),
        tmp_path=tmp_path, root_dir=root_dir, store_home=store_home, token=token,
        ready_path=f"/api/status?token={token}",
    ) as server:  # fmt: skip
        yield server


@pytest.fixture
def start_voila(tmp_path: Path) -> Iterator[Callable[[str], LabServer]]:
    """Start Voilà on one notebook from a copy of notebooks/: ``start_voila(name)``.

    A function rather than a server, so a test can seed the journal first
    (Voilà runs the notebook when the page is requested). Stopped after the test.
    ``journal_of=server`` serves the new page over that server's journal.
    Voilà is started by `workbook.app.start`, as `make app` starts it (key, host check).
    """
    from workbook import app

    started: list[LabServer] = []
    with ExitStack() as servers:

        def start(notebook: str, *, journal_of: LabServer | None = None) -> LabServer:
            base = tmp_path / f"voila-{len(started)}"
            base.mkdir()
            root_dir = _copy_notebooks(base / "notebooks")
            env, jupyter, store_home = _isolated_env(base)
            if journal_of is not None:  # another page of the same app: the same journal
                store_home = journal_of.store_home
                env["SECURE_BASE_HOME"] = str(store_home)
            env["TMPDIR"] = str(jupyter / "runtime")  # Voilà's connection files
            token = app.new_token()
            kernels = app.kernel_folder()  # removed once the server has stopped
            if kernels is not None:
                servers.callback(shutil.rmtree, kernels, ignore_errors=True)
            server = servers.enter_context(_running_server(
                "Voila",
                lambda port, **options: app.start(root_dir / notebook, port, token, env=env,
                                                  kernels=kernels, **options),
                tmp_path=base, root_dir=root_dir, store_home=store_home, token=token,
                ready_path="/voila/static/", any_status=True,
            ))  # fmt: skip
            started.append(server)
            return server

        yield start


@pytest.fixture(scope="module")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        _missing(
            "Chromium not found (looked for 'chromium' on PATH and /usr/bin/chromium); "
            "install it with: apt-get install -y chromium"
        )
    return path


class _Chromium:
    """The headless Chromium of this test process, kept from one browser test module to
    the next while browser tests follow each other, and closed before any other test.

    Not kept for the whole session: Playwright's sync API keeps an event loop on the main
    thread, which must be gone before nbval runs its kernels. Each start costs Playwright's
    driver and a new Chromium (about 1.4 s of processor time here).
    """

    def __init__(self) -> None:
        self._playwright = None
        self._browser = None

    def get(self, path: str):
        if self._browser is not None and not self._browser.is_connected():
            self.close()  # a test module left it broken: the next one gets a new one
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            playwright = sync_playwright().start()
            try:
                self._browser = playwright.chromium.launch(
                    executable_path=path, args=CHROMIUM_FLAGS, headless=True)
            except BaseException:
                playwright.stop()
                raise
            self._playwright = playwright
        return self._browser

    def close(self) -> None:
        browser, playwright = self._browser, self._playwright
        self._browser = self._playwright = None
        try:
            if browser is not None and browser.is_connected():
                browser.close()
        finally:
            if playwright is not None:
                playwright.stop()


_CHROMIUM = _Chromium()


@pytest.fixture(scope="module")
def browser(chromium_path: str):
    """Headless Chromium for a test module's tests (see `_Chromium`)."""
    browser = _CHROMIUM.get(chromium_path)
    yield browser
    if browser.is_connected():
        for context in browser.contexts:  # nothing a module opened reaches the next one
            context.close()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """Close Chromium after the last browser test before any other test, or the end."""
    if nextitem is None or nextitem.get_closest_marker("browser") is None:
        _CHROMIUM.close()


@pytest.fixture(scope="session", autouse=True)
def _patient_expectations() -> None:
    """`expect` waits as long as an action may (its own default is 5 s)."""
    from playwright.sync_api import expect

    expect.set_options(timeout=ACTION_TIMEOUT_MS)


def _new_context(browser):
    context = browser.new_context(viewport=VIEWPORT)
    # Two browser tests may run at once on a busy two-core machine: waits are on what the
    # page shows, with room for a slow start (a page's kernel, a server's first answer).
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    context.set_default_navigation_timeout(APP_RENDER_TIMEOUT_MS)
    return context


@pytest.fixture
def context(browser):
    """A fresh browser context (cookies, storage) for one test."""
    context = _new_context(browser)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(context, lab_server: LabServer):
    """A fresh browser page with JupyterLab loaded and started."""
    return pages.lab_page(context, lab_server)


@pytest.fixture
def lab_page() -> Callable[..., object]:
    return pages.lab_page


@pytest.fixture
def open_notebook() -> Callable[..., None]:
    return pages.open_notebook


@pytest.fixture
def wait_kernel_idle() -> Callable[..., None]:
    return pages.wait_kernel_idle


@pytest.fixture
def run_all() -> Callable[..., None]:
    return pages.run_all


@pytest.fixture
def save_notebook() -> Callable[..., None]:
    return pages.save_notebook


@contextmanager
def _journal(server_or_home: LabServer | Path) -> Iterator:
    """The journal of a test server (or of a SECURE_BASE_HOME), opened from this process.

    Used to seed entries before a notebook runs and to read back what a form saved.
    """
    from workbook.store import Store

    path = (
        server_or_home.journal
        if isinstance(server_or_home, LabServer)
        else Path(server_or_home) / "journal.sqlite3"
    )
    store = Store(path)
    try:
        yield store
    finally:
        store.close()


# What is cut off or scrolls sideways on the page: the page itself wider than the
# window, a scrolling box wider than itself, a button or label whose words don't fit.
# A label with no width at all is the screen reader's copy of a visible label.
@pytest.fixture
def cut_off() -> Callable[..., list[str]]:
    return pages.cut_off


@pytest.fixture
def in_notebook() -> Callable[..., object]:
    return pages.in_notebook


@pytest.fixture
def button() -> Callable[..., object]:
    return pages.button


@pytest.fixture
def fill() -> Callable[..., None]:
    return pages.fill


@pytest.fixture
def record_dialogs() -> Callable[..., list[str]]:
    return pages.record_dialogs


@pytest.fixture
def files_containing() -> Callable[..., list[Path]]:
    return pages.files_containing


@pytest.fixture(scope="session")
def journal() -> Callable[..., object]:
    return _journal

@pytest.fixture
def running_app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[app_runs.RunningApp]:
    """`make app` (``python -m workbook.app``) on a copy of notebooks/, until the test ends.

    ``@pytest.mark.app_pages("home.ipynb", ...)`` serves only the pages the test opens;
    ``refill_delay=None`` in it keeps the app's own pause before a pool is filled again.
    """
    marker = request.node.get_closest_marker("app_pages")
    pages_only = marker.args if marker else None
    refill = marker.kwargs.get("refill_delay", TEST_APP_REFILL) if marker else TEST_APP_REFILL
    with _app(tmp_path, pages_only, refill_delay=refill) as app:
        yield app


@pytest.fixture(scope="session")
def start_app() -> Callable[..., AbstractContextManager[app_runs.RunningApp]]:
    """``with start_app(base, only, refill_delay=TEST_APP_REFILL): ...``: `make app` for
    a module's tests to share."""
    return _app


@pytest.fixture(scope="session")
def shared_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[app_runs.RunningApp]:
    """One `make app` for every test that only opens pages and looks at them.

    Started once per test process instead of once per page: the tests that use it
    write nothing, so its journal stays as a new person's (empty) for all of them.
    A test that saves, seeds or counts entries starts its own (`start_voila`,
    `running_app`, or `start_app` shared by tests that can't disturb each other's counts).
    """
    with _app(tmp_path_factory.mktemp("shared-app")) as app:
        yield app
        if (app.store_home / "journal.sqlite3").exists():
            with _journal(app.store_home) as store:
                assert not store.entries(), (
                    "a test saved to the shared app's journal: give it an app of its own")


@pytest.fixture(scope="module")
def shared_app_page(browser, shared_app: app_runs.RunningApp) -> Iterator[Callable[..., object]]:
    """``shared_app_page(notebook)``: ``notebook`` as a page of the shared app, rendered
    (Voilà's spinner gone), and the list of dialogs it has opened so far.

    Each page is rendered once, in a context of its own, for every test of the module
    that only looks at it (the rendering check and the accessibility check read the same
    page; neither types or saves), and handed over at the window size it was opened at.
    """
    context = _new_context(browser)
    shown: dict[str, tuple[object, list[str]]] = {}

    def show(notebook: str):
        if notebook not in shown or shown[notebook][0].is_closed():
            page = context.new_page()
            dialogs = pages.record_dialogs(page)
            page.goto(f"{shared_app.page(notebook)}?token={shared_app.token}",
                      timeout=APP_RENDER_TIMEOUT_MS)
            page.locator("#loading").wait_for(state="hidden", timeout=APP_RENDER_TIMEOUT_MS)
            shown[notebook] = (page, dialogs)
        page, dialogs = shown[notebook]
        page.set_viewport_size(VIEWPORT)
        return page, dialogs

    try:
        yield show
    finally:
        context.close()
