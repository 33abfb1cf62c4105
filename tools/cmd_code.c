/* cmd_code.c — `redline code [FILE...]`: read documents, annotate and code them, write
 * events as JSON lines, TSV or Phoenix TSV and/or into an SQLite store.
 *
 * With --threads N a pool of N workers codes documents in parallel; the resources are
 * read-only and shared. The thread that reads the input also writes the output, strictly
 * in input order, so the output is byte-identical whatever N is. Documents travel through
 * a ring of slots (the reorder window): reading blocks when the oldest unwritten document
 * is still being coded and the ring is full, which bounds memory. */
#include "cli.h"
#include "cli_inputs.h"
#include "coder.h"
#include "ingest.h"
#include "redline.h"
#include "resources.h"
#include "store_pg.h"
#include "store_sqlite.h"
#include "writer.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_THREADS 256
#define WINDOW_PER_THREAD 8

enum { SLOT_EMPTY, SLOT_QUEUED, SLOT_CLAIMED, SLOT_DONE };

typedef struct job {
    rl_document doc;       /* owns its arena while in the ring */
    rl_event *events;      /* allocated in doc.arena */
    size_t nevents;
    bool failed;
    rl_error err;
    int state;
} job;

typedef struct code_ctx {
    const rl_resources *res;
    rl_code_options opts;

    FILE *out;             /* NULL when only the database is written */
    rl_output_format fmt;
    rl_store *store;
    rl_pgstore *pg;
    rl_daily *daily;       /* --one-a-day: events merged here, written at the end */
    unsigned shard, nshards;  /* --shard i/N: code only documents whose id hashes to i */
    long skipped;          /* documents of other shards */
    bool fatal;            /* output failed: stop writing, exit 2 */
    rl_error fatal_err;
    long failed;           /* documents read but not coded */
    long events;

    /* worker pool (threads > 1) */
    int nthreads;
    job *ring;
    size_t window;
    size_t submitted, claimed, written;   /* counters, slot = counter % window */
    bool stop;
    pthread_mutex_t mu;
    pthread_cond_t work_cv;  /* workers wait for jobs */
    pthread_cond_t done_cv;  /* the reader waits for the oldest job to finish */
} code_ctx;

static void usage(FILE *out) {
    fprintf(out,
        "usage: redline code [OPTIONS] [FILE...]\n\n"
        "Codes news documents into CAMEO events. Reads FILEs (stdin if none or '-'):\n"
        "plain text, JSON lines {id, date, title, text}, PETRARCH XML, HTML, CoNLL-U,\n"
        "or any of them gzip-compressed.\n\n"
        "options:\n"
        "  --input-format F       text, jsonl, petrarch-xml, html or conllu (default: detect)\n"
        "  --date YYYY-MM-DD      publication date for documents that carry none\n"
        "  --format F             jsonl (default), tsv or phoenix\n"
        "  --db FILE              store documents, sentences and events in SQLite FILE;\n"
        "                         nothing is printed unless --format is also given\n"
        "  --pg CONNINFO          the same into PostgreSQL (libpq connection string)\n"
        "  --one-a-day            print one event per date, source, target and code, with\n"
        "                         its number of mentions and supporting sentences\n"
        "  --shard I/N            code only the documents whose id hashes to shard I of N\n"
        "                         (0 <= I < N); combine shard databases with redline merge\n"
        "  --threads N            code with N worker threads (default 1); the output is\n"
        "                         identical whatever N is\n"
        "  --beam N               parser beam width, 1 (greedy) to 64 (default: the\n"
        "                         width stored in the parser model)\n"
        "  --statements           emit 010 for bare statements\n"
        "  --require-dyad         drop events without a target\n"
        "  --allow-missing-target keep events without a target (the default)\n"
        "  --verbs FILE           verb pattern dictionary (PETRARCH format)\n"
        "  --actors F1,F2,...     actor dictionaries\n"
        "  --agents FILE          agent dictionary\n"
        "  --discards FILE        discard list\n"
        "  --data-dir DIR         directory holding dict/ and models/\n"
        "  --quiet                no warnings and no summary on stderr\n"
        "  --help                 this text\n\n"
        "Exit status: 0 all documents coded, 1 some record rejected, 2 usage or fatal error.\n");
}

static void report(const rl_error *err) {
    cli_report_error(err);
}

/* Annotates and codes one document; runs on any thread. */
static void code_one(const code_ctx *c, job *j) {
    j->events = NULL;
    j->nevents = 0;
    j->failed = rl_annotate_document(c->res, &j->doc, &j->err) != 0 ||
                rl_code_annotated(c->res, &j->doc, &c->opts, &j->events, &j->nevents,
                                  &j->err) < 0;
    if (j->failed) {
        if (!j->err.id[0] && j->doc.id)
            snprintf(j->err.id, sizeof j->err.id, "%s", j->doc.id);
        if (!j->err.file[0] && j->doc.origin) {
            snprintf(j->err.file, sizeof j->err.file, "%s", j->doc.origin);
            j->err.record = j->doc.record;
        }
    }
}

