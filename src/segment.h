/* segment.h — sentence segmentation, UD-English tokenization, and recognition of web-news
 * furniture (taglines, datelines, bylines, captions, related-article links). */
#ifndef RL_SEGMENT_H
#define RL_SEGMENT_H

#include "redline.h"
#include "document.h"

/* Fills doc->sentences (unless doc->pretokenized), marks furniture kinds, and sets
 * doc->date from a dateline when the document has no date. Allocates in doc->arena. */
int rl_segment_document(rl_document *doc, rl_error *err);

#endif
