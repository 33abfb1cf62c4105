/*
 * report.c — `redline report`: charts and tables over an SQLite event store.
 *
 * The HTML is one self-contained file: inline CSS, inline SVG, no scripts and nothing
 * fetched from the network, so it can be mailed or archived as it is. Days without events
 * are drawn as zero so that gaps are visible rather than interpolated over.
 */
#include "report.h"
#include "date.h"
#include "resources.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#define CHART_W 860
#define CHART_H 240
#define PAD_L 52
#define PAD_R 16
#define PAD_T 14
#define PAD_B 30
#define MAX_SERIES 8

static const char *const quad_names[4] = {
    "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"};
static const char *const palette[MAX_SERIES] = {
    "#2b7bb9", "#53a653", "#e08a2c", "#c9352b", "#7b4fa6", "#8c6d46", "#d45fa0", "#5f6b6d"};

static bool day_of(const unsigned char *s, long *out) {
    int32_t d = rl_date_parse((const char *)s);
    if (!d) return false;
    *out = rl_date_to_days(d);
    return true;
}

static void date_of_day(long days, char out[11]) {
    rl_date_write(rl_date_from_days(days), out);
}

static void html_escape(FILE *f, const char *s) {
    for (; s && *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '&': fputs("&amp;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
    }
}

/* A daily series: values[day - first] for day in [first, first + ndays). */
typedef struct series {
    char label[64];
    double *values;
} series;

typedef struct query {
    sqlite3 *db;
    const rl_report_options *o;
    char dyad_a[4], dyad_b[4];
    long first, last;        /* day range of the selected events */
    rl_error *err;
} query;

/* The WHERE clause every query shares; parameters ?1 from, ?2 to, ?3/?4 the dyad. */
static const char filter_sql[] =
    " e.date IS NOT NULL AND (?1 IS NULL OR e.date >= ?1) AND (?2 IS NULL OR e.date <= ?2)"
    " AND (?3 IS NULL OR (substr(e.source,1,3) = ?3 AND substr(e.target,1,3) = ?4)"
    "                 OR (substr(e.source,1,3) = ?4 AND substr(e.target,1,3) = ?3)) ";

static sqlite3_stmt *prepare(query *q, const char *head, const char *tail) {
    char sql[2048];
    snprintf(sql, sizeof sql, "%s WHERE %s %s", head, filter_sql, tail);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(q->db, sql, -1, &st, NULL) != SQLITE_OK) {
        rl_error_set(q->err, RL_ERR_FORMAT, "", 0, "not a redline event store? %s",
                     sqlite3_errmsg(q->db));
        return NULL;
    }
    if (q->o->from) sqlite3_bind_text(st, 1, q->o->from, -1, SQLITE_STATIC);
    if (q->o->to) sqlite3_bind_text(st, 2, q->o->to, -1, SQLITE_STATIC);
    if (q->dyad_a[0]) {
        sqlite3_bind_text(st, 3, q->dyad_a, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, q->dyad_b, -1, SQLITE_STATIC);
    }
    return st;
}

static int day_range(query *q) {
    sqlite3_stmt *st = prepare(q, "SELECT min(e.date), max(e.date), count(*) FROM events e", "");
    if (!st) return -1;
    q->first = 0;
    q->last = -1;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 2) > 0) {
        long a, b;
        if (day_of(sqlite3_column_text(st, 0), &a) && day_of(sqlite3_column_text(st, 1), &b)) {
            q->first = a;
            q->last = b;
        }
    }
    sqlite3_finalize(st);
    return 0;
}

static double *new_values(const query *q) {
    long n = q->last - q->first + 1;
    return calloc((size_t)(n > 0 ? n : 1), sizeof(double));
}

