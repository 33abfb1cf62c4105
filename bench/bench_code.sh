#!/bin/sh
# bench_code.sh [REDLINE] [RUNS] — end-to-end `redline code` over
# ../shared/corpus/bbc-news-2095.jsonl: read, segment, tag, parse, code, write JSON lines.
# For --threads 1 and 2: the median wall time of RUNS runs (default 3), sentences/s,
# documents/s, events, peak RSS (/usr/bin/time -v); and whether the outputs of the two
# thread counts are byte-identical. Skips when ../shared is absent.
cd "$(dirname "$0")/.." || exit 2
REDLINE=${1:-build/redline}
RUNS=${2:-3}
SHARED=${REDLINE_SHARED:-../shared}
CORPUS=$SHARED/corpus/bbc-news-2095.jsonl
if [ ! -f "$CORPUS" ]; then echo "skip: $CORPUS not found" >&2; exit 0; fi
if [ ! -x /usr/bin/time ]; then echo "bench_code: /usr/bin/time is needed" >&2; exit 2; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
docs=$(wc -l <"$CORPUS")
# The sentence count comes from the segmenter, so sentences/s counts what the coder saw.
sents=$("$REDLINE" segment --format null "$CORPUS" 2>&1 | sed -n 's/^redline: \([0-9]*\) sentences.*/\1/p')
for threads in 1 2; do
    : >"$tmp/walls.raw"
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        t0=$(date +%s.%N)
        /usr/bin/time -v -o "$tmp/time.$threads.$i" "$REDLINE" code --quiet --threads "$threads" \
            "$CORPUS" >"$tmp/out.$threads" || { echo "bench_code: redline failed" >&2; exit 1; }
        t1=$(date +%s.%N)
        echo "$t0 $t1" | awk '{ printf "%.4f\n", $2 - $1 }' >>"$tmp/walls.raw"
        i=$((i + 1))
    done
    median=$(sort -n "$tmp/walls.raw" | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
    rss=$(cat "$tmp"/time."$threads".* | sed -n 's/.*Maximum resident set size (kbytes): //p' | sort -n | tail -1)
    events=$(wc -l <"$tmp/out.$threads")
    awk -v s="$sents" -v d="$docs" -v t="$median" -v r="$rss" -v n="$RUNS" -v th="$threads" -v e="$events" 'BEGIN {
        printf "code --threads %d: %d documents, %d sentences, %d events; median of %d runs %.2f s: %.0f sentences/s, %.0f documents/s, peak RSS %.0f MB\n",
               th, d, s, e, n, t, s / t, d / t, r / 1024 }'
done
if cmp -s "$tmp/out.1" "$tmp/out.2"; then echo "output with 1 and 2 threads: byte-identical"
else echo "output with 1 and 2 threads: DIFFERENT"; exit 1; fi
