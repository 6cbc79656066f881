# Two commands do all the set-up on a fresh machine:
#   make demo   creates .venv, installs everything, runs the main job
#   make test   creates .venv, installs everything, runs the test suite (what CI runs)
# The CPU build of torch is installed first (a bare `torch` requirement would pull a multi-GB CUDA build);
# a venv that already has a torch (e.g. your CUDA build) keeps it.

PYTHON ?= python3
VENV ?= .venv
TORCH_VERSION ?= 2.13.0
EXTRAS ?= train,kernels,ray,dev
PYTEST_WORKERS ?= 2
BIN := $(VENV)/bin

.PHONY: demo test lint bench catalogue clean

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -c "import torch" 2>/dev/null || $(BIN)/python -m pip install -q "torch==$(TORCH_VERSION)"
	$(BIN)/python -m pip install -q -e ".[$(EXTRAS)]"
	touch $@

demo: $(BIN)/.installed
	OMP_NUM_THREADS=1 $(BIN)/rlve-gym train --output-dir runs/demo

test: $(BIN)/.installed
	HYPOTHESIS_PROFILE=ci $(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) -p no:cacheprovider

lint: $(BIN)/.installed
	$(BIN)/ruff check .

bench: $(BIN)/.installed
	$(BIN)/rlve-gym bench --difficulties 0 5 10 --problems 50 --workers 1 --json benchmarks/bench.json --markdown benchmarks/bench.md

catalogue: $(BIN)/.installed
	$(BIN)/rlve-gym list --format markdown > docs/catalogue.md

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
