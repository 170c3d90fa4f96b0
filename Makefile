# `make run` and `make test` work on a fresh machine: they build their own virtual environment.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Running needs eacheck and its dependencies only; the tests also need the `test` extra
# (pytest, Playwright and more), which `make run` must not pull in.
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test setup tools docs i18n bench clean

# The main job on the example group: validate, check (its findings are real debt, so they are
# shown, not fatal here), then the quarterly report in all three formats under reports/ and
# the landscape site under site/.
run: $(RUN_STAMP)
	$(BIN)/eacheck validate .
	-$(BIN)/eacheck check .
	$(BIN)/eacheck report . --format html
	$(BIN)/eacheck report . --format md
	$(BIN)/eacheck report . --format json
	$(BIN)/eacheck site .

docs: $(RUN_STAMP)
	$(BIN)/python scripts/generate-principles-docs.py
	$(BIN)/python scripts/generate-cli-docs.py
	$(BIN)/python scripts/generate-ci-example.py

# Extract every message, update the catalogues in eacheck/locale/ and compile them; then
# translate what it lists as untranslated in eacheck/locale/sv/LC_MESSAGES/eacheck.po.
i18n: $(RUN_STAMP)
	$(BIN)/python scripts/catalogues.py

bench: $(TEST_STAMP)  # compares with check-jsonschema, from the test extra
	$(BIN)/python benchmarks/run.py

# The tests drive chromium and graphviz for real; under `make test` a missing tool fails its
# tests instead of skipping them.
test: $(TEST_STAMP) tools
	EACHECK_REQUIRE_TOOLS=1 $(BIN)/python -m pytest

tools:
	scripts/install-test-tools.sh

# A developer's set-up: everything the tests need.
setup: $(TEST_STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUN_STAMP)

# The test extra includes what running needs, so it satisfies `make run` as well.
$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(TEST_STAMP) $(RUN_STAMP)

clean:
	rm -rf $(VENV) build *.egg-info