/* Writes one coded document; runs on the reading thread only, in input order. */
static void emit(code_ctx *c, job *j) {
    if (j->failed) {
        report(&j->err);
        c->failed++;
        return;
    }
    if (c->fatal) return;
    if (c->daily) {
        for (size_t i = 0; i < j->nevents; i++)
            if (rl_daily_add(c->daily, &j->events[i]) != 0) {
                rl_error_set(&c->fatal_err, RL_ERR_MEMORY, "", 0, "out of memory (--one-a-day)");
                c->fatal = true;
                return;
            }
    } else if (c->out) {
        for (size_t i = 0; i < j->nevents; i++)
            if (rl_write_event(c->out, c->fmt, &j->events[i], i) != 0) {
                rl_error_set(&c->fatal_err, RL_ERR_IO, "<stdout>", 0, "write failed: %s",
                             strerror(errno));
                c->fatal = true;
                return;
            }
    }
    if (c->store && rl_store_add(c->store, &j->doc, j->events, j->nevents, &c->fatal_err) != 0) {
        c->fatal = true;
        return;
    }
    if (c->pg && rl_pgstore_add(c->pg, &j->doc, j->events, j->nevents, &c->fatal_err) != 0) {
        c->fatal = true;
        return;
    }
    c->events += (long)j->nevents;
}

