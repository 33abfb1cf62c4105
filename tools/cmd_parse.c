/* cmd_parse.c — `redline parse`: tags, lemmatizes and parses; prints CoNLL-U, or scores
 * the models against a gold treebank (--eval). */
#include "cli.h"
#include "cli_inputs.h"
#include "resources.h"
#include "segment.h"
#include "treebank.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct parse_ctx {
    const rl_resources *res;
    FILE *out;
    long sentences, words;
    double cpu;            /* CPU seconds inside rl_models_annotate (--timing) */
} parse_ctx;

static double seconds(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void usage(FILE *f) {
    fprintf(f,
        "usage: redline parse [OPTIONS] [FILE...]\n"
        "       redline parse --eval GOLD.conllu\n"
        "Splits documents into sentences (or takes the tokens of CoNLL-U input), tags,\n"
        "lemmatizes and parses them, and prints CoNLL-U.\n\n"
        "  --input-format F  text, jsonl, petrarch-xml, html or conllu (default: detect);\n"
        "                    conllu keeps the given tokens and re-annotates them\n"
        "  --eval GOLD       re-annotate the gold tokens of GOLD and report UPOS, XPOS,\n"
        "                    UFeats, lemma, UAS and LAS accuracy (CoNLL 2018 style:\n"
        "                    punctuation included, LAS on the universal part of the\n"
        "                    relation) and the speed in sentences/s\n"
        "  --data DIR        data directory holding models/ (default: the built-in one)\n"
        "  --beam N          parser beam width, 1 (greedy) to 64 (default: the model's)\n"
        "  --timing          report on stderr the CPU time spent tagging, lemmatizing and\n"
        "                    parsing (reading and segmenting not included)\n"
        "  --quiet           no warnings, progress or summary on stderr\n"
        "  --help            this text\n\n"
        "Exit status: 0 all records fine, 1 some record rejected, 2 usage or fatal error.\n");
}

static void put_flat(FILE *out, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) fputc(s[i] == '\n' || s[i] == '\t' ? ' ' : s[i], out);
}

static void print_sentence(FILE *out, const rl_sentence *s) {
    for (int k = 0; k < s->ntokens; k++) {
        const rl_token *t = &s->tokens[k];
        fprintf(out, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t_\t%s\n", k + 1, t->form,
                t->lemma ? t->lemma : "_", t->upos ? t->upos : "_", t->xpos ? t->xpos : "_",
                t->feats && *t->feats ? t->feats : "_", t->head >= 0 ? t->head : 0,
                t->deprel ? t->deprel : "_",
                t->space_after || k + 1 == s->ntokens ? "_" : "SpaceAfter=No");
    }
    fputc('\n', out);
}

static int on_document(rl_document *doc, void *vctx) {
    parse_ctx *c = vctx;
    rl_error err;
    /* What rl_annotate_document does, with the model time measured on its own. */
    if (!doc->pretokenized && rl_segment_document(doc, &err) != 0) {
        snprintf(err.id, sizeof err.id, "%s", doc->id ? doc->id : "");
        cli_report_error(&err);
        return -1;
    }
    double c0 = seconds(CLOCK_THREAD_CPUTIME_ID);
    for (int i = 0; i < doc->nsentences; i++) {
        if (rl_models_annotate(c->res->models, &doc->sentences[i], doc->arena) != 0) {
            fprintf(stderr, "redline: %s:%ld: %s: out of memory annotating sentence %d\n",
                    doc->origin ? doc->origin : "-", doc->record, doc->id ? doc->id : "", i + 1);
            return -1;
        }
        c->words += doc->sentences[i].ntokens;
    }
    c->cpu += seconds(CLOCK_THREAD_CPUTIME_ID) - c0;
    fprintf(c->out, "# newdoc id = %s\n", doc->id ? doc->id : "");
    for (int i = 0; i < doc->nsentences; i++) {
        const rl_sentence *s = &doc->sentences[i];
        fprintf(c->out, "# sent_id = %s-%d\n", doc->id ? doc->id : "", i + 1);
        fputs("# text = ", c->out);
        if (doc->text && s->end > s->start) put_flat(c->out, doc->text + s->start, s->end - s->start);
        else for (int k = 0; k < s->ntokens; k++)
            fprintf(c->out, "%s%s", s->tokens[k].form,
                    s->tokens[k].space_after && k + 1 < s->ntokens ? " " : "");
        fputc('\n', c->out);
        print_sentence(c->out, s);
    }
    c->sentences += doc->nsentences;
    return 0;
}

static int same_universal(const char *a, const char *b) {
    size_t n = strcspn(a, ":"), m = strcspn(b, ":");
    return n == m && !strncmp(a, b, n);
}

