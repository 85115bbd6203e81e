#!/usr/bin/env bash
# Fair use (bench/README.md, section "Fair use"): a reader of the hot question, undisturbed, then
# beside each attacker in turn, on the same machine. Prints, for each attacker, the reader's share
# of its undisturbed rate, its p99 and any errors (5xx included), and the attacker's answered and
# refused counts.
# Only 127.0.0.1 is ever contacted.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
port=${BENCH_PORT:-18080}
duration=${BENCH_DURATION:-10}
db=${BENCH_DB:-xen_support_abuse_bench}
work=$(mktemp -d "${TMPDIR:-/tmp}/xen-abuse-bench.XXXXXX")
token="bench-$RANDOM$RANDOM$RANDOM"
java_opts=${BENCH_JAVA_OPTS:--Xms256m -Xmx256m}
attacker_pid=
source "$here/../lib/service.sh"

cleanup() {
    stop_attacker
    finish
}
trap cleanup EXIT

# The attacker and whatever it has running (the import loop waits on curl), all of them.
stop_attacker() {
    if [ -n "$attacker_pid" ]; then
        pkill -P "$attacker_pid" 2>/dev/null || true
        kill "$attacker_pid" 2>/dev/null || true
        wait "$attacker_pid" 2>/dev/null || true
    fi
    attacker_pid=
}

for tool in wrk psql curl git python3; do
    command -v "$tool" > /dev/null || { echo "needs $tool (apt-get install wrk postgresql-client curl git python3)"; exit 1; }
done

imported_service "$db" "$java_opts"

base="http://127.0.0.1:$port"
reader_path="/api/v1/releases/4.22/features?arch=arm64"
parse_body="$corpus/SUPPORT-stable-4.22.md"
[ -f "$parse_body" ] || { echo "no $parse_body"; exit 1; }

echo "== warming up (unmeasured): the reader until its rate stops rising, 5 s of parses"
read -r waited rps < <(warm_until_steady "$base$reader_path" 4)
echo "   the reader: steady after $waited s ($rps req/s in the last 5 s)"
ABUSE_BODY=$parse_body wrk -t2 -c8 -d5s -s "$here/client.lua" "$base/api/v1/parse" > /dev/null || true
# The warm-up's parses must not eat the first measured case's allowance.
sleep "${BENCH_SETTLE:-2}"

# Each attacker runs from 1 s before the reader's turn to 1 s after it; its output is kept in
# $work/attacker-<case>.txt.
attack() {
    local name=$1
    local out="$work/attacker-$name.txt" d=$((duration + 2))
    case $name in
        parse-paced)
            ABUSE_BODY=$parse_body ABUSE_DELAY=50 wrk -t2 -c64 -d"${d}s" --timeout 10s -s "$here/client.lua" \
                "$base/api/v1/parse" > "$out" 2>&1 & ;;
        parse-flood)
            ABUSE_BODY=$parse_body wrk -t2 -c64 -d"${d}s" --timeout 10s -s "$here/client.lua" \
                "$base/api/v1/parse" > "$out" 2>&1 & ;;
        bust)
            ABUSE_BUST=1 ABUSE_DELAY=10 wrk -t2 -c32 -d"${d}s" --timeout 10s -s "$here/client.lua" \
                "$base$reader_path" > "$out" 2>&1 & ;;
        import)
            # Imports of changed data, one after another, each making every prepared answer stale.
            (
                set +e
                round=0
                end=$(( $(date +%s) + d ))
                while [ "$(date +%s)" -lt "$end" ]; do
                    round=$((round + 1))
                    change_every_branch "$round"
                    read -r outcome ms stored < <(import_run)
                    echo "IMPORT $round $outcome $ms $stored"
                done
            ) > "$out" 2>&1 & ;;
        slowloris)
            python3 "$here/slowloris.py" "$port" "${BENCH_SLOW_CONNECTIONS:-1500}" "$d" 5 > "$out" 2>&1 & ;;
    esac
    attacker_pid=$!
    sleep 1
}

