/* parser.c — arc-hybrid transitions, Zhang & Nivre (2011) style features, greedy decoding. */
#include "parser.h"
#include "resources.h"

#include <string.h>

uint64_t rl_parse_word_hash(const char *form) {
    char buf[64];
    size_t k = 0;
    uint64_t h = 0x3c6ef372fe94f82bull;
    for (const char *p = form; *p; p++) {
        unsigned char c = (unsigned char)*p;
        buf[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        if (k == sizeof buf) { h = rl_hash_bytes(buf, k, h); k = 0; }
    }
    return rl_hash_bytes(buf, k, h);
}

uint64_t rl_parse_tag_hash(const char *xpos) { return rl_hash_bytes(xpos, strlen(xpos), 0x99); }

int rl_parse_state_init(rl_parse_state *st, int n, uint64_t *word, uint64_t *tag, rl_arena *arena) {
    size_t m = (size_t)n + 1;
    int *ints = rl_arena_alloc(arena, 9 * m * sizeof *ints);
    uint64_t *sets = rl_arena_calloc(arena, 2 * m, sizeof *sets);
    if (!ints || !sets) return -1;
    st->n = n;
    st->stack = ints;          st->head = ints + m;     st->label = ints + 2 * m;
    st->lc1 = ints + 3 * m;    st->lc2 = ints + 4 * m;  st->rc1 = ints + 5 * m;
    st->rc2 = ints + 6 * m;    st->nl = ints + 7 * m;   st->nr = ints + 8 * m;
    st->lset = sets;           st->rset = sets + m;
    for (size_t i = 0; i < m; i++) {
        st->head[i] = st->label[i] = -1;
        st->lc1[i] = st->lc2[i] = st->rc1[i] = st->rc2[i] = 0;
        st->nl[i] = st->nr[i] = 0;
    }
    st->stack[0] = 0;
    st->sp = 1;
    st->b = 1;
    word[0] = 0x726f6f74u;   /* "root" */
    tag[0] = 0x524f4f54u;
    st->word = word;
    st->tag = tag;
    return 0;
}

void rl_parse_legal(const rl_parse_state *st, int *shift, int *left, int *right) {
    int buf = st->b <= st->n;
    *shift = buf;
    *left = buf && st->sp >= 2;
    /* Onto the root only at the very end: that keeps a single root. */
    *right = st->sp >= 3 || (st->sp == 2 && !buf);
}

int rl_parse_class_legal(const rl_parse_state *st, int cls, int root_label) {
    int sh, le, ri;
    rl_parse_legal(st, &sh, &le, &ri);
    if (cls == RL_SHIFT) return sh;
    int l = (cls - 1) / 2;
    if (cls & 1) return le && l != root_label;
    return ri && ((st->stack[st->sp - 2] == 0) == (l == root_label));
}

static void attach(rl_parse_state *st, int h, int d, int l) {
    st->head[d] = h;
    st->label[d] = l;
    if (d < h) {
        /* d is left of h; lc1 is the leftmost. Arcs come in right-to-left order for
         * left dependents, so a new one is always the leftmost. */
        st->lc2[h] = st->lc1[h];
        st->lc1[h] = d;
        st->nl[h]++;
        st->lset[h] |= 1ull << (l & 63);
    } else {
        st->rc2[h] = st->rc1[h];
        st->rc1[h] = d;
        st->nr[h]++;
        st->rset[h] |= 1ull << (l & 63);
    }
}

void rl_parse_apply(rl_parse_state *st, int cls, int root_label) {
    if (cls == RL_SHIFT) {
        st->stack[st->sp++] = st->b++;
        return;
    }
    int l = (cls - 1) / 2, s0 = st->stack[st->sp - 1];
    if (cls & 1) {
        attach(st, st->b, s0, l);
    } else {
        int s1 = st->stack[st->sp - 2];
        attach(st, s1, s0, s1 == 0 ? root_label : l);
    }
    st->sp--;
}

#define NONE 0x6e6f6e65u
#define H1(id, a)       rl_hash_mix(rl_hash_mix(0x5bd1e995u * (id + 1), (a)), 0)
#define H2(id, a, b)    rl_hash_mix(rl_hash_mix(0x5bd1e995u * (id + 1), (a)), (b))
#define H3(id, a, b, c) rl_hash_mix(H2(id, a, b), (c))

/* What the feature templates read of a configuration, whichever way it is stored.
 * Word indices are -1 when absent; labels are those of the children. */
typedef struct view {
    int s0, s1, s2, b0;
    int s0l, s0l2, s0r, s0r2, s1l, s1r, b0l, b0l2;
    int ls0l, ls0l2, ls0r, ls0r2, ls1l, ls1r, lb0l, lb0l2;
    uint64_t s0vl, s0vr, b0vl, s0ls, s0rs, b0ls;
} view;

/* The templates fall into groups by what they read, so that the beam can cache the
 * summed weights of a group for items that share what it reads: G_B the buffer front
 * and the two words after it; G_S0B0 the stack top and buffer front words; G_STACK the
 * top three stack words; G_S0N the stack top's node (its dependents) and the buffer
 * front; G_S1N the nodes of the two top stack words; G_FRONT the buffer front and its
 * left dependents; G_ITEM the few templates left. A template's hash does not depend on
 * its group; rl_parse_features emits all groups. */
enum { G_B, G_S0B0, G_STACK, G_S0N, G_S1N, G_FRONT, G_ITEM, NGROUPS };

#define W(i) ((i) >= 0 ? word[i] : NONE)
#define T(i) ((i) >= 0 ? tag[i] : NONE)
#define L(i, l) ((i) > 0 ? (uint64_t)((l) + 2) : 0)
#define DIST(x) (uint64_t)((x) > 10 ? 11 : (x) > 6 ? 7 : (x) > 4 ? 5 : (x))

static int group_features(int g, const view *v, int n, const uint64_t *word,
                          const uint64_t *tag, uint64_t *out) {
    int k = 0;
    int s0 = v->s0, s1 = v->s1, s2 = v->s2, b0 = v->b0;
    int b1 = b0 >= 0 && b0 + 1 <= n ? b0 + 1 : -1;
    int b2 = b0 >= 0 && b0 + 2 <= n ? b0 + 2 : -1;
    uint64_t s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), b0w = W(b0), b0t = T(b0);
    uint64_t b1w = W(b1), b1t = T(b1);
    if (g == G_B) {
        uint64_t b2w = W(b2), b2t = T(b2), b0wt = rl_hash_mix(b0w, b0t);
        out[k++] = H1(0, 1);
        out[k++] = H1(7, b0w);   out[k++] = H1(8, b0t);   out[k++] = H1(9, b0wt);
        out[k++] = H1(10, b1w);  out[k++] = H1(11, b1t);  out[k++] = H2(12, b1w, b1t);
        out[k++] = H1(13, b2w);  out[k++] = H1(14, b2t);
        out[k++] = H2(23, b0t, b1t); out[k++] = H3(29, b0t, b1t, b2t);
        return k;
    }
    uint64_t s0wt = rl_hash_mix(s0w, s0t);
    if (g == G_S0B0) {
        uint64_t b0wt = rl_hash_mix(b0w, b0t);
        int dd = (s0 > 0 && b0 > 0) ? b0 - s0 : 0;
        uint64_t d = DIST(dd);
        out[k++] = H1(1, s0w);   out[k++] = H1(2, s0t);   out[k++] = H1(3, s0wt);
        out[k++] = H2(16, s0wt, b0wt); out[k++] = H2(17, s0wt, b0w); out[k++] = H2(18, s0w, b0wt);
        out[k++] = H2(19, s0wt, b0t);  out[k++] = H2(20, s0t, b0wt); out[k++] = H2(21, s0w, b0w);
        out[k++] = H2(22, s0t, b0t);   out[k++] = H3(30, s0t, b0t, b1t);
        out[k++] = H2(40, s0w, d); out[k++] = H2(41, s0t, d); out[k++] = H2(42, b0w, d);
        out[k++] = H2(43, b0t, d); out[k++] = H3(44, s0w, b0w, d); out[k++] = H3(45, s0t, b0t, d);
        out[k++] = H3(85, s0t, b0t, b1w);
        return k;
    }
    uint64_t s2t = T(s2), s1wt = rl_hash_mix(s1w, s1t);
    if (g == G_STACK) {
        int ds = (s0 > 0 && s1 >= 0) ? s0 - s1 : 0;
        uint64_t d1 = DIST(ds) + (s1 == 0 ? 100 : 0);
        out[k++] = H1(4, s1w);   out[k++] = H1(5, s1t);   out[k++] = H1(6, s1wt);
        out[k++] = H1(15, s2t);
        out[k++] = H2(24, s1wt, s0wt); out[k++] = H2(25, s1w, s0w);  out[k++] = H2(26, s1t, s0t);
        out[k++] = H2(27, s1wt, s0t);  out[k++] = H2(28, s1t, s0wt);
        out[k++] = H3(32, s2t, s1t, s0t);
        out[k++] = H3(46, s1t, s0t, d1); out[k++] = H3(47, s1w, s0w, d1); out[k++] = H2(48, s0t, d1);
        return k;
    }
    int s0l = v->s0l, s0l2 = v->s0l2, s0r = v->s0r, s0r2 = v->s0r2;
    int s1l = v->s1l, s1r = v->s1r, b0l = v->b0l, b0l2 = v->b0l2;
    if (g == G_S0N) {   /* the stack top's dependents, valency and label sets */
        uint64_t s0vl = v->s0vl, s0vr = v->s0vr, s0ls = v->s0ls, s0rs = v->s0rs;
        out[k++] = H3(33, s0t, T(s0l), b0t); out[k++] = H3(34, s0t, T(s0r), b0t);
        out[k++] = H2(49, s0w, s0vr); out[k++] = H2(50, s0t, s0vr); out[k++] = H2(51, s0w, s0vl);
        out[k++] = H2(52, s0t, s0vl);
        out[k++] = H1(55, W(s0l)); out[k++] = H1(56, T(s0l)); out[k++] = H1(57, L(s0l, v->ls0l));
        out[k++] = H1(58, W(s0r)); out[k++] = H1(59, T(s0r)); out[k++] = H1(60, L(s0r, v->ls0r));
        out[k++] = H1(64, T(s0l2)); out[k++] = H1(65, L(s0l2, v->ls0l2)); out[k++] = H1(66, T(s0r2));
        out[k++] = H1(67, L(s0r2, v->ls0r2));
        out[k++] = H2(72, s0t, L(s0l, v->ls0l)); out[k++] = H2(73, s0t, L(s0r, v->ls0r));
        out[k++] = H3(76, s0t, T(s0l), T(s0l2)); out[k++] = H3(77, s0t, T(s0r), T(s0r2));
        out[k++] = H2(79, s0w, s0rs); out[k++] = H2(80, s0t, s0rs); out[k++] = H2(81, s0w, s0ls);
        out[k++] = H2(82, s0t, s0ls);
        out[k++] = H3(87, s0t, W(s0l), b0t);
        return k;
    }
    if (g == G_S1N) {   /* the second stack word's dependents with the top's */
        out[k++] = H3(36, s1t, s0t, T(s0l)); out[k++] = H3(37, s1t, s0t, T(s0r));
        out[k++] = H3(38, s1t, T(s1r), s0t); out[k++] = H3(39, s1t, T(s1l), s0t);
        out[k++] = H1(70, L(s1l, v->ls1l)); out[k++] = H1(71, L(s1r, v->ls1r));
        out[k++] = H2(75, s1t, L(s1r, v->ls1r));
        return k;
    }
    if (g == G_FRONT) {   /* the buffer front's left dependents */
        uint64_t b0vl = v->b0vl, b0ls = v->b0ls;
        out[k++] = H2(53, b0w, b0vl); out[k++] = H2(54, b0t, b0vl);
        out[k++] = H1(61, W(b0l)); out[k++] = H1(62, T(b0l)); out[k++] = H1(63, L(b0l, v->lb0l));
        out[k++] = H1(68, T(b0l2)); out[k++] = H1(69, L(b0l2, v->lb0l2));
        out[k++] = H2(74, b0t, L(b0l, v->lb0l));
        out[k++] = H3(78, b0t, T(b0l), T(b0l2));
        out[k++] = H2(83, b0w, b0ls); out[k++] = H2(84, b0t, b0ls);
        return k;
    }
    /* G_ITEM: the rest */
    out[k++] = H3(31, s1t, s0t, b0t);
    out[k++] = H3(35, s0t, b0t, T(b0l));
    out[k++] = H3(86, s1t, s0w, b0t);
    return k;
}
#undef W
#undef T
#undef L
#undef DIST

