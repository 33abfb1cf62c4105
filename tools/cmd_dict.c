/* cmd_dict.c — `redline dict check|stats [FILES...]`: validate dictionary files and
 * count what they hold. With no files, the default dictionaries in DATA/dict are used. */
#include "cli.h"
#include "dict.h"
#include "resources.h"

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct dict_file {
    const char *path;
    char *owned;             /* path storage for default files */
    rl_dict_kind kind;
    size_t lines;
    rl_dict_stats st;        /* what loading this file added */
    size_t errors, warnings; /* problems reported against this file */
} dict_file;

typedef struct run {
    dict_file *files;
    size_t nfiles;
    bool quiet;              /* errors only */
    bool silent;             /* nothing (stats) */
    size_t errors, warnings;
} run;

static void usage(FILE *out) {
    fprintf(out,
            "usage: redline dict check [--kind K] [--errors-only] [--data-dir DATA] [FILES...]\n"
            "       redline dict stats [--kind K] [--data-dir DATA] [FILES...]\n"
            "\n"
            "check: reads dictionary files (PETRARCH-2 / Phoenix formats) and reports every\n"
            "  problem as FILE:LINE: error|warning: REASON, then a summary per file; exits 1\n"
            "  if there is any error (a malformed line, an unknown CAMEO code, an invalid,\n"
            "  inverted or overlapping date range). Duplicates and unreachable patterns are\n"
            "  warnings.\n"
            "stats: counts per file, per kind and patterns per CAMEO root code.\n"
            "\n"
            "The kind of each file (verbs, actors, agents, discards) is taken from its name,\n"
            "else from its content; --kind forces it for all FILES. With no FILES, the\n"
            "default dictionaries are read: DATA/dict/cameo.verbs.txt, DATA/dict/*.actors.txt,\n"
            "DATA/dict/agents.txt and DATA/dict/discards.txt (--data-dir DATA, else\n"
            "$REDLINE_DATA, else the built-in data directory).\n");
}

static void on_problem(void *ctx, const rl_error *e) {
    run *r = ctx;
    bool error = e->status != RL_OK;
    for (size_t i = 0; i < r->nfiles; i++)
        if (!strcmp(r->files[i].path, e->file)) {
            if (error) r->files[i].errors++;
            else r->files[i].warnings++;
        }
    if (error) r->errors++;
    else r->warnings++;
    if (r->silent || (r->quiet && !error)) return;
    if (e->file[0] && e->record > 0) printf("%s:%ld: ", e->file, e->record);
    else if (e->file[0]) printf("%s: ", e->file);
    printf("%s: %s\n", error ? "error" : "warning", e->reason);
}

/* The kind (from name or content) and the line count of a file. */
static int inspect(dict_file *f, rl_dict_kind forced) {
    FILE *in = fopen(f->path, "rb");
    if (!in) {
        fprintf(stderr, "redline dict: cannot open %s\n", f->path);
        return -1;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, in);
        if (n < cap) break;
        char *nb = realloc(buf, cap * 2);
        if (!nb) { free(buf); buf = NULL; break; }
        buf = nb;
        cap *= 2;
    }
    fclose(in);
    if (!buf) {
        fprintf(stderr, "redline dict: out of memory\n");
        return -1;
    }
    f->lines = 0;
    for (size_t i = 0; i < n; i++) f->lines += buf[i] == '\n';
    if (n && buf[n - 1] != '\n') f->lines++;
    f->kind = forced ? forced : rl_dict_guess_kind(f->path, buf, n);
    free(buf);
    return 0;
}

static int add_file(dict_file **files, size_t *n, const char *path, bool owned) {
    dict_file *nf = realloc(*files, (*n + 1) * sizeof *nf);
    if (!nf) return -1;
    *files = nf;
    memset(&nf[*n], 0, sizeof nf[*n]);
    if (owned) {
        nf[*n].owned = strdup(path);
        if (!nf[*n].owned) return -1;
        nf[*n].path = nf[*n].owned;
    } else {
        nf[*n].path = path;
    }
    (*n)++;
    return 0;
}

