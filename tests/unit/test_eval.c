/* test_eval.c — the gold readers behind `redline eval` (PETRARCH XML, JSON lines,
 * codebook lines) and the F1 arithmetic. Coding itself is tested in tests/cli. */
#include "check.h"
#include "eval.h"

#define FIX "tests/fixtures/coder/"

static void test_xml(void) {
    rl_error err;
    rl_gold_set *g = rl_gold_load(FIX "gold.xml", &err);
    CHECK(g != NULL);
    CHECK_INT(rl_gold_count(g), 3);
    const rl_gold_record *r = rl_gold_get(g, 0);
    CHECK_STR(r->id, "FIX-01");
    CHECK_STR(r->date, "2019-07-18");
    CHECK_STR(r->text, "Iran attacked Freedonia.");     /* wrapped lines joined */
    CHECK_INT(r->nevents, 1);
    CHECK_STR(r->events[0].source, "IRN");
    CHECK_STR(r->events[0].target, "FRD");
    CHECK_STR(r->events[0].code, "190");
    CHECK_INT(rl_gold_get(g, 1)->nevents, 2);
    CHECK_INT(rl_gold_get(g, 2)->nevents, 0);
    const rl_resource_paths *env = rl_gold_environment(g);
    CHECK_STR(env->verbs, FIX "verbs.txt");          /* relative to the XML file */
    CHECK_STR(env->actors, FIX "actors.txt");
    CHECK_STR(env->discards, FIX "discards.txt");
    rl_gold_free(g);
}

static void test_jsonl(void) {
    rl_error err;
    rl_gold_set *g = rl_gold_load(FIX "gold.jsonl", &err);
    CHECK(g != NULL);
    CHECK_INT(rl_gold_count(g), 4);                     /* the blank line is skipped */
    const rl_gold_record *r = rl_gold_get(g, 3);
    CHECK_STR(r->id, "J4");
    CHECK_INT(r->nevents, 2);
    CHECK_STR(r->events[1].target, "");                 /* null target */
    CHECK(rl_gold_get(g, 2)->date == NULL);
    rl_gold_free(g);
}

static void test_errors(void) {
    rl_error err;
    memset(&err, 0, sizeof err);
    CHECK(rl_gold_load(FIX "bad.jsonl", &err) == NULL);
    CHECK_INT(err.status, RL_ERR_FORMAT);
    CHECK_INT(err.record, 2);                           /* the record without text */
    CHECK(rl_gold_load(FIX "no-such-file.jsonl", &err) == NULL);
    CHECK_INT(err.status, RL_ERR_IO);
}

static void test_codebook(void) {
    rl_error err;
    rl_gold_set *g = rl_codebook_load(FIX "codebook.jsonl", &err);
    CHECK(g != NULL);
    CHECK_INT(rl_gold_count(g), 3);
    CHECK_STR(rl_gold_get(g, 1)->id, "190.2");
    CHECK_STR(rl_gold_get(g, 2)->events[0].code, "051");
    rl_gold_free(g);
}

static void test_f1(void) {
    CHECK(rl_eval_f1(0, 0, 0) == 0.0);
    CHECK(rl_eval_f1(5, 10, 10) > 0.499 && rl_eval_f1(5, 10, 10) < 0.501);
    CHECK(rl_eval_f1(10, 10, 10) == 1.0);
}

int main(void) {
    RUN(test_xml);
    RUN(test_jsonl);
    RUN(test_errors);
    RUN(test_codebook);
    RUN(test_f1);
    return CHECK_DONE();
}
