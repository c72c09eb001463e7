# The two commands a user needs: `make demo` and `make test`. Both install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install demo test bench values nightly clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

demo: install
	$(BIN)/claimcheck audit fixtures/openai --fail-on never
	$(BIN)/claimcheck audit fixtures/openai --format html --output report.html --fail-on never
	@echo "wrote report.html"

test: install
	$(BIN)/pytest -q

bench: install
	$(BIN)/python -m bench.run

values: install
	$(BIN)/python -m bench.values

nightly: install
	$(BIN)/pytest -q -m "slow or not slow"

clean:
	rm -rf $(VENV) report.html report.json .pytest_cache
