/* fuzz_read_text.c — libFuzzer harness: the text reader, then the segmenter, on arbitrary bytes. */
#define FUZZ_FORMAT RL_INPUT_TEXT
#include "fuzz_reader.h"
