/* test_coder_precision.c — shapes that made the coder report events a careful human coder
 * would not (found by auditing a random sample of the coder's output on news it had not
 * been written for): pronouns standing for an actor named long ago or displaced by a
 * party the dictionaries do not know, and "must"/"should" opinions read as demands. */
#include "check.h"
#include "coder_util.h"

static rl_dicts *dicts;

#define CODE(date, src, opts) CODE_WITH(dicts, date, src, opts)

static const char *iran_denied =
    "1 Iran Iran PROPN 2 nsubj\n"
    "2 denied deny VERB 0 root\n"
    "3 the the DET 4 det\n"
    "4 plan plan NOUN 2 obj\n"
    "5 . . PUNCT 2 punct\n"
    "\n";

static const char *filler =
    "1 Prices price NOUN 2 nsubj\n"
    "2 rose rise VERB 0 root\n"
    "3 . . PUNCT 2 punct\n"
    "\n";

static const char *it_attacked =
    "1 It it PRON 2 nsubj\n"
    "2 attacked attack VERB 0 root\n"
    "3 Sylvania Sylvania PROPN 2 obj\n"
    "4 . . PUNCT 2 punct\n";

static char *cat3(const char *x, const char *y, const char *z) {
    static char buf[2048];   /* test-only scratch; tests run one at a time */
    snprintf(buf, sizeof buf, "%s%s%s", x, y, z);
    return buf;
}

static void test_it_refers_to_the_previous_sentence(void) {
    /* "Iran denied the plan. It attacked Sylvania." — the antecedent is at hand */
    CODE("2019-07-18", cat3(iran_denied, "", it_attacked), NULL);
    EXPECT("190", "IRN", "SYL");
    END();
}

static void test_it_does_not_reach_back_past_other_sentences(void) {
    /* "Iran denied the plan. Prices rose. Prices rose. It attacked Sylvania." — after two
     * sentences about something else, "it" is most likely what they were about */
    char src[2048];
    snprintf(src, sizeof src, "%s%s%s%s", iran_denied, filler, filler, it_attacked);
    CODE("2019-07-18", src, NULL);
    CHECK(find_code(&c, "016") != NULL);
    if (find_code(&c, "190")) dump_events(&c);
    CHECK(find_code(&c, "190") == NULL);
    END();
}

static const char *trentino_denied =
    "1 Trentino Trentino PROPN 2 nsubj\n"
    "2 denied deny VERB 0 root\n"
    "3 the the DET 4 det\n"
    "4 plan plan NOUN 2 obj\n"
    "5 . . PUNCT 2 punct\n"
    "\n";

static const char *he_attacked =
    "1 He he PRON 2 nsubj\n"
    "2 attacked attack VERB 0 root\n"
    "3 Iran Iran PROPN 2 obj\n"
    "4 . . PUNCT 2 punct\n";

static void test_he_is_the_last_person_named(void) {
    /* "Trentino denied the plan. He attacked Iran." */
    CODE("2019-07-18", cat3(trentino_denied, "", he_attacked), NULL);
    EXPECT("190", "SYLGOV", "IRN");
    END();
}

static void test_unknown_named_subject_takes_over_he(void) {
    /* "Trentino denied the plan. Groucho sang a song. He attacked Iran." — "he" is
     * Groucho, whom no dictionary knows, not Trentino */
    CODE("2019-07-18",
         cat3(trentino_denied,
              "1 Groucho Groucho PROPN 2 nsubj\n"
              "2 sang sing VERB 0 root\n"
              "3 a a DET 4 det\n"
              "4 song song NOUN 2 obj\n"
              "5 . . PUNCT 2 punct\n"
              "\n",
              he_attacked),
         NULL);
    CHECK(find_code(&c, "016") != NULL);
    if (find_code(&c, "190")) dump_events(&c);
    CHECK(find_code(&c, "190") == NULL);
    END();
}

