/* ingest.h — readers: bytes in files (plain text, JSON lines, PETRARCH XML, HTML,
 * CoNLL-U, any of them gzip-compressed) → rl_document records, one at a time.
 * A bad record yields RL_READ_BAD with the error filled in; the caller reports it and
 * asks for the next record. Text is validated (invalid UTF-8 → U+FFFD plus a warning
 * naming the byte offset) and NFC-normalised before it reaches the document. */
#ifndef RL_INGEST_H
#define RL_INGEST_H

#include <stdio.h>
#include "redline.h"
#include "document.h"

typedef enum rl_input_format {
    RL_INPUT_AUTO = 0, RL_INPUT_TEXT, RL_INPUT_JSONL, RL_INPUT_PETRARCH_XML,
    RL_INPUT_HTML, RL_INPUT_CONLLU
} rl_input_format;

/* "text" → RL_INPUT_TEXT ...; returns -1 for an unknown name. */
int rl_input_format_parse(const char *name);
const char *rl_input_format_name(rl_input_format f);

typedef enum rl_read_status { RL_READ_OK, RL_READ_EOF, RL_READ_BAD, RL_READ_FATAL } rl_read_status;

typedef struct rl_reader rl_reader;

typedef struct rl_reader_options {
    rl_input_format format;    /* AUTO = detect from name and content */
    const char *default_date;  /* "YYYY-MM-DD" for inputs that carry none (--date) */
    /* Non-fatal problems (invalid UTF-8 at offset N, ...) are passed here; may be NULL. */
    void (*warn)(void *ctx, const rl_error *w);
    void *warn_ctx;
} rl_reader_options;

/* path NULL or "-" = stdin. NULL + err on failure (file missing, not readable). */
rl_reader *rl_reader_open(const char *path, const rl_reader_options *opts, rl_error *err);
/* Reads the next document into doc, allocating from arena (doc->arena = arena).
 * A title given by the input (JSON "title") is stored in doc->title and also placed as
 * the first line of doc->text followed by a blank line, so it is segmented as a headline. */
rl_read_status rl_reader_next(rl_reader *r, rl_arena *arena, rl_document *doc, rl_error *err);
void rl_reader_close(rl_reader *r);

/* A reader over a caller's buffer (fuzzing, services); data is copied, name names it in
 * errors. gzip data is not decompressed here. */
rl_reader *rl_reader_open_memory(const void *data, size_t len, const char *name,
                                 const rl_reader_options *opts, rl_error *err);
/* The format in use once detection has run. */
rl_input_format rl_reader_format(const rl_reader *r);

/* Builds a document from a caller's input (library API, HTTP service): validates and
 * NFC-normalises the text, places the title as readers do. */
int rl_document_from_input(rl_arena *arena, const rl_doc_input *in, rl_document *doc,
                           void (*warn)(void *ctx, const rl_error *w), void *warn_ctx,
                           rl_error *err);

#endif
