#!/usr/bin/env bash
# Load benchmark (issue 9): the runs below on SQLite and PostgreSQL over a synthetic world
# (100,000 residents, 10,000 published offers, 60 districts), next to a trivial actix-web JSON
# handler (the ceiling, bench/ceiling.rs) measured in the same run on the same machine.
#
#   run                          connections  Lua script
#   ceiling                      64, 256      bench/lua/ceiling.lua
#   offer list, random district  256          bench/lua/list.lua      (first warm-up reported as "cold")
#   offer list with q (misses)   64           bench/lua/search.lua    (how misses are made: see there)
#   recommendations, signed in   64           bench/lua/recommendations.lua
#   sign-ups                     64           bench/lua/signups.lua   (201 and 409 are both normal)
#   login flood                  32           bench/lua/login.lua
#   mixed 90/5/4/1               256          bench/lua/mixed.lua     (list/detail/recommendations/sign-up)
#   mixed, cold                  256          bench/lua/mixed.lua     (a restarted server, no warm-up)
#
# Every run is a separate wrk run after a warm-up; every answer's status is counted by the Lua
# scripts (bench/lua/common.lua); the server's RSS is sampled every 200 ms for its whole life.
# The table goes to bench/results/load-<date>.md. At the defaults a whole run takes about 8 minutes.
#
# Usage: bash bench/load.sh [duration-seconds]      (default 20 s per measured run)
# Environment (all optional):
#   BIN, CEILING_BIN     use these binaries instead of building them (cargo build --release)
#   BENCH_RESIDENTS      synthetic residents (100000)      BENCH_OFFERS     offers (10000)
#   BENCH_DISTRICTS      districts (60)                    BENCH_WARMUP     warm-up seconds (3)
#   BENCH_TOKENS         residents signed in for the token pool (500)
#   BENCH_LOGIN_EMAILS   residents the login flood picks from (5000)
#   BENCH_BACKENDS       "sqlite postgresql"               BENCH_THREADS    wrk threads (2)
#   BENCH_RUNS           "list search recommendations signups login mixed mixed-cold" (a subset, in any order)
#   BENCH_TIMEOUT        wrk's request timeout in seconds (2)
#   BENCH_POOL_SIZE      database connections of the server (8, the shipped default; 16 until 2026-12-07)
#   BENCH_SEED           make the Lua scripts' random draws repeatable
#   BENCH_PG             PostgreSQL server (postgres://postgres@127.0.0.1:5432)
#   BENCH_RESULTS        where the markdown goes (bench/results/load-<date>.md)
#   BENCH_KEEP=1         keep the work directory (wrk output, server logs, RSS samples)
# Needs: wrk (Debian package `wrk`), curl, python3, psql, a PostgreSQL server at $BENCH_PG.
set -euo pipefail
export LC_ALL=C

# Paths given by the caller are taken relative to where it was called from.
[ -n "${BIN:-}" ] && BIN="$(realpath "$BIN")"
[ -n "${CEILING_BIN:-}" ] && CEILING_BIN="$(realpath "$CEILING_BIN")"
[ -n "${BENCH_RESULTS:-}" ] && BENCH_RESULTS="$(realpath -m "$BENCH_RESULTS")"
cd "$(dirname "$0")/.."

DURATION="${1:-20}"
WARMUP="${BENCH_WARMUP:-3}"
THREADS="${BENCH_THREADS:-2}"
RESIDENTS="${BENCH_RESIDENTS:-100000}"
OFFERS="${BENCH_OFFERS:-10000}"
DISTRICTS="${BENCH_DISTRICTS:-60}"
TOKENS="${BENCH_TOKENS:-500}"
LOGIN_EMAILS="${BENCH_LOGIN_EMAILS:-5000}"
BACKENDS="${BENCH_BACKENDS:-sqlite postgresql}"
RUNS="${BENCH_RUNS:-list search recommendations signups login mixed mixed-cold}"
TIMEOUT="${BENCH_TIMEOUT:-2}"
POOL_SIZE="${BENCH_POOL_SIZE:-8}" # database.pool_size; 8 is the shipped default (config/default.toml)
PG="${BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
PASSWORD="synthetic-password-123" # src/seed/synthetic.rs SYNTHETIC_PASSWORD
TOKEN_MAX_AGE=600                 # access tokens live 15 min; sign in again after 10
PORT=18181
CEILING_PORT=18182
LUA=bench/lua
RESULTS="${BENCH_RESULTS:-bench/results/load-$(date -u +%Y-%m-%d).md}"
WORK="$(mktemp -d /tmp/meedoen-bench.XXXXXX)"
mkdir -p "$(dirname "$RESULTS")"

