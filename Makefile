# Quick start: `make demo` and `make test` work on a fresh machine with Python 3.11.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install bench eval-seeds eval-dev clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24"
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/diplograph extract samples/articles --format pretty
	$(BIN)/diplograph eval samples/articles --gold samples/gold

test: $(STAMP)
	$(BIN)/python -m pytest -q

eval-seeds: $(STAMP)
	$(BIN)/diplograph eval ../shared/seeds --gold ../shared/gold

eval-dev: $(STAMP)
	$(BIN)/diplograph eval ../shared/dev/dev.jsonl --gold ../shared/dev/gold

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
