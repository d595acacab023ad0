# Meedoen: the two commands that matter are `make run` and `make test`.

CARGO ?= cargo
NPM ?= npm

.PHONY: run test lint build frontend openapi clean

## Build the web app and the server, load the demo world into an empty database, then serve
## everything at http://127.0.0.1:8080 on SQLite.
run: frontend build
	./target/release/meedoen seed --demo --if-empty
	./target/release/meedoen serve

build:
	$(CARGO) build --release --locked

## The SPA in frontend/ (served by the binary from frontend/dist).
frontend:
	@if [ -f frontend/package.json ]; then \
		cd frontend && $(NPM) ci --no-audit --no-fund && $(NPM) run build; \
	else \
		echo "frontend/ has no app yet: the server shows a placeholder page"; \
	fi

## Every test: Rust unit and integration tests on SQLite, and on PostgreSQL when a server is
## reachable at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); the API fuzz
## run (schemathesis from PyPI, installed into target/fuzz-venv on first use) against the real binary
## on both databases; the SPA's unit tests, then its end-to-end tests in Debian's Chromium
## (/usr/bin/chromium) against the real binary on a fresh SQLite database with demo data, with axe
## checks on every page.
test:
	$(CARGO) test --locked
	$(CARGO) build --locked --bin meedoen
	MEEDOEN_BIN="$(CURDIR)/target/debug/meedoen" bash tests/fuzz/api.sh
	@if [ -f frontend/package.json ]; then \
		cd frontend && $(NPM) ci --no-audit --no-fund && $(NPM) test && $(NPM) run build && \
		MEEDOEN_BIN="$(CURDIR)/target/debug/meedoen" $(NPM) run e2e; \
	fi

## Formatting and lints, as CI checks them; the SPA's client must match the server's OpenAPI document.
lint:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --locked --all-targets -- -D warnings
	@if [ -f frontend/package.json ]; then \
		$(CARGO) run --quiet --locked -- openapi > frontend/openapi.json.new && \
		if ! cmp -s frontend/openapi.json.new frontend/openapi.json; then \
			rm -f frontend/openapi.json.new; \
			echo "frontend/openapi.json is out of date: run make openapi"; exit 1; \
		fi; rm -f frontend/openapi.json.new; \
		cd frontend && $(NPM) ci --no-audit --no-fund && $(NPM) run check:api && $(NPM) run lint && $(NPM) run typecheck; \
	fi

## The OpenAPI document the SPA's typed client is generated from, and the client itself.
openapi:
	@mkdir -p frontend
	$(CARGO) run --quiet --locked -- openapi > frontend/openapi.json
	cd frontend && $(NPM) run generate:api

clean:
	$(CARGO) clean
	rm -rf frontend/dist
