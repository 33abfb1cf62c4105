#!/bin/sh
# test_code_cli.sh — `redline code`: options, exit status, output formats, threads (the
# output must be byte-identical whatever --threads is) and the SQLite store.
. "$(dirname "$0")/lib.sh"

# ---- usage: these never need models or dictionaries ----
"$REDLINE" code --help >"$TMP/h" 2>&1 && expect_contains code_help "$TMP/h" "--threads"
expect_contains code_help_formats "$TMP/h" "phoenix"
usage_error() {   # NAME ARGS...: exit status 2 and a message
    name=$1; shift
    "$REDLINE" code "$@" </dev/null >"$TMP/out" 2>"$TMP/err"
    st=$?
    if [ $st -eq 2 ] && [ -s "$TMP/err" ]; then ok "$name"; else fail "$name" "exit $st: $(cat "$TMP/err")"; fi
}
usage_error code_unknown_option --no-such-option
usage_error code_bad_format --format xml
usage_error code_bad_threads --threads 0
usage_error code_bad_threads_text --threads many
usage_error code_bad_date --date 18/07/2019
usage_error code_missing_value --format
usage_error code_bad_input_format --input-format docx

# ---- coding: needs the models and dictionaries ----
# Every run below reads the same copy of the data directory, so that comparing two runs
# compares the runs and not edits made to data/ in between.
if [ -z "$REDLINE_DATA" ] && [ -d data/dict ] && [ -d data/models ]; then
    mkdir -p "$TMP/data" && cp -R data/dict data/models "$TMP/data/" && export REDLINE_DATA="$TMP/data"
fi
cat >"$TMP/in.jsonl" <<'JSON'
{"id": "t1", "date": "2024-03-14", "text": "Iran rejected talks with the United States on Wednesday. The foreign minister said Tehran would not negotiate."}
{"id": "t2", "date": "2024-03-15", "text": "Russian troops shelled the Ukrainian city of Kharkiv. Ukraine condemned the attack."}
{"id": "t3", "date": "2024-03-15", "text": "France and Germany signed a trade agreement in Paris."}
{"id": "t4", "date": "2024-03-16", "text": "The United Nations called on Israel and Hamas to agree a ceasefire."}
{"id": "t5", "date": "2024-03-16", "text": "Manchester United beat Chelsea 2-1 on Saturday."}
{"id": "t6", "date": "2024-03-17", "text": "China warned Japan against interfering in its internal affairs.\nThe Japanese prime minister met President Biden in Washington."}
JSON
# more documents so that several threads really overlap
i=7
while [ $i -le 60 ]; do
    printf '{"id": "t%d", "date": "2024-04-%02d", "text": "Protesters rallied in Cairo against the Egyptian government. Police arrested %d demonstrators."}\n' \
        $i $((i % 28 + 1)) $i >>"$TMP/in.jsonl"
    i=$((i + 1))
done

"$REDLINE" code --quiet "$TMP/in.jsonl" >"$TMP/t1.jsonl" 2>"$TMP/err"
st=$?
if [ $st -eq 2 ] && grep -q "not built yet\|cannot open\|No such file" "$TMP/err"; then
    skip code_threads_identical "resources not available yet: $(head -c 200 "$TMP/err")"
    exit 0
fi
[ $st -eq 0 ] && ok code_exit_0 || fail code_exit_0 "exit $st: $(head -c 300 "$TMP/err")"

for fmt in jsonl tsv phoenix; do
    "$REDLINE" code --quiet --format $fmt --threads 1 "$TMP/in.jsonl" >"$TMP/$fmt.1" 2>/dev/null
    for n in 2 4 7; do
        "$REDLINE" code --quiet --format $fmt --threads $n "$TMP/in.jsonl" >"$TMP/$fmt.$n" 2>/dev/null
        if cmp -s "$TMP/$fmt.1" "$TMP/$fmt.$n"; then ok "code_${fmt}_threads_$n"
        else fail "code_${fmt}_threads_$n" "output differs from --threads 1"; fi
    done
done

# JSON lines parse and carry the fields; TSV/Phoenix headers and column counts
if command -v python3 >/dev/null 2>&1; then
    python3 - "$TMP/jsonl.1" >"$TMP/pyout" 2>&1 <<'PY'
import json, sys
fields = ["doc_id", "sentence_index", "date", "date_source", "source", "target", "code",
          "root", "quad_class", "goldstein", "source_text", "target_text", "trigger",
          "sentence", "rule", "reported_by", "negated", "conditional"]
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    e = json.loads(line)
    assert list(e) == fields, list(e)
    assert e["code"].startswith(e["root"]), e
    n += 1
