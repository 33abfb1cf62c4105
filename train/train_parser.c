/* train_parser.c — arc-hybrid parser trained with the dynamic oracle of Goldberg & Nivre
 * (2012, 2013) and exploration: after the first epoch the parser follows its own
 * (possibly wrong) prediction 90% of the time and learns the best action from there.
 * With a beam (RLTRAIN_PARSER_BEAM=k > 1) every sentence also gets a global,
 * max-violation update (Huang et al. 2012) from beam search of width k; the greedy
 * updates stay ("mixed", RLTRAIN_PARSER_MIXED=0 turns them off), which trained better
 * beam models on dev. RLTRAIN_PARSER_RUNS=r averages r runs' weights. */
#include "common.h"
#include "parser.h"
#include "perceptron.h"

#include <stdlib.h>
#include <string.h>

#define MAX_EPOCHS 15
#define EXPLORE_P 0.9
/* Averaged weights smaller than this are dropped from the saved model (size, speed). */
#define PRUNE 1.0f
/* Beam width for training and, stored in the model, for parsing; 1 = the greedy parser
 * trained with the dynamic oracle and exploration (the default: see docs/parser.md for
 * why the beam is not, and RLTRAIN_PARSER_BEAM to train one). */
#define BEAM_WIDTH 1
/* Training runs averaged into the model (1 = a single run). */
#define RUNS 1

typedef struct lab { const char *name; long n; } lab;
static int lab_cmp(const void *a, const void *b) {
    const lab *x = a, *y = b;
    if (x->n != y->n) return x->n > y->n ? -1 : 1;
    return strcmp(x->name, y->name);
}

static int in_stack(const rl_parse_state *st, int x) {
    return x == 0 || (x < st->b && st->head[x] == -1);
}

/* Gold arcs lost by each transition kind (label mistakes added by the caller). */
static void arc_costs(const rl_parse_state *st, const int *gh, int *c_sh, int *c_le, int *c_ri) {
    int s0 = st->stack[st->sp - 1], s1 = st->sp >= 2 ? st->stack[st->sp - 2] : -1, b0 = st->b;
    *c_sh = *c_le = *c_ri = 0;
    if (b0 <= st->n) {
        for (int i = 1; i < st->sp; i++) *c_sh += gh[st->stack[i]] == b0;
        *c_sh += in_stack(st, gh[b0]) && gh[b0] != s0;
    }
    if (s0 > 0) {
        int deps = 0;
        for (int d = b0; d <= st->n; d++) deps += gh[d] == s0;
        *c_le = deps + (gh[s0] != b0 && (gh[s0] == s1 || gh[s0] >= b0));
        *c_ri = deps + (gh[s0] != s1 && gh[s0] >= b0);
    }
}

static void write_triples(const rl_weight_triple *t, size_t nt, const lab *labels, int nl,
                          const char *path, int width) {
    size_t wsize;
    void *w = rl_weights_build(t, nt, (uint32_t)(1 + 2 * nl), &wsize);
    fprintf(stderr, "  parser model: %zu weights, %.1f MB\n", nt, wsize / 1e6);
    strbuf chars = {0};
    uint32_t *off = xmalloc((size_t)nl * 4);
    for (int l = 0; l < nl; l++) off[l] = strbuf_add(&chars, labels[l].name);
    size_t lsize = 4 + (size_t)nl * 4 + chars.n;
    uint8_t *lb = xmalloc(lsize);
    uint32_t cnt = (uint32_t)nl;
    memcpy(lb, &cnt, 4);
    memcpy(lb + 4, off, (size_t)nl * 4);
    memcpy(lb + 4 + (size_t)nl * 4, chars.b, chars.n);
    rl_model_writer *mw = rl_model_writer_new(RL_PARSER_KIND);
    rl_error err;
    if (!w) die("%s: cannot build the weight table (too many weights?)", path);
    if (!mw || rl_model_writer_add(mw, RL_PARSE_SEC_WEIGHTS, w, wsize) ||
        rl_model_writer_add(mw, RL_PARSE_SEC_LABELS, lb, lsize) ||
        /* No BEAM section for a greedy model: the file stays what it was before beams. */
        (width > 1 && rl_model_writer_add(mw, RL_PARSE_SEC_BEAM, &(uint32_t){(uint32_t)width}, 4)) ||
        rl_model_writer_add(mw, RL_MODEL_SEC_FEATURES, &(uint32_t){RL_PARSE_FEATURE_SET}, 4))
        die("out of memory");
    if (rl_model_writer_save(mw, path, &err) != 0) die("%s: %s", path, err.reason);
    rl_model_writer_free(mw);
    free(w); free(off); free(chars.b); free(lb);
}

