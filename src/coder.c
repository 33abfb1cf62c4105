/*
 * coder.c — from an annotated document to CAMEO events.
 *
 * For each body or headline sentence, in order:
 *   1. discards: a discard phrase drops the sentence (or the whole story);
 *   2. mentions: every nominal is resolved once, so docres remembers the people and
 *      actors introduced (names with roles, appositions);
 *   3. predicates: verbs and event nouns are matched against the verb dictionary
 *      (patterns.c);
 *   4. each predicate's event is built by walking up the tree from it:
 *        - negation of the predicate ("not", "never", "no talks") turns the code into its
 *          negated alternative, or the rejection it amounts to, or drops it;
 *        - light verbs ("held talks", "reiterated its rejection") pass the subject down;
 *        - modal and complement verbs (intent, appeal, demand, reject, threaten, fail)
 *          combine with the embedded code through combine() below, and their own
 *          dictionary event is dropped in favour of the combination;
 *        - say verbs make it reported speech: reported_by is the speaker, whose code
 *          first-person pronouns in the complement take;
 *        - an "if" clause makes it conditional and adds the demand it implies;
 *   5. source and target actors are resolved (actors.c); no source, no event;
 *   6. relative dates attached to the predicate chain set the event date.
 * Duplicate events (same source, target, code and date) are merged.
 */
#include "coder.h"
#include "coder_violence.h"
#include "actors.h"
#include "docres.h"
#include "patterns.h"
#include "resources.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- verb classes that govern another event ---- */

typedef enum verb_class {
    CL_NONE = 0,
    CL_LIGHT,      /* passes its subject to the event noun or verb it governs */
    CL_SAY,        /* reported speech */
    CL_INTENT,     /* 03x: agree, offer, ready, seek, plan to ... */
    CL_APPEAL,     /* 02x: urge, call for, ask ... */
    CL_DEMAND,     /* 10x: demand, insist ... */
    CL_REJECT,     /* 12x: refuse, decline, reject, rule out ... */
    CL_THREATEN,   /* 13x: threaten ... */
    CL_FAIL,       /* failing to do something is no event */
    CL_CONSIDER,   /* weighing an act is 014, "consider policy option" */
    CL_CONDITION,  /* "linked talks to the lifting of sanctions": a demand (10x) */
    CL_DENY        /* "denied that its aircraft bombed …": the act is not asserted */
} verb_class;

static const struct { const char *lemma; verb_class cls; } class_table[] = {
    {"HOLD", CL_LIGHT}, {"HAVE", CL_LIGHT}, {"CONDUCT", CL_LIGHT}, {"BEGIN", CL_LIGHT},
    {"START", CL_LIGHT}, {"LAUNCH", CL_LIGHT}, {"CARRY", CL_LIGHT}, {"REITERATE", CL_LIGHT},
    {"REPEAT", CL_LIGHT}, {"RENEW", CL_LIGHT}, {"EXPRESS", CL_LIGHT}, {"VOICE", CL_LIGHT},
    {"CONTINUE", CL_LIGHT}, {"PURSUE", CL_LIGHT}, {"ENGAGE", CL_LIGHT},
    {"RESUME", CL_LIGHT}, {"OPEN", CL_LIGHT}, {"ANNOUNCE", CL_LIGHT},
    {"MAKE", CL_LIGHT}, {"PAY", CL_LIGHT},
    {"SAY", CL_SAY}, {"TELL", CL_SAY}, {"STATE", CL_SAY}, {"ADD", CL_SAY},
    {"CLAIM", CL_SAY}, {"WRITE", CL_SAY}, {"TWEET", CL_SAY},
    {"NOTE", CL_SAY}, {"REPORT", CL_SAY}, {"CONFIRM", CL_SAY}, {"ASSERT", CL_SAY},
    {"EXPLAIN", CL_SAY}, {"MENTION", CL_SAY}, {"CLARIFY", CL_SAY}, {"ARGUE", CL_SAY},
    {"DECLARE", CL_SAY}, {"ACKNOWLEDGE", CL_SAY}, {"REVEAL", CL_SAY},
    {"WARN", CL_SAY},
    {"AGREE", CL_INTENT}, {"OFFER", CL_INTENT}, {"PROMISE", CL_INTENT},
    {"PLEDGE", CL_INTENT}, {"PLAN", CL_INTENT}, {"INTEND", CL_INTENT}, {"VOW", CL_INTENT},
    {"READY", CL_INTENT}, {"WILLING", CL_INTENT}, {"PREPARED", CL_INTENT},
    {"SEEK", CL_INTENT}, {"WANT", CL_INTENT}, {"HOPE", CL_INTENT}, {"WISH", CL_INTENT},
    {"AIM", CL_INTENT}, {"READINESS", CL_INTENT}, {"WILLINGNESS", CL_INTENT},
    {"PROPOSAL", CL_INTENT}, {"SWEAR", CL_INTENT},
    {"DECIDE", CL_LIGHT}, {"EXPECT", CL_INTENT},
    {"URGE", CL_APPEAL}, {"CALL", CL_APPEAL}, {"APPEAL", CL_APPEAL}, {"ASK", CL_APPEAL},
    {"REQUEST", CL_APPEAL}, {"PLEAD", CL_APPEAL}, {"PRESS", CL_APPEAL},
    {"ENCOURAGE", CL_APPEAL}, {"INVITE", CL_APPEAL},
    {"DEMAND", CL_DEMAND}, {"INSIST", CL_DEMAND},
    {"REQUIRE", CL_DEMAND},
    {"REFUSE", CL_REJECT}, {"DECLINE", CL_REJECT}, {"REJECT", CL_REJECT},
    {"REJECTION", CL_REJECT}, {"REFUSAL", CL_REJECT}, {"DISMISS", CL_REJECT},
    {"OPPOSE", CL_REJECT}, {"OPPOSED", CL_REJECT},
    {"THREATEN", CL_THREATEN}, {"THREAT", CL_THREATEN},
    {"FAIL", CL_FAIL},
    {"CONSIDER", CL_CONSIDER}, {"WEIGH", CL_CONSIDER}, {"MULL", CL_CONSIDER},
    {"CONTEMPLATE", CL_CONSIDER}, {"MULLING", CL_CONSIDER},
    {"LINK", CL_CONDITION}, {"TIE", CL_CONDITION}, {"CONDITION", CL_CONDITION},
    {"DENY", CL_DENY},
};

static verb_class class_of(const rl_tree *t, int i) {
    const char *l = t->ulemma[i];
    /* "rule out" is the one particle verb here */
    if (strcmp(l, "RULE") == 0 || strcmp(l, "RUL") == 0) {
        int prt = rl_tree_child(t, i, "compound:prt");
        return prt >= 0 && strcmp(t->uform[prt], "OUT") == 0 ? CL_REJECT : CL_NONE;
    }
    /* "is prepared to ..." is readiness; "the army prepared to resume shelling" is a
     * preparation, which the dictionary codes */
    if (strcmp(l, "PREPARE") == 0) {
        for (int k = t->kid_off[i]; k < t->kid_off[i + 1]; k++) {
            int c = t->kids[k];
            if ((rl_tree_rel(t, c, "cop") || rl_tree_rel(t, c, "aux")) &&
                strcmp(t->ulemma[c], "BE") == 0)
                return CL_INTENT;
        }
        return CL_NONE;
    }
    size_t n = strlen(l);
    for (size_t k = 0; k < sizeof class_table / sizeof *class_table; k++) {
        const char *c = class_table[k].lemma;
        if (c[0] != l[0]) continue;
        if (strcmp(c, l) == 0) return class_table[k].cls;
        /* a lemma that lost its final E ("refus", "declin") */
        if (strncmp(c, l, n) == 0 && c[n] == 'E' && c[n + 1] == '\0') return class_table[k].cls;
    }
    return CL_NONE;
}

/* ---- the combination table ----
 *
 * An embedded event's code, read through the verb that governs it. CAMEO's cooperative
 * families run in parallel, so the mapping goes by family:
 *
 *   embedded             intent  appeal  demand  reject (and negation)
 *   04x meet/negotiate    036     026     106     125
 *   045 mediate           039     028     108     126
 *   057 sign agreement    037     027     107     127
 *   05x diplomatic coop   032     022     102     120
 *   061..064 material     0311..  0211..  1011..  1211..   (x = 1..4, family 031/021/101/121)
 *   071..074 aid          0331..  0231..  1031..  1221..   (family 033/023/103/122)
 *   081,082,084..087      0351..  0251..  1051..  1241..   (yield: family 035/025/105/124)
 *   083 political reform  034     024     104     123
 *   03x intent            itself  02x     10x     12x      (the same digit)
 *   other                 030     020     100     120
 *
 * Threaten: 161 → 1313, 162 → 1311, 163 → 1312, 164 → 134, 165 → 135, 166 → 136,
 * other 16x → 131; 172 → 132, 17x → 137; 18x → 1383; 191 → 1381, 192 → 1382,
 * 193-195 → 1384, 19x → 138; 20x → 1385; 14x → 133; 15x → 138; anything else → 130.
 * Intent to do harm (vow to attack) is a threat, so conflict codes under intent verbs go
 * through the threaten row. Rejecting, negating or failing a conflict act is no event.
 */
typedef struct family { const char *intent, *appeal, *demand, *reject; } family;

static const family fam_meet = {"036", "026", "106", "125"};
static const family fam_mediate = {"039", "028", "108", "126"};
static const family fam_settle = {"037", "027", "107", "127"};
static const family fam_diplo = {"032", "022", "102", "120"};
static const family fam_reform = {"034", "024", "104", "123"};
static const family fam_other = {"030", "020", "100", "120"};
static const family fam_material = {"031", "021", "101", "121"};
static const family fam_aid = {"033", "023", "103", "122"};
static const family fam_yield = {"035", "025", "105", "124"};

static const char *pick(const family *f, verb_class cls) {
    switch (cls) {
    case CL_INTENT: return f->intent;
    case CL_APPEAL: return f->appeal;
    case CL_DEMAND: return f->demand;
    case CL_REJECT: return f->reject;
    default: return NULL;
    }
}

/* A family code plus a sub-digit: "031" + 2 → "0312". */
static const char *with_digit(rl_arena *a, const char *base, int digit) {
    if (digit < 1 || digit > 6) return base;
    return rl_arena_printf(a, "%s%d", base, digit);
}

static const char *threaten_code(rl_arena *a, const char *code) {
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    char d = code[2];
    switch (root) {
    case 13: return code;
    case 14: return "133";
    case 15: return "138";
    case 16:
        if (d == '1') return "1313";
        if (d == '2') return "1311";
        if (d == '3') return "1312";
        if (d == '4') return "134";
        if (d == '5') return "135";
        if (d == '6') return "136";
        return "131";
    case 17:
        /* 1721..1724 → 1321..1324 */
        if (d == '2') return code[3] ? rl_arena_printf(a, "132%c", code[3]) : "132";
        return "137";
    case 18: return "1383";
    case 19:
        if (d == '1') return "1381";
        if (d == '2') return "1382";
        return "1384";   /* a threatened conventional attack */
    case 20: return "1385";
    default: return "130";
    }
}

static bool valid_code(const char *c) {
    size_t n = c ? strlen(c) : 0;
    if (n < 3 || n > 4) return false;
    for (size_t i = 0; i < n; i++)
        if (c[i] < '0' || c[i] > '9') return false;
    return true;
}

/* The code an event gets when governed by a verb of class cls; NULL = no event. */
static const char *combine(rl_arena *a, verb_class cls, const char *code) {
    if (!valid_code(code)) return NULL;
    /* making an act the condition of something demands it */
    if (cls == CL_CONDITION) cls = CL_DEMAND;
    if (cls == CL_FAIL || cls == CL_DENY) return NULL;
    if (cls == CL_CONSIDER) return "014";
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    int d = code[2] - '0';
    if (cls == CL_THREATEN || (cls == CL_INTENT && root >= 10))
        return threaten_code(a, code);
    if (root >= 10) return cls == CL_APPEAL ? "020" : cls == CL_DEMAND ? "100" : NULL;
    /* refusing to comment is CAMEO's 011, "decline comment" */
    if (root == 1 && cls == CL_REJECT) return "011";
    if (root == 1 || root == 2) return cls == CL_REJECT ? "120" : code;
    if (root == 3) {
        if (cls == CL_INTENT) return code;
        static const char *const ap[] = {"020", "021", "022", "023", "024", "025", "026",
                                         "027", "028", "028"};
        static const char *const de[] = {"100", "101", "102", "103", "104", "105", "106",
                                         "107", "108", "108"};
        static const char *const re[] = {"120", "121", "120", "122", "123", "124", "125",
                                         "127", "126", "126"};
        const char *base = cls == CL_APPEAL ? ap[d] : cls == CL_DEMAND ? de[d] : re[d];
        /* the subcodes run in parallel too: 0333 → 0233, 1033, 1223 */
        if (code[3] && (d == 1 || d == 3 || d == 4 || d == 5) && strlen(base) == 3 &&
            base[2] == code[2] - (cls == CL_REJECT && d >= 3 ? 1 : 0))
            return rl_arena_printf(a, "%s%c", base, code[3]);
        return base;
    }
    const family *f = &fam_other;
    int digit = 0;
    switch (root) {
    case 4: f = d == 5 ? &fam_mediate : &fam_meet; break;
    case 5: f = d == 7 ? &fam_settle : &fam_diplo; break;
    case 6: f = &fam_material; digit = d; if (digit > 4) digit = 0; break;
    case 7: f = &fam_aid; digit = d; if (digit > 4) digit = 0; break;
    case 8:
        if (d == 3) {   /* 0831..0834 → 0341.., 0241.., 1041.., 1231.. */
            f = &fam_reform;
            digit = code[3] ? code[3] - '0' : 0;
            break;
        }
        f = &fam_yield;
        /* 081 082 084 085 086 087 → sub-digits 1 2 3 4 5 6 */
        digit = d == 0 ? 0 : d < 3 ? d : d - 1;
        break;
    default: break;
    }
    const char *base = pick(f, cls);
    if (!base) return NULL;
    /* the reject row's aid family is 122x, whose subcodes follow the same digits */
    return with_digit(a, base, digit);
}

/* A negated predicate: the dictionary's negated alternative, else the rejection it
 * amounts to for cooperative codes, else nothing. */
static const char *negate(rl_arena *a, const rl_code_pair *cp, const char *code) {
    if (cp && cp->negated[0]) return rl_code_is_null(cp->negated) ? NULL : cp->negated;
    if (!valid_code(code)) return NULL;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root == 1) return "011";   /* "would not comment" */
    if (root < 3 || root > 9) return NULL;
    return combine(a, CL_REJECT, code);
}

/* ---- tree helpers ---- */

static bool is_negated(const rl_tree *t, int p) {
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        const char *w = t->ulemma[c];
        const char *f = t->uform[c];
        if ((rl_tree_rel(t, c, "advmod") || rl_tree_rel(t, c, "neg") ||
             rl_tree_rel(t, c, "aux")) &&
            (strcmp(w, "NOT") == 0 || strcmp(f, "N'T") == 0 || strcmp(f, "NEVER") == 0 ||
             strcmp(f, "NOT") == 0))
            return true;
        if (rl_tree_rel(t, c, "det") && strcmp(f, "NO") == 0) return true;
    }
    return false;
}

static bool is_relative_pronoun(const rl_tree *t, int i) {
    const char *u = t->uform[i];
    return strcmp(u, "WHO") == 0 || strcmp(u, "WHICH") == 0 || strcmp(u, "THAT") == 0 ||
           strcmp(u, "WHOM") == 0;
}

