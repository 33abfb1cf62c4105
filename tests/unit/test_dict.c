/* test_dict.c — the PETRARCH / Phoenix dictionary readers and the queries the coder makes,
 * on the tiny dictionaries in tests/fixtures/dict (run from the repository root). */
#include "check.h"
#include "dict.h"
#include "resources.h"

#include <stdint.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define FIX "tests/fixtures/dict/"

/* Problems reported while loading, kept for inspection. */
typedef struct seen {
    int n, errors;
    char text[32][600];
} seen;

static void collect(void *ctx, const rl_error *e) {
    seen *s = ctx;
    if (e->status != RL_OK) s->errors++;
    if (s->n < 32) {
        char buf[600];
        snprintf(s->text[s->n++], sizeof s->text[0], "%s%s",
                 e->status != RL_OK ? "E " : "W ", rl_error_format(e, buf, sizeof buf));
    }
}

static bool seen_has(const seen *s, const char *needle) {
    for (int i = 0; i < s->n; i++)
        if (strstr(s->text[i], needle)) return true;
    return false;
}

static rl_dicts *load_one(rl_dict_kind kind, const char *path, seen *s) {
    rl_error err;
    rl_dicts *d = rl_dicts_new(&err);
    if (!d) return NULL;
    if (rl_dicts_load(d, kind, path, collect, s, &err) != 0 || rl_dicts_finish(d, &err) != 0) {
        rl_dicts_close(d);
        return NULL;
    }
    return d;
}

static const rl_verb_block *block_named(const rl_dicts *d, const char *lemma, const char *name) {
    const rl_verb_entry *const *v;
    size_t n = rl_dict_verbs(d, lemma, &v);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i]->block->name, name)) return v[i]->block;
    return NULL;
}

static bool synset_has(const rl_synset *s, const char *phrase) {
    for (size_t i = 0; i < s->nphrases; i++)
        if (!strcmp(s->phrases[i], phrase)) return true;
    return false;
}

static void test_verb_words(void) {
    seen s = {0};
    rl_dicts *d = load_one(RL_DICT_VERBS, FIX "test.verbs.txt", &s);
    CHECK(d != NULL);
    CHECK_INT(s.errors, 0);
    const rl_verb_entry *const *v;

    /* A word listed in two blocks: both entries, in file order. */
    CHECK_INT(rl_dict_verbs(d, "DISCUSS", &v), 2);
    CHECK_STR(v[0]->block->name, "DISCUSS");
    CHECK_STR(v[0]->code.code, "040");
    CHECK_STR(v[1]->block->name, "REJECT");
    CHECK_STR(v[1]->code.code, "---");

    /* Lookups upper-case the lemma. */
    CHECK_INT(rl_dict_verbs(d, "negotiate", &v), 1);
    CHECK_STR(v[0]->code.code, "046");
    CHECK_STR(v[0]->code.negated, "125");

    /* +TALK_ABOUT: the verb is TALK, ABOUT must follow; its forms find the same lemma. */
    CHECK_INT(rl_dict_verbs(d, "TALK", &v), 1);
    CHECK_STR(v[0]->lemma, "TALK");
    CHECK_INT(v[0]->nafter, 1);
    CHECK_STR(v[0]->after[0], "ABOUT");
    CHECK_INT(v[0]->nbefore, 0);
    CHECK_INT(rl_dict_verbs(d, "TALKED", &v), 1);
    CHECK_STR(v[0]->lemma, "TALK");
    CHECK_STR(v[0]->after[0], "ABOUT");

    /* TALKS: two multi-word entries first (file order), then the plain event noun. */
    CHECK_INT(rl_dict_verbs(d, "TALKS", &v), 3);
    CHECK_STR(v[0]->lemma, "TALK");             /* the form +TALKS_ABOUT */
    CHECK(v[1]->is_noun);
    CHECK_INT(v[1]->nbefore, 1);
    CHECK_STR(v[1]->before[0], "PEACE");
    CHECK_STR(v[1]->code.code, "046");
    CHECK(v[2]->is_noun);
    CHECK_INT(v[2]->nbefore + v[2]->nafter, 0);
    CHECK_STR(v[2]->code.code, "043");

    /* Irregular forms map back to the base word. */
    CHECK_INT(rl_dict_verbs(d, "SENT", &v), 1);
    CHECK_STR(v[0]->lemma, "SEND");
    CHECK_INT(rl_dict_verbs(d, "SEND", &v), 1);
    CHECK_STR(v[0]->block->name, "SEND");
    CHECK_INT(rl_dict_verbs(d, "TAPPED", &v), 1);
    CHECK_STR(v[0]->lemma, "TAP");
    CHECK_STR(v[0]->before[0], "WIRE");
    CHECK_STR(v[0]->code.code, "1712");
    CHECK_INT(rl_dict_verbs(d, "NOSUCHVERB", &v), 0);
    CHECK_INT(rl_dict_verbs(d, "", &v), 0);

    rl_dict_stats st;
    rl_dict_get_stats(d, &st);
    CHECK_INT(st.verb_blocks, 3);
    CHECK_INT(st.verbs, 8);
    CHECK_INT(st.event_nouns, 2);
    CHECK_INT(st.synsets, 2);
    CHECK_INT(st.patterns, 11);
    CHECK_INT(st.transformations, 2);
    CHECK_INT(st.patterns_by_root[4], 6);
    CHECK_INT(st.patterns_by_root[7], 3);
    rl_dicts_close(d);
}

