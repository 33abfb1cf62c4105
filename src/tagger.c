/* tagger.c — features and greedy decoding of the part-of-speech tagger. */
#include "tagger.h"
#include "resources.h"

#include <string.h>

static uint64_t lower_hash(const char *s, size_t n, int from_start, size_t len) {
    /* Hash of a lowercased (ASCII) slice: the whole word, a prefix or a suffix. */
    char buf[64];
    size_t start = 0, end = n;
    if (len) {
        if (from_start) end = len < n ? len : n;
        else start = len < n ? n - len : 0;
    }
    size_t k = 0;
    uint64_t h = 0x51ed270b27a3e5f1ull;
    for (size_t i = start; i < end; i++) {
        unsigned char c = (unsigned char)s[i];
        buf[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        if (k == sizeof buf) { h = rl_hash_bytes(buf, k, h); k = 0; }
    }
    return rl_hash_bytes(buf, k, h);
}

static uint64_t shape_hash(const char *s, size_t n) {
    /* "Iran" -> "Xx", "1990s" -> "dx", "U.S." -> "X.X.": classes of characters with
     * runs collapsed, at most 12 symbols. */
    char buf[12];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof buf; i++) {
        unsigned char c = (unsigned char)s[i];
        char t = (c >= 'A' && c <= 'Z') ? 'X' : (c >= 'a' && c <= 'z') ? 'x'
               : (c >= '0' && c <= '9') ? 'd' : c >= 0x80 ? 'u' : (char)c;
        if (c >= 0x80 && c < 0xC0) continue;   /* UTF-8 continuation byte */
        if (k && buf[k - 1] == t) continue;
        buf[k++] = t;
    }
    return rl_hash_bytes(buf, k, 0x5a);
}

uint64_t rl_tag_dict_key(const char *form) {
    uint64_t h = rl_hash_bytes(form, strlen(form), 0x7d);
    return h ? h : 1;
}

int rl_tag_ctx_init(rl_tag_ctx *ctx, const char *const *forms, int n, rl_arena *arena) {
    ctx->n = n;
    size_t m = (size_t)(n > 0 ? n : 1);
    uint64_t *all = rl_arena_alloc(arena, 10 * m * sizeof *all);
    ctx->flags = rl_arena_alloc(arena, m);
    ctx->dict = rl_arena_alloc(arena, m * sizeof *ctx->dict);
    if (!all || !ctx->flags || !ctx->dict) return -1;
    ctx->lower = all;         ctx->shape = all + m;     ctx->pre1 = all + 2 * m;
    ctx->pre2 = all + 3 * m;  ctx->pre3 = all + 4 * m;  ctx->suf1 = all + 5 * m;
    ctx->suf2 = all + 6 * m;  ctx->suf3 = all + 7 * m;  ctx->suf4 = all + 8 * m;
    ctx->exact = all + 9 * m;
    for (int i = 0; i < n; i++) {
        const char *f = forms[i] ? forms[i] : "";
        size_t len = strlen(f);
        ctx->lower[i] = lower_hash(f, len, 1, 0);
        ctx->exact[i] = rl_hash_bytes(f, len, 0xe1);
        ctx->shape[i] = shape_hash(f, len);
        ctx->pre1[i] = lower_hash(f, len, 1, 1);
        ctx->pre2[i] = lower_hash(f, len, 1, 2);
        ctx->pre3[i] = lower_hash(f, len, 1, 3);
        ctx->suf1[i] = lower_hash(f, len, 0, 1);
        ctx->suf2[i] = lower_hash(f, len, 0, 2);
        ctx->suf3[i] = lower_hash(f, len, 0, 3);
        ctx->suf4[i] = lower_hash(f, len, 0, 4);
        uint8_t fl = 0;
        int upper = 0, alpha = 0;
        for (size_t j = 0; j < len; j++) {
            unsigned char c = (unsigned char)f[j];
            if (c >= '0' && c <= '9') fl |= 2;
            else if (c == '-') fl |= 4;
            if (c >= 'A' && c <= 'Z') { upper++; alpha++; }
            else if (c >= 'a' && c <= 'z') alpha++;
        }
        if (len && f[0] >= 'A' && f[0] <= 'Z') fl |= 1;
        if (alpha > 1 && upper == alpha) fl |= 8;
        ctx->flags[i] = fl;
        ctx->dict[i] = -1;
    }
    ctx->first = NULL;
    return 0;
}

