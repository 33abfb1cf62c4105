/* date.c — calendar arithmetic on YYYYMMDD integers (see date.h). */
#include "date.h"

#include <stdio.h>

/* Howard Hinnant's days-from-civil algorithm (proleptic Gregorian calendar). */
static long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int32_t civil_from_days(long z) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    return (int32_t)(y * 10000 + m * 100 + d);
}

int32_t rl_date_parse(const char *s) {
    if (!s) return 0;
    int y, m, d;
    char tail;
    if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) < 3) return 0;
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > 31) return 0;
    return (int32_t)(y * 10000 + m * 100 + d);
}

void rl_date_write(int32_t d, char out[11]) {
    unsigned u = d > 0 ? (unsigned)d : 0;
    snprintf(out, 11, "%04u-%02u-%02u", u / 10000 % 10000u, u / 100 % 100u, u % 100u);
}

char *rl_date_format(rl_arena *a, int32_t d) {
    char buf[11];
    rl_date_write(d, buf);
    return rl_arena_strdup(a, buf);
}

long rl_date_to_days(int32_t d) {
    return days_from_civil(d / 10000, d / 100 % 100, d % 100);
}

int32_t rl_date_from_days(long days) {
    return civil_from_days(days);
}

int32_t rl_date_add(int32_t d, int days) {
    return civil_from_days(rl_date_to_days(d) + days);
}

int rl_date_weekday(int32_t d) {
    long z = rl_date_to_days(d);
    /* 1970-01-01 was a Thursday (3 with Monday = 0) */
    long w = (z + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}
