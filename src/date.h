/* date.h — calendar dates as YYYYMMDD integers: parsing, formatting, day arithmetic.
 * Shared by the coder (relative dates) and the reports (daily series). */
#ifndef RL_DATE_H
#define RL_DATE_H

#include <stdint.h>

#include "arena.h"

/* "YYYY-MM-DD" → YYYYMMDD, 0 if absent or malformed. */
int32_t rl_date_parse(const char *s);
/* YYYYMMDD → "YYYY-MM-DD" in out. */
void rl_date_write(int32_t d, char out[11]);
/* YYYYMMDD → "YYYY-MM-DD" in the arena. */
char *rl_date_format(rl_arena *a, int32_t d);
/* Days since 1970-01-01, and back. */
long rl_date_to_days(int32_t d);
int32_t rl_date_from_days(long days);
/* YYYYMMDD moved by days (may be negative). */
int32_t rl_date_add(int32_t d, int days);
/* 0 = Monday ... 6 = Sunday. */
int rl_date_weekday(int32_t d);

#endif
