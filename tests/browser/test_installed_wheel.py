"""Installed from a wheel, `secure-base` works from any folder, with no checkout in sight.

The wheel is built from the project's files, installed into a new virtual environment
in a temporary folder, and run from another temporary folder: `--version`, `where`, and
the app, whose printed address opens in Chromium, where a check-in is saved on 00.

The new environment has no packages of its own but the wheel: it borrows the test
environment's installed libraries (a ``.pth`` line, and their Jupyter data files through
``JUPYTER_PATH``), so the test needs no network.
Whether the wheel declares every library it needs is checked by
``test_every_imported_library_is_declared`` from the wheel's own metadata.
"""

from __future__ import annotations

import ast
import email
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import uuid
import zipfile
from importlib import metadata
from pathlib import Path

import app_runs
import pytest
from playwright.sync_api import expect

REPO = Path(__file__).resolve().parents[2]
# What a wheel is built from (the rest of a clone is for contributors).
SOURCES = ("pyproject.toml", "setup.py", "README.md", "workbook", "notebooks")
RENDER_TIMEOUT_MS = 180_000


def _build_wheel(folder: Path) -> Path:
    source = folder / "source"
    source.mkdir()
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns(
                "__pycache__", ".ipynb_checkpoints", "*.pyc"))
        else:
            shutil.copy2(REPO / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--quiet", "--wheel-dir", str(folder / "dist"), str(source)],
                   check=True, capture_output=True, timeout=300)
    [wheel] = (folder / "dist").glob("secure_base-*.whl")
    return wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build_wheel(tmp_path_factory.mktemp("wheel"))


def test_the_wheel_carries_the_package_and_the_notebooks(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))
    assert sorted(Path(n).name for n in names if n.startswith("workbook/notebooks/")) == shipped
    assert "workbook/cli.py" in names and "workbook/widgets/rating.js" in names
    assert not any(n.startswith(("tests/", "benchmarks/")) for n in names)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "secure-base = workbook.cli:main" in zipfile.ZipFile(wheel).read(
        entry_points).decode()


def test_every_imported_library_is_declared(wheel: Path) -> None:
    """Each library the package imports is a declared dependency, or one of theirs."""
    archive = zipfile.ZipFile(wheel)
    meta = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
    requires = email.message_from_bytes(archive.read(meta)).get_all("Requires-Dist") or []
    runtime = [r for r in requires if "extra ==" not in r]
    assert runtime, "the wheel declares no dependencies"
    declared = _closure(_name(r) for r in runtime)

    imported: set[str] = set()
    for path in (REPO / "workbook").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"workbook", "__future__"}
    owners = metadata.packages_distributions()
    missing = {module: owners.get(module) for module in third_party
               if not {_name(d) for d in owners.get(module, [])} & declared}
    assert not missing, f"imported but not declared: {missing}"


def _name(requirement: str) -> str:
    return re.split(r"[ ;<>=!~\[(]", requirement.strip(), maxsplit=1)[0].lower().replace(
        "_", "-")


def _closure(names) -> set[str]:
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        todo += [_name(r) for r in requires if "extra ==" not in r]
    return seen


@pytest.mark.browser
@pytest.mark.slow
def test_installed_command_runs_from_any_folder(wheel: Path, tmp_path: Path, context) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--no-deps", "--no-index", "--quiet", str(wheel)], check=True,
                   capture_output=True, timeout=300)
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; "
                                "print(sysconfig.get_paths()['purelib'])"], check=True,
                               capture_output=True, text=True).stdout.strip())
    (site / "borrowed_libraries.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    elsewhere = tmp_path / "somewhere-else"
    elsewhere.mkdir()
    home = tmp_path / "secure-base-home"
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env |= {"SECURE_BASE_HOME": str(home), "PATH": f"{venv / 'bin'}:{env['PATH']}",
            "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "TMPDIR": str(tmp_path),
            # The borrowed libraries' data files (Voilà's templates, the widgets' scripts)
            # lie where pip put them for the test environment.
            "JUPYTER_PATH": str(Path(sys.prefix) / "share" / "jupyter")}
    command = str(venv / "bin" / "secure-base")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([command, *args], cwd=elsewhere, env=env, capture_output=True,
                              text=True, timeout=120)

    where_from = run("--version")
    assert where_from.returncode == 0 and where_from.stdout.startswith("Secure Base "), where_from
    located = subprocess.run([str(python), "-c", "import workbook; print(workbook.__file__)"],
                             cwd=elsewhere, env=env, capture_output=True, text=True, check=True)
    assert Path(located.stdout.strip()).is_relative_to(venv), located.stdout
    where = run("where")
    assert where.returncode == 0, where.stderr
    assert f"Journal:   {home / 'journal.sqlite3'}" in where.stdout
    assert f"Notebooks: {home / 'notebooks'}" in where.stdout

    app_folder = tmp_path / "app"
    with app_runs.running_app(app_folder, env, None, home, cwd=elsewhere,
                              command=[command, "app", "--no-browser"]) as app:
        page = context.new_page()
        # The first page may wait while the preheated kernels start.
        page.goto(app.address.replace("home.ipynb", "00_start_here.ipynb"),
                  timeout=RENDER_TIMEOUT_MS)
        page.locator("#loading").wait_for(state="hidden", timeout=RENDER_TIMEOUT_MS)
        form = page.locator(".sb-form.sb-checkin").first
        form.wait_for(timeout=RENDER_TIMEOUT_MS)
        note = f"installed-{uuid.uuid4().hex[:12]}"
        box = form.locator("textarea").first
        box.fill(note)
        box.blur()
        form.locator("button", has_text="Save check-in").first.click()
        expect(form.locator(".sb-status").first).to_contain_text("Saved at", timeout=120_000)

    # The check-in is in the journal the installed command named.
    from workbook.store import Store

    store = Store(home / "journal.sqlite3")
    try:
        assert [saved.entry.note for saved in store.entries("checkin")] == [note]
    finally:
        store.close()

