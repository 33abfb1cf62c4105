#!/usr/bin/env python3
"""discard-coverage.py — how a discard list behaves on the BBC news corpus in ../shared:
the share of sentences it discards and of stories it drops (story-level '+'), per
category. Sport and entertainment should lose much, politics almost nothing.

    python3 scripts/discard-coverage.py data/dict/discards.txt [CORPUS.jsonl]

An approximation of the C matcher (regex tokens, naive sentence split), for tuning the
list, not a test. Needs ../shared/corpus/bbc-news-2095.jsonl (or the given corpus)."""
import json, os, re, sys, collections
def load(path):
    ents=[]
    for line in open(path, encoding='utf-8'):
        s=re.sub(r'#.*','',line).strip()
        if not s: continue
        story=s.startswith('+'); s=s.lstrip('+')
        stop=s.endswith('_')
        words=[w for w in re.split(r'[ _]+', s.upper()) if w]
        ents.append((words, stop, story))
    return ents
def toks(sent):
    t=re.findall(r"[A-Za-z]\.(?:[A-Za-z]\.)+|[\w'&-]+", sent)
    out=[]
    for w in t:
        w=w.upper()
        if w.endswith("'S") and len(w)>2: out += [w[:-2], "'S"]
        else: out.append(w)
    return out
ents=load(sys.argv[1])
by_first=collections.defaultdict(list)
for e in ents: by_first[e[0][0]].append(e)
def match(tk):
    story=False; hit=False; hits=[]
    for i,w in enumerate(tk):
        cands=by_first.get(w,[])
        # stems for single-word entries whose word is a prefix
        for e in cands + [e for e in ents if len(e[0])==1 and not e[1] and w.startswith(e[0][0]) and w!=e[0][0]]:
            ws,stop,st=e
            if i+len(ws)>len(tk): continue
            ok=all(tk[i+k]==ws[k] for k in range(len(ws)-1))
            last=tk[i+len(ws)-1]
            ok = ok and (last==ws[-1] or (not stop and last.startswith(ws[-1])))
            if ok: hit=True; story|=st; hits.append(' '.join(ws))
    return hit, story, hits
stats=collections.defaultdict(lambda:[0,0,0,0]); examples=collections.defaultdict(collections.Counter)
corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.environ.get('REDLINE_SHARED', '../shared'), 'corpus', 'bbc-news-2095.jsonl')
if not os.path.exists(corpus):
    sys.exit('discard-coverage: %s not found (no ../shared?)' % corpus)
for line in open(corpus, encoding='utf-8'):
    d=json.loads(line); cat=d['category']
    sents=re.split(r'(?<=[.!?])\s+', d['title']+'. '+d['text'])
    st=stats[cat]; st[0]+=1; storyhit=False
    for s in sents:
        h,sto,hits=match(toks(s)); st[2]+=1
        if h: st[3]+=1; examples[cat].update(hits)
        storyhit|=sto
    if storyhit: st[1]+=1
for cat,(n,nst,ns,nd) in sorted(stats.items()):
    print(f"{cat:14s} stories {n:4d}  story-level dropped {nst:4d} ({100*nst/n:5.1f}%)  sentences {ns:6d}  discarded {nd:5d} ({100*nd/ns:5.1f}%)")
for cat in ('politics','business','tech'):
    print(cat, examples[cat].most_common(15))