static void write_model(const perceptron *p, const lab *labels, int nl, const char *path, float prune,
                        int width) {
    size_t nt;
    rl_weight_triple *t = pc_export(p, prune, &nt);
    if (!t) die("out of memory");
    write_triples(t, nt, labels, nl, path, width);
    free(t);
}

static int by_key(const void *a, const void *b) {
    const rl_weight_triple *x = a, *y = b;
    if (x->h != y->h) return x->h < y->h ? -1 : 1;
    return x->cls < y->cls ? -1 : x->cls > y->cls;
}

/* The mean of k runs' averaged weights (all concatenated in t), dropping |w| < prune.
 * Sorts t; returns the number kept at its start. */
static size_t mean_of_runs(rl_weight_triple *t, size_t n, int k, float prune) {
    qsort(t, n, sizeof *t, by_key);
    size_t out = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        double sum = 0;
        for (; j < n && t[j].h == t[i].h && t[j].cls == t[i].cls; j++) sum += t[j].w;
        float w = (float)(sum / k);
        if (w <= -prune || w >= prune) t[out++] = (rl_weight_triple){t[i].h, t[i].cls, w};
        i = j;
    }
    return out;
}

/* UAS and LAS (universal part of the label) of the model at path on dev. */
static double evaluate(const char *path, const rl_treebank *dev, const char *const *const *xpos,
                       int width, double *uas) {
    rl_parser ps;
    rl_error err;
    if (rl_parser_open(&ps, path, &err) != 0) die("%s: %s", path, err.reason);
    rl_arena *a = rl_arena_new(0);
    long u = 0, l = 0, total = 0;
    for (int s = 0; s < dev->n; s++) {
        rl_arena_reset(a);
        rl_sentence sent;
        if (rl_tb_to_sentence(&dev->s[s], &sent, a)) die("out of memory");
        for (int i = 0; i < sent.ntokens; i++) sent.tokens[i].xpos = xpos[s][i];
        if (rl_parser_parse_width(&ps, &sent, a, width)) die("out of memory");
        for (int i = 0; i < sent.ntokens; i++, total++) {
            const rl_tb_token *g = &dev->s[s].tok[i];
            if (sent.tokens[i].head != g->head) continue;
            u++;
            size_t n1 = strcspn(g->deprel, ":"), n2 = strcspn(sent.tokens[i].deprel, ":");
            l += n1 == n2 && !strncmp(g->deprel, sent.tokens[i].deprel, n1);
        }
    }
    rl_arena_free(a);
    rl_parser_close(&ps);
    *uas = total ? 100.0 * u / total : 0;
    return total ? 100.0 * l / total : 0;
}

/* The oracle's transitions for one sentence: at every step the best-scoring of the
 * minimum-cost transitions (a non-projective tree gets its nearest projective one).
 * Fills cls[0..2n), the features of every step (feats, RL_PARSE_MAX_FEATS apart, nf
 * each) and the running score pre[0..2n] of that sequence under the current weights. */
