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

static char *slurp(FILE *f) {
    static char buf[16384];
    rewind(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    return buf;
}

static void test_reports(void) {
    rl_eval_report rep;
    memset(&rep, 0, sizeof rep);
    rep.records = 3;
    rep.passed = 2;
    rep.failed = 1;
    rep.gold_events = 4;
    rep.predicted_events = 2;
    rep.tp_full = 1;
    rep.tp_root = 2;
    rep.actor_pairs = 2;
    rep.actor_source_ok = 2;
    rep.actor_target_ok = 1;
    rep.confusion[19][19] = 1;
    rep.confusion[4][0] = 1;
    rl_eval_miss m = {.id = "X1", .text = "Iran met Iraq.",
                      .gold = {.source = "IRN", .target = "IRQ", .code = "040"}};
    rep.misses = &m;
    rep.nmisses = 1;
    FILE *f = tmpfile();
    CHECK(f != NULL);
    rl_eval_print(f, &rep, 10);
    const char *txt = slurp(f);
    CHECK(strstr(txt, "2 passed, 1 failed") != NULL);
    CHECK(strstr(txt, "F1 0.333") != NULL);            /* P 0.5, R 0.25 */
    CHECK(strstr(txt, "X1: gold IRN 040 IRQ; got nothing") != NULL);
    fclose(f);
    f = tmpfile();
    CHECK(f != NULL);
    CHECK(rl_eval_print_json(f, &rep) == 0);
    txt = slurp(f);
    CHECK(strstr(txt, "\"passed\": 2") != NULL);
    CHECK(strstr(txt, "\"misses\"") != NULL);
    CHECK(strstr(txt, "\"got\": null") != NULL);
    fclose(f);
}

int main(void) {
    RUN(test_xml);
    RUN(test_jsonl);
    RUN(test_errors);
    RUN(test_codebook);
    RUN(test_f1);
    RUN(test_reports);
    return CHECK_DONE();
}