/* Fills series from rows (date, key, value): key selects the series by match(). */
static int fill_daily(query *q, sqlite3_stmt *st, series *ser, int nser,
                      int (*match)(sqlite3_stmt *, series *, int)) {
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        long day;
        if (!day_of(sqlite3_column_text(st, 0), &day) || day < q->first || day > q->last) continue;
        int k = match(st, ser, nser);
        if (k >= 0) ser[k].values[day - q->first] += sqlite3_column_double(st, 2);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        rl_error_set(q->err, RL_ERR_IO, "", 0, "query failed: %s", sqlite3_errmsg(q->db));
        return -1;
    }
    return 0;
}

static int match_quad(sqlite3_stmt *st, series *ser, int nser) {
    (void)ser;
    int quad = sqlite3_column_int(st, 1);
    return quad >= 1 && quad <= nser ? quad - 1 : -1;
}

static int match_label(sqlite3_stmt *st, series *ser, int nser) {
    const char *key = (const char *)sqlite3_column_text(st, 1);
    for (int k = 0; key && k < nser; k++)
        if (!strcmp(ser[k].label, key)) return k;
    return -1;
}

/* One line chart. Zero is drawn as a rule when the values go negative. */
static void svg_chart(FILE *f, const query *q, const series *ser, int nser, const char *title,
                      const char *unit) {
    long n = q->last - q->first + 1;
    double lo = 0, hi = 0;
    for (int k = 0; k < nser; k++)
        for (long i = 0; i < n; i++) {
            if (ser[k].values[i] > hi) hi = ser[k].values[i];
            if (ser[k].values[i] < lo) lo = ser[k].values[i];
        }
    if (hi == lo) hi = lo + 1;
    double pw = CHART_W - PAD_L - PAD_R, ph = CHART_H - PAD_T - PAD_B;
#define X(i) (PAD_L + (n > 1 ? pw * (double)(i) / (double)(n - 1) : pw / 2))
#define Y(v) (PAD_T + ph * (1 - ((v) - lo) / (hi - lo)))
    fprintf(f, "<figure><figcaption>%s</figcaption>\n", title);
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
               "viewBox=\"0 0 %d %d\" role=\"img\">\n", CHART_W, CHART_H, CHART_W, CHART_H);
    fprintf(f, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#fff\"/>\n", CHART_W, CHART_H);
    fprintf(f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\"/>\n", PAD_L, Y(lo),
            CHART_W - PAD_R, Y(lo));
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\"/>\n", PAD_L, PAD_T,
            PAD_L, Y(lo));
    if (lo < 0)
        fprintf(f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#bbb\" "
                   "stroke-dasharray=\"4 3\"/>\n", PAD_L, Y(0), CHART_W - PAD_R, Y(0));
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"ax\">%g</text>\n", PAD_L - 4,
            PAD_T + 10, hi);
    fprintf(f, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" class=\"ax\">%g</text>\n", PAD_L - 4,
            Y(lo), lo);
    fprintf(f, "<text x=\"4\" y=\"%d\" class=\"ax\">%s</text>\n", PAD_T + 10, unit);
    char d0[11], d1[11];
    date_of_day(q->first, d0);
    date_of_day(q->last, d1);
    fprintf(f, "<text x=\"%d\" y=\"%d\" class=\"ax\">%s</text>\n", PAD_L, CHART_H - 8, d0);
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"ax\">%s</text>\n",
            CHART_W - PAD_R, CHART_H - 8, d1);
    for (int k = 0; k < nser; k++) {
        fprintf(f, "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"%s\" points=\"",
                palette[k % MAX_SERIES]);
        for (long i = 0; i < n; i++) fprintf(f, "%.1f,%.1f ", X(i), Y(ser[k].values[i]));
        fputs("\"/>\n", f);
        if (n == 1)   /* a single day has no line: mark it */
            fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>\n", X(0),
                    Y(ser[k].values[0]), palette[k % MAX_SERIES]);
    }
    fputs("</svg>\n<p class=\"legend\">", f);
    for (int k = 0; k < nser; k++) {
        fprintf(f, "<span><i style=\"background:%s\"></i>", palette[k % MAX_SERIES]);
        html_escape(f, ser[k].label);
        fputs("</span> ", f);
    }
    fputs("</p></figure>\n", f);
