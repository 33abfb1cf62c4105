/* fuzz_read_jsonl.c — libFuzzer harness: the jsonl reader, then the segmenter, on arbitrary bytes. */
#define FUZZ_FORMAT RL_INPUT_JSONL
#include "fuzz_reader.h"
