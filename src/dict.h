/*
 * dict.h — dictionaries in memory: actors, agents, discards and verb patterns, read from
 * PETRARCH-2 / Phoenix format files (see docs/dictionaries.md) and queried by the coder.
 *
 * Loaded once, immutable afterwards, shared by threads. All words are stored upper-case
 * (as in the files); callers pass upper-cased token forms or lemmas. Every entry keeps the
 * file and line it came from, so an event can name the rule that fired.
 *
 * redline extensions to the verb format (documented in docs/dictionaries.md):
 *   - a word line in a verb block starting with '@' (e.g. "@TALKS") is an event noun:
 *     the block's patterns then apply to the noun as predicate ("talks with X");
 *   - a code may carry a negated alternative, "[036|125]": the first code when the
 *     predicate is affirmed, the second when it is negated ("will not negotiate").
 *     Without "|", a negated predicate produces no event from that entry.
 */
#ifndef RL_DICT_H
#define RL_DICT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redline.h"

typedef struct rl_dicts rl_dicts;

/* Loads the dictionaries named in paths (NULL fields: the defaults in data_dir/dict).
 * Malformed lines are reported through warn ("file:line: reason") and skipped; only an
 * unreadable file is fatal. */
rl_dicts *rl_dicts_open(const rl_resource_paths *paths, const char *data_dir,
                        void (*warn)(void *ctx, const rl_error *w), void *warn_ctx,
                        rl_error *err);
void rl_dicts_close(rl_dicts *d);

/* ---- codes ---- */

/* A code as written in brackets: "036", "---" (null code), "" (absent). */
typedef struct rl_code_pair {
    char code[8];       /* affirmed */
    char code2[8];      /* second code of "[a:b]" or "" */
    char negated[8];    /* redline extension "[a|n]", or "" */
} rl_code_pair;

/* ---- actors and agents ---- */

typedef struct rl_dated_code {
    const char *code;
    int32_t from, to;   /* YYYYMMDD, inclusive; 0 = open-ended */
} rl_dated_code;

typedef struct rl_actor_entry {
    const char *phrase;          /* primary phrase, words joined by ' ' */
    const char *default_code;    /* code with no date restriction, or NULL */
    const rl_dated_code *ranges;
    size_t nranges;
    const char *file;
    int line;
    const int *range_lines;      /* the file line of each range (for dict check) */
} rl_actor_entry;

/* The longest actor phrase that starts at words[0] (n words available). Returns NULL if
 * none; *matched = number of words consumed. */
const rl_actor_entry *rl_dict_match_actor(const rl_dicts *d, const char *const *words,
                                          size_t n, size_t *matched);
/* The entry's code on a date (YYYYMMDD; 0 = unknown date → default code, else the most
 * recent range). NULL = null code. */
const char *rl_actor_code_on(const rl_actor_entry *e, int32_t yyyymmdd);

typedef struct rl_agent_entry {
    const char *phrase;
    const char *code;      /* "GOV", "MIL", ... (without '~') */
    bool prefix;           /* "NGO~" style: goes before the country code */
    const char *file;
    int line;
} rl_agent_entry;

const rl_agent_entry *rl_dict_match_agent(const rl_dicts *d, const char *const *words,
                                          size_t n, size_t *matched);

/* Discard phrases: a sentence (or, if *story_level, the whole story) is not coded. */
bool rl_dict_match_discard(const rl_dicts *d, const char *const *words, size_t n,
                           size_t *matched, bool *story_level);

/* ---- verbs ---- */

typedef struct rl_synset {
    const char *name;                /* "&WEAPON" */
    const char *const *phrases;      /* words joined by ' ' (plurals expanded) */
    size_t nphrases;
} rl_synset;

typedef enum rl_pattern_word_kind {
    RL_PW_WORD,        /* a literal word (upper case) */
    RL_PW_SYNSET,      /* &NAME */
    RL_PW_SOURCE,      /* $ */
    RL_PW_TARGET,      /* + */
    RL_PW_COMPOUND,    /* % */
    RL_PW_SKIP         /* ^ */
} rl_pattern_word_kind;

typedef struct rl_pattern_word {
    rl_pattern_word_kind kind;
    const char *word;             /* RL_PW_WORD */
    const rl_synset *synset;      /* RL_PW_SYNSET */
} rl_pattern_word;

/* A noun phrase in a pattern: "{FINANCIAL AID}" is words FINANCIAL, AID; the last word
 * is the head. A bare "AID" is one word. */
typedef struct rl_pattern_np {
    const rl_pattern_word *words;
    size_t nwords;
} rl_pattern_np;

/* One element of a pattern: a noun phrase, or a prepositional phrase "(PREP NP)" whose NP
 * may be empty ("(WITH)"). */
typedef struct rl_pattern_slot {
    bool is_pp;
    const char *prep;             /* upper case, for PPs */
    rl_pattern_np np;
} rl_pattern_slot;

