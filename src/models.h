/* models.h — the trained tagger, lemmatizer and dependency parser as one resource.
 * Loaded once (mmap), read-only afterwards, shared by threads. */
#ifndef RL_MODELS_H
#define RL_MODELS_H

#include "redline.h"
#include "document.h"

typedef struct rl_models rl_models;

/* Loads the model files from dir (data/models). NULL + err on a missing, corrupt or
 * mismatched file. */
rl_models *rl_models_open(const char *dir, rl_error *err);
void rl_models_close(rl_models *m);

/* Tags, lemmatizes and parses one sentence in place: fills upos, xpos, feats, lemma,
 * head, deprel of every token. Scratch memory comes from arena. Always yields a
 * well-formed tree (one root, no cycles, heads in range). */
int rl_models_annotate(const rl_models *m, rl_sentence *s, rl_arena *arena);

/* The lemma of one word read with the tag xpos ("froze" as VBD → "freeze"), for the
 * coder's second look at a word the tagger got wrong; NULL when m is NULL or out of
 * memory. */
const char *rl_models_lemma(const rl_models *m, const char *form, const char *xpos,
                            rl_arena *arena);

/* The parser's beam width: 0 = the width stored in the parser model, 1 = greedy (fastest),
 * up to 64. Set it after opening, before threads share the models. */
void rl_models_set_beam(rl_models *m, int width);

#endif
