/* cli_inputs.h — the input loop shared by `segment`, `code` and `parse`: opens each file
 * (or stdin), reads its documents, reports bad records on stderr and counts them. */
#ifndef RL_CLI_INPUTS_H
#define RL_CLI_INPUTS_H

#include <stdbool.h>
#include "ingest.h"

typedef struct cli_input_options {
    int format;            /* rl_input_format; RL_INPUT_AUTO detects per file */
    const char *date;      /* --date: "YYYY-MM-DD" for documents that carry none */
    bool quiet;            /* no progress, no summary, no warnings */
    const char *verb;      /* "coded", "segmented" ... for the summary line */
    /* Optional: called once after the last document, before the summary, by a caller that
     * works on documents after fn returned (a thread pool). It finishes them and returns how
     * many failed; those move from "ok" to "rejected", so the summary is right. */
    long (*drain)(void *ctx);
} cli_input_options;

typedef struct cli_stats { long read, ok, rejected; } cli_stats;

/* Reads every document of files (stdin if nfiles == 0), calling fn(doc, ctx) for each.
 * The doc lives in its own arena (doc->arena). If fn returns 1 it takes ownership of the
 * arena (and must rl_arena_free it later); 0 = done with it (the driver frees/reuses it);
 * -1 = this document failed (counted as rejected; fn has printed why). Bad records are
 * reported on stderr ("redline: FILE:RECORD: [id: ]reason") and counted. Shows progress
 * on stderr when stderr is a terminal and !quiet. Prints the summary line
 * "redline: N documents read, N <verb>, N rejected" unless quiet. Returns 0 if every
 * record was fine, 1 if any was rejected, 2 on a fatal error. */
int cli_each_document(char **files, int nfiles, const cli_input_options *o,
                      int (*fn)(rl_document *doc, void *ctx), void *ctx, cli_stats *stats);

/* Prints "redline: FILE:RECORD: id: reason" on stderr. */
void cli_report_error(const rl_error *err);

/* --date value check: true for "YYYY-MM-DD". */
bool cli_valid_date(const char *s);

#endif
