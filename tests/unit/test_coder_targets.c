/* test_coder_targets.c — who acts and on whom, in shapes that hide it: negation put in
 * the past by reported speech, a meeting noun that is the purpose of a journey, an
 * apposition the parser took for the subject, and a role noun ("the rebels") that
 * names a group met before, the press told of a statement. Hand-written trees, fixture dictionaries. */
#include "check.h"
#include "coder_util.h"

static rl_dicts *dicts;

#define CODE(date, src, opts) CODE_WITH(dicts, date, src, opts)

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
    /* "The Freedonian minister flew to Moscow for talks with Iran": the talks are the
     * minister's */
    CODE(NULL,
         "1 The the DET 3 det\n"
         "2 Freedonian Freedonian ADJ 3 amod\n"
         "3 minister minister NOUN 4 nsubj\n"
         "4 flew fly VERB/VBD 0 root\n"
         "5 to to ADP 6 case\n"
         "6 Moscow Moscow PROPN 4 obl\n"
         "7 for for ADP 8 case\n"
         "8 talks talk NOUN 4 obl\n"
         "9 with with ADP 10 case\n"
         "10 Iran Iran PROPN 8 nmod\n"
         "11 . . PUNCT 4 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("046", "FRDGOV", "IRN");
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

static void test_role_noun_is_the_group_named_with_it(void) {
    /* "Iran negotiated with the Freedonian rebels in Sylvania. The rebels attacked
     * Moscow.": the rebels are the Freedonian ones, not Sylvania's (the last country) */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 negotiated negotiate VERB/VBD 0 root\n"
         "3 with with ADP 6 case\n"
         "4 the the DET 6 det\n"
         "5 Freedonian Freedonian ADJ 6 amod\n"
         "6 rebels rebel NOUN 2 obl\n"
         "7 in in ADP 8 case\n"
         "8 Sylvania Sylvania PROPN 2 obl\n"
         "9 . . PUNCT 2 punct\n"
         "\n"
         "1 The the DET 2 det\n"
         "2 rebels rebel NOUN 3 nsubj\n"
         "3 attacked attack VERB/VBD 0 root\n"
         "4 Moscow Moscow PROPN 3 obj\n"
         "5 . . PUNCT 3 punct\n", NULL);
    EXPECT("046", "IRN", "FRDREB");
    EXPECT("190", "FRDREB", "RUS");
    END();
}

static void test_role_noun_takes_the_sentences_country_first(void) {
    /* "… Freedonian rebels. Russia's government said the rebels attacked Moscow.": a
     * country named before the role in its own sentence still decides */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 negotiated negotiate VERB/VBD 0 root\n"
         "3 with with ADP 5 case\n"
         "4 Freedonian Freedonian ADJ 5 amod\n"
         "5 rebels rebel NOUN 2 obl\n"
         "6 . . PUNCT 2 punct\n"
         "\n"
         "1 Russia Russia PROPN 3 nmod:poss\n"
         "2 's 's PART 1 case\n"
         "3 government government NOUN 4 nsubj\n"
         "4 said say VERB/VBD 0 root\n"
         "5 the the DET 6 det\n"
         "6 rebels rebel NOUN 7 nsubj\n"
         "7 attacked attack VERB/VBD 4 ccomp\n"
         "8 Moscow Moscow PROPN 7 obj\n"
         "9 . . PUNCT 4 punct\n", NULL);
    EXPECT("190", "RUSREB", "RUS");
    END();
}

/* "The Iranian minister told AUDIENCE that Iran would not negotiate." */
static const char *told(const char *audience, const char *lemma) {
    static char buf[1024];
    snprintf(buf, sizeof buf,
             "1 The the DET 3 det\n"
             "2 Iranian Iranian ADJ 3 amod\n"
             "3 minister minister NOUN 4 nsubj\n"
             "4 told tell VERB/VBD 0 root\n"
             "5 %s %s NOUN 4 obj\n"
             "6 that that SCONJ 10 mark\n"
             "7 Iran Iran PROPN 10 nsubj\n"
             "8 would would AUX 10 aux\n"
             "9 not not PART 10 advmod\n"
             "10 negotiate negotiate VERB/VB 4 ccomp\n"
             "11 . . PUNCT 4 punct\n", audience, lemma);
    return buf;
}

static void test_press_audience_is_not_the_target(void) {
    {
        CODE(NULL, told("journalists", "journalist"), NULL);
        EXPECT("125", "IRN", "-");
        END();
    }
    {
        /* one told who is not the press is still the target the act names none */
        CODE(NULL, told("Freedonia", "Freedonia"), NULL);
        EXPECT("125", "IRN", "FRD");
        END();
    }
}

int main(void) {
    dicts = fixture_dicts();
    RUN(test_backshifted_negation_is_a_refusal);
    RUN(test_reported_past_negation_is_nothing);
    RUN(test_purpose_meeting_takes_the_travellers_subject);
    RUN(test_purpose_conflict_noun_is_not_the_subjects);
    RUN(test_apposition_parsed_as_subject);
    RUN(test_role_noun_is_the_group_named_with_it);
    RUN(test_role_noun_takes_the_sentences_country_first);
    RUN(test_press_audience_is_not_the_target);
    rl_dicts_close(dicts);
    return CHECK_DONE();
}
