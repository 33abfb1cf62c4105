/* eval.c — gold readers (PETRARCH XML via libxml2, JSON lines via jansson) and the
 * event-level comparison behind `redline eval` (see eval.h). */
#include "eval.h"
#include "arena.h"
#include "resources.h"

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <stdlib.h>
#include <string.h>

struct rl_gold_set {
    rl_arena *arena;
    rl_gold_record *recs;
    size_t n, cap;
    rl_resource_paths env;
};

static rl_gold_set *gold_new(void) {
    rl_gold_set *g = calloc(1, sizeof *g);
    if (!g) return NULL;
    if (!(g->arena = rl_arena_new(0))) { free(g); return NULL; }
    return g;
}

void rl_gold_free(rl_gold_set *g) {
    if (!g) return;
    free(g->recs);
    rl_arena_free(g->arena);
    free(g);
}

size_t rl_gold_count(const rl_gold_set *g) { return g ? g->n : 0; }

const rl_gold_record *rl_gold_get(const rl_gold_set *g, size_t i) {
    return g && i < g->n ? &g->recs[i] : NULL;
}

const rl_resource_paths *rl_gold_environment(const rl_gold_set *g) { return &g->env; }

static rl_gold_record *gold_push(rl_gold_set *g) {
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 64;
        rl_gold_record *r = realloc(g->recs, cap * sizeof *r);
        if (!r) return NULL;
        g->recs = r;
        g->cap = cap;
    }
    rl_gold_record *r = &g->recs[g->n++];
    memset(r, 0, sizeof *r);
    return r;
}

/* Codes as written in gold files: trimmed, "-" / "---" / "" mean no actor. */
static const char *actor_or_empty(rl_arena *a, const char *s) {
    if (!s) return "";
    while (*s == ' ') s++;
    if (strcmp(s, "-") == 0 || strcmp(s, "---") == 0 || strcmp(s, "null") == 0) return "";
    return rl_arena_strdup(a, s);
}

/* "20080804" or "2008-08-04" → "2008-08-04". */
static const char *norm_date(rl_arena *a, const char *s) {
    if (!s || !*s) return NULL;
    size_t n = strlen(s);
    if (n == 8 && strspn(s, "0123456789") == 8)
        return rl_arena_printf(a, "%.4s-%.2s-%.2s", s, s + 4, s + 6);
    return rl_arena_strdup(a, s);
}

/* ---- PETRARCH XML ---- */

static const char *xml_attr(rl_arena *a, xmlNode *n, const char *name) {
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v) return NULL;
    /* attributes are sometimes written with spaces around '=' and inside quotes */
    const char *s = (const char *)v;
    while (*s == ' ') s++;
    char *out = rl_arena_strdup(a, s);
    xmlFree(v);
    if (out) {
        size_t k = strlen(out);
        while (k && out[k - 1] == ' ') out[--k] = '\0';
    }
    return out;
}

static bool name_is(xmlNode *n, const char *name) {
    return n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, (const xmlChar *)name) == 0;
}

/* Collapses whitespace runs (the texts are wrapped) into single spaces. */
static const char *node_text(rl_arena *a, xmlNode *n) {
    xmlChar *v = xmlNodeGetContent(n);
    if (!v) return "";
    size_t len = strlen((const char *)v);
    char *out = rl_arena_alloc(a, len + 1);
    if (out) {
        size_t o = 0;
        bool space = false;
        for (const char *p = (const char *)v; *p; p++) {
            if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') { space = o > 0; continue; }
            if (space) out[o++] = ' ';
            space = false;
            out[o++] = *p;
        }
        out[o] = '\0';
    }
    xmlFree(v);
    return out ? out : "";
}

static const char *relative_to(rl_arena *a, const char *xml_path, const char *file) {
    if (!file || !*file) return NULL;
    if (file[0] == '/') return file;
    const char *slash = strrchr(xml_path, '/');
    if (!slash) return file;
    return rl_arena_printf(a, "%.*s/%s", (int)(slash - xml_path), xml_path, file);
}

static void read_environment(rl_gold_set *g, const char *path, xmlNode *env) {
    for (xmlNode *c = env->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const char *v = relative_to(g->arena, path, node_text(g->arena, c));
        if (name_is(c, "Verbfile")) g->env.verbs = v;
        else if (name_is(c, "Actorfile")) {
            /* several Actorfile elements make a comma-separated list */
            g->env.actors = g->env.actors
                                ? rl_arena_printf(g->arena, "%s,%s", g->env.actors, v) : v;
        }
        else if (name_is(c, "Agentfile")) g->env.agents = v;
        else if (name_is(c, "Discardfile")) g->env.discards = v;
    }
}

