/* train_tagger.c — the averaged-perceptron tagger over joint UPOS+XPOS classes. */
#include "common.h"
#include "perceptron.h"
#include "tagger.h"

#include <stdlib.h>
#include <string.h>

enum { DICT_MIN = 5, SURE_MIN = 20, MAX_EPOCHS = 12 };
#define SURE_RATIO 0.97
/* Averaged weights smaller than this are dropped from the saved model. */
#define PRUNE 1e-4f

typedef struct cls_count { const char *upos, *xpos; long n; } cls_count;

static int by_count(const void *a, const void *b) {
    const cls_count *x = a, *y = b;
    if (x->n != y->n) return x->n > y->n ? -1 : 1;
    int c = strcmp(x->upos, y->upos);
    return c ? c : strcmp(x->xpos, y->xpos);
}

typedef struct wc { uint64_t key; int cls; } wc;
static int by_key(const void *a, const void *b) {
    const wc *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return x->cls - y->cls;
}

typedef struct tdict { uint32_t slots; uint64_t *key; uint32_t *val; } tdict;

static uint32_t tdict_get(const tdict *d, uint64_t key) {
    uint32_t mask = d->slots - 1;
    for (uint32_t i = (uint32_t)key & mask;; i = (i + 1) & mask) {
        if (d->key[i] == key) return d->val[i];
        if (!d->key[i]) return UINT32_MAX;
    }
}

static void *strtab_blob(char **names, int n, size_t *size) {
    strbuf chars = {0};
    uint32_t *off = xmalloc((size_t)n * 4);
    for (int i = 0; i < n; i++) off[i] = strbuf_add(&chars, names[i]);
    *size = 4 + (size_t)n * 4 + chars.n;
    uint8_t *b = xmalloc(*size);
    uint32_t cnt = (uint32_t)n;
    memcpy(b, &cnt, 4);
    memcpy(b + 4, off, (size_t)n * 4);
    memcpy(b + 4 + (size_t)n * 4, chars.b, chars.n);
    free(off);
    free(chars.b);
    return b;
}

/* With first (the weight table of a first-pass model) the weights learned are the second
 * pass's and the file carries both. */
static void write_model(const perceptron *p, char **upos, char **xpos, int ncls,
                        const tdict *d, const void *first, size_t first_size, const char *path) {
    size_t nt, wsize, usize, xsize;
    const char *env = getenv("RLTRAIN_TAGGER_PRUNE");
    rl_weight_triple *t = pc_export(p, env ? (float)atof(env) : PRUNE, &nt);
    if (!t) die("out of memory");
    void *w = rl_weights_build(t, nt, (uint32_t)ncls, &wsize);
    void *u = strtab_blob(upos, ncls, &usize), *x = strtab_blob(xpos, ncls, &xsize);
    size_t dsize = 8 + (size_t)d->slots * 12;
    uint8_t *db = xcalloc(1, dsize);
    memcpy(db, &d->slots, 4);
    memcpy(db + 8, d->key, (size_t)d->slots * 8);
    memcpy(db + 8 + (size_t)d->slots * 8, d->val, (size_t)d->slots * 4);
    rl_model_writer *mw = rl_model_writer_new(RL_TAGGER_KIND);
    rl_error err;
    if (!w) die("%s: cannot build the weight table (too many weights?)", path);
    if (!mw || (first ? rl_model_writer_add(mw, RL_TAG_SEC_WEIGHTS, first, first_size) ||
                        rl_model_writer_add(mw, RL_TAG_SEC_WEIGHTS2, w, wsize)
                      : rl_model_writer_add(mw, RL_TAG_SEC_WEIGHTS, w, wsize)) ||
        rl_model_writer_add(mw, RL_TAG_SEC_UPOS, u, usize) ||
        rl_model_writer_add(mw, RL_TAG_SEC_XPOS, x, xsize) ||
        rl_model_writer_add(mw, RL_TAG_SEC_DICT, db, dsize) ||
        rl_model_writer_add(mw, RL_MODEL_SEC_FEATURES, &(uint32_t){RL_TAG_FEATURE_SET}, 4))
        die("out of memory");
    if (rl_model_writer_save(mw, path, &err) != 0) die("%s: %s", path, err.reason);
    rl_model_writer_free(mw);
    free(t); free(w); free(u); free(x); free(db);
}

