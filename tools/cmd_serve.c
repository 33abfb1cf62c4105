/* cmd_serve.c — `redline serve`: run the HTTP coding service until SIGINT/SIGTERM. */
#include "cli.h"
#include "redline.h"
#include "server.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(FILE *out) {
    fprintf(out,
        "usage: redline serve [--port N] [--bind ADDR] [--threads N] [--max-body BYTES]\n"
        "                     [--max-connections N] [--time-limit SECONDS] [--data-dir D]\n"
        "                     [--statements] [--require-dyad] [--quiet]\n\n"
        "Codes documents posted over HTTP (binds to 127.0.0.1 unless --bind says otherwise):\n"
        "  POST /v1/code         {id,date,title,text}, an array of them, or text/plain\n"
        "  POST /hypnos/extract  {text,id,date} as hypnos clients send it\n"
        "  GET  /v1/codes  /healthz  /metrics\n"
        "--port 0 picks a free port; the port is printed on stdout once listening.\n");
}

static int parse_num(const char *opt, const char *s, double lo, double hi, double *out) {
    char *end;
    double v = s ? strtod(s, &end) : 0;
    if (!s || *end || v < lo || v > hi) {
        fprintf(stderr, "redline serve: %s needs a number between %g and %g\n", opt, lo, hi);
        return -1;
    }
    *out = v;
    return 0;
}

int cmd_serve(int argc, char **argv) {
    rl_server_options o = {0};
    rl_resource_paths paths = {0};
    bool quiet = false;
    o.port = 8080;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        double num;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); return 0; }
        else if (!strcmp(a, "--port")) { if (parse_num(a, v, 0, 65535, &num)) return 2; o.port = (int)num; i++; }
        else if (!strcmp(a, "--threads")) { if (parse_num(a, v, 1, 256, &num)) return 2; o.threads = (int)num; i++; }
        else if (!strcmp(a, "--max-body")) { if (parse_num(a, v, 1, 1e9, &num)) return 2; o.max_body = (size_t)num; i++; }
        else if (!strcmp(a, "--max-connections")) { if (parse_num(a, v, 1, 100000, &num)) return 2; o.max_connections = (int)num; i++; }
        else if (!strcmp(a, "--time-limit")) { if (parse_num(a, v, 0.001, 3600, &num)) return 2; o.time_limit = num; i++; }
        else if (!strcmp(a, "--bind") && v) { o.bind = v; i++; }
        else if (!strcmp(a, "--data-dir") && v) { paths.data_dir = v; i++; }
        else if (!strcmp(a, "--statements")) o.code.statements = true;
        else if (!strcmp(a, "--require-dyad")) o.code.require_dyad = true;
        else if (!strcmp(a, "--quiet")) quiet = true;
        else { fprintf(stderr, "redline serve: unknown option '%s'\n", a); usage(stderr); return 2; }
    }
    rl_error err = {0};
    char msg[1024];
    rl_resources *res = rl_resources_open(&paths, &err);
    if (!res) { fprintf(stderr, "redline serve: %s\n", rl_error_format(&err, msg, sizeof msg)); return 2; }

    /* Block the signals before the pool starts so only this thread receives them. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);

    rl_server *srv = rl_server_start(res, &o, &err);
    if (!srv) {
        fprintf(stderr, "redline serve: %s\n", rl_error_format(&err, msg, sizeof msg));
        rl_resources_close(res);
        return 2;
    }
    printf("%d\n", rl_server_port(srv));
    fflush(stdout);
    if (!quiet)
        fprintf(stderr, "redline serve: listening on http://%s:%d/\n", o.bind ? o.bind : "127.0.0.1",
                rl_server_port(srv));
    int sig = 0;
    sigwait(&set, &sig);
    if (!quiet) fprintf(stderr, "redline serve: signal %d, stopping\n", sig);
    rl_server_stop(srv);
    rl_resources_close(res);
    return 0;
}
