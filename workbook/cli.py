"""`secure-base`: open the workbook from any folder, as an app or in JupyterLab.

    secure-base [app] [--port N] [--no-browser]   the workbook as an app (the default)
    secure-base lab [--port N] [--no-browser]     JupyterLab on your own copy of the notebooks
    secure-base where                             where your journal and its folders are
    secure-base --version

Every failure ends with one plain sentence on stderr and exit code 1 (something about
the journal) or 2 (something about this computer or the command), never a traceback.
`make app` and `make lab` run this same code.
"""

from __future__ import annotations

import sys

# Written so that an older Python can still read this file and say what is wrong.
MINIMUM_PYTHON = (3, 11)
TOO_OLD = ("Secure Base needs Python {need} or newer, and this is Python {have}. Please install "
           "a newer Python (python.org has it), then install Secure Base again with it.")
PORT_BUSY = ("Port {port} is already in use on this computer, perhaps by another copy of Secure "
             "Base. Choose another with --port, or leave --port out to use a free one.")
NO_BROWSER = ("No web browser could be found to open Secure Base. Start it again with "
              "--no-browser, then open the address it prints in your browser.")
JOURNAL_PROBLEM = "{message}"
NO_JUPYTERLAB = ("JupyterLab could not be started ({reason}). Reinstalling Secure Base usually "
                 "puts it right.")

JOURNAL_EXIT = 1
COMPUTER_EXIT = 2


class Failure(Exception):
    """A reason to stop, with the sentence for the person and the exit code."""

    def __init__(self, sentence: str, code: int = COMPUTER_EXIT):
        super().__init__(sentence)
        self.sentence = sentence
        self.code = code


def main(argv: list[str] | None = None) -> int:
    if sys.version_info < MINIMUM_PYTHON:
        print(TOO_OLD.format(need=".".join(map(str, MINIMUM_PYTHON)),
                             have=".".join(map(str, sys.version_info[:3]))), file=sys.stderr)
        return COMPUTER_EXIT
    options, extra = _parser().parse_known_args(argv)
    if extra and options.command != "lab":
        _parser().error(f"unrecognised arguments: {' '.join(extra)}")
    try:
        if options.command == "where":
            return _where()
        _check_port(options.port)
        if not options.no_browser:
            _check_browser()
        if options.command == "lab":
            return _lab(options, extra)
        return _app(options)
    except Failure as failure:
        print(failure.sentence, file=sys.stderr)
        return failure.code
    except KeyboardInterrupt:
        return 0


def _parser():
    import argparse

    from workbook import __version__

    parser = argparse.ArgumentParser(
        prog="secure-base", description="Secure Base: a private workbook for feeling more "
        "secure in a relationship. Everything you write stays on this computer.")
    parser.add_argument("--version", action="version", version=f"Secure Base {__version__}")
    parser.set_defaults(command="app", port=0, no_browser=False, notebooks=None,
                        no_preheat=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in (("app", "open the workbook as an app, with no code on screen "
                             "(the default)"),
                            ("lab", "open your own copy of the notebooks in JupyterLab")):
        command = commands.add_parser(name, help=help_text, description=help_text)
        command.add_argument("--port", type=int, default=0, help="a port (default: a free one)")
        command.add_argument("--no-browser", action="store_true",
                             help="only print the address, don't open a browser")
        command.add_argument("--notebooks", default=None, metavar="FOLDER",
                             help="serve the notebooks in FOLDER as they are (for contributors)")
        if name == "app":
            command.add_argument("--no-preheat", action="store_true",
                                 help="start each page only when it is opened (uses less memory)")
    commands.add_parser("where", help="show where your journal and its folders are",
                        description="show where your journal and its folders are")
    return parser


def _check_port(port: int) -> None:
    """Refuse a chosen port that something else already listens on."""
    from workbook.app import port_taken

    if port and port_taken(port):
        raise Failure(PORT_BUSY.format(port=port))


def _check_browser() -> None:
    import webbrowser

    try:
        webbrowser.get()
    except webbrowser.Error as error:
        raise Failure(NO_BROWSER) from error


def _app(options) -> int:
    from workbook import app

    args = ["--no-browser"] if options.no_browser else []
    if options.port:
        args += ["--port", str(options.port)]
    if options.notebooks:
        args += ["--notebooks", options.notebooks]
    if options.no_preheat:
        args.append("--no-preheat")
    return app.main(args)


def _lab(options, extra: list[str]) -> int:
    import os
    import subprocess
    from pathlib import Path

    from workbook.notebook_copies import refresh, shipped_notebooks
    from workbook.store import home

    if options.notebooks:
        folder = Path(options.notebooks).resolve()
    else:
        folder = home() / "notebooks"
        for note in refresh(shipped_notebooks(), folder).notes():
            print(note)
    # JupyterLab's own defaults stand: localhost only, and a token in the address.
    command = [sys.executable, "-m", "jupyterlab", str(folder / "00_start_here.ipynb"),
               f"--ServerApp.root_dir={folder}"]
    if options.port:
        command += [f"--ServerApp.port={options.port}", "--ServerApp.port_retries=0"]
    if options.no_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # JupyterLab refuses to run as root without it (containers often run as root).
        command.append("--allow-root")
    try:
        return subprocess.call([*command, *extra])
    except OSError as error:
        raise Failure(NO_JUPYTERLAB.format(reason=error)) from error


def _where() -> int:
    from workbook.store import StoreError, default_path

    journal = default_path()
    folder = journal.parent
    rows = [("Journal", journal), ("Backups", folder / "backups"),
            ("Exports", folder / "exports"), ("Notebooks", folder / "notebooks")]
    width = max(len(name) for name, _ in rows)
    for name, path in rows:
        print(f"{name + ':':<{width + 1}} {path}")
    try:
        state = journal_state(journal)
    except StoreError as error:
        print(JOURNAL_PROBLEM.format(message=error.message), file=sys.stderr)
        return JOURNAL_EXIT
    print(state)
    return 0


def journal_state(journal) -> str:
    """One line on the journal: not made yet, plain, or locked. Raises `StoreError`
    (with the person's sentence) when it is damaged or can't be read."""
    from workbook.store import Store, StoreLocked

    if not journal.exists():
        return "Your journal hasn't been started yet: it is made when you first save."
    try:
        store = Store(journal)
    except StoreLocked:
        from workbook.store.keys import key_path

        if not key_path(journal).exists():
            raise
        return "Your journal is locked with a passphrase. Unlock it in any notebook."
    store.close()
    return "Your journal is there and not locked."


if __name__ == "__main__":
    raise SystemExit(main())
