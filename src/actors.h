/*
 * actors.h — from noun phrases on the dependency tree to CAMEO actor codes.
 *
 * An actor phrase is read from the "core" of a nominal: the head plus its compound,
 * flat, amod and possessive dependents (never relative clauses, appositions, conjuncts
 * or prepositional modifiers, so they cannot leak actors). The core's words run through
 * the actor and agent dictionaries; a country and an agent combine ("Iranian foreign
 * minister" → IRN + GOV). When the core names a role but no country, "of/for/from"
 * modifiers supply it ("a spokesperson for the Iranian mission at the United Nations" →
 * IRNGOV; "at"/"in" phrases are locations and are ignored). Names, pronouns and bare roles
 * that the dictionaries do not know are resolved through the document memory (docres.h).
 *
 * rl_tree is the per-sentence view both actors and patterns work on: children lists and
 * upper-cased forms and lemmas, built once per sentence in the document's arena.
 */
#ifndef RL_ACTORS_H
#define RL_ACTORS_H

#include <stdbool.h>
#include <stdint.h>

#include "document.h"
#include "dict.h"

struct rl_docres;

typedef struct rl_tree {
    const rl_sentence *s;
    int n;
    const int *kid_off;            /* children of i: kids[kid_off[i] .. kid_off[i+1]) */
    const int *kids;               /* in sentence order */
    const char *const *uform;      /* upper-cased form, typographic apostrophes folded */
    const char *const *ulemma;     /* upper-cased lemma (the form when there is none) */
} rl_tree;

/* Builds the view; 0 on success, -1 when out of memory. */
int rl_tree_init(rl_tree *t, const rl_sentence *s, rl_arena *a);

/* 0-based head of token i, -1 for the root (or an unset head). */
int rl_tree_head(const rl_tree *t, int i);
/* True when token i's relation is rel, or rel's subtype ("obl" matches "obl:tmod"). A rel
 * containing ':' must match exactly. */
bool rl_tree_rel(const rl_tree *t, int i, const char *rel);
/* The first child of i with relation rel (as rl_tree_rel), or -1. */
int rl_tree_child(const rl_tree *t, int i, const char *rel);
/* The upper-cased case marker ("WITH") of a nominal i, or NULL. */
const char *rl_tree_case(const rl_tree *t, int i);
/* Whether token i's UPOS is u. */
bool rl_tree_upos(const rl_tree *t, int i, const char *u);
/* Whether token i is a plural noun (tags, features, or an -s form of its lemma). */
bool rl_tree_plural(const rl_tree *t, int i);
/* Whether token a lies in the subtree of token b. */
bool rl_tree_dominates(const rl_tree *t, int b, int a);

/* Upper-cases UTF-8 text into the arena, folding ’ to '. */
char *rl_upper(rl_arena *a, const char *s);

typedef struct rl_actor {
    const char *code;      /* "IRNGOV" */
    const char *text;      /* the words it was read from */
    int head;              /* 0-based token index of the phrase head */
    const char *file;      /* dictionary entry that gave the code, or NULL */
    int line;
    bool person;           /* a person (remembered for pronouns) */
} rl_actor;

typedef struct rl_actor_ctx {
    const rl_dicts *dicts;
    const rl_tree *t;
    struct rl_docres *doc;  /* may be NULL */
    int32_t date;           /* YYYYMMDD or 0 */
    rl_arena *arena;
    const char *speaker;    /* actor code first-person pronouns stand for, or NULL */
    bool remember;          /* record people and actors met in doc */
    /* actors already mentioned in this sentence, by head token (NULL: none known); a
     * pronoun takes the nearest one before it, else the document memory */
    const char *const *mention_code;
    const bool *mention_person;
    const bool *mention_plural;
    /* the country a role with no country of its own falls back to (targets: the
     * source's, "police fired on protesters" is domestic), or NULL */
    const char *default_country;
    /* when swap is set, read token swap_in in place of the modifier swap_out ("American
     * and Indian troops" → "Indian troops") */
    bool swap;
    int swap_out, swap_in;
    /* optional scratch of t->n + 1 entries each, reused by every phrase of the sentence
     * (NULL: allocated per phrase) */
    char *scratch_mark, *scratch_used;
    const char **scratch_words;
    int *scratch_idx;
} rl_actor_ctx;

/* Allocates the scratch buffers of c for its tree; 0 or -1 when out of memory. */
int rl_actor_ctx_scratch(rl_actor_ctx *c);

/* Resolves the nominal headed by token head, and its conjuncts: writes up to max actors
 * and returns how many were found (0 = no known actor). */
int rl_actors_resolve(const rl_actor_ctx *c, int head, rl_actor *out, int max);

/* Whether an upper-cased lemma is a role held by one person ("PRESIDENT", "ENVOY"). */
bool rl_person_role(const char *lemma);

/* Resolves one nominal (no conjuncts). false if it names no known actor. */
bool rl_actor_resolve1(const rl_actor_ctx *c, int head, rl_actor *out);

/* The words of token range [from, to] joined by spaces (original forms). */
const char *rl_tree_text(const rl_tree *t, rl_arena *a, int from, int to);
/* The words of i's subtree (without a leading case marker or trailing punctuation). */
const char *rl_tree_subtree_text(const rl_tree *t, rl_arena *a, int i);

#endif
