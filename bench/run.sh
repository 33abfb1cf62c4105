#!/bin/sh
# run.sh — runs every benchmark in bench/ (bench_*.sh) in turn. Each prints its own
# figures (medians) and skips with a message when ../shared is absent.
cd "$(dirname "$0")/.." || exit 2
status=0
for b in bench/bench_*.sh; do
    [ -f "$b" ] || continue
    echo "== $b =="
    sh "$b" || status=1
done
exit $status