static int read_sentence(rl_gold_set *g, xmlNode *s, rl_error *err, const char *path) {
    rl_gold_record *r = gold_push(g);
    if (!r) goto oom;
    r->id = xml_attr(g->arena, s, "id");
    if (!r->id) r->id = rl_arena_printf(g->arena, "%zu", g->n);
    r->date = norm_date(g->arena, xml_attr(g->arena, s, "date"));
    size_t nev = 0;
    for (xmlNode *c = s->children; c; c = c->next)
        if (name_is(c, "EventCoding")) nev++;
    r->events = rl_arena_calloc(g->arena, nev + 1, sizeof *r->events);
    if (!r->events) goto oom;
    for (xmlNode *c = s->children; c; c = c->next) {
        if (name_is(c, "Text")) r->text = node_text(g->arena, c);
        if (!name_is(c, "EventCoding")) continue;
        rl_gold_event *e = &r->events[r->nevents];
        e->source = actor_or_empty(g->arena, xml_attr(g->arena, c, "sourcecode"));
        e->target = actor_or_empty(g->arena, xml_attr(g->arena, c, "targetcode"));
        e->code = actor_or_empty(g->arena, xml_attr(g->arena, c, "eventcode"));
        if (!*e->code) continue;   /* "noevents" style placeholders */
        r->nevents++;
    }
    if (!r->text) {
        rl_error_set(err, RL_ERR_FORMAT, path, xmlGetLineNo(s), "<Sentence> without <Text>");
        return -1;
    }
    return 0;
oom:
    rl_error_set(err, RL_ERR_MEMORY, path, 0, "out of memory");
    return -1;
}

static int walk_xml(rl_gold_set *g, const char *path, xmlNode *n, rl_error *err) {
    for (; n; n = n->next) {
        if (name_is(n, "Environment")) read_environment(g, path, n);
        else if (name_is(n, "Sentence")) {
            if (read_sentence(g, n, err, path) != 0) return -1;
        } else if (n->type == XML_ELEMENT_NODE && walk_xml(g, path, n->children, err) != 0) {
            return -1;
        }
    }
    return 0;
}

static rl_gold_set *load_xml(const char *path, rl_error *err) {
    /* PETRARCH files often sit several top-level elements side by side; wrap them */
    FILE *f = fopen(path, "rb");
    if (!f) { rl_error_set(err, RL_ERR_IO, path, 0, "cannot open"); return NULL; }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    const char open_tag[] = "<redline-gold>", close_tag[] = "</redline-gold>";
    if (!buf) { fclose(f); rl_error_set(err, RL_ERR_MEMORY, path, 0, "out of memory"); return NULL; }
    size_t k;
    char chunk[1 << 14];
    bool fail = false;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0 && !fail) {
        while (len + k + sizeof open_tag + sizeof close_tag + 1 > cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) { fail = true; break; }
            buf = nb;
            cap *= 2;
        }
        if (!fail) { memcpy(buf + len, chunk, k); len += k; }
    }
    fclose(f);
    if (fail) { free(buf); rl_error_set(err, RL_ERR_MEMORY, path, 0, "out of memory"); return NULL; }
    /* drop an XML declaration, then wrap */
    size_t skip = 0;
    if (len > 5 && strncmp(buf, "<?xml", 5) == 0) {
        char *e = memchr(buf, '>', len);
        if (e) skip = (size_t)(e - buf) + 1;
    }
    size_t body = len - skip;
    char *doc = malloc(body + sizeof open_tag + sizeof close_tag + 1);
    if (!doc) { free(buf); rl_error_set(err, RL_ERR_MEMORY, path, 0, "out of memory"); return NULL; }
    memcpy(doc, open_tag, sizeof open_tag - 1);
    memcpy(doc + sizeof open_tag - 1, buf + skip, body);
    memcpy(doc + sizeof open_tag - 1 + body, close_tag, sizeof close_tag);
    free(buf);
    xmlDoc *x = xmlReadMemory(doc, (int)strlen(doc), path, "UTF-8",
                              XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
                              XML_PARSE_NOWARNING | XML_PARSE_HUGE);
    free(doc);
    if (!x) { rl_error_set(err, RL_ERR_FORMAT, path, 0, "not well-formed XML"); return NULL; }
    rl_gold_set *g = gold_new();
    if (!g) {
        xmlFreeDoc(x);
        rl_error_set(err, RL_ERR_MEMORY, path, 0, "out of memory");
        return NULL;
    }
    int rc = walk_xml(g, path, xmlDocGetRootElement(x), err);
    xmlFreeDoc(x);
    if (rc != 0) { rl_gold_free(g); return NULL; }
    return g;
}

