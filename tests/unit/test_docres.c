/* test_docres.c — document-level resolution: people remembered across sentences
 * (surname, "he", "the minister", "his country"), quote attribution ("X said:" + next
 * sentence, "“…,” X added", "X wrote on Twitter that …"), relative dates. */
#include "check.h"
#include "coder_util.h"
#include "docres.h"

static rl_dicts *dicts;

static void test_dates(void) {
    CHECK_INT(rl_date_parse("2019-07-18"), 20190718);
    CHECK_INT(rl_date_parse("July 18"), 0);
    CHECK_INT(rl_date_parse(NULL), 0);
    CHECK_INT(rl_date_weekday(20190718), 3);               /* a Thursday */
    CHECK_INT(rl_date_relative(20190718, "WEDNESDAY", false), 20190717);
    CHECK_INT(rl_date_relative(20190718, "THURSDAY", false), 20190718);
    CHECK_INT(rl_date_relative(20190718, "THURSDAY", true), 20190711);
    CHECK_INT(rl_date_relative(20190718, "SUNDAY", true), 20190714);
    CHECK_INT(rl_date_relative(20190718, "FRIDAY", false), 20190712);
    CHECK_INT(rl_date_relative(20190718, "YESTERDAY", false), 20190717);
    CHECK_INT(rl_date_relative(20190301, "YESTERDAY", false), 20190228);
    CHECK_INT(rl_date_relative(20200301, "YESTERDAY", false), 20200229);
    CHECK_INT(rl_date_relative(20200101, "TUESDAY", false), 20191231);
    CHECK_INT(rl_date_relative(20190718, "MAY", false), 0);
    CHECK_INT(rl_date_relative(0, "MONDAY", false), 0);
    CHECK_INT(rl_date_add(20191231, 1), 20200101);
    rl_arena *a = rl_arena_new(0);
    CHECK(a != NULL);
    CHECK_STR(rl_date_format(a, 20190705), "2019-07-05");
    rl_arena_free(a);
}

static void test_memory(void) {
    rl_arena *a = rl_arena_new(0);
    rl_docres *r = rl_docres_new(a);
    CHECK(r != NULL);
    CHECK(rl_docres_last_person(r) == NULL);
    rl_docres_person_add(r, "VAEZI", "IRNGOV", "HEAD");
    rl_docres_person_add(r, "TRUMP", "USAGOV", "PRESIDENT");
    CHECK_STR(rl_docres_person(r, "VAEZI"), "IRNGOV");
    CHECK_STR(rl_docres_role(r, "HEAD"), "IRNGOV");
    CHECK_STR(rl_docres_role(r, "PRESIDENT"), "USAGOV");
    CHECK_STR(rl_docres_last_person(r), "USAGOV");
    for (int i = 0; i < 100; i++) rl_docres_person_add(r, "X", "XXX", NULL);   /* wraps */
    CHECK(rl_docres_person(r, "VAEZI") == NULL);
    CHECK_STR(rl_docres_person(r, "X"), "XXX");
    rl_arena_free(a);
}