static int view_features(const view *v, int n, const uint64_t *word, const uint64_t *tag,
                         uint64_t *out) {
    int k = 0;
    for (int g = 0; g < NGROUPS; g++) k += group_features(g, v, n, word, tag, out + k);
    return k;
}

int rl_parse_features(const rl_parse_state *st, uint64_t *out) {
    view v;
    v.s0 = st->sp >= 1 ? st->stack[st->sp - 1] : -1;
    v.s1 = st->sp >= 2 ? st->stack[st->sp - 2] : -1;
    v.s2 = st->sp >= 3 ? st->stack[st->sp - 3] : -1;
    v.b0 = st->b <= st->n ? st->b : -1;
#define CH(arr, i) ((i) >= 0 && st->arr[i] > 0 ? st->arr[i] : -1)
#define LB(i) ((i) > 0 ? st->label[i] : -1)
    v.s0l = CH(lc1, v.s0); v.s0l2 = CH(lc2, v.s0); v.s0r = CH(rc1, v.s0); v.s0r2 = CH(rc2, v.s0);
    v.s1l = CH(lc1, v.s1); v.s1r = CH(rc1, v.s1); v.b0l = CH(lc1, v.b0); v.b0l2 = CH(lc2, v.b0);
    v.ls0l = LB(v.s0l); v.ls0l2 = LB(v.s0l2); v.ls0r = LB(v.s0r); v.ls0r2 = LB(v.s0r2);
    v.ls1l = LB(v.s1l); v.ls1r = LB(v.s1r); v.lb0l = LB(v.b0l); v.lb0l2 = LB(v.b0l2);
#undef CH
#undef LB
    v.s0vl = v.s0 >= 0 ? (uint64_t)st->nl[v.s0] : 99;
    v.s0vr = v.s0 >= 0 ? (uint64_t)st->nr[v.s0] : 99;
    v.b0vl = v.b0 >= 0 ? (uint64_t)st->nl[v.b0] : 99;
    v.s0ls = v.s0 >= 0 ? st->lset[v.s0] : 1;
    v.s0rs = v.s0 >= 0 ? st->rset[v.s0] : 1;
    v.b0ls = v.b0 >= 0 ? st->lset[v.b0] : 1;
    return view_features(&v, st->n, st->word, st->tag, out);
}

