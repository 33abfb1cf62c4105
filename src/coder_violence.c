/* coder_violence.c — weapons, casualties and protest goals (see coder_violence.h).
 *
 * Everything here reads one sentence's tree around a predicate that the verb dictionary
 * has already coded, and only narrows what is there: a force code to the weapon the
 * clause names (CAMEO 194 artillery/rockets/missiles, 195 aerial, 1952 drones, 2041
 * chemical), a protest code to its aim (14x1 leadership, 14x2 policy, 14x4 regime), and
 * the target to the people hurt or the government a protest is aimed at. */
#include "coder_violence.h"

#include <string.h>

#include "arena.h"
#include "docres.h"
#include "redline.h"

enum { W_ART = 1, W_AIR = 2, W_DRONE = 4 };

static bool in_list(const char *w, const char *const *list) {
    for (int i = 0; list[i]; i++)
        if (strcmp(w, list[i]) == 0) return true;
    return false;
}

/* The weapon class of word i (0: not a weapon). Ground-launched fire — artillery,
 * tanks, warships, rockets and missiles — is CAMEO's 194; aircraft 195; drones 1952. */
static int weapon_word(const rl_tree *t, int i) {
    static const char *const art[] = {"MISSILE", "ROCKET", "ARTILLERY", "MORTAR", "HOWITZER",
                                      "WARSHIP", "GUNBOAT", "CANNON", "TANK", "SHELL", NULL};
    static const char *const air[] = {"AIRCRAFT", "WARPLANE", "JET", "HELICOPTER",
                                      "GUNSHIP", "AIRSTRIKE", "AIRPLANE", "PLANE", NULL};
    static const char *const drone[] = {"DRONE", "UAV", NULL};
    const char *l = t->ulemma[i], *f = t->uform[i];
    if (!rl_tree_upos(t, i, "NOUN") && !rl_tree_upos(t, i, "PROPN") && !rl_tree_upos(t, i, "ADJ")) return 0;
    if (in_list(l, drone) || in_list(f, drone)) return W_DRONE;
    if (in_list(l, air) || in_list(f, air)) return W_AIR;
    /* a bomber is an aircraft, a suicide bomber is not */
    if (strcmp(l, "BOMBER") == 0) {
        int c = rl_tree_child(t, i, "compound");
        return c >= 0 && strcmp(t->uform[c], "SUICIDE") == 0 ? 0 : W_AIR;
    }
    /* "tanks" and "shells" are also verbs: only the noun is a weapon */
    if ((in_list(l, art) || in_list(f, art)) && !rl_tree_upos(t, i, "ADJ")) return W_ART;
    /* "air strike", "air raid", "aerial bombardment" */
    if (strcmp(f, "AIR") == 0 || strcmp(f, "AERIAL") == 0) return W_AIR;
    return 0;
}

/* The weapon words of phrase x: its head, the heads it is conjoined with ("drones and
 * missiles") and its compounds and adjectives ("missile strike"). */
static int phrase_weapons(const rl_tree *t, int x) {
    int w = weapon_word(t, x);
    for (int k = t->kid_off[x]; k < t->kid_off[x + 1]; k++) {
        int c = t->kids[k];
        if (rl_tree_rel(t, c, "compound") || rl_tree_rel(t, c, "amod"))
            w |= weapon_word(t, c);
        else if (rl_tree_rel(t, c, "conj"))
            w |= phrase_weapons(t, c);
    }
    return w;
}

/* Verbs whose object is what is fired: "fired missiles", "dropped barrel bombs". */
static bool firing_verb(const char *l) {
    static const char *const v[] = {"FIRE", "LAUNCH", "DROP", "USE", "LOB", "SHOOT",
                                    "RAIN", "DEPLOY", "UNLEASH", NULL};
    return in_list(l, v);
}

/* Verbs whose object is the attack itself: "carried out a missile strike". */
static bool light_verb(const char *l) {
    static const char *const v[] = {"CARRY", "CONDUCT", "STAGE", "MOUNT", "LAUNCH", "MAKE",
                                    NULL};
    return in_list(l, v);
}