/* UPOS accuracy of the model at path on dev (the run-time code path). */
static double evaluate(const char *path, const rl_treebank *dev) {
    rl_tagger tg;
    rl_error err;
    if (rl_tagger_open(&tg, path, &err) != 0) die("%s: %s", path, err.reason);
    rl_arena *a = rl_arena_new(0);
    long right = 0, total = 0;
    for (int s = 0; s < dev->n; s++) {
        rl_arena_reset(a);
        rl_sentence sent;
        if (rl_tb_to_sentence(&dev->s[s], &sent, a) || rl_tagger_tag(&tg, &sent, a)) die("out of memory");
        for (int i = 0; i < sent.ntokens; i++, total++)
            right += !strcmp(sent.tokens[i].upos, dev->s[s].tok[i].upos);
    }
    rl_arena_free(a);
    rl_tagger_close(&tg);
    return total ? 100.0 * right / total : 0;
}

int train_tagger(const rl_tb_sentence *sents, int n, const rl_treebank *dev, int epochs,
                 const char *path, uint64_t seed, const int *const *first, const char *first_model,
                 double *dev_acc) {
    /* Classes, most frequent first (deterministic order). */
    cls_count *cc = NULL;
    int ncls = 0, cap = 0;
    long ntok = 0;
    for (int s = 0; s < n; s++)
        for (int i = 0; i < sents[s].n; i++, ntok++) {
            const rl_tb_token *t = &sents[s].tok[i];
            int c = 0;
            while (c < ncls && (strcmp(cc[c].upos, t->upos) || strcmp(cc[c].xpos, t->xpos))) c++;
            if (c == ncls) {
                if (ncls == cap) { cap = cap ? cap * 2 : 64; cc = realloc(cc, (size_t)cap * sizeof *cc); if (!cc) die("out of memory"); }
                cc[ncls++] = (cls_count){t->upos, t->xpos, 0};
            }
            cc[c].n++;
        }
    if (ncls > (int)RL_WEIGHTS_MAX_CLASSES) die("too many tag classes (%d)", ncls);
    qsort(cc, (size_t)ncls, sizeof *cc, by_count);
    char **upos = xmalloc((size_t)ncls * sizeof *upos), **xpos = xmalloc((size_t)ncls * sizeof *xpos);
    for (int c = 0; c < ncls; c++) { upos[c] = (char *)cc[c].upos; xpos[c] = (char *)cc[c].xpos; }

    /* Gold classes and the tag dictionary. */
    int **gold = xmalloc((size_t)n * sizeof *gold);
    wc *pairs = xmalloc((size_t)ntok * sizeof *pairs);
    long k = 0;
    for (int s = 0; s < n; s++) {
        gold[s] = xmalloc((size_t)(sents[s].n ? sents[s].n : 1) * sizeof **gold);
        for (int i = 0; i < sents[s].n; i++) {
            const rl_tb_token *t = &sents[s].tok[i];
            int c = 0;
            while (strcmp(cc[c].upos, t->upos) || strcmp(cc[c].xpos, t->xpos)) c++;
            gold[s][i] = c;
            pairs[k++] = (wc){rl_tag_dict_key(t->form), c};
        }
    }
    qsort(pairs, (size_t)ntok, sizeof *pairs, by_key);
    /* RLTRAIN_TAGGER_SURE overrides the shortcut's ratio (above 1: no shortcut). */
    const char *sure_env = getenv("RLTRAIN_TAGGER_SURE");
    double sure_ratio = sure_env ? atof(sure_env) : SURE_RATIO;
    tdict d = {1024, NULL, NULL};
    while (d.slots < (uint32_t)ntok / 4) d.slots *= 2;
    d.key = xcalloc(d.slots, 8);
    d.val = xcalloc(d.slots, 4);
    for (long i = 0; i < ntok;) {
        long j = i, best_n = 0;
        int best = 0;
        while (j < ntok && pairs[j].key == pairs[i].key) {
            long m = j;
            while (m < ntok && pairs[m].key == pairs[i].key && pairs[m].cls == pairs[j].cls) m++;
            if (m - j > best_n) { best_n = m - j; best = pairs[j].cls; }
            j = m;
        }
        long total = j - i;
        if (total >= DICT_MIN) {
            uint32_t mask = d.slots - 1, s = (uint32_t)pairs[i].key & mask;
            while (d.key[s]) s = (s + 1) & mask;
            d.key[s] = pairs[i].key;
            d.val[s] = (uint32_t)best |
                       (total >= SURE_MIN && best_n >= sure_ratio * (double)total ? 0x80000000u : 0);
        }
        i = j;
    }
    free(pairs);

    /* Second pass: the first pass's weight table is copied into every file written. */
    rl_tagger t1;
    const void *w1 = NULL;
    size_t w1size = 0;
    if (first_model) {
        rl_error err;
        if (rl_tagger_open(&t1, first_model, &err) != 0) die("%s: %s", first_model, err.reason);
        if (t1.wt.nclasses != (uint32_t)ncls) die("%s: class count differs", first_model);
        if (!(w1 = rl_model_section(&t1.file, RL_TAG_SEC_WEIGHTS, 16, &w1size, &err)))
            die("%s: %s", first_model, err.reason);
    }
    perceptron p;
    if (pc_init(&p, ncls)) die("out of memory");
    int *order = xmalloc((size_t)n * sizeof *order);
    for (int s = 0; s < n; s++) order[s] = s;
    rl_arena *a = rl_arena_new(0);
    float *scores = xmalloc((size_t)ncls * sizeof *scores);
    uint64_t feats[RL_TAG_MAX_FEATS];
    const char *ep_env = getenv("RLTRAIN_TAGGER_EPOCHS");
    int max_epochs = epochs ? epochs : ep_env ? atoi(ep_env) : MAX_EPOCHS, best_epoch = 0;
    double best_acc = -1;
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.epoch", path);
    for (int e = 1; e <= max_epochs; e++) {
        double t0 = now_seconds();
        shuffle(order, n, &seed);
        long right = 0, total = 0;
        for (int oi = 0; oi < n; oi++) {
            const rl_tb_sentence *s = &sents[order[oi]];
            const int *g = gold[order[oi]];
            rl_arena_reset(a);
            const char **forms = rl_arena_alloc(a, (size_t)(s->n ? s->n : 1) * sizeof *forms);
            if (!forms) die("out of memory");
            for (int i = 0; i < s->n; i++) forms[i] = s->tok[i].form;
            rl_tag_ctx ctx;
            if (rl_tag_ctx_init(&ctx, forms, s->n, a)) die("out of memory");
            if (first) ctx.first = first[order[oi]];
            for (int i = 0; i < s->n; i++) {
                uint32_t v = tdict_get(&d, rl_tag_dict_key(forms[i]));
                ctx.dict[i] = v == UINT32_MAX ? -1 : (int)(v & 0x7fffffffu);
            }
            int p1 = -1, p2 = -1;
            for (int i = 0; i < s->n; i++) {
                uint32_t v = tdict_get(&d, rl_tag_dict_key(forms[i]));
                int guess;
                if (v != UINT32_MAX && (v & 0x80000000u)) {
                    guess = (int)(v & 0x7fffffffu);   /* as at run time: not scored */
                } else {
                    int nf = rl_tag_features(&ctx, i, p1, p2, feats);
                    memset(scores, 0, (size_t)ncls * sizeof *scores);
                    pc_score(&p, feats, nf, scores);
                    guess = 0;
                    for (int c = 1; c < ncls; c++) if (scores[c] > scores[guess]) guess = c;
                    pc_tick(&p);
                    if (guess != g[i] && pc_update(&p, feats, nf, g[i], guess)) die("out of memory");
                }
                right += guess == g[i];
                total++;
                p2 = p1; p1 = guess;
            }
        }
        if (dev) {
            write_model(&p, upos, xpos, ncls, &d, w1, w1size, tmp);
            double acc = evaluate(tmp, dev);
            fprintf(stderr, "  tagger epoch %d: train %.2f%%, dev UPOS %.2f%% (%.1f s)\n", e,
                    100.0 * right / (total ? total : 1), acc, now_seconds() - t0);
            if (acc > best_acc) {
                best_acc = acc; best_epoch = e;
                if (rename(tmp, path) != 0) die("cannot rename %s", tmp);
            } else if (e - best_epoch >= 3) {
                break;   /* dev accuracy stopped improving */
            }
        }
    }
    if (!dev) { write_model(&p, upos, xpos, ncls, &d, w1, w1size, path); best_epoch = max_epochs; }
    if (first_model) rl_tagger_close(&t1);
    remove(tmp);
    rl_arena_free(a);
    pc_free(&p);
    for (int s = 0; s < n; s++) free(gold[s]);
    free(gold); free(order); free(scores); free(d.key); free(d.val);
    free(upos); free(xpos); free(cc);
    if (dev_acc) *dev_acc = best_acc;
    return best_epoch;
}

