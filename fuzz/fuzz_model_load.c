/* fuzz_model_load.c — libFuzzer harness for the model loader: any bytes given as a
 * tagger, lemmatizer or parser file must be rejected with an error or loaded into a
 * model that then annotates a sentence without reading out of bounds.
 * The first byte picks the loader (bits 0-1) and whether (bit 2) the rest gets a
 * correct size and checksum patched into its header, so that the fuzzer gets past the
 * checksum into the section parsers. */
#include "lemmatizer.h"
#include "model_io.h"
#include "parser.h"
#include "tagger.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static void annotate(const rl_tagger *t, const rl_lemmatizer *l, const rl_parser *p) {
    static const char *forms[] = {"Iran", "rejected", "the", "proposal", ".", "", "😀"};
    rl_arena *a = rl_arena_new(0);
    if (!a) return;
    rl_sentence s = {0};
    rl_token toks[7];
    memset(toks, 0, sizeof toks);
    for (int i = 0; i < 7; i++) { toks[i].form = forms[i]; toks[i].xpos = "NN"; toks[i].head = -1; }
    s.tokens = toks;
    s.ntokens = 7;
    if (t) rl_tagger_tag(t, &s, a);
    if (l) rl_lemmatizer_run(l, &s, a);
    if (p) rl_parser_parse(p, &s, a);
    rl_arena_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    int which = data[0] & 3, fix = data[0] & 4;   /* 0 tagger, 1 lemmatizer, 2 parser */
    data++; size--;
    /* The loader wants 8-byte alignment (as mmap gives); copy. */
    uint8_t *buf = malloc(size + 8);
    if (!buf) return 0;
    memcpy(buf, data, size);
    if (fix && size >= 64) {
        uint64_t n = size;
        uint32_t crc = (uint32_t)crc32(crc32(0L, Z_NULL, 0), buf + 64, (uInt)(size - 64));
        memcpy(buf + 16, &n, 8);
        memcpy(buf + 24, &crc, 4);
    }
    rl_error err;
    if (which == 0 || which == 3) {
        rl_tagger t;
        if (rl_tagger_from_memory(&t, buf, size, &err) == 0) annotate(&t, NULL, NULL);
    } else if (which == 1) {
        rl_lemmatizer l;
        if (rl_lemmatizer_from_memory(&l, buf, size, &err) == 0) annotate(NULL, &l, NULL);
    } else {
        rl_parser p;
        if (rl_parser_from_memory(&p, buf, size, &err) == 0) annotate(NULL, NULL, &p);
    }
    free(buf);
    return 0;
}
