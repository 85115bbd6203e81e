#!/usr/bin/env bash
# Load during import (bench/README.md, section "Load during import"): mixed GETs with wrk at the
# highest rate the machine sustains, while imports of changed data follow one another for the
# whole run. Prints requests/s, latency percentiles, answers by status and the imports made.
# Only 127.0.0.1 is ever contacted; wrk stops after BENCH_DURATION.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
port=${BENCH_PORT:-18080}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
duration=${BENCH_DURATION:-60}
db=${BENCH_DB:-xen_support_load_bench}
work=$(mktemp -d "${TMPDIR:-/tmp}/xen-load-bench.XXXXXX")
token="bench-$RANDOM$RANDOM$RANDOM"
importer_pid=
source "$here/../lib/service.sh"

cleanup() {
    stop_importer
    finish
}
trap cleanup EXIT

# The import loop and the commands it has running (an import it waits for), all of them.
stop_importer() {
    if [ -n "$importer_pid" ]; then
        pkill -P "$importer_pid" 2>/dev/null || true
        kill "$importer_pid" 2>/dev/null || true
        wait "$importer_pid" 2>/dev/null || true
    fi
    importer_pid=
}

for tool in wrk psql curl git; do
    command -v "$tool" > /dev/null || { echo "needs $tool (apt-get install wrk postgresql-client curl git)"; exit 1; }
done

build_repository > /dev/null
package_service
fresh_database "$db"
start_service "$db" "${BENCH_JAVA_OPTS:-}"

echo "== first import"
read -r outcome ms stored < <(import_run)
echo "   $outcome in $ms ms, $stored revisions"
[ "$outcome" = succeeded ] || exit 1

echo "== warming up (10 s)"
wrk -t"$threads" -c"$connections" -d10s -s "$here/mixed-gets.lua" "http://127.0.0.1:$port" > /dev/null

# Imports of changed data, one after another, until the load stops.
(
    set +e
    round=0
    while true; do
        round=$((round + 1))
        change_every_branch "$round"
        read -r outcome ms stored < <(import_run)
        echo "$round $outcome $ms $stored" >> "$work/imports.txt"
    done
) &
importer_pid=$!
sleep 1

echo "== load: wrk -t$threads -c$connections -d${duration}s, mixed GETs, imports of changed data throughout"
wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s -s "$here/mixed-gets.lua" \
    "http://127.0.0.1:$port" | tee "$work/wrk.txt"
stop_importer

echo "== imports during the load (round outcome ms revisions)"
cat "$work/imports.txt"
awk '{ n++; if ($2 == "succeeded") ok++; s += $4; t += $3 } END {
    printf "imports: %d finished during the load, %d succeeded, %d revisions stored, %.0f ms on average\n", n, ok, s, (n ? t / n : 0) }' \
    "$work/imports.txt"
errors=$(grep '^RESULT' "$work/wrk.txt" | grep -o ' errors=[0-9]*' | cut -d= -f2)
[ "${errors:-1}" = 0 ] || { echo "FAILED: $errors errors"; exit 1; }
unfinished=$(awk '$2 != "succeeded"' "$work/imports.txt" | wc -l)
[ "$unfinished" = 0 ] || { echo "FAILED: $unfinished imports did not succeed"; exit 1; }
echo "0 errors"
