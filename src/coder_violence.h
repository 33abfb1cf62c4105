/* coder_violence.h — protest, force and mass-violence refinements of a coded event.
 *
 * The verb dictionary gives a force or protest event its code from the verb and its
 * object; what CAMEO distinguishes beyond that is often elsewhere in the clause: the
 * weapon (a subject "drones", an instrument "missiles": 194 vs 195 vs 1952), the people
 * a result clause names as hurt ("…, killing twenty cadets": the target, guideline
 * C5), what a protest is against ("against the pension reform": 14x2 aimed at the
 * government, guideline T2). These functions read the dependency tree of one sentence
 * around predicate p and adjust the draft event; src/coder.c calls them before it
 * emits the event. */
#ifndef RL_CODER_VIOLENCE_H
#define RL_CODER_VIOLENCE_H

#include <stdbool.h>
#include "actors.h"

typedef struct rl_force_draft {
    const char *code;       /* in: the code so far; out: the refined code */
    int src, tgt;           /* tokens (or -1); tgt may be replaced */
    const char *tgt_code;   /* out: a target with no token of its own, or NULL */
    const char *tgt_text;
    const char *src_role;   /* out: a role a bare-country source takes ("MIL"), or NULL */
} rl_force_draft;

/* Refines d for the predicate p of the sentence in ac->t (codes outside roots 14 and
 * 18-20 are left alone). ac resolves actors; nothing is remembered. Strings are
 * allocated in ac->arena. */
void rl_force_refine(const rl_actor_ctx *ac, int p, rl_force_draft *d);

/* "X hosted her Nigerian counterpart" where X is a defence or trade minister: the
 * counterpart holds the same portfolio, so a bare GOV target takes the source's field
 * (NGAGOV → NGAGOVBUS). Returns tgt, or the widened code in a. */
const char *rl_counterpart_code(rl_arena *a, const char *src, const char *tgt);

/* Whether a verb (upper-case lemma) denies: what it denies ("denied that its aircraft
 * had bombed …") is not coded as having happened (guideline S1). */
bool rl_denial_verb(const char *ulemma);

/* Whether q is inside what denial p denies: its clausal complement or its object
 * ("denied reports it was withdrawing"), not a clause merely coordinated with it. */
bool rl_denial_covers(const rl_tree *t, int p, int q);

/* "A missile strike on Erbil killed four civilians": the verb that counts the
 * casualties of the force event noun p (coded `code`), or -1. */
int rl_casualty_verb(const rl_tree *t, int p, const char *code);

/* The object of a protest verb ("to protest the detention"), or -1. */
int rl_protest_object(const rl_tree *t, int p);

#endif
