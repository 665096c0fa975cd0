"""Driving JupyterLab in a page, and reading what a page shows: what the browser
fixtures in conftest.py hand to tests as plain functions."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

KERNEL_TIMEOUT_MS = 60_000
# The kernel status item in the status bar, e.g. "Python 3 (ipykernel) | Idle".
# It only reads like this once a kernel really exists.
KERNEL_IDLE_TEXT = re.compile(r"\(ipykernel\) \| Idle")
# The notebook on screen (JupyterLab keeps other open notebooks in the DOM, hidden).
CURRENT_NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"


def lab_page(context, server):
    """A new page in ``context`` with ``server``'s JupyterLab loaded and started."""
    page = context.new_page()
    page.goto(f"{server.url}/lab?token={server.token}")
    page.wait_for_function(
        "() => window.jupyterapp && window.jupyterapp.commands"
        " && window.jupyterapp.commands.hasCommand('notebook:run-all-cells')"
    )
    page.evaluate("() => window.jupyterapp.restored")
    return page


def open_notebook(page, name: str) -> None:
    """Open a notebook (path relative to the served root) and wait for its kernel."""
    page.evaluate(
        "async (path) => { await window.jupyterapp.commands.execute('docmanager:open', {path}); }",
        name,
    )
    # With a second notebook, the status bar may still show the first one's kernel
    # for a moment: make sure the notebook on screen is this one before waiting.
    page.wait_for_function(
        "(path) => { const w = window.jupyterapp.shell.currentWidget;"
        " return !!(w && w.context && w.context.path === path); }",
        arg=name,
    )
    page.locator(f"{CURRENT_NOTEBOOK} .jp-Cell").first.wait_for()
    wait_kernel_idle(page)


# True once the notebook on screen has a connected kernel that is idle. Its
# kernelDisplayStatus only reads "idle" when a kernel exists (else "initializing"
# or "unknown"), unlike the execution indicator in the notebook toolbar.
KERNEL_READY_JS = """() => {
    const w = window.jupyterapp.shell.currentWidget;
    const ctx = w && w.sessionContext;
    const kernel = ctx && ctx.session && ctx.session.kernel;
    return !!(kernel && kernel.connectionStatus === 'connected'
              && ctx.kernelDisplayStatus === 'idle');
}"""


def wait_kernel_idle(page) -> None:
    """Wait until the notebook on screen has a kernel, and it is idle.

    The notebook's own execution indicator says "idle" before any kernel has
    started, and running cells then does nothing, so it is not used. The status
    bar is checked too: it is what a person would look at.
    """
    page.wait_for_function(KERNEL_READY_JS, timeout=KERNEL_TIMEOUT_MS)
    page.locator("#jp-main-statusbar").get_by_text(KERNEL_IDLE_TEXT).wait_for(
        timeout=KERNEL_TIMEOUT_MS
    )


# How the notebook on screen is getting on: how many code cells have run, how many
# are running or waiting, and what the last Run All returned (if it has finished).
CELLS_JS = """() => {
    const cells = window.jupyterapp.shell.currentWidget.content.widgets
        .filter((cell) => cell.model.type === 'code');
    return {
        total: cells.length,
        done: cells.filter((cell) => cell.model.executionCount !== null).length,
        busy: cells.filter((cell) => cell.model.executionState === 'running').length,
        result: window.__sbRunAll || null,
    };
}"""
# A Run All that makes no visible progress for this long has stalled.
STALL_MS = 120_000
# However slow the machine, a notebook that keeps making progress gets this long.
RUN_ALL_LIMIT_MS = 600_000


def run_all(page) -> None:
    """Run every cell of the current notebook; fail with the error if one raises.

    Waits on what the page shows: cells gaining execution counts. On a busy machine
    that may be slow, so the wait goes on while cells keep finishing; a Run All that
    never started (no cell ran or queued) is pressed once more.
    """
    for _attempt in (1, 2):
        page.evaluate("""() => {
            window.__sbRunAll = 'running';
            window.jupyterapp.commands.execute('notebook:run-all-cells').then(
                (ok) => { window.__sbRunAll = ok ? 'ok' : 'error'; },
                () => { window.__sbRunAll = 'error'; });
        }""")
        outcome = follow_cells(page)
        if outcome != "never started":
            break
    if outcome == "never started":
        pytest.fail("Run All was pressed twice and no cell started running")
    if outcome == "stalled":
        pytest.fail(f"Running all cells made no progress for {STALL_MS / 1000:.0f} s")
    wait_kernel_idle(page)
    if outcome == "error":
        errors = page.locator(
            f"{CURRENT_NOTEBOOK} "
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
        ).all_inner_texts()
        pytest.fail("Running all cells stopped at an error:\n" + "\n".join(errors))


