# Nastavnik: build, run, test. `make help` lists the targets.
SHELL := bash
# Every recipe line fails on the first failing command, including inside `cmd | tee log`.
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

CARGO ?= cargo
NPM ?= npm
FRONTEND := frontend
# npm rewrites this file on every install, so it is older than the lock file exactly when
# node_modules no longer matches it (or is missing).
NODE_MODULES := $(FRONTEND)/node_modules/.package-lock.json
# Where `make test` keeps each suite's output; the closing summary is read from these logs.
TEST_LOGS := target/test-logs
# The short spec fuzzing of `make test`, a few minutes: few cases per operation, and the coverage
# phase (boundaries and wrong types, the longest) for the school only, since those refusals come
# from the same extractors whoever asks.
CI_FUZZ_EXAMPLES ?= 5
CI_FUZZ_ROLES ?= director iro:examples,fuzzing,stateful
# A fixed seed: CI sends the same cases for the same spec; `make fuzz` draws a new seed each run.
CI_FUZZ_SEED ?= 2026

.PHONY: help run frontend openapi test fuzz bench deny clean

help:
	@echo "make run       build the SPA, then serve it and the API with demo data at http://127.0.0.1:8080"
	@echo "make frontend  install the SPA's packages if needed and build frontend/dist"
	@echo "make openapi   regenerate openapi.yaml from the code, then the SPA's API types"
	@echo "make test      everything CI runs: SPA checks, unit, black-box on SQLite and PostgreSQL, browser"
	@echo "make bench     load figures of the release server (throughput ratios, p99 at fixed rates, a write mix, a soak, peak RSS), import speed, how many instances one PostgreSQL serves, the matching engine against its targets and SciPy, the regional dashboard and a region of 500 schools on both databases"
	@echo "make deny      the dependency audit: licences, sources, bans, and advisories when reachable (deny.toml)"
	@echo "make fuzz      schemathesis over every operation of openapi.yaml as the school and the institute (>= 10 000 requests): no 5xx, nothing off the spec"
	@echo "make clean     remove build output (keeps data/ and frontend/node_modules)"

$(NODE_MODULES): $(FRONTEND)/package-lock.json $(FRONTEND)/package.json
	$(NPM) --prefix $(FRONTEND) ci --no-audit --no-fund
	@touch $@

frontend: $(NODE_MODULES)
	$(NPM) --prefix $(FRONTEND) run build

run: frontend
	MALLOC_ARENA_MAX=2 $(CARGO) run --release -p nastavnik -- serve --demo

# Through a temp file: a failing build must not leave an empty openapi.yaml behind.
openapi: $(NODE_MODULES)
	$(CARGO) run -q -p nastavnik -- openapi > openapi.yaml.tmp
	mv openapi.yaml.tmp openapi.yaml
	$(NPM) --prefix $(FRONTEND) run gen:api

# In order, cheapest first, stopping at the first failure. --bins: the browser journeys run
# target/debug/nastavnik, which --tests alone does not build.
test: $(NODE_MODULES)
	$(NPM) --prefix $(FRONTEND) run check:api
	$(NPM) --prefix $(FRONTEND) test
	$(NPM) --prefix $(FRONTEND) run build
	$(CARGO) build --workspace --bins --tests
	@mkdir -p $(TEST_LOGS) && rm -f $(TEST_LOGS)/*.log
	$(CARGO) test -p nastavnik --lib 2>&1 | tee $(TEST_LOGS)/unit.log
	$(CARGO) test -p nastavnik-tests -- on_sqlite 2>&1 | tee $(TEST_LOGS)/sqlite.log
	scripts/test-postgres.sh $(CARGO) test -p nastavnik-tests -- on_postgres 2>&1 | tee $(TEST_LOGS)/postgres.log
	scripts/e2e.sh 2>&1 | tee $(TEST_LOGS)/e2e.log
	FUZZ_MAX_EXAMPLES=$(CI_FUZZ_EXAMPLES) FUZZ_ROLES="$(CI_FUZZ_ROLES)" FUZZ_SEED=$(CI_FUZZ_SEED) scripts/fuzz.sh 2>&1 | tee $(TEST_LOGS)/fuzz.log
	@scripts/test-summary.sh $(TEST_LOGS)

# The full run; `make test` runs a short one (CI_FUZZ_EXAMPLES cases per operation and phase).
fuzz:
	$(CARGO) build -p nastavnik
	scripts/fuzz.sh

bench:
	$(CARGO) build --release -p nastavnik
	scripts/bench.sh
	scripts/test-postgres.sh scripts/bench-import.py
	scripts/test-postgres.sh scripts/bench-instances.sh
	$(CARGO) bench -p nastavnik --bench matching
	python3 bench/matching_vs_scipy.py
	$(CARGO) run -q --release -p nastavnik --example impact_speed
	scripts/test-postgres.sh $(CARGO) run -q --release -p nastavnik --example dashboard_speed
	scripts/test-postgres.sh $(CARGO) run -q --release -p nastavnik --example region_speed

deny:
	scripts/deny.sh

# data/ holds the local database and JWT secret: never cleaned. node_modules is kept because
# reinstalling it costs a network round and gains nothing.
clean:
	$(CARGO) clean
	rm -rf $(FRONTEND)/dist openapi.yaml.tmp
