/* patterns.c — verb patterns on the dependency tree (see patterns.h). */
#include "patterns.h"

#include <stdio.h>
#include <string.h>

bool rl_code_is_null(const char *code) {
    return !code || !*code || strcmp(code, "---") == 0;
}

static bool word_is(const rl_tree *t, int i, const char *w) {
    /* first characters first: this runs for every pattern word against many tokens */
    const char *f = t->uform[i], *l = t->ulemma[i];
    return (f[0] == w[0] && strcmp(f, w) == 0) || (l[0] == w[0] && strcmp(l, w) == 0);
}

/* A synset phrase matches a token by its last word (phrases are short noun groups). */
static bool synset_has(const rl_tree *t, int i, const rl_synset *s) {
    for (size_t k = 0; k < s->nphrases; k++) {
        const char *ph = s->phrases[k];
        const char *last = strrchr(ph, ' ');
        last = last ? last + 1 : ph;
        if (word_is(t, i, last)) return true;
    }
    return false;
}

static bool pw_matches(const rl_tree *t, int i, const rl_pattern_word *w) {
    if (w->kind == RL_PW_WORD) return word_is(t, i, w->word);
    if (w->kind == RL_PW_SYNSET) return w->synset && synset_has(t, i, w->synset);
    return false;
}

static bool pw_literal(const rl_pattern_word *w) {
    return w->kind == RL_PW_WORD || w->kind == RL_PW_SYNSET;
}

/* Whether some token in i's subtree (other than i) matches w. */
static bool subtree_has(const rl_tree *t, int i, const rl_pattern_word *w, int depth) {
    for (int k = t->kid_off[i]; k < t->kid_off[i + 1]; k++) {
        int c = t->kids[k];
        if (pw_matches(t, c, w)) return true;
        if (depth < 6 && subtree_has(t, c, w, depth + 1)) return true;
    }
    return false;
}

typedef struct slot_state {
    int source, target;
    int consumed[RL_MAX_CONSUMED];
    int nconsumed;
    int score;
} slot_state;

/* Matches a pattern noun phrase against node: the last literal word is node's head, the
 * others lie in its subtree; '+'/'$' mark node. An NP without literal words matches any
 * node. Returns false on mismatch. */
static bool np_matches(const rl_tree *t, const rl_pattern_np *np, int node, slot_state *st) {
    int last = -1;
    for (size_t k = 0; k < np->nwords; k++)
        if (pw_literal(&np->words[k])) last = (int)k;
    int lit = 0;
    if (last >= 0) {
        if (!pw_matches(t, node, &np->words[last])) return false;
        lit++;
        for (int k = 0; k < last; k++) {
            if (!pw_literal(&np->words[k])) continue;
            if (!subtree_has(t, node, &np->words[k], 0)) return false;
            lit++;
        }
        if (st->nconsumed < RL_MAX_CONSUMED) st->consumed[st->nconsumed++] = node;
    }
    for (size_t k = 0; k < np->nwords; k++) {
        if (np->words[k].kind == RL_PW_TARGET) st->target = node;
        else if (np->words[k].kind == RL_PW_SOURCE) st->source = node;
    }
    st->score += 2 * lit;
    return true;
}

static bool np_has_literal(const rl_pattern_np *np) {
    for (size_t k = 0; k < np->nwords; k++)
        if (pw_literal(&np->words[k])) return true;
    return false;
}

static bool object_rel(const rl_tree *t, int c) {
    return rl_tree_rel(t, c, "obj") || rl_tree_rel(t, c, "iobj") ||
           rl_tree_rel(t, c, "xcomp") || rl_tree_rel(t, c, "ccomp") ||
           rl_tree_rel(t, c, "obl") || rl_tree_rel(t, c, "nmod") ||
           rl_tree_rel(t, c, "advmod") || rl_tree_rel(t, c, "compound") ||
           rl_tree_rel(t, c, "nsubj:pass") || rl_tree_rel(t, c, "dep");
}

/* Post-predicate noun phrase: tries the predicate's dependents, then the objects and
 * obliques of a clausal complement ("agreed to resume talks"). */
static bool match_np_slot(const rl_tree *t, int p, const rl_pattern_np *np, slot_state *st) {
    if (!np_has_literal(np)) {
        int o = rl_tree_child(t, p, "obj");
        if (o < 0) o = rl_tree_child(t, p, "iobj");
        if (o < 0) return false;
        return np_matches(t, np, o, st);
    }
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        if (!object_rel(t, c)) continue;
        slot_state tmp = *st;
        if (np_matches(t, np, c, &tmp)) { *st = tmp; return true; }
    }
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        if (!(rl_tree_rel(t, c, "xcomp") || rl_tree_rel(t, c, "ccomp") ||
              rl_tree_rel(t, c, "obj")))
            continue;
        for (int j = t->kid_off[c]; j < t->kid_off[c + 1]; j++) {
            int g = t->kids[j];
            if (!(rl_tree_rel(t, g, "obj") || rl_tree_rel(t, g, "obl") ||
                  rl_tree_rel(t, g, "nmod") || rl_tree_rel(t, g, "compound")))
                continue;
            slot_state tmp = *st;
            if (np_matches(t, np, g, &tmp)) { *st = tmp; return true; }
        }
    }
    return false;
}

