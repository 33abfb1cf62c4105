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

int rl_lemma_class(const char *xpos) {
    if (xpos[0] == 'V' && xpos[1] == 'B') return 'V';
    if (!strcmp(xpos, "NN") || !strcmp(xpos, "NNS")) return 'N';
    return 0;
}

uint64_t rl_lemma_known_key(int cls, const char *lemma, size_t n) {
    /* The class is mixed in after the bytes: as an FNV seed it would only flip bits the
     * first byte also flips ("sid" as a verb would be "kid" as a noun). */
    uint64_t h = rl_hash_mix(rl_hash_bytes(lemma, n, 0x4b), (uint64_t)cls);
    return h ? h : 1;
}

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
    /* Known lemmas: optional (older files have none; the longest rule then decides). */
    rl_error absent;
    size_t sz;
    const uint8_t *k = rl_model_section(&l->file, RL_LEMMA_SEC_KNOWN, 8, &sz, &absent);
    if (k) {
        uint32_t n;
        memcpy(&n, k, 4);
        if (n == 0 || (n & (n - 1)) || n > (1u << 26) || sz < 8 + (size_t)n * sizeof(rl_known_entry)) {
            rl_error_set(err, RL_ERR_FORMAT, l->file.path, 0, "corrupt model file: malformed known-lemma table");
            return -1;
        }
        l->known = (const rl_known_entry *)(k + 8);
        l->known_slots = n;
        empty = 0;
        for (uint32_t i = 0; i < n; i++) empty += !l->known[i].key;
        if (!empty) {
            rl_error_set(err, RL_ERR_FORMAT, l->file.path, 0, "corrupt model file: malformed known-lemma table");
            return -1;
        }
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

static uint32_t known_count(const rl_lemmatizer *l, int cls, const char *w, size_t n) {
    uint64_t key = rl_lemma_known_key(cls, w, n);
    uint32_t mask = l->known_slots - 1;
    for (uint32_t i = (uint32_t)key & mask;; i = (i + 1) & mask) {
        if (l->known[i].key == key) return l->known[i].count;
        if (!l->known[i].key) return 0;
    }
}

/* Candidate lemmas of an unseen inflected word, in order of preference when their
 * evidence is equal. */
enum { MAX_CANDS = 24, CAND_LEN = 64 };
typedef struct cands { char w[MAX_CANDS][CAND_LEN]; int n; } cands;

static void cand_add(cands *c, const char *stem, size_t n, const char *app) {
    size_t a = strlen(app);
    if (c->n == MAX_CANDS || n + a + 1 > CAND_LEN || n + a < 2) return;
    char buf[CAND_LEN];
    memcpy(buf, stem, n);
    memcpy(buf + n, app, a + 1);
    for (int i = 0; i < c->n; i++)
        if (!strcmp(c->w[i], buf)) return;
    memcpy(c->w[c->n++], buf, n + a + 1);
}

static int ends_with(const char *w, size_t n, const char *suf) {
    size_t k = strlen(suf);
    return n > k && !memcmp(w + n - k, suf, k);
}

static int consonant(char c) { return c >= 'a' && c <= 'z' && !strchr("aeiou", c); }

/* A stem after -ed/-ing: itself, with a final e restored ("ruled"), with a doubled
 * consonant undone ("bombed" has none, "patrolled" has), "ie" for "y" ("dying"). */
static void stem_cands(cands *c, const char *w, size_t n, int ing) {
    cand_add(c, w, n, "");
    cand_add(c, w, n, "e");
    if (n >= 3 && w[n - 1] == w[n - 2] && consonant(w[n - 1])) cand_add(c, w, n - 1, "");
    if (ing && n >= 2 && w[n - 1] == 'y') cand_add(c, w, n - 1, "ie");
}

/* The regular English inflections undone, by tag. */
static void regular_cands(cands *c, const char *w, size_t n, const char *xpos) {
    if (!strcmp(xpos, "VBD") || !strcmp(xpos, "VBN")) {
        if (ends_with(w, n, "ied")) cand_add(c, w, n - 3, "y");
        if (ends_with(w, n, "ed")) stem_cands(c, w, n - 2, 0);
    } else if (!strcmp(xpos, "VBG")) {
        if (ends_with(w, n, "ing")) stem_cands(c, w, n - 3, 1);
    } else if (!strcmp(xpos, "VBZ") || !strcmp(xpos, "NNS")) {
        if (ends_with(w, n, "ies")) cand_add(c, w, n - 3, "y");
        if (ends_with(w, n, "ves")) { cand_add(c, w, n - 3, "f"); cand_add(c, w, n - 3, "fe"); }
        if (ends_with(w, n, "es")) {
            cand_add(c, w, n - 2, "");
            if (n >= 5 && w[n - 3] == w[n - 4] && consonant(w[n - 3])) cand_add(c, w, n - 3, "");
        }
        if (ends_with(w, n, "s")) cand_add(c, w, n - 1, "");
    }
}

/* Length of the longest known lemma (4+ bytes) that ends w after at least two bytes of
 * something else: "firebomb" ends in "bomb". */
static size_t known_tail(const rl_lemmatizer *l, int cls, const char *w) {
    size_t n = strlen(w);
    for (size_t j = 2; j + 4 <= n; j++)
        if (!is_cont((unsigned char)w[j]) && known_count(l, cls, w + j, n - j)) return n - j;
    return 0;
}

/* Prefixes of verbs whose rest keeps its inflection: "rebuilt", "overran", "withdrew". */
static const char *const verb_prefixes[] = {"re", "over", "under", "out", "mis", "with", "up",
                                            "un", "fore", "down", "co", "pre"};

static const rl_lex_entry *lex_find_form(const rl_lemmatizer *l, const char *w, size_t n,
                                         const char *xpos) {
    return lex_find(l, rl_lemma_lex_key(RL_LEX_EXACT, w, n, xpos));
}

/* The lemma of an unseen word of a known class: the candidate known best as a lemma of
 * the class (most tokens in the training data), then of the other class (verbs made of
 * nouns: "bombed"), then one ending in a known lemma ("firebombed"); else fallback. */
static const char *choose(const rl_lemmatizer *l, const char *base, size_t n, const char *xpos,
                          int cls, const char *fallback, rl_arena *arena) {
    if (n + 1 > CAND_LEN) return fallback;
    cands c = {.n = 0};
    cand_add(&c, fallback, strlen(fallback), "");
    for (size_t k = n < RL_LEMMA_MAX_SUFFIX ? n : RL_LEMMA_MAX_SUFFIX;; k--) {
        const rl_rule_entry *r;
        if ((k == 0 || !is_cont((unsigned char)base[n - k])) &&
            (r = rule_find(l, rl_lemma_rule_key(base + n - k, k, xpos))) && r->strip <= n)
            cand_add(&c, base, n - r->strip, l->strings + r->append);
        if (k == 0) break;
    }
    regular_cands(&c, base, n, xpos);
    int best = -1;
    uint32_t best_n = 0;
    for (int tier = 0; tier < 2 && best < 0; tier++) {
        int want = tier == 0 ? cls : cls == 'V' ? 'N' : 'V';
        for (int i = 0; i < c.n; i++) {
            uint32_t k = known_count(l, want, c.w[i], strlen(c.w[i]));
            if (k > best_n) { best_n = k; best = i; }
        }
    }
    if (best < 0 && cls == 'V') {
        /* an irregular verb behind a prefix */
        for (size_t p = 0; p < sizeof verb_prefixes / sizeof *verb_prefixes; p++) {
            size_t pl = strlen(verb_prefixes[p]);
            if (n < pl + 3 || memcmp(base, verb_prefixes[p], pl)) continue;
            const rl_lex_entry *e = lex_find_form(l, base + pl, n - pl, xpos);
            if (!e) continue;
            const char *lem = l->strings + e->lemma;
            size_t ll = strlen(lem);
            char *out = rl_arena_alloc(arena, pl + ll + 1);
            if (!out) return NULL;
            memcpy(out, base, pl);
            memcpy(out + pl, lem, ll + 1);
            return out;
        }
    }
    if (best < 0) {
        size_t best_tail = 0;
        for (int i = 0; i < c.n; i++) {
            size_t t = known_tail(l, cls, c.w[i]);
            if (t > best_tail) { best_tail = t; best = i; }
        }
    }
    if (best <= 0) return fallback;
    return rl_arena_strndup(arena, c.w[best], strlen(c.w[best]));
}

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
    const char *out = base;
    if (r && r->strip <= n) {
        const char *app = l->strings + r->append;
        size_t keepn = n - r->strip, alen = strlen(app);
        if (keepn || alen) {   /* never an empty lemma */
            char *o = rl_arena_alloc(arena, keepn + alen + 1);
            if (!o) return NULL;
            memcpy(o, base, keepn);
            memcpy(o + keepn, app, alen + 1);
            out = o;
        }
    }
    /* A base-form tag on a word the lexicon knows only as a past tense or participle is
     * more often a tagging error than a rare verb ("rebels laid/VBP down"): its past
     * lemma. */
    if (!strcmp(xpos, "VBP") || !strcmp(xpos, "VB")) {
        static const char *const past[] = {"VBD", "VBN"};
        for (int k = 0; k < 2; k++) {
            const rl_lex_entry *pe = lex_find(l, rl_lemma_lex_key(RL_LEX_LOWER, base, n, past[k]));
            if (!pe) pe = lex_find(l, rl_lemma_lex_key(RL_LEX_EXACT, base, n, past[k]));
            if (pe && strcmp(l->strings + pe->lemma, base)) return l->strings + pe->lemma;
        }
    }
    /* Base forms (VB, VBP, NN) are their own lemma far too often to second-guess. */
    int cls = rl_lemma_class(xpos);
    if (!cls || !l->known_slots || !strcmp(xpos, "VB") || !strcmp(xpos, "VBP") || !strcmp(xpos, "NN"))
        return out;
    return choose(l, base, n, xpos, cls, out, arena);
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