/* One template = one id mixed with its values. */
#define F1(id, a)       rl_hash_mix(rl_hash_mix(0x7a6u + (id), (a)), 0)
#define F2(id, a, b)    rl_hash_mix(rl_hash_mix(0x7a6u + (id), (a)), (b))

int rl_tag_features(const rl_tag_ctx *c, int i, int p1, int p2, uint64_t *out) {
    int k = 0;
    const uint64_t NONE = 0x1234567u;   /* outside the sentence */
    uint64_t wm1 = i > 0 ? c->lower[i - 1] : NONE, wm2 = i > 1 ? c->lower[i - 2] : NONE;
    uint64_t wp1 = i + 1 < c->n ? c->lower[i + 1] : NONE, wp2 = i + 2 < c->n ? c->lower[i + 2] : NONE;
    uint64_t t1 = (uint64_t)(p1 + 2), t2 = (uint64_t)(p2 + 2);
    uint64_t d0 = (uint64_t)(c->dict[i] + 2);
    uint64_t dp1 = i + 1 < c->n ? (uint64_t)(c->dict[i + 1] + 2) : 0;
    uint64_t dp2 = i + 2 < c->n ? (uint64_t)(c->dict[i + 2] + 2) : 0;
    out[k++] = F1(0, 1);                           /* bias */
    out[k++] = F1(1, c->lower[i]);
    out[k++] = F1(2, c->suf1[i]);
    out[k++] = F1(3, c->suf2[i]);
    out[k++] = F1(4, c->suf3[i]);
    out[k++] = F1(5, c->suf4[i]);
    out[k++] = F1(6, c->pre1[i]);
    out[k++] = F1(7, c->pre2[i]);
    out[k++] = F1(8, c->pre3[i]);
    out[k++] = F1(9, c->shape[i]);
    out[k++] = F1(10, c->flags[i] | (uint64_t)(i == 0) << 8);
    out[k++] = F1(11, wm1);
    out[k++] = F1(12, wm2);
    out[k++] = F1(13, wp1);
    out[k++] = F1(14, wp2);
    out[k++] = F1(15, t1);
    out[k++] = F2(16, t1, t2);
    out[k++] = F2(17, t1, c->lower[i]);
    out[k++] = F1(18, i > 0 ? c->suf3[i - 1] : NONE);
    out[k++] = F1(19, i + 1 < c->n ? c->suf3[i + 1] : NONE);
    out[k++] = F1(20, d0);
    out[k++] = F1(21, dp1);
    out[k++] = F2(22, dp1, dp2);
    out[k++] = F2(23, t1, dp1);
    out[k++] = F2(24, c->lower[i], wp1);
    out[k++] = F2(25, wm1, c->lower[i]);
    out[k++] = F2(26, c->suf3[i], t1);
    out[k++] = F2(27, c->shape[i], t1);
    out[k++] = F2(28, c->shape[i], dp1);
    out[k++] = F1(29, i + 1 < c->n ? c->shape[i + 1] : NONE);
    out[k++] = F1(30, i > 0 ? c->shape[i - 1] : NONE);
    out[k++] = F1(31, c->exact[i]);
    out[k++] = F1(32, i + 1 < c->n ? c->suf2[i + 1] : NONE);
    out[k++] = F2(33, wm1, t1);
    out[k++] = F2(34, c->suf3[i], dp1);
    out[k++] = F1(35, i + 1 < c->n ? c->flags[i + 1] : 0x100);
    out[k++] = F2(36, wp1, wp2);
    if (c->first) {
        /* Second pass: the first pass's guesses to the right, and for this word. */
        uint64_t f0 = (uint64_t)(c->first[i] + 2);
        uint64_t n1 = i + 1 < c->n ? (uint64_t)(c->first[i + 1] + 2) : 0;
        uint64_t n2 = i + 2 < c->n ? (uint64_t)(c->first[i + 2] + 2) : 0;
        out[k++] = F1(37, n1);
        out[k++] = F2(38, n1, n2);
        out[k++] = F2(39, t1, n1);
        out[k++] = F2(40, c->lower[i], n1);
        out[k++] = F1(41, f0);
        out[k++] = F2(42, f0, n1);
        out[k++] = F2(43, c->suf3[i], n1);
        out[k++] = F2(44, t1 * 131 + f0, n1);
    }
    return k;
}

