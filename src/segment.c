/* segment.c — sentence segmentation and UD English (EWT-style) tokenization.
 *
 * Three passes over a document's text:
 *   1. tokenize: the whole text into raw tokens (byte spans), noting the line breaks
 *      before each token; clitics, "cannot", number+unit splits happen here;
 *   2. lines: tokens are grouped into lines; each line is first checked for web-news
 *      furniture (a furniture line becomes one sentence of its kind);
 *   3. sentences: the remaining lines are split at . ! ? (plus closing quotes and
 *      brackets), never after titles or initials, always at paragraph breaks, and at a
 *      single line break unless the next line plainly continues the sentence.
 * Everything is linear in the text; raw tokens live in one growing vector per
 * document, the final tokens and forms in the document's arena. */
#include "segment.h"
#include "furniture.h"
#include "normalize.h"
#include "resources.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Sentences longer than this are cut at the next comma, and hard at MAX_SENT_TOKENS:
 * a 50 MB line without punctuation must not become one sentence for the parser. */
#define SOFT_SENT_TOKENS 200
#define MAX_SENT_TOKENS 300
/* A document with more tokens is refused: 2 M tokens is about 10 MB of English, far
 * beyond any article, and keeps per-document memory near 200 MB at worst. */
#define MAX_DOC_TOKENS 2000000

typedef struct rtok {
    uint32_t start, end;
    uint8_t nl;            /* line breaks before the token: 0, 1, or 2 (= blank line) */
    bool space_after;
} rtok;

typedef struct tokvec { rtok *v; size_t n, cap; bool oom, too_many; } tokvec;

static inline void push(tokvec *tv, size_t start, size_t end, int nl) {
    if (tv->oom || end <= start) return;
    if (tv->n >= MAX_DOC_TOKENS) { tv->too_many = tv->oom = true; return; }
    if (tv->n == tv->cap) {
        size_t cap = tv->cap ? tv->cap * 2 : 1024;
        rtok *v = realloc(tv->v, cap * sizeof *v);
        if (!v) { tv->oom = true; return; }
        tv->v = v;
        tv->cap = cap;
    }
    rtok *r = &tv->v[tv->n++];
    r->start = (uint32_t)start;
    r->end = (uint32_t)end;
    r->nl = (uint8_t)(nl > 2 ? 2 : nl);
    r->space_after = false;
}

/* ---- character helpers -------------------------------------------------------------- */

static inline uint32_t cp_at(const char *t, size_t len, size_t i, size_t *n) {
    if (i >= len) { *n = 0; return 0; }
    return rl_utf8_decode((const unsigned char *)t + i, len - i, n);
}

/* ASCII letters and digits (bytes >= 0x80 are decoded separately). */
static const unsigned char ascii_word[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

static inline bool alnum_ascii(unsigned char c) { return ascii_word[c] != 0; }

static inline bool is_word_at(const char *t, size_t len, size_t i) {
    size_t n;
    if (i >= len) return false;
    unsigned char c = (unsigned char)t[i];
    if (c < 0x80) return alnum_ascii(c);
    return rl_cp_is_word(cp_at(t, len, i, &n));
}

static inline bool is_digit_at(const char *t, size_t len, size_t i) {
    return i < len && t[i] >= '0' && t[i] <= '9';
}

static inline bool is_alpha_at(const char *t, size_t len, size_t i) {
    if (i >= len) return false;
    unsigned char c = (unsigned char)t[i];
    if (c < 0x80) return isalpha(c) != 0;
    size_t n;
    uint32_t cp = cp_at(t, len, i, &n);
    return rl_cp_is_word(cp) && !(cp >= 0x660 && cp <= 0x669);
}

/* Apostrophe at i: ' or U+2019; returns its length or 0. */
static inline size_t apostrophe_at(const char *t, size_t len, size_t i) {
    if (i < len && t[i] == '\'') return 1;
    if (i + 2 < len && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
        (unsigned char)t[i + 2] == 0x99)
        return 3;
    return 0;
}

/* These run for every word: no strlen, and most calls stop at the first byte. */
static inline char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c; }

static bool eq_ci(const char *s, size_t n, const char *lit) {
    for (size_t i = 0; i < n; i++)
        if (!lit[i] || lower_ascii(s[i]) != lit[i]) return false;
    return lit[n] == '\0';
}

static bool eq_cs(const char *s, size_t n, const char *lit) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != lit[i] || !lit[i]) return false;
    return lit[n] == '\0';
}

static bool in_list_ci(const char *s, size_t n, const char *const *list) {
    for (int i = 0; list[i]; i++)
        if (eq_ci(s, n, list[i])) return true;
    return false;
}

