/* test_coder_violence.c — protest, force and mass-violence refinements
 * (src/coder_violence.c): weapons decide 194/195/1952/2041, casualties named in a
 * result clause are the target, protests against a law are aimed at the government,
 * denied acts are not coded, a counterpart holds the same portfolio. Hand-written trees
 * with the fixture dictionaries (violence.verbs.txt, violence.agents.txt). */
#include "check.h"
#include "coder_util.h"

static rl_dicts *dicts;

static rl_dicts *violence_dicts(void) {
    return fixture_dicts_with(FIXTURES "/violence.verbs.txt", FIXTURES "/violence.agents.txt");
}

#define CODE(src) CODE_WITH(dicts, "2024-03-01", src, NULL)

/* ---- weapons ---- */

/* "Freedonian drones destroyed Sylvanian trucks": the weapon is the subject (the
 * dictionary's 190 becomes 1952; the trucks are what was hit, not the means). */
static void test_drone_subject(void) {
    CODE("1 Freedonian Freedonian ADJ 2 amod\n"
         "2 drones drone NOUN 3 nsubj\n"
         "3 destroyed destroy VERB 0 root\n"
         "4 Sylvanian Sylvanian ADJ 5 amod\n"
         "5 army army NOUN 6 compound\n"
         "6 trucks truck NOUN 3 obj\n"
         "7 . . PUNCT 3 punct\n");
    CHECK_INT(c.n, 1);
    EXPECT("1952", "FRDMIL", "SYLMIL");
    END();
}

/* "Sylvanian warplanes attacked Freedonia": aircraft are 195. */
static void test_warplane_subject(void) {
    CODE("1 Sylvanian Sylvanian ADJ 2 amod\n"
         "2 warplanes warplane NOUN 3 nsubj\n"
         "3 attacked attack VERB 0 root\n"
         "4 Freedonia Freedonia PROPN 3 obj\n"
         "5 . . PUNCT 3 punct\n");
    CHECK_INT(c.n, 1);
    EXPECT("195", "SYLMIL", "FRD");
    END();
}

/* "Iran fired rockets at Freedonia": rocket fire is 194 (artillery and rockets). */
static void test_rocket_fire(void) {
    CODE("1 Iran Iran PROPN 2 nsubj\n"
         "2 fired fire VERB 0 root\n"
         "3 rockets rocket NOUN 2 obj\n"
         "4 at at ADP 5 case\n"
         "5 Freedonia Freedonia PROPN 2 obl\n"
         "6 . . PUNCT 2 punct\n");
    CHECK_INT(c.n, 1);
    EXPECT("194", "IRN", "FRD");
    END();
}

/* "Russia launched drones and missiles at Sylvania": aerial and other weapons mixed
 * are 195, not the drones' 1952. */
static void test_mixed_weapons(void) {
    CODE("1 Russia Russia PROPN 2 nsubj\n"
         "2 launched launch VERB 0 root\n"
         "3 drones drone NOUN 2 obj\n"
         "4 and and CCONJ 5 cc\n"
         "5 missiles missile NOUN 3 conj\n"
         "6 at at ADP 7 case\n"
         "7 Sylvania Sylvania PROPN 2 obl\n"
         "8 . . PUNCT 2 punct\n");
    CHECK_INT(c.n, 1);
    EXPECT("195", "RUS", "SYL");
    END();
}

/* "Freedonia dropped chlorine bombs on Sylvania": a chemical weapon is 2041; "dropped
 * bombs on a chemical plant" is not. */
