#!/bin/sh
# test_ingest.sh — `redline segment` on every input format, gzip, stdin, and bad inputs.
. "$(dirname "$0")/lib.sh"
FIX=$(dirname "$0")/../fixtures/ingest

# --help and usage errors
"$REDLINE" segment --help >"$TMP/help" 2>&1 && expect_contains segment_help "$TMP/help" "--input-format"
"$REDLINE" segment --format nope "$FIX/story.txt" >/dev/null 2>"$TMP/e"
[ $? -eq 2 ] && ok usage_error_exit_2 || fail usage_error_exit_2 "bad --format not exit 2"
"$REDLINE" segment --date 14/03/2024 "$FIX/story.txt" >/dev/null 2>&1
[ $? -eq 2 ] && ok bad_date_exit_2 || fail bad_date_exit_2 "bad --date not exit 2"

# Plain text with furniture; the dateline dates the document.
"$REDLINE" segment "$FIX/story.txt" >"$TMP/story" 2>"$TMP/story.err"
[ $? -eq 0 ] && ok text_exit_0 || fail text_exit_0 "exit $?"
expect_contains text_id "$TMP/story" "# story.txt  date=2023-06-02 (dateline)"
expect_contains text_tagline "$TMP/story" "tagline	Keeping you informed since 2001"
expect_contains text_headline "$TMP/story" "headline	Chile and Peru sign fisheries accord"
expect_contains text_caption "$TMP/story" "caption	Fishing boats in Arica harbour"
expect_contains text_link "$TMP/story" "link	Read more: How the border"
expect_contains text_says "$TMP/story" "body,says	The Peruvian trade minister said:"
expect_contains text_summary "$TMP/story.err" "redline: 1 documents read, 1 segmented, 0 rejected"
"$REDLINE" segment --date 2023-01-01 "$FIX/story.txt" >"$TMP/story2" 2>/dev/null
expect_contains date_option_wins "$TMP/story2" "date=2023-01-01 (input)"

# JSON lines: one bad line is reported with file and line, the rest are read; exit 1.
"$REDLINE" segment "$FIX/items.jsonl" >"$TMP/j" 2>"$TMP/j.err"
[ $? -eq 1 ] && ok jsonl_bad_line_exit_1 || fail jsonl_bad_line_exit_1 "exit $?"
expect_contains jsonl_error_names_line "$TMP/j.err" "items.jsonl:2: malformed JSON"
expect_contains jsonl_summary "$TMP/j.err" "3 documents read, 2 segmented, 1 rejected"
expect_contains jsonl_title_headline "$TMP/j" "headline	Talks resume"
expect_contains jsonl_after_bad "$TMP/j" "# j3"

# PETRARCH XML, HTML and CoNLL-U, detected from their names.
"$REDLINE" segment --format json "$FIX/petrarch.xml" >"$TMP/x" 2>/dev/null
expect_contains xml_id_date "$TMP/x" '"id":"P1_1","date":"2023-06-02"'
expect_contains xml_second "$TMP/x" '"Russia rejected the request."'
"$REDLINE" segment "$FIX/page.html" >"$TMP/h" 2>/dev/null
expect_contains html_headline "$TMP/h" "headline	Ministers meet in Nairobi"
expect_not_contains html_no_script "$TMP/h" "Kenya attacks Somalia"
expect_not_contains html_no_nav "$TMP/h" "Sudan"
expect_not_contains html_no_aside "$TMP/h" "celebrity"
"$REDLINE" segment --input-format conllu --format conllu "$FIX/doc-ud.txt" >"$TMP/c" 2>/dev/null
expect_contains conllu_keeps_tokens "$TMP/c" "3	n't	not	PART	RB	_	4	advmod"
expect_contains conllu_second_doc "$TMP/c" "# newdoc id = c2"

# --input-format overrides detection; stdin works.
"$REDLINE" segment --input-format text <"$FIX/items.jsonl" >"$TMP/s" 2>"$TMP/s.err"
expect_contains stdin_as_text "$TMP/s" "# -"
cat "$FIX/items.jsonl" | "$REDLINE" segment >"$TMP/s2" 2>/dev/null
expect_contains stdin_detects_jsonl "$TMP/s2" "# j1"