static bool in_list_cs(const char *s, size_t n, const char *const *list) {
    for (int i = 0; list[i]; i++)
        if (eq_cs(s, n, list[i])) return true;
    return false;
}

/* ---- word lists --------------------------------------------------------------------- */

/* Hyphenated words EWT keeps whole have one of these as their first part. */
static const char *const hyphen_prefixes[] = {
    "e", "co", "pre", "post", "non", "semi", "re", "anti", "pro", "mid", "ex", "multi", "sub",
    "un", "vice", "socio", "inter", "intra", "counter", "micro", "macro", "mini", "neo", "over",
    "psycho", "bi", "tri", "quasi", "pseudo", "ultra", "cyber", "geo", "euro", "afro", "self",
    "x", "t", "u", "de", "dis", "mis", "trans", "super", "hyper", "infra", "meta", "mega", NULL};

/* Abbreviations that keep their period (case-sensitive; sorted by byte value for
 * bsearch — keep it sorted when adding). */
static const char *const abbrevs[] = {
    "Adm", "Ala", "Apr", "Ariz", "Ark", "Assn", "Aug", "Ave", "Blvd", "Brig", "Bros",
    "Calif", "Capt", "Cdr", "Cmdr", "Co", "Col", "Colo", "Conn", "Corp", "Cos", "Cpl",
    "Cpt", "Dec", "Dept", "Dr", "Esq", "Feb", "Fig", "Fla", "Fri", "Ft", "Ga",
    "Gen", "Gens", "Gov", "Govt", "Hon", "Inc", "Insp", "Jan", "Jos", "Jr",
    "Jul", "Jun", "Kan", "Ky", "Lt", "Ltd", "Maj", "Mar", "Md", "Messrs",
    "Mich", "Minn", "Mmes", "Mon", "Mont", "Mr", "Mrs", "Ms", "Mt", "Neb",
    "Nev", "Nov", "Oct", "Okla", "Ore", "Pa", "Penn", "Ph", "Pres", "Prof", "Pvt",
    "Rd", "Rep", "Reps", "Rev", "Sen", "Sens", "Sep", "Sept", "Sgt", "Sr", "St",
    "Supt", "Tenn", "Tex", "Thu", "Thur", "Thurs", "Tue", "Tues", "Univ", "Va",
    "Vol", "Vt", "Wed", "Wis", "Wm", "Wyo", "al", "approx", "cf", "dept",
    "est", "etc", "fig", "pp", "viz", "vol", "vs",
};

/* Of those, the titles that never close a sentence (the rest may, before a typical
 * sentence opener: "based in Little Rock, Ark. The company ..."). */
static const char *const title_abbrevs[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Gov", "Sen", "Rep", "Lt", "Col", "Capt", "Cpt",
    "Sgt", "Maj", "Adm", "Cmdr", "Cdr", "Brig", "Rev", "Hon", "Pres", "Supt", "Insp", "St",
    "Ft", "Mt", "Messrs", "Mmes", "Gens", "Reps", "Sens", "Pvt", "Cpl", "Jos", "Wm", "Fig",
    "fig", "Vol", "vol", "pp", "No", "vs", "cf", "viz", "approx", "Ph", NULL};

/* Units split from a number before them: "$1m" → $ 1 m, "5pm" → 5 pm. */
static const char *const units[] = {
    "m", "bn", "b", "k", "pm", "am", "km", "kg", "mph", "ft", "cm", "mm", "lb", "lbs", "tn",
    "mn", "gb", "mb", "kb", "tb", "ghz", "mhz", "hz", "kw", "mw", "gw", "kwh", "ml", "oz",
    "yr", "yrs", "min", "mins", "hr", "hrs", "sec", "secs", "g", "mg", "p", "tr", "trn", "x", NULL};

/* Words that begin sentences; after "U.S." or "etc." they signal a boundary. */
static const char *const starters[] = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In", "On",
    "At", "This", "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our",
    "My", "However", "Meanwhile", "So", "If", "When", "While", "After", "Before", "As",
    "For", "What", "Who", "Why", "How", "Some", "Many", "Most", "Other", "Officials",
    "Mr", "Mrs", "Ms", "Dr", "Yet", "Still", "Also", "Then", "Now", "Last", "Earlier", NULL};

/* Clitic-less spellings EWT splits: "dont" → do + nt. */
static const char *const nt_fused[] = {
    "dont", "didnt", "doesnt", "isnt", "wasnt", "couldnt", "wouldnt", "shouldnt", "havent",
    "hasnt", "arent", "werent", "aint", NULL};

typedef struct span_key { const char *s; size_t n; } span_key;

