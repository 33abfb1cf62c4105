#!/bin/sh
# test_seed.sh — the first thing a user runs: the seed article from ../shared (published
# 18 July 2019; its text is never copied into the repository). Checks the events a careful
# human coder reads there (issue 5).
. "$(dirname "$0")/lib.sh"
SEED="$SHARED/seed/000_78bcf00cac5075d9.txt"
if [ ! -f "$SEED" ]; then skip seed_events "$SEED is absent"; exit 0; fi
if ! command -v python3 >/dev/null 2>&1; then skip seed_events "python3 is absent"; exit 0; fi

"$REDLINE" code --quiet --date 2019-07-18 "$SEED" >"$TMP/seed.jsonl" 2>"$TMP/err"; st=$?
if [ $st -eq 2 ] && grep -qi "not built yet\|cannot open\|no such file\|model\|dictionar" "$TMP/err"; then
    skip seed_events "resources not available yet: $(head -c 200 "$TMP/err")"
    exit 0
fi
[ $st -eq 0 ] && ok seed_exit || fail seed_exit "exit $st: $(head -c 300 "$TMP/err")"

python3 - "$TMP/seed.jsonl" <<'PY'
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]

def check(name, pred, what):
    hit = [e for e in ev if pred(e)]
    if hit:
        print("ok seed_" + name)
    else:
        got = "; ".join("%s %s %s" % (e["source"], e["code"], e["target"]) for e in ev)
        print("FAIL seed_%s: no event %s among: %s" % (name, what, got))

src = lambda e, p: (e["source"] or "").startswith(p)
tgt = lambda e, p: (e["target"] or "").startswith(p)
root = lambda e, *r: e["root"] in r

check("iran_rejects_talks_dated",
      lambda e: src(e, "IRN") and root(e, "12") and e["date"] == "2019-07-17"
                and e["date_source"] == "resolved",
      "IRN 12x dated 2019-07-17 (resolved)")
check("vaezi_will_not_negotiate",
      lambda e: e["source"] == "IRNGOV" and root(e, "12") and "negotiate" in e["sentence"]
                and "will not" in e["sentence"],
      "IRNGOV 12x from the quoted 'we will not negotiate on it'")
check("trump_seeks_negotiations",
      lambda e: src(e, "USA") and tgt(e, "IRN") and root(e, "03", "04"),
      "USA -> IRN 03x/04x")
check("rouhani_conditional",
      lambda e: src(e, "IRN") and tgt(e, "USA") and root(e, "03") and e["conditional"],
      "IRN(GOV) -> USA 03x, conditional")
check("stop_arms_sales_demand",
      lambda e: src(e, "IRN") and tgt(e, "USA") and root(e, "10") and "arms sales" in e["sentence"],
      "IRN 10x on the USA from the sentence on arms sales")
check("irgc_betrayal",
      lambda e: e["source"] == "IRNMIL" and root(e, "11", "12"),
      "IRNMIL 11x/12x")
# the headline rejects talks (it is not talks, nor an option weighed: "considering it
# 'red line'" says what the programme is held to be); the body says the same, so the
# headline's copy is dropped
bad = [e for e in ev if e["sentence_index"] <= 2 and e["code"] in ("046", "014")]
print("ok seed_headline_not_talks_or_option" if not bad else
      "FAIL seed_headline_not_talks_or_option: %s %s" % (bad[0]["code"], bad[0]["sentence"]))
# "linked the negotiations ... to its cancellation of the sanctions": a condition Iran
# sets (a demand on the US), not a US act
bad = [e for e in ev if src(e, "USA") and e["code"] == "085"]
print("ok seed_no_us_cancellation" if not bad else "FAIL seed_no_us_cancellation: %s" % bad[0]["sentence"])
check("linked_condition",
      lambda e: src(e, "IRN") and tgt(e, "USA") and e["code"] == "1054" and e["conditional"]
                and "linked" in e["sentence"],
      "IRN 1054 USA (conditional) from the sentence linking talks to the sanctions")
# furniture never codes: the caption, tagline, dateline and the "Read:" link
bad = [e for e in ev if e["sentence"].startswith("Read:") or "Creating new" in e["sentence"]]
print("ok seed_no_furniture" if not bad else "FAIL seed_no_furniture: %s" % bad[0]["sentence"])
PY
