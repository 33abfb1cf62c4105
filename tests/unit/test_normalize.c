/* test_normalize.c — UTF-8 repair, NUL and CR handling, NFC. */
#include "check.h"
#include "normalize.h"

typedef struct seen { int n; long offsets[8]; char last[600]; } seen;

static void collect(void *ctx, const rl_error *w) {
    seen *s = ctx;
    if (s->n < 8) {
        const char *at = strstr(w->reason, "offset ");
        s->offsets[s->n] = at ? atol(at + 7) : -1;
    }
    s->n++;
    snprintf(s->last, sizeof s->last, "%s", w->reason);
}

static char *norm(rl_arena *a, const char *in, size_t len, seen *s, size_t *out_len) {
    rl_norm_report rep = {.origin = "t", .record = 1, .warn = collect, .warn_ctx = s};
    return rl_normalize_text(a, in, len, out_len, &rep);
}

static void test_ascii_untouched(void) {
    rl_arena *a = rl_arena_new(0);
    seen s = {0};
    size_t n;
    const char *in = "Plain ASCII text, with punctuation: (a) 1,000.50 -- done.";
    char *out = norm(a, in, strlen(in), &s, &n);
    CHECK_STR(out, in);
    CHECK_INT(n, strlen(in));
    CHECK_INT(s.n, 0);
    rl_arena_free(a);
}

static void test_invalid_bytes_become_fffd(void) {
    rl_arena *a = rl_arena_new(0);
    seen s = {0};
    size_t n;
    const char in[] = "ab\xff" "cd\xc3(";        /* a stray byte and a cut-off sequence */
    char *out = norm(a, in, sizeof in - 1, &s, &n);
    CHECK_STR(out, "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD(");
    CHECK_INT(s.n, 2);
    CHECK_INT(s.offsets[0], 2);
    CHECK_INT(s.offsets[1], 5);
    rl_arena_free(a);
}

static void test_overlong_and_surrogates_rejected(void) {
    rl_arena *a = rl_arena_new(0);
    seen s = {0};
    size_t n;
    const char in[] = "\xC0\xAF|\xED\xA0\x80|\xF4\x90\x80\x80";
    char *out = norm(a, in, sizeof in - 1, &s, &n);
    CHECK(strstr(out, "/") == NULL);
    CHECK(s.n >= 3);
    rl_arena_free(a);
}

static void test_nul_is_reported_not_truncating(void) {
    rl_arena *a = rl_arena_new(0);
    seen s = {0};
    size_t n;
    const char in[] = "before\0after";
    char *out = norm(a, in, sizeof in - 1, &s, &n);
    CHECK_STR(out, "before after");
    CHECK_INT(n, 12);
    CHECK_INT(s.n, 1);
    CHECK_INT(s.offsets[0], 6);
    CHECK(strstr(s.last, "NUL") != NULL);
    rl_arena_free(a);
}

static void test_warnings_are_capped(void) {
    rl_arena *a = rl_arena_new(0);
    seen s = {0};
    size_t n;
    char in[100];
    memset(in, 0xFF, sizeof in);
    norm(a, in, sizeof in, &s, &n);
    CHECK(s.n <= 6);                          /* five offsets, then "N more" */
    CHECK(strstr(s.last, "95 more") != NULL);
    rl_arena_free(a);
}

static void test_line_ends_and_bom(void) {
    rl_arena *a = rl_arena_new(0);
    seen s = {0};
    size_t n;
    const char in[] = "\xEF\xBB\xBFone\r\ntwo\rthree\n";
    CHECK_STR(norm(a, in, sizeof in - 1, &s, &n), "one\ntwo\nthree\n");
    CHECK_INT(s.n, 0);
    rl_arena_free(a);
}

static void test_nfc(void) {
    rl_arena *a = rl_arena_new(0);
    seen s = {0};
    size_t n;
    const char in[] = "Cafe\xCC\x81 in Montre\xCC\x81" "al";   /* e + combining acute */
    CHECK_STR(norm(a, in, sizeof in - 1, &s, &n), "Caf\xC3\xA9 in Montr\xC3\xA9" "al");
    /* Curly quotes, dashes, no-break spaces and ellipses are kept as written. */
    const char q[] = "\xE2\x80\x9CYes\xE2\x80\x9D \xE2\x80\x94 a\xC2\xA0" "b\xE2\x80\xA6";
    CHECK_STR(norm(a, q, sizeof q - 1, &s, &n), q);
    rl_arena_free(a);
}

static void test_char_classes(void) {
    CHECK(rl_cp_is_space(0xA0));
    CHECK(rl_cp_is_space(0x2009));
    CHECK(rl_cp_is_space(0x3000));
    CHECK(!rl_cp_is_space(0x2014));
    CHECK(rl_cp_is_word(0xE9));        /* é */
    CHECK(rl_cp_is_word(0x0627));      /* Arabic alef */
    CHECK(!rl_cp_is_word(0x201C));
    CHECK(rl_cp_is_upper(0xC9));
    size_t n;
    CHECK_INT(rl_utf8_decode((const unsigned char *)"\xE2\x80\x99", 3, &n), 0x2019);
    CHECK_INT(n, 3);
}

int main(void) {
    RUN(test_ascii_untouched);
    RUN(test_invalid_bytes_become_fffd);
    RUN(test_overlong_and_surrogates_rejected);
    RUN(test_nul_is_reported_not_truncating);
    RUN(test_warnings_are_capped);
    RUN(test_line_ends_and_bom);
    RUN(test_nfc);
    RUN(test_char_classes);
    return CHECK_DONE();
}
