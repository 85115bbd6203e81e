#!/usr/bin/env bash
# Load during import (bench/README.md, section "Load during import"): mixed GETs with wrk at the
# highest rate the machine sustains, while imports of changed data follow one another for the
# whole run. Prints requests/s, latency percentiles, answers by status and the imports made.
# Only 127.0.0.1 is ever contacted; wrk stops after BENCH_DURATION.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=${XEN_CORPUS:-$root/../shared/corpus/xen}
pg_host=${BENCH_PG_HOST:-127.0.0.1}
pg_port=${BENCH_PG_PORT:-5432}
port=${BENCH_PORT:-18080}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
duration=${BENCH_DURATION:-60}
db=${BENCH_DB:-xen_support_load_bench}
work=$(mktemp -d "${TMPDIR:-/tmp}/xen-load-bench.XXXXXX")
token="bench-$RANDOM$RANDOM$RANDOM"
app_pid=
importer_pid=

cleanup() {
    if [ -n "$importer_pid" ]; then kill "$importer_pid" 2>/dev/null || true; wait "$importer_pid" 2>/dev/null || true; fi
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
    if [ "${KEEP:-0}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

for tool in wrk psql curl git; do
    command -v "$tool" > /dev/null || { echo "needs $tool (apt-get install wrk postgresql-client curl git)"; exit 1; }
done

echo "== building a xen.git-shaped repository from $corpus"
java "$root/bench/import/BuildXenRepository.java" "$corpus" "$work/xen.git" "${BENCH_UNRELATED:-20}" > /dev/null

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    echo "== packaging the service"
    (cd "$root" && ./mvnw -q -o package -DskipTests)
fi
jar=$(ls "$root"/target/xen-support-status-*.jar | grep -v -- '-plain' | head -n 1)

echo "== fresh database $db on $pg_host:$pg_port"
psql -h "$pg_host" -p "$pg_port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
    -c "drop database if exists $db" -c "create database $db"

echo "== starting the service on 127.0.0.1:$port (log: $work/service.log)"
SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:$pg_port/$db" \
SPRING_DATASOURCE_USERNAME=postgres \
XEN_SUPPORT_SOURCE_URL="$work/xen.git" \
XEN_SUPPORT_CACHE_DIR="$work/cache" \
XEN_SUPPORT_IMPORT_ENABLED=false \
XEN_SUPPORT_ADMIN_TOKEN="$token" \
SERVER_PORT="$port" \
    java ${BENCH_JAVA_OPTS:-} -jar "$jar" > "$work/service.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 600); do
    curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null 2>&1 && break
    kill -0 "$app_pid" 2>/dev/null || { tail -50 "$work/service.log"; echo "service died"; exit 1; }
    sleep 0.2
done

# Starts an import, waits for it; prints "<outcome> <ms> <revisions stored>".
import() {
    local run id
    run=$(curl -fsS -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/imports") \
        || { echo "refused 0 0"; return; }
    id=$(printf '%s' "$run" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
    for _ in $(seq 1 2400); do
        run=$(curl -fsS "http://127.0.0.1:$port/api/v1/imports/$id") || { sleep 0.1; continue; }
        if printf '%s' "$run" | grep -q '"finishedAt":"'; then
            local outcome ms stored
            outcome=$(printf '%s' "$run" | grep -o '"outcome":"[a-z]*"' | head -n 1 | cut -d'"' -f4)
            ms=$(printf '%s' "$run" | grep -o '"durationMillis":[0-9]*' | cut -d: -f2)
            stored=$(printf '%s' "$run" | grep -o '"revisionsImported":[0-9]*' | awk -F: '{ s += $2 } END { print s + 0 }')
            echo "$outcome $ms ${stored:-0}"
            return
        fi
        sleep 0.1
    done
    echo "unfinished 0 0"
}

# A new commit on every branch that has a SUPPORT.md, adding a feature to it, so that each import
# of the run stores a new revision of every release and every cached answer goes stale.
change_every_branch() {
    local round=$1 branch
    for branch in $(git --git-dir="$work/xen.git" for-each-ref --format='%(refname:short)' refs/heads/); do
        git --git-dir="$work/xen.git" cat-file -e "$branch:SUPPORT.md" 2>/dev/null || continue
        local tree="$work/edit"
        rm -rf "$tree"; mkdir -p "$tree"
        git --git-dir="$work/xen.git" show "$branch:SUPPORT.md" > "$tree/SUPPORT.md"
        printf '\n### Load round %d\n\n    Status: Experimental\n' "$round" >> "$tree/SUPPORT.md"
        local blob newtree parent commit
        blob=$(git --git-dir="$work/xen.git" hash-object -w "$tree/SUPPORT.md")
        newtree=$(git --git-dir="$work/xen.git" ls-tree "$branch" | sed "s/\(blob \)[0-9a-f]*\(\tSUPPORT.md\)$/\1$blob\2/" \
            | git --git-dir="$work/xen.git" mktree)
        parent=$(git --git-dir="$work/xen.git" rev-parse "$branch")
        commit=$(GIT_AUTHOR_NAME=Load GIT_AUTHOR_EMAIL=load@example.org GIT_COMMITTER_NAME=Load \
            GIT_COMMITTER_EMAIL=load@example.org git --git-dir="$work/xen.git" commit-tree "$newtree" -p "$parent" \
            -m "SUPPORT.md: load round $round")
        git --git-dir="$work/xen.git" update-ref "refs/heads/$branch" "$commit"
    done
}

echo "== first import"
read -r outcome ms stored < <(import)
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
        read -r outcome ms stored < <(import)
        echo "$round $outcome $ms $stored" >> "$work/imports.txt"
    done
) &
importer_pid=$!
sleep 1

echo "== load: wrk -t$threads -c$connections -d${duration}s, mixed GETs, imports of changed data throughout"
wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s -s "$here/mixed-gets.lua" \
    "http://127.0.0.1:$port" | tee "$work/wrk.txt"
kill "$importer_pid" 2>/dev/null || true; wait "$importer_pid" 2>/dev/null || true; importer_pid=

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
