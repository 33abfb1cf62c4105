#!/bin/sh
# bench_segment.sh [REDLINE] [RUNS] — times `redline segment --format null` (read, normalise,
# segment, tokenize; no printing) over ../shared/corpus/bbc-news-2095.jsonl on one core.
# Prints the median wall time of RUNS runs (default 5), MB/s, documents/s and the peak RSS
# reported by /usr/bin/time -v. Skips when ../shared is absent.
cd "$(dirname "$0")/.." || exit 2
REDLINE=${1:-build/redline}
RUNS=${2:-5}
SHARED=${REDLINE_SHARED:-../shared}
CORPUS=$SHARED/corpus/bbc-news-2095.jsonl
if [ ! -f "$CORPUS" ]; then echo "skip: $CORPUS not found" >&2; exit 0; fi
if [ ! -x /usr/bin/time ]; then echo "bench_segment: /usr/bin/time is needed" >&2; exit 2; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bytes=$(wc -c <"$CORPUS")
docs=$(wc -l <"$CORPUS")
# redline segment is single-threaded: one core. Wall time from date +%s.%N (finer than
# time -v's centiseconds); peak RSS from /usr/bin/time -v.
"$REDLINE" segment --quiet --format null "$CORPUS" || { echo "bench_segment: redline failed" >&2; exit 1; }
i=0
while [ "$i" -lt "$RUNS" ]; do
    t0=$(date +%s.%N)
    /usr/bin/time -v -o "$tmp/time.$i" "$REDLINE" segment --quiet --format null "$CORPUS"
    t1=$(date +%s.%N)
    echo "$t0 $t1" | awk '{ printf "%.4f\n", $2 - $1 }' >>"$tmp/walls.raw"
    i=$((i + 1))
done
sort -n "$tmp/walls.raw" >"$tmp/walls"
# Process start-up alone (loading ~40 shared libraries), to separate it from the work.
i=0
while [ "$i" -lt "$RUNS" ]; do
    t0=$(date +%s.%N)
    "$REDLINE" --version >/dev/null
    t1=$(date +%s.%N)
    echo "$t0 $t1" | awk '{ printf "%.4f\n", $2 - $1 }' >>"$tmp/start.raw"
    i=$((i + 1))
done
start=$(sort -n "$tmp/start.raw" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
median=$(awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }' "$tmp/walls")
rss=$(cat "$tmp"/time.* | sed -n 's/.*Maximum resident set size (kbytes): //p' | sort -n | tail -1)
awk -v b="$bytes" -v d="$docs" -v t="$median" -v r="$rss" -v n="$RUNS" -v s="$start" 'BEGIN {
    if (t <= 0) t = 0.005
    printf "segment: %d documents, %.1f MB, median of %d runs %.3f s: %.1f MB/s, %.0f documents/s, peak RSS %.1f MB\n",
           d, b / 1e6, n, t, b / 1e6 / t, d / t, r / 1024
    if (t > s) printf "  of which process start-up %.3f s; reading + segmenting alone %.1f MB/s\n", s, b / 1e6 / (t - s) }'
