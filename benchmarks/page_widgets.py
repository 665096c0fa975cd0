"""How many widgets each app page makes when it opens, and the Python time after the
page is asked for.

Each notebook's cells run in a fresh Python process with an IPython shell, as a
preheated app page's kernel runs them, on a journal holding one check-in: what comes
before `workbook.app_ready` runs ahead, and the pause there returns at once and notes
the time. Prints per page the widgets made (layouts and styles count: each is one more
model the page makes), the seconds from the pause to the last cell, and the totals.
No front end is attached and widgets send no messages, so this is only part of what a
person waits for; `app_pages.py` times the whole page in a browser.

    .venv/bin/python benchmarks/page_widgets.py [--notebooks DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

ONE_PAGE = r"""
import collections, json, os, sys, time
from IPython.core.interactiveshell import InteractiveShell
import ipywidgets
import workbook.page_request

os.environ["VOILA_PREHEAT"] = "True"
asked = []
workbook.page_request.wait_for_request = lambda: asked.append(time.perf_counter())

made = collections.Counter()
ipywidgets.Widget.on_widget_constructed(lambda widget: made.update([type(widget).__name__]))
shell = InteractiveShell.instance()
book = json.loads(open(sys.argv[1], encoding="utf-8").read())
cells = ["".join(cell["source"]) for cell in book["cells"] if cell["cell_type"] == "code"]
for cell in cells:
    result = shell.run_cell(cell, silent=True)
    if not result.success:
        raise SystemExit(f"a cell failed: {result.error_in_exec!r}")
seconds = time.perf_counter() - asked[0]
print(json.dumps({"widgets": sum(made.values()), "seconds": seconds,
                  "most": made.most_common(4)}))
"""


def _seed(home: Path) -> None:
    sys.path[:0] = [str(REPO), str(REPO / "tests")]
    os.environ["SECURE_BASE_HOME"] = str(home)
    from examples import EXAMPLES  # the same example entries as the tests

    from workbook.store import Store

    store = Store(home / "journal.sqlite3")
    try:
        store.add(EXAMPLES["checkin"])
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notebooks", type=Path, default=REPO / "notebooks")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="page-widgets-") as tmp:
        home = Path(tmp) / "home"
        _seed(home)
        env = {**os.environ, "SECURE_BASE_HOME": str(home), "VOILA_BASE_URL": "/",
               "IPYTHONDIR": str(Path(tmp) / "ipython"),
               "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO),
                                                           os.environ.get("PYTHONPATH")]))}
        env.pop("VOILA_PREHEAT", None)
        total_widgets, total_seconds = 0, 0.0
        for notebook in sorted(options.notebooks.glob("*.ipynb")):
            done = subprocess.run([sys.executable, "-c", ONE_PAGE, str(notebook)], env=env,
                                  cwd=options.notebooks, capture_output=True, text=True)
            if done.returncode:
                print(f"{notebook.name}: failed\n{done.stderr[-2000:]}")
                return 1
            found = json.loads(done.stdout.strip().splitlines()[-1])
            total_widgets += found["widgets"]
            total_seconds += found["seconds"]
            most = ", ".join(f"{name} {count}" for name, count in found["most"])
            print(f"  {notebook.name:40s} {found['widgets']:5d} widgets "
                  f"{found['seconds']:5.2f} s   ({most})")
        print(f"  {'all pages':40s} {total_widgets:5d} widgets {total_seconds:5.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