/* The weapons the clause of p names (the subject's are read by the caller). */
static int clause_weapons(const rl_tree *t, int p, int depth) {
    int w = 0;
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        const char *cs = rl_tree_case(t, c);
        if (rl_tree_rel(t, c, "obj") &&
            (firing_verb(t->ulemma[p]) || light_verb(t->ulemma[p]))) {
            w |= phrase_weapons(t, c);
        } else if ((rl_tree_rel(t, c, "obl") || rl_tree_rel(t, c, "nmod")) && cs &&
                   (strcmp(cs, "WITH") == 0 || strcmp(cs, "FROM") == 0 ||
                    (strcmp(cs, "OF") == 0 && rl_tree_upos(t, p, "NOUN")))) {
            /* "attacked with drones", "a barrage of rockets" */
            w |= phrase_weapons(t, c);
        } else if ((rl_tree_rel(t, c, "compound") || rl_tree_rel(t, c, "amod")) &&
                   rl_tree_upos(t, p, "NOUN")) {
            w |= weapon_word(t, c);   /* "a missile strike", "air strikes" */
        } else if (rl_tree_rel(t, c, "xcomp") && depth < 2) {
            w |= clause_weapons(t, c, depth + 1);
        }
    }
    if (rl_tree_upos(t, p, "NOUN")) w |= weapon_word(t, p);
    return w;
}

/* Chemical agents named anywhere in p's own clause (not in clauses hung off it). */
static bool chemical(const rl_tree *t, int p, int depth) {
    static const char *const agents[] = {"CHLORINE", "SARIN", "TABUN", "NOVICHOK", NULL};
    static const char *const arms[] = {"WEAPON", "ATTACK", "AGENT", "MUNITION", "BOMB",
                                       "SHELL", "ROCKET", NULL};
    if (in_list(t->ulemma[p], agents) || in_list(t->uform[p], agents)) return true;
    /* "chemical weapons", "a chemical attack" — not "a chemical plant" */
    if (in_list(t->ulemma[p], arms)) {
        int a = rl_tree_child(t, p, "amod");
        if (a >= 0 && strcmp(t->uform[a], "CHEMICAL") == 0) return true;
    }
    if (depth > 4) return false;
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        if (rl_tree_rel(t, c, "advcl") || rl_tree_rel(t, c, "ccomp") ||
            rl_tree_rel(t, c, "parataxis") || rl_tree_rel(t, c, "conj") ||
            rl_tree_rel(t, c, "acl:relcl") || rl_tree_rel(t, c, "nsubj"))
            continue;
        if (chemical(t, c, depth + 1)) return true;
    }
    return false;
}

static const char *weapon_code(const rl_tree *t, int p, int src, const char *code) {
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if ((root == 18 || root == 19 || (root == 20 && strcmp(code, "200") == 0)) &&
        chemical(t, p, 0))
        return "2041";
    static const char *const force[] = {"190", "193", "194", "195", "1951", "1952", NULL};
    if (!in_list(code, force)) return code;
    /* weapons named as the doer decide ("Azerbaijani drones destroyed Armenian
     * tanks": the tanks are the target, not the means) */
    int w = src >= 0 ? phrase_weapons(t, src) : 0;
    if (!w) w = clause_weapons(t, p, 0);
    if ((w & W_DRONE) && (w & (W_AIR | W_ART))) return "195";   /* mixed aerial and other */
    if (w & W_DRONE) return "1952";
    if (w & W_AIR) return strncmp(code, "195", 3) == 0 ? code : "195";
    if (w & W_ART) return "194";
    return code;
}

/* ---- casualties (guideline C5) ---- */

/* "…, killing twenty cadets", "…, leaving 12 dead": the people a participle clause on
 * p (or on p's xcomp) says were hurt, or -1. */
static const char *const hurt[] = {"KILL", "WOUND", "INJURE", "LEAVE", "MAIM", NULL};

static bool force_code(const char *code) {
    int root = code && strlen(code) >= 3 ? (code[0] - '0') * 10 + (code[1] - '0') : 0;
    return root >= 18 && root <= 20;
}

