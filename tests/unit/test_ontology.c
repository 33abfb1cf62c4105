/* test_ontology.c — the CAMEO code table: facts that hold without ../shared, then a
 * cross-check of every code and Goldstein weight against the reference files. */
#include "check.h"
#include "redline.h"

#include <jansson.h>
#include <math.h>

static void test_known_entries(void) {
    const rl_cameo_code *c = rl_cameo_lookup("125");
    CHECK(c != NULL);
    CHECK_STR(c->code, "125");
    CHECK_INT(c->quad_class, 3);
    CHECK(c->goldstein == -5.0);
    CHECK(c->name && c->name[0]);
    CHECK(c->description && strlen(c->description) > 10);

    c = rl_cameo_lookup("036");
    CHECK(c && c->quad_class == 1 && c->goldstein == 4.0);
    c = rl_cameo_lookup("0874");
    CHECK(c && c->quad_class == 2 && c->goldstein == 10.0);
    c = rl_cameo_lookup("190");
    CHECK(c && c->quad_class == 4 && c->goldstein == -10.0);
    c = rl_cameo_lookup("2042");
    CHECK(c && c->quad_class == 4);
    CHECK(rl_cameo_lookup("01") != NULL);
    CHECK(rl_cameo_lookup("20") != NULL);
}

static void test_unknown(void) {
    CHECK(rl_cameo_lookup(NULL) == NULL);
    CHECK(rl_cameo_lookup("") == NULL);
    CHECK(rl_cameo_lookup("21") == NULL);
    CHECK(rl_cameo_lookup("1259") == NULL);
    CHECK(rl_cameo_lookup("12 ") == NULL);
    CHECK(rl_cameo_at(rl_cameo_count()) == NULL);
}

/* Sorted and unique (the lookup relies on it), every code a child of its root, quad class
 * consistent with the root, weights in range, every 3/4-digit code has its parent. */
static void test_table_shape(void) {
    size_t n = rl_cameo_count();
    CHECK(n >= 300);
    int roots = 0;
    for (size_t i = 0; i < n; i++) {
        const rl_cameo_code *c = rl_cameo_at(i);
        CHECK(c && c->code && c->name && c->description);
        size_t len = strlen(c->code);
        CHECK(len >= 2 && len <= 4);
        for (size_t k = 0; k < len; k++) CHECK(c->code[k] >= '0' && c->code[k] <= '9');
        if (i > 0) CHECK(strcmp(rl_cameo_at(i - 1)->code, c->code) < 0);
        int root = (c->code[0] - '0') * 10 + (c->code[1] - '0');
        CHECK(root >= 1 && root <= 20);
        int quad = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
        CHECK_INT(c->quad_class, quad);
        CHECK(c->goldstein >= -10.0 && c->goldstein <= 10.0);
        CHECK(rl_cameo_lookup(c->code) == c);
        if (len == 2) roots++;
        if (len >= 3) {
            char parent[5] = {0};
            memcpy(parent, c->code, len - 1);
            CHECK(rl_cameo_lookup(parent) != NULL);
        }
    }
    CHECK_INT(roots, 20);
}

static void test_goldstein_file(void) {
    char path[512];
    snprintf(path, sizeof path, "%s/reference/CAMEO.goldsteinscale.tsv", check_shared_dir());
    FILE *f = fopen(path, "r");
    if (!f) SKIP("../shared/reference/CAMEO.goldsteinscale.tsv not found");
    char line[256], bad[64] = "";
    int seen = 0, wrong = 0;
    while (fgets(line, sizeof line, f)) {
        char code[16];
        double v;
        if (sscanf(line, "%15s %lf", code, &v) != 2) continue;   /* header */
        seen++;
        const rl_cameo_code *c = rl_cameo_lookup(code);
        if (!c || fabs(c->goldstein - v) > 1e-9) {
            if (!wrong) snprintf(bad, sizeof bad, "%s", code);
            wrong++;
        }
    }
    fclose(f);
    if (wrong) printf("# first mismatching Goldstein code: %s (%d total)\n", bad, wrong);
    CHECK_INT(wrong, 0);
    CHECK(seen > 300);
}

static void test_codebook_file(void) {
    char path[512];
    snprintf(path, sizeof path, "%s/reference/cameo_codebook.jsonl", check_shared_dir());
    FILE *f = fopen(path, "r");
    if (!f) SKIP("../shared/reference/cameo_codebook.jsonl not found");
    int seen = 0, missing = 0;
    json_error_t jerr;
    json_t *j;
    /* One object per line; jansson reads them one after another. */
    while ((j = json_loadf(f, JSON_DISABLE_EOF_CHECK, &jerr)) != NULL) {
        const char *code = json_string_value(json_object_get(j, "code"));
        if (code) {
            seen++;
            if (!rl_cameo_lookup(code)) {
                printf("# codebook code %s missing\n", code);
                missing++;
            }
        }
        json_decref(j);
    }
    fclose(f);
    CHECK_INT(missing, 0);
    CHECK(seen > 250);
}

int main(void) {
    RUN(test_known_entries);
    RUN(test_unknown);
    RUN(test_table_shape);
    RUN(test_goldstein_file);
    RUN(test_codebook_file);
    return CHECK_DONE();
}
