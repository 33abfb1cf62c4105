/* store_merge.c — merging shard databases. The schema is created by opening dest as a
 * store, so a merged file is indistinguishable from one written by a single run. */
#include "store_merge.h"
#include "resources.h"
#include "store_sqlite.h"

#include <sqlite3.h>
#include <stdio.h>

static int merge_one(sqlite3 *db, const char *shard, rl_error *err) {
    char *attach = sqlite3_mprintf("ATTACH DATABASE %Q AS shard", shard);
    if (!attach) { rl_error_set(err, RL_ERR_MEMORY, shard, 0, "out of memory"); return -1; }
    int rc = sqlite3_exec(db, attach, NULL, NULL, NULL);
    sqlite3_free(attach);
    if (rc != SQLITE_OK) {
        rl_error_set(err, RL_ERR_IO, shard, 0, "cannot attach: %s", sqlite3_errmsg(db));
        return -1;
    }
    /* Replace, not duplicate: drop dest's rows for the shard's documents first. */
    static const char sql[] =
        "BEGIN;"
        "DELETE FROM events WHERE doc_id IN (SELECT id FROM shard.documents);"
        "DELETE FROM sentences WHERE doc_id IN (SELECT id FROM shard.documents);"
        "DELETE FROM documents WHERE id IN (SELECT id FROM shard.documents);"
        "INSERT INTO documents SELECT * FROM shard.documents;"
        "INSERT INTO sentences SELECT * FROM shard.sentences;"
        "INSERT INTO events SELECT * FROM shard.events;"
        "COMMIT;";
    char *msg = NULL;
    rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) {
        rl_error_set(err, RL_ERR_FORMAT, shard, 0, "not a redline event store? %s", msg ? msg : "");
        sqlite3_free(msg);
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    }
    sqlite3_exec(db, "DETACH DATABASE shard", NULL, NULL, NULL);
    return rc == SQLITE_OK ? 0 : -1;
}

int rl_store_merge(const char *dest, char *const *shards, int nshards, rl_error *err) {
    rl_store *st = rl_store_open(dest, NULL, err);   /* creates the schema */
    if (!st || rl_store_close(st, err) != 0) return -1;
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(dest, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        rl_error_set(err, RL_ERR_IO, dest, 0, "cannot open: %s", db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return -1;
    }
    sqlite3_busy_timeout(db, 10000);
    int rc = 0;
    for (int i = 0; i < nshards && rc == 0; i++) rc = merge_one(db, shards[i], err);
    sqlite3_close(db);
    return rc;
}
