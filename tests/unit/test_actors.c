/* test_actors.c — actor phrases on hand-written trees: countries with agents,
 * possessives, titles before names, date-ranged people, "spokesperson for the X mission
 * at the Y", pronouns, conjuncts. */
#include "check.h"
#include "coder_util.h"
#include "actors.h"
#include "docres.h"

static rl_dicts *dicts;

typedef struct fx {
    rl_arena *a;
    rl_document doc;
    rl_tree t;
    rl_actor_ctx ctx;
} fx;

static int setup(fx *f, const char *date, const char *src) {
    f->a = rl_arena_new(0);
    if (!f->a || conllu_doc(f->a, &f->doc, "t", date, src) != 0) return -1;
    if (rl_tree_init(&f->t, &f->doc.sentences[0], f->a) != 0) return -1;
    memset(&f->ctx, 0, sizeof f->ctx);
    f->ctx.dicts = dicts;
    f->ctx.t = &f->t;
    f->ctx.doc = rl_docres_new(f->a);
    f->ctx.date = rl_date_parse(date);
    f->ctx.arena = f->a;
    return 0;
}

#define SETUP(date, src) \
    fx f; \
    if (!dicts) SKIP("fixture dictionaries did not load"); \
    CHECK(setup(&f, date, src) == 0); \
    rl_actor x; \
    (void)x

#define RESOLVES(tok, want) do { \
    CHECK(rl_actor_resolve1(&f.ctx, (tok) - 1, &x)); \
    CHECK_STR(x.code, want); \
} while (0)

static void test_country_and_agent(void) {
    /* "the Iranian foreign minister" */
    SETUP("2019-07-18",
          "1 the the DET 4 det\n"
          "2 Iranian Iranian ADJ 4 amod\n"
          "3 foreign foreign ADJ 4 amod\n"
          "4 minister minister NOUN 0 root\n");
    RESOLVES(4, "IRNGOV");
    CHECK_STR(x.text, "Iranian foreign minister");
    rl_arena_free(f.a);
}

static void test_possessive_title_name(void) {
    /* "Iran's Foreign Minister Mohammad Javad Zarif": nobody in the dictionary, yet the
     * possessive country and the title code him */
    SETUP("2019-07-18",
          "1 Iran Iran PROPN 7 nmod:poss\n"
          "2 's 's PART 1 case\n"
          "3 Foreign Foreign PROPN 4 compound\n"
          "4 Minister Minister PROPN 7 compound\n"
          "5 Mohammad Mohammad PROPN 7 compound\n"
          "6 Javad Javad PROPN 7 compound\n"
          "7 Zarif Zarif PROPN 0 root\n");
    RESOLVES(7, "IRNGOV");
    CHECK(x.person);
    CHECK_STR(x.text, "Iran 's Foreign Minister Mohammad Javad Zarif");
    rl_arena_free(f.a);
}

static void test_title_and_dated_person(void) {
    /* "Freedonian President Rufus Firefly": the dictionary's dated entry decides */
    const char *src =
        "1 Freedonian Freedonian ADJ 4 amod\n"
        "2 President President PROPN 4 compound\n"
        "3 Rufus Rufus PROPN 4 compound\n"
        "4 Firefly Firefly PROPN 0 root\n";
    {
        SETUP("2019-07-18", src);
        RESOLVES(4, "FRDGOV");
        rl_arena_free(f.a);
    }
    SETUP("2023-01-01", src);
    RESOLVES(4, "FRDELI");
    rl_arena_free(f.a);
}

static void test_spokesperson_for_mission_at_un(void) {
    /* "a spokesperson for the Iranian mission at the United Nations" → IRNGOV: the mission
     * is Iran's; the UN is only where it sits */
    SETUP("2019-07-18",
          "1 a a DET 2 det\n"
          "2 spokesperson spokesperson NOUN 0 root\n"
          "3 for for ADP 6 case\n"
          "4 the the DET 6 det\n"
          "5 Iranian Iranian ADJ 6 amod\n"
          "6 mission mission NOUN 2 nmod\n"
          "7 at at ADP 10 case\n"
          "8 the the DET 10 det\n"
          "9 United United PROPN 10 compound\n"
          "10 Nations Nations PROPN 6 nmod\n");
    RESOLVES(2, "IRNGOV");
    RESOLVES(10, "IGOUNO");
    rl_arena_free(f.a);
}

