/* train.c — rltrain: learns the tagger, lemmatizer and parser from a UD treebank.
 *
 *   rltrain TRAIN.conllu DEV.conllu OUTDIR
 *
 * Writes OUTDIR/{tagger,lemmatizer,parser}.rlm. Deterministic: one fixed seed. The
 * second tagger pass and the parser learn from jackknifed tags (each quarter of the
 * training set tagged by a first-pass tagger trained on the other three), so they see
 * tagging errors like those at run time. */
#include "common.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void shuffle(int *order, int n, uint64_t *seed) {
    for (int i = n - 1; i > 0; i--) {
        int j = (int)(rng_next(seed) % (uint64_t)(i + 1));
        int t = order[i]; order[i] = order[j]; order[j] = t;
    }
}

double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void die(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "rltrain: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(1);
}

void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) die("out of memory");
    return p;
}

void *xcalloc(size_t n, size_t size) {
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) die("out of memory");
    return p;
}

uint32_t strbuf_add(strbuf *s, const char *str) {
    size_t len = strlen(str) + 1;
    if (s->n + len > s->cap) {
        size_t cap = s->cap ? s->cap : 4096;
        while (cap < s->n + len) cap *= 2;
        s->b = realloc(s->b, cap);
        if (!s->b) die("out of memory");
        s->cap = cap;
    }
    memcpy(s->b + s->n, str, len);
    uint32_t off = (uint32_t)s->n;
    s->n += len;
    return off;
}

static void read_tb(rl_treebank *tb, const char *path) {
    rl_error err;
    if (rl_treebank_read(tb, path, &err) != 0) {
        char buf[1024];
        die("%s", rl_error_format(&err, buf, sizeof buf));
    }
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: rltrain TRAIN.conllu DEV.conllu OUTDIR\n");
        return 2;
    }
    const char *out = argv[3];
    uint64_t seed = 0x5eed2026u;
    rl_treebank train, dev;
    read_tb(&train, argv[1]);
    read_tb(&dev, argv[2]);
    fprintf(stderr, "rltrain: %d training sentences, %d dev sentences\n", train.n, dev.n);
    char path[4096], tmp[4096];
    double t0 = now_seconds();

    snprintf(path, sizeof path, "%s/lemmatizer.rlm", out);
    train_lemmatizer(&train, &dev, path);
    fprintf(stderr, "rltrain: lemmatizer written (%.1f s)\n", now_seconds() - t0);
    if (getenv("RLTRAIN_LEMMA_ONLY")) return 0;   /* for experiments */

    /* Tagger, first pass; its epoch count is reused by the jackknife taggers. */
    char first[4096];
    snprintf(first, sizeof first, "%s/tagger-pass1.tmp", out);
    double acc1, acc2;
    int tag_epochs = train_tagger(train.s, train.n, &dev, 0, first, seed, NULL, NULL, &acc1);
    fprintf(stderr, "rltrain: first-pass tagger trained, %d epochs (%.1f s)\n", tag_epochs, now_seconds() - t0);

    /* Jackknifed training tags, for the second tagger pass and for the parser. */
    enum { FOLDS = 4 };
    const char ***train_xpos = xcalloc((size_t)train.n, sizeof *train_xpos);
    const char ***train_upos = xcalloc((size_t)train.n, sizeof *train_upos);
    tagged folds[FOLDS];
    /* A treebank too small to split is tagged by the full tagger instead. */
    int folds_used = train.n >= 10 * FOLDS ? FOLDS : 1;
    for (int k = 0; k < folds_used; k++) {
        if (folds_used == 1) {
            tag_with(first, train.s, train.n, &folds[0]);
            for (int i = 0; i < train.n; i++) {
                train_xpos[i] = folds[0].xpos[i];
                train_upos[i] = folds[0].upos[i];
            }
            break;
        }
        int lo = (int)((long)train.n * k / FOLDS), hi = (int)((long)train.n * (k + 1) / FOLDS);
        rl_tb_sentence *rest = xmalloc((size_t)(train.n - (hi - lo)) * sizeof *rest);
        memcpy(rest, train.s, (size_t)lo * sizeof *rest);
        memcpy(rest + lo, train.s + hi, (size_t)(train.n - hi) * sizeof *rest);
        snprintf(tmp, sizeof tmp, "%s/tagger-fold%d.tmp", out, k);
        train_tagger(rest, train.n - (hi - lo), NULL, tag_epochs, tmp, seed + (uint64_t)k + 1, NULL, NULL, NULL);
        tag_with(tmp, train.s + lo, hi - lo, &folds[k]);
        remove(tmp);
        for (int i = lo; i < hi; i++) {
            train_xpos[i] = folds[k].xpos[i - lo];
            train_upos[i] = folds[k].upos[i - lo];
        }
        free(rest);
        fprintf(stderr, "rltrain: jackknife fold %d tagged (%.1f s)\n", k + 1, now_seconds() - t0);
    }

    /* Tagger, second pass, learning from the jackknifed first-pass tags. */
    int **jk = tag_classes(first, train.s, train.n, (const char *const *const *)train_upos,
                           (const char *const *const *)train_xpos);
    snprintf(path, sizeof path, "%s/tagger.rlm", out);
    int epochs2 = train_tagger(train.s, train.n, &dev, 0, path, seed, (const int *const *)jk, first, &acc2);
    /* The second pass is kept only if it tags dev better than the first pass alone. */
    if (acc2 > acc1) {
        remove(first);
    } else {
        if (rename(first, path) != 0) die("cannot rename %s", first);
        fprintf(stderr, "rltrain: second pass dropped (dev UPOS %.2f%%, first pass %.2f%%)\n", acc2, acc1);
    }
    for (int i = 0; i < train.n; i++) free(jk[i]);
    free(jk);
    fprintf(stderr, "rltrain: tagger written, second pass %d epochs (%.1f s)\n", epochs2, now_seconds() - t0);
    if (getenv("RLTRAIN_TAGGER_ONLY")) return 0;   /* for experiments */

    tagged devtags;
    tag_with(path, dev.s, dev.n, &devtags);

    snprintf(path, sizeof path, "%s/parser.rlm", out);
    train_parser(&train, (const char *const *const *)train_xpos, &dev,
                 (const char *const *const *)devtags.xpos, 0, path, seed);
    fprintf(stderr, "rltrain: parser written (%.1f s)\n", now_seconds() - t0);

    for (int k = 0; k < folds_used; k++) {
        int lo = (int)((long)train.n * k / folds_used), hi = (int)((long)train.n * (k + 1) / folds_used);
        tagged_free(&folds[k], hi - lo);
    }
    tagged_free(&devtags, dev.n);
    free(train_xpos);
    free(train_upos);
    rl_treebank_free(&train);
    rl_treebank_free(&dev);
    return 0;
}