static int cmp_span(const void *k, const void *e) {
    const span_key *key = k;
    const char *w = *(const char *const *)e;
    size_t wn = strlen(w);
    int c = memcmp(key->s, w, key->n < wn ? key->n : wn);
    return c ? c : (key->n > wn) - (key->n < wn);
}

static bool is_abbrev(const char *s, size_t n) {
    span_key key = {s, n};
    return n <= 6 && bsearch(&key, abbrevs, sizeof abbrevs / sizeof abbrevs[0], sizeof abbrevs[0],
                             cmp_span) != NULL;
}

/* ---- tokenizer ---------------------------------------------------------------------- */

static bool url_at(const char *t, size_t len, size_t i) {
    size_t r = len - i;
    const char *p = t + i;
    return (r > 7 && !strncasecmp(p, "http://", 7)) || (r > 8 && !strncasecmp(p, "https://", 8)) ||
           (r > 6 && !strncasecmp(p, "ftp://", 6)) ||
           (r > 4 && !strncasecmp(p, "www.", 4) && is_word_at(t, len, i + 4));
}

static size_t scan_url(const char *t, size_t len, size_t i) {
    size_t j = i, parens = 0;
    while (j < len) {
        unsigned char c = (unsigned char)t[j];
        if (c <= ' ' || c == '"' || c == '<' || c == '>') break;
        if (c >= 0x80) {
            size_t n;
            uint32_t cp = cp_at(t, len, j, &n);
            if (rl_cp_is_space(cp) || (cp >= 0x2018 && cp <= 0x201D)) break;
            j += n;
            continue;
        }
        if (c == '(') parens++;
        if (c == ')') { if (!parens) break; parens--; }
        j++;
    }
    /* Sentence punctuation after a URL is not part of it. */
    while (j > i + 1 && strchr(".,;:!?'", t[j - 1])) j--;
    return j;
}

/* Emoticons such as :) :-( ;) :D at i (preceded by a space or line start). */
static size_t emoticon_at(const char *t, size_t len, size_t i) {
    if (t[i] != ':' && t[i] != ';') return 0;
    size_t j = i + 1;
    if (j < len && t[j] == '-') j++;
    if (j < len && (t[j] == ')' || t[j] == '(' || t[j] == 'D' || t[j] == 'P' || t[j] == 'p')) {
        j++;
        if (j >= len || !is_word_at(t, len, j)) return j - i;
    }
    return 0;
}

/* Pushes the word t[s..e), splitting "cannot", "gonna", "dont" and number+unit. */
static void push_word(tokvec *tv, const char *t, size_t s, size_t e, int nl) {
    size_t n = e - s;
    const char *w = t + s;
    char last = lower_ascii(w[n - 1]);
    if (n == 6 && eq_ci(w, n, "cannot")) { push(tv, s, s + 3, nl); push(tv, s + 3, e, 0); return; }
    if (n == 5 && last == 'a' &&
        (eq_ci(w, n, "gonna") || eq_ci(w, n, "wanna") || eq_ci(w, n, "gotta"))) {
        push(tv, s, s + 3, nl);
        push(tv, s + 3, e, 0);
        return;
    }
    if (last == 't' && n >= 4 && n <= 8 && lower_ascii(w[n - 2]) == 'n' && in_list_ci(w, n, nt_fused)) {
        push(tv, s, e - 2, nl);
        push(tv, e - 2, e, 0);
        return;
    }
    if (w[0] >= '0' && w[0] <= '9') {
        size_t k = 0;
        while (k < n && (isdigit((unsigned char)w[k]) || w[k] == '.' || w[k] == ',')) k++;
        if (k < n && k > 0 && isdigit((unsigned char)w[k - 1]) && in_list_ci(w + k, n - k, units)) {
            bool alpha = true;
            for (size_t q = k; q < n; q++) alpha &= isalpha((unsigned char)w[q]) != 0;
            if (alpha) { push(tv, s, s + k, nl); push(tv, s + k, e, 0); return; }
        }
    }
    push(tv, s, e, nl);
}

/* True when the word w (with internal dots, no final one) takes the period after it. */
static bool takes_period(const char *t, size_t len, size_t s, size_t e) {
    const char *w = t + s;
    size_t n = e - s;
    if (is_abbrev(w, n)) return true;
    if (n == 1 && isupper((unsigned char)w[0])) return true;            /* initial: J. */
    if ((n == 2 && !memcmp(w, "No", 2)) || (n == 2 && !memcmp(w, "no", 2))) {
        size_t k = e + 1;
        while (k < len && t[k] == ' ') k++;
        return is_digit_at(t, len, k);                                   /* No. 5 */
    }
    /* Dotted abbreviations: U.S, e.g, a.m, Ph.D — every part at most 2 letters. */
    if (memchr(w, '.', n)) {
        size_t part = 0;
        bool letters = true;
        for (size_t k = 0; k < n; k++) {
            if (w[k] == '.') { if (part == 0 || part > 2) return false; part = 0; continue; }
            if (!isalpha((unsigned char)w[k])) letters = false;
            part++;
        }
        return letters && part > 0 && part <= 2;
    }
    return false;
}

