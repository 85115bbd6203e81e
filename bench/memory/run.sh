#!/usr/bin/env bash
# Memory benchmark (bench/README.md, section "Memory"): the service as the container image runs it
# (heap fixed at 384 MiB, serial collector, JDK 25, AOT cache) on a database holding xen.git's
# history, before and after every past revision of every release has been asked for. Prints the
# live heap after a full collection, resident memory and a reader's rate and p99 on both sides,
# the largest classes after, and the goals with pass or fail.
# Only 127.0.0.1 is ever contacted (XEN_GIT may name another upstream; the service clones it).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
port=${BENCH_PORT:-18080}
connections=${BENCH_CONNECTIONS:-4}
duration=${BENCH_DURATION:-10}
db=${BENCH_DB:-xen_support_memory_bench}
work=$(mktemp -d "${TMPDIR:-/tmp}/xen-memory-bench.XXXXXX")
token="bench-$RANDOM$RANDOM$RANDOM"
# The container's heap: half of its 768 MiB, fixed (Dockerfile), and its exit on running out.
heap_mib=384
java_opts="-Xms${heap_mib}m -Xmx${heap_mib}m -XX:+ExitOnOutOfMemoryError"
# The first import is not measured: it runs on the default JDK with room for the clone.
import_java_opts=${BENCH_IMPORT_JAVA_OPTS:--Xmx1g}
reader_path=${BENCH_READER:-/api/v1/releases/4.19/features?at=2024-06-01}
# Without XEN_GIT, the repository shaped like xen.git at about its size (bench/README.md, "Import").
BENCH_UNRELATED=${BENCH_UNRELATED:-250}
source "$here/../lib/service.sh"

trap finish EXIT

for tool in wrk psql curl jq git; do
    command -v "$tool" > /dev/null || { echo "needs $tool (apt-get install wrk postgresql-client curl jq git)"; exit 1; }
done
echo "== load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
started=$(date +%s)

upstream_repository
import_fresh "$db" "$import_java_opts"
stop_service
prepare_image_launch
jcmd="$(dirname "$java25")/jcmd"
echo "== restarting the service as the container image runs it: $java_opts $image_opts"
start_service "$db" "$java_opts $image_opts" "$java25" "$image_jar"
base="http://127.0.0.1:$port"

