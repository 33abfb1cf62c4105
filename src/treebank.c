/* treebank.c — gold CoNLL-U in, arrays of sentences out. */
#include "treebank.h"
#include "resources.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int grow(void **p, int *cap, int need, size_t elem) {
    if (need <= *cap) return 0;
    int c = *cap ? *cap : 64;
    while (c < need) c *= 2;
    void *q = realloc(*p, (size_t)c * elem);
    if (!q) return -1;
    *p = q; *cap = c;
    return 0;
}

int rl_treebank_read(rl_treebank *tb, const char *path, rl_error *err) {
    memset(tb, 0, sizeof *tb);
    int use_stdin = !strcmp(path, "-");
    FILE *fp = use_stdin ? stdin : fopen(path, "r");
    if (!fp) {
        rl_error_set(err, RL_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
        return -1;
    }
    tb->arena = rl_arena_new(1 << 20);
    char *line = NULL;
    size_t lcap = 0;
    long lineno = 0;
    int scap = 0, tcap = 0, nt = 0, rc = -1;
    rl_tb_token *toks = NULL;
    const char *sent_id = NULL, *text = NULL;
    long first = 0;
    if (!tb->arena) goto oom;
    for (;;) {
        ssize_t len = getline(&line, &lcap, fp);
        if (len >= 0) lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
        if (len <= 0) {
            /* Blank line or end of file closes the sentence. */
            if (nt > 0) {
                if (grow((void **)&tb->s, &scap, tb->n + 1, sizeof *tb->s)) goto oom;
                rl_tb_sentence *s = &tb->s[tb->n++];
                s->sent_id = sent_id; s->text = text; s->n = nt; s->line = first;
                s->tok = rl_arena_alloc(tb->arena, (size_t)nt * sizeof *toks);
                if (!s->tok) goto oom;
                memcpy(s->tok, toks, (size_t)nt * sizeof *toks);
                for (int i = 0; i < nt; i++)
                    if (s->tok[i].head < 0 || s->tok[i].head > nt) {
                        rl_error_set(err, RL_ERR_FORMAT, path, first + i,
                                     "head %d out of range (sentence has %d words)", s->tok[i].head, nt);
                        goto done;
                    }
            }
            nt = 0; sent_id = text = NULL;
            if (len < 0) break;
            continue;
        }
        if (line[0] == '#') {
            const char *v;
            if (!strncmp(line, "# sent_id = ", 12) && (v = rl_arena_strdup(tb->arena, line + 12))) sent_id = v;
            else if (!strncmp(line, "# text = ", 9) && (v = rl_arena_strdup(tb->arena, line + 9))) text = v;
            continue;
        }
        char *col[10];
        int nc = 0;
        for (char *p = line; nc < 10; nc++) {
            col[nc] = p;
            char *tab = strchr(p, '\t');
            if (!tab) { nc++; break; }
            *tab = '\0';
            p = tab + 1;
        }
        if (nc != 10) {
            rl_error_set(err, RL_ERR_FORMAT, path, lineno, "expected 10 tab-separated columns, found %d", nc);
            goto done;
        }
        if (strchr(col[0], '-') || strchr(col[0], '.')) continue;   /* ranges, empty nodes */
        char *end;
        long id = strtol(col[0], &end, 10);
        if (*end || id != nt + 1) {
            rl_error_set(err, RL_ERR_FORMAT, path, lineno, "word id '%s' out of sequence", col[0]);
            goto done;
        }
        long head = col[6][0] == '_' ? 0 : strtol(col[6], &end, 10);
        if (col[6][0] != '_' && *end) {
            rl_error_set(err, RL_ERR_FORMAT, path, lineno, "bad head '%s'", col[6]);
            goto done;
        }
        if (grow((void **)&toks, &tcap, nt + 1, sizeof *toks)) goto oom;
        if (nt == 0) first = lineno;
        rl_tb_token *t = &toks[nt++];
        const char **dst[] = {&t->form, &t->lemma, &t->upos, &t->xpos, &t->feats};
        for (int c = 0; c < 5; c++)
            if (!(*dst[c] = rl_arena_strdup(tb->arena, col[c + 1]))) goto oom;
        if (!(t->deprel = rl_arena_strdup(tb->arena, col[7])) ||
            !(t->misc = rl_arena_strdup(tb->arena, col[9])))
            goto oom;
        t->head = head > 100000 ? -1 : (int)head;
    }
    rc = 0;
    goto done;
oom:
    rl_error_set(err, RL_ERR_MEMORY, path, lineno, "out of memory");
done:
    free(line);
    free(toks);
    if (!use_stdin) fclose(fp);
    if (rc != 0) rl_treebank_free(tb);
    return rc;
}

void rl_treebank_free(rl_treebank *tb) {
    if (tb->arena) rl_arena_free(tb->arena);
    free(tb->s);
    memset(tb, 0, sizeof *tb);
}

int rl_tb_to_sentence(const rl_tb_sentence *s, rl_sentence *out, rl_arena *arena) {
    memset(out, 0, sizeof *out);
    out->tokens = rl_arena_calloc(arena, (size_t)(s->n ? s->n : 1), sizeof *out->tokens);
    if (!out->tokens) return -1;
    out->ntokens = s->n;
    for (int i = 0; i < s->n; i++) {
        rl_token *t = &out->tokens[i];
        t->form = s->tok[i].form;
        t->head = -1;
        t->space_after = !strstr(s->tok[i].misc, "SpaceAfter=No");
    }
    return 0;
}