#undef X
#undef Y
}

static void free_series(series *ser, int n) {
    for (int k = 0; k < n; k++) free(ser[k].values);
}

static int write_html(query *q, FILE *f) {
    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
          "<title>redline event report</title>\n<style>\n"
          "body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}\n"
          "h1{font-size:22px}figure{margin:18px 0}figcaption{font-weight:600;margin-bottom:4px}\n"
          ".ax{font-size:11px;fill:#555}.legend span{margin-right:14px}\n"
          ".legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}\n"
          "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;"
          "padding:4px 6px;text-align:left;vertical-align:top}td.s{font-size:12px}"
          "td.r{font:11px monospace;color:#555}\n</style></head><body>\n", f);
    fputs("<h1>redline event report</h1>\n<p>", f);
    if (q->dyad_a[0]) fprintf(f, "Dyad %s&ndash;%s (either direction). ", q->dyad_a, q->dyad_b);
    else fputs("All actors. ", f);
    if (q->last < q->first) {
        fputs("No dated events match the selection.</p></body></html>\n", f);
        return 0;
    }
    char d0[11], d1[11];
    date_of_day(q->first, d0);
    date_of_day(q->last, d1);
    fprintf(f, "Events from %s to %s.</p>\n", d0, d1);

    /* Daily counts by QuadClass. */
    series quads[4] = {{{0}, NULL}};
    int rc = 0;
    for (int k = 0; k < 4; k++) {
        snprintf(quads[k].label, sizeof quads[k].label, "%d %s", k + 1, quad_names[k]);
        if (!(quads[k].values = new_values(q))) rc = -1;
    }
    sqlite3_stmt *st = rc ? NULL : prepare(q, "SELECT e.date, e.quad_class, count(*) FROM events e",
                                           "GROUP BY e.date, e.quad_class");
    if (!st || fill_daily(q, st, quads, 4, match_quad) != 0) rc = -1;
    if (rc == 0) svg_chart(f, q, quads, 4, "Events per day by QuadClass", "events");
    free_series(quads, 4);
    if (rc) return rc;

    /* Net Goldstein per day for the dyad, or for the busiest dyads. */
    series dy[MAX_SERIES] = {{{0}, NULL}};
    int nd = 0;
    if (q->dyad_a[0]) {
        snprintf(dy[0].label, sizeof dy[0].label, "%s-%s", q->dyad_a, q->dyad_b);
        nd = 1;
    } else {
        st = prepare(q, "SELECT substr(e.source,1,3) || '-' || substr(e.target,1,3) AS d, count(*) AS n"
                        " FROM events e", "AND e.target IS NOT NULL GROUP BY d ORDER BY n DESC, d LIMIT ?5");
        if (!st) return -1;
        int top = q->o->top_dyads > 0 ? q->o->top_dyads : 5;
        sqlite3_bind_int(st, 5, top < MAX_SERIES ? top : MAX_SERIES);
        while (sqlite3_step(st) == SQLITE_ROW && nd < MAX_SERIES)
            snprintf(dy[nd++].label, sizeof dy[0].label, "%s", (const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
    }
    for (int k = 0; k < nd; k++)
        if (!(dy[k].values = new_values(q))) rc = -1;
    if (nd && rc == 0) {
        /* With a chosen dyad both directions carry its one label. */
        st = prepare(q, "SELECT e.date, CASE WHEN ?3 IS NULL"
                        " THEN substr(e.source,1,3) || '-' || substr(e.target,1,3)"
                        " ELSE ?3 || '-' || ?4 END, sum(e.goldstein) FROM events e",
                     "AND e.target IS NOT NULL GROUP BY 1, 2");
        if (!st || fill_daily(q, st, dy, nd, match_label) != 0) rc = -1;
        if (rc == 0) svg_chart(f, q, dy, nd, "Net Goldstein score per day, by dyad", "Goldstein");
    }
    free_series(dy, nd);
    if (rc) return rc;

    /* The strongest events, with the sentence and the rule that produced them. */
    st = prepare(q, "SELECT e.date, e.source, e.target, e.code, e.goldstein, s.text, e.rule, e.doc_id"
                    " FROM events e LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_index",
                 "ORDER BY abs(e.goldstein) DESC, e.date, e.doc_id, e.event_index LIMIT ?5");
    if (!st) return -1;
    sqlite3_bind_int(st, 5, q->o->top_events > 0 ? q->o->top_events : 50);
    fputs("<h2>Top events</h2>\n<table><tr><th>date</th><th>source</th><th>target</th><th>event</th>"
          "<th>Goldstein</th><th>sentence</th><th>rule</th></tr>\n", f);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *code = (const char *)sqlite3_column_text(st, 3);
        const rl_cameo_code *c = code ? rl_cameo_lookup(code) : NULL;
        fputs("<tr><td>", f);
        html_escape(f, (const char *)sqlite3_column_text(st, 0));
        fputs("</td><td>", f);
        html_escape(f, (const char *)sqlite3_column_text(st, 1));
        fputs("</td><td>", f);
        html_escape(f, sqlite3_column_type(st, 2) == SQLITE_NULL ? "—" : (const char *)sqlite3_column_text(st, 2));
        fputs("</td><td>", f);
        html_escape(f, code);
        if (c) { fputs(" ", f); html_escape(f, c->name); }
        fprintf(f, "</td><td>%.1f</td><td class=\"s\">", sqlite3_column_double(st, 4));
        html_escape(f, (const char *)sqlite3_column_text(st, 5));
        fputs(" <small>(", f);
        html_escape(f, (const char *)sqlite3_column_text(st, 7));
        fputs(")</small></td><td class=\"r\">", f);
        html_escape(f, (const char *)sqlite3_column_text(st, 6));
        fputs("</td></tr>\n", f);
    }
    sqlite3_finalize(st);
    fputs("</table>\n<p><small>Made by redline " REDLINE_VERSION ".</small></p></body></html>\n", f);
    return 0;
}

