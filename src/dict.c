/*
 * dict.c — dictionaries in memory: word tries for actors, agents and discards, the verb
 * index, the queries the coder makes, opening the default files, statistics and the
 * consistency checks behind `redline dict check`. The file formats are read by
 * dict_read.c.
 *
 * Everything a dictionary holds is allocated from one arena, plus a handful of big
 * arrays (trie nodes and edges, the verb index); after rl_dicts_finish() nothing changes,
 * so any number of threads may query at once.
 */
#include "dict_impl.h"
#include "resources.h"

#include <ctype.h>
#include <glob.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define WORD_MAX 256   /* longer tokens never match a dictionary word */

int rl_ptrvec_push(rl_ptrvec *pv, void *p) {
    if (pv->n == pv->cap) {
        size_t cap = pv->cap ? pv->cap * 2 : 64;
        void **v = realloc(pv->v, cap * sizeof *v);
        if (!v) return -1;
        pv->v = v;
        pv->cap = cap;
    }
    pv->v[pv->n++] = p;
    return 0;
}

/* ---- upper-casing ---- */

size_t rl_dict_upper(const char *s, size_t len, char *buf, size_t cap) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, o = 0;
    while (i < len) {
        if (p[i] < 0x80) {
            if (o + 1 >= cap) return 0;
            buf[o++] = (char)toupper(p[i]);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            /* Invalid UTF-8: keep the byte, so the file's spelling still matches itself. */
            if (o + 1 >= cap) return 0;
            buf[o++] = (char)p[i++];
            continue;
        }
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_toupper(cp), enc);
        if (m <= 0 || o + (size_t)m >= cap) return 0;
        memcpy(buf + o, enc, (size_t)m);
        o += (size_t)m;
        i += (size_t)n;
    }
    buf[o] = '\0';
    return o;
}

char *rl_dict_strdup_upper(rl_dicts *d, const char *s, size_t len) {
    /* Upper case may take more bytes than lower case (a few letters grow by one). */
    char small[1024];
    size_t cap = len * 3 / 2 + 8;
    char *buf = cap <= sizeof small ? small : malloc(cap);
    if (!buf) return NULL;
    size_t n = rl_dict_upper(s, len, buf, cap);
    char *c = (n || !len) ? rl_arena_strndup(d->arena, buf, n) : NULL;
    if (buf != small) free(buf);
    return c;
}

/* ---- tries ---- */

static uint32_t hash_word(uint32_t parent, const char *w, size_t len) {
    uint32_t h = 2166136261u ^ (parent * 16777619u);
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)w[i];
        h *= 16777619u;
    }
    return h;
}

static uint32_t trie_find(const rl_trie *t, uint32_t parent, const char *w, size_t len) {
    if (!t->edge_cap) return 0;
    uint32_t h = hash_word(parent, w, len);
    size_t mask = t->edge_cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const rl_trie_edge *e = &t->edges[i];
        if (!e->word) return 0;
        if (e->hash == h && e->parent == parent && strncmp(e->word, w, len) == 0 &&
            e->word[len] == '\0')
            return e->child;
    }
}

static int trie_grow_edges(rl_trie *t) {
    size_t cap = t->edge_cap ? t->edge_cap * 2 : 1024;
    rl_trie_edge *ne = calloc(cap, sizeof *ne);
    if (!ne) return -1;
    for (size_t i = 0; i < t->edge_cap; i++) {
        rl_trie_edge *e = &t->edges[i];
        if (!e->word) continue;
        size_t j = e->hash & (cap - 1);
        while (ne[j].word) j = (j + 1) & (cap - 1);
        ne[j] = *e;
    }
    free(t->edges);
    t->edges = ne;
    t->edge_cap = cap;
    return 0;
}

