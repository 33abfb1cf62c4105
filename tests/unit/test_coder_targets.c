/* test_coder_targets.c — who acts and on whom, in shapes that hide it: negation put in
 * the past by reported speech, a meeting noun that is the purpose of a journey, and an
 * apposition the parser took for the subject. Hand-written trees, fixture
 * dictionaries. */
#include "check.h"
#include "coder_util.h"

static rl_dicts *dicts;

#define CODE(date, src, opts) \
    coded c; \
    if (!dicts) SKIP("fixture dictionaries did not load"); \
    CHECK(code_conllu(dicts, date, src, opts, &c) == 0)

#define END() rl_arena_free(c.arena)

#define EXPECT(code, src, tgt) do { \
    const rl_event *e_ = find_code(&c, code); \
    if (!e_) dump_events(&c); \
    CHECK(e_ != NULL); \
    CHECK_STR(e_->source, src); \
    CHECK_STR(e_->target ? e_->target : "-", tgt); \
} while (0)

/* "Sylvania said it did not negotiate with Iran": with SAYV the say verb's tag, AUX the
 * auxiliary's form. */
static const char *reported_negation(const char *sayv, const char *aux) {
    static char buf[1024];
    snprintf(buf, sizeof buf,
             "1 Sylvania Sylvania PROPN 2 nsubj\n"
             "2 said say VERB/%s 0 root\n"
             "3 it it PRON 6 nsubj\n"
             "4 %s do AUX 6 aux\n"
             "5 not not PART 6 advmod\n"
             "6 negotiate negotiate VERB/VB 2 ccomp\n"
             "7 with with ADP 8 case\n"
             "8 Iran Iran PROPN 6 obl\n"
             "9 . . PUNCT 2 punct\n", sayv, aux);
    return buf;
}

static void test_backshifted_negation_is_a_refusal(void) {
    /* "said it did not negotiate" reports "we do not negotiate": a refusal */
    CODE(NULL, reported_negation("VBD", "did"), NULL);
    CHECK_INT(c.n, 1);
    EXPECT("125", "SYL", "IRN");
    CHECK(c.ev[0].negated);
    CHECK_STR(c.ev[0].reported_by, "SYL");
    END();
}

static void test_reported_past_negation_is_nothing(void) {
    {
        /* the perfect still reports the past: "said it had not negotiated" */
        CODE(NULL, reported_negation("VBD", "had"), NULL);
        CHECK_INT(c.n, 0);
        END();
    }
    {
        /* a present say verb with "did not" reports a past that did not happen */
        CODE(NULL, reported_negation("VBZ", "did"), NULL);
        CHECK_INT(c.n, 0);
        END();
    }
    {
        /* and so does "did not" in the narrative itself */
        CODE(NULL,
             "1 Sylvania Sylvania PROPN 4 nsubj\n"
             "2 did do AUX 4 aux\n"
             "3 not not PART 4 advmod\n"
             "4 negotiate negotiate VERB/VB 0 root\n"
             "5 with with ADP 6 case\n"
             "6 Iran Iran PROPN 4 obl\n"
             "7 . . PUNCT 4 punct\n", NULL);
        CHECK_INT(c.n, 0);
        END();
    }
}

static void test_purpose_meeting_takes_the_travellers_subject(void) {
    /* "The Freedonian minister flew to Moscow for talks": the talks are the minister's */
    CODE(NULL,
         "1 The the DET 3 det\n"
         "2 Freedonian Freedonian ADJ 3 amod\n"
         "3 minister minister NOUN 4 nsubj\n"
         "4 flew fly VERB/VBD 0 root\n"
         "5 to to ADP 6 case\n"
         "6 Moscow Moscow PROPN 4 obl\n"
         "7 for for ADP 8 case\n"
         "8 talks talk NOUN 4 obl\n"
         "9 . . PUNCT 4 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("046", "FRDGOV", "-");
    END();
}

static void test_purpose_conflict_noun_is_not_the_subjects(void) {
    /* "The Iranian army deployed to Sylvania for the airstrike": only meetings are the
     * traveller's own purpose; whose airstrike it is the sentence does not say */
    CODE(NULL,
         "1 The the DET 3 det\n"
         "2 Iranian Iranian ADJ 3 amod\n"
         "3 army army NOUN 4 nsubj\n"
         "4 deployed deploy VERB/VBD 0 root\n"
         "5 to to ADP 6 case\n"
         "6 Sylvania Sylvania PROPN 4 obl\n"
         "7 for for ADP 9 case\n"
         "8 the the DET 9 det\n"
         "9 airstrike airstrike NOUN 4 obl\n"
         "10 . . PUNCT 4 punct\n", NULL);
    EXPECT("154", "IRNMIL", "SYL");
    CHECK(find_code(&c, "190") == NULL);
    END();
}

static void test_apposition_parsed_as_subject(void) {
    /* "The Iranian minister, a Freedonian national, appealed for aid." parsed with
     * "national" as the subject of "appealed", itself parataxis on "minister" */
    CODE(NULL,
         "1 The the DET 3 det\n"
         "2 Iranian Iranian ADJ 3 amod\n"
         "3 minister minister NOUN 0 root\n"
         "4 , , PUNCT 9 punct\n"
         "5 a a DET 9 det\n"
         "6 Freedonian Freedonian PROPN 9 nsubj\n"
         "7 national national ADJ 9 amod\n"
         "8 , , PUNCT 9 punct\n"
         "9 appealed appeal VERB/VBD 3 parataxis\n"
         "10 for for ADP 11 case\n"
         "11 aid aid NOUN 9 obl\n"
         "12 . . PUNCT 3 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("0233", "IRNGOV", "-");
    END();
}

int main(void) {
    dicts = fixture_dicts();
    RUN(test_backshifted_negation_is_a_refusal);
    RUN(test_reported_past_negation_is_nothing);
    RUN(test_purpose_meeting_takes_the_travellers_subject);
    RUN(test_purpose_conflict_noun_is_not_the_subjects);
    RUN(test_apposition_parsed_as_subject);
    rl_dicts_close(dicts);
    return CHECK_DONE();
}
