/*
 * dict_read.c — readers for the PETRARCH-2 / Phoenix dictionary formats: verb patterns
 * (synsets, verb blocks, patterns, transformations), actors (with dated codes), agents
 * (with substitution classes and plurals) and discards. docs/dictionaries.md describes
 * the formats as read here.
 *
 * Every reader goes line by line. A malformed line is reported as "file:line: reason"
 * and skipped; a line that is read but not quite as written gives a warning. Nothing in
 * a file can make a reader crash: lines are copied into a buffer with NUL bytes replaced,
 * and every word and phrase has a bounded size.
 */
#include "dict_impl.h"
#include "resources.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 48        /* words in a phrase */
#define PHRASE_BYTES 2048
#define MAX_SLOTS 24        /* slots on one side of a pattern */
#define MAX_NP_WORDS 16
#define MAX_EXPANSIONS 64   /* agent phrases made from one line by !CLASS! markers */

typedef struct reader {
    rl_dicts *d;
    const char *file;       /* arena copy, referenced by entries */
    int line;
    void (*warn)(void *, const rl_error *);
    void *ctx;
    bool oom;
} reader;

static void problem(reader *r, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void problem(reader *r, bool error, const char *fmt, ...) {
    if (error) r->d->stats.errors++;
    else r->d->stats.warnings++;
    if (!r->warn) return;
    rl_error e;
    memset(&e, 0, sizeof e);
    e.status = error ? RL_ERR_FORMAT : RL_OK;
    snprintf(e.file, sizeof e.file, "%s", r->file);
    e.record = r->line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.reason, sizeof e.reason, fmt, ap);
    va_end(ap);
    r->warn(r->ctx, &e);
}

/* ---- small string helpers ---- */

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

static char *trim(char *s) {
    while (is_space(*s)) s++;
    size_t n = strlen(s);
    while (n && is_space(s[n - 1])) s[--n] = '\0';
    return s;
}

/* Cuts the line at the first comment character in `chars`. */
static void strip_comment(char *s, const char *chars) {
    s[strcspn(s, chars)] = '\0';
}

static bool all_digits(const char *s, size_t n) {
    if (!n) return false;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return false;
    return true;
}

/* ---- phrases ---- */

/* Words of a phrase, upper case, in one buffer. */
typedef struct phrase {
    char buf[PHRASE_BYTES];
    size_t used;
    const char *w[MAX_WORDS];
    size_t n;
    bool stopped;           /* ended with '_': no plural, no stem */
} phrase;

static int phrase_push(phrase *p, const char *s, size_t len) {
    if (p->n == MAX_WORDS || p->used >= sizeof p->buf) return -1;
    size_t k = rl_dict_upper(s, len, p->buf + p->used, sizeof p->buf - p->used);
    if (!k && len) return -1;
    p->w[p->n++] = p->buf + p->used;
    p->used += k + 1;
    return 0;
}

/* Splits at blanks and underscores. Returns -1 if the phrase is too long. */
static int phrase_parse(phrase *p, const char *s, size_t len) {
    p->used = 0;
    p->n = 0;
    size_t end = len;
    while (end && is_space(s[end - 1])) end--;
    p->stopped = end && s[end - 1] == '_';
    size_t i = 0;
    while (i < end) {
        while (i < end && (is_space(s[i]) || s[i] == '_')) i++;
        size_t j = i;
        while (j < end && !is_space(s[j]) && s[j] != '_') j++;
        if (j > i && phrase_push(p, s + i, j - i) != 0) return -1;
        i = j;
    }
    return 0;
}

/* The phrase as a UD tokenizer would cut it: "IRAN'S" → IRAN 'S, "KI-MOON" → KI - MOON,
 * "AFFAIRS," → AFFAIRS ','. Returns false if nothing changes. */
static bool phrase_tokenize(const phrase *in, phrase *out) {
    bool changed = false;
    out->used = 0;
    out->n = 0;
    out->stopped = in->stopped;
    for (size_t i = 0; i < in->n; i++) {
        const char *w = in->w[i];
        size_t len = strlen(w);
        const char *tail = NULL;
        size_t tlen = 0;
        if (len > 2 && strcmp(w + len - 2, "'S") == 0) tail = "'S", tlen = 2;
        else if (len > 1 && (w[len - 1] == '\'' || w[len - 1] == ',')) tail = w + len - 1, tlen = 1;
        size_t body = len - tlen;
        size_t s = 0;
        for (size_t k = 1; k + 1 < body; k++) {
            if (w[k] != '-' || w[k - 1] == '-' || w[k + 1] == '-') continue;
            if (phrase_push(out, w + s, k - s) != 0 || phrase_push(out, "-", 1) != 0) return false;
            s = k + 1;
            changed = true;
        }
        if (phrase_push(out, w + s, body - s) != 0) return false;
        if (tail) {
            if (phrase_push(out, tail, tlen) != 0) return false;
            changed = true;
        }
    }
    return changed;
}

/* Regular plural of the last word: +S, consonant+Y → IES, SS → SSES. */
static bool phrase_plural(const phrase *in, phrase *out) {
    if (!in->n || in->stopped) return false;
    *out = *in;
    /* Re-point the copies at out's own buffer. */
    for (size_t i = 0; i < in->n; i++) out->w[i] = out->buf + (in->w[i] - in->buf);
    const char *last = in->w[in->n - 1];
    size_t len = strlen(last);
    if (!len || !isalpha((unsigned char)last[len - 1])) return false;
    char pl[256];
    if (len + 3 >= sizeof pl) return false;
    memcpy(pl, last, len + 1);
    char prev = len > 1 ? last[len - 2] : 'A';
    if (last[len - 1] == 'Y' && !strchr("AEIOU", prev)) strcpy(pl + len - 1, "IES");
    else if (len > 1 && last[len - 1] == 'S' && prev == 'S') strcpy(pl + len, "ES");
    else strcpy(pl + len, "S");
    out->n--;
    out->used = (size_t)(out->w[out->n] - out->buf);
    return phrase_push(out, pl, strlen(pl)) == 0;
}

static char *phrase_join(rl_dicts *d, const phrase *p) {
    char buf[PHRASE_BYTES + MAX_WORDS];
    size_t o = 0;
    for (size_t i = 0; i < p->n; i++) {
        size_t n = strlen(p->w[i]);
        if (o + n + 2 >= sizeof buf) break;
        if (i) buf[o++] = ' ';
        memcpy(buf + o, p->w[i], n);
        o += n;
    }
    return rl_arena_strndup(d->arena, buf, o);
}

