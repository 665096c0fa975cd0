"""`make app` really serves the workbook as an app: Voilà, local only, at the home page."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from make_targets import STOP_WAIT, fetch, free_port, printed_address, serving


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_app_serves_the_home_page_without_code(tmp_path):
    port = free_port()
    printed = tmp_path / "make-app.out"
    with serving("app", "APP_ARGS", f"--no-browser --port {port}", stdout=printed) as proc:
        url = printed_address(proc, printed)
        assert url.startswith(f"http://127.0.0.1:{port}/voila/render/home.ipynb?token=")
        # Voilà runs the notebook before it answers.
        page = fetch(proc, url, wait=240, each=120).decode("utf-8")
        channels = kernel_channels(proc)
    assert "Welcome back" in page  # the home page's own words
    assert "Where you are (Secure Base)" in page  # its panel ran in the kernel
    assert "home.home()" not in page  # code cells are hidden
    # The kernels talk to Voilà over sockets in a folder only this account can open, not
    # on ports any program on the computer could connect to (or take while they start).
    assert channels, "no kernel was running"
    folders = {folder for folder, _connection in channels}
    for _folder, connection in channels:
        assert connection["transport"] == "ipc", connection
    # Stopped as the system stops it (SIGTERM): the folder goes with it, once Voilà has
    # stopped (make itself may be gone before the app has finished tidying up).
    deadline = time.monotonic() + STOP_WAIT
    while any(folder.exists() for folder in folders):
        assert time.monotonic() < deadline, f"still there after the app stopped: {folders}"
        time.sleep(0.2)


def kernel_channels(proc: subprocess.Popen[bytes]) -> list[tuple[Path, dict]]:
    """(the app's folder for kernel sockets, the connection file) of each running kernel
    started under ``proc``, while the folder is private to this account."""
    import psutil

    found = []
    for child in psutil.Process(proc.pid).children(recursive=True):
        try:
            args = child.cmdline()
        except psutil.Error:
            continue
        if "ipykernel_launcher" in " ".join(args) and "-f" in args:
            connection_file = Path(args[args.index("-f") + 1])
            folder = connection_file.parent.parent
            assert folder.name.startswith("secure-base-kernels-"), folder
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700
            assert folder.stat().st_uid == os.getuid()
            try:
                connection = json.loads(connection_file.read_text())
            except FileNotFoundError:  # that kernel has just stopped
                continue
            sockets = [Path(f"{connection['ip']}-{connection[name]}") for name in CHANNELS]
            deadline = time.monotonic() + 60  # a kernel still starting binds them soon
            while not all(path.is_socket() for path in sockets):
                assert time.monotonic() < deadline, f"no sockets at {sockets}"
                time.sleep(0.2)
            found.append((folder, connection))
    return found


CHANNELS = ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")


def test_the_app_is_served_to_this_computer_only_without_tracebacks():
    from workbook import app

    args = app.command(Path("notebooks"), 8899)
    assert "--Voila.ip=127.0.0.1" in args and "--Voila.port=8899" in args
    assert "--VoilaConfiguration.show_tracebacks=False" in args
    assert f"--Voila.identity_provider_class={app.DOOR}" in args
    assert app.home_url(8899) == "http://127.0.0.1:8899/voila/render/home.ipynb"
    assert app.home_url(8899, "k") == "http://127.0.0.1:8899/voila/render/home.ipynb?token=k"


def test_starting_the_app_server_builds_no_grammar_on_import():
    # Every Jupyter server (the app's Voilà, JupyterLab) imports jsonschema. From 4.25 it
    # also loads rfc3987_syntax when that is installed, which builds a grammar: about 2 s
    # of processor time at each start. The lock holds jsonschema below that.
    code = ("import sys, voila.app, jupyter_server.serverapp;"
            " print(sorted(m for m in ('rfc3987_syntax', 'lark') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_the_key_is_new_each_run_and_never_on_the_command_line():
    from workbook import app

    token = app.new_token()
    assert len(token) >= 40 and token != app.new_token()
    assert not any(token in arg for arg in app.command(Path("notebooks"), 8899))
    # Other accounts can read a command line (ps), not another account's environment.
    env = app.environment(token, {"PATH": "/bin", "JUPYTER_TOKEN_FILE": "/elsewhere"})
    assert env == {"PATH": "/bin", "JUPYTER_TOKEN": token}


def test_the_browser_is_given_the_address_through_a_private_file(tmp_path, monkeypatch):
    from workbook import app

    opened: list[str] = []
    monkeypatch.setattr(app.webbrowser, "open", opened.append)
    url = app.home_url(8899, "a&b\"><")
    app.open_in_browser(url, tmp_path)
    page = tmp_path / "open-secure-base.html"
    assert opened == [page.as_uri()]  # the key is not in the browser's command line
    assert page.stat().st_mode & 0o777 == 0o600
    text = page.read_text(encoding="utf-8")
    assert ('content="0;url=http://127.0.0.1:8899/voila/render/home.ipynb'
            '?token=a&amp;b&quot;&gt;&lt;"') in text


# Stands in for Voilà: listens on the port it is given, answers every request with 404
# for two seconds, then stops; exits at once (code 1) when the port is already taken.
FAKE_SERVER = """
import http.server, sys, threading
try:
    server = http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])),
                                    http.server.BaseHTTPRequestHandler)
except OSError:
    sys.exit(1)
threading.Timer(2, server.shutdown).start()
server.serve_forever()
"""


def _not_http(sock) -> None:
    """Accept connections on ``sock`` and answer with bytes that are no HTTP at all,
    as another program's socket would (a kernel's ZeroMQ greeting starts with 0xff)."""
    while True:
        try:
            conn, _ = sock.accept()
        except OSError:
            return
        with conn:
            conn.sendall(b"\xff\x00\x00\x00\x00\x00\x00\x00\x01\x7f")


def test_a_port_taken_before_the_app_listens_is_left_for_another(tmp_path, monkeypatch, capsys):
    import socket
    import subprocess
    import sys
    import threading

    from workbook import app

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        threading.Thread(target=_not_http, args=(taken,), daemon=True).start()
        ports = [taken.getsockname()[1], app.free_port()]  # the taken one first
        chosen = iter(ports)
        monkeypatch.setattr(app, "free_port", lambda: next(chosen))
        tried: list[int] = []

        def start(notebooks, port, token, **options):
            tried.append(port)
            return subprocess.Popen([sys.executable, "-c", FAKE_SERVER, str(port)])

        monkeypatch.setattr(app, "start", start)
        assert app.main(["--no-browser", "--notebooks", str(tmp_path)]) == 0
    assert tried == ports
    assert f"Secure Base is open at http://127.0.0.1:{ports[1]}/" in capsys.readouterr().out
