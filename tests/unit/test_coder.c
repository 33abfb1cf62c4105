/* test_coder.c — sentence-level coding on hand-written trees with the fixture
 * dictionaries: active/passive, negation, complement combination, conditionals,
 * compound actors, relative clauses and appositions, reported speech, event nouns,
 * furniture and discards. */
#include "check.h"
#include "coder_util.h"
#include "models.h"

static rl_dicts *dicts;

#define CODE(date, src, opts) CODE_WITH(dicts, date, src, opts)

static const char *active =
    "1 Iran Iran PROPN 2 nsubj\n"
    "2 attacked attack VERB 0 root\n"
    "3 Freedonia Freedonia PROPN 2 obj\n"
    "4 . . PUNCT 2 punct\n";

static void test_active(void) {
    CODE("2019-07-18", active, NULL);
    CHECK_INT(c.n, 1);
    EXPECT("190", "IRN", "FRD");
    CHECK_STR(c.ev[0].trigger, "attacked");
    CHECK_STR(c.ev[0].source_text, "Iran");
    CHECK_STR(c.ev[0].target_text, "Freedonia");
    CHECK_STR(c.ev[0].sentence, "Iran attacked Freedonia .");
    CHECK(strncmp(c.ev[0].rule, "verbs.txt:", 10) == 0);
    CHECK(strstr(c.ev[0].rule, "[190]") != NULL);
    CHECK_STR(c.ev[0].date, "2019-07-18");
    CHECK_STR(c.ev[0].date_source, "document");
    CHECK_STR(c.ev[0].root, "19");
    END();
}

