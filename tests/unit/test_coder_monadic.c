/* test_coder_monadic.c — which acts are events without a target: a leaf code names the
 * act (an appeal for aid, a signed pact, a denial, force posture, violence) and stays;
 * a bare root code ("met", "rejected", "appealed"), praise and accusations need the
 * recipient. */
#include "check.h"
#include "coder_util.h"

static rl_dicts *dicts;

#define CODE(src) CODE_WITH(dicts, "2019-07-18", src, NULL)

#define NONE() do { \
    if (c.n) dump_events(&c); \
    CHECK_INT(c.n, 0); \
} while (0)

static void test_meeting_nobody_is_no_event(void) {
    /* "Iran met on Monday." */
    CODE("1 Iran Iran PROPN 2 nsubj\n"
         "2 met meet VERB 0 root\n"
         "3 on on ADP 4 case\n"
         "4 Monday Monday PROPN 2 obl\n"
         "5 . . PUNCT 2 punct\n");
    NONE();
    END();
}

static void test_meeting_someone_is_an_event(void) {
    /* "Iran met Sylvania." — the control */
    CODE("1 Iran Iran PROPN 2 nsubj\n"
         "2 met meet VERB 0 root\n"
         "3 Sylvania Sylvania PROPN 2 obj\n"
         "4 . . PUNCT 2 punct\n");
    CHECK_INT(c.n, 1);
    CHECK_STR(c.ev[0].target ? c.ev[0].target : "-", "SYL");
    END();
}

static void test_praise_of_a_thing_is_no_event(void) {
    /* "Iran praised the budget." */
    CODE("1 Iran Iran PROPN 2 nsubj\n"
         "2 praised praise VERB 0 root\n"
         "3 the the DET 4 det\n"
         "4 budget budget NOUN 2 obj\n"
         "5 . . PUNCT 2 punct\n");
    NONE();
    END();
}

static void test_bare_appeal_is_no_event(void) {
    /* "Iran appealed again." — 020 names neither what nor to whom */
    CODE("1 Iran Iran PROPN 2 nsubj\n"
         "2 appealed appeal VERB 0 root\n"
         "3 again again ADV 2 advmod\n"
         "4 . . PUNCT 2 punct\n");
    NONE();
    END();
}

static void test_appeal_for_aid_stays(void) {
    /* "Iran appealed for aid." — 0233 says what is asked */
    CODE("1 Iran Iran PROPN 2 nsubj\n"
         "2 appealed appeal VERB 0 root\n"
         "3 for for ADP 4 case\n"
         "4 aid aid NOUN 2 obl\n"
         "5 . . PUNCT 2 punct\n");
    EXPECT("0233", "IRN", "-");
    END();
}

static void test_denial_stays(void) {
    /* "Iran denied the report." */
    CODE("1 Iran Iran PROPN 2 nsubj\n"
         "2 denied deny VERB 0 root\n"
         "3 the the DET 4 det\n"
         "4 report report NOUN 2 obj\n"
         "5 . . PUNCT 2 punct\n");
    EXPECT("016", "IRN", "-");
    END();
}

static void test_force_posture_stays(void) {
    /* "Iran deployed troops." */
    CODE("1 Iran Iran PROPN 2 nsubj\n"
         "2 deployed deploy VERB 0 root\n"
         "3 troops troops NOUN 2 obj\n"
         "4 . . PUNCT 2 punct\n");
    EXPECT("154", "IRN", "-");
    END();
}

static void test_attack_on_unnamed_victims_stays(void) {
    /* "Iran attacked the convoy." */
    CODE("1 Iran Iran PROPN 2 nsubj\n"
         "2 attacked attack VERB 0 root\n"
         "3 the the DET 4 det\n"
         "4 convoy convoy NOUN 2 obj\n"
         "5 . . PUNCT 2 punct\n");
    EXPECT("190", "IRN", "-");
    END();
}

static void test_condemning_an_act_stays(void) {
    /* "Iran condemned the bombing." — the act, not its author, is named */
    CODE("1 Iran Iran PROPN 2 nsubj\n"
         "2 condemned condemn VERB 0 root\n"
         "3 the the DET 4 det\n"
         "4 bombing bombing NOUN 2 obj\n"
         "5 . . PUNCT 2 punct\n");
    EXPECT("111", "IRN", "-");
    END();
}

static void test_accusing_nobody_is_no_event(void) {
    /* "Iran accused again." */
    CODE("1 Iran Iran PROPN 2 nsubj\n"
         "2 accused accuse VERB 0 root\n"
         "3 again again ADV 2 advmod\n"
         "4 . . PUNCT 2 punct\n");
    NONE();
    END();
}

static void test_bare_rejection_is_no_event(void) {
    /* "Iran rejected the budget." — 120 with neither a proposer nor a kind of proposal */
    CODE("1 Iran Iran PROPN 2 nsubj\n"
         "2 rejected reject VERB 0 root\n"
         "3 the the DET 4 det\n"
         "4 budget budget NOUN 2 obj\n"
         "5 . . PUNCT 2 punct\n");
    NONE();
    END();
}

static void test_signing_without_partner_stays(void) {
    /* "Iran signed the treaty." — a leaf code (057) names the act */
    CODE("1 Iran Iran PROPN 2 nsubj\n"
         "2 signed sign VERB 0 root\n"
         "3 the the DET 4 det\n"
         "4 treaty treaty NOUN 2 obj\n"
         "5 . . PUNCT 2 punct\n");
    EXPECT("057", "IRN", "-");
    END();
}

int main(void) {
    dicts = fixture_dicts();
    RUN(test_meeting_nobody_is_no_event);
    RUN(test_meeting_someone_is_an_event);
    RUN(test_praise_of_a_thing_is_no_event);
    RUN(test_bare_appeal_is_no_event);
    RUN(test_appeal_for_aid_stays);
    RUN(test_denial_stays);
    RUN(test_force_posture_stays);
    RUN(test_attack_on_unnamed_victims_stays);
    RUN(test_condemning_an_act_stays);
    RUN(test_accusing_nobody_is_no_event);
    RUN(test_bare_rejection_is_no_event);
    RUN(test_signing_without_partner_stays);
    if (dicts) rl_dicts_close(dicts);
    return CHECK_DONE();
}
