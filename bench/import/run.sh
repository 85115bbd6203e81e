#!/usr/bin/env bash
# Import benchmark (bench/README.md, section "Import"): builds a repository shaped like xen.git
# from the corpus (or takes a real xen.git, XEN_GIT), runs the packaged service against the local
# PostgreSQL, and times a first import, an unchanged re-import and an import after one new commit
# on one branch as the service itself records them (GET /api/v1/imports).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
port=${BENCH_PORT:-18080}
db=${BENCH_DB:-xen_support_bench}
work=$(mktemp -d "${TMPDIR:-/tmp}/xen-import-bench.XXXXXX")
token="bench-$RANDOM$RANDOM$RANDOM"
source "$here/../lib/service.sh"

trap finish EXIT

upstream_repository
if [ "$source_repo" != "$work/xen.git" ]; then
    # The benchmark commits to the upstream: a bare clone sharing XEN_GIT's objects (git's
    # alternates), so XEN_GIT itself is only read.
    git clone -q --bare --shared "$source_repo" "$work/xen.git"
    source_repo=$work/xen.git
fi
[ "${BENCH_HTTP:-0}" != 1 ] || serve_over_http
package_service
fresh_database "$db"
start_service "$db" "${BENCH_JAVA_OPTS:-}"

psql_bench() {
    psql -h "$pg_host" -p "$pg_port" -U postgres -d "$db" -q -A -F ' ' -t -c "$1"
}

# What the last run said of the security fixes: "<fix commits stored> <messages read> <warnings>
# <branches whose fixes failed>", summed over its branches.
fixes_of_last_run() {
    jq -r '([.branches[] | .fixesImported // 0] | add) as $stored
        | ([.branches[] | .fixCommitsRead // 0] | add) as $read
        | ([.branches[] | .fixWarnings | length] | add) as $warned
        | ([.branches[] | select(.fixesFailure != null)] | length) as $failed
        | "\($stored) \($read) \($warned) \($failed)"' "$work/last-run.json"
}

# Prints "<label>: <outcome> in <ms> ms, <n> revisions and <m> fix commits stored, <k> messages
# read"; stops the benchmark unless it succeeded.
timed_import() {
    local label=$1 outcome ms stored fixes read warned failed
    read -r outcome ms stored < <(import_run)
    read -r fixes read warned failed < <(fixes_of_last_run)
    echo "$label: $outcome in $ms ms, $stored revisions and $fixes fix commits stored, $read commit messages read"
    [ "$outcome" = succeeded ] || exit 1
}

# The first import as a newcomer sees it: when every release's current file is served, when every
# history is in (the run turns to the security fixes), and when the fixes are in (the run finished).
read -r outcome releases served_ms history_ms done_ms < <(import_timeline "${BENCH_RELEASES:-14}")
read -r fixes read warned failed < <(fixes_of_last_run)
echo "first import: $outcome; all $releases releases served after $served_ms ms; every history in after" \
    "$history_ms ms; security fixes in after $done_ms ms ($fixes fix commits, $read commit messages read," \
    "$warned warnings, $failed branches failed)"
[ "$outcome" = succeeded ] || exit 1

timed_import "unchanged re-import (fetch, nothing new)"

# One new commit on one branch, a security fix that changes no SUPPORT.md: the branch's history is
# walked again for SUPPORT.md, and its fixes read from the tip they were read at.
branch=${BENCH_NEW_COMMIT_BRANCH:-stable-4.22}
git --git-dir="$work/xen.git" rev-parse -q --verify "refs/heads/$branch" > /dev/null \
    || branch=$(git --git-dir="$work/xen.git" for-each-ref --sort=-committerdate --count=1 \
        --format='%(refname:lstrip=2)' 'refs/heads/stable-*')
commit=$(GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.org GIT_COMMITTER_NAME=Bench \
    GIT_COMMITTER_EMAIL=bench@example.org git --git-dir="$work/xen.git" commit-tree "$branch^{tree}" -p "$branch" \
    -m "x86: a benchmark's fix" -m "This is XSA-9999 / CVE-2099-0001.")
git --git-dir="$work/xen.git" update-ref "refs/heads/$branch" "$commit"
timed_import "one new commit on $branch"

echo "== stored"
psql_bench "
    select 'releases', count(*) from release union all
    select 'revisions', count(*) from revision union all
    select 'distinct files', count(*) from support_file union all
    select 'sections', count(*) from section union all
    select 'statuses', count(*) from feature_status union all
    select 'release tags', count(*) from release_tag union all
    select 'data_version', max(version) from data_version"
# A build from before the security fixes (BENCH_JAR) stores none: nothing more to count.
if [ "$(psql_bench "select to_regclass('fix_commit') is not null")" != t ]; then
    echo "== security fixes: none stored by this build"
    exit 0
fi
psql_bench "
    select 'fix commits', count(*) from fix_commit union all
    select 'advisories', count(distinct xsa) from fix_advisory"

echo "== security fixes per branch: fix commits, advisories, in a point release"
psql_bench "
    select r.branch, count(distinct f.commit_id), count(distinct a.xsa),
        count(distinct f.commit_id) filter (where f.point_release is not null)
    from release r left join release_fix f on f.release_id = r.id
    left join (select distinct commit_id, xsa from fix_advisory) a on a.commit_id = f.commit_id
    group by r.branch, r.major, r.minor order by r.major nulls first, r.minor"

echo "== XSA-507: fix commits per branch (xen.git: master and stable-4.17 ... stable-4.22, not stable-4.16)"
psql_bench "
    select r.branch, count(*), min(c.committed_at)::date, string_agg(coalesce(f.point_release, 'branch only'), ',')
    from fix_advisory a join release_fix f on f.commit_id = a.commit_id join release r on r.id = f.release_id
    join fix_commit c on c.commit_id = a.commit_id
    where a.xsa = 507 group by r.branch, r.major, r.minor order by r.major nulls first, r.minor"