int rl_casualty_verb(const rl_tree *t, int p, const char *code) {
    int h = rl_tree_head(t, p);
    if (!force_code(code) || !rl_tree_upos(t, p, "NOUN") || h < 0 || !rl_tree_rel(t, p, "nsubj") ||
        !in_list(t->ulemma[h], hurt) || rl_tree_child(t, h, "obj") < 0)
        return -1;
    return h;
}

static int casualties(const rl_tree *t, int p, int depth) {
    /* "a missile strike … killed four civilians" */
    if (depth == 0 && rl_tree_upos(t, p, "NOUN") && rl_tree_rel(t, p, "nsubj")) {
        int h = rl_tree_head(t, p);
        if (h >= 0 && in_list(t->ulemma[h], hurt)) return rl_tree_child(t, h, "obj");
    }
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        size_t fl = strlen(t->uform[c]);
        if (rl_tree_rel(t, c, "advcl") && in_list(t->ulemma[c], hurt) && fl > 4 &&
            strcmp(t->uform[c] + fl - 3, "ING") == 0 && rl_tree_child(t, c, "nsubj") < 0) {
            int o = rl_tree_child(t, c, "obj");
            if (o >= 0) return o;
        }
        if (rl_tree_rel(t, c, "xcomp") && depth < 2) {
            int o = casualties(t, c, depth + 1);
            if (o >= 0) return o;
        }
    }
    return -1;
}

static bool has_country(const char *code) {
    char cc[4];
    return code && rl_code_country(code, cc);
}

/* The word in phrase v that names a country ("Freedonian civilians", "civilians in
 * the Ethiopian town of Axum", "dozens of Yazidi men in Iraq"), or -1. Only names and
 * adjectives count: a role noun would be given a country by guesswork. */
static int country_word(const rl_actor_ctx *ac, int v, int depth) {
    const rl_tree *t = ac->t;
    for (int k = t->kid_off[v]; k < t->kid_off[v + 1]; k++) {
        int c = t->kids[k];
        const char *f = t->s->tokens[c].form;
        rl_actor x;
        if (!(rl_tree_rel(t, c, "amod") || rl_tree_rel(t, c, "compound") ||
              rl_tree_rel(t, c, "nmod:poss") || rl_tree_rel(t, c, "nmod") ||
              rl_tree_rel(t, c, "flat")))
            continue;
        if ((rl_tree_upos(t, c, "PROPN") || rl_tree_upos(t, c, "ADJ")) && f && f[0] >= 'A' && f[0] <= 'Z' &&
            rl_actor_resolve1(ac, c, &x) && has_country(x.code))
            return c;
        if (depth < 3 && rl_tree_rel(t, c, "nmod")) {
            int w = country_word(ac, c, depth + 1);
            if (w >= 0) return w;
        }
    }
    return -1;
}

/* A bare role's code ("CVL", or a role the resolver gave a guessed country) put under
 * country cc; NULL when the code is not a plain role (IGOPKO, a named group). */
static const char *role_in(rl_arena *a, const char *code, const char *cc) {
    const char *role = has_country(code) ? code + 3 : code;
    if (strlen(role) != 3 || strncmp(role, "IGO", 3) == 0 || strncmp(role, "NGO", 3) == 0 ||
        strncmp(role, "IMG", 3) == 0)
        return NULL;
    return rl_arena_printf(a, "%s%s", cc, role);
}

/* The people hurt, as the target: a phrase with no country of its own ("dozens of
 * civilians") takes the country of the place hit, else the default. */
static void casualty_target(const rl_actor_ctx *ac0, int p, rl_force_draft *d) {
    const rl_tree *t = ac0->t;
    int v = casualties(t, p, 0);
    if (v < 0) return;
    rl_actor_ctx ac = *ac0;
    ac.remember = false;
    rl_actor x, place;
    if (!rl_actor_resolve1(&ac, v, &x)) return;   /* "twenty cadets": the place stays */
    char cc[4];
    if (country_word(&ac, v, 0) < 0 && d->tgt >= 0 && rl_actor_resolve1(&ac, d->tgt, &place) &&
        rl_code_country(place.code, cc)) {
        const char *code = role_in(ac.arena, x.code, cc);
        if (code) {
            d->tgt_code = code;
            d->tgt_text = x.text;
            d->tgt = -1;
            return;
        }
    }
    d->tgt = v;
}