static void test_synsets(void) {
    seen s = {0};
    rl_dicts *d = load_one(RL_DICT_VERBS, FIX "test.verbs.txt", &s);
    CHECK(d != NULL);
    const rl_synset *arms = rl_dict_synset(d, "&ARMS");
    CHECK(arms != NULL);
    CHECK(synset_has(arms, "RIFLE"));
    CHECK(synset_has(arms, "RIFLES"));
    CHECK(synset_has(arms, "HEAVY WEAPON"));
    CHECK(synset_has(arms, "HEAVY WEAPONS"));
    CHECK(synset_has(arms, "AMMUNITION"));
    CHECK(!synset_has(arms, "AMMUNITIONS"));   /* phrase ends with '_' */
    CHECK(synset_has(arms, "ARMIES"));
    CHECK(synset_has(arms, "PASSES"));
    const rl_synset *helpers = rl_dict_synset(d, "&HELPERS");   /* label ended with '_' */
    CHECK(helpers != NULL);
    CHECK(synset_has(helpers, "AID WORKER"));
    CHECK(!synset_has(helpers, "DOCTORS"));
    CHECK(rl_dict_synset(d, "&NOPE") == NULL);
    rl_dicts_close(d);
}

static void test_patterns(void) {
    seen s = {0};
    rl_dicts *d = load_one(RL_DICT_VERBS, FIX "test.verbs.txt", &s);
    CHECK(d != NULL);
    const rl_verb_block *b = block_named(d, "DISCUSS", "DISCUSS");
    CHECK(b != NULL);
    CHECK_STR(b->code.code, "040");
    CHECK_INT(b->npatterns, 7);
    const rl_verb_pattern *p = &b->patterns[0];
    CHECK_INT(p->npre, 0);
    CHECK_INT(p->npost, 1);
    CHECK(!p->post[0].is_pp);
    CHECK_INT(p->post[0].np.nwords, 1);
    CHECK_STR(p->post[0].np.words[0].word, "CEASEFIRE");
    CHECK_STR(p->code.code, "046");
    CHECK_STR(p->file, FIX "test.verbs.txt");
    CHECK(p->text && strstr(p->text, "CEASEFIRE"));

    p = &b->patterns[1];                            /* {PEACE DEAL}: head last */
    CHECK_INT(p->post[0].np.nwords, 2);
    CHECK_STR(p->post[0].np.words[1].word, "DEAL");

    p = &b->patterns[2];                            /* (WITH $) (ABOUT &ARMS) */
    CHECK_INT(p->npost, 2);
    CHECK(p->post[0].is_pp);
    CHECK_STR(p->post[0].prep, "WITH");
    CHECK_INT(p->post[0].np.words[0].kind, RL_PW_SOURCE);
    CHECK_STR(p->post[1].prep, "ABOUT");
    CHECK_INT(p->post[1].np.words[0].kind, RL_PW_SYNSET);
    CHECK_STR(p->post[1].np.words[0].synset->name, "&ARMS");

    p = &b->patterns[3];                            /* $ * (WITH +) */
    CHECK_INT(p->npre, 1);
    CHECK_INT(p->pre[0].np.words[0].kind, RL_PW_SOURCE);
    CHECK_INT(p->post[0].np.words[0].kind, RL_PW_TARGET);

    p = &b->patterns[4];                            /* * (FOR) [042:043] */
    CHECK(p->post[0].is_pp);
    CHECK_STR(p->post[0].prep, "FOR");
    CHECK_INT(p->post[0].np.nwords, 0);
    CHECK_STR(p->code.code, "042");
    CHECK_STR(p->code.code2, "043");

    b = block_named(d, "SEND", "SEND");
    CHECK(b != NULL);
    CHECK_STR(b->code.code, "---");
    CHECK_INT(b->npatterns, 3);
    p = &b->patterns[1];                            /* * % (TO ^) [:073] */
    CHECK_INT(p->post[0].np.words[0].kind, RL_PW_COMPOUND);
    CHECK_INT(p->post[1].np.words[0].kind, RL_PW_SKIP);
    CHECK_STR(p->code.code, "");
    CHECK_STR(p->code.code2, "073");
    p = &b->patterns[2];                            /* &HELPERS * (INTO {CONFLICT ZONE}) */
    CHECK_INT(p->pre[0].np.words[0].kind, RL_PW_SYNSET);
    CHECK_STR(p->post[0].prep, "INTO");
    CHECK_INT(p->post[0].np.nwords, 2);
    CHECK_STR(p->post[0].np.words[0].word, "CONFLICT");

    const rl_transformation *t;
    CHECK_INT(rl_dict_transformations(d, &t), 2);
    CHECK_STR(t[0].upper_source, "a");
    CHECK_STR(t[0].lower_source, "a");
    CHECK_STR(t[0].lower_target, "b");
    CHECK_STR(t[0].lower_verb, "SEND");
    CHECK_STR(t[0].upper_verb, "SAY");
    CHECK_STR(t[0].out_code, "138");
    CHECK_STR(t[1].lower_source, "_");
    CHECK_STR(t[1].lower_verb, "Q");
    CHECK_INT(t[1].line, 49);
    rl_dicts_close(d);
}

