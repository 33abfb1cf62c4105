/* fuzz_reader.h — the body shared by the reader harnesses: read every document of the
 * input in one format, segment each, and never crash. Each fuzz_read_<format>.c defines
 * FUZZ_FORMAT and includes this file. */
#include "ingest.h"
#include "segment.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    rl_reader_options o = {.format = FUZZ_FORMAT};
    rl_error err;
    rl_reader *r = rl_reader_open_memory(data, size, "fuzz", &o, &err);
    if (!r) return 0;
    rl_arena *a = rl_arena_new(0);
    if (!a) { rl_reader_close(r); return 0; }
    for (int i = 0; i < 10000; i++) {
        rl_document d;
        rl_read_status st = rl_reader_next(r, a, &d, &err);
        if (st == RL_READ_EOF || st == RL_READ_FATAL) break;
        if (st == RL_READ_OK) rl_segment_document(&d, &err);
        rl_arena_reset(a);
    }
    rl_arena_free(a);
    rl_reader_close(r);
    return 0;
}