for tool in wrk curl python3 psql; do
    command -v "$tool" >/dev/null || { echo "$tool is missing (wrk: apt-get install wrk)"; exit 1; }
done

build=()
[ -z "${BIN:-}" ] && build+=(--bin meedoen)
[ -z "${CEILING_BIN:-}" ] && build+=(--example ceiling)
if [ ${#build[@]} -gt 0 ]; then
    cargo build --release --locked "${build[@]}"
fi
if [ -z "${BIN:-}" ]; then
    CODE="target/release/meedoen built from commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
    git diff --quiet HEAD -- src migrations Cargo.toml Cargo.lock 2>/dev/null || CODE="$CODE with uncommitted changes"
else
    CODE="$BIN (built $(date -u -r "$BIN" +%Y-%m-%dT%H:%MZ))"
fi
BIN="${BIN:-$PWD/target/release/meedoen}"
CEILING_BIN="${CEILING_BIN:-$PWD/target/release/examples/ceiling}"

SERVER_PID=""
SAMPLER_PID=""
PG_DB=""
KEEP="${BENCH_KEEP:-0}" # also set when a run fails, a 5xx comes back or the server logs an ERROR
stop_server() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [ -n "$SAMPLER_PID" ]; then
        kill "$SAMPLER_PID" 2>/dev/null || true
        wait "$SAMPLER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
    SAMPLER_PID=""
}
drop_pg() {
    if [ -n "$PG_DB" ]; then
        psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
        PG_DB=""
    fi
}
cleanup() {
    stop_server
    drop_pg
    if [ "$KEEP" = 1 ]; then echo "work directory kept (wrk output, server logs, RSS samples): $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

now_us() { echo "${EPOCHREALTIME/./}"; }

# Appends "<epoch µs> <VmRSS kB> <threads>" for process $1 to $2 every 200 ms while it lives
# (no forks besides sleep, so the sampler costs the measured machine next to nothing).
sample_rss() {
    local key value _ rss threads
    while kill -0 "$1" 2>/dev/null; do
        rss=""
        threads=""
        while read -r key value _; do
            case "$key" in
                VmRSS:) rss=$value ;;
                Threads:) threads=$value; break ;;
            esac
        done < "/proc/$1/status" 2>/dev/null || true
        [ -n "$rss" ] && echo "$(now_us) $rss ${threads:-0}"
        sleep 0.2
    done >> "$2"
}

rss_now_kb() { # pid
    awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0
}

peak_kb() { # samples-file [from-µs to-µs]
    awk -v from="${2:-0}" -v to="${3:-99999999999999999}" \
        '$1 >= from && $1 <= to && $2 > peak {peak = $2} END {print peak + 0}' "$1"
}

peak_threads() { # samples-file
    awk '$3 > peak {peak = $3} END {print peak + 0}' "$1"
}

mb() { awk -v kb="$1" 'BEGIN {printf "%.0f MB", kb / 1024}'; }

ms() { # µs -> "0.85 ms" / "61 ms" / "1.95 s"
    awk -v us="$1" 'BEGIN {
        if (us == "") print "-";
        else if (us >= 1000000) printf "%.2f s", us / 1000000;
        else if (us >= 100000) printf "%.0f ms", us / 1000;
        else printf "%.2f ms", us / 1000 }'
}

