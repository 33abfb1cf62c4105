/* cli_inputs.c — the shared input loop of the document-reading subcommands. */
#include "cli_inputs.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void cli_report_error(const rl_error *err) {
    char buf[1024];
    fprintf(stderr, "redline: %s\n", rl_error_format(err, buf, sizeof buf));
}

bool cli_valid_date(const char *s) {
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)s[i])) return false;
    int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static void print_warning(void *ctx, const rl_error *w) {
    const cli_input_options *o = ctx;
    if (o->quiet) return;
    char buf[1024];
    rl_error tmp = *w;
    tmp.reason[0] = '\0';   /* location only; the reason follows "warning:" */
    rl_error_format(&tmp, buf, sizeof buf);
    size_t n = strlen(buf);
    while (n && buf[n - 1] == ' ') buf[--n] = '\0';
    fprintf(stderr, "redline: %s warning: %s\n", buf, w->reason);
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int cli_each_document(char **files, int nfiles, const cli_input_options *o,
                      int (*fn)(rl_document *doc, void *ctx), void *ctx, cli_stats *stats) {
    cli_stats local = {0, 0, 0};
    if (!stats) stats = &local;
    *stats = local;
    bool progress = !o->quiet && isatty(2);
    double last = now();
    int status = 0;
    rl_reader_options ro = {.format = (rl_input_format)o->format, .default_date = o->date,
                            .warn = print_warning, .warn_ctx = (void *)o};
    rl_arena *arena = NULL;
    static char *const stdin_only[] = {"-"};
    char *const *list = nfiles > 0 ? files : stdin_only;
    int count = nfiles > 0 ? nfiles : 1;

    for (int f = 0; f < count && status != 2; f++) {
        rl_error err;
        rl_reader *r = rl_reader_open(list[f], &ro, &err);
        if (!r) {
            cli_report_error(&err);
            stats->read++;
            stats->rejected++;
            if (err.status == RL_ERR_MEMORY) status = 2;
            else status = 1;
            continue;
        }
        for (;;) {
            if (!arena && !(arena = rl_arena_new(0))) {
                fprintf(stderr, "redline: out of memory\n");
                status = 2;
                break;
            }
            rl_document doc;
            rl_read_status st = rl_reader_next(r, arena, &doc, &err);
            if (st == RL_READ_EOF) break;
            stats->read++;
            if (st == RL_READ_FATAL) {
                cli_report_error(&err);
                stats->rejected++;
                status = 2;
                break;
            }
            if (st == RL_READ_BAD) {
                cli_report_error(&err);
                stats->rejected++;
                if (status == 0) status = 1;
                rl_arena_reset(arena);
                continue;
            }
            int rc = fn(&doc, ctx);
            if (rc < 0) {
                stats->rejected++;
                if (status == 0) status = 1;
            } else {
                stats->ok++;
            }
            if (rc == 1) arena = NULL;          /* fn owns it now */
            else rl_arena_reset(arena);
            if (progress && (stats->read & 63) == 0 && now() - last > 0.5) {
                last = now();
                fprintf(stderr, "\rredline: %ld documents...", stats->read);
            }
        }
        rl_reader_close(r);
    }
    rl_arena_free(arena);
    if (o->drain) {
        long late = o->drain(ctx);
        if (late > 0) {
            stats->ok -= late;
            stats->rejected += late;
            if (status == 0) status = 1;
        }
    }
    if (progress && stats->read >= 64) fprintf(stderr, "\r%40s\r", "");
    if (!o->quiet)
        fprintf(stderr, "redline: %ld documents read, %ld %s, %ld rejected\n", stats->read,
                stats->ok, o->verb ? o->verb : "processed", stats->rejected);
    return status;
}
