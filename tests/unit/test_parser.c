/* test_parser.c — property test: whatever the tokens, the tagger, lemmatizer and parser
 * return a well-formed tree (one root, no cycles, heads in range) with every token
 * tagged, lemmatized and labelled; the same for the parser alone at every beam width;
 * beam search of width 1 is the greedy parser; the model's beam width is read and
 * checked. Uses the committed models in data/models. */
#include "check.h"
#include "models.h"
#include "parser.h"
#include "resources.h"

#include <stdint.h>
#include <unistd.h>

static rl_models *models;

static uint64_t rnd(uint64_t *s) {
    *s ^= *s << 13; *s ^= *s >> 7; *s ^= *s << 17;
    return *s;
}

/* Checks the heads and relations of a parsed sentence; returns NULL or what is wrong. */
static const char *arcs_problem(const rl_sentence *s) {
    int n = s->ntokens, roots = 0;
    for (int i = 0; i < n; i++) {
        const rl_token *t = &s->tokens[i];
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

/* The same plus tags and lemmas, for a fully annotated sentence. */
static const char *tree_problem(const rl_sentence *s) {
    for (int i = 0; i < s->ntokens; i++) {
        const rl_token *t = &s->tokens[i];
        if (!t->upos || !*t->upos || !t->xpos || !*t->xpos) return "untagged token";
        if (!t->lemma || !*t->lemma) return "token without lemma";
    }
    return arcs_problem(s);
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

/* ---- the parser alone, at several beam widths ---------------------------------------- */

static const char *const tags[] = {"NN", "NNS", "NNP", "VB", "VBD", "VBZ", "VBN", "VBG", "IN",
                                   "DT", "JJ", "RB", ",", ".", "PRP", "CC", "CD", "TO", "MD",
                                   "POS", "-LRB-", "-RRB-", "``", "XX", ""};
#define NTAGS (sizeof tags / sizeof tags[0])

/* A random sentence of n tokens with random forms and XPOS tags (the parser reads no more). */
static rl_sentence random_tagged(rl_arena *a, int n, uint64_t *seed) {
    rl_sentence s = {0};
    s.tokens = rl_arena_calloc(a, (size_t)n, sizeof *s.tokens);
    s.ntokens = s.tokens ? n : 0;
    for (int i = 0; i < s.ntokens; i++) {
        s.tokens[i].form = pool[rnd(seed) % NPOOL];
        s.tokens[i].xpos = tags[rnd(seed) % NTAGS];
        s.tokens[i].head = -1;
    }
    return s;
}

static void open_committed_parser(rl_parser *p, int *ok) {
    char path[4200];
    rl_error err;
    snprintf(path, sizeof path, "%s/models/parser.rlm", rl_default_data_dir());
    *ok = rl_parser_open(p, path, &err) == 0;
    if (!*ok) printf("# %s: %s\n", err.file, err.reason);
}

/* Beam search with one item takes the best transition at every step, with the same
 * tie-breaking: it must give the greedy parser's tree exactly. */
static void test_beam_one_is_greedy(void) {
    rl_parser p;
    int ok;
    open_committed_parser(&p, &ok);
    if (!ok) SKIP("no committed parser model");
    rl_arena *a = rl_arena_new(0);
    CHECK(a);
    uint64_t seed = 777;
    for (int iter = 0; iter < 500; iter++) {
        rl_arena_reset(a);
        int n = 1 + (int)(rnd(&seed) % 50);
        rl_sentence g = random_tagged(a, n, &seed), b = g;
        b.tokens = rl_arena_calloc(a, (size_t)n, sizeof *b.tokens);
        CHECK(g.ntokens == n && b.tokens);
        memcpy(b.tokens, g.tokens, (size_t)n * sizeof *b.tokens);
        CHECK(rl_parser_parse_width(&p, &g, a, 1) == 0);
        CHECK(rl_parser_parse_beam(&p, &b, a, 1) == 0);
        for (int i = 0; i < n; i++) {
            CHECK_INT(b.tokens[i].head, g.tokens[i].head);
            CHECK_STR(b.tokens[i].deprel, g.tokens[i].deprel);
        }
    }
    rl_arena_free(a);
    rl_parser_close(&p);
}

/* Every width gives a tree, for random sentences up to 300 tokens. */
static void test_beam_trees(void) {
    rl_parser p;
    int ok;
    open_committed_parser(&p, &ok);
    if (!ok) SKIP("no committed parser model");
    rl_arena *a = rl_arena_new(0);
    CHECK(a);
    uint64_t seed = 4242;
    static const int widths[] = {2, 3, 8, 17, RL_PARSE_MAX_BEAM};
    for (int iter = 0; iter < 300; iter++) {
        int w = widths[iter % 5], n = 1 + (int)(rnd(&seed) % (iter % 10 == 0 ? 300 : 40));
        rl_arena_reset(a);
        rl_sentence s = random_tagged(a, n, &seed);
        CHECK(s.ntokens == n);
        CHECK(rl_parser_parse_width(&p, &s, a, w) == 0);
        const char *why = arcs_problem(&s);
        if (why) printf("# width %d, %d tokens: %s\n", w, n, why);
        CHECK(why == NULL);
    }
    rl_arena_free(a);
    rl_parser_close(&p);
}

/* A tiny parser model: two labels, a few weights, and a BEAM section unless beam < 0. */
static int write_tiny_parser(const char *path, int beam) {
    static const char chars[] = "root\0dep";
    uint8_t lab[4 + 8 + sizeof chars];
    uint32_t cnt = 2, off[2] = {0, 5}, feat = RL_PARSE_FEATURE_SET, w = (uint32_t)beam;
    memcpy(lab, &cnt, 4);
    memcpy(lab + 4, off, 8);
    memcpy(lab + 12, chars, sizeof chars);
    rl_weight_triple tr[] = {{0x1234, 0, 1.0f}, {0x5678, 3, -2.0f}};
    size_t wsize;
    void *wt = rl_weights_build(tr, 2, 5, &wsize);
    rl_model_writer *mw = rl_model_writer_new(RL_PARSER_KIND);
    rl_error err;
    int rc = !wt || !mw ||
             rl_model_writer_add(mw, RL_PARSE_SEC_WEIGHTS, wt, wsize) ||
             rl_model_writer_add(mw, RL_PARSE_SEC_LABELS, lab, sizeof lab) ||
             rl_model_writer_add(mw, RL_MODEL_SEC_FEATURES, &feat, 4) ||
             (beam >= 0 && rl_model_writer_add(mw, RL_PARSE_SEC_BEAM, &w, 4)) ||
             rl_model_writer_save(mw, path, &err);
    rl_model_writer_free(mw);
    free(wt);
    return rc ? -1 : 0;
}

/* The width stored in the model is used; a file without one is greedy; nonsense widths
 * are refused with a message. */
static void test_beam_section(void) {
    char path[256];
    snprintf(path, sizeof path, "/tmp/redline-test-beam-%ld.rlm", (long)getpid());
    rl_parser p;
    rl_error err;
    CHECK(write_tiny_parser(path, -1) == 0);
    CHECK(rl_parser_open(&p, path, &err) == 0);
    CHECK_INT(p.beam, 1);
    rl_parser_close(&p);
    CHECK(write_tiny_parser(path, 5) == 0);
    CHECK(rl_parser_open(&p, path, &err) == 0);
    CHECK_INT(p.beam, 5);
    rl_arena *a = rl_arena_new(0);
    uint64_t seed = 99;
    rl_sentence s = random_tagged(a, 12, &seed);
    CHECK(s.ntokens == 12 && rl_parser_parse(&p, &s, a) == 0);
    CHECK(arcs_problem(&s) == NULL);
    rl_arena_free(a);
    rl_parser_close(&p);
    CHECK(write_tiny_parser(path, 0) == 0);
    CHECK(rl_parser_open(&p, path, &err) != 0 && strstr(err.reason, "beam width 0"));
    CHECK(write_tiny_parser(path, RL_PARSE_MAX_BEAM + 1) == 0);
    CHECK(rl_parser_open(&p, path, &err) != 0 && strstr(err.reason, "out of range"));
    remove(path);
}

int main(void) {
    RUN(test_models_load);
    RUN(test_edge_sentences);
    RUN(test_long_sentences);
    RUN(test_random_sentences);
    RUN(test_beam_one_is_greedy);
    RUN(test_beam_trees);
    RUN(test_beam_section);
    rl_models_close(models);
    return CHECK_DONE();
}
