/* test_segment.c — UD-English tokenization and sentence boundaries on our own sentences. */
#include "check.h"
#include "ingest.h"
#include "segment.h"

/* Segments text; returns the document (arena in *a, freed by the caller). */
static rl_document seg(rl_arena **a, const char *text) {
    rl_document d;
    *a = rl_arena_new(0);
    rl_doc_input in = {.id = "t", .text = text};
    rl_error err;
    if (rl_document_from_input(*a, &in, &d, NULL, NULL, &err) != 0 ||
        rl_segment_document(&d, &err) != 0)
        memset(&d, 0, sizeof d);
    return d;
}

/* Tokens of the whole document joined by '|', sentences by " || ". */
static const char *joined(const rl_document *d, char *buf, size_t size) {
    size_t n = 0;
    buf[0] = '\0';
    for (int i = 0; i < d->nsentences; i++) {
        if (i) n += (size_t)snprintf(buf + n, size - n, " || ");
        for (int k = 0; k < d->sentences[i].ntokens && n < size; k++)
            n += (size_t)snprintf(buf + n, size - n, k ? "|%s" : "%s", d->sentences[i].tokens[k].form);
    }
    return buf;
}

#define CHECK_SEG(text, expect) do { \
    rl_arena *a_; char b_[4096]; rl_document d_ = seg(&a_, text); \
    const char *got_ = joined(&d_, b_, sizeof b_); rl_arena_free(a_); CHECK_STR(got_, expect); \
    } while (0)

static void test_clitics(void) {
    CHECK_SEG("I don't think they'll go, and we can't.", "I|do|n't|think|they|'ll|go|,|and|we|ca|n't|.");
    CHECK_SEG("She's sure it won't rain; I'm not.", "She|'s|sure|it|wo|n't|rain|;|I|'m|not|.");
    CHECK_SEG("You cannot stay, we're gonna leave.", "You|can|not|stay|,|we|'re|gon|na|leave|.");
    CHECK_SEG("Iran\xE2\x80\x99s envoy didn\xE2\x80\x99t sign.",
              "Iran|\xE2\x80\x99s|envoy|did|n\xE2\x80\x99t|sign|.");
    CHECK_SEG("O'Neill met the ministers' aides.", "O'Neill|met|the|ministers|'|aides|.");
}

static void test_abbreviations(void) {
    CHECK_SEG("Mr. Okafor met Gen. Ruiz and Dr. Lee on Feb. 3 at 10 a.m. in Washington, D.C. yesterday.",
              "Mr.|Okafor|met|Gen.|Ruiz|and|Dr.|Lee|on|Feb.|3|at|10|a.m.|in|Washington|,|D.C.|yesterday|.");
    CHECK_SEG("The U.N. envoy, e.g. Ms. Park, spoke.", "The|U.N.|envoy|,|e.g.|Ms.|Park|,|spoke|.");
    /* "U.S." closes a sentence when a typical opener follows. */
    CHECK_SEG("Talks moved to the U.S. The delegates agreed.",
              "Talks|moved|to|the|U.S. || The|delegates|agreed|.");
    CHECK_SEG("J. R. Smith arrived.", "J.|R.|Smith|arrived|.");
}

static void test_numbers_and_symbols(void) {
    CHECK_SEG("It cost $1m (about 1,000.50 euros), up 3.5% at 10:30.",
              "It|cost|$|1|m|(|about|1,000.50|euros|)|,|up|3.5|%|at|10:30|.");
    CHECK_SEG("The 1990s and the 21st century began at 5pm.",
              "The|1990s|and|the|21st|century|began|at|5|pm|.");
}

static void test_urls_and_emails(void) {
    CHECK_SEG("See https://example.org/a-b?c=1, or mail press@example.org.",
              "See|https://example.org/a-b?c=1|,|or|mail|press@example.org|.");
    CHECK_SEG("Visit www.example.com.", "Visit|www.example.com|.");
}

static void test_hyphens(void) {
    CHECK_SEG("A long-term, state-run e-mail plan was non-negotiable.",
              "A|long|-|term|,|state|-|run|e-mail|plan|was|non-negotiable|.");
    CHECK_SEG("Call 555-0100 -- now.", "Call|555-0100|--|now|.");
}

static void test_ellipses_and_quotes(void) {
    CHECK_SEG("Wait... then go\xE2\x80\xA6 fine.", "Wait|...|then|go|\xE2\x80\xA6|fine|.");
    CHECK_SEG("He said \"stop.\" Then he left.", "He|said|\"|stop|.|\" || Then|he|left|.");
    CHECK_SEG("\xE2\x80\x9CNo,\xE2\x80\x9D she said. \xE2\x80\x98" "Fine\xE2\x80\x99 (really).",
              "\xE2\x80\x9C|No|,|\xE2\x80\x9D|she|said|. || \xE2\x80\x98|Fine|\xE2\x80\x99|(|really|)|.");
    CHECK_SEG("\"Why?\" he asked.", "\"|Why|?|\"|he|asked|.");
    CHECK_SEG("Really?! Yes!!", "Really|?! || Yes|!!");
}

static void test_sentence_boundaries(void) {
    CHECK_SEG("Rain fell. Crowds left! Why? Nobody knows.",
              "Rain|fell|. || Crowds|left|! || Why|? || Nobody|knows|.");
    /* A paragraph break always ends a sentence, even without punctuation. */
    CHECK_SEG("First part without a stop\n\nSecond part.", "First|part|without|a|stop || Second|part|.");
    /* A single line break inside a sentence is just a space. */
    CHECK_SEG("The minister said that the\ntalks would resume.", "The|minister|said|that|the|talks|would|resume|.");
    CHECK_SEG("Agenda: 1. Trade. 2. Security.", "Agenda|: || 1|.|Trade|. || 2|.|Security|.");
}

