#!/usr/bin/env bash
# Import benchmark (bench/README.md, section "Import"): builds a repository shaped like xen.git
# from the corpus, runs the packaged service against the local PostgreSQL, and times a first
# import and an unchanged re-import as the service itself records them (GET /api/v1/imports).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=${XEN_CORPUS:-$root/../shared/corpus/xen}
pg_host=${BENCH_PG_HOST:-127.0.0.1}
pg_port=${BENCH_PG_PORT:-5432}
port=${BENCH_PORT:-18080}
db=xen_support_bench
work=$(mktemp -d "${TMPDIR:-/tmp}/xen-import-bench.XXXXXX")
token="bench-$RANDOM$RANDOM$RANDOM"
app_pid=

cleanup() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
    if [ "${KEEP:-0}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "== building a xen.git-shaped repository from $corpus"
java "$here/BuildXenRepository.java" "$corpus" "$work/xen.git" "${BENCH_UNRELATED:-20}"

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    echo "== packaging the service"
    (cd "$root" && ./mvnw -q -o package -DskipTests)
fi
jar=$(ls "$root"/target/xen-support-status-*.jar | grep -v -- '-plain' | head -n 1)

echo "== fresh database $db on $pg_host:$pg_port"
psql -h "$pg_host" -p "$pg_port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
    -c "drop database if exists $db" -c "create database $db"

echo "== starting the service on port $port (log: $work/service.log)"
SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:$pg_port/$db" \
SPRING_DATASOURCE_USERNAME=postgres \
XEN_SUPPORT_SOURCE_URL="$work/xen.git" \
XEN_SUPPORT_CACHE_DIR="$work/cache" \
XEN_SUPPORT_IMPORT_ENABLED=false \
XEN_SUPPORT_ADMIN_TOKEN="$token" \
SERVER_PORT="$port" \
    java -jar "$jar" > "$work/service.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 240); do
    if curl -fsS "http://127.0.0.1:$port/actuator/health" > /dev/null 2>&1; then break; fi
    if ! kill -0 "$app_pid" 2>/dev/null; then cat "$work/service.log"; echo "service died"; exit 1; fi
    sleep 0.5
done

# Starts an import, waits for it, prints "<label>: <outcome> in <ms> ms".
import() {
    local label=$1 run id
    run=$(curl -fsS -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/imports")
    id=$(printf '%s' "$run" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
    for _ in $(seq 1 1200); do
        run=$(curl -fsS "http://127.0.0.1:$port/api/v1/imports/$id")
        if printf '%s' "$run" | grep -q '"finishedAt":"'; then
            local outcome ms
            outcome=$(printf '%s' "$run" | grep -o '"outcome":"[a-z]*"' | head -n 1 | cut -d'"' -f4)
            ms=$(printf '%s' "$run" | grep -o '"durationMillis":[0-9]*' | cut -d: -f2)
            echo "$label: $outcome in $ms ms"
            [ "$outcome" = succeeded ] || { echo "$run"; exit 1; }
            return
        fi
        sleep 0.5
    done
    echo "$label: did not finish"; exit 1
}

import "first import (clone + every revision)"
import "unchanged re-import (fetch, nothing new)"

echo "== stored"
psql -h "$pg_host" -p "$pg_port" -U postgres -d "$db" -q -A -F ' ' -t -c "
    select 'releases', count(*) from release union all
    select 'revisions', count(*) from revision union all
    select 'distinct files', count(*) from support_file union all
    select 'sections', count(*) from section union all
    select 'statuses', count(*) from feature_status union all
    select 'release tags', count(*) from release_tag union all
    select 'data_version', max(version) from data_version"