/* A new node's index, or 0 when out of memory (0 is the root, never a new child). */
static uint32_t trie_new_node(rl_trie *t) {
    if (t->nnodes == t->node_cap) {
        size_t cap = t->node_cap ? t->node_cap * 2 : 1024;
        rl_trie_node *nn = realloc(t->nodes, cap * sizeof *nn);
        if (!nn) return 0;
        t->nodes = nn;
        t->node_cap = cap;
    }
    memset(&t->nodes[t->nnodes], 0, sizeof t->nodes[0]);
    return (uint32_t)t->nnodes++;
}

const void *rl_trie_add(rl_trie *t, rl_dicts *d, const char *const *words, size_t n,
                        const void *value, bool stem, bool generated, bool *oom) {
    *oom = false;
    if (n == 0) return NULL;
    if (t->nnodes == 0) {
        trie_new_node(t);   /* the root */
        if (t->nnodes == 0) { *oom = true; return NULL; }
    }
    uint32_t node = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(words[i]);
        uint32_t child = trie_find(t, node, words[i], len);
        if (!child) {
            if ((t->nedges + 1) * 2 > t->edge_cap && trie_grow_edges(t) != 0) {
                *oom = true;
                return NULL;
            }
            child = trie_new_node(t);
            const char *w = rl_arena_strndup(d->arena, words[i], len);
            if (!child || !w) { *oom = true; return NULL; }
            uint32_t h = hash_word(node, w, len);
            size_t j = h & (t->edge_cap - 1);
            while (t->edges[j].word) j = (j + 1) & (t->edge_cap - 1);
            t->edges[j] = (rl_trie_edge){w, node, child, h};
            t->nedges++;
        }
        node = child;
    }
    if (n > t->max_words) t->max_words = n;
    rl_trie_node *nd = &t->nodes[node];
    if (nd->value && (generated || !nd->generated)) return nd->value;
    nd->value = value;
    nd->generated = generated;
    nd->stem = stem;
    if (stem) {
        nd->stem = 1;
        /* Find the parent again to mark it: the last edge added or found. */
        uint32_t parent = 0;
        for (size_t i = 0; i + 1 < n; i++)
            parent = trie_find(t, parent, words[i], strlen(words[i]));
        t->nodes[parent].has_stem = 1;
    }
    return NULL;
}

static void trie_free(rl_trie *t) {
    free(t->nodes);
    free(t->edges);
}

/* Longest phrase starting at words[0]. */
static const void *trie_match(const rl_trie *t, const char *const *words, size_t n,
                              size_t *matched) {
    const void *best = NULL;
    size_t bestn = 0;
    uint32_t node = 0;
    char buf[WORD_MAX];
    if (t->nnodes == 0) n = 0;
    for (size_t i = 0; i < n && i < t->max_words; i++) {
        if (!words[i]) break;
        size_t len = rl_dict_upper(words[i], strlen(words[i]), buf, sizeof buf);
        if (len == 0) break;
        if (t->nodes[node].has_stem) {
            /* A stem matches any token it begins ("BASEBALL" in "BASEBALLERS"). */
            for (size_t l = len; l >= 1; l--) {
                uint32_t c = trie_find(t, node, buf, l);
                if (c && t->nodes[c].stem && t->nodes[c].value) {
                    best = t->nodes[c].value;
                    bestn = i + 1;
                    break;
                }
            }
        }
        uint32_t child = trie_find(t, node, buf, len);
        if (!child) break;
        node = child;
        if (t->nodes[node].value) {
            best = t->nodes[node].value;
            bestn = i + 1;
        }
    }
    if (matched) *matched = best ? bestn : 0;
    return best;
}

/* ---- queries ---- */

const rl_actor_entry *rl_dict_match_actor(const rl_dicts *d, const char *const *words,
                                          size_t n, size_t *matched) {
    if (matched) *matched = 0;
    if (!d || !words) return NULL;
    return trie_match(&d->actors, words, n, matched);
}

