#!/usr/bin/env bash
# Load test: 64 connections for 60 s of mixed queries against a local release server over the
# bundled corpus; reports errors (non-2xx, including 503 shed by --max-concurrent) and the
# server's RSS before and after. Not run in CI.
# Reproduce: bench/load.sh [SECONDS] [CONNECTIONS]        (defaults 60 and 64)
# Uses oha (cargo install oha) or wrk (apt-get install wrk), installing oha when neither is there.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
connections="${2:-64}"
addr=127.0.0.1:18080
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

if ! command -v oha >/dev/null && ! command -v wrk >/dev/null; then
    cargo install --locked oha
fi

cargo build --release --quiet
./target/release/tracuu ingest --corpus corpus --index "$work/index" >/dev/null
./target/release/tracuu serve --index "$work/index" --addr "$addr" 2>"$work/server.log" &
server=$!
for _ in $(seq 50); do
    curl -fs "http://$addr/healthz" >/dev/null && break
    sleep 0.1
done
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$server/status"; }
echo "RSS before: $(rss)"
# RSS every 10 s while the load runs: flat after warm-up, or a leak.
(
    while sleep "${RSS_EVERY:-10}"; do
        [ -e "/proc/$server/status" ] || break
        echo "RSS at +${SECONDS}s: $(rss)"
    done
) &
sampler=$!
SECONDS=0

# Mixed queries: accented, folded, symbols, phrases, filters, paging, suggestions, documents.
cat >"$work/urls.txt" <<URLS
http://$addr/api/search?q=h%C6%B0%E1%BB%9Bng+d%E1%BA%ABn+38
http://$addr/api/search?q=huong+dan+38
http://$addr/api/search?q=21-NQ%2FTW
http://$addr/api/search?q=%22ban+ch%E1%BA%A5p+h%C3%A0nh%22&limit=20
http://$addr/api/search?q=dang&offset=10
http://$addr/api/search?q=nghi+quyet&cites=nghi-quyet%2F21-NQ%2FTW
http://$addr/api/search?q=kinh+te&from=2019-01-01&to=2023-12-31
http://$addr/api/suggest?q=nghi
http://$addr/api/citations?q=chi+thi
http://$addr/api/documents/000_a9977e4e1fe89f14
http://$addr/?q=dang+vien
URLS

if command -v oha >/dev/null; then
    # oha takes one URL: run the mix as consecutive slices of the time.
    slice=$((seconds / $(wc -l <"$work/urls.txt")))
    while read -r url; do
        echo "== $url"
        oha --no-tui -z "${slice}s" -c "$connections" "$url" | grep -E 'Success rate|Requests/sec|99.00%|\[[0-9]{3}\]'
    done <"$work/urls.txt"
else
    cat >"$work/mix.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("URLS")) do paths[#paths + 1] = line:gsub("^http://[^/]+", "") end
local n = 0
request = function() n = n + 1; return wrk.format("GET", paths[(n % #paths) + 1]) end
done = function(summary, latency, requests)
    io.write(string.format("non-2xx/3xx: %d, socket errors: %d connect, %d read, %d timeout\n",
        summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.timeout))
end
LUA
    URLS="$work/urls.txt" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/mix.lua" "http://$addr"
fi

kill "$sampler" 2>/dev/null || true
echo "RSS after: $(rss)"
# The server's own count, by route and status, from /metrics.
curl -fs "http://$addr/metrics" | grep '^tracuu_http_requests_total' | sort
grep -c ' ERROR ' "$work/server.log" | sed 's/^/server errors logged: /' || true
