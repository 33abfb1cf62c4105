/* cmd_segment.c — `redline segment`: shows how documents are split into sentences and
 * tokens, and which lines are furniture. Also the input side of the benchmarks
 * (--format null) and of the tokenizer evaluation (--format conllu). */
#include "cli.h"
#include "cli_inputs.h"
#include "segment.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

enum { OUT_TEXT, OUT_JSON, OUT_CONLLU, OUT_NULL };

typedef struct seg_ctx { int format; FILE *out; long sentences, tokens; } seg_ctx;

static void usage(FILE *f) {
    fprintf(f,
        "usage: redline segment [OPTIONS] [FILE...]\n"
        "Reads documents (stdin if no FILE) and prints their sentences, tokens and\n"
        "furniture (taglines, datelines, bylines, captions, related-article links).\n\n"
        "  --input-format F  text, jsonl, petrarch-xml, html or conllu (default: detect;\n"
        "                    .gz files are decompressed whatever the format)\n"
        "  --date D          YYYY-MM-DD for documents that carry no date\n"
        "  --format F        text (default), json (one object per document), conllu\n"
        "                    (tokens only, for evaluation) or null (counts on stderr)\n"
        "  --quiet           no warnings, progress or summary on stderr\n"
        "  --help            this text\n\n"
        "Exit status: 0 all records fine, 1 some record rejected, 2 usage or fatal error.\n");
}

/* Sentence text with line breaks folded, for one-line output. */
static void put_flat(FILE *out, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) fputc(s[i] == '\n' || s[i] == '\t' ? ' ' : s[i], out);
}

static void print_text(const rl_document *d, FILE *out) {
    fprintf(out, "# %s", d->id);
    if (d->date) fprintf(out, "  date=%s (%s)", d->date, d->date_source ? d->date_source : "input");
    fputc('\n', out);
    for (int i = 0; i < d->nsentences; i++) {
        const rl_sentence *s = &d->sentences[i];
        fprintf(out, "%d\t%s%s%s\t", i + 1, rl_sentence_kind_name(s->kind),
                s->introduces_quote ? ",says" : "", s->in_quote ? ",quote" : "");
        put_flat(out, d->text + s->start, s->end - s->start);
        fputs("\n\t", out);
        for (int k = 0; k < s->ntokens; k++) fprintf(out, k ? " | %s" : "%s", s->tokens[k].form);
        fputc('\n', out);
    }
    fputc('\n', out);
}

static void print_conllu(const rl_document *d, FILE *out) {
    fprintf(out, "# newdoc id = %s\n", d->id);
    for (int i = 0; i < d->nsentences; i++) {
        const rl_sentence *s = &d->sentences[i];
        fprintf(out, "# sent_id = %s-%d\n", d->id, i + 1);
        if (s->kind != RL_SENT_BODY) fprintf(out, "# kind = %s\n", rl_sentence_kind_name(s->kind));
        fputs("# text = ", out);
        put_flat(out, d->text + s->start, s->end - s->start);
        fputc('\n', out);
        for (int k = 0; k < s->ntokens; k++) {
            const rl_token *t = &s->tokens[k];
            fprintf(out, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t_\t%s\n", k + 1, t->form,
                    t->lemma ? t->lemma : "_", t->upos ? t->upos : "_", t->xpos ? t->xpos : "_",
                    t->feats ? t->feats : "_", t->head >= 0 ? t->head : 0,
                    t->deprel ? t->deprel : "_",
                    t->space_after || k + 1 == s->ntokens ? "_" : "SpaceAfter=No");
        }
        fputc('\n', out);
    }
}