wait_ready() { # port path pid
    for _ in $(seq 300); do
        curl -fs -o /dev/null "http://127.0.0.1:$1/$2" && return 0
        kill -0 "$3" 2>/dev/null || { echo "the server on port $1 exited"; return 1; }
        sleep 0.1
    done
    echo "the server on port $1 did not answer /$2 within 30 s"
    return 1
}

port_free() {
    if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/"; then
        echo "port $1 is in use; stop what listens there first"; exit 1
    fi
}

# One wrk run; prints its output (the Lua summary lines included) into $1.
run_wrk() { # out connections seconds script url phase_number
    local rc=0
    timeout $(($3 + 60)) wrk -t"$THREADS" -c"$2" -d"$3s" --timeout "${TIMEOUT}s" --latency \
        -s "$4" "$5" -- "phase_number=$6" "threads=$THREADS" > "$1" 2>&1 || rc=$?
    cat "$1" >> "$WORK/wrk.log"
    return $rc
}

field() { # wrk-output tag key  ->  value of key=value on the line starting with tag
    awk -v tag="$2" -v key="$3" '$1 == tag {
        for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) { print kv[2]; exit } } }' "$1"
}

# "2xx|4xx|5xx" from the STATUS line: each class as "code: count" pairs, or 0.
status_columns() {
    awk '$1 == "STATUS" {
        for (i = 2; i <= NF; i++) {
            split($i, kv, "="); class = substr(kv[1], 1, 1)
            c = (class == "4") ? 2 : (class == "5") ? 3 : 1
            col[c] = col[c] (col[c] == "" ? "" : ", ") kv[1] ": " kv[2]
        } }
        END { for (c = 1; c <= 3; c++) if (col[c] == "") col[c] = "0"
              print col[1] "|" col[2] "|" col[3] }' "$1"
}

declare -a ROWS NOTES
LAST_OUT="" # the measured run's wrk output, set by measure()
declare -A CEILING

# Turns one wrk output into a table row. $1 backend, $2 run label, $3 connections, $4 output,
# $5 peak kB in the run, $6 kB after it.
record() {
    local out="$4" rps p50 p99 statuses errors requests counted
    rps=$(field "$out" RESULT rps)
    if [ -z "$rps" ]; then
        ROWS+=("$1|$2|$3|failed|-|-|-|-|-|-|wrk failed|$(mb "$5")|$(mb "$6")")
        NOTES+=("$1, $2: wrk gave no result: $(tail -3 "$out" | tr '\n' ' ')")
        KEEP=1
        return
    fi
    p50=$(ms "$(field "$out" RESULT p50_us)")
    p99=$(ms "$(field "$out" RESULT p99_us)")
    statuses=$(status_columns "$out")
    errors="$(( $(field "$out" ERRORS connect) + $(field "$out" ERRORS read) + $(field "$out" ERRORS write) )) / $(field "$out" ERRORS timeout)"
    requests=$(field "$out" RESULT requests)
    counted=$(field "$out" RESULT counted)
    if [ "$requests" != "$counted" ]; then
        NOTES+=("$1, $2: wrk counted $requests answers, the Lua counter $counted.")
    fi
    ROWS+=("$1|$2|$3|$rps|$p50|$p99|$statuses|$errors|$(mb "$5")|$(mb "$6")")
    [ "$(cut -d'|' -f3 <<< "$statuses")" = 0 ] || KEEP=1
    echo "   $2, $3 connections: $rps req/s, p50 $p50, p99 $p99, 2xx $(cut -d'|' -f1 <<< "$statuses"), 4xx $(cut -d'|' -f2 <<< "$statuses"), 5xx $(cut -d'|' -f3 <<< "$statuses"), socket errors / timeouts $errors, peak RSS $(mb "$5")"
}

