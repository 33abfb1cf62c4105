/* test_daily.c — the one-a-day filter: same date, source, target and code merge; any
 * difference keeps events apart; order is first-seen; supporting sentences are listed. */
#include "check.h"
#include "redline.h"

static rl_event ev(const char *doc, int sent, const char *date, const char *src,
                   const char *tgt, const char *code) {
    return (rl_event){.doc_id = doc, .sentence_index = sent, .date = date, .source = src,
                      .target = tgt, .code = code, .quad_class = 1};
}

static void test_merge_and_order(void) {
    rl_daily *d = rl_daily_new();
    CHECK(d != NULL);
    rl_event list[] = {
        ev("a", 0, "2024-01-01", "IRN", "USA", "036"),
        ev("a", 3, "2024-01-01", "USA", "IRN", "036"),   /* reversed dyad: separate */
        ev("b", 1, "2024-01-01", "IRN", "USA", "036"),   /* merges into the first */
        ev("c", 2, "2024-01-02", "IRN", "USA", "036"),   /* other day: separate */
        ev("c", 4, "2024-01-01", "IRN", NULL, "036"),    /* no target: separate */
        ev("d", 0, "2024-01-01", "IRN", NULL, "036"),    /* merges with the previous */
    };
    for (size_t i = 0; i < sizeof list / sizeof list[0]; i++) CHECK(rl_daily_add(d, &list[i]) == 0);
    CHECK_INT(rl_daily_count(d), 4);
    const rl_event *e0 = rl_daily_get(d, 0);
    CHECK_STR(e0->doc_id, "a");
    CHECK_INT(e0->mentions, 2);
    CHECK_STR(e0->supporting, "a:0 b:1");
    CHECK_STR(rl_daily_get(d, 1)->source, "USA");
    CHECK_INT(rl_daily_get(d, 1)->mentions, 1);
    CHECK_STR(rl_daily_get(d, 2)->date, "2024-01-02");
    CHECK_STR(rl_daily_get(d, 3)->supporting, "c:4 d:0");
    CHECK(rl_daily_get(d, 4) == NULL);
    rl_daily_free(d);
}

static void test_many_keys(void) {
    rl_daily *d = rl_daily_new();
    char codes[3000][8];
    for (int i = 0; i < 3000; i++) {
        snprintf(codes[i], sizeof codes[i], "%u", (unsigned)i % 10000u);
        rl_event e = ev("x", i, "2024-01-01", "IRN", "USA", codes[i]);
        CHECK(rl_daily_add(d, &e) == 0);
        CHECK(rl_daily_add(d, &e) == 0);
    }
    CHECK_INT(rl_daily_count(d), 3000);
    CHECK_STR(rl_daily_get(d, 2999)->code, "2999");
    CHECK_INT(rl_daily_get(d, 1234)->mentions, 2);
    rl_daily_free(d);
}

int main(void) {
    RUN(test_merge_and_order);
    RUN(test_many_keys);
    return CHECK_DONE();
}
