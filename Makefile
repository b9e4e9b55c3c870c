# Every target creates .venv and installs the project on first use, so a fresh clone needs only `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The summariser and bot/dates.py compiled with mypyc (bot/native.py; README "Speed"), rebuilt whenever one of
# their modules changes. Without a C compiler and Python's headers it runs as Python, which gives the same results.
NATIVE := build/native/bot/sources.json
NATIVE_SRC := bot/dates.py $(filter-out %/__init__.py,$(wildcard bot/summarize/*.py))

.PHONY: install test check lint typecheck bench demo clean

install: $(STAMP) $(NATIVE)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The directory too: a module removed from it changes the build as well.
$(NATIVE): $(STAMP) $(NATIVE_SRC) bot/native.py bot/summarize
	NOTICEBOT_PURE=1 $(PY) -c 'from bot.native import build; build()'

# Two workers (pytest-xdist): most of the suite waits on sockets, subprocesses and rate windows, so two
# processes finish in about half the time even on 2 cores. Each worker starts its own PostgreSQL cluster;
# --dist loadgroup keeps the tests marked xdist_group("heavy") (multi-process end-to-end runs that measure
# rates and takeover times) on one worker, one at a time, so two of them never starve each other.
TEST_WORKERS ?= 2

test: $(STAMP) $(NATIVE)
	$(PY) -m pytest -q -n $(TEST_WORKERS) --dist loadgroup

check: lint typecheck

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck: $(STAMP)
	$(PY) -m mypy

bench: $(STAMP) $(NATIVE)
	$(PY) bench/poll.py
	$(PY) bench/summarize.py
	$(PY) bench/meta_robust.py
	$(PY) bench/json_discovery.py
	$(PY) bench/search.py
	$(PY) bench/broadcast.py
	$(PY) bench/inline.py

demo: $(STAMP) $(NATIVE)
	$(PY) main.py demo

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache
