/* store_sqlite.h — the embedded event store (`redline code --db FILE`).
 *
 * Documents, their sentences and their events go into one SQLite file (schema in
 * docs/schema.md). Writes are batched into transactions of `batch` documents; storing a
 * document whose id is already present replaces its sentences and events, so running the
 * same input twice leaves the same rows. WAL mode: an interrupted run loses at most the
 * open batch and leaves a consistent database that a rerun completes.
 *
 * A store is used by one thread at a time (the CLI's output thread). */
#ifndef RL_STORE_SQLITE_H
#define RL_STORE_SQLITE_H

#include <stddef.h>

#include "redline.h"
#include "document.h"

typedef struct rl_store rl_store;

typedef struct rl_store_options {
    int batch;              /* documents per transaction; 0 = 500 */
    const char *coded_at;   /* timestamp recorded for every document; NULL = now, UTC
                               (or $SOURCE_DATE_EPOCH when set, for reproducible files) */
} rl_store_options;

/* Opens (creating if needed) the database at path and its schema. NULL + err on failure. */
rl_store *rl_store_open(const char *path, const rl_store_options *opts, rl_error *err);

/* Stores one coded document: its row, its sentences and its events (replacing any
 * earlier rows for the same id). Returns 0, or -1 with err set. */
int rl_store_add(rl_store *s, const rl_document *doc, const rl_event *events, size_t n,
                 rl_error *err);

/* Commits the open batch now. Returns 0, or -1 with err set. */
int rl_store_commit(rl_store *s, rl_error *err);

/* Commits and closes. Returns 0, or -1 with err set (the store is freed either way). */
int rl_store_close(rl_store *s, rl_error *err);

#endif