/* Published Thursday 18 July 2019. */
static const char *story =
    /* 0: Zog Bartlett, the foreign minister of Freedonia, visited Iran on Wednesday. */
    "1 Zog Zog PROPN 2 flat\n"
    "2 Bartlett Bartlett PROPN 9 nsubj\n"
    "3 , , PUNCT 6 punct\n"
    "4 the the DET 6 det\n"
    "5 foreign foreign ADJ 6 amod\n"
    "6 minister minister NOUN 2 appos\n"
    "7 of of ADP 8 case\n"
    "8 Freedonia Freedonia PROPN 6 nmod\n"
    "9 visited visit VERB 0 root\n"
    "10 Iran Iran PROPN 9 obj\n"
    "11 on on ADP 12 case\n"
    "12 Wednesday Wednesday PROPN 9 obl\n"
    "13 . . PUNCT 9 punct\n"
    "\n"
    /* 1: Bartlett praised Sylvania. */
    "1 Bartlett Bartlett PROPN 2 nsubj\n"
    "2 praised praise VERB 0 root\n"
    "3 Sylvania Sylvania PROPN 2 obj\n"
    "4 . . PUNCT 2 punct\n"
    "\n"
    /* 2: He accused Russia yesterday. */
    "1 He he PRON 2 nsubj\n"
    "2 accused accuse VERB 0 root\n"
    "3 Russia Russia PROPN 2 obj\n"
    "4 yesterday yesterday NOUN 2 obl:tmod\n"
    "5 . . PUNCT 2 punct\n"
    "\n"
    /* 3: The minister praised Brazil last Sunday. */
    "1 The the DET 2 det\n"
    "2 minister minister NOUN 3 nsubj\n"
    "3 praised praise VERB 0 root\n"
    "4 Brazil Brazil PROPN 3 obj\n"
    "5 last last ADJ 6 amod\n"
    "6 Sunday Sunday PROPN 3 obl:tmod\n"
    "7 . . PUNCT 3 punct\n"
    "\n"
    /* 4: His country attacked Sylvania. */
    "1 His his PRON 2 nmod:poss\n"
    "2 country country NOUN 3 nsubj\n"
    "3 attacked attack VERB 0 root\n"
    "4 Sylvania Sylvania PROPN 3 obj\n"
    "5 . . PUNCT 3 punct\n"
    "\n"
    /* 5: Firefly said: */
    "# quote = intro\n"
    "1 Firefly Firefly PROPN 2 nsubj\n"
    "2 said say VERB 0 root\n"
    "3 : : PUNCT 2 punct\n"
    "\n"
    /* 6: We will attack Russia. (the quotation) */
    "1 We we PRON 3 nsubj\n"
    "2 will will AUX 3 aux\n"
    "3 attack attack VERB 0 root\n"
    "4 Russia Russia PROPN 3 obj\n"
    "5 . . PUNCT 3 punct\n"
    "\n"
    /* 7: "We praised Brazil," Trentino added. */
    "1 \" \" PUNCT 3 punct\n"
    "2 We we PRON 3 nsubj\n"
    "3 praised praise VERB 0 root\n"
    "4 Brazil Brazil PROPN 3 obj\n"
    "5 , , PUNCT 3 punct\n"
    "6 \" \" PUNCT 3 punct\n"
    "7 Trentino Trentino PROPN 8 nsubj\n"
    "8 added add VERB 3 parataxis\n"
    "9 . . PUNCT 3 punct\n"
    "\n"
    /* 8: Trentino wrote on Twitter that we released Iran. */
    "1 Trentino Trentino PROPN 2 nsubj\n"
    "2 wrote write VERB 0 root\n"
    "3 on on ADP 4 case\n"
    "4 Twitter Twitter PROPN 2 obl\n"
    "5 that that SCONJ 7 mark\n"
    "6 we we PRON 7 nsubj\n"
    "7 released release VERB 2 ccomp\n"
    "8 Iran Iran PROPN 7 obj\n"
    "9 . . PUNCT 2 punct\n"
    "\n"
    /* 9: We attacked Brazil. (no quotation open: "we" is nobody) */
    "1 We we PRON 2 nsubj\n"
    "2 attacked attack VERB 0 root\n"
    "3 Brazil Brazil PROPN 2 obj\n"
    "4 . . PUNCT 2 punct\n";

static const rl_event *in_sentence(const coded *c, int s, const char *code) {
    for (size_t i = 0; i < c->n; i++)
        if (c->ev[i].sentence_index == s && strcmp(c->ev[i].code, code) == 0) return &c->ev[i];
    return NULL;
}

static int count_in(const coded *c, int s, const char *code) {
    int n = 0;
    for (size_t i = 0; i < c->n; i++)
        if (c->ev[i].sentence_index == s && strcmp(c->ev[i].code, code) == 0) n++;
    return n;
}

#define EV(s, code, src, tgt) do { \
    e = in_sentence(&c, s, code); \
    if (!e) dump_events(&c); \
    CHECK(e != NULL); \
    CHECK_STR(e->source, src); \
    CHECK_STR(e->target ? e->target : "-", tgt); \
} while (0)

