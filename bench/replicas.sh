#!/usr/bin/env bash
# Throughput of read replicas behind nginx: mixed queries with wrk through nginx in front of
# one replica, then in front of three, in the same run on the same snapshot; the peer is one
# replica queried directly (no nginx). Prints requests/s of each and the ratios. Not in CI.
# Reproduce: bench/replicas.sh [SECONDS] [CONNECTIONS] [VNNEWS_ARTICLES]   (20, 32, 5000)
# Needs nginx and wrk (apt-get install nginx-light wrk). TRACUU_BIN=path uses that binary
# instead of building `target/release/tracuu`.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-20}"
connections="${2:-32}"
articles="${3:-5000}"
work=$(mktemp -d /tmp/tracuu-replicas.XXXXXX)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

bin="${TRACUU_BIN:-}"
if [ -z "$bin" ]; then
    cargo build --release --quiet
    bin=./target/release/tracuu
fi

mkdir -p "$work/corpus"
cp corpus/* "$work/corpus/"
data=../shared/data/vnnews.jsonl.gz
if [ -f "$data" ]; then
    zcat "$data" | head -n "$articles" >"$work/corpus/vnnews.jsonl" || true
fi
"$bin" ingest --corpus "$work/corpus" --index "$work/index" | tail -n 2
"$bin" snapshot --index "$work/index" --out "$work/snapshots" 2>/dev/null ||
    cp -r "$work/index" "$work/snapshots" # a binary without `snapshot`: serve the index itself

ports=(18181 18182 18183)
for port in "${ports[@]}"; do
    "$bin" serve --index "$work/snapshots" --addr "127.0.0.1:$port" 2>>"$work/replicas.log" &
    pids+=($!)
done
for port in "${ports[@]}"; do
    for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
done

# One nginx per topology: 18191 → the first replica, 18193 → all three.
start_nginx() { # name listen-port replica-ports…
    local name=$1 listen=$2
    shift 2
    local dir="$work/nginx-$name" servers=""
    mkdir -p "$dir"
    for port in "$@"; do servers+="server 127.0.0.1:$port max_fails=1 fail_timeout=2s; "; done
    cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/body; proxy_temp_path $dir/proxy; fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi; scgi_temp_path $dir/scgi;
    upstream tracuu { $servers keepalive 64; }
    server {
        listen 127.0.0.1:$listen;
        location / {
            proxy_pass http://tracuu;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_next_upstream error timeout http_502 http_503;
        }
    }
}
CONF
    nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' &
    pids+=($!)
}
start_nginx one 18191 "${ports[0]}"
start_nginx three 18193 "${ports[@]}"
sleep 1

cat >"$work/mix.lua" <<'LUA'
local paths = {
    "/api/search?q=h%C6%B0%E1%BB%9Bng+d%E1%BA%ABn+38",
    "/api/search?q=huong+dan+38",
    "/api/search?q=21-NQ%2FTW",
    "/api/search?q=%22ban+ch%E1%BA%A5p+h%C3%A0nh%22&limit=20",
    "/api/search?q=vi%E1%BB%87t+nam&offset=10",
    "/api/search?q=kinh+te&from=2019-01-01&to=2023-12-31",
    "/api/search?q=gi%C3%A1+x%C4%83ng+d%E1%BA%A7u",
    "/api/suggest?q=nghi",
    "/api/documents/000_a9977e4e1fe89f14",
    "/?q=dang+vien",
}
local n = 0
request = function() n = n + 1; return wrk.format("GET", paths[(n % #paths) + 1]) end
done = function(summary, latency, requests)
    io.write(string.format("RESULT %.1f req/s, p99 %.1f ms, errors %d\n",
        summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000,
        summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA

measure() { # label url
    local line
    line=$(wrk -t2 -c"$connections" -d"${seconds}s" -s "$work/mix.lua" "$2" | grep '^RESULT')
    echo "$1: ${line#RESULT }" >&2
    echo "$line" | awk '{print $2}'
}
echo "cores: $(nproc), ${seconds}s at $connections connections each" >&2
direct=$(measure "1 replica, direct" "http://127.0.0.1:${ports[0]}")
one=$(measure "1 replica via nginx" "http://127.0.0.1:18191")
three=$(measure "3 replicas via nginx" "http://127.0.0.1:18193")
awk -v d="$direct" -v o="$one" -v t="$three" 'BEGIN {
    printf "nginx / direct: %.2f; 3 replicas / 1 replica (both via nginx): %.2f\n", o / d, t / o }'
