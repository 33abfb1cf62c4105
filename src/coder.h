/* coder.h — from an annotated document to CAMEO events (sentence patterns, actors,
 * document-level resolution). */
#ifndef RL_CODER_H
#define RL_CODER_H

#include "redline.h"
#include "document.h"

struct rl_dicts;

/* Appends the events of an annotated document to out (allocated in doc->arena).
 * Returns the number of events, or -1 with err set. */
int rl_code_annotated(const rl_resources *res, const rl_document *doc,
                      const rl_code_options *opts, rl_event **out, size_t *nout,
                      rl_error *err);

#endif