const rl_agent_entry *rl_dict_match_agent(const rl_dicts *d, const char *const *words,
                                          size_t n, size_t *matched) {
    if (matched) *matched = 0;
    if (!d || !words) return NULL;
    return trie_match(&d->agents, words, n, matched);
}

bool rl_dict_match_discard(const rl_dicts *d, const char *const *words, size_t n,
                           size_t *matched, bool *story_level) {
    if (matched) *matched = 0;
    if (story_level) *story_level = false;
    if (!d || !words) return false;
    const rl_discard_entry *e = trie_match(&d->discards, words, n, matched);
    if (e && story_level) *story_level = e->story;
    return e != NULL;
}

static bool is_null_code(const char *c) {
    return !c || !*c || strcmp(c, "---") == 0;
}

const char *rl_actor_code_on(const rl_actor_entry *e, int32_t date) {
    if (!e) return NULL;
    const char *c = e->default_code;
    if (date > 0) {
        const rl_dated_code *best = NULL;
        for (size_t i = 0; i < e->nranges; i++) {
            const rl_dated_code *r = &e->ranges[i];
            if ((r->from == 0 || r->from <= date) && (r->to == 0 || date <= r->to))
                if (!best || r->from > best->from) best = r;   /* the most specific */
        }
        if (best) c = best->code;
    } else if (!c && e->nranges) {
        /* No date: the most recent role (open end counts as latest). */
        const rl_dated_code *best = &e->ranges[0];
        for (size_t i = 1; i < e->nranges; i++) {
            const rl_dated_code *r = &e->ranges[i];
            int32_t rt = r->to ? r->to : INT32_MAX, bt = best->to ? best->to : INT32_MAX;
            if (rt > bt || (rt == bt && r->from > best->from)) best = r;
        }
        c = best->code;
    }
    return is_null_code(c) ? NULL : c;
}

static uint32_t hash_str(const char *s) {
    return hash_word(0, s, strlen(s));
}

size_t rl_dict_verbs(const rl_dicts *d, const char *lemma, const rl_verb_entry *const **out) {
    if (out) *out = NULL;
    if (!d || !lemma || !d->vslot_cap) return 0;
    char buf[WORD_MAX];
    size_t len = rl_dict_upper(lemma, strlen(lemma), buf, sizeof buf);
    if (!len) return 0;
    size_t mask = d->vslot_cap - 1;
    for (size_t i = hash_str(buf) & mask;; i = (i + 1) & mask) {
        const rl_verb_slot *s = &d->vslots[i];
        if (!s->key) return 0;
        if (strcmp(s->key, buf) == 0) {
            if (out) *out = d->vsorted + s->start;
            return s->count;
        }
    }
}

size_t rl_dict_transformations(const rl_dicts *d, const rl_transformation **out) {
    if (out) *out = d ? d->tf_array : NULL;
    return d ? d->transformations.n : 0;
}

const rl_synset *rl_dict_synset(const rl_dicts *d, const char *name) {
    if (!d || !name) return NULL;
    for (size_t i = d->synsets.n; i-- > 0;) {   /* a redefinition wins, as while reading */
        const rl_synset *s = d->synsets.v[i];
        if (strcmp(s->name, name) == 0) return s;
    }
    return NULL;
}

void rl_dict_get_stats(const rl_dicts *d, rl_dict_stats *out) {
    if (!out) return;
    if (!d) { memset(out, 0, sizeof *out); return; }
    *out = d->stats;
}

/* ---- kinds ---- */

static const char *const kind_names[] = {"unknown", "verbs", "actors", "agents", "discards"};

const char *rl_dict_kind_name(rl_dict_kind k) {
    return (unsigned)k < sizeof kind_names / sizeof kind_names[0] ? kind_names[k] : "unknown";
}

rl_dict_kind rl_dict_kind_from_name(const char *s) {
    if (!s) return RL_DICT_UNKNOWN;
    for (int k = RL_DICT_VERBS; k <= RL_DICT_DISCARDS; k++)
        if (strcmp(s, kind_names[k]) == 0) return (rl_dict_kind)k;
    return RL_DICT_UNKNOWN;
}

