#!/bin/sh
# test_report.sh — `redline report` end to end: code the example article into a database,
# render the HTML report, and have headless Chromium screenshot it; the screenshot must not
# be blank. Skips where models or Chromium are missing.
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
article="$here/../../data/examples/example-article.txt"

if ! "$REDLINE" code --quiet --date 2024-03-14 --db "$TMP/ev.sqlite" "$article" >/dev/null 2>"$TMP/err"; then
    if ! ls "$here/../../data/models/"*.rlm >/dev/null 2>&1; then skip report "no trained models yet"; exit 0; fi
    fail report_code_db "$(cat "$TMP/err")"; exit 0
fi
"$REDLINE" report "$TMP/ev.sqlite" --out "$TMP/report.html" 2>"$TMP/err" && ok report_html || fail report_html "$(cat "$TMP/err")"
expect_contains report_has_svg "$TMP/report.html" "<svg"
expect_not_contains report_no_script "$TMP/report.html" "<script"
"$REDLINE" report "$TMP/ev.sqlite" --format tsv >"$TMP/agg.tsv" 2>"$TMP/err" && ok report_tsv || fail report_tsv "$(cat "$TMP/err")"
expect_contains report_tsv_header "$TMP/agg.tsv" "date	source	target	root	events	goldstein_sum"
if [ "$(wc -l <"$TMP/agg.tsv")" -ge 2 ]; then ok report_tsv_rows; else fail report_tsv_rows "no aggregate rows"; fi
if "$REDLINE" report "$TMP/nope.sqlite" 2>"$TMP/err"; then fail report_missing_db "exit 0"; else ok report_missing_db; fi

chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chrome" ]; then skip report_screenshot "chromium is not installed"; exit 0; fi
timeout 60 "$chrome" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --no-first-run --disable-component-update --disable-sync --user-data-dir="$TMP/chrome" \
    --window-size=1000,900 --screenshot="$TMP/shot.png" "file://$TMP/report.html" >/dev/null 2>&1
if [ ! -s "$TMP/shot.png" ]; then fail report_screenshot "chromium wrote no screenshot"; exit 0; fi
stats=$(python3 "$here/png_stats.py" "$TMP/shot.png")
set -- $stats
# A rendered report has text, axes and coloured lines: many colours and some ink.
if [ "$3" -ge 8 ] && python3 -c "import sys; sys.exit(0 if float('$4') > 0.01 else 1)"; then
    ok report_screenshot_not_blank
else
    fail report_screenshot_not_blank "screenshot stats: $stats"
fi