static void oracle_sequence(const perceptron *p, rl_parse_state *st, const int *gh, const int *gl,
                            int root, int *cls, uint64_t *feats, int *nf, double *pre,
                            float *scores, int *cost) {
    int ncls = p->nclasses;
    pre[0] = 0;
    for (int t = 0; !rl_parse_done(st); t++) {
        uint64_t *f = feats + (size_t)t * RL_PARSE_MAX_FEATS;
        nf[t] = rl_parse_features(st, f);
        memset(scores, 0, (size_t)ncls * sizeof *scores);
        pc_score(p, f, nf[t], scores);
        int csh, cle, cri, s0 = st->stack[st->sp - 1], best = -1, mincost = 1 << 30;
        arc_costs(st, gh, &csh, &cle, &cri);
        for (int c = 0; c < ncls; c++) {
            if (!rl_parse_class_legal(st, c, root)) { cost[c] = -1; continue; }
            if (c == 0) cost[c] = csh;
            else if (c & 1) cost[c] = cle + (gh[s0] == st->b && (c - 1) / 2 != gl[s0]);
            else cost[c] = cri + (gh[s0] == st->stack[st->sp - 2] && (c - 1) / 2 != gl[s0]);
            if (cost[c] < mincost) mincost = cost[c];
        }
        for (int c = 0; c < ncls; c++)
            if (cost[c] == mincost && (best < 0 || scores[c] > scores[best])) best = c;
        cls[t] = best;
        pre[t + 1] = pre[t] + (double)scores[best];
        rl_parse_apply(st, best, root);
    }
}

static void pc_scorer(const void *ctx, const rl_parse_beam *bm, const rl_parse_item *it,
                      double *scores) {
    const perceptron *p = ctx;
    float buf[RL_WEIGHTS_MAX_CLASSES];
    uint64_t f[RL_PARSE_MAX_FEATS];
    int nf = rl_parse_item_features(bm, it, f);
    memset(buf, 0, (size_t)p->nclasses * sizeof *buf);
    pc_score(p, f, nf, buf);
    for (int c = 0; c < p->nclasses; c++) scores[c] = buf[c];
}

/* One sentence of global training (Huang et al. 2012, max-violation): decode with the
 * beam alongside the oracle's sequence, find the step where the best item beats the
 * oracle's prefix by the most, and update towards the oracle's prefix and away from
 * that item's, up to that step. Returns 1 if it updated. */
static int beam_sentence(perceptron *p, int n, uint64_t *word, uint64_t *tag, const int *gh,
                         const int *gl, int root, int width, float *scores, int *cost, rl_arena *a) {
    size_t T = 2 * (size_t)n;
    int *gold = rl_arena_alloc(a, T * sizeof *gold), *pred = rl_arena_alloc(a, T * sizeof *pred);
    int *nf = rl_arena_alloc(a, T * sizeof *nf);
    double *pre = rl_arena_alloc(a, (T + 1) * sizeof *pre);
    uint64_t *feats = rl_arena_alloc(a, T * RL_PARSE_MAX_FEATS * sizeof *feats);
    rl_parse_state st;
    if (!gold || !pred || !nf || !pre || !feats || rl_parse_state_init(&st, n, word, tag, a))
        die("out of memory");
    oracle_sequence(p, &st, gh, gl, root, gold, feats, nf, pre, scores, cost);

    rl_parse_beam bm = {n, p->nclasses, root, width, NULL, NULL, pc_scorer, p,
                        rl_arena_alloc(a, (size_t)p->nclasses * sizeof(double)), a};
    const rl_parse_item *buf[2][RL_PARSE_MAX_BEAM], *worst = NULL;
    if (!bm.scores || !(buf[0][0] = rl_parse_beam_start(&bm, word, tag))) die("out of memory");
    int k = 1, cur = 0;
    size_t tstar = 0;
    double maxv = -1;
    for (size_t t = 0; t < T; t++) {
        if ((k = rl_parse_beam_step(&bm, buf[cur], k, buf[!cur], gold[t])) < 0) die("out of memory");
        cur = !cur;
        const rl_parse_item *best = buf[cur][0];
        /* Whenever the best item is not the oracle's, it scores at least as much. */
        if (!best->gold && best->score - pre[t + 1] >= maxv) {
            maxv = best->score - pre[t + 1];
            tstar = t + 1;
            worst = best;
        }
    }
    if (!worst) return 0;
    size_t t = tstar;
    for (const rl_parse_item *it = worst; it->prev; it = it->prev) pred[--t] = it->cls;
    /* Replay the predicted prefix; until the two sequences part, states and updates are
     * the same and cancel out. */
    rl_parse_state ps;
    uint64_t f[RL_PARSE_MAX_FEATS];
    if (rl_parse_state_init(&ps, n, word, tag, a)) die("out of memory");
    int parted = 0;
    for (t = 0; t < tstar; t++) {
        if (!parted && pred[t] == gold[t]) { rl_parse_apply(&ps, pred[t], root); continue; }
        parted = 1;
        int m = rl_parse_features(&ps, f);
        if (pc_add(p, feats + t * RL_PARSE_MAX_FEATS, nf[t], gold[t], 1.0f) ||
            pc_add(p, f, m, pred[t], -1.0f))
            die("out of memory");
        rl_parse_apply(&ps, pred[t], root);
    }
    return 1;
}