/* "massacred hundreds of civilians in the Ethiopian town of Axum": a role target whose
 * phrase names a country further in takes that country, not the source's. */
static void target_country(const rl_actor_ctx *ac0, rl_force_draft *d) {
    if (d->tgt < 0 || d->tgt_code) return;
    rl_actor_ctx ac = *ac0;
    ac.remember = false;
    rl_actor x, y;
    int w = country_word(&ac, d->tgt, 0);
    char cx[4], cy[4];
    if (w < 0 || !rl_actor_resolve1(&ac, d->tgt, &x) || !rl_actor_resolve1(&ac, w, &y) ||
        !rl_code_country(x.code, cx) || !rl_code_country(y.code, cy) || strcmp(cx, cy) == 0)
        return;
    const char *code = role_in(ac.arena, x.code, cy);
    if (code) {
        d->tgt_code = code;
        d->tgt_text = x.text;
        d->tgt = -1;
    }
}

static const char *const where[] = {"AT", "OUTSIDE", "NEAR", "INSIDE", "IN", "ACROSS",
                                    "AROUND", NULL};

/* "detonated a car bomb outside a police academy": with nobody named as hurt, a
 * building that codes an institution is the target (a bare country is only where);
 * "struck targets across northern Gaza": a site that codes nothing stands for the
 * country it is in (guideline A2). */
static void building_target(const rl_actor_ctx *ac0, int p, rl_force_draft *d) {
    const rl_tree *t = ac0->t;
    rl_actor_ctx ac = *ac0;
    ac.remember = false;
    rl_actor x;
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        const char *cs = rl_tree_case(t, c);
        if (rl_tree_rel(t, c, "obl") && cs && in_list(cs, where) &&
            rl_actor_resolve1(&ac, c, &x) && strlen(x.code) > 3 && has_country(x.code)) {
            d->tgt = c;
            return;
        }
    }
    int o = rl_tree_child(t, p, "obj");
    if (o < 0 || !rl_tree_upos(t, o, "NOUN") || rl_actor_resolve1(&ac, o, &x)) return;
    for (int k = t->kid_off[o]; k < t->kid_off[o + 1]; k++) {
        int c = t->kids[k];
        const char *cs = rl_tree_case(t, c);
        if (rl_tree_rel(t, c, "nmod") && cs && in_list(cs, where) &&
            rl_actor_resolve1(&ac, c, &x) && strlen(x.code) == 3 && has_country(x.code)) {
            d->tgt = c;
            return;
        }
    }
}

/* "hundreds of civilians", "scores of people": the counted phrase. */
static int counted(const rl_tree *t, int v) {
    static const char *const many[] = {"SCORE", "DOZEN", "HUNDRED", "THOUSAND", "MILLION",
                                       "NUMBER", NULL};
    int o;
    for (int i = 0; i < 2 && in_list(t->ulemma[v], many); i++) {
        o = -1;
        for (int k = t->kid_off[v]; k < t->kid_off[v + 1]; k++) {
            int c = t->kids[k];
            const char *cs = rl_tree_case(t, c);
            if (rl_tree_rel(t, c, "nmod") && cs && strcmp(cs, "OF") == 0) o = c;
        }
        if (o < 0) break;
        v = o;
    }
    return v;
}

/* Whether x has a modifier of its own that names a country ("Armenian tanks"). */
static bool own_country_word(const rl_actor_ctx *ac, int x) {
    const rl_tree *t = ac->t;
    for (int k = t->kid_off[x]; k < t->kid_off[x + 1]; k++) {
        int c = t->kids[k];
        rl_actor y;
        if ((rl_tree_rel(t, c, "amod") || rl_tree_rel(t, c, "compound") ||
             rl_tree_rel(t, c, "nmod:poss")) &&
            rl_actor_resolve1(ac, c, &y) && has_country(y.code))
            return true;
    }
    return false;
}