static const rl_actor_entry *actor(const rl_dicts *d, size_t *m, const char *w0, const char *w1,
                                   const char *w2, const char *w3) {
    const char *w[4] = {w0, w1, w2, w3};
    size_t n = 0;
    while (n < 4 && w[n]) n++;
    return rl_dict_match_actor(d, w, n, m);
}

static void test_actors(void) {
    seen s = {0};
    rl_dicts *d = load_one(RL_DICT_ACTORS, FIX "test.actors.txt", &s);
    CHECK(d != NULL);
    CHECK_INT(s.errors, 0);
    size_t m;
    const rl_actor_entry *e = actor(d, &m, "Freedonia", "said", NULL, NULL);
    CHECK(e != NULL);
    CHECK_INT(m, 1);
    CHECK_STR(e->phrase, "FREEDONIA");
    CHECK_STR(rl_actor_code_on(e, 0), "FRD");
    CHECK_INT(e->line, 3);
    /* Longest match; tokens as a UD tokenizer gives them. */
    CHECK(actor(d, &m, "Republic", "of", "Freedonia", "'s") == e);
    CHECK_INT(m, 3);
    CHECK(actor(d, &m, "Freedonia", "'s", "army", NULL) == e);
    CHECK_INT(m, 2);
    CHECK(actor(d, &m, "FRD", "-", "capital", NULL) == e);
    CHECK_INT(m, 3);
    CHECK(actor(d, &m, "FRD-capital", NULL, NULL, NULL) == e);
    CHECK(actor(d, &m, "Freedonians", NULL, NULL, NULL) == NULL);   /* stopped: no plural */
    CHECK_INT(m, 0);
    e = actor(d, &m, "U.S.", "troops", NULL, NULL);
    CHECK(e != NULL);
    CHECK_STR(rl_actor_code_on(e, 20190101), "USA");
    CHECK(actor(d, &m, "Washingtons", NULL, NULL, NULL) == e);       /* not stopped: plural */
    e = actor(d, &m, "Sylvanias", NULL, NULL, NULL);
    CHECK(e != NULL);
    CHECK_STR(e->default_code, "SYL");
    e = actor(d, &m, "Sylvanian", "armies", NULL, NULL);
    CHECK(e != NULL);
    CHECK_STR(e->default_code, "SYLREB");
    e = actor(d, &m, "Ki", "-", "moon", "Foundation");
    CHECK(e != NULL);
    CHECK_INT(m, 4);
    CHECK(actor(d, &m, "Republic", "of", "Sylvania", NULL) == NULL);
    CHECK(rl_dict_match_actor(d, NULL, 0, &m) == NULL);

    /* A group of primary lines shares the codes that follow it. */
    e = actor(d, &m, "B.", "Badenov", NULL, NULL);
    CHECK(e != NULL);
    CHECK_STR(rl_actor_code_on(e, 19600101), "PTSGOV");
    CHECK_STR(rl_actor_code_on(actor(d, &m, "Boris", "Badenov", NULL, NULL), 19600101), "PTSGOV");
    CHECK(rl_actor_code_on(e, 19700101) == NULL);

    /* Dated roles. */
    e = actor(d, &m, "Rufus", "Firefly", NULL, NULL);
    CHECK(e != NULL);
    CHECK_INT(e->nranges, 3);
    CHECK_STR(rl_actor_code_on(e, 19330615), "FRDGOV");
    CHECK_STR(rl_actor_code_on(e, 19330101), "FRDGOV");   /* limits are inclusive */
    CHECK_STR(rl_actor_code_on(e, 19300101), "FRDELI");   /* <19321231 */
    CHECK_STR(rl_actor_code_on(e, 20240101), "FRDGOV");   /* >20200101 */
    CHECK_STR(rl_actor_code_on(e, 19500101), "FRDELI");   /* default */
    CHECK_STR(rl_actor_code_on(e, 0), "FRDELI");
    /* Two-digit years: 45 → 1945, 30 → 2030. No default code: NULL outside the range. */
    e = actor(d, &m, "Ambassador", "Trentino", NULL, NULL);
    CHECK(e != NULL);
    CHECK_STR(e->phrase, "TRENTINO");
    CHECK_INT(e->ranges[0].from, 19450101);
    CHECK_INT(e->ranges[0].to, 20300630);
    CHECK_STR(rl_actor_code_on(e, 19600101), "SYLGOV");
    CHECK(rl_actor_code_on(e, 19440101) == NULL);
    CHECK_STR(rl_actor_code_on(e, 0), "SYLGOV");          /* unknown date: most recent */

    rl_dict_stats st;
    rl_dict_get_stats(d, &st);
    CHECK_INT(st.actors, 11);
    CHECK_INT(st.actor_phrases, 18);
    CHECK_INT(st.dated_ranges, 5);
    rl_dicts_close(d);
}

