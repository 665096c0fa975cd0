"""`secure-base`: its commands, and a plain sentence with exit code 1 or 2 for every failure."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from workbook import __version__, cli
from workbook.store import Store


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The command as a person runs it: a new process, from a folder outside the checkout."""
    return subprocess.run([sys.executable, "-m", "workbook.cli", *args], capture_output=True,
                          text=True, timeout=120, env=env, cwd=Path(os.environ["HOME"]))


def _home(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "SECURE_BASE_HOME": str(tmp_path / "home")}


def test_version_and_help() -> None:
    version = _run("--version")
    assert version.returncode == 0
    assert version.stdout.strip() == f"Secure Base {__version__}"

    help_text = _run("--help")
    assert help_text.returncode == 0
    for command in ("app", "lab", "where"):
        assert command in help_text.stdout


def test_where_names_every_folder_and_says_the_journal_is_not_started(tmp_path: Path) -> None:
    result = _run("where", env=_home(tmp_path))

    assert result.returncode == 0, result.stderr
    home = tmp_path / "home"
    for line in (f"Journal:   {home / 'journal.sqlite3'}", f"Backups:   {home / 'backups'}",
                 f"Exports:   {home / 'exports'}", f"Notebooks: {home / 'notebooks'}"):
        assert line in result.stdout
    assert "hasn't been started yet" in result.stdout
    assert not home.exists(), "looking must not create anything"


def test_where_on_a_plain_and_on_a_locked_journal(tmp_path: Path) -> None:
    from workbook.sealed import KdfSettings

    Store(tmp_path / "home" / "journal.sqlite3").close()
    assert "not locked" in _run("where", env=_home(tmp_path)).stdout

    locked = tmp_path / "locked"
    Store(locked / "journal.sqlite3", passphrase="a long passphrase",
          kdf=KdfSettings(time_cost=1, memory_kib=8, parallelism=1)).close()
    result = _run("where", env={**os.environ, "SECURE_BASE_HOME": str(locked)})
    assert result.returncode == 0, result.stderr
    assert "locked with a passphrase" in result.stdout


def test_a_damaged_journal_gets_a_sentence_and_exit_1(tmp_path: Path) -> None:
    journal = tmp_path / "home" / "journal.sqlite3"
    journal.parent.mkdir(mode=0o700)
    journal.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)

    result = _run("where", env=_home(tmp_path))

    assert result.returncode == 1
    assert "damaged" in result.stderr
    assert "Traceback" not in result.stderr


def test_python_too_old(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setattr(sys, "version_info", (3, 10, 4, "final", 0))

    assert cli.main(["where"]) == 2
    error = capsys.readouterr().err
    assert "needs Python 3.11 or newer" in error and "Python 3.10.4" in error


@pytest.mark.parametrize("command", ["app", "lab"])
def test_a_busy_port(command: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _run(command, "--port", str(port), "--no-browser")

    assert result.returncode == 2
    assert f"Port {port} is already in use" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_browser(tmp_path: Path) -> None:
    # No graphical session, no BROWSER and nothing on PATH: Python finds no browser.
    env = {key: value for key, value in _home(tmp_path).items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER")}
    env["PATH"] = str(tmp_path / "empty")

    result = _run("app", env=env)

    assert result.returncode == 2
    assert "No web browser could be found" in result.stderr
    assert "--no-browser" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_command_is_a_usage_error() -> None:
    result = _run("unlock-everything")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
