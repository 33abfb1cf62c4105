/* model_io.h — the binary container every model file uses, and the hashed sparse
 * weight tables inside it.
 *
 * A model file is a 64-byte header, a section table, and 8-byte aligned sections:
 *
 *     "RLMODEL\0"  u32 version  u32 kind  u64 file_size  u32 crc32(payload)
 *     u32 nsections  u32 endian_mark  u32 reserved ...
 *     nsections x { u32 id, u32 reserved, u64 offset, u64 size }
 *     sections
 *
 * The file is mapped read-only; sections are used in place (no copying, no parsing),
 * so loading is an mmap and a checksum pass. Every field is validated before use and
 * a bad file yields an error that names the file and says what is wrong with it. */
#ifndef RL_MODEL_IO_H
#define RL_MODEL_IO_H

#include <stddef.h>
#include <stdint.h>

#include "redline.h"

#define RL_MODEL_VERSION 2u
#define RL_FOURCC(a, b, c, d) \
    ((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16 | (uint32_t)(d) << 24)

typedef struct rl_model_file {
    char path[256];
    const uint8_t *base;    /* mapping of the whole file */
    size_t size;
    uint32_t kind;
    uint32_t nsections;
    const uint8_t *sections;   /* raw section table */
    int mapped;             /* base is our mmap (not a caller's buffer) */
} rl_model_file;

/* Maps path and validates header, size, checksum and section table. kind must match. */
int rl_model_file_open(rl_model_file *f, const char *path, uint32_t kind, rl_error *err);
/* The same checks on a buffer the caller owns (used by the fuzzer and the tests). */
int rl_model_file_from_memory(rl_model_file *f, const char *name, const void *data,
                              size_t size, uint32_t kind, rl_error *err);
void rl_model_file_close(rl_model_file *f);

/* Feature-set versions: a model learned with other features would load but score
 * nonsense, so the feature extractor's version is stored in the file and checked. */
#define RL_MODEL_SEC_FEATURES RL_FOURCC('F', 'E', 'A', 'T')
int rl_model_check_features(const rl_model_file *f, uint32_t version, rl_error *err);

/* Section id's bytes, or NULL (with err) if absent or smaller than min_size. */
const void *rl_model_section(const rl_model_file *f, uint32_t id, size_t min_size,
                             size_t *size, rl_error *err);

/* ---- writing (training side) ------------------------------------------------------ */

typedef struct rl_model_writer rl_model_writer;
rl_model_writer *rl_model_writer_new(uint32_t kind);
/* Copies size bytes as section id. 0 or -1 (out of memory). */
int rl_model_writer_add(rl_model_writer *w, uint32_t id, const void *data, size_t size);
int rl_model_writer_save(rl_model_writer *w, const char *path, rl_error *err);
void rl_model_writer_free(rl_model_writer *w);

/* ---- hashing ------------------------------------------------------------------------ */

uint64_t rl_hash_bytes(const void *data, size_t n, uint64_t seed);
static inline uint64_t rl_hash_mix(uint64_t h, uint64_t v) {
    /* One multiply-xorshift round per value: cheap and well spread (splitmix64 finaliser). */
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h ^= h >> 31; h *= 0xbf58476d1ce4e5b9ull; h ^= h >> 29;
    return h;
}

/* ---- a compact weight table ------------------------------------------------------- *
 * Feature hash -> its per-class weights (int16, one scale per table). Slots are open-
 * addressed by the low bits of the hash; the high 32 bits are stored to tell features
 * apart. A feature's weights are either sparse, a list of (class, weight) pairs, or -
 * when it has weights for most classes - a dense row of RL_WEIGHTS_PAD(nclasses) values
 * that is added with vector instructions. Serialised as one section:
 *   u32 nslots (power of 2)  u32 nclasses  u32 nunits  f32 scale
 *   nslots x {u32 key, u32 first << 8 | code}      nunits x i16
 * code 255 = dense row at units[first]; otherwise code + 1 pairs (class, weight) at
 * units[first], units[first + 1], ...                                                 */
#define RL_WEIGHTS_PAD(n) (((n) + 7u) & ~7u)
#define RL_WEIGHTS_MAX_CLASSES 240u
typedef struct rl_weight_slot { uint32_t key, span; } rl_weight_slot;
typedef struct rl_weights {
    uint32_t nslots, nclasses, nunits;
    float scale;
    const rl_weight_slot *slot;
    const int16_t *u;
} rl_weights;

int rl_weights_load(rl_weights *wt, const void *data, size_t size, const char *file,
                    rl_error *err);

/* scores[0..RL_WEIGHTS_PAD(nclasses)) += the weights of all n features. Looks the
 * slots up first, with prefetches, so that the cache misses of different features
 * overlap; then adds the rows. */
static inline void rl_weights_add_all(const rl_weights *wt, const uint64_t *h, int n,
                                      int32_t *scores) {
    enum { MAXF = 128 };
    const int16_t *rows[MAXF];
    uint32_t codes[MAXF];
    uint32_t mask = wt->nslots - 1, pad = RL_WEIGHTS_PAD(wt->nclasses);
    int m = 0;
    if (n > MAXF) n = MAXF;
    for (int f = 0; f < n; f++) __builtin_prefetch(&wt->slot[(uint32_t)h[f] & mask]);
    for (int f = 0; f < n; f++) {
        uint32_t k = (uint32_t)(h[f] >> 32) | 1u;
        for (uint32_t i = (uint32_t)h[f] & mask;; i = (i + 1) & mask) {
            const rl_weight_slot *s = &wt->slot[i];
            if (s->key == k) {
                rows[m] = wt->u + (s->span >> 8);
                codes[m] = s->span & 255;
                __builtin_prefetch(rows[m]);
                m++;
                break;
            }
            if (s->key == 0) break;
        }
    }
    for (int r = 0; r < m; r++) {
        const int16_t *e = rows[r];
        if (codes[r] == 255) {
            for (uint32_t c = 0; c < pad; c += 8)
                for (int j = 0; j < 8; j++) scores[c + j] += e[c + j];
        } else {
            for (uint32_t j = 0; j <= codes[r]; j++) scores[e[2 * j]] += e[2 * j + 1];
        }
    }
}

/* Builds the serialised table from (hash, class, weight) triples sorted by hash.
 * Weights are quantised to int16 with one scale for the table. Returns a malloc'd
 * buffer and its size, or NULL. */
typedef struct rl_weight_triple { uint64_t h; uint32_t cls; float w; } rl_weight_triple;
void *rl_weights_build(const rl_weight_triple *t, size_t n, uint32_t nclasses, size_t *size);

/* ---- string tables -----------------------------------------------------------------
 * u32 count, u32 offset[count], then NUL-terminated strings. */
typedef struct rl_strtab { uint32_t count; const uint32_t *off; const char *chars; size_t nchars; } rl_strtab;
int rl_strtab_load(rl_strtab *t, const void *data, size_t size, const char *file, rl_error *err);
static inline const char *rl_strtab_get(const rl_strtab *t, uint32_t i) {
    return t->chars + t->off[i];
}

#endif