static const rl_agent_entry *agent(const rl_dicts *d, size_t *m, const char *w0, const char *w1) {
    const char *w[2] = {w0, w1};
    return rl_dict_match_agent(d, w, w1 ? 2 : 1, m);
}

static void test_agents(void) {
    seen s = {0};
    rl_dicts *d = load_one(RL_DICT_AGENTS, FIX "test.agents.txt", &s);
    CHECK(d != NULL);
    CHECK_INT(s.errors, 0);
    CHECK(seen_has(&s, "test.agents.txt:12: code closed with '}'"));
    size_t m;
    const rl_agent_entry *a = agent(d, &m, "minister", NULL);
    CHECK(a != NULL);
    CHECK_STR(a->code, "GOV");
    CHECK(!a->prefix);
    CHECK(agent(d, &m, "MINISTERS", NULL) == a);          /* automatic plural */
    CHECK(agent(d, &m, "police", NULL) != NULL);
    CHECK(agent(d, &m, "polices", NULL) == NULL);         /* {} : no plural */
    a = agent(d, &m, "attorneys", "general");
    CHECK(a != NULL);
    CHECK_INT(m, 2);
    CHECK_STR(a->code, "GOVJUD");
    CHECK(agent(d, &m, "attorney", "generals") == NULL);  /* {...} replaces the automatic plural */
    a = agent(d, &m, "Red", "Cross");
    CHECK(a != NULL);
    CHECK(a->prefix);
    CHECK_STR(a->code, "NGO");
    a = agent(d, &m, "press", "aides");                   /* !STAFF! substitution */
    CHECK(a != NULL);
    CHECK_STR(a->code, "GOVMED");
    CHECK(agent(d, &m, "press", "officer") != NULL);
    CHECK(agent(d, &m, "press", "staff") == NULL);
    CHECK_STR(agent(d, &m, "deputies", NULL)->code, "LEG");   /* Y → IES */
    CHECK(agent(d, &m, "witnesses", NULL) != NULL);       /* SS → SSES */
    a = agent(d, &m, "foreign", "minister");
    CHECK(a != NULL);
    CHECK_INT(m, 2);
    CHECK(agent(d, &m, "foreign", NULL) == NULL);
    rl_dicts_close(d);
}

