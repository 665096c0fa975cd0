"""`make app` really serves the workbook as an app: Voilà, local only, at the home page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from make_targets import fetch, free_port, serving


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_app_serves_the_home_page_without_code():
    port = free_port()
    url = f"http://127.0.0.1:{port}/voila/render/home.ipynb"
    with serving("app", "APP_ARGS", f"--no-browser --port {port}") as proc:
        # Voilà runs the notebook before it answers.
        page = fetch(proc, url, wait=240, each=120).decode("utf-8")
    assert "Welcome back" in page  # the home page's own words
    assert "Where you are (Secure Base)" in page  # its panel ran in the kernel
    assert "home.home()" not in page  # code cells are hidden


def test_the_app_is_served_to_this_computer_only_without_tracebacks():
    from workbook import app

    args = app.command(Path("notebooks"), 8899)
    assert "--Voila.ip=127.0.0.1" in args and "--Voila.port=8899" in args
    assert "--VoilaConfiguration.show_tracebacks=False" in args
    assert app.home_url(8899) == "http://127.0.0.1:8899/voila/render/home.ipynb"
