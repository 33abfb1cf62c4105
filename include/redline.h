/*
 * redline.h — the whole public API of redline, a political event coder.
 *
 * News text goes in, CAMEO-coded events come out:
 *
 *     rl_error err;
 *     rl_resources *res = rl_resources_open(NULL, &err);        // defaults from data/
 *     rl_doc_input doc = { .id = "a1", .date = "2019-07-18", .text = text };
 *     rl_events *ev = rl_code_document(res, &doc, NULL, &err);
 *     for (size_t i = 0; i < rl_events_count(ev); i++) {
 *         const rl_event *e = rl_events_get(ev, i);
 *         printf("%s %s %s\n", e->source, e->code, e->target ? e->target : "-");
 *     }
 *     rl_events_free(ev);
 *     rl_resources_close(res);
 *
 * A resource set (ontology, dictionaries, models) is read-only once opened and may be
 * shared by any number of threads; each call to rl_code_document works on its own
 * memory. Errors travel as values (rl_error) naming file, record and reason.
 */
#ifndef REDLINE_H
#define REDLINE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

#define REDLINE_VERSION "0.1.0"

/* ---- errors ------------------------------------------------------------------------ */

typedef enum rl_status {
    RL_OK = 0,
    RL_ERR_IO,          /* file could not be opened or read */
    RL_ERR_FORMAT,      /* input or resource is malformed */
    RL_ERR_MEMORY,      /* allocation failed */
    RL_ERR_USAGE,       /* the caller passed something that makes no sense */
    RL_ERR_LIMIT        /* an input exceeded a documented limit */
} rl_status;

typedef struct rl_error {
    rl_status status;
    char file[256];     /* file (or resource) concerned, "" if none */
    long record;        /* 1-based line or record number, 0 if not applicable */
    char id[128];       /* document id, "" if unknown */
    char reason[512];   /* human-readable reason */
} rl_error;

/* "file:record: id: reason" in buf; returns buf. */
const char *rl_error_format(const rl_error *err, char *buf, size_t size);

/* ---- resources --------------------------------------------------------------------- */

/* Where to load resources from. NULL fields mean "the defaults": the data directory is
 * found from $REDLINE_DATA, then the directory the library was built from, then the
 * installed share directory. Comma-separated lists are accepted for actors. */
typedef struct rl_resource_paths {
    const char *data_dir;   /* directory holding dict/ and models/ */
    const char *verbs;      /* verb pattern dictionary (PETRARCH format) */
    const char *actors;     /* actor dictionaries, comma-separated */
    const char *agents;     /* agent dictionary */
    const char *discards;   /* discard list */
    bool no_models;         /* skip loading tagger/parser models (segmentation only) */
    bool no_dictionaries;   /* skip loading dictionaries (parse only) */
} rl_resource_paths;

typedef struct rl_resources rl_resources;

rl_resources *rl_resources_open(const rl_resource_paths *paths, rl_error *err);
void rl_resources_close(rl_resources *res);

/* ---- ontology ---------------------------------------------------------------------- */

typedef struct rl_cameo_code {
    const char *code;         /* "125" */
    const char *name;         /* "Refuse to negotiate" (our wording) */
    const char *description;  /* a short description in our words */
    double goldstein;         /* -10 .. +10 */
    int quad_class;           /* 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict */
} rl_cameo_code;

/* Every CAMEO event code, in code order. */
size_t rl_cameo_count(void);
const rl_cameo_code *rl_cameo_at(size_t i);
const rl_cameo_code *rl_cameo_lookup(const char *code);   /* NULL if unknown */

/* ---- coding ------------------------------------------------------------------------ */

typedef struct rl_doc_input {
    const char *id;        /* document id (required for output; "" allowed) */
    const char *date;      /* "YYYY-MM-DD" or NULL */
    const char *title;     /* headline or NULL */
    const char *text;      /* UTF-8 body text */
    size_t text_len;       /* 0 = strlen(text) */
} rl_doc_input;

typedef struct rl_code_options {
    bool statements;        /* emit 010 for bare statements (off by default) */
    bool require_dyad;      /* drop events without a target (off by default) */
    double time_limit;      /* seconds per document, 0 = none; past it coding fails with
                               RL_ERR_LIMIT */
} rl_code_options;

typedef struct rl_event {
    const char *doc_id;
    int sentence_index;       /* 0-based index among the document's sentences */
    const char *date;         /* "YYYY-MM-DD" or NULL */
    const char *date_source;  /* "document", "resolved" or NULL */
    const char *source;       /* actor code, e.g. "IRNGOV" */
    const char *target;       /* actor code or NULL */
    const char *code;         /* CAMEO code, e.g. "036" */
    char root[3];             /* "03" */
    int quad_class;
    double goldstein;
    const char *source_text;  /* the words the source was read from */
    const char *target_text;  /* NULL if no target */
    const char *trigger;      /* the predicate word(s) */
    const char *sentence;     /* the sentence text */
    const char *rule;         /* dictionary entry that fired: "file:line: pattern" */
    const char *reported_by;  /* actor code of the speaker for reported speech, or NULL */
    bool negated;
    bool conditional;
    /* Set only by the one-a-day filter (rl_daily_*): how many events with this date,
     * source, target and code were merged into this one, and where they were read,
     * "doc_id:sentence_index" items separated by spaces. 0 / NULL otherwise. */
    int mentions;
    const char *supporting;
} rl_event;

typedef struct rl_events rl_events;

/* Codes one document. Returns NULL and fills err on failure. */
rl_events *rl_code_document(const rl_resources *res, const rl_doc_input *doc,
                            const rl_code_options *opts, rl_error *err);
size_t rl_events_count(const rl_events *ev);
const rl_event *rl_events_get(const rl_events *ev, size_t i);
void rl_events_free(rl_events *ev);

/* ---- the one-a-day filter (Phoenix's) ------------------------------------------------ */

/* Merges events with the same date, source, target and code into one, counting the
 * mentions and listing the supporting sentences. Events are copied; the merged list keeps
 * the order in which each key was first seen. */
typedef struct rl_daily rl_daily;

rl_daily *rl_daily_new(void);
int rl_daily_add(rl_daily *d, const rl_event *e);          /* 0, or -1 out of memory */
size_t rl_daily_count(const rl_daily *d);
const rl_event *rl_daily_get(const rl_daily *d, size_t i);
void rl_daily_free(rl_daily *d);

#ifdef __cplusplus
}
#endif
#endif