static void test_discards(void) {
    seen s = {0};
    rl_dicts *d = load_one(RL_DICT_DISCARDS, FIX "test.discards.txt", &s);
    CHECK(d != NULL);
    size_t m;
    bool story = true;
    const char *cup[] = {"World", "Cup", "final"};
    CHECK(rl_dict_match_discard(d, cup, 3, &m, &story));
    CHECK_INT(m, 2);
    CHECK(!story);
    const char *fantasy[] = {"fantasy", "league"};
    CHECK(rl_dict_match_discard(d, fantasy, 2, &m, &story));
    CHECK(story);
    const char *stem[] = {"baseballers"};                 /* no final '_': a stem */
    CHECK(rl_dict_match_discard(d, stem, 1, &m, &story));
    const char *golfer[] = {"golfer"};
    CHECK(!rl_dict_match_discard(d, golfer, 1, &m, &story));
    const char *golf[] = {"golf"};
    CHECK(rl_dict_match_discard(d, golf, 1, &m, &story));
    const char *world[] = {"world"};
    CHECK(!rl_dict_match_discard(d, world, 1, &m, &story));
    rl_dicts_close(d);
}

/* Malformed lines are reported with file:line and skipped; NUL bytes and invalid UTF-8
 * do no harm; the good lines around them still load. */
static void test_malformed(void) {
    char path[] = "/tmp/redline-dict-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    static const char text[] =
        "GOOD_ONE_ [AAA]\n"
        "\t[BBB 20201301-20211231]\n"             /* 2: invalid month */
        "[CCC >20200101]\n"                       /* 3: a code line, PETRARCH-style */
        "BAD\0NUL_ [DDD]\n"                       /* 4: NUL byte */
        "CAF\xC3\xA9_ [EEE]\n"                    /* 5: UTF-8, lower-case é */
        "JUNK\xFF\xFE_ [FFF]\n"                   /* 6: invalid UTF-8 */
        "+\n"                                     /* 7: empty synonym */
        "UNCLOSED_ [GGG\n"                        /* 8 */
        "GOOD_TWO_ [HHH]\n";
    CHECK(write(fd, text, sizeof text - 1) == (ssize_t)(sizeof text - 1));
    close(fd);
    seen s = {0};
    rl_dicts *d = load_one(RL_DICT_ACTORS, path, &s);
    unlink(path);
    CHECK(d != NULL);
    char want[300];
    snprintf(want, sizeof want, "E %s:2: invalid date", path);
    CHECK(seen_has(&s, want));
    snprintf(want, sizeof want, "W %s:4: NUL byte", path);
    CHECK(seen_has(&s, want));
    snprintf(want, sizeof want, "E %s:7: missing phrase", path);
    CHECK(seen_has(&s, want));
    snprintf(want, sizeof want, "E %s:8: unclosed", path);
    CHECK(seen_has(&s, want));
    CHECK_INT(s.errors, 3);
    size_t m;
    const char *w1[] = {"good", "one"};
    const rl_actor_entry *e = rl_dict_match_actor(d, w1, 2, &m);
    CHECK(e != NULL);
    CHECK_STR(rl_actor_code_on(e, 20210101), "CCC");
    CHECK_INT(e->nranges, 1);
    const char *w2[] = {"good", "two"};
    CHECK(rl_dict_match_actor(d, w2, 2, &m) != NULL);
    const char *w3[] = {"Caf\xC3\xA9"};                 /* upper-cased through Unicode */
    e = rl_dict_match_actor(d, w3, 1, &m);
    CHECK(e != NULL);
    CHECK_STR(e->default_code, "EEE");
    const char *w4[] = {"junk\xFF\xFE"};
    CHECK(rl_dict_match_actor(d, w4, 1, &m) != NULL);
    rl_dicts_close(d);
}

