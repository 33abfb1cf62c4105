/*
 * docres.h — what the coder remembers across the sentences of one document.
 *
 * Sentence-level coders lose everything at a full stop; news does not. As sentences are
 * coded in order, docres keeps:
 *   - people met so far: their surname, code and role word ("Mahmoud Vaezi, the head of
 *     Iran's presidential office" → VAEZI = IRNGOV, role HEAD), so later "Vaezi", "he",
 *     "his country" and "the head of the office" resolve;
 *   - the most recent non-person actor, for "it"/"its";
 *   - the speaker of an open quotation ("X said:" + next sentence), whose code first-person
 *     pronouns inside the quote take;
 * and it turns relative dates ("Wednesday", "last Sunday", "yesterday") into calendar dates
 * from the publication date. Everything lives in the document's arena.
 */
#ifndef RL_DOCRES_H
#define RL_DOCRES_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "date.h"

typedef struct rl_docres rl_docres;

rl_docres *rl_docres_new(rl_arena *a);

/* Remembers a person (surname upper-cased, may be NULL) with a code and a role word
 * (upper-cased head noun of the role, "MINISTER"; may be NULL). */
void rl_docres_person_add(rl_docres *r, const char *surname, const char *code,
                          const char *role);
/* The code of a person met earlier under this surname, or NULL. */
const char *rl_docres_person(const rl_docres *r, const char *surname);
/* The most recent person's code ("he", "she"), or NULL. */
const char *rl_docres_last_person(const rl_docres *r);
/* The most recent person whose code is not code ("his guest", "her dear friend": someone
 * other than the host), or NULL. */
const char *rl_docres_other_person(const rl_docres *r, const char *code);
/* The most recent person whose role word is role ("the president"), or NULL. */
const char *rl_docres_role(const rl_docres *r, const char *role);

/* Notes a non-person actor mention (for "it", "they"); plural is true for plural nouns.
 * rl_docres_last_actor gives the most recent one, preferring plural mentions when
 * plural is asked for ("they"), or NULL. */
void rl_docres_actor_add(rl_docres *r, const char *code, bool plural);
/* Groups and bodies named with a role noun ("the ELN rebels" → COLINS, role REBEL):
 * "the rebels" later in the story is that group, not the rebels of the last country
 * named. Only bodies that are not the state or one of its branches (not GOV, MIL, …).
 * rl_docres_body_role returns the latest with that role, or NULL. */
void rl_docres_body_role_add(rl_docres *r, const char *code, const char *role);
const char *rl_docres_body_role(const rl_docres *r, const char *role);
const char *rl_docres_last_actor(const rl_docres *r, bool plural);
/* As rl_docres_last_actor, but only an actor named in this sentence or the one before
 * (what "it"/"they" may stand for), else NULL. */
const char *rl_docres_recent_actor(const rl_docres *r, bool plural);
/* A subject named with a proper name no dictionary knows ("Acme Bank admitted ...",
 * "Jones opened a shop"): it is what a following "he", "it" or "they" most likely
 * means, so the earlier actors stop being candidates. */
void rl_docres_unknown_subject(rl_docres *r);
/* The last non-person actor that is more than a bare country ("Hamas", "the EU"), which
 * "the group" or "the organisation" stands for; NULL if none. */
const char *rl_docres_last_body(const rl_docres *r);

/* The last actors named together ("Vietnam and the Philippines", "X hosted her Nigerian
 * counterpart"), which "both governments", "the two ministers" and "they" may stand for
 * later. rl_docres_group copies up to max of them into out and returns how many;
 * rl_docres_group_is_last tells whether "they" may mean the group: it came after the
 * last plural actor, in this sentence or the one before (rl_docres_next_sentence counts
 * the sentences as the coder reads them). */
#define RL_DOCRES_GROUP 4
void rl_docres_group_set(rl_docres *r, const char *const *codes, int n);
int rl_docres_group(const rl_docres *r, const char **out, int max);
bool rl_docres_group_is_last(const rl_docres *r);
void rl_docres_next_sentence(rl_docres *r);

/* The country of the most recent actor or person with one ("IRN" from IRNGOV; IGO, NGO
 * and other non-state prefixes do not count), or NULL. */
const char *rl_docres_last_country(const rl_docres *r);

/* The state an actor code starts with: copies "IRN" from "IRNGOV" into out and returns
 * true; false for sector prefixes (IGO, NGO, GOV, ...) and malformed codes. */
bool rl_code_country(const char *code, char out[4]);

/* The speaker of the quotation being read, or NULL. */
void rl_docres_set_speaker(rl_docres *r, const char *code);
const char *rl_docres_speaker(const rl_docres *r);

/* ---- dates (the calendar functions are in date.h) ---- */

/* The date a relative expression refers to, given the publication date: word is an
 * upper-cased token ("WEDNESDAY", "YESTERDAY", "TODAY"); last is true after "last".
 * A weekday is the most recent such day on or before publication ("last" excludes the
 * publication day itself). Returns 0 when word is not a relative date. */
int32_t rl_date_relative(int32_t pub, const char *word, bool last);

#endif