# One turn of the reader; prints "<req/s> <p99 ms> <errors>" (errors: answers not 2xx or 3xx, and
# socket errors).
reader_turn() {
    local out rps p99 errors non2xx
    out=$(wrk -t1 -c"$connections" -d"${duration}s" --latency "$base$reader_path" 2>&1)
    rps=$(printf '%s\n' "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}')
    p99=$(ms "$(printf '%s\n' "$out" | awk '$1=="99%" {print $2}')")
    errors=$(printf '%s\n' "$out" | awk '/Socket errors/ {gsub(",",""); s=$4+$6+$8+$10} END {print s+0}')
    non2xx=$(printf '%s\n' "$out" | awk '/Non-2xx or 3xx/ {print $NF}')
    echo "${rps:-0} ${p99:-0} $(( errors + ${non2xx:-0} ))"
}

# The live heap: a full collection (GC.run, System.gc(): with the serial collector a full,
# compacting collection of both generations, finished when jcmd returns), then the space the
# generations use right after it (GC.heap_info); prints "<KiB live> <KiB resident>". The service
# gets no requests meanwhile, so the young generation holds only what jcmd itself allocated.
live_heap() {
    "$jcmd" "$app_pid" GC.run > /dev/null
    "$jcmd" "$app_pid" GC.heap_info > "$work/heap-$1.txt"
    local live rss
    # One line a generation ("DefNew total 118016K, used 1234K [...", then "Tenured ..."); the
    # indented lines under each are its spaces.
    live=$(awk '/^[^ ].* total [0-9]+K, used [0-9]+K/ { v = $0; sub(/.*, used /, "", v); sub(/K.*/, "", v); s += v }
        END { print s + 0 }' "$work/heap-$1.txt")
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$app_pid/status")
    echo "$live $rss"
}

mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
share() { awk -v k="$1" -v h="$heap_mib" 'BEGIN { printf "%.0f", 100 * k / 1024 / h }'; }

echo "== before the walk: the reader (GET $reader_path, wrk 1 thread, $connections connections, ${duration} s)"
read -r waited warm_rps < <(warm_until_steady "$base$reader_path" "$connections")
echo "   warmed until steady: $waited s ($warm_rps req/s in the last 5 s)"
read -r before_rps before_p99 before_errors < <(reader_turn)
echo "   $before_rps req/s, p99 $before_p99 ms, $before_errors errors"
read -r before_live before_rss < <(live_heap before)
echo "   live heap after a full collection: $(mib "$before_live") MiB ($(share "$before_live") % of $heap_mib MiB); resident $(mib "$before_rss") MiB"

# The walk: what a visitor following every link of the release pages asks for. For each release,
# each revision of its history by commit (the release, its features, its page) and each day a
# revision was committed (its features). One curl for all, so the connection is kept.
echo "== the walk: every revision of every release"
urls="$work/walk-urls.txt"
: > "$urls"
history_reads=0
for version in $(curl -fsS "$base/api/v1/releases" | jq -r '.releases[].version'); do
    curl -fsS "$base/api/v1/releases/$version/history" > "$work/history.json"
    history_reads=$((history_reads + 1))
    jq -r --arg b "$base" --arg v "$version" '
        (.revisions[] | .commit as $c
            | "\($b)/api/v1/releases/\($v)?at=\($c)",
              "\($b)/api/v1/releases/\($v)/features?at=\($c)",
              "\($b)/releases/\($v)?at=\($c)"),
        ([.revisions[].committedAt[0:10]] | unique[] | "\($b)/api/v1/releases/\($v)/features?at=\(.)")' \
        "$work/history.json" >> "$urls"
    printf '   %-9s %4d revisions\n' "$version" "$(jq '.revisions | length' "$work/history.json")"
done
awk '{ print "url = \"" $0 "\""; print "output = \"/dev/null\"" }' "$urls" > "$work/walk.curl"
walk_started=$(date +%s%N)
curl -sS --config "$work/walk.curl" -w '%{http_code} %{time_total} %{url_effective}\n' > "$work/walk.txt" || true
walk_ms=$(( ($(date +%s%N) - walk_started) / 1000000 ))
kill -0 "$app_pid" 2>/dev/null || { tail -n 30 "$work/service.log"; echo "FAILED: the service stopped during the walk"; exit 1; }
asked=$(wc -l < "$urls")
answered=$(wc -l < "$work/walk.txt")
not_ok=$(awk '$1 != 200' "$work/walk.txt" | wc -l)
server_errors=$(awk '$1 >= 500 || $1 == "000"' "$work/walk.txt" | wc -l)
echo "   $history_reads histories read; $asked questions ($(grep -c '?at=[0-9a-f]\{40\}' "$urls") by commit, $(grep -c '?at=[0-9-]\{10\}$' "$urls") by day) in $(( walk_ms / 1000 )) s, $answered answered, $not_ok not 200, $server_errors 5xx or no answer"
awk '{ print $1 }' "$work/walk.txt" | sort | uniq -c | awk '{ printf "   status %s: %d\n", $2, $1 }'
awk '$1 != 200 && ++n <= 5 { print "   " $0 }' "$work/walk.txt"
# awk, not head, ends these pipes: a writer cut off by head fails the script (pipefail).
sort -k2 -n -r "$work/walk.txt" | awk 'NR <= 3 { printf "   slowest: %.0f ms %s\n", $2 * 1000, $3 }'

echo "== after the walk"
read -r after_live after_rss < <(live_heap after)
echo "   live heap after a full collection: $(mib "$after_live") MiB ($(share "$after_live") % of $heap_mib MiB); resident $(mib "$after_rss") MiB"
echo "   the largest classes (jcmd GC.class_histogram, after its own full collection):"
"$jcmd" "$app_pid" GC.class_histogram > "$work/histogram.txt"
# jcmd's first line is the process id; then the header, a rule and the classes, largest first.
awk 'NR >= 2 && NR <= 18 { print "   " $0 }' "$work/histogram.txt"
awk '/^Total/ { printf "   total: %d instances, %.1f MiB\n", $2, $3 / 1048576 }' "$work/histogram.txt"
# What the snapshot says it keeps (builds that count it): bytes in all, documents and their parts.
kept=$(curl -fsS "http://127.0.0.1:$port/actuator/prometheus" | awk '/^xen_snapshot_(kept_bytes|documents|document_parts_bytes) / { print $1 "=" $2 }' || true)
if [ -n "$kept" ]; then
    echo "   the snapshot keeps:" $kept
    echo "$kept" | awk -F= '/documents=/ { d = $2 } /parts_bytes=/ { p = $2 } END { if (d > 0) printf "   documents: %d, their parts %.1f MiB: %.0f KiB a document\n", d, p / 1048576, p / d / 1024 }'
else
    echo "   the snapshot keeps: (this build does not say)"
fi
read -r after_rps after_p99 after_errors < <(reader_turn)
echo "   the reader: $after_rps req/s, p99 $after_p99 ms, $after_errors errors"

ratio=$(awk -v a="$after_rps" -v b="$before_rps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
verdict() { if awk "BEGIN { exit !($1) }"; then echo pass; else echo FAIL; fi; }
echo "== results ($jar; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $(( $(date +%s) - started )) s in all)"
printf '%-38s %14s %14s  %-22s %s\n' "" before after goal ""
printf '%-38s %14s %14s  %-22s %s\n' "live heap after a full collection" \
    "$(mib "$before_live") MiB" "$(mib "$after_live") MiB" "" ""
printf '%-38s %14s %14s  %-22s %s\n' "  share of the $heap_mib MiB heap" "$(share "$before_live") %" "$(share "$after_live") %" \
    "at most 50 %" "$(verdict "$after_live / 1024 <= $heap_mib * 0.5")"
printf '%-38s %14s %14s  %-22s %s\n' "resident memory" "$(mib "$before_rss") MiB" "$(mib "$after_rss") MiB" "" ""
printf '%-38s %14s %14s  %-22s %s\n' "reader req/s" "$before_rps" "$after_rps" \
    "at least 0.8 of before" "$ratio, $(verdict "$ratio >= 0.8")"
printf '%-38s %14s %14s  %-22s %s\n' "reader p99 ms" "$before_p99" "$after_p99" "at most 20 ms" "$(verdict "$after_p99 <= 20")"
printf '%-38s %14s %14s\n' "reader errors" "$before_errors" "$after_errors"
echo "Live heap: jcmd GC.run (a full collection), then the used space of the young and old generations"
echo "in jcmd GC.heap_info; resident memory: VmRSS. The walk: $asked questions, $not_ok not 200, $server_errors 5xx."
[ "$server_errors" = 0 ] || { echo "FAILED: $server_errors answers of the walk were 5xx or none"; exit 1; }
[ $(( before_errors + after_errors )) = 0 ] || { echo "FAILED: the reader had errors"; exit 1; }