/* "which"/"who" inside a relative clause stand for the noun the clause modifies. */
static int antecedent(const rl_tree *t, int i) {
    if (i < 0 || !is_relative_pronoun(t, i)) return i;
    int v = rl_tree_head(t, i);
    if (v >= 0 && rl_tree_rel(t, v, "acl")) return rl_tree_head(t, v);
    /* "the Chinese president, who promised …" parsed as a parenthetical clause: the
     * office holder before the comma */
    if (i >= 2 && strcmp(t->uform[i], "WHO") == 0 && v >= 0 && rl_tree_rel(t, v, "parataxis") &&
        rl_tree_upos(t, i - 1, "PUNCT") && rl_tree_upos(t, i - 2, "NOUN") && rl_person_role(t->ulemma[i - 2]))
        return i - 2;
    return i;
}

/* The agent of a passive: obl:agent, or an oblique with "by". */
static int passive_agent(const rl_tree *t, int p) {
    int a = rl_tree_child(t, p, "obl:agent");
    if (a >= 0) return a;
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        const char *cs;
        if (rl_tree_rel(t, c, "obl") && (cs = rl_tree_case(t, c)) && strcmp(cs, "BY") == 0)
            return c;
    }
    /* the parse often hangs the by-phrase lower: on the complement ("was forced to land
     * in Minsk by the authorities") or the object ("was sent supplies by the UAE") */
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        if (!(rl_tree_rel(t, c, "xcomp") || rl_tree_rel(t, c, "obj"))) continue;
        for (int j = t->kid_off[c]; j < t->kid_off[c + 1]; j++) {
            int b = t->kids[j];
            const char *cs = rl_tree_case(t, b);
            if ((rl_tree_rel(t, b, "obl") || rl_tree_rel(t, b, "nmod")) && cs &&
                strcmp(cs, "BY") == 0)
                return b;
        }
    }
    /* "was arrested and beaten by police": the by-phrase after the last participle
     * is the agent of both */
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        if (rl_tree_rel(t, c, "conj") && rl_tree_child(t, c, "nsubj") < 0 &&
            rl_tree_child(t, c, "nsubj:pass") < 0 && (a = rl_tree_child(t, c, "obl:agent")) >= 0)
            return a;
    }
    return -1;
}

static bool is_date_word(const rl_tree *t, int i) {
    return rl_date_relative(20000101, t->uform[i], false) != 0;
}

/* "was shot and wounded by a gunman": a conjoined participle with a by-agent of its
 * own is passive, and the subject it shares is its patient. That subject, or -1. */
static int conj_patient(const rl_tree *t, int p) {
    if (!rl_tree_rel(t, p, "conj") || rl_tree_child(t, p, "obl:agent") < 0 ||
        rl_tree_child(t, p, "nsubj") >= 0 || rl_tree_child(t, p, "nsubj:pass") >= 0)
        return -1;
    int h = rl_tree_head(t, p);
    int s = rl_tree_child(t, h, "nsubj:pass");
    return s >= 0 ? s : rl_tree_child(t, h, "nsubj");
}

/* The source token of predicate p: its subject, a passive's agent, or the subject it
 * shares (xcomp control, coordinated verbs, the noun a relative clause modifies). */
static int subject_of(const rl_tree *t, int p, int depth) {
    if (p < 0 || depth > 6) return -1;
    int sp = rl_tree_child(t, p, "nsubj:pass");
    if (sp >= 0) {
        /* "it is prepared to ...": a state, not a passive act; its subject is who
         * intends */
        int ag = passive_agent(t, p);
        return ag < 0 && class_of(t, p) == CL_INTENT && rl_tree_child(t, p, "xcomp") >= 0
                   ? sp : ag;   /* not "was sworn in as president" */
    }
    int s = rl_tree_child(t, p, "nsubj");
    if (s >= 0) {
        if (is_relative_pronoun(t, s) && rl_tree_rel(t, p, "acl")) return rl_tree_head(t, p);
        return s;
    }
    /* "it is willing to ...", with "it" parsed as an expletive */
    int ex = rl_tree_child(t, p, "expl");
    if (ex >= 0 && strcmp(t->uform[ex], "IT") == 0) return ex;
    /* "…," said the head of the bureau: the speaker is parsed as an object (not the one
     * warned or told, nor that of a verb sharing its subject: "… and warned both
     * countries") */
    if (class_of(t, p) == CL_SAY && !rl_tree_rel(t, p, "conj") &&
        strcmp(t->ulemma[p], "WARN") != 0 && strcmp(t->ulemma[p], "TELL") != 0) {
        int o = rl_tree_child(t, p, "obj");
        if (o >= 0 && o > p) return o;
    }
    int h = rl_tree_head(t, p);
    if (h < 0) return -1;
    if (rl_tree_upos(t, p, "NOUN")) {
        /* event nouns: "talks by X", "talks between X and Y", "Iran's rejection", "US
         * sanctions"; the by-phrase first ("their detention by Israel": they are the
         * ones detained) */
        for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
            int ch = t->kids[k];
            const char *cs;
            if (rl_tree_rel(t, ch, "nmod") && (cs = rl_tree_case(t, ch)) &&
                (strcmp(cs, "BY") == 0 || strcmp(cs, "BETWEEN") == 0))
                return ch;
        }
        int c = rl_tree_child(t, p, "nmod:poss");
        if (c >= 0) return c;
        for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
            int ch = t->kids[k];
            const char *cs;
            const char *f = t->s->tokens[ch].form;
            if ((rl_tree_rel(t, ch, "compound") && rl_tree_upos(t, ch, "PROPN")) ||
                (rl_tree_rel(t, ch, "amod") && f[0] >= 'A' && f[0] <= 'Z') ||
                (rl_tree_rel(t, ch, "nmod") && (cs = rl_tree_case(t, ch)) &&
                 strcmp(cs, "BY") == 0))
                return ch;
        }
        return -1;
    }
    if (rl_tree_rel(t, p, "acl:relcl")) return h;
    /* "Thousands of Iranians demonstrated ..." parsed with the verb as a clause on its
     * subject: a finite verb's head noun is its subject (a participle's is not:
     * "the sanctions imposed on Tehran") */
    if (rl_tree_rel(t, p, "acl")) {
        /* "A US official today praised ..." with the verb a clause on the date word,
         * which hangs off the subject */
        int hh = rl_tree_head(t, h);
        if (is_date_word(t, h) && hh >= 0 && hh < h &&
            (rl_tree_upos(t, hh, "NOUN") || rl_tree_upos(t, hh, "PROPN") || rl_tree_upos(t, hh, "ADJ")))
            return hh;
        const char *x = t->s->tokens[p].xpos;
        if ((x && (strcmp(x, "VBD") == 0 || strcmp(x, "VBZ") == 0 || strcmp(x, "VBP") == 0)) ||
            rl_tree_head(t, h) < 0)
            return h;
        /* In a sentence without a verb at its head the clause is the main one, whatever
         * its tag: "Central African Republic troops clashed …" (with "troops" a bare
         * modifier of "Central"); "Protesters in Minneapolis set fire …" (with the
         * clause on the place: the head noun acts) */
        int top = h;
        for (int steps = 0; rl_tree_head(t, top) >= 0 && steps < t->n; steps++)
            top = rl_tree_head(t, top);
        if (!rl_tree_upos(t, top, "VERB") && !rl_tree_upos(t, top, "AUX") && rl_tree_rel(t, h, "nmod") &&
            rl_tree_child(t, top, "cop") < 0 && h > top)
        {
            if (!rl_tree_case(t, h)) return h;
            if (rl_tree_head(t, h) == top && (rl_tree_upos(t, top, "NOUN") || rl_tree_upos(t, top, "PROPN")))
                return top;
        }
    }
    if (conj_patient(t, p) >= 0) return rl_tree_child(t, p, "obl:agent");
    if (rl_tree_rel(t, p, "xcomp") || rl_tree_rel(t, p, "conj") || rl_tree_rel(t, p, "advcl"))
        return subject_of(t, h, depth + 1);
    return -1;
}

static bool target_case(const char *cs) {
    static const char *const ok[] = {"WITH", "TO", "AGAINST", "ON", "TOWARD", "TOWARDS",
                                     "INTO", "AT", "OVER", "FOR", "FROM", "AROUND", NULL};
    if (!cs) return false;
    for (int i = 0; ok[i]; i++)
        if (strcmp(cs, ok[i]) == 0) return true;
    return false;
}

/* Prepositional modifiers with a target preposition inside x's subtree ("gave $50
 * million in aid to Turkey"), breadth first down to depth levels. */
static int nested_targets(const rl_tree *t, int x, int depth, int *out, int n, int max) {
    for (int k = t->kid_off[x]; k < t->kid_off[x + 1] && n < max; k++) {
        int c = t->kids[k];
        const char *cs = rl_tree_case(t, c);
        /* "accepted mediation by Norway": the object's agent is a target too */
        /* "welcomed the agreement between Israel and Morocco": the parties to what
         * the object names */
        if ((rl_tree_rel(t, c, "nmod") || rl_tree_rel(t, c, "obl")) &&
            !rl_tree_rel(t, c, "nmod:poss") &&
            (target_case(cs) || (cs && (strcmp(cs, "BY") == 0 || strcmp(cs, "BETWEEN") == 0))))
            out[n++] = c;
    }
    if (depth <= 1) return n;
    for (int k = t->kid_off[x]; k < t->kid_off[x + 1] && n < max; k++) {
        int c = t->kids[k];
        if (rl_tree_rel(t, c, "nmod") || rl_tree_rel(t, c, "obl"))
            n = nested_targets(t, c, depth - 1, out, n, max);
    }
    return n;
}

/* Whether x is "its ambassadors", "their troops": something of the source's own. */
static bool own_possession(const rl_tree *t, int x) {
    int ps = rl_tree_child(t, x, "nmod:poss");
    if (ps < 0 || !rl_tree_upos(t, ps, "PRON")) return false;
    /* "her Nigerian counterpart" is someone else's */
    if (strcmp(t->ulemma[x], "COUNTERPART") == 0) return false;
    for (int k = t->kid_off[x]; k < t->kid_off[x + 1]; k++) {
        int c = t->kids[k];
        const char *f = t->s->tokens[c].form;
        if (c < x && (rl_tree_rel(t, c, "amod") || rl_tree_rel(t, c, "compound")) && f &&
            f[0] >= 'A' && f[0] <= 'Z')
            return false;
    }
    const char *u = t->uform[ps];
    return strcmp(u, "ITS") == 0 || strcmp(u, "THEIR") == 0 || strcmp(u, "HIS") == 0 ||
           strcmp(u, "HER") == 0 || strcmp(u, "OUR") == 0;
}

/* Candidate target tokens of p in order of preference. */
static int target_candidates(const rl_tree *t, int p, int *out, int max) {
    int n = 0;
    int sp = rl_tree_child(t, p, "nsubj:pass");
    if (sp >= 0 && n < max) out[n++] = sp;
    int cp = conj_patient(t, p);
    if (cp >= 0 && n < max) out[n++] = cp;
    int o = rl_tree_child(t, p, "obj");
    if (o >= 0 && n < max && !own_possession(t, o)) out[n++] = o;
    int io = rl_tree_child(t, p, "iobj");
    if (io >= 0 && n < max) out[n++] = io;
    /* "accused Armenia of ..." with the object parsed as a nominal complement */
    int xc = rl_tree_child(t, p, "xcomp");
    if (xc >= 0 && n < max && rl_tree_upos(t, xc, "PROPN") && rl_tree_upos(t, p, "VERB")) out[n++] = xc;
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1] && n < max; k++) {
        int c = t->kids[k];
        if ((rl_tree_rel(t, c, "obl") || rl_tree_rel(t, c, "nmod")) &&
            !rl_tree_rel(t, c, "nmod:poss") && !rl_tree_rel(t, c, "obl:agent") &&
            target_case(rl_tree_case(t, c)))
            out[n++] = c;
    }
    /* "accept mediation by Norway" with "by" hung on the verb: in the active voice, with
     * an object, it is the object's agent — after the other candidates */
    if (o >= 0 && sp < 0 && rl_tree_child(t, p, "aux:pass") < 0)
        for (int k = t->kid_off[p]; k < t->kid_off[p + 1] && n < max; k++) {
            int c = t->kids[k];
            const char *cs = rl_tree_case(t, c);
            if (rl_tree_rel(t, c, "obl") && !rl_tree_rel(t, c, "obl:agent") && cs &&
                strcmp(cs, "BY") == 0)
                out[n++] = c;
        }
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1] && n < max; k++) {
        int c = t->kids[k];
        const char *cs = rl_tree_case(t, c);
        /* the patient of an event noun: "the arrest of the journalist" */
        if (rl_tree_upos(t, p, "NOUN") && rl_tree_rel(t, c, "nmod") && cs && strcmp(cs, "OF") == 0)
            out[n++] = c;
    }
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1] && n < max; k++) {
        int c = t->kids[k];
        /* "Sanctions on Belarusian exports were imposed by Canada": a passive subject's
         * modifiers too */
        if (rl_tree_rel(t, c, "obj") || rl_tree_rel(t, c, "ccomp") || rl_tree_rel(t, c, "xcomp") ||
            rl_tree_rel(t, c, "nsubj:pass"))
            n = nested_targets(t, c, 2, out, n, max);
        /* "threatened to flood the EU": the complement's object */
        int co;
        if (rl_tree_rel(t, c, "xcomp") && (co = rl_tree_child(t, c, "obj")) >= 0 && n < max)
            out[n++] = co;
    }
    return n;
}

/* An "if" clause under p: its head, or -1. */
static int if_clause(const rl_tree *t, int p) {
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        if (!rl_tree_rel(t, c, "advcl")) continue;
        int m = rl_tree_child(t, c, "mark");
        if (m >= 0 && strcmp(t->uform[m], "IF") == 0) return c;
    }
    return -1;
}

static bool is_if_clause(const rl_tree *t, int p) {
    for (int steps = 0; p >= 0 && steps < 3; steps++) {
        if (rl_tree_rel(t, p, "advcl")) {
            int m = rl_tree_child(t, p, "mark");
            if (m >= 0 && strcmp(t->uform[m], "IF") == 0) return true;
        }
        if (!rl_tree_rel(t, p, "conj")) return false;
        p = rl_tree_head(t, p);
    }
    return false;
}

/* Whether a child-to-governor link can carry an embedded event. */
static bool governed_link(const rl_tree *t, int cur, verb_class cls) {
    if (rl_tree_rel(t, cur, "xcomp")) return true;
    if (rl_tree_rel(t, cur, "acl")) {
        if (!rl_tree_rel(t, cur, "acl:relcl")) return true;
        /* "demands that he step down" labelled a relative clause: a "that" marker (not
         * a relative pronoun) makes it the noun's content */
        int m = rl_tree_child(t, cur, "mark");
        return m >= 0 && strcmp(t->uform[m], "THAT") == 0;
    }
    if (rl_tree_rel(t, cur, "ccomp")) return cls == CL_SAY || cls == CL_DEMAND ||
                                             cls == CL_REJECT || cls == CL_DENY;
    /* "called on Iran to release ...": the infinitive is often parsed as a purpose
     * clause */
    if (rl_tree_rel(t, cur, "advcl")) {
        int m = rl_tree_child(t, cur, "mark");
        return m >= 0 && strcmp(t->uform[m], "TO") == 0 && cls != CL_SAY && cls != CL_LIGHT;
    }
    /* "X said: Y" is often parsed as parataxis */
    if (rl_tree_rel(t, cur, "parataxis")) return cls == CL_SAY;
    /* what is made conditional ("linked the talks to …") is not asked for */
    if (rl_tree_rel(t, cur, "obj")) return cls != CL_SAY && cls != CL_CONDITION;
    if (rl_tree_rel(t, cur, "obl") || rl_tree_rel(t, cur, "nmod")) {
        const char *cs = rl_tree_case(t, cur);
        if (!cs) return false;
        if (cls == CL_APPEAL || cls == CL_DEMAND)
            return strcmp(cs, "FOR") == 0 || strcmp(cs, "ON") == 0;
        if (cls == CL_REJECT || cls == CL_INTENT)
            return strcmp(cs, "OF") == 0 || strcmp(cs, "FOR") == 0 || strcmp(cs, "TO") == 0;
        if (cls == CL_THREATEN) return strcmp(cs, "OF") == 0 || strcmp(cs, "WITH") == 0;
        if (cls == CL_CONDITION) return strcmp(cs, "TO") == 0 || strcmp(cs, "ON") == 0 ||
                                        strcmp(cs, "UPON") == 0;
    }
    return false;
}

