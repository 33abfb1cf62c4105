/* parser.h — greedy arc-hybrid dependency parser, averaged perceptron, labels predicted
 * jointly with the transition.
 *
 * Configuration: a stack whose bottom is the artificial root (0) and a buffer of the
 * words 1..n. Transitions:
 *   SHIFT       push the front of the buffer
 *   LEFT(l)     the stack top becomes a dependent (l) of the buffer front; pop
 *   RIGHT(l)    the stack top becomes a dependent (l) of the item below it; pop
 * RIGHT onto the root is allowed only when the buffer is empty and the stack holds one
 * word, so every parse is a tree with exactly one root. Class 0 is SHIFT, 1+2l LEFT(l),
 * 2+2l RIGHT(l). The state and the features are shared with the trainer. */
#ifndef RL_PARSER_H
#define RL_PARSER_H

#include <stdint.h>

#include "arena.h"
#include "document.h"
#include "model_io.h"

#define RL_PARSER_KIND RL_FOURCC('P', 'A', 'R', 'S')
#define RL_PARSE_SEC_WEIGHTS RL_FOURCC('W', 'G', 'H', 'T')
#define RL_PARSE_SEC_LABELS  RL_FOURCC('L', 'A', 'B', 'L')
#define RL_PARSE_SEC_BEAM    RL_FOURCC('B', 'E', 'A', 'M')   /* optional: u32 beam width */
#define RL_PARSE_MAX_BEAM 64
#define RL_PARSE_MAX_FEATS 96
#define RL_PARSE_MAX_LABELS 119   /* 1 + 2 * labels classes fit a weight table */
#define RL_PARSE_FEATURE_SET 1   /* bump whenever rl_parse_features changes */

enum { RL_SHIFT = 0 };
static inline int rl_parse_left(int l) { return 1 + 2 * l; }
static inline int rl_parse_right(int l) { return 2 + 2 * l; }

typedef struct rl_parse_state {
    int n;                  /* words; index 0 is the root */
    int *stack, sp;         /* stack[0] == 0 always */
    int b;                  /* buffer front, n + 1 when empty */
    int *head, *label;      /* per index 0..n; -1 unset */
    int *lc1, *lc2, *rc1, *rc2;   /* two leftmost / rightmost dependents, 0 = none */
    int *nl, *nr;           /* number of left / right dependents */
    uint64_t *lset, *rset;  /* bit sets of dependents' labels */
    const uint64_t *word, *tag;   /* per index 0..n: lowercased form and XPOS hashes */
} rl_parse_state;

/* Allocates a state for n words from arena; word/tag are filled by the caller for 1..n
 * (index 0 is set to the root's values). -1 on out of memory. */
int rl_parse_state_init(rl_parse_state *st, int n, uint64_t *word, uint64_t *tag, rl_arena *arena);
/* Hashes for the word/tag arrays. */
uint64_t rl_parse_word_hash(const char *form);
uint64_t rl_parse_tag_hash(const char *xpos);
static inline int rl_parse_done(const rl_parse_state *st) { return st->sp == 1 && st->b > st->n; }
/* legal[c] for the three transition kinds; labels do not affect legality except root. */
void rl_parse_legal(const rl_parse_state *st, int *shift, int *left, int *right);
/* Whether class cls may be applied: RIGHT(root) exactly when the stack top would go
 * onto the root, LEFT(root) never. */
int rl_parse_class_legal(const rl_parse_state *st, int cls, int root_label);
void rl_parse_apply(rl_parse_state *st, int cls, int root_label);
int rl_parse_features(const rl_parse_state *st, uint64_t *out);

/* ---- beam search ----------------------------------------------------------------------
 * A beam item is an immutable configuration: its stack is a linked list of nodes shared
 * with the items it came from, so a transition costs one new node and one new item
 * instead of a copy of the whole state. A node holds what the features need of a word:
 * its two outermost dependents on each side with their labels, valencies, label sets. */
typedef struct rl_parse_node {
    const struct rl_parse_node *below;
    uint64_t lset, rset;
    int32_t w, lc1, lc2, rc1, rc2, nl, nr;   /* children: 0 = none */
    int32_t llc1, llc2, lrc1, lrc2;          /* their labels, -1 = none */
} rl_parse_node;

typedef struct rl_parse_item {
    const struct rl_parse_item *prev;   /* the item this one was made from; NULL first */
    const rl_parse_node *top;           /* stack top; the root's node is at the bottom */
    const rl_parse_node *front;         /* the buffer front with its left dependents;
                                           NULL while it has none */
    double score;                       /* sum of the transition scores so far */
    int sp, b, cls;                     /* stack size, buffer front, last transition */
    int gold;                           /* training: every transition was the oracle's */
} rl_parse_item;

struct rl_parse_beam;
/* Fills scores[0..nclasses) for the configuration of an item (its features are
 * rl_parse_item_features; the run time's scorer caches parts of the sums). */
typedef void (*rl_parse_scorer)(const void *ctx, const struct rl_parse_beam *bm,
                                const rl_parse_item *it, double *scores);

typedef struct rl_parse_beam {
    int n, nclasses, root_label, width;
    const uint64_t *word, *tag;         /* as in rl_parse_state, 0..n */
    rl_parse_scorer score;
    const void *ctx;
    double *scores;                     /* nclasses scratch */
    rl_arena *arena;                    /* items and nodes */
} rl_parse_beam;

/* The start item (root on the stack, every word in the buffer), or NULL. word[0] and
 * tag[0] are set to the root's values. */
const rl_parse_item *rl_parse_beam_start(rl_parse_beam *bm, uint64_t *word, uint64_t *tag);
/* Expands every item of cur[0..k) by every legal transition and keeps the bm->width best
 * in next[], best first (ties: earlier item, then lower class, so a width of 1 decodes
 * exactly as the greedy parser). gold_cls is the oracle's transition at this step, or -1.
 * Returns the number of items in next, or -1 on out of memory. A parse takes 2n steps. */
int rl_parse_beam_step(const rl_parse_beam *bm, const rl_parse_item *const *cur, int k,
                       const rl_parse_item **next, int gold_cls);
/* Features of an item (same templates and hashes as rl_parse_features). */
int rl_parse_item_features(const rl_parse_beam *bm, const rl_parse_item *it, uint64_t *out);

typedef struct rl_parser {
    rl_model_file file;
    rl_weights wt;
    rl_strtab labels;
    int nlabels, root_label;
    int beam;               /* beam width from the model file; 1 = greedy */
} rl_parser;

int rl_parser_open(rl_parser *p, const char *path, rl_error *err);
int rl_parser_from_memory(rl_parser *p, const void *data, size_t size, rl_error *err);
void rl_parser_close(rl_parser *p);
/* Sets head and deprel of every token (xpos must be set), with the model's beam width.
 * -1 on out of memory. */
int rl_parser_parse(const rl_parser *p, rl_sentence *s, rl_arena *arena);
/* The same with a given beam width: 0 = the model's, 1 = greedy (the fast path without
 * beam items), larger widths up to RL_PARSE_MAX_BEAM use beam search. */
int rl_parser_parse_width(const rl_parser *p, rl_sentence *s, rl_arena *arena, int width);
/* Beam search even for width 1 (for tests: it must then agree with the greedy path). */
int rl_parser_parse_beam(const rl_parser *p, rl_sentence *s, rl_arena *arena, int width);

#endif
