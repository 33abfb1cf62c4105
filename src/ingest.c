/* ingest.c — readers for plain text, JSON lines, PETRARCH XML, HTML and CoNLL-U, any of
 * them gzip-compressed, from files, stdin or memory.
 *
 * Input flows through one byte source (zlib's gzread, which passes plain files through
 * untouched, or a caller's memory buffer). Line formats (JSON lines, CoNLL-U) stream a
 * line at a time; whole-document formats (text, HTML, XML) read the input up to a limit
 * and then hand out records. Every string a document holds lives in the caller's arena. */
#include "ingest.h"
#include "normalize.h"
#include "resources.h"

#include <ctype.h>
#include <limits.h>
#include <errno.h>
#include <fcntl.h>
#include <yajl/yajl_parse.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define CHUNK (256u * 1024)
#define MAX_RECORD ((size_t)64 << 20)     /* one document, line or CoNLL-U document */
#define MAX_XML_FILE ((size_t)512 << 20)  /* a PETRARCH file holds many records */

/* The top-level fields a JSON-lines record may carry (see json_scan_line). */
enum { JF_ID, JF_TEXT, JF_TITLE, JF_DATE, JF_COUNT };

struct rl_reader {
    rl_reader_options opts;
    rl_input_format format;
    char *name;                 /* origin as given ("-" for stdin) */
    const char *base;           /* basename of name: the doc id of whole-file inputs */
    gzFile gz;                  /* file input; NULL for memory input */
    const unsigned char *mem;   /* memory input */
    unsigned char *buf;         /* current chunk (points at mem for memory input) */
    size_t len, pos;
    bool eof, io_error, io_reported;
    char io_msg[160];
    long line;                  /* lines consumed so far */
    long total_bytes;
    char *lbuf;                 /* line assembled across chunks */
    size_t lcap;
    bool done;                  /* whole-input formats: input consumed */
    /* XML / HTML */
    xmlDocPtr xdoc;
    xmlNodePtr xnext;           /* next node to visit in document order */
    char *xml_error;            /* a parse error still to report */
    long xml_error_line;
    /* CoNLL-U: a "# newdoc" line read ahead, and scratch vectors reused per document */
    char *pending_newdoc;
    rl_token *toks;
    size_t ntoks, ctoks;
    rl_sentence *sents;
    size_t nsents, csents;
    char *tbuf;
    size_t tlen, tcap;
    /* JSON lines: the top-level fields of the current record */
    struct json_field { char *s; size_t len, cap; bool is_string; } jfield[JF_COUNT];
};

/* ---- formats ------------------------------------------------------------------------ */

static const char *const format_names[] = {"auto", "text", "jsonl", "petrarch-xml", "html", "conllu"};

int rl_input_format_parse(const char *name) {
    if (!name) return -1;
    for (int i = 0; i < (int)(sizeof format_names / sizeof format_names[0]); i++)
        if (!strcmp(name, format_names[i])) return i;
    if (!strcmp(name, "xml") || !strcmp(name, "petrarch")) return RL_INPUT_PETRARCH_XML;
    if (!strcmp(name, "json")) return RL_INPUT_JSONL;
    if (!strcmp(name, "txt")) return RL_INPUT_TEXT;
    return -1;
}

const char *rl_input_format_name(rl_input_format f) {
    return (unsigned)f < sizeof format_names / sizeof format_names[0] ? format_names[f] : "?";
}

static bool ends_with(const char *s, size_t n, const char *suffix) {
    size_t k = strlen(suffix);
    if (n < k) return false;
    for (size_t i = 0; i < k; i++)
        if (tolower((unsigned char)s[n - k + i]) != suffix[i]) return false;
    return true;
}

static rl_input_format format_from_name(const char *name) {
    if (!name) return RL_INPUT_AUTO;
    size_t n = strlen(name);
    if (ends_with(name, n, ".gz")) n -= 3;
    if (ends_with(name, n, ".jsonl") || ends_with(name, n, ".json") || ends_with(name, n, ".ndjson"))
        return RL_INPUT_JSONL;
    if (ends_with(name, n, ".xml")) return RL_INPUT_PETRARCH_XML;
    if (ends_with(name, n, ".html") || ends_with(name, n, ".htm") || ends_with(name, n, ".xhtml"))
        return RL_INPUT_HTML;
    if (ends_with(name, n, ".conllu") || ends_with(name, n, ".conll")) return RL_INPUT_CONLLU;
    if (ends_with(name, n, ".txt")) return RL_INPUT_TEXT;
    return RL_INPUT_AUTO;
}

static bool starts_ci(const unsigned char *p, size_t n, const char *lit) {
    size_t k = strlen(lit);
    if (n < k) return false;
    for (size_t i = 0; i < k; i++)
        if (tolower(p[i]) != tolower((unsigned char)lit[i])) return false;
    return true;
}

/* Content sniffing on the first chunk (already decompressed). */
static rl_input_format format_from_content(const unsigned char *p, size_t n) {
    size_t i = 0;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) i = 3;
    while (i < n && isspace(p[i])) i++;
    p += i;
    n -= i;
    if (n == 0) return RL_INPUT_TEXT;
    if (p[0] == '{') return RL_INPUT_JSONL;
    if (starts_ci(p, n, "<Sentences") || starts_ci(p, n, "<?xml")) {
        /* An XHTML page also starts with <?xml; look for the html element nearby. */
        for (size_t j = 0; j + 5 < n && j < 1024; j++)
            if (starts_ci(p + j, n - j, "<html")) return RL_INPUT_HTML;
        return RL_INPUT_PETRARCH_XML;
    }
    if (starts_ci(p, n, "<!--")) {
        for (size_t j = 0; j + 10 < n && j < 4096; j++) {
            if (starts_ci(p + j, n - j, "<Sentences")) return RL_INPUT_PETRARCH_XML;
            if (starts_ci(p + j, n - j, "<html")) return RL_INPUT_HTML;
        }
    }
    if (starts_ci(p, n, "<!DOCTYPE html") || starts_ci(p, n, "<html") || starts_ci(p, n, "<head") ||
        starts_ci(p, n, "<body"))
        return RL_INPUT_HTML;
    if (starts_ci(p, n, "# newdoc") || starts_ci(p, n, "# sent_id") || starts_ci(p, n, "# text"))
        return RL_INPUT_CONLLU;
    return RL_INPUT_TEXT;
}

/* ---- byte source -------------------------------------------------------------------- */

/* Fetches the next chunk; false at end of input or on error (r->io_error). */
/* gzerror() prefixes the file descriptor ("<fd:3>: "); keep the message only. */
static const char *gz_message(gzFile gz, int *zerr) {
    const char *msg = gzerror(gz, zerr);
    const char *colon = msg && msg[0] == '<' ? strstr(msg, ": ") : NULL;
    return colon ? colon + 2 : msg ? msg : "";
}