def follow_cells(page) -> str:
    """"ok", "error", "stalled" or "never started", judged from the page."""
    start = time.monotonic()
    first = last = page.evaluate(CELLS_JS)
    changed = start
    while True:
        now = page.evaluate(CELLS_JS)
        if now["result"] in ("ok", "error"):
            return str(now["result"])
        progress = (now["done"], now["busy"])
        if progress != (last["done"], last["busy"]):
            last, changed = now, time.monotonic()
        waited_ms = (time.monotonic() - changed) * 1000
        if waited_ms > STALL_MS or (time.monotonic() - start) * 1000 > RUN_ALL_LIMIT_MS:
            started = (now["done"], now["busy"]) != (first["done"], first["busy"]) or now["busy"]
            return "stalled" if started else "never started"
        # Let the page work; this only sets how often we look, never what we decide.
        page.wait_for_timeout(250)


def save_notebook(page) -> None:
    """Save the current notebook and wait until it is no longer marked dirty."""
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    page.wait_for_function(
        "() => { const w = window.jupyterapp.shell.currentWidget;"
        " return w && w.context && !w.context.model.dirty; }"
    )


def in_notebook(page, selector: str):
    """``selector`` inside the notebook on screen (first match)."""
    return page.locator(f"{CURRENT_NOTEBOOK} {selector}").first


def button(scope, text: str):
    """The button in ``scope`` whose text is exactly ``text`` (an icon may precede it).

    Exact, because "Important" is also part of "Very important" and "Not important".
    """
    return scope.locator("button", has_text=re.compile(rf"^\s*{re.escape(text)}\s*$")).first


def fill(control, text: str) -> None:
    """Type ``text`` into a text box or area, then leave it, and check it took."""
    from playwright.sync_api import expect

    control.click()
    control.fill(text)
    control.blur()
    expect(control).to_have_value(text)


def record_dialogs(page) -> list[str]:
    """Record (and dismiss) every alert/confirm/prompt the page opens from now on."""
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return dialogs


def files_containing(root: Path, text: str) -> list[Path]:
    """Every file under ``root`` (hidden folders included) whose bytes contain ``text``."""
    needle = text.encode()
    return [path for path in root.rglob("*") if path.is_file() and needle in path.read_bytes()]


CUT_OFF_JS = """(root) => {
  const CODE = ".jp-CodeCell .jp-InputArea, .jp-Placeholder";
  const found = [];
  const page = document.scrollingElement || document.documentElement;
  if (page.scrollWidth > window.innerWidth + 1) {
    found.push(`the page scrolls sideways: ${page.scrollWidth} > ${window.innerWidth}`);
  }
  for (const el of document.querySelectorAll(`${root} *`)) {
    if (!el.offsetParent || el.clientWidth === 0) continue;
    const style = getComputedStyle(el);
    const scrolls = ["auto", "scroll"].includes(style.overflowX);
    const words = el.matches("button, .widget-label, .widget-label-basic");
    if (!(scrolls || words) || el.scrollWidth <= el.clientWidth + 1) continue;
    const what = (el.innerText || el.className || el.tagName).trim().slice(0, 60);
    if (words) {
      found.push(`cut off: ${what} (${el.scrollWidth} > ${el.clientWidth})`);
      continue;
    }
    // Name the part that sticks out furthest. A line of code in JupyterLab's own editor
    // (or its placeholder for a cell out of view) may scroll sideways: that is code, not
    // the workbook's content, so it is not counted.
    let right = el.getBoundingClientRect().left + el.clientWidth;
    let culprit = null;
    for (const inner of el.querySelectorAll("*")) {
      if (inner.closest(CODE)) continue;
      const edge = inner.getBoundingClientRect().right;
      if (edge > right + 1) {
        right = edge;
        culprit = `${inner.tagName.toLowerCase()}.${inner.className}`
                  + ` "${(inner.innerText || "").trim().slice(0, 30)}"`;
      }
    }
    if (culprit) {
      found.push(`scrolls sideways: ${what} (${el.scrollWidth} > ${el.clientWidth})`
                 + ` [widest: ${culprit}]`);
    }
  }
  return found;
}"""


def cut_off(page, root: str) -> list[str]:
    """What is cut off or scrolls sideways inside the elements matching ``root``."""
    return page.evaluate(CUT_OFF_JS, root)