# gzip: transparent, by magic bytes even without the .gz name; truncated is an error.
gzip -c "$FIX/items.jsonl" >"$TMP/items.jsonl.gz"
gzip -c "$FIX/story.txt" >"$TMP/noname"
"$REDLINE" segment "$TMP/items.jsonl.gz" >"$TMP/g" 2>/dev/null
expect_contains gzip_jsonl "$TMP/g" "# j3"
"$REDLINE" segment "$TMP/noname" >"$TMP/g2" 2>/dev/null
expect_contains gzip_magic "$TMP/g2" "caption	Fishing boats"
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "{\"id\": \"n%d\", \"text\": \"Item %d of the list.\"}\n", i, i }' |
    gzip -c >"$TMP/long.jsonl.gz"
head -c 2000 "$TMP/long.jsonl.gz" >"$TMP/cut.jsonl.gz"
"$REDLINE" segment --format null "$TMP/cut.jsonl.gz" "$FIX/story.txt" >/dev/null 2>"$TMP/cut.err"
rc=$?
expect_contains gzip_truncated_error "$TMP/cut.err" "cut.jsonl.gz"
expect_contains gzip_truncated_reason "$TMP/cut.err" "truncated"
expect_contains gzip_truncated_continues "$TMP/cut.err" "1 rejected"
[ $rc -eq 1 ] && ok gzip_truncated_exit_1 || fail gzip_truncated_exit_1 "exit $rc"

# Empty files, a missing file, binary garbage, NUL bytes, not-well-formed XML.
: >"$TMP/empty.txt"
# Fixed bytes (not /dev/urandom): a random first byte of "{" or "<" would make the file
# look like JSON or XML and the test would change its meaning from run to run.
python3 -c "import random, sys; r = random.Random(7); sys.stdout.buffer.write(bytes([255]) + bytes(r.randrange(256) for _ in range(20000)))" >"$TMP/garbage.bin"
printf 'Before the NUL\000after it.\n' >"$TMP/nul.txt"
printf '<Sentences><Sentence id="a"><Text>Fine.</Text></Sentence><Sentence id="b"><Text>bro' >"$TMP/bad.xml"
"$REDLINE" segment "$TMP/empty.txt" "$TMP/missing.txt" "$TMP/garbage.bin" "$TMP/nul.txt" \
    "$TMP/bad.xml" "$FIX/story.txt" >"$TMP/b" 2>"$TMP/b.err"
rc=$?
[ $rc -eq 1 ] && ok bad_inputs_exit_1 || fail bad_inputs_exit_1 "exit $rc"
expect_contains empty_reported "$TMP/b.err" "empty.txt: empty file"
expect_contains missing_reported "$TMP/b.err" "missing.txt: cannot open"
if grep -q "garbage.bin: binary data" "$TMP/b.err" || grep -q "garbage.bin.*U+FFFD" "$TMP/b.err"; then
    ok garbage_reported; else fail garbage_reported "$(cat "$TMP/b.err")"; fi
expect_contains nul_warned "$TMP/b.err" "nul.txt: warning: NUL byte replaced by a space at byte offset 14"
expect_contains nul_not_truncated "$TMP/b" "Before the NUL after it."
expect_contains xml_reported "$TMP/b.err" "bad.xml:1: XML is not well-formed"
expect_contains xml_salvaged "$TMP/b" "# a"
expect_contains run_continues "$TMP/b" "# story.txt"

