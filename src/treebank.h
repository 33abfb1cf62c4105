/* treebank.h — a reader for gold CoNLL-U treebanks (training and --eval).
 * Keeps every gold column of the word lines; multiword-token ranges and empty nodes are
 * skipped, as in CoNLL 2018 scoring on gold tokenization. */
#ifndef RL_TREEBANK_H
#define RL_TREEBANK_H

#include "redline.h"
#include "arena.h"
#include "document.h"

typedef struct rl_tb_token {
    const char *form, *lemma, *upos, *xpos, *feats, *deprel, *misc;
    int head;
} rl_tb_token;

typedef struct rl_tb_sentence {
    const char *sent_id, *text;   /* from the comments, or NULL */
    rl_tb_token *tok;
    int n;
    long line;                    /* line of the first word */
} rl_tb_sentence;

typedef struct rl_treebank {
    rl_arena *arena;
    rl_tb_sentence *s;
    int n;
} rl_treebank;

/* Reads path ("-" = stdin). Malformed lines are errors naming file and line. */
int rl_treebank_read(rl_treebank *tb, const char *path, rl_error *err);
void rl_treebank_free(rl_treebank *tb);

/* A pipeline sentence holding only the forms of s (and SpaceAfter), in arena. */
int rl_tb_to_sentence(const rl_tb_sentence *s, rl_sentence *out, rl_arena *arena);

#endif