/* ---- beam search ---------------------------------------------------------------------- */

static void item_view(const rl_parse_beam *bm, const rl_parse_item *it, view *vp) {
    static const rl_parse_node none = {NULL, 0, 0, -1, 0, 0, 0, 0, 0, 0, -1, -1, -1, -1};
    const rl_parse_node *n0 = it->top, *n1 = n0->below, *n2 = n1 ? n1->below : NULL;
    const rl_parse_node *f = it->front ? it->front : &none;
    view v;
    v.s0 = n0->w;
    v.s1 = n1 ? n1->w : -1;
    v.s2 = n2 ? n2->w : -1;
    v.b0 = it->b <= bm->n ? it->b : -1;
    if (!n1) n1 = &none;
    /* A child index of 0 means none (the root is nobody's child). */
#define CH(node, c) ((node)->c > 0 ? (node)->c : -1)
    v.s0l = CH(n0, lc1); v.s0l2 = CH(n0, lc2); v.s0r = CH(n0, rc1); v.s0r2 = CH(n0, rc2);
    v.s1l = CH(n1, lc1); v.s1r = CH(n1, rc1);
    v.b0l = v.b0 >= 0 ? CH(f, lc1) : -1; v.b0l2 = v.b0 >= 0 ? CH(f, lc2) : -1;
#undef CH
    v.ls0l = n0->llc1; v.ls0l2 = n0->llc2; v.ls0r = n0->lrc1; v.ls0r2 = n0->lrc2;
    v.ls1l = n1->llc1; v.ls1r = n1->lrc1; v.lb0l = f->llc1; v.lb0l2 = f->llc2;
    v.s0vl = (uint64_t)n0->nl; v.s0vr = (uint64_t)n0->nr;
    v.s0ls = n0->lset; v.s0rs = n0->rset;
    v.b0vl = v.b0 >= 0 ? (uint64_t)f->nl : 99;
    v.b0ls = v.b0 >= 0 ? f->lset : 1;
    *vp = v;
}