/* A force target the resolver coded as a bare country, when the words say more:
 * military equipment and positions are the country's MIL ("destroyed Armenian tanks",
 * "shelled Russian positions", "an Iranian air base"; guidelines A2, A4), people with
 * no other role its CVL ("scores of people at Kabul airport", "the entire Yazidi
 * population"; A1). */
static void target_role(const rl_actor_ctx *ac0, int p, rl_force_draft *d) {
    static const char *const mil[] = {"TANK", "POSITION", "BASE", "AIRBASE", "BARRACKS",
                                      "OUTPOST", "GARRISON", "WARSHIP", "ARTILLERY",
                                      "AIRFIELD", "ARSENAL", NULL};
    static const char *const people[] = {"PEOPLE", "POPULATION", "MAN", "MEN", "WOMAN",
                                         "WOMEN", "CHILD", "CHILDREN", "RESIDENT",
                                         "VILLAGER", "FAMILY", "WORSHIPPER", NULL};
    if (d->tgt < 0 || d->tgt_code) return;
    const rl_tree *t = ac0->t;
    rl_actor_ctx ac = *ac0;
    ac.remember = false;
    rl_actor x;
    if (!rl_actor_resolve1(&ac, d->tgt, &x) || strlen(x.code) != 3 || !has_country(x.code))
        return;
    int h = counted(t, d->tgt);
    const char *l = t->ulemma[h], *f = t->uform[h];
    const char *role = NULL;
    if ((in_list(l, mil) || in_list(f, mil)) && rl_tree_upos(t, h, "NOUN") && own_country_word(&ac, h))
        role = "MIL";
    else if ((in_list(l, people) || in_list(f, people)) && rl_tree_upos(t, h, "NOUN"))
        role = "CVL";
    /* "massacred hundreds of Yazidi men near Sinjar in Iraq": the people are the
     * object, the country the place */
    int o = rl_tree_child(t, p, "obj");
    if (!role && o >= 0 && o != d->tgt) {
        int oh = counted(t, o);
        if ((in_list(t->ulemma[oh], people) || in_list(t->uform[oh], people)) &&
            rl_tree_upos(t, oh, "NOUN"))
            role = "CVL";
    }
    if (!role) return;
    d->tgt_code = rl_arena_printf(ac.arena, "%s%s", x.code, role);
    d->tgt_text = x.text;
    if (d->tgt_code) d->tgt = -1;
}

/* ---- force posture (guideline T2: 15x targets the party it is aimed at) ---- */

static bool same_country(const rl_actor_ctx *ac0, int a, int b) {
    rl_actor_ctx ac = *ac0;
    ac.remember = false;
    rl_actor x, y;
    char cx[4], cy[4];
    return a >= 0 && b >= 0 && rl_actor_resolve1(&ac, a, &x) && rl_actor_resolve1(&ac, b, &y) &&
           rl_code_country(x.code, cx) && rl_code_country(y.code, cy) && strcmp(cx, cy) == 0;
}

/* "moved troops to the Ukrainian border", "reinforced its police on the border with
 * Turkey": the country whose border it is. */
static int border_owner(const rl_actor_ctx *ac0, int x, int src, int depth) {
    static const char *const edge[] = {"BORDER", "FRONTIER", "BOUNDARY", "COAST", NULL};
    const rl_tree *t = ac0->t;
    rl_actor_ctx ac = *ac0;
    ac.remember = false;
    rl_actor y;
    for (int k = t->kid_off[x]; k < t->kid_off[x + 1]; k++) {
        int c = t->kids[k];
        if (!rl_tree_rel(t, c, "obl") && !rl_tree_rel(t, c, "nmod") && !rl_tree_rel(t, c, "obj"))
            continue;
        if (in_list(t->ulemma[c], edge)) {
            for (int j = t->kid_off[c]; j < t->kid_off[c + 1]; j++) {
                int w = t->kids[j];
                const char *cs = rl_tree_case(t, w);
                const char *f = t->s->tokens[w].form;
                bool owner = rl_tree_rel(t, w, "nmod:poss") ||
                             (rl_tree_rel(t, w, "nmod") && cs && strcmp(cs, "WITH") == 0) ||
                             (rl_tree_rel(t, w, "amod") && f && f[0] >= 'A' && f[0] <= 'Z');
                if (owner && rl_actor_resolve1(&ac, w, &y) && has_country(y.code) &&
                    !same_country(&ac, w, src))
                    return w;
            }
        }
        if (depth < 2) {
            int w = border_owner(ac0, c, src, depth + 1);
            if (w >= 0) return w;
        }
    }
    return -1;
}