static bool contains_ci(const char *hay, const char *needle) {
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0) return true;
    return false;
}

rl_dict_kind rl_dict_guess_kind(const char *path, const char *text, size_t len) {
    if (path) {
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        if (contains_ci(base, "verbs")) return RL_DICT_VERBS;
        if (contains_ci(base, "actors")) return RL_DICT_ACTORS;
        if (contains_ci(base, "agents")) return RL_DICT_AGENTS;
        if (contains_ci(base, "discards")) return RL_DICT_DISCARDS;
    }
    bool brackets = false, agentish = false;
    size_t i = 0;
    while (i < len) {
        size_t e = i;
        while (e < len && text[e] != '\n') e++;
        const char *l = text + i;
        size_t n = e - i;
        size_t k = 0;
        while (k < n && (l[k] == ' ' || l[k] == '\t')) k++;
        if (k < n && l[k] != '#') {
            if (n - k >= 6 && memcmp(l + k, "---", 3) == 0)
                for (size_t j = k + 3; j + 3 <= n; j++)
                    if (memcmp(l + j, "---", 3) == 0) return RL_DICT_VERBS;
            for (size_t j = k; j < n && l[j] != '#'; j++) {
                if (l[j] == '[') {
                    brackets = true;
                    if (j + 1 < n && l[j + 1] == '~') agentish = true;
                }
                if (l[j] == '~' && j + 1 < n && (l[j + 1] == ']' || l[j + 1] == '}')) agentish = true;
            }
        }
        i = e + 1;
    }
    if (agentish) return RL_DICT_AGENTS;
    return brackets ? RL_DICT_ACTORS : RL_DICT_DISCARDS;
}

/* ---- life cycle ---- */

rl_dicts *rl_dicts_new(rl_error *err) {
    rl_dicts *d = calloc(1, sizeof *d);
    if (d) d->arena = rl_arena_new(1 << 20);
    if (!d || !d->arena) {
        free(d);
        rl_error_set(err, RL_ERR_MEMORY, "", 0, "out of memory");
        return NULL;
    }
    return d;
}

void rl_dicts_close(rl_dicts *d) {
    if (!d) return;
    trie_free(&d->actors);
    trie_free(&d->agents);
    trie_free(&d->discards);
    free(d->actor_list.v);
    free(d->agent_list.v);
    free(d->discard_list.v);
    free(d->dups.v);
    free(d->synsets.v);
    free(d->blocks.v);
    free(d->transformations.v);
    free(d->vkeys);
    free(d->vsorted);
    free(d->vslots);
    rl_arena_free(d->arena);
    free(d);
}

int rl_dict_add_verb_key(rl_dicts *d, const char *key, const rl_verb_entry *e) {
    if (d->nvkeys == d->vkey_cap) {
        size_t cap = d->vkey_cap ? d->vkey_cap * 2 : 1024;
        rl_verb_key *nk = realloc(d->vkeys, cap * sizeof *nk);
        if (!nk) return -1;
        d->vkeys = nk;
        d->vkey_cap = cap;
    }
    d->vkeys[d->nvkeys] = (rl_verb_key){key, e, d->nvkeys};
    d->nvkeys++;
    return 0;
}

