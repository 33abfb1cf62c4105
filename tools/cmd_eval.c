/* cmd_eval.c — `redline eval`: code gold records and compare (see src/eval.h). */
#include "cli.h"
#include "eval.h"
#include "redline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f) {
    fputs("usage: redline eval [OPTIONS] GOLD...\n"
          "       redline eval --codebook FILE\n"
          "\n"
          "Codes gold records and compares the events. GOLD is PETRARCH validation XML\n"
          "(<Sentence date id> with <EventCoding sourcecode targetcode eventcode/> and\n"
          "<Text>; an <Environment> block may name dictionaries, read relative to the file)\n"
          "or JSON lines {id, date, text, events:[{source, target, code}]}.\n"
          "\n"
          "options:\n"
          "  --codebook FILE    codebook lines {code, examples:[...]}: is the root code of\n"
          "                     each example's highest-ranked event the example's root?\n"
          "  --json             machine-readable report\n"
          "  --misses N         list at most N misses (default 50; 0 = all)\n"
          "  --min-f1 X         exit 1 when the full-code F1 is below X\n"
          "  --min-root X       exit 1 when the codebook root accuracy is below X\n"
          "  --statements       emit 010 for bare statements\n"
          "  --require-dyad     drop events without a target\n"
          "  --data-dir DIR     directory holding dict/ and models/\n"
          "  --verbs FILE, --actors F1,F2, --agents FILE, --discards FILE\n"
          "                     dictionaries instead of the defaults (or the gold's own)\n"
          "  --help             this text\n"
          "\n"
          "Prints \"N passed, N failed\" (records whose events are all right), precision,\n"
          "recall and F1 at full and root code, actor accuracy, a root confusion table and\n"
          "the misses with the rule that fired. Exit status: 0, 1 below a --min threshold,\n"
          "2 usage or fatal error.\n", f);
}

/* Adds b's counts and misses to a. */
static int merge(rl_eval_report *a, rl_eval_report *b) {
    a->records += b->records;
    a->passed += b->passed;
    a->failed += b->failed;
    a->errors += b->errors;
    a->gold_events += b->gold_events;
    a->predicted_events += b->predicted_events;
    a->tp_full += b->tp_full;
    a->tp_root += b->tp_root;
    a->actor_pairs += b->actor_pairs;
    a->actor_source_ok += b->actor_source_ok;
    a->actor_target_ok += b->actor_target_ok;
    a->cb_no_event += b->cb_no_event;
    a->codebook = b->codebook;
    for (int i = 0; i <= 20; i++) {
        a->cb_total[i] += b->cb_total[i];
        a->cb_correct[i] += b->cb_correct[i];
        for (int j = 0; j <= 20; j++) a->confusion[i][j] += b->confusion[i][j];
    }
    if (b->nmisses) {
        rl_eval_miss *m = realloc(a->misses, (a->nmisses + b->nmisses) * sizeof *m);
        if (!m) return -1;
        memcpy(m + a->nmisses, b->misses, b->nmisses * sizeof *m);
        a->misses = m;
        a->nmisses += b->nmisses;
        a->cap_misses = a->nmisses;
    }
    return 0;
}

int cmd_eval(int argc, char **argv) {
    rl_resource_paths cli = {0};
    rl_code_options opts = {0};
    bool json = false, codebook = false;
    long max_misses = 50;
    double min_f1 = -1, min_root = -1;
    const char *files[256];
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
#define TAKE() do { if (!v) { fprintf(stderr, "redline eval: %s needs a value\n", a); return 2; } i++; } while (0)
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) { usage(stdout); return 0; }
        else if (strcmp(a, "--json") == 0) json = true;
        else if (strcmp(a, "--statements") == 0) opts.statements = true;
        else if (strcmp(a, "--require-dyad") == 0) opts.require_dyad = true;
        else if (strcmp(a, "--allow-missing-target") == 0) opts.require_dyad = false;
        else if (strcmp(a, "--codebook") == 0) { TAKE(); codebook = true; if (nfiles < 256) files[nfiles++] = v; }
        else if (strcmp(a, "--misses") == 0) { TAKE(); max_misses = atol(v); }
        else if (strcmp(a, "--min-f1") == 0) { TAKE(); min_f1 = atof(v); }
        else if (strcmp(a, "--min-root") == 0) { TAKE(); min_root = atof(v); }
        else if (strcmp(a, "--data-dir") == 0) { TAKE(); cli.data_dir = v; }
        else if (strcmp(a, "--verbs") == 0) { TAKE(); cli.verbs = v; }
        else if (strcmp(a, "--actors") == 0) { TAKE(); cli.actors = v; }
        else if (strcmp(a, "--agents") == 0) { TAKE(); cli.agents = v; }
        else if (strcmp(a, "--discards") == 0) { TAKE(); cli.discards = v; }
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "redline eval: unknown option %s\n", a);
            usage(stderr);
            return 2;
        } else if (nfiles < 256) {
            files[nfiles++] = a;
        }
#undef TAKE
    }
    if (nfiles == 0) { usage(stderr); return 2; }
    if (codebook) opts.statements = true;   /* the codebook has 010 examples */

    rl_eval_report total;
    memset(&total, 0, sizeof total);
    rl_gold_set *golds[256];
    int ngolds = 0;
    int status = 0;
    for (int k = 0; k < nfiles && status == 0; k++) {
        rl_error err;
        memset(&err, 0, sizeof err);
        char buf[1024];
        rl_gold_set *g = codebook ? rl_codebook_load(files[k], &err) : rl_gold_load(files[k], &err);
        if (!g) {
            fprintf(stderr, "redline eval: %s\n", rl_error_format(&err, buf, sizeof buf));
            status = 2;
            break;
        }
        golds[ngolds++] = g;
        rl_resource_paths p = cli;
        const rl_resource_paths *env = rl_gold_environment(g);
        if (!p.verbs) p.verbs = env->verbs;
        if (!p.actors) p.actors = env->actors;
        if (!p.agents) p.agents = env->agents;
        if (!p.discards) p.discards = env->discards;
        rl_resources *res = rl_resources_open(&p, &err);
        if (!res) {
            fprintf(stderr, "redline eval: %s\n", rl_error_format(&err, buf, sizeof buf));
            status = 2;
            break;
        }
        rl_eval_report rep;
        if (rl_eval_run(res, g, &opts, codebook, &rep, &err) != 0) {
            fprintf(stderr, "redline eval: %s\n", rl_error_format(&err, buf, sizeof buf));
            status = 2;
        } else if (merge(&total, &rep) != 0) {
            fprintf(stderr, "redline eval: out of memory\n");
            status = 2;
        }
        rl_eval_report_free(&rep);
        rl_resources_close(res);
    }
    if (status == 0) {
        if (json) rl_eval_print_json(stdout, &total);
        else rl_eval_print(stdout, &total, max_misses < 0 ? 0 : (size_t)max_misses);
        double f1 = rl_eval_f1(total.tp_full, total.predicted_events, total.gold_events);
        double root = total.records ? (double)total.tp_root / (double)total.records : 0.0;
        if (min_f1 >= 0 && f1 + 1e-9 < min_f1) {
            fprintf(stderr, "redline eval: F1 %.3f is below %.3f\n", f1, min_f1);
            status = 1;
        }
        if (min_root >= 0 && codebook && root + 1e-9 < min_root) {
            fprintf(stderr, "redline eval: root accuracy %.3f is below %.3f\n", root, min_root);
            status = 1;
        }
    }
    rl_eval_report_free(&total);
    for (int k = 0; k < ngolds; k++) rl_gold_free(golds[k]);
    return status;
}