static void test_split_title_is_not_an_unknown_subject(void) {
    /* "Trentino denied the plan. The Secretary - General visited Freedonia. He attacked
     * Iran.": the parser's second subject ("General") is half of a title, not a new
     * person, and leaves "he" alone */
    CODE("2019-07-18",
         cat3(trentino_denied,
              "1 The the DET 2 det\n"
              "2 Secretary Secretary PROPN 5 nsubj\n"
              "3 - - PUNCT 2 punct\n"
              "4 General General PROPN 5 nsubj\n"
              "5 visited visit VERB 0 root\n"
              "6 Freedonia Freedonia PROPN 5 obj\n"
              "7 . . PUNCT 5 punct\n"
              "\n",
              he_attacked),
         NULL);
    EXPECT("190", "SYLGOV", "IRN");
    END();
}

static void test_should_with_no_actor_is_an_opinion(void) {
    /* "Iran said the plan should fail." — nobody is asked to do anything */
    CODE("2019-07-18",
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 said say VERB 0 root\n"
         "3 the the DET 4 det\n"
         "4 plan plan NOUN 6 nsubj\n"
         "5 should should AUX 6 aux\n"
         "6 fail fail VERB 2 ccomp\n"
         "7 . . PUNCT 2 punct\n",
         NULL);
    if (c.n) dump_events(&c);
    CHECK_INT(c.n, 0);
    END();
}

static void test_must_be_done_to_an_actor_is_no_demand_of_it(void) {
    /* "Iran said Russia must be privatised." — Russia is acted on, not asked to act */
    CODE("2019-07-18",
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 said say VERB 0 root\n"
         "3 Russia Russia PROPN 6 nsubj:pass\n"
         "4 must must AUX 6 aux\n"
         "5 be be AUX 6 aux:pass\n"
         "6 privatised privatise VERB 2 ccomp\n"
         "7 . . PUNCT 2 punct\n",
         NULL);
    if (c.n) dump_events(&c);
    CHECK_INT(c.n, 0);
    END();
}

static void test_must_of_an_actor_is_a_demand(void) {
    /* "Iran said Russia should leave." — the control: an actor asked to act */
    CODE("2019-07-18",
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 said say VERB 0 root\n"
         "3 Russia Russia PROPN 5 nsubj\n"
         "4 should should AUX 5 aux\n"
         "5 leave leave VERB 2 ccomp\n"
         "6 . . PUNCT 2 punct\n",
         NULL);
    EXPECT("100", "IRN", "RUS");
    END();
}

/* "The Freedonian company signed a deal with the Sylvanian company": commerce between
 * two firms is no political event; the same deal with the Sylvanian government is. */
static const char *company_deal(const char *partner) {
    static char buf[1024];
    snprintf(buf, sizeof buf,
             "1 The the DET 3 det\n"
             "2 Freedonian Freedonian ADJ 3 amod\n"
             "3 company company NOUN 4 nsubj\n"
             "4 signed sign VERB 0 root\n"
             "5 a a DET 6 det\n"
             "6 deal deal NOUN 4 obj\n"
             "7 with with ADP 10 case\n"
             "8 the the DET 10 det\n"
             "9 Sylvanian Sylvanian ADJ 10 amod\n"
             "10 %s %s NOUN 4 obl\n"
             "11 . . PUNCT 4 punct\n", partner, partner);
    return buf;
}

static void test_firms_dealing_is_commerce(void) {
    {
        CODE("2019-07-18", company_deal("company"), NULL);
        if (c.n) dump_events(&c);
        CHECK_INT(c.n, 0);
        END();
    }
    {
        CODE("2019-07-18", company_deal("government"), NULL);
        EXPECT("057", "FRDBUS", "SYLGOV");
        END();
    }
}

int main(void) {
    dicts = fixture_dicts();
    RUN(test_it_refers_to_the_previous_sentence);
    RUN(test_it_does_not_reach_back_past_other_sentences);
    RUN(test_he_is_the_last_person_named);
    RUN(test_unknown_named_subject_takes_over_he);
    RUN(test_split_title_is_not_an_unknown_subject);
    RUN(test_should_with_no_actor_is_an_opinion);
    RUN(test_must_be_done_to_an_actor_is_no_demand_of_it);
    RUN(test_must_of_an_actor_is_a_demand);
    RUN(test_firms_dealing_is_commerce);
    if (dicts) rl_dicts_close(dicts);
    return CHECK_DONE();
}