static int print_json(const rl_document *d, FILE *out) {
    json_t *o = json_object(), *sents = json_array();
    if (!o || !sents) { json_decref(o); json_decref(sents); return -1; }
    json_object_set_new(o, "id", json_string(d->id));
    json_object_set_new(o, "date", d->date ? json_string(d->date) : json_null());
    json_object_set_new(o, "date_source", d->date_source ? json_string(d->date_source) : json_null());
    if (d->title) json_object_set_new(o, "title", json_string(d->title));
    for (int i = 0; i < d->nsentences; i++) {
        const rl_sentence *s = &d->sentences[i];
        json_t *js = json_object(), *toks = json_array();
        if (!js || !toks) { json_decref(js); json_decref(toks); json_decref(o); json_decref(sents); return -1; }
        json_object_set_new(js, "index", json_integer(i));
        json_object_set_new(js, "kind", json_string(rl_sentence_kind_name(s->kind)));
        json_object_set_new(js, "paragraph", json_integer(s->paragraph));
        json_object_set_new(js, "start", json_integer(s->start));
        json_object_set_new(js, "end", json_integer(s->end));
        json_object_set_new(js, "text", json_stringn(d->text + s->start, s->end - s->start));
        if (s->introduces_quote) json_object_set_new(js, "introduces_quote", json_true());
        if (s->in_quote) json_object_set_new(js, "in_quote", json_true());
        for (int k = 0; k < s->ntokens; k++) json_array_append_new(toks, json_string(s->tokens[k].form));
        json_object_set_new(js, "tokens", toks);
        json_array_append_new(sents, js);
    }
    json_object_set_new(o, "sentences", sents);
    int rc = json_dumpf(o, out, JSON_COMPACT);
    fputc('\n', out);
    json_decref(o);
    return rc;
}

static int on_document(rl_document *doc, void *vctx) {
    seg_ctx *c = vctx;
    rl_error err;
    if (rl_segment_document(doc, &err) != 0) {
        snprintf(err.id, sizeof err.id, "%s", doc->id);
        cli_report_error(&err);
        return -1;
    }
    for (int i = 0; i < doc->nsentences; i++) c->tokens += doc->sentences[i].ntokens;
    c->sentences += doc->nsentences;
    switch (c->format) {
    case OUT_TEXT: print_text(doc, c->out); break;
    case OUT_CONLLU: print_conllu(doc, c->out); break;
    case OUT_JSON:
        if (print_json(doc, c->out) != 0) {
            fprintf(stderr, "redline: %s:%ld: %s: could not write JSON\n", doc->origin,
                    doc->record, doc->id);
            return -1;
        }
        break;
    default: break;
    }
    return 0;
}

int cmd_segment(int argc, char **argv) {
    static const struct option opts[] = {
        {"input-format", required_argument, 0, 'i'}, {"date", required_argument, 0, 'd'},
        {"format", required_argument, 0, 'f'}, {"quiet", no_argument, 0, 'q'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    cli_input_options io = {.format = RL_INPUT_AUTO, .verb = "segmented"};
    seg_ctx ctx = {.format = OUT_TEXT, .out = stdout};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "i:d:f:qh", opts, NULL)) != -1) {
        switch (c) {
        case 'i':
            if ((io.format = rl_input_format_parse(optarg)) < 0) {
                fprintf(stderr, "redline segment: unknown input format '%s' "
                                "(text, jsonl, petrarch-xml, html, conllu)\n", optarg);
                return 2;
            }
            break;
        case 'd':
            if (!cli_valid_date(optarg)) {
                fprintf(stderr, "redline segment: --date wants YYYY-MM-DD, not '%s'\n", optarg);
                return 2;
            }
            io.date = optarg;
            break;
        case 'f':
            if (!strcmp(optarg, "text")) ctx.format = OUT_TEXT;
            else if (!strcmp(optarg, "json")) ctx.format = OUT_JSON;
            else if (!strcmp(optarg, "conllu")) ctx.format = OUT_CONLLU;
            else if (!strcmp(optarg, "null")) ctx.format = OUT_NULL;
            else {
                fprintf(stderr, "redline segment: unknown output format '%s' "
                                "(text, json, conllu, null)\n", optarg);
                return 2;
            }
            break;
        case 'q': io.quiet = true; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    cli_stats st;
    int rc = cli_each_document(argv + optind, argc - optind, &io, on_document, &ctx, &st);
    if (ctx.format == OUT_NULL && !io.quiet)
        fprintf(stderr, "redline: %ld sentences, %ld tokens\n", ctx.sentences, ctx.tokens);
    if (fflush(stdout) != 0) {
        perror("redline segment: stdout");
        return 2;
    }
    return rc;
}
