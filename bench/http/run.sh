#!/usr/bin/env bash
# HTTP benchmark (bench/README.md, section "HTTP"): the service against nginx serving the very same
# bytes as static files, with wrk, in alternating turns of one run. Prints req/s, the ratio
# service / nginx, p50/p99 latency and errors per endpoint, and the service's resident memory.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
port=${BENCH_PORT:-18080}
nginx_port=${BENCH_NGINX_PORT:-18081}
connections=${BENCH_CONNECTIONS:-32}
duration=${BENCH_DURATION:-10s}
rounds=${BENCH_ROUNDS:-2}
db=${BENCH_DB:-xen_support_http_bench}
work=$(mktemp -d "${TMPDIR:-/tmp}/xen-http-bench.XXXXXX")
token="bench-$RANDOM$RANDOM$RANDOM"
# The heap fixed in size, as the container image has it (InitialRAMPercentage = MaxRAMPercentage).
java_opts=${BENCH_JAVA_OPTS:--Xms256m -Xmx256m}
nginx_pid=
source "$here/../lib/service.sh"

cleanup() {
    if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; fi
    finish
}
trap cleanup EXIT

for tool in nginx wrk psql curl; do
    command -v "$tool" > /dev/null || { echo "needs $tool (apt-get install nginx-light wrk postgresql-client curl)"; exit 1; }
done

imported_service "$db" "$java_opts"

if [ "${BENCH_LAUNCH:-jar}" = image ]; then
    stop_service
    prepare_image_launch
    echo "== restarting the service as the container image launches it"
    start_service "$db" "$java_opts $image_opts" "$java25" "$image_jar"
elif [ "${BENCH_RESTART:-1}" = 1 ]; then
    echo "== restarting the service on the imported database (start-up time with data)"
    stop_service
    start_service "$db" "$java_opts"
fi

# One advisory fixed on 4.17, whichever repository was imported (the oldest of its fixes there).
advisory=$(curl -fsS "http://127.0.0.1:$port/api/v1/releases/4.17/advisories" 2> /dev/null \
    | jq -r '.fixes[-1].advisory // empty' || true)

# The GET endpoints of the benchmark, each with the name of its static twin.
endpoints=(
    "releases|/api/v1/releases"
    "features-arm64|/api/v1/releases/4.22/features?arch=arm64"
    "matrix|/api/v1/matrix"
    "feature-x86pv|/api/v1/features/x86pv"
    "fixes-4.17|/api/v1/releases/4.17/advisories"
    "advisory|/api/v1/advisories/${advisory:-XSA-1}"
)

echo "== the service's answers, saved for nginx"
mkdir -p "$work/static"
answered=()
for entry in "${endpoints[@]}"; do
    name=${entry%%|*}; path=${entry#*|}
    # An older build may not answer every endpoint (the security fixes came later): it is left out.
    if ! curl -fsS -o "$work/static/$name.json" "http://127.0.0.1:$port$path"; then
        echo "   $name: not answered by this build, left out"
        continue
    fi
    answered+=("$entry")
    printf '   %-16s %8d bytes\n' "$name" "$(stat -c %s "$work/static/$name.json")"
done
endpoints=("${answered[@]}")

# nginx's workers run unprivileged: they must be able to read the twins.
chmod 755 "$work"
chmod -R a+rX "$work/static"
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    types { application/json json; }
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/static;
        etag on;
    }
}
CONF
nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
sleep 0.5
for entry in "${endpoints[@]}"; do
    name=${entry%%|*}
    cmp -s <(curl -fsS "http://127.0.0.1:$nginx_port/$name.json") "$work/static/$name.json" \
        || { echo "nginx does not serve $name.json as saved"; exit 1; }
done

# Runs wrk and prints "req/s p50 p99 errors requests" (latencies in ms).
measure() {
    local out
    out=$(wrk -t2 -c"$connections" -d"$duration" --latency "$@" 2>&1)
    local rps p50 p99 errors non2xx requests
    rps=$(printf '%s\n' "$out" | awk '/Requests\/sec/ {print $2}')
    requests=$(printf '%s\n' "$out" | awk '/requests in/ {print $1}')
    p50=$(printf '%s\n' "$out" | awk '$1=="50%" {print $2}')
    p99=$(printf '%s\n' "$out" | awk '$1=="99%" {print $2}')
    errors=$(printf '%s\n' "$out" | awk '/Socket errors/ {gsub(",",""); s=$4+$6+$8+$10} END {print s+0}')
    non2xx=$(printf '%s\n' "$out" | awk '/Non-2xx or 3xx/ {print $NF} END {}' | tail -n 1)
    echo "$rps $(ms "$p50") $(ms "$p99") $(( errors + ${non2xx:-0} )) $requests"
}

# The service's processor time so far (user + system, all its threads), in clock ticks.
service_ticks() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }
ticks_per_second=$(getconf CLK_TCK)
# Microseconds of the service's processor time per answer: $1 clock ticks over $2 answers.
cpu_per_answer() { awk -v t="$1" -v tps="$ticks_per_second" -v q="$2" 'BEGIN { printf "%.1f", (q > 0 ? t / tps * 1e6 / q : 0) }'; }

