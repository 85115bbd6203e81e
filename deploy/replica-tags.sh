#!/usr/bin/env bash
# Two instances of one build on one database, as two replicas behind a proxy: every GET route must
# give the same ETag on both, and each must answer 304 for the other's tag (README, "Scaling reads").
#
#   deploy/replica-tags.sh [JAR] [REPOSITORY]
#
# JAR defaults to target/xen-support-status-*.jar; REPOSITORY to one shaped like xen.git, built with
# bench/import/BuildXenRepository.java from ../shared/corpus/xen. Needs the local PostgreSQL
# (127.0.0.1:5432, user postgres, trust); drops and creates the database xen_replica_tags.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
JAR=${1:-$(ls "$root"/target/xen-support-status-*.jar | head -n 1)}
DB=xen_replica_tags
REPO=${2:-}
if [ -z "$REPO" ]; then
  REPO=$(mktemp -d)/xen.git
  java "$root/bench/import/BuildXenRepository.java" "${XEN_CORPUS:-$root/../shared/corpus/xen}" "$REPO" > /dev/null
fi
psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB" -c "create database $DB"
start() { # port import-enabled
  SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres SERVER_PORT=$1 \
  XEN_SUPPORT_SOURCE_URL=$REPO XEN_SUPPORT_CACHE_DIR=/tmp/replica-tags-cache-$1 XEN_SUPPORT_IMPORT_ENABLED=$2 \
  XEN_SUPPORT_PUBLIC_URL=https://support.example.org \
  java -Xmx384m -jar $JAR > /tmp/replica-tags-$1.log 2>&1 &
  echo $!
}
rm -rf /tmp/replica-tags-cache-*
A=$(start 18501 true)
for i in $(seq 1 120); do sleep 2; n=$(curl -s localhost:18501/api/v1/imports | python3 -c "import json,sys; r=json.load(sys.stdin)['runs']; print(sum(1 for x in r if x['outcome']=='succeeded'))" 2>/dev/null); [ "${n:-0}" -ge 1 ] && break; done
B=$(start 18502 false)
for i in $(seq 1 60); do sleep 2; curl -sf localhost:18502/actuator/health/readiness >/dev/null && break; done
X=$(curl -s localhost:18501/api/v1/advisories?size=1 | python3 -c "import json,sys; print(json.load(sys.stdin)['advisories'][0]['id'])")
echo "advisory: $X"
routes="/api/v1/releases /api/v1/releases?state=supported,security-only /api/v1/releases?securitySupported=true&on=2027-06-01 /api/v1/releases?at=2025-06-01
/api/v1/releases/4.17 /api/v1/releases/4.17.2?on=2027-06-01 /api/v1/releases/4.17/versions /api/v1/releases/4.22/features?arch=arm64,x86&level=experimental,supported&security=no,yes
/api/v1/releases/4.22/features/x86pv /api/v1/releases/4.17/features?at=2023-01-01 /api/v1/releases/4.17/history /api/v1/releases/4.17/support.md
/api/v1/releases/4.17/calendar.ics /api/v1/releases/4.17/openeox.json /api/v1/features?q=vtpm /api/v1/features/x86pv?arch=arm,x86
/api/v1/matrix?level=experimental,tech-preview&arch=arm64,x86 /api/v1/matrix?format=csv&level=supported,experimental /api/v1/diff?from=4.21&to=4.22
/api/v1/changes /api/v1/changes.atom /api/v1/events?type=released,point-released,lifecycle-changed /api/v1/events.atom /api/v1/calendar.ics /api/v1/openeox.json
/api/endoflife/xen.json /api/endoflife/xen/4.17.json?at=2025-06-01 /api/endoflife/v1/products /api/endoflife/v1/products/xen /api/endoflife/v1/products/xen/releases/latest
/api/v1/advisories /api/v1/advisories?release=4.17 /api/v1/advisories/$X /api/v1/advisories/$X/osv.json /api/v1/osv/all.zip /api/v1/advisories.atom
/api/v1/releases/4.17/advisories /api/v1/releases/4.17.2/advisories /api/v1/imports / /?level=experimental&level=tech-preview&arch=arm64 /releases/4.17 /releases/4.17?at=2023-01-01 /advisories/$X"
same=0; diff=0; n304=0; n=0
for r in $routes; do
  n=$((n+1))
  ta=$(curl -s -o /dev/null -D - "http://127.0.0.1:18501$r" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
  tb=$(curl -s -o /dev/null -D - "http://127.0.0.1:18502$r" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
  c=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ta" "http://127.0.0.1:18502$r")
  if [ -n "$ta" ] && [ "$ta" = "$tb" ]; then same=$((same+1)); else diff=$((diff+1)); echo "DIFFERENT $r: $ta vs $tb"; fi
  [ "$c" = 304 ] && n304=$((n304+1)) || echo "NO 304 from B for A's tag: $r ($c)"
done
echo "routes: $n; equal tags: $same; different: $diff; 304 from B for A's tag: $n304"
kill $A $B; wait 2>/dev/null