static void tokenize(const char *t, size_t len, tokvec *tv) {
    size_t i = 0;
    int nl = 0;
    bool any = false;
    while (i < len && !tv->oom) {
        unsigned char c = (unsigned char)t[i];
        size_t cl = 1;
        uint32_t cp = c;
        if (c >= 0x80) cp = cp_at(t, len, i, &cl);
        if (rl_cp_is_space(cp)) {
            if (cp == '\n' || cp == 0x2028 || cp == 0x2029) nl += cp == 0x2029 ? 2 : 1;
            if (tv->n) tv->v[tv->n - 1].space_after = true;
            i += cl;
            continue;
        }
        int tnl = any ? nl : 0;
        any = true;
        nl = 0;
        if (((c | 0x20) == 'h' || (c | 0x20) == 'w' || (c | 0x20) == 'f') && i + 5 < len &&
            (t[i + 3] == '.' || t[i + 3] == ':' || t[i + 4] == ':' || t[i + 5] == ':') &&
            url_at(t, len, i)) {
            size_t e = scan_url(t, len, i);
            push(tv, i, e, tnl);
            i = e;
            continue;
        }
        if (c < 0x80 ? alnum_ascii(c) : rl_cp_is_word(cp)) {
            size_t s = i, j = i, seg = i;   /* seg: start of the current hyphen part */
            for (;;) {
                for (;;) {
                    /* Fast path; the text's terminating NUL stops it at len. */
                    while (ascii_word[(unsigned char)t[j]]) j++;
                    if (j >= len || (unsigned char)t[j] < 0x80 || !is_word_at(t, len, j)) break;
                    size_t n;
                    cp_at(t, len, j, &n);
                    j += n;
                }
                if (j >= len || t[j] == ' ') break;
                char d = t[j];
                size_t al;
                if (d == '.' && is_word_at(t, len, j + 1) && !(j + 1 < len && t[j + 1] == '.')) {
                    j++;
                } else if (d == ',' && is_digit_at(t, len, j - 1) && is_digit_at(t, len, j + 1) &&
                           is_digit_at(t, len, j + 2) && is_digit_at(t, len, j + 3) &&
                           !is_digit_at(t, len, j + 4)) {
                    j++;
                } else if ((d == ':' || d == '/') && is_digit_at(t, len, j - 1) &&
                           is_digit_at(t, len, j + 1)) {
                    j++;
                } else if (d == '-' && is_word_at(t, len, j + 1)) {
                    bool numeric = is_digit_at(t, len, seg) && is_digit_at(t, len, j + 1) &&
                                   is_digit_at(t, len, j - 1);
                    if (!numeric && !in_list_ci(t + seg, j - seg, hyphen_prefixes)) break;
                    j++;
                    seg = j;
                } else if ((d == '@' || d == '_') && is_word_at(t, len, j + 1)) {
                    j++;
                } else if (d == '&' && j - s <= 3 && isupper((unsigned char)t[s]) &&
                           j + 1 < len && isupper((unsigned char)t[j + 1])) {
                    j++;                                            /* AT&T, S&P */
                } else if ((al = apostrophe_at(t, len, j)) != 0) {
                    size_t k = j + al, m = k;
                    while (m < len && is_alpha_at(t, len, m)) m++;
                    size_t sl = m - k;
                    bool end = !is_word_at(t, len, m);
                    if (end && (eq_ci(t + k, sl, "s") || eq_ci(t + k, sl, "re") ||
                                eq_ci(t + k, sl, "ll") || eq_ci(t + k, sl, "ve") ||
                                eq_ci(t + k, sl, "d") || eq_ci(t + k, sl, "m"))) {
                        push_word(tv, t, s, j, tnl);
                        push(tv, j, m, 0);
                        s = j = m;
                        tnl = 0;
                        break;
                    }
                    if (end && eq_ci(t + k, sl, "t") && j - s >= 2 &&
                        (t[j - 1] == 'n' || t[j - 1] == 'N')) {
                        push_word(tv, t, s, j - 1, tnl);            /* do|n't, ca|n't */
                        push(tv, j - 1, m, 0);
                        s = j = m;
                        tnl = 0;
                        break;
                    }
                    if (sl > 0 && !end) break;
                    if (sl > 0) { j = m; continue; }                 /* O'Brien */
                    break;                                           /* closing quote */
                } else {
                    break;
                }
            }
            if (j > s) {
                /* A period after an abbreviation or initial belongs to it. */
                if (j < len && t[j] == '.' && !(j + 1 < len && t[j + 1] == '.') &&
                    takes_period(t, len, s, j)) {
                    push(tv, s, j + 1, tnl);
                } else {
                    push_word(tv, t, s, j, tnl);
                    i = j;
                    continue;
                }
                j++;
            }
            i = j;
            continue;
        }
        /* Punctuation and symbols. */
        size_t e = i + cl;
        size_t em;
        if ((c == ':' || c == ';') && (i == 0 || rl_cp_is_space((unsigned char)t[i - 1])) &&
            (em = emoticon_at(t, len, i)) != 0) {
            e = i + em;
        } else if (c == '.' || c == '!' || c == '?' || cp == 0x2026) {
            /* "...", "!!", "?!" and "…" runs are one token. */
            while (e < len) {
                unsigned char d = (unsigned char)t[e];
                if (d == '.' || d == '!' || d == '?') e++;
                else if (d == 0xE2 && e + 2 < len && (unsigned char)t[e + 1] == 0x80 &&
                         (unsigned char)t[e + 2] == 0xA6) e += 3;
                else break;
            }
        } else if (cp == 0x2018 || cp == 0x2019) {
            /* Doubled single quotes (‘’ ’’) stand for a double quote: one token. */
            while (e + 2 < len && (unsigned char)t[e] == 0xE2 && (unsigned char)t[e + 1] == 0x80 &&
                   ((unsigned char)t[e + 2] == 0x98 || (unsigned char)t[e + 2] == 0x99))
                e += 3;
        } else if (c < 0x80 && strchr("-*_=~#<>+^|\\/`'", c)) {
            while (e < len && (unsigned char)t[e] == c) e++;
        }
        push(tv, i, e, tnl);
        i = e;
    }
}

