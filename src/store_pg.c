/* store_pg.c — the PostgreSQL event store (see store_pg.h). Rows are formatted straight
 * into COPY text buffers; one round of COPYs per batch keeps a large run fast. */
#include "store_pg.h"
#include "resources.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS documents ("
    "  id TEXT PRIMARY KEY, date TEXT, date_source TEXT, title TEXT, origin TEXT,"
    "  record BIGINT, coded_at TIMESTAMPTZ NOT NULL DEFAULT now(),"
    "  n_sentences INTEGER NOT NULL, n_events INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS sentences ("
    "  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  idx INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,"
    "  paragraph INTEGER NOT NULL, PRIMARY KEY (doc_id, idx));"
    "CREATE TABLE IF NOT EXISTS events ("
    "  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  event_index INTEGER NOT NULL, sentence_index INTEGER NOT NULL,"
    "  date TEXT, date_source TEXT, source TEXT NOT NULL, target TEXT, code TEXT NOT NULL,"
    "  root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein DOUBLE PRECISION,"
    "  source_text TEXT, target_text TEXT, trigger TEXT, rule TEXT, reported_by TEXT,"
    "  negated BOOLEAN NOT NULL, conditional BOOLEAN NOT NULL,"
    "  PRIMARY KEY (doc_id, event_index));"
    "CREATE INDEX IF NOT EXISTS events_date ON events(date);"
    "CREATE INDEX IF NOT EXISTS events_dyad ON events(source, target);"
    "CREATE INDEX IF NOT EXISTS events_code ON events(code);";

/* A growing byte buffer for COPY data. */
typedef struct buf {
    char *p;
    size_t len, cap;
    bool oom;
} buf;

struct rl_pgstore {
    PGconn *conn;
    int batch, pending;
    buf ids;          /* the batch's document ids as a Postgres array literal body */
    buf docs, sents, events;
};