/* Where an earlier entry came from, for duplicate reports. */
static void entry_origin(rl_dict_kind kind, const void *v, const char **file, int *line) {
    switch (kind) {
    case RL_DICT_ACTORS: *file = ((const rl_actor_entry *)v)->file; *line = ((const rl_actor_entry *)v)->line; break;
    case RL_DICT_AGENTS: *file = ((const rl_agent_entry *)v)->file; *line = ((const rl_agent_entry *)v)->line; break;
    default: *file = ((const rl_discard_entry *)v)->file; *line = ((const rl_discard_entry *)v)->line; break;
    }
}

/* Adds a phrase as written plus its tokenized and plural variants. A phrase written
 * twice is remembered for `dict check`; variants colliding are not (they often do). */
static void add_phrase(reader *r, rl_trie *t, rl_dict_kind kind, const phrase *p,
                       const void *value, bool plural, bool stem, bool report_dup) {
    bool oom = false;
    if (!p->n) return;
    const void *old = rl_trie_add(t, r->d, p->w, p->n, value, stem, false, &oom);
    if (old && report_dup) {
        rl_dict_dup *u = rl_arena_calloc(r->d->arena, 1, sizeof *u);
        if (!u || rl_ptrvec_push(&r->d->dups, u) != 0) { r->oom = true; return; }
        u->kind = kind;
        u->phrase = phrase_join(r->d, p);
        u->file = r->file;
        u->line = r->line;
        entry_origin(kind, old, &u->first_file, &u->first_line);
    }
    phrase *tok = malloc(2 * sizeof *tok);
    if (!tok) { r->oom = true; return; }
    phrase *pl = tok + 1;
    bool have_tok = phrase_tokenize(p, tok);
    if (have_tok) rl_trie_add(t, r->d, tok->w, tok->n, value, stem, true, &oom);
    if (plural && !oom && phrase_plural(p, pl)) {
        rl_trie_add(t, r->d, pl->w, pl->n, value, false, true, &oom);
        if (have_tok && !oom && phrase_plural(tok, pl))
            rl_trie_add(t, r->d, pl->w, pl->n, value, false, true, &oom);
    }
    free(tok);
    if (oom) r->oom = true;
}

/* ---- dates and codes ---- */

static int days_in_month(int y, int m) {
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return dm[m - 1];
}

/* YYYYMMDD or YYMMDD (00–30 → 20YY, 31–99 → 19YY, as PETRARCH and TABARI read them).
 * Returns 0; 1 if longer than 8 digits (the first 8 are read, as PETRARCH does); -1 if
 * invalid; -2 for 7 digits (neither form). */
static int parse_date(const char *s, size_t n, int32_t *out) {
    if (!all_digits(s, n)) return -1;
    if (n == 7) return -2;
    int y, m, dd, rc = n > 8 ? 1 : 0;
    if (n >= 8) {
        y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        s += 4;
    } else if (n == 6) {
        y = (s[0] - '0') * 10 + (s[1] - '0');
        y += y <= 30 ? 2000 : 1900;
        s += 2;
    } else {
        return -1;
    }
    m = (s[0] - '0') * 10 + (s[1] - '0');
    dd = (s[2] - '0') * 10 + (s[3] - '0');
    if (y < 1000 || m < 1 || m > 12 || dd < 1 || dd > days_in_month(y, m)) return -1;
    *out = y * 10000 + m * 100 + dd;
    return rc;
}

static bool valid_actor_code(const char *s) {
    if (!*s) return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_') return false;
    return true;
}

/* One event code: "", "---" or digits. A stray trailing '!' is dropped with a warning. */
static int parse_event_code(reader *r, const char *s, size_t n, char out[8]) {
    if (n && s[n - 1] == '!') {
        problem(r, false, "stray '!' in code '%.*s' ignored", (int)n, s);
        n--;
    }
    if (n >= 8 || !(n == 0 || (n == 3 && !memcmp(s, "---", 3)) || all_digits(s, n))) {
        problem(r, true, "bad event code '%.*s'", (int)n, s);
        return -1;
    }
    memcpy(out, s, n);
    out[n] = '\0';
    return 0;
}

/* "a", "a:b", ":b", with redline's "|n" negated alternative. */
static int parse_code_pair(reader *r, const char *s, size_t n, rl_code_pair *c) {
    memset(c, 0, sizeof *c);
    while (n && is_space(*s)) s++, n--;
    while (n && is_space(s[n - 1])) n--;
    const char *bar = memchr(s, '|', n);
    size_t main_n = bar ? (size_t)(bar - s) : n;
    const char *colon = memchr(s, ':', main_n);
    size_t first_n = colon ? (size_t)(colon - s) : main_n;
    if (parse_event_code(r, s, first_n, c->code) != 0) return -1;
    if (colon && parse_event_code(r, colon + 1, main_n - first_n - 1, c->code2) != 0) return -1;
    if (bar && parse_event_code(r, bar + 1, n - main_n - 1, c->negated) != 0) return -1;
    if (!c->code[0] && !c->code2[0]) {
        problem(r, true, "empty code");
        return -1;
    }
    return 0;
}

static int code_root(const rl_code_pair *c) {
    const char *s = c->code[0] ? c->code : c->code2;
    if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1])) return 0;
    int root = (s[0] - '0') * 10 + (s[1] - '0');
    return root >= 1 && root <= 20 ? root : 0;
}

/* ---- actors ---- */

typedef struct actor_builder {
    rl_actor_entry *e;
    rl_dated_code ranges[64];
    int lines[64];
    size_t nranges;
    /* Consecutive primary lines without codes, waiting for the codes that follow them
     * (the Phoenix files list a person's spellings that way, without '+'). */
    rl_actor_entry *pending[64];
    size_t npending;
    bool gap;                /* a blank line since the current entry began */
} actor_builder;