/* ---- JSON lines ---- */

static const char *json_str(rl_arena *a, json_t *o, const char *key) {
    json_t *v = json_object_get(o, key);
    if (json_is_string(v)) return rl_arena_strdup(a, json_string_value(v));
    if (json_is_integer(v)) return rl_arena_printf(a, "%lld", (long long)json_integer_value(v));
    return NULL;
}

typedef int (*line_fn)(rl_gold_set *g, json_t *o, const char *path, long line, rl_error *err);

static rl_gold_set *load_lines(const char *path, line_fn fn, rl_error *err) {
    FILE *f = fopen(path, "rb");
    if (!f) { rl_error_set(err, RL_ERR_IO, path, 0, "cannot open"); return NULL; }
    rl_gold_set *g = gold_new();
    if (!g) {
        fclose(f);
        rl_error_set(err, RL_ERR_MEMORY, path, 0, "out of memory");
        return NULL;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    while ((n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t i = 0;
        while (i < (size_t)n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' ||
                                 line[i] == '\n'))
            i++;
        if (i == (size_t)n || line[i] == '#') continue;
        json_error_t je;
        json_t *o = json_loadb(line, (size_t)n, 0, &je);
        if (!o || !json_is_object(o)) {
            json_decref(o);
            rl_error_set(err, RL_ERR_FORMAT, path, lineno, "not a JSON object: %s", je.text);
            goto fail;
        }
        int rc = fn(g, o, path, lineno, err);
        json_decref(o);
        if (rc != 0) goto fail;
    }
    free(line);
    fclose(f);
    return g;
fail:
    free(line);
    fclose(f);
    rl_gold_free(g);
    return NULL;
}

static int gold_line(rl_gold_set *g, json_t *o, const char *path, long line, rl_error *err) {
    rl_gold_record *r = gold_push(g);
    if (!r) { rl_error_set(err, RL_ERR_MEMORY, path, line, "out of memory"); return -1; }
    r->id = json_str(g->arena, o, "id");
    if (!r->id) r->id = rl_arena_printf(g->arena, "line %ld", line);
    r->date = norm_date(g->arena, json_str(g->arena, o, "date"));
    r->text = json_str(g->arena, o, "text");
    if (!r->text) {
        rl_error_set(err, RL_ERR_FORMAT, path, line, "record without \"text\"");
        return -1;
    }
    json_t *evs = json_object_get(o, "events");
    if (evs && !json_is_array(evs)) {
        rl_error_set(err, RL_ERR_FORMAT, path, line, "\"events\" is not an array");
        return -1;
    }
    size_t ne = evs ? json_array_size(evs) : 0;
    r->events = rl_arena_calloc(g->arena, ne + 1, sizeof *r->events);
    if (!r->events) { rl_error_set(err, RL_ERR_MEMORY, path, line, "out of memory"); return -1; }
    for (size_t i = 0; i < ne; i++) {
        json_t *e = json_array_get(evs, i);
        const char *code = json_is_object(e) ? json_str(g->arena, e, "code") : NULL;
        if (!code || !*code) {
            rl_error_set(err, RL_ERR_FORMAT, path, line, "event %zu has no \"code\"", i + 1);
            return -1;
        }
        rl_gold_event *ge = &r->events[r->nevents++];
        ge->code = code;
        ge->source = actor_or_empty(g->arena, json_str(g->arena, e, "source"));
        ge->target = actor_or_empty(g->arena, json_str(g->arena, e, "target"));
    }
    return 0;
}

static int codebook_line(rl_gold_set *g, json_t *o, const char *path, long line,
                         rl_error *err) {
    const char *code = json_str(g->arena, o, "code");
    json_t *ex = json_object_get(o, "examples");
    if (!code || (ex && !json_is_array(ex))) {
        rl_error_set(err, RL_ERR_FORMAT, path, line, "expected {code, examples:[...]}");
        return -1;
    }
    for (size_t i = 0; ex && i < json_array_size(ex); i++) {
        json_t *t = json_array_get(ex, i);
        if (!json_is_string(t)) continue;
        rl_gold_record *r = gold_push(g);
        if (!r) { rl_error_set(err, RL_ERR_MEMORY, path, line, "out of memory"); return -1; }
        r->id = rl_arena_printf(g->arena, "%s.%zu", code, i + 1);
        r->text = rl_arena_strdup(g->arena, json_string_value(t));
        r->events = rl_arena_calloc(g->arena, 1, sizeof *r->events);
        if (!r->id || !r->text || !r->events) {
            rl_error_set(err, RL_ERR_MEMORY, path, line, "out of memory");
            return -1;
        }
        r->events[0].code = code;
        r->events[0].source = r->events[0].target = "";
        r->nevents = 1;
    }
    return 0;
}

rl_gold_set *rl_gold_load(const char *path, rl_error *err) {
    FILE *f = fopen(path, "rb");
    if (!f) { rl_error_set(err, RL_ERR_IO, path, 0, "cannot open"); return NULL; }
    int c;
    while ((c = fgetc(f)) == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF ||
           c == 0xBB || c == 0xBF)
        ;
    fclose(f);
    if (c == '<') return load_xml(path, err);
    return load_lines(path, gold_line, err);
}

rl_gold_set *rl_codebook_load(const char *path, rl_error *err) {
    return load_lines(path, codebook_line, err);
}

/* ---- comparison ---- */

static const char *nz(const char *s) { return s ? s : ""; }

static int root_of(const char *code) {
    if (!code || strlen(code) < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' ||
        code[1] > '9')
        return 0;
    int r = (code[0] - '0') * 10 + (code[1] - '0');
    return r >= 1 && r <= 20 ? r : 0;
}

double rl_eval_f1(size_t tp, size_t npred, size_t ngold) {
    double p = npred ? (double)tp / (double)npred : 0.0;
    double r = ngold ? (double)tp / (double)ngold : 0.0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static int add_miss(rl_eval_report *rep, const rl_eval_miss *m) {
    if (rep->nmisses == rep->cap_misses) {
        size_t cap = rep->cap_misses ? rep->cap_misses * 2 : 64;
        rl_eval_miss *nm = realloc(rep->misses, cap * sizeof *nm);
        if (!nm) return -1;
        rep->misses = nm;
        rep->cap_misses = cap;
    }
    rep->misses[rep->nmisses++] = *m;
    return 0;
}

/* Strings in misses must outlive the coded events: copied into the gold set's arena. */
static const char *keep(rl_arena *a, const char *s) { return s ? rl_arena_strdup(a, s) : NULL; }

void rl_eval_report_free(rl_eval_report *rep) {
    if (!rep) return;
    free(rep->misses);
    rep->misses = NULL;
}

static bool same_actors(const rl_gold_event *g, const rl_event *e) {
    return strcmp(g->source, nz(e->source)) == 0 && strcmp(g->target, nz(e->target)) == 0;
}

/* The codebook's "highest-ranked" event: the first that is not a bare statement. */
static const rl_event *top_event(const rl_events *ev) {
    size_t n = rl_events_count(ev);
    for (size_t i = 0; i < n; i++) {
        const rl_event *e = rl_events_get(ev, i);
        if (strcmp(e->code, "010") != 0) return e;
    }
    return n ? rl_events_get(ev, 0) : NULL;
}

static int compare_record(const rl_gold_record *r, const rl_events *ev, rl_eval_report *rep,
                          rl_arena *keep_arena) {
    size_t ng = r->nevents, np = rl_events_count(ev);
    char gfull[64] = {0}, pfull[64] = {0}, groot[64] = {0}, proot[64] = {0};
    if (ng > 64) ng = 64;
    if (np > 64) np = 64;
    rep->gold_events += ng;
    rep->predicted_events += np;
    size_t full = 0;
    for (size_t i = 0; i < ng; i++)
        for (size_t j = 0; j < np; j++) {
            const rl_event *e = rl_events_get(ev, j);
            if (pfull[j] || !same_actors(&r->events[i], e) || strcmp(r->events[i].code, e->code))
                continue;
            gfull[i] = pfull[j] = 1;
            full++;
            break;
        }
    rep->tp_full += full;
    /* root matches with the same actors */
    size_t root = 0;
    char gr[64], pr[64];
    memcpy(gr, gfull, sizeof gr);
    memcpy(pr, pfull, sizeof pr);
    for (size_t i = 0; i < ng; i++)
        for (size_t j = 0; j < np && !gr[i]; j++) {
            const rl_event *e = rl_events_get(ev, j);
            if (pr[j] || !same_actors(&r->events[i], e) ||
                root_of(r->events[i].code) != root_of(e->code))
                continue;
            gr[i] = pr[j] = 1;
            root++;
        }
    rep->tp_root += full + root;
    if (full == ng && full == np) rep->passed++;
    else rep->failed++;
    /* pairs by root alone, for actor accuracy and the confusion table */
    int pair[64];
    for (size_t i = 0; i < ng; i++) {
        pair[i] = -1;
        for (size_t j = 0; j < np && pair[i] < 0; j++) {
            if (proot[j] || root_of(r->events[i].code) != root_of(rl_events_get(ev, j)->code))
                continue;
            pair[i] = (int)j;
            proot[j] = groot[i] = 1;
            const rl_event *e = rl_events_get(ev, j);
            rep->actor_pairs++;
            if (strcmp(r->events[i].source, nz(e->source)) == 0) rep->actor_source_ok++;
            if (strcmp(r->events[i].target, nz(e->target)) == 0) rep->actor_target_ok++;
        }
    }
    for (size_t i = 0; i < ng; i++) {
        if (pair[i] >= 0) continue;
        for (size_t j = 0; j < np; j++) {
            if (proot[j]) continue;
            pair[i] = (int)j;
            proot[j] = 1;
            break;
        }
    }
    for (size_t i = 0; i < ng; i++) {
        int gr_ = root_of(r->events[i].code);
        const rl_event *e = pair[i] >= 0 ? rl_events_get(ev, (size_t)pair[i]) : NULL;
        rep->confusion[gr_][e ? root_of(e->code) : 0]++;
        if (gfull[i]) continue;
        rl_eval_miss m;
        memset(&m, 0, sizeof m);
        m.id = r->id;
        m.text = r->text;
        m.gold = r->events[i];
        if (e) {
            m.got_source = keep(keep_arena, e->source);
            m.got_target = keep(keep_arena, e->target);
            m.got_code = keep(keep_arena, e->code);
            m.rule = keep(keep_arena, e->rule);
        }
        if (add_miss(rep, &m) != 0) return -1;
    }
    for (size_t j = 0; j < np; j++) {
        const rl_event *e = rl_events_get(ev, j);
        if (!proot[j]) rep->confusion[0][root_of(e->code)]++;
        if (pfull[j] || proot[j]) continue;
        rl_eval_miss m;
        memset(&m, 0, sizeof m);
        m.id = r->id;
        m.text = r->text;
        m.gold.source = m.gold.target = m.gold.code = "";
        m.got_source = keep(keep_arena, e->source);
        m.got_target = keep(keep_arena, e->target);
        m.got_code = keep(keep_arena, e->code);
        m.rule = keep(keep_arena, e->rule);
        if (add_miss(rep, &m) != 0) return -1;
    }
    return 0;
}

static int compare_codebook(const rl_gold_record *r, const rl_events *ev, rl_eval_report *rep,
                            rl_arena *keep_arena) {
    int want = root_of(r->events[0].code);
    const rl_event *top = top_event(ev);
    rep->cb_total[want]++;
    rep->gold_events++;
    if (top) rep->predicted_events++;
    else rep->cb_no_event++;
    int got = top ? root_of(top->code) : 0;
    rep->confusion[want][got]++;
    if (top && got == want) {
        rep->cb_correct[want]++;
        rep->tp_root++;
        rep->passed++;
        if (strcmp(top->code, r->events[0].code) == 0) rep->tp_full++;
        return 0;
    }
    rep->failed++;
    rl_eval_miss m;
    memset(&m, 0, sizeof m);
    m.id = r->id;
    m.text = r->text;
    m.gold = r->events[0];
    if (top) {
        m.got_source = keep(keep_arena, top->source);
        m.got_target = keep(keep_arena, top->target);
        m.got_code = keep(keep_arena, top->code);
        m.rule = keep(keep_arena, top->rule);
    }
    return add_miss(rep, &m);
}

int rl_eval_run(const rl_resources *res, const rl_gold_set *g, const rl_code_options *opts,
                bool codebook, rl_eval_report *rep, rl_error *err) {
    memset(rep, 0, sizeof *rep);
    rep->codebook = codebook;
    for (size_t i = 0; i < g->n; i++) {
        const rl_gold_record *r = &g->recs[i];
        rl_doc_input in = {.id = r->id, .date = r->date, .text = r->text};
        rl_error e2;
        memset(&e2, 0, sizeof e2);
        rl_events *ev = rl_code_document(res, &in, opts, &e2);
        rep->records++;
        if (!ev) {
            if (e2.status == RL_ERR_MEMORY) { *err = e2; return -1; }
            rep->errors++;   /* counted as a record with no events */
        }
        int rc = codebook ? compare_codebook(r, ev, rep, g->arena)
                          : compare_record(r, ev, rep, g->arena);
        rl_events_free(ev);
        if (rc != 0) {
            rl_error_set(err, RL_ERR_MEMORY, "", 0, "out of memory");
            return -1;
        }
    }
    return 0;
}

/* ---- reports ---- */

void rl_eval_print(FILE *f, const rl_eval_report *rep, size_t max_misses) {
    fprintf(f, "%zu passed, %zu failed\n", rep->passed, rep->failed);
    if (rep->codebook) {
        size_t total = rep->records;
        fprintf(f, "codebook examples: %zu, root correct %zu (%.1f%%), full code %zu, no event %zu\n",
                total, rep->tp_root, total ? 100.0 * (double)rep->tp_root / (double)total : 0.0,
                rep->tp_full, rep->cb_no_event);
        fprintf(f, "root  examples  correct  accuracy\n");
        for (int r = 1; r <= 20; r++)
            if (rep->cb_total[r])
                fprintf(f, "%02d    %8zu  %7zu  %6.1f%%\n", r, rep->cb_total[r], rep->cb_correct[r],
                        100.0 * (double)rep->cb_correct[r] / (double)rep->cb_total[r]);
    } else {
        double pf = rep->predicted_events ? (double)rep->tp_full / (double)rep->predicted_events : 0;
        double rf = rep->gold_events ? (double)rep->tp_full / (double)rep->gold_events : 0;
        double pr = rep->predicted_events ? (double)rep->tp_root / (double)rep->predicted_events : 0;
        double rr = rep->gold_events ? (double)rep->tp_root / (double)rep->gold_events : 0;
        fprintf(f, "records %zu (errors %zu), gold events %zu, predicted %zu\n", rep->records,
                rep->errors, rep->gold_events, rep->predicted_events);
        fprintf(f, "full code:  precision %.3f  recall %.3f  F1 %.3f\n", pf, rf,
                rl_eval_f1(rep->tp_full, rep->predicted_events, rep->gold_events));
        fprintf(f, "root code:  precision %.3f  recall %.3f  F1 %.3f\n", pr, rr,
                rl_eval_f1(rep->tp_root, rep->predicted_events, rep->gold_events));
        fprintf(f, "actors (pairs with the same root): %zu, source %.3f, target %.3f\n",
                rep->actor_pairs,
                rep->actor_pairs ? (double)rep->actor_source_ok / (double)rep->actor_pairs : 0,
                rep->actor_pairs ? (double)rep->actor_target_ok / (double)rep->actor_pairs : 0);
    }
    fprintf(f, "confusion (rows gold root, columns predicted root, -- = none):\n     --");
    for (int c = 1; c <= 20; c++) fprintf(f, "  %02d", c);
    fputc('\n', f);
    for (int r = 0; r <= 20; r++) {
        size_t row = 0;
        for (int c = 0; c <= 20; c++) row += rep->confusion[r][c];
        if (!row) continue;
        if (r) fprintf(f, "%02d %4zu", r, rep->confusion[r][0]);
        else fprintf(f, "-- %4zu", rep->confusion[r][0]);
        for (int c = 1; c <= 20; c++) {
            if (rep->confusion[r][c]) fprintf(f, "%4zu", rep->confusion[r][c]);
            else fprintf(f, "   .");
        }
        fputc('\n', f);
    }
    size_t shown = rep->nmisses;
    if (max_misses && shown > max_misses) shown = max_misses;
    if (shown) fprintf(f, "misses (%zu, showing %zu):\n", rep->nmisses, shown);
    for (size_t i = 0; i < shown; i++) {
        const rl_eval_miss *m = &rep->misses[i];
        if (*m->gold.code)
            fprintf(f, "  %s: gold %s %s %s", m->id, *m->gold.source ? m->gold.source : "-",
                    m->gold.code, *m->gold.target ? m->gold.target : "-");
        else
            fprintf(f, "  %s: spurious", m->id);
        if (m->got_code)
            fprintf(f, "; got %s %s %s by %s", nz(m->got_source), m->got_code,
                    m->got_target ? m->got_target : "-", m->rule ? m->rule : "(no rule)");
        else
            fprintf(f, "; got nothing");
        fprintf(f, "\n      %s\n", m->text);
    }
}

static json_t *miss_json(const rl_eval_miss *m) {
    json_t *o = json_object();
    if (!o) return NULL;
    json_object_set_new(o, "id", json_string(m->id));
    if (*m->gold.code)
        json_object_set_new(o, "gold", json_pack("{s:s,s:s,s:s}", "source", m->gold.source,
                                                 "target", m->gold.target, "code", m->gold.code));
    else
        json_object_set_new(o, "gold", json_null());
    if (m->got_code)
        json_object_set_new(o, "got", json_pack("{s:s,s:s?,s:s,s:s?}", "source",
                                                nz(m->got_source), "target", m->got_target,
                                                "code", m->got_code, "rule", m->rule));
    else
        json_object_set_new(o, "got", json_null());
    json_object_set_new(o, "text", json_string(m->text));
    return o;
}

int rl_eval_print_json(FILE *f, const rl_eval_report *rep) {
    json_t *o = json_object();
    if (!o) return -1;
    json_object_set_new(o, "records", json_integer((json_int_t)rep->records));
    json_object_set_new(o, "passed", json_integer((json_int_t)rep->passed));
    json_object_set_new(o, "failed", json_integer((json_int_t)rep->failed));
    json_object_set_new(o, "errors", json_integer((json_int_t)rep->errors));
    json_object_set_new(o, "gold_events", json_integer((json_int_t)rep->gold_events));
    json_object_set_new(o, "predicted_events", json_integer((json_int_t)rep->predicted_events));
    double np = (double)rep->predicted_events, ng = (double)rep->gold_events;
    json_object_set_new(o, "full", json_pack("{s:f,s:f,s:f}",
        "precision", np ? (double)rep->tp_full / np : 0.0,
        "recall", ng ? (double)rep->tp_full / ng : 0.0,
        "f1", rl_eval_f1(rep->tp_full, rep->predicted_events, rep->gold_events)));
    json_object_set_new(o, "root", json_pack("{s:f,s:f,s:f}",
        "precision", np ? (double)rep->tp_root / np : 0.0,
        "recall", ng ? (double)rep->tp_root / ng : 0.0,
        "f1", rl_eval_f1(rep->tp_root, rep->predicted_events, rep->gold_events)));
    double ap = (double)rep->actor_pairs;
    json_object_set_new(o, "actors", json_pack("{s:I,s:f,s:f}", "pairs",
        (json_int_t)rep->actor_pairs, "source", ap ? (double)rep->actor_source_ok / ap : 0.0,
        "target", ap ? (double)rep->actor_target_ok / ap : 0.0));
    if (rep->codebook) {
        json_t *per = json_object();
        for (int r = 1; r <= 20; r++) {
            if (!rep->cb_total[r]) continue;
            char key[16];
            snprintf(key, sizeof key, "%02d", r);
            json_object_set_new(per, key, json_pack("{s:I,s:I}", "examples",
                (json_int_t)rep->cb_total[r], "correct", (json_int_t)rep->cb_correct[r]));
        }
        json_object_set_new(o, "codebook", json_pack("{s:f,s:I,s:o}", "root_accuracy",
            rep->records ? (double)rep->tp_root / (double)rep->records : 0.0, "no_event",
            (json_int_t)rep->cb_no_event, "per_root", per));
    }
    json_t *conf = json_array();
    for (int r = 0; r <= 20; r++) {
        json_t *row = json_array();
        for (int c = 0; c <= 20; c++)
            json_array_append_new(row, json_integer((json_int_t)rep->confusion[r][c]));
        json_array_append_new(conf, row);
    }
    json_object_set_new(o, "confusion", conf);
    json_t *ms = json_array();
    for (size_t i = 0; i < rep->nmisses; i++) json_array_append_new(ms, miss_json(&rep->misses[i]));
    json_object_set_new(o, "misses", ms);
    int rc = json_dumpf(o, f, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(4));
    fputc('\n', f);
    json_decref(o);
    return rc;
}
