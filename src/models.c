/* models.c — the tagger, lemmatizer and parser as one read-only resource. */
#include "models.h"
#include "lemmatizer.h"
#include "parser.h"
#include "resources.h"
#include "tagger.h"

#include <stdio.h>
#include <stdlib.h>

struct rl_models {
    rl_tagger tagger;
    rl_lemmatizer lemmatizer;
    rl_parser parser;
    int beam;              /* parser beam width, 0 = the model's */
};

rl_models *rl_models_open(const char *dir, rl_error *err) {
    rl_models *m = calloc(1, sizeof *m);
    if (!m) {
        rl_error_set(err, RL_ERR_MEMORY, dir, 0, "out of memory");
        return NULL;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/tagger.rlm", dir);
    if (rl_tagger_open(&m->tagger, path, err) != 0) goto fail_none;
    snprintf(path, sizeof path, "%s/lemmatizer.rlm", dir);
    if (rl_lemmatizer_open(&m->lemmatizer, path, err) != 0) goto fail_tagger;
    snprintf(path, sizeof path, "%s/parser.rlm", dir);
    if (rl_parser_open(&m->parser, path, err) != 0) goto fail_lemma;
    return m;
fail_lemma:
    rl_lemmatizer_close(&m->lemmatizer);
fail_tagger:
    rl_tagger_close(&m->tagger);
fail_none:
    free(m);
    return NULL;
}

void rl_models_close(rl_models *m) {
    if (!m) return;
    rl_parser_close(&m->parser);
    rl_lemmatizer_close(&m->lemmatizer);
    rl_tagger_close(&m->tagger);
    free(m);
}

int rl_models_annotate(const rl_models *m, rl_sentence *s, rl_arena *arena) {
    if (s->ntokens <= 0) return 0;
    if (rl_tagger_tag(&m->tagger, s, arena) != 0 ||
        rl_lemmatizer_run(&m->lemmatizer, s, arena) != 0 ||
        rl_parser_parse_width(&m->parser, s, arena, m->beam) != 0)
        return -1;
    return 0;
}

const char *rl_models_lemma(const rl_models *m, const char *form, const char *xpos,
                            rl_arena *arena) {
    const char *feats = NULL;
    return m ? rl_lemmatize(&m->lemmatizer, form, xpos, &feats, arena) : NULL;
}

void rl_models_set_beam(rl_models *m, int width) {
    m->beam = width < 0 ? 0 : width > RL_PARSE_MAX_BEAM ? RL_PARSE_MAX_BEAM : width;
}