static bool refill(rl_reader *r) {
    if (r->eof) return false;
    if (!r->gz) { r->eof = true; return false; }
    int n = gzread(r->gz, r->buf, CHUNK);
    if (n < 0) {
        int zerr;
        const char *msg = gz_message(r->gz, &zerr);
        r->io_error = true;
        if (zerr == Z_ERRNO)
            snprintf(r->io_msg, sizeof r->io_msg, "read error: %s", strerror(errno));
        else
            snprintf(r->io_msg, sizeof r->io_msg, "gzip data is corrupt or truncated (%s)", msg);
        r->eof = true;
        return false;
    }
    if (n == 0) {
        int zerr;
        const char *msg = gz_message(r->gz, &zerr);
        if (zerr == Z_BUF_ERROR || (zerr != Z_OK && zerr != Z_STREAM_END)) {
            r->io_error = true;
            snprintf(r->io_msg, sizeof r->io_msg, "gzip data is truncated (%s)", msg);
        }
        r->eof = true;
        return false;
    }
    r->len = (size_t)n;
    r->pos = 0;
    r->total_bytes += n;
    return true;
}

/* Reads one line (without its '\n'). Returns 1 with the line and its length set, 0 at end of input,
 * -1 when the line exceeded MAX_RECORD (it has been skipped), -2 when out of memory. */
static int read_line(rl_reader *r, char **line, size_t *n) {
    size_t have = 0;
    bool overflow = false;
    for (;;) {
        if (r->pos >= r->len && !refill(r)) {
            if (have == 0 && !overflow) return 0;
            break;
        }
        unsigned char *start = r->buf + r->pos;
        size_t avail = r->len - r->pos;
        unsigned char *nl = memchr(start, '\n', avail);
        size_t take = nl ? (size_t)(nl - start) : avail;
        r->pos += take + (nl ? 1 : 0);
        if (nl && have == 0 && !overflow) {
            /* Common case: the line lies inside the chunk; hand it out in place. */
            r->line++;
            *line = (char *)start;
            *n = take;
            start[take] = '\0';   /* the '\n' slot; the chunk is ours */
            return 1;
        }
        if (!overflow) {
            if (have + take > MAX_RECORD) {
                overflow = true;
            } else {
                if (have + take + 1 > r->lcap) {
                    size_t cap = r->lcap ? r->lcap : 4096;
                    while (cap < have + take + 1) cap *= 2;
                    char *nb = realloc(r->lbuf, cap);
                    if (!nb) return -2;
                    r->lbuf = nb;
                    r->lcap = cap;
                }
                memcpy(r->lbuf + have, start, take);
                have += take;
            }
        }
        if (nl) break;
    }
    r->line++;
    if (overflow) return -1;
    r->lbuf[have] = '\0';
    *line = r->lbuf;
    *n = have;
    return 1;
}

/* Reads the rest of the input into a malloc'd buffer (NUL-terminated).
 * Returns 0, -1 if it exceeds limit (the rest is drained), -2 when out of memory. */
static int read_all(rl_reader *r, size_t limit, char **out, size_t *n) {
    size_t have = 0, cap = 0;
    char *b = NULL;
    bool over = false;
    for (;;) {
        if (r->pos >= r->len && !refill(r)) break;
        size_t take = r->len - r->pos;
        if (!over && have + take > limit) { over = true; free(b); b = NULL; }
        if (!over) {
            if (have + take + 1 > cap) {
                size_t nc = cap ? cap : CHUNK * 2;
                while (nc < have + take + 1) nc *= 2;
                char *nb = realloc(b, nc);
                if (!nb) { free(b); return -2; }
                b = nb;
                cap = nc;
            }
            memcpy(b + have, r->buf + r->pos, take);
            have += take;
        }
        r->pos = r->len;
    }
    if (over) return -1;
    if (!b && !(b = malloc(1))) return -2;
    b[have] = '\0';
    *out = b;
    *n = have;
    return 0;
}

/* ---- open / close ------------------------------------------------------------------- */

static rl_reader *reader_new(const char *name, const rl_reader_options *opts, rl_error *err) {
    rl_reader *r = calloc(1, sizeof *r);
    if (!r || !(r->name = strdup(name))) {
        free(r);
        rl_error_set(err, RL_ERR_MEMORY, name, 0, "out of memory");
        return NULL;
    }
    if (opts) r->opts = *opts;
    const char *slash = strrchr(r->name, '/');
    r->base = slash ? slash + 1 : r->name;
    return r;
}

/* Picks the format once the first chunk is in. */
static void settle_format(rl_reader *r) {
    r->format = r->opts.format;
    if (r->format == RL_INPUT_AUTO) r->format = format_from_name(r->name);
    if (r->format == RL_INPUT_AUTO) r->format = format_from_content(r->buf, r->len);
    if (r->format == RL_INPUT_PETRARCH_XML || r->format == RL_INPUT_HTML) xmlInitParser();
}

rl_reader *rl_reader_open(const char *path, const rl_reader_options *opts, rl_error *err) {
    bool is_stdin = !path || !strcmp(path, "-");
    rl_reader *r = reader_new(is_stdin ? "-" : path, opts, err);
    if (!r) return NULL;
    int fd = is_stdin ? dup(0) : open(path, O_RDONLY);
    if (fd < 0) {
        rl_error_set(err, RL_ERR_IO, r->name, 0, "cannot open: %s", strerror(errno));
        rl_reader_close(r);
        return NULL;
    }
    r->gz = gzdopen(fd, "rb");
    r->buf = malloc(CHUNK + 1);   /* +1: read_line may write a NUL after a full chunk */
    if (!r->gz || !r->buf) {
        if (!r->gz) close(fd);
        rl_error_set(err, RL_ERR_MEMORY, r->name, 0, "out of memory");
        rl_reader_close(r);
        return NULL;
    }
    gzbuffer(r->gz, CHUNK);
    if (!refill(r) && r->io_error) {
        /* A directory, or a gzip file broken at its very start. */
        rl_error_set(err, RL_ERR_IO, r->name, 0, "%s", r->io_msg);
        rl_reader_close(r);
        return NULL;
    }
    settle_format(r);
    return r;
}

rl_reader *rl_reader_open_memory(const void *data, size_t len, const char *name,
                                 const rl_reader_options *opts, rl_error *err) {
    rl_reader *r = reader_new(name ? name : "(memory)", opts, err);
    if (!r) return NULL;
    /* Line readers write a NUL at line ends, so work on a private copy. */
    r->buf = malloc(len + 1);
    if (!r->buf) {
        rl_error_set(err, RL_ERR_MEMORY, r->name, 0, "out of memory");
        rl_reader_close(r);
        return NULL;
    }
    if (len) memcpy(r->buf, data, len);
    r->buf[len] = '\0';
    r->mem = r->buf;
    r->len = len;
    r->total_bytes = (long)len;
    r->eof = true;
    settle_format(r);
    return r;
}