void tag_with(const char *path, const rl_tb_sentence *sents, int n, tagged *out) {
    rl_tagger *tg = xmalloc(sizeof *tg);
    rl_error err;
    if (rl_tagger_open(tg, path, &err) != 0) die("%s: %s", path, err.reason);
    out->model = tg;
    out->xpos = xcalloc((size_t)n, sizeof *out->xpos);
    out->upos = xcalloc((size_t)n, sizeof *out->upos);
    rl_arena *a = rl_arena_new(0);
    for (int s = 0; s < n; s++) {
        rl_arena_reset(a);
        rl_sentence sent;
        if (rl_tb_to_sentence(&sents[s], &sent, a) || rl_tagger_tag(tg, &sent, a)) die("out of memory");
        out->xpos[s] = xcalloc((size_t)sents[s].n, sizeof **out->xpos);
        out->upos[s] = xcalloc((size_t)sents[s].n, sizeof **out->upos);
        for (int i = 0; i < sent.ntokens; i++) {
            out->xpos[s][i] = sent.tokens[i].xpos;
            out->upos[s][i] = sent.tokens[i].upos;
        }
    }
    rl_arena_free(a);
}

void tagged_free(tagged *t, int n) {
    for (int s = 0; s < n; s++) { free(t->xpos[s]); free(t->upos[s]); }
    free(t->xpos);
    free(t->upos);
    rl_tagger_close(t->model);
    free(t->model);
}

int **tag_classes(const char *ref_model, const rl_tb_sentence *sents, int n,
                  const char *const *const *upos, const char *const *const *xpos) {
    rl_tagger tg;
    rl_error err;
    if (rl_tagger_open(&tg, ref_model, &err) != 0) die("%s: %s", ref_model, err.reason);
    int **cls = xmalloc((size_t)(n ? n : 1) * sizeof *cls);
    for (int s = 0; s < n; s++) {
        cls[s] = xmalloc((size_t)(sents[s].n ? sents[s].n : 1) * sizeof **cls);
        for (int i = 0; i < sents[s].n; i++) {
            uint32_t c = 0;
            while (c < tg.wt.nclasses && (strcmp(rl_strtab_get(&tg.upos, c), upos[s][i]) ||
                                          strcmp(rl_strtab_get(&tg.xpos, c), xpos[s][i])))
                c++;
            if (c == tg.wt.nclasses) die("%s: unknown tag %s/%s", ref_model, upos[s][i], xpos[s][i]);
            cls[s][i] = (int)c;
        }
    }
    rl_tagger_close(&tg);
    return cls;
}