static int write_tsv(query *q, FILE *f) {
    sqlite3_stmt *st = prepare(q, "SELECT e.date, substr(e.source,1,3), coalesce(substr(e.target,1,3), ''),"
                                  " e.root, count(*), sum(e.goldstein) FROM events e",
                               "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4");
    if (!st) return -1;
    fputs("date\tsource\ttarget\troot\tevents\tgoldstein_sum\n", f);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        fprintf(f, "%s\t%s\t%s\t%s\t%lld\t%.1f\n", sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
                sqlite3_column_text(st, 2), sqlite3_column_text(st, 3),
                (long long)sqlite3_column_int64(st, 4), sqlite3_column_double(st, 5));
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        rl_error_set(q->err, RL_ERR_IO, "", 0, "query failed: %s", sqlite3_errmsg(q->db));
        return -1;
    }
    return 0;
}

int rl_report_write(const char *db_path, const rl_report_options *o, FILE *out, rl_error *err) {
    query q = {.o = o, .err = err};
    if (o->dyad) {
        if (strlen(o->dyad) != 7 || o->dyad[3] != '-') {
            rl_error_set(err, RL_ERR_USAGE, "", 0, "--dyad wants two three-letter codes, e.g. IRN-USA");
            return -1;
        }
        memcpy(q.dyad_a, o->dyad, 3);
        memcpy(q.dyad_b, o->dyad + 4, 3);
    }
    if (sqlite3_open_v2(db_path, &q.db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        rl_error_set(err, RL_ERR_IO, db_path, 0, "cannot open database: %s",
                     q.db ? sqlite3_errmsg(q.db) : "out of memory");
        sqlite3_close(q.db);
        return -1;
    }
    int rc = day_range(&q);
    if (rc == 0) rc = o->format == RL_REPORT_TSV ? write_tsv(&q, out) : write_html(&q, out);
    if (rc != 0 && err && !err->file[0]) snprintf(err->file, sizeof err->file, "%s", db_path);
    sqlite3_close(q.db);
    return rc;
}