static void actor_flush(reader *r, actor_builder *b) {
    if (!b->e) return;
    if (!b->e->default_code && !b->nranges) {
        /* No code (yet): share the next entry's, unless a blank line ends the group. */
        if (b->gap || b->npending == sizeof b->pending / sizeof b->pending[0]) b->npending = 0;
        else b->pending[b->npending++] = b->e;
        b->e = NULL;
        return;
    }
    if (b->nranges) {
        rl_dated_code *rc = rl_arena_calloc(r->d->arena, b->nranges, sizeof *rc);
        int *rl = rl_arena_calloc(r->d->arena, b->nranges, sizeof *rl);
        if (!rc || !rl) { r->oom = true; return; }
        memcpy(rc, b->ranges, b->nranges * sizeof *rc);
        memcpy(rl, b->lines, b->nranges * sizeof *rl);
        b->e->ranges = rc;
        b->e->range_lines = rl;
        b->e->nranges = b->nranges;
    }
    for (size_t i = 0; i < b->npending; i++) {
        rl_actor_entry *p = b->pending[i];
        p->default_code = b->e->default_code;
        p->ranges = b->e->ranges;
        p->range_lines = b->e->range_lines;
        p->nranges = b->e->nranges;
    }
    b->npending = 0;
    b->e = NULL;
    b->nranges = 0;
}

/* One "[CODE]", "[CODE >D]", "[CODE <D]" or "[CODE D1-D2]" (text without brackets). */
static void actor_code(reader *r, actor_builder *b, char *s) {
    char *save = NULL;
    char *code = strtok_r(s, " \t", &save);
    char *date = strtok_r(NULL, " \t", &save);
    char *extra = strtok_r(NULL, " \t", &save);
    char joined[64];
    if (date && extra && (!strcmp(date, ">") || !strcmp(date, "<"))) {
        /* "[CODE > 140608]": a blank after the sign, common in the Phoenix files. */
        snprintf(joined, sizeof joined, "%s%s", date, extra);
        date = joined;
        extra = strtok_r(NULL, " \t", &save);
    }
    if (!code) { problem(r, true, "empty code brackets"); return; }
    if (!valid_actor_code(code)) { problem(r, true, "bad actor code '%s'", code); return; }
    if (extra) { problem(r, true, "unexpected '%s' after the date", extra); return; }
    const char *c = rl_dict_strdup_upper(r->d, code, strlen(code));
    if (!c) { r->oom = true; return; }
    if (!date) {
        if (!b->e->default_code) b->e->default_code = c;
        else if (strcmp(b->e->default_code, c) != 0)
            problem(r, false, "second default code [%s] ignored (the entry has [%s])", c,
                    b->e->default_code);
        return;
    }
    rl_dated_code dc = {c, 0, 0};
    int rc = 0;
    char *dash = strchr(date, '-');
    if (date[0] == '>' || date[0] == '<') {
        rc = parse_date(date + 1, strlen(date + 1), date[0] == '>' ? &dc.from : &dc.to);
    } else if (dash) {
        *dash = '\0';
        rc = parse_date(date, strlen(date), &dc.from);
        if (rc >= 0) {
            int rc2 = parse_date(dash + 1, strlen(dash + 1), &dc.to);
            if (rc2 < 0 || rc2 > rc) rc = rc2;
        }
        *dash = '-';
    } else {
        /* A bare date: read as the start of the role ("since"). */
        rc = parse_date(date, strlen(date), &dc.from);
        if (rc >= 0) problem(r, false, "date '%s' without '<', '>' or '-': read as >%s", date, date);
    }
    if (rc == 1)
        problem(r, false, "date longer than 8 digits in [%s %s]: its first 8 digits are read",
                code, date);
    if (rc == -2) {
        problem(r, false, "7-digit date in [%s %s]: neither YYMMDD nor YYYYMMDD, range ignored",
                code, date);
        return;
    }
    if (rc < 0) { problem(r, true, "invalid date in [%s %s]", code, date); return; }
    if (b->nranges == sizeof b->ranges / sizeof b->ranges[0]) {
        problem(r, true, "too many date ranges for one entry");
        return;
    }
    b->lines[b->nranges] = r->line;
    b->ranges[b->nranges++] = dc;
    r->d->stats.dated_ranges++;
}

/* Reads every [...] group in s; the text before the first one is returned (cut). */
static void actor_codes(reader *r, actor_builder *b, char *s) {
    char *p = strchr(s, '[');
    while (p) {
        char *q = p + 1 + strcspn(p + 1, "][}");
        if (*q == '}') problem(r, false, "code closed with '}' instead of ']'");
        else if (*q != ']') { problem(r, true, "unclosed '['"); return; }
        *q = '\0';
        actor_code(r, b, p + 1);
        p = strchr(q + 1, '[');
        char *rest = q + 1;
        while (is_space(*rest)) rest++;
        if (*rest && *rest != '[') { problem(r, false, "text after a code ignored: '%s'", rest); break; }
    }
}

static void read_actors(reader *r, char *line, actor_builder *b, phrase *ph) {
    if (!*trim(line)) {
        b->gap = true;
        return;
    }
    strip_comment(line, "#;");
    char *s = trim(line);
    if (!*s) return;
    /* PETRARCH strips lines, so a code line need not start with a tab. */
    if (*s == '[') {
        if (!b->e) { problem(r, true, "code line outside an actor entry"); return; }
        actor_codes(r, b, s);
        return;
    }
    bool synonym = *s == '+';
    if (synonym) {
        s++;
        if (!b->e) { problem(r, true, "synonym outside an actor entry"); return; }
    }
    char *br = strchr(s, '[');
    size_t plen = br ? (size_t)(br - s) : strlen(s);
    if (phrase_parse(ph, s, plen) != 0) { problem(r, true, "phrase too long"); return; }
    if (!ph->n) { problem(r, true, "missing phrase"); return; }
    if (!synonym) {
        actor_flush(r, b);
        b->gap = false;
        rl_actor_entry *e = rl_arena_calloc(r->d->arena, 1, sizeof *e);
        if (!e || rl_ptrvec_push(&r->d->actor_list, e) != 0) { r->oom = true; return; }
        e->phrase = phrase_join(r->d, ph);
        e->file = r->file;
        e->line = r->line;
        b->e = e;
        r->d->stats.actors++;
    }
    r->d->stats.actor_phrases++;
    add_phrase(r, &r->d->actors, RL_DICT_ACTORS, ph, b->e, true, false, true);
    if (br) actor_codes(r, b, br);
}

/* ---- agents ---- */

typedef struct subst_class {
    char name[64];           /* "!PERSON!" */
    char *items[32];         /* arena strings */
    size_t n;
} subst_class;