void rl_reader_close(rl_reader *r) {
    if (!r) return;
    if (r->gz) gzclose(r->gz);
    free(r->buf);
    free(r->name);
    free(r->lbuf);
    if (r->xdoc) xmlFreeDoc(r->xdoc);
    free(r->xml_error);
    free(r->pending_newdoc);
    free(r->toks);
    free(r->sents);
    free(r->tbuf);
    for (int i = 0; i < JF_COUNT; i++) free(r->jfield[i].s);
    free(r);
}

/* ---- documents ---------------------------------------------------------------------- */

static void set_id(rl_error *err, const char *id) {
    if (err && id) snprintf(err->id, sizeof err->id, "%s", id);
}

/* "YYYY-MM-DD", "YYYYMMDD" or an ISO timestamp → "YYYY-MM-DD" in out; false if none. */
static bool parse_date(const char *s, char out[11]) {
    if (!s) return false;
    while (isspace((unsigned char)*s)) s++;
    int y, m, d;
    size_t n = strlen(s);
    if (n >= 10 && isdigit((unsigned char)s[0]) && s[4] == '-' && s[7] == '-' &&
        sscanf(s, "%4d-%2d-%2d", &y, &m, &d) == 3) {
    } else if (n >= 8 && strspn(s, "0123456789") >= 8 && sscanf(s, "%4d%2d%2d", &y, &m, &d) == 3) {
    } else {
        return false;
    }
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > 31) return false;
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
    return true;
}

/* Fills doc from raw (unnormalised) parts; the title, if any, becomes the first line of
 * the text followed by a blank line so the segmenter sees it as a headline. */
static int build_document(rl_arena *a, rl_document *doc, const char *origin, long record,
                          const char *id, const char *date, const char *title, size_t tlen,
                          const char *text, size_t len,
                          void (*warn)(void *, const rl_error *), void *warn_ctx, rl_error *err) {
    memset(doc, 0, sizeof *doc);
    doc->arena = a;
    doc->origin = rl_arena_strdup(a, origin ? origin : "");
    doc->record = record;
    doc->id = rl_arena_strdup(a, id ? id : "");
    if (!doc->origin || !doc->id) goto oom;
    if (date) {
        char d[11];
        if (parse_date(date, d)) {
            if (!(doc->date = rl_arena_strdup(a, d))) goto oom;
            doc->date_source = "input";
        } else if (warn && *date) {
            rl_error w;
            rl_error_set(&w, RL_OK, origin, record, "date '%.40s' is not YYYY-MM-DD; ignored", date);
            set_id(&w, doc->id);
            warn(warn_ctx, &w);
        }
    }
    rl_norm_report rep = {.origin = origin, .record = record, .id = doc->id,
                          .warn = warn, .warn_ctx = warn_ctx};
    char *body = NULL;
    size_t blen = 0;
    if (title && tlen) {
        size_t nt = 0;
        char *t = rl_normalize_text(a, title, tlen, &nt, &rep);
        if (!t) goto oom;
        /* A title is one line: fold its line breaks and trim it. */
        for (size_t i = 0; i < nt; i++)
            if (t[i] == '\n' || t[i] == '\t') t[i] = ' ';
        while (nt && t[nt - 1] == ' ') t[--nt] = '\0';
        while (*t == ' ') { t++; nt--; }
        doc->title = t;
        if (nt) {
            /* The title heads the text with a blank line below it; normalising the body
             * straight behind it saves copying the whole text again. */
            size_t plen = nt + (text && len ? 2 : 0);
            char *prefix = rl_arena_alloc(a, nt + 2);
            if (!prefix) goto oom;
            memcpy(prefix, t, nt);
            prefix[nt] = '\n';
            prefix[nt + 1] = '\n';
            body = rl_normalize_text_after(a, prefix, plen, text ? text : "", text ? len : 0,
                                           &blen, &rep);
            if (!body) goto oom;
        }
    }
    if (!body && !(body = rl_normalize_text(a, text ? text : "", text ? len : 0, &blen, &rep)))
        goto oom;
    doc->text = body;
    doc->text_len = blen;
    return 0;
oom:
    rl_error_set(err, RL_ERR_MEMORY, origin, record, "out of memory");
    return -1;
}

int rl_document_from_input(rl_arena *a, const rl_doc_input *in, rl_document *doc,
                           void (*warn)(void *ctx, const rl_error *w), void *warn_ctx,
                           rl_error *err) {
    if (!a || !in || !doc) {
        rl_error_set(err, RL_ERR_USAGE, "", 0, "no document given");
        return -1;
    }
    size_t len = in->text ? (in->text_len ? in->text_len : strlen(in->text)) : 0;
    if (len > MAX_RECORD) {
        rl_error_set(err, RL_ERR_LIMIT, "", 0, "document of %zu bytes exceeds the %zu MiB limit",
                     len, MAX_RECORD >> 20);
        set_id(err, in->id);
        return -1;
    }
    return build_document(a, doc, "", 0, in->id, in->date, in->title,
                          in->title ? strlen(in->title) : 0, in->text, len, warn, warn_ctx, err);
}

/* Binary data: many bytes that are not text. Rejected rather than coded. */
static bool looks_binary(const char *s, size_t n) {
    size_t bad = 0, probe = n < 65536 ? n : 65536;
    for (size_t i = 0; i < probe; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) bad++;
    }
    return probe >= 16 && bad * 10 > probe;
}

/* Marks a document from an input that gave no date with --date's value. */
static int apply_default_date(rl_reader *r, rl_document *doc, rl_error *err) {
    if (doc->date || !r->opts.default_date) return 0;
    char d[11];
    if (!parse_date(r->opts.default_date, d)) return 0;
    if (!(doc->date = rl_arena_strdup(doc->arena, d))) {
        rl_error_set(err, RL_ERR_MEMORY, r->name, doc->record, "out of memory");
        return -1;
    }
    doc->date_source = "input";
    return 0;
}

static rl_read_status io_failure(rl_reader *r, rl_error *err) {
    r->io_reported = true;
    rl_error_set(err, RL_ERR_IO, r->name, r->line ? r->line + 1 : 0, "%s", r->io_msg);
    return RL_READ_BAD;
}

/* ---- plain text --------------------------------------------------------------------- */