/* The verb that stops the act at p ("stop kidnappings", "halted its offensive",
 * "ceased firing"): p is its object or complement; -1 if none. */
static int ceased_by(const rl_tree *t, int p) {
    static const char *const w[] = {"STOP", "HALT", "CEASE", "END", "SUSPEND", NULL};
    int g = rl_tree_head(t, p);
    if (g < 0 || !(rl_tree_rel(t, p, "obj") || rl_tree_rel(t, p, "xcomp")) ||
        !rl_tree_upos(t, g, "VERB"))
        return -1;
    for (int i = 0; w[i]; i++)
        if (strcmp(t->ulemma[g], w[i]) == 0) return g;
    return -1;
}

/* What stopping an act amounts to: ending force, coercion, threats or violence is
 * de-escalation (087); ending talks or mediation halts them (164, 165); ending aid
 * reduces it (162x). NULL for anything else (the stop verb's own entry decides). */
static const char *cease_code(const char *code) {
    if (!valid_code(code)) return NULL;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root == 13 || root == 15 || (root >= 17 && root <= 20)) return "087";
    if (root == 4) return code[2] == '5' ? "165" : "164";
    if (root == 7) return code[2] == '1' ? "1621" : code[2] == '2' ? "1622"
                        : code[2] == '3' ? "1623" : "162";
    return NULL;
}

/* Intent verbs that take someone else's act as an object and infinitive. */
static bool wish_verb(const rl_tree *t, int g) {
    const char *l = t->ulemma[g];
    return strcmp(l, "WANT") == 0 || strcmp(l, "EXPECT") == 0 || strcmp(l, "WISH") == 0;
}

/* Verbs that pass an event noun's subject down ("reiterated its rejection") but report
 * speech when they take a clause ("reiterated that ..."). */
static bool say_like(const rl_tree *t, int g) {
    const char *l = t->ulemma[g];
    return strcmp(l, "REITERATE") == 0 || strcmp(l, "REPEAT") == 0 ||
           strcmp(l, "EXPRESS") == 0 || strcmp(l, "ANNOUNCE") == 0;
}

/* The verb governing the event at *curp and its class, or -1. Follows coordination
 * ("ready to negotiate and cooperate") and the common misparse of "X did, Wednesday,
 * Y" in which Y hangs off the date word as an apposition; *curp is moved along. */
static int governor(const rl_tree *t, int *curp, verb_class *clsp) {
    int cur = *curp;
    for (int guard = 0; guard < 8; guard++) {
        int h = rl_tree_head(t, cur);
        if (h < 0) break;
        if (rl_tree_rel(t, cur, "conj") || (rl_tree_rel(t, cur, "appos") && is_date_word(t, h))) {
            cur = h;
            continue;
        }
        break;
    }
    *curp = cur;
    int g = rl_tree_head(t, cur);
    /* "said last Sunday that ..." with the clause misattached to the date word */
    for (int guard = 0; g >= 0 && guard < 4 && is_date_word(t, g); guard++)
        g = rl_tree_head(t, g);
    if (g < 0) return -1;
    /* "called on the UN to deploy peacekeepers" with the infinitive parsed as a clause
     * on the one appealed to: the appeal governs it */
    int mk = rl_tree_child(t, cur, "mark");
    if (rl_tree_rel(t, cur, "acl") && mk >= 0 && strcmp(t->uform[mk], "TO") == 0 &&
        (rl_tree_upos(t, g, "PROPN") || rl_tree_upos(t, g, "NOUN") || rl_tree_upos(t, g, "PRON")) &&
        (rl_tree_rel(t, g, "obj") || rl_tree_rel(t, g, "iobj") || rl_tree_rel(t, g, "obl"))) {
        int gg = rl_tree_head(t, g);
        verb_class gc = gg >= 0 ? class_of(t, gg) : CL_NONE;
        if (gc == CL_APPEAL || gc == CL_DEMAND) {
            *clsp = gc;
            return gg;
        }
    }
    verb_class cls = class_of(t, g);
    if (cls == CL_LIGHT && say_like(t, g) &&
        (rl_tree_rel(t, cur, "ccomp") || rl_tree_rel(t, cur, "parataxis")))
        cls = CL_SAY;
    if (cls == CL_NONE || !governed_link(t, cur, cls)) return -1;
    *clsp = cls;
    return g;
}

/* ---- events ---- */

typedef struct out_list {
    rl_event *ev;
    size_t n, cap;
} out_list;

typedef struct sent_ctx {
    const rl_resources *res;
    const rl_document *doc;
    const rl_code_options *opts;
    rl_docres *dr;
    rl_tree t;
    rl_actor_ctx actx;
    int index;
    int32_t pub;
    const char *text;          /* sentence text */
    const rl_pred_match *match;
    const bool *has;
    const char *quote_speaker; /* speaker of a quotation this sentence belongs to */
    const char *quote_speaker_text;
    out_list *out;
} sent_ctx;

static const char *rule_string(const sent_ctx *sc, const char *file, int line, const char *text) {
    if (!file) return NULL;
    const char *dir = sc->res ? sc->res->data_dir : NULL;
    size_t n = dir ? strlen(dir) : 0;
    if (n && strncmp(file, dir, n) == 0 && file[n] == '/') file += n + 1;
    char *r = rl_arena_printf(sc->doc->arena, "%s:%d: %s", file, line, text ? text : "");
    if (!r) return NULL;
    /* patterns are column-aligned in the files; one space is enough here */
    char *w = r;
    for (const char *q = r; *q; q++) {
        if ((*q == ' ' || *q == '\t') && w > r && w[-1] == ' ') continue;
        *w++ = *q == '\t' ? ' ' : *q;
    }
    while (w > r && w[-1] == ' ') w--;
    *w = '\0';
    return r;
}

static int push_event(out_list *o, rl_arena *a, const rl_event *e) {
    for (size_t i = 0; i < o->n; i++) {
        const rl_event *x = &o->ev[i];
        if (strcmp(x->code, e->code) == 0 && strcmp(x->source, e->source) == 0 &&
            ((!x->target && !e->target) ||
             (x->target && e->target && strcmp(x->target, e->target) == 0)) &&
            ((!x->date && !e->date) || (x->date && e->date && strcmp(x->date, e->date) == 0)))
            return 0;   /* the same event told twice */
    }
    if (o->n == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 16;
        rl_event *ne = rl_arena_calloc(a, cap, sizeof *ne);
        if (!ne) return -1;
        if (o->n) memcpy(ne, o->ev, o->n * sizeof *ne);
        o->ev = ne;
        o->cap = cap;
    }
    o->ev[o->n++] = *e;
    return 0;
}

/* The date of an event: a relative date word attached to one of the chain's predicates. */
static int32_t chain_date(const sent_ctx *sc, const int *chain, int nchain) {
    const rl_tree *t = &sc->t;
    if (!sc->pub) return 0;
    int32_t only = 0;
    for (int i = 0; i < t->n; i++) {
        bool last = i > 0 && strcmp(t->uform[i - 1], "LAST") == 0;
        int32_t d = rl_date_relative(sc->pub, t->uform[i], last);
        if (!d) continue;
        /* the clause the date word belongs to: its nearest verbal or adjectival head */
        int a = rl_tree_head(t, i);
        while (a >= 0 && !rl_tree_upos(t, a, "VERB") && !rl_tree_upos(t, a, "ADJ") &&
               !rl_tree_upos(t, a, "AUX"))
            a = rl_tree_head(t, a);
        for (int k = 0; k < nchain; k++)
            if (chain[k] == a) return d;
        if (a < 0 && nchain) return d;
        if (!only) only = d;
        else if (only != d) only = -1;
    }
    /* a sentence that names one day: the parse may have hung it anywhere */
    return only > 0 ? only : 0;
}

typedef struct ev_draft {
    const char *code;
    int src, tgt;
    int speaker;            /* token of the say-verb's subject, or -1 */
    bool speaker_is_source; /* the quotation's speaker is the source (no token) */
    int say_verb;           /* the say verb reporting the event, or -1 */
    const char *trigger;
    const char *rule;
    bool negated, conditional;
    int chain[16];          /* the predicate and the governors above it (for dates) */
    int nchain;
    int place;              /* "in Beijing" on a meeting: where it took place, or -1 */
    const char *tgt_code;   /* a target with no token ("the government" a protest implies) */
    const char *tgt_text;
    const char *src_role;   /* appended to a bare-country source ("Russian missiles": MIL) */
    int other;              /* "his dear friend": a relation of the source's, or -1 */
} ev_draft;

/* A meeting away from home: CAMEO's 044 "meet at a third location" when the place
 * names a country that is neither side's (040 otherwise). */
static const char *meeting_code(const rl_actor_ctx *ac0, int place, const char *code,
                                const char *src, const char *tgt) {
    char pc[4], sc[4], tc[4];
    if (place < 0 || strcmp(code, "040") != 0 || !tgt) return code;
    rl_actor_ctx ac = *ac0;
    ac.remember = false;
    ac.default_country = NULL;
    rl_actor x;
    if (!rl_actor_resolve1(&ac, place, &x) || !rl_code_country(x.code, pc) ||
        !rl_code_country(src, sc) || !rl_code_country(tgt, tc))
        return code;
    return strcmp(pc, sc) != 0 && strcmp(pc, tc) != 0 ? "044" : code;
}

/* Acts that conjoined actors do to each other when no one else is named: meeting,
 * agreeing, signing, cooperating, a truce, cutting ties, fighting. "Egypt and Jordan
 * welcomed the deal" or "… condemned the attack" are not about each other. */
static bool reciprocal(const char *code) {
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    return root == 3 || root == 4 || root == 6 || root == 16 || root == 19 ||
           strcmp(code, "050") == 0 || strcmp(code, "057") == 0 ||
           strncmp(code, "087", 3) == 0;
}

/* Whether a CAMEO act is an event even when nobody receives it. Appeals, consultations,
 * cooperation, aid, disapproval and cutting ties are done *to* someone: with no target,
 * "the government encouraged", "the firm plans to take" or "MPs met" report no event.
 * A root code ending in 0 ("said", "planned", "demanded", "rejected", "threatened")
 * names neither the content nor the recipient, so it needs the recipient too. Acts the
 * source does on its own stay: declining comment, policy talk, claims and denials,
 * symbolic acts (011, 014-017), intents to yield (035x), yielding (08x), investigating
 * (09x), appeals, demands, rejections and threats that name what (02x, 10x, 12x, 13x
 * below the root), denouncing an act (111), protests, force posture, repression and violence with unnamed
 * victims (14x-20x), and a bare statement (010) when the caller asked for those. */
/* A firm of a country ("USABUS", "DEUBUS"): an offer for a stock exchange or a deal
 * between two carmakers is commerce, not a political event, unless a state, an IGO, a
 * group or another sector is on one side. */
static bool commercial(const char *code) {
    return strlen(code) == 6 && strcmp(code + 3, "BUS") == 0;
}

static bool monadic_ok(const char *code, bool statements) {
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    bool generic = code[2] == '0' && code[3] == '\0';
    switch (root) {
    case 1:
        if (generic) return statements;
        return code[2] == '1' || (code[2] >= '4' && code[2] <= '7');
    case 9: case 14: case 15: case 17: case 18: case 19: case 20:
        return true;
    case 5: /* praise or endorsement of nobody is praise of a thing ("praised the plan") */
        return strcmp(code, "051") != 0 && !generic;
    case 11: /* denouncing an act ("condemned the attack") is an event; accusing nobody is not */
        return strcmp(code, "111") == 0;
    default:
        /* "X agreed", "Y threatened", "Z called for": a bare root code says only that
         * something cooperative or hostile was said to nobody in particular. A leaf code
         * names the act ("offered military aid", "signed a security pact", "suspended
         * relief work"), which stands as an event even when the coder found no target. */
        return !generic;
    }
}

/* "They discussed Syria and arms control": what two or more known participants
 * discuss or negotiate is the topic, not a party to it; the participants are each
 * other's targets. A party comes in an oblique ("negotiated with Russia"). */
static bool topic_object(const rl_tree *t, const char *code, int tgt, int ns) {
    if (ns < 2 || tgt < 0 || strncmp(code, "046", 3) != 0) return false;
    while (rl_tree_rel(t, tgt, "conj") && rl_tree_head(t, tgt) >= 0) tgt = rl_tree_head(t, tgt);
    return rl_tree_rel(t, tgt, "obj");
}

/* Whether token x resolves to an armed force or weapon of actor a's country. */
static bool means_of(const sent_ctx *sc, int x, int a) {
    rl_actor_ctx ac = sc->actx;
    ac.remember = false;
    rl_actor xa, aa;
    char c1[4], c2[4];
    if (x < 0 || a < 0 || !rl_actor_resolve1(&ac, x, &xa) || !rl_actor_resolve1(&ac, a, &aa))
        return false;
    size_t n = strlen(xa.code);
    return n > 3 && strcmp(xa.code + n - 3, "MIL") == 0 && rl_code_country(xa.code, c1) &&
           rl_code_country(aa.code, c2) && strcmp(c1, c2) == 0 && strcmp(xa.code, aa.code) != 0;
}

/* "Iran launched the drones that attacked the oil plants": what a country's weapons or
 * forces did in a relative clause on the object of its own act, the country did. The
 * subject of the act that governs src for relative clause p, or -1. */
static int launcher(const sent_ctx *sc, int p, int src) {
    const rl_tree *t = &sc->t;
    if (p < 0 || src < 0 || !rl_tree_rel(t, p, "acl:relcl") || rl_tree_head(t, p) != src ||
        !rl_tree_rel(t, src, "obj"))
        return -1;
    int v = rl_tree_head(t, src);
    int a = v >= 0 ? subject_of(t, v, 0) : -1;
    return means_of(sc, src, a) ? a : -1;
}

/* The act whose object is such a weapon ("launched the drones that attacked …") is
 * reported by the relative clause's event; on its own it would target the means. */
static bool means_with_deed(const sent_ctx *sc, int src, int tgt) {
    const rl_tree *t = &sc->t;
    if (tgt < 0 || !rl_tree_rel(t, tgt, "obj")) return false;
    int r = rl_tree_child(t, tgt, "acl:relcl");
    return r >= 0 && sc->has[r] && means_of(sc, tgt, src);
}