static void test_chemical(void) {
    {
        CODE("1 Freedonia Freedonia PROPN 2 nsubj\n"
             "2 dropped drop VERB 0 root\n"
             "3 chlorine chlorine NOUN 4 compound\n"
             "4 bombs bomb NOUN 2 obj\n"
             "5 on on ADP 6 case\n"
             "6 Sylvania Sylvania PROPN 2 obl\n"
             "7 . . PUNCT 2 punct\n");
        CHECK_INT(c.n, 1);
        EXPECT("2041", "FRD", "SYL");
        END();
    }
    {
        CODE("1 Freedonia Freedonia PROPN 2 nsubj\n"
             "2 dropped drop VERB 0 root\n"
             "3 bombs bomb NOUN 2 obj\n"
             "4 on on ADP 8 case\n"
             "5 a a DET 8 det\n"
             "6 Sylvanian Sylvanian ADJ 8 amod\n"
             "7 chemical chemical ADJ 8 amod\n"
             "8 plant plant NOUN 2 obl\n"
             "9 . . PUNCT 2 punct\n");
        CHECK_INT(c.n, 1);
        EXPECT("195", "FRD", "SYL");
        END();
    }
}

/* ---- casualties (C5) ---- */

/* "Sylvanian rebels attacked Freedonia, killing nine civilians": the people hurt are
 * the target, with the country of the place hit; the killing is not a second event. */
static void test_casualties_are_target(void) {
    CODE("1 Sylvanian Sylvanian ADJ 2 amod\n"
         "2 rebels rebel NOUN 3 nsubj\n"
         "3 attacked attack VERB 0 root\n"
         "4 Freedonia Freedonia PROPN 3 obj\n"
         "5 , , PUNCT 6 punct\n"
         "6 killing kill VERB 3 advcl\n"
         "7 nine nine NUM 8 nummod\n"
         "8 civilians civilian NOUN 6 obj\n"
         "9 . . PUNCT 3 punct\n");
    CHECK_INT(c.n, 1);
    EXPECT("190", "SYLREB", "FRDCVL");
    CHECK_STR(c.ev[0].target_text, "civilians");
    END();
}

/* "Freedonian rebels detonated a bomb outside a police station, killing ten cadets":
 * nobody coded among the hurt, so the building hit is the target. */
static void test_building_when_no_casualty_codes(void) {
    CODE("1 Freedonian Freedonian ADJ 2 amod\n"
         "2 rebels rebel NOUN 3 nsubj\n"
         "3 detonated detonate VERB 0 root\n"
         "4 a a DET 5 det\n"
         "5 bomb bomb NOUN 3 obj\n"
         "6 outside outside ADP 9 case\n"
         "7 a a DET 9 det\n"
         "8 police police NOUN 9 compound\n"
         "9 station station NOUN 3 obl\n"
         "10 , , PUNCT 11 punct\n"
         "11 killing kill VERB 3 advcl\n"
         "12 ten ten NUM 13 nummod\n"
         "13 cadets cadet NOUN 11 obj\n"
         "14 . . PUNCT 3 punct\n");
    CHECK_INT(c.n, 1);
    EXPECT("183", "FRDREB", "FRDCOP");
    END();
}

/* ---- protests (T2) ---- */

/* "Freedonian farmers marched against the new tax": a policy protest (1412) aimed at
 * the government of the protesters' country. */
static void test_protest_against_tax(void) {
    CODE("1 Freedonian Freedonian ADJ 2 amod\n"
         "2 farmers farmer NOUN 3 nsubj\n"
         "3 marched march VERB 0 root\n"
         "4 against against ADP 7 case\n"
         "5 the the DET 7 det\n"
         "6 new new ADJ 7 amod\n"
         "7 tax tax NOUN 3 obl\n"
         "8 . . PUNCT 3 punct\n");
    CHECK_INT(c.n, 1);
    EXPECT("1412", "FRDAGR", "FRDGOV");
    END();
}

/* "Sylvanian students rioted to demand the minister's resignation": leadership
 * (1451); "students protested against Freedonia's blockade": aimed at its owner; a
 * march with no aim stays 141 with no target. */
