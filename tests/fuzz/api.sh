#!/usr/bin/env bash
# Property-based fuzz run of the API against its own OpenAPI document (issue 10): schemathesis
# generates requests from every operation's schema — valid ones and ones that break it — and checks
# every answer: no server error, a status the document lists, the content type and body schema the
# document gives. It runs against the real binary on a demo world, once per database, anonymous and
# signed in as each demo role.
#
# Usage: bash tests/fuzz/api.sh            (from the repository root; `make test` runs it)
# Environment (optional):
#   MEEDOEN_BIN      the binary (target/debug/meedoen)
#   FUZZ_BACKENDS    "sqlite postgresql"
#   FUZZ_EXAMPLES    examples per operation and phase (25)
#   FUZZ_PG          PostgreSQL server (postgres://postgres@127.0.0.1:5432)
#   FUZZ_VENV        where schemathesis is installed (target/fuzz-venv)
#   FUZZ_KEEP=1      keep the work directory (server logs, schemathesis reports)
# Needs: python3 (with venv), curl, psql. About 3 minutes for both databases on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."

SCHEMATHESIS_VERSION=4.32.5
BIN="$(realpath "${MEEDOEN_BIN:-target/debug/meedoen}")"
BACKENDS="${FUZZ_BACKENDS:-sqlite postgresql}"
EXAMPLES="${FUZZ_EXAMPLES:-25}"
PG="${FUZZ_PG:-postgres://postgres@127.0.0.1:5432}"
VENV="${FUZZ_VENV:-target/fuzz-venv}"
PORT=18183
PASSWORD="meedoen-demo" # src/seed/mod.rs DEMO_PASSWORD
WORK="$(mktemp -d /tmp/meedoen-fuzz.XXXXXX)"
SERVER_PID=""
PG_DB=""

cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
    if [ -n "$PG_DB" ]; then
        psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
    fi
    if [ "${FUZZ_KEEP:-0}" = 1 ]; then echo "kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# PostgreSQL when a server answers (required when MEEDOEN_TEST_REQUIRE_POSTGRES=1, as in CI).
if [[ " $BACKENDS " == *" postgresql "* ]] && ! psql "$PG/postgres" -qAtc "SELECT 1" >/dev/null 2>&1; then
    if [ "${MEEDOEN_TEST_REQUIRE_POSTGRES:-0}" = 1 ]; then
        echo "PostgreSQL at $PG does not answer, and MEEDOEN_TEST_REQUIRE_POSTGRES=1"; exit 1
    fi
    echo "PostgreSQL at $PG does not answer: the fuzz run covers SQLite only"
    BACKENDS="${BACKENDS/postgresql/}"
fi

if ! "$VENV/bin/st" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
    echo "installing schemathesis $SCHEMATHESIS_VERSION into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet "schemathesis==$SCHEMATHESIS_VERSION"
fi

token_of() { # email
    curl -fsS -H 'Content-Type: application/json' \
        -d "{\"email\": \"$1\", \"password\": \"$PASSWORD\"}" \
        "http://127.0.0.1:$PORT/api/v1/auth/login" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}

failed=0
for backend in $BACKENDS; do
    case "$backend" in
        sqlite) url="sqlite:$WORK/$backend.db" ;;
        postgresql)
            PG_DB="meedoen_fuzz_$$"
            psql "$PG/postgres" -qc "CREATE DATABASE $PG_DB" >/dev/null
            url="$PG/$PG_DB" ;;
        *) echo "unknown backend $backend"; exit 1 ;;
    esac
    export DATABASE_URL="$url" MEEDOEN__APP__DATA_DIR="$WORK/data-$backend" \
        MEEDOEN__MAIL__DIR="$WORK/mail-$backend" MEEDOEN__MAIL__DELIVER=false \
        MEEDOEN__RATE_LIMIT__ENABLED=false MEEDOEN__SERVER__PORT=$PORT MEEDOEN__LOG__LEVEL=warn \
        MEEDOEN__APP__STATIC_DIR="$WORK/no-web-app"
    "$BIN" seed --demo > /dev/null
    "$BIN" serve > "$WORK/server-$backend.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 100); do
        curl -fs -o /dev/null "http://127.0.0.1:$PORT/readyz" && break
        sleep 0.1
    done
    for actor in anonymous bewoner organisatie wijkwerker admin; do
        headers=()
        if [ "$actor" != anonymous ]; then
            headers=(-H "Authorization: Bearer $(token_of "$actor@demo.meedoen.nl")")
        fi
        echo "== $backend, $actor"
        if ! "$VENV/bin/st" --config-file tests/fuzz/schemathesis.toml run \
            "http://127.0.0.1:$PORT/api/v1/openapi.json" \
            --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
            --max-examples "$EXAMPLES" --workers 2 --seed 1 --no-color \
            "${headers[@]}" > "$WORK/st-$backend-$actor.txt" 2>&1; then
            failed=1
            echo "   FAILED: see below"
            tail -60 "$WORK/st-$backend-$actor.txt"
        else
            grep -E "^(Test cases|API Operations|Summary)|passed|cases" "$WORK/st-$backend-$actor.txt" | tail -3
        fi
    done
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
    # actix-http logs a request it cannot parse (the fuzzer sends broken headers on purpose) at
    # ERROR and answers it 400 itself; every other ERROR line is ours.
    errors=$(grep "ERROR" "$WORK/server-$backend.log" | grep -v "request parse error" || true)
    if [ -n "$errors" ]; then
        echo "   the server logged errors ($backend):"; echo "$errors" | head -20
        failed=1
    fi
done
exit $failed
