/* train_lemma.c — the lemma/feature lexicon and suffix rules, counted from the treebank. */
#include "common.h"
#include "lemmatizer.h"

#include <stdlib.h>
#include <string.h>

typedef struct rec { uint64_t key; const char *a, *b; int k; } rec;

static int by_key_a(const void *x, const void *y) {
    const rec *p = x, *q = y;
    if (p->key != q->key) return p->key < q->key ? -1 : 1;
    return strcmp(p->a, q->a);
}
static int by_key_b(const void *x, const void *y) {
    const rec *p = x, *q = y;
    if (p->key != q->key) return p->key < q->key ? -1 : 1;
    return strcmp(p->b, q->b);
}

/* For each distinct key: the most frequent a and the most frequent b (ties: smallest). */
typedef struct maj { uint64_t key; const char *a, *b; long n, na; int k; } maj;

static maj *majorities(rec *r, long n, long *out_n) {
    maj *m = xmalloc((size_t)(n ? n : 1) * sizeof *m);
    long nm = 0;
    qsort(r, (size_t)n, sizeof *r, by_key_a);
    for (long i = 0; i < n;) {
        long j = i, best = 0;
        const char *ba = r[i].a;
        while (j < n && r[j].key == r[i].key) {
            long e = j;
            while (e < n && r[e].key == r[i].key && !strcmp(r[e].a, r[j].a)) e++;
            if (e - j > best) { best = e - j; ba = r[j].a; }
            j = e;
        }
        m[nm++] = (maj){r[i].key, ba, NULL, j - i, best, r[i].k};
        i = j;
    }
    qsort(r, (size_t)n, sizeof *r, by_key_b);
    long mi = 0;
    for (long i = 0; i < n;) {
        long j = i, best = 0;
        const char *bb = r[i].b;
        while (j < n && r[j].key == r[i].key) {
            long e = j;
            while (e < n && r[e].key == r[i].key && !strcmp(r[e].b, r[j].b)) e++;
            if (e - j > best) { best = e - j; bb = r[j].b; }
            j = e;
        }
        while (m[mi].key != r[i].key) mi++;   /* same keys, same order */
        m[mi].b = bb;
        i = j;
    }
    *out_n = nm;
    return m;
}

static int maj_cmp(const void *k, const void *m) {
    uint64_t a = *(const uint64_t *)k, b = ((const maj *)m)->key;
    return a < b ? -1 : a > b;
}

