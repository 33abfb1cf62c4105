#!/usr/bin/env python3
"""verb-stats.py — counts for a PETRARCH-format verb dictionary (redline's cameo.verbs.txt).

Usage: scripts/verb-stats.py [--codes FILE] [--markdown] DICT...

Prints blocks, verbs, event nouns, synsets and patterns, the patterns per CAMEO root
(as `redline dict stats` counts them: by the root of the affirmed code), the patterns
that carry a negated alternative "[a|n]", and per root how many codes have an entry.
With --codes FILE (the output of `redline codes`, or one code per line) it also lists
the codes that nothing in the dictionary yields.
"""
import re
import sys

CODE = re.compile(r'\[([^\]]*)\]')


def root(code):
    """'0231' -> 2, '190' -> 19, '---' -> 0."""
    if not code[:2].isdigit():
        return 0
    return int(code[:2])


def codes_in(bracket):
    """All event codes named in one '[...]': affirmed, ':' second and '|' negated."""
    out = []
    for part in re.split(r'[|:]', bracket):
        part = part.strip().split()[0] if part.strip() else ''
        if part[:2].isdigit():
            out.append(part)
    return out


def read(path, st):
    in_synset = False
    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.split('#', 1)[0].rstrip()
            s = line.strip()
            if not s:
                continue
            if s.startswith('---'):
                in_synset = False
                st['blocks'] += 1
                m = CODE.search(s)
                if m:
                    st['yielded'].update(codes_in(m.group(1)))
                continue
            if s.startswith('&'):
                in_synset = True
                st['synsets'] += 1
                continue
            if s.startswith('+') and in_synset:
                continue
            in_synset = False
            if s.startswith('~'):
                st['transformations'] += 1
                st['yielded'].update(c for c in s.split()[-1:] if c.isdigit())
                continue
            m = CODE.search(s)
            codes = codes_in(m.group(1)) if m else []
            st['yielded'].update(codes)
            if s.startswith('-'):
                st['patterns'] += 1
                first = m.group(1).split('|')[0].split(':')[0].strip() if m else '---'
                st['by_root'][root(first)] += 1
                if m and '|' in m.group(1):
                    st['negated'] += 1
            elif s.startswith('@'):
                st['nouns'] += 1
            else:
                st['verbs'] += 1


def main(argv):
    codes_file, markdown, paths = None, False, []
    i = 0
    while i < len(argv):
        if argv[i] == '--codes' and i + 1 < len(argv):
            codes_file = argv[i + 1]
            i += 2
            continue
        if argv[i] == '--markdown':
            markdown = True
        elif argv[i] in ('-h', '--help'):
            print(__doc__.strip())
            return 0
        else:
            paths.append(argv[i])
        i += 1
    if not paths:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    st = {'blocks': 0, 'verbs': 0, 'nouns': 0, 'synsets': 0, 'patterns': 0,
          'transformations': 0, 'negated': 0, 'by_root': [0] * 21, 'yielded': set()}
    for p in paths:
        read(p, st)
    known = []
    if codes_file:
        with open(codes_file, encoding='utf-8') as f:
            for line in f:
                c = line.split('\t', 1)[0].strip()
                if c[:2].isdigit() and len(c) >= 3:  # event codes; skip 2-digit roots
                    known.append(c)
    print('%d blocks, %d verbs, %d event nouns, %d synsets, %d patterns '
          '(%d with a negated code), %d transformations'
          % (st['blocks'], st['verbs'], st['nouns'], st['synsets'], st['patterns'],
             st['negated'], st['transformations']))
    if markdown:
        print('\n| root | patterns | codes yielded |\n|---|---:|---:|')
    for r in range(1, 21):
        yielded = sorted(c for c in st['yielded'] if root(c) == r)
        of = ''
        if known:
            of = ' of %d' % sum(1 for c in known if root(c) == r)
        if markdown:
            print('| %02d | %d | %d%s |' % (r, st['by_root'][r], len(yielded), of))
        else:
            print('%02d  %6d patterns  %3d codes yielded%s' % (r, st['by_root'][r], len(yielded), of))
    if known:
        missing = [c for c in known if c not in st['yielded']]
        print('codes with no entry: %s' % (' '.join(missing) if missing else 'none'))
        return 1 if missing else 0
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
