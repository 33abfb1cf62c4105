#!/bin/sh
# test_codes.sh — `redline codes`: the full TSV listing and single entries.
. "$(dirname "$0")/lib.sh"

"$REDLINE" codes >"$TMP/all" 2>"$TMP/err" && ok codes_exit_0 || fail codes_exit_0 "non-zero exit"
if [ "$(head -n 1 "$TMP/all")" = "$(printf 'code\tname\troot\tquad_class\tgoldstein')" ]; then
    ok codes_header
else
    fail codes_header "$(head -n 1 "$TMP/all")"
fi
n=$(($(wc -l <"$TMP/all") - 1))
if [ "$n" -ge 300 ]; then ok codes_count; else fail codes_count "only $n codes"; fi
# every row has five fields and a root that prefixes the code
bad=$(awk -F '\t' 'NR > 1 && (NF != 5 || substr($1, 1, 2) != $3)' "$TMP/all" | head -n 1)
[ -z "$bad" ] && ok codes_rows_well_formed || fail codes_rows_well_formed "$bad"
expect_contains codes_125_row "$TMP/all" "$(printf '125\t')"
grep -q "$(printf '^0874\t.*\t08\t2\t10.0$')" "$TMP/all" && ok codes_0874_values || fail codes_0874_values "$(grep '^0874' "$TMP/all")"

"$REDLINE" codes 125 >"$TMP/one" 2>&1 && ok codes_one_exit_0 || fail codes_one_exit_0 "non-zero exit"
[ "$(wc -l <"$TMP/one")" -eq 2 ] && ok codes_one_lines || fail codes_one_lines "$(cat "$TMP/one")"
grep -q "$(printf '^125\t.*\t12\t3\t-5.0\t.')" "$TMP/one" && ok codes_one_description \
    || fail codes_one_description "$(cat "$TMP/one")"

if "$REDLINE" codes 999 >"$TMP/out" 2>"$TMP/err"; then fail codes_unknown_exit "exit 0"
else
    [ $? -eq 1 ] && ok codes_unknown_exit || fail codes_unknown_exit "wrong exit status"
    expect_contains codes_unknown_message "$TMP/err" "999"
fi
"$REDLINE" codes --help >"$TMP/h" 2>&1 && expect_contains codes_help "$TMP/h" "usage: redline codes"
