/* test_models.c — model files: clear errors for corrupt, truncated, mismatched files;
 * and the committed models tag, lemmatize and parse sentences written for this test
 * sensibly. */
#include "check.h"
#include "lemmatizer.h"
#include "models.h"
#include "parser.h"
#include "resources.h"
#include "tagger.h"

#include <stdint.h>
#include <unistd.h>

static char model_dir[4096];
static rl_models *models;

static unsigned char *slurp(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc((size_t)len + 1);
    if (b && fread(b, 1, (size_t)len, f) != (size_t)len) { free(b); b = NULL; }
    fclose(f);
    *n = (size_t)len;
    return b;
}

static int spit(const char *path, const void *b, size_t n) {
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    int ok = fwrite(b, 1, n, f) == n;
    return fclose(f) == 0 && ok ? 0 : -1;
}

/* Writes bytes to a temporary file, opens it as a tagger, returns the error reason. */
static const char *open_tagger_bytes(const void *b, size_t n, char *reason, size_t rsize) {
    char path[] = "/tmp/redline-model-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return "mkstemp failed";
    close(fd);
    if (spit(path, b, n) != 0) { unlink(path); return "write failed"; }
    rl_tagger t;
    rl_error err = {0};
    if (rl_tagger_open(&t, path, &err) == 0) {
        rl_tagger_close(&t);
        unlink(path);
        return NULL;
    }
    /* The error names the file. */
    snprintf(reason, rsize, "%s%s", strcmp(err.file, path) ? "WRONG FILE: " : "", err.reason);
    unlink(path);
    return reason;
}

static void test_open_committed(void) {
    snprintf(model_dir, sizeof model_dir, "%s/models", rl_default_data_dir());
    rl_error err;
    models = rl_models_open(model_dir, &err);
    if (!models) printf("# %s: %s\n", err.file, err.reason);
    CHECK(models != NULL);
}

/* Writes the committed tagger's sections plus a second-pass weight table over nclasses
 * classes to path; 0 on success. */
static int write_two_pass(const rl_tagger *t, uint32_t nclasses, const char *path) {
    static const uint32_t ids[] = {RL_TAG_SEC_WEIGHTS, RL_TAG_SEC_UPOS, RL_TAG_SEC_XPOS,
                                   RL_TAG_SEC_DICT, RL_MODEL_SEC_FEATURES};
    rl_weight_triple tr[] = {{0x1234, 0, 1.0f}, {0x5678, 1, -2.0f}};
    size_t wsize;
    void *w2 = rl_weights_build(tr, 2, nclasses, &wsize);
    rl_model_writer *mw = rl_model_writer_new(RL_TAGGER_KIND);
    rl_error err;
    int rc = !w2 || !mw;
    for (size_t i = 0; !rc && i < sizeof ids / sizeof ids[0]; i++) {
        size_t sz;
        const void *p = rl_model_section(&t->file, ids[i], 0, &sz, &err);
        rc = !p || rl_model_writer_add(mw, ids[i], p, sz);
    }
    rc = rc || rl_model_writer_add(mw, RL_TAG_SEC_WEIGHTS2, w2, wsize) ||
         rl_model_writer_save(mw, path, &err);
    rl_model_writer_free(mw);
    free(w2);
    return rc ? -1 : 0;
}

/* A second tagger pass loads and tags; one over another class count is refused. */
static void test_two_pass_tagger(void) {
    char path[4200], out[4300];
    snprintf(path, sizeof path, "%s/tagger.rlm", model_dir);
    snprintf(out, sizeof out, "/tmp/redline-test-2pass-%ld.rlm", (long)getpid());
    rl_tagger t, t2;
    rl_error err;
    if (rl_tagger_open(&t, path, &err) != 0) SKIP("no committed tagger model");
    CHECK(!t.two_pass || t.wt2.nclasses == t.wt.nclasses);
    CHECK(write_two_pass(&t, t.wt.nclasses, out) == 0);
    CHECK(rl_tagger_open(&t2, out, &err) == 0);
    if (t2.two_pass) {
        rl_arena *a = rl_arena_new(0);
        rl_sentence s = {0};
        rl_token tok[4] = {{.form = "Talks"}, {.form = "resumed"}, {.form = "today"}, {.form = "."}};
        s.tokens = tok;
        s.ntokens = 4;
        CHECK(a && rl_tagger_tag(&t2, &s, a) == 0);
        for (int i = 0; i < 4; i++) CHECK(tok[i].upos && *tok[i].upos && tok[i].xpos);
        rl_arena_free(a);
        rl_tagger_close(&t2);
    }
    CHECK(t2.two_pass == 1);
    CHECK(write_two_pass(&t, t.wt.nclasses + 1, out) == 0);
    CHECK(rl_tagger_open(&t2, out, &err) != 0 && strstr(err.reason, "differ in classes"));
    remove(out);
    rl_tagger_close(&t);
}

