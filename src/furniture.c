/* furniture.c — line-level heuristics for web-news furniture.
 *
 * Each rule looks at one line (and, for taglines, at the two lines after it). The rules
 * are deliberately narrow: a body sentence wrongly marked as furniture is lost to the
 * coder, while a furniture line left as body rarely yields an event. */
#include "furniture.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static bool prefix_ci(const char *s, size_t n, const char *p) {
    size_t k = strlen(p);
    if (n < k) return false;
    for (size_t i = 0; i < k; i++)
        if (tolower((unsigned char)s[i]) != tolower((unsigned char)p[i])) return false;
    return true;
}

static bool suffix_is(const char *s, size_t n, const char *p) {
    size_t k = strlen(p);
    return n >= k && !memcmp(s + n - k, p, k);
}

static int count_words(const char *s, size_t n) {
    int w = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool sp = isspace((unsigned char)s[i]) != 0;
        if (!sp && !in) w++;
        in = !sp;
    }
    return w;
}

/* Ends like a sentence: . ! ? : or a closing quote/bracket after one. */
static bool ends_with_punct(const char *s, size_t n) {
    while (n > 0) {
        unsigned char c = (unsigned char)s[n - 1];
        if (c == '"' || c == '\'' || c == ')') { n--; continue; }
        if (suffix_is(s, n, "\xE2\x80\x9D") || suffix_is(s, n, "\xE2\x80\x99")) { n -= 3; continue; }
        return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' ||
               suffix_is(s, n, "\xE2\x80\xA6");
    }
    return false;
}

/* ---- dates -------------------------------------------------------------------------- */

static const char *const month_names[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december"};

static int month_of(const char *w, size_t n) {
    if (n < 3) return 0;
    for (int m = 0; m < 12; m++) {
        size_t full = strlen(month_names[m]);
        if (n == full && !strncmp(w, month_names[m], n)) return m + 1;
        if (n == 3 && !strncmp(w, month_names[m], 3)) return m + 1;
        if (n == 4 && m == 8 && !strncmp(w, "sept", 4)) return 9;
    }
    return 0;
}

static bool in_words(const char *w, size_t n, const char *const *list) {
    for (int i = 0; list[i]; i++)
        if (strlen(list[i]) == n && !strncmp(w, list[i], n)) return true;
    return false;
}

static const char *const date_fillers[] = {
    "at", "on", "updated", "published", "posted", "last", "modified", "date", "time", "local",
    "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "gmt", "utc", "bst", "est", "edt", "cet", "cest",
    "et", "pt", "pst", "pdt", "ist", "msk", "aest", "jst", "hrs", "h", "th", "st", "nd", "rd",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "of", NULL};

bool rl_dateline_parse(const char *s, size_t n, char out[11]) {
    out[0] = '\0';
    if (n == 0 || n > 100) return false;
    int year = 0, month = 0, day = 0, pending_day = 0, words = 0;
    bool time_seen = false;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (!isalnum(c)) {
            /* Separators a dateline may hold. */
            if (!strchr(" \t,|-/:.\xC2\xA0", c) && c != 0xE2 && c != 0x80 && c != 0x93 &&
                c != 0x94 && c != '(' && c != ')')
                return false;
            i++;
            continue;
        }
        size_t j = i;
        char w[24];
        size_t wn = 0;
        /* A word: letters, digits and the dots/colons inside times and a.m. */
        while (j < n && (isalnum((unsigned char)s[j]) ||
                         ((s[j] == ':' || s[j] == '.') && j + 1 < n &&
                          isalnum((unsigned char)s[j + 1]) && j > i))) {
            if (wn < sizeof w - 1) w[wn++] = (char)tolower((unsigned char)s[j]);
            j++;
        }
        w[wn] = '\0';
        if (j < n && s[j] == '.' && wn > 1 && w[wn - 2] == '.') j++;   /* "a.m." */
        words++;
        int m;
        if (isdigit((unsigned char)w[0])) {
            size_t digits = strspn(w, "0123456789");
            if (digits == wn) {
                int v = 0;
                for (size_t k = 0; k < wn && k < 6; k++) v = v * 10 + (w[k] - '0');
                if (wn == 4 && v >= 1900 && v <= 2100 && !year) {
                    /* ISO date: 2024-03-14 */
                    if (j + 6 <= n && s[j] == '-' &&
                        isdigit((unsigned char)s[j + 1]) && isdigit((unsigned char)s[j + 2]) &&
                        s[j + 3] == '-' && isdigit((unsigned char)s[j + 4]) &&
                        isdigit((unsigned char)s[j + 5])) {
                        month = (s[j + 1] - '0') * 10 + (s[j + 2] - '0');
                        day = (s[j + 4] - '0') * 10 + (s[j + 5] - '0');
                        j += 6;
                        words += 2;   /* a full date on its own */
                    }
                    year = v;
                } else if (wn <= 2 && v >= 1 && v <= 31) {
                    if (!day && !pending_day) pending_day = v;
                } else if (wn <= 2 && v <= 59) {
                    /* minutes of a "14 05" style time */
                } else {
                    return false;
                }
            } else if (strchr(w, ':') || strchr(w, '.')) {
                time_seen = true;                                /* 2:51, 14.05 */
            } else if (in_words(w + digits, wn - digits, date_fillers) ||
                       !strcmp(w + digits, "am") || !strcmp(w + digits, "pm")) {
                int v = 0;
                for (size_t k = 0; k < digits && k < 4; k++) v = v * 10 + (w[k] - '0');
                if (!strcmp(w + digits, "am") || !strcmp(w + digits, "pm")) time_seen = true;
                else if (v >= 1 && v <= 31 && !pending_day) pending_day = v;   /* 18th */
            } else {
                return false;
            }
        } else if ((m = month_of(w, wn)) != 0 && !month) {
            month = m;
        } else if (!in_words(w, wn, date_fillers)) {
            return false;
        }
        i = j;
    }
    if (!day) day = pending_day;
    if (words < 2 || !month || !year) return (void)time_seen, false;
    if (month > 12 || day > 31) return false;
    if (day) snprintf(out, 11, "%04u-%02u-%02u", (unsigned)year % 10000u, (unsigned)month % 100u,
                      (unsigned)day % 100u);
    return true;
}

