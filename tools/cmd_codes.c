/* cmd_codes.c — `redline codes [CODE...]`: the CAMEO ontology as TSV.
 * Without arguments every code is listed; with codes, those entries are shown with
 * their descriptions (an unknown code is an error, exit 1). */
#include "cli.h"
#include "redline.h"

#include <stdio.h>
#include <string.h>

static void usage(FILE *out) {
    fprintf(out,
        "usage: redline codes [CODE...]\n\n"
        "Prints the CAMEO event codes as TSV with a header line:\n"
        "  code, name, root, quad_class, goldstein\n"
        "With one or more CODEs (e.g. 125), prints those entries with a description column.\n"
        "QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,\n"
        "4 material conflict. Exit status 1 if a CODE is unknown.\n");
}

static void print_row(const rl_cameo_code *c, bool with_description) {
    printf("%s\t%s\t%.2s\t%d\t%.1f", c->code, c->name, c->code, c->quad_class, c->goldstein);
    if (with_description) printf("\t%s", c->description);
    putchar('\n');
}

int cmd_codes(int argc, char **argv) {
    int first = 1;
    for (; first < argc; first++) {
        if (!strcmp(argv[first], "--help") || !strcmp(argv[first], "-h")) {
            usage(stdout);
            return 0;
        }
        if (!strcmp(argv[first], "--")) { first++; break; }
        if (argv[first][0] == '-') {
            fprintf(stderr, "redline codes: unknown option '%s'\n", argv[first]);
            usage(stderr);
            return 2;
        }
        break;
    }

    if (first >= argc) {
        printf("code\tname\troot\tquad_class\tgoldstein\n");
        for (size_t i = 0; i < rl_cameo_count(); i++) print_row(rl_cameo_at(i), false);
        return ferror(stdout) ? 2 : 0;
    }

    int status = 0;
    printf("code\tname\troot\tquad_class\tgoldstein\tdescription\n");
    for (int i = first; i < argc; i++) {
        const rl_cameo_code *c = rl_cameo_lookup(argv[i]);
        if (!c) {
            fprintf(stderr, "redline codes: unknown CAMEO code '%s'\n", argv[i]);
            status = 1;
            continue;
        }
        print_row(c, true);
    }
    return ferror(stdout) ? 2 : status;
}
