/* actors.c — noun phrases on the tree → actor codes (see actors.h). */
#include "actors.h"
#include "docres.h"

#include <string.h>
#include <utf8proc.h>

/* ---- the per-sentence tree view ---- */

char *rl_upper(rl_arena *a, const char *s) {
    size_t n = strlen(s);
    size_t cap = n * 2 + 8;   /* upper case can grow a little in UTF-8 */
    char *out = rl_arena_alloc(a, cap);
    if (!out) return NULL;
    size_t o = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)n;
    while (left > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, left, &cp);
        if (k <= 0) { p++; left--; continue; }     /* skip a broken byte */
        p += k;
        left -= k;
        if (cp == 0x2019 || cp == 0x2018) cp = '\'';
        else cp = utf8proc_toupper(cp);
        if (o + 4 >= cap) break;
        o += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out + o);
    }
    out[o] = '\0';
    return out;
}

int rl_tree_init(rl_tree *t, const rl_sentence *s, rl_arena *a) {
    int n = s->ntokens;
    memset(t, 0, sizeof *t);
    t->s = s;
    t->n = n;
    int *off = rl_arena_calloc(a, (size_t)n + 2, sizeof(int));
    int *kids = rl_arena_calloc(a, (size_t)n + 1, sizeof(int));
    int *fill = rl_arena_calloc(a, (size_t)n + 1, sizeof(int));
    const char **uf = rl_arena_calloc(a, (size_t)n + 1, sizeof(char *));
    const char **ul = rl_arena_calloc(a, (size_t)n + 1, sizeof(char *));
    if (!off || !kids || !fill || !uf || !ul) return -1;
    for (int i = 0; i < n; i++) {
        int h = s->tokens[i].head;
        if (h >= 1 && h <= n && h - 1 != i) off[h]++;   /* counts shifted by one */
    }
    for (int i = 1; i <= n; i++) off[i] += off[i - 1];
    for (int i = 0; i < n; i++) {
        int h = s->tokens[i].head;
        if (h >= 1 && h <= n && h - 1 != i) kids[off[h - 1] + fill[h - 1]++] = i;
    }
    for (int i = 0; i < n; i++) {
        const rl_token *tk = &s->tokens[i];
        if (!(uf[i] = rl_upper(a, tk->form ? tk->form : ""))) return -1;
        if (tk->lemma && *tk->lemma && strcmp(tk->lemma, "_") != 0) {
            if (!(ul[i] = rl_upper(a, tk->lemma))) return -1;
        } else {
            ul[i] = uf[i];
        }
    }
    t->kid_off = off;
    t->kids = kids;
    t->uform = uf;
    t->ulemma = ul;
    return 0;
}

int rl_tree_head(const rl_tree *t, int i) {
    int h = t->s->tokens[i].head;
    return h >= 1 && h <= t->n && h - 1 != i ? h - 1 : -1;
}

bool rl_tree_rel(const rl_tree *t, int i, const char *rel) {
    const char *r = t->s->tokens[i].deprel;
    if (!r || r[0] != rel[0]) return false;   /* most tests fail here, cheaply */
    size_t n = strlen(rel);
    if (strncmp(r, rel, n) != 0) return false;
    return r[n] == '\0' || (r[n] == ':' && !strchr(rel, ':'));
}

int rl_tree_child(const rl_tree *t, int i, const char *rel) {
    for (int k = t->kid_off[i]; k < t->kid_off[i + 1]; k++)
        if (rl_tree_rel(t, t->kids[k], rel)) return t->kids[k];
    return -1;
}

const char *rl_tree_case(const rl_tree *t, int i) {
    int c = rl_tree_child(t, i, "case");
    if (c < 0) c = rl_tree_child(t, i, "mark");
    return c >= 0 ? t->ulemma[c] : NULL;
}

bool rl_tree_dominates(const rl_tree *t, int b, int a) {
    for (int steps = 0; a >= 0 && steps <= t->n; steps++) {
        if (a == b) return true;
        a = rl_tree_head(t, a);
    }
    return false;
}

static bool is_punct(const rl_tree *t, int i) {
    const char *u = t->s->tokens[i].upos;
    return (u && strcmp(u, "PUNCT") == 0) || rl_tree_rel(t, i, "punct");
}

const char *rl_tree_text(const rl_tree *t, rl_arena *a, int from, int to) {
    size_t len = 0;
    for (int i = from; i <= to; i++) len += strlen(t->s->tokens[i].form) + 1;
    char *out = rl_arena_alloc(a, len + 1);
    if (!out) return NULL;
    size_t o = 0;
    for (int i = from; i <= to; i++) {
        size_t k = strlen(t->s->tokens[i].form);
        memcpy(out + o, t->s->tokens[i].form, k);
        o += k;
        if (i < to && t->s->tokens[i].space_after) out[o++] = ' ';
    }
    out[o] = '\0';
    return out;
}