static void posture_target(const rl_actor_ctx *ac, int p, rl_force_draft *d) {
    /* one's own forces or territory are where the posture is, not whom it is aimed
     * at ("deployed troops to Kashmir", "ordered the National Guard onto the streets
     * of Washington") */
    if (d->tgt >= 0 && same_country(ac, d->tgt, d->src)) d->tgt = -1;
    if (d->tgt < 0) d->tgt = border_owner(ac, p, d->src, 0);
}

/* ---- protests (guideline T2, CAMEO 141-145 subcodes) ---- */

enum { AIM_NONE, AIM_LEADER, AIM_POLICY, AIM_RIGHTS, AIM_REGIME };

static int aim_of(const rl_tree *t, int i) {
    static const char *const leader[] = {"RESIGNATION", "OUSTER", "REMOVAL", "IMPEACHMENT",
                                         "RESIGN", "DOWNFALL", NULL};
    static const char *const policy[] = {"LAW", "BILL", "REFORM", "TAX", "FARE", "PRICE",
                                         "POLICY", "OVERHAUL", "AUSTERITY", "DECREE",
                                         "BUDGET", "REGULATION", "MEASURE", "HIKE",
                                         "MANDATE", "LOCKDOWN", "RESTRICTION", "RULE",
                                         "LEGISLATION", "CUTS", NULL};
    static const char *const rights[] = {"RIGHT", "RIGHTS", "FREEDOM", "LIBERTY", NULL};
    static const char *const regime[] = {"DEMOCRACY", "CONSTITUTION", "REGIME", NULL};
    const char *l = t->ulemma[i], *f = t->uform[i];
    if (in_list(l, leader)) return AIM_LEADER;
    if (strcmp(l, "RULE") == 0) {
        /* "civilian rule", "military rule" is the regime; "vaccine rules" a policy */
        int a = rl_tree_child(t, i, "amod");
        if (a >= 0 && (strcmp(t->uform[a], "CIVILIAN") == 0 ||
                       strcmp(t->uform[a], "MILITARY") == 0 ||
                       strcmp(t->uform[a], "DEMOCRATIC") == 0))
            return AIM_REGIME;
    }
    if (rl_tree_upos(t, i, "NOUN") && (in_list(l, policy) || in_list(f, policy))) return AIM_POLICY;
    if (rl_tree_upos(t, i, "NOUN") && (in_list(l, rights) || in_list(f, rights))) return AIM_RIGHTS;
    if (rl_tree_upos(t, i, "NOUN") && in_list(l, regime)) return AIM_REGIME;
    return AIM_NONE;
}

typedef struct aim_search {
    const rl_actor_ctx *ac;
    int src;
    int aim;       /* first AIM_ found */
    int owner;     /* an actor the protest is against, or -1 */
} aim_search;

/* The actor a protested thing belongs to: "their detention by Israel", "Israel's
 * blockade" (not the protesters themselves). */
static int owner_of(const aim_search *s, int x) {
    const rl_tree *t = s->ac->t;
    rl_actor_ctx ac = *s->ac;
    ac.remember = false;
    rl_actor sx, ox;
    bool src_ok = s->src >= 0 && rl_actor_resolve1(&ac, s->src, &sx);
    for (int k = t->kid_off[x]; k < t->kid_off[x + 1]; k++) {
        int c = t->kids[k];
        const char *cs = rl_tree_case(t, c);
        const char *f = t->s->tokens[c].form;
        bool by = rl_tree_rel(t, c, "nmod") && cs && strcmp(cs, "BY") == 0;
        bool named = (rl_tree_rel(t, c, "nmod:poss") || rl_tree_rel(t, c, "amod") ||
                      rl_tree_rel(t, c, "compound")) &&
                     !rl_tree_upos(t, c, "PRON") && f && f[0] >= 'A' && f[0] <= 'Z';
        if (!by && !named) continue;
        if (!rl_actor_resolve1(&ac, c, &ox)) continue;
        if (src_ok && strcmp(ox.code, sx.code) == 0) continue;
        return c;
    }
    return -1;
}

