# Two Cents for Freedom: the front door. `make help` lists every target.
# Each target installs what it needs on a fresh machine (a virtual environment,
# npm tools, Debian's chromium), so `make serve` and `make test` are all a newcomer runs.

PY ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
PELICAN := $(VENV)/bin/pelican
INPUTDIR := content
OUTPUTDIR := output
CONFFILE := pelicanconf.py
PUBLISHCONF := publishconf.py
PORT ?= 8000
SERVER ?= 127.0.0.1
SHARED_DATA ?= ../shared/data
PELICANOPTS ?=
# How check-content prints problems: text, or github (also ::error lines for pull requests).
CONTENT_FORMAT ?= text

# Offline builds from the shared snapshot, when it is there (tests and checks).
ifneq ($(wildcard $(SHARED_DATA)/congress-legislators),)
SNAPSHOT_ENV := LEGISLATORS_SOURCE=$(abspath $(SHARED_DATA)/congress-legislators) \
	LEGISLATORS_ZIP_SOURCE=$(abspath $(SHARED_DATA)/zcta-cd/zccd.csv)
endif

VENV_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.DEFAULT_GOAL := help
.PHONY: help serve html devserver data test unit check lint case check-content admin \
	bench publish clean deps chromium screens

help: ## List the targets
	@echo "Two Cents for Freedom. Usage: make <target>"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*## "} {printf "  %-14s %s\n", $$1, $$2}'
	@echo
	@echo "Variables: LEGISLATORS_SOURCE=<url or folder> LEGISLATORS_ZIP_SOURCE=<url or file>"
	@echo "           PORT=$(PORT) SERVER=$(SERVER) SITEURL=<https origin, for publish>"
	@echo "           CONTENT_FORMAT=$(CONTENT_FORMAT) (text or github, for check-content)"

$(VENV_STAMP): pyproject.toml
	test -x $(VPY) || $(PY) -m venv $(VENV)
	$(VPY) -m pip install --quiet --upgrade pip
	$(VPY) -m pip install --quiet -e ".[dev]"
	touch $@

# `npm ci` installs exactly the lock file; when a dependency's "latest" tag has moved since
# the lock was written, npm calls the lock out of sync: then fall back to `npm install`.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error
	touch $@

deps: $(VENV_STAMP) $(NODE_STAMP) chromium ## Install everything (venv, npm tools, chromium)

chromium: ## Install Debian's chromium for browser tests, if missing
	@command -v chromium >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }
	@command -v chromium >/dev/null 2>&1 || { echo "chromium is not installed"; exit 1; }

html: $(VENV_STAMP) $(NODE_STAMP) ## Build the site into output/ (strict, clean folder, then swap) + search index
	$(VPY) scripts/publish.py --output $(OUTPUTDIR) --settings $(CONFFILE) $(if $(PELICANOPTS),-- $(PELICANOPTS))

serve: html ## Build and serve the site on http://127.0.0.1:8000
	@echo "Serving on http://$(SERVER):$(PORT)/ (Ctrl-C to stop)"
	$(PELICAN) -l -p $(PORT) -b $(SERVER) -o $(OUTPUTDIR) -s $(CONFFILE)

devserver: $(VENV_STAMP) $(NODE_STAMP) ## Serve with the production headers; rebuild (safely) on every change
	$(VPY) scripts/publish.py --output $(OUTPUTDIR) --settings $(CONFFILE) --watch \
		--port $(PORT) --bind $(SERVER) $(if $(PELICANOPTS),-- $(PELICANOPTS))

data: $(VENV_STAMP) ## Refresh the legislator data cache (the only network step)
	$(VPY) scripts/update_data.py

lint: $(VENV_STAMP) ## ruff over our Python; schema and security audit of the CI workflows
	$(VENV)/bin/ruff check pelicanconf.py publishconf.py plugins scripts tests
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(VENV)/bin/zizmor --offline --no-progress .github/workflows/

unit: deps ## Unit, build and browser tests (pytest)
	$(VENV)/bin/pytest

check: deps ## Strict build from the snapshot + HTML, links, axe, origins, Lighthouse
	$(SNAPSHOT_ENV) $(VPY) -m quality --output $(OUTPUTDIR)

test: deps lint check-content unit check ## Everything CI runs

case: $(VENV_STAMP) ## Start a new case highlight (asks for title, date, outcomes...)
	$(VPY) scripts/new_case.py

check-content: $(VENV_STAMP) ## Check every file under content/ and list all problems
	$(SNAPSHOT_ENV) $(VPY) scripts/check_content.py --format $(CONTENT_FORMAT) $(INPUTDIR)

admin: deps ## Web editor for volunteers on http://127.0.0.1:8000/admin/ (local backend)
	$(VPY) scripts/admin_server.py --port $(PORT)

bench: deps ## Benchmark: build time vs plain Pelican, page weight, lookup time
	$(SNAPSHOT_ENV) $(VPY) -m bench

screens: deps ## Screenshots of every page type (phone, desktop; light, dark) into screens/, and the action flow measured
	$(SNAPSHOT_ENV) $(VPY) scripts/publish.py --output $(OUTPUTDIR) --settings $(CONFFILE)
	cd scripts && ../$(VPY) -m quality.screens --site ../$(OUTPUTDIR) --out ../screens

publish: $(VENV_STAMP) $(NODE_STAMP) ## Production build (publishconf.py; needs SITEURL=https://…), then swap
	SITEURL="$(SITEURL)" $(VPY) scripts/publish.py --output $(OUTPUTDIR) --settings $(PUBLISHCONF)

clean: ## Remove the built site and caches
	rm -rf $(OUTPUTDIR) $(OUTPUTDIR).new $(OUTPUTDIR).old .cache/pelican .pytest_cache
