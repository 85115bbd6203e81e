# Shared by the benchmarks (sourced, not run): a repository shaped like xen.git, the packaged
# service on a fresh database of the local PostgreSQL, and imports through the service's own API.
# The sourcing script sets `work`, `port` and `token` first; this file sets `root`, `corpus`,
# `pg_host`, `pg_port`, `source_repo` and, as it goes, `jar`, `app_pid` and `ready_ms`.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
corpus=${XEN_CORPUS:-$root/../shared/corpus/xen}
pg_host=${BENCH_PG_HOST:-127.0.0.1}
pg_port=${BENCH_PG_PORT:-5432}
app_pid=

# The repository the service imports from: the one build_repository writes, unless
# upstream_repository names another; serve_over_http puts git's smart HTTP in front of it.
source_repo=$work/xen.git

build_repository() {
    echo "== building a xen.git-shaped repository from $corpus"
    java "$root/bench/import/BuildXenRepository.java" "$corpus" "$work/xen.git" "${BENCH_UNRELATED:-20}" "${BENCH_SCALE:-1}"
    source_repo=$work/xen.git
}

# The upstream a benchmark imports: XEN_GIT, an existing xen.git (a copy of the real one, say; a local
# path or URL, only read: the service clones it into its cache), when set; else the repository
# build_repository writes.
upstream_repository() {
    if [ -n "${XEN_GIT:-}" ]; then
        git -C "$XEN_GIT" rev-parse --verify -q master > /dev/null 2>&1 || [[ "$XEN_GIT" == *://* ]] \
            || { echo "XEN_GIT=$XEN_GIT is no git repository with a master branch"; exit 1; }
        source_repo=$XEN_GIT
        echo "== upstream: $XEN_GIT"
    else
        build_repository
    fi
}

package_service() {
    if [ -n "${BENCH_JAR:-}" ]; then
        jar=$BENCH_JAR
        return
    fi
    if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
        echo "== packaging the service"
        (cd "$root" && ./mvnw -q package -DskipTests)
    fi
    jar=${BENCH_JAR:-$(ls "$root"/target/xen-support-status-*.jar | head -n 1)}
}

fresh_database() {
    local db=$1
    echo "== fresh database $db on $pg_host:$pg_port"
    psql -h "$pg_host" -p "$pg_port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
        -c "drop database if exists $db" -c "create database $db"
}

# Starts the service on database $1 with JVM options $2 (and, optionally, the java command $3,
# else BENCH_JAVA, else java on the PATH, and the jar $4), waits until it is ready, and says how
# long that took; ready_ms keeps it. Scheduled imports are off: the benchmarks start them.
# MALLOC_ARENA_MAX as the container image sets it.
start_service() {
    local db=$1 java_opts=$2 java_cmd=${3:-${BENCH_JAVA:-java}} app_jar=${4:-$jar} started
    started=$(date +%s%N)
    SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:$pg_port/$db" \
    SPRING_DATASOURCE_USERNAME=postgres \
    XEN_SUPPORT_SOURCE_URL="$source_repo" \
    XEN_SUPPORT_CACHE_DIR="$work/cache" \
    XEN_SUPPORT_IMPORT_ENABLED=false \
    XEN_SUPPORT_ADMIN_TOKEN="$token" \
    SERVER_PORT="$port" \
    MALLOC_ARENA_MAX=2 \
        "$java_cmd" $java_opts -jar "$app_jar" >> "$work/service.log" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 1200); do
        if curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null 2>&1; then
            ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
            echo "service ready after $ready_ms ms (log: $work/service.log)"
            return
        fi
        kill -0 "$app_pid" 2>/dev/null || { tail -50 "$work/service.log"; echo "service died"; exit 1; }
        sleep 0.05
    done
    echo "service not ready in time"; exit 1
}

# Serves $source_repo over git's smart HTTP (git http-backend behind bench/lib/git-http.py) on port
# $BENCH_HTTP_PORT (default: the service's port + 1), and points the service at it. BENCH_HTTP_FILTER=1
# (the default) lets clients filter what they fetch and ask for any object by id
# (uploadpack.allowFilter, uploadpack.allowAnySHA1InWant), as git hosts that serve partial clones
# do; 0 sets both off, as git's defaults are (filters are refused; over HTTP git still serves reachable
# objects by id). BENCH_HTTP_RATE caps each response, in bytes a second.
http_pid=
serve_over_http() {
    local http_port=${BENCH_HTTP_PORT:-$((port + 1))} allow=${BENCH_HTTP_FILTER:-1}
    mkdir -p "$work/http"
    ln -sfn "$source_repo" "$work/http/xen.git"
    GIT_CONFIG_COUNT=2 \
    GIT_CONFIG_KEY_0=uploadpack.allowFilter GIT_CONFIG_VALUE_0=$([ "$allow" = 1 ] && echo true || echo false) \
    GIT_CONFIG_KEY_1=uploadpack.allowAnySHA1InWant GIT_CONFIG_VALUE_1=$([ "$allow" = 1 ] && echo true || echo false) \
        python3 "$root/bench/lib/git-http.py" "$work/http" "$http_port" "${BENCH_HTTP_RATE:-0}" \
        >> "$work/http.log" 2>&1 &
    http_pid=$!
    for _ in $(seq 1 100); do
        git ls-remote "http://127.0.0.1:$http_port/xen.git" HEAD > /dev/null 2>&1 && break
        sleep 0.1
    done
    echo "== serving $source_repo at http://127.0.0.1:$http_port/xen.git (filters and any object by id: $allow;" \
        "rate cap: ${BENCH_HTTP_RATE:-none}; log: $work/http.log)"
    source_repo="http://127.0.0.1:$http_port/xen.git"
}

stop_service() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
    app_pid=
}

# A new commit on every branch that has a SUPPORT.md, adding a feature to it, so that the next
# import stores a new revision of every release and every prepared answer goes stale. A round that
# prepare_changes made ahead is one `git update-ref`; any other is written now.
change_every_branch() {
    local round=$1
    if [ -n "$(git --git-dir="$work/xen.git" for-each-ref --count=1 "refs/load/$round/")" ]; then
        git --git-dir="$work/xen.git" for-each-ref --format='update refs/heads/%(refname:lstrip=3) %(objectname)' \
            "refs/load/$round/" | git --git-dir="$work/xen.git" update-ref --stdin
        return
    fi
    local branch
    for branch in $(branches_with_support_md); do
        change_branch "$round" "$branch" "$branch" "refs/heads/$branch"
    done
}

# Rounds 1 to $1 of change_every_branch, written ahead as commits under refs/load/<round>/, each
# round's on the one before: a measured turn then spends no processor time on git (bench/README.md,
# "Fair use").
prepare_changes() {
    local rounds=$1 round branch branches
    branches=$(branches_with_support_md)
    for round in $(seq 1 "$rounds"); do
        for branch in $branches; do
            local parent=$branch
            [ "$round" = 1 ] || parent="refs/load/$((round - 1))/$branch"
            change_branch "$round" "$branch" "$parent" "refs/load/$round/$branch"
        done
    done
}

# The branches whose tip has a SUPPORT.md, one a line.
branches_with_support_md() {
    local branch
    for branch in $(git --git-dir="$work/xen.git" for-each-ref --format='%(refname:short)' refs/heads/); do
        git --git-dir="$work/xen.git" cat-file -e "$branch:SUPPORT.md" 2>/dev/null && echo "$branch"
    done
    return 0
}

# Commits SUPPORT.md of commit $3 with round $1's feature added, on $3, as ref $4 (branch $2).
change_branch() {
    local round=$1 branch=$2 from=$3 ref=$4
    local tree="$work/edit"
    rm -rf "$tree"; mkdir -p "$tree"
    git --git-dir="$work/xen.git" show "$from:SUPPORT.md" > "$tree/SUPPORT.md"
    printf '\n### Load round %d\n\n    Status: Experimental\n' "$round" >> "$tree/SUPPORT.md"
    local blob newtree parent commit
    blob=$(git --git-dir="$work/xen.git" hash-object -w "$tree/SUPPORT.md")
    newtree=$(git --git-dir="$work/xen.git" ls-tree "$from" | sed "s/\(blob \)[0-9a-f]*\(\tSUPPORT.md\)$/\1$blob\2/" \
        | git --git-dir="$work/xen.git" mktree)
    parent=$(git --git-dir="$work/xen.git" rev-parse "$from")
    commit=$(GIT_AUTHOR_NAME=Load GIT_AUTHOR_EMAIL=load@example.org GIT_COMMITTER_NAME=Load \
        GIT_COMMITTER_EMAIL=load@example.org git --git-dir="$work/xen.git" commit-tree "$newtree" -p "$parent" \
        -m "SUPPORT.md: load round $round ($branch)")
    git --git-dir="$work/xen.git" update-ref "$ref" "$commit"
}

# Starts an import, waits for it; prints "<outcome> <ms> <revisions stored>" as the run reports them,
# and leaves the finished run's JSON in $work/last-run.json.
import_run() {
    local run id
    run=$(curl -fsS -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/imports" 2>/dev/null) \
        || { echo "refused 0 0"; return; }
    id=$(printf '%s' "$run" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
    local unanswered=0
    for _ in $(seq 1 6000); do
        if ! run=$(curl -fsS "http://127.0.0.1:$port/api/v1/imports/$id" 2>/dev/null); then
            # A service that stops answering for 5 s is gone: say so rather than poll on.
            unanswered=$((unanswered + 1))
            [ "$unanswered" -lt 50 ] || { echo "unreachable 0 0"; return; }
            sleep 0.1
            continue
        fi
        unanswered=0
        if printf '%s' "$run" | grep -q '"finishedAt":"'; then
            local outcome ms stored
            outcome=$(printf '%s' "$run" | grep -o '"outcome":"[a-z]*"' | head -n 1 | cut -d'"' -f4)
            ms=$(printf '%s' "$run" | grep -o '"durationMillis":[0-9]*' | cut -d: -f2)
            stored=$(printf '%s' "$run" | grep -o '"revisionsImported":[0-9]*' | awk -F: '{ s += $2 } END { print s + 0 }')
            printf '%s' "$run" > "$work/last-run.json"
            echo "$outcome $ms ${stored:-0}"
            return
        fi
        sleep 0.1
    done
    echo "unfinished 0 0"
}

# Starts an import and watches what a newcomer would see meanwhile; prints "<outcome> <releases>
# <ms to all releases served> <ms to every history in> <ms to finished>", times from the request
# that started it; every history is in when the run enters its last phase, the security fixes.
# "All releases" are the $1 releases the repository has (14 for the xen.git-shaped one).
import_timeline() {
    local expected=$1 started run id served_ms= history_ms= count body
    started=$(date +%s%N)
    run=$(curl -fsS -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/imports" 2>/dev/null) \
        || { echo "refused 0 0 0 0"; return; }
    id=$(printf '%s' "$run" | jq -r .id)
    for _ in $(seq 1 6000); do
        if [ -z "$served_ms" ]; then
            count=$(curl -fsS "http://127.0.0.1:$port/api/v1/releases" 2>/dev/null | jq '.releases | length' 2>/dev/null || echo 0)
            [ "${count:-0}" -ge "$expected" ] && served_ms=$(( ($(date +%s%N) - started) / 1000000 ))
        fi
        body=$(curl -fsS "http://127.0.0.1:$port/api/v1/imports/$id" 2>/dev/null) || { sleep 0.1; continue; }
        if [ -z "$history_ms" ] && [ "$(printf '%s' "$body" | jq -r '.phase // empty')" = fixes ]; then
            history_ms=$(( ($(date +%s%N) - started) / 1000000 ))
        fi
        if [ "$(printf '%s' "$body" | jq -r '.finishedAt // empty')" != "" ]; then
            local done_ms=$(( ($(date +%s%N) - started) / 1000000 ))
            count=$(curl -fsS "http://127.0.0.1:$port/api/v1/releases" | jq '.releases | length')
            [ -n "$served_ms" ] || served_ms=$done_ms
            [ -n "$history_ms" ] || history_ms=$done_ms
            printf '%s' "$body" > "$work/last-run.json"
            echo "$(printf '%s' "$body" | jq -r .outcome) $count $served_ms $history_ms $done_ms"
            return
        fi
        sleep 0.1
    done
    echo "unfinished 0 0 0 0"
}

# The common start: a xen.git-shaped repository, the packaged service on a fresh database $1 with
# JVM options $2, and a first import through it; the service is left running. Stops unless the
# import succeeded.
imported_service() {
    build_repository > /dev/null
    import_fresh "$1" "$2"
}

# The packaged service on a fresh database $1 with JVM options $2, and a first import of
# source_repo through it; the service is left running. Stops unless the import succeeded.
import_fresh() {
    local db=$1 java_opts=$2 outcome ms stored
    package_service
    fresh_database "$db"
    start_service "$db" "$java_opts"
    echo "== importing"
    read -r outcome ms stored < <(import_run)
    echo "   $outcome in $ms ms, $stored revisions"
    [ "$outcome" = succeeded ] || exit 1
}

# The container image's launch (Dockerfile): the jar extracted, on JDK 25, the serial collector, with
# an AOT cache that a training run wrote while starting on the embedded PostgreSQL. Sets java25, image_jar and
# image_opts, for start_service "$db" "$java_opts $image_opts" "$java25" "$image_jar".
prepare_image_launch() {
    java25=${BENCH_JAVA25:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -n 1)}
    [ -x "$java25" ] || { echo "needs a JDK 25 (BENCH_JAVA25=/path/to/bin/java)"; exit 1; }
    echo "== the container's launch: extracted jar and an AOT cache from a training run"
    java -Djarmode=tools -jar "$jar" extract --layers --destination "$work/layers" > /dev/null
    mkdir -p "$work/app"
    for layer in dependencies spring-boot-loader snapshot-dependencies application; do
        cp -r "$work/layers/$layer/." "$work/app/"
    done
    mv "$work/app/$(basename "$jar")" "$work/app/application.jar"
    image_jar="$work/app/application.jar"
    # The cache records the jar's path as written, and a launch where that path finds no jar cannot
    # use it (a relative path, from another directory): training and launches name the absolute path.
    # The training run's heap and collector are the image's (Dockerfile), not this machine's defaults.
    XEN_SUPPORT_IMPORT_ENABLED=false XEN_SUPPORT_EMBEDDED_DB_DIR="$work/training-db" SERVER_PORT=0 \
        "$java25" -Xms384m -Xmx384m -XX:+UseSerialGC -XX:AOTCacheOutput="$work/app/app.aot" \
        -Dspring.context.exit=onRefresh -jar "$image_jar" \
        > "$work/training.log" 2>&1 || { tail -30 "$work/training.log"; echo "training run failed"; exit 1; }
    # That exit skips the shutdown hooks, so the embedded PostgreSQL outlives it: stop it (SIGINT is
    # PostgreSQL's fast shutdown).
    kill -INT "$(head -n 1 "$work/training-db/postmaster.pid")"
    while [ -e "$work/training-db/postmaster.pid" ]; do sleep 0.1; done
    echo "   AOT cache: $(( $(stat -c %s "$work/app/app.aot") / 1048576 )) MiB"
    # -XX:AOTMode=on: a JVM that cannot use the cache stops instead of starting without it, which
    # would measure another launch.
    image_opts="-XX:+UseSerialGC -XX:AOTCache=$work/app/app.aot -XX:AOTMode=on"
}

# Loads URL $1 over $2 connections in 5 s turns until its rate stops rising (under 5 % over the turn
# before) or BENCH_WARMUP_MAX seconds (120) have gone; prints "<seconds> <req/s of the last turn>".
# The JIT compiles while the load competes with it for the processors, and how long that takes
# differs between builds (bench/README.md, "HTTP"): a fixed warm-up would compare a warm build with
# one still compiling.
warm_until_steady() {
    local url=$1 connections=$2 waited=0 rps last=0
    while [ "$waited" -lt "${BENCH_WARMUP_MAX:-120}" ]; do
        rps=$(wrk -t2 -c"$connections" -d5s "$url" 2>&1 | awk '/Requests\/sec/ {printf "%d", $2}')
        waited=$((waited + 5))
        if [ "$last" -gt 0 ] && [ "$rps" -lt $((last + last / 20)) ]; then break; fi
        last=$rps
    done
    echo "$waited ${rps:-0}"
}

# wrk prints latencies as 1.23ms, 456.00us or 1.02s; prints $1 in milliseconds.
ms() {
    awk -v v="$1" 'BEGIN {
        if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
        else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
        else printf "%s", v }'
}

# For the scripts' exit trap: stops the service and removes the work directory, unless KEEP=1.
finish() {
    stop_service
    if [ -n "$http_pid" ]; then kill "$http_pid" 2>/dev/null || true; wait "$http_pid" 2>/dev/null || true; fi
    if [ "${KEEP:-0}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
