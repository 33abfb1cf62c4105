/* test_date.c — calendar arithmetic: leap years, month and year boundaries, weekdays,
 * parsing and formatting round trips. */
#include "check.h"
#include "date.h"

static void test_parse_and_write(void) {
    CHECK_INT(rl_date_parse("2019-07-18"), 20190718);
    CHECK_INT(rl_date_parse("2019-13-01"), 0);
    CHECK_INT(rl_date_parse("yesterday"), 0);
    CHECK_INT(rl_date_parse(NULL), 0);
    char buf[11];
    rl_date_write(20240229, buf);
    CHECK_STR(buf, "2024-02-29");
}

static void test_arithmetic(void) {
    CHECK_INT(rl_date_add(20240228, 1), 20240229);      /* leap year */
    CHECK_INT(rl_date_add(20230228, 1), 20230301);
    CHECK_INT(rl_date_add(20000228, 1), 20000229);      /* divisible by 400 */
    CHECK_INT(rl_date_add(21000228, 1), 21000301);      /* divisible by 100 only */
    CHECK_INT(rl_date_add(20191231, 1), 20200101);
    CHECK_INT(rl_date_add(20190301, -1), 20190228);
    CHECK_INT(rl_date_to_days(19700101), 0);
    CHECK_INT(rl_date_from_days(rl_date_to_days(20190718) + 365), 20200717);
}

static void test_weekday(void) {
    CHECK_INT(rl_date_weekday(20190718), 3);   /* a Thursday */
    CHECK_INT(rl_date_weekday(20190717), 2);   /* the Wednesday before */
    CHECK_INT(rl_date_weekday(19700101), 3);
    CHECK_INT(rl_date_weekday(19691231), 2);   /* before the epoch */
}

int main(void) {
    RUN(test_parse_and_write);
    RUN(test_arithmetic);
    RUN(test_weekday);
    return CHECK_DONE();
}