# Prints what the attacker of case $1 got: answered, refused (429, 503), other errors.
attacker_summary() {
    local name=$1 out="$work/attacker-$1.txt"
    case $name in
        import)
            awk '/^IMPORT/ { n++; if ($3 == "succeeded") ok++; else bad++ } END {
                printf "%d imports, %d succeeded, %d not", n, ok, bad }' "$out" ;;
        slowloris) grep '^SLOW' "$out" | cut -d' ' -f2- ;;
        *)
            local counts timeouts
            counts=$(grep '^COUNTS' "$out" || echo "COUNTS ok=? r429=? r503=? c4xx=? s5xx=?")
            timeouts=$(awk '/Socket errors/ {gsub(",",""); print $4 + $6 + $8 + $10}' "$out")
            echo "${counts#COUNTS } socket-errors=${timeouts:-0}" ;;
    esac
}

# Runs the reader for one turn; prints "req/s p99-ms errors" (errors: every answer that is not
# 2xx/3xx, and socket errors).
reader_turn() {
    local out rps p99 counts errors bad
    out=$(wrk -t1 -c4 -d"${duration}s" --latency -s "$here/client.lua" "$base$reader_path" 2>&1)
    rps=$(printf '%s\n' "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(ms "$(printf '%s\n' "$out" | awk '$1=="99%" {print $2}')")
    counts=$(printf '%s\n' "$out" | grep '^COUNTS')
    errors=$(printf '%s\n' "$out" | awk '/Socket errors/ {gsub(",",""); print $4 + $6 + $8 + $10}')
    bad=$(printf '%s\n' "$counts" | awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] != "ok") s += kv[2] } } END { print s + 0 }')
    echo "$rps $p99 $(( bad + ${errors:-0} ))"
}

results="$work/results.txt"
cases=${BENCH_CASES:-parse-paced parse-flood bust import slowloris}
if [[ " $cases " == *" import "* ]]; then
    # The import attacker's changes are written now, so that its turn costs it one git update-ref a
    # round: what the reader loses is then what the service's imports cost, not the attacker's git.
    rounds_ahead=${BENCH_IMPORT_ROUNDS:-40}
    echo "== writing $rounds_ahead rounds of changed SUPPORT.md ahead, for the import attacker"
    prepare_changes "$rounds_ahead"
fi
# The machine may be shared: each attacker's turn follows an undisturbed turn of its own, and the
# share is the reader's rate beside the attacker over its rate in that turn just before.
echo "== the reader: GET $reader_path, 4 connections, ${duration} s a turn; undisturbed, then beside the attacker"
printf '%-12s %9s %8s %9s %6s %8s %6s  %s\n' attacker "alone r/s" "alone p99" "beside r/s" share "p99 ms" errors "attacker's answers" \
    | tee "$results"
for name in $cases; do
    read -r alone_rps alone_p99 alone_errors < <(reader_turn)
    sleep "${BENCH_SETTLE:-2}"
    attack "$name"
    read -r rps p99 errors < <(reader_turn)
    [ -z "$attacker_pid" ] || wait "$attacker_pid" || true
    attacker_pid=
    share=$(awk -v a="$rps" -v b="$alone_rps" 'BEGIN { printf "%.2f", a / b }')
    printf '%-12s %9.0f %8s %9.0f %6s %8s %6d  %s\n' "$name" "$alone_rps" "$alone_p99" "$rps" "$share" "$p99" \
        $(( errors + alone_errors )) "$(attacker_summary "$name")" | tee -a "$results"
    # Lets the service settle (a parse flood's backlog drains) before the next case.
    sleep "${BENCH_SETTLE:-2}"
done

echo "== refusals the service counted (/actuator/prometheus)"
curl -fsS "$base/actuator/prometheus" | grep '^xen_parse_refused' || echo "   (none exported)"
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
