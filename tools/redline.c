/* redline.c — entry point: dispatches to the subcommands in tools/cmd_*.c. */
#include "cli.h"
#include "redline.h"

#include <stdio.h>
#include <string.h>

static const struct { const char *name; int (*fn)(int, char **); const char *help; } commands[] = {
    {"code",    cmd_code,    "code news into CAMEO events (JSON lines, TSV, Phoenix, SQLite)"},
    {"parse",   cmd_parse,   "tag, lemmatize and parse; print CoNLL-U (--eval GOLD scores)"},
    {"segment", cmd_segment, "show documents split into sentences, tokens and furniture"},
    {"codes",   cmd_codes,   "print the CAMEO event codes (TSV), or one code with its description"},
    {"eval",    cmd_eval,    "score the coder against gold events"},
    {"dict",    cmd_dict,    "check dictionaries (dict check FILES...) or count them (dict stats)"},
    {"serve",   cmd_serve,   "run the HTTP coding service"},
    {"report",  cmd_report,  "HTML charts or TSV aggregates from an event database"},
    {"merge",   cmd_merge,   "combine shard databases into one"},
};

static void usage(FILE *out) {
    fprintf(out, "usage: redline COMMAND [OPTIONS] [FILE...]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].help);
    fprintf(out, "\n'redline COMMAND --help' describes a command's options; "
                 "'redline --version' prints the version.\n");
}

int main(int argc, char **argv) {
    if (argc < 2) { usage(stderr); return 2; }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
        printf("redline %s\n", REDLINE_VERSION);
        return 0;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name)) return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "redline: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