static rl_read_status next_text(rl_reader *r, rl_arena *a, rl_document *doc, rl_error *err) {
    if (r->done) return RL_READ_EOF;
    r->done = true;
    char *buf;
    size_t n;
    int rc = read_all(r, MAX_RECORD, &buf, &n);
    if (rc == -2) { rl_error_set(err, RL_ERR_MEMORY, r->name, 0, "out of memory"); return RL_READ_FATAL; }
    if (r->io_error) { if (rc == 0) free(buf); return io_failure(r, err); }
    if (rc == -1) {
        rl_error_set(err, RL_ERR_LIMIT, r->name, 0, "document exceeds the %zu MiB limit; skipped",
                     MAX_RECORD >> 20);
        return RL_READ_BAD;
    }
    size_t k = 0;
    while (k < n && isspace((unsigned char)buf[k])) k++;
    if (k == n) {
        free(buf);
        rl_error_set(err, RL_ERR_FORMAT, r->name, 0, "empty document");
        return RL_READ_BAD;
    }
    if (looks_binary(buf, n)) {
        free(buf);
        rl_error_set(err, RL_ERR_FORMAT, r->name, 0, "binary data, not text; skipped");
        return RL_READ_BAD;
    }
    int b = build_document(a, doc, r->name, 0, r->base, NULL, NULL, 0, buf, n,
                           r->opts.warn, r->opts.warn_ctx, err);
    free(buf);
    if (b != 0 || apply_default_date(r, doc, err) != 0) return RL_READ_FATAL;
    return RL_READ_OK;
}

/* ---- JSON lines --------------------------------------------------------------------- */


/* ---- JSON lines --------------------------------------------------------------------
 * yajl's event parser, not a tree: a record is scanned once and only the top-level
 * id/text/title/date values are kept (copied with their lengths, so "\u0000" survives
 * to the normaliser, which warns about it). It is thread-safe and, measured on the BBC
 * corpus, about ten times faster than building a jansson tree per line. UTF-8 is not
 * validated here because the normaliser validates every byte anyway. */

static const char *const jfield_names[JF_COUNT] = {"id", "text", "title", "date"};

typedef struct json_scan {
    rl_reader *r;
    int depth;            /* 1 inside the top-level object */
    int field;            /* field whose value comes next, -1 for none */
    bool root_is_object, root_seen, oom;
} json_scan;

static int json_store(json_scan *js, const char *v, size_t n, bool is_string) {
    if (js->depth != 1 || js->field < 0) return 1;
    struct json_field *f = &js->r->jfield[js->field];
    js->field = -1;
    if (n + 1 > f->cap) {
        size_t cap = f->cap ? f->cap : 256;
        while (cap < n + 1) cap *= 2;
        char *p = realloc(f->s, cap);
        if (!p) { js->oom = true; return 0; }
        f->s = p;
        f->cap = cap;
    }
    memcpy(f->s, v, n);
    f->s[n] = '\0';
    f->len = n;
    f->is_string = is_string;
    return 1;
}

static int json_on_string(void *ctx, const unsigned char *v, size_t n) {
    return json_store(ctx, (const char *)v, n, true);
}

static int json_on_integer(void *ctx, long long v) {
    char t[32];
    int n = snprintf(t, sizeof t, "%lld", v);
    json_scan *js = ctx;
    /* Only an integer id means something; other numbers are ignored like any value. */
    if (js->field != JF_ID) { js->field = -1; return 1; }
    return json_store(ctx, t, (size_t)n, false);
}

static int json_on_other(void *ctx) {
    json_scan *js = ctx;
    if (js->depth == 1) js->field = -1;
    if (js->depth == 0) js->root_seen = true;
    return 1;
}
static int json_on_bool(void *ctx, int b) { (void)b; return json_on_other(ctx); }
static int json_on_double(void *ctx, double d) { (void)d; return json_on_other(ctx); }

static int json_on_key(void *ctx, const unsigned char *k, size_t n) {
    json_scan *js = ctx;
    if (js->depth != 1) return 1;
    js->field = -1;
    for (int i = 0; i < JF_COUNT; i++)
        if (strlen(jfield_names[i]) == n && !memcmp(jfield_names[i], k, n)) js->field = i;
    return 1;
}

static int json_on_start_map(void *ctx) {
    json_scan *js = ctx;
    if (js->depth == 0 && !js->root_seen) js->root_is_object = true;
    js->root_seen = true;
    if (js->depth == 1) js->field = -1;   /* a nested object is not a field's value */
    js->depth++;
    return 1;
}

static int json_on_start_array(void *ctx) {
    json_scan *js = ctx;
    js->root_seen = true;
    if (js->depth == 1) js->field = -1;
    js->depth++;
    return 1;
}

static int json_on_end(void *ctx) {
    ((json_scan *)ctx)->depth--;
    return 1;
}

static const yajl_callbacks json_callbacks = {
    .yajl_null = json_on_other, .yajl_boolean = json_on_bool, .yajl_integer = json_on_integer,
    .yajl_double = json_on_double, .yajl_string = json_on_string,
    .yajl_start_map = json_on_start_map, .yajl_map_key = json_on_key,
    .yajl_end_map = json_on_end, .yajl_start_array = json_on_start_array,
    .yajl_end_array = json_on_end,
};

/* Parses one record into r->jfield; NULL, or the reason it is not valid JSON. */
static const char *json_scan_line(rl_reader *r, const char *line, size_t n, char *why,
                                  size_t whysize, bool *is_object) {
    for (int i = 0; i < JF_COUNT; i++) { r->jfield[i].len = 0; r->jfield[i].is_string = false; }
    json_scan js = {.r = r, .field = -1};
    yajl_handle h = yajl_alloc(&json_callbacks, NULL, &js);
    if (!h) { snprintf(why, whysize, "out of memory"); return why; }
    yajl_config(h, yajl_dont_validate_strings, 1);
    yajl_status st = yajl_parse(h, (const unsigned char *)line, n);
    /* Where it went wrong: inside the text, or at its end when the value is unfinished. */
    size_t at = st == yajl_status_ok ? n : yajl_get_bytes_consumed(h);
    if (st == yajl_status_ok) st = yajl_complete_parse(h);
    const char *result = NULL;
    if (js.oom) {
        snprintf(why, whysize, "out of memory");
        result = why;
    } else if (st != yajl_status_ok) {
        unsigned char *msg = yajl_get_error(h, 0, (const unsigned char *)line, n);
        size_t ml = msg ? strlen((const char *)msg) : 0;
        while (ml && isspace(msg[ml - 1])) msg[--ml] = '\0';
        snprintf(why, whysize, "malformed JSON at column %zu: %s", at + 1,
                 msg ? (const char *)msg : "parse error");
        if (msg) yajl_free_error(h, msg);
        result = why;
    }
    yajl_free(h);
    *is_object = js.root_is_object;
    return result;
}

