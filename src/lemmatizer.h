/* lemmatizer.h — lemmas and morphological features from form and XPOS.
 *
 * 1. A lexicon learned from the treebank: (form, XPOS) -> lemma, features. Sentence-
 *    initial capitals fall back to the lowercased form.
 * 2. For unseen words, suffix edit rules learned from the treebank, keyed by (XPOS, the
 *    longest known suffix): strip N bytes, append a string. Proper nouns keep their case,
 *    everything else is lowercased first. For verbs and common nouns the rules of every
 *    suffix length and the regular English spellings (-ed, -ing, -s with e-restoration,
 *    consonant undoubling, y/ie) give candidates, and the candidate that is a known
 *    lemma of that word class (treebank, irregular lists, verb dictionary) wins; the
 *    longest suffix rule decides when none is known.
 * 3. Features of unseen words: the most frequent feature set of their XPOS. */
#ifndef RL_LEMMATIZER_H
#define RL_LEMMATIZER_H

#include <stdint.h>

#include "arena.h"
#include "document.h"
#include "model_io.h"

#define RL_LEMMA_KIND RL_FOURCC('L', 'E', 'M', 'M')
#define RL_LEMMA_SEC_LEXICON RL_FOURCC('L', 'E', 'X', 'I')
#define RL_LEMMA_SEC_RULES   RL_FOURCC('R', 'U', 'L', 'E')
#define RL_LEMMA_SEC_STRINGS RL_FOURCC('S', 'T', 'R', 'S')
/* Optional: known lemmas per word class, u32 slots, u32 0, slots x rl_known_entry. */
#define RL_LEMMA_SEC_KNOWN   RL_FOURCC('K', 'N', 'O', 'W')
#define RL_LEMMA_MAX_SUFFIX 7

/* Keys of the three kinds of entries (shared with the trainer). */
enum { RL_LEX_EXACT = 1, RL_LEX_LOWER = 2, RL_LEX_TAG = 3 };
uint64_t rl_lemma_lex_key(int kind, const char *form, size_t n, const char *xpos);
uint64_t rl_lemma_rule_key(const char *suffix, size_t n, const char *xpos);
/* Word class of an XPOS for the known-lemma table: 'V' verbs (VB*), 'N' common nouns
 * (NN, NNS), 0 for the rest (no candidates, the longest suffix rule alone). */
int rl_lemma_class(const char *xpos);
uint64_t rl_lemma_known_key(int cls, const char *lemma, size_t n);
/* Proper nouns (NNP, NNPS) keep their case. */
int rl_lemma_keeps_case(const char *xpos);

/* Table entry layouts (sections are u32 nslots, u32 0, then the entries). */
typedef struct rl_lex_entry { uint64_t key; uint32_t lemma, feats; } rl_lex_entry;   /* string offsets */
typedef struct rl_rule_entry { uint64_t key; uint32_t strip, append; } rl_rule_entry;
typedef struct rl_known_entry { uint64_t key; uint32_t count, pad; } rl_known_entry;   /* count >= 1 */

typedef struct rl_lemmatizer {
    rl_model_file file;
    uint32_t lex_slots, rule_slots, known_slots;   /* known_slots 0: no table */
    const rl_lex_entry *lex;
    const rl_rule_entry *rules;
    const rl_known_entry *known;
    const char *strings;
    size_t nstrings;
} rl_lemmatizer;

int rl_lemmatizer_open(rl_lemmatizer *l, const char *path, rl_error *err);
int rl_lemmatizer_from_memory(rl_lemmatizer *l, const void *data, size_t size, rl_error *err);
void rl_lemmatizer_close(rl_lemmatizer *l);
/* Sets lemma and feats of every token (xpos must be set); -1 on out of memory. */
int rl_lemmatizer_run(const rl_lemmatizer *l, rl_sentence *s, rl_arena *arena);
/* One word; the result is in the model or in arena. NULL on out of memory. */
const char *rl_lemmatize(const rl_lemmatizer *l, const char *form, const char *xpos,
                         const char **feats, rl_arena *arena);

#endif