typedef struct expansion {
    char text[MAX_EXPANSIONS][PHRASE_BYTES / 4];
    size_t n;
    bool overflow, unknown;
} expansion;

typedef struct agent_state {
    subst_class classes[32];
    size_t nclasses;
    expansion x;             /* scratch for one line */
} agent_state;

static void agent_class(reader *r, agent_state *st, char *s) {
    char *eq = strchr(s, '=');
    *eq = '\0';
    char *name = trim(s);
    size_t nl = strlen(name);
    if (nl < 3 || name[nl - 1] != '!' || nl >= sizeof st->classes[0].name) {
        problem(r, true, "bad substitution class name '%s'", name);
        return;
    }
    subst_class *c = NULL;
    for (size_t i = 0; i < st->nclasses; i++)
        if (!strcmp(st->classes[i].name, name)) c = &st->classes[i];
    if (!c) {
        if (st->nclasses == sizeof st->classes / sizeof st->classes[0]) {
            problem(r, true, "too many substitution classes");
            return;
        }
        c = &st->classes[st->nclasses++];
    }
    memset(c, 0, sizeof *c);
    memcpy(c->name, name, nl + 1);
    char *save = NULL;
    for (char *it = strtok_r(eq + 1, ",", &save); it; it = strtok_r(NULL, ",", &save)) {
        it = trim(it);
        if (!*it) continue;
        if (c->n == sizeof c->items / sizeof c->items[0]) {
            problem(r, true, "too many items in %s", c->name);
            break;
        }
        c->items[c->n] = rl_dict_strdup_upper(r->d, it, strlen(it));
        if (!c->items[c->n]) { r->oom = true; return; }
        c->n++;
    }
    if (!c->n) problem(r, true, "substitution class %s is empty", c->name);
}

/* Expands the !CLASS! markers of s from offset `from` on into x: the first marker is
 * replaced by each item in turn, then the rest of the phrase (after the item: items are
 * never expanded again) is expanded the same way. Stops at the first problem, so the
 * work is bounded by MAX_EXPANSIONS whatever the input. */
static void expand(const agent_state *st, const char *s, size_t from, expansion *x) {
    if (x->overflow || x->unknown) return;
    const char *a = strchr(s + from, '!');
    const char *b = a ? strchr(a + 1, '!') : NULL;
    if (!a || !b) {
        if (x->n == MAX_EXPANSIONS || strlen(s) >= sizeof x->text[0]) { x->overflow = true; return; }
        strcpy(x->text[x->n++], s);
        return;
    }
    const subst_class *c = NULL;
    size_t nl = (size_t)(b - a) + 1;
    for (size_t i = 0; i < st->nclasses; i++)
        if (strlen(st->classes[i].name) == nl && !strncmp(st->classes[i].name, a, nl)) c = &st->classes[i];
    if (!c) { x->unknown = true; return; }
    for (size_t i = 0; i < c->n && !x->overflow; i++) {
        char buf[PHRASE_BYTES / 4];
        int k = snprintf(buf, sizeof buf, "%.*s%s%s", (int)(a - s), s, c->items[i], b + 1);
        if (k < 0 || (size_t)k >= sizeof buf) { x->overflow = true; return; }
        expand(st, buf, (size_t)(a - s) + strlen(c->items[i]), x);
    }
}

static void read_agents(reader *r, char *line, agent_state *st, phrase *ph) {
    strip_comment(line, "#");
    char *s = trim(line);
    if (!*s) return;
    if (*s == '!' && strchr(s, '=')) { agent_class(r, st, s); return; }
    char *br = strchr(s, '[');
    if (!br) {
        /* A Phoenix file has one such line; it cannot be coded, so it is dropped. */
        problem(r, false, "agent without a [~CODE]: ignored");
        return;
    }
    char *end = br + 1 + strcspn(br + 1, "]}");
    if (!*end) { problem(r, true, "unclosed '['"); return; }
    if (*end == '}') problem(r, false, "code closed with '}' instead of ']'");
    *end = '\0';
    char *code = trim(br + 1);
    bool prefix = false;
    size_t cl = strlen(code);
    if (cl && code[0] == '~') code++;
    else if (cl && code[cl - 1] == '~') { code[cl - 1] = '\0'; prefix = true; }
    else problem(r, false, "agent code '%s' without '~': read as ~%s", code, code);
    code = trim(code);
    if (!valid_actor_code(code)) { problem(r, true, "bad agent code '%s'", code); return; }
    *br = '\0';
    /* An optional {plural}: "{}" means no plural at all. */
    char *plural = NULL;
    char *ob = strchr(s, '{');
    if (ob) {
        char *cb = strchr(ob, '}');
        if (!cb) { problem(r, true, "unclosed '{'"); return; }
        *cb = '\0';
        plural = ob + 1;
        *ob = '\0';
    }
    char *text = trim(s);
    if (!*text) { problem(r, true, "missing phrase"); return; }
    rl_agent_entry *e = rl_arena_calloc(r->d->arena, 1, sizeof *e);
    if (!e || rl_ptrvec_push(&r->d->agent_list, e) != 0) { r->oom = true; return; }
    e->code = rl_dict_strdup_upper(r->d, code, strlen(code));
    e->prefix = prefix;
    e->file = r->file;
    e->line = r->line;
    r->d->stats.agents++;
    expansion *x = &st->x;
    x->n = 0;
    x->overflow = x->unknown = false;
    if (!e->code) { r->oom = true; return; }
    bool markers = strchr(text, '!') != NULL;
    expand(st, text, 0, x);
    if (x->unknown) problem(r, true, "unknown substitution class in '%s'", text);
    else if (x->overflow) problem(r, true, "too many or too long expansions of '%s'", text);
    bool reported = false;
    for (size_t i = 0; i < x->n && !x->unknown && !x->overflow; i++) {
        if (phrase_parse(ph, x->text[i], strlen(x->text[i])) != 0 || !ph->n) {
            problem(r, true, "bad phrase '%s'", x->text[i]);
            break;
        }
        if (!e->phrase) e->phrase = phrase_join(r->d, ph);
        size_t ndup = r->d->dups.n;
        /* Marker expansions get no plurals (the class lists them); {...} replaces the
         * automatic plural. */
        add_phrase(r, &r->d->agents, RL_DICT_AGENTS, ph, e, !markers && !plural, false, !reported);
        reported = reported || r->d->dups.n > ndup;
    }
    if (plural && *trim(plural) && !x->unknown) {
        if (phrase_parse(ph, plural, strlen(plural)) == 0 && ph->n)
            add_phrase(r, &r->d->agents, RL_DICT_AGENTS, ph, e, false, false, false);
        else
            problem(r, true, "bad plural '{%s}'", plural);
    }
    if (!e->phrase) e->phrase = "";
}