static int run_eval(const rl_resources *res, const char *gold) {
    rl_treebank tb;
    rl_error err;
    char buf[1024];
    if (rl_treebank_read(&tb, gold, &err) != 0) {
        fprintf(stderr, "redline parse: %s\n", rl_error_format(&err, buf, sizeof buf));
        return 2;
    }
    rl_arena *a = rl_arena_new(0);
    if (!a) { fprintf(stderr, "redline parse: out of memory\n"); rl_treebank_free(&tb); return 2; }
    enum { UPOS, XPOS, FEATS, LEMMA, UAS, LAS, N };
    static const char *const names[N] = {"UPOS", "XPOS", "UFeats", "Lemmas", "UAS", "LAS"};
    long right[N] = {0}, words = 0;
    double wall = 0, cpu = 0;
    for (int s = 0; s < tb.n; s++) {
        rl_arena_reset(a);
        rl_sentence sent;
        if (rl_tb_to_sentence(&tb.s[s], &sent, a) != 0) goto oom;
        double w0 = seconds(CLOCK_MONOTONIC), c0 = seconds(CLOCK_THREAD_CPUTIME_ID);
        if (rl_models_annotate(res->models, &sent, a) != 0) goto oom;
        wall += seconds(CLOCK_MONOTONIC) - w0;
        cpu += seconds(CLOCK_THREAD_CPUTIME_ID) - c0;
        for (int i = 0; i < sent.ntokens; i++, words++) {
            const rl_tb_token *g = &tb.s[s].tok[i];
            const rl_token *p = &sent.tokens[i];
            right[UPOS] += !strcmp(p->upos, g->upos);
            right[XPOS] += !strcmp(p->xpos, g->xpos);
            right[FEATS] += !strcmp(p->feats && *p->feats ? p->feats : "_", g->feats);
            right[LEMMA] += !strcmp(p->lemma, g->lemma);
            if (p->head == g->head) {
                right[UAS]++;
                right[LAS] += same_universal(p->deprel, g->deprel);
            }
        }
    }
    printf("gold: %s (%d sentences, %ld words; gold tokenization)\n", gold, tb.n, words);
    for (int m = 0; m < N; m++)
        printf("%-7s %6.2f%%\n", names[m], words ? 100.0 * right[m] / words : 0.0);
    printf("LAS compares the universal part of the relation (nsubj:pass = nsubj), as CoNLL 2018 did;\n"
           "punctuation is included.\n");
    /* CPU time is what one core can do; wall time also counts waiting on a busy machine. */
    printf("speed   %.0f sentences/s, %.0f words/s (tag+lemmatize+parse, 1 thread, CPU time)\n",
           cpu > 0 ? tb.n / cpu : 0.0, cpu > 0 ? words / cpu : 0.0);
    printf("wall    %.0f sentences/s (the same, wall-clock time)\n", wall > 0 ? tb.n / wall : 0.0);
    rl_arena_free(a);
    rl_treebank_free(&tb);
    return 0;
oom:
    fprintf(stderr, "redline parse: out of memory\n");
    rl_arena_free(a);
    rl_treebank_free(&tb);
    return 2;
}

int cmd_parse(int argc, char **argv) {
    static const struct option opts[] = {
        {"input-format", required_argument, 0, 'i'}, {"eval", required_argument, 0, 'e'},
        {"data", required_argument, 0, 'D'}, {"quiet", no_argument, 0, 'q'},
        {"timing", no_argument, 0, 't'}, {"beam", required_argument, 0, 'b'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    cli_input_options io = {.format = RL_INPUT_AUTO, .verb = "parsed"};
    int beam = 0;
    bool timing = false;
    const char *gold = NULL;
    rl_resource_paths paths = {.no_dictionaries = true};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "i:e:D:b:qth", opts, NULL)) != -1) {
        switch (c) {
        case 'i':
            if ((io.format = rl_input_format_parse(optarg)) < 0) {
                fprintf(stderr, "redline parse: unknown input format '%s' "
                                "(text, jsonl, petrarch-xml, html, conllu)\n", optarg);
                return 2;
            }
            break;
        case 'e': gold = optarg; break;
        case 'D': paths.data_dir = optarg; break;
        case 'q': io.quiet = true; break;
        case 't': timing = true; break;
        case 'b':
            beam = atoi(optarg);
            if (beam < 1 || beam > 64) {
                fprintf(stderr, "redline parse: --beam takes a width from 1 to 64\n");
                return 2;
            }
            break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    rl_error err;
    char buf[1024];
    rl_resources *res = rl_resources_open(&paths, &err);
    if (!res) {
        fprintf(stderr, "redline parse: %s\n", rl_error_format(&err, buf, sizeof buf));
        return 2;
    }
    if (res->models) rl_models_set_beam(res->models, beam);
    int rc;
    if (gold) {
        rc = run_eval(res, gold);
    } else {
        parse_ctx ctx = {.res = res, .out = stdout};
        cli_stats st;
        rc = cli_each_document(argv + optind, argc - optind, &io, on_document, &ctx, &st);
        if (timing)
            fprintf(stderr, "redline: annotated %ld sentences, %ld words in %.3f s CPU: "
                            "%.0f sentences/s (tag+lemmatize+parse, 1 thread)\n",
                    ctx.sentences, ctx.words, ctx.cpu, ctx.cpu > 0 ? ctx.sentences / ctx.cpu : 0.0);
    }
    if (fflush(stdout) != 0) {
        perror("redline parse: stdout");
        rc = 2;
    }
    rl_resources_close(res);
    return rc;
}