/* FNV-1a of the document id: the same document lands in the same shard on every machine. */
static bool other_shard(const code_ctx *c, const rl_document *doc) {
    if (c->nshards <= 1) return false;
    uint64_t h = 14695981039346656037u;
    for (const char *p = doc->id ? doc->id : ""; *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211u;
    return h % c->nshards != c->shard;
}

/* One thread: the document is coded and written right away; the driver frees it. */
static int on_document_serial(rl_document *doc, void *arg) {
    code_ctx *c = arg;
    if (other_shard(c, doc)) { c->skipped++; return 0; }
    job j = { .doc = *doc };
    code_one(c, &j);
    emit(c, &j);
    return j.failed ? -1 : 0;
}

static void *worker(void *arg) {
    code_ctx *c = arg;
    pthread_mutex_lock(&c->mu);
    for (;;) {
        if (c->claimed < c->submitted) {
            job *j = &c->ring[c->claimed++ % c->window];
            j->state = SLOT_CLAIMED;
            pthread_mutex_unlock(&c->mu);
            code_one(c, j);
            pthread_mutex_lock(&c->mu);
            j->state = SLOT_DONE;
            pthread_cond_signal(&c->done_cv);
        } else if (c->stop) {
            break;
        } else {
            pthread_cond_wait(&c->work_cv, &c->mu);
        }
    }
    pthread_mutex_unlock(&c->mu);
    return NULL;
}

/* Writes finished documents from the head of the ring, in order. With wait_for_room it
 * blocks until the ring has a free slot; with drain, until every document is written.
 * The slot being written is only touched by this thread (workers never revisit a done
 * slot), so writing happens outside the lock. */
static void flush_ring(code_ctx *c, bool wait_for_room, bool drain) {
    for (;;) {
        pthread_mutex_lock(&c->mu);
        job *j;
        for (;;) {
            j = &c->ring[c->written % c->window];
            if (c->written < c->submitted && j->state == SLOT_DONE) break;
            bool need = drain ? c->written < c->submitted
                              : wait_for_room && c->submitted - c->written >= c->window;
            if (!need) {
                pthread_mutex_unlock(&c->mu);
                return;
            }
            pthread_cond_wait(&c->done_cv, &c->mu);
        }
        pthread_mutex_unlock(&c->mu);

        emit(c, j);
        rl_arena_free(j->doc.arena);

        pthread_mutex_lock(&c->mu);
        j->state = SLOT_EMPTY;
        c->written++;
        pthread_mutex_unlock(&c->mu);
    }
}

/* Several threads: the document joins the ring and we take its arena (return 1). */
static int on_document_pooled(rl_document *doc, void *arg) {
    code_ctx *c = arg;
    if (other_shard(c, doc)) { c->skipped++; return 0; }
    flush_ring(c, true, false);
    pthread_mutex_lock(&c->mu);
    job *j = &c->ring[c->submitted % c->window];
    memset(j, 0, sizeof *j);
    j->doc = *doc;
    j->state = SLOT_QUEUED;
    c->submitted++;
    pthread_cond_signal(&c->work_cv);
    pthread_mutex_unlock(&c->mu);
    return 1;
}

/* cli_input_options.drain for the pool: writes every pending document, returns how many
 * of them failed. */
static long drain_pool(void *arg) {
    code_ctx *c = arg;
    flush_ring(c, false, true);
    return c->failed;
}

/* Runs the reader with a pool of nthreads workers. Returns the driver's status, or -1 if
 * the pool could not be started. */
static int run_pooled(code_ctx *c, char **files, int nfiles, cli_input_options in,
                      cli_stats *stats) {
    c->window = (size_t)c->nthreads * WINDOW_PER_THREAD;
    c->ring = calloc(c->window, sizeof *c->ring);
    pthread_t *threads = calloc((size_t)c->nthreads, sizeof *threads);
    if (!c->ring || !threads) {
        free(c->ring);
        free(threads);
        fprintf(stderr, "redline code: out of memory\n");
        return -1;
    }
    pthread_mutex_init(&c->mu, NULL);
    pthread_cond_init(&c->work_cv, NULL);
    pthread_cond_init(&c->done_cv, NULL);
    int started = 0;
    for (; started < c->nthreads; started++)
        if (pthread_create(&threads[started], NULL, worker, c) != 0) break;

    int rc = -1;
    if (started == c->nthreads) {
        in.drain = drain_pool;
        rc = cli_each_document(files, nfiles, &in, on_document_pooled, c, stats);
        flush_ring(c, false, true);     /* no-op unless the driver stopped early */
    } else {
        fprintf(stderr, "redline code: cannot start %d threads\n", c->nthreads);
    }

    pthread_mutex_lock(&c->mu);
    c->stop = true;
    pthread_cond_broadcast(&c->work_cv);
    pthread_mutex_unlock(&c->mu);
    for (int i = 0; i < started; i++) pthread_join(threads[i], NULL);
    pthread_cond_destroy(&c->done_cv);
    pthread_cond_destroy(&c->work_cv);
    pthread_mutex_destroy(&c->mu);
    free(threads);
    free(c->ring);
    return rc;
}

/* The value of option argv[*i] (the next argument); NULL with a message if missing. */
static const char *option_value(int argc, char **argv, int *i) {
    if (*i + 1 >= argc) {
        fprintf(stderr, "redline code: %s needs a value\n", argv[*i]);
        return NULL;
    }
    return argv[++*i];
}

int cmd_code(int argc, char **argv) {
    rl_resource_paths paths = {0};
    cli_input_options in = { .format = RL_INPUT_AUTO, .verb = "coded" };
    code_ctx c = { .fmt = RL_OUT_JSONL, .nthreads = 1 };
    const char *db = NULL, *pg = NULL;
    bool format_given = false, one_a_day = false;
    int nfiles = 0, beam = 0;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files) {
        fprintf(stderr, "redline code: out of memory\n");
        return 2;
    }

    int status = 2;
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (options_done || a[0] != '-' || !strcmp(a, "-")) {
            files[nfiles++] = argv[i];
        } else if (!strcmp(a, "--")) {
            options_done = true;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            free(files);
            return 0;
        } else if (!strcmp(a, "--input-format")) {
            if (!(v = option_value(argc, argv, &i))) goto done;
            in.format = rl_input_format_parse(v);
            if (in.format < 0) {
                fprintf(stderr, "redline code: unknown input format '%s'\n", v);
                goto done;
            }
        } else if (!strcmp(a, "--date")) {
            if (!(v = option_value(argc, argv, &i))) goto done;
            if (!cli_valid_date(v)) {
                fprintf(stderr, "redline code: --date wants YYYY-MM-DD, not '%s'\n", v);
                goto done;
            }
            in.date = v;
        } else if (!strcmp(a, "--format")) {
            if (!(v = option_value(argc, argv, &i))) goto done;
            if (rl_output_format_parse(v, &c.fmt) != 0) {
                fprintf(stderr, "redline code: unknown format '%s' (jsonl, tsv, phoenix)\n", v);
                goto done;
            }
            format_given = true;
        } else if (!strcmp(a, "--db")) {
            if (!(db = option_value(argc, argv, &i))) goto done;
        } else if (!strcmp(a, "--pg")) {
            if (!(pg = option_value(argc, argv, &i))) goto done;
        } else if (!strcmp(a, "--one-a-day")) {
            one_a_day = true;
        } else if (!strcmp(a, "--shard")) {
            if (!(v = option_value(argc, argv, &i))) goto done;
            unsigned si, sn;
            int used = 0;
            if (sscanf(v, "%u/%u%n", &si, &sn, &used) != 2 || v[used] || sn == 0 || si >= sn) {
                fprintf(stderr, "redline code: --shard wants I/N with 0 <= I < N, not '%s'\n", v);
                goto done;
            }
            c.shard = si;
            c.nshards = sn;
        } else if (!strcmp(a, "--threads")) {
            if (!(v = option_value(argc, argv, &i))) goto done;
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || end == v || n < 1 || n > MAX_THREADS) {
                fprintf(stderr, "redline code: --threads wants 1..%d, not '%s'\n",
                        MAX_THREADS, v);
                goto done;
            }
            c.nthreads = (int)n;
        } else if (!strcmp(a, "--beam")) {
            if (!(v = option_value(argc, argv, &i))) goto done;
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || end == v || n < 1 || n > 64) {
                fprintf(stderr, "redline code: --beam wants 1..64, not '%s'\n", v);
                goto done;
            }
            beam = (int)n;
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            in.quiet = true;
        } else if (!strcmp(a, "--statements")) {
            c.opts.statements = true;
        } else if (!strcmp(a, "--require-dyad")) {
            c.opts.require_dyad = true;
        } else if (!strcmp(a, "--allow-missing-target")) {
            c.opts.require_dyad = false;
        } else if (!strcmp(a, "--verbs")) {
            if (!(paths.verbs = option_value(argc, argv, &i))) goto done;
        } else if (!strcmp(a, "--actors")) {
            if (!(paths.actors = option_value(argc, argv, &i))) goto done;
        } else if (!strcmp(a, "--agents")) {
            if (!(paths.agents = option_value(argc, argv, &i))) goto done;
        } else if (!strcmp(a, "--discards")) {
            if (!(paths.discards = option_value(argc, argv, &i))) goto done;
        } else if (!strcmp(a, "--data-dir")) {
            if (!(paths.data_dir = option_value(argc, argv, &i))) goto done;
        } else {
            fprintf(stderr, "redline code: unknown option '%s'\n", a);
            usage(stderr);
            goto done;
        }
    }

    rl_error err = {0};
    rl_resources *res = rl_resources_open(&paths, &err);
    if (!res) {
        report(&err);
        goto done;
    }
    c.res = res;
    if (res->models) rl_models_set_beam(res->models, beam);

    if (db) {
        c.store = rl_store_open(db, NULL, &err);
        if (!c.store) {
            report(&err);
            rl_resources_close(res);
            goto done;
        }
    }
    if (pg) {
        c.pg = rl_pgstore_open(pg, 0, &err);
        if (!c.pg) {
            report(&err);
            if (c.store) rl_store_close(c.store, NULL);
            rl_resources_close(res);
            goto done;
        }
    }
    if (one_a_day && !(c.daily = rl_daily_new())) {
        fprintf(stderr, "redline code: out of memory\n");
        goto done;
    }
    if ((!db && !pg) || format_given) {
        c.out = stdout;
        if (rl_write_header(c.out, c.fmt) != 0) {
            rl_error_set(&c.fatal_err, RL_ERR_IO, "<stdout>", 0, "write failed");
            c.fatal = true;
        }
    }

    cli_stats stats = {0};
    int rc = c.nthreads > 1 ? run_pooled(&c, files, nfiles, in, &stats)
                            : cli_each_document(files, nfiles, &in, on_document_serial, &c,
                                                &stats);
    for (size_t i = 0; c.daily && c.out && !c.fatal && i < rl_daily_count(c.daily); i++)
        if (rl_write_event(c.out, c.fmt, rl_daily_get(c.daily, i), i) != 0) {
            rl_error_set(&c.fatal_err, RL_ERR_IO, "<stdout>", 0, "write failed: %s", strerror(errno));
            c.fatal = true;
        }
    rl_daily_free(c.daily);
    if (c.out && fflush(c.out) != 0 && !c.fatal) {
        rl_error_set(&c.fatal_err, RL_ERR_IO, "<stdout>", 0, "write failed: %s",
                     strerror(errno));
        c.fatal = true;
    }
    if (c.store && rl_store_close(c.store, c.fatal ? NULL : &c.fatal_err) != 0) c.fatal = true;
    if (c.pg && rl_pgstore_close(c.pg, c.fatal ? NULL : &c.fatal_err) != 0) c.fatal = true;
    if (c.skipped > 0 && !in.quiet)
        fprintf(stderr, "redline: %ld of them belong to other shards (--shard %u/%u)\n",
                c.skipped, c.shard, c.nshards);
    rl_resources_close(res);

    if (c.fatal) report(&c.fatal_err);
    if (rc < 0 || rc == 2 || c.fatal) status = 2;
    else status = rc == 1 || stats.rejected > 0 || c.failed > 0 ? 1 : 0;

done:
    free(files);
    return status;
}
