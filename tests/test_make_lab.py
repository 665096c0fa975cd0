"""`make lab` really starts JupyterLab on the workbook (here without opening a browser)."""

from __future__ import annotations

import json
import secrets
import shutil

import pytest
from make_targets import fetch, free_port, serving


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_lab_serves_start_here():
    port, token = free_port(), secrets.token_hex(16)
    args = (f"--no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token={token} "
            "--ServerApp.open_browser=False")
    url = f"http://127.0.0.1:{port}/api/contents/00_start_here.ipynb?token={token}"
    with serving("lab", "LAB_ARGS", args) as proc:
        model = json.loads(fetch(proc, url))
    assert model["name"] == "00_start_here.ipynb" and model["type"] == "notebook"
    assert any("check_in()" in "".join(cell["source"]) for cell in model["content"]["cells"])
