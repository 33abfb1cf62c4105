/* test_lemma_inflect.c — the coder matches verb dictionary entries by lemma, so every
 * inflected form of the verbs and event nouns of data/dict/cameo.verbs.txt must
 * lemmatize back to the dictionary word. This test generates the forms by the usual
 * English spelling rules (plus the irregular lists of train/), lemmatizes each with its
 * XPOS using the committed model, and requires nearly all to come back right. */
#include "check.h"
#include "lemmatizer.h"
#include "resources.h"

#include <ctype.h>

static rl_lemmatizer lem;
static int lem_ok;

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) { free(b); b = NULL; }
    if (b) b[n] = '\0';
    fclose(f);
    return b;
}

/* ---- spelling rules ------------------------------------------------------------------ */

static int vowel(char c) { return strchr("aeiou", c) != NULL; }

static int syllables(const char *w) {
    int n = 0;
    for (size_t i = 0; w[i]; i++)
        if ((vowel(w[i]) || (w[i] == 'y' && i > 0)) && (i == 0 || !vowel(w[i - 1]))) n++;
    return n;
}

static int ends(const char *w, const char *suf) {
    size_t n = strlen(w), k = strlen(suf);
    return n >= k && !strcmp(w + n - k, suf);
}

/* Whether the final consonant doubles before -ed/-ing: one vowel then one consonant
 * (not w, x, y) at the end of a stressed final syllable. Stress is guessed: one-syllable
 * words, and a few endings that are stressed in English verbs (commit, compel, occur,
 * control, regret, refer but not offer). */
static int doubles(const char *w) {
    size_t n = strlen(w);
    if (n < 3 || vowel(w[n - 1]) || strchr("wxy", w[n - 1]) || !vowel(w[n - 2]) || vowel(w[n - 3]))
        return 0;
    if (n >= 4 && w[n - 3] == 'q') return 1;   /* quit, equip: the u is not a vowel here */
    if (syllables(w) == 1) return 1;
    static const char *const stressed[] = {"mit", "pel", "cur", "trol", "gret", "bed", "bel", "fer"};
    for (size_t i = 0; i < sizeof stressed / sizeof *stressed; i++)
        if (ends(w, stressed[i])) return strcmp(stressed[i], "fer") || !ends(w, "ffer");
    return 0;
}

static void third_person(const char *w, char *out) {
    size_t n = strlen(w);
    if (n > 1 && w[n - 1] == 'y' && !vowel(w[n - 2]))
        sprintf(out, "%.*sies", (int)(n - 1), w);
    else if (ends(w, "s") || ends(w, "x") || ends(w, "z") || ends(w, "ch") || ends(w, "sh") ||
             (n > 1 && w[n - 1] == 'o' && !vowel(w[n - 2])))
        sprintf(out, "%ses", w);
    else
        sprintf(out, "%ss", w);
}

static void past(const char *w, char *out) {
    size_t n = strlen(w);
    if (w[n - 1] == 'e') sprintf(out, "%sd", w);
    else if (n > 1 && w[n - 1] == 'y' && !vowel(w[n - 2])) sprintf(out, "%.*sied", (int)(n - 1), w);
    else if (doubles(w)) sprintf(out, "%s%ced", w, w[n - 1]);
    else sprintf(out, "%sed", w);
}

static void gerund(const char *w, char *out) {
    size_t n = strlen(w);
    if (ends(w, "ie")) sprintf(out, "%.*sying", (int)(n - 2), w);
    else if (ends(w, "ee") || ends(w, "oe") || ends(w, "ye")) sprintf(out, "%sing", w);
    else if (n > 2 && w[n - 1] == 'e') sprintf(out, "%.*sing", (int)(n - 1), w);
    else if (doubles(w)) sprintf(out, "%s%cing", w, w[n - 1]);
    else sprintf(out, "%sing", w);
}

/* ---- the dictionary's words ---------------------------------------------------------- */

typedef struct word { char w[64]; int noun; } word;

/* The head word of a dictionary word line ("+TALK_ABOUT" -> talk, "@PEACE_+TALKS" ->
 * talks, "@CEASEFIRE_VIOLATION" -> violation), lowercased; 0 if it is not a plain word. */
static int head_word(const char *line, int noun, char *out) {
    char tok[128];
    size_t n = strcspn(line, " \t{[");
    if (n == 0 || n >= sizeof tok) return 0;
    memcpy(tok, line, n);
    tok[n] = '\0';
    char *parts[16];
    int np = 0;
    for (char *save = NULL, *p = strtok_r(tok, "_", &save); p && np < 16; p = strtok_r(NULL, "_", &save))
        parts[np++] = p;
    if (!np) return 0;
    const char *h = noun ? parts[np - 1] : parts[0];
    for (int i = 0; i < np; i++)
        if (parts[i][0] == '+') h = parts[i];
    if (*h == '+') h++;
    size_t k = 0;
    for (; h[k]; k++) {
        if (!isalpha((unsigned char)h[k]) || k + 1 >= 64) return 0;
        out[k] = (char)tolower((unsigned char)h[k]);
    }
    out[k] = '\0';
    return k >= 2;
}