results="$work/results.txt"
: > "$results"
# Alternating turns, so both see the same machine: nginx, service, nginx, service, ...
compare() {
    local name=$1 service_url=$2 nginx_url=$3; shift 3
    local s_rps=0 n_rps=0 s_p50=0 s_p99=0 s_err=0 n_p99=0 n_err=0 s_ticks=0 s_requests=0 t0 reqs
    for _ in $(seq 1 "$rounds"); do
        read -r rps p50 p99 err reqs < <(measure "$@" "$nginx_url")
        n_rps=$(awk -v a="$n_rps" -v b="$rps" 'BEGIN {print a + b}'); n_p99=$p99; n_err=$(( n_err + err ))
        t0=$(service_ticks)
        read -r rps p50 p99 err reqs < <(measure "$@" "$service_url")
        s_ticks=$(( s_ticks + $(service_ticks) - t0 )); s_requests=$(( s_requests + reqs ))
        s_rps=$(awk -v a="$s_rps" -v b="$rps" 'BEGIN {print a + b}')
        s_p50=$p50; s_p99=$(awk -v a="$s_p99" -v b="$p99" 'BEGIN {print (b > a) ? b : a}')
        s_err=$(( s_err + err ))
    done
    awk -v n="$name" -v s="$s_rps" -v g="$n_rps" -v r="$rounds" -v p50="$s_p50" -v p99="$s_p99" \
        -v e="$s_err" -v np99="$n_p99" -v ne="$n_err" -v cpu="$(cpu_per_answer "$s_ticks" "$s_requests")" 'BEGIN {
        printf "%-18s %10.0f %10.0f %7.2f %8s %8s %9s %7d %7d %8s\n", n, s / r, g / r, (g > 0 ? s / g : 0), p50, p99, np99, e, ne, cpu }' \
        | tee -a "$results"
}

PARSE_BODY="$corpus/SUPPORT-stable-4.22.md" export PARSE_BODY
# Warm-up (unmeasured): each endpoint until its rate stops rising (warm_until_steady), or
# BENCH_WARMUP=<n>s of each.
if [ -n "${BENCH_WARMUP:-}" ]; then
    echo "== warming up (unmeasured): $BENCH_WARMUP of each endpoint"
    for entry in "${endpoints[@]}"; do
        wrk -t2 -c"$connections" -d"$BENCH_WARMUP" "http://127.0.0.1:$port${entry#*|}" > /dev/null 2>&1
    done
else
    echo "== warming up (unmeasured): each endpoint until its rate stops rising"
    for entry in "${endpoints[@]}"; do
        read -r waited rps < <(warm_until_steady "http://127.0.0.1:$port${entry#*|}" "$connections")
        printf '   %-16s steady after %3d s (%d req/s in the last 5 s)\n' "${entry%%|*}" "$waited" "$rps"
    done
fi
wrk -t2 -c"$connections" -d3s -s "$here/post-parse.lua" "http://127.0.0.1:$port/api/v1/parse" > /dev/null 2>&1 || true

echo "== wrk: $connections connections, $duration a turn, $rounds turns each, alternating"
printf '%-18s %10s %10s %7s %8s %8s %9s %7s %7s %8s\n' endpoint "svc req/s" "nginx r/s" ratio "p50 ms" "p99 ms" "nginx p99" errors "ngx err" "cpu µs" \
    | tee -a "$results"
for entry in "${endpoints[@]}"; do
    name=${entry%%|*}; path=${entry#*|}
    compare "$name" "http://127.0.0.1:$port$path" "http://127.0.0.1:$nginx_port/$name.json"
done

# The ETag of the representation wrk asks for: wrk sends no Accept header, and curl's "Accept: */*"
# names another representation (another ETag), so curl is told to send none either.
etag_of() { curl -fsSI -H "Accept:" "$1" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}'; }
etag=$(etag_of "http://127.0.0.1:$port/api/v1/releases")
nginx_etag=$(etag_of "http://127.0.0.1:$nginx_port/releases.json")
for check in "$etag|http://127.0.0.1:$port/api/v1/releases" "$nginx_etag|http://127.0.0.1:$nginx_port/releases.json"; do
    code=$(curl -sS -o /dev/null -w '%{http_code}' -H "Accept:" -H "If-None-Match: ${check%%|*}" "${check#*|}")
    [ "$code" = 304 ] || { echo "revalidation of ${check#*|} answered $code, not 304"; exit 1; }
done
t0=$(service_ticks)
s304=$(measure -H "If-None-Match: $etag" "http://127.0.0.1:$port/api/v1/releases")
t304=$(( $(service_ticks) - t0 ))
n304=$(measure -H "If-None-Match: $nginx_etag" "http://127.0.0.1:$nginx_port/releases.json")
read -r rps p50 p99 err reqs <<< "$s304"
read -r nrps _ np99 nerr _ <<< "$n304"
awk -v s="$rps" -v g="$nrps" -v p50="$p50" -v p99="$p99" -v e="$err" -v np99="$np99" -v ne="$nerr" \
    -v cpu="$(cpu_per_answer "$t304" "$reqs")" 'BEGIN {
    printf "%-18s %10.0f %10.0f %7.2f %8s %8s %9s %7d %7d %8s\n", "releases 304", s, g, s / g, p50, p99, np99, e, ne, cpu }' \
    | tee -a "$results"

read -r rps p50 p99 err _ < <(measure -s "$here/post-parse.lua" "http://127.0.0.1:$port/api/v1/parse")
awk -v s="$rps" -v p50="$p50" -v p99="$p99" -v e="$err" 'BEGIN {
    printf "%-18s %10.0f %10s %7s %8s %8s %9s %7d\n", "POST parse", s, "-", "-", p50, p99, "-", e }' | tee -a "$results"

rss=$(ps -o rss= -p "$app_pid" | tr -d ' ')
echo "service resident memory at the end: $(( rss / 1024 )) MiB" | tee -a "$results"
echo "== stored: $(psql -h "$pg_host" -p "$pg_port" -U postgres -d "$db" -A -t -c \
    "select count(*) || ' releases, ' || (select count(*) from revision) || ' revisions' from release")"
