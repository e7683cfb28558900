# Quick start: `make run` serves the app at http://127.0.0.1:5000, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test build validate system-deps clean

# Debian packages: command=package pairs, installed when missing (as root).
SYSTEM_DEPS := java=default-jre-headless

system-deps:
	@scripts/system-deps.sh $(SYSTEM_DEPS)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: system-deps $(STAMP)
	$(BIN)/kneekg serve --host $(HOST) --port $(PORT)

test: system-deps $(STAMP)
	$(BIN)/pytest

build: system-deps $(STAMP)
	$(BIN)/kneekg build

validate: system-deps $(STAMP)
	$(BIN)/kneekg validate

clean:
	rm -rf $(VENV) .pytest_cache
