/* test_furniture.c — taglines, datelines, bylines, captions and links on a page we made up. */
#include "check.h"
#include "furniture.h"
#include "ingest.h"
#include "segment.h"

static const char page[] =
    "Reporting the region since 1998\n\n"
    "Ghana and Togo agree to reopen border crossing\n\n"
    "March 3, 2023 at 4:17 pm\n\n"
    "By Ama Mensah and Kofi Boateng\n\n"
    "Border post at Aflao, 1 March 2023 [Coastal Press/Photo Desk]\n\n"
    "Ghana and Togo agreed on Thursday to reopen their main border crossing.\n\n"
    "The foreign minister of Togo said:\n\n"
    "\xE2\x80\x9CTrade must flow again. Our peoples are one.\xE2\x80\x9D\n\n"
    "Read more: Fishermen caught between two navies\n\n"
    "Officials will meet again in Lome next week.\n";

static void test_page_kinds(void) {
    rl_arena *a = rl_arena_new(0);
    rl_doc_input in = {.id = "p", .text = page};
    rl_document d;
    rl_error err;
    CHECK_INT(rl_document_from_input(a, &in, &d, NULL, NULL, &err), 0);
    CHECK_INT(rl_segment_document(&d, &err), 0);
    static const rl_sentence_kind want[] = {
        RL_SENT_TAGLINE, RL_SENT_HEADLINE, RL_SENT_DATELINE, RL_SENT_BYLINE, RL_SENT_CAPTION,
        RL_SENT_BODY, RL_SENT_BODY, RL_SENT_BODY, RL_SENT_BODY, RL_SENT_LINK, RL_SENT_BODY};
    CHECK_INT(d.nsentences, (int)(sizeof want / sizeof want[0]));
    for (int i = 0; i < d.nsentences; i++) {
        if (d.sentences[i].kind != want[i])
            printf("# sentence %d: %s, wanted %s\n", i, rl_sentence_kind_name(d.sentences[i].kind),
                   rl_sentence_kind_name(want[i]));
        CHECK_INT(d.sentences[i].kind, want[i]);
    }
    CHECK(d.sentences[6].introduces_quote);
    CHECK(d.sentences[8].in_quote);
    /* The dateline dates an undated document. */
    CHECK_STR(d.date, "2023-03-03");
    CHECK_STR(d.date_source, "dateline");
    rl_arena_free(a);
}

static void test_input_date_wins(void) {
    rl_arena *a = rl_arena_new(0);
    rl_doc_input in = {.id = "p", .date = "2023-03-04", .text = page};
    rl_document d;
    rl_error err;
    CHECK_INT(rl_document_from_input(a, &in, &d, NULL, NULL, &err), 0);
    CHECK_INT(rl_segment_document(&d, &err), 0);
    CHECK_STR(d.date, "2023-03-04");
    CHECK_STR(d.date_source, "input");
    rl_arena_free(a);
}

static bool date_is(const char *s, const char *want) {
    char out[11];
    if (!rl_dateline_parse(s, strlen(s), out)) return want == NULL;
    return want && !strcmp(out, want);
}

static void test_datelines(void) {
    CHECK(date_is("July 18, 2019 at 2:51 am", "2019-07-18"));
    CHECK(date_is("18 July 2019", "2019-07-18"));
    CHECK(date_is("Updated 14:05 GMT, 3 March 2024", "2024-03-03"));
    CHECK(date_is("Thursday 14 March 2024 09.05 GMT", "2024-03-14"));
    CHECK(date_is("Published: Sept. 9, 2021", "2021-09-09"));
    CHECK(date_is("2024-03-14", "2024-03-14"));
    CHECK(date_is("Mar 14th, 2024 | 9:05 a.m.", "2024-03-14"));
    CHECK(date_is("The talks resumed on 18 July 2019", NULL));
    CHECK(date_is("March 2024", ""));           /* a month, no day: dateline, no date */
    CHECK(date_is("May the talks succeed", NULL));
    CHECK(date_is("2019", NULL));
}

static rl_sentence_kind kind_of(const char *line, int index, const char *next, const char *next2) {
    rl_line_info li = {.text = line, .len = strlen(line), .index = index, .before_content = index == 0,
                       .next = next, .next_len = next ? strlen(next) : 0,
                       .next2 = next2, .next2_len = next2 ? strlen(next2) : 0};
    return rl_furniture_kind(&li);
}

static void test_line_rules(void) {
    CHECK_INT(kind_of("Read: Ceasefire holds in the north", 5, NULL, NULL), RL_SENT_LINK);
    CHECK_INT(kind_of("RELATED: More talks planned", 5, NULL, NULL), RL_SENT_LINK);
    CHECK_INT(kind_of("See also: earlier coverage", 5, NULL, NULL), RL_SENT_LINK);
    CHECK_INT(kind_of("WATCH: the summit in 60 seconds", 5, NULL, NULL), RL_SENT_LINK);
    CHECK_INT(kind_of("Readers wrote in: many agree.", 5, NULL, NULL), RL_SENT_BODY);
    CHECK_INT(kind_of("Troops on patrol near the border (Photo: Jane Roe/Agency)", 5, NULL, NULL),
              RL_SENT_CAPTION);
    CHECK_INT(kind_of("Image copyright Some Agency", 5, NULL, NULL), RL_SENT_CAPTION);
    CHECK_INT(kind_of("By Jane Doe", 5, NULL, NULL), RL_SENT_BYLINE);
    CHECK_INT(kind_of("Jane Doe | Reuters", 5, NULL, NULL), RL_SENT_BYLINE);
    CHECK_INT(kind_of("By the end of the week the talks had failed.", 5, NULL, NULL), RL_SENT_BODY);
    /* A line that is just "By" (fuzzing found a read past its end). */
    rl_line_info by = {.text = "By\nJane", .len = 2, .index = 3};
    CHECK_INT(rl_furniture_kind(&by), RL_SENT_BODY);
    /* A short first line above a headline is a tagline only with page shape or cues. */
    CHECK_INT(kind_of("Your daily window on Asia", 0, "Seoul and Tokyo trade barbs", NULL),
              RL_SENT_TAGLINE);
    CHECK_INT(kind_of("Seoul and Tokyo trade barbs", 0, "Officials met on Monday.", NULL),
              RL_SENT_BODY);
    CHECK_INT(kind_of("Seoul and Tokyo trade barbs", 0, "Talks stall again", "Talks resumed."),
              RL_SENT_BODY);
}

int main(void) {
    RUN(test_page_kinds);
    RUN(test_input_date_wins);
    RUN(test_datelines);
    RUN(test_line_rules);
    return CHECK_DONE();
}
