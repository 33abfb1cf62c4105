/* normalize.c — byte-level repair (invalid UTF-8, NUL, CR) and NFC via utf8proc. */
#include "normalize.h"
#include "resources.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Warnings are capped per document: a binary file would otherwise print millions. */
#define WARN_CAP 5

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if s[0] starts an invalid one. */
static size_t utf8_valid_len(const unsigned char *s, size_t len) {
    unsigned c = s[0];
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;
    if (c < 0xE0) return len >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c < 0xF0) {
        if (len < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && s[1] < 0xA0) return 0;            /* overlong */
        if (c == 0xED && s[1] >= 0xA0) return 0;           /* surrogate */
        return 3;
    }
    if (c < 0xF5) {
        if (len < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80) return 0;
        if (c == 0xF0 && s[1] < 0x90) return 0;            /* overlong */
        if (c == 0xF4 && s[1] >= 0x90) return 0;           /* above U+10FFFF */
        return 4;
    }
    return 0;
}

/* Code points that NFC leaves alone whatever surrounds them: everything below the
 * combining marks, general punctuation (bar two singleton spaces) and currency signs.
 * Text made only of these skips utf8proc, which keeps ASCII-heavy news fast. */
static bool nfc_inert(uint32_t c) {
    return c < 0x300 || (c >= 0x2002 && c <= 0x206F) || (c >= 0x20A0 && c <= 0x20CF);
}

static void warn(rl_norm_report *rep, const char *what, size_t offset) {
    if (!rep || !rep->warn) return;
    rl_error w;
    rl_error_set(&w, RL_OK, rep->origin, rep->record, "%s at byte offset %zu", what, offset);
    if (rep->id) snprintf(w.id, sizeof w.id, "%s", rep->id);
    rep->warn(rep->warn_ctx, &w);
}

static void warn_more(rl_norm_report *rep, size_t n, const char *what) {
    if (!rep || !rep->warn || n <= WARN_CAP) return;
    rl_error w;
    rl_error_set(&w, RL_OK, rep->origin, rep->record, "%zu more %s not listed", n - WARN_CAP, what);
    if (rep->id) snprintf(w.id, sizeof w.id, "%s", rep->id);
    rep->warn(rep->warn_ctx, &w);
}

char *rl_normalize_text(rl_arena *a, const char *in, size_t len, size_t *out_len,
                        rl_norm_report *rep) {
    return rl_normalize_text_after(a, NULL, 0, in, len, out_len, rep);
}

char *rl_normalize_text_after(rl_arena *a, const char *prefix, size_t plen, const char *in,
                              size_t len, size_t *out_len, rl_norm_report *rep) {
    const unsigned char *s = (const unsigned char *)in;
    size_t invalid = 0, nul = 0, cr = 0, extra = 0, i = 0;
    bool need_nfc = false;
    rl_norm_report dummy = {0};
    if (!rep) rep = &dummy;

    /* Pass 1: measure what needs repair. */
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) i = 3;   /* BOM */
    size_t skip = i;
    while (i < len) {
        /* Eight plain ASCII bytes (no controls, no high bit) at a time. */
        while (i + 8 <= len) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            const uint64_t hi = 0x8080808080808080ull, k20 = 0x2020202020202020ull;
            if ((x & hi) || ((x - k20) & ~x & hi)) break;
            i += 8;
        }
        if (i >= len) break;
        unsigned c = s[i];
        if (c >= 0x20 && c < 0x80) { i++; continue; }
        if (c < 0x80) {
            if (c == 0) nul++;
            else if (c == '\r') cr++;
            i++;
            continue;
        }
        size_t n = utf8_valid_len(s + i, len - i);
        if (!n) { invalid++; extra += 2; i++; continue; }    /* 1 byte → 3-byte U+FFFD */
        if (!need_nfc) {
            size_t m;
            need_nfc = !nfc_inert(rl_utf8_decode(s + i, len - i, &m));
        }
        i += n;
    }
    rep->invalid_bytes += invalid;
    rep->nul_bytes += nul;

    char *out = rl_arena_alloc(a, plen + len - skip + extra + 1);
    if (!out) return NULL;
    if (plen) memcpy(out, prefix, plen);
    out += plen;
    size_t o = 0;
    if (!invalid && !nul && !cr) {
        memcpy(out, s + skip, len - skip);
        o = len - skip;
    } else {
        /* Pass 2: repair. */
        size_t ninv = 0, nnul = 0;
        for (i = skip; i < len;) {
            unsigned c = s[i];
            if (c == 0) {
                if (++nnul <= WARN_CAP) warn(rep, "NUL byte replaced by a space", i);
                out[o++] = ' ';
                i++;
            } else if (c == '\r') {
                out[o++] = '\n';
                i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
            } else if (c < 0x80) {
                out[o++] = (char)c;
                i++;
            } else {
                size_t n = utf8_valid_len(s + i, len - i);
                if (n) {
                    memcpy(out + o, s + i, n);
                    o += n;
                    i += n;
                } else {
                    if (++ninv <= WARN_CAP) warn(rep, "invalid UTF-8 byte replaced by U+FFFD", i);
                    memcpy(out + o, "\xEF\xBF\xBD", 3);
                    o += 3;
                    i++;
                }
            }
        }
        warn_more(rep, nnul, "NUL bytes");
        warn_more(rep, ninv, "invalid UTF-8 bytes");
    }
    out[o] = '\0';

    if (need_nfc) {
        utf8proc_uint8_t *nfc = NULL;
        utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)out, (utf8proc_ssize_t)o,
                                          &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (n < 0) {
            /* Cannot happen on validated text; keep the unnormalised text rather than fail. */
            warn(rep, "NFC normalisation failed; text kept as is", 0);
        } else {
            char *copy = rl_arena_alloc(a, plen + (size_t)n + 1);
            if (!copy) { free(nfc); return NULL; }
            if (plen) memcpy(copy, prefix, plen);
            memcpy(copy + plen, nfc, (size_t)n);
            copy[plen + (size_t)n] = '\0';
            free(nfc);
            out = copy + plen;
            o = (size_t)n;
        }
    }
    if (out_len) *out_len = plen + o;
    return out - plen;
}

bool rl_cp_is_word(uint32_t c) {
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    switch (utf8proc_category((utf8proc_int32_t)c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return true;
    default:
        return false;
    }
}

bool rl_cp_is_upper(uint32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}
