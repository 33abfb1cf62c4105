/* pipeline.c — one document's way through: segment → tag/lemmatize/parse → code. */
#include "resources.h"
#include "coder.h"
#include "ingest.h"
#include "segment.h"

#include <stdlib.h>
#include <time.h>

struct rl_events {
    rl_arena *arena;      /* owns the document and every event string */
    rl_event *events;
    size_t count;
};

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Annotates sentence by sentence; a deadline (monotonic seconds, 0 = none) is checked
 * between sentences so that a time limit bounds the work without threads being killed. */
static int annotate_until(const rl_resources *res, rl_document *doc, double deadline,
                          rl_error *err) {
    if (!doc->pretokenized && rl_segment_document(doc, err) != 0) return -1;
    if (!res->models) return 0;
    for (int i = 0; i < doc->nsentences; i++) {
        if (deadline > 0 && (i & 15) == 0 && now_seconds() > deadline) {
            rl_error_set(err, RL_ERR_LIMIT, doc->origin, doc->record,
                         "time limit exceeded after %d of %d sentences", i, doc->nsentences);
            return -1;
        }
        if (rl_models_annotate(res->models, &doc->sentences[i], doc->arena) != 0) {
            rl_error_set(err, RL_ERR_MEMORY, doc->origin, doc->record,
                         "could not annotate sentence %d", i + 1);
            return -1;
        }
    }
    return 0;
}

int rl_annotate_document(const rl_resources *res, rl_document *doc, rl_error *err) {
    return annotate_until(res, doc, 0, err);
}

rl_events *rl_code_document(const rl_resources *res, const rl_doc_input *in,
                            const rl_code_options *opts, rl_error *err) {
    rl_code_options defaults = {0};
    if (!opts) opts = &defaults;
    rl_events *ev = calloc(1, sizeof *ev);
    if (!ev || !(ev->arena = rl_arena_new(0))) {
        free(ev);
        rl_error_set(err, RL_ERR_MEMORY, "", 0, "out of memory");
        return NULL;
    }
    rl_document doc;
    if (rl_document_from_input(ev->arena, in, &doc, NULL, NULL, err) != 0 ||
        annotate_until(res, &doc, opts->time_limit > 0 ? now_seconds() + opts->time_limit : 0,
                       err) != 0 ||
        rl_code_annotated(res, &doc, opts, &ev->events, &ev->count, err) < 0) {
        rl_events_free(ev);
        return NULL;
    }
    return ev;
}

size_t rl_events_count(const rl_events *ev) { return ev ? ev->count : 0; }

const rl_event *rl_events_get(const rl_events *ev, size_t i) {
    return ev && i < ev->count ? &ev->events[i] : NULL;
}

void rl_events_free(rl_events *ev) {
    if (!ev) return;
    rl_arena_free(ev->arena);
    free(ev);
}
