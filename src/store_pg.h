/* store_pg.h — the PostgreSQL event store (`redline code --pg CONNINFO`).
 *
 * The same tables as the SQLite store (docs/schema.md), written with libpq. Documents are
 * buffered and sent in batches with COPY, each batch in one transaction that first deletes
 * the batch's documents (their sentences and events go by cascade), so re-coding a
 * document replaces it and an interrupted run leaves whole batches only. Used by one
 * thread at a time. */
#ifndef RL_STORE_PG_H
#define RL_STORE_PG_H

#include <stddef.h>

#include "redline.h"
#include "document.h"

typedef struct rl_pgstore rl_pgstore;

/* conninfo: a libpq connection string ("host=/tmp port=5433 dbname=events"). batch: documents
 * per transaction (0 = 500). */
rl_pgstore *rl_pgstore_open(const char *conninfo, int batch, rl_error *err);
int rl_pgstore_add(rl_pgstore *s, const rl_document *doc, const rl_event *events, size_t n,
                   rl_error *err);
/* Sends the buffered batch and closes; the store is freed either way. */
int rl_pgstore_close(rl_pgstore *s, rl_error *err);

#endif
