# DHR Manager: the README's two commands live here.
#
#   make run    set everything up, load the demo data and serve http://127.0.0.1:8000
#   make test   install, build, lint, then run the tests on SQLite and on PostgreSQL
#
# Works as root on a fresh Debian machine that has python3.11, node/npm and the PostgreSQL 15
# package: anything else it needs (gettext) it installs with apt-get, once.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

PYTHON_BASE ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
INSTALLED := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
ASSETS := static/dist/main.css
SYSTEM_STAMP := var/.system-packages
PYTEST_WORKERS ?= 2
PYTEST_ARGS ?=
PYTEST := $(PY) -m pytest -q -n $(PYTEST_WORKERS) $(PYTEST_ARGS)
# pytest exits 5 when it collects no test: not a failure of ours, but say so.
PYTEST_OK := rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; else exit $$rc; fi

.PHONY: help run test test-sqlite test-postgres lint typecheck bench lock browser-deps \
        deps system-deps assets messages clean

help:
	@echo "make run        set up and serve the demo on http://127.0.0.1:8000"
	@echo "make test       lint, then the tests on SQLite and PostgreSQL"
	@echo "make lint       ruff and import-linter"
	@echo "make typecheck  mypy"
	@echo "make bench      benchmarks (bench/run.py)"
	@echo "make lock       re-pin requirements/*.txt from requirements/*.in"
	@echo "make browser-deps  Debian Chromium for the browser tests"

# --- Installing -----------------------------------------------------------------------

$(PY):
	$(PYTHON_BASE) -m venv $(VENV)

$(INSTALLED): requirements/base.txt requirements/dev.txt | $(PY)
	$(PIP) install --quiet --disable-pip-version-check --upgrade pip
	$(PIP) install --quiet --disable-pip-version-check \
		-r requirements/base.txt -r requirements/dev.txt
	touch $@

deps: $(INSTALLED) $(NODE_STAMP) system-deps

# gettext (msgfmt) for the Welsh catalogue; the PostgreSQL server for the second test run.
# apt-get update runs only when something is missing.
system-deps:
	@missing=""; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	command -v pg_config >/dev/null && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
		|| missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		if [ "$$(id -u)" != "0" ]; then echo "run as root or install:$$missing" >&2; exit 1; fi; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -qq; \
		apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(ASSETS): $(NODE_STAMP) frontend/build.mjs $(wildcard frontend/*.scss frontend/**/*.scss)
	npm run --silent build

assets: $(ASSETS)

messages: $(INSTALLED) system-deps
	$(PY) manage.py compilemessages -l cy --ignore=.venv --ignore=node_modules -v 0

# --- Running --------------------------------------------------------------------------

run: deps assets messages
	mkdir -p var
	DJANGO_SETTINGS_MODULE=config.settings.dev $(PY) manage.py collectstatic --noinput -v 0
	DJANGO_SETTINGS_MODULE=config.settings.dev $(PY) manage.py migrate --noinput -v 0
	DJANGO_SETTINGS_MODULE=config.settings.dev $(PY) manage.py seed_demo
	@echo "Serving on http://127.0.0.1:8000 (Ctrl+C to stop). Sign in with an account above."
	DJANGO_SETTINGS_MODULE=config.settings.dev $(PY) manage.py runserver 127.0.0.1:8000

# --- Testing --------------------------------------------------------------------------

# Lint and both suites all run, so one failure does not hide another; any failure fails.
test: deps assets messages browser-deps
	@start=$$(date +%s); rc=0; \
	$(MAKE) lint || rc=1; \
	$(MAKE) test-sqlite || rc=1; \
	$(MAKE) test-postgres || rc=1; \
	if [ $$rc -ne 0 ]; then echo "make test: FAILED after $$(( $$(date +%s) - start )) s"; exit 1; fi; \
	echo "make test: all suites passed in $$(( $$(date +%s) - start )) s"

test-sqlite: $(INSTALLED)
	@echo "== pytest on SQLite =="
	env -u DATABASE_URL $(PYTEST) -m "not browser" || { $(PYTEST_OK); }
	@echo "== browser tests (Chromium, demo server) =="
	env -u DATABASE_URL $(PY) -m pytest -q -p no:xdist -m browser tests/browser $(PYTEST_ARGS) \
		|| { $(PYTEST_OK); }

# A throwaway PostgreSQL on 127.0.0.1 at a free port, removed afterwards even on failure.
test-postgres: $(INSTALLED) system-deps
	@echo "== pytest on PostgreSQL =="
	@dir=$$(mktemp -d /tmp/dhr-pg.XXXXXX); \
	port=$$($(PY) -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); \
	trap 'bash scripts/pg_test_server.sh stop "'"$$dir"'"' EXIT; \
	bash scripts/pg_test_server.sh start "$$dir" "$$port"; \
	DATABASE_URL="postgres://dhr@127.0.0.1:$$port/dhr" $(PYTEST) -m "not browser" || { $(PYTEST_OK); }

lint: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

typecheck: $(INSTALLED)
	$(VENV)/bin/mypy .

# wrk (Debian) drives the load test: a C client that barely competes for the two cores.
bench: deps assets
	@command -v wrk >/dev/null || { export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -qq; apt-get install -y -qq --no-install-recommends wrk >/dev/null; }
	$(PY) bench/run.py

browser-deps: system-deps
	@if ! command -v chromium >/dev/null; then \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -qq; \
		apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null; \
	fi

# Re-pin requirements/*.txt: resolve each .in in a scratch virtualenv and freeze it.
# dev.txt holds only what dev.in adds on top of base.txt.
lock: | $(PY)
	@tmp=$$(mktemp -d); trap 'rm -rf "'"$$tmp"'"' EXIT; \
	$(PYTHON_BASE) -m venv "$$tmp/venv"; \
	"$$tmp/venv/bin/pip" install --quiet --disable-pip-version-check -r requirements/base.in; \
	{ echo "# Generated: pinned runtime dependencies resolved from base.in. Regenerate with \`make lock\`."; \
	  "$$tmp/venv/bin/pip" freeze --exclude-editable | LC_ALL=C sort -f; } > requirements/base.txt; \
	"$$tmp/venv/bin/pip" install --quiet --disable-pip-version-check -r requirements/dev.in; \
	{ echo "# Generated: pinned test and tooling dependencies (install together with base.txt). Regenerate with \`make lock\`."; \
	  "$$tmp/venv/bin/pip" freeze --exclude-editable | LC_ALL=C sort -f \
	  | grep -vxF -f <(tail -n +2 requirements/base.txt); } > requirements/dev.txt; \
	echo "requirements/base.txt and requirements/dev.txt re-pinned"

clean:
	rm -rf static/dist var/staticfiles $(INSTALLED) $(NODE_STAMP)