/* ---- the loaded model ---------------------------------------------------------------- */

static int tagger_setup(rl_tagger *t, rl_error *err) {
    size_t sz;
    const void *p;
    if (rl_model_check_features(&t->file, RL_TAG_FEATURE_SET, err) != 0) return -1;
    if (!(p = rl_model_section(&t->file, RL_TAG_SEC_WEIGHTS, 16, &sz, err)) ||
        rl_weights_load(&t->wt, p, sz, t->file.path, err) != 0)
        return -1;
    rl_error absent;
    if ((p = rl_model_section(&t->file, RL_TAG_SEC_WEIGHTS2, 16, &sz, &absent))) {
        if (rl_weights_load(&t->wt2, p, sz, t->file.path, err) != 0) return -1;
        if (t->wt2.nclasses != t->wt.nclasses) {
            rl_error_set(err, RL_ERR_FORMAT, t->file.path, 0,
                         "corrupt model file: the two tagger passes differ in classes");
            return -1;
        }
        t->two_pass = 1;
    }
    if (!(p = rl_model_section(&t->file, RL_TAG_SEC_UPOS, 4, &sz, err)) ||
        rl_strtab_load(&t->upos, p, sz, t->file.path, err) != 0)
        return -1;
    if (!(p = rl_model_section(&t->file, RL_TAG_SEC_XPOS, 4, &sz, err)) ||
        rl_strtab_load(&t->xpos, p, sz, t->file.path, err) != 0)
        return -1;
    if (t->upos.count != t->wt.nclasses || t->xpos.count != t->wt.nclasses) {
        rl_error_set(err, RL_ERR_FORMAT, t->file.path, 0,
                     "corrupt model file: tag names do not match the weight table");
        return -1;
    }
    if (!(p = rl_model_section(&t->file, RL_TAG_SEC_DICT, 8, &sz, err))) return -1;
    const uint8_t *b = p;
    memcpy(&t->dict_slots, b, 4);
    uint32_t n = t->dict_slots;
    if (n == 0 || (n & (n - 1)) || n > (1u << 24) || sz < 8 + (size_t)n * 12) goto bad;
    t->dict_key = (const uint64_t *)(b + 8);
    t->dict_val = (const uint32_t *)(b + 8 + (size_t)n * 8);
    uint32_t empty = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (t->dict_key[i] == 0) empty++;
        else if ((t->dict_val[i] & 0x7fffffffu) >= t->wt.nclasses) goto bad;
    }
    if (!empty) goto bad;
    return 0;
bad:
    rl_error_set(err, RL_ERR_FORMAT, t->file.path, 0, "corrupt model file: malformed tag dictionary");
    return -1;
}

int rl_tagger_open(rl_tagger *t, const char *path, rl_error *err) {
    memset(t, 0, sizeof *t);
    if (rl_model_file_open(&t->file, path, RL_TAGGER_KIND, err) != 0) return -1;
    if (tagger_setup(t, err) != 0) { rl_model_file_close(&t->file); return -1; }
    return 0;
}

int rl_tagger_from_memory(rl_tagger *t, const void *data, size_t size, rl_error *err) {
    memset(t, 0, sizeof *t);
    if (rl_model_file_from_memory(&t->file, "tagger", data, size, RL_TAGGER_KIND, err) != 0)
        return -1;
    return tagger_setup(t, err);
}

void rl_tagger_close(rl_tagger *t) { rl_model_file_close(&t->file); }

static uint32_t dict_lookup(const rl_tagger *t, uint64_t key) {
    uint32_t mask = t->dict_slots - 1;
    for (uint32_t i = (uint32_t)key & mask;; i = (i + 1) & mask) {
        if (t->dict_key[i] == key) return t->dict_val[i];
        if (t->dict_key[i] == 0) return UINT32_MAX;
    }
}

