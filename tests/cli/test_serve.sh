#!/bin/sh
# test_serve.sh — the HTTP service: every endpoint, every malformed request we could think
# of, and that the server still answers correctly afterwards.
. "$(dirname "$0")/lib.sh"
command -v curl >/dev/null || { skip serve "curl not installed"; exit 0; }

"$REDLINE" serve --port 0 --quiet --max-body 4096 --time-limit 5 >"$TMP/port" 2>"$TMP/err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$TMP"' EXIT
i=0
while [ ! -s "$TMP/port" ] && [ $i -lt 100 ]; do
    kill -0 $pid 2>/dev/null || break
    sleep 0.1; i=$((i + 1))
done
port=$(head -1 "$TMP/port")
if [ -z "$port" ]; then
    # Until the trained models are in data/models the service cannot open its resources.
    if ! ls "$(dirname "$0")/../../data/models/"*.rlm >/dev/null 2>&1; then
        skip serve "no trained models in data/models yet"; exit 0
    fi
    fail serve_starts "$(cat "$TMP/err")"; exit 0
fi
ok serve_starts
url="http://127.0.0.1:$port"

# status CODE NAME CURL-ARGS...: checks the HTTP status of a request
status() {
    want=$1; name=$2; shift 2
    got=$(curl -s -o "$TMP/body" -w '%{http_code}' "$@")
    if [ "$got" = "$want" ]; then ok "$name"; else fail "$name" "status $got, want $want: $(head -c 200 "$TMP/body")"; fi
}

status 200 healthz "$url/healthz"
status 200 codes "$url/v1/codes"
expect_contains codes_has_125 "$TMP/body" '"code":"125"'
doc='{"id":"t1","date":"2024-03-14","text":"Egypt hosted talks with Israel on Tuesday. The Israeli army bombed targets in Gaza."}'
status 200 code_one -H 'Content-Type: application/json' -d "$doc" "$url/v1/code"
expect_contains code_one_has_events "$TMP/body" '"events":'
expect_contains code_one_has_doc_id "$TMP/body" '"doc_id":"t1"'
status 200 code_array -H 'Content-Type: application/json' -d "[$doc,$doc]" "$url/v1/code"
expect_contains code_array_counts "$TMP/body" '"documents":2'
status 200 code_plain -H 'Content-Type: text/plain' --data-binary 'Russia condemned the attack.' "$url/v1/code"
status 200 hypnos -H 'Content-Type: application/json' -d '{"text":"France criticised Iran.","id":"h1","date":"2024-01-02"}' "$url/hypnos/extract"
expect_contains hypnos_has_id "$TMP/body" '"id":"h1"'

# malformed requests
status 400 bad_json -H 'Content-Type: application/json' -d '{"text": ' "$url/v1/code"
expect_contains bad_json_names_problem "$TMP/body" 'malformed JSON'
status 400 missing_text -H 'Content-Type: application/json' -d '{"id":"x"}' "$url/v1/code"
expect_contains missing_text_named "$TMP/body" 'missing \"text\"'
status 400 text_not_string -H 'Content-Type: application/json' -d '{"text":42}' "$url/v1/code"
status 400 bad_date -H 'Content-Type: application/json' -d '{"text":"x","date":"yesterday"}' "$url/v1/code"
status 400 empty_array -H 'Content-Type: application/json' -d '[]' "$url/v1/code"
status 400 array_of_junk -H 'Content-Type: application/json' -d '[1,2]' "$url/v1/code"
status 400 empty_body -H 'Content-Type: application/json' -X POST "$url/v1/code"
head -c 5000 /dev/zero | tr '\0' 'a' >"$TMP/big"
status 413 too_large -H 'Content-Type: text/plain' --data-binary @"$TMP/big" "$url/v1/code"
status 405 get_code "$url/v1/code"
status 405 post_healthz -d x "$url/healthz"
status 404 unknown_path "$url/nope"
printf 'GARBAGE\r\n\r\n' | timeout 5 nc -q 1 127.0.0.1 "$port" >/dev/null 2>&1 || true
python3 -c "import random, sys; r = random.Random(11); sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(3000)))" >"$TMP/rand"
status 400 binary_json -H 'Content-Type: application/json' --data-binary @"$TMP/rand" "$url/v1/code"
status 200 binary_plain -H 'Content-Type: text/plain' --data-binary @"$TMP/rand" "$url/v1/code"

# still healthy, and the metrics counted what happened
status 200 healthz_after "$url/healthz"
status 200 code_after -H 'Content-Type: application/json' -d "$doc" "$url/v1/code"
status 200 metrics "$url/metrics"
expect_contains metrics_counts_400 "$TMP/body" 'redline_requests_total{status="400"}'
expect_contains metrics_histogram "$TMP/body" 'redline_request_seconds_bucket{le="+Inf"}'
if grep -q 'redline_documents_total [1-9]' "$TMP/body"; then ok metrics_documents; else fail metrics_documents "$(grep documents "$TMP/body")"; fi

kill $pid; wait $pid 2>/dev/null
case $? in 0) ok serve_stops_cleanly ;; *) fail serve_stops_cleanly "exit status $?" ;; esac

# A per-request time limit: a long document against a 1 ms limit answers 503, and the
# server goes on answering.
"$REDLINE" serve --port 0 --quiet --time-limit 0.001 --max-body 4000000 >"$TMP/port2" 2>"$TMP/err2" &
pid=$!
i=0
while [ ! -s "$TMP/port2" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
url="http://127.0.0.1:$(head -1 "$TMP/port2")"
python3 -c "
import json
s = ' '.join('Egypt hosted talks with Israel on day %d.' % i for i in range(3000))
print(json.dumps({'id': 'long', 'text': s}))" >"$TMP/long.json"
status 503 time_limit -H 'Content-Type: application/json' --data-binary @"$TMP/long.json" "$url/v1/code"
expect_contains time_limit_named "$TMP/body" 'time limit'
status 200 healthz_after_time_limit "$url/healthz"
kill $pid; wait $pid 2>/dev/null