# A 50 MB single line of words: refused with a clear reason (over 2 M tokens), the run
# goes on; 50 MB of one unbroken "word" is read and segmented. Never a crash.
if [ -z "$REDLINE_SANITIZED" ]; then
    awk 'BEGIN { s = "word "; while (length(s) < 1048576) s = s s; for (i = 0; i < 50; i++) printf "%s", s; print "" }' >"$TMP/huge.txt"
    "$REDLINE" segment --format null "$TMP/huge.txt" "$FIX/story.txt" >/dev/null 2>"$TMP/huge.err"
    rc=$?
    if [ $rc -eq 1 ] && grep -q "huge.txt: huge.txt: document has more than 2000000 tokens" "$TMP/huge.err" &&
       grep -q "2 documents read, 1 segmented, 1 rejected" "$TMP/huge.err"; then ok huge_line
    else fail huge_line "exit $rc: $(cat "$TMP/huge.err")"; fi
    awk 'BEGIN { s = "x"; while (length(s) < 1048576) s = s s; for (i = 0; i < 50; i++) printf "%s", s; print "" }' >"$TMP/huge1.txt"
    "$REDLINE" segment --format null "$TMP/huge1.txt" >/dev/null 2>"$TMP/huge1.err"
    rc=$?
    if [ $rc -eq 0 ] && grep -q "1 segmented" "$TMP/huge1.err"; then ok huge_single_word
    else fail huge_single_word "exit $rc: $(cat "$TMP/huge1.err")"; fi
    awk 'BEGIN { s = "x"; while (length(s) < 1048576) s = s s; printf "{\"id\": \"big\", \"text\": \""; for (i = 0; i < 70; i++) printf "%s", s; print "\"}"; print "{\"id\": \"after\", \"text\": \"Still read.\"}" }' >"$TMP/huge.jsonl"
    "$REDLINE" segment "$TMP/huge.jsonl" >"$TMP/hj" 2>"$TMP/hj.err"
    expect_contains huge_jsonl_line_rejected "$TMP/hj.err" "huge.jsonl:1: line exceeds the 64 MiB record limit"
    expect_contains huge_jsonl_continues "$TMP/hj" "# after"
else
    skip huge_line "too slow under sanitizers"
fi

# The seed article from ../shared: tagline, dateline, caption and the Read: line marked.
if have_shared && [ -f "$SHARED/seed/000_78bcf00cac5075d9.txt" ]; then
    "$REDLINE" segment "$SHARED/seed/000_78bcf00cac5075d9.txt" >"$TMP/seed" 2>/dev/null
    for k in tagline dateline caption link headline; do
        if grep -q "^[0-9]*	$k	" "$TMP/seed"; then ok "seed_$k"; else fail "seed_$k" "no $k line"; fi
    done
    n=$(grep -c "^[0-9]*	body" "$TMP/seed")
    [ "$n" -ge 19 ] && ok seed_body_kept || fail seed_body_kept "$n body sentences"
    expect_contains seed_date "$TMP/seed" "date=2019-07-18 (dateline)"
else
    skip seed_article "$SHARED/seed not found"
fi

# JSON lines details the record scanner must get right: an escaped NUL is kept (and
# warned about), a nested "text" does not replace the top-level one, the last duplicate
# key wins, integer ids, non-object values, and an unfinished record names its column.
printf '%s\n' '{"id":"n1","text":"Iran\u0000 rejected talks.","meta":{"text":"nested"}}' \
    '{"id":42,"text":"Egypt hosted talks."}' '[1,2]' '{"id":"x","text":' \
    '{"id":"d","text":"first.","text":"Second wins."}' >"$TMP/edge.jsonl"
"$REDLINE" segment "$TMP/edge.jsonl" >"$TMP/edge.out" 2>"$TMP/edge.err"
expect_contains jsonl_escaped_nul_warned "$TMP/edge.err" "n1: warning: NUL byte replaced"
expect_contains jsonl_nested_text_ignored "$TMP/edge.out" "Iran  rejected talks."
expect_not_contains jsonl_nested_not_read "$TMP/edge.out" "nested"
expect_contains jsonl_integer_id "$TMP/edge.out" "# 42"
expect_contains jsonl_not_object "$TMP/edge.err" "edge.jsonl:3: JSON value is not an object"
expect_contains jsonl_unfinished_column "$TMP/edge.err" "edge.jsonl:4: malformed JSON at column 18"
expect_contains jsonl_last_duplicate_wins "$TMP/edge.out" "Second wins."
