-- wrk script for bench/load/run.sh: mixed GETs over the whole read API, each request a path picked
-- at random (seeded per thread), and a count of answers by status, so that any error is reported.

local paths = {
  "/api/v1/releases",
  "/api/v1/releases?state=supported,security-only",
  "/api/v1/releases/4.22",
  "/api/v1/releases/4.17?on=2027-06-01",
  "/api/v1/releases/4.22/features",
  "/api/v1/releases/4.22/features?arch=arm64",
  "/api/v1/releases/4.19/features?level=supported&security=yes",
  "/api/v1/releases/unstable/features?q=pv",
  "/api/v1/releases/4.20/features/x86pv",
  "/api/v1/releases/4.17/history",
  "/api/v1/releases/4.21/support.md",
  "/api/v1/features",
  "/api/v1/features/x86pv",
  "/api/v1/matrix",
  "/api/v1/matrix?arch=x86&releases=4.20,4.21,4.22",
  "/api/v1/diff?from=4.21&to=4.22",
  "/api/v1/changes?size=20",
  "/api/v1/imports?limit=5",
  "/api/endoflife/xen.json",
  "/api/endoflife/xen/4.19.json",
}

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(id * 7919)
  ok, notmodified, clienterror, servererror, other = 0, 0, 0, 0, 0
end

function request()
  return wrk.format("GET", paths[math.random(#paths)], { ["Accept-Encoding"] = "gzip" })
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1
  elseif status == 304 then notmodified = notmodified + 1
  elseif status >= 400 and status < 500 then clienterror = clienterror + 1
  elseif status >= 500 then servererror = servererror + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local t = { ok = 0, notmodified = 0, clienterror = 0, servererror = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + thread:get(k) end
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout + t.clienterror + t.servererror + t.other
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.0f 2xx=%d 304=%d 4xx=%d 5xx=%d other=%d "
      .. "socket_errors=%d errors=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      t.ok, t.notmodified, t.clienterror, t.servererror, t.other,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, errors,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency:percentile(99.9) / 1000, latency.max / 1000))
end
