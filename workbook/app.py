"""`make app`: the workbook as a plain app, served by Voilà on this computer only.

Voilà runs each notebook with its code hidden. This starts it on the notebooks folder,
on 127.0.0.1 and a free port, with a new random key (token) for this run that only the
address it prints carries, waits until it answers, then opens the home page in the
browser (when there is one) and keeps serving until stopped with Ctrl+C. Anyone without
the key, or asking for another host name, is refused (see `workbook.app_door`).

    python -m workbook.app [--port N] [--no-browser] [--notebooks DIR] [--no-preheat]
"""

from __future__ import annotations

import argparse
import html
import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import webbrowser
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from workbook.notebook_copies import shipped_notebooks

HOME_PAGE = "home.ipynb"
START_TIMEOUT = 120.0
# Free ports tried when another program takes the one chosen before Voilà listens on it.
PORT_ATTEMPTS = 3
# Kernels kept ready per notebook: one is enough for a person opening one page at a time
# (the pool refills after a page takes its kernel).
POOL_SIZE = 1
# Seconds before a page's pool starts its next kernel: not while the page being opened
# still needs the computer (a kernel's start would slow it down on two cores). A page
# asked for meanwhile starts it at once (`workbook.app_pools`).
REFILL_DELAY = 15
# Voilà's identity provider for this app: the key, the host check and the origin check.
# (Voilà sets jupyter_server's own host check, allow_remote_access, to off; this one is
# stricter: only 127.0.0.1 and localhost, at the app's own port.)
DOOR = "workbook.app_door.AppDoor"
# The kernels talk to Voilà over sockets in a private folder rather than on ports: no
# other account on the computer can reach them, and no other program can take a
# kernel's port while the kernel starts (it then dies and its page never shows). A
# socket's path must fit in 104 bytes (macOS; 108 on Linux). Below the folder come
# Voilà's folder for the run (mkdtemp: "voila_" and 8 characters) and one socket per
# channel, named after the kernel's connection file ("kernel-", a UUID, "-ipc-" and a
# number).
SOCKET_PATH_ROOM = 103
_SOCKET_BELOW = len("/voila_12345678/kernel-") + 36 + len("-ipc-99")
_SOCKET_FOLDER_PREFIX = "secure-base-kernels-"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def new_token() -> str:
    """A fresh random key for one run of the app."""
    return secrets.token_urlsafe(32)


def kernel_folder() -> Path | None:
    """A new private folder (0700) for the kernels' sockets, on a path short enough for
    them: in the usual place for temporary files, else in /tmp. None where there is no
    such place (then the kernels use ports on 127.0.0.1, as Jupyter does by default)."""
    if sys.platform == "win32":
        return None
    for root in dict.fromkeys([tempfile.gettempdir(), "/tmp"]):
        longest = (len(os.fsencode(root)) + 1 + len(_SOCKET_FOLDER_PREFIX) + 8
                   + _SOCKET_BELOW)
        if longest <= SOCKET_PATH_ROOM:
            try:
                return Path(tempfile.mkdtemp(prefix=_SOCKET_FOLDER_PREFIX, dir=root))
            except OSError:
                continue
    return None


def command(notebooks: Path, port: int, *, preheat: bool = True,
            kernels: Path | None = None, refill_delay: float = REFILL_DELAY) -> list[str]:
    """The Voilà command: local only, key required, no browser of its own, no tracebacks.

    ``notebooks`` is the folder (as `make app` serves it) or a single notebook. The
    key is not on the command line, where other accounts could read it (``ps``): it
    is passed in the environment, see :func:`environment`. With ``preheat``, one kernel
    per notebook is kept ready, run ahead up to `workbook.app_ready`, and the next one
    started ``refill_delay`` seconds after a page takes it, or as soon as a page asks
    for it (`workbook.app_pools`). With ``kernels``
    (a folder from `kernel_folder`), the kernels talk to Voilà over sockets there.
    """
    args = [sys.executable, "-m", "workbook.app_pools", str(notebooks), "--no-browser",
            "--Voila.ip=127.0.0.1", f"--Voila.port={port}", "--Voila.port_retries=0",
            "--Voila.auto_token=True", f"--Voila.identity_provider_class={DOOR}",
            "--VoilaConfiguration.show_tracebacks=False"]
    if preheat:
        args += ["--VoilaConfiguration.preheat_kernel=True",
                 f"--VoilaConfiguration.default_pool_size={POOL_SIZE}",
                 f"--VoilaKernelManager.fill_delay={refill_delay:g}"]
    if kernels is not None:
        args += ["--KernelManager.transport=ipc", f"--Voila.connection_dir_root={kernels}"]
    return args


