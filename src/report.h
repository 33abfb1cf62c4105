/* report.h — reports over an event store: a self-contained HTML page with SVG charts
 * (daily counts by QuadClass, net Goldstein by dyad, the top events with their sentences
 * and rules), or TSV aggregates (date × dyad × root) for R or pandas. */
#ifndef RL_REPORT_H
#define RL_REPORT_H

#include <stdio.h>

#include "redline.h"

typedef enum rl_report_format { RL_REPORT_HTML, RL_REPORT_TSV } rl_report_format;

typedef struct rl_report_options {
    const char *dyad;      /* "IRN-USA": events between the two (either direction), by the
                              first three letters of the actor codes; NULL = all */
    const char *from, *to; /* inclusive YYYY-MM-DD bounds, NULL = open */
    int top_dyads;         /* dyads drawn in the Goldstein chart when no dyad is given (5) */
    int top_events;        /* rows in the events table (50) */
    rl_report_format format;
} rl_report_options;

/* Writes the report for the SQLite store at db_path to out. 0, or -1 with err set. */
int rl_report_write(const char *db_path, const rl_report_options *opts, FILE *out, rl_error *err);

#endif
