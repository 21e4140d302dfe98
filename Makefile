# Two commands work on a fresh machine with Python 3.11 and make:
#   make report   creates .venv, installs factcheck, renders the example article's report
#   make test     creates .venv with the test extras and runs the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
EXAMPLE := examples/channel-migrants.txt

.PHONY: report test lint bench eval docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q factcheck
	touch $@

report: $(VENV)/.installed
	$(BIN)/factcheck analyze $(EXAMPLE) --format json -o reports/channel-migrants.json
	$(BIN)/factcheck analyze $(EXAMPLE) --format text
	$(BIN)/factcheck report $(EXAMPLE) -o reports/ --format both
	@echo "wrote reports/channel-migrants.pdf, .html and .json"

test: $(VENV)/.installed
	$(BIN)/ruff check factcheck tests benchmarks
	$(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check factcheck tests benchmarks

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_analyze.py
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_report.py

eval: $(VENV)/.installed
	$(BIN)/python benchmarks/eval_loaded.py
	$(BIN)/python benchmarks/eval_numbers.py
	$(BIN)/python benchmarks/eval_attribution.py
	$(BIN)/python benchmarks/eval_boilerplate.py

docs: $(VENV)/.installed
	$(BIN)/factcheck rules docs -o docs/rules.md

clean:
	rm -rf $(VENV) build dist *.egg-info
