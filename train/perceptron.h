/* perceptron.h — an averaged perceptron over hashed features with sparse per-feature
 * class weights (training side only; the runtime reads the compact tables of
 * model_io.h). Averaging is lazy: each weight remembers when it last changed. */
#ifndef RL_PERCEPTRON_H
#define RL_PERCEPTRON_H

#include <stddef.h>
#include <stdint.h>

#include "model_io.h"

typedef struct pc_entry { uint32_t cls, ts; float w; double total; } pc_entry;
typedef struct pc_row { pc_entry *e; uint32_t n, cap; } pc_row;

typedef struct perceptron {
    int nclasses;
    uint64_t *keys;       /* open addressing; 0 = empty */
    uint32_t *rowid;
    size_t slots, used;
    pc_row *rows;
    size_t nrows, rowcap;
    uint32_t now;         /* number of updates so far (the averaging clock) */
} perceptron;

int pc_init(perceptron *p, int nclasses);
void pc_free(perceptron *p);
/* scores[c] += weights of the features (current, not averaged). */
void pc_score(const perceptron *p, const uint64_t *f, int nf, float *scores);
/* Advance the averaging clock: once per training example. */
static inline void pc_tick(perceptron *p) { p->now++; }
/* One perceptron step: +1 to class good, -1 to class bad. -1 on out of memory. */
int pc_update(perceptron *p, const uint64_t *f, int nf, int good, int bad);
/* delta to class cls of every feature (the global, beam-search update). -1 on OOM. */
int pc_add(perceptron *p, const uint64_t *f, int nf, int cls, float delta);
/* Averaged weights as triples sorted by hash, dropping |w| < min_abs. malloc'd. */
rl_weight_triple *pc_export(const perceptron *p, float min_abs, size_t *n);

#endif