/* ---- line kinds --------------------------------------------------------------------- */

static const char *const link_prefixes[] = {
    "read:", "read more:", "read also:", "also read:", "related:", "related article:",
    "related articles:", "related content:", "see also:", "watch:", "more:", "recommended:",
    "listen:", "more on this story:", NULL};

static bool is_link(const char *s, size_t n) {
    if (!memchr(s, ':', n < 32 ? n : 32)) return false;     /* every prefix ends in ':' */
    for (int i = 0; link_prefixes[i]; i++)
        if (prefix_ci(s, n, link_prefixes[i])) return true;
    return false;
}

static bool is_caption(const char *s, size_t n) {
    if (strchr("iIpPfFcC", s[0]) && (prefix_ci(s, n, "image copyright") || prefix_ci(s, n, "image caption") ||
        prefix_ci(s, n, "photo:") || prefix_ci(s, n, "picture:") ||
        prefix_ci(s, n, "photograph:") || prefix_ci(s, n, "file photo") ||
        prefix_ci(s, n, "pictured:") || prefix_ci(s, n, "caption:")))
        return true;
    /* "..., 23 July 2017 [Agency/Credit]": a credit in brackets closes the line. */
    if (n > 2 && s[n - 1] == ']') {
        const char *open = NULL;
        for (size_t i = n - 1; i-- > 0;)
            if (s[i] == '[') { open = s + i; break; }
        if (open && (size_t)(s + n - open) > 3 && count_words(s, n) <= 45) return true;
    }
    /* "... (Photo: Agency)" / "(AP Photo/Jane Doe)" / "(Getty Images)" */
    if (n > 2 && s[n - 1] == ')') {
        const char *open = NULL;
        for (size_t i = n - 1; i-- > 0;)
            if (s[i] == '(') { open = s + i; break; }
        if (open) {
            size_t k = (size_t)(s + n - open);
            for (size_t i = 0; i + 5 <= k; i++)
                if (prefix_ci(open + i, k - i, "photo") || prefix_ci(open + i, k - i, "image") ||
                    prefix_ci(open + i, k - i, "getty") || prefix_ci(open + i, k - i, "picture"))
                    return true;
        }
    }
    return false;
}

