#!/bin/sh
# test_scale.sh — scale-out and stores: 4 shards coded concurrently with GNU parallel and
# merged equal a single-process run; --one-a-day merges repeated events; --pg writes the
# same rows to a real PostgreSQL server (started here, in a temporary directory).
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
. "$here/pg_server.sh"

# Twelve short stories of our own, some repeated under other ids.
i=0
for s in "Egypt hosted talks with Israel on Tuesday." \
         "Russian troops attacked Ukrainian positions near Kharkiv." \
         "The United Nations urged Sudan to allow aid convoys." \
         "France condemned the missile test by North Korea." \
         "Iran rejected talks with the United States." \
         "Turkey arrested dozens of opposition activists."; do
    for copy in a b; do
        i=$((i + 1))
        printf '{"id":"story-%s-%d","date":"2024-05-0%d","text":"%s"}\n' "$copy" "$i" $(( (i % 3) + 1 )) "$s"
    done
done >"$TMP/in.jsonl"

if ! "$REDLINE" code --quiet --db "$TMP/single.sqlite" "$TMP/in.jsonl" >/dev/null 2>"$TMP/err"; then
    if ! ls "$here/../../data/models/"*.rlm >/dev/null 2>&1; then skip scale "no trained models yet"; exit 0; fi
    fail single_run "$(cat "$TMP/err")"; exit 0
fi
ok single_run

# Rows of a store as sorted text, without the run's timestamp.
dump() {
    python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for table, cols in (("documents", "id, date, date_source, title, origin, record, n_sentences, n_events"),
                    ("sentences", "*"), ("events", "*")):
    for row in sorted(db.execute("SELECT %s FROM %s" % (cols, table)), key=repr):
        print(table, repr(row))
PY
}

if command -v parallel >/dev/null 2>&1; then
    parallel --will-cite -j4 "$REDLINE" code --quiet --shard {}/4 --db "$TMP/shard{}.sqlite" "$TMP/in.jsonl" \
        ::: 0 1 2 3 >/dev/null 2>"$TMP/err" && ok shards_run || fail shards_run "$(cat "$TMP/err")"
    n=0
    for k in 0 1 2 3; do
        c=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from documents').fetchone()[0])" "$TMP/shard$k.sqlite")
        n=$((n + c))
    done
    [ "$n" = 12 ] && ok shards_partition || fail shards_partition "$n documents over the shards, want 12"
    "$REDLINE" merge "$TMP/merged.sqlite" "$TMP"/shard?.sqlite 2>"$TMP/err" && ok merge_runs || fail merge_runs "$(cat "$TMP/err")"
    dump "$TMP/single.sqlite" >"$TMP/single.txt"
    dump "$TMP/merged.sqlite" >"$TMP/merged.txt"
    if cmp -s "$TMP/single.txt" "$TMP/merged.txt" && [ -s "$TMP/single.txt" ]; then ok merged_equals_single
    else fail merged_equals_single "$(diff "$TMP/single.txt" "$TMP/merged.txt" | head -5)"; fi
else
    skip shards "GNU parallel is not installed"
fi

# --one-a-day: the a/b copies of a story share date, dyad and code only when their dates match.
"$REDLINE" code --quiet --one-a-day "$TMP/in.jsonl" >"$TMP/daily.jsonl" 2>"$TMP/err"
"$REDLINE" code --quiet "$TMP/in.jsonl" >"$TMP/all.jsonl" 2>>"$TMP/err"
all=$(wc -l <"$TMP/all.jsonl"); daily=$(wc -l <"$TMP/daily.jsonl")
if [ "$all" -gt 0 ] && [ "$daily" -gt 0 ] && [ "$daily" -le "$all" ]; then ok one_a_day_fewer; else fail one_a_day_fewer "$daily of $all"; fi
total=$(python3 -c "
import json,sys
print(sum(json.loads(l)['mentions'] for l in open(sys.argv[1])))" "$TMP/daily.jsonl" 2>/dev/null)
[ "$total" = "$all" ] && ok one_a_day_mentions_add_up || fail one_a_day_mentions_add_up "mentions $total, events $all"

# PostgreSQL
if pg_start "$TMP"; then
    ok pg_server_started
    "$REDLINE" code --quiet --pg "$PG_CONNINFO" "$TMP/in.jsonl" >/dev/null 2>"$TMP/err" && ok pg_code || fail pg_code "$(cat "$TMP/err")"
    "$REDLINE" code --quiet --pg "$PG_CONNINFO" "$TMP/in.jsonl" >/dev/null 2>"$TMP/err" && ok pg_recode || fail pg_recode "$(cat "$TMP/err")"
    pgq() { "$PG_PSQL" "$PG_CONNINFO" -Atc "$1" 2>>"$TMP/err"; }
    lite() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$TMP/single.sqlite" "$1"; }
    for t in documents sentences events; do
        a=$(pgq "select count(*) from $t"); b=$(lite "select count(*) from $t")
        [ "$a" = "$b" ] && ok "pg_same_$t" || fail "pg_same_$t" "postgres $a, sqlite $b $(cat "$TMP/err")"
    done
    a=$(pgq "select string_agg(doc_id||code||source||coalesce(target,''), ',' order by doc_id, event_index) from events")
    b=$(lite "select group_concat(x, ',') from (select doc_id||code||source||coalesce(target,'') x from events order by doc_id, event_index)")
    [ "$a" = "$b" ] && ok pg_same_rows || fail pg_same_rows "rows differ"
    pg_stop "$TMP"
else
    skip pg "no PostgreSQL server binaries (Debian package postgresql) or cannot start one"
fi