/* Same key together; within a key the longest multi-word entries first, then load order. */
static int cmp_vkey(const void *a, const void *b) {
    const rl_verb_key *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c) return c;
    size_t lx = x->entry->nbefore + x->entry->nafter, ly = y->entry->nbefore + y->entry->nafter;
    if (lx != ly) return lx > ly ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int rl_dicts_finish(rl_dicts *d, rl_error *err) {
    if (d->finished) return 0;
    if (d->nvkeys) {
        qsort(d->vkeys, d->nvkeys, sizeof *d->vkeys, cmp_vkey);
        d->vsorted = malloc(d->nvkeys * sizeof *d->vsorted);
        size_t distinct = 0;
        for (size_t i = 0; i < d->nvkeys; i++)
            if (i == 0 || strcmp(d->vkeys[i].key, d->vkeys[i - 1].key) != 0) distinct++;
        size_t cap = 16;
        while (cap < distinct * 2) cap *= 2;
        d->vslots = calloc(cap, sizeof *d->vslots);
        if (!d->vsorted || !d->vslots) goto oom;
        d->vslot_cap = cap;
        for (size_t i = 0; i < d->nvkeys;) {
            size_t j = i;
            while (j < d->nvkeys && strcmp(d->vkeys[j].key, d->vkeys[i].key) == 0) {
                d->vsorted[j] = d->vkeys[j].entry;
                j++;
            }
            size_t k = hash_str(d->vkeys[i].key) & (cap - 1);
            while (d->vslots[k].key) k = (k + 1) & (cap - 1);
            d->vslots[k] = (rl_verb_slot){d->vkeys[i].key, i, j - i};
            i = j;
        }
    }
    if (d->transformations.n) {
        d->tf_array = rl_arena_calloc(d->arena, d->transformations.n, sizeof *d->tf_array);
        if (!d->tf_array) goto oom;
        for (size_t i = 0; i < d->transformations.n; i++)
            d->tf_array[i] = *(const rl_transformation *)d->transformations.v[i];
    }
    d->finished = true;
    return 0;
oom:
    rl_error_set(err, RL_ERR_MEMORY, "", 0, "out of memory building the verb index");
    return -1;
}

/* ---- opening the configured or default files ---- */

/* Loads every file of a comma-separated list. */
static int load_list(rl_dicts *d, rl_dict_kind kind, const char *list,
                     void (*warn)(void *, const rl_error *), void *ctx, rl_error *err) {
    char path[4096];
    const char *p = list;
    while (*p) {
        const char *q = strchr(p, ',');
        size_t n = q ? (size_t)(q - p) : strlen(p);
        if (n >= sizeof path) {
            rl_error_set(err, RL_ERR_USAGE, "", 0, "dictionary path too long");
            return -1;
        }
        memcpy(path, p, n);
        path[n] = '\0';
        if (n && rl_dicts_load(d, kind, path, warn, ctx, err) != 0) return -1;
        p += n;
        if (*p == ',') p++;
    }
    return 0;
}

