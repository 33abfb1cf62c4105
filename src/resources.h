/* resources.h — what a resource set holds (internal). */
#ifndef RL_RESOURCES_H
#define RL_RESOURCES_H

#include "redline.h"
#include "dict.h"
#include "models.h"
#include "document.h"

struct rl_resources {
    char *data_dir;
    rl_models *models;     /* NULL when opened with no_models */
    rl_dicts *dicts;       /* NULL when opened with no_dictionaries */
};

/* The data directory: $REDLINE_DATA, the source tree's data/, or the installed one. */
const char *rl_default_data_dir(void);

/* Segments, tags, lemmatizes and parses a document in place. */
int rl_annotate_document(const rl_resources *res, rl_document *doc, rl_error *err);

/* Fills err (status, file, record, reason). */
void rl_error_set(rl_error *err, rl_status st, const char *file, long record,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#endif
