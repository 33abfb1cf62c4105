/* test_report.c — reports over a small event store built here: the HTML page is
 * self-contained and shows what was stored; the TSV aggregates count correctly; the
 * dyad and date filters select. */
#include "check.h"
#include "report.h"
#include "store_sqlite.h"

#include <unistd.h>

static char db_path[256];

/* Three documents: IRN→USA conflict on two days, USA→IRN cooperation, FRA→DEU. */
static int build_store(void) {
    snprintf(db_path, sizeof db_path, "%s/redline-report-%ld.sqlite",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long)getpid());
    unlink(db_path);
    rl_error err = {0};
    rl_store *s = rl_store_open(db_path, NULL, &err);
    if (!s) return -1;
    static const struct { const char *id, *date, *src, *tgt, *code, *root; int quad; double g; } rows[] = {
        {"d1", "2024-03-01", "IRNGOV", "USA", "125", "12", 3, -5.0},
        {"d2", "2024-03-03", "IRNMIL", "USAMIL", "190", "19", 4, -10.0},
        {"d3", "2024-03-03", "USAGOV", "IRN", "036", "03", 1, 4.0},
        {"d4", "2024-03-05", "FRA", "DEU", "042", "04", 1, 1.9},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char text[] = "Someone did something <to> someone & more.";
        rl_sentence sent = {.start = 0, .end = (uint32_t)strlen(text)};
        rl_document doc = {.id = rows[i].id, .date = rows[i].date, .text = text,
                           .text_len = strlen(text), .sentences = &sent, .nsentences = 1};
        rl_event ev = {.doc_id = rows[i].id, .date = rows[i].date, .source = rows[i].src,
                       .target = rows[i].tgt, .code = rows[i].code, .quad_class = rows[i].quad,
                       .goldstein = rows[i].g, .rule = "verbs.txt:7: - * +"};
        memcpy(ev.root, rows[i].root, 3);
        if (rl_store_add(s, &doc, &ev, 1, &err) != 0) return -1;
    }
    return rl_store_close(s, &err);
}

static char *report(const rl_report_options *o, int *rc) {
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    rl_error err = {0};
    *rc = rl_report_write(db_path, o, f, &err);
    fclose(f);
    return buf;
}

static void test_html_self_contained(void) {
    rl_report_options o = {.format = RL_REPORT_HTML};
    int rc;
    char *html = report(&o, &rc);
    CHECK_INT(rc, 0);
    CHECK(strstr(html, "<svg") != NULL);
    CHECK(strstr(html, "<script") == NULL);           /* no scripts */
    CHECK(strstr(html, "src=\"http") == NULL);        /* nothing fetched */
    CHECK(strstr(html, "2024-03-01") && strstr(html, "2024-03-05"));
    CHECK(strstr(html, "IRN-USA") != NULL);           /* busiest dyad in the legend */
    CHECK(strstr(html, "&lt;to&gt; someone &amp; more") != NULL);  /* sentence escaped */
    /* strongest event first in the table: the -10 fight */
    char *first_row = strstr(html, "<tr><td>");
    CHECK(first_row && strstr(first_row, "IRNMIL") < strstr(first_row, "IRNGOV"));
    free(html);
}

static void test_dyad_filter(void) {
    rl_report_options o = {.format = RL_REPORT_TSV, .dyad = "USA-IRN"};
    int rc;
    char *tsv = report(&o, &rc);
    CHECK_INT(rc, 0);
    CHECK(strstr(tsv, "FRA") == NULL);                /* other dyads excluded */
    CHECK(strstr(tsv, "2024-03-03\tIRN\tUSA\t19\t1\t-10.0") != NULL);  /* both directions */
    CHECK(strstr(tsv, "2024-03-03\tUSA\tIRN\t03\t1\t4.0") != NULL);
    free(tsv);
    o.dyad = "USAIRN";
    char *bad = report(&o, &rc);
    CHECK(rc != 0);
    free(bad);
}

static void test_date_filter(void) {
    rl_report_options o = {.format = RL_REPORT_TSV, .from = "2024-03-02", .to = "2024-03-04"};
    int rc;
    char *tsv = report(&o, &rc);
    CHECK_INT(rc, 0);
    CHECK(strstr(tsv, "2024-03-01") == NULL);
    CHECK(strstr(tsv, "2024-03-05") == NULL);
    CHECK(strstr(tsv, "2024-03-03") != NULL);
    free(tsv);
    o.format = RL_REPORT_HTML;
    o.from = "2030-01-01";
    o.to = NULL;
    char *html = report(&o, &rc);
    CHECK_INT(rc, 0);
    CHECK(strstr(html, "No dated events") != NULL);
    free(html);
}

static void test_missing_db(void) {
    rl_report_options o = {0};
    rl_error err = {0};
    FILE *f = fopen("/dev/null", "w");
    CHECK(rl_report_write("/nonexistent/dir/x.sqlite", &o, f, &err) != 0);
    fclose(f);
    CHECK(strstr(err.reason, "cannot open") != NULL);
}

int main(void) {
    if (build_store() != 0) { printf("FAIL build_store: could not build the test store\n"); return 1; }
    RUN(test_html_self_contained);
    RUN(test_dyad_filter);
    RUN(test_date_filter);
    RUN(test_missing_db);
    unlink(db_path);
    char p[300];
    snprintf(p, sizeof p, "%s-wal", db_path); unlink(p);
    snprintf(p, sizeof p, "%s-shm", db_path); unlink(p);
    return CHECK_DONE();
}
