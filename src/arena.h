/* arena.h — per-document memory: many small allocations, freed in one call. */
#ifndef RL_ARENA_H
#define RL_ARENA_H

#include <stddef.h>

typedef struct rl_arena rl_arena;

rl_arena *rl_arena_new(size_t block_size);          /* 0 = default (64 KiB) */
void rl_arena_free(rl_arena *a);
void rl_arena_reset(rl_arena *a);                     /* keeps the first block */
void *rl_arena_alloc(rl_arena *a, size_t size);       /* 16-byte aligned; NULL on OOM */
void *rl_arena_calloc(rl_arena *a, size_t n, size_t size);
char *rl_arena_strndup(rl_arena *a, const char *s, size_t n);
char *rl_arena_strdup(rl_arena *a, const char *s);
char *rl_arena_printf(rl_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
size_t rl_arena_used(const rl_arena *a);

#endif
