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
(cd "$work/app" && XEN_SUPPORT_IMPORT_ENABLED=false XEN_SUPPORT_EMBEDDED_DB_DIR="$work/training-db" SERVER_PORT=0 \
    "$java25" -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh -jar application.jar > "$work/training.log" 2>&1) \
    || { tail -30 "$work/training.log"; echo "training run failed"; exit 1; }
echo "   AOT cache: $(( $(stat -c %s "$work/app/app.aot") / 1048576 )) MiB"

# Alternating launches, so each sees the same machine; prints the median and the spread.
declare -A times
launches=("jar, default JDK|java|$java_opts|$jar"
          "jar, JDK 25|$java25|$java_opts|$jar"
          "extracted + AOT cache, JDK 25|$java25|$java_opts -XX:AOTCache=$work/app/app.aot|$work/app/application.jar")
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