/* One greedy left-to-right pass with the weights wt; classes go to out[0..n). With keep,
 * the scores of every word are kept there (row i at i * stride); with prev (the first
 * pass's kept scores, in units of prev_scale), they are added to this pass's, so that
 * the two passes vote. */
static void tag_pass(const rl_weights *wt, const rl_tag_ctx *ctx, const uint8_t *sure,
                     int32_t *scores, int *out, int32_t *keep, const int32_t *prev,
                     float prev_scale) {
    uint64_t feats[RL_TAG_MAX_FEATS];
    size_t stride = RL_WEIGHTS_PAD(wt->nclasses);
    int p1 = -1, p2 = -1;
    for (int i = 0; i < ctx->n; i++) {
        int best = ctx->dict[i];
        if (!sure[i]) {
            /* Frequent unambiguous words skip scoring; the rest are classified. */
            memset(scores, 0, stride * sizeof *scores);
            int nf = rl_tag_features(ctx, i, p1, p2, feats);
            rl_weights_add_all(wt, feats, nf, scores);
            if (keep) memcpy(keep + (size_t)i * stride, scores, stride * sizeof *scores);
            best = 0;
            if (prev) {
                const int32_t *q = prev + (size_t)i * stride;
                float top = 0;
                for (uint32_t c = 0; c < wt->nclasses; c++) {
                    float v = (float)scores[c] * wt->scale + (float)q[c] * prev_scale;
                    if (c == 0 || v > top) { top = v; best = (int)c; }
                }
            } else {
                for (uint32_t c = 1; c < wt->nclasses; c++)
                    if (scores[c] > scores[best]) best = (int)c;
            }
        }
        out[i] = best;
        p2 = p1; p1 = best;
    }
}

int rl_tagger_tag(const rl_tagger *t, rl_sentence *s, rl_arena *arena) {
    int n = s->ntokens;
    if (n <= 0) return 0;
    const char **forms = rl_arena_alloc(arena, (size_t)n * sizeof *forms);
    int32_t *scores = rl_arena_alloc(arena, RL_WEIGHTS_PAD(t->wt.nclasses) * sizeof *scores);
    uint8_t *sure = rl_arena_alloc(arena, (size_t)n);
    if (!forms || !scores || !sure) return -1;
    for (int i = 0; i < n; i++) forms[i] = s->tokens[i].form ? s->tokens[i].form : "";
    rl_tag_ctx ctx;
    if (rl_tag_ctx_init(&ctx, forms, n, arena) != 0) return -1;
    for (int i = 0; i < n; i++) {
        uint32_t v = dict_lookup(t, rl_tag_dict_key(forms[i]));
        sure[i] = v != UINT32_MAX && (v & 0x80000000u);
        ctx.dict[i] = v == UINT32_MAX ? -1 : (int)(v & 0x7fffffffu);
    }
    int *cls = rl_arena_alloc(arena, (size_t)n * sizeof *cls);
    if (!cls) return -1;
    if (!t->two_pass) {
        tag_pass(&t->wt, &ctx, sure, scores, cls, NULL, NULL, 0);
    } else {
        int *cls2 = rl_arena_alloc(arena, (size_t)n * sizeof *cls2);
        int32_t *keep = rl_arena_alloc(arena, (size_t)n * RL_WEIGHTS_PAD(t->wt.nclasses) * sizeof *keep);
        if (!cls2 || !keep) return -1;
        tag_pass(&t->wt, &ctx, sure, scores, cls, keep, NULL, 0);
        ctx.first = cls;
        tag_pass(&t->wt2, &ctx, sure, scores, cls2, NULL, keep, t->wt.scale);
        cls = cls2;
    }
    for (int i = 0; i < n; i++) {
        s->tokens[i].upos = rl_strtab_get(&t->upos, (uint32_t)cls[i]);
        s->tokens[i].xpos = rl_strtab_get(&t->xpos, (uint32_t)cls[i]);
    }
    return 0;
}
