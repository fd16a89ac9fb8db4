-- wrk script of bench/run: TARGET=search cycles through the queries of $QUERIES (each
-- thread from its own starting point); TARGET=healthz asks /healthz. Writes a JSON summary
-- to $OUT.
local target = os.getenv("TARGET") or "search"
local paths = {}

local function urlencode(s)
    return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

if target == "search" then
    for line in io.lines(os.getenv("QUERIES") or "bench/queries.txt") do
        if line ~= "" and line:sub(1, 1) ~= "#" then
            paths[#paths + 1] = "/api/search?q=" .. urlencode(line)
        end
    end
else
    paths[1] = "/healthz"
end

local n = 0
function init(args)
    n = math.random(#paths)
end

function request()
    n = n % #paths + 1
    return wrk.format("GET", paths[n])
end

function done(summary, latency, requests)
    local e = summary.errors
    local errors = e.connect + e.read + e.write + e.status + e.timeout
    local seconds = summary.duration / 1e6
    local f = io.open(os.getenv("OUT") or "/dev/stdout", "w")
    f:write(string.format(
        '{"target": "%s", "requests": %d, "seconds": %.3f, "rps": %.1f, "errors": %d, ' ..
        '"status_errors": %d, "timeouts": %d, "p50_ms": %.3f, "p99_ms": %.3f, "max_ms": %.3f}\n',
        target, summary.requests, seconds, summary.requests / seconds, errors, e.status,
        e.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
    f:close()
end
