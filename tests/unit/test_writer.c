/* test_writer.c — JSON lines, TSV and Phoenix output of hand-built events. */
#include "check.h"
#include "writer.h"

#include <jansson.h>

/* Writes with fn into a memory stream; returns the malloc'd text (caller frees). */
static char *render(rl_output_format fmt, const rl_event *e, size_t index, bool header) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) return NULL;
    if (header) rl_write_header(f, fmt);
    rl_write_event(f, fmt, e, index);
    fclose(f);
    return buf;
}

static rl_event sample(void) {
    rl_event e = {
        .doc_id = "doc1", .sentence_index = 2, .date = "2019-07-17",
        .date_source = "resolved", .source = "IRNGOV", .target = "USA", .code = "125",
        .root = "12", .quad_class = 3, .goldstein = -5.0,
        .source_text = "Iran", .target_text = "Washington", .trigger = "will not negotiate",
        .sentence = "Iran said it will not negotiate with Washington.",
        .rule = "verbs.txt:12: NEGOTIATE", .reported_by = NULL,
        .negated = true, .conditional = false,
    };
    return e;
}

static int count_char(const char *s, char c) {
    int n = 0;
    for (; *s; s++) n += *s == c;
    return n;
}

static void test_jsonl_fields(void) {
    rl_event e = sample();
    char *out = render(RL_OUT_JSONL, &e, 0, true);
    CHECK(out != NULL);
    size_t n = strlen(out);
    CHECK(n > 0 && out[n - 1] == '\n');
    CHECK(count_char(out, '\n') == 1);
    json_error_t jerr;
    json_t *j = json_loads(out, 0, &jerr);
    free(out);
    CHECK(j != NULL);
    CHECK_STR(json_string_value(json_object_get(j, "doc_id")), "doc1");
    CHECK_INT(json_integer_value(json_object_get(j, "sentence_index")), 2);
    CHECK_STR(json_string_value(json_object_get(j, "date")), "2019-07-17");
    CHECK_STR(json_string_value(json_object_get(j, "date_source")), "resolved");
    CHECK_STR(json_string_value(json_object_get(j, "source")), "IRNGOV");
    CHECK_STR(json_string_value(json_object_get(j, "target")), "USA");
    CHECK_STR(json_string_value(json_object_get(j, "code")), "125");
    CHECK_STR(json_string_value(json_object_get(j, "root")), "12");
    CHECK_INT(json_integer_value(json_object_get(j, "quad_class")), 3);
    CHECK(json_real_value(json_object_get(j, "goldstein")) == -5.0);
    CHECK_STR(json_string_value(json_object_get(j, "trigger")), "will not negotiate");
    CHECK_STR(json_string_value(json_object_get(j, "rule")), "verbs.txt:12: NEGOTIATE");
    CHECK(json_is_null(json_object_get(j, "reported_by")));
    CHECK(json_is_true(json_object_get(j, "negated")));
    CHECK(json_is_false(json_object_get(j, "conditional")));
    CHECK_INT(json_object_size(j), 18);
    json_decref(j);
}

static void test_jsonl_nulls(void) {
    rl_event e = { .doc_id = NULL, .source = "RUS", .code = "190", .root = "19",
                   .quad_class = 4, .goldstein = -10.0 };
    char *out = render(RL_OUT_JSONL, &e, 0, false);
    CHECK(out != NULL);
    json_t *j = json_loads(out, 0, NULL);
    free(out);
    CHECK(j != NULL);
    const char *nullable[] = { "doc_id", "date", "date_source", "target", "source_text",
                               "target_text", "trigger", "sentence", "rule", "reported_by" };
    for (size_t i = 0; i < sizeof nullable / sizeof nullable[0]; i++)
        CHECK(json_is_null(json_object_get(j, nullable[i])));
    json_decref(j);
}

/* Quotes, backslashes, every control character, invalid UTF-8, a lone surrogate encoded
 * in UTF-8 and U+2028: the line must still parse and hold the same text (bad bytes as
 * U+FFFD). */
static void test_json_escaping(void) {
    char nasty[64];
    size_t k = 0;
    for (int c = 1; c < 0x20; c++) nasty[k++] = (char)c;
    nasty[k] = '\0';
    char text[256];
    snprintf(text, sizeof text, "a\"b\\c%s\xC3\xA9\xFF\xED\xA0\x80 \xE2\x80\xA8z", nasty);
    rl_event e = sample();
    e.sentence = text;
    char *out = render(RL_OUT_JSONL, &e, 0, false);
    CHECK(out != NULL);
    CHECK(count_char(out, '\n') == 1);   /* no raw newline inside the record */
    json_error_t jerr;
    json_t *j = json_loads(out, 0, &jerr);
    free(out);
    CHECK(j != NULL);
    const char *s = json_string_value(json_object_get(j, "sentence"));
    CHECK(s != NULL);
    CHECK(strncmp(s, "a\"b\\c", 5) == 0);
    CHECK(memcmp(s + 5, nasty, strlen(nasty)) == 0);
    const char *rest = s + 5 + strlen(nasty);
    /* é kept; 0xFF → U+FFFD; the 3 bytes of the encoded surrogate → 3 × U+FFFD. */
    CHECK_STR(rest, "\xC3\xA9\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xE2\x80\xA8z");
    json_decref(j);
}