/* Resolves the draft's actors and appends one event per source-target pair. */
static int emit(sent_ctx *sc, const ev_draft *dr) {
    rl_arena *a = sc->doc->arena;
    const rl_tree *t = &sc->t;
    if (!valid_code(dr->code)) return 0;
    if (strcmp(dr->code, "010") == 0 && !sc->opts->statements) return 0;

    rl_actor_ctx ac = sc->actx;
    ac.remember = false;
    const char *reported = NULL;
    if (dr->speaker >= 0) {
        rl_actor sp;
        if (rl_actor_resolve1(&ac, dr->speaker, &sp)) {
            reported = sp.code;
            ac.speaker = sp.code;
        }
    } else if (sc->quote_speaker) {
        reported = sc->quote_speaker;
        ac.speaker = sc->quote_speaker;
    }
    rl_actor srcs[4], tgts[4];
    int src = antecedent(t, dr->src), tgt = antecedent(t, dr->tgt);
    int l = launcher(sc, dr->nchain ? dr->chain[0] : -1, src);
    if (l >= 0) src = l;
    if (means_with_deed(sc, src, tgt)) return 0;
    int ns = src >= 0 ? rl_actors_resolve(&ac, src, srcs, 4) : 0;
    /* "Saudi Arabia, Bahrain and Egypt cut ties" is sometimes parsed with several
     * subjects */
    if (src >= 0 && rl_tree_rel(t, src, "nsubj") && rl_tree_head(t, src) >= 0) {
        int h = rl_tree_head(t, src);
        for (int k = t->kid_off[h]; k < t->kid_off[h + 1] && ns < 4; k++) {
            int o = t->kids[k];
            if (o != src && rl_tree_rel(t, o, "nsubj") && !rl_tree_rel(t, o, "nsubj:pass"))
                ns += rl_actors_resolve(&ac, o, srcs + ns, 4 - ns);
        }
    }
    for (int k = 0; ns == 0 && src >= 0 && k < dr->nchain; k++) {
        /* "Serbian leader Vojislav Seselj called ..." parsed as a relative clause on
         * "leader" with the name as its subject: the title phrase names the actor (the
         * clause is the predicate's or a governor's: "called on X to join") */
        int p0 = dr->chain[k], h = rl_tree_head(t, p0);
        if (h >= 0 && h < src && rl_tree_rel(t, p0, "acl") && rl_tree_head(t, src) == p0 &&
            rl_tree_upos(t, src, "PROPN") && src - h <= 3)
            ns = rl_actors_resolve(&ac, h, srcs, 4);
    }
    if (ns == 0 && dr->speaker_is_source && ac.speaker) {
        memset(&srcs[0], 0, sizeof srcs[0]);
        srcs[0].code = ac.speaker;
        srcs[0].text = sc->quote_speaker_text;
        srcs[0].head = -1;
        ns = 1;
    }
    if (ns == 0) return 0;   /* no event without a known source */
    for (int i = 0; i < ns && dr->src_role && l < 0; i++) {
        char cc[4];
        if (strlen(srcs[i].code) == 3 && rl_code_country(srcs[i].code, cc)) {
            const char *w = rl_arena_printf(a, "%s%s", cc, dr->src_role);
            if (!w) return -1;
            srcs[i].code = w;
        }
    }
    int nt = 0;
    if (tgt >= 0) nt = rl_actors_resolve(&ac, tgt, tgts, 4);
    if (nt == 0 && dr->tgt_code) {
        memset(&tgts[0], 0, sizeof tgts[0]);
        tgts[0].code = dr->tgt_code;
        tgts[0].text = dr->tgt_text;
        tgts[0].head = -1;
        nt = 1;
    }
    if (dr->other >= 0 && ns == 1 &&
        (nt == 0 || (nt == 1 && strcmp(tgts[0].code, srcs[0].code) == 0))) {
        /* "welcomed his dear friend": the person met before who is not the source */
        const char *o = rl_docres_other_person(sc->dr, srcs[0].code);
        if (o) {
            memset(&tgts[0], 0, sizeof tgts[0]);
            tgts[0].code = o;
            tgts[0].text = rl_tree_subtree_text(t, sc->doc->arena, dr->other);
            tgts[0].head = dr->other;
            nt = 1;
        }
    }

    if (topic_object(t, dr->code, tgt, ns)) nt = 0;
    /* "Armenia and Georgia signed a treaty": with no target, conjoined sources act on
     * each other (so these are dyads too, which --require-dyad keeps) */
    bool mutual = nt == 0 && ns >= 2 && reciprocal(dr->code);
    if (mutual) {
        memcpy(tgts, srcs, sizeof srcs);
        nt = ns;
    }
    if (nt == 0 && sc->opts->require_dyad) return 0;
    /* "X hosted her Nigerian counterpart", "Mexico's president received the Guatemalan
     * president": two people who met are a pair ("the two leaders") */
    char c1[4], c2[4];
    if (ns == 1 && nt == 1 && tgt >= 0 &&
        (strcmp(t->ulemma[tgt], "COUNTERPART") == 0 || (srcs[0].person && tgts[0].person)) &&
        rl_code_country(srcs[0].code, c1) && rl_code_country(tgts[0].code, c2) &&
        strcmp(c1, c2) != 0) {
        if (strcmp(t->ulemma[tgt], "COUNTERPART") == 0)
            tgts[0].code = rl_counterpart_code(a, srcs[0].code, tgts[0].code);
        const char *pair[2] = {srcs[0].code, tgts[0].code};
        rl_docres_group_set(sc->dr, pair, 2);
    }
    int32_t d = chain_date(sc, dr->chain, dr->nchain);
    for (int i = 0; i < ns; i++) {
        for (int j = 0; j < (nt ? nt : 1); j++) {
            if (mutual && i == j) continue;
            rl_event e;
            memset(&e, 0, sizeof e);
            e.doc_id = sc->doc->id ? sc->doc->id : "";
            e.sentence_index = sc->index;
            e.date = d ? rl_date_format(a, d) : sc->doc->date;
            e.date_source = d ? "resolved" : sc->doc->date ? "document" : NULL;
            e.source = srcs[i].code;
            e.source_text = srcs[i].text;
            if (nt) {
                e.target = tgts[j].code;
                e.target_text = tgts[j].text;
                if (strcmp(e.target, e.source) == 0) {
                    if (sc->opts->require_dyad) continue;
                    e.target = e.target_text = NULL;
                }
            }
            e.code = meeting_code(&ac, dr->place, dr->code, e.source, e.target);
            if (!e.target && !monadic_ok(e.code, sc->opts->statements)) continue;
            if (commercial(e.source) && (!e.target || commercial(e.target))) continue;
            memcpy(e.root, e.code, 2);
            e.root[2] = '\0';
            const rl_cameo_code *cc = rl_cameo_lookup(e.code);
            e.quad_class = cc ? cc->quad_class : 0;
            e.goldstein = cc ? cc->goldstein : 0.0;
            e.trigger = dr->trigger;
            e.sentence = sc->text;
            e.rule = dr->rule;
            e.reported_by = reported;
            e.negated = dr->negated;
            e.conditional = dr->conditional;
            if (push_event(sc->out, a, &e) != 0) return -1;
        }
    }
    return 0;
}

static const char *words2(rl_arena *a, const char *x, const char *y) {
    return rl_arena_printf(a, "%s %s", x, y);
}

static const char *trigger_of(const sent_ctx *sc, int p, int extra) {
    const rl_tree *t = &sc->t;
    if (extra > p) return rl_tree_text(t, sc->doc->arena, p, extra);
    return t->s->tokens[p].form;
}

static bool resolves(const sent_ctx *sc, int x) {
    rl_actor_ctx ac = sc->actx;
    ac.remember = false;
    rl_actor a;
    x = antecedent(&sc->t, x);
    return x >= 0 && rl_actor_resolve1(&ac, x, &a);
}

/* A demand is made of someone: "the US must lift its sanctions" names who must act;
 * "the rules should be simpler", "the vote should take place later" or "everyone
 * should calm down" only give an opinion. The subject must be an actor, and an active
 * one (the subject of "must be sold off" is what is acted on). */
static bool must_addressee(const sent_ctx *sc, int subj) {
    return subj >= 0 && !rl_tree_rel(&sc->t, subj, "nsubj:pass") && resolves(sc, subj);
}

/* Whether c is a noun p's pattern spelled out ("deployed TROOPS", "suspended MILITARY
 * AID") that names no actor of its own: such a noun is the act's instrument, and
 * reading it as the source's own forces ("IND 154 INDMIL") hides the real target ("aid
 * to Ethiopia"). "destroyed Armenian tanks" names its owner and stays a target. */
static bool instrument_noun(const sent_ctx *sc, int p, int c) {
    if (!sc->has[p]) return false;
    const rl_pred_match *m = &sc->match[p];
    bool spelled = false;
    for (int k = 0; k < m->nconsumed && !spelled; k++) spelled = m->consumed[k] == c;
    if (!spelled || m->target == c) return false;
    rl_actor_ctx ac = sc->actx;
    ac.remember = false;
    rl_actor x;
    char cc[4];
    /* people acted upon ("freed jailed activists", "expelled an aid agency") are
     * targets even when their country is only the source's; armed forces and their
     * weapons are the source's means */
    if (!rl_actor_resolve1(&ac, c, &x)) return false;
    size_t n = strlen(x.code);
    if (n < 3 || strcmp(x.code + n - 3, "MIL") != 0) return false;
    ac.default_country = NULL;
    return !rl_actor_resolve1(&ac, c, &x) || !rl_code_country(x.code, cc);
}

static int first_target(const sent_ctx *sc, int p) {
    int cand[16];
    int n = target_candidates(&sc->t, p, cand, 16);
    rl_actor_ctx ac = sc->actx;
    ac.remember = false;
    for (int i = 0; i < n; i++) {
        rl_actor x;
        int c = antecedent(&sc->t, cand[i]);
        if (c >= 0 && !instrument_noun(sc, p, c) && rl_actor_resolve1(&ac, c, &x)) return c;
    }
    return -1;
}

/* Who speaks through say verb g: its subject, or — when that names no actor, as in
 * "“…,” said the head of the bureau" parsed with the quote's noun as subject — the
 * object after the verb. */
static int speaker_of(const sent_ctx *sc, int g) {
    const rl_tree *t = &sc->t;
    int s = subject_of(t, g, 0);
    if (s >= 0 && resolves(sc, s)) return s;
    int o = rl_tree_child(t, g, "obj");
    if (o > g && resolves(sc, o)) return o;
    return s;
}

/* "told journalists", "told reporters in Davos": the press a statement is made to is its
 * audience, not the one the reported act is aimed at (a code with the MED role). */
static bool press_audience(const sent_ctx *sc, int o) {
    rl_actor_ctx ac = sc->actx;
    ac.remember = false;
    rl_actor x;
    if (!rl_actor_resolve1(&ac, o, &x) || !x.code) return false;
    size_t n = strlen(x.code);
    for (size_t i = 0; i + 3 <= n; i += 3)
        if (strncmp(x.code + i, "MED", 3) == 0) return true;
    return false;
}

/* A visit's target is the place visited: "arrived in Ankara" → TUR. */
static int place_target(const sent_ctx *sc, int p) {
    const rl_tree *t = &sc->t;
    rl_actor_ctx ac = sc->actx;
    ac.remember = false;
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        const char *cs = rl_tree_case(t, c);
        rl_actor x;
        if (rl_tree_rel(t, c, "obl") && cs &&
            (strcmp(cs, "IN") == 0 || strcmp(cs, "TO") == 0 || strcmp(cs, "AT") == 0) &&
            rl_actor_resolve1(&ac, c, &x))
            return c;
    }
    return -1;
}

/* Where the meeting at p took place: an "in"/"at" oblique that names a country other
 * than the target ("met in Helsinki"), or -1. */
static int meeting_place(const sent_ctx *sc, int p, int tgt) {
    const rl_tree *t = &sc->t;
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        const char *cs = rl_tree_case(t, c);
        if (c != tgt && (rl_tree_rel(t, c, "obl") || rl_tree_rel(t, c, "nmod")) &&
            !rl_tree_rel(t, c, "nmod:poss") && cs &&
            (strcmp(cs, "IN") == 0 || strcmp(cs, "AT") == 0))
            return c;
    }
    return -1;
}

/* The demand an "if" clause implies: "ready to negotiate if the US lifts sanctions"
 * demands that the US lift them. */
static int emit_condition(sent_ctx *sc, const ev_draft *main, int q) {
    const rl_tree *t = &sc->t;
    /* the if-clause and the clauses coordinated with it ("if it lifts the sanctions and
     * returns to the agreement") */
    int clauses[8];
    int nc = 0;
    clauses[nc++] = q;
    for (int k = t->kid_off[q]; k < t->kid_off[q + 1] && nc < 8; k++)
        if (rl_tree_rel(t, t->kids[k], "conj")) clauses[nc++] = t->kids[k];
    for (int i = 0; i < nc; i++) {
        int c = clauses[i];
        if (!sc->has[c]) continue;
        const rl_pred_match *m = &sc->match[c];
        const char *code = combine(sc->doc->arena, CL_DEMAND, m->code.code);
        if (!code) continue;
        ev_draft d = *main;
        d.code = code;
        d.other = -1;
        d.tgt_code = d.tgt_text = d.src_role = NULL;
        d.negated = false;
        d.conditional = true;
        /* the demand is made of whoever must act: the clause's subject or agent */
        int who = rl_tree_child(t, c, "nsubj");
        if (who < 0 && rl_tree_child(t, c, "nsubj:pass") >= 0) who = passive_agent(t, c);
        if (who < 0 && c != q) who = rl_tree_child(t, q, "nsubj");
        d.tgt = who >= 0 ? who : main->tgt;
        d.trigger = trigger_of(sc, c, m->extra);
        d.rule = rule_string(sc, m->file, m->line, m->text);
        if (emit(sc, &d) != 0) return -1;
    }
    return 0;
}

/* Whether p has one of the auxiliaries in words (upper case, NULL-terminated). */
static bool has_aux(const rl_tree *t, int p, const char *const *words) {
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        if (!rl_tree_rel(t, c, "aux")) continue;
        for (int i = 0; words[i]; i++)
            if (strcmp(t->ulemma[c], words[i]) == 0 || strcmp(t->uform[c], words[i]) == 0)
                return true;
    }
    return false;
}

static const char *const aux_must[] = {"MUST", "SHOULD", NULL};
static const char *const aux_past[] = {"DID", "HAS", "HAVE", "HAD", "WAS", "WERE", NULL};
static const char *const aux_maybe[] = {"COULD", "MIGHT", "MAY", NULL};

/* A negated act in the past or perfect ("did not attack", "has not yet signed") reports
 * that nothing happened; in the present or future ("will not negotiate", "is not
 * seeking") it is a refusal. */
static bool past_negation(const rl_tree *t, int p) {
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        if (!rl_tree_rel(t, c, "aux")) continue;
        for (int i = 0; aux_past[i]; i++)
            if (strcmp(t->uform[c], aux_past[i]) == 0) return true;
    }
    return false;
}
static const char *const aux_will[] = {"WILL", "WOULD", "SHALL", "'LL", NULL};

/* "Paris said it did not recognise the junta": a plain "did not" in the complement of a
 * past say verb is the speaker's present stance put in the past by reported speech
 * ("we do not recognise"), so it is a refusal, not a report that nothing happened. The
 * perfect ("said it had not signed") still reports the past. */
static bool backshifted_negation(const rl_tree *t, int p) {
    bool did = false;
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        if (!rl_tree_rel(t, c, "aux")) continue;
        if (strcmp(t->uform[c], "DID") != 0) return false;
        did = true;
    }
    int g = rl_tree_head(t, p);
    if (!did || g < 0 || !rl_tree_rel(t, p, "ccomp") || class_of(t, g) != CL_SAY) return false;
    const char *x = t->s->tokens[g].xpos;
    return x && strcmp(x, "VBD") == 0;
}

static bool is_third_person_pronoun(const rl_tree *t, int i) {
    static const char *const p3[] = {"IT", "THEY", "HE", "SHE", "WE", NULL};
    if (i < 0 || !rl_tree_upos(t, i, "PRON")) return false;
    for (int k = 0; p3[k]; k++)
        if (strcmp(t->uform[i], p3[k]) == 0) return true;
    return false;
}

/* A predicate noun ("talks are a betrayal"): the copula's subject is what the event is
 * about, not who acts. */
static bool copular_noun(const rl_tree *t, int p) {
    return rl_tree_upos(t, p, "NOUN") && rl_tree_child(t, p, "cop") >= 0;
}

static int code_predicate_inner(sent_ctx *sc, int p, int depth);

/* "landed in Washington for a state visit", "flew to Cairo for talks": a meeting noun
 * that is the purpose of an intransitive verb of motion or arrival is the verb's
 * subject's act, and a visit's target is the place the verb names. Only meetings (04x):
 * "sanctioned Russia for the attack" is not the sanctioner's attack. Returns the verb
 * or -1. */
