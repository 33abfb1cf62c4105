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

int rl_parse_features(const rl_parse_state *st, uint64_t *out) {
    int k = 0;
    int s0 = st->sp >= 1 ? st->stack[st->sp - 1] : -1;
    int s1 = st->sp >= 2 ? st->stack[st->sp - 2] : -1;
    int s2 = st->sp >= 3 ? st->stack[st->sp - 3] : -1;
    int b0 = st->b <= st->n ? st->b : -1;
    int b1 = st->b + 1 <= st->n ? st->b + 1 : -1;
    int b2 = st->b + 2 <= st->n ? st->b + 2 : -1;
#define W(i) ((i) >= 0 ? st->word[i] : NONE)
#define T(i) ((i) >= 0 ? st->tag[i] : NONE)
#define L(i) ((i) > 0 ? (uint64_t)(st->label[i] + 2) : 0)
#define CH(arr, i) ((i) >= 0 && st->arr[i] > 0 ? st->arr[i] : -1)
    int s0l = CH(lc1, s0), s0l2 = CH(lc2, s0), s0r = CH(rc1, s0), s0r2 = CH(rc2, s0);
    int s1l = CH(lc1, s1), s1r = CH(rc1, s1), b0l = CH(lc1, b0), b0l2 = CH(lc2, b0);
    uint64_t s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), b0w = W(b0), b0t = T(b0);
    uint64_t b1w = W(b1), b1t = T(b1), b2w = W(b2), b2t = T(b2), s2t = T(s2);
    uint64_t s0wt = rl_hash_mix(s0w, s0t), s1wt = rl_hash_mix(s1w, s1t), b0wt = rl_hash_mix(b0w, b0t);
    int dd = (s0 > 0 && b0 > 0) ? b0 - s0 : 0;
    uint64_t d = (uint64_t)(dd > 10 ? 11 : dd > 6 ? 7 : dd > 4 ? 5 : dd);
    int ds = (s0 > 0 && s1 >= 0) ? s0 - s1 : 0;
    uint64_t d1 = (uint64_t)(ds > 10 ? 11 : ds > 6 ? 7 : ds > 4 ? 5 : ds) + (s1 == 0 ? 100 : 0);
    uint64_t s0vl = s0 >= 0 ? (uint64_t)st->nl[s0] : 99, s0vr = s0 >= 0 ? (uint64_t)st->nr[s0] : 99;
    uint64_t b0vl = b0 >= 0 ? (uint64_t)st->nl[b0] : 99;
    uint64_t s0ls = s0 >= 0 ? st->lset[s0] : 1, s0rs = s0 >= 0 ? st->rset[s0] : 1;
    uint64_t b0ls = b0 >= 0 ? st->lset[b0] : 1;

    out[k++] = H1(0, 1);
    /* single items */
    out[k++] = H1(1, s0w);   out[k++] = H1(2, s0t);   out[k++] = H1(3, s0wt);
    out[k++] = H1(4, s1w);   out[k++] = H1(5, s1t);   out[k++] = H1(6, s1wt);
    out[k++] = H1(7, b0w);   out[k++] = H1(8, b0t);   out[k++] = H1(9, b0wt);
    out[k++] = H1(10, b1w);  out[k++] = H1(11, b1t);  out[k++] = H2(12, b1w, b1t);
    out[k++] = H1(13, b2w);  out[k++] = H1(14, b2t);  out[k++] = H1(15, s2t);
    /* pairs */
    out[k++] = H2(16, s0wt, b0wt); out[k++] = H2(17, s0wt, b0w); out[k++] = H2(18, s0w, b0wt);
    out[k++] = H2(19, s0wt, b0t);  out[k++] = H2(20, s0t, b0wt); out[k++] = H2(21, s0w, b0w);
    out[k++] = H2(22, s0t, b0t);   out[k++] = H2(23, b0t, b1t);
    out[k++] = H2(24, s1wt, s0wt); out[k++] = H2(25, s1w, s0w);  out[k++] = H2(26, s1t, s0t);
    out[k++] = H2(27, s1wt, s0t);  out[k++] = H2(28, s1t, s0wt);
    /* tag trigrams */
    out[k++] = H3(29, b0t, b1t, b2t);  out[k++] = H3(30, s0t, b0t, b1t);
    out[k++] = H3(31, s1t, s0t, b0t);  out[k++] = H3(32, s2t, s1t, s0t);
    out[k++] = H3(33, s0t, T(s0l), b0t); out[k++] = H3(34, s0t, T(s0r), b0t);
    out[k++] = H3(35, s0t, b0t, T(b0l)); out[k++] = H3(36, s1t, s0t, T(s0l));
    out[k++] = H3(37, s1t, s0t, T(s0r)); out[k++] = H3(38, s1t, T(s1r), s0t);
    out[k++] = H3(39, s1t, T(s1l), s0t);
    /* distance */
    out[k++] = H2(40, s0w, d); out[k++] = H2(41, s0t, d); out[k++] = H2(42, b0w, d);
    out[k++] = H2(43, b0t, d); out[k++] = H3(44, s0w, b0w, d); out[k++] = H3(45, s0t, b0t, d);
    out[k++] = H3(46, s1t, s0t, d1); out[k++] = H3(47, s1w, s0w, d1); out[k++] = H2(48, s0t, d1);
    /* valency */
    out[k++] = H2(49, s0w, s0vr); out[k++] = H2(50, s0t, s0vr); out[k++] = H2(51, s0w, s0vl);
    out[k++] = H2(52, s0t, s0vl); out[k++] = H2(53, b0w, b0vl); out[k++] = H2(54, b0t, b0vl);
    /* dependents */
    out[k++] = H1(55, W(s0l)); out[k++] = H1(56, T(s0l)); out[k++] = H1(57, L(s0l));
    out[k++] = H1(58, W(s0r)); out[k++] = H1(59, T(s0r)); out[k++] = H1(60, L(s0r));
    out[k++] = H1(61, W(b0l)); out[k++] = H1(62, T(b0l)); out[k++] = H1(63, L(b0l));
    out[k++] = H1(64, T(s0l2)); out[k++] = H1(65, L(s0l2)); out[k++] = H1(66, T(s0r2));
    out[k++] = H1(67, L(s0r2)); out[k++] = H1(68, T(b0l2)); out[k++] = H1(69, L(b0l2));
    out[k++] = H1(70, L(s1l)); out[k++] = H1(71, L(s1r)); out[k++] = H2(72, s0t, L(s0l));
    out[k++] = H2(73, s0t, L(s0r)); out[k++] = H2(74, b0t, L(b0l)); out[k++] = H2(75, s1t, L(s1r));
    out[k++] = H3(76, s0t, T(s0l), T(s0l2)); out[k++] = H3(77, s0t, T(s0r), T(s0r2));
    out[k++] = H3(78, b0t, T(b0l), T(b0l2));
    /* label sets */
    out[k++] = H2(79, s0w, s0rs); out[k++] = H2(80, s0t, s0rs); out[k++] = H2(81, s0w, s0ls);
    out[k++] = H2(82, s0t, s0ls); out[k++] = H2(83, b0w, b0ls); out[k++] = H2(84, b0t, b0ls);
    /* the stack top against its neighbours' words */
    out[k++] = H3(85, s0t, b0t, b1w); out[k++] = H3(86, s1t, s0w, b0t);
    out[k++] = H3(87, s0t, W(s0l), b0t);
#undef W
#undef T
#undef L
#undef CH
    return k;
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

int rl_parser_parse(const rl_parser *p, rl_sentence *s, rl_arena *arena) {
    int n = s->ntokens;
    if (n <= 0) return 0;
    uint64_t *word = rl_arena_alloc(arena, (size_t)(n + 1) * sizeof *word);
    uint64_t *tag = rl_arena_alloc(arena, (size_t)(n + 1) * sizeof *tag);
    int32_t *scores = rl_arena_alloc(arena, RL_WEIGHTS_PAD(p->wt.nclasses) * sizeof *scores);
    if (!word || !tag || !scores) return -1;
    for (int i = 1; i <= n; i++) {
        const rl_token *t = &s->tokens[i - 1];
        word[i] = rl_parse_word_hash(t->form ? t->form : "");
        tag[i] = rl_parse_tag_hash(t->xpos ? t->xpos : "");
    }
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
    for (int i = 1; i <= n; i++) {
        s->tokens[i - 1].head = st.head[i];
        s->tokens[i - 1].deprel = rl_strtab_get(&p->labels, (uint32_t)st.label[i]);
    }
    return 0;
}