static void test_protest_aims(void) {
    {
        CODE("1 Sylvanian Sylvanian ADJ 2 amod\n"
             "2 students student NOUN 3 nsubj\n"
             "3 rioted riot VERB 0 root\n"
             "4 to to PART 5 mark\n"
             "5 demand demand VERB 3 advcl\n"
             "6 the the DET 7 det\n"
             "7 minister minister NOUN 9 nmod:poss\n"
             "8 's 's PART 7 case\n"
             "9 resignation resignation NOUN 5 obj\n"
             "10 . . PUNCT 3 punct\n");
        EXPECT("1451", "SYLEDU", "SYLGOV");
        END();
    }
    {
        CODE("1 Sylvanian Sylvanian ADJ 2 amod\n"
             "2 students student NOUN 3 nsubj\n"
             "3 protested protest VERB 0 root\n"
             "4 against against ADP 7 case\n"
             "5 Freedonia Freedonia PROPN 7 nmod:poss\n"
             "6 's 's PART 5 case\n"
             "7 blockade blockade NOUN 3 obl\n"
             "8 . . PUNCT 3 punct\n");
        CHECK_INT(c.n, 1);
        EXPECT("141", "SYLEDU", "FRD");
        END();
    }
    {
        CODE("1 Sylvanian Sylvanian ADJ 2 amod\n"
             "2 students student NOUN 3 nsubj\n"
             "3 marched march VERB 0 root\n"
             "4 through through ADP 6 case\n"
             "5 the the DET 6 det\n"
             "6 streets street NOUN 3 obl\n"
             "7 . . PUNCT 3 punct\n");
        CHECK_INT(c.n, 1);
        EXPECT("141", "SYLEDU", "-");
        END();
    }
}

/* ---- denials (S1) ---- */

/* "Freedonia denied that its army attacked Sylvania": the denial (016) only; "…
 * denied it and attacked Sylvania": the coordinated attack is reported, so coded. */
static void test_denied_act_not_coded(void) {
    {
        CODE("1 Freedonia Freedonia PROPN 2 nsubj\n"
             "2 denied deny VERB 0 root\n"
             "3 that that SCONJ 6 mark\n"
             "4 its its PRON 5 nmod:poss\n"
             "5 army army NOUN 6 nsubj\n"
             "6 attacked attack VERB 2 ccomp\n"
             "7 Sylvania Sylvania PROPN 6 obj\n"
             "8 . . PUNCT 2 punct\n");
        CHECK_INT(c.n, 1);
        EXPECT("016", "FRD", "-");
        END();
    }
    {
        CODE("1 Freedonia Freedonia PROPN 2 nsubj\n"
             "2 denied deny VERB 0 root\n"
             "3 it it PRON 2 obj\n"
             "4 and and CCONJ 5 cc\n"
             "5 attacked attack VERB 2 conj\n"
             "6 Sylvania Sylvania PROPN 5 obj\n"
             "7 . . PUNCT 2 punct\n");
        EXPECT("190", "FRD", "SYL");
        END();
    }
}

/* ---- counterparts ---- */

/* "The Freedonian defence minister met his Sylvanian counterpart": the counterpart
 * of a defence minister is the other country's defence minister. */
static void test_counterpart_keeps_field(void) {
    CODE("1 The the DET 4 det\n"
         "2 Freedonian Freedonian ADJ 4 amod\n"
         "3 defence defence NOUN 4 compound\n"
         "4 minister minister NOUN 5 nsubj\n"
         "5 met meet VERB 0 root\n"
         "6 his his PRON 8 nmod:poss\n"
         "7 Sylvanian Sylvanian ADJ 8 amod\n"
         "8 counterpart counterpart NOUN 5 obj\n"
         "9 . . PUNCT 5 punct\n");
    CHECK_INT(c.n, 1);
    EXPECT("040", "FRDGOVMIL", "SYLGOVMIL");
    END();
}

/* "Freedonian warplanes attacked targets across Sylvania": a site that codes nothing
 * stands for the country it is in (A2). */
static void test_site_stands_for_country(void) {
    CODE("1 Freedonian Freedonian ADJ 2 amod\n"
         "2 warplanes warplane NOUN 3 nsubj\n"
         "3 attacked attack VERB 0 root\n"
         "4 targets target NOUN 3 obj\n"
         "5 across across ADP 6 case\n"
         "6 Sylvania Sylvania PROPN 4 nmod\n"
         "7 . . PUNCT 3 punct\n");
    CHECK_INT(c.n, 1);
    EXPECT("195", "FRDMIL", "SYL");
    END();
}