static bool prep_is(const rl_tree *t, int node, const char *prep) {
    /* "BY/WITH" style alternatives are written with '/' in some dictionaries */
    for (int k = t->kid_off[node]; k < t->kid_off[node + 1]; k++) {
        int c = t->kids[k];
        if (!(rl_tree_rel(t, c, "case") || rl_tree_rel(t, c, "mark"))) continue;
        const char *w = t->uform[c];
        size_t n = strlen(w);
        for (const char *p = prep; *p;) {
            const char *e = strchr(p, '/');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            const char *sp = memchr(p, ' ', len);   /* multi-word: first word */
            if (sp) len = (size_t)(sp - p);
            if (len == n && strncmp(p, w, n) == 0) return true;
            if (!e) break;
            p = e + 1;
        }
    }
    return false;
}

static bool pp_rel(const rl_tree *t, int c) {
    /* acl: "accused Russia of poisoning", where "of" marks a clause on the object */
    return rl_tree_rel(t, c, "obl") || rl_tree_rel(t, c, "nmod") ||
           rl_tree_rel(t, c, "advcl") || rl_tree_rel(t, c, "acl") ||
           rl_tree_rel(t, c, "xcomp") ||
           rl_tree_rel(t, c, "obj") || rl_tree_rel(t, c, "ccomp");
}

static bool try_pp(const rl_tree *t, int holder, const rl_pattern_slot *sl, slot_state *st) {
    for (int k = t->kid_off[holder]; k < t->kid_off[holder + 1]; k++) {
        int c = t->kids[k];
        if (!pp_rel(t, c) || !prep_is(t, c, sl->prep)) continue;
        slot_state tmp = *st;
        if (np_matches(t, &sl->np, c, &tmp)) {
            tmp.score += 1;
            *st = tmp;
            return true;
        }
    }
    return false;
}

/* "(PREP NP)": on the predicate, then on its object ("sanctions on Russia"), then — for
 * a phrase with words of its own — on an oblique, where the parser often hangs it
 * ("appealed to the UN *for aid*"). */
static bool match_pp_slot(const rl_tree *t, int p, const rl_pattern_slot *sl, slot_state *st) {
    if (try_pp(t, p, sl, st)) return true;
    int o = rl_tree_child(t, p, "obj");
    if (o < 0 && rl_tree_upos(t, p, "NOUN")) return false;
    if (o >= 0 && try_pp(t, o, sl, st)) return true;
    if (!np_has_literal(&sl->np)) return false;
    for (int k = t->kid_off[p]; k < t->kid_off[p + 1]; k++) {
        int c = t->kids[k];
        if (rl_tree_rel(t, c, "obl") && try_pp(t, c, sl, st)) return true;
    }
    return false;
}

/* Words before '*': tokens left of the predicate within its subtree (auxiliaries,
 * adverbs, the subject's words). '+' before the verb marks the subject as target. */
static bool match_pre_slot(const rl_tree *t, int p, const rl_pattern_slot *sl, slot_state *st) {
    int subj = rl_tree_child(t, p, "nsubj");
    for (size_t k = 0; k < sl->np.nwords; k++) {
        const rl_pattern_word *w = &sl->np.words[k];
        if (w->kind == RL_PW_TARGET) { if (subj >= 0) st->target = subj; continue; }
        if (w->kind == RL_PW_SOURCE) { if (subj >= 0) st->source = subj; continue; }
        if (!pw_literal(w)) continue;
        bool found = false;
        for (int i = 0; i < p && !found; i++)
            found = pw_matches(t, i, w) && rl_tree_dominates(t, p, i);
        if (!found) return false;
        st->score += 2;
    }
    if (sl->is_pp) return false;   /* prepositions before the verb: not handled on trees */
    return true;
}

static bool match_pattern(const rl_tree *t, int p, const rl_verb_pattern *vp, slot_state *st) {
    st->source = st->target = -1;
    st->nconsumed = 0;
    st->score = 0;
    for (size_t k = 0; k < vp->npre; k++)
        if (!match_pre_slot(t, p, &vp->pre[k], st)) return false;
    for (size_t k = 0; k < vp->npost; k++) {
        const rl_pattern_slot *sl = &vp->post[k];
        if (sl->is_pp ? !match_pp_slot(t, p, sl, st) : !match_np_slot(t, p, &sl->np, st))
            return false;
        st->score += 1;
    }
    return true;
}

/* Particles after the verb: compound:prt children, the next words, or (first particle)
 * the case marker of an oblique ("ask for aid"). */