static void test_story(void) {
    if (!dicts) SKIP("fixture dictionaries did not load");
    coded c;
    CHECK(code_conllu(dicts, "2019-07-18", story, NULL, &c) == 0);
    const rl_event *e;
    EV(0, "042", "FRDGOV", "IRN");                /* unknown person coded from his role */
    CHECK_STR(e->date, "2019-07-17");
    CHECK_STR(e->date_source, "resolved");
    EV(1, "051", "FRDGOV", "SYL");                /* the surname */
    CHECK_STR(e->date, "2019-07-18");
    CHECK_STR(e->date_source, "document");
    EV(2, "112", "FRDGOV", "RUS");                /* he */
    CHECK_STR(e->date, "2019-07-17");
    EV(3, "051", "FRDGOV", "BRA");                /* the minister */
    CHECK_STR(e->date, "2019-07-14");
    EV(4, "190", "FRD", "SYL");                   /* his country */
    EV(6, "1384", "FRDGOV", "RUS");               /* we = the speaker of "Firefly said:";
                                                     an announced attack is a threat */
    CHECK_STR(e->reported_by, "FRDGOV");
    EV(7, "051", "SYLGOV", "BRA");                /* "…," Trentino added */
    CHECK_STR(e->reported_by, "SYLGOV");
    EV(8, "0841", "SYLGOV", "IRN");               /* wrote on Twitter that */
    CHECK_STR(e->reported_by, "SYLGOV");
    CHECK(in_sentence(&c, 5, "010") == NULL);
    CHECK(in_sentence(&c, 9, "190") == NULL);     /* the quotation has closed */
    rl_arena_free(c.arena);
}

static void test_roles_and_groups(void) {
    if (!dicts) SKIP("fixture dictionaries did not load");
    coded c;
    CHECK(code_conllu(dicts, "2019-07-18",
        /* The Freedonian president visited Iran. He praised Sylvania. */
        "1 The the DET 3 det\n"
        "2 Freedonian Freedonian ADJ 3 amod\n"
        "3 president president NOUN 4 nsubj\n"
        "4 visited visit VERB 0 root\n"
        "5 Iran Iran PROPN 4 obj\n"
        "\n"
        "1 He he PRON 2 nsubj\n"
        "2 praised praise VERB 0 root\n"
        "3 Sylvania Sylvania PROPN 2 obj\n"
        "\n"
        /* Sylvanian rebels attacked Iran. They praised Russia. */
        "1 Sylvanian Sylvanian ADJ 2 amod\n"
        "2 rebels rebel NOUN 3 nsubj\n"
        "3 attacked attack VERB 0 root\n"
        "4 Iran Iran PROPN 3 obj\n"
        "\n"
        "1 They they PRON 2 nsubj\n"
        "2 praised praise VERB 0 root\n"
        "3 Russia Russia PROPN 2 obj\n", NULL, &c) == 0);
    const rl_event *e;
    EV(1, "051", "FRDGOV", "SYL");     /* "the president" is a person: he */
    EV(3, "051", "SYLREB", "RUS");     /* they: the group, not Iran */
    rl_arena_free(c.arena);
}

static void test_group_memory(void) {
    rl_arena *a = rl_arena_new(0);
    rl_docres *r = rl_docres_new(a);
    CHECK(r != NULL);
    const char *g[RL_DOCRES_GROUP];
    CHECK_INT(rl_docres_group(r, g, RL_DOCRES_GROUP), 0);
    CHECK(!rl_docres_group_is_last(r));
    const char *pair[2] = {"FRD", "SYL"};
    CHECK(rl_docres_other_person(r, "IRNGOV") == NULL);
    rl_docres_person_add(r, NULL, "FRDGOV", "PRESIDENT");
    rl_docres_person_add(r, NULL, "IRNGOV", "PRESIDENT");
    CHECK_STR(rl_docres_other_person(r, "IRNGOV"), "FRDGOV");
    CHECK_STR(rl_docres_other_person(r, "FRDGOV"), "IRNGOV");
    rl_docres_group_set(r, pair, 1);                /* one actor is no group */
    CHECK_INT(rl_docres_group(r, g, RL_DOCRES_GROUP), 0);
    rl_docres_group_set(r, pair, 2);
    CHECK_INT(rl_docres_group(r, g, RL_DOCRES_GROUP), 2);
    CHECK_STR(g[1], "SYL");
    CHECK(rl_docres_group_is_last(r));
    rl_docres_actor_add(r, "IRNREB", true);        /* a later plural actor */
    CHECK(!rl_docres_group_is_last(r));
    rl_docres_actor_add(r, "RUS", false);          /* a singular one does not count */
    rl_docres_group_set(r, pair, 2);
    CHECK(rl_docres_group_is_last(r));
    rl_docres_next_sentence(r);
    CHECK(rl_docres_group_is_last(r));            /* the next sentence's "they" */
    rl_docres_next_sentence(r);
    CHECK(!rl_docres_group_is_last(r));           /* too far for "they" */
    CHECK_INT(rl_docres_group(r, g, RL_DOCRES_GROUP), 2);   /* not for "both" */
    rl_arena_free(a);
}