/* ---- sentence assembly -------------------------------------------------------------- */

typedef struct seg {
    rl_document *doc;
    const char *t;
    size_t len;
    rtok *tok;
    size_t ntok;
    rl_sentence *sent;       /* growing vector (malloc) */
    size_t nsent, csent;
    int paragraph;
    int quote_depth;         /* open double quotes in the current paragraph */
    bool seen_content;       /* a headline or body sentence has been emitted */
    bool oom;
} seg;

static inline bool tok_is(const seg *g, size_t k, const char *lit) {
    const char *w = g->t + g->tok[k].start;
    return w[0] == lit[0] && eq_cs(w, g->tok[k].end - g->tok[k].start, lit);   /* cheap miss */
}

static bool tok_list_number(const seg *g, size_t k) {
    size_t n = g->tok[k].end - g->tok[k].start;
    const char *w = g->t + g->tok[k].start;
    return n <= 2 && isdigit((unsigned char)w[0]) && isdigit((unsigned char)w[n - 1]);
}

static inline bool tok_final(const seg *g, size_t k) {
    const char *w = g->t + g->tok[k].start;
    unsigned char c = (unsigned char)w[0];
    return c == '.' || c == '!' || c == '?' || tok_is(g, k, "\xE2\x80\xA6");
}

static bool tok_opens_quote(const seg *g, size_t k) {
    if (tok_is(g, k, "\xE2\x80\x9C")) return true;
    if (tok_is(g, k, "\"")) return k == 0 || g->tok[k - 1].space_after || g->tok[k].nl;
    return false;
}

static bool tok_closes(const seg *g, size_t k) {
    if (tok_is(g, k, "\xE2\x80\x9D") || tok_is(g, k, "\xE2\x80\x99") || tok_is(g, k, ")") ||
        tok_is(g, k, "]") || tok_is(g, k, "}") || tok_is(g, k, "'") || tok_is(g, k, "''"))
        return true;
    if (tok_is(g, k, "\"")) return !tok_opens_quote(g, k);
    return false;
}

static bool tok_lower_word(const seg *g, size_t k) {
    unsigned char c = (unsigned char)g->t[g->tok[k].start];
    if (c < 0x80) return islower(c) != 0;
    size_t n;
    uint32_t cp = cp_at(g->t, g->len, g->tok[k].start, &n);
    return rl_cp_is_word(cp) && !rl_cp_is_upper(cp) && !(cp >= 0x2000);
}

static bool tok_upper_word(const seg *g, size_t k) {
    unsigned char c = (unsigned char)g->t[g->tok[k].start];
    if (c < 0x80) return isupper(c) != 0;
    size_t n;
    return rl_cp_is_upper(cp_at(g->t, g->len, g->tok[k].start, &n));
}

