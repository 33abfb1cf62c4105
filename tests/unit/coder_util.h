/* coder_util.h — helpers for the coder tests: the fixture dictionaries in
 * tests/fixtures/coder/ and documents built from short CoNLL-U written in the tests.
 *
 * Token lines have six whitespace-separated fields, "ID FORM LEMMA UPOS HEAD DEPREL"
 * (UPOS may be "UPOS/XPOS", as in "VERB/VBD");
 * a blank line ends a sentence. Comment lines set the sentence's furniture:
 *   # kind = caption | headline | link | tagline
 *   # quote = intro   (the sentence ends with "said:")
 *   # quote = in      (inside an open quotation)
 *   # paragraph = N */
#ifndef RL_CODER_UTIL_H
#define RL_CODER_UTIL_H

#include "resources.h"
#include "coder.h"
#include "dict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIXTURES "tests/fixtures/coder"

static inline void fixture_warn(void *ctx, const rl_error *w) {
    int *errors = ctx;
    if (w->status != RL_OK) {
        (*errors)++;
        fprintf(stderr, "fixture dictionary: %s:%ld: %s\n", w->file, w->record, w->reason);
    }
}

/* The fixture dictionaries with these verb and agent files (actors and discards are the
 * shared ones), or NULL (with a message) if they do not load cleanly. */
static inline rl_dicts *fixture_dicts_with(const char *verbs, const char *agents) {
    const struct { rl_dict_kind kind; const char *file; } files[] = {
        {RL_DICT_VERBS, verbs}, {RL_DICT_ACTORS, FIXTURES "/actors.txt"},
        {RL_DICT_AGENTS, agents}, {RL_DICT_DISCARDS, FIXTURES "/discards.txt"},
    };
    rl_error err;
    int errors = 0;
    rl_dicts *d = rl_dicts_new(&err);
    if (!d) return NULL;
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        if (rl_dicts_load(d, files[i].kind, files[i].file, fixture_warn, &errors, &err) != 0) {
            fprintf(stderr, "%s: %s\n", files[i].file, err.reason);
            rl_dicts_close(d);
            return NULL;
        }
    }
    if (rl_dicts_finish(d, &err) != 0 || errors) {
        rl_dicts_close(d);
        return NULL;
    }
    return d;
}

/* The four standard fixture dictionaries. */
static inline rl_dicts *fixture_dicts(void) {
    return fixture_dicts_with(FIXTURES "/verbs.txt", FIXTURES "/agents.txt");
}

static inline rl_sentence_kind kind_named(const char *s) {
    if (strncmp(s, "caption", 7) == 0) return RL_SENT_CAPTION;
    if (strncmp(s, "headline", 8) == 0) return RL_SENT_HEADLINE;
    if (strncmp(s, "link", 4) == 0) return RL_SENT_LINK;
    if (strncmp(s, "tagline", 7) == 0) return RL_SENT_TAGLINE;
    return RL_SENT_BODY;
}

