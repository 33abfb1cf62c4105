/* cmd_report.c — `redline report DB`: HTML charts or TSV aggregates from an event store. */
#include "cli.h"
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *out) {
    fprintf(out,
        "usage: redline report DB.sqlite [--dyad AAA-BBB] [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
        "                      [--format html|tsv] [--top-dyads N] [--top-events N] [--out FILE]\n\n"
        "html (default): one self-contained page with SVG charts (daily events by QuadClass,\n"
        "net Goldstein per day for the dyad or the busiest dyads) and the top events with their\n"
        "sentences and rules. tsv: date, source, target, root, events, goldstein_sum.\n"
        "A dyad is two three-letter entity codes and matches either direction.\n");
}

int cmd_report(int argc, char **argv) {
    rl_report_options o = {.format = RL_REPORT_HTML};
    const char *db = NULL, *out_path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); return 0; }
        else if (!strcmp(a, "--dyad") && v) { o.dyad = v; i++; }
        else if (!strcmp(a, "--from") && v) { o.from = v; i++; }
        else if (!strcmp(a, "--to") && v) { o.to = v; i++; }
        else if (!strcmp(a, "--out") && v) { out_path = v; i++; }
        else if (!strcmp(a, "--top-dyads") && v) { o.top_dyads = atoi(v); i++; }
        else if (!strcmp(a, "--top-events") && v) { o.top_events = atoi(v); i++; }
        else if (!strcmp(a, "--format") && v) {
            if (!strcmp(v, "html")) o.format = RL_REPORT_HTML;
            else if (!strcmp(v, "tsv")) o.format = RL_REPORT_TSV;
            else { fprintf(stderr, "redline report: unknown format '%s' (html, tsv)\n", v); return 2; }
            i++;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "redline report: unknown option '%s'\n", a); usage(stderr); return 2;
        } else if (!db) db = a;
        else { fprintf(stderr, "redline report: one database at a time\n"); return 2; }
    }
    if (!db) { usage(stderr); return 2; }
    FILE *out = out_path ? fopen(out_path, "w") : stdout;
    if (!out) { perror(out_path); return 2; }
    rl_error err = {0};
    char msg[1024];
    int rc = rl_report_write(db, &o, out, &err);
    if (out != stdout && fclose(out) != 0 && rc == 0) { perror(out_path); rc = -1; }
    if (rc != 0) {
        if (err.reason[0]) fprintf(stderr, "redline report: %s\n", rl_error_format(&err, msg, sizeof msg));
        return 1;
    }
    return 0;
}
