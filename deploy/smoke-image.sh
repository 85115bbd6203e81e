#!/usr/bin/env bash
# Smoke test of the container image: starts it as deployed (768 MiB), on its embedded PostgreSQL so
# that no other database is needed, with -XX:AOTMode=on, so that a JVM which cannot use the image's
# AOT cache stops instead of starting without it. Checks that the service gets ready and healthy,
# runs on the collector the Dockerfile names, and that the build's training run left nothing in
# /tmp; prints the time from `docker run` to ready (which includes creating the embedded database).
#   deploy/smoke-image.sh [IMAGE]        (default xen-support-status:local, as docker-compose.yml names it)
set -euo pipefail
image=${1:-xen-support-status:local}
name=xen-support-smoke-$$
trap 'docker rm -f "$name" > /dev/null 2>&1 || true' EXIT
fail() {
    echo "FAILED: $*"
    if docker inspect "$name" > /dev/null 2>&1; then docker logs "$name" 2>&1 | tail -20; fi
    exit 1
}

left=$(docker run --rm --entrypoint bash "$image" -c \
    'cd /tmp && ls -d tomcat.* tomcat-docbase.* hsperfdata_xensupport detect_linux_distribution_* embedded-pg* training 2>/dev/null || true')
[ -z "$left" ] || fail "the training run left in /tmp: $left"
echo "ok      nothing left in /tmp by the training run"

started=$(date +%s%N)
docker run -d --name "$name" --memory 768m -p 127.0.0.1::8080 \
    -e XEN_SUPPORT_IMPORT_ENABLED=false \
    -e JDK_JAVA_OPTIONS="-XX:AOTMode=on -Xlog:gc:stdout" \
    "$image" > /dev/null
port=$(docker port "$name" 8080/tcp | head -n 1 | sed 's/.*://')
ready=
for _ in $(seq 1 1200); do
    if curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null 2>&1; then
        ready=$(( ($(date +%s%N) - started) / 1000000 )); break
    fi
    [ "$(docker inspect -f '{{.State.Running}}' "$name")" = true ] || fail "the container stopped"
    sleep 0.05
done
[ -n "$ready" ] || fail "not ready within 60 s"
echo "ok      ready after $ready ms with -XX:AOTMode=on (the AOT cache is used)"

gc=$(docker logs "$name" 2>&1 | grep -o 'Using [A-Za-z0-9]*' | head -n 1)
[ "$gc" = "Using Serial" ] || fail "collector: ${gc:-not logged}, expected Serial"
echo "ok      $gc"

for _ in $(seq 1 60); do
    health=$(docker inspect -f '{{.State.Health.Status}}' "$name")
    [ "$health" = starting ] || break
    sleep 1
done
[ "$health" = healthy ] || fail "HEALTHCHECK says $health"
echo "ok      HEALTHCHECK: healthy"