/* Builds a parsed document from the short CoNLL-U in src. 0 on success. */
static inline int conllu_doc(rl_arena *a, rl_document *doc, const char *id, const char *date,
                      const char *src) {
    memset(doc, 0, sizeof *doc);
    doc->id = id;
    doc->date = date;
    doc->arena = a;
    doc->pretokenized = true;
    size_t cap_text = strlen(src) + 1;
    char *text = rl_arena_alloc(a, cap_text);
    rl_sentence *sents = rl_arena_calloc(a, 64, sizeof *sents);
    if (!text || !sents) return -1;
    size_t tl = 0;
    int ns = 0;
    rl_sentence *cur = NULL;
    rl_sentence_kind kind = RL_SENT_BODY;
    bool intro = false, inq = false;
    int para = 0;
    const char *p = src;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        char line[512];
        if (len >= sizeof line) return -1;
        memcpy(line, p, len);
        line[len] = '\0';
        p = e ? e + 1 : p + len;
        char *s = line;
        while (*s == ' ' || *s == '\t') s++;
        if (*s == '#') {
            char *v = strchr(s, '=');
            if (!v) continue;
            v++;
            while (*v == ' ') v++;
            if (strstr(s, "kind")) kind = kind_named(v);
            else if (strstr(s, "quote")) { intro = strncmp(v, "intro", 5) == 0; inq = strncmp(v, "in", 2) == 0 && !intro; }
            else if (strstr(s, "paragraph")) para = atoi(v);
            continue;
        }
        if (!*s) {
            if (cur) {
                cur->end = (uint32_t)(tl ? tl - 1 : 0);
                cur = NULL;
                kind = RL_SENT_BODY;
                intro = inq = false;
            }
            continue;
        }
        char f[6][128];
        if (sscanf(s, "%127s %127s %127s %127s %127s %127s", f[0], f[1], f[2], f[3], f[4],
                   f[5]) != 6)
            return -1;
        if (!cur) {
            if (ns == 64) return -1;
            cur = &sents[ns++];
            cur->start = (uint32_t)tl;
            cur->kind = kind;
            cur->introduces_quote = intro;
            cur->in_quote = inq;
            cur->paragraph = para;
            cur->tokens = rl_arena_calloc(a, 128, sizeof(rl_token));
            if (!cur->tokens) return -1;
        }
        if (cur->ntokens == 128) return -1;
        rl_token *t = &cur->tokens[cur->ntokens++];
        t->form = rl_arena_strdup(a, f[1]);
        t->lemma = rl_arena_strdup(a, f[2]);
        /* "VERB/VBD" gives the xpos too */
        char *slash = strchr(f[3], '/');
        if (slash) *slash = '\0';
        t->upos = rl_arena_strdup(a, f[3]);
        t->xpos = slash ? rl_arena_strdup(a, slash + 1) : "_";
        t->feats = "_";
        t->head = atoi(f[4]);
        t->deprel = rl_arena_strdup(a, f[5]);
        t->space_after = true;
        size_t fl = strlen(f[1]);
        t->start = (uint32_t)tl;
        memcpy(text + tl, f[1], fl);
        tl += fl;
        t->end = (uint32_t)tl;
        text[tl++] = ' ';
    }
    if (cur) cur->end = (uint32_t)(tl ? tl - 1 : 0);
    text[tl] = '\0';
    doc->text = text;
    doc->text_len = tl;
    doc->sentences = sents;
    doc->nsentences = ns;
    return 0;
}

/* Codes CoNLL-U text with the fixture dictionaries; events live in the arena. */
typedef struct coded {
    rl_arena *arena;
    rl_event *ev;
    size_t n;
} coded;

static inline int code_conllu(const rl_dicts *d, const char *date, const char *src,
                       const rl_code_options *opts, coded *out) {
    rl_resources res;
    memset(&res, 0, sizeof res);
    res.data_dir = (char *)FIXTURES;
    res.dicts = (rl_dicts *)d;
    out->arena = rl_arena_new(0);
    if (!out->arena) return -1;
    rl_document doc;
    if (conllu_doc(out->arena, &doc, "t", date, src) != 0) return -1;
    rl_error err;
    memset(&err, 0, sizeof err);
    if (rl_code_annotated(&res, &doc, opts, &out->ev, &out->n, &err) < 0) return -1;
    return 0;
}

/* In a test function: codes the CoNLL-U `src` with `dicts` into a local `c` (skipping the
 * test when the dictionaries did not load); END() frees it. */
#define CODE_WITH(dicts, date, src, opts) \
    coded c; \
    if (!(dicts)) SKIP("fixture dictionaries did not load"); \
    CHECK(code_conllu(dicts, date, src, opts, &c) == 0)

#define END() rl_arena_free(c.arena)

/* Checks that the event with `code` exists with this source and target ("-" = none). */
#define EXPECT(code, src, tgt) do { \
    const rl_event *e_ = find_code(&c, code); \
    if (!e_) dump_events(&c); \
    CHECK(e_ != NULL); \
    CHECK_STR(e_->source, src); \
    CHECK_STR(e_->target ? e_->target : "-", tgt); \
} while (0)

/* The first event with this code, or NULL. */
static inline const rl_event *find_code(const coded *c, const char *code) {
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->ev[i].code, code) == 0) return &c->ev[i];
    return NULL;
}

static inline void dump_events(const coded *c) {
    for (size_t i = 0; i < c->n; i++) {
        const rl_event *e = &c->ev[i];
        fprintf(stderr, "  [%d] %s %s %s neg=%d cond=%d by=%s date=%s/%s rule=%s\n",
                e->sentence_index, e->source, e->code, e->target ? e->target : "-",
                e->negated, e->conditional, e->reported_by ? e->reported_by : "-",
                e->date ? e->date : "-", e->date_source ? e->date_source : "-",
                e->rule ? e->rule : "-");
    }
}

#endif