static int purpose_meeting(const rl_tree *t, int p, const char *code) {
    int h = rl_tree_head(t, p);
    const char *cs = rl_tree_case(t, p);
    if (h < 0 || !rl_tree_upos(t, p, "NOUN") || !rl_tree_rel(t, p, "obl") || !cs ||
        strcmp(cs, "FOR") != 0 || strncmp(code, "04", 2) != 0)
        return -1;
    if (!rl_tree_upos(t, h, "VERB") || rl_tree_child(t, h, "obj") >= 0) return -1;
    /* "gearing up for tough negotiations", "preparing for talks": not yet held */
    static const char *const prepare[] = {"PREPARE", "GEAR", "BRACE", "READY", "WAIT",
                                          "PLAN", NULL};
    for (int i = 0; prepare[i]; i++)
        if (strcmp(t->ulemma[h], prepare[i]) == 0) return -1;
    return h;
}

/* "accused Russia of poisoning ...": CAMEO's 112 has subcodes by what is alleged, so
 * the first coded act in the accusation's scope picks one — an arrest or repression is
 * a human rights abuse (1122), a killing or kidnapping a crime (1121), military force
 * aggression (1123), mass violence a war crime (1124). Anything else stays 112. The
 * parse of "of V-ing" varies (a clause on the verb, on its object, a noun), so the
 * whole subtree after the verb is searched. */
static const char *accusation_code(const sent_ctx *sc, int p) {
    const rl_tree *t = &sc->t;
    for (int q = p + 1; q < t->n; q++) {
        /* "of supplying a banned steroid": a participle describing a noun is not the
         * act alleged */
        if (!sc->has[q] || rl_tree_rel(t, q, "amod") || !rl_tree_dominates(t, p, q)) continue;
        const char *c = sc->match[q].code.code;
        if (!valid_code(c)) continue;
        int root = (c[0] - '0') * 10 + (c[1] - '0');
        if (root == 17) return c[2] == '6' ? "112" : "1122";
        if (root == 18) return c[2] == '3' ? "1123" : "1121";
        if (root == 15 || root == 19) return "1123";
        if (root == 20) return "1124";
    }
    return "112";
}

/* The country of p's subject, if it has one ("IRN" for Iranian security forces). */
static const char *source_country(const sent_ctx *sc, int p) {
    int s = subject_of(&sc->t, p, 0);
    rl_actor_ctx ac = sc->actx;
    ac.remember = false;
    ac.default_country = NULL;
    rl_actor x;
    char buf[4];
    if (s < 0 || !rl_actor_resolve1(&ac, s, &x) || !rl_code_country(x.code, buf)) return NULL;
    return rl_arena_strdup(sc->doc->arena, buf);
}

/* "considering it a red line", "considers Hamas a terrorist group": consider with an
 * object and a second predicate says what something is held to be, which is no policy
 * option weighed (014). */
static bool regards_as(const rl_tree *t, int p) {
    if (class_of(t, p) != CL_CONSIDER || rl_tree_child(t, p, "obj") < 0) return false;
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        const char *cs = rl_tree_case(t, c);
        if (rl_tree_rel(t, c, "xcomp") && !rl_tree_upos(t, c, "VERB")) return true;
        if (strcmp(t->s->tokens[c].deprel, "obl") == 0 && !is_date_word(t, c) &&
            (!cs || strcmp(cs, "AS") == 0))
            return true;
    }
    return false;
}

/* "Biden later praised Xi", "Norway put its forces on alert" with the name read as an
 * adverb of the verb: a capitalised word before a verb that has no subject, attached
 * to it without a preposition, that names an actor is the subject. -1 if none. */
static int stray_subject(const sent_ctx *sc, int p) {
    const rl_tree *t = &sc->t;
    if (!rl_tree_upos(t, p, "VERB")) return -1;
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        const char *f = t->s->tokens[c].form;
        if (c > p) break;
        if (!(rl_tree_rel(t, c, "advmod") || rl_tree_rel(t, c, "dep") ||
              rl_tree_rel(t, c, "discourse") || rl_tree_rel(t, c, "vocative")) ||
            rl_tree_case(t, c) || !f || !(f[0] >= 'A' && f[0] <= 'Z') || is_date_word(t, c))
            continue;
        if (resolves(sc, c)) return c;
    }
    return -1;
}

/* "welcomed his dear friend", "hosted her guest": an object naming someone by their
 * relation to the subject (a possessive pronoun and a relation noun); -1 if none. */
static int relation_of_source(const rl_tree *t, int p) {
    static const char *const rel[] = {"FRIEND", "GUEST", "VISITOR", "COUNTERPART", "HOST",
                                      "ALLY", NULL};
    int o = rl_tree_child(t, p, "obj");
    if (o < 0 || !rl_tree_upos(t, o, "NOUN")) return -1;
    int ps = rl_tree_child(t, o, "nmod:poss");
    if (ps < 0 || !rl_tree_upos(t, ps, "PRON")) return -1;
    for (int i = 0; rel[i]; i++)
        if (strcmp(t->ulemma[o], rel[i]) == 0) return o;
    return -1;
}

/* Verbal reactions: comments, praise and support, demands, disapproval, rejection. */
static bool reaction(const char *code) {
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    return root == 1 || (root == 5 && code[2] != '7') || root == 10 || root == 11 ||
           root == 12;
}

/* Whether word i itself names an actor or a role ("government", "Iran"), rather than a
 * thing an actor has or did ("strike", "plan", "law"). */
static bool actor_word(const sent_ctx *sc, int i) {
    const rl_tree *t = &sc->t;
    const rl_dicts *d = sc->actx.dicts;
    size_t m = 0;
    const char *w[2] = {t->uform[i], t->ulemma[i]};
    for (int k = 0; k < 2; k++)
        if (d && (rl_dict_match_actor(d, &w[k], 1, &m) || rl_dict_match_agent(d, &w[k], 1, &m)))
            return true;
    return rl_tree_upos(t, i, "PROPN") || rl_tree_upos(t, i, "PRON") ||
           strcmp(t->ulemma[i], "COUNTERPART") == 0;
}

/* Whether the owner w of a thing resolves to an actor other than the source. */
static bool owner_ok(const sent_ctx *sc, int w, int src) {
    rl_actor_ctx ac = sc->actx;
    ac.remember = false;
    rl_actor x, s;
    if (!rl_actor_resolve1(&ac, w, &x)) return false;
    return !(src >= 0 && rl_actor_resolve1(&ac, antecedent(&sc->t, src), &s) &&
             strcmp(s.code, x.code) == 0);
}

/* "denounced the Israeli strike on the hospital", "vetoed the European aid package for
 * Ukraine", "demanded his resignation": a reaction to something an actor owns or did
 * is aimed at that actor. The owner of the object (a possessive, or a capitalised
 * modifier) of one of the chain's predicates, when the object is a thing and the owner
 * an actor other than the source; -1 otherwise. */
static int owner_target(const sent_ctx *sc, const int *chain, int nchain, int tgt, int src) {
    const rl_tree *t = &sc->t;
    for (int k = -1; k < nchain; k++) {
        /* the target chosen so far ("declined to comment on China's new law"), then the
         * objects */
        int o = k < 0 ? tgt : rl_tree_child(t, chain[k], "obj");
        if (o < 0 || !rl_tree_upos(t, o, "NOUN") || actor_word(sc, o)) continue;
        for (int j = t->kid_off[o]; j < t->kid_off[o + 1]; j++) {
            int w = t->kids[j];
            const char *f = t->s->tokens[w].form;
            if (w > o) break;
            bool owner = rl_tree_rel(t, w, "nmod:poss") ||
                         ((rl_tree_rel(t, w, "amod") || rl_tree_rel(t, w, "compound")) &&
                          f && f[0] >= 'A' && f[0] <= 'Z');
            if (owner && owner_ok(sc, w, src)) return w;
        }
        /* "a proposal by Brazil", "the treaty drafted by Azerbaijan" */
        for (int j = t->kid_off[o]; j < t->kid_off[o + 1]; j++) {
            int w = t->kids[j], ag = -1;
            const char *cs = rl_tree_case(t, w);
            if (rl_tree_rel(t, w, "nmod") && cs && strcmp(cs, "BY") == 0) ag = w;
            else if (rl_tree_rel(t, w, "acl") && !rl_tree_rel(t, w, "acl:relcl"))
                ag = passive_agent(t, w);
            if (ag >= 0 && owner_ok(sc, ag, src)) return ag;
        }
        if (k >= 0) return -1;   /* the first object decides */
    }
    return -1;
}

/* Builds and emits the event of predicate p (depth bounds the fall-backs to a
 * governor's own event). */
static int code_predicate_depth(sent_ctx *sc, int p, int depth) {
    /* targets without a country of their own take the source's (set per predicate) */
    const char *saved = sc->actx.default_country;
    sc->actx.default_country = source_country(sc, p);
    int rc = code_predicate_inner(sc, p, depth);
    sc->actx.default_country = saved;
    return rc;
}

/* Whether the phrase of token c begins right after punctuation ("…,” the minister
 * told …"). */
static bool after_punct(const rl_tree *t, int c) {
    int lo = c;
    for (int i = 0; i < c; i++)
        if (rl_tree_dominates(t, c, i)) { lo = i; break; }
    return lo > 0 && rl_tree_upos(t, lo - 1, "PUNCT");
}