/* Breadth-limited walk over what a protest is for or against: its obliques, purpose
 * and coordinated clauses and their objects. */
static void find_aim(aim_search *s, int p, int depth) {
    const rl_tree *t = s->ac->t;
    static const char *const pressing[] = {"PRESS", "PUSH", "FORCE", "URGE", NULL};
    /* the clauses that say what a protest wants ("to protest the farm laws", "and
     * demanded his resignation"); "marched to protect civilians" says nothing of it */
    static const char *const purpose[] = {"PROTEST", "OPPOSE", "DEMAND", "PRESS", "PUSH",
                                          "FORCE", "URGE", "DENOUNCE", "CONDEMN", "REJECT",
                                          "RESIST", "CALL", "DEMONSTRATE", NULL};
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        bool clause = rl_tree_rel(t, c, "advcl") || rl_tree_rel(t, c, "xcomp") ||
                      (rl_tree_rel(t, c, "conj") && rl_tree_upos(t, c, "VERB"));
        bool phrase = rl_tree_rel(t, c, "obl") || rl_tree_rel(t, c, "nmod") ||
                      (rl_tree_rel(t, c, "obj") && depth > 0);
        /* the protest's own object is what was done ("staged a strike against the
         * reform"): only what hangs on it can be the aim */
        if (rl_tree_rel(t, c, "obj") && depth == 0) {
            find_aim(s, c, depth + 1);
            continue;
        }
        if (!clause && !phrase) continue;
        if (clause && depth == 0 && !in_list(t->ulemma[c], purpose)) continue;
        if (phrase) {
            int a = aim_of(t, c);
            if (a && !s->aim) s->aim = a;
            if (s->owner < 0) s->owner = owner_of(s, c);
        }
        /* "to press the government to drop …": the one pressed */
        if (clause && s->owner < 0 && in_list(t->ulemma[c], pressing)) {
            int o = rl_tree_child(t, c, "obj");
            rl_actor_ctx ac = *s->ac;
            ac.remember = false;
            rl_actor x;
            if (o >= 0 && rl_actor_resolve1(&ac, o, &x)) s->owner = o;
        }
        if (depth < 3) find_aim(s, c, depth + 1);
    }
}

static void protest_aim(const rl_actor_ctx *ac0, int p, rl_force_draft *d) {
    const rl_tree *t = ac0->t;
    aim_search s = {ac0, d->src, AIM_NONE, -1};
    find_aim(&s, p, 0);
    if (s.aim && strlen(d->code) == 3 && d->code[2] >= '1' && d->code[2] <= '5') {
        char *c = rl_arena_printf(ac0->arena, "%s%d", d->code, s.aim);
        if (c && rl_cameo_lookup(c)) d->code = c;
    }
    rl_actor_ctx ac = *ac0;
    ac.remember = false;
    rl_actor x;
    /* a protest aimed at a named actor beats a place ("the bridge to the United
     * States" is where, not whom) */
    bool place_only = d->tgt < 0 ||
                      (rl_actor_resolve1(&ac, d->tgt, &x) && strlen(x.code) == 3);
    if (!place_only) return;
    char cc[4];
    if (s.owner >= 0) {
        /* "press the government": a bare role is the protesters' own country's (the
         * dictionary's guess may be another country the sentence names) */
        bool bare = true;
        for (int k = t->kid_off[s.owner]; k < t->kid_off[s.owner + 1]; k++)
            if (!rl_tree_rel(t, t->kids[k], "det")) bare = false;
        rl_actor o, sx;
        if (bare && !rl_tree_upos(t, s.owner, "PROPN") && rl_actor_resolve1(&ac, s.owner, &o) &&
            rl_code_country(o.code, cc) && d->src >= 0 && rl_actor_resolve1(&ac, d->src, &sx) &&
            rl_code_country(sx.code, cc)) {
            d->tgt_code = rl_arena_printf(ac.arena, "%s%s", cc, o.code + 3);
            d->tgt_text = o.text;
            d->tgt = -1;
            return;
        }
        d->tgt = s.owner;
        return;
    }
    /* a law, a reform, a leader or the regime: the government of the protesters'
     * country (usage note of 141) */
    if ((s.aim == AIM_LEADER || s.aim == AIM_POLICY || s.aim == AIM_REGIME) && d->src >= 0 &&
        rl_actor_resolve1(&ac, d->src, &x) && rl_code_country(x.code, cc)) {
        d->tgt_code = rl_arena_printf(ac.arena, "%sGOV", cc);
        d->tgt_text = NULL;
        d->tgt = -1;
    }
}

