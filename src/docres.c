/* docres.c — document memory: people, the last actor, the quote speaker, relative dates. */
#include "docres.h"

#include <stdio.h>
#include <string.h>

/* People are few per article; a small fixed list keeps lookups trivial. When it fills,
 * the oldest entries are overwritten (later mentions matter more). */
#define MAX_PEOPLE 64

typedef struct person {
    const char *surname, *code, *role;
} person;

/* Roles of non-person actors: kept apart from people, whom he/she and "his guest"
 * look up. */
#define MAX_BODIES 32

struct rl_docres {
    person people[MAX_PEOPLE];
    int npeople;            /* total ever added; slot = i % MAX_PEOPLE */
    const char *last_person;
    const char *last_actor, *last_plural;
    const char *last_body;                /* the last actor more than a country */
    const char *group[RL_DOCRES_GROUP];   /* the last actors named together */
    int ngroup;
    unsigned seq, plural_seq, group_seq;  /* mention order: which came last */
    int sentence, group_sentence;         /* sentences begun so far; the group's */
    int actor_sentence, plural_sentence;  /* where last_actor, last_plural were named */
    char last_country[4];
    const char *speaker;
    person bodies[MAX_BODIES];   /* code and role only; slot = i % MAX_BODIES */
    int nbodies;
};

/* Codes that begin with a state: three upper-case letters not used as a sector prefix. */
bool rl_code_country(const char *code, char out[4]) {
    static const char *const sectors[] = {"IGO", "NGO", "MNC", "UAF", "REB", "INS", "SPY",
                                          "CVL", "BUS", "MED", "REL", "ELI", "OPP", "GOV",
                                          "MIL", "COP", "JUD", "LEG", "PTY", "EDU", "LAB",
                                          "HLH", "HRI", "AGR", "ENV", "REF", "CRM", "SEP",
                                          "NGM", "IMG", "JEW", "MUS", "CHR", "BUD", NULL};
    if (!code || strlen(code) < 3) return false;
    for (int i = 0; i < 3; i++)
        if (code[i] < 'A' || code[i] > 'Z') return false;
    for (int i = 0; sectors[i]; i++)
        if (strncmp(code, sectors[i], 3) == 0) return false;
    memcpy(out, code, 3);
    out[3] = '\0';
    return true;
}

static void note_country(rl_docres *r, const char *code) {
    char cc[4];
    if (rl_code_country(code, cc)) memcpy(r->last_country, cc, sizeof cc);
}

const char *rl_docres_last_country(const rl_docres *r) {
    return r && r->last_country[0] ? r->last_country : NULL;
}

rl_docres *rl_docres_new(rl_arena *a) {
    return rl_arena_calloc(a, 1, sizeof(rl_docres));
}

void rl_docres_person_add(rl_docres *r, const char *surname, const char *code,
                          const char *role) {
    if (!r || !code) return;
    r->last_person = code;
    note_country(r, code);
    if (!surname && !role) return;
    person *p = &r->people[r->npeople % MAX_PEOPLE];
    p->surname = surname;
    p->code = code;
    p->role = role;
    r->npeople++;
}

/* The index of the oldest person still held. */
static int oldest(const rl_docres *r) {
    return r->npeople > MAX_PEOPLE ? r->npeople - MAX_PEOPLE : 0;
}

const char *rl_docres_person(const rl_docres *r, const char *surname) {
    if (!r || !surname) return NULL;
    for (int i = r->npeople - 1; i >= oldest(r); i--) {
        const person *p = &r->people[i % MAX_PEOPLE];
        if (p->surname && strcmp(p->surname, surname) == 0) return p->code;
    }
    return NULL;
}

const char *rl_docres_last_person(const rl_docres *r) {
    return r ? r->last_person : NULL;
}

const char *rl_docres_other_person(const rl_docres *r, const char *code) {
    if (!r) return NULL;
    for (int i = r->npeople - 1; i >= oldest(r); i--) {
        const person *p = &r->people[i % MAX_PEOPLE];
        if (p->code && (!code || strcmp(p->code, code) != 0)) return p->code;
    }
    return NULL;
}

const char *rl_docres_role(const rl_docres *r, const char *role) {
    if (!r || !role) return NULL;
    for (int i = r->npeople - 1; i >= oldest(r); i--) {
        const person *p = &r->people[i % MAX_PEOPLE];
        if (p->role && strcmp(p->role, role) == 0) return p->code;
    }
    return NULL;
}

/* An organisation or group rather than a state or one of its branches: "Hamas"
 * (PSEREBHMS), "the EU" (IGOEUREEC), not IRNGOV or IRN. */