/* The leftmost and rightmost tokens of i's subtree. */
static void span(const rl_tree *t, int i, int *lo, int *hi) {
    if (i < *lo) *lo = i;
    if (i > *hi) *hi = i;
    for (int k = t->kid_off[i]; k < t->kid_off[i + 1]; k++) span(t, t->kids[k], lo, hi);
}

const char *rl_tree_subtree_text(const rl_tree *t, rl_arena *a, int i) {
    int lo = i, hi = i;
    span(t, i, &lo, &hi);
    while (lo < i && (rl_tree_rel(t, lo, "case") || rl_tree_rel(t, lo, "mark") ||
                      is_punct(t, lo)))
        lo++;
    while (hi > i && is_punct(t, hi)) hi--;
    return rl_tree_text(t, a, lo, hi);
}

/* ---- actor phrases ---- */

/* Role words that code an agent even when the agent dictionary lacks them, so the
 * common government and military roles work with small dictionaries. */
static const struct { const char *word, *code; } fallback_roles[] = {
    {"MINISTER", "GOV"}, {"MINISTRY", "GOV"}, {"PRESIDENT", "GOV"},
    {"PRESIDENTIAL", "GOV"}, {"GOVERNMENT", "GOV"}, {"MISSION", "GOV"},
    {"EMBASSY", "GOV"}, {"AMBASSADOR", "GOV"}, {"PREMIER", "GOV"},
    {"COUNTERPART", "GOV"},
    {"ARMY", "MIL"}, {"MILITARY", "MIL"}, {"TROOPS", "MIL"}, {"POLICE", "COP"},
    {"OPPOSITION", "OPP"}, {"REBELS", "REB"}, {"REBEL", "REB"},
};

static const char *fallback_role(const char *w) {
    for (size_t i = 0; i < sizeof fallback_roles / sizeof *fallback_roles; i++)
        if (strcmp(fallback_roles[i].word, w) == 0) return fallback_roles[i].code;
    return NULL;
}

/* Dependents that belong to the actor phrase itself. */
static bool core_rel(const rl_tree *t, int c) {
    return rl_tree_rel(t, c, "compound") || rl_tree_rel(t, c, "flat") ||
           rl_tree_rel(t, c, "amod") || rl_tree_rel(t, c, "nmod:poss") ||
           rl_tree_rel(t, c, "fixed") || rl_tree_rel(t, c, "det") ||
           rl_tree_rel(t, c, "nmod:desc");
}

static void core_mark(const rl_actor_ctx *cx, int i, char *mark, int depth) {
    const rl_tree *t = cx->t;
    mark[i] = 1;
    if (depth > 8) return;
    for (int k = t->kid_off[i]; k < t->kid_off[i + 1]; k++) {
        int c = t->kids[k];
        if (cx->swap && c == cx->swap_out) mark[cx->swap_in] = 1;
        else if (core_rel(t, c)) core_mark(cx, c, mark, depth + 1);
    }
}

static bool skip_word(const rl_tree *t, int i) {
    const char *u = t->uform[i];
    if (is_punct(t, i)) return true;
    if (rl_tree_rel(t, i, "det") && !rl_tree_rel(t, i, "det:poss")) return true;
    return strcmp(u, "'S") == 0 || strcmp(u, "'") == 0 || strcmp(u, "S'") == 0;
}

/* The pronoun "us" in lower case, whatever the tagger made of it: the country
 * dictionary's "US" (the USA) must never read it ("they attacked us"). */
static bool lower_us(const rl_tree *t, int i) {
    const char *f = t->s->tokens[i].form;
    return f && strcmp(f, "us") == 0;
}


static const char *join(rl_arena *a, const char *x, const char *y, bool prefix) {
    size_t nx = strlen(x);
    size_t ny = strlen(y);
    if (!prefix && nx >= ny && strcmp(x + nx - ny, y) == 0) return x;   /* IRNGOV + GOV */
    return prefix ? rl_arena_printf(a, "%s%s", y, x) : rl_arena_printf(a, "%s%s", x, y);
}

/* Pronouns: the speaker for first person, the last person for he/she, the last
 * non-person actor for it. */
/* The nearest actor mentioned before pos in this sentence that is (or is not) a person.
 * An object pronoun ("welcomed him") never stands for its own clause's subject. */
