/* common.h — shared helpers of the trainer (train/rltrain). */
#ifndef RL_TRAIN_COMMON_H
#define RL_TRAIN_COMMON_H

#include <stdint.h>
#include <stdio.h>

#include "treebank.h"

/* Deterministic generator (xorshift64*): the same seed gives the same models. */
static inline uint64_t rng_next(uint64_t *s) {
    *s ^= *s >> 12; *s ^= *s << 25; *s ^= *s >> 27;
    return *s * 0x2545f4914f6cdd1dull;
}
/* order[0..n) shuffled in place. */
void shuffle(int *order, int n, uint64_t *seed);
double now_seconds(void);
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);

/* String table builder for rl_strtab sections and deduplicated string blobs. */
typedef struct strbuf { char *b; size_t n, cap; } strbuf;
uint32_t strbuf_add(strbuf *s, const char *str);      /* offset of a copy */

/* tagger: trains on sents[0..n), tunes epochs on dev (if given), writes path.
 * Returns the epoch count used. With first_model, trains the second pass: first[s][i]
 * are first-pass classes of the training words (jackknifed), and the file written holds
 * first_model's weights as the first pass. *dev_acc (if given) gets the best dev UPOS. */
int train_tagger(const rl_tb_sentence *sents, int n, const rl_treebank *dev, int epochs,
                 const char *path, uint64_t seed, const int *const *first, const char *first_model,
                 double *dev_acc);
/* Tags sentences with the model at path; xpos[i][j] points into the model (kept open). */
typedef struct tagged { const char ***xpos, ***upos; void *model; } tagged;
/* Class indices in the model ref_model of the given tags (free each row, then the array). */
int **tag_classes(const char *ref_model, const rl_tb_sentence *sents, int n,
                  const char *const *const *upos, const char *const *const *xpos);
void tag_with(const char *path, const rl_tb_sentence *sents, int n, tagged *out);
void tagged_free(tagged *t, int n);

void train_lemmatizer(const rl_treebank *train, const rl_treebank *dev, const char *path);

void train_parser(const rl_treebank *train, const char *const *const *train_xpos,
                  const rl_treebank *dev, const char *const *const *dev_xpos, int epochs,
                  const char *path, uint64_t seed);

#endif
