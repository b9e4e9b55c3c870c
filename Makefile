# Every target creates .venv and installs the project on first use, so a fresh clone needs only `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install test check lint typecheck bench demo clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

test: $(STAMP)
	$(PY) -m pytest -q

check: lint typecheck

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck: $(STAMP)
	$(PY) -m mypy

bench: $(STAMP)
	$(PY) bench/poll.py
	$(PY) bench/summarize.py
	$(PY) bench/search.py
	$(PY) bench/broadcast.py
	$(PY) bench/inline.py

demo: $(STAMP)
	$(PY) main.py demo

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
