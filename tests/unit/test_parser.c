/* test_parser.c — property test: whatever the tokens, the tagger, lemmatizer and parser
 * return a well-formed tree (one root, no cycles, heads in range) with every token
 * tagged, lemmatized and labelled. Uses the committed models in data/models. */
#include "check.h"
#include "models.h"
#include "resources.h"

#include <stdint.h>

static rl_models *models;

static uint64_t rnd(uint64_t *s) {
    *s ^= *s << 13; *s ^= *s >> 7; *s ^= *s << 17;
    return *s;
}

/* Checks one annotated sentence; returns NULL or what is wrong. */
static const char *tree_problem(const rl_sentence *s) {
    int n = s->ntokens, roots = 0;
    for (int i = 0; i < n; i++) {
        const rl_token *t = &s->tokens[i];
        if (!t->upos || !*t->upos || !t->xpos || !*t->xpos) return "untagged token";
        if (!t->lemma || !*t->lemma) return "token without lemma";
        if (!t->deprel || !*t->deprel) return "token without relation";
        if (t->head < 0 || t->head > n) return "head out of range";
        if (t->head == i + 1) return "token is its own head";
        if (t->head == 0) roots++;
        if ((t->head == 0) != !strcmp(t->deprel, "root")) return "root label mismatch";
    }
    if (roots != 1) return "not exactly one root";
    for (int i = 0; i < n; i++) {
        /* Walking up from any token reaches the root within n steps. */
        int h = i + 1, steps = 0;
        while (h != 0 && steps <= n) { h = s->tokens[h - 1].head; steps++; }
        if (h != 0) return "cycle";
    }
    return NULL;
}

static const char *const pool[] = {
    "the", "Iran", "rejected", "talks", ",", ".", "!", "?", "\"", "(", ")", "-", "--", "...",
    "2019", "3.5", "1,000", "42", "0", "%", "$", "€", "@", "#", "US", "U.S.", "didn't", "n't",
    "Москва", "отклонил", "北京", "拒绝", "طهران", "رفضت", "😀", "🇮🇷", "👍🏽", "\xe2\x80\x8b",
    "", "a", "I", "said", "was", "attacked", "by", "of", "and", "https://example.org/x?y=1",
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    "e-mail", "re-elected", "Al-Zaman", "ing", "s", "ed", "'s", "’", "«", "»",
};
#define NPOOL (sizeof pool / sizeof pool[0])

static const char *annotate_check(rl_arena *a, const char *const *forms, int n) {
    rl_sentence s = {0};
    s.tokens = rl_arena_calloc(a, (size_t)(n ? n : 1), sizeof *s.tokens);
    if (!s.tokens) return "out of memory";
    s.ntokens = n;
    for (int i = 0; i < n; i++) { s.tokens[i].form = forms[i]; s.tokens[i].head = -1; }
    if (rl_models_annotate(models, &s, a) != 0) return "annotate failed";
    return n ? tree_problem(&s) : NULL;
}

static void test_models_load(void) {
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/models", rl_default_data_dir());
    rl_error err;
    models = rl_models_open(dir, &err);
    if (!models) printf("# %s: %s\n", err.file, err.reason);
    CHECK(models != NULL);
}

static void test_edge_sentences(void) {
    if (!models) SKIP("models not loaded");
    rl_arena *a = rl_arena_new(0);
    CHECK(a);
    static const char *one[] = {"Hello"}, *empty[] = {""}, *punct[] = {".", ",", "!", "?", ";", "(", ")", "\"", "-", "..."};
    static const char *digits[] = {"1", "22", "333", "4444", "55555", "0.5", "7", "8", "9"};
    static const char *cyr[] = {"Президент", "Ирана", "отклонил", "предложение", "."};
    static const char *cjk[] = {"伊朗", "拒绝", "了", "提议", "。"};
    static const char *emoji[] = {"😀", "😀", "🇮🇷", "👍🏽", "🔥"};
    static const char *empties[] = {"", "", "", ""};
    const char *p;
    CHECK((p = annotate_check(a, one, 1)) == NULL);
    CHECK((p = annotate_check(a, empty, 1)) == NULL);
    CHECK((p = annotate_check(a, punct, 10)) == NULL);
    CHECK((p = annotate_check(a, digits, 9)) == NULL);
    CHECK((p = annotate_check(a, cyr, 5)) == NULL);
    CHECK((p = annotate_check(a, cjk, 5)) == NULL);
    CHECK((p = annotate_check(a, emoji, 5)) == NULL);
    CHECK((p = annotate_check(a, empties, 4)) == NULL);
    CHECK((p = annotate_check(a, one, 0)) == NULL);   /* no tokens: nothing to do */
    rl_arena_free(a);
}

static void test_long_sentences(void) {
    if (!models) SKIP("models not loaded");
    rl_arena *a = rl_arena_new(0);
    const char **forms = malloc(2000 * sizeof *forms);
    CHECK(a && forms);
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    int lens[] = {500, 777, 2000};
    for (int k = 0; k < 3; k++) {
        for (int i = 0; i < lens[k]; i++) forms[i] = pool[rnd(&seed) % NPOOL];
        rl_arena_reset(a);
        const char *p = annotate_check(a, forms, lens[k]);
        if (p) printf("# length %d: %s\n", lens[k], p);
        CHECK(p == NULL);
    }
    /* The same word 600 times, and 600 commas. */
    for (int i = 0; i < 600; i++) forms[i] = "said";
    rl_arena_reset(a);
    CHECK(annotate_check(a, forms, 600) == NULL);
    for (int i = 0; i < 600; i++) forms[i] = ",";
    rl_arena_reset(a);
    CHECK(annotate_check(a, forms, 600) == NULL);
    free(forms);
    rl_arena_free(a);
}

static void test_random_sentences(void) {
    if (!models) SKIP("models not loaded");
    rl_arena *a = rl_arena_new(0);
    CHECK(a);
    uint64_t seed = 12345;
    const char *forms[64];
    char bytes[64][12];
    for (int iter = 0; iter < 2000; iter++) {
        int n = 1 + (int)(rnd(&seed) % 64);
        for (int i = 0; i < n; i++) {
            if (rnd(&seed) % 4) {
                forms[i] = pool[rnd(&seed) % NPOOL];
            } else {
                /* Fuzzed bytes: any non-NUL byte, invalid UTF-8 included. */
                int len = (int)(rnd(&seed) % 11);
                for (int j = 0; j < len; j++) bytes[i][j] = (char)(1 + rnd(&seed) % 255);
                bytes[i][len] = '\0';
                forms[i] = bytes[i];
            }
        }
        rl_arena_reset(a);
        const char *p = annotate_check(a, forms, n);
        if (p) printf("# iteration %d (%d tokens): %s\n", iter, n, p);
        CHECK(p == NULL);
    }
    rl_arena_free(a);
}

int main(void) {
    RUN(test_models_load);
    RUN(test_edge_sentences);
    RUN(test_long_sentences);
    RUN(test_random_sentences);
    rl_models_close(models);
    return CHECK_DONE();
}