/* A default file that does not exist yet leaves that kind empty. */
static int load_default(rl_dicts *d, rl_dict_kind kind, const char *dir, const char *name,
                        void (*warn)(void *, const rl_error *), void *ctx, rl_error *err) {
    char path[4096];
    snprintf(path, sizeof path, "%s/dict/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    fclose(f);
    return rl_dicts_load(d, kind, path, warn, ctx, err);
}

rl_dicts *rl_dicts_open(const rl_resource_paths *paths, const char *data_dir,
                        void (*warn)(void *ctx, const rl_error *w), void *warn_ctx,
                        rl_error *err) {
    rl_resource_paths none = {0};
    if (!paths) paths = &none;
    if (!data_dir) data_dir = paths->data_dir ? paths->data_dir : rl_default_data_dir();
    rl_dicts *d = rl_dicts_new(err);
    if (!d) return NULL;
    int rc = 0;
    if (paths->verbs) rc = load_list(d, RL_DICT_VERBS, paths->verbs, warn, warn_ctx, err);
    else rc = load_default(d, RL_DICT_VERBS, data_dir, "cameo.verbs.txt", warn, warn_ctx, err);
    if (rc == 0 && paths->actors) {
        rc = load_list(d, RL_DICT_ACTORS, paths->actors, warn, warn_ctx, err);
    } else if (rc == 0) {
        char pat[4096];
        snprintf(pat, sizeof pat, "%s/dict/*.actors.txt", data_dir);
        glob_t g;
        if (glob(pat, 0, NULL, &g) == 0) {   /* glob sorts the names */
            for (size_t i = 0; rc == 0 && i < g.gl_pathc; i++)
                rc = rl_dicts_load(d, RL_DICT_ACTORS, g.gl_pathv[i], warn, warn_ctx, err);
            globfree(&g);
        }
    }
    if (rc == 0 && paths->agents) rc = load_list(d, RL_DICT_AGENTS, paths->agents, warn, warn_ctx, err);
    else if (rc == 0) rc = load_default(d, RL_DICT_AGENTS, data_dir, "agents.txt", warn, warn_ctx, err);
    if (rc == 0 && paths->discards)
        rc = load_list(d, RL_DICT_DISCARDS, paths->discards, warn, warn_ctx, err);
    else if (rc == 0)
        rc = load_default(d, RL_DICT_DISCARDS, data_dir, "discards.txt", warn, warn_ctx, err);
    if (rc == 0) rc = rl_dicts_finish(d, err);
    if (rc != 0) {
        rl_dicts_close(d);
        return NULL;
    }
    return d;
}

/* ---- checks ---- */

typedef struct reporter {
    void (*warn)(void *, const rl_error *);
    void *ctx;
    rl_dict_stats *out;
    size_t errors;
} reporter;

static void report(reporter *r, bool error, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void report(reporter *r, bool error, const char *file, int line, const char *fmt, ...) {
    if (error) {
        r->errors++;
        r->out->errors++;
    } else {
        r->out->warnings++;
    }
    if (!r->warn) return;
    rl_error e;
    memset(&e, 0, sizeof e);
    e.status = error ? RL_ERR_FORMAT : RL_OK;
    snprintf(e.file, sizeof e.file, "%s", file ? file : "");
    e.record = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.reason, sizeof e.reason, fmt, ap);
    va_end(ap);
    r->warn(r->ctx, &e);
}

/* A pattern's canonical text (without its code), for comparing patterns. */
static void put(char *buf, size_t cap, size_t *o, const char *s) {
    size_t n = strlen(s);
    if (*o + n + 1 >= cap) return;   /* overlong: compared on the prefix, good enough */
    memcpy(buf + *o, s, n);
    *o += n;
    buf[*o] = '\0';
}

static void put_np(char *buf, size_t cap, size_t *o, const rl_pattern_np *np) {
    if (np->nwords > 1) put(buf, cap, o, "{");
    for (size_t i = 0; i < np->nwords; i++) {
        const rl_pattern_word *w = &np->words[i];
        if (i) put(buf, cap, o, " ");
        switch (w->kind) {
        case RL_PW_WORD: put(buf, cap, o, w->word); break;
        case RL_PW_SYNSET: put(buf, cap, o, w->synset->name); break;
        case RL_PW_SOURCE: put(buf, cap, o, "$"); break;
        case RL_PW_TARGET: put(buf, cap, o, "+"); break;
        case RL_PW_COMPOUND: put(buf, cap, o, "%"); break;
        case RL_PW_SKIP: put(buf, cap, o, "^"); break;
        }
    }
    if (np->nwords > 1) put(buf, cap, o, "}");
}

static void put_slots(char *buf, size_t cap, size_t *o, const rl_pattern_slot *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        put(buf, cap, o, " ");
        if (s[i].is_pp) {
            put(buf, cap, o, "(");
            put(buf, cap, o, s[i].prep);
            if (s[i].np.nwords) put(buf, cap, o, " ");
            put_np(buf, cap, o, &s[i].np);
            put(buf, cap, o, ")");
        } else {
            put_np(buf, cap, o, &s[i].np);
        }
    }
}

static void canonical_pattern(const rl_verb_pattern *p, char *buf, size_t cap) {
    size_t o = 0;
    buf[0] = '\0';
    put(buf, cap, &o, "-");
    put_slots(buf, cap, &o, p->pre, p->npre);
    put(buf, cap, &o, " *");
    put_slots(buf, cap, &o, p->post, p->npost);
}

