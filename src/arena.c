/* arena.c — a bump allocator over a chain of blocks. Large requests get their own block. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct block {
    struct block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
} block;

struct rl_arena {
    block *head;
    size_t block_size;
    size_t total;
};

static block *block_new(size_t size) {
    block *b = malloc(sizeof(block) + size);
    if (!b) return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

rl_arena *rl_arena_new(size_t block_size) {
    rl_arena *a = malloc(sizeof *a);
    if (!a) return NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->head = block_new(a->block_size);
    a->total = 0;
    if (!a->head) { free(a); return NULL; }
    return a;
}

void rl_arena_free(rl_arena *a) {
    if (!a) return;
    block *b = a->head;
    while (b) { block *n = b->next; free(b); b = n; }
    free(a);
}

void rl_arena_reset(rl_arena *a) {
    /* Keep the oldest block (the tail of the chain) for reuse. */
    block *b = a->head, *keep = NULL;
    while (b) {
        block *n = b->next;
        if (!n) keep = b; else free(b);
        b = n;
    }
    a->head = keep;
    if (keep) keep->used = 0;
    a->total = 0;
}

void *rl_arena_alloc(rl_arena *a, size_t size) {
    size = (size + 15) & ~(size_t)15;
    if (size == 0) size = 16;
    block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t want = size > a->block_size / 4 ? size : a->block_size;
        block *nb = block_new(want);
        if (!nb) return NULL;
        if (want == size && b) {
            /* Oversized request: put it behind the current block so the current
             * block keeps serving small requests. */
            nb->next = b->next;
            b->next = nb;
            nb->used = size;
            a->total += size;
            return nb->data;
        }
        nb->next = b;
        a->head = b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->total += size;
    return p;
}

void *rl_arena_calloc(rl_arena *a, size_t n, size_t size) {
    if (size && n > SIZE_MAX / size) return NULL;
    void *p = rl_arena_alloc(a, n * size);
    if (p) memset(p, 0, n * size);
    return p;
}

char *rl_arena_strndup(rl_arena *a, const char *s, size_t n) {
    char *p = rl_arena_alloc(a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *rl_arena_strdup(rl_arena *a, const char *s) {
    return rl_arena_strndup(a, s, strlen(s));
}

char *rl_arena_printf(rl_arena *a, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return NULL;
    char *p = rl_arena_alloc(a, (size_t)n + 1);
    if (!p) return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

size_t rl_arena_used(const rl_arena *a) { return a->total; }
