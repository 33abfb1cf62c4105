/*
 * patterns.h — verb patterns matched on the dependency tree.
 *
 * A predicate is a verb (or an event noun, '@' entries) whose lemma has entries in the
 * verb dictionary. Multi-word entries are tried first: particles ("call off" via
 * compound:prt or the next word, "ask for" via an oblique's preposition) and preceding
 * words. Then every pattern of the entry's block is tried against the predicate's
 * dependents, not against word order:
 *   - a noun phrase after '*' matches a dependent (obj, iobj, xcomp, ccomp, obl, nmod,
 *     advmod, compound:prt) or an object of an xcomp/ccomp, whose lemma or form is the
 *     phrase's last word; the other words must appear in that dependent's subtree;
 *   - "(PREP NP)" matches an oblique or nominal modifier of the predicate, or of its
 *     object, whose case marker is PREP ("imposed sanctions on Russia");
 *   - words before '*' must appear before the predicate inside its clause;
 *   - '+' and '$' mark which dependent is the target or the source.
 * The pattern with the most matched words wins (ties: the earlier line); when none
 * matches, the verb's own code applies. A null code "---" means "no event".
 */
#ifndef RL_PATTERNS_H
#define RL_PATTERNS_H

#include "actors.h"
#include "dict.h"

#define RL_MAX_CONSUMED 4

typedef struct rl_pred_match {
    const rl_verb_entry *entry;
    const rl_verb_pattern *pattern;  /* NULL: the verb's own code */
    rl_code_pair code;
    int source;                      /* token marked '$', or -1 */
    int target;                      /* token marked '+', or -1 */
    int consumed[RL_MAX_CONSUMED];   /* nouns the pattern spelled out (their own noun
                                        events are covered by this one); -1 = none */
    int nconsumed;
    int score;
    int extra;                       /* last token of a multi-word verb (trigger end) */
    const char *file;                /* rule provenance */
    int line;
    const char *text;
} rl_pred_match;

/* Matches token p as a predicate. false if the dictionary has nothing for it. */
bool rl_match_predicate(const rl_dicts *d, const rl_tree *t, int p, rl_pred_match *m);

/* A code from a pair: code when affirmed, the negated alternative (or "") when not. */
bool rl_code_is_null(const char *code);

#endif
