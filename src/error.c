/* error.c — errors as values. */
#include "resources.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void rl_error_set(rl_error *err, rl_status st, const char *file, long record,
                  const char *fmt, ...) {
    if (!err) return;
    err->status = st;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->record = record;
    err->id[0] = '\0';
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->reason, sizeof err->reason, fmt, ap);
    va_end(ap);
}

const char *rl_error_format(const rl_error *err, char *buf, size_t size) {
    size_t n = 0;
    buf[0] = '\0';
    if (err->file[0]) n += (size_t)snprintf(buf + n, size - n, "%s:", err->file);
    if (n < size && err->record > 0) n += (size_t)snprintf(buf + n, size - n, "%ld:", err->record);
    if (n < size && err->id[0]) n += (size_t)snprintf(buf + n, size - n, " %s:", err->id);
    if (n < size) snprintf(buf + n, size - n, "%s%s", n ? " " : "", err->reason);
    return buf;
}
