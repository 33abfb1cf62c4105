/* train_parser.c — arc-hybrid parser trained with the dynamic oracle of Goldberg & Nivre
 * (2012, 2013) and exploration: after the first epoch the parser follows its own
 * (possibly wrong) prediction 90% of the time and learns the best action from there. */
#include "common.h"
#include "parser.h"
#include "perceptron.h"

#include <stdlib.h>
#include <string.h>

#define MAX_EPOCHS 15
#define EXPLORE_P 0.9
/* Averaged weights smaller than this are dropped from the saved model (size, speed). */
#define PRUNE 1.0f

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

static void write_model(const perceptron *p, const lab *labels, int nl, const char *path, float prune) {
    size_t nt, wsize;
    rl_weight_triple *t = pc_export(p, prune, &nt);
    if (!t) die("out of memory");
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
        rl_model_writer_add(mw, RL_MODEL_SEC_FEATURES, &(uint32_t){RL_PARSE_FEATURE_SET}, 4))
        die("out of memory");
    if (rl_model_writer_save(mw, path, &err) != 0) die("%s: %s", path, err.reason);
    rl_model_writer_free(mw);
    free(t); free(w); free(off); free(chars.b); free(lb);
}

/* UAS and LAS (universal part of the label) of the model at path on dev. */
static double evaluate(const char *path, const rl_treebank *dev, const char *const *const *xpos,
                       double *uas) {
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
        if (rl_parser_parse(&ps, &sent, a)) die("out of memory");
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

    perceptron p;
    if (pc_init(&p, ncls)) die("out of memory");
    int *order = xmalloc((size_t)tb->n * sizeof *order);
    for (int s = 0; s < tb->n; s++) order[s] = s;
    float *scores = xmalloc((size_t)ncls * sizeof *scores);
    int *cost = xmalloc((size_t)ncls * sizeof *cost);
    uint64_t feats[RL_PARSE_MAX_FEATS];
    rl_arena *a = rl_arena_new(0);
    const char *env = getenv("RLTRAIN_PARSER_EPOCHS");
    int max_epochs = epochs ? epochs : env ? atoi(env) : MAX_EPOCHS, best_epoch = 0;
    double best_las = -1;
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.epoch", path);
    for (int e = 1; e <= max_epochs; e++) {
        double t0 = now_seconds();
        shuffle(order, tb->n, &seed);
        long steps = 0, errors = 0;
        for (int oi = 0; oi < tb->n; oi++) {
            int s = order[oi], n = tb->s[s].n;
            rl_arena_reset(a);
            uint64_t *word = rl_arena_alloc(a, (size_t)(n + 1) * 8), *tag = rl_arena_alloc(a, (size_t)(n + 1) * 8);
            rl_parse_state st;
            if (!word || !tag || rl_parse_state_init(&st, n, word, tag, a)) die("out of memory");
            for (int i = 1; i <= n; i++) {
                word[i] = rl_parse_word_hash(tb->s[s].tok[i - 1].form);
                tag[i] = rl_parse_tag_hash(train_xpos[s][i - 1]);
            }
            while (!rl_parse_done(&st)) {
                int nf = rl_parse_features(&st, feats);
                memset(scores, 0, (size_t)ncls * sizeof *scores);
                pc_score(&p, feats, nf, scores);
                int csh, cle, cri;
                arc_costs(&st, gh[s], &csh, &cle, &cri);
                int s0 = st.stack[st.sp - 1];
                int pred = -1, best = -1, mincost = 1 << 30;
                for (int c = 0; c < ncls; c++) {
                    if (!rl_parse_class_legal(&st, c, root)) { cost[c] = -1; continue; }
                    if (c == 0) cost[c] = csh;
                    else if (c & 1) cost[c] = cle + (gh[s][s0] == st.b && (c - 1) / 2 != gl[s][s0]);
                    else cost[c] = cri + (gh[s][s0] == st.stack[st.sp - 2] && (c - 1) / 2 != gl[s][s0]);
                    if (cost[c] < mincost) mincost = cost[c];
                    if (pred < 0 || scores[c] > scores[pred]) pred = c;
                }
                for (int c = 0; c < ncls; c++)
                    if (cost[c] == mincost && (best < 0 || scores[c] > scores[best])) best = c;
                pc_tick(&p);
                steps++;
                int next = pred;
                if (cost[pred] > mincost) {
                    errors++;
                    if (pc_update(&p, feats, nf, best, pred)) die("out of memory");
                    if (e == 1 || (double)(rng_next(&seed) >> 11) / 9007199254740992.0 >= EXPLORE_P)
                        next = best;
                }
                rl_parse_apply(&st, next, root);
            }
        }
        /* RLTRAIN_PARSER_SWEEP="1,2,4": also report dev scores at other pruning levels. */
        const char *sweep = getenv("RLTRAIN_PARSER_SWEEP");
        for (const char *q = sweep; q && *q;) {
            float pr = strtof(q, (char **)&q);
            write_model(&p, labels, nl, tmp, pr);
            double su, sl = evaluate(tmp, dev, dev_xpos, &su);
            fprintf(stderr, "    prune %.2f: dev UAS %.2f%% LAS %.2f%%\n", pr, su, sl);
            if (*q == ',') q++; else break;
        }
        const char *env = getenv("RLTRAIN_PARSER_PRUNE");
        write_model(&p, labels, nl, tmp, env ? strtof(env, NULL) : PRUNE);
        double uas, las = evaluate(tmp, dev, dev_xpos, &uas);
        fprintf(stderr, "  parser epoch %d: %.1f%% wrong steps, dev UAS %.2f%% LAS %.2f%% (%.1f s)\n",
                e, 100.0 * errors / (steps ? steps : 1), uas, las, now_seconds() - t0);
        if (las > best_las) {
            best_las = las; best_epoch = e;
            if (rename(tmp, path) != 0) die("cannot rename %s", tmp);
        } else if (e - best_epoch >= 3) {
            break;
        }
    }
    remove(tmp);
    fprintf(stderr, "  parser: best dev LAS %.2f%% after %d epochs\n", best_las, best_epoch);
    rl_arena_free(a);
    pc_free(&p);
    for (int s = 0; s < tb->n; s++) { free(gh[s]); free(gl[s]); }
    free(gh); free(gl); free(order); free(scores); free(cost); free(labels);
}