/* Verbs and event nouns of the verb blocks ("--- NAME ---" up to the next section or
 * synonym set), each once. */
static word *dict_words(const char *text, int *count) {
    word *ws = NULL;
    int n = 0, cap = 0, in_block = 0;
    const char *p = text;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        char line[512];
        if (len >= sizeof line) len = sizeof line - 1;
        memcpy(line, p, len);
        line[len] = '\0';
        p = e ? e + 1 : p + len;
        if (!strncmp(line, "---", 3)) { in_block = 1; continue; }
        if (!strncmp(line, "#######", 7) || line[0] == '&') { in_block = 0; continue; }
        if (line[0] == '#') continue;
        if (!in_block || !(isalpha((unsigned char)line[0]) || line[0] == '@' || line[0] == '+'))
            continue;
        int noun = line[0] == '@';
        word w = {.noun = noun};
        if (!head_word(line + noun, noun, w.w)) continue;
        int dup = 0;
        for (int i = 0; i < n && !dup; i++) dup = ws[i].noun == noun && !strcmp(ws[i].w, w.w);
        if (dup) continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 256;
            word *g = realloc(ws, (size_t)cap * sizeof *g);
            if (!g) { free(ws); return NULL; }
            ws = g;
        }
        ws[n++] = w;
    }
    *count = n;
    return ws;
}

/* Irregular forms: for verbs "base past participle", for nouns "plural singular". */
static const char *irregular(const char *list, const char *key, int col) {
    static char buf[128];
    size_t kl = strlen(key);
    for (const char *p = list; p && *p;) {
        const char *e = strchr(p, '\n');
        if (*p != '#' && !strncmp(p, key, kl) && p[kl] == ' ') {
            const char *f = p;
            for (int c = 0; c < col && f; c++) { f = strchr(f, ' '); if (f) f++; }
            if (f) {
                size_t n = strcspn(f, " /\n");
                if (n < sizeof buf) { memcpy(buf, f, n); buf[n] = '\0'; return buf; }
            }
        }
        p = e ? e + 1 : NULL;
    }
    return NULL;
}

static const char *irregular_noun(const char *list, const char *singular) {
    static char buf[128];
    for (const char *p = list; p && *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (*p != '#' && n < sizeof buf) {
            char line[128];
            memcpy(line, p, n);
            line[n] = '\0';
            char *sp = strchr(line, ' ');
            if (sp && !strcmp(sp + 1, singular)) { *sp = '\0'; strcpy(buf, line); return buf; }
        }
        p = e ? e + 1 : NULL;
    }
    return NULL;
}

static word *all_words;
static int nall_words;

/* Another dictionary verb whose form this also is ("lambasted": lambast, lambaste). */
static int other_verb_with_form(const char *got, const char *form, const char *xpos) {
    for (int i = 0; i < nall_words; i++) {
        if (all_words[i].noun || strcmp(all_words[i].w, got)) continue;
        char f[160];
        if (!strcmp(xpos, "VBZ")) third_person(got, f);
        else if (!strcmp(xpos, "VBG")) gerund(got, f);
        else past(got, f);
        return !strcmp(f, form);
    }
    return 0;
}

static int try_form(const char *form, const char *xpos, const char *lemma, int *fails, int verbose) {
    rl_arena *a = rl_arena_new(0);
    const char *got = a ? rl_lemmatize(&lem, form, xpos, NULL, a) : NULL;
    int ok = got && (!strcmp(got, lemma) || other_verb_with_form(got, form, xpos));
    if (!ok && verbose && *fails < 400) printf("# %s/%s -> %s (want %s)\n", form, xpos, got ? got : "?", lemma);
    if (!ok) (*fails)++;
    rl_arena_free(a);
    return ok;
}

