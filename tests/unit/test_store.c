/* test_store.c — the SQLite event store on hand-built documents and events: schema,
 * replacement on re-coding, idempotent reruns, and recovery after a kill -9. */
#include "check.h"
#include "store_sqlite.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

/* A document with two sentences and nevents events, all in static storage except the
 * arrays the caller provides. */
typedef struct fixture {
    rl_document doc;
    rl_sentence sents[2];
    rl_event events[3];
    char id[32];
    char text[128];
} fixture;

static void make_doc(fixture *f, int n, int nevents, const char *target) {
    memset(f, 0, sizeof *f);
    snprintf(f->id, sizeof f->id, "doc-%d", n);
    snprintf(f->text, sizeof f->text, "Iran rejected talks. The minister met envoys %d.", n);
    f->doc.id = f->id;
    f->doc.date = "2019-07-18";
    f->doc.date_source = "input";
    f->doc.title = n % 2 ? "A title" : NULL;
    f->doc.text = f->text;
    f->doc.text_len = strlen(f->text);
    f->doc.origin = "test.jsonl";
    f->doc.record = n + 1;
    f->sents[0] = (rl_sentence){ .start = 0, .end = 20, .kind = RL_SENT_BODY };
    f->sents[1] = (rl_sentence){ .start = 21, .end = (uint32_t)f->doc.text_len,
                                 .kind = RL_SENT_CAPTION, .paragraph = 1 };
    f->doc.sentences = f->sents;
    f->doc.nsentences = 2;
    for (int i = 0; i < nevents && i < 3; i++)
        f->events[i] = (rl_event){
            .doc_id = f->id, .sentence_index = i % 2, .date = "2019-07-17",
            .date_source = "resolved", .source = "IRN", .target = target,
            .code = i == 0 ? "125" : "040", .root = "12", .quad_class = 3, .goldstein = -5.0,
            .source_text = "Iran", .trigger = "rejected", .rule = "t:1: REJECT",
            .negated = i == 2,
        };
}

static void tmp_path(char *buf, size_t size, const char *name) {
    snprintf(buf, size, "%s/redline-store-%ld-%s.sqlite",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long)getpid(), name);
}

static void remove_db(const char *path) {
    char p[600];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
}

static long query_long(const char *path, const char *sql) {
    sqlite3 *db;
    long v = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
            if (sqlite3_step(st) == SQLITE_ROW) v = (long)sqlite3_column_int64(st, 0);
            sqlite3_finalize(st);
        }
    }
    sqlite3_close(db);
    return v;
}

/* Every row of the three tables as text (coded_at left out), for comparing databases. */
static char *dump(const char *path) {
    static const char *const queries[] = {
        ("SELECT id, date, date_source, title, origin, record, n_sentences, n_events"
         " FROM documents ORDER BY id"),
        "SELECT * FROM sentences ORDER BY doc_id, idx",
        "SELECT * FROM events ORDER BY doc_id, event_index",
    };
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    sqlite3 *db;
    if (!out) return NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
        for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
            sqlite3_stmt *st;
            if (sqlite3_prepare_v2(db, queries[q], -1, &st, NULL) != SQLITE_OK) continue;
            while (sqlite3_step(st) == SQLITE_ROW) {
                for (int c = 0; c < sqlite3_column_count(st); c++) {
                    const unsigned char *t = sqlite3_column_text(st, c);
                    fprintf(out, "%s|", t ? (const char *)t : "NULL");
                }
                fputc('\n', out);
            }
            sqlite3_finalize(st);
        }
    }
    sqlite3_close(db);
    fclose(out);
    return buf;
}

static int store_docs(const char *path, int first, int count, int batch, rl_error *err) {
    rl_store_options o = { .batch = batch, .coded_at = "2026-01-01T00:00:00Z" };
    rl_store *s = rl_store_open(path, &o, err);
    if (!s) return -1;
    for (int i = first; i < first + count; i++) {
        fixture f;
        make_doc(&f, i, i % 4, i % 3 ? "USA" : NULL);
        if (rl_store_add(s, &f.doc, f.events, (size_t)(i % 4 < 3 ? i % 4 : 3), err) != 0) {
            rl_store_close(s, NULL);
            return -1;
        }
    }
    return rl_store_close(s, err);
}

static void test_schema_and_rows(void) {
    char path[512];
    tmp_path(path, sizeof path, "rows");
    remove_db(path);
    rl_error err = {0};
    CHECK(store_docs(path, 0, 8, 3, &err) == 0);
    CHECK_INT(query_long(path, "SELECT count(*) FROM documents"), 8);
    CHECK_INT(query_long(path, "SELECT count(*) FROM sentences"), 16);
    /* events per doc: i % 4 for i in 0..7 → 0+1+2+3+0+1+2+3 */
    CHECK_INT(query_long(path, "SELECT count(*) FROM events"), 12);
    CHECK_INT(query_long(path, "SELECT count(*) FROM events WHERE target IS NULL"),
              query_long(path, "SELECT sum(n_events) FROM documents WHERE"
                               " CAST(substr(id, 5) AS INTEGER) % 3 = 0"));
    CHECK_INT(query_long(path, "SELECT count(*) FROM sentences WHERE kind = 'caption'"
                               " AND text LIKE 'The minister met envoys%'"), 8);
    CHECK_INT(query_long(path, "SELECT count(*) FROM sentences WHERE idx = 0"
                               " AND text = 'Iran rejected talks.'"), 8);
    CHECK_INT(query_long(path, "SELECT count(*) FROM documents WHERE title IS NULL"), 4);
    CHECK_INT(query_long(path, "SELECT count(*) FROM events WHERE negated = 1"), 2);
    CHECK_INT(query_long(path, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                               " AND name IN ('events_date', 'events_dyad', 'events_code')"), 3);
    CHECK_INT(query_long(path, "SELECT (SELECT journal_mode FROM pragma_journal_mode) = 'wal'"), 1);
    CHECK_INT(query_long(path, "PRAGMA user_version"), 1);
    remove_db(path);
}

