#!/usr/bin/env bash
# Import benchmark (bench/README.md, section "Import"): builds a repository shaped like xen.git
# from the corpus, runs the packaged service against the local PostgreSQL, and times a first
# import and an unchanged re-import as the service itself records them (GET /api/v1/imports).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
port=${BENCH_PORT:-18080}
db=${BENCH_DB:-xen_support_bench}
work=$(mktemp -d "${TMPDIR:-/tmp}/xen-import-bench.XXXXXX")
token="bench-$RANDOM$RANDOM$RANDOM"
source "$here/../lib/service.sh"

trap finish EXIT

upstream_repository
[ "${BENCH_HTTP:-0}" != 1 ] || serve_over_http
package_service
fresh_database "$db"
start_service "$db" "${BENCH_JAVA_OPTS:-}"

# Prints "<label>: <outcome> in <ms> ms, <n> revisions stored"; stops the benchmark unless it succeeded.
timed_import() {
    local label=$1 outcome ms stored
    read -r outcome ms stored < <(import_run)
    echo "$label: $outcome in $ms ms, $stored revisions stored"
    [ "$outcome" = succeeded ] || exit 1
}

# The first import as a newcomer sees it: when every release's current file is served, and when the
# whole history is in (the run finished).
read -r outcome releases served_ms done_ms < <(import_timeline "${BENCH_RELEASES:-14}")
echo "first import: $outcome; all $releases releases served after $served_ms ms; history in after $done_ms ms"
[ "$outcome" = succeeded ] || exit 1

timed_import "unchanged re-import (fetch, nothing new)"

echo "== stored"
psql -h "$pg_host" -p "$pg_port" -U postgres -d "$db" -q -A -F ' ' -t -c "
    select 'releases', count(*) from release union all
    select 'revisions', count(*) from revision union all
    select 'distinct files', count(*) from support_file union all
    select 'sections', count(*) from section union all
    select 'statuses', count(*) from feature_status union all
    select 'release tags', count(*) from release_tag union all
    select 'data_version', max(version) from data_version"