/* Emits tokens [a, b) as one sentence of the given kind. */
static void emit(seg *g, size_t a, size_t b, rl_sentence_kind kind, bool in_quote) {
    if (g->oom || b <= a) return;
    rl_arena *ar = g->doc->arena;
    if (g->nsent == g->csent) {
        size_t cap = g->csent ? g->csent * 2 : 32;
        rl_sentence *v = realloc(g->sent, cap * sizeof *v);
        if (!v) { g->oom = true; return; }
        g->sent = v;
        g->csent = cap;
    }
    size_t nt = b - a;
    /* Forms: one copy of the sentence's bytes, where the space after a token becomes
     * its NUL; tokens with no space after them are copied behind it. The span plus one
     * byte per token is always enough. */
    uint32_t base = g->tok[a].start;
    size_t span = g->tok[b - 1].end - base;
    rl_token *toks = rl_arena_alloc(ar, nt * sizeof *toks);
    char *copy = rl_arena_alloc(ar, span + 1 + nt + (g->tok[b - 1].end - g->tok[a].start));
    if (!toks || !copy) { g->oom = true; return; }
    memcpy(copy, g->t + base, span);
    copy[span] = '\0';
    char *extra = copy + span + 1;
    for (size_t k = a; k < b; k++) {
        const rtok *r = &g->tok[k];
        size_t n = r->end - r->start;
        char *form;
        if (k + 1 == b || g->tok[k + 1].start > r->end) {
            form = copy + (r->start - base);        /* followed by a space: in place */
            form[n] = '\0';
        } else {
            form = extra;
            memcpy(form, g->t + r->start, n);
            form[n] = '\0';
            extra += n + 1;
        }
        rl_token *t = &toks[k - a];
        t->form = form;
        t->lemma = t->upos = t->xpos = t->feats = t->deprel = NULL;
        t->head = -1;
        t->start = r->start;
        t->end = r->end;
        t->space_after = r->space_after;
    }
    rl_sentence *s = &g->sent[g->nsent++];
    memset(s, 0, sizeof *s);
    s->start = g->tok[a].start;
    s->end = g->tok[b - 1].end;
    s->paragraph = g->paragraph;
    s->kind = kind;
    s->tokens = toks;
    s->ntokens = (int)nt;
    s->in_quote = in_quote;
    if (kind == RL_SENT_BODY || kind == RL_SENT_HEADLINE) g->seen_content = true;
    /* "..., he said:" at the end of a sentence introduces the quotation that follows. */
    if (nt >= 2 && tok_is(g, b - 1, ":")) {
        static const char *const verbs[] = {"said", "says", "added", "adds", "wrote", "writes",
            "stated", "states", "told", "declared", "announced", "warned", "explained",
            "noted", "tweeted", "continued", "insisted", "stressed", "asserted", "argued",
            "commented", "replied", "responded", "concluded", "claimed", "saying", NULL};
        const rtok *v = &g->tok[b - 2];
        s->introduces_quote = in_list_ci(g->t + v->start, v->end - v->start, verbs);
    }
}

/* Does a sentence boundary follow the final punctuation token at k? Returns the index
 * just past the sentence (after closing quotes/brackets), or 0 for no boundary. */
static size_t boundary_after(seg *g, size_t k, size_t line_end) {
    size_t e = k + 1;
    while (e < line_end && !g->tok[e - 1].space_after && tok_closes(g, e)) e++;
    /* Stray final punctuation belongs to this sentence: 'decision?".', "the US. ." */
    while (e < line_end && tok_final(g, e) && !tok_is(g, e, "...")) {
        e++;
        while (e < line_end && !g->tok[e - 1].space_after && tok_closes(g, e)) e++;
    }
    if (e >= line_end) return e;
    /* '"Why?" he asked' continues; otherwise even a lowercase word starts a new
     * sentence (abbreviations have taken their periods already; web text is casual). */
    if (tok_lower_word(g, e) && e > k + 1 && !tok_is(g, e - 1, ")") && !tok_is(g, e - 1, "]"))
        return 0;
    const char *w = g->t + g->tok[e].start;
    if (strchr(",;:)]}%", w[0])) return 0;
    if (tok_is(g, k, "...") || tok_is(g, k, "\xE2\x80\xA6"))
        return tok_upper_word(g, e) || tok_opens_quote(g, e) ? e : 0;
    return e;
}

/* After an abbreviation that took the period (U.S., etc., Inc.): a boundary only when a
 * typical sentence opener follows. */
