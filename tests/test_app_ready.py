"""`workbook.app_ready`: the pause of a preheated app page, and nothing anywhere else."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CALL = ("import os, sys, workbook; workbook.app_ready(preload=['json.tool']); "
        "print(os.environ.get('QUERY_STRING'), 'json.tool' in sys.modules, 'voila' in sys.modules)")


def _run(env: dict[str, str], **options) -> subprocess.Popen[str]:
    env = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", CALL], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **options)


def test_outside_the_app_it_returns_at_once_and_imports_nothing():
    for env in ({}, {"VOILA_PREHEAT": "False"}):
        process = _run(env)
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
        assert out.split() == ["None", "False", "False"]


def test_in_a_preheated_kernel_it_waits_for_the_page_request():
    from websockets.sync.server import serve

    connected, release = threading.Event(), threading.Event()
    paths: list[str] = []

    def handler(websocket) -> None:
        paths.append(websocket.request.path)
        connected.set()
        release.wait(60)
        websocket.send(json.dumps({"QUERY_STRING": "opened=1"}))

    with serve(handler, "127.0.0.1", 0) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        port = server.socket.getsockname()[1]
        process = _run({"VOILA_PREHEAT": "True", "VOILA_APP_PORT": str(port),
                        "VOILA_KERNEL_ID": "kernel-1", "VOILA_SERVER_URL": "/"})
        try:
            assert connected.wait(60), process.stderr.read() if process.poll() else "no call"
            # Connected and waiting: the notebook goes no further until the page is asked for.
            assert process.poll() is None
            release.set()
            out, err = process.communicate(timeout=60)
        finally:
            release.set()
            if process.poll() is None:
                process.kill()
        server.shutdown()
    assert process.returncode == 0, err
    assert paths == ["/voila/query/kernel-1"]
    # What the page request carried is there afterwards; the preload was imported ahead,
    # and nothing of the Voilà server (and so Jupyter server) came into the kernel with it.
    assert out.split() == ["opened=1", "True", "False"]


def test_a_preheated_page_reads_the_entry_asked_for_only_once_it_is_requested(tmp_path):
    """The address's ``?edit=`` comes with the request, not before: the note at the top
    of the page is drawn from it after the pause."""
    from websockets.sync.server import serve

    def handler(websocket) -> None:
        websocket.send(json.dumps({"QUERY_STRING": "edit=not-an-id",
                                   "SCRIPT_NAME": "/voila/render/00_start_here.ipynb"}))

    call = ("import os, workbook; assert 'QUERY_STRING' not in os.environ; "
            "workbook.app_ready(); from workbook.widgets import asked_entry; "
            "print(asked_entry._asked.status.value)")
    with serve(handler, "127.0.0.1", 0) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        env = {**os.environ, "PYTHONPATH": str(ROOT), "VOILA_PREHEAT": "True",
               "VOILA_BASE_URL": "/", "VOILA_APP_PORT": str(server.socket.getsockname()[1]),
               "VOILA_KERNEL_ID": "kernel-1", "VOILA_SERVER_URL": "/",
               "SECURE_BASE_HOME": str(tmp_path / "home")}
        env.pop("QUERY_STRING", None)
        done = subprocess.run([sys.executable, "-c", call], env=env, text=True,
                              capture_output=True, timeout=120)
        server.shutdown()
    assert done.returncode == 0, done.stderr
    assert "doesn&#x27;t name one" in done.stdout