/* "Freedonian troops massacred hundreds of civilians in a Sylvanian village": the
 * civilians are Sylvanian, not the source's. */
static void test_victims_country_from_place(void) {
    CODE("1 Freedonian Freedonian ADJ 2 amod\n"
         "2 troops troops NOUN 3 nsubj\n"
         "3 massacred massacre VERB 0 root\n"
         "4 hundreds hundred NOUN 3 obj\n"
         "5 of of ADP 6 case\n"
         "6 civilians civilian NOUN 4 nmod\n"
         "7 in in ADP 10 case\n"
         "8 a a DET 10 det\n"
         "9 Sylvanian Sylvanian ADJ 10 amod\n"
         "10 village village NOUN 6 nmod\n"
         "11 . . PUNCT 3 punct\n");
    CHECK_INT(c.n, 1);
    EXPECT("202", "FRDMIL", "SYLCVL");
    END();
}

/* "Russia moved troops to the Sylvanian border": posture aimed at Sylvania; "the
 * Russian army deployed troops to Moscow": its own country's city is no target (T1). */
static void test_posture_target(void) {
    {
        CODE("1 Russia Russia PROPN 2 nsubj\n"
             "2 moved move VERB 0 root\n"
             "3 troops troops NOUN 2 obj\n"
             "4 to to ADP 7 case\n"
             "5 the the DET 7 det\n"
             "6 Sylvanian Sylvanian ADJ 7 amod\n"
             "7 border border NOUN 2 obl\n"
             "8 . . PUNCT 2 punct\n");
        CHECK_INT(c.n, 1);
        EXPECT("154", "RUS", "SYL");
        END();
    }
    {
        CODE("1 The the DET 3 det\n"
             "2 Russian Russian ADJ 3 amod\n"
             "3 army army NOUN 4 nsubj\n"
             "4 deployed deploy VERB 0 root\n"
             "5 troops troops NOUN 4 obj\n"
             "6 to to ADP 7 case\n"
             "7 Moscow Moscow PROPN 4 obl\n"
             "8 . . PUNCT 4 punct\n");
        CHECK_INT(c.n, 1);
        EXPECT("154", "RUSMIL", "-");
        END();
    }
}

/* "Sylvanian prisoners went on strike to protest their detention by Freedonia": the
 * protest is aimed at Freedonia; the detention is what is protested, not a new event. */
static void test_protested_act_not_coded(void) {
    CODE("1 Sylvanian Sylvanian ADJ 2 amod\n"
         "2 prisoners prisoner NOUN 3 nsubj\n"
         "3 went go VERB 0 root\n"
         "4 on on ADP 5 case\n"
         "5 strike strike NOUN 3 obl\n"
         "6 to to PART 7 mark\n"
         "7 protest protest VERB 3 advcl\n"
         "8 their their PRON 9 nmod:poss\n"
         "9 detention detention NOUN 7 obj\n"
         "10 by by ADP 11 case\n"
         "11 Freedonia Freedonia PROPN 9 nmod\n"
         "12 . . PUNCT 3 punct\n");
    CHECK_INT(c.n, 1);
    EXPECT("143", "SYLCVL", "FRD");
    END();
}

/* "Freedonian artillery shelled Sylvanian positions": artillery, and positions (tanks,
 * bases), are the country's military (A2, A4); "Russia massacred dozens of villagers near
 * Sylvania": people with no other role are civilians of the place (A1). */