static size_t boundary_after_abbrev(seg *g, size_t k, size_t line_end) {
    const rtok *r = &g->tok[k];
    const char *w = g->t + r->start;
    size_t n = r->end - r->start - 1;
    bool dotted = memchr(w, '.', n) != NULL;
    if (!dotted && in_list_cs(w, n, title_abbrevs)) return 0;
    if (n == 1) return 0;                                            /* initials */
    size_t e = k + 1;
    while (e < line_end && !g->tok[e - 1].space_after && tok_closes(g, e)) e++;
    if (e >= line_end) return e;
    size_t en = g->tok[e].end - g->tok[e].start;
    if (in_list_cs(g->t + g->tok[e].start, en, starters) || tok_opens_quote(g, e)) return e;
    return 0;
}

/* Words that leave a line unfinished when it is followed by a single line break. */
static bool line_continues(const seg *g, size_t last, size_t next) {
    if (tok_lower_word(g, next)) return true;
    const char *w = g->t + g->tok[last].start;
    size_t n = g->tok[last].end - g->tok[last].start;
    static const char *const glue[] = {"and", "or", "of", "the", "to", "a", "an", "in", "for",
                                       "with", "by", "on", "at", "that", NULL};
    return (n == 1 && strchr(",;-", w[0])) || in_list_cs(w, n, glue);
}

static void update_quotes(seg *g, size_t a, size_t b) {
    for (size_t k = a; k < b; k++) {
        unsigned char c = (unsigned char)g->t[g->tok[k].start];
        if (c != '"' && c != 0xE2) continue;                 /* fast path: not a quote */
        if (tok_opens_quote(g, k)) g->quote_depth = 1;
        else if (tok_is(g, k, "\xE2\x80\x9D") || (tok_is(g, k, "\"") && tok_closes(g, k)))
            g->quote_depth = 0;
    }
}

/* Is sentence [a, b) quoted speech: inside a quotation opened earlier, or opening one
 * that is still open at its end or closes exactly there? Updates the quote state. */
static bool quoted(seg *g, size_t a, size_t b) {
    bool before = g->quote_depth > 0 && !tok_opens_quote(g, a);
    update_quotes(g, a, b);
    bool opens = tok_opens_quote(g, a) && (g->quote_depth > 0 || tok_closes(g, b - 1));
    return before || opens;
}

/* Splits tokens [a, b) of running text into sentences. */
static void split_text(seg *g, size_t a, size_t b, bool headline_ok) {
    size_t s = a;
    for (size_t k = a; k < b && !g->oom; k++) {
        size_t e = 0;
        const rtok *r = &g->tok[k];
        if (tok_final(g, k)) {
            /* "1. First point": the period of a list number ends nothing. */
            if (k == s + 1 && tok_list_number(g, s) && tok_is(g, k, ".")) continue;
            e = boundary_after(g, k, b);
        } else if (tok_is(g, k, ":") && k + 3 < b && tok_list_number(g, k + 1) &&
                   tok_is(g, k + 2, ".") && tok_upper_word(g, k + 3)) {
            e = k + 1;                                            /* "problems: 1. It" */
        } else if (r->end - r->start > 1 && g->t[r->end - 1] == '.') {
            e = boundary_after_abbrev(g, k, b);
        } else if (k + 1 - s >= SOFT_SENT_TOKENS &&
                   (tok_is(g, k, ",") || tok_is(g, k, ";") || k + 1 - s >= MAX_SENT_TOKENS)) {
            e = k + 1;
        }
        if (e && e < b && e > k) {
            emit(g, s, e, RL_SENT_BODY, quoted(g, s, e));
            s = e;
            k = e - 1;
        }
    }
    if (s < b) {
        /* The rest: a sentence, or a headline when it lacks final punctuation. */
        size_t last = b - 1;
        while (last > s && tok_closes(g, last)) last--;
        bool unpunct = !tok_final(g, last) && !tok_is(g, last, ":") &&
                       !(g->t[g->tok[last].end - 1] == '.');
        rl_sentence_kind kind = unpunct && headline_ok && !g->seen_content && b - s <= 40
                                    ? RL_SENT_HEADLINE : RL_SENT_BODY;
        emit(g, s, b, kind, quoted(g, s, b));
    }
}

typedef struct line { size_t a, b; } line;