void rl_force_refine(const rl_actor_ctx *ac, int p, rl_force_draft *d) {
    const rl_tree *t = ac->t;
    if (!d->code || strlen(d->code) < 3) return;
    int root = (d->code[0] - '0') * 10 + (d->code[1] - '0');
    if (root == 14) {
        protest_aim(ac, p, d);
        return;
    }
    if (root == 15) {
        posture_target(ac, p, d);
        return;
    }
    if (root < 18 || root > 20) return;
    d->code = weapon_code(t, p, d->src, d->code);
    /* "Russian missiles struck …": weapons named as the doer are the country's
     * military (A4) */
    if (d->src >= 0 && phrase_weapons(t, d->src)) d->src_role = "MIL";
    /* "tried to assassinate the president with drones": the means is not the target;
     * the one the act was done to is */
    const char *tc = d->tgt >= 0 ? rl_tree_case(t, d->tgt) : NULL;
    if (tc && strcmp(tc, "WITH") == 0 && phrase_weapons(t, d->tgt)) {
        int x = rl_tree_child(t, p, "xcomp");
        int o = x >= 0 ? rl_tree_child(t, x, "obj") : rl_tree_child(t, p, "obj");
        rl_actor_ctx ac2 = *ac;
        ac2.remember = false;
        rl_actor y;
        d->tgt = o >= 0 && rl_actor_resolve1(&ac2, o, &y) ? o : -1;
    }
    casualty_target(ac, p, d);
    if (d->tgt < 0 && !d->tgt_code) building_target(ac, p, d);
    target_country(ac, d);
    target_role(ac, p, d);
}

const char *rl_counterpart_code(rl_arena *a, const char *src, const char *tgt) {
    char sc[4], tc[4];
    if (!src || !tgt || strlen(tgt) != 6 || strcmp(tgt + 3, "GOV") != 0 ||
        strlen(src) <= 6 || strncmp(src + 3, "GOV", 3) != 0 || !rl_code_country(src, sc) ||
        !rl_code_country(tgt, tc) || strcmp(sc, tc) == 0)
        return tgt;
    const char *w = rl_arena_printf(a, "%s%s", tgt, src + 6);
    return w ? w : tgt;
}

bool rl_denial_verb(const char *ulemma) {
    static const char *const v[] = {"DENY", "REFUTE", "REBUT", "DISPUTE", "DISOWN",
                                    "DISAVOW", "DENIAL", NULL};
    return in_list(ulemma, v);
}

bool rl_denial_covers(const rl_tree *t, int p, int q) {
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        if ((rl_tree_rel(t, c, "ccomp") || rl_tree_rel(t, c, "obj") ||
             rl_tree_rel(t, c, "xcomp")) &&
            rl_tree_dominates(t, c, q))
            return true;
    }
    return false;
}

int rl_protest_object(const rl_tree *t, int p) {
    static const char *const v[] = {"PROTEST", "OPPOSE", "DENOUNCE", "CONDEMN", NULL};
    return in_list(t->ulemma[p], v) ? rl_tree_child(t, p, "obj") : -1;
}
