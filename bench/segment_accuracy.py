#!/usr/bin/env python3
"""segment_accuracy.py — token and sentence F1 of `redline segment` against a UD treebank.

The raw text is rebuilt from the treebank's "# text" lines: one document per "# newdoc",
paragraphs ("# newpar") separated by a blank line, sentences of a paragraph joined by a
space. redline segments that text (--format conllu); tokens and sentences are compared as
character spans of the rebuilt text. Gold words of a multiword token ("don't" → do n't)
get sub-spans when their forms spell the surface token, as they almost always do.

usage: segment_accuracy.py REDLINE GOLD.conllu [--errors N]
"""
import json, subprocess, sys, collections


def read_gold(path):
    docs = []          # [(id, text, [(s,e)] tokens, [(s,e)] sentences)]
    cur = None
    paras = []         # list of lists of sentence dicts

    def flush():
        if cur is None:
            return
        text, toks, sents = "", [], []
        for pi, para in enumerate(paras):
            for si, s in enumerate(para):
                if text:
                    text += "\n\n" if si == 0 else " "
                base = len(text)
                text += s["text"]
                pos = 0
                for form, sub in s["words"]:
                    while pos < len(s["text"]) and s["text"][pos].isspace():
                        pos += 1
                    surface = form
                    i = s["text"].find(surface, pos)
                    if i < 0:
                        continue
                    if sub:
                        # multiword token: split the span by the words when they spell it
                        if "".join(sub) == surface:
                            o = i
                            for w in sub:
                                toks.append((base + o, base + o + len(w)))
                                o += len(w)
                        else:
                            for w in sub:
                                toks.append((base + i, base + i + len(surface)))
                    else:
                        toks.append((base + i, base + i + len(surface)))
                    pos = i + len(surface)
                sents.append((base, base + len(s["text"])))
        docs.append((cur, text, toks, sents))

    sent = None
    mwt_end, mwt = 0, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc"):
                flush()
                cur = line.split("=", 1)[1].strip() if "=" in line else "doc%d" % len(docs)
                paras = [[]]
            elif line.startswith("# newpar"):
                if paras and paras[-1]:
                    paras.append([])
            elif line.startswith("# text ="):
                if cur is None:
                    cur, paras = "doc0", [[]]
                sent = {"text": line.split("=", 1)[1].strip(), "words": []}
                paras[-1].append(sent)
            elif line and line[0].isdigit():
                cols = line.split("\t")
                if "-" in cols[0]:
                    a, b = cols[0].split("-")
                    mwt_end, mwt = int(b), [cols[1], []]
                    sent["words"].append(mwt)
                elif "." in cols[0]:
                    continue
                elif mwt and int(cols[0]) <= mwt_end:
                    mwt[1].append(cols[1])
                else:
                    mwt = None
                    sent["words"].append((cols[1], None))
    flush()
    return docs


def read_system(out, docs):
    """Our tokens and sentences as spans, aligning forms in each document's text."""
    by_id = {d[0]: d[1] for d in docs}
    sys_tok, sys_sent = collections.defaultdict(list), collections.defaultdict(list)
    doc, text, pos, sent_start = None, "", 0, None
    last_end = None
    for line in out.splitlines():
        if line.startswith("# newdoc id = "):
            doc = line[len("# newdoc id = "):]
            text, pos = by_id.get(doc, ""), 0
        elif line.startswith("# sent_id"):
            sent_start, last_end = None, None
        elif line and line[0].isdigit():
            form = line.split("\t")[1]
            while pos < len(text) and text[pos].isspace():
                pos += 1
            if text.startswith(form, pos):
                i = pos
            else:
                i = text.find(form, pos)
                if i < 0:
                    continue
            sys_tok[doc].append((i, i + len(form)))
            pos = i + len(form)
            if sent_start is None:
                sent_start = i
            last_end = pos
        elif not line and sent_start is not None:
            sys_sent[doc].append((sent_start, last_end))
            sent_start = None
    return sys_tok, sys_sent


def f1(gold, system):
    g, s = set(gold), set(system)
    tp = len(g & s)
    p = tp / len(s) if s else 0.0
    r = tp / len(g) if g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), len(g), len(s)


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    redline, gold_path = sys.argv[1], sys.argv[2]
    nerr = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--errors" else 0
    docs = read_gold(gold_path)
    feed = "".join(json.dumps({"id": d[0], "text": d[1]}) + "\n" for d in docs)
    res = subprocess.run([redline, "segment", "--quiet", "--input-format", "jsonl",
                          "--format", "conllu"], input=feed.encode(), capture_output=True)
    if res.returncode not in (0, 1):
        print(res.stderr.decode(), file=sys.stderr)
        return 1
    sys_tok, sys_sent = read_system(res.stdout.decode("utf-8"), docs)
    gt, st, gs, ss = [], [], [], []
    errors = collections.Counter()
    for d in docs:
        gt += [(d[0],) + t for t in d[2]]
        st += [(d[0],) + t for t in sys_tok[d[0]]]
        gs += [(d[0],) + t for t in d[3]]
        ss += [(d[0],) + t for t in sys_sent[d[0]]]
        if nerr:
            text = d[1]
            g, s = set(d[2]), set(sys_tok[d[0]])
            for a, b in s - g:
                ctx = text[max(0, a - 15):b + 15].replace("\n", " ")
                errors["sys " + text[a:b] + "   in: " + ctx] += 1
            for a, b in g - s:
                errors["gold " + text[a:b]] += 1
    tp, tr, tf, gn, sn = f1(gt, st)
    sp, sr, sf, sgn, ssn = f1(gs, ss)
    print("%s: tokens P %.2f R %.2f F1 %.2f (gold %d, system %d); "
          "sentences P %.2f R %.2f F1 %.2f (gold %d, system %d)" %
          (gold_path.split("/")[-1], 100 * tp, 100 * tr, 100 * tf, gn, sn,
           100 * sp, 100 * sr, 100 * sf, sgn, ssn))
    for e, n in errors.most_common(nerr):
        print("  %4d  %s" % (n, e))
    return 0


if __name__ == "__main__":
    sys.exit(main())