static const char *mentioned_before(const rl_actor_ctx *c, int pos, bool want_person,
                                    bool want_plural) {
    if (!c->mention_code) return NULL;
    if (want_plural && c->mention_plural) {
        /* "they" is the nearest plural group, when there is one */
        for (int j = pos - 1; j >= 0; j--)
            if (c->mention_code[j] && !c->mention_person[j] && c->mention_plural[j])
                return c->mention_code[j];
    }
    const rl_tree *t = c->t;
    int h = rl_tree_head(t, pos);
    bool object = rl_tree_rel(t, pos, "obj") || rl_tree_rel(t, pos, "iobj") ||
                  rl_tree_rel(t, pos, "obl");
    for (int j = pos - 1; j >= 0; j--) {
        if (!c->mention_code[j] || c->mention_person[j] != want_person) continue;
        if (object && h >= 0 && rl_tree_head(t, j) == h && rl_tree_rel(t, j, "nsubj")) continue;
        return c->mention_code[j];
    }
    return NULL;
}

static const char *pronoun_code(const rl_actor_ctx *c, const char *u, int pos, bool *person) {
    static const char *const first[] = {"I", "ME", "MY", "WE", "US", "OUR", "OURS",
                                        "MYSELF", "OURSELVES", NULL};
    static const char *const third[] = {"HE", "SHE", "HIM", "HER", "HIS", "HIMSELF",
                                        "HERSELF", NULL};
    for (int i = 0; first[i]; i++)
        if (strcmp(u, first[i]) == 0) { *person = false; return c->speaker; }
    for (int i = 0; third[i]; i++)
        if (strcmp(u, third[i]) == 0) {
            *person = true;
            const char *m = mentioned_before(c, pos, true, false);
            return m ? m : rl_docres_last_person(c->doc);
        }
    if (strcmp(u, "IT") == 0 || strcmp(u, "ITS") == 0 || strcmp(u, "THEY") == 0 ||
        strcmp(u, "THEM") == 0 || strcmp(u, "THEIR") == 0) {
        *person = false;
        bool plural = u[0] == 'T';
        const char *m = mentioned_before(c, pos, false, plural);
        return m ? m : rl_docres_recent_actor(c->doc, plural);
    }
    return NULL;
}

/* Role nouns that name one person ("the president", "the envoy"), as opposed to
 * institutions ("the army", "the government"); such a phrase is remembered as a person
 * for "he"/"she". */
static const char *const person_roles[] = {
    "PRESIDENT", "MINISTER", "LEADER", "AMBASSADOR", "SPOKESMAN", "SPOKESWOMAN",
    "SPOKESPERSON", "ENVOY", "CHIEF", "HEAD", "COMMANDER", "GENERAL", "KING", "QUEEN",
    "PRINCE", "EMIR", "SULTAN", "CHANCELLOR", "PREMIER", "SECRETARY", "OFFICIAL",
    "DIPLOMAT", "GOVERNOR", "MAYOR", "JUDGE", "PROSECUTOR", "SPEAKER", "COMMISSIONER",
    "MONARCH", "COUNTERPART", "LAWMAKER", "SENATOR", "ACTIVIST", "JOURNALIST", "EMPEROR",
    "DICTATOR", "VICE", "DEPUTY", "NEGOTIATOR", "MEDIATOR", NULL
};

bool rl_person_role(const char *lemma) {
    for (int i = 0; person_roles[i]; i++)
        if (strcmp(person_roles[i], lemma) == 0) return true;
    return false;
}

static bool person_role(const char *lemma) { return rl_person_role(lemma); }

bool rl_tree_upos(const rl_tree *t, int i, const char *u) {
    const char *x = t->s->tokens[i].upos;
    return x && strcmp(x, u) == 0;
}

bool rl_tree_plural(const rl_tree *t, int i) {
    const char *x = t->s->tokens[i].xpos;
    const char *f = t->s->tokens[i].feats;
    if ((x && (strcmp(x, "NNS") == 0 || strcmp(x, "NNPS") == 0)) ||
        (f && strstr(f, "Number=Plur")))
        return true;
    /* without tags: an -s form whose lemma differs ("rebels" / "rebel") */
    size_t n = strlen(t->uform[i]);
    return n > 2 && t->uform[i][n - 1] == 'S' && strcmp(t->uform[i], t->ulemma[i]) != 0 &&
           strncmp(t->uform[i], t->ulemma[i], n - 1) == 0;
}

static bool is_plural(const rl_tree *t, int i) { return rl_tree_plural(t, i); }

typedef struct phrase_result {
    const char *code;
    const char *file;
    int line;
    bool person;
    const char *surname;   /* unmatched proper name in the phrase */
    const char *names[4];  /* every word of a person's name, for later mentions */
    int nnames;
    const char *role;      /* role word (agent or head noun) */
    int lo, hi;            /* words read */
} phrase_result;

static bool resolve_depth(const rl_actor_ctx *c, int head, rl_actor *out, int depth);

/* Country of a code: its first three letters when they are upper-case letters. */
static const char *country_of(rl_arena *a, const char *code) {
    if (!code || strlen(code) < 3) return code;
    return rl_arena_strndup(a, code, 3);
}