static int code_predicate_inner(sent_ctx *sc, int p, int depth) {
    const rl_tree *t = &sc->t;
    rl_arena *a = sc->doc->arena;
    const rl_pred_match *m = &sc->match[p];
    ev_draft d;
    memset(&d, 0, sizeof d);
    d.speaker = -1;
    d.other = -1;
    d.say_verb = -1;
    d.code = m->code.code;
    d.negated = is_negated(t, p);
    if (d.negated) {
        /* "has not signed": nothing happened */
        if (past_negation(t, p) && !backshifted_negation(t, p)) return 0;
        d.code = negate(a, &m->code, m->code.code);
    }
    if (!d.code || rl_code_is_null(d.code)) return 0;
    if (regards_as(t, p)) return 0;
    d.src = m->source >= 0 ? m->source : subject_of(t, p, 0);
    if (d.src < 0) d.src = stray_subject(sc, p);
    int pm = d.src < 0 ? purpose_meeting(t, p, d.code) : -1;
    if (pm >= 0) d.src = subject_of(t, pm, 0);
    d.tgt = m->target >= 0 && m->target != d.src && resolves(sc, m->target) ? m->target : -1;
    /* a visit's target is the place: "arrived in Riyadh for the summit" */
    if (d.tgt < 0 && strcmp(d.code, "042") == 0 && rl_tree_child(t, p, "obj") < 0)
        d.tgt = place_target(sc, pm >= 0 ? pm : p);
    if (d.tgt < 0) d.tgt = first_target(sc, p);
    if (d.tgt < 0 && (class_of(t, p) == CL_DEMAND || class_of(t, p) == CL_APPEAL)) {
        /* "demanded that the army restore ...", with no code for the act asked for:
         * the demand is still made of the clause's subject */
        int cc = rl_tree_child(t, p, "ccomp");
        int who = cc >= 0 ? rl_tree_child(t, cc, "nsubj") : -1;
        if (who >= 0 && resolves(sc, who)) d.tgt = who;
    }
    bool copular = copular_noun(t, p);
    if (copular) {
        d.tgt = rl_tree_child(t, p, "nsubj");
        d.src = -1;
    }
    bool must = has_aux(t, p, aux_must);
    bool will = !d.negated && has_aux(t, p, aux_will);
    bool maybe = !d.negated && has_aux(t, p, aux_maybe);
    d.trigger = trigger_of(sc, p, m->extra);
    d.rule = rule_string(sc, m->file, m->line, m->text);
    d.chain[d.nchain++] = p;
    int cond = if_clause(t, p);

    int cur = p;
    /* "agreed to stop kidnappings": the stopping is the act, done by its subject */
    int cv = ceased_by(t, p);
    const char *cc = cv >= 0 && !d.negated ? cease_code(d.code) : NULL;
    if (cc) {
        d.code = cc;
        int s = subject_of(t, cv, 0);
        if (s >= 0) d.src = s;
        if (d.nchain < 16) d.chain[d.nchain++] = cv;
        d.trigger = words2(a, t->s->tokens[cv].form, d.trigger);
        if (is_negated(t, cv)) return 0;   /* "did not stop": nothing happened */
        must = must || has_aux(t, cv, aux_must);
        will = will || has_aux(t, cv, aux_will);
        maybe = maybe || has_aux(t, cv, aux_maybe);   /* "could end the talks" */
        cur = cv;
    }
    bool linked = false;            /* made the condition of something */
    const char *requested = NULL;   /* the act an appeal or demand asked for */
    for (int hop = 0; hop < 12; hop++) {
        verb_class cls;
        int g = governor(t, &cur, &cls);
        if (g < 0) break;
        if (d.nchain < 16) d.chain[d.nchain++] = g;
        if (cls == CL_LIGHT) {
            if (d.src < 0 || rl_tree_upos(t, d.src, "PRON")) {
                int s = subject_of(t, g, 0);
                if (s >= 0) d.src = s;
            }
            if (d.tgt < 0) d.tgt = first_target(sc, g);
            if (is_negated(t, g)) {
                if (d.negated || past_negation(t, g)) return 0;
                d.negated = true;
                d.code = negate(a, NULL, d.code);
                if (!d.code) return 0;
            }
        } else if (cls == CL_SAY) {
            d.speaker = speaker_of(sc, g);
            d.say_verb = g;
            cur = g;
            break;
        } else {
            /* "Iran wants Germany to pay compensation", "expects China to release …":
             * wanting someone else to act is an appeal to them, not an intent */
            if (cls == CL_INTENT && rl_tree_rel(t, cur, "xcomp") && wish_verb(t, g)) {
                int o = rl_tree_child(t, g, "obj");
                if (o >= 0 && o < cur) cls = CL_APPEAL;
            }
            /* rejecting a call for an act rejects the act: "rejected calls to free the
             * prisoners" is 1243, not a rejected appeal */
            const char *from = cls == CL_REJECT && requested ? requested : d.code;
            const char *c2 = combine(a, cls, from);
            if (!c2) {
                /* nothing to combine with ("rejected an appeal for deploying troops"):
                 * the governor's own event, which it gave way to, stands after all */
                if (cls != CL_FAIL && depth < 4 && sc->has[g] &&
                    !rl_code_is_null(sc->match[g].code.code))
                    return code_predicate_depth(sc, g, depth + 1);
                return 0;
            }
            requested = cls == CL_APPEAL || cls == CL_DEMAND ? d.code : NULL;
            d.code = c2;
            int inner = d.src;
            int s = subject_of(t, g, 0);
            if (s >= 0) d.src = s;
            if (cls == CL_CONDITION) {
                /* "linked talks to its lifting of the sanctions": of the one who must act */
                d.tgt = inner;
                linked = true;
            } else if ((cls == CL_APPEAL || cls == CL_DEMAND) && rl_tree_rel(t, cur, "ccomp") &&
                inner >= 0 && inner != d.src) {
                d.tgt = inner;   /* "demanded that Sierra Leone release her" */
            } else if (cls == CL_REJECT && rl_tree_upos(t, cur, "NOUN") && resolves(sc, cur)) {
                d.tgt = cur;   /* "rejected an Israeli proposal to ...": the proposer */
            } else if ((cls == CL_APPEAL || cls == CL_DEMAND) && !rl_tree_rel(t, cur, "obj")) {
                int o = rl_tree_child(t, g, "obj");
                if (o >= 0 && o != cur) d.tgt = o;
                else {
                    int ft = first_target(sc, g);
                    if (ft >= 0 && ft != cur) d.tgt = ft;
                }
            }
            if (is_negated(t, g)) {
                if (past_negation(t, g)) return 0;
                d.negated = true;
                d.code = negate(a, NULL, d.code);
                if (!d.code) return 0;
            }
            d.trigger = words2(a, t->s->tokens[g].form, d.trigger);
            if (cond < 0) cond = if_clause(t, g);
        }
        cur = g;
    }
    if (d.speaker < 0) {
        /* "…, he said": the say verb hangs off the event as parataxis */
        for (int k = t->kid_off[cur]; k < t->kid_off[cur + 1]; k++) {
            int c = t->kids[k];
            /* (or as an adverbial clause after it: "“We will never …,” the minister told
             * journalists") */
            bool after = rl_tree_rel(t, c, "advcl") && c > p && rl_tree_child(t, c, "mark") < 0 &&
                         rl_tree_child(t, c, "nsubj") >= 0 && after_punct(t, c);
            if ((rl_tree_rel(t, c, "parataxis") || after) &&
                (class_of(t, c) == CL_SAY || say_like(t, c))) {
                d.speaker = speaker_of(sc, c);
                d.say_verb = c;
                if (d.nchain < 16) d.chain[d.nchain++] = c;
                break;
            }
        }
    }
    if (d.speaker < 0) {
        /* a say verb further up ("X said: if ..., it must ...") */
        int g = rl_tree_head(t, cur);
        for (int steps = 0; g >= 0 && steps < 8; steps++, g = rl_tree_head(t, g)) {
            if (class_of(t, g) == CL_SAY || say_like(t, g)) {
                d.speaker = speaker_of(sc, g);
                d.say_verb = g;
                break;
            }
        }
    }
    if (d.say_verb >= 0) {
        /* "Iran said it would ...": the pronoun is the speaker; "warned Iran that ...":
         * the one warned is the target when the event names none */
        if (!must && d.speaker >= 0 && is_third_person_pronoun(t, d.src) &&
            rl_tree_dominates(t, d.say_verb, d.src))
            d.src = d.speaker;
        if (d.tgt < 0) {
            int o = rl_tree_child(t, d.say_verb, "obj");
            if (o < 0) o = rl_tree_child(t, d.say_verb, "iobj");
            if (o >= 0 && o != d.speaker && !press_audience(sc, o)) d.tgt = o;
        }
    }
    bool warned = d.say_verb >= 0 && strcmp(t->ulemma[d.say_verb], "WARN") == 0;
    if (maybe && !must) {
        /* "X could join NATO": an option weighed (014); a warning that X may strike is
         * a threat */
        const char *c2 = warned ? combine(a, CL_THREATEN, d.code) : "014";
        /* "may halt its mediation if ...": a possible act of force made to hang on a
         * condition is a threat, a cooperative one an offer (demands, accusations and
         * rejections stay options) (the parse may hang the condition
         * on the say verb: "X may halt ... if ..., Y said") */
        int cq = cond >= 0 ? cond : d.say_verb >= 0 ? if_clause(t, d.say_verb) : -1;
        int root = valid_code(d.code) ? (d.code[0] - '0') * 10 + (d.code[1] - '0') : 0;
        if (!warned && cq >= 0 && root >= 3 && root != 10 && root != 11 && root != 12)
            c2 = combine(a, root >= 13 ? CL_THREATEN : CL_INTENT, d.code);
        if (!c2) return 0;
        d.code = c2;
        if (warned && d.speaker >= 0) d.src = d.speaker;   /* the one who warns threatens */
    } else if (will && !must && (d.speaker >= 0 || sc->quote_speaker)) {
        /* an announced future act is an intent (or, for conflict, a threat) */
        const char *c2 = combine(a, CL_INTENT, d.code);
        if (!c2) return 0;
        d.code = c2;
    }
    if (must) {
        /* "the US must stop arms sales": the speaker demands it of the subject */
        if (d.speaker < 0 && !sc->quote_speaker) return 0;
        if (!must_addressee(sc, d.src)) return 0;
        const char *c2 = combine(a, CL_DEMAND, d.code);
        if (!c2) return 0;
        d.code = c2;
        d.tgt = d.src;
        d.src = d.speaker;
        d.speaker_is_source = d.speaker < 0;
        d.trigger = rl_arena_printf(a, "must %s", d.trigger);
    } else if (copular) {
        d.src = d.speaker;
        d.speaker_is_source = d.speaker < 0;
    }
    if (d.tgt < 0 && !copular) {
        /* "to hold negotiations and work with it": coordinated acts share a partner */
        int h = p;
        while (rl_tree_rel(t, h, "conj") && rl_tree_head(t, h) >= 0) h = rl_tree_head(t, h);
        int owner = rl_tree_upos(t, h, "NOUN") ? rl_tree_head(t, h) : h;
        for (int k = owner >= 0 ? t->kid_off[owner] : 0;
             owner >= 0 && k < t->kid_off[owner + 1] && d.tgt < 0; k++) {
            int c = t->kids[k];
            if (c != p && rl_tree_rel(t, c, "conj") && rl_tree_upos(t, c, "VERB"))
                d.tgt = first_target(sc, c);
        }
    }
    if (!copular && !must && reaction(d.code)) {
        int w = owner_target(sc, d.chain, d.nchain, d.tgt, d.src);
        if (w >= 0) d.tgt = w;
    }
    if (strcmp(d.code, "112") == 0) d.code = accusation_code(sc, p);
    d.other = relation_of_source(t, p);
    d.place = -1;
    for (int k = 0; k < d.nchain && d.place < 0 && strcmp(d.code, "040") == 0; k++)
        d.place = meeting_place(sc, d.chain[k], d.tgt);
    /* "held a summit in Helsinki": the place hangs off the noun the pattern spelled */
    for (int k = 0; k < m->nconsumed && d.place < 0 && strcmp(d.code, "040") == 0; k++)
        if (m->consumed[k] >= 0) d.place = meeting_place(sc, m->consumed[k], d.tgt);
    d.conditional = cond >= 0 || linked;
    rl_force_draft fd = {d.code, d.src, d.tgt, NULL, NULL, NULL};
    rl_force_refine(&sc->actx, p, &fd);   /* weapons, casualties, protest aims */
    d.code = fd.code;
    d.tgt = fd.tgt;
    d.tgt_code = fd.tgt_code;
    d.tgt_text = fd.tgt_text;
    d.src_role = fd.src_role;
    if (emit(sc, &d) != 0) return -1;
    if (cond >= 0 && emit_condition(sc, &d, cond) != 0) return -1;
    return 0;
}

static int code_predicate(sent_ctx *sc, int p) {
    return code_predicate_depth(sc, p, 0);
}

/* Verbs whose class alone says what happened when the dictionary has nothing for them
 * or for their complement ("agreed to undertake exercises", "refused the offer"). The
 * weaker members of the classes (want, hope, plan, press, ...) are left out. */
static const char *const fallback_verbs[] = {
    "AGREE", "OFFER", "PROMISE", "PLEDGE", "VOW", "READY", "WILLING", "URGE", "CALL",
    "APPEAL", "ASK", "REQUEST", "DEMAND", "REFUSE", "DECLINE", "REJECT", "THREATEN", NULL
};

static bool class_fallback(const rl_tree *t, int g, rl_pred_match *m) {
    verb_class cls = class_of(t, g);
    const char *code = cls == CL_INTENT ? "030" : cls == CL_APPEAL ? "020"
                     : cls == CL_DEMAND ? "100" : cls == CL_REJECT ? "120"
                     : cls == CL_THREATEN ? "130" : NULL;
    if (!code || !(rl_tree_upos(t, g, "VERB") || rl_tree_upos(t, g, "ADJ"))) return false;
    bool strong = false;
    for (int i = 0; fallback_verbs[i] && !strong; i++)
        strong = strcmp(fallback_verbs[i], t->ulemma[g]) == 0;
    if (!strong) return false;
    /* "call" only appeals with "for" or "on" ("called for talks", "called on Iran") */
    bool complement = false;
    for (int k = t->kid_off[g]; k < t->kid_off[g + 1] && !complement; k++) {
        int c = t->kids[k];
        const char *cs = rl_tree_case(t, c);
        if (rl_tree_rel(t, c, "obl"))
            complement = cs && (strcmp(cs, "FOR") == 0 || strcmp(cs, "ON") == 0 ||
                                strcmp(cs, "TO") == 0);
        else if (strcmp(t->ulemma[g], "CALL") != 0)
            complement = rl_tree_rel(t, c, "xcomp") || rl_tree_rel(t, c, "ccomp") ||
                         rl_tree_rel(t, c, "obj") || rl_tree_rel(t, c, "iobj");
    }
    if (!complement) return false;
    memset(m, 0, sizeof *m);
    snprintf(m->code.code, sizeof m->code.code, "%s", code);
    m->source = m->target = -1;
    m->extra = g;
    m->file = "builtin";
    m->line = 0;
    m->text = cls == CL_INTENT ? "intent verb [030]" : cls == CL_APPEAL ? "appeal verb [020]"
            : cls == CL_DEMAND ? "demand verb [100]" : cls == CL_REJECT ? "reject verb [120]"
            : "threaten verb [130]";
    return true;
}

/* "X said Y must stop arms sales": whatever Y must do, saying so is a demand (100) even
 * when the dictionary has nothing for the act. code_predicate turns it into the
 * speaker's demand, or drops it when nobody speaks. */
static bool must_fallback(const rl_tree *t, int p, rl_pred_match *m) {
    if (!rl_tree_upos(t, p, "VERB") || !has_aux(t, p, aux_must) || rl_tree_child(t, p, "nsubj") < 0)
        return false;
    memset(m, 0, sizeof *m);
    snprintf(m->code.code, sizeof m->code.code, "100");
    m->source = m->target = -1;
    m->extra = p;
    m->file = "builtin";
    m->text = "must clause [100]";
    return true;
}

/* Whether p is a verb of a governing class with an embedded event below it (its own
 * dictionary event then gives way to the combination). */
static void mark_absorbed(const sent_ctx *sc, bool *absorbed, const bool *skip) {
    const rl_tree *t = &sc->t;
    for (int p = 0; p < t->n; p++) {
        /* only real events: a null-coded noun ("any attempt") leaves its governor be */
        if (!sc->has[p] || skip[p] ||
            (rl_code_is_null(sc->match[p].code.code) && !sc->match[p].code.negated[0]))
            continue;
        int cur = p;
        int cv = ceased_by(t, p);
        if (cv >= 0 && cease_code(sc->match[p].code.code)) {
            absorbed[cv] = true;   /* "stop the attacks": one event, the de-escalation */
            cur = cv;
        }
        for (int hop = 0; hop < 12; hop++) {
            verb_class cls;
            int g = governor(t, &cur, &cls);
            if (g < 0) break;
            if (cls != CL_LIGHT) {
                absorbed[g] = true;
                if (cls == CL_SAY) break;
            }
            cur = g;
        }
    }
}

static bool tok_upos(const rl_token *x, const char *u) {
    return x->upos && strcmp(x->upos, u) == 0;
}

static bool tok_rel(const rl_token *x, const char *r) {
    return x->deprel && strcmp(x->deprel, r) == 0;
}

/* The sentence's tokens copied into the arena, so a repair leaves the document's parse
 * as it was. NULL when out of memory. */
static rl_token *copy_tokens(const rl_sentence *s, rl_arena *a) {
    rl_token *tk = rl_arena_calloc(a, (size_t)s->ntokens, sizeof *tk);
    if (tk) memcpy(tk, s->tokens, (size_t)s->ntokens * sizeof *tk);
    return tk;
}

/* ASCII case-insensitive equality (lemmas and forms of the same word). */
static bool same_word(const char *x, const char *y) {
    for (; *x && *y; x++, y++) {
        char cx = *x >= 'A' && *x <= 'Z' ? (char)(*x + 32) : *x;
        char cy = *y >= 'A' && *y <= 'Z' ? (char)(*y + 32) : *y;
        if (cx != cy) return false;
    }
    return *x == *y;
}

/* Whether the verb dictionary has a verb (or, with noun, an event noun) under an
 * upper-cased lemma. */
static bool dict_has(const rl_dicts *d, const char *ulemma, bool noun) {
    const rl_verb_entry *const *es = NULL;
    size_t n = d && ulemma ? rl_dict_verbs(d, ulemma, &es) : 0;
    for (size_t i = 0; i < n; i++)
        if (es[i]->is_noun == noun) return true;
    return false;
}

static bool dict_has_verb(const rl_dicts *d, const char *ulemma) {
    return dict_has(d, ulemma, false);
}

/* A word whose lemma is only its form ("froze" read as a base form, "forgave" as an
 * adjective, "shot" as a noun): its lemma as a past-tense verb, when the verb
 * dictionary knows that lemma and not the form. NULL otherwise (and without models). */
static const char *verb_lemma(const rl_resources *res, rl_arena *a, const rl_token *x) {
    if (!res || !res->models || !res->dicts || !x->form || !x->lemma ||
        !same_word(x->lemma, x->form))
        return NULL;
    const char *uf = rl_upper(a, x->form);
    if (!uf || dict_has_verb(res->dicts, uf)) return NULL;
    const char *l = rl_models_lemma(res->models, x->form, "VBD", a);
    if (!l || same_word(l, x->form)) return NULL;
    const char *ul = rl_upper(a, l);
    if (ul && dict_has_verb(res->dicts, ul)) return l;
    /* "massacred" → "massacr": the final e the lemmatizer sometimes drops */
    const char *ue = ul ? rl_arena_printf(a, "%sE", ul) : NULL;
    if (ue && dict_has_verb(res->dicts, ue)) return rl_arena_printf(a, "%se", l);
    return NULL;
}

/* Whether token o (0-based) has a case marker among its dependents. */
static bool tok_has_case(const rl_token *tk, int n, int o) {
    for (int k = 0; k < n; k++)
        if (tk[k].head == o + 1 && tok_rel(&tk[k], "case")) return true;
    return false;
}

/* Makes token v the head of a clause in the copy tk: it takes over top's place in the
 * tree, sub becomes its subject, the tokens left of sub that hung on top or v join
 * the subject's phrase ("The European Union promised aid": "The" goes with Union). */
static void make_clause(rl_token *tk, int v, int top, int sub, const char *lemma) {
    if (top != v) {
        tk[v].head = tk[top].head;
        tk[v].deprel = tk[top].deprel;
    }
    tk[v].upos = "VERB";
    if (!tk[v].xpos || strncmp(tk[v].xpos, "VB", 2) != 0) tk[v].xpos = "VBD";
    if (lemma) tk[v].lemma = lemma;
    for (int k = 0; k < sub; k++)
        if (tk[k].head == top + 1 || tk[k].head == v + 1) tk[k].head = sub + 1;
    tk[sub].head = v + 1;
    tk[sub].deprel = "nsubj";
}

/* Repairs parse errors common in news that hide the main event; each rebuilds the
 * clause around the verb. Returns s itself when nothing needs repair, else a repaired
 * copy in the arena (the document stays as parsed), or NULL when out of memory.
 *
 * "Sudanese army jets bombed rebel positions" parsed with the subject noun as the
 * clause head, the verb as an adjective of the next noun and that noun as the subject
 * noun's object (a noun has no object), or as a bare nominal modifier ("British
 * intelligence shared evidence with …"): the verb takes the clause over, the noun
 * before it becomes its subject, the object its object. The same when the subject
 * hangs off the object ("the president rejected opposition demands"), or is a name
 * compounded with it in a clause with no verb ("The European Union promised food aid to
 * Somalia"). */
