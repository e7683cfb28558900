# Quick start: `make run` serves the app at http://127.0.0.1:5000 (nginx in front of gunicorn), `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
VENDOR := webapp/static/vendor
VENDOR_STAMP := $(VENDOR)/.installed
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test test-fast build validate system-deps clean bench

# Debian packages: command=package pairs, installed when missing (as root). nginx is the front of
# `kneekg serve` (webapp/front.py); Debian installs it in /usr/sbin, which is not on every PATH.
SYSTEM_DEPS := java=default-jre-headless npm=npm chromium=chromium virtuoso-t=virtuoso-opensource \
	/usr/sbin/nginx=nginx-light

system-deps:
	@scripts/system-deps.sh $(SYSTEM_DEPS)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# Front-end libraries from npm, served by the app itself (no CDN).
$(VENDOR_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)
	cp node_modules/@zazuko/yasgui/build/yasgui.min.js node_modules/@zazuko/yasgui/build/yasgui.min.css $(VENDOR)/
	cp node_modules/cytoscape/dist/cytoscape.min.js $(VENDOR)/
	cp node_modules/layout-base/layout-base.js node_modules/cose-base/cose-base.js \
	   node_modules/cytoscape-fcose/cytoscape-fcose.js $(VENDOR)/
	touch $(VENDOR_STAMP)

run: system-deps $(STAMP) $(VENDOR_STAMP)
	$(BIN)/kneekg serve --host $(HOST) --port $(PORT)

test: system-deps $(STAMP) $(VENDOR_STAMP)
	$(BIN)/pytest

# The fast tests alone (unit tests and doctests: no browser, no remote store, no reasoner runs).
test-fast: $(STAMP)
	$(BIN)/pytest -m "unit and not remote and not e2e"

build: system-deps $(STAMP)
	$(BIN)/kneekg build

validate: system-deps $(STAMP)
	$(BIN)/kneekg validate

clean:
	rm -rf $(VENV) .pytest_cache node_modules $(VENDOR)

# Benchmarks (bench/, results in bench/results/ and the README's Performance table): wrk, nginx and
# Virtuoso from Debian, the bench extra, then every script (about 25 minutes on 2 cores).
BENCH_DEPS := wrk=wrk /usr/sbin/nginx=nginx-light virtuoso-t=virtuoso-opensource
BENCH_STAMP := $(VENV)/.bench-installed

$(BENCH_STAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $(BENCH_STAMP)

bench: system-deps $(STAMP) $(BENCH_STAMP)
	@scripts/system-deps.sh $(BENCH_DEPS)
	$(BIN)/python bench/inprocess.py
	$(BIN)/python bench/http.py
	$(BIN)/python bench/peers.py
	$(BIN)/python bench/uncached.py
	$(BIN)/python bench/hostile.py --only serve serve+oxigraph serve+oxigraph-endpoint --name hostile-serve
	$(BIN)/python bench/memory.py
	$(BIN)/python bench/soak.py
	$(BIN)/python bench/ask_latency.py
	$(BIN)/python bench/update_readme.py