/* "036", "042:043", ":173", "036|125" */
static const char *code_text(const rl_code_pair *c, char *buf, size_t cap) {
    snprintf(buf, cap, "%s%s%s%s%s", c->code, c->code2[0] ? ":" : "", c->code2,
             c->negated[0] ? "|" : "", c->negated);
    return buf;
}

/* "19900101-20001231", ">19900101", "<20001231" */
static const char *range_text(const rl_dated_code *r, char *buf, size_t cap) {
    if (r->from && r->to) snprintf(buf, cap, "%d-%d", (int)r->from, (int)r->to);
    else if (r->from) snprintf(buf, cap, ">%d", (int)r->from);
    else if (r->to) snprintf(buf, cap, "<%d", (int)r->to);
    else snprintf(buf, cap, "always");
    return buf;
}

static bool same_code(const rl_code_pair *a, const rl_code_pair *b) {
    return !strcmp(a->code, b->code) && !strcmp(a->code2, b->code2) &&
           !strcmp(a->negated, b->negated);
}

static void check_code(reporter *r, const char *code, const char *file, int line) {
    if (is_null_code(code) || rl_cameo_lookup(code)) return;
    r->out->unknown_codes++;
    report(r, true, file, line, "unknown CAMEO code '%s'", code);
}

static void check_pair(reporter *r, const rl_code_pair *c, const char *file, int line) {
    check_code(r, c->code, file, line);
    check_code(r, c->code2, file, line);
    check_code(r, c->negated, file, line);
}

static void check_patterns(reporter *r, const rl_verb_block *b) {
    enum { CAP = 512 };
    char *canon = malloc(b->npatterns * CAP + 1);
    if (!canon) {
        report(r, true, b->file, b->line, "out of memory checking this block");
        return;
    }
    for (size_t i = 0; i < b->npatterns; i++) {
        const rl_verb_pattern *p = &b->patterns[i];
        char *ci = canon + i * CAP;
        canonical_pattern(p, ci, CAP);
        for (size_t j = 0; j < i; j++) {
            if (strcmp(ci, canon + j * CAP) != 0) continue;
            const rl_verb_pattern *q = &b->patterns[j];
            if (same_code(&p->code, &q->code)) {
                r->out->duplicates++;
                report(r, false, p->file, p->line, "duplicate pattern '%s' (same as line %d)",
                       ci, q->line);
            } else {
                r->out->unreachable_patterns++;
                char c1[32], c2[32];
                report(r, false, p->file, p->line,
                       "unreachable pattern '%s' [%s]: line %d has the same pattern with [%s]",
                       ci, code_text(&p->code, c1, sizeof c1), q->line,
                       code_text(&q->code, c2, sizeof c2));
            }
            break;
        }
    }
    free(canon);
}

static bool same_words(const char *const *a, size_t na, const char *const *b, size_t nb) {
    if (na != nb) return false;
    for (size_t i = 0; i < na; i++)
        if (strcmp(a[i], b[i]) != 0) return false;
    return true;
}