typedef struct rl_verb_pattern {
    const rl_pattern_slot *pre;   /* before '*' */
    size_t npre;
    const rl_pattern_slot *post;  /* after '*' */
    size_t npost;
    rl_code_pair code;
    const char *text;             /* the pattern as written, for provenance */
    const char *file;
    int line;
} rl_verb_pattern;

typedef struct rl_verb_block {
    const char *name;             /* from "--- NAME [code] ---" */
    rl_code_pair code;
    const rl_verb_pattern *patterns;
    size_t npatterns;
    const char *file;
    int line;
} rl_verb_block;

typedef struct rl_verb_entry {
    const char *lemma;            /* the verb (or event noun) word, upper case: "ASK" */
    const char *const *before;    /* words that must precede it ("WIRE" in WIRE_+TAP) */
    size_t nbefore;
    const char *const *after;     /* particles that must follow ("FOR" in +ASK_FOR) */
    size_t nafter;
    bool is_noun;                 /* '@' extension */
    rl_code_pair code;            /* the word's own code, else the block's */
    const rl_verb_block *block;
    const char *file;
    int line;
} rl_verb_entry;

/* All entries whose lemma is `lemma` (upper case): multi-word entries first (longest
 * first), then the plain one. Returns the count; *out points into the dictionary. */
size_t rl_dict_verbs(const rl_dicts *d, const char *lemma, const rl_verb_entry *const **out);

/* A transformation line "~ a (a b VERB) SAY = a b 138", kept as parsed parts. */
typedef struct rl_transformation {
    const char *upper_source, *lower_source, *lower_target;  /* "a", "b", ".", "_" */
    const char *lower_verb;      /* verb word or code, "Q" = any */
    const char *upper_verb;
    const char *out_source, *out_target, *out_code;
    const char *file;
    int line;
} rl_transformation;

size_t rl_dict_transformations(const rl_dicts *d, const rl_transformation **out);

/* ---- checking and statistics (redline dict check / stats) ---- */

typedef struct rl_dict_stats {
    size_t actors, actor_phrases, dated_ranges, agents, discards;
    size_t synsets, verb_blocks, verbs, event_nouns, patterns, transformations;
    size_t patterns_by_root[21];  /* index 1..20 */
    size_t errors, duplicates, unknown_codes, unreachable_patterns;
    size_t warnings;              /* lines read, but not quite as written */
} rl_dict_stats;

void rl_dict_get_stats(const rl_dicts *d, rl_dict_stats *out);

/* ---- loading file by file (redline dict check / stats, tests) ----
 *
 * (The match and lookup functions above also accept mixed-case words: they upper-case
 * them as the files are upper-cased, Unicode-aware.)
 *
 * rl_dicts_open() is rl_dicts_new() + rl_dicts_load() per file + rl_dicts_finish().
 * Problems go to warn: err->status RL_ERR_FORMAT is an error (the line was skipped, or a
 * check failed), RL_OK a warning (the line was read, perhaps not as written). */

typedef enum rl_dict_kind {
    RL_DICT_UNKNOWN = 0, RL_DICT_VERBS, RL_DICT_ACTORS, RL_DICT_AGENTS, RL_DICT_DISCARDS
} rl_dict_kind;

const char *rl_dict_kind_name(rl_dict_kind k);        /* "verbs", "actors", ... */
rl_dict_kind rl_dict_kind_from_name(const char *s);   /* RL_DICT_UNKNOWN if none */
/* Guesses a file's kind from its name, else its content (verb blocks "--- X ---",
 * agent codes "[~X]", bracket-free lines = discards, otherwise actors). */
rl_dict_kind rl_dict_guess_kind(const char *path, const char *text, size_t len);

rl_dicts *rl_dicts_new(rl_error *err);
/* Reads one file into d (which must not be finished yet). Returns 0, or -1 with err
 * filled if the file cannot be read or memory runs out. */
int rl_dicts_load(rl_dicts *d, rl_dict_kind kind, const char *path,
                  void (*warn)(void *ctx, const rl_error *w), void *warn_ctx, rl_error *err);
/* The same for text in memory; name stands for the file in reports and provenance. */
int rl_dicts_load_memory(rl_dicts *d, rl_dict_kind kind, const char *name, const char *text,
                         size_t len, void (*warn)(void *ctx, const rl_error *w), void *warn_ctx,
                         rl_error *err);
/* Builds the lookup indexes; d is immutable afterwards. Returns 0 or -1. */
int rl_dicts_finish(rl_dicts *d, rl_error *err);

/* Consistency checks on a finished set: duplicates, unreachable patterns and verbs,
 * unknown CAMEO codes, inverted or overlapping date ranges, actors without a code
 * (invalid dates are reported while loading). Each problem goes to warn; counts are
 * added to *out (errors, warnings, duplicates, unknown_codes, unreachable_patterns).
 * Returns the number of errors found. */
size_t rl_dicts_check(const rl_dicts *d, void (*warn)(void *ctx, const rl_error *w),
                      void *warn_ctx, rl_dict_stats *out);

/* Synsets by name ("&WEAPON"), NULL if undefined. */
const rl_synset *rl_dict_synset(const rl_dicts *d, const char *name);

#endif