static void test_bad_verbs(void) {
    seen s = {0};
    rl_dicts *d = load_one(RL_DICT_VERBS, FIX "bad.verbs.txt", &s);
    CHECK(d != NULL);
    CHECK(seen_has(&s, "E " FIX "bad.verbs.txt:2: pattern outside a verb block"));
    CHECK(seen_has(&s, "E " FIX "bad.verbs.txt:5: unclosed '{'"));
    CHECK(seen_has(&s, "E " FIX "bad.verbs.txt:8: two '*'"));
    CHECK(seen_has(&s, "E " FIX "bad.verbs.txt:9: pattern without '*'"));
    CHECK(seen_has(&s, "E " FIX "bad.verbs.txt:10: bad event code '04x'"));
    CHECK(seen_has(&s, "W " FIX "bad.verbs.txt:12: undefined synset &UNDEFINED"));
    CHECK(seen_has(&s, "E " FIX "bad.verbs.txt:13: transformation"));
    CHECK_INT(s.errors, 9);
    const rl_verb_entry *const *v;
    CHECK_INT(rl_dict_verbs(d, "MEND", &v), 1);           /* reading went on */
    CHECK_INT(v[0]->block->npatterns, 2);
    CHECK_INT(rl_dict_verbs(d, "BREAK", &v), 0);          /* its line was skipped */
    /* The check finds the unknown code (when the ontology is there). */
    seen c = {0};
    rl_dict_stats found = {0};
    size_t errors = rl_dicts_check(d, collect, &c, &found);
    if (rl_cameo_count() > 0) {
        CHECK_INT(errors, 1);
        CHECK_INT(found.unknown_codes, 1);
        CHECK(seen_has(&c, FIX "bad.verbs.txt:11: unknown CAMEO code '0999'"));
    } else {
        CHECK_INT(errors, 0);
        CHECK(seen_has(&c, "ontology is empty"));
    }
    rl_dicts_close(d);
}

static void test_check(void) {
    seen s = {0};
    rl_error err;
    rl_dicts *d = rl_dicts_new(&err);
    CHECK(d != NULL);
    CHECK_INT(rl_dicts_load(d, RL_DICT_UNKNOWN, FIX "test.verbs.txt", collect, &s, &err), 0);
    CHECK_INT(rl_dicts_load(d, RL_DICT_ACTORS, FIX "bad.actors.txt", collect, &s, &err), 0);
    CHECK_INT(rl_dicts_load(d, RL_DICT_ACTORS, FIX "test.actors.txt", collect, &s, &err), 0);
    CHECK_INT(rl_dicts_finish(d, &err), 0);
    CHECK(rl_dicts_load(d, RL_DICT_ACTORS, FIX "test.actors.txt", NULL, NULL, &err) != 0);
    CHECK(seen_has(&s, "E " FIX "bad.actors.txt:5: invalid date"));
    CHECK(seen_has(&s, "E " FIX "bad.actors.txt:6: invalid date"));
    CHECK(seen_has(&s, "W " FIX "bad.actors.txt:7: 7-digit date"));
    seen c = {0};
    rl_dict_stats found = {0};
    size_t errors = rl_dicts_check(d, collect, &c, &found);
    CHECK_INT(errors, 2);
    CHECK(seen_has(&c, "E " FIX "bad.actors.txt:2: PINKY: overlapping date ranges for FRDMIL"));
    CHECK(seen_has(&c, "E " FIX "bad.actors.txt:4: BRAIN: inverted date range"));
    CHECK(!seen_has(&c, "SNOWBALL"));                      /* a shared end day is fine */
    CHECK(seen_has(&c, "W " FIX "bad.actors.txt:10: NOCODE: entry has no code"));
    CHECK(seen_has(&c, "W " FIX "test.verbs.txt:32: duplicate pattern '- * CEASEFIRE' (same as line 27)"));
    CHECK(seen_has(&c, "W " FIX "test.verbs.txt:33: unreachable pattern"));
    CHECK(seen_has(&c, "W " FIX "test.verbs.txt:45: verb 'DISCUSS' is also listed"));
    CHECK_INT(found.duplicates, 1);
    CHECK_INT(found.unreachable_patterns, 2);
    rl_dicts_close(d);
}

