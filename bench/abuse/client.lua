-- wrk script for bench/abuse/run.sh: one client of the benchmark, the reader or an attacker,
-- counting its answers by status. Set through the environment:
--   ABUSE_BODY   a file to POST (text/markdown) instead of a GET
--   ABUSE_DELAY  milliseconds each connection waits before its next request (0: as fast as answered)
--   ABUSE_BUST   1: every GET carries a query parameter never sent before (&bust=<n>)
-- At the end it prints one line: "COUNTS ok=<2xx/3xx> r429=<n> r503=<n> c4xx=<other 4xx> s5xx=<other 5xx>".

local body_file = os.getenv("ABUSE_BODY")
local pause = tonumber(os.getenv("ABUSE_DELAY") or "0")
local bust = os.getenv("ABUSE_BUST") == "1"

if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "text/markdown"
end

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  ok, r429, r503, c4xx, s5xx = 0, 0, 0, 0, 0
  sent = 0
end

if bust then
  function request()
    sent = sent + 1
    local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
    return wrk.format(nil, wrk.path .. sep .. "bust=" .. id .. "-" .. sent)
  end
end

if pause > 0 then
  function delay()
    return pause
  end
end

function response(status, headers, body)
  if status < 400 then ok = ok + 1
  elseif status == 429 then r429 = r429 + 1
  elseif status == 503 then r503 = r503 + 1
  elseif status < 500 then c4xx = c4xx + 1
  else s5xx = s5xx + 1 end
end

function done(summary, latency, requests)
  local t = { ok = 0, r429 = 0, r503 = 0, c4xx = 0, s5xx = 0 }
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + (thread:get(k) or 0) end
  end
  io.write(string.format("COUNTS ok=%d r429=%d r503=%d c4xx=%d s5xx=%d\n", t.ok, t.r429, t.r503, t.c4xx, t.s5xx))
end