int rl_segment_document(rl_document *doc, rl_error *err) {
    if (!doc || !doc->arena) {
        rl_error_set(err, RL_ERR_USAGE, "", 0, "no document");
        return -1;
    }
    if (doc->pretokenized) return 0;
    doc->sentences = NULL;
    doc->nsentences = 0;
    if (!doc->text || doc->text_len == 0) return 0;
    if (doc->text_len > UINT32_MAX - 1) {
        rl_error_set(err, RL_ERR_LIMIT, doc->origin, doc->record, "document too large to segment");
        return -1;
    }
    tokvec tv = {0};
    tokenize(doc->text, doc->text_len, &tv);
    line *lines = NULL;
    size_t nlines = 0;
    seg g = {.doc = doc, .t = doc->text, .len = doc->text_len, .tok = tv.v, .ntok = tv.n};
    if (!tv.oom && tv.n) {
        /* Lines: a token with a line break before it starts one. */
        size_t cap = 64;
        lines = malloc(cap * sizeof *lines);
        if (!lines) g.oom = true;
        for (size_t k = 0; k < tv.n && !g.oom; k++) {
            if (k == 0 || tv.v[k].nl) {
                if (nlines == cap) {
                    line *nl = realloc(lines, (cap *= 2) * sizeof *nl);
                    if (!nl) { g.oom = true; break; }
                    lines = nl;
                }
                lines[nlines++] = (line){k, k};
            }
            lines[nlines - 1].b = k + 1;
        }
    }
    /* Lines of running text accumulate in [run_a, run_b) until a sentence can close. */
    size_t run_a = 0, run_b = 0;
    bool run_headline_ok = false;
    for (size_t li = 0; li < nlines && !g.oom && !tv.oom; li++) {
        line *L = &lines[li];
        const rtok *first = &tv.v[L->a], *lastt = &tv.v[L->b - 1];
        if (first->nl >= 2 && li > 0) g.quote_depth = 0;
        rl_line_info info = {.text = doc->text + first->start, .len = lastt->end - first->start,
                             .index = (int)li, .before_content = !g.seen_content && run_b == run_a};
        if (li + 1 < nlines) {
            info.next = doc->text + tv.v[lines[li + 1].a].start;
            info.next_len = tv.v[lines[li + 1].b - 1].end - tv.v[lines[li + 1].a].start;
        }
        if (li + 2 < nlines) {
            info.next2 = doc->text + tv.v[lines[li + 2].a].start;
            info.next2_len = tv.v[lines[li + 2].b - 1].end - tv.v[lines[li + 2].a].start;
        }
        rl_sentence_kind kind = run_b > run_a ? RL_SENT_BODY : rl_furniture_kind(&info);
        if (kind != RL_SENT_BODY) {
            if (kind == RL_SENT_DATELINE && !doc->date) {
                char d[11];
                if (rl_dateline_parse(info.text, info.len, d) && d[0]) {
                    doc->date = rl_arena_strdup(doc->arena, d);
                    doc->date_source = "dateline";
                    if (!doc->date) g.oom = true;
                }
            }
            emit(&g, L->a, L->b, kind, false);
            g.paragraph++;
            continue;
        }
        if (run_b == run_a) { run_a = L->a; run_headline_ok = true; }
        run_b = L->b;
        /* Does the text run on into the next line? */
        bool more = li + 1 < nlines && tv.v[lines[li + 1].a].nl == 1 &&
                    !tok_final(&g, L->b - 1) && !tok_is(&g, L->b - 1, ":") &&
                    line_continues(&g, L->b - 1, lines[li + 1].a);
        if (more) continue;
        split_text(&g, run_a, run_b, run_headline_ok);
        run_a = run_b;
        g.paragraph++;
    }
    if (g.oom || tv.oom) {
        free(tv.v);
        free(lines);
        free(g.sent);
        if (tv.too_many)
            rl_error_set(err, RL_ERR_LIMIT, doc->origin, doc->record,
                         "document has more than %d tokens; not segmented", MAX_DOC_TOKENS);
        else
            rl_error_set(err, RL_ERR_MEMORY, doc->origin, doc->record, "out of memory while segmenting");
        return -1;
    }
    /* A title given by the input heads the text: it is the headline whatever its
     * punctuation ("Is the deal dead?"). */
    if (doc->title && g.nsent && !strncmp(doc->text, doc->title, strlen(doc->title))) {
        size_t tl = strlen(doc->title);
        for (size_t i = 0; i < g.nsent && g.sent[i].end <= tl; i++)
            if (g.sent[i].kind == RL_SENT_BODY) g.sent[i].kind = RL_SENT_HEADLINE;
    }
    if (g.nsent) {
        doc->sentences = rl_arena_alloc(doc->arena, g.nsent * sizeof *doc->sentences);
        if (!doc->sentences) {
            free(tv.v);
            free(lines);
            free(g.sent);
            rl_error_set(err, RL_ERR_MEMORY, doc->origin, doc->record, "out of memory");
            return -1;
        }
        memcpy(doc->sentences, g.sent, g.nsent * sizeof *doc->sentences);
        doc->nsentences = (int)g.nsent;
    }
    free(tv.v);
    free(lines);
    free(g.sent);
    return 0;
}