/* "Supporters of the former president": the followers of a leader out of office are
 * the opposition of the leader's country, not its government. A sitting leader's
 * supporters keep the code they had. */
static const char *follower_code(const rl_actor_ctx *c, int head, const char *code) {
    static const char *const followers[] = {"SUPPORTER", "SUPPORTERS", "FOLLOWER",
                                            "FOLLOWERS", "LOYALIST", "LOYALISTS", NULL};
    const rl_tree *t = c->t;
    char cc[4];
    bool follower = false;
    for (int i = 0; followers[i] && !follower; i++)
        follower = strcmp(t->ulemma[head], followers[i]) == 0;
    if (!follower || !code || !rl_code_country(code, cc)) return code;
    for (int k = t->kid_off[head]; k < t->kid_off[head + 1]; k++) {
        int o = t->kids[k];
        const char *cs = rl_tree_case(t, o);
        if (!rl_tree_rel(t, o, "nmod") || !cs || strcmp(cs, "OF") != 0) continue;
        for (int j = t->kid_off[o]; j < t->kid_off[o + 1]; j++) {
            const char *m = t->ulemma[t->kids[j]];
            if (rl_tree_rel(t, t->kids[j], "amod") &&
                (strcmp(m, "FORMER") == 0 || strcmp(m, "OUSTED") == 0 ||
                 strcmp(m, "DEPOSED") == 0 || strcmp(m, "JAILED") == 0 ||
                 strcmp(m, "EXILED") == 0))
            {
                const char *w = rl_arena_printf(c->arena, "%sOPP", cc);
                return w ? w : code;
            }
        }
    }
    return code;
}

