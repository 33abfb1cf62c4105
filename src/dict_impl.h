/*
 * dict_impl.h — the insides of rl_dicts, shared by dict.c (storage, indexes, queries,
 * checks) and dict_read.c (the PETRARCH / Phoenix file parsers). Not a public header.
 */
#ifndef RL_DICT_IMPL_H
#define RL_DICT_IMPL_H

#include "arena.h"
#include "dict.h"

/* A growable array of pointers; the pointees live in the arena and never move. */
typedef struct rl_ptrvec {
    void **v;
    size_t n, cap;
} rl_ptrvec;

int rl_ptrvec_push(rl_ptrvec *pv, void *p);   /* 0, or -1 when out of memory */

/* A word trie whose edges live in one open-addressing hash table keyed on
 * (parent node, word). Node 0 is the root. */
typedef struct rl_trie_node {
    const void *value;     /* entry ending here, or NULL */
    unsigned stem : 1;     /* the last word may be a prefix of the token (discards) */
    unsigned has_stem : 1; /* some child is a stem terminal */
    unsigned generated : 1;/* value came from a plural or tokenized variant */
} rl_trie_node;

typedef struct rl_trie_edge {
    const char *word;      /* NULL = empty slot */
    uint32_t parent, child, hash;
} rl_trie_edge;

typedef struct rl_trie {
    rl_trie_node *nodes;
    size_t nnodes, node_cap;
    rl_trie_edge *edges;
    size_t nedges, edge_cap;   /* edge_cap is a power of two */
    size_t max_words;          /* longest phrase, in words */
} rl_trie;

/* A phrase found twice: reported by rl_dicts_check(). */
typedef struct rl_dict_dup {
    rl_dict_kind kind;
    const char *phrase;
    const char *file, *first_file;
    int line, first_line;
} rl_dict_dup;

/* A discard phrase; a story-level one ('+' in the file) drops the whole story. */
typedef struct rl_discard_entry {
    const char *phrase;
    bool story;
    const char *file;
    int line;
} rl_discard_entry;

/* A verb-index record: `key` (a lemma or an irregular form) finds `entry`. */
typedef struct rl_verb_key {
    const char *key;
    const rl_verb_entry *entry;
    size_t seq;                /* load order, to keep sorting stable */
} rl_verb_key;

/* One slot of the finished verb index: keys[start .. start+count). */
typedef struct rl_verb_slot {
    const char *key;
    size_t start, count;
} rl_verb_slot;

struct rl_dicts {
    rl_arena *arena;
    bool finished;

    rl_trie actors, agents, discards;
    rl_ptrvec actor_list, agent_list, discard_list;
    rl_ptrvec dups;            /* rl_dict_dup* */

    rl_ptrvec synsets;         /* rl_synset* */
    rl_ptrvec blocks;          /* rl_verb_block* */
    rl_ptrvec transformations; /* rl_transformation* */
    rl_verb_key *vkeys;        /* built while reading, sorted by rl_dicts_finish */
    size_t nvkeys, vkey_cap;
    const rl_verb_entry **vsorted;   /* entries in vkeys order, for rl_dict_verbs */
    rl_verb_slot *vslots;      /* open addressing over distinct keys */
    size_t vslot_cap;

    rl_transformation *tf_array;     /* contiguous copy for rl_dict_transformations */

    rl_dict_stats stats;       /* running counts while loading */
};

/* ---- used by dict_read.c ---- */

/* Upper-cases a UTF-8 word (invalid bytes are copied as they are) into buf; returns the
 * length, or 0 if it does not fit. */
size_t rl_dict_upper(const char *s, size_t len, char *buf, size_t cap);
/* An upper-cased copy in the arena, NULL when out of memory. */
char *rl_dict_strdup_upper(rl_dicts *d, const char *s, size_t len);

/* Adds words[0..n) to a trie pointing at value. A phrase as written replaces one that was
 * only generated (a plural or tokenized variant of another entry); otherwise, if the
 * phrase already has an entry, the first one is kept and returned (so the caller can
 * report a duplicate); else NULL. *oom is set when memory runs out. */
const void *rl_trie_add(rl_trie *t, rl_dicts *d, const char *const *words, size_t n,
                        const void *value, bool stem, bool generated, bool *oom);

int rl_dict_add_verb_key(rl_dicts *d, const char *key, const rl_verb_entry *e);

#endif
