/* daily.c — the one-a-day filter: events keyed by (date, source, target, code), merged
 * into the first one seen with a mention count and the list of supporting sentences.
 * An open-addressing hash table indexes a growing array kept in first-seen order. */
#include "redline.h"
#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
    rl_event ev;
    char *support;        /* malloc'd, grows as mentions come in */
    size_t support_len, support_cap;
    uint64_t hash;
} entry;

struct rl_daily {
    rl_arena *arena;      /* copies of the first event's strings */
    entry *entries;
    size_t n, cap;
    size_t *slots;        /* index + 1 into entries; 0 = empty */
    size_t nslots;
};

static uint64_t fnv(uint64_t h, const char *s) {
    for (; s && *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (h ^ 0xff) * 1099511628211u;   /* field separator: NULL and "" differ from neighbours */
}

static uint64_t key_hash(const rl_event *e) {
    uint64_t h = 14695981039346656037u;
    h = fnv(h, e->date);
    h = fnv(h, e->source);
    h = fnv(h, e->target);
    return fnv(h, e->code);
}

static bool same_str(const char *a, const char *b) {
    return a == b || (a && b && strcmp(a, b) == 0);
}

static bool same_key(const rl_event *a, const rl_event *b) {
    return same_str(a->date, b->date) && same_str(a->source, b->source) &&
           same_str(a->target, b->target) && same_str(a->code, b->code);
}

rl_daily *rl_daily_new(void) {
    rl_daily *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    d->arena = rl_arena_new(0);
    d->nslots = 1024;
    d->slots = calloc(d->nslots, sizeof *d->slots);
    if (!d->arena || !d->slots) { rl_daily_free(d); return NULL; }
    return d;
}

void rl_daily_free(rl_daily *d) {
    if (!d) return;
    for (size_t i = 0; i < d->n; i++) free(d->entries[i].support);
    free(d->entries);
    free(d->slots);
    rl_arena_free(d->arena);
    free(d);
}

static int grow_slots(rl_daily *d) {
    size_t n = d->nslots * 2;
    size_t *s = calloc(n, sizeof *s);
    if (!s) return -1;
    for (size_t i = 0; i < d->n; i++) {
        size_t k = d->entries[i].hash & (n - 1);
        while (s[k]) k = (k + 1) & (n - 1);
        s[k] = i + 1;
    }
    free(d->slots);
    d->slots = s;
    d->nslots = n;
    return 0;
}

static int add_support(entry *en, const rl_event *e) {
    char item[300];
    int len = snprintf(item, sizeof item, "%s%s:%d", en->support_len ? " " : "",
                       e->doc_id ? e->doc_id : "", e->sentence_index);
    if (len < 0) return -1;
    size_t n = (size_t)len < sizeof item ? (size_t)len : sizeof item - 1;
    if (en->support_len + n + 1 > en->support_cap) {
        size_t cap = en->support_cap ? en->support_cap * 2 : 64;
        while (cap < en->support_len + n + 1) cap *= 2;
        char *p = realloc(en->support, cap);
        if (!p) return -1;
        en->support = p;
        en->support_cap = cap;
    }
    memcpy(en->support + en->support_len, item, n + 1);
    en->support_len += n;
    return 0;
}

static const char *copy(rl_arena *a, const char *s) {
    return s ? rl_arena_strdup(a, s) : NULL;
}

int rl_daily_add(rl_daily *d, const rl_event *e) {
    uint64_t h = key_hash(e);
    size_t k = h & (d->nslots - 1);
    for (; d->slots[k]; k = (k + 1) & (d->nslots - 1)) {
        entry *en = &d->entries[d->slots[k] - 1];
        if (en->hash == h && same_key(&en->ev, e)) {
            en->ev.mentions++;
            return add_support(en, e);
        }
    }
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 256;
        entry *p = realloc(d->entries, cap * sizeof *p);
        if (!p) return -1;
        d->entries = p;
        d->cap = cap;
    }
    entry *en = &d->entries[d->n];
    memset(en, 0, sizeof *en);
    en->hash = h;
    en->ev = *e;
    rl_arena *a = d->arena;
    en->ev.doc_id = copy(a, e->doc_id);
    en->ev.date = copy(a, e->date);
    en->ev.date_source = copy(a, e->date_source);
    en->ev.source = copy(a, e->source);
    en->ev.target = copy(a, e->target);
    en->ev.code = copy(a, e->code);
    en->ev.source_text = copy(a, e->source_text);
    en->ev.target_text = copy(a, e->target_text);
    en->ev.trigger = copy(a, e->trigger);
    en->ev.sentence = copy(a, e->sentence);
    en->ev.rule = copy(a, e->rule);
    en->ev.reported_by = copy(a, e->reported_by);
    en->ev.mentions = 1;
    if (add_support(en, e) != 0) return -1;
    d->slots[k] = ++d->n;
    if (d->n * 2 > d->nslots) return grow_slots(d);
    return 0;
}

size_t rl_daily_count(const rl_daily *d) { return d->n; }

const rl_event *rl_daily_get(const rl_daily *d, size_t i) {
    if (i >= d->n) return NULL;
    entry *en = &d->entries[i];
    en->ev.supporting = en->support;   /* the buffer may have moved since the last add */
    return &en->ev;
}