static void test_passive(void) {
    CODE("2019-07-18",
         "1 Freedonia Freedonia PROPN 3 nsubj:pass\n"
         "2 was be AUX 3 aux:pass\n"
         "3 attacked attack VERB 0 root\n"
         "4 by by ADP 5 case\n"
         "5 Iran Iran PROPN 3 obl:agent\n"
         "6 . . PUNCT 3 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("190", "IRN", "FRD");
    END();
}

static void test_passive_without_agent(void) {
    /* "Freedonia was attacked." names no attacker: no event */
    CODE(NULL,
         "1 Freedonia Freedonia PROPN 3 nsubj:pass\n"
         "2 was be AUX 3 aux:pass\n"
         "3 attacked attack VERB 0 root\n"
         "4 . . PUNCT 3 punct\n", NULL);
    CHECK_INT(c.n, 0);
    END();
}

static void test_negation(void) {
    CODE(NULL,
         "1 Iran Iran PROPN 4 nsubj\n"
         "2 will will AUX 4 aux\n"
         "3 not not PART 4 advmod\n"
         "4 negotiate negotiate VERB 0 root\n"
         "5 with with ADP 6 case\n"
         "6 Freedonia Freedonia PROPN 4 obl\n"
         "7 . . PUNCT 4 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("125", "IRN", "FRD");
    CHECK(c.ev[0].negated);
    CHECK(find_code(&c, "046") == NULL);
    END();
}

static void test_negated_conflict_is_no_event(void) {
    /* "Iran did not attack Freedonia": not attacking is not an event */
    CODE(NULL,
         "1 Iran Iran PROPN 4 nsubj\n"
         "2 did do AUX 4 aux\n"
         "3 not not PART 4 advmod\n"
         "4 attack attack VERB 0 root\n"
         "5 Freedonia Freedonia PROPN 4 obj\n"
         "6 . . PUNCT 4 punct\n", NULL);
    CHECK_INT(c.n, 0);
    END();
}

static void test_refuse_to_meet(void) {
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 refused refuse VERB 0 root\n"
         "3 to to PART 4 mark\n"
         "4 meet meet VERB 2 xcomp\n"
         "5 with with ADP 6 case\n"
         "6 Sylvania Sylvania PROPN 4 obl\n"
         "7 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("125", "IRN", "SYL");
    CHECK_STR(c.ev[0].trigger, "refused meet");
    END();
}

static void test_agree_to_meet(void) {
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 agreed agree VERB 0 root\n"
         "3 to to PART 4 mark\n"
         "4 meet meet VERB 2 xcomp\n"
         "5 with with ADP 6 case\n"
         "6 Sylvania Sylvania PROPN 4 obl\n"
         "7 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("036", "IRN", "SYL");
    END();
}

static void test_threaten_sanctions(void) {
    CODE(NULL,
         "1 Freedonia Freedonia PROPN 2 nsubj\n"
         "2 threatened threaten VERB 0 root\n"
         "3 to to PART 4 mark\n"
         "4 impose impose VERB 2 xcomp\n"
         "5 sanctions sanction NOUN 4 obj\n"
         "6 on on ADP 7 case\n"
         "7 Russia Russia PROPN 5 nmod\n"
         "8 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("1312", "FRD", "RUS");
    END();
}

static void test_call_for_ceasefire(void) {
    CODE(NULL,
         "1 The the DET 2 det\n"
         "2 UN UN PROPN 3 nsubj\n"
         "3 called call VERB 0 root\n"
         "4 for for ADP 6 case\n"
         "5 a a DET 6 det\n"
         "6 ceasefire ceasefire NOUN 3 obl\n"
         "7 . . PUNCT 3 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("0256", "IGOUNO", "-");
    END();
}

static void test_urge_target(void) {
    /* "Brazil urged Iran to release the prisoners": the appeal is to Iran */
    CODE(NULL,
         "1 Brazil Brazil PROPN 2 nsubj\n"
         "2 urged urge VERB 0 root\n"
         "3 Iran Iran PROPN 2 obj\n"
         "4 to to PART 5 mark\n"
         "5 release release VERB 2 xcomp\n"
         "6 the the DET 7 det\n"
         "7 prisoners prisoner NOUN 5 obj\n"
         "8 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("0253", "BRA", "IRN");
    END();
}

static const char *conditional =
    "1 Iran Iran PROPN 3 nsubj\n"
    "2 is be AUX 3 cop\n"
    "3 ready ready ADJ 0 root\n"
    "4 to to PART 5 mark\n"
    "5 negotiate negotiate VERB 3 xcomp\n"
    "6 with with ADP 7 case\n"
    "7 Washington Washington PROPN 5 obl\n"
    "8 if if SCONJ 11 mark\n"
    "9 the the DET 10 det\n"
    "10 US US PROPN 11 nsubj\n"
    "11 lifts lift VERB 5 advcl\n"
    "12 sanctions sanction NOUN 11 obj\n"
    "13 . . PUNCT 3 punct\n";

static void test_conditional(void) {
    CODE(NULL, conditional, NULL);
    CHECK_INT(c.n, 2);
    EXPECT("036", "IRN", "USA");
    CHECK(find_code(&c, "036")->conditional);
    EXPECT("1054", "IRN", "USA");
    CHECK(find_code(&c, "1054")->conditional);
    CHECK(find_code(&c, "085") == NULL);   /* the lifting has not happened */
    END();
}

static void test_compound_actors(void) {
    CODE(NULL,
         "1 Brazil Brazil PROPN 6 nsubj\n"
         "2 and and CCONJ 5 cc\n"
         "3 the the DET 5 det\n"
         "4 United United PROPN 5 compound\n"
         "5 States States PROPN 1 conj\n"
         "6 praised praise VERB 0 root\n"
         "7 Freedonia Freedonia PROPN 6 obj\n"
         "8 and and CCONJ 9 cc\n"
         "9 Sylvania Sylvania PROPN 7 conj\n"
         "10 . . PUNCT 6 punct\n", NULL);
    CHECK_INT(c.n, 4);
    int seen = 0;
    for (size_t i = 0; i < c.n; i++) {
        const rl_event *e = &c.ev[i];
        CHECK_STR(e->code, "051");
        if (strcmp(e->source, "BRA") == 0 && strcmp(e->target, "FRD") == 0) seen |= 1;
        if (strcmp(e->source, "BRA") == 0 && strcmp(e->target, "SYL") == 0) seen |= 2;
        if (strcmp(e->source, "USA") == 0 && strcmp(e->target, "FRD") == 0) seen |= 4;
        if (strcmp(e->source, "USA") == 0 && strcmp(e->target, "SYL") == 0) seen |= 8;
    }
    CHECK_INT(seen, 15);
    END();
}

static void test_domestic_target(void) {
    /* "Iran attacked rebels": a role without a country is the source's own */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 attacked attack VERB 0 root\n"
         "3 rebels rebel NOUN 2 obj\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("190", "IRN", "IRNREB");
    END();
}

static void test_relative_clause_does_not_leak(void) {
    /* "Freedonia, which Russia attacked, praised Sylvania." */
    CODE(NULL,
         "1 Freedonia Freedonia PROPN 7 nsubj\n"
         "2 , , PUNCT 5 punct\n"
         "3 which which PRON 5 obj\n"
         "4 Russia Russia PROPN 5 nsubj\n"
         "5 attacked attack VERB 1 acl:relcl\n"
         "6 , , PUNCT 5 punct\n"
         "7 praised praise VERB 0 root\n"
         "8 Sylvania Sylvania PROPN 7 obj\n"
         "9 . . PUNCT 7 punct\n", NULL);
    CHECK_INT(c.n, 2);
    EXPECT("051", "FRD", "SYL");
    EXPECT("190", "RUS", "FRD");
    END();
}

static void test_subject_relative_clause(void) {
    /* "Sylvania, which attacked Russia, praised Brazil." */
    CODE(NULL,
         "1 Sylvania Sylvania PROPN 7 nsubj\n"
         "2 , , PUNCT 4 punct\n"
         "3 which which PRON 4 nsubj\n"
         "4 attacked attack VERB 1 acl:relcl\n"
         "5 Russia Russia PROPN 4 obj\n"
         "6 , , PUNCT 4 punct\n"
         "7 praised praise VERB 0 root\n"
         "8 Brazil Brazil PROPN 7 obj\n"
         "9 . . PUNCT 7 punct\n", NULL);
    EXPECT("051", "SYL", "BRA");
    EXPECT("190", "SYL", "RUS");
    END();
}

static void test_apposition_does_not_leak(void) {
    /* "Iran, an ally of Russia, praised Sylvania." */
    CODE(NULL,
         "1 Iran Iran PROPN 8 nsubj\n"
         "2 , , PUNCT 4 punct\n"
         "3 an a DET 4 det\n"
         "4 ally ally NOUN 1 appos\n"
         "5 of of ADP 6 case\n"
         "6 Russia Russia PROPN 4 nmod\n"
         "7 , , PUNCT 4 punct\n"
         "8 praised praise VERB 0 root\n"
         "9 Sylvania Sylvania PROPN 8 obj\n"
         "10 . . PUNCT 8 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("051", "IRN", "SYL");
    END();
}

static void test_reported_speech(void) {
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 said say VERB 0 root\n"
         "3 that that SCONJ 5 mark\n"
         "4 Russia Russia PROPN 5 nsubj\n"
         "5 attacked attack VERB 2 ccomp\n"
         "6 Freedonia Freedonia PROPN 5 obj\n"
         "7 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("190", "RUS", "FRD");
    CHECK_STR(c.ev[0].reported_by, "IRN");
    END();
}

static const char *bare_statement =
    "1 Iran Iran PROPN 2 nsubj\n"
    "2 said say VERB 0 root\n"
    "3 so so ADV 2 advmod\n"
    "4 . . PUNCT 2 punct\n";

static void test_statements_only_when_asked(void) {
    {
        CODE(NULL, bare_statement, NULL);
        CHECK_INT(c.n, 0);
        END();
    }
    rl_code_options o = {0};
    o.statements = true;
    CODE(NULL, bare_statement, &o);
    CHECK_INT(c.n, 1);
    EXPECT("010", "IRN", "-");
    END();
}

static void test_require_dyad(void) {
    const char *src =
        "1 Iran Iran PROPN 2 nsubj\n"
        "2 attacked attack VERB 0 root\n"
        "3 the the DET 4 det\n"
        "4 village village NOUN 2 obj\n"
        "5 . . PUNCT 2 punct\n";
    {
        CODE(NULL, src, NULL);
        CHECK_INT(c.n, 1);
        END();
    }
    rl_code_options o = {0};
    o.require_dyad = true;
    CODE(NULL, src, &o);
    CHECK_INT(c.n, 0);
    END();
}

static void test_event_noun_light_verb(void) {
    /* "Iran held talks with Freedonia." */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 held hold VERB 0 root\n"
         "3 talks talk NOUN 2 obj\n"
         "4 with with ADP 5 case\n"
         "5 Freedonia Freedonia PROPN 3 nmod\n"
         "6 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("046", "IRN", "FRD");
    CHECK_STR(c.ev[0].trigger, "talks");
    END();
}

static void test_event_noun_possessor(void) {
    /* "Russia's airstrike on Sylvania killed ten." */
    CODE(NULL,
         "1 Russia Russia PROPN 3 nmod:poss\n"
         "2 's 's PART 1 case\n"
         "3 airstrike airstrike NOUN 7 nsubj\n"
         "4 on on ADP 5 case\n"
         "5 Sylvania Sylvania PROPN 3 nmod\n"
         "6 killed kill VERB 0 root\n"
         "7 ten ten NUM 6 obj\n"
         "8 . . PUNCT 6 punct\n", NULL);
    EXPECT("195", "RUS", "SYL");
    END();
}

static void test_rejection_of_talks(void) {
    /* "Iran reiterated its rejection of negotiations." */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 reiterated reiterate VERB 0 root\n"
         "3 its its PRON 4 nmod:poss\n"
         "4 rejection rejection NOUN 2 obj\n"
         "5 of of ADP 6 case\n"
         "6 negotiations negotiation NOUN 4 nmod\n"
         "7 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("125", "IRN", "-");
    END();
}

static void test_furniture_never_coded(void) {
    CODE(NULL,
         "# kind = caption\n"
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 attacked attack VERB 0 root\n"
         "3 Freedonia Freedonia PROPN 2 obj\n"
         "\n"
         "# kind = link\n"
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 attacked attack VERB 0 root\n"
         "3 Freedonia Freedonia PROPN 2 obj\n"
         "\n"
         "# kind = headline\n"
         "1 Russia Russia PROPN 2 nsubj\n"
         "2 attacks attack VERB 0 root\n"
         "3 Sylvania Sylvania PROPN 2 obj\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("190", "RUS", "SYL");
    CHECK_INT(c.ev[0].sentence_index, 2);
    END();
}

static void test_discard(void) {
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 praised praise VERB 0 root\n"
         "3 Freedonia Freedonia PROPN 2 obj\n"
         "4 after after ADP 7 case\n"
         "5 the the DET 7 det\n"
         "6 football football NOUN 7 compound\n"
         "7 match match NOUN 2 obl\n"
         "8 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 0);
    END();
}

static void test_duplicates_merged(void) {
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 attacked attack VERB 0 root\n"
         "3 Freedonia Freedonia PROPN 2 obj\n"
         "\n"
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 attacked attack VERB 0 root\n"
         "3 Freedonia Freedonia PROPN 2 obj\n", NULL);
    CHECK_INT(c.n, 1);
    END();
}

static void test_must_is_a_demand(void) {
    /* "Iran said Russia must release the prisoners." */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 said say VERB 0 root\n"
         "3 Russia Russia PROPN 5 nsubj\n"
         "4 must must AUX 5 aux\n"
         "5 release release VERB 2 ccomp\n"
         "6 the the DET 7 det\n"
         "7 prisoners prisoner NOUN 5 obj\n"
         "8 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("1053", "IRN", "RUS");
    END();
}

static void test_must_without_speaker_is_nothing(void) {
    /* "Russia must release the prisoners." states no demand by anyone */
    CODE(NULL,
         "1 Russia Russia PROPN 3 nsubj\n"
         "2 must must AUX 3 aux\n"
         "3 release release VERB 0 root\n"
         "4 prisoners prisoner NOUN 3 obj\n", NULL);
    CHECK_INT(c.n, 0);
    END();
}

static void test_copular_noun_inverted_speaker(void) {
    /* "The talks are a betrayal," said the Revolutionary Guard Corps. */
    CODE(NULL,
         "1 \" \" PUNCT 5 punct\n"
         "2 The the DET 3 det\n"
         "3 talks talk NOUN 5 nsubj\n"
         "4 are be AUX 5 cop\n"
         "5 betrayal betrayal NOUN 7 ccomp\n"
         "6 \" \" PUNCT 5 punct\n"
         "7 said say VERB 0 root\n"
         "8 the the DET 11 det\n"
         "9 Revolutionary Revolutionary PROPN 11 compound\n"
         "10 Guard Guard PROPN 11 compound\n"
         "11 Corps Corps PROPN 7 obj\n"
         "12 . . PUNCT 7 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("111", "IRNMIL", "-");
    END();
}

static void test_date_apposition_misparse(void) {
    /* "Iran reiterated, Wednesday, its rejection of negotiations." with the date parsed as
     * the object and the rejection as its apposition */
    CODE("2019-07-18",
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 reiterated reiterate VERB 0 root\n"
         "3 , , PUNCT 4 punct\n"
         "4 Wednesday Wednesday PROPN 2 obj\n"
         "5 , , PUNCT 7 punct\n"
         "6 its its PRON 7 nmod:poss\n"
         "7 rejection rejection NOUN 4 appos\n"
         "8 of of ADP 9 case\n"
         "9 negotiations negotiation NOUN 7 nmod\n"
         "10 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("125", "IRN", "-");
    CHECK_STR(c.ev[0].date, "2019-07-17");
    END();
}

static void test_class_fallback(void) {
    /* "Brazil urged Iran to repatriate the criminals": nothing in the dictionary for
     * either verb, yet it is an appeal to Iran */
    CODE(NULL,
         "1 Brazil Brazil PROPN 2 nsubj\n"
         "2 urged urge VERB 0 root\n"
         "3 Iran Iran PROPN 2 obj\n"
         "4 to to PART 5 mark\n"
         "5 repatriate repatriate VERB 2 xcomp\n"
         "6 the the DET 7 det\n"
         "7 criminals criminal NOUN 5 obj\n"
         "8 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("020", "BRA", "IRN");
    CHECK_STR(c.ev[0].rule, "builtin:0: appeal verb [020]");
    END();
}

static void test_class_fallback_needs_complement(void) {
    /* "Iran agreed." agrees to nothing we can name */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 agreed agree VERB 0 root\n"
         "3 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 0);
    END();
}

static void test_reported_future_is_intent(void) {
    /* "Brazil warned Iran that it would attack." — "it" is Brazil; a threat to Iran */
    CODE(NULL,
         "1 Brazil Brazil PROPN 2 nsubj\n"
         "2 warned warn VERB 0 root\n"
         "3 Iran Iran PROPN 2 obj\n"
         "4 that that SCONJ 7 mark\n"
         "5 it it PRON 7 nsubj\n"
         "6 would would AUX 7 aux\n"
         "7 attack attack VERB 2 ccomp\n"
         "8 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("1384", "BRA", "IRN");
    END();
}

static void test_reported_future_meeting(void) {
    /* "Iran said it would meet with Sylvania." */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 said say VERB 0 root\n"
         "3 it it PRON 5 nsubj\n"
         "4 would would AUX 5 aux\n"
         "5 meet meet VERB 2 ccomp\n"
         "6 with with ADP 7 case\n"
         "7 Sylvania Sylvania PROPN 5 obl\n"
         "8 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("036", "IRN", "SYL");
    END();
}

static void test_past_negation_is_nothing(void) {
    /* "Iran has not met with Sylvania." — no meeting, and no refusal either */
    CODE(NULL,
         "1 Iran Iran PROPN 4 nsubj\n"
         "2 has have AUX 4 aux\n"
         "3 not not PART 4 advmod\n"
         "4 met meet VERB 0 root\n"
         "5 with with ADP 6 case\n"
         "6 Sylvania Sylvania PROPN 4 obl\n", NULL);
    CHECK_INT(c.n, 0);
    END();
}

static void test_could_is_an_option(void) {
    /* "Iran could meet with Sylvania." — 014, consider policy option */
    CODE(NULL,
         "1 Iran Iran PROPN 3 nsubj\n"
         "2 could could AUX 3 aux\n"
         "3 meet meet VERB 0 root\n"
         "4 with with ADP 5 case\n"
         "5 Sylvania Sylvania PROPN 3 obl\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("014", "IRN", "SYL");
    END();
}

static void test_considering(void) {
    /* "Brazil is considering praising Iran." */
    CODE(NULL,
         "1 Brazil Brazil PROPN 3 nsubj\n"
         "2 is be AUX 3 aux\n"
         "3 considering consider VERB 0 root\n"
         "4 praising praise VERB 3 xcomp\n"
         "5 Iran Iran PROPN 4 obj\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("014", "BRA", "IRN");
    END();
}

static void test_mutual_conjoined_sources(void) {
    /* "Iran and Brazil met." — each met the other */
    CODE(NULL,
         "1 Iran Iran PROPN 4 nsubj\n"
         "2 and and CCONJ 3 cc\n"
         "3 Brazil Brazil PROPN 1 conj\n"
         "4 met meet VERB 0 root\n", NULL);
    CHECK_INT(c.n, 2);
    EXPECT("040", "IRN", "BRA");
    CHECK_STR(c.ev[1].source, "BRA");
    CHECK_STR(c.ev[1].target, "IRN");
    END();
}

static void test_parties_of_the_object_are_targets(void) {
    /* "Iran and Russia praised the accord between Freedonia and Sylvania." — each
     * praiser praised each party; the praisers did not praise each other */
    CODE(NULL,
         "1 Iran Iran PROPN 4 nsubj\n"
         "2 and and CCONJ 3 cc\n"
         "3 Russia Russia PROPN 1 conj\n"
         "4 praised praise VERB 0 root\n"
         "5 the the DET 6 det\n"
         "6 accord accord NOUN 4 obj\n"
         "7 between between ADP 8 case\n"
         "8 Freedonia Freedonia PROPN 6 nmod\n"
         "9 and and CCONJ 10 cc\n"
         "10 Sylvania Sylvania PROPN 8 conj\n", NULL);
    CHECK_INT(c.n, 4);
    EXPECT("051", "IRN", "FRD");
    for (size_t i = 0; i < c.n; i++) {
        CHECK(strcmp(c.ev[i].target, "IRN") != 0 && strcmp(c.ev[i].target, "RUS") != 0);
    }
    CHECK_STR(c.ev[1].target, "SYL");
    CHECK_STR(c.ev[3].source, "RUS");
    END();
}

static void test_praise_without_target_is_not_mutual(void) {
    /* "Iran and Brazil praised the plan." — not each other (a meeting would be) */
    CODE(NULL,
         "1 Iran Iran PROPN 4 nsubj\n"
         "2 and and CCONJ 3 cc\n"
         "3 Brazil Brazil PROPN 1 conj\n"
         "4 praised praise VERB 0 root\n"
         "5 the the DET 6 det\n"
         "6 plan plan NOUN 4 obj\n", NULL);
    /* and praise that reaches nobody is no event at all */
    CHECK_INT(c.n, 0);
    END();
}

static void test_repair_name_compounded_with_verbless_head(void) {
    /* "Russia bombed Freedonian positions" with "Russia" a compound and "bombed" an
     * adjective of "positions", the root: the verb takes the clause */
    CODE(NULL,
         "1 Russia Russia PROPN 4 compound\n"
         "2 bombed bomb VERB/VBD 4 amod\n"
         "3 Freedonian Freedonian ADJ 4 amod\n"
         "4 positions position NOUN 0 root\n"
         "5 . . PUNCT 4 punct\n", NULL);
    EXPECT("190", "RUS", "FRDMIL");   /* positions are the military's (A2) */
    END();
}

static void test_repair_object_hung_as_bare_modifier(void) {
    /* "Iran attacked Freedonian bases" with "bases" a nominal modifier (no preposition)
     * of the root "Iran" */
    CODE(NULL,
         "1 Iran Iran PROPN 0 root\n"
         "2 attacked attack VERB/VBD 4 amod\n"
         "3 Freedonian Freedonian ADJ 4 amod\n"
         "4 bases base NOUN 1 nmod\n"
         "5 . . PUNCT 1 punct\n", NULL);
    EXPECT("190", "IRN", "FRDMIL");   /* bases are the military's (A2) */
    END();
}

static void test_repair_noun_with_object_is_a_verb(void) {
    /* "Iran attack Freedonia" (a headline) with "attack" a noun, "Iran" its compound
     * and "Freedonia" its object: a noun has no object */
    CODE(NULL,
         "1 Iran Iran PROPN 2 compound\n"
         "2 attack attack NOUN 0 root\n"
         "3 Freedonia Freedonia PROPN 2 obj\n", NULL);
    EXPECT("190", "IRN", "FRD");
    END();
}

static void test_noun_without_object_stays_a_noun(void) {
    /* "Iran attack plans": no object, no clause (and no event) */
    CODE(NULL,
         "1 Iran Iran PROPN 3 compound\n"
         "2 attack attack NOUN 3 compound\n"
         "3 plans plan NOUN 0 root\n", NULL);
    CHECK_INT(c.n, 0);
    END();
}

/* Codes CoNLL-U with the fixture dictionaries and the committed models (for what the
 * coder asks the lemmatizer); SKIPs when the models are not there. */
static void test_verb_lemma_from_models(void) {
    char dir[512];
    snprintf(dir, sizeof dir, "%s/models", rl_default_data_dir());
    rl_error err;
    rl_models *m = rl_models_open(dir, &err);
    if (!m) SKIP("models not available");
    if (!dicts) { rl_models_close(m); SKIP("fixture dictionaries did not load"); }
    rl_resources res;
    memset(&res, 0, sizeof res);
    res.data_dir = (char *)FIXTURES;
    res.dicts = dicts;
    res.models = m;
    /* "Iran froze trade with Freedonia" with "froze" read as a base form whose lemma is
     * the form, and "Sylvania forgave Freedonian leaders" with "forgave" an adjective */
    static const char *const src =
        "1 Iran Iran PROPN 2 nsubj\n"
        "2 froze froze VERB/VB 0 root\n"
        "3 trade trade NOUN 2 obj\n"
        "4 with with ADP 5 case\n"
        "5 Freedonia Freedonia PROPN 2 obl\n";
    rl_arena *a = rl_arena_new(0);
    rl_document doc;
    rl_event *ev = NULL;
    size_t n = 0;
    CHECK(a && conllu_doc(a, &doc, "t", NULL, src) == 0);
    CHECK(rl_code_annotated(&res, &doc, NULL, &ev, &n, &err) >= 0);
    CHECK_INT((int)n, 1);
    if (n == 1) {
        CHECK_STR(ev[0].code, "163");
        CHECK_STR(ev[0].target, "FRD");
    }
    /* without the models the lemma stays "froze": no event */
    res.models = NULL;
    CHECK(conllu_doc(a, &doc, "t", NULL, src) == 0);
    CHECK(rl_code_annotated(&res, &doc, NULL, &ev, &n, &err) >= 0);
    CHECK_INT((int)n, 0);
    rl_arena_free(a);
    rl_models_close(m);
}

static void test_name_read_as_adverb_is_the_subject(void) {
    /* "Iran later attacked Freedonia" with "Iran" an adverb and no subject */
    CODE(NULL,
         "1 Iran iran ADV 3 advmod\n"
         "2 later late ADV 3 advmod\n"
         "3 attacked attack VERB 0 root\n"
         "4 Freedonia Freedonia PROPN 3 obj\n", NULL);
    EXPECT("190", "IRN", "FRD");
    END();
}

static void test_adverb_is_no_subject(void) {
    /* "Meanwhile attacked Freedonia": a capitalised adverb naming no actor */
    CODE(NULL,
         "1 Meanwhile meanwhile ADV 2 advmod\n"
         "2 attacked attack VERB 0 root\n"
         "3 Freedonia Freedonia PROPN 2 obj\n", NULL);
    CHECK_INT(c.n, 0);
    END();
}

static void test_considering_it_a_red_line(void) {
    /* "Iran considers it a red line": what something is held to be, not an option */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 considers consider VERB 0 root\n"
         "3 it it PRON 2 obj\n"
         "4 a a DET 6 det\n"
         "5 red red ADJ 6 amod\n"
         "6 line line NOUN 2 obl\n", NULL);
    CHECK_INT(c.n, 0);
    END();
}

static void test_considering_sanctions_on_a_day(void) {
    /* "Iran is considering sanctions Monday": an option weighed (014) */
    CODE(NULL,
         "1 Iran Iran PROPN 3 nsubj\n"
         "2 is be AUX 3 aux\n"
         "3 considering consider VERB 0 root\n"
         "4 sanctions sanction NOUN 3 obj\n"
         "5 Monday Monday PROPN 3 obl\n", NULL);
    EXPECT("014", "IRN", "-");
    END();
}

static void test_headline_verb_read_as_compound(void) {
    /* headline "Iran reject negotiations, considering it a red line" with "reject" a
     * noun compound of "negotiations", the subject of "considering" */
    CODE(NULL,
         "# kind = headline\n"
         "1 Iran Iran PROPN 3 compound\n"
         "2 reject reject NOUN 3 compound\n"
         "3 negotiations negotiation NOUN 5 nsubj\n"
         "4 , , PUNCT 5 punct\n"
         "5 considering consider VERB/VBG 0 root\n"
         "6 it it PRON 5 obj\n"
         "7 a a DET 9 det\n"
         "8 red red ADJ 9 amod\n"
         "9 line line NOUN 5 obl\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("125", "IRN", "-");
    END();
}

static void test_headline_object_compound_stays_a_noun(void) {
    /* headline "Iran signs Freedonia attack deal": "attack" in the verb's object */
    CODE("2019-07-18",
         "# kind = headline\n"
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 signs sign VERB 0 root\n"
         "3 Freedonia Freedonia PROPN 5 compound\n"
         "4 attack attack NOUN 5 compound\n"
         "5 deal deal NOUN 2 obj\n", NULL);
    CHECK(find_code(&c, "190") == NULL);
    END();
}

static void test_body_compound_stays_a_noun(void) {
    /* the same words in a body sentence are left as parsed */
    CODE(NULL,
         "1 Iran Iran PROPN 3 compound\n"
         "2 reject reject NOUN 3 compound\n"
         "3 negotiations negotiation NOUN 0 root\n", NULL);
    CHECK(find_code(&c, "125") == NULL);
    END();
}

static void test_passive_agent_on_the_object(void) {
    /* "Freedonia was sent aid by Iran" with the by-phrase on "aid" */
    CODE(NULL,
         "1 Freedonia Freedonia PROPN 3 nsubj:pass\n"
         "2 was be AUX 3 aux:pass\n"
         "3 sent send VERB 0 root\n"
         "4 aid aid NOUN 3 obj\n"
         "5 by by ADP 6 case\n"
         "6 Iran Iran PROPN 4 nmod\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("070", "IRN", "FRD");
    END();
}

static void test_roles_of_coordinated_countries(void) {
    /* "The ministers of Iran and Russia met." — each country's minister met the other */
    CODE(NULL,
         "1 The the DET 2 det\n"
         "2 ministers minister NOUN/NNS 7 nsubj\n"
         "3 of of ADP 4 case\n"
         "4 Iran Iran PROPN 2 nmod\n"
         "5 and and CCONJ 6 cc\n"
         "6 Russia Russia PROPN 4 conj\n"
         "7 met meet VERB 0 root\n", NULL);
    CHECK_INT(c.n, 2);
    EXPECT("040", "IRNGOV", "RUSGOV");
    CHECK_STR(c.ev[1].source, "RUSGOV");
    END();
}

static void test_reaction_to_what_an_actor_did(void) {
    /* "Brazil condemned the Freedonian airstrike on Iran": aimed at Freedonia, whatever
     * the pattern's (ON +) says */
    CODE(NULL,
         "1 Brazil Brazil PROPN 2 nsubj\n"
         "2 condemned condemn VERB 0 root\n"
         "3 the the DET 5 det\n"
         "4 Freedonian Freedonian ADJ 5 amod\n"
         "5 airstrike airstrike NOUN 2 obj\n"
         "6 on on ADP 7 case\n"
         "7 Iran Iran PROPN 5 nmod\n", NULL);
    EXPECT("111", "BRA", "FRD");
    END();
}

static void test_reaction_to_an_owned_target(void) {
    /* "Brazil condemned the remarks on Freedonia's army law": the law is Freedonia's,
     * not its army's */
    CODE(NULL,
         "1 Brazil Brazil PROPN 2 nsubj\n"
         "2 condemned condemn VERB 0 root\n"
         "3 the the DET 4 det\n"
         "4 remarks remark NOUN 2 obj\n"
         "5 on on ADP 9 case\n"
         "6 Freedonia Freedonia PROPN 9 nmod:poss\n"
         "7 's 's PART 6 case\n"
         "8 army army NOUN 9 compound\n"
         "9 law law NOUN 4 nmod\n", NULL);
    EXPECT("111", "BRA", "FRD");
    END();
}

static void test_reaction_to_an_actor_is_to_the_actor(void) {
    /* "Brazil denounced the Freedonian government": the government itself */
    CODE(NULL,
         "1 Brazil Brazil PROPN 2 nsubj\n"
         "2 denounced denounce VERB 0 root\n"
         "3 the the DET 5 det\n"
         "4 Freedonian Freedonian ADJ 5 amod\n"
         "5 government government NOUN 2 obj\n", NULL);
    EXPECT("111", "BRA", "FRDGOV");
    END();
}

static void test_repair_first_conjunct_as_adverb(void) {
    /* "Iran and Brazil attacked Freedonia" with "Iran" an adverb of the verb */
    CODE(NULL,
         "1 Iran iran ADJ 4 advmod\n"
         "2 and and CCONJ 3 cc\n"
         "3 Brazil Brazil PROPN 4 nsubj\n"
         "4 attacked attack VERB 0 root\n"
         "5 Freedonia Freedonia PROPN 4 obj\n", NULL);
    CHECK_INT(c.n, 2);
    EXPECT("190", "IRN", "FRD");
    CHECK_STR(c.ev[1].source, "BRA");
    END();
}

static void test_repair_coordinated_modifier_as_subject(void) {
    /* "The Iranian and Freedonian governments praised Brazil" with "Iranian" a second
     * subject of the verb */
    CODE(NULL,
         "1 The the DET 2 det\n"
         "2 Iranian iranian NOUN 6 nsubj\n"
         "3 and and CCONJ 5 cc\n"
         "4 Freedonian Freedonian ADJ 5 amod\n"
         "5 governments government NOUN/NNS 6 nsubj\n"
         "6 praised praise VERB 0 root\n"
         "7 Brazil Brazil PROPN 6 obj\n", NULL);
    CHECK_INT(c.n, 2);
    EXPECT("051", "IRNGOV", "BRA");
    CHECK_STR(c.ev[1].source, "FRDGOV");
    END();
}

static void test_quantity_of_actors(void) {
    /* "Thousands of Iranian troops attacked Freedonia" */
    CODE(NULL,
         "1 Thousands thousand NOUN 5 nsubj\n"
         "2 of of ADP 4 case\n"
         "3 Iranian Iranian ADJ 4 amod\n"
         "4 troops troops NOUN 1 nmod\n"
         "5 attacked attack VERB 0 root\n"
         "6 Freedonia Freedonia PROPN 5 obj\n", NULL);
    EXPECT("190", "IRNMIL", "FRD");
    END();
}

static void test_clause_of_a_verbless_sentence(void) {
    /* "Freedonian troops attacked Iran" with "Freedonian" the head, "troops" its bare
     * modifier and "attacked" a participle clause on "troops" */
    CODE(NULL,
         "1 Freedonian Freedonian ADJ 0 root\n"
         "2 troops troops NOUN 1 nmod\n"
         "3 attacked attack VERB/VBN 2 acl\n"
         "4 Iran Iran PROPN 3 obj\n", NULL);
    EXPECT("190", "FRDMIL", "IRN");
    END();
}

static void test_participle_on_a_place_is_no_clause(void) {
    /* "The rise in prices after the Iranian army attacked Freedonia": a clause deep in
     * a prepositional phrase of a verbless sentence is background, not its clause */
    CODE(NULL,
         "1 The the DET 2 det\n"
         "2 rise rise NOUN 0 root\n"
         "3 in in ADP 4 case\n"
         "4 prices price NOUN 2 nmod\n"
         "5 after after ADP 8 case\n"
         "6 the the DET 8 det\n"
         "7 Iranian Iranian ADJ 8 amod\n"
         "8 army army NOUN 4 nmod\n"
         "9 attacked attack VERB/VBN 8 acl\n"
         "10 Freedonia Freedonia PROPN 9 obj\n", NULL);
    CHECK(find_code(&c, "190") == NULL);
    END();
}

static void test_noun_with_auxiliary(void) {
    /* "Iran said it would free prisoners" with "free" an adjective of "prisoners", which
     * carries "would" */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 said say VERB 0 root\n"
         "3 it it PRON 6 nsubj\n"
         "4 would would AUX 6 aux\n"
         "5 free free ADJ 6 amod\n"
         "6 prisoners prisoner NOUN 2 ccomp\n", NULL);
    EXPECT("0353", "IRN", "-");
    END();
}

static void test_linked_to_a_condition_is_a_demand(void) {
    /* "Iran linked the talks to Freedonia's lifting of the sanctions": a demand made of
     * Freedonia (1054, conditional); neither the talks nor the lifting took place */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 linked link VERB 0 root\n"
         "3 the the DET 4 det\n"
         "4 talks talk NOUN 2 obj\n"
         "5 to to ADP 8 case\n"
         "6 Freedonia Freedonia PROPN 8 nmod:poss\n"
         "7 's 's PART 6 case\n"
         "8 lifting lifting NOUN 2 obl\n"
         "9 of of ADP 11 case\n"
         "10 the the DET 11 det\n"
         "11 sanctions sanction NOUN 8 nmod\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("1054", "IRN", "FRD");
    CHECK(c.ev[0].conditional);
    END();
}

static void test_quote_with_speaker_as_adverbial_clause(void) {
    /* "We will attack Freedonia," the Iranian president told journalists. — with
     * "told" an adverbial clause of "attack": "we" is the speaker */
    CODE(NULL,
         "1 We we PRON 3 nsubj\n"
         "2 will will AUX 3 aux\n"
         "3 attack attack VERB 0 root\n"
         "4 Freedonia Freedonia PROPN 3 obj\n"
         "5 , , PUNCT 3 punct\n"
         "6 the the DET 8 det\n"
         "7 Iranian Iranian ADJ 8 amod\n"
         "8 president president NOUN 9 nsubj\n"
         "9 told tell VERB 3 advcl\n"
         "10 journalists journalist NOUN 9 obj\n", NULL);
    EXPECT("1384", "IRNGOV", "FRD");
    CHECK_STR(c.ev[0].reported_by, "IRNGOV");
    END();
}

static void test_reaction_to_a_proposal_by_an_actor(void) {
    /* "Brazil condemned the plan drafted by Freedonia" */
    CODE(NULL,
         "1 Brazil Brazil PROPN 2 nsubj\n"
         "2 condemned condemn VERB 0 root\n"
         "3 the the DET 4 det\n"
         "4 plan plan NOUN 2 obj\n"
         "5 drafted draft VERB/VBN 4 acl\n"
         "6 by by ADP 7 case\n"
         "7 Freedonia Freedonia PROPN 5 obl:agent\n", NULL);
    EXPECT("111", "BRA", "FRD");
    END();
}

static void test_passive_subject_modifier_is_a_target(void) {
    /* "Sanctions on Freedonian exports were enforced by Iran" */
    CODE(NULL,
         "1 Sanctions sanction NOUN 6 nsubj:pass\n"
         "2 on on ADP 4 case\n"
         "3 Freedonian Freedonian ADJ 4 amod\n"
         "4 exports export NOUN 1 nmod\n"
         "5 were be AUX 6 aux:pass\n"
         "6 enforced enforce VERB 0 root\n"
         "7 by by ADP 8 case\n"
         "8 Iran Iran PROPN 6 obl:agent\n", NULL);
    EXPECT("163", "IRN", "FRD");
    END();
}

static void test_wanting_another_to_act_is_an_appeal(void) {
    /* "Iran wants Freedonia to release the prisoners": an appeal to Freedonia, not an
     * intent of Iran's */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 wants want VERB 0 root\n"
         "3 Freedonia Freedonia PROPN 2 obj\n"
         "4 to to PART 5 mark\n"
         "5 release release VERB 2 xcomp\n"
         "6 the the DET 7 det\n"
         "7 prisoners prisoner NOUN 5 obj\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("0253", "IRN", "FRD");
    END();
}

static void test_agreeing_to_stop_attacks(void) {
    /* "Iran agreed to stop airstrikes on Freedonia": intent to de-escalate (0356), not
     * an intent to attack */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 agreed agree VERB 0 root\n"
         "3 to to PART 4 mark\n"
         "4 stop stop VERB 2 xcomp\n"
         "5 airstrikes airstrike NOUN 4 obj\n"
         "6 on on ADP 7 case\n"
         "7 Freedonia Freedonia PROPN 5 nmod\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("0356", "IRN", "FRD");
    END();
}

static void test_stopping_talks_halts_them(void) {
    /* "Iran stopped negotiating with Freedonia": 164, halt negotiations */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 stopped stop VERB 0 root\n"
         "3 negotiating negotiate VERB 2 xcomp\n"
         "4 with with ADP 5 case\n"
         "5 Freedonia Freedonia PROPN 3 obl\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("164", "IRN", "FRD");
    END();
}

static void test_denied_act_is_not_coded(void) {
    /* "Iran denied that its army attacked Freedonia": a denial (016), no attack */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 denied deny VERB 0 root\n"
         "3 that that SCONJ 6 mark\n"
         "4 its its PRON 5 nmod:poss\n"
         "5 army army NOUN 6 nsubj\n"
         "6 attacked attack VERB 2 ccomp\n"
         "7 Freedonia Freedonia PROPN 6 obj\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("016", "IRN", "-");
    END();
}

static void test_accusation_subcode_pattern_hides_the_act(void) {
    /* "Iran charged Freedonia of attacking Sylvania": the accusation has a subcode from
     * its pattern (1121); the alleged attack is still not coded */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 charged charge VERB 0 root\n"
         "3 Freedonia Freedonia PROPN 2 obj\n"
         "4 of of SCONJ 5 mark\n"
         "5 attacking attack VERB 2 advcl\n"
         "6 Sylvania Sylvania PROPN 5 obj\n", NULL);
    CHECK(find_code(&c, "190") == NULL);
    END();
}

static void test_sworn_in_is_no_vow(void) {
    /* "The Freedonian president was sworn in." */
    CODE(NULL,
         "1 The the DET 3 det\n"
         "2 Freedonian Freedonian ADJ 3 amod\n"
         "3 president president NOUN 5 nsubj:pass\n"
         "4 was be AUX 5 aux:pass\n"
         "5 sworn swear VERB 0 root\n"
         "6 in in ADP 5 compound:prt\n", NULL);
    CHECK_INT(c.n, 0);
    END();
}

static void test_talks_between(void) {
    /* "The talks between Iran and Brazil ended." */
    CODE(NULL,
         "1 The the DET 2 det\n"
         "2 talks talk NOUN 7 nsubj\n"
         "3 between between ADP 4 case\n"
         "4 Iran Iran PROPN 2 nmod\n"
         "5 and and CCONJ 6 cc\n"
         "6 Brazil Brazil PROPN 4 conj\n"
         "7 ended end VERB 0 root\n", NULL);
    CHECK_INT(c.n, 2);
    EXPECT("046", "IRN", "BRA");
    CHECK_STR(c.ev[1].source, "BRA");
    CHECK_STR(c.ev[1].target, "IRN");
    END();
}

static void test_must_without_dictionary_entry(void) {
    /* "Iran said Russia must leave." — no entry for leave, still a demand */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 said say VERB 0 root\n"
         "3 Russia Russia PROPN 5 nsubj\n"
         "4 must must AUX 5 aux\n"
         "5 leave leave VERB 2 ccomp\n"
         "6 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("100", "IRN", "RUS");
    CHECK_STR(c.ev[0].rule, "builtin:0: must clause [100]");
    END();
}

static void test_require_dyad_keeps_mutual(void) {
    /* "Freedonia and Sylvania signed a treaty." — each signed with the other, so both
     * events have a target and --require-dyad keeps them */
    rl_code_options o = {0};
    o.require_dyad = true;
    CODE(NULL,
         "1 Freedonia Freedonia PROPN 4 nsubj\n"
         "2 and and CCONJ 3 cc\n"
         "3 Sylvania Sylvania PROPN 1 conj\n"
         "4 signed sign VERB 0 root\n"
         "5 a a DET 6 det\n"
         "6 treaty treaty NOUN 4 obj\n"
         "7 . . PUNCT 4 punct\n", &o);
    CHECK_INT(c.n, 2);
    EXPECT("057", "FRD", "SYL");
    CHECK_STR(c.ev[1].source, "SYL");
    CHECK_STR(c.ev[1].target, "FRD");
    END();
}

static void test_lower_case_us_is_a_pronoun(void) {
    /* "Sylvania attacked us, Freedonia said." — "us" is a pronoun (the speaker), never
     * the USA, even when the tagger calls it a proper noun */
    const char *src =
        "1 Sylvania Sylvania PROPN 2 nsubj\n"
        "2 attacked attack VERB 0 root\n"
        "3 us us %s 2 obj\n"
        "4 , , PUNCT 6 punct\n"
        "5 Freedonia Freedonia PROPN 6 nsubj\n"
        "6 said say VERB 2 parataxis\n"
        "7 . . PUNCT 2 punct\n";
    const char *tags[] = {"PRON", "PROPN"};
    for (int i = 0; i < 2; i++) {
        char buf[512];
        snprintf(buf, sizeof buf, src, tags[i]);
        CODE(NULL, buf, NULL);
        const rl_event *e = find_code(&c, "190");
        CHECK(e != NULL);
        if (e) CHECK_STR(e->source, "SYL");
        for (size_t k = 0; k < c.n; k++) {
            CHECK(strcmp(c.ev[k].source, "USA") != 0);
            CHECK(!c.ev[k].target || strcmp(c.ev[k].target, "USA") != 0);
        }
        END();
    }
    /* "the US" in capitals still is */
    CODE(NULL,
         "1 Sylvania Sylvania PROPN 2 nsubj\n"
         "2 attacked attack VERB 0 root\n"
         "3 the the DET 4 det\n"
         "4 US US PROPN 2 obj\n"
         "5 . . PUNCT 2 punct\n", NULL);
    EXPECT("190", "SYL", "USA");
    END();
}

static void test_spelled_out_forces_are_not_the_target(void) {
    /* "Iran deployed troops to Freedonia." — the troops are Iran's means, the pattern
     * spelled them out; the target is where they go */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 deployed deploy VERB 0 root\n"
         "3 troops troops NOUN 2 obj\n"
         "4 to to ADP 5 case\n"
         "5 Freedonia Freedonia PROPN 2 obl\n"
         "6 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("154", "IRN", "FRD");
    END();
}

static void test_spelled_out_foreign_forces_are_the_target(void) {
    /* "Iran deployed against Sylvanian troops" is not this rule's business, but a
     * spelled-out noun that names its own country stays the target: "Iran deployed
     * Sylvanian troops." reads SYLMIL */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 deployed deploy VERB 0 root\n"
         "3 Sylvanian Sylvanian ADJ 4 amod\n"
         "4 troops troops NOUN 2 obj\n"
         "5 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("154", "IRN", "SYLMIL");
    END();
}

static void test_accusation_subcode(void) {
    /* "Iran accused Freedonia of attacking Sylvania." — an accusation of aggression
     * (1123); the alleged attack is not coded as Iran's own */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 accused accuse VERB 0 root\n"
         "3 Freedonia Freedonia PROPN 2 obj\n"
         "4 of of SCONJ 5 mark\n"
         "5 attacking attack VERB 2 advcl\n"
         "6 Sylvania Sylvania PROPN 5 obj\n"
         "7 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("1123", "IRN", "FRD");
    END();
}

static void test_accusation_without_act(void) {
    /* "Iran accused Freedonia of lying." — nothing coded alleged: plain 112 */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 accused accuse VERB 0 root\n"
         "3 Freedonia Freedonia PROPN 2 obj\n"
         "4 of of SCONJ 5 mark\n"
         "5 lying lie VERB 3 acl\n"
         "6 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("112", "IRN", "FRD");
    END();
}

static void test_accusation_pattern_on_clause(void) {
    /* "Iran accused Freedonia of spying." — the "of" clause hangs on the object as
     * acl; the dictionary's (OF SPY) pattern still reads it: espionage, 1125 */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 accused accuse VERB 0 root\n"
         "3 Freedonia Freedonia PROPN 2 obj\n"
         "4 of of SCONJ 5 mark\n"
         "5 spying spy VERB 3 acl\n"
         "6 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("1125", "IRN", "FRD");
    END();
}

static void test_pp_pattern_on_oblique(void) {
    /* "Iran appealed to Freedonia for aid." with "for aid" parsed as a modifier of
     * Freedonia: the (FOR AID) pattern still applies (0233), Freedonia the target */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 appealed appeal VERB 0 root\n"
         "3 to to ADP 4 case\n"
         "4 Freedonia Freedonia PROPN 2 obl\n"
         "5 for for ADP 6 case\n"
         "6 aid aid NOUN 4 nmod\n"
         "7 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("0233", "IRN", "FRD");
    END();
}

static void test_by_phrase_on_active_verb(void) {
    /* "Iran praised the offer by Freedonia." with "by Freedonia" hung on the verb: in
     * the active voice it is the offer's author, the target */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 praised praise VERB 0 root\n"
         "3 the the DET 4 det\n"
         "4 offer offer NOUN 2 obj\n"
         "5 by by ADP 6 case\n"
         "6 Freedonia Freedonia PROPN 2 obl\n"
         "7 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("051", "IRN", "FRD");
    END();
}

static void test_meeting_at_third_location(void) {
    /* "Iran met Sylvania in Freedonia." — neither side's country: 044 */
    const char *src =
        "1 Iran Iran PROPN 2 nsubj\n"
        "2 met meet VERB 0 root\n"
        "3 Sylvania Sylvania PROPN 2 obj\n"
        "4 in in ADP 5 case\n"
        "5 %s %s PROPN 2 obl\n"
        "6 . . PUNCT 2 punct\n";
    char buf[512];
    snprintf(buf, sizeof buf, src, "Freedonia", "Freedonia");
    {
        CODE(NULL, buf, NULL);
        CHECK_INT(c.n, 1);
        EXPECT("044", "IRN", "SYL");
        CHECK_STR(c.ev[0].root, "04");
        END();
    }
    /* "... in Tehran": at home, a plain meeting */
    snprintf(buf, sizeof buf, src, "Tehran", "Tehran");
    CODE(NULL, buf, NULL);
    CHECK_INT(c.n, 1);
    EXPECT("040", "IRN", "SYL");
    END();
}

static void test_demand_made_of_clause_subject(void) {
    /* "Iran demanded that Sylvania withdraw." — the act asked for has no code, but the
     * demand is still made of Sylvania */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 demanded demand VERB 0 root\n"
         "3 that that SCONJ 5 mark\n"
         "4 Sylvania Sylvania PROPN 5 nsubj\n"
         "5 withdraw withdraw VERB 2 ccomp\n"
         "6 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("100", "IRN", "SYL");
    END();
}

static void test_rejected_proposal(void) {
    /* "Iran rejected a Sylvanian proposal to negotiate." — refusing the talks offered
     * (125), made against the proposer */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 rejected reject VERB 0 root\n"
         "3 a a DET 5 det\n"
         "4 Sylvanian Sylvanian ADJ 5 amod\n"
         "5 proposal proposal NOUN 2 obj\n"
         "6 to to PART 7 mark\n"
         "7 negotiate negotiate VERB 5 acl\n"
         "8 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("125", "IRN", "SYL");
    END();
}

static void test_appeal_infinitive_on_its_object(void) {
    /* "Iran called on Sylvania to negotiate." with the infinitive parsed as a clause on
     * Sylvania: still an appeal to negotiate (026) */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 called call VERB 0 root\n"
         "3 on on ADP 4 case\n"
         "4 Sylvania Sylvania PROPN 2 obl\n"
         "5 to to PART 6 mark\n"
         "6 negotiate negotiate VERB 4 acl\n"
         "7 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("026", "IRN", "SYL");
    END();
}

static void test_is_prepared_to(void) {
    /* "Iran said it was prepared to negotiate with Sylvania." (parsed as a passive
     * without agent): readiness to negotiate, 036 */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 said say VERB 0 root\n"
         "3 it it PRON 5 nsubj:pass\n"
         "4 was be AUX 5 aux:pass\n"
         "5 prepared prepare VERB 2 ccomp\n"
         "6 to to PART 7 mark\n"
         "7 negotiate negotiate VERB 5 xcomp\n"
         "8 with with ADP 9 case\n"
         "9 Sylvania Sylvania PROPN 7 obl\n"
         "10 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("036", "IRN", "SYL");
    END();
}

static void test_prepared_without_be_is_not_intent(void) {
    /* "Iran prepared to attack Sylvania." — a preparation, not a vow: the attack is
     * coded as the dictionary has it, not as a threat */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 prepared prepare VERB 0 root\n"
         "3 to to PART 4 mark\n"
         "4 attack attack VERB 2 xcomp\n"
         "5 Sylvania Sylvania PROPN 4 obj\n"
         "6 . . PUNCT 2 punct\n", NULL);
    CHECK(find_code(&c, "1384") == NULL);
    CHECK(find_code(&c, "130") == NULL);
    END();
}

static void test_sworn_to_fight(void) {
    /* "Iran has sworn to attack Sylvania." — a vow of force is a threat */
    CODE(NULL,
         "1 Iran Iran PROPN 3 nsubj\n"
         "2 has have AUX 3 aux\n"
         "3 sworn swear VERB 0 root\n"
         "4 to to PART 5 mark\n"
         "5 attack attack VERB 3 xcomp\n"
         "6 Sylvania Sylvania PROPN 5 obj\n"
         "7 . . PUNCT 3 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("1384", "IRN", "SYL");
    END();
}

static void test_possible_act_on_condition(void) {
    /* "Iran may attack Sylvania if the talks fail." — a conditional threat (1384), not
     * an option weighed (014) */
    CODE(NULL,
         "1 Iran Iran PROPN 3 nsubj\n"
         "2 may may AUX 3 aux\n"
         "3 attack attack VERB 0 root\n"
         "4 Sylvania Sylvania PROPN 3 obj\n"
         "5 if if SCONJ 8 mark\n"
         "6 the the DET 7 det\n"
         "7 talks talk NOUN 8 nsubj\n"
         "8 fail fail VERB 3 advcl\n"
         "9 . . PUNCT 3 punct\n", NULL);
    EXPECT("1384", "IRN", "SYL");
    CHECK(find_code(&c, "014") == NULL);
    END();
}

static void test_repair_verb_parsed_as_adjective(void) {
    /* "Iranian jets attacked Sylvanian positions." parsed with "jets" as the head, the
     * verb as an adjective of "positions" and "positions" as the object of "jets" */
    CODE(NULL,
         "1 Iranian Iranian ADJ 2 amod\n"
         "2 jets jet NOUN 0 root\n"
         "3 attacked attack VERB/VBD 5 amod\n"
         "4 Sylvanian Sylvanian ADJ 5 amod\n"
         "5 positions position NOUN 2 obj\n"
         "6 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("195", "IRNMIL", "SYLMIL");   /* jets: an air attack (C2, A4) on positions (A2) */
    END();
}

static void test_repair_verb_parsed_as_adjective_after_conjuncts(void) {
    /* "Iranian jets and drones attacked Sylvanian positions." with "attacked" tagged an
     * adjective; the words between the subject and the verb are the subject's, but a
     * determiner of the object ("... seized the tanker") is not */
    CODE(NULL,
         "1 Iranian Iranian ADJ 2 amod\n"
         "2 jets jet NOUN 0 root\n"
         "3 and and CCONJ 4 cc\n"
         "4 drones drone NOUN 2 conj\n"
         "5 attacked attacked ADJ/JJ 7 amod\n"
         "6 Sylvanian Sylvanian ADJ 7 amod\n"
         "7 positions position NOUN 2 obj\n"
         "8 . . PUNCT 2 punct\n", NULL);
    EXPECT("195", "IRNMIL", "SYLMIL");   /* jets and drones: aerial (C2, A4) */
    END();
}

static void test_repair_split_name(void) {
    /* "United Nations attacked Freedonia." with both halves of the name as subjects */
    {
        CODE(NULL,
             "1 United United PROPN 3 nsubj\n"
             "2 Nations Nations PROPN 3 nsubj\n"
             "3 attacked attack VERB 0 root\n"
             "4 Freedonia Freedonia PROPN 3 obj\n"
             "5 . . PUNCT 3 punct\n", NULL);
        CHECK_INT(c.n, 1);
        EXPECT("190", "IGOUNO", "FRD");
        END();
    }
    /* "Sylvania and United Nations attacked Freedonia." with "United" the conjunct
     * and "Nations" a second subject */
    CODE(NULL,
         "1 Sylvania Sylvania PROPN 5 nsubj\n"
         "2 and and CCONJ 3 cc\n"
         "3 United United PROPN 1 conj\n"
         "4 Nations Nations PROPN 5 nsubj\n"
         "5 attacked attack VERB 0 root\n"
         "6 Freedonia Freedonia PROPN 5 obj\n"
         "7 . . PUNCT 5 punct\n", NULL);
    CHECK_INT(c.n, 2);
    EXPECT("190", "SYL", "FRD");
    CHECK_STR(c.ev[1].source, "IGOUNO");
    CHECK_STR(c.ev[1].target, "FRD");
    END();
}

static void test_repair_that_as_object(void) {
    /* "Iran demanded that Sylvania negotiate." parsed with "that" as the object of
     * "demanded": "that" → Sylvania (appos) → negotiate (xcomp) */
    {
        CODE(NULL,
             "1 Iran Iran PROPN 2 nsubj\n"
             "2 demanded demand VERB 0 root\n"
             "3 that that SCONJ 2 obj\n"
             "4 Sylvania Sylvania PROPN 3 appos\n"
             "5 negotiate negotiate ADJ 4 xcomp\n"
             "6 . . PUNCT 2 punct\n", NULL);
        CHECK_INT(c.n, 1);
        EXPECT("106", "IRN", "SYL");
        END();
    }
    /* ... and "that" → negotiate (a noun, with Sylvania as its compound) */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 demanded demand VERB 0 root\n"
         "3 that that SCONJ 2 obj\n"
         "4 Sylvania Sylvania PROPN 5 compound\n"
         "5 negotiate negotiate NOUN 3 xcomp\n"
         "6 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("106", "IRN", "SYL");
    END();
}

static void test_repair_rejected_demands_that(void) {
    /* "Iran rejected Sylvanian demands that it negotiate." parsed with "demands" as the
     * head, "rejected" as its adjective and the that-clause as a relative clause:
     * rejecting a demand to negotiate is refusing to negotiate (125), against the one
     * who demanded */
    CODE(NULL,
         "1 Iran Iran PROPN 4 nsubj\n"
         "2 rejected reject VERB/VBD 4 amod\n"
         "3 Sylvanian Sylvanian ADJ 4 amod\n"
         "4 demands demand NOUN 0 root\n"
         "5 that that SCONJ 7 mark\n"
         "6 it it PRON 7 nsubj\n"
         "7 negotiate negotiate VERB 4 acl:relcl\n"
         "8 . . PUNCT 4 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("125", "IRN", "SYL");
    END();
}

static void test_clause_on_date_word(void) {
    /* "Iran today attacked Sylvania." parsed with "attacked" as a clause on "today",
     * which hangs off "Iran" */
    CODE("2019-07-18",
         "1 Iran Iran PROPN 0 root\n"
         "2 today today NOUN 1 obl:unmarked\n"
         "3 attacked attack VERB/VBN 2 acl\n"
         "4 Sylvania Sylvania PROPN 3 obj\n"
         "5 . . PUNCT 1 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("190", "IRN", "SYL");
    END();
}

static void test_object_parsed_as_complement(void) {
    /* "Iran accused Freedonia of lying." with "Freedonia" parsed as a nominal
     * complement: still the one accused */
    CODE(NULL,
         "1 Iran Iran PROPN 2 nsubj\n"
         "2 accused accuse VERB 0 root\n"
         "3 Freedonia Freedonia PROPN 2 xcomp\n"
         "4 of of SCONJ 5 mark\n"
         "5 lying lie VERB 3 advcl\n"
         "6 . . PUNCT 2 punct\n", NULL);
    CHECK_INT(c.n, 1);
    EXPECT("112", "IRN", "FRD");
    END();
}

int main(void) {
    dicts = fixture_dicts();
    RUN(test_active);
    RUN(test_passive);
    RUN(test_passive_without_agent);
    RUN(test_negation);
    RUN(test_negated_conflict_is_no_event);
    RUN(test_refuse_to_meet);
    RUN(test_agree_to_meet);
    RUN(test_threaten_sanctions);
    RUN(test_call_for_ceasefire);
    RUN(test_urge_target);
    RUN(test_conditional);
    RUN(test_compound_actors);
    RUN(test_domestic_target);
    RUN(test_relative_clause_does_not_leak);
    RUN(test_subject_relative_clause);
    RUN(test_apposition_does_not_leak);
    RUN(test_reported_speech);
    RUN(test_statements_only_when_asked);
    RUN(test_require_dyad);
    RUN(test_event_noun_light_verb);
    RUN(test_event_noun_possessor);
    RUN(test_rejection_of_talks);
    RUN(test_furniture_never_coded);
    RUN(test_discard);
    RUN(test_duplicates_merged);
    RUN(test_must_is_a_demand);
    RUN(test_must_without_speaker_is_nothing);
    RUN(test_copular_noun_inverted_speaker);
    RUN(test_date_apposition_misparse);
    RUN(test_class_fallback);
    RUN(test_class_fallback_needs_complement);
    RUN(test_reported_future_is_intent);
    RUN(test_reported_future_meeting);
    RUN(test_past_negation_is_nothing);
    RUN(test_could_is_an_option);
    RUN(test_considering);
    RUN(test_mutual_conjoined_sources);
    RUN(test_talks_between);
    RUN(test_denied_act_is_not_coded);
    RUN(test_accusation_subcode_pattern_hides_the_act);
    RUN(test_sworn_in_is_no_vow);
    RUN(test_agreeing_to_stop_attacks);
    RUN(test_stopping_talks_halts_them);
    RUN(test_wanting_another_to_act_is_an_appeal);
    RUN(test_reaction_to_a_proposal_by_an_actor);
    RUN(test_passive_subject_modifier_is_a_target);
    RUN(test_quote_with_speaker_as_adverbial_clause);
    RUN(test_linked_to_a_condition_is_a_demand);
    RUN(test_quantity_of_actors);
    RUN(test_clause_of_a_verbless_sentence);
    RUN(test_participle_on_a_place_is_no_clause);
    RUN(test_noun_with_auxiliary);
    RUN(test_repair_first_conjunct_as_adverb);
    RUN(test_repair_coordinated_modifier_as_subject);
    RUN(test_reaction_to_what_an_actor_did);
    RUN(test_reaction_to_an_actor_is_to_the_actor);
    RUN(test_reaction_to_an_owned_target);
    RUN(test_roles_of_coordinated_countries);
    RUN(test_passive_agent_on_the_object);
    RUN(test_name_read_as_adverb_is_the_subject);
    RUN(test_adverb_is_no_subject);
    RUN(test_considering_it_a_red_line);
    RUN(test_considering_sanctions_on_a_day);
    RUN(test_headline_verb_read_as_compound);
    RUN(test_body_compound_stays_a_noun);
    RUN(test_headline_object_compound_stays_a_noun);
    RUN(test_repair_name_compounded_with_verbless_head);
    RUN(test_repair_object_hung_as_bare_modifier);
    RUN(test_repair_noun_with_object_is_a_verb);
    RUN(test_noun_without_object_stays_a_noun);
    RUN(test_verb_lemma_from_models);
    RUN(test_parties_of_the_object_are_targets);
    RUN(test_praise_without_target_is_not_mutual);
    RUN(test_must_without_dictionary_entry);
    RUN(test_require_dyad_keeps_mutual);
    RUN(test_lower_case_us_is_a_pronoun);
    RUN(test_spelled_out_forces_are_not_the_target);
    RUN(test_spelled_out_foreign_forces_are_the_target);
    RUN(test_accusation_subcode);
    RUN(test_accusation_without_act);
    RUN(test_accusation_pattern_on_clause);
    RUN(test_pp_pattern_on_oblique);
    RUN(test_by_phrase_on_active_verb);
    RUN(test_meeting_at_third_location);
    RUN(test_demand_made_of_clause_subject);
    RUN(test_rejected_proposal);
    RUN(test_appeal_infinitive_on_its_object);
    RUN(test_is_prepared_to);
    RUN(test_prepared_without_be_is_not_intent);
    RUN(test_sworn_to_fight);
    RUN(test_possible_act_on_condition);
    RUN(test_repair_verb_parsed_as_adjective);
    RUN(test_repair_verb_parsed_as_adjective_after_conjuncts);
    RUN(test_repair_split_name);
    RUN(test_repair_that_as_object);
    RUN(test_repair_rejected_demands_that);
    RUN(test_clause_on_date_word);
    RUN(test_object_parsed_as_complement);
    rl_dicts_close(dicts);
    return CHECK_DONE();
}
