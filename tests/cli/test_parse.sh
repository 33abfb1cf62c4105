#!/bin/sh
# test_parse.sh — `redline parse`: CoNLL-U out for raw text and for given tokens,
# --eval scores, and clear errors for missing or damaged models.
. "$(dirname "$0")/lib.sh"
DATA=$(cd "$(dirname "$0")/../../data" && pwd)

# Raw text through the segmenter.
printf 'Iran rejected the proposal on Monday. The embassy was attacked by protesters.\n' >"$TMP/in.txt"
if "$REDLINE" parse --quiet "$TMP/in.txt" >"$TMP/out" 2>"$TMP/err"; then ok parse_text_runs
else fail parse_text_runs "$(cat "$TMP/err")"; fi
expect_contains parse_text_sent_id "$TMP/out" "# sent_id = "
expect_contains parse_text_text "$TMP/out" "# text = Iran rejected the proposal on Monday."
expect_contains parse_subject "$TMP/out" "$(printf '1\tIran\tIran\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_')"
expect_contains parse_passive "$TMP/out" "$(printf '2\tembassy\tembassy\tNOUN\tNN\tNumber=Sing\t4\tnsubj:pass')"
if awk -F'\t' '/^[0-9]/ && NF != 10 {bad=1} END {exit bad}' "$TMP/out"; then ok parse_ten_columns
else fail parse_ten_columns "a word line without 10 columns"; fi
if [ "$(grep -c '	root	' "$TMP/out")" = 2 ]; then ok parse_one_root_per_sentence
else fail parse_one_root_per_sentence "$(grep -c '	root	' "$TMP/out") roots"; fi

# Given tokens (CoNLL-U in): re-tagged and re-parsed, tokens kept.
cat >"$TMP/gold.conllu" <<'CONLLU'
# sent_id = t1
# text = The rebels took the town.
1	The	the	DET	DT	Definite=Def|PronType=Art	2	det	_	_
2	rebels	rebel	NOUN	NNS	Number=Plur	3	nsubj	_	_
3	took	take	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
4	the	the	DET	DT	Definite=Def|PronType=Art	5	det	_	_
5	town	town	NOUN	NN	Number=Sing	3	obj	_	SpaceAfter=No
6	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = t2
# text = Talks were held in Geneva.
1	Talks	talk	NOUN	NNS	Number=Plur	3	nsubj:pass	_	_
2	were	be	AUX	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	3	aux:pass	_	_
3	held	hold	VERB	VBN	Tense=Past|VerbForm=Part|Voice=Pass	0	root	_	_
4	in	in	ADP	IN	_	5	case	_	_
5	Geneva	Geneva	PROPN	NNP	Number=Sing	3	obl	_	SpaceAfter=No
6	.	.	PUNCT	.	_	3	punct	_	_

CONLLU
sed -e 's/\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*\t[0-9]*\t[a-z:]*\t/\t_\t_\t_\t_\t_\t_\t/' "$TMP/gold.conllu" >"$TMP/bare.conllu"
if "$REDLINE" parse --quiet --input-format conllu "$TMP/bare.conllu" >"$TMP/out2" 2>"$TMP/err"; then
    ok parse_conllu_runs
else fail parse_conllu_runs "$(cat "$TMP/err")"; fi
expect_contains parse_conllu_lemma "$TMP/out2" "$(printf '3\ttook\ttake\tVERB\tVBD')"
expect_contains parse_conllu_keeps_tokens "$TMP/out2" "$(printf '5\tGeneva\tGeneva\tPROPN')"
expect_contains parse_conllu_passive "$TMP/out2" "$(printf '1\tTalks\ttalk\tNOUN\tNNS\tNumber=Plur\t3\tnsubj:pass')"

# --eval on a gold file written for this test.
if "$REDLINE" parse --eval "$TMP/gold.conllu" >"$TMP/eval" 2>"$TMP/err"; then ok parse_eval_runs
else fail parse_eval_runs "$(cat "$TMP/err")"; fi
for m in UPOS XPOS UFeats Lemmas UAS LAS speed; do expect_contains "parse_eval_$m" "$TMP/eval" "$m "; done
expect_contains parse_eval_counts "$TMP/eval" "2 sentences, 12 words"
expect_contains parse_eval_uas "$TMP/eval" "UAS     100.00%"

# Errors: a missing data directory, a damaged model.
if "$REDLINE" parse --data "$TMP/nowhere" "$TMP/in.txt" >/dev/null 2>"$TMP/err"; then
    fail parse_missing_models "exit 0"
else expect_contains parse_missing_models "$TMP/err" "$TMP/nowhere/models/tagger.rlm"; fi
mkdir -p "$TMP/data/models"
cp "$DATA"/models/*.rlm "$TMP/data/models/"
head -c 5000 "$DATA/models/parser.rlm" >"$TMP/data/models/parser.rlm"
if "$REDLINE" parse --data "$TMP/data" "$TMP/in.txt" >/dev/null 2>"$TMP/err"; then
    fail parse_truncated_model "exit 0"
else expect_contains parse_truncated_model "$TMP/err" "parser.rlm: truncated model file"; fi
if "$REDLINE" parse --eval "$TMP/nothere.conllu" >/dev/null 2>"$TMP/err"; then
    fail parse_eval_missing_gold "exit 0"
else expect_contains parse_eval_missing_gold "$TMP/err" "nothere.conllu"; fi

# --beam: every width gives a CoNLL-U tree for every sentence; out-of-range widths are refused.
for w in 1 3 16; do
    if "$REDLINE" parse --quiet --beam "$w" --input-format conllu "$TMP/bare.conllu" >"$TMP/beam$w" 2>"$TMP/err"; then
        # one root per sentence: as many heads 0 as sentences (blank-line separated)
        roots=$(awk -F'\t' 'NF == 10 && $7 == 0' "$TMP/beam$w" | wc -l)
        sents=$(grep -c '^$' "$TMP/beam$w")
        if [ "$roots" -eq "$sents" ] && [ "$sents" -gt 0 ]; then ok "parse_beam_$w"
        else fail "parse_beam_$w" "$roots roots in $sents sentences"; fi
    else fail "parse_beam_$w" "$(cat "$TMP/err")"; fi
done
for w in 0 65 x; do
    if "$REDLINE" parse --beam "$w" "$TMP/in.txt" >/dev/null 2>"$TMP/err"; then
        fail "parse_beam_refused_$w" "exit 0"
    else expect_contains "parse_beam_refused_$w" "$TMP/err" "--beam"; fi
done
if "$REDLINE" code --beam 65 "$TMP/in.txt" >/dev/null 2>"$TMP/err"; then
    fail code_beam_refused "exit 0"
else expect_contains code_beam_refused "$TMP/err" "--beam wants 1..64"; fi
