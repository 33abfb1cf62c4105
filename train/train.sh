#!/bin/sh
# train.sh — `make train`: builds the trainer and learns data/models/*.rlm from UD English
# EWT (../shared/ud). Deterministic; about 10-20 minutes on two cores.
#   REDLINE_SHARED  where the shared material is (default ../shared)
#   MODELS_OUT      where to write the models (default data/models)
set -e
cd "$(dirname "$0")/.."
SHARED=${REDLINE_SHARED:-../shared}
OUT=${MODELS_OUT:-data/models}
UD="$SHARED/ud"
for f in en_ewt-ud-train.conllu en_ewt-ud-dev.conllu; do
    if [ ! -r "$UD/$f" ]; then
        echo "train.sh: $UD/$f not found: training needs UD English EWT in $UD" >&2
        echo "train.sh: (set REDLINE_SHARED to the directory holding ud/)" >&2
        exit 1
    fi
done
CC=${CC:-cc}
BIN=build/train/rltrain
mkdir -p build/train "$OUT"
# The trainer is compiled from the same sources the library uses for these stages, so
# training and run time share one feature extractor.
$CC -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -g -Wall -Wextra -Werror \
    -Iinclude -Isrc -Itrain -o "$BIN" \
    train/train.c train/train_tagger.c train/train_lemma.c train/train_parser.c train/perceptron.c \
    src/model_io.c src/tagger.c src/lemmatizer.c src/parser.c src/treebank.c src/arena.c src/error.c \
    -lz -lm
echo "train.sh: training from $UD into $OUT" >&2
"$BIN" "$UD/en_ewt-ud-train.conllu" "$UD/en_ewt-ud-dev.conllu" "$OUT"
ls -l "$OUT"
