-- wrk: POST a SUPPORT.md to /api/v1/parse. The file is named by the PARSE_BODY environment variable.
local f = assert(io.open(os.getenv("PARSE_BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "text/markdown"