static const rl_sentence *repair_parse(const rl_sentence *s, rl_arena *a,
                                       const rl_resources *res) {
    rl_token *tk = NULL;
    int n = s->ntokens;
    for (int v = 1; v + 1 < n; v++) {
        const rl_token *base = tk ? tk : s->tokens;
        const rl_token *vt = &base[v];
        if (!tok_rel(vt, "amod")) continue;
        size_t fl = vt->form ? strlen(vt->form) : 0;
        bool past = vt->xpos && (strcmp(vt->xpos, "VBD") == 0 || strcmp(vt->xpos, "VBN") == 0 ||
                                 (strcmp(vt->xpos, "JJ") == 0 && fl > 4 &&
                                  strcmp(vt->form + fl - 2, "ed") == 0));
        const char *lemma = verb_lemma(res, a, vt);
        if (!past && !lemma) continue;
        int o = vt->head - 1, sub = -1;
        if (o <= v || o >= n) continue;
        /* "jets bombed positions": the object hangs off the subject (as an object, a
         * nominal modifier without preposition, or a parenthetical clause); "the
         * president rejected opposition demands": the subject hangs off the object */
        bool obj_of_subj = (tok_rel(&base[o], "obj") || tok_rel(&base[o], "parataxis") ||
                            (tok_rel(&base[o], "nmod") && !tok_has_case(base, n, o))) &&
                           base[o].head >= 1 && base[o].head - 1 < v;
        if (obj_of_subj) sub = base[o].head - 1;
        else
            for (int k = 0; k < v; k++)
                if (base[k].head == o + 1 && tok_rel(&base[k], "nsubj")) sub = k;
        /* "The European Union promised aid": a name compounded with the head of a
         * clause that has no verb */
        if (sub < 0 && (tok_rel(&base[o], "root") || tok_rel(&base[o], "ccomp")))
            for (int k = v - 1; k >= 0 && sub < 0; k--)
                if (base[k].head == o + 1 && tok_rel(&base[k], "compound") &&
                    tok_upos(&base[k], "PROPN"))
                    sub = k;
        if (sub < 0) continue;
        /* the words between the subject and the verb are the subject's ("helicopters
         * and tanks shelled"); punctuation may hang anywhere */
        bool inside = true;
        for (int k = sub + 1; k < v && inside; k++) {
            if (tok_upos(&base[k], "PUNCT")) continue;
            int h = k;
            for (int steps = 0; h != sub && steps < n; steps++) {
                h = base[h].head - 1;
                if (h < 0 || h >= n || h == o) { inside = false; break; }
            }
            if (h != sub) inside = false;
        }
        if (!inside) continue;
        if (!(tok_upos(&base[o], "NOUN") || tok_upos(&base[o], "PROPN"))) continue;
        if (!(tok_upos(&base[sub], "NOUN") || tok_upos(&base[sub], "PROPN"))) continue;
        if (!tk && !(tk = copy_tokens(s, a))) return NULL;
        int top = obj_of_subj ? sub : o;   /* the clause's head so far */
        make_clause(tk, v, top, sub, lemma);
        tk[o].head = v + 1;
        tk[o].deprel = "obj";
    }
    /* "demanded that Hamas free the hostages" parsed with "that" as the verb's object
     * and the clause below it: "that" → Hamas (appos) → free (xcomp), or "that" →
     * release (a noun, with "Britain" as its compound). The clause's head becomes a
     * clausal complement of the verb with the name as its subject. */
    for (int th = 0; th + 2 < n; th++) {
        const rl_token *base = tk ? tk : s->tokens;
        const rl_token *x = &base[th];
        if (!x->form || !(strcmp(x->form, "that") == 0 || strcmp(x->form, "That") == 0) ||
            !tok_upos(x, "SCONJ") || !(tok_rel(x, "obj") || tok_rel(x, "xcomp")) ||
            x->head < 1 || x->head > n || !tok_upos(&base[x->head - 1], "VERB"))
            continue;
        int subj = -1, head = -1;
        for (int k = th + 1; k < n && head < 0; k++) {
            if (base[k].head != th + 1) continue;
            if (tok_rel(&base[k], "appos") &&
                (tok_upos(&base[k], "PROPN") || tok_upos(&base[k], "NOUN"))) {
                for (int j = k + 1; j < n; j++)
                    if (base[j].head == k + 1 && (tok_rel(&base[j], "xcomp") ||
                                                  tok_rel(&base[j], "acl"))) {
                        subj = k;
                        head = j;
                        break;
                    }
            } else if (tok_rel(&base[k], "xcomp") || tok_rel(&base[k], "obj")) {
                for (int j = th + 1; j < k; j++)
                    if (base[j].head == k + 1 && tok_rel(&base[j], "compound") &&
                        (tok_upos(&base[j], "PROPN") || tok_upos(&base[j], "NOUN"))) {
                        subj = j;
                        head = k;
                    }
                if (head < 0) break;
            }
        }
        if (head < 0 || subj < 0) continue;
        if (!tk && !(tk = copy_tokens(s, a))) return NULL;
        int v = tk[th].head;
        for (int k = 0; k < n; k++) {
            if (k == subj || k == head) continue;
            if (tk[k].head == th + 1) tk[k].head = head + 1;
            /* "the entire government step down": the words before the name are its */
            else if (tk[k].head == head + 1 && k < subj) tk[k].head = subj + 1;
        }
        tk[head].head = v;
        tk[head].deprel = "ccomp";
        tk[head].upos = "VERB";
        tk[subj].head = head + 1;
        tk[subj].deprel = "nsubj";
        tk[th].head = head + 1;
        tk[th].deprel = "mark";
    }
    /* A name split in two: "Human Rights Watch urged" with "Rights" and "Watch" both
     * subjects of the verb, "Brazil and South Africa called" with "South" the conjunct
     * and "Africa" a second subject. The first part is a compound of the second, which
     * takes its place. */
    for (int i = 0; i + 1 < n; i++) {
        const rl_token *base = tk ? tk : s->tokens;
        const rl_token *x = &base[i], *y = &base[i + 1];
        if (!tok_rel(y, "nsubj") || !tok_upos(y, "PROPN") || y->head <= i + 2) continue;
        bool same = tok_rel(x, "nsubj") && x->head == y->head;
        bool conj = tok_rel(x, "conj") && tok_upos(x, "PROPN") && x->head >= 1 &&
                    x->head <= n && base[x->head - 1].head == y->head;
        if (!same && !conj) continue;
        if (!(tok_upos(x, "PROPN") || tok_upos(x, "NOUN"))) continue;
        if (!tk && !(tk = copy_tokens(s, a))) return NULL;
        tk[i + 1].head = tk[i].head;
        tk[i + 1].deprel = tk[i].deprel;
        for (int k = 0; k < n; k++)
            if (k != i && tk[k].head == i + 1) tk[k].head = i + 2;
        tk[i].head = i + 2;
        tk[i].deprel = "compound";
    }
    /* "Iran shot down a drone", "The World Bank lent Kenya $750 million": the verb read
     * as a noun with the subject as its compound — a noun with an object or a particle
     * is a verb. "A gunman shot dead the minister" hangs the object on "dead". */
    for (int v = 1; v < n; v++) {
        const rl_token *base = tk ? tk : s->tokens;
        if (!tok_upos(&base[v], "NOUN")) continue;
        int obj = -1, prt = -1, pred = -1, sub = -1, ap = -1;
        for (int k = 0; k < n; k++) {
            if (base[k].head != v + 1) continue;
            if (tok_rel(&base[k], "obj")) obj = k;
            else if (tok_rel(&base[k], "compound:prt")) prt = k;
            else if (tok_rel(&base[k], "compound") && k < v &&
                     (tok_upos(&base[k], "PROPN") || tok_upos(&base[k], "NOUN")))
                sub = k;
            else if (tok_rel(&base[k], "appos") && k == v + 1 && tok_upos(&base[k], "PROPN"))
                ap = k;
            else if (tok_rel(&base[k], "amod") && k > v)
                for (int j = 0; j < n; j++)
                    if (base[j].head == k + 1 && tok_rel(&base[j], "obj")) pred = k, obj = j;
        }
        if (sub < 0 || (obj < 0 && prt < 0)) continue;
        const char *lemma = verb_lemma(res, a, &base[v]);
        const char *ul = lemma ? NULL : rl_upper(a, base[v].lemma ? base[v].lemma : "");
        if (!lemma && !(res && res->dicts && dict_has_verb(res->dicts, ul))) continue;
        if (!tk && !(tk = copy_tokens(s, a))) return NULL;
        make_clause(tk, v, v, sub, lemma);
        if (pred >= 0) {
            tk[obj].head = v + 1;
            tk[pred].deprel = "xcomp";
        }
        if (ap >= 0) tk[ap].deprel = obj >= 0 ? "iobj" : "obj";
    }
    /* A coordination of subjects split in two: "Sweden and Finland held talks" with
     * "Sweden" an adverb of the verb, "The Dutch and Danish governments agreed" with
     * "Dutch" a second subject. The first becomes the subject with the second its
     * conjunct, or a modifier coordinated with the second's ("Dutch and Danish"). */
    for (int x = 0; x + 2 < n; x++) {
        const rl_token *base = tk ? tk : s->tokens;
        const rl_token *a0 = &base[x], *cc = &base[x + 1];
        int v = a0->head - 1;
        if (!a0->form || !(a0->form[0] >= 'A' && a0->form[0] <= 'Z') || v <= x + 2 ||
            v >= n || !tok_upos(&base[v], "VERB") || !tok_upos(cc, "CCONJ"))
            continue;
        bool leaf = true;   /* a single word ("The" aside) */
        for (int k = 0; k < n && leaf; k++)
            leaf = base[k].head != x + 1 || (k < x && tok_rel(&base[k], "det"));
        if (!leaf) continue;
        int b = x + 2;   /* the second conjunct: the next subject of v */
        while (b < v && !(base[b].head == v + 1 && tok_rel(&base[b], "nsubj"))) b++;
        if (b >= v || base[b].head != v + 1) continue;
        if ((tok_rel(a0, "advmod") || tok_rel(a0, "dep") || tok_rel(a0, "amod")) &&
            b == x + 2 && tok_upos(&base[b], "PROPN")) {
            if (!tk && !(tk = copy_tokens(s, a))) return NULL;
            tk[x].deprel = "nsubj";
            tk[x].upos = "PROPN";
            tk[b].head = x + 1;
            tk[b].deprel = "conj";
            tk[x + 1].head = b + 1;
            tk[x + 1].deprel = "cc";
        } else if (tok_rel(a0, "nsubj") && tok_upos(&base[b], "NOUN") && x + 2 < b &&
                   base[x + 2].head == b + 1 && tok_rel(&base[x + 2], "amod") &&
                   base[x + 2].form && base[x + 2].form[0] >= 'A' &&
                   base[x + 2].form[0] <= 'Z') {
            if (!tk && !(tk = copy_tokens(s, a))) return NULL;
            for (int k = 0; k < x; k++)
                if (tk[k].head == x + 1) tk[k].head = b + 1;   /* "The" */
            tk[x].head = b + 1;
            tk[x].deprel = "amod";
            tk[x].upos = "ADJ";
            tk[x + 2].head = x + 1;
            tk[x + 2].deprel = "conj";
            tk[x + 1].head = x + 3;
            tk[x + 1].deprel = "cc";
        }
    }
    /* A headline's verb read as a noun between its subject and object, all three one
     * compound: "Iran reject negotiations …, considering it …". Only in headlines,
     * whose telegraphic style makes this likely, and only for words the dictionary
     * knows as verbs and not as event nouns. A participle the object was made the
     * subject of becomes a clause of the verb. */
    for (int v = 1; s->kind == RL_SENT_HEADLINE && v + 1 < n; v++) {
        const rl_token *base = tk ? tk : s->tokens;
        if (!tok_upos(&base[v], "NOUN") || !tok_rel(&base[v], "compound")) continue;
        int o = base[v].head - 1, sub = -1;
        if (o <= v || o >= n || !(tok_upos(&base[o], "NOUN") || tok_upos(&base[o], "PROPN")))
            continue;
        /* the phrase heads the headline, or is the subject of a participle; one that a
         * verb governs ("Ukraine strikes Turkmen gas deal") is a noun phrase */
        int og = base[o].head - 1;
        if (!(tok_rel(&base[o], "root") ||
              (tok_rel(&base[o], "nsubj") && og >= 0 && og < n && base[og].xpos &&
               strcmp(base[og].xpos, "VBG") == 0)))
            continue;
        for (int k = 0; k < v; k++)
            if (base[k].head == o + 1 && tok_rel(&base[k], "compound") &&
                tok_upos(&base[k], "PROPN"))
                sub = k;
        bool leaf = true;
        for (int k = 0; k < n && leaf; k++) leaf = base[k].head != v + 1;
        const char *ul = rl_upper(a, base[v].lemma ? base[v].lemma : base[v].form);
        if (sub < 0 || !leaf || !res || !dict_has(res->dicts, ul, false) ||
            dict_has(res->dicts, ul, true))
            continue;
        if (!tk && !(tk = copy_tokens(s, a))) return NULL;
        int top = o, g = tk[o].head - 1;
        if (tok_rel(&tk[o], "nsubj") && g >= 0 && g < n && tk[g].xpos &&
            strcmp(tk[g].xpos, "VBG") == 0) {
            top = g;
            tk[g].head = v + 1;   /* set below, after v takes g's place */
        }
        tk[v].head = top == g ? s->tokens[g].head : tk[o].head;
        tk[v].deprel = top == g ? s->tokens[g].deprel : tk[o].deprel;
        if (top == g) tk[g].deprel = "advcl";
        tk[v].upos = "VERB";
        tk[v].xpos = "VBP";
        tk[sub].head = v + 1;
        tk[sub].deprel = "nsubj";
        tk[o].head = v + 1;
        tk[o].deprel = "obj";
    }
    /* "they would free prisoners" with "free" an adjective of "prisoners", which takes
     * the auxiliary: a noun has no auxiliary, so the adjective before it that the
     * dictionary knows as a verb is the clause's verb and the noun its object. */
    for (int x = 1; x < n; x++) {
        const rl_token *base = tk ? tk : s->tokens;
        if (!tok_upos(&base[x], "NOUN")) continue;
        int aux = -1, v = -1;
        for (int k = 0; k < x; k++) {
            if (base[k].head != x + 1) continue;
            if (tok_rel(&base[k], "aux") && tok_upos(&base[k], "AUX")) aux = k;
            else if (tok_rel(&base[k], "amod") && tok_upos(&base[k], "ADJ")) v = k;
        }
        if (aux < 0 || v < 0 || v < aux || !res) continue;
        const char *ul = rl_upper(a, base[v].lemma ? base[v].lemma : base[v].form);
        if (!dict_has_verb(res->dicts, ul)) continue;
        if (!tk && !(tk = copy_tokens(s, a))) return NULL;
        tk[v].head = tk[x].head;
        tk[v].deprel = tk[x].deprel;
        tk[v].upos = "VERB";
        tk[v].xpos = "VB";
        /* the clause's words move to the verb; the noun keeps its own */
        for (int k = 0; k < n; k++) {
            if (k == v || tk[k].head != x + 1) continue;
            const char *r = tk[k].deprel;
            if (k < v || (r && (strncmp(r, "nsubj", 5) == 0 || strcmp(r, "aux") == 0 ||
                                strncmp(r, "advcl", 5) == 0 || strcmp(r, "mark") == 0 ||
                                strcmp(r, "punct") == 0 || strcmp(r, "advmod") == 0 ||
                                strncmp(r, "obl", 3) == 0)))
                tk[k].head = v + 1;
        }
        tk[x].head = v + 1;
        tk[x].deprel = "obj";
    }
    /* "The head of the Red Cross, a Swiss national, appealed to …" parsed with the
     * apposition as the subject of a verb hung on the real subject as parataxis: the
     * verb heads the sentence, the phrase before the commas is its subject and the one
     * between them describes it. */
    for (int r = 0; r < n; r++) {
        const rl_token *base = tk ? tk : s->tokens;
        if (!tok_rel(&base[r], "root") || !(tok_upos(&base[r], "NOUN") || tok_upos(&base[r], "PROPN")))
            continue;
        int v = -1, sub = -1;
        for (int k = r + 1; k < n && v < 0; k++)
            if (base[k].head == r + 1 && tok_rel(&base[k], "parataxis") && tok_upos(&base[k], "VERB"))
                v = k;
        if (v < 2 || !tok_upos(&base[v - 1], "PUNCT") || strcmp(base[v - 1].form, ",") != 0)
            continue;
        for (int k = r + 1; k < v; k++)
            if (base[k].head == v + 1 && tok_rel(&base[k], "nsubj")) sub = k;
        if (sub < 0) continue;
        /* the subject's phrase fills the commas: ", a Swiss national," */
        int lo = v - 1;
        bool ok = true;
        for (int k = v - 2; k > r && ok; k--) {
            if (tok_upos(&base[k], "PUNCT") && strcmp(base[k].form, ",") == 0) { lo = k; break; }
            int h = k;
            for (int steps = 0; h != sub && h != v && steps < n; steps++) {
                h = base[h].head - 1;
                if (h < 0 || h >= n) { ok = false; break; }
            }
            if (h != sub && h != v) ok = false;
        }
        if (!ok || lo <= r || lo == v - 1) continue;
        /* (its words may hang on the verb: "a" and "national" in the example) */
        if (!tk && !(tk = copy_tokens(s, a))) return NULL;
        tk[v].head = 0;
        tk[v].deprel = "root";
        tk[r].head = v + 1;
        tk[r].deprel = "nsubj";
        tk[sub].head = r + 1;
        tk[sub].deprel = "appos";
        for (int k = lo + 1; k < v - 1; k++)
            if (k != sub && tk[k].head == v + 1) tk[k].head = sub + 1;
        for (int k = v + 1; k < n; k++)
            if (tk[k].head == r + 1) tk[k].head = v + 1;   /* the final stop */
    }
    /* "Saudi Arabia froze trade": a verb whose lemma is its form */
    for (int v = 0; v < n; v++) {
        const rl_token *base = tk ? tk : s->tokens;
        if (!tok_upos(&base[v], "VERB")) continue;
        const char *lemma = verb_lemma(res, a, &base[v]);
        if (!lemma) continue;
        if (!tk && !(tk = copy_tokens(s, a))) return NULL;
        tk[v].lemma = lemma;
    }
    if (!tk) return s;
    rl_sentence *c = rl_arena_calloc(a, 1, sizeof *c);
    if (!c) return NULL;
    *c = *s;
    c->tokens = tk;
    return c;
}