static bool read_phrase(const rl_actor_ctx *c, int head, phrase_result *r, int depth) {
    const rl_tree *t = c->t;
    int n = t->n;
    memset(r, 0, sizeof *r);
    r->lo = r->hi = head;
    /* The buffers are only used before any recursion below, so a sentence's phrases can
     * share one set. */
    char *mark = c->scratch_mark;
    const char **words = c->scratch_words;
    int *idx = c->scratch_idx;
    char *used = c->scratch_used;
    if (!mark || !words || !idx || !used) {
        mark = rl_arena_calloc(c->arena, (size_t)n + 1, 1);
        words = rl_arena_calloc(c->arena, (size_t)n + 1, sizeof(char *));
        idx = rl_arena_calloc(c->arena, (size_t)n + 1, sizeof(int));
        used = rl_arena_calloc(c->arena, (size_t)n + 1, 1);
        if (!mark || !words || !idx || !used) return false;
    } else {
        memset(mark, 0, (size_t)n + 1);
        memset(used, 0, (size_t)n + 1);
    }
    core_mark(c, head, mark, 0);
    /* A capitalised modifier just left of the phrase but attached elsewhere is a parser
     * slip ("Serbian President X promised": Serbian as an adverb of promised). */
    int first = head;
    for (int i = 0; i < n; i++)
        if (mark[i]) { first = i; break; }
    for (int i = first - 1, steps = 0; i >= 0 && steps < 3; i--, steps++) {
        const char *f = t->s->tokens[i].form;
        if (strcmp(t->uform[i], "'S") == 0 && i > 0) continue;   /* "Myanmar 's" */
        if (!(rl_tree_upos(t, i, "ADJ") || rl_tree_upos(t, i, "PROPN")) || !(f[0] >= 'A' && f[0] <= 'Z'))
            break;
        int h = rl_tree_head(t, i);
        if (h >= 0 && mark[h]) break;   /* attached inside: already read */
        /* "Central African Republic troops" with the country's first words as the
         * clause's head and its flat part */
        int g = rl_tree_head(t, head);
        bool root_name = g >= 0 && g < head && rl_tree_head(t, g) < 0 &&
                         rl_tree_rel(t, head, "nmod") && (i == g ||
                         (rl_tree_rel(t, i, "flat") && h == g));
        if (!(rl_tree_rel(t, i, "advmod") || rl_tree_rel(t, i, "amod") ||
              rl_tree_rel(t, i, "dep") || rl_tree_rel(t, i, "nmod:poss") || root_name))
            break;
        /* only when it is not itself an argument of the verb */
        if (h >= 0 && rl_tree_rel(t, i, "nmod:poss") && h == rl_tree_head(t, head)) {
            mark[i] = 1;
            continue;
        }
        if (rl_tree_rel(t, i, "nmod:poss")) break;
        mark[i] = 1;
    }

    int nw = 0;
    for (int i = 0; i < n; i++) {
        if (!mark[i]) continue;
        if (i < r->lo) r->lo = i;
        if (i > r->hi) r->hi = i;
        if (skip_word(t, i) || lower_us(t, i)) continue;
        words[nw] = t->uform[i];
        idx[nw++] = i;
    }
    while (r->lo < head && skip_word(t, r->lo) && !rl_tree_rel(t, r->lo, "nmod:poss")) r->lo++;

    const char *actor = NULL, *agent = NULL, *head_actor = NULL;
    const char *afile = NULL;
    int aline = 0;
    bool agent_prefix = false;
    const char *poss_pronoun = NULL;
    for (int i = 0; i < nw;) {
        size_t ma = 0, mg = 0;
        const rl_actor_entry *ae = NULL;
        const rl_agent_entry *ge = NULL;
        if (c->dicts) {
            ae = rl_dict_match_actor(c->dicts, words + i, (size_t)(nw - i), &ma);
            ge = rl_dict_match_agent(c->dicts, words + i, (size_t)(nw - i), &mg);
        }
        if (!ae) ma = 0;
        if (!ge) mg = 0;
        if (ae && ma >= mg) {
            const char *code = rl_actor_code_on(ae, c->date);
            bool covers = false;
            for (size_t k = 0; k < ma; k++) {
                used[i + (int)k] = 1;
                if (idx[i + (int)k] == head) covers = true;
            }
            if (code) {
                if (covers) head_actor = code;
                actor = code;
                afile = ae->file;
                aline = ae->line;
                if (covers && strlen(code) > 3 && rl_tree_upos(t, head, "PROPN")) {
                    r->person = true;
                    for (size_t k = 0; k < ma && r->nnames < 4; k++)
                        if (rl_tree_upos(t, idx[i + (int)k], "PROPN"))
                            r->names[r->nnames++] = words[i + (int)k];
                }
            }
            i += (int)ma;
        } else if (ge && mg > 0) {
            if (!agent) { agent = ge->code; agent_prefix = ge->prefix; }
            for (size_t k = 0; k < mg; k++) used[i + (int)k] = 1;
            r->role = words[i + (int)mg - 1];
            i += (int)mg;
        } else {
            const char *fb = fallback_role(t->ulemma[idx[i]]);
            if (!fb) fb = fallback_role(words[i]);
            if (fb) {
                if (!agent) agent = fb;
                used[i] = 1;
                r->role = t->ulemma[idx[i]];
            } else if (rl_tree_upos(t, idx[i], "PRON") || rl_tree_rel(t, idx[i], "nmod:poss")) {
                bool person = false;
                const char *pc = pronoun_code(c, words[i], idx[i], &person);
                if (pc && idx[i] != head) poss_pronoun = pc;
            }
            i++;
        }
    }
    /* The surname: the last proper noun no dictionary entry consumed. */
    for (int i = nw - 1; i >= 0; i--) {
        if (!used[i] && rl_tree_upos(t, idx[i], "PROPN")) { r->surname = words[i]; break; }
    }
    /* "Xi Jinping" is later "Xi", "Joe Biden" "Biden": remember every name word */
    for (int i = 0; i < nw && r->nnames < 4; i++)
        if (!used[i] && rl_tree_upos(t, idx[i], "PROPN")) r->names[r->nnames++] = words[i];
    if (r->surname) r->person = true;
    if (!r->role && rl_tree_upos(t, head, "NOUN")) r->role = t->ulemma[head];
    if (rl_tree_upos(t, head, "NOUN") && !is_plural(t, head) && person_role(t->ulemma[head]))
        r->person = true;

    const char *code = head_actor ? head_actor : actor;
    if (code && strlen(code) == 3 && agent) code = join(c->arena, code, agent, agent_prefix);
    if (!code && !agent && nw == 1 && rl_tree_child(t, head, "det") >= 0 &&
        (strcmp(t->ulemma[head], "COUNTRY") == 0 || strcmp(t->ulemma[head], "NATION") == 0)) {
        /* "the country": the one the story is about */
        char buf[4];
        for (int j = head - 1; j >= 0 && !code && c->mention_code; j--)
            if (c->mention_code[j] && rl_code_country(c->mention_code[j], buf))
                code = rl_arena_strdup(c->arena, buf);
        if (!code) code = rl_docres_last_country(c->doc);
    }
    if (!code && !agent && nw == 1 && rl_tree_child(t, head, "det") >= 0 &&
        (strcmp(t->ulemma[head], "GROUP") == 0 || strcmp(t->ulemma[head], "ORGANISATION") == 0 ||
         strcmp(t->ulemma[head], "ORGANIZATION") == 0 || strcmp(t->ulemma[head], "MOVEMENT") == 0))
        /* "the group": the organisation the story is about */
        code = rl_docres_last_body(c->doc);
    if (!code && poss_pronoun) {
        /* "his country", "its government": the possessor's country */
        const char *h = t->ulemma[head];
        if (strcmp(h, "COUNTRY") == 0 || strcmp(h, "NATION") == 0)
            code = country_of(c->arena, poss_pronoun);
        else if (agent)
            code = join(c->arena, country_of(c->arena, poss_pronoun), agent, agent_prefix);
    }
    if (!code && depth < 4) {
        /* A role without a country takes it from "of/for/from" modifiers; "at/in"
         * phrases only say where the actor sits. */
        for (int k = t->kid_off[head]; k < t->kid_off[head + 1] && !code; k++) {
            int ch = t->kids[k];
            if (!rl_tree_rel(t, ch, "nmod")) continue;
            const char *cs = rl_tree_case(t, ch);
            /* "protesters in Myanmar", "police in Washington": a group in a country
             * belongs to it; an office at a place does not ("mission at the UN") */
            if (!cs || !(strcmp(cs, "OF") == 0 || strcmp(cs, "FOR") == 0 ||
                         strcmp(cs, "FROM") == 0 || (agent && strcmp(cs, "IN") == 0)))
                continue;
            rl_actor sub;
            if (resolve_depth(c, ch, &sub, depth + 1)) {
                code = strlen(sub.code) == 3 && agent
                           ? join(c->arena, sub.code, agent, agent_prefix) : sub.code;
                afile = sub.file;
                aline = sub.line;
                int lo = r->lo, hi = r->hi;
                span(t, ch, &lo, &hi);
                r->hi = hi;
            }
        }
    }
    if (!code && r->surname) {
        code = rl_docres_person(c->doc, r->surname);
        if (code) r->person = true;
    }
    if (!code && r->role && !r->surname && rl_tree_child(t, head, "det") >= 0) {
        /* "the president", "the head of the office": someone introduced with that role */
        code = rl_docres_role(c->doc, r->role);
        if (code) r->person = true;
    }
    if (!code && agent && r->surname && rl_tree_upos(t, head, "PROPN") && c->mention_code &&
        !rl_docres_person(c->doc, r->surname)) {
        /* "President Yoweri Museveni has banned Ugandan opposition candidates": a titled
         * name the dictionaries do not know takes the country the sentence names */
        char buf[4];
        for (int j = 0; j < t->n && !code; j++)
            if (c->mention_code[j] && (j < r->lo || j > r->hi) &&
                rl_code_country(c->mention_code[j], buf)) {
                code = join(c->arena, rl_arena_strdup(c->arena, buf), agent, agent_prefix);
                r->person = true;
            }
    }
    if (!code && agent && !r->surname && rl_tree_child(t, head, "det") >= 0) {
        /* "the government", "the army": the country the story is about */
        const char *cc = NULL;
        char buf[4];
        for (int j = head - 1; j >= 0 && !cc && c->mention_code; j--)
            if (c->mention_code[j] && rl_code_country(c->mention_code[j], buf))
                cc = rl_arena_strdup(c->arena, buf);
        /* "the rebels" after "the ELN rebels": the group named with that role */
        if (!cc && rl_tree_upos(t, head, "NOUN")) code = rl_docres_body_role(c->doc, t->ulemma[head]);
        if (!cc && !code) cc = rl_docres_last_country(c->doc);
        /* "The opposition leader was arrested by Turkish police": a first sentence
         * may name the country after the role */
        for (int j = head + 1; j < t->n && !cc && c->mention_code; j++)
            if (c->mention_code[j] && rl_code_country(c->mention_code[j], buf))
                cc = rl_arena_strdup(c->arena, buf);
        if (cc && !code) code = join(c->arena, cc, agent, agent_prefix);
    }
    if (!code && agent && !r->surname && c->default_country)
        code = join(c->arena, c->default_country, agent, agent_prefix);
    code = follower_code(c, head, code);
    r->code = code;
    r->file = afile;
    r->line = aline;
    return code != NULL;
}