def environment(token: str, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """``base`` (default: this process's environment) with the run's key for Voilà."""
    env = dict(os.environ if base is None else base)
    env["JUPYTER_TOKEN"] = token
    env.pop("JUPYTER_TOKEN_FILE", None)
    return env


def start(notebooks: Path, port: int, token: str, *, env: Mapping[str, str] | None = None,
          preheat: bool = True, kernels: Path | None = None,
          refill_delay: float = REFILL_DELAY, **popen_options: Any) -> subprocess.Popen[bytes]:
    """Start Voilà as `make app` does: on ``notebooks``, at ``port``, with key ``token``
    (and the kernels' sockets in ``kernels``, see `command`)."""
    return subprocess.Popen(command(notebooks, port, preheat=preheat, kernels=kernels,
                                    refill_delay=refill_delay),
                            env=environment(token, env), **popen_options)


def home_url(port: int, token: str | None = None) -> str:
    url = f"http://127.0.0.1:{port}/voila/render/{HOME_PAGE}"
    return f"{url}?token={token}" if token else url


def wait_until_serving(process: subprocess.Popen[bytes], url: str,
                       timeout: float = START_TIMEOUT) -> bool:
    """True once the server at ``url`` answers; False if it stopped or time ran out.

    Asks for a static file, which needs no key and runs no notebook.
    """
    deadline = time.monotonic() + timeout
    static = url.split("/voila/render/")[0] + "/voila/static/"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(static, timeout=5):
                return True
        except urllib.error.HTTPError:
            return True  # it answered
        except (OSError, http.client.HTTPException):
            # Not listening yet, or something that speaks no HTTP holds the port.
            time.sleep(0.05)  # cheap: a refused connection costs well under 1 ms
    return False


def port_taken(port: int) -> bool:
    """Whether another process listens on ``port`` at 127.0.0.1."""
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


def open_in_browser(url: str, folder: Path) -> None:
    """Open ``url`` through a private file in ``folder``, as JupyterLab does.

    A browser started with the address as an argument would show the key to every
    account on the computer (``ps``) for as long as it runs; a file readable only by
    this account that forwards to the address does not.
    """
    page = folder / "open-secure-base.html"
    link = html.escape(url, quote=True)
    descriptor = os.open(page, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(f'<!DOCTYPE html><html><head><meta charset="utf-8">'
                  f'<meta http-equiv="refresh" content="0;url={link}">'
                  f'<title>Secure Base</title></head><body>'
                  f'<p><a href="{link}">Open Secure Base</a></p></body></html>')
    webbrowser.open(page.as_uri())


def _seconds(text: str) -> float:
    seconds = float(text)
    if not 0 <= seconds < float("inf"):
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make app", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="a port (default: a free one)")
    parser.add_argument("--no-browser", action="store_true", help="only print the address")
    parser.add_argument("--notebooks", type=Path, default=None)
    parser.add_argument("--no-preheat", action="store_true",
                        help="start each page's kernel only when the page is opened")
    parser.add_argument("--refill-delay", type=_seconds, default=REFILL_DELAY,
                        metavar="SECONDS",
                        help="seconds after a page takes its ready kernel before the next "
                             f"one starts, unless a page asks for it (default: {REFILL_DELAY})")
    options = parser.parse_args(argv)
    notebooks = options.notebooks or shipped_notebooks()
    token = new_token()
    private: Path | None = None  # for the page that hands the address to the browser
    kernels: Path | None = None
    process: subprocess.Popen[bytes] | None = None
    taken: dict[int, Any] = {}
    try:
        taken = _stop_on_signals()
        kernels = kernel_folder()
        # A free port can be taken by another program before Voilà listens on it: then
        # another is chosen (a port asked for with --port is used or reported, never changed).
        for _attempt in range(1 if options.port else PORT_ATTEMPTS):
            port = options.port or free_port()
            url = home_url(port, token)
            process = start(notebooks, port, token, preheat=not options.no_preheat,
                            kernels=kernels, refill_delay=options.refill_delay)
            serving = wait_until_serving(process, url)
            if serving or options.port or process.poll() is None or not port_taken(port):
                break
        if not serving:
            print("Secure Base could not start. The lines above say why.", file=sys.stderr)
            return 1
        print(f"\nSecure Base is open at {url}\n"
              "This address carries a key for this run: only a browser given it can open\n"
              "the app, and only on this computer. Press Ctrl+C here to stop it.\n",
              flush=True)
        if not options.no_browser:
            private = Path(tempfile.mkdtemp(prefix="secure-base-app-"))  # 0700
            open_in_browser(url, private)
        return process.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        for stop in taken:  # a second signal must not cut the tidying short
            signal.signal(stop, signal.SIG_IGN)
        try:
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
            for folder in (private, kernels):
                if folder is not None:
                    shutil.rmtree(folder, ignore_errors=True)
        finally:
            for stop, handler in taken.items():
                signal.signal(stop, handler)


# Signals that stop the app as Ctrl+C does (the terminal closed, the system stopping it).
_STOP_SIGNALS = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]


def _stop_on_signals() -> dict[int, Any]:
    """Stop as Ctrl+C does on each of `_STOP_SIGNALS` left at its default (one ignored on
    purpose, as ``nohup`` does, stays ignored); returns the handlers replaced."""
    taken = {}
    for stop in _STOP_SIGNALS:
        if signal.getsignal(stop) is signal.SIG_DFL:
            taken[stop] = signal.signal(stop, _stopped)
    return taken


def _stopped(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    raise SystemExit(main())