static void put(buf *b, const char *s, size_t n) {
    if (b->oom) return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 65536;
        while (cap < b->len + n + 1) cap *= 2;
        char *np = realloc(b->p, cap);
        if (!np) { b->oom = true; return; }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void puts_(buf *b, const char *s) { put(b, s, strlen(s)); }

/* One COPY text field: NULL as \N; backslash, tab, newline, CR escaped. */
static void field(buf *b, const char *s, size_t n, bool last) {
    if (!s) {
        put(b, "\\N", 2);
    } else {
        size_t run = 0;
        for (size_t i = 0; i < n; i++) {
            const char *esc = s[i] == '\\' ? "\\\\" : s[i] == '\t' ? "\\t" : s[i] == '\n' ? "\\n"
                            : s[i] == '\r' ? "\\r" : NULL;
            if (!esc) continue;
            put(b, s + run, i - run);
            put(b, esc, 2);
            run = i + 1;
        }
        put(b, s + run, n - run);
    }
    put(b, last ? "\n" : "\t", 1);
}

static void text(buf *b, const char *s) { field(b, s, s ? strlen(s) : 0, false); }
static void num(buf *b, long long v) { char t[32]; int n = snprintf(t, sizeof t, "%lld", v); field(b, t, (size_t)n, false); }

static int pg_fail(rl_pgstore *s, rl_error *err, const char *what) {
    rl_error_set(err, RL_ERR_IO, "postgresql", 0, "%s: %s", what,
                 s->conn ? PQerrorMessage(s->conn) : "no connection");
    return -1;
}

static int run(rl_pgstore *s, const char *sql, rl_error *err) {
    PGresult *r = PQexec(s->conn, sql);
    int ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    PQclear(r);
    return ok ? 0 : pg_fail(s, err, sql);
}

static int copy(rl_pgstore *s, const char *sql, const buf *b, rl_error *err) {
    PGresult *r = PQexec(s->conn, sql);
    int ok = PQresultStatus(r) == PGRES_COPY_IN;
    PQclear(r);
    if (!ok) return pg_fail(s, err, sql);
    if ((b->len && PQputCopyData(s->conn, b->p, (int)b->len) != 1) || PQputCopyEnd(s->conn, NULL) != 1)
        return pg_fail(s, err, "sending COPY data");
    r = PQgetResult(s->conn);
    ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    while ((r = PQgetResult(s->conn))) PQclear(r);
    return ok ? 0 : pg_fail(s, err, sql);
}

/* Sends the buffered batch in one transaction. */
static int flush(rl_pgstore *s, rl_error *err) {
    if (!s->pending) return 0;
    if (s->ids.oom || s->docs.oom || s->sents.oom || s->events.oom) {
        rl_error_set(err, RL_ERR_MEMORY, "postgresql", 0, "out of memory buffering a batch");
        return -1;
    }
    const char *params[1] = {s->ids.p};
    int rc = run(s, "BEGIN", err);
    if (rc == 0) {
        PGresult *r = PQexecParams(s->conn, "DELETE FROM documents WHERE id = ANY($1::text[])",
                                   1, NULL, params, NULL, NULL, 0);
        if (PQresultStatus(r) != PGRES_COMMAND_OK) rc = pg_fail(s, err, "deleting earlier rows");
        PQclear(r);
    }
    if (rc == 0) rc = copy(s, "COPY documents (id, date, date_source, title, origin, record,"
                              " n_sentences, n_events) FROM STDIN", &s->docs, err);
    if (rc == 0) rc = copy(s, "COPY sentences (doc_id, idx, text, kind, paragraph) FROM STDIN",
                           &s->sents, err);
    if (rc == 0) rc = copy(s, "COPY events (doc_id, event_index, sentence_index, date, date_source,"
                              " source, target, code, root, quad_class, goldstein, source_text,"
                              " target_text, trigger, rule, reported_by, negated, conditional)"
                              " FROM STDIN", &s->events, err);
    if (rc == 0) rc = run(s, "COMMIT", err);
    else { PGresult *r = PQexec(s->conn, "ROLLBACK"); PQclear(r); }
    s->pending = 0;
    s->ids.len = s->docs.len = s->sents.len = s->events.len = 0;
    return rc;
}

rl_pgstore *rl_pgstore_open(const char *conninfo, int batch, rl_error *err) {
    rl_pgstore *s = calloc(1, sizeof *s);
    if (!s) { rl_error_set(err, RL_ERR_MEMORY, "postgresql", 0, "out of memory"); return NULL; }
    s->batch = batch > 0 ? batch : 500;
    s->conn = PQconnectdb(conninfo);
    if (PQstatus(s->conn) != CONNECTION_OK) {
        pg_fail(s, err, "cannot connect");
        PQfinish(s->conn);
        free(s);
        return NULL;
    }
    PGresult *r = PQexec(s->conn, "SET client_min_messages = warning");
    PQclear(r);
    if (run(s, schema_sql, err) != 0) {
        PQfinish(s->conn);
        free(s);
        return NULL;
    }
    return s;
}

/* Is id already in this batch? Two copies of one id in a batch would collide in COPY. */
static bool in_batch(const rl_pgstore *s, const char *id) {
    const char *p = s->docs.p;
    size_t n = strlen(id);
    for (size_t off = 0; p && off < s->docs.len;) {
        const char *eol = memchr(p + off, '\n', s->docs.len - off);
        size_t len = eol ? (size_t)(eol - (p + off)) : s->docs.len - off;
        if (len > n && p[off + n] == '\t' && !memcmp(p + off, id, n)) return true;
        off += len + 1;
    }
    return false;
}

int rl_pgstore_add(rl_pgstore *s, const rl_document *doc, const rl_event *events, size_t n,
                   rl_error *err) {
    const char *id = doc->id ? doc->id : "";
    if (in_batch(s, id) && flush(s, err) != 0) return -1;

    /* Array literal element: double-quoted with \ and " escaped. */
    put(&s->ids, s->pending ? "," : "{", 1);
    put(&s->ids, "\"", 1);
    for (const char *c = id; *c; c++) {
        if (*c == '"' || *c == '\\') put(&s->ids, "\\", 1);
        put(&s->ids, c, 1);
    }
    put(&s->ids, "\"", 1);
    /* keep the literal closed so it can be sent at any time */
    puts_(&s->ids, "}");
    s->ids.len--;

    text(&s->docs, id); text(&s->docs, doc->date); text(&s->docs, doc->date_source);
    text(&s->docs, doc->title); text(&s->docs, doc->origin); num(&s->docs, doc->record);
    num(&s->docs, doc->nsentences);
    char t[32];
    field(&s->docs, t, (size_t)snprintf(t, sizeof t, "%zu", n), true);

    for (int i = 0; i < doc->nsentences; i++) {
        const rl_sentence *sen = &doc->sentences[i];
        uint32_t a = sen->start, b = sen->end;
        if (b > doc->text_len) b = (uint32_t)doc->text_len;
        if (a > b) a = b;
        text(&s->sents, id); num(&s->sents, i);
        field(&s->sents, doc->text ? doc->text + a : "", doc->text ? b - a : 0, false);
        text(&s->sents, rl_sentence_kind_name(sen->kind));
        field(&s->sents, t, (size_t)snprintf(t, sizeof t, "%d", sen->paragraph), true);
    }
    for (size_t i = 0; i < n; i++) {
        const rl_event *e = &events[i];
        text(&s->events, id); num(&s->events, (long long)i); num(&s->events, e->sentence_index);
        text(&s->events, e->date); text(&s->events, e->date_source);
        text(&s->events, e->source ? e->source : ""); text(&s->events, e->target);
        text(&s->events, e->code ? e->code : "");
        field(&s->events, e->root, strnlen(e->root, sizeof e->root), false);
        num(&s->events, e->quad_class);
        field(&s->events, t, (size_t)snprintf(t, sizeof t, "%.1f", e->goldstein), false);
        text(&s->events, e->source_text); text(&s->events, e->target_text);
        text(&s->events, e->trigger); text(&s->events, e->rule); text(&s->events, e->reported_by);
        text(&s->events, e->negated ? "t" : "f");
        field(&s->events, e->conditional ? "t" : "f", 1, true);
    }
    if (++s->pending >= s->batch) return flush(s, err);
    return 0;
}

int rl_pgstore_close(rl_pgstore *s, rl_error *err) {
    if (!s) return 0;
    int rc = flush(s, err);
    PQfinish(s->conn);
    free(s->ids.p); free(s->docs.p); free(s->sents.p); free(s->events.p);
    free(s);
    return rc;
}
