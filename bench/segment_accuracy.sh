#!/bin/sh
# segment_accuracy.sh [REDLINE] — token and sentence-boundary F1 of `redline segment`
# on the UD English EWT test and dev sets (../shared/ud). Targets: tokens >= 98%,
# sentences >= 80%. Skips when ../shared is absent.
cd "$(dirname "$0")/.." || exit 2
REDLINE=${1:-build/redline}
SHARED=${REDLINE_SHARED:-../shared}
if [ ! -d "$SHARED/ud" ]; then echo "skip: $SHARED/ud not found" >&2; exit 0; fi
for set in test dev; do
    python3 bench/segment_accuracy.py "$REDLINE" "$SHARED/ud/en_ewt-ud-$set.conllu" || exit 1
done
