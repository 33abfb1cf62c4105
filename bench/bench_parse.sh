#!/bin/sh
# bench_parse.sh — speed and memory of tagging + lemmatizing + parsing on one core.
#   1. EWT test set, gold tokens (CoNLL-U in): sentences/s measured inside
#      `redline parse --eval` around the annotation only, and end to end (reading,
#      annotating, writing CoNLL-U) with /usr/bin/time.
#   2. The BBC corpus (JSON lines), segmented by our segmenter: annotation only (CPU time,
#      `redline parse --timing`) and end to end.
# The annotation-only figures are CPU time of the annotating thread, so they mean "what
# one core does" even when other work shares the machine; wall-clock figures do not.
# Each figure is the median of RUNS runs (default 3). Peak RSS from /usr/bin/time -v.
# BEAM=k parses with a beam of k instead of the model's width (e.g. BEAM=4 with a model
# trained by RLTRAIN_PARSER_BEAM; see docs/parser.md). Skips with a message when
# ../shared is absent.
cd "$(dirname "$0")/.." || exit 2
SHARED=${REDLINE_SHARED:-../shared}
BIN=${REDLINE:-build/redline}
RUNS=${RUNS:-3}
BEAMOPT=${BEAM:+--beam $BEAM}
TEST="$SHARED/ud/en_ewt-ud-test.conllu"
BBC="$SHARED/corpus/bbc-news-2095.jsonl"
if [ ! -r "$TEST" ]; then echo "bench_parse: skip: $TEST not found"; exit 0; fi
[ -x "$BIN" ] || { echo "bench_parse: $BIN not built (make build)"; exit 2; }
PIN=""
command -v taskset >/dev/null 2>&1 && PIN="taskset -c 0"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/bench_parse.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}'; }

# elapsed_and_rss CMD... : runs CMD under /usr/bin/time -v; prints "seconds kilobytes"
elapsed_and_rss() {
    /usr/bin/time -v "$@" >/dev/null 2>"$TMP/time" || { cat "$TMP/time" >&2; return 1; }
    awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]}
                /Maximum resident set size/ {r=$2} END {print s, r}' "$TMP/time"
}

echo "machine: $(nproc) cores, $(uname -m); pinned: ${PIN:-no}; beam: ${BEAM:-the model's}"
nsent=$(grep -c '^# sent_id' "$TEST")

# 1a. annotation only, as measured by --eval
for i in $(seq "$RUNS"); do
    $PIN "$BIN" parse $BEAMOPT --eval "$TEST" | awk '/^speed/ {print $2}'
done | median > "$TMP/eval"
echo "EWT test ($nsent sentences, gold tokens): $(cat "$TMP/eval") sentences/s tag+lemma+parse (median of $RUNS, annotation only)"

# 1b. end to end
: > "$TMP/e2e"
for i in $(seq "$RUNS"); do
    $PIN true
    elapsed_and_rss $PIN "$BIN" parse $BEAMOPT --quiet --input-format conllu "$TEST" >> "$TMP/e2e" || exit 1
done
t=$(awk '{print $1}' "$TMP/e2e" | median)
rss=$(awk '{print $2}' "$TMP/e2e" | sort -n | tail -1)
echo "EWT test end to end: $(awk -v n="$nsent" -v t="$t" 'BEGIN {printf "%.0f", n / t}') sentences/s ($t s, median of $RUNS), peak RSS $((rss / 1024)) MB"

# Load time: one short sentence, end to end.
printf 'Iran rejected the proposal.\n' > "$TMP/one.txt"
: > "$TMP/load"
for i in $(seq "$RUNS"); do elapsed_and_rss "$BIN" parse --quiet "$TMP/one.txt" >> "$TMP/load" || exit 1; done
echo "start-up (load models, parse one sentence): $(awk '{print $1}' "$TMP/load" | median) s, RSS $(( $(awk '{print $2}' "$TMP/load" | sort -n | tail -1) / 1024 )) MB"

# 2. BBC corpus through the segmenter
if [ -r "$BBC" ]; then
    nbbc=$("$BIN" parse --quiet "$BBC" | grep -c '^# sent_id')
    : > "$TMP/bbc"
    for i in $(seq "$RUNS"); do
        elapsed_and_rss $PIN "$BIN" parse $BEAMOPT --quiet "$BBC" >> "$TMP/bbc" || exit 1
    done
    t=$(awk '{print $1}' "$TMP/bbc" | median)
    for i in $(seq "$RUNS"); do
        $PIN "$BIN" parse $BEAMOPT --quiet --timing "$BBC" 2>&1 >/dev/null | awk '/annotated/ {print $(NF-4)}'
    done | median > "$TMP/bbccpu"
    echo "BBC corpus: $(cat "$TMP/bbccpu") sentences/s tag+lemma+parse (CPU time of the annotation only, median of $RUNS)"
    rss=$(awk '{print $2}' "$TMP/bbc" | sort -n | tail -1)
    echo "BBC corpus ($nbbc sentences, segmented by redline): $(awk -v n="$nbbc" -v t="$t" 'BEGIN {printf "%.0f", n / t}') sentences/s end to end ($t s, median of $RUNS), peak RSS $((rss / 1024)) MB"
else
    echo "bench_parse: skip BBC: $BBC not found"
fi