static void test_kinds(void) {
    CHECK_INT(rl_dict_guess_kind("x/my.verbs.txt", "", 0), RL_DICT_VERBS);
    CHECK_INT(rl_dict_guess_kind("Phoenix.agents.txt", "", 0), RL_DICT_AGENTS);
    static const char verbs[] = "# c\n---  ASK   [---]  ---\nASK\n";
    CHECK_INT(rl_dict_guess_kind("CAMEO.txt", verbs, sizeof verbs - 1), RL_DICT_VERBS);
    static const char agents[] = "FARMER [~AGR]\n";
    CHECK_INT(rl_dict_guess_kind("a.txt", agents, sizeof agents - 1), RL_DICT_AGENTS);
    static const char orgs[] = "HUMAN_RIGHTS_BODY [NGO~]\n";
    CHECK_INT(rl_dict_guess_kind("a.txt", orgs, sizeof orgs - 1), RL_DICT_AGENTS);
    static const char actors[] = "FREEDONIA_ [FRD]\n";
    CHECK_INT(rl_dict_guess_kind("a.txt", actors, sizeof actors - 1), RL_DICT_ACTORS);
    static const char discards[] = "# [not a code]\nWORLD CUP\n";
    CHECK_INT(rl_dict_guess_kind("a.txt", discards, sizeof discards - 1), RL_DICT_DISCARDS);
    CHECK_STR(rl_dict_kind_name(RL_DICT_ACTORS), "actors");
    CHECK_INT(rl_dict_kind_from_name("discards"), RL_DICT_DISCARDS);
    CHECK_INT(rl_dict_kind_from_name("nonsense"), RL_DICT_UNKNOWN);
}

/* Text in memory reads like a file; the name stands for it in reports. */
static void test_memory(void) {
    static const char text[] = "# in memory\nFREEDONIA_ [FRD]\n\t[FRDGOV 19990132-20001231]\n";
    rl_error err;
    rl_dicts *d = rl_dicts_new(&err);
    CHECK(d != NULL);
    seen s = {0};
    CHECK_INT(rl_dicts_load_memory(d, RL_DICT_UNKNOWN, "mem.txt", text, sizeof text - 1, collect,
                                   &s, &err), 0);
    CHECK_INT(rl_dicts_finish(d, &err), 0);
    CHECK(seen_has(&s, "E mem.txt:3: invalid date"));
    size_t m;
    const char *w[] = {"freedonia"};
    const rl_actor_entry *e = rl_dict_match_actor(d, w, 1, &m);
    CHECK(e != NULL);
    CHECK_STR(e->file, "mem.txt");
    CHECK_INT(e->line, 2);
    rl_dicts_close(d);
}

/* Substitution classes cannot blow up: items are not expanded again, and too many
 * expansions make an error, quickly (found by fuzzing). */
