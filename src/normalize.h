/* normalize.h — UTF-8 validation, NFC normalisation and the character classes the
 * tokenizer shares with the readers.
 *
 * Policy (see docs/ingestion.md):
 *  - invalid UTF-8 bytes become U+FFFD, with a warning naming the byte offset;
 *  - NUL bytes become spaces, with a warning (never silent truncation);
 *  - CR LF and lone CR become LF; a leading byte-order mark is dropped;
 *  - the text is NFC-normalised with utf8proc;
 *  - curly quotes, dashes, ellipses and non-breaking spaces are KEPT as they are, so
 *    offsets point at what the author wrote; the tokenizer treats them consistently
 *    (rl_cp_is_space() covers every Unicode space, quotes and dashes are punctuation).
 */
#ifndef RL_NORMALIZE_H
#define RL_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redline.h"
#include "arena.h"

typedef struct rl_norm_report {
    const char *origin;   /* file name for warnings */
    long record;          /* record number for warnings */
    const char *id;       /* document id for warnings, may be NULL */
    void (*warn)(void *ctx, const rl_error *w);
    void *warn_ctx;
    /* out: what had to be repaired */
    size_t invalid_bytes, nul_bytes, control_bytes;
} rl_norm_report;

/* Cleans len bytes of in into a new NUL-terminated arena string (*out_len bytes).
 * Returns NULL only when the arena is out of memory. */
char *rl_normalize_text(rl_arena *a, const char *in, size_t len, size_t *out_len,
                        rl_norm_report *rep);

/* The same, with prefix[0..plen) (already clean) copied in front of the result. */
char *rl_normalize_text_after(rl_arena *a, const char *prefix, size_t plen, const char *in,
                              size_t len, size_t *out_len, rl_norm_report *rep);

/* Decodes the code point at s[0..len) (len >= 1); *n = bytes used. Input must be valid
 * UTF-8 (normalised text is); a stray byte decodes as itself with *n = 1. */
static inline uint32_t rl_utf8_decode(const unsigned char *s, size_t len, size_t *n) {
    unsigned c = s[0];
    if (c < 0x80) { *n = 1; return c; }
    if (c >= 0xC2 && c < 0xE0 && len >= 2) { *n = 2; return ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu); }
    if (c >= 0xE0 && c < 0xF0 && len >= 3) {
        *n = 3; return ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    }
    if (c >= 0xF0 && len >= 4) {
        *n = 4;
        return ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
    }
    *n = 1;
    return c;
}

/* Every Unicode space separator, tabs, line ends, zero-width space and BOM. */
static inline bool rl_cp_is_space(uint32_t c) {
    if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
    return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

/* Letters, marks and digits of any script (word characters for the tokenizer). */
bool rl_cp_is_word(uint32_t c);
bool rl_cp_is_upper(uint32_t c);

#endif