static void test_missing_dir(void) {
    rl_error err = {0};
    CHECK(rl_models_open("/nonexistent/redline-models", &err) == NULL);
    CHECK(strstr(err.file, "/nonexistent/redline-models/") != NULL);
    CHECK(strstr(err.reason, "cannot open") != NULL);
}

static void test_corrupt_files(void) {
    char path[4200], why[600];
    snprintf(path, sizeof path, "%s/tagger.rlm", model_dir);
    size_t n;
    unsigned char *b = slurp(path, &n);
    if (!b) SKIP("no committed tagger model");
    CHECK(n > 4096);
    const char *r;
    CHECK(open_tagger_bytes(b, n, why, sizeof why) == NULL);     /* the original is fine */

    CHECK((r = open_tagger_bytes(b, n / 2, why, sizeof why)) && strstr(r, "truncated"));
    CHECK((r = open_tagger_bytes(b, 10, why, sizeof why)) && strstr(r, "truncated"));
    CHECK((r = open_tagger_bytes(b, 0, why, sizeof why)) && strstr(r, "truncated"));

    b[n / 2] ^= 0x55;                                             /* one flipped byte */
    CHECK((r = open_tagger_bytes(b, n, why, sizeof why)) && strstr(r, "checksum"));
    b[n / 2] ^= 0x55;

    unsigned char version = b[8];                                 /* format version */
    b[8] = 99;
    CHECK((r = open_tagger_bytes(b, n, why, sizeof why)) && strstr(r, "version 99"));
    b[8] = version;

    memcpy(b, "NOTAMODL", 8);
    CHECK((r = open_tagger_bytes(b, n, why, sizeof why)) && strstr(r, "not a redline model"));
    free(b);

    /* A parser file where a tagger is expected. */
    snprintf(path, sizeof path, "%s/parser.rlm", model_dir);
    b = slurp(path, &n);
    CHECK(b != NULL);
    CHECK((r = open_tagger_bytes(b, n, why, sizeof why)) && strstr(r, "kind 'PARS'"));
    free(b);

    /* Not a model at all. */
    static const char text[] = "this is a text file, not a model; it is long enough to hold a header"
                               " of sixty-four bytes and some more.\n";
    CHECK((r = open_tagger_bytes(text, sizeof text, why, sizeof why)) && strstr(r, "bad magic"));
}

/* Annotates space-separated words. */
static rl_sentence *annotate(rl_arena *a, const char *text) {
    rl_sentence *s = rl_arena_calloc(a, 1, sizeof *s);
    char *copy = rl_arena_strdup(a, text);
    if (!s || !copy) return NULL;
    s->tokens = rl_arena_calloc(a, 64, sizeof *s->tokens);
    for (char *tok = strtok(copy, " "); tok && s->ntokens < 64; tok = strtok(NULL, " "))
        s->tokens[s->ntokens++].form = tok;
    if (rl_models_annotate(models, s, a) != 0) return NULL;
    return s;
}

static const rl_token *word(const rl_sentence *s, const char *form) {
    for (int i = 0; i < s->ntokens; i++)
        if (!strcmp(s->tokens[i].form, form)) return &s->tokens[i];
    return NULL;
}

static const char *head_of(const rl_sentence *s, const char *form) {
    const rl_token *t = word(s, form);
    return t && t->head > 0 ? s->tokens[t->head - 1].form : t && t->head == 0 ? "ROOT" : "?";
}

static void test_active_sentence(void) {
    if (!models) SKIP("models not loaded");
    rl_arena *a = rl_arena_new(0);
    rl_sentence *s = annotate(a, "On Monday , Iran rejected the proposal .");
    CHECK(s);
    CHECK_STR(word(s, "rejected")->deprel, "root");
    CHECK_STR(word(s, "rejected")->upos, "VERB");
    CHECK_STR(word(s, "rejected")->lemma, "reject");
    CHECK_STR(word(s, "Iran")->deprel, "nsubj");
    CHECK_STR(head_of(s, "Iran"), "rejected");
    CHECK_STR(word(s, "Iran")->upos, "PROPN");
    CHECK_STR(word(s, "proposal")->deprel, "obj");
    CHECK_STR(head_of(s, "proposal"), "rejected");
    CHECK_STR(head_of(s, "Monday"), "rejected");
    CHECK_STR(word(s, "the")->deprel, "det");
    rl_arena_free(a);
}