int rl_parse_item_features(const rl_parse_beam *bm, const rl_parse_item *it, uint64_t *out) {
    view v;
    item_view(bm, it, &v);
    return view_features(&v, bm->n, bm->word, bm->tag, out);
}

static rl_parse_node *new_node(rl_arena *a, int w, const rl_parse_node *copy) {
    rl_parse_node *nd = rl_arena_alloc(a, sizeof *nd);
    if (!nd) return NULL;
    if (copy) {
        *nd = *copy;
    } else {
        memset(nd, 0, sizeof *nd);
        nd->w = w;
        nd->llc1 = nd->llc2 = nd->lrc1 = nd->lrc2 = -1;
    }
    return nd;
}

const rl_parse_item *rl_parse_beam_start(rl_parse_beam *bm, uint64_t *word, uint64_t *tag) {
    word[0] = 0x726f6f74u;   /* as rl_parse_state_init */
    tag[0] = 0x524f4f54u;
    bm->word = word;
    bm->tag = tag;
    rl_parse_item *it = rl_arena_alloc(bm->arena, sizeof *it);
    rl_parse_node *root = new_node(bm->arena, 0, NULL);
    if (!it || !root) return NULL;
    root->below = NULL;
    *it = (rl_parse_item){NULL, root, NULL, 0, 1, 1, -1, 1};
    return it;
}

