/* test_coder_docs.c — coder rules about who the parties of an event are, on trees
 * written for these tests with the fixture dictionaries: a discussion's topic is not
 * its target; a former leader's supporters are the opposition; "his" can stand for a
 * person named as an owner; "the two ministers" keep their portfolio; conjoined
 * passives share the by-agent; forces in a relative clause act for their sender;
 * preparing for talks is not talks. */
#include "check.h"
#include "coder_util.h"

static rl_dicts *dicts;

#define CODE(date, src, opts) \
    coded c; \
    if (!dicts) SKIP("fixture dictionaries did not load"); \
    CHECK(code_conllu(dicts, date, src, opts, &c) == 0)

#define END() rl_arena_free(c.arena)

/* Whether an event src-code-tgt ("-" = no target) is among the events. */
static bool has_event(const coded *c, const char *src, const char *code, const char *tgt) {
    for (size_t i = 0; i < c->n; i++) {
        const rl_event *e = &c->ev[i];
        if (strcmp(e->source, src) == 0 && strcmp(e->code, code) == 0 &&
            strcmp(e->target ? e->target : "-", tgt) == 0)
            return true;
    }
    return false;
}

static void test_negotiated_topic_is_not_target(void) {
    /* "Brazil and Freedonia negotiated Sylvania's future": both are at the table */
    CODE(NULL,
         "1 Brazil Brazil PROPN 4 nsubj\n"
         "2 and and CCONJ 3 cc\n"
         "3 Freedonia Freedonia PROPN 1 conj\n"
         "4 negotiated negotiate VERB 0 root\n"
         "5 Sylvania Sylvania PROPN 4 obj\n"
         "6 . . PUNCT 4 punct\n", NULL);
    if (c.n != 2) dump_events(&c);
    CHECK_INT(c.n, 2);
    CHECK(has_event(&c, "BRA", "046", "FRD"));
    CHECK(has_event(&c, "FRD", "046", "BRA"));
    END();
}

static void test_negotiated_with_keeps_oblique_party(void) {
    /* "Brazil and Freedonia negotiated with Sylvania": a party, not a topic */
    CODE(NULL,
         "1 Brazil Brazil PROPN 4 nsubj\n"
         "2 and and CCONJ 3 cc\n"
         "3 Freedonia Freedonia PROPN 1 conj\n"
         "4 negotiated negotiate VERB 0 root\n"
         "5 with with ADP 6 case\n"
         "6 Sylvania Sylvania PROPN 4 obl\n"
         "7 . . PUNCT 4 punct\n", NULL);
    if (c.n != 2) dump_events(&c);
    CHECK_INT(c.n, 2);
    CHECK(has_event(&c, "BRA", "046", "SYL"));
    CHECK(has_event(&c, "FRD", "046", "SYL"));
    END();
}

static const char *supporters =
    "1 Supporters supporter NOUN 7 nsubj\n"
    "2 of of ADP 6 case\n"
    "3 the the DET 6 det\n"
    "4 %s %s ADJ 6 amod\n"
    "5 Brazilian Brazilian ADJ 6 amod\n"
    "6 president president NOUN 1 nmod\n"
    "7 attacked attack VERB 0 root\n"
    "8 Freedonia Freedonia PROPN 7 obj\n"
    "9 . . PUNCT 7 punct\n";

static void test_supporters_of_former_leader_are_opposition(void) {
    char buf[512];
    snprintf(buf, sizeof buf, supporters, "former", "former");
    CODE(NULL, buf, NULL);
    if (c.n != 1) dump_events(&c);
    CHECK_INT(c.n, 1);
    CHECK(has_event(&c, "BRAOPP", "190", "FRD"));
    END();
}

static void test_supporters_of_sitting_leader_keep_code(void) {
    char buf[512];
    snprintf(buf, sizeof buf, supporters, "elected", "elected");
    CODE(NULL, buf, NULL);
    if (c.n != 1) dump_events(&c);
    CHECK_INT(c.n, 1);
    CHECK(has_event(&c, "BRAGOV", "190", "FRD"));
    END();
}

static void test_his_stands_for_a_person_named_as_owner(void) {
    /* "… the Sylvanian president's palace and condemned his speech": his = the
     * president, named only as the owner of the palace */
    CODE(NULL,
         "1 Freedonia Freedonia PROPN 2 nsubj\n"
         "2 mocked mock VERB 0 root\n"
         "3 the the DET 5 det\n"
         "4 Sylvanian Sylvanian ADJ 5 amod\n"
         "5 president president NOUN 7 nmod:poss\n"
         "6 's 's PART 5 case\n"
         "7 palace palace NOUN 2 obj\n"
         "8 and and CCONJ 9 cc\n"
         "9 condemned condemn VERB 2 conj\n"
         "10 his his PRON 11 nmod:poss\n"
         "11 speech speech NOUN 9 obj\n"
         "12 . . PUNCT 2 punct\n", NULL);
    if (c.n != 1) dump_events(&c);
    CHECK_INT(c.n, 1);
    CHECK(has_event(&c, "FRD", "111", "SYLGOV"));
    END();
}

