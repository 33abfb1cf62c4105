/* writer.h — event writers: JSON lines, TSV and Phoenix TSV.
 *
 * Writers are plain functions over a FILE * (use open_memstream for a buffer) and hold no
 * state, so any thread may call them on its own stream. Every text field is escaped so
 * that any byte string produces a valid line: JSON strings are valid JSON for arbitrary
 * input (control characters as \u00XX, invalid UTF-8 as U+FFFD), TSV fields never
 * contain a raw tab or line break. See docs/output-formats.md. */
#ifndef RL_WRITER_H
#define RL_WRITER_H

#include <stdio.h>

#include "redline.h"

typedef enum rl_output_format {
    RL_OUT_JSONL = 0,
    RL_OUT_TSV,
    RL_OUT_PHOENIX
} rl_output_format;

/* "jsonl" (also "json"), "tsv", "phoenix" → format; -1 if unknown. */
int rl_output_format_parse(const char *name, rl_output_format *fmt);

/* The header line of a TSV format (nothing for JSON lines). Returns 0, -1 on I/O error. */
int rl_write_header(FILE *out, rl_output_format fmt);

/* One event as one line. index is the event's 0-based position among its document's
 * events; the Phoenix EventID is built from it. Returns 0, -1 on I/O error. */
int rl_write_event(FILE *out, rl_output_format fmt, const rl_event *e, size_t index);

/* One event as a JSON object, without a trailing newline (for arrays, e.g. the service). */
int rl_write_event_json(FILE *out, const rl_event *e);

/* A JSON string literal (quotes included) of s[0..len), or null when s is NULL. */
void rl_write_json_string(FILE *out, const char *s, size_t len);

/* A TSV field: tab, newline, carriage return and backslash escaped as \t \n \r \\. */
void rl_write_tsv_field(FILE *out, const char *s);

#endif