# Warm-up, then the measured run. $1 backend, $2 run label, $3 connections, $4 script, $5 url,
# $6 pid of the server, $7 RSS samples file, $8 label for the warm-up row (empty: not reported).
measure() {
    local backend="$1" label="$2" connections="$3" script="$4" url="$5" pid="$6" samples="$7"
    local slug start
    slug="$backend-$(printf '%s' "$label" | tr -c 'a-z0-9' '-')"
    start=$(now_us)
    run_wrk "$WORK/$slug-warmup.out" "$connections" "$WARMUP" "$script" "$url" 0 || true
    if [ -n "${8:-}" ]; then
        sleep 0.3 # one more sample into the window
        record "$backend" "$8" "$connections" "$WORK/$slug-warmup.out" \
            "$(peak_kb "$samples" "$start" "$(now_us)")" "$(rss_now_kb "$pid")"
    fi
    start=$(now_us)
    LAST_OUT="$WORK/$slug.out"
    run_wrk "$LAST_OUT" "$connections" "$DURATION" "$script" "$url" 1 || true
    sleep 0.3
    record "$backend" "$label" "$connections" "$WORK/$slug.out" \
        "$(peak_kb "$samples" "$start" "$(now_us)")" "$(rss_now_kb "$pid")"
    local sent info
    sent=$(awk '$1 == "SENT" {$1 = ""; print substr($0, 2)}' "$WORK/$slug.out")
    info=$(awk '$1 == "INFO" {$1 = ""; print substr($0, 2)}' "$WORK/$slug.out")
    [ -n "$info" ] && NOTES+=("$backend, $label: $info; requests $(field "$WORK/$slug.out" RESULT requests) (warm-up $(field "$WORK/$slug-warmup.out" RESULT requests)).")
    if [ -n "$sent" ] && [ "$(wc -w <<< "$sent")" -gt 1 ]; then
        NOTES+=("$backend, $label: sent $sent.")
    fi
    return 0
}

# Reads the world's ids into $1: districts.txt (leaf districts), offers.txt (published offers),
# emails.txt (random synthetic residents). $2 backend, $3 database url.
read_world() {
    local data="$1" backend="$2" url="$3"
    local q_districts="SELECT id FROM districts WHERE kind = 'district' AND name LIKE 'Wijk %' ORDER BY id"
    local q_offers="SELECT id FROM offers WHERE status = 'published' ORDER BY id"
    local q_emails="SELECT email FROM users WHERE email LIKE 'resident-%@synthetic.meedoen.test' ORDER BY random() LIMIT $LOGIN_EMAILS"
    mkdir -p "$data"
    if [ "$backend" = sqlite ]; then
        python3 - "${url#sqlite:}" "$data" "$q_districts" "$q_offers" "$q_emails" <<'PY'
import sqlite3, sys
db, data = sys.argv[1], sys.argv[2]
conn = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
for name, query in zip(["districts", "offers", "emails"], sys.argv[3:]):
    with open("%s/%s.txt" % (data, name), "w") as out:
        out.writelines(row[0] + "\n" for row in conn.execute(query))
PY
    else
        psql "$url" -Atc "$q_districts" > "$data/districts.txt"
        psql "$url" -Atc "$q_offers" > "$data/offers.txt"
        psql "$url" -Atc "$q_emails" > "$data/emails.txt"
    fi
    echo "   world: $(wc -l < "$data/districts.txt") districts, $(wc -l < "$data/offers.txt") published offers, $(wc -l < "$data/emails.txt") resident emails"
    local file
    for file in districts offers emails; do
        [ -s "$data/$file.txt" ] || { echo "no $file in the database: the synthetic world is missing"; return 1; }
    done
}

