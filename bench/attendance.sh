#!/usr/bin/env bash
# Attendance benchmark (issue 12): on SQLite and PostgreSQL, a synthetic world of 100,000 residents,
# 10,000 offers and 52 weeks of attendance (`meedoen seed --synthetic --weeks 52`: every offer's
# places filled, a record per weekly meeting, several million rows), served by the release binary.
# bench/attendance.py then times, over keep-alive HTTP from the same machine, what people do:
#   participation  GET /me/participation for a year, as a random one of 200 residents with a place
#   overview       GET /offers/{id}/participation for a quarter, as the offer's organisation
#   follow-ups     GET /worker/follow-ups, as the synthetic worker (300 referrals)
#   register       PUT /occurrences/{id}/attendance for a 30-person register (each save changes all 30)
# counting every answer's status and sampling the server's RSS every 200 ms. Targets: under 20 ms at
# the median for each. bench/monitor.py times the monitor on the same world (issue 13: every page
# and export under 200 ms), as an administrator made with `meedoen admin create`; it runs first and
# waits for the kept figures (the server works them out every 5 s here), so the attendance runs
# are not measured beside that first work.
# Results go to bench/results/attendance-<date>.md (monitor-<date>.md when BENCH_PARTS=monitor).
#
# Settings: BIN (a prebuilt release binary), BENCH_BACKENDS ("sqlite postgres"), BENCH_RESIDENTS
# (100000), BENCH_OFFERS (10000), BENCH_WEEKS (52), BENCH_REQUESTS (500 per run),
# BENCH_MONITOR_REQUESTS (60 per run), BENCH_PARTS ("monitor attendance"),
# BENCH_PG (postgres://postgres@127.0.0.1:5432).
set -euo pipefail
cd "$(dirname "$0")/.."

BACKENDS="${BENCH_BACKENDS:-sqlite postgres}"
RESIDENTS="${BENCH_RESIDENTS:-100000}"
OFFERS="${BENCH_OFFERS:-10000}"
WEEKS="${BENCH_WEEKS:-52}"
REQUESTS="${BENCH_REQUESTS:-500}"
MONITOR_REQUESTS="${BENCH_MONITOR_REQUESTS:-60}"
PARTS="${BENCH_PARTS:-monitor attendance}"
PG="${BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
PORT=18090
if [ -z "${BIN:-}" ]; then
    cargo build --release --locked --bin meedoen
    BIN=target/release/meedoen
fi
WORK="$(mktemp -d)"
# A run of the monitor alone is kept apart from the attendance results.
if [ "$PARTS" = monitor ]; then
    OUT="bench/results/monitor-$(date -u +%F).md"
else
    OUT="bench/results/attendance-$(date -u +%F).md"
fi
trap 'kill "${SERVER:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

{
    echo "# Benchmark of $PARTS, $(date -u '+%F %H:%M') UTC"
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); binary $(git rev-parse --short HEAD)."
    echo "World: $RESIDENTS residents, $OFFERS offers, $WEEKS weeks of attendance."
    echo
} > "$OUT"

for backend in $BACKENDS; do
    if [ "$backend" = sqlite ]; then
        url="sqlite://$WORK/bench.db"
    else
        psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS meedoen_bench_attendance" >/dev/null
        psql "$PG/postgres" -qc "CREATE DATABASE meedoen_bench_attendance" >/dev/null
        url="$PG/meedoen_bench_attendance"
    fi
    echo "== $backend: seeding"
    started=$(date +%s)
    MEEDOEN__DATABASE__URL="$url" MEEDOEN__APP__DATA_DIR="$WORK/data" "$BIN" seed --synthetic \
        --residents "$RESIDENTS" --offers "$OFFERS" --districts 60 --weeks "$WEEKS" | tail -2
    seeded=$(( $(date +%s) - started ))
    MEEDOEN__DATABASE__URL="$url" MEEDOEN__APP__DATA_DIR="$WORK/data" \
        MEEDOEN_ADMIN_PASSWORD=bench-admin-password-123 \
        "$BIN" admin create --email bench-admin@synthetic.meedoen.test --name Bench > /dev/null
    MEEDOEN__DATABASE__URL="$url" MEEDOEN__APP__DATA_DIR="$WORK/data" MEEDOEN__SERVER__PORT=$PORT \
        MEEDOEN__RATE_LIMIT__ENABLED=false MEEDOEN__MAIL__DELIVER=false MEEDOEN__LOG__LEVEL=warn \
        MEEDOEN__MONITOR__REFRESH_SECONDS=5 \
        MEEDOEN__APP__STATIC_DIR="$WORK/no-spa" "$BIN" serve > "$WORK/server-$backend.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 100); do
        curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break
        sleep 0.2
    done
    echo "== $backend: measuring"
    {
        echo "## $backend (seeding took ${seeded} s)"
        echo
        for part in $PARTS; do
            if [ "$part" = monitor ]; then
                python3 bench/monitor.py "http://127.0.0.1:$PORT" "$url" "$SERVER" "$MONITOR_REQUESTS"
            else
                python3 bench/attendance.py "http://127.0.0.1:$PORT" "$url" "$SERVER" "$REQUESTS"
            fi
            echo
        done
    } | tee -a "$OUT"
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
    SERVER=
    if [ "$backend" = postgres ]; then
        psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS meedoen_bench_attendance" >/dev/null
    fi
done
echo "results: $OUT"