static char *lower_copy(const char *s) {
    char *c = xmalloc(strlen(s) + 1);
    size_t i = 0;
    for (; s[i]; i++) c[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    c[i] = '\0';
    return c;
}

static uint32_t table_slots(long n) {
    uint32_t s = 1024;
    while (s < 2 * (uint64_t)n + 1) s *= 2;
    return s;
}

/* ---- known lemmas per word class ------------------------------------------------- */

typedef struct known { uint64_t key; uint32_t n; } known;
typedef struct known_set { known *e; long n, cap; } known_set;

static void known_add(known_set *k, int cls, const char *lemma, size_t len, uint32_t count) {
    if (!cls || len == 0) return;
    if (k->n == k->cap) {
        k->cap = k->cap ? 2 * k->cap : 4096;
        k->e = realloc(k->e, (size_t)k->cap * sizeof *k->e);
        if (!k->e) die("out of memory");
    }
    k->e[k->n++] = (known){rl_lemma_known_key(cls, lemma, len), count};
}

static int known_cmp(const void *a, const void *b) {
    uint64_t x = ((const known *)a)->key, y = ((const known *)b)->key;
    return x < y ? -1 : x > y;
}

/* The verbs and event nouns of a verb dictionary (PETRARCH format, docs/verbs.md): the
 * head word of every word line of a verb block, lowercased: "+TALK_ABOUT" -> talk,
 * "@PEACE_+TALKS" -> talks. A missing file adds nothing. */
static long known_from_dict(known_set *k, const char *path) {
    FILE *in = fopen(path, "rb");
    if (!in) return 0;
    char line[1024];
    int in_block = 0;
    long added = 0;
    while (fgets(line, sizeof line, in)) {
        if (!strncmp(line, "---", 3)) { in_block = 1; continue; }
        if (!strncmp(line, "#######", 7) || line[0] == '&') { in_block = 0; continue; }
        if (!in_block || !((line[0] >= 'A' && line[0] <= 'Z') || line[0] == '@' || line[0] == '+'))
            continue;
        int noun = line[0] == '@';
        char *w = line + noun;
        w[strcspn(w, " \t\r\n{[")] = '\0';
        char *parts[16], *save = NULL;
        int np = 0;
        for (char *p = strtok_r(w, "_", &save); p && np < 16; p = strtok_r(NULL, "_", &save)) parts[np++] = p;
        if (!np) continue;
        char *h = noun ? parts[np - 1] : parts[0];
        for (int i = 0; i < np; i++) if (parts[i][0] == '+') h = parts[i];
        if (*h == '+') h++;
        size_t n = strlen(h), i = 0;
        for (; i < n && h[i] >= 'A' && h[i] <= 'Z'; i++) h[i] = (char)(h[i] + 32);
        if (i != n || n < 2) continue;
        known_add(k, noun ? 'N' : 'V', h, n, 1);
        added++;
    }
    fclose(in);
    return added;
}

void train_lemmatizer(const rl_treebank *tb, const rl_treebank *dev, const char *path) {
    long ntok = 0;
    for (int s = 0; s < tb->n; s++) ntok += tb->s[s].n;
    rec *r = xmalloc((size_t)ntok * 2 * sizeof *r);
    char **owned = xmalloc((size_t)ntok * 4 * sizeof *owned);
    long nown = 0;

    /* Exact and lowercased (form, XPOS) -> lemma (a), feats (b). */
    long n = 0;
    for (int s = 0; s < tb->n; s++)
        for (int i = 0; i < tb->s[s].n; i++) {
            const rl_tb_token *t = &tb->s[s].tok[i];
            r[n++] = (rec){rl_lemma_lex_key(RL_LEX_EXACT, t->form, strlen(t->form), t->xpos),
                           t->lemma, t->feats, 0};
            if (!rl_lemma_keeps_case(t->xpos)) {
                char *lc = owned[nown++] = lower_copy(t->form);
                r[n++] = (rec){rl_lemma_lex_key(RL_LEX_LOWER, lc, strlen(lc), t->xpos),
                               t->lemma, t->feats, 1};
            }
        }
    long nlex;
    maj *lex = majorities(r, n, &nlex);

    /* Known lemmas: every lemma of a verb or common noun token, and (below) the
     * irregular lists and the verb dictionary. */
    known_set kn = {NULL, 0, 0};
    for (int s = 0; s < tb->n; s++)
        for (int i = 0; i < tb->s[s].n; i++) {
            const rl_tb_token *t = &tb->s[s].tok[i];
            known_add(&kn, rl_lemma_class(t->xpos), t->lemma, strlen(t->lemma), 1);
        }

    /* Per-XPOS default features. */
    n = 0;
    for (int s = 0; s < tb->n; s++)
        for (int i = 0; i < tb->s[s].n; i++) {
            const rl_tb_token *t = &tb->s[s].tok[i];
            r[n++] = (rec){rl_lemma_lex_key(RL_LEX_TAG, "", 0, t->xpos), "", t->feats, 2};
        }
    long ntag;
    maj *tags = majorities(r, n, &ntag);

    /* Suffix rules over word types (one per exact (form, XPOS) entry). */
    typedef struct { const char *form, *xpos, *lemma; } wtype;
    wtype *types = xmalloc((size_t)ntok * sizeof *types);
    long ntypes = 0;
    {
        rec *e = xmalloc((size_t)ntok * sizeof *e);
        long m = 0;
        for (int s = 0; s < tb->n; s++)
            for (int i = 0; i < tb->s[s].n; i++) {
                const rl_tb_token *t = &tb->s[s].tok[i];
                e[m++] = (rec){rl_lemma_lex_key(RL_LEX_EXACT, t->form, strlen(t->form), t->xpos),
                               t->form, t->xpos, i};
            }
        qsort(e, (size_t)m, sizeof *e, by_key_a);
        for (long i = 0; i < m; i++) {
            if (i && e[i].key == e[i - 1].key) continue;
            const maj *hit = bsearch(&e[i].key, lex, (size_t)nlex, sizeof *lex, maj_cmp);
            if (hit) types[ntypes++] = (wtype){e[i].a, e[i].b, hit->a};
        }
        free(e);
    }
    rec *rr = xmalloc((size_t)ntypes * (RL_LEMMA_MAX_SUFFIX + 1) * sizeof *rr);
    long nr = 0;
    for (long i = 0; i < ntypes; i++) {
        const char *form = types[i].form, *lemma = types[i].lemma;
        char *base = owned[nown++] = rl_lemma_keeps_case(types[i].xpos) ? strcpy(xmalloc(strlen(form) + 1), form)
                                                                        : lower_copy(form);
        size_t len = strlen(base), cp = 0;
        while (base[cp] && base[cp] == lemma[cp]) cp++;
        if (len - cp > 64) continue;   /* the loader refuses longer strips (odd URLs) */
        /* The rule "strip N, append S" as one string "N\tS" (a is compared as text). */
        char *rule = owned[nown++] = xmalloc(strlen(lemma + cp) + 16);
        sprintf(rule, "%zu\t%s", len - cp, lemma + cp);
        for (size_t k = 0; k <= len && k <= RL_LEMMA_MAX_SUFFIX; k++) {
            if (k && k < len && (base[len - k] & 0xC0) == 0x80) continue;
            rr[nr++] = (rec){rl_lemma_rule_key(base + len - k, k, types[i].xpos), rule, "", (int)k};
        }
    }
    long nrules;
    maj *rules = majorities(rr, nr, &nrules);

    /* Irregular forms the treebank lacks, from our own word lists. */
    maj *extra = NULL;
    long nextra = 0;
    char *lists[2] = {NULL, NULL};
    {
        static const struct { const char *file; int verbs; } src[2] = {
            {"irregular-verbs.txt", 1}, {"irregular-nouns.txt", 0}};
        const char *dir = getenv("RLTRAIN_LEXICON_DIR") ? getenv("RLTRAIN_LEXICON_DIR") : "train";
        long cap = 0;
        for (int f = 0; f < 2; f++) {
            char fp[4096];
            snprintf(fp, sizeof fp, "%s/%s", dir, src[f].file);
            FILE *in = fopen(fp, "rb");
            if (!in) die("%s: cannot open the irregular word list", fp);
            fseek(in, 0, SEEK_END);
            long len = ftell(in);
            fseek(in, 0, SEEK_SET);
            lists[f] = xmalloc((size_t)len + 1);
            if (fread(lists[f], 1, (size_t)len, in) != (size_t)len) die("%s: read error", fp);
            lists[f][len] = '\0';
            fclose(in);
            for (char *save = NULL, *line = strtok_r(lists[f], "\n", &save); line;
                 line = strtok_r(NULL, "\n", &save)) {
                if (line[0] == '#') continue;
                char *w[3] = {NULL, NULL, NULL}, *s2 = NULL;
                int nw = 0;
                for (char *t = strtok_r(line, " ", &s2); t && nw < 3; t = strtok_r(NULL, " ", &s2)) w[nw++] = t;
                if (nw != (src[f].verbs ? 3 : 2)) die("%s: bad line", fp);
                const char *lemma = src[f].verbs ? w[0] : w[1];
                known_add(&kn, src[f].verbs ? 'V' : 'N', lemma, strlen(lemma), 1);
                static const char *const vtags[] = {"VBD", "VBN"}, *const ntags[] = {"NNS"};
                int nforms = src[f].verbs ? 2 : 1;
                for (int k = 0; k < nforms; k++)
                    for (char *s3 = NULL, *form = strtok_r(src[f].verbs ? w[1 + k] : w[0], "/", &s3); form;
                         form = strtok_r(NULL, "/", &s3))
                        for (int tg = 0; tg < (src[f].verbs ? 2 : 1); tg++)
                            for (int kind = RL_LEX_EXACT; kind <= RL_LEX_LOWER; kind++) {
                                const char *xp = src[f].verbs ? vtags[tg] : ntags[tg];
                                uint64_t key = rl_lemma_lex_key(kind, form, strlen(form), xp);
                                if (bsearch(&key, lex, (size_t)nlex, sizeof *lex, maj_cmp)) continue;
                                int dup = 0;
                                for (long e = 0; e < nextra && !dup; e++) dup = extra[e].key == key;
                                if (dup) continue;
                                uint64_t tkey = rl_lemma_lex_key(RL_LEX_TAG, "", 0, xp);
                                const char *feats = "_";
                                for (long t = 0; t < ntag; t++) if (tags[t].key == tkey) feats = tags[t].b;
                                if (nextra == cap) {
                                    cap = cap ? 2 * cap : 256;
                                    extra = realloc(extra, (size_t)cap * sizeof *extra);
                                    if (!extra) die("out of memory");
                                }
                                extra[nextra++] = (maj){key, lemma, feats, 1, 1, kind};
                            }
            }
        }
    }

    const char *dict = getenv("RLTRAIN_VERB_DICT") ? getenv("RLTRAIN_VERB_DICT") : "data/dict/cameo.verbs.txt";
    long from_dict = known_from_dict(&kn, dict);
    /* One entry per (class, lemma) with the summed count. */
    qsort(kn.e, (size_t)kn.n, sizeof *kn.e, known_cmp);
    long nknown = 0;
    for (long i = 0; i < kn.n; i++) {
        if (nknown && kn.e[nknown - 1].key == kn.e[i].key) kn.e[nknown - 1].n += kn.e[i].n;
        else kn.e[nknown++] = kn.e[i];
    }
    uint32_t kslots = table_slots(nknown);
    size_t ksize = 8 + (size_t)kslots * sizeof(rl_known_entry);
    uint8_t *kb = xcalloc(1, ksize);
    memcpy(kb, &kslots, 4);
    rl_known_entry *ke = (rl_known_entry *)(kb + 8);
    for (long i = 0; i < nknown; i++) {
        uint32_t s = (uint32_t)kn.e[i].key & (kslots - 1);
        while (ke[s].key) s = (s + 1) & (kslots - 1);
        ke[s].key = kn.e[i].key;
        ke[s].count = kn.e[i].n;
    }

    /* Serialise. */
    strbuf str = {0};
    strbuf_add(&str, "");
    long nentries = nlex + ntag + nextra;
    uint32_t slots = table_slots(nentries);
    size_t lsize = 8 + (size_t)slots * sizeof(rl_lex_entry);
    uint8_t *lb = xcalloc(1, lsize);
    memcpy(lb, &slots, 4);
    rl_lex_entry *le = (rl_lex_entry *)(lb + 8);
    for (long i = 0; i < nentries; i++) {
        const maj *m = i < nlex ? &lex[i] : i < nlex + ntag ? &tags[i - nlex] : &extra[i - nlex - ntag];
        uint32_t s = (uint32_t)m->key & (slots - 1);
        while (le[s].key) s = (s + 1) & (slots - 1);
        le[s].key = m->key;
        le[s].lemma = strbuf_add(&str, m->a);
        le[s].feats = strbuf_add(&str, m->b);
    }
    long kept = 0;
    for (long i = 0; i < nrules; i++) kept += rules[i].k == 0 || rules[i].na >= 2;
    uint32_t rslots = table_slots(kept);
    size_t rsize = 8 + (size_t)rslots * sizeof(rl_rule_entry);
    uint8_t *rb = xcalloc(1, rsize);
    memcpy(rb, &rslots, 4);
    rl_rule_entry *re = (rl_rule_entry *)(rb + 8);
    for (long i = 0; i < nrules; i++) {
        if (!(rules[i].k == 0 || rules[i].na >= 2)) continue;
        uint32_t s = (uint32_t)rules[i].key & (rslots - 1);
        while (re[s].key) s = (s + 1) & (rslots - 1);
        char *tab;
        unsigned long strip = strtoul(rules[i].a, &tab, 10);
        re[s].key = rules[i].key;
        re[s].strip = (uint32_t)strip;
        re[s].append = strbuf_add(&str, tab + 1);
    }
    rl_model_writer *w = rl_model_writer_new(RL_LEMMA_KIND);
    rl_error err;
    if (!w || rl_model_writer_add(w, RL_LEMMA_SEC_LEXICON, lb, lsize) ||
        rl_model_writer_add(w, RL_LEMMA_SEC_RULES, rb, rsize) ||
        rl_model_writer_add(w, RL_LEMMA_SEC_STRINGS, str.b, str.n) ||
        rl_model_writer_add(w, RL_LEMMA_SEC_KNOWN, kb, ksize))
        die("out of memory");
    if (rl_model_writer_save(w, path, &err) != 0) die("%s: %s", path, err.reason);
    rl_model_writer_free(w);
    fprintf(stderr, "  lemmatizer: %ld lexicon entries (%ld from our irregular word lists), %ld suffix rules, "
            "%ld known lemmas (%ld words of %s)\n", nentries, nextra, kept, nknown, from_dict, dict);

    /* Report dev accuracy with gold XPOS (the pipeline figure comes from parse --eval). */
    rl_lemmatizer lm;
    if (rl_lemmatizer_open(&lm, path, &err) != 0) die("%s: %s", path, err.reason);
    rl_arena *a = rl_arena_new(0);
    long right = 0, total = 0, fright = 0;
    for (int s = 0; s < dev->n; s++)
        for (int i = 0; i < dev->s[s].n; i++, total++) {
            rl_arena_reset(a);
            const rl_tb_token *t = &dev->s[s].tok[i];
            const char *feats;
            const char *l = rl_lemmatize(&lm, t->form, t->xpos, &feats, a);
            right += l && !strcmp(l, t->lemma);
            fright += !strcmp(feats, t->feats);
        }
    fprintf(stderr, "  lemmatizer: dev lemma %.2f%%, feats %.2f%% (gold XPOS)\n",
            100.0 * right / (total ? total : 1), 100.0 * fright / (total ? total : 1));
    rl_arena_free(a);
    rl_lemmatizer_close(&lm);
    for (long i = 0; i < nown; i++) free(owned[i]);
    free(owned); free(r); free(rr); free(lex); free(tags); free(rules); free(types);
    free(lb); free(rb); free(kb); free(kn.e); free(str.b); free(extra); free(lists[0]); free(lists[1]);
}