static void test_recoding_replaces(void) {
    char path[512];
    tmp_path(path, sizeof path, "replace");
    remove_db(path);
    rl_error err = {0};
    CHECK(store_docs(path, 0, 10, 4, &err) == 0);
    char *first = dump(path);
    CHECK(first != NULL && strlen(first) > 100);
    CHECK(store_docs(path, 0, 10, 7, &err) == 0);      /* same input, another batch size */
    char *second = dump(path);
    CHECK(second != NULL);
    int same = strcmp(first, second) == 0;
    free(first);
    free(second);
    CHECK(same);

    /* Re-coding one document with fewer events drops the old ones. */
    rl_store *s = rl_store_open(path, NULL, &err);
    CHECK(s != NULL);
    fixture f;
    make_doc(&f, 3, 1, "RUS");
    CHECK(rl_store_add(s, &f.doc, f.events, 1, &err) == 0);
    CHECK(rl_store_close(s, &err) == 0);
    CHECK_INT(query_long(path, "SELECT count(*) FROM events WHERE doc_id = 'doc-3'"), 1);
    CHECK_INT(query_long(path, "SELECT count(*) FROM events WHERE doc_id = 'doc-3'"
                               " AND target = 'RUS'"), 1);
    CHECK_INT(query_long(path, "SELECT count(*) FROM documents"), 10);
    remove_db(path);
}

/* A child stores documents and is killed with SIGKILL in the middle of a batch: the
 * database holds exactly the committed batches, passes an integrity check, and a rerun
 * of the whole input gives the same rows as an uninterrupted run. */
static void test_kill_and_rerun(void) {
    char path[512], ref[512];
    tmp_path(path, sizeof path, "killed");
    tmp_path(ref, sizeof ref, "reference");
    remove_db(path);
    remove_db(ref);
    fflush(stdout);
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        rl_store_options o = { .batch = 5, .coded_at = "2026-01-01T00:00:00Z" };
        rl_store *s = rl_store_open(path, &o, NULL);
        if (!s) _exit(3);
        for (int i = 0; i < 13; i++) {     /* two batches committed, three rows pending */
            fixture f;
            make_doc(&f, i, i % 4, "USA");
            if (rl_store_add(s, &f.doc, f.events, (size_t)(i % 4 < 3 ? i % 4 : 3), NULL) != 0)
                _exit(4);
        }
        raise(SIGKILL);
        _exit(5);
    }
    int status = 0;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    CHECK_INT(query_long(path, "SELECT count(*) FROM documents"), 10);
    CHECK_INT(query_long(path, "SELECT (SELECT integrity_check FROM pragma_integrity_check) = 'ok'"), 1);
    CHECK_INT(query_long(path, "SELECT count(*) FROM events e LEFT JOIN documents d"
                               " ON d.id = e.doc_id WHERE d.id IS NULL"), 0);

    rl_error err = {0};
    CHECK(store_docs(path, 0, 20, 5, &err) == 0);
    CHECK(store_docs(ref, 0, 20, 5, &err) == 0);
    char *a = dump(path), *b = dump(ref);
    int same = a && b && strcmp(a, b) == 0;
    free(a);
    free(b);
    CHECK(same);
    CHECK_INT(query_long(path, "SELECT count(*) FROM documents"), 20);
    remove_db(path);
    remove_db(ref);
}

static void test_open_errors(void) {
    rl_error err = {0};
    rl_store *s = rl_store_open("/nonexistent-dir/x/y.sqlite", NULL, &err);
    CHECK(s == NULL);
    CHECK(err.status == RL_ERR_IO);
    CHECK(strstr(err.file, "y.sqlite") != NULL);

    /* Not a database: a clear error, not a crash. */
    char path[512];
    tmp_path(path, sizeof path, "garbage");
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    for (int i = 0; i < 200; i++) fputs("this is not an SQLite file\n", f);
    fclose(f);
    s = rl_store_open(path, NULL, &err);
    if (s) rl_store_close(s, NULL);
    remove_db(path);
    CHECK(s == NULL);
    CHECK(err.reason[0] != '\0');
}

int main(void) {
    RUN(test_schema_and_rows);
    RUN(test_recoding_replaces);
    RUN(test_kill_and_rerun);
    RUN(test_open_errors);
    return CHECK_DONE();
}