/* ---- discards ---- */

static void read_discards(reader *r, char *line, phrase *ph) {
    strip_comment(line, "#");
    char *s = trim(line);
    if (!*s) return;
    bool story = *s == '+';
    if (story) s++;
    if (phrase_parse(ph, s, strlen(s)) != 0) { problem(r, true, "phrase too long"); return; }
    if (!ph->n) { problem(r, true, "missing phrase"); return; }
    rl_discard_entry *e = rl_arena_calloc(r->d->arena, 1, sizeof *e);
    if (!e || rl_ptrvec_push(&r->d->discard_list, e) != 0) { r->oom = true; return; }
    e->phrase = phrase_join(r->d, ph);
    e->story = story;
    e->file = r->file;
    e->line = r->line;
    r->d->stats.discards++;
    /* Without a final '_' the last word is a stem: "BASEBALL" also finds "BASEBALLERS". */
    add_phrase(r, &r->d->discards, RL_DICT_DISCARDS, ph, e, false, !ph->stopped, true);
}

/* ---- verbs ---- */

typedef struct verb_state {
    /* synset being read */
    bool in_synset;
    char synset_name[128];
    bool synset_no_plural;
    int synset_line;
    rl_ptrvec synset_phrases;
    /* block being read */
    rl_verb_block *block;
    rl_verb_pattern *pats;
    size_t npats, pat_cap;
} verb_state;

static void synset_flush(reader *r, verb_state *vs) {
    if (!vs->in_synset) return;
    vs->in_synset = false;
    rl_synset *s = rl_arena_calloc(r->d->arena, 1, sizeof *s);
    const char **ph = rl_arena_calloc(r->d->arena, vs->synset_phrases.n + 1, sizeof *ph);
    char *name = rl_arena_strdup(r->d->arena, vs->synset_name);
    if (!s || !ph || !name || rl_ptrvec_push(&r->d->synsets, s) != 0) { r->oom = true; return; }
    if (vs->synset_phrases.n) memcpy(ph, vs->synset_phrases.v, vs->synset_phrases.n * sizeof *ph);
    s->name = name;
    s->phrases = ph;
    s->nphrases = vs->synset_phrases.n;
    vs->synset_phrases.n = 0;
    if (!s->nphrases) problem(r, false, "synset %s has no phrases", name);
    r->d->stats.synsets++;
}

static void block_flush(reader *r, verb_state *vs) {
    if (!vs->block) return;
    if (vs->npats) {
        rl_verb_pattern *p = rl_arena_calloc(r->d->arena, vs->npats, sizeof *p);
        if (!p) { r->oom = true; return; }
        memcpy(p, vs->pats, vs->npats * sizeof *p);
        vs->block->patterns = p;
        vs->block->npatterns = vs->npats;
    }
    vs->block = NULL;
    vs->npats = 0;
}

/* "--- NAME [code] ---" */
static void verb_block(reader *r, verb_state *vs, char *s) {
    block_flush(r, vs);
    while (*s == '-') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == '-' || is_space(s[n - 1]))) s[--n] = '\0';
    rl_code_pair code;
    memset(&code, 0, sizeof code);
    strcpy(code.code, "---");   /* no code: the isolated verb is not an event */
    char *br = strchr(s, '[');
    if (br) {
        char *cb = strchr(br, ']');
        if (!cb) { problem(r, true, "unclosed '[' in block header"); return; }
        if (parse_code_pair(r, br + 1, (size_t)(cb - br - 1), &code) != 0) return;
        *br = '\0';
    }
    char *name = trim(s);
    if (!*name) problem(r, false, "verb block without a name");
    rl_verb_block *b = rl_arena_calloc(r->d->arena, 1, sizeof *b);
    if (!b || rl_ptrvec_push(&r->d->blocks, b) != 0) { r->oom = true; return; }
    b->name = rl_dict_strdup_upper(r->d, name, strlen(name));
    b->code = code;
    b->file = r->file;
    b->line = r->line;
    vs->block = b;
    r->d->stats.verb_blocks++;
}

static void synset_member(reader *r, verb_state *vs, char *s, phrase *ph) {
    strip_comment(s, "#;");
    if (phrase_parse(ph, s, strlen(s)) != 0) { problem(r, true, "phrase too long"); return; }
    if (!ph->n) { problem(r, true, "empty synset phrase"); return; }
    char *j = phrase_join(r->d, ph);
    if (!j || rl_ptrvec_push(&vs->synset_phrases, j) != 0) { r->oom = true; return; }
    phrase pl;
    if (!vs->synset_no_plural && phrase_plural(ph, &pl)) {
        j = phrase_join(r->d, &pl);
        if (!j || rl_ptrvec_push(&vs->synset_phrases, j) != 0) r->oom = true;
    }
}

/* A verb spelled "WORD", "+ASK_FOR" or "WIRE_+TAP": *verb is the marked word. */
typedef struct verb_form {
    phrase p;
    size_t verb;              /* index of the verb word in p */
} verb_form;

static int parse_verb_form(reader *r, const char *s, size_t n, bool noun, verb_form *f) {
    if (phrase_parse(&f->p, s, n) != 0 || !f->p.n) {
        problem(r, true, "bad verb '%.*s'", (int)n, s);
        return -1;
    }
    size_t marked = f->p.n;
    for (size_t i = 0; i < f->p.n; i++) {
        if (f->p.w[i][0] != '+') continue;
        if (marked != f->p.n) { problem(r, true, "two '+' marks in '%.*s'", (int)n, s); return -1; }
        marked = i;
        f->p.w[i]++;
    }
    if (marked == f->p.n) {
        /* Unmarked: a noun's head is its last word; for a verb take the first. */
        marked = noun ? f->p.n - 1 : 0;
        if (f->p.n > 1 && !noun)
            problem(r, false, "multi-word verb '%.*s' without '+': taking %s as the verb", (int)n,
                    s, f->p.w[0]);
    }
    if (!f->p.w[marked][0]) { problem(r, true, "empty verb word in '%.*s'", (int)n, s); return -1; }
    f->verb = marked;
    return 0;
}

