#!/bin/sh
# parse_accuracy.sh — UPOS, XPOS, UFeats, lemma, UAS and LAS of the committed models on
# UD English EWT test (and dev) with gold tokenization; CoNLL 2018 conventions
# (punctuation included; LAS on the universal part of the relation). BEAM=k parses with a
# beam of k instead of the model's width.
cd "$(dirname "$0")/.." || exit 2
SHARED=${REDLINE_SHARED:-../shared}
BIN=${REDLINE:-build/redline}
for set in test dev; do
    f="$SHARED/ud/en_ewt-ud-$set.conllu"
    if [ ! -r "$f" ]; then echo "parse_accuracy: skip: $f not found"; exit 0; fi
    "$BIN" parse ${BEAM:+--beam $BEAM} --eval "$f" || exit 1
    echo
done
