/* test_arena.c — the per-document allocator. */
#include "check.h"
#include "arena.h"
#include <stdint.h>

static void test_alignment_and_strings(void) {
    rl_arena *a = rl_arena_new(256);
    CHECK(a != NULL);
    for (int i = 1; i < 100; i++) {
        void *p = rl_arena_alloc(a, (size_t)i);
        CHECK(p != NULL);
        CHECK(((uintptr_t)p & 15) == 0);
    }
    char *s = rl_arena_strndup(a, "hello world", 5);
    CHECK_STR(s, "hello");
    CHECK_STR(rl_arena_printf(a, "%d-%s", 7, "x"), "7-x");
    rl_arena_free(a);
}

static void test_large_and_reset(void) {
    rl_arena *a = rl_arena_new(128);
    char *small = rl_arena_alloc(a, 8);
    char *big = rl_arena_alloc(a, 10000);
    CHECK(small && big);
    memset(big, 'x', 10000);
    char *small2 = rl_arena_alloc(a, 8);
    CHECK(small2 == small + 16);   /* the big block did not displace the current one */
    rl_arena_reset(a);
    CHECK_INT(rl_arena_used(a), 0);
    CHECK(rl_arena_alloc(a, 64) != NULL);
    CHECK(rl_arena_calloc(a, SIZE_MAX / 2, 4) == NULL);  /* overflow refused */
    rl_arena_free(a);
}

int main(void) {
    RUN(test_alignment_and_strings);
    RUN(test_large_and_reset);
    return CHECK_DONE();
}
