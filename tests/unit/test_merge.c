/* test_merge.c — merging shard stores: every document arrives once with its sentences and
 * events; a document present in the destination is replaced; a bad shard is named. */
#include "check.h"
#include "store_merge.h"
#include "store_sqlite.h"

#include <sqlite3.h>
#include <unistd.h>

static void path_of(char *buf, size_t n, const char *name) {
    snprintf(buf, n, "%s/redline-merge-%ld-%s.sqlite", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
             (long)getpid(), name);
}

static void remove_db(const char *p) {
    char q[600];
    unlink(p);
    snprintf(q, sizeof q, "%s-wal", p); unlink(q);
    snprintf(q, sizeof q, "%s-shm", p); unlink(q);
}

/* A store holding documents ids[0..n) with nev events each, coded `code`. */
static int make_store(const char *path, const char *const *ids, int n, int nev, const char *code) {
    remove_db(path);
    rl_error err = {0};
    rl_store *s = rl_store_open(path, &(rl_store_options){.coded_at = "2024-01-01T00:00:00Z"}, &err);
    if (!s) return -1;
    for (int i = 0; i < n; i++) {
        char text[] = "Iran rejected talks.";
        rl_sentence sent = {.start = 0, .end = (uint32_t)strlen(text)};
        rl_document doc = {.id = ids[i], .date = "2024-01-02", .text = text,
                           .text_len = strlen(text), .sentences = &sent, .nsentences = 1};
        rl_event ev[2] = {{.doc_id = ids[i], .source = "IRN", .target = "USA", .code = code,
                           .root = "12", .quad_class = 3}, {.doc_id = ids[i], .source = "IRN",
                           .code = code, .root = "12", .quad_class = 3}};
        if (rl_store_add(s, &doc, ev, (size_t)nev, &err) != 0) return -1;
    }
    return rl_store_close(s, &err);
}

static long count(const char *path, const char *sql) {
    sqlite3 *db;
    sqlite3_stmt *st;
    long n = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return n;
}

static void test_merge_shards(void) {
    char a[300], b[300], out[300];
    path_of(a, sizeof a, "a"); path_of(b, sizeof b, "b"); path_of(out, sizeof out, "out");
    const char *ida[] = {"d1", "d2"}, *idb[] = {"d3"};
    CHECK(make_store(a, ida, 2, 2, "125") == 0);
    CHECK(make_store(b, idb, 1, 1, "125") == 0);
    remove_db(out);
    char *shards[] = {a, b};
    rl_error err = {0};
    CHECK(rl_store_merge(out, shards, 2, &err) == 0);
    CHECK_INT(count(out, "SELECT count(*) FROM documents"), 3);
    CHECK_INT(count(out, "SELECT count(*) FROM sentences"), 3);
    CHECK_INT(count(out, "SELECT count(*) FROM events"), 5);
    /* Merging again changes nothing. */
    CHECK(rl_store_merge(out, shards, 2, &err) == 0);
    CHECK_INT(count(out, "SELECT count(*) FROM events"), 5);
    /* A re-coded d1 (one event, new code) replaces the old one. */
    const char *idc[] = {"d1"};
    CHECK(make_store(b, idc, 1, 1, "036") == 0);
    char *again[] = {b};
    CHECK(rl_store_merge(out, again, 1, &err) == 0);
    CHECK_INT(count(out, "SELECT count(*) FROM events WHERE doc_id = 'd1'"), 1);
    CHECK_INT(count(out, "SELECT count(*) FROM events WHERE code = '036'"), 1);
    CHECK_INT(count(out, "SELECT count(*) FROM documents"), 3);
    remove_db(a); remove_db(b); remove_db(out);
}

static void test_bad_shard(void) {
    char out[300], junk[300];
    path_of(out, sizeof out, "out2"); path_of(junk, sizeof junk, "junk");
    remove_db(out);
    FILE *f = fopen(junk, "w");
    CHECK(f != NULL);
    fputs("this is not a database, just text that is long enough to not be empty ....\n", f);
    fclose(f);
    char *shards[] = {junk};
    rl_error err = {0};
    CHECK(rl_store_merge(out, shards, 1, &err) != 0);
    CHECK(strstr(err.file, "junk") != NULL);
    remove_db(out); unlink(junk);
}

int main(void) {
    RUN(test_merge_shards);
    RUN(test_bad_shard);
    return CHECK_DONE();
}
