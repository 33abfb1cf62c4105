#!/bin/sh
# bench_serve.sh — load test of `redline serve` with wrk on loopback: requests/s and
# p50/p99 latency for single-article POSTs at 1, 8 and 64 connections, and the server's
# RSS before and after at least 100,000 requests. Traffic goes to 127.0.0.1 only.
# Usage: sh bench/bench_serve.sh [SECONDS_PER_RUN] (default 10)
cd "$(dirname "$0")/.." || exit 2
R=${REDLINE:-build/redline}
secs=${1:-10}
command -v wrk >/dev/null || { echo "bench_serve: wrk is not installed (apt-get install wrk); skipped"; exit 0; }
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT

# One article of our own, as the service receives it, and the wrk script that posts it.
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
text = open("data/examples/example-article.txt", encoding="utf-8").read()
json.dump({"id": "bench-1", "date": "2024-03-14", "text": text}, open(tmp + "/body.json", "w"))
open(tmp + "/post.lua", "w").write(
    'wrk.method = "POST"\n'
    'wrk.headers["Content-Type"] = "application/json"\n'
    'local f = io.open("%s/body.json", "rb"); wrk.body = f:read("*a"); f:close()\n' % tmp)
PY

"$R" serve --port 0 --threads 2 --max-connections 512 >"$tmp/port" 2>"$tmp/server.err" &
pid=$!
for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.1; done
port=$(head -1 "$tmp/port")
[ -n "$port" ] || { echo "bench_serve: server did not start"; exit 1; }
url="http://127.0.0.1:$port/v1/code"
rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
curl -s -o /dev/null -H 'Content-Type: application/json' --data-binary @"$tmp/body.json" "$url"
rss0=$(rss)
total=0
printf '%-12s %12s %10s %10s\n' connections requests/s p50 p99
for c in 1 8 64; do
    t=2; [ "$c" -lt 2 ] && t=1
    wrk -t"$t" -c"$c" -d"${secs}s" --latency -s "$tmp/post.lua" "$url" >"$tmp/wrk.$c" 2>&1
    rps=$(awk '/Requests\/sec/ {print $2}' "$tmp/wrk.$c")
    p50=$(awk '$1 == "50%" {print $2}' "$tmp/wrk.$c")
    p99=$(awk '$1 == "99%" {print $2}' "$tmp/wrk.$c")
    n=$(awk '/requests in/ {print $1}' "$tmp/wrk.$c")
    total=$((total + ${n:-0}))
    grep -q "Non-2xx" "$tmp/wrk.$c" && echo "  warning: $(grep Non-2xx "$tmp/wrk.$c")"
    printf '%-12s %12s %10s %10s\n' "$c" "$rps" "$p50" "$p99"
done
# Keep going until 100,000 requests have been served in all.
while [ "$total" -lt 100000 ]; do
    wrk -t2 -c8 -d"${secs}s" -s "$tmp/post.lua" "$url" >"$tmp/wrk.more" 2>&1
    n=$(awk '/requests in/ {print $1}' "$tmp/wrk.more")
    [ -n "$n" ] && [ "$n" -gt 0 ] || break
    total=$((total + n))
done
if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid"; echo "bench_serve: the server exited (status $?) after $total requests:"; cat "$tmp/server.err"; exit 1
fi
echo "requests served: $total; server RSS: ${rss0} kB after the first request, $(rss) kB after all"