/* The item reached from it by transition cls (legal), with the given total score. */
static rl_parse_item *beam_apply(const rl_parse_beam *bm, const rl_parse_item *it, int cls,
                                 double score, int gold) {
    rl_arena *a = bm->arena;
    rl_parse_item *nx = rl_arena_alloc(a, sizeof *nx);
    if (!nx) return NULL;
    *nx = (rl_parse_item){it, it->top, it->front, score, it->sp, it->b, cls, gold};
    if (cls == RL_SHIFT) {
        rl_parse_node *nd = new_node(a, it->b, it->front);
        if (!nd) return NULL;
        nd->below = it->top;
        nx->top = nd;
        nx->front = NULL;
        nx->sp++;
        nx->b++;
        return nx;
    }
    int l = (cls - 1) / 2, d = it->top->w;
    rl_parse_node *h;
    if (cls & 1) {   /* LEFT: the stack top becomes the buffer front's leftmost child */
        if (!(h = new_node(a, it->b, it->front))) return NULL;
        h->llc2 = h->llc1; h->lc2 = h->lc1;
        h->llc1 = l;       h->lc1 = d;
        h->nl++;
        h->lset |= 1ull << (l & 63);
        nx->front = h;
        nx->top = it->top->below;
    } else {         /* RIGHT: the stack top becomes the rightmost child of the one below */
        const rl_parse_node *s1 = it->top->below;
        if (!(h = new_node(a, s1->w, s1))) return NULL;
        if (s1->w == 0) l = bm->root_label;
        h->lrc2 = h->lrc1; h->rc2 = h->rc1;
        h->lrc1 = l;       h->rc1 = d;
        h->nr++;
        h->rset |= 1ull << (l & 63);
        nx->top = h;
    }
    nx->sp--;
    return nx;
}

int rl_parse_beam_step(const rl_parse_beam *bm, const rl_parse_item *const *cur, int k,
                       const rl_parse_item **next, int gold_cls) {
    /* The best width (item, transition) pairs so far, best first. */
    int from[RL_PARSE_MAX_BEAM], cls[RL_PARSE_MAX_BEAM], m = 0;
    double best[RL_PARSE_MAX_BEAM];
    int width = bm->width < 1 ? 1 : bm->width > RL_PARSE_MAX_BEAM ? RL_PARSE_MAX_BEAM : bm->width;
    for (int i = 0; i < k; i++) {
        const rl_parse_item *it = cur[i];
        int sh = it->b <= bm->n, le = sh && it->sp >= 2;
        int ri = it->sp >= 3 || (it->sp == 2 && !sh);
        int onto_root = it->sp >= 2 && it->top->below->w == 0;
        bm->score(bm->ctx, bm, it, bm->scores);
        for (int c = 0; c < bm->nclasses; c++) {
            int ok = c == 0 ? sh : (c & 1) ? le && (c - 1) / 2 != bm->root_label
                                           : ri && onto_root == ((c - 1) / 2 == bm->root_label);
            if (!ok) continue;
            double s = it->score + bm->scores[c];
            if (m == width && !(s > best[m - 1])) continue;
            /* Strictly better only: an equal score stays behind the earlier pair. */
            int pos = m < width ? m++ : width - 1;
            while (pos > 0 && best[pos - 1] < s) {
                best[pos] = best[pos - 1]; from[pos] = from[pos - 1]; cls[pos] = cls[pos - 1];
                pos--;
            }
            best[pos] = s; from[pos] = i; cls[pos] = c;
        }
    }
    for (int j = 0; j < m; j++) {
        const rl_parse_item *it = cur[from[j]];
        next[j] = beam_apply(bm, it, cls[j], best[j], it->gold && cls[j] == gold_cls);
        if (!next[j]) return -1;
    }
    return m;
}

/* ---- the loaded model ---------------------------------------------------------------- */