static void test_passive_sentence(void) {
    if (!models) SKIP("models not loaded");
    rl_arena *a = rl_arena_new(0);
    rl_sentence *s = annotate(a, "The embassy was attacked by protesters in Tehran .");
    CHECK(s);
    CHECK_STR(word(s, "attacked")->deprel, "root");
    CHECK_STR(word(s, "embassy")->deprel, "nsubj:pass");
    CHECK_STR(head_of(s, "embassy"), "attacked");
    CHECK_STR(word(s, "was")->deprel, "aux:pass");
    CHECK(!strncmp(word(s, "protesters")->deprel, "obl", 3));
    CHECK_STR(head_of(s, "protesters"), "attacked");
    CHECK_STR(word(s, "by")->deprel, "case");
    CHECK_STR(word(s, "protesters")->lemma, "protester");
    CHECK_STR(word(s, "was")->lemma, "be");
    rl_arena_free(a);
}

static void test_reported_speech(void) {
    if (!models) SKIP("models not loaded");
    rl_arena *a = rl_arena_new(0);
    rl_sentence *s = annotate(a, "The minister said that the army had killed three soldiers .");
    CHECK(s);
    CHECK_STR(word(s, "said")->deprel, "root");
    CHECK_STR(head_of(s, "minister"), "said");
    CHECK_STR(word(s, "killed")->deprel, "ccomp");
    CHECK_STR(head_of(s, "killed"), "said");
    CHECK_STR(head_of(s, "army"), "killed");
    CHECK_STR(head_of(s, "soldiers"), "killed");
    CHECK_STR(word(s, "soldiers")->deprel, "obj");
    rl_arena_free(a);
}

static void test_lemmas(void) {
    if (!models) SKIP("models not loaded");
    rl_arena *a = rl_arena_new(0);
    rl_sentence *s = annotate(a, "Rebels seized the towns , took hostages and fled .");
    CHECK(s);
    CHECK_STR(word(s, "Rebels")->lemma, "rebel");      /* capitalised sentence start */
    CHECK_STR(word(s, "seized")->lemma, "seize");
    CHECK_STR(word(s, "towns")->lemma, "town");
    CHECK_STR(word(s, "took")->lemma, "take");
    CHECK_STR(word(s, "hostages")->lemma, "hostage");
    CHECK_STR(word(s, "fled")->lemma, "flee");
    s = annotate(a, "Officials are meeting the children of the women who were threatened .");
    CHECK(s);
    CHECK_STR(word(s, "Officials")->lemma, "official");
    CHECK_STR(word(s, "are")->lemma, "be");
    CHECK_STR(word(s, "meeting")->lemma, "meet");
    CHECK_STR(word(s, "children")->lemma, "child");
    CHECK_STR(word(s, "women")->lemma, "woman");
    CHECK_STR(word(s, "threatened")->lemma, "threaten");
    s = annotate(a, "The Americans bought weapons and went home .");
    CHECK(s);
    CHECK_STR(word(s, "bought")->lemma, "buy");
    CHECK_STR(word(s, "went")->lemma, "go");
    CHECK_STR(word(s, "weapons")->lemma, "weapon");
    CHECK_STR(word(s, "Americans")->upos, "PROPN");
    CHECK_STR(word(s, "Americans")->lemma, "American");   /* proper nouns keep case */
    /* Words the treebank never had: suffix rules. */
    s = annotate(a, "They were zorbling the flimbers .");
    CHECK(s);
    CHECK_STR(word(s, "zorbling")->lemma, "zorble");
    CHECK_STR(word(s, "flimbers")->lemma, "flimber");
    rl_arena_free(a);
}

static void test_features(void) {
    if (!models) SKIP("models not loaded");
    rl_arena *a = rl_arena_new(0);
    rl_sentence *s = annotate(a, "The soldiers attacked the village .");
    CHECK(s);
    CHECK(strstr(word(s, "soldiers")->feats, "Number=Plur") != NULL);
    CHECK(strstr(word(s, "attacked")->feats, "Tense=Past") != NULL);
    CHECK(strstr(word(s, "village")->feats, "Number=Sing") != NULL);
    rl_arena_free(a);
}

int main(void) {
    RUN(test_open_committed);
    RUN(test_two_pass_tagger);
    RUN(test_missing_dir);
    RUN(test_corrupt_files);
    RUN(test_active_sentence);
    RUN(test_passive_sentence);
    RUN(test_reported_speech);
    RUN(test_lemmas);
    RUN(test_features);
    rl_models_close(models);
    return CHECK_DONE();
}