/* "Hundreds of thousands of protesters", "dozens of students": a quantity is its
 * of-phrase's actor. */
static bool quantity_noun(const char *lemma) {
    static const char *const w[] = {"HUNDRED", "HUNDREDS", "THOUSAND", "THOUSANDS",
                                    "DOZEN", "DOZENS", "MILLION", "MILLIONS", "SCORE",
                                    "SCORES", "TENS", NULL};
    for (int i = 0; w[i]; i++)
        if (strcmp(w[i], lemma) == 0) return true;
    return false;
}

/* A proper name the dictionaries do not know as the one subject of its clause
 * ("Jones opened a shop"). A second subject on the same verb is a parse
 * split ("Secretary - General") and says nothing. */
static bool unknown_subject(const rl_tree *t, int head) {
    if (!rl_tree_upos(t, head, "PROPN") || !rl_tree_rel(t, head, "nsubj")) return false;
    int h = rl_tree_head(t, head);
    if (h < 0) return false;
    for (int k = t->kid_off[h]; k < t->kid_off[h + 1]; k++)
        if (t->kids[k] != head && rl_tree_rel(t, t->kids[k], "nsubj")) return false;
    return true;
}

static bool resolve_depth(const rl_actor_ctx *c, int head, rl_actor *out, int depth) {
    const rl_tree *t = c->t;
    if (depth < 4 && quantity_noun(t->ulemma[head])) {
        for (int k = t->kid_off[head]; k < t->kid_off[head + 1]; k++) {
            int m = t->kids[k];
            const char *cs = rl_tree_case(t, m);
            if (rl_tree_rel(t, m, "nmod") && cs && strcmp(cs, "OF") == 0)
                return resolve_depth(c, m, out, depth + 1);
        }
    }
    memset(out, 0, sizeof *out);
    out->head = head;
    if (rl_tree_upos(t, head, "PRON") || lower_us(t, head)) {
        bool person = false;
        const char *pc = pronoun_code(c, t->uform[head], head, &person);
        if (!pc) return false;
        out->code = pc;
        out->person = person;
        out->text = t->s->tokens[head].form;
        return true;
    }
    phrase_result r;
    bool ok = read_phrase(c, head, &r, depth);
    /* Appositions name or describe the same actor: "Mahmoud Vaezi, the head of Iran's
     * presidential office" takes its code from the description. */
    int ap = rl_tree_child(t, head, "appos");
    phrase_result ar;
    bool have_ap = false;
    if (ap >= 0 && depth < 4) {
        have_ap = read_phrase(c, ap, &ar, depth + 1);
        if (!have_ap && !ar.code && ar.surname) have_ap = false;
        if (!ok && have_ap) {
            r.code = ar.code;
            r.file = ar.file;
            r.line = ar.line;
            ok = true;
        }
    }
    if (!ok) {
        if (c->remember && c->doc && depth == 0 && r.surname && unknown_subject(t, head))
            rl_docres_unknown_subject(c->doc);
        return false;
    }
    out->code = r.code;
    out->file = r.file;
    out->line = r.line;
    out->person = r.person || (have_ap && ar.person);
    out->text = rl_tree_text(t, c->arena, r.lo, r.hi);
    if (c->remember && c->doc) {
        const phrase_result *nr = r.nnames || ap < 0 ? &r : &ar;
        const char *role = r.role;
        if (ap >= 0 && (!role || rl_tree_upos(t, head, "PROPN"))) role = ar.role;
        if (nr->nnames || out->person) {
            rl_docres_person_add(c->doc, NULL, out->code, role);
            for (int k = 0; k < nr->nnames; k++)
                rl_docres_person_add(c->doc, nr->names[k], out->code, role);
        } else {
            rl_docres_actor_add(c->doc, out->code, is_plural(t, head));
            if (rl_tree_upos(t, head, "NOUN") && strlen(out->code) > 3)
                rl_docres_body_role_add(c->doc, out->code, t->ulemma[head]);
        }
    }
    return true;
}

