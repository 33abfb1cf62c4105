/* train_clusters.c — Brown clusters of the training treebank's own word forms.
 *
 * Brown et al. (1992) class-based bigram clustering, in the windowed form of Liang
 * (2005): words are taken in order of frequency; the first C become clusters of their
 * own, and each further word becomes a new cluster after which the pair of clusters whose
 * merge loses the least mutual information between adjacent clusters is merged, so C
 * clusters are active at any time. When every word is in, the C clusters are merged down
 * to one; the path from that root to a word's cluster (0 = left, 1 = right) is the word's
 * bit string, and its prefixes are clusters of several granularities.
 *
 * Words are the tagger's lowercased forms (their key is the tagger's word hash); words
 * seen fewer than min_count times get no cluster, so that in training the rare words look
 * like the unknown words met at run time. Bigrams do not cross sentence boundaries.
 * Deterministic: words are ordered by count, then key, and ties between merges go to the
 * first pair found.
 *
 * L(u,v) is the change in mutual information if u and v were merged. Every L is kept
 * and updated when a word is added or two clusters merge (only the terms involving the
 * changed clusters move), so each step costs O(C^2). */
#include "common.h"
#include "tagger.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct wkey { uint64_t key; long n; } wkey;
static int by_key(const void *a, const void *b) {
    uint64_t x = ((const wkey *)a)->key, y = ((const wkey *)b)->key;
    return x < y ? -1 : x > y;
}
static int by_count(const void *a, const void *b) {
    const wkey *x = a, *y = b;
    if (x->n != y->n) return x->n > y->n ? -1 : 1;
    return x->key < y->key ? -1 : x->key > y->key;
}
typedef struct bigram { int a, b; long n; } bigram;
static int by_pair(const void *x, const void *y) {
    const bigram *p = x, *q = y;
    if (p->a != q->a) return p->a - q->a;
    return p->b - q->b;
}

typedef struct brown {
    int cap;             /* slots: C + 1 */
    double total;        /* token count, the normaliser of every probability */
    double *n2;          /* n2[s * cap + t]: bigram count of cluster s followed by t */
    double *q;           /* q[s * cap + t]: that bigram's term of the mutual information */
    double *L;           /* L[s * cap + t], s < t: change in mutual information on merging */
    double *cnt;         /* unigram count per slot */
    int *on;             /* slot in use */
} brown;

#define N2(b, s, t) ((b)->n2[(size_t)(s) * (size_t)(b)->cap + (size_t)(t)])
#define Q(b, s, t)  ((b)->q[(size_t)(s) * (size_t)(b)->cap + (size_t)(t)])
#define LL(b, s, t) ((b)->L[(size_t)(s) * (size_t)(b)->cap + (size_t)(t)])

static double qf(const brown *b, double nxy, double nx, double ny) {
    return nxy > 0 ? nxy / b->total * log(nxy * b->total / (nx * ny)) : 0;
}

/* What cluster x adds to L(u,v) (x is neither u nor v). */
static double contrib(const brown *b, int u, int v, int x) {
    double ux = N2(b, u, x) + N2(b, v, x), xu = N2(b, x, u) + N2(b, x, v);
    if (ux == 0 && xu == 0) return 0;
    double nuv = b->cnt[u] + b->cnt[v];
    return qf(b, ux, nuv, b->cnt[x]) + qf(b, xu, b->cnt[x], nuv)
           - Q(b, u, x) - Q(b, x, u) - Q(b, v, x) - Q(b, x, v);
}

static double full_L(const brown *b, int u, int v) {
    double nuv = b->cnt[u] + b->cnt[v];
    double self = N2(b, u, u) + N2(b, u, v) + N2(b, v, u) + N2(b, v, v);
    double l = qf(b, self, nuv, nuv) - Q(b, u, u) - Q(b, u, v) - Q(b, v, u) - Q(b, v, v);
    for (int x = 0; x < b->cap; x++)
        if (b->on[x] && x != u && x != v) l += contrib(b, u, v, x);
    return l;
}

static void set_q(brown *b, int s) {
    for (int x = 0; x < b->cap; x++) {
        if (!b->on[x]) continue;
        Q(b, s, x) = qf(b, N2(b, s, x), b->cnt[s], b->cnt[x]);
        Q(b, x, s) = qf(b, N2(b, x, s), b->cnt[x], b->cnt[s]);
    }
}

static void set_L_of(brown *b, int s) {
    for (int x = 0; x < b->cap; x++)
        if (b->on[x] && x != s) {
            int u = x < s ? x : s, v = x < s ? s : x;
            LL(b, u, v) = full_L(b, u, v);
        }
}

