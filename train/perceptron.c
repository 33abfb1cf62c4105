/* perceptron.c — see perceptron.h. */
#include "perceptron.h"

#include <stdlib.h>
#include <string.h>

int pc_init(perceptron *p, int nclasses) {
    memset(p, 0, sizeof *p);
    p->nclasses = nclasses;
    p->slots = 1 << 20;
    p->keys = calloc(p->slots, sizeof *p->keys);
    p->rowid = calloc(p->slots, sizeof *p->rowid);
    p->now = 1;
    return p->keys && p->rowid ? 0 : -1;
}

void pc_free(perceptron *p) {
    for (size_t i = 0; i < p->nrows; i++) free(p->rows[i].e);
    free(p->rows);
    free(p->keys);
    free(p->rowid);
    memset(p, 0, sizeof *p);
}

static uint64_t fix(uint64_t h) { return h ? h : 1; }

static const pc_row *find(const perceptron *p, uint64_t h) {
    size_t mask = p->slots - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        if (p->keys[i] == h) return &p->rows[p->rowid[i]];
        if (!p->keys[i]) return NULL;
    }
}

static int grow(perceptron *p) {
    size_t ns = p->slots * 2, mask = ns - 1;
    uint64_t *k = calloc(ns, sizeof *k);
    uint32_t *r = calloc(ns, sizeof *r);
    if (!k || !r) { free(k); free(r); return -1; }
    for (size_t i = 0; i < p->slots; i++) {
        if (!p->keys[i]) continue;
        size_t j = (size_t)p->keys[i] & mask;
        while (k[j]) j = (j + 1) & mask;
        k[j] = p->keys[i]; r[j] = p->rowid[i];
    }
    free(p->keys); free(p->rowid);
    p->keys = k; p->rowid = r; p->slots = ns;
    return 0;
}

static pc_row *find_or_add(perceptron *p, uint64_t h) {
    if (2 * (p->used + 1) > p->slots && grow(p) != 0) return NULL;
    size_t mask = p->slots - 1, i = (size_t)h & mask;
    for (;; i = (i + 1) & mask) {
        if (p->keys[i] == h) return &p->rows[p->rowid[i]];
        if (!p->keys[i]) break;
    }
    if (p->nrows == p->rowcap) {
        size_t cap = p->rowcap ? p->rowcap * 2 : 1 << 16;
        pc_row *r = realloc(p->rows, cap * sizeof *r);
        if (!r) return NULL;
        p->rows = r; p->rowcap = cap;
    }
    p->keys[i] = h;
    p->rowid[i] = (uint32_t)p->nrows;
    p->used++;
    pc_row *row = &p->rows[p->nrows++];
    memset(row, 0, sizeof *row);
    return row;
}

void pc_score(const perceptron *p, const uint64_t *f, int nf, float *scores) {
    for (int i = 0; i < nf; i++) {
        const pc_row *r = find(p, fix(f[i]));
        if (!r) continue;
        for (uint32_t j = 0; j < r->n; j++) scores[r->e[j].cls] += r->e[j].w;
    }
}

static int bump(perceptron *p, pc_row *r, uint32_t cls, float delta) {
    for (uint32_t j = 0; j < r->n; j++) {
        pc_entry *e = &r->e[j];
        if (e->cls != cls) continue;
        e->total += (double)(p->now - e->ts) * e->w;
        e->ts = p->now;
        e->w += delta;
        return 0;
    }
    if (r->n == r->cap) {
        uint32_t cap = r->cap ? r->cap * 2 : 2;
        pc_entry *e = realloc(r->e, cap * sizeof *e);
        if (!e) return -1;
        r->e = e; r->cap = cap;
    }
    r->e[r->n++] = (pc_entry){cls, p->now, delta, 0};
    return 0;
}

int pc_update(perceptron *p, const uint64_t *f, int nf, int good, int bad) {
    for (int i = 0; i < nf; i++) {
        pc_row *r = find_or_add(p, fix(f[i]));
        if (!r || bump(p, r, (uint32_t)good, 1.0f) || bump(p, r, (uint32_t)bad, -1.0f)) return -1;
    }
    return 0;
}

int pc_add(perceptron *p, const uint64_t *f, int nf, int cls, float delta) {
    for (int i = 0; i < nf; i++) {
        pc_row *r = find_or_add(p, fix(f[i]));
        if (!r || bump(p, r, (uint32_t)cls, delta)) return -1;
    }
    return 0;
}

static int by_hash(const void *a, const void *b) {
    const rl_weight_triple *x = a, *y = b;
    if (x->h != y->h) return x->h < y->h ? -1 : 1;
    return x->cls < y->cls ? -1 : x->cls > y->cls;
}

rl_weight_triple *pc_export(const perceptron *p, float min_abs, size_t *n) {
    size_t total = 0;
    for (size_t i = 0; i < p->nrows; i++) total += p->rows[i].n;
    rl_weight_triple *t = malloc((total ? total : 1) * sizeof *t);
    if (!t) return NULL;
    size_t k = 0;
    for (size_t s = 0; s < p->slots; s++) {
        if (!p->keys[s]) continue;
        const pc_row *r = &p->rows[p->rowid[s]];
        for (uint32_t j = 0; j < r->n; j++) {
            const pc_entry *e = &r->e[j];
            double avg = (e->total + (double)(p->now - e->ts) * e->w) / p->now;
            if (avg > -min_abs && avg < min_abs) continue;
            t[k++] = (rl_weight_triple){p->keys[s], e->cls, (float)avg};
        }
    }
    qsort(t, k, sizeof *t, by_hash);
    *n = k;
    return t;
}