typedef struct epoch_ctx {
    const rl_treebank *tb;
    const char *const *const *xpos;
    int **gh, **gl;                /* gold heads and labels, 1-based */
    int root, ncls, width, mixed;
    int *order;                    /* sentence order, shuffled every epoch */
    float *scores;
    int *cost;
    rl_arena *a;
} epoch_ctx;

/* One pass over the training set (epoch e, from 1). Returns the percentage of wrong
 * steps (greedy) or sentences with an update (beam). */
static double train_epoch(epoch_ctx *ec, perceptron *p, int e, uint64_t *seed) {
    const rl_treebank *tb = ec->tb;
    int root = ec->root, ncls = ec->ncls;
    float *scores = ec->scores;
    int *cost = ec->cost;
    uint64_t feats[RL_PARSE_MAX_FEATS];
    shuffle(ec->order, tb->n, seed);
    long steps = 0, errors = 0;
    for (int oi = 0; oi < tb->n; oi++) {
        int s = ec->order[oi], n = tb->s[s].n;
        const int *gh = ec->gh[s], *gl = ec->gl[s];
        rl_arena_reset(ec->a);
        uint64_t *word = rl_arena_alloc(ec->a, (size_t)(n + 1) * 8);
        uint64_t *tag = rl_arena_alloc(ec->a, (size_t)(n + 1) * 8);
        rl_parse_state st;
        if (!word || !tag || rl_parse_state_init(&st, n, word, tag, ec->a)) die("out of memory");
        for (int i = 1; i <= n; i++) {
            word[i] = rl_parse_word_hash(tb->s[s].tok[i - 1].form);
            tag[i] = rl_parse_tag_hash(ec->xpos[s][i - 1]);
        }
        if (ec->width > 1) {
            steps++;
            errors += beam_sentence(p, n, word, tag, gh, gl, root, ec->width, scores, cost, ec->a);
            pc_tick(p);
            if (!ec->mixed) continue;
            /* Mixed: the greedy updates as well, on a fresh state (not counted). */
            if (rl_parse_state_init(&st, n, word, tag, ec->a)) die("out of memory");
        }
        while (!rl_parse_done(&st)) {
            int nf = rl_parse_features(&st, feats);
            memset(scores, 0, (size_t)ncls * sizeof *scores);
            pc_score(p, feats, nf, scores);
            int csh, cle, cri;
            arc_costs(&st, gh, &csh, &cle, &cri);
            int s0 = st.stack[st.sp - 1];
            int pred = -1, best = -1, mincost = 1 << 30;
            for (int c = 0; c < ncls; c++) {
                if (!rl_parse_class_legal(&st, c, root)) { cost[c] = -1; continue; }
                if (c == 0) cost[c] = csh;
                else if (c & 1) cost[c] = cle + (gh[s0] == st.b && (c - 1) / 2 != gl[s0]);
                else cost[c] = cri + (gh[s0] == st.stack[st.sp - 2] && (c - 1) / 2 != gl[s0]);
                if (cost[c] < mincost) mincost = cost[c];
                if (pred < 0 || scores[c] > scores[pred]) pred = c;
            }
            for (int c = 0; c < ncls; c++)
                if (cost[c] == mincost && (best < 0 || scores[c] > scores[best])) best = c;
            pc_tick(p);
            int next = pred;
            if (ec->width == 1) steps++;
            if (cost[pred] > mincost) {
                if (ec->width == 1) errors++;
                if (pc_update(p, feats, nf, best, pred)) die("out of memory");
                if (e == 1 || (double)(rng_next(seed) >> 11) / 9007199254740992.0 >= EXPLORE_P)
                    next = best;
            }
            rl_parse_apply(&st, next, root);
        }
    }
    return 100.0 * errors / (steps ? steps : 1);
}