static rl_read_status next_jsonl(rl_reader *r, rl_arena *a, rl_document *doc, rl_error *err) {
    for (;;) {
        char *line;
        size_t n;
        int rc = read_line(r, &line, &n);
        if (rc == -2) { rl_error_set(err, RL_ERR_MEMORY, r->name, r->line, "out of memory"); return RL_READ_FATAL; }
        if (rc == 0) {
            if (r->io_error && !r->io_reported) return io_failure(r, err);
            return RL_READ_EOF;
        }
        if (rc == -1) {
            rl_error_set(err, RL_ERR_LIMIT, r->name, r->line,
                         "line exceeds the %zu MiB record limit; skipped", MAX_RECORD >> 20);
            return RL_READ_BAD;
        }
        size_t k = 0;
        while (k < n && isspace((unsigned char)line[k])) k++;
        if (k == n) continue;     /* blank lines separate nothing */
        if (r->io_error && r->eof && r->pos >= r->len) {
            /* The last line of a truncated gzip is cut short: report the truncation. */
            return io_failure(r, err);
        }
        char why[300];
        bool is_object = false;
        if (json_scan_line(r, line, n, why, sizeof why, &is_object)) {
            rl_error_set(err, RL_ERR_FORMAT, r->name, r->line, "%s", why);
            return RL_READ_BAD;
        }
        struct json_field *jid = &r->jfield[JF_ID], *jtext = &r->jfield[JF_TEXT],
                          *jtitle = &r->jfield[JF_TITLE], *jdate = &r->jfield[JF_DATE];
        rl_read_status st = RL_READ_OK;
        const char *id = jid->len || jid->is_string ? jid->s : NULL;
        if (!is_object) {
            rl_error_set(err, RL_ERR_FORMAT, r->name, r->line, "JSON value is not an object");
            st = RL_READ_BAD;
        } else if (!jtext->is_string && !jtitle->is_string) {
            rl_error_set(err, RL_ERR_FORMAT, r->name, r->line, "no \"text\" string");
            set_id(err, id);
            st = RL_READ_BAD;
        } else {
            char fallback[64];
            if (!id) {
                snprintf(fallback, sizeof fallback, "%s:%ld", r->base, r->line);
                id = fallback;
            }
            const char *text = jtext->is_string ? jtext->s : "";
            size_t tl = jtext->is_string ? jtext->len : 0;
            const char *title = jtitle->is_string ? jtitle->s : NULL;
            size_t til = title ? jtitle->len : 0;
            if (build_document(a, doc, r->name, r->line, id,
                               jdate->is_string ? jdate->s : NULL,
                               title, til, text, tl, r->opts.warn, r->opts.warn_ctx, err) != 0 ||
                apply_default_date(r, doc, err) != 0)
                st = RL_READ_FATAL;
            else if (doc->text_len == 0) {
                rl_error_set(err, RL_ERR_FORMAT, r->name, r->line, "empty text");
                set_id(err, id);
                st = RL_READ_BAD;
            }
        }
        return st;
    }
}

/* ---- PETRARCH XML ------------------------------------------------------------------- */

static void xml_capture_error(rl_reader *r, xmlParserCtxtPtr ctxt) {
    xmlErrorPtr e = xmlCtxtGetLastError(ctxt);
    const char *msg = e && e->message ? e->message : "parse error";
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) n--;
    free(r->xml_error);
    r->xml_error = strndup(msg, n);
    r->xml_error_line = e ? e->line : 0;
}

/* Parses the whole input once; a document that is not well-formed is reported as one
 * bad record and then re-read in recovery mode so the sentences before (and often
 * after) the damage are still delivered. */
static int xml_load(rl_reader *r, bool html, rl_error *err) {
    char *buf;
    size_t n;
    int rc = read_all(r, html ? MAX_RECORD : MAX_XML_FILE, &buf, &n);
    if (rc == -2) { rl_error_set(err, RL_ERR_MEMORY, r->name, 0, "out of memory"); return -2; }
    if (r->io_error) { if (rc == 0) free(buf); io_failure(r, err); return -1; }
    if (rc == -1) {
        rl_error_set(err, RL_ERR_LIMIT, r->name, 0, "input exceeds the %zu MiB limit; skipped",
                     (html ? MAX_RECORD : MAX_XML_FILE) >> 20);
        return -1;
    }
    size_t k = 0;
    while (k < n && isspace((unsigned char)buf[k])) k++;
    if (k == n) {
        free(buf);
        rl_error_set(err, RL_ERR_FORMAT, r->name, 0, "empty file");
        return -1;
    }
    if (n > INT_MAX) { free(buf); rl_error_set(err, RL_ERR_LIMIT, r->name, 0, "input too large"); return -1; }
    if (html) {
        htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
        if (!ctxt) { free(buf); rl_error_set(err, RL_ERR_MEMORY, r->name, 0, "out of memory"); return -2; }
        /* A page that declares no charset is read as UTF-8 (libxml2 would assume
         * Latin-1); a declared one is honoured. */
        bool declared = false;
        for (size_t i = 0; i + 7 <= n && i < 4096 && !declared; i++)
            declared = starts_ci((const unsigned char *)buf + i, n - i, "charset");
        r->xdoc = htmlCtxtReadMemory(ctxt, buf, (int)n, r->name, declared ? NULL : "UTF-8",
                                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                     HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
        htmlFreeParserCtxt(ctxt);
    } else {
        xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
        if (!ctxt) { free(buf); rl_error_set(err, RL_ERR_MEMORY, r->name, 0, "out of memory"); return -2; }
        int flags = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
        r->xdoc = xmlCtxtReadMemory(ctxt, buf, (int)n, r->name, NULL, flags);
        if (!r->xdoc || !ctxt->wellFormed) {
            xml_capture_error(r, ctxt);
            if (r->xdoc) xmlFreeDoc(r->xdoc);
            xmlCtxtReset(ctxt);
            r->xdoc = xmlCtxtReadMemory(ctxt, buf, (int)n, r->name, NULL, flags | XML_PARSE_RECOVER);
        }
        xmlFreeParserCtxt(ctxt);
    }
    free(buf);
    r->xnext = r->xdoc ? xmlDocGetRootElement(r->xdoc) : NULL;
    return 0;
}

/* Document-order successor of node, optionally skipping its children. */
static xmlNodePtr xml_next(xmlNodePtr node, bool into_children) {
    if (into_children && node->children) return node->children;
    while (node) {
        if (node->next) return node->next;
        node = node->parent;
        if (node && node->type == XML_DOCUMENT_NODE) return NULL;
        if (node && node->type == XML_HTML_DOCUMENT_NODE) return NULL;
    }
    return NULL;
}

static bool name_is(xmlNodePtr n, const char *name) {
    return n->type == XML_ELEMENT_NODE && n->name && !xmlStrcasecmp(n->name, (const xmlChar *)name);
}

/* Collapses runs of whitespace to one space and trims, in place. */
static size_t squeeze_spaces(char *s) {
    size_t o = 0;
    bool space = true;   /* drops leading space */
    for (size_t i = 0; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isspace(c)) {
            if (!space) s[o++] = ' ';
            space = true;
        } else {
            s[o++] = (char)c;
            space = false;
        }
    }
    if (o && s[o - 1] == ' ') o--;
    s[o] = '\0';
    return o;
}

