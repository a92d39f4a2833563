# gametheory: every target creates .venv and installs what it needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
# re-install when the project metadata changes
STAMP     := $(VENV)/.installed
STAMP_DEV := $(VENV)/.installed-dev
PYTEST_WORKERS ?= 2

.PHONY: demo test test-thorough lint typecheck bench figures clean help

help:
	@echo "make demo           create .venv, install, solve the bundled games, analyze seeds/tripp.toml, write figures/"
	@echo "make test           create .venv, install [dev], ruff + the whole suite (notebooks too)"
	@echo "make test-thorough  the suite with the 'thorough' Hypothesis profile"
	@echo "make lint           ruff"
	@echo "make typecheck      mypy (configuration in pyproject.toml)"
	@echo "make bench          side-by-side benchmarks (nashpy, pygambit, QuantEcon)"
	@echo "make figures        regenerate figures/"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PIP) install --quiet -e .
	touch $@

$(STAMP_DEV): pyproject.toml | $(PY)
	$(PIP) install --quiet -e ".[dev]"
	touch $@ $(STAMP)

demo: $(STAMP)
	$(PY) -m gametheory demo
	$(PY) -m gametheory analyze seeds/tripp.toml --figures figures

lint: $(STAMP_DEV)
	$(VENV)/bin/ruff check gametheory tests bench

typecheck: $(STAMP_DEV)
	$(PY) -m mypy gametheory

test: $(STAMP_DEV)
	$(VENV)/bin/ruff check gametheory tests bench
	$(PY) -m pytest -n $(PYTEST_WORKERS) -p no:cacheprovider --nbmake

test-thorough: $(STAMP_DEV)
	HYPOTHESIS_PROFILE=thorough $(PY) -m pytest -n $(PYTEST_WORKERS) -p no:cacheprovider --nbmake

bench: $(STAMP_DEV)
	$(PY) bench/normal_form.py
	$(PY) bench/qre_enumpoly.py
	$(PY) bench/sensitivity.py

figures: $(STAMP)
	$(PY) -m gametheory.figures

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis .ruff_cache