int rl_actor_ctx_scratch(rl_actor_ctx *c) {
    size_t n = (size_t)c->t->n + 1;
    c->scratch_mark = rl_arena_alloc(c->arena, n);
    c->scratch_used = rl_arena_alloc(c->arena, n);
    c->scratch_words = rl_arena_calloc(c->arena, n, sizeof(char *));
    c->scratch_idx = rl_arena_calloc(c->arena, n, sizeof(int));
    return c->scratch_mark && c->scratch_used && c->scratch_words && c->scratch_idx ? 0 : -1;
}

bool rl_actor_resolve1(const rl_actor_ctx *c, int head, rl_actor *out) {
    return resolve_depth(c, head, out, 0);
}

/* Plural nouns that stand for the parties themselves ("urged both sides"), with no
 * agent of their own. */
static bool party_noun(const char *lemma) {
    static const char *const w[] = {"SIDE", "COUNTRY", "NATION", "STATE", "PARTY",
                                    "NEIGHBOR", "NEIGHBOUR", NULL};
    for (int i = 0; w[i]; i++)
        if (strcmp(w[i], lemma) == 0) return true;
    return false;
}

/* "both governments", "the two coast guards", "both sides", and "they" with no nearer
 * plural actor: the actors last named together in the document (docres), each with
 * the phrase's own agent ("both governments" after "Vietnam and the Philippines" →
 * VNMGOV, PHLGOV). Returns how many were written to out, 0 when the phrase is not such
 * a reference. */