# Signs in the first $TOKENS residents of emails.txt (4 at a time) and writes their access
# tokens to tokens.txt. Login hashes with argon2, so this takes a while on 100,000 residents' world.
sign_in() { # data-dir url
    timeout 900 python3 - "$2" "$1/emails.txt" "$TOKENS" "$1/tokens.txt" "$PASSWORD" <<'PY'
import concurrent.futures, json, sys, time, urllib.request, urllib.error
url, emails_path, count, out, password = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
emails = [line.strip() for line in open(emails_path) if line.strip()][:count]
failures = {}
def login(email):
    body = json.dumps({"email": email, "password": password}).encode()
    request = urllib.request.Request(url + "/api/v1/auth/login", data=body,
                                     headers={"Content-Type": "application/json"})
    for attempt in range(3):
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.load(response)["access_token"]
        except urllib.error.HTTPError as e:
            failures[e.code] = failures.get(e.code, 0) + 1
        except Exception as e:
            failures[type(e).__name__] = failures.get(type(e).__name__, 0) + 1
        time.sleep(0.5)
    return None
start = time.time()
with concurrent.futures.ThreadPoolExecutor(4) as pool:
    tokens = [t for t in pool.map(login, emails) if t]
with open(out, "w") as f:
    f.writelines(t + "\n" for t in tokens)
print("   signed in %d of %d residents in %.1f s%s" % (len(tokens), len(emails), time.time() - start,
      (", failures: %s" % failures) if failures else ""))
sys.exit(0 if len(tokens) >= max(1, len(emails) * 9 // 10) else 1)
PY
}

TOKENS_AT=0
ensure_tokens() { # data-dir url
    if [ $(($(date +%s) - TOKENS_AT)) -gt $TOKEN_MAX_AGE ] || [ ! -s "$1/tokens.txt" ]; then
        sign_in "$1" "$2"
        TOKENS_AT=$(date +%s)
    fi
}

# The status counting must see what the server answers: a wrong token has to come back as 401s.
check_counting() { # url
    local probe="$WORK/probe"
    mkdir -p "$probe"
    echo "not-a-valid-token" > "$probe/tokens.txt"
    BENCH_DATA="$probe" timeout 60 wrk -t1 -c2 -d1s -s "$LUA/recommendations.lua" "$1" > "$probe/out" 2>&1 || true
    local unauthorized requests statuses
    unauthorized=$(field "$probe/out" STATUS 401)
    requests=$(field "$probe/out" RESULT requests)
    statuses=$(grep '^STATUS' "$probe/out" || true)
    if [ -z "$unauthorized" ] || [ "$unauthorized" != "$requests" ]; then
        echo "status counting check failed: $requests requests with a wrong token, counted: $statuses"
        return 1
    fi
    echo "   status counting checked: $requests requests with a wrong token, counted $statuses"
}

# Starts `meedoen serve` for backend $1 and samples its RSS into $2 (appended: a restarted server
# continues the same file).
start_server() {
    port_free $PORT
    "$BIN" serve >> "$WORK/server-$1.log" 2>&1 &
    SERVER_PID=$!
    sample_rss "$SERVER_PID" "$2" &
    SAMPLER_PID=$!
    wait_ready $PORT healthz "$SERVER_PID"
}

declare -A PEAK_TOTAL PEAK_THREADS START_RSS END_RSS ERROR_LINES SEED_SECONDS
bench_backend() { # name database-url
    local name="$1" url="$2"
    local data="$WORK/data-$name" samples="$WORK/rss-$name"
    local base="http://127.0.0.1:$PORT"
    export DATABASE_URL="$url" MEEDOEN__APP__DATA_DIR="$WORK/app-$name" MEEDOEN__MAIL__DIR="$WORK/mail-$name" \
        MEEDOEN__MAIL__DELIVER=false MEEDOEN__RATE_LIMIT__ENABLED=false MEEDOEN__LOG__LEVEL=warn \
        MEEDOEN__SERVER__PORT=$PORT MEEDOEN__DATABASE__POOL_SIZE=$POOL_SIZE
    echo "== $name: seeding $RESIDENTS residents and $OFFERS offers in $DISTRICTS districts"
    local seeded_at=$SECONDS
    "$BIN" seed --synthetic --residents "$RESIDENTS" --offers "$OFFERS" --districts "$DISTRICTS" \
        2>&1 | tail -1
    SEED_SECONDS[$name]=$((SECONDS - seeded_at))
    read_world "$data" "$name" "$url"
    : > "$samples"
    start_server "$name" "$samples"
    START_RSS[$name]=$(rss_now_kb "$SERVER_PID")
    echo "   server up, RSS $(mb "${START_RSS[$name]}")"
    export BENCH_DATA="$data"
    for run in $RUNS; do
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            NOTES+=("$name: the server died before the $run run: $(tail -3 "$WORK/server-$name.log" | tr '\n' ' ')")
            break
        fi
        case "$run" in
            list) measure "$name" "offer list" 256 "$LUA/list.lua" "$base" "$SERVER_PID" "$samples" \
                "offer list, cold (first ${WARMUP} s)" ;;
            search) measure "$name" "offer list with q (misses)" 64 "$LUA/search.lua" "$base" "$SERVER_PID" "$samples" ;;
            recommendations)
                ensure_tokens "$data" "$base"
                measure "$name" "recommendations" 64 "$LUA/recommendations.lua" "$base" "$SERVER_PID" "$samples" ;;
            signups)
                ensure_tokens "$data" "$base"
                measure "$name" "sign-ups" 64 "$LUA/signups.lua" "$base" "$SERVER_PID" "$samples" ;;
            login) measure "$name" "login" 32 "$LUA/login.lua" "$base" "$SERVER_PID" "$samples" ;;
            mixed)
                ensure_tokens "$data" "$base"
                measure "$name" "mixed 90/5/4/1" 256 "$LUA/mixed.lua" "$base" "$SERVER_PID" "$samples" ;;
            mixed-cold)
                # A server that has just started, every cache empty (answers, wire offers, the
                # matcher's pool, sessions, residents' inputs): 256 connections at once, no warm-up.
                ensure_tokens "$data" "$base"
                stop_server
                start_server "$name" "$samples"
                local cold_start
                cold_start=$(now_us)
                run_wrk "$WORK/$name-mixed-cold.out" 256 "$DURATION" "$LUA/mixed.lua" "$base" 1 || true
                sleep 0.3
                record "$name" "mixed 90/5/4/1, cold (fresh server, no warm-up)" 256 \
                    "$WORK/$name-mixed-cold.out" "$(peak_kb "$samples" "$cold_start" "$(now_us)")" \
                    "$(rss_now_kb "$SERVER_PID")" ;;
            *) echo "unknown run $run (BENCH_RUNS)"; exit 1 ;;
        esac
    done
    END_RSS[$name]=$(rss_now_kb "$SERVER_PID")
    # Last, so it cannot warm anything up for the runs: a wrong token must be counted as 401.
    if kill -0 "$SERVER_PID" 2>/dev/null && ! check_counting "$base"; then
        NOTES+=("$name: THE STATUS COUNTING CHECK FAILED: $(grep '^STATUS' "$WORK/probe/out" || echo no STATUS line)")
    fi
    stop_server
    TOKENS_AT=0
    PEAK_TOTAL[$name]=$(peak_kb "$samples")
    PEAK_THREADS[$name]=$(peak_threads "$samples")
    ERROR_LINES[$name]=$(grep -c 'ERROR' "$WORK/server-$name.log" || true)
    echo "   peak RSS over the whole session: $(mb "${PEAK_TOTAL[$name]}"); ${ERROR_LINES[$name]} ERROR lines in the server log"
    if [ "${ERROR_LINES[$name]}" -gt 0 ]; then
        KEEP=1
        NOTES+=("$name: the server logged ${ERROR_LINES[$name]} ERROR lines; the first: $(grep -m1 'ERROR' "$WORK/server-$name.log" | cut -c1-300)")
    fi
}