static void test_tsv(void) {
    rl_event e = sample();
    e.sentence = "tab\there\nnew line \\ back";
    e.target = NULL;
    char *out = render(RL_OUT_TSV, &e, 0, true);
    CHECK(out != NULL);
    CHECK_INT(count_char(out, '\n'), 2);
    char *nl = strchr(out, '\n');
    CHECK(strncmp(out, "doc_id\tsentence_index\tdate\t", 27) == 0);
    CHECK_INT(count_char(nl + 1, '\t'), 17);    /* 18 columns */
    *nl = '\0';
    CHECK_INT(count_char(out, '\t'), 17);
    CHECK(strstr(nl + 1, "doc1\t2\t2019-07-17\tresolved\tIRNGOV\t\t125\t12\t3\t-5.0\tIran\t") == nl + 1);
    CHECK(strstr(nl + 1, "\ttab\\there\\nnew line \\\\ back\t") != NULL);
    CHECK(strstr(nl + 1, "\t\t1\t0\n") != NULL);   /* reported_by empty, negated, conditional */
    free(out);
}

/* Splits a line on tabs in place; returns the number of fields. */
static int split_tabs(char *line, char **fields, int max) {
    int n = 0;
    fields[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') { *p = '\0'; fields[n++] = p + 1; }
    return n;
}

static void test_phoenix(void) {
    rl_event e = sample();
    e.source = "IGOEUREEC";
    e.target = "USAGOV";
    char *out = render(RL_OUT_PHOENIX, &e, 4, true);
    CHECK(out != NULL);
    char *nl = strchr(out, '\n');
    CHECK(nl != NULL);
    *nl = '\0';
    char *f[40];
    CHECK_INT(split_tabs(out, f, 40), 26);
    CHECK_STR(f[0], "EventID");
    CHECK_STR(f[13], "EventCode");
    CHECK_STR(f[23], "SentenceID");
    CHECK_STR(f[25], "NewsSources");
    char *row = nl + 1;
    char *end = strchr(row, '\n');
    CHECK(end && end[1] == '\0');
    *end = '\0';
    CHECK_INT(split_tabs(row, f, 40), 26);
    CHECK_STR(f[0], "doc1-2-4");
    CHECK_STR(f[1], "20190717");
    CHECK_STR(f[2], "2019");
    CHECK_STR(f[3], "07");
    CHECK_STR(f[4], "17");
    CHECK_STR(f[5], "IGOEUREEC");
    CHECK_STR(f[6], "IGO");
    CHECK_STR(f[7], "EUR");
    CHECK_STR(f[8], "EEC");
    CHECK_STR(f[9], "USAGOV");
    CHECK_STR(f[10], "USA");
    CHECK_STR(f[11], "GOV");
    CHECK_STR(f[12], "");
    CHECK_STR(f[13], "125");
    CHECK_STR(f[14], "12");
    CHECK_STR(f[15], "3");
    CHECK_STR(f[16], "-5.0");
    CHECK_STR(f[23], "doc1-2");
    free(out);

    /* No target, no date: empty columns, still 26 of them. */
    e.target = NULL;
    e.date = NULL;
    e.source = "RUS";
    out = render(RL_OUT_PHOENIX, &e, 0, false);
    CHECK(out != NULL);
    out[strlen(out) - 1] = '\0';
    CHECK_INT(split_tabs(out, f, 40), 26);
    CHECK_STR(f[1], "");
    CHECK_STR(f[6], "RUS");
    CHECK_STR(f[7], "");
    CHECK_STR(f[9], "");
    free(out);
}

static void test_format_names(void) {
    rl_output_format f;
    CHECK(rl_output_format_parse("jsonl", &f) == 0 && f == RL_OUT_JSONL);
    CHECK(rl_output_format_parse("tsv", &f) == 0 && f == RL_OUT_TSV);
    CHECK(rl_output_format_parse("phoenix", &f) == 0 && f == RL_OUT_PHOENIX);
    CHECK(rl_output_format_parse("xml", &f) == -1);
    CHECK(rl_output_format_parse(NULL, &f) == -1);
}

int main(void) {
    RUN(test_jsonl_fields);
    RUN(test_jsonl_nulls);
    RUN(test_json_escaping);
    RUN(test_tsv);
    RUN(test_phoenix);
    RUN(test_format_names);
    return CHECK_DONE();
}