static int parser_setup(rl_parser *p, rl_error *err) {
    size_t sz;
    const void *d;
    if (rl_model_check_features(&p->file, RL_PARSE_FEATURE_SET, err) != 0) return -1;
    if (!(d = rl_model_section(&p->file, RL_PARSE_SEC_WEIGHTS, 16, &sz, err)) ||
        rl_weights_load(&p->wt, d, sz, p->file.path, err) != 0)
        return -1;
    if (!(d = rl_model_section(&p->file, RL_PARSE_SEC_LABELS, 4, &sz, err)) ||
        rl_strtab_load(&p->labels, d, sz, p->file.path, err) != 0)
        return -1;
    p->nlabels = (int)p->labels.count;
    /* Optional: files without it (older models) are greedy. */
    rl_error ignore;
    p->beam = 1;
    if ((d = rl_model_section(&p->file, RL_PARSE_SEC_BEAM, 4, &sz, &ignore))) {
        uint32_t w;
        memcpy(&w, d, 4);
        if (w < 1 || w > RL_PARSE_MAX_BEAM) {
            rl_error_set(err, RL_ERR_FORMAT, p->file.path, 0,
                         "corrupt model file: beam width %u out of range", w);
            return -1;
        }
        p->beam = (int)w;
    }
    p->root_label = -1;
    for (int l = 0; l < p->nlabels; l++)
        if (!strcmp(rl_strtab_get(&p->labels, (uint32_t)l), "root")) p->root_label = l;
    if (p->nlabels < 2 || p->nlabels > RL_PARSE_MAX_LABELS || p->root_label < 0 ||
        p->wt.nclasses != (uint32_t)(1 + 2 * p->nlabels)) {
        rl_error_set(err, RL_ERR_FORMAT, p->file.path, 0,
                     "corrupt model file: labels do not match the weight table");
        return -1;
    }
    return 0;
}

int rl_parser_open(rl_parser *p, const char *path, rl_error *err) {
    memset(p, 0, sizeof *p);
    if (rl_model_file_open(&p->file, path, RL_PARSER_KIND, err) != 0) return -1;
    if (parser_setup(p, err) != 0) { rl_model_file_close(&p->file); return -1; }
    return 0;
}

int rl_parser_from_memory(rl_parser *p, const void *data, size_t size, rl_error *err) {
    memset(p, 0, sizeof *p);
    if (rl_model_file_from_memory(&p->file, "parser", data, size, RL_PARSER_KIND, err) != 0)
        return -1;
    return parser_setup(p, err);
}

void rl_parser_close(rl_parser *p) { rl_model_file_close(&p->file); }

/* Word and tag hashes of the sentence, 1..n (0 is the root's, set by the state). */
static int sentence_hashes(const rl_sentence *s, rl_arena *arena, uint64_t **word, uint64_t **tag) {
    int n = s->ntokens;
    *word = rl_arena_alloc(arena, (size_t)(n + 1) * sizeof **word);
    *tag = rl_arena_alloc(arena, (size_t)(n + 1) * sizeof **tag);
    if (!*word || !*tag) return -1;
    for (int i = 1; i <= n; i++) {
        const rl_token *t = &s->tokens[i - 1];
        (*word)[i] = rl_parse_word_hash(t->form ? t->form : "");
        (*tag)[i] = rl_parse_tag_hash(t->xpos ? t->xpos : "");
    }
    return 0;
}

static void write_tree(const rl_parser *p, const rl_parse_state *st, rl_sentence *s) {
    for (int i = 1; i <= st->n; i++) {
        s->tokens[i - 1].head = st->head[i];
        s->tokens[i - 1].deprel = rl_strtab_get(&p->labels, (uint32_t)st->label[i]);
    }
}

static int parse_greedy(const rl_parser *p, rl_sentence *s, rl_arena *arena) {
    int n = s->ntokens;
    uint64_t *word, *tag;
    int32_t *scores = rl_arena_alloc(arena, RL_WEIGHTS_PAD(p->wt.nclasses) * sizeof *scores);
    if (!scores || sentence_hashes(s, arena, &word, &tag) != 0) return -1;
    rl_parse_state st;
    if (rl_parse_state_init(&st, n, word, tag, arena) != 0) return -1;
    uint64_t feats[RL_PARSE_MAX_FEATS];
    int nc = (int)p->wt.nclasses;
    while (!rl_parse_done(&st)) {
        int sh, le, ri;
        rl_parse_legal(&st, &sh, &le, &ri);
        memset(scores, 0, RL_WEIGHTS_PAD(p->wt.nclasses) * sizeof *scores);
        int nf = rl_parse_features(&st, feats);
        rl_weights_add_all(&p->wt, feats, nf, scores);
        /* "root" exactly for the arc onto the root. */
        int best = -1, onto_root = st.sp >= 2 && st.stack[st.sp - 2] == 0;
        for (int c = 0; c < nc; c++) {
            int ok = c == 0 ? sh : (c & 1) ? le && (c - 1) / 2 != p->root_label
                                           : ri && onto_root == ((c - 1) / 2 == p->root_label);
            if (ok && (best < 0 || scores[c] > scores[best])) best = c;
        }
        rl_parse_apply(&st, best, p->root_label);
    }
    write_tree(p, &st, s);
    return 0;
}