static int add_default(dict_file **files, size_t *n, const char *dir, const char *name) {
    char path[4096];
    snprintf(path, sizeof path, "%s/dict/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    fclose(f);
    return add_file(files, n, path, true);
}

static int default_files(dict_file **files, size_t *n, const char *dir) {
    char pat[4096];
    if (add_default(files, n, dir, "cameo.verbs.txt") != 0) return -1;
    snprintf(pat, sizeof pat, "%s/dict/*.actors.txt", dir);
    glob_t g;
    if (glob(pat, 0, NULL, &g) == 0) {
        for (size_t i = 0; i < g.gl_pathc; i++)
            if (add_file(files, n, g.gl_pathv[i], true) != 0) { globfree(&g); return -1; }
        globfree(&g);
    }
    if (add_default(files, n, dir, "agents.txt") != 0) return -1;
    return add_default(files, n, dir, "discards.txt");
}

/* rl_dict_stats holds only size_t counters, so it can be walked as an array of them. */
static void diff_stats(rl_dict_stats *out, const rl_dict_stats *after, const rl_dict_stats *before) {
    const size_t *a = (const size_t *)after, *b = (const size_t *)before;
    size_t *o = (size_t *)out;
    for (size_t i = 0; i < sizeof *out / sizeof(size_t); i++) o[i] = a[i] - b[i];
}

static void add_stats(rl_dict_stats *out, const rl_dict_stats *x) {
    const size_t *a = (const size_t *)x;
    size_t *o = (size_t *)out;
    for (size_t i = 0; i < sizeof *out / sizeof(size_t); i++) o[i] += a[i];
}

/* What a file holds, in the words of its kind. */
static void print_counts(const rl_dict_stats *s, rl_dict_kind kind) {
    switch (kind) {
    case RL_DICT_VERBS:
        printf("%zu synsets, %zu verb blocks, %zu verbs, %zu event nouns, %zu patterns, "
               "%zu transformations", s->synsets, s->verb_blocks, s->verbs, s->event_nouns,
               s->patterns, s->transformations);
        break;
    case RL_DICT_ACTORS:
        printf("%zu actors, %zu synonyms, %zu dated ranges", s->actors,
               s->actor_phrases - s->actors, s->dated_ranges);
        break;
    case RL_DICT_AGENTS: printf("%zu agents", s->agents); break;
    default: printf("%zu discards", s->discards); break;
    }
}

static double now_ms(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int cmd_dict(int argc, char **argv) {
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    bool check = !strcmp(argv[1], "check");
    if (!check && strcmp(argv[1], "stats") != 0) {
        fprintf(stderr, "redline dict: unknown subcommand '%s'\n", argv[1]);
        usage(stderr);
        return 2;
    }
    run r;
    memset(&r, 0, sizeof r);
    r.silent = !check;
    rl_dict_kind forced = RL_DICT_UNKNOWN;
    const char *data_dir = NULL;
    int status = 2;
    rl_dicts *d = NULL;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--kind") && i + 1 < argc) {
            forced = rl_dict_kind_from_name(argv[++i]);
            if (!forced) {
                fprintf(stderr, "redline dict: --kind must be verbs, actors, agents or discards\n");
                goto done;
            }
        } else if ((!strcmp(a, "--data-dir") || !strcmp(a, "--data")) && i + 1 < argc) {
            data_dir = argv[++i];
        } else if (!strcmp(a, "--errors-only") || !strcmp(a, "-q")) {
            r.quiet = true;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            status = 0;
            goto done;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "redline dict: unknown option '%s'\n", a);
            goto done;
        } else if (add_file(&r.files, &r.nfiles, a, false) != 0) {
            fprintf(stderr, "redline dict: out of memory\n");
            goto done;
        }
    }
    if (!r.nfiles) {
        const char *dir = data_dir ? data_dir : rl_default_data_dir();
        if (default_files(&r.files, &r.nfiles, dir) != 0) {
            fprintf(stderr, "redline dict: out of memory\n");
            goto done;
        }
        if (!r.nfiles) {
            printf("no dictionaries in %s/dict\n", dir);
            status = 0;
            goto done;
        }
    }
    for (size_t i = 0; i < r.nfiles; i++)
        if (inspect(&r.files[i], forced) != 0) goto done;

    rl_error err;
    d = rl_dicts_new(&err);
    if (!d) goto fail;
    /* Wall time, and CPU time (which a busy machine does not inflate). */
    double t0 = now_ms(CLOCK_MONOTONIC), c0 = now_ms(CLOCK_PROCESS_CPUTIME_ID);
    size_t lines = 0;
    for (size_t i = 0; i < r.nfiles; i++) {
        dict_file *f = &r.files[i];
        rl_dict_stats before, after;
        rl_dict_get_stats(d, &before);
        if (rl_dicts_load(d, f->kind, f->path, on_problem, &r, &err) != 0) goto fail;
        rl_dict_get_stats(d, &after);
        diff_stats(&f->st, &after, &before);
        lines += f->lines;
    }
    if (rl_dicts_finish(d, &err) != 0) goto fail;
    double t1 = now_ms(CLOCK_MONOTONIC), c1 = now_ms(CLOCK_PROCESS_CPUTIME_ID);

    if (check) {
        rl_dict_stats found;
        memset(&found, 0, sizeof found);
        rl_dicts_check(d, on_problem, &r, &found);
        for (size_t i = 0; i < r.nfiles; i++) {
            dict_file *f = &r.files[i];
            printf("%s: %s: %zu lines, ", f->path, rl_dict_kind_name(f->kind), f->lines);
            print_counts(&f->st, f->kind);
            printf("; %zu format errors, %zu errors, %zu warnings\n", f->st.errors, f->errors,
                   f->warnings);
        }
        printf("%zu files, %zu lines read in %.1f ms (%.1f ms CPU): %zu errors, %zu warnings "
               "(%zu duplicates, %zu unreachable, %zu unknown codes)\n",
               r.nfiles, lines, t1 - t0, c1 - c0, r.errors, r.warnings, found.duplicates,
               found.unreachable_patterns, found.unknown_codes);
        status = r.errors ? 1 : 0;
        goto done;
    }

    /* stats */
    rl_dict_stats kinds[5];
    size_t kind_files[5] = {0};
    memset(kinds, 0, sizeof kinds);
    printf("== per file ==\n");
    for (size_t i = 0; i < r.nfiles; i++) {
        dict_file *f = &r.files[i];
        printf("%s (%s): ", f->path, rl_dict_kind_name(f->kind));
        print_counts(&f->st, f->kind);
        printf("\n");
        add_stats(&kinds[f->kind], &f->st);
        kind_files[f->kind]++;
    }
    printf("== per kind ==\n");
    for (int k = RL_DICT_VERBS; k <= RL_DICT_DISCARDS; k++) {
        printf("%-8s %zu files: ", rl_dict_kind_name((rl_dict_kind)k), kind_files[k]);
        print_counts(&kinds[k], (rl_dict_kind)k);
        printf("\n");
    }
    rl_dict_stats all;
    rl_dict_get_stats(d, &all);
    printf("== patterns per CAMEO root ==\n");
    for (int root = 1; root <= 20; root++) {
        char code[3] = {(char)('0' + root / 10), (char)('0' + root % 10), 0};
        const rl_cameo_code *c = rl_cameo_lookup(code);
        printf("%s %6zu  %s\n", code, all.patterns_by_root[root], c && c->name ? c->name : "");
    }
    if (all.patterns_by_root[0]) printf("-- %6zu  (no root: null code)\n", all.patterns_by_root[0]);
    printf("read in %.1f ms (%.1f ms CPU)\n", t1 - t0, c1 - c0);
    status = 0;
    goto done;

fail:
    {
        char buf[1024];
        fprintf(stderr, "redline dict: %s\n", rl_error_format(&err, buf, sizeof buf));
    }
    status = 2;
done:
    rl_dicts_close(d);
    for (size_t i = 0; i < r.nfiles; i++) free(r.files[i].owned);
    free(r.files);
    return status;
}
