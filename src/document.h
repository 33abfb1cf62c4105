/*
 * document.h — the per-document data every pipeline stage reads and fills in.
 *
 * A reader creates an rl_document (id, date, text) in an arena; the segmenter splits the
 * text into sentences and tokens; the tagger, lemmatizer and parser fill in the token
 * fields; the coder reads all of it. Everything lives in the document's arena and is
 * freed with it. Strings such as upos/xpos/deprel point into read-only tables owned by
 * the models (or static tables), never into per-document memory that moves.
 */
#ifndef RL_DOCUMENT_H
#define RL_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct rl_token {
    const char *form;      /* NUL-terminated surface form (NFC) */
    const char *lemma;     /* lemmatizer output; NULL until lemmatized */
    const char *upos;      /* "NOUN"...; NULL until tagged */
    const char *xpos;      /* "NN"...;   NULL until tagged */
    const char *feats;     /* "Number=Sing" or "_" / NULL */
    const char *deprel;    /* "nsubj:pass"...; NULL until parsed */
    int head;              /* 1-based index of the head in the sentence, 0 = root, -1 = unset */
    uint32_t start, end;   /* byte span in rl_document.text (end exclusive); 0,0 if none */
    bool space_after;      /* followed by whitespace in the text */
} rl_token;

/* Why a stretch of text is or is not coded. Furniture (everything but BODY and
 * HEADLINE) is reported by `redline segment` and never produces events. */
typedef enum rl_sentence_kind {
    RL_SENT_BODY = 0,
    RL_SENT_HEADLINE,      /* title or a headline line without final punctuation */
    RL_SENT_TAGLINE,       /* site slogan at the top of a scraped page */
    RL_SENT_DATELINE,      /* "July 18, 2019 at 2:51 am" */
    RL_SENT_BYLINE,        /* "By Jane Doe" */
    RL_SENT_CAPTION,       /* photo caption "..., 23 July 2017 [Agency]" */
    RL_SENT_LINK,          /* "Read: ...", "Read more: ...", "Related: ..." */
    RL_SENT_KIND_COUNT
} rl_sentence_kind;

const char *rl_sentence_kind_name(rl_sentence_kind k);   /* "body", "caption", ... */

typedef struct rl_sentence {
    uint32_t start, end;   /* byte span in rl_document.text */
    int paragraph;         /* 0-based paragraph (blank-line or line separated block) */
    rl_sentence_kind kind;
    bool introduces_quote; /* ends with "said:" / "added:" — the next sentence is its quote */
    bool in_quote;         /* lies inside quotation marks opened earlier */
    rl_token *tokens;
    int ntokens;
} rl_sentence;

typedef struct rl_document {
    const char *id;        /* JSON id, PETRARCH Sentence id, or file name */
    const char *date;      /* "YYYY-MM-DD" or NULL */
    const char *date_source; /* "input", "dateline" or NULL */
    const char *title;     /* headline given separately by the input, or NULL */
    char *text;            /* UTF-8, NFC-normalised, NUL-terminated */
    size_t text_len;
    const char *origin;    /* file the document came from ("-" for stdin) */
    long record;           /* 1-based line/record number in origin (0 for whole-file) */
    bool pretokenized;     /* sentences/tokens came from the input (CoNLL-U) */
    rl_sentence *sentences;
    int nsentences;
    rl_arena *arena;       /* owns everything above */
} rl_document;

#endif
