# `make run` and `make test` work on a fresh machine: they build their own virtual environment.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup tools docs i18n bench clean

# The main job on the example group: validate, check (its findings are real debt, so they are
# shown, not fatal here), then the quarterly report in all three formats under reports/ and
# the landscape site under site/.
run: $(STAMP)
	$(BIN)/eacheck validate .
	-$(BIN)/eacheck check .
	$(BIN)/eacheck report . --format html
	$(BIN)/eacheck report . --format md
	$(BIN)/eacheck report . --format json
	$(BIN)/eacheck site .

docs: $(STAMP)
	$(BIN)/python scripts/generate-principles-docs.py
	$(BIN)/python scripts/generate-cli-docs.py

# Extract every message, update the catalogues in eacheck/locale/ and compile them; then
# translate what it lists as untranslated in eacheck/locale/sv/LC_MESSAGES/eacheck.po.
i18n: $(STAMP)
	$(BIN)/python scripts/catalogues.py

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

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
