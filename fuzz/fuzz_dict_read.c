/* fuzz_dict_read.c — libFuzzer harness: the dictionary readers (the first byte picks the
 * kind), the index build, the checks and a few lookups, on arbitrary bytes. */
#include "dict.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    rl_error err;
    rl_dicts *d = rl_dicts_new(&err);
    if (!d) return 0;
    rl_dict_kind kind = (rl_dict_kind)(data[0] % 5);   /* 0: guessed from the content */
    if (rl_dicts_load_memory(d, kind, "fuzz", (const char *)data + 1, size - 1, NULL, NULL,
                             &err) == 0 &&
        rl_dicts_finish(d, &err) == 0) {
        rl_dict_stats st = {0};
        rl_dicts_check(d, NULL, NULL, &st);
        const char *w[] = {"THE", "A", "B", "'S"};
        size_t m;
        bool story;
        const rl_actor_entry *e = rl_dict_match_actor(d, w, 4, &m);
        if (e) rl_actor_code_on(e, 20200101);
        rl_dict_match_agent(d, w, 4, &m);
        rl_dict_match_discard(d, w, 4, &m, &story);
        const rl_verb_entry *const *v;
        rl_dict_verbs(d, "A", &v);
        const rl_transformation *t;
        rl_dict_transformations(d, &t);
    }
    rl_dicts_close(d);
    return 0;
}