static void test_headline_and_quotes(void) {
    rl_arena *a;
    rl_document d = seg(&a, "Envoys meet in Oslo\n\nThe talks began.\n\nSecond heading here\n\n"
                            "The spokesman said:\n\n\xE2\x80\x9CWe want peace. We will talk.\n\n"
                            "Nothing else matters.\xE2\x80\x9D\n\nThe end.");
    CHECK_INT(d.nsentences, 8);
    CHECK_INT(d.sentences[0].kind, RL_SENT_HEADLINE);
    CHECK_INT(d.sentences[1].kind, RL_SENT_BODY);
    CHECK_INT(d.sentences[2].kind, RL_SENT_BODY);           /* not the first line */
    CHECK(d.sentences[3].introduces_quote);
    CHECK(d.sentences[4].in_quote);                          /* opens the quotation */
    CHECK(d.sentences[5].in_quote);                          /* "We will talk." */
    CHECK_INT(d.sentences[4].paragraph + 1, d.sentences[6].paragraph);
    CHECK(!d.sentences[7].in_quote);
    rl_arena_free(a);
}

static void test_title_is_headline(void) {
    rl_arena *a = rl_arena_new(0);
    rl_doc_input in = {.id = "t", .title = "Is the deal dead?", .text = "Talks stalled. Both sides left."};
    rl_document d;
    rl_error err;
    CHECK_INT(rl_document_from_input(a, &in, &d, NULL, NULL, &err), 0);
    CHECK_INT(rl_segment_document(&d, &err), 0);
    CHECK_INT(d.nsentences, 3);
    CHECK_INT(d.sentences[0].kind, RL_SENT_HEADLINE);
    CHECK_INT(d.sentences[1].kind, RL_SENT_BODY);
    rl_arena_free(a);
}

static void test_offsets(void) {
    rl_arena *a;
    const char *text = "  Gen. Ruiz\xC2\xA0said:  \xE2\x80\x9Cno\xE2\x80\x9D.\n\nOK!";
    rl_document d = seg(&a, text);
    CHECK(d.nsentences == 2);
    for (int i = 0; i < d.nsentences; i++)
        for (int k = 0; k < d.sentences[i].ntokens; k++) {
            const rl_token *t = &d.sentences[i].tokens[k];
            CHECK(t->end > t->start && t->end <= d.text_len);
            CHECK(!strncmp(d.text + t->start, t->form, t->end - t->start));
            CHECK_INT(strlen(t->form), t->end - t->start);
            CHECK_INT(t->head, -1);
        }
    CHECK(!d.sentences[0].tokens[0].space_after == 0);       /* "Gen." then a space */
    CHECK(!d.sentences[0].tokens[1].space_after == 0);       /* no-break space counts */
    rl_arena_free(a);
}

static void test_long_line_is_cut(void) {
    /* 100k words, no punctuation: sentences stay bounded for the parser. */
    size_t n = 100000;
    char *text = malloc(n * 5 + 1);
    CHECK(text);
    for (size_t i = 0; i < n; i++) memcpy(text + i * 5, "word ", 5);
    text[n * 5] = '\0';
    rl_arena *a;
    rl_document d = seg(&a, text);
    free(text);
    CHECK(d.nsentences >= 300);
    long total = 0;
    for (int i = 0; i < d.nsentences; i++) {
        CHECK(d.sentences[i].ntokens <= 300);
        total += d.sentences[i].ntokens;
    }
    CHECK_INT(total, 100000);
    rl_arena_free(a);
}

static void test_token_limit(void) {
    /* Over two million tokens: refused with a reason, not segmented half-way. */
    size_t n = 2000001;
    char *text = malloc(n * 2 + 1);
    CHECK(text);
    for (size_t i = 0; i < n; i++) memcpy(text + i * 2, "a ", 2);
    text[n * 2] = '\0';
    rl_arena *a = rl_arena_new(0);
    rl_doc_input in = {.id = "big", .text = text};
    rl_document d;
    rl_error err;
    int rc = rl_document_from_input(a, &in, &d, NULL, NULL, &err);
    free(text);
    CHECK_INT(rc, 0);
    CHECK_INT(rl_segment_document(&d, &err), -1);
    CHECK_INT(err.status, RL_ERR_LIMIT);
    CHECK(strstr(err.reason, "more than 2000000 tokens") != NULL);
    CHECK_INT(d.nsentences, 0);
    rl_arena_free(a);
}

static void test_empty_and_pretokenized(void) {
    rl_arena *a;
    rl_document d = seg(&a, "   \n\n  ");
    CHECK_INT(d.nsentences, 0);
    rl_arena_free(a);
    /* Pretokenized documents are left alone. */
    rl_document p = {0};
    p.pretokenized = true;
    p.arena = rl_arena_new(0);
    rl_error err;
    CHECK_INT(rl_segment_document(&p, &err), 0);
    CHECK(p.sentences == NULL);
    rl_arena_free(p.arena);
}

int main(void) {
    RUN(test_clitics);
    RUN(test_abbreviations);
    RUN(test_numbers_and_symbols);
    RUN(test_urls_and_emails);
    RUN(test_hyphens);
    RUN(test_ellipses_and_quotes);
    RUN(test_sentence_boundaries);
    RUN(test_headline_and_quotes);
    RUN(test_title_is_headline);
    RUN(test_offsets);
    RUN(test_long_line_is_cut);
    RUN(test_token_limit);
    RUN(test_empty_and_pretokenized);
    return CHECK_DONE();
}