/* Words that are all capitalised (names), allowing "and", "de", "van", ",", "|". */
static bool name_like(const char *s, size_t n, int max_words) {
    int words = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && (isspace((unsigned char)s[i]) || s[i] == ',' || s[i] == '|')) i++;
        if (i >= n) break;
        size_t j = i;
        while (j < n && !isspace((unsigned char)s[j]) && s[j] != ',' && s[j] != '|') j++;
        words++;
        unsigned char c = (unsigned char)s[i];
        bool lower_ok = (j - i <= 3) || (j - i == 4 && !strncmp(s + i, "from", 4));  /* and, de, van, in */
        if (!(isupper(c) || c >= 0x80 || lower_ok)) return false;
        i = j;
    }
    return words >= 1 && words <= max_words;
}

static bool is_byline(const char *s, size_t n) {
    if (n > 120 || ends_with_punct(s, n)) return false;
    if (n > 3 && (!strncmp(s, "By ", 3) || !strncmp(s, "BY ", 3)) && name_like(s + 3, n - 3, 10))
        return true;
    if (prefix_ci(s, n, "reporting by ") || prefix_ci(s, n, "written by ") ||
        prefix_ci(s, n, "editing by ") || prefix_ci(s, n, "additional reporting by "))
        return true;
    /* "Jane Doe | Reuters" */
    const char *bar = memchr(s, '|', n);
    if (bar && name_like(s, (size_t)(bar - s), 4) && name_like(bar + 1, n - (size_t)(bar - s) - 1, 4))
        return true;
    return false;
}

static const char *const slogan_cues[] = {
    "since", "news", "your", "voice", "truth", "perspective", "perspectives", "independent",
    "journalism", "daily", "online", "trusted", "source", "latest", "breaking", "world's",
    "matters", "informed", "official", "website", "home", NULL};

static bool has_slogan_cue(const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        while (i < n && !isalpha((unsigned char)s[i])) i++;
        size_t j = i;
        char w[16];
        size_t wn = 0;
        while (j < n && (isalpha((unsigned char)s[j]) || s[j] == '\'')) {
            if (wn < sizeof w - 1) w[wn++] = (char)tolower((unsigned char)s[j]);
            j++;
        }
        w[wn] = '\0';
        if (wn && in_words(w, wn, slogan_cues)) return true;
        i = j;
    }
    return false;
}

static bool is_tagline(const rl_line_info *l) {
    if (l->index != 0 || !l->next || ends_with_punct(l->text, l->len)) return false;
    int w = count_words(l->text, l->len);
    if (w > 8) return false;
    /* The tagline sits above a headline: the next line is unpunctuated too. */
    if (ends_with_punct(l->next, l->next_len)) return false;
    char d[11];
    bool page_shape = l->next2 && (rl_dateline_parse(l->next2, l->next2_len, d) ||
                                   is_byline(l->next2, l->next2_len));
    return page_shape || has_slogan_cue(l->text, l->len);
}

rl_sentence_kind rl_furniture_kind(const rl_line_info *l) {
    const char *s = l->text;
    size_t n = l->len;
    if (n == 0) return RL_SENT_BODY;
    if (is_link(s, n)) return RL_SENT_LINK;
    char d[11];
    if (n <= 100 && rl_dateline_parse(s, n, d)) return RL_SENT_DATELINE;
    if (is_caption(s, n)) return RL_SENT_CAPTION;
    if (is_byline(s, n)) return RL_SENT_BYLINE;
    if (l->before_content && is_tagline(l)) return RL_SENT_TAGLINE;
    return RL_SENT_BODY;
}
