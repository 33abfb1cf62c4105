/* furniture.h — recognising the parts of a scraped news page that are not reporting:
 * site taglines, datelines, bylines, photo captions and related-article links.
 * The segmenter classifies whole lines with these before splitting sentences, so a
 * furniture line becomes one sentence of its kind and is never coded. */
#ifndef RL_FURNITURE_H
#define RL_FURNITURE_H

#include <stdbool.h>
#include <stddef.h>

#include "document.h"

typedef struct rl_line_info {
    const char *text;          /* the line, without surrounding space */
    size_t len;
    int index;                 /* 0-based among the document's non-empty lines */
    bool before_content;       /* no headline or body line precedes it */
    const char *next;          /* the next non-empty line (NULL if none) */
    size_t next_len;
    const char *next2;         /* the one after that (NULL if none) */
    size_t next2_len;
} rl_line_info;

/* RL_SENT_BODY when the line is not furniture. HEADLINE is never returned here: the
 * segmenter decides headlines from the layout. */
rl_sentence_kind rl_furniture_kind(const rl_line_info *line);

/* True if the whole of s[0..n) is a date/time expression such as "July 18, 2019 at
 * 2:51 am", "18 July 2019", "Updated 14:05 GMT, 3 March 2024" or "2024-03-14";
 * writes the date as "YYYY-MM-DD" (when it names a full date) into out, else "". */
bool rl_dateline_parse(const char *s, size_t n, char out[11]);

#endif