static void test_both_and_the_two(void) {
    if (!dicts) SKIP("fixture dictionaries did not load");
    coded c;
    CHECK(code_conllu(dicts, "2019-07-18",
        /* Freedonia and Sylvania met. Russia praised both governments. The two
         * armies attacked Iran. They praised Brazil. */
        "1 Freedonia Freedonia PROPN 4 nsubj\n"
        "2 and and CCONJ 3 cc\n"
        "3 Sylvania Sylvania PROPN 1 conj\n"
        "4 met meet VERB 0 root\n"
        "\n"
        "1 Russia Russia PROPN 2 nsubj\n"
        "2 praised praise VERB 0 root\n"
        "3 both both DET 4 det\n"
        "4 governments government NOUN/NNS 2 obj\n"
        "\n"
        "1 The the DET 3 det\n"
        "2 two two NUM 3 nummod\n"
        "3 armies army NOUN/NNS 4 nsubj\n"
        "4 attacked attack VERB 0 root\n"
        "5 Iran Iran PROPN 4 obj\n"
        "\n"
        "1 They they PRON 2 nsubj\n"
        "2 praised praise VERB 0 root\n"
        "3 Brazil Brazil PROPN 2 obj\n", NULL, &c) == 0);
    const rl_event *e;
    EV(1, "051", "RUS", "FRDGOV");     /* both governments: each one's */
    CHECK_INT(count_in(&c, 1, "051"), 2);
    EV(2, "190", "FRDMIL", "IRN");     /* the two armies */
    CHECK_INT(count_in(&c, 2, "190"), 2);
    EV(3, "051", "FRDMIL", "BRA");     /* they: the two armies */
    CHECK_INT(count_in(&c, 3, "051"), 2);
    rl_arena_free(c.arena);
}

static void test_counterpart_pair(void) {
    if (!dicts) SKIP("fixture dictionaries did not load");
    coded c;
    CHECK(code_conllu(dicts, "2019-07-18",
        /* The Freedonian president met his Sylvanian counterpart. The two presidents
         * praised Iran. */
        "1 The the DET 3 det\n"
        "2 Freedonian Freedonian ADJ 3 amod\n"
        "3 president president NOUN 4 nsubj\n"
        "4 met meet VERB 0 root\n"
        "5 his his PRON 7 nmod:poss\n"
        "6 Sylvanian Sylvanian ADJ 7 amod\n"
        "7 counterpart counterpart NOUN 4 obj\n"
        "\n"
        "1 The the DET 3 det\n"
        "2 two two NUM 3 nummod\n"
        "3 presidents president NOUN/NNS 4 nsubj\n"
        "4 praised praise VERB 0 root\n"
        "5 Iran Iran PROPN 4 obj\n", NULL, &c) == 0);
    const rl_event *e;
    EV(0, "040", "FRDGOV", "SYLGOV");  /* "his Sylvanian counterpart" is not his own */
    EV(1, "051", "FRDGOV", "IRN");
    CHECK_INT(count_in(&c, 1, "051"), 2);
    rl_arena_free(c.arena);
}

static void test_his_friend_is_someone_else(void) {
    if (!dicts) SKIP("fixture dictionaries did not load");
    coded c;
    CHECK(code_conllu(dicts, "2019-07-18",
        /* The Freedonian president visited Iran. The Iranian president praised his
         * friend. */
        "1 The the DET 3 det\n"
        "2 Freedonian Freedonian ADJ 3 amod\n"
        "3 president president NOUN 4 nsubj\n"
        "4 visited visit VERB 0 root\n"
        "5 Iran Iran PROPN 4 obj\n"
        "\n"
        "1 The the DET 3 det\n"
        "2 Iranian Iranian ADJ 3 amod\n"
        "3 president president NOUN 4 nsubj\n"
        "4 praised praise VERB 0 root\n"
        "5 his his PRON 6 nmod:poss\n"
        "6 friend friend NOUN 4 obj\n", NULL, &c) == 0);
    const rl_event *e;
    EV(1, "051", "IRNGOV", "FRDGOV");
    rl_arena_free(c.arena);
}

