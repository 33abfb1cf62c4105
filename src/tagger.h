/* tagger.h — greedy left-to-right averaged-perceptron tagger over joint UPOS+XPOS tags,
 * in two passes: the second pass sees the first pass's tags of the words to the right.
 *
 * The feature extractor is shared with the trainer (train/), so that what is learned is
 * exactly what is scored. Features are 64-bit hashes; the model maps them to sparse
 * per-class weights (model_io.h). */
#ifndef RL_TAGGER_H
#define RL_TAGGER_H

#include <stdint.h>

#include "arena.h"
#include "document.h"
#include "model_io.h"

#define RL_TAGGER_KIND RL_FOURCC('T', 'A', 'G', 'R')
#define RL_TAG_MAX_FEATS 48
#define RL_TAG_FEATURE_SET 2   /* bump whenever rl_tag_features changes */

/* Per-sentence word information the features read; built once per sentence. */
typedef struct rl_tag_ctx {
    int n;
    uint64_t *lower, *exact, *shape, *pre1, *pre2, *pre3, *suf1, *suf2, *suf3, *suf4;
    uint8_t *flags;     /* bit 0 capitalised, 1 has digit, 2 has hyphen, 3 all caps */
    int *dict;          /* majority class from the tag dictionary, -1 if unknown */
    const int *first;   /* first-pass classes (second pass only), else NULL */
} rl_tag_ctx;

/* Fills ctx for forms[0..n) from arena; -1 on out of memory. ctx->dict is set to -1
 * everywhere; the caller fills it from its tag dictionary. */
int rl_tag_ctx_init(rl_tag_ctx *ctx, const char *const *forms, int n, rl_arena *arena);

/* Key of a form in the tag dictionary (the exact form). */
uint64_t rl_tag_dict_key(const char *form);

/* Features of position i given the two previous predicted classes (-1 = none); with
 * ctx->first set, also the first pass's classes of i, i+1 and i+2.
 * Writes at most RL_TAG_MAX_FEATS hashes; returns the count. */
int rl_tag_features(const rl_tag_ctx *ctx, int i, int p1, int p2, uint64_t *out);

/* ---- the loaded model ---------------------------------------------------------------- */

typedef struct rl_tagger {
    rl_model_file file;
    rl_weights wt;                 /* first pass */
    rl_weights wt2;                /* second pass, if two_pass */
    int two_pass;
    rl_strtab upos, xpos;          /* per class */
    uint32_t dict_slots;           /* tag dictionary: open addressing by key */
    const uint64_t *dict_key;      /* 0 = empty */
    const uint32_t *dict_val;      /* class | 0x80000000 if unambiguous */
} rl_tagger;

/* Section ids inside the tagger file. */
#define RL_TAG_SEC_WEIGHTS RL_FOURCC('W', 'G', 'H', 'T')
#define RL_TAG_SEC_WEIGHTS2 RL_FOURCC('W', 'G', 'H', '2')   /* optional second pass */
#define RL_TAG_SEC_UPOS    RL_FOURCC('U', 'P', 'O', 'S')
#define RL_TAG_SEC_XPOS    RL_FOURCC('X', 'P', 'O', 'S')
#define RL_TAG_SEC_DICT    RL_FOURCC('T', 'D', 'I', 'C')

int rl_tagger_open(rl_tagger *t, const char *path, rl_error *err);
int rl_tagger_from_memory(rl_tagger *t, const void *data, size_t size, rl_error *err);
void rl_tagger_close(rl_tagger *t);
/* Sets upos and xpos of every token; -1 on out of memory. */
int rl_tagger_tag(const rl_tagger *t, rl_sentence *s, rl_arena *arena);

#endif
