/* check.h — a tiny unit-test harness. Each test binary prints one line per test case,
 * "ok NAME" or "FAIL NAME: file:line: condition", and exits non-zero if any failed.
 * tests/run.sh counts those lines. Skips print "skip NAME: reason". */
#ifndef RL_CHECK_H
#define RL_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_failures_;
static int check_case_failed_;
static const char *check_case_name_;

#define CHECK(cond) do { \
    if (!(cond)) { \
        printf("FAIL %s: %s:%d: %s\n", check_case_name_, __FILE__, __LINE__, #cond); \
        check_case_failed_ = 1; return; \
    } } while (0)

#define CHECK_STR(a, b) do { \
    const char *check_a_ = (a), *check_b_ = (b); \
    if (!check_a_ || !check_b_ || strcmp(check_a_, check_b_) != 0) { \
        printf("FAIL %s: %s:%d: %s == %s (\"%s\" vs \"%s\")\n", check_case_name_, __FILE__, \
               __LINE__, #a, #b, check_a_ ? check_a_ : "(null)", check_b_ ? check_b_ : "(null)"); \
        check_case_failed_ = 1; return; \
    } } while (0)

#define CHECK_INT(a, b) do { \
    long long check_a_ = (long long)(a), check_b_ = (long long)(b); \
    if (check_a_ != check_b_) { \
        printf("FAIL %s: %s:%d: %s == %s (%lld vs %lld)\n", check_case_name_, __FILE__, \
               __LINE__, #a, #b, check_a_, check_b_); \
        check_case_failed_ = 1; return; \
    } } while (0)

#define SKIP(reason) do { printf("skip %s: %s\n", check_case_name_, reason); \
    check_case_failed_ = -1; return; } while (0)

#define RUN(fn) do { \
    check_case_name_ = #fn; check_case_failed_ = 0; fn(); \
    if (check_case_failed_ == 0) printf("ok %s\n", #fn); \
    else if (check_case_failed_ > 0) check_failures_++; \
    fflush(stdout); } while (0)

#define CHECK_DONE() (check_failures_ ? 1 : 0)

/* ../shared, if present: tests that read it skip cleanly when it is absent. */
static inline const char *check_shared_dir(void) {
    const char *d = getenv("REDLINE_SHARED");
    return d ? d : "../shared";
}

#endif