static void test_unknown_words_are_no_actor(void) {
    SETUP(NULL,
          "1 the the DET 3 det\n"
          "2 local local ADJ 3 amod\n"
          "3 baker baker NOUN 0 root\n");
    CHECK(!rl_actor_resolve1(&f.ctx, 2, &x));
    rl_arena_free(f.a);
}

static void test_conjuncts(void) {
    /* "Brazil, Russia and Iran" */
    SETUP(NULL,
          "1 Brazil Brazil PROPN 0 root\n"
          "2 , , PUNCT 3 punct\n"
          "3 Russia Russia PROPN 1 conj\n"
          "4 and and CCONJ 5 cc\n"
          "5 Iran Iran PROPN 1 conj\n");
    rl_actor out[4];
    CHECK_INT(rl_actors_resolve(&f.ctx, 0, out, 4), 3);
    CHECK_STR(out[0].code, "BRA");
    CHECK_STR(out[1].code, "RUS");
    CHECK_STR(out[2].code, "IRN");
    rl_arena_free(f.a);
}

static void test_apposition_codes_unknown_person(void) {
    /* "Zog Bartlett, the foreign minister of Freedonia": no entry for Bartlett, coded
     * from the role and remembered under his surname */
    SETUP("2019-07-18",
          "1 Zog Zog PROPN 2 flat\n"
          "2 Bartlett Bartlett PROPN 0 root\n"
          "3 , , PUNCT 6 punct\n"
          "4 the the DET 6 det\n"
          "5 foreign foreign ADJ 6 amod\n"
          "6 minister minister NOUN 2 appos\n"
          "7 of of ADP 8 case\n"
          "8 Freedonia Freedonia PROPN 6 nmod\n");
    f.ctx.remember = true;
    RESOLVES(2, "FRDGOV");
    CHECK_STR(rl_docres_person(f.ctx.doc, "BARTLETT"), "FRDGOV");
    CHECK_STR(rl_docres_role(f.ctx.doc, "MINISTER"), "FRDGOV");
    CHECK_STR(rl_docres_last_person(f.ctx.doc), "FRDGOV");
    rl_arena_free(f.a);
}

static void test_pronouns(void) {
    SETUP(NULL,
          "1 we we PRON 0 root\n"
          "2 his his PRON 3 nmod:poss\n"
          "3 country country NOUN 1 dep\n"
          "4 he he PRON 1 dep\n");
    CHECK(!rl_actor_resolve1(&f.ctx, 0, &x));      /* no speaker, no person yet */
    f.ctx.speaker = "IRNGOV";
    RESOLVES(1, "IRNGOV");
    rl_docres_person_add(f.ctx.doc, "FIREFLY", "FRDGOV", "PRESIDENT");
    RESOLVES(4, "FRDGOV");
    RESOLVES(3, "FRD");         /* "his country": the person's country */
    rl_arena_free(f.a);
}

static void test_upper(void) {
    rl_arena *a = rl_arena_new(0);
    CHECK(a != NULL);
    CHECK_STR(rl_upper(a, "Iran\xe2\x80\x99s"), "IRAN'S");
    CHECK_STR(rl_upper(a, "on"), "ON");
    CHECK_STR(rl_upper(a, "Tiran\xc3\xab"), "TIRAN\xc3\x8b");
    CHECK_STR(rl_upper(a, ""), "");
    rl_arena_free(a);
}

int main(void) {
    dicts = fixture_dicts();
    RUN(test_country_and_agent);
    RUN(test_possessive_title_name);
    RUN(test_title_and_dated_person);
    RUN(test_spokesperson_for_mission_at_un);
    RUN(test_unknown_words_are_no_actor);
    RUN(test_conjuncts);
    RUN(test_apposition_codes_unknown_person);
    RUN(test_pronouns);
    RUN(test_upper);
    rl_dicts_close(dicts);
    return CHECK_DONE();
}