static rl_read_status next_xml(rl_reader *r, rl_arena *a, rl_document *doc, rl_error *err) {
    if (!r->done) {
        r->done = true;
        int rc = xml_load(r, false, err);
        if (rc == -2) return RL_READ_FATAL;
        if (rc == -1) return RL_READ_BAD;
        if (!r->xdoc && !r->xml_error) {
            rl_error_set(err, RL_ERR_FORMAT, r->name, 0, "not an XML document");
            return RL_READ_BAD;
        }
    }
    if (r->xml_error) {
        rl_error_set(err, RL_ERR_FORMAT, r->name, r->xml_error_line,
                     "XML is not well-formed: %s", r->xml_error);
        free(r->xml_error);
        r->xml_error = NULL;
        return RL_READ_BAD;
    }
    while (r->xnext) {
        xmlNodePtr node = r->xnext;
        if (!name_is(node, "Sentence")) {
            r->xnext = xml_next(node, true);
            continue;
        }
        r->xnext = xml_next(node, false);
        long line = xmlGetLineNo(node);
        xmlChar *id = xmlGetProp(node, (const xmlChar *)"id");
        xmlChar *date = xmlGetProp(node, (const xmlChar *)"date");
        xmlNodePtr tnode = NULL;
        for (xmlNodePtr c = node->children; c; c = c->next)
            if (name_is(c, "Text")) { tnode = c; break; }
        xmlChar *text = tnode ? xmlNodeGetContent(tnode) : NULL;
        rl_read_status st = RL_READ_OK;
        char fallback[64];
        const char *sid = (const char *)id;
        if (!sid || !*sid) {
            snprintf(fallback, sizeof fallback, "%s:%ld", r->base, line);
            sid = fallback;
        }
        size_t tl = text ? squeeze_spaces((char *)text) : 0;
        if (!tl) {
            rl_error_set(err, RL_ERR_FORMAT, r->name, line, "<Sentence> without <Text>");
            set_id(err, sid);
            st = RL_READ_BAD;
        } else if (build_document(a, doc, r->name, line, sid, (const char *)date, NULL, 0,
                                  (const char *)text, tl, r->opts.warn, r->opts.warn_ctx, err) != 0 ||
                   apply_default_date(r, doc, err) != 0) {
            st = RL_READ_FATAL;
        }
        xmlFree(id);
        xmlFree(date);
        xmlFree(text);
        return st;
    }
    return RL_READ_EOF;
}

/* ---- HTML --------------------------------------------------------------------------- */

typedef struct strbuf { char *s; size_t n, cap; bool oom; } strbuf;

static void sb_put(strbuf *b, const char *s, size_t n) {
    if (b->oom) return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + n + 1) cap *= 2;
        char *ns = realloc(b->s, cap);
        if (!ns) { b->oom = true; return; }
        b->s = ns;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

/* Ends the current block: at most one blank line between blocks. */
static void sb_break(strbuf *b) {
    while (b->n && b->s[b->n - 1] == ' ') b->s[--b->n] = '\0';
    if (b->n == 0 || (b->n >= 2 && b->s[b->n - 1] == '\n' && b->s[b->n - 2] == '\n')) return;
    sb_put(b, b->n && b->s[b->n - 1] == '\n' ? "\n" : "\n\n", b->s[b->n - 1] == '\n' ? 1 : 2);
}

/* Appends text with whitespace collapsed as a browser renders it. */
static void sb_text(strbuf *b, const char *t) {
    for (const char *p = t; *p;) {
        if (isspace((unsigned char)*p)) {
            while (isspace((unsigned char)*p)) p++;
            if (b->n && b->s[b->n - 1] != ' ' && b->s[b->n - 1] != '\n') sb_put(b, " ", 1);
        } else {
            const char *q = p;
            while (*q && !isspace((unsigned char)*q)) q++;
            sb_put(b, p, (size_t)(q - p));
            p = q;
        }
    }
}

static const char *const html_dropped[] = {
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe",
    "svg", "button", "select", "template", "head", "menu", "object", "canvas", NULL};
static const char *const html_blocks[] = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "section",
    "article", "main", "br", "tr", "table", "dd", "dt", "dl", "figcaption", "figure", "pre",
    "hr", "address", "td", "th", NULL};

static bool in_list(xmlNodePtr n, const char *const *list) {
    if (n->type != XML_ELEMENT_NODE) return false;
    for (int i = 0; list[i]; i++)
        if (name_is(n, list[i])) return true;
    return false;
}

static xmlNodePtr find_element(xmlNodePtr root, const char *name, bool skip_dropped) {
    for (xmlNodePtr n = root; n;
         n = xml_next(n, !skip_dropped || !in_list(n, html_dropped) || n == root))
        if (name_is(n, name)) return n;
    return NULL;
}

/* Walks the subtree at top without recursion, block elements ending paragraphs. */
static void html_extract(xmlNodePtr top, strbuf *b, bool *saw_h1) {
    xmlNodePtr n = top;
    while (n) {
        bool descend = true;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content) sb_text(b, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE) {
            if (in_list(n, html_dropped)) descend = false;
            else if (in_list(n, html_blocks)) sb_break(b);
            if (name_is(n, "h1")) *saw_h1 = true;
        } else {
            descend = false;
        }
        if (descend && n->children) { n = n->children; continue; }
        /* Leaving n (and any ancestors whose last child it was): close their blocks. */
        while (n && n != top && !n->next) {
            n = n->parent;
            if (n && in_list(n, html_blocks)) sb_break(b);
        }
        if (!n || n == top) break;
        if (in_list(n, html_blocks)) sb_break(b);
        n = n->next;
    }
}