static void test_target_roles(void) {
    {
        CODE("1 Freedonian Freedonian ADJ 2 amod\n"
             "2 artillery artillery NOUN 3 nsubj\n"
             "3 shelled shell VERB 0 root\n"
             "4 Sylvanian Sylvanian ADJ 5 amod\n"
             "5 positions position NOUN 3 obj\n"
             "6 . . PUNCT 3 punct\n");
        CHECK_INT(c.n, 1);
        EXPECT("194", "FRDMIL", "SYLMIL");   /* artillery is the military's (A4) */
        END();
    }
    {
        CODE("1 Russia Russia PROPN 2 nsubj\n"
             "2 massacred massacre VERB 0 root\n"
             "3 dozens dozen NOUN 2 obj\n"
             "4 of of ADP 5 case\n"
             "5 villagers villager NOUN 3 nmod\n"
             "6 in in ADP 7 case\n"
             "7 Sylvania Sylvania PROPN 3 nmod\n"
             "8 . . PUNCT 2 punct\n");
        CHECK_INT(c.n, 1);
        EXPECT("202", "RUS", "SYLCVL");
        END();
    }
}

/* "Sylvania tried to assassinate the Freedonian president with drones": one event, the
 * attempt (185) the pattern of "tried" spells out, aimed at the president — the drones
 * are the means. */
static void test_attempt_with_weapon(void) {
    CODE("1 Sylvania Sylvania PROPN 2 nsubj\n"
         "2 tried try VERB 0 root\n"
         "3 to to PART 4 mark\n"
         "4 assassinate assassinate VERB 2 xcomp\n"
         "5 the the DET 7 det\n"
         "6 Freedonian Freedonian ADJ 7 amod\n"
         "7 president president NOUN 4 obj\n"
         "8 with with ADP 9 case\n"
         "9 drones drone NOUN 4 obl\n"
         "10 . . PUNCT 2 punct\n");
    CHECK_INT(c.n, 1);
    EXPECT("185", "SYL", "FRDGOV");
    END();
}

/* "Russian missiles struck Sylvania" (the weapon is the doer: RUSMIL, 194); "a Russian
 * missile strike on Sylvania killed four civilians": one event, aimed at the people
 * killed, who take the place's country (C5). */
static void test_weapon_doer_and_killing_strike(void) {
    {
        CODE("1 Russian Russian ADJ 2 amod\n"
             "2 missiles missile NOUN 3 nsubj\n"
             "3 struck strike VERB 0 root\n"
             "4 Sylvania Sylvania PROPN 3 obj\n"
             "5 . . PUNCT 3 punct\n");
        CHECK_INT(c.n, 1);
        EXPECT("194", "RUSMIL", "SYL");
        END();
    }
    {
        CODE("1 A a DET 4 det\n"
             "2 Russian Russian ADJ 4 amod\n"
             "3 missile missile NOUN 4 compound\n"
             "4 strike strike NOUN 8 nsubj\n"
             "5 on on ADP 6 case\n"
             "6 Sylvania Sylvania PROPN 4 nmod\n"
             "7 reportedly reportedly ADV 8 advmod\n"
             "8 killed kill VERB 0 root\n"
             "9 four four NUM 10 nummod\n"
             "10 civilians civilian NOUN 8 obj\n"
             "11 . . PUNCT 8 punct\n");
        CHECK_INT(c.n, 1);
        EXPECT("194", "RUS", "SYLCVL");
        END();
    }
}

int main(void) {
    dicts = violence_dicts();
    RUN(test_drone_subject);
    RUN(test_warplane_subject);
    RUN(test_rocket_fire);
    RUN(test_mixed_weapons);
    RUN(test_chemical);
    RUN(test_casualties_are_target);
    RUN(test_building_when_no_casualty_codes);
    RUN(test_protest_against_tax);
    RUN(test_protest_aims);
    RUN(test_denied_act_not_coded);
    RUN(test_counterpart_keeps_field);
    RUN(test_site_stands_for_country);
    RUN(test_victims_country_from_place);
    RUN(test_posture_target);
    RUN(test_protested_act_not_coded);
    RUN(test_target_roles);
    RUN(test_attempt_with_weapon);
    RUN(test_weapon_doer_and_killing_strike);
    if (dicts) rl_dicts_close(dicts);
    return CHECK_DONE();
}
