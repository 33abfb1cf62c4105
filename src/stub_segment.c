/* Placeholder until the segmenter lands (delete this file when segment.c exists). */
#include "segment.h"
#include "resources.h"
int rl_segment_document(rl_document *doc, rl_error *err) {
    (void)doc; rl_error_set(err, RL_ERR_USAGE, "", 0, "segmenter not built yet"); return -1; }
