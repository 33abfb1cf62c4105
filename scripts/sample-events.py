#!/usr/bin/env python3
"""Draw a fixed random sample of events from `redline code` JSONL output.

usage: sample-events.py EVENTS.jsonl N SEED > sample.tsv

Writes one TSV line per sampled event (line number, doc, source, target, code,
source text, target text, trigger, sentence) with an empty judgement column, for a
human audit of precision.  The same file, N and seed always give the same sample.
"""
import json
import random
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    path, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(path, encoding="utf-8") as f:
        events = [json.loads(line) for line in f if line.strip()]
    rng = random.Random(seed)
    picks = sorted(rng.sample(range(len(events)), min(n, len(events))))
    print("judgement\tline\tdoc\tsource\ttarget\tcode\tsource_text\ttarget_text\ttrigger\tsentence")
    for i in picks:
        e = events[i]
        cols = ["", str(i + 1), e["doc_id"], e["source"], e["target"] or "-",
                e["code"], e["source_text"], e["target_text"] or "-",
                e["trigger"], e["sentence"]]
        print("\t".join(c.replace("\t", " ").replace("\n", " ") for c in cols))


if __name__ == "__main__":
    main()