static void check_verbs(reporter *r, const rl_dicts *d) {
    bool ontology = rl_cameo_count() > 0;
    if (!ontology && d->blocks.n)
        report(r, false, "", 0, "note: the CAMEO ontology is empty, unknown-code check skipped");
    for (size_t i = 0; i < d->blocks.n; i++) {
        const rl_verb_block *b = d->blocks.v[i];
        if (ontology) check_pair(r, &b->code, b->file, b->line);
        check_patterns(r, b);
        if (ontology)
            for (size_t j = 0; j < b->npatterns; j++)
                check_pair(r, &b->patterns[j].code, b->patterns[j].file, b->patterns[j].line);
    }
    /* Verb words: their own codes, and the same word listed in two blocks (the coder
     * reaches only the entries it tries first). Irregular forms are not compared. */
    for (size_t i = 0; i < d->nvkeys;) {
        size_t j = i;
        while (j < d->nvkeys && strcmp(d->vkeys[j].key, d->vkeys[i].key) == 0) j++;
        for (size_t k = i; k < j; k++) {
            const rl_verb_entry *e = d->vkeys[k].entry;
            if (strcmp(e->lemma, d->vkeys[k].key) != 0) continue;
            if (ontology && memcmp(&e->code, &e->block->code, sizeof e->code) != 0)
                check_pair(r, &e->code, e->file, e->line);
            for (size_t m = i; m < k; m++) {
                const rl_verb_entry *f = d->vkeys[m].entry;
                if (strcmp(f->lemma, e->lemma) != 0 || f->is_noun != e->is_noun ||
                    !same_words(e->before, e->nbefore, f->before, f->nbefore) ||
                    !same_words(e->after, e->nafter, f->after, f->nafter))
                    continue;
                r->out->unreachable_patterns++;
                report(r, false, e->file, e->line, "verb '%s' is also listed in block '%s' (%s:%d)",
                       e->lemma, f->block->name, f->file, f->line);
                break;
            }
        }
        i = j;
    }
    if (ontology)
        for (size_t i = 0; i < d->transformations.n; i++) {
            const rl_transformation *t = d->transformations.v[i];
            if (isdigit((unsigned char)t->out_code[0])) check_code(r, t->out_code, t->file, t->line);
        }
}

static void check_actor_dates(reporter *r, const rl_actor_entry *e) {
    if (!e->default_code && !e->nranges)
        report(r, false, e->file, e->line, "%s: entry has no code (it matches, but codes nothing)",
               e->phrase);
    for (size_t i = 0; i < e->nranges; i++) {
        const rl_dated_code *a = &e->ranges[i];
        char t1[40], t2[40];
        int line = e->range_lines ? e->range_lines[i] : e->line;
        if (a->from && a->to && a->from > a->to) {
            report(r, true, e->file, line, "%s: inverted date range [%s %s]", e->phrase,
                   a->code, range_text(a, t1, sizeof t1));
            continue;
        }
        for (size_t j = 0; j < i; j++) {
            const rl_dated_code *b = &e->ranges[j];
            if (strcmp(a->code, b->code) != 0 || (b->from && b->to && b->from > b->to)) continue;
            int32_t af = a->from, at = a->to ? a->to : INT32_MAX;
            int32_t bf = b->from, bt = b->to ? b->to : INT32_MAX;
            /* Shared end days are allowed: one term ends the day the next begins. */
            if (af < bt && bf < at) {
                report(r, true, e->file, line, "%s: overlapping date ranges for %s: %s and %s",
                       e->phrase, a->code, range_text(b, t1, sizeof t1), range_text(a, t2, sizeof t2));
                break;
            }
        }
    }
}

size_t rl_dicts_check(const rl_dicts *d, void (*warn)(void *ctx, const rl_error *w),
                      void *warn_ctx, rl_dict_stats *out) {
    rl_dict_stats scratch;
    memset(&scratch, 0, sizeof scratch);
    reporter r = {warn, warn_ctx, out ? out : &scratch, 0};
    if (!d) return 0;
    for (size_t i = 0; i < d->dups.n; i++) {
        const rl_dict_dup *u = d->dups.v[i];
        r.out->duplicates++;
        report(&r, false, u->file, u->line, "duplicate %s phrase '%s' (first at %s:%d)",
               rl_dict_kind_name(u->kind), u->phrase, u->first_file, u->first_line);
    }
    check_verbs(&r, d);
    const rl_dated_code *prev = NULL;
    for (size_t i = 0; i < d->actor_list.n; i++) {
        const rl_actor_entry *e = d->actor_list.v[i];
        /* Entries of a group share one range list: check it once. */
        if (!e->nranges || e->ranges != prev) check_actor_dates(&r, e);
        prev = e->ranges;
    }
    return r.errors;
}
