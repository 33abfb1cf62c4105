/* test_gold_files.c — the gold files (tests/gold, one JSON record per line) stay
 * well-formed: unique ids, dates, texts, events whose codes exist and whose actor codes are
 * well shaped; at least 400 records, every root 01-20 covered, some texts with no event.
 * The held-out file stays held out: 40+ records, "h-" ids only there, and none of its texts
 * is also a development record (a copy would make its F1 an in-sample figure). */
#include "check.h"
#include "redline.h"

#include <ctype.h>
#include <glob.h>
#include <jansson.h>

#define MAX_IDS 4096

static int actor_ok(const char *a) {
    size_t n = strlen(a);
    if (n < 3 || n % 3 != 0) return 0;
    for (size_t i = 0; i < n; i++)
        if (!isupper((unsigned char)a[i])) return 0;
    return 1;
}

static int date_ok(const char *d) {
    if (!d || strlen(d) != 10 || d[4] != '-' || d[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)d[i])) return 0;
    return 1;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_gold_records(void) {
    glob_t g;
    if (glob("tests/gold/*.jsonl", 0, NULL, &g) != 0) SKIP("no tests/gold/*.jsonl here");
    static char *ids[MAX_IDS];
    int nids = 0, records = 0, empty = 0, bad = 0, roots[21] = {0};
    for (size_t f = 0; f < g.gl_pathc; f++) {
        FILE *in = fopen(g.gl_pathv[f], "r");
        if (!in) { bad++; continue; }
        char line[8192];
        int lineno = 0;
        while (fgets(line, sizeof line, in)) {
            lineno++;
            json_error_t jerr;
            json_t *r = json_loads(line, 0, &jerr);
            const char *id = r ? json_string_value(json_object_get(r, "id")) : NULL;
            const char *text = r ? json_string_value(json_object_get(r, "text")) : NULL;
            json_t *events = r ? json_object_get(r, "events") : NULL;
            int ok = id && text && text[0] && json_is_array(events) &&
                     date_ok(json_string_value(json_object_get(r, "date")));
            size_t k;
            json_t *e;
            if (ok) json_array_foreach(events, k, e) {
                const char *src = json_string_value(json_object_get(e, "source"));
                json_t *tgt = json_object_get(e, "target");
                const rl_cameo_code *c = rl_cameo_lookup(json_string_value(json_object_get(e, "code")));
                if (!src || !actor_ok(src) || !c ||
                    !(json_is_null(tgt) || (json_is_string(tgt) && actor_ok(json_string_value(tgt))))) {
                    ok = 0;
                    break;
                }
                roots[(c->code[0] - '0') * 10 + (c->code[1] - '0')]++;
            }
            if (!ok) {
                printf("# %s:%d: malformed gold record\n", g.gl_pathv[f], lineno);
                bad++;
            } else {
                records++;
                if (json_array_size(events) == 0) empty++;
                if (nids < MAX_IDS) ids[nids++] = strdup(id);
            }
            json_decref(r);
        }
        fclose(in);
    }
    globfree(&g);
    qsort(ids, (size_t)nids, sizeof ids[0], cmp_str);
    int dups = 0;
    for (int i = 1; i < nids; i++)
        if (ids[i] && ids[i - 1] && !strcmp(ids[i], ids[i - 1])) {
            printf("# duplicate gold id %s\n", ids[i]);
            dups++;
        }
    for (int i = 0; i < nids; i++) free(ids[i]);
    CHECK_INT(bad, 0);
    CHECK_INT(dups, 0);
    CHECK(records >= 400);
    CHECK(empty >= 40);
    for (int r = 1; r <= 20; r++) {
        if (roots[r] < 12) printf("# root %02d has only %d gold events\n", r, roots[r]);
        CHECK(roots[r] >= 12);
    }
}

/* Reads the "text" of every record in `path` into texts[] (strdup'd); returns the count,
 * or -1 if the file cannot be read. Counts "h-" ids in *h_ids and the rest in *other_ids. */
static int read_texts(const char *path, char **texts, int max, int *h_ids, int *other_ids) {
    FILE *in = fopen(path, "r");
    if (!in) return -1;
    char line[8192];
    int n = 0;
    while (fgets(line, sizeof line, in)) {
        json_t *r = json_loads(line, 0, NULL);
        const char *id = r ? json_string_value(json_object_get(r, "id")) : NULL;
        const char *text = r ? json_string_value(json_object_get(r, "text")) : NULL;
        if (id && !strncmp(id, "h-", 2)) (*h_ids)++;
        else if (id) (*other_ids)++;
        if (text && n < max) texts[n++] = strdup(text);
        json_decref(r);
    }
    fclose(in);
    return n;
}

static void test_heldout_stays_held_out(void) {
    static char *held[MAX_IDS], *dev[MAX_IDS];
    int h_in_held = 0, other_in_held = 0, h_in_dev = 0, other_in_dev = 0;
    int nheld = read_texts("tests/gold/heldout.jsonl", held, MAX_IDS, &h_in_held, &other_in_held);
    if (nheld < 0) SKIP("no tests/gold/heldout.jsonl here");
    glob_t g;
    int ndev = 0, same = 0;
    if (glob("tests/gold/*.jsonl", 0, NULL, &g) == 0) {
        for (size_t f = 0; f < g.gl_pathc; f++) {
            if (strstr(g.gl_pathv[f], "heldout.jsonl")) continue;
            int k = read_texts(g.gl_pathv[f], dev + ndev, MAX_IDS - ndev, &h_in_dev, &other_in_dev);
            if (k > 0) ndev += k;
        }
        globfree(&g);
    }
    for (int i = 0; i < nheld; i++)
        for (int j = 0; j < ndev; j++)
            if (held[i] && dev[j] && !strcmp(held[i], dev[j])) {
                printf("# held-out text also in the development gold: %.60s\n", held[i]);
                same++;
            }
    for (int i = 0; i < nheld; i++) free(held[i]);
    for (int j = 0; j < ndev; j++) free(dev[j]);
    CHECK(nheld >= 40);
    CHECK_INT(other_in_held, 0);
    CHECK_INT(h_in_dev, 0);
    CHECK_INT(same, 0);
}

int main(void) {
    RUN(test_gold_records);
    RUN(test_heldout_stays_held_out);
    return CHECK_DONE();
}