static void test_two_people_who_met_are_a_pair(void) {
    if (!dicts) SKIP("fixture dictionaries did not load");
    coded c;
    CHECK(code_conllu(dicts, "2019-07-18",
        /* The Freedonian president met the Sylvanian president. The two presidents
         * praised Iran. */
        "1 The the DET 3 det\n"
        "2 Freedonian Freedonian ADJ 3 amod\n"
        "3 president president NOUN 4 nsubj\n"
        "4 met meet VERB 0 root\n"
        "5 the the DET 7 det\n"
        "6 Sylvanian Sylvanian ADJ 7 amod\n"
        "7 president president NOUN 4 obj\n"
        "\n"
        "1 The the DET 3 det\n"
        "2 two two NUM 3 nummod\n"
        "3 presidents president NOUN/NNS 4 nsubj\n"
        "4 praised praise VERB 0 root\n"
        "5 Iran Iran PROPN 4 obj\n", NULL, &c) == 0);
    const rl_event *e;
    EV(1, "051", "FRDGOV", "IRN");
    CHECK_INT(count_in(&c, 1, "051"), 2);
    rl_arena_free(c.arena);
}

static void test_the_group_and_who(void) {
    if (!dicts) SKIP("fixture dictionaries did not load");
    coded c;
    CHECK(code_conllu(dicts, "2019-07-18",
        /* Brazil met the Iranian rebels in Moscow. The group praised Freedonia. */
        "1 Brazil Brazil PROPN 2 nsubj\n"
        "2 met meet VERB 0 root\n"
        "3 the the DET 5 det\n"
        "4 Iranian Iranian ADJ 5 amod\n"
        "5 rebels rebel NOUN/NNS 2 obj\n"
        "6 in in ADP 7 case\n"
        "7 Moscow Moscow PROPN 2 obl\n"
        "\n"
        "1 The the DET 2 det\n"
        "2 group group NOUN 3 nsubj\n"
        "3 praised praise VERB 0 root\n"
        "4 Freedonia Freedonia PROPN 3 obj\n"
        "\n"
        /* Iran met the Brazilian president, who attacked Freedonia. (", who" as a
         * clause of its own) */
        "1 Iran Iran PROPN 2 nsubj\n"
        "2 met meet VERB 0 root\n"
        "3 the the DET 5 det\n"
        "4 Brazilian Brazilian ADJ 5 amod\n"
        "5 president president NOUN 2 obj\n"
        "6 , , PUNCT 8 punct\n"
        "7 who who PRON 8 nsubj\n"
        "8 attacked attack VERB 2 parataxis\n"
        "9 Freedonia Freedonia PROPN 8 obj\n", NULL, &c) == 0);
    const rl_event *e;
    EV(1, "051", "IRNREB", "FRD");   /* the group: not Moscow's country */
    EV(2, "190", "BRAGOV", "FRD");
    rl_arena_free(c.arena);
}

static void test_headline_repeat_is_one_event(void) {
    if (!dicts) SKIP("fixture dictionaries did not load");
    coded c;
    CHECK(code_conllu(dicts, "2019-07-18",
        /* headline: Iran attacks Freedonia / Iran attacked Freedonia Wednesday. */
        "# kind = headline\n"
        "1 Iran Iran PROPN 2 nsubj\n"
        "2 attacks attack VERB 0 root\n"
        "3 Freedonia Freedonia PROPN 2 obj\n"
        "\n"
        "1 Iran Iran PROPN 2 nsubj\n"
        "2 attacked attack VERB 0 root\n"
        "3 Freedonia Freedonia PROPN 2 obj\n"
        "4 Wednesday Wednesday PROPN 2 obl:tmod\n"
        "\n"
        "# kind = headline\n"
        "1 Iran Iran PROPN 2 nsubj\n"
        "2 praises praise VERB 0 root\n"
        "3 Sylvania Sylvania PROPN 2 obj\n", NULL, &c) == 0);
    const rl_event *e;
    if (count_in(&c, 0, "190")) dump_events(&c);
    CHECK_INT(count_in(&c, 0, "190"), 0);     /* the body tells it, with its date */
    EV(1, "190", "IRN", "FRD");
    CHECK_STR(e->date, "2019-07-17");
    EV(2, "051", "IRN", "SYL");               /* only the headline tells this one */
    rl_arena_free(c.arena);
}

int main(void) {
    dicts = fixture_dicts();
    RUN(test_dates);
    RUN(test_memory);
    RUN(test_story);
    RUN(test_roles_and_groups);
    RUN(test_group_memory);
    RUN(test_both_and_the_two);
    RUN(test_counterpart_pair);
    RUN(test_headline_repeat_is_one_event);
    RUN(test_the_group_and_who);
    RUN(test_two_people_who_met_are_a_pair);
    RUN(test_his_friend_is_someone_else);
    rl_dicts_close(dicts);
    return CHECK_DONE();
}