static void test_inflections(void) {
    if (!lem_ok) SKIP("no lemmatizer model");
    char path[4096];
    snprintf(path, sizeof path, "%s/dict/cameo.verbs.txt", rl_default_data_dir());
    char *dict = slurp(path);
    snprintf(path, sizeof path, "%s/../train/irregular-verbs.txt", rl_default_data_dir());
    char *iv = slurp(path);
    snprintf(path, sizeof path, "%s/../train/irregular-nouns.txt", rl_default_data_dir());
    char *in = slurp(path);
    if (!dict || !iv || !in) { free(dict); free(iv); free(in); SKIP("dictionary or word lists not found"); }
    int nw = 0;
    word *ws = dict_words(dict, &nw);
    all_words = ws;
    nall_words = nw;
    const char *verbose = getenv("REDLINE_TEST_VERBOSE");
    int vtotal = 0, vfail = 0, ntotal = 0, nfail = 0;
    char form[160];
    for (int i = 0; i < nw; i++) {
        const char *w = ws[i].w;
        if (ws[i].noun) {
            if (ends(w, "s")) continue;   /* "talks", "arms": already plural or mass */
            const char *pl = irregular_noun(in, w);
            if (pl) snprintf(form, sizeof form, "%s", pl);
            else third_person(w, form);   /* same spelling rules as the plural */
            ntotal++;
            try_form(form, "NNS", w, &nfail, verbose != NULL);
            continue;
        }
        third_person(w, form);
        vtotal++; try_form(form, "VBZ", w, &vfail, verbose != NULL);
        gerund(w, form);
        vtotal++; try_form(form, "VBG", w, &vfail, verbose != NULL);
        const char *pt = irregular(iv, w, 1), *pp = irregular(iv, w, 2);
        char pt_buf[128], pp_buf[128];
        if (pt) { snprintf(pt_buf, sizeof pt_buf, "%s", pt); snprintf(pp_buf, sizeof pp_buf, "%s", pp ? pp : pt); }
        else { past(w, pt_buf); strcpy(pp_buf, pt_buf); }
        vtotal++; try_form(pt_buf, "VBD", w, &vfail, verbose != NULL);
        vtotal++; try_form(pp_buf, "VBN", w, &vfail, verbose != NULL);
    }
    printf("# verb forms: %d of %d right (%.1f%%); plural event nouns: %d of %d right (%.1f%%)\n",
           vtotal - vfail, vtotal, 100.0 * (vtotal - vfail) / (vtotal ? vtotal : 1),
           ntotal - nfail, ntotal, 100.0 * (ntotal - nfail) / (ntotal ? ntotal : 1));
    free(ws); free(dict); free(iv); free(in);
    CHECK(vtotal > 1000 && ntotal > 100);
    /* "Nearly all": a few forms the rules above spell differently from real English
     * (stress we cannot see) may fail. */
    CHECK(vfail * 100 <= vtotal);
    CHECK(nfail * 100 <= ntotal);
}

/* The spelling rules of this test, on words whose forms are known. */
static void test_spelling_rules(void) {
    char b[64];
    past("ban", b); CHECK_STR(b, "banned");
    past("bomb", b); CHECK_STR(b, "bombed");
    past("rule", b); CHECK_STR(b, "ruled");
    past("ally", b); CHECK_STR(b, "allied");
    past("commit", b); CHECK_STR(b, "committed");
    past("offer", b); CHECK_STR(b, "offered");
    past("visit", b); CHECK_STR(b, "visited");
    gerund("free", b); CHECK_STR(b, "freeing");
    gerund("tie", b); CHECK_STR(b, "tying");
    gerund("massacre", b); CHECK_STR(b, "massacring");
    gerund("stop", b); CHECK_STR(b, "stopping");
    third_person("embargo", b); CHECK_STR(b, "embargoes");
    third_person("veto", b); CHECK_STR(b, "vetoes");
    third_person("accuse", b); CHECK_STR(b, "accuses");
    third_person("deny", b); CHECK_STR(b, "denies");
    third_person("pay", b); CHECK_STR(b, "pays");
}

/* Unseen inflected words: the regular spellings undone, a known lemma preferred, a
 * known lemma at the end of a compound ("firebomb"); a past form tagged VBP. */
static void test_unseen_words(void) {
    if (!lem_ok) SKIP("no lemmatizer model");
    static const char *const cases[][3] = {
        {"bombed", "VBD", "bomb"}, {"massacred", "VBN", "massacre"}, {"ruled", "VBD", "rule"},
        {"embargoes", "NNS", "embargo"}, {"shelled", "VBD", "shell"}, {"patrolled", "VBN", "patrol"},
        {"aired", "VBD", "air"}, {"hoped", "VBN", "hope"}, {"firebombed", "VBD", "firebomb"},
        {"quizzes", "VBZ", "quiz"}, {"gassed", "VBD", "gas"}, {"Bombed", "VBN", "bomb"},
        {"wolves", "NNS", "wolf"},
        {"laid", "VBP", "lay"},       /* a past form mistagged as present */
    };
    rl_arena *a = rl_arena_new(0);
    CHECK(a != NULL);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *got = rl_lemmatize(&lem, cases[i][0], cases[i][1], NULL, a);
        if (!got || strcmp(got, cases[i][2])) printf("# %s/%s -> %s\n", cases[i][0], cases[i][1], got ? got : "?");
        CHECK_STR(got, cases[i][2]);
    }
    rl_arena_free(a);
}

int main(void) {
    char path[4096];
    snprintf(path, sizeof path, "%s/models/lemmatizer.rlm", rl_default_data_dir());
    rl_error err;
    lem_ok = rl_lemmatizer_open(&lem, path, &err) == 0;
    if (!lem_ok) printf("# %s: %s\n", err.file, err.reason);
    RUN(test_spelling_rules);
    RUN(test_inflections);
    RUN(test_unseen_words);
    if (lem_ok) rl_lemmatizer_close(&lem);
    return CHECK_DONE();
}