static bool sentence_discarded(const sent_ctx *sc, bool *story) {
    const rl_dicts *d = sc->res ? sc->res->dicts : NULL;
    if (!d) return false;
    const rl_tree *t = &sc->t;
    for (int i = 0; i < t->n; i++) {
        size_t m = 0;
        bool st = false;
        if (rl_dict_match_discard(d, t->uform + i, (size_t)(t->n - i), &m, &st)) {
            *story = st;
            return true;
        }
    }
    return false;
}

static bool mention_head(const rl_tree *t, int i) {
    if (!(rl_tree_upos(t, i, "NOUN") || rl_tree_upos(t, i, "PROPN"))) return false;
    return !(rl_tree_rel(t, i, "compound") || rl_tree_rel(t, i, "flat") ||
             rl_tree_rel(t, i, "amod") || rl_tree_rel(t, i, "nmod:poss") ||
             rl_tree_rel(t, i, "appos") || rl_tree_rel(t, i, "fixed"));
}

/* The actors this sentence names, by head token, so that a pronoun can take the nearest
 * one before it ("Trump said he ..."; "They discussed Syria" is not Syria). */
static int find_mentions(sent_ctx *sc, rl_arena *a) {
    const rl_tree *t = &sc->t;
    const char **code = rl_arena_calloc(a, (size_t)t->n + 1, sizeof(char *));
    bool *person = rl_arena_calloc(a, (size_t)t->n + 1, sizeof(bool));
    bool *plural = rl_arena_calloc(a, (size_t)t->n + 1, sizeof(bool));
    if (!code || !person || !plural) return -1;
    rl_actor_ctx ac = sc->actx, oc;
    ac.remember = false;
    /* owners see the mentions before them, so "the president's" after "in Colombo"
     * takes that country here as it does when the event is coded */
    oc = ac;
    oc.mention_code = code;
    oc.mention_person = person;
    oc.mention_plural = plural;
    for (int i = 0; i < t->n; i++) {
        rl_actor x;
        /* "stormed the president's residence and demanded his resignation": a person
         * named by a role as an owner is someone "he" and "his" can stand for (a
         * name's possessive may be a party's or a firm's: "Labour's") */
        bool owner = rl_tree_rel(t, i, "nmod:poss") && rl_tree_upos(t, i, "NOUN") &&
                     rl_person_role(t->ulemma[i]);
        if ((mention_head(t, i) && rl_actor_resolve1(&ac, i, &x)) ||
            (owner && rl_actor_resolve1(&oc, i, &x) && x.person)) {
            code[i] = x.code;
            person[i] = x.person;
            plural[i] = rl_tree_plural(t, i);
        }
    }
    sc->actx.mention_code = code;
    sc->actx.mention_person = person;
    sc->actx.mention_plural = plural;
    return 0;
}

static void note_group(rl_docres *dr, const rl_actor *g, int n) {
    const char *codes[RL_DOCRES_GROUP];
    for (int i = 0; i < n && i < RL_DOCRES_GROUP; i++) codes[i] = g[i].code;
    rl_docres_group_set(dr, codes, n < RL_DOCRES_GROUP ? n : RL_DOCRES_GROUP);
}

/* Resolves every nominal once, in order, so the document remembers who is who for the
 * sentences that follow. */
static void note_mentions(sent_ctx *sc) {
    const rl_tree *t = &sc->t;
    rl_actor_ctx ac = sc->actx;
    ac.remember = true;
    for (int i = 0; i < t->n; i++) {
        rl_actor x;
        if (!mention_head(t, i)) continue;
        /* actors named together ("Vietnam and the Philippines", "the American and
         * Russian presidents") are what a later "both governments" or "they" means;
         * a phrase that stands for such a group ("the two armies") renews it */
        rl_actor g[RL_DOCRES_GROUP];
        rl_actor_ctx gc = sc->actx;
        gc.remember = false;
        int ng = rl_actors_resolve(&gc, i, g, RL_DOCRES_GROUP);
        bool reference = ng >= 2 && g[0].head == g[1].head;
        if (!reference) (void)rl_actor_resolve1(&ac, i, &x);
        if (ng >= 2 && strcmp(g[0].code, g[1].code) != 0) note_group(sc->dr, g, ng);
    }
}

/* The speaker of "X said:" — the subject of the sentence's main say verb. */
static const char *introducer(sent_ctx *sc, const char **text) {
    const rl_tree *t = &sc->t;
    for (int i = 0; i < t->n; i++) {
        if (rl_tree_head(t, i) >= 0 || !(class_of(t, i) == CL_SAY || say_like(t, i))) continue;
        int s = subject_of(t, i, 0);
        rl_actor x;
        rl_actor_ctx ac = sc->actx;
        ac.remember = false;
        if (s >= 0 && rl_actor_resolve1(&ac, s, &x)) {
            *text = x.text;
            return x.code;
        }
    }
    return NULL;
}

static bool same_opt(const char *x, const char *y) {
    return x == y || (x && y && strcmp(x, y) == 0);
}

/* A headline sums up the story, so an event it codes that the body codes again (same
 * source, target and code: "Vietnam and the Philippines agree to talks" over "… agreed on
 * Wednesday to hold talks …") is one event, not two. The body's copy stays: it has the
 * full sentence and usually the resolved date. */
static void drop_headline_repeats(const rl_document *doc, out_list *o) {
    size_t w = 0;
    for (size_t i = 0; i < o->n; i++) {
        const rl_event *e = &o->ev[i];
        bool repeat = false;
        if (doc->sentences[e->sentence_index].kind == RL_SENT_HEADLINE)
            for (size_t j = 0; j < o->n && !repeat; j++) {
                const rl_event *b = &o->ev[j];
                repeat = doc->sentences[b->sentence_index].kind == RL_SENT_BODY &&
                         strcmp(b->code, e->code) == 0 && strcmp(b->source, e->source) == 0 &&
                         same_opt(b->target, e->target);
            }
        if (!repeat) o->ev[w++] = *e;
    }
    o->n = w;
}

int rl_code_annotated(const rl_resources *res, const rl_document *doc,
                      const rl_code_options *opts, rl_event **out, size_t *nout,
                      rl_error *err) {
    rl_code_options defaults = {0};
    if (!opts) opts = &defaults;
    *out = NULL;
    *nout = 0;
    rl_arena *a = doc->arena;
    out_list list = {0};
    rl_docres *dr = rl_docres_new(a);
    if (!dr) goto oom;
    int32_t pub = rl_date_parse(doc->date);
    const char *speaker = NULL, *speaker_text = NULL;
    bool prev_introduces = false;

    for (int si = 0; si < doc->nsentences; si++) {
        const rl_sentence *s = &doc->sentences[si];
        bool body = s->kind == RL_SENT_BODY || s->kind == RL_SENT_HEADLINE;
        if (!body || s->ntokens == 0) { prev_introduces = false; continue; }
        sent_ctx sc;
        memset(&sc, 0, sizeof sc);
        sc.res = res;
        sc.doc = doc;
        sc.opts = opts;
        sc.dr = dr;
        sc.index = si;
        sc.pub = pub;
        sc.out = &list;
        rl_docres_next_sentence(dr);
        const rl_sentence *rs = repair_parse(s, a, res);
        if (!rs || rl_tree_init(&sc.t, rs, a) != 0) goto oom;
        sc.text = s->end > s->start && doc->text
                      ? rl_arena_strndup(a, doc->text + s->start, s->end - s->start)
                      : rl_tree_text(&sc.t, a, 0, s->ntokens - 1);
        if (!sc.text) goto oom;
        sc.actx.dicts = res ? res->dicts : NULL;
        sc.actx.t = &sc.t;
        sc.actx.doc = dr;
        sc.actx.date = pub;
        sc.actx.arena = a;
        if (rl_actor_ctx_scratch(&sc.actx) != 0) goto oom;

        /* a quotation continues the speaker of "X said:" or an open quote */
        if (!(prev_introduces || s->in_quote)) speaker = NULL;
        sc.quote_speaker = speaker;
        sc.quote_speaker_text = speaker_text;
        sc.actx.speaker = speaker;

        bool story = false;
        if (sentence_discarded(&sc, &story)) {
            if (story) { list.n = 0; break; }
            prev_introduces = false;
            continue;
        }
        if (find_mentions(&sc, a) != 0) goto oom;
        /* "X said:" / "X told a news conference:" — the next sentence is X's */
        bool intro = s->introduces_quote ||
                     (s->ntokens > 1 && strcmp(s->tokens[s->ntokens - 1].form, ":") == 0);
        if (intro) {
            const char *who = introducer(&sc, &speaker_text);
            intro = who != NULL;
            if (who) speaker = who;
        }
        prev_introduces = intro;

        int n = s->ntokens;
        rl_pred_match *match = rl_arena_calloc(a, (size_t)n, sizeof *match);
        bool *has = rl_arena_calloc(a, (size_t)n, sizeof(bool));
        bool *skip = rl_arena_calloc(a, (size_t)n, sizeof(bool));
        bool *absorbed = rl_arena_calloc(a, (size_t)n, sizeof(bool));
        if (!match || !has || !skip || !absorbed) goto oom;
        for (int p = 0; p < n; p++) {
            has[p] = rl_match_predicate(sc.actx.dicts, &sc.t, p, &match[p]);
            if (!has[p] || rl_code_is_null(match[p].code.code))
                has[p] = class_fallback(&sc.t, p, &match[p]) || must_fallback(&sc.t, p, &match[p]) ||
                         has[p];
        }
        sc.match = match;
        sc.has = has;
        for (int p = 0; p < n; p++) {
            if (!has[p]) continue;
            /* a noun the pattern spelled out is covered by it; a verb keeps its own
             * event, which the combination table reads through the governor */
            for (int k = 0; k < match[p].nconsumed; k++) {
                int q = match[p].consumed[k];
                if (q != p && rl_tree_upos(&sc.t, q, "NOUN")) skip[q] = true;
                /* "tried to ASSASSINATE": an infinitive the pattern of a plain verb
                 * spelled out is part of that verb's event */
                if (q != p && rl_tree_rel(&sc.t, q, "xcomp") && rl_tree_head(&sc.t, q) == p &&
                    class_of(&sc.t, p) == CL_NONE)
                    skip[q] = true;
            }
            if (is_if_clause(&sc.t, p)) skip[p] = true;   /* hypothetical: see emit_condition */
            /* "a missile strike on Erbil killed four civilians": the killing counts
             * the strike's casualties (C5), it is not a second act */
            int kv = rl_casualty_verb(&sc.t, p, match[p].code.code);
            if (kv >= 0) skip[kv] = true;
            /* "bombed the town, killing dozens": the consequence belongs to the main
             * event */
            int h = rl_tree_head(&sc.t, p);
            /* "dropped chlorine-filled bombs …, killing": the consequence may hang on
             * an uncoded xcomp of the act */
            while (h >= 0 && !has[h] && rl_tree_rel(&sc.t, h, "xcomp")) h = rl_tree_head(&sc.t, h);
            size_t fl = strlen(sc.t.uform[p]);
            if (h >= 0 && has[h] && rl_tree_rel(&sc.t, p, "advcl") && fl > 4 &&
                strcmp(sc.t.uform[p] + fl - 3, "ING") == 0 &&
                rl_tree_child(&sc.t, p, "nsubj") < 0 && rl_tree_child(&sc.t, p, "mark") < 0)
                skip[p] = true;
            /* "went on strike to protest the law": the purpose of a coded act is not
             * another act (under an appeal or intent verb it is the act asked for) */
            int mk = rl_tree_child(&sc.t, p, "mark");
            if (h >= 0 && has[h] && rl_tree_rel(&sc.t, p, "advcl") && mk >= 0 &&
                strcmp(sc.t.uform[mk], "TO") == 0 &&
                (class_of(&sc.t, h) == CL_NONE || class_of(&sc.t, h) == CL_LIGHT)) {
                skip[p] = true;
                /* "… to protest their detention by Israel": what is protested is the
                 * protest's aim, not an act reported in its own right */
                int po = rl_protest_object(&sc.t, p);
                if (po >= 0) skip[po] = true;
            }
        }
        /* what an accusation alleges ("accused Iran of attacking ...") is not an act
         * in its own right: it only picks the accusation's subcode */
        for (int p = 0; p < n; p++) {
            /* nor is what a denial denies ("denied that its aircraft had bombed …") */
            if (!has[p]) continue;
            bool deny = strcmp(match[p].code.code, "016") == 0 && rl_denial_verb(sc.t.ulemma[p]);
            if (strncmp(match[p].code.code, "112", 3) != 0 && !deny) continue;
            for (int q = p + 1; q < n; q++)
                if (has[q] && (deny ? rl_denial_covers(&sc.t, p, q)
                                    : rl_tree_dominates(&sc.t, p, q)))
                    skip[q] = true;
        }
        mark_absorbed(&sc, absorbed, skip);
        for (int p = 0; p < n; p++) {
            if (!has[p] || skip[p] || absorbed[p]) continue;
            if (code_predicate(&sc, p) != 0) goto oom;
        }
        note_mentions(&sc);
    }
    drop_headline_repeats(doc, &list);
    *out = list.ev;
    *nout = list.n;
    return (int)list.n;
oom:
    rl_error_set(err, RL_ERR_MEMORY, doc->origin ? doc->origin : "", doc->record,
                 "out of memory while coding");
    return -1;
}
