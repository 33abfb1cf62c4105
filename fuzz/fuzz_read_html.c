/* fuzz_read_html.c — libFuzzer harness: the html reader, then the segmenter, on arbitrary bytes. */
#define FUZZ_FORMAT RL_INPUT_HTML
#include "fuzz_reader.h"
