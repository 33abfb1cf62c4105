/* lemmatizer.c — lexicon lookup, then suffix rules. */
#include "lemmatizer.h"
#include "resources.h"

#include <string.h>

uint64_t rl_lemma_lex_key(int kind, const char *form, size_t n, const char *xpos) {
    uint64_t h = rl_hash_bytes(xpos, strlen(xpos), (uint64_t)kind);
    h = rl_hash_mix(h, rl_hash_bytes(form, n, 0x11));
    return h ? h : 1;
}

uint64_t rl_lemma_rule_key(const char *suffix, size_t n, const char *xpos) {
    uint64_t h = rl_hash_bytes(xpos, strlen(xpos), 0x22);
    h = rl_hash_mix(h, rl_hash_bytes(suffix, n, n));
    return h ? h : 1;
}

int rl_lemma_keeps_case(const char *xpos) { return !strncmp(xpos, "NNP", 3); }

static int load_table(const rl_model_file *f, uint32_t id, size_t entry, uint32_t *slots,
                      const void **entries, rl_error *err) {
    size_t sz;
    const uint8_t *p = rl_model_section(f, id, 8, &sz, err);
    if (!p) return -1;
    memcpy(slots, p, 4);
    uint32_t n = *slots;
    if (n == 0 || (n & (n - 1)) || n > (1u << 26) || sz < 8 + (size_t)n * entry) {
        rl_error_set(err, RL_ERR_FORMAT, f->path, 0, "corrupt model file: malformed lemma table");
        return -1;
    }
    *entries = p + 8;
    return 0;
}

static int lemmatizer_setup(rl_lemmatizer *l, rl_error *err) {
    const void *lex, *rules;
    if (load_table(&l->file, RL_LEMMA_SEC_LEXICON, sizeof(rl_lex_entry), &l->lex_slots, &lex, err) ||
        load_table(&l->file, RL_LEMMA_SEC_RULES, sizeof(rl_rule_entry), &l->rule_slots, &rules, err))
        return -1;
    l->lex = lex;
    l->rules = rules;
    l->strings = rl_model_section(&l->file, RL_LEMMA_SEC_STRINGS, 1, &l->nstrings, err);
    if (!l->strings) return -1;
    /* Every string offset must land inside the blob, and the blob must end in NUL. */
    int ok = l->strings[l->nstrings - 1] == '\0';
    uint32_t empty = 0;
    for (uint32_t i = 0; ok && i < l->lex_slots; i++) {
        if (!l->lex[i].key) { empty++; continue; }
        ok = l->lex[i].lemma < l->nstrings && l->lex[i].feats < l->nstrings;
    }
    ok = ok && empty;
    empty = 0;
    for (uint32_t i = 0; ok && i < l->rule_slots; i++) {
        if (!l->rules[i].key) { empty++; continue; }
        ok = l->rules[i].append < l->nstrings && l->rules[i].strip <= 64;
    }
    if (!ok || !empty) {
        rl_error_set(err, RL_ERR_FORMAT, l->file.path, 0, "corrupt model file: malformed lemma table");
        return -1;
    }
    return 0;
}

int rl_lemmatizer_open(rl_lemmatizer *l, const char *path, rl_error *err) {
    memset(l, 0, sizeof *l);
    if (rl_model_file_open(&l->file, path, RL_LEMMA_KIND, err) != 0) return -1;
    if (lemmatizer_setup(l, err) != 0) { rl_model_file_close(&l->file); return -1; }
    return 0;
}

int rl_lemmatizer_from_memory(rl_lemmatizer *l, const void *data, size_t size, rl_error *err) {
    memset(l, 0, sizeof *l);
    if (rl_model_file_from_memory(&l->file, "lemmatizer", data, size, RL_LEMMA_KIND, err) != 0)
        return -1;
    return lemmatizer_setup(l, err);
}

void rl_lemmatizer_close(rl_lemmatizer *l) { rl_model_file_close(&l->file); }

static const rl_lex_entry *lex_find(const rl_lemmatizer *l, uint64_t key) {
    uint32_t mask = l->lex_slots - 1;
    for (uint32_t i = (uint32_t)key & mask;; i = (i + 1) & mask) {
        if (l->lex[i].key == key) return &l->lex[i];
        if (!l->lex[i].key) return NULL;
    }
}

static const rl_rule_entry *rule_find(const rl_lemmatizer *l, uint64_t key) {
    uint32_t mask = l->rule_slots - 1;
    for (uint32_t i = (uint32_t)key & mask;; i = (i + 1) & mask) {
        if (l->rules[i].key == key) return &l->rules[i];
        if (!l->rules[i].key) return NULL;
    }
}

static int is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

const char *rl_lemmatize(const rl_lemmatizer *l, const char *form, const char *xpos,
                         const char **feats, rl_arena *arena) {
    size_t n = strlen(form);
    const rl_lex_entry *e = lex_find(l, rl_lemma_lex_key(RL_LEX_EXACT, form, n, xpos));
    int keep = rl_lemma_keeps_case(xpos);
    char *base = NULL;
    if (!e) {
        base = rl_arena_strndup(arena, form, n);
        if (!base) return NULL;
        if (!keep)
            for (size_t i = 0; i < n; i++)
                if (base[i] >= 'A' && base[i] <= 'Z') base[i] = (char)(base[i] + 32);
        e = lex_find(l, rl_lemma_lex_key(RL_LEX_LOWER, base, n, xpos));
    }
    const rl_lex_entry *tag = lex_find(l, rl_lemma_lex_key(RL_LEX_TAG, "", 0, xpos));
    if (feats) *feats = e ? l->strings + e->feats : tag ? l->strings + tag->feats : "_";
    if (e) return l->strings + e->lemma;
    /* Longest suffix (at a character boundary) that has a rule for this tag. */
    const rl_rule_entry *r = NULL;
    for (size_t k = n < RL_LEMMA_MAX_SUFFIX ? n : RL_LEMMA_MAX_SUFFIX;; k--) {
        if (k == 0 || !is_cont((unsigned char)base[n - k]))
            if ((r = rule_find(l, rl_lemma_rule_key(base + n - k, k, xpos)))) break;
        if (k == 0) break;
    }
    if (!r || r->strip > n) return base;
    const char *app = l->strings + r->append;
    size_t keepn = n - r->strip, alen = strlen(app);
    if (keepn == 0 && alen == 0) return base;   /* never an empty lemma */
    char *out = rl_arena_alloc(arena, keepn + alen + 1);
    if (!out) return NULL;
    memcpy(out, base, keepn);
    memcpy(out + keepn, app, alen + 1);
    return out;
}

int rl_lemmatizer_run(const rl_lemmatizer *l, rl_sentence *s, rl_arena *arena) {
    for (int i = 0; i < s->ntokens; i++) {
        rl_token *t = &s->tokens[i];
        const char *form = t->form ? t->form : "";
        const char *lemma = rl_lemmatize(l, form, t->xpos ? t->xpos : "", &t->feats, arena);
        if (!lemma) return -1;
        t->lemma = *lemma ? lemma : "_";
    }
    return 0;
}