static bool body_code(const char *code) {
    static const char *const state[] = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI", NULL};
    char cc[4];
    size_t n = strlen(code);
    if (n <= 3) return false;
    if (!rl_code_country(code, cc)) return true;   /* IGO..., NGO... */
    for (int i = 0; state[i]; i++)
        if (strncmp(code + 3, state[i], 3) == 0) return false;
    return true;
}

void rl_docres_actor_add(rl_docres *r, const char *code, bool plural) {
    if (r && code) {
        r->last_actor = code;
        r->actor_sentence = r->sentence;
        if (body_code(code)) r->last_body = code;
        if (plural) {
            r->last_plural = code;
            r->plural_seq = ++r->seq;
            r->plural_sentence = r->sentence;
        }
        note_country(r, code);
    }
}

void rl_docres_body_role_add(rl_docres *r, const char *code, const char *role) {
    /* not the state and its branches: "the government" stays the story's country's */
    if (!r || !code || !role || !body_code(code)) return;
    person *p = &r->bodies[r->nbodies % MAX_BODIES];
    p->surname = NULL;
    p->code = code;
    p->role = role;
    r->nbodies++;
}

const char *rl_docres_body_role(const rl_docres *r, const char *role) {
    if (!r || !role) return NULL;
    int lo = r->nbodies > MAX_BODIES ? r->nbodies - MAX_BODIES : 0;
    for (int i = r->nbodies - 1; i >= lo; i--) {
        const person *p = &r->bodies[i % MAX_BODIES];
        if (strcmp(p->role, role) == 0) return p->code;
    }
    return NULL;
}

const char *rl_docres_last_body(const rl_docres *r) {
    return r ? r->last_body : NULL;
}

void rl_docres_group_set(rl_docres *r, const char *const *codes, int n) {
    if (!r || n < 2) return;
    if (n > RL_DOCRES_GROUP) n = RL_DOCRES_GROUP;
    for (int i = 0; i < n; i++) r->group[i] = codes[i];
    r->ngroup = n;
    r->group_seq = ++r->seq;
    r->group_sentence = r->sentence;
}

void rl_docres_next_sentence(rl_docres *r) {
    if (r) r->sentence++;
}

int rl_docres_group(const rl_docres *r, const char **out, int max) {
    int n = 0;
    for (int i = 0; r && i < r->ngroup && n < max; i++) out[n++] = r->group[i];
    return n;
}

bool rl_docres_group_is_last(const rl_docres *r) {
    return r && r->ngroup && r->group_seq > r->plural_seq &&
           r->sentence - r->group_sentence <= 1;
}

const char *rl_docres_last_actor(const rl_docres *r, bool plural) {
    if (!r) return NULL;
    return plural && r->last_plural ? r->last_plural : r->last_actor;
}

/* News refers back with "it"/"they" to what the previous sentence named. An actor named
 * further back has usually been displaced by a company, a product or a figure the
 * dictionaries do not know ("Sales fell. It blamed the weather."), so guessing it codes
 * the wrong party; no antecedent is better than a stale one. */
const char *rl_docres_recent_actor(const rl_docres *r, bool plural) {
    if (!r) return NULL;
    if (plural && r->last_plural && r->sentence - r->plural_sentence <= 1)
        return r->last_plural;
    return r->last_actor && r->sentence - r->actor_sentence <= 1 ? r->last_actor : NULL;
}

void rl_docres_unknown_subject(rl_docres *r) {
    if (!r) return;
    r->last_person = NULL;
    r->last_actor = r->last_plural = NULL;
}

void rl_docres_set_speaker(rl_docres *r, const char *code) {
    if (r) r->speaker = code;
}

const char *rl_docres_speaker(const rl_docres *r) {
    return r ? r->speaker : NULL;
}

/* ---- relative dates ---- */

static const char *const weekdays[7] = {
    "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"
};

int32_t rl_date_relative(int32_t pub, const char *word, bool last) {
    if (!pub || !word) return 0;
    if (strcmp(word, "YESTERDAY") == 0) return rl_date_add(pub, -1);
    if (strcmp(word, "TODAY") == 0 || strcmp(word, "TONIGHT") == 0) return pub;
    for (int w = 0; w < 7; w++) {
        if (strcmp(word, weekdays[w]) != 0) continue;
        int back = (rl_date_weekday(pub) - w + 7) % 7;
        if (back == 0 && last) back = 7;
        return rl_date_add(pub, -back);
    }
    return 0;
}