static int match_after(const rl_tree *t, int p, const rl_verb_entry *e) {
    int last = p;
    for (size_t j = 0; j < e->nafter; j++) {
        const char *w = e->after[j];
        int hit = -1;
        for (int k = t->kid_off[p]; k < t->kid_off[p + 1] && hit < 0; k++) {
            int c = t->kids[k];
            if (rl_tree_rel(t, c, "compound:prt") && strcmp(t->uform[c], w) == 0) hit = c;
        }
        if (hit < 0 && last + 1 < t->n && strcmp(t->uform[last + 1], w) == 0) hit = last + 1;
        if (hit < 0 && j == 0) {
            for (int k = t->kid_off[p]; k < t->kid_off[p + 1] && hit < 0; k++) {
                int c = t->kids[k];
                if ((rl_tree_rel(t, c, "obl") || rl_tree_rel(t, c, "nmod")) &&
                    prep_is(t, c, w))
                    hit = p;   /* the particle is the oblique's preposition */
            }
        }
        if (hit < 0) return -1;
        if (hit > last) last = hit;
    }
    return last;
}

static bool match_before(const rl_tree *t, int p, const rl_verb_entry *e) {
    int at = p - 1;
    for (size_t j = e->nbefore; j-- > 0; at--) {
        if (at < 0) return false;
        if (strcmp(t->uform[at], e->before[j]) != 0 && strcmp(t->ulemma[at], e->before[j]) != 0)
            return false;
    }
    return true;
}

bool rl_match_predicate(const rl_dicts *d, const rl_tree *t, int p, rl_pred_match *m) {
    if (!d) return false;
    bool noun = rl_tree_upos(t, p, "NOUN");
    /* an adjective with an object is a mistagged verb ("would free the crew") */
    bool verb = rl_tree_upos(t, p, "VERB") ||
                (rl_tree_upos(t, p, "ADJ") && rl_tree_child(t, p, "obj") >= 0);
    if (!noun && !verb) return false;
    const rl_verb_entry *const *es = NULL;
    const rl_verb_entry *e = NULL;
    int extra = p;
    /* the lemma first; the form for plural event nouns listed as such ("TALKS"); then
     * the lemma with its final "E" restored, which the lemmatizer sometimes drops
     * ("ruled" → "rul") */
    char keys[4][64];
    int nkeys = 0;
    if (!noun) {
        /* and stems of the form ("shelled" → "SHELL", "bombs" → "BOMB") */
        const char *f = t->uform[p];
        size_t fl = strlen(f);
        snprintf(keys[nkeys++], sizeof keys[0], "%sE", t->ulemma[p]);
        if (fl > 4 && fl < 60 && strcmp(f + fl - 2, "ED") == 0)
            snprintf(keys[nkeys++], sizeof keys[0], "%.*s", (int)(fl - 2), f);
        if (fl > 5 && fl < 60 && strcmp(f + fl - 3, "ING") == 0)
            snprintf(keys[nkeys++], sizeof keys[0], "%.*s", (int)(fl - 3), f);
        if (fl > 3 && fl < 60 && f[fl - 1] == 'S')
            snprintf(keys[nkeys++], sizeof keys[0], "%.*s", (int)(fl - 1), f);
    }
    for (int pass = 0; pass < 2 + nkeys && !e; pass++) {
        const char *key = pass == 0 ? t->ulemma[p] : pass == 1 ? t->uform[p] : keys[pass - 2];
        if (pass == 1 && strcmp(key, t->ulemma[p]) == 0) continue;
        size_t ne = rl_dict_verbs(d, key, &es);
        for (size_t i = 0; i < ne && !e; i++) {
            if (es[i]->is_noun != noun) continue;
            int last = p;
            if (es[i]->nafter && (last = match_after(t, p, es[i])) < 0) continue;
            if (es[i]->nbefore && !match_before(t, p, es[i])) continue;
            e = es[i];
            extra = last;
        }
    }
    if (!e) return false;

    memset(m, 0, sizeof *m);
    m->entry = e;
    m->source = m->target = -1;
    m->extra = extra;
    m->score = -1;
    const rl_verb_block *b = e->block;
    if (b) {
        for (size_t k = 0; k < b->npatterns; k++) {
            slot_state st;
            const rl_verb_pattern *vp = &b->patterns[k];
            if (!match_pattern(t, p, vp, &st) || st.score <= m->score) continue;
            m->pattern = vp;
            m->score = st.score;
            m->source = st.source;
            m->target = st.target;
            memcpy(m->consumed, st.consumed, sizeof m->consumed);
            m->nconsumed = st.nconsumed;
        }
    }
    if (m->pattern && (m->pattern->code.code[0] || m->pattern->code.negated[0])) {
        m->code = m->pattern->code;
        m->file = m->pattern->file;
        m->line = m->pattern->line;
        m->text = m->pattern->text;
    } else {
        m->pattern = NULL;
        m->score = 0;
        m->source = m->target = -1;
        m->nconsumed = 0;
        m->code = e->code.code[0] ? e->code : (b ? b->code : e->code);
        m->file = e->file;
        m->line = e->line;
        m->text = e->lemma;
    }
    return true;
}