static const char *const *word_array(reader *r, const char *const *w, size_t n) {
    if (!n) return NULL;
    const char **a = rl_arena_calloc(r->d->arena, n, sizeof *a);
    if (!a) { r->oom = true; return NULL; }
    for (size_t i = 0; i < n; i++)
        if (!(a[i] = rl_arena_strdup(r->d->arena, w[i]))) { r->oom = true; return NULL; }
    return a;
}

static rl_verb_entry *make_entry(reader *r, verb_state *vs, const verb_form *f,
                                 const char *lemma, bool noun, const rl_code_pair *code) {
    rl_verb_entry *e = rl_arena_calloc(r->d->arena, 1, sizeof *e);
    if (!e) { r->oom = true; return NULL; }
    e->lemma = lemma;
    e->nbefore = f->verb;
    e->before = word_array(r, f->p.w, f->verb);
    e->nafter = f->p.n - f->verb - 1;
    e->after = word_array(r, f->p.w + f->verb + 1, e->nafter);
    e->is_noun = noun;
    e->code = *code;
    e->block = vs->block;
    e->file = r->file;
    e->line = r->line;
    return r->oom ? NULL : e;
}

/* "ASK [020]", "HURRY {HURRIES HURRYING HURRIED}", "+ASK_FOR {+ASKED_FOR ...}",
 * "@TALKS" (extension: event noun). */
static void verb_word(reader *r, verb_state *vs, char *s) {
    strip_comment(s, "#;");
    s = trim(s);
    if (!vs->block) { problem(r, true, "verb word outside a verb block"); return; }
    bool noun = *s == '@';
    if (noun) s++;
    size_t n = strcspn(s, " \t{[");
    rl_code_pair code = vs->block->code;
    char *br = strchr(s, '[');
    if (br) {
        char *cb = strchr(br, ']');
        if (!cb) { problem(r, true, "unclosed '['"); return; }
        if (parse_code_pair(r, br + 1, (size_t)(cb - br - 1), &code) != 0) return;
    }
    char *ob = strchr(s + n, '{');
    if (ob && (!br || ob < br) && !strchr(ob, '}')) { problem(r, true, "unclosed '{'"); return; }
    verb_form *f = malloc(sizeof *f);
    if (!f) { r->oom = true; return; }
    if (parse_verb_form(r, s, n, noun, f) != 0) { free(f); return; }
    const char *lemma = rl_arena_strdup(r->d->arena, f->p.w[f->verb]);
    rl_verb_entry *e = lemma ? make_entry(r, vs, f, lemma, noun, &code) : NULL;
    if (!e || rl_dict_add_verb_key(r->d, lemma, e) != 0) { r->oom = true; free(f); return; }
    if (noun) r->d->stats.event_nouns++;
    else r->d->stats.verbs++;
    if (ob && (!br || ob < br)) {
        char *cb = strchr(ob, '}');
        char *p = ob + 1;
        while (p < cb) {
            while (p < cb && is_space(*p)) p++;
            size_t k = 0;
            while (p + k < cb && !is_space(p[k])) k++;
            if (!k) break;
            /* An irregular form finds the base word's entry under its own spelling. */
            if (parse_verb_form(r, p, k, noun, f) == 0 && strcmp(f->p.w[f->verb], lemma) != 0) {
                rl_verb_entry *fe = make_entry(r, vs, f, lemma, noun, &code);
                const char *key = rl_arena_strdup(r->d->arena, f->p.w[f->verb]);
                if (!fe || !key || rl_dict_add_verb_key(r->d, key, fe) != 0) r->oom = true;
            }
            p += k;
        }
    }
    free(f);
}

/* ---- patterns ---- */

typedef struct np_build {
    rl_pattern_word w[MAX_NP_WORDS];
    size_t n;
} np_build;

typedef struct slot_build {
    bool is_pp;
    const char *prep;
    np_build np;
} slot_build;

typedef struct pattern_build {
    slot_build side[2][MAX_SLOTS];
    size_t n[2];
    bool undefined_synset;
} pattern_build;

/* One pattern item: a word, &SYNSET or a marker; a word with '_' gives several words. */
static int np_item(reader *r, const char *s, size_t n, np_build *np, bool *undef) {
    if (np->n == MAX_NP_WORDS) { problem(r, true, "noun phrase too long"); return -1; }
    rl_pattern_word *w = &np->w[np->n];
    memset(w, 0, sizeof *w);
    if (n == 1 && strchr("$+%^", s[0])) {
        w->kind = s[0] == '$' ? RL_PW_SOURCE : s[0] == '+' ? RL_PW_TARGET
                : s[0] == '%' ? RL_PW_COMPOUND : RL_PW_SKIP;
        np->n++;
        return 0;
    }
    if (s[0] == '&') {
        char name[128];
        size_t k = rl_dict_upper(s, n, name, sizeof name);
        while (k > 1 && name[k - 1] == '_') name[--k] = '\0';
        if (!k) { problem(r, true, "synset name too long"); return -1; }
        const rl_synset *syn = rl_dict_synset(r->d, name);
        if (!syn) { *undef = true; problem(r, false, "undefined synset %s: pattern ignored", name); return -1; }
        w->kind = RL_PW_SYNSET;
        w->synset = syn;
        np->n++;
        return 0;
    }
    phrase ph;
    if (phrase_parse(&ph, s, n) != 0) { problem(r, true, "word too long"); return -1; }
    for (size_t i = 0; i < ph.n; i++) {
        if (np->n == MAX_NP_WORDS) { problem(r, true, "noun phrase too long"); return -1; }
        w = &np->w[np->n++];
        memset(w, 0, sizeof *w);
        w->kind = RL_PW_WORD;
        w->word = rl_arena_strdup(r->d->arena, ph.w[i]);
        if (!w->word) { r->oom = true; return -1; }
    }
    return 0;
}

static bool delim(char c) { return is_space(c) || c == '{' || c == '}' || c == '(' || c == ')' || c == '*'; }

