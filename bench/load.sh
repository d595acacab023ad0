#!/usr/bin/env bash
# Load benchmark of the public offer list (issue 3):
#   GET /api/v1/offers?district=<random district>&limit=20
# over a synthetic world of 10,000 published offers in 60 districts, on SQLite and PostgreSQL,
# at 64 and 256 connections, next to a trivial actix-web JSON handler (the ceiling) measured in
# the same run. Peak server memory (RSS) is sampled throughout.
#
# Usage: bash bench/load.sh [duration-seconds]   (default 20)
# Needs: wrk (Debian package), a PostgreSQL server at $BENCH_PG (default postgres://postgres@127.0.0.1:5432).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
PG="${BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
PORT=18181
CEILING_PORT=18182
WORK="$(mktemp -d /tmp/meedoen-bench.XXXXXX)"
RESULTS="bench/results/load-$(date -u +%Y-%m-%d).md"
mkdir -p bench/results

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
cargo build --release --locked --bin meedoen --example ceiling
BIN=target/release/meedoen

cleanup() { kill "${SERVER_PID:-}" "${SAMPLER_PID:-}" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# Samples the RSS (kB) of $1 every 200 ms into $2 until the process ends.
sample_rss() {
    while kill -0 "$1" 2>/dev/null; do
        awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null >> "$2" || true
        sleep 0.2
    done
}

# wrk with a Lua script that picks a random district per request; prints "rps p99_ms".
run_wrk() { # url connections script
    local out
    out=$(wrk -t2 -c"$2" -d"${DURATION}s" --latency ${3:+-s "$3"} "$1")
    echo "$out" >> "$WORK/wrk.log"
    local rps p99
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    local errors
    errors=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
    echo "$rps $(to_ms "$p99") ${errors:-0}"
}

to_ms() { # wrk latency like 1.23ms, 850.00us, 1.02s
    case "$1" in
        *us) awk -v v="${1%us}" 'BEGIN {printf "%.2f", v / 1000}' ;;
        *ms) awk -v v="${1%ms}" 'BEGIN {printf "%.2f", v}' ;;
        *s) awk -v v="${1%s}" 'BEGIN {printf "%.2f", v * 1000}' ;;
        *) echo "$1" ;;
    esac
}

wait_ready() {
    for _ in $(seq 100); do
        curl -fs "http://127.0.0.1:$1/$2" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "server on port $1 did not start"; exit 1
}

declare -a ROWS
bench_backend() { # name database-url
    local name="$1" url="$2"
    export DATABASE_URL="$url" MEEDOEN__APP__DATA_DIR="$WORK/data" MEEDOEN__MAIL__DIR="$WORK/mail" \
        MEEDOEN__MAIL__DELIVER=false MEEDOEN__RATE_LIMIT__ENABLED=false MEEDOEN__LOG__LEVEL=warn \
        MEEDOEN__SERVER__PORT=$PORT MEEDOEN__DATABASE__POOL_SIZE=16
    echo "== $name: seeding 10,000 offers in 60 districts"
    "$BIN" seed --synthetic --residents 1000 --offers 10000 --districts 60 | tail -1
    "$BIN" serve > "$WORK/server-$name.log" 2>&1 &
    SERVER_PID=$!
    wait_ready $PORT healthz
    # The 60 leaf districts of the synthetic municipality, for the Lua script.
    curl -fs "http://127.0.0.1:$PORT/api/v1/districts" | python3 -c '
import json, sys
ids = []
def walk(nodes):
    for n in nodes:
        if n["kind"] == "district" and n["name"].startswith("Wijk "): ids.append(n["id"])
        walk(n["children"])
walk(json.load(sys.stdin)["items"])
print("districts = {" + ",".join("\"%s\"" % i for i in ids) + "}")
print("request = function() return wrk.format(\"GET\", \"/api/v1/offers?district=\" .. districts[math.random(#districts)] .. \"&limit=20\") end")
' > "$WORK/offers.lua"
    grep -o '"' "$WORK/offers.lua" | wc -l | awk '{ if ($1 < 120) { print "expected 60 districts"; exit 1 } }'
    : > "$WORK/rss-$name"
    sample_rss "$SERVER_PID" "$WORK/rss-$name" &
    SAMPLER_PID=$!
    # Warm up, then measure.
    wrk -t2 -c64 -d3s -s "$WORK/offers.lua" "http://127.0.0.1:$PORT" > /dev/null
    for connections in 64 256; do
        read -r rps p99 errors < <(run_wrk "http://127.0.0.1:$PORT" "$connections" "$WORK/offers.lua")
        ROWS+=("$name|$connections|$rps|$p99|$errors")
        echo "   $connections connections: $rps req/s, p99 $p99 ms, non-2xx $errors"
    done
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
    PEAK[$name]=$(sort -n "$WORK/rss-$name" | tail -1)
    echo "   peak RSS: $(( ${PEAK[$name]} / 1024 )) MB"
}

declare -A PEAK
rm -rf "$WORK/data"; mkdir -p "$WORK/data"
bench_backend sqlite "sqlite:$WORK/data/bench.db"

DB="meedoen_bench_$$"
psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
bench_backend postgresql "$PG/$DB"
psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)"

echo "== ceiling: trivial actix-web JSON handler"
PORT=$CEILING_PORT target/release/examples/ceiling &
SERVER_PID=$!
wait_ready $CEILING_PORT json
wrk -t2 -c64 -d3s "http://127.0.0.1:$CEILING_PORT/json" > /dev/null
declare -A CEILING
for connections in 64 256; do
    read -r rps p99 errors < <(run_wrk "http://127.0.0.1:$CEILING_PORT/json" "$connections")
    CEILING[$connections]=$rps
    ROWS+=("ceiling|$connections|$rps|$p99|$errors")
    echo "   $connections connections: $rps req/s, p99 $p99 ms"
done
kill "$SERVER_PID"

{
    echo "## Load: GET /api/v1/offers?district=…&limit=20 ($(date -u +%Y-%m-%d))"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(uname -r); wrk -t2, ${DURATION} s per run, on the same machine as the server."
    echo "World: 10,000 published offers in 60 districts (synthetic seed 42); each request picks a random district."
    echo
    echo "| server | connections | requests/s | share of ceiling | p99 latency | non-2xx | peak RSS |"
    echo "|---|---|---|---|---|---|---|"
    for row in "${ROWS[@]}"; do
        IFS='|' read -r name connections rps p99 errors <<< "$row"
        share=$(awk -v a="$rps" -v b="${CEILING[$connections]}" 'BEGIN {printf "%.0f %%", 100 * a / b}')
        peak="-"
        [ -n "${PEAK[$name]:-}" ] && peak="$(( ${PEAK[$name]} / 1024 )) MB"
        echo "| $name | $connections | $rps | $share | $p99 ms | $errors | $peak |"
    done
} | tee "$RESULTS"
echo "written to $RESULTS"
