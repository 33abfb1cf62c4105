/* store_sqlite.c — the embedded SQLite event store (see store_sqlite.h, docs/schema.md). */
#include "store_sqlite.h"
#include "resources.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SCHEMA_VERSION 1

static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS documents ("
    "  id TEXT PRIMARY KEY,"
    "  date TEXT,"
    "  date_source TEXT,"
    "  title TEXT,"
    "  origin TEXT,"
    "  record INTEGER,"
    "  coded_at TEXT NOT NULL,"
    "  n_sentences INTEGER NOT NULL,"
    "  n_events INTEGER NOT NULL"
    ");"
    "CREATE TABLE IF NOT EXISTS sentences ("
    "  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  idx INTEGER NOT NULL,"
    "  text TEXT NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  paragraph INTEGER NOT NULL,"
    "  PRIMARY KEY (doc_id, idx)"
    ") WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS events ("
    "  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  event_index INTEGER NOT NULL,"
    "  sentence_index INTEGER NOT NULL,"
    "  date TEXT,"
    "  date_source TEXT,"
    "  source TEXT NOT NULL,"
    "  target TEXT,"
    "  code TEXT NOT NULL,"
    "  root TEXT NOT NULL,"
    "  quad_class INTEGER NOT NULL,"
    "  goldstein REAL,"
    "  source_text TEXT,"
    "  target_text TEXT,"
    "  trigger TEXT,"
    "  rule TEXT,"
    "  reported_by TEXT,"
    "  negated INTEGER NOT NULL,"
    "  conditional INTEGER NOT NULL,"
    "  PRIMARY KEY (doc_id, event_index)"
    ") WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS events_date ON events(date);"
    "CREATE INDEX IF NOT EXISTS events_dyad ON events(source, target);"
    "CREATE INDEX IF NOT EXISTS events_code ON events(code);";

enum { ST_DEL_SENT, ST_DEL_EVENTS, ST_DOC, ST_SENT, ST_EVENT, ST_COUNT };

static const char *const stmt_sql[ST_COUNT] = {
    "DELETE FROM sentences WHERE doc_id = ?1",
    "DELETE FROM events WHERE doc_id = ?1",
    "INSERT OR REPLACE INTO documents"
    " (id, date, date_source, title, origin, record, coded_at, n_sentences, n_events)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    "INSERT INTO sentences (doc_id, idx, text, kind, paragraph) VALUES (?1, ?2, ?3, ?4, ?5)",
    "INSERT INTO events (doc_id, event_index, sentence_index, date, date_source, source,"
    " target, code, root, quad_class, goldstein, source_text, target_text, trigger, rule,"
    " reported_by, negated, conditional)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
};

struct rl_store {
    sqlite3 *db;
    sqlite3_stmt *st[ST_COUNT];
    char path[256];
    char coded_at[32];
    int batch;          /* documents per transaction */
    int pending;        /* documents in the open transaction */
    bool in_txn;
};

static int fail(rl_store *s, rl_error *err, const char *what) {
    rl_error_set(err, RL_ERR_IO, s->path, 0, "%s: %s", what,
                 s->db ? sqlite3_errmsg(s->db) : "cannot open");
    return -1;
}

static int exec(rl_store *s, const char *sql, rl_error *err) {
    if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK) return fail(s, err, sql);
    return 0;
}

static void set_coded_at(rl_store *s, const char *given) {
    if (given) {
        snprintf(s->coded_at, sizeof s->coded_at, "%s", given);
        return;
    }
    time_t t = time(NULL);
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch) {
        char *end;
        long long v = strtoll(epoch, &end, 10);
        if (*end == '\0' && v >= 0) t = (time_t)v;
    }
    struct tm tm;
    if (gmtime_r(&t, &tm)) strftime(s->coded_at, sizeof s->coded_at, "%Y-%m-%dT%H:%M:%SZ", &tm);
    else snprintf(s->coded_at, sizeof s->coded_at, "unknown");
}

static void finalize_all(rl_store *s) {
    for (int i = 0; i < ST_COUNT; i++) {
        sqlite3_finalize(s->st[i]);
        s->st[i] = NULL;
    }
}

rl_store *rl_store_open(const char *path, const rl_store_options *opts, rl_error *err) {
    rl_store *s = calloc(1, sizeof *s);
    if (!s) {
        rl_error_set(err, RL_ERR_MEMORY, path, 0, "out of memory");
        return NULL;
    }
    snprintf(s->path, sizeof s->path, "%s", path);
    s->batch = opts && opts->batch > 0 ? opts->batch : 500;
    set_coded_at(s, opts ? opts->coded_at : NULL);

    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                        SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        fail(s, err, "cannot open database");
        goto error;
    }
    /* A concurrent reader (a report, a shell) may hold a lock briefly. */
    sqlite3_busy_timeout(s->db, 10000);
    /* WAL + synchronous=NORMAL: commits are atomic and survive the process being killed;
     * only a power cut can lose the last commits, never consistency. */
    if (exec(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                " PRAGMA foreign_keys=ON;", err) != 0)
        goto error;

    sqlite3_stmt *v;
    int version = 0;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &v, NULL) != SQLITE_OK) {
        fail(s, err, "reading schema version");
        goto error;
    }
    if (sqlite3_step(v) == SQLITE_ROW) version = sqlite3_column_int(v, 0);
    sqlite3_finalize(v);
    if (version > SCHEMA_VERSION) {
        rl_error_set(err, RL_ERR_FORMAT, path, 0,
                     "database schema version %d is newer than this redline (%d)",
                     version, SCHEMA_VERSION);
        goto error;
    }
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d;", SCHEMA_VERSION);
    if (exec(s, "BEGIN", err) != 0 || exec(s, schema_sql, err) != 0 ||
        exec(s, pragma, err) != 0 || exec(s, "COMMIT", err) != 0)
        goto error;

    for (int i = 0; i < ST_COUNT; i++)
        if (sqlite3_prepare_v3(s->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
                               &s->st[i], NULL) != SQLITE_OK) {
            fail(s, err, "preparing statements");
            goto error;
        }
    return s;

