"""`make app`: the workbook as a plain app, served by Voilà on this computer only.

Voilà runs each notebook with its code hidden. This starts it on the notebooks folder,
on 127.0.0.1 and a free port, waits until it answers, then opens the home page in the
browser (when there is one) and keeps serving until stopped with Ctrl+C.

    python -m workbook.app [--port N] [--no-browser] [--notebooks DIR]
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import webbrowser
from pathlib import Path

HOME_PAGE = "home.ipynb"
NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
START_TIMEOUT = 120.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def command(notebooks: Path, port: int) -> list[str]:
    """The Voilà command: local only, no browser of its own, no tracebacks on screen."""
    return [sys.executable, "-m", "voila", str(notebooks), "--no-browser",
            "--Voila.ip=127.0.0.1", f"--Voila.port={port}", "--Voila.port_retries=0",
            "--VoilaConfiguration.show_tracebacks=False"]


def home_url(port: int) -> str:
    return f"http://127.0.0.1:{port}/voila/render/{HOME_PAGE}"


def wait_until_serving(process: subprocess.Popen[bytes], url: str,
                       timeout: float = START_TIMEOUT) -> bool:
    """True once ``url`` answers; False if the server stopped or time ran out."""
    deadline = time.monotonic() + timeout
    tree = url.split("/voila/render/")[0] + "/voila/tree"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(tree, timeout=5):
                return True
        except (OSError, urllib.error.URLError):
            time.sleep(0.3)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make app", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="a port (default: a free one)")
    parser.add_argument("--no-browser", action="store_true", help="only print the address")
    parser.add_argument("--notebooks", type=Path, default=NOTEBOOKS)
    options = parser.parse_args(argv)
    port = options.port or free_port()
    url = home_url(port)
    process = subprocess.Popen(command(options.notebooks, port))
    try:
        if not wait_until_serving(process, url):
            print("Secure Base could not start. The lines above say why.", file=sys.stderr)
            return 1
        print(f"\nSecure Base is open at {url}\n"
              "It is served to this computer only. Press Ctrl+C here to stop it.\n",
              flush=True)
        if not options.no_browser:
            webbrowser.open(url)
        return process.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    raise SystemExit(main())