static rl_read_status next_html(rl_reader *r, rl_arena *a, rl_document *doc, rl_error *err) {
    if (r->done) return RL_READ_EOF;
    r->done = true;
    int rc = xml_load(r, true, err);
    if (rc == -2) return RL_READ_FATAL;
    if (rc == -1) return RL_READ_BAD;
    xmlNodePtr root = r->xdoc ? xmlDocGetRootElement(r->xdoc) : NULL;
    if (!root) {
        rl_error_set(err, RL_ERR_FORMAT, r->name, 0, "no HTML content");
        return RL_READ_BAD;
    }
    /* Prefer the article; then main; then the body; then everything. */
    xmlNodePtr top = find_element(root, "article", true);
    if (!top) top = find_element(root, "main", true);
    if (!top) top = find_element(root, "body", false);
    if (!top) top = root;
    strbuf body = {0}, title = {0};
    bool saw_h1 = false;
    html_extract(top, &body, &saw_h1);
    sb_break(&body);
    xmlNodePtr t = find_element(root, "title", false);
    if (!t) t = find_element(root, "h1", true);
    if (t) {
        xmlChar *tt = xmlNodeGetContent(t);
        if (tt) { sb_text(&title, (const char *)tt); xmlFree(tt); }
    }
    rl_read_status st = RL_READ_OK;
    size_t k = 0;
    while (k < body.n && isspace((unsigned char)body.s[k])) k++;
    if (body.oom || title.oom) {
        rl_error_set(err, RL_ERR_MEMORY, r->name, 0, "out of memory");
        st = RL_READ_FATAL;
    } else if (k == body.n) {
        rl_error_set(err, RL_ERR_FORMAT, r->name, 0, "no article text found in the HTML");
        st = RL_READ_BAD;
    } else {
        /* The page's h1 already heads the text; a <title> only stands in when none does. */
        const char *ts = title.n ? title.s : NULL;
        if (build_document(a, doc, r->name, 0, r->base, NULL, saw_h1 ? NULL : ts,
                           saw_h1 ? 0 : title.n, body.s + k, body.n - k,
                           r->opts.warn, r->opts.warn_ctx, err) != 0 ||
            apply_default_date(r, doc, err) != 0)
            st = RL_READ_FATAL;
        else if (saw_h1 && ts && !(doc->title = rl_arena_strndup(a, ts, title.n)))
            st = RL_READ_FATAL;
    }
    free(body.s);
    free(title.s);
    return st;
}

/* ---- CoNLL-U ------------------------------------------------------------------------ */

static bool grow(void **v, size_t *cap, size_t need, size_t elem) {
    if (need <= *cap) return true;
    size_t nc = *cap ? *cap * 2 : 64;
    while (nc < need) nc *= 2;
    void *nv = realloc(*v, nc * elem);
    if (!nv) return false;
    *v = nv;
    *cap = nc;
    return true;
}

static bool tbuf_put(rl_reader *r, const char *s, size_t n) {
    if (!grow((void **)&r->tbuf, &r->tcap, r->tlen + n + 1, 1)) return false;
    memcpy(r->tbuf + r->tlen, s, n);
    r->tlen += n;
    r->tbuf[r->tlen] = '\0';
    return true;
}

/* Value of a "# key = value" comment, or NULL. */
static const char *comment_value(const char *line, const char *key) {
    size_t k = strlen(key);
    const char *p = line + 1;
    while (*p == ' ') p++;
    if (strncmp(p, key, k) != 0) return NULL;
    p += k;
    while (*p == ' ') p++;
    if (*p == '=') {
        p++;
        while (*p == ' ') p++;
        return p;
    }
    return *p == '\0' ? p : NULL;
}

/* "# key", "# key = ..." or "# key id = ..." */
static bool is_comment(const char *line, const char *key) {
    const char *p = line + 1;
    while (*p == ' ') p++;
    size_t k = strlen(key);
    return !strncmp(p, key, k) && (p[k] == '\0' || p[k] == ' ' || p[k] == '=');
}

typedef struct conllu_state {
    rl_arena *a;
    int paragraph;
    bool in_sentence, newpar_seen;
    const char *sent_text;    /* "# text" of the current sentence (arena) */
    size_t first_tok;         /* index in r->toks where the sentence starts */
    long bad_line;            /* first malformed line, 0 if none */
    char bad_reason[160];
} conllu_state;

/* Closes the current sentence: its text joins doc text, tokens get offsets. */
static bool conllu_end_sentence(rl_reader *r, conllu_state *cs) {
    if (!cs->in_sentence) return true;
    cs->in_sentence = false;
    size_t nt = r->ntoks - cs->first_tok;
    if (nt == 0 && !cs->sent_text) return true;
    if (r->nsents > 0) {
        if (!tbuf_put(r, cs->newpar_seen ? "\n\n" : " ", cs->newpar_seen ? 2 : 1)) return false;
        if (cs->newpar_seen) cs->paragraph++;
    }
    cs->newpar_seen = false;
    size_t start = r->tlen;
    rl_token *t = r->toks ? r->toks + cs->first_tok : NULL;   /* no tokens read yet: NULL */
    if (cs->sent_text) {
        if (!tbuf_put(r, cs->sent_text, strlen(cs->sent_text))) return false;
    } else {
        for (size_t i = 0; i < nt; i++) {
            if (!tbuf_put(r, t[i].form, strlen(t[i].form))) return false;
            if (t[i].space_after && i + 1 < nt && !tbuf_put(r, " ", 1)) return false;
        }
    }
    /* Token offsets: find each form in turn in the sentence text. */
    size_t cur = start;
    for (size_t i = 0; i < nt; i++) {
        while (cur < r->tlen && (r->tbuf[cur] == ' ' || r->tbuf[cur] == '\t')) cur++;
        size_t fl = strlen(t[i].form);
        if (fl && cur + fl <= r->tlen && !memcmp(r->tbuf + cur, t[i].form, fl)) {
            t[i].start = (uint32_t)cur;
            t[i].end = (uint32_t)(cur + fl);
            cur += fl;
        }
    }
    if (!grow((void **)&r->sents, &r->csents, r->nsents + 1, sizeof *r->sents)) return false;
    rl_sentence *s = &r->sents[r->nsents++];
    memset(s, 0, sizeof *s);
    s->start = (uint32_t)start;
    s->end = (uint32_t)r->tlen;
    s->paragraph = cs->paragraph;
    s->kind = RL_SENT_BODY;
    s->ntokens = (int)nt;
    /* Tokens stay in the scratch vector until the document is complete: first_tok
     * is remembered in the tokens field as an index. */
    s->tokens = (rl_token *)(uintptr_t)cs->first_tok;
    return true;
}

static bool parse_int(const char *s, long *v) {
    if (!*s) return false;
    char *end;
    errno = 0;
    long x = strtol(s, &end, 10);
    if (*end || errno || x < 0 || x > 100000) return false;
    *v = x;
    return true;
}