static void test_two_ministers_keep_their_portfolio(void) {
    /* after two trade ministers meet, "the two ministers" are both, with the trade
     * portfolio (GOVBUS), not bare governments */
    CODE(NULL,
         "1 Freedonia Freedonia PROPN 3 nmod:poss\n"
         "2 's 's PART 1 case\n"
         "3 trade trade NOUN 4 compound\n"
         "4 minister minister NOUN 5 nsubj\n"
         "5 visited visit VERB 0 root\n"
         "6 the the DET 9 det\n"
         "7 Sylvanian Sylvanian ADJ 9 amod\n"
         "8 trade trade NOUN 9 compound\n"
         "9 minister minister NOUN 5 obj\n"
         "10 . . PUNCT 5 punct\n"
         "\n"
         "1 The the DET 3 det\n"
         "2 two two NUM 3 nummod\n"
         "3 ministers minister NOUN/NNS 4 nsubj\n"
         "4 signed sign VERB 0 root\n"
         "5 a a DET 6 det\n"
         "6 treaty treaty NOUN 4 obj\n"
         "7 . . PUNCT 4 punct\n", NULL);
    if (c.n != 3) dump_events(&c);
    CHECK_INT(c.n, 3);
    CHECK(has_event(&c, "FRDGOVBUS", "042", "SYLGOVBUS"));
    CHECK(has_event(&c, "FRDGOVBUS", "057", "SYLGOVBUS"));
    CHECK(has_event(&c, "SYLGOVBUS", "057", "FRDGOVBUS"));
    END();
}

static void test_conjoined_passives_share_the_agent(void) {
    /* "… was condemned and attacked by Sylvania": Sylvania did both */
    CODE(NULL,
         "1 The the DET 3 det\n"
         "2 Freedonian Freedonian ADJ 3 amod\n"
         "3 president president NOUN 5 nsubj:pass\n"
         "4 was be AUX 5 aux:pass\n"
         "5 condemned condemn VERB 0 root\n"
         "6 and and CCONJ 7 cc\n"
         "7 attacked attack VERB 5 conj\n"
         "8 by by ADP 9 case\n"
         "9 Sylvania Sylvania PROPN 7 obl:agent\n"
         "10 . . PUNCT 5 punct\n", NULL);
    if (c.n != 2) dump_events(&c);
    CHECK_INT(c.n, 2);
    CHECK(has_event(&c, "SYL", "111", "FRDGOV"));
    CHECK(has_event(&c, "SYL", "190", "FRDGOV"));
    END();
}

static void test_passive_conjunct_after_copula(void) {
    /* "was shot and wounded by …" with the first participle parsed as a noun after a
     * copula: the second is still passive, its shared subject the patient */
    CODE(NULL,
         "1 The the DET 3 det\n"
         "2 Freedonian Freedonian ADJ 3 amod\n"
         "3 president president NOUN 5 nsubj\n"
         "4 was be AUX 5 cop\n"
         "5 hit hit NOUN 0 root\n"
         "6 and and CCONJ 7 cc\n"
         "7 attacked attack VERB 5 conj\n"
         "8 by by ADP 9 case\n"
         "9 Sylvania Sylvania PROPN 7 obl:agent\n"
         "10 . . PUNCT 5 punct\n", NULL);
    if (c.n != 1) dump_events(&c);
    CHECK_INT(c.n, 1);
    CHECK(has_event(&c, "SYL", "190", "FRDGOV"));
    END();
}

static void test_forces_in_relative_clause_act_for_their_sender(void) {
    /* "Freedonia sent the troops that attacked Sylvania": one attack, by Freedonia,
     * not a sending aimed at its own troops plus an attack by them */
    CODE(NULL,
         "1 Freedonia Freedonia PROPN 2 nsubj\n"
         "2 sent send VERB 0 root\n"
         "3 the the DET 4 det\n"
         "4 troops troops NOUN/NNS 2 obj\n"
         "5 that that PRON 6 nsubj\n"
         "6 attacked attack VERB 4 acl:relcl\n"
         "7 Sylvania Sylvania PROPN 6 obj\n"
         "8 . . PUNCT 2 punct\n", NULL);
    if (c.n != 1) dump_events(&c);
    CHECK_INT(c.n, 1);
    CHECK(has_event(&c, "FRD", "190", "SYL"));
    END();
}

static const char *for_talks =
    "1 Freedonia Freedonia PROPN 2 nsubj\n"
    "2 %s %s VERB 0 root\n"
    "3 for for ADP 4 case\n"
    "4 talks talk NOUN/NNS 2 obl\n"
    "5 with with ADP 6 case\n"
    "6 Sylvania Sylvania PROPN 4 nmod\n"
    "7 . . PUNCT 2 punct\n";

static void test_preparing_for_talks_is_not_talks(void) {
    char buf[512];
    snprintf(buf, sizeof buf, for_talks, "prepared", "prepare");
    CODE(NULL, buf, NULL);
    if (c.n != 0) dump_events(&c);
    CHECK_INT(c.n, 0);
    END();
}

static void test_travelling_for_talks_is_talks(void) {
    char buf[512];
    snprintf(buf, sizeof buf, for_talks, "travelled", "travel");
    CODE(NULL, buf, NULL);
    if (c.n != 1) dump_events(&c);
    CHECK_INT(c.n, 1);
    CHECK(has_event(&c, "FRD", "046", "SYL"));
    END();
}

int main(void) {
    dicts = fixture_dicts();
    RUN(test_negotiated_topic_is_not_target);
    RUN(test_negotiated_with_keeps_oblique_party);
    RUN(test_supporters_of_former_leader_are_opposition);
    RUN(test_supporters_of_sitting_leader_keep_code);
    RUN(test_his_stands_for_a_person_named_as_owner);
    RUN(test_two_ministers_keep_their_portfolio);
    RUN(test_conjoined_passives_share_the_agent);
    RUN(test_passive_conjunct_after_copula);
    RUN(test_forces_in_relative_clause_act_for_their_sender);
    RUN(test_preparing_for_talks_is_not_talks);
    RUN(test_travelling_for_talks_is_talks);
    rl_dicts_close(dicts);
    return CHECK_DONE();
}
