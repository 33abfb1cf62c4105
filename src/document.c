/* document.c — small helpers on the document model. */
#include "document.h"

static const char *const kind_names[RL_SENT_KIND_COUNT] = {
    "body", "headline", "tagline", "dateline", "byline", "caption", "link"};

const char *rl_sentence_kind_name(rl_sentence_kind k) {
    return (unsigned)k < RL_SENT_KIND_COUNT ? kind_names[k] : "?";
}
