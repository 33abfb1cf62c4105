/* writer.c — event writers: JSON lines, TSV and Phoenix TSV (see writer.h and
 * docs/output-formats.md). Output is written straight to the stream, field by field,
 * so a writer needs no memory of its own. */
#include "writer.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

int rl_output_format_parse(const char *name, rl_output_format *fmt) {
    if (!name) return -1;
    if (!strcmp(name, "jsonl") || !strcmp(name, "json")) *fmt = RL_OUT_JSONL;
    else if (!strcmp(name, "tsv")) *fmt = RL_OUT_TSV;
    else if (!strcmp(name, "phoenix")) *fmt = RL_OUT_PHOENIX;
    else return -1;
    return 0;
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), 0 if invalid. Rejects
 * overlong forms, surrogates and code points above U+10FFFF, as JSON parsers do. */
static size_t utf8_valid_len(const unsigned char *s, size_t n) {
    unsigned char c = s[0];
    if (c < 0x80) return 1;
    size_t len;
    uint32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; min = 0x10000; }
    else return 0;
    if (len > n) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

void rl_write_json_string(FILE *out, const char *str, size_t n) {
    if (!str) { fputs("null", out); return; }
    const unsigned char *s = (const unsigned char *)str;
    putc('"', out);
    size_t i = 0, run = 0;   /* s[run..i) is a stretch that needs no escaping */
    while (i < n) {
        unsigned char c = s[i];
        const char *esc = NULL;
        char ubuf[8];
        size_t skip = 1;
        if (c == '"') esc = "\\\"";
        else if (c == '\\') esc = "\\\\";
        else if (c == '\n') esc = "\\n";
        else if (c == '\r') esc = "\\r";
        else if (c == '\t') esc = "\\t";
        else if (c < 0x20 || c == 0x7F) {
            snprintf(ubuf, sizeof ubuf, "\\u%04x", c);
            esc = ubuf;
        } else if (c >= 0x80) {
            size_t len = utf8_valid_len(s + i, n - i);
            if (len == 0) esc = "\xEF\xBF\xBD";   /* invalid byte → U+FFFD */
            else if (len == 3 && s[i] == 0xE2 && s[i + 1] == 0x80 &&
                     (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
                /* U+2028/2029 are legal JSON but break JavaScript string literals. */
                esc = s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
                skip = 3;
            } else {
                i += len;
                continue;
            }
        } else {
            i++;
            continue;
        }
        if (i > run) fwrite(s + run, 1, i - run, out);
        fputs(esc, out);
        i += skip;
        run = i;
    }
    if (i > run) fwrite(s + run, 1, i - run, out);
    putc('"', out);
}

static void json_str(FILE *out, const char *s) {
    rl_write_json_string(out, s, s ? strlen(s) : 0);
}

static void json_key(FILE *out, const char *key, bool first) {
    if (!first) putc(',', out);
    fprintf(out, "\"%s\":", key);
}

/* Goldstein weights have one decimal; a non-finite value cannot be written as JSON. */
static void json_number(FILE *out, double v) {
    if (isfinite(v)) fprintf(out, "%.1f", v);
    else fputs("null", out);
}

int rl_write_event_json(FILE *out, const rl_event *e) {
    putc('{', out);
    json_key(out, "doc_id", true);        json_str(out, e->doc_id);
    json_key(out, "sentence_index", false); fprintf(out, "%d", e->sentence_index);
    json_key(out, "date", false);         json_str(out, e->date);
    json_key(out, "date_source", false);  json_str(out, e->date_source);
    json_key(out, "source", false);       json_str(out, e->source);
    json_key(out, "target", false);       json_str(out, e->target);
    json_key(out, "code", false);         json_str(out, e->code);
    json_key(out, "root", false);
    if (e->root[0]) rl_write_json_string(out, e->root, strnlen(e->root, sizeof e->root));
    else fputs("null", out);
    json_key(out, "quad_class", false);   fprintf(out, "%d", e->quad_class);
    json_key(out, "goldstein", false);    json_number(out, e->goldstein);
    json_key(out, "source_text", false);  json_str(out, e->source_text);
    json_key(out, "target_text", false);  json_str(out, e->target_text);
    json_key(out, "trigger", false);      json_str(out, e->trigger);
    json_key(out, "sentence", false);     json_str(out, e->sentence);
    json_key(out, "rule", false);         json_str(out, e->rule);
    json_key(out, "reported_by", false);  json_str(out, e->reported_by);
    json_key(out, "negated", false);      fputs(e->negated ? "true" : "false", out);
    json_key(out, "conditional", false);  fputs(e->conditional ? "true" : "false", out);
    if (e->mentions > 0) {   /* one-a-day output only */
        json_key(out, "mentions", false);   fprintf(out, "%d", e->mentions);
        json_key(out, "supporting", false); json_str(out, e->supporting);
    }
    putc('}', out);
    return ferror(out) ? -1 : 0;
}

void rl_write_tsv_field(FILE *out, const char *s) {
    if (!s) return;
    for (; *s; s++) {
        switch (*s) {
        case '\t': fputs("\\t", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\\': fputs("\\\\", out); break;
        default: putc(*s, out);
        }
    }
}

static const char *const tsv_columns[] = {
    "doc_id", "sentence_index", "date", "date_source", "source", "target", "code", "root",
    "quad_class", "goldstein", "source_text", "target_text", "trigger", "sentence", "rule",
    "reported_by", "negated", "conditional"
};

static const char *const phoenix_columns[] = {
    "EventID", "Date", "Year", "Month", "Day",
    "SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
    "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues",
    "Lat", "Lon", "LocationName", "StateName", "CountryCode", "SentenceID", "URLs",
    "NewsSources"
};

static void write_columns(FILE *out, const char *const *cols, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (i) putc('\t', out);
        fputs(cols[i], out);
    }
    putc('\n', out);
}

int rl_write_header(FILE *out, rl_output_format fmt) {
    if (fmt == RL_OUT_TSV)
        write_columns(out, tsv_columns, sizeof tsv_columns / sizeof tsv_columns[0]);
    else if (fmt == RL_OUT_PHOENIX)
        write_columns(out, phoenix_columns, sizeof phoenix_columns / sizeof phoenix_columns[0]);
    return ferror(out) ? -1 : 0;
}

static int write_tsv(FILE *out, const rl_event *e) {
    rl_write_tsv_field(out, e->doc_id);
    fprintf(out, "\t%d\t", e->sentence_index);
    rl_write_tsv_field(out, e->date);        putc('\t', out);
    rl_write_tsv_field(out, e->date_source); putc('\t', out);
    rl_write_tsv_field(out, e->source);      putc('\t', out);
    rl_write_tsv_field(out, e->target);      putc('\t', out);
    rl_write_tsv_field(out, e->code);        putc('\t', out);
    fprintf(out, "%.2s\t%d\t", e->root, e->quad_class);
    if (isfinite(e->goldstein)) fprintf(out, "%.1f", e->goldstein);
    putc('\t', out);
    rl_write_tsv_field(out, e->source_text); putc('\t', out);
    rl_write_tsv_field(out, e->target_text); putc('\t', out);
    rl_write_tsv_field(out, e->trigger);     putc('\t', out);
    rl_write_tsv_field(out, e->sentence);    putc('\t', out);
    rl_write_tsv_field(out, e->rule);        putc('\t', out);
    rl_write_tsv_field(out, e->reported_by);
    fprintf(out, "\t%d\t%d\n", e->negated ? 1 : 0, e->conditional ? 1 : 0);
    return 0;
}

/* Phoenix splits an actor code into three-letter parts: entity (country, or the IGO/NGO
 * prefix), role, and whatever follows as the attribute. */
static void phoenix_actor(FILE *out, const char *code) {
    size_t n = code ? strlen(code) : 0;
    rl_write_tsv_field(out, code);
    putc('\t', out);
    if (n > 0) fprintf(out, "%.*s", (int)(n < 3 ? n : 3), code);
    putc('\t', out);
    if (n > 3) fprintf(out, "%.*s", (int)(n < 6 ? n - 3 : 3), code + 3);
    putc('\t', out);
    if (n > 6) rl_write_tsv_field(out, code + 6);
}

/* True if d is "YYYY-MM-DD" (digits where digits belong). */
static bool iso_date(const char *d) {
    if (!d || strlen(d) != 10 || d[4] != '-' || d[7] != '-') return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9')) return false;
    return true;
}

static int write_phoenix(FILE *out, const rl_event *e, size_t index) {
    const char *doc = e->doc_id ? e->doc_id : "";
    /* EventID: stable across runs and thread counts because it only depends on the
     * document id, the sentence and the event's place in the document. */
    rl_write_tsv_field(out, doc);
    fprintf(out, "-%d-%zu\t", e->sentence_index, index);
    if (iso_date(e->date))
        fprintf(out, "%.4s%.2s%.2s\t%.4s\t%.2s\t%.2s\t", e->date, e->date + 5, e->date + 8,
                e->date, e->date + 5, e->date + 8);
    else
        fputs("\t\t\t\t", out);
    phoenix_actor(out, e->source);
    putc('\t', out);
    phoenix_actor(out, e->target);
    putc('\t', out);
    rl_write_tsv_field(out, e->code);
    fprintf(out, "\t%.2s\t%d\t", e->root, e->quad_class);
    if (isfinite(e->goldstein)) fprintf(out, "%.1f", e->goldstein);
    /* Issues, Lat, Lon, LocationName, StateName, CountryCode: not produced (yet). */
    fputs("\t\t\t\t\t\t\t", out);
    rl_write_tsv_field(out, doc);
    fprintf(out, "-%d", e->sentence_index);
    /* URLs, NewsSources: the input formats carry neither. */
    fputs("\t\t\n", out);
    return 0;
}

int rl_write_event(FILE *out, rl_output_format fmt, const rl_event *e, size_t index) {
    switch (fmt) {
    case RL_OUT_JSONL: rl_write_event_json(out, e); putc('\n', out); break;
    case RL_OUT_TSV: write_tsv(out, e); break;
    case RL_OUT_PHOENIX: write_phoenix(out, e, index); break;
    default: return -1;
    }
    return ferror(out) ? -1 : 0;
}