/* Merges slot t into slot s, keeping every L right; slot t becomes free. */
static void merge(brown *b, int s, int t) {
    for (int u = 0; u < b->cap; u++) {
        if (!b->on[u] || u == s || u == t) continue;
        for (int v = u + 1; v < b->cap; v++)
            if (b->on[v] && v != s && v != t)
                LL(b, u, v) -= contrib(b, u, v, s) + contrib(b, u, v, t);
    }
    N2(b, s, s) += N2(b, s, t) + N2(b, t, s) + N2(b, t, t);
    for (int x = 0; x < b->cap; x++) {
        if (!b->on[x] || x == s || x == t) continue;
        N2(b, s, x) += N2(b, t, x);
        N2(b, x, s) += N2(b, x, t);
    }
    b->cnt[s] += b->cnt[t];
    b->on[t] = 0;
    for (int x = 0; x < b->cap; x++) {
        N2(b, t, x) = N2(b, x, t) = 0;
        Q(b, t, x) = Q(b, x, t) = 0;
    }
    set_q(b, s);
    for (int u = 0; u < b->cap; u++) {
        if (!b->on[u] || u == s) continue;
        for (int v = u + 1; v < b->cap; v++)
            if (b->on[v] && v != s) LL(b, u, v) += contrib(b, u, v, s);
    }
    set_L_of(b, s);
}

static void best_pair(const brown *b, int *bs, int *bt) {
    double best = 0;
    *bs = *bt = -1;
    for (int u = 0; u < b->cap; u++) {
        if (!b->on[u]) continue;
        for (int v = u + 1; v < b->cap; v++)
            if (b->on[v] && (*bs < 0 || LL(b, u, v) > best)) {
                best = LL(b, u, v);
                *bs = u; *bt = v;
            }
    }
}