error:
    finalize_all(s);
    sqlite3_close(s->db);
    free(s);
    return NULL;
}

static void bind_text(sqlite3_stmt *st, int i, const char *v) {
    if (v) sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, i);
}

/* Runs a bound statement to completion and resets it for the next use. */
static int step(rl_store *s, sqlite3_stmt *st, rl_error *err, const char *what) {
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? 0 : fail(s, err, what);
}

static int add_rows(rl_store *s, const rl_document *doc, const rl_event *events, size_t n,
                    rl_error *err) {
    const char *id = doc->id ? doc->id : "";
    sqlite3_stmt *st;

    for (int k = ST_DEL_SENT; k <= ST_DEL_EVENTS; k++) {
        bind_text(s->st[k], 1, id);
        if (step(s, s->st[k], err, "deleting earlier rows") != 0) return -1;
    }

    st = s->st[ST_DOC];
    bind_text(st, 1, id);
    bind_text(st, 2, doc->date);
    bind_text(st, 3, doc->date_source);
    bind_text(st, 4, doc->title);
    bind_text(st, 5, doc->origin);
    sqlite3_bind_int64(st, 6, doc->record);
    bind_text(st, 7, s->coded_at);
    sqlite3_bind_int(st, 8, doc->nsentences);
    sqlite3_bind_int64(st, 9, (sqlite3_int64)n);
    if (step(s, st, err, "storing document") != 0) return -1;

    st = s->st[ST_SENT];
    for (int i = 0; i < doc->nsentences; i++) {
        const rl_sentence *sen = &doc->sentences[i];
        uint32_t a = sen->start, b = sen->end;
        if (b > doc->text_len) b = (uint32_t)doc->text_len;
        if (a > b) a = b;
        bind_text(st, 1, id);
        sqlite3_bind_int(st, 2, i);
        if (doc->text) sqlite3_bind_text(st, 3, doc->text + a, (int)(b - a), SQLITE_STATIC);
        else sqlite3_bind_text(st, 3, "", 0, SQLITE_STATIC);
        bind_text(st, 4, rl_sentence_kind_name(sen->kind));
        sqlite3_bind_int(st, 5, sen->paragraph);
        if (step(s, st, err, "storing sentence") != 0) return -1;
    }

    st = s->st[ST_EVENT];
    for (size_t i = 0; i < n; i++) {
        const rl_event *e = &events[i];
        bind_text(st, 1, id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sqlite3_bind_int(st, 3, e->sentence_index);
        bind_text(st, 4, e->date);
        bind_text(st, 5, e->date_source);
        bind_text(st, 6, e->source ? e->source : "");
        bind_text(st, 7, e->target);
        bind_text(st, 8, e->code ? e->code : "");
        sqlite3_bind_text(st, 9, e->root, (int)strnlen(e->root, sizeof e->root),
                          SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 10, e->quad_class);
        sqlite3_bind_double(st, 11, e->goldstein);
        bind_text(st, 12, e->source_text);
        bind_text(st, 13, e->target_text);
        bind_text(st, 14, e->trigger);
        bind_text(st, 15, e->rule);
        bind_text(st, 16, e->reported_by);
        sqlite3_bind_int(st, 17, e->negated);
        sqlite3_bind_int(st, 18, e->conditional);
        if (step(s, st, err, "storing event") != 0) return -1;
    }
    return 0;
}

int rl_store_add(rl_store *s, const rl_document *doc, const rl_event *events, size_t n,
                 rl_error *err) {
    if (!s->in_txn) {
        if (exec(s, "BEGIN IMMEDIATE", err) != 0) return -1;
        s->in_txn = true;
    }
    /* A savepoint per document: a failure undoes this document only, not the batch. */
    if (exec(s, "SAVEPOINT doc", err) != 0) return -1;
    if (add_rows(s, doc, events, n, err) != 0) {
        sqlite3_exec(s->db, "ROLLBACK TO doc; RELEASE doc;", NULL, NULL, NULL);
        if (err && doc->id) snprintf(err->id, sizeof err->id, "%s", doc->id);
        return -1;
    }
    if (exec(s, "RELEASE doc", err) != 0) return -1;
    if (++s->pending >= s->batch) return rl_store_commit(s, err);
    return 0;
}

int rl_store_commit(rl_store *s, rl_error *err) {
    if (!s->in_txn) return 0;
    if (exec(s, "COMMIT", err) != 0) return -1;
    s->in_txn = false;
    s->pending = 0;
    return 0;
}

int rl_store_close(rl_store *s, rl_error *err) {
    if (!s) return 0;
    int rc = rl_store_commit(s, err);
    if (rc != 0) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    finalize_all(s);
    if (sqlite3_close(s->db) != SQLITE_OK && rc == 0) rc = fail(s, err, "closing database");
    free(s);
    return rc;
}