/* The run time's beam scorer. Items of one step share their buffer front and often the
 * words and dependents at the top of their stack; the summed weights of each feature
 * group (see group_features) are kept per sentence in a small open-addressed table keyed
 * by the group and what it reads, so an item mostly adds a few cached sums instead of
 * looking up 88 features. Word-index keys are exact; keys over dependents are two
 * independent 64-bit hashes of the fields the group reads (a false match would need
 * both to collide). The sums are the same integers as without the cache. */
typedef struct cache_key { uint64_t a, b; } cache_key;
typedef struct scorer_ctx {
    const rl_parser *p;
    uint32_t pad;
    int32_t *buf;                 /* pad scratch */
    cache_key *key;               /* nslots; a == 0 = empty */
    int32_t **row;                /* nslots: the cached sums, pad each */
    uint32_t nslots, used, cap;   /* cap = how many sums may be cached (half the slots) */
    rl_arena *arena;
} scorer_ctx;

/* Adds the group's summed weights to buf, from the cache or computed (and cached).
 * key.a is never 0: it carries the group number in its low 4 bits (nodes are 16-byte
 * aligned, word indices are shifted). */
static void add_group(scorer_ctx *sc, int g, cache_key key, const view *v,
                      const rl_parse_beam *bm) {
    uint64_t f[RL_PARSE_MAX_FEATS];
    uint32_t i = (uint32_t)rl_hash_mix(key.a, key.b) & (sc->nslots - 1);
    for (; sc->key[i].a; i = (i + 1) & (sc->nslots - 1)) {
        if (sc->key[i].a != key.a || sc->key[i].b != key.b) continue;
        const int32_t *r = sc->row[i];
        for (uint32_t c = 0; c < sc->pad; c++) sc->buf[c] += r[c];
        return;
    }
    int nf = group_features(g, v, bm->n, bm->word, bm->tag, f);
    int32_t *r = sc->used < sc->cap ? rl_arena_calloc(sc->arena, sc->pad, sizeof *r) : NULL;
    if (!r) {   /* full (or out of memory): this sum is not cached */
        rl_weights_add_all(&sc->p->wt, f, nf, sc->buf);
        return;
    }
    rl_weights_add_all(&sc->p->wt, f, nf, r);
    sc->key[i] = key;
    sc->row[i] = r;
    sc->used++;
    for (uint32_t c = 0; c < sc->pad; c++) sc->buf[c] += r[c];
}

/* Two hashes of n values, for a key; the group goes into the low bits of a. */
static cache_key key_of(int g, const uint64_t *x, int n) {
    uint64_t a = 0x243f6a8885a308d3ull, b = 0x13198a2e03707344ull;
    for (int i = 0; i < n; i++) { a = rl_hash_mix(a, x[i]); b = rl_hash_mix(b, x[i] + 0x9e37u); }
    return (cache_key){(a & ~15ull) | (uint64_t)g, b};
}