static void test_agent_expansion_bounded(void) {
    static const char text[] =
        "!A! = X!A!, Y!A!, Z\n"
        "!B! = P, Q, R, S, T, U, V, W\n"
        "W!B!!B!!B!!B!!B!!B!!B!!B!!B!!B!!B!!B!!B!!B! [~GOV]\n"
        "V!A!!A! [~GOV]\n"
        "OK_AGENT [~GOV]\n";
    rl_error err;
    rl_dicts *d = rl_dicts_new(&err);
    CHECK(d != NULL);
    seen s = {0};
    clock_t t0 = clock();
    CHECK_INT(rl_dicts_load_memory(d, RL_DICT_AGENTS, "x.agents.txt", text, sizeof text - 1,
                                   collect, &s, &err), 0);
    CHECK((clock() - t0) / CLOCKS_PER_SEC < 2);
    CHECK_INT(rl_dicts_finish(d, &err), 0);
    CHECK(seen_has(&s, "E x.agents.txt:3: too many"));
    CHECK_INT(s.errors, 1);
    size_t m;
    const char *w[] = {"vzz"};
    CHECK(rl_dict_match_agent(d, w, 1, &m) != NULL);
    const char *ok[] = {"ok", "agent"};
    CHECK(rl_dict_match_agent(d, ok, 2, &m) != NULL);
    rl_dicts_close(d);
}

/* rl_dicts_open: explicit files replace a kind (comma lists allowed); missing default
 * files leave that kind empty; a missing named file is an error. */
static void test_open(void) {
    rl_error err;
    rl_resource_paths p = {0};
    p.verbs = FIX "test.verbs.txt";
    p.actors = FIX "test.actors.txt," FIX "bad.actors.txt";
    rl_dicts *d = rl_dicts_open(&p, "/nonexistent-redline-data", NULL, NULL, &err);
    CHECK(d != NULL);
    rl_dict_stats st;
    rl_dict_get_stats(d, &st);
    CHECK_INT(st.actors, 14);
    CHECK_INT(st.verb_blocks, 3);
    CHECK_INT(st.agents, 0);
    CHECK_INT(st.discards, 0);
    rl_dicts_close(d);
    p.agents = FIX "no-such-file.txt";
    d = rl_dicts_open(&p, "/nonexistent-redline-data", NULL, NULL, &err);
    CHECK(d == NULL);
    CHECK_INT(err.status, RL_ERR_IO);
    CHECK(strstr(err.file, "no-such-file.txt") != NULL);
}

/* The real PETRARCH / Phoenix dictionaries, when ../shared is there: no errors. */
static void test_shared_files(void) {
    static const char *const names[] = {"CAMEO.2.0.txt", "Phoenix.Countries.actors.txt",
                                        "Phoenix.International.actors.txt",
                                        "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt",
                                        "Phoenix.discards.txt"};
    char path[1024];
    snprintf(path, sizeof path, "%s/reference/petrarch/CAMEO.2.0.txt", check_shared_dir());
    struct stat sb;
    if (stat(path, &sb) != 0) SKIP("../shared/reference/petrarch not present");
    rl_error err;
    rl_dicts *d = rl_dicts_new(&err);
    CHECK(d != NULL);
    seen s = {0};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/reference/petrarch/%s", check_shared_dir(), names[i]);
        CHECK_INT(rl_dicts_load(d, RL_DICT_UNKNOWN, path, collect, &s, &err), 0);
    }
    CHECK_INT(rl_dicts_finish(d, &err), 0);
    CHECK_INT(s.errors, 0);
    rl_dict_stats st;
    rl_dict_get_stats(d, &st);
    CHECK_INT(st.errors, 0);
    CHECK(st.patterns > 4000);
    CHECK(st.actors > 20000);
    CHECK(st.agents > 2000);
    CHECK(st.discards > 400);
    size_t m;
    const char *w[] = {"Afghanistan"};
    const rl_actor_entry *e = rl_dict_match_actor(d, w, 1, &m);
    CHECK(e != NULL);
    CHECK_STR(rl_actor_code_on(e, 20190101), "AFG");
    const rl_verb_entry *const *v;
    CHECK(rl_dict_verbs(d, "ASK", &v) >= 1);
    rl_dicts_close(d);
}

int main(void) {
    RUN(test_verb_words);
    RUN(test_synsets);
    RUN(test_patterns);
    RUN(test_actors);
    RUN(test_agents);
    RUN(test_discards);
    RUN(test_malformed);
    RUN(test_bad_verbs);
    RUN(test_check);
    RUN(test_kinds);
    RUN(test_memory);
    RUN(test_agent_expansion_bounded);
    RUN(test_open);
    RUN(test_shared_files);
    return CHECK_DONE();
}