/* One token line; false only when out of memory (malformed lines set cs->bad_line). */
static bool conllu_token(rl_reader *r, conllu_state *cs, char *line, size_t n) {
    char *copy = rl_arena_strndup(cs->a, line, n);
    if (!copy) return false;
    char *f[10];
    int nf = 0;
    for (char *p = copy; nf < 10;) {
        f[nf++] = p;
        char *tab = strchr(p, '\t');
        if (!tab) break;
        *tab = '\0';
        p = tab + 1;
    }
    if (nf != 10 || strchr(f[9], '\t')) {
        if (!cs->bad_line) {
            cs->bad_line = r->line;
            snprintf(cs->bad_reason, sizeof cs->bad_reason, "token line has %d fields, not 10", nf);
        }
        return true;
    }
    if (strchr(f[0], '-') || strchr(f[0], '.')) return true;   /* multiword token, empty node */
    long id, head = -1;
    if (!parse_int(f[0], &id) || (strcmp(f[6], "_") && !parse_int(f[6], &head))) {
        if (!cs->bad_line) {
            cs->bad_line = r->line;
            snprintf(cs->bad_reason, sizeof cs->bad_reason, "bad ID or HEAD field");
        }
        return true;
    }
    if (!cs->in_sentence) {
        cs->in_sentence = true;
        cs->first_tok = r->ntoks;
    }
    if (!grow((void **)&r->toks, &r->ctoks, r->ntoks + 1, sizeof *r->toks)) return false;
    rl_token *t = &r->toks[r->ntoks++];
    memset(t, 0, sizeof *t);
    t->form = f[1];
    t->lemma = f[2];
    t->upos = strcmp(f[3], "_") ? f[3] : NULL;
    t->xpos = strcmp(f[4], "_") ? f[4] : NULL;
    t->feats = f[5];
    t->head = (int)head;
    t->deprel = strcmp(f[7], "_") ? f[7] : NULL;
    t->space_after = !strstr(f[9], "SpaceAfter=No");
    return true;
}

static rl_read_status next_conllu(rl_reader *r, rl_arena *a, rl_document *doc, rl_error *err) {
    conllu_state cs = {.a = a};
    r->ntoks = r->nsents = r->tlen = 0;
    char idbuf[256] = "";
    long first_line = r->line + 1;
    bool any = false;
    if (r->pending_newdoc) {
        const char *v = comment_value(r->pending_newdoc, "newdoc id");
        if (v) snprintf(idbuf, sizeof idbuf, "%s", v);
        free(r->pending_newdoc);
        r->pending_newdoc = NULL;
        first_line = r->line;
        any = true;
    }
    for (;;) {
        char *line;
        size_t n;
        int rc = read_line(r, &line, &n);
        if (rc == -2) goto oom;
        if (rc == 0) break;
        if (rc == -1) {
            if (!cs.bad_line) {
                cs.bad_line = r->line;
                snprintf(cs.bad_reason, sizeof cs.bad_reason, "line exceeds the record limit");
            }
            continue;
        }
        if (n && line[n - 1] == '\r') line[--n] = '\0';
        any = true;
        if (line[0] == '#') {
            if (is_comment(line, "newdoc")) {
                if (r->nsents > 0 || cs.in_sentence) {
                    if (!(r->pending_newdoc = strdup(line))) goto oom;
                    break;
                }
                const char *v = comment_value(line, "newdoc id");
                if (v) snprintf(idbuf, sizeof idbuf, "%s", v);
                continue;
            }
            if (is_comment(line, "newpar")) { if (r->nsents) cs.newpar_seen = true; continue; }
            const char *v = comment_value(line, "text");
            if (v) {
                if (!(cs.sent_text = rl_arena_strdup(a, v))) goto oom;
                if (!cs.in_sentence) { cs.in_sentence = true; cs.first_tok = r->ntoks; }
            }
            continue;
        }
        if (n == 0 || strspn(line, " \t") == n) {
            if (!conllu_end_sentence(r, &cs)) goto oom;
            cs.sent_text = NULL;
            continue;
        }
        if (!conllu_token(r, &cs, line, n)) goto oom;
        if (r->tlen > MAX_RECORD && !cs.bad_line) {
            cs.bad_line = r->line;
            snprintf(cs.bad_reason, sizeof cs.bad_reason, "document exceeds the record limit");
        }
    }
    if (!conllu_end_sentence(r, &cs)) goto oom;
    if (r->io_error && !r->io_reported) return io_failure(r, err);
    if (!any) return RL_READ_EOF;
    if (!idbuf[0]) snprintf(idbuf, sizeof idbuf, "%s:%ld", r->base, first_line);
    if (cs.bad_line) {
        rl_error_set(err, RL_ERR_FORMAT, r->name, cs.bad_line, "%s", cs.bad_reason);
        set_id(err, idbuf);
        return RL_READ_BAD;
    }
    if (r->nsents == 0) {
        if (r->eof && r->pos >= r->len && !r->pending_newdoc) return RL_READ_EOF;
        rl_error_set(err, RL_ERR_FORMAT, r->name, first_line, "document without sentences");
        set_id(err, idbuf);
        return RL_READ_BAD;
    }
    memset(doc, 0, sizeof *doc);
    doc->arena = a;
    doc->origin = rl_arena_strdup(a, r->name);
    doc->id = rl_arena_strdup(a, idbuf);
    doc->record = first_line;
    doc->pretokenized = true;
    doc->text = rl_arena_strndup(a, r->tbuf ? r->tbuf : "", r->tlen);
    doc->text_len = r->tlen;
    doc->sentences = rl_arena_alloc(a, r->nsents * sizeof *doc->sentences);
    if (!doc->origin || !doc->id || !doc->text || !doc->sentences) goto oom;
    for (size_t i = 0; i < r->nsents; i++) {
        rl_sentence *s = &doc->sentences[i];
        *s = r->sents[i];
        size_t first = (size_t)(uintptr_t)s->tokens;
        s->tokens = rl_arena_alloc(a, (size_t)s->ntokens * sizeof *s->tokens + 1);
        if (!s->tokens) goto oom;
        if (s->ntokens) memcpy(s->tokens, r->toks + first, (size_t)s->ntokens * sizeof *s->tokens);
    }
    doc->nsentences = (int)r->nsents;
    if (apply_default_date(r, doc, err) != 0) return RL_READ_FATAL;
    return RL_READ_OK;
oom:
    rl_error_set(err, RL_ERR_MEMORY, r->name, r->line, "out of memory");
    return RL_READ_FATAL;
}

/* ---- dispatch ----------------------------------------------------------------------- */

rl_read_status rl_reader_next(rl_reader *r, rl_arena *arena, rl_document *doc, rl_error *err) {
    if (!r || !arena || !doc) {
        rl_error_set(err, RL_ERR_USAGE, "", 0, "no reader");
        return RL_READ_FATAL;
    }
    if (err) memset(err, 0, sizeof *err);
    /* An empty input is reported once, whatever its format. */
    if (!r->done && r->total_bytes == 0 && r->len == 0 && r->eof && !r->io_error) {
        r->done = true;
        rl_error_set(err, RL_ERR_FORMAT, r->name, 0, "empty file");
        return RL_READ_BAD;
    }
    switch (r->format) {
    case RL_INPUT_JSONL: return next_jsonl(r, arena, doc, err);
    case RL_INPUT_PETRARCH_XML: return next_xml(r, arena, doc, err);
    case RL_INPUT_HTML: return next_html(r, arena, doc, err);
    case RL_INPUT_CONLLU: return next_conllu(r, arena, doc, err);
    default: return next_text(r, arena, doc, err);
    }
}

rl_input_format rl_reader_format(const rl_reader *r) { return r ? r->format : RL_INPUT_AUTO; }
