#!/bin/sh
# test_dict.sh — `redline dict check` and `redline dict stats` on our fixtures, and on the
# real PETRARCH / Phoenix dictionaries when ../shared is there.
. "$(dirname "$0")/lib.sh"
FIX=tests/fixtures/dict

# Clean fixtures: warnings only, exit 0, kinds found from names.
if "$REDLINE" dict check $FIX/test.verbs.txt $FIX/test.actors.txt $FIX/test.agents.txt \
        $FIX/test.discards.txt >"$TMP/ok" 2>&1; then ok check_clean_exit0
else fail check_clean_exit0 "exit $?: $(head -c 300 "$TMP/ok")"; fi
expect_contains check_kind_verbs "$TMP/ok" "$FIX/test.verbs.txt: verbs: "
expect_contains check_counts_verbs "$TMP/ok" "3 verb blocks, 8 verbs, 2 event nouns, 11 patterns"
expect_contains check_kind_actors "$TMP/ok" "$FIX/test.actors.txt: actors: "
expect_contains check_duplicate "$TMP/ok" "$FIX/test.verbs.txt:32: warning: duplicate pattern"
expect_contains check_unreachable "$TMP/ok" "$FIX/test.verbs.txt:33: warning: unreachable pattern"
expect_contains check_verb_twice "$TMP/ok" "$FIX/test.verbs.txt:45: warning: verb 'DISCUSS' is also listed"
expect_contains check_summary "$TMP/ok" "0 errors"

# Broken fixtures: file:line: reason, exit 1.
"$REDLINE" dict check $FIX/bad.verbs.txt $FIX/bad.actors.txt >"$TMP/bad" 2>&1
rc=$?
if [ "$rc" -eq 1 ]; then ok check_errors_exit1; else fail check_errors_exit1 "exit $rc"; fi
expect_contains check_reports_line "$TMP/bad" "$FIX/bad.verbs.txt:8: error: two '*' in pattern"
expect_contains check_overlap "$TMP/bad" "$FIX/bad.actors.txt:2: error: PINKY: overlapping date ranges for FRDMIL"
expect_contains check_inverted "$TMP/bad" "$FIX/bad.actors.txt:4: error: BRAIN: inverted date range"
expect_contains check_bad_date "$TMP/bad" "$FIX/bad.actors.txt:5: error: invalid date"
"$REDLINE" dict check --errors-only $FIX/bad.actors.txt >"$TMP/q" 2>&1
expect_not_contains check_errors_only "$TMP/q" "warning:"

# Content decides the kind when the name does not; --kind forces it.
cp $FIX/test.agents.txt "$TMP/roles.txt"
"$REDLINE" dict check "$TMP/roles.txt" >"$TMP/k" 2>&1
expect_contains check_kind_from_content "$TMP/k" "roles.txt: agents: "
"$REDLINE" dict check --kind discards "$TMP/roles.txt" >"$TMP/k2" 2>&1
expect_contains check_kind_forced "$TMP/k2" "roles.txt: discards: "
if "$REDLINE" dict check --kind nonsense "$TMP/roles.txt" >/dev/null 2>&1; then
    fail check_bad_kind "exit 0"; else ok check_bad_kind; fi
if "$REDLINE" dict check "$TMP/missing.txt" >/dev/null 2>&1; then
    fail check_missing_file "exit 0"; else ok check_missing_file; fi

# Defaults: with no files, DATA/dict is read (here an empty data directory).
mkdir -p "$TMP/data/dict"
cp $FIX/test.actors.txt "$TMP/data/dict/people.actors.txt"
cp $FIX/test.discards.txt "$TMP/data/dict/discards.txt"
"$REDLINE" dict check --data-dir "$TMP/data" >"$TMP/d" 2>&1
expect_contains check_defaults "$TMP/d" "people.actors.txt: actors: "
expect_contains check_defaults_discards "$TMP/d" "discards.txt: discards: "

# Stats: per file, per kind, per root.
"$REDLINE" dict stats $FIX/test.verbs.txt $FIX/test.actors.txt >"$TMP/s" 2>&1
expect_contains stats_per_file "$TMP/s" "$FIX/test.actors.txt (actors): 11 actors, 7 synonyms, 5 dated ranges"
expect_contains stats_per_kind "$TMP/s" "verbs    1 files: 2 synsets, 3 verb blocks"
if grep -q '^04      6' "$TMP/s"; then ok stats_per_root; else fail stats_per_root "$(cat "$TMP/s")"; fi

# The real PETRARCH / Phoenix dictionaries: all must read without a format error.
P="$SHARED/reference/petrarch"
if have_shared && [ -f "$P/CAMEO.2.0.txt" ]; then
    "$REDLINE" dict check --errors-only "$P/CAMEO.2.0.txt" "$P"/Phoenix.*.txt >"$TMP/real" 2>&1
    n=$(grep -c '; 0 format errors' "$TMP/real")
    if [ "$n" -eq 6 ]; then ok real_files_no_format_errors
    else fail real_files_no_format_errors "$(grep 'format errors' "$TMP/real" | grep -v '; 0 format')"; fi
    if grep -q 'error: .*: \(bad\|invalid\|unclosed\|missing\|unexpected\)' "$TMP/real"; then
        fail real_files_no_bad_lines "$(grep -m3 'error' "$TMP/real")"
    else ok real_files_no_bad_lines; fi
    # Load time (a measurement, printed; meaningless under the sanitizers). The bound is
    # on CPU time, which a machine busy with other work does not inflate.
    echo "# $(tail -n 1 "$TMP/real" | sed 's/): .*/)/')"
    if [ -z "$REDLINE_SANITIZED" ]; then
        ms=$(tail -n 1 "$TMP/real" | sed -n 's/.* ms (\([0-9]*\)\.[0-9]* ms CPU).*/\1/p')
        if [ -n "$ms" ] && [ "$ms" -lt 1000 ]; then ok real_files_load_under_1s
        else fail real_files_load_under_1s "took ${ms:-?} ms"; fi
    fi
else
    skip real_files "../shared/reference/petrarch not present"
fi