void *train_clusters(const rl_tb_sentence *sents, int ns, int C, int min_count, size_t *size) {
    /* Vocabulary: word keys with counts, the most frequent first. */
    long ntok = 0;
    for (int s = 0; s < ns; s++) ntok += sents[s].n;
    wkey *all = xmalloc((size_t)ntok * sizeof *all);
    long k = 0;
    for (int s = 0; s < ns; s++)
        for (int i = 0; i < sents[s].n; i++) all[k++] = (wkey){rl_tag_word_key(sents[s].tok[i].form), 1};
    qsort(all, (size_t)ntok, sizeof *all, by_key);
    long nv = 0;
    for (long i = 0; i < ntok;) {
        long j = i;
        while (j < ntok && all[j].key == all[i].key) j++;
        if (j - i >= min_count) all[nv++] = (wkey){all[i].key, j - i};
        i = j;
    }
    qsort(all, (size_t)nv, sizeof *all, by_count);
    int nw = (int)nv;
    /* key -> word id, through a copy sorted by key */
    wkey *idx = xmalloc((size_t)(nw ? nw : 1) * sizeof *idx);
    for (int w = 0; w < nw; w++) idx[w] = (wkey){all[w].key, w};
    qsort(idx, (size_t)nw, sizeof *idx, by_key);

    /* Bigram counts between vocabulary words, as lists by left and by right word. */
    bigram *bg = xmalloc((size_t)(ntok ? ntok : 1) * sizeof *bg);
    long nb = 0;
    double total = 0;
    for (int s = 0; s < ns; s++) {
        int prev = -1;
        for (int i = 0; i < sents[s].n; i++) {
            wkey kk = {rl_tag_word_key(sents[s].tok[i].form), 0};
            const wkey *hit = bsearch(&kk, idx, (size_t)nw, sizeof *idx, by_key);
            int w = hit ? (int)hit->n : -1;
            if (w >= 0) total++;
            if (prev >= 0 && w >= 0) bg[nb++] = (bigram){prev, w, 1};
            prev = w;
        }
    }
    qsort(bg, (size_t)nb, sizeof *bg, by_pair);
    long nu = 0;
    for (long i = 0; i < nb;) {
        long j = i;
        while (j < nb && bg[j].a == bg[i].a && bg[j].b == bg[i].b) j++;
        bg[nu++] = (bigram){bg[i].a, bg[i].b, j - i};
        i = j;
    }
    /* right[w]: bigrams (w, x) — bg is sorted by left word; left[w]: bigrams (x, w). */
    long *rstart = xcalloc((size_t)nw + 1, sizeof *rstart), *lstart = xcalloc((size_t)nw + 1, sizeof *lstart);
    long *lidx = xmalloc((size_t)(nu ? nu : 1) * sizeof *lidx);
    for (long i = 0; i < nu; i++) { rstart[bg[i].a + 1]++; lstart[bg[i].b + 1]++; }
    for (int w = 0; w < nw; w++) { rstart[w + 1] += rstart[w]; lstart[w + 1] += lstart[w]; }
    {
        long *fill = xmalloc(((size_t)nw + 1) * sizeof *fill);
        memcpy(fill, lstart, ((size_t)nw + 1) * sizeof *fill);
        for (long i = 0; i < nu; i++) lidx[fill[bg[i].b]++] = i;
        free(fill);
    }

    /* Windowed clustering. */
    if (C > nw) C = nw;
    brown b = {C + 1, total, NULL, NULL, NULL, NULL, NULL};
    size_t cc = (size_t)b.cap * (size_t)b.cap;
    b.n2 = xcalloc(cc, sizeof *b.n2);
    b.q = xcalloc(cc, sizeof *b.q);
    b.L = xcalloc(cc, sizeof *b.L);
    b.cnt = xcalloc((size_t)b.cap, sizeof *b.cnt);
    b.on = xcalloc((size_t)b.cap, sizeof *b.on);
    int *slot_of = xmalloc((size_t)(nw ? nw : 1) * sizeof *slot_of);
    int *next = xmalloc((size_t)(nw ? nw : 1) * sizeof *next);   /* members of a slot */
    int *head = xmalloc((size_t)b.cap * sizeof *head);
    for (int w = 0; w < nw; w++) slot_of[w] = -1;
    for (int s = 0; s < b.cap; s++) head[s] = -1;

    /* The final C clusters, then the tree over them: node c < C is final cluster c. */
    int *final_of = xmalloc((size_t)b.cap * sizeof *final_of);   /* slot -> tree node */
    int *kid = xmalloc((size_t)(2 * (C > 0 ? C : 1)) * 2 * sizeof *kid);
    int nnodes = 0;
    for (int w = 0; w < nw; w++) {
        int f = 0;
        while (b.on[f]) f++;   /* a free slot: there is one, as at most C are on */
        b.on[f] = 1;
        b.cnt[f] = (double)all[w].n;
        slot_of[w] = f;
        next[w] = -1;
        head[f] = w;
        for (long i = rstart[w]; i < rstart[w + 1]; i++) {
            int x = slot_of[bg[i].b];
            if (x >= 0) N2(&b, f, x) += (double)bg[i].n;
        }
        for (long i = lstart[w]; i < lstart[w + 1]; i++) {
            const bigram *e = &bg[lidx[i]];
            int x = slot_of[e->a];
            if (x >= 0 && e->a != w) N2(&b, x, f) += (double)e->n;
        }
        set_q(&b, f);
        /* The new cluster appears in every other pair's sum... */
        for (int u = 0; u < b.cap; u++) {
            if (!b.on[u] || u == f) continue;
            for (int v = u + 1; v < b.cap; v++)
                if (b.on[v] && v != f) LL(&b, u, v) += contrib(&b, u, v, f);
        }
        set_L_of(&b, f);   /* ...and pairs with it are new */
        if (w < C) continue;
        int s, t;
        best_pair(&b, &s, &t);
        merge(&b, s, t);
        /* t's words now belong to s */
        int last = -1;
        for (int m = head[t]; m >= 0; m = next[m]) { slot_of[m] = s; last = m; }
        if (last >= 0) { next[last] = head[s]; head[s] = head[t]; }
        head[t] = -1;
    }
    for (int s = 0; s < b.cap; s++)
        if (b.on[s]) final_of[s] = nnodes++;
    int *word_node = xmalloc((size_t)(nw ? nw : 1) * sizeof *word_node);
    for (int w = 0; w < nw; w++) word_node[w] = final_of[slot_of[w]];
    int nfinal = nnodes;
    for (;;) {
        int s, t;
        best_pair(&b, &s, &t);
        if (s < 0) break;
        kid[2 * nnodes] = final_of[s];
        kid[2 * nnodes + 1] = final_of[t];
        merge(&b, s, t);
        final_of[s] = nnodes++;
    }
    /* Bit strings, root first; a leading 1 bit marks the length. Deeper than 62 levels
     * (never seen) the path is cut. */
    uint64_t *bits = xcalloc((size_t)(nnodes ? nnodes : 1), sizeof *bits);
    if (nnodes) bits[nnodes - 1] = 1;
    for (int m = nnodes - 1; m >= nfinal; m--) {
        uint64_t p = bits[m];
        int deep = p >> 62 != 0;
        bits[kid[2 * m]] = deep ? p : p << 1;
        bits[kid[2 * m + 1]] = deep ? p : p << 1 | 1;
    }

    /* The section: u32 slots, u32 0, then slots x {u64 key, u64 bits}, open addressing. */
    uint32_t slots = 1024;
    while (slots < 2 * (uint64_t)nw + 1) slots *= 2;
    *size = 8 + (size_t)slots * sizeof(rl_cluster_entry);
    uint8_t *blob = xcalloc(1, *size);
    memcpy(blob, &slots, 4);
    rl_cluster_entry *e = (rl_cluster_entry *)(blob + 8);
    int maxdepth = 0;
    for (int w = 0; w < nw; w++) {
        uint64_t key = all[w].key ? all[w].key : 1;
        uint32_t s = (uint32_t)key & (slots - 1);
        while (e[s].key) s = (s + 1) & (slots - 1);
        e[s].key = key;
        e[s].bits = bits[word_node[w]];
        int d = 63 - __builtin_clzll(e[s].bits);
        if (d > maxdepth) maxdepth = d;
    }
    fprintf(stderr, "  clusters: %d words seen >= %d times in %d clusters, tree depth %d\n",
            nw, min_count, nfinal, maxdepth);
    free(all); free(idx); free(bg); free(rstart); free(lstart); free(lidx);
    free(b.n2); free(b.q); free(b.L); free(b.cnt); free(b.on);
    free(slot_of); free(next); free(head); free(final_of); free(kid); free(word_node); free(bits);
    return blob;
}
