#!/usr/bin/env python3
"""people-stats.py — check data/dict/people.actors.txt and count its coverage.

Usage: scripts/people-stats.py [FILE] [--markdown]

Checks what `redline dict check` checks for dated actor records, plus the conventions of
docs/people.md: every phrase ends in '_', every person has at least one dated range, every
range has a valid 8-digit start date, no range of one code overlaps or is inverted, no
phrase belongs to two people, closed ranges end before the file's horizon. Prints the
counts per section (country or organisation), per role and per country code; exits 1 on
any error so it can gate a commit.

How things are counted: a "person" is one record (a primary phrase). A person counts once
per section (the "# ==== Name (CODE) ====" heading it sits under). Roles are the codes'
role part (GOV, MIL, LEG, ...; IGO codes count as IGO); a person with both GOV and LEG
ranges counts once under each role.
"""
import datetime
import re
import signal
import sys
from collections import Counter, defaultdict

HORIZON = 20261128          # ranges ending after this must be written open-ended (>date)
SECTION = re.compile(r"^#\s*====\s*(.+?)\s*====\s*$")
RANGE = re.compile(r"^\[([A-Z]{3,15})\s+(?:>(\d+)|<(\d+)|(\d+)-(\d+))\]\s*(#.*)?$")
ROLES = ("GOV", "MIL", "LEG", "OPP", "ELI", "REB", "INS", "SEP", "JUD", "REL", "PTY", "SPY", "BUS",
         "COP", "CVL", "MED", "IGO")


def valid_date(s):
    if len(s) != 8:
        return False
    try:
        datetime.date(int(s[:4]), int(s[4:6]), int(s[6:]))
    except ValueError:
        return False
    return True


def role_of(code):
    if code.startswith(("IGO", "IMG")):
        return code[:3]
    rest = code[3:]
    for i in range(0, len(rest), 3):
        if rest[i:i + 3] in ROLES:
            return rest[i:i + 3]
    return "(group: %s)" % code if rest else "(country)"


def parse(path):
    """Returns (people, errors). A person is a dict: phrase, line, section, synonyms, ranges."""
    people, errors = [], []
    section, cur = "(none)", None
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            s = line.strip()
            if not s:
                continue
            m = SECTION.match(s)
            if m:
                section = m.group(1)
                continue
            if s.startswith("#"):
                continue
            if line[0] in " \t":
                if cur is None:
                    errors.append(f"{path}:{n}: date range outside a record")
                    continue
                m = RANGE.match(s)
                if not m:
                    errors.append(f"{path}:{n}: malformed range '{s}'")
                    continue
                code, after, before, a, b = m.group(1, 2, 3, 4, 5)
                if before:
                    errors.append(f"{path}:{n}: '<date' range has no start date")
                    continue
                lo, hi = (after, None) if after else (a, b)
                bad = [d for d in (lo, hi) if d is not None and not valid_date(d)]
                if bad:
                    errors.append(f"{path}:{n}: invalid date {bad[0]}")
                    continue
                lo = int(lo)
                hi = int(hi) if hi else None
                if hi is not None and hi < lo:
                    errors.append(f"{path}:{n}: inverted range {lo}-{hi}")
                if hi is not None and hi > HORIZON:
                    errors.append(f"{path}:{n}: end {hi} after {HORIZON}: write [{code} >{lo}]")
                if lo < 19000101:
                    errors.append(f"{path}:{n}: implausible start {lo}")
                cur["ranges"].append((code, lo, hi, n))
                continue
            phrase = s.split("#", 1)[0].strip()
            if " " in phrase or "[" in phrase:
                errors.append(f"{path}:{n}: phrase has spaces or an undated code: '{phrase}'")
            if phrase.startswith("+"):
                if cur is None:
                    errors.append(f"{path}:{n}: synonym before any record")
                    continue
                cur["synonyms"].append((phrase[1:], n))
                continue
            cur = {"phrase": phrase, "line": n, "section": section,
                   "synonyms": [], "ranges": [], "comment": "#" in s}
            people.append(cur)
    return people, errors


def check(people, path):
    errors, owner = [], {}
    for p in people:
        if not p["comment"]:
            errors.append(f"{path}:{p['line']}: {p['phrase']}: no '#' comment with the position")
        if not p["ranges"]:
            errors.append(f"{path}:{p['line']}: {p['phrase']}: no dated range")
        for ph, n in [(p["phrase"], p["line"])] + p["synonyms"]:
            if not ph.endswith("_") or not re.fullmatch(r"[A-Z0-9_'.\-]+", ph):
                errors.append(f"{path}:{n}: bad phrase '{ph}' (upper case, '_' joined, ends in '_')")
            if ph in owner:
                errors.append(f"{path}:{n}: '{ph}' already used on line {owner[ph]}")
            else:
                owner[ph] = n
        by_code = defaultdict(list)
        for code, lo, hi, n in p["ranges"]:
            by_code[code].append((lo, hi if hi is not None else 99999999, n))
        for code, rs in by_code.items():
            rs.sort()
            for (lo1, hi1, n1), (lo2, hi2, n2) in zip(rs, rs[1:]):
                if lo2 <= hi1:
                    errors.append(f"{path}:{n2}: {code} overlaps the range on line {n1}")
    return errors


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    markdown = "--markdown" in argv
    path = args[0] if args else "data/dict/people.actors.txt"
    people, errors = parse(path)
    errors += check(people, path)
    for e in errors:
        print(e, file=sys.stderr)

    sections = Counter(p["section"] for p in people)
    roles, countries = Counter(), Counter()
    for p in people:
        for r in {role_of(c) for c, _, _, _ in p["ranges"]}:
            roles[r] += 1
        for c in {c[:3] if not c.startswith("IGO") else c for c, _, _, _ in p["ranges"]}:
            countries[c] += 1
    nranges = sum(len(p["ranges"]) for p in people)
    nsyn = sum(len(p["synonyms"]) for p in people)
    opened = sum(1 for p in people for r in p["ranges"] if r[2] is None)

    if markdown:
        print(f"{len(people)} people, {nsyn} synonyms, {nranges} dated ranges "
              f"({opened} open-ended), {len(errors)} errors.\n")
        print("| section | people |\n|---|---:|")
        for s, c in sections.most_common():
            print(f"| {s} | {c} |")
        print("\n| role | people with a range in it |\n|---|---:|")
        for r, c in roles.most_common():
            print(f"| {r} | {c} |")
        print("\nPeople with a range under each country or organisation code:\n")
        print(", ".join(f"{k} {v}" for k, v in
                        sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))) + ".")
    else:
        print(f"people {len(people)}  synonyms {nsyn}  ranges {nranges}  "
              f"open-ended {opened}  errors {len(errors)}")
        print("per section:")
        for s, c in sections.most_common():
            print(f"  {c:4d}  {s}")
        print("per role:")
        for r, c in roles.most_common():
            print(f"  {c:4d}  {r}")
        print("per country/organisation code:")
        print("  " + "  ".join(f"{k}:{v}" for k, v in sorted(countries.items())))
    return 1 if errors else 0


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)   # quiet when piped into head
    sys.exit(main(sys.argv))
