#!/usr/bin/env bash
# Start-up benchmark (bench/README.md, section "Start-up"): time from `java` to a ready service on an
# external PostgreSQL holding imported data, launched as the packaged jar on the default JDK, as
# the packaged jar on JDK 25, and as the container image launches it: the jar extracted, on JDK 25,
# with an AOT cache from a training run (the same steps as the Dockerfile's).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
port=${BENCH_PORT:-18080}
db=${BENCH_DB:-xen_support_startup_bench}
rounds=${BENCH_ROUNDS:-5}
java_opts=${BENCH_JAVA_OPTS:--Xms64m -Xmx256m}
work=$(mktemp -d "${TMPDIR:-/tmp}/xen-startup-bench.XXXXXX")
token="bench-$RANDOM$RANDOM$RANDOM"
source "$here/../lib/service.sh"

trap finish EXIT

java25=${BENCH_JAVA25:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -n 1)}
[ -x "$java25" ] || { echo "needs a JDK 25 (BENCH_JAVA25=/path/to/bin/java)"; exit 1; }

imported_service "$db" "$java_opts"
stop_service

echo "== the container's launch: extracted jar and an AOT cache from a training run"
java -Djarmode=tools -jar "$jar" extract --layers --destination "$work/layers" > /dev/null
mkdir -p "$work/app"
for layer in dependencies spring-boot-loader snapshot-dependencies application; do
    cp -r "$work/layers/$layer/." "$work/app/"
done
mv "$work/app/$(basename "$jar")" "$work/app/application.jar"
# As in the image: the service starts on its embedded PostgreSQL, refreshes its context and exits.
# The cache records the jar's path as written, and a launch where that path finds no jar cannot use
# it (a relative path, from another directory): training and launches name the absolute path.
XEN_SUPPORT_IMPORT_ENABLED=false XEN_SUPPORT_EMBEDDED_DB_DIR="$work/training-db" SERVER_PORT=0 \
    "$java25" -XX:AOTCacheOutput="$work/app/app.aot" -Dspring.context.exit=onRefresh -jar "$work/app/application.jar" \
    > "$work/training.log" 2>&1 || { tail -30 "$work/training.log"; echo "training run failed"; exit 1; }
# That exit skips the shutdown hooks, so the embedded PostgreSQL outlives it: stop it (SIGINT is
# PostgreSQL's fast shutdown).
kill -INT "$(head -n 1 "$work/training-db/postmaster.pid")"
while [ -e "$work/training-db/postmaster.pid" ]; do sleep 0.1; done
echo "   AOT cache: $(( $(stat -c %s "$work/app/app.aot") / 1048576 )) MiB"

# Alternating launches, so each sees the same machine; prints the median and the spread.
declare -A times
# -XX:AOTMode=on: a JVM that cannot use the cache stops instead of starting without it, which
# would measure the wrong launch.
launches=("jar, default JDK|java|$java_opts|$jar"
          "jar, JDK 25|$java25|$java_opts|$jar"
          "extracted, JDK 25|$java25|$java_opts|$work/app/application.jar"
          "extracted + AOT cache, JDK 25|$java25|$java_opts -XX:AOTCache=$work/app/app.aot -XX:AOTMode=on|$work/app/application.jar")
for round in $(seq 1 "$rounds"); do
    for launch in "${launches[@]}"; do
        IFS='|' read -r label cmd opts app <<< "$launch"
        start_service "$db" "$opts" "$cmd" "$app" > /dev/null
        times[$label]="${times[$label]:-} $ready_ms"
        stop_service
        sleep 1
    done
done
echo "== start-up to ready, $rounds launches each (ms)"
for launch in "${launches[@]}"; do
    label=${launch%%|*}
    printf '%-32s median %6d   all:%s\n' "$label" \
        "$(printf '%s\n' ${times[$label]} | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')" "${times[$label]}"
done