assert n > 0, "no events"
print("events", n)
PY
    [ $? -eq 0 ] && ok code_jsonl_valid || fail code_jsonl_valid "$(head -c 300 "$TMP/pyout")"
fi
head -n 1 "$TMP/tsv.1" | grep -q "^doc_id	sentence_index	date	" && ok code_tsv_header || fail code_tsv_header "$(head -n 1 "$TMP/tsv.1")"
bad=$(awk -F '\t' 'NF != 18' "$TMP/tsv.1" | head -n 1)
[ -z "$bad" ] && ok code_tsv_columns || fail code_tsv_columns "$bad"
bad=$(awk -F '\t' 'NF != 26' "$TMP/phoenix.1" | head -n 1)
[ -z "$bad" ] && ok code_phoenix_columns || fail code_phoenix_columns "$bad"
expect_not_contains code_no_sport_events "$TMP/jsonl.1" '"doc_id":"t5"'

# stdin gives the same events as the file; --require-dyad keeps only events with a target
"$REDLINE" code --quiet <"$TMP/in.jsonl" >"$TMP/stdin.jsonl" 2>/dev/null
cmp -s "$TMP/jsonl.1" "$TMP/stdin.jsonl" && ok code_stdin_same || fail code_stdin_same "stdin output differs"
"$REDLINE" code --quiet --require-dyad "$TMP/in.jsonl" >"$TMP/dyad.jsonl" 2>/dev/null
expect_not_contains code_require_dyad "$TMP/dyad.jsonl" '"target":null'
# ... and drops, never adds: each of its events is in the default output
extra=$(grep -vxF -f "$TMP/jsonl.1" "$TMP/dyad.jsonl" | head -n 1)
[ -z "$extra" ] && ok code_require_dyad_subset || fail code_require_dyad_subset "$extra"

# a malformed record is reported, the rest coded, exit 1
{ head -n 2 "$TMP/in.jsonl"; echo '{"id": "broken", "text": '; sed -n 3p "$TMP/in.jsonl"; } >"$TMP/bad.jsonl"
"$REDLINE" code --threads 3 "$TMP/bad.jsonl" >"$TMP/bad.out" 2>"$TMP/bad.err"
st=$?
[ $st -eq 1 ] && ok code_rejected_exit_1 || fail code_rejected_exit_1 "exit $st"
expect_contains code_rejected_names_record "$TMP/bad.err" "bad.jsonl:3"
# every record accounted for once in the summary, also with a thread pool
expect_contains code_rejected_summary "$TMP/bad.err" "4 documents read, 3 coded, 1 rejected"

# --db: two runs (and another thread count) leave the same rows
if command -v sqlite3 >/dev/null 2>&1; then
    dump() {
        sqlite3 "$1" "SELECT id, date, title, n_sentences, n_events FROM documents ORDER BY id;
                      SELECT * FROM sentences ORDER BY doc_id, idx;
                      SELECT * FROM events ORDER BY doc_id, event_index;"
    }
    "$REDLINE" code --quiet --db "$TMP/a.sqlite" "$TMP/in.jsonl" >"$TMP/db.out" 2>&1
    [ ! -s "$TMP/db.out" ] && ok code_db_prints_nothing || fail code_db_prints_nothing "$(head -c 200 "$TMP/db.out")"
    dump "$TMP/a.sqlite" >"$TMP/dump1"
    "$REDLINE" code --quiet --threads 4 --db "$TMP/a.sqlite" "$TMP/in.jsonl" >/dev/null 2>&1
    dump "$TMP/a.sqlite" >"$TMP/dump2"
    cmp -s "$TMP/dump1" "$TMP/dump2" && ok code_db_rerun_same || fail code_db_rerun_same "dumps differ"
    n=$(sqlite3 "$TMP/a.sqlite" "SELECT count(*) FROM documents")
    [ "$n" = 60 ] && ok code_db_documents || fail code_db_documents "$n documents"
    n=$(sqlite3 "$TMP/a.sqlite" "SELECT count(*) FROM events")
    m=$(grep -c . "$TMP/jsonl.1")
    [ "$n" = "$m" ] && ok code_db_events_match_jsonl || fail code_db_events_match_jsonl "$n vs $m"
else
    skip code_db "sqlite3 shell not installed"
fi