static void model_score(const void *ctx, const rl_parse_beam *bm, const rl_parse_item *it,
                        double *scores) {
    scorer_ctx *sc = (scorer_ctx *)ctx;
    view v;
    item_view(bm, it, &v);
    memset(sc->buf, 0, sc->pad * sizeof *sc->buf);
    /* Word indices + 1 (so that -1 is 0), 20 bits each; the cache is off for sentences
     * too long for that. */
    uint64_t b0 = (uint64_t)(v.b0 + 1), s0 = (uint64_t)(v.s0 + 1);
    uint64_t s1 = (uint64_t)(v.s1 + 1), s2 = (uint64_t)(v.s2 + 1);
    add_group(sc, G_B, (cache_key){1 + 16 * b0, 0}, &v, bm);
    add_group(sc, G_S0B0, (cache_key){2 + 16 * (s0 << 20 | b0), 0}, &v, bm);
    add_group(sc, G_STACK, (cache_key){3 + 16 * (s2 << 40 | s1 << 20 | s0), 0}, &v, bm);
    /* What group_features reads for the three node groups, as unsigned values. */
#define U(x) (uint64_t)(uint32_t)(x)
    const uint64_t k0[] = {s0, b0, U(v.s0l), U(v.s0l2), U(v.s0r), U(v.s0r2), U(v.ls0l),
                           U(v.ls0l2), U(v.ls0r), U(v.ls0r2), v.s0vl, v.s0vr, v.s0ls, v.s0rs};
    const uint64_t k1[] = {s1, s0, U(v.s0l), U(v.s0r), U(v.s1l), U(v.s1r), U(v.ls1l), U(v.ls1r)};
    const uint64_t k2[] = {b0, U(v.b0l), U(v.b0l2), U(v.lb0l), U(v.lb0l2), v.b0vl, v.b0ls};
#undef U
    add_group(sc, G_S0N, key_of(4, k0, 14), &v, bm);
    add_group(sc, G_S1N, key_of(5, k1, 8), &v, bm);
    add_group(sc, G_FRONT, key_of(6, k2, 7), &v, bm);
    uint64_t f[RL_PARSE_MAX_FEATS];
    int nf = group_features(G_ITEM, &v, bm->n, bm->word, bm->tag, f);
    rl_weights_add_all(&sc->p->wt, f, nf, sc->buf);
    /* In the perceptron's units (exact: an int32 times a float fits a double). */
    double scale = sc->p->wt.scale;
    for (uint32_t c = 0; c < sc->p->wt.nclasses; c++) scores[c] = sc->buf[c] * scale;
}

int rl_parser_parse_beam(const rl_parser *p, rl_sentence *s, rl_arena *arena, int width) {
    int n = s->ntokens;
    if (n <= 0) return 0;
    uint64_t *word, *tag;
    /* Room for about 32 distinct sums per word (a beam of 8 needs fewer). */
    uint32_t cap = n < (1 << 18) ? 32 * (uint32_t)(n + 1) : 0, nslots = 16;
    while (nslots < 2 * cap) nslots *= 2;
    scorer_ctx sc = {p, RL_WEIGHTS_PAD(p->wt.nclasses),
                     rl_arena_alloc(arena, RL_WEIGHTS_PAD(p->wt.nclasses) * sizeof(int32_t)),
                     rl_arena_calloc(arena, nslots, sizeof(cache_key)),
                     rl_arena_alloc(arena, nslots * sizeof(int32_t *)), nslots, 0, cap, arena};
    rl_parse_beam bm = {n, (int)p->wt.nclasses, p->root_label, width, NULL, NULL,
                        model_score, &sc,
                        rl_arena_alloc(arena, p->wt.nclasses * sizeof(double)), arena};
    const rl_parse_item *buf[2][RL_PARSE_MAX_BEAM];
    int *seq = rl_arena_alloc(arena, 2 * (size_t)n * sizeof *seq);
    if (!sc.buf || !sc.key || !sc.row || !bm.scores || !seq || sentence_hashes(s, arena, &word, &tag) != 0) return -1;
    if (!(buf[0][0] = rl_parse_beam_start(&bm, word, tag))) return -1;
    int k = 1, cur = 0;
    for (int t = 0; t < 2 * n; t++) {
        k = rl_parse_beam_step(&bm, buf[cur], k, buf[!cur], -1);
        if (k < 0) return -1;
        cur = !cur;
    }
    /* Every item ends after exactly 2n transitions; replay the best one's. */
    int t = 2 * n;
    for (const rl_parse_item *it = buf[cur][0]; it->prev; it = it->prev) seq[--t] = it->cls;
    rl_parse_state st;
    if (rl_parse_state_init(&st, n, word, tag, arena) != 0) return -1;
    for (t = 0; t < 2 * n; t++) rl_parse_apply(&st, seq[t], p->root_label);
    write_tree(p, &st, s);
    return 0;
}

int rl_parser_parse_width(const rl_parser *p, rl_sentence *s, rl_arena *arena, int width) {
    if (s->ntokens <= 0) return 0;
    if (width <= 0) width = p->beam;
    return width == 1 ? parse_greedy(p, s, arena) : rl_parser_parse_beam(p, s, arena, width);
}

int rl_parser_parse(const rl_parser *p, rl_sentence *s, rl_arena *arena) {
    return rl_parser_parse_width(p, s, arena, 0);
}