# The ceiling first, so each backend's share is against a number from this very run.
echo "== ceiling: trivial actix-web JSON handler ($CEILING_BIN)"
port_free $CEILING_PORT
PORT=$CEILING_PORT "$CEILING_BIN" &
SERVER_PID=$!
: > "$WORK/rss-ceiling"
sample_rss "$SERVER_PID" "$WORK/rss-ceiling" &
SAMPLER_PID=$!
wait_ready $CEILING_PORT json "$SERVER_PID"
for connections in 64 256; do
    measure ceiling ceiling "$connections" "$LUA/ceiling.lua" "http://127.0.0.1:$CEILING_PORT" \
        "$SERVER_PID" "$WORK/rss-ceiling"
    CEILING[$connections]=$(field "$LAST_OUT" RESULT rps)
done
stop_server

for backend in $BACKENDS; do
    case "$backend" in
        sqlite)
            mkdir -p "$WORK/db"
            bench_backend sqlite "sqlite:$WORK/db/bench.db" ;;
        postgresql)
            PG_DB="meedoen_bench_$$"
            PGOPTIONS="--client-min-messages=warning" \
                psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $PG_DB" -c "CREATE DATABASE $PG_DB" >/dev/null
            bench_backend postgresql "$PG/$PG_DB"
            drop_pg ;;
        *) echo "unknown backend $backend (BENCH_BACKENDS)"; exit 1 ;;
    esac