/* Items up to `close` ('}' or ')'), braces allowed inside a PP. *p is advanced past it. */
static int np_items(reader *r, const char **p, char close, np_build *np, bool *undef, const char **prep) {
    const char *s = *p;
    for (;;) {
        while (is_space(*s)) s++;
        if (*s == close) { *p = s + 1; return 0; }
        if (!*s) { problem(r, true, "missing '%c'", close); return -1; }
        if (*s == '{' && close == ')') {
            s++;
            if (np_items(r, &s, '}', np, undef, NULL) != 0) return -1;
            continue;
        }
        if (delim(*s)) { problem(r, true, "unexpected '%c'", *s); return -1; }
        size_t k = 0;
        while (s[k] && !delim(s[k])) k++;
        if (prep && !*prep) {
            char *pw = rl_dict_strdup_upper(r->d, s, k);
            if (!pw) { r->oom = true; return -1; }
            *prep = pw;
        } else if (np_item(r, s, k, np, undef) != 0) {
            return -1;
        }
        s += k;
    }
}

static const rl_pattern_slot *finish_slots(reader *r, const slot_build *sb, size_t n) {
    if (!n) return NULL;
    rl_pattern_slot *out = rl_arena_calloc(r->d->arena, n, sizeof *out);
    if (!out) { r->oom = true; return NULL; }
    for (size_t i = 0; i < n; i++) {
        out[i].is_pp = sb[i].is_pp;
        out[i].prep = sb[i].prep;
        out[i].np.nwords = sb[i].np.n;
        if (sb[i].np.n) {
            rl_pattern_word *w = rl_arena_calloc(r->d->arena, sb[i].np.n, sizeof *w);
            if (!w) { r->oom = true; return NULL; }
            memcpy(w, sb[i].np.w, sb[i].np.n * sizeof *w);
            out[i].np.words = w;
        }
    }
    return out;
}

/* "- pre * post [code] # comment" */
static void verb_pattern(reader *r, verb_state *vs, char *line) {
    if (!vs->block) { problem(r, true, "pattern outside a verb block"); return; }
    strip_comment(line, "#;");
    char *s = trim(line);
    const char *written = rl_arena_strdup(r->d->arena, s);
    if (!written) { r->oom = true; return; }
    s++;
    char *br = strrchr(s, '[');
    char *cb = br ? strchr(br, ']') : NULL;
    if (!br || !cb) { problem(r, true, "pattern without a [code]"); return; }
    rl_verb_pattern pat;
    memset(&pat, 0, sizeof pat);
    if (parse_code_pair(r, br + 1, (size_t)(cb - br - 1), &pat.code) != 0) return;
    if (*trim(cb + 1)) problem(r, false, "text after the code ignored: '%s'", trim(cb + 1));
    *br = '\0';
    pattern_build *pb = calloc(1, sizeof *pb);
    if (!pb) { r->oom = true; return; }
    const char *p = s;
    int side = 0;
    bool stars = false, ok = true;
    while (ok) {
        while (is_space(*p)) p++;
        if (!*p) break;
        if (*p == '*') {
            if (stars) { problem(r, true, "two '*' in pattern"); ok = false; break; }
            stars = true;
            side = 1;
            p++;
            continue;
        }
        if (pb->n[side] == MAX_SLOTS) { problem(r, true, "too many pattern elements"); ok = false; break; }
        slot_build *sl = &pb->side[side][pb->n[side]];
        memset(sl, 0, sizeof *sl);
        if (*p == '(') {
            p++;
            sl->is_pp = true;
            if (np_items(r, &p, ')', &sl->np, &pb->undefined_synset, &sl->prep) != 0) { ok = false; break; }
            if (!sl->prep) { problem(r, true, "empty '()'"); ok = false; break; }
        } else if (*p == '{') {
            p++;
            if (np_items(r, &p, '}', &sl->np, &pb->undefined_synset, NULL) != 0) { ok = false; break; }
            if (!sl->np.n) { problem(r, true, "empty '{}'"); ok = false; break; }
        } else if (*p == ')' || *p == '}') {
            /* CAMEO.2.0 has "(WITH VISIT) VISIT)": read the word, drop the bracket. */
            problem(r, false, "unbalanced '%c' ignored", *p);
            p++;
            continue;
        } else {
            size_t k = 0;
            while (p[k] && !delim(p[k])) k++;
            if (np_item(r, p, k, &sl->np, &pb->undefined_synset) != 0) { ok = false; break; }
            p += k;
        }
        pb->n[side]++;
    }
    if (ok && !stars) { problem(r, true, "pattern without '*'"); ok = false; }
    if (ok) {
        pat.pre = finish_slots(r, pb->side[0], pb->n[0]);
        pat.npre = pb->n[0];
        pat.post = finish_slots(r, pb->side[1], pb->n[1]);
        pat.npost = pb->n[1];
        pat.text = written;
        pat.file = r->file;
        pat.line = r->line;
        if (vs->npats == vs->pat_cap) {
            size_t cap = vs->pat_cap ? vs->pat_cap * 2 : 64;
            rl_verb_pattern *np = realloc(vs->pats, cap * sizeof *np);
            if (!np) { r->oom = true; free(pb); return; }
            vs->pats = np;
            vs->pat_cap = cap;
        }
        vs->pats[vs->npats++] = pat;
        r->d->stats.patterns++;
        r->d->stats.patterns_by_root[code_root(&pat.code)]++;
    }
    free(pb);
}

