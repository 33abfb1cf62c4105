/*
 * eval.h — measuring the coder against gold codings (`redline eval`).
 *
 * Gold comes as PETRARCH validation XML (<Sentence date id> holding <EventCoding
 * sourcecode targetcode eventcode/> elements and a <Text>; <Parse> is ignored; an
 * <Environment> block may name dictionary files, read relative to the XML file) or as our
 * JSON lines ({id, date, text, events:[{source, target, code}]}). Each record is coded
 * through the whole pipeline and compared event by event:
 *   - a record passes when its predicted events equal the gold ones (as a multiset);
 *   - precision/recall/F1 count events matching in source, target and code ("full") and
 *     in source, target and root code ("root");
 *   - actor accuracy: among gold events paired with a predicted event of the same root,
 *     the share whose source (and target) also agree;
 *   - a root-by-root confusion table pairs leftover gold and predicted events in order
 *     (root 0 = no event);
 *   - misses list each gold event not matched in full, with what was predicted instead
 *     and the rule that fired.
 * The codebook mode reads ../shared/reference/cameo_codebook.jsonl style lines
 * ({code, examples:[...]}) and asks whether the highest-ranked event of each example —
 * the first one the coder emits that is not a bare 010 statement, else the first — has
 * the example's root code.
 */
#ifndef RL_EVAL_H
#define RL_EVAL_H

#include <stdbool.h>
#include <stdio.h>

#include "redline.h"

typedef struct rl_gold_event {
    const char *source, *target, *code;   /* target "" when none */
} rl_gold_event;

typedef struct rl_gold_record {
    const char *id, *date, *text;
    rl_gold_event *events;
    size_t nevents;
} rl_gold_record;

typedef struct rl_gold_set rl_gold_set;

/* Reads a gold file (XML when it starts with '<', else JSON lines). NULL + err on failure;
 * a malformed record is an error naming its line. */
rl_gold_set *rl_gold_load(const char *path, rl_error *err);
void rl_gold_free(rl_gold_set *g);
size_t rl_gold_count(const rl_gold_set *g);
const rl_gold_record *rl_gold_get(const rl_gold_set *g, size_t i);
/* Dictionary files named by an XML <Environment>, resolved to paths (NULL fields: none). */
const rl_resource_paths *rl_gold_environment(const rl_gold_set *g);

/* Reads codebook lines {code, examples:[...]} as records with one gold event each
 * (source and target empty: only the code is compared). */
rl_gold_set *rl_codebook_load(const char *path, rl_error *err);

typedef struct rl_eval_miss {
    const char *id, *text;
    rl_gold_event gold;            /* code "" for a spurious prediction */
    const char *got_source, *got_target, *got_code, *rule;   /* NULL if nothing predicted */
} rl_eval_miss;

typedef struct rl_eval_report {
    size_t records, passed, failed, errors;
    size_t gold_events, predicted_events;
    size_t tp_full, tp_root;
    size_t actor_pairs, actor_source_ok, actor_target_ok;
    size_t confusion[21][21];      /* [gold root][predicted root], 0 = none */
    rl_eval_miss *misses;
    size_t nmisses, cap_misses;
    /* codebook mode */
    bool codebook;
    size_t cb_total[21], cb_correct[21], cb_no_event;
} rl_eval_report;

/* Codes every record and fills rep (zeroed first). codebook: compare only the root of
 * the highest-ranked event. Returns 0, or -1 with err on a fatal error. */
int rl_eval_run(const rl_resources *res, const rl_gold_set *g, const rl_code_options *opts,
                bool codebook, rl_eval_report *rep, rl_error *err);
void rl_eval_report_free(rl_eval_report *rep);

double rl_eval_f1(size_t tp, size_t npred, size_t ngold);

/* Human-readable or JSON report. max_misses bounds the misses listed (0 = all). */
void rl_eval_print(FILE *f, const rl_eval_report *rep, size_t max_misses);
int rl_eval_print_json(FILE *f, const rl_eval_report *rep);

#endif