static int group_reference(const rl_actor_ctx *c, int head, rl_actor *out, int max) {
    const rl_tree *t = c->t;
    const char *g[RL_DOCRES_GROUP];
    int ng = c->doc ? rl_docres_group(c->doc, g, RL_DOCRES_GROUP) : 0;
    if (ng < 2 || rl_tree_child(t, head, "conj") >= 0) return 0;
    const char *u = t->uform[head];
    bool pron = rl_tree_upos(t, head, "PRON") && (strcmp(u, "THEY") == 0 || strcmp(u, "THEM") == 0);
    int lo = head;
    if (pron) {
        if (!rl_docres_group_is_last(c->doc) || mentioned_before(c, head, false, true))
            return 0;
    } else {
        if (!rl_tree_upos(t, head, "NOUN") || !is_plural(t, head)) return 0;
        bool two = false;
        for (int k = t->kid_off[head]; k < t->kid_off[head + 1]; k++) {
            int d = t->kids[k];
            if (d > head) break;
            if (rl_tree_rel(t, d, "det") || rl_tree_rel(t, d, "nummod") ||
                rl_tree_rel(t, d, "amod") || rl_tree_rel(t, d, "compound")) {
                if (d < lo) lo = d;
                if (strcmp(t->uform[d], "BOTH") == 0 || strcmp(t->uform[d], "TWO") == 0)
                    two = true;
            }
        }
        if (!two) return 0;
    }
    const char *agent = NULL;
    if (!pron) {
        rl_actor_ctx v = *c;
        v.remember = false;
        v.default_country = NULL;
        rl_actor x;
        char cc[4];
        if (resolve_depth(&v, head, &x, 0)) {
            if (!rl_code_country(x.code, cc)) return 0;
            agent = x.code + 3;
        } else if (!party_noun(t->ulemma[head])) {
            return 0;
        }
    }
    const char *text = rl_tree_text(t, c->arena, lo, head);
    int n = 0;
    for (int i = 0; i < ng && n < max; i++) {
        char cc[4];
        memset(&out[n], 0, sizeof out[n]);
        /* "both countries" are the countries, "both governments" their governments;
         * "the two ministers" keeps a trade minister's GOVBUS (same role, narrower) */
        out[n].code = agent && rl_code_country(g[i], cc) &&
                              (!*agent || strncmp(g[i] + 3, agent, strlen(agent)) != 0)
                          ? rl_arena_printf(c->arena, "%s%s", cc, agent) : g[i];
        if (!out[n].code) return 0;
        out[n].text = text;
        out[n].head = head;
        n++;
    }
    return n;
}

int rl_actors_resolve(const rl_actor_ctx *c, int head, rl_actor *out, int max) {
    int n = 0;
    if (max <= 0 || head < 0) return 0;
    if ((n = group_reference(c, head, out, max)) > 0) return n;
    if (rl_actor_resolve1(c, head, &out[n])) n++;
    const rl_tree *t = c->t;
    /* "American and Indian troops": one actor per coordinated modifier */
    for (int k = t->kid_off[head]; k < t->kid_off[head + 1] && n < max; k++) {
        int m = t->kids[k];
        if (!(rl_tree_rel(t, m, "amod") || rl_tree_rel(t, m, "compound"))) continue;
        for (int j = t->kid_off[m]; j < t->kid_off[m + 1] && n < max; j++) {
            int cj = t->kids[j];
            if (!rl_tree_rel(t, cj, "conj")) continue;
            rl_actor_ctx v = *c;
            v.swap = true;
            v.swap_out = m;
            v.swap_in = cj;
            if (rl_actor_resolve1(&v, head, &out[n])) n++;
        }
    }
    /* "the foreign ministers of the UAE and Bahrain", "the leaders of North and South
     * Korea": a role that took its country from a coordinated of-phrase is one actor
     * per country */
    char cc0[4], sc[4];
    for (int k = t->kid_off[head]; n == 1 && k < t->kid_off[head + 1]; k++) {
        int m = t->kids[k];
        const char *cs = rl_tree_case(t, m);
        if (!rl_tree_upos(t, head, "NOUN") || !rl_tree_rel(t, m, "nmod") || !cs ||
            strcmp(cs, "OF") != 0 || !rl_code_country(out[0].code, cc0))
            continue;
        rl_actor sub[4];
        int ns = rl_actors_resolve(c, m, sub, 4);
        if (ns < 2 || !rl_code_country(sub[0].code, sc) || strcmp(sc, cc0) != 0) break;
        for (int i = 1; i < ns && n < max; i++) {
            if (!rl_code_country(sub[i].code, sc) || strcmp(sc, cc0) == 0) continue;
            out[n] = out[0];
            out[n].code = rl_arena_printf(c->arena, "%s%s", sc, out[0].code + 3);
            if (!out[n].code) return n;
            n++;
        }
    }
    for (int k = t->kid_off[head]; k < t->kid_off[head + 1] && n < max; k++) {
        int ch = t->kids[k];
        if (!rl_tree_rel(t, ch, "conj")) continue;
        if (!(rl_tree_upos(t, ch, "NOUN") || rl_tree_upos(t, ch, "PROPN") || rl_tree_upos(t, ch, "PRON")))
            continue;
        if (rl_actor_resolve1(c, ch, &out[n])) n++;
    }
    return n;
}
