# Secure Base: build the environment, open the workbook, run the tests.
#
#   make lab    open JupyterLab on notebooks/00_start_here.ipynb (served from notebooks/)
#   make app    the same notebooks as a plain app (Voila, code hidden), at the home page
#   make test   lint, then run every test (unit, widget, notebook, browser) on every core
#   make lint   ruff only
#   make clean  remove the environment and caches (journal data is never touched)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.secure-base-installed
LOCK   := requirements/lock.txt
# Extra options for 'make lab', e.g. make lab LAB_ARGS="--port 9999"
LAB_ARGS ?=
# Extra options for 'make app', e.g. make app APP_ARGS="--port 8866 --no-browser"
APP_ARGS ?=
# Extra options for pytest in 'make test', e.g. make test PYTEST_ARGS=-n0 (one at a time)
PYTEST_ARGS ?=

# Exit 0 only when the given interpreter is Python 3.11 or newer.
PY_OK := -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'

.DEFAULT_GOAL := help
.PHONY: help lab app test lint clean

help:
	@echo "make lab    open the workbook in JupyterLab"
	@echo "make app    open the workbook as an app, without code (Voila)"
	@echo "make test   lint and run all tests"
	@echo "make lint   run ruff"
	@echo "make clean  remove .venv and caches"

# Rebuilt when the project or the pins change.
$(STAMP): pyproject.toml setup.py $(LOCK)
	@if [ ! -x $(BIN)/python ]; then \
	  command -v $(PYTHON) >/dev/null 2>&1 || { \
	    echo "error: '$(PYTHON)' not found. Install Python 3.11 or newer," \
	         "or run: make PYTHON=/path/to/python3.11 ..." >&2; exit 1; }; \
	  $(PYTHON) $(PY_OK) || { \
	    echo "error: Secure Base needs Python 3.11 or newer, but '$(PYTHON)' is" \
	         "$$($(PYTHON) -c 'import platform; print(platform.python_version())')." \
	         "Run: make PYTHON=/path/to/python3.11 ..." >&2; exit 1; }; \
	  echo "Creating $(VENV) with $$($(PYTHON) -c 'import sys; print(sys.executable)')"; \
	  $(PYTHON) -m venv $(VENV) || { \
	    echo "error: could not create $(VENV). On Debian or Ubuntu, install" \
	         "python3-venv first." >&2; exit 1; }; \
	fi
	@$(BIN)/python $(PY_OK) || { \
	  echo "error: $(VENV) uses Python older than 3.11. Run 'make clean' and try again." >&2; \
	  exit 1; }
	@# uv installs the same pinned packages as pip in about a third of the time
	@# (17 s against 53 s on a 2-core machine, nothing downloaded before); pip does it where uv
	@# can't be had.
	if $(BIN)/python -m pip install --quiet -c $(LOCK) uv; then \
	  $(BIN)/uv pip install --quiet --python $(BIN)/python --compile-bytecode \
	    -c $(LOCK) -e '.[test]'; \
	else \
	  $(BIN)/python -m pip install --quiet --upgrade pip && \
	  $(BIN)/python -m pip install --quiet -c $(LOCK) -e '.[test]'; \
	fi
	@touch $(STAMP)

# Both go through the secure-base command, as an installed copy does. In a clone, lab
# serves notebooks/ itself, so contributors edit the notebooks they commit.
lab: $(STAMP)
	$(BIN)/secure-base lab --notebooks notebooks $(LAB_ARGS)

# Voila serves this computer only (127.0.0.1) on a free port, with a key in the address.
app: $(STAMP)
	$(BIN)/secure-base app $(APP_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .

# One pytest-xdist worker per core; notebooks and browser tests are grouped in conftest.py.
# The workbook's modules are compiled first, once: the tests start hundreds of Python
# processes (kernels, app servers, writers), and where Python may not write bytecode
# (PYTHONDONTWRITEBYTECODE) each of them would compile the modules it imports again.
test: lint
	$(BIN)/python -m compileall -q workbook
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .hypothesis
	find . -path ./.git -prune -o \
	  \( -name __pycache__ -o -name .ipynb_checkpoints \) -type d -prune -exec rm -rf {} +
