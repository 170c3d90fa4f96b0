# `make run` and `make test` work on a fresh machine: they build their own virtual environment.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup tools clean

run: $(STAMP)
	$(BIN)/eacheck validate .

# The tests drive chromium and graphviz for real; under `make test` a missing tool fails its
# tests instead of skipping them.
test: $(STAMP) tools
	EACHECK_REQUIRE_TOOLS=1 $(BIN)/python -m pytest

tools:
	scripts/install-test-tools.sh

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info
