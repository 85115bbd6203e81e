#!/usr/bin/env bash
# Start-up benchmark (bench/README.md, section "Start-up"): time from `java` to a ready service on an
# external PostgreSQL holding imported data, launched as the packaged jar on the default JDK, as
# the packaged jar on JDK 25, as the jar extracted on JDK 25, and as the container image launches
# it: the extracted jar with an AOT cache from a training run (the same steps as the Dockerfile's).
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

imported_service "$db" "$java_opts"
stop_service

prepare_image_launch

# Alternating launches, so each sees the same machine; prints the median and the spread.
declare -A times
launches=("jar, default JDK|java|$java_opts|$jar"
          "jar, JDK 25|$java25|$java_opts|$jar"
          "extracted, JDK 25|$java25|$java_opts|$image_jar"
          "extracted + AOT cache, JDK 25|$java25|$java_opts $image_opts|$image_jar")
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