done

share() { # rps connections
    local ceiling="${CEILING[256]:-}"
    [ "$2" -le 64 ] && ceiling="${CEILING[64]:-}"
    if [ -z "$ceiling" ] || [ "$1" = failed ]; then echo "-"; return; fi
    awk -v a="$1" -v b="$ceiling" 'BEGIN {
        share = 100 * a / b
        if (share >= 10) printf "%.0f %%", share; else if (share >= 1) printf "%.1f %%", share; else printf "%.2f %%", share }'
}

{
    echo "## Load benchmark ($(date -u +%Y-%m-%d))"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, Linux $(uname -r); wrk -t$THREADS on the same machine as the server, ${WARMUP} s warm-up then ${DURATION} s per run, request timeout ${TIMEOUT} s."
    echo "World: $RESIDENTS residents, $OFFERS published offers in $DISTRICTS districts (\`meedoen seed --synthetic\`, seed 42; seeding took $(for b in $BACKENDS; do printf '%s %s s ' "$b" "${SEED_SECONDS[$b]:-?}"; done | sed 's/ $//'))."
    echo "Server: $CODE; \`meedoen serve\` with rate limits off, mail delivery off, log level warn, pool size $POOL_SIZE, one worker per core."
    echo "Token pool: $TOKENS residents signed in before the first run that needs it. Login flood: random residents out of $LOGIN_EMAILS."
    echo
    echo "Share of ceiling: against the ceiling at 256 connections for runs at 256, at 64 for runs at 64 or fewer."
    echo "Statuses are every answer's status as counted by the Lua scripts (bench/lua/common.lua). Socket errors are wrk's connect + read + write errors."
    echo "Peak RSS is the largest of the server's RSS samples (every 200 ms) during that run; RSS after is read right after it."
    echo
    echo "| backend | run | connections | requests/s | share of ceiling | p50 | p99 | 2xx | 4xx | 5xx | socket errors / timeouts | peak RSS | RSS after |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    for row in "${ROWS[@]}"; do
        IFS='|' read -r name run connections rps p50 p99 s2 s4 s5 errors peak after <<< "$row"
        echo "| $name | $run | $connections | $rps | $(share "$rps" "$connections") | $p50 | $p99 | $s2 | $s4 | $s5 | $errors | $peak | $after |"
    done
    echo
    for backend in $BACKENDS; do
        [ -n "${PEAK_TOTAL[$backend]:-}" ] || continue
        echo "- $backend: RSS after start $(mb "${START_RSS[$backend]}"), peak over the whole server session (sign-ins included) $(mb "${PEAK_TOTAL[$backend]}"), at the end $(mb "${END_RSS[$backend]}"); at most ${PEAK_THREADS[$backend]} server threads; ERROR lines in the server log: ${ERROR_LINES[$backend]}."
    done
    for note in "${NOTES[@]}"; do echo "- $note"; done
} | tee "$RESULTS"
echo "written to $RESULTS"