/* RLTRAIN_PARSER_MIXED=0 turns off the greedy updates made alongside the beam's. */
static int mixed_updates(void) {
    const char *e = getenv("RLTRAIN_PARSER_MIXED");
    return !e || strcmp(e, "0") != 0;
}

void train_parser(const rl_treebank *tb, const char *const *const *train_xpos,
                  const rl_treebank *dev, const char *const *const *dev_xpos, int epochs,
                  const char *path, uint64_t seed) {
    /* Labels, most frequent first. */
    lab *labels = NULL;
    int nl = 0, cap = 0;
    for (int s = 0; s < tb->n; s++)
        for (int i = 0; i < tb->s[s].n; i++) {
            const char *d = tb->s[s].tok[i].deprel;
            int l = 0;
            while (l < nl && strcmp(labels[l].name, d)) l++;
            if (l == nl) {
                if (nl == cap) { cap = cap ? 2 * cap : 64; labels = realloc(labels, (size_t)cap * sizeof *labels); if (!labels) die("out of memory"); }
                labels[nl++] = (lab){d, 0};
            }
            labels[l].n++;
        }
    qsort(labels, (size_t)nl, sizeof *labels, lab_cmp);
    if (nl > RL_PARSE_MAX_LABELS) die("too many dependency labels (%d)", nl);
    int root = -1;
    for (int l = 0; l < nl; l++) if (!strcmp(labels[l].name, "root")) root = l;
    if (root < 0) die("the treebank has no root label");
    int ncls = 1 + 2 * nl;

    /* Gold heads and labels, 1-based. */
    int **gh = xmalloc((size_t)tb->n * sizeof *gh), **gl = xmalloc((size_t)tb->n * sizeof *gl);
    for (int s = 0; s < tb->n; s++) {
        gh[s] = xmalloc((size_t)(tb->s[s].n + 1) * sizeof **gh);
        gl[s] = xmalloc((size_t)(tb->s[s].n + 1) * sizeof **gl);
        gh[s][0] = -1; gl[s][0] = -1;
        for (int i = 0; i < tb->s[s].n; i++) {
            gh[s][i + 1] = tb->s[s].tok[i].head;
            int l = 0;
            while (strcmp(labels[l].name, tb->s[s].tok[i].deprel)) l++;
            gl[s][i + 1] = l;
        }
    }

    const char *env = getenv("RLTRAIN_PARSER_EPOCHS");
    int max_epochs = epochs ? epochs : env ? atoi(env) : MAX_EPOCHS, best_epoch = 0;
    const char *wenv = getenv("RLTRAIN_PARSER_BEAM"), *renv = getenv("RLTRAIN_PARSER_RUNS");
    int width = wenv ? atoi(wenv) : BEAM_WIDTH, runs = renv ? atoi(renv) : RUNS;
    if (width < 1 || width > RL_PARSE_MAX_BEAM) die("RLTRAIN_PARSER_BEAM out of range");
    if (runs < 1 || runs > 16) die("RLTRAIN_PARSER_RUNS out of range");
    const char *penv = getenv("RLTRAIN_PARSER_PRUNE");
    float prune = penv ? strtof(penv, NULL) : PRUNE;
    epoch_ctx ec = {tb, train_xpos, gh, gl, root, ncls, width,
                    width > 1 && mixed_updates(),
                    xmalloc((size_t)tb->n * sizeof(int)), xmalloc((size_t)ncls * sizeof(float)),
                    xmalloc((size_t)ncls * sizeof(int)), rl_arena_new(0)};
    if (!ec.a) die("out of memory");
    fprintf(stderr, "  parser: beam width %d%s, %d run%s\n", width,
            ec.mixed ? " + greedy updates" : "", runs, runs > 1 ? "s" : "");
    for (int s = 0; s < tb->n; s++) ec.order[s] = s;

    /* Run 1 picks the number of epochs on dev; its weights at that epoch are kept. */
    perceptron p;
    if (pc_init(&p, ncls)) die("out of memory");
    double best_las = -1;
    rl_weight_triple *all = NULL;
    size_t nall = 0;
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.epoch", path);
    for (int e = 1; e <= max_epochs; e++) {
        double t0 = now_seconds();
        double wrong = train_epoch(&ec, &p, e, &seed);
        /* RLTRAIN_PARSER_SWEEP="1,2,4": also report dev scores at other pruning levels. */
        const char *sweep = getenv("RLTRAIN_PARSER_SWEEP");
        for (const char *q = sweep; q && *q;) {
            float pr = strtof(q, (char **)&q);
            write_model(&p, labels, nl, tmp, pr, width);
            double su, sl = evaluate(tmp, dev, dev_xpos, 0, &su);
            fprintf(stderr, "    prune %.2f: dev UAS %.2f%% LAS %.2f%%\n", pr, su, sl);
            if (*q == ',') q++; else break;
        }
        write_model(&p, labels, nl, tmp, prune, width);
        double uas, las = evaluate(tmp, dev, dev_xpos, 0, &uas);
        if (width > 1) {   /* how the model does with smaller beams (not used to choose) */
            for (int w = 1; w < width; w *= 2) {
                double u1, l1 = evaluate(tmp, dev, dev_xpos, w, &u1);
                fprintf(stderr, "    beam %d: dev UAS %.2f%% LAS %.2f%%\n", w, u1, l1);
            }
        }
        fprintf(stderr, "  parser epoch %d: %.1f%% wrong %s, dev UAS %.2f%% LAS %.2f%% (%.1f s)\n",
                e, wrong, width > 1 ? "sentences" : "steps", uas, las, now_seconds() - t0);
        if (las > best_las) {
            best_las = las; best_epoch = e;
            if (rename(tmp, path) != 0) die("cannot rename %s", tmp);
            if (runs > 1) {
                free(all);
                if (!(all = pc_export(&p, 0, &nall))) die("out of memory");
            }
        } else if (e - best_epoch >= 3) {
            break;
        }
    }
    remove(tmp);
    pc_free(&p);
    fprintf(stderr, "  parser: best dev LAS %.2f%% after %d epochs\n", best_las, best_epoch);

    /* Runs 2..k: the same number of epochs on other shuffles; the model is the mean of
     * all runs' averaged weights (a cheap ensemble), kept if it beats run 1 on dev. */
    for (int r = 2; r <= runs; r++) {
        double t0 = now_seconds();
        uint64_t rseed = seed + 0x1000u * (uint64_t)r;
        if (pc_init(&p, ncls)) die("out of memory");
        for (int s = 0; s < tb->n; s++) ec.order[s] = s;
        for (int e = 1; e <= best_epoch; e++) train_epoch(&ec, &p, e, &rseed);
        size_t nt;
        rl_weight_triple *t = pc_export(&p, 0, &nt);
        pc_free(&p);
        if (!t || !(all = realloc(all, (nall + nt) * sizeof *all))) die("out of memory");
        memcpy(all + nall, t, nt * sizeof *t);
        nall += nt;
        free(t);
        size_t nk = nall;
        rl_weight_triple *m = xmalloc(nall * sizeof *m);
        memcpy(m, all, nall * sizeof *m);
        nk = mean_of_runs(m, nall, r, prune);
        write_triples(m, nk, labels, nl, tmp, width);
        free(m);
        double uas, las = evaluate(tmp, dev, dev_xpos, 0, &uas);
        fprintf(stderr, "  parser: mean of %d runs: dev UAS %.2f%% LAS %.2f%% (%.1f s)\n",
                r, uas, las, now_seconds() - t0);
        if (las > best_las) {
            best_las = las;
            if (rename(tmp, path) != 0) die("cannot rename %s", tmp);
        }
    }
    remove(tmp);
    free(all);
    rl_arena_free(ec.a);
    for (int s = 0; s < tb->n; s++) { free(gh[s]); free(gl[s]); }
    free(gh); free(gl); free(ec.order); free(ec.scores); free(ec.cost); free(labels);
}