/* "~ a (a b VERB) SAY = a b 138" */
static void verb_transformation(reader *r, char *s) {
    strip_comment(s, "#");
    char buf[1024];
    size_t o = 0;
    for (const char *p = s; *p && o + 4 < sizeof buf; p++) {
        if (*p == '(' || *p == ')' || *p == '=' || *p == '~') {
            buf[o++] = ' ';
            buf[o++] = *p;
            buf[o++] = ' ';
        } else {
            buf[o++] = *p;
        }
    }
    buf[o] = '\0';
    char *tok[16], *save = NULL;
    size_t n = 0;
    for (char *t = strtok_r(buf, " \t", &save); t && n < 16; t = strtok_r(NULL, " \t", &save)) tok[n++] = t;
    if (n != 12 || strcmp(tok[0], "~") || strcmp(tok[2], "(") || strcmp(tok[6], ")") ||
        strcmp(tok[8], "=")) {
        problem(r, true, "transformation is not '~ a (b c VERB) VERB = d e CODE'");
        return;
    }
    rl_transformation *t = rl_arena_calloc(r->d->arena, 1, sizeof *t);
    if (!t || rl_ptrvec_push(&r->d->transformations, t) != 0) { r->oom = true; return; }
    const char **f[] = {&t->upper_source, &t->lower_source, &t->lower_target, &t->lower_verb,
                        &t->upper_verb, &t->out_source, &t->out_target, &t->out_code};
    const int idx[] = {1, 3, 4, 5, 7, 9, 10, 11};
    for (size_t i = 0; i < 8; i++) {
        /* Actor variables stay lower case; verbs are upper case like everything else. */
        bool verb = idx[i] == 5 || idx[i] == 7;
        *f[i] = verb ? rl_dict_strdup_upper(r->d, tok[idx[i]], strlen(tok[idx[i]]))
                     : rl_arena_strdup(r->d->arena, tok[idx[i]]);
        if (!*f[i]) { r->oom = true; return; }
    }
    t->file = r->file;
    t->line = r->line;
    r->d->stats.transformations++;
}

static void read_verbs(reader *r, char *line, verb_state *vs, phrase *ph) {
    char *s = line;
    while (is_space(*s)) s++;
    if (!*s || *s == '#') return;
    if (!strncmp(s, "---", 3)) {
        synset_flush(r, vs);
        strip_comment(s, "#");
        verb_block(r, vs, s);
        return;
    }
    if (*s == '+' && vs->in_synset) { synset_member(r, vs, s + 1, ph); return; }
    synset_flush(r, vs);
    if (*s == '&') {
        strip_comment(s, "#;");
        s = trim(s);
        size_t n = strlen(s);
        vs->synset_no_plural = s[n - 1] == '_';
        while (n > 1 && s[n - 1] == '_') s[--n] = '\0';
        if (strcspn(s, " \t") != n || n >= sizeof vs->synset_name) {
            problem(r, true, "bad synset label '%s'", s);
            return;
        }
        if (!rl_dict_upper(s, n, vs->synset_name, sizeof vs->synset_name)) {
            problem(r, true, "bad synset label '%s'", s);
            return;
        }
        vs->in_synset = true;
        vs->synset_line = r->line;
        return;
    }
    if (*s == '-') { verb_pattern(r, vs, s); return; }
    if (*s == '~') { verb_transformation(r, s); return; }
    verb_word(r, vs, s);
}

/* ---- files ---- */

static char *read_file(const char *path, size_t *len, rl_error *err) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        rl_error_set(err, RL_ERR_IO, path, 0, "cannot open dictionary");
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) break;
        char *nb = realloc(buf, cap * 2);
        if (!nb) { free(buf); buf = NULL; break; }
        buf = nb;
        cap *= 2;
    }
    bool bad = ferror(f);
    fclose(f);
    if (!buf) { rl_error_set(err, RL_ERR_MEMORY, path, 0, "out of memory"); return NULL; }
    if (bad) {
        free(buf);
        rl_error_set(err, RL_ERR_IO, path, 0, "read error");
        return NULL;
    }
    *len = n;
    return buf;
}

int rl_dicts_load(rl_dicts *d, rl_dict_kind kind, const char *path,
                  void (*warn)(void *ctx, const rl_error *w), void *warn_ctx, rl_error *err) {
    if (!d || !path || d->finished) {
        rl_error_set(err, RL_ERR_USAGE, path ? path : "", 0, "dictionary set already finished");
        return -1;
    }
    size_t len = 0;
    char *text = read_file(path, &len, err);
    if (!text) return -1;
    int rc = rl_dicts_load_memory(d, kind, path, text, len, warn, warn_ctx, err);
    free(text);
    return rc;
}

int rl_dicts_load_memory(rl_dicts *d, rl_dict_kind kind, const char *name, const char *text,
                         size_t len, void (*warn)(void *ctx, const rl_error *w), void *warn_ctx,
                         rl_error *err) {
    if (!d || !name || (!text && len) || d->finished) {
        rl_error_set(err, RL_ERR_USAGE, name ? name : "", 0, "dictionary set already finished");
        return -1;
    }
    const char *path = name;
    if (kind == RL_DICT_UNKNOWN) kind = rl_dict_guess_kind(path, text, len);
    reader r = {d, rl_arena_strdup(d->arena, path), 0, warn, warn_ctx, false};
    phrase *ph = malloc(sizeof *ph);
    verb_state *vs = calloc(1, sizeof *vs);
    actor_builder *ab = calloc(1, sizeof *ab);
    agent_state *as = calloc(1, sizeof *as);
    size_t line_cap = 4096;
    char *line = malloc(line_cap);
    if (!r.file || !ph || !vs || !ab || !as || !line) r.oom = true;
    size_t i = 0;
    while (!r.oom && i < len) {
        size_t e = i;
        while (e < len && text[e] != '\n') e++;
        r.line++;
        size_t n = e - i;
        if (n + 1 > line_cap) {
            char *nl = realloc(line, n + 1);
            if (!nl) { r.oom = true; break; }
            line = nl;
            line_cap = n + 1;
        }
        memcpy(line, text + i, n);
        line[n] = '\0';
        if (memchr(line, '\0', n)) {
            for (size_t k = 0; k < n; k++)
                if (!line[k]) line[k] = ' ';
            problem(&r, false, "NUL byte read as a space");
        }
        if (r.line == 1 && n >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) memset(line, ' ', 3);
        switch (kind) {
        case RL_DICT_VERBS: read_verbs(&r, line, vs, ph); break;
        case RL_DICT_ACTORS: read_actors(&r, line, ab, ph); break;
        case RL_DICT_AGENTS: read_agents(&r, line, as, ph); break;
        default: read_discards(&r, line, ph); break;
        }
        i = e + 1;
    }
    if (!r.oom && kind == RL_DICT_VERBS) {
        synset_flush(&r, vs);
        block_flush(&r, vs);
    }
    if (!r.oom && kind == RL_DICT_ACTORS) actor_flush(&r, ab);
    if (vs) {
        free(vs->pats);
        free(vs->synset_phrases.v);
    }
    free(vs);
    free(ab);
    free(as);
    free(ph);
    free(line);
    if (r.oom) {
        rl_error_set(err, RL_ERR_MEMORY, path, r.line, "out of memory reading dictionary");
        return -1;
    }
    return 0;
}
